//! How the group's figures are written on its pages and in print: numbers
//! and ranges on the maturity scale, counts "of" a whole, what a bar shows in
//! words, agreement tallies, clinicians beside managers, and the change
//! between two rounds. Plain text, so the pages stay thin and every wording
//! is tested here to the letter.

use crate::model::assessment::framework::{maturity_level, IMPORTANCE_LEVELS, MAX_LEVEL};
use crate::model::group::stats::{Agreement, Spread, LEVELS, MIN_FOR_AGREEMENT};
use crate::model::group::summary::{AreaSummary, Change, RoundSummary, StatementSummary};

/// A level, a median or a difference as a figure: whole numbers without a
/// decimal point ("3"), halves and quarters as they are ("2.5", "0.25").
/// Medians and quartiles of whole levels are never finer than a quarter.
pub fn figure(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// A level with its name: "3 Established".
pub fn level_name(level: u8) -> String {
    match maturity_level(level) {
        Some(m) => format!("{} {}", m.level, m.name),
        None => level.to_string(),
    }
}

/// The scale's ends, for a caption over columns headed by level numbers:
/// "from 0 Not in place to 4 Embedded".
pub fn scale_words() -> String {
    format!("from {} to {}", level_name(0), level_name(MAX_LEVEL))
}

/// The median as a table shows it: "2.5", or "None" when no one chose a level.
pub fn median_label(spread: &Spread) -> String {
    spread.median.map_or_else(|| "None".to_string(), figure)
}

/// The median in words: "3 Established", or between two levels "2.5, between
/// 2 Developing and 3 Established".
pub fn median_words(spread: &Spread) -> String {
    match spread.median {
        None => "None: no one chose a level".to_string(),
        Some(m) if m.fract() == 0.0 => level_name(m as u8),
        Some(m) => format!(
            "{}, between {} and {}",
            figure(m),
            level_name(m.floor() as u8),
            level_name(m.ceil() as u8)
        ),
    }
}

/// The interquartile range as the levels it runs between, "1 to 3" (a range
/// is written with "to", not a dash, as the NHS.UK content style asks, so it
/// is also read aloud as a range); one level when both quartiles are the
/// same; "None" when no one chose a level.
pub fn middle_half_label(spread: &Spread) -> String {
    match spread.quartiles {
        None => "None".to_string(),
        Some((lower, upper)) if lower == upper => figure(lower),
        Some((lower, upper)) => format!("{} to {}", figure(lower), figure(upper)),
    }
}

/// "3 of 5".
pub fn of_label(part: usize, whole: usize) -> String {
    format!("{part} of {whole}")
}

/// How many of the round's members chose a level for a statement: "3 of 5
/// answered". "Not applicable or don't know" is not counted as answered here,
/// as the figures leave it out.
pub fn answered_label(answered: usize, members: usize) -> String {
    format!("{} answered", of_label(answered, members))
}

/// "1 member", "2 statements".
fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many answers in an area are a level, of all its members could give:
/// "22 of 30 possible answers are a level (6 members, 5 statements), 2 not
/// applicable or don't know, 6 not answered."
pub fn area_answered_words(area: &AreaSummary, members: usize) -> String {
    let statements = area.domain.statements.len();
    let possible = members * statements;
    let answered = area.all.answered();
    let not_applicable = area.all.not_applicable;
    let blank = possible.saturating_sub(answered + not_applicable);
    let mut text = format!(
        "{} possible answers are a level ({}, {})",
        of_label(answered, possible),
        count_of(members, "member", "members"),
        count_of(statements, "statement", "statements"),
    );
    if not_applicable > 0 {
        text.push_str(&format!(", {not_applicable} not applicable or don't know"));
    }
    if blank > 0 {
        text.push_str(&format!(", {blank} not answered"));
    }
    text.push('.');
    text
}

/// A statement's figures in a line: "Median 3, middle half 0 to 3. Split."
pub fn statement_figures(statement: &StatementSummary) -> String {
    format!(
        "Median {}, middle half {}. {}.",
        median_label(&statement.all),
        middle_half_label(&statement.all),
        statement.agreement().label()
    )
}

/// "1 person", "2 people".
fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_string()
    } else {
        format!("{n} people")
    }
}

/// What one segment of a bar stands for: "2 chose 3 Established".
pub fn segment_words(level: u8, count: usize) -> String {
    let who = match count {
        0 => "No one".to_string(),
        n => n.to_string(),
    };
    format!("{who} chose {}", level_name(level))
}

/// What a bar counts: people, for one statement (each member answers it
/// once), or answers, for an area (each member answers each of its
/// statements).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Counting {
    #[default]
    People,
    Answers,
}

/// What a whole bar shows, for those who cannot see it: every level's count
/// in scale order, the median, then those left out.
pub fn spread_words(spread: &Spread, counting: Counting) -> String {
    let answered = spread.answered();
    let mut text = if answered == 0 {
        match counting {
            Counting::People => "No one chose a level.".to_string(),
            Counting::Answers => "No answer is a level.".to_string(),
        }
    } else {
        let levels: Vec<String> = (0..LEVELS)
            .map(|level| {
                let count = spread.counts[level];
                let who = if count == 0 {
                    "none".to_string()
                } else {
                    count.to_string()
                };
                format!("{who} at {}", level_name(level as u8))
            })
            .collect();
        let whole = match counting {
            Counting::People => format!("{} who chose a level", people(answered)),
            Counting::Answers => format!(
                "{} that {} a level",
                count_of(answered, "answer", "answers"),
                if answered == 1 { "is" } else { "are" }
            ),
        };
        format!(
            "Of {whole}: {}. Median {}.",
            levels.join(", "),
            figure(spread.median.unwrap_or_default())
        )
    };
    if spread.not_applicable > 0 {
        text.push_str(&format!(
            " {} not applicable or don't know.",
            spread.not_applicable
        ));
    }
    text
}

/// Why the agreement rule finds what it does for these answers: "The median
/// is 2, so the band is 1 Starting to 3 Established. 4 of 12 people chose a
/// level outside it: at least a third, and at least two people, so the group
/// is split."
pub fn agreement_reason(spread: &Spread) -> String {
    let answered = spread.answered();
    let (Some(median), Some((low, high))) = (spread.median, spread.band()) else {
        return format!(
            "No one chose a level: fewer than {MIN_FOR_AGREEMENT} are too few to tell."
        );
    };
    if spread.agreement() == Agreement::TooFew {
        return format!(
            "Only {} chose a level: fewer than {MIN_FOR_AGREEMENT} are too few to tell.",
            people(answered)
        );
    }
    let outside = spread.outside_band();
    let verdict = match spread.agreement() {
        Agreement::Split => "at least a third, and at least two people, so the group is split",
        _ if outside < 2 => "fewer than two people, so the group agrees",
        _ => "fewer than a third, so the group agrees",
    };
    format!(
        "The median is {}, so the band is {} to {}. {} of {} chose a level outside it: {verdict}.",
        figure(median),
        level_name(low),
        level_name(high),
        outside,
        people(answered),
    )
}

/// The round's members by role: "12 members: 7 clinicians, 4 managers and
/// 1 in another role".
pub fn members_words(summary: &RoundSummary) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let others = summary.members - summary.clinicians - summary.managers;
    let mut parts = vec![
        plural(summary.clinicians, "clinician", "clinicians"),
        plural(summary.managers, "manager", "managers"),
    ];
    if others > 0 {
        parts.push(format!("{others} in another role"));
    }
    let last = parts.pop().unwrap_or_default();
    format!(
        "{}: {} and {last}",
        plural(summary.members, "member", "members"),
        parts.join(", ")
    )
}

/// Why clinicians and managers are not shown side by side, when they cannot
/// be: the comparison needs at least one member of each. `None` when they
/// can be compared.
pub fn roles_note(summary: &RoundSummary) -> Option<&'static str> {
    match (summary.clinicians, summary.managers) {
        (0, 0) => Some(
            "No member in this round is a clinician or a manager, so the two cannot be compared.",
        ),
        (_, 0) => Some(
            "No member in this round is a manager, so clinicians and managers cannot be compared.",
        ),
        (0, _) => Some(
            "No member in this round is a clinician, so clinicians and managers cannot be compared.",
        ),
        _ => None,
    }
}

/// A role's median with how many it is from: "2.5 (from 4)", or "No answers".
pub fn role_median(spread: &Spread) -> String {
    match spread.median {
        None => "No answers".to_string(),
        Some(m) => format!("{} (from {})", figure(m), spread.answered()),
    }
}

/// "1 level", "0.5 levels", "2 levels".
fn levels_word(difference: f64) -> String {
    let size = figure(difference.abs());
    if size == "1" {
        "1 level".to_string()
    } else {
        format!("{size} levels")
    }
}

/// How clinicians' median stands beside managers': "Clinicians 1 level
/// higher", "Managers 0.5 levels higher", "The same"; `None` unless both
/// have a median.
pub fn role_gap(clinicians: &Spread, managers: &Spread) -> Option<String> {
    let gap = clinicians.median? - managers.median?;
    Some(if gap > 0.0 {
        format!("Clinicians {} higher", levels_word(gap))
    } else if gap < 0.0 {
        format!("Managers {} higher", levels_word(gap))
    } else {
        "The same".to_string()
    })
}

/// How important the group rates an area: the median importance in words,
/// with how many chose "High": "High; 4 of 6 rated it High", "Between
/// Medium and High; 2 of 4 rated it High". `None` when no one rated it.
pub fn importance_words(area: &AreaSummary) -> Option<String> {
    let median = area.importance_median?;
    let name = |value: f64| {
        IMPORTANCE_LEVELS
            .iter()
            .find(|i| f64::from(i.value) == value)
            .map_or("", |i| i.name)
    };
    let level = if median.fract() == 0.0 {
        name(median).to_string()
    } else {
        format!(
            "Between {} and {}",
            name(median.floor()),
            name(median.ceil())
        )
    };
    let rated: usize = area.importance_counts.iter().sum();
    let high = IMPORTANCE_LEVELS[2].name;
    Some(format!(
        "{level}; {} rated it {high}",
        of_label(area.importance_counts[2], rated)
    ))
}

/// How many of these statements the group agrees on, is split on, or has
/// too few answers for: "1 split, 3 agreed and 1 with too few answers".
/// Kinds with none are left out; "No statements" when there are none.
pub fn agreement_tally<'a>(statements: impl IntoIterator<Item = &'a StatementSummary>) -> String {
    let mut counts = [0usize; 3];
    for s in statements {
        counts[match s.agreement() {
            Agreement::Split => 0,
            Agreement::Agreed => 1,
            Agreement::TooFew => 2,
        }] += 1;
    }
    let parts: Vec<String> = [
        (counts[0], "split"),
        (counts[1], "agreed"),
        (counts[2], "with too few answers to tell"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, words)| format!("{n} {words}"))
    .collect();
    match parts.as_slice() {
        [] => "No statements".to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The statements members disagree on most (`RoundSummary::most_disagreed`),
/// leaving out any where everyone who answered is within one level of the
/// median and the middle half chose one level: nothing there to talk through.
pub fn disagreements(summary: &RoundSummary, how_many: usize) -> Vec<&StatementSummary> {
    summary
        .most_disagreed(summary.statements.len())
        .into_iter()
        .filter(|s| s.all.interquartile_range().unwrap_or(0.0) > 0.0 || s.all.outside_band() > 0)
        .take(how_many)
        .collect()
}

/// Which way a median moved between two rounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
    /// One round or the other has no median to compare.
    NotComparable,
}

pub fn direction(change: &Change) -> Direction {
    match change.difference() {
        None => Direction::NotComparable,
        Some(d) if d > 0.0 => Direction::Up,
        Some(d) if d < 0.0 => Direction::Down,
        Some(_) => Direction::Same,
    }
}

/// A change in words, never by colour alone: "Up 1 level", "Down 0.5
/// levels", "No change", "Cannot compare: no levels chosen in one round".
pub fn change_words(change: &Change) -> String {
    match (direction(change), change.difference()) {
        (Direction::Up, Some(d)) => format!("Up {}", levels_word(d)),
        (Direction::Down, Some(d)) => format!("Down {}", levels_word(d)),
        (Direction::Same, _) => "No change".to_string(),
        _ => "Cannot compare: no levels chosen in one round".to_string(),
    }
}

/// How many went up, down, stayed or cannot be compared: "3 up, 1 down, 38
/// unchanged and 1 cannot be compared". Kinds with none are left out.
pub fn change_tally(changes: &[Change]) -> String {
    let count = |d: Direction| changes.iter().filter(|c| direction(c) == d).count();
    let parts: Vec<String> = [
        (count(Direction::Up), "up"),
        (count(Direction::Down), "down"),
        (count(Direction::Same), "unchanged"),
        (count(Direction::NotComparable), "cannot be compared"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, words)| format!("{n} {words}"))
    .collect();
    match parts.as_slice() {
        [] => "Nothing to compare".to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The median before or after, as the comparison table shows it.
pub fn median_or_none(median: Option<f64>) -> String {
    median.map_or_else(|| "None".to_string(), figure)
}

/// How to read a diverging bar, for its key.
pub fn diverging_key() -> String {
    let middle = level_name((LEVELS / 2) as u8);
    format!(
        "Each bar is all the answers that are a level. Levels below {middle} run left of the centre line, \
         levels above it run right, and {middle} is split across the line. The number in a part of \
         a bar is how many chose that level."
    )
}

/// Where each level's segment of a diverging bar sits, as percentages of the
/// bar's width: the filled part is always half the bar (every answer), and
/// starts so that the middle level's segment is centred on the bar's middle:
/// levels below it extend left, levels above it right. `None` when no one
/// chose a level. Returns (where the filled part starts, each level's share
/// of the filled part), both in percent.
pub fn diverging_layout(spread: &Spread) -> Option<(f64, [f64; LEVELS])> {
    let answered = spread.answered();
    if answered == 0 {
        return None;
    }
    let middle = LEVELS / 2;
    let share = |count: usize| count as f64 * 100.0 / answered as f64;
    let mut shares = [0.0; LEVELS];
    for (level, s) in shares.iter_mut().enumerate() {
        *s = share(spread.counts[level]);
    }
    // How far left of the middle the filled part reaches, in percent of the
    // bar: half the filled part's width (50 %) per 100 % of answers.
    let below: f64 = shares[..middle].iter().sum::<f64>() + shares[middle] / 2.0;
    Some((50.0 - below / 2.0, shares))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::framework::DOMAINS;

    fn levels(values: &[u8]) -> Spread {
        Spread::of(values.iter().map(|v| Some(*v)))
    }

    #[test]
    fn figures_drop_needless_decimals() {
        assert_eq!(figure(3.0), "3");
        assert_eq!(figure(2.5), "2.5");
        assert_eq!(figure(0.25), "0.25");
        assert_eq!(figure(-1.5), "-1.5");
        assert_eq!(figure(-0.0), "0");
        assert_eq!(figure(0.0), "0");
    }

    #[test]
    fn medians_and_middle_halves_are_written_as_levels() {
        let s = levels(&[3, 0, 1, 4, 1, 2, 3]);
        assert_eq!(median_label(&s), "2");
        assert_eq!(median_words(&s), "2 Developing");
        assert_eq!(middle_half_label(&s), "1 to 3");

        let s = levels(&[2, 1, 3, 2]);
        assert_eq!(middle_half_label(&s), "1.5 to 2.5");
        let s = levels(&[2, 3]);
        assert_eq!(median_label(&s), "2.5");
        assert_eq!(
            median_words(&s),
            "2.5, between 2 Developing and 3 Established"
        );
        assert_eq!(middle_half_label(&levels(&[4, 4, 4])), "4");

        let none = Spread::of([None]);
        assert_eq!(median_label(&none), "None");
        assert_eq!(median_words(&none), "None: no one chose a level");
        assert_eq!(middle_half_label(&none), "None");
    }

    #[test]
    fn the_scale_is_named_by_its_ends() {
        assert_eq!(scale_words(), "from 0 Not in place to 4 Embedded");
        assert_eq!(level_name(3), "3 Established");
    }

    #[test]
    fn counts_are_written_of_the_whole() {
        assert_eq!(of_label(3, 5), "3 of 5");
        assert_eq!(answered_label(3, 5), "3 of 5 answered");
        assert_eq!(segment_words(3, 2), "2 chose 3 Established");
        assert_eq!(segment_words(0, 0), "No one chose 0 Not in place");
    }

    #[test]
    fn a_bar_is_described_level_by_level() {
        let s = Spread::of([Some(0), Some(1), Some(3), Some(3), Some(4), None]);
        assert_eq!(
            spread_words(&s, Counting::People),
            "Of 5 people who chose a level: 1 at 0 Not in place, 1 at 1 Starting, none at 2 Developing, \
             2 at 3 Established, 1 at 4 Embedded. Median 3. 1 not applicable or don't know."
        );
        assert_eq!(
            spread_words(&levels(&[2]), Counting::People),
            "Of 1 person who chose a level: none at 0 Not in place, none at 1 Starting, 1 at 2 Developing, \
             none at 3 Established, none at 4 Embedded. Median 2."
        );
        assert_eq!(
            spread_words(&Spread::of([None, None]), Counting::People),
            "No one chose a level. 2 not applicable or don't know."
        );
        // An area's bar counts answers: a member answers each statement.
        assert_eq!(
            spread_words(&levels(&[0, 0, 4, 4, 4, 3]), Counting::Answers),
            "Of 6 answers that are a level: 2 at 0 Not in place, none at 1 Starting, none at \
             2 Developing, 1 at 3 Established, 3 at 4 Embedded. Median 3.5."
        );
        assert_eq!(
            spread_words(&levels(&[1]), Counting::Answers),
            "Of 1 answer that is a level: none at 0 Not in place, 1 at 1 Starting, none at \
             2 Developing, none at 3 Established, none at 4 Embedded. Median 1."
        );
        assert_eq!(
            spread_words(&Spread::of([None]), Counting::Answers),
            "No answer is a level. 1 not applicable or don't know."
        );
    }

    #[test]
    fn the_key_says_which_way_bars_run() {
        assert_eq!(
            diverging_key(),
            "Each bar is all the answers that are a level. Levels below 2 Developing run left of the \
             centre line, levels above it run right, and 2 Developing is split across the line. \
             The number in a part of a bar is how many chose that level."
        );
    }

    #[test]
    fn a_bar_diverges_from_the_middle_of_the_middle_level() {
        // 1 0 2 0 1 of 4: below the middle are 1 + half of 2 = 2 of 4 = 50 %
        // of the answers, a quarter of the bar; the filled part starts at 25 %.
        let (start, shares) = diverging_layout(&levels(&[0, 2, 2, 4])).unwrap();
        assert_eq!(start, 25.0);
        assert_eq!(shares, [25.0, 0.0, 50.0, 0.0, 25.0]);
        // All at the top: nothing left of the middle, the bar starts there.
        let (start, shares) = diverging_layout(&levels(&[4, 3])).unwrap();
        assert_eq!(start, 50.0);
        assert_eq!(shares, [0.0, 0.0, 0.0, 50.0, 50.0]);
        // All at the bottom: it reaches the bar's left edge.
        assert_eq!(diverging_layout(&levels(&[0, 1])).unwrap().0, 0.0);
        // All in the middle: centred, a quarter either side.
        assert_eq!(diverging_layout(&levels(&[2])).unwrap().0, 25.0);
        assert_eq!(diverging_layout(&Spread::of([None])), None);
    }

    fn area(importance_counts: [usize; 3], importance_median: Option<f64>) -> AreaSummary {
        AreaSummary {
            domain: &DOMAINS[0],
            all: levels(&[]),
            clinicians: levels(&[]),
            managers: levels(&[]),
            importance_counts,
            importance_median,
        }
    }

    #[test]
    fn the_rule_is_explained_for_the_answers_it_judges() {
        // SCIROCCO's panel of twelve: four outside the band is a split,
        // three is not.
        assert_eq!(
            agreement_reason(&levels(&[0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4])),
            "The median is 2, so the band is 1 Starting to 3 Established. 4 of 12 people chose a \
             level outside it: at least a third, and at least two people, so the group is split."
        );
        assert_eq!(
            agreement_reason(&levels(&[0, 0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4])),
            "The median is 2, so the band is 1 Starting to 3 Established. 3 of 12 people chose a \
             level outside it: fewer than a third, so the group agrees."
        );
        assert_eq!(
            agreement_reason(&levels(&[4, 4, 0])),
            "The median is 4, so the band is 3 Established to 4 Embedded. 1 of 3 people chose a \
             level outside it: fewer than two people, so the group agrees."
        );
        assert_eq!(
            agreement_reason(&levels(&[1, 3])),
            "Only 2 people chose a level: fewer than 3 are too few to tell."
        );
        assert_eq!(
            agreement_reason(&Spread::of([None])),
            "No one chose a level: fewer than 3 are too few to tell."
        );
    }

    #[test]
    fn importance_is_named_with_how_many_rated_it_high() {
        assert_eq!(
            importance_words(&area([0, 2, 4], Some(3.0))).as_deref(),
            Some("High; 4 of 6 rated it High")
        );
        assert_eq!(
            importance_words(&area([1, 1, 2], Some(2.5))).as_deref(),
            Some("Between Medium and High; 2 of 4 rated it High")
        );
        assert_eq!(importance_words(&area([0, 0, 0], None)), None);
    }

    fn summary(clinicians: usize, managers: usize, members: usize) -> RoundSummary {
        RoundSummary {
            members,
            clinicians,
            managers,
            statements: vec![],
            areas: vec![],
        }
    }

    #[test]
    fn members_are_counted_by_role() {
        assert_eq!(
            members_words(&summary(7, 4, 12)),
            "12 members: 7 clinicians, 4 managers and 1 in another role"
        );
        assert_eq!(
            members_words(&summary(1, 0, 1)),
            "1 member: 1 clinician and 0 managers"
        );
    }

    #[test]
    fn clinicians_and_managers_are_compared_only_when_both_are_there() {
        assert_eq!(roles_note(&summary(3, 2, 5)), None);
        assert_eq!(
            roles_note(&summary(3, 0, 3)),
            Some(
                "No member in this round is a manager, so clinicians and managers cannot be compared."
            )
        );
        assert_eq!(
            roles_note(&summary(0, 2, 3)),
            Some(
                "No member in this round is a clinician, so clinicians and managers cannot be compared."
            )
        );
        assert!(roles_note(&summary(0, 0, 2)).is_some());

        let clinicians = levels(&[3, 4]);
        let managers = levels(&[2]);
        assert_eq!(role_median(&clinicians), "3.5 (from 2)");
        assert_eq!(role_median(&levels(&[])), "No answers");
        assert_eq!(
            role_gap(&clinicians, &managers).as_deref(),
            Some("Clinicians 1.5 levels higher")
        );
        assert_eq!(
            role_gap(&levels(&[1]), &levels(&[2])).as_deref(),
            Some("Managers 1 level higher")
        );
        assert_eq!(
            role_gap(&levels(&[2]), &levels(&[2])).as_deref(),
            Some("The same")
        );
        assert_eq!(role_gap(&levels(&[2]), &levels(&[])), None);
    }

    fn change(before: Option<f64>, after: Option<f64>) -> Change {
        Change {
            id: "power-1",
            before,
            after,
        }
    }

    #[test]
    fn changes_are_said_in_words() {
        assert_eq!(change_words(&change(Some(1.5), Some(3.5))), "Up 2 levels");
        assert_eq!(change_words(&change(Some(2.0), Some(3.0))), "Up 1 level");
        assert_eq!(
            change_words(&change(Some(3.0), Some(2.5))),
            "Down 0.5 levels"
        );
        assert_eq!(change_words(&change(Some(2.0), Some(2.0))), "No change");
        assert_eq!(
            change_words(&change(None, Some(2.0))),
            "Cannot compare: no levels chosen in one round"
        );
        assert_eq!(median_or_none(None), "None");
        assert_eq!(median_or_none(Some(1.5)), "1.5");
        assert_eq!(
            change_tally(&[
                change(Some(1.0), Some(2.0)),
                change(Some(1.0), Some(2.0)),
                change(Some(2.0), Some(1.0)),
                change(Some(2.0), Some(2.0)),
                change(None, None),
            ]),
            "2 up, 1 down, 1 unchanged and 1 cannot be compared"
        );
        assert_eq!(change_tally(&[change(Some(2.0), Some(2.0))]), "1 unchanged");
        assert_eq!(change_tally(&[]), "Nothing to compare");
    }

    mod with_a_round {
        use super::super::*;
        use crate::model::assessment::{Rating, Role};
        use crate::model::common::saved_dates::{Day, Moment};
        use crate::model::group::rounds::{GroupMember, RoundDraft};
        use chrono::{NaiveDate, TimeZone, Utc};

        fn now() -> Moment {
            Moment(Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap())
        }

        fn member(n: usize, levels: &[(&str, u8)]) -> GroupMember {
            GroupMember {
                id: format!("m{n}"),
                label: format!("Member {n}").into(),
                role: Role::Clinician,
                source_id: format!("a{n}"),
                source_changed_at: now(),
                assessed_on: Day(NaiveDate::from_ymd_opt(2027, 2, 1).unwrap()),
                ratings: levels
                    .iter()
                    .map(|(s, l)| (s.to_string(), Rating::Level(*l)))
                    .collect(),
                importance: Default::default(),
                created_at: now(),
                updated_at: now(),
            }
        }

        /// Six members: power-1 split (3 3 3 3 0 0), power-2 agreed with
        /// some spread (2 2 3 3 2 2: middle half 2 to 3), power-3 all at 2
        /// (agreed, no spread), power-4 answered by two (too few).
        fn summary() -> RoundSummary {
            let mut round = RoundDraft {
                name: "Spring".into(),
                held_on: "2027-03-10".into(),
                keep_names: false,
            }
            .validate("r1".into(), now())
            .unwrap();
            let power_1 = [3, 3, 3, 3, 0, 0];
            let power_2 = [2, 2, 3, 3, 2, 2];
            round.members = (0..6)
                .map(|i| {
                    let mut levels = vec![
                        ("power-1", power_1[i]),
                        ("power-2", power_2[i]),
                        ("power-3", 2),
                    ];
                    if i < 2 {
                        levels.push(("power-4", 4));
                    }
                    member(i + 1, &levels)
                })
                .collect();
            RoundSummary::of(&round)
        }

        #[test]
        fn agreement_is_tallied_per_area() {
            let s = summary();
            let power = s.statements.iter().filter(|st| st.domain.id == "power");
            assert_eq!(
                agreement_tally(power),
                "1 split, 2 agreed and 2 with too few answers to tell"
            );
            assert_eq!(agreement_tally(&s.statements[..0]), "No statements");
            assert_eq!(agreement_tally(&s.statements[..1]), "1 split");
            assert_eq!(
                statement_figures(&s.statements[0]),
                "Median 3, middle half 0 to 3. Split."
            );
            assert_eq!(
                statement_figures(&s.statements[3]),
                "Median 4, middle half 4. Too few answers to tell."
            );
        }

        /// Power: six members, five statements (30 possible answers): 6 + 6
        /// + 6 + 2 levels chosen, the rest not answered.
        #[test]
        fn an_area_says_how_many_of_its_possible_answers_are_levels() {
            let s = summary();
            assert_eq!(
                area_answered_words(&s.areas[0], s.members),
                "20 of 30 possible answers are a level (6 members, 5 statements), 10 not answered."
            );
        }

        #[test]
        fn only_statements_with_some_spread_are_disagreements() {
            let s = summary();
            let ids: Vec<&str> = disagreements(&s, 5)
                .iter()
                .map(|st| st.statement.id)
                .collect();
            assert_eq!(ids, ["power-1", "power-2"]);
            let ids: Vec<&str> = disagreements(&s, 1)
                .iter()
                .map(|st| st.statement.id)
                .collect();
            assert_eq!(ids, ["power-1"]);
        }
    }
}
