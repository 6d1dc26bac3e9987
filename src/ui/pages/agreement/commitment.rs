//! A commitment: adding one (from the clause library, with its wording to
//! edit, or written from scratch), and its page, where its wording is
//! changed, its delivery is recorded, and it is deleted.

use leptos::prelude::*;

use super::delivery::DeliveryRecords;
use super::parts::{agreement_path, AgreementNotFound, ClauseSources, CommitmentNotFound};
use crate::model::agreement::clauses::{clause, CLAUSES};
use crate::model::agreement::records::{
    DUE_FIELD, MEASURE_FIELD, PROVIDER_FIELD, WHAT_FIELD, WHEN_FIELD,
};
use crate::model::agreement::CommitmentDraft;
use crate::model::common::validation::FieldError;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{
    DeleteButton, ErrorSummary, Field, FieldKind, Select, StaleGuard, StaleNotice, Title,
};
use crate::ui::routing::{use_navigate, use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[derive(Clone, Copy)]
struct CommitmentForm {
    clause_id: RwSignal<Option<String>>,
    what: RwSignal<String>,
    provider: RwSignal<String>,
    when: RwSignal<String>,
    measure: RwSignal<String>,
    due: RwSignal<String>,
}

impl CommitmentForm {
    fn new(draft: CommitmentDraft) -> Self {
        CommitmentForm {
            clause_id: RwSignal::new(draft.clause_id),
            what: RwSignal::new(draft.what),
            provider: RwSignal::new(draft.provider),
            when: RwSignal::new(draft.when),
            measure: RwSignal::new(draft.measure),
            due: RwSignal::new(draft.due),
        }
    }

    fn fill(&self, draft: CommitmentDraft) {
        self.clause_id.set(draft.clause_id);
        self.what.set(draft.what);
        self.provider.set(draft.provider);
        self.when.set(draft.when);
        self.measure.set(draft.measure);
        self.due.set(draft.due);
    }

    fn draft(&self) -> CommitmentDraft {
        CommitmentDraft {
            clause_id: self.clause_id.get_untracked(),
            what: self.what.get_untracked(),
            provider: self.provider.get_untracked(),
            when: self.when.get_untracked(),
            measure: self.measure.get_untracked(),
            due: self.due.get_untracked(),
        }
    }
}

#[component]
fn CommitmentFields(errors: RwSignal<Vec<FieldError>>, form: CommitmentForm) -> impl IntoView {
    view! {
        <Field id=WHAT_FIELD label="What is provided" kind=FieldKind::TextArea rows=3
            hint="What the commissioning organisation commits to give the group."
            errors=errors bind=form.what />
        <Field id=PROVIDER_FIELD label="Who provides it"
            hint="A team or a named person."
            errors=errors bind=form.provider />
        <Field id=WHEN_FIELD label="By when or how often"
            hint="For example, every month, or by 1 May each year."
            errors=errors bind=form.when />
        <Field id=MEASURE_FIELD label="How delivery is measured"
            hint="How both parties will know it was delivered, for example a report received by the 15th."
            errors=errors bind=form.measure />
        <Field id=DUE_FIELD label="Due by (optional)" kind=FieldKind::Date
            hint="A date it must be delivered by, if it has one. Once it passes with nothing recorded, it shows under what needs attention."
            width_class="nhsuk-input--width-10" errors=errors bind=form.due />
    }
}

#[component]
pub fn NewCommitment() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let agreement = Memo::new(move |_| params.read().get("agreement").unwrap_or_default());
    let found = store.select(move |w| {
        w.support_agreement(&agreement.get()).map(|a| {
            (
                a.title(),
                a.commitments
                    .iter()
                    .filter_map(|c| c.clause_id.clone())
                    .collect::<Vec<_>>(),
            )
        })
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = CommitmentForm::new(CommitmentDraft::default());
    let chosen = RwSignal::new(String::new());
    let options = Signal::derive(move || {
        let used = found.with(|f| f.as_ref().map(|f| f.1.clone()).unwrap_or_default());
        std::iter::once((String::new(), "None: write your own".to_string()))
            .chain(CLAUSES.iter().map(|c| {
                let already = if used.iter().any(|u| u == c.id) {
                    " (already in this agreement)"
                } else {
                    ""
                };
                (c.id.to_string(), format!("{}{already}", c.title))
            }))
            .collect::<Vec<_>>()
    });
    // Choosing a clause fills the form with its wording, to edit.
    let on_change = Callback::new(move |id: String| match clause(&id) {
        Some(c) => form.fill(CommitmentDraft::from_clause(c)),
        None => form.clause_id.set(None),
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = agreement.get_untracked();
        if saver.submit(Change::add(Some(&id), form.draft()), errors) {
            navigate(&agreement_path(&id), Default::default());
        }
    };
    view! {
        <Title text="Add a commitment" />
        <Show when=move || found.with(Option::is_some) fallback=AgreementNotFound>
            <span class="nhsuk-caption-l">{move || found.with(|f| f.as_ref().map(|f| f.0.clone()))}</span>
            <h1>"Add a commitment"</h1>
            <ErrorSummary errors=errors.into() />
            <Select id="from-clause" label="Start from a clause in the library"
                hint="Each clause comes from the articles this workbook draws on or from Department of Health guidance, and fills in a first wording to change as you agree."
                options bind=chosen on_change />
            {move || clause(&chosen.get()).map(|c| view! { <ClauseSources clause=c /> })}
            <form novalidate on:submit=save>
                <CommitmentFields errors form />
                <button type="submit" class="nhsuk-button">"Add the commitment"</button>
            </form>
            <p><A href=move || agreement_path(&agreement.get())>"Cancel"</A></p>
        </Show>
    }
}

#[component]
pub fn CommitmentPage() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let place = store.select(move |w| {
        w.commitment(&id.get()).map(|(a, c)| {
            let number = a.commitments.iter().position(|x| x.id == c.id).unwrap_or(0) + 1;
            (
                a.id.clone(),
                a.title(),
                number,
                c.short_title(),
                c.clause_id.clone(),
            )
        })
    });
    let commitment =
        store.select(move |w| w.commitment(&id.get()).map(|(_, c)| CommitmentDraft::of(c)));
    let guard = StaleGuard::new(commitment.into(), CommitmentDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = CommitmentForm::new(guard.opened().unwrap_or_default());
    let agreement_id = move || place.with(|p| p.as_ref().map(|p| p.0.clone()).unwrap_or_default());
    let save = Callback::new(move |()| {
        let draft = form.draft();
        let back = agreement_id();
        if guard.may_save(&draft)
            && saver.submit(Change::update(&id.get_untracked(), draft), errors)
        {
            navigate(&agreement_path(&back), Default::default());
        }
    });
    let delete = Callback::new(move |()| {
        let back = agreement_id();
        if saver.act(Change::delete(RecordKind::Commitment, &id.get_untracked())) {
            navigate(&agreement_path(&back), Default::default());
        }
    });
    let name = place.with_untracked(|p| p.as_ref().map(|p| p.3.clone()).unwrap_or_default());
    view! {
        <Title text=move || place.with(|p| p.as_ref().map_or("Commitment not found".into(), |p| format!("{}. {}", p.2, p.3))) />
        <Show when=move || guard.was_found() fallback=CommitmentNotFound>
            <span class="nhsuk-caption-l">{move || place.with(|p| p.as_ref().map(|p| p.1.clone()))}</span>
            <h1>{move || place.with(|p| p.as_ref().map(|p| format!("{}. {}", p.2, p.3)))}</h1>
            {move || place.with(|p| p.as_ref().and_then(|p| p.4.as_deref()).and_then(clause)).map(|c| view! { <ClauseSources clause=c /> })}
            <h2>"Its wording"</h2>
            <StaleNotice guard what="commitment" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <CommitmentFields errors form />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <DeliveryRecords commitment_id=id />
            <h2>"Delete this commitment"</h2>
            <p>"Deleting removes the commitment and its delivery records. You can undo it straight after. The versions already saved keep it as they had it."</p>
            <DeleteButton what=format!("commitment: {name}") on_confirm=delete />
            <p><A href=move || agreement_path(&agreement_id())>"Back to the agreement"</A></p>
        </Show>
    }
}
