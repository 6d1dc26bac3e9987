//! The support agreement's rules: an agreement, its commitments, delivery
//! records, versions and review meetings made and changed from their forms'
//! drafts; an agreement started with commitments drafted from library
//! clauses; one received from the other party's file; and the other party's
//! changes settled into the next version.

use std::collections::HashSet;

use crate::model::agreement::records::VERSION_NOTE_FIELD;
use crate::model::agreement::{
    clauses, AgreementBook, AgreementVersion, Commitment, CommitmentDraft, Delivery, DeliveryDraft,
    ReviewMeeting, ReviewMeetingDraft, SupportAgreement, SupportAgreementDraft, Terms,
    VersionDraft, VersionSource,
};
use crate::model::common::user_text::UserText;
use crate::model::common::validation::FieldError;
use crate::model::workbook::change::Received;
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::tree::{kind, Drafted, Workbook};

impl Drafted for SupportAgreementDraft {
    type Kind = kind::SupportAgreement;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &AgreementBook, stamp: Stamp) -> Result<SupportAgreement, Refusal> {
        self.validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)
    }
    /// The parties, leads, period and side change; what it was drafted from
    /// stays (the dispatcher keeps the records under it).
    fn change(
        &self,
        old: &SupportAgreement,
        _: &AgreementBook,
        stamp: Stamp,
    ) -> Result<SupportAgreement, Refusal> {
        let checked = self
            .validate(old.id.clone(), stamp.at)
            .map_err(Refusal::Invalid)?;
        Ok(SupportAgreement {
            drafted_from_id: old.drafted_from_id.clone(),
            ..checked
        })
    }
}

impl Drafted for CommitmentDraft {
    type Kind = kind::Commitment;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &SupportAgreement, stamp: Stamp) -> Result<Commitment, Refusal> {
        self.validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(
        &self,
        old: &Commitment,
        _: &SupportAgreement,
        stamp: Stamp,
    ) -> Result<Commitment, Refusal> {
        self.validate(old.id.clone(), stamp.at)
            .map_err(Refusal::Invalid)
    }
}

impl Drafted for DeliveryDraft {
    type Kind = kind::Delivery;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.today, stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &Commitment, stamp: Stamp) -> Result<Delivery, Refusal> {
        self.validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(&self, old: &Delivery, _: &Commitment, stamp: Stamp) -> Result<Delivery, Refusal> {
        self.validate(old.id.clone(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)
    }
}

impl Drafted for ReviewMeetingDraft {
    type Kind = kind::ReviewMeeting;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.today, stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &SupportAgreement, stamp: Stamp) -> Result<ReviewMeeting, Refusal> {
        self.validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(
        &self,
        old: &ReviewMeeting,
        _: &SupportAgreement,
        stamp: Stamp,
    ) -> Result<ReviewMeeting, Refusal> {
        self.validate(old.id.clone(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)
    }
}

/// A new version takes the commitments' wording as it is when it is saved,
/// and the next number; changing one changes only its note and sign-off.
impl Drafted for VersionDraft {
    type Kind = kind::AgreementVersion;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.checked(stamp.today)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(
        &self,
        id: &str,
        agreement: &SupportAgreement,
        stamp: Stamp,
    ) -> Result<AgreementVersion, Refusal> {
        let (note, sign_off) = self.checked(stamp.today).map_err(Refusal::Invalid)?;
        if agreement.commitments.is_empty() {
            return Err(Refusal::Invalid(vec![FieldError::new(
                VERSION_NOTE_FIELD,
                "Add at least one commitment before saving a version",
            )]));
        }
        Ok(AgreementVersion {
            id: id.to_string(),
            number: agreement.next_version_number(),
            source: self.source,
            note,
            terms: agreement.terms(),
            sign_off,
            created_at: stamp.at,
            updated_at: stamp.at,
        })
    }
    fn change(
        &self,
        old: &AgreementVersion,
        _: &SupportAgreement,
        stamp: Stamp,
    ) -> Result<AgreementVersion, Refusal> {
        let (note, sign_off) = self.checked(stamp.today).map_err(Refusal::Invalid)?;
        Ok(AgreementVersion {
            note,
            sign_off,
            ..old.clone()
        })
    }
}

impl Workbook {
    /// Starts an agreement from its form with a commitment for each library
    /// clause named (`(id, clause id)`, in order), noting the assessment it
    /// was drafted from. Refused when the form has errors, the assessment is
    /// gone, a clause is not in the library, or an id is taken.
    pub(crate) fn start_agreement(
        &mut self,
        id: &str,
        draft: &SupportAgreementDraft,
        drafted_from: Option<&str>,
        commitments: &[(String, String)],
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let mut agreement = draft
            .validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)?;
        if let Some(assessment) = drafted_from {
            self.assessment(assessment).ok_or(Refusal::NotFound)?;
        }
        agreement.drafted_from_id = drafted_from.map(str::to_string);
        for (commitment_id, clause_id) in commitments {
            let clause = clauses::clause(clause_id).ok_or(Refusal::NotFound)?;
            let made = CommitmentDraft::from_clause(clause)
                .validate(commitment_id.clone(), stamp.at)
                .map_err(Refusal::Invalid)?;
            agreement.commitments.push(made);
        }
        self.check_new_ids(agreement.commitments.iter().map(|c| c.id.as_str()))?;
        self.put::<kind::SupportAgreement>(None, agreement, None)
    }

    /// Adds an agreement received from the other party (read from their
    /// file, with its ids, so later files match it), stamped made now.
    pub(crate) fn receive_agreement(
        &mut self,
        agreement: &SupportAgreement,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let mut agreement = agreement.clone();
        agreement.created_at = stamp.at;
        agreement.updated_at = stamp.at;
        for c in &mut agreement.commitments {
            c.created_at = stamp.at;
            c.updated_at = stamp.at;
        }
        for v in &mut agreement.versions {
            v.created_at = stamp.at;
            v.updated_at = stamp.at;
        }
        let ids = agreement
            .commitments
            .iter()
            .map(|c| c.id.as_str())
            .chain(agreement.versions.iter().map(|v| v.id.as_str()));
        self.check_new_ids(ids)?;
        self.put::<kind::SupportAgreement>(None, agreement, None)
    }

    /// Keeps the other party's version as received, then makes the
    /// agreement's commitments what `terms` says (their changes accepted or
    /// rejected, `versions::settle`): each one there is reworded (keeping
    /// its delivery records), each new one added under its id, each one left
    /// out deleted (a tombstone kept); and saves that as the next version,
    /// `version_id`. The version received keeps its number when no version
    /// here has it or a later one (else it takes the next).
    pub(crate) fn settle_agreement(
        &mut self,
        agreement_id: &str,
        received: &Received,
        version_id: &str,
        terms: &[Terms],
        note: &str,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let agreement = self
            .find::<kind::SupportAgreement>(agreement_id)
            .ok_or(Refusal::NotFound)?
            .2;
        let mut seen = HashSet::new();
        if terms.iter().any(|t| !seen.insert(t.id.as_str())) {
            return Err(Refusal::DuplicateId);
        }
        let new_ids: Vec<&str> = terms
            .iter()
            .filter(|t| agreement.commitment(&t.id).is_none())
            .map(|t| t.id.as_str())
            .chain([received.id.as_str()])
            .collect();
        self.check_new_ids(new_ids.into_iter())?;
        let agreement = self
            .find::<kind::SupportAgreement>(agreement_id)
            .ok_or(Refusal::NotFound)?
            .2;
        let removed: Vec<String> = agreement
            .commitments
            .iter()
            .filter(|c| !terms.iter().any(|t| t.id == c.id))
            .map(|c| c.id.clone())
            .collect();
        let commitments: Vec<Commitment> = terms
            .iter()
            .map(|t| match agreement.commitment(&t.id) {
                Some(c) if c.terms() == *t => c.clone(),
                Some(c) => {
                    let mut c = c.reworded(t);
                    c.updated_at = stamp.at;
                    c
                }
                None => Commitment::from_terms(t, stamp.at),
            })
            .collect();
        let theirs_number = received.number.max(agreement.next_version_number());
        let version = |id: &str, number, source, note: &str, terms: &[Terms]| AgreementVersion {
            id: id.to_string(),
            number,
            source,
            note: UserText::from(note.trim()),
            terms: terms.to_vec(),
            sign_off: None,
            created_at: stamp.at,
            updated_at: stamp.at,
        };
        let theirs = version(
            &received.id,
            theirs_number,
            VersionSource::Received,
            "",
            &received.terms,
        );
        let settled = version(
            version_id,
            theirs_number + 1,
            VersionSource::Settled,
            note,
            terms,
        );
        self.edit::<kind::SupportAgreement, _>(agreement_id, |a| {
            a.commitments = commitments;
            a.versions.push(theirs);
            a.versions.push(settled);
        })
        .ok_or(Refusal::NotFound)?;
        for id in removed {
            self.bury(
                &id,
                crate::model::workbook::tree::RecordKind::Commitment,
                stamp,
            );
        }
        Ok(())
    }

    /// Refused when any of `ids` is used by a record or tombstone already.
    pub(crate) fn check_new_ids<'a>(
        &self,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<(), Refusal> {
        let in_use: HashSet<&str> = self
            .record_ids()
            .into_iter()
            .chain(self.deleted.iter().map(|t| t.id.as_str()))
            .collect();
        let mut seen = HashSet::new();
        for id in ids {
            if in_use.contains(id) || !seen.insert(id) {
                return Err(Refusal::DuplicateId);
            }
        }
        Ok(())
    }

    /// The support agreements, oldest first; none when the saved section
    /// cannot be read (`support_problem` says why).
    pub fn support_agreements(&self) -> &[SupportAgreement] {
        self.support_agreements.get().map_or(&[], |s| &s.agreements)
    }

    /// Why the saved support agreements cannot be read, if they cannot.
    pub fn support_problem(&self) -> Option<&str> {
        self.support_agreements.problem()
    }

    pub fn support_agreement(&self, id: &str) -> Option<&SupportAgreement> {
        self.support_agreements().iter().find(|a| a.id == id)
    }

    /// The agreement a commitment is in, and the commitment.
    pub fn commitment(&self, id: &str) -> Option<(&SupportAgreement, &Commitment)> {
        self.support_agreements()
            .iter()
            .find_map(|a| Some((a, a.commitment(id)?)))
    }

    /// The agreement and commitment a delivery record is under, and the
    /// record: its page changes it and goes back to the commitment.
    pub fn delivery(&self, id: &str) -> Option<(&SupportAgreement, &Commitment, &Delivery)> {
        self.support_agreements().iter().find_map(|a| {
            a.commitments
                .iter()
                .find_map(|c| Some((a, c, c.deliveries.iter().find(|d| d.id == id)?)))
        })
    }

    /// The agreement a review meeting is in, and the meeting.
    pub fn review_meeting(&self, id: &str) -> Option<(&SupportAgreement, &ReviewMeeting)> {
        self.support_agreements()
            .iter()
            .find_map(|a| Some((a, a.reviews.iter().find(|r| r.id == id)?)))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::agreement::delivery::{attention, DeliveryReport, Standing};
    use crate::model::agreement::versions::{compare, proposed_clauses, settle, Difference};
    use crate::model::agreement::{DeliveryOutcome, Party, SignOffDraft};
    use crate::model::assessment::Rating;
    use crate::model::files::agreement_file::{read_agreement_file, AgreementFile};
    use crate::model::workbook::change::Change;
    use crate::model::workbook::fixtures::an_assessment;
    use crate::model::workbook::tree::RecordKind;

    fn stamp(day: u32, minute: u32) -> Stamp {
        Stamp::on(2027, 4, day, 9, minute)
    }

    fn details() -> SupportAgreementDraft {
        SupportAgreementDraft {
            group_name: "Nene Valley PCN".into(),
            group_lead: "Dr Asha Patel".into(),
            organisation_name: "Northamptonshire ICB".into(),
            organisation_lead: "Jo Smith".into(),
            starts_on: "2027-04-01".into(),
            ends_on: "2028-03-31".into(),
            first_review: "2027-07-01".into(),
            our_side: Party::Group,
        }
    }

    /// A workbook with an assessment rating the budget and escalation
    /// statements weak, and an agreement started from it.
    fn drafted() -> Workbook {
        let mut wb = Workbook::new(stamp(1, 0).at);
        let mut a = an_assessment("assessment-1");
        a.set_rating("support-2", Some(Rating::Level(0)), stamp(1, 0).at);
        a.set_rating("support-6", Some(Rating::Level(1)), stamp(1, 0).at);
        wb.assessments.push(a);
        let proposed: Vec<(String, String)> =
            proposed_clauses(wb.assessment("assessment-1").unwrap())
                .iter()
                .enumerate()
                .map(|(i, c)| (format!("commitment-{i}"), c.id.to_string()))
                .collect();
        wb.apply(
            &Change::StartAgreement {
                id: "support-agreement-1".into(),
                draft: details(),
                drafted_from: Some("assessment-1".into()),
                commitments: proposed,
            },
            stamp(1, 1),
        )
        .unwrap();
        wb
    }

    #[test]
    fn an_agreement_started_from_an_assessment_proposes_its_weak_statements_clauses() {
        let wb = drafted();
        let a = wb.support_agreement("support-agreement-1").unwrap();
        let clauses: Vec<_> = a
            .commitments
            .iter()
            .map(|c| c.clause_id.as_deref().unwrap())
            .collect();
        assert_eq!(clauses, ["indicative-budget", "escalation"]);
        assert_eq!(a.drafted_from_id.as_deref(), Some("assessment-1"));
        assert_eq!(a.commitments[0].when, "By 1 May each year");
        assert_eq!(*a.commitments[0].created_at, *stamp(1, 1).at);

        // Refused: a missing party, an end before the start, a clause not in
        // the library, an assessment that is gone.
        let mut wb = Workbook::new(stamp(1, 0).at);
        let mut bad = details();
        bad.organisation_name = "  ".into();
        bad.ends_on = "2027-03-01".into();
        let start = |draft: SupportAgreementDraft, from: Option<&str>, clause: &str| {
            Change::StartAgreement {
                id: "support-agreement-2".into(),
                draft,
                drafted_from: from.map(str::to_string),
                commitments: vec![("commitment-9".into(), clause.into())],
            }
        };
        match wb.apply(&start(bad, None, "escalation"), stamp(1, 2)) {
            Err(Refusal::Invalid(errors)) => {
                let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
                assert_eq!(fields, ["organisation-name", "ends-on"]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            wb.apply(&start(details(), None, "no-such-clause"), stamp(1, 2)),
            Err(Refusal::NotFound)
        );
        assert_eq!(
            wb.apply(&start(details(), Some("gone"), "escalation"), stamp(1, 2)),
            Err(Refusal::NotFound)
        );
        assert!(wb.support_agreements().is_empty());
    }

    /// The group drafts and sends v1; the organisation receives it, rewords
    /// one commitment, takes one out, adds one and sends v2; the group
    /// accepts two of the three changes and rejects one, saving v3, which
    /// both mark agreed.
    #[test]
    fn a_round_trip_between_the_two_parties_settles_clause_by_clause() {
        let mut group = drafted();
        group
            .apply(
                &Change::Add {
                    id: "version-1".into(),
                    under: Some("support-agreement-1".into()),
                    draft: VersionDraft {
                        note: "For comment".into(),
                        source: VersionSource::Ours,
                        sign_off: None,
                    }
                    .into(),
                },
                stamp(2, 0),
            )
            .unwrap();
        let a = group.support_agreement("support-agreement-1").unwrap();
        assert_eq!(a.versions[0].number, 1);
        assert!(a.matches_latest_version());
        let sent = AgreementFile::of(a, &a.versions[0], stamp(2, 1).at).to_json();

        // The organisation's workbook.
        let mut organisation = Workbook::new(stamp(3, 0).at);
        let received = read_agreement_file(&sent).unwrap();
        organisation
            .apply(
                &Change::ReceiveAgreement(Box::new(
                    received.into_agreement("version-theirs-1".into(), stamp(3, 1).at),
                )),
                stamp(3, 1),
            )
            .unwrap();
        let theirs = organisation
            .support_agreement("support-agreement-1")
            .unwrap();
        assert_eq!(theirs.our_side, Party::Organisation);
        let budget = theirs.commitments[0].id.clone();
        let escalation = theirs.commitments[1].id.clone();
        let mut reworded = CommitmentDraft::of(&theirs.commitments[0]);
        reworded.when = "By 30 April each year".into();
        reworded.due = "2027-04-30".into();
        organisation
            .apply(&Change::update(&budget, reworded), stamp(3, 2))
            .unwrap();
        organisation
            .apply(
                &Change::delete(RecordKind::Commitment, &escalation),
                stamp(3, 3),
            )
            .unwrap();
        let added = CommitmentDraft::from_clause(clauses::clause("review-meetings").unwrap());
        organisation
            .apply(
                &Change::Add {
                    id: "commitment-reviews".into(),
                    under: Some("support-agreement-1".into()),
                    draft: added.into(),
                },
                stamp(3, 4),
            )
            .unwrap();
        organisation
            .apply(
                &Change::Add {
                    id: "version-theirs-2".into(),
                    under: Some("support-agreement-1".into()),
                    draft: VersionDraft {
                        note: "Our changes".into(),
                        source: VersionSource::Ours,
                        sign_off: None,
                    }
                    .into(),
                },
                stamp(3, 5),
            )
            .unwrap();
        let theirs = organisation
            .support_agreement("support-agreement-1")
            .unwrap();
        let v2 = theirs.latest_version().unwrap();
        assert_eq!(v2.number, 2, "numbers carry on from the version received");
        let reply = AgreementFile::of(theirs, v2, stamp(3, 6).at).to_json();

        // Back with the group: three differences, clause by clause.
        let reply = read_agreement_file(&reply).unwrap();
        let ours = group.support_agreement("support-agreement-1").unwrap();
        let differences = compare(&ours.terms(), &reply.commitments);
        assert_eq!(differences.len(), 3);
        assert!(
            matches!(&differences[0], Difference::Changed { id, changes, .. }
            if *id == budget && changes.len() == 2)
        );
        assert!(matches!(&differences[1], Difference::Removed(t) if t.id == escalation));
        assert!(matches!(&differences[2], Difference::Added(t) if t.id == "commitment-reviews"));
        // Accept the rewording and the review meetings; reject taking out escalation.
        let settled = settle(
            &ours.terms(),
            &differences,
            &[&budget, "commitment-reviews"],
        );
        group
            .apply(
                &Change::SettleAgreement {
                    agreement: "support-agreement-1".into(),
                    received: Box::new(Received {
                        id: "version-2".into(),
                        number: reply.version_number,
                        terms: reply.commitments.clone(),
                    }),
                    version: "version-3".into(),
                    terms: settled.clone(),
                    note: "Their v2: 2 accepted, 1 rejected".into(),
                },
                stamp(4, 0),
            )
            .unwrap();
        let a = group.support_agreement("support-agreement-1").unwrap();
        let numbers: Vec<_> = a.versions.iter().map(|v| (v.number, v.source)).collect();
        assert_eq!(
            numbers,
            [
                (1, VersionSource::Ours),
                (2, VersionSource::Received),
                (3, VersionSource::Settled)
            ]
        );
        assert_eq!(
            a.versions[1].terms, reply.commitments,
            "their version kept as sent"
        );
        assert_eq!(a.terms(), settled);
        assert_eq!(a.commitments[0].when, "By 30 April each year");
        assert_eq!(
            a.commitments[1].id, escalation,
            "kept: taking it out was rejected"
        );
        assert_eq!(
            a.commitments[2].clause_id.as_deref(),
            Some("review-meetings")
        );
        assert!(a.matches_latest_version());

        // Both sign v3, with names and dates typed.
        let sign = VersionDraft {
            note: "Agreed at the April board".into(),
            source: VersionSource::Settled,
            sign_off: Some(SignOffDraft {
                group_name: "Dr Asha Patel".into(),
                group_on: "2027-04-04".into(),
                organisation_name: "Jo Smith".into(),
                organisation_on: "2027-04-04".into(),
            }),
        };
        group
            .apply(&Change::update("version-3", sign), stamp(4, 1))
            .unwrap();
        let a = group.support_agreement("support-agreement-1").unwrap();
        assert_eq!(a.agreed_version().unwrap().number, 3);
        assert_eq!(
            a.agreed_version().unwrap().terms,
            settled,
            "signing keeps the wording"
        );
    }

    #[test]
    fn a_settlement_that_drops_a_commitment_leaves_a_tombstone_and_keeps_delivery_records() {
        let mut wb = drafted();
        let a = wb.support_agreement("support-agreement-1").unwrap();
        let (budget, escalation) = (a.commitments[0].clone(), a.commitments[1].clone());
        wb.apply(
            &Change::Add {
                id: "delivery-1".into(),
                under: Some(budget.id.clone()),
                draft: DeliveryDraft {
                    due_on: "2027-04-01".into(),
                    outcome: Some(DeliveryOutcome::OnTime),
                    delivered_on: "2027-04-01".into(),
                    note: String::new(),
                }
                .into(),
            },
            stamp(2, 0),
        )
        .unwrap();
        let mut terms = vec![budget.terms()];
        terms[0].what = "The budget, with a breakdown".into();
        wb.apply(
            &Change::SettleAgreement {
                agreement: "support-agreement-1".into(),
                received: Box::new(Received {
                    id: "version-theirs".into(),
                    number: 1,
                    terms: terms.clone(),
                }),
                version: "version-1".into(),
                terms,
                note: String::new(),
            },
            stamp(3, 0),
        )
        .unwrap();
        let a = wb.support_agreement("support-agreement-1").unwrap();
        assert_eq!(a.commitments.len(), 1);
        assert_eq!(
            a.commitments[0].deliveries.len(),
            1,
            "delivery records kept"
        );
        assert_eq!(*a.commitments[0].updated_at, *stamp(3, 0).at);
        assert!(wb.was_deleted(&escalation.id));
        // A new commitment under an id in use is refused, changing nothing.
        let before = wb.clone();
        let mut clash = budget.terms();
        clash.id = "assessment-1".into();
        assert_eq!(
            wb.apply(
                &Change::SettleAgreement {
                    agreement: "support-agreement-1".into(),
                    received: Box::new(Received {
                        id: "version-theirs-2".into(),
                        number: 2,
                        terms: vec![clash.clone()],
                    }),
                    version: "version-2".into(),
                    terms: vec![clash],
                    note: String::new(),
                },
                stamp(3, 1),
            ),
            Err(Refusal::DuplicateId)
        );
        assert_eq!(wb, before);
    }

    #[test]
    fn late_undelivered_and_unrecorded_commitments_and_the_next_review_need_attention() {
        let mut wb = drafted();
        let a = wb.support_agreement("support-agreement-1").unwrap();
        let (budget, escalation) = (a.commitments[0].id.clone(), a.commitments[1].id.clone());
        let mut dated = CommitmentDraft::of(&a.commitments[1]);
        dated.due = "2027-05-01".into();
        wb.apply(&Change::update(&escalation, dated), stamp(2, 0))
            .unwrap();
        let record = |outcome, came: &str| DeliveryDraft {
            due_on: "2027-05-01".into(),
            outcome: Some(outcome),
            delivered_on: came.into(),
            note: String::new(),
        };
        // Delivered on time but dated after the day due: refused, saying which to choose.
        match wb.apply(
            &Change::add(Some(&budget), record(DeliveryOutcome::OnTime, "2027-05-03")),
            Stamp::on(2027, 5, 20, 9, 0),
        ) {
            Err(Refusal::Invalid(e)) => assert!(e[0].message.contains("Delivered late"), "{e:?}"),
            other => panic!("{other:?}"),
        }
        wb.apply(
            &Change::add(Some(&budget), record(DeliveryOutcome::Late, "2027-05-03")),
            Stamp::on(2027, 5, 20, 9, 0),
        )
        .unwrap();
        let today = NaiveDate::from_ymd_opt(2027, 7, 2).unwrap();
        let a = wb.support_agreement("support-agreement-1").unwrap();
        let needs = attention(a, today);
        assert_eq!(needs.commitments.len(), 2);
        assert_eq!(needs.commitments[0].number, 1);
        assert_eq!(
            needs.commitments[0].standing,
            Standing::Recorded(DeliveryOutcome::Late)
        );
        assert!(matches!(
            needs.commitments[1].standing,
            Standing::PastDueUnrecorded(_)
        ));
        assert_eq!(
            needs.next_review.map(|d| d.to_string()),
            Some("2027-07-01".into())
        );
        assert!(needs.review_overdue);

        // A review meeting sets the next one; the report counts each record.
        wb.apply(
            &Change::add(
                Some("support-agreement-1"),
                ReviewMeetingDraft {
                    held_on: "2027-07-02".into(),
                    attendees: "Both leads".into(),
                    decided: "Budget letter to come earlier".into(),
                    next_review: "2027-10-01".into(),
                },
            ),
            Stamp::on(2027, 7, 2, 12, 0),
        )
        .unwrap();
        let a = wb.support_agreement("support-agreement-1").unwrap();
        let needs = attention(a, today);
        assert_eq!(
            needs.next_review.map(|d| d.to_string()),
            Some("2027-10-01".into())
        );
        assert!(!needs.review_overdue);
        let report = DeliveryReport::of(a, today);
        assert_eq!(
            (report.on_time, report.late, report.not_delivered),
            (0, 1, 0)
        );
        assert_eq!(report.on_time_percent(), Some(0));
        assert_eq!(
            report.lines[1].standing.label(),
            "Past its date, nothing recorded"
        );
    }

    #[test]
    fn a_delivery_record_and_a_review_meeting_are_found_by_id_with_what_they_are_under() {
        let mut wb = drafted();
        let budget = wb
            .support_agreement("support-agreement-1")
            .unwrap()
            .commitments[0]
            .id
            .clone();
        let record = Change::add(
            Some(&budget),
            DeliveryDraft {
                due_on: "2027-05-01".into(),
                outcome: Some(DeliveryOutcome::NotDelivered),
                delivered_on: String::new(),
                note: "No letter".into(),
            },
        );
        let delivery_id = record.created_id().unwrap().to_string();
        wb.apply(&record, Stamp::on(2027, 5, 20, 9, 0)).unwrap();
        let meeting = Change::add(
            Some("support-agreement-1"),
            ReviewMeetingDraft {
                held_on: "2027-05-20".into(),
                attendees: String::new(),
                decided: "Write to the director".into(),
                next_review: String::new(),
            },
        );
        let meeting_id = meeting.created_id().unwrap().to_string();
        wb.apply(&meeting, Stamp::on(2027, 5, 20, 10, 0)).unwrap();

        let (a, c, d) = wb.delivery(&delivery_id).unwrap();
        assert_eq!(
            (a.id.as_str(), c.id.as_str(), d.note.as_ref()),
            ("support-agreement-1", budget.as_str(), "No letter")
        );
        let (a, r) = wb.review_meeting(&meeting_id).unwrap();
        assert_eq!(
            (a.id.as_str(), r.decided.as_ref()),
            ("support-agreement-1", "Write to the director")
        );
        // Neither finds the other kind, nor a record once it is deleted.
        assert!(wb.delivery(&meeting_id).is_none());
        assert!(wb.review_meeting(&delivery_id).is_none());
        wb.apply(
            &Change::delete(RecordKind::Delivery, &delivery_id),
            Stamp::on(2027, 5, 21, 9, 0),
        )
        .unwrap();
        assert!(wb.delivery(&delivery_id).is_none());
    }

    #[test]
    fn a_commitment_deleted_comes_back_with_undo_and_agreements_merge_by_id() {
        let mut wb = drafted();
        let id = wb
            .support_agreement("support-agreement-1")
            .unwrap()
            .commitments[1]
            .id
            .clone();
        let before = wb.clone();
        let applied = wb
            .apply(&Change::delete(RecordKind::Commitment, &id), stamp(2, 0))
            .unwrap();
        assert_eq!(wb.support_agreements()[0].commitments.len(), 1);
        wb.apply(&applied.undo.unwrap(), stamp(2, 1)).unwrap();
        assert_eq!(wb.support_agreements(), before.support_agreements());

        // Another copy rewords a commitment; merged in, the newer wording wins.
        let mut other = before.clone();
        let mut reworded = CommitmentDraft::of(&other.support_agreements()[0].commitments[0]);
        reworded.provider = "Chief finance officer".into();
        let first = other.support_agreements()[0].commitments[0].id.clone();
        other
            .apply(&Change::update(&first, reworded), stamp(5, 0))
            .unwrap();
        let mut merged = before.clone();
        merged
            .apply(
                &Change::MergeBackup {
                    incoming: Box::new(other),
                    merge: crate::model::workbook::merge::MergeRun::by_record_id(),
                },
                stamp(6, 0),
            )
            .unwrap();
        assert_eq!(
            merged.support_agreements()[0].commitments[0].provider,
            "Chief finance officer"
        );
    }
}
