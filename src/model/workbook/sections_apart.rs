//! The workbook's sections (`deferred`) as local storage keeps them: each
//! under a key of its own, named by its field in the saved document, so that
//! the start reads none of them and a save writes only those that changed.
//! `files::backup` makes the texts and reads them back; this says, section
//! by section, what there is to write and where each was read from.
//!
//! Kept out of `tree` and `records`: only the saver's part of the module
//! writes sections (`to_store`, which reads a section not yet read), while
//! the first download only notes where they are (`keep_section_apart`).

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use chrono::{DateTime, Utc};

use crate::model::workbook::deferred::{ApartText, Deferred, Section};
use crate::model::workbook::records::oldest_change_in;
use crate::model::workbook::tree::Workbook;

/// What a save writes for one section.
pub struct SectionToStore {
    /// Its field in the saved document, which names its key.
    pub name: &'static str,
    /// Its records counted (`Tally`), for the home page's counts at start.
    pub counts: [usize; 2],
    /// The oldest change to its records after the workbook's last backup,
    /// for the backup reminder at start, while no page has read it.
    pub unbacked: Option<DateTime<Utc>>,
    pub text: StoredText,
}

pub enum StoredText {
    /// Its own text holds it as it is, as the save of this revision left it.
    Unchanged(u64),
    /// A document holding just the section (`{"placements": …}`), to write.
    Changed(String),
}

/// The five sections by name, each an expression over `$section`.
macro_rules! each_section {
    ($workbook:expr, |$name:ident, $section:ident| $body:expr) => {{
        let workbook = $workbook;
        [
            {
                let ($name, $section) = ("plans", &workbook.plans);
                $body
            },
            {
                let ($name, $section) = ("placements", &workbook.placements);
                $body
            },
            {
                let ($name, $section) = ("group", &workbook.group);
                $body
            },
            {
                let ($name, $section) = ("support_agreements", &workbook.support_agreements);
                $body
            },
            {
                let ($name, $section) = ("business_cases", &workbook.business_cases);
                $body
            },
        ]
    }};
}

impl Workbook {
    /// The names of the sections, as local storage names their keys.
    pub const SECTION_NAMES: [&'static str; 5] = [
        "plans",
        "placements",
        "group",
        "support_agreements",
        "business_cases",
    ];

    /// As the workbook is read from local storage: the section `name` is in
    /// a text of its own, left by the save of `revision` with `tally`
    /// records, read by `text` when a page asks. False for a name this
    /// version does not know (the caller must not then save the workbook).
    pub fn keep_section_apart(
        &mut self,
        name: &str,
        revision: u64,
        (tally, unbacked): ([usize; 2], Option<DateTime<Utc>>),
        text: ApartText,
    ) -> bool {
        match name {
            "plans" => self.plans.keep_apart(revision, tally, unbacked, text),
            "placements" => self.placements.keep_apart(revision, tally, unbacked, text),
            "group" => self.group.keep_apart(revision, tally, unbacked, text),
            "support_agreements" => self
                .support_agreements
                .keep_apart(revision, tally, unbacked, text),
            "business_cases" => self
                .business_cases
                .keep_apart(revision, tally, unbacked, text),
            _ => return false,
        }
        true
    }

    /// After a save wrote section `name`'s text at this workbook's
    /// revision: the next save need not write it unless it changes.
    pub fn note_section_kept_apart(&mut self, name: &str, text: ApartText) {
        let revision = self.revision;
        match name {
            "plans" => self.plans.now_kept_apart(revision, text),
            "placements" => self.placements.now_kept_apart(revision, text),
            "group" => self.group.now_kept_apart(revision, text),
            "support_agreements" => self.support_agreements.now_kept_apart(revision, text),
            "business_cases" => self.business_cases.now_kept_apart(revision, text),
            _ => {}
        }
    }

    /// Reads every section into the workbook and forgets where each was
    /// kept, so that the next save writes them all: before their keys are
    /// deleted ("Delete everything", which Undo puts back by saving this).
    pub fn take_sections_in(&mut self) {
        self.plans.get_mut();
        self.placements.get_mut();
        self.group.get_mut();
        self.support_agreements.get_mut();
        self.business_cases.get_mut();
    }

    /// Reads every section a whole document brought (local storage in a form
    /// read the long way: an older version's, plain JSON): what the start
    /// cannot know of a section no page has read, its changes since the last
    /// backup for the reminder, is then known, and the part that reads such
    /// forms (`ui::storage`'s unusual part) has the readers anyway.
    pub fn read_every_section(&self) {
        self.plans.get();
        self.placements.get();
        self.group.get();
        self.support_agreements.get();
        self.business_cases.get();
    }

    /// What a save to local storage writes for each section: none for a
    /// section with no records that has no text of its own either.
    pub fn sections_to_store(&self) -> Vec<SectionToStore> {
        let since = self.last_backup_at.map(DateTime::from);
        each_section!(self, |name, section| to_store(name, section, since))
            .into_iter()
            .flatten()
            .collect()
    }
}

fn to_store<T: Section>(
    name: &'static str,
    section: &Deferred<T>,
    since: Option<DateTime<Utc>>,
) -> Option<SectionToStore> {
    if let Some(revision) = section.kept_apart_at() {
        return Some(SectionToStore {
            name,
            counts: section.counts(),
            unbacked: oldest_change_in(section, since),
            text: StoredText::Unchanged(revision),
        });
    }
    // Read here if no page has (it is then in the whole document it came
    // in); one that cannot be read is written as it was saved.
    let counts = section.counts();
    let unreadable = section.problem().is_some();
    if counts[0] == 0 && !unreadable {
        return None;
    }
    let text = serde_json::to_string(&Only(name, section)).expect("a section serialises");
    Some(SectionToStore {
        name,
        counts,
        unbacked: oldest_change_in(section, since),
        text: StoredText::Changed(text),
    })
}

/// A document holding one section under its name.
struct Only<'a, T>(&'static str, &'a Deferred<T>);

impl<T: Section> Serialize for Only<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0, self.1)?;
        map.end()
    }
}
