//! Support agreements between a commissioning group and its commissioning
//! organisation: the sourced clause library (`clauses`); the agreement's
//! records and their forms (`records`); drafting from a self-assessment and
//! comparing two versions clause by clause (`versions`); and whether the
//! commitments are being delivered (`delivery`).

pub mod clauses;
pub mod delivery;
pub mod records;
pub mod versions;

pub use records::{
    AgreementBook, AgreementVersion, Commitment, CommitmentDraft, Delivery, DeliveryDraft,
    DeliveryOutcome, Party, ReviewMeeting, ReviewMeetingDraft, SignOff, SignOffDraft,
    SupportAgreement, SupportAgreementDraft, Terms, VersionDraft, VersionSource,
};
