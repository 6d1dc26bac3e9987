//! Setting up a placement, and changing or deleting one.

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::parts::{placement_path, PlacementNotFound};
use crate::model::common::dates::{long_date, parse_optional_date};
use crate::model::common::validation::FieldError;
use crate::model::placement::placements::{
    end_from_length, PLACEMENT_END_FIELD, PLACEMENT_LENGTH_FIELD, PLACEMENT_ORGANISATION_FIELD,
    PLACEMENT_START_FIELD,
};
use crate::model::placement::PlacementDraft;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{
    DeleteButton, ErrorSummary, Field, FieldKind, StaleGuard, StaleNotice,
};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[derive(Clone, Copy)]
struct PlacementForm {
    trainee: RwSignal<String>,
    organisation: RwSignal<String>,
    supervisor: RwSignal<String>,
    clinical_area: RwSignal<String>,
    start: RwSignal<String>,
    length_months: RwSignal<String>,
    end: RwSignal<String>,
    objectives: RwSignal<String>,
}

impl PlacementForm {
    fn new(draft: PlacementDraft) -> Self {
        PlacementForm {
            trainee: RwSignal::new(draft.trainee),
            organisation: RwSignal::new(draft.organisation),
            supervisor: RwSignal::new(draft.supervisor),
            clinical_area: RwSignal::new(draft.clinical_area),
            start: RwSignal::new(draft.start),
            length_months: RwSignal::new(draft.length_months),
            end: RwSignal::new(draft.end),
            objectives: RwSignal::new(draft.objectives),
        }
    }

    /// Shows `draft` in the form, replacing what it held.
    fn fill(&self, draft: PlacementDraft) {
        self.trainee.set(draft.trainee);
        self.organisation.set(draft.organisation);
        self.supervisor.set(draft.supervisor);
        self.clinical_area.set(draft.clinical_area);
        self.start.set(draft.start);
        self.length_months.set(draft.length_months);
        self.end.set(draft.end);
        self.objectives.set(draft.objectives);
    }

    fn draft(&self) -> PlacementDraft {
        PlacementDraft {
            trainee: self.trainee.get_untracked(),
            organisation: self.organisation.get_untracked(),
            supervisor: self.supervisor.get_untracked(),
            clinical_area: self.clinical_area.get_untracked(),
            start: self.start.get_untracked(),
            length_months: self.length_months.get_untracked(),
            end: self.end.get_untracked(),
            objectives: self.objectives.get_untracked(),
        }
    }
}

#[component]
fn PlacementFields(errors: RwSignal<Vec<FieldError>>, form: PlacementForm) -> impl IntoView {
    // The end date the start and length give, shown as the user types.
    let worked_out = move || {
        let start = parse_optional_date(&form.start.get()).ok().flatten()?;
        let months = form.length_months.get().trim().parse::<u32>().ok()?;
        (1..=crate::model::placement::placements::MAX_LENGTH_MONTHS)
            .contains(&months)
            .then(|| end_from_length(start, months))
            .flatten()
    };
    view! {
        <Field id="placement-trainee" label="Your name (optional)"
            hint="As it should appear on your end-of-placement summary and the CSV file, for example Dr Sam Patel."
            bind=form.trainee />
        <Field id=PLACEMENT_ORGANISATION_FIELD label="Host organisation"
            hint="The commissioning organisation you are placed in, for example an integrated care board."
            errors=errors bind=form.organisation />
        <Field id="placement-supervisor" label="Lead commissioner or supervisor (optional)"
            hint="The person you are attached to for the placement."
            bind=form.supervisor />
        <Field id="placement-clinical-area" label="Clinical area (optional)"
            hint="For example, respiratory services or diabetes."
            bind=form.clinical_area />
        <Field id=PLACEMENT_START_FIELD label="Start date" kind=FieldKind::Date
            width_class="nhsuk-input--width-10" errors=errors bind=form.start />
        <Field id=PLACEMENT_LENGTH_FIELD label="Length in months"
            hint="Four months is the usual length of a GP trainee's commissioning placement."
            width_class="nhsuk-input--width-2" errors=errors bind=form.length_months />
        <p class="nhsuk-body-s" aria-live="polite">
            {move || worked_out().map(|end| format!("With this start and length, your placement ends on {}.", long_date(end)))}
        </p>
        <Field id=PLACEMENT_END_FIELD label="End date, if different (optional)"
            hint="Leave this empty to work the end date out from the start date and length."
            kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=form.end />
        <Field id="placement-objectives" label="Your learning objectives (optional)"
            hint="What you want to learn or achieve on this placement."
            kind=FieldKind::TextArea rows=4 bind=form.objectives />
    }
}

#[component]
pub fn NewPlacement() -> impl IntoView {
    let saver = use_saver();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = PlacementForm::new(PlacementDraft::default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = Change::add(None, form.draft());
        let id = change.created_id().unwrap_or_default().to_string();
        if saver.submit(change, errors) {
            navigate(&placement_path(&id), Default::default());
        }
    };
    view! {
        <Title text="Set up your placement" />
        <h1>"Set up your placement"</h1>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=save>
            <PlacementFields errors form />
            <button type="submit" class="nhsuk-button">"Save placement"</button>
        </form>
        <p><A href="/placement-log">"Cancel"</A></p>
    }
}

#[component]
pub fn PlacementDetails() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = crate::ui::routing::use_params_map();
    let id = Memo::new(move |_| params.read().get("placement").unwrap_or_default());
    let placement = store.select(move |w| w.placement(&id.get()).map(PlacementDraft::of));
    // Saving checks the placement has not changed since the form opened.
    let guard = StaleGuard::new(placement.into(), PlacementDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = PlacementForm::new(guard.opened().unwrap_or_default());
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
            navigate(&placement_path(&id.get_untracked()), Default::default());
        }
    });
    let delete = Callback::new(move |()| {
        if saver.act(Change::Delete {
            kind: RecordKind::Placement,
            id: id.get_untracked(),
        }) {
            navigate("/placement-log", Default::default());
        }
    });
    let title = store.workbook.with_untracked(|w| {
        w.placement(&id.get_untracked())
            .map(|p| p.title())
            .unwrap_or_default()
    });
    view! {
        <Title text="Change placement details" />
        <Show when=move || guard.was_found() fallback=PlacementNotFound>
            <h1>"Change placement details"</h1>
            <StaleNotice guard what="placement" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <PlacementFields errors form />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=move || placement_path(&id.get())>"Cancel"</A></p>
            <h2>"Delete this placement"</h2>
            <p>"Deleting removes the placement with all its projects, milestones and log entries. You can undo it straight after."</p>
            <DeleteButton what=format!("placement: {title}") on_confirm=delete />
        </Show>
    }
}
