//! Keeping two open tabs in step without either losing the other's entries.
//!
//! Each tab remembers the revision of the document it last read or wrote (its
//! *base*) and the changes it has made since (*pending*). Before saving it
//! looks at what is stored: if another tab has saved a newer revision, the
//! pending changes are replayed on that newer copy (like rebasing commits) and
//! the result is saved, so both tabs' entries survive. A change that no longer
//! applies (its record was deleted in the other tab) is dropped, and said in
//! words so the user can be told what was not kept (`Change::dropped_message`).

use crate::model::workbook::apply::Dispatcher;
use crate::model::workbook::change::{Change, Stamp};
use crate::model::workbook::document::Workbook;

/// A change with the moment it was made and the dispatcher it was applied
/// with (its page's), so a replay gives the same result.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamped {
    pub change: Change,
    pub stamp: Stamp,
    pub dispatcher: Dispatcher,
}

/// Changes made in this tab and not yet saved, oldest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pending(Vec<Stamped>);

impl Pending {
    /// Adds a change that was applied. Typing the same field again replaces
    /// the earlier keystroke, so the list stays short while the user types.
    pub fn push(&mut self, change: Change, stamp: Stamp, dispatcher: Dispatcher) {
        if let Some(last) = self.0.last() {
            if last.change.superseded_by(&change) {
                self.0.pop();
            }
        }
        self.0.push(Stamped {
            change,
            stamp,
            dispatcher,
        });
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

/// This tab's pending changes replayed on a newer copy another tab saved.
#[derive(Debug, PartialEq)]
pub struct Replayed {
    pub document: Workbook,
    /// The changes that still applied: what remains to be saved.
    pub kept: Pending,
    /// Each change that no longer applied, in the user's words.
    pub dropped: Vec<String>,
}

/// Replays `pending` on `newer` (a copy another tab saved). `current` is this
/// tab's own copy, where what each change is about is still there to be named.
pub fn rebase(current: &Workbook, newer: &Workbook, pending: &Pending) -> Replayed {
    let mut document = newer.clone();
    let mut kept = Pending::default();
    let mut dropped = Vec::new();
    for Stamped {
        change,
        stamp,
        dispatcher,
    } in &pending.0
    {
        match dispatcher.apply(&mut document, change, *stamp) {
            Ok(_) => kept.0.push(Stamped {
                change: change.clone(),
                stamp: *stamp,
                dispatcher: *dispatcher,
            }),
            Err(refusal) => dropped.push(change.dropped_message(&refusal, current, &document)),
        }
    }
    Replayed {
        document,
        kept,
        dropped,
    }
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
    /// Changes of this tab that no longer applied after the rebase, each in
    /// the user's words.
    pub dropped: Vec<String>,
}

/// Plans a save of `current` (this tab's document: its base revision plus
/// `pending`). `stored` is what local storage holds now, if it could be read.
/// A save never overwrites a newer revision: it builds on it instead.
pub fn plan_save(current: &Workbook, pending: &Pending, stored: Option<&Workbook>) -> SavePlan {
    let base = current.revision;
    match stored {
        Some(stored) if stored.revision > base => {
            let Replayed {
                mut document,
                dropped,
                ..
            } = rebase(current, stored, pending);
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
                dropped: Vec::new(),
            }
        }
    }
}

/// What a tab shows when another tab has saved `newer`: that copy with this
/// tab's unsaved changes replayed on it (those that no longer apply are
/// dropped, and said), or `None` when `newer` is not newer than what this tab
/// already has.
pub fn take_newer(current: &Workbook, pending: &Pending, newer: &Workbook) -> Option<Replayed> {
    is_newer(current, newer).then(|| rebase(current, newer, pending))
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
    use crate::model::plan::GoalDraft;
    use crate::model::workbook::change::Stamp;
    use crate::model::workbook::tree::RecordKind;

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
            self.pending
                .push(change, stamp(minute), Dispatcher::every_change());
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
                .plans()
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
        assert!(plan.dropped.is_empty());
        assert_eq!(storage.revision, 2);
        assert_eq!(b.titles(), vec!["From tab A", "From tab B"]);

        // A hears of B's save and takes it; nothing of its own is pending.
        let shown = take_newer(&a.doc, &a.pending, &storage).unwrap();
        assert_eq!(shown.document, storage);
        assert_eq!(take_newer(&storage, &Pending::default(), &storage), None);
    }

    #[test]
    fn a_newer_copy_arriving_keeps_this_tabs_unsaved_typing() {
        let mut storage = Workbook::new(stamp(0).at);
        let mut a = Tab::open(&storage);
        a.make(
            Change::Add {
                id: "a1".into(),
                under: None,
                draft: (crate::model::assessment::AssessmentDraft {
                    partnership: "East Kent".into(),
                    role: Some(crate::model::assessment::Role::Manager),
                    date: "2026-11-24".into(),
                    ..Default::default()
                })
                .into(),
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

        let shown = take_newer(&b.doc, &b.pending, &storage).unwrap().document;
        assert_eq!(shown.plans()[0].goals.len(), 1);
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
    fn a_change_to_a_record_deleted_elsewhere_is_dropped_and_said_in_words() {
        let mut storage = Workbook::new(stamp(0).at);
        let mut a = Tab::open(&storage);
        a.make(
            Change::AddGoal {
                id: "g1".into(),
                place: crate::model::workbook::change::GoalPlace::CurrentOrNew("p1".into()),
                draft: GoalDraft {
                    title: "Chair the board".into(),
                    ..Default::default()
                },
            },
            1,
        );
        a.save(&mut storage);
        let mut b = Tab::open(&storage);
        a.make(
            Change::Delete {
                kind: RecordKind::Goal,
                id: "g1".into(),
            },
            2,
        );
        a.save(&mut storage);
        // B has not heard of the deletion: it changes, adds to and deletes
        // the goal, and adds a goal of its own.
        b.make(
            Change::SetGoalStatus {
                id: "g1".into(),
                status: crate::model::plan::GoalStatus::Achieved,
            },
            3,
        );
        b.make(
            Change::add(
                Some("g1"),
                crate::model::plan::ActionDraft {
                    text: "Book the room".into(),
                    ..Default::default()
                },
            ),
            4,
        );
        b.make(goal("Kept"), 5);
        let plan = b.save(&mut storage);
        assert_eq!(
            plan.dropped,
            vec![
                "Your change to the goal \"Chair the board\" could not be kept: it was deleted in another tab or window.",
                "The action \"Book the room\", which you added, could not be kept: the goal \"Chair the board\" was deleted in another tab or window.",
            ]
        );
        assert_eq!(b.titles(), vec!["Kept"]);
        assert!(storage.was_deleted("g1"));

        // Deleted in both tabs: nothing is lost, and the notice says so.
        let mut c = Tab::open(&storage);
        let kept = c.doc.plans()[0].goals[0].id.clone();
        b.make(
            Change::Delete {
                kind: RecordKind::Goal,
                id: kept.clone(),
            },
            6,
        );
        b.save(&mut storage);
        c.make(
            Change::Delete {
                kind: RecordKind::Goal,
                id: kept,
            },
            7,
        );
        assert_eq!(
            c.save(&mut storage).dropped,
            vec!["The goal you deleted had already been deleted in another tab or window."]
        );
    }

    #[test]
    fn a_newer_copy_taken_in_drops_what_no_longer_applies_once() {
        let mut storage = Workbook::new(stamp(0).at);
        let mut a = Tab::open(&storage);
        a.make(goal("Chair the board"), 1);
        a.save(&mut storage);
        let id = a.doc.plans()[0].goals[0].id.clone();
        let mut b = Tab::open(&storage);
        b.make(
            Change::SetGoalStatus {
                id: id.clone(),
                status: crate::model::plan::GoalStatus::Achieved,
            },
            2,
        );
        b.make(goal("Kept"), 3);
        a.make(
            Change::Delete {
                kind: RecordKind::Goal,
                id,
            },
            4,
        );
        a.save(&mut storage);

        let replayed = take_newer(&b.doc, &b.pending, &storage).unwrap();
        assert_eq!(
            replayed.dropped,
            vec!["Your change to the goal \"Chair the board\" could not be kept: it was deleted in another tab or window."]
        );
        assert_eq!(
            replayed.kept.len(),
            1,
            "only what still applies is left to save"
        );
        // Taken in, the tab saves on the copy it shows: nothing is dropped twice.
        b.doc = replayed.document;
        b.pending = replayed.kept;
        let plan = b.save(&mut storage);
        assert!(plan.dropped.is_empty());
        assert_eq!(b.titles(), vec!["Kept"]);
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

    /// A change not yet saved is replayed over another tab's save with the
    /// dispatcher its page applied it with, which the replay keeps.
    #[test]
    fn a_replay_uses_the_dispatcher_each_change_was_made_with() {
        use crate::model::workbook::records::{PlacementKinds, PlanKinds};
        let stored = Workbook::new(stamp(0).at);
        let mut newer = stored.clone();
        newer.revision = 1;
        let on_the_plan_page = Dispatcher::of::<PlanKinds>();
        let mut pending = Pending::default();
        pending.push(goal("Kept"), stamp(1), on_the_plan_page);
        let replayed = rebase(&stored, &newer, &pending);
        assert!(replayed.dropped.is_empty());
        assert_eq!(replayed.kept.0[0].dispatcher, on_the_plan_page);
        assert_eq!(replayed.document.plans()[0].goals[0].title, "Kept");

        // Recorded with the placement log's dispatcher, the same change is
        // refused in the replay (it is no placement's), so that is the one used.
        let mut pending = Pending::default();
        pending.push(
            goal("Refused"),
            stamp(1),
            Dispatcher::of::<PlacementKinds>(),
        );
        let replayed = rebase(&stored, &newer, &pending);
        assert_eq!(replayed.dropped.len(), 1);
        assert!(replayed.kept.is_empty());
        assert!(replayed.document.plans().is_empty());
    }
}
