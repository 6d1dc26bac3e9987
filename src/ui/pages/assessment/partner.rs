//! Sharing with a partner: importing their exported assessment, reading it on
//! its own, and comparing it with one of the user's own, area by area
//! (scores and how important each area is) and statement by statement.

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::{own_assessment, param, partner_assessment, AssessmentNotFound};
use crate::model::assessment::answers::{Assessment, Rating};
use crate::model::assessment::framework::{self, DOMAINS};
use crate::model::assessment::scoring::{
    self, importance_label, percent_label, ImportanceComparison, StatementComparison,
    TALK_ABOUT_GAP,
};
use crate::model::files::assessment_file::{import_error_message, read_assessment_export};
use crate::model::workbook::ops::assessment::PartnerImport;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{ChosenFile, DataTable, DeleteButton, FileImport, StackedCell};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

/// What happened to the last file chosen for import.
#[derive(Clone)]
enum ImportOutcome {
    /// What was imported, in words, and the id it is kept under (for the link
    /// to read it).
    Imported {
        message: String,
        id: Option<String>,
    },
    Refused {
        file_name: String,
        reason: String,
    },
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
                let original_id = assessment.id.clone();
                let kind = store
                    .workbook
                    .with_untracked(|w| w.partner_import(&assessment));
                // The copy kept is found by the partner's own id, whether it
                // was added or replaced an older copy.
                let kept = move || {
                    store.workbook.with_untracked(|w| {
                        w.partner_assessments
                            .iter()
                            .find(|p| p.original_id.as_deref() == Some(original_id.as_str()))
                            .map(|p| p.id.clone())
                    })
                };
                match saver.apply(Change::import_partner_assessment(assessment)) {
                    Ok(_) if matches!(kind, PartnerImport::Newer { .. }) => {
                        ImportOutcome::Imported {
                            message: format!("Updated {title}: this newer copy replaces the one you imported before."),
                            id: kept(),
                        }
                    }
                    Ok(_) => ImportOutcome::Imported {
                        message: format!("Imported {title}."),
                        id: kept(),
                    },
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
            // Role and date first, so a phone's narrow drop-down still shows them.
            let own: Vec<(String, String, bool)> = scoring::by_date(&wb.assessments)
                .into_iter()
                .rev()
                .map(|a| {
                    (
                        a.id.clone(),
                        scoring::choice_label(a),
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
            ImportOutcome::Imported { message, id } => view! { <Imported message id /> }.into_any(),
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

/// The confirmation of an import: an NHS.UK panel that takes focus as it
/// appears (so keyboard and screen reader users are told at once, and a
/// phone user is not left looking at the file picker), with a link to read
/// what was imported.
#[component]
fn Imported(message: String, id: Option<String>) -> impl IntoView {
    let panel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        // After the frame that draws it, so the element is there.
        request_animation_frame(move || {
            if let Some(element) = panel.get_untracked() {
                let _ = element.focus();
            }
        });
    });
    view! {
        <div class="nhsuk-panel app-panel--compact" role="status" tabindex="-1" node_ref=panel aria-labelledby="partner-imported-title">
            <h3 class="nhsuk-panel__title" id="partner-imported-title">"Partner's assessment imported"</h3>
            <p>{message}</p>
            {id.map(|id| view! {
                <p class="nhsuk-u-margin-bottom-0">
                    <A href=format!("/self-assessment/partner/{id}")>"View your partner's answers"</A>
                    " or compare them with yours below."
                </p>
            })}
        </div>
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
    let view_href = format!("/self-assessment/partner/{id}");
    view! {
        <li class="nhsuk-card">
            <div class="nhsuk-card__content">
                <h4 class="nhsuk-card__heading">{title.clone()}</h4>
                <p>
                    // The accessible name starts with the visible words.
                    <A href=view_href attr:aria-label=format!("View your partner's answers: {title}")>"View your partner's answers"</A>
                </p>
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
                    view! {
                        <p>
                            <A href="/self-assessment/new">"Start a self-assessment of your own"</A>
                            " to compare with this one."
                        </p>
                    }.into_any()
                }}
                <DeleteButton what=format!("partner assessment: {title}") on_confirm=remove compact=true />
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

/// How differently the partner weighs an area, in words.
fn importance_difference_label(c: &ImportanceComparison) -> String {
    match c.difference {
        None => "Cannot compare".to_string(),
        Some(0) => "The same".to_string(),
        Some(d) => {
            let levels = if d.abs() == 1 { "level" } else { "levels" };
            let direction = if d > 0 { "higher" } else { "lower" };
            format!("Your partner rates it {} {levels} {direction}", d.abs())
        }
    }
}

fn domain_title(id: &str) -> &'static str {
    framework::domain(id).map_or("", |d| d.title)
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
    let importance = scoring::compare_importance(&mine, &partner);
    let weighed_differently = scoring::importance_differences(&mine, &partner);
    let both_rated_importance = importance.iter().any(|c| c.difference.is_some());

    let talk_about_view = if to_talk_about.is_empty() {
        view! { <p>"No statements you rate two levels or more apart."</p> }.into_any()
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

    // Partners who weigh an area differently pull different ways on where to
    // put effort, even when their scores agree.
    let weighed_view = if weighed_differently.is_empty() {
        let text = if both_rated_importance {
            "You rate every area you both rated as equally important."
        } else {
            "You cannot compare how important the areas are until you have both rated the importance of the same area."
        };
        view! { <p>{text}</p> }.into_any()
    } else {
        view! {
            <ul class="nhsuk-list nhsuk-list--bullet" aria-label="Areas you rate differently in importance">
                {weighed_differently
                    .iter()
                    .map(|c| view! {
                        <li>
                            <strong>{domain_title(c.domain_id)}</strong>
                            {format!(
                                ": you {}, your partner {}",
                                importance_label(c.mine),
                                importance_label(c.partner),
                            )}
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    let domain_rows = domains
        .iter()
        .map(|c| {
            let (you, theirs) = (percent_label(c.mine), percent_label(c.partner));
            let difference = difference_label(c.difference);
            view! {
                <tr class="nhsuk-table__row" role="row">
                    <th scope="row" class="nhsuk-table__cell" role="rowheader">{domain_title(c.domain_id)}</th>
                    <StackedCell column="You">{you}</StackedCell>
                    <StackedCell column="Your partner">{theirs}</StackedCell>
                    <StackedCell column="Difference" wide=true>{difference}</StackedCell>
                </tr>
            }
        })
        .collect_view();

    let importance_rows = importance
        .iter()
        .map(|c| {
            let class = if c.differs() {
                "nhsuk-table__row highlighted"
            } else {
                "nhsuk-table__row"
            };
            let (you, theirs) = (importance_label(c.mine), importance_label(c.partner));
            let difference = importance_difference_label(c);
            view! {
                <tr class=class role="row">
                    <th scope="row" class="nhsuk-table__cell" role="rowheader">{domain_title(c.domain_id)}</th>
                    <StackedCell column="You">{you}</StackedCell>
                    <StackedCell column="Your partner">{theirs}</StackedCell>
                    <StackedCell column="Difference" wide=true>{difference}</StackedCell>
                </tr>
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
                    let (you, theirs) = (rating_label(c.mine), rating_label(c.partner));
                    let talk_about = c.talk_about;
                    view! {
                        <tr class=class role="row">
                            <th scope="row" class="nhsuk-table__cell" role="rowheader">{statement_text(c.statement_id)}</th>
                            <StackedCell column="You">{you}</StackedCell>
                            <StackedCell column="Your partner">{theirs}</StackedCell>
                            <StackedCell column="Talk about" wide=true class=if talk_about { "" } else { "app-table__cell--empty" }>
                                {talk_about.then(|| view! {
                                    <strong class="nhsuk-tag nhsuk-tag--yellow">"Talk about this"</strong>
                                })}
                            </StackedCell>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <DataTable caption=d.title stacked=true headers=vec!["Statement".into(), "You".into(), "Your partner".into(), "Talk about".into()]>{rows}</DataTable>
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
                "Where your ratings of a statement differ by {TALK_ABOUT_GAP} levels or more, the statement is highlighted as something to talk about together, and so is an area you rate differently in importance. Statements either of you did not answer, or answered as not applicable or don't know, are not compared."
            )}
        </p>
        <h2>"Things to talk about"</h2>
        <h3>"Statements you rate two levels or more apart"</h3>
        {talk_about_view}
        <h3>"Areas you rate differently in importance"</h3>
        {weighed_view}
        <h2>"Scores by area"</h2>
        <DataTable caption="Scores by area: you and your partner" stacked=true headers=vec!["Area".into(), "You".into(), "Your partner".into(), "Difference".into()]>{domain_rows}</DataTable>
        <h2>"How important each area is"</h2>
        <p>"How important each of you rated each area to your partnership now, from 1 Low to 3 High."</p>
        <DataTable caption="How important each area is: you and your partner" stacked=true headers=vec!["Area".into(), "You".into(), "Your partner".into(), "Difference".into()]>{importance_rows}</DataTable>
        <h2>"Statement by statement"</h2>
        {statement_tables}
        <p><A href=format!("/self-assessment/partner/{}", partner.id)>"View your partner's answers on their own"</A></p>
        <p><A href="/self-assessment">"Back to your self-assessments"</A></p>
    }
}

/// A partner's imported assessment read on its own, without one of the
/// user's to compare it with: their scores and how important they rate each
/// area, and their answer to every statement, with any notes they shared.
/// Read only: it is their view, and a newer file from them replaces it.
#[component]
pub fn PartnerView() -> impl IntoView {
    let partner = partner_assessment(param("partner"));
    move || match partner.get() {
        Some(partner) => view! { <PartnerAnswers partner /> }.into_any(),
        None => view! {
            <Title text="Assessment not found" />
            <AssessmentNotFound />
        }
        .into_any(),
    }
}

#[component]
fn PartnerAnswers(partner: Assessment) -> impl IntoView {
    let store = use_store();
    let own = Memo::new(move |_| {
        store
            .workbook
            .with(|w| scoring::default_for_partner(&w.assessments).map(|a| a.id.clone()))
    });
    let progress = scoring::progress(&partner);
    let overall = scoring::overall_label(&partner);
    let partner_id = partner.id.clone();
    let area_rows = scoring::domain_scores(&partner)
        .into_iter()
        .map(|score| {
            let importance = importance_label(partner.importance_of(score.domain_id));
            view! {
                <tr class="nhsuk-table__row" role="row">
                    <th scope="row" class="nhsuk-table__cell" role="rowheader">{domain_title(score.domain_id)}</th>
                    <StackedCell column="Score">{scoring::domain_score_label(&score)}</StackedCell>
                    <StackedCell column="How important">{importance}</StackedCell>
                </tr>
            }
        })
        .collect_view();
    let answers = DOMAINS
        .iter()
        .map(|d| {
            let rows = d
                .statements
                .iter()
                .map(|s| {
                    let answer = partner.answer(s.id).cloned().unwrap_or_default();
                    let mut rating = rating_label(answer.rating);
                    if answer.flagged {
                        rating.push_str(" (flagged as a priority)");
                    }
                    let notes = answer.evidence.trim().to_string();
                    let has_notes = !notes.is_empty();
                    view! {
                        <tr class="nhsuk-table__row" role="row">
                            <th scope="row" class="nhsuk-table__cell" role="rowheader">{s.text}</th>
                            <StackedCell column="Their rating">{rating}</StackedCell>
                            <StackedCell column="Their notes" wide=true class=if has_notes { "app-pre-line" } else { "app-table__cell--empty" }>
                                {if has_notes { notes } else { "None".to_string() }}
                            </StackedCell>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <DataTable caption=d.title stacked=true headers=vec!["Statement".into(), "Their rating".into(), "Their notes".into()]>{rows}</DataTable>
            }
        })
        .collect_view();

    view! {
        <Title text="Your partner's assessment" />
        <span class="nhsuk-caption-l">{partner.title()}</span>
        <h1>"Your partner's assessment"</h1>
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>"This is your partner's own view, imported from the file they shared. You can read it here but not change it: a newer file from them replaces it."</p>
        </div>
        <p>{format!("{} of {} statements answered. Overall score: {overall}.", progress.answered, progress.total)}</p>
        <h2>"Their scores by area"</h2>
        <DataTable caption="Your partner's scores by area" stacked=true headers=vec!["Area".into(), "Score".into(), "How important".into()]>{area_rows}</DataTable>
        <h2>"Their answers"</h2>
        {answers}
        <h2>"Compare with yours"</h2>
        {move || match own.get() {
            Some(own_id) => view! {
                <p>
                    <A href=format!("/self-assessment/{own_id}/partner/{partner_id}")>"Compare with your latest assessment"</A>
                    " (you can choose another on your self-assessments page)."
                </p>
            }.into_any(),
            None => view! {
                <p>
                    <A href="/self-assessment/new">"Start a self-assessment of your own"</A>
                    " to compare your view with theirs."
                </p>
            }.into_any(),
        }}
        <p><A href="/self-assessment">"Back to your self-assessments"</A></p>
    }
}
