//! The placement log as a CSV file, for a spreadsheet or an e-portfolio:
//! RFC 4180 (quoted where needed, CRLF line ends), UTF-8 with a header row,
//! one row per activity entry in date order. Written with the `csv` crate so
//! commas, quotes and line breaks inside text are quoted correctly.

use chrono::NaiveDate;

use super::formats::file_name;
use crate::model::capabilities;
use crate::model::common::dates::input_value;
use crate::model::placement::activity::format_duration;
use crate::model::placement::Placement;

/// The header row, in column order.
pub const CSV_HEADERS: [&str; 18] = [
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

/// The activity log of `placement` as CSV text.
pub fn activity_csv(placement: &Placement) -> String {
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
            e.created_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            e.updated_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
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
            .write_record(row.iter().map(|cell| neutralise_formula(cell)))
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
            organisation: "NHS Eastern & Coastal Kent".into(),
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
        let text = activity_csv(&p);
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
        let text = activity_csv(&p);
        assert_eq!(text.lines().count(), 1, "a header row even with no entries");
    }
}
