//! A placement's commissioning projects (redesigning a pathway, arranging a
//! workshop, writing a business case) and their dated milestones.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::common::dates::input_value;
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::stale::Shown;
use crate::model::common::user_text::UserText;
use crate::model::common::validation::{optional_date, required_date, required_text, FieldError};

pub const PROJECT_TITLE_FIELD: &str = "project-title";
pub const MILESTONE_TITLE_FIELD: &str = "milestone-title";
pub const MILESTONE_PLANNED_FIELD: &str = "milestone-planned";
pub const MILESTONE_DONE_FIELD: &str = "milestone-done";
/// The date asked for when a milestone is ticked off in its project's list.
pub const MILESTONE_TICKED_FIELD: &str = "milestone-ticked-on";

/// The day a milestone ticked off in the list was done, as the user typed it
/// (today unless they change it): a real date, today or in the past.
pub fn day_it_was_done(text: &str, today: NaiveDate) -> Result<NaiveDate, Vec<FieldError>> {
    let mut errors = Vec::new();
    required_date(
        text,
        MILESTONE_TICKED_FIELD,
        "date it was done",
        Some(today),
        &mut errors,
    )
    .ok_or(errors)
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    #[default]
    NotStarted,
    InProgress,
    OnHold,
    Completed,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 4] = [
        ProjectStatus::NotStarted,
        ProjectStatus::InProgress,
        ProjectStatus::OnHold,
        ProjectStatus::Completed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProjectStatus::NotStarted => "Not started",
            ProjectStatus::InProgress => "In progress",
            ProjectStatus::OnHold => "On hold",
            ProjectStatus::Completed => "Completed",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ProjectStatus::NotStarted => "not-started",
            ProjectStatus::InProgress => "in-progress",
            ProjectStatus::OnHold => "on-hold",
            ProjectStatus::Completed => "completed",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Project {
    pub id: String,
    pub title: UserText,
    #[serde(default)]
    pub aim: UserText,
    #[serde(default)]
    pub clinical_area: UserText,
    /// Who has a stake in it: practices, the hospital, patients' groups.
    #[serde(default)]
    pub stakeholders: UserText,
    #[serde(default)]
    pub status: ProjectStatus,
    /// What came of it, for the end-of-placement summary.
    #[serde(default)]
    pub outcome: UserText,
    /// In planned-date order.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Milestone {
    pub id: String,
    pub title: UserText,
    pub planned: Day,
    /// The day it was done; `None` while still to do.
    #[serde(default)]
    pub done_on: Option<Day>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

impl Milestone {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done_on.is_none() && self.planned < today
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectDraft {
    pub title: String,
    pub aim: String,
    pub clinical_area: String,
    pub stakeholders: String,
    pub status: ProjectStatus,
    pub outcome: String,
}

impl ProjectDraft {
    pub fn of(p: &Project) -> Self {
        ProjectDraft {
            title: p.title.to_string(),
            aim: p.aim.to_string(),
            clinical_area: p.clinical_area.to_string(),
            stakeholders: p.stakeholders.to_string(),
            status: p.status,
            outcome: p.outcome.to_string(),
        }
    }

    /// The fields as the change-a-project form shows them (`common::stale`).
    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("Project title", &self.title),
            Shown::text("Aim", &self.aim),
            Shown::text("Clinical area", &self.clinical_area),
            Shown::text("Stakeholders", &self.stakeholders),
            Shown::choice("Project status", Some(self.status.label())),
            Shown::text("Outcome", &self.outcome),
        ]
    }

    pub fn validate(&self, id: String, now: Moment) -> Result<Project, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = required_text(
            &self.title,
            PROJECT_TITLE_FIELD,
            "Enter the project's title",
            &mut errors,
        );
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Project {
            id,
            title: title.into(),
            aim: self.aim.trim().into(),
            clinical_area: self.clinical_area.trim().into(),
            stakeholders: self.stakeholders.trim().into(),
            status: self.status,
            outcome: self.outcome.trim().into(),
            milestones: Vec::new(),
            created_at: now,
            updated_at: now,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MilestoneDraft {
    pub title: String,
    /// `YYYY-MM-DD`.
    pub planned: String,
    /// `YYYY-MM-DD` or empty while still to do.
    pub done: String,
}

impl MilestoneDraft {
    pub fn of(m: &Milestone) -> Self {
        MilestoneDraft {
            title: m.title.to_string(),
            planned: input_value(m.planned),
            done: m.done_on.map(input_value).unwrap_or_default(),
        }
    }

    /// The fields as the change-a-milestone form shows them (`common::stale`).
    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("Milestone", &self.title),
            Shown::date("Planned date", &self.planned),
            Shown::date("Date it was done", &self.done),
        ]
    }

    /// A milestone needs words and a planned date; a done date, if given, is
    /// real and not in the future (it records something that happened).
    pub fn validate(
        &self,
        id: String,
        today: NaiveDate,
        now: Moment,
    ) -> Result<Milestone, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = required_text(
            &self.title,
            MILESTONE_TITLE_FIELD,
            "Enter the milestone",
            &mut errors,
        );
        let planned = required_date(
            &self.planned,
            MILESTONE_PLANNED_FIELD,
            "planned date",
            None,
            &mut errors,
        );
        let done_on = optional_date(
            &self.done,
            MILESTONE_DONE_FIELD,
            "date it was done",
            &mut errors,
        );
        if done_on.is_some_and(|d| d > today) {
            errors.push(FieldError::new(
                MILESTONE_DONE_FIELD,
                "The date it was done must be today or in the past",
            ));
        }
        match (errors.is_empty(), planned) {
            (true, Some(planned)) => Ok(Milestone {
                id,
                title: title.into(),
                planned: Day(planned),
                done_on: done_on.map(Day),
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
    use chrono::Utc;

    #[test]
    fn a_project_needs_a_title_and_a_milestone_a_title_and_real_dates() {
        let now = Moment(Utc::now());
        let today = NaiveDate::from_ymd_opt(2027, 9, 1).unwrap();
        let errors = ProjectDraft::default()
            .validate("x".into(), now)
            .unwrap_err();
        assert_eq!(errors[0].field, PROJECT_TITLE_FIELD);
        let p = ProjectDraft {
            title: " Redesign the tuberculosis pathway ".into(),
            ..Default::default()
        }
        .validate("p".into(), now)
        .unwrap();
        assert_eq!(p.title, "Redesign the tuberculosis pathway");
        assert_eq!(p.status, ProjectStatus::NotStarted);

        let errors = MilestoneDraft {
            title: "".into(),
            planned: "2027-02-30".into(),
            done: "2027-09-02".into(),
        }
        .validate("m".into(), today, now)
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                MILESTONE_TITLE_FIELD,
                MILESTONE_PLANNED_FIELD,
                MILESTONE_DONE_FIELD
            ]
        );
        let m = MilestoneDraft {
            title: "Workshop on sleep apnoea".into(),
            planned: "2027-08-20".into(),
            done: String::new(),
        }
        .validate("m".into(), today, now)
        .unwrap();
        assert!(m.is_overdue(today));
        assert_eq!(MilestoneDraft::of(&m).planned, "2027-08-20");
    }
}
