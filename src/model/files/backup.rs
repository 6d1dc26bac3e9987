//! Reading and writing the workbook as JSON: the local-storage copy, backup
//! files and restores all go through here, so one set of checks decides what is
//! readable. Nothing here touches the browser; `ui::storage` does that.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::formats::{
    megabytes, pretty_json, quoted, read_envelope, read_fields, ReadError, FORMAT_NAME,
    MAX_IMPORT_BYTES, MAX_NESTING, SCHEMA_VERSION,
};
use super::import_checks::{clean_text, duplicate_id, fraction_in_conflict};
use super::stored_form::{self, SectionApart};
use crate::model::common::saved_dates::read_moment;
use crate::model::workbook::deferred::{with_sections_left_out, ApartText};
use crate::model::workbook::document::Workbook;
use crate::model::workbook::sections_apart::StoredText;

/// The whole workbook as pretty-printed JSON, for backup files a person may open.
pub fn to_json(workbook: &Workbook) -> String {
    pretty_json(&to_compact_json(workbook))
}

/// The whole workbook as compact JSON.
pub fn to_compact_json(workbook: &Workbook) -> String {
    serde_json::to_string(workbook).expect("workbook serialises")
}

/// The whole workbook in one packed text (`stored_form`, version 1), as
/// local storage kept it before its sections had keys of their own; still
/// read, as a copy kept aside from then is.
pub fn to_storage_text(workbook: &Workbook) -> String {
    stored_form::pack(&to_compact_json(workbook), workbook.revision)
}

/// What local storage keeps of a workbook, where space is scarce and the
/// start must read little: the workbook's own text (compact JSON,
/// compressed and packed, `stored_form`) without its sections, naming each
/// section kept under a key of its own; and the texts of the sections that
/// changed since they were last kept, to be written first.
pub struct StorageTexts {
    pub workbook: String,
    /// (section's name, its text), for the sections to write.
    pub sections: Vec<(&'static str, String)>,
    /// Every section the workbook's text names: a key of any other section
    /// is left from a section since emptied, and can go once it is written.
    pub kept_apart: Vec<&'static str>,
}

pub fn to_storage_texts(workbook: &Workbook) -> StorageTexts {
    let mut sections = Vec::new();
    let mut named = Vec::new();
    let mut kept_apart = Vec::new();
    for section in workbook.sections_to_store() {
        kept_apart.push(section.name);
        let revision = match section.text {
            StoredText::Unchanged(revision) => revision,
            StoredText::Changed(json) => {
                sections.push((section.name, stored_form::pack(&json, workbook.revision)));
                workbook.revision
            }
        };
        named.push(SectionApart {
            name: section.name.to_string(),
            revision,
            tally: section.counts,
            unbacked: section.unbacked.map(|t| t.timestamp_millis()),
        });
    }
    let json = with_sections_left_out(|| to_compact_json(workbook));
    StorageTexts {
        workbook: stored_form::pack_with_sections(&json, workbook.revision, &named),
        kept_apart,
        sections,
    }
}

/// Reads a section's own key in local storage, by the section's name (the
/// browser build's `ui::storage`; a map in tests).
pub type SectionKeys = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// How section `name`, kept apart by the save of `revision`, is read from
/// its own key when a page asks: its text must be from that save or a later
/// one (another tab may have saved since this one read the workbook).
pub fn section_text(keys: &SectionKeys, name: &str, revision: u64) -> ApartText {
    let keys = Arc::clone(keys);
    let name = name.to_string();
    Arc::new(move || {
        let text = keys(&name).ok_or("its text is missing")?;
        // (Plain messages: this is in the first download.)
        match stored_form::packed_revision(&text) {
            Some(saved) if saved >= revision => stored_form::unpack(&text),
            Some(_) => Err("its text is from an earlier save".into()),
            None => Err("its text is not in the app's form".into()),
        }
    })
}

/// After a save wrote `written` sections' texts at `workbook`'s revision:
/// they are read from there from now on, and not written again unchanged.
pub fn note_sections_kept(workbook: &mut Workbook, written: &[&'static str], keys: &SectionKeys) {
    for name in written {
        let text = section_text(keys, name, workbook.revision);
        workbook.note_section_kept_apart(name, text);
    }
}

/// A workbook this version wrote, read in one pass with every check of
/// `read_workbook`: the workbook's own key in local storage, packed, its
/// sections read from their keys (`keys`) only when a page asks for them.
/// `None` for anything else (an older version to migrate, plain JSON as
/// tests and versions before the packed form left it, or text that cannot be
/// read), which `read_stored_workbook` reads or explains. The browser build
/// starts with this alone and fetches the rest when needed (`ui::storage`):
/// every byte of it is in every visit's first download.
pub fn read_stored(text: &str, keys: &SectionKeys) -> Option<Workbook> {
    let (json, apart) = stored_form::unpack_with_sections(text).ok()?;
    let workbook = read_current_directly(&json)?;
    checked(keep_apart(workbook, &apart, keys).ok()?).ok()
}

/// `read_workbook` for the workbook's own key in local storage (an older
/// version to migrate, another tab's save), its sections read from their
/// keys (`keys`) only when a page asks for them.
pub fn read_stored_workbook(text: &str, keys: &SectionKeys) -> Result<Workbook, ReadError> {
    if !stored_form::is_packed(text) {
        return read_workbook(text);
    }
    let (json, apart) = stored_form::unpack_with_sections(text).map_err(|why| {
        ReadError::Invalid(format!(
            "it is in the app's compressed storage form, but {why}"
        ))
    })?;
    let workbook = read_workbook(&json)?;
    keep_apart(workbook, &apart, keys)
}

/// Notes each section the workbook's text names as kept apart; one this
/// version does not know makes the workbook unreadable, as saving it would
/// lose that section.
fn keep_apart(
    mut workbook: Workbook,
    apart: &[SectionApart],
    keys: &SectionKeys,
) -> Result<Workbook, ReadError> {
    for section in apart {
        let text = section_text(keys, &section.name, section.revision);
        let unbacked = section
            .unbacked
            .and_then(chrono::DateTime::from_timestamp_millis);
        if !workbook.keep_section_apart(
            &section.name,
            section.revision,
            (section.tally, unbacked),
            text,
        ) {
            return Err(ReadError::Invalid(
                "it names a part this version of the app does not know".into(),
            ));
        }
    }
    Ok(workbook)
}

/// Reads a workbook from JSON text: checks the size, the format name and
/// schema version, migrates older versions, reads every field, refuses two
/// records sharing an id (and a fraction in a merge conflict's kept version)
/// and strips control characters from typed text.
/// Fields this version does not know are ignored. The caller's document is
/// never touched: it is replaced only with an `Ok`.
pub fn read_workbook(text: &str) -> Result<Workbook, ReadError> {
    let text = unpacked(text)?;
    let text = text.as_ref();
    let workbook = match read_current_directly(text) {
        Some(workbook) => workbook,
        None => {
            let (value, version) = read_envelope(text, FORMAT_NAME, SCHEMA_VERSION, |found| {
                ReadError::WrongFormat { found }
            })?;
            let current = migrate(value, version)?;
            let mut workbook: Workbook = read_fields(&current)?;
            // Its sections are read later from the migrated document's text.
            workbook.keep_sections_of(&serde_json::to_string(&current).unwrap_or_default());
            workbook
        }
    };
    checked(workbook)
}

/// The JSON in `text`: local storage's packed form unpacked (a copy kept
/// aside from it and downloaded reads back this way too), plain JSON as it is.
fn unpacked(text: &str) -> Result<Cow<'_, str>, ReadError> {
    if !stored_form::is_packed(text) {
        return Ok(Cow::Borrowed(text));
    }
    stored_form::unpack(text).map(Cow::Owned).map_err(|why| {
        ReadError::Invalid(format!(
            "it is in the app's compressed storage form, but {why}"
        ))
    })
}

/// The checks every workbook read passes: no two records share an id, no
/// fraction in a merge conflict's kept version; control characters stripped.
fn checked(mut workbook: Workbook) -> Result<Workbook, ReadError> {
    if let Some(id) = duplicate_id(&workbook) {
        return Err(ReadError::Invalid(format!(
            "two records have the same id {}, so a change to one could reach the other",
            quoted(&id)
        )));
    }
    if let Some(number) = fraction_in_conflict(&workbook) {
        return Err(ReadError::Invalid(format!(
            "a version kept from a merge holds the number {number}, but records hold only whole \
             numbers such as 3 (it may have been edited by hand)"
        )));
    }
    clean_text(&mut workbook);
    Ok(workbook)
}

/// The usual case, read in one pass: text this version wrote, straight into the
/// types. Going through a JSON value first (as `read_envelope` does, for
/// migrations and for messages that say what is wrong) roughly doubles the
/// time to open a large workbook. Anything this pass does not accept, whatever
/// the reason, goes the long way, so the messages and checks are the same.
fn read_current_directly(text: &str) -> Option<Workbook> {
    if text.len() > MAX_IMPORT_BYTES {
        return None;
    }
    let mut workbook: Workbook = serde_json::from_str(text).ok()?;
    workbook.keep_sections_of(text);
    (workbook.format == FORMAT_NAME && workbook.schema_version == SCHEMA_VERSION)
        .then_some(workbook)
}

/// Brings a document of an older schema version up to `SCHEMA_VERSION`, one
/// step at a time. Each step also writes its own version number, so a migrated
/// document is saved as the current version and never migrated twice.
pub fn migrate(value: Value, from: u32) -> Result<Value, ReadError> {
    match from {
        SCHEMA_VERSION => Ok(value),
        1 => migrate(step_1_to_2(value)?, 2),
        2 => migrate(step_2_to_3(value)?, 3),
        3 => migrate(step_3_to_4(value)?, 4),
        4 => migrate(step_4_to_5(value)?, 5),
        5 => migrate(step_5_to_6(value)?, 6),
        6 => migrate(step_6_to_7(value)?, 7),
        unknown => Err(ReadError::Invalid(format!(
            "schema version {unknown} is not one this app has ever written"
        ))),
    }
}

/// Version 2 gave every record `created_at` and `updated_at`, replaced the
/// per-workbook id counter with random ids (old ids stay as they are: they are
/// unique within their workbook), and added the save revision and tombstones.
fn step_1_to_2(mut value: Value) -> Result<Value, ReadError> {
    let doc = value.as_object_mut().ok_or(ReadError::NotAnObject)?;
    doc.remove("id_counter");
    let created = doc
        .get("created_at")
        .cloned()
        .ok_or_else(|| ReadError::Invalid("it has no \"created_at\"".into()))?;
    if let Some(goals) = doc
        .get_mut("development_plan")
        .and_then(|p| p.get_mut("goals"))
        .and_then(Value::as_array_mut)
    {
        for goal in goals.iter_mut().filter_map(Value::as_object_mut) {
            // A goal knew only the day it was added: take midnight UTC of that day.
            let when = match goal.remove("created_on") {
                Some(Value::String(day)) => json!(format!("{day}T00:00:00Z")),
                _ => created.clone(),
            };
            goal.entry("created_at").or_insert(when.clone());
            goal.entry("updated_at").or_insert(when);
        }
    }
    if let Some(placements) = doc.get_mut("placements").and_then(Value::as_array_mut) {
        for placement in placements.iter_mut().filter_map(Value::as_object_mut) {
            placement.entry("created_at").or_insert(created.clone());
            placement.entry("updated_at").or_insert(created.clone());
        }
    }
    doc.entry("revision").or_insert(json!(0));
    doc.entry("deleted").or_insert(json!([]));
    doc.insert("schema_version".into(), json!(2));
    Ok(value)
}

/// Version 5 added the group view's rounds (the section `group`). A version
/// 4 document has none, so only the version number changes.
fn step_4_to_5(mut value: Value) -> Result<Value, ReadError> {
    let doc = value.as_object_mut().ok_or(ReadError::NotAnObject)?;
    doc.insert("schema_version".into(), json!(5));
    Ok(value)
}

/// Version 6 added support agreements (the section `support_agreements`). A
/// version 5 document has none, so only the version number changes.
fn step_5_to_6(mut value: Value) -> Result<Value, ReadError> {
    let doc = value.as_object_mut().ok_or(ReadError::NotAnObject)?;
    doc.insert("schema_version".into(), json!(6));
    Ok(value)
}

/// Version 7 added business cases (the section `business_cases`). A version
/// 6 document has none, so only the version number changes.
fn step_6_to_7(mut value: Value) -> Result<Value, ReadError> {
    let doc = value.as_object_mut().ok_or(ReadError::NotAnObject)?;
    doc.insert("schema_version".into(), json!(7));
    Ok(value)
}

/// How many characters from the start of a stored document `revision_in_opening`
/// needs: the packed form's header has it first; in plain JSON this app
/// writes it fifth, after the format name, the schema version and two timestamps.
pub const REVISION_OPENING_CHARS: u32 = 256;

/// The revision from the opening characters of a document this app wrote, so
/// a tab can check for another tab's save without copying the whole text out
/// of storage. It looks only before the first nested value (where every key is
/// a top-level one) and says `None` when it cannot tell; then the caller reads
/// the whole text with `stored_revision`.
pub fn revision_in_opening(opening: &str) -> Option<u64> {
    if stored_form::is_packed(opening) {
        return stored_form::packed_revision(opening);
    }
    let body = opening.strip_prefix('{')?;
    let top_level = &body[..body.find(['{', '[']).unwrap_or(body.len())];
    let after = &top_level[top_level.find("\"revision\":")? + "\"revision\":".len()..];
    let digits: &str = &after[..after
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(after.len())];
    // Digits running to the end of the opening may be cut short.
    if digits.is_empty() || digits.len() == after.len() {
        return None;
    }
    digits.parse().ok()
}

/// The revision of a stored document, read without building the whole
/// workbook: enough to tell whether another tab has saved since. `None` when
/// the text is not a JSON object.
pub fn stored_revision(text: &str) -> Option<u64> {
    if stored_form::is_packed(text) {
        return stored_form::packed_revision(text);
    }
    #[derive(serde::Deserialize)]
    struct RevisionOnly {
        #[serde(default)]
        revision: u64,
    }
    serde_json::from_str::<RevisionOnly>(text)
        .ok()
        .map(|r| r.revision)
}

/// Version 3 gave the user development *plans*: the goals of version 2's one
/// `development_plan` move into a first plan. Its id is made from the
/// workbook's creation time, so two tabs migrating the same document agree.
fn step_2_to_3(mut value: Value) -> Result<Value, ReadError> {
    let doc = value.as_object_mut().ok_or(ReadError::NotAnObject)?;
    let goals = doc
        .remove("development_plan")
        .and_then(|mut p| p.get_mut("goals").map(Value::take))
        .and_then(|g| match g {
            Value::Array(goals) if !goals.is_empty() => Some(goals),
            _ => None,
        });
    if let Some(goals) = goals {
        let created = doc.get("created_at").cloned().unwrap_or(Value::Null);
        let updated = doc.get("updated_at").cloned().unwrap_or(created.clone());
        let stamp = created
            .as_str()
            .and_then(|t| read_moment(t).ok())
            .map_or(0, |t| t.timestamp_millis());
        let plans = doc.entry("plans").or_insert(json!([]));
        if let Some(plans) = plans.as_array_mut() {
            plans.insert(
                0,
                json!({
                    "id": format!("plan-first-{stamp:x}"),
                    "name": crate::model::plan::plans::FIRST_PLAN_NAME,
                    "goals": goals,
                    "created_at": created,
                    "updated_at": updated,
                }),
            );
        }
    }
    doc.insert("schema_version".into(), json!(3));
    Ok(value)
}

/// Version 4 gave placements their log: supervisor, clinical area, length,
/// objectives, projects and activity entries, all new fields with defaults,
/// so a version-3 placement (organisation and dates) reads as it is. The
/// version still rises, so an older app refuses a workbook with a placement
/// log rather than reading it and dropping the log on its next save.
fn step_3_to_4(mut value: Value) -> Result<Value, ReadError> {
    let doc = value.as_object_mut().ok_or(ReadError::NotAnObject)?;
    doc.insert("schema_version".into(), json!(4));
    Ok(value)
}

/// The backup file name for a given day, e.g. `commissioning-workbook-2026-11-22.json`.
pub fn backup_file_name(today: NaiveDate) -> String {
    super::formats::file_name(FORMAT_NAME, "", today, "json")
}

/// What was found in local storage when the app started.
#[derive(Debug, PartialEq)]
pub enum StoredState {
    /// Nothing saved yet: start a new workbook.
    Empty,
    Loaded(Box<Workbook>),
    /// Something is saved but cannot be read. The raw text must be kept aside,
    /// never overwritten, and the user told.
    Unreadable {
        raw: String,
        error: ReadError,
    },
}

/// `keys` reads the keys of the sections the stored text names as kept apart.
pub fn interpret_stored(raw: Option<String>, keys: &SectionKeys) -> StoredState {
    match raw {
        None => StoredState::Empty,
        Some(text) => match read_stored_workbook(&text, keys) {
            Ok(workbook) => StoredState::Loaded(Box::new(workbook)),
            Err(error) => StoredState::Unreadable { raw: text, error },
        },
    }
}

/// Why the workbook saved in this browser could not be read, in plain
/// English. `ReadError`'s own words are about a file the user chose ("The
/// file is not valid JSON, so it cannot be a workbook backup"); what failed
/// here is no file but the data this browser's local storage holds, so these
/// say that, and what about it could not be read.
pub fn stored_data_message(error: &ReadError) -> String {
    const DATA: &str = "The workbook data saved in this browser";
    match error {
        ReadError::NotJson(detail) => {
            format!("{DATA} is not valid JSON, so this app cannot read it: {detail}.")
        }
        ReadError::NotAnObject => {
            format!("{DATA} is JSON, but not a workbook: it does not hold a single record.")
        }
        ReadError::WrongFormat { found: Some(name) } => format!(
            "{DATA} is marked as {}, not as a Commissioning Workbook, so this app cannot read it.",
            quoted(name)
        ),
        ReadError::WrongFormat { found: None } => format!(
            "{DATA} is not a workbook this app saved: it has no \"format\" of \"{FORMAT_NAME}\"."
        ),
        ReadError::MissingVersion => format!(
            "{DATA} does not say which schema version it uses, so it cannot be read safely."
        ),
        ReadError::VersionNotANumber { found } => format!(
            "{DATA} cannot be read safely: its \"schema_version\" is {found}, not a whole number."
        ),
        ReadError::NewerVersion { found, supported } => format!(
            "{DATA} uses schema version {found}, which is newer than this version of the app \
             understands (version {supported}): it was probably saved by a newer version of the app."
        ),
        ReadError::Invalid(detail) => {
            format!("{DATA} looks like a workbook, but part of it cannot be read: {detail}.")
        }
        ReadError::TooLarge { bytes } => format!(
            "{DATA} is too large to read: it is {}, and a workbook this app saves is never more than {}. \
             It may be damaged.",
            megabytes(*bytes),
            megabytes(MAX_IMPORT_BYTES)
        ),
        ReadError::TooDeeplyNested => format!(
            "{DATA} cannot be read: it is nested more than {MAX_NESTING} levels deep (brackets inside \
             brackets), which no workbook this app saves is. It may be damaged."
        ),
        // About shared assessments: never the result of reading a workbook.
        ReadError::NotAnAssessment { .. } | ReadError::NewerFramework { .. } => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::common::ids::new_id;
    use crate::model::common::saved_dates::Moment;
    use crate::model::plan::{GoalDraft, GoalOrigin, Plan};
    use chrono::{TimeZone, Utc};

    fn sample() -> Workbook {
        let now = Moment(Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0).unwrap());
        let mut wb = Workbook::new(now);
        let mut plan = Plan::first("plan-1".into(), now);
        let draft = GoalDraft {
            title: "Lead the respiratory pathway review".into(),
            detail: "Pair with the lead commissioner".into(),
            target_date: "2027-03-31".into(),
            ..Default::default()
        };
        let origin = GoalOrigin {
            assessment_id: "a-1".into(),
            statement_id: "power-1".into(),
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let goal = draft
            .validate(new_id("goal"), today, now, Some(origin), None)
            .unwrap();
        plan.goals.push(goal);
        wb.plans_mut().unwrap().push(plan);
        wb
    }

    #[test]
    fn a_workbook_round_trips_through_json() {
        let wb = sample();
        let text = to_json(&wb);
        assert!(text.contains("\"format\": \"commissioning-workbook\""));
        assert!(text.contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
        assert_eq!(read_workbook(&text).unwrap(), wb);
        let compact = to_compact_json(&wb);
        assert!(!compact.contains('\n'), "storage holds compact JSON");
        assert_eq!(read_workbook(&compact).unwrap(), wb);
    }

    #[test]
    fn the_quick_reader_reads_what_this_version_wrote_and_leaves_the_rest() {
        let wb = sample();
        let stored = to_storage_text(&wb);
        assert_eq!(
            read_stored(&stored, &no_sections()),
            Some(read_workbook(&stored).unwrap())
        );
        // Plain JSON (tests, versions before the packed form) goes the long way.
        assert_eq!(read_stored(&to_compact_json(&wb), &no_sections()), None);
        assert_eq!(
            read_stored_workbook(&to_compact_json(&wb), &no_sections()).unwrap(),
            wb
        );
        // Older versions and unreadable text are for read_workbook.
        assert_eq!(read_stored(SCHEMA_1_FIXTURE, &no_sections()), None);
        assert!(read_workbook(SCHEMA_1_FIXTURE).is_ok());
        assert_eq!(read_stored("{ not json", &no_sections()), None);
        // The same checks: a shared id is refused by both (in the records
        // read at start; a section's own are checked when it is read).
        let mut twice = wb.clone();
        let assessment = crate::model::workbook::fixtures::an_assessment("assessment-1");
        twice.assessments.push(assessment.clone());
        twice.assessments.push(assessment);
        assert_eq!(read_stored(&to_storage_text(&twice), &no_sections()), None);
        assert!(read_workbook(&to_compact_json(&twice)).is_err());
    }

    #[test]
    fn backup_files_are_laid_out_as_serde_json_pretty_prints() {
        let wb = crate::model::workbook::fixtures::workbook_with_every_kind_of_record();
        assert_eq!(to_json(&wb), serde_json::to_string_pretty(&wb).unwrap());
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
                found: u64::from(SCHEMA_VERSION) + 1,
                supported: SCHEMA_VERSION
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
    fn a_schema_version_written_as_text_is_told_as_text_not_as_missing() {
        let mut value: Value = serde_json::from_str(&to_json(&sample())).unwrap();
        value["schema_version"] = Value::from("1");
        let err = read_workbook(&value.to_string()).unwrap_err();
        assert_eq!(
            err,
            ReadError::VersionNotANumber {
                found: "the text \"1\"".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "The file cannot be read safely: its \"schema_version\" is the text \"1\", not a whole number."
        );
        assert!(
            !err.to_string().contains("does not say"),
            "it does say, wrongly"
        );

        for (found, words) in [
            (json!(1.5), "the number 1.5"),
            (json!(-1), "the number -1"),
            (Value::Null, "empty (null)"),
            (json!([4]), "a list"),
        ] {
            value["schema_version"] = found;
            assert_eq!(
                read_workbook(&value.to_string()).unwrap_err(),
                ReadError::VersionNotANumber {
                    found: words.into()
                }
            );
        }
    }

    #[test]
    fn unreadable_stored_data_is_told_as_data_in_this_browser_not_as_a_file() {
        let message = |text: &str| match interpret_stored(Some(text.into()), &no_sections()) {
            StoredState::Unreadable { error, .. } => stored_data_message(&error),
            other => panic!("expected unreadable, got {other:?}"),
        };
        let broken = message("{ not json");
        assert_eq!(
            broken,
            "The workbook data saved in this browser is not valid JSON, so this app cannot read it: \
             its text is broken near line 1."
        );
        let text_version = message(r#"{"format":"commissioning-workbook","schema_version":"1"}"#);
        assert_eq!(
            text_version,
            "The workbook data saved in this browser cannot be read safely: its \"schema_version\" \
             is the text \"1\", not a whole number."
        );
        let newer = message(r#"{"format":"commissioning-workbook","schema_version":99}"#);
        assert!(
            newer.contains("schema version 99, which is newer"),
            "{newer}"
        );
        let mut packed = to_storage_text(&sample());
        packed.truncate(packed.len() - 3);
        let damaged = message(&packed);
        assert!(damaged.contains("compressed storage form"), "{damaged}");
        for unreadable in [
            broken,
            text_version,
            newer,
            damaged,
            message("[1]"),
            message(r#"{"format":"other"}"#),
            message(r#"{"format":"commissioning-workbook"}"#),
        ] {
            assert!(
                unreadable.starts_with("The workbook data saved in this browser "),
                "{unreadable}"
            );
            assert!(
                !unreadable.contains("file") && !unreadable.contains("backup"),
                "stored data is neither a file nor a backup: {unreadable}"
            );
        }
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
        value["plans"][0]["goals"][0]["created_at"] = Value::from("yesterday");
        // The plans are a section (`deferred`): refused when read, as a file
        // brought in is checked whole (`sections_problem`).
        let read = read_workbook(&value.to_string()).unwrap();
        let problem = crate::model::files::import_checks::sections_problem(&read).unwrap();
        assert!(
            problem.starts_with("its development plans cannot be read"),
            "{problem}"
        );
        let mut value: Value = serde_json::from_str(&to_json(&sample())).unwrap();
        value["created_at"] = Value::from("yesterday");
        assert!(matches!(
            read_workbook(&value.to_string()),
            Err(ReadError::Invalid(_))
        ));
    }

    #[test]
    fn stored_text_is_interpreted_without_losing_unreadable_data() {
        assert_eq!(interpret_stored(None, &no_sections()), StoredState::Empty);
        let wb = sample();
        assert_eq!(
            interpret_stored(Some(to_json(&wb)), &no_sections()),
            StoredState::Loaded(Box::new(wb))
        );
        match interpret_stored(Some("garbage".into()), &no_sections()) {
            StoredState::Unreadable { raw, .. } => assert_eq!(raw, "garbage"),
            other => panic!("expected unreadable, got {other:?}"),
        }
    }

    #[test]
    fn assessment_import_errors_read_sensibly() {
        use crate::model::assessment::framework::FRAMEWORK_VERSION;
        use crate::model::files::formats::ASSESSMENT_FORMAT_NAME;
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

    /// A document exactly as version 1 of the app saved it.
    const SCHEMA_1_FIXTURE: &str = include_str!("../../../tests/fixtures/workbook-schema-1.json");

    #[test]
    fn a_schema_1_document_is_migrated_and_saved_as_the_current_version() {
        let wb = read_workbook(SCHEMA_1_FIXTURE).unwrap();
        assert_eq!(wb.schema_version, SCHEMA_VERSION);
        assert_eq!(wb.revision, 0);
        assert!(wb.deleted.is_empty());
        assert_eq!(wb.assessments.len(), 1);
        assert_eq!(wb.partner_assessments.len(), 1);
        let goals = &wb.plans()[0].goals;
        assert_eq!(goals.len(), 2);
        assert_eq!(
            goals[0].created_at,
            Utc.with_ymd_and_hms(2026, 11, 22, 0, 0, 0).unwrap(),
            "the day a goal was added becomes its created time"
        );
        assert_eq!(goals[0].updated_at, goals[0].created_at);
        assert_eq!(goals[1].origin.as_ref().unwrap().statement_id, "power-1");
        assert_eq!(wb.assessments[0].level("power-1"), Some(1));

        // Written back, it says the current version, so it is not migrated again.
        let text = to_compact_json(&wb);
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["schema_version"], json!(SCHEMA_VERSION));
        assert!(value.get("id_counter").is_none());
        assert_eq!(read_workbook(&text).unwrap(), wb);
    }

    /// A document exactly as version 2 saved it (one development plan of goals).
    const SCHEMA_2_FIXTURE: &str = include_str!("../../../tests/fixtures/workbook-schema-2.json");

    #[test]
    fn a_schema_2_document_moves_its_goals_into_a_first_plan_keeping_their_links() {
        let wb = read_workbook(SCHEMA_2_FIXTURE).unwrap();
        assert_eq!(wb.schema_version, SCHEMA_VERSION);
        assert_eq!(wb.revision, 7, "the revision is kept");
        assert_eq!(wb.plans().len(), 1);
        let plan = &wb.plans()[0];
        assert_eq!(plan.name, "My development plan");
        assert_eq!(plan.created_at, wb.created_at);
        assert_eq!(plan.goals.len(), 2);
        assert_eq!(plan.goals[0].detail, "With the lead commissioner");
        let origin = plan.goals[1]
            .origin
            .as_ref()
            .expect("the link to the statement is kept");
        assert_eq!(origin.statement_id, "trust-2");
        assert!(wb.statement_is_in_plan(&origin.assessment_id, "trust-2"));
        assert_eq!(wb.deleted.len(), 1);
        // The plan id is the same however often the document is migrated.
        assert_eq!(
            read_workbook(SCHEMA_2_FIXTURE).unwrap().plans()[0].id,
            plan.id
        );
        let text = to_compact_json(&wb);
        assert_eq!(read_workbook(&text).unwrap(), wb);
        assert!(!text.contains("development_plan"));
    }

    /// A document exactly as version 3 saved it (plans; a placement with only its dates).
    const SCHEMA_3_FIXTURE: &str = include_str!("../../../tests/fixtures/workbook-schema-3.json");

    #[test]
    fn a_schema_3_document_keeps_everything_and_its_placement_gets_the_default_length() {
        let wb = read_workbook(SCHEMA_3_FIXTURE).unwrap();
        assert_eq!(wb.schema_version, SCHEMA_VERSION);
        assert_eq!(wb.revision, 7);
        let before: Value = serde_json::from_str(SCHEMA_3_FIXTURE).unwrap();
        let after: Value = serde_json::to_value(&wb).unwrap();
        for area in ["assessments", "partner_assessments", "plans", "deleted"] {
            assert_eq!(after[area], before[area], "{area} unchanged");
        }
        let placement = &wb.placements()[0];
        assert_eq!(placement.organisation, "NHS Northamptonshire");
        assert_eq!(placement.length_months, 4);
        assert_eq!(
            placement.last_day(),
            NaiveDate::from_ymd_opt(2026, 12, 2),
            "the end is worked out from the start"
        );
        assert!(placement.entries.is_empty() && placement.projects.is_empty());
        let text = to_compact_json(&wb);
        assert_eq!(read_workbook(&text).unwrap(), wb);
    }

    /// A document exactly as version 4 saved it (every kind of record then).
    const SCHEMA_4_FIXTURE: &str = include_str!("../../../tests/fixtures/workbook-schema-4.json");

    #[test]
    fn a_schema_4_document_keeps_everything_and_has_no_group_rounds() {
        let wb = read_workbook(SCHEMA_4_FIXTURE).unwrap();
        assert_eq!(wb.schema_version, SCHEMA_VERSION);
        assert!(wb.group_rounds().is_empty());
        let mut before: Value = serde_json::from_str(SCHEMA_4_FIXTURE).unwrap();
        before["schema_version"] = json!(SCHEMA_VERSION);
        assert_eq!(
            serde_json::to_value(&wb).unwrap(),
            before,
            "only the version changes"
        );
        assert!(
            !to_compact_json(&wb).contains("\"group\""),
            "no empty section is written"
        );
    }

    /// Local storage in a test: the workbook's key and each section's.
    #[derive(Clone, Default)]
    struct Keys(Arc<std::sync::Mutex<std::collections::HashMap<String, String>>>);

    impl Keys {
        fn section_keys(&self) -> SectionKeys {
            let map = self.0.clone();
            Arc::new(move |name| map.lock().unwrap().get(name).cloned())
        }
        /// Writes as `ui::storage::write` does: the sections first, then the
        /// workbook's text; a section no longer named loses its key.
        fn write(&self, texts: &StorageTexts) -> String {
            let mut map = self.0.lock().unwrap();
            for (name, text) in &texts.sections {
                map.insert(name.to_string(), text.clone());
            }
            map.retain(|name, _| texts.kept_apart.contains(&name.as_str()));
            texts.workbook.clone()
        }
        fn set(&self, name: &str, text: Option<String>) {
            let mut map = self.0.lock().unwrap();
            match text {
                Some(text) => map.insert(name.into(), text),
                None => map.remove(name),
            };
        }
        fn get(&self, name: &str) -> Option<String> {
            self.0.lock().unwrap().get(name).cloned()
        }
    }

    /// No section keys at all: for texts that name none.
    fn no_sections() -> SectionKeys {
        Keys::default().section_keys()
    }

    fn every_kind_saved_at(revision: u64) -> Workbook {
        let mut wb = crate::model::workbook::fixtures::workbook_with_every_kind_of_record();
        wb.revision = revision;
        wb
    }

    #[test]
    fn each_section_is_kept_under_its_own_key_and_read_only_when_a_page_asks() {
        let wb = every_kind_saved_at(4);
        let keys = Keys::default();
        let texts = to_storage_texts(&wb);
        let names: Vec<&str> = texts.sections.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            Workbook::SECTION_NAMES,
            "every section of the fixture has records"
        );
        let main = keys.write(&texts);
        let (json, named) = stored_form::unpack_with_sections(&main).unwrap();
        for name in Workbook::SECTION_NAMES {
            assert!(
                !json.contains(&format!("\"{name}\"")),
                "{name} left out of the workbook's text"
            );
        }
        assert_eq!(named.iter().map(|s| s.revision).collect::<Vec<_>>(), [4; 5]);

        let read = read_stored(&main, &keys.section_keys()).unwrap();
        assert!(read.plans.if_read().is_none(), "not read at start");
        assert!(read.placements.if_read().is_none());
        assert!(read.group.if_read().is_none());
        assert_eq!(
            read.summary(),
            wb.summary(),
            "counted from the header alone"
        );
        assert_eq!(read, wb, "each section read from its key when asked");
        assert_eq!(to_json(&read), to_json(&wb), "a backup holds every section");
        // The long way (another tab's save, a migration) reads the same.
        assert_eq!(
            read_stored_workbook(&main, &keys.section_keys()).unwrap(),
            wb
        );
        // Where the whole workbook is expected, the text alone is refused, never read without them.
        assert!(read_workbook(&main).is_err());
    }

    /// The backup reminder at start, before any page reads a section: each
    /// section kept apart carries its oldest change since the last backup.
    #[test]
    fn the_backup_reminder_sees_changes_in_sections_no_page_has_read() {
        use crate::model::workbook::fixtures::at;
        for backup in [
            None,
            Some(at(1, 8)),
            Some(at(4, 9)),
            Some(at(9, 9)),
            Some(at(17, 9)),
            Some(at(18, 9)),
        ] {
            let mut wb = every_kind_saved_at(4);
            wb.last_backup_at = backup.map(Moment);
            let keys = Keys::default();
            let main = keys.write(&to_storage_texts(&wb));
            let read = read_stored(&main, &keys.section_keys()).unwrap();
            let since = wb.last_backup_at.map(chrono::DateTime::from);
            assert_eq!(
                read.oldest_change_since(since),
                wb.oldest_change_since(since),
                "last backup {backup:?}"
            );
            assert!(read.plans.if_read().is_none() && read.placements.if_read().is_none());
            // Saved again unread, the header keeps what it said.
            let mut again = read.clone();
            again.revision = 5;
            let again =
                read_stored(&keys.write(&to_storage_texts(&again)), &keys.section_keys()).unwrap();
            assert_eq!(
                again.oldest_change_since(since),
                wb.oldest_change_since(since)
            );
        }
    }

    #[test]
    fn a_save_writes_only_the_sections_that_changed() {
        let keys = Keys::default();
        let main = keys.write(&to_storage_texts(&every_kind_saved_at(4)));
        let mut read = read_stored(&main, &keys.section_keys()).unwrap();
        read.group.get();
        read.revision = 5;
        let texts = to_storage_texts(&read);
        assert!(
            texts.sections.is_empty(),
            "nothing changed, read or not: nothing written"
        );
        assert_eq!(texts.kept_apart, Workbook::SECTION_NAMES);

        read.placements.get_mut().unwrap().placements[0].organisation = "Changed".into();
        read.revision = 6;
        let texts = to_storage_texts(&read);
        assert_eq!(
            texts.sections.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            ["placements"]
        );
        let main = keys.write(&texts);
        let (_, named) = stored_form::unpack_with_sections(&main).unwrap();
        let revisions: Vec<(String, u64)> =
            named.into_iter().map(|s| (s.name, s.revision)).collect();
        let placements = revisions
            .iter()
            .position(|(n, _)| n == "placements")
            .unwrap();
        assert_eq!(revisions[placements], ("placements".to_string(), 6));
        assert!(
            revisions.iter().all(|(n, r)| n == "placements" || *r == 4),
            "{revisions:?}"
        );

        // Once noted as kept, the next save writes it no more.
        note_sections_kept(&mut read, &["placements"], &keys.section_keys());
        read.revision = 7;
        assert!(to_storage_texts(&read).sections.is_empty());
        let again =
            read_stored(&keys.write(&to_storage_texts(&read)), &keys.section_keys()).unwrap();
        assert_eq!(again.placements().to_vec(), read.placements().to_vec());
        assert_eq!(again.placements()[0].organisation.as_str(), "Changed");
    }

    #[test]
    fn a_section_emptied_loses_its_key() {
        let keys = Keys::default();
        let main = keys.write(&to_storage_texts(&every_kind_saved_at(4)));
        let mut read = read_stored(&main, &keys.section_keys()).unwrap();
        read.placements.get_mut().unwrap().placements.clear();
        read.revision = 5;
        let texts = to_storage_texts(&read);
        assert!(!texts.kept_apart.contains(&"placements"));
        let main = keys.write(&texts);
        assert_eq!(keys.get("placements"), None);
        let again = read_stored(&main, &keys.section_keys()).unwrap();
        assert!(again.placements().is_empty());
        assert_eq!(again.summary().placements, 0);
    }

    #[test]
    fn a_section_whose_key_is_missing_or_older_cannot_be_read_and_is_never_overwritten() {
        let keys = Keys::default();
        let wb = every_kind_saved_at(4);
        let main = keys.write(&to_storage_texts(&wb));
        let placements = keys.get("placements");

        keys.set("placements", None);
        let mut read = read_stored(&main, &keys.section_keys()).unwrap();
        assert!(read.placements.get().is_none());
        assert!(
            read.placements.problem().unwrap().contains("missing"),
            "{:?}",
            read.placements.problem()
        );
        assert!(read.group.get().is_some(), "the other sections read");
        // A save names it as it was and writes nothing for it.
        read.revision = 5;
        let texts = to_storage_texts(&read);
        assert!(texts.sections.is_empty());
        let main = keys.write(&texts);
        let (_, named) = stored_form::unpack_with_sections(&main).unwrap();
        let named = named.iter().find(|s| s.name == "placements").unwrap();
        assert_eq!((named.revision, named.tally), (4, wb.placements.counts()));
        // Put back, it reads again.
        keys.set("placements", placements.clone());
        let back = read_stored(&main, &keys.section_keys()).unwrap();
        assert_eq!(back.placements().to_vec(), wb.placements().to_vec());

        // A text from an earlier save than the workbook names is refused;
        // one from a later save (another tab's) is read.
        let mut older = wb.clone();
        older.revision = 3;
        keys.set(
            "placements",
            Some(stored_form::pack(&to_compact_json(&older), 3)),
        );
        let read = read_stored(&main, &keys.section_keys()).unwrap();
        assert!(read.placements.problem().unwrap().contains("earlier save"));
        keys.set(
            "placements",
            Some(stored_form::pack(&to_compact_json(&older), 9)),
        );
        let read = read_stored(&main, &keys.section_keys()).unwrap();
        assert_eq!(read.placements().to_vec(), wb.placements().to_vec());
    }

    #[test]
    fn a_section_this_version_does_not_know_makes_the_workbook_unreadable() {
        let keys = Keys::default();
        let wb = every_kind_saved_at(4);
        let json = with_sections_left_out(|| to_compact_json(&wb));
        let unknown = SectionApart {
            name: "minutes".into(),
            revision: 4,
            tally: [1, 0],
            unbacked: None,
        };
        let main = stored_form::pack_with_sections(&json, 4, &[unknown]);
        assert!(read_stored(&main, &keys.section_keys()).is_none());
        let err = read_stored_workbook(&main, &keys.section_keys()).unwrap_err();
        assert!(
            matches!(&err, ReadError::Invalid(why) if why.contains("does not know")),
            "{err:?}"
        );
    }

    /// Local storage as the version before kept it: the whole workbook in
    /// one packed text (here a schema-6 workbook, packed).
    const STORED_FORM_1_FIXTURE: &str = include_str!("../../../tests/fixtures/stored-form-1.txt");

    #[test]
    fn the_whole_workbook_in_one_text_is_read_and_its_next_save_keeps_sections_apart() {
        let keys = Keys::default();
        assert!(
            read_stored(STORED_FORM_1_FIXTURE, &keys.section_keys()).is_none(),
            "an older schema: the long way"
        );
        let read = read_stored_workbook(STORED_FORM_1_FIXTURE, &keys.section_keys()).unwrap();
        assert_eq!(read, read_workbook(SCHEMA_6_FIXTURE).unwrap());
        assert_eq!(read.revision, 12);
        let mut saved = read.clone();
        saved.revision = 13;
        let texts = to_storage_texts(&saved);
        let written: Vec<&str> = texts.sections.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            written,
            ["plans", "placements", "group", "support_agreements"],
            "the sections it has records in"
        );
        let main = keys.write(&texts);
        let again = read_stored(&main, &keys.section_keys()).unwrap();
        assert_eq!(again, saved);
        assert_eq!(to_json(&again), to_json(&saved));
    }

    /// A document exactly as version 5 saved it (every kind of record then,
    /// the group's rounds among them).
    const SCHEMA_5_FIXTURE: &str = include_str!("../../../tests/fixtures/workbook-schema-5.json");

    #[test]
    fn a_schema_5_document_keeps_everything_and_has_no_support_agreements() {
        let wb = read_workbook(SCHEMA_5_FIXTURE).unwrap();
        assert_eq!(wb.schema_version, SCHEMA_VERSION);
        assert!(wb.support_agreements().is_empty());
        assert_eq!(wb.group_rounds().len(), 1);
        only_the_version_changed(&wb, SCHEMA_5_FIXTURE, "support_agreements");
    }

    /// A document exactly as version 6 saved it (every kind of record then,
    /// support agreements among them).
    const SCHEMA_6_FIXTURE: &str = include_str!("../../../tests/fixtures/workbook-schema-6.json");

    #[test]
    fn a_schema_6_document_keeps_everything_and_has_no_business_cases() {
        let wb = read_workbook(SCHEMA_6_FIXTURE).unwrap();
        assert_eq!(wb.schema_version, SCHEMA_VERSION);
        assert!(wb.business_cases().is_empty());
        assert_eq!(wb.support_agreements().len(), 1);
        only_the_version_changed(&wb, SCHEMA_6_FIXTURE, "business_cases");
    }

    /// A document read from an older version's `fixture` is written back
    /// with only its version changed, and without an empty `new_section`.
    fn only_the_version_changed(wb: &Workbook, fixture: &str, new_section: &str) {
        let mut before: Value = serde_json::from_str(fixture).unwrap();
        before["schema_version"] = json!(SCHEMA_VERSION);
        assert_eq!(
            serde_json::to_value(wb).unwrap(),
            before,
            "only the version changes"
        );
        assert!(
            !to_compact_json(wb).contains(&format!("\"{new_section}\"")),
            "no empty section is written"
        );
    }

    /// The home page's counts come from the saved text while no placement
    /// page has read the placement log, and agree with the records once read.
    #[test]
    fn the_placement_log_is_counted_unread_and_read_only_when_asked_for() {
        let mut wb = crate::model::workbook::fixtures::workbook_with_every_kind_of_record();
        let extra = wb.placements()[0].entries[0].clone();
        wb.placements.get_mut().unwrap().placements[0].entries.push(
            crate::model::placement::ActivityEntry {
                id: "activity-2".into(),
                ..extra
            },
        );
        let text = to_compact_json(&wb);
        let read = read_workbook(&text).unwrap();
        assert!(read.placements.if_read().is_none(), "not read at start");
        let unread = read.summary();
        assert_eq!((unread.placements, unread.log_entries), (1, 2));
        // Every section is counted as the workbook is read, none read.
        assert_eq!(
            (
                unread.group_rounds,
                unread.support_agreements,
                unread.business_cases
            ),
            (1, 1, 1)
        );
        assert!(read.business_cases.if_read().is_none());
        assert_eq!(read.summary(), wb.summary(), "the same as the records say");
        assert!(unread.lines().ends_with(&[
            "1 group round".into(),
            "1 support agreement".into(),
            "1 business case".into()
        ]));
        assert!(
            read.placements.if_read().is_none(),
            "counting reads nothing"
        );
        assert_eq!(read.placements(), wb.placements());
        assert_eq!(read.summary(), unread);
        assert_eq!(to_compact_json(&read), text, "written back as it was");
    }

    /// A damaged placement log counts as none and is kept as it was: the
    /// rest of the workbook reads, and the log's page says it cannot be read.
    #[test]
    fn a_damaged_placement_log_counts_none_and_is_kept() {
        let wb = crate::model::workbook::fixtures::workbook_with_every_kind_of_record();
        let mut value: Value = serde_json::from_str(&to_compact_json(&wb)).unwrap();
        value["placements"] = json!({ "not": ["a", "list"] });
        let text = value.to_string();
        let read = read_workbook(&text).unwrap();
        assert_eq!(read.summary().placements, 0);
        assert_eq!(read.summary().assessments, 1);
        assert!(read.placement_problem().is_some());
        assert!(crate::model::files::import_checks::sections_problem(&read)
            .unwrap()
            .starts_with("its placement log cannot be read"));
        let written: Value = serde_json::from_str(&to_compact_json(&read)).unwrap();
        assert_eq!(written["placements"], value["placements"], "kept as it was");
    }

    #[test]
    fn group_rounds_are_kept_unread_until_asked_for_and_survive_a_save() {
        let wb = crate::model::workbook::fixtures::workbook_with_every_kind_of_record();
        let text = to_compact_json(&wb);
        let read = read_workbook(&text).unwrap();
        assert!(read.group.if_read().is_none(), "not read at start");
        let as_json = |text: &str| serde_json::from_str::<Value>(text).unwrap();
        assert_eq!(
            as_json(&to_compact_json(&read)),
            as_json(&text),
            "written back as it came (its keys may come in another order)"
        );
        assert_eq!(
            read.group_rounds()[0].members[0].label.as_str(),
            "Member 1 <i>of East Kent</i>"
        );
        assert_eq!(read, wb);
    }

    #[test]
    fn group_rounds_that_cannot_be_read_are_kept_and_the_rest_loads() {
        let wb = crate::model::workbook::fixtures::workbook_with_every_kind_of_record();
        let mut value = serde_json::to_value(&wb).unwrap();
        value["group"]["rounds"][0]["held_on"] = json!("31/02/2027");
        let text = value.to_string();
        let mut read = read_workbook(&text).expect("the rest of the workbook loads");
        assert_eq!(read.plans, wb.plans);
        assert!(read.group_rounds().is_empty());
        assert!(read.group_problem().is_some());
        let refused = read.apply(
            &crate::model::workbook::change::Change::delete(
                crate::model::workbook::tree::RecordKind::GroupRound,
                "round-1",
            ),
            crate::model::workbook::change::Stamp::on(2027, 9, 20, 9, 0),
        );
        assert!(refused.is_err(), "nothing in it can be changed");
        let saved: Value = serde_json::from_str(&to_compact_json(&read)).unwrap();
        assert_eq!(
            saved["group"], value["group"],
            "and it is saved back as it was"
        );
        assert!(crate::model::files::import_checks::sections_problem(&read)
            .unwrap()
            .starts_with("its group rounds cannot be read"));
    }

    #[test]
    fn a_document_with_no_goals_gets_no_plan() {
        let mut value: Value = serde_json::from_str(SCHEMA_2_FIXTURE).unwrap();
        value["development_plan"]["goals"] = json!([]);
        assert!(read_workbook(&value.to_string())
            .unwrap()
            .plans()
            .is_empty());
    }

    #[test]
    fn a_schema_1_document_without_a_created_time_is_refused_not_guessed() {
        let mut value: Value = serde_json::from_str(SCHEMA_1_FIXTURE).unwrap();
        value.as_object_mut().unwrap().remove("created_at");
        assert!(matches!(
            read_workbook(&value.to_string()),
            Err(ReadError::Invalid(_))
        ));
    }

    #[test]
    fn the_revision_is_read_without_the_rest() {
        let mut wb = sample();
        wb.revision = 41;
        assert_eq!(stored_revision(&to_compact_json(&wb)), Some(41));
        assert_eq!(stored_revision(r#"{"format":"x"}"#), Some(0));
        assert_eq!(stored_revision("not json"), None);
    }

    #[test]
    fn the_stored_form_reads_back_and_damage_is_a_plain_error() {
        let mut wb = sample();
        wb.revision = 9;
        let stored = to_storage_text(&wb);
        assert!(stored.encode_utf16().count() < to_compact_json(&wb).len());
        assert_eq!(read_workbook(&stored).unwrap(), wb);
        assert_eq!(stored_revision(&stored), Some(9));
        let opening: String = stored
            .chars()
            .take(REVISION_OPENING_CHARS as usize)
            .collect();
        assert_eq!(revision_in_opening(&opening), Some(9));
        let damaged: String = stored.chars().take(stored.chars().count() - 3).collect();
        let message = read_workbook(&damaged).unwrap_err().to_string();
        assert!(message.contains("compressed storage form"), "{message}");
        assert!(matches!(
            interpret_stored(Some(damaged.clone()), &no_sections()),
            StoredState::Unreadable { raw, .. } if raw == damaged
        ));
    }

    #[test]
    fn the_revision_is_read_from_the_opening_alone() {
        let mut wb = sample();
        wb.revision = 4821;
        let text = to_compact_json(&wb);
        let opening: String = text.chars().take(REVISION_OPENING_CHARS as usize).collect();
        assert_eq!(revision_in_opening(&opening), Some(4821));
        // Cut inside the number: cannot tell.
        let cut = &text[..text.find("4821").unwrap() + 2];
        assert_eq!(revision_in_opening(cut), None);
        // A "revision" key inside a nested record is not the document's.
        let nested = r#"{"format":"commissioning-workbook","plans":[{"revision":7}],"revision":9}"#;
        assert_eq!(revision_in_opening(nested), None);
        assert_eq!(revision_in_opening("not json"), None);
        assert_eq!(revision_in_opening(""), None);
    }

    #[test]
    fn a_current_document_reads_the_same_in_one_pass_as_the_long_way() {
        let wb = sample();
        let text = to_compact_json(&wb);
        let direct = read_current_directly(&text).expect("current version reads directly");
        let (value, _) = read_envelope(&text, FORMAT_NAME, SCHEMA_VERSION, |found| {
            ReadError::WrongFormat { found }
        })
        .unwrap();
        let mut long_way: Workbook = read_fields(&value).unwrap();
        long_way.keep_sections_of(&text);
        assert_eq!(direct, long_way);
        // Other formats and older versions are left to the long way.
        assert!(read_current_directly(&text.replace(FORMAT_NAME, "other")).is_none());
        let older = text.replace(
            &format!("\"schema_version\":{SCHEMA_VERSION}"),
            "\"schema_version\":1",
        );
        assert!(read_current_directly(&older).is_none());
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
