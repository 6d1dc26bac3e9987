//! Tests of the checks every imported file passes.

use serde_json::{json, Value};

use super::*;
use crate::model::files::assessment_file::{
    assessment_to_json, import_error_message, read_assessment_export,
};
use crate::model::files::backup::{read_workbook, to_json};
use crate::model::files::formats::{ReadError, MAX_IMPORT_BYTES};
use crate::model::plan::Action;
use crate::model::workbook::fixtures::{an_assessment, workbook_with_every_kind_of_record};

fn backup_value() -> Value {
    serde_json::from_str(&to_json(&workbook_with_every_kind_of_record())).unwrap()
}

fn export_value() -> Value {
    serde_json::from_str(&assessment_to_json(&an_assessment("assessment-1"))).unwrap()
}

/// The detail of an `Invalid` refusal, or a panic naming what came instead.
fn invalid_detail(result: Result<impl std::fmt::Debug, ReadError>) -> String {
    match result {
        Err(ReadError::Invalid(detail)) => detail,
        other => panic!("expected an invalid-file refusal, got {other:?}"),
    }
}

/// Why a backup is refused as a whole: as it is read, or (for a section
/// read later, such as the placement log) by `sections_problem`, as the
/// page that brings a backup in checks it.
fn refusal_of(text: &str) -> String {
    match read_workbook(text) {
        Err(ReadError::Invalid(detail)) => detail,
        Err(other) => panic!("expected an invalid-file refusal, got {other:?}"),
        Ok(wb) => sections_problem(&wb).expect("a refusal of its sections"),
    }
}

/// A message a person can read: none of the parser's words.
fn assert_plain(message: &str) {
    for jargon in [
        "EOF",
        "column",
        "recursion",
        "invalid type",
        "invalid value",
        "expected",
        "input is out of range",
        "map",
        "sequence",
    ] {
        assert!(
            !message.contains(jargon),
            "jargon {jargon:?} in {message:?}"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_parsed() {
    // Nested brackets: parsing it would refuse it as too deep, so a
    // too-large refusal shows the size was checked first. (How long the
    // refusal takes is reported by the benchmark,
    // `examples/import_checks_bench.rs`, not asserted here.)
    let huge = "[".repeat(MAX_IMPORT_BYTES + 1);
    let err = read_workbook(&huge).unwrap_err();
    assert_eq!(
        err,
        ReadError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        }
    );
    assert_eq!(
        read_assessment_export(&huge).unwrap_err(),
        ReadError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        }
    );
    assert_eq!(
        err.to_string(),
        "The file is too large to open: it is 20 MB, and a file saved by this app is never \
         more than 20 MB. It may be damaged, or it may not be a file from this app."
    );
    let fifty = ReadError::TooLarge {
        bytes: 50 * 1000 * 1000,
    };
    assert!(fifty.to_string().contains("it is 48 MB"), "{fifty}");
    assert!(ReadError::TooLarge { bytes: 21_500_000 }
        .to_string()
        .contains("it is 21 MB"));
    // A real backup is far below the limit: the fixture-sized one is a few kB.
    assert!(to_json(&workbook_with_every_kind_of_record()).len() < 20_000);
}

#[test]
fn ten_thousand_nested_brackets_are_refused_in_plain_english() {
    let deep = "[".repeat(10_000);
    let closed = format!("{deep}{}", "]".repeat(10_000));
    let in_a_field =
        format!(r#"{{"format":"commissioning-workbook","schema_version":4,"x":{closed}}}"#);
    for text in [&deep, &closed, &in_a_field] {
        let err = read_workbook(text).unwrap_err();
        assert_eq!(err, ReadError::TooDeeplyNested);
        assert_eq!(
            read_assessment_export(text).unwrap_err(),
            ReadError::TooDeeplyNested
        );
        let message = err.to_string();
        assert!(
            message.contains("nested more than 128 levels deep"),
            "{message}"
        );
        assert_plain(&message);
        assert_plain(&import_error_message(&err));
    }
}

#[test]
fn a_duplicated_record_of_any_kind_is_refused_naming_its_id() {
    let lists = [
        ("/assessments", "assessment-1"),
        ("/partner_assessments", "partner-1"),
        ("/plans", "plan-1"),
        ("/plans/0/goals", "goal-1"),
        ("/plans/0/goals/0/actions", "action-1"),
        ("/plans/0/goals/0/evidence", "evidence-1"),
        ("/plans/0/reviews", "review-1"),
        ("/plans/0/self_ratings", "self-rating-1"),
        ("/placements", "placement-1"),
        ("/placements/0/projects", "project-1"),
        ("/placements/0/projects/0/milestones", "milestone-1"),
        ("/placements/0/entries", "activity-1"),
    ];
    for (list, id) in lists {
        let mut value = backup_value();
        let items = value.pointer_mut(list).unwrap().as_array_mut().unwrap();
        assert_eq!(items.len(), 1, "{list}");
        assert_eq!(items[0]["id"], json!(id));
        items.push(items[0].clone());
        let detail = refusal_of(&value.to_string());
        // The same words whether the records are read at once or, in a
        // section, when it is read.
        assert_eq!(
            detail,
            format!(
                "two records have the same id \"{id}\", so a change to one could reach the other"
            )
        );
    }
}

#[test]
fn records_of_different_kinds_may_not_share_an_id_either() {
    let mut wb = workbook_with_every_kind_of_record();
    assert_eq!(duplicate_id(&wb), None);
    wb.placements.get_mut().unwrap().placements[0].projects[0].milestones[0].id = "goal-1".into();
    assert_eq!(duplicate_id(&wb).as_deref(), Some("goal-1"));
    let err = refusal_of(&to_json(&wb));
    assert!(err.contains("the same id \"goal-1\""), "{err}");

    // A tombstone naming a live record's id is not a second record.
    let mut wb = workbook_with_every_kind_of_record();
    wb.deleted[0].id = "goal-1".into();
    assert_eq!(duplicate_id(&wb), None);

    // A hostile id is quoted short and without control characters.
    let mut wb = workbook_with_every_kind_of_record();
    let long = format!("\u{1b}[2J{}", "x".repeat(500));
    wb.assessments[0].id = long.clone();
    wb.plans_mut().unwrap()[0].id = long;
    let detail = refusal_of(&to_json(&wb));
    assert!(
        detail.contains(&format!("\"[2J{}…\"", "x".repeat(37))),
        "{detail}"
    );
    assert!(!detail.contains('\u{1b}'));
}

#[test]
fn the_duplicate_check_finds_the_one_duplicate_among_200_000_records() {
    let mut wb = workbook_with_every_kind_of_record();
    let template = wb.plans()[0].goals[0].actions[0].clone();
    wb.plans_mut().unwrap()[0].goals[0].actions = (0..200_000)
        .map(|n| Action {
            id: format!("action-{n}"),
            ..template.clone()
        })
        .collect();
    // Pairwise comparison would take minutes; a set takes milliseconds.
    // The benchmark (`examples/import_checks_bench.rs`) reports the time
    // at this size and smaller ones; a test only checks the answer.
    assert_eq!(duplicate_id(&wb), None);
    wb.plans_mut().unwrap()[0].goals[0].actions[199_999].id = "action-0".into();
    assert_eq!(duplicate_id(&wb).as_deref(), Some("action-0"));
}

#[test]
fn control_characters_are_stripped_but_line_breaks_and_tabs_kept() {
    // "£" and "\u{a0}" share their first byte with the C1 controls and stay.
    let dirty = "a\u{0}b\u{7}c\u{1b}[31md\u{7f}e\u{85}f\u{9b}\r\n\tg £5\u{a0}";
    let clean = "abc[31mdef\r\n\tg £5\u{a0}";
    // A text field of every record kind.
    const DIRTY_FIELDS: [&str; 12] = [
        "/assessments/0/partnership",
        "/assessments/0/answers/power-1/evidence",
        "/partner_assessments/0/clinical_area",
        "/plans/0/name",
        "/plans/0/goals/0/title",
        "/plans/0/goals/0/actions/0/text",
        "/plans/0/goals/0/evidence/0/learnt",
        "/plans/0/reviews/0/summary",
        "/placements/0/objectives",
        "/placements/0/projects/0/stakeholders",
        "/placements/0/projects/0/milestones/0/title",
        "/placements/0/entries/0/learnt_about_self",
    ];
    let mut value = backup_value();
    for pointer in DIRTY_FIELDS {
        *value.pointer_mut(pointer).unwrap() = json!(dirty);
    }
    let wb = read_workbook(&value.to_string()).unwrap();
    let cleaned = serde_json::to_value(&wb).unwrap();
    for pointer in DIRTY_FIELDS {
        assert_eq!(
            cleaned.pointer(pointer).unwrap(),
            &json!(clean),
            "{pointer}"
        );
    }
    assert!(!to_json(&wb).contains("\\u0000"));
    assert!(!to_json(&wb).contains("\\u001b"));

    let mut export = export_value();
    export["assessment"]["partnership"] = json!(dirty);
    export["assessment"]["answers"]["power-1"]["evidence"] = json!(dirty);
    let a = read_assessment_export(&export.to_string()).unwrap();
    assert_eq!(a.partnership, clean);
    assert_eq!(a.answers["power-1"].evidence, clean);
}

#[test]
fn a_merge_conflict_is_cleaned_but_keeps_its_links() {
    let mut value = backup_value();
    let dirty = "Shadow\u{0} the\u{1b} chair";
    value["conflicts"][0]["description"] = json!(dirty);
    value["conflicts"][0]["other_record"]["text"] = json!(dirty);
    value["conflicts"][0]["other_record"]["id"] = json!("action\u{7}-1");
    let wb = read_workbook(&value.to_string()).unwrap();
    let conflict = &wb.conflicts[0];
    assert_eq!(conflict.description, "Shadow the chair");
    assert_eq!(conflict.other_record["text"], json!("Shadow the chair"));
    assert_eq!(
        conflict.other_record["id"],
        json!("action\u{7}-1"),
        "an id is a link, not text: left as it is"
    );

    // Two conflicts under one id: resolving one would drop both.
    let mut value = backup_value();
    let copy = value["conflicts"][0].clone();
    value["conflicts"].as_array_mut().unwrap().push(copy);
    let detail = invalid_detail(read_workbook(&value.to_string()));
    assert!(detail.contains("\"conflict-1\""), "{detail}");
    // A conflict names a live record by its record id: that is no duplicate.
    assert_eq!(duplicate_id(&workbook_with_every_kind_of_record()), None);
}

#[test]
fn a_fraction_in_a_merge_conflict_is_refused() {
    for (pointer, number) in [
        ("/conflicts/0/other_record/due", json!(1.5)),
        ("/conflicts/0/other_record", json!(-2.5e-300)),
        ("/conflicts/0/other_record/x", json!([{ "y": 1.0 }])),
    ] {
        let mut value = backup_value();
        if let Some(slot) = value.pointer_mut(pointer) {
            *slot = number;
        } else {
            value["conflicts"][0]["other_record"]["x"] = number;
        }
        let detail = invalid_detail(read_workbook(&value.to_string()));
        assert!(
            detail.contains("but records hold only whole numbers such as 3"),
            "{detail}"
        );
        assert_plain(&detail);
    }
    // Whole numbers, however large, are read and written exactly.
    let mut value = backup_value();
    value["conflicts"][0]["other_record"]["n"] = json!(u64::MAX);
    value["conflicts"][0]["other_record"]["m"] = json!(i64::MIN);
    let wb = read_workbook(&value.to_string()).unwrap();
    assert_eq!(read_workbook(&to_json(&wb)).unwrap(), wb);
}

#[test]
fn html_in_text_is_kept_exactly_as_typed() {
    let html = "<script>alert(\"x\")</script><img src=x onerror=alert(1)> & &amp; </textarea>";
    let mut wb = workbook_with_every_kind_of_record();
    wb.plans_mut().unwrap()[0].goals[0].detail = html.into();
    wb.placements.get_mut().unwrap().placements[0].entries[0].what_done = html.into();
    wb.assessments[0].partnership = html.into();
    let read = read_workbook(&to_json(&wb)).unwrap();
    assert_eq!(read, wb);
    assert_eq!(read.plans()[0].goals[0].detail, html);

    let mut a = an_assessment("assessment-1");
    a.partnership = html.into();
    assert_eq!(read_assessment_export(&assessment_to_json(&a)).unwrap(), a);
}

#[test]
fn an_impossible_date_is_named_in_plain_english() {
    let mut value = backup_value();
    value["plans"][0]["goals"][0]["target_date"] = json!("2026-02-30");
    assert_eq!(
        refusal_of(&value.to_string()),
        "its development plans cannot be read: the date \"2026-02-30\" does not exist"
    );

    let mut value = backup_value();
    value["assessments"][0]["date"] = json!("2026-02-30");
    let err = read_workbook(&value.to_string()).unwrap_err();
    assert_eq!(
        err,
        ReadError::Invalid("the date \"2026-02-30\" does not exist".into())
    );
    assert_eq!(
        err.to_string(),
        "The file looks like a workbook backup but part of it cannot be read: \
         the date \"2026-02-30\" does not exist."
    );

    let mut value = backup_value();
    value["placements"][0]["entries"][0]["created_at"] = json!("2026-02-30T09:00:00Z");
    assert_eq!(
        refusal_of(&value.to_string()),
        "its placement log cannot be read: the date and time \"2026-02-30T09:00:00Z\" does not exist"
    );

    let mut value = backup_value();
    value["plans"][0]["reviews"][0]["date"] = json!("next Tuesday");
    assert_eq!(
        refusal_of(&value.to_string()),
        "its development plans cannot be read: \"next Tuesday\" is not a date (dates are written like 2026-11-22)"
    );

    let mut export = export_value();
    export["assessment"]["date"] = json!("2026-02-30");
    let err = read_assessment_export(&export.to_string()).unwrap_err();
    assert_eq!(
        import_error_message(&err),
        "The file looks like a shared assessment but part of it cannot be read: \
         the date \"2026-02-30\" does not exist."
    );
    assert_plain(&err.to_string());
}

#[test]
fn wrong_types_are_refused_with_a_readable_message() {
    let cases: [(&str, Value); 7] = [
        ("/assessments", json!({})),
        ("/plans", json!("my plans")),
        ("/plans/0/goals/0/title", json!(42)),
        ("/placements/0/entries/0/minutes", json!(-5)),
        ("/placements/0/entries/0/minutes", json!("two hours")),
        ("/revision", json!(1.5)),
        (
            "/assessments/0/answers/power-1/rating",
            json!({ "level": 300 }),
        ),
    ];
    for (pointer, wrong) in cases {
        let mut value = backup_value();
        *value.pointer_mut(pointer).unwrap() = wrong.clone();
        let message = match read_workbook(&value.to_string()) {
            Err(err) => {
                assert!(matches!(err, ReadError::Invalid(_)), "{pointer}: {err:?}");
                err.to_string()
            }
            // The plans and the placement log are sections, checked whole when read.
            Ok(wb) if pointer.starts_with("/placements") || pointer.starts_with("/plans") => {
                sections_problem(&wb).unwrap()
            }
            Ok(_) => panic!("{pointer}: read"),
        };
        assert!(
            message.contains("of the wrong kind"),
            "{pointer}: {message}"
        );
        assert_plain(&message);
    }

    let mut export = export_value();
    export["assessment"]["partnership"] = json!(["a", "list"]);
    let err = read_assessment_export(&export.to_string()).unwrap_err();
    assert!(matches!(err, ReadError::Invalid(_)));
    assert_plain(&import_error_message(&err));

    let mut value = backup_value();
    value["placements"][0]["entries"][0]["activity_type"] = json!("juggling");
    let message = refusal_of(&value.to_string());
    assert!(
        message.ends_with("it holds a value this app does not know"),
        "{message}"
    );
}

#[test]
fn unknown_fields_are_ignored() {
    // A newer app of the same schema version may add a field with a
    // default; this one reads the rest and drops it on its next save.
    let mut value = backup_value();
    value["theme"] = json!("dark");
    value["plans"][0]["colour"] = json!({ "r": 1 });
    value["plans"][0]["goals"][0]["actions"][0]["remind_by_pigeon"] = json!(true);
    value["placements"][0]["entries"][0]["attachments"] = json!([1, 2]);
    let wb = read_workbook(&value.to_string()).unwrap();
    assert_eq!(wb, workbook_with_every_kind_of_record());
    assert!(!to_json(&wb).contains("pigeon"));

    let mut export = export_value();
    export["shared_by"] = json!("Dr Who");
    export["assessment"]["mood"] = json!("good");
    assert_eq!(
        read_assessment_export(&export.to_string()).unwrap(),
        an_assessment("assessment-1")
    );
}
