//! Dates as users type and read them. Date inputs give `YYYY-MM-DD`; screens
//! show dates the NHS way, "31 March 2027".
//!
//! Each format is written out here rather than with chrono's format strings
//! (`%-d %B %Y`): the format-string reader and its formatter were a sizeable
//! part of the first download, for six fixed layouts.
//!
//! Saved records hold dates as `saved_dates::Day` and `saved_dates::Moment`,
//! which read only the layouts the app writes.

use chrono::{Datelike, NaiveDate, Timelike};

/// Why what a person typed in a date field is not a date the app can keep.
/// Each says which part to fix, as the NHS.UK date input's messages do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotADate {
    /// Some of day, month and year were given but not all: `true` marks each
    /// one missing.
    Missing { day: bool, month: bool, year: bool },
    /// The year is a number but not four digits (26 for 2026).
    YearNotFourDigits,
    /// A part is not a number, or there is no such day (31 April, 29 February 2027).
    NotReal,
    /// A real date, but before 2000 or after 2099 (see `PLAUSIBLE_YEARS`).
    Implausible,
}

/// The years a typed date may fall in. Every date this workbook records (an
/// assessment, a goal's target, an activity on placement) belongs to the
/// present era of commissioning: the articles behind it are from 2009–2010 and
/// a plan looks a few years ahead. A year outside is almost always a slip
/// (0026 for 2026, 2206 for 2026), so it is refused with a message rather than
/// saved as a wrong date.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

impl NotADate {
    /// The message for the field whose date is `what` ("due date", "date of
    /// the activity"), for the field's inline error and the error summary.
    pub fn message(self, what: &str) -> String {
        match self {
            NotADate::Missing { day, month, year } => {
                let missing: Vec<&str> = [(day, "a day"), (month, "a month"), (year, "a year")]
                    .into_iter()
                    .filter_map(|(gone, part)| gone.then_some(part))
                    .collect();
                let parts = match missing.as_slice() {
                    [one] => one.to_string(),
                    [first, second] => format!("{first} and {second}"),
                    _ => "a day, a month and a year".to_string(),
                };
                format!("The {what} must include {parts}")
            }
            NotADate::YearNotFourDigits => {
                format!("The year of the {what} must have 4 numbers, like 2027")
            }
            NotADate::NotReal => format!("The {what} must be a real date, like 31 March 2027"),
            NotADate::Implausible => format!(
                "The year of the {what} must be between {} and {}",
                PLAUSIBLE_YEARS.start(),
                PLAUSIBLE_YEARS.end()
            ),
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What a person typed in a date field. The NHS.UK date input's three boxes
/// arrive as `year-month-day` (`ui::components::fields` joins them, each as
/// typed), and an edit form fills them from `input_value`'s `YYYY-MM-DD`.
/// All three empty is no date; anything else must be a real date with a
/// four-digit year in `PLAUSIBLE_YEARS` (a one- or two-digit month and day,
/// and spaces around each part, are fine), so 2027-02-30, 26-3-31 and
/// 31/03/2027 are refused, each with its reason. Saved records are read by
/// the stricter `saved_dates::read_day`, which takes only the layout the app
/// writes.
pub fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, NotADate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split('-').map(str::trim).collect();
    let [year, month, day] = parts[..] else {
        return Err(NotADate::NotReal);
    };
    if year.is_empty() && month.is_empty() && day.is_empty() {
        return Ok(None);
    }
    if year.is_empty() || month.is_empty() || day.is_empty() {
        return Err(NotADate::Missing {
            day: day.is_empty(),
            month: month.is_empty(),
            year: year.is_empty(),
        });
    }
    let number = |part: &str, digits: std::ops::RangeInclusive<usize>| {
        Some(part)
            .filter(|p| digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let year = match number(year, 4..=4) {
        Some(year) => year as i32, // four digits always fit an i32
        None if number(year, 1..=9).is_some() => return Err(NotADate::YearNotFourDigits),
        None => return Err(NotADate::NotReal),
    };
    let month = number(month, 1..=2).ok_or(NotADate::NotReal)?;
    let day = number(day, 1..=2).ok_or(NotADate::NotReal)?;
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(NotADate::NotReal)?;
    if !PLAUSIBLE_YEARS.contains(&year) {
        return Err(NotADate::Implausible);
    }
    Ok(Some(date))
}

fn month_name(date: NaiveDate) -> &'static str {
    // `month0` is 0 to 11.
    MONTHS[date.month0() as usize]
}

/// "31 March 2027", as the NHS.UK content style writes dates. These take a
/// `NaiveDate` or a saved record's `Day`.
pub fn long_date(date: impl Into<NaiveDate>) -> String {
    let date = date.into();
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

/// "March 2027".
pub fn month_and_year(date: impl Into<NaiveDate>) -> String {
    let date = date.into();
    format!("{} {}", month_name(date), date.year())
}

/// `2027-03-31`, the value a date input holds (and file names use).
pub fn input_value(date: impl Into<NaiveDate>) -> String {
    let date = date.into();
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// "09:05", a 24-hour clock time.
pub fn clock_time(time: &impl Timelike) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// "09:05:07".
pub fn clock_time_with_seconds(time: &impl Timelike) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        time.hour(),
        time.minute(),
        time.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_only_when_real() {
        assert_eq!(parse_optional_date("  "), Ok(None));
        assert_eq!(
            parse_optional_date("2027-03-31"),
            Ok(NaiveDate::from_ymd_opt(2027, 3, 31))
        );
        assert_eq!(parse_optional_date("2027-02-30"), Err(NotADate::NotReal));
        assert_eq!(parse_optional_date("31/03/2027"), Err(NotADate::NotReal));
    }

    /// The three boxes of the NHS.UK date input, joined as the field joins them.
    fn typed(day: &str, month: &str, year: &str) -> Result<Option<NaiveDate>, NotADate> {
        parse_optional_date(&format!("{year}-{month}-{day}"))
    }

    #[test]
    fn typed_dates_keep_exactly_what_was_typed() {
        let day = |y, m, d| Ok(NaiveDate::from_ymd_opt(y, m, d));
        // Leading zeros, one digit, spaces around a box: all the same day.
        assert_eq!(typed("01", "12", "2026"), day(2026, 12, 1));
        assert_eq!(typed("1", "12", "2026"), day(2026, 12, 1));
        assert_eq!(typed(" 1 ", " 12", "2026 "), day(2026, 12, 1));
        assert_eq!(typed("09", "09", "2026"), day(2026, 9, 9));
        assert_eq!(typed("29", "2", "2028"), day(2028, 2, 29));
        assert_eq!(typed("31", "12", "2099"), day(2099, 12, 31));
        assert_eq!(typed("1", "1", "2000"), day(2000, 1, 1));
        assert_eq!(typed("", "", ""), Ok(None));
    }

    #[test]
    fn typed_dates_are_refused_with_their_reason() {
        let missing = |day, month, year| Err(NotADate::Missing { day, month, year });
        assert_eq!(typed("", "12", "2026"), missing(true, false, false));
        assert_eq!(typed("1", "", "2026"), missing(false, true, false));
        assert_eq!(typed("1", "12", ""), missing(false, false, true));
        assert_eq!(typed("", "", "2026"), missing(true, true, false));
        assert_eq!(typed("29", "2", "2027"), Err(NotADate::NotReal));
        assert_eq!(typed("31", "4", "2027"), Err(NotADate::NotReal));
        assert_eq!(typed("0", "12", "2026"), Err(NotADate::NotReal));
        assert_eq!(typed("1", "13", "2026"), Err(NotADate::NotReal));
        assert_eq!(typed("1st", "12", "2026"), Err(NotADate::NotReal));
        assert_eq!(typed("1", "Dec", "2026"), Err(NotADate::NotReal));
        assert_eq!(typed("1", "12", "26"), Err(NotADate::YearNotFourDigits));
        assert_eq!(typed("1", "12", "20266"), Err(NotADate::YearNotFourDigits));
        assert_eq!(typed("1", "12", "0026"), Err(NotADate::Implausible));
        assert_eq!(typed("1", "12", "1999"), Err(NotADate::Implausible));
        assert_eq!(typed("1", "12", "2100"), Err(NotADate::Implausible));
        // A box holding the separator cannot be read as a date at all.
        assert_eq!(typed("1-2", "12", "2026"), Err(NotADate::NotReal));
    }

    #[test]
    fn each_refusal_says_what_to_fix() {
        let what = "date of the activity";
        let missing = |day, month, year| NotADate::Missing { day, month, year }.message(what);
        assert_eq!(
            missing(false, true, false),
            "The date of the activity must include a month"
        );
        assert_eq!(
            missing(true, true, false),
            "The date of the activity must include a day and a month"
        );
        assert_eq!(
            NotADate::YearNotFourDigits.message(what),
            "The year of the date of the activity must have 4 numbers, like 2027"
        );
        assert_eq!(
            NotADate::NotReal.message("due date"),
            "The due date must be a real date, like 31 March 2027"
        );
        assert_eq!(
            NotADate::Implausible.message("due date"),
            "The year of the due date must be between 2000 and 2099"
        );
    }

    #[test]
    fn dates_are_written_the_nhs_way() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(long_date(d), "1 March 2027");
        assert_eq!(input_value(d), "2027-03-01");
        assert_eq!(month_and_year(d), "March 2027");
        let t = d.and_hms_opt(9, 5, 7).unwrap();
        assert_eq!(clock_time(&t), "09:05");
        assert_eq!(clock_time_with_seconds(&t), "09:05:07");
    }

    #[test]
    fn the_fixed_formats_match_chronos_format_strings() {
        let mut d = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        for _ in 0..400 {
            assert_eq!(long_date(d), d.format("%-d %B %Y").to_string());
            assert_eq!(month_and_year(d), d.format("%B %Y").to_string());
            assert_eq!(input_value(d), d.format("%Y-%m-%d").to_string());
            let typed_back = if PLAUSIBLE_YEARS.contains(&d.year()) {
                Ok(Some(d))
            } else {
                Err(NotADate::Implausible)
            };
            assert_eq!(parse_optional_date(&input_value(d)), typed_back);
            d += chrono::Duration::days(37);
        }
    }

    #[test]
    fn only_whole_dates_in_the_input_layout_are_read() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 5);
        assert_eq!(parse_optional_date("2027-3-5"), Ok(d));
        assert_eq!(
            parse_optional_date("27-03-05"),
            Err(NotADate::YearNotFourDigits)
        );
        for text in [
            "2027-03",
            "2027-03-05-01",
            "2027-003-05",
            "2027-+3-05",
            "2027-03-05T10",
            "２０２７-03-05",
        ] {
            assert!(parse_optional_date(text).is_err(), "{text}");
        }
    }
}
