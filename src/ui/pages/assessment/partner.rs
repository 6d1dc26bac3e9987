//! Sharing with a partner: importing their exported assessment, and comparing
//! it with one of the user's own, statement by statement.

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::{own_assessment, param, partner_assessment, AssessmentNotFound};
use crate::model::assessment::answers::{Assessment, Rating};
use crate::model::assessment::framework::{self, DOMAINS};
use crate::model::assessment::scoring::{self, percent_label, StatementComparison, TALK_ABOUT_GAP};
use crate::model::files::assessment_file::{import_error_message, read_assessment_export};
use crate::model::workbook::ops::assessment::PartnerImport;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{ChosenFile, DataTable, DeleteButton, DomainRow, FileImport};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

/// What happened to the last file chosen for import.
#[derive(Clone)]
enum ImportOutcome {
    Imported(String),
    Refused { file_name: String, reason: String },
}

/// Imports a partner's exported assessment (embedded in the overview page),
/// and lists the partner assessments held, each ready to compare or remove.
#[component]
pub fn ImportPartner() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let outcome = RwSignal::new(None::<ImportOutcome>);

    let on_file = Callback::new(move |file: ChosenFile| {
        outcome.set(Some(match read_assessment_export(&file.text) {
            Ok(assessment) => {
                let title = assessment.title();
                let kind = store
                    .workbook
                    .with_untracked(|w| w.partner_import(&assessment));
                match saver.apply(Change::import_partner_assessment(assessment)) {
                    Ok(_) if matches!(kind, PartnerImport::Newer { .. }) => {
                        ImportOutcome::Imported(format!(
                        "Updated {title}: this newer copy replaces the one you imported before."
                    ))
                    }
                    Ok(_) => ImportOutcome::Imported(format!("Imported {title}")),
                    Err(refusal) => ImportOutcome::Refused {
                        file_name: file.name,
                        reason: format!("It was not imported: {refusal}."),
                    },
                }
            }
            Err(error) => ImportOutcome::Refused {
                file_name: file.name,
                reason: import_error_message(&error),
            },
        }));
    });
    let on_read_error = Callback::new(move |reason: String| {
        outcome.set(Some(ImportOutcome::Refused {
            file_name: String::new(),
            reason,
        }));
    });

    // (id, title) of the partner assessments and of the user's own, newest own first.
    let lists = Memo::new(move |_| {
        store.workbook.with(|wb| {
            let partners: Vec<(String, String)> = wb
                .partner_assessments
                .iter()
                .map(|a| (a.id.clone(), a.title()))
                .collect();
            // Newest first by date, partial ones marked; the latest complete one is offered first.
            let default = scoring::default_for_partner(&wb.assessments).map(|a| a.id.clone());
            let own: Vec<(String, String, bool)> = scoring::by_date(&wb.assessments)
                .into_iter()
                .rev()
                .map(|a| {
                    let p = scoring::progress(a);
                    let label = if p.is_complete() {
                        a.title()
                    } else {
                        format!("{} ({} of {} answered)", a.title(), p.answered, p.total)
                    };
                    (
                        a.id.clone(),
                        label,
                        default.as_deref() == Some(a.id.as_str()),
                    )
                })
                .collect();
            (partners, own)
        })
    });

    view! {
        <h2>"Import your partner's assessment"</h2>
        <p>
            "If your partner has exported one of their self-assessments and shared the file with you, import it here to compare their view with yours. It is kept in this browser, apart from your own assessments."
        </p>
        <FileImport id="partner-file" label="Choose your partner's assessment file" on_file on_error=on_read_error />
        {move || outcome.get().map(|o| match o {
            ImportOutcome::Imported(title) => view! {
                <p role="status" class="nhsuk-body">{title}</p>
            }.into_any(),
            ImportOutcome::Refused { file_name, reason } => view! {
                <div class="nhsuk-error-summary" role="alert" aria-labelledby="partner-import-error-title" tabindex="-1">
                    <h2 class="nhsuk-error-summary__title" id="partner-import-error-title">"This file cannot be imported"</h2>
                    <div class="nhsuk-error-summary__body">
                        <p>{if file_name.is_empty() { reason } else { format!("{file_name}: {reason}") }}</p>
                        <p>"Nothing has been changed."</p>
                    </div>
                </div>
            }.into_any(),
        })}
        {move || {
            let (partners, own) = lists.get();
            if partners.is_empty() {
                return view! { <p>"You have not imported a partner's assessment yet."</p> }.into_any();
            }
            view! {
                <h3>"Your partner's assessments"</h3>
                <ul class="nhsuk-list" aria-label="Partner assessments">
                    {partners
                        .into_iter()
                        .map(|(id, title)| view! { <PartnerRow id title own=own.clone() /> })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}

/// One imported partner assessment: choose one of your own to compare it with, or remove it.
#[component]
fn PartnerRow(id: String, title: String, own: Vec<(String, String, bool)>) -> impl IntoView {
    let saver = use_saver();
    let navigate = use_navigate();
    let select = NodeRef::<leptos::html::Select>::new();
    let select_id = format!("compare-{id}");
    let has_own = !own.is_empty();
    let compare = {
        let id = id.clone();
        move |_| {
            if let Some(select) = select.get_untracked() {
                let own_id = select.value();
                if !own_id.is_empty() {
                    navigate(
                        &format!("/self-assessment/{own_id}/partner/{id}"),
                        Default::default(),
                    );
                }
            }
        }
    };
    let remove = {
        let id = id.clone();
        Callback::new(move |()| {
            saver.act(Change::Delete {
                kind: RecordKind::PartnerAssessment,
                id: id.clone(),
            });
        })
    };
    view! {
        <li class="nhsuk-card">
            <div class="nhsuk-card__content">
                <h4 class="nhsuk-card__heading">{title.clone()}</h4>
                {if has_own {
                    view! {
                        <div class="nhsuk-form-group">
                            <label class="nhsuk-label" for=select_id.clone()>
                                {format!("Compare {title} with")}
                            </label>
                            <select class="nhsuk-select" id=select_id node_ref=select>
                                {own
                                    .into_iter()
                                    .map(|(own_id, own_title, selected)| view! { <option value=own_id selected=selected>{own_title}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                        <button type="button" class="nhsuk-button" on:click=compare>"Compare"</button>
                        " "
                    }
                    .into_any()
                } else {
                    view! { <p>"Start a self-assessment of your own to compare with this one."</p> }.into_any()
                }}
                <DeleteButton what=format!("partner assessment: {title}") on_confirm=remove />
            </div>
        </li>
    }
}

/// The comparison of one of the user's assessments with a partner's.
#[component]
pub fn PartnerComparison() -> impl IntoView {
    let mine = own_assessment(param("id"));
    let partner = partner_assessment(param("partner"));
    move || match (mine.get(), partner.get()) {
        (Some(mine), Some(partner)) => view! { <Comparison mine partner /> }.into_any(),
        _ => view! {
            <Title text="Assessment not found" />
            <AssessmentNotFound />
        }
        .into_any(),
    }
}

fn rating_label(rating: Option<Rating>) -> String {
    rating.map_or_else(|| "Not answered".to_string(), Rating::label)
}

/// A difference in percentage points between your score and your partner's.
fn difference_label(difference: Option<f64>) -> String {
    match difference.map(|d| d.round() as i64) {
        None => "Cannot compare".to_string(),
        Some(0) => "No difference".to_string(),
        Some(d) => {
            let points = if d.abs() == 1 { "point" } else { "points" };
            let direction = if d > 0 { "higher" } else { "lower" };
            format!("Your partner {} {points} {direction}", d.abs())
        }
    }
}

fn statement_text(id: &str) -> &'static str {
    framework::statement(id).map_or("", |(_, s)| s.text)
}

#[component]
fn Comparison(mine: Assessment, partner: Assessment) -> impl IntoView {
    let statements = scoring::compare_statements(&mine, &partner);
    let to_talk_about: Vec<StatementComparison> = statements
        .iter()
        .filter(|c| c.talk_about)
        .cloned()
        .collect();
    let domains = scoring::compare_domains(&mine, &partner);

    let talk_about_view = if to_talk_about.is_empty() {
        view! { <p>"No differences of two levels or more."</p> }.into_any()
    } else {
        view! {
            <ul class="nhsuk-list nhsuk-list--bullet" aria-label="Things to talk about">
                {to_talk_about
                    .iter()
                    .map(|c| {
                        let domain = framework::statement(c.statement_id).map_or("", |(d, _)| d.title);
                        view! {
                            <li>
                                {statement_text(c.statement_id)}
                                {format!(
                                    " ({domain}: you {}, your partner {})",
                                    rating_label(c.mine),
                                    rating_label(c.partner),
                                )}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    let domain_rows = domains
        .iter()
        .map(|c| {
            view! {
                <DomainRow domain_id=c.domain_id cells=vec![percent_label(c.mine), percent_label(c.partner), difference_label(c.difference)] />
            }
        })
        .collect_view();

    let statement_tables = DOMAINS
        .iter()
        .map(|d| {
            let rows = statements
                .iter()
                .filter(|c| framework::statement(c.statement_id).is_some_and(|(sd, _)| sd.id == d.id))
                .map(|c| {
                    let class = if c.talk_about {
                        "nhsuk-table__row highlighted"
                    } else {
                        "nhsuk-table__row"
                    };
                    view! {
                        <tr class=class>
                            <th scope="row" class="nhsuk-table__cell">{statement_text(c.statement_id)}</th>
                            <td class="nhsuk-table__cell">{rating_label(c.mine)}</td>
                            <td class="nhsuk-table__cell">{rating_label(c.partner)}</td>
                            <td class="nhsuk-table__cell">
                                {c.talk_about.then(|| view! {
                                    <strong class="nhsuk-tag nhsuk-tag--yellow">"Talk about this"</strong>
                                })}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <DataTable caption=d.title headers=vec!["Statement".into(), "You".into(), "Your partner".into(), "Talk about".into()]>{rows}</DataTable>
            }
        })
        .collect_view();

    view! {
        <Title text="Compare with your partner" />
        <h1>"Compare with your partner"</h1>
        <p>
            "Comparing your assessment "
            <strong>{mine.title()}</strong>
            " with your partner's "
            <strong>{partner.title()}</strong>
            "."
        </p>
        <p>
            {format!(
                "Where your ratings of a statement differ by {TALK_ABOUT_GAP} levels or more, the statement is highlighted as something to talk about together. Statements either of you did not answer, or answered as not applicable or don't know, are not compared."
            )}
        </p>
        <h2>"Things to talk about"</h2>
        {talk_about_view}
        <h2>"Scores by area"</h2>
        <DataTable caption="Scores by area: you and your partner" headers=vec!["Area".into(), "You".into(), "Your partner".into(), "Difference".into()]>{domain_rows}</DataTable>
        <h2>"Statement by statement"</h2>
        {statement_tables}
        <p><A href="/self-assessment">"Back to your self-assessments"</A></p>
    }
}
