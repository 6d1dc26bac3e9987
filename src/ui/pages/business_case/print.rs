//! The case printed: a one-page summary for a commissioning executive
//! committee, and the full case. (Being built.)

use leptos::prelude::*;

#[component]
pub fn PrintSummary() -> impl IntoView {
    view! { <h1>"Summary"</h1> }
}

#[component]
pub fn PrintCase() -> impl IntoView {
    view! { <h1>"Business case"</h1> }
}
