//! The partnership-readiness framework (domains and statements): filled in by the
//! self-assessment capability.
