//! A risk's form: what could go wrong, its likelihood and impact on the
//! NPSA's five-by-five matrix, its owner and mitigation. (Being built.)

use leptos::prelude::*;

#[component]
pub fn NewRisk() -> impl IntoView {
    view! { <h1>"Add a risk"</h1> }
}

#[component]
pub fn EditRisk() -> impl IntoView {
    view! { <h1>"Change the risk"</h1> }
}
