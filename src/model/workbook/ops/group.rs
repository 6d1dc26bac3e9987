//! The group view's rules: rounds and workshop agreements made and changed
//! from their forms, and members' files taken into a round.

use crate::model::common::validation::FieldError;
use crate::model::group::rounds::{Arrival, AGREED_LEVEL_FIELD};
use crate::model::group::{AgreementDraft, AreaAgreement, GroupMember, GroupRound, RoundDraft};
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::tree::{kind, Drafted, Workbook};

/// A round's name and date; whether names are kept is chosen once, when the
/// round starts (a round that kept none cannot get them back).
impl Drafted for RoundDraft {
    type Kind = kind::GroupRound;
    fn make(&self, id: &str, _: &Workbook, stamp: Stamp) -> Result<GroupRound, Refusal> {
        self.validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(&self, old: &GroupRound, _: &Workbook, stamp: Stamp) -> Result<GroupRound, Refusal> {
        let checked = self
            .validate(old.id.clone(), stamp.at)
            .map_err(Refusal::Invalid)?;
        Ok(GroupRound {
            name: checked.name,
            held_on: checked.held_on,
            ..old.clone()
        })
    }
}

/// One agreement per area in a round; its target looks forward from the round.
impl Drafted for AgreementDraft {
    type Kind = kind::AreaAgreement;
    fn make(&self, id: &str, round: &GroupRound, stamp: Stamp) -> Result<AreaAgreement, Refusal> {
        if round.agreement(&self.domain_id).is_some() {
            return Err(Refusal::Invalid(vec![FieldError::new(
                AGREED_LEVEL_FIELD,
                "The group has already recorded what it agreed for this area: change that instead",
            )]));
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
        let mut draft = self.clone();
        draft.domain_id = old.domain_id.clone();
        draft
            .validate(old.id.clone(), *round.held_on, stamp.at)
            .map_err(Refusal::Invalid)
    }
}

impl Workbook {
    /// Takes members' files into a round: a new member is added, a newer copy
    /// of a member's file replaces it, the same or an older copy changes
    /// nothing. Each member's id must never have been used.
    pub(crate) fn add_members(
        &mut self,
        round_id: &str,
        members: &[GroupMember],
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        if members.iter().any(|m| self.id_in_use(&m.id)) {
            return Err(Refusal::DuplicateId);
        }
        let round = self.edit::<kind::GroupRound, _>(round_id, |round| {
            for member in members {
                match round.arrival(member) {
                    Arrival::New(mut member) => {
                        member.created_at = stamp.at;
                        member.updated_at = stamp.at;
                        round.members.push(member);
                    }
                    Arrival::Newer {
                        replaces,
                        mut member,
                    } => {
                        member.updated_at = stamp.at;
                        if let Some(slot) = round.members.iter_mut().find(|m| m.id == replaces) {
                            *slot = member;
                        }
                    }
                    Arrival::AlreadyIn => {}
                }
            }
        });
        round.ok_or(Refusal::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::{AssessmentDraft, Rating, Role};
    use crate::model::workbook::change::Change;
    use crate::model::workbook::tree::RecordKind;

    fn stamp(minute: u32) -> Stamp {
        Stamp::on(2027, 3, 10, 9, minute)
    }

    fn a_file(id: &str, level: u8, changed: u32) -> crate::model::assessment::Assessment {
        let mut a = AssessmentDraft {
            partnership: "Nene".into(),
            clinical_area: String::new(),
            role: Some(Role::Clinician),
            date: "2027-03-01".into(),
        }
        .validate(id.into(), stamp(0).today, stamp(0).at)
        .unwrap();
        a.set_rating("power-1", Some(Rating::Level(level)), stamp(changed).at);
        a.updated_at = stamp(changed).at;
        a
    }

    fn with_round() -> (Workbook, String) {
        let mut wb = Workbook::new(stamp(0).at);
        let start = Change::add(
            None,
            RoundDraft {
                name: "Spring".into(),
                held_on: "2027-03-10".into(),
                keep_names: false,
            },
        );
        let id = start.created_id().unwrap().to_string();
        wb.apply(&start, stamp(1)).unwrap();
        (wb, id)
    }

    fn members(round: &GroupRound, files: &[(&str, u8, u32)]) -> Vec<GroupMember> {
        files
            .iter()
            .enumerate()
            .map(|(n, (id, level, changed))| {
                GroupMember::from_assessment(
                    crate::model::common::ids::new_id("member"),
                    &a_file(id, *level, *changed),
                    false,
                    round.next_member_number() + n,
                    stamp(2).at,
                )
            })
            .collect()
    }

    /// Files are taken in once each; a newer copy replaces its member, and
    /// the round's own time is left as it is (members are under it).
    #[test]
    fn members_files_are_taken_in_once_and_newer_copies_replace_them() {
        let (mut wb, round_id) = with_round();
        let round = wb.group_rounds[0].clone();
        let load = members(&round, &[("a1", 1, 2), ("a2", 3, 2), ("a1", 1, 2)]);
        wb.apply(
            &Change::AddMembers {
                round_id: round_id.clone(),
                members: load,
            },
            stamp(3),
        )
        .unwrap();
        assert_eq!(
            wb.group_rounds[0].members.len(),
            2,
            "the same file counts once"
        );
        assert_eq!(wb.group_rounds[0].updated_at, stamp(1).at);
        let newer = members(&wb.group_rounds[0].clone(), &[("a1", 4, 5)]);
        wb.apply(
            &Change::AddMembers {
                round_id: round_id.clone(),
                members: newer,
            },
            stamp(6),
        )
        .unwrap();
        let r = wb.group_rounds[0].clone();
        assert_eq!(r.members.len(), 2);
        assert_eq!(r.members[0].answer("power-1"), Some(Some(4)));
        assert_eq!(r.members[0].label, "Member 1");
        assert_eq!(r.members[0].updated_at, stamp(6).at);
        assert_eq!(
            wb.apply(
                &Change::AddMembers {
                    round_id: "gone".into(),
                    members: Vec::new()
                },
                stamp(7)
            ),
            Err(Refusal::NotFound)
        );
        // A member can be removed, and put back by its undo.
        let member_id = r.members[1].id.clone();
        let before = wb.clone();
        let applied = wb
            .apply(
                &Change::delete(RecordKind::GroupMember, &member_id),
                stamp(8),
            )
            .unwrap();
        assert_eq!(wb.group_rounds[0].members.len(), 1);
        wb.apply(&applied.undo.unwrap(), stamp(9)).unwrap();
        wb.updated_at = before.updated_at;
        assert_eq!(wb, before);
    }

    #[test]
    fn an_area_gets_one_agreement_in_a_round() {
        let (mut wb, round_id) = with_round();
        let draft = AgreementDraft {
            domain_id: "power".into(),
            agreed_level: Some(1),
            target_level: Some(3),
            target_date: "2028-03-31".into(),
            note: String::new(),
        };
        let add = Change::add(Some(&round_id), draft.clone());
        let id = add.created_id().unwrap().to_string();
        wb.apply(&add, stamp(2)).unwrap();
        assert!(matches!(
            wb.apply(&Change::add(Some(&round_id), draft.clone()), stamp(3)),
            Err(Refusal::Invalid(_))
        ));
        let mut changed = draft;
        changed.target_level = Some(4);
        wb.apply(&Change::update(&id, changed), stamp(4)).unwrap();
        let agreement = &wb.group_rounds[0].agreements[0];
        assert_eq!(agreement.target_level, Some(4));
        assert_eq!(agreement.created_at, stamp(2).at);
        assert_eq!(agreement.updated_at, stamp(4).at);
    }
}
