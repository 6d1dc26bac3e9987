//! A case's milestone: what is to be done by when, added, changed or
//! deleted (with undo).

use leptos::prelude::*;

use super::parts::{case_path, NotInWorkbook};
use crate::model::business_case::records::{MILESTONE_DUE_FIELD, MILESTONE_WHAT_FIELD};
use crate::model::business_case::CaseMilestoneDraft;
use crate::model::common::validation::FieldError;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{
    DeleteButton, ErrorSummary, Field, FieldKind, StaleGuard, StaleNotice, Title,
};
use crate::ui::routing::{use_navigate, use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[derive(Clone, Copy)]
struct MilestoneForm {
    what: RwSignal<String>,
    due: RwSignal<String>,
}

impl MilestoneForm {
    fn new(d: CaseMilestoneDraft) -> Self {
        MilestoneForm {
            what: RwSignal::new(d.what),
            due: RwSignal::new(d.due),
        }
    }
    fn fill(&self, d: CaseMilestoneDraft) {
        self.what.set(d.what);
        self.due.set(d.due);
    }
    fn draft(&self) -> CaseMilestoneDraft {
        CaseMilestoneDraft {
            what: self.what.get_untracked(),
            due: self.due.get_untracked(),
        }
    }
}

#[component]
fn MilestoneFields(errors: RwSignal<Vec<FieldError>>, form: MilestoneForm) -> impl IntoView {
    view! {
        <Field id=MILESTONE_WHAT_FIELD label="What is to be done"
            hint="For example: specification agreed, first clinic held, six-month review of referrals."
            errors=errors bind=form.what />
        <Field id=MILESTONE_DUE_FIELD label="By when" kind=FieldKind::Date
            hint="For example, 30 9 2027."
            width_class="nhsuk-input--width-10" errors=errors bind=form.due />
    }
}

#[component]
fn MilestoneNotFound() -> impl IntoView {
    view! { <NotInWorkbook what="milestone" /> }
}

#[component]
pub fn NewMilestone() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let case = Memo::new(move |_| params.read().get("case").unwrap_or_default());
    let title = store.select(move |w| w.business_case(&case.get()).map(|c| c.title.to_string()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = MilestoneForm::new(CaseMilestoneDraft::default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = case.get_untracked();
        if saver.submit(Change::add(Some(&id), form.draft()), errors) {
            navigate(&case_path(&id), Default::default());
        }
    };
    view! {
        <Title text="Add a milestone" />
        <Show when=move || title.with(Option::is_some) fallback=|| view! { <NotInWorkbook what="business case" /> }>
            <span class="nhsuk-caption-l">{move || title.get()}</span>
            <h1>"Add a milestone"</h1>
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=save>
                <MilestoneFields errors form />
                <button type="submit" class="nhsuk-button">"Add the milestone"</button>
            </form>
            <p><A href=move || case_path(&case.get())>"Cancel"</A></p>
        </Show>
    }
}

#[component]
pub fn EditMilestone() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let place = store.select(move |w| {
        w.case_milestone(&id.get())
            .map(|(c, m)| (c.id.clone(), c.title.to_string(), m.what.to_string()))
    });
    let milestone = store.select(move |w| {
        w.case_milestone(&id.get())
            .map(|(_, m)| CaseMilestoneDraft::of(m))
    });
    let guard = StaleGuard::new(milestone.into(), CaseMilestoneDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = MilestoneForm::new(guard.opened().unwrap_or_default());
    let case_id = move || place.with(|p| p.as_ref().map(|p| p.0.clone()).unwrap_or_default());
    let save = Callback::new(move |()| {
        let draft = form.draft();
        let back = case_id();
        if guard.may_save(&draft)
            && saver.submit(Change::update(&id.get_untracked(), draft), errors)
        {
            navigate(&case_path(&back), Default::default());
        }
    });
    let delete = Callback::new(move |()| {
        let back = case_id();
        if saver.act(Change::delete(
            RecordKind::CaseMilestone,
            &id.get_untracked(),
        )) {
            navigate(&case_path(&back), Default::default());
        }
    });
    let name = place.with_untracked(|p| p.as_ref().map(|p| p.2.clone()).unwrap_or_default());
    view! {
        <Title text="Change the milestone" />
        <Show when=move || guard.was_found() fallback=MilestoneNotFound>
            <span class="nhsuk-caption-l">{move || place.with(|p| p.as_ref().map(|p| p.1.clone()))}</span>
            <h1>"Change the milestone"</h1>
            <StaleNotice guard what="milestone" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <MilestoneFields errors form />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=move || case_path(&case_id())>"Cancel"</A></p>
            <h2>"Delete this milestone"</h2>
            <p>"You can undo it straight after."</p>
            <DeleteButton what=format!("milestone: {name}") on_confirm=delete />
        </Show>
    }
}
