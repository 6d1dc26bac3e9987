//! The plan's coverage of the framework: the latest self-rating beside the
//! goals, and the weakest elements no goal builds yet, suggested.

use crate::model::capabilities::{Element, DOMAINS};
use crate::model::plan::plans::Plan;
use crate::model::plan::self_rating::{SelfRating, SUGGEST_AT_OR_BELOW};

impl Plan {
    /// The most recent self-rating, by its date.
    pub fn latest_self_rating(&self) -> Option<&SelfRating> {
        self.self_ratings
            .iter()
            .max_by_key(|r| (r.date, r.created_at))
    }
}

/// The weakest elements in the latest self-rating (at or below
/// `SUGGEST_AT_OR_BELOW`) that no goal in the plan builds yet, weakest first.
pub fn suggested_elements(plan: &Plan) -> Vec<(&'static Element, u8)> {
    let Some(rating) = plan.latest_self_rating() else {
        return Vec::new();
    };
    let mut found: Vec<(&'static Element, u8)> = DOMAINS
        .iter()
        .flat_map(|d| d.elements.iter())
        .filter_map(|e| rating.ratings.get(e.id).map(|v| (e, *v)))
        .filter(|(e, v)| {
            *v <= SUGGEST_AT_OR_BELOW
                && !plan
                    .goals
                    .iter()
                    .any(|g| g.capability.as_deref() == Some(e.id))
        })
        .collect();
    found.sort_by_key(|(_, v)| *v);
    found
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};

    use super::*;
    use crate::model::plan::goals::GoalDraft;
    use crate::model::plan::self_rating::SelfRatingDraft;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn now() -> DateTime<Utc> {
        day(24).and_hms_opt(9, 0, 0).unwrap().and_utc()
    }

    fn draft(date: &str, ratings: &[(&str, u8)]) -> SelfRatingDraft {
        SelfRatingDraft {
            date: date.into(),
            ratings: ratings.iter().map(|(e, v)| (e.to_string(), *v)).collect(),
        }
    }

    #[test]
    fn the_weakest_elements_without_a_goal_are_suggested_from_the_latest_rating() {
        let mut plan = Plan::first("p".into(), now());
        let old = draft("2026-11-01", &[("managing-planning", 1)])
            .validate("r1".into(), day(24), now())
            .unwrap();
        let latest = draft(
            "2026-11-20",
            &[
                ("managing-planning", 3),
                ("improving-evaluating", 2),
                ("others-networks", 1),
                ("direction-impact", 1),
            ],
        )
        .validate("r2".into(), day(24), now())
        .unwrap();
        plan.self_ratings = vec![latest, old];
        let mut goal = GoalDraft {
            title: "Evaluate impact".into(),
            capability: "direction-impact".into(),
            ..Default::default()
        }
        .validate("g".into(), day(24), now(), None, None)
        .unwrap();
        goal.capability = Some("direction-impact".into());
        plan.goals.push(goal);
        let ids: Vec<&str> = suggested_elements(&plan)
            .iter()
            .map(|(e, _)| e.id)
            .collect();
        assert_eq!(
            ids,
            vec!["others-networks", "improving-evaluating"],
            "weakest first; planned and strong left out"
        );
        assert_eq!(plan.latest_self_rating().unwrap().id, "r2");
    }
}
