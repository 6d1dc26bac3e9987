use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::model::framework;

use crate::model::plan::{GoalDraft, GOAL_TARGET_DATE_FIELD, GOAL_TITLE_FIELD};
use crate::model::validation::FieldError;
use crate::ui::browser;
use crate::ui::components::{ErrorSummary, FieldErrorMessage, NotBuiltYet};
use crate::ui::state::use_state;

#[component]
pub fn DevelopmentPlan() -> impl IntoView {
    let state = use_state();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let title_input = NodeRef::<leptos::html::Input>::new();
    let detail_input = NodeRef::<leptos::html::Textarea>::new();
    let date_input = NodeRef::<leptos::html::Input>::new();

    let add_goal = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(title), Some(detail), Some(date)) =
            (title_input.get(), detail_input.get(), date_input.get())
        else {
            return;
        };
        let draft = GoalDraft {
            title: title.value(),
            detail: detail.value(),
            target_date: date.value(),
        };
        // The real id is given only once the draft is valid, so a refused draft
        // changes nothing in the workbook.
        match draft.validate(String::new(), browser::today(), None) {
            Ok(mut goal) => {
                state.edit(|workbook| {
                    goal.id = workbook.next_id("goal", browser::now());
                    workbook.development_plan.goals.push(goal);
                });
                errors.set(Vec::new());
                title.set_value("");
                detail.set_value("");
                date.set_value("");
            }
            Err(found) => errors.set(found),
        }
    };
    let has_error = move |field: &'static str| errors.with(|e| e.iter().any(|e| e.field == field));
    let goals = move || state.workbook.with(|w| w.development_plan.goals.clone());

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
            when=move || !goals().is_empty()
            fallback=|| view! { <p>"You have no goals yet."</p> }
        >
            <ul class="nhsuk-list" aria-label="Your goals">
                <For
                    each=goals
                    key=|goal| goal.id.clone()
                    children=move |goal| {
                        let id = goal.id.clone();
                        let remove_label = format!("Remove goal: {}", goal.title);
                        view! {
                            <li class="nhsuk-card">
                                <div class="nhsuk-card__content">
                                    <h3 class="nhsuk-card__heading">{goal.title.clone()}</h3>
                                    {goal.origin.clone().map(|origin| {
                                        let statement = framework::statement(&origin.statement_id)
                                            .map(|(_, s)| s.text)
                                            .unwrap_or("a statement no longer in the framework");
                                        view! {
                                            <p class="nhsuk-body-s">
                                                "From your self-assessment: "
                                                <A href=format!("/self-assessment/{}/results", origin.assessment_id)>{statement}</A>
                                            </p>
                                        }
                                    })}
                                    {(!goal.detail.is_empty()).then(|| view! { <p class="nhsuk-card__description">{goal.detail.clone()}</p> })}
                                    <p class="nhsuk-body-s">
                                        {match goal.target_date {
                                            Some(date) => format!("Target date: {}", date.format("%-d %B %Y")),
                                            None => "No target date".to_string(),
                                        }}
                                        {format!(" · Added {}", goal.created_on.format("%-d %B %Y"))}
                                    </p>
                                    <button
                                        type="button"
                                        class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                                        aria-label=remove_label
                                        on:click=move |_| {
                                            let id = id.clone();
                                            state.edit(move |w| w.development_plan.goals.retain(|g| g.id != id));
                                        }
                                    >
                                        "Remove"
                                    </button>
                                </div>
                            </li>
                        }
                    }
                />
            </ul>
        </Show>

        <h2>"Add a goal"</h2>
        <form novalidate on:submit=add_goal>
            <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || has_error(GOAL_TITLE_FIELD)>
                <label class="nhsuk-label" for=GOAL_TITLE_FIELD>"What do you want to achieve?"</label>
                <FieldErrorMessage errors=errors.into() field=GOAL_TITLE_FIELD />
                <input
                    class="nhsuk-input"
                    class:nhsuk-input--error=move || has_error(GOAL_TITLE_FIELD)
                    id=GOAL_TITLE_FIELD
                    name="title"
                    type="text"
                    node_ref=title_input
                />
            </div>
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="goal-detail">"Details (optional)"</label>
                <div class="nhsuk-hint" id="goal-detail-hint">"For example, who will help and how you will know you have got there."</div>
                <textarea class="nhsuk-textarea" id="goal-detail" name="detail" rows="3" aria-describedby="goal-detail-hint" node_ref=detail_input></textarea>
            </div>
            <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || has_error(GOAL_TARGET_DATE_FIELD)>
                <label class="nhsuk-label" for=GOAL_TARGET_DATE_FIELD>"Target date (optional)"</label>
                <FieldErrorMessage errors=errors.into() field=GOAL_TARGET_DATE_FIELD />
                <input
                    class="nhsuk-input nhsuk-input--width-10"
                    class:nhsuk-input--error=move || has_error(GOAL_TARGET_DATE_FIELD)
                    id=GOAL_TARGET_DATE_FIELD
                    name="target-date"
                    type="date"
                    node_ref=date_input
                />
            </div>
            <button type="submit" class="nhsuk-button">"Add goal"</button>
        </form>
    }
}
