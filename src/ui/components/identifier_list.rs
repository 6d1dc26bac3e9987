//! "Check for patient details before you share" (issue 25): before the
//! workbook, or a part of it, leaves the browser (a backup, an assessment for
//! a partner, a placement's summary or CSV), every likely patient identifier
//! in the free text that goes with it, each with the record and field it is
//! in and a link to the page and field where it can be changed. It never
//! blocks the export; it shows nothing when nothing was found.
//!
//! Which text an export holds is the model's (`workbook::free_text`); this
//! says it in words and knows which page changes each kind of record.

use leptos::prelude::*;

use super::identifier_warning::REFLECTION_GUIDANCE;
use crate::model::assessment::framework::statement;
use crate::model::common::identifiers::NOT_PATIENTS;
use crate::model::workbook::free_text::{flag_identifiers, workbook_texts, Flagged, TextPlace};
use crate::model::workbook::{RecordKind, Workbook};
use crate::ui::routing::href;
use crate::ui::store::use_store;

/// The page that changes `place`, with the field to put focus in (the
/// field's own `focus_when_linked` reads `?field=`); none for a kind no page
/// changes. Agreements are found in `wb` for their round and area.
fn page_for(place: &TextPlace, wb: &Workbook) -> Option<String> {
    let id = &place.id;
    let path = match place.kind {
        RecordKind::Assessment => match place.statement.and_then(statement) {
            Some((domain, _)) => format!("/self-assessment/{id}/domain/{}", domain.id),
            None => format!("/self-assessment/{id}/details"),
        },
        // A partner's own words: this workbook can only show them.
        RecordKind::PartnerAssessment => return Some(format!("/self-assessment/partner/{id}")),
        RecordKind::Plan => format!("/development-plan/plans/{id}/details"),
        RecordKind::Goal => format!("/development-plan/goals/{id}/edit"),
        RecordKind::Action | RecordKind::Evidence | RecordKind::Review => {
            format!("/development-plan/entries/{id}")
        }
        RecordKind::Placement => format!("/placement-log/placements/{id}/details"),
        RecordKind::Project => format!("/placement-log/projects/{id}/edit"),
        RecordKind::Milestone => format!("/placement-log/milestones/{id}"),
        RecordKind::Activity => format!("/placement-log/entries/{id}"),
        RecordKind::GroupRound => format!("/group/rounds/{id}/details"),
        RecordKind::AreaAgreement => {
            let rounds = wb.group.get().map(|g| g.rounds.as_slice()).unwrap_or(&[]);
            let (round, agreement) = rounds.iter().find_map(|r| {
                r.agreements
                    .iter()
                    .find(|a| a.id == *id)
                    .map(|a| (r.id.clone(), a.domain_id.clone()))
            })?;
            format!("/group/rounds/{round}/workshop/{agreement}")
        }
        RecordKind::SupportAgreement => format!("/support-agreement/agreements/{id}/details"),
        RecordKind::Commitment => format!("/support-agreement/commitments/{id}"),
        RecordKind::Delivery => format!("/support-agreement/deliveries/{id}"),
        RecordKind::ReviewMeeting => format!("/support-agreement/review-meetings/{id}"),
        RecordKind::AgreementVersion => {
            let agreement = wb
                .support_agreements()
                .iter()
                .find(|a| a.versions.iter().any(|v| v.id == *id))?;
            format!("/support-agreement/agreements/{}/versions", agreement.id)
        }
        RecordKind::BusinessCase => format!("/business-case/cases/{id}/details"),
        RecordKind::CaseOption => format!("/business-case/options/{id}/edit"),
        RecordKind::CaseRisk => format!("/business-case/risks/{id}"),
        RecordKind::CaseMilestone => format!("/business-case/milestones/{id}"),
        RecordKind::SelfRating | RecordKind::GroupMember => return None,
    };
    Some(format!("{path}?field={}", place.field))
}

/// The list for the free text `texts` (what the export holds, as the model
/// lists it). `what` names the export in the words of its button, for the
/// sentence that says it can still go ahead: "download the backup".
#[component]
pub fn IdentifierList(
    #[prop(into)] texts: Signal<Vec<TextPlace>>,
    #[prop(into)] what: String,
) -> impl IntoView {
    let store = use_store();
    let flagged = Memo::new(move |_| texts.with(|t| flag_identifiers(t)));
    // Links need the workbook only to find an agreement's round.
    let links = store.select(move |wb| {
        flagged.with(|f| f.iter().map(|f| page_for(&f.place, wb)).collect::<Vec<_>>())
    });
    move || {
        let flags = flagged.get();
        if flags.is_empty() {
            return None;
        }
        let links = links.get();
        let count = flags.len();
        let intro = format!(
            "{} in what you are about to share {} like {} could identify a patient. {NOT_PATIENTS} \
             Check each one and change it if it could identify someone, as {REFLECTION_GUIDANCE} asks. \
             You can still {what} without changing anything.",
            if count == 1 { "One thing".to_string() } else { format!("{count} things") },
            if count == 1 { "looks" } else { "look" },
            if count == 1 { "it" } else { "they" },
        );
        Some(view! {
            <div class="nhsuk-warning-callout" role="region" aria-label="Check for patient details before you share">
                <p class="nhsuk-warning-callout__label">
                    <span role="text">
                        <span class="nhsuk-u-visually-hidden">"Important: "</span>
                        "Check for patient details before you share"
                    </span>
                </p>
                <p>{intro}</p>
                <ul class="nhsuk-list nhsuk-list--bullet">
                    {flags.into_iter().zip(links).map(|(f, link)| item(f, link)).collect_view()}
                </ul>
            </div>
        })
    }
}

/// One finding: what was found, then the record and field, linked.
fn item(f: Flagged, link: Option<String>) -> impl IntoView {
    let Flagged { place, kind, found } = f;
    let where_ = format!("{}, “{}”", place.record, place.label);
    let place_view = match link {
        Some(to) => view! { <a href=href(&to)>{where_}</a> }.into_any(),
        None => view! { <span>{where_}</span> }.into_any(),
    };
    view! {
        <li>
            {format!("{}: ", kind.message())}<strong>{found}</strong>". In "{place_view}"."
        </li>
    }
}

/// The list for a whole backup: every piece of free text in the workbook.
#[component]
pub fn WorkbookIdentifierList() -> impl IntoView {
    let store = use_store();
    let texts = store.select(workbook_texts);
    view! { <IdentifierList texts what="download the backup" /> }
}
