//! Dates as users type and read them. Date inputs give `YYYY-MM-DD`; screens
//! show dates the NHS way, "31 March 2027".

use chrono::NaiveDate;

/// Text that should have been a `YYYY-MM-DD` date but is not.
#[derive(Debug, PartialEq, Eq)]
pub struct NotADate;

/// Empty text is no date; anything else must be a real `YYYY-MM-DD` date
/// (so 2027-02-30 is refused).
pub fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, NotADate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| NotADate)
}

/// "31 March 2027", as the NHS.UK content style writes dates.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// `2027-03-31`, the value a date input holds.
pub fn input_value(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
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
    }
}
