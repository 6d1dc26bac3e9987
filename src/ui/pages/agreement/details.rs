//! An agreement's details.
//! (Being built: issue 26.)

use leptos::prelude::*;

use crate::ui::components::Title;

#[component]
pub fn AgreementDetails() -> impl IntoView {
    view! { <Title text="AgreementDetails" /> <h1>"AgreementDetails"</h1> }
}
