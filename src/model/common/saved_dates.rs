//! Dates as the workbook's files hold them: `Day` (`2027-03-31`) and
//! `Moment` (`2026-12-01T15:15:40.123456789Z`), the types of every date field
//! of a saved record.
//!
//! Both read only the layouts the app writes, with the fixed-layout readers
//! here (`read_day`, `read_moment`): chrono's own `Deserialize` goes through
//! its general-purpose string parser, which was a sizeable part of the first
//! download and slow on a workbook's 20,000 dates. Being types rather than an
//! attribute each field must remember, a date field added later cannot fall
//! back to chrono's reader unnoticed. They write themselves (`Serialize`) and
//! describe themselves (`JsonSchema`) exactly as chrono's `NaiveDate` and
//! `DateTime<Utc>` do, so files and JSON Schemas are the same.
//!
//! A saved date that cannot be read is noted as a `RefusedDate` (the text,
//! which kind of date, and why) for whoever asked (`noting_refused_date`), so
//! the message refusing a file can quote it: serde's errors carry only text.

use std::cell::RefCell;
use std::fmt;
use std::ops::{Add, Deref, Sub};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeDelta, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Why a saved day or moment could not be read. Its text is chrono's own
/// for the same fault, so a refusal reads as it did when chrono read dates.
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
/// each refusal is the one chrono gave.
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

/// A day in a saved record, such as a goal's target date: `2027-03-31`.
/// Derefs to chrono's `NaiveDate`, and compares with one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub NaiveDate);

/// An instant in a saved record, such as when it was last changed, in UTC:
/// `2026-12-01T15:15:40.123456789Z`. Derefs to chrono's `DateTime<Utc>`, and
/// compares with one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(pub DateTime<Utc>);

/// Which of the two a refused date was to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    Day,
    Moment,
}

/// A saved date that could not be read: the text found (whole, as it was),
/// which kind of date the field holds, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedDate {
    pub text: String,
    pub kind: DateKind,
    pub error: DateError,
}

thread_local! {
    /// While `noting_refused_date` runs, `Some`, holding the first date
    /// refused (if any); `None` otherwise, when refusals are not kept.
    static REFUSED: RefCell<Option<Option<RefusedDate>>> = const { RefCell::new(None) };
}

/// Runs `read` (a serde read of saved records) and gives back, beside its
/// result, the first `Day` or `Moment` it refused. A read stops at its first
/// error, so when `read` failed over a date, that is the date.
pub fn noting_refused_date<R>(read: impl FnOnce() -> R) -> (R, Option<RefusedDate>) {
    let outer = REFUSED.replace(Some(None));
    let result = read();
    let refused = REFUSED.replace(outer).flatten();
    (result, refused)
}

fn note_refusal(refused: impl FnOnce() -> RefusedDate) {
    REFUSED.with_borrow_mut(|noting| {
        if let Some(first @ None) = noting {
            *first = Some(refused());
        }
    });
}

/// Reads a string with one of the readers above, borrowing it from the
/// input where serde can, without copying it.
struct Reads<T>(fn(&str) -> Result<T, DateError>, DateKind);

impl<T> Visitor<'_> for Reads<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // chrono's own descriptions, so a value of the wrong kind is told as before.
        f.write_str(match self.1 {
            DateKind::Day => "a formatted date string",
            DateKind::Moment => "an RFC 3339 formatted date and time string",
        })
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.0)(text).map_err(|error| {
            note_refusal(|| RefusedDate {
                text: text.to_string(),
                kind: self.1,
                error,
            });
            E::custom(error)
        })
    }
}

/// What `Day` and `Moment` share: reading with their reader, writing and
/// describing themselves as chrono's type, and standing in for it (compared
/// with it, turned into it and back, and moved on or measured in time as it is).
macro_rules! saved_date {
    ($saved:ident, $chrono:ty, $reader:ident) => {
        impl<'de> Deserialize<'de> for $saved {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_str(Reads($reader, DateKind::$saved))
                    .map($saved)
            }
        }

        impl Serialize for $saved {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.0.serialize(s)
            }
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl schemars::JsonSchema for $saved {
            fn inline_schema() -> bool {
                <$chrono as schemars::JsonSchema>::inline_schema()
            }

            fn schema_name() -> std::borrow::Cow<'static, str> {
                <$chrono as schemars::JsonSchema>::schema_name()
            }

            fn schema_id() -> std::borrow::Cow<'static, str> {
                <$chrono as schemars::JsonSchema>::schema_id()
            }

            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                <$chrono as schemars::JsonSchema>::json_schema(generator)
            }
        }

        impl Deref for $saved {
            type Target = $chrono;

            fn deref(&self) -> &$chrono {
                &self.0
            }
        }

        impl From<$chrono> for $saved {
            fn from(inner: $chrono) -> Self {
                $saved(inner)
            }
        }

        impl From<$saved> for $chrono {
            fn from(saved: $saved) -> Self {
                saved.0
            }
        }

        impl PartialEq<$chrono> for $saved {
            fn eq(&self, other: &$chrono) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<$saved> for $chrono {
            fn eq(&self, other: &$saved) -> bool {
                *self == other.0
            }
        }

        impl PartialOrd<$chrono> for $saved {
            fn partial_cmp(&self, other: &$chrono) -> Option<std::cmp::Ordering> {
                self.0.partial_cmp(other)
            }
        }

        impl PartialOrd<$saved> for $chrono {
            fn partial_cmp(&self, other: &$saved) -> Option<std::cmp::Ordering> {
                self.partial_cmp(&other.0)
            }
        }

        impl Add<TimeDelta> for $saved {
            type Output = $saved;

            fn add(self, span: TimeDelta) -> $saved {
                $saved(self.0 + span)
            }
        }

        impl Sub<TimeDelta> for $saved {
            type Output = $saved;

            fn sub(self, span: TimeDelta) -> $saved {
                $saved(self.0 - span)
            }
        }

        impl Sub for $saved {
            type Output = TimeDelta;

            fn sub(self, earlier: $saved) -> TimeDelta {
                self.0 - earlier.0
            }
        }

        impl Sub<$chrono> for $saved {
            type Output = TimeDelta;

            fn sub(self, earlier: $chrono) -> TimeDelta {
                self.0 - earlier
            }
        }

        impl Sub<$saved> for $chrono {
            type Output = TimeDelta;

            fn sub(self, earlier: $saved) -> TimeDelta {
                self - earlier.0
            }
        }
    };
}

saved_date!(Day, NaiveDate, read_day);
saved_date!(Moment, DateTime<Utc>, read_moment);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::common::user_text::UserText;

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
            #[serde(default)]
            day: Option<Day>,
            #[serde(default)]
            at: Option<Moment>,
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
        assert_eq!(read.day, NaiveDate::from_ymd_opt(2027, 3, 31).map(Day));
        assert_eq!(
            read.at,
            read_moment("2026-12-01T15:15:40Z").ok().map(Moment)
        );
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
        assert_eq!(read.day, NaiveDate::from_ymd_opt(2027, 3, 31).map(Day));
    }

    #[test]
    fn a_saved_goal_reads_back_unchanged() {
        use crate::model::plan::{Action, Goal, GoalStatus};
        use chrono::TimeZone;
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 15, 15, 40).unwrap();
        let later = Moment(at + chrono::Duration::nanoseconds(123_456_789));
        let at = Moment(at);
        let goal = Goal {
            id: "goal-1".into(),
            title: "Chair the board".into(),
            detail: UserText::default(),
            learning_need: UserText::default(),
            success_measure: UserText::default(),
            target_date: NaiveDate::from_ymd_opt(2028, 2, 29).map(Day),
            status: GoalStatus::InProgress,
            support: Vec::new(),
            capability: None,
            outcome: UserText::default(),
            actions: vec![Action {
                id: "action-1".into(),
                text: "Observe a meeting".into(),
                due: NaiveDate::from_ymd_opt(2027, 1, 31).map(Day),
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
        // Written as chrono writes `NaiveDate` and `DateTime<Utc>`.
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
    fn days_and_moments_are_written_and_described_as_chronos_types() {
        let d = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
        let at = read_moment("2026-12-01T15:15:40.123456789Z").unwrap();
        for (ours, theirs) in [
            (serde_json::to_string(&Day(d)), serde_json::to_string(&d)),
            (
                serde_json::to_string(&Moment(at)),
                serde_json::to_string(&at),
            ),
            (
                serde_json::to_string(&Some(Day(d))),
                serde_json::to_string(&Some(d)),
            ),
            (
                serde_json::to_string(&None::<Moment>),
                serde_json::to_string(&None::<DateTime<Utc>>),
            ),
        ] {
            assert_eq!(ours.unwrap(), theirs.unwrap());
        }
        // The same JSON Schema, alone, optional, or in a list.
        fn schema<T: schemars::JsonSchema>() -> serde_json::Value {
            serde_json::to_value(schemars::schema_for!(T)).unwrap()
        }
        assert_eq!(schema::<Day>(), schema::<NaiveDate>());
        assert_eq!(schema::<Option<Day>>(), schema::<Option<NaiveDate>>());
        assert_eq!(schema::<Moment>(), schema::<DateTime<Utc>>());
        assert_eq!(
            schema::<Vec<Option<Moment>>>(),
            schema::<Vec<Option<DateTime<Utc>>>>()
        );
    }

    #[test]
    fn days_and_moments_stand_in_for_chronos_types() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
        let day = Day::from(d);
        assert_eq!(day, d);
        assert_eq!(d, day);
        assert!(day > NaiveDate::from_ymd_opt(2027, 3, 30).unwrap());
        assert!(NaiveDate::from_ymd_opt(2027, 4, 1).unwrap() > day);
        assert_eq!(chrono::Datelike::month(&*day), 3);
        assert_eq!(NaiveDate::from(day), d);
    }

    #[test]
    fn a_refused_date_is_noted_with_its_text_kind_and_reason() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Dated {
            days: Vec<Day>,
            at: Option<Moment>,
        }
        let read = |json: &str| noting_refused_date(|| serde_json::from_str::<Dated>(json));
        let (result, refused) = read(r#"{"days": ["2026-02-28", "2026-02-30"], "at": "soon"}"#);
        assert!(result.is_err());
        assert_eq!(
            refused,
            Some(RefusedDate {
                text: "2026-02-30".into(),
                kind: DateKind::Day,
                error: DateError::OutOfRange,
            })
        );
        let (_, refused) = read(r#"{"days": [], "at": "2026-12-01T09:00:00"}"#);
        assert_eq!(
            refused,
            Some(RefusedDate {
                text: "2026-12-01T09:00:00".into(),
                kind: DateKind::Moment,
                error: DateError::TooShort,
            })
        );
        // Nothing is noted for a read that refuses no date, nor outside.
        let (result, refused) = read(r#"{"days": [3], "at": null}"#);
        assert!(result.is_err());
        assert_eq!(refused, None);
        assert!(serde_json::from_str::<Day>(r#""2026-02-30""#).is_err());
        assert_eq!(noting_refused_date(|| ()).1, None);
        // A read inside another keeps its own.
        let (inner, outer) = noting_refused_date(|| {
            let inner = read(r#"{"days": ["x"], "at": null}"#).1;
            assert!(serde_json::from_str::<Day>(r#""2026-13-01""#).is_err());
            inner
        });
        assert_eq!(inner.map(|r| r.text), Some("x".to_string()));
        assert_eq!(outer.map(|r| r.text), Some("2026-13-01".to_string()));
    }
}
