//! (Being built.)

use leptos::prelude::*;

#[component]
pub fn CasePage() -> impl IntoView {
    view! { <h1>"CasePage"</h1> }
}
