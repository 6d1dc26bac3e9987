//! A deleted record with where it was, so an undo puts it back in place.

use crate::model::assessment::Assessment;
use crate::model::common::dates::long_date;
use crate::model::placement::{ActivityEntry, Milestone, Placement, Project};
use crate::model::plan::{Action, EvidenceEntry, Goal, Plan, Review, SelfRating};
use crate::model::workbook::document::RecordKind;

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

    /// What was deleted, for the "Deleted … Undo" message.
    pub fn describe(&self) -> String {
        match self {
            DeletedRecord::Assessment { record, .. } => {
                format!("the assessment {}", record.title())
            }
            DeletedRecord::PartnerAssessment { record, .. } => {
                format!("your partner's assessment {}", record.title())
            }
            DeletedRecord::Goal { record, .. } => format!("the goal \"{}\"", record.title),
            DeletedRecord::Plan { record, .. } => format!("the plan \"{}\"", record.name),
            DeletedRecord::Entry { entry, .. } => match entry {
                PlanEntry::Action(a) => format!("the action \"{}\"", a.text),
                PlanEntry::Evidence(e) => format!("the evidence from {}", long_date(e.date)),
                PlanEntry::Review(r) => format!("the review of {}", long_date(r.date)),
                PlanEntry::SelfRating(r) => format!("the self-rating of {}", long_date(r.date)),
            },
            DeletedRecord::Placement { record, .. } => {
                format!("the placement at {}", record.title())
            }
            DeletedRecord::PlacementPart { part, .. } => part.describe(),
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
        use crate::model::common::dates::long_date;
        match self {
            PlacementPart::Project(p) => format!("the project \"{}\"", p.title),
            PlacementPart::Milestone(m) => format!("the milestone \"{}\"", m.title),
            PlacementPart::Activity(a) => format!(
                "the log entry of {} ({})",
                long_date(a.date),
                a.activity_type.label().to_lowercase()
            ),
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
