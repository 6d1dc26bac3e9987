//! An option's form: its name, what it is, its benefits that are not money,
//! and its costs and savings in a row of boxes for each year. (Being built.)

use leptos::prelude::*;

#[component]
pub fn NewOption() -> impl IntoView {
    view! { <h1>"Add an option"</h1> }
}

#[component]
pub fn EditOption() -> impl IntoView {
    view! { <h1>"Change the option"</h1> }
}
