//! The results of one of the user's own self-assessments: scores by domain,
//! strongest and weakest statements, priorities, and a way to turn weak or
//! flagged statements into development-plan goals.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::{own_assessment, param, AssessmentNotFound};
use crate::model::assessment::framework;
use crate::model::assessment::scoring::{self, percent_label};
use crate::model::assessment::Assessment;
use crate::model::Change;
use crate::ui::components::DataTable;
use crate::ui::store::use_store;

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
        <h1>{heading}</h1>
        <p class="nhsuk-body-l">
            {format!(
                "You have answered {} of {} statements.",
                progress.answered,
                progress.total,
            )}
        </p>
        {(!progress.is_complete())
            .then(|| {
                continue_href
                    .map(|href| {
                        view! {
                            <p class="no-print">
                                <A href=href>"Continue the assessment"</A>
                            </p>
                        }
                    })
            })}
        <p class="no-print">
            <button
                type="button"
                class="nhsuk-button nhsuk-button--secondary no-print"
                on:click=move |_| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.print();
                    }
                }
            >
                "Print these results"
            </button>
        </p>

        <h2>"How scores are worked out"</h2>
        <p>{scoring::SCORING_METHOD}</p>
        <p class="nhsuk-body-s">{framework::MATURITY_SCALE_SOURCE}</p>

        <ScoresSection assessment=a.clone() />
        <StrongAndWeak assessment=a.clone() />
        <Flagged assessment=a.clone() />
        <Priorities assessment=a.clone() />
        <Actions assessment=a />
    }
}

#[component]
fn ScoresSection(assessment: Assessment) -> impl IntoView {
    let a = assessment;
    let scores = scoring::domain_scores(&a);
    let overall = scoring::overall_percent(&a);

    // The chart: one labelled bar per domain, the label above its bar.
    const ROW: f64 = 48.0;
    const BAR_X: f64 = 0.0;
    const BAR_MAX: f64 = 480.0;
    let height = ROW * scores.len() as f64 + 8.0;
    let bars = scores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let y = ROW * i as f64;
            let title = s.domain().map(|d| d.title).unwrap_or(s.domain_id);
            let width = s.percent.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0 * BAR_MAX;
            let label = percent_label(s.percent);
            view! {
                <g>
                    <text x=BAR_X y=y + 16.0 class="app-chart__label">{title}</text>
                    <rect
                        x=BAR_X
                        y=y + 22.0
                        width=BAR_MAX
                        height="18"
                        class="app-chart__track"
                    ></rect>
                    <rect x=BAR_X y=y + 22.0 width=width height="18" class="app-chart__bar"></rect>
                    <text x=BAR_X + BAR_MAX + 8.0 y=y + 36.0 class="app-chart__value">{label}</text>
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
                    <td class="nhsuk-table__cell">{percent_label(s.percent)}</td>
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

    view! {
        <h2>"Scores by area"</h2>
        <p class="nhsuk-body-l">
            "Overall score: " <strong>{percent_label(overall)}</strong>
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
                viewBox=format!("0 0 560 {height}")
                class="app-chart__svg"
            >
                {bars}
            </svg>
        </figure>
        <DataTable caption="Scores by area" headers=vec!["Area".into(), "Score".into(), "Rated".into(), "Not applicable".into(), "Unanswered".into()]>
                {rows}
                <tr class="nhsuk-table__row app-table__total">
                    <td class="nhsuk-table__cell">"Overall"</td>
                    <td class="nhsuk-table__cell">{percent_label(overall)}</td>
                    <td class="nhsuk-table__cell">{rated}</td>
                    <td class="nhsuk-table__cell">{not_applicable}</td>
                    <td class="nhsuk-table__cell">{unanswered}</td>
                </tr>
            </DataTable>
    }
}

/// A table of statements with their domain and rated level.
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
        <table class="nhsuk-table">
            <caption class="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
            <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                    <th scope="col" class="nhsuk-table__header">"Statement"</th>
                    <th scope="col" class="nhsuk-table__header">"Area"</th>
                    <th scope="col" class="nhsuk-table__header">"Your rating"</th>
                </tr>
            </thead>
            <tbody class="nhsuk-table__body">{rows}</tbody>
        </table>
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
            view! {
                <tr class="nhsuk-table__row">
                    <td class="nhsuk-table__cell">{title}</td>
                    <td class="nhsuk-table__cell">{importance}</td>
                    <td class="nhsuk-table__cell">{percent_label(r.percent)}</td>
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
    let top: Vec<&'static str> = scoring::top_priorities(&assessment, 3)
        .iter()
        .filter_map(|r| framework::domain(r.domain_id).map(|d| d.title))
        .collect();
    let summary = if top.is_empty() {
        "None of your areas is a priority for action by this rule.".to_string()
    } else {
        format!("Your top priorities for action: {}.", top.join("; "))
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

#[component]
fn Actions(assessment: Assessment) -> impl IntoView {
    let store = use_store();
    let confirmation = RwSignal::new(None::<String>);
    let a = assessment;
    let statements = scoring::weak_or_flagged(&a);

    let items = statements
        .into_iter()
        .filter_map(framework::statement)
        .map(|(domain, statement)| {
            let assessment_id = a.id.clone();
            let rating = a.rating(statement.id).map(|r| r.label());
            let flagged = a.is_flagged(statement.id);
            let statement_id = statement.id;
            // Whether the plan has this statement's goal is the model's rule;
            // the memo keeps this card from re-rendering on unrelated changes.
            let in_plan = {
                let assessment_id = assessment_id.clone();
                store.select(move |w| w.statement_is_in_plan(&assessment_id, statement_id))
            };
            let add = move |_| {
                // Into the newest plan, or a first plan if there is none yet.
                let plan = store.workbook.with_untracked(|w| w.current_plan().map(|p| p.id.clone()));
                let change = Change::add_goal_from_statement(plan.as_deref(), &assessment_id, statement_id);
                if store.apply(change).is_ok() {
                    confirmation.set(Some(format!(
                        "Added the goal \"Improve: {}\" to your development plan.",
                        statement.text
                    )));
                }
            };
            let button_label = format!("Add to my development plan: {}", statement.text);
            let about = format!(
                "{}.{}{}",
                domain.title,
                rating.map(|r| format!(" Your rating: {r}.")).unwrap_or_default(),
                if flagged { " You flagged this as a priority." } else { "" }
            );
            view! {
                <li class="nhsuk-card">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading nhsuk-heading-s">{statement.text}</h3>
                        <p class="nhsuk-body-s">{about}</p>
                        <Show
                            when=move || in_plan.get()
                            fallback=move || {
                                let add = add.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                                        aria-label=button_label.clone()
                                        on:click=add
                                    >
                                        "Add to my development plan"
                                    </button>
                                }
                            }
                        >
                            <p class="nhsuk-u-margin-bottom-0">
                                <strong class="nhsuk-tag nhsuk-tag--green">"In your development plan"</strong>
                                " "
                                <A href="/development-plan">"Go to your development plan"</A>
                            </p>
                        </Show>
                    </div>
                </li>
            }
        })
        .collect_view();

    let any = !scoring::weak_or_flagged(&a).is_empty();
    view! {
        <h2>"Turn weak spots into actions"</h2>
        <p>
            {format!(
                "Statements you rated {} or lower, or flagged as a priority, can become goals in your development plan.",
                level_label(scoring::WEAK_LEVEL),
            )}
        </p>
        <div role="status" class="app-results__status">
            {move || {
                confirmation
                    .get()
                    .map(|message| {
                        view! {
                            <div class="nhsuk-inset-text">
                                <p>
                                    {message} " "
                                    <A href="/development-plan">"Go to your development plan"</A>
                                </p>
                            </div>
                        }
                    })
            }}
        </div>
        {if any {
            view! { <ul class="nhsuk-list" aria-label="Weak or flagged statements">{items}</ul> }
                .into_any()
        } else {
            view! { <p>"No statements are rated weak or flagged."</p> }.into_any()
        }}
    }
}
