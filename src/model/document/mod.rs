//! The saved document and everything about it as a whole: the `Workbook`, the
//! named operations that change it (`changes`), keeping two tabs in step
//! (`sync`), and the files users hold — backups with their schema versions and
//! migrations (`backup`) and single shared assessments (`assessment_file`).
//! This is the one area that imports the others; none of them imports it.

pub mod assessment_file;
#[cfg(test)]
mod at_awkward_moments;
pub mod backup;
pub mod backup_reminder;
pub mod changes;
pub mod formats;
pub mod import_checks;
#[cfg(test)]
mod import_fuzz;
pub mod merge;
pub mod placement_changes;
pub mod placement_csv;
pub mod plan_changes;
#[cfg(not(target_arch = "wasm32"))]
pub mod schemas;
pub mod stored_form;
pub mod sync;
pub mod workbook;

pub use changes::{Change, Refusal, Stamp};
pub use formats::{ReadError, FORMAT_NAME, SCHEMA_VERSION};
pub use workbook::{RecordKind, Tombstone, Workbook, WorkbookSummary};
