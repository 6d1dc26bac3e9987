//! Choosing many members' files at once for a group round: the NHS.UK file
//! upload with its drop zone (design system 10, "file upload": a button
//! named by the label that opens the file chooser, showing how many files
//! are chosen, onto which files can also be dropped; the file input itself
//! is hidden from the keyboard and screen readers, as the button stands in
//! for it), and, where the browser can open a whole folder (Edge, Chrome),
//! "Choose a folder". A dropped folder is read too, with its sub-folders.
//!
//! The files are read a slice at a time and taken into the batch as they
//! are read (`group_intake::Taking`), with the browser free to draw the
//! page between slices, so 2,000 files never freeze it; a progress bar shows
//! how far it has got when there is more than one slice. When every file is
//! read, `on_intake` gets what loading them would do; the page takes the
//! members in with one change and shows the result (`IntakeReport`).

use leptos::prelude::*;

use crate::model::common::ids::new_id;
use crate::model::files::group_intake::{thousands, Intake, IntakeSaid, Taking};
use crate::ui::picked_files::{self, Chosen, READ_AT_ONCE};

/// How far reading has got: files read (and checked) of all chosen.
#[derive(Clone, Copy, PartialEq)]
struct Progress {
    done: usize,
    total: usize,
}

#[component]
pub fn ManyFilesPicker(
    /// The id of the button that opens the file chooser (the label is for
    /// it, and an error summary can link to it).
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    /// Called as reading starts, to make the batch the files go into: the
    /// page's round as it is now and its choice of keeping names
    /// (`Taking::new(&round, keep_names, now)`), or None to read nothing.
    start: Callback<(), Option<Taking>>,
    /// Called once every chosen file has been read, with what loading them
    /// would do. Called for every choice, even of files all bad.
    on_intake: Callback<Intake>,
    /// The first part of new members' ids (the record kind's prefix).
    #[prop(default = "member")]
    id_prefix: &'static str,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let zone = NodeRef::<leptos::html::Div>::new();
    let label_id = format!("{id}-label");
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let comma_id = format!("{id}-comma");
    let progress_id = format!("{id}-progress");
    let can_choose_folder = picked_files::can_choose_folder();

    let busy = RwSignal::new(false);
    let status = RwSignal::new("No files chosen".to_string());
    let dragging = RwSignal::new(false);
    // Said to screen readers as a drag enters or leaves, as the NHS.UK
    // component does.
    let drag_announcement = RwSignal::new(String::new());
    let progress = RwSignal::new(None::<Progress>);
    // Said to screen readers at the start, each quarter and the end only:
    // a polite message for every slice would queue up a hundred of them.
    let announced = RwSignal::new(String::new());
    let note = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    // Reads the chosen files and hands on what loading them would do.
    let take = move |chosen: Vec<Chosen>| {
        let total = chosen.len();
        // `try_run`: after a folder is walked the page may have gone.
        let Some(mut taking) = start.try_run(()).flatten() else {
            return;
        };
        status.set(match total {
            0 => "No files chosen".to_string(),
            1 => chosen[0].name.clone(),
            n => format!("{} files chosen", thousands(n)),
        });
        busy.set(true);
        let shows_progress = total > READ_AT_ONCE;
        if shows_progress {
            progress.set(Some(Progress { done: 0, total }));
            announced.set(format!("Reading {} files", thousands(total)));
        }
        leptos::task::spawn_local(async move {
            let mut fresh_id = || new_id(id_prefix);
            let mut quarter = 0;
            let mut left = false;
            picked_files::read_in_slices(chosen, |slice| {
                // The picker was taken off the page while reading: stop,
                // loading nothing (not part of the files).
                if busy.try_get_untracked().is_none() {
                    left = true;
                    return false;
                }
                for file in &slice {
                    taking.take(file, &mut fresh_id);
                }
                let done = taking.files_taken();
                if shows_progress {
                    progress.set(Some(Progress { done, total }));
                    if done * 4 / total > quarter && done < total {
                        quarter = done * 4 / total;
                        announced.set(read_of(done, total));
                    }
                }
                true
            })
            .await;
            if left {
                return;
            }
            if shows_progress {
                announced.set(read_of(total, total));
            }
            progress.set(None);
            busy.set(false);
            // Nothing to hand on to a page that has gone.
            let _ = on_intake.try_run(taking.done());
        });
    };

    let chosen_in_input = move |_| {
        if let Some(element) = input.get_untracked() {
            take(picked_files::from_input(&element));
        }
    };
    let open_chooser = move |_| {
        if let Some(element) = input.get_untracked() {
            // Cleared first, so choosing the same files again still reads
            // them (a browser sends no change for the same choice).
            element.set_value("");
            element.click();
        }
    };
    let take_folder = move |folder: picked_files::FolderFiles| {
        note.set(folder_note(&folder));
        if folder.files.is_empty() {
            error.set(Some(
                "The folder has no .json files in it. Choose the folder members save their files in."
                    .to_string(),
            ));
        } else {
            take(folder.files);
        }
    };
    let choose_folder = move |_| {
        error.set(None);
        note.set(None);
        leptos::task::spawn_local(async move {
            match picked_files::choose_folder().await {
                Ok(Some(folder)) => take_folder(folder),
                Ok(None) => {}
                Err(message) => error.set(Some(message)),
            }
        });
    };

    let enter = move |ev: web_sys::DragEvent| {
        if busy.get_untracked() || !picked_files::drag_has_files(&ev) {
            return;
        }
        // Allows the drop.
        ev.prevent_default();
        if !dragging.get_untracked() {
            dragging.set(true);
            drag_announcement.set("Entered drop zone".to_string());
        }
    };
    let leave = move |ev: web_sys::DragEvent| {
        // Leaving the button for the text inside it is not leaving the zone.
        let into: Option<web_sys::Node> = ev
            .related_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
        let inside = zone
            .get_untracked()
            .is_some_and(|z| into.is_some_and(|n| z.contains(Some(&n))));
        if !inside && dragging.get_untracked() {
            dragging.set(false);
            drag_announcement.set("Left drop zone".to_string());
        }
    };
    let drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        note.set(None);
        // Taken during the event: the browser forgets what was dropped after it.
        let dropped = picked_files::from_drop(&ev);
        if !dropped.has_folders() {
            take(dropped.files);
            return;
        }
        leptos::task::spawn_local(async move {
            let mut folder = picked_files::walk_dropped(&dropped).await;
            let mut files = dropped.files;
            files.append(&mut folder.files);
            folder.files = files;
            take_folder(folder);
        });
    };

    let button_class = move || {
        let mut class = "nhsuk-file-upload__drop-button".to_string();
        if status.with(|s| s == "No files chosen") {
            class.push_str(" nhsuk-file-upload__drop-button--empty");
        }
        if dragging.get() {
            class.push_str(" nhsuk-file-upload__drop-button--dragging");
        }
        class
    };

    view! {
        <div class=move || {
            if error.with(Option::is_some) {
                "nhsuk-form-group nhsuk-file-upload nhsuk-form-group--error"
            } else {
                "nhsuk-form-group nhsuk-file-upload"
            }
        }>
            <label class="nhsuk-label" id=label_id.clone() for=id>{label}</label>
            {hint.map(|hint| view! { <div class="nhsuk-hint" id=hint_id.clone()>{hint}</div> })}
            {move || error.get().map(|message| view! {
                <p class="nhsuk-error-message">
                    <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
                </p>
            })}
            <div
                class="nhsuk-file-upload__drop-zone"
                node_ref=zone
                on:dragenter=enter
                on:dragover=enter
                on:dragleave=leave
                on:drop=drop
            >
                <button
                    type="button"
                    id=id
                    class=button_class
                    aria-labelledby=format!("{label_id} {comma_id} {id}")
                    aria-describedby=hint_id.clone()
                    disabled=move || busy.get()
                    on:click=open_chooser
                >
                    <span class="nhsuk-body nhsuk-file-upload__status" aria-live="polite">
                        {move || status.get()}
                    </span>
                    <span class="nhsuk-u-visually-hidden" id=comma_id.clone()>", "</span>
                    <span class="nhsuk-file-upload__drop-button-group">
                        <span class="nhsuk-button nhsuk-button--secondary nhsuk-file-upload__choose-files-button">
                            "Choose files"
                        </span>
                        " "
                        <span class="nhsuk-body nhsuk-file-upload__drop-instruction">
                            "or drop files or a folder here"
                        </span>
                    </span>
                </button>
                // Without the design system's class for a visible file input:
                // hidden, it needs none of its styles in the first download.
                <input
                    id=format!("{id}-input")
                    type="file"
                    multiple
                    accept=".json,application/json"
                    hidden
                    tabindex="-1"
                    aria-hidden="true"
                    node_ref=input
                    on:change=chosen_in_input
                />
            </div>
            <span class="nhsuk-file-upload__announcements nhsuk-u-visually-hidden" aria-live="assertive">
                {move || drag_announcement.get()}
            </span>
            {can_choose_folder.then(|| view! {
                <p class="nhsuk-body nhsuk-u-margin-top-4">
                    "Or open a whole folder, such as a shared OneDrive, SharePoint or Teams folder that \
                     members save their files in: every .json file in it and its sub-folders is read."
                </p>
                <button
                    type="button"
                    class="nhsuk-button nhsuk-button--secondary"
                    disabled=move || busy.get()
                    on:click=choose_folder
                >
                    "Choose a folder"
                </button>
            })}
            {move || note.get().map(|note| view! { <p class="nhsuk-body">{note}</p> })}
            // Drawn once, its figures changed in place as each slice is read.
            <Show when=move || progress.with(Option::is_some)>
                <div class="app-many-files__progress">
                    <label class="nhsuk-label" for=progress_id.clone()>"Reading members' files"</label>
                    <progress
                        id=progress_id.clone()
                        max=move || progress.get().map(|p| p.total.to_string())
                        value=move || progress.get().map(|p| p.done.to_string())
                        aria-describedby=format!("{progress_id}-text")
                    ></progress>
                    <p class="nhsuk-body" id=format!("{progress_id}-text")>
                        {move || progress.get().map(|p| read_of(p.done, p.total))}
                    </p>
                </div>
            </Show>
            <p class="nhsuk-u-visually-hidden" aria-live="polite">{move || announced.get()}</p>
        </div>
    }
}

/// "Read 150 of 2,000 files".
fn read_of(done: usize, total: usize) -> String {
    format!("Read {} of {} files", thousands(done), thousands(total))
}

/// What was left out of a folder, if anything.
fn folder_note(folder: &picked_files::FolderFiles) -> Option<String> {
    let mut said = Vec::new();
    match folder.others {
        0 => {}
        1 => said.push("1 file in the folder is not a .json file and was left out.".to_string()),
        n => said.push(format!(
            "{} files in the folder are not .json files and were left out.",
            thousands(n)
        )),
    }
    if folder.cut_short {
        said.push(format!(
            "Only the first {} .json files were read: the folder holds more, so it may not be \
             the folder of members' files.",
            thousands(picked_files::MAX_FOLDER_FILES)
        ));
    }
    (!said.is_empty()).then(|| said.join(" "))
}

/// What loading the files did, in words, and each file that could not be
/// read with its reason.
#[component]
pub fn IntakeReport(said: IntakeSaid) -> impl IntoView {
    let words = said.words.join(" ");
    let bad = said.bad;
    let has_bad = !bad.is_empty();
    view! {
        // A region of its own, so it can be found among the page's other
        // messages (such as the banner offering to undo the loading).
        <div
            class=if has_bad { "nhsuk-warning-callout" } else { "nhsuk-inset-text" }
            role="region"
            aria-label="Files loaded"
        >
            {has_bad.then(|| view! {
                <h3 class="nhsuk-warning-callout__label">
                    <span role="text">
                        <span class="nhsuk-u-visually-hidden">"Important: "</span>
                        "Some files could not be read"
                    </span>
                </h3>
            })}
            <p>{words}</p>
            {has_bad.then(|| view! {
                <ul class="nhsuk-list nhsuk-list--bullet">
                    {bad
                        .into_iter()
                        .map(|(name, reason)| view! { <li><strong>{name}</strong>": "{reason}</li> })
                        .collect_view()}
                </ul>
            })}
        </div>
    }
}
