//! Scoring an assessment and comparing assessments: pure functions over
//! `&Assessment`, so the results page, the development-plan shortcut and the
//! comparisons all use one definition of a score.
//!
//! Everything walks the framework in its own order and looks answers up by
//! statement id. Answers whose id is not in the current framework (from an
//! older or hand-edited file) are therefore kept but simply never scored.

use super::answers::{Assessment, Rating, MAX_LEVEL};
use super::framework::{self, Domain, DOMAINS};

/// How scores are worked out, in plain English for the results page.
pub const SCORING_METHOD: &str = "Each statement is rated from 0 (Not in place) to 4 (Embedded). An area's \
     score is the average of its rated statements, shown as a percentage of the top level (4), so an average \
     of 3 is 75%. Statements answered \"not applicable or don't know\", and statements not yet answered, are \
     left out rather than counted as 0. An area with no rated statements has no score. The overall score is \
     the average of the area scores that exist, so every area counts equally however many statements it \
     has.";

/// Statements rated at this level or below are weak: they are offered for the
/// development plan.
pub const WEAK_LEVEL: u8 = 1;

/// A domain scoring below this percentage is a priority if it matters.
pub const PRIORITY_BELOW_PERCENT: f64 = 50.0;

/// The lowest importance (on the 1 to 3 scale) that can make a domain a priority.
pub const PRIORITY_MIN_IMPORTANCE: u8 = 2;

/// When a domain is a priority for action, in plain English.
pub const PRIORITY_RULE: &str = "An area is a priority for action when you rated it of medium (2) or high (3) \
     importance and its score is below 50%. Areas are listed by importance, highest first, and within the \
     same importance by score, lowest first. Areas without an importance rating or without a score come last.";

/// A difference of at least this many levels between you and your partner on
/// one statement is worth talking about.
pub const TALK_ABOUT_GAP: i32 = 2;

/// How far through the assessment the user is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Statements with any rating, "not applicable" included.
    pub answered: usize,
    /// Statements in the framework.
    pub total: usize,
}

impl Progress {
    pub fn remaining(&self) -> usize {
        self.total - self.answered
    }

    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }
}

/// Counts answered framework statements; answers to unknown ids do not count.
pub fn progress(assessment: &Assessment) -> Progress {
    // By ids alone (the home page counts progress; see `STATEMENT_IDS`).
    Progress {
        answered: framework::STATEMENT_IDS
            .iter()
            .filter(|(_, id)| assessment.rating(id).is_some())
            .count(),
        total: framework::STATEMENT_IDS.len(),
    }
}

/// The first statement without a rating, in framework order: where to resume.
/// `None` when every statement is answered.
pub fn first_unanswered(assessment: &Assessment) -> Option<&'static str> {
    first_gap(assessment).map(|(_, id)| *id)
}

/// The domain to resume in: the first unanswered statement's, or the first
/// domain when every statement is answered.
pub fn resume_domain(assessment: &Assessment) -> &'static str {
    first_gap(assessment)
        .or(framework::STATEMENT_IDS.first())
        .map_or("", |(domain, _)| *domain)
}

/// The first unanswered statement, with its domain, in framework order.
fn first_gap(assessment: &Assessment) -> Option<&'static (&'static str, &'static str)> {
    framework::STATEMENT_IDS
        .iter()
        .find(|(_, id)| assessment.rating(id).is_none())
}

/// A level as a percentage of the top of the scale.
fn as_percent(mean_level: f64) -> f64 {
    mean_level / f64::from(MAX_LEVEL) * 100.0
}

/// One domain's results.
#[derive(Clone, Debug, PartialEq)]
pub struct DomainScore {
    pub domain_id: &'static str,
    /// Statements rated 0 to 4.
    pub rated: usize,
    /// Statements rated "not applicable or don't know".
    pub not_applicable: usize,
    pub unanswered: usize,
    /// Mean of the rated levels; `None` when nothing is rated.
    pub mean_level: Option<f64>,
    /// `mean_level` as a percentage of `MAX_LEVEL`.
    pub percent: Option<f64>,
}

impl DomainScore {
    /// The framework domain this score is for. Scores are only made from
    /// framework domains, so this always finds one.
    pub fn domain(&self) -> Option<&'static Domain> {
        framework::domain(self.domain_id)
    }
}

fn score_domain(assessment: &Assessment, domain: &'static Domain) -> DomainScore {
    let mut levels = Vec::new();
    let mut not_applicable = 0;
    let mut unanswered = 0;
    for s in domain.statements {
        match assessment.rating(s.id) {
            Some(r @ Rating::Level(_)) => levels.extend(r.level()),
            Some(Rating::NotApplicable) => not_applicable += 1,
            None => unanswered += 1,
        }
    }
    let mean_level = if levels.is_empty() {
        None
    } else {
        let sum: u32 = levels.iter().map(|&l| u32::from(l)).sum();
        Some(f64::from(sum) / levels.len() as f64)
    };
    DomainScore {
        domain_id: domain.id,
        rated: levels.len(),
        not_applicable,
        unanswered,
        mean_level,
        percent: mean_level.map(as_percent),
    }
}

/// Every domain's score, in framework order.
pub fn domain_scores(assessment: &Assessment) -> Vec<DomainScore> {
    DOMAINS
        .iter()
        .map(|d| score_domain(assessment, d))
        .collect()
}

/// One domain's score, or `None` if the id is not a framework domain.
pub fn domain_score(assessment: &Assessment, domain_id: &str) -> Option<DomainScore> {
    framework::domain(domain_id).map(|d| score_domain(assessment, d))
}

/// The overall score: the mean of the domain percentages that exist, so each
/// domain counts equally. `None` when no domain has a score.
pub fn overall_percent(assessment: &Assessment) -> Option<f64> {
    mean(domain_scores(assessment).iter().filter_map(|d| d.percent))
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// A percentage for display, rounded to a whole number: "63%", or "No score".
pub fn percent_label(percent: Option<f64>) -> String {
    match percent {
        Some(p) => format!("{}%", p.round() as i64),
        None => "No score".to_string(),
    }
}

/// A change in percentage points for display: "up 13 points", "down 5 points",
/// "no change", or "cannot compare" when either side has no score.
pub fn change_label(change: Option<f64>) -> String {
    match change.map(|c| c.round() as i64) {
        None => "cannot compare".to_string(),
        Some(0) => "no change".to_string(),
        Some(1) => "up 1 point".to_string(),
        Some(-1) => "down 1 point".to_string(),
        Some(c) if c > 0 => format!("up {c} points"),
        Some(c) => format!("down {} points", -c),
    }
}

/// Rated statements as (statement id, level), in framework order.
fn rated_statements(assessment: &Assessment) -> Vec<(&'static str, u8)> {
    framework::all_statements()
        .filter_map(|(_, s)| assessment.level(s.id).map(|l| (s.id, l)))
        .collect()
}

/// The `n` highest-rated statements, highest first; ties keep framework order.
pub fn strongest_statements(assessment: &Assessment, n: usize) -> Vec<(&'static str, u8)> {
    let mut rated = rated_statements(assessment);
    // A stable sort keeps framework order among equal levels.
    rated.sort_by_key(|&(_, level)| std::cmp::Reverse(level));
    rated.truncate(n);
    rated
}

/// The `n` lowest-rated statements, lowest first; ties keep framework order.
pub fn weakest_statements(assessment: &Assessment, n: usize) -> Vec<(&'static str, u8)> {
    let mut rated = rated_statements(assessment);
    rated.sort_by_key(|&(_, level)| level);
    rated.truncate(n);
    rated
}

/// Statements the user flagged as a priority, in framework order.
pub fn flagged_statements(assessment: &Assessment) -> Vec<&'static str> {
    framework::all_statements()
        .map(|(_, s)| s.id)
        .filter(|id| assessment.is_flagged(id))
        .collect()
}

/// Whether a statement is weak (rated `WEAK_LEVEL` or below) or flagged: such
/// statements get the "Add to my development plan" button.
pub fn is_weak_or_flagged(assessment: &Assessment, statement_id: &str) -> bool {
    assessment.is_flagged(statement_id)
        || assessment
            .level(statement_id)
            .is_some_and(|l| l <= WEAK_LEVEL)
}

/// Every weak or flagged statement, in framework order.
pub fn weak_or_flagged(assessment: &Assessment) -> Vec<&'static str> {
    framework::all_statements()
        .map(|(_, s)| s.id)
        .filter(|id| is_weak_or_flagged(assessment, id))
        .collect()
}

/// A domain's importance set against its score.
#[derive(Clone, Debug, PartialEq)]
pub struct PriorityRow {
    pub domain_id: &'static str,
    /// 1 to 3, or `None` when not rated.
    pub importance: Option<u8>,
    pub percent: Option<f64>,
    /// See `PRIORITY_RULE`.
    pub is_priority: bool,
}

/// Every domain's importance and score, ordered as `PRIORITY_RULE` says:
/// importance high to low, then score low to high; domains missing either come
/// last in framework order.
pub fn priorities_for_action(assessment: &Assessment) -> Vec<PriorityRow> {
    let mut rows: Vec<PriorityRow> = domain_scores(assessment)
        .into_iter()
        .map(|score| {
            let importance = assessment.importance_of(score.domain_id);
            let is_priority = matches!(
                (importance, score.percent),
                (Some(i), Some(p)) if i >= PRIORITY_MIN_IMPORTANCE && p < PRIORITY_BELOW_PERCENT
            );
            PriorityRow {
                domain_id: score.domain_id,
                importance,
                percent: score.percent,
                is_priority,
            }
        })
        .collect();
    // Complete rows first; among them higher importance, then lower score.
    // The sort is stable, so incomplete rows stay in framework order.
    rows.sort_by(
        |a, b| match (a.importance.zip(a.percent), b.importance.zip(b.percent)) {
            (Some((ia, pa)), Some((ib, pb))) => ib.cmp(&ia).then(pa.total_cmp(&pb)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        },
    );
    rows
}

/// Every domain that is a priority for action by `PRIORITY_RULE`, most
/// pressing first: exactly the rows of `priorities_for_action` marked
/// `is_priority`, so a summary naming them always agrees with the table.
pub fn priority_areas(assessment: &Assessment) -> Vec<PriorityRow> {
    priorities_for_action(assessment)
        .into_iter()
        .filter(|r| r.is_priority)
        .collect()
}

/// Why a weak or flagged statement is where it is in `weak_or_flagged_in_order`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActionReason {
    /// The user flagged it as a priority.
    Flagged,
    /// Rated weak, in an area that is a priority for action.
    WeakInPriorityArea,
    /// Rated weak, in another area.
    Weak,
}

/// Every weak or flagged statement (the same set as `weak_or_flagged`), most
/// pressing first: the ones the user flagged, then weak ones in the areas
/// that are priorities for action (most pressing area first), then the other
/// weak ones; within each, lowest rated first, then framework order.
pub fn weak_or_flagged_in_order(assessment: &Assessment) -> Vec<(&'static str, ActionReason)> {
    let areas: Vec<&'static str> = priority_areas(assessment)
        .into_iter()
        .map(|r| r.domain_id)
        .collect();
    let mut list: Vec<(&'static str, ActionReason, usize, Option<u8>)> =
        framework::all_statements()
            .filter(|(_, s)| is_weak_or_flagged(assessment, s.id))
            .map(|(d, s)| {
                let area = areas.iter().position(|a| *a == d.id);
                let reason = if assessment.is_flagged(s.id) {
                    ActionReason::Flagged
                } else if area.is_some() {
                    ActionReason::WeakInPriorityArea
                } else {
                    ActionReason::Weak
                };
                // Area order counts only among weak statements in priority areas.
                let area = if reason == ActionReason::WeakInPriorityArea {
                    area.unwrap_or(0)
                } else {
                    0
                };
                (s.id, reason, area, assessment.level(s.id))
            })
            .collect();
    // Stable: ties keep framework order. A flagged statement rated "not
    // applicable" or not rated sorts after the rated ones.
    list.sort_by_key(|&(_, reason, area, level)| (reason, area, level.map_or(u8::MAX, |l| l)));
    list.into_iter()
        .map(|(id, reason, _, _)| (id, reason))
        .collect()
}

/// An area's score is provisional while some of its statements are unanswered.
pub fn is_provisional(score: &DomainScore) -> bool {
    score.percent.is_some() && score.unanswered > 0
}

/// An area's score for display: "75%", "75% (provisional)" while some of its
/// statements are unanswered, or "No score".
pub fn domain_score_label(score: &DomainScore) -> String {
    if is_provisional(score) {
        format!("{} (provisional)", percent_label(score.percent))
    } else {
        percent_label(score.percent)
    }
}

/// The overall score for display: "63%", "40% (provisional: 10 of 43
/// answered)" for a partly answered assessment, or "No score".
pub fn overall_label(assessment: &Assessment) -> String {
    let overall = overall_percent(assessment);
    let p = progress(assessment);
    if overall.is_some() && !p.is_complete() {
        format!(
            "{} (provisional: {} of {} answered)",
            percent_label(overall),
            p.answered,
            p.total
        )
    } else {
        percent_label(overall)
    }
}

/// The overall score in a table cell: "40% (provisional)" for a partly
/// answered assessment.
pub fn overall_cell_label(assessment: &Assessment) -> String {
    let overall = overall_percent(assessment);
    if overall.is_some() && !progress(assessment).is_complete() {
        format!("{} (provisional)", percent_label(overall))
    } else {
        percent_label(overall)
    }
}

/// Statements with evidence or notes written, in framework order, as
/// (statement id, the notes trimmed).
pub fn evidence_notes(assessment: &Assessment) -> Vec<(&'static str, String)> {
    framework::all_statements()
        .filter_map(|(_, s)| {
            let text = assessment.answer(s.id)?.evidence.trim();
            (!text.is_empty()).then(|| (s.id, text.to_string()))
        })
        .collect()
}

/// The user's unfinished assessments, most recently changed first: what the
/// home page offers to continue.
pub fn unfinished(assessments: &[Assessment]) -> Vec<&Assessment> {
    let mut list: Vec<&Assessment> = assessments
        .iter()
        .filter(|a| !progress(a).is_complete())
        .collect();
    list.sort_by_key(|a| std::cmp::Reverse(a.updated_at));
    list
}

/// How one domain's score moved between two assessments.
#[derive(Clone, Debug, PartialEq)]
pub struct DomainChange {
    pub domain_id: &'static str,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `after - before` in percentage points, when both exist.
    pub change: Option<f64>,
}

/// A before-and-after pair of percentages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreChange {
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `after - before` in percentage points, when both exist.
    pub change: Option<f64>,
}

impl ScoreChange {
    pub fn between(before: Option<f64>, after: Option<f64>) -> Self {
        ScoreChange {
            before,
            after,
            change: before.zip(after).map(|(b, a)| a - b),
        }
    }
}

/// Two of the user's own assessments compared.
#[derive(Clone, Debug, PartialEq)]
pub struct OverTime {
    /// Framework order.
    pub domains: Vec<DomainChange>,
    pub overall: ScoreChange,
}

/// The order assessments are compared in: by the date of the assessment,
/// then (same day) by when it was started. Never by where it sits in a list.
fn date_order(a: &Assessment, b: &Assessment) -> std::cmp::Ordering {
    (a.date, a.created_at).cmp(&(b.date, b.created_at))
}

/// The user's assessments oldest first by their date.
pub fn by_date(assessments: &[Assessment]) -> Vec<&Assessment> {
    let mut sorted: Vec<&Assessment> = assessments.iter().collect();
    sorted.sort_by(|a, b| date_order(a, b));
    sorted
}

/// Two assessments as (earlier, later), whichever order they were given in,
/// so a change over time can never read backwards.
pub fn in_date_order<'a>(a: &'a Assessment, b: &'a Assessment) -> (&'a Assessment, &'a Assessment) {
    if date_order(a, b).is_gt() {
        (b, a)
    } else {
        (a, b)
    }
}

/// The pair offered first for a change over time: the two latest by date, as
/// (earlier id, later id).
pub fn default_over_time_pair(assessments: &[Assessment]) -> Option<(String, String)> {
    let sorted = by_date(assessments);
    match sorted.as_slice() {
        [.., earlier, later] => Some((earlier.id.clone(), later.id.clone())),
        _ => None,
    }
}

/// Which of the user's own assessments to offer first for comparing with a
/// partner's: the latest complete one, or the latest if none is complete.
pub fn default_for_partner(assessments: &[Assessment]) -> Option<&Assessment> {
    let sorted = by_date(assessments);
    sorted
        .iter()
        .rev()
        .find(|a| progress(a).is_complete())
        .or(sorted.last())
        .copied()
}

/// How scores changed from `earlier` to `later`. Callers put the pair in
/// date order first (`in_date_order`).
pub fn compare_over_time(earlier: &Assessment, later: &Assessment) -> OverTime {
    let domains = domain_scores(earlier)
        .into_iter()
        .zip(domain_scores(later))
        .map(|(b, a)| {
            let c = ScoreChange::between(b.percent, a.percent);
            DomainChange {
                domain_id: b.domain_id,
                before: c.before,
                after: c.after,
                change: c.change,
            }
        })
        .collect();
    OverTime {
        domains,
        overall: ScoreChange::between(overall_percent(earlier), overall_percent(later)),
    }
}

/// One statement as rated by the user and by their partner.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementComparison {
    pub statement_id: &'static str,
    pub mine: Option<Rating>,
    pub partner: Option<Rating>,
    /// Partner's level minus mine, when both gave a level (not N/A).
    pub difference: Option<i32>,
    /// The levels are at least `TALK_ABOUT_GAP` apart.
    pub talk_about: bool,
}

/// Every statement compared, in framework order.
pub fn compare_statements(mine: &Assessment, partner: &Assessment) -> Vec<StatementComparison> {
    framework::all_statements()
        .map(|(_, s)| {
            let difference = mine
                .level(s.id)
                .zip(partner.level(s.id))
                .map(|(m, p)| i32::from(p) - i32::from(m));
            StatementComparison {
                statement_id: s.id,
                mine: mine.rating(s.id),
                partner: partner.rating(s.id),
                difference,
                talk_about: difference.is_some_and(|d| d.abs() >= TALK_ABOUT_GAP),
            }
        })
        .collect()
}

/// Only the statements worth talking about, in framework order.
pub fn statements_to_talk_about(
    mine: &Assessment,
    partner: &Assessment,
) -> Vec<StatementComparison> {
    compare_statements(mine, partner)
        .into_iter()
        .filter(|c| c.talk_about)
        .collect()
}

/// One domain's score for the user and for their partner.
#[derive(Clone, Debug, PartialEq)]
pub struct DomainComparison {
    pub domain_id: &'static str,
    pub mine: Option<f64>,
    pub partner: Option<f64>,
    /// Partner's percentage minus mine, when both exist.
    pub difference: Option<f64>,
}

/// Every domain compared, in framework order.
pub fn compare_domains(mine: &Assessment, partner: &Assessment) -> Vec<DomainComparison> {
    domain_scores(mine)
        .into_iter()
        .zip(domain_scores(partner))
        .map(|(m, p)| DomainComparison {
            domain_id: m.domain_id,
            mine: m.percent,
            partner: p.percent,
            difference: m.percent.zip(p.percent).map(|(m, p)| p - m),
        })
        .collect()
}

/// How important one domain is to the user and to their partner (1 Low to
/// 3 High), as each rated it on their own assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportanceComparison {
    pub domain_id: &'static str,
    pub mine: Option<u8>,
    pub partner: Option<u8>,
    /// Partner's importance minus mine, when both rated it.
    pub difference: Option<i32>,
}

impl ImportanceComparison {
    /// Both rated it and the ratings are not the same: worth talking about,
    /// since partners who weigh an area differently will pull different ways
    /// on where to put effort, even where their scores agree.
    pub fn differs(&self) -> bool {
        self.difference.is_some_and(|d| d != 0)
    }
}

/// Every domain's importance compared, in framework order. An importance
/// outside the 1 to 3 scale (a hand-edited file) counts as not rated.
pub fn compare_importance(mine: &Assessment, partner: &Assessment) -> Vec<ImportanceComparison> {
    DOMAINS
        .iter()
        .map(|d| {
            let (m, p) = (mine.importance_of(d.id), partner.importance_of(d.id));
            ImportanceComparison {
                domain_id: d.id,
                mine: m,
                partner: p,
                difference: m.zip(p).map(|(m, p)| i32::from(p) - i32::from(m)),
            }
        })
        .collect()
}

/// Only the domains the two partners rate differently in importance, the
/// widest gap first (framework order within the same gap).
pub fn importance_differences(
    mine: &Assessment,
    partner: &Assessment,
) -> Vec<ImportanceComparison> {
    let mut differing: Vec<ImportanceComparison> = compare_importance(mine, partner)
        .into_iter()
        .filter(ImportanceComparison::differs)
        .collect();
    // A stable sort keeps framework order between equal gaps.
    differing.sort_by_key(|c| std::cmp::Reverse(c.difference.map_or(0, i32::abs)));
    differing
}

/// An importance as shown: "3 High", or "Not rated".
pub fn importance_label(value: Option<u8>) -> String {
    value.and_then(framework::importance_level).map_or_else(
        || "Not rated".to_string(),
        |i| format!("{} {}", i.value, i.name),
    )
}

/// An assessment as a choice in a drop-down, the role and date first so they
/// show even where a phone cuts the end off ("Clinician, 1 November 2026:
/// East Kent: Respiratory"), and how far it is answered when it is not
/// finished.
pub fn choice_label(assessment: &Assessment) -> String {
    let mut name = assessment.partnership.trim().to_string();
    if !assessment.clinical_area.trim().is_empty() {
        name = format!("{name}: {}", assessment.clinical_area.trim());
    }
    let label = format!(
        "{}, {}: {name}",
        assessment.role.short_name(),
        crate::model::common::dates::long_date(assessment.date)
    );
    let p = progress(assessment);
    if p.is_complete() {
        label
    } else {
        format!("{label} ({} of {} answered)", p.answered, p.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::answers::Role;
    use chrono::{NaiveDate, TimeZone, Utc};

    use crate::model::common::saved_dates::Moment;

    fn now() -> Moment {
        Moment(Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap())
    }

    fn blank() -> Assessment {
        Assessment::new(
            "a-1".into(),
            "East Kent".into(),
            String::new(),
            Role::Clinician,
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            now(),
        )
    }

    fn with(ratings: &[(&str, Rating)]) -> Assessment {
        let mut a = blank();
        for (id, r) in ratings {
            a.set_rating(id, Some(*r), now());
        }
        a
    }

    /// Rates every framework statement at `level`.
    fn all_at(level: u8) -> Assessment {
        let mut a = blank();
        for (_, s) in framework::all_statements() {
            a.set_rating(s.id, Some(Rating::Level(level)), now());
        }
        a
    }

    fn score(a: &Assessment, domain_id: &str) -> DomainScore {
        domain_score(a, domain_id).expect("framework domain")
    }

    use Rating::{Level as L, NotApplicable as NA};

    #[test]
    fn not_applicable_and_unanswered_are_left_out_of_a_domain_score() {
        // power has 5 statements: 4, 1, N/A, and two unanswered.
        let a = with(&[("power-1", L(4)), ("power-2", L(1)), ("power-3", NA)]);
        let s = score(&a, "power");
        assert_eq!((s.rated, s.not_applicable, s.unanswered), (2, 1, 2));
        assert_eq!(s.mean_level, Some(2.5));
        assert_eq!(s.percent, Some(62.5));
    }

    #[test]
    fn a_domain_with_no_rated_answers_has_no_score_and_is_left_out_overall() {
        // power: 3 and 2 -> mean 2.5 -> 62.5%. aims: 1 -> 25%. trust: only N/A.
        let a = with(&[
            ("power-1", L(3)),
            ("power-2", L(2)),
            ("aims-1", L(1)),
            ("trust-1", NA),
        ]);
        assert_eq!(score(&a, "trust").percent, None);
        assert_eq!(score(&a, "trust").not_applicable, 1);
        assert_eq!(score(&a, "delivery").percent, None);
        // Each domain counts equally: (62.5 + 25) / 2, not the mean of all 3 levels (50%).
        assert_eq!(overall_percent(&a), Some(43.75));
    }

    #[test]
    fn levels_above_the_scale_are_capped() {
        let a = with(&[("power-1", L(9))]);
        assert_eq!(score(&a, "power").percent, Some(100.0));
    }

    #[test]
    fn an_all_not_applicable_assessment_has_no_overall_score() {
        let mut a = blank();
        for (_, s) in framework::all_statements() {
            a.set_rating(s.id, Some(NA), now());
        }
        assert!(domain_scores(&a).iter().all(|d| d.percent.is_none()));
        assert_eq!(overall_percent(&a), None);
        assert_eq!(overall_percent(&blank()), None);
        assert_eq!(progress(&a).answered, framework::statement_count());
    }

    #[test]
    fn a_full_assessment_scores_the_level_as_a_percentage() {
        assert_eq!(overall_percent(&all_at(3)), Some(75.0));
        assert_eq!(overall_percent(&all_at(0)), Some(0.0));
        assert!(domain_scores(&all_at(4))
            .iter()
            .all(|d| d.percent == Some(100.0) && d.unanswered == 0));
    }

    #[test]
    fn an_unknown_statement_id_does_not_score_or_count() {
        let mut a = with(&[("power-1", L(2))]);
        a.set_rating("retired-9", Some(L(4)), now());
        a.set_flagged("retired-9", true, now());
        assert_eq!(overall_percent(&a), Some(50.0));
        assert_eq!(progress(&a).answered, 1);
        assert!(flagged_statements(&a).is_empty());
        assert_eq!(strongest_statements(&a, 5), vec![("power-1", 2)]);
    }

    #[test]
    fn progress_counts_answers_including_not_applicable() {
        let a = with(&[("power-1", L(0)), ("power-2", NA), ("delivery-6", L(4))]);
        let p = progress(&a);
        assert_eq!(p.answered, 3);
        assert_eq!(p.total, framework::statement_count());
        assert_eq!(p.remaining(), framework::statement_count() - 3);
        assert!(!p.is_complete());
        assert!(progress(&all_at(2)).is_complete());
    }

    #[test]
    fn first_unanswered_resumes_in_framework_order() {
        assert_eq!(first_unanswered(&blank()), Some("power-1"));
        let a = with(&[("power-1", L(2)), ("power-2", NA), ("power-4", L(1))]);
        assert_eq!(first_unanswered(&a), Some("power-3"));
        let mut full = all_at(1);
        assert_eq!(first_unanswered(&full), None);
        full.set_rating("aims-2", None, now());
        assert_eq!(first_unanswered(&full), Some("aims-2"));
    }

    #[test]
    fn strongest_and_weakest_are_ordered_with_ties_in_framework_order() {
        let a = with(&[
            ("power-1", L(2)),
            ("power-2", L(4)),
            ("aims-1", L(0)),
            ("trust-1", L(4)),
            ("trust-2", NA),
            ("delivery-1", L(0)),
            ("structures-1", L(3)),
        ]);
        assert_eq!(
            strongest_statements(&a, 3),
            vec![("power-2", 4), ("trust-1", 4), ("structures-1", 3)]
        );
        assert_eq!(
            weakest_statements(&a, 3),
            vec![("aims-1", 0), ("delivery-1", 0), ("power-1", 2)]
        );
        assert_eq!(weakest_statements(&a, 100).len(), 6, "N/A is not rated");
    }

    #[test]
    fn weak_or_flagged_statements_are_offered_for_the_plan() {
        let mut a = with(&[
            ("power-1", L(1)),
            ("power-2", L(2)),
            ("aims-1", L(0)),
            ("trust-1", NA),
        ]);
        a.set_flagged("power-2", true, now());
        a.set_flagged("delivery-6", true, now());
        assert_eq!(flagged_statements(&a), vec!["power-2", "delivery-6"]);
        assert_eq!(
            weak_or_flagged(&a),
            vec!["power-1", "power-2", "aims-1", "delivery-6"]
        );
        assert!(!is_weak_or_flagged(&a, "trust-1"), "N/A is not weak");
    }

    #[test]
    fn priorities_order_by_importance_then_score_with_incomplete_rows_last() {
        // power 25% (high), aims 75% (high), trust 25% (medium), support 0% (low),
        // leadership 50% (medium, not below 50%), delivery: importance but no score.
        let mut a = with(&[
            ("power-1", L(1)),
            ("aims-1", L(3)),
            ("trust-1", L(1)),
            ("support-1", L(0)),
            ("leadership-1", L(2)),
            ("structures-1", L(0)),
        ]);
        for (d, i) in [
            ("power", 3),
            ("aims", 3),
            ("trust", 2),
            ("support", 1),
            ("leadership", 2),
            ("delivery", 3),
        ] {
            assert!(a.set_importance(d, Some(i), now()));
        }
        let rows = priorities_for_action(&a);
        let order: Vec<_> = rows.iter().map(|r| r.domain_id).collect();
        assert_eq!(
            order,
            vec![
                "power",
                "aims",
                "trust",
                "leadership",
                "support",
                // Incomplete, in framework order: resources and structures
                // lack importance, delivery lacks a score.
                "resources",
                "structures",
                "delivery",
            ]
        );
        let flagged: Vec<_> = rows
            .iter()
            .filter(|r| r.is_priority)
            .map(|r| r.domain_id)
            .collect();
        assert_eq!(flagged, vec!["power", "trust"]);
        // One rule: the areas a summary names are the rows marked priority.
        assert_eq!(
            priority_areas(&a)
                .iter()
                .map(|r| r.domain_id)
                .collect::<Vec<_>>(),
            flagged
        );
    }

    #[test]
    fn every_area_the_table_marks_is_a_priority_area_however_many() {
        // Five areas below 50% of medium or high importance: all five are
        // named, not only the first three.
        let mut a = blank();
        for (d, i) in [
            ("power", 3),
            ("aims", 2),
            ("leadership", 2),
            ("support", 3),
            ("resources", 2),
            ("trust", 1),
            ("structures", 2),
            ("delivery", 1),
        ] {
            assert!(a.set_importance(d, Some(i), now()));
        }
        for (id, level) in [
            ("power-1", 1),
            ("aims-1", 3),
            ("leadership-1", 1),
            ("support-1", 0),
            ("resources-1", 1),
            ("trust-1", 0),
            ("structures-1", 1),
            ("delivery-1", 0),
        ] {
            a.set_rating(id, Some(L(level)), now());
        }
        let marked: Vec<_> = priorities_for_action(&a)
            .into_iter()
            .filter(|r| r.is_priority)
            .map(|r| r.domain_id)
            .collect();
        let named: Vec<_> = priority_areas(&a).iter().map(|r| r.domain_id).collect();
        assert_eq!(named.len(), 5);
        assert_eq!(named, marked);
        assert_eq!(
            named,
            vec!["support", "power", "leadership", "resources", "structures"]
        );
    }

    #[test]
    fn weak_or_flagged_statements_come_flagged_first_then_priority_areas_then_the_rest() {
        // power is a priority area (high importance, 25%); delivery is not
        // (low importance). trust-2 is flagged at level 3, aims-1 flagged at 2.
        let mut a = with(&[
            ("power-1", L(1)),
            ("power-2", L(0)),
            ("aims-1", L(2)),
            ("trust-1", L(0)),
            ("trust-2", L(3)),
            ("delivery-1", L(1)),
            ("delivery-2", L(4)),
        ]);
        a.set_flagged("trust-2", true, now());
        a.set_flagged("aims-1", true, now());
        a.set_flagged("structures-1", true, now());
        assert!(a.set_importance("power", Some(3), now()));
        assert!(a.set_importance("delivery", Some(1), now()));
        assert!(a.set_importance("trust", Some(1), now()));
        let order = weak_or_flagged_in_order(&a);
        use ActionReason::*;
        assert_eq!(
            order,
            vec![
                // Flagged, lowest first; structures-1 is not rated, so last.
                ("aims-1", Flagged),
                ("trust-2", Flagged),
                ("structures-1", Flagged),
                // Weak in the priority area, lowest first.
                ("power-2", WeakInPriorityArea),
                ("power-1", WeakInPriorityArea),
                // The other weak ones, lowest first.
                ("trust-1", Weak),
                ("delivery-1", Weak),
            ]
        );
        // The same statements as the plain list, in another order.
        let mut ids: Vec<_> = order.iter().map(|(id, _)| *id).collect();
        let mut plain = weak_or_flagged(&a);
        ids.sort_unstable();
        plain.sort_unstable();
        assert_eq!(ids, plain);
    }

    #[test]
    fn change_over_time_is_measured_in_points() {
        // earlier: power 25%, aims 50%; later: power 75%, aims no score, trust 100%.
        let earlier = with(&[("power-1", L(1)), ("aims-1", L(2))]);
        let later = with(&[("power-1", L(3)), ("aims-1", NA), ("trust-1", L(4))]);
        let over = compare_over_time(&earlier, &later);
        let power = &over.domains[0];
        assert_eq!(power.domain_id, "power");
        assert_eq!(
            (power.before, power.after, power.change),
            (Some(25.0), Some(75.0), Some(50.0))
        );
        let aims = &over.domains[1];
        assert_eq!(
            (aims.before, aims.after, aims.change),
            (Some(50.0), None, None)
        );
        // overall: 37.5 before; (75 + 100) / 2 = 87.5 after.
        assert_eq!(over.overall, ScoreChange::between(Some(37.5), Some(87.5)));
        assert_eq!(over.overall.change, Some(50.0));
        assert_eq!(change_label(over.overall.change), "up 50 points");
        assert_eq!(change_label(Some(-0.4)), "no change");
        assert_eq!(change_label(Some(-1.0)), "down 1 point");
        assert_eq!(change_label(Some(-12.5)), "down 13 points");
        assert_eq!(change_label(None), "cannot compare");
        assert_eq!(percent_label(Some(62.5)), "63%");
        assert_eq!(percent_label(None), "No score");
    }

    #[test]
    fn a_partner_gap_of_two_levels_is_flagged_and_one_is_not() {
        let mine = with(&[
            ("power-1", L(1)),
            ("power-2", L(3)),
            ("power-3", L(4)),
            ("power-4", NA),
        ]);
        let partner = with(&[
            ("power-1", L(3)),
            ("power-2", L(2)),
            ("power-3", L(0)),
            ("power-4", L(0)),
            ("power-5", L(2)),
        ]);
        let c = compare_statements(&mine, &partner);
        assert_eq!(c.len(), framework::statement_count());
        assert_eq!((c[0].difference, c[0].talk_about), (Some(2), true));
        assert_eq!((c[1].difference, c[1].talk_about), (Some(-1), false));
        assert_eq!((c[2].difference, c[2].talk_about), (Some(-4), true));
        // N/A on one side or a missing answer: shown, but no difference.
        assert_eq!(c[3].mine, Some(NA));
        assert_eq!((c[3].difference, c[3].talk_about), (None, false));
        assert_eq!(c[4].mine, None);
        assert_eq!(c[4].partner, Some(L(2)));
        assert_eq!((c[4].difference, c[4].talk_about), (None, false));

        let talk: Vec<_> = statements_to_talk_about(&mine, &partner)
            .into_iter()
            .map(|c| c.statement_id)
            .collect();
        assert_eq!(talk, vec!["power-1", "power-3"]);
    }

    #[test]
    fn domains_are_compared_with_a_partner() {
        // mine power: 1,3,4 -> 8/3 -> 66.67%; partner power: 3,2,0,0,2 -> 1.4 -> 35%.
        let mine = with(&[("power-1", L(1)), ("power-2", L(3)), ("power-3", L(4))]);
        let partner = with(&[
            ("power-1", L(3)),
            ("power-2", L(2)),
            ("power-3", L(0)),
            ("power-4", L(0)),
            ("power-5", L(2)),
            ("aims-1", L(2)),
        ]);
        let d = compare_domains(&mine, &partner);
        assert_eq!(d[0].domain_id, "power");
        let m = d[0].mine.unwrap();
        assert!((m - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(d[0].partner, Some(35.0));
        assert!((d[0].difference.unwrap() - (35.0 - 200.0 / 3.0)).abs() < 1e-9);
        assert_eq!(d[1].domain_id, "aims");
        assert_eq!(
            (d[1].mine, d[1].partner, d[1].difference),
            (None, Some(50.0), None)
        );
    }

    fn dated(id: &str, date: (i32, u32, u32), started_minute: u32) -> Assessment {
        let mut a = Assessment::new(
            id.into(),
            "East Kent".into(),
            String::new(),
            Role::Clinician,
            chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
            Moment(
                chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 1, 9, started_minute, 0)
                    .unwrap(),
            ),
        );
        a.partnership = id.into();
        a
    }

    #[test]
    fn assessments_are_ordered_by_their_date_not_by_when_they_were_entered() {
        // Entered newest first: June typed in before January.
        let june = dated("june", (2026, 6, 15), 0);
        let january = dated("january", (2026, 1, 15), 5);
        let march = dated("march", (2026, 3, 1), 10);
        let list = vec![june.clone(), january.clone(), march.clone()];
        let ids: Vec<&str> = by_date(&list).iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["january", "march", "june"]);
        assert_eq!(
            default_over_time_pair(&list),
            Some(("march".to_string(), "june".to_string()))
        );
        let (earlier, later) = in_date_order(&june, &january);
        assert_eq!(
            (earlier.id.as_str(), later.id.as_str()),
            ("january", "june")
        );
        let (earlier, later) = in_date_order(&january, &june);
        assert_eq!(
            (earlier.id.as_str(), later.id.as_str()),
            ("january", "june")
        );
        assert_eq!(default_over_time_pair(&list[..1]), None);
    }

    #[test]
    fn the_partner_comparison_is_offered_the_latest_complete_assessment() {
        let mut complete = dated("complete", (2026, 3, 1), 0);
        for (_, s) in framework::all_statements() {
            complete.set_rating(s.id, Some(Rating::Level(2)), complete.created_at);
        }
        let mut partial = dated("partial", (2026, 6, 1), 1);
        partial.set_rating("power-1", Some(Rating::Level(2)), partial.created_at);
        let list = vec![complete.clone(), partial.clone()];
        assert_eq!(default_for_partner(&list).unwrap().id, "complete");
        assert_eq!(default_for_partner(&list[1..]).unwrap().id, "partial");
        assert!(default_for_partner(&[]).is_none());
    }

    #[test]
    fn partial_scores_are_marked_provisional() {
        let mut a = with(&[("power-1", L(3)), ("power-2", L(1))]);
        let power = score(&a, "power");
        assert!(is_provisional(&power));
        assert_eq!(domain_score_label(&power), "50% (provisional)");
        assert_eq!(domain_score_label(&score(&a, "trust")), "No score");
        assert_eq!(overall_label(&a), "50% (provisional: 2 of 43 answered)");
        assert_eq!(overall_cell_label(&a), "50% (provisional)");
        assert_eq!(overall_label(&blank()), "No score");

        // A finished area is no longer provisional, though the whole still is.
        for s in framework::domain("power").unwrap().statements {
            a.set_rating(s.id, Some(L(2)), now());
        }
        assert_eq!(domain_score_label(&score(&a, "power")), "50%");
        let full = all_at(3);
        assert_eq!(overall_label(&full), "75%");
        assert_eq!(overall_cell_label(&full), "75%");
        assert_eq!(domain_score_label(&score(&full, "trust")), "75%");
    }

    #[test]
    fn evidence_notes_are_listed_in_framework_order_without_blank_ones() {
        let mut a = blank();
        a.set_evidence("trust-1", "  Minutes of the May board ", now());
        a.set_evidence("power-2", "Two cases stalled", now());
        a.set_evidence("aims-1", "   ", now());
        assert_eq!(
            evidence_notes(&a),
            vec![
                ("power-2", "Two cases stalled".to_string()),
                ("trust-1", "Minutes of the May board".to_string()),
            ]
        );
    }

    #[test]
    fn unfinished_assessments_are_offered_most_recently_changed_first() {
        let mut older = dated("older", (2026, 1, 1), 0);
        older.updated_at = older.created_at;
        let mut newer = dated("newer", (2026, 2, 1), 0);
        newer.updated_at = older.created_at + chrono::Duration::hours(1);
        let mut done = dated("done", (2026, 3, 1), 0);
        for (_, s) in framework::all_statements() {
            done.set_rating(
                s.id,
                Some(L(2)),
                done.created_at + chrono::Duration::hours(2),
            );
        }
        let list = vec![older, done, newer];
        let ids: Vec<&str> = unfinished(&list).iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["newer", "older"]);
    }

    #[test]
    fn importance_is_compared_with_a_partner_and_differences_put_widest_first() {
        let mut mine = blank();
        let mut partner = blank();
        // power: 3 v 1 (gap 2); aims: 2 v 2 (same); trust: 1 v 2 (gap 1);
        // leadership: only mine; support: only the partner's.
        for (d, m, p) in [("power", 3, 1), ("aims", 2, 2), ("trust", 1, 2)] {
            assert!(mine.set_importance(d, Some(m), now()));
            assert!(partner.set_importance(d, Some(p), now()));
        }
        mine.set_importance("leadership", Some(3), now());
        partner.set_importance("support", Some(1), now());
        // A value off the scale in a hand-edited file is not rated.
        partner.importance.insert("delivery".into(), 9);
        mine.set_importance("delivery", Some(2), now());

        let all = compare_importance(&mine, &partner);
        assert_eq!(all.len(), DOMAINS.len());
        let get = |id: &str| all.iter().find(|c| c.domain_id == id).unwrap().clone();
        assert_eq!(
            (
                get("power").mine,
                get("power").partner,
                get("power").difference
            ),
            (Some(3), Some(1), Some(-2))
        );
        assert!(get("power").differs());
        assert_eq!(get("aims").difference, Some(0));
        assert!(!get("aims").differs());
        assert_eq!(get("trust").difference, Some(1));
        assert_eq!(
            (
                get("leadership").mine,
                get("leadership").partner,
                get("leadership").differs()
            ),
            (Some(3), None, false)
        );
        assert_eq!(get("support").mine, None);
        assert_eq!(get("delivery").partner, None, "9 is off the 1 to 3 scale");

        let differing: Vec<&str> = importance_differences(&mine, &partner)
            .iter()
            .map(|c| c.domain_id)
            .collect();
        assert_eq!(differing, vec!["power", "trust"]);
        assert_eq!(importance_label(Some(3)), "3 High");
        assert_eq!(importance_label(Some(1)), "1 Low");
        assert_eq!(importance_label(None), "Not rated");
        assert_eq!(importance_label(Some(7)), "Not rated");
    }

    #[test]
    fn a_drop_down_choice_puts_the_role_and_date_before_the_long_name() {
        let mut a = blank();
        a.clinical_area = "Respiratory and long-term conditions".into();
        a.role = Role::Manager;
        assert_eq!(
            choice_label(&a),
            "Manager, 22 November 2026: East Kent: Respiratory and long-term conditions (0 of 43 answered)"
        );
        let mut done = all_at(2);
        done.role = Role::Clinician;
        assert_eq!(
            choice_label(&done),
            "Clinician, 22 November 2026: East Kent"
        );
    }
}
