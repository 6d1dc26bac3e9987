//! The saved document. Everything a user enters lives in one `Workbook`, which
//! is saved whole to the browser's local storage and exported whole as a backup
//! file. It is changed only through the named operations in `change` (applied by
//! `apply`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::assessment::Assessment;
use crate::model::common::saved_dates::Moment;
use crate::model::placement::Placement;
use crate::model::plan::Plan;

/// Names a whole-workbook document: the local-storage copy and backup files.
pub const FORMAT_NAME: &str = "commissioning-workbook";

/// The version of the saved workbook's shape. Raise it, add a step to
/// `backup::migrate` and a fixture under `tests/fixtures/` whenever a change
/// would stop older documents loading.
///
/// History: 1 (first release); 2 (random ids, `created_at`/`updated_at` on
/// every record, tombstones of deleted records, a save revision); 3 (several
/// development plans, with actions, evidence and reviews under them); 4 (the
/// placement log: projects, milestones and activity entries under placements).
pub const SCHEMA_VERSION: u32 = 4;

/// Days unbacked-up changes may wait before a reminder, unless the user
/// chooses otherwise.
pub const DEFAULT_REMINDER_DAYS: u32 = 14;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Workbook {
    pub format: String,
    pub schema_version: u32,
    pub created_at: Moment,
    pub updated_at: Moment,
    /// Raised by one each time the document is saved, so a tab can tell that
    /// another tab has saved since it last read, and never overwrite that.
    #[serde(default)]
    pub revision: u64,
    /// The user's own self-assessments, oldest first.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Assessments imported from a partner's export, kept apart from the user's own.
    #[serde(default)]
    pub partner_assessments: Vec<Assessment>,
    /// Leadership development plans, oldest first.
    #[serde(default)]
    pub plans: Vec<Plan>,
    #[serde(default)]
    pub placements: Vec<Placement>,
    /// Records the user deleted: what was deleted and when, so that merging
    /// two copies can tell a deletion from a record the other copy never had.
    #[serde(default)]
    pub deleted: Vec<Tombstone>,
    /// Versions of records that lost to a newer version when a backup was
    /// merged in (see `merge`), kept for the user to look at and resolve.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// When a backup of this workbook was last downloaded (`backup_reminder`).
    #[serde(default)]
    pub last_backup_at: Option<Moment>,
    /// Remind the user to download a backup once changes not in one are
    /// this many days old; 0 never.
    #[serde(default = "default_reminder_days")]
    pub backup_reminder_days: u32,
}

fn default_reminder_days() -> u32 {
    DEFAULT_REMINDER_DAYS
}

/// What is left of a deleted record.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Tombstone {
    pub id: String,
    pub kind: RecordKind,
    pub deleted_at: Moment,
}

/// The kinds of record a workbook holds.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Assessment,
    PartnerAssessment,
    Goal,
    Placement,
    Plan,
    Action,
    Evidence,
    Review,
    SelfRating,
    Project,
    Milestone,
    Activity,
}

impl Workbook {
    pub fn new(now: impl Into<Moment>) -> Self {
        let now = now.into();
        Workbook {
            format: FORMAT_NAME.to_string(),
            schema_version: SCHEMA_VERSION,
            created_at: now,
            updated_at: now,
            revision: 0,
            assessments: Vec::new(),
            partner_assessments: Vec::new(),
            plans: Vec::new(),
            placements: Vec::new(),
            deleted: Vec::new(),
            conflicts: Vec::new(),
            last_backup_at: None,
            backup_reminder_days: DEFAULT_REMINDER_DAYS,
        }
    }

    /// True when the user has entered nothing yet.
    pub fn is_empty(&self) -> bool {
        self.summary().total() == 0
    }

    /// How many records of each kind the workbook holds.
    pub fn summary(&self) -> WorkbookSummary {
        WorkbookSummary {
            assessments: self.assessments.len(),
            partner_assessments: self.partner_assessments.len(),
            plans: self.plans.len(),
            goals: self.plans.iter().map(|p| p.goals.len()).sum(),
            placements: self.placements.len(),
            log_entries: self.placements.iter().map(|p| p.entries.len()).sum(),
        }
    }

    pub fn assessment(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id == id)
    }

    pub fn partner_assessment(&self, id: &str) -> Option<&Assessment> {
        self.partner_assessments.iter().find(|a| a.id == id)
    }

    /// True when the record with this id was deleted.
    pub fn was_deleted(&self, id: &str) -> bool {
        self.deleted.iter().any(|t| t.id == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkbookSummary {
    pub assessments: usize,
    pub partner_assessments: usize,
    pub plans: usize,
    pub goals: usize,
    pub placements: usize,
    pub log_entries: usize,
}

impl WorkbookSummary {
    pub fn total(&self) -> usize {
        self.assessments
            + self.partner_assessments
            + self.plans
            + self.goals
            + self.placements
            + self.log_entries
    }

    /// Plain-English lines such as "2 self-assessments", one per kind of record.
    pub fn lines(&self) -> Vec<String> {
        fn count(n: usize, one: &str, many: &str) -> String {
            format!("{n} {}", if n == 1 { one } else { many })
        }
        vec![
            count(self.assessments, "self-assessment", "self-assessments"),
            count(
                self.partner_assessments,
                "partner assessment",
                "partner assessments",
            ),
            count(self.plans, "development plan", "development plans"),
            count(
                self.goals,
                "development plan goal",
                "development plan goals",
            ),
            count(self.placements, "placement", "placements"),
            count(
                self.log_entries,
                "placement log entry",
                "placement log entries",
            ),
        ]
    }
}

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
