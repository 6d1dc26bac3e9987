use leptos::prelude::*;
use leptos_meta::Title;

use crate::ui::components::NotBuiltYet;

#[component]
pub fn PlacementLog() -> impl IntoView {
    view! {
        <Title text="Placement log" />
        <h1>"Placement log"</h1>
        <p>
            "For GP trainees on a four-month placement in a commissioning organisation: your placement, your commissioning project, dated activity with reflections, and an end-of-placement summary."
        </p>
        <NotBuiltYet>
            <p>"The placement log is not built yet. Nothing can be entered here today."</p>
        </NotBuiltYet>
    }
}
