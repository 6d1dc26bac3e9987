//! Sharing a case: its file to send, its figures as CSV, and taking in a
//! case someone else shared. (Being built.)

use leptos::prelude::*;

/// On a case's page: download its file to share, and its figures as CSV.
#[component]
pub fn ShareCase(#[prop(into)] case_id: Signal<String>) -> impl IntoView {
    let _ = case_id;
    view! { <h2>"Share the case"</h2> }
}

/// On the list: add a case someone shared as a file.
#[component]
pub fn ReceiveCase() -> impl IntoView {
    view! { <h2>"Add a business case someone shared"</h2> }
}
