//! Sections of a plan's page: what needs attention, reviews, the capabilities
//! the plan covers, and its dates month by month.

use crate::ui::routing::A;
use leptos::prelude::*;

use crate::model::capabilities::{skills_for, DOMAINS, MLCF_CITATION};
use crate::model::common::dates::{long_date, month_and_year};
use crate::model::common::validation::FieldError;
use crate::model::plan::attention::{attention, by_month, DUE_SOON_DAYS};
use crate::model::plan::entries::{REVIEW_DATE_FIELD, REVIEW_NEXT_FIELD, REVIEW_SUMMARY_FIELD};
use crate::model::plan::plans::suggested_elements;
use crate::model::plan::self_rating::{SCALE, SOURCE as SELF_RATING_SOURCE, SUGGEST_AT_OR_BELOW};
use crate::model::plan::{GoalDraft, ReviewDraft};
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{DataTable, DeleteButton, Field, FieldKind};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

fn goal_link(goal_id: &str, text: String) -> impl IntoView {
    view! { <A href=format!("/development-plan/goals/{goal_id}")>{text}</A> }
}

/// Overdue actions and goals, goals due soon or without actions, and the
/// next review, against today's date.
#[component]
pub fn AttentionPanel(plan_id: String) -> impl IntoView {
    let store = use_store();
    let today = browser::today();
    let found = store.select(move |w| {
        w.plan(&plan_id)
            .map(|p| attention(p, today))
            .unwrap_or_default()
    });
    view! {
        <h2>"What needs attention"</h2>
        {move || {
            let a = found.get();
            if a.is_clear() {
                let next = a.next_review.map(|d| format!(" Your next review is due on {}.", long_date(d))).unwrap_or_default();
                return view! { <p>{format!("Nothing is overdue or due in the next {DUE_SOON_DAYS} days.{next}")}</p> }.into_any();
            }
            view! {
                <ul class="nhsuk-list nhsuk-list--bullet" aria-label="What needs attention">
                    {a.overdue_actions.into_iter().map(|x| view! {
                        <li>
                            <strong class="nhsuk-tag nhsuk-tag--red">"Overdue action"</strong>" "
                            {format!("{} (due {}) for ", x.text, long_date(x.due))}
                            {goal_link(&x.goal_id, x.goal_title)}
                        </li>
                    }).collect_view()}
                    {a.overdue_goals.into_iter().map(|g| view! {
                        <li>
                            <strong class="nhsuk-tag nhsuk-tag--red">"Overdue goal"</strong>" "
                            {goal_link(&g.goal_id, g.title)}
                            {g.target.map(|t| format!(" (target {})", long_date(t)))}
                        </li>
                    }).collect_view()}
                    {a.due_soon.into_iter().map(|g| view! {
                        <li>
                            <strong class="nhsuk-tag nhsuk-tag--orange">"Due soon"</strong>" "
                            {goal_link(&g.goal_id, g.title)}
                            {g.target.map(|t| format!(" (target {})", long_date(t)))}
                        </li>
                    }).collect_view()}
                    {a.without_actions.into_iter().map(|g| view! {
                        <li>
                            <strong class="nhsuk-tag nhsuk-tag--grey">"No actions yet"</strong>" "
                            {goal_link(&g.goal_id, g.title)}
                        </li>
                    }).collect_view()}
                    {a.next_review.map(|d| view! {
                        <li>
                            {if a.review_overdue {
                                view! { <strong class="nhsuk-tag nhsuk-tag--red">"Review overdue"</strong> }.into_any()
                            } else {
                                view! { <strong class="nhsuk-tag nhsuk-tag--grey">"Next review"</strong> }.into_any()
                            }}
                            {format!(" {}", long_date(d))}
                        </li>
                    })}
                </ul>
            }.into_any()
        }}
    }
}

/// Dated reviews of the plan, newest first, and the form to record one.
#[component]
pub fn Reviews(plan_id: String, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let reviews = {
        let plan_id = plan_id.clone();
        store.select(move |w| {
            w.plan(&plan_id)
                .map(|p| p.reviews.clone())
                .unwrap_or_default()
        })
    };
    let date = RwSignal::new(crate::model::common::dates::input_value(browser::today()));
    let summary = RwSignal::new(String::new());
    let next = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ReviewDraft {
            date: date.get_untracked(),
            summary: summary.get_untracked(),
            next_review: next.get_untracked(),
        };
        if saver.submit(Change::add(Some(&plan_id), draft), errors) {
            summary.set(String::new());
            next.set(String::new());
        }
    };
    view! {
        <h2>"Reviews"</h2>
        <Show when=move || !reviews.with(Vec::is_empty) fallback=|| view! { <p>"You have not reviewed this plan yet."</p> }>
            <ul class="nhsuk-list" aria-label="Reviews">
                <For each=move || { let mut r = reviews.get(); r.reverse(); r } key=|r| (r.id.clone(), r.updated_at) let:review>
                    {
                        let remove = {
                            let id = review.id.clone();
                            Callback::new(move |()| { saver.act(Change::Delete { kind: RecordKind::Review, id: id.clone() }); })
                        };
                        view! {
                            <li class="nhsuk-card">
                                <div class="nhsuk-card__content">
                                    <h3 class="nhsuk-card__heading nhsuk-heading-s">{format!("Review on {}", long_date(review.date))}</h3>
                                    <p>{review.summary.to_string()}</p>
                                    {review.next_review.map(|d| view! { <p class="nhsuk-body-s">{format!("Next review: {}", long_date(d))}</p> })}
                                    <p class="no-print">
                                        <A href=format!("/development-plan/entries/{}", review.id) attr:aria-label=format!("Change review of {}", long_date(review.date))>"Change"</A>
                                    </p>
                                    <div class="no-print"><DeleteButton what=format!("review of {}", long_date(review.date)) on_confirm=remove /></div>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
        <div class="no-print">
            <h3>"Record a review"</h3>
            <form novalidate on:submit=add>
                <Field id=REVIEW_DATE_FIELD label="Date of the review" kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=date />
                <Field id=REVIEW_SUMMARY_FIELD label="Summary" hint="What you reviewed, what has gone well, what you will change." kind=FieldKind::TextArea rows=3 errors=errors bind=summary />
                <Field id=REVIEW_NEXT_FIELD label="Next review (optional)" kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=next />
                <button type="submit" class="nhsuk-button nhsuk-button--secondary">"Record review"</button>
            </form>
        </div>
    }
}

/// Which framework areas and elements the plan's goals build, beside the
/// user's latest self-rating and the article's skills each element draws on;
/// and the weakest rated elements with no goal, offered as new goals.
#[component]
pub fn Coverage(plan_id: String) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let coverage = {
        let plan_id = plan_id.clone();
        store.select(move |w| {
            let mut counts = std::collections::BTreeMap::<String, usize>::new();
            let mut rated = None;
            let mut suggested = Vec::new();
            if let Some(p) = w.plan(&plan_id) {
                for g in &p.goals {
                    if let Some(c) = &g.capability {
                        *counts.entry(c.clone()).or_default() += 1;
                    }
                }
                rated = p.latest_self_rating().map(|r| (r.date, r.ratings.clone()));
                suggested = suggested_elements(p)
                    .into_iter()
                    .map(|(e, v)| (e.id, e.title, v))
                    .collect();
            }
            (counts, rated, suggested)
        })
    };
    let rating_href = format!("/development-plan/plans/{plan_id}/self-rating");
    let plan_for_ratings = plan_id.clone();
    let rating_name = |v: u8| {
        SCALE
            .iter()
            .find(|(n, _, _)| *n == v)
            .map_or("", |(_, name, _)| *name)
    };
    let add_for = move |element: &'static str, title: &'static str| {
        let plan_id = plan_id.clone();
        move |_| {
            let draft = GoalDraft {
                title: format!("Develop: {title}"),
                capability: element.to_string(),
                ..Default::default()
            };
            saver.act(Change::add_goal(Some(&plan_id), draft));
        }
    };
    view! {
        <h2>"Capabilities your plan builds"</h2>
        <p>{format!("Your goals against the 20 elements of the {MLCF_CITATION}")}</p>
        <p class="no-print">
            <A href=rating_href>
                "Rate yourself on the framework's elements"
            </A>
            {format!(" (optional). {SELF_RATING_SOURCE}")}
        </p>
        <SelfRatings plan_id=plan_for_ratings />
        {move || {
            let (_, rated, suggested) = coverage.get();
            let Some((date, _)) = rated else { return ().into_any() };
            if suggested.is_empty() {
                return view! { <p>{format!("From your self-rating of {}: every element you rated {SUGGEST_AT_OR_BELOW} or lower already has a goal.", long_date(date))}</p> }.into_any();
            }
            view! {
                <h3>"Suggested goals"</h3>
                <p>{format!("From your self-rating of {}, your weakest elements with no goal yet:", long_date(date))}</p>
                <ul class="nhsuk-list" aria-label="Suggested goals">
                    {suggested.into_iter().map(|(id, title, v)| view! {
                        <li>
                            {format!("{title} (you rated it {v}, {}) ", rating_name(v))}
                            <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2 no-print"
                                aria-label=format!("Add a goal for: {title}") on:click=add_for(id, title)>
                                "Add a goal"
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {move || {
            let (counts, rated, _) = coverage.get();
            let ratings = rated.map(|(_, r)| r).unwrap_or_default();
            DOMAINS.iter().map(|d| {
                let rows = d.elements.iter().map(|e| {
                    let n = counts.get(e.id).copied().unwrap_or(0);
                    let skills = skills_for(e.id).map(|s| s.title).collect::<Vec<_>>().join("; ");
                    let rating = ratings.get(e.id).map_or_else(|| "Not rated".to_string(), |v| format!("{v} {}", rating_name(*v)));
                    view! {
                        <tr class="nhsuk-table__row">
                            <th scope="row" class="nhsuk-table__cell">{e.title}</th>
                            <td class="nhsuk-table__cell">{if n == 0 { "None".to_string() } else { n.to_string() }}</td>
                            <td class="nhsuk-table__cell">{rating}</td>
                            <td class="nhsuk-table__cell">{skills}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <DataTable caption=d.title headers=vec!["Element".into(), "Goals".into(), "Your rating".into(), "Skills from the article it serves".into()]>{rows}</DataTable>
                }
            }).collect_view()
        }}
    }
}

/// The plan's self-ratings, newest first, each of which can be deleted.
#[component]
fn SelfRatings(plan_id: String) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let ratings = store.select(move |w| {
        w.plan(&plan_id)
            .map(|p| {
                p.self_ratings
                    .iter()
                    .rev()
                    .map(|r| (r.id.clone(), r.date, r.ratings.len()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <Show when=move || !ratings.with(Vec::is_empty)>
            <ul class="nhsuk-list" aria-label="Your self-ratings">
                <For each=move || ratings.get() key=|r| r.0.clone() let:rating>
                    {
                        let (id, date, count) = rating;
                        let remove = Callback::new(move |()| {
                            saver.act(Change::Delete { kind: RecordKind::SelfRating, id: id.clone() });
                        });
                        view! {
                            <li>
                                {format!("Self-rating of {}: {count} of 20 elements rated. ", long_date(date))}
                                <span class="no-print">
                                    <DeleteButton what=format!("self-rating of {}", long_date(date)) on_confirm=remove />
                                </span>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
    }
}

/// Goal target dates and action due dates, month by month.
#[component]
pub fn ByMonth(plan_id: String) -> impl IntoView {
    let store = use_store();
    let months = store.select(move |w| w.plan(&plan_id).map(by_month).unwrap_or_default());
    view! {
        <h2>"Month by month"</h2>
        {move || {
            let months = months.get();
            if months.is_empty() {
                return view! { <p>"No dates yet: give goals a target date and actions a due date to see them here."</p> }.into_any();
            }
            months.into_iter().map(|(month, items)| view! {
                <h3 class="nhsuk-heading-s">{month_and_year(month)}</h3>
                <ul class="nhsuk-list nhsuk-list--bullet">
                    {items.into_iter().map(|i| view! {
                        <li>
                            {format!("{}: ", long_date(i.date))}
                            {goal_link(&i.goal_id, i.text)}
                            {i.done.then(|| " (done)")}
                        </li>
                    }).collect_view()}
                </ul>
            }).collect_view().into_any()
        }}
    }
}
