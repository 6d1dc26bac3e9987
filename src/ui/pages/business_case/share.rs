//! Sharing a case: its file to send to a colleague, its figures as CSV for
//! a spreadsheet, and taking in a case someone else shared (as a copy when
//! this workbook has it already).

use chrono::Utc;
use leptos::prelude::*;

use super::parts::case_path;
use crate::model::business_case::BusinessCase;
use crate::model::files::business_case_csv::{case_csv, case_csv_file_name};
use crate::model::files::business_case_file::{
    business_case_import_message, read_business_case_file, BusinessCaseFile,
};
use crate::model::workbook::free_text::business_case_texts;
use crate::model::workbook::ops::business_case::with_fresh_ids;
use crate::model::workbook::outcome::Refusal;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{ChosenFile, FileImport, IdentifierList};
use crate::ui::routing::use_navigate;
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

/// On a case's page: download its file to share (after the check for
/// patient details), and its figures as CSV.
#[component]
pub fn ShareCase(#[prop(into)] case_id: Signal<String>) -> impl IntoView {
    let store = use_store();
    let case = store.select(move |w| w.business_case(&case_id.get()).cloned());
    let texts = Signal::derive(move || {
        case.with(|c| c.as_ref().map(business_case_texts).unwrap_or_default())
    });
    // What the last download said, for the case it was about.
    let status = RwSignal::new(None::<(String, String)>);
    let download = move |what: fn(&BusinessCase) -> (String, String, &'static str, String)| {
        let Some(c) = case.get_untracked() else {
            return;
        };
        let (name, text, mime, said) = what(&c);
        let said = match browser::download_text(&name, &text, mime) {
            Ok(()) => said.replace("{name}", &name),
            Err(reason) => reason,
        };
        status.set(Some((c.id.clone(), said)));
    };
    let share = move |_| {
        download(|c| {
            let file = BusinessCaseFile::of(c, Utc::now().into());
            (
                file.file_name(),
                file.to_json(),
                "application/json",
                "The case is downloading as {name}. Send it by NHSmail or another route your \
                 organisation approves for work information; they add it from their list of business cases."
                    .into(),
            )
        })
    };
    let figures = move |_| {
        download(|c| {
            (
                case_csv_file_name(c, browser::today()),
                case_csv(c),
                "text/csv",
                "The figures are downloading as {name}.".into(),
            )
        })
    };
    view! {
        <h2>"Share the case"</h2>
        <p>
            "Download the case as a file to send to a colleague, who can add it to their own workbook, or download its \
             figures year by year as a CSV file to open in a spreadsheet."
        </p>
        <IdentifierList texts what="download the case" />
        <div class="app-share-buttons">
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=share>
                "Download the case to share"
            </button>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=figures>
                "Download the figures (CSV)"
            </button>
        </div>
        <p role="status">
            {move || status.get().filter(|(id, _)| *id == case_id.get()).map(|(_, said)| said)}
        </p>
    }
}

/// On the list: add a case someone shared as a file. One already here (by
/// its ids) is offered as a copy under new ids instead.
#[component]
pub fn ReceiveCase() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let problem = RwSignal::new(None::<String>);
    let received = RwSignal::new(None::<BusinessCase>);
    // Set when adding it under its own ids was refused as they are in use.
    let clashed = RwSignal::new(false);
    let on_file = Callback::new(move |file: ChosenFile| {
        received.set(None);
        clashed.set(false);
        match read_business_case_file(&file.text) {
            Ok(read) => {
                problem.set(None);
                received.set(Some(read.case));
            }
            Err(e) => problem.set(Some(format!(
                "{}: {} Nothing has been changed.",
                file.name,
                business_case_import_message(&e)
            ))),
        }
    });
    let on_error = Callback::new(move |message: String| {
        received.set(None);
        problem.set(Some(format!("{message} Nothing has been changed.")));
    });
    let already_here = Memo::new(move |_| {
        received.with(|r| {
            let id = r.as_ref()?.id.clone();
            store
                .workbook
                .with(|w| w.business_case(&id).map(|c| c.title.to_string()))
        })
    });
    let add = move |copy: bool| {
        let Some(case) = received.get_untracked() else {
            return;
        };
        let case = if copy { with_fresh_ids(&case) } else { case };
        let id = case.id.clone();
        match saver.apply(Change::ReceiveBusinessCase(Box::new(case))) {
            Ok(_) => {
                received.set(None);
                navigate(&case_path(&id), Default::default());
            }
            Err(Refusal::DuplicateId) => clashed.set(true),
            Err(other) => problem.set(Some(format!(
                "The case could not be added: {}. Nothing has been changed.",
                other
            ))),
        }
    };
    view! {
        <h2>"Add a business case someone shared"</h2>
        <p>"If a colleague sent you a business case from this app, add it to your workbook here."</p>
        {move || problem.get().map(|message| view! {
            <div class="nhsuk-error-summary" aria-labelledby="receive-case-error-title" role="alert" tabindex="-1">
                <h2 class="nhsuk-error-summary__title" id="receive-case-error-title">"The file could not be added"</h2>
                <div class="nhsuk-error-summary__body"><p>{message}</p></div>
            </div>
        })}
        <FileImport id="receive-case-file" label="Choose the business case file"
            hint="A file whose name starts \"business-case\". It is read in this browser and nothing is sent anywhere."
            on_file on_error />
        {move || received.get().map(|c| {
            let recommended = c
                .preferred()
                .map(|o| format!("Recommends: {}.", o.name))
                .unwrap_or_else(|| "No option is recommended yet.".into());
            let options = match c.options.len() {
                1 => "1 option".to_string(),
                n => format!("{n} options"),
            };
            let here = already_here.get();
            let copy_offered = here.is_some() || clashed.get();
            view! {
                <div class="nhsuk-card">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading">{c.title.to_string()}</h3>
                        <p class="nhsuk-card__description">
                            {format!("{options}. {recommended}")}
                        </p>
                        {copy_offered.then(|| view! {
                            <p>
                                {match &here {
                                    Some(title) => format!(
                                        "You already have this business case (\"{title}\"). Adding it again keeps yours as it \
                                         is and adds the shared one beside it as a copy."
                                    ),
                                    None => "Some of its records are already in your workbook. Add it as a copy to keep \
                                             both.".to_string(),
                                }}
                            </p>
                        })}
                        {if copy_offered {
                            view! {
                                <button type="button" class="nhsuk-button nhsuk-u-margin-bottom-0" on:click=move |_| add(true)>
                                    "Add it as a copy"
                                </button>
                            }.into_any()
                        } else {
                            view! {
                                <button type="button" class="nhsuk-button nhsuk-u-margin-bottom-0" on:click=move |_| add(false)>
                                    "Add this business case"
                                </button>
                            }.into_any()
                        }}
                    </div>
                </div>
            }
        })}
    }
}
