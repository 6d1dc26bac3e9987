//! One round: loading members' files, the members loaded (each can be
//! removed), and where the group stands, with its workshop's levels, the
//! CSV of the aggregate and a printed report.

use std::sync::Arc;

use leptos::prelude::*;

use super::parts::{download_round_csv, round_path, RoundNotFound, UnreadableRounds, WhatIsKept};
use super::results::{AreaResults, GroupSummaryHeadline};
use crate::model::assessment::framework;
use crate::model::common::dates::long_date;
use crate::model::files::group_intake::{Intake, IntakeSaid, Taking};
use crate::model::group::summary::RoundSummary;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{DataTable, DeleteButton, IntakeReport, ManyFilesPicker, Title};
use crate::ui::routing::{use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

/// A member as the list shows it.
#[derive(Clone, PartialEq)]
struct MemberLine {
    id: String,
    label: String,
    role: &'static str,
    assessed_on: String,
    changed: String,
}

#[component]
pub fn RoundPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("round").unwrap_or_default());
    let heading = store.select(move |w| {
        w.group_round(&id.get())
            .map(|r| (r.name.to_string(), long_date(*r.held_on), r.anonymised))
    });
    let found = move || heading.with(Option::is_some);
    view! {
        <Title text=move || heading.get().map(|h| h.0).unwrap_or_else(|| "Round not found".into()) />
        <UnreadableRounds />
        <Show when=found fallback=RoundNotFound>
            <span class="nhsuk-caption-l">"Group round"</span>
            <h1>{move || heading.get().map(|h| h.0)}</h1>
            <p>
                {move || heading.get().map(|h| format!("Held on {}. ", h.1))}
                <A href=move || format!("{}/details", round_path(&id.get())) attr:class="no-print">"Change the round's name or date"</A>
            </p>
            <RoundActions id />
            <div class="no-print"><WhatIsKept /></div>
            <LoadMembersFiles id />
            <MembersLoaded id />
            <RoundFigures id />
        </Show>
    }
}

/// The workshop, the CSV file and printing.
#[component]
fn RoundActions(id: Memo<String>) -> impl IntoView {
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        let result = store.workbook.with_untracked(|w| {
            w.group_round(&id.get_untracked())
                .map(download_round_csv)
                .unwrap_or_else(|| Err("The round is no longer in your workbook.".into()))
        });
        message.set(Some(match result {
            Ok(name) => format!(
                "The group's figures are downloading as {name}. They hold no member's answers."
            ),
            Err(reason) => reason,
        }));
    };
    view! {
        <ul class="nhsuk-list app-actions no-print">
            <li><A href=move || format!("{}/workshop", round_path(&id.get())) attr:class="nhsuk-button nhsuk-u-margin-bottom-0">"Record the workshop's levels"</A></li>
            <li>
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" on:click=download>
                    "Download the group's figures (CSV)"
                </button>
            </li>
            <li>
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    on:click=move |_| browser::print()>
                    "Print the group report"
                </button>
            </li>
        </ul>
        <p role="status" class="no-print">{move || message.get()}</p>
    }
}

/// The members loaded, each removable (undoable straight after).
#[component]
fn MembersLoaded(id: Memo<String>) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let members = store.select(move |w| {
        w.group_round(&id.get())
            .map(|r| {
                r.members
                    .iter()
                    .map(|m| MemberLine {
                        id: m.id.clone(),
                        label: m.label.to_string(),
                        role: m.role.short_name(),
                        assessed_on: long_date(*m.assessed_on),
                        changed: browser::local_date_time(m.source_changed_at),
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    // Counted apart from the lines, which (a memo being worked out only when
    // read) are then made only while the list is open: 2,000 members' dates
    // put in local time on every load, for a list folded away.
    let count = store.select(move |w| w.group_round(&id.get()).map_or(0, |r| r.members.len()));
    let count = move || count.get();
    let open = RwSignal::new(false);
    view! {
        <h2>"Members' files"</h2>
        <p>{move || match count() {
            0 => "No member's file is loaded yet.".to_string(),
            n => format!("{} loaded.", RecordKind::GroupMember.count(n)),
        }}</p>
        <Show when=move || count() != 0>
            // The list is drawn only while it is open: a round of 2,000
            // members' files drew 2,000 rows (each with its Delete) as the
            // files came in, folded away or not.
            <details class="nhsuk-details no-print"
                on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
                <summary class="nhsuk-details__summary">
                    <span class="nhsuk-details__summary-text">{move || format!("See the {} loaded", RecordKind::GroupMember.count(count()))}</span>
                </summary>
                <div class="nhsuk-details__text">
                    <Show when=move || open.get()>
                    <DataTable caption="Members' files loaded" caption_hidden=true
                        headers=vec!["Member".into(), "Role".into(), "Assessment of".into(), "Last changed by the member".into(), "Remove".into()]>
                        <For each=move || members.get() key=|m| (m.id.clone(), m.label.clone(), m.changed.clone()) let:m>
                            <tr class="nhsuk-table__row">
                                <th scope="row" class="nhsuk-table__cell">{m.label.clone()}</th>
                                <td class="nhsuk-table__cell">{m.role}</td>
                                <td class="nhsuk-table__cell">{m.assessed_on.clone()}</td>
                                <td class="nhsuk-table__cell">{m.changed.clone()}</td>
                                <td class="nhsuk-table__cell">
                                    <DeleteButton compact=true what=format!("{}'s file", m.label)
                                        on_confirm=Callback::new({
                                            let member = m.id.clone();
                                            move |()| { saver.act(Change::delete(RecordKind::GroupMember, &member)); }
                                        }) />
                                </td>
                            </tr>
                        </For>
                    </DataTable>
                    </Show>
                </div>
            </details>
        </Show>
    }
}

/// Where the group stands, added up again only when the members change.
#[component]
fn RoundFigures(id: Memo<String>) -> impl IntoView {
    let store = use_store();
    let summary = store.select(move |w| {
        w.group_round(&id.get())
            .map(|r| Arc::new(RoundSummary::of(r)))
    });
    view! {
        {move || summary.get().filter(|s| s.members > 0).map(|s| view! {
            <h2>"Where the group stands"</h2>
            <GroupSummaryHeadline summary=s.clone() />
            <AgreedLevels id />
            <AreaResults summary=s />
        })}
    }
}

/// Loading members' files: many at once, dropped, or a whole folder. The
/// batch is read against the round as it is when reading starts, then taken
/// in with one change (one Undo); what happened is said in words, each file
/// that could not be read with its reason.
#[component]
fn LoadMembersFiles(id: Memo<String>) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let outcome = RwSignal::new(None::<IntakeSaid>);
    let refused = RwSignal::new(None::<String>);
    let anonymised = store.select(move |w| w.group_round(&id.get()).map(|r| r.anonymised));
    let start = Callback::new(move |()| {
        outcome.set(None);
        refused.set(None);
        store.workbook.with_untracked(|w| {
            let round = w.group_round(&id.get_untracked())?;
            Some(Taking::new(
                round,
                !round.anonymised,
                chrono::Utc::now().into(),
            ))
        })
    });
    let on_intake = Callback::new(move |intake: Intake| {
        let (members, said) = intake.into_members_and_said();
        if !members.is_empty() {
            let change = Change::TakeInMembers {
                round: id.get_untracked(),
                members,
            };
            if let Err((change, refusal)) = saver.apply_or_hand_back(change) {
                let message = store
                    .workbook
                    .with_untracked(|w| change.refusal_message(&refusal, w));
                refused.set(Some(format!("Nothing was loaded: {message}")));
                return;
            }
        }
        outcome.set(Some(said));
    });
    view! {
        <div class="no-print">
            <h2>"Load members' files"</h2>
            <p>{move || match anonymised.get() {
                Some(false) => "Members are named by the partnership and clinical area in their files (you chose to keep names for this round).",
                _ => "Members are shown as Member 1, Member 2 and so on, in the order their files are loaded; their names are not stored.",
            }}</p>
            <ManyFilesPicker id="members-files" label="Members' self-assessment files"
                hint="The files members downloaded with \"Export for your partner\" (.json). Choose many at once, drop them here, or choose the folder they are saved in. You can add more later; a newer copy of a member's file replaces the earlier one."
                start on_intake />
            {move || refused.get().map(|message| view! {
                <div class="nhsuk-error-summary" role="alert"><p>{message}</p></div>
            })}
            {move || outcome.get().map(|said| view! { <IntakeReport said /> })}
        </div>
    }
}

/// The levels the workshop agreed, area by area, with the targets and when.
#[component]
fn AgreedLevels(id: Memo<String>) -> impl IntoView {
    let store = use_store();
    let rows = store.select(move |w| {
        let Some(round) = w.group_round(&id.get()) else {
            return Vec::new();
        };
        let level = |l: Option<u8>| {
            l.and_then(framework::maturity_level)
                .map(|l| format!("{} {}", l.level, l.name))
                .unwrap_or_else(|| "Not agreed".into())
        };
        framework::DOMAINS
            .iter()
            .filter_map(|domain| {
                let a = round.agreement(domain.id)?;
                let target = match (a.target_level, a.target_date) {
                    (None, _) => "No target".to_string(),
                    (Some(t), Some(by)) => format!("{} by {}", level(Some(t)), long_date(*by)),
                    (Some(t), None) => level(Some(t)),
                };
                Some((
                    domain.title,
                    level(a.agreed_level),
                    target,
                    a.note.to_string(),
                ))
            })
            .collect::<Vec<_>>()
    });
    view! {
        <h3>"Levels agreed in the workshop"</h3>
        {move || {
            let rows = rows.get();
            if rows.is_empty() {
                view! { <p>"The workshop has not recorded any levels yet."</p> }.into_any()
            } else {
                view! {
                    <DataTable caption="Levels agreed in the workshop" caption_hidden=true
                        headers=vec!["Area".into(), "Level agreed".into(), "Target".into(), "Notes of the discussion".into()]>
                        {rows.into_iter().map(|(area, agreed, target, note)| view! {
                            <tr class="nhsuk-table__row">
                                <th scope="row" class="nhsuk-table__cell">{area}</th>
                                <td class="nhsuk-table__cell">{agreed}</td>
                                <td class="nhsuk-table__cell">{target}</td>
                                <td class="nhsuk-table__cell app-pre-line">{note}</td>
                            </tr>
                        }).collect_view()}
                    </DataTable>
                }.into_any()
            }
        }}
    }
}
