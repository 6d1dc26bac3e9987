//! Putting right what a merge listed: keeping this version of a record or
//! putting the other version back.

use serde_json::Value;

use crate::model::common::saved_dates::Moment;
use crate::model::common::validation::FieldError;
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::records::Branch;
use crate::model::workbook::tree::{
    for_kind, Conflict, ForKind, Kind, Rec, Record, RecordKind, Workbook,
};

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
            let stamp = Stamp {
                at,
                today: at.date_naive(),
            };
            self.delete(conflict.kind, id, stamp)?;
        } else {
            self.put_other(conflict.kind, id, other, at)?;
        }
        self.conflicts.retain(|c| c.id != conflict_id);
        Ok(())
    }

    /// Puts `other` (a record of `kind`, as JSON) in place of the record `id`,
    /// keeping the records under it; its list is put back in order.
    fn put_other(
        &mut self,
        kind: RecordKind,
        id: &str,
        other: &Value,
        at: Moment,
    ) -> Result<(), Refusal> {
        struct Swap<'a> {
            wb: &'a mut Workbook,
            id: &'a str,
            other: &'a Value,
            at: Moment,
        }
        impl ForKind for Swap<'_> {
            type Out = Result<(), Refusal>;
            fn run<K: Kind>(&mut self) -> Self::Out {
                let mut other: Rec<K> = read_other(self.other)?;
                if other.id() != self.id {
                    return Err(unreadable());
                }
                let at = *self.at;
                self.wb
                    .edit::<K, _>(self.id, |slot| {
                        other.adopt_children(slot);
                        other.set_updated_at(at);
                        *slot = other;
                    })
                    .ok_or(Refusal::NotFound)
            }
        }
        for_kind(
            kind,
            &mut Swap {
                wb: self,
                id,
                other,
                at,
            },
        )
    }
}

/// The form field a refusal to use an unreadable version names.
const CONFLICT_FIELD: &str = "conflict";

fn unreadable() -> Refusal {
    Refusal::Invalid(vec![FieldError::new(
        CONFLICT_FIELD,
        "The other version cannot be read (the file may have been edited by hand), so keep this one",
    )])
}

/// Reads the other version as a record. Through compact text, with the
/// reader a stored workbook is read with, so the browser build needs no
/// second reader for JSON values.
fn read_other<T: Record>(other: &Value) -> Result<T, Refusal> {
    let other = serde_json::to_string(other).map_err(|_| unreadable())?;
    serde_json::from_str(&other).map_err(|_| unreadable())
}
