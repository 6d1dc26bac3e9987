//! The placement's date rules at awkward moments on the user's London clock
//! (see `common::moments`): week N of M and days left (`placements`), which
//! entries fall outside the placement, which dates the log takes, and the
//! dashboard's week and milestones (`dashboard`). Every expected value is
//! written out by hand.

use chrono::NaiveDate;

use super::activity::{ActivityDraft, ActivityEntry, ActivityType};
use super::placements::{Placement, PlacementDraft, Progress};
use super::projects::{Milestone, ProjectDraft};
use crate::model::common::dates::input_value;
use crate::model::common::moments::{day, london, Moment};
use crate::model::common::saved_dates::Day;

/// A placement of `months` months from `start`, its end worked out.
fn placement(start: NaiveDate, months: u32, made: &Moment) -> Placement {
    PlacementDraft {
        organisation: "NHS Eastern and Coastal Kent".into(),
        start: input_value(start),
        length_months: months.to_string(),
        ..Default::default()
    }
    .validate()
    .unwrap()
    .into_placement("placement".into(), made.at.into())
}

fn under_way(week: i64, weeks: i64, days_left: i64) -> Option<Progress> {
    Some(Progress::UnderWay {
        week,
        weeks,
        days_left,
    })
}

/// The week and days left on the user's calendar day, at each moment. The
/// placements (ends worked out by hand from start and length):
/// - 1 October 2027, 1 month: to Sunday 31 October, the day the clocks go
///   back (31 days, 5 weeks);
/// - 28 March 2027, 4 months: from the day the clocks go forward to 27 July
///   (122 days, 18 weeks);
/// - 1 November 2027, 4 months: over the year end to 29 February 2028
///   (121 days, 18 weeks);
/// - 1 November 2026, 4 months: to 28 February 2027 (120 days, 18 weeks).
#[test]
fn week_n_of_m_and_days_left_follow_the_users_day() {
    let made = london("2026-10-01 09:00:00 BST");
    let october = placement(day(2027, 10, 1), 1, &made);
    let spring = placement(day(2027, 3, 28), 4, &made);
    let winter = placement(day(2027, 11, 1), 4, &made);
    let ordinary = placement(day(2026, 11, 1), 4, &made);
    assert_eq!(
        [&october, &spring, &winter, &ordinary].map(|p| (p.last_day(), p.weeks())),
        [
            (Some(day(2027, 10, 31)), Some(5)),
            (Some(day(2027, 7, 27)), Some(18)),
            (Some(day(2028, 2, 29)), Some(18)),
            (Some(day(2027, 2, 28)), Some(18)),
        ]
    );

    #[rustfmt::skip]
    let cases = [
        // The day before, then the first day: 00:00:01 BST on 1 October is
        // still 30 September in UTC.
        (&october, "2027-09-30 23:59:59 BST", Some(Progress::NotStarted { starts_in_days: 1, weeks: 5 })),
        (&october, "2027-10-01 00:00:01 BST", under_way(1, 5, 31)),
        // The last day is the day the clocks go back: at 00:30 BST (30 October
        // in UTC), at the first and the second 01:30, and just before midnight.
        (&october, "2027-10-31 00:30:00 BST", under_way(5, 5, 1)),
        (&october, "2027-10-31 01:30:00 BST", under_way(5, 5, 1)),
        (&october, "2027-10-31 01:30:00 GMT", under_way(5, 5, 1)),
        (&october, "2027-10-31 23:59:59 GMT", under_way(5, 5, 1)),
        (&october, "2027-11-01 00:00:01 GMT", Some(Progress::Finished { ended: day(2027, 10, 31), weeks: 5 })),
        // Starting on the day the clocks go forward.
        (&spring, "2027-03-27 23:59:59 GMT", Some(Progress::NotStarted { starts_in_days: 1, weeks: 18 })),
        (&spring, "2027-03-28 00:30:00 GMT", under_way(1, 18, 122)),
        (&spring, "2027-03-28 02:30:00 BST", under_way(1, 18, 122)),
        // The 1st of a month, 23:30 on 31 March in UTC.
        (&spring, "2027-04-01 00:30:00 BST", under_way(1, 18, 118)),
        // A week on, just after midnight (3 April in UTC).
        (&spring, "2027-04-04 00:00:01 BST", under_way(2, 18, 115)),
        (&spring, "2027-07-01 00:00:01 BST", under_way(14, 18, 27)),
        (&spring, "2027-07-27 23:59:59 BST", under_way(18, 18, 1)),
        // Over, on the user's calendar, though still 27 July in UTC.
        (&spring, "2027-07-28 00:00:01 BST", Some(Progress::Finished { ended: day(2027, 7, 27), weeks: 18 })),
        // The 1st of a month, the year's end and the leap day.
        (&winter, "2027-12-01 00:00:01 GMT", under_way(5, 18, 91)),
        (&winter, "2027-12-31 23:30:00 GMT", under_way(9, 18, 61)),
        (&winter, "2028-01-01 00:30:00 GMT", under_way(9, 18, 60)),
        (&winter, "2028-02-29 12:00:00 GMT", under_way(18, 18, 1)),
        (&winter, "2028-03-01 00:00:01 GMT", Some(Progress::Finished { ended: day(2028, 2, 29), weeks: 18 })),
        // An ordinary year's February.
        (&ordinary, "2027-02-28 12:00:00 GMT", under_way(18, 18, 1)),
        (&ordinary, "2027-03-01 00:00:01 GMT", Some(Progress::Finished { ended: day(2027, 2, 28), weeks: 18 })),
    ];
    for (placement, text, expected) in cases {
        let m = london(text);
        assert_eq!(placement.progress(m.today), expected, "{text}");
        assert_eq!(placement.dashboard(m.today).progress, expected, "{text}");
    }
}

#[test]
fn a_day_is_outside_the_placement_only_before_its_first_day_or_after_its_last() {
    let made = london("2026-10-01 09:00:00 BST");
    let october = placement(day(2027, 10, 1), 1, &made);
    let winter = placement(day(2027, 11, 1), 4, &made);
    #[rustfmt::skip]
    let cases = [
        (&october, day(2027, 9, 30), true),
        (&october, day(2027, 10, 1), false),
        (&october, day(2027, 10, 31), false),
        (&october, day(2027, 11, 1), true),
        (&winter, day(2027, 10, 31), true),
        (&winter, day(2027, 11, 1), false),
        (&winter, day(2027, 12, 31), false),
        (&winter, day(2028, 1, 1), false),
        (&winter, day(2028, 2, 29), false),
        (&winter, day(2028, 3, 1), true),
    ];
    for (placement, date, outside) in cases {
        assert_eq!(placement.is_outside(date), outside, "{date}");
    }
}

fn activity(date: NaiveDate, minutes: &str, m: &Moment) -> Result<ActivityEntry, String> {
    ActivityDraft {
        date: input_value(date),
        time_spent: minutes.into(),
        activity_type: Some(ActivityType::Meeting),
        what_done: "Programme board".into(),
        ..Default::default()
    }
    .validate("entry".into(), m.today, m.at.into(), |_| true)
    .map_err(|errors| errors[0].message.clone())
}

/// An entry may be dated the user's today (never tomorrow), and one logged
/// just after the placement's last day is kept and counted as outside it.
#[test]
fn the_log_takes_the_users_today_and_flags_a_day_after_the_placement() {
    #[rustfmt::skip]
    let cases = [
        // 1 October in London, 30 September in UTC.
        ("2027-10-01 00:00:01 BST", day(2027, 10, 1), day(2027, 10, 2)),
        ("2027-10-31 00:30:00 BST", day(2027, 10, 31), day(2027, 11, 1)),
        ("2027-10-31 01:30:00 GMT", day(2027, 10, 31), day(2027, 11, 1)),
        ("2027-11-01 00:00:01 GMT", day(2027, 11, 1), day(2027, 11, 2)),
        ("2027-04-01 00:30:00 BST", day(2027, 4, 1), day(2027, 4, 2)),
        ("2027-12-31 23:30:00 GMT", day(2027, 12, 31), day(2028, 1, 1)),
        ("2028-01-01 00:30:00 GMT", day(2028, 1, 1), day(2028, 1, 2)),
        ("2028-02-29 12:00:00 GMT", day(2028, 2, 29), day(2028, 3, 1)),
        ("2027-06-30 23:59:59 BST", day(2027, 6, 30), day(2027, 7, 1)),
    ];
    for (text, today, tomorrow) in cases {
        let m = london(text);
        let entry = activity(today, "1:00", &m).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!((*entry.date, *entry.created_at), (today, m.at), "{text}");
        assert_eq!(
            activity(tomorrow, "1:00", &m),
            Err("The date of the activity must be today or in the past".to_string()),
            "{text}"
        );
    }

    let m = london("2027-11-01 00:00:01 GMT");
    let mut october = placement(day(2027, 10, 1), 1, &m);
    october.entries = vec![
        activity(day(2027, 10, 31), "1:00", &m).unwrap(),
        activity(day(2027, 11, 1), "0:30", &m).unwrap(),
    ];
    let dashboard = october.dashboard(m.today);
    assert_eq!(
        dashboard.outside_dates, 1,
        "1 November is after the last day"
    );
    assert_eq!(dashboard.entries, 2);
}

/// "This week" is Monday to Sunday of the user's week: an entry on the
/// Sunday the clocks go back counts until midnight, and not a second after.
#[test]
fn this_week_runs_monday_to_sunday_of_the_users_week() {
    #[rustfmt::skip]
    let weeks = [
        ("2027-12-31 23:30:00 GMT", day(2027, 12, 27), day(2028, 1, 2)),
        ("2028-01-01 00:30:00 GMT", day(2027, 12, 27), day(2028, 1, 2)),
        ("2028-02-29 12:00:00 GMT", day(2028, 2, 28), day(2028, 3, 5)),
        ("2028-03-01 00:00:01 GMT", day(2028, 2, 28), day(2028, 3, 5)),
        ("2027-02-28 12:00:00 GMT", day(2027, 2, 22), day(2027, 2, 28)),
        ("2027-03-28 00:30:00 GMT", day(2027, 3, 22), day(2027, 3, 28)),
        ("2027-03-28 02:30:00 BST", day(2027, 3, 22), day(2027, 3, 28)),
        ("2027-10-31 00:30:00 BST", day(2027, 10, 25), day(2027, 10, 31)),
        ("2027-10-31 01:30:00 GMT", day(2027, 10, 25), day(2027, 10, 31)),
        ("2027-11-01 00:00:01 GMT", day(2027, 11, 1), day(2027, 11, 7)),
        ("2027-04-01 00:30:00 BST", day(2027, 3, 29), day(2027, 4, 4)),
        ("2027-07-01 00:00:01 BST", day(2027, 6, 28), day(2027, 7, 4)),
    ];
    let logged = london("2027-11-01 00:00:01 GMT");
    let mut p = placement(day(2027, 10, 1), 1, &logged);
    p.entries = vec![
        activity(day(2027, 10, 24), "0:15", &logged).unwrap(),
        activity(day(2027, 10, 25), "1:00", &logged).unwrap(),
        activity(day(2027, 10, 31), "0:30", &logged).unwrap(),
    ];
    for (text, monday, sunday) in weeks {
        let m = london(text);
        assert_eq!(p.dashboard(m.today).week, (monday, sunday), "{text}");
    }
    let minutes_this_week = |text| p.dashboard(london(text).today).minutes_this_week;
    assert_eq!(minutes_this_week("2027-10-31 00:30:00 BST"), 90);
    assert_eq!(minutes_this_week("2027-10-31 23:59:59 GMT"), 90);
    assert_eq!(minutes_this_week("2027-11-01 00:00:01 GMT"), 0);
    assert_eq!(minutes_this_week("2027-10-24 23:59:59 BST"), 15);
}

/// Milestones still to do: overdue from the day after their planned day,
/// and "coming up" from their planned day back to 14 days before it.
#[test]
fn milestones_are_overdue_or_coming_up_by_the_users_day() {
    #[rustfmt::skip]
    let cases = [
        // (moment, yesterday, today, the 14th day on, the 15th day on)
        ("2028-01-01 00:30:00 GMT", [day(2027, 12, 31), day(2028, 1, 1), day(2028, 1, 15), day(2028, 1, 16)]),
        ("2027-12-31 23:30:00 GMT", [day(2027, 12, 30), day(2027, 12, 31), day(2028, 1, 14), day(2028, 1, 15)]),
        ("2028-02-29 12:00:00 GMT", [day(2028, 2, 28), day(2028, 2, 29), day(2028, 3, 14), day(2028, 3, 15)]),
        ("2027-02-28 12:00:00 GMT", [day(2027, 2, 27), day(2027, 2, 28), day(2027, 3, 14), day(2027, 3, 15)]),
        ("2027-10-31 00:30:00 BST", [day(2027, 10, 30), day(2027, 10, 31), day(2027, 11, 14), day(2027, 11, 15)]),
        ("2027-03-28 02:30:00 BST", [day(2027, 3, 27), day(2027, 3, 28), day(2027, 4, 11), day(2027, 4, 12)]),
        ("2027-04-01 00:30:00 BST", [day(2027, 3, 31), day(2027, 4, 1), day(2027, 4, 15), day(2027, 4, 16)]),
        ("2027-07-01 00:00:01 BST", [day(2027, 6, 30), day(2027, 7, 1), day(2027, 7, 15), day(2027, 7, 16)]),
    ];
    for (text, planned) in cases {
        let m = london(text);
        let mut p = placement(day(2027, 1, 1), 24, &m);
        let mut project = ProjectDraft {
            title: "Tuberculosis pathway".into(),
            ..Default::default()
        }
        .validate("project".into(), m.at.into())
        .unwrap();
        let names = ["yesterday", "today", "14 days on", "15 days on"];
        project.milestones = names
            .iter()
            .zip(planned)
            .map(|(name, planned)| Milestone {
                id: (*name).into(),
                title: (*name).into(),
                planned: Day(planned),
                done_on: None,
                created_at: m.at.into(),
                updated_at: m.at.into(),
            })
            .collect();
        p.projects.push(project);
        let dashboard = p.dashboard(m.today);
        let titles = |list: &[super::dashboard::MilestoneDue]| {
            list.iter().map(|d| d.milestone.clone()).collect::<Vec<_>>()
        };
        assert_eq!(titles(&dashboard.overdue), ["yesterday"], "{text}");
        assert_eq!(
            titles(&dashboard.coming_up),
            ["today", "14 days on"],
            "{text}"
        );
        let overdue: Vec<bool> = p.projects[0]
            .milestones
            .iter()
            .map(|ms| ms.is_overdue(m.today))
            .collect();
        assert_eq!(overdue, [true, false, false, false], "{text}");
    }
}
