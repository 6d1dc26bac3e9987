//! What sits under a goal (actions to tick off, evidence and reflections) and
//! under a plan (reviews), each with a draft that the form sends and that is
//! checked before it becomes a record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::common::dates::{long_date, parse_optional_date};
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::stale::Shown;
use crate::model::common::user_text::UserText;
use crate::model::common::validation::{required_date, required_text, FieldError};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Action {
    pub id: String,
    pub text: UserText,
    #[serde(default)]
    pub due: Option<Day>,
    /// The day it was ticked off; `None` while it is still to do.
    #[serde(default)]
    pub done_on: Option<Day>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct EvidenceEntry {
    pub id: String,
    pub date: Day,
    pub what_happened: UserText,
    #[serde(default)]
    pub learnt: UserText,
    pub created_at: Moment,
    pub updated_at: Moment,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Review {
    pub id: String,
    pub date: Day,
    pub summary: UserText,
    #[serde(default)]
    pub next_review: Option<Day>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

pub const ACTION_TEXT_FIELD: &str = "action-text";
pub const ACTION_DUE_FIELD: &str = "action-due";
pub const EVIDENCE_DATE_FIELD: &str = "evidence-date";
pub const EVIDENCE_WHAT_FIELD: &str = "evidence-what";
pub const REVIEW_DATE_FIELD: &str = "review-date";
pub const REVIEW_SUMMARY_FIELD: &str = "review-summary";
pub const REVIEW_NEXT_FIELD: &str = "review-next";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionDraft {
    pub text: String,
    /// `YYYY-MM-DD` or empty.
    pub due: String,
}

impl ActionDraft {
    pub fn of(action: &Action) -> Self {
        ActionDraft {
            text: action.text.to_string(),
            due: action
                .due
                .map(crate::model::common::dates::input_value)
                .unwrap_or_default(),
        }
    }

    /// The fields as the change-an-action form shows them (`common::stale`).
    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("What will you do?", &self.text),
            Shown::date("Due date", &self.due),
        ]
    }

    /// An action needs words; its due date, if any, must be real and not after
    /// the goal's target date (an action due later could not help meet it).
    pub fn validate(
        &self,
        id: String,
        goal_target: Option<Day>,
        now: Moment,
    ) -> Result<Action, Vec<FieldError>> {
        let mut errors = Vec::new();
        let text = required_text(
            &self.text,
            ACTION_TEXT_FIELD,
            "Enter what you will do",
            &mut errors,
        );
        let due = match parse_optional_date(&self.due) {
            Ok(Some(d)) if goal_target.is_some_and(|t| d > t) => {
                errors.push(FieldError::new(
                    ACTION_DUE_FIELD,
                    format!(
                        "The due date must be on or before the goal's target date, {}",
                        long_date(goal_target.unwrap_or(Day(d)))
                    ),
                ));
                None
            }
            Ok(d) => d,
            Err(problem) => {
                errors.push(FieldError::new(
                    ACTION_DUE_FIELD,
                    problem.message("due date"),
                ));
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Action {
            id,
            text: text.into(),
            due: due.map(Day),
            done_on: None,
            created_at: now,
            updated_at: now,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvidenceDraft {
    pub date: String,
    pub what_happened: String,
    pub learnt: String,
}

impl EvidenceDraft {
    pub fn of(entry: &EvidenceEntry) -> Self {
        EvidenceDraft {
            date: crate::model::common::dates::input_value(entry.date),
            what_happened: entry.what_happened.to_string(),
            learnt: entry.learnt.to_string(),
        }
    }

    /// The fields as the change-evidence form shows them (`common::stale`).
    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::date("When did it happen?", &self.date),
            Shown::text("What happened?", &self.what_happened),
            Shown::text("What did you learn?", &self.learnt),
        ]
    }

    /// Evidence records something that happened, so its date is not in the future.
    pub fn validate(
        &self,
        id: String,
        today: NaiveDate,
        now: Moment,
    ) -> Result<EvidenceEntry, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = required_date(
            &self.date,
            EVIDENCE_DATE_FIELD,
            "date it happened",
            Some(today),
            &mut errors,
        );
        let what_happened = required_text(
            &self.what_happened,
            EVIDENCE_WHAT_FIELD,
            "Enter what happened",
            &mut errors,
        );
        match date {
            Some(date) if errors.is_empty() => Ok(EvidenceEntry {
                id,
                date: Day(date),
                what_happened: what_happened.into(),
                learnt: self.learnt.trim().into(),
                created_at: now,
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewDraft {
    pub date: String,
    pub summary: String,
    pub next_review: String,
}

impl ReviewDraft {
    pub fn of(review: &Review) -> Self {
        use crate::model::common::dates::input_value;
        ReviewDraft {
            date: input_value(review.date),
            summary: review.summary.to_string(),
            next_review: review.next_review.map(input_value).unwrap_or_default(),
        }
    }

    /// The fields as the change-a-review form shows them (`common::stale`).
    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::date("Date of the review", &self.date),
            Shown::text("Summary", &self.summary),
            Shown::date("Next review", &self.next_review),
        ]
    }

    /// A review happened (not in the future); the next one comes after it.
    pub fn validate(
        &self,
        id: String,
        today: NaiveDate,
        now: Moment,
    ) -> Result<Review, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = required_date(
            &self.date,
            REVIEW_DATE_FIELD,
            "date of the review",
            Some(today),
            &mut errors,
        );
        let summary = required_text(
            &self.summary,
            REVIEW_SUMMARY_FIELD,
            "Enter a summary of the review",
            &mut errors,
        );
        let next_review = match parse_optional_date(&self.next_review) {
            Ok(Some(next)) if date.is_some_and(|d| next <= d) => {
                errors.push(FieldError::new(
                    REVIEW_NEXT_FIELD,
                    "The next review must be after this review",
                ));
                None
            }
            Ok(next) => next,
            Err(problem) => {
                errors.push(FieldError::new(
                    REVIEW_NEXT_FIELD,
                    problem.message("next review date"),
                ));
                None
            }
        };
        match date {
            Some(date) if errors.is_empty() => Ok(Review {
                id,
                date: Day(date),
                summary: summary.into(),
                next_review: next_review.map(Day),
                created_at: now,
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn now() -> Moment {
        Moment(day(2026, 11, 24).and_hms_opt(9, 0, 0).unwrap().and_utc())
    }

    #[test]
    fn an_action_due_after_its_goal_is_refused_with_the_goal_date() {
        let draft = ActionDraft {
            text: "Meet the lead commissioner".into(),
            due: "2027-05-01".into(),
        };
        let errors = draft
            .validate("a1".into(), Some(Day(day(2027, 3, 31))), now())
            .unwrap_err();
        assert_eq!(errors[0].field, ACTION_DUE_FIELD);
        assert!(errors[0].message.contains("31 March 2027"));
        let ok = draft
            .validate("a1".into(), Some(Day(day(2027, 6, 1))), now())
            .unwrap();
        assert_eq!(ok.due, Some(Day(day(2027, 5, 1))));
        assert_eq!(ok.done_on, None);
        let empty = ActionDraft::default()
            .validate("a1".into(), None, now())
            .unwrap_err();
        assert_eq!(empty[0].field, ACTION_TEXT_FIELD);
        let impossible = ActionDraft {
            text: "x".into(),
            due: "2027-02-30".into(),
        };
        assert_eq!(
            impossible.validate("a1".into(), None, now()).unwrap_err()[0].field,
            ACTION_DUE_FIELD
        );
    }

    #[test]
    fn evidence_needs_a_past_date_and_what_happened() {
        let today = day(2026, 11, 24);
        let errors = EvidenceDraft::default()
            .validate("e1".into(), today, now())
            .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![EVIDENCE_DATE_FIELD, EVIDENCE_WHAT_FIELD]);
        let future = EvidenceDraft {
            date: "2026-11-25".into(),
            what_happened: "Chaired the board".into(),
            learnt: String::new(),
        };
        assert!(future.validate("e1".into(), today, now()).unwrap_err()[0]
            .message
            .contains("past"));
        let ok = EvidenceDraft {
            date: "2026-11-20".into(),
            ..future
        };
        assert_eq!(
            ok.validate("e1".into(), today, now()).unwrap().date,
            day(2026, 11, 20)
        );
    }

    #[test]
    fn a_review_needs_a_summary_and_its_next_review_comes_after_it() {
        let today = day(2026, 11, 24);
        let draft = ReviewDraft {
            date: "2026-11-24".into(),
            summary: "Two goals achieved".into(),
            next_review: "2026-11-01".into(),
        };
        assert_eq!(
            draft.validate("r1".into(), today, now()).unwrap_err()[0].field,
            REVIEW_NEXT_FIELD
        );
        let ok = ReviewDraft {
            next_review: "2027-05-24".into(),
            ..draft
        };
        assert_eq!(
            ok.validate("r1".into(), today, now()).unwrap().next_review,
            Some(Day(day(2027, 5, 24)))
        );
    }
}
