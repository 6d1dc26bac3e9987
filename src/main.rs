//! The browser entry point that trunk builds. On the host there is nothing to run:
//! the model is exercised by `cargo test` instead.

#[cfg(target_arch = "wasm32")]
fn main() {
    commissioning_workbook::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Commissioning Workbook runs in the browser: see README.md (scripts/run.sh).");
}
