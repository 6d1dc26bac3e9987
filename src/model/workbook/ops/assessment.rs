//! The operations on assessments: starting and changing the user's own, and
//! importing or removing a partner's.

use crate::model::assessment::framework::{MAX_IMPORTANCE, MIN_IMPORTANCE};
use crate::model::assessment::{Assessment, AssessmentDraft};
use crate::model::workbook::outcome::{Refusal, Stamp};
use crate::model::workbook::tree::{kind, Drafted, Workbook};

/// An assessment's details: a new assessment (with no answers yet) or new
/// details for one, its answers kept.
impl Drafted for AssessmentDraft {
    type Kind = kind::Assessment;
    fn check(&self, stamp: Stamp) -> Result<(), Refusal> {
        self.validate(String::new(), stamp.today, stamp.at)
            .map(drop)
            .map_err(Refusal::Invalid)
    }
    fn make(&self, id: &str, _: &Workbook, stamp: Stamp) -> Result<Assessment, Refusal> {
        self.validate(id.to_string(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)
    }
    fn change(&self, old: &Assessment, _: &Workbook, stamp: Stamp) -> Result<Assessment, Refusal> {
        let checked = self
            .validate(old.id.clone(), stamp.today, stamp.at)
            .map_err(Refusal::Invalid)?;
        Ok(Assessment {
            partnership: checked.partnership,
            clinical_area: checked.clinical_area,
            role: checked.role,
            date: checked.date,
            ..old.clone()
        })
    }
}

/// How a partner's assessment file relates to what the workbook holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartnerImport {
    /// Not seen before: it will be added.
    New,
    /// A newer copy of one already imported (as `existing_id`): it will replace it.
    Newer { existing_id: String },
    /// The same copy as one already imported.
    Same,
    /// An older copy than the one already imported.
    Older,
    /// One of the user's own assessments, exported from this workbook.
    Own,
}

impl Workbook {
    /// How importing this partner's assessment would go (see `PartnerImport`).
    pub fn partner_import(&self, theirs: &Assessment) -> PartnerImport {
        // Ids are random, so the same id and start time means the same record;
        // an id alone could come from an older workbook's counter-based ids.
        if self
            .assessments
            .iter()
            .any(|a| a.id == theirs.id && a.created_at == theirs.created_at)
        {
            return PartnerImport::Own;
        }
        let earlier = self
            .partner_assessments
            .iter()
            .find(|p| p.original_id.as_deref() == Some(theirs.id.as_str()));
        match earlier {
            None => PartnerImport::New,
            Some(p) if theirs.updated_at > p.updated_at => PartnerImport::Newer {
                existing_id: p.id.clone(),
            },
            Some(p) if theirs.updated_at == p.updated_at => PartnerImport::Same,
            Some(_) => PartnerImport::Older,
        }
    }

    /// Changes one of the user's own assessments with `edit`.
    pub(crate) fn edit_assessment(
        &mut self,
        assessment_id: &str,
        edit: impl FnOnce(&mut Assessment),
    ) -> Result<(), Refusal> {
        let assessment = self
            .assessments
            .iter_mut()
            .find(|a| a.id == assessment_id)
            .ok_or(Refusal::NotFound)?;
        edit(assessment);
        Ok(())
    }

    pub(crate) fn set_importance(
        &mut self,
        assessment_id: &str,
        domain_id: &str,
        importance: Option<u8>,
        stamp: Stamp,
    ) -> Result<(), Refusal> {
        if importance.is_some_and(|v| !(MIN_IMPORTANCE..=MAX_IMPORTANCE).contains(&v)) {
            return Err(Refusal::OutOfRange);
        }
        self.edit_assessment(assessment_id, |a| {
            a.set_importance(domain_id, importance, stamp.at);
        })
    }

    /// Adds a partner's assessment under our own id, remembering theirs. The
    /// user's own assessment, or a copy already imported, is refused; a newer
    /// copy of one already imported replaces it (keeping our id).
    pub(crate) fn import_partner_assessment(
        &mut self,
        id: &str,
        assessment: &Assessment,
    ) -> Result<(), Refusal> {
        let mut theirs = assessment.clone();
        theirs.original_id = Some(assessment.id.clone());
        match self.partner_import(assessment) {
            PartnerImport::Own => return Err(Refusal::OwnAssessment),
            PartnerImport::Same | PartnerImport::Older => return Err(Refusal::AlreadyImported),
            PartnerImport::Newer { existing_id } => {
                theirs.id = existing_id.clone();
                if let Some(slot) = self
                    .partner_assessments
                    .iter_mut()
                    .find(|p| p.id == existing_id)
                {
                    *slot = theirs;
                }
            }
            PartnerImport::New => {
                theirs.id = id.to_string();
                self.partner_assessments.push(theirs);
            }
        }
        Ok(())
    }
}
