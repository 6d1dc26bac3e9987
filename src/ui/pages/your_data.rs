use crate::ui::components::Title;
use leptos::prelude::*;

use crate::model::files::{backup, encrypted, import_checks};
use crate::model::workbook::merge;
use crate::model::{Change, Workbook};
use crate::ui::browser;
use crate::ui::components::{ChosenFile, FileImport, WorkbookIdentifierList};
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

    let download_plain = Callback::new(move |()| match saver.download_backup() {
        Ok(name) => download_message.set(Some(format!("Your backup is downloading as {name}."))),
        Err(reason) => download_message.set(Some(reason)),
    });
    let download_backup = move |_| download_plain.run(());

    // A protected backup chosen, waiting for its passphrase.
    let locked = RwSignal::new(None::<ChosenFile>);
    let read_backup = Callback::new(move |file: ChosenFile| {
        // The backup's sections (group rounds) are read and checked here, in
        // this page's part: the first download's reader leaves them unread.
        let read = backup::read_workbook(&file.text).map_err(|e| e.to_string());
        let read = read.and_then(
            |workbook| match import_checks::sections_problem(&workbook) {
                Some(problem) => Err(format!("The file cannot be used: {problem}.")),
                None => Ok(workbook),
            },
        );
        restore.set(Some(match read {
            Ok(workbook) => Restore::Ready {
                merge_preview: store.workbook.with_untracked(|current| {
                    merged_lines(
                        &merge::merge(current, &workbook, chrono::Utc::now().into()).report,
                    )
                }),
                file_name: file.name,
                workbook,
            },
            Err(reason) => Restore::Refused {
                file_name: file.name,
                reason,
            },
        }));
    });
    let on_file = Callback::new(move |file: ChosenFile| {
        locked.set(None);
        if !encrypted::looks_encrypted(&file.text) {
            return read_backup.run(file);
        }
        // A damaged one is refused before a passphrase is asked for.
        match encrypted::read_envelope(&file.text) {
            Ok(_) => {
                restore.set(None);
                locked.set(Some(file));
            }
            Err(e) => restore.set(Some(Restore::Refused {
                file_name: file.name,
                reason: format!("{}.", e.message()),
            })),
        }
    });
    let on_refused = Callback::new(move |(file_name, reason)| {
        restore.set(Some(Restore::Refused { file_name, reason }))
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
                merge: merge::MergeRun::by_record_id(),
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
        <WorkbookIdentifierList />
        <super::protected_backup::BackupDownload message=download_message download_plain />
        <BackupReminderChoice />
        <super::linked_backup::LinkedBackupFile />

        <h2>"Restore or merge a backup"</h2>
        <p>"Choose a backup file to see what it holds. Then either merge it into this workbook, which keeps everything on both sides (the newer version of anything changed on both, with the other listed to look at), or replace this workbook with it."</p>
        <FileImport id="restore-file" label="Choose a backup file" on_file on_error=on_read_error />
        <Show when=move || locked.with(Option::is_some)>
            <super::protected_backup::OpenProtected locked on_open=read_backup on_refused />
        </Show>
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

/// Versions that lost to a newer one when a backup was merged: for each,
/// keep the version in the workbook, use the other one, or take some of its
/// fields, compared field by field in the form's words with local times.
/// Settling one says so, in a message that takes focus.
#[component]
fn Conflicts() -> impl IntoView {
    use crate::model::workbook::document::Conflict;
    let store = use_store();
    let conflicts = store.select(|w| w.conflicts.clone());
    // What was settled last, said once it is done.
    let settled = RwSignal::new(None::<String>);
    let message = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = message.get() {
            let _ = element.focus();
        }
    });
    view! {
        {move || settled.get().map(|m| view! {
            <div class="nhsuk-inset-text app-settled" role="status" tabindex="-1" node_ref=message>
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>{m}</p>
            </div>
        })}
        <Show when=move || !conflicts.with(Vec::is_empty)>
            <h2 id="conflicts">"Changed on both sides"</h2>
            <p>"When you merged a backup, these records had been changed both in the backup and in this workbook. The newer version is in your workbook; the other is shown here, field by field. Keep the version in your workbook, use the other one instead, or tick the parts of the other one to take and keep the rest."</p>
            <ul class="nhsuk-list" aria-label="Conflicts">
                <For each=move || conflicts.get() key=|c: &Conflict| c.id.clone() let:c>
                    <ConflictCard conflict=c settled />
                </For>
            </ul>
        </Show>
    }
}

/// One conflict: the two versions side by side and the ways to settle it.
/// The comparison follows the workbook (another tab may change the record).
#[component]
fn ConflictCard(
    conflict: crate::model::workbook::document::Conflict,
    settled: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let c = conflict;
    let id = c.id.clone();
    let versions = store.select(move |w| w.conflict_versions(&id));
    let ticked = RwSignal::new(Vec::<String>::new());
    let described = capitalised(&c.description);
    let settle = move |change: Change, done: String| {
        if saver.act(change) {
            settled.set(Some(done));
        }
    };
    let keep = {
        let (id, described) = (c.id.clone(), described.clone());
        move |_| {
            settle(
                Change::ResolveConflict {
                    id: id.clone(),
                    use_other: false,
                },
                format!("Settled: {described} keeps the version in your workbook."),
            )
        }
    };
    let other_is_deletion = c.other_record.is_null();
    let use_other = {
        let (id, described) = (c.id.clone(), described.clone());
        move |_| {
            settle(
                Change::ResolveConflict {
                    id: id.clone(),
                    use_other: true,
                },
                if other_is_deletion {
                    format!("Settled: {described} is deleted, as in the other version.")
                } else {
                    format!("Settled: {described} now has the other version.")
                },
            )
        }
    };
    let take_ticked = {
        let (id, described) = (c.id.clone(), described.clone());
        move |_| {
            let take = ticked.get_untracked();
            let names: Vec<String> = versions.with_untracked(|v| {
                v.iter()
                    .flat_map(|v| &v.fields)
                    .filter(|f| take.contains(&f.field))
                    .map(|f| format!("\u{201c}{}\u{201d}", f.label))
                    .collect()
            });
            let done = if names.is_empty() {
                format!("Settled: {described} keeps the version in your workbook.")
            } else {
                format!(
                    "Settled: {described} now has {} from the other version; everything else is as it was in your workbook.",
                    names.join(" and ")
                )
            };
            settle(
                Change::ResolveConflictFields {
                    id: id.clone(),
                    take,
                },
                done,
            );
        }
    };
    let (card_id, kept_text, other_text) = (c.id.clone(), c.kept.clone(), c.other.clone());
    let deletion = c.deletion();
    let take_label = format!(
        "Take the ticked parts of the other version: {}",
        c.description
    );
    let body = move || match versions.get() {
        Some(v) if v.fields.len() > 1 => {
            let fields = v.fields.into_iter().enumerate().map(|(i, f)| {
                let input_id = format!("{card_id}-take-{i}");
                let hint_id = format!("{input_id}-hint");
                let field = f.field.clone();
                let checked_field = f.field.clone();
                view! {
                    <div class="nhsuk-checkboxes__item">
                        <input class="nhsuk-checkboxes__input" id=input_id.clone() type="checkbox" aria-describedby=hint_id.clone()
                            prop:checked=move || ticked.with(|t| t.contains(&checked_field))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                ticked.update(|t| {
                                    t.retain(|x| *x != field);
                                    if on { t.push(field.clone()); }
                                });
                            } />
                        <label class="nhsuk-label nhsuk-checkboxes__label" for=input_id>{f.label.clone()}</label>
                        <div class="nhsuk-hint nhsuk-checkboxes__hint" id=hint_id>
                            "In your workbook: " {f.kept.clone()} " "
                            <br />
                            "The other version: " {f.other.clone()}
                        </div>
                    </div>
                }
            }).collect_view();
            view! {
                <p>{when_changed(v.kept_at, v.other_at)}</p>
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                            "Tick the parts to take from the other version"
                        </legend>
                        <div class="nhsuk-checkboxes">{fields}</div>
                    </fieldset>
                </div>
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2"
                    aria-label=take_label.clone()
                    on:click=take_ticked.clone()>
                    "Take the ticked parts, keep the rest"
                </button>
                " "
            }.into_any()
        }
        Some(v) if !v.fields.is_empty() => {
            let f = &v.fields[0];
            view! {
                <p>{when_changed(v.kept_at, v.other_at)}</p>
                <p class="nhsuk-u-margin-bottom-2"><strong>{f.label.clone()}</strong></p>
                <p>
                    "In your workbook: " {f.kept.clone()} " "
                    <br />
                    "The other version: " {f.other.clone()}
                </p>
            }
            .into_any()
        }
        // The other version is a deletion (or cannot be read): said in the
        // user's own time where the times were kept, else as the merge said it.
        _ => {
            let (kept, other) = match &deletion {
                Some(d) if d.in_backup => (
                    format!("changed on {}, after the backup deleted it.", browser::local_date_time(d.changed_at)),
                    format!("deleted in the backup on {}.", browser::local_date_time(d.deleted_at)),
                ),
                Some(d) => (
                    format!("brought back from the backup, where it was changed on {}, after it was deleted here.", browser::local_date_time(d.changed_at)),
                    format!("deleted in this workbook on {}.", browser::local_date_time(d.deleted_at)),
                ),
                None => (kept_text.clone(), other_text.clone()),
            };
            view! {
                <p><strong>"In your workbook: "</strong>{kept}</p>
                <p><strong>"The other version: "</strong>{other}</p>
            }
            .into_any()
        }
    };
    view! {
        <li class="nhsuk-card">
            <div class="nhsuk-card__content">
                <h3 class="nhsuk-card__heading nhsuk-heading-s">{described.clone()}</h3>
                {body}
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2"
                    aria-label=format!("Keep the version in your workbook: {}", c.description)
                    on:click=keep>
                    "Keep the version in your workbook"
                </button>
                " "
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    aria-label=format!("Use the other version: {}", c.description)
                    on:click=use_other>
                    "Use the other version"
                </button>
            </div>
        </li>
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
        <super::linked_backup::SafariSevenDays />
    }
}

/// When each version was last changed, in the user's own time zone: to the
/// second when both fall in the same minute, and "a moment apart" when even
/// the second is the same, so two versions never look changed at once.
fn when_changed(
    kept: chrono::DateTime<chrono::Utc>,
    other: chrono::DateTime<chrono::Utc>,
) -> String {
    use crate::model::common::dates::{clock_time_with_seconds, long_date};
    use chrono::{Local, Timelike};
    let (k, o) = (kept.with_timezone(&Local), other.with_timezone(&Local));
    let same_minute =
        k.date_naive() == o.date_naive() && k.hour() == o.hour() && k.minute() == o.minute();
    if !same_minute {
        return format!(
            "The version in your workbook was last changed on {}; the other version on {}.",
            browser::local_date_time(kept),
            browser::local_date_time(other)
        );
    }
    let day = long_date(k.date_naive());
    if k.second() == o.second() {
        format!(
            "Both versions were last changed on {day} at {}, a moment apart.",
            crate::model::common::dates::clock_time(&k)
        )
    } else {
        format!(
            "The version in your workbook was last changed on {day} at {}; the other version at {}.",
            clock_time_with_seconds(&k),
            clock_time_with_seconds(&o)
        )
    }
}

/// The sentence with its first letter capitalised (`the goal …` → `The goal …`).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What a merge did (or would do), in lines for the user.
fn merged_lines(report: &merge::MergeReport) -> Vec<String> {
    if report.changed_nothing() {
        vec!["Nothing: everything in the backup is already in your workbook.".to_string()]
    } else {
        report.lines()
    }
}

/// "12 KB", "1.4 MB".
fn size_text(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// How long "Delete everything" can be undone while the page stays open.
/// On a shared computer the next person may find the page still open: after
/// this, or once the user leaves the page, what was deleted is let go.
const UNDO_DELETE_EVERYTHING_FOR: std::time::Duration = std::time::Duration::from_secs(120);

/// What "Delete everything" left on the page.
#[derive(Clone)]
enum Deleted {
    /// What was deleted, held by this page only, so it can be put back.
    Undoable(DeletedEverything),
    /// The time to undo has passed: nothing is held any more.
    Lapsed,
}

/// "Delete everything from this browser", for shared computers: offers a
/// backup first, asks, then removes the workbook and every kept-aside copy.
/// It can be undone for 2 minutes while the page stays open; leaving the
/// page (or closing it) ends that at once.
#[component]
fn DeleteEverything(
    download_backup: impl Fn(leptos::ev::MouseEvent) + Clone + 'static,
    on_deleted: Callback<()>,
) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let asking = RwSignal::new(false);
    let done = RwSignal::new(None::<Deleted>);
    let problem = RwSignal::new(None::<String>);
    let lapse_timer = StoredValue::new(None::<TimeoutHandle>);
    let stop_timer = move || {
        if let Some(timer) = lapse_timer.try_get_value().flatten() {
            timer.clear();
        }
    };
    // Lets go of what was deleted, so nobody can put it back from here.
    let lapse = move || {
        stop_timer();
        if done.try_with_untracked(|d| matches!(d, Some(Deleted::Undoable(_)))) == Some(true) {
            done.set(Some(Deleted::Lapsed));
        }
    };
    // Closing the tab or going to another site lets go at once (leaving for
    // another page of the app drops this component, and what it holds, too).
    let page_hidden = window_event_listener(leptos::ev::pagehide, move |_| lapse());
    on_cleanup(move || {
        page_hidden.remove();
        stop_timer();
    });
    let delete = move |_| {
        problem.set(None);
        done.set(Some(Deleted::Undoable(saver.delete_everything())));
        asking.set(false);
        on_deleted.run(());
        stop_timer();
        lapse_timer.set_value(set_timeout_with_handle(lapse, UNDO_DELETE_EVERYTHING_FOR).ok());
    };
    let undo = move |_| {
        if let Some(Deleted::Undoable(deleted)) = done.get_untracked() {
            stop_timer();
            problem.set(saver.undo_delete_everything(deleted).err());
            done.set(None);
            on_deleted.run(());
        }
    };
    // The message takes focus as it appears, so it is seen and heard even
    // though the button pressed is gone.
    let message = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = message.get() {
            let _ = element.focus();
        }
    });
    let summary = store.select(|w| w.summary().lines().join(", "));
    let undoable = move || done.with(|d| matches!(d, Some(Deleted::Undoable(_))));
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
                on:click=move |_| { lapse(); done.set(None); asking.set(true); }>
                "Delete everything from this browser"
            </button>
        </Show>
        <Show when=move || asking.get()>
            <div class="nhsuk-warning-callout" role="group" aria-label="Are you sure you want to delete everything?" data-not-copied="">
                <h3 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Are you sure?"</span>
                </h3>
                <p>{move || format!("This deletes everything in your workbook from this browser ({}), and any unreadable data kept aside. You can undo it for 2 minutes while this page stays open; after that it cannot be put back.", summary.get())}</p>
                <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=delete>
                    "Yes, delete everything"
                </button>
                " "
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| asking.set(false)>
                    "Cancel"
                </button>
            </div>
        </Show>
        <Show when=move || done.with(Option::is_some)>
            <div class="nhsuk-panel" role="status" tabindex="-1" node_ref=message aria-labelledby="deleted-everything-title" data-not-copied="">
                <h3 class="nhsuk-panel__title" id="deleted-everything-title">"Everything has been deleted from this browser"</h3>
                <Show
                    when=undoable
                    fallback=|| view! {
                        <p>"Nothing of your workbook is left in this browser's storage. Undo is no longer available: it cannot be put back from this page. You can close the page."</p>
                    }
                >
                    <p>"Nothing of your workbook is left in this browser's storage. You can undo this for 2 minutes, while this page stays open. After that, or if you leave this page, it cannot be put back."</p>
                    // A white button: the design system's secondary button is
                    // see-through, which on the green panel put blue on green.
                    <button type="button" class="nhsuk-button nhsuk-button--reverse nhsuk-u-margin-bottom-0" on:click=undo>
                        "Undo: put my workbook back"
                    </button>
                </Show>
            </div>
        </Show>
        {move || problem.get().map(|p| view! { <p class="nhsuk-error-message" role="alert">{format!("It could not all be put back: {p}.")}</p> })}
    }
}
