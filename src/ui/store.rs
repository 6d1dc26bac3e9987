//! The workbook store: the only writer of the in-memory workbook. Pages read it
//! through `workbook` (a read-only signal, usually narrowed with `select` so a
//! row re-renders only when its own data changes) and change it only with
//! `act(Change)` (one click: a refusal is told in the shared banner),
//! `submit(Change, errors)` (a form: a refusal goes to its error summary) or
//! a confirmed `restore`.
//!
//! Saving: each applied change is remembered as pending and saved at once, or,
//! for typing, a moment after the typing pauses (and always when the page is
//! hidden or closed). A save first checks whether another tab saved a newer
//! revision and, if so, replays this tab's pending changes on it
//! (`model::document::sync`), so neither tab loses the other's entries. Saves
//! made by other tabs arrive through the browser's `storage` event.
//!
//! This file is the reading half, which every page needs from the start. The
//! half that changes and saves the workbook (`store_writing`: every `Change`,
//! replaying changes over another tab's save, merging, compressing) is reached
//! only through `apply` and the other writing methods, which pages in the
//! areas' parts call, so the release build leaves it out of the first
//! download. Code here that must write (a banner on the home page, the save
//! when the page is hidden) goes through the `Writer` the store holds.

use chrono::{Local, Utc};
use leptos::prelude::*;

use super::storage::{self, SavingBlocked, UnreadableNotice};
use super::store_writing::{self, Writer};
use crate::model::document::backup;
use crate::model::document::sync::{self, Pending};
use crate::model::{Change, Stamp, Workbook};

#[derive(Clone, Copy)]
pub struct WorkbookStore {
    pub(super) doc: RwSignal<Workbook>,
    /// The workbook as pages see it: read-only.
    pub workbook: ReadSignal<Workbook>,
    pub(super) pending: StoredValue<Pending>,
    pub(super) typing_timer: StoredValue<Option<TimeoutHandle>>,
    /// A save is due after the next frame (see `save_after_frame`).
    pub(super) save_due: StoredValue<bool>,
    /// Whether what is pending includes more than typing, so its save is
    /// announced (typing is saved every pause; announcing that would chatter).
    pub(super) announce_save: StoredValue<bool>,
    /// Whether every change is saved, and what a screen reader last heard.
    pub save_status: RwSignal<SaveStatus>,
    /// Set when stored data could not be read at start (the user may hide it).
    pub unreadable: RwSignal<Option<UnreadableNotice>>,
    /// Why saving is switched off, if it is. Shown on every page until resolved.
    pub saving_blocked: RwSignal<Option<SavingBlocked>>,
    /// Why the last save failed; shown on every page until a save succeeds.
    pub save_error: RwSignal<Option<String>>,
    /// Changes of this tab that could not be kept when they were replayed on
    /// another tab's newer save, each in the user's words. Shown until hidden.
    pub sync_notice: RwSignal<Option<Vec<String>>>,
    /// Why the last one-click change was not made, in the user's words
    /// (`act`): shown on every page until dismissed or a change is made.
    pub refusal: RwSignal<Option<String>>,
    /// The last deletion (or plans combined), which can be undone: what was
    /// done, and the change that puts it back. Cleared by the next change or
    /// when dismissed.
    pub undo: RwSignal<Option<(String, Change)>>,
    /// Whether the browser agreed to keep this site's storage when it frees
    /// up space; asked once, after the first save (`None` until answered).
    pub persisted: RwSignal<Option<bool>>,
    pub(super) asked_to_persist: StoredValue<bool>,
    /// The writing half, once fetched: `apply` sets it before it records a
    /// pending change, so whenever a change is pending it is here.
    pub(super) writer: StoredValue<Option<Writer>>,
}

/// Whether changes wait to be saved, and the last save announced to screen
/// readers ("Saved in this browser at 10:42:05."). A failed save is told by
/// the error banner instead.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SaveStatus {
    pub pending: bool,
    pub announced: String,
}

/// The moment of a change, and the user's own calendar day.
pub(super) fn stamp_now() -> Stamp {
    Stamp {
        at: Utc::now().into(),
        today: Local::now().date_naive(),
    }
}

impl WorkbookStore {
    /// Starts with the workbook as read (`storage::first_look`), listens for
    /// other tabs' saves, and saves pending changes when the page is hidden or
    /// closed.
    pub fn start(startup: storage::Startup) -> Self {
        let doc = RwSignal::new(startup.workbook);
        let store = WorkbookStore {
            doc,
            workbook: doc.read_only(),
            pending: StoredValue::new(Pending::default()),
            typing_timer: StoredValue::new(None),
            save_due: StoredValue::new(false),
            announce_save: StoredValue::new(false),
            save_status: RwSignal::new(SaveStatus::default()),
            unreadable: RwSignal::new(startup.notice),
            saving_blocked: RwSignal::new(startup.saving_blocked),
            save_error: RwSignal::new(None),
            sync_notice: RwSignal::new(None),
            refusal: RwSignal::new(None),
            undo: RwSignal::new(None),
            persisted: RwSignal::new(None),
            asked_to_persist: StoredValue::new(false),
            writer: StoredValue::new(None),
        };
        storage::watch_other_tabs(move |text| store.take_other_tabs_save(text));
        let flush = move || store.save_pending();
        std::mem::forget(window_event_listener(leptos::ev::pagehide, move |_| {
            flush()
        }));
        std::mem::forget(window_event_listener(
            leptos::ev::visibilitychange,
            move |_| flush(),
        ));
        store
    }

    /// A memo of one part of the workbook: it notifies only when that part
    /// changes, so the view reading it re-renders only then.
    pub fn select<T: PartialEq + Clone + Send + Sync + 'static>(
        &self,
        part: impl Fn(&Workbook) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let workbook = self.workbook;
        Memo::new(move |_| workbook.with(&part))
    }

    /// Saves what is pending now, building on any newer revision another tab
    /// saved. Changes are pending only after `apply`, which has set the
    /// writing half, so nothing needs fetching here (this also runs as the
    /// page is hidden or closed, when there is no time to fetch).
    pub fn save_pending(&self) {
        self.save_due.set_value(false);
        if let Some(timer) = self.typing_timer.get_value() {
            timer.clear();
            self.typing_timer.set_value(None);
        }
        if self.pending.with_value(Pending::is_empty)
            || self.saving_blocked.get_untracked().is_some()
        {
            return;
        }
        debug_assert!(
            self.writer.get_value().is_some(),
            "a change is pending without the writer"
        );
        if let Some(writer) = self.writer.get_value() {
            (writer.save_pending)(self);
        }
    }

    /// Another tab saved: show its copy with this tab's unsaved changes on top,
    /// leaving every field that did not change (and what is being typed) alone.
    fn take_other_tabs_save(&self, text: Option<String>) {
        let Some(text) = text else {
            // Another tab deleted everything: follow it, keeping nothing.
            self.pending.update_value(Pending::clear);
            self.undo.set(None);
            self.doc.set(Workbook::new(Utc::now()));
            return;
        };
        // Another tab of this version writes what the quick reader reads;
        // anything else (a newer version's save) is not taken in.
        let Some(newer) = backup::read_current(&text) else {
            return;
        };
        if !self.doc.with_untracked(|doc| sync::is_newer(doc, &newer)) {
            return;
        }
        match self.writer.get_value() {
            // Unsaved changes here are replayed on the newer copy.
            Some(writer) if !self.pending.with_value(Pending::is_empty) => {
                (writer.take_newer)(self, newer)
            }
            _ => self.doc.set(newer),
        }
    }

    /// Runs `then` with the writing half: at once when it is here, else once
    /// fetched (a banner on the home page may need it before any page that
    /// changes things has been opened). If it cannot be fetched, `failed`
    /// gets the reason, in words that follow "because".
    pub fn with_writer(
        &self,
        then: impl FnOnce(Writer) + 'static,
        failed: impl FnOnce(String) + 'static,
    ) {
        if let Some(writer) = self.writer.get_value() {
            return then(writer);
        }
        let store = *self;
        leptos::task::spawn_local(async move {
            match store_writing::fetch_writer().await {
                Ok(writer) => {
                    store.writer.set_value(Some(writer));
                    then(writer);
                }
                Err(_) => failed(
                    "the part of the app that saves could not be fetched: check the connection and try again"
                        .to_string(),
                ),
            }
        });
    }
}

/// What "delete everything" removed, kept on the page only, so it can be put
/// back straight after.
#[derive(Clone)]
pub struct DeletedEverything {
    pub(super) workbook: Workbook,
    pub(super) kept_aside: Vec<(String, String)>,
}

/// Says why nothing is being saved, for the banner and for messages.
pub fn blocked_reason(blocked: SavingBlocked) -> &'static str {
    match blocked {
        SavingBlocked::NoStorage => "this browser is not letting the workbook use its local storage",
        SavingBlocked::UnreadableNotKept => {
            "the workbook saved earlier could not be read or copied aside, and saving now would overwrite it"
        }
        SavingBlocked::NotYetRead => {
            "the workbook saved earlier has not been read yet (the part of the app that reads it could not be fetched), and saving now would overwrite it; reload the page when you are connected"
        }
    }
}

pub fn use_store() -> WorkbookStore {
    expect_context::<WorkbookStore>()
}
