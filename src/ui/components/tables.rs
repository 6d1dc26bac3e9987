//! NHS.UK tables.

use leptos::prelude::*;

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
    let title =
        crate::model::assessment::framework::domain(domain_id).map_or(domain_id, |d| d.title);
    view! {
        <tr class="nhsuk-table__row">
            <th scope="row" class="nhsuk-table__cell">{title}</th>
            {cells.into_iter().map(|c| view! { <td class="nhsuk-table__cell">{c}</td> }).collect_view()}
        </tr>
    }
}
