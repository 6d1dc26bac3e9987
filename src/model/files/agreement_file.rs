//! A support agreement sent to the other party as a file, and read back
//! from theirs: the agreement's details and one version of its commitments'
//! wording, with who sent it. No delivery records, review meetings or
//! earlier versions go in it: those stay in each party's own workbook.
//!
//! Its own format name, so it cannot be mistaken for a backup or a shared
//! assessment; its own version, so a file from a newer app is refused
//! rather than half-read.

use serde::{Deserialize, Serialize};

use super::formats::{file_name, pretty_json, read_envelope, read_fields, ReadError};
use crate::model::agreement::records::{AgreementVersion, Party, SupportAgreementDraft, Terms};
use crate::model::agreement::versions::{changed_fields, day_or_none, FieldChange};
use crate::model::agreement::{SupportAgreement, VersionSource};
use crate::model::common::dates::{input_value, long_date};
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::user_text::UserText;

pub const AGREEMENT_FORMAT_NAME: &str = "commissioning-workbook-agreement";
/// Raise it, and add a step to `read_agreement_file`, when a change would
/// stop older files being read.
pub const AGREEMENT_FILE_VERSION: u32 = 1;

/// The most commitments one file may hold: far more than any agreement has.
const MAX_COMMITMENTS: usize = 500;

/// An agreement's details, as both parties hold them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AgreementDetails {
    /// The agreement's id, the same in both parties' workbooks.
    pub id: String,
    pub group_name: UserText,
    pub group_lead: UserText,
    pub organisation_name: UserText,
    pub organisation_lead: UserText,
    pub starts_on: Day,
    pub ends_on: Day,
    #[serde(default)]
    pub first_review: Option<Day>,
}

impl AgreementDetails {
    pub fn of(a: &SupportAgreement) -> Self {
        AgreementDetails {
            id: a.id.clone(),
            group_name: a.group_name.clone(),
            group_lead: a.group_lead.clone(),
            organisation_name: a.organisation_name.clone(),
            organisation_lead: a.organisation_lead.clone(),
            starts_on: a.starts_on,
            ends_on: a.ends_on,
            first_review: a.first_review,
        }
    }

    /// The agreement's form filled with these details, for our side.
    pub fn draft(&self, our_side: Party) -> SupportAgreementDraft {
        SupportAgreementDraft {
            group_name: self.group_name.to_string(),
            group_lead: self.group_lead.to_string(),
            organisation_name: self.organisation_name.to_string(),
            organisation_lead: self.organisation_lead.to_string(),
            starts_on: input_value(self.starts_on),
            ends_on: input_value(self.ends_on),
            first_review: self.first_review.map(input_value).unwrap_or_default(),
            our_side,
        }
    }

    /// Each detail `theirs` has otherwise than `self`, in the form's words.
    pub fn changes_to(&self, theirs: &AgreementDetails) -> Vec<FieldChange> {
        let text = |label, a: &str, b: &str| (label, a.to_string(), b.to_string());
        changed_fields([
            text(
                "The commissioning group",
                &self.group_name,
                &theirs.group_name,
            ),
            text("The group's lead", &self.group_lead, &theirs.group_lead),
            text(
                "The commissioning organisation",
                &self.organisation_name,
                &theirs.organisation_name,
            ),
            text(
                "The organisation's lead",
                &self.organisation_lead,
                &theirs.organisation_lead,
            ),
            (
                "Starts",
                long_date(self.starts_on),
                long_date(theirs.starts_on),
            ),
            ("Ends", long_date(self.ends_on), long_date(theirs.ends_on)),
            (
                "First review meeting",
                day_or_none(self.first_review),
                day_or_none(theirs.first_review),
            ),
        ])
    }
}

/// The file one party sends the other.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AgreementFile {
    pub format: String,
    pub schema_version: u32,
    /// The clause library's version the sender's app had.
    pub clause_library_version: u32,
    pub sent_by: Party,
    pub sent_at: Moment,
    /// The version's number in the sender's workbook.
    pub version_number: u32,
    pub agreement: AgreementDetails,
    pub commitments: Vec<Terms>,
}

impl AgreementFile {
    /// The file for a version of an agreement, sent by our side now.
    pub fn of(agreement: &SupportAgreement, version: &AgreementVersion, now: Moment) -> Self {
        AgreementFile {
            format: AGREEMENT_FORMAT_NAME.into(),
            schema_version: AGREEMENT_FILE_VERSION,
            clause_library_version: crate::model::agreement::clauses::CLAUSE_LIBRARY_VERSION,
            sent_by: agreement.our_side,
            sent_at: now,
            version_number: version.number,
            agreement: AgreementDetails::of(agreement),
            commitments: version.terms.clone(),
        }
    }

    /// Pretty-printed JSON, to download and send.
    pub fn to_json(&self) -> String {
        // Plain structs with string keys always serialise.
        pretty_json(&serde_json::to_string(self).expect("agreement file serialises"))
    }

    /// The download name: `support-agreement-v2-nene-valley-pcn-2027-04-01.json`.
    pub fn file_name(&self) -> String {
        file_name(
            &format!("support-agreement-v{}", self.version_number),
            &self.agreement.group_name,
            self.sent_at.date_naive(),
            "json",
        )
    }

    /// The agreement as the receiving party first keeps it: on the other
    /// side from the sender, its commitments and the version received.
    pub fn into_agreement(self, version_id: String, now: Moment) -> SupportAgreement {
        let d = self.agreement;
        SupportAgreement {
            id: d.id,
            group_name: d.group_name,
            group_lead: d.group_lead,
            organisation_name: d.organisation_name,
            organisation_lead: d.organisation_lead,
            starts_on: d.starts_on,
            ends_on: d.ends_on,
            first_review: d.first_review,
            our_side: self.sent_by.other(),
            drafted_from_id: None,
            commitments: self
                .commitments
                .iter()
                .map(|t| crate::model::agreement::Commitment::from_terms(t, now))
                .collect(),
            versions: vec![AgreementVersion {
                id: version_id,
                number: self.version_number,
                source: VersionSource::Received,
                note: UserText::default(),
                terms: self.commitments,
                sign_off: None,
                created_at: now,
                updated_at: now,
            }],
            reviews: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }
}

/// Reads the other party's file: the size, the format name, the version,
/// every field (text cleaned of control characters as it is read), and that
/// its ids are there and used once.
pub fn read_agreement_file(text: &str) -> Result<AgreementFile, ReadError> {
    let (value, _version) = read_envelope(
        text,
        AGREEMENT_FORMAT_NAME,
        AGREEMENT_FILE_VERSION,
        |found| ReadError::WrongFormat { found },
    )?;
    let file: AgreementFile = read_fields(&value)?;
    if file.agreement.id.trim().is_empty() {
        return Err(ReadError::Invalid("the agreement has no id".into()));
    }
    if file.commitments.len() > MAX_COMMITMENTS {
        return Err(ReadError::Invalid(format!(
            "it holds {} commitments, more than the {MAX_COMMITMENTS} an agreement may have",
            file.commitments.len()
        )));
    }
    let mut seen = std::collections::HashSet::new();
    for c in &file.commitments {
        if c.id.trim().is_empty() {
            return Err(ReadError::Invalid("a commitment has no id".into()));
        }
        if c.id == file.agreement.id || !seen.insert(c.id.as_str()) {
            return Err(ReadError::Invalid(format!(
                "two of its records have the same id, \"{}\"",
                c.id
            )));
        }
        if c.what.trim().is_empty() {
            return Err(ReadError::Invalid(format!(
                "the commitment \"{}\" does not say what is provided",
                c.id
            )));
        }
    }
    if file.version_number == 0 {
        return Err(ReadError::Invalid("its version number is 0".into()));
    }
    if *file.agreement.ends_on <= *file.agreement.starts_on {
        return Err(ReadError::Invalid(
            "the agreement ends before it starts".into(),
        ));
    }
    Ok(file)
}

/// The message to show when the other party's file cannot be read: the
/// messages about backups are reworded for an agreement.
pub fn agreement_import_message(error: &ReadError) -> String {
    match error {
        ReadError::NotJson(detail) => format!(
            "The file is not valid JSON, so it cannot be a support agreement: {detail}."
        ),
        ReadError::NotAnObject | ReadError::WrongFormat { .. } => {
            "The file is not a support agreement sent from Commissioning Workbook. Choose the file \
             the other party sent you (its name starts \"support-agreement\")."
                .into()
        }
        ReadError::Invalid(detail) => format!(
            "The file looks like a support agreement but part of it cannot be read: {detail}."
        ),
        ReadError::NewerVersion { found, .. } => format!(
            "The file was made by a newer version of this app (agreement file version {found}; \
             this app reads up to {AGREEMENT_FILE_VERSION}). Reload the app to update it, then try again."
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workbook::fixtures::workbook_with_every_kind_of_record;

    fn sample() -> AgreementFile {
        let wb = workbook_with_every_kind_of_record();
        let a = &wb.support_agreements()[0];
        AgreementFile::of(a, &a.versions[0], a.updated_at)
    }

    #[test]
    fn a_sent_file_reads_back_as_it_was_written() {
        let file = sample();
        let text = file.to_json();
        assert_eq!(read_agreement_file(&text), Ok(file.clone()));
        assert_eq!(
            file.file_name(),
            "support-agreement-v1-nene-i-valley-i-pcn-2027-09-08.json"
        );
        assert!(!text.contains("delivery-1"), "no delivery records are sent");
        assert!(
            !text.contains("review-meeting-1"),
            "no review meetings are sent"
        );
        let received = file.into_agreement("version-9".into(), sample().sent_at);
        assert_eq!(received.our_side, Party::Organisation, "the other side");
        assert_eq!(received.commitments[0].id, "commitment-1");
        assert_eq!(received.versions[0].number, 1);
        assert_eq!(received.versions[0].source, VersionSource::Received);
    }

    #[test]
    fn a_wrong_damaged_or_newer_file_is_refused_in_plain_english() {
        let refused =
            |text: &str| agreement_import_message(&read_agreement_file(text).unwrap_err());
        assert!(refused("not json").starts_with("The file is not valid JSON"));
        assert!(
            refused(r#"{"format":"commissioning-workbook","schema_version":6}"#)
                .contains("not a support agreement")
        );
        let mut value = serde_json::to_value(sample()).unwrap();
        value["schema_version"] = 2.into();
        assert!(refused(&value.to_string()).contains("newer version of this app"));

        let mut twice = sample();
        twice.commitments.push(twice.commitments[0].clone());
        assert!(refused(&serde_json::to_string(&twice).unwrap()).contains("same id"));

        let mut value = serde_json::to_value(sample()).unwrap();
        value["agreement"]["starts_on"] = "2027-02-30".into();
        let message = refused(&value.to_string());
        assert!(message.contains("cannot be read"), "{message}");

        let mut backwards = sample();
        backwards.agreement.ends_on = backwards.agreement.starts_on;
        assert!(refused(&serde_json::to_string(&backwards).unwrap()).contains("ends before"));
    }

    #[test]
    fn control_characters_are_taken_out_as_the_file_is_read() {
        let mut value = serde_json::to_value(sample()).unwrap();
        value["commitments"][0]["what"] = "Data\u{0}\u{1b}[31m monthly".into();
        let file = read_agreement_file(&value.to_string()).unwrap();
        assert_eq!(file.commitments[0].what, "Data[31m monthly");
    }

    #[test]
    fn changed_details_are_listed_field_by_field() {
        let ours = sample().agreement;
        let mut theirs = ours.clone();
        theirs.organisation_lead = "K. Jones".into();
        theirs.first_review = None;
        let changes = ours.changes_to(&theirs);
        assert_eq!(
            changes
                .iter()
                .map(|c| (c.field, c.theirs.as_str()))
                .collect::<Vec<_>>(),
            [
                ("The organisation's lead", "K. Jones"),
                ("First review meeting", "No date")
            ]
        );
        assert!(ours.changes_to(&ours).is_empty());
    }
}
