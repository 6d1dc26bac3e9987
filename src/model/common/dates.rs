//! Dates as users type and read them. Date inputs give `YYYY-MM-DD`; screens
//! show dates the NHS way, "31 March 2027".
//!
//! Each format is written out here rather than with chrono's format strings
//! (`%-d %B %Y`): the format-string reader and its formatter were a sizeable
//! part of the first download, for six fixed layouts.

use chrono::{Datelike, NaiveDate, Timelike};

/// Text that should have been a `YYYY-MM-DD` date but is not.
#[derive(Debug, PartialEq, Eq)]
pub struct NotADate;

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

/// Empty text is no date; anything else must be a real date written
/// `YYYY-MM-DD` (a one-digit month or day is accepted too), so 2027-02-30 and
/// 31/03/2027 are refused.
pub fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, NotADate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let number = |part: Option<&str>, digits: std::ops::RangeInclusive<usize>| {
        part.filter(|p| digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let mut parts = text.split('-');
    let year = number(parts.next(), 4..=4).ok_or(NotADate)?;
    let month = number(parts.next(), 1..=2).ok_or(NotADate)?;
    let day = number(parts.next(), 1..=2).ok_or(NotADate)?;
    if parts.next().is_some() {
        return Err(NotADate);
    }
    // Four digits always fit an i32.
    NaiveDate::from_ymd_opt(year as i32, month, day)
        .map(Some)
        .ok_or(NotADate)
}

fn month_name(date: NaiveDate) -> &'static str {
    // `month0` is 0 to 11.
    MONTHS[date.month0() as usize]
}

/// "31 March 2027", as the NHS.UK content style writes dates.
pub fn long_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

/// "March 2027".
pub fn month_and_year(date: NaiveDate) -> String {
    format!("{} {}", month_name(date), date.year())
}

/// `2027-03-31`, the value a date input holds (and file names use).
pub fn input_value(date: NaiveDate) -> String {
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
        assert_eq!(parse_optional_date("2027-02-30"), Err(NotADate));
        assert_eq!(parse_optional_date("31/03/2027"), Err(NotADate));
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
            assert_eq!(parse_optional_date(&input_value(d)), Ok(Some(d)));
            d = d + chrono::Duration::days(37);
        }
    }

    #[test]
    fn only_whole_dates_in_the_input_layout_are_read() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 5);
        assert_eq!(parse_optional_date("2027-3-5"), Ok(d));
        for text in [
            "2027-03",
            "2027-03-05-01",
            "27-03-05",
            "2027-003-05",
            "2027-+3-05",
            "2027-03-05T10",
            "２０２７-03-05",
        ] {
            assert_eq!(parse_optional_date(text), Err(NotADate), "{text}");
        }
    }
}
