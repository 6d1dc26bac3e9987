//! An option's page: its figures year by year with the Green Book's
//! appraisal, the sensitivity tests, its benefits that are not money, and
//! its risks. (Being built.)

use leptos::prelude::*;

#[component]
pub fn OptionPage() -> impl IntoView {
    view! { <h1>"Option"</h1> }
}
