//! Changing an action, an evidence entry or a review: one page that finds the
//! record by id and shows its form, prefilled, with the same checks as adding.

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use crate::model::common::stale::Shown;
use crate::model::common::validation::FieldError;
use crate::model::plan::entries::{
    ACTION_DUE_FIELD, ACTION_TEXT_FIELD, EVIDENCE_DATE_FIELD, EVIDENCE_WHAT_FIELD,
    REVIEW_DATE_FIELD, REVIEW_NEXT_FIELD, REVIEW_SUMMARY_FIELD,
};
use crate::model::plan::{ActionDraft, EvidenceDraft, ReviewDraft};
use crate::model::{Change, Workbook};
use crate::ui::components::{ErrorSummary, Field, FieldKind, StaleGuard, StaleNotice};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

/// The draft of the record with this id, whichever kind it is.
#[derive(Clone, Debug, PartialEq)]
enum Entry {
    Action(ActionDraft),
    Evidence(EvidenceDraft),
    Review(ReviewDraft),
}

impl Entry {
    /// The page title, and the record's name after "This" in a stale notice.
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Entry::Action(_) => ("Change an action", "action"),
            Entry::Evidence(_) => ("Change evidence", "evidence"),
            Entry::Review(_) => ("Change a review", "review"),
        }
    }

    fn shown(&self) -> Vec<Shown> {
        match self {
            Entry::Action(d) => d.shown(),
            Entry::Evidence(d) => d.shown(),
            Entry::Review(d) => d.shown(),
        }
    }

    /// Three text values cover every kind: (first, second, third).
    fn values(self) -> [String; 3] {
        match self {
            Entry::Action(d) => [d.text, d.due, String::new()],
            Entry::Evidence(d) => [d.date, d.what_happened, d.learnt],
            Entry::Review(d) => [d.date, d.summary, d.next_review],
        }
    }

    /// A draft of the same kind holding the form's three values.
    fn with_values(&self, [a, b, c]: [String; 3]) -> Entry {
        match self {
            Entry::Action(_) => Entry::Action(ActionDraft { text: a, due: b }),
            Entry::Evidence(_) => Entry::Evidence(EvidenceDraft {
                date: a,
                what_happened: b,
                learnt: c,
            }),
            Entry::Review(_) => Entry::Review(ReviewDraft {
                date: a,
                summary: b,
                next_review: c,
            }),
        }
    }

    fn change(self, id: String) -> Change {
        match self {
            Entry::Action(draft) => Change::Update {
                id: id,
                draft: draft.into(),
            },
            Entry::Evidence(draft) => Change::Update {
                id: id,
                draft: draft.into(),
            },
            Entry::Review(draft) => Change::Update {
                id: id,
                draft: draft.into(),
            },
        }
    }
}

/// The record with this id, its draft, and the page to go back to.
fn find(w: &Workbook, id: &str) -> Option<(Entry, String)> {
    w.plans().iter().find_map(|p| {
        if let Some(r) = p.reviews.iter().find(|r| r.id == id) {
            return Some((
                Entry::Review(ReviewDraft::of(r)),
                format!("/development-plan/plans/{}", p.id),
            ));
        }
        p.goals.iter().find_map(|g| {
            let back = format!("/development-plan/goals/{}", g.id);
            if let Some(a) = g.actions.iter().find(|a| a.id == id) {
                Some((Entry::Action(ActionDraft::of(a)), back))
            } else {
                g.evidence
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| (Entry::Evidence(EvidenceDraft::of(e)), back))
            }
        })
    })
}

#[component]
pub fn EditEntry() -> impl IntoView {
    let store = use_store();
    let params = crate::ui::routing::use_params_map();
    let id = params.read_untracked().get("id").unwrap_or_default();
    let back = store
        .workbook
        .with_untracked(|w| find(w, &id).map(|(_, back)| back));
    match back {
        None => view! {
            <Title text="Not found" />
            <h1>"Not found"</h1>
            <p>"This is no longer in your development plan. It may have been deleted."</p>
            <p><A href="/development-plan">"Go to your development plan"</A></p>
        }
        .into_any(),
        Some(back) => view! { <EntryForm id back /> }.into_any(),
    }
}

/// The form for one record. Saving checks the record has not changed since
/// the form opened (`StaleGuard`); if it has, the user chooses which to keep.
#[component]
fn EntryForm(id: String, back: String) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let entry = {
        let id = id.clone();
        store.select(move |w| find(w, &id).map(|(entry, _)| entry))
    };
    let guard = StaleGuard::new(entry.into(), Entry::shown);
    // Found by `EditEntry` just before, so it is there.
    let opened = guard
        .opened()
        .unwrap_or(Entry::Action(ActionDraft::default()));
    let (title, what) = opened.names();
    let [a, b, c] = opened.clone().values().map(RwSignal::new);
    let fields = match &opened {
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
    let save = Callback::new(move |()| {
        let values = [a, b, c].map(|v| v.get_untracked());
        let draft = opened.with_values(values);
        if guard.may_save(&draft) && saver.submit(draft.change(id.clone()), errors) {
            navigate(&back, Default::default());
        }
    });
    let fill = Callback::new(move |latest: Entry| {
        for (signal, value) in [a, b, c].into_iter().zip(latest.values()) {
            signal.set(value);
        }
    });
    view! {
        <Title text=title />
        <h1>{title}</h1>
        <StaleNotice guard what save fill />
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
            {fields}
            <button type="submit" class="nhsuk-button">"Save changes"</button>
        </form>
        <p><A href=back_link>"Cancel"</A></p>
    }
}
