use crate::ui::components::Title;
use leptos::prelude::*;

use crate::model::files::backup;
use crate::model::workbook::merge;
use crate::model::{Change, Workbook};
use crate::ui::browser;
use crate::ui::components::{ChosenFile, FileImport};
use crate::ui::saver::{use_saver, DeletedEverything};
use crate::ui::store::{use_store, TYPICAL_QUOTA_UNITS};

/// A restore the user has chosen but not yet confirmed.
#[derive(Clone)]
enum Restore {
    Ready {
        file_name: String,
        workbook: Workbook,
        /// What merging it would do, in plain English.
        merge_preview: Vec<String>,
    },
    Merged {
        file_name: String,
        lines: Vec<String>,
    },
    Refused {
        file_name: String,
        reason: String,
    },
    Done {
        file_name: String,
        /// Why it could not be saved, if it was not.
        not_saved: Option<String>,
    },
}

#[component]
pub fn YourData() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let restore = RwSignal::new(None::<Restore>);
    let download_message = RwSignal::new(None::<String>);
    let kept_aside = RwSignal::new(store.kept_aside());
    // The kept-aside copy deleted last, so it can be put back straight after.
    let removed_aside = RwSignal::new(None::<(String, String)>);
    let undo_removed_aside = move |_| {
        if let Some((key, text)) = removed_aside.get_untracked() {
            match saver.put_back_kept_aside(&key, &text) {
                Ok(()) => {
                    removed_aside.set(None);
                    kept_aside.set(store.kept_aside());
                }
                // The page still holds it, so Undo can be tried again.
                Err(reason) => store.refusal.set(Some(format!(
                    "The unreadable data could not be put back under {key}, because {reason}. \
                     This page still holds it: you can try Undo again."
                ))),
            }
        }
    };

    let download_backup = move |_| match saver.download_backup() {
        Ok(name) => download_message.set(Some(format!("Your backup is downloading as {name}."))),
        Err(reason) => download_message.set(Some(reason)),
    };

    let on_file = Callback::new(move |file: ChosenFile| {
        restore.set(Some(match backup::read_workbook(&file.text) {
            Ok(workbook) => Restore::Ready {
                merge_preview: store.workbook.with_untracked(|current| {
                    merged_lines(
                        &merge::merge(current, &workbook, chrono::Utc::now().into()).report,
                    )
                }),
                file_name: file.name,
                workbook,
            },
            Err(error) => Restore::Refused {
                file_name: file.name,
                reason: error.to_string(),
            },
        }));
    });
    let on_read_error = Callback::new(move |reason: String| {
        restore.set(Some(Restore::Refused {
            file_name: String::new(),
            reason,
        }));
    });
    let confirm_merge = move |_| {
        if let Some(Restore::Ready {
            file_name,
            workbook,
            merge_preview,
        }) = restore.get_untracked()
        {
            let done = saver.apply(Change::MergeBackup {
                incoming: Box::new(workbook),
            });
            restore.set(Some(match done {
                // What the merge did, as it was made (another tab may have
                // changed the workbook since the preview was worked out).
                Ok(applied) => Restore::Merged {
                    file_name,
                    lines: applied
                        .merge_report
                        .map_or(merge_preview, |report| merged_lines(&report)),
                },
                Err(refusal) => Restore::Refused {
                    file_name,
                    reason: refusal.to_string(),
                },
            }));
        }
    };
    let confirm_restore = move |_| {
        if let Some(Restore::Ready {
            file_name,
            workbook,
            ..
        }) = restore.get_untracked()
        {
            let not_saved = saver.restore(workbook).err();
            restore.set(Some(Restore::Done {
                file_name,
                not_saved,
            }));
        }
    };
    let cancel_restore = move |_| restore.set(None);

    view! {
        <Title text="Your data" />
        <h1>"Your data"</h1>
        <p>
            "Your workbook is saved automatically in this browser's local storage, on this device only. Nothing is sent anywhere. If you clear your browser's data, or use another browser or device, it will not be there."
        </p>
        <p>{move || format!("Last changed: {}", store.workbook.with(|w| browser::local_date_time(w.updated_at)))}</p>
        <StorageUse />

        <h2>"Download a backup"</h2>
        <p>
            "A backup is a single JSON file with everything in your workbook. Keep it somewhere safe, or use it to move your workbook to another browser."
        </p>
        <button type="button" class="nhsuk-button" on:click=download_backup>"Download backup"</button>
        {move || download_message.get().map(|m| view! { <p role="status">{m}</p> })}
        <BackupReminderChoice />

        <h2>"Restore or merge a backup"</h2>
        <p>"Choose a backup file to see what it holds. Then either merge it into this workbook, which keeps everything on both sides (the newer version of anything changed on both, with the other listed to look at), or replace this workbook with it."</p>
        <FileImport id="restore-file" label="Choose a backup file" on_file on_error=on_read_error />
        {move || restore.get().map(|r| match r {
            Restore::Ready { file_name, workbook, merge_preview } => view! {
                <div class="nhsuk-card" role="region" aria-label="Backup to restore">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading">{format!("{file_name} holds:")}</h3>
                        <ul aria-label="Backup contents">
                            {workbook.summary().lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                        <p>{format!("It was last changed on {}.", browser::local_date_time(workbook.updated_at))}</p>
                        <h4>"Merging it into your workbook would:"</h4>
                        <ul aria-label="What merging would do">
                            {merge_preview.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="nhsuk-button" on:click=confirm_merge>
                            "Merge it into my workbook"
                        </button>
                        <div class="nhsuk-warning-callout">
                            <h4 class="nhsuk-warning-callout__label">"Important"</h4>
                            <p>"Replacing removes everything now in your workbook and puts the backup in its place. Download a backup of it first if you may need it."</p>
                        </div>
                        <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=confirm_restore>
                            "Replace my workbook with this backup"
                        </button>
                        " "
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=cancel_restore>
                            "Cancel"
                        </button>
                    </div>
                </div>
            }.into_any(),
            Restore::Refused { file_name, reason } => view! {
                <div class="nhsuk-error-summary" role="alert" aria-labelledby="restore-error-title" tabindex="-1">
                    <h2 class="nhsuk-error-summary__title" id="restore-error-title">"This file cannot be restored"</h2>
                    <div class="nhsuk-error-summary__body">
                        <p>{if file_name.is_empty() { reason } else { format!("{file_name}: {reason}") }}</p>
                        <p>"Your workbook has not been changed."</p>
                    </div>
                </div>
            }.into_any(),
            Restore::Merged { file_name, lines } => view! {
                <div class="nhsuk-panel" role="status">
                    <h3 class="nhsuk-panel__title">"Backup merged"</h3>
                    <p>{format!("{file_name} is merged into your workbook:")}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            }.into_any(),
            Restore::Done { file_name, not_saved: None } => view! {
                <div class="nhsuk-panel" role="status">
                    <h3 class="nhsuk-panel__title">"Workbook restored"</h3>
                    <p>{format!("Your workbook now holds what was in {file_name}, and it is saved in this browser.")}</p>
                </div>
            }.into_any(),
            Restore::Done { file_name, not_saved: Some(reason) } => view! {
                <div class="nhsuk-error-summary" role="alert" aria-labelledby="restore-unsaved-title" tabindex="-1">
                    <h2 class="nhsuk-error-summary__title" id="restore-unsaved-title">"Restored on this page only: not saved"</h2>
                    <div class="nhsuk-error-summary__body">
                        <p>{format!("This page now shows what was in {file_name}, but it could not be saved in this browser because {reason}. Keep the backup file: you will need it again.")}</p>
                    </div>
                </div>
            }.into_any(),
        })}

        <Conflicts />

        {move || removed_aside.get().map(|(key, _)| view! {
            <div class="nhsuk-inset-text" role="status">
                <p>
                    {format!("Deleted the unreadable data kept under {key}. ")}
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                        on:click=undo_removed_aside>
                        "Undo"
                    </button>
                </p>
            </div>
        })}
        <Show when=move || kept_aside.with(|k| !k.is_empty())>
            <h2>"Data that could not be read"</h2>
            <p>"These copies of saved data could not be read when the workbook started. They were kept so nothing is lost."</p>
            <ul class="nhsuk-list">
                <For
                    each=move || kept_aside.get()
                    key=|(key, _)| key.clone()
                    children=move |(key, text)| {
                        let file_name = format!("{}.txt", key.replace(':', "-"));
                        let delete_key = key.clone();
                        view! {
                            <li>
                                <code>{key.clone()}</code>
                                " "
                                <button
                                    type="button"
                                    class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2"
                                    aria-label=format!("Download {key}")
                                    on:click=move |_| { let _ = browser::download_text(&file_name, &text, "text/plain"); }
                                >"Download"</button>
                                " "
                                <button
                                    type="button"
                                    class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2"
                                    aria-label=format!("Delete {key}")
                                    on:click=move |_| {
                                        let text = kept_aside.with_untracked(|k| k.iter().find(|(key, _)| *key == delete_key).map(|(_, t)| t.clone()));
                                        saver.remove_kept_aside(&delete_key);
                                        kept_aside.set(store.kept_aside());
                                        removed_aside.set(text.map(|t| (delete_key.clone(), t)));
                                    }
                                >"Delete"</button>
                            </li>
                        }
                    }
                />
            </ul>
        </Show>

        <DeleteEverything download_backup on_deleted=Callback::new(move |()| kept_aside.set(store.kept_aside())) />
    }
}

/// Versions that lost to a newer one when a backup was merged: each can be
/// dismissed (keep the workbook's version) or put in place of it.
#[component]
fn Conflicts() -> impl IntoView {
    use crate::model::workbook::document::Conflict;
    let store = use_store();
    let saver = use_saver();
    let conflicts = store.select(|w| w.conflicts.clone());
    let resolve = move |id: String, use_other: bool| {
        saver.act(Change::ResolveConflict { id, use_other });
    };
    view! {
        <Show when=move || !conflicts.with(Vec::is_empty)>
            <h2>"Changed on both sides"</h2>
            <p>"When you merged a backup, these records had been changed both in the backup and in this workbook. The newer version is in your workbook; the other is shown here. Keep the version in your workbook, or use the other one instead."</p>
            <ul class="nhsuk-list" aria-label="Conflicts">
                <For each=move || conflicts.get() key=|c: &Conflict| c.id.clone() let:c>
                    {
                        let (keep_id, other_id) = (c.id.clone(), c.id.clone());
                        view! {
                            <li class="nhsuk-card">
                                <div class="nhsuk-card__content">
                                    <h3 class="nhsuk-card__heading nhsuk-heading-s">{c.description.clone()}</h3>
                                    <p><strong>"In your workbook: "</strong>{c.kept.clone()}</p>
                                    <p><strong>"The other version: "</strong>{c.other.clone()}</p>
                                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                                        aria-label=format!("Keep the version in your workbook: {}", c.description)
                                        on:click=move |_| resolve(keep_id.clone(), false)>
                                        "Keep the version in your workbook"
                                    </button>
                                    " "
                                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                                        aria-label=format!("Use the other version: {}", c.description)
                                        on:click=move |_| resolve(other_id.clone(), true)>
                                        "Use the other version"
                                    </button>
                                </div>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
    }
}

/// When a backup was last downloaded, and when to be reminded.
#[component]
fn BackupReminderChoice() -> impl IntoView {
    use crate::model::workbook::ops::backup_reminder::REMINDER_CHOICES;
    let store = use_store();
    let saver = use_saver();
    let last = store.select(|w| w.last_backup_at);
    let days = store.select(|w| w.backup_reminder_days.to_string());
    // Shows the stored choice (another tab may change it); a choice made here is a change.
    let chosen = RwSignal::new(days.get_untracked());
    Effect::new(move |_| chosen.set(days.get()));
    let choose = Callback::new(move |value: String| {
        if let Ok(days) = value.parse() {
            saver.act(Change::SetBackupReminder { days });
        }
    });
    let options = Signal::derive(|| {
        REMINDER_CHOICES
            .iter()
            .map(|d| {
                let label = match d {
                    0 => "Never remind me".to_string(),
                    n => format!("After {n} days"),
                };
                (d.to_string(), label)
            })
            .collect::<Vec<_>>()
    });
    view! {
        <p>
            {move || match last.get() {
                Some(at) => format!("You last downloaded a backup on {}.", browser::local_date_time(at)),
                None => "You have not downloaded a backup of this workbook yet.".to_string(),
            }}
        </p>
        <crate::ui::components::Select id="backup-reminder" label="Remind me to download a backup when my changes are not in one"
            hint="The reminder shows at the top of every page."
            options bind=chosen on_change=choose />
    }
}

/// How much of the browser's storage the workbook takes, and whether the
/// browser has agreed to keep it when it frees up space.
#[component]
fn StorageUse() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    // Re-measured when the workbook is replaced (restore, delete: written at
    // once) and after each save of a change, which comes just after the change
    // is drawn, so the workbook's own change alone would read the copy before.
    let used = Memo::new(move |_| {
        store.workbook.track();
        store.save_status.track();
        store.storage_used()
    });
    let asking = RwSignal::new(false);
    let ask = move |_| {
        asking.set(true);
        leptos::task::spawn_local(async move {
            saver.ask_to_persist().await;
            asking.set(false);
        });
    };
    view! {
        <h2>"Space and safety in this browser"</h2>
        <p role="status" class="app-storage-use">
            {move || {
                // A character counts as a byte here, as browsers count it against their 5 MB.
                let bytes = used.get();
                let share = bytes as f64 * 100.0 / TYPICAL_QUOTA_UNITS as f64;
                let share = if bytes > 0 && share < 1.0 { "less than 1%".to_string() } else { format!("about {share:.0}%") };
                format!(
                    "Your workbook takes {} of this browser's storage for this site. Browsers allow about 5 MB, so it is using {share} of that.",
                    size_text(bytes)
                )
            }}
        </p>
        {move || match store.persisted.get() {
            Some(true) => view! {
                <p>"This browser has agreed to keep your workbook when it needs to free up space. It is still deleted if you clear this site's data, so keep downloading backups."</p>
            }.into_any(),
            _ => view! {
                <p>"This browser may delete your workbook to free up space, or after some days without a visit (Safari does after 7). Download a backup regularly."</p>
                <button type="button" class="nhsuk-button nhsuk-button--secondary" disabled=move || asking.get() on:click=ask>
                    "Ask this browser to keep my workbook"
                </button>
            }.into_any(),
        }}
    }
}

/// "12 KB", "1.4 MB".
/// What a merge did (or would do), in lines for the user.
fn merged_lines(report: &merge::MergeReport) -> Vec<String> {
    if report.changed_nothing() {
        vec!["Nothing: everything in the backup is already in your workbook.".to_string()]
    } else {
        report.lines()
    }
}

fn size_text(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// "Delete everything from this browser", for shared computers: offers a
/// backup first, asks, then removes the workbook and every kept-aside copy.
#[component]
fn DeleteEverything(
    download_backup: impl Fn(leptos::ev::MouseEvent) + Clone + 'static,
    on_deleted: Callback<()>,
) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let asking = RwSignal::new(false);
    // What was deleted, while it can still be put back (this page holds it).
    let done = RwSignal::new(None::<DeletedEverything>);
    let problem = RwSignal::new(None::<String>);
    let undo = move |_| {
        if let Some(deleted) = done.get_untracked() {
            problem.set(saver.undo_delete_everything(deleted).err());
            done.set(None);
            on_deleted.run(());
        }
    };
    let summary = store.select(|w| w.summary().lines().join(", "));
    view! {
        <h2>"Delete everything from this browser"</h2>
        <p>
            "On a shared computer, delete your workbook when you have finished, so the next person to use this browser cannot see it. Download a backup first if you want to keep it: you can restore it later on any computer."
        </p>
        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=download_backup.clone()>
            "Download a backup first"
        </button>
        " "
        <Show when=move || !asking.get()>
            <button type="button" class="nhsuk-button nhsuk-button--warning"
                on:click=move |_| { done.set(None); asking.set(true); }>
                "Delete everything from this browser"
            </button>
        </Show>
        <Show when=move || asking.get()>
            <div class="nhsuk-warning-callout" role="group" aria-label="Are you sure you want to delete everything?">
                <h3 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Are you sure?"</span>
                </h3>
                <p>{move || format!("This deletes everything in your workbook from this browser ({}), and any unreadable data kept aside. It cannot be undone.", summary.get())}</p>
                <button type="button" class="nhsuk-button nhsuk-button--warning"
                    on:click=move |_| { done.set(Some(saver.delete_everything())); asking.set(false); on_deleted.run(()); }>
                    "Yes, delete everything"
                </button>
                " "
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| asking.set(false)>
                    "Cancel"
                </button>
            </div>
        </Show>
        <Show when=move || done.with(Option::is_some)>
            <div class="nhsuk-panel" role="status">
                <h3 class="nhsuk-panel__title">"Everything has been deleted from this browser"</h3>
                <p>"Nothing of your workbook is left in this browser's storage. You can close the page. Until you do, you can put it all back."</p>
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" on:click=undo>
                    "Undo: put my workbook back"
                </button>
            </div>
        </Show>
        {move || problem.get().map(|p| view! { <p class="nhsuk-error-message" role="alert">{format!("It could not all be put back: {p}.")}</p> })}
    }
}
