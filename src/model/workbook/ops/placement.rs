//! The placement-log operations on the workbook: placements, their projects
//! and milestones, and activity entries. `apply` dispatches to these; the
//! rules live in `model::placement` and here, where native tests reach them.

use crate::model::common::ids::new_id;
use crate::model::common::saved_dates::Day;
use crate::model::placement::{
    ActivityDraft, ActivityEntry, Milestone, MilestoneDraft, Placement, PlacementDraft, Project,
    ProjectDraft,
};
use crate::model::workbook::change::{Change, Refusal, Stamp};
use crate::model::workbook::deleted::{DeletedRecord, PlacementPart};
use crate::model::workbook::document::{RecordKind, Workbook};
use crate::model::workbook::records::{insert_at, push_sorted};

impl Change {
    pub fn add_placement(draft: PlacementDraft) -> Change {
        Change::AddPlacement {
            id: new_id("placement"),
            draft,
        }
    }

    pub fn add_project(placement_id: &str, draft: ProjectDraft) -> Change {
        Change::AddProject {
            id: new_id("project"),
            placement_id: placement_id.to_string(),
            draft,
        }
    }

    pub fn add_milestone(project_id: &str, draft: MilestoneDraft) -> Change {
        Change::AddMilestone {
            id: new_id("milestone"),
            project_id: project_id.to_string(),
            draft,
        }
    }

    pub fn add_activity(placement_id: &str, draft: ActivityDraft) -> Change {
        Change::AddActivity {
            id: new_id("activity"),
            placement_id: placement_id.to_string(),
            draft,
        }
    }
}

impl Workbook {
    pub fn placement(&self, id: &str) -> Option<&Placement> {
        self.placements.iter().find(|p| p.id == id)
    }

    /// The placement the log opens on: the one started most recently.
    pub fn current_placement(&self) -> Option<&Placement> {
        self.placements
            .iter()
            .max_by_key(|p| (p.start, p.created_at))
    }

    /// The placement holding the project, with the project.
    pub fn project(&self, id: &str) -> Option<(&Placement, &Project)> {
        self.placements
            .iter()
            .find_map(|pl| pl.project(id).map(|p| (pl, p)))
    }

    /// The placement holding the entry, with the entry.
    pub fn activity(&self, id: &str) -> Option<(&Placement, &ActivityEntry)> {
        self.placements
            .iter()
            .find_map(|pl| pl.entries.iter().find(|e| e.id == id).map(|e| (pl, e)))
    }

    /// The project holding the milestone, its placement, and the milestone.
    pub fn milestone(&self, id: &str) -> Option<(&Placement, &Project, &Milestone)> {
        self.placements.iter().find_map(|pl| {
            pl.projects
                .iter()
                .find_map(|p| p.milestones.iter().find(|m| m.id == id).map(|m| (pl, p, m)))
        })
    }

    fn placement_mut(&mut self, id: &str) -> Result<&mut Placement, Refusal> {
        self.placements
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(Refusal::NotFound)
    }

    fn project_mut(&mut self, id: &str) -> Result<&mut Project, Refusal> {
        self.placements
            .iter_mut()
            .flat_map(|pl| pl.projects.iter_mut())
            .find(|p| p.id == id)
            .ok_or(Refusal::NotFound)
    }

    pub(crate) fn add_placement(
        &mut self,
        id: &str,
        draft: &PlacementDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let details = draft.validate().map_err(Refusal::Invalid)?;
        self.placements
            .push(details.into_placement(id.to_string(), stamp.at));
        Ok(())
    }

    /// Changes a placement's details. Entries that now fall outside its dates
    /// stay, flagged, as any entry outside the dates is.
    pub(crate) fn update_placement(
        &mut self,
        id: &str,
        draft: &PlacementDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let details = draft.validate().map_err(Refusal::Invalid)?;
        details.apply_to(self.placement_mut(id)?, stamp.at);
        Ok(())
    }

    pub(crate) fn delete_placement(&mut self, id: &str, stamp: Stamp) -> Result<(), Refusal> {
        let before = self.placements.len();
        self.placements.retain(|p| p.id != id);
        if self.placements.len() == before {
            return Err(Refusal::NotFound);
        }
        self.bury(id, RecordKind::Placement, stamp);
        Ok(())
    }

    pub(crate) fn add_project(
        &mut self,
        id: &str,
        placement_id: &str,
        draft: &ProjectDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let project = draft
            .validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)?;
        let placement = self.placement_mut(placement_id)?;
        placement.projects.push(project);
        Ok(())
    }

    pub(crate) fn update_project(
        &mut self,
        id: &str,
        draft: &ProjectDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let checked = draft
            .validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)?;
        let project = self.project_mut(id)?;
        project.title = checked.title;
        project.aim = checked.aim;
        project.clinical_area = checked.clinical_area;
        project.stakeholders = checked.stakeholders;
        project.status = checked.status;
        project.outcome = checked.outcome;
        project.updated_at = stamp.at;
        Ok(())
    }

    pub(crate) fn add_milestone(
        &mut self,
        id: &str,
        project_id: &str,
        draft: &MilestoneDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let milestone = draft
            .validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)?;
        let project = self.project_mut(project_id)?;
        push_sorted(&mut project.milestones, milestone, |m| m.planned);
        Ok(())
    }

    fn milestone_mut(&mut self, id: &str) -> Result<&mut Project, Refusal> {
        self.placements
            .iter_mut()
            .flat_map(|pl| pl.projects.iter_mut())
            .find(|p| p.milestones.iter().any(|m| m.id == id))
            .ok_or(Refusal::NotFound)
    }

    pub(crate) fn update_milestone(
        &mut self,
        id: &str,
        draft: &MilestoneDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let checked = draft
            .validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)?;
        let project = self.milestone_mut(id)?;
        if let Some(m) = project.milestones.iter_mut().find(|m| m.id == id) {
            m.title = checked.title;
            m.planned = checked.planned;
            m.done_on = checked.done_on;
            m.updated_at = stamp.at;
        }
        project.milestones.sort_by_key(|m| m.planned);
        Ok(())
    }

    /// Ticks a milestone off (done today) or back to still to do.
    pub(crate) fn set_milestone_done(
        &mut self,
        id: &str,
        done: bool,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let project = self.milestone_mut(id)?;
        if let Some(m) = project.milestones.iter_mut().find(|m| m.id == id) {
            m.done_on = done.then_some(m.done_on.unwrap_or(Day(stamp.today)));
            m.updated_at = stamp.at;
        }
        Ok(())
    }

    pub(crate) fn add_activity(
        &mut self,
        id: &str,
        placement_id: &str,
        draft: &ActivityDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let placement = self.placement_mut(placement_id)?;
        let entry = draft
            .validate(id.to_string(), stamp.today, stamp.at, |p| {
                placement.project(p).is_some()
            })
            .map_err(Refusal::Invalid)?;
        push_sorted(&mut placement.entries, entry, |e| e.date);
        Ok(())
    }

    /// Changes an entry; when it was first written stays as it was.
    pub(crate) fn update_activity(
        &mut self,
        id: &str,
        draft: &ActivityDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let placement = self
            .placements
            .iter_mut()
            .find(|pl| pl.entries.iter().any(|e| e.id == id))
            .ok_or(Refusal::NotFound)?;
        let mut checked = draft
            .validate(id.to_string(), stamp.today, stamp.at, |p| {
                placement.project(p).is_some()
            })
            .map_err(Refusal::Invalid)?;
        if let Some(entry) = placement.entries.iter_mut().find(|e| e.id == id) {
            checked.created_at = entry.created_at;
            *entry = checked;
        }
        placement.entries.sort_by_key(|e| e.date);
        Ok(())
    }

    /// Removes a project, milestone or activity entry. Entries linked to a
    /// removed project keep the link, so undoing the removal restores it.
    pub(crate) fn remove_from_placement(&mut self, id: &str, stamp: Stamp) -> Result<(), Refusal> {
        let (_, part, _) = self.find_placement_part(id).ok_or(Refusal::NotFound)?;
        let kind = part.kind();
        for placement in &mut self.placements {
            placement.projects.retain(|p| p.id != id);
            placement.entries.retain(|e| e.id != id);
            for project in &mut placement.projects {
                project.milestones.retain(|m| m.id != id);
            }
        }
        self.bury(id, kind, stamp);
        Ok(())
    }

    /// A project, milestone or entry: (the id of what holds it, a copy, its position).
    fn find_placement_part(&self, id: &str) -> Option<(String, PlacementPart, usize)> {
        for pl in &self.placements {
            if let Some(at) = pl.projects.iter().position(|p| p.id == id) {
                return Some((
                    pl.id.clone(),
                    PlacementPart::Project(pl.projects[at].clone()),
                    at,
                ));
            }
            if let Some(at) = pl.entries.iter().position(|e| e.id == id) {
                return Some((
                    pl.id.clone(),
                    PlacementPart::Activity(pl.entries[at].clone()),
                    at,
                ));
            }
            for p in &pl.projects {
                if let Some(at) = p.milestones.iter().position(|m| m.id == id) {
                    return Some((
                        p.id.clone(),
                        PlacementPart::Milestone(p.milestones[at].clone()),
                        at,
                    ));
                }
            }
        }
        None
    }

    /// The undo record for removing a placement or something under one.
    pub(crate) fn deleted_placement_record(&self, id: &str, whole: bool) -> Option<DeletedRecord> {
        if whole {
            let position = self.placements.iter().position(|p| p.id == id)?;
            return Some(DeletedRecord::Placement {
                record: self.placements[position].clone(),
                position,
            });
        }
        let (owner_id, part, position) = self.find_placement_part(id)?;
        Some(DeletedRecord::PlacementPart {
            owner_id,
            part,
            position,
        })
    }

    /// Puts a removed project, milestone or entry back where it was.
    pub(crate) fn put_placement_part_back(
        &mut self,
        owner_id: &str,
        part: &PlacementPart,
        position: usize,
    ) -> Result<(), Refusal> {
        match part {
            PlacementPart::Project(p) => {
                insert_at(&mut self.placement_mut(owner_id)?.projects, p, position)
            }
            PlacementPart::Activity(a) => {
                insert_at(&mut self.placement_mut(owner_id)?.entries, a, position)
            }
            PlacementPart::Milestone(m) => {
                insert_at(&mut self.project_mut(owner_id)?.milestones, m, position)
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::placement::{ActivityType, ProjectStatus};

    fn stamp(day: u32) -> Stamp {
        Stamp::on(2027, 9, day, 9, 0)
    }

    fn with_placement() -> Workbook {
        let mut wb = Workbook::new(stamp(1).at);
        wb.apply(
            &Change::AddPlacement {
                id: "pl".into(),
                draft: PlacementDraft {
                    organisation: "NHS Eastern and Coastal Kent".into(),
                    supervisor: "Amanda, lead commissioner for respiratory services".into(),
                    start: "2027-08-02".into(),
                    ..Default::default()
                },
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

    #[test]
    fn a_placement_with_a_project_milestones_and_entries_in_date_order() {
        let mut wb = with_placement();
        let add_project = Change::add_project(
            "pl",
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
                &Change::add_milestone(
                    &project_id,
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
        let later = Change::add_activity("pl", activity("2027-09-03", Some(&project_id)));
        let earlier = Change::add_activity("pl", activity("2027-08-20", None));
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

        // Ticking a milestone off records today; unticking clears it.
        let m = wb.placement("pl").unwrap().projects[0].milestones[0]
            .id
            .clone();
        wb.apply(
            &Change::SetMilestoneDone {
                id: m.clone(),
                done: true,
            },
            stamp(5),
        )
        .unwrap();
        assert_eq!(
            wb.milestone(&m).unwrap().2.done_on,
            Some(Day(stamp(5).today))
        );
        wb.apply(
            &Change::SetMilestoneDone {
                id: m.clone(),
                done: false,
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
            wb.apply(&Change::add_activity("pl", bad), stamp(2)),
            Err(Refusal::Invalid(ref e)) if e[0].message == "The time spent cannot be negative"
        ));
        assert!(matches!(
            wb.apply(
                &Change::add_activity("pl", activity("2027-09-01", Some("no-project"))),
                stamp(2)
            ),
            Err(Refusal::Invalid(_))
        ));
        assert_eq!(
            wb.apply(
                &Change::add_activity("nowhere", activity("2027-09-01", None)),
                stamp(2)
            ),
            Err(Refusal::NotFound)
        );
        assert_eq!(wb, before);
        // A date outside the placement is allowed, and flagged.
        wb.apply(
            &Change::add_activity("pl", activity("2027-07-01", None)),
            stamp(2),
        )
        .unwrap();
        let pl = wb.placement("pl").unwrap();
        assert!(pl.is_outside(pl.entries[0].date));
    }

    #[test]
    fn changing_an_entry_keeps_when_it_was_written() {
        let mut wb = with_placement();
        let add = Change::add_activity("pl", activity("2027-09-01", None));
        wb.apply(&add, stamp(2)).unwrap();
        let id = add.created_id().unwrap().to_string();
        let mut draft = ActivityDraft::of(wb.activity(&id).unwrap().1);
        draft.keep = "Start with the patients' route".into();
        draft.date = "2027-08-31".into();
        wb.apply(
            &Change::UpdateActivity {
                id: id.clone(),
                draft,
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
        let project = Change::add_project(
            "pl",
            ProjectDraft {
                title: "Business case".into(),
                ..Default::default()
            },
        );
        wb.apply(&project, stamp(2)).unwrap();
        let project_id = project.created_id().unwrap().to_string();
        let milestone = Change::add_milestone(
            &project_id,
            MilestoneDraft {
                title: "Draft".into(),
                planned: "2027-09-30".into(),
                done: String::new(),
            },
        );
        wb.apply(&milestone, stamp(2)).unwrap();
        let entry = Change::add_activity("pl", activity("2027-09-01", Some(&project_id)));
        wb.apply(&entry, stamp(2)).unwrap();
        let full = wb.clone();

        for id in [
            milestone.created_id().unwrap(),
            entry.created_id().unwrap(),
            &project_id,
        ] {
            let remove = Change::RemoveFromPlacement { id: id.to_string() };
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

        let delete = Change::DeletePlacement { id: "pl".into() };
        let undo = wb.undo_for(&delete).unwrap();
        match &undo {
            Change::Undelete(d) => assert!(d.describe().contains("NHS Eastern and Coastal Kent")),
            other => panic!("{other:?}"),
        }
        wb.apply(&delete, stamp(5)).unwrap();
        assert!(wb.placements.is_empty());
        assert_eq!(
            wb.apply(
                &Change::add_activity("pl", activity("2027-09-01", None)),
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
        let add = Change::AddProject {
            id: "pl".into(),
            placement_id: "pl".into(),
            draft: ProjectDraft {
                title: "X".into(),
                ..Default::default()
            },
        };
        assert_eq!(wb.apply(&add, stamp(2)), Err(Refusal::DuplicateId));
        let add = Change::AddActivity {
            id: "e1".into(),
            placement_id: "pl".into(),
            draft: activity("2027-09-01", None),
        };
        wb.apply(&add, stamp(2)).unwrap();
        assert_eq!(wb.apply(&add, stamp(2)), Err(Refusal::DuplicateId));
    }
}
