//! The benchmark's native part for the group view (`./scripts/bench.sh`):
//! how long the model takes to read members' single-assessment files, take
//! them into a round and add the round up, for 200 and 2,000 members. It
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
use commissioning_workbook::model::files::assessment_file::{
    assessment_to_json, read_assessment_export,
};
use commissioning_workbook::model::group::summary::RoundSummary;
use commissioning_workbook::model::group::{GroupMember, RoundDraft};
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
        let files: Vec<String> = (1..=members).map(member_file).collect();
        let bytes: usize = files.iter().map(String::len).sum();
        let mut wb = Workbook::new(stamp.at);
        let start = Change::add(
            None,
            RoundDraft {
                name: "Spring".into(),
                held_on: "2027-03-10".into(),
                keep_names: false,
            },
        );
        let round_id = start.created_id().unwrap().to_string();
        wb.apply(&start, stamp).unwrap();
        let (assessments, read) = timed(|| {
            files
                .iter()
                .map(|f| read_assessment_export(f).expect("a good file"))
                .collect::<Vec<_>>()
        });
        let (_, taken) = timed(|| {
            let loaded: Vec<GroupMember> = assessments
                .iter()
                .enumerate()
                .map(|(n, a)| {
                    GroupMember::from_assessment(new_id("member"), a, false, n + 1, stamp.at)
                })
                .collect();
            wb.apply(
                &Change::AddMembers {
                    round_id: round_id.clone(),
                    members: loaded,
                },
                stamp,
            )
            .unwrap();
        });
        let (summary, summed) = timed(|| RoundSummary::of(&wb.group_rounds[0]));
        assert_eq!(summary.members, members);
        println!(
            "{members} member files ({:.1} MB): read {:.0} ms, taken into the round {:.0} ms, added up {:.0} ms",
            bytes as f64 / 1e6,
            read.as_secs_f64() * 1e3,
            taken.as_secs_f64() * 1e3,
            summed.as_secs_f64() * 1e3
        );
    }
}
