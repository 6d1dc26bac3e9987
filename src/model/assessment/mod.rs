//! The partnership-readiness self-assessment: the framework content (a typed
//! table with ids, wording, sources and a version), assessments and their
//! answers, scoring and comparison, and the goal suggested for each
//! statement. Imports only `common`.

pub mod answers;
pub mod framework;
pub mod scoring;
pub mod suggested_goals;

pub use answers::{Answer, Assessment, AssessmentDraft, Rating, Role, MAX_LEVEL};
