//! The one form field every form uses (label, hint, inline error, and the id
//! the error summary links to), and the error summary itself.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::common::validation::{message_for, FieldError};

/// What sort of control a `Field` is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FieldKind {
    #[default]
    Text,
    /// A date picker; its value is `YYYY-MM-DD`.
    Date,
    /// Several lines of text.
    TextArea,
}

/// An NHS.UK form group: label, optional hint, the field's error message when
/// `errors` has one for `id`, and the control. The value is either bound to a
/// draft signal (`bind`) or read from `value` and sent to `on_input` as typed.
#[component]
pub fn Field(
    /// The control's id; error summary links point at it.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] kind: FieldKind,
    #[prop(optional, into)] errors: Option<Signal<Vec<FieldError>>>,
    /// A draft value the field reads and writes.
    #[prop(optional)]
    bind: Option<RwSignal<String>>,
    /// A value the field shows (when not bound to a draft).
    #[prop(optional, into)]
    value: Option<Signal<String>>,
    /// Called with the text on every keystroke (when not bound to a draft).
    #[prop(optional, into)]
    on_input: Option<Callback<String>>,
    /// Extra classes for the control, such as `nhsuk-input--width-10`.
    #[prop(optional)]
    width_class: &'static str,
    #[prop(optional)] rows: Option<u32>,
) -> impl IntoView {
    let error = {
        let id = id.clone();
        move || errors.and_then(|errors| errors.with(|e| message_for(e, &id).map(str::to_string)))
    };
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        let error = error.clone();
        move || {
            let mut ids: Vec<String> = hint_id.iter().cloned().collect();
            if error().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let current = move || match (bind, value) {
        (Some(bind), _) => bind.get(),
        (None, Some(value)) => value.get(),
        (None, None) => String::new(),
    };
    let typed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(bind) = bind {
            bind.set(text.clone());
        }
        if let Some(on_input) = on_input {
            on_input.run(text);
        }
    };
    let has_error = {
        let error = error.clone();
        move || error().is_some()
    };
    let control = match kind {
        FieldKind::TextArea => view! {
            <textarea
                class="nhsuk-textarea"
                class:nhsuk-textarea--error=has_error.clone()
                id=id.clone()
                name=id.clone()
                rows=rows.unwrap_or(3)
                aria-describedby=described_by
                prop:value=current
                on:input=typed
            ></textarea>
        }
        .into_any(),
        FieldKind::Text | FieldKind::Date => view! {
            <input
                class=format!("nhsuk-input {width_class}")
                class:nhsuk-input--error=has_error.clone()
                id=id.clone()
                name=id.clone()
                type=if kind == FieldKind::Date { "date" } else { "text" }
                aria-describedby=described_by
                prop:value=current
                on:input=typed
            />
        }
        .into_any(),
    };
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_error>
            <label class="nhsuk-label" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <div class="nhsuk-hint" id=hint_id.clone()>{hint}</div> })}
            {errors.map(|errors| view! { <ErrorMessage errors field=id.clone() /> })}
            {control}
        </div>
    }
}

/// A field's inline error message (NHS.UK pattern), when `errors` has one
/// for `field`. `Field` uses it; radio groups put it under their legend.
#[component]
pub fn ErrorMessage(
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    #[prop(into)] field: String,
) -> impl IntoView {
    let id = format!("{field}-error");
    move || {
        errors
            .with(|e| message_for(e, &field).map(str::to_string))
            .map(|message| {
                view! {
                    <span class="nhsuk-error-message" id=id.clone()>
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>
                        {message}
                    </span>
                }
            })
    }
}

/// One choice in a `Radios` group: its value, a short key for the input's id
/// (`{name}-{key}`), and its label.
pub type RadioChoice<T> = (T, &'static str, &'static str);

/// An NHS.UK radio group: a fieldset with its legend (a heading when asked),
/// the inline error for `name`'s first radio, and one radio per choice.
#[component]
pub fn Radios<T>(
    #[prop(into)] legend: String,
    /// The group's name; each radio's id is `{name}-{key}`.
    #[prop(into)]
    name: String,
    choices: Vec<RadioChoice<T>>,
    #[prop(into)] selected: Signal<Option<T>>,
    on_select: Callback<T>,
    #[prop(optional)] inline: bool,
    /// Show the legend as a level-2 heading.
    #[prop(optional)]
    heading: bool,
    #[prop(optional, into)] errors: Option<Signal<Vec<FieldError>>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let first_id = choices
        .first()
        .map(|(_, key, _)| format!("{name}-{key}"))
        .unwrap_or_default();
    let has_error = {
        let first_id = first_id.clone();
        move || errors.is_some_and(|e| e.with(|e| message_for(e, &first_id).is_some()))
    };
    let legend = if heading {
        view! {
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                <h2 class="nhsuk-fieldset__heading">{legend}</h2>
            </legend>
        }
        .into_any()
    } else {
        view! { <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend> }
            .into_any()
    };
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_error>
            <fieldset class="nhsuk-fieldset">
                {legend}
                {errors.map(|errors| view! { <ErrorMessage errors field=first_id.clone() /> })}
                <div class="nhsuk-radios" class:nhsuk-radios--inline=inline>
                    {choices.into_iter().map(|(value, key, label)| {
                        let id = format!("{name}-{key}");
                        view! {
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" type="radio" id=id.clone() name=name.clone() value=key
                                    prop:checked=move || selected.get() == Some(value)
                                    on:change=move |_| on_select.run(value) />
                                <label class="nhsuk-label nhsuk-radios__label" for=id>{label}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// The NHS.UK error summary: a titled list of links to the fields with errors.
/// It takes focus when it appears so screen reader and keyboard users find it.
#[component]
pub fn ErrorSummary(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div
                class="nhsuk-error-summary"
                aria-labelledby="error-summary-title"
                role="alert"
                tabindex="-1"
                node_ref=summary
            >
                <h2 class="nhsuk-error-summary__title" id="error-summary-title">
                    "There is a problem"
                </h2>
                <div class="nhsuk-error-summary__body">
                    <ul class="nhsuk-list nhsuk-error-summary__list">
                        <For
                            each=move || errors.get()
                            key=|e| (e.field, e.message.clone())
                            children=|e| {
                                let field = e.field;
                                // Puts focus in the field itself (a plain link
                                // would only scroll), so typing lands there.
                                let focus_field = move |ev: leptos::ev::MouseEvent| {
                                    let target = document()
                                        .get_element_by_id(field)
                                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                                    if let Some(target) = target {
                                        ev.prevent_default();
                                        let _ = target.focus();
                                    }
                                };
                                // A refusal that is not about one field has no link.
                                if field.is_empty() {
                                    return view! { <li>{e.message}</li> }.into_any();
                                }
                                view! {
                                    <li>
                                        <a href=format!("#{field}") on:click=focus_field>{e.message}</a>
                                    </li>
                                }
                                .into_any()
                            }
                        />
                    </ul>
                </div>
            </div>
        </Show>
    }
}

/// An NHS.UK select: label, optional hint, inline error, and one option per
/// `(value, label)`, bound to a draft value; `on_change` also hears each choice.
#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    bind: RwSignal<String>,
    #[prop(optional, into)] errors: Option<Signal<Vec<FieldError>>>,
    #[prop(optional, into)] on_change: Option<Callback<String>>,
) -> impl IntoView {
    let has_error = {
        let id = id.clone();
        move || errors.is_some_and(|e| e.with(|e| message_for(e, &id).is_some()))
    };
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = format!("{id}-error");
        let has_error = has_error.clone();
        move || {
            let mut ids: Vec<String> = hint_id.iter().cloned().collect();
            if has_error() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let group_has_error = has_error.clone();
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=group_has_error>
            <label class="nhsuk-label" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <div class="nhsuk-hint" id=hint_id.clone()>{hint}</div> })}
            {errors.map(|errors| view! { <ErrorMessage errors field=id.clone() /> })}
            <select class="nhsuk-select" class:nhsuk-select--error=has_error id=id.clone() name=id
                aria-describedby=described_by
                prop:value=move || bind.get()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    bind.set(value.clone());
                    if let Some(on_change) = on_change {
                        on_change.run(value);
                    }
                }>
                {move || options.get().into_iter().map(|(value, text)| {
                    let chosen = value.clone();
                    view! { <option value=value selected=move || bind.get() == chosen>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// One NHS.UK checkbox with its label, bound to a yes/no draft value.
#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    bind: RwSignal<bool>,
) -> impl IntoView {
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    view! {
        <div class="nhsuk-form-group">
            <div class="nhsuk-checkboxes">
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" type="checkbox" id=id.clone() name=id.clone()
                        aria-describedby=hint_id.clone()
                        prop:checked=move || bind.get()
                        on:change=move |ev| bind.set(event_target_checked(&ev)) />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{label}</label>
                    {hint.map(|hint| view! { <div class="nhsuk-hint nhsuk-checkboxes__hint" id=hint_id.clone()>{hint}</div> })}
                </div>
            </div>
        </div>
    }
}
