//! Pieces the placement pages share: paths, the privacy note, the dashboard's
//! figures and tables (also on the summary), capability coverage, an activity
//! entry's card, and the CSV download.

use crate::ui::routing::A;
use leptos::prelude::*;

use crate::model::capabilities;
use crate::model::common::dates::long_date;
use crate::model::files::placement_csv::{activity_csv, csv_file_name};
use crate::model::placement::activity::format_duration;
use crate::model::placement::dashboard::{Dashboard, MilestoneDue, COMING_UP_DAYS};
use crate::model::placement::portfolio::entry_text;
use crate::model::placement::{ActivityEntry, Progress, ProjectStatus};
use crate::model::workbook::free_text::placement_csv_texts;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{DataTable, DeleteButton, IdentifierList};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

pub fn placement_path(id: &str) -> String {
    format!("/placement-log/placements/{id}")
}

pub fn minutes_text(minutes: u64) -> String {
    format_duration(minutes.min(u32::MAX as u64) as u32)
}

#[component]
pub fn PlacementNotFound() -> impl IntoView {
    view! {
        <h1>"Placement not found"</h1>
        <p>"This placement is not in your workbook. It may have been deleted."</p>
        <p><A href="/placement-log">"Go to your placement log"</A></p>
    }
}

/// Said wherever people write reflections.
#[component]
pub fn PrivateNote() -> impl IntoView {
    view! {
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>
                "Your log and reflections are private to this browser on this device. Nothing is sent anywhere: they leave it only when you download a backup or a CSV file yourself."
            </p>
        </div>
    }
}

/// The NHS.UK tag for a project's status.
pub fn project_status_tag(status: ProjectStatus) -> impl IntoView {
    let colour = match status {
        ProjectStatus::NotStarted => "nhsuk-tag--grey",
        ProjectStatus::InProgress => "nhsuk-tag--blue",
        ProjectStatus::OnHold => "nhsuk-tag--yellow",
        ProjectStatus::Completed => "nhsuk-tag--green",
    };
    view! { <strong class=format!("nhsuk-tag {colour}")>{status.label()}</strong> }
}

/// "Week 5 of 18 · 91 days left", or before and after the placement.
pub fn progress_text(progress: Option<Progress>) -> String {
    let days = |n: i64| format!("{n} {}", if n == 1 { "day" } else { "days" });
    match progress {
        Some(Progress::NotStarted {
            starts_in_days,
            weeks,
        }) => {
            format!("Starts in {} · {weeks} weeks long", days(starts_in_days))
        }
        Some(Progress::UnderWay {
            week,
            weeks,
            days_left,
        }) => {
            format!("Week {week} of {weeks} · {} left", days(days_left))
        }
        Some(Progress::Finished { ended, weeks }) => {
            format!("Finished on {} · {weeks} weeks long", long_date(ended))
        }
        None => "No dates set".into(),
    }
}

/// Offers the placement's log as a CSV file.
pub fn download_csv(placement_id: &str) -> Result<(), String> {
    let store = use_store();
    let file = store.workbook.with_untracked(|w| {
        w.placement(placement_id).map(|p| {
            (
                csv_file_name(p, browser::today()),
                activity_csv(p, browser::offset_at),
            )
        })
    });
    match file {
        Some((name, text)) => browser::download_text(&name, &text, "text/csv;charset=utf-8"),
        None => Err("That placement is no longer in your workbook.".into()),
    }
}

/// The "Download the log as CSV" button, with what went wrong if it did.
#[component]
pub fn CsvButton(#[prop(into)] placement_id: Signal<String>) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let store = use_store();
    let texts = store.select(move |w| {
        w.placement(&placement_id.get())
            .map(placement_csv_texts)
            .unwrap_or_default()
    });
    view! {
        <IdentifierList texts what="download the log as CSV" />
        <button type="button" class="nhsuk-button nhsuk-button--secondary"
            on:click=move |_| problem.set(download_csv(&placement_id.get_untracked()).err())>
            "Download the log as CSV"
        </button>
        {move || problem.get().map(|p| view! { <p class="nhsuk-error-message" role="alert">{p}</p> })}
    }
}

/// How far a copy for the portfolio got.
#[derive(Clone, Copy, PartialEq)]
enum Copying {
    NotYet,
    Copied,
    /// The browser refused: the text is shown, selected, to copy by hand.
    Refused,
}

/// "Copy for your portfolio": puts `text` (made when pressed) on the
/// clipboard in one click and says so in a live region; if the browser
/// refuses, shows the text selected in a box so the user can copy it.
#[component]
pub fn CopyForPortfolio(
    /// The button's accessible name, e.g. "Copy for your portfolio: log entry of 1 December 2026".
    #[prop(into)]
    name: String,
    /// The button's words.
    #[prop(into)]
    label: String,
    text: Callback<(), String>,
) -> impl IntoView {
    let state = RwSignal::new(Copying::NotYet);
    let shown = RwSignal::new(String::new());
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copy = move |_| {
        let words = text.run(());
        shown.set(words.clone());
        state.set(Copying::NotYet);
        leptos::task::spawn_local(async move {
            let copied = browser::copy_text(&words).await;
            state.set(if copied {
                Copying::Copied
            } else {
                Copying::Refused
            });
        });
    };
    // Once the box is there, it is given the text and the text is selected
    // for Ctrl+C (set here, not as a property of the box, so nothing resets
    // the selection after it is made).
    Effect::new(move |_| {
        let words = shown.get();
        if state.get() == Copying::Refused {
            if let Some(area) = area.get() {
                area.set_value(&words);
                let _ = area.focus();
                area.select();
            }
        }
    });
    let area_id = crate::model::common::ids::new_id("copy");
    view! {
        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2"
            aria-label=name on:click=copy>
            {label}
        </button>
        <p role="status" class="nhsuk-body-s app-copied">
            {move || (state.get() == Copying::Copied).then_some(
                "Copied. Paste it into a new entry in your portfolio's learning log."
            )}
        </p>
        {move || (state.get() == Copying::Refused).then(|| {
            let area_id = area_id.clone();
            view! {
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for=area_id.clone()>"Text for your portfolio"</label>
                    <div class="nhsuk-hint" id=format!("{area_id}-hint")>
                        "Your browser did not let this page copy it. The text is selected: press Ctrl and C (or Command and C on a Mac) to copy it."
                    </div>
                    <textarea class="nhsuk-textarea" id=area_id.clone() rows=8 readonly
                        aria-describedby=format!("{area_id}-hint") node_ref=area></textarea>
                </div>
            }
        })}
    }
}

/// Time per project and per type of activity, as two tables.
#[component]
pub fn TimeTables(dashboard: Dashboard) -> impl IntoView {
    let row = |label: String, minutes: u64, entries: usize| {
        view! {
            <tr class="nhsuk-table__row">
                <th scope="row" class="nhsuk-table__cell">{label}</th>
                <td class="nhsuk-table__cell">{minutes_text(minutes)}</td>
                <td class="nhsuk-table__cell">{entries}</td>
            </tr>
        }
    };
    let headers = |first: &str| vec![first.to_string(), "Time".to_string(), "Entries".to_string()];
    view! {
        {(!dashboard.by_project.is_empty()).then(|| view! {
            <DataTable caption="Time per project" caption_size="s" headers=headers("Project")>
                {dashboard.by_project.iter().map(|t| row(t.label.clone(), t.minutes, t.entries)).collect_view()}
            </DataTable>
        })}
        {(!dashboard.by_type.is_empty()).then(|| view! {
            <DataTable caption="Time per type of activity" caption_size="s" headers=headers("Type of activity")>
                {dashboard.by_type.iter().map(|t| row(t.label.clone(), t.minutes, t.entries)).collect_view()}
            </DataTable>
        })}
    }
}

/// Which leadership capabilities the log evidences, and which not yet (in a
/// closed details element when `collapsed`, as the list is long; printed in full).
#[component]
pub fn CapabilityCoverage(
    dashboard: Dashboard,
    #[prop(optional)] collapsed: bool,
) -> impl IntoView {
    let evidenced = dashboard.evidenced.clone();
    let missing = dashboard.not_evidenced.clone();
    let missing_title = format!("Not yet evidenced ({})", missing.len());
    let missing_list = if missing.is_empty() {
        view! { <p>"Every capability has at least one entry."</p> }.into_any()
    } else {
        view! {
            <ul aria-label="Capabilities not yet evidenced">
                {missing.into_iter().map(|id| view! { <li>{capabilities::label(id).unwrap_or_default()}</li> }).collect_view()}
            </ul>
        }.into_any()
    };
    view! {
        <h2>"Leadership capabilities"</h2>
        <p class="nhsuk-body-s">{format!("From the {}", capabilities::MLCF_CITATION)}</p>
        <h3>{format!("Evidenced ({} of 20)", evidenced.len())}</h3>
        {if evidenced.is_empty() {
            view! { <p>"None yet. Choose the capabilities an activity evidences when you log it."</p> }.into_any()
        } else {
            view! {
                <ul aria-label="Capabilities evidenced">
                    {evidenced.into_iter().map(|(id, n)| view! {
                        <li>{format!("{} – {n} {}", capabilities::label(id).unwrap_or_default(), if n == 1 { "entry" } else { "entries" })}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {if collapsed {
            view! {
                <details class="nhsuk-details">
                    <summary class="nhsuk-details__summary">
                        <span class="nhsuk-details__summary-text">{missing_title}</span>
                    </summary>
                    <div class="nhsuk-details__text">{missing_list}</div>
                </details>
            }.into_any()
        } else {
            view! { <h3>{missing_title}</h3> {missing_list} }.into_any()
        }}
    }
}

fn milestone_list(label: &'static str, list: Vec<MilestoneDue>, overdue: bool) -> impl IntoView {
    view! {
        <ul class="nhsuk-list" aria-label=label>
            {list.into_iter().map(|m| view! {
                <li>
                    {overdue.then(|| view! { <strong class="nhsuk-tag nhsuk-tag--red">"Overdue"</strong> " " })}
                    <A href=format!("/placement-log/projects/{}", m.project_id)>{m.milestone.clone()}</A>
                    {format!(" ({}) – planned for {}", m.project, long_date(m.planned))}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The placement's sums for today, re-computed only when the workbook
/// changes; made once per page and shared by the dashboard's panels.
pub fn dashboard_of(placement_id: String) -> Memo<Option<Dashboard>> {
    let today = browser::today();
    use_store().select(move |w| w.placement(&placement_id).map(|p| p.dashboard(today)))
}

/// The top of the dashboard: where the placement is, time logged, milestones.
#[component]
pub fn AtAGlance(dashboard: Memo<Option<Dashboard>>) -> impl IntoView {
    move || {
        dashboard.get().map(|d| {
            let (monday, sunday) = d.week;
            let overdue = d.overdue.clone();
            let coming = d.coming_up.clone();
            view! {
                <h2>"Your placement at a glance"</h2>
                <p class="nhsuk-heading-s app-progress">{progress_text(d.progress)}</p>
                <dl class="nhsuk-summary-list">
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">
                            {format!("Time logged this week (Monday {} to Sunday {})", long_date(monday), long_date(sunday))}
                        </dt>
                        <dd class="nhsuk-summary-list__value">{minutes_text(d.minutes_this_week)}</dd>
                    </div>
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">"Time logged in total"</dt>
                        <dd class="nhsuk-summary-list__value">
                            {format!("{} in {} {}", minutes_text(d.minutes_total), d.entries, if d.entries == 1 { "entry" } else { "entries" })}
                        </dd>
                    </div>
                    {(d.outside_dates > 0).then(|| view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">"Entries outside your placement dates"</dt>
                            <dd class="nhsuk-summary-list__value">{d.outside_dates}</dd>
                        </div>
                    })}
                </dl>
                <h2>"Milestones"</h2>
                {(overdue.is_empty() && coming.is_empty()).then(|| view! {
                    <p>{format!("No milestones are overdue or due in the next {COMING_UP_DAYS} days.")}</p>
                })}
                {(!overdue.is_empty()).then(|| view! {
                    <h3>"Overdue"</h3>
                    {milestone_list("Overdue milestones", overdue, true)}
                })}
                {(!coming.is_empty()).then(|| view! {
                    <h3>{format!("Coming up in the next {COMING_UP_DAYS} days")}</h3>
                    {milestone_list("Milestones coming up", coming, false)}
                })}
            }
        })
    }
}

/// The rest of the dashboard: time per project and type, capabilities.
#[component]
pub fn TimeAndCapabilities(dashboard: Memo<Option<Dashboard>>) -> impl IntoView {
    move || {
        dashboard.get().map(|d| {
            view! {
                <h2>"Where your time went"</h2>
                {(d.entries == 0).then(|| view! { <p>"Nothing logged yet."</p> })}
                <TimeTables dashboard=d.clone() />
                <CapabilityCoverage dashboard=d collapsed=true />
            }
        })
    }
}

/// What an entry says: time, project and how effective; the trainee's role,
/// what was done, working with others, the reflection and the capabilities.
/// The log's cards and the summary's selected reflections both show it.
pub fn entry_body(e: &ActivityEntry, project: Option<String>) -> impl IntoView {
    let line = |label: &'static str, text: &str| {
        (!text.is_empty()).then(
            || view! { <p class="app-pre-line"><strong>{label}</strong>" "{text.to_string()}</p> },
        )
    };
    let capabilities = e
        .capabilities
        .iter()
        .filter_map(|c| capabilities::label(c))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <p class="nhsuk-body-s">
            {minutes_text(e.minutes as u64)}
            {project.map(|p| format!(" · Project: {p}"))}
            {e.effectiveness.map(|x| format!(" · {}", x.label()))}
        </p>
        {line("My role:", &e.role)}
        <p class="app-pre-line">{e.what_done.to_string()}</p>
        {line("Working with others:", &e.with_others)}
        {line("Keep doing:", &e.keep)}
        {line("Do better:", &e.improve)}
        {line("Stop doing:", &e.stop)}
        {line("What I learnt about myself:", &e.learnt_about_self)}
        {(!capabilities.is_empty()).then(|| view! { <p class="nhsuk-body-s">"Capabilities: "{capabilities}</p> })}
    }
}

/// One log entry, re-rendered only when that entry changes. `outside` is
/// whether its date falls outside the placement.
#[component]
pub fn EntryCard(
    id: String,
    /// Where the entry is in its placement's entries, as the list found it.
    at: usize,
) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let entry = {
        let id = id.clone();
        store.select(move |w| {
            w.activity_at(&id, at).map(|(pl, e)| {
                let project = e.project_id.as_deref().map(|p| {
                    pl.project(p)
                        .map(|p| p.title.to_string())
                        .unwrap_or_else(|| "a deleted project".into())
                });
                (e.clone(), project, pl.is_outside(e.date))
            })
        })
    };
    move || {
        entry.get().map(|(e, project, outside): (ActivityEntry, Option<String>, bool)| {
            let heading = format!("{}: {}", long_date(e.date), e.activity_type.label());
            let what = format!("log entry of {} ({})", long_date(e.date), e.activity_type.label().to_lowercase());
            let id = e.id.clone();
            let delete = Callback::new(move |()| {
                saver.act(Change::Delete { kind: RecordKind::Activity, id: id.clone() });
            });
            let portfolio = {
                let (e, project) = (e.clone(), project.clone());
                Callback::new(move |()| entry_text(&e, project.as_deref()))
            };
            let written = browser::local_date_time(e.created_at);
            let changed = (e.updated_at != e.created_at)
                .then(|| format!(" · changed {}", browser::local_date_time(e.updated_at)));
            view! {
                <li class="nhsuk-card app-entry">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading nhsuk-heading-s">{heading.clone()}</h3>
                        {outside.then(|| view! {
                            <p><strong class="nhsuk-tag nhsuk-tag--orange">"Outside your placement dates"</strong></p>
                        })}
                        {entry_body(&e, project)}
                        {e.in_summary.then(|| view! { <p class="nhsuk-body-s">"In your end-of-placement summary"</p> })}
                        <p class="nhsuk-body-s app-written">{format!("Written {written}")}{changed}</p>
                        // The entry's actions on one row (a phone shows many entries).
                        <div class="no-print app-actions">
                            <CopyForPortfolio name=format!("Copy for your portfolio: {what}")
                                label="Copy for your portfolio" text=portfolio />
                            <A href=format!("/placement-log/entries/{}", e.id) attr:aria-label=format!("Change {what}")>"Change"</A>
                            <DeleteButton what on_confirm=delete compact=true />
                        </div>
                    </div>
                </li>
            }
        })
    }
}
