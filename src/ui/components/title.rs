//! The browser tab's title for each page.

use leptos::prelude::*;

/// Names the page in the browser tab, "Your data – Commissioning Workbook",
/// while it is shown, following the text if it changes. Each page has one.
/// (leptos_meta does this too, but its machinery for server rendering and the
/// rest of `<head>` was a share of the first download this app has no use for.)
#[component]
pub fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    Effect::new(move |_| {
        document().set_title(&format!("{} – Commissioning Workbook", text.get()));
    });
}
