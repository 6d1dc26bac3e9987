//! The workbook's model: plain Rust with no browser APIs, so all of it is tested
//! natively with `cargo test`. The user interface (src/ui) only shows this state
//! and sends the user's intent here as named changes (`document::Change`).
//!
//! One folder per area. Imports run one way only:
//! `common` ← `assessment`, `plan`, `placement` ← `document`.

pub mod assessment;
pub mod capabilities;
pub mod common;
pub mod document;
pub mod placement;
pub mod plan;

pub use document::{Change, Refusal, Stamp, Workbook, FORMAT_NAME, SCHEMA_VERSION};
