//! Dates as users type and read them. Date inputs give `YYYY-MM-DD`; screens
//! show dates the NHS way, "31 March 2027".
//!
//! Each format is written out here rather than with chrono's format strings
//! (`%-d %B %Y`): the format-string reader and its formatter were a sizeable
//! part of the first download, for six fixed layouts.
//!
//! Saved records are read back the same way (`day`, `optional_day`, `moment`,
//! `optional_moment`, for `#[serde(deserialize_with = ...)]`): chrono's own
//! `Deserialize` goes through its general-purpose string parser, which was a
//! sizeable part of the first download and slow on a workbook's 20,000 dates,
//! while the app only ever writes two fixed layouts.

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc};
use serde::de::{self, Deserializer, Visitor};

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
/// the stricter `read_day`, which takes only the layout the app writes.
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

/// Why a saved day or moment could not be read. Its text is chrono's own
/// for the same fault, which `document::formats` turns into plain English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Laid out right, but no such date or time: 2026-02-30, 24:00, +25:00.
    OutOfRange,
    /// Something other than the layout expects.
    Invalid,
    /// The text ends before the layout does.
    TooShort,
    /// Text after a whole day or moment.
    TooLong,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::OutOfRange => "input is out of range",
            DateError::Invalid => "input contains invalid characters",
            DateError::TooShort => "premature end of input",
            DateError::TooLong => "trailing input",
        })
    }
}

/// Reads a fixed layout from the front of the text, one byte at a time.
/// Faults are told in the order chrono's parser meets them (a field out of
/// range as soon as it is read, an impossible date only at the end), so
/// the plain-English messages stay as they were.
struct Scan<'a>(&'a [u8]);

impl Scan<'_> {
    fn next_if(&mut self, wanted: impl Fn(u8) -> bool) -> Result<u8, DateError> {
        match self.0.split_first() {
            Some((&b, rest)) if wanted(b) => {
                self.0 = rest;
                Ok(b)
            }
            Some(_) => Err(DateError::Invalid),
            None => Err(DateError::TooShort),
        }
    }

    fn literal(&mut self, wanted: u8) -> Result<(), DateError> {
        self.next_if(|b| b == wanted).map(drop)
    }

    fn digit(&mut self) -> Result<u32, DateError> {
        self.next_if(|b| b.is_ascii_digit())
            .map(|b| u32::from(b - b'0'))
    }

    /// Exactly `count` digits, making a number in `range`.
    fn number(
        &mut self,
        count: usize,
        range: std::ops::RangeInclusive<u32>,
    ) -> Result<u32, DateError> {
        let mut n = 0;
        for _ in 0..count {
            n = n * 10 + self.digit()?;
        }
        if range.contains(&n) {
            Ok(n)
        } else {
            Err(DateError::OutOfRange)
        }
    }

    fn end(&self) -> Result<(), DateError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(DateError::TooLong)
        }
    }

    /// `YYYY-MM-DD`, checked only field by field.
    fn ymd(&mut self) -> Result<(i32, u32, u32), DateError> {
        let year = self.number(4, 0..=9999)?;
        self.literal(b'-')?;
        let month = self.number(2, 1..=12)?;
        self.literal(b'-')?;
        let day = self.number(2, 1..=31)?;
        // Four digits always fit an i32.
        Ok((year as i32, month, day))
    }
}

fn to_date((year, month, day): (i32, u32, u32)) -> Result<NaiveDate, DateError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::OutOfRange)
}

/// A saved day: exactly `YYYY-MM-DD`, as `NaiveDate` is written.
pub fn read_day(text: &str) -> Result<NaiveDate, DateError> {
    let mut scan = Scan(text.as_bytes());
    let ymd = scan.ymd()?;
    scan.end()?;
    to_date(ymd)
}

/// A saved moment, in RFC 3339 as chrono reads it: `YYYY-MM-DD`, then `T`
/// (or `t` or a space), `HH:MM:SS`, an optional fraction of a second (a dot
/// and digits; as chrono, digits after the ninth are read and ignored), and
/// `Z`, `z` or an offset `+HH:MM`/`-HH:MM`. A leap second (`:60`) is kept as
/// chrono keeps it.
pub fn read_moment(text: &str) -> Result<DateTime<Utc>, DateError> {
    let mut scan = Scan(text.as_bytes());
    let ymd = scan.ymd()?;
    scan.next_if(|b| matches!(b, b'T' | b't' | b' '))?;
    let hour = scan.number(2, 0..=23)?;
    scan.literal(b':')?;
    let minute = scan.number(2, 0..=59)?;
    scan.literal(b':')?;
    let second = scan.number(2, 0..=60)?;
    let mut nano = 0;
    if scan.literal(b'.').is_ok() {
        nano = scan.digit()?;
        let mut digits = 1;
        while let Ok(digit) = scan.digit() {
            if digits < 9 {
                nano = nano * 10 + digit;
                digits += 1;
            }
        }
        nano *= 10u32.pow(9 - digits);
    }
    let offset = match scan.next_if(|b| matches!(b, b'Z' | b'z' | b'+' | b'-'))? {
        b'Z' | b'z' => 0,
        sign => {
            let hours = scan.number(2, 0..=99)?;
            scan.literal(b':')?;
            let minutes = scan.number(2, 0..=59)?;
            let seconds = (hours * 3600 + minutes * 60) as i32;
            if sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
    };
    scan.end()?;
    let date = to_date(ymd)?;
    // chrono holds a leap second as the 59th with a second's worth of nanoseconds.
    let (second, nano) = if second == 60 {
        (59, nano + 1_000_000_000)
    } else {
        (second, nano)
    };
    let time =
        NaiveTime::from_hms_nano_opt(hour, minute, second, nano).ok_or(DateError::OutOfRange)?;
    let offset = FixedOffset::east_opt(offset).ok_or(DateError::OutOfRange)?;
    date.and_time(time)
        .checked_sub_offset(offset)
        .map(|utc| utc.and_utc())
        .ok_or(DateError::OutOfRange)
}

/// Reads a string with one of the readers above, borrowing it from the
/// input where serde can, without copying it.
struct Text<T>(fn(&str) -> Result<T, DateError>, &'static str);

impl<T> Visitor<'_> for Text<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.0)(text).map_err(E::custom)
    }
}

/// The same, for a value that may be `null`.
struct Maybe<T>(Text<T>);

impl<'de, T> Visitor<'de> for Maybe<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_str(self.0).map(Some)
    }
}

// chrono's own descriptions, so a value of the wrong kind is told as before.
const A_DAY: &str = "a formatted date string";
const A_MOMENT: &str = "an RFC 3339 formatted date and time string";

/// Reads a saved `NaiveDate` field (`read_day`).
pub fn day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(Text(read_day, A_DAY))
}

/// Reads a saved `Option<NaiveDate>` field; `null` is `None`. Give the field
/// `default` too, so that a missing field is `None` as well.
pub fn optional_day<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    d.deserialize_option(Maybe(Text(read_day, A_DAY)))
}

/// Reads a saved `DateTime<Utc>` field (`read_moment`).
pub fn moment<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(Text(read_moment, A_MOMENT))
}

/// Reads a saved `Option<DateTime<Utc>>` field; `null` is `None`. Give the
/// field `default` too.
pub fn optional_moment<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    d.deserialize_option(Maybe(Text(read_moment, A_MOMENT)))
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

    // Saved days and moments are checked against what chrono's own
    // `Deserialize` (its general-purpose parser) made of the same text.

    /// Our reader, through serde as a record field is read; a refusal as
    /// its message (serde_json adds where in the text it was).
    fn ours<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
        let json = serde_json::to_string(text).unwrap();
        serde_json::from_str::<T>(&json).map_err(|e| {
            let message = e.to_string();
            message.split(" at line ").next().unwrap().to_string()
        })
    }

    #[derive(serde::Deserialize)]
    struct Day(#[serde(deserialize_with = "day")] NaiveDate);

    #[derive(serde::Deserialize)]
    struct Moment(#[serde(deserialize_with = "moment")] DateTime<Utc>);

    fn our_day(text: &str) -> Result<NaiveDate, String> {
        let read = ours::<Day>(text).map(|d| d.0);
        assert_eq!(read, read_day(text).map_err(|e| e.to_string()), "{text:?}");
        read
    }

    fn our_moment(text: &str) -> Result<DateTime<Utc>, String> {
        let read = ours::<Moment>(text).map(|m| m.0);
        assert_eq!(
            read,
            read_moment(text).map_err(|e| e.to_string()),
            "{text:?}"
        );
        read
    }

    fn chrono_day(text: &str) -> Result<NaiveDate, String> {
        text.parse::<NaiveDate>().map_err(|e| e.to_string())
    }

    fn chrono_moment(text: &str) -> Result<DateTime<Utc>, String> {
        serde_json::from_value::<DateTime<Utc>>(serde_json::Value::String(text.into()))
            .map_err(|e| e.to_string())
    }

    const OUT_OF_RANGE: &str = "input is out of range";

    /// Where the readers part from chrono on purpose: shapes only chrono
    /// reads are refused as not a date (never as out of range), and shapes
    /// both refuse may be refused in other words.
    fn check_deliberate_differences<T: PartialEq + std::fmt::Debug>(
        only_chrono_reads: &[&str],
        refused_in_other_words: &[&str],
        ours: fn(&str) -> Result<T, String>,
        chrono: fn(&str) -> Result<T, String>,
    ) {
        for text in only_chrono_reads {
            assert!(chrono(text).is_ok(), "{text:?}");
            let read = ours(text);
            assert!(
                read.is_err() && read != Err(OUT_OF_RANGE.into()),
                "{text:?}"
            );
        }
        for text in refused_in_other_words {
            let (read, theirs) = (ours(text), chrono(text));
            assert!(read.is_err() && theirs.is_err(), "{text:?}");
            assert_ne!(read, theirs, "{text:?}");
        }
    }

    /// Days in the layout the app writes, possible or not, over many years
    /// (leap years, 1900, 2000, 2100, the ends of the four-digit range),
    /// with months 00 to 13 and days 00 to 32.
    fn day_corpus() -> Vec<String> {
        let years = [
            0, 1, 4, 99, 100, 400, 1582, 1899, 1900, 1970, 1999, 2000, 2023, 2024, 2025, 2026,
            2027, 2028, 2096, 2100, 2400, 9999,
        ];
        let mut out = Vec::new();
        for y in years {
            for m in (0..=13).chain([19, 20, 99]) {
                for d in (0..=32).chain([39, 40, 99]) {
                    out.push(format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
        out
    }

    /// Wrong in ways chrono refuses too, with the same words.
    const BAD_DAYS: [&str; 29] = [
        "",
        "2026",
        "2026-",
        "2026-1",
        "2026-12",
        "2026-12-",
        "2026-1x-01",
        "202x-12-01",
        "20261-12-01",
        "2026-123-01",
        "2026-12-011",
        "2026-12-01x",
        "2026-12-01T00:00:00Z",
        "2026/12/01",
        "20261201",
        "2026-13-1",
        "x2026-12-01",
        "soon",
        "２０２６-12-01",
        "2026-１２-01",
        "2026‐12‐01",
        "2026-12-01 x",
        "2026 12 01",
        "2026--12-01",
        "2026-12--01",
        "2026-13-xx",
        "2026-00-",
        "2026-12-32x",
        "2026-02-30x",
    ];

    /// Accepted by chrono but not by us, on purpose: the app only ever
    /// writes `YYYY-MM-DD`, and these are chrono's relaxations of it (one-
    /// or three-digit fields, signed or five-digit years, spaces around
    /// the parts). Text that reaches the reader in these shapes was not
    /// written by the app.
    const DAYS_ONLY_CHRONO_READS: [&str; 20] = [
        " 2026-12-01",
        "2026-12-01 ",
        "2026-12-01\n",
        "\t2026-12-01",
        "2026 -12-01",
        "2026- 12-01",
        "2026-12 -01",
        "2026-12- 01",
        "2026-1-01",
        "2026-12-1",
        "2026-1-1",
        "26-12-01",
        "202-12-01",
        "0-1-1",
        "+2026-12-01",
        "-2026-12-01",
        "+12345-01-01",
        "-0001-12-31",
        "+0-01-01",
        "2026-02-3",
    ];

    /// Refused by both, but chrono's words differ from ours: chrono takes
    /// fewer digits as a whole field, so to it "0" is the month or day 0,
    /// out of range, and "01-12-2026" is the year 1 with "26" left over,
    /// where to us the text stops short or has a character where a digit
    /// should be. Either way the user is told it is not a date as written.
    const DAYS_REFUSED_IN_OTHER_WORDS: [&str; 7] = [
        "2026-0",
        "2026-0x-01",
        "2026-12-0",
        "2026-12-0x",
        "2026-1-32",
        "2026-12-1x",
        "01-12-2026",
    ];

    #[test]
    fn saved_days_are_read_as_chrono_read_them() {
        let mut impossible = 0;
        for text in day_corpus().iter().map(String::as_str).chain(BAD_DAYS) {
            let read = our_day(text);
            assert_eq!(read, chrono_day(text), "{text:?}");
            impossible += usize::from(read == Err(OUT_OF_RANGE.into()));
        }
        // The corpus does hold impossible days, told as chrono told them.
        assert!(impossible > 5000, "{impossible}");
        assert_eq!(
            our_day("2026-02-30"),
            Err("input is out of range".to_string())
        );
        assert_eq!(
            our_day("2024-02-29"),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap())
        );
        check_deliberate_differences(
            &DAYS_ONLY_CHRONO_READS,
            &DAYS_REFUSED_IN_OTHER_WORDS,
            our_day,
            chrono_day,
        );
    }

    #[test]
    fn every_day_the_app_writes_reads_back() {
        let mut d = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        for _ in 0..20_000 {
            let text = serde_json::to_string(&d).unwrap();
            assert_eq!(serde_json::from_str::<Day>(&text).unwrap().0, d);
            d = d.succ_opt().unwrap();
        }
    }

    /// Moments in the layouts chrono reads and the app's neighbours write:
    /// dates possible and not, times in and out of range (a leap second
    /// too), each separator, fractions of 0 to 13 digits, and offsets from
    /// Z to +99:59.
    fn moment_corpus() -> Vec<String> {
        let dates = [
            "2024-02-29",
            "2025-02-29",
            "2026-02-30",
            "2026-04-31",
            "2026-12-31",
            "0000-01-01",
            "9999-12-31",
            "2026-00-01",
            "2026-13-01",
            "2026-01-00",
            "2026-01-32",
        ];
        let times = [
            "00:00:00", "23:59:59", "24:00:00", "23:60:00", "23:59:60", "12:34:60", "23:59:61",
            "99:99:99", "15:15:40",
        ];
        let fractions = [
            "",
            ".1",
            ".12",
            ".123",
            ".1234",
            ".12345",
            ".123456",
            ".1234567",
            ".12345678",
            ".123456789",
            ".1234567891",
            ".000000000",
            ".999999999",
            ".9999999999999",
        ];
        let offsets = [
            "Z", "z", "+00:00", "-00:00", "+14:00", "-12:00", "+05:30", "-03:45", "+23:59",
            "-23:59", "+24:00", "-24:00", "+99:59", "+01:60", "+01:99",
        ];
        let mut out = Vec::new();
        for date in dates {
            for sep in ["T", "t", " "] {
                for time in times {
                    for fraction in fractions {
                        for offset in offsets {
                            out.push(format!("{date}{sep}{time}{fraction}{offset}"));
                        }
                    }
                }
            }
        }
        out
    }

    /// Wrong in ways chrono refuses too, with the same words.
    const BAD_MOMENTS: [&str; 33] = [
        "",
        "2026-12-01",
        "2026-12-01T",
        "2026-12-01T15",
        "2026-12-01T15:",
        "2026-12-01T15:15",
        "2026-12-01T15:15:",
        "2026-12-01T15:15:40",
        "2026-12-01T15:15:40.",
        "2026-12-01T15:15:40.Z",
        "2026-12-01T15:15:40.x",
        "2026-12-01T15:15:40+",
        "2026-12-01T15:15:40+01",
        "2026-12-01T15:15:40+01:",
        "2026-12-01T15:15:40+01:0",
        "2026-12-01T15:15:40+1:00",
        "2026-12-01T15:15:40+01-00",
        "2026-12-01T15:15:40+01:6x",
        "2026-12-01T15:15:40Zjunk",
        "2026-12-01T15:15:40Z1",
        "2026-12-01T15:15:40ZZ",
        "2026-12-01T15:15:40Y",
        "2026-12-01T15:15:40.123456789+01:00:00",
        "2026-12-01X15:15:40Z",
        "2026-12-01_15:15:40Z",
        "2026-12-01T15-15-40Z",
        "2026-12-01T15:15:40,5Z",
        "x2026-12-01T15:15:40Z",
        "２０２６-12-01T15:15:40Z",
        "2026-02-30T10:00:00",
        "2026-02-30T10:00:00Zx",
        "2026-02-30T25:00:00Z",
        "soon",
    ];

    /// Accepted by chrono but not by us, on purpose: the app writes
    /// `2026-12-01T15:15:40.123456789Z` (or without the fraction), and
    /// these are chrono's relaxations (spaces between or around the parts,
    /// `UTC`, offsets without the colon or with U+2212 MINUS SIGN, one-digit
    /// fields, signed or short years).
    const MOMENTS_ONLY_CHRONO_READS: [&str; 24] = [
        " 2026-12-01T15:15:40Z",
        "2026-12-01T15:15:40Z ",
        "2026-12-01T15:15:40 Z",
        "2026-12-01T15:15:40UTC",
        "2026-12-01T15:15:40utc",
        "2026-12-01T15:15:40+0100",
        "2026-12-01T15:15:40+01 00",
        "2026-12-01T15:15:40+01::00",
        "2026-12-01T15:15:40\u{2212}01:00",
        "2026-12-01T5:15:40Z",
        "2026-12-01T15:5:40Z",
        "2026-12-01T15:15:4Z",
        "2026-1-01T15:15:40Z",
        "2026-12-1T15:15:40Z",
        "+2026-12-01T15:15:40Z",
        "+12345-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
        "26-12-01T15:15:40Z",
        "2026 -12-01T15:15:40Z",
        "2026- 12-01T15:15:40Z",
        "2026-12-01T 15:15:40Z",
        "2026-12-01  15:15:40Z",
        "2026-12-01T15 :15:40Z",
        "2026-12-01T15: 15:40Z",
    ];

    /// Refused by both, in other words: see `DAYS_REFUSED_IN_OTHER_WORDS`,
    /// and chrono wants two characters of an offset's hours or minutes
    /// before it looks at them, so "+x" stops short to it.
    const MOMENTS_REFUSED_IN_OTHER_WORDS: [&str; 4] = [
        "2026-0",
        "2026-12-0",
        "2026-12-01T15:15:40+x",
        "2026-12-01T15:15:40+01:x",
    ];

    #[test]
    fn saved_moments_are_read_as_chrono_read_them() {
        let (mut read_ok, mut impossible) = (0, 0);
        for text in moment_corpus()
            .iter()
            .map(String::as_str)
            .chain(BAD_MOMENTS)
        {
            let read = our_moment(text);
            assert_eq!(read, chrono_moment(text), "{text:?}");
            read_ok += usize::from(read.is_ok());
            impossible += usize::from(read == Err(OUT_OF_RANGE.into()));
        }
        assert!(
            read_ok > 5000 && impossible > 5000,
            "{read_ok} {impossible}"
        );
        check_deliberate_differences(
            &MOMENTS_ONLY_CHRONO_READS,
            &MOMENTS_REFUSED_IN_OTHER_WORDS,
            our_moment,
            chrono_moment,
        );
    }

    #[test]
    fn moments_the_app_writes_read_back_in_utc() {
        use chrono::TimeZone;
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 15, 15, 40).unwrap();
        for nanos in [0, 123_000_000, 123_456_000, 123_456_789, 999_999_999] {
            let t = at + chrono::Duration::nanoseconds(nanos);
            let text = serde_json::to_string(&t).unwrap();
            assert_eq!(
                serde_json::from_str::<Moment>(&text).unwrap().0,
                t,
                "{text}"
            );
        }
        assert_eq!(
            read_moment("2026-12-01T15:15:40.123456789Z"),
            Ok(at + chrono::Duration::nanoseconds(123_456_789))
        );
        assert_eq!(
            read_moment("2026-12-02t01:15:40+10:00"),
            Ok(at),
            "an offset is taken off"
        );
        assert_eq!(read_moment("2026-12-01 10:15:40-05:00"), Ok(at));
        assert_eq!(
            read_moment("2026-12-01T15:15:40.5+24:00"),
            Err(DateError::OutOfRange)
        );
    }

    #[test]
    fn optional_days_and_moments_may_be_null_or_missing() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Maybes {
            #[serde(default, deserialize_with = "optional_day")]
            day: Option<NaiveDate>,
            #[serde(default, deserialize_with = "optional_moment")]
            at: Option<DateTime<Utc>>,
        }
        let none = Maybes {
            day: None,
            at: None,
        };
        assert_eq!(serde_json::from_str::<Maybes>("{}").unwrap(), none);
        let nulls = r#"{"day": null, "at": null}"#;
        assert_eq!(serde_json::from_str::<Maybes>(nulls).unwrap(), none);
        let both = r#"{"day": "2027-03-31", "at": "2026-12-01T15:15:40Z"}"#;
        let read = serde_json::from_str::<Maybes>(both).unwrap();
        assert_eq!(read.day, NaiveDate::from_ymd_opt(2027, 3, 31));
        assert_eq!(read.at, read_moment("2026-12-01T15:15:40Z").ok());
        // Read from a JSON value too (the string is then owned, not borrowed).
        let value: serde_json::Value = serde_json::from_str(both).unwrap();
        assert_eq!(serde_json::from_value::<Maybes>(value).unwrap(), read);
        // Wrong kinds and bad dates are refused as chrono refused them.
        let number = serde_json::from_str::<Maybes>(r#"{"day": 3}"#).unwrap_err();
        assert!(number
            .to_string()
            .starts_with("invalid type: integer `3`, expected a formatted date string"));
        let bad = serde_json::from_str::<Maybes>(r#"{"at": "2026-02-30T00:00:00Z"}"#);
        assert!(bad.unwrap_err().to_string().starts_with(OUT_OF_RANGE));
        let escaped = r#"{"day": "2027\u002d03-31"}"#;
        let read = serde_json::from_str::<Maybes>(escaped).unwrap();
        assert_eq!(read.day, NaiveDate::from_ymd_opt(2027, 3, 31));
    }

    #[test]
    fn a_saved_goal_reads_back_unchanged() {
        use crate::model::plan::{Action, Goal, GoalStatus};
        use chrono::TimeZone;
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 15, 15, 40).unwrap();
        let later = at + chrono::Duration::nanoseconds(123_456_789);
        let goal = Goal {
            id: "goal-1".into(),
            title: "Chair the board".into(),
            detail: String::new(),
            learning_need: String::new(),
            success_measure: String::new(),
            target_date: NaiveDate::from_ymd_opt(2028, 2, 29),
            status: GoalStatus::InProgress,
            support: Vec::new(),
            capability: None,
            outcome: String::new(),
            actions: vec![Action {
                id: "action-1".into(),
                text: "Observe a meeting".into(),
                due: NaiveDate::from_ymd_opt(2027, 1, 31),
                done_on: None,
                created_at: at,
                updated_at: later,
            }],
            evidence: Vec::new(),
            created_at: at,
            updated_at: later,
            origin: None,
        };
        let text = serde_json::to_string(&goal).unwrap();
        // Written as before: chrono's own serialisation is untouched.
        assert!(text.contains(r#""target_date":"2028-02-29""#), "{text}");
        assert!(
            text.contains(r#""created_at":"2026-12-01T15:15:40Z""#),
            "{text}"
        );
        assert!(text.contains(r#""updated_at":"2026-12-01T15:15:40.123456789Z""#));
        assert!(text.contains(r#""done_on":null"#), "{text}");
        let read: Goal = serde_json::from_str(&text).unwrap();
        assert_eq!(read, goal);
        assert_eq!(serde_json::to_string(&read).unwrap(), text);
        // A goal saved before a field existed still reads, as `None`.
        let mut value = serde_json::to_value(&goal).unwrap();
        value.as_object_mut().unwrap().remove("target_date");
        let read: Goal = serde_json::from_value(value).unwrap();
        assert_eq!(read.target_date, None);
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
