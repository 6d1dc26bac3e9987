//! Money as whole pence, so sums never drift: read from what a user types
//! ("£100,000", "30000.50", "-£250") and written back in pounds.

use crate::model::common::numbers::thousands;
use serde::{Deserialize, Serialize};

/// An amount of money in whole pence (negative for money going out where a
/// figure needs a sign).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Pence(pub i64);

/// The most a single amount may be: £10 billion, far beyond any local
/// scheme, and far inside what sums of 31 years can hold without overflow.
pub const MAX_POUNDS: i64 = 10_000_000_000;

/// Why typed money could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotMoney {
    Empty,
    NotANumber,
    TooManyPence,
    TooLarge,
}

impl NotMoney {
    pub fn message(self, what: &str) -> String {
        match self {
            NotMoney::Empty => format!("Enter the {what}"),
            NotMoney::NotANumber => {
                format!("The {what} must be an amount in pounds, like 30000 or £30,000.50")
            }
            NotMoney::TooManyPence => {
                format!("The {what} can have at most 2 figures after the point")
            }
            NotMoney::TooLarge => format!("The {what} must be less than £10 billion"),
        }
    }
}

impl Pence {
    pub fn from_pounds(pounds: i64) -> Pence {
        Pence(pounds * 100)
    }

    /// Reads typed money: an optional minus sign, an optional £, digits with
    /// optional commas between thousands, and at most two decimal places.
    pub fn parse(text: &str) -> Result<Pence, NotMoney> {
        let text = text.trim();
        if text.is_empty() {
            return Err(NotMoney::Empty);
        }
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, text),
        };
        let rest = rest.strip_prefix('£').unwrap_or(rest);
        let (whole, fraction) = match rest.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (rest, ""),
        };
        let digits: String = whole.chars().filter(|c| *c != ',').collect();
        // Commas, if any, between thousands: "100,000", not "1,00".
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        let commas_in_place = !whole.contains(',')
            || ((1..=3).contains(&first.len()) && groups.all(|group| group.len() == 3));
        if digits.is_empty()
            || !digits.chars().all(|c| c.is_ascii_digit())
            || !fraction.chars().all(|c| c.is_ascii_digit())
            || !commas_in_place
        {
            return Err(NotMoney::NotANumber);
        }
        if fraction.len() > 2 {
            return Err(NotMoney::TooManyPence);
        }
        if digits.len() > 12 {
            return Err(NotMoney::TooLarge);
        }
        let pounds: i64 = digits.parse().map_err(|_| NotMoney::NotANumber)?;
        if pounds >= MAX_POUNDS {
            return Err(NotMoney::TooLarge);
        }
        let pence: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
        let amount = pounds * 100 + pence;
        Ok(Pence(if negative { -amount } else { amount }))
    }

    /// "£35,452" to the pound (a half rounds away from zero), "−£250" below zero.
    pub fn to_pounds_text(self) -> String {
        let pounds = (self.0.abs() + 50) / 100;
        let sign = if self.0 < 0 && pounds > 0 { "−" } else { "" };
        format!("{sign}£{}", thousands(pounds))
    }

    /// "£30,000.50", to the penny.
    pub fn to_pence_text(self) -> String {
        let sign = if self.0 < 0 { "−" } else { "" };
        format!(
            "{sign}£{}.{:02}",
            thousands(self.0.abs() / 100),
            self.0.abs() % 100
        )
    }

    /// What a form field shows for it: "30000.50", or "30000" for whole pounds.
    pub fn input_value(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        match self.0.abs() % 100 {
            0 => format!("{sign}{}", self.0.abs() / 100),
            p => format!("{sign}{}.{p:02}", self.0.abs() / 100),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_money_is_read_to_the_penny() {
        assert_eq!(Pence::parse("£100,000"), Ok(Pence(10_000_000)));
        assert_eq!(Pence::parse("30000.5"), Ok(Pence(3_000_050)));
        assert_eq!(Pence::parse(" 1,234,567.89 "), Ok(Pence(123_456_789)));
        assert_eq!(Pence::parse("-£250"), Ok(Pence(-25_000)));
        assert_eq!(Pence::parse("0"), Ok(Pence(0)));
        assert_eq!(Pence::parse(""), Err(NotMoney::Empty));
        assert_eq!(Pence::parse("thirty"), Err(NotMoney::NotANumber));
        assert_eq!(Pence::parse("1,00"), Err(NotMoney::NotANumber));
        assert_eq!(Pence::parse("12.345"), Err(NotMoney::TooManyPence));
        assert_eq!(Pence::parse("99999999999"), Err(NotMoney::TooLarge));
        assert_eq!(Pence::parse("£"), Err(NotMoney::NotANumber));
    }

    #[test]
    fn money_is_written_in_pounds() {
        assert_eq!(Pence(3_545_157).to_pounds_text(), "£35,452");
        assert_eq!(Pence(3_545_149).to_pounds_text(), "£35,451");
        assert_eq!(Pence(-25_000).to_pounds_text(), "−£250");
        assert_eq!(Pence(-40).to_pounds_text(), "£0");
        assert_eq!(Pence(3_000_050).to_pence_text(), "£30,000.50");
        assert_eq!(Pence(3_000_050).input_value(), "30000.50");
        assert_eq!(Pence(-10_000_000).input_value(), "-100000");
    }
}
