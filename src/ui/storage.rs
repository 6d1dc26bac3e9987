//! The one place that touches the browser's local storage. Loading never panics
//! and never overwrites what it could not read: unreadable text is copied aside
//! under its own key first (the only write made here of itself, at start,
//! before there is anything else to save). Writing reports failures (such as a
//! full quota) and changes nothing else. Only the saver (`ui::saver`) calls the
//! writing functions, and pages call none of these: they read through the
//! store (`ui::store`) and write through the saver. Saves made by other tabs
//! arrive through `watch_other_tabs`.

use chrono::Utc;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::{window_event_listener, WindowListenerHandle};
use wasm_bindgen::JsCast;

use crate::model::common::dates::{clock_time_with_seconds, input_value};
use std::sync::Arc;

use crate::model::files::backup::{self, SectionKeys, StoredState};
use crate::model::Workbook;
use crate::ui::routing::PartLoadError;

/// Where the workbook lives: its own text, which names the sections kept
/// under keys of their own (`files::backup::to_storage_texts`).
pub const WORKBOOK_KEY: &str = "commissioning-workbook";
/// Prefix of the keys of the workbook's sections (the placement log, the
/// group's rounds, support agreements, business cases), each followed by
/// the section's name: read only when a page asks for the section.
pub const SECTION_KEY_PREFIX: &str = "commissioning-workbook.section.";
/// Notes the name of the linked backup file, when there is one (its handle
/// is in IndexedDB: `ui::linked_file`).
pub const LINKED_FILE_KEY: &str = "commissioning-workbook.linked-file";
/// Prefix of the keys that hold unreadable text kept aside.
pub const KEPT_ASIDE_PREFIX: &str = "commissioning-workbook.unreadable.";
/// A copy of the page last shown, drawn by index.html's adoption script
/// before the app starts (`ui::page_copy`; that script names this key too).
pub const PAGE_COPY_KEY: &str = "commissioning-workbook.page-copy";

/// What the app starts with.
pub struct Startup {
    pub workbook: Workbook,
    pub notice: Option<UnreadableNotice>,
    /// Why nothing can be saved, when that is so: storage is unavailable, or
    /// unreadable data could not be copied aside (saving would overwrite it).
    pub saving_blocked: Option<SavingBlocked>,
}

impl Startup {
    /// A workbook read (or a new one), with nothing to report.
    fn with(workbook: Workbook) -> Startup {
        Startup {
            workbook,
            notice: None,
            saving_blocked: None,
        }
    }

    /// A new workbook, as the browser gives the page no local storage.
    fn without_storage() -> Startup {
        Startup {
            saving_blocked: Some(SavingBlocked::NoStorage),
            ..Startup::with(Workbook::new(Utc::now()))
        }
    }
}

/// Tells the user that stored data could not be read and what became of it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnreadableNotice {
    pub reason: String,
    /// The key it was copied to, or None if copying failed.
    pub kept_under: Option<String>,
    pub raw: String,
}

/// Why saving is switched off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavingBlocked {
    /// The browser does not let the page use local storage at all.
    NoStorage,
    /// Stored data could not be read nor copied aside; saving would destroy it
    /// until the user has downloaded it and said it may be replaced.
    UnreadableNotKept,
    /// The part of the app that reads an older or damaged stored workbook
    /// could not be fetched, so it has not been read: saving waits for a
    /// reload, as it would overwrite it.
    NotYetRead,
}

fn storage() -> Option<web_sys::Storage> {
    // `LocalStorage::raw` panics when storage is unavailable (e.g. disabled by
    // policy); check first so that loading never panics.
    let available = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some();
    available.then(LocalStorage::raw)
}

/// What local storage holds at start, read at once when it is a workbook
/// this version wrote: the usual case, and all the first download can read.
pub enum FirstLook {
    Ready(Startup),
    /// Anything else, an older version to migrate or text that cannot be
    /// read: `load_unusual` reads it or keeps it aside.
    Unusual(String),
}

/// Reads a section's key when a page asks for the section. What the key
/// holds is checked against the save that named it (`backup::section_text`).
pub fn section_keys() -> SectionKeys {
    Arc::new(|name: &str| {
        storage()?
            .get_item(&format!("{SECTION_KEY_PREFIX}{name}"))
            .ok()
            .flatten()
    })
}

pub fn first_look() -> FirstLook {
    let Some(store) = storage() else {
        return FirstLook::Ready(Startup::without_storage());
    };
    let workbook = match store.get_item(WORKBOOK_KEY).ok().flatten() {
        None => Workbook::new(Utc::now()),
        Some(text) => match backup::read_stored(&text, &section_keys()) {
            Some(workbook) => workbook,
            None => return FirstLook::Unusual(text),
        },
    };
    FirstLook::Ready(Startup::with(workbook))
}

/// Reads stored text `first_look` could not: migrates an older version, or
/// keeps unreadable text aside and says why. The release build fetches this
/// code (and the migrations) first, as the `unusual_storage` part. If that
/// cannot be fetched, nothing is read or written: the page says so and saving
/// stays off, so the stored text is left as it is for the next visit.
pub async fn load_unusual(raw: String) -> Startup {
    #[cfg(feature = "split")]
    let loaded = unusual_storage_part(raw.clone()).await;
    #[cfg(not(feature = "split"))]
    let loaded: Result<Startup, PartLoadError> = unusual_storage_part(raw.clone());
    loaded.unwrap_or_else(|_| Startup {
        notice: Some(UnreadableNotice {
            reason:
                "The part of the app that reads it could not be fetched, so it has not been read. \
                     Check the connection and reload the page: nothing has been changed."
                    .to_string(),
            kept_under: None,
            raw,
        }),
        saving_blocked: Some(SavingBlocked::NotYetRead),
        ..Startup::with(Workbook::new(Utc::now()))
    })
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(unusual_storage, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn unusual_storage_part(raw: String) -> Result<Startup, PartLoadError> {
    Ok(read_unusual(raw))
}

fn read_unusual(raw: String) -> Startup {
    let now = Utc::now();
    let Some(store) = storage() else {
        return Startup::without_storage();
    };
    match backup::interpret_stored(Some(raw), &section_keys()) {
        StoredState::Empty => Startup::with(Workbook::new(now)),
        StoredState::Loaded(workbook) => {
            workbook.read_every_section();
            Startup::with(*workbook)
        }
        StoredState::Unreadable { raw, error } => {
            let key = free_kept_aside_key(
                &store,
                &format!(
                    "{}T{}Z",
                    input_value(now.date_naive()),
                    clock_time_with_seconds(&now).replace(':', "-")
                ),
            );
            let mut kept = store.set_item(&key, &raw).is_ok();
            // The sections it named are kept aside beside it: the first save
            // removes a section key its workbook does not name.
            for section_key in section_keys_stored(&store) {
                let text = store
                    .get_item(&section_key)
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                let aside = format!("{key}.{}", &section_key[WORKBOOK_KEY.len() + 1..]);
                if store.set_item(&aside, &text).is_ok() {
                    let _ = store.remove_item(&section_key);
                } else {
                    kept = false;
                }
            }
            // Once a copy is safe, the original is removed, so the first save
            // does not take it for something another tab wrote.
            if kept && store.get_item(&key).ok().flatten().as_deref() == Some(raw.as_str()) {
                let _ = store.remove_item(WORKBOOK_KEY);
            }
            Startup {
                workbook: Workbook::new(now),
                notice: Some(UnreadableNotice {
                    reason: backup::stored_data_message(&error),
                    kept_under: kept.then_some(key),
                    raw,
                }),
                saving_blocked: (!kept).then_some(SavingBlocked::UnreadableNotKept),
            }
        }
    }
}

/// A key under the kept-aside prefix that nothing uses yet.
fn free_kept_aside_key(store: &web_sys::Storage, stamp: &str) -> String {
    let base = format!("{KEPT_ASIDE_PREFIX}{stamp}");
    let mut key = base.clone();
    let mut n = 1;
    while matches!(store.get_item(&key), Ok(Some(_))) {
        n += 1;
        key = format!("{base}-{n}");
    }
    key
}

/// What the workbook key holds right now (another tab may have written it).
pub enum Stored {
    Nothing,
    Readable(Workbook),
    /// Text this app cannot read, e.g. written by a newer version in another tab.
    Unreadable,
    /// Text in a form only the long way reads (`read_other_form`): another
    /// tab of an older version of the app saved last. That reader (the
    /// migrations, and reading every kind of record from plain JSON) is not
    /// in the code every page that saves holds; the saver fetches it.
    OtherForm(String),
}

/// Reads the stored workbook, parsing it only when its revision is newer than
/// `known_revision` (otherwise there is nothing in it this tab lacks).
///
/// Runs before every save, so it first looks only at the text's opening, where
/// the revision is, without copying the whole stored text (megabytes, for years
/// of entries) out of JavaScript; only a newer or unusual text is read whole.
pub fn read_if_newer(known_revision: u64) -> Stored {
    let Some(stored) = storage().and_then(|s| stored_js_string(&s, WORKBOOK_KEY)) else {
        return Stored::Nothing;
    };
    let opening = String::from(stored.slice(0, backup::REVISION_OPENING_CHARS));
    if backup::revision_in_opening(&opening).is_some_and(|revision| revision <= known_revision) {
        return Stored::Nothing;
    }
    let text = String::from(stored);
    match backup::stored_revision(&text) {
        Some(revision) if revision <= known_revision => Stored::Nothing,
        _ => match backup::read_stored(&text, &section_keys()) {
            Some(workbook) => Stored::Readable(workbook),
            None => Stored::OtherForm(text),
        },
    }
}

/// Reads another tab's save `read_if_newer` could not (`Stored::OtherForm`)
/// the long way: an older version's, migrated; anything else is unreadable.
pub fn read_other_form(text: &str) -> Stored {
    match backup::read_stored_workbook(text, &section_keys()) {
        Ok(workbook) => Stored::Readable(workbook),
        Err(_) => Stored::Unreadable,
    }
}

/// `getItem` leaving the text a JavaScript string (web-sys's `get_item` copies
/// it into wasm memory at once).
fn stored_js_string(store: &web_sys::Storage, key: &str) -> Option<js_sys::JsString> {
    let get_item: js_sys::Function = js_sys::Reflect::get(store, &"getItem".into())
        .ok()?
        .dyn_into()
        .ok()?;
    get_item.call1(store, &key.into()).ok()?.dyn_into().ok()
}

/// Writes the workbook in its packed storage form (`stored_form`): first
/// the texts of the sections that changed, each under its own key, then the
/// workbook's own text, which names them; so another tab, or the next start,
/// never finds a workbook naming a section's save that is not there yet.
/// Returns the sections written (the caller notes them as kept:
/// `backup::note_sections_kept`). The error text is shown to the user.
pub fn write(workbook: &Workbook) -> Result<Vec<&'static str>, String> {
    let store =
        storage().ok_or_else(|| "local storage is not available in this browser".to_string())?;
    let texts = backup::to_storage_texts(workbook);
    for (name, text) in &texts.sections {
        set_making_room(&store, &format!("{SECTION_KEY_PREFIX}{name}"), text)?;
    }
    set_making_room(&store, WORKBOOK_KEY, &texts.workbook)?;
    // A section emptied since it was last kept: its key is not named now.
    for key in section_keys_stored(&store) {
        let name = &key[SECTION_KEY_PREFIX.len()..];
        if !texts.kept_apart.contains(&name) {
            let _ = store.remove_item(&key);
        }
    }
    Ok(texts.sections.iter().map(|(name, _)| *name).collect())
}

/// Notes in `workbook` (the one `write` wrote) the sections it wrote: from
/// now on they are read from their keys, and not written again unchanged.
pub fn note_written(workbook: &mut Workbook, written: &[&'static str]) {
    backup::note_sections_kept(workbook, written, &section_keys());
}

/// Every section key in local storage.
fn section_keys_stored(store: &web_sys::Storage) -> Vec<String> {
    let len = store.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(SECTION_KEY_PREFIX))
        .collect()
}

/// `setItem`, removing the page copy and trying again when storage is full.
fn set_making_room(store: &web_sys::Storage, key: &str, text: &str) -> Result<(), String> {
    let mut written = store.set_item(key, text);
    // The page copy never costs the workbook its room: with storage full,
    // the copy goes and the workbook is written again.
    if written.is_err() && store.get_item(PAGE_COPY_KEY).ok().flatten().is_some() {
        let _ = store.remove_item(PAGE_COPY_KEY);
        written = store.set_item(key, text);
    }
    written.map_err(|err| {
        let name = err
            .dyn_ref::<web_sys::DomException>()
            .map(|e| e.name())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            "the browser's storage for this site is full".to_string()
        } else {
            "the browser refused to store it".to_string()
        }
    })
}

/// The stored workbook's revision: `Ok(None)` when none is stored, `Err`
/// when storage or the text's opening cannot be read. Only the opening is
/// copied out of JavaScript.
pub fn stored_revision() -> Result<Option<u64>, ()> {
    let store = storage().ok_or(())?;
    match stored_js_string(&store, WORKBOOK_KEY) {
        None => Ok(None),
        Some(stored) => {
            let opening = String::from(stored.slice(0, backup::REVISION_OPENING_CHARS));
            backup::revision_in_opening(&opening).map(Some).ok_or(())
        }
    }
}

/// Whether a workbook is stored (its text is not copied out of JavaScript).
pub fn holds_workbook() -> bool {
    storage().is_some_and(|s| stored_js_string(&s, WORKBOOK_KEY).is_some())
}

/// Keeps the copy of the page last shown (`ui::page_copy`). A refusal (the
/// storage full) removes the older copy rather than leave one behind.
pub fn keep_page_copy(text: &str) {
    if let Some(store) = storage() {
        if store.set_item(PAGE_COPY_KEY, text).is_err() {
            let _ = store.remove_item(PAGE_COPY_KEY);
        }
    }
}

/// Forgets the copy of the page last shown.
pub fn forget_page_copy() {
    if let Some(store) = storage() {
        let _ = store.remove_item(PAGE_COPY_KEY);
    }
}

/// Calls `on_save` with the new text whenever another tab of this site saves
/// the workbook, or with `None` when another tab deleted it (the browser's
/// `storage` event fires only in the other tabs), until the returned handle
/// is removed.
pub fn watch_other_tabs(on_save: impl Fn(Option<String>) + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::storage, move |event| match event.key() {
        Some(key) if key == WORKBOOK_KEY => on_save(event.new_value()),
        // `clear()` in another tab.
        None => on_save(None),
        Some(_) => {}
    })
}

/// Unreadable data kept aside earlier: (key, text), oldest first.
pub fn kept_aside() -> Vec<(String, String)> {
    let Some(store) = storage() else {
        return Vec::new();
    };
    let len = store.length().unwrap_or(0);
    let mut found: Vec<(String, String)> = (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(KEPT_ASIDE_PREFIX))
        .filter_map(|k| store.get_item(&k).ok().flatten().map(|v| (k, v)))
        .collect();
    found.sort();
    found
}

/// How much of this site's local storage the workbook takes: the key and the
/// text, in UTF-16 code units, which is what browsers count against their
/// allowance (`TYPICAL_QUOTA_UNITS`; Chromium refuses a site more than
/// 5,242,880 of them, key and text together, as the benchmark measured).
pub fn workbook_units() -> usize {
    let Some(store) = storage() else {
        return 0;
    };
    let units = |key: &str| {
        store
            .get_item(key)
            .ok()
            .flatten()
            .map_or(0, |text| key.len() + text.encode_utf16().count())
    };
    units(WORKBOOK_KEY)
        + section_keys_stored(&store)
            .iter()
            .map(|k| units(k))
            .sum::<usize>()
}

/// The local-storage allowance of Chrome, Edge, Firefox and Safari for one
/// site: about 5 MB, counted as characters (UTF-16 code units).
pub const TYPICAL_QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// Asks the browser to keep this site's storage when it frees up space
/// (`navigator.storage.persist()`), unless it already does. `Some(true)` when
/// it will; `None` where the browser has no such setting.
pub async fn ask_to_persist() -> Option<bool> {
    use wasm_bindgen_futures::JsFuture;
    let navigator = web_sys::window()?.navigator();
    // Older browsers and insecure pages have no `navigator.storage`.
    if !js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return None;
    }
    let manager = navigator.storage();
    let already = JsFuture::from(manager.persisted().ok()?).await.ok()?;
    if already.as_bool() == Some(true) {
        return Some(true);
    }
    JsFuture::from(manager.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Removes the workbook and its sections' keys, every kept-aside copy, the
/// note of a linked backup file and the copy of the page last shown from
/// this browser.
pub fn delete_everything() {
    if let Some(store) = storage() {
        for (key, _) in kept_aside() {
            let _ = store.remove_item(&key);
        }
        let _ = store.remove_item(WORKBOOK_KEY);
        for key in section_keys_stored(&store) {
            let _ = store.remove_item(&key);
        }
        let _ = store.remove_item(LINKED_FILE_KEY);
        let _ = store.remove_item(PAGE_COPY_KEY);
    }
}

/// The name of the linked backup file, if one is linked in this browser.
pub fn linked_file_name() -> Option<String> {
    storage()?.get_item(LINKED_FILE_KEY).ok().flatten()
}

/// Notes (or, with None, forgets) the linked backup file.
pub fn note_linked_file(name: Option<&str>) {
    if let Some(store) = storage() {
        let _ = match name {
            Some(name) => store.set_item(LINKED_FILE_KEY, name),
            None => store.remove_item(LINKED_FILE_KEY),
        };
    }
}

/// Puts a kept-aside copy back (the "Undo" after deleting it).
pub fn put_back_kept_aside(key: &str, text: &str) -> Result<(), String> {
    if !key.starts_with(KEPT_ASIDE_PREFIX) {
        return Err("that is not a copy this app kept aside".into());
    }
    storage()
        .ok_or_else(|| "local storage is not available in this browser".to_string())?
        .set_item(key, text)
        .map_err(|_| "the browser refused to store it".to_string())
}

/// Deletes one kept-aside copy, when the user says they no longer need it.
pub fn remove_kept_aside(key: &str) {
    if key.starts_with(KEPT_ASIDE_PREFIX) {
        if let Some(store) = storage() {
            let _ = store.remove_item(key);
        }
    }
}
