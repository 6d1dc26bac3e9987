//! Pieces every area of the model shares: record ids, dates as users type and
//! read them and as saved records hold them, text a user typed, form errors,
//! and what changed under a stale edit form. Nothing here imports any other
//! part of the model.

pub mod dates;
/// Text folded for search (case and accents).
pub mod folding;
pub mod identifiers;
pub mod ids;
/// London clock readings for tests of the date rules at awkward moments.
#[cfg(test)]
pub mod moments;
pub mod numbers;
pub mod saved_dates;
pub mod stale;
pub mod user_text;
pub mod validation;
