//! Checks on a document after its fields have been read and before the app
//! takes it in: no two records may share an id, and the text a merge left to
//! resolve is cleaned of control characters (the records' own text already
//! was, as it was read: `common::user_text`). Both run on every import and
//! on the local-storage copy at every start, so both take time in proportion
//! to the size of the document and no more.

use std::collections::HashSet;

use serde_json::Value;

use crate::model::agreement::AgreementBook;
use crate::model::business_case::CaseBook;
use crate::model::common::user_text::clean;
use crate::model::files::formats::{quoted, read_fields, ReadError};
use crate::model::group::GroupBook;
use crate::model::workbook::document::{Conflict, Workbook};

/// The first id held by two records, if any: assessments, partner
/// assessments, plans, goals, actions, evidence, reviews, self-ratings,
/// placements, projects, milestones and activity entries all share one set of
/// ids (as `Workbook::id_in_use` does when a record is made), so a change
/// addressed to one id always reaches one record. Deleted records' tombstones
/// are not records and are not counted. Conflicts left by a merge are
/// resolved by their own id, so two of them may not share one either (a
/// conflict's `record_id` names a record and is not counted).
///
/// Only the sections read so far are looked at
/// (`Workbook::section_records_read_so_far`): this runs in the first
/// download, at start; a file brought in is checked whole by
/// `sections_problem` too.
pub fn duplicate_id(workbook: &Workbook) -> Option<String> {
    let in_sections = workbook.section_records_read_so_far();
    let ids = workbook
        .records_outside_sections()
        .into_iter()
        .map(|(_, id)| id)
        .chain(in_sections.iter().map(|(_, id)| id.as_str()));
    first_duplicate(ids).or_else(|| {
        let mut conflicts: HashSet<&str> = HashSet::new();
        workbook
            .conflicts
            .iter()
            .map(|c| c.id.as_str())
            .find(|id| !conflicts.insert(id))
            .map(str::to_string)
    })
}

fn first_duplicate<'a>(ids: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut seen: HashSet<&str> = HashSet::new();
    ids.into_iter()
        .find(|id| !seen.insert(id))
        .map(str::to_string)
}

/// What is wrong with the workbook's sections (`workbook::deferred`), read
/// now: one that cannot be read, or an id a record in one shares with any
/// other record. Run on a file brought in (a backup to restore or merge),
/// in the part of the page that brings it in.
pub fn sections_problem(workbook: &Workbook) -> Option<String> {
    fn reason_for(error: Result<(), ReadError>) -> String {
        error.err().map_or_else(
            || "they are damaged".to_string(),
            |e| match e {
                ReadError::Invalid(detail) => detail,
                other => other.to_string(),
            },
        )
    }
    if workbook.plan_problem().is_some() {
        let reason = reason_for(
            read_fields::<crate::model::plan::PlanBook>(&workbook.plans.saved()).map(drop),
        );
        return Some(format!("its development plans cannot be read: {reason}"));
    }
    if workbook.placement_problem().is_some() {
        let reason = reason_for(
            read_fields::<crate::model::placement::PlacementBook>(&workbook.placements.saved())
                .map(drop),
        );
        return Some(format!("its placement log cannot be read: {reason}"));
    }
    if workbook.group_problem().is_some() {
        // Read again the way every document is, for the reason in words.
        let reason = reason_for(read_fields::<GroupBook>(&workbook.group.saved()).map(drop));
        return Some(format!("its group rounds cannot be read: {reason}"));
    }
    if workbook.support_problem().is_some() {
        let reason = reason_for(
            read_fields::<AgreementBook>(&workbook.support_agreements.saved()).map(drop),
        );
        return Some(format!("its support agreements cannot be read: {reason}"));
    }
    if workbook.business_case_problem().is_some() {
        let reason =
            reason_for(read_fields::<CaseBook>(&workbook.business_cases.saved()).map(drop));
        return Some(format!("its business cases cannot be read: {reason}"));
    }
    first_duplicate(workbook.record_ids().into_iter()).map(|id| {
        format!(
            "two records have the same id {}, so a change to one could reach the other",
            quoted(&id)
        )
    })
}

/// The first number with a fraction (or too large to be whole) in the other
/// version of a record kept by a merge, as written. Every number in a record
/// is whole, so such a number was written by hand or damaged; and the JSON
/// reader does not read every fraction back exactly as it writes it, so a
/// document holding one would change a little at every save.
pub fn fraction_in_conflict(workbook: &Workbook) -> Option<String> {
    fn find(value: &Value) -> Option<String> {
        match value {
            Value::Number(n) if n.is_f64() => Some(n.to_string()),
            Value::Array(items) => items.iter().find_map(find),
            Value::Object(fields) => fields.values().find_map(find),
            _ => None,
        }
    }
    workbook
        .conflicts
        .iter()
        .find_map(|c| find(&c.other_record))
}

/// Strips control characters other than line breaks and tabs from what a
/// merge left to resolve: its descriptions and the other version it kept as
/// JSON. The records' own text is cleaned as it is read (`UserText`), so
/// a text field added to a record later cannot be missed.
pub fn clean_text(workbook: &mut Workbook) {
    for conflict in &mut workbook.conflicts {
        clean_conflict(conflict);
    }
}

/// A conflict's descriptions are made from the record's text, and its other
/// version may be put back in place of the record, so both are cleaned like
/// the records themselves. Fields that link records (`id`, `…_id`, chosen
/// capabilities) are left alone: the version is put back only under its id.
fn clean_conflict(conflict: &mut Conflict) {
    let Conflict {
        id: _,
        record_id: _,
        kind: _,
        description,
        kept,
        other,
        other_record,
        found_at: _,
        deletion: _,
    } = conflict;
    for text in [description, kept, other] {
        clean(text);
    }
    clean_json(other_record);
}

/// Cleans every string in a record held as JSON, except links.
fn clean_json(value: &mut Value) {
    match value {
        Value::String(text) => clean(text),
        Value::Array(items) => items.iter_mut().for_each(clean_json),
        Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                let link = key == "id"
                    || key.ends_with("_id")
                    || key == "capability"
                    || key == "capabilities";
                if !link {
                    clean_json(field);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
