//! Whether a support agreement is being kept: each commitment's standing on
//! a given day, what needs attention (commitments delivered late or not
//! delivered, those past their date with nothing recorded, and the next
//! review), and the counts a one-page delivery report shows.

use chrono::NaiveDate;

use super::records::{Commitment, DeliveryOutcome, SupportAgreement};
use crate::model::common::saved_dates::Day;

/// How a commitment stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Its latest delivery record says so.
    Recorded(DeliveryOutcome),
    /// Its date due by has passed and no delivery is recorded.
    PastDueUnrecorded(Day),
    /// Nothing recorded yet, and not yet due (or with no date).
    NothingYet,
}

impl Standing {
    pub fn of(commitment: &Commitment, today: NaiveDate) -> Standing {
        match (commitment.last_delivery(), commitment.due) {
            (Some(d), _) => Standing::Recorded(d.outcome),
            (None, Some(due)) if *due < today => Standing::PastDueUnrecorded(due),
            _ => Standing::NothingYet,
        }
    }

    /// In the user's words, for a table cell.
    pub fn label(self) -> String {
        match self {
            Standing::Recorded(outcome) => outcome.label().to_string(),
            Standing::PastDueUnrecorded(_) => "Past its date, nothing recorded".into(),
            Standing::NothingYet => "Nothing recorded yet".into(),
        }
    }

    /// True for what needs attention: late, not delivered, or past its date
    /// with nothing recorded.
    pub fn needs_attention(self) -> bool {
        matches!(
            self,
            Standing::Recorded(DeliveryOutcome::Late | DeliveryOutcome::NotDelivered)
                | Standing::PastDueUnrecorded(_)
        )
    }
}

/// A commitment that needs attention, with its clause number (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pressing {
    pub number: usize,
    pub commitment_id: String,
    pub title: String,
    pub standing: Standing,
}

/// What in an agreement needs attention on a day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreementAttention {
    pub commitments: Vec<Pressing>,
    pub next_review: Option<Day>,
    /// The next review's date has passed and no meeting is recorded since.
    pub review_overdue: bool,
}

impl AgreementAttention {
    pub fn is_empty(&self) -> bool {
        self.commitments.is_empty() && self.next_review.is_none()
    }
}

pub fn attention(agreement: &SupportAgreement, today: NaiveDate) -> AgreementAttention {
    let commitments = agreement
        .commitments
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let standing = Standing::of(c, today);
            standing.needs_attention().then(|| Pressing {
                number: i + 1,
                commitment_id: c.id.clone(),
                title: c.short_title(),
                standing,
            })
        })
        .collect();
    let next_review = agreement.next_review();
    AgreementAttention {
        commitments,
        next_review,
        review_overdue: next_review.is_some_and(|d| *d < today),
    }
}

/// One commitment's line in the delivery report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine {
    pub number: usize,
    pub title: String,
    pub provider: String,
    pub on_time: usize,
    pub late: usize,
    pub not_delivered: usize,
    pub standing: Standing,
}

/// The one-page delivery report: each commitment's record, and the totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeliveryReport {
    pub lines: Vec<ReportLine>,
    pub on_time: usize,
    pub late: usize,
    pub not_delivered: usize,
}

impl DeliveryReport {
    pub fn of(agreement: &SupportAgreement, today: NaiveDate) -> DeliveryReport {
        let lines: Vec<ReportLine> = agreement
            .commitments
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let count =
                    |o: DeliveryOutcome| c.deliveries.iter().filter(|d| d.outcome == o).count();
                ReportLine {
                    number: i + 1,
                    title: c.short_title(),
                    provider: c.provider.to_string(),
                    on_time: count(DeliveryOutcome::OnTime),
                    late: count(DeliveryOutcome::Late),
                    not_delivered: count(DeliveryOutcome::NotDelivered),
                    standing: Standing::of(c, today),
                }
            })
            .collect();
        DeliveryReport {
            on_time: lines.iter().map(|l| l.on_time).sum(),
            late: lines.iter().map(|l| l.late).sum(),
            not_delivered: lines.iter().map(|l| l.not_delivered).sum(),
            lines,
        }
    }

    /// Of every delivery recorded, the share on time, as a whole percentage.
    pub fn on_time_percent(&self) -> Option<u32> {
        let all = self.on_time + self.late + self.not_delivered;
        (all > 0).then(|| ((self.on_time * 100 + all / 2) / all) as u32)
    }
}
