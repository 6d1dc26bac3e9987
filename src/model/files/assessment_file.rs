//! Sharing one assessment with a partner: the user exports a single assessment
//! to a small JSON file, the partner imports it into their own workbook (as a
//! partner assessment) and the two views are compared.
//!
//! The file has its own format name so that it cannot be mistaken for a
//! whole-workbook backup (or the other way round), and it records both the
//! schema version and the framework version so that a file from a newer app is
//! refused instead of half-read.

use serde::Serialize;
use serde_json::Value;

pub use super::formats::ASSESSMENT_FORMAT_NAME;
use super::formats::{
    file_name, pretty_json, read_envelope, read_fields, ReadError, ASSESSMENT_FILE_VERSION,
};
use crate::model::assessment::framework::{FRAMEWORK_VERSION, MAX_IMPORTANCE, MIN_IMPORTANCE};
use crate::model::assessment::{Assessment, Rating, MAX_LEVEL};

/// The envelope written around the assessment.
#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    schema_version: u32,
    framework_version: u32,
    assessment: &'a Assessment,
}

/// What the user chooses to put in a shared file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Evidence notes are private until the user chooses to share them.
    pub include_notes: bool,
}

/// What a shared file will hold, so the user can see it before sharing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportContents {
    pub ratings: usize,
    pub flagged: usize,
    pub importance: usize,
    /// Statements with evidence notes in the assessment.
    pub with_notes: usize,
    /// Whether those notes go in the file.
    pub notes_included: bool,
}

impl ExportContents {
    /// Plain-English lines for the "what the file will contain" list.
    pub fn lines(&self, assessment: &Assessment) -> Vec<String> {
        fn count(n: usize, one: &str) -> String {
            format!("{n} {one}{}", if n == 1 { "" } else { "s" })
        }
        let mut lines = vec![
            format!(
                "The partnership ({}), clinical area, your role ({}) and the date",
                assessment.partnership,
                assessment.role.key()
            ),
            format!("Your rating of {}", count(self.ratings, "statement")),
            format!("How important you rated {}", count(self.importance, "area")),
            format!(
                "{} you flagged as priorities",
                count(self.flagged, "statement")
            ),
        ];
        lines.push(match (self.with_notes, self.notes_included) {
            (0, _) => "No evidence notes (you have not written any)".to_string(),
            (n, true) => format!("Your evidence notes on {}", count(n, "statement")),
            (n, false) => format!(
                "Not your evidence notes: the notes on {} stay in this browser",
                count(n, "statement")
            ),
        });
        lines
    }
}

/// What `assessment_to_json_with` would put in the file.
pub fn export_contents(assessment: &Assessment, options: ExportOptions) -> ExportContents {
    let answers = assessment.answers.values();
    ExportContents {
        ratings: answers.clone().filter(|a| a.rating.is_some()).count(),
        flagged: answers.clone().filter(|a| a.flagged).count(),
        importance: assessment.importance.len(),
        with_notes: answers.filter(|a| !a.evidence.trim().is_empty()).count(),
        notes_included: options.include_notes,
    }
}

/// One assessment as pretty-printed JSON, ready to download and share,
/// without the evidence notes unless the user chose to include them.
pub fn assessment_to_json_with(assessment: &Assessment, options: ExportOptions) -> String {
    if options.include_notes {
        return assessment_to_json(assessment);
    }
    let mut shared = assessment.clone();
    for answer in shared.answers.values_mut() {
        answer.evidence.clear();
    }
    // An answer that held only a note is now blank: leave it out.
    shared.answers.retain(|_, a| !a.is_blank());
    assessment_to_json(&shared)
}

/// One assessment, whole, as pretty-printed JSON.
pub fn assessment_to_json(assessment: &Assessment) -> String {
    let file = ExportFile {
        format: ASSESSMENT_FORMAT_NAME,
        schema_version: ASSESSMENT_FILE_VERSION,
        framework_version: FRAMEWORK_VERSION,
        assessment,
    };
    // Serialising plain structs with string keys cannot fail.
    pretty_json(&serde_json::to_string(&file).expect("assessment serialises"))
}

/// The download name, e.g.
/// `partnership-assessment-manager-east-kent-respiratory-2026-11-22.json`: the
/// role tells the two partners' files apart. The slug keeps only ASCII letters
/// and digits so the name is safe on every system.
pub fn assessment_file_name(assessment: &Assessment) -> String {
    file_name(
        &format!("partnership-assessment-{}", assessment.role.key()),
        &format!("{} {}", assessment.partnership, assessment.clinical_area),
        *assessment.date,
        "json",
    )
}

/// Reads a shared assessment: checks the size, the format name, the schema and
/// framework versions, then every field, and that ratings and importances are
/// on their scales; strips control characters from its text. Answers to
/// statement ids this framework does not have are kept: scoring ignores them.
pub fn read_assessment_export(text: &str) -> Result<Assessment, ReadError> {
    let (value, version) = read_envelope(
        text,
        ASSESSMENT_FORMAT_NAME,
        ASSESSMENT_FILE_VERSION,
        |found| ReadError::NotAnAssessment { found },
    )?;
    check_framework_version(value.get("framework_version"))?;
    let mut value = migrate_export(value, version)?;
    let assessment = value
        .get_mut("assessment")
        .map(Value::take)
        .filter(Value::is_object)
        .ok_or_else(|| ReadError::Invalid("it holds no assessment".to_string()))?;
    // Checked before reading the fields: a newer framework may have changed them,
    // and "newer" is the more useful thing to tell the user.
    check_framework_version(assessment.get("framework_version"))?;
    // Its text is cleaned of control characters as it is read (`UserText`).
    let assessment: Assessment = read_fields(&assessment)?;
    check_scales(&assessment)?;
    Ok(assessment)
}

/// Refuses a framework version newer than ours; a missing one is left to the
/// field checks (the assessment's own is required).
fn check_framework_version(found: Option<&Value>) -> Result<(), ReadError> {
    match found {
        None => Ok(()),
        Some(v) => match v.as_u64() {
            Some(n) if n > u64::from(FRAMEWORK_VERSION) => {
                Err(ReadError::NewerFramework { found: n })
            }
            Some(_) => Ok(()),
            None => Err(ReadError::Invalid(
                "the framework version is not a whole number".to_string(),
            )),
        },
    }
}

/// Brings an export of an older file version up to `ASSESSMENT_FILE_VERSION`.
/// Version 1 is the first, so there are no steps yet.
fn migrate_export(value: Value, from: u32) -> Result<Value, ReadError> {
    match from {
        ASSESSMENT_FILE_VERSION => Ok(value),
        unknown => Err(ReadError::Invalid(format!(
            "schema version {unknown} is not one this app has ever written"
        ))),
    }
}

/// Ratings must be levels 0 to `MAX_LEVEL` and importances 1 to 3: a value off
/// the scale means the file was edited by hand or damaged.
fn check_scales(assessment: &Assessment) -> Result<(), ReadError> {
    for (id, answer) in &assessment.answers {
        if let Some(Rating::Level(level)) = answer.rating {
            if level > MAX_LEVEL {
                return Err(ReadError::Invalid(format!(
                    "statement \"{id}\" is rated {level}, but ratings run from 0 to {MAX_LEVEL}"
                )));
            }
        }
    }
    for (id, &value) in &assessment.importance {
        if !(MIN_IMPORTANCE..=MAX_IMPORTANCE).contains(&value) {
            return Err(ReadError::Invalid(format!(
                "domain \"{id}\" has importance {value}, but importance runs from {MIN_IMPORTANCE} to {MAX_IMPORTANCE}"
            )));
        }
    }
    Ok(())
}

/// The message to show when importing a shared assessment fails. Some
/// `ReadError` messages talk about workbook backups, which would confuse here,
/// so those are reworded; the rest are already about assessments or neutral.
pub fn import_error_message(error: &ReadError) -> String {
    match error {
        ReadError::NotJson(detail) => {
            format!("The file is not valid JSON, so it cannot be a shared assessment: {detail}.")
        }
        ReadError::NotAnObject => {
            "The file is JSON but not a shared assessment: it does not hold a single record."
                .to_string()
        }
        ReadError::WrongFormat { .. } => ReadError::NotAnAssessment { found: None }.to_string(),
        ReadError::Invalid(detail) => format!(
            "The file looks like a shared assessment but part of it cannot be read: {detail}."
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::scoring;
    use crate::model::assessment::Role;
    use crate::model::common::saved_dates::Moment;
    use crate::model::common::user_text::UserText;
    use crate::model::files::backup;
    use crate::model::workbook::document::Workbook;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn sample() -> Assessment {
        let now = Moment(Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap());
        let mut a = Assessment::new(
            "assessment-18c2-1".into(),
            "East Kent".into(),
            "Respiratory services".into(),
            Role::Manager,
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            now,
        );
        a.set_rating("power-1", Some(Rating::Level(3)), now);
        a.set_rating("power-2", Some(Rating::NotApplicable), now);
        a.set_evidence("power-1", "Board minutes, \"March\"", now);
        a.set_flagged("trust-2", true, now);
        a.set_importance("power", Some(3), now);
        a
    }

    fn export_value() -> Value {
        serde_json::from_str(&assessment_to_json(&sample())).unwrap()
    }

    #[test]
    fn an_assessment_round_trips_through_an_export() {
        let text = assessment_to_json(&sample());
        assert!(text.contains("\"format\": \"commissioning-workbook-assessment\""));
        assert!(text.contains("\"schema_version\": 1"));
        assert!(text.contains("\"framework_version\": 1"));
        assert_eq!(read_assessment_export(&text).unwrap(), sample());
    }

    #[test]
    fn files_are_named_by_partnership_and_date() {
        assert_eq!(
            assessment_file_name(&sample()),
            "partnership-assessment-manager-east-kent-respiratory-services-2026-11-22.json"
        );
        let mut a = sample();
        a.partnership = " ---Ünïcode & Co!! ".into();
        a.clinical_area = UserText::default();
        assert_eq!(
            assessment_file_name(&a),
            "partnership-assessment-manager-unicode-co-2026-11-22.json",
            "accents dropped, not splitting the word"
        );
        // Cut at the end of a word (the issue's "…-group-an-…").
        a.partnership = "Canterbury practice-based commissioning group".into();
        a.clinical_area = "Anticoagulation and respiratory".into();
        assert_eq!(
            assessment_file_name(&a),
            "partnership-assessment-manager-canterbury-practice-based-commissioning-2026-11-22.json"
        );
        a.clinical_area = UserText::default();
        a.partnership = "***".into();
        assert_eq!(
            assessment_file_name(&a),
            "partnership-assessment-manager-2026-11-22.json"
        );
        a.partnership = "a".repeat(100).into();
        let name = assessment_file_name(&a);
        assert_eq!(
            name,
            format!(
                "partnership-assessment-manager-{}-2026-11-22.json",
                "a".repeat(40)
            )
        );
    }

    #[test]
    fn notes_stay_out_of_a_shared_file_unless_chosen_and_the_contents_say_so() {
        let a = sample();
        let without = ExportOptions::default();
        let text = assessment_to_json_with(&a, without);
        assert!(
            !text.contains("Board minutes"),
            "notes are left out by default"
        );
        let read = read_assessment_export(&text).unwrap();
        assert_eq!(read.level("power-1"), Some(3), "ratings still go");
        assert!(read.is_flagged("trust-2"));
        let contents = export_contents(&a, without);
        assert_eq!(contents.with_notes, 1);
        assert!(contents
            .lines(&a)
            .iter()
            .any(|l| l.contains("Not your evidence notes")));

        let with = ExportOptions {
            include_notes: true,
        };
        let text = assessment_to_json_with(&a, with);
        assert!(text.contains("Board minutes"));
        assert!(export_contents(&a, with)
            .lines(&a)
            .iter()
            .any(|l| l == "Your evidence notes on 1 statement"));
        assert_eq!(export_contents(&a, with).ratings, 2);
    }

    #[test]
    fn malformed_json_and_non_objects_are_refused() {
        let err = read_assessment_export("{ nope").unwrap_err();
        assert!(matches!(err, ReadError::NotJson(_)));
        assert!(import_error_message(&err).contains("cannot be a shared assessment"));
        assert_eq!(
            read_assessment_export("\"text\"").unwrap_err(),
            ReadError::NotAnObject
        );
    }

    #[test]
    fn a_whole_workbook_backup_is_refused_with_a_message_that_says_so() {
        let now = Moment(Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap());
        let mut wb = Workbook::new(now);
        wb.assessments.push(sample());
        let err = read_assessment_export(&backup::to_json(&wb)).unwrap_err();
        assert_eq!(
            err,
            ReadError::NotAnAssessment {
                found: Some(crate::model::files::formats::FORMAT_NAME.into())
            }
        );
        assert!(err
            .to_string()
            .contains("whole Commissioning Workbook backup"));
        // And the other way round: an export is not a backup.
        assert!(matches!(
            backup::read_workbook(&assessment_to_json(&sample())),
            Err(ReadError::WrongFormat { .. })
        ));
        assert_eq!(
            read_assessment_export(r#"{"x":1}"#).unwrap_err(),
            ReadError::NotAnAssessment { found: None }
        );
    }

    #[test]
    fn newer_schema_or_framework_versions_are_refused() {
        let mut v = export_value();
        v["schema_version"] = Value::from(ASSESSMENT_FILE_VERSION + 1);
        assert_eq!(
            read_assessment_export(&v.to_string()).unwrap_err(),
            ReadError::NewerVersion {
                found: u64::from(ASSESSMENT_FILE_VERSION) + 1,
                supported: ASSESSMENT_FILE_VERSION
            }
        );

        let mut v = export_value();
        v["framework_version"] = Value::from(FRAMEWORK_VERSION + 1);
        assert_eq!(
            read_assessment_export(&v.to_string()).unwrap_err(),
            ReadError::NewerFramework {
                found: u64::from(FRAMEWORK_VERSION) + 1
            }
        );

        // The assessment's own record counts too, even if its fields changed shape.
        let mut v = export_value();
        v["assessment"]["framework_version"] = Value::from(FRAMEWORK_VERSION + 5);
        v["assessment"]["answers"] = Value::from("a new shape");
        assert_eq!(
            read_assessment_export(&v.to_string()).unwrap_err(),
            ReadError::NewerFramework {
                found: u64::from(FRAMEWORK_VERSION) + 5
            }
        );

        let mut v = export_value();
        v.as_object_mut().unwrap().remove("schema_version");
        assert_eq!(
            read_assessment_export(&v.to_string()).unwrap_err(),
            ReadError::MissingVersion
        );

        let mut v = export_value();
        v["schema_version"] = Value::from("1");
        let err = read_assessment_export(&v.to_string()).unwrap_err();
        assert_eq!(
            import_error_message(&err),
            "The file cannot be read safely: its \"schema_version\" is the text \"1\", not a whole number."
        );
    }

    #[test]
    fn broken_or_off_scale_fields_are_refused() {
        let mut v = export_value();
        v.as_object_mut().unwrap().remove("assessment");
        let err = read_assessment_export(&v.to_string()).unwrap_err();
        assert!(matches!(err, ReadError::Invalid(_)));
        assert!(import_error_message(&err).contains("shared assessment"));

        let mut v = export_value();
        v["assessment"]["date"] = Value::from("yesterday");
        assert!(matches!(
            read_assessment_export(&v.to_string()),
            Err(ReadError::Invalid(_))
        ));

        let mut v = export_value();
        v["assessment"]["answers"]["power-1"]["rating"] = serde_json::json!({ "level": 5 });
        match read_assessment_export(&v.to_string()) {
            Err(ReadError::Invalid(detail)) => assert!(detail.contains("power-1")),
            other => panic!("expected invalid, got {other:?}"),
        }

        let mut v = export_value();
        v["assessment"]["importance"]["power"] = Value::from(0);
        assert!(matches!(
            read_assessment_export(&v.to_string()),
            Err(ReadError::Invalid(_))
        ));
    }

    #[test]
    fn an_unknown_statement_id_is_kept_but_not_scored() {
        let mut v = export_value();
        v["assessment"]["answers"]["retired-1"] =
            serde_json::json!({ "rating": { "level": 0 }, "evidence": "old", "flagged": true });
        let a = read_assessment_export(&v.to_string()).unwrap();
        assert!(a.answers.contains_key("retired-1"));
        // Only power-1 (level 3) is rated among framework statements.
        assert_eq!(scoring::overall_percent(&a), Some(75.0));
        assert_eq!(scoring::progress(&a).answered, 2);
        assert!(!scoring::weak_or_flagged(&a).contains(&"retired-1"));
    }
}
