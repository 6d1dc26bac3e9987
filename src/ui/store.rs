//! The workbook store's state and reads: the workbook every page shows and
//! the signals the banners on every page show (whether changes are saved, why
//! saving failed or is off, what was refused, what can be undone). Pages read
//! the workbook through `workbook` (a read-only signal, usually narrowed with
//! `select` so a row re-renders only when its own data changes).
//!
//! Nothing here writes: every change, and every write to the browser's
//! storage, goes through the saver (`ui::saver`), which imports this file and
//! sets these signals. This file knows nothing of it, so the first download,
//! which needs the state on every page, does not carry the saver's code
//! (every `Change`, replaying over another tab's save, merging, compressing):
//! the release build fetches that with the first area opened, or when a
//! banner on the home page writes (`saver::from_banner`).

use chrono::Utc;
use leptos::prelude::*;

use super::storage::{self, SavingBlocked, UnreadableNotice};
use crate::model::files::backup;
use crate::model::sync;
use std::sync::Arc;

use crate::model::Workbook;

/// A value the store holds for the saver without naming its type (the undo's
/// `Change`): made by the saver, in its part, so the first download, which
/// holds the store, carries none of the code for every kind of change.
pub type Opaque = Arc<dyn std::any::Any + Send + Sync>;

/// The local-storage allowance of browsers for one site, as `storage_used` counts.
pub use super::storage::TYPICAL_QUOTA_UNITS;

#[derive(Clone, Copy)]
pub struct WorkbookStore {
    /// The workbook; only the saver changes it (`pub(super)`: `ui` alone).
    pub(super) doc: RwSignal<Workbook>,
    /// The workbook as pages see it: read-only.
    pub workbook: ReadSignal<Workbook>,
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
    /// (`Saver::act`): shown on every page until dismissed or a change is made.
    pub refusal: RwSignal<Option<String>>,
    /// The last deletion (or plans combined), which can be undone: what was
    /// done, and the change that puts it back (a `Change`, held `Opaque`).
    /// Cleared by the next change or when dismissed.
    pub undo: RwSignal<Option<(String, Opaque)>>,
    /// Whether the browser agreed to keep this site's storage when it frees
    /// up space; asked once, after the first save (`None` until answered).
    pub persisted: RwSignal<Option<bool>>,

    /// Following other tabs' saves until the saver takes that over
    /// (`hand_over_other_tabs`), as it must replay this tab's changes on them.
    following_other_tabs: StoredValue<Option<WindowListenerHandle>>,
}

/// Whether changes wait to be saved, and the last save announced to screen
/// readers ("Saved in this browser at 10:42:05."). A failed save is told by
/// the error banner instead.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SaveStatus {
    pub pending: bool,
    pub announced: String,
}

impl WorkbookStore {
    /// Starts with the workbook as read (`storage::first_look`) and follows
    /// other tabs' saves.
    pub fn start(startup: storage::Startup) -> Self {
        let doc = RwSignal::new(startup.workbook);
        let store = WorkbookStore {
            doc,
            workbook: doc.read_only(),
            save_status: RwSignal::new(SaveStatus::default()),
            unreadable: RwSignal::new(startup.notice),
            saving_blocked: RwSignal::new(startup.saving_blocked),
            save_error: RwSignal::new(None),
            sync_notice: RwSignal::new(None),
            refusal: RwSignal::new(None),
            undo: RwSignal::new(None),
            persisted: RwSignal::new(None),
            following_other_tabs: StoredValue::new(None),
        };
        let listener = storage::watch_other_tabs(move |text| store.follow_other_tab(text));
        store.following_other_tabs.set_value(Some(listener));
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

    /// Another tab saved, and this tab has made no change (the saver has not
    /// taken over): show its copy. `None`: another tab deleted everything.
    fn follow_other_tab(&self, text: Option<String>) {
        match text {
            None => self.follow_deletion(),
            Some(text) => {
                if let Some(newer) = self.newer_from_other_tab(&text) {
                    self.doc.set(newer);
                }
            }
        }
    }

    /// Another tab deleted everything: follow it, keeping nothing.
    pub(super) fn follow_deletion(&self) {
        self.undo.set(None);
        self.doc.set(Workbook::new(Utc::now()));
    }

    /// The workbook in another tab's save, if it is newer than this tab's.
    /// Another tab of this version writes what the quick reader reads;
    /// anything else (a newer version's save) is not taken in.
    pub(super) fn newer_from_other_tab(&self, text: &str) -> Option<Workbook> {
        let newer = backup::read_stored(text, &storage::section_keys())?;
        self.doc
            .with_untracked(|doc| sync::is_newer(doc, &newer))
            .then_some(newer)
    }

    /// Stops following other tabs' saves here: the saver, once it holds
    /// changes to replay on them, listens for them itself.
    pub(super) fn hand_over_other_tabs(&self) {
        if let Some(listener) = self
            .following_other_tabs
            .try_update_value(Option::take)
            .flatten()
        {
            listener.remove();
        }
    }

    /// Unreadable data kept aside earlier in this browser: (key, text), oldest first.
    pub fn kept_aside(&self) -> Vec<(String, String)> {
        storage::kept_aside()
    }

    /// How much of this site's local storage the workbook takes, in the
    /// units browsers count (`TYPICAL_QUOTA_UNITS` is about what they allow).
    pub fn storage_used(&self) -> usize {
        storage::workbook_units()
    }
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
