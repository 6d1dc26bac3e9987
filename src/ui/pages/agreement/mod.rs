//! The support agreement's pages: a written agreement between a
//! commissioning group and its commissioning organisation about the support
//! the organisation gives. Starting one (blank, or drafted from a
//! self-assessment's weak statements), its commitments with their sources,
//! sending it to the other party and settling their changes clause by
//! clause, marking a version agreed, recording delivery and review meetings,
//! and printing it for signing with a one-page delivery report. Pages are
//! thin: they show the workbook's support-agreement section (read when the
//! first of them opens) and send named changes through the store.

mod agreement_page;
mod commitment;
mod delivery;
mod details;
mod overview;
mod parts;
mod print;
mod reviews;
mod start;
mod versions;

pub use agreement_page::AgreementPage;
pub use commitment::{CommitmentPage, NewCommitment};
pub use delivery::EditDelivery;
pub use details::AgreementDetails;
pub use overview::SupportAgreements;
pub use print::{DeliveryReportPage, PrintAgreement};
pub use reviews::{EditReviewMeeting, Reviews};
pub use start::StartAgreement;
pub use versions::Versions;
