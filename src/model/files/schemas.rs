//! JSON Schemas of the file users hold, generated from the model's own types
//! so they cannot drift from what the app writes: `schemas/` in the repository
//! keeps the current ones for anyone who wants to read a user's data without
//! this app. A test fails when a type changes and the file was not
//! regenerated (`UPDATE_SCHEMAS=1 cargo test schemas` rewrites them).
//! Host builds only: the browser build never carries schemars.

use serde_json::{json, Value};

use super::formats::{
    ASSESSMENT_FILE_VERSION, ASSESSMENT_FORMAT_NAME, FORMAT_NAME, SCHEMA_VERSION,
};
use crate::model::assessment::framework::FRAMEWORK_VERSION;
use crate::model::assessment::Assessment;
use crate::model::workbook::document::Workbook;

/// Where the backup file's schema is kept, from the crate's root.
pub const WORKBOOK_SCHEMA_PATH: &str = "schemas/workbook.schema.json";

/// The schema of a whole-workbook backup (and the local-storage copy).
pub fn workbook_schema() -> Value {
    let mut schema = schemars::schema_for!(Workbook).to_value();
    let root = schema.as_object_mut().expect("a schema is an object");
    root.insert(
        "$id".into(),
        json!(format!(
            "https://commissioning-workbook.invalid/schemas/{FORMAT_NAME}-{SCHEMA_VERSION}.json"
        )),
    );
    root.insert("title".into(), json!("Commissioning Workbook backup"));
    root.insert(
        "description".into(),
        json!(format!(
            "A whole Commissioning Workbook as its backup file holds it: format \"{FORMAT_NAME}\", \
             schema version {SCHEMA_VERSION}. Older versions are migrated by the app when read; \
             unknown properties are ignored. Dates are YYYY-MM-DD; times are RFC 3339 in UTC."
        )),
    );
    // Pin the envelope, so a reader can tell this format and version apart.
    let properties = root
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .expect("the workbook has properties");
    properties.insert("format".into(), json!({ "const": FORMAT_NAME }));
    properties.insert("schema_version".into(), json!({ "const": SCHEMA_VERSION }));
    schema
}

/// Where the shared assessment file's schema is kept.
pub const ASSESSMENT_SCHEMA_PATH: &str = "schemas/assessment.schema.json";

/// The shape `assessment_file` writes (it borrows the assessment; this owns it).
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
struct AssessmentFile {
    format: String,
    schema_version: u32,
    /// The version of the assessment statements the answers refer to.
    framework_version: u32,
    assessment: Assessment,
}

/// The schema of one assessment shared with a partner.
pub fn assessment_schema() -> Value {
    let mut schema = schemars::schema_for!(AssessmentFile).to_value();
    let root = schema.as_object_mut().expect("a schema is an object");
    root.insert(
        "$id".into(),
        json!(format!("https://commissioning-workbook.invalid/schemas/{ASSESSMENT_FORMAT_NAME}-{ASSESSMENT_FILE_VERSION}.json")),
    );
    root.insert(
        "title".into(),
        json!("Commissioning Workbook shared assessment"),
    );
    root.insert(
        "description".into(),
        json!(format!(
            "One partnership self-assessment shared with a partner: format \"{ASSESSMENT_FORMAT_NAME}\", \
             schema version {ASSESSMENT_FILE_VERSION}, statements of framework version {FRAMEWORK_VERSION} \
             or earlier. Evidence notes are empty unless the person sharing chose to include them."
        )),
    );
    let properties = root
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .expect("the file has properties");
    properties.insert("format".into(), json!({ "const": ASSESSMENT_FORMAT_NAME }));
    properties.insert(
        "schema_version".into(),
        json!({ "const": ASSESSMENT_FILE_VERSION }),
    );
    properties.insert(
        "framework_version".into(),
        json!({ "type": "integer", "minimum": 1, "maximum": FRAMEWORK_VERSION }),
    );
    schema
}

/// Where the shared business case file's schema is kept.
pub const BUSINESS_CASE_SCHEMA_PATH: &str = "schemas/business-case.schema.json";

/// The schema of one business case shared as a file.
pub fn business_case_schema() -> Value {
    use super::business_case_file::{
        BusinessCaseFile, BUSINESS_CASE_FILE_VERSION, BUSINESS_CASE_FORMAT_NAME,
    };
    let mut schema = schemars::schema_for!(BusinessCaseFile).to_value();
    let root = schema.as_object_mut().expect("a schema is an object");
    root.insert(
        "$id".into(),
        json!(format!("https://commissioning-workbook.invalid/schemas/{BUSINESS_CASE_FORMAT_NAME}-{BUSINESS_CASE_FILE_VERSION}.json")),
    );
    root.insert(
        "title".into(),
        json!("Commissioning Workbook shared business case"),
    );
    root.insert(
        "description".into(),
        json!(format!(
            "One business case shared as a file: format \"{BUSINESS_CASE_FORMAT_NAME}\", schema version \
             {BUSINESS_CASE_FILE_VERSION}. Amounts are whole pence, less than £10 billion either way; each \
             option has a year from 0 to 30 at most once; a risk's likelihood and impact are 1 to 5; the \
             discount rate is in hundredths of a per cent, under 100 %; the optimism bias at most 200 %; \
             ids are used once in the file. Dates are YYYY-MM-DD; times are RFC 3339 in UTC."
        )),
    );
    let properties = root
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .expect("the file has properties");
    properties.insert(
        "format".into(),
        json!({ "const": BUSINESS_CASE_FORMAT_NAME }),
    );
    properties.insert(
        "schema_version".into(),
        json!({ "const": BUSINESS_CASE_FILE_VERSION }),
    );
    schema
}

/// Pretty JSON with a final newline, as kept in the repository.
pub fn to_file_text(schema: &Value) -> String {
    format!(
        "{}\n",
        serde_json::to_string_pretty(schema).expect("serialises")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(path: &str, schema: Value) {
        let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        let text = to_file_text(&schema);
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            std::fs::write(&full, &text).expect("writes the schema");
        }
        let kept = std::fs::read_to_string(&full).unwrap_or_default();
        assert!(
            kept == text,
            "{path} is not the schema of the current types: run `UPDATE_SCHEMAS=1 cargo test schemas` and commit it"
        );
    }

    #[test]
    fn the_backup_schema_in_the_repository_is_current() {
        check(WORKBOOK_SCHEMA_PATH, workbook_schema());
    }

    #[test]
    fn the_shared_assessment_schema_in_the_repository_is_current() {
        check(ASSESSMENT_SCHEMA_PATH, assessment_schema());
    }

    #[test]
    fn the_shared_business_case_schema_in_the_repository_is_current() {
        check(BUSINESS_CASE_SCHEMA_PATH, business_case_schema());
    }

    #[test]
    fn the_backup_schema_pins_format_and_version_and_requires_what_the_app_requires() {
        let schema = workbook_schema();
        assert_eq!(schema["properties"]["format"]["const"], json!(FORMAT_NAME));
        assert_eq!(
            schema["properties"]["schema_version"]["const"],
            json!(SCHEMA_VERSION)
        );
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for field in ["format", "schema_version", "created_at", "updated_at"] {
            assert!(required.contains(&field), "{field} is required");
        }
        assert!(
            !required.contains(&"plans"),
            "collections may be missing (they default to empty)"
        );
    }
}
