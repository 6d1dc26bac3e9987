//! The sums the placement dashboard and the end-of-placement summary show:
//! where the placement is, time logged (this week, in total, per project, per
//! type of activity), milestones overdue or coming up, and which leadership
//! capabilities the log evidences.

use chrono::{Duration, NaiveDate};

use super::activity::{ActivityEntry, ActivityType};
use super::placements::{week_monday, Placement, Progress};
use crate::model::capabilities::DOMAINS;

/// How far ahead "coming up" looks for milestones.
pub const COMING_UP_DAYS: i64 = 14;

#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub progress: Option<Progress>,
    /// Monday and Sunday of the calendar week holding today.
    pub week: (NaiveDate, NaiveDate),
    pub minutes_this_week: u64,
    pub minutes_total: u64,
    pub entries: usize,
    /// Entries dated outside the placement (allowed, but flagged).
    pub outside_dates: usize,
    /// Time per project, in the order projects were added; entries linked to
    /// no project come last, under `project_id: None`.
    pub by_project: Vec<TimeSpent<Option<String>>>,
    /// Time per type of activity, only types with entries, in the list's order.
    pub by_type: Vec<TimeSpent<ActivityType>>,
    pub overdue: Vec<MilestoneDue>,
    pub coming_up: Vec<MilestoneDue>,
    /// Capabilities (MLCF element ids) with how many entries evidence each,
    /// in the framework's order.
    pub evidenced: Vec<(&'static str, usize)>,
    pub not_evidenced: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimeSpent<K> {
    pub key: K,
    pub label: String,
    pub minutes: u64,
    pub entries: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneDue {
    pub project_id: String,
    pub project: String,
    pub milestone: String,
    pub planned: NaiveDate,
}

fn sum(entries: &[&ActivityEntry]) -> u64 {
    entries.iter().map(|e| e.minutes as u64).sum()
}

impl Placement {
    pub fn dashboard(&self, today: NaiveDate) -> Dashboard {
        let all: Vec<&ActivityEntry> = self.entries.iter().collect();
        let monday = week_monday(today);
        let sunday = monday + Duration::days(6);
        let this_week: Vec<&ActivityEntry> = all
            .iter()
            .copied()
            .filter(|e| e.date >= monday && e.date <= sunday)
            .collect();

        let mut by_project: Vec<TimeSpent<Option<String>>> = self
            .projects
            .iter()
            .map(|p| {
                let linked: Vec<&ActivityEntry> = all
                    .iter()
                    .copied()
                    .filter(|e| e.project_id.as_deref() == Some(p.id.as_str()))
                    .collect();
                TimeSpent {
                    key: Some(p.id.clone()),
                    label: p.title.to_string(),
                    minutes: sum(&linked),
                    entries: linked.len(),
                }
            })
            .collect();
        // Entries whose project is gone count with those linked to none.
        let unlinked: Vec<&ActivityEntry> = all
            .iter()
            .copied()
            .filter(|e| {
                e.project_id
                    .as_deref()
                    .is_none_or(|id| self.project(id).is_none())
            })
            .collect();
        if !unlinked.is_empty() {
            by_project.push(TimeSpent {
                key: None,
                label: "Not linked to a project".into(),
                minutes: sum(&unlinked),
                entries: unlinked.len(),
            });
        }

        let by_type = ActivityType::ALL
            .into_iter()
            .filter_map(|t| {
                let of_type: Vec<&ActivityEntry> = all
                    .iter()
                    .copied()
                    .filter(|e| e.activity_type == t)
                    .collect();
                (!of_type.is_empty()).then(|| TimeSpent {
                    key: t,
                    label: t.label().into(),
                    minutes: sum(&of_type),
                    entries: of_type.len(),
                })
            })
            .collect();

        let mut overdue = Vec::new();
        let mut coming_up = Vec::new();
        for p in &self.projects {
            for m in p.milestones.iter().filter(|m| m.done_on.is_none()) {
                let due = MilestoneDue {
                    project_id: p.id.clone(),
                    project: p.title.to_string(),
                    milestone: m.title.to_string(),
                    planned: *m.planned,
                };
                if m.planned < today {
                    overdue.push(due);
                } else if m.planned <= today + Duration::days(COMING_UP_DAYS) {
                    coming_up.push(due);
                }
            }
        }
        overdue.sort_by_key(|m| m.planned);
        coming_up.sort_by_key(|m| m.planned);

        let mut evidenced = Vec::new();
        let mut not_evidenced = Vec::new();
        for element in DOMAINS.iter().flat_map(|d| d.elements.iter()) {
            let count = all
                .iter()
                .filter(|e| e.capabilities.iter().any(|c| c == element.id))
                .count();
            if count > 0 {
                evidenced.push((element.id, count));
            } else {
                not_evidenced.push(element.id);
            }
        }

        Dashboard {
            progress: self.progress(today),
            week: (monday, sunday),
            minutes_this_week: sum(&this_week),
            minutes_total: sum(&all),
            entries: all.len(),
            outside_dates: all.iter().filter(|e| self.is_outside(e.date)).count(),
            by_project,
            by_type,
            overdue,
            coming_up,
            evidenced,
            not_evidenced,
        }
    }

    /// The entries chosen for the end-of-placement summary, oldest first.
    pub fn selected_reflections(&self) -> impl Iterator<Item = &ActivityEntry> {
        self.entries.iter().filter(|e| e.in_summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::common::saved_dates::Moment;
    use crate::model::placement::activity::ActivityDraft;
    use crate::model::placement::placements::PlacementDraft;
    use crate::model::placement::projects::{MilestoneDraft, ProjectDraft};
    use chrono::Utc;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn entry(
        id: &str,
        date: &str,
        time: &str,
        t: ActivityType,
        project: Option<&str>,
    ) -> ActivityEntry {
        ActivityDraft {
            date: date.into(),
            time_spent: time.into(),
            activity_type: Some(t),
            project_id: project.map(str::to_string),
            what_done: format!("Entry {id}"),
            capabilities: vec!["others-teams".into()],
            ..Default::default()
        }
        .validate(id.into(), d(2030, 1, 1), Utc::now().into(), |_| true)
        .unwrap()
    }

    #[test]
    fn totals_per_week_project_type_milestones_and_capabilities() {
        let now = Moment(Utc::now());
        let mut p = PlacementDraft {
            organisation: "NHS Eastern and Coastal Kent".into(),
            start: "2026-11-02".into(),
            ..Default::default()
        }
        .validate()
        .unwrap()
        .into_placement("pl".into(), now);
        let mut tb = ProjectDraft {
            title: "Tuberculosis pathway".into(),
            ..Default::default()
        }
        .validate("tb".into(), now)
        .unwrap();
        for (id, title, planned, done) in [
            ("m1", "Map the current pathway", "2026-11-20", ""),
            ("m2", "Agree the new pathway", "2026-12-10", ""),
            ("m3", "Launch", "2027-01-30", ""),
            ("m4", "Kick-off", "2026-11-05", "2026-11-05"),
        ] {
            tb.milestones.push(
                MilestoneDraft {
                    title: title.into(),
                    planned: planned.into(),
                    done: done.into(),
                }
                .validate(id.into(), d(2026, 12, 1), now)
                .unwrap(),
            );
        }
        p.projects.push(tb);
        p.projects.push(
            ProjectDraft {
                title: "Business case".into(),
                ..Default::default()
            }
            .validate("bc".into(), now)
            .unwrap(),
        );
        p.entries = vec![
            entry("a", "2026-11-03", "2:00", ActivityType::Meeting, Some("tb")),
            entry(
                "b",
                "2026-11-30",
                "1:30",
                ActivityType::Workshop,
                Some("tb"),
            ),
            entry("c", "2026-12-01", "0:45", ActivityType::Meeting, None),
            entry(
                "d",
                "2026-12-01",
                "1",
                ActivityType::Training,
                Some("deleted-project"),
            ),
            entry("e", "2026-10-30", "0:15", ActivityType::Meeting, None),
        ];
        p.entries[0].capabilities.push("direction-evidence".into());

        // Tuesday 1 December 2026: week 5 of 18 (2 Nov 2026 to 1 Mar 2027).
        let dash = p.dashboard(d(2026, 12, 1));
        assert_eq!(
            dash.progress,
            Some(Progress::UnderWay {
                week: 5,
                weeks: 18,
                days_left: 91
            })
        );
        assert_eq!(dash.week, (d(2026, 11, 30), d(2026, 12, 6)));
        assert_eq!(dash.minutes_this_week, 90 + 45 + 60);
        assert_eq!(dash.minutes_total, 120 + 90 + 45 + 60 + 15);
        assert_eq!(dash.entries, 5);
        assert_eq!(dash.outside_dates, 1, "30 October is before the start");
        let projects: Vec<(&str, u64, usize)> = dash
            .by_project
            .iter()
            .map(|t| (t.label.as_str(), t.minutes, t.entries))
            .collect();
        assert_eq!(
            projects,
            vec![
                ("Tuberculosis pathway", 210, 2),
                ("Business case", 0, 0),
                ("Not linked to a project", 120, 3),
            ]
        );
        let types: Vec<(ActivityType, u64)> =
            dash.by_type.iter().map(|t| (t.key, t.minutes)).collect();
        assert_eq!(
            types,
            vec![
                (ActivityType::Meeting, 180),
                (ActivityType::Workshop, 90),
                (ActivityType::Training, 60),
            ]
        );
        let names =
            |list: &[MilestoneDue]| list.iter().map(|m| m.milestone.clone()).collect::<Vec<_>>();
        assert_eq!(names(&dash.overdue), vec!["Map the current pathway"]);
        assert_eq!(names(&dash.coming_up), vec!["Agree the new pathway"]);
        assert_eq!(
            dash.evidenced,
            vec![("others-teams", 5), ("direction-evidence", 1)]
        );
        assert_eq!(dash.not_evidenced.len(), 18);
    }

    #[test]
    fn an_empty_placement_has_zero_totals_and_every_capability_still_to_evidence() {
        let p = PlacementDraft {
            organisation: "PCT".into(),
            start: "2027-08-01".into(),
            ..Default::default()
        }
        .validate()
        .unwrap()
        .into_placement("p".into(), Utc::now().into());
        let dash = p.dashboard(d(2027, 7, 1));
        assert_eq!(dash.minutes_total, 0);
        assert!(dash.by_project.is_empty() && dash.by_type.is_empty());
        assert_eq!(dash.not_evidenced.len(), 20);
        assert!(matches!(
            dash.progress,
            Some(Progress::NotStarted {
                starts_in_days: 31,
                ..
            })
        ));
    }
}
