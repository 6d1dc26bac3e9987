//! How a support agreement is drafted from a self-assessment, and how two
//! versions of its commitments' wording differ clause by clause: the other
//! party's file is compared with ours, each difference is accepted or
//! rejected, and the result is the next version.

use crate::model::assessment::Assessment;
use crate::model::common::dates::long_date;
use crate::model::common::saved_dates::Day;

use super::clauses::{clauses_answering, Clause};
use super::records::{SupportAgreement, Terms};

impl SupportAgreement {
    /// True when the commitments now are worded as the latest version has
    /// them (nothing changed since it was saved).
    pub fn matches_latest_version(&self) -> bool {
        self.latest_version()
            .is_some_and(|v| compare(&v.terms, &self.terms()).is_empty())
    }
}

/// The areas of the framework whose weak statements an agreement answers.
pub const DRAFTED_FROM_AREAS: [&str; 3] = ["support", "resources", "structures"];

/// The highest level that counts as weak: 1, "Starting".
pub const WEAK_AT_OR_BELOW: u8 = 1;

/// The clauses an agreement drafted from `assessment` proposes: those that
/// answer a statement of the support, resources or structures areas rated
/// at or below `WEAK_AT_OR_BELOW`, in library order, each once.
pub fn proposed_clauses(assessment: &Assessment) -> Vec<&'static Clause> {
    let weak: Vec<&str> = assessment
        .answers
        .keys()
        .filter(|statement| {
            DRAFTED_FROM_AREAS
                .iter()
                .any(|area| statement.starts_with(&format!("{area}-")))
        })
        .filter(|statement| {
            assessment
                .level(statement)
                .is_some_and(|l| l <= WEAK_AT_OR_BELOW)
        })
        .map(String::as_str)
        .collect();
    clauses_answering(&weak).collect()
}

/// The statements of `assessment` that made `clause` proposed: those it
/// answers rated weak, each with its level, in the clause's order.
pub fn weak_statements_answered(
    clause: &Clause,
    assessment: &Assessment,
) -> Vec<(&'static str, u8)> {
    clause
        .answers
        .iter()
        .filter_map(|s| {
            let level = assessment.level(s)?;
            (level <= WEAK_AT_OR_BELOW).then_some((*s, level))
        })
        .collect()
}

/// One field of a commitment that the other version has otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// The field, in the form's words.
    pub field: &'static str,
    pub ours: String,
    pub theirs: String,
}

/// How the other party's version differs from ours for one commitment.
#[derive(Clone, Debug, PartialEq)]
pub enum Difference {
    /// They added it.
    Added(Terms),
    /// They took it out.
    Removed(Terms),
    /// They reworded it or moved its date: each field that differs.
    Changed {
        id: String,
        changes: Vec<FieldChange>,
        theirs: Terms,
    },
}

impl Difference {
    pub fn commitment_id(&self) -> &str {
        match self {
            Difference::Added(c) | Difference::Removed(c) => &c.id,
            Difference::Changed { id, .. } => id,
        }
    }

    /// True when the only change is the date it is due by.
    pub fn only_date_moved(&self) -> bool {
        matches!(self, Difference::Changed { changes, .. }
            if changes.iter().all(|c| c.field == DUE_LABEL))
    }
}

const DUE_LABEL: &str = "Due by";

/// A date as the comparison shows it: "1 May 2027", or "No date".
pub fn day_or_none(day: Option<Day>) -> String {
    day.map(long_date).unwrap_or_else(|| "No date".into())
}

/// The fields, given as (label, ours, theirs), whose two values differ
/// (ignoring spaces at either end): what a comparison lists.
pub fn changed_fields(
    fields: impl IntoIterator<Item = (&'static str, String, String)>,
) -> Vec<FieldChange> {
    fields
        .into_iter()
        .filter(|(_, a, b)| a.trim() != b.trim())
        .map(|(field, ours, theirs)| FieldChange {
            field,
            ours,
            theirs,
        })
        .collect()
}

fn field_changes(ours: &Terms, theirs: &Terms) -> Vec<FieldChange> {
    let text = |label, a: &str, b: &str| (label, a.to_string(), b.to_string());
    changed_fields([
        text("What is provided", &ours.what, &theirs.what),
        text("Who provides it", &ours.provider, &theirs.provider),
        text("By when or how often", &ours.when, &theirs.when),
        text("How delivery is measured", &ours.measure, &theirs.measure),
        (DUE_LABEL, day_or_none(ours.due), day_or_none(theirs.due)),
    ])
}

/// How `theirs` differs from `ours`, commitment by commitment (matched by
/// id): ours in order first (removed or changed), then what they added.
pub fn compare(ours: &[Terms], theirs: &[Terms]) -> Vec<Difference> {
    let mut out = Vec::new();
    for c in ours {
        match theirs.iter().find(|t| t.id == c.id) {
            None => out.push(Difference::Removed(c.clone())),
            Some(t) => {
                let changes = field_changes(c, t);
                if !changes.is_empty() {
                    out.push(Difference::Changed {
                        id: c.id.clone(),
                        changes,
                        theirs: t.clone(),
                    });
                }
            }
        }
    }
    for t in theirs {
        if !ours.iter().any(|c| c.id == t.id) {
            out.push(Difference::Added(t.clone()));
        }
    }
    out
}

/// Our commitments with the differences whose commitment ids are in
/// `accepted` taken from theirs; every other difference rejected (ours kept).
/// Added commitments go at the end, in their order.
pub fn settle(ours: &[Terms], differences: &[Difference], accepted: &[&str]) -> Vec<Terms> {
    let takes = |d: &Difference| accepted.contains(&d.commitment_id());
    let mut out: Vec<Terms> = ours
        .iter()
        .filter_map(
            |c| match differences.iter().find(|d| d.commitment_id() == c.id) {
                Some(d @ Difference::Removed(_)) if takes(d) => None,
                Some(d @ Difference::Changed { theirs, .. }) if takes(d) => Some(theirs.clone()),
                _ => Some(c.clone()),
            },
        )
        .collect();
    for d in differences {
        if let Difference::Added(c) = d {
            if takes(d) {
                out.push(c.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::agreement::clauses::clause;
    use crate::model::agreement::records::CommitmentDraft;
    use crate::model::assessment::{AssessmentDraft, Rating, Role};
    use crate::model::common::saved_dates::{Day, Moment};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn now() -> Moment {
        Moment(Utc.with_ymd_and_hms(2027, 4, 1, 9, 0, 0).unwrap())
    }

    fn commitment(id: &str, clause_id: &str) -> Terms {
        CommitmentDraft::from_clause(clause(clause_id).unwrap())
            .validate(id.into(), now())
            .unwrap()
            .terms()
    }

    #[test]
    fn an_agreement_is_drafted_from_the_weak_support_statements() {
        let mut a = AssessmentDraft {
            partnership: "Nene".into(),
            clinical_area: String::new(),
            role: Some(Role::Clinician),
            date: "2027-03-01".into(),
        }
        .validate(
            "a".into(),
            NaiveDate::from_ymd_opt(2027, 4, 1).unwrap(),
            now(),
        )
        .unwrap();
        a.set_rating("support-2", Some(Rating::Level(0)), now());
        a.set_rating("support-6", Some(Rating::Level(1)), now());
        a.set_rating("support-4", Some(Rating::Level(3)), now());
        a.set_rating("resources-1", Some(Rating::NotApplicable), now());
        a.set_rating("power-1", Some(Rating::Level(0)), now());
        let proposed: Vec<&str> = proposed_clauses(&a).iter().map(|c| c.id).collect();
        assert_eq!(proposed, ["indicative-budget", "escalation"]);
        let budget = clause("indicative-budget").unwrap();
        assert_eq!(weak_statements_answered(budget, &a), [("support-2", 0)]);
        let reviews = clause("review-meetings").unwrap();
        assert!(weak_statements_answered(reviews, &a).is_empty());
    }

    /// They reword one, move another's date, take one out and add one: each
    /// is a difference; accepting two and rejecting two gives the next version.
    #[test]
    fn versions_are_compared_and_settled_clause_by_clause() {
        let ours = vec![
            commitment("c1", "data-activity"),
            commitment("c2", "indicative-budget"),
            commitment("c3", "project-management"),
        ];
        let mut theirs = ours.clone();
        theirs[0].when = "Every quarter".into();
        theirs[1].due = Some(Day(NaiveDate::from_ymd_opt(2027, 6, 1).unwrap()));
        theirs.remove(2);
        theirs.push(commitment("c4", "review-meetings"));

        let differences = compare(&ours, &theirs);
        assert_eq!(differences.len(), 4);
        match &differences[0] {
            Difference::Changed { changes, .. } => {
                assert_eq!(changes.len(), 1);
                assert_eq!(changes[0].field, "By when or how often");
                assert_eq!(
                    (changes[0].ours.as_str(), changes[0].theirs.as_str()),
                    ("Every month", "Every quarter")
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(differences[1].only_date_moved());
        assert!(!differences[0].only_date_moved());
        assert!(matches!(&differences[2], Difference::Removed(c) if c.id == "c3"));
        assert!(matches!(&differences[3], Difference::Added(c) if c.id == "c4"));

        // Accept the reworded timing and the new review meetings; keep our
        // date and our project management.
        let next = settle(&ours, &differences, &["c1", "c4"]);
        let ids: Vec<&str> = next.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c1", "c2", "c3", "c4"]);
        assert_eq!(next[0].when, "Every quarter");
        assert_eq!(next[1].due, None);
        // Accepting everything gives their version.
        assert_eq!(
            settle(&ours, &differences, &["c1", "c2", "c3", "c4"]),
            theirs
        );
        // Rejecting everything keeps ours.
        assert_eq!(settle(&ours, &differences, &[]), ours);
        assert!(compare(&ours, &ours).is_empty());
    }
}
