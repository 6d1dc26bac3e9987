use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn About() -> impl IntoView {
    view! {
        <Title text="About" />
        <h1>"About this workbook"</h1>
        <h2>"Privacy: nothing leaves this browser"</h2>
        <p>
            "The workbook runs entirely in your web browser. What you enter is kept in this browser's local storage on this device and is never sent anywhere. It leaves the browser only when you download a backup or an export yourself."
        </p>
        <h2>"Where the content comes from"</h2>
        <p>
            "The workbook is drawn from five articles on clinical and practice-based commissioning in the NHS in England, published in 2009 and 2010. Each framework statement in the self-assessment says which article it comes from."
        </p>
    }
}
