//! Record identifiers. Every record gets a random (version 4) UUID when it is
//! made, so two tabs, two devices or two partners can never make the same id:
//! that is what lets a later merge match records by id alone. On the web the
//! random bytes come from the browser's crypto source (the `uuid` crate's `js`
//! feature); natively from the operating system.

/// A fresh random id such as `goal-0b7e0c6a-…`. The prefix only helps a person
/// reading a backup file; code never parses it.
pub fn new_id(prefix: &str) -> String {
    format!("{prefix}-{}", uuid::Uuid::new_v4())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_and_carry_the_prefix() {
        let ids: std::collections::BTreeSet<String> = (0..1000).map(|_| new_id("goal")).collect();
        assert_eq!(ids.len(), 1000, "no two ids are the same");
        let one = ids.iter().next().unwrap();
        assert!(one.starts_with("goal-"));
        // "goal-" and a 36-character UUID.
        assert_eq!(one.len(), 5 + 36);
    }
}
