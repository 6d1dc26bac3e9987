//! Changing an action, an evidence entry or a review: one page that finds the
//! record by id and shows its form, prefilled, with the same checks as adding.

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use crate::model::common::validation::FieldError;
use crate::model::plan::entries::{
    ACTION_DUE_FIELD, ACTION_TEXT_FIELD, EVIDENCE_DATE_FIELD, EVIDENCE_WHAT_FIELD,
    REVIEW_DATE_FIELD, REVIEW_NEXT_FIELD, REVIEW_SUMMARY_FIELD,
};
use crate::model::plan::{ActionDraft, EvidenceDraft, ReviewDraft};
use crate::model::{Change, Workbook};
use crate::ui::components::{ErrorSummary, Field, FieldKind};
use crate::ui::store::use_store;

/// The record with this id, its draft, and the page to go back to.
#[derive(Clone)]
enum Entry {
    Action(ActionDraft, String),
    Evidence(EvidenceDraft, String),
    Review(ReviewDraft, String),
}

fn find(w: &Workbook, id: &str) -> Option<Entry> {
    w.plans.iter().find_map(|p| {
        if let Some(r) = p.reviews.iter().find(|r| r.id == id) {
            return Some(Entry::Review(
                ReviewDraft::of(r),
                format!("/development-plan/plans/{}", p.id),
            ));
        }
        p.goals.iter().find_map(|g| {
            let back = format!("/development-plan/goals/{}", g.id);
            if let Some(a) = g.actions.iter().find(|a| a.id == id) {
                Some(Entry::Action(ActionDraft::of(a), back))
            } else {
                g.evidence
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| Entry::Evidence(EvidenceDraft::of(e), back))
            }
        })
    })
}

#[component]
pub fn EditEntry() -> impl IntoView {
    let store = use_store();
    let params = crate::ui::routing::use_params_map();
    let id = params.read_untracked().get("id").unwrap_or_default();
    let entry = store.workbook.with_untracked(|w| find(w, &id));
    match entry {
        None => view! {
            <Title text="Not found" />
            <h1>"Not found"</h1>
            <p>"This is no longer in your development plan. It may have been deleted."</p>
            <p><A href="/development-plan">"Go to your development plan"</A></p>
        }
        .into_any(),
        Some(entry) => view! { <EntryForm id entry /> }.into_any(),
    }
}

#[component]
fn EntryForm(id: String, entry: Entry) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // Three text values cover every kind: (first, second, third).
    let (title, back, values) = match &entry {
        Entry::Action(d, back) => (
            "Change an action",
            back.clone(),
            [d.text.clone(), d.due.clone(), String::new()],
        ),
        Entry::Evidence(d, back) => (
            "Change evidence",
            back.clone(),
            [d.date.clone(), d.what_happened.clone(), d.learnt.clone()],
        ),
        Entry::Review(d, back) => (
            "Change a review",
            back.clone(),
            [d.date.clone(), d.summary.clone(), d.next_review.clone()],
        ),
    };
    let [a, b, c] = values.map(RwSignal::new);
    let fields = match &entry {
        Entry::Action(..) => view! {
            <Field id=ACTION_TEXT_FIELD label="What will you do?" errors=errors bind=a />
            <Field id=ACTION_DUE_FIELD label="Due date (optional)" kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=b />
        }
        .into_any(),
        Entry::Evidence(..) => view! {
            <Field id=EVIDENCE_DATE_FIELD label="When did it happen?" kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=a />
            <Field id=EVIDENCE_WHAT_FIELD label="What happened?" kind=FieldKind::TextArea rows=3 errors=errors bind=b />
            <Field id="evidence-learnt" label="What did you learn? (optional)" kind=FieldKind::TextArea rows=3 bind=c />
        }
        .into_any(),
        Entry::Review(..) => view! {
            <Field id=REVIEW_DATE_FIELD label="Date of the review" kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=a />
            <Field id=REVIEW_SUMMARY_FIELD label="Summary" kind=FieldKind::TextArea rows=3 errors=errors bind=b />
            <Field id=REVIEW_NEXT_FIELD label="Next review (optional)" kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=c />
        }
        .into_any(),
    };
    let back_link = back.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b, c) = (a.get_untracked(), b.get_untracked(), c.get_untracked());
        let id = id.clone();
        let change = match entry {
            Entry::Action(..) => Change::UpdateAction {
                id,
                draft: ActionDraft { text: a, due: b },
            },
            Entry::Evidence(..) => Change::UpdateEvidence {
                id,
                draft: EvidenceDraft {
                    date: a,
                    what_happened: b,
                    learnt: c,
                },
            },
            Entry::Review(..) => Change::UpdateReview {
                id,
                draft: ReviewDraft {
                    date: a,
                    summary: b,
                    next_review: c,
                },
            },
        };
        if store.submit(change, errors) {
            navigate(&back, Default::default());
        }
    };
    view! {
        <Title text=title />
        <h1>{title}</h1>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=save>
            {fields}
            <button type="submit" class="nhsuk-button">"Save changes"</button>
        </form>
        <p><A href=back_link>"Cancel"</A></p>
    }
}
