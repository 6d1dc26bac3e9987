//! Pages that stand in for another: an address that is no page, and an area
//! that is opening or could not be fetched.

use crate::ui::components::Title;
use crate::ui::routing::A;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <h1>"Page not found"</h1>
        <p>"If you typed the web address, check it is correct."</p>
        <p>
            <A href="/">"Go to the workbook home page"</A>
        </p>
    }
}

/// Shown while an area's part of the app is fetched (`pages::areas`): usually
/// for a moment, the first time one of its pages is opened.
#[component]
pub fn Opening() -> impl IntoView {
    view! { <p class="nhsuk-body" aria-busy="true">"Opening…"</p> }
}

/// An area's part of the app could not be fetched: offline before it was ever
/// downloaded, or the server cannot be reached.
#[component]
pub fn CouldNotOpen() -> impl IntoView {
    let try_again = |_| {
        let _ = window().location().reload();
    };
    view! {
        <Title text="This page could not be opened" />
        <h1>"This page could not be opened"</h1>
        <p>
            "This part of the workbook has not been downloaded to this browser yet, and the "
            "server cannot be reached. Everything you have entered is safe in this browser."
        </p>
        <p>"Check your connection, then try again."</p>
        <button class="nhsuk-button" type="button" on:click=try_again>
            "Try again"
        </button>
    }
}
