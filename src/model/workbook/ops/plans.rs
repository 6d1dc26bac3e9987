//! The development-plan operations on the workbook: plans (adding, renaming,
//! combining two into one) and goals (including goals made from a
//! self-assessment statement); what sits under them is in `plan_entries`.
//! `apply` dispatches to these; the rules live here so native tests reach them.

use crate::model::assessment::framework;
use crate::model::common::dates::long_date;
use crate::model::common::saved_dates::Day;
use crate::model::common::validation::FieldError;
use crate::model::plan::plans::{
    name_taken_message, same_name, COMBINE_FROM_FIELD, PLAN_NAME_FIELD,
};
use crate::model::plan::{
    CombinedPlan, Goal, GoalDraft, GoalOrigin, GoalStatus, Plan, PlanBook, PlanDraft,
};
use crate::model::workbook::change::GoalPlace;
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::tree::{kind, Drafted, RecordKind, Workbook};

/// A plan under a name no other plan has. A new name may not be another
/// plan's (a name it already had is kept, so that two plans that shared one
/// in an older workbook can still be edited), and a new start date may not
/// fall after a goal's target date.
impl Drafted for PlanDraft {
    type Kind = kind::Plan;
    fn make(&self, id: &str, wb: &PlanBook, stamp: Stamp) -> Result<Plan, Refusal> {
        let plan = self
            .validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)?;
        wb.check_plan_name(&plan.name, id)?;
        Ok(plan)
    }
    fn change(&self, old: &Plan, wb: &PlanBook, stamp: Stamp) -> Result<Plan, Refusal> {
        let checked = self
            .validate(old.id.clone(), stamp.at)
            .map_err(Refusal::Invalid)?;
        if !same_name(&checked.name, &old.name) {
            wb.check_plan_name(&checked.name, &old.id)?;
        }
        old.refuse_start_after_goals(checked.starts)
            .map_err(Refusal::Invalid)?;
        Ok(Plan {
            name: checked.name,
            owner: checked.owner,
            starts: checked.starts,
            ends: checked.ends,
            aim: checked.aim,
            ..old.clone()
        })
    }
}

/// A goal in a plan: its target date not before the plan starts; a changed
/// goal keeps its status and where it came from (`GoalDraft::apply_to`).
impl Drafted for GoalDraft {
    type Kind = kind::Goal;
    fn make(&self, id: &str, plan: &Plan, stamp: Stamp) -> Result<Goal, Refusal> {
        self.validate(id.to_string(), stamp.today, stamp.at, None, plan.starts)
            .map_err(Refusal::Invalid)
    }
    fn change(&self, old: &Goal, plan: &Plan, stamp: Stamp) -> Result<Goal, Refusal> {
        let mut goal = old.clone();
        self.apply_to(&mut goal, stamp.today, stamp.at, plan.starts)
            .map_err(Refusal::Invalid)?;
        Ok(goal)
    }
}

impl PlanBook {
    /// The plan other than `except` called `name`, if there is one (see `same_name`).
    pub fn plan_called(&self, name: &str, except: &str) -> Option<&Plan> {
        self.plans
            .iter()
            .find(|p| p.id != except && same_name(&p.name, name))
    }

    /// Refuses a name another plan has, as the name field's error.
    fn check_plan_name(&self, name: &str, id: &str) -> Result<(), Refusal> {
        match self.plan_called(name, id) {
            Some(other) => Err(Refusal::Invalid(vec![FieldError::new(
                PLAN_NAME_FIELD,
                name_taken_message(&other.name),
            )])),
            None => Ok(()),
        }
    }
}

impl Workbook {
    /// The development plans, oldest first; none when the saved section
    /// cannot be read (`plan_problem` says why).
    pub fn plans(&self) -> &[Plan] {
        self.plans.get().map_or(&[], |b| &b.plans)
    }

    /// Why the saved development plans cannot be read, if they cannot.
    pub fn plan_problem(&self) -> Option<&str> {
        self.plans.problem()
    }

    /// The plans to change; none when the saved section cannot be read
    /// (nothing in it can then be changed).
    pub(crate) fn plans_mut(&mut self) -> Option<&mut Vec<Plan>> {
        self.plans.get_mut().map(|b| &mut b.plans)
    }

    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans().iter().find(|p| p.id == id)
    }

    /// The plan a new goal goes in when the user has not chosen: the newest.
    pub fn current_plan(&self) -> Option<&Plan> {
        self.plans().iter().max_by_key(|p| p.created_at)
    }

    /// Every goal in every plan, with the plan it is in.
    pub fn goals(&self) -> impl Iterator<Item = (&Plan, &Goal)> {
        self.plans()
            .iter()
            .flat_map(|p| p.goals.iter().map(move |g| (p, g)))
    }

    pub fn goal(&self, id: &str) -> Option<(&Plan, &Goal)> {
        self.goals().find(|(_, g)| g.id == id)
    }

    pub(crate) fn plan_mut(&mut self, id: &str) -> Result<&mut Plan, Refusal> {
        self.plans_mut()
            .ok_or(Refusal::NotFound)?
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(Refusal::NotFound)
    }

    pub(crate) fn goal_mut(&mut self, id: &str) -> Option<(Option<Day>, &mut Goal)> {
        self.plans_mut()?.iter_mut().find_map(|p| {
            let starts = p.starts;
            p.goals.iter_mut().find(|g| g.id == id).map(|g| (starts, g))
        })
    }

    /// True when a goal made from this statement of this assessment is in a plan.
    pub fn statement_is_in_plan(&self, assessment_id: &str, statement_id: &str) -> bool {
        self.goals().any(|(_, g)| {
            g.origin
                .as_ref()
                .is_some_and(|o| o.assessment_id == assessment_id && o.statement_id == statement_id)
        })
    }

    /// The plan other than `except` called `name`, if there is one (see `same_name`).
    pub fn plan_called(&self, name: &str, except: &str) -> Option<&Plan> {
        self.plans.get()?.plan_called(name, except)
    }

    pub fn plan_name_taken(&self, name: &str, except: &str) -> bool {
        self.plan_called(name, except).is_some()
    }

    /// Moves everything in the plan `from` (its goals with their actions and
    /// evidence, its reviews and its self-ratings) into the plan `into`, then
    /// removes `from`, leaving a tombstone as a deletion does. The records keep
    /// their ids and times: they are moved, not changed, so a merge or another
    /// tab still knows them. Reviews and self-ratings stay in date order, and
    /// the goals from `from` come after those already in `into`. Refused when
    /// either plan is missing, when they are the same plan, or when a goal
    /// would be due before `into` starts (as adding it there would be).
    pub(crate) fn combine_plans(
        &mut self,
        into: &str,
        from: &str,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let refuse = |message: String| {
            Err(Refusal::Invalid(vec![FieldError::new(
                COMBINE_FROM_FIELD,
                message,
            )]))
        };
        if from.is_empty() {
            return refuse("Choose the plan to move into this one".into());
        }
        if into == from {
            return refuse("Choose another plan: a plan cannot be combined with itself".into());
        }
        let target = self.plan(into).ok_or(Refusal::NotFound)?;
        let source = self.plan(from).ok_or(Refusal::NotFound)?;
        if let Some(starts) = target.starts {
            if let Some(early) = source
                .goals
                .iter()
                .filter(|g| g.target_date.is_some_and(|t| t < starts))
                .min_by_key(|g| g.target_date)
            {
                return refuse(format!(
                    "The goal \"{}\" in \"{}\" is due on {}, before \"{}\" starts on {}: change the goal's target date or the plan's start date first",
                    early.title,
                    source.name,
                    early.target_date.map(long_date).unwrap_or_default(),
                    target.name,
                    long_date(starts)
                ));
            }
        }
        let plans = self.plans_mut().ok_or(Refusal::NotFound)?;
        let position = plans.iter().position(|p| p.id == from);
        let Some(source) = position.map(|at| plans.remove(at)) else {
            return Err(Refusal::NotFound);
        };
        let target = self.plan_mut(into)?;
        target.goals.extend(source.goals);
        target.reviews.extend(source.reviews);
        target.reviews.sort_by_key(|r| r.date);
        target.self_ratings.extend(source.self_ratings);
        target.self_ratings.sort_by_key(|r| r.date);
        self.bury(from, RecordKind::Plan, stamp);
        Ok(())
    }

    /// What combining `from` into `into` takes away, for its undo; `None`
    /// when the combination would be refused.
    pub(crate) fn combined_plan_record(&self, into: &str, from: &str) -> Option<CombinedPlan> {
        if into == from {
            return None;
        }
        let into_name = self.plan(into)?.name.to_string();
        let position = self.plans().iter().position(|p| p.id == from)?;
        Some(CombinedPlan {
            from: self.plans()[position].clone(),
            position,
            into: into.to_string(),
            into_name,
        })
    }

    /// Undoes a combination: the plan comes back where it was, and its goals,
    /// reviews and self-ratings move back out of the plan they went into, as
    /// they are now (an edit made since is kept; one deleted since stays
    /// deleted). Refused when the plan is back already or the plan it went
    /// into is gone.
    pub(crate) fn uncombine_plans(&mut self, combined: &CombinedPlan) -> Result<(), Refusal> {
        let from = &combined.from;
        if self.plans().iter().any(|p| p.id == from.id) {
            return Err(Refusal::DuplicateId);
        }
        let target = self.plan_mut(&combined.into)?;
        fn take_back<T>(list: &mut Vec<T>, ids: Vec<&str>, id_of: fn(&T) -> &str) -> Vec<T> {
            let mut taken = Vec::new();
            for id in ids {
                if let Some(at) = list.iter().position(|x| id_of(x) == id) {
                    taken.push(list.remove(at));
                }
            }
            taken
        }
        let goals = take_back(
            &mut target.goals,
            from.goals.iter().map(|g| g.id.as_str()).collect(),
            |g| &g.id,
        );
        let reviews = take_back(
            &mut target.reviews,
            from.reviews.iter().map(|r| r.id.as_str()).collect(),
            |r| &r.id,
        );
        let self_ratings = take_back(
            &mut target.self_ratings,
            from.self_ratings.iter().map(|r| r.id.as_str()).collect(),
            |r| &r.id,
        );
        let plan = Plan {
            goals,
            reviews,
            self_ratings,
            ..from.clone()
        };
        let plans = self.plans_mut().ok_or(Refusal::NotFound)?;
        plans.insert(combined.position.min(plans.len()), plan);
        self.deleted.retain(|t| t.id != from.id);
        Ok(())
    }

    /// The id of the plan a new goal goes in (see `GoalPlace`), and whether
    /// that plan must first be made.
    /// Refused when the saved plans cannot be read (`plan_problem`).
    pub(crate) fn place_goal(&self, place: &GoalPlace) -> Result<(String, bool), Refusal> {
        if self.plan_problem().is_some() {
            return Err(Refusal::NotFound);
        }
        match place {
            GoalPlace::Plan(id) if self.plan(id).is_some() => Ok((id.clone(), false)),
            GoalPlace::Plan(_) => Err(Refusal::NotFound),
            GoalPlace::CurrentOrNew(new) => match self.current_plan() {
                Some(p) => Ok((p.id.clone(), false)),
                None if self.id_in_use(new) => Err(Refusal::DuplicateId),
                None => Ok((new.clone(), true)),
            },
        }
    }

    /// The plan found by `place_goal`, made first if need be (a user may add a
    /// goal before naming a plan).
    pub(crate) fn plan_for_new_goal(
        &mut self,
        (id, make): (String, bool),
        stamp: Stamp,
    ) -> Result<&mut Plan, Refusal> {
        let plans = self.plans_mut().ok_or(Refusal::NotFound)?;
        if make {
            plans.push(Plan::first(id.clone(), stamp.at));
        }
        plans
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(Refusal::NotFound)
    }

    pub(crate) fn add_goal(
        &mut self,
        id: &str,
        place: &GoalPlace,
        draft: &GoalDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let found = self.place_goal(place)?;
        let starts = self.plan(&found.0).and_then(|p| p.starts);
        let goal = draft
            .validate(id.to_string(), stamp.today, stamp.at, None, starts)
            .map_err(Refusal::Invalid)?;
        self.plan_for_new_goal(found, stamp)?.goals.push(goal);
        Ok(())
    }

    /// Turns a statement of one of the user's assessments into a goal under
    /// the title the user gave it (the results page offers
    /// `suggested_goals::suggested_goal`, which they can change). The goal
    /// keeps a link to the statement (`origin`), which the plan shows as where
    /// it came from; nothing else is written into it for them. A statement
    /// becomes a goal once.
    pub(crate) fn add_goal_from_statement(
        &mut self,
        id: &str,
        place: &GoalPlace,
        assessment_id: &str,
        statement_id: &str,
        title: &str,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let found = self.place_goal(place)?;
        self.assessment(assessment_id).ok_or(Refusal::NotFound)?;
        framework::statement(statement_id).ok_or(Refusal::UnknownStatement)?;
        if self.statement_is_in_plan(assessment_id, statement_id) {
            return Err(Refusal::AlreadyInPlan);
        }
        let draft = GoalDraft {
            title: title.to_string(),
            ..Default::default()
        };
        let origin = GoalOrigin {
            assessment_id: assessment_id.to_string(),
            statement_id: statement_id.to_string(),
        };
        let goal = draft
            .validate(id.to_string(), stamp.today, stamp.at, Some(origin), None)
            .map_err(Refusal::Invalid)?;
        self.plan_for_new_goal(found, stamp)?.goals.push(goal);
        Ok(())
    }

    pub(crate) fn set_goal_status(&mut self, id: &str, status: GoalStatus) -> Result<(), Refusal> {
        let (_, goal) = self.goal_mut(id).ok_or(Refusal::NotFound)?;
        goal.status = status;
        Ok(())
    }
}

/// A goal's learning need as a page shows it, or `None` when there is none
/// to show. Before a goal made from a statement was given the user's own
/// title, the app wrote where it came from into its learning need ("From your
/// self-assessment of East Kent, in the area "Power and influence". You rated
/// it: 1 Starting."); such a goal's link to its statement now says that, so
/// the old sentence, left as it was saved, is not shown a second time. Any
/// other text, and that sentence once the user changed it, is shown.
pub fn learning_need_to_show(goal: &Goal) -> Option<&str> {
    let need = goal.learning_need.as_str();
    if need.is_empty() {
        return None;
    }
    let written_by_the_app = goal
        .origin
        .as_ref()
        .and_then(|o| framework::statement(&o.statement_id))
        .and_then(|(domain, _)| {
            let rest = need.strip_prefix("From your self-assessment of ")?;
            let (_, after) = rest.split_once(&format!(", in the area \"{}\".", domain.title))?;
            Some(after.is_empty() || (after.starts_with(" You rated it: ") && after.ends_with('.')))
        })
        .unwrap_or(false);
    (!written_by_the_app).then_some(need)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::plan::entries::ACTION_DUE_FIELD;
    use crate::model::plan::plans::{COMBINE_FROM_FIELD, PLAN_NAME_FIELD};
    use crate::model::plan::{ActionDraft, EvidenceDraft, ReviewDraft, SelfRatingDraft};
    use crate::model::workbook::change::Applied;
    use crate::model::workbook::change::Change;
    use chrono::NaiveDate;

    pub(crate) fn stamp(day: u32) -> Stamp {
        Stamp::on(2026, 11, day, 9, 0)
    }

    /// A workbook with one plan, "p1".
    pub(crate) fn with_plan_p1() -> Workbook {
        let mut wb = Workbook::new(stamp(1).at);
        let draft = PlanDraft {
            name: "P".into(),
            ..Default::default()
        };
        let add = Change::Add {
            id: "p1".into(),
            under: None,
            draft: draft.into(),
        };
        wb.apply(&add, stamp(1)).unwrap();
        wb
    }

    pub(crate) fn goal(title: &str, target: &str) -> GoalDraft {
        GoalDraft {
            title: title.into(),
            target_date: target.into(),
            ..Default::default()
        }
    }

    /// A goal saved by an older version, with where it came from written
    /// into its learning need, still reads: the sentence is kept as saved but
    /// not shown beside the link that now says the same; anything the user
    /// wrote is shown.
    #[test]
    fn the_origin_sentence_an_older_version_wrote_is_not_shown_twice() {
        let mut wb = with_plan_p1();
        wb.apply(&Change::add_goal(None, goal("Improve: x", "")), stamp(2))
            .unwrap();
        let mut g = wb.plans()[0].goals[0].clone();
        g.origin = Some(GoalOrigin {
            assessment_id: "a1".into(),
            statement_id: "power-1".into(),
        });
        for old in [
            "From your self-assessment of East Kent, in the area \"Power and influence\". You rated it: 1 Starting.",
            "From your self-assessment of East Kent, in the area \"Power and influence\".",
        ] {
            g.learning_need = old.into();
            assert_eq!(learning_need_to_show(&g), None, "{old}");
            assert_eq!(g.learning_need, old, "the saved text is left as it was");
        }
        for shown in [
            "From your self-assessment of East Kent, in the area \"Power and influence\". I need to chair better.",
            "To be heard at the board",
        ] {
            g.learning_need = shown.into();
            assert_eq!(learning_need_to_show(&g), Some(shown));
        }
        // Another area's sentence is not this goal's own: shown.
        g.learning_need =
            "From your self-assessment of East Kent, in the area \"Trust and joint working\"."
                .into();
        assert!(learning_need_to_show(&g).is_some());
        // With no link to a statement, the sentence is all there is: shown.
        g.origin = None;
        g.learning_need =
            "From your self-assessment of East Kent, in the area \"Power and influence\".".into();
        assert!(learning_need_to_show(&g).is_some());
        g.learning_need = "".into();
        assert_eq!(learning_need_to_show(&g), None);
    }

    /// An edit form opened on a goal is stale only when the goal's own
    /// fields change: an action added under it is no conflict, a status set
    /// elsewhere is, a deletion is told apart, and its undo makes it fresh.
    #[test]
    fn a_goal_form_goes_stale_only_when_the_goals_own_fields_change() {
        use crate::model::common::stale::{staleness, Difference, Staleness};
        let mut wb = Workbook::new(stamp(1).at);
        let add = Change::add_goal(None, goal("Chair the board", "2026-12-01"));
        let id = add.created_id().unwrap().to_string();
        wb.apply(&add, stamp(1)).unwrap();
        let set = |status| Change::SetGoalStatus {
            id: id.clone(),
            status,
        };
        wb.apply(&set(GoalStatus::InProgress), stamp(1)).unwrap();
        let now = |wb: &Workbook| wb.goal(&id).map(|(_, g)| GoalDraft::of(g));
        let opened = now(&wb).unwrap();
        let in_form = GoalDraft {
            title: "Chair the programme board".into(),
            ..opened.clone()
        };
        let check =
            |wb: &Workbook| staleness(&opened, now(wb).as_ref(), &in_form, GoalDraft::shown);

        let action = ActionDraft {
            text: "Ask the chair".into(),
            due: String::new(),
        };
        wb.apply(&Change::add(Some(&id), action), stamp(2)).unwrap();
        assert_eq!(
            check(&wb),
            Staleness::Fresh,
            "an action added is no conflict"
        );

        wb.apply(&set(GoalStatus::Achieved), stamp(3)).unwrap();
        assert_eq!(
            check(&wb),
            Staleness::Changed(vec![Difference {
                label: "Status",
                opened: "In progress".into(),
                now: "Achieved".into(),
                in_form: "In progress".into(),
            }])
        );
        wb.apply(&set(GoalStatus::InProgress), stamp(4)).unwrap();
        assert_eq!(
            check(&wb),
            Staleness::Fresh,
            "changed back, nothing to tell"
        );

        let remove = Change::Delete {
            kind: RecordKind::Goal,
            id: id.clone(),
        };
        let undo = wb.undo_for(&remove).unwrap();
        wb.apply(&remove, stamp(5)).unwrap();
        assert_eq!(check(&wb), Staleness::Deleted);
        wb.apply(&undo, stamp(6)).unwrap();
        assert_eq!(
            check(&wb),
            Staleness::Fresh,
            "the undo puts it back as it was"
        );
    }

    #[test]
    fn two_tabs_adding_first_goals_end_up_in_one_plan() {
        let mut a = Workbook::new(stamp(1).at);
        let mut b = a.clone();
        let from_a = Change::add_goal(None, goal("From A", ""));
        let from_b = Change::add_goal(None, goal("From B", ""));
        a.apply(&from_a, stamp(2)).unwrap();
        b.apply(&from_b, stamp(2)).unwrap();
        // B's change replayed on A's copy joins A's plan.
        a.apply(&from_b, stamp(3)).unwrap();
        assert_eq!(a.plans().len(), 1);
        assert_eq!(a.plans()[0].goals.len(), 2);
    }

    #[test]
    fn a_first_goal_makes_a_first_plan_and_later_goals_join_it() {
        let mut wb = Workbook::new(stamp(1).at);
        let first = Change::add_goal(None, goal("Chair the board", ""));
        wb.apply(&first, stamp(2)).unwrap();
        assert_eq!(wb.plans().len(), 1);
        assert_eq!(wb.plans()[0].name, "My development plan");
        let plan_id = wb.plans()[0].id.clone();
        assert_eq!(wb.current_plan().unwrap().id, plan_id);
        wb.apply(
            &Change::add_goal(Some(&plan_id), goal("Second", "")),
            stamp(3),
        )
        .unwrap();
        assert_eq!(wb.plans()[0].goals.len(), 2);
        assert_eq!(wb.summary().goals, 2);

        wb.apply(
            &Change::Delete {
                kind: RecordKind::Plan,
                id: plan_id.clone(),
            },
            stamp(4),
        )
        .unwrap();
        assert_eq!(
            wb.apply(
                &Change::add_goal(Some(&plan_id), goal("Late", "")),
                stamp(5)
            ),
            Err(Refusal::NotFound),
            "a deleted plan is not brought back by another tab's goal"
        );
    }

    #[test]
    fn plans_keep_their_dates_in_order_with_their_goals_and_actions() {
        let mut wb = Workbook::new(stamp(1).at);
        let plan = Change::add(
            None,
            PlanDraft {
                name: "2026 to 2027".into(),
                starts: "2026-12-01".into(),
                ends: "2027-11-30".into(),
                ..Default::default()
            },
        );
        let plan_id = plan.created_id().unwrap().to_string();
        wb.apply(&plan, stamp(2)).unwrap();
        // A target before the plan starts is refused with the plan's start date.
        match wb.apply(
            &Change::add_goal(Some(&plan_id), goal("Early", "2026-11-30")),
            stamp(3),
        ) {
            Err(Refusal::Invalid(e)) => assert!(e[0].message.contains("1 December 2026")),
            other => panic!("expected invalid, got {other:?}"),
        }
        let add = Change::add_goal(Some(&plan_id), goal("Lead redesign", "2027-03-31"));
        let goal_id = add.created_id().unwrap().to_string();
        wb.apply(&add, stamp(3)).unwrap();

        // The plan may not then start after the goal's target.
        let mut later = PlanDraft::of(wb.plan(&plan_id).unwrap());
        later.starts = "2027-04-01".into();
        later.ends = "2028-03-31".into();
        assert!(matches!(
            wb.apply(
                &Change::Update {
                    id: plan_id.clone(),
                    draft: later.into()
                },
                stamp(4)
            ),
            Err(Refusal::Invalid(_))
        ));

        // An action due after its goal is refused; one before it is added and ticked.
        let late = Change::add(
            Some(&goal_id),
            ActionDraft {
                text: "Meet finance".into(),
                due: "2027-04-30".into(),
            },
        );
        match wb.apply(&late, stamp(5)) {
            Err(Refusal::Invalid(e)) => assert_eq!(e[0].field, ACTION_DUE_FIELD),
            other => panic!("expected invalid, got {other:?}"),
        }
        let action = Change::add(
            Some(&goal_id),
            ActionDraft {
                text: "Meet finance".into(),
                due: "2027-01-31".into(),
            },
        );
        let action_id = action.created_id().unwrap().to_string();
        wb.apply(&action, stamp(5)).unwrap();
        wb.apply(
            &Change::SetActionDone {
                id: action_id.clone(),
                done: true,
            },
            stamp(6),
        )
        .unwrap();
        let done = &wb.goal(&goal_id).unwrap().1.actions[0];
        assert_eq!(done.done_on, NaiveDate::from_ymd_opt(2026, 11, 6).map(Day));
        wb.apply(
            &Change::SetActionDone {
                id: action_id.clone(),
                done: false,
            },
            stamp(7),
        )
        .unwrap();
        assert_eq!(wb.goal(&goal_id).unwrap().1.actions[0].done_on, None);

        // Moving the goal's target before its action is refused too.
        let mut draft = GoalDraft::of(wb.goal(&goal_id).unwrap().1);
        draft.target_date = "2026-12-31".into();
        assert!(matches!(
            wb.apply(
                &Change::Update {
                    id: goal_id.clone(),
                    draft: draft.into()
                },
                stamp(8)
            ),
            Err(Refusal::Invalid(_))
        ));
        assert_eq!(
            wb.goal(&goal_id).unwrap().1.actions.len(),
            1,
            "a refused edit loses nothing"
        );

        wb.apply(
            &Change::SetGoalStatus {
                id: goal_id.clone(),
                status: GoalStatus::InProgress,
            },
            stamp(8),
        )
        .unwrap();
        assert_eq!(wb.goal(&goal_id).unwrap().1.status, GoalStatus::InProgress);

        wb.apply(
            &Change::Delete {
                kind: RecordKind::Action,
                id: action_id.clone(),
            },
            stamp(9),
        )
        .unwrap();
        assert!(wb.goal(&goal_id).unwrap().1.actions.is_empty());
        assert!(wb
            .deleted
            .iter()
            .any(|t| t.id == action_id && t.kind == RecordKind::Action));
    }

    fn named(name: &str) -> PlanDraft {
        PlanDraft {
            name: name.into(),
            ..Default::default()
        }
    }

    fn name_error(refused: Result<Applied, Refusal>) -> String {
        match refused {
            Err(Refusal::Invalid(e)) if e[0].field == PLAN_NAME_FIELD => e[0].message.clone(),
            other => panic!("expected the name refused, got {other:?}"),
        }
    }

    #[test]
    fn no_two_plans_share_a_name_when_added_or_renamed() {
        let mut wb = with_plan_p1();
        let add = |name: &str| Change::Add {
            id: "p2".into(),
            under: None,
            draft: (named(name)).into(),
        };
        assert_eq!(
            name_error(wb.apply(&add(" p "), stamp(2))),
            "You already have a plan called \"P\": give this one another name",
            "the same words whatever the capitals and spaces"
        );
        assert_eq!(wb.plans().len(), 1, "nothing added");
        wb.apply(&add("Q"), stamp(2)).unwrap();

        let rename = |id: &str, name: &str| Change::Update {
            id: id.into(),
            draft: (named(name)).into(),
        };
        assert_eq!(
            name_error(wb.apply(&rename("p2", "P"), stamp(3))),
            "You already have a plan called \"P\": give this one another name"
        );
        assert_eq!(wb.plan("p2").unwrap().name, "Q");
        wb.apply(&rename("p1", "p"), stamp(4))
            .expect("a plan may keep its own name, in other capitals too");
        assert_eq!(wb.plan("p1").unwrap().name, "p");

        // Two plans saved sharing a name (before names had to differ) can
        // still be edited without renaming either.
        let mut twin = wb.plan("p2").unwrap().clone();
        twin.id = "p3".into();
        twin.name = "p".into();
        wb.plans_mut().unwrap().push(twin);
        let mut aim = PlanDraft::of(wb.plan("p3").unwrap());
        aim.aim = "Lead".into();
        wb.apply(
            &Change::Update {
                id: "p3".into(),
                draft: aim.into(),
            },
            stamp(5),
        )
        .unwrap();
        assert_eq!(wb.plan("p3").unwrap().aim, "Lead");
    }

    /// A workbook with two plans: "p1" ("Into", one goal "gA" and a review of
    /// 10 November) and "p2" ("From": goal "g1" with an action and evidence,
    /// goal "g2", a review of 5 November and a self-rating).
    fn two_plans() -> Workbook {
        let mut wb = with_plan_p1();
        wb.apply(
            &Change::Update {
                id: "p1".into(),
                draft: (named("Into")).into(),
            },
            stamp(1),
        )
        .unwrap();
        let review = |date: &str| ReviewDraft {
            date: date.into(),
            summary: format!("Review of {date}"),
            next_review: String::new(),
        };
        let add_goal = |id: &str, plan: &str, title: &str| Change::AddGoal {
            id: id.into(),
            place: GoalPlace::Plan(plan.into()),
            draft: goal(title, ""),
        };
        let changes = vec![
            Change::Add {
                id: "p2".into(),
                under: None,
                draft: (named("From")).into(),
            },
            add_goal("gA", "p1", "Already here"),
            Change::Add {
                id: "r1".into(),
                under: Some("p1".into()),
                draft: (review("2026-11-10")).into(),
            },
            add_goal("g1", "p2", "Chair the board"),
            Change::Add {
                id: "act1".into(),
                under: Some("g1".into()),
                draft: (ActionDraft {
                    text: "Meet the chair".into(),
                    due: String::new(),
                })
                .into(),
            },
            Change::Add {
                id: "ev1".into(),
                under: Some("g1".into()),
                draft: (EvidenceDraft {
                    date: "2026-11-03".into(),
                    what_happened: "Chaired".into(),
                    learnt: String::new(),
                })
                .into(),
            },
            add_goal("g2", "p2", "Lead the redesign"),
            Change::Add {
                id: "r2".into(),
                under: Some("p2".into()),
                draft: (review("2026-11-05")).into(),
            },
            Change::Add {
                id: "s2".into(),
                under: Some("p2".into()),
                draft: (SelfRatingDraft {
                    date: "2026-11-04".into(),
                    ratings: [("managing-planning".to_string(), 2u8)]
                        .into_iter()
                        .collect(),
                })
                .into(),
            },
        ];
        for change in changes {
            wb.apply(&change, stamp(12)).unwrap();
        }
        wb
    }

    fn combine(into: &str, from: &str) -> Change {
        Change::CombinePlans {
            into: into.into(),
            from: from.into(),
        }
    }

    fn goal_ids(wb: &Workbook, plan: &str) -> Vec<String> {
        wb.plan(plan)
            .unwrap()
            .goals
            .iter()
            .map(|g| g.id.clone())
            .collect()
    }

    fn assert_ids_unique(wb: &Workbook) {
        let ids = wb.record_ids();
        let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "no id twice in {ids:?}");
    }

    #[test]
    fn combining_plans_moves_everything_into_one_and_undo_separates_them_again() {
        let mut wb = two_plans();
        let before = wb.clone();
        let undo = wb
            .undo_for(&combine("p1", "p2"))
            .expect("a combination has an undo");
        match &undo {
            Change::UncombinePlans(c) => assert_eq!(
                c.describe(),
                "Moved everything in \"From\" into \"Into\", and removed the empty plan."
            ),
            other => panic!("expected an uncombine, got {other:?}"),
        }
        wb.apply(&combine("p1", "p2"), stamp(13)).unwrap();

        assert_eq!(wb.plans().len(), 1);
        assert_eq!(
            goal_ids(&wb, "p1"),
            vec!["gA", "g1", "g2"],
            "theirs after its own"
        );
        let (plan, g1) = wb.goal("g1").unwrap();
        assert_eq!(plan.id, "p1");
        assert_eq!(
            (g1.actions[0].id.as_str(), g1.evidence[0].id.as_str()),
            ("act1", "ev1")
        );
        assert_eq!(g1, before.goal("g1").unwrap().1, "moved, not changed");
        let reviews: Vec<&str> = plan.reviews.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(reviews, vec!["r2", "r1"], "in date order");
        assert_eq!(plan.self_ratings[0].id, "s2");
        assert_eq!(plan.updated_at, before.plan("p1").unwrap().updated_at);
        assert_eq!(
            wb.deleted,
            vec![crate::model::workbook::document::Tombstone {
                id: "p2".into(),
                kind: RecordKind::Plan,
                deleted_at: stamp(13).at
            }]
        );
        assert_eq!(wb.updated_at, stamp(13).at);
        assert_ids_unique(&wb);
        // The combined workbook passes the checks every backup passes.
        let json = crate::model::files::backup::to_json(&wb);
        assert_eq!(
            crate::model::files::backup::read_workbook(&json).unwrap(),
            wb
        );

        wb.apply(&undo, stamp(14)).unwrap();
        wb.updated_at = before.updated_at;
        assert_eq!(wb, before, "combine then undo gives the same workbook");
        assert_eq!(
            wb.apply(&undo, stamp(15)),
            Err(Refusal::DuplicateId),
            "undone once only"
        );
    }

    #[test]
    fn an_undo_keeps_what_changed_since_and_needs_the_plan_it_went_into() {
        let mut wb = two_plans();
        let undo = wb.undo_for(&combine("p1", "p2")).unwrap();
        wb.apply(&combine("p1", "p2"), stamp(13)).unwrap();
        // Another tab, meanwhile, retitles a moved goal and removes another.
        let mut draft = GoalDraft::of(wb.goal("g1").unwrap().1);
        draft.title = "Chair the programme board".into();
        wb.apply(
            &Change::Update {
                id: "g1".into(),
                draft: draft.into(),
            },
            stamp(14),
        )
        .unwrap();
        wb.apply(
            &Change::Delete {
                kind: RecordKind::Goal,
                id: "g2".into(),
            },
            stamp(14),
        )
        .unwrap();
        let mut later = wb.clone();
        wb.apply(&undo, stamp(15)).unwrap();
        assert_eq!(goal_ids(&wb, "p1"), vec!["gA"]);
        assert_eq!(
            goal_ids(&wb, "p2"),
            vec!["g1"],
            "the removed goal stays removed"
        );
        assert_eq!(wb.goal("g1").unwrap().1.title, "Chair the programme board");
        assert!(!wb.was_deleted("p2") && wb.was_deleted("g2"));
        assert_ids_unique(&wb);

        later
            .apply(
                &Change::Delete {
                    kind: RecordKind::Plan,
                    id: "p1".into(),
                },
                stamp(15),
            )
            .unwrap();
        assert_eq!(later.apply(&undo, stamp(16)), Err(Refusal::NotFound));
    }

    #[test]
    fn combining_is_refused_in_words_when_it_cannot_be_done() {
        let mut wb = two_plans();
        let before = wb.clone();
        let refusal = |wb: &mut Workbook, change: Change| match wb.apply(&change, stamp(13)) {
            Err(Refusal::Invalid(e)) => {
                assert_eq!(e[0].field, COMBINE_FROM_FIELD);
                e[0].message.clone()
            }
            other => panic!("expected invalid, got {other:?}"),
        };
        assert_eq!(
            refusal(&mut wb, combine("p1", "p1")),
            "Choose another plan: a plan cannot be combined with itself"
        );
        assert_eq!(
            refusal(&mut wb, combine("p1", "")),
            "Choose the plan to move into this one"
        );
        assert_eq!(
            wb.apply(&combine("p1", "gone"), stamp(13)),
            Err(Refusal::NotFound)
        );
        assert_eq!(
            wb.apply(&combine("gone", "p2"), stamp(13)),
            Err(Refusal::NotFound)
        );
        assert_eq!(wb.undo_for(&combine("p1", "p1")), None);

        // A goal due before the plan it would go into starts.
        let mut dated = PlanDraft::of(wb.plan("p1").unwrap());
        dated.starts = "2027-01-01".into();
        wb.apply(
            &Change::Update {
                id: "p1".into(),
                draft: dated.into(),
            },
            stamp(13),
        )
        .unwrap();
        let mut draft = GoalDraft::of(wb.goal("g2").unwrap().1);
        draft.target_date = "2026-12-15".into();
        wb.apply(
            &Change::Update {
                id: "g2".into(),
                draft: draft.into(),
            },
            stamp(13),
        )
        .unwrap();
        let dated = wb.clone();
        assert_eq!(
            refusal(&mut wb, combine("p1", "p2")),
            "The goal \"Lead the redesign\" in \"From\" is due on 15 December 2026, before \"Into\" starts on 1 January 2027: change the goal's target date or the plan's start date first"
        );
        assert_eq!(wb, dated, "a refusal changes nothing");
        assert_eq!(before.plans().len(), 2);
    }

    #[test]
    fn a_combination_replayed_on_another_tabs_newer_save_moves_what_that_tab_added() {
        use crate::model::sync::{plan_save, Pending};
        let shared = two_plans();
        // This tab combines the plans; another tab saved first, adding a goal to "From".
        let mut here = shared.clone();
        let mut pending = Pending::default();
        here.apply(&combine("p1", "p2"), stamp(20)).unwrap();
        pending.push(
            combine("p1", "p2"),
            stamp(20),
            crate::model::workbook::apply::Dispatcher::every_change(),
        );
        let mut other = shared.clone();
        other
            .apply(
                &Change::AddGoal {
                    id: "g3".into(),
                    place: GoalPlace::Plan("p2".into()),
                    draft: goal("Added in the other tab", ""),
                },
                stamp(21),
            )
            .unwrap();
        other.revision = shared.revision + 1;
        let saved = plan_save(&here, &pending, Some(&other));
        assert!(saved.rebased);
        assert!(saved.dropped.is_empty());
        assert_eq!(
            goal_ids(&saved.document, "p1"),
            vec!["gA", "g1", "g2", "g3"]
        );
        assert!(saved.document.plan("p2").is_none());
        assert_ids_unique(&saved.document);

        // Had the other tab deleted "From", the combination no longer applies.
        let mut deleted = shared.clone();
        deleted
            .apply(
                &Change::Delete {
                    kind: RecordKind::Plan,
                    id: "p2".into(),
                },
                stamp(21),
            )
            .unwrap();
        deleted.revision = shared.revision + 1;
        let saved = plan_save(&here, &pending, Some(&deleted));
        assert_eq!(saved.dropped.len(), 1, "{:?}", saved.dropped);
        assert_eq!(goal_ids(&saved.document, "p1"), vec!["gA"]);
    }

    #[test]
    fn a_combination_merges_either_way_with_a_backup_from_before_it() {
        use crate::model::workbook::merge::merge;
        let before = two_plans();
        let mut combined = before.clone();
        combined.apply(&combine("p1", "p2"), stamp(20)).unwrap();
        let at = stamp(30).at;

        // An older backup merged into the combined workbook: the plan stays
        // removed and its records stay where they moved.
        let outcome = merge(&combined, &before, at);
        assert_eq!(outcome.workbook.plans, combined.plans);
        assert_ids_unique(&outcome.workbook);
        assert_eq!(
            outcome.report.stayed_deleted.total(),
            1,
            "the plan, not what it held"
        );
        assert!(outcome.report.changed_nothing());

        // The combined workbook merged into the older one (another browser):
        // the plan goes, and what it held arrives in the plan it moved into.
        let outcome = merge(&before, &combined, at);
        assert_eq!(outcome.workbook.plans, combined.plans);
        assert_ids_unique(&outcome.workbook);
        assert!(outcome.workbook.was_deleted("p2"));
        assert_eq!(
            (
                outcome.report.deletions.total(),
                outcome.report.added.total(),
                outcome.report.conflicts.total()
            ),
            (1, 6, 0),
            "the plan deleted; two goals, an action, evidence, a review and a self-rating added"
        );
    }

    #[test]
    fn a_deleted_plan_comes_back_whole_with_undo() {
        let mut wb = with_plan_p1();
        wb.apply(&Change::add_goal(None, goal("Chair", "")), stamp(2))
            .unwrap();
        let delete = Change::Delete {
            kind: RecordKind::Plan,
            id: "p1".into(),
        };
        let undo = wb.undo_for(&delete).unwrap();
        wb.apply(&delete, stamp(3)).unwrap();
        assert!(wb.plans().is_empty());
        wb.apply(&undo, stamp(4)).unwrap();
        assert_eq!(wb.plans()[0].goals[0].title, "Chair");
        assert!(!wb.was_deleted("p1"));
    }
}
