//! The activity log: dated entries of what the trainee did, how long it took,
//! how well it went, what they reflect on, and the leadership capabilities it
//! evidences. Also how the log is filtered and searched.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::capabilities;
use crate::model::common::dates::input_value;
use crate::model::common::folding::fold;
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::stale::Shown;
use crate::model::common::user_text::UserText;
use crate::model::common::validation::{required_date, required_text, FieldError};

pub const ACTIVITY_DATE_FIELD: &str = "activity-date";
pub const ACTIVITY_TIME_FIELD: &str = "activity-time";
pub const ACTIVITY_TYPE_FIELD: &str = "activity-type";
pub const ACTIVITY_PROJECT_FIELD: &str = "activity-project";
pub const ACTIVITY_WHAT_FIELD: &str = "activity-what";

/// The longest one entry may be: longer work is logged a day at a time.
pub const MAX_ENTRY_MINUTES: u32 = 24 * 60;

/// The reflection prompts (how effective it was; what to keep, improve or
/// stop; what I learnt about myself) follow the evaluation, conclusion and
/// action-plan stages of a named public model.
pub const REFLECTION_SOURCE: &str =
    "Gibbs' reflective cycle (Graham Gibbs, Learning by Doing, Further Education Unit, 1988): \
     evaluation, conclusion and action plan";

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityType {
    Meeting,
    Workshop,
    DataAnalysis,
    PathwayDesign,
    StakeholderEngagement,
    BusinessCase,
    Training,
    Other,
}

impl ActivityType {
    pub const ALL: [ActivityType; 8] = [
        ActivityType::Meeting,
        ActivityType::Workshop,
        ActivityType::DataAnalysis,
        ActivityType::PathwayDesign,
        ActivityType::StakeholderEngagement,
        ActivityType::BusinessCase,
        ActivityType::Training,
        ActivityType::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActivityType::Meeting => "Meeting",
            ActivityType::Workshop => "Workshop",
            ActivityType::DataAnalysis => "Data analysis",
            ActivityType::PathwayDesign => "Pathway design",
            ActivityType::StakeholderEngagement => "Stakeholder engagement",
            ActivityType::BusinessCase => "Business case",
            ActivityType::Training => "Training",
            ActivityType::Other => "Other",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ActivityType::Meeting => "meeting",
            ActivityType::Workshop => "workshop",
            ActivityType::DataAnalysis => "data-analysis",
            ActivityType::PathwayDesign => "pathway-design",
            ActivityType::StakeholderEngagement => "stakeholder-engagement",
            ActivityType::BusinessCase => "business-case",
            ActivityType::Training => "training",
            ActivityType::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<ActivityType> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    /// Where the kind of activity comes from: (article file, the idea in it).
    /// "Other" is the catch-all and cites nothing.
    pub fn source(self) -> Option<(&'static str, &'static str)> {
        const KENT: &str = "002_988aba35d981483a.txt";
        match self {
            ActivityType::Meeting => Some((
                "003_813f15a70e4b4425.txt",
                "practice-based commissioners sit on the programme board that manages progress",
            )),
            ActivityType::Workshop => Some((KENT, "workshops arranged on sleep apnoea")),
            ActivityType::DataAnalysis => Some((
                "000_6895a999c6988347.txt",
                "health needs assessment data, activity data and analysis",
            )),
            ActivityType::PathwayDesign => {
                Some((KENT, "the tuberculosis pathway completely redesigned"))
            }
            ActivityType::StakeholderEngagement => {
                Some((KENT, "workshops on engaging secondary care"))
            }
            ActivityType::BusinessCase => Some((
                "003_813f15a70e4b4425.txt",
                "business cases for investment, approved or knocked back on their merits",
            )),
            ActivityType::Training => Some((KENT, "the PCT's clinical leadership training")),
            ActivityType::Other => None,
        }
    }
}

/// How effective the trainee judged an activity to be.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Effectiveness {
    Very,
    Partly,
    NotEffective,
    TooEarly,
}

impl Effectiveness {
    pub const ALL: [Effectiveness; 4] = [
        Effectiveness::Very,
        Effectiveness::Partly,
        Effectiveness::NotEffective,
        Effectiveness::TooEarly,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Effectiveness::Very => "Very effective",
            Effectiveness::Partly => "Partly effective",
            Effectiveness::NotEffective => "Not effective",
            Effectiveness::TooEarly => "Too early to say",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Effectiveness::Very => "very",
            Effectiveness::Partly => "partly",
            Effectiveness::NotEffective => "not",
            Effectiveness::TooEarly => "too-early",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ActivityEntry {
    pub id: String,
    /// The day the activity happened (`created_at` is when it was written).
    pub date: Day,
    pub minutes: u32,
    pub activity_type: ActivityType,
    #[serde(default)]
    pub project_id: Option<String>,
    /// The trainee's role in it: chairing, observing, presenting…
    #[serde(default)]
    pub role: UserText,
    pub what_done: UserText,
    /// How they worked with others.
    #[serde(default)]
    pub with_others: UserText,
    #[serde(default)]
    pub effectiveness: Option<Effectiveness>,
    #[serde(default)]
    pub keep: UserText,
    #[serde(default)]
    pub improve: UserText,
    #[serde(default)]
    pub stop: UserText,
    #[serde(default)]
    pub learnt_about_self: UserText,
    /// MLCF element ids (see `capabilities`).
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// Chosen for the end-of-placement summary.
    #[serde(default)]
    pub in_summary: bool,
    pub created_at: Moment,
    pub updated_at: Moment,
}

impl ActivityEntry {
    /// True when the entry has any reflection written.
    pub fn has_reflection(&self) -> bool {
        [
            &self.keep,
            &self.improve,
            &self.stop,
            &self.learnt_about_self,
        ]
        .iter()
        .any(|t| !t.is_empty())
    }

    /// Every piece of the entry's own text, for searching.
    fn texts(&self) -> [&str; 7] {
        [
            &self.role,
            &self.what_done,
            &self.with_others,
            &self.keep,
            &self.improve,
            &self.stop,
            &self.learnt_about_self,
        ]
    }
}

/// Why a time spent could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DurationError {
    Empty,
    Negative,
    Zero,
    TooLong,
    Unreadable,
}

impl DurationError {
    pub fn message(self) -> &'static str {
        match self {
            DurationError::Empty => "Enter the time spent, like 1:30 or 1.5 hours",
            DurationError::Negative => "The time spent cannot be negative",
            DurationError::Zero => "The time spent must be more than zero",
            DurationError::TooLong => {
                "The time spent can be at most 24 hours: log longer work as one entry a day"
            }
            DurationError::Unreadable => {
                "Enter the time spent in hours and minutes, like 1:30, or in hours, like 1.5"
            }
        }
    }
}

/// Reads a time spent as people write it: `1:30`, `1.5` or `1,5` (hours),
/// `90m`, `90 minutes`, `2h`, `1h 30m`, `1 hour 30 minutes`. Returns minutes.
pub fn parse_duration(text: &str) -> Result<u32, DurationError> {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Err(DurationError::Empty);
    }
    if text.starts_with('-') || text.starts_with('\u{2212}') {
        return Err(DurationError::Negative);
    }
    let minutes = read_minutes(&text).ok_or(DurationError::Unreadable)?;
    match minutes {
        0 => Err(DurationError::Zero),
        m if m > MAX_ENTRY_MINUTES as u64 => Err(DurationError::TooLong),
        m => Ok(m as u32),
    }
}

fn read_minutes(text: &str) -> Option<u64> {
    if let Some((h, m)) = text.split_once(':') {
        let (h, m) = (h.trim().parse::<u64>().ok()?, m.trim().parse::<u64>().ok()?);
        return (m < 60).then(|| h.checked_mul(60)?.checked_add(m))?;
    }
    let decimal = text.replace(',', ".");
    if let Ok(hours) = decimal.parse::<f64>() {
        // Plain numbers are hours; a day of minutes is far within f64's range.
        return (hours.is_finite() && hours < 1.0e6).then(|| (hours * 60.0).round() as u64);
    }
    // Units: "1h 30m", "2 hours", "45 mins", "1 hour 30 minutes".
    let mut total = 0u64;
    let mut number = String::new();
    let mut seen_unit = false;
    let mut last_per = 0.0;
    // Space out numbers from words: "1h30m" reads as "1 h 30 m".
    let mut spaced = String::new();
    let mut previous_digit = None;
    for c in text.chars() {
        let digit = c.is_ascii_digit() || c == '.';
        if previous_digit.is_some_and(|p| p != digit) {
            spaced.push(' ');
        }
        spaced.push(c);
        previous_digit = Some(digit);
    }
    for word in spaced.split_whitespace() {
        if word.chars().all(|c| c.is_ascii_digit() || c == '.') {
            if !number.is_empty() {
                return None;
            }
            number = word.to_string();
            continue;
        }
        let per = match word {
            "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 1.0,
            "and" if number.is_empty() => continue,
            _ => return None,
        };
        let value: f64 = number.parse().ok()?;
        number.clear();
        seen_unit = true;
        last_per = per;
        total = total.checked_add((value * per).round() as u64)?;
    }
    // "1h30": a bare number after hours is minutes.
    if !number.is_empty() && last_per == 60.0 {
        total = total.checked_add(number.parse::<u64>().ok()?)?;
        number.clear();
    }
    (seen_unit && number.is_empty()).then_some(total)
}

/// "1 hour 30 minutes", "45 minutes", "3 hours".
pub fn format_duration(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let part = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (h, m) {
        (0, m) => part(m, "minute", "minutes"),
        (h, 0) => part(h, "hour", "hours"),
        (h, m) => format!(
            "{} {}",
            part(h, "hour", "hours"),
            part(m, "minute", "minutes")
        ),
    }
}

/// `1:30`, the value the time field shows when an entry is changed.
pub fn duration_input(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// What the activity form sends.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityDraft {
    pub date: String,
    pub time_spent: String,
    pub activity_type: Option<ActivityType>,
    pub project_id: Option<String>,
    pub role: String,
    pub what_done: String,
    pub with_others: String,
    pub effectiveness: Option<Effectiveness>,
    pub keep: String,
    pub improve: String,
    pub stop: String,
    pub learnt_about_self: String,
    pub capabilities: Vec<String>,
    pub in_summary: bool,
}

impl ActivityDraft {
    pub fn of(e: &ActivityEntry) -> Self {
        ActivityDraft {
            date: input_value(e.date),
            time_spent: duration_input(e.minutes),
            activity_type: Some(e.activity_type),
            project_id: e.project_id.clone(),
            role: e.role.to_string(),
            what_done: e.what_done.to_string(),
            with_others: e.with_others.to_string(),
            effectiveness: e.effectiveness,
            keep: e.keep.to_string(),
            improve: e.improve.to_string(),
            stop: e.stop.to_string(),
            learnt_about_self: e.learnt_about_self.to_string(),
            capabilities: e.capabilities.clone(),
            in_summary: e.in_summary,
        }
    }

    /// The fields as the change-a-log-entry form shows them (`common::stale`).
    /// The project is shown by its title, which `project_title` finds from
    /// its id (the draft holds only the id).
    pub fn shown(&self, project_title: impl Fn(&str) -> Option<String>) -> Vec<Shown> {
        let project = self.project_id.as_deref().map(|id| {
            project_title(id).unwrap_or_else(|| "A project no longer in this placement".into())
        });
        // In the order the form lists them, whatever order they were ticked in.
        let capabilities = capabilities::DOMAINS
            .iter()
            .flat_map(|d| d.elements)
            .filter(|e| self.capabilities.iter().any(|c| c == e.id))
            .map(|e| e.title);
        vec![
            Shown::date("Date of the activity", &self.date),
            Shown::text("Time spent", &self.time_spent),
            Shown::choice(
                "Type of activity",
                self.activity_type.map(ActivityType::label),
            ),
            Shown::choice("Project", project.as_deref()),
            Shown::text("Your role", &self.role),
            Shown::text("What did you do?", &self.what_done),
            Shown::text("How did you work with others?", &self.with_others),
            Shown::choice(
                "How effective was it?",
                self.effectiveness.map(Effectiveness::label),
            ),
            Shown::text("What will you keep doing?", &self.keep),
            Shown::text("What will you do better?", &self.improve),
            Shown::text("What will you stop doing?", &self.stop),
            Shown::text(
                "What did you learn about yourself?",
                &self.learnt_about_self,
            ),
            Shown::list("Leadership capabilities this evidences", capabilities),
            Shown::yes_no(
                "Include this entry in my end-of-placement summary",
                self.in_summary,
            ),
        ]
    }

    /// An entry records something done, so its date is today or earlier;
    /// it needs a time spent above zero, a type and what was done. The
    /// project, if named, must be one of the placement's (`project_exists`).
    pub fn validate(
        &self,
        id: String,
        today: NaiveDate,
        now: Moment,
        project_exists: impl Fn(&str) -> bool,
    ) -> Result<ActivityEntry, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = required_date(
            &self.date,
            ACTIVITY_DATE_FIELD,
            "date of the activity",
            Some(today),
            &mut errors,
        );
        let minutes = parse_duration(&self.time_spent)
            .map_err(|e| errors.push(FieldError::new(ACTIVITY_TIME_FIELD, e.message())))
            .ok();
        if self.activity_type.is_none() {
            errors.push(FieldError::new(
                ACTIVITY_TYPE_FIELD,
                "Choose the type of activity",
            ));
        }
        let project_id = self
            .project_id
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        if project_id.is_some_and(|p| !project_exists(p)) {
            errors.push(FieldError::new(
                ACTIVITY_PROJECT_FIELD,
                "That project is no longer in this placement: choose another",
            ));
        }
        let what_done = required_text(
            &self.what_done,
            ACTIVITY_WHAT_FIELD,
            "Enter what you did",
            &mut errors,
        );
        let mut capabilities: Vec<String> = Vec::new();
        for c in &self.capabilities {
            if capabilities::element(c).is_some() && !capabilities.contains(c) {
                capabilities.push(c.clone());
            }
        }
        match (errors.is_empty(), date, minutes, self.activity_type) {
            (true, Some(date), Some(minutes), Some(activity_type)) => Ok(ActivityEntry {
                id,
                date: Day(date),
                minutes,
                activity_type,
                project_id: project_id.map(str::to_string),
                role: self.role.trim().into(),
                what_done: what_done.into(),
                with_others: self.with_others.trim().into(),
                effectiveness: self.effectiveness,
                keep: self.keep.trim().into(),
                improve: self.improve.trim().into(),
                stop: self.stop.trim().into(),
                learnt_about_self: self.learnt_about_self.trim().into(),
                capabilities,
                in_summary: self.in_summary,
                created_at: now,
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

/// Which project a log filter asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectFilter {
    Any,
    /// Entries linked to no project.
    None,
    Project(String),
}

/// The log's filters; an empty filter shows everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogFilter {
    pub project: ProjectFilter,
    pub activity_type: Option<ActivityType>,
    pub capability: Option<String>,
    /// Words to find, in any order, in any of the entry's text (any case,
    /// with or without accents).
    pub text: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Default for LogFilter {
    fn default() -> Self {
        LogFilter {
            project: ProjectFilter::Any,
            activity_type: None,
            capability: None,
            text: String::new(),
            from: None,
            to: None,
        }
    }
}

impl LogFilter {
    pub fn is_empty(&self) -> bool {
        *self == LogFilter::default()
    }

    pub fn matches(&self, e: &ActivityEntry) -> bool {
        let project = match &self.project {
            ProjectFilter::Any => true,
            ProjectFilter::None => e.project_id.is_none(),
            ProjectFilter::Project(id) => e.project_id.as_deref() == Some(id),
        };
        // Case and accents folded on both sides: "zoe" finds "Zoë".
        let words = fold(&self.text);
        let text = words
            .split_whitespace()
            .all(|word| e.texts().iter().any(|t| fold(t).contains(word)));
        project
            && self.activity_type.is_none_or(|t| t == e.activity_type)
            && self
                .capability
                .as_ref()
                .is_none_or(|c| e.capabilities.contains(c))
            && text
            && self.from.is_none_or(|f| e.date >= f)
            && self.to.is_none_or(|t| e.date <= t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    #[test]
    fn an_entry_draft_shows_its_project_by_title_and_capabilities_in_the_forms_order() {
        let draft = ActivityDraft {
            date: "2026-12-01".into(),
            time_spent: "1:30".into(),
            activity_type: Some(ActivityType::Meeting),
            project_id: Some("pr1".into()),
            capabilities: vec!["improving-evaluating".into(), "personal-development".into()],
            in_summary: true,
            ..Default::default()
        };
        let titles = |id: &str| (id == "pr1").then(|| "TB pathway".to_string());
        let shown = draft.shown(titles);
        let value = |label: &str| {
            shown
                .iter()
                .find(|s| s.label == label)
                .map(|s| s.value.clone())
                .unwrap_or_else(|| panic!("no field {label}"))
        };
        assert_eq!(value("Date of the activity"), "1 December 2026");
        assert_eq!(value("Time spent"), "1:30");
        assert_eq!(value("Type of activity"), "Meeting");
        assert_eq!(value("Project"), "TB pathway");
        assert_eq!(value("How effective was it?"), "(empty)");
        assert_eq!(
            value("Leadership capabilities this evidences"),
            "Continuing personal development; Critically evaluating"
        );
        assert_eq!(
            value("Include this entry in my end-of-placement summary"),
            "Yes"
        );
        let gone = ActivityDraft {
            project_id: Some("deleted".into()),
            ..Default::default()
        };
        assert_eq!(
            gone.shown(titles)[3].value,
            "A project no longer in this placement"
        );
    }

    #[test]
    fn times_are_read_as_people_write_them() {
        assert_eq!(parse_duration("1:30"), Ok(90));
        assert_eq!(parse_duration("0:45"), Ok(45));
        assert_eq!(parse_duration("1.5"), Ok(90));
        assert_eq!(parse_duration("1,25"), Ok(75));
        assert_eq!(parse_duration("2"), Ok(120));
        assert_eq!(parse_duration("90m"), Ok(90));
        assert_eq!(parse_duration("90 minutes"), Ok(90));
        assert_eq!(parse_duration("2h"), Ok(120));
        assert_eq!(parse_duration("1h 30m"), Ok(90));
        assert_eq!(parse_duration("1h30"), Ok(90));
        assert_eq!(parse_duration("30m 2"), Err(DurationError::Unreadable));
        assert_eq!(parse_duration("1 hour and 15 minutes"), Ok(75));
        assert_eq!(parse_duration(" 3 Hours "), Ok(180));
    }

    #[test]
    fn empty_negative_zero_and_impossible_times_are_refused() {
        assert_eq!(parse_duration("  "), Err(DurationError::Empty));
        assert_eq!(parse_duration("-1"), Err(DurationError::Negative));
        assert_eq!(parse_duration("-0:30"), Err(DurationError::Negative));
        assert_eq!(parse_duration("0"), Err(DurationError::Zero));
        assert_eq!(parse_duration("0:00"), Err(DurationError::Zero));
        assert_eq!(parse_duration("25:00"), Err(DurationError::TooLong));
        assert_eq!(parse_duration("1:75"), Err(DurationError::Unreadable));
        assert_eq!(parse_duration("soon"), Err(DurationError::Unreadable));
        assert_eq!(parse_duration("NaN"), Err(DurationError::Unreadable));
        assert_eq!(parse_duration("inf"), Err(DurationError::Unreadable));
        assert_eq!(parse_duration("1e300"), Err(DurationError::Unreadable));
        assert_eq!(
            parse_duration("99999999999999999999:00"),
            Err(DurationError::Unreadable)
        );
    }

    #[test]
    fn times_are_shown_in_words_and_as_typed() {
        assert_eq!(format_duration(90), "1 hour 30 minutes");
        assert_eq!(format_duration(45), "45 minutes");
        assert_eq!(format_duration(120), "2 hours");
        assert_eq!(format_duration(61), "1 hour 1 minute");
        assert_eq!(duration_input(90), "1:30");
        assert_eq!(parse_duration(&duration_input(605)), Ok(605));
    }

    fn draft() -> ActivityDraft {
        ActivityDraft {
            date: "2027-09-01".into(),
            time_spent: "1:30".into(),
            activity_type: Some(ActivityType::Workshop),
            what_done: "Ran the sleep apnoea workshop".into(),
            capabilities: vec![
                "others-teams".into(),
                "no-such".into(),
                "others-teams".into(),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn an_entry_needs_a_past_date_a_time_a_type_and_what_was_done() {
        let today = NaiveDate::from_ymd_opt(2027, 9, 1).unwrap();
        let now = Moment(Utc::now());
        let e = draft().validate("e".into(), today, now, |_| true).unwrap();
        assert_eq!(e.minutes, 90);
        assert_eq!(e.capabilities, vec!["others-teams".to_string()]);
        assert_eq!(ActivityDraft::of(&e).time_spent, "1:30");

        let errors = ActivityDraft {
            date: "2027-09-02".into(),
            time_spent: "-2".into(),
            activity_type: None,
            project_id: Some("gone".into()),
            what_done: " ".into(),
            ..Default::default()
        }
        .validate("e".into(), today, now, |_| false)
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                ACTIVITY_DATE_FIELD,
                ACTIVITY_TIME_FIELD,
                ACTIVITY_TYPE_FIELD,
                ACTIVITY_PROJECT_FIELD,
                ACTIVITY_WHAT_FIELD
            ]
        );
        assert_eq!(errors[1].message, "The time spent cannot be negative");
        assert!(errors[0].message.contains("today or in the past"));
    }

    #[test]
    fn filters_combine_project_type_capability_words_and_dates() {
        let today = NaiveDate::from_ymd_opt(2027, 9, 30).unwrap();
        let now = Moment(Utc::now());
        let mut a = draft().validate("a".into(), today, now, |_| true).unwrap();
        a.project_id = Some("p1".into());
        a.keep = "Keep the CHEST clinic data".into();
        let mut b = ActivityDraft {
            date: "2027-09-20".into(),
            activity_type: Some(ActivityType::BusinessCase),
            what_done: "Drafted the business case".into(),
            capabilities: vec!["managing-resources".into()],
            ..draft()
        }
        .validate("b".into(), today, now, |_| true)
        .unwrap();
        b.project_id = None;
        b.with_others = "Met Zoë’s team at the café".into();

        let all = LogFilter::default();
        assert!(all.is_empty() && all.matches(&a) && all.matches(&b));
        let only = |f: LogFilter| {
            [&a, &b]
                .iter()
                .filter(|e| f.matches(e))
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            only(LogFilter {
                project: ProjectFilter::Project("p1".into()),
                ..Default::default()
            }),
            vec!["a"]
        );
        assert_eq!(
            only(LogFilter {
                project: ProjectFilter::None,
                ..Default::default()
            }),
            vec!["b"]
        );
        assert_eq!(
            only(LogFilter {
                activity_type: Some(ActivityType::BusinessCase),
                ..Default::default()
            }),
            vec!["b"]
        );
        assert_eq!(
            only(LogFilter {
                capability: Some("others-teams".into()),
                ..Default::default()
            }),
            vec!["a"]
        );
        assert_eq!(
            only(LogFilter {
                text: "chest  data".into(),
                ..Default::default()
            }),
            vec!["a"],
            "every word, in any case, in any text"
        );
        for words in ["zoe", "ZOË", "zoe's CAFE", "Zoë’s café"] {
            assert_eq!(
                only(LogFilter {
                    text: words.into(),
                    ..Default::default()
                }),
                vec!["b"],
                "{words}: accents and case folded"
            );
        }
        assert_eq!(
            only(LogFilter {
                from: NaiveDate::from_ymd_opt(2027, 9, 2),
                ..Default::default()
            }),
            vec!["b"]
        );
        assert_eq!(
            only(LogFilter {
                to: NaiveDate::from_ymd_opt(2027, 9, 1),
                ..Default::default()
            }),
            vec!["a"]
        );
    }

    #[test]
    fn every_activity_type_but_other_cites_an_article() {
        for t in ActivityType::ALL {
            assert_eq!(ActivityType::from_key(t.key()), Some(t));
            assert_eq!(t.source().is_none(), t == ActivityType::Other);
        }
    }
}
