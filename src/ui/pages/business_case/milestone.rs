//! (Being built.)

use leptos::prelude::*;

#[component]
pub fn NewMilestone() -> impl IntoView {
    view! { <h1>"Add a milestone"</h1> }
}

#[component]
pub fn EditMilestone() -> impl IntoView {
    view! { <h1>"Change the milestone"</h1> }
}
