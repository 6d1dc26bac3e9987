//! Every change a user can make to the workbook, as a named operation.
//!
//! Pages never edit the `Workbook` themselves: they build a `Change` and the UI
//! store applies it with `Workbook::apply`. The rules ("a statement becomes a
//! goal once", "a goal needs a title") live here, where native tests reach
//! them. A change is plain data that carries the ids it creates, so the same
//! change can be replayed on a newer copy of the document saved by another tab
//! (see `sync`) and give the same result.

use crate::model::agreement::{SupportAgreement, SupportAgreementDraft, Terms};
use crate::model::assessment::{Assessment, Rating};
use crate::model::business_case::BusinessCase;
use crate::model::common::ids::new_id;
use crate::model::group::GroupMember;
use crate::model::plan::{CombinedPlan, GoalDraft, GoalStatus};
use crate::model::workbook::deleted::DeletedRecord;
use crate::model::workbook::merge::report::MergeReport;
use crate::model::workbook::merge::MergeRun;
use crate::model::workbook::tree::{RecordDraft, RecordKind, Workbook};

pub use crate::model::workbook::outcome::{Refusal, Stamp};

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Adds a record of the kind its draft is of, under the record `under`
    /// (none for a top-level record: an assessment, a plan, a placement).
    Add {
        id: String,
        under: Option<String>,
        draft: RecordDraft,
    },
    /// Changes a record's own fields to what its draft says.
    Update {
        id: String,
        draft: RecordDraft,
    },
    /// Deletes a record and everything under it, leaving a tombstone.
    Delete {
        kind: RecordKind,
        id: String,
    },
    /// Puts back a record deleted a moment ago (the "Undo" after a deletion).
    Undelete(Box<DeletedRecord>),
    SetRating {
        assessment_id: String,
        statement_id: String,
        rating: Option<Rating>,
    },
    SetEvidence {
        assessment_id: String,
        statement_id: String,
        text: String,
    },
    SetFlagged {
        assessment_id: String,
        statement_id: String,
        flagged: bool,
    },
    SetImportance {
        assessment_id: String,
        domain_id: String,
        importance: Option<u8>,
    },
    ImportPartnerAssessment {
        id: String,
        assessment: Box<Assessment>,
    },
    /// Moves everything in the plan `from` into the plan `into`, then removes
    /// `from` (see `Workbook::combine_plans`).
    CombinePlans {
        into: String,
        from: String,
    },
    /// Puts back a plan combined into another a moment ago (the "Undo" after
    /// `CombinePlans`).
    UncombinePlans(Box<CombinedPlan>),
    /// Adds a goal to a plan, or to the newest plan (or a first plan) when
    /// the user has not chosen one (`GoalPlace`).
    AddGoal {
        id: String,
        place: GoalPlace,
        draft: GoalDraft,
    },
    /// Adds a goal made from a statement of one of the user's assessments,
    /// under the title they gave it, linked back to the statement.
    AddGoalFromStatement {
        id: String,
        place: GoalPlace,
        assessment_id: String,
        statement_id: String,
        title: String,
    },
    SetGoalStatus {
        id: String,
        status: GoalStatus,
    },
    SetActionDone {
        id: String,
        done: bool,
    },
    /// Ticks a milestone off as done on the day typed (`YYYY-MM-DD`, from
    /// the date boxes), or marks it still to do (`None`).
    SetMilestoneDone {
        id: String,
        done: Option<String>,
    },
    /// Adds a goal to a plan (as `AddGoal` places one) made from the target
    /// a group's workshop agreed for an area, linked both ways.
    AddGoalFromAgreement {
        id: String,
        place: GoalPlace,
        agreement_id: String,
    },
    /// Takes members' files into a group round (`Workbook::take_in_members`):
    /// new members join, a newer copy of a member's file replaces it.
    TakeInMembers {
        round: String,
        members: Vec<GroupMember>,
    },
    /// Puts a round's members back as they were (the "Undo" after loading).
    SetRoundMembers {
        round: String,
        members: Vec<GroupMember>,
    },
    /// Starts a support agreement from its form, with a commitment for each
    /// library clause named (`(commitment id, clause id)`, in order): those
    /// a self-assessment's weak statements proposed, when `drafted_from`
    /// names it (`Workbook::start_agreement`).
    StartAgreement {
        id: String,
        draft: SupportAgreementDraft,
        drafted_from: Option<String>,
        commitments: Vec<(String, String)>,
    },
    /// Adds a support agreement the other party sent, read from their file.
    ReceiveAgreement(Box<SupportAgreement>),
    /// Adds a business case someone shared, read from their file.
    ReceiveBusinessCase(Box<BusinessCase>),
    /// Keeps the other party's version as received (`received`), then makes
    /// the agreement's commitments what the user's choices settled, saved as
    /// the next version, `version` (`Workbook::settle_agreement`).
    SettleAgreement {
        agreement: String,
        received: Box<Received>,
        version: String,
        terms: Vec<Terms>,
        note: String,
    },
    /// Merges a backup into the workbook by record id (`merge`): records only
    /// in the backup are added, the newer of two versions wins, and the other
    /// is kept under `conflicts`.
    MergeBackup {
        incoming: Box<Workbook>,
        merge: MergeRun,
    },
    /// Settles a conflict left by a merge: keep the version in the workbook,
    /// or put the other one in its place.
    ResolveConflict {
        id: String,
        use_other: bool,
    },
    /// Settles a conflict field by field: the fields `take` (as saved, such
    /// as `status`) come from the other version, the rest stay as in the
    /// workbook (`Workbook::resolve_conflict_fields`).
    ResolveConflictFields {
        id: String,
        take: Vec<String>,
    },
    /// The user downloaded a backup of the whole workbook.
    NoteBackup,
    /// After how many days changes not in a backup bring a reminder (0: never).
    SetBackupReminder {
        days: u32,
    },
}

/// The other party's version as their file had it, kept among the versions.
#[derive(Clone, Debug, PartialEq)]
pub struct Received {
    /// The id it is kept under here.
    pub id: String,
    /// Its number in their workbook.
    pub number: u32,
    pub terms: Vec<Terms>,
}

/// What a change is about, for what every change shares: the id check, the
/// time stamps, and naming the record a refused change needed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Target<'a> {
    /// Makes the record `id` under the record `under`, of the kind given
    /// (none for a top-level record, or a goal whose plan may come with it).
    Makes {
        id: &'a str,
        under: Option<(&'a str, RecordKind)>,
    },
    /// Changes the record's own fields: it is stamped changed.
    Changes { kind: RecordKind, id: &'a str },
    /// Deletes the record.
    Deletes { kind: RecordKind, id: &'a str },
    /// Puts back a record deleted a moment ago.
    PutsBack(&'a DeletedRecord),
    /// The workbook as a whole (a merge, the backup reminder), or records
    /// its operation keeps itself (plans combined).
    Other,
}

/// What applying a change did, besides changing the workbook.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The change that undoes it, where there is one: putting back what a
    /// deletion took away, or separating plans combined. Other changes have
    /// no undo here (the user changes them back directly).
    pub undo: Option<Change>,
    /// What a merge of a backup did (`Change::MergeBackup`), to tell the user.
    pub merge_report: Option<MergeReport>,
}

/// Which plan a new goal goes in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalPlace {
    /// This plan; refused if it is gone.
    Plan(String),
    /// The newest plan, or, when there is none, a first plan made under this
    /// id. Replayed on another tab's copy, the goal joins the plan there
    /// rather than starting a second one.
    CurrentOrNew(String),
}

impl GoalPlace {
    fn for_plan(plan_id: Option<&str>) -> GoalPlace {
        match plan_id {
            Some(id) => GoalPlace::Plan(id.to_string()),
            None => GoalPlace::CurrentOrNew(new_id("plan")),
        }
    }
}

impl Change {
    /// Adds a record made from `draft` under a new random id, under the
    /// record `under` (none for a top-level record).
    pub fn add(under: Option<&str>, draft: impl Into<RecordDraft>) -> Change {
        let draft = draft.into();
        Change::Add {
            id: new_id(draft.kind().id_prefix()),
            under: under.map(str::to_string),
            draft,
        }
    }

    /// Changes the record `id` to what `draft` says.
    pub fn update(id: &str, draft: impl Into<RecordDraft>) -> Change {
        Change::Update {
            id: id.to_string(),
            draft: draft.into(),
        }
    }

    /// Deletes the record of `kind` with this id.
    pub fn delete(kind: RecordKind, id: &str) -> Change {
        Change::Delete {
            kind,
            id: id.to_string(),
        }
    }

    /// Adds a goal to `plan_id`, or with `None` to the newest plan (or a
    /// first plan when there is none).
    pub fn add_goal(plan_id: Option<&str>, draft: GoalDraft) -> Change {
        Change::AddGoal {
            id: new_id("goal"),
            place: GoalPlace::for_plan(plan_id),
            draft,
        }
    }

    /// A goal titled `title` made from a statement, into `plan_id` or with
    /// `None` the newest plan (or a first plan when there is none).
    pub fn add_goal_from_statement(
        plan_id: Option<&str>,
        assessment_id: &str,
        statement_id: &str,
        title: &str,
    ) -> Change {
        Change::AddGoalFromStatement {
            id: new_id("goal"),
            place: GoalPlace::for_plan(plan_id),
            assessment_id: assessment_id.to_string(),
            statement_id: statement_id.to_string(),
            title: title.to_string(),
        }
    }

    /// A goal made from the target agreed in `agreement_id`, into `plan_id`
    /// or with `None` the newest plan (or a first plan when there is none).
    pub fn add_goal_from_agreement(plan_id: Option<&str>, agreement_id: &str) -> Change {
        Change::AddGoalFromAgreement {
            id: new_id("goal"),
            place: GoalPlace::for_plan(plan_id),
            agreement_id: agreement_id.to_string(),
        }
    }

    /// Imports a partner's assessment under a new id of ours: theirs could
    /// clash with one of our own records.
    pub fn import_partner_assessment(assessment: Assessment) -> Change {
        Change::ImportPartnerAssessment {
            id: new_id("partner"),
            assessment: Box::new(assessment),
        }
    }

    /// What the change is about (see `Target`).
    pub(crate) fn target(&self) -> Target<'_> {
        use RecordKind as K;
        match self {
            Change::Add { id, under, draft } => Target::Makes {
                id,
                under: under.as_deref().zip(draft.kind().parent()),
            },
            Change::AddGoal { id, place, .. }
            | Change::AddGoalFromStatement { id, place, .. }
            | Change::AddGoalFromAgreement { id, place, .. } => Target::Makes {
                id,
                under: match place {
                    GoalPlace::Plan(plan_id) => Some((plan_id, K::Plan)),
                    GoalPlace::CurrentOrNew(_) => None,
                },
            },
            Change::ImportPartnerAssessment { id, .. } | Change::StartAgreement { id, .. } => {
                Target::Makes { id, under: None }
            }
            Change::ReceiveAgreement(agreement) => Target::Makes {
                id: &agreement.id,
                under: None,
            },
            Change::ReceiveBusinessCase(case) => Target::Makes {
                id: &case.id,
                under: None,
            },
            Change::SettleAgreement {
                agreement, version, ..
            } => Target::Makes {
                id: version,
                under: Some((agreement, K::SupportAgreement)),
            },
            Change::Update { id, draft } => Target::Changes {
                kind: draft.kind(),
                id,
            },
            Change::SetRating { assessment_id, .. }
            | Change::SetEvidence { assessment_id, .. }
            | Change::SetFlagged { assessment_id, .. }
            | Change::SetImportance { assessment_id, .. } => Target::Changes {
                kind: K::Assessment,
                id: assessment_id,
            },
            Change::SetGoalStatus { id, .. } => Target::Changes { kind: K::Goal, id },
            Change::SetActionDone { id, .. } => Target::Changes {
                kind: K::Action,
                id,
            },
            Change::SetMilestoneDone { id, .. } => Target::Changes {
                kind: K::Milestone,
                id,
            },
            Change::Delete { kind, id } => Target::Deletes { kind: *kind, id },
            Change::Undelete(deleted) => Target::PutsBack(deleted),
            Change::CombinePlans { .. }
            | Change::UncombinePlans(_)
            | Change::TakeInMembers { .. }
            | Change::SetRoundMembers { .. }
            | Change::MergeBackup { .. }
            | Change::ResolveConflict { .. }
            | Change::ResolveConflictFields { .. }
            | Change::NoteBackup
            | Change::SetBackupReminder { .. } => Target::Other,
        }
    }

    /// The id of the record this change creates, if it creates one (so a
    /// page can go to it once the change is applied).
    pub fn created_id(&self) -> Option<&str> {
        match self.target() {
            Target::Makes { id, .. } => Some(id),
            _ => None,
        }
    }

    /// True for changes made keystroke by keystroke, which are saved a moment
    /// after typing pauses rather than on every key.
    pub fn is_typing(&self) -> bool {
        matches!(self, Change::SetEvidence { .. })
    }

    /// True when `later` makes this change pointless (the same field typed
    /// again), so only the later one needs keeping for a replay.
    pub fn superseded_by(&self, later: &Change) -> bool {
        match (self, later) {
            (
                Change::SetEvidence {
                    assessment_id: a1,
                    statement_id: s1,
                    ..
                },
                Change::SetEvidence {
                    assessment_id: a2,
                    statement_id: s2,
                    ..
                },
            ) => a1 == a2 && s1 == s2,
            _ => false,
        }
    }
}
