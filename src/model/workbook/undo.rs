//! Undo: the change that puts back what a deletion (or a combination of
//! plans) took away, worked out before the change is applied.

use crate::model::workbook::change::{Change, Refusal};
use crate::model::workbook::deleted::DeletedRecord;
use crate::model::workbook::document::Workbook;
use crate::model::workbook::records::insert_at;

impl Workbook {
    /// The change that would undo `change`, worked out before it is applied:
    /// for a deletion, putting the record back where it was; for plans
    /// combined, separating them again. Other changes
    /// have no undo here (the user changes them back directly).
    pub fn undo_for(&self, change: &Change) -> Option<Change> {
        let deleted = match change {
            Change::DeleteAssessment { id } => {
                let position = self.assessments.iter().position(|a| &a.id == id)?;
                DeletedRecord::Assessment {
                    record: self.assessments[position].clone(),
                    position,
                }
            }
            Change::RemovePartnerAssessment { id } => {
                let position = self.partner_assessments.iter().position(|a| &a.id == id)?;
                DeletedRecord::PartnerAssessment {
                    record: self.partner_assessments[position].clone(),
                    position,
                }
            }
            Change::RemoveGoal { id } => self.deleted_plan_record(id, true)?,
            Change::DeletePlan { id } => self.deleted_plan_record(id, false)?,
            Change::CombinePlans { into, from } => {
                let combined = self.combined_plan_record(into, from)?;
                return Some(Change::UncombinePlans(Box::new(combined)));
            }
            Change::RemoveEntry { id } => self.deleted_entry_record(id)?,
            Change::DeletePlacement { id } => self.deleted_placement_record(id, true)?,
            Change::RemoveFromPlacement { id } => self.deleted_placement_record(id, false)?,
            _ => return None,
        };
        Some(Change::Undelete(Box::new(deleted)))
    }

    pub(crate) fn undelete(&mut self, deleted: &DeletedRecord) -> Result<(), Refusal> {
        let id = deleted.id().to_string();
        if self.holds(&id) {
            return Err(Refusal::DuplicateId);
        }
        match deleted {
            DeletedRecord::Assessment { record, position } => {
                insert_at(&mut self.assessments, record, *position)
            }
            DeletedRecord::PartnerAssessment { record, position } => {
                insert_at(&mut self.partner_assessments, record, *position)
            }
            DeletedRecord::Goal {
                plan_id,
                record,
                position,
            } => {
                let plan = self
                    .plans
                    .iter_mut()
                    .find(|p| &p.id == plan_id)
                    .ok_or(Refusal::NotFound)?;
                insert_at(&mut plan.goals, record, *position)
            }
            DeletedRecord::Plan { record, position } => {
                insert_at(&mut self.plans, record, *position)
            }
            DeletedRecord::Entry {
                owner_id,
                entry,
                position,
            } => self.put_entry_back(owner_id, entry, *position)?,
            DeletedRecord::Placement { record, position } => {
                insert_at(&mut self.placements, record, *position)
            }
            DeletedRecord::PlacementPart {
                owner_id,
                part,
                position,
            } => self.put_placement_part_back(owner_id, part, *position)?,
        }
        self.deleted.retain(|t| t.id != id);
        Ok(())
    }
}
