use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AnswerDomain() -> impl IntoView {
    view! {
        <Title text="Self-assessment" />
        <h1>"Self-assessment"</h1>
    }
}
