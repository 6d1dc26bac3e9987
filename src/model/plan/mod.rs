//! Leadership development plans. A user keeps one or more plans (a period, an
//! aim); each holds goals in the shape of a doctor's personal development plan
//! (learning need, goal, actions, how success will show, target date,
//! review/outcome, status, support needed, the capability it builds), with
//! actions to tick off, evidence and reflections, and dated reviews of the plan.
//! `attention` works out what is overdue or due soon.
//!
//! Imports only `common` and `capabilities`: goals made from assessment
//! statements are put together by the document's operations, which know both.

#[cfg(test)]
mod at_awkward_moments;
pub mod attention;
pub mod entries;
pub mod goals;
pub mod plans;
pub mod self_rating;

pub use entries::{Action, ActionDraft, EvidenceDraft, EvidenceEntry, Review, ReviewDraft};
pub use goals::{
    Goal, GoalDraft, GoalOrigin, GoalStatus, Support, GOAL_TARGET_DATE_FIELD, GOAL_TITLE_FIELD,
};
pub use plans::{CombinedPlan, Plan, PlanBook, PlanDraft};
pub use self_rating::{SelfRating, SelfRatingDraft};
