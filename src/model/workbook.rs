//! The saved document. Everything a user enters lives in one `Workbook`, which is
//! saved whole to the browser's local storage and exported whole as a backup file.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::ids::make_id;
use super::placement::Placement;
use super::plan::DevelopmentPlan;

/// Names the file format, so a backup can be told apart from any other JSON.
pub const FORMAT_NAME: &str = "commissioning-workbook";

/// The version of the saved shape. Raise it (and add a step to
/// `backup::migrate`) whenever a change would stop older documents loading.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Workbook {
    pub format: String,
    pub schema_version: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Feeds record ids; see `ids`.
    #[serde(default)]
    pub id_counter: u64,
    /// The user's own self-assessments, oldest first.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Assessments imported from a partner's export, kept apart from the user's own.
    #[serde(default)]
    pub partner_assessments: Vec<Assessment>,
    #[serde(default)]
    pub development_plan: DevelopmentPlan,
    #[serde(default)]
    pub placements: Vec<Placement>,
}

impl Workbook {
    pub fn new(now: DateTime<Utc>) -> Self {
        Workbook {
            format: FORMAT_NAME.to_string(),
            schema_version: SCHEMA_VERSION,
            created_at: now,
            updated_at: now,
            id_counter: 0,
            assessments: Vec::new(),
            partner_assessments: Vec::new(),
            development_plan: DevelopmentPlan::default(),
            placements: Vec::new(),
        }
    }

    /// A fresh id for a new record of this workbook.
    pub fn next_id(&mut self, prefix: &str, now: DateTime<Utc>) -> String {
        self.id_counter += 1;
        make_id(prefix, now, self.id_counter)
    }

    /// Records that the user changed something.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.updated_at = now;
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
            goals: self.development_plan.goals.len(),
            placements: self.placements.len(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkbookSummary {
    pub assessments: usize,
    pub partner_assessments: usize,
    pub goals: usize,
    pub placements: usize,
}

impl WorkbookSummary {
    pub fn total(&self) -> usize {
        self.assessments + self.partner_assessments + self.goals + self.placements
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
            count(
                self.goals,
                "development plan goal",
                "development plan goals",
            ),
            count(self.placements, "placement", "placements"),
        ]
    }
}
