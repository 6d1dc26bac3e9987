//! Form validation results, shaped for the NHS.UK error summary pattern: each
//! error names the field it belongs to so the summary can link to it. Also the
//! checks every area's forms share (a required text, a required real date).

use chrono::NaiveDate;

use super::dates::parse_optional_date;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The id of the form control the message is about.
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// A required date: present, real and (when `not_after` is given) not later than it.
pub fn required_date(
    text: &str,
    field: &'static str,
    what: &str,
    not_after: Option<NaiveDate>,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    match parse_optional_date(text) {
        Ok(None) => {
            errors.push(FieldError::new(field, format!("Enter the {what}")));
            None
        }
        Err(problem) => {
            errors.push(FieldError::new(field, problem.message(what)));
            None
        }
        Ok(Some(d)) if not_after.is_some_and(|latest| d > latest) => {
            errors.push(FieldError::new(
                field,
                format!("The {what} must be today or in the past"),
            ));
            None
        }
        Ok(Some(d)) => Some(d),
    }
}

/// An optional date: empty is none; anything else must be a real date.
pub fn optional_date(
    text: &str,
    field: &'static str,
    what: &str,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    match parse_optional_date(text) {
        Ok(date) => date,
        Err(problem) => {
            errors.push(FieldError::new(field, problem.message(what)));
            None
        }
    }
}

/// Text that must not be empty: trimmed, or an error naming the field.
pub fn required_text(
    text: &str,
    field: &'static str,
    message: &str,
    errors: &mut Vec<FieldError>,
) -> String {
    let text = text.trim();
    if text.is_empty() {
        errors.push(FieldError::new(field, message));
    }
    text.to_string()
}

/// The message for one field, if it has one.
pub fn message_for<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}
