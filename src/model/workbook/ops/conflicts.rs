//! Putting right what a merge listed: keeping this version of a record,
//! putting the other version back, or taking some of its fields; and the two
//! versions side by side, field by field, in the user's words.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::model::common::saved_dates::Moment;
use crate::model::common::stale::Shown;
use crate::model::common::validation::FieldError;
use crate::model::workbook::merge::report::Counts;
use crate::model::workbook::merge::versions::{differing_leaves, to_value};
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::records::{AllKinds, Branch};
use crate::model::workbook::tree::{
    for_kind, Conflict, ForKind, Kind, Rec, Record, RecordKind, Workbook,
};

/// One field that differs between the version in the workbook and the other
/// version of a conflict, in the user's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictField {
    /// The record's field as saved (`status`), to take with
    /// `Change::ResolveConflictFields`.
    pub field: String,
    /// What the form that changes the record calls it ("Status"), or, for a
    /// field no form shows, its saved name in words ("Answers").
    pub label: String,
    /// Its value in the workbook now: "Not started", "1 December 2026".
    pub kept: String,
    /// Its value in the other version: "In progress".
    pub other: String,
}

/// The two versions of a record a merge listed, field by field.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictVersions {
    pub fields: Vec<ConflictField>,
    /// When the version in the workbook was last changed.
    pub kept_at: DateTime<Utc>,
    /// When the other version was last changed.
    pub other_at: DateTime<Utc>,
}

/// Fields every record has that are the record's bookkeeping, never taken
/// from one version or the other.
const BOOKKEEPING: [&str; 3] = ["id", "created_at", "updated_at"];

impl Workbook {
    pub fn conflict(&self, id: &str) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| c.id == id)
    }

    /// The two versions of the record the conflict `conflict_id` is about,
    /// field by field: each field that differs, labelled and valued as the
    /// form that changes the record shows it. None when the other version is
    /// a deletion, or the record or conflict is gone.
    pub fn conflict_versions(&self, conflict_id: &str) -> Option<ConflictVersions> {
        struct View<'a> {
            wb: &'a Workbook,
            conflict: &'a Conflict,
        }
        impl ForKind for View<'_> {
            type Out = Option<ConflictVersions>;
            fn run<K: Kind>(&mut self) -> Self::Out {
                let (_, _, current) = self.wb.find::<K>(&self.conflict.record_id)?;
                let other: Rec<K> = read_other(&self.conflict.other_record).ok()?;
                let ours = own_fields(current);
                // As this app writes it: a field a file left out has its
                // default, so it differs only if its value does.
                let theirs = &own_fields(&other);
                let form_now = K::form(current, self.wb).map(|(_, shown)| shown);
                let mut fields: Vec<ConflictField> = differing_fields(&ours, theirs)
                    .into_iter()
                    .map(|field| {
                        let mut mixed = ours.clone();
                        take_field(&mut mixed, theirs, &field);
                        let in_words = form_now.as_ref().and_then(|now| {
                            let mixed: Rec<K> = read_other(&Value::Object(mixed)).ok()?;
                            let (_, then) = K::form(&mixed, self.wb)?;
                            shown_differences(now, &then)
                        });
                        let (label, kept, other) = in_words.unwrap_or_else(|| {
                            let (kept, other) = differing_leaves(
                                ours.get(&field).unwrap_or(&Value::Null),
                                theirs.get(&field).unwrap_or(&Value::Null),
                            );
                            (field_words(&field), kept, other)
                        });
                        ConflictField {
                            field,
                            label,
                            kept,
                            other,
                        }
                    })
                    .collect();
                // In the order the form shows them; fields it does not show last.
                let place = |f: &ConflictField| {
                    form_now
                        .iter()
                        .flatten()
                        .position(|s| f.label.starts_with(s.label))
                        .unwrap_or(usize::MAX)
                };
                fields.sort_by_key(place);
                Some(ConflictVersions {
                    fields,
                    kept_at: current.updated_at(),
                    other_at: other.updated_at(),
                })
            }
        }
        let conflict = self.conflict(conflict_id)?;
        if !conflict.other_record.is_object() {
            return None;
        }
        for_kind(conflict.kind, &mut View { wb: self, conflict })
    }

    /// Takes the fields `take` (as saved: `status`, `target_date`) from the
    /// conflict's other version and keeps the rest of the version in the
    /// workbook, then drops the conflict. The record made of the two must
    /// keep the rules its form keeps (a goal has a title, a plan ends after
    /// it starts…) and no two plans may share a name; otherwise it is
    /// refused, changing nothing. The record's `updated_at` becomes the
    /// change's moment. Taking no field keeps the version in the workbook.
    pub(crate) fn resolve_conflict_fields(
        &mut self,
        conflict_id: &str,
        take: &[String],
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let conflict = self.conflict(conflict_id).ok_or(Refusal::NotFound)?.clone();
        if !conflict.other_record.is_object() {
            return Err(Refusal::Invalid(vec![FieldError::new(
                CONFLICT_FIELD,
                "The other version is a deletion: keep this version, or use the other one",
            )]));
        }
        if take.is_empty() {
            return self.resolve_conflict_keep_current(conflict_id);
        }
        let id = conflict.record_id.as_str();
        let theirs = &self.normalised(conflict.kind, &conflict.other_record)?;
        let mut mixed = self
            .own_fields_of(conflict.kind, id)
            .ok_or(Refusal::NotFound)?;
        for field in take {
            let known = mixed.contains_key(field) || theirs.contains_key(field);
            if BOOKKEEPING.contains(&field.as_str()) || !known {
                return Err(unreadable());
            }
            take_field(&mut mixed, theirs, field);
        }
        let mixed = Value::Object(mixed);
        self.refuse_shared_plan_name(conflict.kind, id, &mixed)?;
        // Tried on a copy: a refusal changes nothing.
        let mut trial = self.clone();
        trial.put_other(conflict.kind, id, &mixed, stamp.at)?;
        if let Some(draft) = trial.form_draft(conflict.kind, id) {
            trial.update_drafted::<AllKinds>(id, &draft, stamp)?;
        }
        trial.conflicts.retain(|c| c.id != conflict_id);
        *self = trial;
        Ok(())
    }

    /// A version of a record of `kind` (as JSON) as this app writes it,
    /// without the records under it; refused when it cannot be read.
    fn normalised(&self, kind: RecordKind, version: &Value) -> Result<Map<String, Value>, Refusal> {
        struct Read<'a>(&'a Value);
        impl ForKind for Read<'_> {
            type Out = Result<Map<String, Value>, Refusal>;
            fn run<K: Kind>(&mut self) -> Self::Out {
                let record: Rec<K> = read_other(self.0)?;
                Ok(own_fields(&record))
            }
        }
        for_kind(kind, &mut Read(version))
    }

    /// The record's own fields as saved (without the records under it).
    fn own_fields_of(&self, kind: RecordKind, id: &str) -> Option<Map<String, Value>> {
        struct Own<'a>(&'a Workbook, &'a str);
        impl ForKind for Own<'_> {
            type Out = Option<Map<String, Value>>;
            fn run<K: Kind>(&mut self) -> Self::Out {
                self.0.find::<K>(self.1).map(|(_, _, r)| own_fields(r))
            }
        }
        for_kind(kind, &mut Own(self, id))
    }

    /// The draft of the form that changes the record, made from it, for
    /// checking it by the form's rules; none for a kind no form changes.
    fn form_draft(
        &self,
        kind: RecordKind,
        id: &str,
    ) -> Option<crate::model::workbook::tree::RecordDraft> {
        struct Draft<'a>(&'a Workbook, &'a str);
        impl ForKind for Draft<'_> {
            type Out = Option<crate::model::workbook::tree::RecordDraft>;
            fn run<K: Kind>(&mut self) -> Self::Out {
                let (_, _, record) = self.0.find::<K>(self.1)?;
                K::form(record, self.0).map(|(draft, _)| draft)
            }
        }
        for_kind(kind, &mut Draft(self, id))
    }

    /// Two plans may not share a name, even when the user chooses a version
    /// (or some of its fields): refuses `version` of the plan `id` when
    /// another plan has its name.
    fn refuse_shared_plan_name(
        &self,
        kind: RecordKind,
        id: &str,
        version: &Value,
    ) -> Result<(), Refusal> {
        let name = version.get("name").and_then(Value::as_str);
        if let (RecordKind::Plan, Some(name)) = (kind, name) {
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
        Ok(())
    }

    /// The conflicts left to settle about the record `id` or a record under
    /// it, for a notice on its page: whether one is about the record itself,
    /// and how many of each kind are about records under it.
    pub fn conflicts_within(&self, id: &str) -> (bool, Counts) {
        let mut own = false;
        let mut under = Counts::default();
        for c in &self.conflicts {
            if c.record_id == id {
                own = true;
                continue;
            }
            let mut up = self.place_of(&c.record_id).and_then(|(up, _, _)| up);
            while let Some(at) = up {
                if at == id {
                    under.add(c.kind, 1);
                    break;
                }
                up = self.place_of(at).and_then(|(up, _, _)| up);
            }
        }
        (own, under)
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
        self.refuse_shared_plan_name(conflict.kind, id, other)?;
        if other.is_null() {
            let stamp = Stamp {
                at,
                today: at.date_naive(),
            };
            self.delete::<AllKinds>(conflict.kind, id, stamp)?;
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

/// A record's own fields as saved, without the records under it.
fn own_fields<T: Record>(record: &T) -> Map<String, Value> {
    match to_value(&record.own()) {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The fields (as saved) whose values differ between two versions, in the
/// order the record has them, bookkeeping left out. The lists of records
/// under it are empty in both (`own`), so they never differ.
fn differing_fields(ours: &Map<String, Value>, theirs: &Map<String, Value>) -> Vec<String> {
    let mut keys: Vec<&String> = ours.keys().collect();
    keys.extend(theirs.keys().filter(|k| !ours.contains_key(*k)));
    keys.into_iter()
        .filter(|k| !BOOKKEEPING.contains(&k.as_str()))
        .filter(|k| ours.get(*k) != theirs.get(*k))
        .cloned()
        .collect()
}

/// Sets `field` in `ours` to its value in `theirs` (removing it where the
/// other version has none).
fn take_field(ours: &mut Map<String, Value>, theirs: &Map<String, Value>, field: &str) {
    match theirs.get(field) {
        Some(value) => {
            ours.insert(field.to_string(), value.clone());
        }
        None => {
            ours.remove(field);
        }
    }
}

/// The form's fields that differ between two lists of them, as (labels,
/// values before, values after), each joined with "; "; none when nothing
/// the form shows differs.
fn shown_differences(before: &[Shown], after: &[Shown]) -> Option<(String, String, String)> {
    let changed: Vec<(&Shown, &Shown)> = before
        .iter()
        .filter_map(|b| {
            let a = after.iter().find(|a| a.label == b.label)?;
            (a.value != b.value).then_some((b, a))
        })
        .collect();
    if changed.is_empty() {
        return None;
    }
    let join = |pick: fn(&(&Shown, &Shown)) -> String| {
        changed.iter().map(pick).collect::<Vec<_>>().join("; ")
    };
    Some((
        join(|(b, _)| b.label.to_string()),
        join(|(b, _)| b.value.clone()),
        join(|(_, a)| a.value.clone()),
    ))
}

/// A saved field's name in words: `clinical_area` → "Clinical area".
fn field_words(field: &str) -> String {
    let words = field.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
