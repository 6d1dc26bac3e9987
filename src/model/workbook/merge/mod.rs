//! Merging a backup into the workbook, as an alternative to replacing it.
//!
//! Records are matched by id at every level: assessments, partner
//! assessments, plans (their goals, each goal's actions and evidence, the
//! plan's reviews and self-ratings) and placements (their projects, each
//! project's milestones, the placement's log entries). A record on one side
//! only is added, unless the other side deleted it; a record on both sides
//! that differs takes the newer version. Nothing is dropped without a word:
//! when both sides changed a record, or one side changed what the other
//! deleted, the version that did not win is kept in `Workbook::conflicts` for
//! the user to look at and, if they want it, put back.
//!
//! No two plans share a name after a merge: a plan brought in under a name
//! already taken here is renamed after the backup's day (`tell_plans_apart`),
//! and the report says so.
//!
//! There is no common ancestor to compare with, so "changed on both sides" is
//! worked out from the versions themselves. A record's `updated_at` is the
//! last change to its own fields: adding, changing or removing a record
//! under it leaves it as it is (the rule `Workbook::apply` keeps, written in
//! `records.rs`). So a version whose `updated_at` is still its `created_at`
//! has had no edit of its own fields that the other side lacks. Workbooks
//! saved before that rule marked a goal, project or placement changed when an
//! action, milestone, project or log entry was added under it, so a version
//! whose `updated_at` is the moment something under it was made or changed
//! counts as untouched too. When one side is such an untouched version, the
//! other side's edit simply wins and nothing is listed.

pub mod report;
#[cfg(test)]
mod tests;
pub(crate) mod versions;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::model::assessment::Assessment;
use crate::model::common::dates::long_date;
use crate::model::common::ids::new_id;
use crate::model::common::saved_dates::Moment;
use crate::model::plan::plans::same_name;
use crate::model::plan::Plan;
use crate::model::workbook::document::{Conflict, RecordKind, Tombstone, Workbook};
pub use crate::model::workbook::merge::report::{Counts, MergeOutcome, MergeReport, RenamedPlan};
use crate::model::workbook::merge::versions::{to_value, versions, when};
use crate::model::workbook::records::{Branch, MergeLists};
use crate::model::workbook::tree::ConflictDeletion;
use crate::model::workbook::tree::{for_kind, ForKind, Holder, Kind, Rec, Record};

/// Merges `incoming` (a backup) into `current` (the workbook), at `at`.
///
/// The workbook's own fields: `format` and `schema_version` stay as
/// `current`'s (both have been read into this app's shape), `created_at` is
/// the earlier of the two, `revision` stays `current`'s (it is this browser's
/// save counter: taking a backup's higher one would hide another tab's newer
/// save from the next save's check), `updated_at` is `at`.
/// Deletions are joined, the earliest time kept for a record deleted on both
/// sides; a deletion of a record that stays (changed after it) is dropped, as
/// an undo drops it. Conflicts already listed on either side are kept, and the
/// same version is never listed twice, so merging a backup again adds nothing.
/// The list of kind `K` in the workbook, when `K` is a top-level kind.
/// The list of a top-level kind: one kept in the workbook itself or in one
/// of its sections (read here if it was not: a section that cannot be read
/// has no list, and is left as it is).
fn top_list<K: Kind>(wb: &Workbook) -> Option<&Vec<Rec<K>>> {
    if <K::Up as Holder>::KIND.is_some() {
        return None;
    }
    <K::Up as Holder>::all(wb).into_iter().next().map(K::list)
}

fn top_list_mut<K: Kind>(wb: &mut Workbook) -> Option<&mut Vec<Rec<K>>> {
    if <K::Up as Holder>::KIND.is_some() {
        return None;
    }
    <K::Up as Holder>::all_mut(wb)
        .into_iter()
        .next()
        .map(K::list_mut)
}

/// The merge a `Change::MergeBackup` runs, carried by the change instead of
/// named by the dispatcher. Why: every area's part applies its changes
/// through `Workbook::apply`, and a dispatcher that called `merge` by name
/// would bring the merge's code (about 130 KB before wasm-opt) into each of
/// them; made only where a backup is merged (Your data, the linked file), it
/// comes with those parts alone.
#[derive(Clone, Copy)]
pub struct MergeRun(fn(&Workbook, &Workbook, Moment) -> MergeOutcome);

impl MergeRun {
    /// The merge by record id (`merge`), the only one there is.
    pub fn by_record_id() -> Self {
        MergeRun(merge)
    }

    pub(crate) fn run(self, current: &Workbook, incoming: &Workbook, at: Moment) -> MergeOutcome {
        (self.0)(current, incoming, at)
    }
}

/// Two changes merging the same backup are the same change: there is one
/// merge, and comparing functions' addresses would say nothing about it.
impl PartialEq for MergeRun {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for MergeRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MergeRun")
    }
}

pub fn merge(current: &Workbook, incoming: &Workbook, at: Moment) -> MergeOutcome {
    let mut conflicts = current.conflicts.clone();
    for c in &incoming.conflicts {
        if !conflicts.iter().any(|k| {
            k.id == c.id || (k.record_id == c.record_id && k.other_record == c.other_record)
        }) {
            conflicts.push(c.clone());
        }
    }
    let deleted_at = |w: &Workbook| -> HashMap<String, DateTime<Utc>> {
        w.deleted
            .iter()
            .map(|t| (t.id.clone(), *t.deleted_at))
            .collect()
    };
    let mut merger = Merger {
        at,
        current_deleted: deleted_at(current),
        incoming_deleted: deleted_at(incoming),
        taken: current
            .record_ids()
            .into_iter()
            .map(str::to_string)
            .collect(),
        incoming_ids: incoming
            .record_ids()
            .into_iter()
            .map(str::to_string)
            .collect(),
        conflicts,
        report: MergeReport::default(),
    };
    // The backup's lists as they are to be merged: a partner's assessment
    // under the id this workbook gave it, a plan under the name it has here.
    let mut incoming = incoming.clone();
    incoming.partner_assessments = same_partner_ids(current, &incoming);
    let plans = kept_plan_names(current, &incoming);
    if let Some(list) = incoming.plans_mut() {
        *list = plans;
    }

    // Every top-level list, as the record tree declares them (`tree`): first
    // the records under a top-level record the backup deleted are no longer
    // taken here (in the backup they may live on somewhere else, as the goals
    // of a plan combined into another do); then each list is merged.
    struct Free<'a>(&'a Workbook, &'a mut Merger);
    impl ForKind for Free<'_> {
        type Out = ();
        fn run<K: Kind>(&mut self) {
            if let Some(top) = top_list::<K>(self.0) {
                self.1.free_deleted(top);
            }
        }
    }
    struct MergeTop<'a> {
        current: &'a Workbook,
        incoming: &'a Workbook,
        merged: &'a mut Workbook,
        merger: &'a mut Merger,
    }
    impl ForKind for MergeTop<'_> {
        type Out = ();
        fn run<K: Kind>(&mut self) {
            if let (Some(current), Some(incoming)) =
                (top_list::<K>(self.current), top_list::<K>(self.incoming))
            {
                let list = merge_list(current, incoming, K::KIND, self.merger);
                if let Some(merged) = top_list_mut::<K>(self.merged) {
                    *merged = list;
                }
            }
        }
    }
    for kind in RecordKind::ALL {
        for_kind(*kind, &mut Free(current, &mut merger));
    }
    let mut workbook = current.clone();
    for kind in RecordKind::ALL {
        for_kind(
            *kind,
            &mut MergeTop {
                current,
                incoming: &incoming,
                merged: &mut workbook,
                merger: &mut merger,
            },
        );
    }
    let backup_day = incoming
        .last_backup_at
        .unwrap_or(incoming.updated_at)
        .date_naive();
    // Plans that cannot be read here are not merged (`top_list`): none to rename.
    if let Some(plans) = workbook.plans_mut() {
        merger.report.renamed = tell_plans_apart(plans, current, backup_day, at);
    }

    let mut deleted: Vec<Tombstone> = current.deleted.clone();
    let mut index: HashMap<String, usize> = deleted
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    for t in &incoming.deleted {
        match index.get(&t.id) {
            Some(&i) => deleted[i].deleted_at = deleted[i].deleted_at.min(t.deleted_at),
            None => {
                index.insert(t.id.clone(), deleted.len());
                deleted.push(t.clone());
            }
        }
    }
    let live: HashSet<&str> = workbook.record_ids().into_iter().collect();
    deleted.retain(|t| !live.contains(t.id.as_str()));
    workbook.deleted = deleted;

    workbook.created_at = current.created_at.min(incoming.created_at);
    workbook.revision = current.revision;
    workbook.updated_at = at;
    workbook.conflicts = merger.conflicts;
    MergeOutcome {
        workbook,
        report: merger.report,
    }
}

/// The backup's plans, each one that this workbook also holds but under
/// another name, while its name in the backup is another plan's here, taking
/// its name here. Merging a backup gives a plan brought in under a name
/// already taken a new name (`tell_plans_apart`); this is what keeps that name
/// when the same backup, or a later one from the same browser, is merged again,
/// rather than finding the plan "changed on both sides".
fn kept_plan_names(current: &Workbook, incoming: &Workbook) -> Vec<Plan> {
    incoming
        .plans()
        .iter()
        .map(|theirs| match current.plan(&theirs.id) {
            Some(ours)
                if !same_name(&ours.name, &theirs.name)
                    && current.plan_name_taken(&theirs.name, &theirs.id) =>
            {
                Plan {
                    name: ours.name.clone(),
                    ..theirs.clone()
                }
            }
            _ => theirs.clone(),
        })
        .collect()
}

/// Gives each plan that shares its name with another a name of its own, so
/// that the user can tell them apart, and returns what was renamed. A plan
/// that keeps the name it had in this workbook is never renamed for one from
/// the backup: the plan whose name came from the backup becomes "… (from the
/// backup of 3 December 2026)", after the day the backup was taken (in UTC,
/// as the model knows no time zone), or "… (2)" when that is taken too. Two
/// plans of this workbook sharing a name (saved before names had to differ)
/// are told apart with "(2)", "(3)". A renamed plan is stamped as changed at
/// `at`, the newest change to it, so that merging the backup again keeps the
/// new name.
fn tell_plans_apart(
    plans: &mut [Plan],
    current: &Workbook,
    backup_day: chrono::NaiveDate,
    at: Moment,
) -> Vec<RenamedPlan> {
    let kept_here = |p: &Plan| {
        current
            .plan(&p.id)
            .is_some_and(|ours| same_name(&ours.name, &p.name))
    };
    // Plans that keep their name here claim it first, then the rest, each
    // group in list order.
    let mut order: Vec<usize> = (0..plans.len()).filter(|&i| kept_here(&plans[i])).collect();
    order.extend((0..plans.len()).filter(|&i| !kept_here(&plans[i])));
    let mut names: Vec<String> = plans.iter().map(|p| p.name.to_string()).collect();
    let mut claimed: Vec<String> = Vec::new();
    let mut renamed = Vec::new();
    for i in order {
        let plan = &mut plans[i];
        if !claimed.iter().any(|c| same_name(c, &plan.name)) {
            claimed.push(plan.name.to_string());
            continue;
        }
        let from_backup = !kept_here(plan);
        let base = plan.name.trim().to_string();
        let free = |name: &String| !names.iter().any(|n| same_name(n, name));
        let new_name = from_backup
            .then(|| format!("{base} (from the backup of {})", long_date(backup_day)))
            .filter(free)
            .unwrap_or_else(|| {
                (2..)
                    .map(|n| format!("{base} ({n})"))
                    .find(free)
                    .expect("some number is free")
            });
        renamed.push(RenamedPlan {
            id: plan.id.clone(),
            was: std::mem::replace(&mut plan.name, new_name.clone()),
            now: new_name.clone(),
            from_backup,
        });
        plan.updated_at = at;
        names.push(new_name.clone());
        claimed.push(new_name);
    }
    renamed
}

/// The backup's partner assessments, each one that is a copy of a partner's
/// assessment this workbook imported under another id of its own taking that
/// id, so importing the same file on two devices does not leave two copies.
fn same_partner_ids(current: &Workbook, incoming: &Workbook) -> Vec<Assessment> {
    let known = |id: &str| current.partner_assessment(id).is_some() || current.was_deleted(id);
    incoming
        .partner_assessments
        .iter()
        .map(|theirs| {
            let ours = current
                .partner_assessments
                .iter()
                .find(|p| theirs.original_id.is_some() && p.original_id == theirs.original_id);
            match ours {
                Some(ours) if !known(&theirs.id) => Assessment {
                    id: ours.id.clone(),
                    ..theirs.clone()
                },
                _ => theirs.clone(),
            }
        })
        .collect()
}

/// What a merge carries from level to level.
struct Merger {
    at: Moment,
    /// When this workbook deleted each record it deleted.
    current_deleted: HashMap<String, DateTime<Utc>>,
    /// When the backup deleted each record it deleted.
    incoming_deleted: HashMap<String, DateTime<Utc>>,
    /// Every id in this workbook (less those under a record the backup's
    /// deletion removes) and every id added so far, so no id is used twice.
    taken: HashSet<String>,
    /// Every id in the backup, at every level.
    incoming_ids: HashSet<String>,
    conflicts: Vec<Conflict>,
    report: MergeReport,
}

/// Which side a deletion was made on.
#[derive(Clone, Copy)]
enum DeletedIn {
    Backup,
    Here,
}

impl Merger {
    /// Frees the ids under each record of `list` that the backup's deletion
    /// removes (by the rule `merge_list` applies), so a record of it that the
    /// backup holds elsewhere can be added there.
    fn free_deleted<T: Record>(&mut self, list: &[T]) {
        for record in list {
            let removed = !self.incoming_ids.contains(record.id())
                && self
                    .incoming_deleted
                    .get(record.id())
                    .is_some_and(|deleted_at| *deleted_at >= record.latest());
            if removed {
                let mut ids = Vec::new();
                record.ids(&mut ids);
                for id in ids {
                    self.taken.remove(id);
                }
            }
        }
    }

    /// Lists a conflict unless the same version of the record is already
    /// listed: the two versions in short (`kept`, `other`), the other one
    /// itself, and the deletion it is, if it is one. Returns whether it was
    /// listed.
    fn list(
        &mut self,
        kind: RecordKind,
        record_id: &str,
        description: String,
        (kept, other): (String, String),
        other_record: Value,
        deletion: Option<ConflictDeletion>,
    ) -> bool {
        if self
            .conflicts
            .iter()
            .any(|c| c.record_id == record_id && c.other_record == other_record)
        {
            return false;
        }
        self.conflicts.push(Conflict {
            id: new_id("conflict"),
            record_id: record_id.to_string(),
            kind,
            description,
            kept,
            other,
            other_record,
            found_at: self.at,
            deletion: deletion.as_ref().map(to_value),
        });
        self.report.conflicts.add(kind, 1);
        true
    }

    /// Lists a record kept although one side deleted it.
    fn list_revived<T: Record>(
        &mut self,
        kind: RecordKind,
        record: &T,
        last_change: DateTime<Utc>,
        deleted_at: DateTime<Utc>,
        side: DeletedIn,
    ) {
        let (kept, other) = match side {
            DeletedIn::Backup => (
                format!(
                    "In this workbook, changed {} after the backup deleted it",
                    when(last_change)
                ),
                format!("Deleted in the backup {}", when(deleted_at)),
            ),
            DeletedIn::Here => (
                format!(
                    "From the backup, where it was changed {} after it was deleted here",
                    when(last_change)
                ),
                format!("Deleted in this workbook {}", when(deleted_at)),
            ),
        };
        let deletion = ConflictDeletion {
            in_backup: matches!(side, DeletedIn::Backup),
            deleted_at: Moment(deleted_at),
            changed_at: Moment(last_change),
        };
        if self.list(
            kind,
            record.id(),
            record.describe(kind),
            (kept, other),
            Value::Null,
            Some(deletion),
        ) {
            self.report.revived.add(kind, 1);
        }
    }

    /// Lists the version that lost to `winner`.
    fn list_loser<T: Record>(&mut self, kind: RecordKind, winner: &T, loser: &T) {
        let winner_json = to_value(winner);
        let loser_json = to_value(loser);
        let (kept, other) = versions(
            &winner_json,
            winner.updated_at(),
            &loser_json,
            loser.updated_at(),
        );
        self.list(
            kind,
            winner.id(),
            winner.describe(kind),
            (kept, other),
            loser_json,
            None,
        );
    }
}

/// Merges two lists of the same kind of record, matching them by id: this
/// workbook's records first in their order, then the backup's new ones.
fn merge_list<T: Record>(
    current: &[T],
    incoming: &[T],
    kind: RecordKind,
    m: &mut Merger,
) -> Vec<T> {
    let mut theirs: HashMap<&str, &T> = HashMap::new();
    for record in incoming {
        theirs.entry(record.id()).or_insert(record);
    }
    let ours: HashSet<&str> = current.iter().map(Record::id).collect();
    let mut out = Vec::with_capacity(current.len().max(incoming.len()));
    for record in current {
        if let Some(other) = theirs.get(record.id()) {
            out.push(merge_pair(record, other, kind, m));
            continue;
        }
        let last_change = record.latest();
        match m.incoming_deleted.get(record.id()).copied() {
            Some(deleted_at) if deleted_at >= last_change => {
                // What the backup holds elsewhere (moved there) is not deleted.
                record.count_by_kind(
                    kind,
                    |id| !m.incoming_ids.contains(id),
                    &mut m.report.deletions,
                );
            }
            deleted => {
                let mut kept = record.own();
                kept.merge_children(record, &record.own(), m);
                if let Some(deleted_at) = deleted {
                    m.list_revived(kind, &kept, last_change, deleted_at, DeletedIn::Backup);
                }
                out.push(kept);
            }
        }
    }
    let mut seen = HashSet::new();
    for record in incoming {
        if ours.contains(record.id()) || !seen.insert(record.id()) {
            continue;
        }
        let last_change = record.latest();
        match m.current_deleted.get(record.id()).copied() {
            Some(deleted_at) if deleted_at >= last_change => {
                // What this workbook holds elsewhere (moved there) is not left out.
                record.count_by_kind(
                    kind,
                    |id| !m.taken.contains(id),
                    &mut m.report.stayed_deleted,
                );
            }
            _ if m.taken.contains(record.id()) => {
                // The same id is somewhere else in this workbook: adding it
                // here would use the id twice, so it is listed instead.
                let description = record.describe(kind);
                m.list(
                    kind,
                    record.id(),
                    description,
                    (
                        "In this workbook, in another place".into(),
                        format!(
                            "From the backup, in another place. Last changed {}",
                            when(record.updated_at())
                        ),
                    ),
                    to_value(record),
                    None,
                );
            }
            deleted => {
                m.taken.insert(record.id().to_string());
                m.report.added.add(kind, 1);
                let mut added = record.own();
                added.merge_children(&record.own(), record, m);
                if let Some(deleted_at) = deleted {
                    m.list_revived(kind, &added, last_change, deleted_at, DeletedIn::Here);
                }
                out.push(added);
            }
        }
    }
    out
}

/// Merges two versions of one record: the records under it one by one, and
/// its own fields by which side changed them.
fn merge_pair<T: Record>(current: &T, incoming: &T, kind: RecordKind, m: &mut Merger) -> T {
    let ours = current.own();
    let theirs = incoming.own();
    let same = {
        let mut theirs = theirs.clone();
        theirs.set_updated_at(ours.updated_at());
        theirs == ours
    };
    let (winner, loser, listed) = if same {
        m.report.unchanged += 1;
        let mut merged = ours.clone();
        merged.set_updated_at(ours.updated_at().max(theirs.updated_at()));
        (merged, None, false)
    } else {
        let ours_untouched = current.untouched();
        let theirs_untouched = incoming.untouched();
        let incoming_wins = match (ours_untouched, theirs_untouched) {
            (true, false) => true,
            (false, true) => false,
            _ => theirs.updated_at() > ours.updated_at(),
        };
        let listed = ours_untouched == theirs_untouched;
        if incoming_wins {
            m.report.updated.add(kind, 1);
            (theirs, Some(ours), listed)
        } else {
            m.report.kept.add(kind, 1);
            (ours, Some(theirs), listed)
        }
    };
    if let (Some(loser), true) = (&loser, listed) {
        m.list_loser(kind, &winner, loser);
    }
    let mut merged = winner;
    merged.merge_children(current, incoming, m);
    merged
}

impl MergeLists for Merger {
    fn merge_list<T: Record>(&mut self, current: &[T], incoming: &[T], kind: RecordKind) -> Vec<T> {
        merge_list(current, incoming, kind, self)
    }
}
