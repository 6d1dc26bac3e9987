//! The business case's pages: a case for a new or changed service, put to a
//! commissioning executive committee or an invest-to-save fund. Starting one
//! (from a placement project, a plan goal, or on its own), its sections in
//! proportion to a small scheme, its options with their costs and savings
//! year by year and the Green Book's figures for each, their risks, its
//! milestones, a one-page summary and the full case to print, the figures
//! as CSV, and the case shared as a file. Pages are thin: they show the
//! workbook's business-case section (read when the first of them opens)
//! and send named changes through the store.

mod case_page;
mod details;
mod linked;
mod milestone;
mod option;
mod option_form;
mod overview;
mod parts;
mod print;
mod risk;
mod share;
mod start;

pub use case_page::CasePage;
pub use details::CaseDetails;
pub use linked::CasesFor;
pub use milestone::{EditMilestone, NewMilestone};
pub use option::OptionPage;
pub use option_form::{EditOption, NewOption};
pub use overview::BusinessCases;
pub use print::{PrintCase, PrintSummary};
pub use risk::{EditRisk, NewRisk};
pub use start::StartCase;
