//! One module per route.

mod about;
mod development_plan;
mod home;
mod not_found;
mod placement_log;
mod self_assessment;
mod your_data;

pub use about::About;
pub use development_plan::DevelopmentPlan;
pub use home::Home;
pub use not_found::NotFound;
pub use placement_log::PlacementLog;
pub use self_assessment::SelfAssessment;
pub use your_data::YourData;
