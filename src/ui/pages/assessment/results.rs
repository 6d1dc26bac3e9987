//! The results of one of the user's own self-assessments: scores by domain,
//! strongest and weakest statements, priorities, and a way to turn weak or
//! flagged statements into development-plan goals.

use crate::ui::components::ConflictNotice;
use crate::ui::components::Title;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::{own_assessment, param, AssessmentNotFound};
use crate::model::assessment::framework;
use crate::model::assessment::scoring::{self, percent_label};
use crate::model::assessment::suggested_goals::suggested_goal;
use crate::model::assessment::Assessment;
use crate::model::common::validation::FieldError;
use crate::model::plan::GOAL_TITLE_FIELD;
use crate::model::Change;
use crate::ui::components::{DataTable, ErrorSummary, Field, FieldKind};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;
use wasm_bindgen::JsCast;

#[component]
pub fn Results() -> impl IntoView {
    let id = param("id");
    let assessment = own_assessment(id);
    move || match assessment.get() {
        None => view! {
            <Title text="Assessment not found" />
            <AssessmentNotFound />
        }
        .into_any(),
        Some(a) => view! { <ResultsFor assessment=a /> }.into_any(),
    }
}

/// A statement's domain id, domain title and text, if the framework has it.
fn statement_parts(id: &str) -> Option<(&'static str, &'static str, &'static str)> {
    framework::statement(id).map(|(d, s)| (d.id, d.title, s.text))
}

/// "3 Established" for a level.
fn level_label(level: u8) -> String {
    match framework::maturity_level(level) {
        Some(m) => format!("{} {}", m.level, m.name),
        None => level.to_string(),
    }
}

#[component]
fn ResultsFor(assessment: Assessment) -> impl IntoView {
    let a = assessment;
    let heading = format!("Results: {}", a.title());
    let progress = scoring::progress(&a);
    let continue_href = scoring::first_unanswered(&a)
        .and_then(framework::statement)
        .map(|(d, _)| format!("/self-assessment/{}/domain/{}", a.id, d.id));

    view! {
        <Title text=heading.clone() />
        // A short title with the assessment on a smaller line under it, named
        // as one: "Results: East Kent: Respiratory …". The label gives that
        // name exactly (made from the text, browsers put a space before the
        // hidden colon); the hidden colon keeps the text itself whole.
        <h1 class="app-title" aria-label=heading>
            "Results"
            <span class="nhsuk-u-visually-hidden">": "</span>
            <span class="nhsuk-caption-m app-title__detail">{a.title()}</span>
        </h1>
        <ConflictNotice id=a.id.clone() />
        <p class="nhsuk-body-l">
            {format!(
                "You have answered {} of {} statements.",
                progress.answered,
                progress.total,
            )}
        </p>
        {(!progress.is_complete())
            .then(|| {
                view! {
                    <div class="nhsuk-inset-text">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <p>
                            {format!(
                                "These results are provisional: {} of {} statements are not answered yet, so the scores may change as you answer them.",
                                progress.remaining(),
                                progress.total,
                            )}
                        </p>
                        {continue_href
                            .map(|href| {
                                view! {
                                    <p class="no-print">
                                        <A href=href>"Continue the assessment"</A>
                                    </p>
                                }
                            })}
                    </div>
                }
            })}

        <ScoresSection assessment=a.clone() />

        <h2>"How scores are worked out"</h2>
        <p>{scoring::SCORING_METHOD}</p>
        <p class="nhsuk-body-s">{framework::MATURITY_SCALE_SOURCE}</p>

        // What to act on comes straight after the scores: the priority areas,
        // then the weak or flagged statements, most pressing first.
        <Priorities assessment=a.clone() />
        <Actions assessment=a.clone() />
        <StrongAndWeak assessment=a.clone() />
        <Flagged assessment=a.clone() />
        <YourNotes assessment=a.clone() />
        <WhatNext assessment=a />
    }
}

#[component]
fn ScoresSection(assessment: Assessment) -> impl IntoView {
    let a = assessment;
    let scores = scoring::domain_scores(&a);
    let overall = scoring::overall_percent(&a);

    // The chart: one labelled bar per area, the label above its bar. The SVG
    // has no viewBox, so its text is drawn at its CSS size however narrow the
    // screen; only the bars (each a nested SVG stretched to the width) scale.
    const ROW: f64 = 60.0;
    let height = ROW * scores.len() as f64;
    let bars = scores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let y = ROW * i as f64;
            let title = s.domain().map(|d| d.title).unwrap_or(s.domain_id);
            let width = s.percent.unwrap_or(0.0).clamp(0.0, 100.0);
            let label = percent_label(s.percent);
            view! {
                <g>
                    <text x="0" y=y + 18.0 class="app-chart__label">{title}</text>
                    <svg
                        x="0"
                        y=y + 26.0
                        width="74%"
                        height="22"
                        viewBox="0 0 100 22"
                        preserveAspectRatio="none"
                    >
                        <rect x="0" y="0" width="100" height="22" class="app-chart__track"></rect>
                        <rect x="0" y="0" width=width height="22" class="app-chart__bar"></rect>
                    </svg>
                    <text x="76%" y=y + 43.0 class="app-chart__value">{label}</text>
                </g>
            }
        })
        .collect_view();

    let rows = scores
        .iter()
        .map(|s| {
            let title = s.domain().map(|d| d.title).unwrap_or(s.domain_id);
            view! {
                <tr class="nhsuk-table__row">
                    <td class="nhsuk-table__cell">{title}</td>
                    <td class="nhsuk-table__cell">{scoring::domain_score_label(s)}</td>
                    <td class="nhsuk-table__cell">{s.rated}</td>
                    <td class="nhsuk-table__cell">{s.not_applicable}</td>
                    <td class="nhsuk-table__cell">{s.unanswered}</td>
                </tr>
            }
        })
        .collect_view();
    let rated: usize = scores.iter().map(|s| s.rated).sum();
    let not_applicable: usize = scores.iter().map(|s| s.not_applicable).sum();
    let unanswered: usize = scores.iter().map(|s| s.unanswered).sum();
    let any_provisional = scores.iter().any(scoring::is_provisional);

    view! {
        <h2>"Scores by area"</h2>
        <p class="nhsuk-body-l" id="results-overall">
            "Overall score: " <strong>{scoring::overall_label(&a)}</strong>
        </p>
        <figure class="app-chart">
            <p class="nhsuk-body-s nhsuk-u-font-weight-bold" id="results-chart-title">
                "Chart: score for each area, from 0% to 100%"
            </p>
            <p class="nhsuk-u-visually-hidden" id="results-chart-desc">
                "A horizontal bar for each area, as long as its score. The same scores are in the table below."
            </p>
            <svg
                role="img"
                aria-labelledby="results-chart-title"
                aria-describedby="results-chart-desc"
                width="100%"
                height=height
                class="app-chart__svg"
            >
                {bars}
            </svg>
        </figure>
        {any_provisional.then(|| view! {
            <p class="nhsuk-body-s">
                "A score marked provisional is for an area with statements not answered yet."
            </p>
        })}
        <DataTable caption="Scores by area" headers=vec!["Area".into(), "Score".into(), "Rated".into(), "Not applicable".into(), "Unanswered".into()]>
                {rows}
                <tr class="nhsuk-table__row app-table__total">
                    <td class="nhsuk-table__cell">"Overall"</td>
                    <td class="nhsuk-table__cell">{scoring::overall_cell_label(&a)}</td>
                    <td class="nhsuk-table__cell">{rated}</td>
                    <td class="nhsuk-table__cell">{not_applicable}</td>
                    <td class="nhsuk-table__cell">{unanswered}</td>
                </tr>
            </DataTable>
        {overall.is_none().then(|| view! { <p>"There is no overall score until at least one statement is rated."</p> })}
    }
}

/// A table of statements with their area and rated level.
fn statement_table(caption: &'static str, statements: Vec<(&'static str, u8)>) -> AnyView {
    if statements.is_empty() {
        return view! {
            <h3>{caption}</h3>
            <p>"No statements have been rated yet."</p>
        }
        .into_any();
    }
    let rows = statements
        .into_iter()
        .filter_map(|(id, level)| statement_parts(id).map(|p| (p, level)))
        .map(|((_, domain, text), level)| {
            view! {
                <tr class="nhsuk-table__row">
                    <td class="nhsuk-table__cell">{text}</td>
                    <td class="nhsuk-table__cell">{domain}</td>
                    <td class="nhsuk-table__cell">{level_label(level)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=caption caption_size="m" headers=vec!["Statement".into(), "Area".into(), "Your rating".into()]>
            {rows}
        </DataTable>
    }
    .into_any()
}

#[component]
fn StrongAndWeak(assessment: Assessment) -> impl IntoView {
    let strongest = scoring::strongest_statements(&assessment, 3);
    let weakest = scoring::weakest_statements(&assessment, 3);
    view! {
        <h2>"Strongest and weakest statements"</h2>
        <p>"The statements you rated highest and lowest. Statements answered \"not applicable or don't know\" are left out."</p>
        {statement_table("Strongest statements", strongest)}
        {statement_table("Weakest statements", weakest)}
    }
}

#[component]
fn Flagged(assessment: Assessment) -> impl IntoView {
    let flagged = scoring::flagged_statements(&assessment);
    let body = if flagged.is_empty() {
        view! { <p>"You have not flagged any statements."</p> }.into_any()
    } else {
        let items = flagged
            .into_iter()
            .filter_map(statement_parts)
            .map(|(_, domain, text)| {
                view! {
                    <li>
                        {text}
                        <span class="nhsuk-body-s">{format!(" ({domain})")}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="nhsuk-list nhsuk-list--bullet" aria-label="Flagged statements">
                {items}
            </ul>
        }
        .into_any()
    };
    view! {
        <h2>"Statements you flagged as priorities"</h2>
        {body}
    }
}

/// Every statement's evidence or notes, so they are read (and printed)
/// alongside the scores.
#[component]
fn YourNotes(assessment: Assessment) -> impl IntoView {
    let notes = scoring::evidence_notes(&assessment);
    let body = if notes.is_empty() {
        view! { <p>"You have not written evidence or notes for any statement."</p> }.into_any()
    } else {
        let items = notes
            .into_iter()
            .filter_map(|(id, note)| framework::statement(id).map(|(d, s)| (d, s, note)))
            .map(|(domain, statement, note)| {
                let rating = assessment
                    .rating(statement.id)
                    .map_or_else(|| "Not answered".to_string(), |r| r.label());
                view! {
                    <li class="app-note">
                        <h3 class="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{statement.text}</h3>
                        <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
                            {format!("{}. Your rating: {rating}.", domain.title)}
                        </p>
                        <p class="app-note__text">{note}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="nhsuk-list" aria-label="Your evidence and notes">{items}</ul> }
            .into_any()
    };
    view! {
        <h2>"Your evidence and notes"</h2>
        {body}
    }
}

/// Where to go from the results: change the answers, share them with a
/// partner, compare with a partner's, or print.
#[component]
fn WhatNext(assessment: Assessment) -> impl IntoView {
    let store = use_store();
    let a = assessment;
    let first_area = format!(
        "/self-assessment/{}/domain/{}",
        a.id,
        framework::DOMAINS[0].id
    );
    let partners = store.select(|w| {
        w.partner_assessments
            .iter()
            .map(|p| (p.id.clone(), p.title()))
            .collect::<Vec<_>>()
    });
    let own_id = a.id.clone();
    let export_id = a.id.clone();
    view! {
        <div class="no-print">
            <h2>"What next"</h2>
            <ul class="nhsuk-list app-what-next">
                <li>
                    <A href=first_area>"Change your answers"</A>
                </li>
                <li>
                    <A href=format!("/self-assessment/{}/export", export_id)>"Export for your partner"</A>
                    <p class="nhsuk-body-s nhsuk-u-margin-top-1">
                        "Makes a file of this assessment to send to your partner, so they can compare it with theirs. You choose whether your notes go in it."
                    </p>
                </li>
                {move || {
                    let list = partners.get();
                    if list.is_empty() {
                        view! {
                            <li>
                                <A href="/self-assessment">"Compare with your partner"</A>
                                <p class="nhsuk-body-s nhsuk-u-margin-top-1">
                                    "First import the assessment your partner exported, on your self-assessments page."
                                </p>
                            </li>
                        }
                        .into_any()
                    } else {
                        list.into_iter()
                            .map(|(partner_id, title)| {
                                view! {
                                    <li>
                                        <A href=format!("/self-assessment/{own_id}/partner/{partner_id}")>
                                            {format!("Compare with your partner: {title}")}
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }
                }}
                <li>
                    <button
                        type="button"
                        class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                        on:click=move |_| {
                            if let Some(window) = web_sys::window() {
                                let _ = window.print();
                            }
                        }
                    >
                        "Print these results"
                    </button>
                </li>
                <li>
                    <A href="/self-assessment">"Back to your self-assessments"</A>
                </li>
            </ul>
        </div>
    }
}

#[component]
fn Priorities(assessment: Assessment) -> impl IntoView {
    let rows = scoring::priorities_for_action(&assessment)
        .into_iter()
        .map(|r| {
            let title = framework::domain(r.domain_id).map(|d| d.title).unwrap_or(r.domain_id);
            let importance = r
                .importance
                .and_then(framework::importance_level)
                .map(|i| i.name)
                .unwrap_or("Not rated");
            let score = scoring::domain_score(&assessment, r.domain_id)
                .map_or_else(|| percent_label(r.percent), |s| scoring::domain_score_label(&s));
            view! {
                <tr class="nhsuk-table__row">
                    <td class="nhsuk-table__cell">{title}</td>
                    <td class="nhsuk-table__cell">{importance}</td>
                    <td class="nhsuk-table__cell">{score}</td>
                    <td class="nhsuk-table__cell">
                        {r
                            .is_priority
                            .then(|| {
                                view! {
                                    <strong class="nhsuk-tag nhsuk-tag--orange">"Priority for action"</strong>
                                }
                            })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    // The same rule as the table's tags (`priority_areas` is its marked rows).
    let areas: Vec<&'static str> = scoring::priority_areas(&assessment)
        .iter()
        .filter_map(|r| framework::domain(r.domain_id).map(|d| d.title))
        .collect();
    let summary = match areas.as_slice() {
        [] => "None of your areas is a priority for action by this rule.".to_string(),
        [one] => format!("Your priority for action: {one}."),
        many => format!(
            "Your {} priorities for action, most pressing first: {}.",
            many.len(),
            many.join("; ")
        ),
    };
    view! {
        <h2>"Importance and score"</h2>
        <p>{scoring::PRIORITY_RULE}</p>
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p id="results-top-priorities">{summary}</p>
        </div>
        <DataTable caption="Importance and score by area" headers=vec!["Area".into(), "Importance".into(), "Score".into(), "Priority".into()]>{rows}</DataTable>
    }
}

/// How many weak or flagged statements show before "Show all".
const ACTIONS_SHOWN_FIRST: usize = 5;

#[component]
fn Actions(assessment: Assessment) -> impl IntoView {
    let a = assessment;
    let statements = scoring::weak_or_flagged_in_order(&a);
    let total = statements.len();
    let show_all = RwSignal::new(false);
    // One goal form is open at a time, so its field and error summary are
    // the only ones on the page.
    let open = RwSignal::new(None::<&'static str>);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let first_hidden = statements.get(ACTIONS_SHOWN_FIRST).map(|(id, _)| *id);

    let card = {
        let a = a.clone();
        move |(statement_id, reason): (&'static str, scoring::ActionReason)| {
            view! { <ActionCard assessment=a.clone() statement_id reason open errors /> }
        }
    };
    let shown = statements
        .iter()
        .take(ACTIONS_SHOWN_FIRST)
        .copied()
        .map(card.clone())
        .collect_view();
    let rest: Vec<_> = statements
        .iter()
        .skip(ACTIONS_SHOWN_FIRST)
        .copied()
        .collect();
    let more = rest.len();
    let toggle = move |_| {
        let showing = !show_all.get_untracked();
        show_all.set(showing);
        // Shown, the first of the rest takes focus, so a keyboard or screen
        // reader user carries on reading where the list grew.
        if let (true, Some(id)) = (showing, first_hidden) {
            request_animation_frame(move || focus_id(&action_heading_id(id)));
        }
    };

    view! {
        <h2>"Turn weak spots into actions"</h2>
        <p>
            {format!(
                "Statements you rated {} or lower, or flagged as a priority, can become goals in your development plan. Those you flagged come first, then weak ones in your priority areas for action, then the rest, lowest rated first.",
                level_label(scoring::WEAK_LEVEL),
            )}
        </p>
        {if total == 0 {
            view! { <p>"No statements are rated weak or flagged."</p> }.into_any()
        } else {
            view! {
                <ul class="nhsuk-list" aria-label="Weak or flagged statements" id="results-actions">
                    {shown}
                    <Show when=move || show_all.get()>
                        {rest.iter().copied().map(card.clone()).collect_view()}
                    </Show>
                </ul>
                {(more > 0).then(|| view! {
                    <p class="nhsuk-body-s" id="results-actions-count">
                        {move || if show_all.get() {
                            format!("Showing all {total} weak or flagged statements.")
                        } else {
                            format!("Showing the first {ACTIONS_SHOWN_FIRST} of {total} weak or flagged statements.")
                        }}
                    </p>
                    <button
                        type="button"
                        class="nhsuk-button nhsuk-button--secondary"
                        aria-controls="results-actions"
                        aria-expanded=move || show_all.get().to_string()
                        on:click=toggle
                    >
                        {move || if show_all.get() {
                            format!("Show only the first {ACTIONS_SHOWN_FIRST}")
                        } else {
                            format!("Show all {total} statements ({more} more)")
                        }}
                    </button>
                })}
            }
            .into_any()
        }}
    }
}

fn action_heading_id(statement_id: &str) -> String {
    format!("action-{statement_id}")
}

fn add_button_id(statement_id: &str) -> String {
    format!("add-goal-{statement_id}")
}

/// Focuses the element with this id, if it is on the page.
fn focus_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// One weak or flagged statement: what it is, why it is here, and a goal
/// made from it. "Add to my development plan" opens a short form with a
/// suggested goal the user can reword before it is added.
#[component]
fn ActionCard(
    assessment: Assessment,
    statement_id: &'static str,
    reason: scoring::ActionReason,
    open: RwSignal<Option<&'static str>>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let a = assessment;
    let Some((domain, statement)) = framework::statement(statement_id) else {
        return ().into_any();
    };
    let assessment_id = a.id.clone();
    let rating = a.rating(statement_id).map(|r| r.label());
    let note = a
        .answer(statement_id)
        .map(|ans| ans.evidence.trim().to_string())
        .filter(|n| !n.is_empty());
    // Whether the plan has this statement's goal is the model's rule; the
    // memo keeps this card from re-rendering on unrelated changes.
    let in_plan = {
        let assessment_id = assessment_id.clone();
        store.select(move |w| w.statement_is_in_plan(&assessment_id, statement_id))
    };
    let suggested = suggested_goal(statement_id).unwrap_or(statement.text);
    let title = RwSignal::new(suggested.to_string());
    let added = RwSignal::new(None::<String>);
    let status = NodeRef::<leptos::html::Div>::new();

    let open_form = move |_| {
        errors.set(Vec::new());
        title.set(suggested.to_string());
        open.set(Some(statement_id));
        request_animation_frame(|| focus_id(GOAL_TITLE_FIELD));
    };
    let cancel = move |_| {
        errors.set(Vec::new());
        open.set(None);
        request_animation_frame(move || focus_id(&add_button_id(statement_id)));
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Into the newest plan, or a first plan if there is none yet.
        let change = Change::add_goal_from_statement(
            None,
            &assessment_id,
            statement_id,
            &title.get_untracked(),
        );
        let goal_id = change.created_id().map(str::to_string);
        if saver.submit(change, errors) {
            // The goal's title as kept (trimmed): read it from the goal made.
            let kept = goal_id.and_then(|id| {
                store
                    .workbook
                    .with_untracked(|w| w.goal(&id).map(|(_, g)| g.title.to_string()))
            });
            added.set(kept);
            open.set(None);
            // The form goes; focus goes to what replaced it.
            request_animation_frame(move || {
                if let Some(element) = status.get_untracked() {
                    let _ = element.focus();
                }
            });
        }
    };

    let button_label = format!("Add to my development plan: {}", statement.text);
    let why = match reason {
        scoring::ActionReason::Flagged => " You flagged this as a priority.",
        scoring::ActionReason::WeakInPriorityArea => " In a priority area for action.",
        scoring::ActionReason::Weak => "",
    };
    let about = format!(
        "{}.{}{why}",
        domain.title,
        rating
            .map(|r| format!(" Your rating: {r}."))
            .unwrap_or_default(),
    );
    let form_or_button = move || {
        if open.get() == Some(statement_id) {
            let add = add.clone();
            view! {
                <form novalidate class="no-print" on:submit=add>
                    <ErrorSummary errors=errors.into() />
                    <Field
                        id=GOAL_TITLE_FIELD
                        label="Your goal"
                        hint="A goal suggested from this statement. Change it to say what you want to achieve."
                        // Several lines, so the whole suggestion shows on a phone.
                        kind=FieldKind::TextArea
                        rows=3
                        bind=title
                        errors=Signal::from(errors)
                    />
                    <div class="app-actions">
                        <button type="submit" class="nhsuk-button nhsuk-u-margin-bottom-0">
                            "Add this goal"
                        </button>
                        <button
                            type="button"
                            class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                            on:click=cancel
                        >
                            "Cancel"
                        </button>
                    </div>
                </form>
            }
            .into_any()
        } else {
            view! {
                <button
                    type="button"
                    id=add_button_id(statement_id)
                    class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    aria-label=button_label.clone()
                    on:click=open_form
                >
                    "Add to my development plan"
                </button>
            }
            .into_any()
        }
    };
    view! {
        <li class="nhsuk-card app-action-card">
            <div class="nhsuk-card__content">
                <h3
                    class="nhsuk-card__heading nhsuk-heading-s"
                    id=action_heading_id(statement_id)
                    tabindex="-1"
                >
                    {statement.text}
                </h3>
                <p class="nhsuk-body-s">{about}</p>
                {note.map(|n| view! {
                    <p class="nhsuk-body-s app-note__text">
                        <span class="nhsuk-u-font-weight-bold">"Your notes: "</span>
                        {n}
                    </p>
                })}
                // Screen feedback only: on paper the tag below says it.
                <div role="status" tabindex="-1" class="no-print" node_ref=status>
                    {move || added.get().map(|t| view! {
                        <p class="nhsuk-body-s">
                            {format!("Added the goal \"{t}\" to your development plan.")}
                        </p>
                    })}
                </div>
                <Show when=move || in_plan.get() fallback=form_or_button>
                    <p class="nhsuk-u-margin-bottom-0">
                        <strong class="nhsuk-tag nhsuk-tag--green">"In your development plan"</strong>
                        " "
                        <span class="no-print">
                            <A href="/development-plan">"Go to your development plan"</A>
                        </span>
                    </p>
                </Show>
            </div>
        </li>
    }
    .into_any()
}
