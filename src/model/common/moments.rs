//! Moments on a London clock, for tests of the date rules at awkward times
//! (the 1st of a month, the year's end, 29 February, the days the clocks
//! change, either side of midnight).
//!
//! The app takes a moment as `Stamp` does (`src/ui/store.rs`, `stamp_now`):
//! the instant, `Utc::now()`, and the user's own calendar day,
//! `Local::now().date_naive()`. A test names the moment as a person in
//! London reads it off the clock, "2027-04-01 00:30:00 BST", and gets both:
//! the day as written, and the instant worked out here by hand (London is
//! UTC+0 in winter, GMT, and UTC+1 in British Summer Time, from 01:00 UTC on
//! the last Sunday of March to 01:00 UTC on the last Sunday of October), not
//! by the time-zone code the app relies on. The expected instants in this
//! file's own tests were checked against the system's tz database
//! (`TZ=Europe/London date -d '2027-10-31 00:59:59 UTC'`).

use std::str::FromStr;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};

/// A moment as the app stamps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    /// As written in the test, for messages: "2027-04-01 00:30:00 BST".
    pub label: &'static str,
    /// The instant (what `Utc::now()` gives).
    pub at: DateTime<Utc>,
    /// The user's calendar day in London (what `Local::now().date_naive()` gives).
    pub today: NaiveDate,
    /// What London's clocks show.
    pub wall_clock: NaiveDateTime,
}

/// The last Sunday of a month: the day the clocks change, in March and October.
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("a real month");
    let mut day = first_of_next.pred_opt().expect("a real day");
    while day.weekday() != Weekday::Sun {
        day = day.pred_opt().expect("a real day");
    }
    day
}

/// Whether London keeps British Summer Time at `at`: from 01:00 UTC on the
/// last Sunday of March until 01:00 UTC on the last Sunday of October.
pub fn is_summer_time(at: DateTime<Utc>) -> bool {
    let year = at.year();
    let one_am = NaiveTime::from_hms_opt(1, 0, 0).expect("a real time");
    let starts = last_sunday(year, 3).and_time(one_am).and_utc();
    let ends = last_sunday(year, 10).and_time(one_am).and_utc();
    starts <= at && at < ends
}

/// The moment London's clocks show `text`, written `YYYY-MM-DD HH:MM:SS GMT`
/// or `... BST`. Naming the zone settles the hour that comes twice when the
/// clocks go back (01:30 on 31 October 2027 is first BST, then GMT). A time
/// London's clocks never show in that zone panics, so a test cannot name a
/// moment that does not happen: 01:30 on 28 March 2027 is neither GMT nor
/// BST, as the clocks go from 00:59:59 GMT to 02:00:00 BST.
pub fn london(text: &'static str) -> Moment {
    let (clock, zone) = text
        .rsplit_once(' ')
        .unwrap_or_else(|| panic!("{text:?}: want 'YYYY-MM-DD HH:MM:SS GMT' or '... BST'"));
    let wall_clock = NaiveDateTime::from_str(&clock.replacen(' ', "T", 1))
        .unwrap_or_else(|_| panic!("{text:?}: not a date and time"));
    let summer = match zone {
        "GMT" => false,
        "BST" => true,
        _ => panic!("{text:?}: the zone is GMT or BST"),
    };
    let offset = Duration::hours(if summer { 1 } else { 0 });
    let at = (wall_clock - offset).and_utc();
    assert_eq!(
        is_summer_time(at),
        summer,
        "{text:?}: London's clocks never show this time in {zone}"
    );
    Moment {
        label: text,
        at,
        today: wall_clock.date(),
        wall_clock,
    }
}

/// A day, for expected values.
pub fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a real day")
}

/// An instant in UTC, for expected values.
pub fn utc(year: i32, month: u32, d: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    day(year, month, d)
        .and_hms_opt(hour, minute, second)
        .expect("a real time")
        .and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::common::dates::{
        clock_time, clock_time_with_seconds, input_value, long_date, month_and_year,
    };

    #[test]
    fn the_clocks_change_on_the_last_sundays_of_march_and_october() {
        assert_eq!(last_sunday(2027, 3), day(2027, 3, 28));
        assert_eq!(last_sunday(2027, 10), day(2027, 10, 31));
        assert_eq!(last_sunday(2028, 3), day(2028, 3, 26));
        assert_eq!(last_sunday(2028, 10), day(2028, 10, 29));
        assert!(!is_summer_time(utc(2027, 3, 28, 0, 59, 59)));
        assert!(is_summer_time(utc(2027, 3, 28, 1, 0, 0)));
        assert!(is_summer_time(utc(2027, 10, 31, 0, 59, 59)));
        assert!(!is_summer_time(utc(2027, 10, 31, 1, 0, 0)));
        assert!(!is_summer_time(utc(2027, 12, 31, 23, 30, 0)));
        assert!(is_summer_time(utc(2027, 7, 1, 12, 0, 0)));
    }

    /// Each awkward moment, its instant and its day, written out by hand.
    #[test]
    fn a_london_clock_reading_gives_the_instant_and_the_users_day() {
        #[rustfmt::skip]
        let cases = [
            // The 1st of a month, in winter and (still 31 March in UTC) in summer.
            ("2026-12-01 00:00:01 GMT", utc(2026, 12, 1, 0, 0, 1), day(2026, 12, 1)),
            ("2027-04-01 00:30:00 BST", utc(2027, 3, 31, 23, 30, 0), day(2027, 4, 1)),
            // The year changes.
            ("2027-12-31 23:30:00 GMT", utc(2027, 12, 31, 23, 30, 0), day(2027, 12, 31)),
            ("2028-01-01 00:30:00 GMT", utc(2028, 1, 1, 0, 30, 0), day(2028, 1, 1)),
            // A leap day, the day after, and an ordinary year's last February day.
            ("2028-02-29 12:00:00 GMT", utc(2028, 2, 29, 12, 0, 0), day(2028, 2, 29)),
            ("2028-03-01 00:00:01 GMT", utc(2028, 3, 1, 0, 0, 1), day(2028, 3, 1)),
            ("2027-02-28 12:00:00 GMT", utc(2027, 2, 28, 12, 0, 0), day(2027, 2, 28)),
            // The clocks go forward: 00:30 GMT, then 01:30 UTC is 02:30 BST.
            ("2027-03-28 00:30:00 GMT", utc(2027, 3, 28, 0, 30, 0), day(2027, 3, 28)),
            ("2027-03-28 02:30:00 BST", utc(2027, 3, 28, 1, 30, 0), day(2027, 3, 28)),
            // The clocks go back: 00:30 BST is still 30 October in UTC, and
            // 01:30 comes twice, an hour apart.
            ("2027-10-31 00:30:00 BST", utc(2027, 10, 30, 23, 30, 0), day(2027, 10, 31)),
            ("2027-10-31 01:30:00 BST", utc(2027, 10, 31, 0, 30, 0), day(2027, 10, 31)),
            ("2027-10-31 01:30:00 GMT", utc(2027, 10, 31, 1, 30, 0), day(2027, 10, 31)),
            // Either side of midnight, in summer (an hour behind in UTC) and in winter.
            ("2027-06-30 23:59:59 BST", utc(2027, 6, 30, 22, 59, 59), day(2027, 6, 30)),
            ("2027-07-01 00:00:01 BST", utc(2027, 6, 30, 23, 0, 1), day(2027, 7, 1)),
            ("2027-01-14 23:59:59 GMT", utc(2027, 1, 14, 23, 59, 59), day(2027, 1, 14)),
            ("2027-01-15 00:00:01 GMT", utc(2027, 1, 15, 0, 0, 1), day(2027, 1, 15)),
        ];
        for (text, at, today) in cases {
            let moment = london(text);
            assert_eq!((moment.at, moment.today), (at, today), "{text}");
        }
    }

    #[test]
    fn a_time_the_clocks_skip_or_a_wrong_zone_is_refused() {
        for text in [
            "2027-03-28 01:30:00 GMT",
            "2027-03-28 01:30:00 BST",
            "2027-07-01 12:00:00 GMT",
            "2027-12-31 23:30:00 BST",
        ] {
            let refused = std::panic::catch_unwind(|| london(text));
            assert!(refused.is_err(), "{text} is not a London time");
        }
    }

    /// The NHS way of writing dates and times (`dates`), on the user's day
    /// and clock at each awkward moment, not on the UTC ones.
    #[test]
    fn dates_and_times_read_the_nhs_way_at_awkward_moments() {
        #[rustfmt::skip]
        let cases = [
            ("2026-12-01 00:00:01 GMT", "1 December 2026", "December 2026", "2026-12-01", "00:00", "00:00:01"),
            ("2027-04-01 00:30:00 BST", "1 April 2027", "April 2027", "2027-04-01", "00:30", "00:30:00"),
            ("2027-12-31 23:30:00 GMT", "31 December 2027", "December 2027", "2027-12-31", "23:30", "23:30:00"),
            ("2028-01-01 00:30:00 GMT", "1 January 2028", "January 2028", "2028-01-01", "00:30", "00:30:00"),
            ("2028-02-29 12:00:00 GMT", "29 February 2028", "February 2028", "2028-02-29", "12:00", "12:00:00"),
            ("2028-03-01 00:00:01 GMT", "1 March 2028", "March 2028", "2028-03-01", "00:00", "00:00:01"),
            ("2027-02-28 12:00:00 GMT", "28 February 2027", "February 2027", "2027-02-28", "12:00", "12:00:00"),
            ("2027-03-28 02:30:00 BST", "28 March 2027", "March 2027", "2027-03-28", "02:30", "02:30:00"),
            ("2027-10-31 00:30:00 BST", "31 October 2027", "October 2027", "2027-10-31", "00:30", "00:30:00"),
            ("2027-10-31 01:30:00 GMT", "31 October 2027", "October 2027", "2027-10-31", "01:30", "01:30:00"),
            ("2027-06-30 23:59:59 BST", "30 June 2027", "June 2027", "2027-06-30", "23:59", "23:59:59"),
            ("2027-07-01 00:00:01 BST", "1 July 2027", "July 2027", "2027-07-01", "00:00", "00:00:01"),
        ];
        for (text, long, month, input, clock, clock_seconds) in cases {
            let m = london(text);
            assert_eq!(long_date(m.today), long, "{text}");
            assert_eq!(month_and_year(m.today), month, "{text}");
            assert_eq!(input_value(m.today), input, "{text}");
            assert_eq!(clock_time(&m.wall_clock), clock, "{text}");
            assert_eq!(
                clock_time_with_seconds(&m.wall_clock),
                clock_seconds,
                "{text}"
            );
        }
    }
}
