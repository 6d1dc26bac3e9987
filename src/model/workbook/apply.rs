//! The dispatcher: `Workbook::apply` takes one named change to the operation
//! of its area (`ops/`), or refuses it and changes nothing, and returns what
//! it did (`Applied`: the change that undoes it, a merge's report).
//!
//! Each area's pages apply their changes through a dispatcher of their own
//! (`Dispatcher::of`, `Workbook::apply_in`): the same rules for the kinds of
//! record that area changes, and a refusal for any other. Why: the module is
//! cut into a part per area (`ui/pages/areas.rs`), and a part holds the code
//! its functions can reach; one dispatcher for every change put the code of
//! every area's operations into each area's part.

use crate::model::workbook::change::{Applied, Change, Refusal, Stamp, Target};
use crate::model::workbook::records::{has_kind, AllKinds, KindSet};
use crate::model::workbook::tree::{RecordKind, Workbook};

/// Whether the kinds of `S` include `kind`, as the code is compiled.
macro_rules! handles {
    ($set:ident, $kind:ident) => {
        const { has_kind($set::KINDS, RecordKind::$kind) }
    };
}

/// A dispatcher for one area's changes: `Workbook::apply_in` for that area's
/// kinds of record, named (for tests and messages). Kept with each change
/// not yet saved (`sync::Pending`), so a replay over another tab's save
/// goes through the dispatcher the change was made with.
#[derive(Clone, Copy)]
pub struct Dispatcher {
    name: &'static str,
    apply: fn(&mut Workbook, &Change, Stamp) -> Result<Applied, Refusal>,
}

impl Dispatcher {
    /// Every change there is (Your data, the banners' Undo, the tests).
    pub fn every_change() -> Self {
        Self::of::<AllKinds>()
    }

    /// The changes to records of the kinds of `S`.
    pub(crate) fn of<S: KindSet>() -> Self {
        Dispatcher {
            name: std::any::type_name::<S>(),
            apply: Workbook::apply_in::<S>,
        }
    }

    pub fn apply(
        self,
        workbook: &mut Workbook,
        change: &Change,
        stamp: Stamp,
    ) -> Result<Applied, Refusal> {
        (self.apply)(workbook, change, stamp)
    }
}

impl PartialEq for Dispatcher {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl std::fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name.rsplit("::").next().unwrap_or(self.name))
    }
}

impl Workbook {
    /// Applies one change, or refuses it and changes nothing. The undo is
    /// worked out before the change is made (what a deletion takes away is
    /// gone after it); operations refuse before changing anything, so a
    /// refused change needs no undo.
    ///
    /// The bookkeeping every change shares happens here, by one rule (see
    /// `records`): a change that makes a record carries an id no record or
    /// tombstone has; a record made is stamped made and changed at the
    /// change's moment (`places::add_drafted`, and each area's own way of
    /// making one); a record whose own fields change is stamped changed;
    /// what it sits under is left as it is; the workbook is stamped changed.
    pub fn apply(&mut self, change: &Change, stamp: Stamp) -> Result<Applied, Refusal> {
        self.apply_in::<AllKinds>(change, stamp)
    }

    /// `apply` for changes to records of the kinds of `S` only; any other
    /// change is refused (`Refusal::NotFromThisPage`) and changes nothing.
    /// Settling a merge's conflicts, which may be about any kind, needs
    /// every kind (`AllKinds`).
    pub(crate) fn apply_in<S: KindSet>(
        &mut self,
        change: &Change,
        stamp: Stamp,
    ) -> Result<Applied, Refusal> {
        let target = change.target();
        if let Target::Makes { id, .. } = target {
            if self.id_in_use(id) {
                return Err(Refusal::DuplicateId);
            }
        }
        let every_kind = const { S::KINDS.len() == RecordKind::ALL.len() };
        let undo = self.undo_for_in::<S>(change);
        let mut merge_report = None;
        let done = match change {
            Change::Add { id, under, draft } => {
                self.add_drafted::<S>(id, under.as_deref(), draft, stamp)
            }
            Change::Update { id, draft } => self.update_drafted::<S>(id, draft, stamp),
            Change::Delete { kind, id } => self.delete::<S>(*kind, id, stamp),
            Change::Undelete(deleted) => self.undelete::<S>(deleted),
            Change::SetRating {
                assessment_id,
                statement_id,
                rating,
            } if handles!(S, Assessment) => self.edit_assessment(assessment_id, |a| {
                a.set_rating(statement_id, *rating, stamp.at)
            }),
            Change::SetEvidence {
                assessment_id,
                statement_id,
                text,
            } if handles!(S, Assessment) => self.edit_assessment(assessment_id, |a| {
                a.set_evidence(statement_id, text, stamp.at)
            }),
            Change::SetFlagged {
                assessment_id,
                statement_id,
                flagged,
            } if handles!(S, Assessment) => self.edit_assessment(assessment_id, |a| {
                a.set_flagged(statement_id, *flagged, stamp.at)
            }),
            Change::SetImportance {
                assessment_id,
                domain_id,
                importance,
            } if handles!(S, Assessment) => {
                self.set_importance(assessment_id, domain_id, *importance, stamp)
            }
            Change::ImportPartnerAssessment { id, assessment }
                if handles!(S, PartnerAssessment) =>
            {
                self.import_partner_assessment(id, assessment)
            }
            Change::AddGoal { id, place, draft } if handles!(S, Goal) => {
                self.add_goal(id, place, draft, stamp)
            }
            Change::AddGoalFromStatement {
                id,
                place,
                assessment_id,
                statement_id,
                title,
            } if handles!(S, Goal) => {
                self.add_goal_from_statement(id, place, assessment_id, statement_id, title, stamp)
            }
            Change::CombinePlans { into, from } if handles!(S, Plan) => {
                self.combine_plans(into, from, stamp)
            }
            Change::UncombinePlans(combined) if handles!(S, Plan) => self.uncombine_plans(combined),
            Change::SetGoalStatus { id, status } if handles!(S, Goal) => {
                self.set_goal_status(id, *status)
            }
            Change::SetActionDone { id, done } if handles!(S, Action) => {
                self.set_action_done(id, *done, stamp)
            }
            Change::SetMilestoneDone { id, done } if handles!(S, Milestone) => {
                self.set_milestone_done(id, done.as_deref(), stamp)
            }
            Change::AddGoalFromAgreement {
                id,
                place,
                agreement_id,
            } if handles!(S, Goal) => self.add_goal_from_agreement(id, place, agreement_id, stamp),
            Change::TakeInMembers { round, members } if handles!(S, GroupMember) => {
                self.take_in_members(round, members, stamp)
            }
            Change::SetRoundMembers { round, members } if handles!(S, GroupMember) => {
                self.set_round_members(round, members)
            }
            Change::StartAgreement {
                id,
                draft,
                drafted_from,
                commitments,
            } if handles!(S, SupportAgreement) => {
                self.start_agreement(id, draft, drafted_from.as_deref(), commitments, stamp)
            }
            Change::ReceiveAgreement(agreement) if handles!(S, SupportAgreement) => {
                self.receive_agreement(agreement, stamp)
            }
            Change::ReceiveBusinessCase(case) if handles!(S, BusinessCase) => {
                self.receive_business_case(case, stamp)
            }
            Change::SettleAgreement {
                agreement,
                received,
                version,
                terms,
                note,
            } if handles!(S, SupportAgreement) => {
                self.settle_agreement(agreement, received, version, terms, note, stamp)
            }
            // The merge is carried by the change (`MergeRun`), so it costs
            // a dispatcher nothing.
            Change::MergeBackup { incoming, merge } => {
                let outcome = merge.run(self, incoming, stamp.at);
                *self = outcome.workbook;
                merge_report = Some(outcome.report);
                Ok(())
            }
            Change::ResolveConflict {
                id,
                use_other: true,
            } if every_kind => self.resolve_conflict_use_other(id, stamp.at),
            Change::ResolveConflict {
                id,
                use_other: false,
            } if every_kind => self.resolve_conflict_keep_current(id),
            Change::ResolveConflictFields { id, take } if every_kind => {
                self.resolve_conflict_fields(id, take, stamp)
            }
            Change::NoteBackup => self.note_backup(stamp),
            Change::SetBackupReminder { days } => self.set_backup_reminder(*days),
            _ => Err(Refusal::NotFromThisPage),
        };
        done?;
        if let Target::Changes { kind, id } = target {
            self.touch::<S>(kind, id, *stamp.at);
        }
        // The workbook's `updated_at` is the moment of its last change of any
        // kind. Noting a backup changes nothing the user entered, so it does
        // not count (the backup reminder relies on that).
        if !matches!(change, Change::NoteBackup) {
            self.updated_at = stamp.at;
        }
        Ok(Applied { undo, merge_report })
    }

    /// True when some record already uses `id`.
    pub(crate) fn id_in_use(&self, id: &str) -> bool {
        self.holds(id) || self.was_deleted(id)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::assessment::Role;
    use crate::model::assessment::{Assessment, AssessmentDraft, Rating};
    use crate::model::common::saved_dates::Day;
    use crate::model::plan::GOAL_TITLE_FIELD;
    use crate::model::plan::{ActionDraft, EvidenceDraft, GoalDraft, GoalOrigin};
    use crate::model::workbook::change::GoalPlace;
    use crate::model::workbook::document::{RecordKind, Tombstone};
    use crate::model::workbook::ops::assessment::PartnerImport;

    pub(crate) fn stamp(minute: u32) -> Stamp {
        Stamp::on(2026, 11, 24, 9, minute)
    }

    fn draft() -> AssessmentDraft {
        AssessmentDraft {
            partnership: "East Kent".into(),
            clinical_area: "Respiratory".into(),
            role: Some(Role::Clinician),
            date: "2026-11-24".into(),
        }
    }

    fn with_assessment() -> Workbook {
        let mut wb = Workbook::new(stamp(0).at);
        wb.apply(
            &Change::Add {
                id: "a1".into(),
                under: None,
                draft: (draft()).into(),
            },
            stamp(1),
        )
        .unwrap();
        wb
    }

    #[test]
    fn starting_an_assessment_validates_and_stamps() {
        let mut wb = Workbook::new(stamp(0).at);
        let refused = wb.apply(&Change::add(None, AssessmentDraft::default()), stamp(1));
        assert!(matches!(refused, Err(Refusal::Invalid(ref e)) if e.len() == 3));
        assert!(wb.assessments.is_empty());
        assert_eq!(
            wb.updated_at,
            stamp(0).at,
            "a refused change changes nothing"
        );

        let start = Change::add(None, draft());
        wb.apply(&start, stamp(2)).unwrap();
        assert_eq!(wb.assessments.len(), 1);
        assert_eq!(start.created_id(), Some(wb.assessments[0].id.as_str()));
        assert!(wb.assessments[0].id.starts_with("assessment-"));
        assert_eq!(wb.assessments[0].created_at, stamp(2).at);
        assert_eq!(wb.updated_at, stamp(2).at);
    }

    #[test]
    fn answers_are_set_through_named_changes() {
        let mut wb = with_assessment();
        let set = |statement: &str, rating| Change::SetRating {
            assessment_id: "a1".into(),
            statement_id: statement.into(),
            rating,
        };
        wb.apply(&set("power-1", Some(Rating::Level(3))), stamp(2))
            .unwrap();
        wb.apply(
            &Change::SetEvidence {
                assessment_id: "a1".into(),
                statement_id: "power-1".into(),
                text: "Board minutes".into(),
            },
            stamp(3),
        )
        .unwrap();
        wb.apply(
            &Change::SetFlagged {
                assessment_id: "a1".into(),
                statement_id: "trust-1".into(),
                flagged: true,
            },
            stamp(4),
        )
        .unwrap();
        let a = wb.assessment("a1").unwrap();
        assert_eq!(a.level("power-1"), Some(3));
        assert_eq!(a.answer("power-1").unwrap().evidence, "Board minutes");
        assert!(a.is_flagged("trust-1"));
        assert_eq!(a.updated_at, stamp(4).at);
        assert_eq!(wb.updated_at, stamp(4).at);

        assert_eq!(
            wb.apply(&set("power-1", None), stamp(5)).err(),
            None,
            "clearing a rating is a change too"
        );
        let missing = Change::SetRating {
            assessment_id: "nope".into(),
            statement_id: "power-1".into(),
            rating: None,
        };
        assert_eq!(wb.apply(&missing, stamp(6)), Err(Refusal::NotFound));
    }

    #[test]
    fn importance_must_be_on_its_scale() {
        let mut wb = with_assessment();
        let set = |v| Change::SetImportance {
            assessment_id: "a1".into(),
            domain_id: "power".into(),
            importance: v,
        };
        assert_eq!(wb.apply(&set(Some(4)), stamp(2)), Err(Refusal::OutOfRange));
        wb.apply(&set(Some(3)), stamp(3)).unwrap();
        assert_eq!(wb.assessment("a1").unwrap().importance_of("power"), Some(3));
        wb.apply(&set(None), stamp(4)).unwrap();
        assert_eq!(wb.assessment("a1").unwrap().importance_of("power"), None);
    }

    #[test]
    fn a_goal_needs_a_title_and_gets_a_random_id_and_times() {
        let mut wb = Workbook::new(stamp(0).at);
        let refused = wb.apply(&Change::add_goal(None, GoalDraft::default()), stamp(1));
        match refused {
            Err(Refusal::Invalid(errors)) => assert_eq!(errors[0].field, GOAL_TITLE_FIELD),
            other => panic!("expected invalid, got {other:?}"),
        }
        let draft = GoalDraft {
            title: "Chair the programme board".into(),
            ..Default::default()
        };
        wb.apply(&Change::add_goal(None, draft.clone()), stamp(2))
            .unwrap();
        wb.apply(&Change::add_goal(None, draft), stamp(3)).unwrap();
        let goals = &wb.plans()[0].goals;
        assert_eq!(goals.len(), 2);
        assert_ne!(goals[0].id, goals[1].id);
        assert_eq!(goals[0].created_at, stamp(2).at);
        assert_eq!(goals[0].updated_at, stamp(2).at);
    }

    #[test]
    fn a_statement_becomes_a_goal_once() {
        let mut wb = with_assessment();
        wb.apply(
            &Change::SetRating {
                assessment_id: "a1".into(),
                statement_id: "power-1".into(),
                rating: Some(Rating::Level(1)),
            },
            stamp(2),
        )
        .unwrap();
        // The title is the user's (the page suggests one they can change);
        // where the goal came from is its link to the statement, and nothing
        // is written into the goal's own fields for them.
        let first = Change::add_goal_from_statement(
            None,
            "a1",
            "power-1",
            "  Get clinicians' views heard at the board  ",
        );
        wb.apply(&first, stamp(3)).unwrap();
        let goal = &wb.plans()[0].goals[0];
        assert_eq!(goal.title, "Get clinicians' views heard at the board");
        assert_eq!(goal.learning_need, "");
        assert_eq!(goal.detail, "");
        assert_eq!(
            goal.origin,
            Some(GoalOrigin {
                assessment_id: "a1".into(),
                statement_id: "power-1".into()
            })
        );
        assert!(wb.statement_is_in_plan("a1", "power-1"));

        assert_eq!(
            wb.apply(
                &Change::add_goal_from_statement(None, "a1", "power-1", "Again"),
                stamp(4)
            ),
            Err(Refusal::AlreadyInPlan)
        );
        assert_eq!(
            wb.apply(
                &Change::add_goal_from_statement(None, "a1", "no-such", "A goal"),
                stamp(4)
            ),
            Err(Refusal::UnknownStatement)
        );
        assert_eq!(
            wb.apply(
                &Change::add_goal_from_statement(None, "zz", "power-1", "A goal"),
                stamp(4)
            ),
            Err(Refusal::NotFound)
        );
        // A goal needs a title, as any goal does; nothing is added without one.
        let Err(Refusal::Invalid(errors)) = wb.apply(
            &Change::add_goal_from_statement(None, "a1", "power-2", "   "),
            stamp(4),
        ) else {
            panic!("a goal with no title is refused");
        };
        assert_eq!(errors[0].field, GOAL_TITLE_FIELD);
        assert!(!wb.statement_is_in_plan("a1", "power-2"));
        // Once the goal is removed, the statement can become a goal again.
        let id = wb.plans()[0].goals[0].id.clone();
        wb.apply(
            &Change::Delete {
                kind: RecordKind::Goal,
                id,
            },
            stamp(5),
        )
        .unwrap();
        wb.apply(
            &Change::add_goal_from_statement(None, "a1", "power-1", "Be heard"),
            stamp(6),
        )
        .unwrap();
    }

    #[test]
    fn deleting_leaves_a_tombstone_and_ids_are_never_reused() {
        let mut wb = with_assessment();
        let add = Change::AddGoal {
            id: "g1".into(),
            place: GoalPlace::CurrentOrNew("p1".into()),
            draft: GoalDraft {
                title: "Goal".into(),
                ..Default::default()
            },
        };
        wb.apply(&add, stamp(2)).unwrap();
        assert_eq!(wb.apply(&add, stamp(3)), Err(Refusal::DuplicateId));
        wb.apply(
            &Change::Delete {
                kind: RecordKind::Goal,
                id: "g1".into(),
            },
            stamp(4),
        )
        .unwrap();
        assert!(wb.plans()[0].goals.is_empty());
        assert_eq!(
            wb.deleted,
            vec![Tombstone {
                id: "g1".into(),
                kind: RecordKind::Goal,
                deleted_at: stamp(4).at
            }]
        );
        assert_eq!(
            wb.apply(
                &Change::Delete {
                    kind: RecordKind::Goal,
                    id: "g1".into()
                },
                stamp(5)
            ),
            Err(Refusal::NotFound)
        );
        assert_eq!(
            wb.apply(&add, stamp(6)),
            Err(Refusal::DuplicateId),
            "a deleted record's id is not brought back"
        );

        wb.apply(
            &Change::Delete {
                kind: RecordKind::Assessment,
                id: "a1".into(),
            },
            stamp(7),
        )
        .unwrap();
        assert!(wb.assessments.is_empty());
        assert_eq!(wb.deleted[1].kind, RecordKind::Assessment);
    }

    /// A partner's assessment as read from their file: their own id and times.
    fn partners(updated_minute: u32) -> Assessment {
        let mut theirs = AssessmentDraft {
            role: Some(Role::Manager),
            ..draft()
        }
        .validate("their-id".into(), stamp(0).today, stamp(0).at)
        .unwrap();
        theirs.updated_at = stamp(updated_minute).at;
        theirs
    }

    #[test]
    fn partner_assessments_are_imported_under_our_own_id_and_removed_with_a_tombstone() {
        let mut wb = with_assessment();
        assert_eq!(wb.partner_import(&partners(1)), PartnerImport::New);
        wb.apply(&Change::import_partner_assessment(partners(1)), stamp(2))
            .unwrap();
        let id = wb.partner_assessments[0].id.clone();
        assert!(id.starts_with("partner-"));
        assert_eq!(
            wb.partner_assessments[0].original_id.as_deref(),
            Some("their-id")
        );
        wb.apply(
            &Change::Delete {
                kind: RecordKind::PartnerAssessment,
                id: id.clone(),
            },
            stamp(3),
        )
        .unwrap();
        assert!(wb.partner_assessments.is_empty());
        assert!(wb.was_deleted(&id));
    }

    #[test]
    fn own_assessments_and_copies_already_imported_are_refused_and_newer_copies_replace() {
        let mut wb = with_assessment();
        let own = wb.assessment("a1").unwrap().clone();
        assert_eq!(wb.partner_import(&own), PartnerImport::Own);
        let mut same_id_other_record = own.clone();
        same_id_other_record.created_at = stamp(30).at;
        assert_eq!(
            wb.partner_import(&same_id_other_record),
            PartnerImport::New,
            "an old-style id shared by chance is not taken for ours"
        );
        assert_eq!(
            wb.apply(&Change::import_partner_assessment(own), stamp(2)),
            Err(Refusal::OwnAssessment)
        );

        wb.apply(&Change::import_partner_assessment(partners(5)), stamp(6))
            .unwrap();
        let ours = wb.partner_assessments[0].id.clone();
        assert_eq!(wb.partner_import(&partners(5)), PartnerImport::Same);
        assert_eq!(
            wb.apply(&Change::import_partner_assessment(partners(5)), stamp(7)),
            Err(Refusal::AlreadyImported)
        );
        assert_eq!(wb.partner_import(&partners(4)), PartnerImport::Older);
        assert_eq!(
            wb.apply(&Change::import_partner_assessment(partners(4)), stamp(7)),
            Err(Refusal::AlreadyImported)
        );

        let mut newer = partners(9);
        newer.set_rating("power-1", Some(Rating::Level(4)), stamp(9).at);
        assert_eq!(
            wb.partner_import(&newer),
            PartnerImport::Newer {
                existing_id: ours.clone()
            }
        );
        wb.apply(&Change::import_partner_assessment(newer), stamp(10))
            .unwrap();
        assert_eq!(wb.partner_assessments.len(), 1, "replaced, not added");
        assert_eq!(wb.partner_assessments[0].id, ours, "our id is kept");
        assert_eq!(wb.partner_assessments[0].level("power-1"), Some(4));
    }

    #[test]
    fn an_assessments_details_can_be_changed_with_the_same_rules_as_starting_one() {
        let mut wb = with_assessment();
        let mut changed = AssessmentDraft::of(wb.assessment("a1").unwrap());
        changed.partnership = "East Kent and Swale".into();
        changed.role = Some(Role::Other);
        changed.date = "2026-10-01".into();
        wb.apply(
            &Change::Update {
                id: "a1".into(),
                draft: (changed.clone()).into(),
            },
            stamp(3),
        )
        .unwrap();
        let a = wb.assessment("a1").unwrap();
        assert_eq!(a.partnership, "East Kent and Swale");
        assert_eq!(a.role, Role::Other);
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
        assert_eq!(a.updated_at, stamp(3).at);
        assert_eq!(a.created_at, stamp(1).at);

        changed.partnership = "  ".into();
        assert!(matches!(
            wb.apply(
                &Change::Update {
                    id: "a1".into(),
                    draft: changed.into()
                },
                stamp(4)
            ),
            Err(Refusal::Invalid(_))
        ));
        assert_eq!(
            wb.assessment("a1").unwrap().partnership,
            "East Kent and Swale"
        );
    }

    #[test]
    fn a_goal_can_be_changed_and_an_overdue_date_kept_but_not_newly_set_in_the_past() {
        let mut wb = with_assessment();
        wb.apply(
            &Change::add_goal_from_statement(None, "a1", "power-1", "Be heard"),
            stamp(2),
        )
        .unwrap();
        let id = wb.plans()[0].goals[0].id.clone();
        let mut draft = GoalDraft::of(&wb.plans()[0].goals[0]);
        assert_eq!(
            draft.target_date, "",
            "a goal from a statement starts with no date"
        );
        draft.target_date = "2027-03-31".into();
        wb.apply(
            &Change::Update {
                id: id.clone(),
                draft: (draft.clone()).into(),
            },
            stamp(3),
        )
        .unwrap();
        let goal = &wb.plans()[0].goals[0];
        assert_eq!(
            goal.target_date,
            NaiveDate::from_ymd_opt(2027, 3, 31).map(Day)
        );
        assert!(goal.origin.is_some(), "still linked to its statement");
        assert_eq!(goal.updated_at, stamp(3).at);

        // Months later the date has passed: the goal can still be edited...
        let later = Stamp {
            at: stamp(4).at + chrono::Duration::days(200),
            today: NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
        };
        draft.title = "Be heard at the board".into();
        wb.apply(
            &Change::Update {
                id: id.clone(),
                draft: (draft.clone()).into(),
            },
            later,
        )
        .unwrap();
        assert_eq!(wb.plans()[0].goals[0].title, "Be heard at the board");
        // ...but a new date in the past is refused.
        draft.target_date = "2027-05-01".into();
        assert!(matches!(
            wb.apply(
                &Change::Update {
                    id,
                    draft: draft.into()
                },
                later
            ),
            Err(Refusal::Invalid(_))
        ));
    }

    #[test]
    fn a_deletion_can_be_undone_putting_the_record_back_in_place() {
        let mut wb = with_assessment();
        for title in ["First", "Second", "Third"] {
            let change = Change::add_goal(
                None,
                GoalDraft {
                    title: title.into(),
                    ..Default::default()
                },
            );
            wb.apply(&change, stamp(2)).unwrap();
        }
        let second = wb.plans()[0].goals[1].id.clone();
        let remove = Change::Delete {
            kind: RecordKind::Goal,
            id: second.clone(),
        };
        let undo = wb.undo_for(&remove).expect("a deletion has an undo");
        wb.apply(&remove, stamp(3)).unwrap();
        assert!(wb.was_deleted(&second));
        match &undo {
            Change::Undelete(record) => assert_eq!(record.describe(), "the goal \"Second\""),
            other => panic!("expected undelete, got {other:?}"),
        }
        wb.apply(&undo, stamp(4)).unwrap();
        let titles: Vec<&str> = wb.plans()[0]
            .goals
            .iter()
            .map(|g| g.title.as_str())
            .collect();
        assert_eq!(titles, vec!["First", "Second", "Third"]);
        assert!(!wb.was_deleted(&second), "the tombstone goes with the undo");
        assert_eq!(
            wb.apply(&undo, stamp(5)),
            Err(Refusal::DuplicateId),
            "undone once only"
        );

        let delete = Change::Delete {
            kind: RecordKind::Assessment,
            id: "a1".into(),
        };
        let undo = wb.undo_for(&delete).unwrap();
        wb.apply(&delete, stamp(6)).unwrap();
        wb.apply(&undo, stamp(7)).unwrap();
        assert!(wb.assessment("a1").is_some());
        assert_eq!(
            wb.undo_for(&Change::Delete {
                kind: RecordKind::Goal,
                id: "nope".into()
            }),
            None
        );
        assert_eq!(
            wb.undo_for(&Change::add_goal(None, GoalDraft::default())),
            None,
            "only deletions have an undo"
        );
    }

    /// The rule for times (`records.rs`), kept by the dispatcher for every
    /// change: what is made or changed gets the change's moment, the record
    /// it sits under does not, and the workbook does unless the change only
    /// notes a backup. Ids in use, or once used, are refused for new records.
    #[test]
    fn the_dispatcher_stamps_the_workbook_and_leaves_parents_as_they_are() {
        let mut wb = with_assessment();
        let add = Change::add_goal(
            None,
            GoalDraft {
                title: "Chair".into(),
                ..Default::default()
            },
        );
        let goal = add.created_id().unwrap().to_string();
        wb.apply(&add, stamp(2)).unwrap();
        let plan_made = wb.plans()[0].updated_at;
        let action = Change::add(
            Some(&goal),
            ActionDraft {
                text: "Shadow".into(),
                due: String::new(),
            },
        );
        wb.apply(&action, stamp(3)).unwrap();
        let evidence = Change::add(
            Some(&goal),
            EvidenceDraft {
                date: "2026-11-20".into(),
                what_happened: "Ran it".into(),
                learnt: String::new(),
            },
        );
        wb.apply(&evidence, stamp(4)).unwrap();
        let (plan, g) = wb.goal(&goal).unwrap();
        assert_eq!(
            g.updated_at,
            stamp(2).at,
            "adding under a goal leaves it as it is"
        );
        assert_eq!(g.actions[0].created_at, stamp(3).at);
        assert_eq!(g.evidence[0].updated_at, stamp(4).at);
        assert_eq!(plan.updated_at, plan_made, "and its plan");
        assert_eq!(
            wb.updated_at,
            stamp(4).at,
            "the workbook has the last change"
        );
        wb.apply(&Change::NoteBackup, stamp(5)).unwrap();
        assert_eq!(wb.last_backup_at, Some(stamp(5).at));
        assert_eq!(wb.updated_at, stamp(4).at, "noting a backup is no change");
        assert_eq!(wb.apply(&action, stamp(6)), Err(Refusal::DuplicateId));
        wb.apply(
            &Change::Delete {
                kind: RecordKind::Action,
                id: action.created_id().unwrap().into(),
            },
            stamp(7),
        )
        .unwrap();
        assert_eq!(
            wb.apply(&action, stamp(8)),
            Err(Refusal::DuplicateId),
            "an id once used is never used again"
        );
    }

    /// `apply` says what it did: a deletion gives back the change that undoes
    /// it, a merge its report, and other changes neither.
    #[test]
    fn applying_returns_the_undo_and_a_merges_report() {
        let mut wb = with_assessment();
        let add = Change::add_goal(
            None,
            GoalDraft {
                title: "Chair".into(),
                ..Default::default()
            },
        );
        let goal = add.created_id().unwrap().to_string();
        assert_eq!(
            wb.apply(&add, stamp(2)).unwrap(),
            Applied {
                undo: None,
                merge_report: None
            }
        );
        let before = wb.clone();
        let remove = Change::Delete {
            kind: RecordKind::Goal,
            id: goal.clone(),
        };
        let applied = wb.apply(&remove, stamp(3)).unwrap();
        assert_eq!(
            applied.undo,
            before.undo_for(&remove),
            "the undo worked out before"
        );
        let undo = applied.undo.expect("a deletion has an undo");
        wb.apply(&undo, stamp(4)).unwrap();
        assert_eq!(wb.goal(&goal).unwrap().1.title, "Chair");

        let mut other = Workbook::new(stamp(0).at);
        let applied = other
            .apply(
                &Change::MergeBackup {
                    incoming: Box::new(wb.clone()),
                    merge: crate::model::workbook::merge::MergeRun::by_record_id(),
                },
                stamp(5),
            )
            .unwrap();
        let report = applied.merge_report.expect("a merge reports what it did");
        assert_eq!(
            report.added.total(),
            3,
            "the assessment, the plan and its goal"
        );
        assert_eq!(applied.undo, None);
        assert!(other.goal(&goal).is_some());
    }

    #[test]
    fn typing_changes_supersede_each_other_only_for_the_same_field() {
        let typed = |statement: &str, text: &str| Change::SetEvidence {
            assessment_id: "a1".into(),
            statement_id: statement.into(),
            text: text.into(),
        };
        assert!(typed("power-1", "B").is_typing());
        assert!(typed("power-1", "B").superseded_by(&typed("power-1", "Bo")));
        assert!(!typed("power-1", "B").superseded_by(&typed("power-2", "Bo")));
        assert!(!Change::Delete {
            kind: RecordKind::Goal,
            id: "g".into()
        }
        .is_typing());
    }

    /// Each area's dispatcher deletes and puts back the records of its own
    /// kinds as `apply` does, and refuses every other kind's, changing
    /// nothing: the area's part holds no code for them.
    #[test]
    fn an_areas_dispatcher_handles_its_own_kinds_and_refuses_the_rest() {
        use crate::model::workbook::fixtures::workbook_with_every_kind_of_record;
        use crate::model::workbook::records::{
            AgreementKinds, AssessmentAreaKinds, CaseKinds, GroupAreaKinds, PlacementKinds,
            PlanKinds,
        };
        let areas: [(&[RecordKind], Dispatcher); 7] = [
            (
                AssessmentAreaKinds::KINDS,
                Dispatcher::of::<AssessmentAreaKinds>(),
            ),
            (PlanKinds::KINDS, Dispatcher::of::<PlanKinds>()),
            (PlacementKinds::KINDS, Dispatcher::of::<PlacementKinds>()),
            (GroupAreaKinds::KINDS, Dispatcher::of::<GroupAreaKinds>()),
            (AgreementKinds::KINDS, Dispatcher::of::<AgreementKinds>()),
            (CaseKinds::KINDS, Dispatcher::of::<CaseKinds>()),
            (RecordKind::ALL, Dispatcher::every_change()),
        ];
        let wb = workbook_with_every_kind_of_record();
        for (kinds, dispatcher) in areas {
            for (kind, id) in wb.records() {
                let mut changed = wb.clone();
                let done = dispatcher.apply(&mut changed, &Change::delete(kind, id), stamp(30));
                if kinds.contains(&kind) {
                    let undo = done.unwrap().undo.expect("a deletion has an undo");
                    assert!(!changed.holds(id), "{dispatcher:?} deletes {kind:?}");
                    dispatcher.apply(&mut changed, &undo, stamp(31)).unwrap();
                    changed.updated_at = wb.updated_at;
                    assert_eq!(changed, wb, "{dispatcher:?} puts {kind:?} back");
                } else {
                    assert_eq!(
                        done,
                        Err(Refusal::NotFromThisPage),
                        "{dispatcher:?} refuses {kind:?}"
                    );
                    assert_eq!(changed, wb, "{dispatcher:?} changed nothing");
                }
            }
        }
    }

    /// The changes that are not a record's draft go by the kinds they are
    /// about too; a backup's merge and the backup notes go through any
    /// dispatcher, and settling a merge's conflict needs every kind.
    #[test]
    fn an_areas_dispatcher_refuses_other_areas_named_changes() {
        use crate::model::workbook::fixtures::workbook_with_every_kind_of_record;
        use crate::model::workbook::merge::MergeRun;
        use crate::model::workbook::records::{PlacementKinds, PlanKinds};
        let wb = workbook_with_every_kind_of_record();
        let milestone = wb
            .records()
            .into_iter()
            .find(|(kind, _)| *kind == RecordKind::Milestone)
            .unwrap()
            .1
            .to_string();
        let untick = Change::SetMilestoneDone {
            id: milestone,
            done: None,
        };
        let placement = Dispatcher::of::<PlacementKinds>();
        let plan = Dispatcher::of::<PlanKinds>();
        let mut changed = wb.clone();
        assert!(placement.apply(&mut changed, &untick, stamp(30)).is_ok());
        assert!(Dispatcher::every_change()
            .apply(&mut wb.clone(), &untick, stamp(30))
            .is_ok());
        let rating = Change::SetRating {
            assessment_id: "assessment-1".into(),
            statement_id: "1.1".into(),
            rating: None,
        };
        let settle = Change::ResolveConflict {
            id: "conflict-1".into(),
            use_other: false,
        };
        for (dispatcher, refused) in [(plan, &untick), (placement, &rating), (placement, &settle)] {
            let mut changed = wb.clone();
            assert_eq!(
                dispatcher.apply(&mut changed, refused, stamp(30)),
                Err(Refusal::NotFromThisPage),
                "{dispatcher:?}: {refused:?}"
            );
            assert_eq!(changed, wb);
        }
        // With every kind, the workbook's conflict is settled.
        let mut settled = wb.clone();
        assert!(Dispatcher::every_change()
            .apply(&mut settled, &settle, stamp(30))
            .is_ok());
        assert!(settled.conflicts.is_empty());
        let merge = Change::MergeBackup {
            incoming: Box::new(Workbook::new(stamp(0).at)),
            merge: MergeRun::by_record_id(),
        };
        let mut merged = wb.clone();
        let applied = placement.apply(&mut merged, &merge, stamp(32)).unwrap();
        assert!(applied.merge_report.is_some());
        assert!(placement
            .apply(&mut merged, &Change::NoteBackup, stamp(33))
            .is_ok());
    }
}
