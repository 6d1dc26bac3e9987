//! The saved `Workbook` and the one way it changes. Its shape, and every
//! kind of record in it, is declared once (`tree`); code that works on any
//! kind reads that declaration (`records`, `places`). A page builds a named
//! `Change` (`change`), `Workbook::apply` (`apply`, the dispatcher) does the
//! bookkeeping every change shares and hands it to the rules of its area
//! (`ops/`), and a deletion can be undone (`undo`, with what was deleted in
//! `deleted`). Merging a backup is itself a change (replayed on another tab's
//! newer save and undone like any other), so `merge` lives here, beside the
//! dispatcher that applies it; the conflicts it leaves are put right by
//! `ops::conflicts`.
//!
//! Imports run one way: the areas (`common`, `assessment`, `plan`,
//! `placement`, `capabilities`) ← `workbook` ← `sync` and `files` ← `ui`.
//! Inside this folder a file imports from the file that holds the item, never
//! through the re-exports below (those are for the UI).

pub mod apply;
#[cfg(test)]
mod at_awkward_moments;
pub mod change;
pub mod deferred;
pub mod deleted;
pub mod document;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod free_text;
pub mod merge;
pub mod ops;
pub mod outcome;
pub mod places;
pub mod records;
pub mod refusals;
pub mod sections_apart;
pub mod tree;
pub mod undo;

pub use change::{Applied, Change, Refusal, Stamp};
pub use document::WorkbookSummary;
pub use tree::{AnyRecord, Conflict, RecordDraft, RecordKind, Tombstone, Workbook};
