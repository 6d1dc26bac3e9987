//! The one list of the app's areas and pages: each page's address pattern and
//! component, grouped by area with the area's name in the header's navigation.
//! The route table (`ROUTES`), the navigation (`NAVIGATION`) and the parts of
//! the WebAssembly module are all made from it, so a page is added here, once.
//!
//! Each area's pages live in a part of the module of their own, fetched the
//! first time one of its pages is opened (and kept by the service worker for
//! offline use), so the first download carries only what every page needs
//! (the header, the store, the router) and the pages listed as in the first
//! download (the home page). The release build (`scripts/build-wasm.sh`, with
//! the `split` feature) cuts the module at each area's function below, which
//! draws the page for a pattern; without the feature (`cargo check`, or a
//! build without the splitting step) it is an ordinary function and everything
//! is in one module. A page of an area must not be named anywhere else, or its
//! code is pulled back into the first download. Each area can also fetch its
//! part without drawing anything (`Area::fetch`, wasm_split's `preload`): the
//! app does that at start for a deep link.
//!
//! The first pattern that fits an address wins, in the order listed
//! (`/development-plan/plans/new` before `/development-plan/plans/:plan`).
//! An area's first page is the one the navigation links to. The build reads
//! each area's part and first address from this list too, for the script
//! that fetches a deep link's parts early (`scripts/fingerprint-app.mjs`,
//! which expects each area to open as `AREA changing …, part …, fetched by …, named "…" {`).

use leptos::prelude::*;

use super::{agreement, assessment, business_case, group, placement, plan};
use crate::model::workbook::apply::Dispatcher;
use crate::model::workbook::records::{
    AgreementKinds, AllKinds, AssessmentAreaKinds, CaseKinds, GroupAreaKinds, PlacementKinds,
    PlanKinds,
};
use crate::ui::routing::{Area, PartLoadError, Route};
use crate::ui::saver::WithDispatcher;

/// The area's name for its own stylesheet (`area_styles`): its part's
/// function without "_area" (`group_area`: "group").
fn area_name(part: &'static str) -> &'static str {
    part.strip_suffix("_area").unwrap_or(part)
}

/// A pattern an area has no page for: the route table and the area's
/// function are made from the same list, so this is never drawn.
fn no_such_page() -> AnyView {
    view! { <super::NotFound /> }.into_any()
}

/// The dispatcher an area's pages apply their changes with (`changing`):
/// the kinds of record they change (`records.rs`), so that the area's part
/// holds those kinds' operations alone, or `nothing` for an area that changes
/// nothing.
macro_rules! dispatcher {
    (nothing) => {
        None
    };
    ($kinds:ident) => {
        Some(Dispatcher::of::<$kinds>())
    };
}

/// Makes, from the list below: for each area, the function the module is cut
/// at (`$part`: its part is `split_$part.wasm`), the function wasm_split makes
/// to fetch that part alone (`$fetch`) and the `Area` the routes point at
/// (`$area`); `ROUTES`, every page in the order listed; and `NAVIGATION`.
// rustfmt re-indents the attribute further on every run inside a macro.
#[rustfmt::skip]
macro_rules! areas {
    (
        first download {
            $( $now:literal => $($now_page:ident)::+ ),* $(,)?
        }
        $(
            $area:ident changing $changes:ident, part $part:ident, fetched by $fetch:ident, named $label:literal {
                $first:literal => $($first_page:ident)::+
                $( , $pattern:literal => $($page:ident)::+ )* $(,)?
            }
        )*
    ) => {
        $(
            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split(
                    $part,
                    wasm_split_path = ::leptos::wasm_split,
                    fallible,
                    preload($fetch)
                )
            )]
            fn $part(pattern: &'static str) -> Result<AnyView, PartLoadError> {
                crate::ui::saver::use_saver().keep_linked_file();
                let dispatcher = dispatcher!($changes);
                Ok(match pattern {
                    $first => view! {
                        <WithDispatcher dispatcher><$($first_page)::+ /></WithDispatcher>
                    }.into_any(),
                    $( $pattern => view! {
                        <WithDispatcher dispatcher><$($page)::+ /></WithDispatcher>
                    }.into_any(), )*
                    _ => no_such_page(),
                })
            }

            pub static $area: Area = Area {
                // The area's own stylesheet, if it has one, is fetched
                // alongside its part.
                page: |pattern| {
                    crate::ui::area_styles::load(area_name(stringify!($part)));
                    #[cfg(feature = "split")]
                    return Box::pin($part(pattern));
                    #[cfg(not(feature = "split"))]
                    return Box::pin(std::future::ready($part(pattern)));
                },
                fetch: || {
                    #[cfg(feature = "split")]
                    return Box::pin(async {
                        let _ = $fetch().await;
                    });
                    #[cfg(not(feature = "split"))]
                    return Box::pin(std::future::ready(()));
                },
            };
        )*

        /// Every page and its address pattern, in the order they are tried.
        pub static ROUTES: &[Route] = &[
            $( Route::now($now, || view! { <$($now_page)::+ /> }.into_any()), )*
            $(
                Route::in_area($first, &$area),
                $( Route::in_area($pattern, &$area), )*
            )*
        ];

        /// The areas in the header's navigation, in order: (address, name).
        pub static NAVIGATION: &[(&str, &str)] = &[ $( ($first, $label), )* ];
    };
}

areas! {
    first download {
        "/" => super::Home,
    }
    ASSESSMENT changing AssessmentAreaKinds, part assessment_area, fetched by fetch_assessment_area, named "Self-assessment" {
        "/self-assessment" => assessment::Overview,
        "/self-assessment/new" => assessment::StartAssessment,
        "/self-assessment/over-time/:earlier/:later" => assessment::OverTime,
        "/self-assessment/partner/:partner" => assessment::PartnerView,
        "/self-assessment/:id/domain/:domain" => assessment::AnswerDomain,
        "/self-assessment/:id/results" => assessment::Results,
        "/self-assessment/:id/details" => assessment::AssessmentDetails,
        "/self-assessment/:id/export" => assessment::ExportAssessment,
        "/self-assessment/:id/partner/:partner" => assessment::PartnerComparison,
    }
    PLAN changing PlanKinds, part plan_area, fetched by fetch_plan_area, named "Development plan" {
        "/development-plan" => plan::DevelopmentPlan,
        "/development-plan/plans/new" => plan::NewPlan,
        "/development-plan/plans/:plan" => plan::PlanPage,
        "/development-plan/plans/:plan/details" => plan::PlanDetails,
        "/development-plan/plans/:plan/self-rating" => plan::SelfRatingPage,
        "/development-plan/plans/:plan/combine" => plan::CombinePlans,
        "/development-plan/goals/:id" => plan::GoalPage,
        "/development-plan/goals/:id/edit" => plan::EditGoal,
        "/development-plan/entries/:id" => plan::EditEntry,
    }
    PLACEMENT changing PlacementKinds, part placement_area, fetched by fetch_placement_area, named "Placement log" {
        "/placement-log" => placement::PlacementLog,
        "/placement-log/new" => placement::NewPlacement,
        "/placement-log/placements/:placement" => placement::PlacementPage,
        "/placement-log/placements/:placement/details" => placement::PlacementDetails,
        "/placement-log/placements/:placement/log" => placement::ActivityLog,
        "/placement-log/placements/:placement/log/new" => placement::NewActivity,
        "/placement-log/placements/:placement/summary" => placement::PlacementSummary,
        "/placement-log/projects/:id" => placement::ProjectPage,
        "/placement-log/projects/:id/edit" => placement::EditProject,
        "/placement-log/milestones/:id" => placement::EditMilestone,
        "/placement-log/entries/:id" => placement::EditActivity,
    }
    GROUP changing GroupAreaKinds, part group_area, fetched by fetch_group_area, named "Group view" {
        "/group" => group::GroupView,
        "/group/new" => group::NewRound,
        "/group/compare/:earlier/:later" => group::CompareRounds,
        "/group/rounds/:round" => group::RoundPage,
        "/group/rounds/:round/details" => group::RoundDetails,
        "/group/rounds/:round/workshop" => group::Workshop,
        "/group/rounds/:round/workshop/:domain" => group::AgreeArea,
    }
    AGREEMENT changing AgreementKinds, part agreement_area, fetched by fetch_agreement_area, named "Support agreement" {
        "/support-agreement" => agreement::SupportAgreements,
        "/support-agreement/new" => agreement::StartAgreement,
        "/support-agreement/agreements/:agreement" => agreement::AgreementPage,
        "/support-agreement/agreements/:agreement/details" => agreement::AgreementDetails,
        "/support-agreement/agreements/:agreement/commitments/new" => agreement::NewCommitment,
        "/support-agreement/agreements/:agreement/versions" => agreement::Versions,
        "/support-agreement/agreements/:agreement/reviews" => agreement::Reviews,
        "/support-agreement/agreements/:agreement/print" => agreement::PrintAgreement,
        "/support-agreement/agreements/:agreement/report" => agreement::DeliveryReportPage,
        "/support-agreement/commitments/:id" => agreement::CommitmentPage,
        "/support-agreement/deliveries/:id" => agreement::EditDelivery,
        "/support-agreement/review-meetings/:id" => agreement::EditReviewMeeting,
    }
    BUSINESS_CASE changing CaseKinds, part business_case_area, fetched by fetch_business_case_area, named "Business case" {
        "/business-case" => business_case::BusinessCases,
        "/business-case/new" => business_case::StartCase,
        "/business-case/cases/:case" => business_case::CasePage,
        "/business-case/cases/:case/details" => business_case::CaseDetails,
        "/business-case/cases/:case/options/new" => business_case::NewOption,
        "/business-case/cases/:case/milestones/new" => business_case::NewMilestone,
        "/business-case/cases/:case/summary" => business_case::PrintSummary,
        "/business-case/cases/:case/print" => business_case::PrintCase,
        "/business-case/options/:id" => business_case::OptionPage,
        "/business-case/options/:id/edit" => business_case::EditOption,
        "/business-case/options/:id/risks/new" => business_case::NewRisk,
        "/business-case/risks/:id" => business_case::EditRisk,
        "/business-case/milestones/:id" => business_case::EditMilestone,
    }
    YOUR_DATA changing AllKinds, part your_data_area, fetched by fetch_your_data_area, named "Your data" {
        "/your-data" => super::YourData,
    }
    ABOUT changing nothing, part about_area, fetched by fetch_about_area, named "About" {
        "/about" => super::About,
    }
}
