//! A partnership-readiness self-assessment: who made it, for which partnership,
//! and the answer to each framework statement. Answers are keyed by the stable
//! statement id, and the assessment records the framework version it was made
//! against, so saved answers keep pointing at the right statements.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::framework::MAX_LEVEL;
use super::framework::{self, FRAMEWORK_VERSION, MAX_IMPORTANCE, MIN_IMPORTANCE};
use crate::model::common::dates::{long_date, parse_optional_date};
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::stale::Shown;
use crate::model::common::user_text::UserText;
use crate::model::common::validation::FieldError;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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

    /// The role in one word, as titles and short labels show it.
    pub fn short_name(self) -> &'static str {
        match self {
            Role::Clinician => "Clinician",
            Role::Manager => "Manager",
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Level(u8),
    NotApplicable,
}

impl Rating {
    /// Every choice offered for a statement, in the order shown.
    pub const ALL: [Rating; MAX_LEVEL as usize + 2] = [
        Rating::Level(0),
        Rating::Level(1),
        Rating::Level(2),
        Rating::Level(3),
        Rating::Level(4),
        Rating::NotApplicable,
    ];

    /// The maturity level, or `None` for "not applicable / don't know".
    /// A level above the scale (only possible in a hand-edited file) is
    /// capped at `MAX_LEVEL`, so it can never push a score past 100%.
    pub fn level(self) -> Option<u8> {
        match self {
            Rating::Level(l) => Some(l.min(MAX_LEVEL)),
            Rating::NotApplicable => None,
        }
    }

    /// A short stable key for form values: "0" to "4", or "na".
    pub fn key(self) -> String {
        match self {
            Rating::Level(l) => l.to_string(),
            Rating::NotApplicable => "na".to_string(),
        }
    }

    pub fn from_key(key: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.key() == key)
    }

    /// What the rating is called on screen, e.g. "3 Established".
    pub fn label(self) -> String {
        match self {
            Rating::Level(l) => match framework::maturity_level(l) {
                Some(m) => format!("{} {}", m.level, m.name),
                None => l.to_string(),
            },
            Rating::NotApplicable => NOT_APPLICABLE_LABEL.to_string(),
        }
    }
}

/// How "not applicable / don't know" is shown.
pub const NOT_APPLICABLE_LABEL: &str = "Not applicable or don't know";

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Answer {
    #[serde(default)]
    pub rating: Option<Rating>,
    #[serde(default)]
    pub evidence: UserText,
    /// The user marked this statement as a priority to act on.
    #[serde(default)]
    pub flagged: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Assessment {
    pub id: String,
    /// The framework version the statement ids refer to.
    pub framework_version: u32,
    pub partnership: UserText,
    #[serde(default)]
    pub clinical_area: UserText,
    pub role: Role,
    pub date: Day,
    /// Keyed by statement id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// How important each domain is to the partnership now (1 to 3), keyed by domain id.
    #[serde(default)]
    pub importance: BTreeMap<String, u8>,
    pub created_at: Moment,
    pub updated_at: Moment,
    /// For a partner's assessment: its id in the partner's own workbook, so the
    /// same file imported again is recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_id: Option<String>,
}

impl Answer {
    /// True when the answer holds nothing worth keeping.
    pub fn is_blank(&self) -> bool {
        self.rating.is_none() && self.evidence.trim().is_empty() && !self.flagged
    }
}

impl Assessment {
    /// A new, unanswered assessment against the current framework.
    pub fn new(
        id: String,
        partnership: String,
        clinical_area: String,
        role: Role,
        date: NaiveDate,
        now: Moment,
    ) -> Self {
        Assessment {
            id,
            framework_version: FRAMEWORK_VERSION,
            partnership: partnership.into(),
            clinical_area: clinical_area.into(),
            role,
            date: Day(date),
            answers: BTreeMap::new(),
            importance: BTreeMap::new(),
            created_at: now,
            updated_at: now,
            original_id: None,
        }
    }

    pub fn answer(&self, statement_id: &str) -> Option<&Answer> {
        self.answers.get(statement_id)
    }

    pub fn rating(&self, statement_id: &str) -> Option<Rating> {
        self.answer(statement_id).and_then(|a| a.rating)
    }

    /// The rated level, or `None` when unanswered or not applicable.
    pub fn level(&self, statement_id: &str) -> Option<u8> {
        self.rating(statement_id).and_then(Rating::level)
    }

    pub fn is_flagged(&self, statement_id: &str) -> bool {
        self.answer(statement_id).is_some_and(|a| a.flagged)
    }

    /// A valid importance (1 to 3) for a domain; anything else counts as unset.
    pub fn importance_of(&self, domain_id: &str) -> Option<u8> {
        self.importance
            .get(domain_id)
            .copied()
            .filter(|v| (MIN_IMPORTANCE..=MAX_IMPORTANCE).contains(v))
    }

    /// Changes one answer with `edit`, then drops it if it became blank so the
    /// saved file holds only what the user entered.
    fn edit_answer(&mut self, statement_id: &str, now: Moment, edit: impl FnOnce(&mut Answer)) {
        let answer = self.answers.entry(statement_id.to_string()).or_default();
        edit(answer);
        if answer.is_blank() {
            self.answers.remove(statement_id);
        }
        self.updated_at = now;
    }

    /// Sets (or with `None`, clears) a statement's rating.
    pub fn set_rating(&mut self, statement_id: &str, rating: Option<Rating>, now: Moment) {
        self.edit_answer(statement_id, now, |a| a.rating = rating);
    }

    pub fn set_evidence(&mut self, statement_id: &str, evidence: &str, now: Moment) {
        self.edit_answer(statement_id, now, |a| a.evidence = evidence.into());
    }

    pub fn set_flagged(&mut self, statement_id: &str, flagged: bool, now: Moment) {
        self.edit_answer(statement_id, now, |a| a.flagged = flagged);
    }

    /// Sets (or with `None`, clears) a domain's importance. Values outside 1 to 3
    /// are refused (returns false) rather than saved.
    pub fn set_importance(&mut self, domain_id: &str, value: Option<u8>, now: Moment) -> bool {
        match value {
            Some(v) if !(MIN_IMPORTANCE..=MAX_IMPORTANCE).contains(&v) => return false,
            Some(v) => {
                self.importance.insert(domain_id.to_string(), v);
            }
            None => {
                self.importance.remove(domain_id);
            }
        }
        self.updated_at = now;
        true
    }

    /// A one-line name for lists, e.g. "East Kent: Respiratory (Clinician), 22 November 2026".
    pub fn title(&self) -> String {
        let role = self.role.short_name();
        let mut name = self.partnership.trim().to_string();
        if !self.clinical_area.trim().is_empty() {
            name = format!("{name}: {}", self.clinical_area.trim());
        }
        format!("{name} ({role}), {}", long_date(self.date))
    }
}

/// What the "start a self-assessment" form sends, before validation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AssessmentDraft {
    pub partnership: String,
    pub clinical_area: String,
    /// None until the user chooses: no role is assumed.
    pub role: Option<Role>,
    /// As typed, `YYYY-MM-DD`.
    pub date: String,
}

/// Form field ids, shared by the form and its error summary links.
pub const ASSESSMENT_PARTNERSHIP_FIELD: &str = "assessment-partnership";
pub const ASSESSMENT_DATE_FIELD: &str = "assessment-date";
/// The first role radio, which the error summary links to.
pub const ASSESSMENT_ROLE_FIELD: &str = "assessment-role-clinician";

impl AssessmentDraft {
    /// The details of an existing assessment, for a form that changes them.
    pub fn of(assessment: &Assessment) -> Self {
        AssessmentDraft {
            partnership: assessment.partnership.to_string(),
            clinical_area: assessment.clinical_area.to_string(),
            role: Some(assessment.role),
            date: crate::model::common::dates::input_value(assessment.date),
        }
    }

    /// The fields as the assessment details form shows them (`common::stale`).
    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("Partnership name", &self.partnership),
            Shown::text("Clinical area", &self.clinical_area),
            Shown::choice("Your role in the partnership", self.role.map(Role::label)),
            Shown::date("Date of the assessment", &self.date),
        ]
    }

    /// Checks the draft and turns it into a new assessment, or says what to fix.
    /// The partnership name is needed to tell assessments apart; the date may
    /// not be in the future because an assessment records what is true now.
    pub fn validate(
        &self,
        id: String,
        today: NaiveDate,
        now: Moment,
    ) -> Result<Assessment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let partnership = self.partnership.trim();
        if partnership.is_empty() {
            errors.push(FieldError::new(
                ASSESSMENT_PARTNERSHIP_FIELD,
                "Enter the name of the partnership you are assessing",
            ));
        }
        if self.role.is_none() {
            errors.push(FieldError::new(
                ASSESSMENT_ROLE_FIELD,
                "Select your role in the partnership",
            ));
        }
        let date = match parse_optional_date(&self.date) {
            Ok(None) => {
                errors.push(FieldError::new(
                    ASSESSMENT_DATE_FIELD,
                    "Enter the date of the assessment",
                ));
                None
            }
            Ok(Some(d)) if d > today => {
                errors.push(FieldError::new(
                    ASSESSMENT_DATE_FIELD,
                    "The date of the assessment must be today or in the past",
                ));
                None
            }
            Ok(Some(d)) => Some(d),
            Err(problem) => {
                errors.push(FieldError::new(
                    ASSESSMENT_DATE_FIELD,
                    problem.message("date of the assessment"),
                ));
                None
            }
        };
        match (date, self.role) {
            (Some(date), Some(role)) if errors.is_empty() => Ok(Assessment::new(
                id,
                partnership.to_string(),
                self.clinical_area.trim().to_string(),
                role,
                date,
                now,
            )),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono::Utc;

    fn now() -> Moment {
        Moment(Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap())
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn blank() -> Assessment {
        Assessment::new(
            "a-1".into(),
            "East Kent".into(),
            "Respiratory".into(),
            Role::Clinician,
            today(),
            now(),
        )
    }

    #[test]
    fn ratings_have_stable_keys_and_labels() {
        for r in Rating::ALL {
            assert_eq!(Rating::from_key(&r.key()), Some(r));
        }
        assert_eq!(Rating::from_key("5"), None);
        assert_eq!(Rating::Level(3).label(), "3 Established");
        assert_eq!(Rating::NotApplicable.level(), None);
        assert_eq!(Rating::Level(9).level(), Some(MAX_LEVEL));
    }

    #[test]
    fn a_rating_round_trips_through_json_in_snake_case() {
        let text = serde_json::to_string(&Rating::NotApplicable).unwrap();
        assert_eq!(text, "\"not_applicable\"");
        let level: Rating = serde_json::from_str(r#"{"level":2}"#).unwrap();
        assert_eq!(level, Rating::Level(2));
    }

    #[test]
    fn a_new_assessment_uses_the_current_framework() {
        let a = blank();
        assert_eq!(a.framework_version, FRAMEWORK_VERSION);
        assert!(a.answers.is_empty());
        assert_eq!(
            a.title(),
            "East Kent: Respiratory (Clinician), 22 November 2026"
        );
    }

    #[test]
    fn editing_answers_keeps_only_what_was_entered() {
        let mut a = blank();
        let later = now() + chrono::Duration::minutes(5);
        a.set_rating("power-1", Some(Rating::Level(3)), later);
        a.set_flagged("power-1", true, later);
        assert_eq!(a.level("power-1"), Some(3));
        assert!(a.is_flagged("power-1"));
        assert_eq!(a.updated_at, later);

        a.set_rating("power-1", None, later);
        assert_eq!(a.rating("power-1"), None);
        assert!(a.answers.contains_key("power-1"), "still flagged");
        a.set_flagged("power-1", false, later);
        assert!(
            !a.answers.contains_key("power-1"),
            "blank answers are dropped"
        );

        a.set_evidence("aims-1", "Minutes of the March board", later);
        assert_eq!(
            a.answer("aims-1").unwrap().evidence,
            "Minutes of the March board"
        );
    }

    #[test]
    fn importance_must_be_one_to_three() {
        let mut a = blank();
        assert!(a.set_importance("power", Some(3), now()));
        assert!(!a.set_importance("power", Some(4), now()));
        assert_eq!(a.importance_of("power"), Some(3));
        a.importance.insert("trust".into(), 7);
        assert_eq!(
            a.importance_of("trust"),
            None,
            "invalid stored values count as unset"
        );
        assert!(a.set_importance("power", None, now()));
        assert_eq!(a.importance_of("power"), None);
    }

    #[test]
    fn a_draft_needs_a_partnership_and_a_real_past_date() {
        let empty = AssessmentDraft::default();
        let errors = empty.validate("a-1".into(), today(), now()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                ASSESSMENT_PARTNERSHIP_FIELD,
                ASSESSMENT_ROLE_FIELD,
                ASSESSMENT_DATE_FIELD
            ]
        );

        let future = AssessmentDraft {
            partnership: "East Kent".into(),
            role: Some(Role::Clinician),
            date: "2026-11-23".into(),
            ..Default::default()
        };
        let errors = future.validate("a-1".into(), today(), now()).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("past"));

        let bad = AssessmentDraft {
            date: "22/11/2026".into(),
            ..future.clone()
        };
        assert!(bad.validate("a-1".into(), today(), now()).is_err());

        let good = AssessmentDraft {
            partnership: "  East Kent ".into(),
            clinical_area: " Respiratory ".into(),
            role: Some(Role::Manager),
            date: "2026-11-22".into(),
        };
        let a = good.validate("a-1".into(), today(), now()).unwrap();
        assert_eq!(a.partnership, "East Kent");
        assert_eq!(a.clinical_area, "Respiratory");
        assert_eq!(a.role, Role::Manager);
        assert_eq!(a.date, today());
    }
}
