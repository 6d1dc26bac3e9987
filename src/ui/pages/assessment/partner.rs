use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PartnerComparison() -> impl IntoView {
    view! {
        <Title text="Compare with your partner" />
        <h1>"Compare with your partner"</h1>
    }
}

/// Imports a partner's exported assessment (embedded in the overview page).
#[component]
pub fn ImportPartner() -> impl IntoView {
    view! { <p>"Import is not built yet."</p> }
}
