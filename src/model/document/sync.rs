//! Keeping two open tabs in step without either losing the other's entries.
//!
//! Each tab remembers the revision of the document it last read or wrote (its
//! *base*) and the changes it has made since (*pending*). Before saving it
//! looks at what is stored: if another tab has saved a newer revision, the
//! pending changes are replayed on that newer copy (like rebasing commits) and
//! the result is saved, so both tabs' entries survive. A change that no longer
//! applies (its record was deleted in the other tab) is dropped and counted.

use super::changes::{Change, Stamp};
use super::workbook::Workbook;

/// A change with the moment it was made, so a replay gives the same result.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamped {
    pub change: Change,
    pub stamp: Stamp,
}

/// Changes made in this tab and not yet saved, oldest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pending(Vec<Stamped>);

impl Pending {
    /// Adds a change that was applied. Typing the same field again replaces
    /// the earlier keystroke, so the list stays short while the user types.
    pub fn push(&mut self, change: Change, stamp: Stamp) {
        if let Some(last) = self.0.last() {
            if last.change.superseded_by(&change) {
                self.0.pop();
            }
        }
        self.0.push(Stamped { change, stamp });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

/// Replays `pending` on `newer` (a copy another tab saved). Returns the result
/// and how many changes no longer applied.
pub fn rebase(newer: &Workbook, pending: &Pending) -> (Workbook, usize) {
    let mut doc = newer.clone();
    let mut dropped = 0;
    for Stamped { change, stamp } in &pending.0 {
        if doc.apply(change, *stamp).is_err() {
            dropped += 1;
        }
    }
    (doc, dropped)
}

/// What to write when saving, worked out from what this tab holds and what
/// is stored now.
#[derive(Debug, PartialEq)]
pub struct SavePlan {
    /// The document to store, with its new revision set.
    pub document: Workbook,
    /// True when another tab had saved first and this tab's changes were
    /// replayed on its copy: the page must show `document` now.
    pub rebased: bool,
    /// Changes of this tab that no longer applied after the rebase.
    pub dropped: usize,
}

/// Plans a save of `current` (this tab's document: its base revision plus
/// `pending`). `stored` is what local storage holds now, if it could be read.
/// A save never overwrites a newer revision: it builds on it instead.
pub fn plan_save(current: &Workbook, pending: &Pending, stored: Option<&Workbook>) -> SavePlan {
    let base = current.revision;
    match stored {
        Some(stored) if stored.revision > base => {
            let (mut document, dropped) = rebase(stored, pending);
            document.revision = stored.revision + 1;
            SavePlan {
                document,
                rebased: true,
                dropped,
            }
        }
        _ => {
            let mut document = current.clone();
            document.revision = base + 1;
            SavePlan {
                document,
                rebased: false,
                dropped: 0,
            }
        }
    }
}

/// What a tab shows when another tab has saved `newer`: that copy with this
/// tab's unsaved changes replayed on it, or `None` when `newer` is not newer
/// than what this tab already has.
pub fn take_newer(current: &Workbook, pending: &Pending, newer: &Workbook) -> Option<Workbook> {
    is_newer(current, newer).then(|| rebase(newer, pending).0)
}

/// Whether another tab's `newer` save is a later revision than `current`,
/// the only kind a tab takes in.
pub fn is_newer(current: &Workbook, newer: &Workbook) -> bool {
    newer.revision > current.revision
}

/// A confirmed restore: the restored document replaces everything, saved as a
/// revision newer than any this or another tab has seen.
pub fn plan_restore(restored: Workbook, current: &Workbook, stored: Option<&Workbook>) -> Workbook {
    let mut document = restored;
    let highest = stored.map_or(0, |s| s.revision).max(current.revision);
    document.revision = highest + 1;
    document
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::changes::Stamp;
    use crate::model::plan::GoalDraft;

    fn stamp(minute: u32) -> Stamp {
        Stamp::on(2026, 11, 24, 10, minute)
    }

    fn goal(title: &str) -> Change {
        Change::add_goal(
            None,
            GoalDraft {
                title: title.into(),
                ..Default::default()
            },
        )
    }

    /// A tab: its document and the changes it has not saved.
    struct Tab {
        doc: Workbook,
        pending: Pending,
    }

    impl Tab {
        fn open(stored: &Workbook) -> Tab {
            Tab {
                doc: stored.clone(),
                pending: Pending::default(),
            }
        }
        fn make(&mut self, change: Change, minute: u32) {
            self.doc.apply(&change, stamp(minute)).unwrap();
            self.pending.push(change, stamp(minute));
        }
        fn save(&mut self, storage: &mut Workbook) -> SavePlan {
            let plan = plan_save(&self.doc, &self.pending, Some(storage));
            *storage = plan.document.clone();
            self.doc = plan.document.clone();
            self.pending.clear();
            plan
        }
        fn titles(&self) -> Vec<&str> {
            self.doc
                .plans
                .iter()
                .flat_map(|p| p.goals.iter())
                .map(|g| g.title.as_str())
                .collect()
        }
    }

    #[test]
    fn a_save_with_no_other_tab_raises_the_revision() {
        let mut storage = Workbook::new(stamp(0).at);
        let mut tab = Tab::open(&storage);
        tab.make(goal("One"), 1);
        let plan = tab.save(&mut storage);
        assert!(!plan.rebased);
        assert_eq!(storage.revision, 1);
        assert_eq!(tab.titles(), vec!["One"]);
    }

    #[test]
    fn two_tabs_saving_in_turn_lose_nothing() {
        let mut storage = Workbook::new(stamp(0).at);
        let mut a = Tab::open(&storage);
        let mut b = Tab::open(&storage);
        a.make(goal("From tab A"), 1);
        b.make(goal("From tab B"), 2);
        a.save(&mut storage);
        let plan = b.save(&mut storage);
        assert!(plan.rebased, "B saw that A had saved first");
        assert_eq!(plan.dropped, 0);
        assert_eq!(storage.revision, 2);
        assert_eq!(b.titles(), vec!["From tab A", "From tab B"]);

        // A hears of B's save and takes it; nothing of its own is pending.
        let shown = take_newer(&a.doc, &a.pending, &storage).unwrap();
        assert_eq!(shown, storage);
        assert_eq!(take_newer(&storage, &Pending::default(), &storage), None);
    }

    #[test]
    fn a_newer_copy_arriving_keeps_this_tabs_unsaved_typing() {
        let mut storage = Workbook::new(stamp(0).at);
        let mut a = Tab::open(&storage);
        a.make(
            Change::StartAssessment {
                id: "a1".into(),
                draft: crate::model::assessment::AssessmentDraft {
                    partnership: "East Kent".into(),
                    role: Some(crate::model::assessment::Role::Manager),
                    date: "2026-11-24".into(),
                    ..Default::default()
                },
            },
            1,
        );
        a.save(&mut storage);
        let mut b = Tab::open(&storage);
        for (i, text) in ["B", "Bo", "Boa", "Board"].iter().enumerate() {
            b.make(
                Change::SetEvidence {
                    assessment_id: "a1".into(),
                    statement_id: "power-1".into(),
                    text: text.to_string(),
                },
                2 + i as u32,
            );
        }
        assert_eq!(b.pending.len(), 1, "keystrokes on one field collapse");
        a.make(goal("Saved in A"), 7);
        a.save(&mut storage);

        let shown = take_newer(&b.doc, &b.pending, &storage).unwrap();
        assert_eq!(shown.plans[0].goals.len(), 1);
        assert_eq!(
            shown
                .assessment("a1")
                .unwrap()
                .answer("power-1")
                .unwrap()
                .evidence,
            "Board"
        );
    }

    #[test]
    fn a_change_to_a_record_deleted_elsewhere_is_dropped_and_counted() {
        let mut storage = Workbook::new(stamp(0).at);
        let mut a = Tab::open(&storage);
        a.make(
            Change::AddGoal {
                id: "g1".into(),
                place: crate::model::document::changes::GoalPlace::CurrentOrNew("p1".into()),
                draft: GoalDraft {
                    title: "Shared".into(),
                    ..Default::default()
                },
            },
            1,
        );
        a.save(&mut storage);
        let mut b = Tab::open(&storage);
        a.make(Change::RemoveGoal { id: "g1".into() }, 2);
        a.save(&mut storage);
        b.make(Change::RemoveGoal { id: "g1".into() }, 3);
        b.make(goal("Kept"), 4);
        let plan = b.save(&mut storage);
        assert_eq!(plan.dropped, 1);
        assert_eq!(b.titles(), vec!["Kept"]);
        assert!(storage.was_deleted("g1"));
    }

    #[test]
    fn a_restore_is_saved_above_every_revision_seen() {
        let mut stored = Workbook::new(stamp(0).at);
        stored.revision = 7;
        let mut current = stored.clone();
        current.revision = 5;
        let restored = Workbook::new(stamp(1).at);
        assert_eq!(plan_restore(restored, &current, Some(&stored)).revision, 8);
    }
}
