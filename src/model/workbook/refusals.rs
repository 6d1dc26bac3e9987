//! A refused change in the user's words: what it was about and why it was not
//! made or not kept. A change is refused, changing nothing (`Refusal`), most
//! often because another tab or window deleted the record it is about; the
//! page that made it then says so ("That goal was deleted in another tab or
//! window, so nothing was changed."), and a change replayed on another tab's
//! newer save (`sync`) that no longer applies is named in the notice that it
//! could not be kept.

use crate::model::workbook::change::{Change, Refusal, Target};
use crate::model::workbook::deleted::DeletedRecord;
use crate::model::workbook::tree::{RecordKind, Workbook};

/// A record a change looks for: its id, and its kind.
type Needed<'a> = (&'a str, Option<RecordKind>);

/// What a change does, for saying which change was lost.
enum Doing<'a> {
    /// Adds the record with this id.
    Adds(&'a str),
    /// Deletes the record with this id.
    Deletes(&'a str),
    /// Puts back a record deleted a moment ago.
    PutsBack(&'a DeletedRecord),
    /// Changes the record with this id (or something in it, such as an answer).
    Changes(&'a str),
    /// Changes the workbook as a whole (a merge, the backup reminder).
    Other,
}

impl Workbook {
    /// Whether a record with this id is in the workbook (of any kind).
    pub fn holds(&self, id: &str) -> bool {
        self.record_ids().contains(&id)
    }

    /// The kind of the record with this id, from the record or, once it is
    /// deleted, from its tombstone.
    fn kind_of(&self, id: &str) -> Option<RecordKind> {
        self.record_kind(id).or_else(|| {
            self.deleted
                .iter()
                .find(|t| t.id == id)
                .map(|tombstone| tombstone.kind)
        })
    }
}

impl Change {
    /// The records this change looks for in the workbook: the one it
    /// changes or deletes, or the one a new record goes under (a statement's
    /// goal also looks for its assessment; plans combined, for both plans).
    fn needs(&self) -> Vec<Needed<'_>> {
        let mut needs: Vec<Needed<'_>> = match self.target() {
            Target::Makes { under, .. } => under
                .map(|(id, kind)| (id, Some(kind)))
                .into_iter()
                .collect(),
            Target::Changes { kind, id } | Target::Deletes { kind, id } => vec![(id, Some(kind))],
            Target::PutsBack(deleted) => deleted
                .under
                .as_deref()
                .map(|id| (id, deleted.kind().parent()))
                .into_iter()
                .collect(),
            Target::Other => Vec::new(),
        };
        match self {
            Change::AddGoalFromStatement { assessment_id, .. } => {
                needs.insert(0, (assessment_id, Some(RecordKind::Assessment)));
            }
            Change::AddGoalFromAgreement { agreement_id, .. } => {
                needs.insert(0, (agreement_id, Some(RecordKind::AreaAgreement)));
            }
            Change::TakeInMembers { round, .. } | Change::SetRoundMembers { round, .. } => {
                needs.push((round, Some(RecordKind::GroupRound)));
            }
            Change::CombinePlans { into, from } => {
                needs.extend([
                    (into.as_str(), Some(RecordKind::Plan)),
                    (from, Some(RecordKind::Plan)),
                ]);
            }
            Change::UncombinePlans(combined) => {
                needs.push((&combined.into, Some(RecordKind::Plan)))
            }
            _ => {}
        }
        needs
    }

    fn doing(&self) -> Doing<'_> {
        match self.target() {
            Target::Makes { id, .. } => Doing::Adds(id),
            Target::Deletes { id, .. } => Doing::Deletes(id),
            Target::PutsBack(deleted) => Doing::PutsBack(deleted),
            _ => match self.needs().first() {
                Some((id, _)) => Doing::Changes(id),
                None => Doing::Other,
            },
        }
    }

    /// The first record this change looks for that `workbook` does not hold,
    /// as its id and kind in words ("goal"; "entry" when nothing says which).
    fn missing_in<'a>(
        &'a self,
        workbook: &Workbook,
        knows: &Workbook,
    ) -> Option<(&'a str, &'static str)> {
        let (id, kind) = self
            .needs()
            .into_iter()
            .find(|(id, _)| !workbook.holds(id))?;
        let kind = kind.or_else(|| knows.kind_of(id).or_else(|| workbook.kind_of(id)));
        Some((id, kind.map_or("entry", RecordKind::noun)))
    }

    /// Why this change was refused, for the user: `workbook` is the one it
    /// was refused on (as it still is). A record that is missing can only be
    /// named by its kind, since it is gone: "That goal was deleted in another
    /// tab or window, so nothing was changed."
    pub fn refusal_message(&self, refusal: &Refusal, workbook: &Workbook) -> String {
        if let Change::ResolveConflict { id, .. } | Change::ResolveConflictFields { id, .. } = self
        {
            if *refusal == Refusal::NotFound && workbook.conflict(id).is_none() {
                return "That conflict was already settled in another tab or window, so nothing \
                        was changed."
                    .to_string();
            }
        }
        let missing = match refusal {
            Refusal::NotFound => self.missing_in(workbook, workbook),
            _ => None,
        };
        match (self, missing) {
            (Change::Undelete(deleted), Some((_, noun))) => format!(
                "{} could not be put back: the {noun} it was in was deleted in another tab or window.",
                capitalised(&deleted.describe())
            ),
            (Change::Undelete(deleted), None) => format!(
                "{} could not be put back: {}.",
                capitalised(&deleted.describe()),
                refusal
            ),
            (_, Some((_, noun))) => format!(
                "That {noun} was deleted in another tab or window, so nothing was changed."
            ),
            (_, None) => format!("Nothing was changed: {refusal}."),
        }
    }

    /// Why this change, made in this tab on `before` (where what it is about
    /// still is), could not be kept when it was replayed on another tab's
    /// newer save, `after` (as it was when the change was refused): "Your
    /// change to the goal "Chair the board" could not be kept: it was deleted
    /// in another tab or window."
    pub fn dropped_message(
        &self,
        refusal: &Refusal,
        before: &Workbook,
        after: &Workbook,
    ) -> String {
        let named = |id: &str, noun: &str| {
            before
                .describe_record(id)
                .map_or_else(|| format!("the {noun}"), |(_, words)| words)
        };
        let missing = match refusal {
            Refusal::NotFound => self.missing_in(after, before),
            _ => None,
        };
        // What follows "could not be kept".
        let why = |subject: Option<&str>| match missing {
            Some((id, _)) if Some(id) == subject => {
                ": it was deleted in another tab or window".to_string()
            }
            Some((id, noun)) => {
                format!(": {} was deleted in another tab or window", named(id, noun))
            }
            None if matches!(refusal, Refusal::Invalid(_)) => {
                format!(" with what was saved in another tab or window: {refusal}")
            }
            None => format!(": {refusal}"),
        };
        match self.doing() {
            Doing::Adds(id) => match before.describe_record(id) {
                Some((_, words)) => format!(
                    "{}, which you added, could not be kept{}.",
                    capitalised(&words),
                    why(None)
                ),
                // A later change of this tab took it out again.
                None => format!("Something you added could not be kept{}.", why(None)),
            },
            // Nothing is lost; this tab's copy no longer holds it to name it.
            Doing::Deletes(id) if missing.is_some_and(|(gone, _)| gone == id) => format!(
                "The {} you deleted had already been deleted in another tab or window.",
                missing.map_or("record", |(_, noun)| noun)
            ),
            Doing::Deletes(id) => format!(
                "Deleting {} could not be kept{}.",
                named(id, "record"),
                why(Some(id))
            ),
            Doing::PutsBack(deleted) => format!(
                "{}, which you put back, could not be kept{}.",
                capitalised(&deleted.describe()),
                why(None)
            ),
            Doing::Changes(id) => {
                let noun = self
                    .needs()
                    .first()
                    .and_then(|(_, kind)| *kind)
                    .map_or("record", RecordKind::noun);
                format!(
                    "Your change to {} could not be kept{}.",
                    named(id, noun),
                    why(Some(id))
                )
            }
            Doing::Other => format!("One of your changes could not be kept{}.", why(None)),
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::placement::{ActivityDraft, MilestoneDraft};
    use crate::model::plan::{ActionDraft, GoalStatus};
    use crate::model::workbook::change::Stamp;
    use crate::model::workbook::fixtures::workbook_with_every_kind_of_record;

    /// A moment in the fixture's month, after everything in it.
    fn stamp(minute: u32) -> Stamp {
        Stamp::on(2027, 9, 29, 10, minute)
    }

    /// Applies `change` to `workbook`, which must refuse it and stay as it
    /// was, and returns the refusal in words.
    fn refused(workbook: &Workbook, change: &Change) -> String {
        let mut tried = workbook.clone();
        let refusal = tried
            .apply(change, stamp(30))
            .expect_err("the change is refused");
        assert_eq!(&tried, workbook, "a refused change changes nothing");
        change.refusal_message(&refusal, workbook)
    }

    /// The fixture after another tab deleted `removal`.
    fn after(removal: Change) -> Workbook {
        let mut wb = workbook_with_every_kind_of_record();
        wb.apply(&removal, stamp(1)).unwrap();
        wb
    }

    #[test]
    fn every_kind_of_record_is_found_and_named_as_its_deletion_names_it() {
        let wb = workbook_with_every_kind_of_record();
        let found = |id: &str| wb.describe_record(id).expect(id);
        assert_eq!(found("assessment-1").0, RecordKind::Assessment);
        assert_eq!(found("partner-1").0, RecordKind::PartnerAssessment);
        assert_eq!(
            found("plan-1"),
            (
                RecordKind::Plan,
                "the plan \"Leading the respiratory review\"".into()
            )
        );
        assert_eq!(
            found("goal-1"),
            (
                RecordKind::Goal,
                "the goal \"Chair the respiratory programme board\"".into()
            )
        );
        assert_eq!(
            found("action-1"),
            (RecordKind::Action, "the action \"Shadow the chair\"".into())
        );
        assert_eq!(found("evidence-1").0, RecordKind::Evidence);
        assert_eq!(found("review-1").0, RecordKind::Review);
        assert_eq!(found("self-rating-1").0, RecordKind::SelfRating);
        assert_eq!(found("placement-1").0, RecordKind::Placement);
        assert_eq!(found("project-1").0, RecordKind::Project);
        assert_eq!(found("milestone-1").0, RecordKind::Milestone);
        assert_eq!(found("activity-1").0, RecordKind::Activity);
        for id in [
            "assessment-1",
            "partner-1",
            "plan-1",
            "goal-1",
            "action-1",
            "evidence-1",
            "review-1",
            "self-rating-1",
            "placement-1",
            "project-1",
            "milestone-1",
            "activity-1",
        ] {
            assert!(wb.holds(id), "{id}");
        }
        assert!(!wb.holds("goal-gone"), "a tombstone is not a record");
        assert_eq!(wb.describe_record("goal-gone"), None);
    }

    #[test]
    fn a_change_to_a_record_deleted_elsewhere_names_what_was_deleted() {
        let goal_gone = after(Change::Delete {
            kind: RecordKind::Goal,
            id: "goal-1".into(),
        });
        assert_eq!(
            refused(
                &goal_gone,
                &Change::SetGoalStatus {
                    id: "goal-1".into(),
                    status: GoalStatus::Achieved
                }
            ),
            "That goal was deleted in another tab or window, so nothing was changed."
        );
        assert_eq!(
            refused(
                &goal_gone,
                &Change::add(
                    Some("goal-1"),
                    ActionDraft {
                        text: "Book the room".into(),
                        ..Default::default()
                    }
                )
            ),
            "That goal was deleted in another tab or window, so nothing was changed.",
            "an addition names what it was to be added to"
        );
        assert_eq!(
            refused(
                &goal_gone,
                &Change::SetActionDone {
                    id: "action-1".into(),
                    done: false
                }
            ),
            "That action was deleted in another tab or window, so nothing was changed."
        );
        // Removing "an entry": the tombstone says which kind it was.
        let evidence_gone = after(Change::Delete {
            kind: RecordKind::Evidence,
            id: "evidence-1".into(),
        });
        assert_eq!(
            refused(
                &evidence_gone,
                &Change::Delete {
                    kind: RecordKind::Evidence,
                    id: "evidence-1".into()
                }
            ),
            "That piece of evidence was deleted in another tab or window, so nothing was changed."
        );
        let assessment_gone = after(Change::Delete {
            kind: RecordKind::Assessment,
            id: "assessment-1".into(),
        });
        assert_eq!(
            refused(
                &assessment_gone,
                &Change::SetFlagged {
                    assessment_id: "assessment-1".into(),
                    statement_id: "power-1".into(),
                    flagged: true
                }
            ),
            "That assessment was deleted in another tab or window, so nothing was changed."
        );
        let project_gone = after(Change::Delete {
            kind: RecordKind::Project,
            id: "project-1".into(),
        });
        assert_eq!(
            refused(
                &project_gone,
                &Change::add(
                    Some("project-1"),
                    MilestoneDraft {
                        title: "Board paper".into(),
                        planned: "2027-10-01".into(),
                        ..Default::default()
                    }
                )
            ),
            "That project was deleted in another tab or window, so nothing was changed."
        );
        let placement_gone = after(Change::Delete {
            kind: RecordKind::Placement,
            id: "placement-1".into(),
        });
        let entry =
            ActivityDraft::of(&workbook_with_every_kind_of_record().placements()[0].entries[0]);
        assert_eq!(
            refused(
                &placement_gone,
                &Change::Update {
                    id: "activity-1".into(),
                    draft: entry.into()
                }
            ),
            "That log entry was deleted in another tab or window, so nothing was changed."
        );
    }

    #[test]
    fn an_undo_that_cannot_put_a_record_back_names_the_record_and_where_it_was() {
        let wb = workbook_with_every_kind_of_record();
        let undo = wb
            .undo_for(&Change::Delete {
                kind: RecordKind::Action,
                id: "action-1".into(),
            })
            .unwrap();
        // This tab deleted the action; then another tab deleted its goal.
        let mut here = wb.clone();
        here.apply(
            &Change::Delete {
                kind: RecordKind::Action,
                id: "action-1".into(),
            },
            stamp(1),
        )
        .unwrap();
        here.apply(
            &Change::Delete {
                kind: RecordKind::Goal,
                id: "goal-1".into(),
            },
            stamp(2),
        )
        .unwrap();
        assert_eq!(
            refused(&here, &undo),
            "The action \"Shadow the chair\" could not be put back: the goal it was in was deleted in another tab or window."
        );
    }

    #[test]
    fn other_refusals_say_their_own_reason() {
        let wb = workbook_with_every_kind_of_record();
        assert_eq!(
            refused(
                &wb,
                &Change::add_goal_from_statement(None, "assessment-1", "power-1", "A goal")
            ),
            "Nothing was changed: that statement is already a goal in your development plan."
        );
        assert_eq!(
            refused(
                &wb,
                &Change::SetImportance {
                    assessment_id: "assessment-1".into(),
                    domain_id: "power".into(),
                    importance: Some(9)
                }
            ),
            "Nothing was changed: the value is outside its scale."
        );
        assert_eq!(
            refused(
                &wb,
                &Change::ResolveConflict {
                    id: "conflict-settled".into(),
                    use_other: false
                }
            ),
            "That conflict was already settled in another tab or window, so nothing was changed."
        );
    }

    #[test]
    fn a_dropped_change_names_what_was_lost_from_this_tabs_copy() {
        // This tab logs an entry and changes a milestone; another tab had
        // deleted the placement.
        let mut here = workbook_with_every_kind_of_record();
        let entry = ActivityDraft::of(&here.placements()[0].entries[0]);
        let add = Change::add(Some("placement-1"), entry);
        here.apply(&add, stamp(3)).unwrap();
        let milestone = here.placements()[0].projects[0].milestones[0].clone();
        let rename = Change::Update {
            id: milestone.id.clone(),
            draft: (MilestoneDraft {
                title: "Board paper agreed".into(),
                ..MilestoneDraft::of(&milestone)
            })
            .into(),
        };
        here.apply(&rename, stamp(4)).unwrap();
        let there = after(Change::Delete {
            kind: RecordKind::Placement,
            id: "placement-1".into(),
        });
        let dropped = |change: &Change| {
            let refusal = there.clone().apply(change, stamp(5)).unwrap_err();
            change.dropped_message(&refusal, &here, &there)
        };
        let placement = here.placements()[0].title();
        let logged = dropped(&add);
        assert!(
            logged.starts_with("The log entry of ")
                && logged.ends_with(&format!(
                    ", which you added, could not be kept: the placement at {placement} was deleted in another tab or window."
                )),
            "{logged}"
        );
        assert_eq!(
            dropped(&rename),
            "Your change to the milestone \"Board paper agreed\" could not be kept: it was deleted in another tab or window."
        );
    }
}
