//! Rating yourself on the framework's 20 elements (optional, dated, repeatable).

use std::collections::BTreeMap;

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use crate::model::capabilities::{DOMAINS, MLCF_CITATION};
use crate::model::common::dates::input_value;
use crate::model::common::validation::FieldError;
use crate::model::plan::self_rating::{SelfRatingDraft, SCALE, SELF_RATING_DATE_FIELD, SOURCE};
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{ErrorSummary, Field, FieldKind, Radios};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[component]
pub fn SelfRatingPage() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = crate::ui::routing::use_params_map();
    let plan_id = params.read_untracked().get("plan").unwrap_or_default();
    let plan_name = store
        .workbook
        .with_untracked(|w| w.plan(&plan_id).map(|p| p.name.to_string()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let date = RwSignal::new(input_value(browser::today()));
    let ratings = RwSignal::new(BTreeMap::<String, u8>::new());
    let back = format!("/development-plan/plans/{plan_id}");
    let save = {
        let back = back.clone();
        let plan_id = plan_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let draft = SelfRatingDraft {
                date: date.get_untracked(),
                ratings: ratings.get_untracked(),
            };
            if saver.submit(Change::add(Some(&plan_id), draft), errors) {
                navigate(&back, Default::default());
            }
        }
    };
    let choices: Vec<(u8, &'static str, &'static str)> = SCALE
        .iter()
        .zip(["1", "2", "3", "4"])
        .map(|((v, name, _), key)| (*v, key, *name))
        .collect();
    view! {
        <Title text="Rate yourself on the framework" />
        <span class="nhsuk-caption-l">{plan_name.clone()}</span>
        <h1>"Rate yourself on the framework"</h1>
        <p>{format!("How far do you show each element of the {MLCF_CITATION} Rate as many as you can; leave out any you cannot judge.")}</p>
        <p class="nhsuk-body-s">{SOURCE}</p>
        <dl class="nhsuk-summary-list" aria-label="The rating scale">
            {SCALE.iter().map(|(v, name, meaning)| view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{format!("{v} {name}")}</dt>
                    <dd class="nhsuk-summary-list__value">{*meaning}</dd>
                </div>
            }).collect_view()}
        </dl>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=save>
            <Field id=SELF_RATING_DATE_FIELD label="Date of this rating" kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=date />
            {DOMAINS.iter().map(|d| view! {
                <h2>{d.title}</h2>
                {d.elements.iter().map(|e| {
                    let element = e.id;
                    view! {
                        <Radios
                            legend=e.title
                            name=format!("rate-{element}")
                            choices=choices.clone()
                            selected=Signal::derive(move || ratings.with(|r| r.get(element).copied()))
                            on_select=Callback::new(move |v| ratings.update(|r| { r.insert(element.to_string(), v); }))
                            inline=true
                            errors=errors
                        />
                    }
                }).collect_view()}
            }).collect_view()}
            <button type="submit" class="nhsuk-button">"Save my rating"</button>
        </form>
        <p><A href=back>"Cancel"</A></p>
    }
}
