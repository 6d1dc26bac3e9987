//! Pieces every page shares, following NHS.UK design system patterns: form
//! fields with their errors, the file-import control, storage banners, tables,
//! and the guard that stops a stale edit form overwriting a newer change.

mod banners;
mod conflict_notice;
mod fields;
mod file_import;
mod stale;
mod tables;
mod title;

pub use banners::{DeleteButton, SaveAnnouncer, StorageAlerts};
pub use conflict_notice::ConflictNotice;
pub use fields::{Checkbox, ErrorMessage, ErrorSummary, Field, FieldKind, Radios, Select};
pub use file_import::{ChosenFile, FileImport};
pub use stale::{StaleGuard, StaleNotice};
pub use tables::{summary_row, DataTable, DomainRow, StackedCell};
pub use title::Title;
