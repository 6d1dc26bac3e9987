//! The saved document as a whole. Everything a user enters lives in one
//! `Workbook` (its shape is declared in `tree`), which is saved whole to the
//! browser's local storage and exported whole as a backup file. It is changed
//! only through the named operations in `change` (applied by `apply`).

use crate::model::assessment::Assessment;
use crate::model::common::saved_dates::Moment;

pub use crate::model::workbook::tree::{
    Conflict, RecordKind, Tombstone, Workbook, DEFAULT_REMINDER_DAYS, FORMAT_NAME, SCHEMA_VERSION,
};

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
            plans: Default::default(),
            placements: Default::default(),
            group: Default::default(),
            support_agreements: Default::default(),
            business_cases: Default::default(),
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

    /// How many records of each kind the workbook holds. A section's are
    /// counted as the workbook was read until a page reads it (`Tally`).
    pub fn summary(&self) -> WorkbookSummary {
        // Never `get` here: the home page runs this in the first download,
        // which must not carry the sections' readers. A section is either
        // unread (counted as the workbook was read) or read already.
        let [placements, log_entries] = self.placements.unread_tally().unwrap_or_else(|| {
            let list = self
                .placements
                .if_read()
                .map_or(&[][..], |b| &b.placements[..]);
            [list.len(), list.iter().map(|p| p.entries.len()).sum()]
        });
        let [plans, goals] = self.plans.unread_tally().unwrap_or_else(|| {
            let list = self.plans.if_read().map_or(&[][..], |b| &b.plans[..]);
            [list.len(), list.iter().map(|p| p.goals.len()).sum()]
        });
        let count = |tally: Option<[usize; 2]>, read: Option<usize>| {
            tally.map_or(read.unwrap_or(0), |[n, _]| n)
        };
        WorkbookSummary {
            assessments: self.assessments.len(),
            partner_assessments: self.partner_assessments.len(),
            plans,
            goals,
            placements,
            log_entries,
            group_rounds: count(
                self.group.unread_tally(),
                self.group.if_read().map(|g| g.rounds.len()),
            ),
            support_agreements: count(
                self.support_agreements.unread_tally(),
                self.support_agreements
                    .if_read()
                    .map(|s| s.agreements.len()),
            ),
            business_cases: count(
                self.business_cases.unread_tally(),
                self.business_cases.if_read().map(|c| c.cases.len()),
            ),
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
    pub group_rounds: usize,
    pub support_agreements: usize,
    pub business_cases: usize,
}

impl WorkbookSummary {
    pub fn total(&self) -> usize {
        self.assessments
            + self.partner_assessments
            + self.plans
            + self.goals
            + self.placements
            + self.log_entries
            + self.group_rounds
            + self.support_agreements
            + self.business_cases
    }

    /// Plain-English lines such as "2 self-assessments", one per kind of record.
    pub fn lines(&self) -> Vec<String> {
        fn count(n: usize, one: &str, many: &str) -> String {
            format!("{n} {}", if n == 1 { one } else { many })
        }
        let mut lines = vec![
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
        ];
        // The newer areas are named only once used, so the list stays short.
        for (n, one, many) in [
            (self.group_rounds, "group round", "group rounds"),
            (
                self.support_agreements,
                "support agreement",
                "support agreements",
            ),
            (self.business_cases, "business case", "business cases"),
        ] {
            if n > 0 {
                lines.push(count(n, one, many));
            }
        }
        lines
    }
}
