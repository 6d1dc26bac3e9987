//! The one place that touches the browser's local storage. Loading never panics
//! and never overwrites what it could not read: unreadable text is copied aside
//! under its own key first. Saving reports failures (such as a full quota) and
//! leaves the in-memory workbook as it was.

use chrono::Utc;
use gloo_storage::{LocalStorage, Storage};

use crate::model::backup::{self, StoredState};
use crate::model::Workbook;

/// Where the workbook lives.
pub const WORKBOOK_KEY: &str = "commissioning-workbook";
/// Prefix of the keys that hold unreadable text kept aside.
pub const KEPT_ASIDE_PREFIX: &str = "commissioning-workbook.unreadable.";

/// What the app starts with.
pub struct Startup {
    pub workbook: Workbook,
    pub notice: Option<UnreadableNotice>,
    /// True when unreadable data could not be copied aside: saving would then
    /// overwrite it, so nothing is saved until the user has dealt with it.
    pub saving_blocked: bool,
}

/// Tells the user that stored data could not be read and what became of it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnreadableNotice {
    pub reason: String,
    /// The key it was copied to, or None if copying failed.
    pub kept_under: Option<String>,
    pub raw: String,
}

fn storage() -> Option<web_sys::Storage> {
    // `LocalStorage::raw` panics when storage is unavailable (e.g. disabled by
    // policy); check first so that loading never panics.
    let available = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some();
    available.then(LocalStorage::raw)
}

pub fn load() -> Startup {
    let now = Utc::now();
    let Some(store) = storage() else {
        return Startup {
            workbook: Workbook::new(now),
            notice: Some(UnreadableNotice {
                reason: "This browser is not letting the workbook use local storage, so nothing you enter will be kept after you close the page.".into(),
                kept_under: None,
                raw: String::new(),
            }),
            saving_blocked: true,
        };
    };
    let raw = store.get_item(WORKBOOK_KEY).ok().flatten();
    match backup::interpret_stored(raw) {
        StoredState::Empty => Startup {
            workbook: Workbook::new(now),
            notice: None,
            saving_blocked: false,
        },
        StoredState::Loaded(workbook) => Startup {
            workbook,
            notice: None,
            saving_blocked: false,
        },
        StoredState::Unreadable { raw, error } => {
            let key = free_kept_aside_key(&store, &now.format("%Y-%m-%dT%H-%M-%SZ").to_string());
            let kept = store.set_item(&key, &raw).is_ok();
            Startup {
                workbook: Workbook::new(now),
                notice: Some(UnreadableNotice {
                    reason: error.to_string(),
                    kept_under: kept.then_some(key),
                    raw,
                }),
                saving_blocked: !kept,
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

/// Saves the whole workbook. The error text is shown to the user.
pub fn save(workbook: &Workbook) -> Result<(), String> {
    let store =
        storage().ok_or_else(|| "local storage is not available in this browser".to_string())?;
    store
        .set_item(WORKBOOK_KEY, &backup::to_json(workbook))
        .map_err(|err| {
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

use wasm_bindgen::JsCast;

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

/// Deletes one kept-aside copy, when the user says they no longer need it.
pub fn remove_kept_aside(key: &str) {
    if key.starts_with(KEPT_ASIDE_PREFIX) {
        if let Some(store) = storage() {
            let _ = store.remove_item(key);
        }
    }
}
