//! A group round's aggregate as a CSV file, for a board paper or a
//! spreadsheet: one row per area and per statement, with how the members'
//! levels spread — never a member's own answers or name. RFC 4180, CRLF line
//! ends, UTF-8 with a byte-order mark, like the placement log's CSV.

use crate::model::group::stats::{Spread, LEVELS};
use crate::model::group::summary::RoundSummary;
use crate::model::group::GroupRound;

use super::placement_csv::{neutralise_formula, UTF8_BOM};

/// The header row, in column order.
pub const GROUP_CSV_HEADERS: [&str; 20] = [
    "Row",
    "Area",
    "Statement",
    "Answered",
    "Not applicable or don't know",
    "Level 0",
    "Level 1",
    "Level 2",
    "Level 3",
    "Level 4",
    "Median",
    "Lower quartile",
    "Upper quartile",
    "Agreement",
    "Clinicians answered",
    "Clinicians' median",
    "Managers answered",
    "Managers' median",
    "Agreed level",
    "Target level and date",
];

/// A figure with at most one decimal place ("2", "2.5"); empty when none.
fn figure(value: Option<f64>) -> String {
    value.map(|v| format!("{v}")).unwrap_or_default()
}

fn spread_cells(spread: &Spread) -> Vec<String> {
    let mut cells = vec![
        spread.answered().to_string(),
        spread.not_applicable.to_string(),
    ];
    cells.extend((0..LEVELS).map(|level| spread.counts[level].to_string()));
    cells.push(figure(spread.median));
    cells.push(figure(spread.quartiles.map(|q| q.0)));
    cells.push(figure(spread.quartiles.map(|q| q.1)));
    cells
}

/// The round's aggregate as CSV text: each area's row, then its statements'.
pub fn round_csv(round: &GroupRound) -> String {
    let summary = RoundSummary::of(round);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    writer.write_record(GROUP_CSV_HEADERS).expect("in memory");
    for area in &summary.areas {
        let agreement = round.agreement(area.domain.id);
        let mut row = vec![
            "Area".to_string(),
            area.domain.title.to_string(),
            String::new(),
        ];
        row.extend(spread_cells(&area.all));
        row.push(String::new());
        row.extend([
            area.clinicians.answered().to_string(),
            figure(area.clinicians.median),
            area.managers.answered().to_string(),
            figure(area.managers.median),
            figure(agreement.and_then(|a| a.agreed_level).map(f64::from)),
            agreement
                .and_then(|a| {
                    let level = a.target_level?;
                    Some(match a.target_date {
                        Some(date) => format!(
                            "{level} by {}",
                            crate::model::common::dates::input_value(date)
                        ),
                        None => level.to_string(),
                    })
                })
                .unwrap_or_default(),
        ]);
        writer.write_record(&row).expect("in memory");
        for s in summary
            .statements
            .iter()
            .filter(|s| s.domain.id == area.domain.id)
        {
            let mut row = vec![
                "Statement".to_string(),
                area.domain.title.to_string(),
                neutralise_formula(s.statement.text),
            ];
            row.extend(spread_cells(&s.all));
            row.push(s.agreement().label().to_string());
            row.extend([
                s.clinicians.answered().to_string(),
                figure(s.clinicians.median),
                s.managers.answered().to_string(),
                figure(s.managers.median),
                String::new(),
                String::new(),
            ]);
            writer.write_record(&row).expect("in memory");
        }
    }
    let body =
        String::from_utf8(writer.into_inner().expect("in memory")).expect("UTF-8 in, UTF-8 out");
    format!("{UTF8_BOM}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::framework;
    use crate::model::common::saved_dates::{Day, Moment};
    use crate::model::group::{AreaAgreement, GroupMember, RoundDraft};
    use crate::model::workbook::fixtures::{an_assessment, at, day};

    /// A round with one member (the fixture's assessment: power-1 rated 3,
    /// power-2 not applicable) and an agreement on the power area.
    fn a_round() -> GroupRound {
        let mut round = RoundDraft {
            name: "Spring workshop".into(),
            held_on: "2027-09-06".into(),
            keep_names: false,
        }
        .validate("round-1".into(), Moment(at(6, 9)))
        .unwrap();
        let mut member = GroupMember::from_assessment(
            "member-1".into(),
            &an_assessment("assessment-of-a-member"),
            false,
            1,
            Moment(at(6, 9)),
        );
        member.label = "Member 1".into();
        round.members.push(member);
        round.agreements.push(AreaAgreement {
            id: "agreement-1".into(),
            domain_id: "power".into(),
            agreed_level: Some(1),
            target_level: Some(3),
            target_date: Some(Day(day(30))),
            note: "Talked it through".into(),
            goal_id: None,
            created_at: Moment(at(6, 10)),
            updated_at: Moment(at(6, 10)),
        });
        round
    }

    /// One row per area and statement, the fixture member's levels counted,
    /// and neither the member's label nor anything they wrote in the file.
    #[test]
    fn the_aggregate_has_a_row_per_area_and_statement_and_no_member() {
        let round = a_round();
        let text = round_csv(&round);
        assert!(text.starts_with(UTF8_BOM));
        let mut reader = csv::Reader::from_reader(text.trim_start_matches(UTF8_BOM).as_bytes());
        assert_eq!(reader.headers().unwrap().len(), GROUP_CSV_HEADERS.len());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(
            rows.len(),
            framework::DOMAINS.len() + framework::statement_count()
        );
        let power_1 = rows
            .iter()
            .find(|r| &r[2] == framework::statement("power-1").unwrap().1.text)
            .unwrap();
        // The fixture's member rated power-1 at 3 and power-2 not applicable.
        assert_eq!(&power_1[3], "1");
        assert_eq!(&power_1[8], "1");
        assert_eq!(&power_1[10], "3");
        assert_eq!(&power_1[13], "Too few answers to tell");
        let power = rows
            .iter()
            .find(|r| &r[0] == "Area" && &r[1] == "Power and influence")
            .unwrap();
        assert_eq!(
            (&power[4], &power[18], &power[19]),
            ("1", "1", "3 by 2027-09-30")
        );
        assert!(
            !text.contains("Member 1")
                && !text.contains("East Kent")
                && !text.contains("Board minutes")
        );
    }
}
