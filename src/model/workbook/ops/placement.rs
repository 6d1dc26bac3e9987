//! The placement log's rules: how placements, their projects and
//! milestones, and activity entries are made and changed from their forms'
//! drafts, and ticking a milestone off; and the placement log's reads.

use crate::model::common::saved_dates::Day;
use crate::model::placement::projects::day_it_was_done;
use crate::model::placement::{
    ActivityDraft, ActivityEntry, Milestone, MilestoneDraft, Placement, PlacementBook,
    PlacementDraft, Project, ProjectDraft,
};
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::tree::{kind, Drafted, Workbook};

/// A placement's details. A changed placement keeps its entries, even those
/// that now fall outside its dates (they are flagged, as any such entry is).
impl Drafted for PlacementDraft {
    type Kind = kind::Placement;
    fn check(&self, _: Stamp) -> Result<(), Refusal> {
        self.validate().map(drop).map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &PlacementBook, stamp: Stamp) -> Result<Placement, Refusal> {
        let details = self.validate().map_err(Refusal::Invalid)?;
        Ok(details.into_placement(id.to_string(), stamp.at))
    }
    fn change(
        &self,
        old: &Placement,
        _: &PlacementBook,
        stamp: Stamp,
    ) -> Result<Placement, Refusal> {
        let details = self.validate().map_err(Refusal::Invalid)?;
        let mut placement = old.clone();
        details.apply_to(&mut placement, stamp.at);
        Ok(placement)
    }
}

impl Drafted for ProjectDraft {
    type Kind = kind::Project;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &Placement, stamp: Stamp) -> Result<Project, Refusal> {
        self.validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(
        &self,
        old: &Project,
        placement: &Placement,
        stamp: Stamp,
    ) -> Result<Project, Refusal> {
        let checked = self.make(&old.id, placement, stamp)?;
        Ok(Project {
            title: checked.title,
            aim: checked.aim,
            clinical_area: checked.clinical_area,
            stakeholders: checked.stakeholders,
            status: checked.status,
            outcome: checked.outcome,
            ..old.clone()
        })
    }
}

impl Drafted for MilestoneDraft {
    type Kind = kind::Milestone;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.today, stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &Project, stamp: Stamp) -> Result<Milestone, Refusal> {
        self.validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(
        &self,
        old: &Milestone,
        project: &Project,
        stamp: Stamp,
    ) -> Result<Milestone, Refusal> {
        let checked = self.make(&old.id, project, stamp)?;
        Ok(Milestone {
            title: checked.title,
            planned: checked.planned,
            done_on: checked.done_on,
            ..old.clone()
        })
    }
}

/// An entry's project, if it names one, must be one of its placement's.
impl Drafted for ActivityDraft {
    type Kind = kind::Activity;
    fn make(
        &self,
        id: &str,
        placement: &Placement,
        stamp: Stamp,
    ) -> Result<ActivityEntry, Refusal> {
        self.validate(id.to_string(), stamp.today, stamp.at, |p| {
            placement.project(p).is_some()
        })
        .map_err(Refusal::Invalid)
    }
    fn change(
        &self,
        old: &ActivityEntry,
        placement: &Placement,
        stamp: Stamp,
    ) -> Result<ActivityEntry, Refusal> {
        self.make(&old.id, placement, stamp)
    }
}

impl Workbook {
    /// The placements, oldest first; none when the saved section cannot be
    /// read (`placement_problem` says why).
    pub fn placements(&self) -> &[Placement] {
        self.placements.get().map_or(&[], |b| &b.placements)
    }

    /// Why the saved placement log cannot be read, if it cannot.
    pub fn placement_problem(&self) -> Option<&str> {
        self.placements.problem()
    }

    pub fn placement(&self, id: &str) -> Option<&Placement> {
        self.placements().iter().find(|p| p.id == id)
    }

    /// The placement the log opens on: the one started most recently.
    pub fn current_placement(&self) -> Option<&Placement> {
        self.placements()
            .iter()
            .max_by_key(|p| (p.start, p.created_at))
    }

    /// The placement holding the project, with the project.
    pub fn project(&self, id: &str) -> Option<(&Placement, &Project)> {
        self.placements()
            .iter()
            .find_map(|pl| pl.project(id).map(|p| (pl, p)))
    }

    /// `activity`, looking first at position `at` of each placement's
    /// entries, where the list on the page found it. Why: the log draws a
    /// card for each of a thousand entries, and each card finds its entry
    /// again whenever the workbook changes; looked for from the start, that
    /// was half a million comparisons for each change. A stale `at` (an
    /// entry added before it since) only means the search from the start.
    pub fn activity_at(&self, id: &str, at: usize) -> Option<(&Placement, &ActivityEntry)> {
        self.placements()
            .iter()
            .find_map(|pl| pl.entries.get(at).filter(|e| e.id == id).map(|e| (pl, e)))
            .or_else(|| self.activity(id))
    }

    /// The placement holding the entry, with the entry.
    pub fn activity(&self, id: &str) -> Option<(&Placement, &ActivityEntry)> {
        self.placements()
            .iter()
            .find_map(|pl| pl.entries.iter().find(|e| e.id == id).map(|e| (pl, e)))
    }

    /// The project holding the milestone, its placement, and the milestone.
    pub fn milestone(&self, id: &str) -> Option<(&Placement, &Project, &Milestone)> {
        self.placements().iter().find_map(|pl| {
            pl.projects
                .iter()
                .find_map(|p| p.milestones.iter().find(|m| m.id == id).map(|m| (pl, p, m)))
        })
    }

    /// Ticks a milestone off on the day the user says it was done (`done`,
    /// as typed), or back to still to do (`None`).
    pub(crate) fn set_milestone_done(
        &mut self,
        id: &str,
        done: Option<&str>,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let day = match done {
            Some(text) => Some(Day(
                day_it_was_done(text, stamp.today).map_err(Refusal::Invalid)?
            )),
            None => None,
        };
        self.edit::<kind::Milestone, _>(id, |m| m.done_on = day)
            .ok_or(Refusal::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::placement::projects::MILESTONE_TICKED_FIELD;
    use crate::model::placement::{ActivityType, ProjectStatus};
    use crate::model::workbook::change::Change;
    use crate::model::workbook::tree::RecordKind;
    use chrono::NaiveDate;

    fn stamp(day: u32) -> Stamp {
        Stamp::on(2027, 9, day, 9, 0)
    }

    fn with_placement() -> Workbook {
        let mut wb = Workbook::new(stamp(1).at);
        wb.apply(
            &Change::Add {
                id: "pl".into(),
                under: None,
                draft: (PlacementDraft {
                    organisation: "NHS Eastern and Coastal Kent".into(),
                    supervisor: "Amanda, lead commissioner for respiratory services".into(),
                    start: "2027-08-02".into(),
                    ..Default::default()
                })
                .into(),
            },
            stamp(1),
        )
        .unwrap();
        wb
    }

    fn activity(date: &str, project: Option<&str>) -> ActivityDraft {
        ActivityDraft {
            date: date.into(),
            time_spent: "2h".into(),
            activity_type: Some(ActivityType::PathwayDesign),
            project_id: project.map(str::to_string),
            what_done: "Mapped the tuberculosis pathway".into(),
            ..Default::default()
        }
    }

    /// An entry is found at the place the log's list gave, and anywhere
    /// else when that place is stale; an entry not there is not found.
    #[test]
    fn an_entry_is_found_at_its_place_or_by_looking() {
        let mut wb = with_placement();
        let mut ids = Vec::new();
        for date in ["2027-08-10", "2027-08-20"] {
            let add = Change::add(Some("pl"), activity(date, None));
            wb.apply(&add, stamp(3)).unwrap();
            ids.push(add.created_id().unwrap().to_string());
        }
        for (at, id) in ids.iter().enumerate() {
            assert_eq!(wb.activity_at(id, at).unwrap().1.id, *id);
        }
        // An earlier entry added since moves both along: the old places are stale.
        wb.apply(
            &Change::add(Some("pl"), activity("2027-08-05", None)),
            stamp(4),
        )
        .unwrap();
        for (at, id) in ids.iter().enumerate() {
            assert_eq!(
                wb.activity_at(id, at).unwrap().1.id,
                *id,
                "found by looking"
            );
            assert_eq!(
                wb.activity_at(id, at + 1).unwrap().1.id,
                *id,
                "at its new place"
            );
        }
        assert!(wb.activity_at("activity-gone", 0).is_none());
        assert!(wb.activity_at(&ids[0], 99).is_some());
    }

    #[test]
    fn a_placement_with_a_project_milestones_and_entries_in_date_order() {
        let mut wb = with_placement();
        let add_project = Change::add(
            Some("pl"),
            ProjectDraft {
                title: "Redesign the tuberculosis pathway".into(),
                status: ProjectStatus::InProgress,
                ..Default::default()
            },
        );
        wb.apply(&add_project, stamp(2)).unwrap();
        let project_id = add_project.created_id().unwrap().to_string();
        for (title, planned) in [
            ("Agree the pathway", "2027-10-15"),
            ("Map it", "2027-09-10"),
        ] {
            wb.apply(
                &Change::add(
                    Some(&project_id),
                    MilestoneDraft {
                        title: title.into(),
                        planned: planned.into(),
                        done: String::new(),
                    },
                ),
                stamp(3),
            )
            .unwrap();
        }
        let later = Change::add(Some("pl"), activity("2027-09-03", Some(&project_id)));
        let earlier = Change::add(Some("pl"), activity("2027-08-20", None));
        wb.apply(&later, stamp(4)).unwrap();
        wb.apply(&earlier, stamp(4)).unwrap();

        let pl = wb.placement("pl").unwrap();
        let milestones: Vec<&str> = pl.projects[0]
            .milestones
            .iter()
            .map(|m| m.title.as_str())
            .collect();
        assert_eq!(
            milestones,
            vec!["Map it", "Agree the pathway"],
            "in planned order"
        );
        let dates: Vec<String> = pl.entries.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(dates, vec!["2027-08-20", "2027-09-03"], "in date order");
        assert_eq!(
            pl.entries[1].created_at,
            stamp(4).at,
            "when it was written is kept"
        );
        assert_eq!(
            wb.activity(later.created_id().unwrap()).unwrap().1.minutes,
            120
        );
        assert_eq!(wb.current_placement().unwrap().id, "pl");

        // Ticking a milestone off records the day the user says it was done
        // (not the day it was ticked); unticking clears it.
        let m = wb.placement("pl").unwrap().projects[0].milestones[0]
            .id
            .clone();
        let tick = |day: &str| Change::SetMilestoneDone {
            id: m.clone(),
            done: Some(day.into()),
        };
        wb.apply(&tick("2027-09-02"), stamp(5)).unwrap();
        assert_eq!(
            wb.milestone(&m).unwrap().2.done_on,
            NaiveDate::from_ymd_opt(2027, 9, 2).map(Day)
        );
        // A day after today, or no real day, is refused and changes nothing.
        let before = wb.clone();
        for (day, message) in [
            (
                "2027-09-06",
                "The date it was done must be today or in the past",
            ),
            ("2027-02-30", "The date it was done must be a real date"),
            ("", "Enter the date it was done"),
        ] {
            match wb.apply(&tick(day), stamp(5)) {
                Err(Refusal::Invalid(errors)) => {
                    assert_eq!(errors[0].field, MILESTONE_TICKED_FIELD);
                    assert!(
                        errors[0].message.starts_with(message),
                        "{day}: {}",
                        errors[0].message
                    );
                }
                other => panic!("{day}: {other:?}"),
            }
        }
        assert_eq!(wb, before);
        wb.apply(
            &Change::SetMilestoneDone {
                id: m.clone(),
                done: None,
            },
            stamp(6),
        )
        .unwrap();
        assert_eq!(wb.milestone(&m).unwrap().2.done_on, None);
    }

    #[test]
    fn bad_entries_are_refused_and_change_nothing() {
        let mut wb = with_placement();
        let before = wb.clone();
        let bad = ActivityDraft {
            time_spent: "-1:00".into(),
            ..activity("2027-09-01", None)
        };
        assert!(matches!(
            wb.apply(&Change::add(Some("pl"), bad), stamp(2)),
            Err(Refusal::Invalid(ref e)) if e[0].message == "The time spent cannot be negative"
        ));
        assert!(matches!(
            wb.apply(
                &Change::add(Some("pl"), activity("2027-09-01", Some("no-project"))),
                stamp(2)
            ),
            Err(Refusal::Invalid(_))
        ));
        assert_eq!(
            wb.apply(
                &Change::add(Some("nowhere"), activity("2027-09-01", None)),
                stamp(2)
            ),
            Err(Refusal::NotFound)
        );
        assert_eq!(wb, before);
        // A date outside the placement is allowed, and flagged.
        wb.apply(
            &Change::add(Some("pl"), activity("2027-07-01", None)),
            stamp(2),
        )
        .unwrap();
        let pl = wb.placement("pl").unwrap();
        assert!(pl.is_outside(pl.entries[0].date));
    }

    #[test]
    fn changing_an_entry_keeps_when_it_was_written() {
        let mut wb = with_placement();
        let add = Change::add(Some("pl"), activity("2027-09-01", None));
        wb.apply(&add, stamp(2)).unwrap();
        let id = add.created_id().unwrap().to_string();
        let mut draft = ActivityDraft::of(wb.activity(&id).unwrap().1);
        draft.keep = "Start with the patients' route".into();
        draft.date = "2027-08-31".into();
        wb.apply(
            &Change::Update {
                id: id.clone(),
                draft: draft.into(),
            },
            stamp(7),
        )
        .unwrap();
        let e = wb.activity(&id).unwrap().1;
        assert_eq!(e.created_at, stamp(2).at);
        assert_eq!(e.updated_at, stamp(7).at);
        assert_eq!(e.keep, "Start with the patients' route");
    }

    #[test]
    fn removing_a_project_milestone_entry_or_placement_can_be_undone() {
        let mut wb = with_placement();
        let project = Change::add(
            Some("pl"),
            ProjectDraft {
                title: "Business case".into(),
                ..Default::default()
            },
        );
        wb.apply(&project, stamp(2)).unwrap();
        let project_id = project.created_id().unwrap().to_string();
        let milestone = Change::add(
            Some(&project_id),
            MilestoneDraft {
                title: "Draft".into(),
                planned: "2027-09-30".into(),
                done: String::new(),
            },
        );
        wb.apply(&milestone, stamp(2)).unwrap();
        let entry = Change::add(Some("pl"), activity("2027-09-01", Some(&project_id)));
        wb.apply(&entry, stamp(2)).unwrap();
        let full = wb.clone();

        for id in [
            milestone.created_id().unwrap(),
            entry.created_id().unwrap(),
            &project_id,
        ] {
            let remove = Change::delete(wb.record_kind(id).unwrap(), id);
            let undo = wb.undo_for(&remove).expect("a removal has an undo");
            wb.apply(&remove, stamp(3)).unwrap();
            assert!(wb.was_deleted(id));
            assert_eq!(wb.apply(&remove, stamp(3)), Err(Refusal::NotFound));
            wb.apply(&undo, stamp(4)).unwrap();
            assert!(!wb.was_deleted(id));
        }
        let strip = |w: &Workbook| {
            let mut w = w.clone();
            w.updated_at = stamp(1).at;
            w
        };
        assert_eq!(
            strip(&wb).placements,
            strip(&full).placements,
            "all back in place"
        );

        let delete = Change::Delete {
            kind: RecordKind::Placement,
            id: "pl".into(),
        };
        let undo = wb.undo_for(&delete).unwrap();
        match &undo {
            Change::Undelete(d) => assert!(d.describe().contains("NHS Eastern and Coastal Kent")),
            other => panic!("{other:?}"),
        }
        wb.apply(&delete, stamp(5)).unwrap();
        assert!(wb.placements().is_empty());
        assert_eq!(
            wb.apply(
                &Change::add(Some("pl"), activity("2027-09-01", None)),
                stamp(5)
            ),
            Err(Refusal::NotFound)
        );
        wb.apply(&undo, stamp(6)).unwrap();
        assert_eq!(wb.placement("pl").unwrap().entries.len(), 1);
    }

    #[test]
    fn ids_under_placements_are_never_reused() {
        let mut wb = with_placement();
        let add = Change::Add {
            id: "pl".into(),
            under: Some("pl".into()),
            draft: (ProjectDraft {
                title: "X".into(),
                ..Default::default()
            })
            .into(),
        };
        assert_eq!(wb.apply(&add, stamp(2)), Err(Refusal::DuplicateId));
        let add = Change::Add {
            id: "e1".into(),
            under: Some("pl".into()),
            draft: (activity("2027-09-01", None)).into(),
        };
        wb.apply(&add, stamp(2)).unwrap();
        assert_eq!(wb.apply(&add, stamp(2)), Err(Refusal::DuplicateId));
    }
}
