//! The app's shared state: the workbook and what the user must be told about
//! storage. Every change goes through `AppState::edit`, which stamps the workbook
//! and lets the autosave effect write it once.

use leptos::prelude::*;

use super::browser;
use super::storage::{self, UnreadableNotice};
use crate::model::Workbook;

#[derive(Clone, Copy)]
pub struct AppState {
    pub workbook: RwSignal<Workbook>,
    /// Set when stored data could not be read at start.
    pub unreadable: RwSignal<Option<UnreadableNotice>>,
    /// The last save's failure, shown until a save succeeds.
    pub save_error: RwSignal<Option<String>>,
    /// See `storage::Startup::saving_blocked`.
    pub saving_blocked: RwSignal<bool>,
}

impl AppState {
    /// Loads the workbook and starts saving it after every change.
    pub fn start() -> Self {
        let startup = storage::load();
        let state = AppState {
            workbook: RwSignal::new(startup.workbook),
            unreadable: RwSignal::new(startup.notice),
            save_error: RwSignal::new(None),
            saving_blocked: RwSignal::new(startup.saving_blocked),
        };
        // Saves whenever the workbook changes. Edits arrive on `change` events
        // (a field is left or a button pressed), not on every keystroke.
        Effect::new(move |previous: Option<()>| {
            state.workbook.with(|workbook| {
                // The first run is the load itself: nothing has changed yet.
                if previous.is_none() || state.saving_blocked.get_untracked() {
                    return;
                }
                match storage::save(workbook) {
                    Ok(()) => state.save_error.set(None),
                    Err(reason) => state.save_error.set(Some(reason)),
                }
            });
        });
        state
    }

    /// Applies one user change to the workbook.
    pub fn edit(&self, change: impl FnOnce(&mut Workbook)) {
        self.workbook.update(|workbook| {
            change(workbook);
            workbook.touch(browser::now());
        });
    }

    /// Replaces the whole workbook (a confirmed restore).
    pub fn replace(&self, workbook: Workbook) {
        self.workbook.set(workbook);
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
