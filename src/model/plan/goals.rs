//! Goals in the shape of a doctor's personal development plan. Fields added
//! after the first release have serde defaults, so older goals still load.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::entries::{Action, EvidenceEntry};
use crate::model::capabilities;
use crate::model::common::dates::long_date;
pub use crate::model::common::dates::{parse_optional_date, NotADate};
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::stale::Shown;
use crate::model::common::user_text::UserText;
use crate::model::common::validation::FieldError;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Goal {
    pub id: String,
    /// The goal: what the user wants to achieve.
    pub title: UserText,
    /// Free notes (the first release's "details").
    #[serde(default)]
    pub detail: UserText,
    /// What the user needs to learn.
    #[serde(default)]
    pub learning_need: UserText,
    /// How success will be shown.
    #[serde(default)]
    pub success_measure: UserText,
    #[serde(default)]
    pub target_date: Option<Day>,
    #[serde(default)]
    pub status: GoalStatus,
    #[serde(default)]
    pub support: Vec<Support>,
    /// The MLCF element it builds (`capabilities::element`).
    #[serde(default)]
    pub capability: Option<String>,
    /// The review of the goal: what came of it.
    #[serde(default)]
    pub outcome: UserText,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(default)]
    pub evidence: Vec<EvidenceEntry>,
    pub created_at: Moment,
    pub updated_at: Moment,
    /// Set when the goal was made from a weak or flagged assessment statement.
    #[serde(default)]
    pub origin: Option<GoalOrigin>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    NotStarted,
    InProgress,
    Achieved,
    Deferred,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] = [
        GoalStatus::NotStarted,
        GoalStatus::InProgress,
        GoalStatus::Achieved,
        GoalStatus::Deferred,
    ];

    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "Not started",
            GoalStatus::InProgress => "In progress",
            GoalStatus::Achieved => "Achieved",
            GoalStatus::Deferred => "Deferred",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "not-started",
            GoalStatus::InProgress => "in-progress",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Deferred => "deferred",
        }
    }

    /// Still to be worked on: its dates matter.
    pub fn is_open(self) -> bool {
        matches!(self, GoalStatus::NotStarted | GoalStatus::InProgress)
    }
}

/// Support a goal needs. Each kind is drawn from the articles (see `source`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Support {
    ProtectedTime,
    LeadershipTraining,
    MentorOrCoach,
    Shadowing,
    Project,
}

impl Support {
    pub const ALL: [Support; 5] = [
        Support::ProtectedTime,
        Support::LeadershipTraining,
        Support::MentorOrCoach,
        Support::Shadowing,
        Support::Project,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Support::ProtectedTime => "Protected time away from clinical work",
            Support::LeadershipTraining => "Leadership training",
            Support::MentorOrCoach => "A mentor, coach or paired manager",
            Support::Shadowing => "Shadowing or a placement",
            Support::Project => "A project to lead",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Support::ProtectedTime => "protected-time",
            Support::LeadershipTraining => "leadership-training",
            Support::MentorOrCoach => "mentor-or-coach",
            Support::Shadowing => "shadowing",
            Support::Project => "project",
        }
    }

    /// Where the kind of support comes from: (article file, the idea in it).
    pub fn source(self) -> (&'static str, &'static str) {
        match self {
            Support::ProtectedTime => (
                "000_6895a999c6988347.txt",
                "resources to free clinical leaders from their day jobs",
            ),
            Support::LeadershipTraining => (
                "002_988aba35d981483a.txt",
                "a clinical leadership programme and leadership training",
            ),
            Support::MentorOrCoach => (
                "002_988aba35d981483a.txt",
                "each clinical commissioner paired with a lead commissioner",
            ),
            Support::Shadowing => (
                "002_988aba35d981483a.txt",
                "four-month placements to experience commissioning",
            ),
            Support::Project => (
                "003_813f15a70e4b4425.txt",
                "practice-based commissioners leading programmes of work",
            ),
        }
    }
}

/// Which assessment statement a goal was created from.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GoalOrigin {
    pub assessment_id: String,
    pub statement_id: String,
}

/// What the goal form sends, before validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoalDraft {
    pub title: String,
    pub detail: String,
    pub learning_need: String,
    pub success_measure: String,
    /// As typed, `YYYY-MM-DD` (a date input's value); empty means no date.
    pub target_date: String,
    pub status: GoalStatus,
    pub support: Vec<Support>,
    /// An MLCF element id, or empty for none.
    pub capability: String,
    pub outcome: String,
}

/// Form field ids, shared by the form and its error summary links.
pub const GOAL_TITLE_FIELD: &str = "goal-title";
pub const GOAL_TARGET_DATE_FIELD: &str = "goal-target-date";
pub const GOAL_CAPABILITY_FIELD: &str = "goal-capability";

impl GoalDraft {
    /// An existing goal's fields, for a form that changes them.
    pub fn of(goal: &Goal) -> Self {
        GoalDraft {
            title: goal.title.to_string(),
            detail: goal.detail.to_string(),
            learning_need: goal.learning_need.to_string(),
            success_measure: goal.success_measure.to_string(),
            target_date: goal
                .target_date
                .map(crate::model::common::dates::input_value)
                .unwrap_or_default(),
            status: goal.status,
            support: goal.support.clone(),
            capability: goal.capability.clone().unwrap_or_default(),
            outcome: goal.outcome.to_string(),
        }
    }

    /// The fields as the change-a-goal form shows them, for telling the user
    /// what changed while the form was open (`common::stale`).
    pub fn shown(&self) -> Vec<Shown> {
        let support = Support::ALL
            .into_iter()
            .filter(|s| self.support.contains(s))
            .map(Support::label);
        let capability =
            capabilities::label(self.capability.trim()).unwrap_or_else(|| self.capability.clone());
        vec![
            Shown::text("What do you need to learn?", &self.learning_need),
            Shown::text("What do you want to achieve?", &self.title),
            Shown::text(
                "How will you show you have achieved it?",
                &self.success_measure,
            ),
            Shown::date("Target date", &self.target_date),
            Shown::text("Which leadership capability does it build?", &capability),
            Shown::list("What support do you need?", support),
            Shown::text("Details", &self.detail),
            Shown::choice("Status", Some(self.status.label())),
            Shown::text("Review and outcome", &self.outcome),
        ]
    }

    /// Checks changes to an existing goal and applies them, or says what to
    /// fix. A target date already passed may be kept as it was (the goal is
    /// overdue), but a new date must not be in the past.
    pub fn apply_to(
        &self,
        goal: &mut Goal,
        today: NaiveDate,
        now: Moment,
        plan_starts: Option<Day>,
    ) -> Result<(), Vec<FieldError>> {
        let kept_date = goal.target_date;
        let checked_today = match (parse_optional_date(&self.target_date), kept_date) {
            (Ok(Some(date)), Some(kept)) if date == kept => date.min(today),
            _ => today,
        };
        let mut updated = self.validate(
            goal.id.clone(),
            checked_today,
            now,
            goal.origin.clone(),
            plan_starts,
        )?;
        // What the goal holds beyond the form stays as it is.
        updated.actions = std::mem::take(&mut goal.actions);
        updated.evidence = std::mem::take(&mut goal.evidence);
        updated.created_at = goal.created_at;
        if let Some(late) = updated.target_date.and_then(|target| {
            updated
                .actions
                .iter()
                .filter_map(|a| a.due)
                .find(|due| *due > target)
        }) {
            goal.actions = std::mem::take(&mut updated.actions);
            goal.evidence = std::mem::take(&mut updated.evidence);
            return Err(vec![FieldError::new(
                GOAL_TARGET_DATE_FIELD,
                format!(
                    "The target date must be on or after the goal's last action, due {}",
                    long_date(late)
                ),
            )]);
        }
        *goal = updated;
        Ok(())
    }

    /// Checks the draft and turns it into a goal, or says what to fix.
    /// A target date before today is refused: a plan looks forward.
    pub fn validate(
        &self,
        id: String,
        today: NaiveDate,
        now: Moment,
        origin: Option<GoalOrigin>,
        plan_starts: Option<Day>,
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
            Ok(Some(d)) if plan_starts.is_some_and(|start| d < start) => {
                errors.push(FieldError::new(
                    GOAL_TARGET_DATE_FIELD,
                    format!(
                        "Target date must be on or after the plan starts, {}",
                        long_date(plan_starts.unwrap_or(Day(d)))
                    ),
                ));
                None
            }
            Ok(d) => d,
            Err(problem) => {
                errors.push(FieldError::new(
                    GOAL_TARGET_DATE_FIELD,
                    problem.message("target date"),
                ));
                None
            }
        };
        let capability = self.capability.trim();
        if !capability.is_empty() && capabilities::element(capability).is_none() {
            errors.push(FieldError::new(
                GOAL_CAPABILITY_FIELD,
                "Choose a capability from the list",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Goal {
            id,
            title: title.into(),
            detail: self.detail.trim().into(),
            learning_need: self.learning_need.trim().into(),
            success_measure: self.success_measure.trim().into(),
            target_date: target_date.map(Day),
            status: self.status,
            support: {
                let mut support = self.support.clone();
                support.sort();
                support.dedup();
                support
            },
            capability: (!capability.is_empty()).then(|| capability.to_string()),
            outcome: self.outcome.trim().into(),
            actions: Vec::new(),
            evidence: Vec::new(),
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

    fn now() -> Moment {
        Moment(today().and_hms_opt(9, 0, 0).unwrap().and_utc())
    }

    #[test]
    fn a_goal_needs_a_title() {
        let draft = GoalDraft {
            title: "   ".into(),
            ..Default::default()
        };
        let errors = draft
            .validate("g1".into(), today(), now(), None, None)
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
            .validate("g1".into(), today(), now(), None, None)
            .unwrap_err();
        assert_eq!(errors[0].field, GOAL_TARGET_DATE_FIELD);
    }

    #[test]
    fn a_target_date_before_the_plan_starts_is_refused_and_a_capability_must_be_known() {
        let draft = GoalDraft {
            title: "Lead a redesign".into(),
            target_date: "2027-01-31".into(),
            ..Default::default()
        };
        let starts = NaiveDate::from_ymd_opt(2027, 4, 1).map(Day);
        let errors = draft
            .validate("g1".into(), today(), now(), None, starts)
            .unwrap_err();
        assert_eq!(errors[0].field, GOAL_TARGET_DATE_FIELD);
        assert!(
            errors[0].message.contains("1 April 2027"),
            "{}",
            errors[0].message
        );

        let unknown = GoalDraft {
            title: "x".into(),
            capability: "made-up".into(),
            ..Default::default()
        };
        let errors = unknown
            .validate("g1".into(), today(), now(), None, None)
            .unwrap_err();
        assert_eq!(errors[0].field, GOAL_CAPABILITY_FIELD);
        let known = GoalDraft {
            capability: "improving-evaluating".into(),
            support: vec![Support::Project, Support::ProtectedTime, Support::Project],
            ..unknown
        };
        let goal = known
            .validate("g1".into(), today(), now(), None, None)
            .unwrap();
        assert_eq!(goal.capability.as_deref(), Some("improving-evaluating"));
        assert_eq!(goal.support, vec![Support::ProtectedTime, Support::Project]);
        assert_eq!(goal.status, GoalStatus::NotStarted);
    }

    #[test]
    fn a_goal_draft_shows_its_fields_in_the_forms_words() {
        let draft = GoalDraft {
            title: "Chair the board".into(),
            target_date: "2026-12-01".into(),
            status: GoalStatus::InProgress,
            support: vec![Support::Project, Support::ProtectedTime],
            capability: "improving-evaluating".into(),
            ..Default::default()
        };
        let shown = draft.shown();
        let value = |label: &str| {
            shown
                .iter()
                .find(|s| s.label == label)
                .map(|s| s.value.as_str())
                .unwrap_or_else(|| panic!("no field {label}"))
        };
        assert_eq!(value("What do you want to achieve?"), "Chair the board");
        assert_eq!(value("Target date"), "1 December 2026");
        assert_eq!(value("Status"), "In progress");
        assert_eq!(value("Review and outcome"), "(empty)");
        assert_eq!(
            value("What support do you need?"),
            "Protected time away from clinical work; A project to lead",
            "in the form's order, not the order ticked"
        );
        assert!(value("Which leadership capability does it build?")
            .starts_with("Critically evaluating"));
        // Every field of the form once, each with its own label.
        let mut labels: Vec<&str> = shown.iter().map(|s| s.label).collect();
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), 9);
    }

    #[test]
    fn every_kind_of_support_cites_an_article() {
        for s in Support::ALL {
            let (file, idea) = s.source();
            assert!(file.ends_with(".txt") && !idea.is_empty());
        }
    }

    #[test]
    fn a_malformed_date_is_refused_and_a_good_draft_becomes_a_goal() {
        let bad = GoalDraft {
            title: "x".into(),
            target_date: "31/03/2027".into(),
            ..Default::default()
        };
        assert!(bad
            .validate("g1".into(), today(), now(), None, None)
            .is_err());

        let good = GoalDraft {
            title: "  Lead the diabetes pathway redesign ".into(),
            detail: "With the lead commissioner".into(),
            target_date: "2027-03-31".into(),
            ..Default::default()
        };
        let goal = good
            .validate("g1".into(), today(), now(), None, None)
            .unwrap();
        assert_eq!(goal.title, "Lead the diabetes pathway redesign");
        assert_eq!(
            goal.target_date,
            NaiveDate::from_ymd_opt(2027, 3, 31).map(Day)
        );
        assert_eq!(goal.created_at, now());
    }
}
