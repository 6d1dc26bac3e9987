//! A business case's records, as the workbook keeps them: the case (its
//! sections, the discount rate and optimism bias its figures use, and the
//! option it recommends), its options (each with its costs and savings year
//! by year, its benefits that are not money, and its risks), and its
//! milestones; and the form drafts that make and change each.
//!
//! The sections follow HM Treasury's Green Book in proportion to a small
//! scheme (one "business justification case"): the problem and who it
//! affects, the fit with the commissioner's priorities (strategic), the
//! options and their figures (economic), how it would be bought
//! (commercial), who pays (financial), and milestones and how benefits are
//! measured (management).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::common::dates::{input_value, long_date};
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::stale::Shown;
use crate::model::common::user_text::UserText;
use crate::model::common::validation::{required_date, required_text, FieldError};

use super::appraisal::{
    appraise, parse_rate, sensitivity, Appraisal, Sensitivity, YearFigures,
    GREEN_BOOK_RATE_BASIS_POINTS, LAST_YEAR,
};
use super::money::Pence;

/// The business cases' part of the workbook. Saved as a deferred section
/// (`workbook::deferred`): read when a business case page opens.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CaseBook {
    #[serde(default)]
    pub cases: Vec<BusinessCase>,
}

impl CaseBook {
    pub fn case(&self, id: &str) -> Option<&BusinessCase> {
        self.cases.iter().find(|c| c.id == id)
    }

    /// The cases started from a placement project or a plan goal.
    pub fn linked_to(&self, kind: LinkKind, id: &str) -> Vec<&BusinessCase> {
        self.cases
            .iter()
            .filter(|c| {
                c.linked
                    .as_ref()
                    .is_some_and(|l| l.kind == kind && l.id == id)
            })
            .collect()
    }
}

/// What a business case was started from.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// A project of a GP trainee's placement.
    Project,
    /// A goal of a development plan.
    Goal,
}

/// The project or goal a case was started from, with its title as it was
/// then (so the link still reads when the case is shared or the record goes).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CaseLink {
    pub kind: LinkKind,
    pub id: String,
    pub title: UserText,
}

impl CaseLink {
    /// "the placement project "Diabetes pathway"".
    pub fn describe(&self) -> String {
        match self.kind {
            LinkKind::Project => format!("the placement project \"{}\"", self.title),
            LinkKind::Goal => format!("the plan goal \"{}\"", self.title),
        }
    }
}

fn green_book_rate() -> u32 {
    GREEN_BOOK_RATE_BASIS_POINTS
}

/// A business case for a new or changed service.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct BusinessCase {
    pub id: String,
    /// "Community diabetes clinic".
    pub title: UserText,
    #[serde(default)]
    pub linked: Option<CaseLink>,
    /// Who wrote it.
    #[serde(default)]
    pub prepared_by: UserText,
    /// The problem the scheme solves.
    #[serde(default)]
    pub problem: UserText,
    /// Who it affects, and how many.
    #[serde(default)]
    pub population: UserText,
    /// How it fits the commissioner's priorities (the strategic case).
    #[serde(default)]
    pub strategic_fit: UserText,
    /// What would be bought and how: the service, not the provider (the
    /// commercial case).
    #[serde(default)]
    pub procurement: UserText,
    /// Who pays, such as an invest-to-save fund (the financial case).
    #[serde(default)]
    pub funding: UserText,
    /// How the benefits will be measured (the management case).
    #[serde(default)]
    pub benefits_measurement: UserText,
    /// What the case asks the committee to decide.
    #[serde(default)]
    pub recommendation: UserText,
    /// The option the case recommends.
    #[serde(default)]
    pub preferred_option_id: Option<String>,
    /// The discount rate its figures use, in hundredths of a per cent.
    #[serde(default = "green_book_rate")]
    pub discount_rate_basis_points: u32,
    /// The uplift on costs the sensitivity test applies for optimism bias.
    #[serde(default)]
    pub optimism_bias_percent: u32,
    /// Its options, "do nothing" first.
    #[serde(default)]
    pub options: Vec<CaseOption>,
    /// What is to be done by when, by date.
    #[serde(default)]
    pub milestones: Vec<CaseMilestone>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

/// One of a case's options: doing nothing, or a way of doing something.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CaseOption {
    pub id: String,
    pub name: UserText,
    #[serde(default)]
    pub description: UserText,
    /// Carrying on as now: the option every other is measured against.
    #[serde(default)]
    pub do_nothing: bool,
    /// Its benefits that are not money: better care, shorter waits.
    #[serde(default)]
    pub benefits: UserText,
    /// Its costs and savings, year 0 (the year it starts) onwards.
    #[serde(default)]
    pub years: Vec<YearFigures>,
    /// What could go wrong, highest score first.
    #[serde(default)]
    pub risks: Vec<CaseRisk>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

/// A risk to an option, scored on the NPSA's five-by-five matrix.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CaseRisk {
    pub id: String,
    pub description: UserText,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: u8,
    /// 1 (negligible) to 5 (catastrophic).
    pub impact: u8,
    pub owner: UserText,
    #[serde(default)]
    pub mitigation: UserText,
    pub created_at: Moment,
    pub updated_at: Moment,
}

/// Something to be done by a date.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CaseMilestone {
    pub id: String,
    pub what: UserText,
    pub due: Day,
    pub created_at: Moment,
    pub updated_at: Moment,
}

/// Where the risk scores' words come from.
pub const RISK_MATRIX_SOURCE: &str = "National Patient Safety Agency (2008), A risk matrix for \
     risk managers: likelihood and consequence each scored 1 to 5, their product graded low \
     (1-3), moderate (4-6), high (8-12) or extreme (15-25).";

/// Where the optimism bias adjustment comes from.
pub const OPTIMISM_BIAS_SOURCE: &str = "HM Treasury, The Green Book (2022), and its supplementary \
     guidance on optimism bias: appraisers tend to be too hopeful about costs and timing, so \
     costs are raised by an uplift that falls as a project's risks are managed.";

/// The words for each likelihood, 1 to 5.
pub const LIKELIHOODS: [&str; 5] = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
/// The words for each impact, 1 to 5.
pub const IMPACTS: [&str; 5] = ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"];

impl CaseRisk {
    pub fn score(&self) -> u8 {
        self.likelihood * self.impact
    }

    /// "High (12)".
    pub fn grade(&self) -> String {
        let score = self.score();
        let grade = match score {
            0..=3 => "Low",
            4..=6 => "Moderate",
            7..=12 => "High",
            _ => "Extreme",
        };
        format!("{grade} ({score})")
    }
}

/// An option's figures as the case's rate and uplift appraise them.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionFigures {
    pub appraisal: Appraisal,
    pub sensitivity: Sensitivity,
}

impl BusinessCase {
    pub fn option(&self, id: &str) -> Option<&CaseOption> {
        self.options.iter().find(|o| o.id == id)
    }

    pub fn preferred(&self) -> Option<&CaseOption> {
        self.preferred_option_id
            .as_deref()
            .and_then(|id| self.option(id))
    }

    /// The case's discount rate in words: "3.5 %".
    pub fn rate_text(&self) -> String {
        rate_text(self.discount_rate_basis_points)
    }

    pub fn figures(&self, option: &CaseOption) -> OptionFigures {
        OptionFigures {
            appraisal: appraise(&option.years, self.discount_rate_basis_points),
            sensitivity: sensitivity(
                &option.years,
                self.discount_rate_basis_points,
                self.optimism_bias_percent,
            ),
        }
    }

    /// What the case still lacks before it goes to a committee, in words.
    pub fn still_to_do(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if !self.options.iter().any(|o| o.do_nothing) {
            missing.push("Add a \"do nothing\" option to compare the others with");
        }
        if !self.options.iter().any(|o| !o.do_nothing) {
            missing.push("Add an option that does something");
        }
        if self.preferred().is_none() {
            missing.push("Choose the option you recommend");
        }
        if self.problem.trim().is_empty() {
            missing.push("Describe the problem");
        }
        if self.strategic_fit.trim().is_empty() {
            missing.push("Say how it fits the commissioner's priorities");
        }
        if self.funding.trim().is_empty() {
            missing.push("Say who pays");
        }
        if self.milestones.is_empty() {
            missing.push("Add a milestone");
        }
        missing
    }

    /// The risks with the highest scores across its options, with the name
    /// of the option each belongs to: at most `how_many`.
    pub fn key_risks(&self, how_many: usize) -> Vec<(&CaseOption, &CaseRisk)> {
        let mut all: Vec<(&CaseOption, &CaseRisk)> = self
            .options
            .iter()
            .flat_map(|o| o.risks.iter().map(move |r| (o, r)))
            .collect();
        all.sort_by_key(|(_, r)| std::cmp::Reverse(r.score()));
        all.truncate(how_many);
        all
    }
}

/// A rate in hundredths of a per cent, in words: "3.5 %", "4 %", "3.25 %".
pub fn rate_text(basis_points: u32) -> String {
    let whole = basis_points / 100;
    match basis_points % 100 {
        0 => format!("{whole} %"),
        p if p % 10 == 0 => format!("{whole}.{} %", p / 10),
        p => format!("{whole}.{p:02} %"),
    }
}

/// What a rate field shows for it: "3.5".
pub fn rate_input(basis_points: u32) -> String {
    rate_text(basis_points).trim_end_matches(" %").to_string()
}

// The forms' field ids, shared by the pages and the refusals' field errors.
pub const TITLE_FIELD: &str = "case-title";
pub const PREPARED_BY_FIELD: &str = "case-prepared-by";
pub const PROBLEM_FIELD: &str = "case-problem";
pub const POPULATION_FIELD: &str = "case-population";
pub const STRATEGIC_FIT_FIELD: &str = "case-strategic-fit";
pub const PROCUREMENT_FIELD: &str = "case-procurement";
pub const FUNDING_FIELD: &str = "case-funding";
pub const MEASUREMENT_FIELD: &str = "case-benefits-measurement";
pub const RECOMMENDATION_FIELD: &str = "case-recommendation";
pub const PREFERRED_FIELD: &str = "case-preferred";
pub const RATE_FIELD: &str = "case-discount-rate";
pub const OPTIMISM_FIELD: &str = "case-optimism-bias";
pub const OPTION_NAME_FIELD: &str = "option-name";
pub const OPTION_DESCRIPTION_FIELD: &str = "option-description";
pub const OPTION_BENEFITS_FIELD: &str = "option-benefits";
pub const RISK_DESCRIPTION_FIELD: &str = "risk-description";
pub const RISK_LIKELIHOOD_FIELD: &str = "risk-likelihood";
pub const RISK_IMPACT_FIELD: &str = "risk-impact";
pub const RISK_OWNER_FIELD: &str = "risk-owner";
pub const RISK_MITIGATION_FIELD: &str = "risk-mitigation";
pub const MILESTONE_WHAT_FIELD: &str = "case-milestone-what";
pub const MILESTONE_DUE_FIELD: &str = "case-milestone-due";

/// The largest optimism-bias uplift a case may set: the Green Book's
/// supplementary guidance's highest upper bound (equipment and development).
pub const MAX_OPTIMISM_BIAS_PERCENT: u32 = 200;

/// The columns of an option's figures, in the order the form shows them.
pub const FIGURE_COLUMNS: [&str; 4] = [
    "set-up costs",
    "running costs",
    "cash-releasing savings",
    "non-cash-releasing savings",
];

macro_rules! year_field_ids {
    ($($year:literal)*) => {
        /// Each year's four boxes' ids (year 0 to 30), as the error summary links to them.
        pub const YEAR_FIELDS: [[&str; 4]; LAST_YEAR as usize + 1] = [$([
            concat!("year-", $year, "-set-up"),
            concat!("year-", $year, "-running"),
            concat!("year-", $year, "-cash-releasing"),
            concat!("year-", $year, "-non-cash-releasing"),
        ],)*];
    };
}
year_field_ids!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30);

/// The case's form: its title and sections, the figures' rate and uplift,
/// and the option it recommends. Starting a case fills the title, who wrote
/// it and what it is linked to; the rest is filled in later.
#[derive(Clone, Debug, PartialEq)]
pub struct BusinessCaseDraft {
    pub title: String,
    pub prepared_by: String,
    pub problem: String,
    pub population: String,
    pub strategic_fit: String,
    pub procurement: String,
    pub funding: String,
    pub benefits_measurement: String,
    pub recommendation: String,
    pub preferred_option_id: Option<String>,
    pub discount_rate: String,
    pub optimism_bias: String,
    /// Only when the case is started: the project or goal it is for.
    pub linked: Option<CaseLink>,
}

impl Default for BusinessCaseDraft {
    fn default() -> Self {
        BusinessCaseDraft {
            title: String::new(),
            prepared_by: String::new(),
            problem: String::new(),
            population: String::new(),
            strategic_fit: String::new(),
            procurement: String::new(),
            funding: String::new(),
            benefits_measurement: String::new(),
            recommendation: String::new(),
            preferred_option_id: None,
            discount_rate: rate_input(GREEN_BOOK_RATE_BASIS_POINTS),
            optimism_bias: "0".into(),
            linked: None,
        }
    }
}

/// Reads a typed optimism-bias uplift: a whole number of per cent, 0 to 200.
pub fn parse_optimism_bias(text: &str) -> Result<u32, String> {
    let text = text.trim().trim_end_matches('%').trim();
    let message = || {
        format!("The optimism bias must be a whole number from 0 to {MAX_OPTIMISM_BIAS_PERCENT}")
    };
    if text.is_empty() {
        return Err("Enter the optimism bias, 0 if none".into());
    }
    match text.parse::<u32>() {
        Ok(p) if p <= MAX_OPTIMISM_BIAS_PERCENT => Ok(p),
        _ => Err(message()),
    }
}

impl BusinessCaseDraft {
    pub fn of(c: &BusinessCase) -> Self {
        BusinessCaseDraft {
            title: c.title.to_string(),
            prepared_by: c.prepared_by.to_string(),
            problem: c.problem.to_string(),
            population: c.population.to_string(),
            strategic_fit: c.strategic_fit.to_string(),
            procurement: c.procurement.to_string(),
            funding: c.funding.to_string(),
            benefits_measurement: c.benefits_measurement.to_string(),
            recommendation: c.recommendation.to_string(),
            preferred_option_id: c.preferred_option_id.clone(),
            discount_rate: rate_input(c.discount_rate_basis_points),
            optimism_bias: c.optimism_bias_percent.to_string(),
            linked: None,
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("Title", &self.title),
            Shown::text("Prepared by", &self.prepared_by),
            Shown::text("The problem", &self.problem),
            Shown::text("Who it affects", &self.population),
            Shown::text(
                "Fit with the commissioner's priorities",
                &self.strategic_fit,
            ),
            Shown::text("How it would be bought", &self.procurement),
            Shown::text("Who pays", &self.funding),
            Shown::text(
                "How the benefits will be measured",
                &self.benefits_measurement,
            ),
            Shown::text("Recommendation", &self.recommendation),
            Shown::text("Discount rate (%)", &self.discount_rate),
            Shown::text("Optimism bias (%)", &self.optimism_bias),
        ]
    }

    /// A title is needed; the rate must be 0 % to under 100 %; the uplift a
    /// whole number from 0 to 200; the recommended option one of `options`
    /// (not checked when they are not given).
    pub fn validate(
        &self,
        id: String,
        options: Option<&[CaseOption]>,
        now: Moment,
    ) -> Result<BusinessCase, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = required_text(
            &self.title,
            TITLE_FIELD,
            "Enter a title for the business case",
            &mut errors,
        );
        let rate = parse_rate(&self.discount_rate)
            .map_err(|message| errors.push(FieldError::new(RATE_FIELD, message)))
            .ok();
        let bias = parse_optimism_bias(&self.optimism_bias)
            .map_err(|message| errors.push(FieldError::new(OPTIMISM_FIELD, message)))
            .ok();
        let preferred = self.preferred_option_id.clone().filter(|id| !id.is_empty());
        if let (Some(p), Some(options)) = (&preferred, options) {
            if !options.iter().any(|o| &o.id == p) {
                errors.push(FieldError::new(
                    PREFERRED_FIELD,
                    "The option chosen is no longer in the case: choose another",
                ));
            }
        }
        match (rate, bias) {
            (Some(rate), Some(bias)) if errors.is_empty() => Ok(BusinessCase {
                id,
                title: title.into(),
                linked: self.linked.clone(),
                prepared_by: self.prepared_by.trim().into(),
                problem: self.problem.trim().into(),
                population: self.population.trim().into(),
                strategic_fit: self.strategic_fit.trim().into(),
                procurement: self.procurement.trim().into(),
                funding: self.funding.trim().into(),
                benefits_measurement: self.benefits_measurement.trim().into(),
                recommendation: self.recommendation.trim().into(),
                preferred_option_id: preferred,
                discount_rate_basis_points: rate,
                optimism_bias_percent: bias,
                options: Vec::new(),
                milestones: Vec::new(),
                created_at: now,
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

/// The "do nothing" option every case starts with, under an id made from
/// the case's (so replaying the change makes the same one).
pub fn do_nothing_option(case_id: &str, now: Moment) -> CaseOption {
    CaseOption {
        id: format!("{case_id}-do-nothing"),
        name: "Do nothing".into(),
        description: "Carry on as now.".into(),
        do_nothing: true,
        benefits: UserText::default(),
        years: Vec::new(),
        risks: Vec::new(),
        created_at: now,
        updated_at: now,
    }
}

/// One year's four boxes as typed (empty is £0).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearDraft {
    pub set_up_costs: String,
    pub running_costs: String,
    pub cash_releasing_savings: String,
    pub non_cash_releasing_savings: String,
}

impl YearDraft {
    pub fn of(y: &YearFigures) -> Self {
        let shown = |p: Pence| {
            if p.0 == 0 {
                String::new()
            } else {
                p.input_value()
            }
        };
        YearDraft {
            set_up_costs: shown(y.set_up_costs),
            running_costs: shown(y.running_costs),
            cash_releasing_savings: shown(y.cash_releasing_savings),
            non_cash_releasing_savings: shown(y.non_cash_releasing_savings),
        }
    }

    pub fn boxes(&self) -> [&String; 4] {
        [
            &self.set_up_costs,
            &self.running_costs,
            &self.cash_releasing_savings,
            &self.non_cash_releasing_savings,
        ]
    }

    pub fn boxes_mut(&mut self) -> [&mut String; 4] {
        [
            &mut self.set_up_costs,
            &mut self.running_costs,
            &mut self.cash_releasing_savings,
            &mut self.non_cash_releasing_savings,
        ]
    }
}

/// An option's form: its name, what it is, its benefits that are not
/// money, and its figures, one row of boxes a year from year 0.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseOptionDraft {
    pub name: String,
    pub description: String,
    pub benefits: String,
    /// Year 0 first: row `n` is year `n`.
    pub years: Vec<YearDraft>,
}

impl CaseOptionDraft {
    pub fn of(o: &CaseOption) -> Self {
        let last = o.years.iter().map(|y| y.year).max();
        let years = match last {
            None => Vec::new(),
            Some(last) => (0..=last)
                .map(|year| {
                    // Two entries for a year (only from a hand-made file) are added.
                    let mut sum = YearFigures::default();
                    for y in o.years.iter().filter(|y| y.year == year) {
                        sum.set_up_costs.0 += y.set_up_costs.0;
                        sum.running_costs.0 += y.running_costs.0;
                        sum.cash_releasing_savings.0 += y.cash_releasing_savings.0;
                        sum.non_cash_releasing_savings.0 += y.non_cash_releasing_savings.0;
                    }
                    YearDraft::of(&sum)
                })
                .collect(),
        };
        CaseOptionDraft {
            name: o.name.to_string(),
            description: o.description.to_string(),
            benefits: o.benefits.to_string(),
            years,
        }
    }

    /// A new option's form: five years of boxes after year 0.
    pub fn new_option() -> Self {
        CaseOptionDraft {
            years: vec![YearDraft::default(); 6],
            ..Default::default()
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        let figures: Vec<String> = self
            .years
            .iter()
            .enumerate()
            .map(|(year, y)| {
                let boxes: Vec<&str> = y
                    .boxes()
                    .iter()
                    .map(|b| if b.trim().is_empty() { "0" } else { b.trim() })
                    .collect();
                format!("year {year}: {}", boxes.join(", "))
            })
            .collect();
        vec![
            Shown::text("Name", &self.name),
            Shown::text("What it is", &self.description),
            Shown::text("Benefits that are not money", &self.benefits),
            Shown::list(
                "Figures (set-up, running, cash-releasing, non-cash-releasing)",
                figures,
            ),
        ]
    }

    /// A name is needed; at most 31 years (0 to 30); each box empty (£0) or
    /// money of £0 or more (savings are entered as savings, not as negative
    /// costs).
    pub fn validate(
        &self,
        id: String,
        do_nothing: bool,
        now: Moment,
    ) -> Result<CaseOption, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required_text(
            &self.name,
            OPTION_NAME_FIELD,
            "Enter a name for the option",
            &mut errors,
        );
        if self.years.len() > YEAR_FIELDS.len() {
            errors.push(FieldError::new(
                YEAR_FIELDS[LAST_YEAR as usize][0],
                format!("An option can have figures for years 0 to {LAST_YEAR} only"),
            ));
        }
        let mut years = Vec::new();
        for (year, (row, ids)) in self.years.iter().zip(YEAR_FIELDS.iter()).enumerate() {
            let mut amounts = [Pence(0); 4];
            for ((typed, id), (amount, column)) in row
                .boxes()
                .iter()
                .zip(ids.iter())
                .zip(amounts.iter_mut().zip(FIGURE_COLUMNS))
            {
                if typed.trim().is_empty() {
                    continue;
                }
                let what = format!("year {year} {column}");
                match Pence::parse(typed) {
                    Ok(p) if p.0 < 0 => errors.push(FieldError::new(
                        id,
                        format!("The {what} must be £0 or more"),
                    )),
                    Ok(p) => *amount = p,
                    Err(problem) => errors.push(FieldError::new(id, problem.message(&what))),
                }
            }
            years.push(YearFigures {
                year: year as u32,
                set_up_costs: amounts[0],
                running_costs: amounts[1],
                cash_releasing_savings: amounts[2],
                non_cash_releasing_savings: amounts[3],
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CaseOption {
            id,
            name: name.into(),
            description: self.description.trim().into(),
            do_nothing,
            benefits: self.benefits.trim().into(),
            years,
            risks: Vec::new(),
            created_at: now,
            updated_at: now,
        })
    }
}

/// A risk's form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseRiskDraft {
    pub description: String,
    pub likelihood: Option<u8>,
    pub impact: Option<u8>,
    pub owner: String,
    pub mitigation: String,
}

impl CaseRiskDraft {
    pub fn of(r: &CaseRisk) -> Self {
        CaseRiskDraft {
            description: r.description.to_string(),
            likelihood: Some(r.likelihood),
            impact: Some(r.impact),
            owner: r.owner.to_string(),
            mitigation: r.mitigation.to_string(),
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        let word = |words: &[&'static str; 5], n: Option<u8>| {
            n.and_then(|n| words.get(usize::from(n).wrapping_sub(1)).copied())
        };
        vec![
            Shown::text("The risk", &self.description),
            Shown::choice("Likelihood", word(&LIKELIHOODS, self.likelihood)),
            Shown::choice("Impact", word(&IMPACTS, self.impact)),
            Shown::text("Owner", &self.owner),
            Shown::text("Mitigation", &self.mitigation),
        ]
    }

    /// The risk, its likelihood and impact (1 to 5 each) and its owner are needed.
    pub fn validate(&self, id: String, now: Moment) -> Result<CaseRisk, Vec<FieldError>> {
        let mut errors = Vec::new();
        let description = required_text(
            &self.description,
            RISK_DESCRIPTION_FIELD,
            "Describe the risk",
            &mut errors,
        );
        let score = |n: Option<u8>, field: &'static str, message: &str, errors: &mut Vec<_>| match n
        {
            Some(n @ 1..=5) => Some(n),
            _ => {
                errors.push(FieldError::new(field, message));
                None
            }
        };
        let likelihood = score(
            self.likelihood,
            RISK_LIKELIHOOD_FIELD,
            "Choose how likely it is",
            &mut errors,
        );
        let impact = score(
            self.impact,
            RISK_IMPACT_FIELD,
            "Choose how great its impact would be",
            &mut errors,
        );
        let owner = required_text(
            &self.owner,
            RISK_OWNER_FIELD,
            "Enter who owns the risk",
            &mut errors,
        );
        match (likelihood, impact) {
            (Some(likelihood), Some(impact)) if errors.is_empty() => Ok(CaseRisk {
                id,
                description: description.into(),
                likelihood,
                impact,
                owner: owner.into(),
                mitigation: self.mitigation.trim().into(),
                created_at: now,
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

/// A milestone's form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaseMilestoneDraft {
    pub what: String,
    pub due: String,
}

impl CaseMilestoneDraft {
    pub fn of(m: &CaseMilestone) -> Self {
        CaseMilestoneDraft {
            what: m.what.to_string(),
            due: input_value(m.due),
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("What is to be done", &self.what),
            Shown::date("By when", &self.due),
        ]
    }

    /// What is to be done and a real date are needed.
    pub fn validate(&self, id: String, now: Moment) -> Result<CaseMilestone, Vec<FieldError>> {
        let mut errors = Vec::new();
        let what = required_text(
            &self.what,
            MILESTONE_WHAT_FIELD,
            "Enter what is to be done",
            &mut errors,
        );
        let due: Option<NaiveDate> = required_date(
            &self.due,
            MILESTONE_DUE_FIELD,
            "date it is due by",
            None,
            &mut errors,
        );
        match due {
            Some(due) if errors.is_empty() => Ok(CaseMilestone {
                id,
                what: what.into(),
                due: Day(due),
                created_at: now,
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

/// "Due by 1 April 2027".
pub fn due_text(m: &CaseMilestone) -> String {
    format!("Due by {}", long_date(m.due))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn now() -> Moment {
        Moment(Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap())
    }

    #[test]
    fn a_case_needs_a_title_a_real_rate_and_an_uplift_in_range() {
        let draft = BusinessCaseDraft {
            title: "  ".into(),
            discount_rate: "-100".into(),
            optimism_bias: "250".into(),
            preferred_option_id: Some("gone".into()),
            ..Default::default()
        };
        let errors = draft.validate("c".into(), Some(&[]), now()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [TITLE_FIELD, RATE_FIELD, OPTIMISM_FIELD, PREFERRED_FIELD]
        );
        assert_eq!(errors[1].message, "The discount rate must be 0 % or more");
        assert_eq!(
            errors[2].message,
            "The optimism bias must be a whole number from 0 to 200"
        );

        let case = BusinessCaseDraft {
            title: " Community diabetes clinic ".into(),
            ..Default::default()
        }
        .validate("c".into(), Some(&[]), now())
        .unwrap();
        assert_eq!(case.title, "Community diabetes clinic");
        assert_eq!(case.discount_rate_basis_points, 350);
        assert_eq!(case.rate_text(), "3.5 %");
        assert_eq!(rate_text(400), "4 %");
        assert_eq!(rate_text(325), "3.25 %");
        assert_eq!(BusinessCaseDraft::of(&case).discount_rate, "3.5");
    }

    #[test]
    fn an_options_boxes_are_read_to_the_penny_and_refused_in_words() {
        let mut draft = CaseOptionDraft::new_option();
        draft.name = "Community clinic".into();
        draft.years[0].set_up_costs = "£100,000".into();
        draft.years[1].cash_releasing_savings = "30000.50".into();
        let option = draft.validate("o".into(), false, now()).unwrap();
        assert_eq!(option.years.len(), 6);
        assert_eq!(option.years[0].set_up_costs, Pence(10_000_000));
        assert_eq!(option.years[1].cash_releasing_savings, Pence(3_000_050));
        assert_eq!(
            option.years[5],
            YearFigures {
                year: 5,
                ..Default::default()
            }
        );
        assert_eq!(
            CaseOptionDraft::of(&option).years,
            draft
                .years
                .iter()
                .map(|y| {
                    let mut y = y.clone();
                    if y.set_up_costs == "£100,000" {
                        y.set_up_costs = "100000".into();
                    }
                    y
                })
                .collect::<Vec<_>>()
        );

        draft.name.clear();
        draft.years[2].running_costs = "lots".into();
        draft.years[3].set_up_costs = "-5".into();
        let errors = draft.validate("o".into(), false, now()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [OPTION_NAME_FIELD, "year-2-running", "year-3-set-up"]
        );
        assert_eq!(
            errors[1].message,
            "The year 2 running costs must be an amount in pounds, like 30000 or £30,000.50"
        );
        assert_eq!(
            errors[2].message,
            "The year 3 set-up costs must be £0 or more"
        );

        draft.name = "Too long".into();
        draft.years = vec![YearDraft::default(); 32];
        let errors = draft.validate("o".into(), false, now()).unwrap_err();
        assert_eq!(
            errors[0].message,
            "An option can have figures for years 0 to 30 only"
        );
    }

    #[test]
    fn risks_are_scored_on_the_five_by_five_matrix() {
        let refused = CaseRiskDraft::default()
            .validate("r".into(), now())
            .unwrap_err();
        assert_eq!(refused.len(), 4);
        let risk = CaseRiskDraft {
            description: "GPs do not refer".into(),
            likelihood: Some(3),
            impact: Some(4),
            owner: "Clinical lead".into(),
            mitigation: String::new(),
        }
        .validate("r".into(), now())
        .unwrap();
        assert_eq!(risk.score(), 12);
        assert_eq!(risk.grade(), "High (12)");
        let out_of_range = CaseRiskDraft {
            likelihood: Some(6),
            ..CaseRiskDraft::of(&risk)
        };
        assert!(out_of_range.validate("r".into(), now()).is_err());
    }

    #[test]
    fn what_a_case_still_lacks_is_said_in_words() {
        let mut case = BusinessCaseDraft {
            title: "Clinic".into(),
            ..Default::default()
        }
        .validate("c".into(), Some(&[]), now())
        .unwrap();
        case.options.push(do_nothing_option("c", now()));
        let lacks = case.still_to_do();
        assert!(!lacks.iter().any(|l| l.contains("do nothing")));
        assert!(lacks.contains(&"Add an option that does something"));
        assert!(lacks.contains(&"Choose the option you recommend"));
        assert_eq!(case.options[0].id, "c-do-nothing");
    }
}
