//! The group view's rules: rounds and the workshop's agreed levels made and
//! changed from their forms' drafts, and members' files taken into a round
//! (and put back as they were, the "Undo" after loading).

use std::collections::{HashMap, HashSet};

use crate::model::common::validation::FieldError;
use crate::model::group::rounds::{KEEP_NAMES_FIELD, TARGET_LEVEL_FIELD};
use crate::model::group::{
    AgreementDraft, AreaAgreement, GroupBook, GroupMember, GroupRound, RoundDraft,
};
use crate::model::workbook::change::GoalPlace;
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::tree::{kind, Drafted, Workbook};

impl Drafted for RoundDraft {
    type Kind = kind::GroupRound;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &GroupBook, stamp: Stamp) -> Result<GroupRound, Refusal> {
        self.validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)
    }
    /// A round's name and date change; its members and agreements stay
    /// (the dispatcher keeps the records under it). Whether names are kept is
    /// chosen before the first file is loaded: the labels are made as files
    /// are taken in, so it cannot change once there are members.
    fn change(&self, old: &GroupRound, _: &GroupBook, stamp: Stamp) -> Result<GroupRound, Refusal> {
        let checked = self
            .validate(old.id.clone(), stamp.at)
            .map_err(Refusal::Invalid)?;
        if checked.anonymised != old.anonymised && !old.members.is_empty() {
            return Err(Refusal::Invalid(vec![FieldError::new(
                KEEP_NAMES_FIELD,
                "Names can only be kept or replaced before the first member's file is loaded",
            )]));
        }
        Ok(GroupRound {
            name: checked.name,
            held_on: checked.held_on,
            anonymised: checked.anonymised,
            ..old.clone()
        })
    }
}

/// One agreement per area in a round: a second for the same area is refused
/// (the form changes the first).
impl Drafted for AgreementDraft {
    type Kind = kind::AreaAgreement;
    fn make(&self, id: &str, round: &GroupRound, stamp: Stamp) -> Result<AreaAgreement, Refusal> {
        if round.agreement(&self.domain_id).is_some() {
            return Err(Refusal::AlreadyAgreed);
        }
        self.validate(id.to_string(), *round.held_on, stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(
        &self,
        old: &AreaAgreement,
        round: &GroupRound,
        stamp: Stamp,
    ) -> Result<AreaAgreement, Refusal> {
        if self.domain_id != old.domain_id {
            return Err(Refusal::NotFound);
        }
        let checked = self
            .validate(old.id.clone(), *round.held_on, stamp.at)
            .map_err(Refusal::Invalid)?;
        Ok(AreaAgreement {
            created_at: old.created_at,
            goal_id: old.goal_id.clone(),
            ..checked
        })
    }
}

impl Workbook {
    /// Takes members' files into the round `round_id`: a member whose id is
    /// already in the round replaces it where it stands (a newer copy of the
    /// same member's file, keeping when it was first loaded); the others join
    /// at the end. All are stamped changed now, new ones made now. Refused
    /// whole when the round is gone or a new member's id is taken.
    pub(crate) fn take_in_members(
        &mut self,
        round_id: &str,
        members: &[GroupMember],
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let round = self
            .find::<kind::GroupRound>(round_id)
            .ok_or(Refusal::NotFound)?
            .2;
        // Each id is looked up in sets made once, not by walking the
        // workbook (or the round) again for every one of 2,000 members.
        let in_round: HashMap<&str, usize> = round
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str(), i))
            .collect();
        let in_use: HashSet<&str> = self
            .record_ids()
            .into_iter()
            .chain(self.deleted.iter().map(|t| t.id.as_str()))
            .collect();
        if members
            .iter()
            .any(|m| !in_round.contains_key(m.id.as_str()) && in_use.contains(m.id.as_str()))
        {
            return Err(Refusal::DuplicateId);
        }
        // Where each member goes: over a member in the round, or on the end.
        let places: Vec<Option<usize>> = members
            .iter()
            .map(|m| in_round.get(m.id.as_str()).copied())
            .collect();
        self.edit::<kind::GroupRound, _>(round_id, |round| {
            let mut added: HashMap<String, usize> = HashMap::new();
            for (member, place) in members.iter().zip(places) {
                let mut member = member.clone();
                member.updated_at = stamp.at;
                // The same new member twice in one batch: the later replaces it.
                match place.or_else(|| added.get(&member.id).copied()) {
                    Some(i) => {
                        member.created_at = round.members[i].created_at;
                        round.members[i] = member;
                    }
                    None => {
                        member.created_at = stamp.at;
                        added.insert(member.id.clone(), round.members.len());
                        round.members.push(member);
                    }
                }
            }
        })
        .ok_or(Refusal::NotFound)
    }

    /// Adds a goal to the lead's development plan (`place`) made from the
    /// target the workshop agreed for an area (`AreaAgreement::goal_draft`),
    /// and links the agreement to it, so each shows the other. Refused when
    /// the agreement has no target, or its target is a goal already.
    pub(crate) fn add_goal_from_agreement(
        &mut self,
        id: &str,
        place: &GoalPlace,
        agreement_id: &str,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let (round_id, _, agreement) = self
            .find::<kind::AreaAgreement>(agreement_id)
            .ok_or(Refusal::NotFound)?;
        let round = self
            .group_round(round_id.unwrap_or_default())
            .ok_or(Refusal::NotFound)?;
        if agreement
            .goal_id
            .as_deref()
            .is_some_and(|goal| self.goal(goal).is_some())
        {
            return Err(Refusal::AlreadyInPlan);
        }
        let draft = agreement.goal_draft(round).ok_or_else(|| {
            Refusal::Invalid(vec![FieldError::new(
                TARGET_LEVEL_FIELD,
                "Record a target level for the area first",
            )])
        })?;
        let found = self.place_goal(place)?;
        let goal = draft
            .validate(id.to_string(), stamp.today, stamp.at, None, None)
            .map_err(Refusal::Invalid)?;
        self.plan_for_new_goal(found, stamp)?.goals.push(goal);
        self.edit::<kind::AreaAgreement, _>(agreement_id, |a| {
            a.goal_id = Some(id.to_string());
            a.updated_at = stamp.at;
        });
        Ok(())
    }

    /// The round and workshop agreement a goal was made from, if any.
    pub fn agreement_of_goal(&self, goal_id: &str) -> Option<(&GroupRound, &AreaAgreement)> {
        self.group_rounds().iter().find_map(|round| {
            let agreement = round
                .agreements
                .iter()
                .find(|a| a.goal_id.as_deref() == Some(goal_id))?;
            Some((round, agreement))
        })
    }

    /// Puts the round's members back as `members` (the "Undo" after
    /// members' files were loaded: the list as it was before).
    pub(crate) fn set_round_members(
        &mut self,
        round_id: &str,
        members: &[GroupMember],
    ) -> Result<(), Refusal> {
        self.edit::<kind::GroupRound, _>(round_id, |round| round.members = members.to_vec())
            .ok_or(Refusal::NotFound)
    }

    /// The group view's rounds, oldest first; none when the saved section
    /// cannot be read (`group_problem` says why).
    pub fn group_rounds(&self) -> &[GroupRound] {
        self.group.get().map_or(&[], |g| &g.rounds)
    }

    /// Why the group view's saved rounds cannot be read, if they cannot.
    pub fn group_problem(&self) -> Option<&str> {
        self.group.problem()
    }

    pub fn group_round(&self, id: &str) -> Option<&GroupRound> {
        self.group_rounds().iter().find(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::Assessment;
    use crate::model::workbook::change::Change;
    use crate::model::workbook::fixtures::an_assessment;
    use crate::model::workbook::tree::RecordKind;

    fn stamp(minute: u32) -> Stamp {
        Stamp::on(2027, 3, 10, 9, minute)
    }

    fn with_round() -> Workbook {
        let mut wb = Workbook::new(stamp(0).at);
        let draft = RoundDraft {
            name: "Spring workshop".into(),
            held_on: "2027-03-10".into(),
            keep_names: false,
        };
        wb.apply(
            &Change::Add {
                id: "round-1".into(),
                under: None,
                draft: draft.into(),
            },
            stamp(1),
        )
        .unwrap();
        wb
    }

    fn member(id: &str, from: &Assessment, number: usize) -> GroupMember {
        GroupMember::from_assessment(id.into(), from, false, number, stamp(0).at)
    }

    #[test]
    fn a_round_is_made_from_its_form_and_refused_without_a_name() {
        let wb = with_round();
        let round = &wb.group_rounds()[0];
        assert_eq!(round.name.as_str(), "Spring workshop");
        assert!(round.anonymised);
        assert_eq!(round.created_at, stamp(1).at);
        let mut wb = wb;
        let refused = wb.apply(&Change::add(None, RoundDraft::default()), stamp(2));
        assert!(matches!(refused, Err(Refusal::Invalid(ref e)) if e.len() == 2));
        assert_eq!(wb.group_rounds().len(), 1);
    }

    #[test]
    fn members_files_are_taken_in_replaced_and_put_back_by_undo() {
        let mut wb = with_round();
        let a = an_assessment("their-assessment");
        let take = Change::TakeInMembers {
            round: "round-1".into(),
            members: vec![member("member-1", &a, 1), member("member-2", &a, 2)],
        };
        let undo = wb.apply(&take, stamp(2)).unwrap().undo.unwrap();
        let members = &wb.group_rounds()[0].members;
        assert_eq!(members.len(), 2);
        assert_eq!(members[1].label.as_str(), "Member 2");
        assert_eq!(members[1].created_at, stamp(2).at);

        // A newer copy of member 1 replaces it where it stands, made when first loaded.
        let mut newer = member("member-1", &a, 1);
        newer.ratings.clear();
        let replace = Change::TakeInMembers {
            round: "round-1".into(),
            members: vec![newer],
        };
        let undo_replace = wb.apply(&replace, stamp(3)).unwrap().undo.unwrap();
        let members = &wb.group_rounds()[0].members;
        assert_eq!(members.len(), 2);
        assert!(members[0].ratings.is_empty());
        assert_eq!(members[0].created_at, stamp(2).at);
        assert_eq!(members[0].updated_at, stamp(3).at);

        // The same new member twice in one batch: the later copy, once.
        let mut twice = member("member-3", &a, 3);
        twice.ratings.clear();
        let batch = Change::TakeInMembers {
            round: "round-1".into(),
            members: vec![member("member-3", &a, 3), twice],
        };
        let undo_batch = wb.apply(&batch, stamp(3)).unwrap().undo.unwrap();
        let members = &wb.group_rounds()[0].members;
        assert_eq!(members.len(), 3);
        assert!(members[2].ratings.is_empty());
        wb.apply(&undo_batch, stamp(3)).unwrap();
        assert_eq!(wb.group_rounds()[0].members.len(), 2);

        wb.apply(&undo_replace, stamp(4)).unwrap();
        assert_eq!(wb.group_rounds()[0].members[0].ratings.len(), 2);
        wb.apply(&undo, stamp(5)).unwrap();
        assert!(wb.group_rounds()[0].members.is_empty());

        // An id another record has is refused, and nothing is taken in.
        let clash = Change::TakeInMembers {
            round: "round-1".into(),
            members: vec![member("member-9", &a, 1), member("round-1", &a, 2)],
        };
        assert_eq!(wb.apply(&clash, stamp(6)), Err(Refusal::DuplicateId));
        assert!(wb.group_rounds()[0].members.is_empty());
        let gone = Change::TakeInMembers {
            round: "no-such-round".into(),
            members: vec![],
        };
        assert_eq!(wb.apply(&gone, stamp(7)), Err(Refusal::NotFound));
    }

    #[test]
    fn a_member_or_a_round_is_deleted_and_undone_like_any_record() {
        let mut wb = with_round();
        let a = an_assessment("their-assessment");
        wb.apply(
            &Change::TakeInMembers {
                round: "round-1".into(),
                members: vec![member("member-1", &a, 1)],
            },
            stamp(2),
        )
        .unwrap();
        let before = wb.clone();
        let undo = wb
            .apply(
                &Change::delete(RecordKind::GroupMember, "member-1"),
                stamp(3),
            )
            .unwrap()
            .undo
            .unwrap();
        assert!(wb.group_rounds()[0].members.is_empty());
        assert!(wb.was_deleted("member-1"));
        wb.apply(&undo, stamp(4)).unwrap();
        assert_eq!(wb.group_rounds(), before.group_rounds());

        let undo = wb
            .apply(&Change::delete(RecordKind::GroupRound, "round-1"), stamp(5))
            .unwrap()
            .undo
            .unwrap();
        assert!(wb.group_rounds().is_empty());
        wb.apply(&undo, stamp(6)).unwrap();
        assert_eq!(wb.group_rounds(), before.group_rounds());
    }

    #[test]
    fn one_agreement_per_area_and_a_target_after_the_round() {
        let mut wb = with_round();
        let draft = AgreementDraft {
            domain_id: "power".into(),
            agreed_level: Some(1),
            target_level: Some(3),
            target_date: "2027-12-31".into(),
            note: " Agreed after a long talk ".into(),
        };
        let add = Change::add(Some("round-1"), draft.clone());
        wb.apply(&add, stamp(2)).unwrap();
        let agreed = wb.group_rounds()[0].agreement("power").unwrap().clone();
        assert_eq!(agreed.note.as_str(), "Agreed after a long talk");
        assert_eq!(
            wb.apply(&Change::add(Some("round-1"), draft.clone()), stamp(3)),
            Err(Refusal::AlreadyAgreed)
        );
        let early = AgreementDraft {
            target_date: "2027-03-01".into(),
            ..draft.clone()
        };
        assert!(matches!(
            wb.apply(&Change::update(&agreed.id, early), stamp(4)),
            Err(Refusal::Invalid(_))
        ));
        let changed = AgreementDraft {
            agreed_level: Some(2),
            ..draft
        };
        wb.apply(&Change::update(&agreed.id, changed), stamp(5))
            .unwrap();
        let now = wb.group_rounds()[0].agreement("power").unwrap();
        assert_eq!(now.agreed_level, Some(2));
        assert_eq!(now.created_at, agreed.created_at);
        assert_eq!(now.updated_at, stamp(5).at);
    }

    #[test]
    fn an_agreed_target_becomes_a_goal_in_the_plan_once_linked_both_ways() {
        let mut wb = with_round();
        let no_target = AgreementDraft {
            domain_id: "trust".into(),
            agreed_level: Some(2),
            ..Default::default()
        };
        wb.apply(&Change::add(Some("round-1"), no_target), stamp(2))
            .unwrap();
        let trust = wb.group_rounds()[0].agreement("trust").unwrap().id.clone();
        assert!(matches!(
            wb.apply(&Change::add_goal_from_agreement(None, &trust), stamp(3)),
            Err(Refusal::Invalid(_))
        ));
        let target = AgreementDraft {
            domain_id: "power".into(),
            agreed_level: Some(1),
            target_level: Some(3),
            target_date: "2027-12-31".into(),
            note: String::new(),
        };
        wb.apply(&Change::add(Some("round-1"), target), stamp(4))
            .unwrap();
        let power = wb.group_rounds()[0].agreement("power").unwrap().id.clone();
        let add = Change::add_goal_from_agreement(None, &power);
        wb.apply(&add, stamp(5)).unwrap();
        let goal = &wb.plans()[0].goals[0];
        assert_eq!(
            goal.title.as_str(),
            "Reach level 3 (Established) in power and influence"
        );
        assert_eq!(
            goal.learning_need.as_str(),
            "A target our commissioning group agreed in its round \"Spring workshop\" of 10 March 2027. The level agreed now is 1 (Starting)."
        );
        assert_eq!(
            goal.target_date.map(|d| d.to_string()),
            Some("2027-12-31".into())
        );
        let (round, agreement) = wb.agreement_of_goal(&goal.id).unwrap();
        assert_eq!(
            (round.id.as_str(), agreement.id.as_str()),
            ("round-1", power.as_str())
        );
        assert_eq!(
            wb.apply(&Change::add_goal_from_agreement(None, &power), stamp(6)),
            Err(Refusal::AlreadyInPlan)
        );
        // Changing the agreed levels keeps the link.
        let changed = AgreementDraft {
            domain_id: "power".into(),
            agreed_level: Some(2),
            target_level: Some(3),
            target_date: "2027-12-31".into(),
            note: "Moved up".into(),
        };
        wb.apply(&Change::update(&power, changed), stamp(7))
            .unwrap();
        assert!(wb.agreement_of_goal(&wb.plans()[0].goals[0].id).is_some());
    }

    #[test]
    fn names_are_kept_or_replaced_only_before_the_first_file() {
        let mut wb = with_round();
        let keep = RoundDraft {
            name: "Spring workshop".into(),
            held_on: "2027-03-10".into(),
            keep_names: true,
        };
        wb.apply(&Change::update("round-1", keep.clone()), stamp(2))
            .unwrap();
        assert!(!wb.group_rounds()[0].anonymised);
        let a = an_assessment("their-assessment");
        let named = GroupMember::from_assessment("member-1".into(), &a, true, 1, stamp(0).at);
        assert!(named.label.as_str().contains("East Kent"));
        wb.apply(
            &Change::TakeInMembers {
                round: "round-1".into(),
                members: vec![named],
            },
            stamp(3),
        )
        .unwrap();
        let anonymous = RoundDraft {
            keep_names: false,
            ..keep.clone()
        };
        assert!(matches!(
            wb.apply(&Change::update("round-1", anonymous), stamp(4)),
            Err(Refusal::Invalid(ref e)) if e[0].field == KEEP_NAMES_FIELD
        ));
        let renamed = RoundDraft {
            name: "Spring workshop (final)".into(),
            ..keep
        };
        wb.apply(&Change::update("round-1", renamed), stamp(5))
            .unwrap();
        assert_eq!(wb.group_rounds()[0].members.len(), 1, "members stay");
    }
}
