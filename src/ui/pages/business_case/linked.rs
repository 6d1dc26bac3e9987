//! The business cases made for a placement project or a plan goal, shown
//! on that project's or goal's page with the way to start one for it.
//! Used from the placement log's and the plan's pages: the code lands in a
//! part those areas share, and reads the business-case section only when
//! such a page opens.

use leptos::prelude::*;

use super::parts::case_path;
use crate::model::business_case::LinkKind;
use crate::ui::routing::A;
use crate::ui::store::use_store;

#[component]
pub fn CasesFor(kind: LinkKind, id: Memo<String>) -> impl IntoView {
    let store = use_store();
    let cases = store.select(move |w| {
        let id = id.get();
        w.business_cases
            .get()
            .map(|book| {
                book.linked_to(kind, &id)
                    .into_iter()
                    .map(|c| (c.id.clone(), c.title.to_string()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let (noun, query) = match kind {
        LinkKind::Project => ("project", "project"),
        LinkKind::Goal => ("goal", "goal"),
    };
    view! {
        <h2>"Business cases"</h2>
        <Show when=move || !cases.with(Vec::is_empty)
            fallback=move || view! { <p>{format!("If this {noun} needs a service changed or money spent, make the case for it: its options, what each costs and saves, and its risks.")}</p> }>
            <ul class="nhsuk-list nhsuk-list--bullet" aria-label=format!("Business cases for this {noun}")>
                <For each=move || cases.get() key=|c| c.clone() let:c>
                    <li><A href=case_path(&c.0)>{c.1.clone()}</A></li>
                </For>
            </ul>
        </Show>
        <p>
            <A href=move || format!("/business-case/new?{query}={}", id.get())>
                {format!("Start a business case for this {noun}")}
            </A>
        </p>
    }
}
