//! An area's own stylesheet, fetched with its part of the module the first
//! time one of its pages opens, so the first download carries no rule only
//! that area uses (scripts/trim-css.mjs builds each one and names it in
//! index.html: `<meta name="app-area-styles" content="group=area-group-….css,area-group-app-….css">`).
//!
//! The link is added as the area's page is asked for, so the stylesheet is
//! fetched while the area's part is; the page is not drawn before its part
//! arrives, and the stylesheet, a small fraction of the part's size, is there
//! first. Not waiting for it keeps the first download free of the code to wait.

/// Adds `area`'s stylesheets to the page, once; nothing for an area without.
/// An area has two: its share of the design system's rules, linked after the
/// main stylesheet's design-system half and before its half of the app's own
/// rules (`#app-styles`), and its share of the app's own, linked last; so
/// every rule keeps its place in the order of the whole stylesheet (at a
/// deep link, index.html's preload script has fetched both already).
pub fn load(area: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some((design, app)) = sheets_of(&document, area) else {
        return;
    };
    let Ok(Some(head)) = document.query_selector("head") else {
        return;
    };
    // The main stylesheet's second half, the app's own rules (trim-css.mjs).
    let app_styles = document.query_selector("#app-styles").ok().flatten();
    for (file, before) in [(design, app_styles.as_ref()), (app, None)] {
        // Linked already, by an earlier page of the area.
        let linked = format!("link[rel=stylesheet][href=\"{file}\"]");
        if file == "-" || matches!(document.query_selector(&linked), Ok(Some(_))) {
            continue;
        }
        let Ok(link) = document.create_element("link") else {
            return;
        };
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &file);
        let _ = link.set_attribute("data-area-styles", area);
        let _ = head.insert_before(&link, before.map(|b| b.as_ref()));
    }
}

/// The files of `area`'s two stylesheets, as the build named them ("-" for
/// none); none when the area has none.
fn sheets_of(document: &web_sys::Document, area: &str) -> Option<(String, String)> {
    let meta = document
        .query_selector("meta[name=app-area-styles]")
        .ok()??;
    let content = meta.get_attribute("content")?;
    content.split_whitespace().find_map(|pair| {
        let (name, files) = pair.split_once('=')?;
        let (design, app) = files.split_once(',')?;
        (name == area).then(|| (design.to_string(), app.to_string()))
    })
}
