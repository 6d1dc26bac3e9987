//! A part of the saved workbook that is read into its records only when a
//! page asks for them: the group view's rounds now, the support agreements
//! and business cases later.
//!
//! Why: the first download reads the whole workbook as the app starts, so
//! the code that reads every record kind is in it; each kind declared in the
//! tree made it bigger (three group kinds cost 7 KiB gzipped, over the
//! budget). So as the workbook is read, a section is skipped (the reader the
//! first download has for fields it does not know), and the document's text
//! is kept beside it (`attach`); the first page that needs the section reads
//! it from that text, in that page's own part (`Section::from_document`). A
//! section nobody opened is read when the workbook is next written, in the
//! saver's part.
//!
//! A section that cannot be read is never overwritten: its records are not
//! there to change (the tree finds no holder for them), `problem` says why,
//! and it is written back as it was saved.
//!
//! In the browser's local storage each section is kept under its own key
//! (`files::backup::to_storage_texts`), so the start reads none of it: its
//! source is then that key (`Source::Apart`), read when a page asks, and a
//! save writes it again only once it has changed (`get_mut` forgets the
//! source).

use std::any::Any;
use std::marker::PhantomData;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Utc};

use serde::de::{DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// A section's struct, and how it is found in a whole document's text.
pub trait Section:
    DeserializeOwned + Serialize + Default + Clone + PartialEq + std::fmt::Debug + Send + Sync + 'static
{
    /// Its records counted as `Tally` counts them unread.
    fn counts(&self) -> [usize; 2];
    /// The section as saved in `document` (a whole workbook's JSON text):
    /// its records, or none when the document has no such section.
    fn from_document(document: &str) -> Result<Option<Self>, serde_json::Error>;
    /// The section as saved in `document`, as JSON, however damaged its
    /// records are: to write back a section that cannot be read.
    fn saved_in(document: &str) -> Option<Value>;
    /// Runs a walk of the workbook's (`visitor`, of the walk's own type) over
    /// the section's records. Called through `Deferred::visit_if_read`, so
    /// the walk's code for the section's kinds is in the part that read it.
    fn visit(&self, visitor: &mut dyn Any);
}

thread_local! {
    /// Set while a workbook is written for local storage, which keeps each
    /// section under a key of its own: the workbook's text leaves them out.
    static SECTIONS_LEFT_OUT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `write` (serialising a workbook) with its sections left out of the
/// text, for local storage (`files::backup::to_storage_texts`), and puts
/// things back as they were after it, so every other text has them.
pub fn with_sections_left_out<R>(write: impl FnOnce() -> R) -> R {
    struct PutBack;
    impl Drop for PutBack {
        fn drop(&mut self) {
            SECTIONS_LEFT_OUT.with(|left_out| left_out.set(false));
        }
    }
    SECTIONS_LEFT_OUT.with(|left_out| left_out.set(true));
    let _put_back = PutBack;
    write()
}

/// True while `with_sections_left_out` writes: the workbook's sections'
/// `skip_serializing_if` ask it.
pub fn sections_left_out() -> bool {
    SECTIONS_LEFT_OUT.with(std::cell::Cell::get)
}

/// A section's records, read, without their type: kept behind this so the
/// code that copies, drops and walks them comes with the part of the module
/// that read them (the box is made there), not with the first download,
/// which only holds the workbook. Why: each kind of record in a section
/// would otherwise add its drop, copy and walk code to the first download.
trait Read: Any + Send + Sync {
    fn copy(&self) -> Box<dyn Read>;
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    fn visit(&self, visitor: &mut dyn Any);
}

impl<T: Section> Read for T {
    fn copy(&self) -> Box<dyn Read> {
        Box::new(self.clone())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    fn visit(&self, visitor: &mut dyn Any) {
        Section::visit(self, visitor)
    }
}

/// Reads a section's own text, kept apart from the workbook's, when a page
/// first asks for the section: `Ok` with a document holding just that
/// section (`{"placements": …}`), or why it cannot be had.
pub type ApartText = Arc<dyn Fn() -> Result<String, String> + Send + Sync>;

/// Where an unread section's records are.
#[derive(Clone)]
enum Source {
    /// In the text of the whole document the workbook was read from.
    Document(Arc<str>),
    /// In a text of its own (the section's key in local storage), which
    /// holds the section as the workbook's save of `revision` left it.
    Apart { revision: u64, text: ApartText },
}

pub struct Deferred<T> {
    /// Where the section was read from or last saved to, until it changes:
    /// the text of the document the workbook was read with, or its own text
    /// (none when the document had no such section, or once changed).
    source: Option<Source>,
    /// The document had the section (noted as the workbook was read).
    present: bool,
    /// Its records counted as the workbook was read, without reading them
    /// (`Tally`): the home page's counts while no page has read it.
    tally: [usize; 2],
    /// Kept apart: the oldest change to its records after the workbook's
    /// last backup, as the save that named it found it (none when there was
    /// none, or for an older header): the backup reminder's while no page
    /// has read it (`Workbook::each_last_change`).
    unbacked: Option<DateTime<Utc>>,
    /// The section read into its records (a `T`), or why it could not be.
    read: OnceLock<Result<Box<dyn Read>, String>>,
    of: PhantomData<fn() -> T>,
}

impl<T: 'static> Deferred<T> {
    /// The section's records if a page has read them already, without reading
    /// them: for the walks the first download makes at start, which must not
    /// carry every section's reader.
    pub fn if_read(&self) -> Option<&T> {
        self.read.get()?.as_ref().ok()?.as_any().downcast_ref()
    }

    /// Runs `visitor` over the section's records if a page has read them,
    /// through the section's own code (`Section::visit`); nothing otherwise.
    pub fn visit_if_read(&self, visitor: &mut dyn Any) {
        if let Some(Ok(read)) = self.read.get() {
            read.visit(visitor);
        }
    }

    /// Its records counted as the workbook was read (`Tally`), while no page
    /// has read them; none once read (count the records then).
    pub fn unread_tally(&self) -> Option<[usize; 2]> {
        match self.read.get() {
            None => Some(if self.present { self.tally } else { [0, 0] }),
            Some(_) => None,
        }
    }

    /// While no page has read it: the oldest change to its records after the
    /// last backup, as the save that kept it apart named it.
    pub fn unread_unbacked(&self) -> Option<DateTime<Utc>> {
        self.read.get().is_none().then_some(self.unbacked).flatten()
    }

    /// True when the document had the section and nothing has read it or
    /// kept its text yet (`attach` would keep it).
    pub fn waits_for_text(&self) -> bool {
        self.present && self.source.is_none() && self.read.get().is_none()
    }

    /// Keeps the text of the document this section was read with, for the
    /// section to be read from later. Every reader of a whole workbook calls
    /// it (`files::backup`); a document without the section keeps nothing.
    pub fn attach(&mut self, document: &Arc<str>) {
        if self.present && self.read.get().is_none() {
            self.source = Some(Source::Document(Arc::clone(document)));
        }
    }

    /// Notes, as the workbook is read, that the section is kept in a text
    /// of its own, left by the save of `revision`, with `tally` records, the
    /// oldest changed after the last backup at `unbacked`; `text` reads it
    /// when a page first asks.
    pub fn keep_apart(
        &mut self,
        revision: u64,
        tally: [usize; 2],
        unbacked: Option<DateTime<Utc>>,
        text: ApartText,
    ) {
        if self.read.get().is_none() {
            self.present = true;
            self.tally = tally;
            self.unbacked = unbacked;
            self.source = Some(Source::Apart { revision, text });
        }
    }

    /// Notes that the section, as it is now, was just saved in a text of its
    /// own by the save of `revision`: the next save need not write it again
    /// unless it changes first.
    pub fn now_kept_apart(&mut self, revision: u64, text: ApartText) {
        self.present = true;
        self.source = Some(Source::Apart { revision, text });
    }

    /// The save whose text of its own holds the section as it is now; none
    /// when it changed since it was read or saved (or was never kept apart).
    pub fn kept_apart_at(&self) -> Option<u64> {
        match self.source {
            Some(Source::Apart { revision, .. }) => Some(revision),
            _ => None,
        }
    }

    /// True when there is nothing to save: the document had no section, or
    /// it is read and empty (`is_empty` says what empty is for `T`).
    pub fn is_empty_by(&self, is_empty: impl Fn(&T) -> bool) -> bool {
        match self.read.get() {
            Some(Ok(_)) => self.if_read().is_none_or(is_empty),
            _ => !self.present,
        }
    }
}

impl<T: Section> Deferred<T> {
    /// A section read already (one made in a test, or a merge's).
    pub fn new(value: T) -> Self {
        Deferred {
            source: None,
            present: false,
            tally: [0, 0],
            unbacked: None,
            read: OnceLock::from(Ok(Box::new(value) as Box<dyn Read>)),
            of: PhantomData,
        }
    }

    /// The section's records, read on first use; none when it cannot be read.
    pub fn get(&self) -> Option<&T> {
        self.read
            .get_or_init(|| self.parse())
            .as_ref()
            .ok()?
            .as_any()
            .downcast_ref()
    }

    /// The section's records to change; none when it cannot be read. Once
    /// changed, it is saved from its records, not from the text it came in.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        self.get()?;
        self.source = None;
        self.read
            .get_mut()?
            .as_mut()
            .ok()?
            .as_any_mut()
            .downcast_mut()
    }

    /// Why the section could not be read, once something has tried.
    pub fn problem(&self) -> Option<&str> {
        self.get();
        self.read.get()?.as_ref().err().map(String::as_str)
    }

    /// The section as it was saved, as JSON, while it is not read: for the
    /// checks that say in words what is wrong with one that cannot be read.
    pub fn saved(&self) -> Value {
        match &self.source {
            Some(Source::Document(document)) => T::saved_in(document),
            Some(Source::Apart { text, .. }) => text().ok().and_then(|t| T::saved_in(&t)),
            None => None,
        }
        .unwrap_or(Value::Null)
    }

    /// Its records counted: from the records once read, else as the
    /// workbook was read (so one that cannot be read keeps its count).
    pub fn counts(&self) -> [usize; 2] {
        match self.if_read() {
            Some(read) => read.counts(),
            None if self.present => self.tally,
            None => [0, 0],
        }
    }

    fn parse(&self) -> Result<Box<dyn Read>, String> {
        let from = |document: &str| {
            T::from_document(document)
                .map(Option::unwrap_or_default)
                .map_err(|e| e.to_string())
        };
        let read = match (&self.source, self.present) {
            (_, false) => Ok(T::default()),
            (Some(Source::Document(document)), true) => from(document),
            (Some(Source::Apart { text, .. }), true) => text().and_then(|text| from(&text)),
            // Read without its document's text kept: a reader of whole
            // workbooks forgot `attach`. Refused, so it is never saved over.
            (None, true) => Err("the saved section was not kept when the workbook was read".into()),
        };
        read.map(|value| Box::new(value) as Box<dyn Read>)
    }
}

/// A section not in the document: empty, and read (as empty) only when a
/// page asks, so a new workbook's first download makes no section.
impl<T> Default for Deferred<T> {
    fn default() -> Self {
        Deferred {
            source: None,
            present: false,
            tally: [0, 0],
            unbacked: None,
            read: OnceLock::new(),
            of: PhantomData,
        }
    }
}

impl<T> Clone for Deferred<T> {
    fn clone(&self) -> Self {
        let read = OnceLock::new();
        if let Some(done) = self.read.get() {
            let _ = read.set(match done {
                Ok(value) => Ok(value.copy()),
                Err(problem) => Err(problem.clone()),
            });
        }
        Deferred {
            source: self.source.clone(),
            present: self.present,
            tally: self.tally,
            unbacked: self.unbacked,
            read,
            of: PhantomData,
        }
    }
}

impl<T: std::fmt::Debug + 'static> std::fmt::Debug for Deferred<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.read.get(), self.if_read()) {
            (_, Some(value)) => value.fmt(f),
            (Some(Err(problem)), _) => write!(f, "unreadable ({problem})"),
            _ => write!(f, "not read yet (in the saved text: {})", self.present),
        }
    }
}

/// Two sections are equal when they hold the same records, read or not.
impl<T: Section> PartialEq for Deferred<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self.get(), other.get()) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.saved() == other.saved(),
            _ => false,
        }
    }
}

impl<T: Section> Serialize for Deferred<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.get() {
            Some(value) => value.serialize(serializer),
            // Not readable: written back as it was saved.
            None => self.saved().serialize(serializer),
        }
    }
}

/// As the workbook is read, the section is only noted as there and its
/// records counted (`Tally`): its text is read later, from the document's
/// (`attach`).
impl<'de, T: Tally> Deserialize<'de> for Deferred<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tally = T::tally(deserializer)?;
        Ok(Deferred {
            source: None,
            present: true,
            tally,
            unbacked: None,
            read: OnceLock::new(),
            of: PhantomData,
        })
    }
}

/// How a section's records are counted as the workbook is read, without
/// reading them: the first count is of its own records (placements, rounds,
/// agreements, cases), the second of those a count needs under them (a
/// placement's log entries). Only the counting code is in the first
/// download, not the section's reader.
pub trait Tally {
    fn tally<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[usize; 2], D::Error>;
}

/// A value of any other shape than a count expects counts as none: a
/// damaged section must still be kept, unread, as the workbook is read (its
/// page then says it cannot be read), never refuse the whole workbook.
macro_rules! anything_else_counts_none {
    ($none:expr) => {
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok($none)
        }
    };
}

/// In a JSON object, the length of the list under the key `.0` (none: 0);
/// everything else in it skipped unread.
pub struct ListLength(pub &'static str);

impl<'de> DeserializeSeed<'de> for ListLength {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ListLength {
    type Value = usize;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a section")
    }
    anything_else_counts_none!(0);
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(0)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<usize, A::Error> {
        let mut length = 0;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.0 {
                length = map.next_value_seed(Counted(None))?[0];
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(length)
    }
}

/// A list's length and, when `.0` names a key, the sum of the lengths of
/// the lists under that key in its items (`[items, under them]`).
pub struct Counted(pub Option<&'static str>);

impl<'de> DeserializeSeed<'de> for Counted {
    type Value = [usize; 2];
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<[usize; 2], D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Counted {
    type Value = [usize; 2];
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list")
    }
    anything_else_counts_none!([0, 0]);
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<[usize; 2], A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok([0, 0])
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<[usize; 2], A::Error> {
        let mut counts = [0, 0];
        loop {
            let under = match self.0 {
                Some(key) => seq.next_element_seed(ListLength(key))?,
                None => seq.next_element::<IgnoredAny>()?.map(|_| 0),
            };
            let Some(under) = under else {
                return Ok(counts);
            };
            counts[0] += 1;
            counts[1] += under;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
    struct Names {
        #[serde(default)]
        names: Vec<String>,
    }

    impl Tally for Names {
        fn tally<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[usize; 2], D::Error> {
            ListLength("names")
                .deserialize(deserializer)
                .map(|n| [n, 0])
        }
    }

    impl Section for Names {
        fn counts(&self) -> [usize; 2] {
            [self.names.len(), 0]
        }
        fn from_document(document: &str) -> Result<Option<Self>, serde_json::Error> {
            #[derive(Deserialize)]
            struct Only {
                #[serde(default)]
                section: Option<Names>,
            }
            serde_json::from_str::<Only>(document).map(|o| o.section)
        }
        fn saved_in(document: &str) -> Option<Value> {
            serde_json::from_str::<Value>(document)
                .ok()?
                .get("section")
                .cloned()
        }
        fn visit(&self, visitor: &mut dyn Any) {
            if let Some(seen) = visitor.downcast_mut::<Vec<String>>() {
                seen.extend(self.names.iter().cloned());
            }
        }
    }

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Doc {
        title: String,
        #[serde(default, skip_serializing_if = "empty")]
        section: Deferred<Names>,
    }

    fn empty(s: &Deferred<Names>) -> bool {
        s.is_empty_by(|s| s.names.is_empty())
    }

    fn read(text: &str) -> Doc {
        let mut doc: Doc = serde_json::from_str(text).unwrap();
        doc.section.attach(&Arc::from(text));
        doc
    }

    #[test]
    fn a_section_is_read_from_the_saved_text_when_asked_for() {
        let text = r#"{"title":"t","section":{"names":["a","b"]}}"#;
        let mut doc = read(text);
        assert_eq!(doc.section.if_read(), None, "not read at start");
        assert_eq!(doc.section.get().unwrap().names, ["a", "b"]);
        assert!(doc.section.if_read().is_some());
        assert_eq!(serde_json::to_string(&doc).unwrap(), text);
        doc.section.get_mut().unwrap().names.push("c".into());
        assert_eq!(
            serde_json::to_string(&doc).unwrap(),
            r#"{"title":"t","section":{"names":["a","b","c"]}}"#
        );
    }

    #[test]
    fn a_section_that_cannot_be_read_is_kept_as_it_was_and_says_why() {
        let text = r#"{"title":"t","section":{"names":"not a list"}}"#;
        let mut doc = read(text);
        assert!(doc.section.get().is_none());
        assert!(doc.section.get_mut().is_none());
        assert!(doc.section.problem().unwrap().contains("invalid type"));
        assert_eq!(doc.section.saved()["names"], "not a list");
        assert_eq!(serde_json::to_string(&doc).unwrap(), text);
    }

    #[test]
    fn a_section_read_without_its_text_is_refused_rather_than_lost() {
        let doc: Doc = serde_json::from_str(r#"{"title":"t","section":{"names":["a"]}}"#).unwrap();
        assert!(doc.section.get().is_none());
        assert!(doc.section.problem().unwrap().contains("not kept"));
    }

    #[test]
    fn no_section_saved_reads_as_empty_and_is_not_written() {
        let doc = read(r#"{"title":"t"}"#);
        assert_eq!(doc.section.get(), Some(&Names::default()));
        assert_eq!(serde_json::to_string(&doc).unwrap(), r#"{"title":"t"}"#);
        let null = read(r#"{"title":"t","section":null}"#);
        assert_eq!(null.section.get(), Some(&Names::default()));
    }

    /// A walk reaches a section's records only once a page has read them,
    /// and then through the section's own code.
    #[test]
    fn a_walk_visits_a_section_only_once_it_is_read() {
        let doc = read(r#"{"title":"t","section":{"names":["a","b"]}}"#);
        let mut seen: Vec<String> = Vec::new();
        doc.section.visit_if_read(&mut seen);
        assert!(seen.is_empty(), "not read yet");
        doc.section.get();
        doc.section.visit_if_read(&mut seen);
        assert_eq!(seen, ["a", "b"]);
        let copy = doc.section.clone();
        assert_eq!(
            copy.if_read().unwrap().names,
            ["a", "b"],
            "a copy keeps what was read"
        );
        let fresh: Deferred<Names> = Deferred::default();
        assert!(fresh.if_read().is_none() && fresh.is_empty_by(|n| n.names.is_empty()));
        assert_eq!(fresh.get(), Some(&Names::default()));
    }

    #[test]
    fn sections_compare_by_their_records_read_or_not() {
        let text = r#"{"title":"t","section":{"names":["a"]}}"#;
        let unread = read(text);
        let read_one = read(text);
        read_one.section.get();
        assert_eq!(unread, read_one);
        let other = Doc {
            title: "t".into(),
            section: Deferred::new(Names {
                names: vec!["b".into()],
            }),
        };
        assert_ne!(unread, other);
    }
}
