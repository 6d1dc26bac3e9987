use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::model::assessment::answers::{
    AssessmentDraft, Role, ASSESSMENT_DATE_FIELD, ASSESSMENT_PARTNERSHIP_FIELD,
    ASSESSMENT_ROLE_FIELD,
};
use crate::model::assessment::framework::DOMAINS;
use crate::model::common::dates::input_value;
use crate::model::common::validation::FieldError;
use crate::model::{Change, Refusal};
use crate::ui::browser;
use crate::ui::components::{ErrorMessage, ErrorSummary, Field, FieldKind};
use crate::ui::store::use_store;

/// Starts a new assessment: who, for which partnership, when.
#[component]
pub fn StartAssessment() -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let partnership = RwSignal::new(String::new());
    let clinical_area = RwSignal::new(String::new());
    let date = RwSignal::new(input_value(browser::today()));
    let role = RwSignal::new(None::<Role>);

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = Change::start_assessment(AssessmentDraft {
            partnership: partnership.get_untracked(),
            clinical_area: clinical_area.get_untracked(),
            role: role.get_untracked(),
            date: date.get_untracked(),
        });
        let id = change.created_id().unwrap_or_default().to_string();
        match store.apply(change) {
            Ok(()) => navigate(
                &format!("/self-assessment/{id}/domain/{}", DOMAINS[0].id),
                Default::default(),
            ),
            Err(Refusal::Invalid(found)) => errors.set(found),
            Err(_) => {}
        }
    };

    view! {
        <Title text="Start a self-assessment" />
        <h1>"Start a self-assessment"</h1>
        <p>"Tell us which partnership you are assessing. You can come back and finish the assessment later: it is saved as you go."</p>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=start>
            <AssessmentFields errors partnership clinical_area role date />
            <button type="submit" class="nhsuk-button">"Start assessment"</button>
        </form>
    }
}

/// The details of an assessment, shared by the start and change forms.
#[component]
pub fn AssessmentFields(
    errors: RwSignal<Vec<FieldError>>,
    partnership: RwSignal<String>,
    clinical_area: RwSignal<String>,
    role: RwSignal<Option<Role>>,
    date: RwSignal<String>,
) -> impl IntoView {
    view! {
        <Field
            id=ASSESSMENT_PARTNERSHIP_FIELD
            label="Partnership name"
            hint="For example, the practice-based commissioning group and the commissioning organisation it works with."
            errors=errors
            bind=partnership
        />
        <Field
            id="assessment-clinical-area"
            label="Clinical area (optional)"
            hint="For example, respiratory services or diabetes."
            bind=clinical_area
        />
        <div
            class="nhsuk-form-group"
            class:nhsuk-form-group--error=move || errors.with(|e| e.iter().any(|e| e.field == ASSESSMENT_ROLE_FIELD))
        >
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Your role in the partnership"</legend>
                <ErrorMessage errors=errors field=ASSESSMENT_ROLE_FIELD />
                <div class="nhsuk-radios">
                    {Role::ALL.into_iter().map(|r| {
                        let id = format!("assessment-role-{}", r.key());
                        view! {
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" id=id.clone() name="role" type="radio" value=r.key()
                                    prop:checked=move || role.get() == Some(r)
                                    on:change=move |_| role.set(Some(r)) />
                                <label class="nhsuk-label nhsuk-radios__label" for=id>{r.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
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
