//! Every change a user can make to the workbook, as a named operation.
//!
//! Pages never edit the `Workbook` themselves: they build a `Change` and the UI
//! store applies it with `Workbook::apply`. The rules ("a statement becomes a
//! goal once", "a goal needs a title") live here, where native tests reach
//! them. A change is plain data that carries the ids it creates, so the same
//! change can be replayed on a newer copy of the document saved by another tab
//! (see `sync`) and give the same result.

use chrono::NaiveDate;

use crate::model::assessment::{Assessment, AssessmentDraft, Rating};
use crate::model::common::ids::new_id;
use crate::model::common::saved_dates::Moment;
use crate::model::common::validation::FieldError;
use crate::model::placement::{ActivityDraft, MilestoneDraft, PlacementDraft, ProjectDraft};
use crate::model::plan::{
    ActionDraft, EvidenceDraft, GoalDraft, GoalStatus, PlanDraft, ReviewDraft, SelfRatingDraft,
};
use crate::model::workbook::deleted::DeletedRecord;
use crate::model::workbook::document::Workbook;
use crate::model::workbook::merge::report::MergeReport;

/// When a change was made: the moment (for `updated_at`) and the user's own
/// calendar day (for date rules such as "a target date is not in the past").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub at: Moment,
    pub today: NaiveDate,
}

#[cfg(test)]
impl Stamp {
    /// A moment for tests: that day at that time in UTC, and that day as today.
    pub(crate) fn on(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> Stamp {
        use chrono::{TimeZone, Utc};
        Stamp {
            at: Moment(
                Utc.with_ymd_and_hms(year, month, day, hour, minute, 0)
                    .unwrap(),
            ),
            today: NaiveDate::from_ymd_opt(year, month, day).unwrap(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    StartAssessment {
        id: String,
        draft: AssessmentDraft,
    },
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
    DeleteAssessment {
        id: String,
    },
    ImportPartnerAssessment {
        id: String,
        assessment: Box<Assessment>,
    },
    RemovePartnerAssessment {
        id: String,
    },
    AddPlan {
        id: String,
        draft: PlanDraft,
    },
    UpdatePlan {
        id: String,
        draft: PlanDraft,
    },
    DeletePlan {
        id: String,
    },
    /// Moves everything in the plan `from` into the plan `into`, then removes
    /// `from` (see `Workbook::combine_plans`).
    CombinePlans {
        into: String,
        from: String,
    },
    /// Puts back a plan combined into another a moment ago (the "Undo" after
    /// `CombinePlans`).
    UncombinePlans(Box<crate::model::plan::CombinedPlan>),
    AddGoal {
        id: String,
        place: GoalPlace,
        draft: GoalDraft,
    },
    AddGoalFromStatement {
        id: String,
        place: GoalPlace,
        assessment_id: String,
        statement_id: String,
    },
    SetGoalStatus {
        id: String,
        status: GoalStatus,
    },
    AddAction {
        id: String,
        goal_id: String,
        draft: ActionDraft,
    },
    SetActionDone {
        id: String,
        done: bool,
    },
    AddEvidence {
        id: String,
        goal_id: String,
        draft: EvidenceDraft,
    },
    AddReview {
        id: String,
        plan_id: String,
        draft: ReviewDraft,
    },
    UpdateAction {
        id: String,
        draft: ActionDraft,
    },
    UpdateEvidence {
        id: String,
        draft: EvidenceDraft,
    },
    UpdateReview {
        id: String,
        draft: ReviewDraft,
    },
    AddSelfRating {
        id: String,
        plan_id: String,
        draft: SelfRatingDraft,
    },
    /// Removes an action, an evidence entry, a review or a self-rating.
    RemoveEntry {
        id: String,
    },
    RemoveGoal {
        id: String,
    },
    /// Changes an assessment's partnership, clinical area, role or date.
    UpdateAssessmentDetails {
        id: String,
        draft: AssessmentDraft,
    },
    /// Changes a goal's title, details or target date.
    UpdateGoal {
        id: String,
        draft: GoalDraft,
    },
    AddPlacement {
        id: String,
        draft: PlacementDraft,
    },
    UpdatePlacement {
        id: String,
        draft: PlacementDraft,
    },
    DeletePlacement {
        id: String,
    },
    AddProject {
        id: String,
        placement_id: String,
        draft: ProjectDraft,
    },
    UpdateProject {
        id: String,
        draft: ProjectDraft,
    },
    AddMilestone {
        id: String,
        project_id: String,
        draft: MilestoneDraft,
    },
    UpdateMilestone {
        id: String,
        draft: MilestoneDraft,
    },
    SetMilestoneDone {
        id: String,
        done: bool,
    },
    AddActivity {
        id: String,
        placement_id: String,
        draft: ActivityDraft,
    },
    UpdateActivity {
        id: String,
        draft: ActivityDraft,
    },
    /// Removes a project, a milestone or an activity entry.
    RemoveFromPlacement {
        id: String,
    },
    /// Merges a backup into the workbook by record id (`merge`): records only
    /// in the backup are added, the newer of two versions wins, and the other
    /// is kept under `conflicts`.
    MergeBackup {
        incoming: Box<Workbook>,
    },
    /// Settles a conflict left by a merge: keep the version in the workbook,
    /// or put the other one in its place.
    ResolveConflict {
        id: String,
        use_other: bool,
    },
    /// The user downloaded a backup of the whole workbook.
    NoteBackup,
    /// After how many days changes not in a backup bring a reminder (0: never).
    SetBackupReminder {
        days: u32,
    },
    /// Puts back a record deleted a moment ago (the "Undo" after a deletion).
    Undelete(Box<DeletedRecord>),
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

/// Why a change was not made. Nothing in the workbook changes when one is refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The user's input needs fixing; each error names its form field.
    Invalid(Vec<FieldError>),
    /// The record the change is about is not in the workbook (for example it
    /// was deleted in another tab).
    NotFound,
    /// The statement is already a goal in the development plan.
    AlreadyInPlan,
    /// The statement id is not in the framework.
    UnknownStatement,
    /// A value off its scale, such as importance 4.
    OutOfRange,
    /// A record with this id is already in the workbook.
    DuplicateId,
    /// The "partner's" file is one of the user's own assessments.
    OwnAssessment,
    /// This partner assessment is already imported, in this version or a newer one.
    AlreadyImported,
}

impl std::fmt::Display for Refusal {
    /// Plain English for the user.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Refusal::Invalid(errors) => {
                return write!(
                    f,
                    "{}",
                    errors
                        .iter()
                        .map(|e| e.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            }
            Refusal::NotFound => "what it changes is no longer in the workbook",
            Refusal::AlreadyInPlan => "that statement is already a goal in your development plan",
            Refusal::UnknownStatement => "that statement is not in the framework",
            Refusal::OutOfRange => "the value is outside its scale",
            Refusal::DuplicateId => "a record with the same id is already in the workbook",
            Refusal::OwnAssessment => {
                "it is one of your own assessments, exported from this workbook: import the file your partner sends you"
            }
            Refusal::AlreadyImported => {
                "you have already imported this assessment (this copy or a newer one), so nothing was added"
            }
        };
        f.write_str(text)
    }
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
    /// Starts an assessment under a new random id.
    pub fn start_assessment(draft: AssessmentDraft) -> Change {
        Change::StartAssessment {
            id: new_id("assessment"),
            draft,
        }
    }

    pub fn add_plan(draft: PlanDraft) -> Change {
        Change::AddPlan {
            id: new_id("plan"),
            draft,
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

    pub fn add_goal_from_statement(
        plan_id: Option<&str>,
        assessment_id: &str,
        statement_id: &str,
    ) -> Change {
        Change::AddGoalFromStatement {
            id: new_id("goal"),
            place: GoalPlace::for_plan(plan_id),
            assessment_id: assessment_id.to_string(),
            statement_id: statement_id.to_string(),
        }
    }

    pub fn add_action(goal_id: &str, draft: ActionDraft) -> Change {
        Change::AddAction {
            id: new_id("action"),
            goal_id: goal_id.to_string(),
            draft,
        }
    }

    pub fn add_evidence(goal_id: &str, draft: EvidenceDraft) -> Change {
        Change::AddEvidence {
            id: new_id("evidence"),
            goal_id: goal_id.to_string(),
            draft,
        }
    }

    pub fn add_self_rating(plan_id: &str, draft: SelfRatingDraft) -> Change {
        Change::AddSelfRating {
            id: new_id("self-rating"),
            plan_id: plan_id.to_string(),
            draft,
        }
    }

    pub fn add_review(plan_id: &str, draft: ReviewDraft) -> Change {
        Change::AddReview {
            id: new_id("review"),
            plan_id: plan_id.to_string(),
            draft,
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

    /// The id of the record this change creates, if it creates one (so a
    /// page can go to it once the change is applied).
    pub fn created_id(&self) -> Option<&str> {
        match self {
            Change::StartAssessment { id, .. }
            | Change::ImportPartnerAssessment { id, .. }
            | Change::AddGoal { id, .. }
            | Change::AddPlan { id, .. }
            | Change::AddAction { id, .. }
            | Change::AddEvidence { id, .. }
            | Change::AddReview { id, .. }
            | Change::AddSelfRating { id, .. }
            | Change::AddGoalFromStatement { id, .. }
            | Change::AddPlacement { id, .. }
            | Change::AddProject { id, .. }
            | Change::AddMilestone { id, .. }
            | Change::AddActivity { id, .. } => Some(id),
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
