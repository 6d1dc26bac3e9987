//! An area's own stylesheet, fetched with its part of the module the first
//! time one of its pages opens, so the first download carries no rule only
//! that area uses (scripts/trim-css.mjs builds each one and names it in
//! index.html: `<meta name="app-area-styles" content="group=area-group-….css">`).
//!
//! The link is added as the area's page is asked for, so the stylesheet is
//! fetched while the area's part is; the page is not drawn before its part
//! arrives, and the stylesheet, a small fraction of the part's size, is there
//! first. Not waiting for it keeps the first download free of the code to wait.

/// Adds `area`'s stylesheet to the page, once; nothing for an area without one.
pub fn load(area: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(file) = sheet_of(&document, area) else {
        return;
    };
    let selector = format!("link[data-area-styles=\"{area}\"]");
    if let Ok(Some(_)) = document.query_selector(&selector) {
        return;
    }
    let (Ok(link), Ok(Some(head))) = (
        document.create_element("link"),
        document.query_selector("head"),
    ) else {
        return;
    };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", &file);
    let _ = link.set_attribute("data-area-styles", area);
    let _ = head.append_child(&link);
}

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
