//! Test fixtures: workbooks and records every test module may build on.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::json;

use crate::model::agreement::{
    AgreementVersion, Commitment, Delivery, DeliveryOutcome, Party, ReviewMeeting, SignOff,
    SupportAgreement, VersionSource,
};
use crate::model::assessment::{Assessment, Rating, Role};
use crate::model::business_case::appraisal::YearFigures;
use crate::model::business_case::money::Pence;
use crate::model::business_case::{
    BusinessCase, CaseLink, CaseMilestone, CaseOption, CaseRisk, LinkKind,
};
use crate::model::common::saved_dates::{Day, Moment};
use crate::model::common::user_text::UserText;
use crate::model::group::{AreaAgreement, GroupMember, GroupRound};
use crate::model::placement::{
    ActivityEntry, ActivityType, Effectiveness, Milestone, Placement, Project, ProjectStatus,
};
use crate::model::plan::{
    Action, EvidenceEntry, Goal, GoalOrigin, GoalStatus, Plan, Review, SelfRating, Support,
};
use crate::model::workbook::document::{Conflict, RecordKind, Tombstone, Workbook};

pub(crate) fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 9, day, hour, 0, 0).unwrap()
}

pub(crate) fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 9, d).unwrap()
}

/// One shared-looking assessment: ratings, a note, a flag and an importance.
pub(crate) fn an_assessment(id: &str) -> Assessment {
    let mut a = Assessment::new(
        id.into(),
        "East Kent".into(),
        "Respiratory <b>services</b>".into(),
        Role::Manager,
        day(1),
        Moment(at(1, 9)),
    );
    a.set_rating("power-1", Some(Rating::Level(3)), Moment(at(1, 10)));
    a.set_rating("power-2", Some(Rating::NotApplicable), Moment(at(1, 10)));
    a.set_evidence("power-1", "Board minutes,\n\t\"March\"", Moment(at(1, 10)));
    a.set_flagged("trust-2", true, Moment(at(1, 10)));
    a.set_importance("power", Some(3), Moment(at(1, 10)));
    a
}

/// A workbook holding at least one record of every kind, each with its own
/// id, with text that has line breaks, tabs and HTML in it.
pub(crate) fn workbook_with_every_kind_of_record() -> Workbook {
    let mut wb = Workbook::new(Moment(at(1, 8)));
    wb.revision = 12;
    wb.assessments.push(an_assessment("assessment-1"));
    let mut partner = an_assessment("partner-1");
    partner.role = Role::Clinician;
    partner.original_id = Some("assessment-theirs".into());
    wb.partner_assessments.push(partner);
    wb.plans_mut().unwrap().push(Plan {
        id: "plan-1".into(),
        name: "Leading the respiratory review".into(),
        owner: "Dr A. N. Other".into(),
        starts: Some(Day(day(1))),
        ends: None,
        aim: "Chair the board <i>well</i>".into(),
        goals: vec![Goal {
            id: "goal-1".into(),
            title: "Chair the respiratory programme board".into(),
            detail: "With the lead commissioner\r\nand the board".into(),
            learning_need: "Chairing".into(),
            success_measure: "Board agrees the pathway".into(),
            target_date: Some(Day(day(30))),
            status: GoalStatus::InProgress,
            support: vec![Support::MentorOrCoach, Support::Project],
            capability: Some("personal".into()),
            outcome: UserText::default(),
            actions: vec![Action {
                id: "action-1".into(),
                text: "Shadow the chair".into(),
                due: Some(Day(day(20))),
                done_on: Some(Day(day(18))),
                created_at: Moment(at(2, 9)),
                updated_at: Moment(at(18, 9)),
            }],
            evidence: vec![EvidenceEntry {
                id: "evidence-1".into(),
                date: Day(day(3)),
                what_happened: "Ran the meeting".into(),
                learnt: "Agendas matter".into(),
                created_at: Moment(at(3, 9)),
                updated_at: Moment(at(3, 9)),
            }],
            created_at: Moment(at(2, 8)),
            updated_at: Moment(at(18, 9)),
            origin: Some(GoalOrigin {
                assessment_id: "assessment-1".into(),
                statement_id: "power-1".into(),
            }),
        }],
        reviews: vec![Review {
            id: "review-1".into(),
            date: Day(day(10)),
            summary: "On track".into(),
            next_review: Some(Day(day(28))),
            created_at: Moment(at(10, 9)),
            updated_at: Moment(at(10, 9)),
        }],
        self_ratings: vec![SelfRating {
            id: "self-rating-1".into(),
            date: Day(day(2)),
            ratings: [("personal".to_string(), 2), ("others".to_string(), 3)].into(),
            created_at: Moment(at(2, 9)),
            updated_at: Moment(at(2, 9)),
        }],
        created_at: Moment(at(1, 9)),
        updated_at: Moment(at(18, 9)),
    });
    wb.placements.get_mut().unwrap().placements.push(Placement {
        id: "placement-1".into(),
        trainee: "Dr Zoë Adams".into(),
        organisation: "NHS Eastern and Coastal Kent".into(),
        supervisor: "Amanda".into(),
        clinical_area: "Respiratory".into(),
        start: Some(Day(day(1))),
        length_months: 4,
        end: None,
        objectives: "Learn how a pathway is commissioned".into(),
        projects: vec![Project {
            id: "project-1".into(),
            title: "Redesign the TB pathway".into(),
            aim: "Fewer missed diagnoses".into(),
            clinical_area: "Respiratory".into(),
            stakeholders: "GPs, TB nurses".into(),
            status: ProjectStatus::InProgress,
            outcome: UserText::default(),
            milestones: vec![Milestone {
                id: "milestone-1".into(),
                title: "Map it".into(),
                planned: Day(day(15)),
                done_on: None,
                created_at: Moment(at(4, 9)),
                updated_at: Moment(at(4, 9)),
            }],
            created_at: Moment(at(4, 9)),
            updated_at: Moment(at(4, 9)),
        }],
        entries: vec![ActivityEntry {
            id: "activity-1".into(),
            date: Day(day(5)),
            minutes: 120,
            activity_type: ActivityType::PathwayDesign,
            project_id: Some("project-1".into()),
            role: "Presenting".into(),
            what_done: "Mapped the pathway <script>alert(1)</script>".into(),
            with_others: "With the TB nurses".into(),
            effectiveness: Some(Effectiveness::Partly),
            keep: "Maps".into(),
            improve: "Timing".into(),
            stop: UserText::default(),
            learnt_about_self: "I rush".into(),
            capabilities: vec!["personal".into(), "others".into()],
            in_summary: true,
            created_at: Moment(at(5, 9)),
            updated_at: Moment(at(5, 9)),
        }],
        created_at: Moment(at(1, 9)),
        updated_at: Moment(at(5, 9)),
    });
    let mut member = GroupMember::from_assessment(
        "member-1".into(),
        &an_assessment("assessment-of-a-member"),
        false,
        1,
        Moment(at(7, 9)),
    );
    member.label = "Member 1 <i>of East Kent</i>".into();
    wb.group.get_mut().unwrap().rounds.push(GroupRound {
        id: "round-1".into(),
        name: "Autumn workshop\n<b>2027</b>".into(),
        held_on: Day(day(7)),
        anonymised: true,
        members: vec![member],
        agreements: vec![AreaAgreement {
            id: "agreement-1".into(),
            domain_id: "power".into(),
            agreed_level: Some(1),
            target_level: Some(3),
            target_date: Some(Day(day(30))),
            note: "Board \"split\"\tthen agreed".into(),
            goal_id: Some("goal-1".into()),
            created_at: Moment(at(7, 10)),
            updated_at: Moment(at(7, 11)),
        }],
        created_at: Moment(at(7, 9)),
        updated_at: Moment(at(7, 9)),
    });
    let commitment = Commitment {
        id: "commitment-1".into(),
        clause_id: Some("data-activity".into()),
        what: "Monthly <b>referral</b> data\nwith analysis".into(),
        provider: "Business intelligence".into(),
        when: "Every month".into(),
        measure: "Report by the 15th".into(),
        due: Some(Day(day(15))),
        deliveries: vec![Delivery {
            id: "delivery-1".into(),
            due_on: Day(day(15)),
            outcome: DeliveryOutcome::Late,
            delivered_on: Some(Day(day(17))),
            note: "Two days \"late\"".into(),
            created_at: Moment(at(17, 9)),
            updated_at: Moment(at(17, 9)),
        }],
        created_at: Moment(at(8, 9)),
        updated_at: Moment(at(8, 9)),
    };
    wb.support_agreements
        .get_mut()
        .unwrap()
        .agreements
        .push(SupportAgreement {
            id: "support-agreement-1".into(),
            group_name: "Nene <i>Valley</i> PCN".into(),
            group_lead: "Dr A. N. Other".into(),
            organisation_name: "Northamptonshire ICB".into(),
            organisation_lead: "J. Smith".into(),
            starts_on: Day(day(1)),
            ends_on: Day(NaiveDate::from_ymd_opt(2028, 8, 31).unwrap()),
            first_review: Some(Day(day(28))),
            our_side: Party::Group,
            drafted_from_id: Some("assessment-1".into()),
            versions: vec![AgreementVersion {
                id: "version-1".into(),
                number: 1,
                source: VersionSource::Ours,
                note: "Sent\tfor comment".into(),
                terms: vec![commitment.terms()],
                sign_off: Some(SignOff {
                    group_name: "Dr A. N. Other".into(),
                    group_on: Day(day(9)),
                    organisation_name: "J. Smith".into(),
                    organisation_on: Day(day(10)),
                }),
                created_at: Moment(at(9, 9)),
                updated_at: Moment(at(10, 9)),
            }],
            commitments: vec![commitment],
            reviews: vec![ReviewMeeting {
                id: "review-meeting-1".into(),
                held_on: Day(day(16)),
                attendees: "Both leads".into(),
                decided: "Data <b>late</b>: raise it".into(),
                next_review: Some(Day(day(30))),
                created_at: Moment(at(16, 9)),
                updated_at: Moment(at(16, 9)),
            }],
            created_at: Moment(at(8, 9)),
            updated_at: Moment(at(8, 9)),
        });
    wb.business_cases
        .get_mut()
        .unwrap()
        .cases
        .push(BusinessCase {
            id: "business-case-1".into(),
            title: "Community <b>diabetes</b> clinic".into(),
            linked: Some(CaseLink {
                kind: LinkKind::Project,
                id: "project-1".into(),
                title: "Diabetes pathway".into(),
            }),
            prepared_by: "Dr A. N. Other".into(),
            problem: "Long waits\tfor clinic".into(),
            population: "2,000 people with type 2 diabetes".into(),
            strategic_fit: "Care closer to home".into(),
            procurement: "A clinic run in two practices".into(),
            funding: "The invest-to-save fund".into(),
            benefits_measurement: "Referrals a month".into(),
            recommendation: "Fund option 2".into(),
            preferred_option_id: Some("option-1".into()),
            discount_rate_basis_points: 350,
            optimism_bias_percent: 10,
            options: vec![CaseOption {
                id: "option-1".into(),
                name: "Community clinic".into(),
                description: "Two sessions a week".into(),
                do_nothing: false,
                benefits: "Shorter waits".into(),
                years: vec![YearFigures {
                    year: 0,
                    set_up_costs: Pence(10_000_000),
                    running_costs: Pence(0),
                    cash_releasing_savings: Pence(0),
                    non_cash_releasing_savings: Pence(150),
                }],
                risks: vec![CaseRisk {
                    id: "risk-1".into(),
                    description: "GPs do not refer".into(),
                    likelihood: 3,
                    impact: 4,
                    owner: "Clinical lead".into(),
                    mitigation: "Talk to each practice".into(),
                    created_at: Moment(at(12, 9)),
                    updated_at: Moment(at(12, 9)),
                }],
                created_at: Moment(at(11, 9)),
                updated_at: Moment(at(11, 9)),
            }],
            milestones: vec![CaseMilestone {
                id: "case-milestone-1".into(),
                what: "First clinic".into(),
                due: Day(day(20)),
                created_at: Moment(at(11, 9)),
                updated_at: Moment(at(11, 9)),
            }],
            created_at: Moment(at(11, 9)),
            updated_at: Moment(at(12, 9)),
        });
    wb.deleted.push(Tombstone {
        id: "goal-gone".into(),
        kind: RecordKind::Goal,
        deleted_at: Moment(at(6, 9)),
    });
    wb.conflicts.push(Conflict {
        id: "conflict-1".into(),
        record_id: "action-1".into(),
        kind: RecordKind::Action,
        description: "the action \"Shadow the chair\"".into(),
        kept: "Text: Shadow the chair".into(),
        other: "Text: Shadow the <b>vice</b> chair".into(),
        other_record: json!({
            "id": "action-1",
            "text": "Shadow the <b>vice</b> chair",
            "due": "2027-09-20",
            "done_on": null,
            "created_at": "2027-09-02T09:00:00Z",
            "updated_at": "2027-09-17T09:00:00Z",
        }),
        found_at: Moment(at(18, 10)),
        deletion: None,
    });
    wb.last_backup_at = Some(Moment(at(17, 9)));
    wb.updated_at = Moment(at(18, 9));
    wb
}
