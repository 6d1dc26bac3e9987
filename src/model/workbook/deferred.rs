//! A part of the saved workbook that is read into its records only when a
//! page asks for them: the group view's rounds now, the support agreements
//! and business cases later.
//!
//! Why: the first download reads the whole workbook as the app starts, so
//! the code that reads every record kind is in it; each kind declared in the
//! tree made it bigger (three group kinds cost 7 KiB gzipped, over the
//! budget). A deferred section is kept as the JSON it was saved as until the
//! first page that needs it reads it, in that page's own part; a section
//! nobody opened is written back exactly as it was read.
//!
//! A section that cannot be read is never overwritten: its records are not
//! there to change (the tree finds no holder for them), `problem` says why,
//! and the saved JSON is written back as it was.

use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

pub struct Deferred<T> {
    /// The section as saved, until it is read (`Value::Null` when there was none).
    saved: Value,
    /// The section read into its records, or why it could not be.
    read: OnceLock<Result<T, String>>,
}

impl<T: DeserializeOwned + Default> Deferred<T> {
    /// A section read already: a new workbook's, or one made in a test.
    pub fn new(value: T) -> Self {
        Deferred {
            saved: Value::Null,
            read: OnceLock::from(Ok(value)),
        }
    }

    /// The section's records, read on first use; none when it cannot be read.
    pub fn get(&self) -> Option<&T> {
        self.read
            .get_or_init(|| Self::parse(&self.saved))
            .as_ref()
            .ok()
    }

    /// The section's records to change; none when it cannot be read. Once
    /// changed, it is saved from its records, not from the JSON it came as.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        self.get()?;
        self.saved = Value::Null;
        self.read.get_mut()?.as_mut().ok()
    }

    /// Why the section could not be read, once something has tried.
    pub fn problem(&self) -> Option<&str> {
        self.get();
        self.read.get()?.as_ref().err().map(String::as_str)
    }

    fn parse(saved: &Value) -> Result<T, String> {
        if saved.is_null() {
            return Ok(T::default());
        }
        // Read from text, as every other document is: the browser build then
        // carries one reader per record type, not a second one for JSON values.
        serde_json::from_str(&saved.to_string()).map_err(|e| e.to_string())
    }
}

impl<T> Deferred<T> {
    /// The section as it was saved, while it is not read (`Null` once it is,
    /// or when none was saved): for the checks that say in words what is
    /// wrong with one that cannot be read.
    pub fn saved(&self) -> &Value {
        &self.saved
    }
    /// The section's records if a page has read them already, without reading
    /// them: for the walks the first download makes at start, which must not
    /// carry every section's reader.
    pub fn if_read(&self) -> Option<&T> {
        self.read.get()?.as_ref().ok()
    }
}

impl<T: Serialize> Deferred<T> {
    /// True when there is nothing to save: the section was never saved, or
    /// it is read and empty (`is_empty` says what empty is for `T`).
    pub fn is_empty_by(&self, is_empty: impl Fn(&T) -> bool) -> bool {
        match self.read.get() {
            Some(Ok(value)) => is_empty(value),
            _ => self.saved.is_null(),
        }
    }
}

impl<T: DeserializeOwned + Default> Default for Deferred<T> {
    fn default() -> Self {
        Deferred::new(T::default())
    }
}

impl<T: Clone> Clone for Deferred<T> {
    fn clone(&self) -> Self {
        Deferred {
            saved: self.saved.clone(),
            read: self.read.clone(),
        }
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Deferred<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.read.get() {
            Some(Ok(value)) => value.fmt(f),
            Some(Err(problem)) => write!(f, "unreadable ({problem}): {}", self.saved),
            None => write!(f, "not read yet: {}", self.saved),
        }
    }
}

/// Two sections are equal when they hold the same records, read or not.
impl<T: PartialEq + Serialize> PartialEq for Deferred<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self.if_read(), other.if_read()) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.saved == other.saved,
            (Some(read), None) => serde_json::to_value(read).ok().as_ref() == Some(&other.saved),
            (None, Some(read)) => serde_json::to_value(read).ok().as_ref() == Some(&self.saved),
        }
    }
}

impl<T: Serialize> Serialize for Deferred<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.read.get() {
            Some(Ok(value)) => value.serialize(serializer),
            // Not read, or not readable: written back exactly as it came.
            _ => self.saved.serialize(serializer),
        }
    }
}

impl<'de, T> Deserialize<'de> for Deferred<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Deferred {
            saved: Value::deserialize(deserializer)?,
            read: OnceLock::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
    struct Section {
        #[serde(default)]
        names: Vec<String>,
    }

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Doc {
        title: String,
        #[serde(default, skip_serializing_if = "empty")]
        section: Deferred<Section>,
    }

    fn empty(s: &Deferred<Section>) -> bool {
        s.is_empty_by(|s| s.names.is_empty())
    }

    #[test]
    fn a_section_is_read_when_asked_for_and_written_back_as_it_was_until_changed() {
        let text = r#"{"title":"t","section":{"later":true,"names":["a","b"]}}"#;
        let doc: Doc = serde_json::from_str(text).unwrap();
        assert_eq!(doc.section.if_read(), None, "not read at start");
        // Unread, it is written back as saved, fields this version does not
        // know included (its keys in alphabetical order, as JSON values keep them).
        assert_eq!(serde_json::to_string(&doc).unwrap(), text);
        assert_eq!(doc.section.get().unwrap().names, ["a", "b"]);
        assert!(doc.section.if_read().is_some());

        let mut doc = doc;
        doc.section.get_mut().unwrap().names.push("c".into());
        assert_eq!(
            serde_json::to_string(&doc).unwrap(),
            r#"{"title":"t","section":{"names":["a","b","c"]}}"#
        );
    }

    #[test]
    fn a_section_that_cannot_be_read_is_kept_as_it_was_and_says_why() {
        let text = r#"{"title":"t","section":{"names":"not a list"}}"#;
        let mut doc: Doc = serde_json::from_str(text).unwrap();
        assert!(doc.section.get().is_none());
        assert!(doc.section.get_mut().is_none());
        assert!(doc.section.problem().unwrap().contains("invalid type"));
        assert_eq!(doc.section.saved()["names"], "not a list");
        assert_eq!(serde_json::to_string(&doc).unwrap(), text);
    }

    #[test]
    fn no_section_saved_reads_as_empty_and_is_not_written() {
        let doc: Doc = serde_json::from_str(r#"{"title":"t"}"#).unwrap();
        assert_eq!(doc.section.get(), Some(&Section::default()));
        assert_eq!(serde_json::to_string(&doc).unwrap(), r#"{"title":"t"}"#);
    }

    #[test]
    fn sections_compare_by_their_records_read_or_not() {
        let text = r#"{"title":"t","section":{"names":["a"]}}"#;
        let unread: Doc = serde_json::from_str(text).unwrap();
        let read: Doc = serde_json::from_str(text).unwrap();
        read.section.get();
        assert_eq!(unread, read);
        assert_eq!(read, unread);
        let other = Doc {
            title: "t".into(),
            section: Deferred::new(Section {
                names: vec!["b".into()],
            }),
        };
        assert_ne!(unread, other);
    }
}
