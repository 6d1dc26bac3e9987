//! Support agreements between a commissioning group and its commissioning
//! organisation: the sourced clause library (`clauses`) and an agreement's
//! commitments, drafted from a self-assessment and compared version by
//! version (`versions`). The agreement's records and pages come next.

pub mod clauses;
pub mod versions;
