//! A commitment's delivery records: whether it was delivered on time, late or not, each time it was due.
//! (Being built: issue 26.)

use leptos::prelude::*;

use crate::ui::components::Title;

#[component]
pub fn EditDelivery() -> impl IntoView {
    view! { <Title text="EditDelivery" /> <h1>"EditDelivery"</h1> }
}

/// A commitment's delivery records and the form to add one.
#[component]
pub fn DeliveryRecords(#[prop(into)] commitment_id: Signal<String>) -> impl IntoView {
    let _ = commitment_id;
    view! { <h2>"Delivery"</h2> }
}
