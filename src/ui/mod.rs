//! The Leptos front end. Pages read the workbook from the store
//! (`WorkbookStore`, state and reads) and send the user's intent to the model
//! as named changes through the saver (`Saver`), the one writer of it and of
//! the browser's storage.

mod area_styles;
mod browser;
mod components;
mod js_object;
mod linked_file;
mod offline;
mod page_copy;
mod pages;
mod picked_files;
mod routing;
mod saver;
pub mod storage;
mod store;
mod web_crypto;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use components::{SaveAnnouncer, StorageAlerts};
use pages::areas::{NAVIGATION, ROUTES};
use routing::{CurrentPage, A};
use saver::Saver;
use store::WorkbookStore;

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    // At a deep link, the app waits for the page's area (index.html asked for
    // its parts alongside the main part) and then draws the page in one go:
    // set up first, the app would keep the main thread busy reading the
    // workbook while the area's part waited to be instantiated, and then draw
    // twice. index.html's shell says the workbook is opening meanwhile. If the
    // part cannot be fetched, the page says so when it is drawn.
    let area = routing::area_at_start(ROUTES);
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(area) = area {
            (area.fetch)().await;
        }
        // A workbook this version saved is read at once; an older one (to
        // migrate) or unreadable text needs code the release build fetches.
        let startup = match storage::first_look() {
            storage::FirstLook::Ready(startup) => startup,
            storage::FirstLook::Unusual(raw) => storage::load_unusual(raw).await,
        };
        // The shell, or the copy of the page last shown (`page_copy`), stood
        // in for the app while the WebAssembly loaded; the app draws the page
        // in its place in this same task, so no frame shows neither.
        for stand_in in ["app-shell", "app-adopted"] {
            if let Some(element) = document().get_element_by_id(stand_in) {
                element.remove();
            }
        }
        leptos::mount::mount_to_body(move || view! { <App startup /> });
    });
}

#[component]
fn App(startup: storage::Startup) -> impl IntoView {
    routing::provide_router(ROUTES);
    let store = WorkbookStore::start(startup);
    provide_context(store);
    provide_context(Saver::new(store));
    provide_context(offline::start());
    page_copy::keep_up(store);

    view! {
        <FocusHeadingOnNavigate />
        <a class="nhsuk-skip-link" href="#maincontent">"Skip to main content"</a>
        <Header />
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                <offline::NewVersionNotice />
                <SaveAnnouncer />
                <StorageAlerts />
                <CurrentPage
                    routes=ROUTES
                    fallback=|| view! { <pages::NotFound /> }.into_any()
                    opening=|| view! { <pages::Opening /> }.into_any()
                    could_not_open=|| view! { <pages::CouldNotOpen /> }.into_any()
                />
            </main>
        </div>
        <Footer />
    }
}

/// After each change of page (not the first load), moves focus to the new
/// page's main heading, so keyboard users start at the top of the new page
/// and screen readers announce it, as a full page load would.
#[component]
fn FocusHeadingOnNavigate() -> impl IntoView {
    let path = routing::use_path();
    Effect::new(move |previous: Option<String>| {
        let path = path.get();
        if previous.is_some_and(|p| p != path) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            focus_heading_when_drawn(path.clone(), FOCUS_WAIT_FRAMES);
        }
        path
    });
}

/// About ten seconds: the first page of an area waits for its part of the app
/// to be fetched; on a slow line that can take a while.
const FOCUS_WAIT_FRAMES: u32 = 600;

/// Focuses the new page's main heading once it is drawn, a frame at a time, as
/// long as the user is still on `path`.
fn focus_heading_when_drawn(path: String, frames_left: u32) {
    request_animation_frame(move || {
        if routing::current_path() != path {
            return;
        }
        let heading = document().query_selector("main h1").ok().flatten();
        match heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(heading) => {
                let _ = heading.set_attribute("tabindex", "-1");
                let _ = heading.focus();
            }
            None if frames_left > 0 => focus_heading_when_drawn(path, frames_left - 1),
            None => {}
        }
    });
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="nhsuk-header" role="banner">
            <div class="nhsuk-header__container nhsuk-width-container">
                <div class="nhsuk-header__service">
                    <A href="/" attr:class="nhsuk-header__service-logo">
                        <span class="nhsuk-header__service-name">"Commissioning Workbook"</span>
                    </A>
                </div>
            </div>
            <nav class="nhsuk-header__navigation" aria-label="Workbook areas">
                <div class="nhsuk-header__navigation-container nhsuk-width-container">
                    <ul class="nhsuk-header__navigation-list">
                        {NAVIGATION
                            .iter()
                            .map(|&(href, label)| {
                                view! {
                                    <li class="nhsuk-header__navigation-item">
                                        <A href=href attr:class="nhsuk-header__navigation-link">
                                            {label}
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </nav>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <p class="nhsuk-body-s">
                    "Everything you enter stays in this browser. Nothing is sent anywhere. "
                    <A href="/your-data">"Back up or restore your data"</A>
                    " · "
                    <A href="/about">"About and sources"</A>
                </p>
            </div>
        </footer>
    }
}
