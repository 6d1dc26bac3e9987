//! A development plan's page: its details, what needs attention, its goals
//! (with the form to add one), reviews, the capabilities it covers and its
//! dates month by month. `/development-plan` shows the newest plan;
//! `/development-plan/plans/:plan` a chosen one.

use crate::ui::components::ConflictNotice;
use crate::ui::components::{Title, UnreadableSection};
use crate::ui::routing::A;
use leptos::prelude::*;

use super::goals::{GoalCard, GoalFields, GoalForm};
use super::parts::{AttentionPanel, ByMonth, Coverage, Reviews};
use crate::model::common::dates::long_date;
use crate::model::common::validation::FieldError;
use crate::model::plan::GoalDraft;
use crate::model::workbook::free_text::plan_texts;
use crate::model::Change;
use crate::ui::components::{summary_row, ErrorSummary, IdentifierList};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[component]
pub fn DevelopmentPlan() -> impl IntoView {
    let store = use_store();
    let plan_id = store.select(|w| w.current_plan().map(|p| p.id.clone()));
    view! { <PlanView plan_id /> }
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let store = use_store();
    let params = crate::ui::routing::use_params_map();
    let wanted = Memo::new(move |_| params.read().get("plan").unwrap_or_default());
    let plan_id = store.select(move |w| w.plan(&wanted.get()).map(|p| p.id.clone()));
    view! {
        <Show when=move || plan_id.with(Option::is_some) fallback=|| view! {
            <Title text="Plan not found" />
            <h1>"Plan not found"</h1>
            <p>"This plan is not in your workbook. It may have been deleted."</p>
            <p><A href="/development-plan">"Go to your development plan"</A></p>
        }>
            <PlanView plan_id />
        </Show>
    }
}

#[component]
fn PlanView(plan_id: Memo<Option<String>>) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = GoalForm::new(GoalDraft::default());
    let add_goal = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let plan = plan_id.get_untracked();
        if saver.submit(Change::add_goal(plan.as_deref(), form.draft()), errors) {
            form.clear();
        }
    };
    // Ids in order: the list re-renders only when a goal is added or removed,
    // and each card only when its own goal changes.
    let goal_ids = store.select(move |w| {
        plan_id
            .get()
            .and_then(|id| {
                w.plan(&id)
                    .map(|p| p.goals.iter().map(|g| g.id.clone()).collect::<Vec<_>>())
            })
            .unwrap_or_default()
    });
    let details = store.select(move |w| {
        plan_id.get().and_then(|id| w.plan(&id)).map(|p| {
            (
                p.id.clone(),
                p.name.to_string(),
                p.owner.to_string(),
                p.starts,
                p.ends,
                p.aim.to_string(),
            )
        })
    });
    // What a printed plan holds: the plan, its goals with their actions and
    // evidence, and its reviews.
    let identifier_texts = store.select(move |w| {
        plan_id
            .get()
            .and_then(|id| w.plan(&id).map(plan_texts))
            .unwrap_or_default()
    });
    let others = store.select(move |w| {
        let current = plan_id.get();
        w.plans()
            .iter()
            .filter(|p| Some(&p.id) != current.as_ref())
            .map(|p| (p.id.clone(), p.name.to_string()))
            .collect::<Vec<_>>()
    });

    view! {
        <Title text="Development plan" />
        <h1>"Leadership development plan"</h1>
        <UnreadableSection what="development plans" unreadable=|w| w.plan_problem().is_some() />
        <ConflictNotice id=Signal::derive(move || plan_id.get().unwrap_or_default()) />
        <p class="no-print">
            "Plan how you will develop as a clinical leader in commissioning: goals with the actions, support and evidence that will get you there, reviewed as you go."
        </p>
        <ErrorSummary errors=errors.into() />
        {move || details.get().map(|(id, name, owner, starts, ends, aim)| {
            let period = match (starts, ends) {
                (Some(s), Some(e)) => format!("{} to {}", long_date(s), long_date(e)),
                (Some(s), None) => format!("From {}", long_date(s)),
                (None, Some(e)) => format!("Until {}", long_date(e)),
                (None, None) => String::new(),
            };
            view! {
                <h2>{name.clone()}</h2>
                <dl class="nhsuk-summary-list">
                    {summary_row("Whose plan", owner.to_string())}
                    {summary_row("Period", period)}
                    {summary_row("Development aim", aim.to_string())}
                </dl>
                <div class="no-print">
                    <IdentifierList texts=identifier_texts what="print the plan" />
                </div>
                <p class="no-print">
                    <A href=format!("/development-plan/plans/{id}/details") attr:aria-label=format!("Change plan details: {name}")>"Change plan details"</A>
                    " · "
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                        on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>
                        "Print this plan"
                    </button>
                </p>
            }
        })}
        <nav class="no-print" aria-label="Your plans">
            <p>
                {move || {
                    let others = others.get();
                    (!others.is_empty()).then(|| view! {
                        "Your other plans: "
                        {others.into_iter().map(|(id, name)| view! {
                            <A href=format!("/development-plan/plans/{id}")>{name}</A>" "
                        }).collect_view()}
                        " · "
                        {plan_id.get().map(|id| view! {
                            <A href=format!("/development-plan/plans/{id}/combine")>"Combine another plan into this one"</A>
                            " · "
                        })}
                    })
                }}
                <A href="/development-plan/plans/new">"Start a new plan"</A>
            </p>
        </nav>

        {move || plan_id.get().map(|id| view! { <AttentionPanel plan_id=id /> })}

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

        <div class="no-print">
            <h2>"Add a goal"</h2>
            <form novalidate on:submit=add_goal>
                <GoalFields errors form />
                <button type="submit" class="nhsuk-button">"Add goal"</button>
            </form>
        </div>

        {move || plan_id.get().map(|id| view! {
            <Reviews plan_id=id.clone() errors />
            <Coverage plan_id=id.clone() />
            <ByMonth plan_id=id />
        })}
    }
}
