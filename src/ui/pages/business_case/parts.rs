//! Pieces the business case's pages share: paths, the pages shown when a
//! case, option, risk or milestone is not found, the notice when the saved
//! cases cannot be read, and the statement of the discount rate with its
//! source that stands beside every figure.

use leptos::prelude::*;

use crate::model::business_case::appraisal::GREEN_BOOK_SOURCE;
use crate::model::business_case::records::OPTIMISM_BIAS_SOURCE;
use crate::ui::components::UnreadableSection;
use crate::ui::routing::A;

pub const CASES_PATH: &str = "/business-case";

pub fn case_path(id: &str) -> String {
    format!("/business-case/cases/{id}")
}

pub fn option_path(id: &str) -> String {
    format!("/business-case/options/{id}")
}

pub fn risk_path(id: &str) -> String {
    format!("/business-case/risks/{id}")
}

pub fn milestone_path(id: &str) -> String {
    format!("/business-case/milestones/{id}")
}

/// A page for something not (or no longer) in the workbook.
#[component]
pub fn NotInWorkbook(#[prop(into)] what: String) -> impl IntoView {
    let heading = format!("{}{} not found", what[..1].to_uppercase(), &what[1..]);
    view! {
        <h1>{heading}</h1>
        <p>{format!("This {what} is not in your workbook. It may have been deleted.")}</p>
        <p><A href=CASES_PATH>"Go to your business cases"</A></p>
    }
}

#[component]
pub fn CaseNotFound() -> impl IntoView {
    view! { <NotInWorkbook what="business case" /> }
}

#[component]
pub fn OptionNotFound() -> impl IntoView {
    view! { <NotInWorkbook what="option" /> }
}

/// Shown when the business cases saved in this browser cannot be read.
#[component]
pub fn UnreadableCases() -> impl IntoView {
    view! { <UnreadableSection what="business cases" unreadable=|w| w.business_case_problem().is_some() /> }
}

/// The rate the figures are discounted at, with where the method comes
/// from: said beside every table of figures.
#[component]
pub fn RateStatement(
    #[prop(into)] rate: Signal<String>,
    #[prop(into)] bias: Signal<u32>,
) -> impl IntoView {
    view! {
        <div class="nhsuk-inset-text app-rate-statement">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>
                "Figures are in today's money, discounted at " <strong>{move || rate.get()}</strong>
                " a year. " {move || if rate.get() == "3.5 %" {
                    "That is the Green Book's rate for years 0 to 30. "
                } else {
                    "The Green Book's rate for years 0 to 30 is 3.5 %; this case uses its own. "
                }}
                {move || format!("The optimism-bias uplift on costs is {} %.", bias.get())}
            </p>
            <p class="app-source">"Source: " {GREEN_BOOK_SOURCE} " " {OPTIMISM_BIAS_SOURCE}</p>
        </div>
    }
}
