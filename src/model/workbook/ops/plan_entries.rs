//! The rules for what sits under a plan's goals (actions and evidence) and
//! under a plan (reviews and self-ratings): how each is made and changed
//! from its form's draft, and ticking an action off.

use crate::model::common::saved_dates::Day;
use crate::model::plan::{
    Action, ActionDraft, EvidenceDraft, EvidenceEntry, Goal, Plan, Review, ReviewDraft, SelfRating,
    SelfRatingDraft,
};
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::tree::{kind, Drafted, Workbook};

/// An action is due no later than its goal's target date; a changed action
/// keeps whether it is done.
impl Drafted for ActionDraft {
    type Kind = kind::Action;
    fn make(&self, id: &str, goal: &Goal, stamp: Stamp) -> Result<Action, Refusal> {
        self.validate(id.to_string(), goal.target_date, stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(&self, old: &Action, goal: &Goal, stamp: Stamp) -> Result<Action, Refusal> {
        let checked = self.make(&old.id, goal, stamp)?;
        Ok(Action {
            text: checked.text,
            due: checked.due,
            ..old.clone()
        })
    }
}

impl Drafted for EvidenceDraft {
    type Kind = kind::Evidence;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.today, stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &Goal, stamp: Stamp) -> Result<EvidenceEntry, Refusal> {
        self.validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(
        &self,
        old: &EvidenceEntry,
        goal: &Goal,
        stamp: Stamp,
    ) -> Result<EvidenceEntry, Refusal> {
        let checked = self.make(&old.id, goal, stamp)?;
        Ok(EvidenceEntry {
            date: checked.date,
            what_happened: checked.what_happened,
            learnt: checked.learnt,
            ..old.clone()
        })
    }
}

impl Drafted for ReviewDraft {
    type Kind = kind::Review;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.today, stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &Plan, stamp: Stamp) -> Result<Review, Refusal> {
        self.validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(&self, old: &Review, plan: &Plan, stamp: Stamp) -> Result<Review, Refusal> {
        let checked = self.make(&old.id, plan, stamp)?;
        Ok(Review {
            date: checked.date,
            summary: checked.summary,
            next_review: checked.next_review,
            ..old.clone()
        })
    }
}

/// A self-rating is added, not changed: changing one is rating again.
impl Drafted for SelfRatingDraft {
    type Kind = kind::SelfRating;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.today, stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &Plan, stamp: Stamp) -> Result<SelfRating, Refusal> {
        self.validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(&self, old: &SelfRating, plan: &Plan, stamp: Stamp) -> Result<SelfRating, Refusal> {
        self.make(&old.id, plan, stamp)
    }
}

impl Workbook {
    /// Ticks an action off (dated today) or back to to-do.
    pub(crate) fn set_action_done(
        &mut self,
        id: &str,
        done: bool,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        self.edit::<kind::Action, _>(id, |action| {
            action.done_on = done.then_some(action.done_on.unwrap_or(Day(stamp.today)));
        })
        .ok_or(Refusal::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::common::validation::FieldError;
    use crate::model::plan::entries::REVIEW_NEXT_FIELD;
    use crate::model::workbook::change::Change;
    use crate::model::workbook::ops::plans::tests::{goal, stamp, with_plan_p1};

    #[test]
    fn actions_evidence_and_reviews_can_be_changed_under_the_same_rules() {
        let mut wb = with_plan_p1();
        let add = Change::add_goal(None, goal("Chair", "2027-03-31"));
        let goal_id = add.created_id().unwrap().to_string();
        wb.apply(&add, stamp(2)).unwrap();
        let action = Change::add(
            Some(&goal_id),
            ActionDraft {
                text: "Meet".into(),
                due: "2027-01-01".into(),
            },
        );
        let action_id = action.created_id().unwrap().to_string();
        wb.apply(&action, stamp(2)).unwrap();
        wb.apply(
            &Change::SetActionDone {
                id: action_id.clone(),
                done: true,
            },
            stamp(3),
        )
        .unwrap();
        let mut draft = ActionDraft::of(&wb.goal(&goal_id).unwrap().1.actions[0]);
        draft.due = "2027-06-01".into();
        assert!(matches!(
            wb.apply(
                &Change::Update {
                    id: action_id.clone(),
                    draft: (draft.clone()).into()
                },
                stamp(4)
            ),
            Err(Refusal::Invalid(_))
        ));
        draft.due = "2027-02-01".into();
        draft.text = "Meet the finance lead".into();
        wb.apply(
            &Change::Update {
                id: action_id.clone(),
                draft: draft.into(),
            },
            stamp(4),
        )
        .unwrap();
        let a = &wb.goal(&goal_id).unwrap().1.actions[0];
        assert_eq!(a.text, "Meet the finance lead");
        assert!(a.done_on.is_some(), "still done");

        let entry = Change::add(
            Some(&goal_id),
            EvidenceDraft {
                date: "2026-11-02".into(),
                what_happened: "A".into(),
                learnt: String::new(),
            },
        );
        let entry_id = entry.created_id().unwrap().to_string();
        wb.apply(&entry, stamp(5)).unwrap();
        let mut e = EvidenceDraft::of(&wb.goal(&goal_id).unwrap().1.evidence[0]);
        e.learnt = "B".into();
        wb.apply(
            &Change::Update {
                id: entry_id,
                draft: e.into(),
            },
            stamp(6),
        )
        .unwrap();
        assert_eq!(wb.goal(&goal_id).unwrap().1.evidence[0].learnt, "B");

        let review = Change::add(
            Some("p1"),
            ReviewDraft {
                date: "2026-11-05".into(),
                summary: "S".into(),
                next_review: String::new(),
            },
        );
        let review_id = review.created_id().unwrap().to_string();
        wb.apply(&review, stamp(6)).unwrap();
        let mut r = ReviewDraft::of(&wb.plan("p1").unwrap().reviews[0]);
        r.next_review = "2027-05-05".into();
        wb.apply(
            &Change::Update {
                id: review_id.clone(),
                draft: r.into(),
            },
            stamp(7),
        )
        .unwrap();
        assert_eq!(
            wb.plan("p1").unwrap().next_review(),
            NaiveDate::from_ymd_opt(2027, 5, 5).map(Day)
        );
        assert_eq!(
            wb.apply(
                &Change::Update {
                    id: "nope".into(),
                    draft: (ReviewDraft::default()).into()
                },
                stamp(7)
            ),
            Err(Refusal::Invalid(vec![
                FieldError::new(
                    crate::model::plan::entries::REVIEW_DATE_FIELD,
                    "Enter the date of the review"
                ),
                FieldError::new(
                    crate::model::plan::entries::REVIEW_SUMMARY_FIELD,
                    "Enter a summary of the review"
                ),
            ])),
            "a draft is checked before its record is looked for"
        );
    }

    #[test]
    fn a_removed_action_evidence_review_or_self_rating_comes_back_with_undo() {
        let mut wb = with_plan_p1();
        let add = Change::add_goal(None, goal("Chair", ""));
        let goal_id = add.created_id().unwrap().to_string();
        wb.apply(&add, stamp(2)).unwrap();
        let action = |text: &str| ActionDraft {
            text: text.into(),
            due: String::new(),
        };
        let rating = crate::model::plan::SelfRatingDraft {
            date: "2026-11-03".into(),
            ratings: [("managing-planning".to_string(), 2u8)]
                .into_iter()
                .collect(),
        };
        let mut ids = Vec::new();
        for change in [
            Change::add(Some(&goal_id), action("One")),
            Change::add(Some(&goal_id), action("Two")),
            Change::add(
                Some(&goal_id),
                EvidenceDraft {
                    date: "2026-11-02".into(),
                    what_happened: "E".into(),
                    learnt: String::new(),
                },
            ),
            Change::add(
                Some("p1"),
                ReviewDraft {
                    date: "2026-11-03".into(),
                    summary: "R".into(),
                    next_review: String::new(),
                },
            ),
            Change::add(Some("p1"), rating),
        ] {
            ids.push(change.created_id().unwrap().to_string());
            wb.apply(&change, stamp(4)).unwrap();
        }
        let before = wb.clone();
        for id in &ids {
            let remove = Change::delete(wb.record_kind(id).unwrap(), id);
            let undo = wb.undo_for(&remove).expect("every removal has an undo");
            wb.apply(&remove, stamp(5)).unwrap();
            assert!(wb.was_deleted(id));
            wb.apply(&undo, stamp(6)).unwrap();
            assert!(!wb.was_deleted(id));
        }
        assert_eq!(wb.plans, before.plans, "everything is back in its place");
    }

    #[test]
    fn evidence_and_reviews_are_kept_in_date_order() {
        let mut wb = with_plan_p1();
        let add = Change::add_goal(None, goal("Chair", ""));
        let goal_id = add.created_id().unwrap().to_string();
        wb.apply(&add, stamp(2)).unwrap();
        for date in ["2026-11-10", "2026-11-03"] {
            let entry = EvidenceDraft {
                date: date.into(),
                what_happened: format!("On {date}"),
                learnt: "x".into(),
            };
            wb.apply(&Change::add(Some(&goal_id), entry), stamp(20))
                .unwrap();
        }
        let evidence = &wb.goal(&goal_id).unwrap().1.evidence;
        assert_eq!(evidence[0].what_happened, "On 2026-11-03");

        let bad = ReviewDraft {
            date: "2026-11-20".into(),
            summary: "Fine".into(),
            next_review: "2026-11-19".into(),
        };
        match wb.apply(&Change::add(Some("p1"), bad), stamp(20)) {
            Err(Refusal::Invalid(e)) => assert_eq!(e[0].field, REVIEW_NEXT_FIELD),
            other => panic!("expected invalid, got {other:?}"),
        }
        let good = ReviewDraft {
            date: "2026-11-20".into(),
            summary: "Fine".into(),
            next_review: "2027-05-20".into(),
        };
        wb.apply(&Change::add(Some("p1"), good), stamp(20)).unwrap();
        assert_eq!(
            wb.plan("p1").unwrap().next_review(),
            NaiveDate::from_ymd_opt(2027, 5, 20).map(Day)
        );
    }
}
