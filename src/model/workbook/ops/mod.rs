//! The operations on the workbook, one file per area. Each holds its area's
//! rules ("a statement becomes a goal once", "a goal needs a title"); the
//! dispatcher (`apply`) calls them.

pub mod agreement;
pub mod assessment;
pub mod backup_reminder;
pub mod business_case;
pub mod conflicts;
pub mod group;
pub mod placement;
pub mod plan_entries;
pub mod plans;
