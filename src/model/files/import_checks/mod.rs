//! Checks on a document after its fields have been read and before the app
//! takes it in: no two records may share an id, and text the user typed is
//! cleaned of control characters. Both run on every import and on the
//! local-storage copy at every start, so both take time in proportion to the
//! size of the document and no more.
//!
//! Text full of HTML is kept as it is: the pages show text, never HTML, so
//! `<script>` in a note is only ever shown as those characters.

use std::collections::HashSet;

use serde_json::Value;

use crate::model::assessment::{Answer, Assessment};
use crate::model::placement::{ActivityEntry, Milestone, Placement, Project};
use crate::model::plan::{Action, EvidenceEntry, Goal, Plan, Review, SelfRating};
use crate::model::workbook::document::Conflict;
use crate::model::workbook::document::Workbook;

/// The first id held by two records, if any: assessments, partner
/// assessments, plans, goals, actions, evidence, reviews, self-ratings,
/// placements, projects, milestones and activity entries all share one set of
/// ids (as `Workbook::id_in_use` does when a record is made), so a change
/// addressed to one id always reaches one record. Deleted records' tombstones
/// are not records and are not counted. Conflicts left by a merge are
/// resolved by their own id, so two of them may not share one either (a
/// conflict's `record_id` names a record and is not counted).
pub fn duplicate_id(workbook: &Workbook) -> Option<String> {
    let mut seen: HashSet<&str> = HashSet::new();
    if let Some(id) = workbook
        .record_ids()
        .into_iter()
        .find(|id| !seen.insert(id))
    {
        return Some(id.to_string());
    }
    let mut conflicts: HashSet<&str> = HashSet::new();
    workbook
        .conflicts
        .iter()
        .map(|c| c.id.as_str())
        .find(|id| !conflicts.insert(id))
        .map(str::to_string)
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

/// True for characters to strip from typed text: control characters (such
/// as NUL, escape, or the C1 controls), except line breaks and tabs.
fn is_unwanted(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Removes the unwanted control characters from one piece of text; leaves
/// text without any untouched (no new allocation).
fn clean(text: &mut String) {
    // Every workbook is checked as it opens, so first a byte scan, which is
    // several times quicker than decoding characters: C0 controls and DEL are
    // single bytes, and C1 controls (U+0080 to U+009F) start with byte 0xC2,
    // as do some ordinary characters, which the exact check then keeps.
    let may_hold_one = text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7F || b == 0xC2);
    if may_hold_one && text.chars().any(is_unwanted) {
        text.retain(|c| !is_unwanted(c));
    }
}

/// Strips control characters other than line breaks and tabs from every
/// piece of text the user typed, in every record. Ids, statement and element
/// ids and other values chosen from the app's own lists are left alone: they
/// link records together, and a changed one would break the link.
pub fn clean_text(workbook: &mut Workbook) {
    // Each record is taken apart field by field, with nothing left to `..`,
    // so a text field added to a record later cannot be missed here: the
    // pattern stops compiling until the new field is listed.
    for assessment in workbook
        .assessments
        .iter_mut()
        .chain(&mut workbook.partner_assessments)
    {
        clean_assessment(assessment);
    }
    for plan in &mut workbook.plans {
        clean_plan(plan);
    }
    for placement in &mut workbook.placements {
        clean_placement(placement);
    }
    for conflict in &mut workbook.conflicts {
        clean_conflict(conflict);
    }
}

/// `clean_text` for one assessment: its partnership, clinical area and the
/// evidence notes of its answers. Used for a shared assessment on import.
pub fn clean_assessment(assessment: &mut Assessment) {
    let Assessment {
        id: _,
        framework_version: _,
        partnership,
        clinical_area,
        role: _,
        date: _,
        answers,
        importance: _,
        created_at: _,
        updated_at: _,
        original_id: _,
    } = assessment;
    clean(partnership);
    clean(clinical_area);
    for answer in answers.values_mut() {
        let Answer {
            rating: _,
            evidence,
            flagged: _,
        } = answer;
        clean(evidence);
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

fn clean_plan(plan: &mut Plan) {
    let Plan {
        id: _,
        name,
        owner,
        starts: _,
        ends: _,
        aim,
        goals,
        reviews,
        self_ratings,
        created_at: _,
        updated_at: _,
    } = plan;
    for text in [name, owner, aim] {
        clean(text);
    }
    for goal in goals {
        clean_goal(goal);
    }
    for review in reviews {
        let Review {
            id: _,
            date: _,
            summary,
            next_review: _,
            created_at: _,
            updated_at: _,
        } = review;
        clean(summary);
    }
    // A self-rating holds only dates and numbers keyed by element id.
    for rating in self_ratings {
        let SelfRating {
            id: _,
            date: _,
            ratings: _,
            created_at: _,
            updated_at: _,
        } = rating;
    }
}

fn clean_goal(goal: &mut Goal) {
    let Goal {
        id: _,
        title,
        detail,
        learning_need,
        success_measure,
        target_date: _,
        status: _,
        support: _,
        capability: _,
        outcome,
        actions,
        evidence,
        created_at: _,
        updated_at: _,
        origin: _,
    } = goal;
    for text in [title, detail, learning_need, success_measure, outcome] {
        clean(text);
    }
    for action in actions {
        let Action {
            id: _,
            text,
            due: _,
            done_on: _,
            created_at: _,
            updated_at: _,
        } = action;
        clean(text);
    }
    for entry in evidence {
        let EvidenceEntry {
            id: _,
            date: _,
            what_happened,
            learnt,
            created_at: _,
            updated_at: _,
        } = entry;
        clean(what_happened);
        clean(learnt);
    }
}

fn clean_placement(placement: &mut Placement) {
    let Placement {
        id: _,
        organisation,
        supervisor,
        clinical_area,
        start: _,
        length_months: _,
        end: _,
        objectives,
        projects,
        entries,
        created_at: _,
        updated_at: _,
    } = placement;
    for text in [organisation, supervisor, clinical_area, objectives] {
        clean(text);
    }
    for project in projects {
        let Project {
            id: _,
            title,
            aim,
            clinical_area,
            stakeholders,
            status: _,
            outcome,
            milestones,
            created_at: _,
            updated_at: _,
        } = project;
        for text in [title, aim, clinical_area, stakeholders, outcome] {
            clean(text);
        }
        for milestone in milestones {
            let Milestone {
                id: _,
                title,
                planned: _,
                done_on: _,
                created_at: _,
                updated_at: _,
            } = milestone;
            clean(title);
        }
    }
    for entry in entries {
        let ActivityEntry {
            id: _,
            date: _,
            minutes: _,
            activity_type: _,
            project_id: _,
            role,
            what_done,
            with_others,
            effectiveness: _,
            keep,
            improve,
            stop,
            learnt_about_self,
            capabilities: _,
            in_summary: _,
            created_at: _,
            updated_at: _,
        } = entry;
        for text in [
            role,
            what_done,
            with_others,
            keep,
            improve,
            stop,
            learnt_about_self,
        ] {
            clean(text);
        }
    }
}

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;
