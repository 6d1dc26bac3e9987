//! GP trainee placement log. Only the saved shape exists so far: the placement
//! log capability (its own issue) adds projects, dated activity and the summary.
//! New fields are added with `#[serde(default)]` so older files still load.
//! Imports nothing else from the model.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Placement {
    pub id: String,
    /// The commissioning organisation hosting the placement.
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub end: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
