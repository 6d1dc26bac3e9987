//! The benchmark's native part for the group view (`./scripts/bench.sh`):
//! how long the model takes to read members' single-assessment files and
//! work out what taking them into a round does (`group_intake::Intake`, as
//! the page does: every file checked, duplicates counted once), take them
//! into the round in the workbook with the page's one change
//! (`Change::TakeInMembers`), add the round up, and load the same files
//! again (each then counted once), for 200 and 2,000 members. It
//! times the model alone; the browser's figure (reading the files from disk,
//! drawing the page) is measured separately. Reported, not asserted.
//!
//! Usage: cargo run --release --example group_round_bench

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use commissioning_workbook::model::assessment::framework;
use commissioning_workbook::model::assessment::{Assessment, Rating, Role};
use commissioning_workbook::model::common::ids::new_id;
use commissioning_workbook::model::common::saved_dates::Moment;
use commissioning_workbook::model::files::assessment_file::assessment_to_json;
use commissioning_workbook::model::files::group_intake::{Intake, PickedFile};
use commissioning_workbook::model::group::summary::RoundSummary;
use commissioning_workbook::model::group::RoundDraft;
use commissioning_workbook::model::{Change, Stamp, Workbook};

/// A member's file: every statement rated, levels spread by the member's number.
fn member_file(n: usize) -> String {
    let now = Moment(Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap());
    let mut a = Assessment::new(
        format!("assessment-of-member-{n}"),
        format!("Practice {n}"),
        "Respiratory".into(),
        if n.is_multiple_of(3) {
            Role::Manager
        } else {
            Role::Clinician
        },
        NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
        now,
    );
    for (i, (domain, statement)) in framework::all_statements().enumerate() {
        let rating = match (n + i) % 7 {
            6 => Rating::NotApplicable,
            level => Rating::Level((level % 5) as u8),
        };
        a.set_rating(statement.id, Some(rating), now);
        a.set_evidence(
            statement.id,
            "Minutes of the March board and the audit",
            now,
        );
        a.set_importance(domain.id, Some(((n + i) % 3 + 1) as u8), now);
    }
    assessment_to_json(&a)
}

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = work();
    (out, started.elapsed())
}

fn main() {
    let stamp = Stamp {
        at: Moment(Utc.with_ymd_and_hms(2027, 3, 10, 9, 0, 0).unwrap()),
        today: NaiveDate::from_ymd_opt(2027, 3, 10).unwrap(),
    };
    for members in [200, 2_000] {
        let texts: Vec<String> = (1..=members).map(member_file).collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let files: Vec<PickedFile> = texts
            .into_iter()
            .enumerate()
            .map(|(n, text)| PickedFile::text(format!("member-{}.json", n + 1), text))
            .collect();
        let mut workbook = Workbook::new(stamp.at);
        let start = Change::add(
            None,
            RoundDraft {
                name: "Spring".into(),
                held_on: "2027-03-10".into(),
                keep_names: false,
            },
        );
        let round_id = start.created_id().expect("a new round's id").to_string();
        workbook.apply(&start, stamp).expect("a round");
        let (intake, read) = timed(|| {
            Intake::of(
                workbook.group_round(&round_id).expect("the round"),
                &files,
                false,
                stamp.at,
                || new_id("member"),
            )
        });
        assert_eq!((intake.new.len(), intake.bad.len()), (members, 0));
        let take = Change::TakeInMembers {
            round: round_id.clone(),
            members: intake.new,
        };
        let (applied, taken) = timed(|| workbook.apply(&take, stamp));
        applied.expect("the members taken in");
        let (summary, summed) =
            timed(|| RoundSummary::of(workbook.group_round(&round_id).expect("the round")));
        assert_eq!(summary.members, members);
        // The same files again: each compared with every member of the round.
        let (again, reloaded) = timed(|| {
            Intake::of(
                workbook.group_round(&round_id).expect("the round"),
                &files,
                false,
                stamp.at,
                || new_id("member"),
            )
        });
        assert_eq!(again.already_in.len(), members);
        println!(
            "{members} member files ({:.1} MB): read and checked {:.0} ms, taken into the round {:.0} ms, added up {:.0} ms; loaded again (each counted once) {:.0} ms",
            bytes as f64 / 1e6,
            read.as_secs_f64() * 1e3,
            taken.as_secs_f64() * 1e3,
            summed.as_secs_f64() * 1e3,
            reloaded.as_secs_f64() * 1e3
        );
    }
}
