//! Changing an assessment's details (partnership, clinical area, role, date)
//! and deleting it, which asks first and can be undone straight after.

use crate::ui::components::ConflictNotice;
use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::start::{AssessmentFields, AssessmentForm};
use super::{own_assessment, param, AssessmentNotFound};
use crate::model::assessment::AssessmentDraft;
use crate::model::common::validation::FieldError;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{DeleteButton, ErrorSummary, StaleGuard, StaleNotice};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[component]
pub fn AssessmentDetails() -> impl IntoView {
    let id = param("id");
    let assessment = own_assessment(id);
    // Once the form is shown it stays, even if another tab deletes the
    // assessment: saving then says so, and what was typed is not lost.
    let exists = Memo::new(move |shown: Option<&bool>| {
        shown.copied().unwrap_or(false) || assessment.with(Option::is_some)
    });
    view! {
        <Show when=move || exists.get() fallback=|| view! { <Title text="Assessment not found" /> <AssessmentNotFound /> }>
            <DetailsForm id />
        </Show>
    }
}

/// The form, shown once the assessment is found. It stays if the assessment
/// is deleted meanwhile, so nothing typed is lost; saving checks the details
/// have not changed since the form opened (`StaleGuard`).
#[component]
fn DetailsForm(id: Memo<String>) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let now = store.select(move |w| w.assessment(&id.get()).map(AssessmentDraft::of));
    let guard = StaleGuard::new(now.into(), AssessmentDraft::shown);
    let title = store.select(move |w| {
        w.assessment(&id.get())
            .map(|a| a.title())
            .unwrap_or_default()
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = AssessmentForm::new(guard.opened().unwrap_or_default());

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
            navigate("/self-assessment", Default::default());
        }
    });
    let delete = Callback::new(move |()| {
        if saver.act(Change::Delete {
            kind: RecordKind::Assessment,
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
        <ConflictNotice id=id />
        <p>"Change the partnership, clinical area, your role or the date. Your answers are kept."</p>
        <StaleNotice guard what="assessment" save fill=Callback::new(move |d| form.fill(d)) />
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
            <AssessmentFields errors form />
            <button type="submit" class="nhsuk-button">"Save changes"</button>
        </form>
        <p><A href="/self-assessment">"Cancel and go back to your self-assessments"</A></p>
        <h2>"Delete this assessment"</h2>
        <p>"Deleting removes the assessment and all its answers from this browser. You can undo it straight after."</p>
        <DeleteButton what on_confirm=delete />
    }
}
