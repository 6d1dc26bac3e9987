//! Undo: the change that puts back what a deletion (or a combination of
//! plans, or members' files loaded) took away, worked out before the change is applied.

use crate::model::workbook::change::Change;
use crate::model::workbook::tree::Workbook;

impl Workbook {
    /// The change that would undo `change`, worked out before it is applied:
    /// for a deletion, putting the record back where it was; for plans
    /// combined, separating them again. Other changes have no undo here (the
    /// user changes them back directly).
    pub fn undo_for(&self, change: &Change) -> Option<Change> {
        match change {
            Change::Delete { kind, id } => {
                Some(Change::Undelete(Box::new(self.copy_of(*kind, id)?)))
            }
            Change::CombinePlans { into, from } => {
                let combined = self.combined_plan_record(into, from)?;
                Some(Change::UncombinePlans(Box::new(combined)))
            }
            Change::TakeInMembers { round, .. } | Change::SetRoundMembers { round, .. } => {
                Some(Change::SetRoundMembers {
                    round: round.clone(),
                    members: self.group_round(round)?.members.clone(),
                })
            }
            _ => None,
        }
    }
}
