//! A business case's figures as a CSV file, for a spreadsheet or a finance
//! colleague to check: RFC 4180 (quoted where needed, CRLF line ends),
//! UTF-8 with a byte-order mark, as the placement log is written.
//!
//! First a table with one row per option per year: the four amounts as
//! entered, their totals, the discount factor and the present values, and
//! the net present value so far. Then, after an empty line, a row per
//! option with what its appraisal adds up to. Last, the rate the figures
//! are discounted at with its source. Amounts are pounds and pence with no
//! £ sign or commas ("100000.00", "-35451.58"), so spreadsheets read them
//! as numbers; text cells that a spreadsheet would run as a formula get a
//! leading apostrophe (`placement_csv::neutralise_formula`).

use chrono::NaiveDate;

use super::formats::file_name;
use super::placement_csv::{neutralise_formula, UTF8_BOM};
use crate::model::business_case::appraisal::{
    discount_factor, present_value, YearFigures, GREEN_BOOK_SOURCE,
};
use crate::model::business_case::money::Pence;
use crate::model::business_case::records::OPTIMISM_BIAS_SOURCE;
use crate::model::business_case::{BusinessCase, CaseOption};

/// The year-by-year table's header row, in column order.
pub const YEAR_HEADERS: [&str; 13] = [
    "Option",
    "Year",
    "Set-up costs",
    "Running costs",
    "Cash-releasing savings",
    "Non-cash-releasing savings",
    "Total costs",
    "Total savings",
    "Net",
    "Discount factor",
    "Present value of costs",
    "Present value of savings",
    "Net present value to date",
];

/// Pounds and pence as a spreadsheet reads a number: "100000.00", "-250.00".
pub fn csv_pounds(amount: Pence) -> String {
    let sign = if amount.0 < 0 { "-" } else { "" };
    format!(
        "{sign}{}.{:02}",
        amount.0.unsigned_abs() / 100,
        amount.0.unsigned_abs() % 100
    )
}

/// An option's years from 0 to its last, each year's entries added
/// together (as `appraise` adds them), with empty years as zeros.
fn years_in_order(option: &CaseOption) -> Vec<YearFigures> {
    let last = option.years.iter().map(|y| y.year).max().unwrap_or(0);
    (0..=last)
        .map(|year| {
            let mut sum = YearFigures {
                year,
                ..Default::default()
            };
            for y in option.years.iter().filter(|y| y.year == year) {
                sum.set_up_costs.0 += y.set_up_costs.0;
                sum.running_costs.0 += y.running_costs.0;
                sum.cash_releasing_savings.0 += y.cash_releasing_savings.0;
                sum.non_cash_releasing_savings.0 += y.non_cash_releasing_savings.0;
            }
            sum
        })
        .collect()
}

/// Rows as CSV text, each line ending CRLF.
fn csv_block(rows: Vec<Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        // The rate's lines are shorter than the summary's.
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        writer.write_record(&row).expect("in memory");
    }
    let bytes = writer.into_inner().expect("in memory");
    // Every cell came from a Rust string, so the bytes are UTF-8.
    String::from_utf8(bytes).expect("UTF-8")
}

/// The case's figures as CSV text: the table year by year, an empty line,
/// the summary per option, an empty line, and the rate with its source
/// (an empty line written by itself, as CSV writers write one empty cell
/// as `""`).
pub fn case_csv(case: &BusinessCase) -> String {
    let rate = case.discount_rate_basis_points;
    let mut table = vec![YEAR_HEADERS.map(String::from).to_vec()];
    for option in &case.options {
        let name = neutralise_formula(&option.name);
        let mut to_date = 0i64;
        for y in years_in_order(option) {
            let present_costs = present_value(y.costs(), rate, y.year);
            let present_savings = present_value(y.savings(), rate, y.year);
            to_date += present_savings.0 - present_costs.0;
            table.push(vec![
                name.clone(),
                y.year.to_string(),
                csv_pounds(y.set_up_costs),
                csv_pounds(y.running_costs),
                csv_pounds(y.cash_releasing_savings),
                csv_pounds(y.non_cash_releasing_savings),
                csv_pounds(y.costs()),
                csv_pounds(y.savings()),
                csv_pounds(Pence(y.savings().0 - y.costs().0)),
                format!("{:.4}", discount_factor(rate, y.year)),
                csv_pounds(present_costs),
                csv_pounds(present_savings),
                csv_pounds(Pence(to_date)),
            ]);
        }
    }
    let mut summary = vec![[
        "Option",
        "Net present value",
        "Net present cost",
        "Benefit-cost ratio",
        "Simple payback (years)",
        "Discounted payback year",
        "Break-even yearly saving",
        "Net present value with savings 20 % lower",
        "Net present value with costs 20 % higher",
        &format!(
            "Net present value with an optimism bias of {} % on costs",
            case.optimism_bias_percent
        ),
        "Recommended",
    ]
    .map(String::from)
    .to_vec()];
    for option in &case.options {
        let figures = case.figures(option);
        let a = &figures.appraisal;
        let s = &figures.sensitivity;
        let recommended = case.preferred_option_id.as_deref() == Some(option.id.as_str());
        summary.push(vec![
            neutralise_formula(&option.name),
            csv_pounds(a.net_present_value),
            csv_pounds(a.net_present_cost),
            a.benefit_cost_ratio
                .map(|r| format!("{r:.2}"))
                .unwrap_or_default(),
            a.simple_payback_years
                .map(|y| format!("{y:.1}"))
                .unwrap_or_default(),
            a.discounted_payback_year
                .map(|y| y.to_string())
                .unwrap_or_default(),
            a.break_even_yearly_saving
                .map(csv_pounds)
                .unwrap_or_default(),
            csv_pounds(s.savings_down_20),
            csv_pounds(s.costs_up_20),
            csv_pounds(s.with_optimism_bias),
            if recommended { "Yes" } else { "No" }.into(),
        ]);
    }
    let about = vec![
        vec!["Business case".into(), neutralise_formula(&case.title)],
        vec![
            "Discount rate".into(),
            format!("{} a year", case.rate_text()),
            format!("Source: {GREEN_BOOK_SOURCE}"),
        ],
        vec![
            "Optimism bias".into(),
            format!("{} % on costs", case.optimism_bias_percent),
            format!("Source: {OPTIMISM_BIAS_SOURCE}"),
        ],
        vec![
            "Amounts".into(),
            "Pounds and pence; present values are in today's money, each year's rounded to the penny"
                .into(),
        ],
    ];
    format!(
        "{UTF8_BOM}{}\r\n{}\r\n{}",
        csv_block(table),
        csv_block(summary),
        csv_block(about)
    )
}

/// `business-case-figures-community-diabetes-clinic-2026-12-03.csv`.
pub fn case_csv_file_name(case: &BusinessCase, today: NaiveDate) -> String {
    file_name("business-case-figures", &case.title, today, "csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::business_case::CaseRisk;
    use crate::model::common::saved_dates::Moment;
    use chrono::{TimeZone, Utc};

    /// The worked example beside doing nothing: £100,000 set-up in
    /// year 0 and £30,000 cash-releasing savings in years 1 to 5, at 3.5 %.
    fn example(name: &str) -> BusinessCase {
        let now = Moment(Utc.with_ymd_and_hms(2026, 12, 3, 10, 15, 0).unwrap());
        let option = |id: &str, name: &str, years: Vec<YearFigures>| CaseOption {
            id: id.into(),
            name: name.into(),
            description: Default::default(),
            do_nothing: id == "nothing",
            benefits: Default::default(),
            years,
            risks: Vec::<CaseRisk>::new(),
            created_at: now,
            updated_at: now,
        };
        let mut years = vec![YearFigures {
            year: 0,
            set_up_costs: Pence::from_pounds(100_000),
            ..Default::default()
        }];
        years.extend((1..=5).map(|year| YearFigures {
            year,
            cash_releasing_savings: Pence::from_pounds(30_000),
            ..Default::default()
        }));
        BusinessCase {
            id: "case".into(),
            title: "Community diabetes clinic".into(),
            linked: None,
            prepared_by: Default::default(),
            problem: Default::default(),
            population: Default::default(),
            strategic_fit: Default::default(),
            procurement: Default::default(),
            funding: Default::default(),
            benefits_measurement: Default::default(),
            recommendation: Default::default(),
            preferred_option_id: Some("clinic".into()),
            discount_rate_basis_points: 350,
            optimism_bias_percent: 10,
            options: vec![
                option("nothing", "Do nothing", Vec::new()),
                option("clinic", name, years),
            ],
            milestones: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// Worked by hand (and checked in a spreadsheet): each year's factor is
    /// 1 / 1.035^year; £30,000 × factor to the penny is 28,985.51,
    /// 28,005.32, 27,058.28, 26,143.27 and 25,259.20, so the net present
    /// value after year 5 is £35,451.58 (£35,452 to the pound), paid back
    /// (discounted) in year 4; simple payback 3 + 10,000 / 30,000 = 3.3
    /// years; benefit-cost ratio 135,451.58 / 100,000 = 1.35; break-even
    /// saving 100,000 / 4.51505 = 22,148.14; savings −20 %: 108,361.26 −
    /// 100,000; costs +20 %: 135,451.58 − 120,000; a 10 % uplift: − 110,000.
    #[test]
    fn the_worked_example_is_written_row_by_row() {
        let text = case_csv(&example("Clinic in two practices"));
        let expected = [
            "\u{feff}Option,Year,Set-up costs,Running costs,Cash-releasing savings,Non-cash-releasing savings,Total costs,Total savings,Net,Discount factor,Present value of costs,Present value of savings,Net present value to date",
            "Do nothing,0,0.00,0.00,0.00,0.00,0.00,0.00,0.00,1.0000,0.00,0.00,0.00",
            "Clinic in two practices,0,100000.00,0.00,0.00,0.00,100000.00,0.00,-100000.00,1.0000,100000.00,0.00,-100000.00",
            "Clinic in two practices,1,0.00,0.00,30000.00,0.00,0.00,30000.00,30000.00,0.9662,0.00,28985.51,-71014.49",
            "Clinic in two practices,2,0.00,0.00,30000.00,0.00,0.00,30000.00,30000.00,0.9335,0.00,28005.32,-43009.17",
            "Clinic in two practices,3,0.00,0.00,30000.00,0.00,0.00,30000.00,30000.00,0.9019,0.00,27058.28,-15950.89",
            "Clinic in two practices,4,0.00,0.00,30000.00,0.00,0.00,30000.00,30000.00,0.8714,0.00,26143.27,10192.38",
            "Clinic in two practices,5,0.00,0.00,30000.00,0.00,0.00,30000.00,30000.00,0.8420,0.00,25259.20,35451.58",
            "",
            "Option,Net present value,Net present cost,Benefit-cost ratio,Simple payback (years),Discounted payback year,Break-even yearly saving,Net present value with savings 20 % lower,Net present value with costs 20 % higher,Net present value with an optimism bias of 10 % on costs,Recommended",
            "Do nothing,0.00,0.00,,,,0.00,0.00,0.00,0.00,No",
            "Clinic in two practices,35451.58,-35451.58,1.35,3.3,4,22148.14,8361.26,15451.58,25451.58,Yes",
            "",
            "Business case,Community diabetes clinic",
            &format!("Discount rate,3.5 % a year,\"Source: {GREEN_BOOK_SOURCE}\""),
            &format!("Optimism bias,10 % on costs,\"Source: {OPTIMISM_BIAS_SOURCE}\""),
            "Amounts,\"Pounds and pence; present values are in today's money, each year's rounded to the penny\"",
            "",
        ];
        assert_eq!(text.split("\r\n").collect::<Vec<_>>(), expected);
    }

    #[test]
    fn text_is_quoted_and_formulas_are_kept_from_running() {
        let mut case = example("=HYPERLINK(\"http://example.invalid\",\"click\")");
        case.options[0].name = "Do nothing, \"as now\"\nfor now".into();
        case.title = "@SUM(A1:A2)".into();
        let text = case_csv(&case);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(text.trim_start_matches(UTF8_BOM).as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(&rows[1][0], "Do nothing, \"as now\"\nfor now");
        assert_eq!(
            &rows[2][0],
            "'=HYPERLINK(\"http://example.invalid\",\"click\")"
        );
        assert_eq!(&rows[2][8], "-100000.00", "numbers are not marked as text");
        let title = rows.iter().find(|r| &r[0] == "Business case").unwrap();
        assert_eq!(&title[1], "'@SUM(A1:A2)");
        assert!(text.contains("\"Do nothing, \"\"as now\"\"\nfor now\",0,"));
    }

    #[test]
    fn amounts_and_the_file_name_are_written_for_a_spreadsheet() {
        assert_eq!(csv_pounds(Pence(10_000_000)), "100000.00");
        assert_eq!(csv_pounds(Pence(-5)), "-0.05");
        assert_eq!(csv_pounds(Pence(0)), "0.00");
        assert_eq!(
            case_csv_file_name(&example("x"), NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()),
            "business-case-figures-community-diabetes-clinic-2026-12-03.csv"
        );
    }
}
