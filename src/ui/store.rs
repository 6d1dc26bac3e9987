//! The workbook store: the only writer of the in-memory workbook. Pages read it
//! through `workbook` (a read-only signal, usually narrowed with `select` so a
//! row re-renders only when its own data changes) and change it only with
//! `apply(Change)` or a confirmed `restore`.
//!
//! Saving: each applied change is remembered as pending and saved at once, or,
//! for typing, a moment after the typing pauses (and always when the page is
//! hidden or closed). A save first checks whether another tab saved a newer
//! revision and, if so, replays this tab's pending changes on it
//! (`model::document::sync`), so neither tab loses the other's entries. Saves
//! made by other tabs arrive through the browser's `storage` event.

use std::time::Duration;

use chrono::{Local, Utc};
use leptos::prelude::*;

use super::storage::{self, SavingBlocked, Stored, UnreadableNotice};
use crate::model::common::validation::FieldError;
use crate::model::document::backup;
use crate::model::document::sync::{self, Pending};
use crate::model::{Change, Refusal, Stamp, Workbook};

/// How long typing must pause before what was typed is saved.
const TYPING_SAVE_DELAY: Duration = Duration::from_millis(400);

/// How long a change waits to be saved when no frame is drawn after it.
const SAVE_WITHOUT_FRAME_DELAY: Duration = Duration::from_millis(100);

#[derive(Clone, Copy)]
pub struct WorkbookStore {
    doc: RwSignal<Workbook>,
    /// The workbook as pages see it: read-only.
    pub workbook: ReadSignal<Workbook>,
    pending: StoredValue<Pending>,
    typing_timer: StoredValue<Option<TimeoutHandle>>,
    /// A save is due after the next frame (see `save_after_frame`).
    save_due: StoredValue<bool>,
    /// Whether what is pending includes more than typing, so its save is
    /// announced (typing is saved every pause; announcing that would chatter).
    announce_save: StoredValue<bool>,
    /// Whether every change is saved, and what a screen reader last heard.
    pub save_status: RwSignal<SaveStatus>,
    /// Set when stored data could not be read at start (the user may hide it).
    pub unreadable: RwSignal<Option<UnreadableNotice>>,
    /// Why saving is switched off, if it is. Shown on every page until resolved.
    pub saving_blocked: RwSignal<Option<SavingBlocked>>,
    /// Why the last save failed; shown on every page until a save succeeds.
    pub save_error: RwSignal<Option<String>>,
    /// Something the user should know after another tab's save was taken in.
    pub sync_notice: RwSignal<Option<String>>,
    /// The last deletion, which can be undone: what was deleted, and the change
    /// that puts it back. Cleared by the next change or when dismissed.
    pub undo: RwSignal<Option<(String, Change)>>,
    /// Whether the browser agreed to keep this site's storage when it frees
    /// up space; asked once, after the first save (`None` until answered).
    pub persisted: RwSignal<Option<bool>>,
    asked_to_persist: StoredValue<bool>,
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
fn stamp_now() -> Stamp {
    Stamp {
        at: Utc::now(),
        today: Local::now().date_naive(),
    }
}

impl WorkbookStore {
    /// Loads the workbook, starts listening for other tabs' saves, and saves
    /// pending changes when the page is hidden or closed.
    pub fn start() -> Self {
        let startup = storage::load();
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
            undo: RwSignal::new(None),
            persisted: RwSignal::new(None),
            asked_to_persist: StoredValue::new(false),
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

    /// Applies one change the user made, then saves it (typing: shortly).
    /// A refused change leaves everything as it was.
    pub fn apply(&self, change: Change) -> Result<(), Refusal> {
        let stamp = stamp_now();
        let mut result = Ok(());
        let mut undo = None;
        // Operations refuse before changing anything, so a refusal needs no undo
        // and notifies no one.
        self.doc.update_untracked(|doc| {
            undo = doc.undo_for(&change);
            result = doc.apply(&change, stamp);
        });
        result.clone()?;
        self.doc.notify();
        let typing = change.is_typing();
        if !typing {
            let described = match &undo {
                Some(Change::Undelete(record)) => Some(format!("Deleted {}.", record.describe())),
                _ => None,
            };
            self.undo.set(described.zip(undo));
        }
        self.pending.update_value(|p| p.push(change, stamp));
        if !typing {
            self.announce_save.set_value(true);
        }
        if !self.save_status.with_untracked(|s| s.pending) {
            self.save_status.update(|s| s.pending = true);
        }
        if typing {
            self.save_after_typing();
        } else {
            self.save_after_frame();
        }
        Ok(())
    }

    /// Applies a change a form sends. Refused, its reasons go to `errors` for
    /// the error summary (field errors beside their fields, others as text);
    /// applied, `errors` is cleared. Returns whether it was applied.
    pub fn submit(&self, change: Change, errors: RwSignal<Vec<FieldError>>) -> bool {
        match self.apply(change) {
            Ok(()) => {
                errors.set(Vec::new());
                true
            }
            Err(Refusal::Invalid(found)) => {
                errors.set(found);
                false
            }
            Err(other) => {
                errors.set(vec![FieldError::new(
                    "",
                    format!("This could not be saved: {other}."),
                )]);
                false
            }
        }
    }

    /// Saves once the browser has drawn the change. Saving writes the whole
    /// workbook (and first reads the stored copy, for other tabs' saves), which
    /// with years of entries takes longer than a frame; done in the click's own
    /// task it would hold back what the click shows. Pending changes are also
    /// saved when the page is hidden or closed, so none waits on a frame that
    /// never comes; a hidden page (which draws no frames) saves at once.
    fn save_after_frame(&self) {
        if document().hidden() {
            self.save_pending();
            return;
        }
        if self.save_due.get_value() {
            return;
        }
        self.save_due.set_value(true);
        let store = *self;
        let save_if_due = move || {
            if store.save_due.get_value() {
                store.save_pending();
            }
        };
        request_animation_frame(move || {
            // The frame is drawn after this callback; the save runs in the next task.
            set_timeout(save_if_due, Duration::ZERO);
        });
        // A page the browser draws no frames for (a tab behind another, where
        // `hidden` may still be false) saves anyway, a moment later.
        set_timeout(save_if_due, SAVE_WITHOUT_FRAME_DELAY);
    }

    fn save_after_typing(&self) {
        if let Some(timer) = self.typing_timer.get_value() {
            timer.clear();
        }
        let store = *self;
        let timer = set_timeout_with_handle(move || store.save_pending(), TYPING_SAVE_DELAY).ok();
        self.typing_timer.set_value(timer);
    }

    /// Saves what is pending now, building on any newer revision another tab saved.
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
        let revision = self.doc.with_untracked(|d| d.revision);
        let stored = match storage::read_if_newer(revision) {
            Stored::Nothing => None,
            Stored::Readable(workbook) => Some(workbook),
            Stored::Unreadable => {
                self.save_error.set(Some(
                    "another tab has saved a workbook this page cannot read (perhaps from a newer version of the app); reload the page to see it".into(),
                ));
                return;
            }
        };
        let plan = self.doc.with_untracked(|doc| {
            self.pending
                .with_value(|p| sync::plan_save(doc, p, stored.as_ref()))
        });
        match storage::write(&plan.document) {
            Ok(()) => {
                self.pending.update_value(Pending::clear);
                self.save_error.set(None);
                let announce = self.announce_save.get_value();
                self.announce_save.set_value(false);
                self.save_status.update(|s| {
                    s.pending = false;
                    if announce {
                        s.announced = format!(
                            "Saved in this browser at {}.",
                            Local::now().format("%H:%M:%S")
                        );
                    }
                });
                self.ask_to_persist_once();
                if plan.rebased {
                    self.doc.set(plan.document);
                    self.note_dropped(plan.dropped);
                } else {
                    // Only the revision changed: nothing on screen shows it.
                    self.doc
                        .update_untracked(|d| d.revision = plan.document.revision);
                }
            }
            Err(reason) => self.save_error.set(Some(reason)),
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
        let Ok(newer) = backup::read_workbook(&text) else {
            return;
        };
        let shown = self.doc.with_untracked(|doc| {
            self.pending
                .with_value(|p| sync::take_newer(doc, p, &newer))
        });
        if let Some(shown) = shown {
            self.doc.set(shown);
        }
    }

    /// Once there is something worth keeping, asks the browser not to clear
    /// it when space runs low (Safari, for one, clears script-written storage
    /// of sites not visited for 7 days unless told otherwise).
    fn ask_to_persist_once(&self) {
        if self.asked_to_persist.get_value() {
            return;
        }
        self.asked_to_persist.set_value(true);
        let persisted = self.persisted;
        leptos::task::spawn_local(async move {
            persisted.set(storage::ask_to_persist().await);
        });
    }

    fn note_dropped(&self, dropped: usize) {
        if dropped > 0 {
            self.sync_notice.set(Some(format!(
                "{dropped} of your latest changes could not be kept, because what they changed was deleted in another tab or window."
            )));
        }
    }

    /// Downloads a backup of the whole workbook and remembers when, for the
    /// backup reminder. Returns the file's name, or why it failed.
    pub fn download_backup(&self) -> Result<String, String> {
        let name = backup::backup_file_name(Local::now().date_naive());
        // Noted first, so the file itself says when it was taken.
        let _ = self.apply(Change::NoteBackup);
        let text = self.workbook.with_untracked(backup::to_json);
        super::browser::download_text(&name, &text, "application/json").map(|()| name)
    }

    /// Replaces the whole workbook after the user confirmed a restore. Returns
    /// whether it was saved; if not, it is still on the page and the reason is shown.
    pub fn restore(&self, restored: Workbook) -> Result<(), String> {
        let stored = match storage::read_if_newer(0) {
            Stored::Readable(workbook) => Some(workbook),
            _ => None,
        };
        let document = self
            .doc
            .with_untracked(|current| sync::plan_restore(restored, current, stored.as_ref()));
        self.pending.update_value(Pending::clear);
        self.doc.set(document.clone());
        if let Some(blocked) = self.saving_blocked.get_untracked() {
            return Err(blocked_reason(blocked).to_string());
        }
        let saved = storage::write(&document);
        self.save_error.set(saved.clone().err());
        saved
    }

    /// Deletes the workbook and every copy kept aside from this browser (for a
    /// shared computer), after the user confirmed. Other open tabs follow.
    pub fn delete_everything(&self) -> DeletedEverything {
        let deleted = DeletedEverything {
            workbook: self.doc.get_untracked(),
            kept_aside: storage::kept_aside(),
        };
        self.pending.update_value(Pending::clear);
        if let Some(timer) = self.typing_timer.get_value() {
            timer.clear();
        }
        storage::delete_everything();
        self.undo.set(None);
        self.unreadable.set(None);
        self.save_error.set(None);
        self.doc.set(Workbook::new(Utc::now()));
        deleted
    }

    /// Puts back what `delete_everything` removed, straight after (the page
    /// still holds it): the kept-aside copies, then the workbook, saved.
    pub fn undo_delete_everything(&self, deleted: DeletedEverything) -> Result<(), String> {
        for (key, text) in &deleted.kept_aside {
            storage::put_back_kept_aside(key, text)?;
        }
        self.restore(deleted.workbook)
    }

    /// The user has downloaded the unreadable data and agrees it may be
    /// replaced: saving starts again and writes the workbook now.
    pub fn allow_saving_over_unreadable(&self) {
        if self.saving_blocked.get_untracked() != Some(SavingBlocked::UnreadableNotKept) {
            return;
        }
        self.saving_blocked.set(None);
        let mut document = self.doc.get_untracked();
        document.revision += 1;
        match storage::write(&document) {
            Ok(()) => {
                self.pending.update_value(Pending::clear);
                self.doc
                    .update_untracked(|d| d.revision = document.revision);
                self.save_error.set(None);
            }
            Err(reason) => self.save_error.set(Some(reason)),
        }
    }
}

/// What "delete everything" removed, kept on the page only, so it can be put
/// back straight after.
#[derive(Clone)]
pub struct DeletedEverything {
    workbook: Workbook,
    kept_aside: Vec<(String, String)>,
}

/// Says why nothing is being saved, for the banner and for messages.
pub fn blocked_reason(blocked: SavingBlocked) -> &'static str {
    match blocked {
        SavingBlocked::NoStorage => "this browser is not letting the workbook use its local storage",
        SavingBlocked::UnreadableNotKept => {
            "the workbook saved earlier could not be read or copied aside, and saving now would overwrite it"
        }
    }
}

pub fn use_store() -> WorkbookStore {
    expect_context::<WorkbookStore>()
}
