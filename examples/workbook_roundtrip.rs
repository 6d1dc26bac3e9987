//! Reads a backup (a workbook's JSON) on standard input and writes it back as
//! the app writes a backup, for `tests/e2e/heavy-roundtrip.test.mjs`: the
//! bytes the app writes for the benchmark's heavy workbook must not change
//! when the model's code is reorganised.
//!
//! Usage: cargo run --example workbook_roundtrip < backup.json > written.json

use std::io::{Read, Write};

use commissioning_workbook::model::document::backup::{read_workbook, to_json};

fn main() {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("standard input is text");
    match read_workbook(&text) {
        Ok(workbook) => std::io::stdout()
            .write_all(to_json(&workbook).as_bytes())
            .expect("standard output takes it"),
        Err(problem) => {
            eprintln!("not read: {problem:?}");
            std::process::exit(1);
        }
    }
}
