//! Finding a record of any kind by its id, taking it out and putting it in,
//! through the declaration in `tree`; and the changes every kind has through
//! its draft (`Change::Add`, `Change::Update`) or none (`Change::Delete`,
//! `Change::Undelete`), with the bookkeeping done here, once, by the rule in
//! `records`.

use chrono::{DateTime, Utc};

use crate::model::workbook::deleted::DeletedRecord;
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::records::{Branch, KindSet, Only};
use crate::model::workbook::tree::{
    for_kind, Drafted, ForDraft, ForKind, Holder, Kind, Rec, Record, RecordDraft, RecordKind,
    Tombstone, Up, Workbook,
};

impl Workbook {
    /// The record of kind `K` with this id: the id of what it is under (none
    /// at the top), its position in that list, and the record.
    pub(crate) fn find<K: Kind>(&self, id: &str) -> Option<(Option<&str>, usize, &Rec<K>)> {
        <K::Up as Holder>::all(self).into_iter().find_map(|up| {
            let list = K::list(up);
            let at = list.iter().position(|r| r.id() == id)?;
            Some((<K::Up as Holder>::id_of(up), at, &list[at]))
        })
    }

    /// What a record of kind `K` would go under: the record with the id
    /// `under`, or the workbook when `under` is none and `K` is top-level.
    pub(crate) fn holder<K: Kind>(&self, under: Option<&str>) -> Option<&Up<K>> {
        <K::Up as Holder>::all(self)
            .into_iter()
            .find(|up| <K::Up as Holder>::id_of(up) == under)
    }

    fn holder_mut<K: Kind>(&mut self, under: Option<&str>) -> Option<&mut Up<K>> {
        <K::Up as Holder>::all_mut(self)
            .into_iter()
            .find(|up| <K::Up as Holder>::id_of(up) == under)
    }

    /// Changes the record of kind `K` with this id with `edit`, then puts its
    /// list back in order.
    pub(crate) fn edit<K: Kind, R>(
        &mut self,
        id: &str,
        edit: impl FnOnce(&mut Rec<K>) -> R,
    ) -> Option<R> {
        for up in <K::Up as Holder>::all_mut(self) {
            let list = K::list_mut(up);
            if let Some(record) = list.iter_mut().find(|r| r.id() == id) {
                let out = edit(record);
                K::order(list);
                return Some(out);
            }
        }
        None
    }

    /// Takes the record of kind `K` with this id out of its list, with where
    /// it was (for an undo to put it back).
    pub(crate) fn take<K: Kind>(&mut self, id: &str) -> Option<DeletedRecord> {
        for up in <K::Up as Holder>::all_mut(self) {
            let under = <K::Up as Holder>::id_of(up).map(str::to_string);
            let list = K::list_mut(up);
            if let Some(position) = list.iter().position(|r| r.id() == id) {
                return Some(DeletedRecord {
                    under,
                    position,
                    record: K::wrap(list.remove(position)),
                });
            }
        }
        None
    }

    /// Puts a record of kind `K` under `under`: at `position` (as it was
    /// before it was taken out), or where its list's order puts it.
    pub(crate) fn put<K: Kind>(
        &mut self,
        under: Option<&str>,
        record: Rec<K>,
        position: Option<usize>,
    ) -> Result<(), Refusal> {
        let list = K::list_mut(self.holder_mut::<K>(under).ok_or(Refusal::NotFound)?);
        match position {
            Some(at) => list.insert(at.min(list.len()), record),
            None => {
                list.push(record);
                K::order(list);
            }
        }
        Ok(())
    }

    /// Where the record with this id is, whatever its kind: the id of what
    /// it is under, its kind and its position.
    pub fn place_of(&self, id: &str) -> Option<(Option<&str>, RecordKind, usize)> {
        struct Place<'a, 'i>(&'a Workbook, &'i str);
        impl<'a> ForKind for Place<'a, '_> {
            type Out = Option<(Option<&'a str>, RecordKind, usize)>;
            fn run<K: Kind>(&mut self) -> Self::Out {
                let (under, at, _) = self.0.find::<K>(self.1)?;
                Some((under, K::KIND, at))
            }
        }
        let kind = self.record_kind(id)?;
        for_kind(kind, &mut Place(self, id))
    }

    /// The record with this id described as its deletion would be: its kind
    /// and `the goal "Chair the board"`.
    pub fn describe_record(&self, id: &str) -> Option<(RecordKind, String)> {
        let kind = self.record_kind(id)?;
        let copy = for_kind(kind, &mut CopyOf(self, id))?;
        Some((kind, copy.record.describe()))
    }

    /// A copy of the record of `kind` with this id and where it is, for an undo.
    /// Only kinds of `S` are copied (none for another kind).
    pub(crate) fn copy_of_in<S: KindSet>(
        &self,
        kind: RecordKind,
        id: &str,
    ) -> Option<DeletedRecord> {
        for_kind(kind, &mut Only::<S, _>::new(CopyOf(self, id))).flatten()
    }

    /// Adds a record made from `draft` with this id, under `under`: the
    /// record it goes under must be there, and the draft must pass its rules.
    /// It is stamped made and changed now. Only kinds of `S` are added (see
    /// `Workbook::apply_in`).
    pub(crate) fn add_drafted<S: KindSet>(
        &mut self,
        id: &str,
        under: Option<&str>,
        draft: &RecordDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        struct Add<'a> {
            wb: &'a mut Workbook,
            id: &'a str,
            under: Option<&'a str>,
            stamp: Stamp,
        }
        impl ForDraft for Add<'_> {
            type Out = Result<(), Refusal>;
            fn run<K: Kind, D: Drafted<Kind = K>>(&mut self, draft: &D) -> Self::Out {
                draft.check(self.stamp)?;
                let up = self.wb.holder::<K>(self.under).ok_or(Refusal::NotFound)?;
                let mut record = draft.make(self.id, up, self.stamp)?;
                stamp_new(&mut record, *self.stamp.at);
                self.wb.put::<K>(self.under, record, None)
            }
        }
        draft
            .run(&mut Only::<S, _>::new(Add {
                wb: self,
                id,
                under,
                stamp,
            }))
            .unwrap_or(Err(Refusal::NotFromThisPage))
    }

    /// Changes the record with this id to what `draft` says, keeping the
    /// records under it and when it was made; it is stamped changed now.
    /// Only kinds of `S` are changed.
    pub(crate) fn update_drafted<S: KindSet>(
        &mut self,
        id: &str,
        draft: &RecordDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        struct Update<'a> {
            wb: &'a mut Workbook,
            id: &'a str,
            stamp: Stamp,
        }
        impl ForDraft for Update<'_> {
            type Out = Result<(), Refusal>;
            fn run<K: Kind, D: Drafted<Kind = K>>(&mut self, draft: &D) -> Self::Out {
                draft.check(self.stamp)?;
                let (under, _, old) = self.wb.find::<K>(self.id).ok_or(Refusal::NotFound)?;
                let up = self.wb.holder::<K>(under).ok_or(Refusal::NotFound)?;
                let mut new = draft.change(old, up, self.stamp)?;
                new.set_created_at(old.created_at());
                new.set_updated_at(*self.stamp.at);
                self.wb.edit::<K, _>(self.id, |slot| {
                    new.adopt_children(slot);
                    *slot = new;
                });
                Ok(())
            }
        }
        draft
            .run(&mut Only::<S, _>::new(Update {
                wb: self,
                id,
                stamp,
            }))
            .unwrap_or(Err(Refusal::NotFromThisPage))
    }

    /// Deletes the record of `kind` with this id, and everything under it,
    /// leaving a tombstone so a merge knows it was deleted. Only kinds of `S`
    /// are deleted.
    pub(crate) fn delete<S: KindSet>(
        &mut self,
        kind: RecordKind,
        id: &str,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        struct Take<'a, 'i>(&'a mut Workbook, &'i str);
        impl ForKind for Take<'_, '_> {
            type Out = Option<DeletedRecord>;
            fn run<K: Kind>(&mut self) -> Self::Out {
                self.0.take::<K>(self.1)
            }
        }
        for_kind(kind, &mut Only::<S, _>::new(Take(self, id)))
            .ok_or(Refusal::NotFromThisPage)?
            .ok_or(Refusal::NotFound)?;
        self.bury(id, kind, stamp);
        Ok(())
    }

    /// Puts back a record deleted a moment ago where it was, and forgets its
    /// tombstone. Refused when it is back already or what it was under is gone.
    /// Only kinds of `S` are put back.
    pub(crate) fn undelete<S: KindSet>(&mut self, deleted: &DeletedRecord) -> Result<(), Refusal> {
        struct Put<'a>(&'a mut Workbook, &'a DeletedRecord);
        impl ForKind for Put<'_> {
            type Out = Result<(), Refusal>;
            fn run<K: Kind>(&mut self) -> Self::Out {
                let record = K::unwrap(&self.1.record).ok_or(Refusal::NotFound)?;
                let under = self.1.under.as_deref();
                self.0
                    .put::<K>(under, record.clone(), Some(self.1.position))
            }
        }
        let id = deleted.record.id().to_string();
        if self.holds(&id) {
            return Err(Refusal::DuplicateId);
        }
        for_kind(
            deleted.record.kind(),
            &mut Only::<S, _>::new(Put(self, deleted)),
        )
        .unwrap_or(Err(Refusal::NotFromThisPage))?;
        self.deleted.retain(|t| t.id != id);
        Ok(())
    }

    /// Sets the `updated_at` of the record of `kind` with this id (of a kind
    /// of `S`; the records `apply_in::<S>` changes are).
    pub(crate) fn touch<S: KindSet>(&mut self, kind: RecordKind, id: &str, at: DateTime<Utc>) {
        struct Touch<'a, 'i>(&'a mut Workbook, &'i str, DateTime<Utc>);
        impl ForKind for Touch<'_, '_> {
            type Out = ();
            fn run<K: Kind>(&mut self) {
                let at = self.2;
                self.0.edit::<K, _>(self.1, |r| r.set_updated_at(at));
            }
        }
        for_kind(kind, &mut Only::<S, _>::new(Touch(self, id, at)));
    }

    pub(crate) fn bury(&mut self, id: &str, kind: RecordKind, stamp: Stamp) {
        self.deleted.push(Tombstone {
            id: id.to_string(),
            kind,
            deleted_at: stamp.at,
        });
    }
}

/// A copy of a record and where it is.
struct CopyOf<'a, 'i>(&'a Workbook, &'i str);

impl ForKind for CopyOf<'_, '_> {
    type Out = Option<DeletedRecord>;
    fn run<K: Kind>(&mut self) -> Self::Out {
        let (under, position, record) = self.0.find::<K>(self.1)?;
        Some(DeletedRecord {
            under: under.map(str::to_string),
            position,
            record: K::wrap(record.clone()),
        })
    }
}

/// A new record is made and last changed at the moment of the change.
fn stamp_new<T: Record>(record: &mut T, at: DateTime<Utc>) {
    record.set_created_at(at);
    record.set_updated_at(at);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workbook::change::Change;
    use crate::model::workbook::fixtures::workbook_with_every_kind_of_record;

    fn stamp() -> Stamp {
        Stamp::on(2027, 9, 30, 12, 0)
    }

    /// Deleting works for every kind the tree declares, with nothing written
    /// per kind: the record and everything under it go, a tombstone of its
    /// kind stays, and the undo puts it back exactly where it was.
    #[test]
    fn a_record_of_every_kind_is_deleted_and_put_back_where_it_was() {
        let wb = workbook_with_every_kind_of_record();
        for (kind, id) in wb.records() {
            let mut changed = wb.clone();
            let applied = changed.apply(&Change::delete(kind, id), stamp()).unwrap();
            assert!(!changed.holds(id), "{kind:?} {id}");
            assert!(changed.deleted.iter().any(|t| t.id == id && t.kind == kind));
            let undo = applied.undo.expect("a deletion has an undo");
            changed.apply(&undo, stamp()).unwrap();
            changed.updated_at = wb.updated_at;
            assert_eq!(changed, wb, "{kind:?} {id} put back as it was");
        }
    }

    /// A deletion names the kind it deletes: the same id under another kind
    /// is not found, and nothing changes.
    #[test]
    fn a_deletion_of_the_wrong_kind_finds_nothing() {
        let wb = workbook_with_every_kind_of_record();
        for (kind, id) in wb.records() {
            let other = *RecordKind::ALL.iter().find(|k| **k != kind).unwrap();
            let mut changed = wb.clone();
            assert_eq!(
                changed.apply(&Change::delete(other, id), stamp()),
                Err(Refusal::NotFound)
            );
            assert_eq!(changed, wb);
        }
    }

    /// Every record can be found by its id and says where it is: under a
    /// record of the kind the tree says, at its place in that list.
    #[test]
    fn every_record_is_found_where_it_is() {
        let wb = workbook_with_every_kind_of_record();
        for (kind, id) in wb.records() {
            let (under, found, position) = wb.place_of(id).unwrap();
            assert_eq!(found, kind);
            assert_eq!(under.and_then(|u| wb.record_kind(u)), kind.parent());
            let copy = wb
                .copy_of_in::<crate::model::workbook::records::AllKinds>(kind, id)
                .unwrap();
            assert_eq!(copy.position, position);
            assert_eq!(copy.record.id(), id);
            assert_eq!(wb.describe_record(id).unwrap().1, copy.describe());
        }
    }
}
