//! The writing half of the workbook store (`store` is the reading half):
//! applying changes, saving them, replaying them over another tab's save,
//! backups, restores and deleting everything. Pages in the areas' parts call
//! these methods directly. Nothing in the first download names them, so the
//! release build fetches this code with the first area opened, or, from a
//! banner on the home page, through `fetch_writer` (`WorkbookStore::with_writer`).

use std::time::Duration;

use chrono::{Local, Utc};
use leptos::prelude::*;

use super::storage::{self, SavingBlocked, Stored};
use super::store::{blocked_reason, stamp_now, DeletedEverything, WorkbookStore};
use crate::model::common::dates::clock_time_with_seconds;
use crate::model::common::validation::FieldError;
use crate::model::files::backup;
use crate::model::sync::{self, Pending};
use crate::model::{Applied, Change, Refusal, Workbook};

/// How long typing must pause before what was typed is saved.
const TYPING_SAVE_DELAY: Duration = Duration::from_millis(400);

/// How long a change waits to be saved when no frame is drawn after it.
const SAVE_WITHOUT_FRAME_DELAY: Duration = Duration::from_millis(100);

/// What the reading half, and the banners every page shows, call through
/// when they must write: plain function pointers, so the first download need
/// not hold the code behind them.
#[derive(Clone, Copy)]
pub struct Writer {
    pub act: fn(&WorkbookStore, Change) -> bool,
    pub save_pending: fn(&WorkbookStore),
    pub take_newer: fn(&WorkbookStore, Workbook),
    pub download_backup: fn(&WorkbookStore) -> Result<String, String>,
    pub allow_saving_over_unreadable: fn(&WorkbookStore),
}

fn writer() -> Writer {
    Writer {
        act: WorkbookStore::act,
        save_pending: WorkbookStore::save_now,
        take_newer: WorkbookStore::take_newer,
        download_backup: WorkbookStore::download_backup,
        allow_saving_over_unreadable: WorkbookStore::allow_saving_over_unreadable,
    }
}

/// The writing half, fetched if it is not here yet (release build: the
/// `store_writing` part, with the chunks it shares with the areas).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(store_writing, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn writer_part() -> Result<Writer, super::routing::PartLoadError> {
    Ok(writer())
}

pub async fn fetch_writer() -> Result<Writer, super::routing::PartLoadError> {
    #[cfg(feature = "split")]
    return writer_part().await;
    #[cfg(not(feature = "split"))]
    return writer_part();
}

impl WorkbookStore {
    /// Applies one change the user made, then saves it (typing: shortly).
    /// A refused change leaves everything as it was. For a page that shows
    /// the refusal itself, beside what it is about (a file import's outcome);
    /// others use `act` or `submit`, which never let one pass unsaid.
    pub fn apply(&self, change: Change) -> Result<Applied, Refusal> {
        self.try_apply(change).map_err(|(_, refusal)| refusal)
    }

    /// Applies a change made with one click (a tick, a rating, a delete, an
    /// undo). Refused, it changes nothing and the shared banner says why,
    /// naming what the change was about ("That goal was deleted in another
    /// tab or window, so nothing was changed."). Returns whether it was made,
    /// for a page that goes on somewhere only then.
    pub fn act(&self, change: Change) -> bool {
        match self.try_apply(change) {
            Ok(_) => true,
            Err((change, refusal)) => {
                let message = self
                    .doc
                    .with_untracked(|doc| change.refusal_message(&refusal, doc));
                self.refusal.set(Some(message));
                false
            }
        }
    }

    /// `apply`, giving a refused change back with its refusal, so it can be
    /// put in words.
    fn try_apply(&self, change: Change) -> Result<Applied, (Change, Refusal)> {
        // Set before anything is pending, so `save_pending` can always save.
        self.writer.set_value(Some(writer()));
        let stamp = stamp_now();
        // Operations refuse before changing anything, so a refusal notifies no one.
        let applied = match self
            .doc
            .try_update_untracked(|doc| doc.apply(&change, stamp))
        {
            Some(Ok(applied)) => applied,
            Some(Err(refusal)) => return Err((change, refusal)),
            // The store is gone (the app is being torn down): nothing was changed.
            None => return Err((change, Refusal::NotFound)),
        };
        self.doc.notify();
        // What was refused before is past once a change is made.
        if self.refusal.with_untracked(Option::is_some) {
            self.refusal.set(None);
        }
        let typing = change.is_typing();
        if !typing {
            let described = match &applied.undo {
                Some(Change::Undelete(record)) => Some(format!("Deleted {}.", record.describe())),
                Some(Change::UncombinePlans(combined)) => Some(combined.describe()),
                _ => None,
            };
            self.undo.set(described.zip(applied.undo.clone()));
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
        Ok(applied)
    }

    /// Takes in a newer save another tab made, now, rather than when the
    /// browser's `storage` event brings it: an edit form about to save checks
    /// its record against the newest version there is (`StaleGuard`), and a
    /// save started before the event arrived would replay the form over it
    /// unseen. Cheap when nothing is newer: only the stored text's opening,
    /// where the revision is, is read.
    pub fn catch_up(&self) {
        let revision = self.doc.with_untracked(|d| d.revision);
        if let Stored::Readable(newer) = storage::read_if_newer(revision) {
            self.take_newer(newer);
        }
    }

    /// Applies a change a form sends. Refused, its reasons go to `errors` for
    /// the error summary (field errors beside their fields, others as text,
    /// naming what the change was about as `act` does); applied, `errors` is
    /// cleared. Returns whether it was applied. What was typed stays in the
    /// form either way.
    pub fn submit(&self, change: Change, errors: RwSignal<Vec<FieldError>>) -> bool {
        match self.try_apply(change) {
            Ok(_) => {
                errors.set(Vec::new());
                true
            }
            Err((_, Refusal::Invalid(found))) => {
                errors.set(found);
                false
            }
            Err((change, other)) => {
                let message = self
                    .doc
                    .with_untracked(|doc| change.refusal_message(&other, doc));
                errors.set(vec![FieldError::new("", message)]);
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

    /// The save itself (`save_pending` has checked that something is pending
    /// and saving is on).
    fn save_now(&self) {
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
                            clock_time_with_seconds(&Local::now())
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

    /// Shows `newer`, another tab's save, with this tab's pending changes
    /// replayed on it (`take_other_tabs_save` has checked it is newer).
    fn take_newer(&self, newer: Workbook) {
        let replayed = self.doc.with_untracked(|doc| {
            self.pending
                .with_value(|p| sync::take_newer(doc, p, &newer))
        });
        if let Some(replayed) = replayed {
            // Only what still applies is left to save, so a change dropped
            // here is not replayed, and told, again.
            let nothing_left = replayed.kept.is_empty();
            self.pending.set_value(replayed.kept);
            self.doc.set(replayed.document);
            if nothing_left {
                self.announce_save.set_value(false);
                self.save_status.update(|s| s.pending = false);
            }
            self.note_dropped(replayed.dropped);
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

    /// Tells the user which of their changes could not be kept (each named
    /// by `Change::dropped_message`), after any not yet hidden.
    fn note_dropped(&self, dropped: Vec<String>) {
        if dropped.is_empty() {
            return;
        }
        self.sync_notice.update(|notice| {
            notice.get_or_insert_with(Vec::new).extend(dropped);
        });
    }

    /// Downloads a backup of the whole workbook and remembers when, for the
    /// backup reminder. Returns the file's name, or why it failed.
    pub fn download_backup(&self) -> Result<String, String> {
        let name = backup::backup_file_name(Local::now().date_naive());
        // Noted first, so the file itself says when it was taken. (It is never
        // refused; were it, the banner would say so and the file still be made.)
        self.act(Change::NoteBackup);
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
