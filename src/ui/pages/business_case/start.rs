//! (Being built.)

use leptos::prelude::*;

#[component]
pub fn StartCase() -> impl IntoView {
    view! { <h1>"StartCase"</h1> }
}
