//! Record identifiers. The app has no random source it can rely on offline and
//! no server, so ids combine the creation time with a per-workbook counter: unique
//! within one workbook, and very unlikely to clash with a partner's records.

use chrono::{DateTime, Utc};

/// Makes an id such as `goal-18c2f9a1b20-3` from a prefix, a time and a counter.
pub fn make_id(prefix: &str, now: DateTime<Utc>, counter: u64) -> String {
    format!("{prefix}-{:x}-{counter}", now.timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ids_differ_by_counter_and_carry_the_prefix() {
        let t = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        let a = make_id("goal", t, 1);
        let b = make_id("goal", t, 2);
        assert_ne!(a, b);
        assert!(a.starts_with("goal-"));
    }
}
