//! Pieces every page shares, following NHS.UK design system patterns: form
//! fields with their errors, the file-import control (and the one for many
//! members' files at once), storage banners, tables, a group's diverging
//! bars, and the guard that stops a stale edit form overwriting a newer change.

mod banners;
mod conflict_notice;
mod diverging_bar;
mod fields;
mod file_import;
mod identifier_list;
mod identifier_warning;
mod many_files;
mod stale;
mod tables;
mod title;

pub use banners::{DeleteButton, SaveAnnouncer, StorageAlerts, UnreadableSection, PART_BANNERS};
pub use conflict_notice::ConflictNotice;
pub use diverging_bar::{DivergingBar, DivergingLegend};
pub use fields::{Checkbox, ErrorMessage, ErrorSummary, Field, FieldKind, Radios, Select};
pub use file_import::{ChosenFile, FileImport};
pub use identifier_list::{IdentifierList, WorkbookIdentifierList};
pub use many_files::{IntakeReport, ManyFilesPicker};
pub use stale::{StaleGuard, StaleNotice};
pub use tables::{summary_row, DataTable, DomainRow, StackedCell};
pub use title::Title;
