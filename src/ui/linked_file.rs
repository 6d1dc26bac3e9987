//! The linked backup file: a file the user chooses once (in Edge or Chrome,
//! which have the File System Access API), such as one in their OneDrive
//! folder, that the workbook is written to shortly after each change. This
//! is the only code that touches that file, and the browser's IndexedDB,
//! where the file's handle is kept between visits (a handle cannot be put in
//! local storage; local storage only notes that there is one, so a browser
//! without one never opens the database).
//!
//! Before each write the file is read: if it no longer holds what this
//! browser last wrote to it (another device wrote to it through OneDrive),
//! what it holds is merged in first, as a backup is merged on Your data
//! (conflicts listed, nothing dropped). A file that is not a workbook backup
//! is never written over. On a later visit the browser may ask again before
//! the app writes to the file: a banner above every page says so, and asks
//! only when the user clicks (nothing is lost meanwhile: the workbook is
//! still saved in this browser).
//!
//! Imports run one way: this file uses the store and storage, which know
//! nothing of it, and the saver, which makes the link, gives it its way to
//! merge (`MergeIn`); it is reached only from the saver's part (fetched as an
//! area's page is drawn in a browser that linked a file:
//! `Saver::keep_linked_file`) and from Your data's part, never the first
//! download nor the other areas' parts.

use std::cell::RefCell;
use std::time::Duration;

use chrono::{DateTime, Utc};
use js_sys::{Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use leptos::mount::mount_to;

use super::components::PART_BANNERS;
use super::js_object::{call, get, set};
use super::storage;
use super::store::WorkbookStore;
use super::web_crypto;
use crate::model::files::{backup, encrypted};
use crate::model::Workbook;

/// The database, its one table, and the one record in it.
const DATABASE: &str = "commissioning-workbook-files";
const TABLE: &str = "linked-file";
const RECORD: &str = "backup-file";
/// How long after a change the file is written: changes made together
/// (typing, several clicks) are written once.
const WRITE_DELAY: Duration = Duration::from_millis(1500);

/// Where the linked file stands, as Your data and the banner say it.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkState {
    /// No file is linked (or not known yet).
    NotLinked,
    /// Linked, and the browser asks the user again before the app may
    /// write to it (a later visit).
    NeedsPermission { name: String },
    /// Linked and protected with a passphrase, which is asked for on each
    /// visit (it is never stored).
    NeedsPassphrase { name: String },
    /// Being written, or written at this moment (None: not yet).
    Linked {
        name: String,
        written_at: Option<DateTime<Utc>>,
    },
    /// It could not be read or written, for this reason (in words that
    /// follow the file's name).
    Failed { name: String, reason: String },
}

impl LinkState {
    pub fn name(&self) -> Option<&str> {
        match self {
            LinkState::NotLinked => None,
            LinkState::NeedsPermission { name }
            | LinkState::NeedsPassphrase { name }
            | LinkState::Linked { name, .. }
            | LinkState::Failed { name, .. } => Some(name),
        }
    }
}

/// What was merged in from the file when it held changes made elsewhere.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedFromFile {
    pub at: DateTime<Utc>,
    pub lines: Vec<String>,
}

/// Merges a workbook read from the file into this one (the saver's
/// `MergeBackup`): what the merge did in lines, None when it changed nothing,
/// or why it was refused.
pub type MergeIn = Callback<Workbook, Result<Option<Vec<String>>, String>>;

/// The link's state, shared by Your data, the banner and the writer.
#[derive(Clone, Copy)]
pub struct LinkedFile {
    pub state: RwSignal<LinkState>,
    /// Whether the file is written protected with a passphrase.
    pub protected: RwSignal<bool>,
    pub merged: RwSignal<Option<MergedFromFile>>,
    store: WorkbookStore,
    merge_in: MergeIn,
}

/// The file's handle and what was last written to it (by its hash), kept on
/// this page only.
#[derive(Default)]
struct Held {
    handle: Option<JsValue>,
    written_hash: Option<String>,
    writing: bool,
    timer: Option<TimeoutHandle>,
    watching: bool,
    /// Looked for the handle kept from an earlier visit (once a visit).
    looked: bool,
    /// The passphrase the file is protected with, given on this visit: kept
    /// on this page only, never stored.
    passphrase: Option<String>,
    /// Whether the file is protected (kept with the handle, for the next visit).
    protected: bool,
}

thread_local! {
    static HELD: RefCell<Held> = RefCell::new(Held::default());
    static LINK: RefCell<Option<LinkedFile>> = const { RefCell::new(None) };
    /// The owner of the link's signals and of its writer's effect: a root of
    /// its own, as the page that first asks for the link (Your data) is
    /// disposed of when the user moves on, and the link must outlive it.
    static OWNER: Owner = detached_root();
}

/// A root owner, leaving the current owner as it was (making a root makes
/// it the current one).
fn detached_root() -> Owner {
    let before = Owner::current();
    let root = Owner::new_root(None);
    match before {
        Some(before) => before.set(),
        None => root.clone().unset(),
    }
    root
}

/// Whether this browser can keep a file up to date (Edge, Chrome and other
/// Chromium browsers on a computer; not Firefox or Safari).
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| {
        Reflect::has(&w, &JsValue::from_str("showSaveFilePicker")).unwrap_or(false)
    })
}

/// The link, made once per page (with its banner above every page), by the
/// saver (`Saver::linked_file`), which merges what the file holds.
pub fn linked_file(
    store: WorkbookStore,
    merge_in: impl Fn(Workbook) -> Result<Option<Vec<String>>, String> + Send + Sync + 'static,
) -> LinkedFile {
    if let Some(link) = LINK.with(|l| *l.borrow()) {
        return link;
    }
    // Every reactive value of the link is made under its own owner: made
    // under the page that asked first, they went when that page did.
    let link = OWNER.with(|owner| {
        owner.with(|| LinkedFile {
            state: RwSignal::new(LinkState::NotLinked),
            protected: RwSignal::new(false),
            merged: RwSignal::new(None),
            store,
            merge_in: Callback::new(merge_in),
        })
    });
    LINK.with(|l| *l.borrow_mut() = Some(link));
    // Drawn into its place above every page by this part itself, outside
    // the drawing of whichever page asked for the link first (mounted while
    // a page was being drawn, it never updated).
    request_animation_frame(move || {
        let place = document()
            .get_element_by_id(PART_BANNERS)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(place) = place {
            OWNER.with(|owner| {
                owner.with(|| mount_to(place, move || view! { <LinkedFileBanner link /> }).forget())
            });
        }
    });
    link
}

impl LinkedFile {
    /// Finds the handle kept from an earlier visit and carries on with it.
    pub async fn reopen(self) {
        if HELD.with(|h| std::mem::replace(&mut h.borrow_mut().looked, true)) {
            return;
        }
        // Forgotten here (deleted with everything else, or unlinked in
        // another tab): the handle goes too.
        if storage::linked_file_name().is_none() {
            let _ = delete_record().await;
            return;
        }
        let record = match read_record().await {
            Ok(Some(record)) => record,
            Ok(None) => {
                // Noted in local storage but gone from the database (cleared
                // on its own): nothing to carry on with.
                storage::note_linked_file(None);
                return;
            }
            Err(reason) => {
                let name = storage::linked_file_name().unwrap_or_default();
                self.state.set(LinkState::Failed { name, reason });
                return;
            }
        };
        let handle = get(&record, "handle");
        let name = get(&handle, "name").as_string().unwrap_or_default();
        let written_hash = get(&record, "writtenHash").as_string();
        HELD.with(|h| {
            let mut h = h.borrow_mut();
            h.handle = Some(handle.clone());
            h.written_hash = written_hash;
        });
        let written_at = get(&record, "writtenAt")
            .as_string()
            .and_then(|t| t.parse().ok());
        if get(&record, "protected").as_bool() == Some(true) {
            HELD.with(|h| h.borrow_mut().protected = true);
            self.protected.set(true);
            self.state.set(LinkState::NeedsPassphrase { name });
            return;
        }
        if permission(&handle, false).await == "granted" {
            self.state.set(LinkState::Linked { name, written_at });
            self.watch();
            self.write_now().await;
        } else {
            self.state.set(LinkState::NeedsPermission { name });
        }
    }

    /// "Choose a file to keep up to date": the browser's save dialog, then
    /// the file is brought up to date at once (what it holds merged in
    /// first, if it is a backup of a workbook).
    pub async fn choose(self) -> Result<(), String> {
        let Some(window) = web_sys::window() else {
            return Ok(());
        };
        let options = Object::new();
        set(
            &options,
            "suggestedName",
            &JsValue::from_str("commissioning-workbook-backup.json"),
        );
        let json = Object::new();
        set(
            &json,
            "application/json",
            &js_sys::Array::of1(&JsValue::from_str(".json")),
        );
        let kind = Object::new();
        set(&kind, "description", &JsValue::from_str("Workbook backup"));
        set(&kind, "accept", &json);
        set(&options, "types", &js_sys::Array::of1(&kind));
        let handle = match call(&window, "showSaveFilePicker", &[options.into()]) {
            Ok(promise) => match JsFuture::from(Promise::from(promise)).await {
                Ok(handle) => handle,
                // Cancelled: nothing changes.
                Err(error) if error_name(&error) == "AbortError" => return Ok(()),
                Err(error) => return Err(said(&error, "the browser would not open the file")),
            },
            Err(error) => return Err(said(&error, "the browser would not open the file")),
        };
        let name = get(&handle, "name").as_string().unwrap_or_default();
        HELD.with(|h| {
            let mut h = h.borrow_mut();
            h.handle = Some(handle.clone());
            // A file chosen now: whatever it holds is another copy to merge.
            h.written_hash = None;
        });
        storage::note_linked_file(Some(&name));
        // Kept for the next visit now, even if writing to it fails below.
        let _ = write_record(&handle, None).await;
        self.state.set(LinkState::Linked {
            name,
            written_at: None,
        });
        self.watch();
        self.write_now().await;
        Ok(())
    }

    /// "Allow writing to …" on the banner or Your data: the browser asks the
    /// user, and if they allow it the file is brought up to date.
    pub async fn allow(self) {
        let Some(handle) = HELD.with(|h| h.borrow().handle.clone()) else {
            return;
        };
        let name = self
            .state
            .with_untracked(|s| s.name().unwrap_or_default().to_string());
        if permission(&handle, true).await == "granted" {
            self.state.set(LinkState::Linked {
                name,
                written_at: None,
            });
            self.watch();
            self.write_now().await;
        } else {
            self.state.set(LinkState::NeedsPermission { name });
        }
    }

    /// "Protect the file": from now on it is written protected with this
    /// passphrase (kept on this page only).
    pub async fn protect(self, passphrase: String) {
        HELD.with(|h| {
            let mut h = h.borrow_mut();
            h.passphrase = Some(passphrase);
            h.protected = true;
        });
        self.protected.set(true);
        self.write_now().await;
    }

    /// "Stop protecting the file": written as a plain backup again.
    pub async fn unprotect(self) {
        HELD.with(|h| {
            let mut h = h.borrow_mut();
            h.passphrase = None;
            h.protected = false;
        });
        self.protected.set(false);
        self.write_now().await;
    }

    /// On a later visit, the passphrase of a protected file: the browser is
    /// asked for leave to write to it (this is a click), the file is opened
    /// with the passphrase to check it, and it is kept up to date again.
    /// A wrong passphrase is refused, the file left as it is.
    pub async fn open_with(self, passphrase: String) -> Result<(), String> {
        let Some(handle) = HELD.with(|h| h.borrow().handle.clone()) else {
            return Err("no file is linked".into());
        };
        if permission(&handle, true).await != "granted" {
            return Err("this browser did not allow the workbook to write to it".into());
        }
        let held = read_file(&handle).await?;
        if encrypted::looks_encrypted(&held) {
            web_crypto::decrypt(&held, &passphrase)
                .await
                .map_err(|e| e.message())?;
        }
        HELD.with(|h| h.borrow_mut().passphrase = Some(passphrase));
        let name = get(&handle, "name").as_string().unwrap_or_default();
        self.state.set(LinkState::Linked {
            name,
            written_at: None,
        });
        self.watch();
        self.write_now().await;
        Ok(())
    }

    /// "Stop keeping it up to date": the file stays as it is; the app
    /// forgets it.
    pub async fn unlink(self) {
        HELD.with(|h| {
            let mut h = h.borrow_mut();
            h.handle = None;
            h.written_hash = None;
            h.passphrase = None;
            h.protected = false;
            if let Some(timer) = h.timer.take() {
                timer.clear();
            }
        });
        storage::note_linked_file(None);
        let _ = delete_record().await;
        self.state.set(LinkState::NotLinked);
        self.protected.set(false);
        self.merged.set(None);
    }

    /// Writes the file a moment after each change to the workbook.
    fn watch(self) {
        let first = HELD.with(|h| !std::mem::replace(&mut h.borrow_mut().watching, true));
        if !first {
            return;
        }
        let workbook = self.store.workbook;
        OWNER.with(|owner| {
            owner.with(|| {
                Effect::new(move |seen: Option<()>| {
                    workbook.track();
                    // The first run is the workbook as it is now, written already.
                    if seen.is_some() {
                        self.write_soon();
                    }
                });
            })
        });
    }

    fn write_soon(self) {
        HELD.with(|h| {
            let mut h = h.borrow_mut();
            if let Some(timer) = h.timer.take() {
                timer.clear();
            }
            h.timer = set_timeout_with_handle(
                move || leptos::task::spawn_local(self.write_now()),
                WRITE_DELAY,
            )
            .ok();
        });
    }

    /// Reads the file, merges in what another device wrote to it, and writes
    /// the workbook to it.
    async fn write_now(self) {
        let Some(handle) = HELD.with(|h| h.borrow().handle.clone()) else {
            return;
        };
        if !matches!(
            self.state.get_untracked(),
            LinkState::Linked { .. } | LinkState::Failed { .. }
        ) {
            return;
        }
        // One write at a time; a change meanwhile writes again after it.
        if HELD.with(|h| std::mem::replace(&mut h.borrow_mut().writing, true)) {
            self.write_soon();
            return;
        }
        let result = self.bring_up_to_date(&handle).await;
        HELD.with(|h| h.borrow_mut().writing = false);
        let name = get(&handle, "name").as_string().unwrap_or_default();
        match result {
            Ok(Some(written_at)) => self.state.set(LinkState::Linked {
                name,
                written_at: Some(written_at),
            }),
            // Merged: the merge changed the workbook, which writes again.
            Ok(None) => {}
            Err(reason) => self.state.set(LinkState::Failed { name, reason }),
        }
    }

    /// Ok(Some(when)) written; Ok(None) merged first (written next).
    async fn bring_up_to_date(self, handle: &JsValue) -> Result<Option<DateTime<Utc>>, String> {
        let held = read_file(handle).await?;
        let known = HELD.with(|h| h.borrow().written_hash.clone());
        if !held.trim().is_empty() && known.as_deref() != Some(hash(&held).as_str()) {
            let passphrase = HELD.with(|h| h.borrow().passphrase.clone());
            let plain = match (encrypted::looks_encrypted(&held), passphrase) {
                (false, _) => held.clone(),
                (true, Some(passphrase)) => {
                    web_crypto::decrypt(&held, &passphrase).await.map_err(|e| {
                        format!(
                            "it could not be opened with the passphrase given for it ({}), so \
                             it was not written over",
                            e.message().trim_end_matches('.')
                        )
                    })?
                }
                (true, None) => {
                    return Err(
                        "it is protected with a passphrase, so it was not written over. \
                         Restore it on this page with its passphrase, or choose another file"
                            .to_string(),
                    )
                }
            };
            let incoming = backup::read_workbook(&plain).map_err(|e| {
                format!(
                    "it holds something that is not a backup of this workbook ({e}), so it was \
                     not written over. Choose another file"
                )
            })?;
            let merged = self
                .merge_in
                .run(incoming)
                .map_err(|refusal| format!("what it holds could not be merged: {refusal}"))?;
            HELD.with(|h| h.borrow_mut().written_hash = Some(hash(&held)));
            if let Some(lines) = merged {
                self.merged.set(Some(MergedFromFile {
                    at: Utc::now(),
                    lines,
                }));
                // The merge changed the workbook, which writes it again.
                return Ok(None);
            }
        }
        let mut text = self.store.workbook.with_untracked(backup::to_json);
        if let Some(passphrase) = HELD.with(|h| h.borrow().passphrase.clone()) {
            text = web_crypto::encrypt(&text, &passphrase).await.map_err(|e| {
                format!(
                    "it could not be protected: {}",
                    e.message().trim_end_matches('.')
                )
            })?;
        }
        write_file(handle, &text).await?;
        let written_at = Utc::now();
        let text_hash = hash(&text);
        HELD.with(|h| h.borrow_mut().written_hash = Some(text_hash.clone()));
        // Kept for the next visit; were it not, the next visit would merge
        // the file in again (which changes nothing).
        let _ = write_record(handle, Some((&text_hash, written_at))).await;
        Ok(Some(written_at))
    }
}

/// The banner above every page while the browser needs the user's say-so
/// to write to the file, or the file could not be written, or changes made
/// elsewhere were just merged in from it.
#[component]
fn LinkedFileBanner(link: LinkedFile) -> impl IntoView {
    let allowing = RwSignal::new(false);
    let allow = move |_| {
        allowing.set(true);
        leptos::task::spawn_local(async move {
            link.allow().await;
            allowing.set(false);
        });
    };
    view! {
        {move || match link.state.get() {
            LinkState::NeedsPermission { name } => Some(view! {
                <div class="nhsuk-warning-callout" role="region" aria-labelledby="linked-file-banner-title">
                    <h2 class="nhsuk-warning-callout__label" id="linked-file-banner-title">
                        <span role="text">
                            <span class="nhsuk-u-visually-hidden">"Important: "</span>
                            "Your backup file is not being kept up to date"
                        </span>
                    </h2>
                    <p>{format!("This browser asks you again before the workbook writes to {name}. Until you allow it, your changes are saved in this browser only: nothing is lost.")}</p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                        disabled=move || allowing.get() on:click=allow>
                        {format!("Allow writing to {name}")}
                    </button>
                </div>
            }.into_any()),
            LinkState::NeedsPassphrase { name } => Some(view! {
                <div class="nhsuk-warning-callout" role="region" aria-labelledby="linked-file-banner-title">
                    <h2 class="nhsuk-warning-callout__label" id="linked-file-banner-title">
                        <span role="text">
                            <span class="nhsuk-u-visually-hidden">"Important: "</span>
                            "Your backup file is not being kept up to date"
                        </span>
                    </h2>
                    <p>{format!("{name} is protected with a passphrase, which the workbook asks for on each visit. Until you enter it, your changes are saved in this browser only: nothing is lost.")}</p>
                    <p><a href="#/your-data?field=linked-open-passphrase">"Enter the passphrase on Your data"</a></p>
                </div>
            }.into_any()),
            LinkState::Failed { name, reason } => Some(view! {
                <div class="nhsuk-warning-callout" role="alert">
                    <h2 class="nhsuk-warning-callout__label">
                        <span role="text">
                            <span class="nhsuk-u-visually-hidden">"Important: "</span>
                            "Your backup file could not be written"
                        </span>
                    </h2>
                    <p>{format!("{name}: {reason}.")}</p>
                    <p>"Your changes are still saved in this browser. See "<a href="#/your-data">"Your data"</a>"."</p>
                </div>
            }.into_any()),
            _ => None,
        }}
        {move || link.merged.get().map(|merged| view! {
            <div class="nhsuk-inset-text" role="status">
                <p>
                    {format!("Changes made elsewhere were merged in from your backup file ({}). ", merged.lines.join(" "))}
                    <a href="#/your-data">"See Your data"</a>
                    " for anything changed on both sides."
                </p>
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                    on:click=move |_| link.merged.set(None)>
                    "Hide this message"
                </button>
            </div>
        })}
    }
}

/// A short stable fingerprint of a text (64-bit FNV-1a, in hex): enough to
/// tell whether the file still holds what was written to it.
fn hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}:{}", text.len())
}

/// "granted", "prompt" or "denied" (asking the user first when `ask`,
/// which needs a click).
async fn permission(handle: &JsValue, ask: bool) -> String {
    let options = Object::new();
    set(&options, "mode", &JsValue::from_str("readwrite"));
    let method = if ask {
        "requestPermission"
    } else {
        "queryPermission"
    };
    match call(handle, method, &[options.into()]) {
        Ok(promise) => JsFuture::from(Promise::from(promise))
            .await
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "denied".into()),
        // A browser without the method lets the app write while it has the handle.
        Err(_) => "granted".into(),
    }
}

async fn read_file(handle: &JsValue) -> Result<String, String> {
    // A read that meets a write (another tab's) fails with NotReadableError
    // (the file changed after it was opened) or NotFoundError (the written
    // copy taking the file's place); a second read sees it whole.
    let mut attempts = 0;
    loop {
        attempts += 1;
        let read = match awaited(call(handle, "getFile", &[])).await {
            Ok(file) => awaited(call(&file, "text", &[])).await,
            Err(e) => Err(e),
        };
        match read {
            Ok(text) => return Ok(text.as_string().unwrap_or_default()),
            Err(e)
                if attempts < 3
                    && matches!(
                        error_name(&e).as_str(),
                        "NotReadableError" | "NotFoundError"
                    ) =>
            {
                continue
            }
            Err(e) => return Err(said(&e, "the browser could not read it")),
        }
    }
}

async fn write_file(handle: &JsValue, text: &str) -> Result<(), String> {
    let writable = awaited(call(handle, "createWritable", &[]))
        .await
        .map_err(|e| said(&e, "the browser would not write to it"))?;
    awaited(call(&writable, "write", &[JsValue::from_str(text)]))
        .await
        .map_err(|e| said(&e, "the browser would not write to it"))?;
    // Only closing puts what was written in the file.
    awaited(call(&writable, "close", &[]))
        .await
        .map_err(|e| said(&e, "the browser would not write to it"))?;
    Ok(())
}

/// The browser's reason in words, after `fallback` when it gave none.
fn said(error: &JsValue, fallback: &str) -> String {
    match error_name(error).as_str() {
        "NotAllowedError" | "SecurityError" => {
            format!("{fallback}: this browser no longer lets the workbook write to it")
        }
        "NotFoundError" => format!("{fallback}: it is no longer there (moved or deleted)"),
        "QuotaExceededError" => format!("{fallback}: the disk is full"),
        "NoModificationAllowedError" | "InvalidStateError" => {
            format!("{fallback}: another program has it open")
        }
        _ => fallback.to_string(),
    }
}

fn error_name(error: &JsValue) -> String {
    get(error, "name").as_string().unwrap_or_default()
}

// IndexedDB: one table with one record, the handle and what was last written.

async fn database() -> Result<JsValue, String> {
    let factory = web_sys::window()
        .map(|w| get(&w, "indexedDB"))
        .filter(|f| !f.is_undefined() && !f.is_null())
        .ok_or("this browser keeps no database for the handle")?;
    let request = call(
        &factory,
        "open",
        &[JsValue::from_str(DATABASE), JsValue::from_f64(1.0)],
    )
    .map_err(|_| "the browser would not open its database".to_string())?;
    let upgrade_request = request.clone();
    let upgrade = Closure::once_into_js(move || {
        let db = get(&upgrade_request, "result");
        let _ = call(&db, "createObjectStore", &[JsValue::from_str(TABLE)]);
    });
    set(&request, "onupgradeneeded", &upgrade);
    request_done(&request)
        .await
        .map_err(|_| "the browser would not open its database".to_string())
}

async fn in_table(
    mode: &str,
    act: impl FnOnce(&JsValue) -> Result<JsValue, JsValue>,
) -> Result<JsValue, String> {
    let db = database().await?;
    let failed = |_| "the browser's database refused".to_string();
    let transaction = call(
        &db,
        "transaction",
        &[JsValue::from_str(TABLE), JsValue::from_str(mode)],
    )
    .map_err(failed)?;
    let table = call(&transaction, "objectStore", &[JsValue::from_str(TABLE)]).map_err(failed)?;
    let request = act(&table).map_err(failed)?;
    let result = request_done(&request).await.map_err(failed);
    let _ = call(&db, "close", &[]);
    result
}

async fn read_record() -> Result<Option<JsValue>, String> {
    let record = in_table("readonly", |t| call(t, "get", &[JsValue::from_str(RECORD)])).await?;
    Ok((!record.is_undefined() && !record.is_null()).then_some(record))
}

/// Keeps the handle for the next visit, with what was last written to the
/// file (its hash) and when, once it has been written.
async fn write_record(
    handle: &JsValue,
    written: Option<(&str, DateTime<Utc>)>,
) -> Result<(), String> {
    let record = Object::new();
    set(&record, "handle", handle);
    let protected = HELD.with(|h| h.borrow().protected);
    set(&record, "protected", &JsValue::from_bool(protected));
    if let Some((written_hash, written_at)) = written {
        set(&record, "writtenHash", &JsValue::from_str(written_hash));
        set(
            &record,
            "writtenAt",
            &JsValue::from_str(&written_at.to_rfc3339()),
        );
    }
    in_table("readwrite", |t| {
        call(t, "put", &[record.into(), JsValue::from_str(RECORD)])
    })
    .await
    .map(drop)
}

async fn delete_record() -> Result<(), String> {
    in_table("readwrite", |t| {
        call(t, "delete", &[JsValue::from_str(RECORD)])
    })
    .await
    .map(drop)
}

/// The result of an IndexedDB request, once it is done.
async fn request_done(request: &JsValue) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &get(&done, "result"));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &get(&failed, "error"));
        });
        set(request, "onsuccess", &on_success);
        set(request, "onerror", &on_error);
    });
    JsFuture::from(promise).await
}

async fn awaited(called: Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::from(called?)).await
}
