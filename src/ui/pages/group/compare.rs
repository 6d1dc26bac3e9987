//! Two rounds of the same group compared: the change in each area and each
//! statement from the earlier round to the later.

use leptos::prelude::*;

use std::sync::Arc;

use super::results::RoundComparison;
use crate::model::common::dates::long_date;
use crate::model::group::summary::RoundSummary;
use crate::ui::components::Title;
use crate::ui::routing::{use_params_map, A};
use crate::ui::store::use_store;

#[component]
pub fn CompareRounds() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let earlier = Memo::new(move |_| params.read().get("earlier").unwrap_or_default());
    let later = Memo::new(move |_| params.read().get("later").unwrap_or_default());
    let names = store.select(move |w| {
        let name = |id: &str| {
            w.group_round(id)
                .map(|r| format!("{} ({})", r.name, long_date(*r.held_on)))
        };
        name(&earlier.get()).zip(name(&later.get()))
    });
    let summaries = store.select(move |w| {
        let round = |id: &str| w.group_round(id);
        let (a, b) = (round(&earlier.get())?, round(&later.get())?);
        Some((
            Arc::new(RoundSummary::of(a)),
            Arc::new(RoundSummary::of(b)),
            (a.name.to_string(), b.name.to_string()),
        ))
    });
    view! {
        <Title text="Two rounds compared" />
        <Show when=move || names.with(Option::is_some)
            fallback=|| view! {
                <h1>"Rounds not found"</h1>
                <p>"One of these rounds is not in your workbook. It may have been deleted."</p>
                <p><A href="/group">"Go to the group view"</A></p>
            }>
            <h1>"Two rounds compared"</h1>
            <p>{move || names.get().map(|(a, b)| format!("From {a} to {b}."))}</p>
            {move || summaries.get().map(|(earlier, later, (earlier_name, later_name))| view! {
                <RoundComparison earlier later earlier_name later_name />
            })}
        </Show>
    }
}
