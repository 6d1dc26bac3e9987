//! Every change a user can make to the workbook, as a named operation.
//!
//! Pages never edit the `Workbook` themselves: they build a `Change` and the UI
//! store applies it with `Workbook::apply`. The rules ("a statement becomes a
//! goal once", "a goal needs a title") live here, where native tests reach
//! them. A change is plain data that carries the ids it creates, so the same
//! change can be replayed on a newer copy of the document saved by another tab
//! (see `sync`) and give the same result.

use chrono::NaiveDate;

use super::placement_changes::PlacementPart;
use super::workbook::{RecordKind, Tombstone, Workbook};
use crate::model::assessment::framework::{MAX_IMPORTANCE, MIN_IMPORTANCE};
use crate::model::assessment::{Assessment, AssessmentDraft, Rating};
use crate::model::common::dates::long_date;
use crate::model::common::ids::new_id;
use crate::model::common::saved_dates::Moment;
use crate::model::common::validation::FieldError;
use crate::model::placement::{
    ActivityDraft, MilestoneDraft, Placement, PlacementDraft, ProjectDraft,
};
use crate::model::plan::{
    Action, ActionDraft, EvidenceDraft, EvidenceEntry, Goal, GoalDraft, GoalStatus, Plan,
    PlanDraft, Review, ReviewDraft, SelfRating, SelfRatingDraft,
};

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

/// A deleted record with where it was, so an undo puts it back in place.
#[derive(Clone, Debug, PartialEq)]
pub enum DeletedRecord {
    Assessment {
        record: Assessment,
        position: usize,
    },
    PartnerAssessment {
        record: Assessment,
        position: usize,
    },
    Goal {
        plan_id: String,
        record: Goal,
        position: usize,
    },
    Plan {
        record: Plan,
        position: usize,
    },
    /// An action, evidence entry, review or self-rating, and the goal or plan it was under.
    Entry {
        owner_id: String,
        entry: PlanEntry,
        position: usize,
    },
    Placement {
        record: Placement,
        position: usize,
    },
    /// A project or activity entry and its placement, or a milestone and its project.
    PlacementPart {
        owner_id: String,
        part: PlacementPart,
        position: usize,
    },
}

/// What sits under a goal (actions, evidence) or a plan (reviews, self-ratings).
#[derive(Clone, Debug, PartialEq)]
pub enum PlanEntry {
    Action(Action),
    Evidence(EvidenceEntry),
    Review(Review),
    SelfRating(SelfRating),
}

impl PlanEntry {
    pub fn id(&self) -> &str {
        match self {
            PlanEntry::Action(a) => &a.id,
            PlanEntry::Evidence(e) => &e.id,
            PlanEntry::Review(r) => &r.id,
            PlanEntry::SelfRating(r) => &r.id,
        }
    }
}

impl DeletedRecord {
    fn id(&self) -> &str {
        match self {
            DeletedRecord::Assessment { record, .. }
            | DeletedRecord::PartnerAssessment { record, .. } => &record.id,
            DeletedRecord::Goal { record, .. } => &record.id,
            DeletedRecord::Plan { record, .. } => &record.id,
            DeletedRecord::Entry { entry, .. } => entry.id(),
            DeletedRecord::Placement { record, .. } => &record.id,
            DeletedRecord::PlacementPart { part, .. } => part.id(),
        }
    }

    /// What was deleted, for the "Deleted … Undo" message.
    pub fn describe(&self) -> String {
        match self {
            DeletedRecord::Assessment { record, .. } => {
                format!("the assessment {}", record.title())
            }
            DeletedRecord::PartnerAssessment { record, .. } => {
                format!("your partner's assessment {}", record.title())
            }
            DeletedRecord::Goal { record, .. } => format!("the goal \"{}\"", record.title),
            DeletedRecord::Plan { record, .. } => format!("the plan \"{}\"", record.name),
            DeletedRecord::Entry { entry, .. } => match entry {
                PlanEntry::Action(a) => format!("the action \"{}\"", a.text),
                PlanEntry::Evidence(e) => format!("the evidence from {}", long_date(e.date)),
                PlanEntry::Review(r) => format!("the review of {}", long_date(r.date)),
                PlanEntry::SelfRating(r) => format!("the self-rating of {}", long_date(r.date)),
            },
            DeletedRecord::Placement { record, .. } => {
                format!("the placement at {}", record.title())
            }
            DeletedRecord::PlacementPart { part, .. } => part.describe(),
        }
    }
}

/// How a partner's assessment file relates to what the workbook holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartnerImport {
    /// Not seen before: it will be added.
    New,
    /// A newer copy of one already imported (as `existing_id`): it will replace it.
    Newer { existing_id: String },
    /// The same copy as one already imported.
    Same,
    /// An older copy than the one already imported.
    Older,
    /// One of the user's own assessments, exported from this workbook.
    Own,
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

impl Workbook {
    /// Applies one change, or refuses it and changes nothing.
    pub fn apply(&mut self, change: &Change, stamp: Stamp) -> Result<(), Refusal> {
        match change {
            Change::StartAssessment { id, draft } => self.start_assessment(id, draft, stamp),
            Change::SetRating {
                assessment_id,
                statement_id,
                rating,
            } => self.edit_assessment(assessment_id, stamp, |a| {
                a.set_rating(statement_id, *rating, stamp.at);
                Ok(())
            }),
            Change::SetEvidence {
                assessment_id,
                statement_id,
                text,
            } => self.edit_assessment(assessment_id, stamp, |a| {
                a.set_evidence(statement_id, text, stamp.at);
                Ok(())
            }),
            Change::SetFlagged {
                assessment_id,
                statement_id,
                flagged,
            } => self.edit_assessment(assessment_id, stamp, |a| {
                a.set_flagged(statement_id, *flagged, stamp.at);
                Ok(())
            }),
            Change::SetImportance {
                assessment_id,
                domain_id,
                importance,
            } => self.set_importance(assessment_id, domain_id, *importance, stamp),
            Change::DeleteAssessment { id } => self.delete_assessment(id, stamp),
            Change::ImportPartnerAssessment { id, assessment } => {
                self.import_partner_assessment(id, assessment, stamp)
            }
            Change::RemovePartnerAssessment { id } => self.remove_partner_assessment(id, stamp),
            Change::AddGoal { id, place, draft } => self.add_goal(id, place, draft, stamp),
            Change::AddGoalFromStatement {
                id,
                place,
                assessment_id,
                statement_id,
            } => self.add_goal_from_statement(id, place, assessment_id, statement_id, stamp),
            Change::AddPlan { id, draft } => self.add_plan(id, draft, stamp),
            Change::UpdatePlan { id, draft } => self.update_plan(id, draft, stamp),
            Change::DeletePlan { id } => self.delete_plan(id, stamp),
            Change::CombinePlans { into, from } => self.combine_plans(into, from, stamp),
            Change::UncombinePlans(combined) => self.uncombine_plans(combined, stamp),
            Change::SetGoalStatus { id, status } => self.set_goal_status(id, *status, stamp),
            Change::AddAction { id, goal_id, draft } => self.add_action(id, goal_id, draft, stamp),
            Change::SetActionDone { id, done } => self.set_action_done(id, *done, stamp),
            Change::AddEvidence { id, goal_id, draft } => {
                self.add_evidence(id, goal_id, draft, stamp)
            }
            Change::AddReview { id, plan_id, draft } => self.add_review(id, plan_id, draft, stamp),
            Change::RemoveEntry { id } => self.remove_entry(id, stamp),
            Change::AddSelfRating { id, plan_id, draft } => {
                self.add_self_rating(id, plan_id, draft, stamp)
            }
            Change::UpdateAction { id, draft } => self.update_action(id, draft, stamp),
            Change::UpdateEvidence { id, draft } => self.update_evidence(id, draft, stamp),
            Change::UpdateReview { id, draft } => self.update_review(id, draft, stamp),
            Change::RemoveGoal { id } => self.remove_goal(id, stamp),
            Change::UpdateAssessmentDetails { id, draft } => {
                self.update_assessment_details(id, draft, stamp)
            }
            Change::UpdateGoal { id, draft } => self.update_goal(id, draft, stamp),
            Change::AddPlacement { id, draft } => self.add_placement(id, draft, stamp),
            Change::UpdatePlacement { id, draft } => self.update_placement(id, draft, stamp),
            Change::DeletePlacement { id } => self.delete_placement(id, stamp),
            Change::AddProject {
                id,
                placement_id,
                draft,
            } => self.add_project(id, placement_id, draft, stamp),
            Change::UpdateProject { id, draft } => self.update_project(id, draft, stamp),
            Change::AddMilestone {
                id,
                project_id,
                draft,
            } => self.add_milestone(id, project_id, draft, stamp),
            Change::UpdateMilestone { id, draft } => self.update_milestone(id, draft, stamp),
            Change::SetMilestoneDone { id, done } => self.set_milestone_done(id, *done, stamp),
            Change::AddActivity {
                id,
                placement_id,
                draft,
            } => self.add_activity(id, placement_id, draft, stamp),
            Change::UpdateActivity { id, draft } => self.update_activity(id, draft, stamp),
            Change::RemoveFromPlacement { id } => self.remove_from_placement(id, stamp),
            Change::MergeBackup { incoming } => {
                *self = super::merge::merge(self, incoming, stamp.at).workbook;
                Ok(())
            }
            Change::ResolveConflict {
                id,
                use_other: true,
            } => self.resolve_conflict_use_other(id, stamp.at),
            Change::ResolveConflict {
                id,
                use_other: false,
            } => self.resolve_conflict_keep_current(id, stamp.at),
            Change::NoteBackup => self.note_backup(stamp),
            Change::SetBackupReminder { days } => self.set_backup_reminder(*days, stamp),
            Change::Undelete(deleted) => self.undelete(deleted, stamp),
        }
    }

    /// The change that would undo `change`, worked out before it is applied:
    /// for a deletion, putting the record back where it was; for plans
    /// combined, separating them again. Other changes
    /// have no undo here (the user changes them back directly).
    pub fn undo_for(&self, change: &Change) -> Option<Change> {
        let deleted = match change {
            Change::DeleteAssessment { id } => {
                let position = self.assessments.iter().position(|a| &a.id == id)?;
                DeletedRecord::Assessment {
                    record: self.assessments[position].clone(),
                    position,
                }
            }
            Change::RemovePartnerAssessment { id } => {
                let position = self.partner_assessments.iter().position(|a| &a.id == id)?;
                DeletedRecord::PartnerAssessment {
                    record: self.partner_assessments[position].clone(),
                    position,
                }
            }
            Change::RemoveGoal { id } => self.deleted_plan_record(id, true)?,
            Change::DeletePlan { id } => self.deleted_plan_record(id, false)?,
            Change::CombinePlans { into, from } => {
                let combined = self.combined_plan_record(into, from)?;
                return Some(Change::UncombinePlans(Box::new(combined)));
            }
            Change::RemoveEntry { id } => self.deleted_entry_record(id)?,
            Change::DeletePlacement { id } => self.deleted_placement_record(id, true)?,
            Change::RemoveFromPlacement { id } => self.deleted_placement_record(id, false)?,
            _ => return None,
        };
        Some(Change::Undelete(Box::new(deleted)))
    }

    fn undelete(&mut self, deleted: &DeletedRecord, stamp: Stamp) -> Result<(), Refusal> {
        let id = deleted.id().to_string();
        let live = self.assessments.iter().any(|a| a.id == id)
            || self.partner_assessments.iter().any(|a| a.id == id)
            || self.plan_ids().any(|p| p == id)
            || self.placement_ids().any(|p| p == id);
        if live {
            return Err(Refusal::DuplicateId);
        }
        fn put_back<T: Clone>(list: &mut Vec<T>, record: &T, position: usize) {
            list.insert(position.min(list.len()), record.clone());
        }
        match deleted {
            DeletedRecord::Assessment { record, position } => {
                put_back(&mut self.assessments, record, *position)
            }
            DeletedRecord::PartnerAssessment { record, position } => {
                put_back(&mut self.partner_assessments, record, *position)
            }
            DeletedRecord::Goal {
                plan_id,
                record,
                position,
            } => {
                let plan = self
                    .plans
                    .iter_mut()
                    .find(|p| &p.id == plan_id)
                    .ok_or(Refusal::NotFound)?;
                put_back(&mut plan.goals, record, *position)
            }
            DeletedRecord::Plan { record, position } => {
                put_back(&mut self.plans, record, *position)
            }
            DeletedRecord::Entry {
                owner_id,
                entry,
                position,
            } => self.put_entry_back(owner_id, entry, *position)?,
            DeletedRecord::Placement { record, position } => {
                put_back(&mut self.placements, record, *position)
            }
            DeletedRecord::PlacementPart {
                owner_id,
                part,
                position,
            } => self.put_placement_part_back(owner_id, part, *position)?,
        }
        self.deleted.retain(|t| t.id != id);
        self.updated_at = stamp.at;
        Ok(())
    }

    pub fn update_assessment_details(
        &mut self,
        id: &str,
        draft: &AssessmentDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let checked = draft
            .validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)?;
        self.edit_assessment(id, stamp, |a| {
            a.partnership = checked.partnership;
            a.clinical_area = checked.clinical_area;
            a.role = checked.role;
            a.date = checked.date;
            a.updated_at = stamp.at;
            Ok(())
        })
    }

    /// How importing this partner's assessment would go (see `PartnerImport`).
    pub fn partner_import(&self, theirs: &Assessment) -> PartnerImport {
        // Ids are random, so the same id and start time means the same record;
        // an id alone could come from an older workbook's counter-based ids.
        if self
            .assessments
            .iter()
            .any(|a| a.id == theirs.id && a.created_at == theirs.created_at)
        {
            return PartnerImport::Own;
        }
        let earlier = self
            .partner_assessments
            .iter()
            .find(|p| p.original_id.as_deref() == Some(theirs.id.as_str()));
        match earlier {
            None => PartnerImport::New,
            Some(p) if theirs.updated_at > p.updated_at => PartnerImport::Newer {
                existing_id: p.id.clone(),
            },
            Some(p) if theirs.updated_at == p.updated_at => PartnerImport::Same,
            Some(_) => PartnerImport::Older,
        }
    }

    /// True when some record already uses `id`.
    pub(super) fn id_in_use(&self, id: &str) -> bool {
        self.assessments.iter().any(|a| a.id == id)
            || self.partner_assessments.iter().any(|a| a.id == id)
            || self.plan_ids().any(|p| p == id)
            || self.placement_ids().any(|p| p == id)
            || self.was_deleted(id)
    }

    pub(super) fn bury(&mut self, id: &str, kind: RecordKind, stamp: Stamp) {
        self.deleted.push(Tombstone {
            id: id.to_string(),
            kind,
            deleted_at: stamp.at,
        });
        self.updated_at = stamp.at;
    }

    pub fn start_assessment(
        &mut self,
        id: &str,
        draft: &AssessmentDraft,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        if self.id_in_use(id) {
            return Err(Refusal::DuplicateId);
        }
        let assessment = draft
            .validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)?;
        self.assessments.push(assessment);
        self.updated_at = stamp.at;
        Ok(())
    }

    /// Changes one of the user's own assessments with `edit`.
    fn edit_assessment(
        &mut self,
        assessment_id: &str,
        stamp: Stamp,
        edit: impl FnOnce(&mut Assessment) -> Result<(), Refusal>,
    ) -> Result<(), Refusal> {
        let assessment = self
            .assessments
            .iter_mut()
            .find(|a| a.id == assessment_id)
            .ok_or(Refusal::NotFound)?;
        edit(assessment)?;
        self.updated_at = stamp.at;
        Ok(())
    }

    pub fn set_importance(
        &mut self,
        assessment_id: &str,
        domain_id: &str,
        importance: Option<u8>,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        if importance.is_some_and(|v| !(MIN_IMPORTANCE..=MAX_IMPORTANCE).contains(&v)) {
            return Err(Refusal::OutOfRange);
        }
        self.edit_assessment(assessment_id, stamp, |a| {
            a.set_importance(domain_id, importance, stamp.at);
            Ok(())
        })
    }

    pub fn delete_assessment(&mut self, id: &str, stamp: Stamp) -> Result<(), Refusal> {
        let before = self.assessments.len();
        self.assessments.retain(|a| a.id != id);
        if self.assessments.len() == before {
            return Err(Refusal::NotFound);
        }
        self.bury(id, RecordKind::Assessment, stamp);
        Ok(())
    }

    /// Adds a partner's assessment under our own id, remembering theirs. The
    /// user's own assessment, or a copy already imported, is refused; a newer
    /// copy of one already imported replaces it (keeping our id).
    pub fn import_partner_assessment(
        &mut self,
        id: &str,
        assessment: &Assessment,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let mut theirs = assessment.clone();
        theirs.original_id = Some(assessment.id.clone());
        match self.partner_import(assessment) {
            PartnerImport::Own => return Err(Refusal::OwnAssessment),
            PartnerImport::Same | PartnerImport::Older => return Err(Refusal::AlreadyImported),
            PartnerImport::Newer { existing_id } => {
                theirs.id = existing_id.clone();
                if let Some(slot) = self
                    .partner_assessments
                    .iter_mut()
                    .find(|p| p.id == existing_id)
                {
                    *slot = theirs;
                }
            }
            PartnerImport::New => {
                if self.id_in_use(id) {
                    return Err(Refusal::DuplicateId);
                }
                theirs.id = id.to_string();
                self.partner_assessments.push(theirs);
            }
        }
        self.updated_at = stamp.at;
        Ok(())
    }

    pub fn remove_partner_assessment(&mut self, id: &str, stamp: Stamp) -> Result<(), Refusal> {
        let before = self.partner_assessments.len();
        self.partner_assessments.retain(|a| a.id != id);
        if self.partner_assessments.len() == before {
            return Err(Refusal::NotFound);
        }
        self.bury(id, RecordKind::PartnerAssessment, stamp);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::Role;
    use crate::model::common::saved_dates::Day;
    use crate::model::plan::GOAL_TITLE_FIELD;

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
            &Change::StartAssessment {
                id: "a1".into(),
                draft: draft(),
            },
            stamp(1),
        )
        .unwrap();
        wb
    }

    #[test]
    fn starting_an_assessment_validates_and_stamps() {
        let mut wb = Workbook::new(stamp(0).at);
        let refused = wb.apply(
            &Change::start_assessment(AssessmentDraft::default()),
            stamp(1),
        );
        assert!(matches!(refused, Err(Refusal::Invalid(ref e)) if e.len() == 3));
        assert!(wb.assessments.is_empty());
        assert_eq!(
            wb.updated_at,
            stamp(0).at,
            "a refused change changes nothing"
        );

        let start = Change::start_assessment(draft());
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
        let goals = &wb.plans[0].goals;
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
        let first = Change::add_goal_from_statement(None, "a1", "power-1");
        wb.apply(&first, stamp(3)).unwrap();
        let goal = &wb.plans[0].goals[0];
        assert!(goal.title.starts_with("Improve: "));
        assert!(goal.learning_need.contains("East Kent"));
        assert!(goal.learning_need.contains("You rated it: 1"));
        assert!(wb.statement_is_in_plan("a1", "power-1"));

        assert_eq!(
            wb.apply(
                &Change::add_goal_from_statement(None, "a1", "power-1"),
                stamp(4)
            ),
            Err(Refusal::AlreadyInPlan)
        );
        assert_eq!(
            wb.apply(
                &Change::add_goal_from_statement(None, "a1", "no-such"),
                stamp(4)
            ),
            Err(Refusal::UnknownStatement)
        );
        assert_eq!(
            wb.apply(
                &Change::add_goal_from_statement(None, "zz", "power-1"),
                stamp(4)
            ),
            Err(Refusal::NotFound)
        );
        // Once the goal is removed, the statement can become a goal again.
        let id = wb.plans[0].goals[0].id.clone();
        wb.apply(&Change::RemoveGoal { id }, stamp(5)).unwrap();
        wb.apply(
            &Change::add_goal_from_statement(None, "a1", "power-1"),
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
        wb.apply(&Change::RemoveGoal { id: "g1".into() }, stamp(4))
            .unwrap();
        assert!(wb.plans[0].goals.is_empty());
        assert_eq!(
            wb.deleted,
            vec![Tombstone {
                id: "g1".into(),
                kind: RecordKind::Goal,
                deleted_at: stamp(4).at
            }]
        );
        assert_eq!(
            wb.apply(&Change::RemoveGoal { id: "g1".into() }, stamp(5)),
            Err(Refusal::NotFound)
        );
        assert_eq!(
            wb.apply(&add, stamp(6)),
            Err(Refusal::DuplicateId),
            "a deleted record's id is not brought back"
        );

        wb.apply(&Change::DeleteAssessment { id: "a1".into() }, stamp(7))
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
            &Change::RemovePartnerAssessment { id: id.clone() },
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
            &Change::UpdateAssessmentDetails {
                id: "a1".into(),
                draft: changed.clone(),
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
                &Change::UpdateAssessmentDetails {
                    id: "a1".into(),
                    draft: changed
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
            &Change::add_goal_from_statement(None, "a1", "power-1"),
            stamp(2),
        )
        .unwrap();
        let id = wb.plans[0].goals[0].id.clone();
        let mut draft = GoalDraft::of(&wb.plans[0].goals[0]);
        assert_eq!(
            draft.target_date, "",
            "a goal from a statement starts with no date"
        );
        draft.target_date = "2027-03-31".into();
        wb.apply(
            &Change::UpdateGoal {
                id: id.clone(),
                draft: draft.clone(),
            },
            stamp(3),
        )
        .unwrap();
        let goal = &wb.plans[0].goals[0];
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
        draft.title = "Improve: reworded".into();
        wb.apply(
            &Change::UpdateGoal {
                id: id.clone(),
                draft: draft.clone(),
            },
            later,
        )
        .unwrap();
        assert_eq!(wb.plans[0].goals[0].title, "Improve: reworded");
        // ...but a new date in the past is refused.
        draft.target_date = "2027-05-01".into();
        assert!(matches!(
            wb.apply(&Change::UpdateGoal { id, draft }, later),
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
        let second = wb.plans[0].goals[1].id.clone();
        let remove = Change::RemoveGoal { id: second.clone() };
        let undo = wb.undo_for(&remove).expect("a deletion has an undo");
        wb.apply(&remove, stamp(3)).unwrap();
        assert!(wb.was_deleted(&second));
        match &undo {
            Change::Undelete(record) => assert_eq!(record.describe(), "the goal \"Second\""),
            other => panic!("expected undelete, got {other:?}"),
        }
        wb.apply(&undo, stamp(4)).unwrap();
        let titles: Vec<&str> = wb.plans[0].goals.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, vec!["First", "Second", "Third"]);
        assert!(!wb.was_deleted(&second), "the tombstone goes with the undo");
        assert_eq!(
            wb.apply(&undo, stamp(5)),
            Err(Refusal::DuplicateId),
            "undone once only"
        );

        let delete = Change::DeleteAssessment { id: "a1".into() };
        let undo = wb.undo_for(&delete).unwrap();
        wb.apply(&delete, stamp(6)).unwrap();
        wb.apply(&undo, stamp(7)).unwrap();
        assert!(wb.assessment("a1").is_some());
        assert_eq!(wb.undo_for(&Change::RemoveGoal { id: "nope".into() }), None);
        assert_eq!(
            wb.undo_for(&Change::add_goal(None, GoalDraft::default())),
            None,
            "only deletions have an undo"
        );
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
        assert!(!Change::RemoveGoal { id: "g".into() }.is_typing());
    }
}
