//! Reading and writing the workbook as JSON: the local-storage copy, backup
//! files and restores all go through here, so one set of checks decides what is
//! readable. Nothing here touches the browser; `ui::storage` does that.

use std::fmt;

use chrono::NaiveDate;
use serde_json::Value;

use super::assessment_export::ASSESSMENT_FORMAT_NAME;
use super::framework::FRAMEWORK_VERSION;
use super::workbook::{Workbook, FORMAT_NAME, SCHEMA_VERSION};

/// Why a piece of text could not be read as a workbook. The `Display` text is
/// shown to the user, so it says what is wrong in plain English.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    NotJson(String),
    NotAnObject,
    WrongFormat {
        found: Option<String>,
    },
    MissingVersion,
    NewerVersion {
        found: u64,
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
                "The file is not valid JSON, so it cannot be a workbook backup ({detail})."
            ),
            ReadError::NotAnObject => write!(
                f,
                "The file is JSON but not a workbook backup: it does not hold a single record."
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
            ReadError::NewerVersion { found } => write!(
                f,
                "The file uses schema version {found}, which is newer than this app understands \
                 (version {SCHEMA_VERSION}). Use a newer version of the workbook to open it."
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

/// The whole workbook as pretty-printed JSON, for local storage and backup files.
pub fn to_json(workbook: &Workbook) -> String {
    // Serialising plain structs with string keys cannot fail.
    serde_json::to_string_pretty(workbook).expect("workbook serialises")
}

/// Reads a workbook from JSON text: checks the format name and schema version,
/// migrates older versions, then reads every field.
pub fn read_workbook(text: &str) -> Result<Workbook, ReadError> {
    let (value, version) =
        read_envelope(text, FORMAT_NAME, |found| ReadError::WrongFormat { found })?;
    let current = migrate(value, version)?;
    serde_json::from_value(current).map_err(|e| ReadError::Invalid(e.to_string()))
}

/// The checks every file this app writes shares: valid JSON, one object, the
/// expected `format` name (else `wrong_format` with the name found), and a
/// `schema_version` no newer than this app's. Returns the JSON and its version.
pub fn read_envelope(
    text: &str,
    format_name: &str,
    wrong_format: fn(Option<String>) -> ReadError,
) -> Result<(Value, u32), ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::NotJson(e.to_string()))?;
    let object = value.as_object().ok_or(ReadError::NotAnObject)?;
    let found = object.get("format").and_then(Value::as_str);
    if found != Some(format_name) {
        return Err(wrong_format(found.map(str::to_string)));
    }
    let version = object
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or(ReadError::MissingVersion)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ReadError::NewerVersion { found: version });
    }
    // Not newer than SCHEMA_VERSION, so it fits a u32.
    Ok((value, version as u32))
}

/// Brings a document of an older schema version up to `SCHEMA_VERSION`, one
/// step at a time. Version 1 is the first, so there are no steps yet: a future
/// version 2 adds `1 => migrate(step_1_to_2(value)?, 2)` and a test with an old file.
pub fn migrate(value: Value, from: u32) -> Result<Value, ReadError> {
    match from {
        SCHEMA_VERSION => Ok(value),
        unknown => Err(ReadError::Invalid(format!(
            "schema version {unknown} is not one this app has ever written"
        ))),
    }
}

/// The backup file name for a given day, e.g. `commissioning-workbook-2026-11-22.json`.
pub fn backup_file_name(today: NaiveDate) -> String {
    format!("{FORMAT_NAME}-{}.json", today.format("%Y-%m-%d"))
}

/// What was found in local storage when the app started.
#[derive(Debug, PartialEq)]
pub enum StoredState {
    /// Nothing saved yet: start a new workbook.
    Empty,
    Loaded(Workbook),
    /// Something is saved but cannot be read. The raw text must be kept aside,
    /// never overwritten, and the user told.
    Unreadable {
        raw: String,
        error: ReadError,
    },
}

pub fn interpret_stored(raw: Option<String>) -> StoredState {
    match raw {
        None => StoredState::Empty,
        Some(text) => match read_workbook(&text) {
            Ok(workbook) => StoredState::Loaded(workbook),
            Err(error) => StoredState::Unreadable { raw: text, error },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Goal, GoalOrigin};
    use chrono::{TimeZone, Utc};

    fn sample() -> Workbook {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0).unwrap();
        let mut wb = Workbook::new(now);
        let id = wb.next_id("goal", now);
        wb.development_plan.goals.push(Goal {
            id,
            title: "Lead the respiratory pathway review".into(),
            detail: "Pair with the lead commissioner".into(),
            target_date: NaiveDate::from_ymd_opt(2027, 3, 31),
            created_on: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            origin: Some(GoalOrigin {
                assessment_id: "a-1".into(),
                statement_id: "power-1".into(),
            }),
        });
        wb
    }

    #[test]
    fn a_workbook_round_trips_through_json() {
        let wb = sample();
        let text = to_json(&wb);
        assert!(text.contains("\"format\": \"commissioning-workbook\""));
        assert!(text.contains("\"schema_version\": 1"));
        assert_eq!(read_workbook(&text).unwrap(), wb);
    }

    #[test]
    fn malformed_json_is_refused_with_a_reason() {
        let err = read_workbook("{ not json").unwrap_err();
        assert!(matches!(err, ReadError::NotJson(_)));
        assert!(err.to_string().contains("not valid JSON"));
    }

    #[test]
    fn json_of_another_format_is_refused() {
        assert_eq!(read_workbook("[1,2]").unwrap_err(), ReadError::NotAnObject);
        assert_eq!(
            read_workbook(r#"{"format":"other-app","schema_version":1}"#).unwrap_err(),
            ReadError::WrongFormat {
                found: Some("other-app".into())
            }
        );
        assert_eq!(
            read_workbook(r#"{"name":"x"}"#).unwrap_err(),
            ReadError::WrongFormat { found: None }
        );
    }

    #[test]
    fn a_newer_schema_version_is_refused_and_a_missing_one_too() {
        let mut value: Value = serde_json::from_str(&to_json(&sample())).unwrap();
        value["schema_version"] = Value::from(SCHEMA_VERSION + 1);
        let err = read_workbook(&value.to_string()).unwrap_err();
        assert_eq!(
            err,
            ReadError::NewerVersion {
                found: u64::from(SCHEMA_VERSION) + 1
            }
        );
        assert!(err.to_string().contains("newer"));

        value.as_object_mut().unwrap().remove("schema_version");
        assert_eq!(
            read_workbook(&value.to_string()).unwrap_err(),
            ReadError::MissingVersion
        );
    }

    #[test]
    fn a_version_never_written_is_refused() {
        let mut value: Value = serde_json::from_str(&to_json(&sample())).unwrap();
        value["schema_version"] = Value::from(0);
        assert!(matches!(
            read_workbook(&value.to_string()),
            Err(ReadError::Invalid(_))
        ));
    }

    #[test]
    fn a_right_format_with_a_broken_field_is_refused() {
        let mut value: Value = serde_json::from_str(&to_json(&sample())).unwrap();
        value["development_plan"]["goals"][0]["created_on"] = Value::from("yesterday");
        assert!(matches!(
            read_workbook(&value.to_string()),
            Err(ReadError::Invalid(_))
        ));
    }

    #[test]
    fn stored_text_is_interpreted_without_losing_unreadable_data() {
        assert_eq!(interpret_stored(None), StoredState::Empty);
        let wb = sample();
        assert_eq!(
            interpret_stored(Some(to_json(&wb))),
            StoredState::Loaded(wb)
        );
        match interpret_stored(Some("garbage".into())) {
            StoredState::Unreadable { raw, .. } => assert_eq!(raw, "garbage"),
            other => panic!("expected unreadable, got {other:?}"),
        }
    }

    #[test]
    fn assessment_import_errors_read_sensibly() {
        let backup = ReadError::NotAnAssessment {
            found: Some(FORMAT_NAME.into()),
        };
        assert!(backup
            .to_string()
            .contains("whole Commissioning Workbook backup"));
        let other = ReadError::NotAnAssessment {
            found: Some("other-app".into()),
        };
        assert!(other.to_string().contains("\"other-app\" file"));
        let none = ReadError::NotAnAssessment { found: None };
        assert!(none.to_string().contains(ASSESSMENT_FORMAT_NAME));
        let newer = ReadError::NewerFramework {
            found: u64::from(FRAMEWORK_VERSION) + 1,
        };
        assert!(newer.to_string().contains("newer"));
        assert!(newer
            .to_string()
            .contains(&format!("version {}", FRAMEWORK_VERSION + 1)));
    }

    #[test]
    fn backup_files_are_named_by_date() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            backup_file_name(day),
            "commissioning-workbook-2026-11-22.json"
        );
    }
}
