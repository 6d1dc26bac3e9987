//! An agreement's review meetings: recording one, and changing or deleting one.
//! (Being built: issue 26.)

use leptos::prelude::*;

use crate::ui::components::Title;

#[component]
pub fn Reviews() -> impl IntoView {
    view! { <Title text="Reviews" /> <h1>"Reviews"</h1> }
}

#[component]
pub fn EditReviewMeeting() -> impl IntoView {
    view! { <Title text="EditReviewMeeting" /> <h1>"EditReviewMeeting"</h1> }
}
