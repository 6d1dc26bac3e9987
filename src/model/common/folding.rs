//! Text folded for matching as people search: "zoe" finds "Zoë", "cafe"
//! finds "Café", "Zoe's" finds "Zoë’s". Case is folded, accents and other
//! marks on Latin letters are dropped, and typographic apostrophes and quotes
//! read as plain ones. Written out rather than taken from a Unicode
//! normalisation crate: the Latin letters UK names and places use are enough,
//! and the browser download stays small.

/// Accented Latin letters (lower case) and the letter each folds to, in step.
const ACCENTED: &str =
    "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšșţťŧțùúûüũūŭůűųŵýÿŷźżž";
const PLAIN: &str =
    "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssssttttuuuuuuuuuuwyyyzzz";

/// `text` in lower case with accents dropped, for comparing (never shown).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            // Combining marks, as in a "ë" typed as "e" + "¨".
            '\u{0300}'..='\u{036f}' => {}
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ð' => out.push('d'),
            'þ' => out.push_str("th"),
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => out.push('\''),
            '\u{201c}' | '\u{201d}' => out.push('"'),
            c if c.is_ascii() => out.push(c),
            c => match ACCENTED.chars().position(|a| a == c) {
                Some(i) => out.push(PLAIN.chars().nth(i).unwrap_or(c)),
                None => out.push(c),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_tables_are_in_step() {
        assert_eq!(ACCENTED.chars().count(), PLAIN.chars().count());
        for (a, p) in ACCENTED.chars().zip(PLAIN.chars()) {
            assert!(p.is_ascii_lowercase(), "{a} folds to {p}");
            assert!(!a.is_ascii(), "{a}");
        }
    }

    #[test]
    fn case_and_accents_are_folded() {
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("ZOË"), "zoe");
        assert_eq!(fold("Zoe\u{308}"), "zoe", "a combining diaeresis");
        assert_eq!(
            fold("Café crème, naïve Ångström"),
            "cafe creme, naive angstrom"
        );
        assert_eq!(
            fold("Łódź, Dvořák, Şişli, Straße, Æsir"),
            "lodz, dvorak, sisli, strasse, aesir"
        );
        assert_eq!(fold("Zoë’s team"), "zoe's team");
        assert_eq!(fold("“quoted”"), "\"quoted\"");
        // Letters of other scripts are kept as they are (in lower case).
        assert_eq!(fold("日本 Ωμέγα"), "日本 ωμέγα");
    }
}
