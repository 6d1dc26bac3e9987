use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::model::assessment::framework;
use crate::model::common::dates::long_date;
use crate::model::common::validation::FieldError;
use crate::model::plan::{Goal, GoalDraft, GOAL_TARGET_DATE_FIELD, GOAL_TITLE_FIELD};
use crate::model::{Change, Refusal};
use crate::ui::components::{ErrorSummary, Field, FieldKind, NotBuiltYet};
use crate::ui::store::use_store;

#[component]
pub fn DevelopmentPlan() -> impl IntoView {
    let store = use_store();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let title = RwSignal::new(String::new());
    let detail = RwSignal::new(String::new());
    let target_date = RwSignal::new(String::new());

    let add_goal = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = GoalDraft {
            title: title.get_untracked(),
            detail: detail.get_untracked(),
            target_date: target_date.get_untracked(),
        };
        match store.apply(Change::add_goal(draft)) {
            Ok(()) => {
                errors.set(Vec::new());
                title.set(String::new());
                detail.set(String::new());
                target_date.set(String::new());
            }
            Err(Refusal::Invalid(found)) => errors.set(found),
            Err(_) => {}
        }
    };
    // Ids in order: the list re-renders only when a goal is added or removed,
    // and each card only when its own goal changes.
    let goal_ids = store.select(|w| {
        w.development_plan
            .goals
            .iter()
            .map(|g| g.id.clone())
            .collect::<Vec<_>>()
    });

    view! {
        <Title text="Development plan" />
        <h1>"Leadership development plan"</h1>
        <p>
            "Set yourself goals for developing as a clinical leader in commissioning, with a date to reach each one."
        </p>
        <NotBuiltYet>
            <p>
                "So far the plan holds goals only. Actions, support needed, evidence and reviews are not built yet."
            </p>
        </NotBuiltYet>
        <ErrorSummary errors=errors.into() />

        <h2>"Your goals"</h2>
        <Show
            when=move || !goal_ids.with(Vec::is_empty)
            fallback=|| view! { <p>"You have no goals yet."</p> }
        >
            <ul class="nhsuk-list" aria-label="Your goals">
                <For each=move || goal_ids.get() key=|id| id.clone() let:id>
                    <GoalCard id />
                </For>
            </ul>
        </Show>

        <h2>"Add a goal"</h2>
        <form novalidate on:submit=add_goal>
            <Field id=GOAL_TITLE_FIELD label="What do you want to achieve?" errors=errors bind=title />
            <Field
                id="goal-detail"
                label="Details (optional)"
                hint="For example, who will help and how you will know you have got there."
                kind=FieldKind::TextArea
                bind=detail
            />
            <Field
                id=GOAL_TARGET_DATE_FIELD
                label="Target date (optional)"
                kind=FieldKind::Date
                width_class="nhsuk-input--width-10"
                errors=errors
                bind=target_date
            />
            <button type="submit" class="nhsuk-button">"Add goal"</button>
        </form>
    }
}

/// One goal, re-rendered only when that goal changes.
#[component]
fn GoalCard(id: String) -> impl IntoView {
    let store = use_store();
    let goal = {
        let id = id.clone();
        store.select(move |w| {
            w.development_plan
                .goals
                .iter()
                .find(|g| g.id == id)
                .cloned()
        })
    };
    move || {
        goal.get().map(|goal: Goal| {
            let id = goal.id.clone();
            let remove_label = format!("Remove goal: {}", goal.title);
            let origin = goal.origin.clone().map(|origin| {
                let statement = framework::statement(&origin.statement_id)
                    .map(|(_, s)| s.text)
                    .unwrap_or("a statement no longer in the framework");
                view! {
                    <p class="nhsuk-body-s">
                        "From your self-assessment: "
                        <A href=format!("/self-assessment/{}/results", origin.assessment_id)>{statement}</A>
                    </p>
                }
            });
            let added = goal.created_at.with_timezone(&chrono::Local).date_naive();
            view! {
                <li class="nhsuk-card">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading">{goal.title.clone()}</h3>
                        {origin}
                        {(!goal.detail.is_empty()).then(|| view! { <p class="nhsuk-card__description">{goal.detail.clone()}</p> })}
                        <p class="nhsuk-body-s">
                            {match goal.target_date {
                                Some(date) => format!("Target date: {}", long_date(date)),
                                None => "No target date".to_string(),
                            }}
                            {format!(" · Added {}", long_date(added))}
                        </p>
                        <button
                            type="button"
                            class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                            aria-label=remove_label
                            on:click=move |_| {
                                let _ = store.apply(Change::RemoveGoal { id: id.clone() });
                            }
                        >
                            "Remove"
                        </button>
                    </div>
                </li>
            }
        })
    }
}
