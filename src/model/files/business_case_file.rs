//! A business case shared as a file: the whole case (its sections, rate,
//! optimism bias, options with their figures year by year and their risks,
//! its milestones, and what it was started from), to send to a colleague
//! who adds it to their own workbook.
//!
//! Its own format name, so it cannot be mistaken for a backup or another
//! shared file; its own version, so a file from a newer app is refused
//! rather than half-read. Everything the case's forms would refuse is
//! refused here too, so a hand-edited or hostile file cannot hold a year,
//! an amount or a score the pages and figures were never meant to show.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::formats::{file_name, pretty_json, quoted, read_envelope, read_fields, ReadError};
use crate::model::business_case::appraisal::LAST_YEAR;
use crate::model::business_case::money::{Pence, MAX_POUNDS};
use crate::model::business_case::records::MAX_OPTIMISM_BIAS_PERCENT;
use crate::model::business_case::BusinessCase;
use crate::model::common::saved_dates::Moment;

pub const BUSINESS_CASE_FORMAT_NAME: &str = "commissioning-workbook-business-case";
/// Raise it, and add a step to `read_business_case_file`, when a change
/// would stop older files being read.
pub const BUSINESS_CASE_FILE_VERSION: u32 = 1;

/// The most options one case may hold: far more than any case compares.
pub const MAX_OPTIONS: usize = 50;
/// The most risks one option may hold.
pub const MAX_RISKS: usize = 200;
/// The most milestones one case may hold.
pub const MAX_MILESTONES: usize = 500;

/// The file a case is shared as.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct BusinessCaseFile {
    pub format: String,
    pub schema_version: u32,
    /// When it was downloaded to share.
    pub shared_at: Moment,
    pub case: BusinessCase,
}

impl BusinessCaseFile {
    pub fn of(case: &BusinessCase, now: Moment) -> Self {
        BusinessCaseFile {
            format: BUSINESS_CASE_FORMAT_NAME.into(),
            schema_version: BUSINESS_CASE_FILE_VERSION,
            shared_at: now,
            case: case.clone(),
        }
    }

    /// Pretty-printed JSON, to download and send.
    pub fn to_json(&self) -> String {
        // Plain structs with string keys always serialise.
        pretty_json(&serde_json::to_string(self).expect("business case file serialises"))
    }

    /// The download name: `business-case-community-diabetes-clinic-2026-12-03.json`.
    pub fn file_name(&self) -> String {
        file_name(
            "business-case",
            &self.case.title,
            self.shared_at.date_naive(),
            "json",
        )
    }
}

/// Reads a shared case: the size, the format name, the version, every field
/// (text cleaned of control characters and dates checked as they are read),
/// then what the case's forms would have refused. A recommended option that
/// is not one of its options is dropped, not refused: deleting the option a
/// case recommends leaves the case naming it, so a file this app wrote can
/// hold one, and the case then says the recommendation is still to choose.
pub fn read_business_case_file(text: &str) -> Result<BusinessCaseFile, ReadError> {
    let (value, _version) = read_envelope(
        text,
        BUSINESS_CASE_FORMAT_NAME,
        BUSINESS_CASE_FILE_VERSION,
        |found| ReadError::WrongFormat { found },
    )?;
    let mut file: BusinessCaseFile = read_fields(&value)?;
    check_case(&file.case).map_err(ReadError::Invalid)?;
    let case = &mut file.case;
    if case
        .preferred_option_id
        .as_deref()
        .is_some_and(|id| case.option(id).is_none())
    {
        case.preferred_option_id = None;
    }
    Ok(file)
}

/// What is wrong with a case read from a file, in words that follow "part
/// of it cannot be read: ".
fn check_case(case: &BusinessCase) -> Result<(), String> {
    let mut ids = HashSet::new();
    let mut id = |id: &str, what: &str| {
        if id.trim().is_empty() {
            return Err(format!("{what} has no id"));
        }
        if !ids.insert(id.to_string()) {
            return Err(format!(
                "two of its records have the same id, {}",
                quoted(id)
            ));
        }
        Ok(())
    };
    id(&case.id, "the business case")?;
    if case.title.trim().is_empty() {
        return Err("the business case has no title".into());
    }
    if case.discount_rate_basis_points >= 10_000 {
        return Err("its discount rate is 100 % or more".into());
    }
    if case.optimism_bias_percent > MAX_OPTIMISM_BIAS_PERCENT {
        return Err(format!(
            "its optimism bias is {} %, more than the {MAX_OPTIMISM_BIAS_PERCENT} % allowed",
            case.optimism_bias_percent
        ));
    }
    if case.options.len() > MAX_OPTIONS {
        return Err(format!(
            "it holds {} options, more than the {MAX_OPTIONS} a case may have",
            case.options.len()
        ));
    }
    if case.milestones.len() > MAX_MILESTONES {
        return Err(format!(
            "it holds {} milestones, more than the {MAX_MILESTONES} a case may have",
            case.milestones.len()
        ));
    }
    for option in &case.options {
        id(&option.id, "an option")?;
        let name = quoted(&option.name);
        if option.name.trim().is_empty() {
            return Err("an option has no name".into());
        }
        let mut years = HashSet::new();
        for y in &option.years {
            if y.year > LAST_YEAR {
                return Err(format!(
                    "the option {name} has figures for year {}, and years run from 0 to {LAST_YEAR}",
                    y.year
                ));
            }
            if !years.insert(y.year) {
                return Err(format!(
                    "the option {name} has figures for year {} twice",
                    y.year
                ));
            }
            let amounts = [
                y.set_up_costs,
                y.running_costs,
                y.cash_releasing_savings,
                y.non_cash_releasing_savings,
            ];
            if amounts.iter().any(|a| !within_limit(*a)) {
                return Err(format!(
                    "the option {name} has an amount in year {} of £10 billion or more",
                    y.year
                ));
            }
        }
        if option.risks.len() > MAX_RISKS {
            return Err(format!(
                "the option {name} holds {} risks, more than the {MAX_RISKS} an option may have",
                option.risks.len()
            ));
        }
        for risk in &option.risks {
            id(&risk.id, "a risk")?;
            for (score, what) in [
                (risk.likelihood, "a likelihood"),
                (risk.impact, "an impact"),
            ] {
                if !(1..=5).contains(&score) {
                    return Err(format!(
                        "a risk to the option {name} has {what} of {score}, and scores run from 1 to 5"
                    ));
                }
            }
        }
    }
    for milestone in &case.milestones {
        id(&milestone.id, "a milestone")?;
    }
    Ok(())
}

/// Less than £10 billion either way, as the forms allow.
fn within_limit(amount: Pence) -> bool {
    amount.0.unsigned_abs() < (MAX_POUNDS as u64) * 100
}

/// The message to show when a shared case's file cannot be read: the
/// messages about backups are reworded for a business case.
pub fn business_case_import_message(error: &ReadError) -> String {
    match error {
        ReadError::NotJson(detail) => format!(
            "The file is not valid JSON, so it cannot be a business case: {detail}."
        ),
        ReadError::NotAnObject | ReadError::WrongFormat { .. } => {
            "The file is not a business case shared from Commissioning Workbook. Choose the file \
             you were sent (its name starts \"business-case\")."
                .into()
        }
        ReadError::MissingVersion | ReadError::VersionNotANumber { .. } => {
            "The file does not say which version of the business case file it is, so it cannot \
             be read safely."
                .into()
        }
        ReadError::Invalid(detail) => format!(
            "The file looks like a business case but part of it cannot be read: {detail}."
        ),
        ReadError::NewerVersion { found, .. } => format!(
            "The file was made by a newer version of this app (business case file version {found}; \
             this app reads up to {BUSINESS_CASE_FILE_VERSION}). Reload the app to update it, then try again."
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workbook::fixtures::workbook_with_every_kind_of_record;
    use serde_json::Value;

    fn sample() -> BusinessCaseFile {
        let wb = workbook_with_every_kind_of_record();
        let case = &wb.business_cases()[0];
        BusinessCaseFile::of(case, case.updated_at)
    }

    fn refused(value: &Value) -> String {
        business_case_import_message(&read_business_case_file(&value.to_string()).unwrap_err())
    }

    fn changed(change: impl FnOnce(&mut Value)) -> String {
        let mut value = serde_json::to_value(sample()).unwrap();
        change(&mut value);
        refused(&value)
    }

    #[test]
    fn a_shared_case_reads_back_as_it_was_written() {
        let file = sample();
        let text = file.to_json();
        assert_eq!(read_business_case_file(&text), Ok(file.clone()));
        assert!(text.starts_with("{\n  \"format\": \"commissioning-workbook-business-case\""));
        assert!(text.contains("\"schema_version\": 1"));
        let case = &file.case;
        assert_eq!(case.options[0].years[0].set_up_costs, Pence(10_000_000));
        assert_eq!(case.options[0].risks[0].owner, "Clinical lead");
        assert_eq!(case.milestones[0].what, "First clinic");
        assert_eq!(case.linked.as_ref().unwrap().title, "Diabetes pathway");
        assert_eq!(case.optimism_bias_percent, 10);
        assert_eq!(
            file.file_name(),
            "business-case-community-b-diabetes-b-clinic-2027-09-12.json"
        );
    }

    #[test]
    fn a_wrong_damaged_or_newer_file_is_refused_in_plain_english() {
        let text = |t: &str| business_case_import_message(&read_business_case_file(t).unwrap_err());
        assert!(text("not json")
            .starts_with("The file is not valid JSON, so it cannot be a business case"));
        assert_eq!(
            text(r#"{"format":"commissioning-workbook-agreement","schema_version":1}"#),
            "The file is not a business case shared from Commissioning Workbook. Choose the file \
             you were sent (its name starts \"business-case\")."
        );
        assert!(text("[1, 2]").contains("not a business case"));
        assert_eq!(
            changed(|v| v["schema_version"] = 2.into()),
            "The file was made by a newer version of this app (business case file version 2; \
             this app reads up to 1). Reload the app to update it, then try again."
        );
        assert!(
            changed(|v| v["schema_version"] = "1".into()).contains("does not say which version")
        );
        assert_eq!(
            changed(|v| v["case"]["milestones"][0]["due"] = "2027-02-30".into()),
            "The file looks like a business case but part of it cannot be read: the date \
             \"2027-02-30\" does not exist."
        );
        assert!(
            changed(|v| v["case"]["options"][0]["years"][0]["set_up_costs"] = "lots".into())
                .contains("of the wrong kind")
        );
        assert!(changed(|v| v["case"]
            .as_object_mut()
            .unwrap()
            .remove("title")
            .map(drop)
            .unwrap())
        .contains("it has no \"title\""));
    }

    #[test]
    fn impossible_figures_and_scores_are_refused_with_what_is_wrong() {
        let cannot = |detail: &str| {
            format!("The file looks like a business case but part of it cannot be read: {detail}.")
        };
        assert_eq!(
            changed(|v| v["case"]["options"][0]["years"][0]["year"] = 31.into()),
            cannot("the option \"Community clinic\" has figures for year 31, and years run from 0 to 30")
        );
        assert_eq!(
            changed(|v| v["case"]["options"][0]["years"][0]["year"] = (-1).into()),
            cannot("a value in it is of the wrong kind (it may have been edited by hand)")
        );
        assert_eq!(
            changed(|v| {
                let year = v["case"]["options"][0]["years"][0].clone();
                v["case"]["options"][0]["years"]
                    .as_array_mut()
                    .unwrap()
                    .push(year);
            }),
            cannot("the option \"Community clinic\" has figures for year 0 twice")
        );
        assert_eq!(
            changed(|v| v["case"]["options"][0]["years"][0]["running_costs"] =
                (-1_000_000_000_000i64).into()),
            cannot(
                "the option \"Community clinic\" has an amount in year 0 of £10 billion or more"
            )
        );
        assert_eq!(
            changed(|v| v["case"]["options"][0]["risks"][0]["likelihood"] = 6.into()),
            cannot("a risk to the option \"Community clinic\" has a likelihood of 6, and scores run from 1 to 5")
        );
        assert_eq!(
            changed(|v| v["case"]["options"][0]["risks"][0]["impact"] = 0.into()),
            cannot("a risk to the option \"Community clinic\" has an impact of 0, and scores run from 1 to 5")
        );
        assert_eq!(
            changed(|v| v["case"]["discount_rate_basis_points"] = 10_000.into()),
            cannot("its discount rate is 100 % or more")
        );
        assert_eq!(
            changed(|v| v["case"]["optimism_bias_percent"] = 201.into()),
            cannot("its optimism bias is 201 %, more than the 200 % allowed")
        );
        assert_eq!(
            changed(|v| v["case"]["milestones"][0]["id"] = "risk-1".into()),
            cannot("two of its records have the same id, \"risk-1\"")
        );
        assert_eq!(
            changed(|v| v["case"]["options"][0]["id"] = " ".into()),
            cannot("an option has no id")
        );
        assert_eq!(
            changed(|v| v["case"]["title"] = "  ".into()),
            cannot("the business case has no title")
        );
        // Just inside the limits is read.
        let mut value = serde_json::to_value(sample()).unwrap();
        value["case"]["options"][0]["years"][0]["year"] = 30.into();
        value["case"]["options"][0]["years"][0]["running_costs"] = (MAX_POUNDS * 100 - 1).into();
        value["case"]["options"][0]["risks"][0]["likelihood"] = 5.into();
        value["case"]["discount_rate_basis_points"] = 9_999.into();
        value["case"]["optimism_bias_percent"] = 200.into();
        assert!(read_business_case_file(&value.to_string()).is_ok());
    }

    #[test]
    fn a_recommended_option_that_is_not_there_is_dropped() {
        let mut value = serde_json::to_value(sample()).unwrap();
        value["case"]["preferred_option_id"] = "option-gone".into();
        let file = read_business_case_file(&value.to_string()).unwrap();
        assert_eq!(file.case.preferred_option_id, None);
        assert!(file
            .case
            .still_to_do()
            .contains(&"Choose the option you recommend"));
        assert_eq!(
            read_business_case_file(&sample().to_json())
                .unwrap()
                .case
                .preferred_option_id
                .as_deref(),
            Some("option-1")
        );
    }

    #[test]
    fn hostile_text_is_kept_as_text_and_cleaned_of_control_characters() {
        let mut value = serde_json::to_value(sample()).unwrap();
        value["case"]["title"] = "<script>alert(1)</script>\u{0}\u{1b}[31m".into();
        let file = read_business_case_file(&value.to_string()).unwrap();
        assert_eq!(file.case.title, "<script>alert(1)</script>[31m");
        assert_eq!(
            file.file_name(),
            "business-case-script-alert-1-script-31m-2027-09-12.json"
        );
        let huge = "x".repeat(super::super::formats::MAX_IMPORT_BYTES + 1);
        assert!(
            business_case_import_message(&read_business_case_file(&huge).unwrap_err())
                .starts_with("The file is too large to open")
        );
    }
}
