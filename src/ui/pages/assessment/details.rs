//! Changing an assessment's details (partnership, clinical area, role, date)
//! and deleting it, which asks first and can be undone straight after.

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::start::{AssessmentFields, AssessmentForm};
use super::{own_assessment, param, AssessmentNotFound};
use crate::model::assessment::AssessmentDraft;
use crate::model::common::validation::FieldError;
use crate::model::Change;
use crate::ui::components::{DeleteButton, ErrorSummary};
use crate::ui::store::use_store;

#[component]
pub fn AssessmentDetails() -> impl IntoView {
    let id = param("id");
    let assessment = own_assessment(id);
    let exists = Memo::new(move |_| assessment.with(Option::is_some));
    view! {
        <Show when=move || exists.get() fallback=|| view! { <Title text="Assessment not found" /> <AssessmentNotFound /> }>
            <DetailsForm id />
        </Show>
    }
}

#[component]
fn DetailsForm(id: Memo<String>) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let draft = store
        .workbook
        .with_untracked(|w| w.assessment(&id.get_untracked()).map(AssessmentDraft::of))
        .unwrap_or_default();
    let title = store.select(move |w| {
        w.assessment(&id.get())
            .map(|a| a.title())
            .unwrap_or_default()
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = AssessmentForm::new(draft);

    let save = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let change = Change::UpdateAssessmentDetails {
                id: id.get_untracked(),
                draft: form.draft(),
            };
            if store.submit(change, errors) {
                navigate("/self-assessment", Default::default());
            }
        }
    };
    let delete = Callback::new(move |()| {
        if store.act(Change::DeleteAssessment {
            id: id.get_untracked(),
        }) {
            navigate("/self-assessment", Default::default());
        }
    });
    let what = format!("assessment: {}", title.get_untracked());

    view! {
        <Title text="Change assessment details" />
        <span class="nhsuk-caption-l">{move || title.get()}</span>
        <h1>"Change assessment details"</h1>
        <p>"Change the partnership, clinical area, your role or the date. Your answers are kept."</p>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=save>
            <AssessmentFields errors form />
            <button type="submit" class="nhsuk-button">"Save changes"</button>
        </form>
        <p><A href="/self-assessment">"Cancel and go back to your self-assessments"</A></p>
        <h2>"Delete this assessment"</h2>
        <p>"Deleting removes the assessment and all its answers from this browser. You can undo it straight after."</p>
        <DeleteButton what on_confirm=delete />
    }
}
