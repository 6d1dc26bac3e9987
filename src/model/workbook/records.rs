//! What the workbook needs of every kind of record, declared once per kind:
//! its id and times, how it is described to the user, the records under it,
//! and the last change to it or under it. Merging, putting a conflict's other
//! version back and listing every id all go through this.
//!
//! The rule for times, kept by `Workbook::apply` for every change:
//! - a record made gets `created_at` and `updated_at` at the change's moment;
//! - a record whose own fields change gets `updated_at` at that moment;
//! - the record it sits under (a goal under its plan, an action under its
//!   goal, a milestone under its project…) is left as it is: the last change
//!   under a record is worked out from the records under it (`latest`);
//! - the workbook's `updated_at` is the moment of its last change of any kind
//!   but noting a backup.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::model::assessment::Assessment;
use crate::model::common::dates::long_date;
use crate::model::common::saved_dates::Moment;
use crate::model::placement::{ActivityEntry, Milestone, Placement, Project};
use crate::model::plan::{Action, EvidenceEntry, Goal, Plan, Review, SelfRating};
use crate::model::workbook::document::{RecordKind, Workbook};

impl RecordKind {
    /// The kind of record this kind sits under, if any.
    pub fn parent(self) -> Option<RecordKind> {
        match self {
            RecordKind::Assessment
            | RecordKind::PartnerAssessment
            | RecordKind::Plan
            | RecordKind::Placement => None,
            RecordKind::Goal | RecordKind::Review | RecordKind::SelfRating => {
                Some(RecordKind::Plan)
            }
            RecordKind::Action | RecordKind::Evidence => Some(RecordKind::Goal),
            RecordKind::Project | RecordKind::Activity => Some(RecordKind::Placement),
            RecordKind::Milestone => Some(RecordKind::Project),
        }
    }

    /// The kind of record in the user's words: "goal", "piece of evidence".
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::Assessment => "assessment",
            RecordKind::PartnerAssessment => "partner's assessment",
            RecordKind::Goal => "goal",
            RecordKind::Placement => "placement",
            RecordKind::Plan => "plan",
            RecordKind::Action => "action",
            RecordKind::Evidence => "piece of evidence",
            RecordKind::Review => "review",
            RecordKind::SelfRating => "self-rating",
            RecordKind::Project => "project",
            RecordKind::Milestone => "milestone",
            RecordKind::Activity => "log entry",
        }
    }
}

/// Puts a record back at `position` in its list (at the end if the list is
/// shorter now), as an undo puts back what was deleted.
pub(crate) fn insert_at<T: Clone>(list: &mut Vec<T>, record: &T, position: usize) {
    list.insert(position.min(list.len()), record.clone());
}

/// Adds a record and keeps the list in order of `key` (equal keys in the
/// order they were added): dated entries, milestones by planned date.
pub(crate) fn push_sorted<T, K: Ord>(list: &mut Vec<T>, item: T, key: fn(&T) -> K) {
    list.push(item);
    list.sort_by_key(key);
}

/// Merges two lists of the same kind of record (the merge does this, level
/// by level, through each record's `merge_children`).
pub(crate) trait MergeLists {
    fn merge_list<T: Record>(&mut self, current: &[T], incoming: &[T], kind: RecordKind) -> Vec<T>;
}

impl Workbook {
    /// Every record in the workbook, at every level, with its kind: each
    /// list at the top, and under each record what `Record::under` lists.
    pub fn records(&self) -> Vec<(RecordKind, &str)> {
        fn with_under<'a, T: Record>(
            kind: RecordKind,
            list: &'a [T],
            out: &mut Vec<(RecordKind, &'a str)>,
        ) {
            for record in list {
                out.push((kind, record.id()));
                record.under(out);
            }
        }
        let mut out = Vec::new();
        with_under(RecordKind::Assessment, &self.assessments, &mut out);
        with_under(
            RecordKind::PartnerAssessment,
            &self.partner_assessments,
            &mut out,
        );
        with_under(RecordKind::Plan, &self.plans, &mut out);
        with_under(RecordKind::Placement, &self.placements, &mut out);
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

/// What merging needs of every kind of record.
pub(crate) trait Record: Clone + PartialEq + Serialize + DeserializeOwned {
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
    fn merge_children<M: MergeLists>(&mut self, _current: &Self, _incoming: &Self, _m: &mut M) {}
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
    /// Every record under it, at every level, with its kind.
    fn under<'a>(&'a self, _out: &mut Vec<(RecordKind, &'a str)>) {}
    /// Its id and the ids of everything under it.
    fn ids<'a>(&'a self, out: &mut Vec<&'a str>) {
        out.push(self.id());
        let mut under = Vec::new();
        self.under(&mut under);
        out.extend(under.into_iter().map(|(_, id)| id));
    }

    /// How many records it is, with those under it, counting only the ids
    /// `counted` takes.
    fn count(&self, counted: impl Fn(&str) -> bool) -> usize {
        let mut ids = Vec::new();
        self.ids(&mut ids);
        ids.into_iter().filter(|id| counted(id)).count()
    }
    /// True when its own fields cannot have been edited since it was made:
    /// its `updated_at` is still its `created_at`, or (in a workbook saved
    /// before the rule above, when adding an action marked its goal changed)
    /// the moment of a change under it.
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
fn merge_dated<T: Record, K: Ord, M: MergeLists>(
    current: &[T],
    incoming: &[T],
    kind: RecordKind,
    m: &mut M,
    date: fn(&T) -> K,
) -> Vec<T> {
    let mut list = m.merge_list(current, incoming, kind);
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
    fn merge_children<M: MergeLists>(&mut self, current: &Self, incoming: &Self, m: &mut M) {
        self.actions = m.merge_list(&current.actions, &incoming.actions, RecordKind::Action);
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
    fn under<'a>(&'a self, out: &mut Vec<(RecordKind, &'a str)>) {
        out.extend(
            self.actions
                .iter()
                .map(|a| (RecordKind::Action, a.id.as_str())),
        );
        out.extend(
            self.evidence
                .iter()
                .map(|e| (RecordKind::Evidence, e.id.as_str())),
        );
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
    fn merge_children<M: MergeLists>(&mut self, current: &Self, incoming: &Self, m: &mut M) {
        self.goals = m.merge_list(&current.goals, &incoming.goals, RecordKind::Goal);
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
    fn under<'a>(&'a self, out: &mut Vec<(RecordKind, &'a str)>) {
        for g in &self.goals {
            out.push((RecordKind::Goal, &g.id));
            g.under(out);
        }
        out.extend(
            self.reviews
                .iter()
                .map(|r| (RecordKind::Review, r.id.as_str())),
        );
        out.extend(
            self.self_ratings
                .iter()
                .map(|r| (RecordKind::SelfRating, r.id.as_str())),
        );
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
    fn merge_children<M: MergeLists>(&mut self, current: &Self, incoming: &Self, m: &mut M) {
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
    fn under<'a>(&'a self, out: &mut Vec<(RecordKind, &'a str)>) {
        out.extend(
            self.milestones
                .iter()
                .map(|m| (RecordKind::Milestone, m.id.as_str())),
        );
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
    fn merge_children<M: MergeLists>(&mut self, current: &Self, incoming: &Self, m: &mut M) {
        self.projects = m.merge_list(&current.projects, &incoming.projects, RecordKind::Project);
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
    fn under<'a>(&'a self, out: &mut Vec<(RecordKind, &'a str)>) {
        for p in &self.projects {
            out.push((RecordKind::Project, &p.id));
            p.under(out);
        }
        out.extend(
            self.entries
                .iter()
                .map(|e| (RecordKind::Activity, e.id.as_str())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workbook::fixtures::workbook_with_every_kind_of_record;

    /// The one walk of the record tree finds a record of every kind, each
    /// under the kind `RecordKind::parent` says it sits under.
    #[test]
    fn the_walk_of_the_tree_finds_every_kind_under_its_parent() {
        let wb = workbook_with_every_kind_of_record();
        let records = wb.records();
        for kind in [
            RecordKind::Assessment,
            RecordKind::PartnerAssessment,
            RecordKind::Plan,
            RecordKind::Goal,
            RecordKind::Action,
            RecordKind::Evidence,
            RecordKind::Review,
            RecordKind::SelfRating,
            RecordKind::Placement,
            RecordKind::Project,
            RecordKind::Milestone,
            RecordKind::Activity,
        ] {
            assert!(records.iter().any(|(k, _)| *k == kind), "{kind:?}");
        }
        // Each record comes after its parent, the nearest earlier record of
        // the parent's kind.
        for (at, (kind, id)) in records.iter().enumerate() {
            assert_eq!(wb.record_kind(id), Some(*kind));
            if let Some(parent) = kind.parent() {
                assert!(
                    records[..at].iter().any(|(k, _)| *k == parent),
                    "{kind:?} {id} comes after a {parent:?}"
                );
            }
        }
        assert_eq!(wb.record_kind("no-such-id"), None);
        assert_eq!(wb.record_ids().len(), records.len());
    }
}
