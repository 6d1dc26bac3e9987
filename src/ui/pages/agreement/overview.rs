//! The support agreements' first page.
//! (Being built: issue 26.)

use leptos::prelude::*;

use crate::ui::components::Title;

#[component]
pub fn SupportAgreements() -> impl IntoView {
    view! { <Title text="SupportAgreements" /> <h1>"SupportAgreements"</h1> }
}
