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
    assert_eq!(outcome.report.conflicts.total(), 0);
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
    let titles: Vec<&str> = once.workbook.plans()[0]
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
    assert_eq!(once.workbook.plans().len(), 2);
    assert_eq!(once.workbook.placement("pl").unwrap().entries.len(), 2);
    assert_eq!(
        once.report.added.total(),
        4,
        "goal, its action, plan, entry"
    );
    assert_eq!(once.report.conflicts.total(), 1);
    assert_eq!(once.workbook.conflicts.len(), 1);
    assert_eq!(
        once.report.lines(),
        vec![
            "1 development plan, 1 goal, 1 log entry and 1 action added",
            "1 goal kept as in this workbook, where it was changed more recently",
            "1 goal changed on both sides: the newer version is kept and the other is listed under conflicts",
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
    assert_eq!(
        (twice.report.added.total(), twice.report.conflicts.total()),
        (0, 0)
    );
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
    assert_eq!(outcome.report.updated.total(), 1);
    assert_eq!(outcome.report.conflicts.total(), 1);
    assert!(outcome.report.lines().contains(
        &"1 goal changed on both sides: the newer version is kept and the other is listed under conflicts".to_string()
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
    assert_eq!(the_other_way.report.kept.total(), 1);

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
        assert_eq!(outcome.report.conflicts.total(), 0);
    }
    let outcome = merge(&here, &backup, stamp(30).at);
    assert_eq!(outcome.report.updated.total(), 2, "goal and assessment");
    assert_eq!(outcome.report.kept.total(), 1, "milestone");
    assert_eq!(outcome.report.added.total(), 0);
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
        outcome.report.deletions.total(),
        3,
        "the goal, its action and the entry"
    );
    assert!(outcome.workbook.conflicts.is_empty());
    assert_eq!(
        outcome.report.lines(),
        vec!["1 goal, 1 log entry and 1 action deleted, as they were deleted in the backup"]
    );

    // Deleted here: the backup's unchanged copy does not bring it back.
    let outcome = merge(&backup, &shared, stamp(30).at);
    assert!(outcome.workbook.goal("g1").is_none());
    assert_eq!(outcome.report.stayed_deleted.total(), 3);
    assert_eq!(outcome.report.added.total(), 0);
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
    assert_eq!(
        conflict.deletion(),
        Some(crate::model::workbook::tree::ConflictDeletion {
            in_backup: true,
            deleted_at: stamp(10).at,
            changed_at: stamp(12).at,
        }),
        "kept as times, for the page to show in the user's own time"
    );
    assert_eq!(outcome.report.revived.total(), 1);
    assert!(outcome
        .report
        .lines()
        .iter()
        .any(|l| l.starts_with("1 goal kept although deleted on one side")));
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
    assert_eq!(outcome.report.added.total(), 2, "the goal and its action");
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
    let mut stray = backup.plans()[0].goals[0].clone();
    stray.title = "Stray".into();
    let mut other_plan = Plan::first("p2".into(), stamp(13).at);
    other_plan.goals.push(stray);
    backup.plans_mut().unwrap().push(other_plan);

    let outcome = merge(&here, &backup, stamp(30).at);
    assert_ids_unique(&outcome.workbook);
    assert!(
        outcome.workbook.placement("pl").is_some(),
        "changed here after the backup deleted it"
    );
    assert_eq!(outcome.workbook.placements().len(), 2);
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
    wb.plans().iter().map(|p| p.name.as_str()).collect()
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
    there.plans_mut().unwrap().push(third);
    let mut taken = Plan::first("pd".into(), stamp(3).at);
    taken.name = TOLD_APART.into();
    there.plans_mut().unwrap().push(taken);
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
    legacy.plans_mut().unwrap().push(twin);
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

#[test]
fn what_a_merge_adds_is_counted_kind_by_kind_in_the_users_words() {
    let here = Workbook::new(stamp(0).at);
    let backup = first_plan("p", "Chair the board", 1);
    let outcome = merge(&here, &backup, stamp(30).at);
    assert_eq!(outcome.report.added.of(RecordKind::Plan), 1);
    assert_eq!(outcome.report.added.of(RecordKind::Goal), 1);
    assert_eq!(
        outcome.report.lines(),
        vec!["1 development plan and 1 goal added"]
    );
}

/// A goal whose title was changed here at minute 5 and its status at 6,
/// and whose title was changed in the backup at minute 7, merged: the
/// backup's version wins and this one's is listed.
fn goal_changed_on_both_sides() -> (Workbook, String) {
    let shared = base();
    let mut here = shared.clone();
    retitle(&mut here, "g1", "Chair the programme board", 5);
    apply(
        &mut here,
        Change::SetGoalStatus {
            id: "g1".into(),
            status: crate::model::plan::GoalStatus::InProgress,
        },
        6,
    );
    let mut backup = shared;
    retitle(&mut backup, "g1", "Chair the respiratory board", 7);
    let merged = merge(&here, &backup, stamp(30).at).workbook;
    let id = merged.conflicts[0].id.clone();
    (merged, id)
}

#[test]
fn a_conflict_is_shown_field_by_field_as_the_form_shows_it() {
    let (wb, id) = goal_changed_on_both_sides();
    let versions = wb.conflict_versions(&id).unwrap();
    let fields: Vec<(&str, &str, &str, &str)> = versions
        .fields
        .iter()
        .map(|f| {
            (
                f.field.as_str(),
                f.label.as_str(),
                f.kept.as_str(),
                f.other.as_str(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            (
                "title",
                "What do you want to achieve?",
                "Chair the respiratory board",
                "Chair the programme board"
            ),
            ("status", "Status", "Not started", "In progress"),
        ],
        "labels and values in the form's words, never saved codes"
    );
    assert_eq!(versions.kept_at, *stamp(7).at);
    assert_eq!(versions.other_at, *stamp(6).at);
}

#[test]
fn some_fields_can_be_taken_from_the_other_version_and_the_rest_kept() {
    let (mut wb, id) = goal_changed_on_both_sides();
    apply(
        &mut wb,
        Change::ResolveConflictFields {
            id: id.clone(),
            take: vec!["status".into()],
        },
        40,
    );
    let goal = wb.goal("g1").unwrap().1;
    assert_eq!(goal.title, "Chair the respiratory board", "kept");
    assert_eq!(
        goal.status,
        crate::model::plan::GoalStatus::InProgress,
        "taken"
    );
    assert_eq!(goal.actions.len(), 1, "the records under it stay");
    assert_eq!(goal.updated_at, stamp(40).at);
    assert!(wb.conflicts.is_empty(), "settled");
    assert_eq!(
        wb.apply(
            &Change::ResolveConflictFields {
                id,
                take: vec!["status".into()]
            },
            stamp(41)
        ),
        Err(Refusal::NotFound),
        "settled once"
    );
}

#[test]
fn taking_every_field_or_none_is_the_other_version_or_this_one() {
    let (mut all, id) = goal_changed_on_both_sides();
    let mut none = all.clone();
    apply(
        &mut all,
        Change::ResolveConflictFields {
            id: id.clone(),
            take: vec!["title".into(), "status".into()],
        },
        40,
    );
    let goal = all.goal("g1").unwrap().1;
    assert_eq!(
        (goal.title.as_str(), goal.status),
        (
            "Chair the programme board",
            crate::model::plan::GoalStatus::InProgress
        )
    );
    apply(
        &mut none,
        Change::ResolveConflictFields { id, take: vec![] },
        40,
    );
    let goal = none.goal("g1").unwrap().1;
    assert_eq!(goal.title, "Chair the respiratory board");
    assert!(none.conflicts.is_empty());
}

#[test]
fn fields_taken_from_the_other_version_must_keep_the_rules() {
    // Two plans may not share a name, field by field too.
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
    let mut wb = merge(&there, &once, stamp(40).at).workbook;
    let id = wb
        .conflicts
        .iter()
        .find(|c| c.record_id == "pb")
        .unwrap()
        .id
        .clone();
    let before = wb.clone();
    match wb.apply(
        &Change::ResolveConflictFields {
            id: id.clone(),
            take: vec!["name".into()],
        },
        stamp(41),
    ) {
        Err(Refusal::Invalid(e)) => assert!(e[0].message.starts_with(
            "The other version is called \"My development plan\", and you already have a plan called"
        )),
        other => panic!("expected invalid, got {other:?}"),
    }
    assert_eq!(wb, before, "refused, nothing changed");

    // A plan may not end before it starts, whichever version each date is from.
    let shared = first_plan("p", "Chair the board", 1);
    let dated = |wb: &mut Workbook, starts: &str, ends: &str, minute| {
        let mut draft = PlanDraft::of(wb.plan("p").unwrap());
        draft.starts = starts.into();
        draft.ends = ends.into();
        apply(
            wb,
            Change::Update {
                id: "p".into(),
                draft: draft.into(),
            },
            minute,
        );
    };
    let mut here = shared.clone();
    dated(&mut here, "2027-06-01", "2027-12-31", 5);
    let mut backup = shared;
    dated(&mut backup, "2026-01-01", "2026-03-31", 7);
    let mut wb = merge(&here, &backup, stamp(30).at).workbook;
    let id = wb.conflicts[0].id.clone();
    // The backup's dates won; taking only the other version's start would
    // start the plan after it ends.
    let before = wb.clone();
    assert!(matches!(
        wb.apply(
            &Change::ResolveConflictFields {
                id: id.clone(),
                take: vec!["starts".into()],
            },
            stamp(41),
        ),
        Err(Refusal::Invalid(_))
    ));
    assert_eq!(wb, before);
    apply(
        &mut wb,
        Change::ResolveConflictFields {
            id,
            take: vec!["starts".into(), "ends".into()],
        },
        42,
    );
    assert_eq!(
        wb.plan("p").unwrap().starts.map(|d| d.to_string()),
        Some("2027-06-01".to_string())
    );
}

#[test]
fn a_field_that_is_not_the_records_own_cannot_be_taken() {
    let (mut wb, id) = goal_changed_on_both_sides();
    let before = wb.clone();
    for field in ["id", "updated_at", "no_such_field"] {
        assert!(
            matches!(
                wb.apply(
                    &Change::ResolveConflictFields {
                        id: id.clone(),
                        take: vec![field.into()],
                    },
                    stamp(41),
                ),
                Err(Refusal::Invalid(_))
            ),
            "{field}"
        );
    }
    assert_eq!(wb, before);
}

#[test]
fn a_records_page_can_tell_which_conflicts_are_about_it_or_what_is_under_it() {
    let (wb, _) = goal_changed_on_both_sides();
    let (own, under) = wb.conflicts_within("g1");
    assert!(own);
    assert_eq!(under.total(), 0);
    let (own, under) = wb.conflicts_within("p1");
    assert!(!own);
    assert_eq!(under.words(), "1 goal", "the goal is in the plan");
    let (own, under) = wb.conflicts_within("pl");
    assert!(!own && under.total() == 0, "nothing in the placement");
}

#[test]
fn a_version_that_leaves_out_fields_differs_only_where_its_values_do() {
    // A conflict as a hand-edited or older file may hold it: the other
    // version of the plan without the fields it has at their defaults.
    let mut wb = first_plan("p", "Chair the board", 1);
    let other = serde_json::json!({
        "id": "p",
        "name": "My development plan",
        "aim": "Lead the redesign",
        "created_at": "2026-11-24T09:01:00Z",
        "updated_at": "2026-11-24T09:02:00Z",
    });
    wb.conflicts.push(Conflict {
        id: "c".into(),
        record_id: "p".into(),
        kind: RecordKind::Plan,
        description: "the plan \"My development plan\"".into(),
        kept: String::new(),
        other: String::new(),
        other_record: other,
        found_at: stamp(30).at,
        deletion: None,
    });
    let versions = wb.conflict_versions("c").unwrap();
    let fields: Vec<(&str, &str, &str)> = versions
        .fields
        .iter()
        .map(|f| (f.label.as_str(), f.kept.as_str(), f.other.as_str()))
        .collect();
    assert_eq!(
        fields,
        vec![("Your development aim", "(empty)", "Lead the redesign")]
    );
    apply(
        &mut wb,
        Change::ResolveConflictFields {
            id: "c".into(),
            take: vec!["aim".into()],
        },
        40,
    );
    let plan = wb.plan("p").unwrap();
    assert_eq!(plan.aim, "Lead the redesign");
    assert_eq!(plan.goals.len(), 1);
}
