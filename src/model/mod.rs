//! The workbook's model: plain Rust with no browser APIs, so all of it is tested
//! natively with `cargo test`. The user interface (src/ui) only shows this state
//! and sends the user's intent here as named changes (`workbook::Change`).
//!
//! One folder per area. Imports run one way only:
//! `common` ← `assessment`, `plan`, `placement`, `capabilities`, `group`, `agreement`, `business_case` ← `workbook`
//! ← `sync`, `files` (← `ui`).

pub mod agreement;
pub mod assessment;
pub mod business_case;
pub mod capabilities;
pub mod common;
pub mod files;
pub mod group;
pub mod placement;
pub mod plan;
pub mod sync;
pub mod workbook;

pub use files::formats::ReadError;
pub use workbook::change::{Applied, Change, Refusal, Stamp};
pub use workbook::document::{Workbook, FORMAT_NAME, SCHEMA_VERSION};
