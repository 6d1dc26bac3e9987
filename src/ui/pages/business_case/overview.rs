//! The business cases' first page: what a business case is for and how it
//! is judged, the cases so far with their recommended option's figures,
//! starting one, and adding one someone shared as a file.

use leptos::prelude::*;

use super::parts::{case_path, UnreadableCases};
use super::share::ReceiveCase;
use crate::ui::components::{DataTable, Title};
use crate::ui::routing::A;
use crate::ui::store::use_store;

/// A case as the list shows it.
#[derive(Clone, PartialEq)]
struct CaseLine {
    id: String,
    title: String,
    linked: String,
    recommended: String,
    net_present_value: String,
    still_to_do: usize,
}

#[component]
pub fn BusinessCases() -> impl IntoView {
    let store = use_store();
    let cases = store.select(|w| {
        w.business_cases()
            .iter()
            .rev()
            .map(|c| {
                let preferred = c.preferred();
                CaseLine {
                    id: c.id.clone(),
                    title: c.title.to_string(),
                    linked: c
                        .linked
                        .as_ref()
                        .map(|l| l.title.to_string())
                        .unwrap_or_else(|| "On its own".into()),
                    recommended: preferred
                        .map(|o| o.name.to_string())
                        .unwrap_or_else(|| "Not chosen yet".into()),
                    net_present_value: preferred
                        .map(|o| c.figures(o).appraisal.net_present_value.to_pounds_text())
                        .unwrap_or_default(),
                    still_to_do: c.still_to_do().len(),
                }
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Title text="Business cases" />
        <h1>"Business cases"</h1>
        <p class="nhsuk-lede-text">
            "Make the case for a new or changed service: the problem, the options (always including doing \
             nothing), what each costs and saves year by year, what else it brings, what could go wrong, how it \
             would be bought and paid for, and how you will know it worked."
        </p>
        <UnreadableCases />
        <h2>"How cases are judged"</h2>
        <p>
            "In Northamptonshire, practice-based commissioners got services changed through business cases: good \
             ones were approved and poor ones knocked back, whoever they came from, and a £4 million invest-to-save \
             fund paid for new services that would save money later. GP trainees on commissioning placements in \
             Kent wrote business cases too. The figures here follow HM Treasury's Green Book: each option's costs \
             and savings are discounted to today's money at 3.5 % a year, and compared by their net present value. \
             For a small scheme the Green Book asks for one proportionate business justification case, which is \
             what this page builds."
        </p>
        <A href="/business-case/new" attr:class="nhsuk-button">"Start a business case"</A>
        <Show when=move || !cases.with(Vec::is_empty)
            fallback=|| view! { <p>"You have no business cases yet."</p> }>
            <DataTable caption="Your business cases" caption_size="m"
                headers=vec!["Business case".into(), "For".into(), "Recommended option".into(), "Its net present value".into(), "Still to do".into()]>
                <For each=move || cases.get() key=|c| (c.id.clone(), c.title.clone(), c.linked.clone(), c.recommended.clone(), c.net_present_value.clone(), c.still_to_do) let:c>
                    <tr class="nhsuk-table__row">
                        <th scope="row" class="nhsuk-table__cell"><A href=case_path(&c.id)>{c.title.clone()}</A></th>
                        <td class="nhsuk-table__cell">{c.linked.clone()}</td>
                        <td class="nhsuk-table__cell">{c.recommended.clone()}</td>
                        <td class="nhsuk-table__cell">{c.net_present_value.clone()}</td>
                        <td class="nhsuk-table__cell">{if c.still_to_do == 0 { "Ready".to_string() } else { c.still_to_do.to_string() }}</td>
                    </tr>
                </For>
            </DataTable>
        </Show>
        <ReceiveCase />
    }
}
