//! A commitment's delivery records: whether it was delivered on time, late or not, each time it was due.
//! (Being built: issue 26.)

use leptos::prelude::*;

use crate::ui::components::Title;

#[component]
pub fn EditDelivery() -> impl IntoView {
    view! { <Title text="EditDelivery" /> <h1>"EditDelivery"</h1> }
}
