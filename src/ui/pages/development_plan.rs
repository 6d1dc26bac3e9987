use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::model::assessment::framework;
use crate::model::common::dates::long_date;
use crate::model::common::validation::FieldError;
use crate::model::plan::{Goal, GoalDraft, GOAL_TARGET_DATE_FIELD, GOAL_TITLE_FIELD};
use crate::model::{Change, Refusal};
use crate::ui::components::{DeleteButton, ErrorSummary, Field, FieldKind, NotBuiltYet};
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
            <GoalFields errors title detail target_date />
            <button type="submit" class="nhsuk-button">"Add goal"</button>
        </form>
    }
}

/// The fields of a goal, shared by the add and change forms.
#[component]
fn GoalFields(
    errors: RwSignal<Vec<FieldError>>,
    title: RwSignal<String>,
    detail: RwSignal<String>,
    target_date: RwSignal<String>,
) -> impl IntoView {
    view! {
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
    }
}

/// Changes one goal: its title, details or target date.
#[component]
pub fn EditGoal() -> impl IntoView {
    let store = use_store();
    let params = leptos_router::hooks::use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let goal = store.select(move |w| {
        let id = id.get();
        w.development_plan
            .goals
            .iter()
            .find(|g| g.id == id)
            .cloned()
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // Filled once from the goal; what the user types is theirs after that.
    let draft = goal
        .get_untracked()
        .map(|g| GoalDraft::of(&g))
        .unwrap_or_default();
    let title = RwSignal::new(draft.title);
    let detail = RwSignal::new(draft.detail);
    let target_date = RwSignal::new(draft.target_date);
    let navigate = use_navigate();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = Change::UpdateGoal {
            id: id.get_untracked(),
            draft: GoalDraft {
                title: title.get_untracked(),
                detail: detail.get_untracked(),
                target_date: target_date.get_untracked(),
            },
        };
        match store.apply(change) {
            Ok(()) => navigate("/development-plan", Default::default()),
            Err(Refusal::Invalid(found)) => errors.set(found),
            Err(_) => {}
        }
    };
    view! {
        <Title text="Change a goal" />
        <Show
            when=move || goal.with(Option::is_some)
            fallback=|| view! {
                <h1>"Goal not found"</h1>
                <p>"This goal is not in your development plan. It may have been deleted."</p>
                <p><A href="/development-plan">"Go to your development plan"</A></p>
            }
        >
            <h1>"Change a goal"</h1>
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=save.clone()>
                <GoalFields errors title detail target_date />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href="/development-plan">"Cancel and go back to your development plan"</A></p>
        </Show>
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
            let what = format!("goal: {}", goal.title);
            let change_label = format!("Change goal: {}", goal.title);
            let delete = Callback::new(move |()| {
                let _ = store.apply(Change::RemoveGoal { id: id.clone() });
            });
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
                        <p>
                            <A href=format!("/development-plan/goals/{}", goal.id) attr:aria-label=change_label>"Change"</A>
                        </p>
                        <DeleteButton what on_confirm=delete />
                    </div>
                </li>
            }
        })
    }
}
