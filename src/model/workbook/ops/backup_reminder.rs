//! When to remind the user to download a backup. Browsers may clear a site's
//! storage (Safari clears script-written storage after 7 days without a
//! visit; people clear their data), and the workbook lives nowhere else. So
//! the app remembers when a backup was last downloaded and, once changes not
//! in any backup are older than the user's chosen number of days, says so.

use chrono::{DateTime, Duration, Utc};

use crate::model::workbook::change::{Refusal, Stamp};
use crate::model::workbook::document::Workbook;

pub use crate::model::workbook::document::DEFAULT_REMINDER_DAYS;
/// The choices offered; 0 means never remind.
pub const REMINDER_CHOICES: [u32; 4] = [7, 14, 30, 0];

/// A reminder that is due: the oldest change not in a backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupDue {
    pub oldest_change: DateTime<Utc>,
    pub last_backup: Option<DateTime<Utc>>,
}

impl Workbook {
    /// The moment of the earliest change made after `since` (every record's
    /// last change and every deletion count); with no `since`, of any change.
    pub fn oldest_change_since(&self, since: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
        // Runs after every change (the reminder watches it), so it folds the
        // times as it walks rather than collecting them.
        let mut oldest: Option<DateTime<Utc>> = None;
        let mut see = |t: DateTime<Utc>| {
            if since.is_none_or(|s| t > s) && oldest.is_none_or(|o| t < o) {
                oldest = Some(t);
            }
        };
        self.each_last_change(&mut see);
        self.deleted.iter().for_each(|t| see(*t.deleted_at));
        oldest
    }

    /// Whether to remind the user to download a backup at `now`.
    pub fn backup_due(&self, now: DateTime<Utc>) -> Option<BackupDue> {
        if self.backup_reminder_days == 0 {
            return None;
        }
        let oldest_change = self.oldest_change_since(self.last_backup_at.map(DateTime::from))?;
        (now - oldest_change >= Duration::days(self.backup_reminder_days as i64)).then_some(
            BackupDue {
                oldest_change,
                last_backup: self.last_backup_at.map(DateTime::from),
            },
        )
    }

    /// Records that the user downloaded a backup. Not a change to their data,
    /// so `updated_at` stays as it was.
    pub(crate) fn note_backup(&mut self, stamp: Stamp) -> Result<(), Refusal> {
        self.last_backup_at = Some(stamp.at);
        Ok(())
    }

    pub(crate) fn set_backup_reminder(&mut self, days: u32) -> Result<(), Refusal> {
        if !REMINDER_CHOICES.contains(&days) {
            return Err(Refusal::OutOfRange);
        }
        self.backup_reminder_days = days;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::GoalDraft;
    use crate::model::workbook::change::Change;
    use crate::model::workbook::tree::RecordKind;
    use chrono::TimeZone;

    fn stamp(day: u32) -> Stamp {
        Stamp::on(2026, 11, day, 9, 0)
    }

    fn add_goal(wb: &mut Workbook, title: &str, day: u32) {
        let draft = GoalDraft {
            title: title.into(),
            ..Default::default()
        };
        wb.apply(&Change::add_goal(None, draft), stamp(day))
            .unwrap();
    }

    #[test]
    fn a_reminder_is_due_once_changes_not_in_a_backup_are_older_than_the_chosen_days() {
        let mut wb = Workbook::new(stamp(1).at);
        assert_eq!(
            wb.backup_due(*stamp(30).at),
            None,
            "nothing entered, nothing to lose"
        );
        add_goal(&mut wb, "First", 2);
        assert_eq!(wb.backup_due(*stamp(15).at), None, "13 days: not yet");
        let due = wb.backup_due(*stamp(16).at).expect("14 days: due");
        assert_eq!(due.oldest_change, stamp(2).at);
        assert_eq!(due.last_backup, None);

        wb.apply(&Change::NoteBackup, stamp(16)).unwrap();
        assert_eq!(wb.last_backup_at, Some(stamp(16).at));
        assert_eq!(
            wb.updated_at,
            stamp(2).at,
            "a backup is not a change to the data"
        );
        assert_eq!(
            wb.backup_due(*stamp(29).at),
            None,
            "everything is in the backup"
        );

        add_goal(&mut wb, "Second", 20);
        assert_eq!(
            wb.backup_due(*stamp(29).at),
            None,
            "the change is 9 days old"
        );
        let fourteen_days_on = Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap();
        assert_eq!(
            wb.backup_due(fourteen_days_on).map(|d| d.oldest_change),
            Some(*stamp(20).at),
            "counted from the first change after the backup, not from the backup"
        );

        wb.apply(&Change::SetBackupReminder { days: 30 }, stamp(21))
            .unwrap();
        assert_eq!(wb.backup_due(fourteen_days_on), None);
        wb.apply(&Change::SetBackupReminder { days: 0 }, stamp(21))
            .unwrap();
        assert_eq!(
            wb.backup_due(Utc.with_ymd_and_hms(2027, 6, 1, 0, 0, 0).unwrap()),
            None,
            "never"
        );
        assert_eq!(
            wb.apply(&Change::SetBackupReminder { days: 3 }, stamp(21)),
            Err(Refusal::OutOfRange)
        );
    }

    #[test]
    fn a_deletion_counts_as_a_change_not_in_the_backup() {
        let mut wb = Workbook::new(stamp(1).at);
        add_goal(&mut wb, "Gone soon", 2);
        wb.apply(&Change::NoteBackup, stamp(3)).unwrap();
        let id = wb.plans()[0].goals[0].id.clone();
        wb.apply(
            &Change::Delete {
                kind: RecordKind::Goal,
                id,
            },
            stamp(4),
        )
        .unwrap();
        assert_eq!(
            wb.oldest_change_since(wb.last_backup_at.map(DateTime::from)),
            Some(*stamp(4).at)
        );
    }
}
