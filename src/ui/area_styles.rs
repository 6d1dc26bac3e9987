//! An area's own stylesheet, fetched with its part of the module the first
//! time one of its pages opens, so the first download carries no rule only
//! that area uses (scripts/trim-css.mjs builds each one and names it in
//! index.html: `<meta name="app-area-styles" content="group=area-group-….css">`).
//! The page is drawn once the stylesheet has loaded, or failed to: offline
//! before it was ever cached, the page still works, only less styled.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The file of `area`'s stylesheet, as the build named it; none when it has none.
fn sheet_of(document: &web_sys::Document, area: &str) -> Option<String> {
    let meta = document
        .query_selector("meta[name=app-area-styles]")
        .ok()??;
    let content = meta.get_attribute("content")?;
    content.split_whitespace().find_map(|pair| {
        let (name, file) = pair.split_once('=')?;
        (name == area).then(|| file.to_string())
    })
}

/// Adds `area`'s stylesheet to the page (once), at once, so it is fetched
/// while the area's part is; the result is awaited before the page is drawn.
pub fn load(area: &str) -> Loading {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Loading(None);
    };
    let Some(file) = sheet_of(&document, area) else {
        return Loading(None);
    };
    let selector = format!("link[data-area-styles=\"{area}\"]");
    if let Ok(Some(link)) = document.query_selector(&selector) {
        // Added already: loaded, or still loading for a page opened a moment ago.
        return Loading((link.get_attribute("data-loaded").is_none()).then(|| wait_for(&link)));
    }
    let (Ok(link), Ok(Some(head))) = (
        document.create_element("link"),
        document.query_selector("head"),
    ) else {
        return Loading(None);
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &file);
    let _ = link.set_attribute("data-area-styles", area);
    let loading = wait_for(&link);
    let _ = head.append_child(&link);
    Loading(Some(loading))
}

/// A stylesheet being fetched, or none to wait for.
pub struct Loading(Option<wasm_bindgen_futures::JsFuture>);

impl Loading {
    pub async fn done(self) {
        if let Some(loading) = self.0 {
            let _ = loading.await;
        }
    }
}

/// Resolves when `link` has loaded or failed to; marks it loaded then, so a
/// later page of the area does not wait for an event that has passed.
fn wait_for(link: &web_sys::Element) -> wasm_bindgen_futures::JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let marked = link.clone();
        let done = Closure::once_into_js(move || {
            let _ = marked.set_attribute("data-loaded", "");
            let _ = resolve.call0(&JsValue::NULL);
        });
        for event in ["load", "error"] {
            let _ = link.add_event_listener_with_callback(event, done.unchecked_ref());
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise)
}
