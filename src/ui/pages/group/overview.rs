//! The group view's first page: what it is for, the rounds so far, starting
//! one, and choosing two rounds to compare.

use leptos::prelude::*;

use super::parts::{round_path, UnreadableRounds, WhatIsKept};
use crate::model::common::dates::long_date;
use crate::model::workbook::RecordKind;
use crate::ui::components::{DataTable, Select, Title};
use crate::ui::routing::{use_navigate, A};
use crate::ui::store::use_store;

/// A round as the list shows it: id, name, day and how many members.
#[derive(Clone, PartialEq)]
struct RoundLine {
    id: String,
    name: String,
    held_on: String,
    members: usize,
    agreed: usize,
}

#[component]
pub fn GroupView() -> impl IntoView {
    let store = use_store();
    let rounds = store.select(|w| {
        w.group_rounds()
            .iter()
            .rev()
            .map(|r| RoundLine {
                id: r.id.clone(),
                name: r.name.to_string(),
                held_on: long_date(*r.held_on),
                members: r.members.len(),
                agreed: r.agreements.len(),
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Title text="Group view" />
        <h1>"Group view"</h1>
        <p class="nhsuk-lede-text">
            "See where your commissioning group stands from its members' own self-assessments, agree levels and \
             targets in a workshop, and compare one round with the next."
        </p>
        <UnreadableRounds />
        <h2>"How it works"</h2>
        <ol class="nhsuk-list nhsuk-list--number">
            <li>"Start a round, such as the group's spring workshop."</li>
            <li>
                "Ask each member to fill in their self-assessment and download it from "
                <A href="/self-assessment">"Self-assessment"</A>
                " (its \"Export for your partner\" file serves a group round too), then send you the file or save it \
                 in a folder you share, such as a Teams, SharePoint or OneDrive folder."
            </li>
            <li>"Load the files into the round: many at once, or the whole folder."</li>
            <li>"Look at where the group agrees and where it is split, then record the levels agreed in the workshop."</li>
        </ol>
        <WhatIsKept />
        <p>
            "Where the group's support, resources and structures areas are weak, agree what the commissioning \
             organisation will do about them in a "
            <A href="/support-agreement">"support agreement"</A>
            "."
        </p>
        <A href="/group/new" attr:class="nhsuk-button">"Start a round"</A>
        <Show when=move || !rounds.with(Vec::is_empty)
            fallback=|| view! { <p>"You have no rounds yet."</p> }>
            <DataTable caption="Your rounds" caption_size="m"
                headers=vec!["Round".into(), "Date".into(), "Members' files".into(), "Areas agreed".into()]>
                <For each=move || rounds.get() key=|r| (r.id.clone(), r.name.clone(), r.held_on.clone(), r.members, r.agreed) let:r>
                    <tr class="nhsuk-table__row">
                        <th scope="row" class="nhsuk-table__cell"><A href=round_path(&r.id)>{r.name.clone()}</A></th>
                        <td class="nhsuk-table__cell">{r.held_on.clone()}</td>
                        <td class="nhsuk-table__cell">{RecordKind::GroupMember.count(r.members)}</td>
                        <td class="nhsuk-table__cell">{r.agreed}</td>
                    </tr>
                </For>
            </DataTable>
        </Show>
        <Show when=move || rounds.with(|r| r.len() >= 2)>
            <ChooseRoundsToCompare />
        </Show>
    }
}

/// Two rounds chosen from lists, oldest as "earlier" by default.
#[component]
fn ChooseRoundsToCompare() -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let options = store.select(|w| {
        w.group_rounds()
            .iter()
            .map(|r| {
                (
                    r.id.clone(),
                    format!("{} ({})", r.name, long_date(*r.held_on)),
                )
            })
            .collect::<Vec<_>>()
    });
    let (first, last) = options.with_untracked(|o| {
        (
            o.first().map(|r| r.0.clone()).unwrap_or_default(),
            o.last().map(|r| r.0.clone()).unwrap_or_default(),
        )
    });
    let earlier = RwSignal::new(first);
    let later = RwSignal::new(last);
    let compare = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(
            &format!(
                "/group/compare/{}/{}",
                earlier.get_untracked(),
                later.get_untracked()
            ),
            Default::default(),
        );
    };
    view! {
        <h2>"Compare two rounds"</h2>
        <form novalidate on:submit=compare>
            <Select id="compare-earlier" label="Earlier round" options=options bind=earlier />
            <Select id="compare-later" label="Later round" options=options bind=later />
            <button type="submit" class="nhsuk-button nhsuk-button--secondary">"Compare rounds"</button>
        </form>
    }
}
