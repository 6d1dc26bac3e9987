//! A deleted record with where it was, so an undo puts it back in place.

use crate::model::assessment::Assessment;
use crate::model::placement::{ActivityEntry, Milestone, Placement, Project};
use crate::model::plan::{Action, EvidenceEntry, Goal, Plan, Review, SelfRating};
use crate::model::workbook::document::RecordKind;
use crate::model::workbook::records::Record;

/// A deleted record with where it was, so an undo puts it back in place.
#[derive(Clone, Debug, PartialEq)]
pub enum DeletedRecord {
    Assessment {
        record: Assessment,
        position: usize,
    },
    PartnerAssessment {
        record: Assessment,
        position: usize,
    },
    Goal {
        plan_id: String,
        record: Goal,
        position: usize,
    },
    Plan {
        record: Plan,
        position: usize,
    },
    /// An action, evidence entry, review or self-rating, and the goal or plan it was under.
    Entry {
        owner_id: String,
        entry: PlanEntry,
        position: usize,
    },
    Placement {
        record: Placement,
        position: usize,
    },
    /// A project or activity entry and its placement, or a milestone and its project.
    PlacementPart {
        owner_id: String,
        part: PlacementPart,
        position: usize,
    },
}

/// What sits under a goal (actions, evidence) or a plan (reviews, self-ratings).
#[derive(Clone, Debug, PartialEq)]
pub enum PlanEntry {
    Action(Action),
    Evidence(EvidenceEntry),
    Review(Review),
    SelfRating(SelfRating),
}

impl PlanEntry {
    pub fn id(&self) -> &str {
        match self {
            PlanEntry::Action(a) => &a.id,
            PlanEntry::Evidence(e) => &e.id,
            PlanEntry::Review(r) => &r.id,
            PlanEntry::SelfRating(r) => &r.id,
        }
    }

    pub(crate) fn kind(&self) -> RecordKind {
        match self {
            PlanEntry::Action(_) => RecordKind::Action,
            PlanEntry::Evidence(_) => RecordKind::Evidence,
            PlanEntry::Review(_) => RecordKind::Review,
            PlanEntry::SelfRating(_) => RecordKind::SelfRating,
        }
    }

    pub fn describe(&self) -> String {
        let kind = self.kind();
        match self {
            PlanEntry::Action(a) => a.describe(kind),
            PlanEntry::Evidence(e) => e.describe(kind),
            PlanEntry::Review(r) => r.describe(kind),
            PlanEntry::SelfRating(r) => r.describe(kind),
        }
    }
}

impl DeletedRecord {
    pub(crate) fn id(&self) -> &str {
        match self {
            DeletedRecord::Assessment { record, .. }
            | DeletedRecord::PartnerAssessment { record, .. } => &record.id,
            DeletedRecord::Goal { record, .. } => &record.id,
            DeletedRecord::Plan { record, .. } => &record.id,
            DeletedRecord::Entry { entry, .. } => entry.id(),
            DeletedRecord::Placement { record, .. } => &record.id,
            DeletedRecord::PlacementPart { part, .. } => part.id(),
        }
    }

    /// What was deleted, for the "Deleted … Undo" message, in the words
    /// every record kind is described in (`records.rs`).
    pub fn describe(&self) -> String {
        let kind = self.kind();
        match self {
            DeletedRecord::Assessment { record, .. }
            | DeletedRecord::PartnerAssessment { record, .. } => record.describe(kind),
            DeletedRecord::Goal { record, .. } => record.describe(kind),
            DeletedRecord::Plan { record, .. } => record.describe(kind),
            DeletedRecord::Entry { entry, .. } => entry.describe(),
            DeletedRecord::Placement { record, .. } => record.describe(kind),
            DeletedRecord::PlacementPart { part, .. } => part.describe(),
        }
    }

    /// The kind of record deleted.
    pub fn kind(&self) -> RecordKind {
        match self {
            DeletedRecord::Assessment { .. } => RecordKind::Assessment,
            DeletedRecord::PartnerAssessment { .. } => RecordKind::PartnerAssessment,
            DeletedRecord::Goal { .. } => RecordKind::Goal,
            DeletedRecord::Plan { .. } => RecordKind::Plan,
            DeletedRecord::Entry { entry, .. } => entry.kind(),
            DeletedRecord::Placement { .. } => RecordKind::Placement,
            DeletedRecord::PlacementPart { part, .. } => part.kind(),
        }
    }
}

/// What sits under a placement (projects, activity entries) or a project
/// (milestones), for undoing its removal.
#[derive(Clone, Debug, PartialEq)]
pub enum PlacementPart {
    Project(Project),
    Milestone(Milestone),
    Activity(ActivityEntry),
}

impl PlacementPart {
    pub fn id(&self) -> &str {
        match self {
            PlacementPart::Project(p) => &p.id,
            PlacementPart::Milestone(m) => &m.id,
            PlacementPart::Activity(a) => &a.id,
        }
    }

    pub fn describe(&self) -> String {
        let kind = self.kind();
        match self {
            PlacementPart::Project(p) => p.describe(kind),
            PlacementPart::Milestone(m) => m.describe(kind),
            PlacementPart::Activity(a) => a.describe(kind),
        }
    }

    pub(crate) fn kind(&self) -> RecordKind {
        match self {
            PlacementPart::Project(_) => RecordKind::Project,
            PlacementPart::Milestone(_) => RecordKind::Milestone,
            PlacementPart::Activity(_) => RecordKind::Activity,
        }
    }
}
