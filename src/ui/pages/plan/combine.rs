//! Combining another plan into this one: choose the plan, check what will
//! move, then combine (undoable straight after, from the message that follows).
//! Two plans often hold one person's goals after two browsers' workbooks are
//! merged; this puts them back together.

use crate::ui::components::Title;
use crate::ui::routing::{use_navigate, A};
use leptos::prelude::*;

use crate::model::common::validation::FieldError;
use crate::model::plan::plans::{what_moves, COMBINE_FROM_FIELD};
use crate::model::Change;
use crate::ui::components::{ErrorMessage, ErrorSummary};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[component]
pub fn CombinePlans() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = crate::ui::routing::use_params_map();
    let into = Memo::new(move |_| params.read().get("plan").unwrap_or_default());
    let into_name = store.select(move |w| w.plan(&into.get()).map(|p| p.name.to_string()));
    // Every other plan: its id, its name and what would move, in words.
    let others = store.select(move |w| {
        let into = into.get();
        w.plans()
            .iter()
            .filter(|p| p.id != into)
            .map(|p| (p.id.clone(), p.name.to_string(), what_moves(p)))
            .collect::<Vec<_>>()
    });
    let chosen = RwSignal::new(String::new());
    // False while choosing; true on the page that says what will happen.
    let checking = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let back = move || format!("/development-plan/plans/{}", into.get());

    let choose = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if chosen.with_untracked(String::is_empty) {
            errors.set(vec![FieldError::new(
                COMBINE_FROM_FIELD,
                "Choose the plan to move into this one",
            )]);
            return;
        }
        errors.set(Vec::new());
        checking.set(true);
    };
    let combine = move |_| {
        let change = Change::CombinePlans {
            into: into.get_untracked(),
            from: chosen.get_untracked(),
        };
        if saver.submit(change, errors) {
            navigate(
                &format!("/development-plan/plans/{}", into.get_untracked()),
                Default::default(),
            );
        } else {
            // The reason shows beside the choice, which may need changing.
            checking.set(false);
        }
    };
    // The chosen plan's name and what would move, as the workbook has them now.
    let chosen_plan = move || {
        let id = chosen.get();
        others.with(|o| {
            o.iter()
                .find(|(pid, _, _)| *pid == id)
                .map(|(_, name, moves)| (name.clone(), moves.clone()))
        })
    };

    view! {
        <Title text="Combine plans" />
        <Show when=move || into_name.with(Option::is_some) fallback=|| view! {
            <h1>"Plan not found"</h1>
            <p>"This plan is not in your workbook. It may have been deleted."</p>
            <p><A href="/development-plan">"Go to your development plan"</A></p>
        }>
            <span class="nhsuk-caption-l">{move || into_name.get().unwrap_or_default()}</span>
            <h1>"Combine another plan into this one"</h1>
            <ErrorSummary errors=errors.into() />
            <Show when=move || !others.with(Vec::is_empty) fallback=move || view! {
                <p>"You have no other plan to combine with this one."</p>
                <p><A href=back>"Back to the plan"</A></p>
            }>
                <Show when=move || !checking.get() fallback=move || view! {
                    <h2>"Check before you combine"</h2>
                    {move || match chosen_plan() {
                        Some((name, moves)) => {
                            let into_name = into_name.get().unwrap_or_default();
                            view! {
                                <div class="nhsuk-warning-callout">
                                    <h3 class="nhsuk-warning-callout__label">
                                        <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"What will happen"</span>
                                    </h3>
                                    <p>{match moves {
                                        None => format!("\"{name}\" holds nothing to move into \"{into_name}\"."),
                                        Some(moves) => format!("{moves} will move from \"{name}\" into \"{into_name}\"."),
                                    }}</p>
                                    <p>{format!("\"{name}\" will then be removed. You can undo this straight after.")}</p>
                                </div>
                            }.into_any()
                        }
                        None => view! {
                            <p>"The plan you chose is no longer in your workbook. It may have been deleted in another tab."</p>
                        }.into_any(),
                    }}
                    <button type="button" class="nhsuk-button" on:click=combine.clone()
                        disabled=move || chosen_plan().is_none()>
                        "Yes, combine the plans"
                    </button>
                    " "
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| checking.set(false)>
                        "Choose another plan"
                    </button>
                }>
                    <form novalidate on:submit=choose>
                        <ChoosePlan others chosen errors into_name />
                        <button type="submit" class="nhsuk-button">"Continue"</button>
                    </form>
                </Show>
                <p><A href=back>"Cancel"</A></p>
            </Show>
        </Show>
    }
}

/// The NHS.UK radios choosing the plan to move in, each with what it holds.
/// (The shared `Radios` takes fixed labels; these are the user's plan names.)
#[component]
fn ChoosePlan(
    others: Memo<Vec<(String, String, Option<String>)>>,
    chosen: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    into_name: Memo<Option<String>>,
) -> impl IntoView {
    let has_error = move || errors.with(|e| e.iter().any(|e| e.field == COMBINE_FROM_FIELD));
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_error>
            <fieldset class="nhsuk-fieldset" aria-describedby="combine-from-hint">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                    <h2 class="nhsuk-fieldset__heading">
                        {move || format!("Which plan should move into \"{}\"?", into_name.get().unwrap_or_default())}
                    </h2>
                </legend>
                <div class="nhsuk-hint" id="combine-from-hint">
                    "Its goals (with their actions and evidence), reviews and self-ratings move into this plan, and the plan you choose is then removed."
                </div>
                <ErrorMessage errors field=COMBINE_FROM_FIELD />
                <div class="nhsuk-radios">
                    {move || others.get().into_iter().enumerate().map(|(i, (id, name, moves))| {
                        // The first radio has the field's id, for the error summary's link.
                        let radio_id = if i == 0 { COMBINE_FROM_FIELD.to_string() } else { format!("{COMBINE_FROM_FIELD}-{}", i + 1) };
                        let hint_id = format!("{radio_id}-item-hint");
                        let value = id.clone();
                        view! {
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" type="radio" id=radio_id.clone() name=COMBINE_FROM_FIELD value=id.clone()
                                    aria-describedby=hint_id.clone()
                                    prop:checked=move || chosen.with(|c| *c == id)
                                    on:change=move |_| chosen.set(value.clone()) />
                                <label class="nhsuk-label nhsuk-radios__label" for=radio_id>{name}</label>
                                <div class="nhsuk-hint nhsuk-radios__hint" id=hint_id>
                                    {match moves { None => "It holds nothing yet".to_string(), Some(moves) => format!("It holds {moves}") }}
                                </div>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}
