//! What in a plan needs attention on a given day: overdue actions and goals,
//! goals due soon, goals with no action yet, and the next review; and the
//! plan's dated items month by month. Only open goals (not started or in
//! progress) count: an achieved or deferred goal's dates no longer press.

use chrono::{Datelike, Duration, NaiveDate};

use super::plans::Plan;
use crate::model::common::saved_dates::Day;

/// How far ahead "due soon" looks.
pub const DUE_SOON_DAYS: i64 = 30;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalRef {
    pub goal_id: String,
    pub title: String,
    pub target: Option<Day>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRef {
    pub goal_id: String,
    pub goal_title: String,
    pub action_id: String,
    pub text: String,
    pub due: NaiveDate,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attention {
    pub overdue_actions: Vec<ActionRef>,
    pub overdue_goals: Vec<GoalRef>,
    pub due_soon: Vec<GoalRef>,
    pub without_actions: Vec<GoalRef>,
    pub next_review: Option<Day>,
    pub review_overdue: bool,
}

impl Attention {
    /// True when nothing needs the user now.
    pub fn is_clear(&self) -> bool {
        self.overdue_actions.is_empty()
            && self.overdue_goals.is_empty()
            && self.due_soon.is_empty()
            && self.without_actions.is_empty()
            && !self.review_overdue
    }
}

pub fn attention(plan: &Plan, today: NaiveDate) -> Attention {
    let soon = today + Duration::days(DUE_SOON_DAYS);
    let mut found = Attention::default();
    for goal in plan.goals.iter().filter(|g| g.status.is_open()) {
        let as_ref = || GoalRef {
            goal_id: goal.id.clone(),
            title: goal.title.to_string(),
            target: goal.target_date,
        };
        match goal.target_date {
            Some(t) if t < today => found.overdue_goals.push(as_ref()),
            Some(t) if t <= soon => found.due_soon.push(as_ref()),
            _ => {}
        }
        if goal.actions.is_empty() {
            found.without_actions.push(as_ref());
        }
        for action in &goal.actions {
            if let (None, Some(due)) = (action.done_on, action.due) {
                if due < today {
                    found.overdue_actions.push(ActionRef {
                        goal_id: goal.id.clone(),
                        goal_title: goal.title.to_string(),
                        action_id: action.id.clone(),
                        text: action.text.to_string(),
                        due: *due,
                    });
                }
            }
        }
    }
    found.overdue_actions.sort_by_key(|a| a.due);
    found.overdue_goals.sort_by_key(|g| g.target);
    found.due_soon.sort_by_key(|g| g.target);
    found.next_review = plan.next_review();
    found.review_overdue = found.next_review.is_some_and(|d| d < today);
    found
}

/// One dated item in the month-by-month view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedItem {
    pub date: NaiveDate,
    pub goal_id: String,
    /// "Goal: …" or "Action: …".
    pub text: String,
    pub done: bool,
}

/// Goal target dates and action due dates, grouped by month (first day of the
/// month), earliest first.
pub fn by_month(plan: &Plan) -> Vec<(NaiveDate, Vec<DatedItem>)> {
    let mut items: Vec<DatedItem> = Vec::new();
    for goal in &plan.goals {
        if let Some(date) = goal.target_date {
            items.push(DatedItem {
                date: *date,
                goal_id: goal.id.clone(),
                text: format!("Goal: {}", goal.title),
                done: !goal.status.is_open(),
            });
        }
        for action in &goal.actions {
            if let Some(date) = action.due {
                items.push(DatedItem {
                    date: *date,
                    goal_id: goal.id.clone(),
                    text: format!("Action: {}", action.text),
                    done: action.done_on.is_some(),
                });
            }
        }
    }
    items.sort_by(|a, b| (a.date, &a.text).cmp(&(b.date, &b.text)));
    let mut months: Vec<(NaiveDate, Vec<DatedItem>)> = Vec::new();
    for item in items {
        let month = item.date.with_day(1).unwrap_or(item.date);
        match months.last_mut() {
            Some((m, list)) if *m == month => list.push(item),
            _ => months.push((month, vec![item])),
        }
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::common::saved_dates::Moment;
    use crate::model::plan::{Action, Goal, GoalDraft, GoalStatus, Review};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn now() -> Moment {
        Moment(day(2026, 1, 1).and_hms_opt(9, 0, 0).unwrap().and_utc())
    }

    fn goal(id: &str, target: Option<NaiveDate>, status: GoalStatus) -> Goal {
        let mut g = GoalDraft {
            title: format!("Goal {id}"),
            ..Default::default()
        }
        .validate(id.into(), day(2026, 1, 1), now(), None, None)
        .unwrap();
        g.target_date = target.map(Day);
        g.status = status;
        g
    }

    fn action(id: &str, due: Option<NaiveDate>, done: bool) -> Action {
        Action {
            id: id.into(),
            text: format!("Action {id}").into(),
            due: due.map(Day),
            done_on: done.then(|| Day(day(2026, 1, 2))),
            created_at: now(),
            updated_at: now(),
        }
    }

    #[test]
    fn overdue_due_soon_and_actionless_goals_are_found_against_today() {
        let today = day(2026, 11, 24);
        let mut plan = crate::model::plan::Plan::first("p".into(), now());
        let mut late = goal("late", Some(day(2026, 11, 1)), GoalStatus::InProgress);
        late.actions = vec![
            action("a-late", Some(day(2026, 11, 20)), false),
            action("a-done", Some(day(2026, 10, 1)), true),
            action("a-future", Some(day(2026, 12, 1)), false),
        ];
        let soon = goal("soon", Some(day(2026, 12, 24)), GoalStatus::NotStarted);
        let edge = goal("edge", Some(day(2026, 12, 25)), GoalStatus::NotStarted);
        let achieved = goal("achieved", Some(day(2026, 1, 1)), GoalStatus::Achieved);
        plan.goals = vec![late, soon, edge, achieved];

        let found = attention(&plan, today);
        let ids = |v: &Vec<GoalRef>| v.iter().map(|g| g.goal_id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&found.overdue_goals), vec!["late"]);
        assert_eq!(ids(&found.due_soon), vec!["soon"], "30 days ahead, not 31");
        assert_eq!(
            ids(&found.without_actions),
            vec!["soon", "edge"],
            "achieved goals are left alone"
        );
        assert_eq!(
            found
                .overdue_actions
                .iter()
                .map(|a| a.action_id.as_str())
                .collect::<Vec<_>>(),
            vec!["a-late"],
            "done and future actions are not overdue"
        );
        assert!(!found.is_clear());
        assert_eq!(found.next_review, None);
    }

    #[test]
    fn the_next_review_comes_from_the_latest_review() {
        let mut plan = crate::model::plan::Plan::first("p".into(), now());
        let review = |date, next| Review {
            id: "r".into(),
            date,
            summary: "s".into(),
            next_review: next,
            created_at: now(),
            updated_at: now(),
        };
        plan.reviews = vec![
            review(Day(day(2026, 6, 1)), Some(Day(day(2026, 12, 1)))),
            review(Day(day(2026, 3, 1)), Some(Day(day(2026, 6, 1)))),
        ];
        let found = attention(&plan, day(2026, 12, 2));
        assert_eq!(found.next_review, Some(Day(day(2026, 12, 1))));
        assert!(found.review_overdue);
        assert!(!attention(&plan, day(2026, 11, 30)).review_overdue);
        assert!(attention(&plan, day(2026, 11, 30)).is_clear());
    }

    #[test]
    fn dated_items_are_grouped_by_month() {
        let mut plan = crate::model::plan::Plan::first("p".into(), now());
        let mut g = goal("g", Some(day(2026, 3, 31)), GoalStatus::InProgress);
        g.actions = vec![
            action("a1", Some(day(2026, 2, 10)), true),
            action("a2", Some(day(2026, 3, 1)), false),
            action("a3", None, false),
        ];
        plan.goals = vec![g];
        let months = by_month(&plan);
        assert_eq!(months.len(), 2);
        assert_eq!(months[0].0, day(2026, 2, 1));
        assert!(months[0].1[0].done);
        assert_eq!(months[1].1.len(), 2);
        assert_eq!(months[1].1[1].text, "Goal: Goal g");
    }
}
