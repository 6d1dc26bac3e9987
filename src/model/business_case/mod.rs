//! Business cases with invest-to-save figures: money in whole pence
//! (`money`) and an option's appraisal as HM Treasury's Green Book sets it
//! out (`appraisal`). The records and forms of a business case come next.

pub mod appraisal;
pub mod money;
