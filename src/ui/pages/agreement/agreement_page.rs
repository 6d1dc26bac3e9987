//! An agreement's page.
//! (Being built: issue 26.)

use leptos::prelude::*;

use crate::ui::components::Title;

#[component]
pub fn AgreementPage() -> impl IntoView {
    view! { <Title text="AgreementPage" /> <h1>"AgreementPage"</h1> }
}
