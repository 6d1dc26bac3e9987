use leptos::prelude::*;
use leptos_meta::Title;

use crate::model::backup;
use crate::model::Workbook;
use crate::ui::browser;
use crate::ui::state::use_state;
use crate::ui::storage;

/// A restore the user has chosen but not yet confirmed.
#[derive(Clone)]
enum Restore {
    Ready {
        file_name: String,
        workbook: Workbook,
    },
    Refused {
        file_name: String,
        reason: String,
    },
    Done {
        file_name: String,
    },
}

#[component]
pub fn YourData() -> impl IntoView {
    let state = use_state();
    let restore = RwSignal::new(None::<Restore>);
    let download_message = RwSignal::new(None::<String>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let kept_aside = RwSignal::new(storage::kept_aside());

    let download_backup = move |_| {
        let text = state.workbook.with_untracked(backup::to_json);
        let name = backup::backup_file_name(browser::today());
        match browser::download_text(&name, &text, "application/json") {
            Ok(()) => download_message.set(Some(format!("Your backup is downloading as {name}."))),
            Err(reason) => download_message.set(Some(reason)),
        }
    };

    let on_file_chosen = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let chosen = browser::read_chosen_file(&input).await;
            restore.set(chosen.map(|read| match read {
                Ok((file_name, text)) => match backup::read_workbook(&text) {
                    Ok(workbook) => Restore::Ready {
                        file_name,
                        workbook,
                    },
                    Err(error) => Restore::Refused {
                        file_name,
                        reason: error.to_string(),
                    },
                },
                Err(reason) => Restore::Refused {
                    file_name: String::new(),
                    reason,
                },
            }));
        });
    };

    let clear_choice = move || {
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
    };
    let confirm_restore = move |_| {
        if let Some(Restore::Ready {
            file_name,
            workbook,
        }) = restore.get_untracked()
        {
            state.replace(workbook);
            clear_choice();
            restore.set(Some(Restore::Done { file_name }));
        }
    };
    let cancel_restore = move |_| {
        clear_choice();
        restore.set(None);
    };

    view! {
        <Title text="Your data" />
        <h1>"Your data"</h1>
        <p>
            "Your workbook is saved automatically in this browser's local storage, on this device only. Nothing is sent anywhere. If you clear your browser's data, or use another browser or device, it will not be there."
        </p>
        <p>{move || format!("Last changed: {}", state.workbook.with(|w| w.updated_at.format("%-d %B %Y at %H:%M UTC").to_string()))}</p>

        <h2>"Download a backup"</h2>
        <p>
            "A backup is a single JSON file with everything in your workbook. Keep it somewhere safe, or use it to move your workbook to another browser."
        </p>
        <button type="button" class="nhsuk-button" on:click=download_backup>"Download backup"</button>
        {move || download_message.get().map(|m| view! { <p role="status">{m}</p> })}

        <h2>"Restore from a file"</h2>
        <p>"Restoring replaces everything in this workbook with what is in the backup file. You will be asked to confirm first."</p>
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="restore-file">"Choose a backup file"</label>
            <input
                class="nhsuk-file-upload"
                id="restore-file"
                type="file"
                accept=".json,application/json"
                node_ref=file_input
                on:change=on_file_chosen
            />
        </div>
        {move || restore.get().map(|r| match r {
            Restore::Ready { file_name, workbook } => view! {
                <div class="nhsuk-card" role="region" aria-label="Backup to restore">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading">{format!("{file_name} holds:")}</h3>
                        <ul aria-label="Backup contents">
                            {workbook.summary().lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                        <p>{format!("It was last changed on {}.", workbook.updated_at.format("%-d %B %Y at %H:%M UTC"))}</p>
                        <div class="nhsuk-warning-callout">
                            <h4 class="nhsuk-warning-callout__label">"Important"</h4>
                            <p>"Restoring replaces everything now in your workbook. Download a backup of it first if you may need it."</p>
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
            Restore::Done { file_name } => view! {
                <div class="nhsuk-panel" role="status">
                    <h3 class="nhsuk-panel__title">"Workbook restored"</h3>
                    <p>{format!("Your workbook now holds what was in {file_name}.")}</p>
                </div>
            }.into_any(),
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
                                        storage::remove_kept_aside(&delete_key);
                                        kept_aside.set(storage::kept_aside());
                                    }
                                >"Delete"</button>
                            </li>
                        }
                    }
                />
            </ul>
        </Show>
    }
}
