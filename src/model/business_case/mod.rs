//! Business cases with invest-to-save figures: money in whole pence
//! (`money`), an option's appraisal as HM Treasury's Green Book sets it out
//! (`appraisal`), and the case's records and forms (`records`).

pub mod appraisal;
pub mod money;
pub mod records;

pub use records::{
    BusinessCase, BusinessCaseDraft, CaseBook, CaseLink, CaseMilestone, CaseMilestoneDraft,
    CaseOption, CaseOptionDraft, CaseRisk, CaseRiskDraft, LinkKind, YearDraft,
};
