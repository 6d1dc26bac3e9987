//! The one place that talks to the browser's APIs for many files at once:
//! the files of a file input (`FileList`), files and folders dropped on the
//! page (`DataTransfer`, and its entries for a dropped folder), a folder
//! chosen with `window.showDirectoryPicker` (Edge and Chrome only; walked
//! with its handles' async iterators), and reading them as text a slice at a
//! time (`File.text()`), giving the browser a turn between slices so the page
//! never freezes and its progress can be drawn.
//!
//! A module of its own rather than part of `browser.rs`: `browser.rs` is
//! reached from pages in the first download, this only from the group area's
//! pages, and keeping the two apart keeps it obvious that nothing here is
//! needed at start. The folder and entry APIs are reached through
//! `js_sys::Reflect`, as web-sys has them only behind unstable flags (and
//! Firefox and Safari have no `showDirectoryPicker` at all).

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use super::js_object::{call, get, set};
use crate::model::files::group_intake::{folder_order, Picked, PickedFile, MAX_MEMBER_FILE_BYTES};

/// More files than this in one folder (with its sub-folders) are not
/// listed: no group has that many members, and it is more likely the wrong
/// folder (a whole drive).
pub const MAX_FOLDER_FILES: usize = 10_000;

/// How many files are read at once: enough for the browser to overlap
/// reading them, few enough to show progress often.
pub const READ_AT_ONCE: usize = 20;

/// A file chosen but not read yet: its name (or path in a chosen folder)
/// and the file, or None when the browser would not give it.
pub struct Chosen {
    pub name: String,
    pub file: Option<File>,
}

/// What a folder (chosen or dropped) held.
#[derive(Default)]
pub struct FolderFiles {
    /// Its `.json` files, by path.
    pub files: Vec<Chosen>,
    /// Other files, left out.
    pub others: usize,
    /// More than `MAX_FOLDER_FILES` `.json` files: the rest were left out.
    pub cut_short: bool,
}

/// The files chosen in a file input, in the order the browser lists them.
pub fn from_input(input: &web_sys::HtmlInputElement) -> Vec<Chosen> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| Chosen {
            name: file.name(),
            file: Some(file),
        })
        .collect()
}

/// Whether a drag carries files (rather than text or a link).
pub fn drag_has_files(event: &web_sys::DragEvent) -> bool {
    event
        .data_transfer()
        .map(|t| {
            t.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
        .unwrap_or(false)
}

/// What was dropped: its files, and any folders among them, which must be
/// taken from the drop now (the browser forgets them once the drop event is
/// over) and are walked later by `walk_dropped`.
pub struct Dropped {
    pub files: Vec<Chosen>,
    folders: Vec<JsValue>,
}

impl Dropped {
    pub fn has_folders(&self) -> bool {
        !self.folders.is_empty()
    }
}

/// Takes what was dropped, during the drop event.
pub fn from_drop(event: &web_sys::DragEvent) -> Dropped {
    let mut dropped = Dropped {
        files: Vec::new(),
        folders: Vec::new(),
    };
    let Some(transfer) = event.data_transfer() else {
        return dropped;
    };
    // A dropped folder appears in `files` as an unreadable file; its entry
    // (`webkitGetAsEntry`, in every current browser) says it is a folder.
    let items: JsValue = transfer.items().into();
    let count = get(&items, "length").as_f64().unwrap_or(0.0) as u32;
    let mut folder_names = Vec::new();
    for i in 0..count {
        let item = Reflect::get_u32(&items, i).unwrap_or(JsValue::UNDEFINED);
        let entry = call0(&item, "webkitGetAsEntry").unwrap_or(JsValue::NULL);
        if get(&entry, "isDirectory").as_bool() == Some(true) {
            folder_names.push(get(&entry, "name").as_string().unwrap_or_default());
            dropped.folders.push(entry);
        }
    }
    if let Some(list) = transfer.files() {
        for file in (0..list.length()).filter_map(|i| list.get(i)) {
            let name = file.name();
            if let Some(at) = folder_names.iter().position(|f| *f == name) {
                // Counted once: as the folder walked, not as a file.
                folder_names.remove(at);
                continue;
            }
            dropped.files.push(Chosen {
                name,
                file: Some(file),
            });
        }
    }
    dropped
}

/// The `.json` files in the folders dropped, with their sub-folders, by path.
pub async fn walk_dropped(dropped: &Dropped) -> FolderFiles {
    let mut found = FolderFiles::default();
    let mut folders: Vec<JsValue> = dropped.folders.clone();
    while let Some(folder) = folders.pop() {
        let Ok(reader) = call0(&folder, "createReader") else {
            continue;
        };
        // `readEntries` gives a folder's entries a part at a time, then none.
        loop {
            let part = JsFuture::from(callback_promise(&reader, "readEntries")).await;
            let Ok(part) = part else { break };
            let part: js_sys::Array = part.unchecked_into();
            if part.length() == 0 {
                break;
            }
            for entry in part.iter() {
                let path = get(&entry, "fullPath").as_string().unwrap_or_default();
                let path = path.trim_start_matches('/').to_string();
                if get(&entry, "isDirectory").as_bool() == Some(true) {
                    folders.push(entry);
                } else if !is_json(&path) {
                    found.others += 1;
                } else if found.files.len() >= MAX_FOLDER_FILES {
                    found.cut_short = true;
                } else {
                    let file = JsFuture::from(callback_promise(&entry, "file"))
                        .await
                        .ok()
                        .map(JsCast::unchecked_into::<File>);
                    found.files.push(Chosen { name: path, file });
                }
            }
        }
    }
    found.files.sort_by(|a, b| folder_order(&a.name, &b.name));
    found
}

/// Whether this browser can open a whole folder (`showDirectoryPicker`).
pub fn can_choose_folder() -> bool {
    web_sys::window().is_some_and(|w| {
        Reflect::has(&w, &JsValue::from_str("showDirectoryPicker")).unwrap_or(false)
    })
}

/// Why a folder could not be opened, in words.
const FOLDER_REFUSED: &str =
    "The folder could not be opened: your browser did not allow it. Choose the files instead.";

/// Asks the user for a folder and lists its `.json` files, with those in
/// its sub-folders, by path. `Ok(None)` when the user closed the picker.
pub async fn choose_folder() -> Result<Option<FolderFiles>, String> {
    let window = web_sys::window().ok_or(FOLDER_REFUSED)?;
    let options = js_sys::Object::new();
    // The picker opens where it was last used for a round, and only reads.
    set(&options, "id", &"group-round".into());
    set(&options, "mode", &"read".into());
    let picker = get(&window, "showDirectoryPicker");
    let Some(picker) = picker.dyn_ref::<Function>() else {
        return Err(FOLDER_REFUSED.to_string());
    };
    let asked = picker
        .call1(&window, &options)
        .map_err(|_| FOLDER_REFUSED.to_string())?;
    let handle = match JsFuture::from(Promise::resolve(&asked)).await {
        Ok(handle) => handle,
        Err(error) if get(&error, "name").as_string().as_deref() == Some("AbortError") => {
            return Ok(None)
        }
        Err(_) => return Err(FOLDER_REFUSED.to_string()),
    };
    let mut found = FolderFiles::default();
    // (handle, its path) for each folder still to list.
    let mut folders = vec![(handle, String::new())];
    while let Some((folder, path)) = folders.pop() {
        let Ok(entries) = call0(&folder, "values") else {
            continue;
        };
        loop {
            let Ok(next) = call0(&entries, "next") else {
                break;
            };
            let Ok(step) = JsFuture::from(Promise::resolve(&next)).await else {
                break;
            };
            if get(&step, "done").as_bool() != Some(false) {
                break;
            }
            let entry = get(&step, "value");
            let name = get(&entry, "name").as_string().unwrap_or_default();
            let entry_path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}/{name}")
            };
            match get(&entry, "kind").as_string().as_deref() {
                Some("directory") => folders.push((entry, entry_path)),
                Some("file") if !is_json(&name) => found.others += 1,
                Some("file") if found.files.len() >= MAX_FOLDER_FILES => found.cut_short = true,
                Some("file") => {
                    let file = match call0(&entry, "getFile") {
                        Ok(promise) => JsFuture::from(Promise::resolve(&promise))
                            .await
                            .ok()
                            .map(JsCast::unchecked_into::<File>),
                        Err(_) => None,
                    };
                    found.files.push(Chosen {
                        name: entry_path,
                        file,
                    });
                }
                _ => {}
            }
        }
    }
    // A folder lists its entries in no set order: in the order people sort
    // them, the same each time, so members are numbered the same way.
    found.files.sort_by(|a, b| folder_order(&a.name, &b.name));
    Ok(Some(found))
}

fn is_json(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".json")
}

/// Reads the files a slice of `READ_AT_ONCE` at a time, handing each slice
/// to `each_slice` as it is read (files over `MAX_MEMBER_FILE_BYTES` are
/// not read but marked as too large), and gives the browser a turn after
/// each slice so it can draw the page. Stops early when `each_slice` says
/// so (false: the page that asked has gone).
pub async fn read_in_slices(
    chosen: Vec<Chosen>,
    mut each_slice: impl FnMut(Vec<PickedFile>) -> bool,
) {
    let mut chosen = chosen.into_iter().peekable();
    while chosen.peek().is_some() {
        let slice: Vec<Chosen> = chosen.by_ref().take(READ_AT_ONCE).collect();
        // Every file of the slice is asked for first, so the browser reads
        // them together, then each is awaited in turn.
        let reading: Vec<(String, Result<JsFuture, Picked>)> = slice
            .into_iter()
            .map(|Chosen { name, file }| {
                let reading = match file {
                    None => Err(Picked::Unreadable),
                    Some(file) if file.size() > MAX_MEMBER_FILE_BYTES as f64 => {
                        Err(Picked::TooLarge(file.size() as u64))
                    }
                    Some(file) => Ok(JsFuture::from(file.text())),
                };
                (name, reading)
            })
            .collect();
        let mut read = Vec::with_capacity(reading.len());
        for (name, reading) in reading {
            let content = match reading {
                Err(picked) => picked,
                Ok(text) => match text.await.ok().and_then(|t| t.as_string()) {
                    Some(text) => Picked::Text(text),
                    None => Picked::Unreadable,
                },
            };
            read.push(PickedFile { name, content });
        }
        if !each_slice(read) {
            return;
        }
        next_turn().await;
    }
}

/// Lets the browser run what is waiting (drawing the page, the user's
/// input) before going on.
///
/// By a message the page posts to itself, not a timer: each message is a
/// task of its own, where a browser clamps a run of 0 ms timers to 4 ms
/// each and holds a tab in the background to one timer a second (100
/// slices of 2,000 files: over a minute and a half if the lead looks at
/// another tab). Timers stand in only where there is no `MessageChannel`.
pub async fn next_turn() {
    let promise = Promise::new(&mut |resolve, _| {
        let channel = get(&js_sys::global(), "MessageChannel")
            .dyn_into::<Function>()
            .ok()
            .and_then(|class| Reflect::construct(&class, &js_sys::Array::new()).ok());
        if let Some(channel) = channel {
            // Setting `onmessage` starts the port.
            set(&get(&channel, "port1"), "onmessage", &resolve);
            if call(&get(&channel, "port2"), "postMessage", &[JsValue::NULL]).is_ok() {
                return;
            }
        }
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Calls `target.method()`.
fn call0(target: &JsValue, method: &str) -> Result<JsValue, JsValue> {
    call(target, method, &[])
}

/// A promise of `target.method(on_success, on_error)`, for the older
/// callback APIs of dropped folders.
fn callback_promise(target: &JsValue, method: &str) -> Promise {
    let target = target.clone();
    let method = get(&target, method);
    Promise::new(&mut |resolve, reject| match method.dyn_ref::<Function>() {
        Some(f) => {
            if let Err(error) = f.call2(&target, &resolve, &reject) {
                let _ = reject.call1(&JsValue::UNDEFINED, &error);
            }
        }
        None => {
            let _ = reject.call0(&JsValue::UNDEFINED);
        }
    })
}
