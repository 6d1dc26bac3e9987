//! Pieces several pages share, following NHS.UK design system patterns.

use leptos::prelude::*;

use super::browser;
use super::state::use_state;
use crate::model::validation::FieldError;

/// Warnings about storage, shown above every page: data that could not be
/// read at start, and a save that failed.
#[component]
pub fn StorageAlerts() -> impl IntoView {
    let state = use_state();
    let download_unreadable = move |_| {
        if let Some(notice) = state.unreadable.get_untracked() {
            let name = format!("commissioning-workbook-unreadable-{}.txt", browser::today());
            let _ = browser::download_text(&name, &notice.raw, "text/plain");
        }
    };
    view! {
        {move || {
            state
                .unreadable
                .get()
                .map(|notice| {
                    let has_raw = !notice.raw.is_empty();
                    view! {
                        <div class="nhsuk-warning-callout" role="alert">
                            <h2 class="nhsuk-warning-callout__label">
                                <span role="text">
                                    <span class="nhsuk-u-visually-hidden">"Important: "</span>
                                    "Your saved workbook could not be read"
                                </span>
                            </h2>
                            <p>{notice.reason.clone()}</p>
                            {match notice.kept_under.clone() {
                                Some(key) => view! {
                                    <p>
                                        "Nothing has been deleted: the unreadable data is kept in this browser under "
                                        <code>{key}</code>
                                        ". The workbook has started empty."
                                    </p>
                                }.into_any(),
                                None if has_raw => view! {
                                    <p>
                                        "The unreadable data could not be copied aside, so nothing will be saved until you reload after downloading it."
                                    </p>
                                }.into_any(),
                                None => ().into_any(),
                            }}
                            <Show when=move || has_raw>
                                <button
                                    type="button"
                                    class="nhsuk-button nhsuk-button--secondary"
                                    on:click=download_unreadable
                                >
                                    "Download the unreadable data"
                                </button>
                            </Show>
                            <button
                                type="button"
                                class="nhsuk-button nhsuk-button--secondary"
                                on:click=move |_| state.unreadable.set(None)
                            >
                                "Hide this message"
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            state
                .save_error
                .get()
                .map(|reason| {
                    view! {
                        <div class="nhsuk-error-summary" role="alert" aria-labelledby="save-error-title">
                            <h2 class="nhsuk-error-summary__title" id="save-error-title">
                                "Your latest change was not saved"
                            </h2>
                            <div class="nhsuk-error-summary__body">
                                <p>
                                    "It could not be saved in this browser because "
                                    {reason}
                                    ". Your data is still on this page: download a backup from "
                                    <a href="/your-data">"Your data"</a>
                                    " before you close it."
                                </p>
                            </div>
                        </div>
                    }
                })
        }}
    }
}

/// The NHS.UK error summary: a titled list of links to the fields with errors.
/// It takes focus when it appears so screen reader and keyboard users find it.
#[component]
pub fn ErrorSummary(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div
                class="nhsuk-error-summary"
                aria-labelledby="error-summary-title"
                role="alert"
                tabindex="-1"
                node_ref=summary
            >
                <h2 class="nhsuk-error-summary__title" id="error-summary-title">
                    "There is a problem"
                </h2>
                <div class="nhsuk-error-summary__body">
                    <ul class="nhsuk-list nhsuk-error-summary__list">
                        <For
                            each=move || errors.get()
                            key=|e| (e.field, e.message.clone())
                            children=|e| {
                                view! {
                                    <li>
                                        <a href=format!("#{}", e.field)>{e.message}</a>
                                    </li>
                                }
                            }
                        />
                    </ul>
                </div>
            </div>
        </Show>
    }
}

/// The error message shown above a field, if it has one.
#[component]
pub fn FieldErrorMessage(errors: Signal<Vec<FieldError>>, field: &'static str) -> impl IntoView {
    move || {
        errors.with(|errors| {
            crate::model::validation::message_for(errors, field).map(|message| {
                view! {
                    <span class="nhsuk-error-message" id=format!("{field}-error")>
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>
                        {message.to_string()}
                    </span>
                }
            })
        })
    }
}

/// Says plainly that an area is not built yet, rather than pretending.
#[component]
pub fn NotBuiltYet(children: Children) -> impl IntoView {
    view! {
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            {children()}
        </div>
    }
}

/// An NHS.UK table: a caption (which names it for assistive technology), a
/// header row, and the body rows given as children.
#[component]
pub fn DataTable(
    #[prop(into)] caption: String,
    headers: Vec<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <table class="nhsuk-table">
            <caption class="nhsuk-table__caption">{caption}</caption>
            <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                    {headers
                        .into_iter()
                        .map(|h| view! { <th scope="col" class="nhsuk-table__header">{h}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody class="nhsuk-table__body">{children()}</tbody>
        </table>
    }
}

/// A table row headed by a domain's title, followed by text cells.
#[component]
pub fn DomainRow(domain_id: &'static str, cells: Vec<String>) -> impl IntoView {
    let title = crate::model::framework::domain(domain_id).map_or(domain_id, |d| d.title);
    view! {
        <tr class="nhsuk-table__row">
            <th scope="row" class="nhsuk-table__cell">{title}</th>
            {cells.into_iter().map(|c| view! { <td class="nhsuk-table__cell">{c}</td> }).collect_view()}
        </tr>
    }
}
