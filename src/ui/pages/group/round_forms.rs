//! Starting a round, and changing or deleting one.

use leptos::prelude::*;

use super::parts::{round_path, RoundNotFound};
use crate::model::common::validation::FieldError;
use crate::model::group::rounds::{KEEP_NAMES_FIELD, ROUND_DATE_FIELD, ROUND_NAME_FIELD};
use crate::model::group::RoundDraft;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{
    DeleteButton, ErrorSummary, Field, FieldKind, Radios, StaleGuard, StaleNotice, Title,
};
use crate::ui::routing::{use_navigate, use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[derive(Clone, Copy)]
struct RoundForm {
    name: RwSignal<String>,
    held_on: RwSignal<String>,
    keep_names: RwSignal<bool>,
}

impl RoundForm {
    fn new(draft: RoundDraft) -> Self {
        RoundForm {
            name: RwSignal::new(draft.name),
            held_on: RwSignal::new(draft.held_on),
            keep_names: RwSignal::new(draft.keep_names),
        }
    }

    fn fill(&self, draft: RoundDraft) {
        self.name.set(draft.name);
        self.held_on.set(draft.held_on);
        self.keep_names.set(draft.keep_names);
    }

    fn draft(&self) -> RoundDraft {
        RoundDraft {
            name: self.name.get_untracked(),
            held_on: self.held_on.get_untracked(),
            keep_names: self.keep_names.get_untracked(),
        }
    }
}

#[component]
fn RoundFields(errors: RwSignal<Vec<FieldError>>, form: RoundForm) -> impl IntoView {
    view! {
        <Field id=ROUND_NAME_FIELD label="Name of the round"
            hint="For example, Spring 2027 workshop."
            errors=errors bind=form.name />
        <Field id=ROUND_DATE_FIELD label="Date" kind=FieldKind::Date
            hint="The day of the workshop, or the day you asked members for their files."
            width_class="nhsuk-input--width-10" errors=errors bind=form.held_on />
        <Radios legend="Members' names" name=KEEP_NAMES_FIELD
            choices=vec![
                (false, "replace", "Replace names with Member 1, Member 2 and so on (names are never stored)"),
                (true, "keep", "Keep the partnership and clinical area each member gave"),
            ]
            selected=Signal::derive(move || Some(form.keep_names.get()))
            on_select=Callback::new(move |keep| form.keep_names.set(keep))
            errors=errors />
    }
}

#[component]
pub fn NewRound() -> impl IntoView {
    let saver = use_saver();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = RoundForm::new(RoundDraft::default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = Change::add(None, form.draft());
        let id = change.created_id().unwrap_or_default().to_string();
        if saver.submit(change, errors) {
            navigate(&round_path(&id), Default::default());
        }
    };
    view! {
        <Title text="Start a round" />
        <h1>"Start a round"</h1>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=save>
            <RoundFields errors form />
            <button type="submit" class="nhsuk-button">"Start round"</button>
        </form>
        <p><A href="/group">"Cancel"</A></p>
    }
}

#[component]
pub fn RoundDetails() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("round").unwrap_or_default());
    let round = store.select(move |w| w.group_round(&id.get()).map(RoundDraft::of));
    let guard = StaleGuard::new(round.into(), RoundDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = RoundForm::new(guard.opened().unwrap_or_default());
    let save = Callback::new(move |()| {
        let draft = form.draft();
        if guard.may_save(&draft)
            && saver.submit(Change::update(&id.get_untracked(), draft), errors)
        {
            navigate(&round_path(&id.get_untracked()), Default::default());
        }
    });
    let delete = Callback::new(move |()| {
        if saver.act(Change::delete(RecordKind::GroupRound, &id.get_untracked())) {
            navigate("/group", Default::default());
        }
    });
    let name = store.workbook.with_untracked(|w| {
        w.group_round(&id.get_untracked())
            .map(|r| r.name.to_string())
            .unwrap_or_default()
    });
    view! {
        <Title text="Change the round" />
        <Show when=move || guard.was_found() fallback=RoundNotFound>
            <h1>"Change the round"</h1>
            <StaleNotice guard what="round" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <RoundFields errors form />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=move || round_path(&id.get())>"Cancel"</A></p>
            <h2>"Delete this round"</h2>
            <p>"Deleting removes the round with its members' files and the levels agreed in its workshop. You can undo it straight after."</p>
            <DeleteButton what=format!("round: {name}") on_confirm=delete />
        </Show>
    }
}
