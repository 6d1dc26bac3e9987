//! Commissioning Workbook: a browser-only workbook for clinical commissioning.
//!
//! `model` is plain Rust (tested natively); `ui` is the Leptos front end, which
//! exists only in the WebAssembly build.

pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod ui;
