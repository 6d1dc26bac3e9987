//! The plan's date rules at awkward moments on the user's London clock (see
//! `common::moments`): what is overdue, due in the next 30 days and when the
//! review is late (`attention`), which target, evidence and review dates a
//! form takes (`goals`, `entries`), and the month-by-month view. Every
//! expected date is written out by hand.

use chrono::NaiveDate;

use super::attention::{attention, by_month, Attention};
use super::{
    Action, ActionDraft, EvidenceDraft, Goal, GoalDraft, GoalStatus, Plan, Review, ReviewDraft,
    GOAL_TARGET_DATE_FIELD,
};
use crate::model::common::dates::month_and_year;
use crate::model::common::moments::{day, london, Moment};
use crate::model::common::saved_dates::Day;

fn goal(m: &Moment, id: &str, target: NaiveDate, action_due: Option<NaiveDate>) -> Goal {
    let mut goal: Goal = serde_json::from_value(serde_json::json!({
        "id": id,
        "title": format!("Goal {id}"),
        "status": "in_progress",
        "created_at": m.at,
        "updated_at": m.at,
    }))
    .unwrap();
    goal.target_date = Some(Day(target));
    goal.actions = action_due
        .into_iter()
        .map(|due| Action {
            id: format!("{id}-action"),
            text: format!("Action for {id}").into(),
            due: Some(Day(due)),
            done_on: None,
            created_at: m.at.into(),
            updated_at: m.at.into(),
        })
        .collect();
    goal
}

fn review(m: &Moment, next: NaiveDate) -> Review {
    Review {
        id: "review".into(),
        date: Day(day(2026, 6, 1)),
        summary: "Half way".into(),
        next_review: Some(Day(next)),
        created_at: m.at.into(),
        updated_at: m.at.into(),
    }
}

fn ids(found: &[super::attention::GoalRef]) -> Vec<&str> {
    found.iter().map(|g| g.goal_id.as_str()).collect()
}

/// A day as (year, month, day), short enough for a table.
type Ymd = (i32, u32, u32);

/// At each moment: the day before the user's today, the user's today, the
/// last day "due soon" reaches (today + 30) and the first it does not.
#[rustfmt::skip]
const DUE_DATES: [(&str, [Ymd; 4]); 14] = [
    // The 1st of a month; in April, 00:30 BST is 23:30 on 31 March in UTC.
    ("2026-12-01 00:00:01 GMT", [(2026, 11, 30), (2026, 12, 1), (2026, 12, 31), (2027, 1, 1)]),
    ("2027-04-01 00:30:00 BST", [(2027, 3, 31), (2027, 4, 1), (2027, 5, 1), (2027, 5, 2)]),
    // The year changes.
    ("2027-12-31 23:30:00 GMT", [(2027, 12, 30), (2027, 12, 31), (2028, 1, 30), (2028, 1, 31)]),
    ("2028-01-01 00:30:00 GMT", [(2027, 12, 31), (2028, 1, 1), (2028, 1, 31), (2028, 2, 1)]),
    // February in a leap year and in an ordinary one.
    ("2028-02-29 12:00:00 GMT", [(2028, 2, 28), (2028, 2, 29), (2028, 3, 30), (2028, 3, 31)]),
    ("2028-03-01 00:00:01 GMT", [(2028, 2, 29), (2028, 3, 1), (2028, 3, 31), (2028, 4, 1)]),
    ("2027-02-28 12:00:00 GMT", [(2027, 2, 27), (2027, 2, 28), (2027, 3, 30), (2027, 3, 31)]),
    // The clocks go forward, then back.
    ("2027-03-28 00:30:00 GMT", [(2027, 3, 27), (2027, 3, 28), (2027, 4, 27), (2027, 4, 28)]),
    ("2027-03-28 02:30:00 BST", [(2027, 3, 27), (2027, 3, 28), (2027, 4, 27), (2027, 4, 28)]),
    ("2027-10-31 00:30:00 BST", [(2027, 10, 30), (2027, 10, 31), (2027, 11, 30), (2027, 12, 1)]),
    ("2027-10-31 01:30:00 BST", [(2027, 10, 30), (2027, 10, 31), (2027, 11, 30), (2027, 12, 1)]),
    ("2027-10-31 01:30:00 GMT", [(2027, 10, 30), (2027, 10, 31), (2027, 11, 30), (2027, 12, 1)]),
    // Either side of midnight (in summer, 00:00:01 is still the day before in UTC).
    ("2027-06-30 23:59:59 BST", [(2027, 6, 29), (2027, 6, 30), (2027, 7, 30), (2027, 7, 31)]),
    ("2027-07-01 00:00:01 BST", [(2027, 6, 30), (2027, 7, 1), (2027, 7, 31), (2027, 8, 1)]),
];

fn dates(row: [Ymd; 4]) -> [NaiveDate; 4] {
    row.map(|(y, m, d)| day(y, m, d))
}

#[test]
fn overdue_due_soon_and_the_review_follow_the_users_day() {
    for (text, row) in DUE_DATES {
        let m = london(text);
        let [yesterday, today, last_soon, first_later] = dates(row);
        let mut plan = Plan::first("plan".into(), m.at.into());
        plan.goals = vec![
            goal(&m, "yesterday", yesterday, Some(yesterday)),
            goal(&m, "today", today, Some(today)),
            goal(&m, "last-soon", last_soon, None),
            goal(&m, "first-later", first_later, None),
        ];
        plan.reviews = vec![review(&m, yesterday)];

        let found: Attention = attention(&plan, m.today);
        assert_eq!(ids(&found.overdue_goals), ["yesterday"], "{text}");
        assert_eq!(ids(&found.due_soon), ["today", "last-soon"], "{text}");
        assert_eq!(
            found
                .overdue_actions
                .iter()
                .map(|a| a.action_id.as_str())
                .collect::<Vec<_>>(),
            ["yesterday-action"],
            "{text}: an action due today is not overdue"
        );
        assert_eq!(
            ids(&found.without_actions),
            ["last-soon", "first-later"],
            "{text}"
        );
        assert_eq!(found.next_review, Some(Day(yesterday)), "{text}");
        assert!(
            found.review_overdue,
            "{text}: a review due yesterday is late"
        );

        plan.reviews = vec![review(&m, today)];
        assert!(
            !attention(&plan, m.today).review_overdue,
            "{text}: a review due today is not late yet"
        );
    }
}

#[test]
fn a_new_target_date_may_be_the_users_today_but_not_the_day_before() {
    for (text, row) in DUE_DATES {
        let m = london(text);
        let [yesterday, today, ..] = dates(row);
        let draft = |target: NaiveDate| GoalDraft {
            title: "Chair the board".into(),
            target_date: crate::model::common::dates::input_value(target),
            ..Default::default()
        };
        let made = draft(today)
            .validate("g".into(), m.today, m.at.into(), None, None)
            .unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(made.target_date, Some(Day(today)), "{text}");
        assert_eq!(made.created_at, m.at, "{text}");
        let refused = draft(yesterday)
            .validate("g".into(), m.today, m.at.into(), None, None)
            .unwrap_err();
        assert_eq!(refused[0].field, GOAL_TARGET_DATE_FIELD, "{text}");
        assert_eq!(
            refused[0].message, "Target date must be today or in the future",
            "{text}"
        );
    }
}

#[test]
fn evidence_and_reviews_may_be_dated_the_users_today_but_not_tomorrow() {
    #[rustfmt::skip]
    let cases = [
        // 00:00:01 BST on 1 July is 30 June in UTC: 1 July is still today, not the future.
        ("2027-07-01 00:00:01 BST", day(2027, 7, 1), day(2027, 7, 2)),
        ("2027-04-01 00:30:00 BST", day(2027, 4, 1), day(2027, 4, 2)),
        ("2027-10-31 00:30:00 BST", day(2027, 10, 31), day(2027, 11, 1)),
        ("2027-12-31 23:30:00 GMT", day(2027, 12, 31), day(2028, 1, 1)),
        ("2028-01-01 00:30:00 GMT", day(2028, 1, 1), day(2028, 1, 2)),
        ("2028-02-29 12:00:00 GMT", day(2028, 2, 29), day(2028, 3, 1)),
        ("2027-02-28 12:00:00 GMT", day(2027, 2, 28), day(2027, 3, 1)),
        ("2027-06-30 23:59:59 BST", day(2027, 6, 30), day(2027, 7, 1)),
    ];
    for (text, today, tomorrow) in cases {
        let m = london(text);
        let evidence = |date: NaiveDate| EvidenceDraft {
            date: crate::model::common::dates::input_value(date),
            what_happened: "Chaired the board".into(),
            learnt: String::new(),
        };
        let kept = evidence(today)
            .validate("e".into(), m.today, m.at.into())
            .unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!((*kept.date, *kept.created_at), (today, m.at), "{text}");
        let refused = evidence(tomorrow)
            .validate("e".into(), m.today, m.at.into())
            .unwrap_err();
        assert_eq!(
            refused[0].message, "The date it happened must be today or in the past",
            "{text}"
        );

        let review = |date: NaiveDate| ReviewDraft {
            date: crate::model::common::dates::input_value(date),
            summary: "Two goals achieved".into(),
            next_review: crate::model::common::dates::input_value(tomorrow),
        };
        let kept = review(today)
            .validate("r".into(), m.today, m.at.into())
            .unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(
            kept.next_review,
            Some(Day(tomorrow)),
            "{text}: the next review may be tomorrow"
        );
        let refused = review(tomorrow)
            .validate("r".into(), m.today, m.at.into())
            .unwrap_err();
        assert_eq!(
            refused[0].message, "The date of the review must be today or in the past",
            "{text}"
        );
    }
}

#[test]
fn an_action_may_be_due_on_a_leap_day_target_but_not_the_day_after() {
    let m = london("2028-02-29 12:00:00 GMT");
    let action = |due: &str| ActionDraft {
        text: "Meet the lead commissioner".into(),
        due: due.into(),
    };
    let target = Some(Day(day(2028, 2, 29)));
    assert_eq!(
        action("2028-02-29")
            .validate("a".into(), target, m.at.into())
            .unwrap()
            .due,
        target
    );
    let refused = action("2028-03-01")
        .validate("a".into(), target, m.at.into())
        .unwrap_err();
    assert_eq!(
        refused[0].message,
        "The due date must be on or before the goal's target date, 29 February 2028"
    );
    // 29 February 2027 does not exist.
    assert!(action("2027-02-29")
        .validate("a".into(), None, m.at.into())
        .is_err());
}

#[test]
fn the_month_by_month_view_splits_at_the_year_end_and_keeps_the_leap_day_in_february() {
    let m = london("2027-12-31 23:30:00 GMT");
    let mut plan = Plan::first("plan".into(), m.at.into());
    let mut late = goal(&m, "late", day(2028, 2, 29), Some(day(2027, 12, 31)));
    late.actions.push(Action {
        id: "new-year".into(),
        text: "First thing in the new year".into(),
        due: Some(Day(day(2028, 1, 1))),
        done_on: None,
        created_at: m.at.into(),
        updated_at: m.at.into(),
    });
    let mut march = goal(&m, "march", day(2028, 3, 1), None);
    march.status = GoalStatus::Achieved;
    plan.goals = vec![late, march];

    let months: Vec<(String, Vec<(NaiveDate, String)>)> = by_month(&plan)
        .into_iter()
        .map(|(month, items)| {
            (
                month_and_year(month),
                items.into_iter().map(|i| (i.date, i.text)).collect(),
            )
        })
        .collect();
    assert_eq!(
        months,
        vec![
            (
                "December 2027".to_string(),
                vec![(day(2027, 12, 31), "Action: Action for late".to_string())]
            ),
            (
                "January 2028".to_string(),
                vec![(
                    day(2028, 1, 1),
                    "Action: First thing in the new year".to_string()
                )]
            ),
            (
                "February 2028".to_string(),
                vec![(day(2028, 2, 29), "Goal: Goal late".to_string())]
            ),
            (
                "March 2028".to_string(),
                vec![(day(2028, 3, 1), "Goal: Goal march".to_string())]
            ),
        ]
    );
}
