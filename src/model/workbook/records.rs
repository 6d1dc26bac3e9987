//! A record with the records under it, for any kind, worked out from the
//! declaration in `tree`: the records under it, merged or taken over, the
//! last change to it or under it, and the walk of every record in the
//! workbook. Merging, putting a conflict's other version back and listing
//! every id all go through this.
//!
//! The rule for times, kept by `Workbook::apply` for every change:
//! - a record made gets `created_at` and `updated_at` at the change's moment;
//! - a record whose own fields change gets `updated_at` at that moment;
//! - the record it sits under (a goal under its plan, an action under its
//!   goal, a milestone under its project…) is left as it is: the last change
//!   under a record is worked out from the records under it (`latest`);
//! - the workbook's `updated_at` is the moment of its last change of any kind
//!   but noting a backup.

use std::any::Any;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::model::agreement::AgreementBook;
use crate::model::business_case::CaseBook;
use crate::model::group::GroupBook;
use crate::model::placement::PlacementBook;
use crate::model::plan::PlanBook;
use crate::model::workbook::deferred::{Counted, Deferred, ListLength, Section, Tally};
use crate::model::workbook::merge::report::Counts;
use crate::model::workbook::tree::{
    for_kind, kind, Drafted, ForDraft, ForKind, Kind, Record, RecordKind, Up, Workbook,
};
use serde::de::{DeserializeSeed, Deserializer};

/// Merges two lists of the same kind of record (the merge does this, level
/// by level, through each record's `merge_children`).
pub(crate) trait MergeLists {
    fn merge_list<T: Record>(&mut self, current: &[T], incoming: &[T], kind: RecordKind) -> Vec<T>;
}

/// A set of kinds walked together. Why: a walk runs its work for each kind
/// of a set, and the code for each kind is made once per walk; the walks the
/// first download makes at start (`Workbook::each_record`,
/// `records_read_so_far`) cover only the kinds kept outside the sections
/// (`WorkbookKinds`), so a kind added to a section (`deferred`) adds nothing
/// to it. A section's kinds are walked by the section's own code
/// (`Section::visit`), in the part that read it.
pub(crate) trait KindSet {
    /// The set's kinds (the native tests check the section's sets split
    /// every kind; `Only` keeps work to them).
    const KINDS: &'static [RecordKind];
    /// Runs `work` for every kind of the set; the work finds out by
    /// downcasting whether that kind's lists sit in the record it was given.
    /// The record is passed as `dyn Any`, so each piece of work is made once
    /// per kind, not once for every pair of a record's struct and a kind.
    fn each<F: ForKind<Out = ()>>(work: &mut F);
}

/// Every kind, for work on records of any kind (merging, copying, undo).
pub(crate) struct AllKinds;

impl KindSet for AllKinds {
    const KINDS: &'static [RecordKind] = RecordKind::ALL;
    fn each<F: ForKind<Out = ()>>(work: &mut F) {
        for kind in RecordKind::ALL {
            for_kind(*kind, work);
        }
    }
}

macro_rules! kind_set {
    ($(#[$doc:meta])* $set:ident: $($kind:ident)*) => {
        $(#[$doc])*
        pub(crate) struct $set;
        impl KindSet for $set {
            const KINDS: &'static [RecordKind] = &[$(RecordKind::$kind,)*];
            fn each<F: ForKind<Out = ()>>(work: &mut F) {
                $( work.run::<kind::$kind>(); )*
            }
        }
    };
}

kind_set!(
    /// The kinds kept in the workbook itself (not in a section).
    WorkbookKinds: Assessment PartnerAssessment
);
kind_set!(
    /// The development plans' section.
    PlanKinds: Plan Goal Action Evidence Review SelfRating
);
kind_set!(
    /// The placement log's section.
    PlacementKinds: Placement Project Milestone Activity
);
kind_set!(
    /// The group view's section.
    GroupKinds: GroupRound GroupMember AreaAgreement
);
kind_set!(
    /// The support agreements' section.
    AgreementKinds: SupportAgreement Commitment Delivery AgreementVersion ReviewMeeting
);
kind_set!(
    /// The business cases' section.
    CaseKinds: BusinessCase CaseOption CaseRisk CaseMilestone
);

kind_set!(
    /// What the self-assessment's pages change: assessments, and a statement
    /// made a goal (in a plan, perhaps a new one).
    // Named only by the pages' list of areas, in the browser's build.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    AssessmentAreaKinds: Assessment PartnerAssessment Plan Goal Action Evidence Review SelfRating
);
kind_set!(
    /// What the group view's pages change: its rounds, and an agreed area
    /// made a goal (in a plan, perhaps a new one).
    // Named only by the pages' list of areas, in the browser's build.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    GroupAreaKinds: GroupRound GroupMember AreaAgreement Plan Goal Action Evidence Review SelfRating
);

/// Whether `kind` is one of `kinds`, worked out as the code is compiled
/// (`Only`); a `const fn`, as a slice's `contains` is not.
pub(crate) const fn has_kind(kinds: &[RecordKind], kind: RecordKind) -> bool {
    let mut at = 0;
    while at < kinds.len() {
        if kinds[at] as u8 == kind as u8 {
            return true;
        }
        at += 1;
    }
    false
}

/// Work for the kinds of `S` only: for any other kind it gives `None`
/// without running. Why: `for_kind` and `RecordDraft::run` make the work
/// once for every kind there is; through `Only`, the work for a kind outside
/// `S` is never made (the condition is a constant), so an area's dispatcher
/// (`Workbook::apply_in`) holds the code of its own kinds alone.
pub(crate) struct Only<S, F>(pub F, std::marker::PhantomData<S>);

impl<S: KindSet, F> Only<S, F> {
    pub(crate) fn new(work: F) -> Self {
        Only(work, std::marker::PhantomData)
    }
}

impl<S: KindSet, F: ForKind> ForKind for Only<S, F> {
    type Out = Option<F::Out>;
    fn run<K: Kind>(&mut self) -> Self::Out {
        if const { has_kind(S::KINDS, K::KIND) } {
            Some(self.0.run::<K>())
        } else {
            None
        }
    }
}

impl<S: KindSet, F: ForDraft> ForDraft for Only<S, F> {
    type Out = Option<F::Out>;
    fn run<K: Kind, D: Drafted<Kind = K>>(&mut self, draft: &D) -> Self::Out {
        if const { has_kind(S::KINDS, K::KIND) } {
            Some(self.0.run::<K, D>(draft))
        } else {
            None
        }
    }
}

fn each_kind<F: ForKind<Out = ()>>(work: &mut F) {
    AllKinds::each(work)
}

/// Empties every list under `record`.
fn clear_children(record: &mut dyn Any) {
    struct Empty<'a>(&'a mut dyn Any);
    impl ForKind for Empty<'_> {
        type Out = ();
        fn run<K: Kind>(&mut self) {
            if let Some(up) = self.0.downcast_mut::<Up<K>>() {
                K::list_mut(up).clear();
            }
        }
    }
    each_kind(&mut Empty(record));
}

/// Moves every list under `from` into `this` (both of one struct).
fn move_children(this: &mut dyn Any, from: &mut dyn Any) {
    struct Adopt<'a>(&'a mut dyn Any, &'a mut dyn Any);
    impl ForKind for Adopt<'_> {
        type Out = ();
        fn run<K: Kind>(&mut self) {
            if let (Some(this), Some(from)) = (
                self.0.downcast_mut::<Up<K>>(),
                self.1.downcast_mut::<Up<K>>(),
            ) {
                *K::list_mut(this) = std::mem::take(K::list_mut(from));
            }
        }
    }
    each_kind(&mut Adopt(this, from));
}

/// Calls `see` with each record directly under `record`, and its kind.
fn each_child(record: &dyn Any, see: &mut dyn FnMut(RecordKind, &dyn Stamped)) {
    each_child_of::<AllKinds>(record, see)
}

/// `each_child` for the kinds of `S` only.
fn each_child_of<S: KindSet>(record: &dyn Any, see: &mut dyn FnMut(RecordKind, &dyn Stamped)) {
    struct Each<'a, 's>(&'a dyn Any, &'s mut dyn FnMut(RecordKind, &dyn Stamped));
    impl ForKind for Each<'_, '_> {
        type Out = ();
        fn run<K: Kind>(&mut self) {
            if let Some(up) = self.0.downcast_ref::<Up<K>>() {
                for r in K::list(up) {
                    (self.1)(K::KIND, r);
                }
            }
        }
    }
    S::each(&mut Each(record, see));
}

/// What a walk needs of a record, whatever its kind.
pub(crate) trait Stamped {
    fn made_at(&self) -> DateTime<Utc>;
    fn last_changed(&self) -> DateTime<Utc>;
    fn as_any(&self) -> &dyn Any;
}

impl<T: Record> Stamped for T {
    fn made_at(&self) -> DateTime<Utc> {
        self.created_at()
    }
    fn last_changed(&self) -> DateTime<Utc> {
        self.updated_at()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// What a record of `kind` is, in plain English: `the goal "Chair the board"`.
pub(crate) fn describe_as(kind: RecordKind, record: &dyn Any) -> String {
    struct Describe<'a>(&'a dyn Any);
    impl ForKind for Describe<'_> {
        type Out = Option<String>;
        fn run<K: Kind>(&mut self) -> Option<String> {
            self.0.downcast_ref::<K::Record>().map(K::describe)
        }
    }
    for_kind(kind, &mut Describe(record)).unwrap_or_default()
}

/// Every record under `record`, at every level, each followed by those under it.
fn walk_under<'a>(record: &'a dyn Any, out: &mut Vec<(RecordKind, &'a str)>) {
    walk_under_of::<AllKinds>(record, out)
}

/// `walk_under` for the kinds of `S` only.
fn walk_under_of<'a, S: KindSet>(record: &'a dyn Any, out: &mut Vec<(RecordKind, &'a str)>) {
    struct Under<'a, 'o, S>(
        &'a dyn Any,
        &'o mut Vec<(RecordKind, &'a str)>,
        std::marker::PhantomData<S>,
    );
    impl<'a, S: KindSet> ForKind for Under<'a, '_, S> {
        type Out = ();
        fn run<K: Kind>(&mut self) {
            let record: &'a dyn Any = self.0;
            if let Some(up) = record.downcast_ref::<Up<K>>() {
                for r in K::list(up) {
                    self.1.push((K::KIND, r.id()));
                    walk_under_of::<S>(r, self.1);
                }
            }
        }
    }
    S::each(&mut Under::<S>(record, out, std::marker::PhantomData));
}

/// Walks of a section's records, run by the section's own code
/// (`Section::visit`): each record's kind and id, or each last change,
/// owned, as a section's records cannot be lent out through that call.
#[derive(Default)]
pub(crate) struct SectionIds(pub Vec<(RecordKind, String)>);
#[derive(Default)]
pub(crate) struct SectionChanges(pub Vec<DateTime<Utc>>);

/// The oldest change to a section's records after `since` (the workbook's
/// last backup): from its records if a page has read them (a section is
/// read before it is written), else as the save that kept it apart found it.
pub(crate) fn oldest_change_in<T: 'static>(
    section: &Deferred<T>,
    since: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    if section.if_read().is_none() {
        return section.unread_unbacked();
    }
    let mut changes = SectionChanges::default();
    section.visit_if_read(&mut changes);
    changes
        .0
        .into_iter()
        .filter(|t| since.is_none_or(|s| *t > s))
        .min()
}

/// What `Section::visit` does for a section whose kinds are `S`.
fn visit_section<S: KindSet>(section: &dyn Any, visitor: &mut dyn Any) {
    fn walk<S: KindSet>(record: &dyn Any, see: &mut dyn FnMut(RecordKind, &dyn Stamped)) {
        each_child_of::<S>(record, &mut |kind, child| {
            see(kind, child);
            walk::<S>(child.as_any(), &mut *see);
        });
    }
    if let Some(SectionIds(out)) = visitor.downcast_mut::<SectionIds>() {
        walk::<S>(section, &mut |kind, child| {
            out.extend(id_of(kind, child.as_any()).map(|id| (kind, id)));
        });
    } else if let Some(SectionChanges(out)) = visitor.downcast_mut::<SectionChanges>() {
        walk::<S>(section, &mut |_, child| out.push(child.last_changed()));
    }
}

/// The id of a record of `kind`.
fn id_of(kind: RecordKind, record: &dyn Any) -> Option<String> {
    struct Id<'a>(&'a dyn Any);
    impl ForKind for Id<'_> {
        type Out = Option<String>;
        fn run<K: Kind>(&mut self) -> Option<String> {
            self.0
                .downcast_ref::<K::Record>()
                .map(|r| r.id().to_string())
        }
    }
    for_kind(kind, &mut Id(record))
}

/// A section's `Section` from the field it is saved under in the whole
/// document (`$field`), the kinds its walks cover and how its records are
/// counted: the readers differ only by the field's name, which serde's
/// derive needs written out.
macro_rules! section {
    ($book:ident in $field:ident, walked as $kinds:ident, counted as |&$this:ident| $counts:expr) => {
        impl Section for $book {
            fn counts(&$this) -> [usize; 2] {
                $counts
            }
            fn from_document(document: &str) -> Result<Option<Self>, serde_json::Error> {
                #[derive(Deserialize)]
                struct Only {
                    #[serde(default)]
                    $field: Option<$book>,
                }
                serde_json::from_str::<Only>(document).map(|doc| doc.$field)
            }
            fn saved_in(document: &str) -> Option<Value> {
                #[derive(Deserialize)]
                struct Only {
                    #[serde(default)]
                    $field: Option<Value>,
                }
                serde_json::from_str::<Only>(document).ok()?.$field
            }
            fn visit(&self, visitor: &mut dyn Any) {
                visit_section::<$kinds>(self, visitor);
            }
        }
    };
}

// The group view's section, `group` in the saved workbook.
section!(GroupBook in group, walked as GroupKinds, counted as |&self| [self.rounds.len(), 0]);

// The support agreements' section, `support_agreements` in the saved workbook.
section!(AgreementBook in support_agreements, walked as AgreementKinds, counted as |&self| [self.agreements.len(), 0]);

/// Each section's records counted as the workbook is read, for the home
/// page (`Tally`): plans and their goals, placements and their log entries,
/// rounds, agreements, cases.
impl Tally for PlanBook {
    fn tally<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[usize; 2], D::Error> {
        Counted(Some("goals")).deserialize(deserializer)
    }
}

impl Tally for PlacementBook {
    fn tally<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[usize; 2], D::Error> {
        Counted(Some("entries")).deserialize(deserializer)
    }
}

impl Tally for GroupBook {
    fn tally<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[usize; 2], D::Error> {
        ListLength("rounds")
            .deserialize(deserializer)
            .map(|n| [n, 0])
    }
}

impl Tally for AgreementBook {
    fn tally<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[usize; 2], D::Error> {
        ListLength("agreements")
            .deserialize(deserializer)
            .map(|n| [n, 0])
    }
}

impl Tally for CaseBook {
    fn tally<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[usize; 2], D::Error> {
        ListLength("cases")
            .deserialize(deserializer)
            .map(|n| [n, 0])
    }
}

// The development plans' section, the list `plans` in the saved workbook.
section!(PlanBook in plans, walked as PlanKinds, counted as |&self| [
    self.plans.len(),
    self.plans.iter().map(|p| p.goals.len()).sum(),
]);

// The placement log's section, the list `placements` in the saved workbook.
section!(PlacementBook in placements, walked as PlacementKinds, counted as |&self| [
    self.placements.len(),
    self.placements.iter().map(|p| p.entries.len()).sum(),
]);

// The business cases' section, `business_cases` in the saved workbook.
section!(CaseBook in business_cases, walked as CaseKinds, counted as |&self| [self.cases.len(), 0]);

/// The last change to anything under `record`, at every level.
fn latest_under(record: &dyn Any) -> Option<DateTime<Utc>> {
    let mut latest: Option<DateTime<Utc>> = None;
    each_child(record, &mut |_, child| {
        let deeper = latest_under(child.as_any());
        for t in [Some(child.last_changed()), deeper].into_iter().flatten() {
            latest = Some(latest.map_or(t, |l| l.max(t)));
        }
    });
    latest
}

/// Merges the lists under two versions of one record (`M`, the merger, is
/// the one type that does it, so this is made once per kind).
fn merge_lists_under<M: MergeLists>(
    this: &mut dyn Any,
    current: &dyn Any,
    incoming: &dyn Any,
    m: &mut M,
) {
    struct Merge<'a, M> {
        this: &'a mut dyn Any,
        current: &'a dyn Any,
        incoming: &'a dyn Any,
        m: &'a mut M,
    }
    impl<M: MergeLists> ForKind for Merge<'_, M> {
        type Out = ();
        fn run<K: Kind>(&mut self) {
            let (Some(current), Some(incoming)) = (
                self.current.downcast_ref::<Up<K>>(),
                self.incoming.downcast_ref::<Up<K>>(),
            ) else {
                return;
            };
            let mut merged = self
                .m
                .merge_list(K::list(current), K::list(incoming), K::KIND);
            K::order(&mut merged);
            if let Some(this) = self.this.downcast_mut::<Up<K>>() {
                *K::list_mut(this) = merged;
            }
        }
    }
    each_kind(&mut Merge {
        this,
        current,
        incoming,
        m,
    });
}

/// What every record has through the records under it.
pub(crate) trait Branch: Record {
    /// What it is, in plain English: `the goal "Chair the board"`.
    fn describe(&self, kind: RecordKind) -> String {
        describe_as(kind, self)
    }

    /// The record without the records under it.
    fn own(&self) -> Self {
        let mut own = self.clone();
        clear_children(&mut own);
        own
    }

    /// Sets the records under `self` (an `own()` copy) to those under
    /// `current` and `incoming`, merged, each list in its order.
    fn merge_children<M: MergeLists>(&mut self, current: &Self, incoming: &Self, m: &mut M) {
        merge_lists_under(self, current, incoming, m);
    }

    /// Takes the records under `from` as its own.
    fn adopt_children(&mut self, from: &mut Self) {
        move_children(self, from);
    }

    /// The times of the records directly under it (made and last changed).
    fn child_times(&self) -> Vec<DateTime<Utc>> {
        let mut times = Vec::new();
        each_child(self, &mut |_, child| {
            times.extend([child.made_at(), child.last_changed()]);
        });
        times
    }

    /// The last change to it or to anything under it.
    fn latest(&self) -> DateTime<Utc> {
        latest_under(self).map_or(self.updated_at(), |l| l.max(self.updated_at()))
    }

    /// Every record under it, at every level, with its kind: each record
    /// followed by those under it.
    fn under<'a>(&'a self, out: &mut Vec<(RecordKind, &'a str)>) {
        walk_under(self, out);
    }

    /// Its id and the ids of everything under it.
    fn ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.push(self.id());
        let mut under = Vec::new();
        self.under(&mut under);
        out.extend(under.into_iter().map(|(_, id)| id));
    }

    /// Counts it (of `kind`) and the records under it, each by its kind,
    /// into `counts`, counting only the ids `counted` takes.
    fn count_by_kind(&self, kind: RecordKind, counted: impl Fn(&str) -> bool, counts: &mut Counts) {
        let mut all = vec![(kind, self.id())];
        self.under(&mut all);
        for (kind, id) in all {
            if counted(id) {
                counts.add(kind, 1);
            }
        }
    }

    /// True when its own fields cannot have been edited since it was made:
    /// its `updated_at` is still its `created_at`, or (in a workbook saved
    /// before the rule above, when adding an action marked its goal changed)
    /// the moment of a change under it.
    fn untouched(&self) -> bool {
        self.updated_at() == self.created_at() || self.child_times().contains(&self.updated_at())
    }
}

impl<T: Record> Branch for T {}

impl Workbook {
    /// Calls `see` with the last change of every record in the workbook, at
    /// every level: those in the workbook itself, and those in the sections
    /// a page has read. For a section kept apart that no page has read (it
    /// has not changed since it was saved, and reading it here would put its
    /// reader in the first download, which runs this at start), the oldest
    /// change after the last backup, as its save found it: what the backup
    /// reminder (`oldest_change_since` the last backup) needs of it.
    pub(crate) fn each_last_change(&self, see: &mut dyn FnMut(DateTime<Utc>)) {
        // The workbook holds the top-level lists as a record holds its own,
        // so the same walk serves (and the first download carries one walk).
        fn walk(holder: &dyn Any, see: &mut dyn FnMut(DateTime<Utc>)) {
            each_child_of::<WorkbookKinds>(holder, &mut |_, child| {
                see(child.last_changed());
                walk(child.as_any(), &mut *see);
            });
        }
        walk(self, see);
        // A section a page has read: every record's last change; one no page
        // has read: its oldest change since the last backup, as the save
        // that kept it apart found it.
        fn changes_of<T: 'static>(section: &Deferred<T>, changes: &mut SectionChanges) {
            changes.0.extend(section.unread_unbacked());
            section.visit_if_read(changes);
        }
        let mut changes = SectionChanges::default();
        changes_of(&self.plans, &mut changes);
        changes_of(&self.placements, &mut changes);
        changes_of(&self.group, &mut changes);
        changes_of(&self.support_agreements, &mut changes);
        changes_of(&self.business_cases, &mut changes);
        changes.0.into_iter().for_each(see);
    }

    /// The records of the sections a page has read so far, with their kinds
    /// (owned: see `SectionIds`).
    pub fn section_records_read_so_far(&self) -> Vec<(RecordKind, String)> {
        let mut found = SectionIds::default();
        self.plans.visit_if_read(&mut found);
        self.placements.visit_if_read(&mut found);
        self.group.visit_if_read(&mut found);
        self.support_agreements.visit_if_read(&mut found);
        self.business_cases.visit_if_read(&mut found);
        found.0
    }

    /// Every record in the workbook, at every level, with its kind: the
    /// top-level lists in the order `RecordKind::ALL` names them, each
    /// record followed by those under it, then the sections' records.
    /// The sections (`deferred`) are read if they were not yet.
    pub fn records(&self) -> Vec<(RecordKind, &str)> {
        let mut out = self.records_outside_sections();
        if let Some(plans) = self.plans.get() {
            walk_under_of::<PlanKinds>(plans, &mut out);
        }
        if let Some(placements) = self.placements.get() {
            walk_under_of::<PlacementKinds>(placements, &mut out);
        }
        if let Some(group) = self.group.get() {
            walk_under_of::<GroupKinds>(group, &mut out);
        }
        if let Some(support) = self.support_agreements.get() {
            walk_under_of::<AgreementKinds>(support, &mut out);
        }
        if let Some(cases) = self.business_cases.get() {
            walk_under_of::<CaseKinds>(cases, &mut out);
        }
        out
    }

    /// Every record kept in the workbook itself, not in a section: for the
    /// checks the first download makes as the app starts, which must not
    /// carry the sections' readers (with `section_records_read_so_far` for
    /// the sections a page has read). A section is checked when it is read
    /// (`files::import_checks::sections_problem`).
    pub fn records_outside_sections(&self) -> Vec<(RecordKind, &str)> {
        let mut out = Vec::new();
        walk_under_of::<WorkbookKinds>(self, &mut out);
        out
    }

    /// The id of every record in the workbook, at every level.
    pub fn record_ids(&self) -> Vec<&str> {
        self.records().into_iter().map(|(_, id)| id).collect()
    }

    /// The kind of the record with this id, if it is in the workbook.
    pub fn record_kind(&self, id: &str) -> Option<RecordKind> {
        self.records()
            .into_iter()
            .find_map(|(kind, found)| (found == id).then_some(kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workbook::fixtures::workbook_with_every_kind_of_record;
    use crate::model::workbook::tree::{kind, Holder};

    /// Each kind is in one set; the workbook's walk finds just the kinds of
    /// `WorkbookKinds`, and each section's walk (by its own code, once read)
    /// just its set's, so the three together find every record.
    #[test]
    fn the_kind_sets_split_every_kind_by_where_it_is_kept() {
        let mut all: Vec<RecordKind> = [
            WorkbookKinds::KINDS,
            PlanKinds::KINDS,
            PlacementKinds::KINDS,
            GroupKinds::KINDS,
            AgreementKinds::KINDS,
            CaseKinds::KINDS,
        ]
        .concat();
        assert_eq!(all.len(), RecordKind::ALL.len(), "each kind once");
        all.sort_by_key(|k| RecordKind::ALL.iter().position(|a| a == k));
        all.dedup();
        assert_eq!(all, RecordKind::ALL);

        let wb = workbook_with_every_kind_of_record();
        let outside: Vec<RecordKind> = wb
            .records_outside_sections()
            .iter()
            .map(|(k, _)| *k)
            .collect();
        assert!(outside.iter().all(|k| WorkbookKinds::KINDS.contains(k)));
        assert!(WorkbookKinds::KINDS.iter().all(|k| outside.contains(k)));
        // The fixture's sections were made read; a workbook read from text
        // has not read them, and its walks at start see none of their records.
        let text = serde_json::to_string(&wb).unwrap();
        let mut from_text: Workbook = serde_json::from_str(&text).unwrap();
        from_text.keep_sections_of(&text);
        assert!(from_text.section_records_read_so_far().is_empty());
        let mut changes = Vec::new();
        from_text.each_last_change(&mut |t| changes.push(t));
        assert_eq!(changes.len(), outside.len());
        from_text.plans.get();
        from_text.placements.get();
        from_text.group.get();
        from_text.support_agreements.get();
        from_text.business_cases.get();
        let in_sections = from_text.section_records_read_so_far();
        let kinds: Vec<RecordKind> = in_sections.iter().map(|(k, _)| *k).collect();
        assert!(GroupKinds::KINDS
            .iter()
            .chain(PlanKinds::KINDS)
            .chain(PlacementKinds::KINDS)
            .chain(AgreementKinds::KINDS)
            .chain(CaseKinds::KINDS)
            .all(|k| kinds.contains(k)));
        assert_eq!(outside.len() + in_sections.len(), wb.records().len());
        let mut changes = Vec::new();
        from_text.each_last_change(&mut |t| changes.push(t));
        assert_eq!(changes.len(), wb.records().len());
    }

    /// The walk of the tree finds a record of every kind, each under a
    /// record of the kind `RecordKind::parent` says it sits under.
    #[test]
    fn the_walk_of_the_tree_finds_every_kind_under_its_parent() {
        let wb = workbook_with_every_kind_of_record();
        let records = wb.records();
        for kind in RecordKind::ALL {
            assert!(records.iter().any(|(k, _)| k == kind), "{kind:?}");
        }
        for (kind, id) in &records {
            assert_eq!(wb.record_kind(id), Some(*kind));
            let under = wb.place_of(id).unwrap().0;
            assert_eq!(under.and_then(|u| wb.record_kind(u)), kind.parent(), "{id}");
        }
        assert_eq!(wb.record_kind("no-such-id"), None);
        assert_eq!(wb.record_ids().len(), records.len());
        // Under a record, each record comes before those under it.
        let plan = &wb.plans()[0];
        let mut under = Vec::new();
        plan.under(&mut under);
        let goal = under
            .iter()
            .position(|(k, _)| *k == RecordKind::Goal)
            .unwrap();
        let action = under
            .iter()
            .position(|(k, _)| *k == RecordKind::Action)
            .unwrap();
        assert!(goal < action);
        assert!(!<kind::Goal as Holder>::all(&wb).is_empty());
    }
}
