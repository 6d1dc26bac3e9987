//! Whether an edit form is stale: the record it was opened on has changed
//! since (in another tab, by a merge or an undo), and what changed, in the
//! user's words, so saving never overwrites a newer change unseen.
//!
//! Each draft lists its fields as the form shows them (`Shown`: the form's
//! label, the value as a person reads it). The form keeps the draft made when
//! it opened; before saving it compares that with the draft made from the
//! record now (`staleness`). Only the form's own fields count: a change the
//! form does not hold (an action added under a goal) leaves the draft as it
//! was, so it is no conflict.

use super::dates::{long_date, parse_optional_date};

/// What stands in for a field with no value, in every list of differences.
pub const EMPTY: &str = "(empty)";

/// One field of a draft as the form shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The form's label for it, without "(optional)".
    pub label: &'static str,
    /// The value as a person reads it: "1 December 2026", "Achieved", "(empty)".
    pub value: String,
}

impl Shown {
    /// Text as typed, or "(empty)" when there is none.
    pub fn text(label: &'static str, text: &str) -> Self {
        let value = if text.trim().is_empty() {
            EMPTY.to_string()
        } else {
            text.to_string()
        };
        Shown { label, value }
    }

    /// A date field's value (`year-month-day`, as the date boxes give it):
    /// "1 December 2026"; one not yet a date is shown as its boxes read,
    /// day month year ("1 13 2026"), so the user recognises what they typed.
    pub fn date(label: &'static str, typed: &str) -> Self {
        let value = match parse_optional_date(typed) {
            Ok(None) => EMPTY.to_string(),
            Ok(Some(date)) => long_date(date),
            Err(_) => {
                let mut parts: Vec<&str> = typed.splitn(3, '-').map(str::trim).collect();
                parts.reverse();
                parts.retain(|part| !part.is_empty());
                parts.join(" ")
            }
        };
        Shown { label, value }
    }

    /// A choice shown by its label, "(empty)" when none is made.
    pub fn choice(label: &'static str, chosen: Option<&str>) -> Self {
        Shown::text(label, chosen.unwrap_or(""))
    }

    /// Several choices (checkboxes), by their labels in the order given,
    /// joined with semicolons; "(empty)" when none is ticked.
    pub fn list<S: AsRef<str>>(label: &'static str, chosen: impl IntoIterator<Item = S>) -> Self {
        let items: Vec<String> = chosen.into_iter().map(|s| s.as_ref().to_string()).collect();
        Shown::text(label, &items.join("; "))
    }

    /// A yes-or-no checkbox.
    pub fn yes_no(label: &'static str, on: bool) -> Self {
        Shown {
            label,
            value: if on { "Yes" } else { "No" }.to_string(),
        }
    }
}

/// One field that changed in the record after the form was opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub label: &'static str,
    /// The record's value when the form was opened.
    pub opened: String,
    /// The record's value now.
    pub now: String,
    /// What the form holds now (the user may have changed it too).
    pub in_form: String,
}

/// Whether a form may save over its record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Staleness {
    /// The record's fields are as they were when the form opened.
    Fresh,
    /// They changed since; the fields that differ (empty only when the change
    /// shows no differently, such as a link to another project of the same name).
    Changed(Vec<Difference>),
    /// The record was deleted since the form opened.
    Deleted,
}

/// Compares the draft made when the form opened with the draft made from the
/// record now (`None`: it is gone), and lists what changed beside what the
/// form holds. `shown` lists a draft's fields (the same labels, in the same
/// order, for every draft of a kind).
pub fn staleness<D: PartialEq>(
    opened: &D,
    now: Option<&D>,
    in_form: &D,
    shown: impl Fn(&D) -> Vec<Shown>,
) -> Staleness {
    match now {
        None => Staleness::Deleted,
        Some(now) if now == opened => Staleness::Fresh,
        Some(now) => Staleness::Changed(differences(&shown(opened), &shown(now), &shown(in_form))),
    }
}

/// The fields whose value differs between `opened` and `now`, with the form's
/// value beside them. Fields are matched by label.
pub fn differences(opened: &[Shown], now: &[Shown], in_form: &[Shown]) -> Vec<Difference> {
    let value_in = |list: &[Shown], label: &str| {
        list.iter()
            .find(|s| s.label == label)
            .map_or_else(|| EMPTY.to_string(), |s| s.value.clone())
    };
    now.iter()
        .filter_map(|field| {
            let before = value_in(opened, field.label);
            (before != field.value).then(|| Difference {
                label: field.label,
                opened: before,
                now: field.value.clone(),
                in_form: value_in(in_form, field.label),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Draft {
        title: String,
        due: String,
        done: bool,
    }

    fn shown(d: &Draft) -> Vec<Shown> {
        vec![
            Shown::text("Title", &d.title),
            Shown::date("Due date", &d.due),
            Shown::yes_no("Done", d.done),
        ]
    }

    fn draft(title: &str, due: &str, done: bool) -> Draft {
        Draft {
            title: title.into(),
            due: due.into(),
            done,
        }
    }

    #[test]
    fn values_read_as_the_user_reads_them() {
        assert_eq!(Shown::text("T", "  ").value, "(empty)");
        assert_eq!(Shown::text("T", "Chair the board").value, "Chair the board");
        assert_eq!(
            Shown::date("D", "2026-12-01").value,
            "1 December 2026",
            "a saved date"
        );
        assert_eq!(
            Shown::date("D", "2026-12-1").value,
            "1 December 2026",
            "typed without a leading zero"
        );
        assert_eq!(Shown::date("D", "").value, "(empty)");
        assert_eq!(
            Shown::date("D", "2026-13-1").value,
            "1 13 2026",
            "not a date: its boxes, day first"
        );
        assert_eq!(Shown::date("D", "2026--").value, "2026");
        assert_eq!(Shown::choice("S", Some("Achieved")).value, "Achieved");
        assert_eq!(Shown::choice("S", None).value, "(empty)");
        assert_eq!(Shown::list("L", ["a", "b"]).value, "a; b");
        assert_eq!(Shown::list::<&str>("L", []).value, "(empty)");
        assert_eq!(Shown::yes_no("Y", false).value, "No");
    }

    #[test]
    fn an_unchanged_record_is_fresh_whatever_the_form_holds() {
        let opened = draft("Chair the board", "", false);
        let in_form = draft("Chair the programme board", "2027-03-31", true);
        assert_eq!(
            staleness(&opened, Some(&opened.clone()), &in_form, shown),
            Staleness::Fresh
        );
    }

    #[test]
    fn a_changed_record_lists_only_the_fields_that_changed_with_the_forms_value() {
        let opened = draft("Chair the board", "2027-03-31", false);
        let now = draft("Chair the board", "2027-03-31", true);
        let in_form = draft("Chair the programme board", "2027-3-31", false);
        assert_eq!(
            staleness(&opened, Some(&now), &in_form, shown),
            Staleness::Changed(vec![Difference {
                label: "Done",
                opened: "No".into(),
                now: "Yes".into(),
                in_form: "No".into(),
            }])
        );
        let both = draft("Lead the board", "", true);
        let Staleness::Changed(found) = staleness(&opened, Some(&both), &in_form, shown) else {
            panic!("stale");
        };
        let labels: Vec<&str> = found.iter().map(|d| d.label).collect();
        assert_eq!(labels, ["Title", "Due date", "Done"]);
        assert_eq!(found[1].opened, "31 March 2027");
        assert_eq!(found[1].now, "(empty)");
        assert_eq!(found[1].in_form, "31 March 2027");
        assert_eq!(found[0].in_form, "Chair the programme board");
    }

    #[test]
    fn a_deleted_record_is_told_apart_from_a_changed_one() {
        let opened = draft("x", "", false);
        assert_eq!(staleness(&opened, None, &opened, shown), Staleness::Deleted);
    }
}
