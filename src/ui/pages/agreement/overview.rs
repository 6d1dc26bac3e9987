//! The support agreements' first page: what an agreement is for and where
//! its commitments come from, the agreements so far, starting one, and
//! adding one the other party sent as a file.

use leptos::prelude::*;

use super::parts::{agreement_path, PartiesThenAndNow, UnreadableAgreements};
use crate::model::agreement::delivery::attention;
use crate::model::common::dates::long_date;
use crate::model::common::ids::new_id;
use crate::model::common::saved_dates::Moment;
use crate::model::files::agreement_file::{
    agreement_import_message, read_agreement_file, AgreementFile,
};
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{ChosenFile, DataTable, FileImport, Title};
use crate::ui::routing::{use_navigate, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

/// An agreement as the list shows it.
#[derive(Clone, PartialEq)]
struct AgreementLine {
    id: String,
    title: String,
    period: String,
    version: String,
    commitments: usize,
    needing_attention: usize,
}

#[component]
pub fn SupportAgreements() -> impl IntoView {
    let store = use_store();
    let today = browser::today();
    let agreements = store.select(move |w| {
        w.support_agreements()
            .iter()
            .rev()
            .map(|a| AgreementLine {
                id: a.id.clone(),
                title: a.title(),
                period: format!("{} to {}", long_date(a.starts_on), long_date(a.ends_on)),
                version: match (a.agreed_version(), a.latest_version()) {
                    (Some(agreed), _) => format!("Version {} agreed", agreed.number),
                    (None, Some(latest)) => format!("Version {} (not agreed yet)", latest.number),
                    (None, None) => "Draft, no version saved".into(),
                },
                commitments: a.commitments.len(),
                needing_attention: attention(a, today).commitments.len(),
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Title text="Support agreements" />
        <h1>"Support agreements"</h1>
        <p class="nhsuk-lede-text">
            "Write down the support your commissioning organisation gives your commissioning group: what, who \
             provides it, by when, and how you will both know it was delivered. Agree it with them version by \
             version, then record through the year whether each commitment was kept."
        </p>
        <PartiesThenAndNow />
        <UnreadableAgreements />
        <h2>"Why write it down"</h2>
        <p>
            "The National Association of Primary Care asked for a formal agreement about the support a primary care \
             trust gives a practice-based commissioning group, and said that if the support does not come, the group \
             should be able to get it from elsewhere. The Department of Health's 2009 vision for practice-based \
             commissioning listed what groups were entitled to: accurate and timely data and analysis, named \
             management and financial support, the indicative budget and agreed support by 1 May each year, and a \
             decision on plans and business cases within eight weeks. Each commitment drafted here says which of \
             these it comes from."
        </p>
        <A href="/support-agreement/new" attr:class="nhsuk-button">"Start an agreement"</A>
        <Show when=move || !agreements.with(Vec::is_empty)
            fallback=|| view! { <p>"You have no support agreements yet."</p> }>
            <DataTable caption="Your support agreements" caption_size="m"
                headers=vec!["Agreement".into(), "Period".into(), "Version".into(), "Commitments".into(), "Needing attention".into()]>
                <For each=move || agreements.get() key=|a| (a.id.clone(), a.title.clone(), a.period.clone(), a.version.clone(), a.commitments, a.needing_attention) let:a>
                    <tr class="nhsuk-table__row">
                        <th scope="row" class="nhsuk-table__cell"><A href=agreement_path(&a.id)>{a.title.clone()}</A></th>
                        <td class="nhsuk-table__cell">{a.period.clone()}</td>
                        <td class="nhsuk-table__cell">{a.version.clone()}</td>
                        <td class="nhsuk-table__cell">{RecordKind::Commitment.count(a.commitments)}</td>
                        <td class="nhsuk-table__cell">{a.needing_attention}</td>
                    </tr>
                </For>
            </DataTable>
        </Show>
        <ReceiveAgreement />
    }
}

/// Adds an agreement the other party started and sent as a file. A file for
/// an agreement already here is compared on that agreement's versions page.
#[component]
fn ReceiveAgreement() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let problem = RwSignal::new(None::<String>);
    let received = RwSignal::new(None::<AgreementFile>);
    let on_file = Callback::new(move |file: ChosenFile| {
        received.set(None);
        match read_agreement_file(&file.text) {
            Ok(read) => {
                problem.set(None);
                received.set(Some(read));
            }
            Err(e) => problem.set(Some(agreement_import_message(&e))),
        }
    });
    let on_error = Callback::new(move |message: String| problem.set(Some(message)));
    let add = move |_| {
        let Some(file) = received.get_untracked() else {
            return;
        };
        let id = file.agreement.id.clone();
        let agreement = file.into_agreement(new_id("version"), Moment(chrono::Utc::now()));
        if saver.act(Change::ReceiveAgreement(Box::new(agreement))) {
            received.set(None);
            navigate(&agreement_path(&id), Default::default());
        }
    };
    let already_here = move || {
        received.with(|r| {
            let id = r.as_ref()?.agreement.id.clone();
            store
                .workbook
                .with(|w| w.support_agreement(&id).map(|a| (a.id.clone(), a.title())))
        })
    };
    view! {
        <h2>"Add an agreement the other party sent"</h2>
        <p>
            "If the other party started the agreement and sent you its file, add it here. To see what they changed \
             in an agreement you already have, import their file on that agreement's Versions page instead."
        </p>
        {move || problem.get().map(|message| view! {
            <div class="nhsuk-error-summary" aria-labelledby="receive-error-title" role="alert" tabindex="-1">
                <h2 class="nhsuk-error-summary__title" id="receive-error-title">"The file could not be added"</h2>
                <div class="nhsuk-error-summary__body"><p>{message}</p></div>
            </div>
        })}
        <FileImport id="receive-agreement-file" label="Choose the agreement file they sent"
            hint="A file whose name starts \"support-agreement\". It is read in this browser and nothing is sent anywhere."
            on_file on_error />
        {move || match (received.get(), already_here()) {
            (Some(_), Some((id, title))) => Some(view! {
                <div class="nhsuk-inset-text">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <p>
                        "You already have this agreement (" {title} "). To see their changes clause by clause, "
                        <A href=format!("{}/versions", agreement_path(&id))>"import the file on its Versions page"</A>
                        "."
                    </p>
                </div>
            }.into_any()),
            (Some(file), None) => Some(view! {
                <div class="nhsuk-card">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading">
                            {format!("{} and {}", file.agreement.group_name, file.agreement.organisation_name)}
                        </h3>
                        <p class="nhsuk-card__description">
                            {format!(
                                "Version {}, sent by {}: {}, from {} to {}.",
                                file.version_number,
                                match file.sent_by {
                                    crate::model::agreement::Party::Group => "the commissioning group",
                                    crate::model::agreement::Party::Organisation => "the commissioning organisation",
                                },
                                RecordKind::Commitment.count(file.commitments.len()),
                                long_date(file.agreement.starts_on),
                                long_date(file.agreement.ends_on),
                            )}
                        </p>
                        <button type="button" class="nhsuk-button nhsuk-u-margin-bottom-0" on:click=add>
                            "Add this agreement"
                        </button>
                    </div>
                </div>
            }.into_any()),
            _ => None,
        }}
    }
}
