//! The partnership-readiness self-assessment pages.

mod answer;
mod details;
mod export;
mod over_time;
mod overview;
mod partner;
mod results;
mod start;

pub use answer::AnswerDomain;
pub use details::AssessmentDetails;
pub use export::ExportAssessment;
pub use over_time::OverTime;
pub use overview::{resume_path, Overview};
pub use partner::{ImportPartner, PartnerComparison, PartnerView};
pub use results::Results;
pub use start::StartAssessment;

use crate::ui::routing::use_params_map;
use leptos::prelude::*;

use crate::model::assessment::Assessment;
use crate::ui::store::use_store;

/// A route parameter, or an empty string when it is missing.
pub fn param(name: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get(name).unwrap_or_default())
}

/// The user's own assessment with this id, kept up to date as it changes.
pub fn own_assessment(id: Memo<String>) -> Memo<Option<Assessment>> {
    let store = use_store();
    Memo::new(move |_| {
        let id = id.get();
        store
            .workbook
            .with(|w| w.assessments.iter().find(|a| a.id == id).cloned())
    })
}

/// A partner's imported assessment with this id.
pub fn partner_assessment(id: Memo<String>) -> Memo<Option<Assessment>> {
    let store = use_store();
    Memo::new(move |_| {
        let id = id.get();
        store
            .workbook
            .with(|w| w.partner_assessments.iter().find(|a| a.id == id).cloned())
    })
}

/// Shown when an address names an assessment the workbook does not hold.
#[component]
pub fn AssessmentNotFound() -> impl IntoView {
    view! {
        <h1>"Assessment not found"</h1>
        <p>"This workbook has no assessment at this address. It may have been deleted, or the address may be wrong."</p>
        <p><crate::ui::routing::A href="/self-assessment">"Go to your self-assessments"</crate::ui::routing::A></p>
    }
}
