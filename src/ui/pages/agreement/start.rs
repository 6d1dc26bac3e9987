//! Starting an agreement.
//! (Being built: issue 26.)

use leptos::prelude::*;

use crate::ui::components::Title;

#[component]
pub fn StartAgreement() -> impl IntoView {
    view! { <Title text="StartAgreement" /> <h1>"StartAgreement"</h1> }
}
