//! The document's date rules at awkward moments on the user's London clock
//! (see `common::moments`): when the backup reminder comes (`backup_reminder`),
//! what a backup file is called, and that a change applied with a `Stamp`
//! dates what it records by the user's calendar day, not the UTC one. Every
//! expected value is written out by hand.

use crate::model::common::moments::{day, london, Moment};
use crate::model::common::saved_dates::Day;
use crate::model::files::backup::backup_file_name;
use crate::model::placement::{
    ActivityDraft, ActivityType, MilestoneDraft, PlacementDraft, ProjectDraft,
};
use crate::model::plan::{ActionDraft, GoalDraft, GOAL_TARGET_DATE_FIELD};
use crate::model::workbook::change::{Change, Refusal, Stamp};
use crate::model::workbook::document::Workbook;
use crate::model::workbook::ops::backup_reminder::BackupDue;

/// How the app stamps a change made at `m` (`stamp_now` in src/ui/store.rs).
fn stamp(m: &Moment) -> Stamp {
    Stamp {
        at: m.at.into(),
        today: m.today,
    }
}

fn add_goal(wb: &mut Workbook, m: &Moment, target: &str) -> Result<(), Refusal> {
    let draft = GoalDraft {
        title: "Chair the respiratory programme board".into(),
        target_date: target.into(),
        ..Default::default()
    };
    wb.apply(&Change::add_goal(None, draft), stamp(m))
        .map(|_| ())
}

/// The reminder counts elapsed time from the oldest change not in a backup:
/// N days are N times 24 hours. Where the clocks change in between, it comes
/// an hour earlier or later on the user's clock than the change was made.
#[test]
fn the_backup_reminder_comes_once_the_oldest_change_is_the_chosen_days_old() {
    #[rustfmt::skip]
    let cases = [
        // (days, change made, a second before the reminder, the reminder)
        // Over the year end.
        (14, "2027-12-17 23:30:00 GMT", "2027-12-31 23:29:59 GMT", "2027-12-31 23:30:00 GMT"),
        (7, "2027-12-25 00:30:00 GMT", "2028-01-01 00:29:59 GMT", "2028-01-01 00:30:00 GMT"),
        // To a leap day, and to an ordinary year's last day of February.
        (14, "2028-02-15 12:00:00 GMT", "2028-02-29 11:59:59 GMT", "2028-02-29 12:00:00 GMT"),
        (30, "2028-01-30 12:00:00 GMT", "2028-02-29 11:59:59 GMT", "2028-02-29 12:00:00 GMT"),
        (30, "2027-01-29 12:00:00 GMT", "2027-02-28 11:59:59 GMT", "2027-02-28 12:00:00 GMT"),
        // The clocks go forward in between: made at 00:30, due at 01:30 on
        // the 1st of the next month.
        (7, "2027-03-25 00:30:00 GMT", "2027-04-01 01:29:59 BST", "2027-04-01 01:30:00 BST"),
        // The clocks go back in between: made at 09:00, due at 08:00.
        (14, "2027-10-20 09:00:00 BST", "2027-11-03 07:59:59 GMT", "2027-11-03 08:00:00 GMT"),
        // Made in the hour that comes twice, the first time.
        (7, "2027-10-31 01:30:00 BST", "2027-11-07 00:29:59 GMT", "2027-11-07 00:30:00 GMT"),
        // Just after midnight in summer.
        (14, "2027-06-17 00:00:01 BST", "2027-07-01 00:00:00 BST", "2027-07-01 00:00:01 BST"),
    ];
    for (days, made, before, due) in cases {
        let made = london(made);
        let mut wb = Workbook::new(made.at);
        wb.apply(&Change::SetBackupReminder { days }, stamp(&made))
            .unwrap();
        add_goal(&mut wb, &made, "").unwrap();
        assert_eq!(
            wb.backup_due(london(before).at),
            None,
            "{} {before}",
            made.label
        );
        assert_eq!(
            wb.backup_due(london(due).at),
            Some(BackupDue {
                oldest_change: made.at,
                last_backup: None,
            }),
            "{} {due}",
            made.label
        );
    }
}

/// A backup taken just before midnight on 31 December covers what was done
/// before it; a change a minute into the new year starts the count again.
#[test]
fn a_backup_at_the_year_end_covers_the_old_year_and_is_named_by_the_users_day() {
    let old_year = london("2027-12-31 23:30:00 GMT");
    let new_year = london("2028-01-01 00:30:00 GMT");
    let mut wb = Workbook::new(old_year.at);
    add_goal(&mut wb, &old_year, "").unwrap();
    wb.apply(&Change::NoteBackup, stamp(&old_year)).unwrap();
    assert_eq!(wb.backup_due(london("2028-06-01 12:00:00 BST").at), None);
    add_goal(&mut wb, &new_year, "").unwrap();
    assert_eq!(wb.backup_due(london("2028-01-15 00:29:59 GMT").at), None);
    assert_eq!(
        wb.backup_due(london("2028-01-15 00:30:00 GMT").at),
        Some(BackupDue {
            oldest_change: new_year.at,
            last_backup: Some(old_year.at),
        })
    );

    #[rustfmt::skip]
    let names = [
        ("2027-12-31 23:30:00 GMT", "commissioning-workbook-2027-12-31.json"),
        ("2028-01-01 00:30:00 GMT", "commissioning-workbook-2028-01-01.json"),
        ("2028-02-29 12:00:00 GMT", "commissioning-workbook-2028-02-29.json"),
        // 30 June in UTC.
        ("2027-07-01 00:00:01 BST", "commissioning-workbook-2027-07-01.json"),
        ("2027-10-31 00:30:00 BST", "commissioning-workbook-2027-10-31.json"),
    ];
    for (text, name) in names {
        assert_eq!(backup_file_name(london(text).today), name, "{text}");
    }
}

/// At moments when the user's day and the UTC day differ (just after
/// midnight in British Summer Time), a change records the user's day: a
/// target date of the UTC day is in the past, and an action or milestone
/// ticked off is done on the user's day.
#[test]
fn a_change_just_after_midnight_in_summer_time_dates_things_by_the_users_day() {
    #[rustfmt::skip]
    let cases = [
        // (moment, the user's day, the day before it, which is the UTC day)
        ("2027-04-01 00:30:00 BST", "2027-04-01", "2027-03-31", day(2027, 4, 1)),
        ("2027-07-01 00:00:01 BST", "2027-07-01", "2027-06-30", day(2027, 7, 1)),
        ("2027-10-31 00:30:00 BST", "2027-10-31", "2027-10-30", day(2027, 10, 31)),
    ];
    for (text, today, utc_day, expected_day) in cases {
        let m = london(text);
        assert_eq!(
            m.at.date_naive().to_string(),
            utc_day,
            "{text}: the UTC day is the day before"
        );
        let mut wb = Workbook::new(m.at);

        let refused = add_goal(&mut wb, &m, utc_day);
        assert!(
            matches!(&refused, Err(Refusal::Invalid(e)) if e[0].field == GOAL_TARGET_DATE_FIELD),
            "{text}: {refused:?}"
        );
        add_goal(&mut wb, &m, today).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let goal_id = wb.plans()[0].goals[0].id.clone();
        assert_eq!(wb.plans()[0].goals[0].target_date, Some(Day(expected_day)));

        let add_action = Change::add(
            Some(&goal_id),
            ActionDraft {
                text: "Meet the lead commissioner".into(),
                due: today.into(),
            },
        );
        wb.apply(&add_action, stamp(&m)).unwrap();
        let action_id = add_action.created_id().unwrap().to_string();
        wb.apply(
            &Change::SetActionDone {
                id: action_id,
                done: true,
            },
            stamp(&m),
        )
        .unwrap();
        let action = &wb.plans()[0].goals[0].actions[0];
        assert_eq!(
            (action.done_on, action.updated_at),
            (Some(Day(expected_day)), m.at.into()),
            "{text}"
        );

        wb.apply(
            &Change::Add {
                id: "placement".into(),
                under: None,
                draft: (PlacementDraft {
                    organisation: "NHS Eastern and Coastal Kent".into(),
                    start: today.into(),
                    ..Default::default()
                })
                .into(),
            },
            stamp(&m),
        )
        .unwrap();
        let add_project = Change::add(
            Some("placement"),
            ProjectDraft {
                title: "Tuberculosis pathway".into(),
                ..Default::default()
            },
        );
        wb.apply(&add_project, stamp(&m)).unwrap();
        let add_milestone = Change::add(
            Some(add_project.created_id().unwrap()),
            MilestoneDraft {
                title: "Map the pathway".into(),
                planned: today.into(),
                done: String::new(),
            },
        );
        wb.apply(&add_milestone, stamp(&m)).unwrap();
        wb.apply(
            &Change::SetMilestoneDone {
                id: add_milestone.created_id().unwrap().to_string(),
                done: Some(today.into()),
            },
            stamp(&m),
        )
        .unwrap();
        let activity = Change::add(
            Some("placement"),
            ActivityDraft {
                date: today.into(),
                time_spent: "1:30".into(),
                activity_type: Some(ActivityType::Meeting),
                what_done: "Programme board".into(),
                ..Default::default()
            },
        );
        wb.apply(&activity, stamp(&m))
            .unwrap_or_else(|e| panic!("{text}: an entry dated the user's today: {e:?}"));

        let placement = wb.placement("placement").unwrap();
        assert_eq!(
            placement.projects[0].milestones[0].done_on,
            Some(Day(expected_day)),
            "{text}"
        );
        assert_eq!(placement.entries[0].date, expected_day, "{text}");
        assert!(!placement.is_outside(expected_day), "{text}: the first day");
    }
}
