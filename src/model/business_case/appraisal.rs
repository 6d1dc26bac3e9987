//! An option's figures as HM Treasury's Green Book appraises them: each
//! year's costs and savings discounted to today's money, net present value,
//! net present cost, benefit–cost ratio, simple and discounted payback, the
//! break-even saving, and sensitivity. Money is summed in whole pence; a
//! present value is rounded to the penny once, year by year.

use serde::{Deserialize, Serialize};

use super::money::Pence;

/// The Green Book's discount rate for years 0 to 30: 3.5 % a year, in
/// hundredths of a per cent.
pub const GREEN_BOOK_RATE_BASIS_POINTS: u32 = 350;

/// The last year a figure may be entered for (year 0 is now).
pub const LAST_YEAR: u32 = 30;

/// Where the default rate and the method come from.
pub const GREEN_BOOK_SOURCE: &str = "HM Treasury, The Green Book: appraisal and evaluation in central \
     government (2022), and its discounting annex: costs and benefits are discounted at the social time \
     preference rate of 3.5 % a year for years 0 to 30, and an option's net present value is the sum of \
     its discounted benefits less its discounted costs.";

/// Reads a typed discount rate ("3.5", "3.5 %") as hundredths of a per
/// cent: from 0 % to under 100 %, to two decimal places.
pub fn parse_rate(text: &str) -> Result<u32, String> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Err("Enter the discount rate, such as 3.5".into());
    }
    if text.starts_with('-') {
        return Err("The discount rate must be 0 % or more".into());
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || digits(fraction)) {
        return Err("The discount rate must be a number, such as 3.5".into());
    }
    if fraction.len() > 2 {
        return Err("The discount rate can have at most 2 figures after the point".into());
    }
    let whole: u32 = whole
        .parse()
        .map_err(|_| "The discount rate must be less than 100 %".to_string())?;
    let rate = whole
        .saturating_mul(100)
        .saturating_add(format!("{fraction:0<2}").parse::<u32>().unwrap_or(0));
    if rate >= 10_000 {
        return Err("The discount rate must be less than 100 %".into());
    }
    Ok(rate)
}

/// Reads a typed year: a whole number from 0 (the year the scheme starts) to `LAST_YEAR`.
pub fn parse_year(text: &str) -> Result<u32, String> {
    let message = || format!("The year must be a whole number from 0 to {LAST_YEAR}");
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the year, 0 for the year the scheme starts".into());
    }
    let year: u32 = text.parse().map_err(|_| message())?;
    if year > LAST_YEAR {
        return Err(message());
    }
    Ok(year)
}

/// One year's figures for an option.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct YearFigures {
    /// 0 is the year the scheme starts.
    pub year: u32,
    pub set_up_costs: Pence,
    pub running_costs: Pence,
    /// Savings that free money to spend elsewhere.
    pub cash_releasing_savings: Pence,
    /// Savings of time or capacity that free no money.
    pub non_cash_releasing_savings: Pence,
}

impl YearFigures {
    pub fn costs(&self) -> Pence {
        Pence(self.set_up_costs.0 + self.running_costs.0)
    }
    pub fn savings(&self) -> Pence {
        Pence(self.cash_releasing_savings.0 + self.non_cash_releasing_savings.0)
    }
}

/// The discount factor for year `year` at `rate_basis_points`: 1 / (1 + r)^year.
pub fn discount_factor(rate_basis_points: u32, year: u32) -> f64 {
    let rate = rate_basis_points as f64 / 10_000.0;
    1.0 / (1.0 + rate).powi(year as i32)
}

/// An amount in year `year` in today's money, rounded to the penny.
pub fn present_value(amount: Pence, rate_basis_points: u32, year: u32) -> Pence {
    Pence((amount.0 as f64 * discount_factor(rate_basis_points, year)).round() as i64)
}

/// One entry for each year from 0 to the last with a figure, in order, two
/// entries for one year added together.
fn each_year(years: &[YearFigures]) -> Vec<YearFigures> {
    let last = years.iter().map(|y| y.year).max().unwrap_or(0);
    let mut by_year: Vec<YearFigures> = (0..=last)
        .map(|year| YearFigures {
            year,
            ..Default::default()
        })
        .collect();
    for y in years {
        let slot = &mut by_year[y.year as usize];
        slot.set_up_costs.0 += y.set_up_costs.0;
        slot.running_costs.0 += y.running_costs.0;
        slot.cash_releasing_savings.0 += y.cash_releasing_savings.0;
        slot.non_cash_releasing_savings.0 += y.non_cash_releasing_savings.0;
    }
    by_year
}

/// One line of an option's year-by-year table: the year's figures, its
/// discount factor, their present values and the net present value so far.
#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    pub figures: YearFigures,
    /// Savings less costs, not discounted.
    pub net: Pence,
    pub factor: f64,
    pub present_costs: Pence,
    pub present_savings: Pence,
    /// The net present value of this year and every year before it.
    pub cumulative_npv: Pence,
}

/// Each year from 0 to the last with a figure, discounted as `appraise`
/// discounts it (each present value rounded to the penny once), so the last
/// row's running total is the option's net present value.
pub fn year_rows(years: &[YearFigures], rate_basis_points: u32) -> Vec<YearRow> {
    let mut cumulative = 0i64;
    each_year(years)
        .into_iter()
        .map(|y| {
            let present_costs = present_value(y.costs(), rate_basis_points, y.year);
            let present_savings = present_value(y.savings(), rate_basis_points, y.year);
            cumulative += present_savings.0 - present_costs.0;
            YearRow {
                net: Pence(y.savings().0 - y.costs().0),
                factor: discount_factor(rate_basis_points, y.year),
                present_costs,
                present_savings,
                cumulative_npv: Pence(cumulative),
                figures: y,
            }
        })
        .collect()
}

/// What the appraisal adds up to for one option.
#[derive(Clone, Debug, PartialEq)]
pub struct Appraisal {
    pub rate_basis_points: u32,
    /// Each year from 0 to the last with a figure: (year, discount factor).
    pub factors: Vec<(u32, f64)>,
    pub present_costs: Pence,
    pub present_savings: Pence,
    /// Present value of cash-releasing savings alone.
    pub present_cash_releasing: Pence,
    pub net_present_value: Pence,
    /// Net present cost: the present costs less the present savings.
    pub net_present_cost: Pence,
    /// Present savings over present costs; none when nothing costs anything.
    pub benefit_cost_ratio: Option<f64>,
    /// Years until the savings so far (not discounted) cover the costs so
    /// far, counting part of the year it happens in; none when they never do.
    pub simple_payback_years: Option<f64>,
    /// The first year at the end of which the discounted savings so far cover
    /// the discounted costs so far; none when they never do.
    pub discounted_payback_year: Option<u32>,
    /// The same saving in every year that has savings entered (or every year
    /// after year 0 when none has) at which the net present value is zero.
    pub break_even_yearly_saving: Option<Pence>,
}

impl Appraisal {
    /// The benefit–cost ratio in words: "1.35", or "Not applicable" when
    /// nothing costs anything.
    pub fn ratio_text(&self) -> String {
        self.benefit_cost_ratio
            .map_or_else(|| "Not applicable".into(), |r| format!("{r:.2}"))
    }

    /// "3.3 years", or "Does not pay back".
    pub fn simple_payback_text(&self) -> String {
        self.simple_payback_years
            .map_or_else(|| "Does not pay back".into(), |y| format!("{y:.1} years"))
    }

    /// "In year 4", or "Does not pay back".
    pub fn discounted_payback_text(&self) -> String {
        self.discounted_payback_year
            .map_or_else(|| "Does not pay back".into(), |y| format!("In year {y}"))
    }
}

/// Appraises an option's years at a discount rate. Years may be in any
/// order; two entries for one year are added together.
pub fn appraise(years: &[YearFigures], rate_basis_points: u32) -> Appraisal {
    let last = years.iter().map(|y| y.year).max().unwrap_or(0);
    let by_year = each_year(years);
    let pv = |amount: Pence, year: u32| present_value(amount, rate_basis_points, year).0;
    let present_costs: i64 = by_year.iter().map(|y| pv(y.costs(), y.year)).sum();
    let present_savings: i64 = by_year.iter().map(|y| pv(y.savings(), y.year)).sum();
    let present_cash_releasing: i64 = by_year
        .iter()
        .map(|y| pv(y.cash_releasing_savings, y.year))
        .sum();

    let mut simple_payback_years = None;
    let mut cumulative = 0i64;
    for y in &by_year {
        let net = y.savings().0 - y.costs().0;
        if cumulative < 0 && cumulative + net >= 0 && net > 0 {
            // Part of this year: what was still owed over this year's net saving.
            simple_payback_years = Some(y.year as f64 - 1.0 + (-cumulative) as f64 / net as f64);
            break;
        }
        cumulative += net;
    }
    let mut discounted_payback_year = None;
    let mut discounted = 0i64;
    let mut owed = false;
    for y in &by_year {
        discounted += pv(y.savings(), y.year) - pv(y.costs(), y.year);
        owed |= discounted < 0;
        if owed && discounted >= 0 {
            discounted_payback_year = Some(y.year);
            break;
        }
    }

    let saving_years: Vec<u32> = match by_year.iter().filter(|y| y.savings().0 != 0).count() {
        0 => (1..=last.max(1)).collect(),
        _ => by_year
            .iter()
            .filter(|y| y.savings().0 != 0)
            .map(|y| y.year)
            .collect(),
    };
    let annuity: f64 = saving_years
        .iter()
        .map(|year| discount_factor(rate_basis_points, *year))
        .sum();
    let break_even_yearly_saving =
        (annuity > 0.0).then(|| Pence((present_costs as f64 / annuity).round() as i64));

    Appraisal {
        rate_basis_points,
        factors: (0..=last)
            .map(|year| (year, discount_factor(rate_basis_points, year)))
            .collect(),
        present_costs: Pence(present_costs),
        present_savings: Pence(present_savings),
        present_cash_releasing: Pence(present_cash_releasing),
        net_present_value: Pence(present_savings - present_costs),
        net_present_cost: Pence(present_costs - present_savings),
        benefit_cost_ratio: (present_costs > 0)
            .then(|| present_savings as f64 / present_costs as f64),
        simple_payback_years,
        discounted_payback_year,
        break_even_yearly_saving,
    }
}

/// How the net present value moves when the figures are worse than hoped.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    /// Every saving 20 % lower.
    pub savings_down_20: Pence,
    /// Every cost 20 % higher.
    pub costs_up_20: Pence,
    /// Every cost raised by the optimism-bias uplift the user set.
    pub with_optimism_bias: Pence,
}

/// Scales each year's amounts by `percent` of themselves, to the penny.
fn scaled(amount: Pence, percent: i64) -> Pence {
    Pence((amount.0 * percent + 50 * amount.0.signum()) / 100)
}

/// The net present value again with savings 20 % lower, with costs 20 %
/// higher, and with costs raised by `optimism_bias_percent` (the Green
/// Book's adjustment for appraisers' known tendency to be too hopeful).
pub fn sensitivity(
    years: &[YearFigures],
    rate_basis_points: u32,
    optimism_bias_percent: u32,
) -> Sensitivity {
    let npv_with = |cost_percent: i64, saving_percent: i64| {
        let changed: Vec<YearFigures> = years
            .iter()
            .map(|y| YearFigures {
                year: y.year,
                set_up_costs: scaled(y.set_up_costs, cost_percent),
                running_costs: scaled(y.running_costs, cost_percent),
                cash_releasing_savings: scaled(y.cash_releasing_savings, saving_percent),
                non_cash_releasing_savings: scaled(y.non_cash_releasing_savings, saving_percent),
            })
            .collect();
        appraise(&changed, rate_basis_points).net_present_value
    };
    Sensitivity {
        savings_down_20: npv_with(100, 80),
        costs_up_20: npv_with(120, 100),
        with_optimism_bias: npv_with(100 + optimism_bias_percent as i64, 100),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example: £100,000 in year 0, £30,000 saved in each
    /// of years 1 to 5, at 3.5 %.
    fn example() -> Vec<YearFigures> {
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
        years
    }

    /// Computed by hand: 1/1.035 = 0.96618, 1/1.035² = 0.93351, 1/1.035³ =
    /// 0.90194, 1/1.035⁴ = 0.87144, 1/1.035⁵ = 0.84197; the five factors sum
    /// to 4.51505, so the savings are worth £135,451.57 today and the NPV is
    /// £35,452 to the pound. Undiscounted, £90,000 is back after 3 years and
    /// the last £10,000 a third of the way into year 4: 3.3 years. Discounted,
    /// the running total is −£15,951 after year 3 and +£10,192 after year 4.
    #[test]
    fn the_worked_example_gives_the_green_book_figures() {
        let a = appraise(&example(), GREEN_BOOK_RATE_BASIS_POINTS);
        let rounded: Vec<String> = a.factors[1..]
            .iter()
            .map(|(_, f)| format!("{f:.4}"))
            .collect();
        assert_eq!(rounded, ["0.9662", "0.9335", "0.9019", "0.8714", "0.8420"]);
        assert_eq!(a.net_present_value.to_pounds_text(), "£35,452");
        assert_eq!(a.present_costs, Pence::from_pounds(100_000));
        assert_eq!(a.present_savings.to_pounds_text(), "£135,452");
        assert_eq!(a.present_cash_releasing, a.present_savings);
        assert_eq!(a.net_present_cost.to_pounds_text(), "−£35,452");
        assert_eq!(a.discounted_payback_year, Some(4));
        assert_eq!(format!("{:.1}", a.simple_payback_years.unwrap()), "3.3");
        assert_eq!(format!("{:.2}", a.benefit_cost_ratio.unwrap()), "1.35");
        assert_eq!(
            (
                a.ratio_text(),
                a.simple_payback_text(),
                a.discounted_payback_text()
            ),
            ("1.35".into(), "3.3 years".into(), "In year 4".into())
        );
        // 100,000 / 4.51505 = 22,148.05: the saving a year at which NPV is 0.
        assert_eq!(
            a.break_even_yearly_saving.unwrap().to_pounds_text(),
            "£22,148"
        );
        let check = appraise(
            &example()
                .into_iter()
                .map(|mut y| {
                    if y.year > 0 {
                        y.cash_releasing_savings = a.break_even_yearly_saving.unwrap();
                    }
                    y
                })
                .collect::<Vec<_>>(),
            GREEN_BOOK_RATE_BASIS_POINTS,
        );
        assert!(
            check.net_present_value.0.abs() <= 3,
            "{:?}",
            check.net_present_value
        );
    }

    /// Savings 20 % lower: 0.8 × £135,451.57 − £100,000 = £8,361; costs 20 %
    /// higher: £135,451.57 − £120,000 = £15,452; a 10 % optimism-bias uplift
    /// on costs: £135,451.57 − £110,000 = £25,452.
    #[test]
    fn sensitivity_moves_the_npv_as_worked_by_hand() {
        let s = sensitivity(&example(), GREEN_BOOK_RATE_BASIS_POINTS, 10);
        assert_eq!(s.savings_down_20.to_pounds_text(), "£8,361");
        assert_eq!(s.costs_up_20.to_pounds_text(), "£15,452");
        assert_eq!(s.with_optimism_bias.to_pounds_text(), "£25,452");
    }

    /// The worked example's table, by hand: year 1's £30,000 is worth
    /// 30,000 / 1.035 = £28,985.51 today; the running total of present values
    /// is −£100,000 after year 0, −£71,014.49 after year 1, about −£15,951
    /// after year 3, +£10,192 after year 4 (the discounted payback), and the
    /// NPV, £35,452, after year 5.
    #[test]
    fn the_year_by_year_table_adds_up_to_the_npv() {
        let rows = year_rows(&example(), GREEN_BOOK_RATE_BASIS_POINTS);
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0].factor, 1.0);
        assert_eq!(rows[0].net, Pence::from_pounds(-100_000));
        assert_eq!(rows[0].present_costs, Pence::from_pounds(100_000));
        assert_eq!(rows[0].cumulative_npv, Pence::from_pounds(-100_000));
        assert_eq!(rows[1].net, Pence::from_pounds(30_000));
        assert_eq!(rows[1].present_savings, Pence(2_898_551));
        assert_eq!(rows[1].present_costs, Pence(0));
        assert_eq!(rows[1].cumulative_npv, Pence(-7_101_449));
        let running: Vec<String> = rows
            .iter()
            .map(|r| r.cumulative_npv.to_pounds_text())
            .collect();
        assert_eq!(running[3], "−£15,951");
        assert_eq!(running[4], "£10,192");
        assert_eq!(running[5], "£35,452");
        assert_eq!(
            rows[5].cumulative_npv,
            appraise(&example(), GREEN_BOOK_RATE_BASIS_POINTS).net_present_value
        );
        // Years left out are shown as years of nothing.
        let gap = year_rows(
            &[YearFigures {
                year: 2,
                running_costs: Pence::from_pounds(1_000),
                ..Default::default()
            }],
            GREEN_BOOK_RATE_BASIS_POINTS,
        );
        assert_eq!(gap.len(), 3);
        assert_eq!(gap[1].figures.costs(), Pence(0));
        assert_eq!(gap[2].figures.year, 2);
    }

    #[test]
    fn impossible_rates_and_years_are_refused_in_words() {
        assert_eq!(parse_rate("3.5"), Ok(350));
        assert_eq!(parse_rate(" 3.5 % "), Ok(350));
        assert_eq!(parse_rate("0"), Ok(0));
        assert_eq!(parse_rate("1.25"), Ok(125));
        assert_eq!(
            parse_rate("-100").unwrap_err(),
            "The discount rate must be 0 % or more"
        );
        assert_eq!(
            parse_rate("100").unwrap_err(),
            "The discount rate must be less than 100 %"
        );
        assert_eq!(
            parse_rate("three").unwrap_err(),
            "The discount rate must be a number, such as 3.5"
        );
        assert!(parse_rate("3.555").is_err());
        assert!(parse_rate("").is_err());
        assert_eq!(parse_year("0"), Ok(0));
        assert_eq!(parse_year("30"), Ok(30));
        assert_eq!(
            parse_year("-1").unwrap_err(),
            "The year must be a whole number from 0 to 30"
        );
        assert!(parse_year("31").is_err());
        assert!(parse_year("year two").is_err());
    }

    #[test]
    fn doing_nothing_and_a_scheme_that_never_pays_back() {
        let nothing = appraise(&[], GREEN_BOOK_RATE_BASIS_POINTS);
        assert_eq!(nothing.net_present_value, Pence(0));
        assert_eq!(nothing.benefit_cost_ratio, None);
        assert_eq!(nothing.simple_payback_years, None);
        assert_eq!(nothing.discounted_payback_year, None);
        assert_eq!(nothing.ratio_text(), "Not applicable");
        assert_eq!(nothing.simple_payback_text(), "Does not pay back");
        assert_eq!(nothing.discounted_payback_text(), "Does not pay back");

        let never = appraise(
            &[
                YearFigures {
                    year: 0,
                    set_up_costs: Pence::from_pounds(50_000),
                    ..Default::default()
                },
                YearFigures {
                    year: 2,
                    running_costs: Pence::from_pounds(5_000),
                    non_cash_releasing_savings: Pence::from_pounds(1_000),
                    ..Default::default()
                },
            ],
            GREEN_BOOK_RATE_BASIS_POINTS,
        );
        assert!(never.net_present_value.0 < 0);
        assert_eq!(never.simple_payback_years, None);
        assert_eq!(never.discounted_payback_year, None);
        assert_eq!(never.present_cash_releasing, Pence(0));
        // A zero rate discounts nothing.
        assert_eq!(discount_factor(0, 30), 1.0);
    }
}
