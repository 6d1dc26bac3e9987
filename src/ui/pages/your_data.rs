use leptos::prelude::*;
use leptos_meta::Title;

use crate::model::document::backup;
use crate::model::Workbook;
use crate::ui::browser;
use crate::ui::components::{ChosenFile, FileImport};
use crate::ui::storage;
use crate::ui::store::use_store;

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
        /// Why it could not be saved, if it was not.
        not_saved: Option<String>,
    },
}

#[component]
pub fn YourData() -> impl IntoView {
    let store = use_store();
    let restore = RwSignal::new(None::<Restore>);
    let download_message = RwSignal::new(None::<String>);
    let kept_aside = RwSignal::new(storage::kept_aside());

    let download_backup = move |_| {
        let text = store.workbook.with_untracked(backup::to_json);
        let name = backup::backup_file_name(browser::today());
        match browser::download_text(&name, &text, "application/json") {
            Ok(()) => download_message.set(Some(format!("Your backup is downloading as {name}."))),
            Err(reason) => download_message.set(Some(reason)),
        }
    };

    let on_file = Callback::new(move |file: ChosenFile| {
        restore.set(Some(match backup::read_workbook(&file.text) {
            Ok(workbook) => Restore::Ready {
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
    let confirm_restore = move |_| {
        if let Some(Restore::Ready {
            file_name,
            workbook,
        }) = restore.get_untracked()
        {
            let not_saved = store.restore(workbook).err();
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

        <h2>"Download a backup"</h2>
        <p>
            "A backup is a single JSON file with everything in your workbook. Keep it somewhere safe, or use it to move your workbook to another browser."
        </p>
        <button type="button" class="nhsuk-button" on:click=download_backup>"Download backup"</button>
        {move || download_message.get().map(|m| view! { <p role="status">{m}</p> })}

        <h2>"Restore from a file"</h2>
        <p>"Restoring replaces everything in this workbook with what is in the backup file. You will be asked to confirm first."</p>
        <FileImport id="restore-file" label="Choose a backup file" on_file on_error=on_read_error />
        {move || restore.get().map(|r| match r {
            Restore::Ready { file_name, workbook } => view! {
                <div class="nhsuk-card" role="region" aria-label="Backup to restore">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading">{format!("{file_name} holds:")}</h3>
                        <ul aria-label="Backup contents">
                            {workbook.summary().lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                        <p>{format!("It was last changed on {}.", browser::local_date_time(workbook.updated_at))}</p>
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

        <DeleteEverything download_backup on_deleted=Callback::new(move |()| kept_aside.set(storage::kept_aside())) />
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
    let asking = RwSignal::new(false);
    let done = RwSignal::new(false);
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
                on:click=move |_| { done.set(false); asking.set(true); }>
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
                    on:click=move |_| { store.delete_everything(); asking.set(false); done.set(true); on_deleted.run(()); }>
                    "Yes, delete everything"
                </button>
                " "
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| asking.set(false)>
                    "Cancel"
                </button>
            </div>
        </Show>
        <Show when=move || done.get()>
            <div class="nhsuk-panel" role="status">
                <h3 class="nhsuk-panel__title">"Everything has been deleted from this browser"</h3>
                <p>"Nothing of your workbook is left in this browser's storage. You can close the page."</p>
            </div>
        </Show>
    }
}
