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
/// deep link, index.html's preload script has fetched both already). The
/// linking is index.html's `appAreaStyles`, a few lines of script there
/// costing less than the same work here in the first download.
pub fn load(area: &str) {
    if let Some(w) = web_sys::window() {
        let _ = crate::ui::js_object::call(&w, "appAreaStyles", &[area.into()]);
    }
}
