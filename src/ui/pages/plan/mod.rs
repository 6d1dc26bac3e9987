//! The leadership development plan pages: a plan with its goals, a goal with
//! its actions and evidence, and the forms to start, change and delete them.

mod combine;
mod entry_edit;
mod goal_page;
mod goals;
mod parts;
mod plan_forms;
mod plan_page;
mod self_rating;

pub use combine::CombinePlans;
pub use entry_edit::EditEntry;
pub use goal_page::GoalPage;
pub use goals::EditGoal;
pub use plan_forms::{NewPlan, PlanDetails};
pub use plan_page::{DevelopmentPlan, PlanPage};
pub use self_rating::SelfRatingPage;
