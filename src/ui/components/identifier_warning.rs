//! The patient-identifier guard under a free-text field (issue 25): while a
//! person types, what in the field looks like it could identify a patient (an
//! NHS number that passes its check digit, a date of birth, a full postcode,
//! a titled name near clinical words; `model::common::identifiers`), said in
//! words under the field. It never blocks, changes or sends anything.
//!
//! Screen readers hear it politely, and only when what kinds of thing were
//! found changes: the visible words change with every key typed inside a
//! name ("Mrs O", "Mrs Ok"…), so the live region holds only the kinds, and
//! the field is described by the visible warning (`aria-describedby`) for
//! when they come back to it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::common::identifiers::{
    announcement, likely_identifiers, IdentifierKind, NOT_PATIENTS,
};
use crate::ui::routing::hash_query;

/// The guidance, named in a sentence ("…, as {REFLECTION_GUIDANCE} asks");
/// the About page cites it in full.
pub const REFLECTION_GUIDANCE: &str =
    "the Academy of Medical Royal Colleges' guidance on reflective practice";

/// What `text` holds that looks like a patient's details: each finding's
/// kind and the words found, in the order written.
pub fn findings_in(text: &str) -> Vec<(IdentifierKind, String)> {
    likely_identifiers(text)
        .into_iter()
        .map(|f| (f.kind, f.in_text(text).to_string()))
        .collect()
}

/// The id of the warning under the field `field_id`.
pub fn warning_id(field_id: &str) -> String {
    format!("{field_id}-identifiers")
}

/// The warning under a field, for `findings` (none: nothing shown, but the
/// live region stays in place so that what comes into it is announced).
#[component]
pub fn IdentifierWarning(
    #[prop(into)] field_id: String,
    #[prop(into)] findings: Signal<Vec<(IdentifierKind, String)>>,
) -> impl IntoView {
    let spoken = Memo::new(move |_| findings.with(|f| announcement(f.iter().map(|(k, _)| *k))));
    let id = warning_id(&field_id);
    view! {
        <span class="nhsuk-u-visually-hidden" aria-live="polite">{move || spoken.get()}</span>
        {move || {
            let found = findings.get();
            (!found.is_empty()).then(|| view! {
                <div class="nhsuk-warning-callout" id=id.clone()>
                    <p class="nhsuk-warning-callout__label">
                        <span role="text">
                            <span class="nhsuk-u-visually-hidden">"Important: "</span>
                            "Check for patient details"
                        </span>
                    </p>
                    <ul class="nhsuk-list">
                        {found.into_iter().map(|(kind, words)| view! {
                            <li>{format!("{}: {words}.", kind.message())}</li>
                        }).collect_view()}
                    </ul>
                    <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
                        {format!("{NOT_PATIENTS} Change or leave out anything that could identify someone, as {REFLECTION_GUIDANCE} asks. This is only a check: nothing is blocked or sent.")}
                    </p>
                </div>
            })
        }}
    }
}

/// Puts focus in the field `field_id` when the address asks for it
/// (`#/placement-log/entries/…?field=activity-keep`, a link from the list
/// "Check for patient details before you share"), opening a closed
/// `<details>` it is in. Done two frames after the field is drawn: after the
/// browser has changed the address (a link's click draws the page first),
/// and after the app has put focus on the new page's heading, which it does
/// in the frame after the page is drawn.
pub fn focus_when_linked(field_id: String) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            let asked = hash_query()
                .iter()
                .any(|(name, value)| name == "field" && *value == field_id);
            if !asked {
                return;
            }
            let Some(element) = document().get_element_by_id(&field_id) else {
                return;
            };
            if let Ok(Some(details)) = element.closest("details") {
                let _ = details.set_attribute("open", "");
            }
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
                element.scroll_into_view();
            }
        })
    });
}
