//! A commitment.
//! (Being built: issue 26.)

use leptos::prelude::*;

use crate::ui::components::Title;

#[component]
pub fn NewCommitment() -> impl IntoView {
    view! { <Title text="NewCommitment" /> <h1>"NewCommitment"</h1> }
}

#[component]
pub fn CommitmentPage() -> impl IntoView {
    view! { <Title text="CommitmentPage" /> <h1>"CommitmentPage"</h1> }
}
