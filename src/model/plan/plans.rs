//! A development plan: a name (such as "2026–27"), whose it is, the period it
//! covers and the aim, holding goals and reviews.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::entries::Review;
use super::goals::Goal;
use super::self_rating::SelfRating;
use crate::model::common::dates::parse_optional_date;
use crate::model::common::stale::Shown;
use crate::model::common::validation::FieldError;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Plan {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub owner: String,
    #[serde(
        default,
        deserialize_with = "crate::model::common::dates::optional_day"
    )]
    pub starts: Option<NaiveDate>,
    #[serde(
        default,
        deserialize_with = "crate::model::common::dates::optional_day"
    )]
    pub ends: Option<NaiveDate>,
    /// A short statement of the development aim.
    #[serde(default)]
    pub aim: String,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// Optional self-ratings on the framework's elements, oldest first.
    #[serde(default)]
    pub self_ratings: Vec<SelfRating>,
    #[serde(deserialize_with = "crate::model::common::dates::moment")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::model::common::dates::moment")]
    pub updated_at: DateTime<Utc>,
}

/// The name a plan gets when the user adds a goal before making one.
pub const FIRST_PLAN_NAME: &str = "My development plan";

impl Plan {
    /// An empty plan under `FIRST_PLAN_NAME`, for a first goal to go in.
    pub fn first(id: String, now: DateTime<Utc>) -> Plan {
        Plan {
            id,
            name: FIRST_PLAN_NAME.to_string(),
            owner: String::new(),
            starts: None,
            ends: None,
            aim: String::new(),
            goals: Vec::new(),
            reviews: Vec::new(),
            self_ratings: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// When the next review is due: the latest review's next date.
    pub fn next_review(&self) -> Option<NaiveDate> {
        self.reviews
            .iter()
            .max_by_key(|r| r.date)
            .and_then(|r| r.next_review)
    }
}

pub const PLAN_NAME_FIELD: &str = "plan-name";
pub const PLAN_STARTS_FIELD: &str = "plan-starts";
pub const PLAN_ENDS_FIELD: &str = "plan-ends";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanDraft {
    pub name: String,
    pub owner: String,
    pub starts: String,
    pub ends: String,
    pub aim: String,
}

impl PlanDraft {
    pub fn of(plan: &Plan) -> Self {
        use crate::model::common::dates::input_value;
        PlanDraft {
            name: plan.name.clone(),
            owner: plan.owner.clone(),
            starts: plan.starts.map(input_value).unwrap_or_default(),
            ends: plan.ends.map(input_value).unwrap_or_default(),
            aim: plan.aim.clone(),
        }
    }

    /// The fields as the plan details form shows them (`common::stale`).
    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("Name of the plan", &self.name),
            Shown::text("Whose plan is it?", &self.owner),
            Shown::date("Start date", &self.starts),
            Shown::date("End date", &self.ends),
            Shown::text("Your development aim", &self.aim),
        ]
    }

    /// A plan needs a name; its period, if given, must be real dates with the
    /// end after the start. (That no goal's target date falls before the start
    /// is checked by the operation, which knows the goals.)
    pub fn validate(&self, id: String, now: DateTime<Utc>) -> Result<Plan, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(FieldError::new(
                PLAN_NAME_FIELD,
                "Enter a name for the plan, such as 2026 to 2027",
            ));
        }
        let mut date = |text: &str, field: &'static str, what: &str| match parse_optional_date(text)
        {
            Ok(d) => d,
            Err(problem) => {
                errors.push(FieldError::new(field, problem.message(what)));
                None
            }
        };
        let starts = date(&self.starts, PLAN_STARTS_FIELD, "start date");
        let ends = date(&self.ends, PLAN_ENDS_FIELD, "end date");
        if let (Some(s), Some(e)) = (starts, ends) {
            if e <= s {
                errors.push(FieldError::new(
                    PLAN_ENDS_FIELD,
                    "The end date must be after the start date",
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Plan {
            id,
            name: name.to_string(),
            owner: self.owner.trim().to_string(),
            starts,
            ends,
            aim: self.aim.trim().to_string(),
            goals: Vec::new(),
            reviews: Vec::new(),
            self_ratings: Vec::new(),
            created_at: now,
            updated_at: now,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
            .and_utc()
    }

    #[test]
    fn a_plan_needs_a_name_and_a_period_that_runs_forwards() {
        let errors = PlanDraft::default()
            .validate("p1".into(), now())
            .unwrap_err();
        assert_eq!(errors[0].field, PLAN_NAME_FIELD);
        let backwards = PlanDraft {
            name: "2026 to 2027".into(),
            starts: "2027-03-31".into(),
            ends: "2026-04-01".into(),
            ..Default::default()
        };
        assert_eq!(
            backwards.validate("p1".into(), now()).unwrap_err()[0].field,
            PLAN_ENDS_FIELD
        );
        let ok = PlanDraft {
            starts: "2026-04-01".into(),
            ends: "2027-03-31".into(),
            aim: " Lead commissioning in respiratory ".into(),
            ..backwards
        };
        let plan = ok.validate("p1".into(), now()).unwrap();
        assert_eq!(plan.aim, "Lead commissioning in respiratory");
        assert_eq!(PlanDraft::of(&plan).starts, "2026-04-01");
    }
}
