//! Putting right what a merge listed: keeping this version of a record or
//! putting the other version back.

use serde_json::Value;

use crate::model::common::saved_dates::Moment;
use crate::model::common::validation::FieldError;
use crate::model::workbook::change::{Refusal, Stamp};
use crate::model::workbook::document::{Conflict, RecordKind, Workbook};
use crate::model::workbook::records::Record;

impl Workbook {
    pub fn conflict(&self, id: &str) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| c.id == id)
    }

    /// Keeps the version in the workbook: the conflict is dropped.
    pub(crate) fn resolve_conflict_keep_current(
        &mut self,
        conflict_id: &str,
    ) -> Result<(), Refusal> {
        let before = self.conflicts.len();
        self.conflicts.retain(|c| c.id != conflict_id);
        if self.conflicts.len() == before {
            return Err(Refusal::NotFound);
        }
        Ok(())
    }

    /// Puts the conflict's other version in place of the record, keeping the
    /// records under it (they were merged one by one), and drops the
    /// conflict. When the other version is a deletion, the record is deleted
    /// (leaving a tombstone, as any deletion does). The record's `updated_at`
    /// becomes `at`: choosing a version is the newest change to it. Refused,
    /// changing nothing, with `NotFound` when the conflict or the record is
    /// no longer in the workbook.
    pub(crate) fn resolve_conflict_use_other(
        &mut self,
        conflict_id: &str,
        at: Moment,
    ) -> Result<(), Refusal> {
        let conflict = self.conflict(conflict_id).ok_or(Refusal::NotFound)?.clone();
        let id = conflict.record_id.as_str();
        let other = &conflict.other_record;
        // Two plans may not share a name, even when the user chooses a version.
        let other_name = other.get("name").and_then(Value::as_str);
        if let (RecordKind::Plan, Some(name)) = (conflict.kind, other_name) {
            if let Some(taken) = self.plan_called(name, id) {
                return Err(Refusal::Invalid(vec![FieldError::new(
                    CONFLICT_FIELD,
                    format!(
                        "The other version is called \"{name}\", and you already have a plan called \"{}\": rename that plan first, or keep this version",
                        taken.name
                    ),
                )]));
            }
        }
        if other.is_null() {
            self.delete_record(conflict.kind, id, at)?;
        } else {
            self.put_other(conflict.kind, id, other, at)?;
        }
        self.conflicts.retain(|c| c.id != conflict_id);
        Ok(())
    }

    /// Deletes a record of any kind through its own deletion.
    fn delete_record(&mut self, kind: RecordKind, id: &str, at: Moment) -> Result<(), Refusal> {
        let stamp = Stamp {
            at,
            today: at.date_naive(),
        };
        match kind {
            RecordKind::Assessment => self.delete_assessment(id, stamp),
            RecordKind::PartnerAssessment => self.remove_partner_assessment(id, stamp),
            RecordKind::Plan => self.delete_plan(id, stamp),
            RecordKind::Goal => self.remove_goal(id, stamp),
            RecordKind::Action
            | RecordKind::Evidence
            | RecordKind::Review
            | RecordKind::SelfRating => self.remove_entry(id, stamp),
            RecordKind::Placement => self.delete_placement(id, stamp),
            RecordKind::Project | RecordKind::Milestone | RecordKind::Activity => {
                self.remove_from_placement(id, stamp)
            }
        }
    }

    /// Puts `other` (a record of `kind`, as JSON) in place of the record `id`.
    fn put_other(
        &mut self,
        kind: RecordKind,
        id: &str,
        other: &Value,
        at: Moment,
    ) -> Result<(), Refusal> {
        fn nothing<T>(_: &mut Vec<T>) {}
        let plans = &mut self.plans;
        let placements = &mut self.placements;
        match kind {
            RecordKind::Assessment => swap_into([&mut self.assessments], id, other, at, nothing),
            RecordKind::PartnerAssessment => {
                swap_into([&mut self.partner_assessments], id, other, at, nothing)
            }
            RecordKind::Plan => swap_into([plans], id, other, at, nothing),
            RecordKind::Goal => swap_into(
                plans.iter_mut().map(|p| &mut p.goals),
                id,
                other,
                at,
                nothing,
            ),
            RecordKind::Action => swap_into(
                plans
                    .iter_mut()
                    .flat_map(|p| p.goals.iter_mut())
                    .map(|g| &mut g.actions),
                id,
                other,
                at,
                nothing,
            ),
            RecordKind::Evidence => swap_into(
                plans
                    .iter_mut()
                    .flat_map(|p| p.goals.iter_mut())
                    .map(|g| &mut g.evidence),
                id,
                other,
                at,
                |l| l.sort_by_key(|e| e.date),
            ),
            RecordKind::Review => swap_into(
                plans.iter_mut().map(|p| &mut p.reviews),
                id,
                other,
                at,
                |l| l.sort_by_key(|r| r.date),
            ),
            RecordKind::SelfRating => swap_into(
                plans.iter_mut().map(|p| &mut p.self_ratings),
                id,
                other,
                at,
                |l| l.sort_by_key(|r| r.date),
            ),
            RecordKind::Placement => swap_into([placements], id, other, at, nothing),
            RecordKind::Project => swap_into(
                placements.iter_mut().map(|p| &mut p.projects),
                id,
                other,
                at,
                nothing,
            ),
            RecordKind::Milestone => swap_into(
                placements
                    .iter_mut()
                    .flat_map(|p| p.projects.iter_mut())
                    .map(|p| &mut p.milestones),
                id,
                other,
                at,
                |l| l.sort_by_key(|m| m.planned),
            ),
            RecordKind::Activity => swap_into(
                placements.iter_mut().map(|p| &mut p.entries),
                id,
                other,
                at,
                |l| l.sort_by_key(|e| e.date),
            ),
        }
    }
}

/// The form field a refusal to use an unreadable version names.
const CONFLICT_FIELD: &str = "conflict";

/// Reads `other` as a `T` and puts it in place of the record `id` in the
/// first of `lists` that holds it, keeping the records under it; then `tidy`
/// puts that list back in order.
fn swap_into<'a, T: Record + 'a>(
    lists: impl IntoIterator<Item = &'a mut Vec<T>>,
    id: &str,
    other: &Value,
    at: Moment,
    tidy: fn(&mut Vec<T>),
) -> Result<(), Refusal> {
    let unreadable = || {
        Refusal::Invalid(vec![FieldError::new(
            CONFLICT_FIELD,
            "The other version cannot be read (the file may have been edited by hand), so keep this one",
        )])
    };
    // Through compact text, with the reader a stored workbook is read with,
    // so the browser build needs no second reader for JSON values.
    let other = serde_json::to_string(other).map_err(|_| unreadable())?;
    let mut other: T = serde_json::from_str(&other).map_err(|_| unreadable())?;
    if other.id() != id {
        return Err(unreadable());
    }
    for list in lists {
        if let Some(slot) = list.iter_mut().find(|r| r.id() == id) {
            other.adopt_children(slot);
            other.set_updated_at(*at);
            *slot = other;
            tidy(list);
            return Ok(());
        }
    }
    Err(Refusal::NotFound)
}
