//! When a change is made (`Stamp`) and why one is refused (`Refusal`): what
//! every operation takes and may give back, below everything that applies them.

use chrono::NaiveDate;

use crate::model::common::saved_dates::Moment;
use crate::model::common::validation::FieldError;

/// When a change was made: the moment (for `updated_at`) and the user's own
/// calendar day (for date rules such as "a target date is not in the past").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub at: Moment,
    pub today: NaiveDate,
}

#[cfg(test)]
impl Stamp {
    /// A moment for tests: that day at that time in UTC, and that day as today.
    pub(crate) fn on(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> Stamp {
        use chrono::{TimeZone, Utc};
        Stamp {
            at: Moment(
                Utc.with_ymd_and_hms(year, month, day, hour, minute, 0)
                    .unwrap(),
            ),
            today: NaiveDate::from_ymd_opt(year, month, day).unwrap(),
        }
    }
}

/// Why a change was not made. Nothing in the workbook changes when one is refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The user's input needs fixing; each error names its form field.
    Invalid(Vec<FieldError>),
    /// The record the change is about is not in the workbook (for example it
    /// was deleted in another tab).
    NotFound,
    /// The statement is already a goal in the development plan.
    AlreadyInPlan,
    /// The round has levels agreed for that area already (change those instead).
    AlreadyAgreed,
    /// The statement id is not in the framework.
    UnknownStatement,
    /// A value off its scale, such as importance 4.
    OutOfRange,
    /// A record with this id is already in the workbook.
    DuplicateId,
    /// The "partner's" file is one of the user's own assessments.
    OwnAssessment,
    /// This partner assessment is already imported, in this version or a newer one.
    AlreadyImported,
    /// The change is about records this page's dispatcher does not handle
    /// (`Workbook::apply_in`): a fault in the app, never the user's doing.
    NotFromThisPage,
}

impl std::fmt::Display for Refusal {
    /// Plain English for the user.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Refusal::Invalid(errors) => {
                return write!(
                    f,
                    "{}",
                    errors
                        .iter()
                        .map(|e| e.message.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            }
            Refusal::NotFound => "what it changes is no longer in the workbook",
            Refusal::AlreadyInPlan => "that statement is already a goal in your development plan",
            Refusal::AlreadyAgreed => "the round has levels agreed for that area already",
            Refusal::UnknownStatement => "that statement is not in the framework",
            Refusal::OutOfRange => "the value is outside its scale",
            Refusal::DuplicateId => "a record with the same id is already in the workbook",
            Refusal::OwnAssessment => {
                "it is one of your own assessments, exported from this workbook: import the file your partner sends you"
            }
            Refusal::AlreadyImported => {
                "you have already imported this assessment (this copy or a newer one), so nothing was added"
            }
            Refusal::NotFromThisPage => {
                "this page cannot make that change (a fault in the app; a backup from Your data keeps everything)"
            }
        };
        f.write_str(text)
    }
}
