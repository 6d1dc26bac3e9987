//! An optional, dated, repeatable self-rating on the 20 elements of the
//! Medical Leadership Competency Framework, in the spirit of the framework's
//! own self-assessment tool. The plan's coverage view shows the latest rating
//! beside the goals, and the weakest elements with no goal are suggested
//! (`plans::suggested_elements`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::capabilities;
use crate::model::common::dates::parse_optional_date;
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::validation::FieldError;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SelfRating {
    pub id: String,
    pub date: Day,
    /// Element id to a point on `SCALE`.
    pub ratings: BTreeMap<String, u8>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

/// The four points of the self-rating: (value, name, what it means).
pub const SCALE: [(u8, &str, &str); 4] = [
    (1, "Not yet", "I rarely show this yet."),
    (
        2,
        "Developing",
        "I show this sometimes, or in some settings.",
    ),
    (3, "Established", "I show this most of the time."),
    (
        4,
        "A strength",
        "I show this consistently and help others to.",
    ),
];

/// Where the self-rating comes from, in plain English.
pub const SOURCE: &str = "Rating yourself on the framework's 20 elements follows the self-assessment \
     tool that accompanies the Medical Leadership Competency Framework; the four-point scale is this \
     workbook's own.";

/// Elements rated at or below this are weak enough to suggest a goal.
pub const SUGGEST_AT_OR_BELOW: u8 = 2;

pub const SELF_RATING_DATE_FIELD: &str = "self-rating-date";
/// The first element's first radio, which the error summary links to.
pub const SELF_RATING_FIRST_FIELD: &str = "rate-personal-self-awareness-1";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SelfRatingDraft {
    pub date: String,
    pub ratings: BTreeMap<String, u8>,
}

impl SelfRatingDraft {
    /// A rating needs a date not in the future and at least one element rated;
    /// every value must be an element of the framework and a point on the scale.
    pub fn validate(
        &self,
        id: String,
        today: NaiveDate,
        now: Moment,
    ) -> Result<SelfRating, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = match parse_optional_date(&self.date) {
            Ok(Some(d)) if d <= today => Some(d),
            Ok(Some(_)) => {
                errors.push(FieldError::new(
                    SELF_RATING_DATE_FIELD,
                    "The date must be today or in the past",
                ));
                None
            }
            Ok(None) => {
                errors.push(FieldError::new(
                    SELF_RATING_DATE_FIELD,
                    "Enter the date of the rating",
                ));
                None
            }
            Err(problem) => {
                errors.push(FieldError::new(
                    SELF_RATING_DATE_FIELD,
                    problem.message("date of the rating"),
                ));
                None
            }
        };
        if self.ratings.is_empty() {
            errors.push(FieldError::new(
                SELF_RATING_FIRST_FIELD,
                "Rate yourself on at least one element",
            ));
        }
        let off = self
            .ratings
            .iter()
            .any(|(e, v)| capabilities::element(e).is_none() || !(1..=4).contains(v));
        if off {
            errors.push(FieldError::new(
                SELF_RATING_FIRST_FIELD,
                "Each rating must be one of the four points, for an element of the framework",
            ));
        }
        match date {
            Some(date) if errors.is_empty() => Ok(SelfRating {
                id,
                date: Day(date),
                ratings: self.ratings.clone(),
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

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn now() -> Moment {
        Moment(day(24).and_hms_opt(9, 0, 0).unwrap().and_utc())
    }

    fn draft(date: &str, ratings: &[(&str, u8)]) -> SelfRatingDraft {
        SelfRatingDraft {
            date: date.into(),
            ratings: ratings.iter().map(|(e, v)| (e.to_string(), *v)).collect(),
        }
    }

    #[test]
    fn a_self_rating_needs_a_past_date_and_real_elements_on_the_scale() {
        let errors = draft("", &[])
            .validate("r".into(), day(24), now())
            .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(draft("2026-11-25", &[("managing-planning", 2)])
            .validate("r".into(), day(24), now())
            .is_err());
        assert!(draft("2026-11-20", &[("made-up", 2)])
            .validate("r".into(), day(24), now())
            .is_err());
        assert!(draft("2026-11-20", &[("managing-planning", 5)])
            .validate("r".into(), day(24), now())
            .is_err());
        let ok = draft("2026-11-20", &[("managing-planning", 2)])
            .validate("r".into(), day(24), now())
            .unwrap();
        assert_eq!(ok.ratings["managing-planning"], 2);
    }
}
