//! The benchmark's native part (`./scripts/bench.sh`): how long the import
//! checks take at the sizes their tests use, reported, not asserted. A time
//! asserted in a test fails on a busy machine and passes on a fast one
//! whatever the code does; here a figure is printed for a person to compare
//! (`src/model/files/import_checks/` keeps the tests of what they decide).
//!
//! Usage: cargo run --release --example import_checks_bench

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use commissioning_workbook::model::common::saved_dates::Moment;
use commissioning_workbook::model::files::assessment_file::read_assessment_export;
use commissioning_workbook::model::files::backup::read_workbook;
use commissioning_workbook::model::files::formats::MAX_IMPORT_BYTES;
use commissioning_workbook::model::files::import_checks::duplicate_id;
use commissioning_workbook::model::plan::{Action, Goal, Plan};
use commissioning_workbook::model::Workbook;

/// The median of `runs` timings of `work`.
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// "12.34 ms", or "5.6 µs" below a millisecond.
fn ms(time: Duration) -> String {
    let ms = time.as_secs_f64() * 1000.0;
    if ms < 1.0 {
        format!("{:.1} µs", ms * 1000.0)
    } else {
        format!("{ms:.2} ms")
    }
}

/// A workbook with one plan holding one goal with `actions` actions, each
/// with its own id: the shape of `the_duplicate_check_*` in the tests.
fn workbook_with_actions(actions: usize) -> Workbook {
    let now = Moment(Utc.with_ymd_and_hms(2026, 1, 8, 9, 0, 0).unwrap());
    let mut goal: Goal = serde_json::from_value(serde_json::json!({
        "id": "goal-1",
        "title": "Chair the respiratory programme board",
        "created_at": now,
        "updated_at": now,
    }))
    .expect("a goal with only its required fields");
    goal.actions = (0..actions)
        .map(|n| Action {
            id: format!("action-{n}"),
            text: "Shadow the chair".into(),
            due: None,
            done_on: None,
            created_at: now,
            updated_at: now,
        })
        .collect();
    let mut plan = Plan::first("plan-1".into(), now);
    plan.goals.push(goal);
    let mut workbook = Workbook::new(now);
    workbook
        .plans
        .get_mut()
        .expect("a new workbook's plans")
        .plans
        .push(plan);
    workbook
}

fn main() {
    // The size limit is checked before parsing: a text one byte over it,
    // nested brackets that the parser would take long to refuse.
    let huge = "[".repeat(MAX_IMPORT_BYTES + 1);
    let refused = median(11, || {
        assert!(read_workbook(&huge).is_err());
        assert!(read_assessment_export(&huge).is_err());
    });
    println!(
        "refusing a file one byte over the {} MB limit (as a backup and as an assessment export): {}",
        MAX_IMPORT_BYTES / (1024 * 1024),
        ms(refused)
    );

    // The duplicate-id check uses a set: time per record should stay flat as
    // the number of records grows (pairwise comparison would grow with it).
    println!("the duplicate-id check over one goal's actions (median of 5):");
    for actions in [50_000, 100_000, 200_000] {
        let workbook = workbook_with_actions(actions);
        let time = median(5, || assert_eq!(duplicate_id(&workbook), None));
        println!(
            "  {actions:>7} actions: {} ({:.0} ns a record)",
            ms(time),
            time.as_secs_f64() * 1e9 / actions as f64
        );
    }
}
