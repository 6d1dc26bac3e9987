use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::model::assessment::{
    AssessmentDraft, Role, ASSESSMENT_DATE_FIELD, ASSESSMENT_PARTNERSHIP_FIELD,
};
use crate::model::framework::DOMAINS;
use crate::model::validation::FieldError;
use crate::ui::browser;
use crate::ui::components::{ErrorSummary, FieldErrorMessage};
use crate::ui::state::use_state;

/// Starts a new assessment: who, for which partnership, when.
#[component]
pub fn StartAssessment() -> impl IntoView {
    let state = use_state();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let partnership = NodeRef::<leptos::html::Input>::new();
    let clinical_area = NodeRef::<leptos::html::Input>::new();
    let date = NodeRef::<leptos::html::Input>::new();
    let role = RwSignal::new(Role::Clinician);
    let has_error = move |field: &'static str| errors.with(|e| e.iter().any(|e| e.field == field));

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(partnership), Some(clinical_area), Some(date)) =
            (partnership.get(), clinical_area.get(), date.get())
        else {
            return;
        };
        let draft = AssessmentDraft {
            partnership: partnership.value(),
            clinical_area: clinical_area.value(),
            role: role.get_untracked(),
            date: date.value(),
        };
        // As with goals, the id is given only once the draft is valid.
        match draft.validate(String::new(), browser::today(), browser::now()) {
            Ok(mut assessment) => {
                let mut id = String::new();
                state.edit(|workbook| {
                    assessment.id = workbook.next_id("assessment", browser::now());
                    id = assessment.id.clone();
                    workbook.assessments.push(assessment);
                });
                navigate(
                    &format!("/self-assessment/{id}/domain/{}", DOMAINS[0].id),
                    Default::default(),
                );
            }
            Err(found) => errors.set(found),
        }
    };

    view! {
        <Title text="Start a self-assessment" />
        <h1>"Start a self-assessment"</h1>
        <p>"Tell us which partnership you are assessing. You can come back and finish the assessment later: it is saved as you go."</p>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=start>
            <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || has_error(ASSESSMENT_PARTNERSHIP_FIELD)>
                <label class="nhsuk-label" for=ASSESSMENT_PARTNERSHIP_FIELD>"Partnership name"</label>
                <div class="nhsuk-hint" id="partnership-hint">"For example, the practice-based commissioning group and the commissioning organisation it works with."</div>
                <FieldErrorMessage errors=errors.into() field=ASSESSMENT_PARTNERSHIP_FIELD />
                <input class="nhsuk-input" class:nhsuk-input--error=move || has_error(ASSESSMENT_PARTNERSHIP_FIELD)
                    id=ASSESSMENT_PARTNERSHIP_FIELD type="text" aria-describedby="partnership-hint" node_ref=partnership />
            </div>
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="assessment-clinical-area">"Clinical area (optional)"</label>
                <div class="nhsuk-hint" id="clinical-area-hint">"For example, respiratory services or diabetes."</div>
                <input class="nhsuk-input" id="assessment-clinical-area" type="text" aria-describedby="clinical-area-hint" node_ref=clinical_area />
            </div>
            <div class="nhsuk-form-group">
                <fieldset class="nhsuk-fieldset">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Your role in the partnership"</legend>
                    <div class="nhsuk-radios">
                        {Role::ALL.into_iter().map(|r| {
                            let id = format!("assessment-role-{}", r.key());
                            view! {
                                <div class="nhsuk-radios__item">
                                    <input class="nhsuk-radios__input" id=id.clone() name="role" type="radio" value=r.key()
                                        prop:checked=move || role.get() == r
                                        on:change=move |_| role.set(r) />
                                    <label class="nhsuk-label nhsuk-radios__label" for=id>{r.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || has_error(ASSESSMENT_DATE_FIELD)>
                <label class="nhsuk-label" for=ASSESSMENT_DATE_FIELD>"Date of the assessment"</label>
                <FieldErrorMessage errors=errors.into() field=ASSESSMENT_DATE_FIELD />
                <input class="nhsuk-input nhsuk-input--width-10" class:nhsuk-input--error=move || has_error(ASSESSMENT_DATE_FIELD)
                    id=ASSESSMENT_DATE_FIELD type="date" value=browser::today().format("%Y-%m-%d").to_string() node_ref=date />
            </div>
            <button type="submit" class="nhsuk-button">"Start assessment"</button>
        </form>
    }
}
