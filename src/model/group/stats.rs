//! How a group's answers spread over the maturity scale: counts per level,
//! median and quartiles, and whether the group agrees. Plain arithmetic on
//! levels 0 to `MAX_LEVEL`, "not applicable / don't know" left out.

use crate::model::assessment::framework::MAX_LEVEL;

/// The number of levels on the scale (0 to `MAX_LEVEL`).
pub const LEVELS: usize = MAX_LEVEL as usize + 1;

/// How the answers to one statement (or every statement of an area) spread.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    /// How many chose each level, level 0 first.
    pub counts: [usize; LEVELS],
    /// How many answered "not applicable / don't know" (left out of the rest).
    pub not_applicable: usize,
    /// The median level, when anyone chose a level (a half when the middle
    /// two differ).
    pub median: Option<f64>,
    /// The lower and upper quartiles (see `quartiles`).
    pub quartiles: Option<(f64, f64)>,
}

/// Answers counted as they come: how many chose each level, and how many
/// "not applicable / don't know". Tallies add, so an area's is the sum of
/// its statements'.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    pub counts: [usize; LEVELS],
    pub not_applicable: usize,
}

impl Tally {
    /// Counts one answer: `Some(level)` a level, `None` "not applicable /
    /// don't know". A level off the scale is left out.
    pub fn add(&mut self, answer: Option<u8>) {
        match answer {
            Some(level) if (level as usize) < LEVELS => self.counts[level as usize] += 1,
            Some(_) => {}
            None => self.not_applicable += 1,
        }
    }

    /// Both tallies together.
    pub fn plus(mut self, other: &Tally) -> Tally {
        for (mine, theirs) in self.counts.iter_mut().zip(other.counts) {
            *mine += theirs;
        }
        self.not_applicable += other.not_applicable;
        self
    }

    /// The spread the tallied answers make.
    pub fn spread(&self) -> Spread {
        let sorted: Vec<u8> = (0..LEVELS)
            .flat_map(|level| std::iter::repeat_n(level as u8, self.counts[level]))
            .collect();
        Spread {
            counts: self.counts,
            not_applicable: self.not_applicable,
            median: median(&sorted),
            quartiles: quartiles(&sorted),
        }
    }
}

impl Spread {
    /// The spread of these answers: `Some(level)` a level, `None` "not
    /// applicable / don't know". Levels off the scale are left out.
    pub fn of(answers: impl IntoIterator<Item = Option<u8>>) -> Spread {
        let mut tally = Tally::default();
        for answer in answers {
            tally.add(answer);
        }
        tally.spread()
    }

    /// How many chose a level.
    pub fn answered(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The interquartile range: how far apart the middle half of the group is.
    pub fn interquartile_range(&self) -> Option<f64> {
        self.quartiles.map(|(lower, upper)| upper - lower)
    }

    /// The three levels the agreement rule centres on the median: the
    /// median rounded to a whole level (a half upwards), one level either
    /// side, kept on the scale (two levels at either end).
    pub fn band(&self) -> Option<(u8, u8)> {
        let centre = self.median?.round() as u8;
        Some((centre.saturating_sub(1), (centre + 1).min(MAX_LEVEL)))
    }

    /// How many chose a level outside the band.
    pub fn outside_band(&self) -> usize {
        match self.band() {
            Some((low, high)) => (0..LEVELS)
                .filter(|level| (*level as u8) < low || (*level as u8) > high)
                .map(|level| self.counts[level])
                .sum(),
            None => 0,
        }
    }

    /// Whether the group agrees (`AGREEMENT_RULE`).
    pub fn agreement(&self) -> Agreement {
        let answered = self.answered();
        if answered < MIN_FOR_AGREEMENT {
            return Agreement::TooFew;
        }
        let outside = self.outside_band();
        // At least a third of those who answered, and at least two people.
        if outside >= 2 && outside * 3 >= answered {
            Agreement::Split
        } else {
            Agreement::Agreed
        }
    }
}

/// Fewer answers than this cannot show agreement or a split.
pub const MIN_FOR_AGREEMENT: usize = 3;

/// Whether a group agrees on a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// Fewer than three members chose a level.
    TooFew,
    /// Most members chose a level within one of the median.
    Agreed,
    /// Enough members chose a level further from the median to talk it through.
    Split,
}

impl Agreement {
    pub fn label(self) -> &'static str {
        match self {
            Agreement::TooFew => "Too few answers to tell",
            Agreement::Agreed => "Agreement",
            Agreement::Split => "Split",
        }
    }
}

/// The agreement rule, as the app states it beside the figures.
pub const AGREEMENT_RULE: &str = "A statement is split when at least a third of the members who chose a \
     level (and at least two people) chose one outside the band of three levels centred on the group's \
     median (the median rounded to a whole level, a half upwards); otherwise the group agrees. Fewer than \
     three answers are too few to tell. \"Not applicable or don't know\" is left out.";

/// Where the agreement rule comes from, for the About page.
pub const AGREEMENT_RULE_SOURCE: &str = "Adapted from the consensus rule of the SCIROCCO Exchange \
     maturity self-assessment, whose stakeholder workshops treat an item as lacking consensus when four or \
     more participants' ratings fall outside the three-level band around the median (SCIROCCO Exchange \
     project, EU Health Programme, 2019–2021). That figure is for a panel of about twelve; here it is a \
     third of the members who answered, so it scales to a group of any size, as the RAND/UCLA \
     Appropriateness Method scales its disagreement rule with the size of its panel (Fitch K and others, \
     The RAND/UCLA Appropriateness Method User's Manual, RAND, 2001).";

/// The middle of sorted values: the middle one, or halfway between the middle two.
pub fn median(sorted: &[u8]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] as f64 + sorted[n / 2] as f64) / 2.0),
    }
}

/// The lower and upper quartiles of sorted values, as the medians of the
/// lower and upper halves (the middle value left out of both when the count
/// is odd: the method taught in UK schools and used by most calculators).
/// One value is its own quartiles.
pub fn quartiles(sorted: &[u8]) -> Option<(f64, f64)> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if n == 1 {
        let only = sorted[0] as f64;
        return Some((only, only));
    }
    let half = n / 2;
    let lower = &sorted[..half];
    let upper = &sorted[n - half..];
    Some((median(lower)?, median(upper)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(values: &[u8]) -> Spread {
        Spread::of(values.iter().map(|v| Some(*v)))
    }

    /// Worked by hand: 0 1 1 2 3 3 4 has median 2, lower half 0 1 1 (1),
    /// upper half 3 3 4 (3); 1 2 2 3 has median 2, quartiles 1.5 and 2.5.
    #[test]
    fn medians_and_quartiles_match_worked_examples() {
        let s = levels(&[3, 0, 1, 4, 1, 2, 3]);
        assert_eq!(s.counts, [1, 2, 1, 2, 1]);
        assert_eq!(s.median, Some(2.0));
        assert_eq!(s.quartiles, Some((1.0, 3.0)));
        assert_eq!(s.interquartile_range(), Some(2.0));

        let s = levels(&[2, 1, 3, 2]);
        assert_eq!(s.median, Some(2.0));
        assert_eq!(s.quartiles, Some((1.5, 2.5)));

        let s = levels(&[1, 2]);
        assert_eq!(s.median, Some(1.5));
        assert_eq!(s.quartiles, Some((1.0, 2.0)));

        let s = levels(&[4]);
        assert_eq!((s.median, s.quartiles), (Some(4.0), Some((4.0, 4.0))));
    }

    #[test]
    fn not_applicable_and_off_scale_answers_are_left_out() {
        let s = Spread::of([Some(2), None, None, Some(9), Some(4)]);
        assert_eq!(s.answered(), 2);
        assert_eq!(s.not_applicable, 2);
        assert_eq!(s.median, Some(3.0));
        let none = Spread::of([None, None]);
        assert_eq!((none.median, none.quartiles), (None, None));
        assert_eq!(none.agreement(), Agreement::TooFew);
    }

    /// The band is the rounded median and one level either side, cut at the
    /// scale's ends; a half rounds up.
    #[test]
    fn the_band_is_three_levels_round_the_median() {
        assert_eq!(levels(&[2, 2, 2]).band(), Some((1, 3)));
        assert_eq!(levels(&[0, 0, 1]).band(), Some((0, 1)));
        assert_eq!(levels(&[4, 4, 3]).band(), Some((3, 4)));
        assert_eq!(levels(&[1, 2]).band(), Some((1, 3)), "1.5 rounds to 2");
    }

    /// Twelve members, SCIROCCO's panel: four outside the band is a split,
    /// three is not. Small groups: two of six is a third, so split; one of
    /// three is not (a split needs two people).
    #[test]
    fn the_agreement_rule_scales_with_the_group() {
        // Median 2, band 1..=3; four at 0 or 4.
        let twelve_split = levels(&[2, 2, 2, 2, 1, 3, 3, 1, 0, 0, 4, 4]);
        assert_eq!(twelve_split.outside_band(), 4);
        assert_eq!(twelve_split.agreement(), Agreement::Split);
        let twelve_agreed = levels(&[2, 2, 2, 2, 2, 1, 3, 3, 1, 0, 0, 4]);
        assert_eq!(twelve_agreed.outside_band(), 3);
        assert_eq!(twelve_agreed.agreement(), Agreement::Agreed);

        let six = levels(&[3, 3, 3, 3, 0, 0]);
        assert_eq!(six.median, Some(3.0));
        assert_eq!(six.outside_band(), 2);
        assert_eq!(six.agreement(), Agreement::Split);

        let three = levels(&[4, 4, 0]);
        assert_eq!(three.outside_band(), 1);
        assert_eq!(three.agreement(), Agreement::Agreed);
        assert_eq!(levels(&[0, 4]).agreement(), Agreement::TooFew);
    }
}
