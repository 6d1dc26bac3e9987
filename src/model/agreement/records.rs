//! A support agreement's records, as the workbook keeps them: the agreement
//! (its two parties, their leads and its period), its commitments, each
//! commitment's delivery records, the versions sent and received, and the
//! review meetings; and the form drafts that make and change each.
//!
//! The two parties: the commissioning group (a practice-based commissioning
//! group in the articles; a primary care network or place partnership now)
//! and its commissioning organisation (a primary care trust in the articles;
//! an integrated care board now).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::common::dates::{input_value, long_date};
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::stale::Shown;
use crate::model::common::user_text::UserText;
use crate::model::common::validation::{optional_date, required_date, required_text, FieldError};

use super::clauses::Clause;

/// The support agreements' part of the workbook. Saved as a deferred section
/// (`workbook::deferred`): read when an agreement page opens.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AgreementBook {
    #[serde(default)]
    pub agreements: Vec<SupportAgreement>,
}

impl AgreementBook {
    pub fn agreement(&self, id: &str) -> Option<&SupportAgreement> {
        self.agreements.iter().find(|a| a.id == id)
    }
}

/// Which party to the agreement this workbook's user is on.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The commissioning group (a PCN or place partnership; a PBC group then).
    #[default]
    Group,
    /// The commissioning organisation (an ICB; a PCT then).
    Organisation,
}

impl Party {
    pub fn other(self) -> Party {
        match self {
            Party::Group => Party::Organisation,
            Party::Organisation => Party::Group,
        }
    }
}

/// A written agreement about the support a commissioning organisation gives
/// a commissioning group.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SupportAgreement {
    pub id: String,
    /// The commissioning group: "Nene Valley PCN".
    pub group_name: UserText,
    /// The group's named lead.
    pub group_lead: UserText,
    /// The commissioning organisation: "Northamptonshire ICB".
    pub organisation_name: UserText,
    /// The organisation's named lead for the agreement.
    pub organisation_lead: UserText,
    pub starts_on: Day,
    pub ends_on: Day,
    /// The first review meeting, when one is planned (later ones are set at
    /// each review meeting).
    #[serde(default)]
    pub first_review: Option<Day>,
    /// The side this workbook's user is on.
    #[serde(default)]
    pub our_side: Party,
    /// The self-assessment the commitments were first drafted from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted_from_id: Option<String>,
    /// What the commissioning organisation commits to, in clause order.
    #[serde(default)]
    pub commitments: Vec<Commitment>,
    /// The versions sent and received, oldest first (v1, v2, …).
    #[serde(default)]
    pub versions: Vec<AgreementVersion>,
    /// The review meetings held, by date.
    #[serde(default)]
    pub reviews: Vec<ReviewMeeting>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

impl SupportAgreement {
    /// "Nene Valley PCN and Northamptonshire ICB".
    pub fn title(&self) -> String {
        format!("{} and {}", self.group_name, self.organisation_name)
    }

    pub fn party_name(&self, party: Party) -> &str {
        match party {
            Party::Group => &self.group_name,
            Party::Organisation => &self.organisation_name,
        }
    }

    pub fn commitment(&self, id: &str) -> Option<&Commitment> {
        self.commitments.iter().find(|c| c.id == id)
    }

    /// The commitments' wording now, as a version holds it.
    pub fn terms(&self) -> Vec<Terms> {
        self.commitments.iter().map(Commitment::terms).collect()
    }

    /// The latest version, if any.
    pub fn latest_version(&self) -> Option<&AgreementVersion> {
        self.versions.iter().max_by_key(|v| v.number)
    }

    /// The number the next version takes: one more than the highest.
    pub fn next_version_number(&self) -> u32 {
        self.versions.iter().map(|v| v.number).max().unwrap_or(0) + 1
    }

    /// The latest version both parties marked agreed.
    pub fn agreed_version(&self) -> Option<&AgreementVersion> {
        self.versions
            .iter()
            .filter(|v| v.sign_off.is_some())
            .max_by_key(|v| v.number)
    }

    /// The next review meeting: the one the latest meeting set, or the first.
    pub fn next_review(&self) -> Option<Day> {
        match self.reviews.iter().max_by_key(|r| r.held_on) {
            Some(last) => last.next_review,
            None => self.first_review,
        }
    }
}

/// One commitment in a support agreement.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Commitment {
    pub id: String,
    /// The library clause it was drafted from, if any.
    #[serde(default)]
    pub clause_id: Option<String>,
    pub what: UserText,
    /// Who provides it.
    pub provider: UserText,
    /// By when or how often, in words.
    pub when: UserText,
    /// How delivery is measured.
    pub measure: UserText,
    /// The date it is due by, when it has one.
    #[serde(default)]
    pub due: Option<Day>,
    /// Whether it was delivered, each time it was due.
    #[serde(default)]
    pub deliveries: Vec<Delivery>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

impl Commitment {
    /// A commitment made from its wording (a version's, or another party's).
    pub fn from_terms(terms: &Terms, now: Moment) -> Commitment {
        Commitment {
            id: terms.id.clone(),
            clause_id: terms.clause_id.clone(),
            what: terms.what.clone(),
            provider: terms.provider.clone(),
            when: terms.when.clone(),
            measure: terms.measure.clone(),
            due: terms.due,
            deliveries: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// Its wording, without its delivery records or time stamps.
    pub fn terms(&self) -> Terms {
        Terms {
            id: self.id.clone(),
            clause_id: self.clause_id.clone(),
            what: self.what.clone(),
            provider: self.provider.clone(),
            when: self.when.clone(),
            measure: self.measure.clone(),
            due: self.due,
        }
    }

    /// Takes the wording of `terms`, keeping its delivery records.
    pub fn reworded(&self, terms: &Terms) -> Commitment {
        Commitment {
            clause_id: terms.clause_id.clone(),
            what: terms.what.clone(),
            provider: terms.provider.clone(),
            when: terms.when.clone(),
            measure: terms.measure.clone(),
            due: terms.due,
            ..self.clone()
        }
    }

    /// Its short name: the clause's title, or the start of what it says.
    pub fn short_title(&self) -> String {
        self.terms().short_title()
    }

    /// The latest delivery record, by the date it was due.
    pub fn last_delivery(&self) -> Option<&Delivery> {
        self.deliveries.iter().max_by_key(|d| d.due_on)
    }
}

/// A commitment's wording, as the parties agree it: what versions hold and
/// the file sent to the other party carries (no delivery records).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Terms {
    /// The commitment's id, the same in both parties' workbooks.
    pub id: String,
    #[serde(default)]
    pub clause_id: Option<String>,
    pub what: UserText,
    pub provider: UserText,
    pub when: UserText,
    pub measure: UserText,
    #[serde(default)]
    pub due: Option<Day>,
}

impl Terms {
    /// The clause's title, or the first words of what it says.
    pub fn short_title(&self) -> String {
        if let Some(clause) = self.clause_id.as_deref().and_then(super::clauses::clause) {
            return clause.title.to_string();
        }
        let words: Vec<&str> = self.what.split_whitespace().collect();
        if words.len() <= 8 {
            words.join(" ")
        } else {
            format!("{}…", words[..8].join(" "))
        }
    }
}

/// Whether a commitment was delivered, one time it was due.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryOutcome {
    OnTime,
    Late,
    NotDelivered,
}

impl DeliveryOutcome {
    pub const ALL: [DeliveryOutcome; 3] = [
        DeliveryOutcome::OnTime,
        DeliveryOutcome::Late,
        DeliveryOutcome::NotDelivered,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DeliveryOutcome::OnTime => "Delivered on time",
            DeliveryOutcome::Late => "Delivered late",
            DeliveryOutcome::NotDelivered => "Not delivered",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            DeliveryOutcome::OnTime => "on_time",
            DeliveryOutcome::Late => "late",
            DeliveryOutcome::NotDelivered => "not_delivered",
        }
    }
}

/// Whether a commitment was delivered one time it was due.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Delivery {
    pub id: String,
    /// The date it was due.
    pub due_on: Day,
    pub outcome: DeliveryOutcome,
    /// When it was delivered (on time or late).
    #[serde(default)]
    pub delivered_on: Option<Day>,
    #[serde(default)]
    pub note: UserText,
    pub created_at: Moment,
    pub updated_at: Moment,
}

/// Where a version came from.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VersionSource {
    /// Saved here (to send to the other party, or to mark agreed).
    Ours,
    /// The other party's file, as first received.
    Received,
    /// Settled from the other party's file: their changes accepted or rejected.
    Settled,
}

/// The names and dates typed to mark a version agreed (not an electronic
/// signature: the printed copy is signed).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SignOff {
    pub group_name: UserText,
    pub group_on: Day,
    pub organisation_name: UserText,
    pub organisation_on: Day,
}

/// The commitments' wording as it stood at one time: v1, v2, …
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AgreementVersion {
    pub id: String,
    pub number: u32,
    pub source: VersionSource,
    /// What it is: "Sent to the ICB for comment", "Their changes of 3 May".
    #[serde(default)]
    pub note: UserText,
    pub terms: Vec<Terms>,
    /// Both parties' names and dates, once the version is agreed.
    #[serde(default)]
    pub sign_off: Option<SignOff>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

/// A meeting of both parties to review whether the commitments were delivered.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ReviewMeeting {
    pub id: String,
    pub held_on: Day,
    #[serde(default)]
    pub attendees: UserText,
    /// What the meeting decided.
    pub decided: UserText,
    /// The next review meeting, when one was set.
    #[serde(default)]
    pub next_review: Option<Day>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

// The forms' field ids, shared by the pages and the refusals' field errors.
pub const GROUP_NAME_FIELD: &str = "group-name";
pub const GROUP_LEAD_FIELD: &str = "group-lead";
pub const ORGANISATION_NAME_FIELD: &str = "organisation-name";
pub const ORGANISATION_LEAD_FIELD: &str = "organisation-lead";
pub const STARTS_FIELD: &str = "starts-on";
pub const ENDS_FIELD: &str = "ends-on";
pub const FIRST_REVIEW_FIELD: &str = "first-review";
pub const WHAT_FIELD: &str = "commitment-what";
pub const PROVIDER_FIELD: &str = "commitment-provider";
pub const WHEN_FIELD: &str = "commitment-when";
pub const MEASURE_FIELD: &str = "commitment-measure";
pub const DUE_FIELD: &str = "commitment-due";
pub const DUE_ON_FIELD: &str = "delivery-due-on";
pub const OUTCOME_FIELD: &str = "delivery-outcome";
pub const DELIVERED_ON_FIELD: &str = "delivery-delivered-on";
pub const DELIVERY_NOTE_FIELD: &str = "delivery-note";
pub const HELD_ON_FIELD: &str = "review-held-on";
pub const ATTENDEES_FIELD: &str = "review-attendees";
pub const DECIDED_FIELD: &str = "review-decided";
pub const NEXT_REVIEW_FIELD: &str = "review-next";
pub const VERSION_NOTE_FIELD: &str = "version-note";
pub const SIGN_GROUP_NAME_FIELD: &str = "sign-group-name";
pub const SIGN_GROUP_ON_FIELD: &str = "sign-group-on";
pub const SIGN_ORGANISATION_NAME_FIELD: &str = "sign-organisation-name";
pub const SIGN_ORGANISATION_ON_FIELD: &str = "sign-organisation-on";

/// The agreement's form: its parties, leads and period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SupportAgreementDraft {
    pub group_name: String,
    pub group_lead: String,
    pub organisation_name: String,
    pub organisation_lead: String,
    pub starts_on: String,
    pub ends_on: String,
    pub first_review: String,
    pub our_side: Party,
}

impl SupportAgreementDraft {
    pub fn of(a: &SupportAgreement) -> Self {
        SupportAgreementDraft {
            group_name: a.group_name.to_string(),
            group_lead: a.group_lead.to_string(),
            organisation_name: a.organisation_name.to_string(),
            organisation_lead: a.organisation_lead.to_string(),
            starts_on: input_value(a.starts_on),
            ends_on: input_value(a.ends_on),
            first_review: a.first_review.map(input_value).unwrap_or_default(),
            our_side: a.our_side,
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("The commissioning group", &self.group_name),
            Shown::text("The group's lead", &self.group_lead),
            Shown::text("The commissioning organisation", &self.organisation_name),
            Shown::text("The organisation's lead", &self.organisation_lead),
            Shown::date("Starts", &self.starts_on),
            Shown::date("Ends", &self.ends_on),
            Shown::date("First review meeting", &self.first_review),
        ]
    }

    /// Both parties and their leads named; a real start and end, the end
    /// after the start; a first review, if given, within the period.
    pub fn validate(&self, id: String, now: Moment) -> Result<SupportAgreement, Vec<FieldError>> {
        let mut errors = Vec::new();
        let group_name = required_text(
            &self.group_name,
            GROUP_NAME_FIELD,
            "Enter the name of the commissioning group",
            &mut errors,
        );
        let group_lead = required_text(
            &self.group_lead,
            GROUP_LEAD_FIELD,
            "Enter the name of the group's lead",
            &mut errors,
        );
        let organisation_name = required_text(
            &self.organisation_name,
            ORGANISATION_NAME_FIELD,
            "Enter the name of the commissioning organisation",
            &mut errors,
        );
        let organisation_lead = required_text(
            &self.organisation_lead,
            ORGANISATION_LEAD_FIELD,
            "Enter the name of the organisation's lead",
            &mut errors,
        );
        let starts = required_date(
            &self.starts_on,
            STARTS_FIELD,
            "start date",
            None,
            &mut errors,
        );
        let ends = required_date(&self.ends_on, ENDS_FIELD, "end date", None, &mut errors);
        if let (Some(s), Some(e)) = (starts, ends) {
            if e <= s {
                errors.push(FieldError::new(
                    ENDS_FIELD,
                    "The end date must be after the start date",
                ));
            }
        }
        let first_review = optional_date(
            &self.first_review,
            FIRST_REVIEW_FIELD,
            "first review date",
            &mut errors,
        );
        if let (Some(r), Some(s), Some(e)) = (first_review, starts, ends) {
            if s < e && (r < s || r > e) {
                errors.push(FieldError::new(
                    FIRST_REVIEW_FIELD,
                    format!(
                        "The first review must be within the agreement's period, {} to {}",
                        long_date(s),
                        long_date(e)
                    ),
                ));
            }
        }
        match (starts, ends) {
            (Some(s), Some(e)) if errors.is_empty() => Ok(SupportAgreement {
                id,
                group_name: group_name.into(),
                group_lead: group_lead.into(),
                organisation_name: organisation_name.into(),
                organisation_lead: organisation_lead.into(),
                starts_on: Day(s),
                ends_on: Day(e),
                first_review: first_review.map(Day),
                our_side: self.our_side,
                drafted_from_id: None,
                commitments: Vec::new(),
                versions: Vec::new(),
                reviews: Vec::new(),
                created_at: now,
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

/// A commitment's form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommitmentDraft {
    pub clause_id: Option<String>,
    pub what: String,
    pub provider: String,
    pub when: String,
    pub measure: String,
    pub due: String,
}

impl CommitmentDraft {
    pub fn of(c: &Commitment) -> Self {
        CommitmentDraft {
            clause_id: c.clause_id.clone(),
            what: c.what.to_string(),
            provider: c.provider.to_string(),
            when: c.when.to_string(),
            measure: c.measure.to_string(),
            due: c.due.map(input_value).unwrap_or_default(),
        }
    }

    /// A commitment as the library first words a clause.
    pub fn from_clause(clause: &Clause) -> Self {
        CommitmentDraft {
            clause_id: Some(clause.id.to_string()),
            what: clause.what.into(),
            provider: clause.provider.into(),
            when: clause.when.into(),
            measure: clause.measure.into(),
            due: String::new(),
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("What is provided", &self.what),
            Shown::text("Who provides it", &self.provider),
            Shown::text("By when or how often", &self.when),
            Shown::text("How delivery is measured", &self.measure),
            Shown::date("Due by", &self.due),
        ]
    }

    /// What is provided, by whom, when and how it is measured are needed;
    /// a date due by, if given, must be real.
    pub fn validate(&self, id: String, now: Moment) -> Result<Commitment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let what = required_text(
            &self.what,
            WHAT_FIELD,
            "Enter what is provided",
            &mut errors,
        );
        let provider = required_text(
            &self.provider,
            PROVIDER_FIELD,
            "Enter who provides it",
            &mut errors,
        );
        let when = required_text(
            &self.when,
            WHEN_FIELD,
            "Enter by when or how often it is provided",
            &mut errors,
        );
        let measure = required_text(
            &self.measure,
            MEASURE_FIELD,
            "Enter how delivery is measured",
            &mut errors,
        );
        let due = optional_date(&self.due, DUE_FIELD, "date it is due by", &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Commitment {
            id,
            clause_id: self.clause_id.clone(),
            what: what.into(),
            provider: provider.into(),
            when: when.into(),
            measure: measure.into(),
            due: due.map(Day),
            deliveries: Vec::new(),
            created_at: now,
            updated_at: now,
        })
    }
}

/// A delivery record's form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeliveryDraft {
    pub due_on: String,
    pub outcome: Option<DeliveryOutcome>,
    pub delivered_on: String,
    pub note: String,
}

impl DeliveryDraft {
    pub fn of(d: &Delivery) -> Self {
        DeliveryDraft {
            due_on: input_value(d.due_on),
            outcome: Some(d.outcome),
            delivered_on: d.delivered_on.map(input_value).unwrap_or_default(),
            note: d.note.to_string(),
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::date("Date it was due", &self.due_on),
            Shown::choice(
                "Was it delivered?",
                self.outcome.map(DeliveryOutcome::label),
            ),
            Shown::date("Date it was delivered", &self.delivered_on),
            Shown::text("Notes", &self.note),
        ]
    }

    /// The date it was due and whether it was delivered are needed. Delivered
    /// on time or late needs the day it came, not after today; on time means
    /// on or before the day due, late after it. Not delivered has no such day.
    pub fn validate(
        &self,
        id: String,
        today: NaiveDate,
        now: Moment,
    ) -> Result<Delivery, Vec<FieldError>> {
        let mut errors = Vec::new();
        let due_on = required_date(
            &self.due_on,
            DUE_ON_FIELD,
            "date it was due",
            None,
            &mut errors,
        );
        if self.outcome.is_none() {
            errors.push(FieldError::new(
                OUTCOME_FIELD,
                "Choose whether it was delivered on time, late, or not",
            ));
        }
        let delivered_on = match self.outcome {
            Some(DeliveryOutcome::OnTime | DeliveryOutcome::Late) => required_date(
                &self.delivered_on,
                DELIVERED_ON_FIELD,
                "date it was delivered",
                Some(today),
                &mut errors,
            ),
            _ => None,
        };
        if let (Some(due), Some(came), Some(outcome)) = (due_on, delivered_on, self.outcome) {
            if outcome == DeliveryOutcome::OnTime && came > due {
                errors.push(FieldError::new(
                    OUTCOME_FIELD,
                    format!(
                        "It came after the date it was due ({}): choose \"Delivered late\"",
                        long_date(due)
                    ),
                ));
            }
            if outcome == DeliveryOutcome::Late && came <= due {
                errors.push(FieldError::new(
                    OUTCOME_FIELD,
                    format!(
                        "It came by the date it was due ({}): choose \"Delivered on time\"",
                        long_date(due)
                    ),
                ));
            }
        }
        match (due_on, self.outcome) {
            (Some(due_on), Some(outcome)) if errors.is_empty() => Ok(Delivery {
                id,
                due_on: Day(due_on),
                outcome,
                delivered_on: delivered_on.map(Day),
                note: self.note.trim().into(),
                created_at: now,
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

/// A review meeting's form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewMeetingDraft {
    pub held_on: String,
    pub attendees: String,
    pub decided: String,
    pub next_review: String,
}

impl ReviewMeetingDraft {
    pub fn of(r: &ReviewMeeting) -> Self {
        ReviewMeetingDraft {
            held_on: input_value(r.held_on),
            attendees: r.attendees.to_string(),
            decided: r.decided.to_string(),
            next_review: r.next_review.map(input_value).unwrap_or_default(),
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::date("Date of the meeting", &self.held_on),
            Shown::text("Who attended", &self.attendees),
            Shown::text("What was decided", &self.decided),
            Shown::date("Date of the next review", &self.next_review),
        ]
    }

    /// A meeting held (not after today), what it decided, and a next review,
    /// if set, after it.
    pub fn validate(
        &self,
        id: String,
        today: NaiveDate,
        now: Moment,
    ) -> Result<ReviewMeeting, Vec<FieldError>> {
        let mut errors = Vec::new();
        let held_on = required_date(
            &self.held_on,
            HELD_ON_FIELD,
            "date of the meeting",
            Some(today),
            &mut errors,
        );
        let decided = required_text(
            &self.decided,
            DECIDED_FIELD,
            "Enter what the meeting decided",
            &mut errors,
        );
        let next_review = optional_date(
            &self.next_review,
            NEXT_REVIEW_FIELD,
            "date of the next review",
            &mut errors,
        );
        if let (Some(held), Some(next)) = (held_on, next_review) {
            if next <= held {
                errors.push(FieldError::new(
                    NEXT_REVIEW_FIELD,
                    "The next review must be after this meeting",
                ));
            }
        }
        match held_on {
            Some(held_on) if errors.is_empty() => Ok(ReviewMeeting {
                id,
                held_on: Day(held_on),
                attendees: self.attendees.trim().into(),
                decided: decided.into(),
                next_review: next_review.map(Day),
                created_at: now,
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

/// A version's form: a note, and once agreed, both parties' names and dates.
/// Saving a new version takes the commitments' wording as it is then.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionDraft {
    pub note: String,
    pub source: VersionSource,
    /// Filled in to mark the version agreed.
    pub sign_off: Option<SignOffDraft>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignOffDraft {
    pub group_name: String,
    pub group_on: String,
    pub organisation_name: String,
    pub organisation_on: String,
}

impl VersionDraft {
    pub fn of(v: &AgreementVersion) -> Self {
        VersionDraft {
            note: v.note.to_string(),
            source: v.source,
            sign_off: v.sign_off.as_ref().map(|s| SignOffDraft {
                group_name: s.group_name.to_string(),
                group_on: input_value(s.group_on),
                organisation_name: s.organisation_name.to_string(),
                organisation_on: input_value(s.organisation_on),
            }),
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        let s = self.sign_off.clone().unwrap_or_default();
        vec![
            Shown::text("Note", &self.note),
            Shown::text("Signed for the group by", &s.group_name),
            Shown::date("Date signed for the group", &s.group_on),
            Shown::text("Signed for the organisation by", &s.organisation_name),
            Shown::date("Date signed for the organisation", &s.organisation_on),
        ]
    }

    /// The version's note and sign-off as typed: a sign-off needs both
    /// names and both dates, not after today.
    pub fn checked(
        &self,
        today: NaiveDate,
    ) -> Result<(UserText, Option<SignOff>), Vec<FieldError>> {
        let Some(s) = &self.sign_off else {
            return Ok((self.note.trim().into(), None));
        };
        let mut errors = Vec::new();
        let group_name = required_text(
            &s.group_name,
            SIGN_GROUP_NAME_FIELD,
            "Enter the name of the person agreeing for the group",
            &mut errors,
        );
        let group_on = required_date(
            &s.group_on,
            SIGN_GROUP_ON_FIELD,
            "date the group agreed",
            Some(today),
            &mut errors,
        );
        let organisation_name = required_text(
            &s.organisation_name,
            SIGN_ORGANISATION_NAME_FIELD,
            "Enter the name of the person agreeing for the organisation",
            &mut errors,
        );
        let organisation_on = required_date(
            &s.organisation_on,
            SIGN_ORGANISATION_ON_FIELD,
            "date the organisation agreed",
            Some(today),
            &mut errors,
        );
        match (group_on, organisation_on) {
            (Some(g), Some(o)) if errors.is_empty() => Ok((
                self.note.trim().into(),
                Some(SignOff {
                    group_name: group_name.into(),
                    group_on: Day(g),
                    organisation_name: organisation_name.into(),
                    organisation_on: Day(o),
                }),
            )),
            _ => Err(errors),
        }
    }
}
