//! One module per route.

mod about;
pub mod agreement;
pub mod areas;
pub mod assessment;
pub mod business_case;
pub mod group;
mod home;
mod linked_backup;
mod not_found;
pub mod placement;
pub mod plan;
mod protected_backup;
mod your_data;

pub use about::About;
pub use home::Home;
pub use not_found::{CouldNotOpen, NotFound, Opening};
pub use your_data::YourData;
