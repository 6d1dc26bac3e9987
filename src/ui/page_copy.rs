//! A copy of the page last shown, as the app drew it, so the next visit can
//! show it before the app has started (issue 28: "adopt the page instead of
//! rebuilding it"). index.html's adoption script draws the copy in place of
//! the shell, inert, when everything it was drawn from still holds: the same
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

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::js_object::{call, get, set};
use super::storage;
use super::store::WorkbookStore;

/// The copy's first line; a different one is never drawn.
pub const PAGE_COPY_FORMAT: &str = "commissioning-workbook.page-copy:1";

/// A larger page (a placement log of thousands of entries) is not copied:
/// the copy would take more of the browser's storage than it is worth.
const LARGEST_COPY: usize = 1_000_000;

/// How long the browser may wait before it finds idle time for a copy.
const COPY_WITHIN_MS: f64 = 2000.0;

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
    std::mem::forget(window_event_listener(leptos::ev::input, |event| {
        if let Some(target) = event.target() {
            let target: JsValue = target.into();
            let form = get(&target, "form");
            if !form.is_null() && !form.is_undefined() {
                TYPED.with(|typed| typed.borrow_mut().push(target));
            }
        }
    }));
    std::mem::forget(window_event_listener(leptos::ev::submit, |event| {
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
    let window: JsValue = window().into();
    let take_it = move || {
        WAITING.with(|w| w.set(false));
        take(store);
    };
    if get(&window, "requestIdleCallback").is_function() {
        let options = js_sys::Object::new();
        set(&options, "timeout", &COPY_WITHIN_MS.into());
        let callback = wasm_bindgen::closure::Closure::once_into_js(take_it);
        if call(&window, "requestIdleCallback", &[callback, options.into()]).is_err() {
            WAITING.with(|w| w.set(false));
        }
    } else {
        set_timeout(take_it, std::time::Duration::from_millis(200));
    }
}

/// Takes the copy now, or forgets the last one when this page should not be
/// copied (what it shows is not all saved, or lasts only for this visit).
fn take(store: WorkbookStore) {
    let Some(revision) = copyable_revision(store) else {
        return;
    };
    let document = document();
    let location = window().location();
    let address = normal_address(&location.hash().unwrap_or_default());
    let build = document
        .query_selector("link[rel=\"modulepreload\"]")
        .ok()
        .flatten()
        .and_then(|link| link.get_attribute("href"));
    let (Some(build), Some(body)) = (build, document.body()) else {
        return;
    };
    // A page still opening, or one that could not open, is not worth drawing again.
    if document
        .query_selector("main [aria-busy=\"true\"]")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let Some(html) = page_html(&body) else {
        storage::forget_page_copy();
        return;
    };
    if html.len() > LARGEST_COPY {
        storage::forget_page_copy();
        return;
    }
    let day = super::browser::today().format("%Y-%m-%d");
    storage::keep_page_copy(&format!(
        "{PAGE_COPY_FORMAT}\n{build}\n{revision}\n{day}\n{address}\n{html}"
    ));
}

/// The revision the copy is drawn from, as stored (`none` before the first
/// save), when the page shows only what is saved and nothing that lasts for
/// this visit alone.
fn copyable_revision(store: WorkbookStore) -> Option<String> {
    let passing = store.save_status.with_untracked(|s| s.pending)
        || store.saving_blocked.with_untracked(Option::is_some)
        || store.save_error.with_untracked(Option::is_some)
        || store.unreadable.with_untracked(Option::is_some)
        || store.sync_notice.with_untracked(Option::is_some)
        || store.refusal.with_untracked(Option::is_some);
    if passing {
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
fn page_html(body: &web_sys::HtmlElement) -> Option<String> {
    // A page may say it shows something of this moment only (a question
    // being asked, "Everything has been deleted").
    // Nor is a form's refusal (its error summary and messages).
    let not_copied = "[data-not-copied], .nhsuk-error-summary, .nhsuk-error-message";
    if body.query_selector(not_copied).ok().flatten().is_some() {
        return None;
    }
    let mut html = String::new();
    let children = body.children();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        let tag = child.tag_name();
        if tag == "SCRIPT"
            || tag == "NOSCRIPT"
            || child.id() == "app-shell"
            || child.id() == "app-adopted"
        {
            continue;
        }
        let copy: web_sys::Element = child.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
        reflect_controls(&child, &copy)?;
        for left_out in [".app-undo", "#part-banners > *", ".app-new-version"] {
            for node in all(&copy, left_out)? {
                let _ = call(&node, "remove", &[]);
            }
        }
        if let Ok(Some(status)) = copy.query_selector("[data-save-state]") {
            status.set_text_content(None);
        }
        html.push_str(&copy.outer_html());
    }
    Some(html)
}

/// Every element under `root` that `selector` matches.
fn all(root: &web_sys::Element, selector: &str) -> Option<Vec<JsValue>> {
    let found = call(root, "querySelectorAll", &[selector.into()]).ok()?;
    Some(js_sys::Array::from(&found).to_vec())
}

/// Writes each control's state into the copy's attributes (a tick, a choice
/// or a box's text is a property, which HTML leaves out); None when the user
/// has changed a form's box since it was drawn or sent.
fn reflect_controls(page: &web_sys::Element, copy: &web_sys::Element) -> Option<()> {
    let selector = "input, textarea, select";
    let shown = all(page, selector)?;
    let copies = all(copy, selector)?;
    if shown.len() != copies.len() {
        return None;
    }
    for (control, copied) in shown.into_iter().zip(copies) {
        if typed_in(&control) {
            return None;
        }
        let copied: web_sys::Element = copied.dyn_into().ok()?;
        let kind = get(&control, "type").as_string().unwrap_or_default();
        match kind.as_str() {
            "radio" | "checkbox" => {
                let ticked = get(&control, "checked").as_bool() == Some(true);
                mark(&copied, "checked", ticked)?;
            }
            "file" | "hidden" | "button" | "submit" | "reset" => {}
            "select-one" | "select-multiple" => {
                let options = all(&control.clone().dyn_into().ok()?, "option")?;
                for (option, copied) in options.iter().zip(all(&copied, "option")?) {
                    let chosen = get(option, "selected").as_bool() == Some(true);
                    mark(&copied.dyn_into().ok()?, "selected", chosen)?;
                }
            }
            "textarea" => copied.set_text_content(get(&control, "value").as_string().as_deref()),
            _ => {
                let value = get(&control, "value").as_string().unwrap_or_default();
                copied.set_attribute("value", &value).ok()?;
            }
        }
    }
    Some(())
}

/// Sets or removes a true-or-false attribute.
fn mark(element: &web_sys::Element, attribute: &str, on: bool) -> Option<()> {
    if on {
        element.set_attribute(attribute, "").ok()
    } else {
        element.remove_attribute(attribute).ok()
    }
}
