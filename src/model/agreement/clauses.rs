//! The clause library for a support agreement between a commissioning group
//! and its commissioning organisation: typed content with ids, wording,
//! defaults, sources and a version, as the framework is. Each clause names
//! the framework statements whose weak rating it answers, so an agreement
//! can be drafted from a self-assessment.
//!
//! The wording is this workbook's own. Sources: Dr Johnny Marshall's article
//! (the formal agreement, the data and budgets, project management, the
//! freedom to get support elsewhere, protected time and leadership
//! training); NHS Eastern and Coastal Kent's case study (the clinical
//! leadership programme, robust support, pairing); Richard Alsop's article
//! (business cases to a joint executive committee); and the Department of
//! Health's 2009 vision for practice-based commissioning (the data and
//! analysis, the management and financial support with named people, the
//! indicative budget and agreed support by 1 May, a decision on plans and
//! business cases within eight weeks).

use crate::model::assessment::framework::Source;

/// Raise whenever a clause is added, removed or reworded so its meaning changes.
pub const CLAUSE_LIBRARY_VERSION: u32 = 1;

/// A published source that is not one of the seed articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicSource {
    pub citation: &'static str,
    /// What the clause takes from it, in a few words.
    pub idea: &'static str,
}

/// Where a clause comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseSource {
    Article(Source),
    Public(PublicSource),
}

pub const DH_2009_VISION: &str =
    "Department of Health (2009). Clinical commissioning: our vision for \
     practice-based commissioning. London: Department of Health.";

/// One kind of commitment the commissioning organisation can make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clause {
    /// Stable id; an agreement's commitments refer to it.
    pub id: &'static str,
    pub title: &'static str,
    /// The commitment as first drafted, for the parties to edit.
    pub what: &'static str,
    /// Who usually provides it, on the commissioning organisation's side.
    pub provider: &'static str,
    /// By when or how often, as first drafted.
    pub when: &'static str,
    /// How the group can tell it was delivered.
    pub measure: &'static str,
    /// The framework statements whose weak rating this clause answers.
    pub answers: &'static [&'static str],
    pub sources: &'static [ClauseSource],
}

const MARSHALL: &str = "000_6895a999c6988347.txt";
const KENT: &str = "002_988aba35d981483a.txt";
const ALSOP: &str = "003_813f15a70e4b4425.txt";
const SMITH: &str = "004_37cc2a8a6aea45a6.txt";

const fn article(seed_file: &'static str, idea: &'static str) -> ClauseSource {
    ClauseSource::Article(Source { seed_file, idea })
}

const fn dh(idea: &'static str) -> ClauseSource {
    ClauseSource::Public(PublicSource {
        citation: DH_2009_VISION,
        idea,
    })
}

/// The library, in the order an agreement lists its clauses.
pub static CLAUSES: &[Clause] = &[
    Clause {
        id: "data-needs",
        title: "Health needs data and analysis",
        what: "The commissioning organisation gives the group the health needs assessment data for its population, with analysis of what it shows.",
        provider: "Public health and business intelligence teams",
        when: "Every quarter",
        measure: "Data received within 10 working days of the quarter's end",
        answers: &["support-1"],
        sources: &[
            article(MARSHALL, "Effective commissioning relies on health needs assessment data from the PCT"),
            dh("Groups are entitled to accurate and timely data and analysis"),
        ],
    },
    Clause {
        id: "data-activity",
        title: "Activity, referral and prescribing data",
        what: "The commissioning organisation gives the group data on budgets, spending, referrals, prescribing and activity (and clinical performance where it can), with analysis, in time to act on it.",
        provider: "Business intelligence and finance teams",
        when: "Every month",
        measure: "Monthly report received by the 15th of the following month",
        answers: &["support-3"],
        sources: &[
            article(MARSHALL, "Activity data and analysis are part of the support commissioning needs"),
            dh("Data on budgets, spending, referrals, prescribing, activity and, where possible, clinical performance"),
        ],
    },
    Clause {
        id: "indicative-budget",
        title: "Indicative budget",
        what: "The commissioning organisation sets the group's indicative budget for the year and tells the group what it is.",
        provider: "Director of finance",
        when: "By 1 May each year",
        measure: "Budget letter received by 1 May",
        answers: &["support-2", "resources-4"],
        sources: &[
            article(MARSHALL, "Indicative budgets are part of the support a PCT provides"),
            dh("The indicative budget and agreed support are set by 1 May each year"),
        ],
    },
    Clause {
        id: "management-support",
        title: "Named management and financial support",
        what: "The commissioning organisation names the managers and finance staff who support the group, and the time each gives.",
        provider: "Director of commissioning",
        when: "Hours a week agreed at the start of the year",
        measure: "Named people in post; hours given against hours agreed",
        answers: &["support-5", "structures-3"],
        sources: &[
            dh("A package of management and financial support, with named people"),
            article(KENT, "Each clinical commissioner is paired with a lead commissioner"),
        ],
    },
    Clause {
        id: "project-management",
        title: "Project management",
        what: "The commissioning organisation provides project management for the group's agreed projects.",
        provider: "Programme management office",
        when: "For each project the group and the organisation agree",
        measure: "A project manager named within 4 weeks of a project being agreed",
        answers: &["support-4"],
        sources: &[article(MARSHALL, "Resources to support project management")],
    },
    Clause {
        id: "protected-time",
        title: "Protected, backfilled time for clinicians",
        what: "The commissioning organisation funds backfill so the group's clinical leads have protected time for commissioning.",
        provider: "Director of finance",
        when: "Sessions a week agreed for each clinical lead",
        measure: "Sessions funded against sessions agreed, each quarter",
        answers: &["resources-1"],
        sources: &[article(MARSHALL, "Resources to free clinicians up from their day jobs")],
    },
    Clause {
        id: "leadership-development",
        title: "Leadership development and training",
        what: "The commissioning organisation gives the group's clinicians places on a clinical leadership programme and a plan for the group's development needs.",
        provider: "Organisational development team",
        when: "A development plan agreed in the first quarter; places each year",
        measure: "Places taken up; development plan reviewed at each review meeting",
        answers: &["resources-2"],
        sources: &[
            article(MARSHALL, "Support to access high-quality leadership training"),
            article(KENT, "Development supported through a clinical leadership programme"),
            dh("A plan for the group's development needs"),
        ],
    },
    Clause {
        id: "business-case-decisions",
        title: "Decisions on plans and business cases",
        what: "The commissioning organisation decides on each commissioning plan and business case the group puts to it, and says why.",
        provider: "Joint commissioning executive committee",
        when: "Within 8 weeks of a case being submitted",
        measure: "Weeks from submission to decision, for each case",
        answers: &["structures-1", "structures-5"],
        sources: &[
            dh("A decision on plans and business cases within eight weeks"),
            article(ALSOP, "Good business cases are approved whoever brings them, through a joint executive committee"),
        ],
    },
    Clause {
        id: "review-meetings",
        title: "Review meetings",
        what: "The group and the commissioning organisation meet to review whether each commitment in this agreement was delivered.",
        provider: "Both parties",
        when: "Every quarter",
        measure: "Meetings held; a record of what was decided",
        answers: &["support-5"],
        sources: &[article(MARSHALL, "A formal agreement about the support a PCT provides")],
    },
    Clause {
        id: "escalation",
        title: "Escalation, and support from elsewhere",
        what: "If a commitment is not delivered, either party may raise it with the other's chief officer; if it is still not delivered, the group may obtain that support from elsewhere, funded from the budget that was to pay for it.",
        provider: "Chief officer of the commissioning organisation",
        when: "Within 4 weeks of a commitment being missed",
        measure: "Missed commitments raised, and what was done",
        answers: &["support-6"],
        sources: &[
            article(MARSHALL, "If support is not forthcoming, the group should be able to commission it from elsewhere"),
            article(SMITH, "Partnerships might source management support from other sources"),
        ],
    },
];

/// The clause with this id.
pub fn clause(id: &str) -> Option<&'static Clause> {
    CLAUSES.iter().find(|c| c.id == id)
}

/// The clauses that answer any of these statements, in library order.
pub fn clauses_answering<'a>(
    statements: &'a [&'a str],
) -> impl Iterator<Item = &'static Clause> + 'a {
    CLAUSES
        .iter()
        .filter(move |c| c.answers.iter().any(|a| statements.contains(a)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::framework;

    /// Every clause has a unique id, wording in each field, at least one
    /// source (each seed article listed), and answers real statements.
    #[test]
    fn the_library_is_complete_and_every_clause_is_sourced() {
        let mut ids: Vec<&str> = CLAUSES.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), CLAUSES.len());
        for c in CLAUSES {
            for text in [c.title, c.what, c.provider, c.when, c.measure] {
                assert!(!text.trim().is_empty(), "{}", c.id);
            }
            assert!(!c.sources.is_empty(), "{}", c.id);
            for source in c.sources {
                if let ClauseSource::Article(s) = source {
                    assert!(s.article().is_some(), "{} cites {}", c.id, s.seed_file);
                }
            }
            for statement in c.answers {
                assert!(
                    framework::statement(statement).is_some(),
                    "{} answers {statement}",
                    c.id
                );
            }
        }
    }

    /// The support area's six statements are each answered by a clause.
    #[test]
    fn every_support_statement_has_a_clause() {
        let support = framework::domain("support").unwrap();
        for s in support.statements {
            assert!(
                clauses_answering(&[s.id]).next().is_some(),
                "no clause answers {}",
                s.id
            );
        }
        let drafted: Vec<&str> = clauses_answering(&["support-2", "support-6"])
            .map(|c| c.id)
            .collect();
        assert_eq!(drafted, ["indicative-budget", "escalation"]);
    }
}
