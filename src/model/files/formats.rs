//! What every file this app writes has in common: a `format` name that says
//! what kind of file it is, a `schema_version`, and the reasons one can be
//! refused. Backups (`backup`) and shared assessments (`assessment_file`) both
//! build on this, so neither imports the other.

use std::fmt;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::model::assessment::framework::FRAMEWORK_VERSION;
use crate::model::common::dates::input_value;
use crate::model::common::folding::fold;
use crate::model::common::saved_dates::{noting_refused_date, DateError, DateKind, RefusedDate};

// The workbook's own format name and shape version are declared with the
// `Workbook` (a new workbook carries them); every file reader uses them here.
pub use crate::model::workbook::document::{FORMAT_NAME, SCHEMA_VERSION};

/// Names a single assessment shared with a partner.
pub const ASSESSMENT_FORMAT_NAME: &str = "commissioning-workbook-assessment";

/// The version of the shared-assessment file's shape (1: first release).
pub const ASSESSMENT_FILE_VERSION: u32 = 1;

/// The largest file either reader will look at, in bytes (20 MiB), checked on
/// the length of the text before any parsing.
///
/// The browser's local storage holds about 5 MiB (5 million characters) for
/// the whole site, and the working copy kept there is compact JSON, so
/// everything a user can enter fits in that. A backup file is the same
/// document pretty-printed: indentation and line breaks make it about one and
/// a half times larger (1.4 to 1.5 for the fixtures), so even a workbook that
/// fills local storage makes a backup of about 8 MB of English text, far below
/// the limit (only text written wholly in a script of three bytes a character
/// could come near it); a shared assessment is a few kilobytes. Anything
/// larger is not a file this app wrote, and refusing it at once spares the
/// page the seconds a 50 MB file would take to parse into a tree several
/// times its size.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// How deeply serde_json lets lists and records nest before it stops (its
/// built-in recursion limit). A file from this app nests fewer than ten deep.
pub(super) const MAX_NESTING: usize = 128;

/// Why a piece of text could not be read. The `Display` text is shown to the
/// user, so it says what is wrong in plain English.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// Not JSON; the text says why in plain English (`plain_json_error`).
    NotJson(String),
    NotAnObject,
    WrongFormat {
        found: Option<String>,
    },
    MissingVersion,
    /// `schema_version` is there but is not a whole number (the text "1",
    /// say); `found` says what it is instead, in words (`value_in_words`).
    VersionNotANumber {
        found: String,
    },
    NewerVersion {
        found: u64,
        supported: u32,
    },
    Invalid(String),
    /// Importing a partner's assessment: the file is some other format (for
    /// example a whole-workbook backup). Kept apart from `WrongFormat`, whose
    /// message is about backups.
    NotAnAssessment {
        found: Option<String>,
    },
    /// The assessment was made against a newer framework than this app has.
    NewerFramework {
        found: u64,
    },
    /// Longer than `MAX_IMPORT_BYTES`: refused before it is parsed.
    TooLarge {
        bytes: usize,
    },
    /// Lists or records nested deeper than the JSON reader goes (`MAX_NESTING`).
    TooDeeplyNested,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotJson(detail) => write!(
                f,
                "The file is not valid JSON, so it cannot be a workbook backup: {detail}."
            ),
            ReadError::NotAnObject => write!(
                f,
                "The file is JSON but not a workbook backup: it does not hold a single record."
            ),
            ReadError::WrongFormat { found: Some(name) } if name == ASSESSMENT_FORMAT_NAME => write!(
                f,
                "The file is one shared assessment, not a whole Commissioning Workbook backup. \
                 To import a partner's assessment, use \"Import your partner's assessment\" on Self-assessment."
            ),
            ReadError::WrongFormat { found: Some(name) } => write!(
                f,
                "The file is a \"{name}\" file, not a Commissioning Workbook backup."
            ),
            ReadError::WrongFormat { found: None } => write!(
                f,
                "The file is not a Commissioning Workbook backup: it has no \"format\" of \"{FORMAT_NAME}\"."
            ),
            ReadError::MissingVersion => write!(
                f,
                "The file does not say which schema version it uses, so it cannot be read safely."
            ),
            ReadError::VersionNotANumber { found } => write!(
                f,
                "The file cannot be read safely: its \"schema_version\" is {found}, not a whole number."
            ),
            ReadError::NewerVersion { found, supported } => write!(
                f,
                "The file uses schema version {found}, which is newer than this app understands \
                 (version {supported}). Use a newer version of the workbook to open it."
            ),
            ReadError::Invalid(detail) => write!(
                f,
                "The file looks like a workbook backup but part of it cannot be read: {detail}."
            ),
            ReadError::NotAnAssessment { found: Some(name) } if name == FORMAT_NAME => write!(
                f,
                "The file is a whole Commissioning Workbook backup, not a shared assessment. \
                 To restore or merge a backup, use \"Restore or merge a backup\" on Your data."
            ),
            ReadError::NotAnAssessment { found: Some(name) } => write!(
                f,
                "The file is a \"{name}\" file, not a partnership assessment shared from the Commissioning Workbook."
            ),
            ReadError::NotAnAssessment { found: None } => write!(
                f,
                "The file is not a partnership assessment shared from the Commissioning Workbook: \
                 it has no \"format\" of \"{ASSESSMENT_FORMAT_NAME}\"."
            ),
            ReadError::NewerFramework { found } => write!(
                f,
                "The assessment was made with version {found} of the assessment statements, which is newer \
                 than this app has (version {FRAMEWORK_VERSION}). Use a newer version of the workbook to open it."
            ),
            ReadError::TooLarge { bytes } => write!(
                f,
                "The file is too large to open: it is {}, and a file saved by this app is never more than {}. \
                 It may be damaged, or it may not be a file from this app.",
                megabytes(*bytes),
                megabytes(MAX_IMPORT_BYTES)
            ),
            ReadError::TooDeeplyNested => write!(
                f,
                "The file cannot be read: its contents are nested more than {MAX_NESTING} levels deep \
                 (brackets inside brackets), which no file from this app is. It may be damaged, \
                 or it may not be a file from this app."
            ),
        }
    }
}

/// A size in bytes as people read it, e.g. "52.4 MB" (in units of 1,048,576
/// bytes, as file managers count them).
pub(super) fn megabytes(bytes: usize) -> String {
    // In whole numbers: formatting a float to a precision would bring the
    // float formatter into the first download for this one message.
    const MB: u64 = 1024 * 1024;
    let tenths = (bytes as u64 * 10 + MB / 2) / MB;
    if tenths < 100 {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} MB", (bytes as u64 + MB / 2) / MB)
    }
}

/// Text taken from a file to quote in a message: without control characters
/// and cut to 40 characters, so a hostile value cannot swamp the message.
pub(super) fn quoted(text: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(MAX).collect();
    if text.chars().filter(|c| !c.is_control()).nth(MAX).is_some() {
        out.push('…');
    }
    format!("\"{out}\"")
}

/// A JSON value found where something else was expected, in words a person
/// can check against the file: `the text "1"`, `the number 1.5`, `empty (null)`.
/// Text is quoted short (`quoted`), so a hostile value cannot swamp the message.
fn value_in_words(value: &Value) -> String {
    match value {
        Value::String(text) => format!("the text {}", quoted(text)),
        Value::Number(number) => format!("the number {number}"),
        Value::Bool(yes) => format!("{yes} (a yes or no)"),
        Value::Null => "empty (null)".to_string(),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a record".to_string(),
    }
}

/// True when serde_json stopped because the text nests too deeply.
fn is_too_deep(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("recursion limit exceeded")
}

/// What went wrong reading JSON, in plain English, without the parser's
/// jargon ("EOF while parsing a value at line 226 column 0").
pub fn plain_json_error(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Eof => "it stops before the end, so it may have been cut short".to_string(),
        Category::Syntax if is_too_deep(error) => format!(
            "it is nested more than {MAX_NESTING} levels deep, which no file from this app is"
        ),
        Category::Syntax => format!("its text is broken near line {}", error.line()),
        Category::Io => "it could not be read".to_string(),
        Category::Data => {
            let message = error.to_string();
            if let Some(rest) = message.strip_prefix("missing field `") {
                let field = rest.split('`').next().unwrap_or_default();
                format!("it has no \"{field}\"")
            } else if message.starts_with("unknown variant") {
                "it holds a value this app does not know".to_string()
            } else {
                "a value in it is of the wrong kind (it may have been edited by hand)".to_string()
            }
        }
    }
}

/// A saved date that could not be read, in plain English and quoted, e.g.
/// `the date "2026-02-30" does not exist`.
fn refused_date_in_words(refused: &RefusedDate) -> String {
    let shown = quoted(&refused.text);
    match (refused.error, refused.kind) {
        (DateError::OutOfRange, DateKind::Day) => format!("the date {shown} does not exist"),
        (DateError::OutOfRange, DateKind::Moment) => {
            format!("the date and time {shown} does not exist")
        }
        (_, DateKind::Day) => format!("{shown} is not a date (dates are written like 2026-11-22)"),
        (_, DateKind::Moment) => {
            format!("{shown} is not a date and time (they are written like 2026-11-22T09:30:00Z)")
        }
    }
}

/// Reads the fields of a document whose envelope has been checked. Refusals
/// are in plain English, and a date that cannot be read is quoted.
pub(super) fn read_fields<T: DeserializeOwned>(value: &Value) -> Result<T, ReadError> {
    // Read back from compact text rather than from the value itself: the
    // browser build then carries one reader per record type (the one a
    // current document is read with), not a second one for JSON values, and
    // this path is taken only by older versions and broken files.
    let text = serde_json::to_string(value).expect("a JSON value serialises");
    // A date the records' `Day` and `Moment` refused is noted as it was
    // found; the read stopped there, so it is the reason.
    let (read, refused) = noting_refused_date(|| serde_json::from_str::<T>(&text));
    read.map_err(|error| {
        ReadError::Invalid(match refused {
            Some(refused) => refused_date_in_words(&refused),
            None => plain_json_error(&error),
        })
    })
}

/// The checks every file this app writes shares: valid JSON, one object, the
/// expected `format` name (else `wrong_format` with the name found), and a
/// `schema_version` no newer than `supported`. Returns the JSON and its version.
pub fn read_envelope(
    text: &str,
    format_name: &str,
    supported: u32,
    wrong_format: fn(Option<String>) -> ReadError,
) -> Result<(Value, u32), ReadError> {
    // Checked on the length alone, before the parser builds anything.
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ReadError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if is_too_deep(&e) {
            ReadError::TooDeeplyNested
        } else {
            ReadError::NotJson(plain_json_error(&e))
        }
    })?;
    let object = value.as_object().ok_or(ReadError::NotAnObject)?;
    let found = object.get("format").and_then(Value::as_str);
    if found != Some(format_name) {
        return Err(wrong_format(found.map(str::to_string)));
    }
    let version = match object.get("schema_version") {
        None => return Err(ReadError::MissingVersion),
        Some(found) => found.as_u64().ok_or_else(|| ReadError::VersionNotANumber {
            found: value_in_words(found),
        })?,
    };
    if version > u64::from(supported) {
        return Err(ReadError::NewerVersion {
            found: version,
            supported,
        });
    }
    // Not newer than `supported`, so it fits a u32.
    Ok((value, version as u32))
}

/// Compact JSON (as serde_json writes it) laid out as `serde_json::to_string_pretty`
/// lays it out: two-space indents, one value per line, `"key": value`, and
/// `[]`/`{}` for empty lists and records. Files a person may open are written
/// this way; laying out the compact text, rather than serialising each record
/// type a second time with the pretty writer, keeps that second writer out of
/// the browser build.
pub fn pretty_json(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    // Start of the text not yet copied: plain runs are copied whole.
    let mut copied = 0;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match b {
            b'{' | b'[' | b'}' | b']' | b',' | b':' => {}
            b'"' => {
                in_string = true;
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        // Multi-byte characters only occur inside strings, so `i` is on a
        // character boundary here.
        out.push_str(&compact[copied..i]);
        match b {
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                if bytes.get(i + 1) == Some(&close) {
                    out.push(b as char);
                    out.push(close as char);
                    i += 2;
                    copied = i;
                    continue;
                }
                out.push(b as char);
                depth += 1;
                newline(&mut out, depth);
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b as char);
            }
            b',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            _ => out.push_str(": "),
        }
        i += 1;
        copied = i;
    }
    out.push_str(&compact[copied..]);
    out
}

/// The longest the user's words in a file name may be, in characters.
pub const NAME_WORDS_MAX: usize = 40;

/// The words of `text` as a file name's part: lower-case ASCII letters and
/// digits (accents dropped, so "Zoë" is "zoe") joined by single hyphens.
/// Cut at the end of a word, never inside one, to at most `NAME_WORDS_MAX`
/// characters: "…-and-berkshire", not "…-and-berk". Only a first word longer
/// than that is cut inside itself, as there is no shorter whole word.
pub(super) fn slug(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::new();
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.is_empty() {
            out = word.chars().take(NAME_WORDS_MAX).collect();
        } else if out.len() + 1 + word.len() <= NAME_WORDS_MAX {
            out.push('-');
            out.push_str(word);
        } else {
            break;
        }
    }
    out
}

/// Every file the app offers is named the one way: a fixed start (what the
/// file is), then the user's words that tell theirs apart (`slug`), then the
/// day, e.g. `placement-log-nhs-eastern-and-coastal-kent-2027-12-01.csv`.
pub fn file_name(start: &str, words: &str, day: NaiveDate, extension: &str) -> String {
    let words = slug(words);
    let middle = if words.is_empty() {
        String::new()
    } else {
        format!("-{words}")
    };
    format!("{start}{middle}-{}.{extension}", input_value(day))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::model::common::saved_dates::{Day, Moment};

    fn error_of(text: &str) -> serde_json::Error {
        serde_json::from_str::<Value>(text).unwrap_err()
    }

    #[test]
    fn json_errors_are_told_in_plain_english() {
        assert_eq!(
            plain_json_error(&error_of("{\"a\": [1, 2")),
            "it stops before the end, so it may have been cut short"
        );
        assert_eq!(
            plain_json_error(&error_of("{\n\n  \"a\": nope }")),
            "its text is broken near line 3"
        );
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Needs {
            created_at: String,
        }
        let missing = serde_json::from_str::<Needs>("{}").unwrap_err();
        assert_eq!(plain_json_error(&missing), "it has no \"created_at\"");
        let wrong = serde_json::from_str::<Needs>("{\"created_at\": 3}").unwrap_err();
        assert!(plain_json_error(&wrong).starts_with("a value in it is of the wrong kind"));
        for e in [missing, wrong, error_of("{")] {
            let text = plain_json_error(&e);
            assert!(!text.contains("EOF") && !text.contains("column"), "{text}");
        }
    }

    #[test]
    fn nesting_and_date_errors_are_told_in_plain_english() {
        let deep = error_of(&"[".repeat(10_000));
        assert_eq!(
            plain_json_error(&deep),
            "it is nested more than 128 levels deep, which no file from this app is"
        );
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Dated {
            date: Day,
            #[serde(default)]
            at: Option<Moment>,
            // Named like a date but holding text: only the type counts.
            #[serde(default)]
            due: String,
            #[serde(default)]
            when: Vec<Day>,
        }
        // The date itself is quoted, with what is wrong with it.
        for (document, message) in [
            (
                json!({ "date": "2026-02-30" }),
                "the date \"2026-02-30\" does not exist",
            ),
            (
                json!({ "date": "soon" }),
                "\"soon\" is not a date (dates are written like 2026-11-22)",
            ),
            (
                json!({ "date": "2026-02-28", "at": "2026-02-30T09:00:00Z" }),
                "the date and time \"2026-02-30T09:00:00Z\" does not exist",
            ),
            (
                json!({ "date": "2026-02-28", "at": "2026-02-28" }),
                "\"2026-02-28\" is not a date and time (they are written like \
                 2026-11-22T09:30:00Z)",
            ),
            (
                json!({ "date": "2026-02-28", "due": "soon", "when": ["2026-03-01", "31/03/2026"] }),
                "\"31/03/2026\" is not a date (dates are written like 2026-11-22)",
            ),
        ] {
            assert_eq!(
                read_fields::<Dated>(&document).unwrap_err(),
                ReadError::Invalid(message.into()),
                "{document}"
            );
        }
        // A value of the wrong kind where a date belongs is not a date refused.
        let number = json!({ "date": 3 });
        assert_eq!(
            read_fields::<Dated>(&number).unwrap_err(),
            ReadError::Invalid(
                "a value in it is of the wrong kind (it may have been edited by hand)".into()
            )
        );
        let fine = json!({ "date": "2026-02-28", "due": "soon" });
        assert!(read_fields::<Dated>(&fine).is_ok());
    }

    #[test]
    fn sizes_read_in_megabytes() {
        const MB: usize = 1024 * 1024;
        assert_eq!(megabytes(0), "0.0 MB");
        assert_eq!(megabytes(MB * 52 / 10 + 1), "5.2 MB");
        assert_eq!(megabytes(MB * 99 / 10), "9.9 MB");
        assert_eq!(megabytes(MB * 10), "10 MB");
        assert_eq!(megabytes(MB * 20 + MB / 2 + 1), "21 MB");
    }

    #[test]
    fn compact_json_is_laid_out_as_serde_json_lays_it_out() {
        let value = serde_json::json!({
            "text": "quotes \" and \\ and {braces}, [brackets]: and commas, é 😀",
            "empty_list": [],
            "empty_record": {},
            "list": [1, -2.5, true, null, {"a": [[]]}, [{}]],
            "nested": {"b": {"c": "d"}},
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            pretty_json(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
        assert_eq!(pretty_json("\"a,b\""), "\"a,b\"");
        assert_eq!(pretty_json("3"), "3");
    }

    #[test]
    fn text_from_a_file_is_quoted_short_and_without_control_characters() {
        assert_eq!(quoted("goal-1"), "\"goal-1\"");
        assert_eq!(quoted("a\u{0}b\u{1b}c"), "\"abc\"");
        let long = "x".repeat(100);
        assert_eq!(quoted(&long), format!("\"{}…\"", "x".repeat(40)));
        assert_eq!(quoted(&"x".repeat(40)), format!("\"{}\"", "x".repeat(40)));
    }

    #[test]
    fn file_names_are_cut_at_the_end_of_a_word() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        // The example: 40 characters fall inside "berkshire".
        let words = "NHS Buckinghamshire, Oxfordshire and Berkshire West ICB";
        assert_eq!(
            file_name("placement-log", words, day, "csv"),
            "placement-log-nhs-buckinghamshire-oxfordshire-and-2026-12-04.csv"
        );
        for text in [
            words,
            "East Kent practice-based commissioning group and respiratory services",
            "a bb ccc dddd eeeee ffffff ggggggg hhhhhhhh iiiiiiiii",
        ] {
            let cut = slug(text);
            assert!(cut.len() <= NAME_WORDS_MAX, "{cut}");
            let whole: Vec<String> = fold(text)
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            for word in cut.split('-') {
                assert!(
                    whole.iter().any(|w| w == word),
                    "{word} is a whole word of {text}"
                );
            }
        }
        // Accents are dropped rather than splitting a word.
        assert_eq!(slug("Zoë Ångström & Co!!"), "zoe-angstrom-co");
        // One word longer than the limit is all there is to cut.
        assert_eq!(slug(&"a".repeat(100)), "a".repeat(NAME_WORDS_MAX));
        assert_eq!(
            file_name("backup", " ***", day, "json"),
            "backup-2026-12-04.json"
        );
    }
}
