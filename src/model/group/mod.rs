//! A commissioning group's view: rounds of its members' self-assessments,
//! added up without any member's own answers (`summary`, on the arithmetic
//! of `stats`), and what the group agreed in its workshop (`rounds`).

pub mod rounds;
pub mod stats;
pub mod summary;
pub mod wording;

pub use rounds::{AgreementDraft, AreaAgreement, GroupBook, GroupMember, GroupRound, RoundDraft};
