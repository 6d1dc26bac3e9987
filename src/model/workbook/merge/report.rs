//! What a merge did, in numbers and in the user's words.

use crate::model::workbook::document::Workbook;

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

/// How many records each part of a merge touched. Every record counts, at
/// every level: a plan added with two goals is three records added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// On the backup's side only, and now in the workbook.
    pub added: usize,
    /// On both sides, differing: the backup's version was newer and is now in place.
    pub updated: usize,
    /// On both sides, differing: this workbook's version was newer (or as
    /// new) and stays.
    pub kept: usize,
    /// On both sides, the same.
    pub unchanged: usize,
    /// Versions newly listed under conflicts (including `revived`).
    pub conflicts: usize,
    /// Records kept although the other side deleted them, because they were
    /// changed after the deletion; each is listed under conflicts.
    pub revived: usize,
    /// Records removed here because the backup deleted them after their last change.
    pub deletions: usize,
    /// Records in the backup not brought back because they were deleted
    /// here after their last change.
    pub stayed_deleted: usize,
    /// Plans renamed so that no two plans share a name.
    pub renamed: Vec<RenamedPlan>,
}

impl MergeReport {
    /// True when the merge changed no record.
    pub fn changed_nothing(&self) -> bool {
        self.added + self.updated + self.conflicts + self.deletions + self.renamed.len() == 0
    }

    /// Plain-English lines for the user, such as "3 records added".
    pub fn lines(&self) -> Vec<String> {
        fn records(n: usize) -> String {
            format!("{n} {}", if n == 1 { "record" } else { "records" })
        }
        fn was(n: usize) -> &'static str {
            if n == 1 {
                "it was"
            } else {
                "they were"
            }
        }
        let mut lines = Vec::new();
        if self.added > 0 {
            lines.push(format!("{} added", records(self.added)));
        }
        if self.updated > 0 {
            lines.push(format!(
                "{} updated to the backup's newer version",
                records(self.updated)
            ));
        }
        if self.kept > 0 {
            lines.push(format!(
                "{} kept as in this workbook, where {} changed more recently",
                records(self.kept),
                was(self.kept)
            ));
        }
        if self.deletions > 0 {
            lines.push(format!(
                "{} deleted, as {} deleted in the backup",
                records(self.deletions),
                was(self.deletions)
            ));
        }
        if self.stayed_deleted > 0 {
            lines.push(format!(
                "{} in the backup not brought back, as {} deleted in this workbook",
                records(self.stayed_deleted),
                was(self.stayed_deleted)
            ));
        }
        let both = self.conflicts.saturating_sub(self.revived);
        if both > 0 {
            lines.push(format!(
                "{} changed on both sides: the newer version is kept and the other is listed under conflicts",
                records(both)
            ));
        }
        if self.revived > 0 {
            lines.push(format!(
                "{} kept although deleted on one side, as {} changed after the deletion: listed under conflicts",
                records(self.revived),
                was(self.revived)
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
