//! The business case's rules: a case, its options, their risks and its
//! milestones made and changed from their forms' drafts; a new case starts
//! with a "do nothing" option; and a case shared by someone else is taken
//! in from their file.

use crate::model::business_case::records::do_nothing_option;
use crate::model::business_case::{
    BusinessCase, BusinessCaseDraft, CaseBook, CaseMilestone, CaseMilestoneDraft, CaseOption,
    CaseOptionDraft, CaseRisk, CaseRiskDraft,
};
use crate::model::common::ids::new_id;
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::tree::{kind, Drafted, Workbook};

impl Drafted for BusinessCaseDraft {
    type Kind = kind::BusinessCase;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), None, stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    /// A new case comes with its "do nothing" option, the one every other
    /// is compared with.
    fn make(&self, id: &str, _: &CaseBook, stamp: Stamp) -> Result<BusinessCase, Refusal> {
        let mut case = self
            .validate(id.to_string(), Some(&[]), stamp.at)
            .map_err(Refusal::Invalid)?;
        case.preferred_option_id = None;
        case.options.push(do_nothing_option(id, stamp.at));
        Ok(case)
    }
    /// Its sections, rate, uplift and recommended option change; what it was
    /// started from stays (the dispatcher keeps the records under it).
    fn change(
        &self,
        old: &BusinessCase,
        book: &CaseBook,
        stamp: Stamp,
    ) -> Result<BusinessCase, Refusal> {
        // The case as the book holds it, with its options (the dispatcher
        // may hand over `old` without the records under it).
        let options = book.case(&old.id).map_or(&old.options, |c| &c.options);
        let checked = self
            .validate(old.id.clone(), Some(options), stamp.at)
            .map_err(Refusal::Invalid)?;
        Ok(BusinessCase {
            linked: old.linked.clone(),
            ..checked
        })
    }
}

impl Drafted for CaseOptionDraft {
    type Kind = kind::CaseOption;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), false, stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &BusinessCase, stamp: Stamp) -> Result<CaseOption, Refusal> {
        self.validate(id.to_string(), false, stamp.at)
            .map_err(Refusal::Invalid)
    }
    /// Whether it is the "do nothing" option stays as it was.
    fn change(
        &self,
        old: &CaseOption,
        _: &BusinessCase,
        stamp: Stamp,
    ) -> Result<CaseOption, Refusal> {
        self.validate(old.id.clone(), old.do_nothing, stamp.at)
            .map_err(Refusal::Invalid)
    }
}

impl Drafted for CaseRiskDraft {
    type Kind = kind::CaseRisk;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &CaseOption, stamp: Stamp) -> Result<CaseRisk, Refusal> {
        self.validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(&self, old: &CaseRisk, _: &CaseOption, stamp: Stamp) -> Result<CaseRisk, Refusal> {
        self.validate(old.id.clone(), stamp.at)
            .map_err(Refusal::Invalid)
    }
}

impl Drafted for CaseMilestoneDraft {
    type Kind = kind::CaseMilestone;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &BusinessCase, stamp: Stamp) -> Result<CaseMilestone, Refusal> {
        self.validate(id.to_string(), stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(
        &self,
        old: &CaseMilestone,
        _: &BusinessCase,
        stamp: Stamp,
    ) -> Result<CaseMilestone, Refusal> {
        self.validate(old.id.clone(), stamp.at)
            .map_err(Refusal::Invalid)
    }
}

/// The same case under new ids throughout: for a case shared by someone
/// else that this workbook already has (kept beside it as a copy).
pub fn with_fresh_ids(case: &BusinessCase) -> BusinessCase {
    let mut copy = case.clone();
    let old_preferred = copy.preferred_option_id.take();
    copy.id = new_id("business-case");
    for option in &mut copy.options {
        let fresh = new_id("option");
        if old_preferred.as_deref() == Some(option.id.as_str()) {
            copy.preferred_option_id = Some(fresh.clone());
        }
        option.id = fresh;
        for risk in &mut option.risks {
            risk.id = new_id("risk");
        }
    }
    for milestone in &mut copy.milestones {
        milestone.id = new_id("case-milestone");
    }
    copy
}

impl Workbook {
    /// Adds a business case someone shared, read from their file, under its
    /// own ids (refused when one is in use here: `with_fresh_ids` makes a copy).
    pub(crate) fn receive_business_case(
        &mut self,
        case: &BusinessCase,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        let mut case = case.clone();
        case.created_at = stamp.at;
        case.updated_at = stamp.at;
        for option in &mut case.options {
            option.created_at = stamp.at;
            option.updated_at = stamp.at;
            for risk in &mut option.risks {
                risk.created_at = stamp.at;
                risk.updated_at = stamp.at;
            }
        }
        for milestone in &mut case.milestones {
            milestone.created_at = stamp.at;
            milestone.updated_at = stamp.at;
        }
        let ids = case
            .options
            .iter()
            .flat_map(|o| {
                std::iter::once(o.id.as_str()).chain(o.risks.iter().map(|r| r.id.as_str()))
            })
            .chain(case.milestones.iter().map(|m| m.id.as_str()));
        self.check_new_ids(ids)?;
        self.put::<kind::BusinessCase>(None, case, None)
    }

    /// The business cases, oldest first; none when the saved section cannot
    /// be read (`business_case_problem` says why).
    pub fn business_cases(&self) -> &[BusinessCase] {
        self.business_cases.get().map_or(&[], |s| &s.cases)
    }

    /// Why the saved business cases cannot be read, if they cannot.
    pub fn business_case_problem(&self) -> Option<&str> {
        self.business_cases.problem()
    }

    pub fn business_case(&self, id: &str) -> Option<&BusinessCase> {
        self.business_cases().iter().find(|c| c.id == id)
    }

    /// The case an option is in, and the option.
    pub fn case_option(&self, id: &str) -> Option<(&BusinessCase, &CaseOption)> {
        self.business_cases()
            .iter()
            .find_map(|c| Some((c, c.option(id)?)))
    }

    /// The case and option a risk is under, and the risk.
    pub fn case_risk(&self, id: &str) -> Option<(&BusinessCase, &CaseOption, &CaseRisk)> {
        self.business_cases().iter().find_map(|c| {
            c.options
                .iter()
                .find_map(|o| Some((c, o, o.risks.iter().find(|r| r.id == id)?)))
        })
    }

    /// The case a milestone is in, and the milestone.
    pub fn case_milestone(&self, id: &str) -> Option<(&BusinessCase, &CaseMilestone)> {
        self.business_cases()
            .iter()
            .find_map(|c| Some((c, c.milestones.iter().find(|m| m.id == id)?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::business_case::records::{LinkKind, YearDraft, PREFERRED_FIELD};
    use crate::model::business_case::CaseLink;
    use crate::model::workbook::change::Change;
    use crate::model::workbook::tree::RecordKind;

    fn stamp(day: u32, minute: u32) -> Stamp {
        Stamp::on(2027, 4, day, 9, minute)
    }

    /// A case started from a project, with the worked example as
    /// its second option: £100,000 in year 0, £30,000 saved in years 1–5.
    fn started() -> (Workbook, String, String) {
        let mut wb = Workbook::new(stamp(1, 0).at);
        let start = Change::add(
            None,
            BusinessCaseDraft {
                title: "Community diabetes clinic".into(),
                linked: Some(CaseLink {
                    kind: LinkKind::Project,
                    id: "project-1".into(),
                    title: "Diabetes pathway".into(),
                }),
                ..Default::default()
            },
        );
        let Change::Add { id: case_id, .. } = &start else {
            unreachable!()
        };
        let case_id = case_id.clone();
        wb.apply(&start, stamp(1, 1)).unwrap();
        let mut option = CaseOptionDraft::new_option();
        option.name = "Clinic in two practices".into();
        option.years[0].set_up_costs = "100000".into();
        for year in 1..=5 {
            option.years[year].cash_releasing_savings = "£30,000".into();
        }
        let add = Change::add(Some(&case_id), option);
        let Change::Add { id: option_id, .. } = &add else {
            unreachable!()
        };
        let option_id = option_id.clone();
        wb.apply(&add, stamp(1, 2)).unwrap();
        (wb, case_id, option_id)
    }

    #[test]
    fn a_new_case_starts_with_do_nothing_and_appraises_each_option() {
        let (mut wb, case_id, option_id) = started();
        let case = wb.business_case(&case_id).unwrap();
        assert_eq!(case.options.len(), 2);
        assert!(case.options[0].do_nothing);
        assert_eq!(case.options[0].id, format!("{case_id}-do-nothing"));
        assert_eq!(
            case.linked.as_ref().unwrap().describe(),
            "the placement project \"Diabetes pathway\""
        );
        let figures = case.figures(case.option(&option_id).unwrap());
        assert_eq!(
            figures.appraisal.net_present_value.to_pounds_text(),
            "£35,452"
        );
        assert_eq!(figures.appraisal.discounted_payback_year, Some(4));
        let nothing = case.figures(&case.options[0]);
        assert_eq!(nothing.appraisal.net_present_value.0, 0);

        // The recommended option must be one of the case's; a changed rate
        // changes every figure; what it was started from stays.
        let mut details = BusinessCaseDraft::of(case);
        details.preferred_option_id = Some("option-gone".into());
        match wb.apply(&Change::update(&case_id, details.clone()), stamp(2, 0)) {
            Err(Refusal::Invalid(errors)) => assert_eq!(errors[0].field, PREFERRED_FIELD),
            other => panic!("{other:?}"),
        }
        details.preferred_option_id = Some(option_id.clone());
        details.discount_rate = "0".into();
        wb.apply(&Change::update(&case_id, details), stamp(2, 1))
            .unwrap();
        let case = wb.business_case(&case_id).unwrap();
        assert_eq!(case.preferred().unwrap().id, option_id);
        assert!(case.linked.is_some());
        let figures = case.figures(case.preferred().unwrap());
        assert_eq!(
            figures.appraisal.net_present_value.to_pounds_text(),
            "£50,000"
        );
        assert_eq!(case.rate_text(), "0 %");
    }

    #[test]
    fn options_risks_and_milestones_change_and_come_back_with_undo() {
        let (mut wb, case_id, option_id) = started();
        let risk = Change::add(
            Some(&option_id),
            CaseRiskDraft {
                description: "GPs do not refer".into(),
                likelihood: Some(2),
                impact: Some(3),
                owner: "Clinical lead".into(),
                mitigation: String::new(),
            },
        );
        wb.apply(&risk, stamp(3, 0)).unwrap();
        let worse = Change::add(
            Some(&option_id),
            CaseRiskDraft {
                description: "Rooms not free".into(),
                likelihood: Some(4),
                impact: Some(4),
                owner: "Practice manager".into(),
                mitigation: "Book a year ahead".into(),
            },
        );
        wb.apply(&worse, stamp(3, 1)).unwrap();
        let (_, option) = wb.case_option(&option_id).unwrap();
        let scores: Vec<u8> = option.risks.iter().map(|r| r.score()).collect();
        assert_eq!(scores, [16, 6], "highest score first");
        let key = wb.business_case(&case_id).unwrap().key_risks(1);
        assert_eq!(key[0].1.description, "Rooms not free");

        wb.apply(
            &Change::add(
                Some(&case_id),
                CaseMilestoneDraft {
                    what: "First clinic".into(),
                    due: "2027-09-31".into(),
                },
            ),
            stamp(3, 2),
        )
        .unwrap_err();
        wb.apply(
            &Change::add(
                Some(&case_id),
                CaseMilestoneDraft {
                    what: "First clinic".into(),
                    due: "2027-09-30".into(),
                },
            ),
            stamp(3, 2),
        )
        .unwrap();

        // The option's figures changed: a year dropped, one box reworded.
        let mut draft = CaseOptionDraft::of(wb.case_option(&option_id).unwrap().1);
        draft.years.pop();
        draft.years[1] = YearDraft {
            cash_releasing_savings: "20000".into(),
            non_cash_releasing_savings: "10000".into(),
            ..Default::default()
        };
        wb.apply(&Change::update(&option_id, draft), stamp(4, 0))
            .unwrap();
        let (case, option) = wb.case_option(&option_id).unwrap();
        assert_eq!(option.years.len(), 5);
        assert_eq!(option.risks.len(), 2, "its risks stay");
        assert!(!option.do_nothing);
        let a = case.figures(option).appraisal;
        // £20,000 × 0.96618 + £30,000 × (0.93351 + 0.90194 + 0.87144) = £100,531.
        assert_eq!(a.present_cash_releasing.to_pounds_text(), "£100,531");

        // Deleting the option takes its risks; undo puts both back.
        let before = wb.clone();
        let applied = wb
            .apply(
                &Change::delete(RecordKind::CaseOption, &option_id),
                stamp(5, 0),
            )
            .unwrap();
        assert!(wb
            .case_risk(&before.business_case(&case_id).unwrap().options[1].risks[0].id)
            .is_none());
        wb.apply(&applied.undo.unwrap(), stamp(5, 1)).unwrap();
        assert_eq!(wb.business_cases(), before.business_cases());
    }

    #[test]
    fn a_shared_case_is_taken_in_once_and_a_second_time_as_a_copy() {
        let (wb, case_id, _) = started();
        let shared = wb.business_case(&case_id).unwrap().clone();
        let mut theirs = Workbook::new(stamp(6, 0).at);
        theirs
            .apply(
                &Change::ReceiveBusinessCase(Box::new(shared.clone())),
                stamp(6, 1),
            )
            .unwrap();
        assert_eq!(theirs.business_cases()[0].options, {
            let mut options = shared.options.clone();
            for o in &mut options {
                o.created_at = stamp(6, 1).at;
                o.updated_at = stamp(6, 1).at;
            }
            options
        });
        assert_eq!(
            theirs.apply(
                &Change::ReceiveBusinessCase(Box::new(shared.clone())),
                stamp(6, 2)
            ),
            Err(Refusal::DuplicateId)
        );
        let mut with_preferred = shared.clone();
        with_preferred.preferred_option_id = Some(shared.options[1].id.clone());
        let copy = with_fresh_ids(&with_preferred);
        assert_ne!(copy.id, shared.id);
        assert_eq!(copy.preferred().unwrap().name, "Clinic in two practices");
        theirs
            .apply(&Change::ReceiveBusinessCase(Box::new(copy)), stamp(6, 3))
            .unwrap();
        assert_eq!(theirs.business_cases().len(), 2);
    }

    #[test]
    fn two_copies_of_a_case_merge_by_id_and_the_section_waits_until_read() {
        let (wb, case_id, option_id) = started();
        let mut other = wb.clone();
        let mut draft = CaseOptionDraft::of(other.case_option(&option_id).unwrap().1);
        draft.benefits = "Shorter waits".into();
        other
            .apply(&Change::update(&option_id, draft), stamp(8, 0))
            .unwrap();
        let mut merged = wb.clone();
        merged
            .apply(
                &Change::MergeBackup {
                    incoming: Box::new(other),
                    merge: crate::model::workbook::merge::MergeRun::by_record_id(),
                },
                stamp(9, 0),
            )
            .unwrap();
        assert_eq!(
            merged.case_option(&option_id).unwrap().1.benefits,
            "Shorter waits"
        );
        assert_eq!(merged.business_case(&case_id).unwrap().options.len(), 2);

        let text = crate::model::files::backup::to_compact_json(&merged);
        let read = crate::model::files::backup::read_workbook(&text).unwrap();
        assert!(read.business_cases.if_read().is_none(), "not read at start");
        assert_eq!(read.business_cases(), merged.business_cases());
    }
}
