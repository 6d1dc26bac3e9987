//! Taking members' files into a group round: what loading a batch of picked
//! files would do, worked out without changing anything, so the page can show
//! it and hand the members to one change that takes them in.
//!
//! Each file is read with the same checks as a partner's file
//! (`assessment_file::read_assessment_export`, its refusal worded by
//! `import_error_message`). A bad file is listed with its name and reason and
//! the rest still load. The same assessment twice (same id, whether already in
//! the round or earlier in the same batch, or the very same file picked
//! twice) counts once; a newer copy (changed later) replaces the member,
//! keeping the member's place and label (`GroupRound::arrival`).
//!
//! It lives with the files rather than the group's model because it reads
//! files: imports run areas ← workbook ← files, and the group's model is an
//! area (the workbook's tree imports it, so it must not import the files).
//!
//! The work can be done in steps (`Taking::take` per file, `Taking::done`),
//! so a page can take a large batch a slice at a time (`slices`) and let the
//! browser draw its progress between slices; `Intake::of` does it all at once.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::ops::Range;

use super::assessment_file::{import_error_message, read_assessment_export};
use super::formats::megabytes;
use crate::model::common::saved_dates::Moment;
use crate::model::group::rounds::{Arrival, GroupMember, GroupRound};

/// The largest member's file read. A shared assessment is a few tens of
/// kilobytes even with every statement's note in it; the cap is well above
/// that and keeps a batch of 2,000 files from holding gigabytes in the tab.
/// (A partner's single file may be up to `formats::MAX_IMPORT_BYTES`.)
pub const MAX_MEMBER_FILE_BYTES: usize = 5 * 1024 * 1024;

/// A file name is shown as the user's computer gave it, but no longer than
/// this (a folder's path can be long) and without control characters.
const NAME_CHARS_MAX: usize = 120;

/// A file the user picked, as the browser handed it over.
#[derive(Clone, Debug, PartialEq)]
pub struct PickedFile {
    /// The file's name, or its path inside a chosen folder
    /// ("Brook Lane/assessment.json").
    pub name: String,
    pub content: Picked,
}

/// What the browser gave for a picked file.
#[derive(Clone, Debug, PartialEq)]
pub enum Picked {
    /// Its text.
    Text(String),
    /// Not read: larger than `MAX_MEMBER_FILE_BYTES` (its size in bytes).
    TooLarge(u64),
    /// The browser could not read it (moved or deleted since it was chosen,
    /// or not allowed).
    Unreadable,
}

impl PickedFile {
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> PickedFile {
        PickedFile {
            name: name.into(),
            content: Picked::Text(text.into()),
        }
    }
}

/// What loading a batch of files would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Intake {
    /// Members to add to the round, in the order their files were picked
    /// (anonymous ones numbered on from the round's next number).
    pub new: Vec<GroupMember>,
    /// Newer copies of members already in the round: each has the id, label
    /// and joining time of the member it replaces.
    pub replaced: Vec<GroupMember>,
    /// The names of the files that were newer copies of a member's file, in
    /// the round or earlier in the batch, and replaced it.
    pub newer_copies: Vec<String>,
    /// The names of the files already loaded (the same copy, or an older one,
    /// of a member in the round or earlier in the batch).
    pub already_in: Vec<String>,
    /// Files that could not be read: the name and why, in plain words.
    pub bad: Vec<(String, String)>,
}

/// What loading a batch says, kept to show once its members are in the round.
#[derive(Clone, Debug, PartialEq)]
pub struct IntakeSaid {
    /// `Intake::in_words`.
    pub words: Vec<String>,
    /// The files that could not be read: the name and why.
    pub bad: Vec<(String, String)>,
}

/// Where a member taken in this batch went.
#[derive(Clone, Copy)]
enum Slot {
    New(usize),
    Replaced(usize),
}

/// Taking a batch in, a file at a time.
pub struct Taking {
    round: GroupRound,
    keep_names: bool,
    now: Moment,
    /// Members taken in this batch, by their assessment's id.
    taken: HashMap<String, Slot>,
    /// Bad files seen, by name and a hash of their text, so the very same
    /// bad file picked twice is listed once.
    bad_seen: HashSet<(String, u64)>,
    intake: Intake,
}

impl Taking {
    /// Starts a batch for `round` (copied, so the page can take the batch in
    /// slices without holding the workbook): names kept or "Member 1, 2…",
    /// members stamped as made at `now`.
    pub fn new(round: &GroupRound, keep_names: bool, now: Moment) -> Taking {
        Taking {
            round: round.clone(),
            keep_names,
            now,
            taken: HashMap::new(),
            bad_seen: HashSet::new(),
            intake: Intake::default(),
        }
    }

    /// Takes in one file. `fresh_id` gives a new member's id (it is asked for
    /// one for every readable file; a newer copy keeps its member's id).
    pub fn take(&mut self, file: &PickedFile, fresh_id: &mut impl FnMut() -> String) {
        let name = shown_name(&file.name);
        let text = match &file.content {
            Picked::Text(text) if text.len() > MAX_MEMBER_FILE_BYTES => {
                return self.bad(name, text, too_large(text.len() as u64));
            }
            Picked::Text(text) => text,
            Picked::TooLarge(bytes) => {
                return self.bad(name, &bytes.to_string(), too_large(*bytes))
            }
            Picked::Unreadable => {
                return self.bad(
                    name,
                    "",
                    "The file could not be read: it may have been moved or deleted since it was chosen."
                        .to_string(),
                )
            }
        };
        let assessment = match read_assessment_export(text) {
            Ok(assessment) => assessment,
            Err(error) => return self.bad(name, text, import_error_message(&error)),
        };
        let number = self.round.next_member_number() + self.intake.new.len();
        let member = GroupMember::from_assessment(
            fresh_id(),
            &assessment,
            self.keep_names,
            number,
            self.now,
        );
        let intake = &mut self.intake;
        if let Some(&slot) = self.taken.get(&member.source_id) {
            let earlier = match slot {
                Slot::New(i) => &mut intake.new[i],
                Slot::Replaced(i) => &mut intake.replaced[i],
            };
            if member.source_changed_at > earlier.source_changed_at {
                *earlier = GroupMember {
                    id: earlier.id.clone(),
                    label: earlier.label.clone(),
                    created_at: earlier.created_at,
                    ..member
                };
                intake.newer_copies.push(name);
            } else {
                intake.already_in.push(name);
            }
            return;
        }
        // The round's own members are not changed while a batch is taken,
        // so `arrival` compares with the round as it was.
        match self.round.arrival(&member) {
            Arrival::New(member) => {
                self.taken
                    .insert(member.source_id.clone(), Slot::New(intake.new.len()));
                intake.new.push(member);
            }
            Arrival::Newer { member, .. } => {
                self.taken.insert(
                    member.source_id.clone(),
                    Slot::Replaced(intake.replaced.len()),
                );
                intake.replaced.push(member);
                intake.newer_copies.push(name);
            }
            Arrival::AlreadyIn => intake.already_in.push(name),
        }
    }

    fn bad(&mut self, name: String, text: &str, reason: String) {
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        if self.bad_seen.insert((name.clone(), hasher.finish())) {
            self.intake.bad.push((name, reason));
        } else {
            self.intake.already_in.push(name);
        }
    }

    /// How many files have been taken so far.
    pub fn files_taken(&self) -> usize {
        self.intake.files()
    }

    pub fn done(self) -> Intake {
        self.intake
    }
}

fn too_large(bytes: u64) -> String {
    format!(
        "The file is too large to be a member's assessment: it is {}, and this app reads \
         member files of up to {} (a shared assessment is far smaller). It may be damaged, \
         or it may not be a file from this app.",
        megabytes(bytes as usize),
        megabytes(MAX_MEMBER_FILE_BYTES)
    )
}

/// The name as shown: without control characters, and cut (with "…") when
/// very long.
fn shown_name(name: &str) -> String {
    let mut chars = name.chars().filter(|c| !c.is_control());
    let mut shown: String = chars.by_ref().take(NAME_CHARS_MAX).collect();
    if chars.next().is_some() {
        shown.push('…');
    }
    if shown.trim().is_empty() {
        "A file with no name".to_string()
    } else {
        shown
    }
}

impl Intake {
    /// What loading `files` into `round` would do, all at once.
    pub fn of(
        round: &GroupRound,
        files: &[PickedFile],
        keep_names: bool,
        now: Moment,
        mut fresh_id: impl FnMut() -> String,
    ) -> Intake {
        let mut taking = Taking::new(round, keep_names, now);
        for file in files {
            taking.take(file, &mut fresh_id);
        }
        taking.done()
    }

    /// How many files the batch held.
    pub fn files(&self) -> usize {
        // A newer copy either replaced a member of the round (one member in
        // `replaced`) or a file earlier in the batch (one file, no member).
        self.new.len() + self.newer_copies.len() + self.already_in.len() + self.bad.len()
    }

    /// True when loading would change nothing in the round.
    /// The members to take in (the new ones, then the newer copies) and what
    /// to say about them, parted without copying 2,000 members.
    pub fn into_members_and_said(self) -> (Vec<GroupMember>, IntakeSaid) {
        let said = IntakeSaid {
            words: self.in_words(),
            bad: self.bad,
        };
        let mut members = self.new;
        members.extend(self.replaced);
        (members, said)
    }

    pub fn changes_nothing(&self) -> bool {
        self.new.is_empty() && self.replaced.is_empty()
    }

    /// The result in plain words, sentence by sentence: "Loaded 198
    /// members' files.", "1 file was a newer copy of a member's file and
    /// replaced the earlier one.", "1 file was already loaded, so it counts
    /// once.", "1 file could not be read:" (the bad files follow, from
    /// `bad_lines`).
    pub fn in_words(&self) -> Vec<String> {
        let mut words = Vec::new();
        if self.files() == 0 {
            words.push("No files were chosen.".to_string());
            return words;
        }
        match self.new.len() {
            0 => words.push("No new members' files were loaded.".to_string()),
            1 => words.push("Loaded 1 member's file.".to_string()),
            n => words.push(format!("Loaded {} members' files.", thousands(n))),
        }
        match self.newer_copies.len() {
            0 => {}
            1 => words.push(
                "1 file was a newer copy of a member's file and replaced the earlier one."
                    .to_string(),
            ),
            n => words.push(format!(
                "{} files were newer copies of members' files and replaced the earlier ones.",
                thousands(n)
            )),
        }
        match self.already_in.len() {
            0 => {}
            1 => words.push("1 file was already loaded, so it counts once.".to_string()),
            n => words.push(format!(
                "{} files were already loaded, so each counts once.",
                thousands(n)
            )),
        }
        match self.bad.len() {
            0 => {}
            1 => words.push("1 file could not be read:".to_string()),
            n => words.push(format!("{} files could not be read:", thousands(n))),
        }
        words
    }

    /// Each file that could not be read, as "name: reason".
    pub fn bad_lines(&self) -> Vec<String> {
        self.bad
            .iter()
            .map(|(name, reason)| format!("{name}: {reason}"))
            .collect()
    }
}

/// The ranges of `total` items in slices of `size` (the last may be
/// shorter): a page takes a large batch a slice at a time, drawing its
/// progress in between.
pub fn slices(total: usize, size: usize) -> impl Iterator<Item = Range<usize>> {
    let size = size.max(1);
    (0..total)
        .step_by(size)
        .map(move |start| start..(start + size).min(total))
}

/// The order files from a folder are taken in, so members are numbered the
/// same way each time (a folder lists its entries in no set order): a
/// folder's own files before its sub-folders', then by name as people sort
/// them, ignoring case and with numbers by value ("member-2" before
/// "member-10"). Paths are separated by "/".
pub fn folder_order(a: &str, b: &str) -> Ordering {
    let (mut a_parts, mut b_parts) = (a.split('/').peekable(), b.split('/').peekable());
    loop {
        match (a_parts.next(), b_parts.next()) {
            (Some(x), Some(y)) => {
                // A file (the last part) before a sub-folder at the same level.
                let x_is_file = a_parts.peek().is_none();
                let y_is_file = b_parts.peek().is_none();
                let by_kind = y_is_file.cmp(&x_is_file);
                let by_name = natural(x, y);
                match by_kind.then(by_name) {
                    Ordering::Equal => continue,
                    other => return other,
                }
            }
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
        }
    }
}

/// Names compared ignoring case, with runs of digits compared by value.
fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let digits = |it: &mut std::iter::Peekable<std::str::Chars>| {
                    let mut run = String::new();
                    while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
                        run.push(c);
                        it.next();
                    }
                    run
                };
                let (x, y) = (digits(&mut a), digits(&mut b));
                let (x_value, y_value) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                let by_value = x_value.len().cmp(&y_value.len()).then(x_value.cmp(y_value));
                if by_value != Ordering::Equal {
                    return by_value;
                }
            }
            (Some(x), Some(y)) => {
                let by_letter = x.to_lowercase().cmp(y.to_lowercase());
                if by_letter != Ordering::Equal {
                    return by_letter;
                }
                a.next();
                b.next();
            }
        }
    }
}

/// A count as people read it: "2,000" (used by the picker too).
pub use crate::model::common::numbers::thousands;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::{Assessment, Rating, Role};
    use crate::model::files::assessment_file::assessment_to_json;
    use crate::model::group::rounds::RoundDraft;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn at(minute: u32) -> Moment {
        Moment(Utc.with_ymd_and_hms(2027, 3, 1, 9, minute, 0).unwrap())
    }

    /// Member `n`'s assessment, last changed at minute `changed`.
    fn assessment(n: usize, changed: u32) -> Assessment {
        let mut a = Assessment::new(
            format!("assessment-{n}"),
            format!("Practice {n}"),
            "Respiratory".into(),
            if n.is_multiple_of(2) {
                Role::Manager
            } else {
                Role::Clinician
            },
            NaiveDate::from_ymd_opt(2027, 2, 20).unwrap(),
            at(0),
        );
        a.set_rating("power-1", Some(Rating::Level((n % 5) as u8)), at(changed));
        a.set_importance("power", Some(2), at(changed));
        a.updated_at = at(changed);
        a
    }

    fn file(n: usize, changed: u32) -> PickedFile {
        PickedFile::text(
            format!("member-{n}.json"),
            assessment_to_json(&assessment(n, changed)),
        )
    }

    fn round() -> GroupRound {
        RoundDraft {
            name: "Spring workshop".into(),
            held_on: "2027-03-10".into(),
            keep_names: false,
        }
        .validate("round-1".into(), at(0))
        .unwrap()
    }

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("member-id-{n}")
        }
    }

    fn labels(members: &[GroupMember]) -> Vec<&str> {
        members.iter().map(|m| m.label.as_str()).collect()
    }

    const NOT_JSON: &str =
        "The file is not valid JSON, so it cannot be a shared assessment: its text is broken near line 1.";

    /// The round: 200 files, one of them bad and one the same file
    /// picked twice. The other 198 load, numbered in the order picked.
    #[test]
    fn a_round_of_200_files_with_a_bad_one_and_a_duplicate() {
        let mut files: Vec<PickedFile> = (1..=198).map(|n| file(n, 5)).collect();
        files.insert(50, PickedFile::text("notes.json", "{ this is not JSON"));
        files.push(file(17, 5));
        assert_eq!(files.len(), 200);
        let intake = Intake::of(&round(), &files, false, at(30), counter());
        assert_eq!(intake.files(), 200);
        assert_eq!(intake.new.len(), 198);
        assert!(intake.replaced.is_empty() && intake.newer_copies.is_empty());
        assert_eq!(intake.already_in, vec!["member-17.json"]);
        assert_eq!(
            intake.bad,
            vec![("notes.json".to_string(), NOT_JSON.to_string())]
        );
        let first = &intake.new[0];
        assert_eq!(
            (
                first.id.as_str(),
                first.label.as_str(),
                first.source_id.as_str()
            ),
            ("member-id-1", "Member 1", "assessment-1")
        );
        assert_eq!(first.created_at, at(30));
        assert_eq!(first.source_changed_at, at(5));
        assert_eq!(first.answer("power-1"), Some(Some(1)));
        assert_eq!(
            (
                intake.new[197].label.as_str(),
                intake.new[197].source_id.as_str()
            ),
            ("Member 198", "assessment-198")
        );
        assert_eq!(
            intake.in_words(),
            vec![
                "Loaded 198 members' files.",
                "1 file was already loaded, so it counts once.",
                "1 file could not be read:",
            ]
        );
        assert_eq!(intake.bad_lines(), vec![format!("notes.json: {NOT_JSON}")]);
    }

    /// A newer copy of a member in the round replaces it, keeping its id,
    /// label and joining time; the same or an older copy counts once; new
    /// members are numbered on from the round's members.
    #[test]
    fn a_newer_copy_replaces_a_member_and_new_ones_are_numbered_on() {
        let mut r = round();
        let first = Intake::of(&r, &[file(1, 5), file(2, 5)], false, at(10), counter());
        r.members = first.new;
        let mut ids = (100..).map(|n| format!("later-{n}"));
        let intake = Intake::of(
            &r,
            &[file(2, 9), file(3, 5), file(1, 5), file(1, 2), file(4, 5)],
            false,
            at(40),
            || ids.next().unwrap(),
        );
        assert_eq!(labels(&intake.new), vec!["Member 3", "Member 4"]);
        assert_eq!(
            intake
                .new
                .iter()
                .map(|m| m.source_id.as_str())
                .collect::<Vec<_>>(),
            vec!["assessment-3", "assessment-4"]
        );
        assert_eq!(intake.replaced.len(), 1);
        let replaced = &intake.replaced[0];
        assert_eq!(
            (replaced.id.as_str(), replaced.label.as_str()),
            ("member-id-2", "Member 2")
        );
        assert_eq!(
            (replaced.created_at, replaced.source_changed_at),
            (at(10), at(9))
        );
        assert_eq!(intake.newer_copies, vec!["member-2.json"]);
        assert_eq!(intake.already_in, vec!["member-1.json", "member-1.json"]);
        assert!(intake.bad.is_empty());
        assert_eq!(
            intake.in_words(),
            vec![
                "Loaded 2 members' files.",
                "1 file was a newer copy of a member's file and replaced the earlier one.",
                "2 files were already loaded, so each counts once.",
            ]
        );
        // Nothing in the round changed while it was worked out.
        assert_eq!(r.members.len(), 2);
        assert_eq!(r.members[1].source_changed_at, at(5));
        // Parted for the round: the new members, then the newer copy, and
        // the same words to say.
        let words = intake.in_words();
        let (members, said) = intake.into_members_and_said();
        assert_eq!(labels(&members), vec!["Member 3", "Member 4", "Member 2"]);
        assert_eq!(said.words, words);
        assert!(said.bad.is_empty());
    }

    /// Copies of one assessment within a batch: the newest wins, in the
    /// place and with the label of the first; older ones count once.
    #[test]
    fn copies_within_one_batch_keep_the_newest() {
        let mut r = round();
        r.members = Intake::of(&r, &[file(9, 1)], false, at(10), counter()).new;
        let intake = Intake::of(
            &r,
            &[
                file(1, 3),
                file(9, 4),
                file(1, 7),
                file(1, 6),
                file(9, 8),
                file(2, 1),
            ],
            false,
            at(40),
            counter(),
        );
        assert_eq!(labels(&intake.new), vec!["Member 2", "Member 3"]);
        assert_eq!(
            (intake.new[0].id.as_str(), intake.new[0].source_changed_at),
            ("member-id-1", at(7))
        );
        assert_eq!(intake.replaced.len(), 1);
        assert_eq!(
            (
                intake.replaced[0].id.as_str(),
                intake.replaced[0].label.as_str(),
                intake.replaced[0].source_changed_at
            ),
            ("member-id-1", "Member 1", at(8))
        );
        assert_eq!(
            intake.newer_copies,
            vec!["member-9.json", "member-1.json", "member-9.json"]
        );
        assert_eq!(intake.already_in, vec!["member-1.json"]);
        assert_eq!(intake.files(), 6);
        assert_eq!(
            intake.in_words(),
            vec![
                "Loaded 2 members' files.",
                "3 files were newer copies of members' files and replaced the earlier ones.",
                "1 file was already loaded, so it counts once.",
            ]
        );
    }

    /// With names kept, a member is named by the partnership, area, role
    /// and date their file gives.
    #[test]
    fn names_are_kept_only_when_chosen() {
        let intake = Intake::of(&round(), &[file(2, 5)], true, at(30), counter());
        assert_eq!(
            labels(&intake.new),
            vec!["Practice 2: Respiratory (Manager), 20 February 2027"]
        );
        assert_eq!(intake.in_words(), vec!["Loaded 1 member's file."]);
    }

    /// Hostile, huge and wrong files are each listed with their reason, once
    /// for the very same file picked twice, and the good file still loads.
    #[test]
    fn hostile_huge_and_wrong_files_are_listed_with_their_reasons() {
        let backup = crate::model::files::backup::to_json(
            &crate::model::workbook::document::Workbook::new(*at(0)),
        );
        let nested = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let huge = format!(
            "{{\"format\":\"commissioning-workbook-assessment\",\"pad\":\"{}\"}}",
            "x".repeat(6 * 1024 * 1024)
        );
        let mut rated_off_scale = assessment(3, 5);
        rated_off_scale.set_rating("power-1", Some(Rating::Level(9)), at(5));
        let files = vec![
            PickedFile::text("backup.json", backup),
            PickedFile::text("nested.json", nested.clone()),
            PickedFile::text("huge.json", huge),
            PickedFile {
                name: "video.mp4".into(),
                content: Picked::TooLarge(734_003_200),
            },
            PickedFile {
                name: "gone.json".into(),
                content: Picked::Unreadable,
            },
            PickedFile::text("off-scale.json", assessment_to_json(&rated_off_scale)),
            PickedFile::text("\u{1b}[31mred\u{7}.json", "[]"),
            PickedFile::text("nested.json", nested),
            PickedFile::text(format!("{}.json", "a".repeat(200)), "null"),
            file(1, 5),
        ];
        let intake = Intake::of(&round(), &files, false, at(30), counter());
        assert_eq!(labels(&intake.new), vec!["Member 1"]);
        assert_eq!(intake.already_in, vec!["nested.json"]);
        let not_one_record =
            "The file is JSON but not a shared assessment: it does not hold a single record.";
        let expected: Vec<(String, String)> = [
            (
                "backup.json",
                "The file is a whole Commissioning Workbook backup, not a shared assessment. \
                 To restore or merge a backup, use \"Restore or merge a backup\" on Your data.",
            ),
            (
                "nested.json",
                "The file cannot be read: its contents are nested more than 128 levels deep \
                 (brackets inside brackets), which no file from this app is. It may be damaged, \
                 or it may not be a file from this app.",
            ),
            (
                "huge.json",
                "The file is too large to be a member's assessment: it is 6.0 MB, and this app \
                 reads member files of up to 5.0 MB (a shared assessment is far smaller). It may \
                 be damaged, or it may not be a file from this app.",
            ),
            (
                "video.mp4",
                "The file is too large to be a member's assessment: it is 700 MB, and this app \
                 reads member files of up to 5.0 MB (a shared assessment is far smaller). It may \
                 be damaged, or it may not be a file from this app.",
            ),
            (
                "gone.json",
                "The file could not be read: it may have been moved or deleted since it was chosen.",
            ),
            (
                "off-scale.json",
                "The file looks like a shared assessment but part of it cannot be read: \
                 statement \"power-1\" is rated 9, but ratings run from 0 to 4.",
            ),
            ("[31mred.json", not_one_record),
        ]
        .into_iter()
        .map(|(n, r)| (n.to_string(), r.to_string()))
        .chain([(format!("{}…", "a".repeat(120)), not_one_record.to_string())])
        .collect();
        assert_eq!(intake.bad, expected);
        assert_eq!(intake.files(), 10);
        assert_eq!(
            intake.in_words(),
            vec![
                "Loaded 1 member's file.",
                "1 file was already loaded, so it counts once.",
                "8 files could not be read:",
            ]
        );
    }

    #[test]
    fn nothing_to_load_is_said_so() {
        let none = Intake::of(&round(), &[], false, at(30), counter());
        assert_eq!(none.in_words(), vec!["No files were chosen."]);
        assert!(none.changes_nothing());
        let bad = Intake::of(
            &round(),
            &[PickedFile::text("a.json", ""), PickedFile::text("", "1")],
            false,
            at(30),
            counter(),
        );
        assert_eq!(
            bad.in_words(),
            vec![
                "No new members' files were loaded.",
                "2 files could not be read:"
            ]
        );
        assert_eq!(bad.bad[1].0, "A file with no name");
        assert!(bad.changes_nothing());
    }

    /// Taken a slice at a time, a batch comes to the same as all at once.
    #[test]
    fn a_batch_taken_in_slices_is_the_same_as_all_at_once() {
        let files: Vec<PickedFile> = (1..=25).map(|n| file(n % 20, n as u32)).collect();
        let whole = Intake::of(&round(), &files, false, at(30), counter());
        let mut taking = Taking::new(&round(), false, at(30));
        let mut ids = counter();
        let mut progress = Vec::new();
        for slice in slices(files.len(), 10) {
            for f in &files[slice] {
                taking.take(f, &mut ids);
            }
            progress.push(taking.files_taken());
        }
        assert_eq!(progress, vec![10, 20, 25]);
        assert_eq!(taking.done(), whole);
        assert_eq!(whole.new.len(), 20);
        assert_eq!(whole.newer_copies.len(), 5);
    }

    #[test]
    fn slices_cover_every_item_once() {
        assert_eq!(slices(5, 2).collect::<Vec<_>>(), vec![0..2, 2..4, 4..5]);
        assert_eq!(slices(4, 2).collect::<Vec<_>>(), vec![0..2, 2..4]);
        assert_eq!(slices(0, 50).count(), 0);
        assert_eq!(slices(3, 0).collect::<Vec<_>>(), vec![0..1, 1..2, 2..3]);
    }

    #[test]
    fn a_folder_is_taken_in_the_order_people_sort_it() {
        let mut paths = vec![
            "North locality/member-2.json",
            "member-10.json",
            "Minutes.json",
            "member-2.json",
            "North locality/Brook/member-1.json",
            "member-02.json",
            "Archive/old.json",
            "North locality/member-1.json",
            "MEMBER-3.json",
        ];
        paths.sort_by(|a, b| folder_order(a, b));
        assert_eq!(
            paths,
            vec![
                "member-02.json",
                "member-2.json",
                "MEMBER-3.json",
                "member-10.json",
                "Minutes.json",
                "Archive/old.json",
                "North locality/member-1.json",
                "North locality/member-2.json",
                "North locality/Brook/member-1.json",
            ]
        );
    }

    #[test]
    fn counts_are_written_with_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(150), "150");
        assert_eq!(thousands(2_000), "2,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
