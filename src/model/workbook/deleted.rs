//! A deleted record with where it was, so an undo puts it back in place.

use crate::model::workbook::tree::{AnyRecord, RecordKind};

/// A deleted record with where it was, so an undo puts it back in place.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedRecord {
    /// The id of the record it was under; none for a top-level record.
    pub under: Option<String>,
    /// Its position in its list.
    pub position: usize,
    pub record: AnyRecord,
}

impl DeletedRecord {
    /// What was deleted, for the "Deleted … Undo" message, in the words
    /// every record kind is described in (`tree.rs`).
    pub fn describe(&self) -> String {
        self.record.describe()
    }

    /// The kind of record deleted.
    pub fn kind(&self) -> RecordKind {
        self.record.kind()
    }
}
