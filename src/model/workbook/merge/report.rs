//! What a merge did, in numbers and in the user's words.

use crate::model::workbook::document::{RecordKind, Workbook};

/// How many records of each kind, in the order kinds are declared
/// (`RecordKind::ALL`), so a report reads "1 development plan and 1 goal"
/// rather than "2 records".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts(Vec<(RecordKind, usize)>);

impl Counts {
    /// Counts `n` more records of `kind`.
    pub fn add(&mut self, kind: RecordKind, n: usize) {
        if n == 0 {
            return;
        }
        match self.0.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, count)) => *count += n,
            None => {
                self.0.push((kind, n));
                // What records sit in before what sits in them ("1 plan and
                // 2 goals"), then in the order kinds are declared.
                let depth =
                    |k: RecordKind| std::iter::successors(k.parent(), |p| p.parent()).count();
                let order =
                    |k: &RecordKind| (depth(*k), RecordKind::ALL.iter().position(|a| a == k));
                self.0.sort_by_key(|(k, _)| order(k));
            }
        }
    }

    /// How many records of every kind together.
    pub fn total(&self) -> usize {
        self.0.iter().map(|(_, n)| n).sum()
    }

    /// These counts less `other`'s, kind by kind.
    pub fn without(&self, other: &Counts) -> Counts {
        let mut left = Counts::default();
        for (kind, n) in &self.0 {
            left.add(*kind, n.saturating_sub(other.of(*kind)));
        }
        left
    }

    /// How many of `kind`.
    pub fn of(&self, kind: RecordKind) -> usize {
        self.0
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n)
    }

    /// The counts in the user's words: "1 development plan and 2 goals",
    /// "1 plan, 2 goals and 1 action".
    pub fn words(&self) -> String {
        let parts: Vec<String> = self.0.iter().map(|(k, n)| k.count(*n)).collect();
        match parts.as_slice() {
            [] => "nothing".to_string(),
            [only] => only.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// The merged workbook and what the merge did.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeOutcome {
    pub workbook: Workbook,
    pub report: MergeReport,
}

/// A plan given a new name by a merge, because another plan had its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenamedPlan {
    pub id: String,
    /// The name it had (in the backup, or here).
    pub was: String,
    /// The name it has now.
    pub now: String,
    /// True when the name came from the backup; false for two plans of this
    /// workbook that already shared a name (saved by an older version).
    pub from_backup: bool,
}

/// How many records each part of a merge touched, kind by kind. Every record
/// counts, at every level: a plan added with two goals is one plan and two
/// goals added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// On the backup's side only, and now in the workbook.
    pub added: Counts,
    /// On both sides, differing: the backup's version was newer and is now in place.
    pub updated: Counts,
    /// On both sides, differing: this workbook's version was newer (or as
    /// new) and stays.
    pub kept: Counts,
    /// On both sides, the same.
    pub unchanged: usize,
    /// Versions newly listed under conflicts (including `revived`).
    pub conflicts: Counts,
    /// Records kept although the other side deleted them, because they were
    /// changed after the deletion; each is listed under conflicts.
    pub revived: Counts,
    /// Records removed here because the backup deleted them after their last change.
    pub deletions: Counts,
    /// Records in the backup not brought back because they were deleted
    /// here after their last change.
    pub stayed_deleted: Counts,
    /// Plans renamed so that no two plans share a name.
    pub renamed: Vec<RenamedPlan>,
}

impl MergeReport {
    /// True when the merge changed no record.
    pub fn changed_nothing(&self) -> bool {
        self.added.total()
            + self.updated.total()
            + self.conflicts.total()
            + self.deletions.total()
            + self.renamed.len()
            == 0
    }

    /// Plain-English lines for the user, such as "1 development plan and 2
    /// goals added".
    pub fn lines(&self) -> Vec<String> {
        fn was(n: usize) -> &'static str {
            if n == 1 {
                "it was"
            } else {
                "they were"
            }
        }
        let mut lines = Vec::new();
        if self.added.total() > 0 {
            lines.push(format!("{} added", self.added.words()));
        }
        if self.updated.total() > 0 {
            lines.push(format!(
                "{} updated to the backup's newer version",
                self.updated.words()
            ));
        }
        if self.kept.total() > 0 {
            lines.push(format!(
                "{} kept as in this workbook, where {} changed more recently",
                self.kept.words(),
                was(self.kept.total())
            ));
        }
        if self.deletions.total() > 0 {
            lines.push(format!(
                "{} deleted, as {} deleted in the backup",
                self.deletions.words(),
                was(self.deletions.total())
            ));
        }
        if self.stayed_deleted.total() > 0 {
            lines.push(format!(
                "{} in the backup not brought back, as {} deleted in this workbook",
                self.stayed_deleted.words(),
                was(self.stayed_deleted.total())
            ));
        }
        let both = self.conflicts.without(&self.revived);
        if both.total() > 0 {
            lines.push(format!(
                "{} changed on both sides: the newer version is kept and the other is listed under conflicts",
                both.words()
            ));
        }
        if self.revived.total() > 0 {
            lines.push(format!(
                "{} kept although deleted on one side, as {} changed after the deletion: listed under conflicts",
                self.revived.words(),
                was(self.revived.total())
            ));
        }
        for r in &self.renamed {
            lines.push(if r.from_backup {
                format!(
                    "The plan \"{}\" from the backup is now called \"{}\", as you already have a plan called \"{}\"",
                    r.was, r.now, r.was
                )
            } else {
                format!(
                    "Your plan \"{}\" is now called \"{}\", as another of your plans has the same name",
                    r.was, r.now
                )
            });
        }
        if lines.is_empty() {
            lines.push(
                "Nothing to merge: this workbook already holds everything in the backup".into(),
            );
        }
        lines
    }
}
