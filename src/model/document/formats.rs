//! What every file this app writes has in common: a `format` name that says
//! what kind of file it is, a `schema_version`, and the reasons one can be
//! refused. Backups (`backup`) and shared assessments (`assessment_file`) both
//! build on this, so neither imports the other.

use std::fmt;

use serde_json::Value;

use crate::model::assessment::framework::FRAMEWORK_VERSION;

/// Names a whole-workbook document: the local-storage copy and backup files.
pub const FORMAT_NAME: &str = "commissioning-workbook";

/// The version of the saved workbook's shape. Raise it, add a step to
/// `backup::migrate` and a fixture under `tests/fixtures/` whenever a change
/// would stop older documents loading.
///
/// History: 1 (first release); 2 (random ids, `created_at`/`updated_at` on
/// every record, tombstones of deleted records, a save revision); 3 (several
/// development plans, with actions, evidence and reviews under them); 4 (the
/// placement log: projects, milestones and activity entries under placements).
pub const SCHEMA_VERSION: u32 = 4;

/// Names a single assessment shared with a partner.
pub const ASSESSMENT_FORMAT_NAME: &str = "commissioning-workbook-assessment";

/// The version of the shared-assessment file's shape (1: first release).
pub const ASSESSMENT_FILE_VERSION: u32 = 1;

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
                 To restore a backup, use \"Restore from a file\" on Your data."
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
        }
    }
}

/// What went wrong reading JSON, in plain English, without the parser's
/// jargon ("EOF while parsing a value at line 226 column 0").
pub fn plain_json_error(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Eof => "it stops before the end, so it may have been cut short".to_string(),
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

/// The checks every file this app writes shares: valid JSON, one object, the
/// expected `format` name (else `wrong_format` with the name found), and a
/// `schema_version` no newer than `supported`. Returns the JSON and its version.
pub fn read_envelope(
    text: &str,
    format_name: &str,
    supported: u32,
    wrong_format: fn(Option<String>) -> ReadError,
) -> Result<(Value, u32), ReadError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| ReadError::NotJson(plain_json_error(&e)))?;
    let object = value.as_object().ok_or(ReadError::NotAnObject)?;
    let found = object.get("format").and_then(Value::as_str);
    if found != Some(format_name) {
        return Err(wrong_format(found.map(str::to_string)));
    }
    let version = object
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(ReadError::MissingVersion)?;
    if version > u64::from(supported) {
        return Err(ReadError::NewerVersion {
            found: version,
            supported,
        });
    }
    // Not newer than `supported`, so it fits a u32.
    Ok((value, version as u32))
}

/// Lower-case ASCII letters and digits joined by single hyphens, at most 40
/// characters, never ending in a hyphen.
pub(super) fn slug(text: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if out.len() == MAX {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            if out.len() + 1 >= MAX {
                break;
            }
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
