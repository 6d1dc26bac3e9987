//! An agreement's details (the two parties, their leads, the period and
//! the first review): the fields starting an agreement shares, and the page
//! that changes or deletes one.

use leptos::prelude::*;

use super::parts::{agreement_path, AgreementNotFound};
use crate::model::agreement::records::{
    ENDS_FIELD, FIRST_REVIEW_FIELD, GROUP_LEAD_FIELD, GROUP_NAME_FIELD, ORGANISATION_LEAD_FIELD,
    ORGANISATION_NAME_FIELD, STARTS_FIELD,
};
use crate::model::agreement::{Party, SupportAgreementDraft};
use crate::model::common::validation::FieldError;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{
    DeleteButton, ErrorSummary, Field, FieldKind, Radios, StaleGuard, StaleNotice, Title,
};
use crate::ui::routing::{use_navigate, use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[derive(Clone, Copy)]
pub(super) struct AgreementForm {
    group_name: RwSignal<String>,
    group_lead: RwSignal<String>,
    organisation_name: RwSignal<String>,
    organisation_lead: RwSignal<String>,
    starts_on: RwSignal<String>,
    ends_on: RwSignal<String>,
    first_review: RwSignal<String>,
    our_side: RwSignal<Party>,
}

impl AgreementForm {
    pub(super) fn new(draft: SupportAgreementDraft) -> Self {
        AgreementForm {
            group_name: RwSignal::new(draft.group_name),
            group_lead: RwSignal::new(draft.group_lead),
            organisation_name: RwSignal::new(draft.organisation_name),
            organisation_lead: RwSignal::new(draft.organisation_lead),
            starts_on: RwSignal::new(draft.starts_on),
            ends_on: RwSignal::new(draft.ends_on),
            first_review: RwSignal::new(draft.first_review),
            our_side: RwSignal::new(draft.our_side),
        }
    }

    fn fill(&self, draft: SupportAgreementDraft) {
        self.group_name.set(draft.group_name);
        self.group_lead.set(draft.group_lead);
        self.organisation_name.set(draft.organisation_name);
        self.organisation_lead.set(draft.organisation_lead);
        self.starts_on.set(draft.starts_on);
        self.ends_on.set(draft.ends_on);
        self.first_review.set(draft.first_review);
        self.our_side.set(draft.our_side);
    }

    pub(super) fn draft(&self) -> SupportAgreementDraft {
        SupportAgreementDraft {
            group_name: self.group_name.get_untracked(),
            group_lead: self.group_lead.get_untracked(),
            organisation_name: self.organisation_name.get_untracked(),
            organisation_lead: self.organisation_lead.get_untracked(),
            starts_on: self.starts_on.get_untracked(),
            ends_on: self.ends_on.get_untracked(),
            first_review: self.first_review.get_untracked(),
            our_side: self.our_side.get_untracked(),
        }
    }
}

/// The agreement's fields, in the order a person fills them in.
#[component]
pub(super) fn AgreementFields(
    errors: RwSignal<Vec<FieldError>>,
    form: AgreementForm,
) -> impl IntoView {
    view! {
        <Radios legend="Which side are you on?" name="our-side"
            choices=vec![
                (Party::Group, "group", "The commissioning group (a PCN or place partnership)"),
                (Party::Organisation, "organisation", "The commissioning organisation (an ICB)"),
            ]
            selected=Signal::derive(move || Some(form.our_side.get()))
            on_select=Callback::new(move |side| form.our_side.set(side))
            errors=errors />
        <Field id=GROUP_NAME_FIELD label="The commissioning group"
            hint="For example, Nene Valley Primary Care Network."
            errors=errors bind=form.group_name />
        <Field id=GROUP_LEAD_FIELD label="The group's lead"
            hint="The person who leads on the agreement for the group."
            errors=errors bind=form.group_lead />
        <Field id=ORGANISATION_NAME_FIELD label="The commissioning organisation"
            hint="For example, Northamptonshire Integrated Care Board."
            errors=errors bind=form.organisation_name />
        <Field id=ORGANISATION_LEAD_FIELD label="The organisation's lead"
            hint="The person who leads on the agreement for the commissioning organisation."
            errors=errors bind=form.organisation_lead />
        <Field id=STARTS_FIELD label="Starts" kind=FieldKind::Date
            hint="For example, 1 4 2027 (a year from 1 April is usual)."
            width_class="nhsuk-input--width-10" errors=errors bind=form.starts_on />
        <Field id=ENDS_FIELD label="Ends" kind=FieldKind::Date
            hint="For example, 31 3 2028."
            width_class="nhsuk-input--width-10" errors=errors bind=form.ends_on />
        <Field id=FIRST_REVIEW_FIELD label="First review meeting (optional)" kind=FieldKind::Date
            hint="When both parties first meet to review whether the commitments were delivered. Each review meeting sets the next."
            width_class="nhsuk-input--width-10" errors=errors bind=form.first_review />
    }
}

#[component]
pub fn AgreementDetails() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("agreement").unwrap_or_default());
    let agreement = store.select(move |w| {
        w.support_agreement(&id.get())
            .map(SupportAgreementDraft::of)
    });
    let guard = StaleGuard::new(agreement.into(), SupportAgreementDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = AgreementForm::new(guard.opened().unwrap_or_default());
    let save = Callback::new(move |()| {
        let draft = form.draft();
        if guard.may_save(&draft)
            && saver.submit(Change::update(&id.get_untracked(), draft), errors)
        {
            navigate(&agreement_path(&id.get_untracked()), Default::default());
        }
    });
    let delete = Callback::new(move |()| {
        if saver.act(Change::delete(
            RecordKind::SupportAgreement,
            &id.get_untracked(),
        )) {
            navigate("/support-agreement", Default::default());
        }
    });
    let title = store.workbook.with_untracked(|w| {
        w.support_agreement(&id.get_untracked())
            .map(|a| a.title())
            .unwrap_or_default()
    });
    view! {
        <Title text="Change the agreement's details" />
        <Show when=move || guard.was_found() fallback=AgreementNotFound>
            <h1>"Change the agreement's details"</h1>
            <StaleNotice guard what="agreement" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <AgreementFields errors form />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=move || agreement_path(&id.get())>"Cancel"</A></p>
            <h2>"Delete this agreement"</h2>
            <p>"Deleting removes the agreement with its commitments, their delivery records, its versions and review meetings. You can undo it straight after."</p>
            <DeleteButton what=format!("agreement between {title}") on_confirm=delete />
        </Show>
    }
}
