//! Small wrappers over browser APIs the pages need: file download, file reading,
//! copying to the clipboard, and today's date and time zone. Kept here so
//! pages stay about what the user sees.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Offset, Utc};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::model::common::dates::{clock_time, long_date};

/// Today in the user's own time zone, for dates they see and type.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A moment in the user's own time zone, the NHS way: "24 November 2026 at 09:15".
pub fn local_date_time(at: impl Into<chrono::DateTime<chrono::Utc>>) -> String {
    let local = at.into().with_timezone(&Local);
    format!(
        "{} at {}",
        long_date(local.date_naive()),
        clock_time(&local)
    )
}

/// The user's offset from UTC at `at`, as their browser's time zone gives it
/// (an hour ahead in British Summer Time, none in winter).
pub fn offset_at(at: DateTime<Utc>) -> FixedOffset {
    at.with_timezone(&Local).offset().fix()
}

/// Puts `text` on the clipboard. False when the browser has no clipboard
/// here (an address not served securely) or refuses (the user or a policy
/// blocked it): the page then offers the text to copy by hand.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    // `navigator.clipboard` is missing outside a secure context; calling it
    // there would throw.
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// Offers `text` to the user as a file download named `file_name`.
pub fn download_text(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    fn inner(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = Url::create_object_url_with_blob(&blob)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        // Revoke later: revoking at once can cancel the download in some browsers.
        leptos::prelude::set_timeout(
            move || {
                let _ = Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(10),
        );
        Ok(())
    }
    inner(file_name, text, mime).map_err(|_| "Your browser did not allow the download.".to_string())
}

/// Reads the first file chosen in a file input as text.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
) -> Option<Result<(String, String), String>> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    // Refused before reading: a huge file would hold up the page for nothing.
    let size = file.size();
    if size > crate::model::files::formats::MAX_IMPORT_BYTES as f64 {
        let error = crate::model::files::ReadError::TooLarge {
            bytes: size as usize,
        };
        return Some(Err(format!("{name}: {error}")));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
    Some(match text.ok().and_then(|v| v.as_string()) {
        Some(text) => Ok((name, text)),
        None => Err(format!("The file {name} could not be read.")),
    })
}

/// Opens the browser's print dialogue (the page's print styles leave out
/// the controls).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Runs `then` in the browser's idle time, at most `within` from now
/// (`requestIdleCallback`); in a browser without it (Safari), after
/// `without_idle_after`. False when the browser refused the request, so
/// `then` will not run.
pub fn when_idle(
    within: std::time::Duration,
    without_idle_after: std::time::Duration,
    then: impl FnOnce() + 'static,
) -> bool {
    use crate::ui::js_object::{call, get, set};
    let window: JsValue = leptos::prelude::window().into();
    if !get(&window, "requestIdleCallback").is_function() {
        leptos::prelude::set_timeout(then, without_idle_after);
        return true;
    }
    let options = js_sys::Object::new();
    set(&options, "timeout", &(within.as_millis() as f64).into());
    let callback = wasm_bindgen::closure::Closure::once_into_js(then);
    call(&window, "requestIdleCallback", &[callback, options.into()]).is_ok()
}
