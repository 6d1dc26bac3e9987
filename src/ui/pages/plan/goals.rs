//! Goals: the fields of the goal form (shared by adding and changing), the
//! change-a-goal page, and a goal's card in a plan's list.

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use crate::model::assessment::framework;
use crate::model::capabilities::{self, DOMAINS};
use crate::model::common::dates::long_date;
use crate::model::common::validation::FieldError;
use crate::model::plan::goals::GOAL_CAPABILITY_FIELD;
use crate::model::plan::{
    Goal, GoalDraft, GoalOrigin, GoalStatus, Support, GOAL_TARGET_DATE_FIELD, GOAL_TITLE_FIELD,
};
use crate::model::workbook::ops::plans::learning_need_to_show;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{
    DeleteButton, ErrorMessage, ErrorSummary, Field, FieldKind, Radios, StaleGuard, StaleNotice,
};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

/// The goal form's values while the user types.
#[derive(Clone, Copy)]
pub struct GoalForm {
    title: RwSignal<String>,
    detail: RwSignal<String>,
    learning_need: RwSignal<String>,
    success_measure: RwSignal<String>,
    target_date: RwSignal<String>,
    status: RwSignal<GoalStatus>,
    support: RwSignal<Vec<Support>>,
    capability: RwSignal<String>,
    outcome: RwSignal<String>,
}

impl GoalForm {
    pub fn new(draft: GoalDraft) -> Self {
        GoalForm {
            title: RwSignal::new(draft.title),
            detail: RwSignal::new(draft.detail),
            learning_need: RwSignal::new(draft.learning_need),
            success_measure: RwSignal::new(draft.success_measure),
            target_date: RwSignal::new(draft.target_date),
            status: RwSignal::new(draft.status),
            support: RwSignal::new(draft.support),
            capability: RwSignal::new(draft.capability),
            outcome: RwSignal::new(draft.outcome),
        }
    }

    pub fn draft(&self) -> GoalDraft {
        GoalDraft {
            title: self.title.get_untracked(),
            detail: self.detail.get_untracked(),
            learning_need: self.learning_need.get_untracked(),
            success_measure: self.success_measure.get_untracked(),
            target_date: self.target_date.get_untracked(),
            status: self.status.get_untracked(),
            support: self.support.get_untracked(),
            capability: self.capability.get_untracked(),
            outcome: self.outcome.get_untracked(),
        }
    }

    pub fn clear(&self) {
        self.fill(GoalDraft::default());
    }

    /// Shows `draft` in the form, replacing what it held.
    pub fn fill(&self, draft: GoalDraft) {
        self.title.set(draft.title);
        self.detail.set(draft.detail);
        self.learning_need.set(draft.learning_need);
        self.success_measure.set(draft.success_measure);
        self.target_date.set(draft.target_date);
        self.status.set(draft.status);
        self.support.set(draft.support);
        self.capability.set(draft.capability);
        self.outcome.set(draft.outcome);
    }
}

/// The fields of a goal, in the order of a doctor's personal development plan.
/// `changing` adds the status and the outcome, which only an existing goal has.
#[component]
pub fn GoalFields(
    errors: RwSignal<Vec<FieldError>>,
    form: GoalForm,
    #[prop(optional)] changing: bool,
) -> impl IntoView {
    let has_capability_error =
        move || errors.with(|e| e.iter().any(|e| e.field == GOAL_CAPABILITY_FIELD));
    view! {
        <Field
            id="goal-learning-need"
            label="What do you need to learn? (optional)"
            hint="The learning need: the gap this goal closes, for example from your self-assessment or feedback."
            kind=FieldKind::TextArea
            rows=2
            bind=form.learning_need
        />
        <Field id=GOAL_TITLE_FIELD label="What do you want to achieve?" errors=errors bind=form.title />
        <Field
            id="goal-success"
            label="How will you show you have achieved it? (optional)"
            hint="For example, a business case approved, feedback from your lead commissioner, or a completed audit."
            kind=FieldKind::TextArea
            rows=2
            bind=form.success_measure
        />
        <Field
            id=GOAL_TARGET_DATE_FIELD
            label="Target date (optional)"
            kind=FieldKind::Date
            width_class="nhsuk-input--width-10"
            errors=errors
            bind=form.target_date
        />
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_capability_error>
            <label class="nhsuk-label" for=GOAL_CAPABILITY_FIELD>"Which leadership capability does it build? (optional)"</label>
            <div class="nhsuk-hint" id="goal-capability-hint">
                "The elements of the Medical Leadership Competency Framework. The About page shows how the skills Dr Johnny Marshall's article names map onto them."
            </div>
            <ErrorMessage errors=errors field=GOAL_CAPABILITY_FIELD />
            <select class="nhsuk-select" id=GOAL_CAPABILITY_FIELD aria-describedby="goal-capability-hint"
                prop:value=move || form.capability.get()
                on:change=move |ev| form.capability.set(event_target_value(&ev))>
                <option value="">"Not chosen"</option>
                {DOMAINS.iter().map(|d| view! {
                    <optgroup label=d.title>
                        {d.elements.iter().map(|e| view! {
                            <option value=e.id selected=move || form.capability.get() == e.id>{e.title}</option>
                        }).collect_view()}
                    </optgroup>
                }).collect_view()}
            </select>
        </div>
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset" aria-describedby="goal-support-hint">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"What support do you need? (optional)"</legend>
                <div class="nhsuk-hint" id="goal-support-hint">"Select all that apply."</div>
                <div class="nhsuk-checkboxes">
                    {Support::ALL.into_iter().map(|s| {
                        let id = format!("goal-support-{}", s.key());
                        view! {
                            <div class="nhsuk-checkboxes__item">
                                <input class="nhsuk-checkboxes__input" type="checkbox" id=id.clone()
                                    prop:checked=move || form.support.with(|v| v.contains(&s))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        form.support.update(|v| { v.retain(|x| *x != s); if on { v.push(s); } });
                                    } />
                                <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{s.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
        <Field
            id="goal-detail"
            label="Details (optional)"
            hint="For example, who will help and how you will know you have got there."
            kind=FieldKind::TextArea
            bind=form.detail
        />
        {changing.then(|| view! {
            <Radios
                legend="Status"
                name="goal-status"
                choices=status_choices()
                selected=Signal::derive(move || Some(form.status.get()))
                on_select=Callback::new(move |s| form.status.set(s))
                inline=true
            />
            <Field
                id="goal-outcome"
                label="Review and outcome (optional)"
                hint="What came of the goal: what you achieved, what changed, what you would do next."
                kind=FieldKind::TextArea
                bind=form.outcome
            />
        })}
    }
}

/// Changes one goal. The form is filled once from the goal; what the user
/// types is theirs after that. Saving checks the goal has not changed since
/// the form opened (`StaleGuard`); if it has, the user chooses which to keep.
#[component]
pub fn EditGoal() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let params = crate::ui::routing::use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let goal = store.select(move |w| w.goal(&id.get()).map(|(_, g)| GoalDraft::of(g)));
    let guard = StaleGuard::new(goal.into(), GoalDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = GoalForm::new(guard.opened().unwrap_or_default());
    let navigate = use_navigate();
    let save = Callback::new(move |()| {
        let draft = form.draft();
        if guard.may_save(&draft)
            && saver.submit(
                Change::Update {
                    id: id.get_untracked(),
                    draft: draft.into(),
                },
                errors,
            )
        {
            navigate(
                &format!("/development-plan/goals/{}", id.get_untracked()),
                Default::default(),
            );
        }
    });
    view! {
        <Title text="Change a goal" />
        <Show when=move || guard.was_found() fallback=GoalNotFound>
            <h1>"Change a goal"</h1>
            <StaleNotice guard what="goal" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <GoalFields errors form changing=true />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=move || format!("/development-plan/goals/{}", id.get())>"Cancel"</A></p>
        </Show>
    }
}

#[component]
pub fn GoalNotFound() -> impl IntoView {
    view! {
        <h1>"Goal not found"</h1>
        <p>"This goal is not in your development plans. It may have been deleted."</p>
        <p><A href="/development-plan">"Go to your development plan"</A></p>
    }
}

/// The goal statuses as radio choices.
pub fn status_choices() -> Vec<(GoalStatus, &'static str, &'static str)> {
    GoalStatus::ALL
        .iter()
        .map(|s| (*s, s.key(), s.label()))
        .collect()
}

/// The NHS.UK tag for a goal's status.
pub fn status_tag(status: GoalStatus) -> impl IntoView {
    let colour = match status {
        GoalStatus::NotStarted => "nhsuk-tag--grey",
        GoalStatus::InProgress => "nhsuk-tag--blue",
        GoalStatus::Achieved => "nhsuk-tag--green",
        GoalStatus::Deferred => "nhsuk-tag--yellow",
    };
    view! { <strong class=format!("nhsuk-tag {colour}")>{status.label()}</strong> }
}

/// A capability's name with its framework area, e.g. "Critically evaluating (Improving services)".
pub fn capability_label(id: &str) -> Option<String> {
    capabilities::label(id)
}

/// Where a goal made from a self-assessment statement came from, said once:
/// the assessment and area in words, and the statement as a link to that
/// assessment's results ("From your self-assessment of East Kent (Power and
/// influence): Our clinicians' views …").
#[component]
pub fn GoalFrom(origin: GoalOrigin) -> impl IntoView {
    let store = use_store();
    let partnership = {
        let id = origin.assessment_id.clone();
        store.select(move |w| w.assessment(&id).map(|a| a.partnership.to_string()))
    };
    let (area, statement) = framework::statement(&origin.statement_id).map_or(
        (None, "a statement no longer in the framework"),
        |(d, s)| (Some(d.title), s.text),
    );
    let href = format!("/self-assessment/{}/results", origin.assessment_id);
    let area = area.map(|a| format!(" ({a})")).unwrap_or_default();
    move || match partnership.get() {
        Some(partnership) => view! {
            {format!("From your self-assessment of {partnership}{area}: ")}
            <A href=href.clone()>{statement}</A>
        }
        .into_any(),
        // The assessment was deleted: its results can no longer be opened.
        None => format!("From a self-assessment since deleted{area}: {statement}").into_any(),
    }
}

/// One goal in a plan's list, re-rendered only when that goal changes.
#[component]
pub fn GoalCard(id: String) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let goal = {
        let id = id.clone();
        store.select(move |w| w.goal(&id).map(|(_, g)| g.clone()))
    };
    move || {
        goal.get().map(|goal: Goal| {
            let id = goal.id.clone();
            let what = format!("goal: {}", goal.title);
            let change_label = format!("Change goal: {}", goal.title);
            let delete = Callback::new(move |()| {
                saver.act(Change::Delete { kind: RecordKind::Goal, id: id.clone() });
            });
            let origin = goal.origin.clone().map(|origin| {
                view! { <p class="nhsuk-body-s"><GoalFrom origin /></p> }
            });
            // Where it came from is said once, by the link above.
            let need = learning_need_to_show(&goal).map(str::to_string);
            let added = goal.created_at.with_timezone(&chrono::Local).date_naive();
            let done = goal.actions.iter().filter(|a| a.done_on.is_some()).count();
            let actions = match goal.actions.len() {
                0 => "No actions yet".to_string(),
                n => format!("{done} of {n} actions done"),
            };
            view! {
                <li class="nhsuk-card">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading">
                            <A href=format!("/development-plan/goals/{}", goal.id)>{goal.title.to_string()}</A>
                        </h3>
                        <p>{status_tag(goal.status)}</p>
                        {origin}
                        {need.map(|need| view! { <p class="nhsuk-card__description">{need}</p> })}
                        {(!goal.detail.is_empty()).then(|| view! { <p class="nhsuk-card__description">{goal.detail.to_string()}</p> })}
                        <p class="nhsuk-body-s">
                            {match goal.target_date {
                                Some(date) => format!("Target date: {}", long_date(date)),
                                None => "No target date".to_string(),
                            }}
                            {format!(" · {actions} · Added {}", long_date(added))}
                            {goal.capability.as_deref().and_then(capability_label).map(|c| format!(" · Builds: {c}"))}
                        </p>
                        <div class="no-print">
                            <p>
                                <A href=format!("/development-plan/goals/{}/edit", goal.id) attr:aria-label=change_label>"Change"</A>
                            </p>
                            <DeleteButton what on_confirm=delete />
                        </div>
                    </div>
                </li>
            }
        })
    }
}
