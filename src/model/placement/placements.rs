//! A placement: where a GP trainee is placed, with whom, for how long and what
//! they want to learn, holding their projects and their activity log. Its
//! dates drive the dashboard ("week 3 of 18", days left).

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::activity::ActivityEntry;
use super::projects::Project;
use crate::model::common::dates::input_value;
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::stale::Shown;
use crate::model::common::user_text::UserText;
use crate::model::common::validation::{optional_date, required_date, required_text, FieldError};

/// Four months: the length of the GP registrar placements NHS Eastern and
/// Coastal Kent offered ("How to make clinical commissioning work").
pub const DEFAULT_LENGTH_MONTHS: u32 = 4;
/// Where the default length and the lead-commissioner attachment come from.
pub const PLACEMENT_SOURCE: (&str, &str) = (
    "002_988aba35d981483a.txt",
    "GP registrars do four-month placements in the PCT, attached to a lead commissioner and focused on a commissioning project",
);
/// The longest placement the form accepts, in months.
pub const MAX_LENGTH_MONTHS: u32 = 24;

pub const PLACEMENT_ORGANISATION_FIELD: &str = "placement-organisation";
pub const PLACEMENT_START_FIELD: &str = "placement-start";
pub const PLACEMENT_LENGTH_FIELD: &str = "placement-length";
pub const PLACEMENT_END_FIELD: &str = "placement-end";

fn no_name(name: &UserText) -> bool {
    name.is_empty()
}

/// The placement log's part of the workbook, saved as the list
/// `placements`: a deferred section (`workbook::deferred`), read when a
/// placement page opens, so the first download carries no reader for it.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct PlacementBook {
    pub placements: Vec<Placement>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Placement {
    pub id: String,
    /// The trainee's own name, for the summary they hand to their educational
    /// supervisor and the CSV (workbooks from before it was asked read as empty,
    /// and an empty one is not written, so a backup without names keeps the
    /// bytes it had before the field was added).
    #[serde(default, skip_serializing_if = "no_name")]
    pub trainee: UserText,
    /// The commissioning organisation hosting the placement.
    #[serde(default)]
    pub organisation: UserText,
    /// The lead commissioner or supervisor the trainee is attached to.
    #[serde(default)]
    pub supervisor: UserText,
    #[serde(default)]
    pub clinical_area: UserText,
    #[serde(default)]
    pub start: Option<Day>,
    #[serde(default = "default_length")]
    pub length_months: u32,
    /// The last day of the placement: worked out from the start and length
    /// unless the user set another.
    #[serde(default)]
    pub end: Option<Day>,
    #[serde(default)]
    pub objectives: UserText,
    #[serde(default)]
    pub projects: Vec<Project>,
    /// The activity log, in date order (same-day entries in the order written).
    #[serde(default)]
    pub entries: Vec<ActivityEntry>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

fn default_length() -> u32 {
    DEFAULT_LENGTH_MONTHS
}

/// The last day of a placement of `months` months starting on `start`: the
/// day before the same date `months` later (1 August for 4 months ends on 30
/// November). A start late in a month lands on the shorter month's last day
/// first (31 October + 4 months is 28 or 29 February), then steps back a day.
pub fn end_from_length(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(months))?.pred_opt()
}

/// Where a placement is on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    NotStarted {
        starts_in_days: i64,
        weeks: i64,
    },
    /// Week `week` of `weeks`; `days_left` counts today and every day to the end.
    UnderWay {
        week: i64,
        weeks: i64,
        days_left: i64,
    },
    Finished {
        ended: NaiveDate,
        weeks: i64,
    },
}

impl Placement {
    /// The placement's last day, however it was set.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.end
            .map(NaiveDate::from)
            .or_else(|| end_from_length(*self.start?, self.length_months))
    }

    /// Whole or part weeks from the first day to the last.
    pub fn weeks(&self) -> Option<i64> {
        let days = (self.last_day()? - *self.start?).num_days() + 1;
        Some((days + 6) / 7)
    }

    pub fn progress(&self, today: NaiveDate) -> Option<Progress> {
        let (start, end, weeks) = (self.start?, self.last_day()?, self.weeks()?);
        Some(if today < start {
            Progress::NotStarted {
                starts_in_days: (start - today).num_days(),
                weeks,
            }
        } else if today > end {
            Progress::Finished { ended: end, weeks }
        } else {
            Progress::UnderWay {
                week: (today - *start).num_days() / 7 + 1,
                weeks,
                days_left: (end - today).num_days() + 1,
            }
        })
    }

    /// True when `date` falls outside the placement's dates (entries there
    /// are allowed, but flagged).
    pub fn is_outside(&self, date: impl Into<NaiveDate>) -> bool {
        let date = date.into();
        match (self.start, self.last_day()) {
            (Some(start), Some(end)) => date < start || date > end,
            _ => false,
        }
    }

    /// "Placement at NHS East Kent from 1 August 2027", for headings and choosers.
    pub fn title(&self) -> String {
        match self.start {
            Some(start) => format!(
                "{} from {}",
                self.organisation,
                crate::model::common::dates::long_date(start)
            ),
            None => self.organisation.to_string(),
        }
    }

    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }
}

/// What the placement form sends: text as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacementDraft {
    pub trainee: String,
    pub organisation: String,
    pub supervisor: String,
    pub clinical_area: String,
    pub start: String,
    /// Whole months, `4` unless the user changes it.
    pub length_months: String,
    /// Empty: worked out from the start and length.
    pub end: String,
    pub objectives: String,
}

impl Default for PlacementDraft {
    fn default() -> Self {
        PlacementDraft {
            trainee: String::new(),
            organisation: String::new(),
            supervisor: String::new(),
            clinical_area: String::new(),
            start: String::new(),
            length_months: DEFAULT_LENGTH_MONTHS.to_string(),
            end: String::new(),
            objectives: String::new(),
        }
    }
}

/// The checked values of a placement form.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacementDetails {
    pub trainee: String,
    pub organisation: String,
    pub supervisor: String,
    pub clinical_area: String,
    pub start: NaiveDate,
    pub length_months: u32,
    pub end: NaiveDate,
    pub objectives: String,
}

impl PlacementDraft {
    /// The form for changing a placement. The end date is shown only when the
    /// user chose one that differs from the one the length gives.
    pub fn of(p: &Placement) -> Self {
        let computed = p.start.and_then(|s| end_from_length(*s, p.length_months));
        PlacementDraft {
            trainee: p.trainee.to_string(),
            organisation: p.organisation.to_string(),
            supervisor: p.supervisor.to_string(),
            clinical_area: p.clinical_area.to_string(),
            start: p.start.map(input_value).unwrap_or_default(),
            length_months: p.length_months.to_string(),
            end: p
                .end
                .filter(|e| Some(**e) != computed)
                .map(input_value)
                .unwrap_or_default(),
            objectives: p.objectives.to_string(),
        }
    }

    /// The fields as the placement details form shows them (`common::stale`).
    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("Your name", &self.trainee),
            Shown::text("Host organisation", &self.organisation),
            Shown::text("Lead commissioner or supervisor", &self.supervisor),
            Shown::text("Clinical area", &self.clinical_area),
            Shown::date("Start date", &self.start),
            Shown::text("Length in months", &self.length_months),
            Shown::date("End date, if different", &self.end),
            Shown::text("Your learning objectives", &self.objectives),
        ]
    }

    pub fn validate(&self) -> Result<PlacementDetails, Vec<FieldError>> {
        let mut errors = Vec::new();
        let organisation = required_text(
            &self.organisation,
            PLACEMENT_ORGANISATION_FIELD,
            "Enter the organisation hosting your placement",
            &mut errors,
        );
        let start = required_date(
            &self.start,
            PLACEMENT_START_FIELD,
            "start date",
            None,
            &mut errors,
        );
        let length = match self.length_months.trim().parse::<u32>() {
            Ok(n) if (1..=MAX_LENGTH_MONTHS).contains(&n) => Some(n),
            _ => {
                errors.push(FieldError::new(
                    PLACEMENT_LENGTH_FIELD,
                    format!(
                        "Enter the length in whole months, from 1 to {MAX_LENGTH_MONTHS}, like 4"
                    ),
                ));
                None
            }
        };
        let chosen_end = optional_date(&self.end, PLACEMENT_END_FIELD, "end date", &mut errors);
        let end = match (start, chosen_end) {
            (Some(s), Some(e)) if e <= s => {
                errors.push(FieldError::new(
                    PLACEMENT_END_FIELD,
                    "The end date must be after the start date",
                ));
                None
            }
            (_, Some(e)) => Some(e),
            (Some(s), None) => length.and_then(|n| end_from_length(s, n)),
            (None, None) => None,
        };
        match (errors.is_empty(), start, length, end) {
            (true, Some(start), Some(length_months), Some(end)) => Ok(PlacementDetails {
                trainee: self.trainee.trim().to_string(),
                organisation,
                supervisor: self.supervisor.trim().to_string(),
                clinical_area: self.clinical_area.trim().to_string(),
                start,
                length_months,
                end,
                objectives: self.objectives.trim().to_string(),
            }),
            _ => Err(errors),
        }
    }
}

impl PlacementDetails {
    pub fn into_placement(self, id: String, now: Moment) -> Placement {
        let mut placement = Placement {
            id,
            trainee: UserText::default(),
            organisation: UserText::default(),
            supervisor: UserText::default(),
            clinical_area: UserText::default(),
            start: None,
            length_months: DEFAULT_LENGTH_MONTHS,
            end: None,
            objectives: UserText::default(),
            projects: Vec::new(),
            entries: Vec::new(),
            created_at: now,
            updated_at: now,
        };
        self.apply_to(&mut placement, now);
        placement
    }

    pub fn apply_to(self, p: &mut Placement, now: Moment) {
        p.trainee = self.trainee.into();
        p.organisation = self.organisation.into();
        p.supervisor = self.supervisor.into();
        p.clinical_area = self.clinical_area.into();
        p.start = Some(Day(self.start));
        p.length_months = self.length_months;
        p.end = Some(Day(self.end));
        p.objectives = self.objectives.into();
        p.updated_at = now;
    }
}

/// Monday of the calendar week holding `day`, for "time logged this week".
pub fn week_monday(day: NaiveDate) -> NaiveDate {
    day - chrono::Duration::days(day.weekday().num_days_from_monday() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn placement(start: NaiveDate, months: u32) -> Placement {
        PlacementDraft {
            organisation: "NHS Eastern and Coastal Kent".into(),
            start: input_value(start),
            length_months: months.to_string(),
            ..Default::default()
        }
        .validate()
        .unwrap()
        .into_placement("p1".into(), Moment(Utc::now()))
    }

    #[test]
    fn the_end_date_is_the_day_before_the_same_date_months_later() {
        assert_eq!(end_from_length(d(2027, 8, 1), 4), Some(d(2027, 11, 30)));
        assert_eq!(end_from_length(d(2027, 8, 2), 4), Some(d(2027, 12, 1)));
        // Across a year end.
        assert_eq!(end_from_length(d(2027, 11, 15), 4), Some(d(2028, 3, 14)));
        // Into February: a leap year and an ordinary one.
        assert_eq!(end_from_length(d(2027, 10, 31), 4), Some(d(2028, 2, 28)));
        assert_eq!(end_from_length(d(2026, 10, 31), 4), Some(d(2027, 2, 27)));
        // 30 February does not exist: the last day of February, less one.
        assert_eq!(end_from_length(d(2027, 10, 30), 4), Some(d(2028, 2, 28)));
        assert_eq!(end_from_length(d(2027, 11, 1), 4), Some(d(2028, 2, 29)));
        // A leap day start.
        assert_eq!(end_from_length(d(2028, 2, 29), 4), Some(d(2028, 6, 28)));
    }

    #[test]
    fn four_months_is_the_default_and_the_end_can_be_chosen() {
        let draft = PlacementDraft {
            organisation: "NHS Eastern and Coastal Kent".into(),
            start: "2027-08-01".into(),
            ..Default::default()
        };
        assert_eq!(draft.length_months, "4");
        let details = draft.validate().unwrap();
        assert_eq!(details.end, d(2027, 11, 30));

        let chosen = PlacementDraft {
            end: "2027-12-10".into(),
            ..draft.clone()
        };
        let p = chosen
            .validate()
            .unwrap()
            .into_placement("p".into(), Moment(Utc::now()));
        assert_eq!(p.last_day(), Some(d(2027, 12, 10)));
        assert_eq!(
            PlacementDraft::of(&p).end,
            "2027-12-10",
            "a chosen end is shown"
        );
        let computed = draft
            .validate()
            .unwrap()
            .into_placement("q".into(), Moment(Utc::now()));
        assert_eq!(
            PlacementDraft::of(&computed).end,
            "",
            "a worked-out end is not"
        );
    }

    #[test]
    fn impossible_or_missing_values_are_refused_with_messages() {
        let errors = PlacementDraft {
            start: "2027-02-30".into(),
            length_months: "-1".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                PLACEMENT_ORGANISATION_FIELD,
                PLACEMENT_START_FIELD,
                PLACEMENT_LENGTH_FIELD
            ]
        );
        assert!(errors[1].message.contains("real date"));

        let before_start = PlacementDraft {
            organisation: "PCT".into(),
            start: "2027-08-01".into(),
            end: "2027-07-01".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(before_start[0].field, PLACEMENT_END_FIELD);
        assert!(PlacementDraft {
            organisation: "PCT".into(),
            start: "2027-08-01".into(),
            length_months: "0".into(),
            ..Default::default()
        }
        .validate()
        .is_err());
    }

    #[test]
    fn week_n_of_m_and_days_left_across_month_ends_and_leap_years() {
        // 1 Nov 2027 + 4 months: ends 29 Feb 2028 (a leap year): 121 days, 18 weeks.
        let p = placement(d(2027, 11, 1), 4);
        assert_eq!(p.last_day(), Some(d(2028, 2, 29)));
        assert_eq!(p.weeks(), Some(18));
        assert_eq!(
            p.progress(d(2027, 10, 25)),
            Some(Progress::NotStarted {
                starts_in_days: 7,
                weeks: 18
            })
        );
        assert_eq!(
            p.progress(d(2027, 11, 1)),
            Some(Progress::UnderWay {
                week: 1,
                weeks: 18,
                days_left: 121
            })
        );
        assert_eq!(
            p.progress(d(2027, 11, 8)),
            Some(Progress::UnderWay {
                week: 2,
                weeks: 18,
                days_left: 114
            })
        );
        // Across the year end and into the leap day.
        assert_eq!(
            p.progress(d(2028, 1, 1)),
            Some(Progress::UnderWay {
                week: 9,
                weeks: 18,
                days_left: 60
            })
        );
        assert_eq!(
            p.progress(d(2028, 2, 29)),
            Some(Progress::UnderWay {
                week: 18,
                weeks: 18,
                days_left: 1
            })
        );
        assert_eq!(
            p.progress(d(2028, 3, 1)),
            Some(Progress::Finished {
                ended: d(2028, 2, 29),
                weeks: 18
            })
        );
        // The same dates a year earlier: no leap day, one day fewer.
        let q = placement(d(2026, 11, 1), 4);
        assert_eq!(q.last_day(), Some(d(2027, 2, 28)));
        assert_eq!(
            q.progress(d(2027, 2, 1)),
            Some(Progress::UnderWay {
                week: 14,
                weeks: 18,
                days_left: 28
            })
        );
        assert!(q.is_outside(d(2027, 3, 1)));
        assert!(q.is_outside(d(2026, 10, 31)));
        assert!(!q.is_outside(d(2027, 2, 28)));
    }

    #[test]
    fn weeks_start_on_monday() {
        // 1 December 2026 is a Tuesday.
        assert_eq!(week_monday(d(2026, 12, 1)), d(2026, 11, 30));
        assert_eq!(week_monday(d(2026, 11, 30)), d(2026, 11, 30));
        assert_eq!(week_monday(d(2026, 12, 6)), d(2026, 11, 30));
        assert_eq!(week_monday(d(2027, 1, 1)), d(2026, 12, 28));
    }

    #[test]
    fn the_placement_logs_default_and_activity_types_cite_known_articles() {
        use crate::model::assessment::framework::seed_article;
        use crate::model::placement::ActivityType;
        assert!(seed_article(PLACEMENT_SOURCE.0).is_some());
        for t in ActivityType::ALL {
            if let Some((file, _)) = t.source() {
                assert!(seed_article(file).is_some(), "{}", t.key());
            }
        }
    }

    #[test]
    fn a_placement_saved_before_the_trainees_name_was_asked_still_reads() {
        let old = serde_json::json!({
            "id": "p1",
            "organisation": "NHS Eastern and Coastal Kent",
            "start": "2026-09-01",
            "created_at": "2026-09-01T09:00:00Z",
            "updated_at": "2026-09-01T09:00:00Z"
        });
        let p: Placement = serde_json::from_value(old).unwrap();
        assert_eq!(p.trainee.to_string(), "");
        let named = PlacementDraft {
            trainee: "  Dr Zoë Adams ".into(),
            ..PlacementDraft::of(&p)
        };
        let mut changed = p.clone();
        named
            .validate()
            .unwrap_or_else(|_| panic!("valid"))
            .apply_to(&mut changed, p.updated_at);
        assert_eq!(changed.trainee.to_string(), "Dr Zoë Adams");
    }
}
