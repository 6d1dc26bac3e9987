//! (Being built.)

use leptos::prelude::*;

#[component]
pub fn BusinessCases() -> impl IntoView {
    view! { <h1>"BusinessCases"</h1> }
}
