//! A risk's form: what could go wrong, its likelihood and impact on the
//! NPSA's five-by-five matrix, its owner and mitigation. Adding one goes
//! under an option; changing or deleting one goes back to its option.

use leptos::prelude::*;

use super::option::scale_word;
use super::parts::{option_path, NotInWorkbook, OptionNotFound};
use crate::model::business_case::records::{
    IMPACTS, LIKELIHOODS, RISK_DESCRIPTION_FIELD, RISK_IMPACT_FIELD, RISK_LIKELIHOOD_FIELD,
    RISK_MATRIX_SOURCE, RISK_MITIGATION_FIELD, RISK_OWNER_FIELD,
};
use crate::model::business_case::CaseRiskDraft;
use crate::model::common::validation::{message_for, FieldError};
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{
    DeleteButton, ErrorMessage, ErrorSummary, Field, FieldKind, StaleGuard, StaleNotice, Title,
};
use crate::ui::routing::{use_navigate, use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[derive(Clone, Copy)]
struct RiskForm {
    description: RwSignal<String>,
    likelihood: RwSignal<Option<u8>>,
    impact: RwSignal<Option<u8>>,
    owner: RwSignal<String>,
    mitigation: RwSignal<String>,
}

impl RiskForm {
    fn new(draft: CaseRiskDraft) -> Self {
        RiskForm {
            description: RwSignal::new(draft.description),
            likelihood: RwSignal::new(draft.likelihood),
            impact: RwSignal::new(draft.impact),
            owner: RwSignal::new(draft.owner),
            mitigation: RwSignal::new(draft.mitigation),
        }
    }

    fn fill(&self, draft: CaseRiskDraft) {
        self.description.set(draft.description);
        self.likelihood.set(draft.likelihood);
        self.impact.set(draft.impact);
        self.owner.set(draft.owner);
        self.mitigation.set(draft.mitigation);
    }

    fn draft(&self) -> CaseRiskDraft {
        CaseRiskDraft {
            description: self.description.get_untracked(),
            likelihood: self.likelihood.get_untracked(),
            impact: self.impact.get_untracked(),
            owner: self.owner.get_untracked(),
            mitigation: self.mitigation.get_untracked(),
        }
    }
}

/// NHS.UK radios for a score from 1 to 5, each with its word ("3 –
/// Possible"). The first radio takes the field's own id, so the error
/// summary's link lands on the group.
#[component]
fn ScoreRadios(
    field: &'static str,
    legend: &'static str,
    hint: &'static str,
    words: [&'static str; 5],
    bind: RwSignal<Option<u8>>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let has_error = move || errors.with(|e| message_for(e, field).is_some());
    let hint_id = format!("{field}-hint");
    let described_by = {
        let hint_id = hint_id.clone();
        move || {
            if has_error() {
                format!("{hint_id} {field}-error")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_error>
            <fieldset class="nhsuk-fieldset" aria-describedby=described_by>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
                <div class="nhsuk-hint" id=hint_id>{hint}</div>
                <ErrorMessage errors=errors field=field />
                <div class="nhsuk-radios">
                    {(1..=5u8).map(|n| {
                        let id = if n == 1 { field.to_string() } else { format!("{field}-{n}") };
                        view! {
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" type="radio" id=id.clone() name=field value=n.to_string()
                                    prop:checked=move || bind.get() == Some(n)
                                    on:change=move |_| bind.set(Some(n)) />
                                <label class="nhsuk-label nhsuk-radios__label" for=id>{scale_word(&words, n)}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

#[component]
fn RiskFields(form: RiskForm, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <Field id=RISK_DESCRIPTION_FIELD label="The risk" kind=FieldKind::TextArea rows=3
            hint="What could go wrong, for example: fewer patients are referred than expected."
            errors=errors bind=form.description />
        <ScoreRadios field=RISK_LIKELIHOOD_FIELD legend="How likely is it?"
            hint="1 is rare, 5 almost certain."
            words=LIKELIHOODS bind=form.likelihood errors />
        <ScoreRadios field=RISK_IMPACT_FIELD legend="How great would its impact be?"
            hint="1 is negligible, 5 catastrophic."
            words=IMPACTS bind=form.impact errors />
        <p class="app-source">"Likelihood times impact gives the risk's score. Source: " {RISK_MATRIX_SOURCE}</p>
        <Field id=RISK_OWNER_FIELD label="Who owns the risk"
            hint="The person or team who watches it and acts on it."
            errors=errors bind=form.owner />
        <Field id=RISK_MITIGATION_FIELD label="How it will be reduced (optional)" kind=FieldKind::TextArea rows=3
            hint="What will be done to make it less likely or less harmful."
            errors=errors bind=form.mitigation />
    }
}

#[component]
pub fn NewRisk() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let option_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let option_name = store.select(move |w| {
        w.case_option(&option_id.get())
            .map(|(_, o)| o.name.to_string())
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = RiskForm::new(CaseRiskDraft::default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let option = option_id.get_untracked();
        if saver.submit(Change::add(Some(&option), form.draft()), errors) {
            navigate(&option_path(&option), Default::default());
        }
    };
    view! {
        <Title text="Add a risk" />
        <Show when=move || option_name.with(Option::is_some) fallback=OptionNotFound>
            <span class="nhsuk-caption-l">{move || option_name.get()}</span>
            <h1>"Add a risk"</h1>
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=save>
                <RiskFields form errors />
                <button type="submit" class="nhsuk-button">"Save the risk"</button>
            </form>
            <p><A href=move || option_path(&option_id.get())>"Cancel"</A></p>
        </Show>
    }
}

#[component]
fn RiskNotFound() -> impl IntoView {
    view! { <NotInWorkbook what="risk" /> }
}

#[component]
pub fn EditRisk() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let place = store.select(move |w| {
        w.case_risk(&id.get())
            .map(|(_, o, _)| (o.id.clone(), o.name.to_string()))
    });
    let risk = store.select(move |w| w.case_risk(&id.get()).map(|(_, _, r)| CaseRiskDraft::of(r)));
    let guard = StaleGuard::new(risk.into(), CaseRiskDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = RiskForm::new(guard.opened().unwrap_or_default());
    // The option to go back to, kept from when the form opened so it is
    // known even once the risk is deleted.
    let option_id = StoredValue::new(
        place.with_untracked(|p| p.as_ref().map(|p| p.0.clone()).unwrap_or_default()),
    );
    let save = Callback::new(move |()| {
        let draft = form.draft();
        if guard.may_save(&draft)
            && saver.submit(Change::update(&id.get_untracked(), draft), errors)
        {
            navigate(&option_path(&option_id.get_value()), Default::default());
        }
    });
    let delete = Callback::new(move |()| {
        if saver.act(Change::delete(RecordKind::CaseRisk, &id.get_untracked())) {
            navigate(&option_path(&option_id.get_value()), Default::default());
        }
    });
    let what = guard
        .opened()
        .map(|d| format!("risk: {}", d.description.trim()))
        .unwrap_or_default();
    view! {
        <Title text="Change the risk" />
        <Show when=move || guard.was_found() fallback=RiskNotFound>
            <span class="nhsuk-caption-l">{move || place.with(|p| p.as_ref().map(|p| p.1.clone()))}</span>
            <h1>"Change the risk"</h1>
            <StaleNotice guard what="risk" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <RiskFields form errors />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=move || option_path(&option_id.get_value())>"Cancel"</A></p>
            <h2>"Delete this risk"</h2>
            <p>"You can undo it straight after."</p>
            <DeleteButton what=what.clone() on_confirm=delete />
        </Show>
    }
}
