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
//! worked out from the versions themselves: a version whose `updated_at` is
//! still its `created_at`, or (for a plan, goal, placement or project) the
//! moment something under it was added or changed, has had no edit of its own
//! fields that the other side lacks. When one side is such an untouched
//! version, the other side's edit simply wins and nothing is listed.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::changes::{Refusal, Stamp};
use super::workbook::{RecordKind, Tombstone, Workbook};
use crate::model::assessment::Assessment;
use crate::model::common::dates::{clock_time, long_date};
use crate::model::common::ids::new_id;
use crate::model::common::saved_dates::{read_day, Moment};
use crate::model::common::validation::FieldError;
use crate::model::placement::{ActivityEntry, Milestone, Placement, Project};
use crate::model::plan::plans::same_name;
use crate::model::plan::{Action, EvidenceEntry, Goal, Plan, Review, SelfRating};

/// A version of a record that lost in a merge, kept so the user can decide.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Conflict {
    pub id: String,
    /// The id of the record the two versions are of.
    pub record_id: String,
    pub kind: RecordKind,
    /// What the record is, in plain English: `the goal "Chair the board"`.
    pub description: String,
    /// The version in the workbook now, in short: the fields that differ and
    /// when it was last changed.
    pub kept: String,
    /// The other version, in the same words (or when it was deleted).
    pub other: String,
    /// The other version, to put back with `resolve_conflict_use_other`:
    /// the record without the records under it (those are merged one by
    /// one), or `null` when the other version is the record's deletion.
    pub other_record: Value,
    pub found_at: Moment,
}

/// The merged workbook and what the merge did.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeOutcome {
    pub workbook: Workbook,
    pub report: MergeReport,
}

/// A plan given a new name by a merge, because another plan had its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenamedPlan {
    pub id: String,
    /// The name it had (in the backup, or here).
    pub was: String,
    /// The name it has now.
    pub now: String,
    /// True when the name came from the backup; false for two plans of this
    /// workbook that already shared a name (saved by an older version).
    pub from_backup: bool,
}

/// How many records each part of a merge touched. Every record counts, at
/// every level: a plan added with two goals is three records added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// On the backup's side only, and now in the workbook.
    pub added: usize,
    /// On both sides, differing: the backup's version was newer and is now in place.
    pub updated: usize,
    /// On both sides, differing: this workbook's version was newer (or as
    /// new) and stays.
    pub kept: usize,
    /// On both sides, the same.
    pub unchanged: usize,
    /// Versions newly listed under conflicts (including `revived`).
    pub conflicts: usize,
    /// Records kept although the other side deleted them, because they were
    /// changed after the deletion; each is listed under conflicts.
    pub revived: usize,
    /// Records removed here because the backup deleted them after their last change.
    pub deletions: usize,
    /// Records in the backup not brought back because they were deleted
    /// here after their last change.
    pub stayed_deleted: usize,
    /// Plans renamed so that no two plans share a name.
    pub renamed: Vec<RenamedPlan>,
}

impl MergeReport {
    /// True when the merge changed no record.
    pub fn changed_nothing(&self) -> bool {
        self.added + self.updated + self.conflicts + self.deletions + self.renamed.len() == 0
    }

    /// Plain-English lines for the user, such as "3 records added".
    pub fn lines(&self) -> Vec<String> {
        fn records(n: usize) -> String {
            format!("{n} {}", if n == 1 { "record" } else { "records" })
        }
        fn was(n: usize) -> &'static str {
            if n == 1 {
                "it was"
            } else {
                "they were"
            }
        }
        let mut lines = Vec::new();
        if self.added > 0 {
            lines.push(format!("{} added", records(self.added)));
        }
        if self.updated > 0 {
            lines.push(format!(
                "{} updated to the backup's newer version",
                records(self.updated)
            ));
        }
        if self.kept > 0 {
            lines.push(format!(
                "{} kept as in this workbook, where {} changed more recently",
                records(self.kept),
                was(self.kept)
            ));
        }
        if self.deletions > 0 {
            lines.push(format!(
                "{} deleted, as {} deleted in the backup",
                records(self.deletions),
                was(self.deletions)
            ));
        }
        if self.stayed_deleted > 0 {
            lines.push(format!(
                "{} in the backup not brought back, as {} deleted in this workbook",
                records(self.stayed_deleted),
                was(self.stayed_deleted)
            ));
        }
        let both = self.conflicts.saturating_sub(self.revived);
        if both > 0 {
            lines.push(format!(
                "{} changed on both sides: the newer version is kept and the other is listed under conflicts",
                records(both)
            ));
        }
        if self.revived > 0 {
            lines.push(format!(
                "{} kept although deleted on one side, as {} changed after the deletion: listed under conflicts",
                records(self.revived),
                was(self.revived)
            ));
        }
        for r in &self.renamed {
            lines.push(if r.from_backup {
                format!(
                    "The plan \"{}\" from the backup is now called \"{}\", as you already have a plan called \"{}\"",
                    r.was, r.now, r.was
                )
            } else {
                format!(
                    "Your plan \"{}\" is now called \"{}\", as another of your plans has the same name",
                    r.was, r.now
                )
            });
        }
        if lines.is_empty() {
            lines.push(
                "Nothing to merge: this workbook already holds everything in the backup".into(),
            );
        }
        lines
    }
}

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
    // A record under a plan (or any top-level record) the backup deleted is
    // no longer taken here: in the backup it may live on somewhere else, as
    // the goals of a plan combined into another do.
    merger.free_deleted(&current.assessments);
    merger.free_deleted(&current.partner_assessments);
    merger.free_deleted(&current.plans);
    merger.free_deleted(&current.placements);

    let mut workbook = current.clone();
    workbook.assessments = merge_list(
        &current.assessments,
        &incoming.assessments,
        RecordKind::Assessment,
        &mut merger,
    );
    workbook.partner_assessments = merge_list(
        &current.partner_assessments,
        &same_partner_ids(current, incoming),
        RecordKind::PartnerAssessment,
        &mut merger,
    );
    workbook.plans = merge_list(
        &current.plans,
        &kept_plan_names(current, incoming),
        RecordKind::Plan,
        &mut merger,
    );
    let backup_day = incoming
        .last_backup_at
        .unwrap_or(incoming.updated_at)
        .date_naive();
    merger.report.renamed = tell_plans_apart(&mut workbook.plans, current, backup_day, at);
    workbook.placements = merge_list(
        &current.placements,
        &incoming.placements,
        RecordKind::Placement,
        &mut merger,
    );

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
        .plans
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

impl Workbook {
    /// The id of every record in the workbook, at every level.
    pub fn record_ids(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        for a in self.assessments.iter().chain(&self.partner_assessments) {
            a.ids(&mut ids);
        }
        for p in &self.plans {
            p.ids(&mut ids);
        }
        for p in &self.placements {
            p.ids(&mut ids);
        }
        ids
    }

    pub fn conflict(&self, id: &str) -> Option<&Conflict> {
        self.conflicts.iter().find(|c| c.id == id)
    }

    /// Keeps the version in the workbook: the conflict is dropped.
    pub fn resolve_conflict_keep_current(
        &mut self,
        conflict_id: &str,
        at: Moment,
    ) -> Result<(), Refusal> {
        let before = self.conflicts.len();
        self.conflicts.retain(|c| c.id != conflict_id);
        if self.conflicts.len() == before {
            return Err(Refusal::NotFound);
        }
        self.updated_at = at;
        Ok(())
    }

    /// Puts the conflict's other version in place of the record, keeping the
    /// records under it (they were merged one by one), and drops the
    /// conflict. When the other version is a deletion, the record is deleted
    /// (leaving a tombstone, as any deletion does). The record's `updated_at`
    /// becomes `at`: choosing a version is the newest change to it. Refused,
    /// changing nothing, with `NotFound` when the conflict or the record is
    /// no longer in the workbook.
    pub fn resolve_conflict_use_other(
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
        self.updated_at = at;
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
    /// listed. Returns whether it was listed.
    fn list(
        &mut self,
        kind: RecordKind,
        record_id: &str,
        description: String,
        kept: String,
        other: String,
        other_record: Value,
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
        });
        self.report.conflicts += 1;
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
        if self.list(
            kind,
            record.id(),
            record.describe(kind),
            kept,
            other,
            Value::Null,
        ) {
            self.report.revived += 1;
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
            kept,
            other,
            loser_json,
        );
    }
}

fn to_value<T: Serialize>(record: &T) -> Value {
    // Records are plain structs with string keys: serialising cannot fail.
    // Through compact text, with the writer the workbook is saved with, so
    // the browser build needs no second writer for JSON values.
    let text = serde_json::to_string(record).expect("a record serialises");
    serde_json::from_str(&text).expect("what serde_json wrote, it reads")
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
                m.report.deletions += record.count(|id| !m.incoming_ids.contains(id));
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
                m.report.stayed_deleted += record.count(|id| !m.taken.contains(id));
            }
            _ if m.taken.contains(record.id()) => {
                // The same id is somewhere else in this workbook: adding it
                // here would use the id twice, so it is listed instead.
                let description = record.describe(kind);
                m.list(
                    kind,
                    record.id(),
                    description,
                    "In this workbook, in another place".into(),
                    format!(
                        "From the backup, in another place. Last changed {}",
                        when(record.updated_at())
                    ),
                    to_value(record),
                );
            }
            deleted => {
                m.taken.insert(record.id().to_string());
                m.report.added += 1;
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
            m.report.updated += 1;
            (theirs, Some(ours), listed)
        } else {
            m.report.kept += 1;
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

/// "24 November 2026 at 09:05 UTC".
fn when(at: DateTime<Utc>) -> String {
    format!("{} at {} UTC", long_date(at.date_naive()), clock_time(&at))
}

/// Short summaries of two versions of a record (as JSON): the fields that
/// differ, with their values, and when each was last changed.
fn versions(
    kept: &Value,
    kept_at: DateTime<Utc>,
    other: &Value,
    other_at: DateTime<Utc>,
) -> (String, String) {
    let ours = fields(kept);
    let theirs = fields(other);
    let mut keys: Vec<&str> = ours.iter().map(|(k, _)| k.as_str()).collect();
    for (k, _) in &theirs {
        if !keys.contains(&k.as_str()) {
            keys.push(k.as_str());
        }
    }
    let look = |list: &[(String, String)], key: &str| {
        list.iter()
            .find(|(k, _)| k == key)
            .map_or_else(|| "(none)".to_string(), |(_, v)| v.clone())
    };
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for key in keys {
        let (x, y) = (look(&ours, key), look(&theirs, key));
        if x != y {
            a.push(format!("{key}: {x}"));
            b.push(format!("{key}: {y}"));
        }
    }
    let summary = |diffs: Vec<String>, at| {
        let changed = format!("last changed {}", when(at));
        let text = if diffs.is_empty() {
            changed
        } else {
            format!("{}. {}", diffs.join("; "), capitalised(&changed))
        };
        capitalised(&text)
    };
    (summary(a, kept_at), summary(b, other_at))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A record's own fields as (label, value shown) pairs, nested fields
/// flattened ("answers › power-1 › rating › level"), its id and times left out.
fn fields(value: &Value) -> Vec<(String, String)> {
    fn label(key: &str) -> String {
        key.replace('_', " ")
    }
    fn flatten(path: String, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) if !map.is_empty() => {
                for (key, v) in map {
                    flatten(format!("{path} › {}", label(key)), v, out);
                }
            }
            other => out.push((path, shown(other))),
        }
    }
    let mut out = Vec::new();
    if let Value::Object(map) = value {
        for (key, v) in map {
            if !["id", "created_at", "updated_at"].contains(&key.as_str()) {
                flatten(label(key), v, &mut out);
            }
        }
    }
    out
}

/// A value as a person reads it: dates written out, text quoted and cut short.
fn shown(value: &Value) -> String {
    const LONGEST: usize = 120;
    match value {
        Value::Null => "(none)".into(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.is_empty() => "(empty)".into(),
        Value::String(s) => match read_day(s) {
            Ok(date) => long_date(date),
            Err(_) if s.chars().count() > LONGEST => {
                format!("\"{}…\"", s.chars().take(LONGEST).collect::<String>())
            }
            Err(_) => format!("\"{s}\""),
        },
        Value::Array(items) if items.is_empty() => "(none)".into(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        Value::Object(map) if map.is_empty() => "(none)".into(),
        Value::Object(_) => value.to_string(),
    }
}

/// What merging needs of every kind of record.
trait Record: Clone + PartialEq + Serialize + DeserializeOwned {
    fn id(&self) -> &str;
    fn created_at(&self) -> DateTime<Utc>;
    fn updated_at(&self) -> DateTime<Utc>;
    fn set_updated_at(&mut self, at: DateTime<Utc>);
    /// What it is, in plain English: `the goal "Chair the board"`.
    fn describe(&self, kind: RecordKind) -> String;

    /// The record without the records under it.
    fn own(&self) -> Self {
        self.clone()
    }
    /// Sets the records under `self` (an `own()` copy) to those under
    /// `current` and `incoming`, merged.
    fn merge_children(&mut self, _current: &Self, _incoming: &Self, _m: &mut Merger) {}
    /// Takes the records under `from` as its own.
    fn adopt_children(&mut self, _from: &mut Self) {}
    /// The times of the records directly under it (made and last changed).
    fn child_times(&self) -> Vec<DateTime<Utc>> {
        Vec::new()
    }
    /// The last change to it or to anything under it.
    fn latest(&self) -> DateTime<Utc> {
        self.updated_at()
    }
    /// Its id and the ids of everything under it.
    fn ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.push(self.id());
    }

    /// How many records it is, with those under it, counting only the ids
    /// `counted` takes.
    fn count(&self, counted: impl Fn(&str) -> bool) -> usize {
        let mut ids = Vec::new();
        self.ids(&mut ids);
        ids.into_iter().filter(|id| counted(id)).count()
    }
    /// True when its own fields cannot have been edited since it was made,
    /// or since the last change under it (adding an action to a goal, say,
    /// marks the goal changed at that moment).
    fn untouched(&self) -> bool {
        self.updated_at() == self.created_at() || self.child_times().contains(&self.updated_at())
    }
}

macro_rules! times {
    () => {
        fn id(&self) -> &str {
            &self.id
        }
        fn created_at(&self) -> DateTime<Utc> {
            *self.created_at
        }
        fn updated_at(&self) -> DateTime<Utc> {
            *self.updated_at
        }
        fn set_updated_at(&mut self, at: DateTime<Utc>) {
            self.updated_at = Moment(at);
        }
    };
}

/// The made and last-changed times of each record in a list.
fn times_of<T: Record>(list: &[T]) -> impl Iterator<Item = DateTime<Utc>> + '_ {
    list.iter().flat_map(|r| [r.created_at(), r.updated_at()])
}

fn latest_of<T: Record>(list: &[T]) -> Option<DateTime<Utc>> {
    list.iter().map(Record::latest).max()
}

/// Merges two dated lists and puts the result in date order, as adding one does.
fn merge_dated<T: Record, K: Ord>(
    current: &[T],
    incoming: &[T],
    kind: RecordKind,
    m: &mut Merger,
    date: fn(&T) -> K,
) -> Vec<T> {
    let mut list = merge_list(current, incoming, kind, m);
    list.sort_by_key(date);
    list
}

impl Record for Assessment {
    times!();
    fn describe(&self, kind: RecordKind) -> String {
        match kind {
            RecordKind::PartnerAssessment => format!("your partner's assessment {}", self.title()),
            _ => format!("the assessment {}", self.title()),
        }
    }
}

impl Record for Action {
    times!();
    fn describe(&self, _: RecordKind) -> String {
        format!("the action \"{}\"", self.text)
    }
}

impl Record for EvidenceEntry {
    times!();
    fn describe(&self, _: RecordKind) -> String {
        format!("the evidence from {}", long_date(self.date))
    }
}

impl Record for Review {
    times!();
    fn describe(&self, _: RecordKind) -> String {
        format!("the review of {}", long_date(self.date))
    }
}

impl Record for SelfRating {
    times!();
    fn describe(&self, _: RecordKind) -> String {
        format!("the self-rating of {}", long_date(self.date))
    }
}

impl Record for Milestone {
    times!();
    fn describe(&self, _: RecordKind) -> String {
        format!("the milestone \"{}\"", self.title)
    }
}

impl Record for ActivityEntry {
    times!();
    fn describe(&self, _: RecordKind) -> String {
        format!(
            "the log entry of {} ({})",
            long_date(self.date),
            self.activity_type.label().to_lowercase()
        )
    }
}

impl Record for Goal {
    times!();
    fn describe(&self, _: RecordKind) -> String {
        format!("the goal \"{}\"", self.title)
    }
    fn own(&self) -> Self {
        Goal {
            actions: Vec::new(),
            evidence: Vec::new(),
            ..self.clone()
        }
    }
    fn merge_children(&mut self, current: &Self, incoming: &Self, m: &mut Merger) {
        self.actions = merge_list(&current.actions, &incoming.actions, RecordKind::Action, m);
        self.evidence = merge_dated(
            &current.evidence,
            &incoming.evidence,
            RecordKind::Evidence,
            m,
            |e| e.date,
        );
    }
    fn adopt_children(&mut self, from: &mut Self) {
        self.actions = std::mem::take(&mut from.actions);
        self.evidence = std::mem::take(&mut from.evidence);
    }
    fn child_times(&self) -> Vec<DateTime<Utc>> {
        times_of(&self.actions)
            .chain(times_of(&self.evidence))
            .collect()
    }
    fn latest(&self) -> DateTime<Utc> {
        [*self.updated_at]
            .into_iter()
            .chain(latest_of(&self.actions))
            .chain(latest_of(&self.evidence))
            .max()
            .unwrap_or(*self.updated_at)
    }
    fn ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.push(&self.id);
        out.extend(self.actions.iter().map(|a| a.id.as_str()));
        out.extend(self.evidence.iter().map(|e| e.id.as_str()));
    }
}

impl Record for Plan {
    times!();
    fn describe(&self, _: RecordKind) -> String {
        format!("the plan \"{}\"", self.name)
    }
    fn own(&self) -> Self {
        Plan {
            goals: Vec::new(),
            reviews: Vec::new(),
            self_ratings: Vec::new(),
            ..self.clone()
        }
    }
    fn merge_children(&mut self, current: &Self, incoming: &Self, m: &mut Merger) {
        self.goals = merge_list(&current.goals, &incoming.goals, RecordKind::Goal, m);
        self.reviews = merge_dated(
            &current.reviews,
            &incoming.reviews,
            RecordKind::Review,
            m,
            |r| r.date,
        );
        self.self_ratings = merge_dated(
            &current.self_ratings,
            &incoming.self_ratings,
            RecordKind::SelfRating,
            m,
            |r| r.date,
        );
    }
    fn adopt_children(&mut self, from: &mut Self) {
        self.goals = std::mem::take(&mut from.goals);
        self.reviews = std::mem::take(&mut from.reviews);
        self.self_ratings = std::mem::take(&mut from.self_ratings);
    }
    fn child_times(&self) -> Vec<DateTime<Utc>> {
        times_of(&self.goals)
            .chain(times_of(&self.reviews))
            .chain(times_of(&self.self_ratings))
            .collect()
    }
    fn latest(&self) -> DateTime<Utc> {
        [*self.updated_at]
            .into_iter()
            .chain(latest_of(&self.goals))
            .chain(latest_of(&self.reviews))
            .chain(latest_of(&self.self_ratings))
            .max()
            .unwrap_or(*self.updated_at)
    }
    fn ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.push(&self.id);
        for g in &self.goals {
            g.ids(out);
        }
        out.extend(self.reviews.iter().map(|r| r.id.as_str()));
        out.extend(self.self_ratings.iter().map(|r| r.id.as_str()));
    }
}

impl Record for Project {
    times!();
    fn describe(&self, _: RecordKind) -> String {
        format!("the project \"{}\"", self.title)
    }
    fn own(&self) -> Self {
        Project {
            milestones: Vec::new(),
            ..self.clone()
        }
    }
    fn merge_children(&mut self, current: &Self, incoming: &Self, m: &mut Merger) {
        self.milestones = merge_dated(
            &current.milestones,
            &incoming.milestones,
            RecordKind::Milestone,
            m,
            |m| m.planned,
        );
    }
    fn adopt_children(&mut self, from: &mut Self) {
        self.milestones = std::mem::take(&mut from.milestones);
    }
    fn child_times(&self) -> Vec<DateTime<Utc>> {
        times_of(&self.milestones).collect()
    }
    fn latest(&self) -> DateTime<Utc> {
        latest_of(&self.milestones).map_or(*self.updated_at, |l| l.max(*self.updated_at))
    }
    fn ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.push(&self.id);
        out.extend(self.milestones.iter().map(|m| m.id.as_str()));
    }
}

impl Record for Placement {
    times!();
    fn describe(&self, _: RecordKind) -> String {
        format!("the placement at {}", self.title())
    }
    fn own(&self) -> Self {
        Placement {
            projects: Vec::new(),
            entries: Vec::new(),
            ..self.clone()
        }
    }
    fn merge_children(&mut self, current: &Self, incoming: &Self, m: &mut Merger) {
        self.projects = merge_list(
            &current.projects,
            &incoming.projects,
            RecordKind::Project,
            m,
        );
        self.entries = merge_dated(
            &current.entries,
            &incoming.entries,
            RecordKind::Activity,
            m,
            |e| e.date,
        );
    }
    fn adopt_children(&mut self, from: &mut Self) {
        self.projects = std::mem::take(&mut from.projects);
        self.entries = std::mem::take(&mut from.entries);
    }
    fn child_times(&self) -> Vec<DateTime<Utc>> {
        times_of(&self.projects)
            .chain(times_of(&self.entries))
            .collect()
    }
    fn latest(&self) -> DateTime<Utc> {
        [*self.updated_at]
            .into_iter()
            .chain(latest_of(&self.projects))
            .chain(latest_of(&self.entries))
            .max()
            .unwrap_or(*self.updated_at)
    }
    fn ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.push(&self.id);
        for p in &self.projects {
            p.ids(out);
        }
        out.extend(self.entries.iter().map(|e| e.id.as_str()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::{AssessmentDraft, Rating, Role};
    use crate::model::document::backup::{read_workbook, to_json};
    use crate::model::document::changes::GoalPlace;
    use crate::model::placement::{
        ActivityDraft, ActivityType, MilestoneDraft, PlacementDraft, ProjectDraft,
    };
    use crate::model::plan::{ActionDraft, GoalDraft, PlanDraft};
    use crate::model::Change;

    fn stamp(minute: u32) -> Stamp {
        Stamp::on(2026, 11, 24, 9, minute)
    }

    fn apply(wb: &mut Workbook, change: Change, minute: u32) {
        wb.apply(&change, stamp(minute)).unwrap();
    }

    fn goal(title: &str) -> GoalDraft {
        GoalDraft {
            title: title.into(),
            ..Default::default()
        }
    }

    fn retitle(wb: &mut Workbook, id: &str, title: &str, minute: u32) {
        let mut draft = GoalDraft::of(wb.goal(id).unwrap().1);
        draft.title = title.into();
        apply(
            wb,
            Change::UpdateGoal {
                id: id.into(),
                draft,
            },
            minute,
        );
    }

    fn activity(date: &str, what: &str) -> ActivityDraft {
        ActivityDraft {
            date: date.into(),
            time_spent: "1h".into(),
            activity_type: Some(ActivityType::PathwayDesign),
            what_done: what.into(),
            ..Default::default()
        }
    }

    fn milestone(title: &str, planned: &str) -> MilestoneDraft {
        MilestoneDraft {
            title: title.into(),
            planned: planned.into(),
            done: String::new(),
        }
    }

    /// A workbook with an assessment "a1", a plan "p1" with a goal "g1" and
    /// its action "act1", and a placement "pl" with a project "pr", a
    /// milestone "m1" and a log entry "e1". Everything made by minute 4.
    fn base() -> Workbook {
        let mut wb = Workbook::new(stamp(0).at);
        let assessment = AssessmentDraft {
            partnership: "East Kent".into(),
            clinical_area: "Respiratory".into(),
            role: Some(Role::Clinician),
            date: "2026-11-24".into(),
        };
        apply(
            &mut wb,
            Change::StartAssessment {
                id: "a1".into(),
                draft: assessment,
            },
            1,
        );
        let plan = PlanDraft {
            name: "2026 to 2027".into(),
            ..Default::default()
        };
        apply(
            &mut wb,
            Change::AddPlan {
                id: "p1".into(),
                draft: plan,
            },
            1,
        );
        let add_goal = Change::AddGoal {
            id: "g1".into(),
            place: GoalPlace::Plan("p1".into()),
            draft: goal("Chair the board"),
        };
        apply(&mut wb, add_goal, 2);
        let action = ActionDraft {
            text: "Meet the chair".into(),
            due: String::new(),
        };
        apply(
            &mut wb,
            Change::AddAction {
                id: "act1".into(),
                goal_id: "g1".into(),
                draft: action,
            },
            3,
        );
        let placement = PlacementDraft {
            organisation: "NHS Kent".into(),
            start: "2026-09-01".into(),
            ..Default::default()
        };
        apply(
            &mut wb,
            Change::AddPlacement {
                id: "pl".into(),
                draft: placement,
            },
            3,
        );
        let project = ProjectDraft {
            title: "Pathway".into(),
            ..Default::default()
        };
        apply(
            &mut wb,
            Change::AddProject {
                id: "pr".into(),
                placement_id: "pl".into(),
                draft: project,
            },
            4,
        );
        let add_milestone = Change::AddMilestone {
            id: "m1".into(),
            project_id: "pr".into(),
            draft: milestone("Map it", "2026-10-15"),
        };
        apply(&mut wb, add_milestone, 4);
        let entry = Change::AddActivity {
            id: "e1".into(),
            placement_id: "pl".into(),
            draft: activity("2026-10-01", "Mapped the pathway"),
        };
        apply(&mut wb, entry, 4);
        wb
    }

    fn assert_ids_unique(wb: &Workbook) {
        let ids = wb.record_ids();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "no id twice in {ids:?}");
    }

    #[test]
    fn merging_a_workbook_with_itself_changes_nothing() {
        let mut wb = base();
        retitle(&mut wb, "g1", "Chair the programme board", 6);
        apply(&mut wb, Change::RemoveEntry { id: "act1".into() }, 7);
        let outcome = merge(&wb, &wb, stamp(30).at);
        assert!(outcome.report.changed_nothing());
        assert_eq!(outcome.report.conflicts, 0);
        assert_eq!(outcome.report.unchanged, wb.record_ids().len());
        assert_eq!(
            outcome.report.lines(),
            vec!["Nothing to merge: this workbook already holds everything in the backup"]
        );
        let mut merged = outcome.workbook;
        assert_eq!(merged.updated_at, stamp(30).at);
        merged.updated_at = wb.updated_at;
        assert_eq!(merged, wb);
    }

    #[test]
    fn records_on_one_side_are_added_once_however_often_the_backup_is_merged() {
        let shared = base();
        let mut here = shared.clone();
        apply(&mut here, Change::add_goal(Some("p1"), goal("Here")), 10);
        let mut backup = shared.clone();
        let there = Change::add_goal(Some("p1"), goal("There"));
        let there_id = there.created_id().unwrap().to_string();
        apply(&mut backup, there, 11);
        let action = Change::add_action(
            &there_id,
            ActionDraft {
                text: "Ask".into(),
                due: String::new(),
            },
        );
        apply(&mut backup, action, 12);
        let plan = Change::add_plan(PlanDraft {
            name: "Next year".into(),
            ..Default::default()
        });
        apply(&mut backup, plan, 12);
        let entry = Change::add_activity("pl", activity("2026-10-20", "Chaired"));
        apply(&mut backup, entry, 13);
        backup.revision = 7;
        // And the goal both sides changed, this workbook more recently.
        retitle(&mut backup, "g1", "Chair it", 13);
        retitle(&mut here, "g1", "Chair the board, then the trust", 14);

        let once = merge(&here, &backup, stamp(30).at);
        let titles: Vec<&str> = once.workbook.plans[0]
            .goals
            .iter()
            .map(|g| g.title.as_str())
            .collect();
        assert_eq!(
            titles,
            vec!["Chair the board, then the trust", "Here", "There"],
            "ours first, then theirs"
        );
        assert_eq!(once.workbook.goal(&there_id).unwrap().1.actions.len(), 1);
        assert_eq!(once.workbook.plans.len(), 2);
        assert_eq!(once.workbook.placement("pl").unwrap().entries.len(), 2);
        assert_eq!(once.report.added, 4, "goal, its action, plan, entry");
        assert_eq!(once.report.conflicts, 1);
        assert_eq!(once.workbook.conflicts.len(), 1);
        assert_eq!(
            once.report.lines(),
            vec![
                "4 records added",
                "1 record kept as in this workbook, where it was changed more recently",
                "1 record changed on both sides: the newer version is kept and the other is listed under conflicts",
            ]
        );
        assert_eq!(
            once.workbook.revision, here.revision,
            "the backup's revision is not taken"
        );
        assert_eq!(once.workbook.created_at, here.created_at);
        assert_ids_unique(&once.workbook);

        let twice = merge(&once.workbook, &backup, stamp(30).at);
        assert_eq!(
            twice.workbook, once.workbook,
            "merging again changes nothing"
        );
        assert!(twice.report.changed_nothing());
        assert_eq!((twice.report.added, twice.report.conflicts), (0, 0));
    }

    #[test]
    fn a_goal_changed_on_both_sides_keeps_the_newer_and_lists_the_other_to_swap_back() {
        let shared = base();
        let mut here = shared.clone();
        retitle(&mut here, "g1", "Chair the programme board", 5);
        let mut backup = shared.clone();
        retitle(&mut backup, "g1", "Chair the respiratory board", 7);

        let outcome = merge(&here, &backup, stamp(30).at);
        let merged = &outcome.workbook;
        assert_eq!(
            merged.goal("g1").unwrap().1.title,
            "Chair the respiratory board"
        );
        assert_eq!(
            merged.goal("g1").unwrap().1.actions.len(),
            1,
            "its action stays"
        );
        assert_eq!(outcome.report.updated, 1);
        assert_eq!(outcome.report.conflicts, 1);
        assert!(outcome.report.lines().contains(
            &"1 record changed on both sides: the newer version is kept and the other is listed under conflicts".to_string()
        ));
        let conflict = &merged.conflicts[0];
        assert_eq!(conflict.record_id, "g1");
        assert_eq!(conflict.kind, RecordKind::Goal);
        assert_eq!(
            conflict.description,
            "the goal \"Chair the respiratory board\""
        );
        assert_eq!(
            conflict.kept,
            "Title: \"Chair the respiratory board\". Last changed 24 November 2026 at 09:07 UTC"
        );
        assert_eq!(
            conflict.other,
            "Title: \"Chair the programme board\". Last changed 24 November 2026 at 09:05 UTC"
        );
        assert_eq!(conflict.found_at, stamp(30).at);

        let again = merge(merged, &backup, stamp(31).at);
        assert_eq!(
            again.workbook.conflicts.len(),
            1,
            "the same version is not listed twice"
        );
        let the_other_way = merge(&backup, &here, stamp(31).at);
        assert_eq!(
            the_other_way.workbook.goal("g1").unwrap().1.title,
            "Chair the respiratory board"
        );
        assert_eq!(the_other_way.report.kept, 1);

        let mut resolved = merged.clone();
        let id = conflict.id.clone();
        resolved
            .resolve_conflict_use_other(&id, stamp(40).at)
            .unwrap();
        let g1 = resolved.goal("g1").unwrap().1;
        assert_eq!(g1.title, "Chair the programme board");
        assert_eq!(g1.actions.len(), 1, "the action under it is kept");
        assert_eq!(g1.updated_at, stamp(40).at);
        assert!(resolved.conflicts.is_empty());
        assert_eq!(resolved.updated_at, stamp(40).at);
        assert_eq!(
            resolved.resolve_conflict_use_other(&id, stamp(41).at),
            Err(Refusal::NotFound)
        );

        // Merged again, the backup's older title is listed once more; keeping ours drops it.
        let relisted = merge(&resolved, &backup, stamp(42).at);
        let mut kept = relisted.workbook;
        assert_eq!(
            kept.goal("g1").unwrap().1.title,
            "Chair the programme board"
        );
        assert_eq!(kept.conflicts.len(), 1);
        let id = kept.conflicts[0].id.clone();
        kept.resolve_conflict_keep_current(&id, stamp(43).at)
            .unwrap();
        assert!(kept.conflicts.is_empty());
        assert_eq!(
            kept.goal("g1").unwrap().1.title,
            "Chair the programme board"
        );
        assert_eq!(
            kept.resolve_conflict_keep_current(&id, stamp(44).at),
            Err(Refusal::NotFound)
        );

        // Using the other version of a goal that has since gone is refused.
        let mut gone = merged.clone();
        apply(&mut gone, Change::RemoveGoal { id: "g1".into() }, 45);
        let id = gone.conflicts[0].id.clone();
        assert_eq!(
            gone.resolve_conflict_use_other(&id, stamp(46).at),
            Err(Refusal::NotFound)
        );
        assert_eq!(gone.conflicts.len(), 1, "a refusal changes nothing");
    }

    #[test]
    fn an_action_added_on_one_side_and_the_goal_retitled_on_the_other_are_both_kept() {
        let shared = base();
        let mut here = shared.clone();
        let action = Change::add_action(
            "g1",
            ActionDraft {
                text: "Shadow the chair".into(),
                due: String::new(),
            },
        );
        apply(&mut here, action, 5);
        let mut backup = shared.clone();
        retitle(&mut backup, "g1", "Chair the programme board", 6);
        // Changed on one side only: the backup's rating and the milestone ticked here.
        backup.assessments[0].set_rating("power-1", Some(Rating::Level(2)), stamp(6).at);
        apply(
            &mut here,
            Change::SetMilestoneDone {
                id: "m1".into(),
                done: true,
            },
            7,
        );

        for (current, incoming) in [(&here, &backup), (&backup, &here)] {
            let outcome = merge(current, incoming, stamp(30).at);
            let g1 = outcome.workbook.goal("g1").unwrap().1;
            assert_eq!(g1.title, "Chair the programme board");
            let actions: Vec<&str> = g1.actions.iter().map(|a| a.text.as_str()).collect();
            assert_eq!(actions, vec!["Meet the chair", "Shadow the chair"]);
            assert_eq!(outcome.workbook.assessments[0].level("power-1"), Some(2));
            assert!(outcome
                .workbook
                .milestone("m1")
                .unwrap()
                .2
                .done_on
                .is_some());
            assert!(
                outcome.workbook.conflicts.is_empty(),
                "{:?}",
                outcome.workbook.conflicts
            );
            assert_eq!(outcome.report.conflicts, 0);
        }
        let outcome = merge(&here, &backup, stamp(30).at);
        assert_eq!(outcome.report.updated, 2, "goal and assessment");
        assert_eq!(outcome.report.kept, 1, "milestone");
        assert_eq!(outcome.report.added, 0);
    }

    #[test]
    fn a_deletion_wins_over_an_unchanged_record_but_not_over_a_later_edit() {
        let shared = base();
        // The backup deleted the goal and the entry; nothing changed them here since.
        let mut backup = shared.clone();
        apply(&mut backup, Change::RemoveGoal { id: "g1".into() }, 10);
        apply(
            &mut backup,
            Change::RemoveFromPlacement { id: "e1".into() },
            10,
        );
        let outcome = merge(&shared, &backup, stamp(30).at);
        assert!(outcome.workbook.goal("g1").is_none());
        assert!(outcome.workbook.activity("e1").is_none());
        assert!(outcome.workbook.was_deleted("g1") && outcome.workbook.was_deleted("e1"));
        assert_eq!(
            outcome.report.deletions, 3,
            "the goal, its action and the entry"
        );
        assert!(outcome.workbook.conflicts.is_empty());
        assert_eq!(
            outcome.report.lines(),
            vec!["3 records deleted, as they were deleted in the backup"]
        );

        // Deleted here: the backup's unchanged copy does not bring it back.
        let outcome = merge(&backup, &shared, stamp(30).at);
        assert!(outcome.workbook.goal("g1").is_none());
        assert_eq!(outcome.report.stayed_deleted, 3);
        assert_eq!(outcome.report.added, 0);
        assert!(outcome.workbook.was_deleted("g1"));

        // Changed here after the backup deleted it: kept, and listed.
        let mut here = shared.clone();
        retitle(&mut here, "g1", "Chair the programme board", 12);
        let outcome = merge(&here, &backup, stamp(30).at);
        assert_eq!(
            outcome.workbook.goal("g1").unwrap().1.title,
            "Chair the programme board"
        );
        assert!(
            !outcome.workbook.was_deleted("g1"),
            "a record that stays has no tombstone"
        );
        assert!(outcome.workbook.was_deleted("e1"));
        let conflict = &outcome.workbook.conflicts[0];
        assert_eq!(
            (conflict.record_id.as_str(), conflict.other_record.clone()),
            ("g1", Value::Null)
        );
        assert_eq!(
            conflict.other,
            "Deleted in the backup 24 November 2026 at 09:10 UTC"
        );
        assert_eq!(outcome.report.revived, 1);
        assert!(outcome
            .report
            .lines()
            .iter()
            .any(|l| l.starts_with("1 record kept although deleted on one side")));
        let again = merge(&outcome.workbook, &backup, stamp(31).at);
        assert_eq!(again.workbook.conflicts.len(), 1, "not listed twice");
        // Using the other version deletes it after all.
        let mut resolved = outcome.workbook.clone();
        let id = conflict.id.clone();
        resolved
            .resolve_conflict_use_other(&id, stamp(40).at)
            .unwrap();
        assert!(resolved.goal("g1").is_none());
        assert!(resolved.was_deleted("g1"));
        assert!(resolved.conflicts.is_empty());

        // Changed in the backup after it was deleted here: brought back, and listed.
        let mut here = shared.clone();
        apply(&mut here, Change::RemoveGoal { id: "g1".into() }, 10);
        let mut later = shared.clone();
        retitle(&mut later, "g1", "Chair the board well", 12);
        let outcome = merge(&here, &later, stamp(30).at);
        assert_eq!(
            outcome.workbook.goal("g1").unwrap().1.title,
            "Chair the board well"
        );
        assert_eq!(outcome.workbook.goal("g1").unwrap().1.actions.len(), 1);
        assert!(!outcome.workbook.was_deleted("g1"));
        assert_eq!(
            outcome.workbook.conflicts[0].other,
            "Deleted in this workbook 24 November 2026 at 09:10 UTC"
        );
        assert_eq!(outcome.report.added, 2, "the goal and its action");
        assert_ids_unique(&outcome.workbook);
    }

    #[test]
    fn entries_and_milestones_from_both_sides_are_all_kept_in_date_order() {
        let shared = base();
        let mut here = shared.clone();
        let mut backup = shared.clone();
        apply(
            &mut here,
            Change::add_activity("pl", activity("2026-09-15", "Here, September")),
            10,
        );
        apply(
            &mut here,
            Change::add_activity("pl", activity("2026-11-02", "Here, November")),
            10,
        );
        apply(
            &mut backup,
            Change::add_activity("pl", activity("2026-09-03", "There, September")),
            11,
        );
        apply(
            &mut backup,
            Change::add_activity("pl", activity("2026-10-10", "There, October")),
            11,
        );
        apply(
            &mut here,
            Change::add_milestone("pr", milestone("Agree it", "2026-12-01")),
            10,
        );
        apply(
            &mut backup,
            Change::add_milestone("pr", milestone("Draft it", "2026-11-01")),
            11,
        );
        apply(
            &mut backup,
            Change::add_milestone("pr", milestone("Scope it", "2026-09-20")),
            11,
        );

        for (current, incoming) in [(&here, &backup), (&backup, &here)] {
            let outcome = merge(current, incoming, stamp(30).at);
            let pl = outcome.workbook.placement("pl").unwrap();
            let entries: Vec<String> = pl.entries.iter().map(|e| e.date.to_string()).collect();
            assert_eq!(
                entries,
                vec![
                    "2026-09-03",
                    "2026-09-15",
                    "2026-10-01",
                    "2026-10-10",
                    "2026-11-02"
                ]
            );
            let milestones: Vec<&str> = pl.projects[0]
                .milestones
                .iter()
                .map(|m| m.title.as_str())
                .collect();
            assert_eq!(
                milestones,
                vec!["Scope it", "Map it", "Draft it", "Agree it"]
            );
            assert!(outcome.workbook.conflicts.is_empty());
        }
    }

    #[test]
    fn every_record_id_in_a_merged_workbook_is_unique() {
        let shared = base();
        let mut here = shared.clone();
        let mut backup = shared.clone();
        apply(&mut here, Change::add_goal(Some("p1"), goal("Here")), 10);
        apply(&mut backup, Change::add_goal(Some("p1"), goal("There")), 10);
        apply(&mut backup, Change::DeletePlacement { id: "pl".into() }, 11);
        apply(
            &mut here,
            Change::add_activity("pl", activity("2026-11-01", "Late entry")),
            12,
        );
        apply(
            &mut backup,
            Change::add_placement(PlacementDraft {
                organisation: "NHS Sussex".into(),
                start: "2026-10-01".into(),
                ..Default::default()
            }),
            12,
        );
        // The same goal id in another plan on the backup's side (a hand-edited file).
        let mut stray = backup.plans[0].goals[0].clone();
        stray.title = "Stray".into();
        let mut other_plan = Plan::first("p2".into(), stamp(13).at);
        other_plan.goals.push(stray);
        backup.plans.push(other_plan);

        let outcome = merge(&here, &backup, stamp(30).at);
        assert_ids_unique(&outcome.workbook);
        assert!(
            outcome.workbook.placement("pl").is_some(),
            "changed here after the backup deleted it"
        );
        assert_eq!(outcome.workbook.placements.len(), 2);
        assert!(outcome.workbook.plan("p2").unwrap().goals.is_empty());
        assert!(
            outcome
                .workbook
                .conflicts
                .iter()
                .any(|c| c.record_id == "g1" && c.other_record["title"] == "Stray"),
            "the stray copy is listed, not dropped"
        );
        let ids = outcome.workbook.record_ids();
        for id in here.record_ids().into_iter().chain(backup.record_ids()) {
            assert!(ids.contains(&id), "{id} is in the merge");
        }
        assert_ids_unique(&merge(&outcome.workbook, &backup, stamp(31).at).workbook);
    }

    /// A browser's workbook whose first goal made its first plan, `plan`
    /// ("My development plan"), backed up on 3 December 2026.
    fn first_plan(plan: &str, goal_title: &str, minute: u32) -> Workbook {
        let mut wb = Workbook::new(stamp(0).at);
        apply(
            &mut wb,
            Change::AddGoal {
                id: format!("{plan}-goal"),
                place: GoalPlace::CurrentOrNew(plan.into()),
                draft: goal(goal_title),
            },
            minute,
        );
        let backed_up = Stamp::on(2026, 12, 3, 12, 0);
        wb.apply(&Change::NoteBackup, backed_up).unwrap();
        wb
    }

    fn plan_names(wb: &Workbook) -> Vec<&str> {
        wb.plans.iter().map(|p| p.name.as_str()).collect()
    }

    const TOLD_APART: &str = "My development plan (from the backup of 3 December 2026)";

    #[test]
    fn a_plan_brought_in_under_a_name_already_taken_is_told_apart_once() {
        let here = first_plan("pa", "Chair the board", 1);
        let mut there = first_plan("pb", "Lead the redesign", 2);
        // Its details were changed there too, so it is not "untouched".
        let mut aim = PlanDraft::of(there.plan("pb").unwrap());
        aim.aim = "Lead".into();
        apply(
            &mut there,
            Change::UpdatePlan {
                id: "pb".into(),
                draft: aim,
            },
            3,
        );

        let once = merge(&here, &there, stamp(30).at);
        assert_eq!(
            plan_names(&once.workbook),
            vec!["My development plan", TOLD_APART]
        );
        let renamed = once.workbook.plan("pb").unwrap();
        assert_eq!(renamed.aim, "Lead");
        assert_eq!(renamed.updated_at, stamp(30).at, "the rename is a change");
        assert_eq!(
            once.report.renamed,
            vec![RenamedPlan {
                id: "pb".into(),
                was: "My development plan".into(),
                now: TOLD_APART.into(),
                from_backup: true,
            }]
        );
        assert!(once.report.lines().contains(&format!(
            "The plan \"My development plan\" from the backup is now called \"{TOLD_APART}\", as you already have a plan called \"My development plan\""
        )));
        assert!(once.workbook.conflicts.is_empty());

        let twice = merge(&once.workbook, &there, stamp(31).at);
        assert!(
            twice.report.changed_nothing(),
            "merging the same backup again keeps the new name: {:?}",
            twice.report
        );
        let mut again = twice.workbook;
        again.updated_at = once.workbook.updated_at;
        assert_eq!(again, once.workbook);

        // Merged back into the other browser (where the plan was not changed
        // again), both browsers show the same two names.
        let mut there_untouched = first_plan("pb", "Lead the redesign", 2);
        there_untouched.revision = 3;
        let back = merge(&there_untouched, &once.workbook, stamp(40).at);
        assert_eq!(
            plan_names(&back.workbook),
            vec![TOLD_APART, "My development plan"]
        );
        assert!(back.report.renamed.is_empty());
        assert!(back.workbook.conflicts.is_empty());
    }

    #[test]
    fn a_plans_other_version_cannot_bring_back_a_name_another_plan_has() {
        let here = first_plan("pa", "Chair the board", 1);
        let mut there = first_plan("pb", "Lead the redesign", 2);
        let mut aim = PlanDraft::of(there.plan("pb").unwrap());
        aim.aim = "Lead".into();
        apply(
            &mut there,
            Change::UpdatePlan {
                id: "pb".into(),
                draft: aim,
            },
            3,
        );
        let once = merge(&here, &there, stamp(30).at).workbook;
        // The other browser, where the plan was changed, merges it back: both
        // versions were changed, so the one named there is listed.
        let back = merge(&there, &once, stamp(40).at);
        let mut wb = back.workbook;
        assert_eq!(plan_names(&wb), vec![TOLD_APART, "My development plan"]);
        let conflict = wb.conflicts.iter().find(|c| c.record_id == "pb").unwrap();
        let id = conflict.id.clone();
        assert_eq!(conflict.other_record["name"], "My development plan");
        match wb.apply(
            &Change::ResolveConflict {
                id: id.clone(),
                use_other: true,
            },
            stamp(41),
        ) {
            Err(Refusal::Invalid(e)) => assert_eq!(
                e[0].message,
                "The other version is called \"My development plan\", and you already have a plan called \"My development plan\": rename that plan first, or keep this version"
            ),
            other => panic!("expected invalid, got {other:?}"),
        }
        assert_eq!(plan_names(&wb), vec![TOLD_APART, "My development plan"]);
        let mut draft = PlanDraft::of(wb.plan("pa").unwrap());
        draft.name = "Chair's plan".into();
        apply(
            &mut wb,
            Change::UpdatePlan {
                id: "pa".into(),
                draft,
            },
            42,
        );
        apply(
            &mut wb,
            Change::ResolveConflict {
                id,
                use_other: true,
            },
            43,
        );
        assert_eq!(plan_names(&wb), vec!["My development plan", "Chair's plan"]);
    }

    #[test]
    fn plans_sharing_a_name_are_told_apart_whichever_side_they_came_from() {
        // Two plans of the backup share the name of one here; a third name is free.
        let here = first_plan("pa", "Chair the board", 1);
        let mut there = first_plan("pb", "Lead the redesign", 2);
        let mut third = Plan::first("pc".into(), stamp(3).at);
        third.name = "my development plan ".into();
        there.plans.push(third);
        let mut taken = Plan::first("pd".into(), stamp(3).at);
        taken.name = TOLD_APART.into();
        there.plans.push(taken);
        let outcome = merge(&here, &there, stamp(30).at);
        assert_eq!(
            plan_names(&outcome.workbook),
            vec![
                "My development plan",
                "My development plan (2)",
                "my development plan (3)",
                TOLD_APART
            ],
            "the backup's day is taken by another plan, so they are numbered"
        );

        // Two plans of this workbook saved sharing a name (before names had
        // to differ) are told apart by the next merge, whatever it brings.
        let mut legacy = here.clone();
        let mut twin = Plan::first("pz".into(), stamp(4).at);
        twin.name = "My development plan".into();
        legacy.plans.push(twin);
        let outcome = merge(&legacy, &Workbook::new(stamp(0).at), stamp(30).at);
        assert_eq!(
            plan_names(&outcome.workbook),
            vec!["My development plan", "My development plan (2)"]
        );
        assert_eq!(
            outcome.report.lines(),
            vec!["Your plan \"My development plan\" is now called \"My development plan (2)\", as another of your plans has the same name"]
        );
        assert_ids_unique(&outcome.workbook);
    }

    #[test]
    fn a_partner_assessment_imported_on_both_sides_is_kept_once() {
        let mut theirs = AssessmentDraft {
            partnership: "East Kent".into(),
            clinical_area: String::new(),
            role: Some(Role::Manager),
            date: "2026-11-20".into(),
        }
        .validate("their-id".into(), stamp(0).today, stamp(0).at)
        .unwrap();
        let shared = base();
        let mut here = shared.clone();
        let mut backup = shared.clone();
        apply(
            &mut here,
            Change::import_partner_assessment(theirs.clone()),
            10,
        );
        theirs.set_rating("power-1", Some(Rating::Level(3)), stamp(11).at);
        apply(&mut backup, Change::import_partner_assessment(theirs), 12);
        assert_ne!(
            here.partner_assessments[0].id,
            backup.partner_assessments[0].id
        );

        let outcome = merge(&here, &backup, stamp(30).at);
        let partners = &outcome.workbook.partner_assessments;
        assert_eq!(partners.len(), 1);
        assert_eq!(
            partners[0].id, here.partner_assessments[0].id,
            "our id is kept"
        );
        assert_eq!(partners[0].level("power-1"), Some(3), "the newer copy");
    }

    #[test]
    fn conflicts_are_saved_with_the_workbook_and_read_back() {
        let shared = base();
        let mut here = shared.clone();
        retitle(&mut here, "g1", "A", 5);
        let mut backup = shared.clone();
        retitle(&mut backup, "g1", "B", 6);
        let merged = merge(&here, &backup, stamp(30).at).workbook;
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(read_workbook(&to_json(&merged)).unwrap(), merged);
        assert!(
            !to_json(&shared).contains("conflicts"),
            "a workbook without any writes none"
        );
    }
}
