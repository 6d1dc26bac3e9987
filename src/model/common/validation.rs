//! Form validation results, shaped for the NHS.UK error summary pattern: each
//! error names the field it belongs to so the summary can link to it.

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

/// The message for one field, if it has one.
pub fn message_for<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}
