//! An agreement's versions: sending one to the other party, reading theirs and settling its changes clause by clause, and marking one agreed.
//! (Being built: issue 26.)

use leptos::prelude::*;

use crate::ui::components::Title;

#[component]
pub fn Versions() -> impl IntoView {
    view! { <Title text="Versions" /> <h1>"Versions"</h1> }
}
