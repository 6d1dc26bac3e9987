//! Working offline: registers the service worker (`sw.js`, written into each
//! build by `scripts/add-service-worker.mjs`), which keeps a copy of the app so
//! it starts with no network, and tells the user when a new version has taken
//! over so they can reload into it.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Whether a new version of the app took over this page while it was open.
#[derive(Clone, Copy)]
pub struct NewVersion(ReadSignal<bool>);

/// Registers the service worker once the page has loaded and the app is drawn
/// (so its download of the app's files never competes with the app's own
/// start), and listens for a new version taking over. Does nothing where
/// service workers are not available: plain `http://` (other than localhost)
/// or a browser that has them switched off. The app then still works, only
/// not offline.
pub fn start() -> NewVersion {
    let (taken_over, set_taken_over) = signal(false);
    let window = window();
    let navigator = window.navigator();
    let available = window.is_secure_context()
        && js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !available {
        return NewVersion(taken_over);
    }
    let container = navigator.service_worker();
    // The first install also takes over the page; that is no news. Only a page
    // that was already served by a worker is getting a new version.
    if container.controller().is_some() {
        let on_change = Closure::<dyn FnMut()>::new(move || set_taken_over.set(true));
        let _ = container.add_event_listener_with_callback(
            "controllerchange",
            on_change.as_ref().unchecked_ref(),
        );
        on_change.forget();
    }
    let register = move || {
        // After the frame that draws the app: the page has usually finished
        // loading before the app starts (its WebAssembly compiles while the
        // page loads), and registering takes the main thread for a while.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let registered = container.register("sw.js");
                    // A failed registration (say, the host does not serve
                    // sw.js) only means no offline copy; it is not an error
                    // the user can act on.
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = wasm_bindgen_futures::JsFuture::from(registered).await;
                    });
                },
                std::time::Duration::ZERO,
            )
        });
    };
    if document().ready_state() == "complete" {
        register();
    } else {
        let register = std::cell::Cell::new(Some(register));
        std::mem::forget(window_event_listener(leptos::ev::load, move |_| {
            if let Some(register) = register.take() {
                register();
            }
        }));
    }
    NewVersion(taken_over)
}

/// Above every page once a new version has taken over: the page still runs
/// the old version until it is reloaded. Nothing entered is lost by reloading,
/// since every change is already saved.
#[component]
pub fn NewVersionNotice() -> impl IntoView {
    let NewVersion(taken_over) = expect_context::<NewVersion>();
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <div role="status">
            <Show when=move || taken_over.get()>
                <div class="nhsuk-inset-text app-new-version no-print">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <h2 class="nhsuk-heading-s">"A new version of the workbook is ready"</h2>
                    <p>
                        "It will be used the next time you open the workbook. Your entries are saved and "
                        "stay as they are. To use the new version now, reload this page."
                    </p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" on:click=reload>
                        "Reload to use the new version"
                    </button>
                </div>
            </Show>
        </div>
    }
}
