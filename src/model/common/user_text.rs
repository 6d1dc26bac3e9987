//! Text a person typed, as saved records hold it: `UserText`, the type of
//! every field of free text (a goal's title, a reflection, an evidence note).
//!
//! It is read without control characters (NUL, escape, the C1 controls),
//! keeping line breaks and tabs: every file the app takes in and the copy in
//! local storage pass through here, so no record can hold one, whichever
//! record kind a field is added to later. Text full of HTML is kept as it
//! is: the pages show text, never HTML, so `<script>` in a note is only ever
//! shown as those characters. Written, and described in the JSON Schemas,
//! exactly as a `String`.

use std::fmt;
use std::ops::{Deref, DerefMut};

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Free text a user typed. Derefs to `String` (so `&str` too), compares with
/// text, and is made from a `String` or `&str` as it is (only reading strips).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UserText(String);

/// True for characters to strip from typed text: control characters (such
/// as NUL, escape, or the C1 controls), except line breaks and tabs.
pub fn is_unwanted(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Whether `text` may hold an unwanted character. Every workbook is read as
/// it opens, so first a byte scan, which is several times quicker than
/// decoding characters: C0 controls and DEL are single bytes, and C1
/// controls (U+0080 to U+009F) start with byte 0xC2, as do some ordinary
/// characters, which the exact check then keeps.
fn may_hold_one(text: &str) -> bool {
    text.bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7F || b == 0xC2)
}

/// Removes the unwanted control characters from one piece of text; leaves
/// text without any untouched (no new allocation).
pub fn clean(text: &mut String) {
    if may_hold_one(text) && text.chars().any(is_unwanted) {
        text.retain(|c| !is_unwanted(c));
    }
}

impl UserText {
    pub fn into_string(self) -> String {
        self.0
    }
}

impl Deref for UserText {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

/// Changed in place as a `String` (as the app changes its own text, it is
/// kept as given).
impl DerefMut for UserText {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.0
    }
}

impl AsRef<str> for UserText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UserText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for UserText {
    fn from(text: String) -> Self {
        UserText(text)
    }
}

impl From<&str> for UserText {
    fn from(text: &str) -> Self {
        UserText(text.to_string())
    }
}

impl From<UserText> for String {
    fn from(text: UserText) -> Self {
        text.0
    }
}

impl PartialEq<str> for UserText {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for UserText {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for UserText {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl PartialEq<UserText> for String {
    fn eq(&self, other: &UserText) -> bool {
        self == &other.0
    }
}

impl PartialEq<UserText> for &str {
    fn eq(&self, other: &UserText) -> bool {
        *self == other.0
    }
}

impl Serialize for UserText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Reads a string, copying it only once and cleaning it on the way.
struct Cleaned;

impl Visitor<'_> for Cleaned {
    type Value = UserText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<UserText, E> {
        self.visit_string(text.to_string())
    }

    fn visit_string<E: de::Error>(self, mut text: String) -> Result<UserText, E> {
        clean(&mut text);
        Ok(UserText(text))
    }
}

impl<'de> Deserialize<'de> for UserText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_string(Cleaned)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for UserText {
    fn inline_schema() -> bool {
        <String as schemars::JsonSchema>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <String as schemars::JsonSchema>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <String as schemars::JsonSchema>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String as schemars::JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_stripped_when_read_and_nothing_else() {
        let read = |json: &str| serde_json::from_str::<UserText>(json).unwrap();
        assert_eq!(
            read(r#""Board\u0000 minutes\u001b[31m, \u0085March\u009f""#),
            "Board minutes[31m, March"
        );
        // Line breaks, tabs, HTML, accents and emoji are kept.
        let kept = "Line one\r\nline\ttwo <script>alert(1)</script> é 😀 \u{a0}";
        assert_eq!(read(&serde_json::to_string(kept).unwrap()), kept);
        // From a JSON value (an owned string) too.
        let value = serde_json::json!("a\u{7f}b");
        assert_eq!(serde_json::from_value::<UserText>(value).unwrap(), "ab");
        // A string is what is expected.
        let number = serde_json::from_str::<UserText>("3").unwrap_err();
        assert!(number
            .to_string()
            .starts_with("invalid type: integer `3`, expected a string"));
    }

    #[test]
    fn made_in_the_app_it_is_kept_as_given_and_written_as_a_string() {
        let text = UserText::from("Tab\there \u{1}");
        assert_eq!(text.as_str(), "Tab\there \u{1}");
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            serde_json::to_string("Tab\there \u{1}").unwrap()
        );
        fn schema<T: schemars::JsonSchema>() -> serde_json::Value {
            serde_json::to_value(schemars::schema_for!(T)).unwrap()
        }
        assert_eq!(schema::<UserText>(), schema::<String>());
        assert_eq!(schema::<Vec<UserText>>(), schema::<Vec<String>>());
    }

    #[test]
    fn cleaning_leaves_clean_text_alone() {
        for kept in ["", "plain", "Zoë – “quoted” ©", "\u{a0}"] {
            let mut text = kept.to_string();
            let before = text.as_ptr();
            clean(&mut text);
            assert_eq!((text.as_str(), text.as_ptr()), (kept, before));
        }
        let mut text = "\u{80}x\u{9f}".to_string();
        clean(&mut text);
        assert_eq!(text, "x");
    }
}
