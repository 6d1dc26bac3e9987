//! The operations on what sits under a plan's goals (actions and evidence)
//! and under a plan (reviews and self-ratings): adding, changing, removing,
//! and putting a removed one back.

use crate::model::common::saved_dates::Day;
use crate::model::plan::{ActionDraft, EvidenceDraft, ReviewDraft, SelfRatingDraft};
use crate::model::workbook::change::{Refusal, Stamp};
use crate::model::workbook::deleted::{DeletedRecord, PlanEntry};
use crate::model::workbook::document::{RecordKind, Workbook};
use crate::model::workbook::records::{insert_at, push_sorted};

impl Workbook {
    pub(crate) fn add_action(
        &mut self,
        id: &str,
        goal_id: &str,
        draft: &ActionDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let (_, goal) = self.goal_mut(goal_id).ok_or(Refusal::NotFound)?;
        let action = draft
            .validate(id.to_string(), goal.target_date, stamp.at)
            .map_err(Refusal::Invalid)?;
        goal.actions.push(action);
        Ok(())
    }

    /// Ticks an action off (dated today) or back to to-do.
    pub(crate) fn set_action_done(
        &mut self,
        id: &str,
        done: bool,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let action = self
            .goals_mut()
            .flat_map(|g| g.actions.iter_mut())
            .find(|a| a.id == id)
            .ok_or(Refusal::NotFound)?;
        action.done_on = done.then_some(action.done_on.unwrap_or(Day(stamp.today)));
        action.updated_at = stamp.at;
        Ok(())
    }

    pub(crate) fn add_evidence(
        &mut self,
        id: &str,
        goal_id: &str,
        draft: &EvidenceDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let entry = draft
            .validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)?;
        let (_, goal) = self.goal_mut(goal_id).ok_or(Refusal::NotFound)?;
        push_sorted(&mut goal.evidence, entry, |e| e.date);
        Ok(())
    }

    pub(crate) fn add_review(
        &mut self,
        id: &str,
        plan_id: &str,
        draft: &ReviewDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let review = draft
            .validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)?;
        let plan = self.plan_mut(plan_id)?;
        push_sorted(&mut plan.reviews, review, |r| r.date);
        Ok(())
    }

    pub(crate) fn add_self_rating(
        &mut self,
        id: &str,
        plan_id: &str,
        draft: &SelfRatingDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let rating = draft
            .validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)?;
        let plan = self.plan_mut(plan_id)?;
        push_sorted(&mut plan.self_ratings, rating, |r| r.date);
        Ok(())
    }

    /// Changes an action's words or due date (still not after its goal's
    /// target date); whether it is done is kept.
    pub(crate) fn update_action(
        &mut self,
        id: &str,
        draft: &ActionDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let goal = self
            .goals_mut()
            .find(|g| g.actions.iter().any(|a| a.id == id))
            .ok_or(Refusal::NotFound)?;
        let checked = draft
            .validate(id.to_string(), goal.target_date, stamp.at)
            .map_err(Refusal::Invalid)?;
        let action = goal
            .actions
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(Refusal::NotFound)?;
        action.text = checked.text;
        action.due = checked.due;
        action.updated_at = stamp.at;
        Ok(())
    }

    pub(crate) fn update_evidence(
        &mut self,
        id: &str,
        draft: &EvidenceDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let checked = draft
            .validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)?;
        let goal = self
            .goals_mut()
            .find(|g| g.evidence.iter().any(|e| e.id == id))
            .ok_or(Refusal::NotFound)?;
        let entry = goal
            .evidence
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or(Refusal::NotFound)?;
        entry.date = checked.date;
        entry.what_happened = checked.what_happened;
        entry.learnt = checked.learnt;
        entry.updated_at = stamp.at;
        goal.evidence.sort_by_key(|e| e.date);
        Ok(())
    }

    pub(crate) fn update_review(
        &mut self,
        id: &str,
        draft: &ReviewDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let checked = draft
            .validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)?;
        let plan = self
            .plans
            .iter_mut()
            .find(|p| p.reviews.iter().any(|r| r.id == id))
            .ok_or(Refusal::NotFound)?;
        let review = plan
            .reviews
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or(Refusal::NotFound)?;
        review.date = checked.date;
        review.summary = checked.summary;
        review.next_review = checked.next_review;
        review.updated_at = stamp.at;
        plan.reviews.sort_by_key(|r| r.date);
        Ok(())
    }

    /// Removes an action, evidence entry or review, leaving a tombstone.
    pub(crate) fn remove_entry(&mut self, id: &str, stamp: Stamp) -> Result<(), Refusal> {
        let kind = self.entry_kind(id).ok_or(Refusal::NotFound)?;
        for plan in &mut self.plans {
            plan.reviews.retain(|r| r.id != id);
            plan.self_ratings.retain(|r| r.id != id);
            for goal in &mut plan.goals {
                goal.actions.retain(|a| a.id != id);
                goal.evidence.retain(|e| e.id != id);
            }
        }
        self.bury(id, kind, stamp);
        Ok(())
    }

    /// The kind of the action, evidence entry, review or self-rating with this id.
    fn entry_kind(&self, id: &str) -> Option<RecordKind> {
        self.record_kind(id).filter(|kind| {
            matches!(
                kind,
                RecordKind::Action
                    | RecordKind::Evidence
                    | RecordKind::Review
                    | RecordKind::SelfRating
            )
        })
    }

    /// What removing an action, evidence entry, review or self-rating takes
    /// away, for its undo.
    pub(crate) fn deleted_entry_record(&self, id: &str) -> Option<DeletedRecord> {
        fn at<T: Clone>(list: &[T], id: &str, id_of: fn(&T) -> &str) -> Option<(T, usize)> {
            list.iter()
                .position(|x| id_of(x) == id)
                .map(|p| (list[p].clone(), p))
        }
        self.plans.iter().find_map(|p| {
            let under_plan = at(&p.reviews, id, |r| &r.id)
                .map(|(r, i)| (PlanEntry::Review(r), i))
                .or_else(|| {
                    at(&p.self_ratings, id, |r| &r.id).map(|(r, i)| (PlanEntry::SelfRating(r), i))
                });
            if let Some((entry, position)) = under_plan {
                return Some(DeletedRecord::Entry {
                    owner_id: p.id.clone(),
                    entry,
                    position,
                });
            }
            p.goals.iter().find_map(|g| {
                at(&g.actions, id, |a| &a.id)
                    .map(|(a, i)| (PlanEntry::Action(a), i))
                    .or_else(|| {
                        at(&g.evidence, id, |e| &e.id).map(|(e, i)| (PlanEntry::Evidence(e), i))
                    })
                    .map(|(entry, position)| DeletedRecord::Entry {
                        owner_id: g.id.clone(),
                        entry,
                        position,
                    })
            })
        })
    }

    /// Puts an entry back under the goal or plan it was removed from.
    pub(crate) fn put_entry_back(
        &mut self,
        owner_id: &str,
        entry: &PlanEntry,
        position: usize,
    ) -> Result<(), Refusal> {
        match entry {
            PlanEntry::Action(a) => {
                let (_, goal) = self.goal_mut(owner_id).ok_or(Refusal::NotFound)?;
                insert_at(&mut goal.actions, a, position);
            }
            PlanEntry::Evidence(e) => {
                let (_, goal) = self.goal_mut(owner_id).ok_or(Refusal::NotFound)?;
                insert_at(&mut goal.evidence, e, position);
            }
            PlanEntry::Review(r) => {
                let plan = self.plan_mut(owner_id)?;
                insert_at(&mut plan.reviews, r, position);
            }
            PlanEntry::SelfRating(r) => {
                let plan = self.plan_mut(owner_id)?;
                insert_at(&mut plan.self_ratings, r, position);
            }
        }
        Ok(())
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
        let action = Change::add_action(
            &goal_id,
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
                &Change::UpdateAction {
                    id: action_id.clone(),
                    draft: draft.clone()
                },
                stamp(4)
            ),
            Err(Refusal::Invalid(_))
        ));
        draft.due = "2027-02-01".into();
        draft.text = "Meet the finance lead".into();
        wb.apply(
            &Change::UpdateAction {
                id: action_id.clone(),
                draft,
            },
            stamp(4),
        )
        .unwrap();
        let a = &wb.goal(&goal_id).unwrap().1.actions[0];
        assert_eq!(a.text, "Meet the finance lead");
        assert!(a.done_on.is_some(), "still done");

        let entry = Change::add_evidence(
            &goal_id,
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
            &Change::UpdateEvidence {
                id: entry_id,
                draft: e,
            },
            stamp(6),
        )
        .unwrap();
        assert_eq!(wb.goal(&goal_id).unwrap().1.evidence[0].learnt, "B");

        let review = Change::add_review(
            "p1",
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
            &Change::UpdateReview {
                id: review_id.clone(),
                draft: r,
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
                &Change::UpdateReview {
                    id: "nope".into(),
                    draft: ReviewDraft::default()
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
            Change::add_action(&goal_id, action("One")),
            Change::add_action(&goal_id, action("Two")),
            Change::add_evidence(
                &goal_id,
                EvidenceDraft {
                    date: "2026-11-02".into(),
                    what_happened: "E".into(),
                    learnt: String::new(),
                },
            ),
            Change::add_review(
                "p1",
                ReviewDraft {
                    date: "2026-11-03".into(),
                    summary: "R".into(),
                    next_review: String::new(),
                },
            ),
            Change::add_self_rating("p1", rating),
        ] {
            ids.push(change.created_id().unwrap().to_string());
            wb.apply(&change, stamp(4)).unwrap();
        }
        let before = wb.clone();
        for id in &ids {
            let remove = Change::RemoveEntry { id: id.clone() };
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
            wb.apply(&Change::add_evidence(&goal_id, entry), stamp(20))
                .unwrap();
        }
        let evidence = &wb.goal(&goal_id).unwrap().1.evidence;
        assert_eq!(evidence[0].what_happened, "On 2026-11-03");

        let bad = ReviewDraft {
            date: "2026-11-20".into(),
            summary: "Fine".into(),
            next_review: "2026-11-19".into(),
        };
        match wb.apply(&Change::add_review("p1", bad), stamp(20)) {
            Err(Refusal::Invalid(e)) => assert_eq!(e[0].field, REVIEW_NEXT_FIELD),
            other => panic!("expected invalid, got {other:?}"),
        }
        let good = ReviewDraft {
            date: "2026-11-20".into(),
            summary: "Fine".into(),
            next_review: "2027-05-20".into(),
        };
        wb.apply(&Change::add_review("p1", good), stamp(20))
            .unwrap();
        assert_eq!(
            wb.plan("p1").unwrap().next_review(),
            NaiveDate::from_ymd_opt(2027, 5, 20).map(Day)
        );
    }
}
