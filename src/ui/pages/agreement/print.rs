//! The agreement printed for signing, and the one-page delivery report for a review meeting.
//! (Being built: issue 26.)

use leptos::prelude::*;

use crate::ui::components::Title;

#[component]
pub fn PrintAgreement() -> impl IntoView {
    view! { <Title text="PrintAgreement" /> <h1>"PrintAgreement"</h1> }
}

#[component]
pub fn DeliveryReportPage() -> impl IntoView {
    view! { <Title text="DeliveryReportPage" /> <h1>"DeliveryReportPage"</h1> }
}
