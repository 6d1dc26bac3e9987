//! Numbers as people read them.

/// A whole number with its thousands marked: "2,000", "1,234,567". Given a
/// number with no sign (a count, or pounds once the sign is written apart).
pub fn thousands(n: impl std::fmt::Display) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_marked_with_commas() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2000usize), "2,000");
        assert_eq!(thousands(1_234_567i64), "1,234,567");
    }
}
