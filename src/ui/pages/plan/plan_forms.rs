//! Starting a plan, and changing or deleting one.

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use crate::model::common::validation::FieldError;
use crate::model::plan::plans::{PLAN_ENDS_FIELD, PLAN_NAME_FIELD, PLAN_STARTS_FIELD};
use crate::model::plan::PlanDraft;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{
    DeleteButton, ErrorSummary, Field, FieldKind, StaleGuard, StaleNotice,
};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[derive(Clone, Copy)]
struct PlanForm {
    name: RwSignal<String>,
    owner: RwSignal<String>,
    starts: RwSignal<String>,
    ends: RwSignal<String>,
    aim: RwSignal<String>,
}

impl PlanForm {
    fn new(draft: PlanDraft) -> Self {
        PlanForm {
            name: RwSignal::new(draft.name),
            owner: RwSignal::new(draft.owner),
            starts: RwSignal::new(draft.starts),
            ends: RwSignal::new(draft.ends),
            aim: RwSignal::new(draft.aim),
        }
    }

    /// Shows `draft` in the form, replacing what it held.
    fn fill(&self, draft: PlanDraft) {
        self.name.set(draft.name);
        self.owner.set(draft.owner);
        self.starts.set(draft.starts);
        self.ends.set(draft.ends);
        self.aim.set(draft.aim);
    }

    fn draft(&self) -> PlanDraft {
        PlanDraft {
            name: self.name.get_untracked(),
            owner: self.owner.get_untracked(),
            starts: self.starts.get_untracked(),
            ends: self.ends.get_untracked(),
            aim: self.aim.get_untracked(),
        }
    }
}

#[component]
fn PlanFields(errors: RwSignal<Vec<FieldError>>, form: PlanForm) -> impl IntoView {
    view! {
        <Field id=PLAN_NAME_FIELD label="Name of the plan" hint="For example, 2026 to 2027." errors=errors bind=form.name />
        <Field id="plan-owner" label="Whose plan is it? (optional)" hint="Your name, as you would like it on a printed copy." bind=form.owner />
        <Field id=PLAN_STARTS_FIELD label="Start date (optional)" kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=form.starts />
        <Field id=PLAN_ENDS_FIELD label="End date (optional)" kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=form.ends />
        <Field id="plan-aim" label="Your development aim (optional)" hint="In a sentence or two: the leader you want to become over this period."
            kind=FieldKind::TextArea rows=3 bind=form.aim />
    }
}

#[component]
pub fn NewPlan() -> impl IntoView {
    let saver = use_saver();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = PlanForm::new(PlanDraft::default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = Change::add(None, form.draft());
        let id = change.created_id().unwrap_or_default().to_string();
        if saver.submit(change, errors) {
            navigate(&format!("/development-plan/plans/{id}"), Default::default());
        }
    };
    view! {
        <Title text="Start a development plan" />
        <h1>"Start a development plan"</h1>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=save>
            <PlanFields errors form />
            <button type="submit" class="nhsuk-button">"Start plan"</button>
        </form>
        <p><A href="/development-plan">"Cancel"</A></p>
    }
}

#[component]
pub fn PlanDetails() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = crate::ui::routing::use_params_map();
    let id = Memo::new(move |_| params.read().get("plan").unwrap_or_default());
    let plan = store.select(move |w| w.plan(&id.get()).map(PlanDraft::of));
    // Saving checks the plan has not changed since the form opened.
    let guard = StaleGuard::new(plan.into(), PlanDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = PlanForm::new(guard.opened().unwrap_or_default());
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
                &format!("/development-plan/plans/{}", id.get_untracked()),
                Default::default(),
            );
        }
    });
    let delete = Callback::new(move |()| {
        if saver.act(Change::Delete {
            kind: RecordKind::Plan,
            id: id.get_untracked(),
        }) {
            navigate("/development-plan", Default::default());
        }
    });
    let name = guard.opened().map(|d| d.name).unwrap_or_default();
    view! {
        <Title text="Change plan details" />
        <Show when=move || guard.was_found() fallback=|| view! {
            <h1>"Plan not found"</h1>
            <p><A href="/development-plan">"Go to your development plan"</A></p>
        }>
            <h1>"Change plan details"</h1>
            <StaleNotice guard what="plan" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <PlanFields errors form />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=move || format!("/development-plan/plans/{}", id.get())>"Cancel"</A></p>
            <h2>"Delete this plan"</h2>
            <p>"Deleting removes the plan with all its goals, actions, evidence and reviews. You can undo it straight after."</p>
            <DeleteButton what=format!("plan: {name}") on_confirm=delete />
        </Show>
    }
}
