//! A case's sections, in the Green Book's five cases sized for a small
//! scheme (one business justification case): the problem and who it
//! affects (strategic), the recommended option and the rate and optimism
//! bias its figures use (economic), how it would be bought (commercial),
//! who pays (financial) and how benefits will be measured (management).
//! Also where a case is deleted.

use leptos::prelude::*;

use super::parts::{case_path, CaseNotFound, CASES_PATH};
use crate::model::business_case::records::{
    FUNDING_FIELD, MEASUREMENT_FIELD, OPTIMISM_FIELD, POPULATION_FIELD, PREFERRED_FIELD,
    PREPARED_BY_FIELD, PROBLEM_FIELD, PROCUREMENT_FIELD, RATE_FIELD, RECOMMENDATION_FIELD,
    STRATEGIC_FIT_FIELD, TITLE_FIELD,
};
use crate::model::business_case::BusinessCaseDraft;
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
struct CaseForm {
    title: RwSignal<String>,
    prepared_by: RwSignal<String>,
    problem: RwSignal<String>,
    population: RwSignal<String>,
    strategic_fit: RwSignal<String>,
    procurement: RwSignal<String>,
    funding: RwSignal<String>,
    benefits_measurement: RwSignal<String>,
    recommendation: RwSignal<String>,
    preferred: RwSignal<String>,
    discount_rate: RwSignal<String>,
    optimism_bias: RwSignal<String>,
}

impl CaseForm {
    fn new(d: BusinessCaseDraft) -> Self {
        CaseForm {
            title: RwSignal::new(d.title),
            prepared_by: RwSignal::new(d.prepared_by),
            problem: RwSignal::new(d.problem),
            population: RwSignal::new(d.population),
            strategic_fit: RwSignal::new(d.strategic_fit),
            procurement: RwSignal::new(d.procurement),
            funding: RwSignal::new(d.funding),
            benefits_measurement: RwSignal::new(d.benefits_measurement),
            recommendation: RwSignal::new(d.recommendation),
            preferred: RwSignal::new(d.preferred_option_id.unwrap_or_default()),
            discount_rate: RwSignal::new(d.discount_rate),
            optimism_bias: RwSignal::new(d.optimism_bias),
        }
    }

    fn fill(&self, d: BusinessCaseDraft) {
        self.title.set(d.title);
        self.prepared_by.set(d.prepared_by);
        self.problem.set(d.problem);
        self.population.set(d.population);
        self.strategic_fit.set(d.strategic_fit);
        self.procurement.set(d.procurement);
        self.funding.set(d.funding);
        self.benefits_measurement.set(d.benefits_measurement);
        self.recommendation.set(d.recommendation);
        self.preferred
            .set(d.preferred_option_id.unwrap_or_default());
        self.discount_rate.set(d.discount_rate);
        self.optimism_bias.set(d.optimism_bias);
    }

    fn draft(&self) -> BusinessCaseDraft {
        let preferred = self.preferred.get_untracked();
        BusinessCaseDraft {
            title: self.title.get_untracked(),
            prepared_by: self.prepared_by.get_untracked(),
            problem: self.problem.get_untracked(),
            population: self.population.get_untracked(),
            strategic_fit: self.strategic_fit.get_untracked(),
            procurement: self.procurement.get_untracked(),
            funding: self.funding.get_untracked(),
            benefits_measurement: self.benefits_measurement.get_untracked(),
            recommendation: self.recommendation.get_untracked(),
            preferred_option_id: (!preferred.is_empty()).then_some(preferred),
            discount_rate: self.discount_rate.get_untracked(),
            optimism_bias: self.optimism_bias.get_untracked(),
            linked: None,
        }
    }
}

#[component]
pub fn CaseDetails() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("case").unwrap_or_default());
    let case = store.select(move |w| w.business_case(&id.get()).map(BusinessCaseDraft::of));
    let options = store.select(move |w| {
        let mut choices = vec![(String::new(), "Not chosen yet".to_string())];
        if let Some(c) = w.business_case(&id.get()) {
            choices.extend(c.options.iter().map(|o| (o.id.clone(), o.name.to_string())));
        }
        choices
    });
    let guard = StaleGuard::new(case.into(), BusinessCaseDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = CaseForm::new(guard.opened().unwrap_or_default());
    let save = Callback::new(move |()| {
        let draft = form.draft();
        if guard.may_save(&draft)
            && saver.submit(Change::update(&id.get_untracked(), draft), errors)
        {
            navigate(&case_path(&id.get_untracked()), Default::default());
        }
    });
    let delete = Callback::new(move |()| {
        if saver.act(Change::delete(
            RecordKind::BusinessCase,
            &id.get_untracked(),
        )) {
            navigate(CASES_PATH, Default::default());
        }
    });
    let title = store.workbook.with_untracked(|w| {
        w.business_case(&id.get_untracked())
            .map(|c| c.title.to_string())
            .unwrap_or_default()
    });
    view! {
        <Title text="Change the case's sections" />
        <Show when=move || guard.was_found() fallback=CaseNotFound>
            <span class="nhsuk-caption-l">{title.clone()}</span>
            <h1>"Change the case's sections"</h1>
            <p>"Write each in a few sentences: a committee reads the case in minutes. Every section can wait until you know it."</p>
            <StaleNotice guard what="business case" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <Field id=TITLE_FIELD label="Title" errors=errors bind=form.title />
                <Field id=PREPARED_BY_FIELD label="Prepared by (optional)" errors=errors bind=form.prepared_by />
                <h2>"The strategic case"</h2>
                <Field id=PROBLEM_FIELD label="The problem (optional)" kind=FieldKind::TextArea rows=4
                    hint="What is wrong now, and the evidence for it: waiting times, referrals, admissions, complaints."
                    errors=errors bind=form.problem />
                <Field id=POPULATION_FIELD label="Who it affects (optional)" kind=FieldKind::TextArea rows=3
                    hint="Which patients and how many, which practices."
                    errors=errors bind=form.population />
                <Field id=STRATEGIC_FIT_FIELD label="Fit with the commissioner's priorities (optional)" kind=FieldKind::TextArea rows=4
                    hint="Which of the integrated care board's (or, then, the primary care trust's) priorities or plans it serves."
                    errors=errors bind=form.strategic_fit />
                <h2>"The economic case"</h2>
                <Select id=PREFERRED_FIELD label="The option you recommend"
                    hint="Add options and their figures on the case's page; then choose the one to recommend."
                    options=options errors=errors bind=form.preferred />
                <Field id=RECOMMENDATION_FIELD label="Recommendation (optional)" kind=FieldKind::TextArea rows=3
                    hint="What you ask the committee to decide, and why this option."
                    errors=errors bind=form.recommendation />
                <Field id=RATE_FIELD label="Discount rate (%)"
                    hint="The Green Book's rate for years 0 to 30 is 3.5 %. Change it only if the fund asks for another."
                    width_class="nhsuk-input--width-4" errors=errors bind=form.discount_rate />
                <Field id=OPTIMISM_FIELD label="Optimism bias (%)"
                    hint="An uplift on costs for the known tendency to be too hopeful: the sensitivity test raises every cost by it. The Green Book's supplementary guidance gives upper bounds by kind of project; lower it as risks are managed. 0 for none."
                    width_class="nhsuk-input--width-4" errors=errors bind=form.optimism_bias />
                <h2>"The commercial case"</h2>
                <Field id=PROCUREMENT_FIELD label="How it would be bought (optional)" kind=FieldKind::TextArea rows=3
                    hint="What would be bought and how: the service and its specification, not who would provide it."
                    errors=errors bind=form.procurement />
                <h2>"The financial case"</h2>
                <Field id=FUNDING_FIELD label="Who pays (optional)" kind=FieldKind::TextArea rows=3
                    hint="For example, an invest-to-save fund, repaid from the savings; or the group's budget."
                    errors=errors bind=form.funding />
                <h2>"The management case"</h2>
                <Field id=MEASUREMENT_FIELD label="How the benefits will be measured (optional)" kind=FieldKind::TextArea rows=3
                    hint="What will be counted, how often, and by whom. Add its milestones on the case's page."
                    errors=errors bind=form.benefits_measurement />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=move || case_path(&id.get())>"Cancel"</A></p>
            <h2>"Delete this business case"</h2>
            <p>"Deleting removes the case with its options, their figures and risks, and its milestones. You can undo it straight after."</p>
            <DeleteButton what=format!("business case: {title}") on_confirm=delete />
        </Show>
    }
}
