//! Leadership development plan. For now a plan is a list of goals, each with an
//! optional target date and, when it came from a self-assessment, a link back to
//! the statement it addresses. The development-plan capability extends this with
//! actions, support needed, evidence and reviews (fields added with serde defaults).
//! Imports only `common`: goals made from assessment statements are put
//! together by the document's operations, which know both areas.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use crate::model::common::dates::{parse_optional_date, NotADate};
use crate::model::common::validation::FieldError;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Goal {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub target_date: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set when the goal was made from a weak or flagged assessment statement.
    #[serde(default)]
    pub origin: Option<GoalOrigin>,
}

/// Which assessment statement a goal was created from.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GoalOrigin {
    pub assessment_id: String,
    pub statement_id: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct DevelopmentPlan {
    #[serde(default)]
    pub goals: Vec<Goal>,
}

/// What the "add a goal" form sends, before validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoalDraft {
    pub title: String,
    pub detail: String,
    /// As typed, `YYYY-MM-DD` (a date input's value); empty means no date.
    pub target_date: String,
}

/// Form field ids, shared by the form and its error summary links.
pub const GOAL_TITLE_FIELD: &str = "goal-title";
pub const GOAL_TARGET_DATE_FIELD: &str = "goal-target-date";

impl GoalDraft {
    /// An existing goal's fields, for a form that changes them.
    pub fn of(goal: &Goal) -> Self {
        GoalDraft {
            title: goal.title.clone(),
            detail: goal.detail.clone(),
            target_date: goal
                .target_date
                .map(crate::model::common::dates::input_value)
                .unwrap_or_default(),
        }
    }

    /// Checks changes to an existing goal and applies them, or says what to
    /// fix. A target date already passed may be kept as it was (the goal is
    /// overdue), but a new date must not be in the past.
    pub fn apply_to(
        &self,
        goal: &mut Goal,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<FieldError>> {
        let kept_date = goal.target_date;
        let checked_today = match (parse_optional_date(&self.target_date), kept_date) {
            (Ok(Some(date)), Some(kept)) if date == kept => date.min(today),
            _ => today,
        };
        let updated = self.validate(goal.id.clone(), checked_today, now, goal.origin.clone())?;
        goal.title = updated.title;
        goal.detail = updated.detail;
        goal.target_date = updated.target_date;
        goal.updated_at = now;
        Ok(())
    }

    /// Checks the draft and turns it into a goal, or says what to fix.
    /// A target date before today is refused: a plan looks forward.
    pub fn validate(
        &self,
        id: String,
        today: NaiveDate,
        now: DateTime<Utc>,
        origin: Option<GoalOrigin>,
    ) -> Result<Goal, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self.title.trim();
        if title.is_empty() {
            errors.push(FieldError::new(
                GOAL_TITLE_FIELD,
                "Enter what you want to achieve",
            ));
        }
        let target_date = match parse_optional_date(&self.target_date) {
            Ok(Some(d)) if d < today => {
                errors.push(FieldError::new(
                    GOAL_TARGET_DATE_FIELD,
                    "Target date must be today or in the future",
                ));
                None
            }
            Ok(d) => d,
            Err(NotADate) => {
                errors.push(FieldError::new(
                    GOAL_TARGET_DATE_FIELD,
                    "Target date must be a real date, like 2027-03-31",
                ));
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Goal {
            id,
            title: title.to_string(),
            detail: self.detail.trim().to_string(),
            target_date,
            created_at: now,
            updated_at: now,
            origin,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn now() -> DateTime<Utc> {
        today().and_hms_opt(9, 0, 0).unwrap().and_utc()
    }

    #[test]
    fn a_goal_needs_a_title() {
        let draft = GoalDraft {
            title: "   ".into(),
            ..Default::default()
        };
        let errors = draft
            .validate("g1".into(), today(), now(), None)
            .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, GOAL_TITLE_FIELD);
    }

    #[test]
    fn a_target_date_in_the_past_is_refused() {
        let draft = GoalDraft {
            title: "Chair a programme board".into(),
            target_date: "2026-01-01".into(),
            ..Default::default()
        };
        let errors = draft
            .validate("g1".into(), today(), now(), None)
            .unwrap_err();
        assert_eq!(errors[0].field, GOAL_TARGET_DATE_FIELD);
    }

    #[test]
    fn a_malformed_date_is_refused_and_a_good_draft_becomes_a_goal() {
        let bad = GoalDraft {
            title: "x".into(),
            target_date: "31/03/2027".into(),
            ..Default::default()
        };
        assert!(bad.validate("g1".into(), today(), now(), None).is_err());

        let good = GoalDraft {
            title: "  Lead the diabetes pathway redesign ".into(),
            detail: "With the lead commissioner".into(),
            target_date: "2027-03-31".into(),
        };
        let goal = good.validate("g1".into(), today(), now(), None).unwrap();
        assert_eq!(goal.title, "Lead the diabetes pathway redesign");
        assert_eq!(goal.target_date, NaiveDate::from_ymd_opt(2027, 3, 31));
        assert_eq!(goal.created_at, now());
    }
}
