//! The placement log pages: setting up a placement, its dashboard and
//! projects, the activity log with its filters, logging and changing an entry,
//! and the end-of-placement summary. Pages are thin: they show the workbook
//! and send named changes (`Change::AddActivity`, …) through the store.

mod activity_form;
mod log;
mod overview;
mod parts;
mod placement_forms;
mod projects;
mod summary;

pub use activity_form::{EditActivity, NewActivity};
pub use log::ActivityLog;
pub use overview::{PlacementLog, PlacementPage};
pub use placement_forms::{NewPlacement, PlacementDetails};
pub use projects::{EditMilestone, EditProject, ProjectPage};
pub use summary::PlacementSummary;
