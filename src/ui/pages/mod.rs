//! One module per route.

mod about;
pub mod assessment;
mod development_plan;
mod home;
mod not_found;
mod placement_log;
mod your_data;

pub use about::About;
pub use development_plan::{DevelopmentPlan, EditGoal};
pub use home::Home;
pub use not_found::NotFound;
pub use placement_log::PlacementLog;
pub use your_data::YourData;
