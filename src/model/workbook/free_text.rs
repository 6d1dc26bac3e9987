//! Every piece of free text a user wrote, record by record, and the likely
//! patient identifiers in it (`common::identifiers`): what the list "Check
//! for patient details before you share" shows before the workbook, or a part
//! of it, leaves the browser (a backup, an assessment for a partner, a
//! placement's summary or CSV).
//!
//! The text fields are listed here, one table per kind of record, rather
//! than in the record tree (`tree`): the tree's table is read by the first
//! download at start, and these lists are wanted only by pages in their own
//! parts. A field is named by the id of the form control that changes it
//! (`field`, as the model's `*_FIELD` constants and the forms name them) and
//! by the form's label for it, without "(optional)" (`label`), as a person
//! reads it there.

use crate::model::assessment::answers::ASSESSMENT_PARTNERSHIP_FIELD;
use crate::model::assessment::framework::{all_statements, statement};
use crate::model::assessment::Assessment;
use crate::model::common::identifiers::{likely_identifiers, IdentifierKind};
use crate::model::group::rounds::ROUND_NAME_FIELD;
use crate::model::placement::activity::ACTIVITY_WHAT_FIELD;
use crate::model::placement::placements::PLACEMENT_ORGANISATION_FIELD;
use crate::model::placement::projects::{MILESTONE_TITLE_FIELD, PROJECT_TITLE_FIELD};
use crate::model::placement::{ActivityEntry, Placement};
use crate::model::plan::entries::{ACTION_TEXT_FIELD, EVIDENCE_WHAT_FIELD, REVIEW_SUMMARY_FIELD};
use crate::model::plan::goals::GOAL_TITLE_FIELD;
use crate::model::plan::plans::PLAN_NAME_FIELD;
use crate::model::plan::Plan;
use crate::model::workbook::tree::{kind, Kind, RecordKind, Workbook};

/// One free-text field of one record, with what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextPlace {
    pub kind: RecordKind,
    /// The record's id.
    pub id: String,
    /// The record in words: `the goal "Chair the board"`.
    pub record: String,
    /// The id of the form's control for it, as the forms name them
    /// (`ACTIVITY_WHAT_FIELD`): `activity-what`, `power-2-evidence`.
    pub field: String,
    /// The statement an assessment's evidence note is about.
    pub statement: Option<&'static str>,
    /// The form's label for the field: "What did you do?".
    pub label: String,
    pub text: String,
}

/// A likely identifier found in one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flagged {
    pub place: TextPlace,
    pub kind: IdentifierKind,
    /// The words found, as written: "943 476 5919".
    pub found: String,
}

/// Collects a record's text fields, skipping empty ones.
struct Texts {
    out: Vec<TextPlace>,
}

impl Texts {
    fn new() -> Self {
        Texts { out: Vec::new() }
    }

    fn record<K: Kind>(&mut self, record: &K::Record, fields: &[(&'static str, &str, &str)])
    where
        K::Record: HasId,
    {
        for (field, label, text) in fields {
            if text.trim().is_empty() {
                continue;
            }
            self.out.push(TextPlace {
                kind: K::KIND,
                id: record.record_id().to_string(),
                record: K::describe(record),
                field: field.to_string(),
                statement: None,
                label: label.to_string(),
                text: text.to_string(),
            });
        }
    }
}

/// A record's id, for the kinds listed here.
trait HasId {
    fn record_id(&self) -> &str;
}

macro_rules! has_id {
    ($($ty:ty),*) => {
        $(impl HasId for $ty {
            fn record_id(&self) -> &str {
                &self.id
            }
        })*
    };
}

use crate::model::agreement::{
    AgreementVersion, Commitment, Delivery, ReviewMeeting, SupportAgreement,
};
use crate::model::business_case::{BusinessCase, CaseMilestone, CaseOption, CaseRisk};
use crate::model::group::{AreaAgreement, GroupRound};
use crate::model::placement::{Milestone, Project};
use crate::model::plan::{Action, EvidenceEntry, Goal, Review};
has_id!(
    BusinessCase,
    CaseOption,
    CaseRisk,
    CaseMilestone,
    SupportAgreement,
    Commitment,
    Delivery,
    AgreementVersion,
    ReviewMeeting,
    Assessment,
    Plan,
    Goal,
    Action,
    EvidenceEntry,
    Review,
    Placement,
    Project,
    Milestone,
    ActivityEntry,
    GroupRound,
    AreaAgreement
);

/// The text of a user's own assessment: its partnership and clinical area,
/// and, when `with_notes`, the evidence note on each statement (in the
/// framework's order).
pub fn assessment_texts(a: &Assessment, with_notes: bool) -> Vec<TextPlace> {
    let mut t = Texts::new();
    assessment_into::<kind::Assessment>(&mut t, a, with_notes);
    t.out
}

fn assessment_into<K: Kind<Record = Assessment>>(t: &mut Texts, a: &Assessment, with_notes: bool) {
    t.record::<K>(
        a,
        &[
            (
                ASSESSMENT_PARTNERSHIP_FIELD,
                "Partnership name",
                &a.partnership,
            ),
            (
                "assessment-clinical-area",
                "Clinical area",
                &a.clinical_area,
            ),
        ],
    );
    if !with_notes {
        return;
    }
    let mut notes: Vec<_> = a
        .answers
        .iter()
        .filter(|(_, answer)| !answer.evidence.trim().is_empty())
        .filter_map(|(id, answer)| {
            let (_, s) = statement(id)?;
            Some((s, answer.evidence.to_string()))
        })
        .collect();
    // In the framework's order, as the pages show them.
    let order = |id: &str| {
        all_statements()
            .position(|(_, s)| s.id == id)
            .unwrap_or(usize::MAX)
    };
    notes.sort_by_key(|(s, _)| order(s.id));
    for (s, text) in notes {
        t.out.push(TextPlace {
            kind: K::KIND,
            id: a.id.clone(),
            record: K::describe(a),
            field: format!("{}-evidence", s.id),
            statement: Some(s.id),
            label: format!("Evidence or notes on “{}”", s.text),
            text,
        });
    }
}

/// The text of a development plan, its goals with their actions and
/// evidence, and its reviews.
pub fn plan_texts(p: &Plan) -> Vec<TextPlace> {
    let mut t = Texts::new();
    t.record::<kind::Plan>(
        p,
        &[
            (PLAN_NAME_FIELD, "Name of the plan", &p.name),
            ("plan-owner", "Whose plan is it?", &p.owner),
            ("plan-aim", "Your development aim", &p.aim),
        ],
    );
    for g in &p.goals {
        t.record::<kind::Goal>(
            g,
            &[
                (
                    "goal-learning-need",
                    "What do you need to learn?",
                    &g.learning_need,
                ),
                (GOAL_TITLE_FIELD, "What do you want to achieve?", &g.title),
                (
                    "goal-success",
                    "How will you show you have achieved it?",
                    &g.success_measure,
                ),
                ("goal-detail", "Details", &g.detail),
                ("goal-outcome", "Review and outcome", &g.outcome),
            ],
        );
        for a in &g.actions {
            t.record::<kind::Action>(a, &[(ACTION_TEXT_FIELD, "What will you do?", &a.text)]);
        }
        for e in &g.evidence {
            t.record::<kind::Evidence>(
                e,
                &[
                    (EVIDENCE_WHAT_FIELD, "What happened?", &e.what_happened),
                    ("evidence-learnt", "What did you learn?", &e.learnt),
                ],
            );
        }
    }
    for r in &p.reviews {
        t.record::<kind::Review>(r, &[(REVIEW_SUMMARY_FIELD, "Summary", &r.summary)]);
    }
    t.out
}

/// The text of a placement, its projects and milestones, and those of its
/// log entries `entry` chooses (all for the CSV, the chosen reflections for
/// the summary).
pub fn placement_texts(p: &Placement, entry: impl Fn(&ActivityEntry) -> bool) -> Vec<TextPlace> {
    let mut t = Texts::new();
    t.record::<kind::Placement>(
        p,
        &[
            ("placement-trainee", "Your name", &p.trainee),
            (
                PLACEMENT_ORGANISATION_FIELD,
                "Host organisation",
                &p.organisation,
            ),
            (
                "placement-supervisor",
                "Lead commissioner or supervisor",
                &p.supervisor,
            ),
            ("placement-clinical-area", "Clinical area", &p.clinical_area),
            (
                "placement-objectives",
                "Your learning objectives",
                &p.objectives,
            ),
        ],
    );
    for project in &p.projects {
        t.record::<kind::Project>(
            project,
            &[
                (PROJECT_TITLE_FIELD, "Project title", &project.title),
                ("project-aim", "Aim", &project.aim),
                (
                    "project-clinical-area",
                    "Clinical area",
                    &project.clinical_area,
                ),
                (
                    "project-stakeholders",
                    "Stakeholders",
                    &project.stakeholders,
                ),
                ("project-outcome", "Outcome", &project.outcome),
            ],
        );
        for m in &project.milestones {
            t.record::<kind::Milestone>(m, &[(MILESTONE_TITLE_FIELD, "Milestone", &m.title)]);
        }
    }
    for e in p.entries.iter().filter(|e| entry(e)) {
        t.record::<kind::Activity>(
            e,
            &[
                ("activity-role", "Your role", &e.role),
                (ACTIVITY_WHAT_FIELD, "What did you do?", &e.what_done),
                (
                    "activity-with-others",
                    "How did you work with others?",
                    &e.with_others,
                ),
                ("activity-keep", "What will you keep doing?", &e.keep),
                ("activity-improve", "What will you do better?", &e.improve),
                ("activity-stop", "What will you stop doing?", &e.stop),
                (
                    "activity-learnt",
                    "What did you learn about yourself?",
                    &e.learnt_about_self,
                ),
            ],
        );
    }
    t.out
}

/// The text a placement's CSV download holds: every log entry, the titles
/// of the projects they name, and the placement's trainee, host,
/// supervisor and clinical area (in every row).
pub fn placement_csv_texts(p: &Placement) -> Vec<TextPlace> {
    placement_texts(p, |_| true)
        .into_iter()
        .filter(|t| match t.kind {
            RecordKind::Activity => true,
            RecordKind::Project => {
                t.field == PROJECT_TITLE_FIELD
                    && p.entries
                        .iter()
                        .any(|e| e.project_id.as_deref() == Some(t.id.as_str()))
            }
            RecordKind::Placement => t.field != "placement-objectives",
            _ => false,
        })
        .collect()
}

/// The text the end-of-placement summary (printed, or copied for a
/// portfolio) holds: the placement's details, its projects (not their
/// clinical area) and milestones, and the entries chosen for it.
pub fn placement_summary_texts(p: &Placement) -> Vec<TextPlace> {
    placement_texts(p, |e| e.in_summary)
        .into_iter()
        .filter(|t| t.field != "project-clinical-area")
        .collect()
}

/// Every piece of free text in the workbook, as a backup holds it: the
/// user's assessments with their notes, partners' assessments, plans,
/// placements, and the group view's rounds (read if not read yet).
pub fn workbook_texts(wb: &Workbook) -> Vec<TextPlace> {
    let mut t = Texts::new();
    for a in &wb.assessments {
        assessment_into::<kind::Assessment>(&mut t, a, true);
    }
    for a in &wb.partner_assessments {
        assessment_into::<kind::PartnerAssessment>(&mut t, a, true);
    }
    let mut out = t.out;
    for p in wb.plans() {
        out.extend(plan_texts(p));
    }
    for p in wb.placements() {
        out.extend(placement_texts(p, |_| true));
    }
    let mut t = Texts::new();
    for round in wb.group.get().map(|g| g.rounds.as_slice()).unwrap_or(&[]) {
        t.record::<kind::GroupRound>(
            round,
            &[(ROUND_NAME_FIELD, "Name of the round", &round.name)],
        );
        for a in &round.agreements {
            t.record::<kind::AreaAgreement>(
                a,
                &[("agreement-note", "Notes of the discussion", &a.note)],
            );
        }
    }
    for a in wb.support_agreements() {
        support_agreement_into(&mut t, a);
    }
    for c in wb.business_cases() {
        business_case_into(&mut t, c);
    }
    out.extend(t.out);
    out
}

/// A business case's free text, as its shared file holds it: its sections,
/// each option's wording and risks, and its milestones.
pub fn business_case_texts(c: &BusinessCase) -> Vec<TextPlace> {
    let mut t = Texts::new();
    business_case_into(&mut t, c);
    t.out
}

fn business_case_into(t: &mut Texts, c: &BusinessCase) {
    use crate::model::business_case::records as r;
    t.record::<kind::BusinessCase>(
        c,
        &[
            (r::TITLE_FIELD, "Title", &c.title),
            (r::PREPARED_BY_FIELD, "Prepared by", &c.prepared_by),
            (r::PROBLEM_FIELD, "The problem", &c.problem),
            (r::POPULATION_FIELD, "Who it affects", &c.population),
            (
                r::STRATEGIC_FIT_FIELD,
                "Fit with the commissioner's priorities",
                &c.strategic_fit,
            ),
            (
                r::PROCUREMENT_FIELD,
                "How it would be bought",
                &c.procurement,
            ),
            (r::FUNDING_FIELD, "Who pays", &c.funding),
            (
                r::MEASUREMENT_FIELD,
                "How the benefits will be measured",
                &c.benefits_measurement,
            ),
            (r::RECOMMENDATION_FIELD, "Recommendation", &c.recommendation),
        ],
    );
    for o in &c.options {
        t.record::<kind::CaseOption>(
            o,
            &[
                (r::OPTION_NAME_FIELD, "Name", &o.name),
                (r::OPTION_DESCRIPTION_FIELD, "What it is", &o.description),
                (
                    r::OPTION_BENEFITS_FIELD,
                    "Benefits that are not money",
                    &o.benefits,
                ),
            ],
        );
        for k in &o.risks {
            t.record::<kind::CaseRisk>(
                k,
                &[
                    (r::RISK_DESCRIPTION_FIELD, "The risk", &k.description),
                    (r::RISK_OWNER_FIELD, "Owner", &k.owner),
                    (r::RISK_MITIGATION_FIELD, "Mitigation", &k.mitigation),
                ],
            );
        }
    }
    for m in &c.milestones {
        t.record::<kind::CaseMilestone>(
            m,
            &[(r::MILESTONE_WHAT_FIELD, "What is to be done", &m.what)],
        );
    }
}

/// A support agreement's free text: its parties and leads, each
/// commitment's wording and delivery notes, versions' notes and what each
/// review meeting decided.
fn support_agreement_into(t: &mut Texts, a: &SupportAgreement) {
    use crate::model::agreement::records as r;
    agreement_details_into(t, a);
    for c in &a.commitments {
        commitment_wording_into(t, c);
        for d in &c.deliveries {
            t.record::<kind::Delivery>(d, &[(r::DELIVERY_NOTE_FIELD, "Notes", &d.note)]);
        }
    }
    for v in &a.versions {
        t.record::<kind::AgreementVersion>(v, &[(r::VERSION_NOTE_FIELD, "Note", &v.note)]);
    }
    for m in &a.reviews {
        t.record::<kind::ReviewMeeting>(
            m,
            &[
                (r::ATTENDEES_FIELD, "Who attended", &m.attendees),
                (r::DECIDED_FIELD, "What was decided", &m.decided),
            ],
        );
    }
}

/// The text the file sent to the other party holds
/// (`files::agreement_file`): the agreement's parties and leads and each
/// commitment's wording as it is now (a version sent is saved from it). No
/// delivery notes, versions' notes or review meetings go in that file.
pub fn agreement_file_texts(a: &SupportAgreement) -> Vec<TextPlace> {
    let mut t = Texts::new();
    agreement_details_into(&mut t, a);
    for c in &a.commitments {
        commitment_wording_into(&mut t, c);
    }
    t.out
}

fn agreement_details_into(t: &mut Texts, a: &SupportAgreement) {
    use crate::model::agreement::records as r;
    t.record::<kind::SupportAgreement>(
        a,
        &[
            (
                r::GROUP_NAME_FIELD,
                "The commissioning group",
                &a.group_name,
            ),
            (r::GROUP_LEAD_FIELD, "The group's lead", &a.group_lead),
            (
                r::ORGANISATION_NAME_FIELD,
                "The commissioning organisation",
                &a.organisation_name,
            ),
            (
                r::ORGANISATION_LEAD_FIELD,
                "The organisation's lead",
                &a.organisation_lead,
            ),
        ],
    );
}

fn commitment_wording_into(t: &mut Texts, c: &Commitment) {
    use crate::model::agreement::records as r;
    t.record::<kind::Commitment>(
        c,
        &[
            (r::WHAT_FIELD, "What is provided", &c.what),
            (r::PROVIDER_FIELD, "Who provides it", &c.provider),
            (r::WHEN_FIELD, "By when or how often", &c.when),
            (r::MEASURE_FIELD, "How delivery is measured", &c.measure),
        ],
    );
}

/// Every likely identifier in `texts`, field by field in the order given,
/// and within a field in the order written.
pub fn flag_identifiers(texts: &[TextPlace]) -> Vec<Flagged> {
    texts
        .iter()
        .flat_map(|place| {
            likely_identifiers(&place.text)
                .into_iter()
                .map(move |f| Flagged {
                    place: place.clone(),
                    kind: f.kind,
                    found: f.in_text(&place.text).to_string(),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workbook::fixtures::workbook_with_every_kind_of_record;

    fn found(flags: &[Flagged]) -> Vec<(RecordKind, &str, &str, &str, IdentifierKind, &str)> {
        flags
            .iter()
            .map(|f| {
                (
                    f.place.kind,
                    f.place.id.as_str(),
                    f.place.field.as_str(),
                    f.place.label.as_str(),
                    f.kind,
                    f.found.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn the_fixture_workbook_holds_no_likely_identifier_but_every_text_is_walked() {
        let wb = workbook_with_every_kind_of_record();
        let texts = workbook_texts(&wb);
        assert!(flag_identifiers(&texts).is_empty(), "{texts:#?}");
        // Every kind that has free text is walked, none left out.
        let mut kinds: Vec<RecordKind> = texts.iter().map(|t| t.kind).collect();
        kinds.dedup();
        for kind in [
            RecordKind::Assessment,
            RecordKind::Plan,
            RecordKind::Goal,
            RecordKind::Action,
            RecordKind::Evidence,
            RecordKind::Review,
            RecordKind::Placement,
            RecordKind::Project,
            RecordKind::Milestone,
            RecordKind::Activity,
        ] {
            assert!(kinds.contains(&kind), "{kind:?} not walked: {kinds:?}");
        }
        let goal = texts
            .iter()
            .find(|t| t.kind == RecordKind::Goal && t.field == "goal-title")
            .unwrap();
        assert_eq!(goal.id, "goal-1");
        assert_eq!(
            goal.record,
            "the goal \"Chair the respiratory programme board\""
        );
        assert_eq!(goal.label, "What do you want to achieve?");
        assert_eq!(goal.text, "Chair the respiratory programme board");
        // Empty fields are not listed: the goal's outcome is empty.
        assert!(!texts
            .iter()
            .any(|t| t.kind == RecordKind::Goal && t.field == "goal-outcome"));
    }

    #[test]
    fn identifiers_are_listed_with_their_record_field_and_words() {
        let mut wb = workbook_with_every_kind_of_record();
        wb.plans_mut().unwrap()[0].goals[0].evidence[0].learnt =
            "Mrs Okafor was referred, NHS number 943 476 5919".into();
        wb.placements.get_mut().unwrap().placements[0].entries[0].keep =
            "Home visit to NN1 5BD".into();
        wb.assessments[0]
            .answers
            .entry("power-2".into())
            .or_default()
            .evidence = "DOB 01/02/1960 in the audit".into();
        let flags = flag_identifiers(&workbook_texts(&wb));
        let entry_id = wb.placements()[0].entries[0].id.clone();
        assert_eq!(
            found(&flags),
            vec![
                (
                    RecordKind::Assessment,
                    "assessment-1",
                    "power-2-evidence",
                    "Evidence or notes on “Clinicians and managers work as a partnership of equals.”",
                    IdentifierKind::DateOfBirth,
                    "01/02/1960"
                ),
                (
                    RecordKind::Evidence,
                    "evidence-1",
                    "evidence-learnt",
                    "What did you learn?",
                    IdentifierKind::PatientName,
                    "Mrs Okafor"
                ),
                (
                    RecordKind::Evidence,
                    "evidence-1",
                    "evidence-learnt",
                    "What did you learn?",
                    IdentifierKind::NhsNumber,
                    "943 476 5919"
                ),
                (
                    RecordKind::Activity,
                    entry_id.as_str(),
                    "activity-keep",
                    "What will you keep doing?",
                    IdentifierKind::Postcode,
                    "NN1 5BD"
                ),
            ]
        );
        assert_eq!(flags[0].place.statement, Some("power-2"));
        assert_eq!(flags[1].place.record, "the evidence from 3 September 2027");
    }

    #[test]
    fn an_assessment_for_a_partner_has_its_notes_only_when_they_go_with_it() {
        let mut a = crate::model::workbook::fixtures::an_assessment("assessment-1");
        a.answers.entry("power-2".into()).or_default().evidence = "Seen 943 476 5919".into();
        a.clinical_area = "Clinic at SW1A 1AA".into();
        let without = flag_identifiers(&assessment_texts(&a, false));
        assert_eq!(
            without
                .iter()
                .map(|f| (f.place.field.as_str(), f.found.as_str()))
                .collect::<Vec<_>>(),
            vec![("assessment-clinical-area", "SW1A 1AA")]
        );
        let with = flag_identifiers(&assessment_texts(&a, true));
        assert_eq!(
            with.iter()
                .map(|f| (f.place.field.as_str(), f.found.as_str()))
                .collect::<Vec<_>>(),
            vec![
                ("assessment-clinical-area", "SW1A 1AA"),
                ("power-2-evidence", "943 476 5919")
            ]
        );
    }

    #[test]
    fn a_placement_summary_has_only_the_chosen_entries() {
        let mut wb = workbook_with_every_kind_of_record();
        let p = &mut wb.placements.get_mut().unwrap().placements[0];
        p.entries[0].what_done = "Saw Mr Jones in clinic, 943 476 5919".into();
        p.entries[0].in_summary = false;
        let all = flag_identifiers(&placement_texts(p, |_| true));
        assert_eq!(
            all.iter()
                .map(|f| (f.kind, f.found.as_str()))
                .collect::<Vec<_>>(),
            vec![
                (IdentifierKind::PatientName, "Mr Jones"),
                (IdentifierKind::NhsNumber, "943 476 5919")
            ]
        );
        assert!(flag_identifiers(&placement_texts(p, |e| e.in_summary)).is_empty());
    }

    #[test]
    fn a_csv_and_a_summary_hold_the_text_they_print() {
        let mut wb = workbook_with_every_kind_of_record();
        let p = &mut wb.placements.get_mut().unwrap().placements[0];
        p.objectives = "Audit for DOB 01/02/1960".into();
        p.projects[0].clinical_area = "Clinic at SW1A 1AA".into();
        p.projects[0].milestones[0].title = "Visit CT20 1QY".into();
        p.entries[0].keep = "Ring 943 476 5919".into();
        let fields = |texts: Vec<TextPlace>| {
            flag_identifiers(&texts)
                .into_iter()
                .map(|f| (f.place.field, f.found))
                .collect::<Vec<_>>()
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        // The CSV: the entry's reflection, not the objectives, project or milestone.
        assert_eq!(
            fields(placement_csv_texts(p)),
            vec![pair("activity-keep", "943 476 5919")]
        );
        // The summary: objectives, milestones and the chosen entry, not a project's clinical area.
        assert_eq!(
            fields(placement_summary_texts(p)),
            vec![
                pair("placement-objectives", "01/02/1960"),
                pair(MILESTONE_TITLE_FIELD, "CT20 1QY"),
                pair("activity-keep", "943 476 5919"),
            ]
        );
        p.entries[0].in_summary = false;
        assert_eq!(fields(placement_summary_texts(p)).len(), 2);
        // The CSV names the project only when an entry is in it.
        let csv = placement_csv_texts(p);
        assert!(csv.iter().any(|t| t.field == PROJECT_TITLE_FIELD));
        p.entries[0].project_id = None;
        assert!(!placement_csv_texts(p)
            .iter()
            .any(|t| t.field == PROJECT_TITLE_FIELD));
    }

    /// The agreement file holds the parties, leads and commitments' wording:
    /// not the delivery notes, versions' notes or review meetings.
    #[test]
    fn an_agreement_file_holds_its_details_and_commitments_wording_only() {
        let mut wb = workbook_with_every_kind_of_record();
        let a = &mut wb.support_agreements.get_mut().unwrap().agreements[0];
        a.organisation_lead = "Jo Smith, CT20 1QY".into();
        a.commitments[0].measure = "Checked with 943 476 5919".into();
        a.commitments[0].deliveries[0].note = "Saw Mr Jones in clinic".into();
        a.versions[0].note = "Sent to SW1A 1AA".into();
        a.reviews[0].decided = "Born 01/02/1960".into();
        let a = &wb.support_agreements()[0];
        let texts = agreement_file_texts(a);
        assert!(texts.iter().any(|t| t.field == "commitment-what"));
        assert!(texts.iter().all(|t| matches!(
            t.kind,
            RecordKind::SupportAgreement | RecordKind::Commitment
        )));
        let found: Vec<(String, String)> = flag_identifiers(&texts)
            .into_iter()
            .map(|f| (f.place.field, f.found))
            .collect();
        assert_eq!(
            found,
            vec![
                ("organisation-lead".to_string(), "CT20 1QY".to_string()),
                ("commitment-measure".to_string(), "943 476 5919".to_string()),
            ]
        );
        // The whole backup has all five.
        assert_eq!(flag_identifiers(&workbook_texts(&wb)).len(), 5);
    }

    /// A business case's sections, options, risks and milestones are all
    /// looked at, in the case's shared file and in the backup.
    #[test]
    fn a_business_cases_text_is_checked_in_every_record() {
        let mut wb = workbook_with_every_kind_of_record();
        let c = &mut wb.business_cases.get_mut().unwrap().cases[0];
        c.population = "Patients of CT20 1QY".into();
        c.options[0].risks[0].mitigation = "Call 943 476 5919".into();
        c.milestones[0].what = "See Mrs Smith, born 01/02/1960".into();
        let c = &wb.business_cases()[0];
        let found: Vec<(RecordKind, String)> = flag_identifiers(&business_case_texts(c))
            .into_iter()
            .map(|f| (f.place.kind, f.place.field))
            .collect();
        assert_eq!(
            found,
            vec![
                (RecordKind::BusinessCase, "case-population".to_string()),
                (RecordKind::CaseRisk, "risk-mitigation".to_string()),
                (RecordKind::CaseMilestone, "case-milestone-what".to_string()),
            ]
        );
        assert_eq!(flag_identifiers(&workbook_texts(&wb)).len(), 3);
    }
}
