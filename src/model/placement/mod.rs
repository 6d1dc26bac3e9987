//! The placement log for GP trainees on placements in a commissioning
//! organisation: the placement (`placements`: host, supervisor, dates and
//! objectives, with week N of M), its projects and milestones (`projects`), the
//! dated activity log with reflections and the capabilities each entry
//! evidences (`activity`, with the log's filters), and the sums the dashboard
//! and end-of-placement summary show (`dashboard`).
//!
//! Imports only `common` and `capabilities`; the document's operations put
//! records in and take them out.

pub mod activity;
#[cfg(test)]
mod at_awkward_moments;
pub mod dashboard;
pub mod placements;
/// Entries and the summary as text for the RCGP portfolio's learning log.
pub mod portfolio;
pub mod projects;

pub use activity::{
    ActivityDraft, ActivityEntry, ActivityType, Effectiveness, LogFilter, ProjectFilter,
};
pub use dashboard::Dashboard;
pub use placements::{Placement, PlacementBook, PlacementDraft, Progress};
pub use projects::{Milestone, MilestoneDraft, Project, ProjectDraft, ProjectStatus};
