//! A partnership-readiness self-assessment: who made it, for which partnership,
//! and the answer to each framework statement. Answers are keyed by the stable
//! statement id, and the assessment records the framework version it was made
//! against, so saved answers keep pointing at the right statements.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Clinician,
    Manager,
    Other,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Clinician, Role::Manager, Role::Other];

    pub fn label(self) -> &'static str {
        match self {
            Role::Clinician => "Clinician (GP, nurse, consultant or other clinician)",
            Role::Manager => "Manager (commissioning organisation)",
            Role::Other => "Other",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Role::Clinician => "clinician",
            Role::Manager => "manager",
            Role::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// A rating of one statement: a maturity level (0 to MAX_LEVEL) or
/// "not applicable / don't know", which is left out of every score.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Level(u8),
    NotApplicable,
}

/// The highest maturity level on the scale (levels run 0..=MAX_LEVEL).
pub const MAX_LEVEL: u8 = 4;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Answer {
    #[serde(default)]
    pub rating: Option<Rating>,
    #[serde(default)]
    pub evidence: String,
    /// The user marked this statement as a priority to act on.
    #[serde(default)]
    pub flagged: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Assessment {
    pub id: String,
    /// The framework version the statement ids refer to.
    pub framework_version: u32,
    pub partnership: String,
    #[serde(default)]
    pub clinical_area: String,
    pub role: Role,
    pub date: NaiveDate,
    /// Keyed by statement id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// How important each domain is to the partnership now (1 to 3), keyed by domain id.
    #[serde(default)]
    pub importance: BTreeMap<String, u8>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
