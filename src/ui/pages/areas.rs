//! Each area's pages live in a part of the WebAssembly module of their own,
//! fetched the first time one of its pages is opened (and kept by the service
//! worker for offline use), so the first download carries only what every page
//! needs (the header, the store, the router) and the home page.
//!
//! A page is reached only through its area below (`ASSESSMENT`, `PLAN`, …), by
//! its number in that area; the route table (`ui::ROUTES`) names both. The release build
//! (`scripts/build-wasm.sh`, with the `split` feature) cuts the module at these
//! functions. Without the feature (`cargo check`, or a build without the
//! splitting step) they are ordinary functions and everything is in one module.
//! A page must not be named anywhere else, or its code is pulled back into the
//! first download. Each area can also fetch its part without drawing anything
//! (`Area::fetch`, wasm_split's `preload`): the app does that at start for a
//! deep link.

use leptos::prelude::*;

use super::{assessment, placement, plan};
use crate::ui::routing::{Area, PartLoadError};

/// A page number no area has: a mistake in the route table.
fn no_such_page() -> AnyView {
    view! { <super::NotFound /> }.into_any()
}

/// An area: `$pages` is the function the module is cut at (its part is named
/// `split_$module.wasm`), `$fetch` the function wasm_split makes to fetch that
/// part alone, and `$static` the `Area` the route table points at. Without the
/// `split` feature the page function is called at once and there is nothing
/// to fetch.
// rustfmt re-indents the attribute further on every run inside a macro.
#[rustfmt::skip]
macro_rules! area {
    ($static:ident, $module:ident, $pages:ident, $fetch:ident, |$page:ident| $body:expr) => {
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split(
                $module,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload($fetch)
            )
        )]
        fn $pages($page: u32) -> Result<AnyView, PartLoadError> {
            Ok($body)
        }

        pub static $static: Area = Area {
            page: |page| {
                #[cfg(feature = "split")]
                return Box::pin($pages(page));
                #[cfg(not(feature = "split"))]
                return Box::pin(std::future::ready($pages(page)));
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
    };
}

area!(
    ASSESSMENT,
    assessment_area,
    assessment_pages,
    fetch_assessment_area,
    |page| {
        match page {
            0 => view! { <assessment::Overview /> }.into_any(),
            1 => view! { <assessment::StartAssessment /> }.into_any(),
            2 => view! { <assessment::OverTime /> }.into_any(),
            3 => view! { <assessment::AnswerDomain /> }.into_any(),
            4 => view! { <assessment::Results /> }.into_any(),
            5 => view! { <assessment::AssessmentDetails /> }.into_any(),
            6 => view! { <assessment::ExportAssessment /> }.into_any(),
            7 => view! { <assessment::PartnerComparison /> }.into_any(),
            _ => no_such_page(),
        }
    }
);

area!(PLAN, plan_area, plan_pages, fetch_plan_area, |page| {
    match page {
        0 => view! { <plan::DevelopmentPlan /> }.into_any(),
        1 => view! { <plan::NewPlan /> }.into_any(),
        2 => view! { <plan::PlanPage /> }.into_any(),
        3 => view! { <plan::PlanDetails /> }.into_any(),
        4 => view! { <plan::SelfRatingPage /> }.into_any(),
        5 => view! { <plan::GoalPage /> }.into_any(),
        6 => view! { <plan::EditGoal /> }.into_any(),
        7 => view! { <plan::EditEntry /> }.into_any(),
        8 => view! { <plan::CombinePlans /> }.into_any(),
        _ => no_such_page(),
    }
});

area!(
    PLACEMENT,
    placement_area,
    placement_pages,
    fetch_placement_area,
    |page| {
        match page {
            0 => view! { <placement::PlacementLog /> }.into_any(),
            1 => view! { <placement::NewPlacement /> }.into_any(),
            2 => view! { <placement::PlacementPage /> }.into_any(),
            3 => view! { <placement::PlacementDetails /> }.into_any(),
            4 => view! { <placement::ActivityLog /> }.into_any(),
            5 => view! { <placement::NewActivity /> }.into_any(),
            6 => view! { <placement::PlacementSummary /> }.into_any(),
            7 => view! { <placement::ProjectPage /> }.into_any(),
            8 => view! { <placement::EditProject /> }.into_any(),
            9 => view! { <placement::EditMilestone /> }.into_any(),
            10 => view! { <placement::EditActivity /> }.into_any(),
            _ => no_such_page(),
        }
    }
);

area!(
    YOUR_DATA,
    your_data_area,
    your_data_pages,
    fetch_your_data_area,
    |page| {
        match page {
            0 => view! { <super::YourData /> }.into_any(),
            _ => no_such_page(),
        }
    }
);

area!(ABOUT, about_area, about_pages, fetch_about_area, |page| {
    match page {
        0 => view! { <super::About /> }.into_any(),
        _ => no_such_page(),
    }
});
