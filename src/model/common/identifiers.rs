//! Likely patient identifiers in what a user wrote. Reflections, evidence and
//! notes must not identify patients (Academy of Medical Royal Colleges,
//! COPMeD, the General Medical Council and the Medical Schools Council, "The
//! reflective practitioner: guidance for doctors and medical students", 2018,
//! whose section "Anonymising details in reflections" asks that reflections
//! are anonymised). The app
//! points out what looks like an identifier; it never blocks, changes or
//! sends anything, and a user who knows better goes on.
//!
//! What is looked for:
//! - a 10-digit number, with or without spaces or hyphens in the 3-3-4
//!   layout, whose last digit is the NHS number's modulus 11 check digit
//!   (NHS Data Dictionary, "NHS Number"); a number that fails the check, such
//!   as most 10-digit phone or reference numbers, is not pointed out;
//! - a date written just after "DOB", "D.O.B.", "date of birth" or "born";
//! - a full UK postcode (outward and inward code, as Royal Mail writes them);
//! - a title (Mr, Mrs, Ms, Miss, Mx) and a capitalised name within a few
//!   words of a clinical word such as "patient", "diagnosed" or "referred".

/// What kind of identifier was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentifierKind {
    NhsNumber,
    DateOfBirth,
    Postcode,
    PatientName,
}

impl IdentifierKind {
    /// What the app says, in words, about a finding of this kind.
    pub fn message(self) -> &'static str {
        match self {
            IdentifierKind::NhsNumber => "This looks like an NHS number",
            IdentifierKind::DateOfBirth => "This looks like a date of birth",
            IdentifierKind::Postcode => "This looks like a full postcode",
            IdentifierKind::PatientName => "This looks like a patient's name",
        }
    }
}

/// A likely identifier: its kind and where it is in the text (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub kind: IdentifierKind,
    pub start: usize,
    pub end: usize,
}

impl Finding {
    /// The words found, from the text they were found in.
    pub fn in_text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Every likely identifier in `text`, in the order they appear.
pub fn likely_identifiers(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    found.extend(nhs_numbers(text));
    found.extend(dates_of_birth(text));
    found.extend(postcodes(text));
    found.extend(patient_names(text));
    found.sort_by_key(|f| f.start);
    found
}

/// The rule the guard reminds a user of, after what it found.
pub const NOT_PATIENTS: &str = "Reflections and notes must not identify patients.";

/// What a screen reader is told about `kinds` found in a field: each kind
/// once, in the order first found, then the rule; nothing when none. It
/// changes only when the kinds do, not with every key typed in a finding.
pub fn announcement(kinds: impl IntoIterator<Item = IdentifierKind>) -> String {
    let mut once: Vec<IdentifierKind> = Vec::new();
    for kind in kinds {
        if !once.contains(&kind) {
            once.push(kind);
        }
    }
    if once.is_empty() {
        return String::new();
    }
    once.iter()
        .map(|k| format!("{}.", k.message()))
        .chain([NOT_PATIENTS.to_string()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when the ten digits are a valid NHS number: the check digit is
/// 11 minus the remainder of the weighted sum (weights 10 down to 2) divided
/// by 11, with 11 read as 0 and 10 never valid.
pub fn is_valid_nhs_number(digits: &[u8; 10]) -> bool {
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(d, weight)| *d as u32 * weight)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        check => check,
    };
    check == digits[9] as u32
}

fn nhs_numbers(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_run = bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit());
        if !starts_run {
            i += 1;
            continue;
        }
        // Ten digits, each group of the 3-3-4 layout optionally after one
        // space or hyphen; a digit straight after means a longer number.
        let mut digits = [0u8; 10];
        let mut n = 0;
        let mut j = i;
        while n < 10 && j < bytes.len() {
            if bytes[j].is_ascii_digit() {
                digits[n] = bytes[j] - b'0';
                n += 1;
                j += 1;
            } else if (n == 3 || n == 6)
                && matches!(bytes[j], b' ' | b'-')
                && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let longer = bytes.get(j).is_some_and(u8::is_ascii_digit);
        if n == 10 && !longer && is_valid_nhs_number(&digits) {
            found.push(Finding {
                kind: IdentifierKind::NhsNumber,
                start: i,
                end: j,
            });
        }
        i = j.max(i + 1);
    }
    found
}

/// Words a date of birth is written after.
const BIRTH_WORDS: [&str; 4] = ["date of birth", "d.o.b", "dob", "born"];

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn dates_of_birth(text: &str) -> Vec<Finding> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for word in BIRTH_WORDS {
        let mut from = 0;
        while let Some(at) = lower[from..].find(word) {
            let start = from + at;
            let end = start + word.len();
            from = end;
            let whole_word = (start == 0 || !lower.as_bytes()[start - 1].is_ascii_alphanumeric())
                && lower
                    .as_bytes()
                    .get(end)
                    .is_none_or(|b| !b.is_ascii_alphanumeric());
            if !whole_word {
                continue;
            }
            // Within a few characters after it: "DOB: 3/4/1956", "born on 3 April 1956".
            let rest = &lower[end..];
            let skipped = rest.len() - rest.trim_start_matches(['.', ':', ' ', '-', ',']).len();
            let mut after = end + skipped;
            if lower[after..].starts_with("on ") {
                after += 3;
            }
            if let Some(date_end) = date_at(&lower, after) {
                found.push(Finding {
                    kind: IdentifierKind::DateOfBirth,
                    start: after,
                    end: date_end,
                });
            }
        }
    }
    found
}

/// The end of a date starting at `at`: "3/4/1956", "03-04-56", "3.4.1956",
/// "3 April 1956", "3rd Apr 56", "1956-04-03".
fn date_at(lower: &str, at: usize) -> Option<usize> {
    let bytes = lower.as_bytes();
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let day = digits(at);
    // Year first, as a form or a record system may print it: "1960-02-01".
    if day == 4 {
        let sep = bytes
            .get(at + 4)
            .copied()
            .filter(|b| matches!(b, b'-' | b'/'))?;
        let month = digits(at + 5);
        if (1..=2).contains(&month) && bytes.get(at + 5 + month) == Some(&sep) {
            let day = digits(at + 6 + month);
            if (1..=2).contains(&day) {
                return Some(at + 6 + month + day);
            }
        }
        return None;
    }
    if !(1..=2).contains(&day) {
        return None;
    }
    let mut i = at + day;
    // Numeric: d/m/y with / - or . between.
    if let Some(sep) = bytes
        .get(i)
        .copied()
        .filter(|b| matches!(b, b'/' | b'-' | b'.'))
    {
        let month = digits(i + 1);
        if (1..=2).contains(&month) && bytes.get(i + 1 + month) == Some(&sep) {
            let year = digits(i + 2 + month);
            if year == 2 || year == 4 {
                return Some(i + 2 + month + year);
            }
        }
        return None;
    }
    // Words: "3 April 1956", "3rd Apr 56".
    for suffix in ["st", "nd", "rd", "th"] {
        if lower[i..].starts_with(suffix) {
            i += 2;
            break;
        }
    }
    if bytes.get(i) != Some(&b' ') {
        return None;
    }
    i += 1;
    let month = MONTHS.iter().find(|m| lower[i..].starts_with(*m))?;
    i += month.len();
    i += bytes[i..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if bytes.get(i) != Some(&b' ') {
        return None;
    }
    let year = digits(i + 1);
    (year == 2 || year == 4).then_some(i + 1 + year)
}

fn postcodes(text: &str) -> Vec<Finding> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let is_letter = |b: u8| b.is_ascii_uppercase();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if starts_word && is_letter(bytes[i]) {
            if let Some(end) = postcode_at(bytes, i) {
                found.push(Finding {
                    kind: IdentifierKind::Postcode,
                    start: i,
                    end,
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// The end of a full postcode starting at `at`, in capitals as written on
/// letters: outward code A9, A99, AA9, AA99, A9A or AA9A, one optional
/// space, inward code 9AA.
fn postcode_at(bytes: &[u8], at: usize) -> Option<usize> {
    let letter = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_uppercase);
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let outward_lengths = [
        // AA9A, AA99, A9A, A99, AA9, A9: longest first, so "SW1A" is not cut short.
        (
            4,
            letter(at) && letter(at + 1) && digit(at + 2) && letter(at + 3),
        ),
        (
            4,
            letter(at) && letter(at + 1) && digit(at + 2) && digit(at + 3),
        ),
        (3, letter(at) && digit(at + 1) && letter(at + 2)),
        (3, letter(at) && digit(at + 1) && digit(at + 2)),
        (3, letter(at) && letter(at + 1) && digit(at + 2)),
        (2, letter(at) && digit(at + 1)),
    ];
    for (length, fits) in outward_lengths {
        if !fits {
            continue;
        }
        let mut i = at + length;
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        if digit(i) && letter(i + 1) && letter(i + 2) {
            let end = i + 3;
            let ends_word = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
            if ends_word {
                return Some(end);
            }
        }
    }
    None
}

const TITLES: [&str; 5] = ["Mr", "Mrs", "Ms", "Miss", "Mx"];

/// Words that make a name beside them likely to be a patient's.
const CLINICAL_WORDS: [&str; 14] = [
    "patient",
    "diagnos",
    "admitted",
    "discharged",
    "referred",
    "presented",
    "symptom",
    "prescribed",
    "treated",
    "treatment",
    "consultation",
    "seen in",
    "clinic",
    "hospital",
];

/// How many words either side of a name a clinical word may be.
const NEAR: usize = 12;

fn patient_names(text: &str) -> Vec<Finding> {
    // Words with their byte offsets.
    let words: Vec<(usize, &str)> = words(text)
        .into_iter()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .collect();
    let mut found = Vec::new();
    for (n, (start, word)) in words.iter().enumerate() {
        let title = word.trim_end_matches('.');
        if !TITLES.contains(&title) {
            continue;
        }
        let Some((name_start, name)) = words.get(n + 1) else {
            continue;
        };
        let name = name.trim_end_matches('.');
        // Each part of a name like O'Neill or Smith-Jones starts with a capital.
        let capitalised = name.split(['\'', '-']).all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
        });
        if !capitalised || name.len() < 2 {
            continue;
        }
        let near = words[n.saturating_sub(NEAR)..(n + 2 + NEAR).min(words.len())]
            .iter()
            .map(|(_, w)| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        if CLINICAL_WORDS.iter().any(|c| near.contains(c)) {
            found.push(Finding {
                kind: IdentifierKind::PatientName,
                start: *start,
                end: name_start + name.len(),
            });
        }
    }
    found
}

/// The words of `text` with their byte offsets: runs of letters, digits,
/// apostrophes, hyphens and full stops ("Mr.", "O'Neill", "Smith-Jones").
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || matches!(c, '\'' | '-' | '.');
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(IdentifierKind, &str)> {
        likely_identifiers(text)
            .into_iter()
            .map(|f| (f.kind, f.in_text(text)))
            .collect()
    }

    /// Worked by hand: 943 476 5919 has the weighted sum 9×10 + 4×9 + 3×8 +
    /// 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9,
    /// the last digit. 401 023 2137: sum 4×10 + 0 + 1×8 + 0 + 2×6 + 3×5 +
    /// 2×4 + 1×3 + 3×2 = 92; 92 mod 11 = 4; 11 − 4 = 7. Changing any digit
    /// breaks the check.
    #[test]
    fn the_nhs_number_check_digit_matches_worked_examples() {
        let digits = |s: &str| -> [u8; 10] {
            let v: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
            v.try_into().unwrap()
        };
        assert!(is_valid_nhs_number(&digits("9434765919")));
        assert!(is_valid_nhs_number(&digits("4010232137")));
        assert!(!is_valid_nhs_number(&digits("9434765918")));
        assert!(!is_valid_nhs_number(&digits("4010232173")));
        // 11 − remainder 0 is 11, read as check digit 0: 000 000 0000.
        assert!(is_valid_nhs_number(&digits("0000000000")));
        // A check of 10 is never valid: 000 000 040x has the sum 4×3 = 12,
        // 12 mod 11 = 1, 11 − 1 = 10, so no last digit makes it a number.
        for last in 0..=9 {
            let mut d = digits("0000000400");
            d[9] = last;
            assert!(!is_valid_nhs_number(&d), "{d:?}");
        }
    }

    #[test]
    fn nhs_numbers_are_found_with_or_without_spaces_and_only_when_they_pass() {
        assert_eq!(
            kinds("Seen with NHS no. 943 476 5919 today"),
            vec![(IdentifierKind::NhsNumber, "943 476 5919")]
        );
        assert_eq!(
            kinds("ref 9434765919."),
            vec![(IdentifierKind::NhsNumber, "9434765919")]
        );
        assert_eq!(
            kinds("943-476-5919"),
            vec![(IdentifierKind::NhsNumber, "943-476-5919")]
        );
        // A 10-digit number that fails the check: a reference, not pointed out.
        assert!(kinds("Order 9434765918 arrived").is_empty());
        // UK phone numbers have 11 digits; a valid NHS number inside a longer
        // run of digits is not one.
        assert!(kinds("Call 01632 960001 or 09434765919").is_empty());
        assert!(kinds("94347659190").is_empty());
    }

    #[test]
    fn a_date_after_dob_or_born_is_found_but_other_dates_are_not() {
        assert_eq!(
            kinds("DOB: 03/04/1956"),
            vec![(IdentifierKind::DateOfBirth, "03/04/1956")]
        );
        assert_eq!(
            kinds("d.o.b 3-4-56,"),
            vec![(IdentifierKind::DateOfBirth, "3-4-56")]
        );
        assert_eq!(
            kinds("She was born on 3rd April 1956."),
            vec![(IdentifierKind::DateOfBirth, "3rd April 1956")]
        );
        assert_eq!(
            kinds("Date of birth 12 Dec 1949"),
            vec![(IdentifierKind::DateOfBirth, "12 Dec 1949")]
        );
        assert!(kinds("The board met on 03/04/2027 to agree the pathway").is_empty());
        assert!(kinds("The service was born out of the 2009 review").is_empty());
        assert!(kinds("Newborn checks: 3/4/2027").is_empty());
    }

    #[test]
    fn full_postcodes_are_found_but_not_outward_codes_or_other_capitals() {
        assert_eq!(
            kinds("Lives at NN1 5BD."),
            vec![(IdentifierKind::Postcode, "NN1 5BD")]
        );
        assert_eq!(
            kinds("SW1A 1AA"),
            vec![(IdentifierKind::Postcode, "SW1A 1AA")]
        );
        assert_eq!(kinds("W1A0AX"), vec![(IdentifierKind::Postcode, "W1A0AX")]);
        assert_eq!(
            kinds("CT20 1QY"),
            vec![(IdentifierKind::Postcode, "CT20 1QY")]
        );
        // An outward code alone names a district, not a home.
        assert!(kinds("Practices across NN1 and NN2").is_empty());
        assert!(kinds("The QOF and NICE NG12 guidance").is_empty());
        assert!(
            kinds("nn1 5bd").is_empty(),
            "written in capitals, as on letters"
        );
    }

    #[test]
    fn a_titled_name_near_clinical_words_is_found_but_not_elsewhere() {
        assert_eq!(
            kinds("Mrs Okafor was referred to the TB clinic."),
            vec![(IdentifierKind::PatientName, "Mrs Okafor")]
        );
        assert_eq!(
            kinds("Discharged yesterday: Mr O'Neill."),
            vec![(IdentifierKind::PatientName, "Mr O'Neill")]
        );
        assert_eq!(
            kinds("The patient, Mr. Jones, presented with a cough"),
            vec![(IdentifierKind::PatientName, "Mr. Jones")]
        );
        // A colleague named in a meeting, with no clinical word near.
        assert!(kinds("Met Mr Shah, the finance lead, about the budget").is_empty());
        // A title without a name after it.
        assert!(kinds("Ms patient advocate said").is_empty());
    }

    #[test]
    fn plain_reflective_text_raises_nothing() {
        let text = "I chaired the respiratory pathway meeting on 3 March 2027 with 12 GPs. \
                    We agreed 3 changes to referrals, costing £40,000 over 2 years (ref PBC-2027-04).";
        assert!(likely_identifiers(text).is_empty());
    }

    /// The brief's examples, worked by hand like those above: 943 476 5919
    /// passes (sum 299, check 9); 943 476 5918 fails. 0800 123 456, a
    /// 10-digit freephone number: sum 0×10 + 8×9 + 0 + 0 + 1×6 + 2×5 + 3×4 +
    /// 4×3 + 5×2 = 122, 122 mod 11 = 1, check 10, so never an NHS number.
    /// 020 7946 0958 and 01632 960 123 are phone numbers of 11 digits.
    #[test]
    fn check_digits_decide_with_or_without_spaces_and_phone_numbers_are_not_raised() {
        for valid in ["943 476 5919", "9434765919", "401 023 2137", "4010232137"] {
            assert_eq!(
                kinds(&format!("Patient {valid} seen")),
                vec![(IdentifierKind::NhsNumber, valid)],
                "{valid}"
            );
        }
        for invalid in ["943 476 5918", "9434765918", "401 023 2173", "4010232173"] {
            assert!(
                kinds(&format!("Patient {invalid} seen")).is_empty(),
                "{invalid}"
            );
        }
        for phone in [
            "0800123456",
            "0800 123 456",
            "080 012 3456",
            "01632 960 123",
            "01632960123",
            "020 7946 0958",
            "+44 1632 960123",
        ] {
            assert!(
                kinds(&format!("Call {phone} to book")).is_empty(),
                "{phone}"
            );
        }
        // Spaces in another layout are not an NHS number's: 9434 765 919.
        assert!(kinds("9434 765 919").is_empty());
        // Two spaces, or a space at the end, stop the number.
        assert!(kinds("943  476 5919").is_empty());
        // At the start and end of the text, and beside punctuation.
        assert_eq!(
            kinds("(943 476 5919)"),
            vec![(IdentifierKind::NhsNumber, "943 476 5919")]
        );
    }

    #[test]
    fn dates_of_birth_in_the_ways_people_write_them() {
        for (text, date) in [
            ("DOB 01/02/1960", "01/02/1960"),
            ("dob 1/2/60", "1/2/60"),
            ("D.O.B. 01.02.1960", "01.02.1960"),
            ("DOB - 1 Feb 1960", "1 Feb 1960"),
            ("born 1st February 1960", "1st February 1960"),
            ("Born: 1960-02-01", "1960-02-01"),
            ("date of birth: 01-02-1960", "01-02-1960"),
        ] {
            assert_eq!(
                kinds(text),
                vec![(IdentifierKind::DateOfBirth, date)],
                "{text}"
            );
        }
        // Not a date of birth: no date after the word, a date elsewhere, a
        // year alone, or the word inside another.
        for text in [
            "DOB to be checked at the next clinic",
            "Met on 01/02/2027; DOB not recorded",
            "born in 1960",
            "Reborn 01/02/1960 as a new service",
            "Newborn 01/02/2027 checks",
            "DOB 01/02",
            "DOB 123/02/1960",
            "DOB 1960-2",
            "born 12 Smith Street",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn postcodes_in_every_layout_and_capitals_that_are_not_one() {
        for code in [
            "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "NN15BD",
        ] {
            assert_eq!(
                kinds(&format!("Lives at {code}, near the surgery")),
                vec![(IdentifierKind::Postcode, code)],
                "{code}"
            );
        }
        for text in [
            "ICB2 3PQ",
            "NN1 5BDX",
            "XNN1 5BD",
            "NN1 5B",
            "Band 7 and ST3 trainees",
            "The COVID19 3RD wave",
            "GP 1AB",
            "NG12 guidance in 2027",
            "Ward 2B, bay 4",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_announcement_names_each_kind_once_in_the_order_found() {
        let text = "Mrs Okafor was referred; 943 476 5919 and Mr Jones in clinic";
        assert_eq!(
            announcement(likely_identifiers(text).iter().map(|f| f.kind)),
            "This looks like a patient's name. This looks like an NHS number. \
             Reflections and notes must not identify patients."
        );
        assert_eq!(announcement([]), "");
    }
}
