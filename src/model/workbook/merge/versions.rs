//! Two versions of a record side by side, in the user's words, for the
//! conflicts a merge lists.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::model::common::dates::{clock_time, long_date};
use crate::model::common::saved_dates::read_day;

pub(crate) fn to_value<T: Serialize>(record: &T) -> Value {
    // Records are plain structs with string keys: serialising cannot fail.
    // Through compact text, with the writer the workbook is saved with, so
    // the browser build needs no second writer for JSON values.
    let text = serde_json::to_string(record).expect("a record serialises");
    serde_json::from_str(&text).expect("what serde_json wrote, it reads")
}

/// "24 November 2026 at 09:05 UTC".
pub(crate) fn when(at: DateTime<Utc>) -> String {
    format!("{} at {} UTC", long_date(at.date_naive()), clock_time(&at))
}

/// Short summaries of two versions of a record (as JSON): the fields that
/// differ, with their values, and when each was last changed.
pub(crate) fn versions(
    kept: &Value,
    kept_at: DateTime<Utc>,
    other: &Value,
    other_at: DateTime<Utc>,
) -> (String, String) {
    let ours = fields(kept);
    let theirs = fields(other);
    let mut keys: Vec<&str> = ours.iter().map(|(k, _)| k.as_str()).collect();
    for (k, _) in &theirs {
        if !keys.contains(&k.as_str()) {
            keys.push(k.as_str());
        }
    }
    let look = |list: &[(String, String)], key: &str| {
        list.iter()
            .find(|(k, _)| k == key)
            .map_or_else(|| "(none)".to_string(), |(_, v)| v.clone())
    };
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for key in keys {
        let (x, y) = (look(&ours, key), look(&theirs, key));
        if x != y {
            a.push(format!("{key}: {x}"));
            b.push(format!("{key}: {y}"));
        }
    }
    let summary = |diffs: Vec<String>, at| {
        let changed = format!("last changed {}", when(at));
        let text = if diffs.is_empty() {
            changed
        } else {
            format!("{}. {}", diffs.join("; "), capitalised(&changed))
        };
        capitalised(&text)
    };
    (summary(a, kept_at), summary(b, other_at))
}

/// The parts of one field that differ between two versions, each as
/// "part: value" joined with "; " (the value itself when the field is not
/// made of parts): for a goal's `support`, "Mentoring, Coaching" against
/// "Mentoring"; for an assessment's `answers`, only the statements whose
/// answers differ.
pub(crate) fn differing_leaves(ours: &Value, theirs: &Value) -> (String, String) {
    let leaves = |value: &Value| {
        let mut out = Vec::new();
        match value {
            Value::Object(map) if !map.is_empty() => {
                for (key, v) in map {
                    flatten(label(key), v, &mut out);
                }
            }
            other => out.push((String::new(), shown(other))),
        }
        out
    };
    let (a, b) = (leaves(ours), leaves(theirs));
    let look = |list: &[(String, String)], key: &str| {
        list.iter()
            .find(|(k, _)| k == key)
            .map_or_else(|| "(none)".to_string(), |(_, v)| v.clone())
    };
    let mut keys: Vec<&str> = a.iter().map(|(k, _)| k.as_str()).collect();
    keys.extend(
        b.iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !a.iter().any(|(x, _)| x == k)),
    );
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for key in keys {
        let (p, q) = (look(&a, key), look(&b, key));
        if p != q {
            let named = |v: String| {
                if key.is_empty() {
                    v
                } else {
                    format!("{key}: {v}")
                }
            };
            x.push(named(p));
            y.push(named(q));
        }
    }
    (x.join("; "), y.join("; "))
}

fn label(key: &str) -> String {
    key.replace('_', " ")
}

fn flatten(path: String, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, v) in map {
                flatten(format!("{path} › {}", label(key)), v, out);
            }
        }
        other => out.push((path, shown(other))),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A record's own fields as (label, value shown) pairs, nested fields
/// flattened ("answers › power-1 › rating › level"), its id and times left out.
fn fields(value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Value::Object(map) = value {
        for (key, v) in map {
            if !["id", "created_at", "updated_at"].contains(&key.as_str()) {
                flatten(label(key), v, &mut out);
            }
        }
    }
    out
}

/// A value as a person reads it: dates written out, text quoted and cut short.
fn shown(value: &Value) -> String {
    const LONGEST: usize = 120;
    match value {
        Value::Null => "(none)".into(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.is_empty() => "(empty)".into(),
        Value::String(s) => match read_day(s) {
            Ok(date) => long_date(date),
            Err(_) if s.chars().count() > LONGEST => {
                format!("\"{}…\"", s.chars().take(LONGEST).collect::<String>())
            }
            Err(_) => format!("\"{s}\""),
        },
        Value::Array(items) if items.is_empty() => "(none)".into(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        Value::Object(map) if map.is_empty() => "(none)".into(),
        Value::Object(_) => value.to_string(),
    }
}
