use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use leptos::prelude::*;

use crate::model::assessment::answers::{
    AssessmentDraft, Role, ASSESSMENT_DATE_FIELD, ASSESSMENT_PARTNERSHIP_FIELD,
};
use crate::model::assessment::framework::DOMAINS;
use crate::model::common::dates::input_value;
use crate::model::common::validation::FieldError;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{ErrorSummary, Field, FieldKind, Radios};
use crate::ui::saver::use_saver;

/// Starts a new assessment: who, for which partnership, when.
#[component]
pub fn StartAssessment() -> impl IntoView {
    let saver = use_saver();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = AssessmentForm::new(AssessmentDraft {
        date: input_value(browser::today()),
        ..Default::default()
    });

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = Change::add(None, form.draft());
        let id = change.created_id().unwrap_or_default().to_string();
        if saver.submit(change, errors) {
            navigate(
                &format!("/self-assessment/{id}/domain/{}", DOMAINS[0].id),
                Default::default(),
            );
        }
    };

    view! {
        <Title text="Start a self-assessment" />
        <h1>"Start a self-assessment"</h1>
        <p>"Tell us which partnership you are assessing. You can come back and finish the assessment later: it is saved as you go."</p>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=start>
            <AssessmentFields errors form />
            <button type="submit" class="nhsuk-button">"Start assessment"</button>
        </form>
    }
}

/// An assessment's details while the user types them.
#[derive(Clone, Copy)]
pub struct AssessmentForm {
    partnership: RwSignal<String>,
    clinical_area: RwSignal<String>,
    role: RwSignal<Option<Role>>,
    date: RwSignal<String>,
}

impl AssessmentForm {
    pub fn new(draft: AssessmentDraft) -> Self {
        AssessmentForm {
            partnership: RwSignal::new(draft.partnership),
            clinical_area: RwSignal::new(draft.clinical_area),
            role: RwSignal::new(draft.role),
            date: RwSignal::new(draft.date),
        }
    }

    /// Shows `draft` in the form, replacing what it held.
    pub fn fill(&self, draft: AssessmentDraft) {
        self.partnership.set(draft.partnership);
        self.clinical_area.set(draft.clinical_area);
        self.role.set(draft.role);
        self.date.set(draft.date);
    }

    pub fn draft(&self) -> AssessmentDraft {
        AssessmentDraft {
            partnership: self.partnership.get_untracked(),
            clinical_area: self.clinical_area.get_untracked(),
            role: self.role.get_untracked(),
            date: self.date.get_untracked(),
        }
    }
}

/// The details of an assessment, shared by the start and change forms.
#[component]
pub fn AssessmentFields(errors: RwSignal<Vec<FieldError>>, form: AssessmentForm) -> impl IntoView {
    let AssessmentForm {
        partnership,
        clinical_area,
        role,
        date,
    } = form;
    view! {
        <Field
            id=ASSESSMENT_PARTNERSHIP_FIELD
            label="Partnership name"
            hint="For example, your primary care network or place partnership and the integrated care board (ICB) it works with."
            errors=errors
            bind=partnership
        />
        <Field
            id="assessment-clinical-area"
            label="Clinical area (optional)"
            hint="For example, respiratory services or diabetes."
            bind=clinical_area
        />
        <Radios
            legend="Your role in the partnership"
            name="assessment-role"
            choices=Role::ALL.iter().map(|r| (*r, r.key(), r.label())).collect()
            selected=role
            on_select=Callback::new(move |r| role.set(Some(r)))
            errors=errors
        />
        <Field
            id=ASSESSMENT_DATE_FIELD
            label="Date of the assessment"
            kind=FieldKind::Date
            width_class="nhsuk-input--width-10"
            errors=errors
            bind=date
        />
    }
}
