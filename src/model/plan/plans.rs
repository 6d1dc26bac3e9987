//! A development plan: a name (such as "2026–27"), whose it is, the period it
//! covers and the aim, holding goals and reviews.

use serde::{Deserialize, Serialize};

use super::entries::Review;
use super::goals::Goal;
use super::self_rating::{SelfRating, SUGGEST_AT_OR_BELOW};
use crate::model::capabilities::{Element, DOMAINS};
use crate::model::common::dates::{long_date, parse_optional_date};
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::stale::Shown;
use crate::model::common::user_text::UserText;
use crate::model::common::validation::FieldError;

/// The development plans' part of the workbook, saved as the list `plans`:
/// a deferred section (`workbook::deferred`), read when a page that shows
/// plans or goals opens, so the first download carries no reader for plans,
/// goals, actions, evidence, reviews or self-ratings.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct PlanBook {
    pub plans: Vec<Plan>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Plan {
    pub id: String,
    pub name: UserText,
    #[serde(default)]
    pub owner: UserText,
    #[serde(default)]
    pub starts: Option<Day>,
    #[serde(default)]
    pub ends: Option<Day>,
    /// A short statement of the development aim.
    #[serde(default)]
    pub aim: UserText,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// Optional self-ratings on the framework's elements, oldest first.
    #[serde(default)]
    pub self_ratings: Vec<SelfRating>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

/// The name a plan gets when the user adds a goal before making one.
pub const FIRST_PLAN_NAME: &str = "My development plan";

impl Plan {
    /// An empty plan under `FIRST_PLAN_NAME`, for a first goal to go in.
    /// A plan may not start after one of its goals' target dates: the
    /// same rule a goal's target date meets when it is set (`GoalDraft::validate`).
    pub fn refuse_start_after_goals(&self, starts: Option<Day>) -> Result<(), Vec<FieldError>> {
        let Some(starts) = starts else {
            return Ok(());
        };
        match self
            .goals
            .iter()
            .filter_map(|g| g.target_date)
            .filter(|t| *t < starts)
            .min()
        {
            Some(early) => Err(vec![FieldError::new(
                PLAN_STARTS_FIELD,
                format!(
                    "The plan cannot start after a goal's target date: the earliest is {}",
                    long_date(early)
                ),
            )]),
            None => Ok(()),
        }
    }

    pub fn first(id: String, now: Moment) -> Plan {
        Plan {
            id,
            name: FIRST_PLAN_NAME.into(),
            owner: UserText::default(),
            starts: None,
            ends: None,
            aim: UserText::default(),
            goals: Vec::new(),
            reviews: Vec::new(),
            self_ratings: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// When the next review is due: the latest review's next date.
    pub fn next_review(&self) -> Option<Day> {
        self.reviews
            .iter()
            .max_by_key(|r| r.date)
            .and_then(|r| r.next_review)
    }
}

/// True when two plan names would look the same to the user: the same words,
/// whatever the capitals or the spaces around them. Two plans may not share
/// a name, so that a list of plans (and a choice between them) can be told apart.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The message refusing a plan name another plan already has.
pub fn name_taken_message(name: &str) -> String {
    format!(
        "You already have a plan called \"{}\": give this one another name",
        name.trim()
    )
}

/// A plan combined into another (`Change::CombinePlans`), as it was just
/// before, so that the combination can be undone: the plan is put back where
/// it was and what it held moves back out of the other plan.
#[derive(Clone, Debug, PartialEq)]
pub struct CombinedPlan {
    /// The plan that was combined into the other, with its goals (and their
    /// actions and evidence), reviews and self-ratings, as they were.
    pub from: Plan,
    /// Where it was in the list of plans.
    pub position: usize,
    /// The plan it went into.
    pub into: String,
    /// That plan's name then, for the message that offers the undo.
    pub into_name: String,
}

impl CombinedPlan {
    /// What was done, for the "… Undo" message.
    pub fn describe(&self) -> String {
        format!(
            "Moved everything in \"{}\" into \"{}\", and removed the empty plan.",
            self.from.name, self.into_name
        )
    }
}

/// What combining `from` into another plan moves, in words:
/// "3 goals, 1 review and 1 self-rating"; `None` when it holds nothing.
pub fn what_moves(from: &Plan) -> Option<String> {
    fn count(n: usize, one: &str, many: &str) -> Option<String> {
        (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }))
    }
    let parts: Vec<String> = [
        count(from.goals.len(), "goal", "goals"),
        count(from.reviews.len(), "review", "reviews"),
        count(from.self_ratings.len(), "self-rating", "self-ratings"),
    ]
    .into_iter()
    .flatten()
    .collect();
    match parts.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

pub const PLAN_NAME_FIELD: &str = "plan-name";
pub const PLAN_STARTS_FIELD: &str = "plan-starts";
pub const PLAN_ENDS_FIELD: &str = "plan-ends";
/// The choice of the plan to combine into another (its first radio).
pub const COMBINE_FROM_FIELD: &str = "combine-from";

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
            name: plan.name.to_string(),
            owner: plan.owner.to_string(),
            starts: plan.starts.map(input_value).unwrap_or_default(),
            ends: plan.ends.map(input_value).unwrap_or_default(),
            aim: plan.aim.to_string(),
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
    pub fn validate(&self, id: String, now: Moment) -> Result<Plan, Vec<FieldError>> {
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
            name: name.into(),
            owner: self.owner.trim().into(),
            starts: starts.map(Day),
            ends: ends.map(Day),
            aim: self.aim.trim().into(),
            goals: Vec::new(),
            reviews: Vec::new(),
            self_ratings: Vec::new(),
            created_at: now,
            updated_at: now,
        })
    }
}

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
    use super::*;
    use chrono::NaiveDate;

    fn now() -> Moment {
        Moment(
            NaiveDate::from_ymd_opt(2026, 11, 24)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap()
                .and_utc(),
        )
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

    #[test]
    fn names_differing_only_in_capitals_or_spaces_are_the_same_name() {
        assert!(same_name("My development plan", " my Development plan "));
        assert!(!same_name("My development plan", "My development plan (2)"));
        assert_eq!(
            name_taken_message(" 2026 to 2027 "),
            "You already have a plan called \"2026 to 2027\": give this one another name"
        );
    }

    #[test]
    fn what_combining_a_plan_moves_is_counted_in_words() {
        let mut plan = Plan::first("p1".into(), now());
        assert_eq!(what_moves(&plan), None);
        let goal = crate::model::plan::GoalDraft {
            title: "Chair".into(),
            ..Default::default()
        }
        .validate("g1".into(), now().date_naive(), now(), None, None)
        .unwrap();
        plan.goals = vec![goal.clone(), goal.clone(), goal];
        assert_eq!(what_moves(&plan).as_deref(), Some("3 goals"));
        let review = crate::model::plan::ReviewDraft {
            date: "2026-11-20".into(),
            summary: "Fine".into(),
            next_review: String::new(),
        }
        .validate("r1".into(), now().date_naive(), now())
        .unwrap();
        plan.reviews = vec![review];
        let rating = crate::model::plan::SelfRatingDraft {
            date: "2026-11-20".into(),
            ratings: [("managing-planning".to_string(), 2u8)]
                .into_iter()
                .collect(),
        }
        .validate("s1".into(), now().date_naive(), now())
        .unwrap();
        plan.self_ratings = vec![rating];
        assert_eq!(
            what_moves(&plan).as_deref(),
            Some("3 goals, 1 review and 1 self-rating")
        );
        plan.goals.truncate(1);
        plan.self_ratings.clear();
        assert_eq!(what_moves(&plan).as_deref(), Some("1 goal and 1 review"));
    }

    #[test]
    fn the_weakest_elements_without_a_goal_are_suggested_from_the_latest_rating() {
        use crate::model::plan::{GoalDraft, SelfRatingDraft};
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let draft = |date: &str, ratings: &[(&str, u8)]| SelfRatingDraft {
            date: date.into(),
            ratings: ratings.iter().map(|(e, v)| (e.to_string(), *v)).collect(),
        };
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
