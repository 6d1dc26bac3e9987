use leptos::prelude::*;
use leptos_meta::Title;

use crate::ui::components::NotBuiltYet;

#[component]
pub fn SelfAssessment() -> impl IntoView {
    view! {
        <Title text="Self-assessment" />
        <h1>"Partnership readiness self-assessment"</h1>
        <p>
            "Assess how ready your commissioning partnership between clinicians and managers is, see where it is strong and weak, and compare your view with your partner's."
        </p>
        <NotBuiltYet>
            <p>"The self-assessment is not built yet. Nothing can be entered here today."</p>
        </NotBuiltYet>
    }
}
