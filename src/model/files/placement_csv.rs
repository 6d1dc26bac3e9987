//! The placement log as a CSV file, for a spreadsheet or an e-portfolio:
//! RFC 4180 (quoted where needed, CRLF line ends), UTF-8 with a header row,
//! one row per activity entry in date order. Written with the `csv` crate so
//! commas, quotes and line breaks inside text are quoted correctly. Each row
//! ends with the placement's details (trainee, host, supervisor, area, dates),
//! so a row read on its own, or rows from several placements pasted into one
//! sheet, still say whose and where they are; times are the user's local
//! time with its offset from UTC, as RFC 3339 writes them.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use super::formats::file_name;
use crate::model::capabilities;
use crate::model::common::dates::input_value;
use crate::model::placement::activity::format_duration;
use crate::model::placement::Placement;

/// The header row, in column order.
pub const CSV_HEADERS: [&str; 24] = [
    "Date",
    "Written",
    "Last changed",
    "Minutes",
    "Time spent",
    "Activity type",
    "Project",
    "My role",
    "What I did",
    "How I worked with others",
    "How effective it was",
    "Keep doing",
    "Do better",
    "Stop doing",
    "What I learnt about myself",
    "Leadership capabilities",
    "Outside the placement dates",
    "In my summary",
    "Trainee",
    "Host organisation",
    "Lead commissioner or supervisor",
    "Clinical area",
    "Placement start",
    "Placement end",
];

/// A byte-order mark first, so spreadsheet programs that guess the encoding
/// (Excel on Windows) read accented letters as UTF-8; CSV readers skip it.
pub const UTF8_BOM: &str = "\u{feff}";

/// A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` (or a tab or
/// carriage return before one) as a formula. Such cells get a leading
/// apostrophe, which spreadsheets show as text and never run.
pub fn neutralise_formula(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// The activity log of `placement` as CSV text. `offset_at` gives the user's
/// offset from UTC at a moment (the browser knows it, and it changes with
/// summer time), so "Written" reads as the clock on their wall did.
pub fn activity_csv(
    placement: &Placement,
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> String {
    let local = |at: DateTime<Utc>| {
        at.with_timezone(&offset_at(at))
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    };
    let details = [
        placement.trainee.to_string(),
        placement.organisation.to_string(),
        placement.supervisor.to_string(),
        placement.clinical_area.to_string(),
        placement.start.map(input_value).unwrap_or_default(),
        placement.last_day().map(input_value).unwrap_or_default(),
    ];
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    writer.write_record(CSV_HEADERS).expect("in memory");
    for e in &placement.entries {
        let project = e
            .project_id
            .as_deref()
            .map(|id| match placement.project(id) {
                Some(p) => p.title.to_string(),
                None => "(a deleted project)".to_string(),
            })
            .unwrap_or_default();
        let capabilities = e
            .capabilities
            .iter()
            .filter_map(|c| capabilities::element(c).map(|(_, el)| el.title))
            .collect::<Vec<_>>()
            .join("; ");
        let yes_no = |b: bool| if b { "Yes" } else { "No" }.to_string();
        let row = [
            input_value(e.date),
            local(*e.created_at),
            local(*e.updated_at),
            e.minutes.to_string(),
            format_duration(e.minutes),
            e.activity_type.label().to_string(),
            project,
            e.role.to_string(),
            e.what_done.to_string(),
            e.with_others.to_string(),
            e.effectiveness
                .map(|x| x.label().to_string())
                .unwrap_or_default(),
            e.keep.to_string(),
            e.improve.to_string(),
            e.stop.to_string(),
            e.learnt_about_self.to_string(),
            capabilities,
            yes_no(placement.is_outside(e.date)),
            yes_no(e.in_summary),
        ];
        writer
            .write_record(
                row.iter()
                    .chain(&details)
                    .map(|cell| neutralise_formula(cell)),
            )
            .expect("in memory");
    }
    let bytes = writer.into_inner().expect("in memory");
    // Every cell came from a Rust string, so the bytes are UTF-8.
    format!("{UTF8_BOM}{}", String::from_utf8(bytes).expect("UTF-8"))
}

/// `placement-log-nhs-eastern-and-coastal-kent-2027-12-01.csv`.
pub fn csv_file_name(placement: &Placement, today: NaiveDate) -> String {
    file_name("placement-log", &placement.organisation, today, "csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::common::saved_dates::Moment;
    use crate::model::placement::{ActivityDraft, ActivityType, PlacementDraft, ProjectDraft};
    use chrono::Utc;

    fn placement_with(texts: &[&str]) -> Placement {
        let now = Moment(Utc::now());
        let mut p = PlacementDraft {
            trainee: "Dr Zoë Adams".into(),
            organisation: "NHS Eastern & Coastal Kent".into(),
            supervisor: "Amanda, lead commissioner".into(),
            start: "2027-08-02".into(),
            ..Default::default()
        }
        .validate()
        .unwrap()
        .into_placement("pl".into(), now);
        p.projects.push(
            ProjectDraft {
                title: "Sleep apnoea, \"workshop\"".into(),
                ..Default::default()
            }
            .validate("pr".into(), now)
            .unwrap(),
        );
        for (i, text) in texts.iter().enumerate() {
            let e = ActivityDraft {
                date: format!("2027-08-{:02}", i + 3),
                time_spent: "1:15".into(),
                activity_type: Some(ActivityType::Workshop),
                project_id: Some("pr".into()),
                what_done: text.to_string(),
                keep: format!("keep {i}"),
                capabilities: vec!["others-teams".into(), "direction-evidence".into()],
                ..Default::default()
            }
            .validate(
                format!("e{i}"),
                NaiveDate::from_ymd_opt(2028, 1, 1).unwrap(),
                now,
                |_| true,
            )
            .unwrap();
            p.entries.push(e);
        }
        p
    }

    const AWKWARD: [&str; 8] = [
        "Met the lead commissioner, then the GPs",
        "She said \"yes\", then \"no\"",
        "Line one\nline two\r\nline three",
        "Zoë's café — naïve £5 ✓ 日本",
        "=HYPERLINK(\"http://example.invalid\",\"click\")",
        "+44 1227 000000",
        "-2 beds on the ward",
        "@SUM(A1:A2)",
    ];

    #[test]
    fn a_standard_csv_reader_reads_back_every_entry_exactly() {
        let p = placement_with(&AWKWARD);
        let text = activity_csv(&p, |_| FixedOffset::east_opt(0).unwrap());
        assert!(text.starts_with(UTF8_BOM));
        assert!(text.contains("\r\n"), "RFC 4180 line ends");
        let body = text.trim_start_matches(UTF8_BOM);
        let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(headers, CSV_HEADERS);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), AWKWARD.len());
        for (row, text) in rows.iter().zip(AWKWARD) {
            assert_eq!(row.len(), CSV_HEADERS.len());
            let what = &row[8];
            if text.starts_with(['=', '+', '-', '@']) {
                assert_eq!(what, format!("'{text}"), "formula neutralised");
            } else {
                assert_eq!(what, text, "text kept exactly");
            }
            assert_eq!(&row[3], "75");
            assert_eq!(&row[4], "1 hour 15 minutes");
            assert_eq!(&row[5], "Workshop");
            assert_eq!(&row[6], "Sleep apnoea, \"workshop\"");
            assert_eq!(
                &row[15],
                "Working within teams; Applying knowledge and evidence"
            );
            assert_eq!(&row[16], "No");
            assert_eq!(&row[18], "Dr Zoë Adams");
            assert_eq!(&row[19], "NHS Eastern & Coastal Kent");
            assert_eq!(&row[20], "Amanda, lead commissioner");
            assert_eq!(&row[22], "2027-08-02");
            assert_eq!(&row[23], "2027-12-01");
        }
        assert_eq!(&rows[0][0], "2027-08-03");
    }

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_neutralised() {
        for cell in ["=1+1", "+1", "-1", "@x", "\t=1", "\r=1"] {
            assert!(neutralise_formula(cell).starts_with('\''), "{cell:?}");
        }
        for cell in ["1", "a=b", "", "'quoted"] {
            assert_eq!(neutralise_formula(cell), cell);
        }
    }

    #[test]
    fn the_file_is_named_after_the_organisation_and_day() {
        let p = placement_with(&[]);
        let day = NaiveDate::from_ymd_opt(2027, 12, 1).unwrap();
        assert_eq!(
            csv_file_name(&p, day),
            "placement-log-nhs-eastern-coastal-kent-2027-12-01.csv"
        );
        let text = activity_csv(&p, |_| FixedOffset::east_opt(0).unwrap());
        assert_eq!(text.lines().count(), 1, "a header row even with no entries");
    }

    #[test]
    fn times_are_the_users_local_time_with_its_offset_at_that_moment() {
        let mut p = placement_with(&["Summer", "Winter"]);
        let at = |text: &str| Moment(text.parse::<DateTime<Utc>>().unwrap());
        p.entries[0].created_at = at("2027-08-03T09:15:00Z");
        p.entries[0].updated_at = at("2027-08-03T09:15:00Z");
        p.entries[1].created_at = at("2027-08-04T09:15:00Z");
        p.entries[1].updated_at = at("2027-11-02T10:00:00Z");
        // London: an hour ahead of UTC in summer, none in winter.
        let london = |t: DateTime<Utc>| {
            let summer = t < "2027-10-31T01:00:00Z".parse::<DateTime<Utc>>().unwrap();
            FixedOffset::east_opt(if summer { 3600 } else { 0 }).unwrap()
        };
        let text = activity_csv(&p, london);
        let mut reader =
            csv::ReaderBuilder::new().from_reader(text.trim_start_matches(UTF8_BOM).as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][1], "2027-08-03T10:15:00+01:00");
        assert_eq!(&rows[1][1], "2027-08-04T10:15:00+01:00");
        assert_eq!(&rows[1][2], "2027-11-02T10:00:00+00:00");
        // Read back, each is the same moment as saved.
        assert_eq!(
            rows[1][2].parse::<DateTime<Utc>>().unwrap(),
            *p.entries[1].updated_at
        );
    }
}
