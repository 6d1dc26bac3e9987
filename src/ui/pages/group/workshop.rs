//! The workshop: for each area of the framework, the level the group agrees
//! it is at, the level it aims for and by when, and a note of the
//! discussion; beside the members' own levels for the area.

use leptos::prelude::*;

use super::parts::{round_path, RoundNotFound};
use crate::model::assessment::framework::{self, MATURITY_LEVELS};
use crate::model::common::dates::long_date;
use crate::model::common::validation::FieldError;
use crate::model::group::rounds::{AGREED_LEVEL_FIELD, TARGET_DATE_FIELD, TARGET_LEVEL_FIELD};
use crate::model::group::summary::RoundSummary;
use crate::model::group::AgreementDraft;
use crate::model::Change;
use crate::ui::components::{
    DataTable, ErrorSummary, Field, FieldKind, Select, StaleGuard, StaleNotice, Title,
};
use crate::ui::routing::{use_navigate, use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

fn level_words(level: Option<u8>) -> String {
    level
        .and_then(framework::maturity_level)
        .map(|l| format!("{} {}", l.level, l.name))
        .unwrap_or_default()
}

/// An area's line in the workshop's list.
#[derive(Clone, PartialEq)]
struct AreaLine {
    domain_id: &'static str,
    title: &'static str,
    median: String,
    agreed: String,
    target: String,
    /// The agreement's id, when it has a target that is not a goal yet.
    to_plan: Option<String>,
    /// The goal its target became, if it is still in a plan.
    goal: Option<String>,
}

#[component]
pub fn Workshop() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("round").unwrap_or_default());
    let name = store.select(move |w| w.group_round(&id.get()).map(|r| r.name.to_string()));
    let lines = store.select(move |w| {
        let Some(round) = w.group_round(&id.get()) else {
            return Vec::new();
        };
        let summary = RoundSummary::of(round);
        summary
            .areas
            .iter()
            .map(|area| {
                let agreement = round.agreement(area.domain.id);
                let goal = agreement
                    .and_then(|a| a.goal_id.clone())
                    .filter(|g| w.goal(g).is_some());
                AreaLine {
                    to_plan: agreement
                        .filter(|a| a.target_level.is_some() && goal.is_none())
                        .map(|a| a.id.clone()),
                    goal,
                    domain_id: area.domain.id,
                    title: area.domain.title,
                    median: area
                        .all
                        .median
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| "No answers".into()),
                    agreed: agreement
                        .map(|a| level_words(a.agreed_level))
                        .unwrap_or_default(),
                    target: agreement
                        .and_then(|a| {
                            let level = level_words(a.target_level);
                            (!level.is_empty()).then(|| match a.target_date {
                                Some(by) => format!("{level} by {}", long_date(*by)),
                                None => level,
                            })
                        })
                        .unwrap_or_default(),
                }
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Title text="The workshop's levels" />
        <Show when=move || name.with(Option::is_some) fallback=RoundNotFound>
            <span class="nhsuk-caption-l">{move || name.get()}</span>
            <h1>"The workshop's levels"</h1>
            <p>
                "For each area, record the level the group agrees it is at now and, if it sets one, the level to \
                 reach and by when. The members' median level is there to start the discussion; the level agreed \
                 is the group's own. A target can become a goal in your development plan, linked back to this round."
            </p>
            <DataTable caption="Levels agreed for each area" caption_hidden=true
                headers=vec!["Area".into(), "Members' median level".into(), "Level agreed".into(), "Target".into(), "Record".into(), "Development plan".into()]>
                <For each=move || lines.get() key=|l| (l.domain_id, l.agreed.clone(), l.target.clone(), l.median.clone(), l.to_plan.clone(), l.goal.clone()) let:line>
                    <tr class="nhsuk-table__row">
                        <th scope="row" class="nhsuk-table__cell">{line.title}</th>
                        <td class="nhsuk-table__cell">{line.median.clone()}</td>
                        <td class="nhsuk-table__cell">{if line.agreed.is_empty() { "Not agreed yet".to_string() } else { line.agreed.clone() }}</td>
                        <td class="nhsuk-table__cell">{line.target.clone()}</td>
                        <td class="nhsuk-table__cell">
                            <A href=move || format!("{}/workshop/{}", round_path(&id.get()), line.domain_id)
                                attr:aria-label=format!("Record levels for {}", line.title)>"Record levels"</A>
                        </td>
                        <td class="nhsuk-table__cell">
                            {match (line.goal.clone(), line.to_plan.clone()) {
                                (Some(goal), _) => view! {
                                    <A href=format!("/development-plan/goals/{goal}")
                                        attr:aria-label=format!("See the goal for {} in your development plan", line.title)>"See the goal"</A>
                                }.into_any(),
                                (None, Some(agreement)) => view! {
                                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0 app-button--fit"
                                        aria-label=format!("Add the target for {} to your development plan", line.title)
                                        on:click=move |_| { saver.act(Change::add_goal_from_agreement(None, &agreement)); }>
                                        "Add to my plan"
                                    </button>
                                }.into_any(),
                                (None, None) => view! { <span>"No target yet"</span> }.into_any(),
                            }}
                        </td>
                    </tr>
                </For>
            </DataTable>
            <p><A href=move || round_path(&id.get())>"Back to the round"</A></p>
        </Show>
    }
}

/// The options of a level list: none chosen, then each level of the scale.
fn level_options(none: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), none.to_string()))
        .chain(
            MATURITY_LEVELS
                .iter()
                .map(|l| (l.level.to_string(), format!("{} {}", l.level, l.name))),
        )
        .collect()
}

/// The workshop's form for one area.
#[component]
pub fn AgreeArea() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("round").unwrap_or_default());
    let domain_id = Memo::new(move |_| params.read().get("domain").unwrap_or_default());
    let domain = move || framework::domain(&domain_id.get());
    // The agreement recorded already, if any: its id, and its form's draft.
    let existing = store.select(move |w| {
        let round = w.group_round(&id.get())?;
        let a = round.agreement(&domain_id.get())?;
        Some((a.id.clone(), AgreementDraft::of(a)))
    });
    let opened = Signal::derive(move || existing.get().map(|(_, d)| d));
    let guard = StaleGuard::new(opened, AgreementDraft::shown);
    let draft = guard.opened().unwrap_or_else(|| AgreementDraft {
        domain_id: domain_id.get_untracked(),
        ..Default::default()
    });
    let level_text = |l: Option<u8>| l.map(|l| l.to_string()).unwrap_or_default();
    let agreed = RwSignal::new(level_text(draft.agreed_level));
    let target = RwSignal::new(level_text(draft.target_level));
    let target_date = RwSignal::new(draft.target_date);
    let note = RwSignal::new(draft.note);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let in_form = move || AgreementDraft {
        domain_id: domain_id.get_untracked(),
        agreed_level: agreed.get_untracked().parse().ok(),
        target_level: target.get_untracked().parse().ok(),
        target_date: target_date.get_untracked(),
        note: note.get_untracked(),
    };
    let fill = Callback::new(move |d: AgreementDraft| {
        agreed.set(level_text(d.agreed_level));
        target.set(level_text(d.target_level));
        target_date.set(d.target_date);
        note.set(d.note);
    });
    let round_exists = store.select(move |w| w.group_round(&id.get()).is_some());
    let save = Callback::new(move |()| {
        let draft = in_form();
        let change = match existing.get_untracked() {
            Some((agreement_id, _)) => {
                if !guard.may_save(&draft) {
                    return;
                }
                Change::update(&agreement_id, draft)
            }
            None => Change::add(Some(&id.get_untracked()), draft),
        };
        if saver.submit(change, errors) {
            navigate(
                &format!("{}/workshop", round_path(&id.get_untracked())),
                Default::default(),
            );
        }
    });
    let found = move || round_exists.get() && domain().is_some();
    view! {
        <Title text=move || domain().map(|d| format!("Levels for {}", d.title)).unwrap_or_default() />
        <Show when=found fallback=RoundNotFound>
            <span class="nhsuk-caption-l">"The workshop's levels"</span>
            <h1>{move || domain().map(|d| d.title)}</h1>
            <StaleNotice guard what="agreed levels" save fill />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <Select id=AGREED_LEVEL_FIELD label="Level the group agrees it is at now"
                    options=Signal::stored(level_options("Not agreed yet")) bind=agreed errors=errors />
                <Select id=TARGET_LEVEL_FIELD label="Target level"
                    hint="The level the group aims to reach. It must be above the level agreed now."
                    options=Signal::stored(level_options("No target")) bind=target errors=errors />
                <Field id=TARGET_DATE_FIELD label="Date to reach the target" kind=FieldKind::Date
                    hint="Optional. After the day of the round." width_class="nhsuk-input--width-10"
                    errors=errors bind=target_date />
                <Field id="agreement-note" label="Notes of the discussion (optional)"
                    hint="What the group said, and why it settled on these levels."
                    kind=FieldKind::TextArea rows=4 bind=note />
                <button type="submit" class="nhsuk-button">"Save levels"</button>
            </form>
            <p><A href=move || format!("{}/workshop", round_path(&id.get()))>"Cancel"</A></p>
        </Show>
    }
}
