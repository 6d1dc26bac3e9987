//! (Being built.)

use leptos::prelude::*;

#[component]
pub fn CaseDetails() -> impl IntoView {
    view! { <h1>"CaseDetails"</h1> }
}
