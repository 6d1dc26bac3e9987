//! The workbook's model: plain Rust with no browser APIs, so all of it is tested
//! natively with `cargo test`. The user interface (src/ui) only shows this state
//! and sends user intent to the functions here.

pub mod assessment;
pub mod assessment_export;
pub mod backup;
pub mod framework;
pub mod ids;
pub mod placement;
pub mod plan;
pub mod scoring;
pub mod validation;
pub mod workbook;

pub use workbook::{Workbook, FORMAT_NAME, SCHEMA_VERSION};
