//! Generated and mutated inputs for the two import readers, `read_workbook`
//! (backups and the local-storage copy, with their migrations) and
//! `read_assessment_export` (a partner's shared assessment).
//!
//! The inputs are the three schema fixtures, a workbook built here with every
//! kind of record, and exported assessments, each changed at random: as a
//! JSON tree (a value swapped for one of another type, the schema version set
//! to any number, an array element duplicated, a field removed or an unknown
//! one added, one record given another's id, dates such as 2026-02-30, text
//! full of HTML or control characters) and then as text (a byte range
//! deleted, random bytes inserted, a character flipped, the end cut off);
//! and arbitrary text and bytes.
//!
//! The property: a reader never panics; what it accepts has no two records
//! sharing an id and no control characters left in typed text, and reads
//! back equal after being written out again; what it refuses comes with a
//! plain-English message. Failures are not saved to files (nothing is written
//! into the repository); a failing case is printed, shrunk, instead.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::string::string_regex;
use proptest::test_runner::RngAlgorithm;
use serde_json::{json, Value};

use super::{duplicate_id, sections_problem};
use crate::model::assessment::{Assessment, Role};
use crate::model::common::saved_dates::Moment;
use crate::model::files::assessment_file::{
    assessment_to_json, import_error_message, read_assessment_export,
};
use crate::model::files::backup::{read_workbook, to_compact_json, to_json, to_storage_text};
use crate::model::files::formats::{FORMAT_NAME, SCHEMA_VERSION};
use crate::model::workbook::fixtures::{
    an_assessment, at, day, workbook_with_every_kind_of_record,
};

// How many inputs each property runs. Together at least 100,000, and quick
// enough in a debug build that the whole `cargo test` stays fast.
const BACKUP_TREE_CASES: u32 = 20_000;
const BACKUP_TEXT_CASES: u32 = 20_000;
const ASSESSMENT_CASES: u32 = 35_000;
const ARBITRARY_CASES: u32 = 30_000;
const TOTAL_CASES: u32 = BACKUP_TREE_CASES + BACKUP_TEXT_CASES + ASSESSMENT_CASES + ARBITRARY_CASES;
const _: () = assert!(TOTAL_CASES >= 100_000);

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // No `proptest-regressions` files in the repository.
        failure_persistence: None,
        // Quicker to seed for each case than the default ChaCha, and as good here.
        rng_algorithm: RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    }
}

const FIXTURES: [&str; 3] = [
    include_str!("../../../../tests/fixtures/workbook-schema-1.json"),
    include_str!("../../../../tests/fixtures/workbook-schema-2.json"),
    include_str!("../../../../tests/fixtures/workbook-schema-3.json"),
];

/// The documents that backups are mutated from, as JSON trees.
fn backup_bases() -> &'static [Value] {
    static BASES: OnceLock<Vec<Value>> = OnceLock::new();
    BASES.get_or_init(|| {
        let mut bases: Vec<Value> = FIXTURES
            .iter()
            .map(|f| serde_json::from_str(f).unwrap())
            .collect();
        bases.push(serde_json::to_value(workbook_with_every_kind_of_record()).unwrap());
        bases
    })
}

/// Shared assessments to mutate: one with notes, one without, one minimal.
fn assessment_bases() -> &'static [Value] {
    static BASES: OnceLock<Vec<Value>> = OnceLock::new();
    BASES.get_or_init(|| {
        let full = an_assessment("assessment-18c2-1");
        let mut bare = Assessment::new(
            "a".into(),
            "P".into(),
            String::new(),
            Role::Other,
            day(1),
            Moment(at(1, 9)),
        );
        bare.original_id = Some("theirs".into());
        let without_notes = crate::model::files::assessment_file::assessment_to_json_with(
            &full,
            crate::model::files::assessment_file::ExportOptions::default(),
        );
        [
            assessment_to_json(&full),
            without_notes,
            assessment_to_json(&bare),
        ]
        .iter()
        .map(|text| serde_json::from_str(text).unwrap())
        .collect()
    })
}

// ---------------------------------------------------------------------------
// Strategies

/// Strings a hostile or damaged file might hold.
const NASTY: &[&str] = &[
    "",
    " ",
    "2026-02-30",
    "2026-13-01",
    "2026-11-22",
    "0000-00-00",
    "+262143-12-31",
    "-0001-01-01",
    "2026-02-30T09:00:00Z",
    "2026-11-22T09:30:00Z",
    "2026-11-22T09:30:00+14:00",
    "2026-11-22T25:00:00Z",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "\u{0}\u{7}\u{8}\u{1b}[31mred\u{7f}\u{85}\u{9b}",
    "line\r\nbreak\ttab",
    "\u{202e}reversed\u{200b}",
    "=HYPERLINK(\"x\")",
    "level",
    "not_applicable",
    "not_started",
    "pathway_design",
    "manager",
    "goal",
    "commissioning-workbook",
    "commissioning-workbook-assessment",
    "assessment-1",
    "goal-1",
    "plan-1",
    "9999999999999999999999",
];

/// Field names of the files, so that added or replaced records often look
/// like real ones.
const FIELDS: &[&str] = &[
    "id",
    "format",
    "schema_version",
    "framework_version",
    "assessment",
    "assessments",
    "partner_assessments",
    "plans",
    "goals",
    "actions",
    "evidence",
    "reviews",
    "self_ratings",
    "placements",
    "projects",
    "milestones",
    "entries",
    "deleted",
    "development_plan",
    "answers",
    "importance",
    "rating",
    "level",
    "role",
    "date",
    "title",
    "text",
    "created_at",
    "updated_at",
    "created_on",
    "deleted_at",
    "kind",
    "minutes",
    "activity_type",
    "origin",
    "status",
    "revision",
    "length_months",
    "partnership",
    "what_done",
    "planned",
    "conflicts",
    "other_record",
    "record_id",
];

/// Strings matching `pattern`, the pattern compiled once (a `&str` strategy
/// compiles it again for every value).
fn regex(pattern: &str) -> impl Strategy<Value = String> {
    string_regex(pattern).expect("a valid pattern")
}

/// Any characters, control characters included (unlike `any::<String>()`,
/// which also compiles a pattern for every value).
fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..32).prop_map(String::from_iter)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(NASTY).prop_map(str::to_string),
        2 => any_text(),
        1 => regex("[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}"),
        1 => regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})"),
        1 => regex("[a-z_]{0,12}"),
    ]
}

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(FIELDS).prop_map(str::to_string),
        1 => regex("[a-z_/~]{0,10}"),
        1 => any_text(),
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..=6).prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u8>().prop_map(Value::from),
        // Not finite becomes null.
        any::<f64>().prop_map(Value::from),
    ]
}

/// Any JSON value, a few levels deep at most.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        number(),
        text().prop_map(Value::from),
    ];
    // Made once: the closure runs for every value generated.
    let names = field_name().boxed();
    leaf.prop_recursive(3, 16, 4, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((names.clone(), inner), 0..4)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// A change to a document as a JSON tree. Indexes pick among the nodes of
/// the right kind present when the change is made.
#[derive(Clone, Debug)]
enum Edit {
    /// Any node (often the root's fields' values) swapped for another value,
    /// usually of another type.
    Replace(Index, Value),
    /// A string anywhere set to other text: dates, HTML, control characters.
    SetText(Index, String),
    SchemaVersion(Value),
    /// An array element copied next to itself (so its records' ids repeat).
    DuplicateElement(Index, Index),
    RemoveField(Index, Index),
    /// A field this version does not know, added to any record.
    AddField(Index, String, Value),
    /// One record given the id of another (perhaps of another kind).
    ShareId(Index, Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), json_value()).prop_map(|(i, v)| Edit::Replace(i, v)),
        3 => (any::<Index>(), text()).prop_map(|(i, t)| Edit::SetText(i, t)),
        2 => prop_oneof![number(), Just(json!("4")), Just(Value::Null)].prop_map(Edit::SchemaVersion),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, e)| Edit::DuplicateElement(a, e)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(o, f)| Edit::RemoveField(o, f)),
        2 => (any::<Index>(), field_name(), json_value()).prop_map(|(o, n, v)| Edit::AddField(o, n, v)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::ShareId(a, b)),
    ]
}

/// A change to a document as text (bytes; the result is read as UTF-8 with
/// invalid sequences replaced, as a browser reads a file as text).
#[derive(Clone, Debug)]
enum Splice {
    Delete(Index, usize),
    Insert(Index, Vec<u8>),
    Flip(Index, u8),
    Truncate(Index),
}

const JSON_BYTES: &[u8] = b"{}[]\",:0123456789-.eEtrufalsn \\/\n";
const SNIPPETS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    "\"",
    "null",
    "[[[[[[[[",
    "\"id\":\"goal-1\",",
    "\"date\":\"2026-02-30\",",
    "\"x\":{},",
    "\\u0000",
    "\\ud800",
    "1e999",
    "-0",
    "\u{feff}",
];

fn splice() -> impl Strategy<Value = Splice> {
    prop_oneof![
        (any::<Index>(), 1usize..64).prop_map(|(i, n)| Splice::Delete(i, n)),
        (
            any::<Index>(),
            prop_oneof![
                prop::collection::vec(any::<u8>(), 1..8),
                select(SNIPPETS).prop_map(|s| s.as_bytes().to_vec()),
            ]
        )
            .prop_map(|(i, b)| Splice::Insert(i, b)),
        (any::<Index>(), prop_oneof![select(JSON_BYTES), any::<u8>()])
            .prop_map(|(i, b)| Splice::Flip(i, b)),
        any::<Index>().prop_map(Splice::Truncate),
    ]
}

/// Text that is not built from a document at all.
fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any_text(),
        prop::collection::vec(any::<u8>(), 0..256)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        regex("[\\[\\]{}\",:0-9a-z_ .\\-]{0,200}"),
        json_value().prop_map(|v| v.to_string()),
        (number(), regex("[\\[\\]{}\",:0-9a-z_ .\\-]{0,120}")).prop_map(|(n, rest)| format!(
            "{{\"format\":\"{FORMAT_NAME}\",\"schema_version\":{n},{rest}"
        )),
        (0u32..=SCHEMA_VERSION, json_value()).prop_map(|(n, v)| {
            let mut doc = json!({"format": FORMAT_NAME, "schema_version": n,
                "created_at": "2026-11-22T09:00:00Z", "updated_at": "2026-11-22T09:00:00Z"});
            if let Value::Object(fields) = v {
                doc.as_object_mut().unwrap().extend(fields);
            }
            doc.to_string()
        }),
    ]
}

// ---------------------------------------------------------------------------
// Applying the changes

/// Which nodes a change can pick: `key` is the field name the node sits
/// under (`None` for the root and array elements).
type Kind = fn(Option<&str>, &Value) -> bool;

fn any_node(_: Option<&str>, _: &Value) -> bool {
    true
}
fn a_string(_: Option<&str>, v: &Value) -> bool {
    v.is_string()
}
fn a_non_empty_array(_: Option<&str>, v: &Value) -> bool {
    v.as_array().is_some_and(|a| !a.is_empty())
}
fn an_object(_: Option<&str>, v: &Value) -> bool {
    v.is_object()
}
fn a_non_empty_object(_: Option<&str>, v: &Value) -> bool {
    v.as_object().is_some_and(|o| !o.is_empty())
}
fn an_id(key: Option<&str>, v: &Value) -> bool {
    key == Some("id") && v.is_string()
}

/// How many nodes of `doc` are of `kind` (walked in document order).
fn count(doc: &Value, key: Option<&str>, kind: Kind) -> usize {
    let below: usize = match doc {
        Value::Array(items) => items.iter().map(|v| count(v, None, kind)).sum(),
        Value::Object(fields) => fields.iter().map(|(k, v)| count(v, Some(k), kind)).sum(),
        _ => 0,
    };
    below + usize::from(kind(key, doc))
}

/// The `n`-th node of `kind`, counting from 0 in the order `count` walks.
fn nth<'a>(
    doc: &'a mut Value,
    key: Option<&str>,
    kind: Kind,
    n: &mut usize,
) -> Option<&'a mut Value> {
    if kind(key, doc) {
        if *n == 0 {
            return Some(doc);
        }
        *n -= 1;
    }
    match doc {
        Value::Array(items) => items.iter_mut().find_map(|v| nth(v, None, kind, n)),
        Value::Object(fields) => fields
            .iter_mut()
            .find_map(|(k, v)| nth(v, Some(k), kind, n)),
        _ => None,
    }
}

/// The node of `kind` that `index` picks, if `doc` has any.
fn pick<'a>(doc: &'a mut Value, kind: Kind, index: &Index) -> Option<&'a mut Value> {
    let total = count(doc, None, kind);
    if total == 0 {
        return None;
    }
    nth(doc, None, kind, &mut index.index(total))
}

fn apply_edit(doc: &mut Value, edit: &Edit) {
    match edit {
        Edit::Replace(i, with) => {
            if let Some(node) = pick(doc, any_node, i) {
                *node = with.clone();
            }
        }
        Edit::SetText(i, text) => {
            if let Some(node) = pick(doc, a_string, i) {
                *node = Value::from(text.as_str());
            }
        }
        Edit::SchemaVersion(v) => {
            if let Some(fields) = doc.as_object_mut() {
                fields.insert("schema_version".into(), v.clone());
            }
        }
        Edit::DuplicateElement(a, e) => {
            if let Some(Value::Array(items)) = pick(doc, a_non_empty_array, a) {
                let n = e.index(items.len());
                let copy = items[n].clone();
                items.insert(n + 1, copy);
            }
        }
        Edit::RemoveField(o, f) => {
            if let Some(Value::Object(fields)) = pick(doc, a_non_empty_object, o) {
                let key = fields.keys().nth(f.index(fields.len())).unwrap().clone();
                fields.remove(&key);
            }
        }
        Edit::AddField(o, name, v) => {
            if let Some(Value::Object(fields)) = pick(doc, an_object, o) {
                fields.insert(name.clone(), v.clone());
            }
        }
        Edit::ShareId(a, b) => {
            if let Some(id) = pick(doc, an_id, a).map(|v| v.clone()) {
                if let Some(node) = pick(doc, an_id, b) {
                    *node = id;
                }
            }
        }
    }
}

fn apply_splice(bytes: &mut Vec<u8>, splice: &Splice) {
    let len = bytes.len();
    match splice {
        Splice::Delete(i, n) if len > 0 => {
            let start = i.index(len);
            bytes.drain(start..(start + n).min(len));
        }
        Splice::Insert(i, inserted) => {
            let at = i.index(len + 1);
            bytes.splice(at..at, inserted.iter().copied());
        }
        Splice::Flip(i, b) if len > 0 => bytes[i.index(len)] = *b,
        Splice::Truncate(i) => bytes.truncate(i.index(len + 1)),
        _ => {}
    }
}

/// A base document changed by `edits`, written compact or pretty, then
/// changed as text by `splices`.
fn mutate(base: &Value, edits: &[Edit], pretty: bool, splices: &[Splice]) -> String {
    let mut doc = base.clone();
    for e in edits {
        apply_edit(&mut doc, e);
    }
    let text = if pretty {
        serde_json::to_string_pretty(&doc).unwrap()
    } else {
        doc.to_string()
    };
    if splices.is_empty() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for s in splices {
        apply_splice(&mut bytes, s);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

// ---------------------------------------------------------------------------
// The properties

/// A refusal's message: there is one, and it has none of the parser's jargon.
fn check_message(message: &str) -> Result<(), TestCaseError> {
    prop_assert!(!message.trim().is_empty(), "an empty message");
    for jargon in [
        "EOF",
        "column",
        "recursion limit",
        "invalid type",
        "invalid value",
        "expected",
        "missing field",
        "unknown variant",
        "input is out of range",
        "premature end",
    ] {
        prop_assert!(!message.contains(jargon), "jargon in {:?}", message);
    }
    Ok(())
}

/// The first text in a document read and written back that still holds a
/// control character other than a line break or tab: any string at all,
/// except the links the app's own lists and ids make (`id`, `…_id`,
/// capabilities) and the format's name, which are checked as they are.
fn control_character_in(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => text
            .chars()
            .any(crate::model::common::user_text::is_unwanted)
            .then(|| text.clone()),
        Value::Array(items) => items.iter().find_map(control_character_in),
        Value::Object(fields) => fields.iter().find_map(|(key, field)| {
            let link = key == "id"
                || key.ends_with("_id")
                || key == "capability"
                || key == "capabilities"
                || key == "format";
            if link {
                None
            } else {
                control_character_in(field)
            }
        }),
        _ => None,
    }
}

/// `read_workbook` either accepts a document that has no shared ids and no
/// control characters, and reads back equal when written out as a backup,
/// or refuses it in plain English.
fn check_backup(text: &str) -> Result<(), TestCaseError> {
    match read_workbook(text) {
        // A file brought in has its sections read and checked too, as the
        // page that brings it in does.
        Ok(wb) if sections_problem(&wb).is_some() => {
            check_message(&sections_problem(&wb).unwrap())?;
        }
        Ok(wb) => {
            prop_assert_eq!(duplicate_id(&wb), None);
            let written = serde_json::to_value(&wb).unwrap();
            prop_assert_eq!(control_character_in(&written), None, "left in");
            prop_assert_eq!(wb.schema_version, SCHEMA_VERSION);
            prop_assert_eq!(read_workbook(&to_json(&wb)), Ok(wb));
        }
        Err(e) => check_message(&e.to_string())?,
    }
    Ok(())
}

/// The same for a shared assessment, whose refusals are shown through
/// `import_error_message`.
fn check_assessment(text: &str) -> Result<(), TestCaseError> {
    match read_assessment_export(text) {
        Ok(a) => {
            let written = serde_json::to_value(&a).unwrap();
            prop_assert_eq!(control_character_in(&written), None, "left in");
            prop_assert_eq!(read_assessment_export(&assessment_to_json(&a)), Ok(a));
        }
        Err(e) => {
            check_message(&e.to_string())?;
            check_message(&import_error_message(&e))?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(BACKUP_TREE_CASES))]
    #[test]
    fn backups_changed_as_json_are_refused_or_round_trip(
        base in 0..backup_bases().len(),
        edits in prop::collection::vec(edit(), 1..4),
        pretty in any::<bool>(),
    ) {
        check_backup(&mutate(&backup_bases()[base], &edits, pretty, &[]))?;
    }
}

proptest! {
    #![proptest_config(config(BACKUP_TEXT_CASES))]
    #[test]
    fn backups_changed_as_text_are_refused_or_round_trip(
        base in 0..backup_bases().len(),
        edits in prop::collection::vec(edit(), 0..2),
        pretty in any::<bool>(),
        splices in prop::collection::vec(splice(), 1..4),
    ) {
        check_backup(&mutate(&backup_bases()[base], &edits, pretty, &splices))?;
    }
}

proptest! {
    #![proptest_config(config(ASSESSMENT_CASES))]
    #[test]
    fn shared_assessments_changed_are_refused_or_round_trip(
        base in 0..assessment_bases().len(),
        edits in prop::collection::vec(edit(), 0..4),
        pretty in any::<bool>(),
        splices in prop::collection::vec(splice(), 0..3),
    ) {
        check_assessment(&mutate(&assessment_bases()[base], &edits, pretty, &splices))?;
    }
}

proptest! {
    #![proptest_config(config(ARBITRARY_CASES))]
    #[test]
    fn arbitrary_text_is_refused_or_round_trips_in_both_readers(text in arbitrary_text()) {
        check_backup(&text)?;
        check_assessment(&text)?;
    }
}

/// The unchanged bases are accepted: the properties above start from
/// documents that read, so their refusals come from the changes.
#[test]
fn the_unchanged_bases_are_accepted() {
    for base in backup_bases() {
        let text = base.to_string();
        assert!(read_workbook(&text).is_ok(), "{text}");
        check_backup(&text).unwrap();
    }
    let wb = workbook_with_every_kind_of_record();
    assert_eq!(read_workbook(&to_json(&wb)).unwrap(), wb);
    assert_eq!(read_workbook(&to_compact_json(&wb)).unwrap(), wb);
    assert_eq!(read_workbook(&to_storage_text(&wb)).unwrap(), wb);
    for base in assessment_bases() {
        let text = base.to_string();
        assert!(read_assessment_export(&text).is_ok(), "{text}");
        check_assessment(&text).unwrap();
    }
}
