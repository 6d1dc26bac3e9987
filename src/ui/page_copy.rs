//! A copy of the page last shown, as the app drew it, so the next visit can
//! show it before the app has started (issue 28: "adopt the page instead of
//! rebuilding it"). index.html's adoption script (in `<head>`, so that a copy
//! of an area's page is drawn with the area's stylesheets) draws the copy in
//! place of the shell, inert, when everything it was drawn from still holds: the same
//! build of the app, the stored workbook at the same revision, the same day
//! and the same address. The app then takes the page over in one step
//! (`ui::start` removes the copy and mounts in the same task, so no frame
//! shows neither). A copy that no longer holds is never shown.
//!
//! A copy is taken in the browser's idle time after the app has started,
//! after each save, and after each change of page or of the workbook (another
//! tab's save). It is not taken while the page shows something that lasts
//! only for this visit (a save error, a refusal, changes from another tab, a
//! page still opening, an element marked `data-not-copied`) or holds typing
//! the workbook has not saved, and the Undo banner and linked-file banners
//! are left out of it. With no workbook stored there is no copy.
//!
//! The copy's layout, read by index.html's script (keep the two in step):
//! `PAGE_COPY_FORMAT`, then the build (the main part's glue address),
//! the stored workbook's revision, the local day and the address
//! (`#/…`), each on its own line, then the HTML.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::js_object::{call, get, set};
use super::routing::PartLoadError;
use super::storage;
use super::store::WorkbookStore;

/// The copy's first line; a different one is never drawn.
pub const PAGE_COPY_FORMAT: &str = "commissioning-workbook.page-copy:1";

/// A larger page (a placement log of thousands of entries) is not copied:
/// the copy would take more of the browser's storage than it is worth.
const LARGEST_COPY: usize = 1_000_000;

/// How long the browser may wait before it finds idle time for a copy.
const COPY_WITHIN: Duration = Duration::from_millis(2000);

thread_local! {
    /// Whether a copy is already waiting for idle time.
    static WAITING: Cell<bool> = const { Cell::new(false) };
    /// The boxes of forms on this page the user has typed in, ticked or
    /// chosen in since the form was drawn or last sent: what they hold is
    /// not saved, so the app would not draw it again.
    static TYPED: RefCell<Vec<JsValue>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the copy up to date while the app runs: after the start, and after
/// each change of page or of the workbook.
pub fn keep_up(store: WorkbookStore) {
    let path = super::routing::use_path();
    Effect::new(move |shown: Option<String>| {
        let now = path.get();
        if shown.is_some_and(|shown| shown != now) {
            TYPED.with(|typed| typed.borrow_mut().clear());
        }
        store.workbook.track();
        take_when_idle(store);
        now
    });
    // Typing into a form's box (or ticking, or choosing) is the form's own
    // until it is sent; boxes outside forms save what they hold at once.
    std::mem::forget(window_event_listener_untyped("input", |event| {
        if let Some(target) = event.target() {
            let target: JsValue = target.into();
            let form = get(&target, "form");
            if !form.is_null() && !form.is_undefined() {
                TYPED.with(|typed| typed.borrow_mut().push(target));
            }
        }
    }));
    std::mem::forget(window_event_listener_untyped("submit", |event| {
        if let Some(form) = event.target() {
            let form: JsValue = form.into();
            TYPED.with(|typed| {
                typed
                    .borrow_mut()
                    .retain(|control| !js_sys::Object::is(&get(control, "form"), &form))
            });
        }
    }));
}

/// Whether the user has changed `control`, in a form not sent since.
fn typed_in(control: &JsValue) -> bool {
    TYPED.with(|typed| {
        typed
            .borrow()
            .iter()
            .any(|t| js_sys::Object::is(t, control))
    })
}

/// Takes a copy in the browser's idle time (a saved change; the page drawn).
pub fn take_when_idle(store: WorkbookStore) {
    if WAITING.with(|w| w.replace(true)) {
        return;
    }
    let take_it = move || {
        WAITING.with(|w| w.set(false));
        // With nothing stored, nothing is copied, and the part is not fetched.
        if !storage::holds_workbook() {
            storage::forget_page_copy();
            return;
        }
        // The copying code is its own part in the release build, fetched
        // the first time a copy is taken: nothing of it is needed to start.
        #[cfg(feature = "split")]
        leptos::task::spawn_local(async move {
            let _ = copying_part(store).await;
        });
        #[cfg(not(feature = "split"))]
        let _ = copying_part(store);
    };
    if !super::browser::when_idle(COPY_WITHIN, Duration::from_millis(200), take_it) {
        WAITING.with(|w| w.set(false));
    }
}

/// Whether a copy may be taken now: all of the workbook saved, and nothing
/// shown that lasts for this visit only. (In the copying part, as every
/// byte of the first download is in every visit's.)
fn worth_copying(store: WorkbookStore) -> bool {
    !(store.save_status.with_untracked(|s| s.pending)
        || store.saving_blocked.with_untracked(Option::is_some)
        || store.save_error.with_untracked(Option::is_some)
        || store.unreadable.with_untracked(Option::is_some)
        || store.sync_notice.with_untracked(Option::is_some)
        || store.refusal.with_untracked(Option::is_some))
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(page_copy, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn copying_part(store: WorkbookStore) -> Result<(), PartLoadError> {
    if worth_copying(store) {
        take(store);
    }
    Ok(())
}

/// Takes the copy now, or forgets the last one when this page should not be
/// copied (what it shows is not all saved, or lasts only for this visit).
/// The page is read through the browser's objects by name, as typed
/// bindings would each add to the glue every visitor downloads first.
fn take(store: WorkbookStore) {
    let Some(revision) = copyable_revision(store) else {
        return;
    };
    let document: JsValue = document().into();
    let address = normal_address(&text(&get(&get(&document, "location"), "hash")));
    let link = first(&document, "link[rel=\"modulepreload\"]");
    let build = text(&call(&link, "getAttribute", &["href".into()]).unwrap_or_default());
    // A page still opening, or one that could not open, is not worth drawing again.
    if build.is_empty() || !first(&document, "main [aria-busy=\"true\"]").is_null() {
        return;
    }
    let html = page_html(&get(&document, "body")).filter(|html| html.len() <= LARGEST_COPY);
    let Some(html) = html else {
        storage::forget_page_copy();
        return;
    };
    let day = crate::model::common::dates::input_value(super::browser::today());
    storage::keep_page_copy(&format!(
        "{PAGE_COPY_FORMAT}\n{build}\n{revision}\n{day}\n{address}\n{html}"
    ));
}

/// `value` as text ("" when it is not).
fn text(value: &JsValue) -> String {
    value.as_string().unwrap_or_default()
}

/// The first element under `root` that `selector` matches, or null.
fn first(root: &JsValue, selector: &str) -> JsValue {
    call(root, "querySelector", &[selector.into()]).unwrap_or(JsValue::NULL)
}

/// The revision the copy is drawn from, as stored (`none` before the first
/// save), when the page shows only what is saved and nothing that lasts for
/// this visit alone.
fn copyable_revision(store: WorkbookStore) -> Option<String> {
    if !worth_copying(store) {
        return None;
    }
    let revision = store.doc.with_untracked(|d| d.revision);
    // What is on the page must be what is stored (another tab may have saved
    // a newer revision this page has not taken in yet).
    match storage::stored_revision() {
        Ok(Some(stored)) if stored == revision => Some(revision.to_string()),
        // Nothing stored (a first visit, or everything deleted): nothing to
        // copy, and no copy may outlive the workbook.
        Ok(None) => {
            storage::forget_page_copy();
            None
        }
        _ => None,
    }
}

/// `#/` for the home page however it was reached (`""`, `#`, `#/`).
pub fn normal_address(hash: &str) -> String {
    if hash.len() <= 1 {
        "#/".to_string()
    } else {
        hash.to_string()
    }
}

/// The app's part of the body as HTML, with what the user ticked or chose
/// written into it (a tick is a property, which HTML leaves out) and what
/// lasts only for this visit left out. None when a box holds typing: typed
/// text lives in the page until it is saved, and a copy must show only what
/// the app will draw.
fn page_html(body: &JsValue) -> Option<String> {
    // A page may say it shows something of this moment only (a question
    // being asked, "Everything has been deleted"); nor is a form's refusal
    // (its error summary and messages) copied.
    let not_copied = "[data-not-copied], .nhsuk-error-summary, .nhsuk-error-message";
    if body.is_falsy() || !first(body, not_copied).is_null() {
        return None;
    }
    let mut html = String::new();
    for child in js_sys::Array::from(&get(body, "children")).iter() {
        let tag = text(&get(&child, "tagName"));
        let id = text(&get(&child, "id"));
        if tag == "SCRIPT" || tag == "NOSCRIPT" || id == "app-shell" || id == "app-adopted" {
            continue;
        }
        let copy = call(&child, "cloneNode", &[true.into()]).ok()?;
        reflect_controls(&child, &copy)?;
        for left_out in [".app-undo", "#part-banners > *", ".app-new-version"] {
            for node in all(&copy, left_out) {
                let _ = call(&node, "remove", &[]);
            }
        }
        let status = first(&copy, "[data-save-state]");
        if !status.is_null() {
            set(&status, "textContent", &"".into());
        }
        html.push_str(&text(&get(&copy, "outerHTML")));
    }
    Some(html)
}

/// Every element under `root` that `selector` matches.
fn all(root: &JsValue, selector: &str) -> Vec<JsValue> {
    call(root, "querySelectorAll", &[selector.into()])
        .map(|found| js_sys::Array::from(&found).to_vec())
        .unwrap_or_default()
}

/// Writes each control's state into the copy's attributes (a tick, a choice
/// or a box's text is a property, which HTML leaves out); None when the user
/// has changed a form's box since it was drawn or sent.
fn reflect_controls(page: &JsValue, copy: &JsValue) -> Option<()> {
    let selector = "input, textarea, select";
    let shown = all(page, selector);
    let copies = all(copy, selector);
    if shown.len() != copies.len() {
        return None;
    }
    for (control, copied) in shown.into_iter().zip(copies) {
        if typed_in(&control) {
            return None;
        }
        match text(&get(&control, "type")).as_str() {
            "radio" | "checkbox" => mark(&copied, "checked", get(&control, "checked").is_truthy()),
            "file" | "hidden" | "button" | "submit" | "reset" => {}
            "select-one" | "select-multiple" => {
                for (option, copied) in all(&control, "option").iter().zip(all(&copied, "option")) {
                    mark(&copied, "selected", get(option, "selected").is_truthy());
                }
            }
            "textarea" => set(&copied, "textContent", &get(&control, "value")),
            _ => {
                let _ = call(
                    &copied,
                    "setAttribute",
                    &["value".into(), get(&control, "value")],
                );
            }
        }
    }
    Some(())
}

/// Sets or removes a true-or-false attribute.
fn mark(element: &JsValue, attribute: &str, on: bool) {
    let _ = if on {
        call(element, "setAttribute", &[attribute.into(), "".into()])
    } else {
        call(element, "removeAttribute", &[attribute.into()])
    };
}
