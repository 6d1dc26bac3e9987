//! One goal: what it is, its status, its actions (ticked off as they are done)
//! and its evidence and reflections.

use crate::ui::components::ConflictNotice;
use crate::ui::components::Title;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::goals::{capability_label, status_choices, status_tag, GoalFrom, GoalNotFound};
use crate::model::common::dates::long_date;
use crate::model::common::validation::FieldError;
use crate::model::plan::entries::{
    ACTION_DUE_FIELD, ACTION_TEXT_FIELD, EVIDENCE_DATE_FIELD, EVIDENCE_WHAT_FIELD,
};
use crate::model::plan::{ActionDraft, EvidenceDraft, Goal};
use crate::model::workbook::ops::plans::learning_need_to_show;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{summary_row, DeleteButton, ErrorSummary, Field, FieldKind, Radios};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[component]
pub fn GoalPage() -> impl IntoView {
    let store = use_store();
    let params = crate::ui::routing::use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let exists = store.select(move |w| w.goal(&id.get()).is_some());
    view! {
        <Show when=move || exists.get() fallback=|| view! { <Title text="Goal not found" /> <GoalNotFound /> }>
            <GoalView id />
        </Show>
    }
}

#[component]
fn GoalView(id: Memo<String>) -> impl IntoView {
    let store = use_store();
    let goal = store.select(move |w| w.goal(&id.get()).map(|(_, g)| g.clone()));
    let plan = store.select(move |w| {
        w.goal(&id.get())
            .map(|(p, _)| (p.id.clone(), p.name.to_string()))
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let with_goal =
        move |f: &dyn Fn(&Goal) -> String| goal.with(|g| g.as_ref().map(f).unwrap_or_default());
    let title = move || with_goal(&|g| g.title.to_string());

    view! {
        <Title text=move || format!("Goal: {}", title()) />
        <span class="nhsuk-caption-l">{move || plan.get().map(|(_, name)| name)}</span>
        <h1>{title}</h1>
        <ConflictNotice id=id />
        <ErrorSummary errors=errors.into() />
        {move || goal.get().map(|g| view! { <GoalSummary goal=g /> })}
        <p>
            <A href=move || format!("/development-plan/goals/{}/edit", id.get())>"Change this goal"</A>
            " · "
            <A href=move || plan.get().map(|(p, _)| format!("/development-plan/plans/{p}")).unwrap_or_else(|| "/development-plan".into())>
                "Back to the plan"
            </A>
        </p>
        <StatusChoice id goal />
        <Actions id goal errors />
        <Evidence id goal errors />
        <crate::ui::pages::business_case::CasesFor kind=crate::model::business_case::LinkKind::Goal id />
    }
}

#[component]
fn GoalSummary(goal: Goal) -> impl IntoView {
    let support = goal
        .support
        .iter()
        .map(|s| s.label())
        .collect::<Vec<_>>()
        .join("; ");
    // Where a goal made from a statement came from, once, as a link.
    let origin = goal.origin.clone().map(|origin| {
        view! {
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Made from"</dt>
                <dd class="nhsuk-summary-list__value"><GoalFrom origin /></dd>
            </div>
        }
    });
    // A goal made from a group's agreed target links back to its workshop.
    let from_round = use_store().workbook.with_untracked(|w| {
        w.agreement_of_goal(&goal.id).map(|(round, agreement)| {
            (
                round.id.clone(),
                round.name.to_string(),
                agreement.area_name(),
            )
        })
    });
    let from_round = from_round.map(|(round, name, area)| {
        view! {
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Made from"</dt>
                <dd class="nhsuk-summary-list__value">
                    <A href=format!("/group/rounds/{round}/workshop")>{format!("the target for {area} agreed in the group round \"{name}\"")}</A>
                </dd>
            </div>
        }
    });
    let need = learning_need_to_show(&goal).unwrap_or_default().to_string();
    view! {
        <dl class="nhsuk-summary-list">
            {origin}
            {from_round}
            {summary_row("Learning need", need)}
            {summary_row("How success will show", goal.success_measure.to_string())}
            {summary_row("Target date", goal.target_date.map(long_date).unwrap_or_else(|| "None set".into()))}
            {summary_row("Capability it builds", goal.capability.as_deref().and_then(capability_label).unwrap_or_default())}
            {summary_row("Support needed", support)}
            {summary_row("Details", goal.detail.to_string())}
            {summary_row("Review and outcome", goal.outcome.to_string())}
        </dl>
    }
}

/// The goal's status, changed with one click.
#[component]
fn StatusChoice(id: Memo<String>, goal: Memo<Option<Goal>>) -> impl IntoView {
    let saver = use_saver();
    let status = Memo::new(move |_| goal.with(|g| g.as_ref().map(|g| g.status)));
    view! {
        <p>{move || status.get().map(status_tag)}</p>
        <Radios
            legend="Status"
            name="status"
            choices=status_choices()
            selected=status
            on_select=Callback::new(move |s| {
                saver.act(Change::SetGoalStatus { id: id.get_untracked(), status: s });
            })
            inline=true
            heading=true
        />
    }
}

#[component]
fn Actions(
    id: Memo<String>,
    goal: Memo<Option<Goal>>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let saver = use_saver();
    let text = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let action_ids = Memo::new(move |_| {
        goal.with(|g| {
            g.as_ref()
                .map(|g| g.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ActionDraft {
            text: text.get_untracked(),
            due: due.get_untracked(),
        };
        if saver.submit(Change::add(Some(&id.get_untracked()), draft), errors) {
            text.set(String::new());
            due.set(String::new());
        }
    };
    view! {
        <h2>"Actions"</h2>
        <Show when=move || !action_ids.with(Vec::is_empty) fallback=|| view! { <p>"No actions yet. Add the steps that will get you to this goal."</p> }>
            <ul class="nhsuk-list" aria-label="Actions">
                <For each=move || action_ids.get() key=|a| a.clone() let:action_id>
                    <ActionRow goal action_id />
                </For>
            </ul>
        </Show>
        <h3>"Add an action"</h3>
        <form novalidate on:submit=add>
            <Field id=ACTION_TEXT_FIELD label="What will you do?" errors=errors bind=text />
            <Field id=ACTION_DUE_FIELD label="Due date (optional)" kind=FieldKind::Date
                width_class="nhsuk-input--width-10" errors=errors bind=due />
            <button type="submit" class="nhsuk-button nhsuk-button--secondary">"Add action"</button>
        </form>
    }
}

/// One action: a checkbox to tick it off, its due date, and delete.
#[component]
fn ActionRow(goal: Memo<Option<Goal>>, action_id: String) -> impl IntoView {
    let saver = use_saver();
    let action = {
        let action_id = action_id.clone();
        Memo::new(move |_| {
            goal.with(|g| {
                g.as_ref()
                    .and_then(|g| g.actions.iter().find(|a| a.id == action_id).cloned())
            })
        })
    };
    let today = crate::ui::browser::today();
    move || {
        action.get().map(|a| {
        let input = format!("done-{}", a.id);
        let id = a.id.clone();
        let remove = {
            let id = a.id.clone();
            Callback::new(move |()| { saver.act(Change::Delete { kind: RecordKind::Action, id: id.clone() }); })
        };
        let overdue = a.done_on.is_none() && a.due.is_some_and(|d| d < today);
        let when = match (a.done_on, a.due) {
            (Some(done), _) => format!("Done {}", long_date(done)),
            (None, Some(due)) => format!("Due {}", long_date(due)),
            (None, None) => "No due date".into(),
        };
        view! {
            <li class="app-action">
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" type="checkbox" id=input.clone()
                        prop:checked=a.done_on.is_some()
                        on:change=move |ev| {
                            saver.act(Change::SetActionDone { id: id.clone(), done: event_target_checked(&ev) });
                        } />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=input>{a.text.to_string()}</label>
                </div>
                <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
                    {when}
                    {overdue.then(|| view! { " " <strong class="nhsuk-tag nhsuk-tag--red">"Overdue"</strong> })}
                </p>
                <p class="nhsuk-u-margin-bottom-1">
                    <A href=format!("/development-plan/entries/{}", a.id) attr:aria-label=format!("Change action: {}", a.text)>"Change"</A>
                </p>
                <DeleteButton what=format!("action: {}", a.text) on_confirm=remove />
            </li>
        }
    })
    }
}

#[component]
fn Evidence(
    id: Memo<String>,
    goal: Memo<Option<Goal>>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let saver = use_saver();
    let date = RwSignal::new(crate::model::common::dates::input_value(
        crate::ui::browser::today(),
    ));
    let what = RwSignal::new(String::new());
    let learnt = RwSignal::new(String::new());
    let entries = Memo::new(move |_| {
        goal.with(|g| g.as_ref().map(|g| g.evidence.clone()).unwrap_or_default())
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = EvidenceDraft {
            date: date.get_untracked(),
            what_happened: what.get_untracked(),
            learnt: learnt.get_untracked(),
        };
        if saver.submit(Change::add(Some(&id.get_untracked()), draft), errors) {
            what.set(String::new());
            learnt.set(String::new());
        }
    };
    view! {
        <h2>"Evidence and reflection"</h2>
        <Show when=move || !entries.with(Vec::is_empty) fallback=|| view! { <p>"Nothing recorded yet."</p> }>
            <ul class="nhsuk-list" aria-label="Evidence and reflection">
                <For each=move || entries.get() key=|e| (e.id.clone(), e.updated_at) let:entry>
                    {
                        let remove = {
                            let id = entry.id.clone();
                            Callback::new(move |()| { saver.act(Change::Delete { kind: RecordKind::Evidence, id: id.clone() }); })
                        };
                        view! {
                            <li class="nhsuk-card">
                                <div class="nhsuk-card__content">
                                    <h3 class="nhsuk-card__heading nhsuk-heading-s">{long_date(entry.date)}</h3>
                                    <p>{entry.what_happened.to_string()}</p>
                                    {(!entry.learnt.is_empty()).then(|| view! { <p><strong>"What I learnt: "</strong>{entry.learnt.to_string()}</p> })}
                                    <p>
                                        <A href=format!("/development-plan/entries/{}", entry.id) attr:aria-label=format!("Change evidence from {}", long_date(entry.date))>"Change"</A>
                                    </p>
                                    <DeleteButton what=format!("evidence from {}", long_date(entry.date)) on_confirm=remove />
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
        <h3>"Add evidence or a reflection"</h3>
        <form novalidate on:submit=add>
            <Field id=EVIDENCE_DATE_FIELD label="When did it happen?" kind=FieldKind::Date
                width_class="nhsuk-input--width-10" errors=errors bind=date />
            <Field id=EVIDENCE_WHAT_FIELD label="What happened?" kind=FieldKind::TextArea rows=3 errors=errors bind=what />
            <Field id="evidence-learnt" label="What did you learn? (optional)" kind=FieldKind::TextArea rows=3 bind=learnt />
            <button type="submit" class="nhsuk-button nhsuk-button--secondary">"Add evidence"</button>
        </form>
    }
}
