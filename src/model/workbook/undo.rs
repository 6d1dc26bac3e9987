//! Undo: the change that puts back what a deletion (or a combination of
//! plans, or members' files loaded) took away, worked out before the change is applied.

use crate::model::workbook::change::Change;
use crate::model::workbook::records::{has_kind, AllKinds, KindSet};
use crate::model::workbook::tree::{RecordKind, Workbook};

impl Workbook {
    /// The change that would undo `change`, worked out before it is applied:
    /// for a deletion, putting the record back where it was; for plans
    /// combined, separating them again. Other changes have no undo here (the
    /// user changes them back directly).
    pub fn undo_for(&self, change: &Change) -> Option<Change> {
        self.undo_for_in::<AllKinds>(change)
    }

    /// `undo_for` a change `apply_in::<S>` makes (see there).
    pub(crate) fn undo_for_in<S: KindSet>(&self, change: &Change) -> Option<Change> {
        match change {
            Change::Delete { kind, id } => {
                Some(Change::Undelete(Box::new(self.copy_of_in::<S>(*kind, id)?)))
            }
            Change::CombinePlans { into, from } if const { has_kind(S::KINDS, RecordKind::Plan) } =>
            {
                let combined = self.combined_plan_record(into, from)?;
                Some(Change::UncombinePlans(Box::new(combined)))
            }
            Change::TakeInMembers { round, .. } | Change::SetRoundMembers { round, .. }
                if const { has_kind(S::KINDS, RecordKind::GroupMember) } =>
            {
                Some(Change::SetRoundMembers {
                    round: round.clone(),
                    members: self.group_round(round)?.members.clone(),
                })
            }
            _ => None,
        }
    }
}
