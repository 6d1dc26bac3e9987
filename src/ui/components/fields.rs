//! The one form field every form uses (label, hint, inline error, and the id
//! the error summary links to), and the error summary itself.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::identifier_warning::{findings_in, focus_when_linked, warning_id, IdentifierWarning};
use crate::model::common::dates::{parse_optional_date, NotADate};
use crate::model::common::validation::{message_for, FieldError};

/// What sort of control a `Field` is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FieldKind {
    #[default]
    Text,
    /// The NHS.UK date input: Day, Month and Year boxes. Its value is the
    /// three boxes joined `year-month-day` as typed (see `DateBoxes`).
    Date,
    /// Several lines of text.
    TextArea,
    /// A passphrase: the characters are hidden as they are typed.
    Password,
}

/// An NHS.UK form group: label, optional hint, the field's error message when
/// `errors` has one for `id`, and the control. The value is either bound to a
/// draft signal (`bind`) or read from `value` and sent to `on_input` as typed.
///
/// What the user types is never written back into the control while they
/// type: the control is given a value only when it differs from what it
/// holds (`keep_showing`), so a value that comes back as typed leaves the
/// caret, and a browser's half-typed state, alone.
#[component]
pub fn Field(
    /// The control's id; error summary links point at it (for a date, the Day box).
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
    // A date's boxes are explained by an example unless the form says more.
    let hint = hint.or_else(|| (kind == FieldKind::Date).then(|| DATE_HINT.to_string()));
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    // What the control holds now, key by key, for the patient-identifier
    // guard under it (text fields only: a date's boxes hold no free text).
    let holds = RwSignal::new(String::new());
    let findings = Memo::new(move |_| holds.with(|t| findings_in(t)));
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        let warning_id = warning_id(&id);
        let error = error.clone();
        move || {
            let mut ids: Vec<String> = hint_id.iter().cloned().collect();
            if error().is_some() {
                ids.push(error_id.clone());
            }
            if findings.with(|f| !f.is_empty()) {
                ids.push(warning_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let has_error = {
        let error = error.clone();
        move || error().is_some()
    };
    let hint_view =
        hint.map(|hint| view! { <div class="nhsuk-hint" id=hint_id.clone()>{hint}</div> });
    let error_view = errors.map(|errors| view! { <ErrorMessage errors field=id.clone() /> });
    if kind == FieldKind::Date {
        // A draft to bind the boxes to; a date shown from the model (no form
        // uses that today) would be sent on through `on_input`.
        let bind = bind.unwrap_or_else(|| {
            let draft = RwSignal::new(value.map(|v| v.get_untracked()).unwrap_or_default());
            if let Some(value) = value {
                Effect::new(move |_| draft.set(value.get()));
            }
            draft
        });
        if let Some(on_input) = on_input {
            Effect::new(move |first: Option<()>| {
                let text = bind.get();
                if first.is_some() {
                    on_input.run(text);
                }
            });
        }
        let boxes_have_error = Signal::derive(has_error.clone());
        return view! {
            <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_error>
                <fieldset class="nhsuk-fieldset" role="group" aria-describedby=described_by>
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{label}</legend>
                    {hint_view}
                    {error_view}
                    <DateBoxes id=id.clone() bind has_error=boxes_have_error />
                </fieldset>
            </div>
        }
        .into_any();
    }
    let current = move || match (bind, value) {
        (Some(bind), _) => bind.get(),
        (None, Some(value)) => value.get(),
        (None, None) => String::new(),
    };
    // A value from the model (not a draft) may come back cleaned, or changed
    // by another tab, while the user is in the field: it waits until they
    // leave it (`left` asks again then), so nothing they type is overwritten.
    let last_typed = StoredValue::new(None::<String>);
    let left = RwSignal::new(0u32);
    let leave = move |_: leptos::ev::FocusEvent| {
        last_typed.set_value(None);
        left.update(|n| *n = n.wrapping_add(1));
    };
    let current = move || {
        left.track();
        current()
    };
    let typed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        holds.set(text.clone());
        if bind.is_none() {
            last_typed.set_value(Some(text.clone()));
        }
        if let Some(bind) = bind {
            bind.set(text.clone());
        }
        if let Some(on_input) = on_input {
            on_input.run(text);
        }
    };
    let initial = untrack(current.clone());
    // A value put in from elsewhere (a form filled from a record, a draft
    // cleared after saving) is checked too; while the person is typing
    // here, `typed` has set what the control holds already.
    {
        let current = current.clone();
        let id = id.clone();
        Effect::new(move |_| {
            let wanted = current();
            let typing_here = document()
                .active_element()
                .is_some_and(|active| document().get_element_by_id(&id).as_ref() == Some(&active));
            if !typing_here {
                holds.set(wanted);
            }
        });
    }
    focus_when_linked(id.clone());
    let control = match kind {
        FieldKind::TextArea => {
            let node = NodeRef::<leptos::html::Textarea>::new();
            keep_showing(node, current, last_typed);
            view! {
                <textarea
                    class="nhsuk-textarea"
                    class:nhsuk-textarea--error=has_error.clone()
                    id=id.clone()
                    name=id.clone()
                    rows=rows.unwrap_or(3)
                    aria-describedby=described_by
                    prop:value=initial
                    node_ref=node
                    on:input=typed
                    on:blur=leave
                ></textarea>
            }
            .into_any()
        }
        FieldKind::Text | FieldKind::Date | FieldKind::Password => {
            let node = NodeRef::<leptos::html::Input>::new();
            keep_showing(node, current, last_typed);
            view! {
                <input
                    class=format!("nhsuk-input {width_class}")
                    class:nhsuk-input--error=has_error.clone()
                    id=id.clone()
                    name=id.clone()
                    type=if kind == FieldKind::Password { "password" } else { "text" }
                    aria-describedby=described_by
                    prop:value=initial
                    node_ref=node
                    on:input=typed
                    on:blur=leave
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_error>
            <label class="nhsuk-label" for=id.clone()>{label}</label>
            {hint_view}
            {error_view}
            {control}
            <IdentifierWarning field_id=id.clone() findings />
        </div>
    }
    .into_any()
}

/// The example under every date field (the NHS.UK pattern's own wording).
const DATE_HINT: &str = "For example, 31 3 2027";

/// A text control whose value can be read and set: `<input>` and `<textarea>`.
trait TextControl {
    fn text(&self) -> String;
    fn set_text(&self, text: &str);
}

impl TextControl for web_sys::HtmlInputElement {
    fn text(&self) -> String {
        self.value()
    }
    fn set_text(&self, text: &str) {
        self.set_value(text)
    }
}

impl TextControl for web_sys::HtmlTextAreaElement {
    fn text(&self) -> String {
        self.value()
    }
    fn set_text(&self, text: &str) {
        self.set_value(text)
    }
}

/// Shows `wanted` in the control whenever it changes from elsewhere: it is
/// written only when it differs from what the control holds, and a value
/// from the model (`last_typed` is set by typing into a model-bound field)
/// is held back while the user is still in the field with what they typed.
fn keep_showing<E>(
    node: NodeRef<E>,
    wanted: impl Fn() -> String + 'static,
    last_typed: StoredValue<Option<String>>,
) where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
    E::Output: TextControl + AsRef<web_sys::Element>,
{
    Effect::new(move |_| {
        let wanted = wanted();
        let Some(control) = node.get_untracked() else {
            return;
        };
        let shown = control.text();
        if shown == wanted {
            return;
        }
        let typing_here = document().active_element().as_ref() == Some(control.as_ref())
            && last_typed.with_value(|typed| typed.as_deref() == Some(shown.as_str()));
        if !typing_here {
            control.set_text(&wanted);
        }
    });
}

/// The NHS.UK date input's three boxes. Each box keeps exactly what was typed
/// in it; `bind` gets them joined `year-month-day` on every keystroke (empty
/// when all three are), which the model's `parse_optional_date` reads and,
/// if it is not yet a date, says which part to fix. When `bind` changes from
/// elsewhere (a form filled from a record, or cleared after saving), the boxes
/// show it: a `YYYY-MM-DD` date without its leading zeros, as a person types it.
#[component]
fn DateBoxes(id: String, bind: RwSignal<String>, has_error: Signal<bool>) -> impl IntoView {
    let (day, month, year) = split_date(&bind.get_untracked());
    let day = RwSignal::new(day);
    let month = RwSignal::new(month);
    let year = RwSignal::new(year);
    let joined = move || {
        join_date(
            &day.get_untracked(),
            &month.get_untracked(),
            &year.get_untracked(),
        )
    };
    Effect::new(move |_| {
        let wanted = bind.get();
        if wanted != joined() {
            let (d, m, y) = split_date(&wanted);
            day.set(d);
            month.set(m);
            year.set(y);
        }
    });
    let typed = move |part: RwSignal<String>| {
        move |ev: leptos::ev::Event| {
            part.set(event_target_value(&ev));
            bind.set(joined());
        }
    };
    // Which boxes the error is about. NHS.UK marks only the box at fault (a
    // missing month, a two-number year) and the summary link goes to it.
    let faults = Memo::new(move |_| {
        if !has_error.get() {
            return [false; 3];
        }
        match parse_optional_date(&bind.get()) {
            Err(NotADate::Missing { day, month, year }) => [day, month, year],
            Err(NotADate::YearNotFourDigits | NotADate::Implausible) => [false, false, true],
            // No such day, or a rule about the date as a whole (not in the past, after the start).
            _ => [true; 3],
        }
    });
    let month_id = format!("{id}-month");
    let year_id = format!("{id}-year");
    // The error summary links to the Day box (the field's id); this sends it on.
    let focus_instead = {
        let (month_id, year_id) = (month_id.clone(), year_id.clone());
        Memo::new(move |_| match faults.get() {
            [false, true, _] => Some(month_id.clone()),
            [false, false, true] => Some(year_id.clone()),
            _ => None,
        })
    };
    let boxes = [
        (id.clone(), "Day", day, "nhsuk-input--width-2", 0),
        (month_id, "Month", month, "nhsuk-input--width-2", 1),
        (year_id, "Year", year, "nhsuk-input--width-4", 2),
    ];
    view! {
        <div class="nhsuk-date-input" id=format!("{id}-date")>
            {boxes.into_iter().map(|(box_id, label, part, width, index)| {
                let node = NodeRef::<leptos::html::Input>::new();
                keep_showing(node, move || part.get(), StoredValue::new(None));
                view! {
                    <div class="nhsuk-date-input__item">
                        <div class="nhsuk-form-group">
                            <label class="nhsuk-label nhsuk-date-input__label" for=box_id.clone()>{label}</label>
                            <input
                                class=format!("nhsuk-input nhsuk-date-input__input {width}")
                                class:nhsuk-input--error=move || faults.get()[index]
                                id=box_id.clone()
                                name=box_id
                                type="text"
                                inputmode="numeric"
                                data-focus-instead=move || if index == 0 { focus_instead.get() } else { None }
                                prop:value=part.get_untracked()
                                node_ref=node
                                on:input=typed(part)
                            />
                        </div>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

/// The three boxes joined for the model: empty when all are, else
/// `year-month-day` exactly as typed.
fn join_date(day: &str, month: &str, year: &str) -> String {
    if [day, month, year].iter().all(|part| part.trim().is_empty()) {
        String::new()
    } else {
        format!("{year}-{month}-{day}")
    }
}

/// The boxes for a value: `join_date`'s own text back into its parts, and a
/// saved `YYYY-MM-DD` shown without leading zeros (1 12 2026).
fn split_date(value: &str) -> (String, String, String) {
    let parts: Vec<&str> = value.splitn(3, '-').collect();
    let [year, month, day] = parts[..] else {
        return (String::new(), String::new(), String::new());
    };
    let canonical = year.len() == 4 && month.len() == 2 && day.len() == 2;
    let shown = |part: &str| {
        if canonical {
            part.trim_start_matches('0').to_string()
        } else {
            part.to_string()
        }
    };
    (shown(day), shown(month), year.to_string())
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
                                // A date's Day box may send it on to the box at fault.
                                let focus_field = move |ev: leptos::ev::MouseEvent| {
                                    let document = document();
                                    let target = document
                                        .get_element_by_id(field)
                                        .map(|el| {
                                            el.get_attribute("data-focus-instead")
                                                .and_then(|other| document.get_element_by_id(&other))
                                                .unwrap_or(el)
                                        })
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
