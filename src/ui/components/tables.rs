//! NHS.UK tables.

use leptos::prelude::*;

/// An NHS.UK table: a caption (which names it for assistive technology), a
/// header row, and the body rows given as children.
///
/// The table sits in its own scrolling box, so a table wider than a phone
/// scrolls sideways inside the box and the page itself never does. The box is
/// a named region that can take keyboard focus, so it can be scrolled with
/// the arrow keys (the NHS.UK and GOV.UK pattern for wide tables).
#[component]
pub fn DataTable(
    #[prop(into)] caption: String,
    headers: Vec<String>,
    /// A caption size from the design system ("s", "m", "l"), when the caption
    /// stands in for a heading.
    #[prop(optional)]
    caption_size: Option<&'static str>,
    /// The caption names the table for assistive technology only, when a
    /// heading just above already shows the same words.
    #[prop(optional)]
    caption_hidden: bool,
    /// Stacked on a phone (below the design system's tablet width) instead of
    /// scrolling sideways: each row becomes a block, its row header on top
    /// and each cell under its column's name, so a table too wide for a phone
    /// is read whole without scrolling. The rows given then use `StackedCell`
    /// for their cells. The table keeps its table roles (set explicitly, as
    /// the NHS.UK responsive table does, since a row shown as a block loses
    /// them in some browsers).
    #[prop(optional)]
    stacked: bool,
    children: Children,
) -> impl IntoView {
    let caption_class = match (caption_hidden, caption_size) {
        (true, _) => "nhsuk-table__caption nhsuk-u-visually-hidden".to_string(),
        (false, Some(size)) => format!("nhsuk-table__caption nhsuk-table__caption--{size}"),
        (false, None) => "nhsuk-table__caption".to_string(),
    };
    let region_name = caption.clone();
    let (table_class, role) = if stacked {
        ("nhsuk-table app-table--stacked", Some("table"))
    } else {
        ("nhsuk-table", None)
    };
    view! {
        <div class="app-table-scroll" role="region" aria-label=region_name tabindex="0">
            <table class=table_class role=role>
                <caption class=caption_class>{caption}</caption>
                <thead class="nhsuk-table__head" role=role.map(|_| "rowgroup")>
                    <tr class="nhsuk-table__row" role=role.map(|_| "row")>
                        {headers
                            .into_iter()
                            .map(|h| view! { <th scope="col" class="nhsuk-table__header" role=role.map(|_| "columnheader")>{h}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body" role=role.map(|_| "rowgroup")>{children()}</tbody>
            </table>
        </div>
    }
}

/// A cell of a stacked `DataTable`: on a phone its column's name shows above
/// it (hidden from screen readers, which have the column header). `wide`
/// takes the row's full width on a phone; an empty cell is not shown there.
#[component]
pub fn StackedCell(
    column: &'static str,
    #[prop(optional)] wide: bool,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let class = format!(
        "nhsuk-table__cell{}{}{}",
        if wide { " app-table__cell--wide" } else { "" },
        if class.is_empty() { "" } else { " " },
        class
    );
    view! {
        <td class=class role="cell">
            <span class="app-table__label" aria-hidden="true">{column}</span>
            {children()}
        </td>
    }
}

/// A table row headed by an area's title, followed by text cells.
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

/// One row of an NHS.UK summary list (inside a `<dl class="nhsuk-summary-list">`),
/// left out when the value is empty. Line breaks the user typed are kept.
pub fn summary_row(key: &'static str, value: String) -> impl IntoView {
    (!value.is_empty()).then(|| {
        view! {
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{key}</dt>
                <dd class="nhsuk-summary-list__value app-pre-line">{value}</dd>
            </div>
        }
    })
}
