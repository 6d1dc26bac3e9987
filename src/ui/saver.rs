//! The saver: the one writer of the workbook and of the browser's storage.
//! It applies the changes pages make, remembers them as pending and saves
//! them, at once or, for typing, a moment after the typing pauses (and always
//! when the page is hidden or closed). A save first checks whether another tab
//! saved a newer revision and, if so, replays this tab's pending changes on it
//! (`model::sync`), so neither tab loses the other's entries. It also
//! makes backups, restores, deletes everything, and keeps or removes copies of
//! unreadable data set aside.
//!
//! Pages change the workbook only through it: `act(Change)` (one click: a
//! refusal is told in the shared banner), `submit(Change, errors)` (a form: a
//! refusal goes to its error summary) or a confirmed `restore`.
//!
//! Imports run one way: this file imports the state (`ui::store`), which
//! knows nothing of it. The release build keeps this code out of the first
//! download: the pages that call it are in the areas' parts, and a banner in
//! the first download (shown on every page, the home page too) reaches it only
//! through its own part, with a `BannerWrite` (`from_banner`).

use std::sync::Arc;
use std::time::Duration;

use chrono::{Local, Utc};
use leptos::prelude::*;

use super::linked_file::{self, LinkedFile};
use super::routing::PartLoadError;
use super::storage::{self, SavingBlocked, Stored};
use super::store::{blocked_reason, Opaque, WorkbookStore};
use crate::model::common::dates::clock_time_with_seconds;
use crate::model::common::validation::FieldError;
use crate::model::files::backup;
use crate::model::sync::{self, Pending};
use crate::model::workbook::apply::Dispatcher;
use crate::model::workbook::merge::MergeRun;
use crate::model::workbook::RecordKind;
use crate::model::{Applied, Change, Refusal, Stamp, Workbook};

/// How long typing must pause before what was typed is saved.
const TYPING_SAVE_DELAY: Duration = Duration::from_millis(400);

/// How long a change waits to be saved when no frame is drawn after it, or
/// the browser finds no idle time after it.
const SAVE_WITHOUT_FRAME_DELAY: Duration = Duration::from_millis(1000);

/// The saver's own state: what is not saved yet and when it will be. Made
/// with the store (`new` is all the first download holds of this file); it
/// starts working with the first change (`start_once`).
#[derive(Clone, Copy)]
pub struct Saver {
    store: WorkbookStore,
    pending: PendingChanges,
    typing_timer: StoredValue<Option<TimeoutHandle>>,
    /// A save is due after the next frame (see `save_after_frame`).
    save_due: StoredValue<bool>,
    /// Whether what is pending includes more than typing, so its save is
    /// announced (typing is saved every pause; announcing that would chatter).
    announce_save: StoredValue<bool>,
    asked_to_persist: StoredValue<bool>,
    /// Whether it listens for the page being hidden and other tabs' saves.
    started: StoredValue<bool>,
    /// The dispatcher changes made through this saver are applied with: the
    /// area's, for its pages (`WithDispatcher`), or every change's in the
    /// saver's own part (the banners) and Your data. None in the saver made at start, which
    /// the first download holds: a dispatcher named there would bring every
    /// operation's code into it.
    dispatcher: Option<Dispatcher>,
}

/// What "delete everything" removed, kept on the page only, so it can be put
/// back straight after.
#[derive(Clone)]
pub struct DeletedEverything {
    workbook: Workbook,
    kept_aside: Vec<(String, String)>,
}

/// The moment of a change, and the user's own calendar day.
fn stamp_now() -> Stamp {
    Stamp {
        at: Utc::now().into(),
        today: Local::now().date_naive(),
    }
}

pub fn use_saver() -> Saver {
    expect_context::<Saver>()
}

/// Draws `children` with a saver applying changes with `dispatcher`: the
/// pages of an area are drawn in one (`pages/areas.rs`), so each page's
/// `use_saver` finds its area's.
#[component]
pub fn WithDispatcher(dispatcher: Option<Dispatcher>, children: Children) -> impl IntoView {
    provide_context(use_saver().dispatching(dispatcher));
    children()
}

/// The changes not saved yet (`sync::Pending`), held behind `dyn Any`: the
/// saver is made in the first download (`Saver::new`), and a `Pending` there
/// would bring the code for dropping every kind of change with it. The box is
/// made with the first change, in the saver's part.
#[derive(Clone, Copy)]
struct PendingChanges(StoredValue<Option<Box<dyn std::any::Any + Send + Sync>>>);

impl PendingChanges {
    fn with<R>(&self, read: impl FnOnce(&Pending) -> R) -> R {
        self.0.with_value(
            |held| match held.as_ref().and_then(|p| p.downcast_ref::<Pending>()) {
                Some(pending) => read(pending),
                None => read(&Pending::default()),
            },
        )
    }

    fn update(&self, change: impl FnOnce(&mut Pending)) {
        self.0.update_value(|held| {
            let held = held.get_or_insert_with(|| Box::new(Pending::default()));
            if let Some(pending) = held.downcast_mut::<Pending>() {
                change(pending);
            }
        })
    }

    fn set(&self, pending: Pending) {
        self.0.set_value(Some(Box::new(pending)));
    }
}

/// What a banner in the first download, or an area's page, asks of the
/// saver's part.
pub enum BannerWrite {
    /// "Download a backup now" (the backup reminder).
    DownloadBackup,
    /// "Start saving again, replacing the unreadable data".
    AllowSavingOverUnreadable,
    /// "Undo" after a deletion: the change that puts it back (shared, so the
    /// banners on every page hold it without copying it; a `Change`, held
    /// `Opaque` by the store).
    Undo(Opaque),
    /// An area's page opened in a browser that linked a backup file
    /// (`Saver::keep_linked_file`): the linked file's code (reading, merging,
    /// encrypting) is in the saver's part, not in every area's.
    KeepLinkedFile,
}

/// What became of a `BannerWrite`, for the banner to say.
pub enum BannerWritten {
    Done,
    /// The backup is downloading under this file name.
    BackupDownloading(String),
    /// The backup could not be made, for this reason.
    BackupNotMade(String),
}

/// Where the release build cuts the module: the save made when another tab
/// of an older version saved last (`Saver::save_reading`), with the long
/// way of reading its save, which no other part holds.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        other_form,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_other_form_part)
    )
)]
fn other_form_part(saver: Saver) -> Result<(), PartLoadError> {
    saver.save_reading(Some(storage::read_other_form));
    Ok(())
}

/// The banners' way to the saver: `write` done in the saver's part of the
/// module, fetched first if it is not here yet. If it cannot be fetched, the
/// reason, in words that follow "because".
pub async fn from_banner(saver: Saver, write: BannerWrite) -> Result<BannerWritten, String> {
    #[cfg(feature = "split")]
    let written = saver_part(saver, write).await;
    #[cfg(not(feature = "split"))]
    let written = saver_part(saver, write);
    written.map_err(|_| {
        "the part of the app that saves could not be fetched: check the connection and try again"
            .to_string()
    })
}

/// Where the release build cuts the module: the `saver` part, with the
/// chunks it shares with the areas (which call the saver directly).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        saver,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_saver_part)
    )
)]
fn saver_part(saver: Saver, write: BannerWrite) -> Result<BannerWritten, PartLoadError> {
    let saver = saver.dispatching(Some(Dispatcher::every_change()));
    Ok(match write {
        BannerWrite::DownloadBackup => match saver.download_backup() {
            Ok(name) => BannerWritten::BackupDownloading(name),
            Err(reason) => BannerWritten::BackupNotMade(reason),
        },
        BannerWrite::AllowSavingOverUnreadable => {
            saver.allow_saving_over_unreadable();
            BannerWritten::Done
        }
        BannerWrite::Undo(change) => {
            // Refused (what it went back into was deleted in another tab or
            // window), the refusal banner says so.
            if let Some(change) = change.downcast_ref::<Change>() {
                saver.act(change.clone());
            }
            saver.store.undo.set(None);
            BannerWritten::Done
        }
        BannerWrite::KeepLinkedFile => {
            leptos::task::spawn_local(saver.linked_file().reopen());
            BannerWritten::Done
        }
    })
}

impl Saver {
    /// The saver of `store`, doing nothing until the first change.
    pub fn new(store: WorkbookStore) -> Self {
        Saver {
            store,
            pending: PendingChanges(StoredValue::new(None)),
            typing_timer: StoredValue::new(None),
            save_due: StoredValue::new(false),
            announce_save: StoredValue::new(false),
            asked_to_persist: StoredValue::new(false),
            started: StoredValue::new(false),
            dispatcher: None,
        }
    }

    /// This saver, applying changes with `dispatcher` (the same pending
    /// changes, timers and store: only how a change is applied differs).
    pub fn dispatching(self, dispatcher: Option<Dispatcher>) -> Self {
        Saver { dispatcher, ..self }
    }

    /// With the first change: saves pending changes when the page is hidden
    /// or closed, and takes over following other tabs' saves from the store,
    /// as from now on they may need this tab's changes replayed on them.
    fn start_once(&self) {
        if self.started.get_value() {
            return;
        }
        self.started.set_value(true);
        let saver = *self;
        let flush = move || saver.save_pending();
        std::mem::forget(window_event_listener(leptos::ev::pagehide, move |_| {
            flush()
        }));
        std::mem::forget(window_event_listener(
            leptos::ev::visibilitychange,
            move |_| flush(),
        ));
        self.store.hand_over_other_tabs();
        std::mem::forget(storage::watch_other_tabs(move |text| {
            saver.take_other_tabs_save(text)
        }));
        // The banners' way in (an Undo straight after a deletion), fetched
        // now rather than when clicked, which may be offline.
        #[cfg(feature = "split")]
        leptos::task::spawn_local(async {
            let _ = fetch_saver_part().await;
        });
    }

    /// Applies one change the user made, then saves it (typing: shortly).
    /// A refused change leaves everything as it was. For a page that shows
    /// the refusal itself, beside what it is about (a file import's outcome);
    /// others use `act` or `submit`, which never let one pass unsaid.
    pub fn apply(&self, change: Change) -> Result<Applied, Refusal> {
        self.try_apply(change).map_err(|(_, refusal)| refusal)
    }

    /// As `apply`, with a refused change handed back to be named in the
    /// refusal's words, rather than copied beforehand in case: a batch of
    /// 2,000 members' files is one change.
    pub fn apply_or_hand_back(&self, change: Change) -> Result<Applied, (Change, Refusal)> {
        self.try_apply(change)
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
                    .store
                    .doc
                    .with_untracked(|doc| change.refusal_message(&refusal, doc));
                self.store.refusal.set(Some(message));
                false
            }
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
                    .store
                    .doc
                    .with_untracked(|doc| change.refusal_message(&other, doc));
                errors.set(vec![FieldError::new("", message)]);
                false
            }
        }
    }

    /// `apply`, giving a refused change back with its refusal, so it can be
    /// put in words.
    fn try_apply(&self, change: Change) -> Result<Applied, (Change, Refusal)> {
        self.start_once();
        let store = self.store;
        let stamp = stamp_now();
        let Some(dispatcher) = self.dispatcher else {
            return Err((change, Refusal::NotFromThisPage));
        };
        // Operations refuse before changing anything, so a refusal notifies no one.
        let applied = match store
            .doc
            .try_update_untracked(|doc| dispatcher.apply(doc, &change, stamp))
        {
            Some(Ok(applied)) => applied,
            Some(Err(refusal)) => return Err((change, refusal)),
            // The store is gone (the app is being torn down): nothing was changed.
            None => return Err((change, Refusal::NotFound)),
        };
        store.doc.notify();
        // What was refused before is past once a change is made.
        if store.refusal.with_untracked(Option::is_some) {
            store.refusal.set(None);
        }
        let typing = change.is_typing();
        if !typing {
            let described = match &applied.undo {
                Some(Change::Undelete(record)) => Some(format!("Deleted {}.", record.describe())),
                Some(Change::UncombinePlans(combined)) => Some(combined.describe()),
                Some(Change::SetRoundMembers { .. }) => match &change {
                    Change::TakeInMembers { members, .. } => Some(format!(
                        "Loaded {}.",
                        RecordKind::GroupMember.count(members.len())
                    )),
                    _ => Some("Put the round's members back as they were.".to_string()),
                },
                _ => None,
            };
            store
                .undo
                .set(described.zip(applied.undo.clone().map(|c| Arc::new(c) as Opaque)));
        }
        self.pending.update(|p| p.push(change, stamp, dispatcher));
        if !typing {
            self.announce_save.set_value(true);
        }
        if !store.save_status.with_untracked(|s| s.pending) {
            store.save_status.update(|s| s.pending = true);
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
        let revision = self.store.doc.with_untracked(|d| d.revision);
        if let Stored::Readable(newer) = storage::read_if_newer(revision) {
            self.take_newer(newer);
        }
    }

    /// Saves once the browser has drawn the change and has nothing else to
    /// do. Saving writes the whole workbook (and first reads the stored copy,
    /// for other tabs' saves), which with years of entries takes longer than
    /// a frame; done in the click's own task it would hold back what the click
    /// shows, and queued straight after the frame it would hold back the next
    /// click or key. So it waits for the browser's idle time after the frame
    /// (`requestIdleCallback`, at most a second; a browser without it saves in
    /// the task after the frame). Pending changes are also saved when the page
    /// is hidden or closed, so none waits on a frame that never comes; a
    /// hidden page (which draws no frames) saves at once.
    fn save_after_frame(&self) {
        if document().hidden() {
            self.save_pending();
            return;
        }
        if self.save_due.get_value() {
            return;
        }
        self.save_due.set_value(true);
        let saver = *self;
        let save_if_due = move || {
            if saver.save_due.get_value() {
                saver.save_pending();
            }
        };
        request_animation_frame(move || {
            // The frame is drawn after this callback; the save waits for idle time after it.
            // Were it refused, the timer below saves.
            let _ =
                super::browser::when_idle(SAVE_WITHOUT_FRAME_DELAY, Duration::ZERO, save_if_due);
        });
        // A page the browser draws no frames for (a tab behind another, where
        // `hidden` may still be false) saves anyway, a moment later.
        set_timeout(save_if_due, SAVE_WITHOUT_FRAME_DELAY);
    }

    fn save_after_typing(&self) {
        if let Some(timer) = self.typing_timer.get_value() {
            timer.clear();
        }
        let saver = *self;
        let timer = set_timeout_with_handle(move || saver.save_pending(), TYPING_SAVE_DELAY).ok();
        self.typing_timer.set_value(timer);
    }

    /// Saves what is pending now, building on any newer revision another tab
    /// saved (also as the page is hidden or closed).
    fn save_pending(&self) {
        self.save_due.set_value(false);
        if let Some(timer) = self.typing_timer.get_value() {
            timer.clear();
            self.typing_timer.set_value(None);
        }
        if self.pending.with(Pending::is_empty)
            || self.store.saving_blocked.get_untracked().is_some()
        {
            return;
        }
        self.save_now();
    }

    /// The save itself (`save_pending` has checked that something is pending
    /// and saving is on).
    fn save_now(&self) {
        self.save_reading(None);
    }

    /// The save, with `long_way` the reader for another tab's save in an
    /// older form (`storage::read_other_form`) when this code holds it. When
    /// it does not, and such a save is there, the save is made by the part
    /// that holds it (`other_form_part`), once fetched: pending changes wait
    /// in memory until then (it comes from the service worker's cache, and
    /// is fetched beforehand when the other tab's save is heard of).
    fn save_reading(&self, long_way: Option<fn(&str) -> Stored>) {
        let store = self.store;
        let revision = store.doc.with_untracked(|d| d.revision);
        let stored = match (storage::read_if_newer(revision), long_way) {
            (Stored::OtherForm(text), Some(read)) => read(&text),
            (Stored::OtherForm(_), None) => {
                let saver = *self;
                leptos::task::spawn_local(async move {
                    #[cfg(feature = "split")]
                    let saved = other_form_part(saver).await;
                    #[cfg(not(feature = "split"))]
                    let saved = other_form_part(saver);
                    if saved.is_err() {
                        saver.store.save_error.set(Some(
                            "another tab, of an older version of the app, saved last, and the part of the app that reads its save could not be fetched: check the connection (nothing is lost while this page stays open)".into(),
                        ));
                    }
                });
                return;
            }
            (stored, _) => stored,
        };
        let stored = match stored {
            Stored::Nothing => None,
            Stored::Readable(workbook) => Some(workbook),
            Stored::Unreadable | Stored::OtherForm(_) => {
                store.save_error.set(Some(
                    "another tab has saved a workbook this page cannot read (perhaps from a newer version of the app); reload the page to see it".into(),
                ));
                return;
            }
        };
        let mut plan = store.doc.with_untracked(|doc| {
            self.pending
                .with(|p| sync::plan_save(doc, p, stored.as_ref()))
        });
        match storage::write(&plan.document) {
            Ok(written) => {
                self.pending.update(Pending::clear);
                store.save_error.set(None);
                let announce = self.announce_save.get_value();
                self.announce_save.set_value(false);
                store.save_status.update(|s| {
                    s.pending = false;
                    if announce {
                        s.announced = format!(
                            "Saved in this browser at {}.",
                            clock_time_with_seconds(&Local::now())
                        );
                    }
                });
                self.ask_to_persist_once();
                super::page_copy::take_when_idle(store);
                if plan.rebased {
                    storage::note_written(&mut plan.document, &written);
                    store.doc.set(plan.document);
                    self.note_dropped(plan.dropped);
                } else {
                    // Only the revision changed, and where the sections
                    // written are kept: nothing on screen shows either.
                    store.doc.update_untracked(|d| {
                        d.revision = plan.document.revision;
                        storage::note_written(d, &written);
                    });
                }
            }
            Err(reason) => store.save_error.set(Some(reason)),
        }
    }

    /// Another tab saved: show its copy with this tab's unsaved changes on top,
    /// leaving every field that did not change (and what is being typed) alone.
    fn take_other_tabs_save(&self, text: Option<String>) {
        let Some(text) = text else {
            // Another tab deleted everything: follow it, keeping nothing.
            self.pending.update(Pending::clear);
            self.store.follow_deletion();
            return;
        };
        let Some(newer) = self.store.newer_from_other_tab(&text) else {
            // Perhaps an older version's save (another tab not yet updated):
            // the next save reads it with a part of its own, fetched now so
            // that it is here by then, even as the page closes.
            #[cfg(feature = "split")]
            leptos::task::spawn_local(async {
                let _ = fetch_other_form_part().await;
            });
            return;
        };
        if self.pending.with(Pending::is_empty) {
            self.store.doc.set(newer);
        } else {
            // Unsaved changes here are replayed on the newer copy.
            self.take_newer(newer);
        }
    }

    /// Shows `newer`, another tab's save, with this tab's pending changes
    /// replayed on it (the caller has checked it is newer).
    fn take_newer(&self, newer: Workbook) {
        let store = self.store;
        let replayed = store
            .doc
            .with_untracked(|doc| self.pending.with(|p| sync::take_newer(doc, p, &newer)));
        if let Some(replayed) = replayed {
            // Only what still applies is left to save, so a change dropped
            // here is not replayed, and told, again.
            let nothing_left = replayed.kept.is_empty();
            self.pending.set(replayed.kept);
            store.doc.set(replayed.document);
            if nothing_left {
                self.announce_save.set_value(false);
                store.save_status.update(|s| s.pending = false);
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
        let saver = *self;
        leptos::task::spawn_local(async move { saver.ask_to_persist().await });
    }

    /// Asks the browser to keep this site's storage when it frees up space,
    /// and notes its answer in `persisted`.
    pub async fn ask_to_persist(&self) {
        let persisted = self.store.persisted;
        persisted.set(storage::ask_to_persist().await);
    }

    /// Tells the user which of their changes could not be kept (each named
    /// by `Change::dropped_message`), after any not yet hidden.
    fn note_dropped(&self, dropped: Vec<String>) {
        if dropped.is_empty() {
            return;
        }
        self.store.sync_notice.update(|notice| {
            notice.get_or_insert_with(Vec::new).extend(dropped);
        });
    }

    /// Downloads a backup of the whole workbook and remembers when, for the
    /// backup reminder. Returns the file's name, or why it failed.
    pub fn download_backup(&self) -> Result<String, String> {
        let (name, text) = self.backup_to_download();
        super::browser::download_text(&name, &text, "application/json").map(|()| name)
    }

    /// The linked backup file (`ui::linked_file`), which merges what another
    /// device wrote to it through this saver.
    pub fn linked_file(&self) -> LinkedFile {
        let saver = *self;
        linked_file::linked_file(self.store, move |incoming: Workbook| {
            saver
                .apply(Change::MergeBackup {
                    incoming: Box::new(incoming),
                    merge: MergeRun::by_record_id(),
                })
                .map(|applied| {
                    applied
                        .merge_report
                        .filter(|report| !report.changed_nothing())
                        .map(|report| report.lines())
                })
                .map_err(|refusal| refusal.to_string())
        })
    }

    /// In a browser that linked a backup file, carries on keeping it up to
    /// date, or has the banner say that the browser asks again (once a
    /// visit). Called as an area's page is drawn, so its code is in the
    /// areas' parts, not the first download: a visit that opens at the home
    /// page looks for the file when it first opens an area.
    ///
    /// The file is reopened in the saver's part (`BannerWrite::KeepLinkedFile`),
    /// fetched only in a browser that linked one: were it reopened here, every
    /// area's part would carry the linked file's code and the merge it needs.
    /// If the part cannot be fetched (offline, not yet cached), the next page
    /// opened tries again; the workbook is still saved in this browser.
    pub fn keep_linked_file(&self) {
        if storage::linked_file_name().is_some() {
            let saver = *self;
            leptos::task::spawn_local(async move {
                let _ = from_banner(saver, BannerWrite::KeepLinkedFile).await;
            });
        }
    }

    /// A backup's file name and text, the backup noted as made now (for the
    /// backup reminder): for a page that does more to it before it is
    /// downloaded (protects it with a passphrase).
    pub fn backup_to_download(&self) -> (String, String) {
        let name = backup::backup_file_name(Local::now().date_naive());
        // Noted first, so the file itself says when it was taken. (It is never
        // refused; were it, the banner would say so and the file still be made.)
        self.act(Change::NoteBackup);
        let text = self.store.workbook.with_untracked(backup::to_json);
        (name, text)
    }

    /// Replaces the whole workbook after the user confirmed a restore. Returns
    /// whether it was saved; if not, it is still on the page and the reason is shown.
    pub fn restore(&self, restored: Workbook) -> Result<(), String> {
        let store = self.store;
        let stored = match storage::read_if_newer(0) {
            Stored::Readable(workbook) => Some(workbook),
            Stored::OtherForm(text) => match storage::read_other_form(&text) {
                Stored::Readable(workbook) => Some(workbook),
                _ => None,
            },
            _ => None,
        };
        let document = store
            .doc
            .with_untracked(|current| sync::plan_restore(restored, current, stored.as_ref()));
        self.pending.update(Pending::clear);
        store.doc.set(document.clone());
        if let Some(blocked) = store.saving_blocked.get_untracked() {
            return Err(blocked_reason(blocked).to_string());
        }
        let saved = storage::write(&document).map(|written| {
            store
                .doc
                .update_untracked(|d| storage::note_written(d, &written))
        });
        store.save_error.set(saved.clone().err());
        saved
    }

    /// Deletes the workbook and every copy kept aside from this browser (for a
    /// shared computer), after the user confirmed. Other open tabs follow.
    pub fn delete_everything(&self) -> DeletedEverything {
        let store = self.store;
        let mut workbook = store.doc.get_untracked();
        // Its sections are read before their keys go, so Undo has them.
        workbook.take_sections_in();
        let deleted = DeletedEverything {
            workbook,
            kept_aside: storage::kept_aside(),
        };
        self.pending.update(Pending::clear);
        if let Some(timer) = self.typing_timer.get_value() {
            timer.clear();
        }
        storage::delete_everything();
        store.undo.set(None);
        store.unreadable.set(None);
        store.save_error.set(None);
        store.doc.set(Workbook::new(Utc::now()));
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

    /// Deletes one copy of unreadable data kept aside, when the user says
    /// they no longer need it.
    pub fn remove_kept_aside(&self, key: &str) {
        storage::remove_kept_aside(key);
    }

    /// Puts a kept-aside copy back (the "Undo" after deleting it).
    pub fn put_back_kept_aside(&self, key: &str, text: &str) -> Result<(), String> {
        storage::put_back_kept_aside(key, text)
    }

    /// The user has downloaded the unreadable data and agrees it may be
    /// replaced: saving starts again and writes the workbook now.
    pub fn allow_saving_over_unreadable(&self) {
        let store = self.store;
        if store.saving_blocked.get_untracked() != Some(SavingBlocked::UnreadableNotKept) {
            return;
        }
        store.saving_blocked.set(None);
        let mut document = store.doc.get_untracked();
        document.revision += 1;
        match storage::write(&document) {
            Ok(written) => {
                self.pending.update(Pending::clear);
                store.doc.update_untracked(|d| {
                    d.revision = document.revision;
                    storage::note_written(d, &written);
                });
                store.save_error.set(None);
            }
            Err(reason) => store.save_error.set(Some(reason)),
        }
    }
}
