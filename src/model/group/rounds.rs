//! A round of a commissioning group's self-assessment: the members' answers
//! taken from their single-assessment files, and what the group agreed in
//! its workshop. Only levels, importance and role are kept of a member's
//! file — never their evidence text, and never their name unless the lead
//! chose to keep names.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::assessment::framework::{self, MAX_LEVEL};
use crate::model::assessment::{Assessment, Rating, Role};
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::stale::Shown;
use crate::model::common::user_text::UserText;
use crate::model::common::validation::{optional_date, required_date, required_text, FieldError};

/// The group view's part of the workbook: its rounds, oldest first. Saved
/// as a deferred section (`workbook::deferred`): read when a group page opens.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GroupBook {
    #[serde(default)]
    pub rounds: Vec<GroupRound>,
}

impl GroupBook {
    pub fn round(&self, id: &str) -> Option<&GroupRound> {
        self.rounds.iter().find(|r| r.id == id)
    }
}

/// One round: the group's answers at one time, and its workshop's decisions.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GroupRound {
    pub id: String,
    /// What the round is called: "Spring 2027 workshop".
    pub name: UserText,
    /// The day the round is for (its workshop, or when the files were asked for).
    pub held_on: Day,
    /// Members are shown as "Member 1, 2…" and their names are never kept.
    #[serde(default = "anonymised_by_default")]
    pub anonymised: bool,
    #[serde(default)]
    pub members: Vec<GroupMember>,
    /// The workshop's agreed and target levels, one per area at most.
    #[serde(default)]
    pub agreements: Vec<AreaAgreement>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

fn anonymised_by_default() -> bool {
    true
}

/// One member's answers in a round, from their single-assessment file.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct GroupMember {
    pub id: String,
    /// "Member 3", or the partnership and clinical area the member gave when
    /// the round keeps names.
    pub label: UserText,
    pub role: Role,
    /// The id of the assessment in the member's own workbook, so the same
    /// file loaded twice counts once and a newer copy replaces it.
    pub source_id: String,
    /// When the member last changed that assessment.
    pub source_changed_at: Moment,
    /// The day the member's assessment is for.
    pub assessed_on: Day,
    /// The member's rating of each statement they answered.
    #[serde(default)]
    pub ratings: BTreeMap<String, Rating>,
    /// How important the member rated each area (1 to 3).
    #[serde(default)]
    pub importance: BTreeMap<String, u8>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

/// What the group agreed about one area in its workshop.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AreaAgreement {
    pub id: String,
    /// The framework area (domain) it is about.
    pub domain_id: String,
    /// The level the group agrees it is at now.
    pub agreed_level: Option<u8>,
    /// The level it aims for, by `target_date`.
    pub target_level: Option<u8>,
    pub target_date: Option<Day>,
    /// What was said in the discussion.
    #[serde(default)]
    pub note: UserText,
    /// The goal the target became in the lead's development plan, if it did
    /// (the goal page links back to the round through it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_id: Option<String>,
    pub created_at: Moment,
    pub updated_at: Moment,
}

impl AreaAgreement {
    /// The goal a target becomes in the lead's development plan: reaching the
    /// target level in the area, by the target date, with the levels agreed
    /// and the round as its learning need. None without a target level.
    pub fn goal_draft(&self, round: &GroupRound) -> Option<crate::model::plan::GoalDraft> {
        let target = framework::maturity_level(self.target_level?)?;
        let agreed = self
            .agreed_level
            .and_then(framework::maturity_level)
            .map(|l| format!(" The level agreed now is {} ({}).", l.level, l.name))
            .unwrap_or_default();
        Some(crate::model::plan::GoalDraft {
            title: format!(
                "Reach level {} ({}) in {}",
                target.level,
                target.name,
                self.area_name().to_lowercase()
            ),
            learning_need: format!(
                "A target our commissioning group agreed in its round \"{}\" of {}.{agreed}",
                round.name,
                crate::model::common::dates::long_date(*round.held_on)
            ),
            target_date: self
                .target_date
                .map(crate::model::common::dates::input_value)
                .unwrap_or_default(),
            ..Default::default()
        })
    }

    /// The area's title, as the framework names it.
    pub fn area_name(&self) -> &'static str {
        framework::domain(&self.domain_id).map_or("an area no longer in the framework", |d| d.title)
    }
}

impl GroupMember {
    /// A member made from an assessment file: the levels, importance and role
    /// only; named "Member `number`" unless names are kept.
    pub fn from_assessment(
        id: String,
        assessment: &Assessment,
        keep_name: bool,
        number: usize,
        now: Moment,
    ) -> GroupMember {
        let label = if keep_name {
            assessment.title()
        } else {
            format!("Member {number}")
        };
        GroupMember {
            id,
            label: label.into(),
            role: assessment.role,
            source_id: assessment.id.clone(),
            source_changed_at: assessment.updated_at,
            assessed_on: assessment.date,
            ratings: assessment
                .answers
                .iter()
                .filter_map(|(statement, answer)| Some((statement.clone(), answer.rating?)))
                .filter(|(statement, _)| framework::statement(statement).is_some())
                .collect(),
            importance: framework::DOMAINS
                .iter()
                .filter_map(|d| Some((d.id.to_string(), assessment.importance_of(d.id)?)))
                .collect(),
            created_at: now,
            updated_at: now,
        }
    }

    /// The member's level for a statement: `Some(Some(level))`, `Some(None)`
    /// for "not applicable / don't know", `None` when not answered.
    pub fn answer(&self, statement_id: &str) -> Option<Option<u8>> {
        self.ratings.get(statement_id).map(|r| r.level())
    }
}

/// How a member's file relates to the round (see `GroupRound::take_in`).
#[derive(Clone, Debug, PartialEq)]
pub enum Arrival {
    /// A member not in the round yet.
    New(GroupMember),
    /// A newer copy of a member's file: it replaces the member `replaces`,
    /// who keeps their place and label.
    Newer {
        replaces: String,
        member: GroupMember,
    },
    /// The same copy as a member's already loaded, or an older one.
    AlreadyIn,
}

impl GroupRound {
    /// What taking in this member would do: a new member, a newer copy of a
    /// member (same assessment id, changed later), or nothing.
    pub fn arrival(&self, member: &GroupMember) -> Arrival {
        match self
            .members
            .iter()
            .find(|m| m.source_id == member.source_id)
        {
            None => Arrival::New(member.clone()),
            Some(known) if member.source_changed_at > known.source_changed_at => Arrival::Newer {
                replaces: known.id.clone(),
                member: GroupMember {
                    id: known.id.clone(),
                    label: known.label.clone(),
                    created_at: known.created_at,
                    ..member.clone()
                },
            },
            Some(_) => Arrival::AlreadyIn,
        }
    }

    /// The next free number for an anonymous member ("Member 4"): after the
    /// highest in use, so a member removed never leaves two with one number.
    pub fn next_member_number(&self) -> usize {
        self.members
            .iter()
            .filter_map(|m| {
                m.label
                    .as_str()
                    .strip_prefix("Member ")?
                    .parse::<usize>()
                    .ok()
            })
            .max()
            .unwrap_or(0)
            .max(self.members.len())
            + 1
    }

    pub fn agreement(&self, domain_id: &str) -> Option<&AreaAgreement> {
        self.agreements.iter().find(|a| a.domain_id == domain_id)
    }
}

pub const ROUND_NAME_FIELD: &str = "round-name";
pub const ROUND_DATE_FIELD: &str = "round-date";
pub const KEEP_NAMES_FIELD: &str = "keep-names";

/// The new-round form: its name and day, and whether names are kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoundDraft {
    pub name: String,
    pub held_on: String,
    pub keep_names: bool,
}

impl RoundDraft {
    pub fn of(round: &GroupRound) -> Self {
        RoundDraft {
            name: round.name.to_string(),
            held_on: crate::model::common::dates::input_value(round.held_on),
            keep_names: !round.anonymised,
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        vec![
            Shown::text("Name of the round", &self.name),
            Shown::date("Date", &self.held_on),
        ]
    }

    /// A round needs a name and a real date.
    pub fn validate(&self, id: String, now: Moment) -> Result<GroupRound, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = required_text(
            &self.name,
            ROUND_NAME_FIELD,
            "Enter a name for the round",
            &mut errors,
        );
        let held_on = required_date(&self.held_on, ROUND_DATE_FIELD, "date", None, &mut errors);
        match held_on {
            Some(held_on) if errors.is_empty() => Ok(GroupRound {
                id,
                name: name.into(),
                held_on: Day(held_on),
                anonymised: !self.keep_names,
                members: Vec::new(),
                agreements: Vec::new(),
                created_at: now,
                updated_at: now,
            }),
            _ => Err(errors),
        }
    }
}

pub const AGREED_LEVEL_FIELD: &str = "agreed-level";
pub const TARGET_LEVEL_FIELD: &str = "target-level";
pub const TARGET_DATE_FIELD: &str = "target-date";

/// The workshop form for one area.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AgreementDraft {
    pub domain_id: String,
    pub agreed_level: Option<u8>,
    pub target_level: Option<u8>,
    pub target_date: String,
    pub note: String,
}

impl AgreementDraft {
    pub fn of(a: &AreaAgreement) -> Self {
        AgreementDraft {
            domain_id: a.domain_id.clone(),
            agreed_level: a.agreed_level,
            target_level: a.target_level,
            target_date: a
                .target_date
                .map(crate::model::common::dates::input_value)
                .unwrap_or_default(),
            note: a.note.to_string(),
        }
    }

    pub fn shown(&self) -> Vec<Shown> {
        let level = |l: Option<u8>| l.map(|l| format!("Level {l}")).unwrap_or_default();
        vec![
            Shown::text("Level agreed now", &level(self.agreed_level)),
            Shown::text("Target level", &level(self.target_level)),
            Shown::date("Date to reach the target", &self.target_date),
            Shown::text("Notes of the discussion", &self.note),
        ]
    }

    /// Levels on the scale; a target above the agreed level, with a date
    /// after the round (a target looks forward from the workshop).
    pub fn validate(
        &self,
        id: String,
        held_on: NaiveDate,
        now: Moment,
    ) -> Result<AreaAgreement, Vec<FieldError>> {
        let mut errors = Vec::new();
        if framework::domain(&self.domain_id).is_none() {
            errors.push(FieldError::new(
                AGREED_LEVEL_FIELD,
                "Choose an area of the framework",
            ));
        }
        let on_scale = |level: Option<u8>| level.is_none_or(|l| l <= MAX_LEVEL);
        if !on_scale(self.agreed_level) {
            errors.push(FieldError::new(
                AGREED_LEVEL_FIELD,
                "Choose a level on the scale",
            ));
        }
        if !on_scale(self.target_level) {
            errors.push(FieldError::new(
                TARGET_LEVEL_FIELD,
                "Choose a level on the scale",
            ));
        }
        if let (Some(agreed), Some(target)) = (self.agreed_level, self.target_level) {
            if target <= agreed {
                errors.push(FieldError::new(
                    TARGET_LEVEL_FIELD,
                    "The target level must be above the level agreed now",
                ));
            }
        }
        let target_date = optional_date(&self.target_date, TARGET_DATE_FIELD, "date", &mut errors);
        if target_date.is_some_and(|d| d <= held_on) {
            errors.push(FieldError::new(
                TARGET_DATE_FIELD,
                "The date to reach the target must be after the round",
            ));
        }
        if target_date.is_some() && self.target_level.is_none() {
            errors.push(FieldError::new(
                TARGET_LEVEL_FIELD,
                "Choose the target level to reach by that date",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(AreaAgreement {
            id,
            domain_id: self.domain_id.clone(),
            agreed_level: self.agreed_level,
            target_level: self.target_level,
            target_date: target_date.map(Day),
            note: self.note.trim().into(),
            goal_id: None,
            created_at: now,
            updated_at: now,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::AssessmentDraft;
    use chrono::{TimeZone, Utc};

    fn at(minute: u32) -> Moment {
        Moment(Utc.with_ymd_and_hms(2027, 3, 1, 9, minute, 0).unwrap())
    }

    fn assessment(id: &str, changed: u32) -> Assessment {
        let mut a = AssessmentDraft {
            partnership: "Nene Commissioning".into(),
            clinical_area: "Respiratory".into(),
            role: Some(Role::Manager),
            date: "2027-02-20".into(),
        }
        .validate(
            id.into(),
            NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            at(0),
        )
        .unwrap();
        a.set_rating("power-1", Some(Rating::Level(3)), at(changed));
        a.set_rating("power-2", Some(Rating::NotApplicable), at(changed));
        a.set_evidence("power-1", "Board minutes naming Dr Patel", at(changed));
        a.set_importance("power", Some(3), at(changed));
        a.updated_at = at(changed);
        a
    }

    fn round() -> GroupRound {
        RoundDraft {
            name: "Spring workshop".into(),
            held_on: "2027-03-10".into(),
            keep_names: false,
        }
        .validate("round-1".into(), at(0))
        .unwrap()
    }

    /// Only levels, importance and role are kept: no evidence text, and no
    /// name when the round is anonymised.
    #[test]
    fn a_member_keeps_levels_importance_and_role_only() {
        let member =
            GroupMember::from_assessment("m1".into(), &assessment("a1", 5), false, 4, at(9));
        assert_eq!(member.label, "Member 4");
        assert_eq!(member.role, Role::Manager);
        assert_eq!(member.answer("power-1"), Some(Some(3)));
        assert_eq!(member.answer("power-2"), Some(None));
        assert_eq!(member.answer("power-3"), None);
        assert_eq!(member.importance.get("power"), Some(&3));
        let saved = serde_json::to_string(&member).unwrap();
        assert!(
            !saved.contains("Patel") && !saved.contains("Nene"),
            "{saved}"
        );
        let named = GroupMember::from_assessment("m2".into(), &assessment("a1", 5), true, 4, at(9));
        assert!(named.label.contains("Nene Commissioning"));
    }

    /// The same file twice counts once; a newer copy replaces the member,
    /// keeping their id, label and when they joined; an older one is ignored.
    #[test]
    fn the_same_assessment_counts_once_and_a_newer_copy_replaces_it() {
        let mut r = round();
        let first =
            GroupMember::from_assessment("m1".into(), &assessment("a1", 5), false, 1, at(9));
        assert!(matches!(r.arrival(&first), Arrival::New(_)));
        r.members.push(first.clone());
        assert_eq!(r.arrival(&first), Arrival::AlreadyIn);
        let older =
            GroupMember::from_assessment("m2".into(), &assessment("a1", 2), false, 2, at(10));
        assert_eq!(r.arrival(&older), Arrival::AlreadyIn);
        let newer =
            GroupMember::from_assessment("m3".into(), &assessment("a1", 7), false, 2, at(11));
        match r.arrival(&newer) {
            Arrival::Newer { replaces, member } => {
                assert_eq!(replaces, "m1");
                assert_eq!(
                    (member.id.as_str(), member.label.as_str()),
                    ("m1", "Member 1")
                );
                assert_eq!(member.created_at, at(9));
                assert_eq!(member.source_changed_at, at(7));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_round_needs_a_name_and_a_date_and_is_anonymised_unless_names_are_kept() {
        let errors = RoundDraft::default()
            .validate("r".into(), at(0))
            .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(round().anonymised);
    }

    #[test]
    fn a_target_is_above_the_agreed_level_and_after_the_round() {
        let held = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
        let draft = |agreed, target, date: &str| AgreementDraft {
            domain_id: "power".into(),
            agreed_level: agreed,
            target_level: target,
            target_date: date.into(),
            note: " Talked about the board ".into(),
        };
        let ok = draft(Some(1), Some(3), "2028-03-31")
            .validate("g".into(), held, at(0))
            .unwrap();
        assert_eq!(ok.note, "Talked about the board");
        assert!(draft(Some(2), Some(2), "")
            .validate("g".into(), held, at(0))
            .is_err());
        assert!(draft(Some(1), Some(3), "2027-03-10")
            .validate("g".into(), held, at(0))
            .is_err());
        assert!(draft(None, None, "2028-01-01")
            .validate("g".into(), held, at(0))
            .is_err());
        assert!(draft(Some(5), None, "")
            .validate("g".into(), held, at(0))
            .is_err());
        let mut unknown = draft(Some(1), None, "");
        unknown.domain_id = "nowhere".into();
        assert!(unknown.validate("g".into(), held, at(0)).is_err());
    }

    #[test]
    fn a_new_anonymous_member_is_numbered_after_the_highest_in_use() {
        let mut round = round();
        let a = assessment("a", 1);
        for n in [1, 2, 3] {
            round.members.push(GroupMember::from_assessment(
                format!("m{n}"),
                &a,
                false,
                n,
                at(1),
            ));
        }
        assert_eq!(round.next_member_number(), 4);
        round.members.remove(1);
        assert_eq!(round.next_member_number(), 4, "Member 3 is still there");
    }
}
