//! Tests of merging a backup into the workbook.

use super::*;
use crate::model::assessment::{AssessmentDraft, Rating, Role};
use crate::model::files::backup::{read_workbook, to_json};
use crate::model::placement::{
    ActivityDraft, ActivityType, MilestoneDraft, PlacementDraft, ProjectDraft,
};
use crate::model::plan::{ActionDraft, GoalDraft, PlanDraft};
use crate::model::workbook::change::GoalPlace;
use crate::model::workbook::change::{Change, Refusal, Stamp};

fn stamp(minute: u32) -> Stamp {
    Stamp::on(2026, 11, 24, 9, minute)
}

/// Resolves a conflict as the Conflicts page does, through a change.
fn resolve(wb: &mut Workbook, id: &str, use_other: bool, minute: u32) -> Result<(), Refusal> {
    let change = Change::ResolveConflict {
        id: id.into(),
        use_other,
    };
    wb.apply(&change, stamp(minute)).map(|_| ())
}

fn apply(wb: &mut Workbook, change: Change, minute: u32) {
    wb.apply(&change, stamp(minute)).unwrap();
}

fn goal(title: &str) -> GoalDraft {
    GoalDraft {
        title: title.into(),
        ..Default::default()
    }
}

fn retitle(wb: &mut Workbook, id: &str, title: &str, minute: u32) {
    let mut draft = GoalDraft::of(wb.goal(id).unwrap().1);
    draft.title = title.into();
    apply(
        wb,
        Change::Update {
            id: id.into(),
            draft: draft.into(),
        },
        minute,
    );
}

fn activity(date: &str, what: &str) -> ActivityDraft {
    ActivityDraft {
        date: date.into(),
        time_spent: "1h".into(),
        activity_type: Some(ActivityType::PathwayDesign),
        what_done: what.into(),
        ..Default::default()
    }
}

fn milestone(title: &str, planned: &str) -> MilestoneDraft {
    MilestoneDraft {
        title: title.into(),
        planned: planned.into(),
        done: String::new(),
    }
}

/// A workbook with an assessment "a1", a plan "p1" with a goal "g1" and
/// its action "act1", and a placement "pl" with a project "pr", a
/// milestone "m1" and a log entry "e1". Everything made by minute 4.
fn base() -> Workbook {
    let mut wb = Workbook::new(stamp(0).at);
    let assessment = AssessmentDraft {
        partnership: "East Kent".into(),
        clinical_area: "Respiratory".into(),
        role: Some(Role::Clinician),
        date: "2026-11-24".into(),
    };
    apply(
        &mut wb,
        Change::Add {
            id: "a1".into(),
            under: None,
            draft: assessment.into(),
        },
        1,
    );
    let plan = PlanDraft {
        name: "2026 to 2027".into(),
        ..Default::default()
    };
    apply(
        &mut wb,
        Change::Add {
            id: "p1".into(),
            under: None,
            draft: plan.into(),
        },
        1,
    );
    let add_goal = Change::AddGoal {
        id: "g1".into(),
        place: GoalPlace::Plan("p1".into()),
        draft: goal("Chair the board"),
    };
    apply(&mut wb, add_goal, 2);
    let action = ActionDraft {
        text: "Meet the chair".into(),
        due: String::new(),
    };
    apply(
        &mut wb,
        Change::Add {
            id: "act1".into(),
            under: Some("g1".into()),
            draft: action.into(),
        },
        3,
    );
    let placement = PlacementDraft {
        organisation: "NHS Kent".into(),
        start: "2026-09-01".into(),
        ..Default::default()
    };
    apply(
        &mut wb,
        Change::Add {
            id: "pl".into(),
            under: None,
            draft: placement.into(),
        },
        3,
    );
    let project = ProjectDraft {
        title: "Pathway".into(),
        ..Default::default()
    };
    apply(
        &mut wb,
        Change::Add {
            id: "pr".into(),
            under: Some("pl".into()),
            draft: project.into(),
        },
        4,
    );
    let add_milestone = Change::Add {
        id: "m1".into(),
        under: Some("pr".into()),
        draft: (milestone("Map it", "2026-10-15")).into(),
    };
    apply(&mut wb, add_milestone, 4);
    let entry = Change::Add {
        id: "e1".into(),
        under: Some("pl".into()),
        draft: (activity("2026-10-01", "Mapped the pathway")).into(),
    };
    apply(&mut wb, entry, 4);
    wb
}

fn assert_ids_unique(wb: &Workbook) {
    let ids = wb.record_ids();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "no id twice in {ids:?}");
}

#[test]
fn merging_a_workbook_with_itself_changes_nothing() {
    let mut wb = base();
    retitle(&mut wb, "g1", "Chair the programme board", 6);
    apply(
        &mut wb,
        Change::Delete {
            kind: RecordKind::Action,
            id: "act1".into(),
        },
        7,
    );
    let outcome = merge(&wb, &wb, stamp(30).at);
    assert!(outcome.report.changed_nothing());
    assert_eq!(outcome.report.conflicts, 0);
    assert_eq!(outcome.report.unchanged, wb.record_ids().len());
    assert_eq!(
        outcome.report.lines(),
        vec!["Nothing to merge: this workbook already holds everything in the backup"]
    );
    let mut merged = outcome.workbook;
    assert_eq!(merged.updated_at, stamp(30).at);
    merged.updated_at = wb.updated_at;
    assert_eq!(merged, wb);
}

#[test]
fn records_on_one_side_are_added_once_however_often_the_backup_is_merged() {
    let shared = base();
    let mut here = shared.clone();
    apply(&mut here, Change::add_goal(Some("p1"), goal("Here")), 10);
    let mut backup = shared.clone();
    let there = Change::add_goal(Some("p1"), goal("There"));
    let there_id = there.created_id().unwrap().to_string();
    apply(&mut backup, there, 11);
    let action = Change::add(
        Some(&there_id),
        ActionDraft {
            text: "Ask".into(),
            due: String::new(),
        },
    );
    apply(&mut backup, action, 12);
    let plan = Change::add(
        None,
        PlanDraft {
            name: "Next year".into(),
            ..Default::default()
        },
    );
    apply(&mut backup, plan, 12);
    let entry = Change::add(Some("pl"), activity("2026-10-20", "Chaired"));
    apply(&mut backup, entry, 13);
    backup.revision = 7;
    // And the goal both sides changed, this workbook more recently.
    retitle(&mut backup, "g1", "Chair it", 13);
    retitle(&mut here, "g1", "Chair the board, then the trust", 14);

    let once = merge(&here, &backup, stamp(30).at);
    let titles: Vec<&str> = once.workbook.plans[0]
        .goals
        .iter()
        .map(|g| g.title.as_str())
        .collect();
    assert_eq!(
        titles,
        vec!["Chair the board, then the trust", "Here", "There"],
        "ours first, then theirs"
    );
    assert_eq!(once.workbook.goal(&there_id).unwrap().1.actions.len(), 1);
    assert_eq!(once.workbook.plans.len(), 2);
    assert_eq!(once.workbook.placement("pl").unwrap().entries.len(), 2);
    assert_eq!(once.report.added, 4, "goal, its action, plan, entry");
    assert_eq!(once.report.conflicts, 1);
    assert_eq!(once.workbook.conflicts.len(), 1);
    assert_eq!(
        once.report.lines(),
        vec![
            "4 records added",
            "1 record kept as in this workbook, where it was changed more recently",
            "1 record changed on both sides: the newer version is kept and the other is listed under conflicts",
        ]
    );
    assert_eq!(
        once.workbook.revision, here.revision,
        "the backup's revision is not taken"
    );
    assert_eq!(once.workbook.created_at, here.created_at);
    assert_ids_unique(&once.workbook);

    let twice = merge(&once.workbook, &backup, stamp(30).at);
    assert_eq!(
        twice.workbook, once.workbook,
        "merging again changes nothing"
    );
    assert!(twice.report.changed_nothing());
    assert_eq!((twice.report.added, twice.report.conflicts), (0, 0));
}

#[test]
fn a_goal_changed_on_both_sides_keeps_the_newer_and_lists_the_other_to_swap_back() {
    let shared = base();
    let mut here = shared.clone();
    retitle(&mut here, "g1", "Chair the programme board", 5);
    let mut backup = shared.clone();
    retitle(&mut backup, "g1", "Chair the respiratory board", 7);

    let outcome = merge(&here, &backup, stamp(30).at);
    let merged = &outcome.workbook;
    assert_eq!(
        merged.goal("g1").unwrap().1.title,
        "Chair the respiratory board"
    );
    assert_eq!(
        merged.goal("g1").unwrap().1.actions.len(),
        1,
        "its action stays"
    );
    assert_eq!(outcome.report.updated, 1);
    assert_eq!(outcome.report.conflicts, 1);
    assert!(outcome.report.lines().contains(
        &"1 record changed on both sides: the newer version is kept and the other is listed under conflicts".to_string()
    ));
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.record_id, "g1");
    assert_eq!(conflict.kind, RecordKind::Goal);
    assert_eq!(
        conflict.description,
        "the goal \"Chair the respiratory board\""
    );
    assert_eq!(
        conflict.kept,
        "Title: \"Chair the respiratory board\". Last changed 24 November 2026 at 09:07 UTC"
    );
    assert_eq!(
        conflict.other,
        "Title: \"Chair the programme board\". Last changed 24 November 2026 at 09:05 UTC"
    );
    assert_eq!(conflict.found_at, stamp(30).at);

    let again = merge(merged, &backup, stamp(31).at);
    assert_eq!(
        again.workbook.conflicts.len(),
        1,
        "the same version is not listed twice"
    );
    let the_other_way = merge(&backup, &here, stamp(31).at);
    assert_eq!(
        the_other_way.workbook.goal("g1").unwrap().1.title,
        "Chair the respiratory board"
    );
    assert_eq!(the_other_way.report.kept, 1);

    let mut resolved = merged.clone();
    let id = conflict.id.clone();
    resolve(&mut resolved, &id, true, 40).unwrap();
    let g1 = resolved.goal("g1").unwrap().1;
    assert_eq!(g1.title, "Chair the programme board");
    assert_eq!(g1.actions.len(), 1, "the action under it is kept");
    assert_eq!(g1.updated_at, stamp(40).at);
    assert!(resolved.conflicts.is_empty());
    assert_eq!(resolved.updated_at, stamp(40).at);
    assert_eq!(
        resolve(&mut resolved, &id, true, 41),
        Err(Refusal::NotFound)
    );

    // Merged again, the backup's older title is listed once more; keeping ours drops it.
    let relisted = merge(&resolved, &backup, stamp(42).at);
    let mut kept = relisted.workbook;
    assert_eq!(
        kept.goal("g1").unwrap().1.title,
        "Chair the programme board"
    );
    assert_eq!(kept.conflicts.len(), 1);
    let id = kept.conflicts[0].id.clone();
    resolve(&mut kept, &id, false, 43).unwrap();
    assert!(kept.conflicts.is_empty());
    assert_eq!(
        kept.goal("g1").unwrap().1.title,
        "Chair the programme board"
    );
    assert_eq!(resolve(&mut kept, &id, false, 44), Err(Refusal::NotFound));

    // Using the other version of a goal that has since gone is refused.
    let mut gone = merged.clone();
    apply(
        &mut gone,
        Change::Delete {
            kind: RecordKind::Goal,
            id: "g1".into(),
        },
        45,
    );
    let id = gone.conflicts[0].id.clone();
    assert_eq!(resolve(&mut gone, &id, true, 46), Err(Refusal::NotFound));
    assert_eq!(gone.conflicts.len(), 1, "a refusal changes nothing");
}

/// A goal retitled and then given an action is still a goal edited: adding
/// the action leaves its `updated_at` at the retitling, so a merge with a
/// copy that never edited the goal keeps the new title without listing the
/// old one as a conflict.
#[test]
fn a_goal_edited_and_then_given_an_action_still_counts_as_edited() {
    let shared = base();
    let mut here = shared.clone();
    retitle(&mut here, "g1", "Chair the programme board", 5);
    let action = Change::add(
        Some("g1"),
        ActionDraft {
            text: "Shadow the chair".into(),
            due: String::new(),
        },
    );
    apply(&mut here, action, 6);
    assert_eq!(here.goal("g1").unwrap().1.updated_at, stamp(5).at);
    for (current, incoming) in [(&here, &shared), (&shared, &here)] {
        let outcome = merge(current, incoming, stamp(30).at);
        let g1 = outcome.workbook.goal("g1").unwrap().1;
        assert_eq!(g1.title, "Chair the programme board");
        assert_eq!(g1.actions.len(), 2);
        assert!(
            outcome.workbook.conflicts.is_empty(),
            "{:?}",
            outcome.workbook.conflicts
        );
    }
}

#[test]
fn an_action_added_on_one_side_and_the_goal_retitled_on_the_other_are_both_kept() {
    let shared = base();
    let mut here = shared.clone();
    let action = Change::add(
        Some("g1"),
        ActionDraft {
            text: "Shadow the chair".into(),
            due: String::new(),
        },
    );
    apply(&mut here, action, 5);
    let mut backup = shared.clone();
    retitle(&mut backup, "g1", "Chair the programme board", 6);
    // Changed on one side only: the backup's rating and the milestone ticked here.
    backup.assessments[0].set_rating("power-1", Some(Rating::Level(2)), stamp(6).at);
    apply(
        &mut here,
        Change::SetMilestoneDone {
            id: "m1".into(),
            done: Some("2026-11-20".into()),
        },
        7,
    );

    for (current, incoming) in [(&here, &backup), (&backup, &here)] {
        let outcome = merge(current, incoming, stamp(30).at);
        let g1 = outcome.workbook.goal("g1").unwrap().1;
        assert_eq!(g1.title, "Chair the programme board");
        let actions: Vec<&str> = g1.actions.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(actions, vec!["Meet the chair", "Shadow the chair"]);
        assert_eq!(outcome.workbook.assessments[0].level("power-1"), Some(2));
        assert!(outcome
            .workbook
            .milestone("m1")
            .unwrap()
            .2
            .done_on
            .is_some());
        assert!(
            outcome.workbook.conflicts.is_empty(),
            "{:?}",
            outcome.workbook.conflicts
        );
        assert_eq!(outcome.report.conflicts, 0);
    }
    let outcome = merge(&here, &backup, stamp(30).at);
    assert_eq!(outcome.report.updated, 2, "goal and assessment");
    assert_eq!(outcome.report.kept, 1, "milestone");
    assert_eq!(outcome.report.added, 0);
}

#[test]
fn a_deletion_wins_over_an_unchanged_record_but_not_over_a_later_edit() {
    let shared = base();
    // The backup deleted the goal and the entry; nothing changed them here since.
    let mut backup = shared.clone();
    apply(
        &mut backup,
        Change::Delete {
            kind: RecordKind::Goal,
            id: "g1".into(),
        },
        10,
    );
    apply(
        &mut backup,
        Change::Delete {
            kind: RecordKind::Activity,
            id: "e1".into(),
        },
        10,
    );
    let outcome = merge(&shared, &backup, stamp(30).at);
    assert!(outcome.workbook.goal("g1").is_none());
    assert!(outcome.workbook.activity("e1").is_none());
    assert!(outcome.workbook.was_deleted("g1") && outcome.workbook.was_deleted("e1"));
    assert_eq!(
        outcome.report.deletions, 3,
        "the goal, its action and the entry"
    );
    assert!(outcome.workbook.conflicts.is_empty());
    assert_eq!(
        outcome.report.lines(),
        vec!["3 records deleted, as they were deleted in the backup"]
    );

    // Deleted here: the backup's unchanged copy does not bring it back.
    let outcome = merge(&backup, &shared, stamp(30).at);
    assert!(outcome.workbook.goal("g1").is_none());
    assert_eq!(outcome.report.stayed_deleted, 3);
    assert_eq!(outcome.report.added, 0);
    assert!(outcome.workbook.was_deleted("g1"));

    // Changed here after the backup deleted it: kept, and listed.
    let mut here = shared.clone();
    retitle(&mut here, "g1", "Chair the programme board", 12);
    let outcome = merge(&here, &backup, stamp(30).at);
    assert_eq!(
        outcome.workbook.goal("g1").unwrap().1.title,
        "Chair the programme board"
    );
    assert!(
        !outcome.workbook.was_deleted("g1"),
        "a record that stays has no tombstone"
    );
    assert!(outcome.workbook.was_deleted("e1"));
    let conflict = &outcome.workbook.conflicts[0];
    assert_eq!(
        (conflict.record_id.as_str(), conflict.other_record.clone()),
        ("g1", Value::Null)
    );
    assert_eq!(
        conflict.other,
        "Deleted in the backup 24 November 2026 at 09:10 UTC"
    );
    assert_eq!(outcome.report.revived, 1);
    assert!(outcome
        .report
        .lines()
        .iter()
        .any(|l| l.starts_with("1 record kept although deleted on one side")));
    let again = merge(&outcome.workbook, &backup, stamp(31).at);
    assert_eq!(again.workbook.conflicts.len(), 1, "not listed twice");
    // Using the other version deletes it after all.
    let mut resolved = outcome.workbook.clone();
    let id = conflict.id.clone();
    resolve(&mut resolved, &id, true, 40).unwrap();
    assert!(resolved.goal("g1").is_none());
    assert!(resolved.was_deleted("g1"));
    assert!(resolved.conflicts.is_empty());

    // Changed in the backup after it was deleted here: brought back, and listed.
    let mut here = shared.clone();
    apply(
        &mut here,
        Change::Delete {
            kind: RecordKind::Goal,
            id: "g1".into(),
        },
        10,
    );
    let mut later = shared.clone();
    retitle(&mut later, "g1", "Chair the board well", 12);
    let outcome = merge(&here, &later, stamp(30).at);
    assert_eq!(
        outcome.workbook.goal("g1").unwrap().1.title,
        "Chair the board well"
    );
    assert_eq!(outcome.workbook.goal("g1").unwrap().1.actions.len(), 1);
    assert!(!outcome.workbook.was_deleted("g1"));
    assert_eq!(
        outcome.workbook.conflicts[0].other,
        "Deleted in this workbook 24 November 2026 at 09:10 UTC"
    );
    assert_eq!(outcome.report.added, 2, "the goal and its action");
    assert_ids_unique(&outcome.workbook);
}

#[test]
fn entries_and_milestones_from_both_sides_are_all_kept_in_date_order() {
    let shared = base();
    let mut here = shared.clone();
    let mut backup = shared.clone();
    apply(
        &mut here,
        Change::add(Some("pl"), activity("2026-09-15", "Here, September")),
        10,
    );
    apply(
        &mut here,
        Change::add(Some("pl"), activity("2026-11-02", "Here, November")),
        10,
    );
    apply(
        &mut backup,
        Change::add(Some("pl"), activity("2026-09-03", "There, September")),
        11,
    );
    apply(
        &mut backup,
        Change::add(Some("pl"), activity("2026-10-10", "There, October")),
        11,
    );
    apply(
        &mut here,
        Change::add(Some("pr"), milestone("Agree it", "2026-12-01")),
        10,
    );
    apply(
        &mut backup,
        Change::add(Some("pr"), milestone("Draft it", "2026-11-01")),
        11,
    );
    apply(
        &mut backup,
        Change::add(Some("pr"), milestone("Scope it", "2026-09-20")),
        11,
    );

    for (current, incoming) in [(&here, &backup), (&backup, &here)] {
        let outcome = merge(current, incoming, stamp(30).at);
        let pl = outcome.workbook.placement("pl").unwrap();
        let entries: Vec<String> = pl.entries.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(
            entries,
            vec![
                "2026-09-03",
                "2026-09-15",
                "2026-10-01",
                "2026-10-10",
                "2026-11-02"
            ]
        );
        let milestones: Vec<&str> = pl.projects[0]
            .milestones
            .iter()
            .map(|m| m.title.as_str())
            .collect();
        assert_eq!(
            milestones,
            vec!["Scope it", "Map it", "Draft it", "Agree it"]
        );
        assert!(outcome.workbook.conflicts.is_empty());
    }
}

#[test]
fn every_record_id_in_a_merged_workbook_is_unique() {
    let shared = base();
    let mut here = shared.clone();
    let mut backup = shared.clone();
    apply(&mut here, Change::add_goal(Some("p1"), goal("Here")), 10);
    apply(&mut backup, Change::add_goal(Some("p1"), goal("There")), 10);
    apply(
        &mut backup,
        Change::Delete {
            kind: RecordKind::Placement,
            id: "pl".into(),
        },
        11,
    );
    apply(
        &mut here,
        Change::add(Some("pl"), activity("2026-11-01", "Late entry")),
        12,
    );
    apply(
        &mut backup,
        Change::add(
            None,
            PlacementDraft {
                organisation: "NHS Sussex".into(),
                start: "2026-10-01".into(),
                ..Default::default()
            },
        ),
        12,
    );
    // The same goal id in another plan on the backup's side (a hand-edited file).
    let mut stray = backup.plans[0].goals[0].clone();
    stray.title = "Stray".into();
    let mut other_plan = Plan::first("p2".into(), stamp(13).at);
    other_plan.goals.push(stray);
    backup.plans.push(other_plan);

    let outcome = merge(&here, &backup, stamp(30).at);
    assert_ids_unique(&outcome.workbook);
    assert!(
        outcome.workbook.placement("pl").is_some(),
        "changed here after the backup deleted it"
    );
    assert_eq!(outcome.workbook.placements.len(), 2);
    assert!(outcome.workbook.plan("p2").unwrap().goals.is_empty());
    assert!(
        outcome
            .workbook
            .conflicts
            .iter()
            .any(|c| c.record_id == "g1" && c.other_record["title"] == "Stray"),
        "the stray copy is listed, not dropped"
    );
    let ids = outcome.workbook.record_ids();
    for id in here.record_ids().into_iter().chain(backup.record_ids()) {
        assert!(ids.contains(&id), "{id} is in the merge");
    }
    assert_ids_unique(&merge(&outcome.workbook, &backup, stamp(31).at).workbook);
}

/// A browser's workbook whose first goal made its first plan, `plan`
/// ("My development plan"), backed up on 3 December 2026.
fn first_plan(plan: &str, goal_title: &str, minute: u32) -> Workbook {
    let mut wb = Workbook::new(stamp(0).at);
    apply(
        &mut wb,
        Change::AddGoal {
            id: format!("{plan}-goal"),
            place: GoalPlace::CurrentOrNew(plan.into()),
            draft: goal(goal_title),
        },
        minute,
    );
    let backed_up = Stamp::on(2026, 12, 3, 12, 0);
    wb.apply(&Change::NoteBackup, backed_up).unwrap();
    wb
}

fn plan_names(wb: &Workbook) -> Vec<&str> {
    wb.plans.iter().map(|p| p.name.as_str()).collect()
}

const TOLD_APART: &str = "My development plan (from the backup of 3 December 2026)";

#[test]
fn a_plan_brought_in_under_a_name_already_taken_is_told_apart_once() {
    let here = first_plan("pa", "Chair the board", 1);
    let mut there = first_plan("pb", "Lead the redesign", 2);
    // Its details were changed there too, so it is not "untouched".
    let mut aim = PlanDraft::of(there.plan("pb").unwrap());
    aim.aim = "Lead".into();
    apply(
        &mut there,
        Change::Update {
            id: "pb".into(),
            draft: aim.into(),
        },
        3,
    );

    let once = merge(&here, &there, stamp(30).at);
    assert_eq!(
        plan_names(&once.workbook),
        vec!["My development plan", TOLD_APART]
    );
    let renamed = once.workbook.plan("pb").unwrap();
    assert_eq!(renamed.aim, "Lead");
    assert_eq!(renamed.updated_at, stamp(30).at, "the rename is a change");
    assert_eq!(
        once.report.renamed,
        vec![RenamedPlan {
            id: "pb".into(),
            was: "My development plan".into(),
            now: TOLD_APART.into(),
            from_backup: true,
        }]
    );
    assert!(once.report.lines().contains(&format!(
        "The plan \"My development plan\" from the backup is now called \"{TOLD_APART}\", as you already have a plan called \"My development plan\""
    )));
    assert!(once.workbook.conflicts.is_empty());

    let twice = merge(&once.workbook, &there, stamp(31).at);
    assert!(
        twice.report.changed_nothing(),
        "merging the same backup again keeps the new name: {:?}",
        twice.report
    );
    let mut again = twice.workbook;
    again.updated_at = once.workbook.updated_at;
    assert_eq!(again, once.workbook);

    // Merged back into the other browser (where the plan was not changed
    // again), both browsers show the same two names.
    let mut there_untouched = first_plan("pb", "Lead the redesign", 2);
    there_untouched.revision = 3;
    let back = merge(&there_untouched, &once.workbook, stamp(40).at);
    assert_eq!(
        plan_names(&back.workbook),
        vec![TOLD_APART, "My development plan"]
    );
    assert!(back.report.renamed.is_empty());
    assert!(back.workbook.conflicts.is_empty());
}

#[test]
fn a_plans_other_version_cannot_bring_back_a_name_another_plan_has() {
    let here = first_plan("pa", "Chair the board", 1);
    let mut there = first_plan("pb", "Lead the redesign", 2);
    let mut aim = PlanDraft::of(there.plan("pb").unwrap());
    aim.aim = "Lead".into();
    apply(
        &mut there,
        Change::Update {
            id: "pb".into(),
            draft: aim.into(),
        },
        3,
    );
    let once = merge(&here, &there, stamp(30).at).workbook;
    // The other browser, where the plan was changed, merges it back: both
    // versions were changed, so the one named there is listed.
    let back = merge(&there, &once, stamp(40).at);
    let mut wb = back.workbook;
    assert_eq!(plan_names(&wb), vec![TOLD_APART, "My development plan"]);
    let conflict = wb.conflicts.iter().find(|c| c.record_id == "pb").unwrap();
    let id = conflict.id.clone();
    assert_eq!(conflict.other_record["name"], "My development plan");
    match wb.apply(
        &Change::ResolveConflict {
            id: id.clone(),
            use_other: true,
        },
        stamp(41),
    ) {
        Err(Refusal::Invalid(e)) => assert_eq!(
            e[0].message,
            "The other version is called \"My development plan\", and you already have a plan called \"My development plan\": rename that plan first, or keep this version"
        ),
        other => panic!("expected invalid, got {other:?}"),
    }
    assert_eq!(plan_names(&wb), vec![TOLD_APART, "My development plan"]);
    let mut draft = PlanDraft::of(wb.plan("pa").unwrap());
    draft.name = "Chair's plan".into();
    apply(
        &mut wb,
        Change::Update {
            id: "pa".into(),
            draft: draft.into(),
        },
        42,
    );
    apply(
        &mut wb,
        Change::ResolveConflict {
            id,
            use_other: true,
        },
        43,
    );
    assert_eq!(plan_names(&wb), vec!["My development plan", "Chair's plan"]);
}

#[test]
fn plans_sharing_a_name_are_told_apart_whichever_side_they_came_from() {
    // Two plans of the backup share the name of one here; a third name is free.
    let here = first_plan("pa", "Chair the board", 1);
    let mut there = first_plan("pb", "Lead the redesign", 2);
    let mut third = Plan::first("pc".into(), stamp(3).at);
    third.name = "my development plan ".into();
    there.plans.push(third);
    let mut taken = Plan::first("pd".into(), stamp(3).at);
    taken.name = TOLD_APART.into();
    there.plans.push(taken);
    let outcome = merge(&here, &there, stamp(30).at);
    assert_eq!(
        plan_names(&outcome.workbook),
        vec![
            "My development plan",
            "My development plan (2)",
            "my development plan (3)",
            TOLD_APART
        ],
        "the backup's day is taken by another plan, so they are numbered"
    );

    // Two plans of this workbook saved sharing a name (before names had
    // to differ) are told apart by the next merge, whatever it brings.
    let mut legacy = here.clone();
    let mut twin = Plan::first("pz".into(), stamp(4).at);
    twin.name = "My development plan".into();
    legacy.plans.push(twin);
    let outcome = merge(&legacy, &Workbook::new(stamp(0).at), stamp(30).at);
    assert_eq!(
        plan_names(&outcome.workbook),
        vec!["My development plan", "My development plan (2)"]
    );
    assert_eq!(
        outcome.report.lines(),
        vec!["Your plan \"My development plan\" is now called \"My development plan (2)\", as another of your plans has the same name"]
    );
    assert_ids_unique(&outcome.workbook);
}

#[test]
fn a_partner_assessment_imported_on_both_sides_is_kept_once() {
    let mut theirs = AssessmentDraft {
        partnership: "East Kent".into(),
        clinical_area: String::new(),
        role: Some(Role::Manager),
        date: "2026-11-20".into(),
    }
    .validate("their-id".into(), stamp(0).today, stamp(0).at)
    .unwrap();
    let shared = base();
    let mut here = shared.clone();
    let mut backup = shared.clone();
    apply(
        &mut here,
        Change::import_partner_assessment(theirs.clone()),
        10,
    );
    theirs.set_rating("power-1", Some(Rating::Level(3)), stamp(11).at);
    apply(&mut backup, Change::import_partner_assessment(theirs), 12);
    assert_ne!(
        here.partner_assessments[0].id,
        backup.partner_assessments[0].id
    );

    let outcome = merge(&here, &backup, stamp(30).at);
    let partners = &outcome.workbook.partner_assessments;
    assert_eq!(partners.len(), 1);
    assert_eq!(
        partners[0].id, here.partner_assessments[0].id,
        "our id is kept"
    );
    assert_eq!(partners[0].level("power-1"), Some(3), "the newer copy");
}

#[test]
fn conflicts_are_saved_with_the_workbook_and_read_back() {
    let shared = base();
    let mut here = shared.clone();
    retitle(&mut here, "g1", "A", 5);
    let mut backup = shared.clone();
    retitle(&mut backup, "g1", "B", 6);
    let merged = merge(&here, &backup, stamp(30).at).workbook;
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(read_workbook(&to_json(&merged)).unwrap(), merged);
    assert!(
        !to_json(&shared).contains("conflicts"),
        "a workbook without any writes none"
    );
}
