//! Each area's pages live in a part of the WebAssembly module of their own,
//! fetched the first time one of its pages is opened (and kept by the service
//! worker for offline use), so the first download carries only what every page
//! needs (the header, the store, the router) and the home page.
//!
//! A page is reached only through its area's function below, by its number in
//! that area; the route table (`ui::ROUTES`) names both. The release build
//! (`scripts/build-wasm.sh`, with the `split` feature) cuts the module at these
//! functions. Without the feature (`cargo check`, or a build without the
//! splitting step) they are ordinary functions and everything is in one module.
//! A page must not be named anywhere else, or its code is pulled back into the
//! first download. Each area also has a `fetch_<area>` function (made by the
//! macro), which fetches the area's part without drawing anything: the app
//! calls it at start for a deep link, so the part downloads and compiles while
//! the workbook is read.

use leptos::prelude::*;

use super::{assessment, placement, plan};
use crate::ui::routing::AreaLoadError;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for AreaLoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        AreaLoadError
    }
}

/// A page number no area has: a mistake in the route table.
fn no_such_page() -> AnyView {
    view! { <super::NotFound /> }.into_any()
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        assessment_area,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_assessment_area)
    )
)]
pub fn assessment_page(page: u32) -> Result<AnyView, AreaLoadError> {
    Ok(match page {
        0 => view! { <assessment::Overview /> }.into_any(),
        1 => view! { <assessment::StartAssessment /> }.into_any(),
        2 => view! { <assessment::OverTime /> }.into_any(),
        3 => view! { <assessment::AnswerDomain /> }.into_any(),
        4 => view! { <assessment::Results /> }.into_any(),
        5 => view! { <assessment::AssessmentDetails /> }.into_any(),
        6 => view! { <assessment::ExportAssessment /> }.into_any(),
        7 => view! { <assessment::PartnerComparison /> }.into_any(),
        _ => no_such_page(),
    })
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        plan_area,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_plan_area)
    )
)]
pub fn plan_page(page: u32) -> Result<AnyView, AreaLoadError> {
    Ok(match page {
        0 => view! { <plan::DevelopmentPlan /> }.into_any(),
        1 => view! { <plan::NewPlan /> }.into_any(),
        2 => view! { <plan::PlanPage /> }.into_any(),
        3 => view! { <plan::PlanDetails /> }.into_any(),
        4 => view! { <plan::SelfRatingPage /> }.into_any(),
        5 => view! { <plan::GoalPage /> }.into_any(),
        6 => view! { <plan::EditGoal /> }.into_any(),
        7 => view! { <plan::EditEntry /> }.into_any(),
        _ => no_such_page(),
    })
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        placement_area,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_placement_area)
    )
)]
pub fn placement_page(page: u32) -> Result<AnyView, AreaLoadError> {
    Ok(match page {
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
    })
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        your_data_area,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_your_data_area)
    )
)]
pub fn your_data_page(_page: u32) -> Result<AnyView, AreaLoadError> {
    Ok(view! { <super::YourData /> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        about_area,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_about_area)
    )
)]
pub fn about_page(_page: u32) -> Result<AnyView, AreaLoadError> {
    Ok(view! { <super::About /> }.into_any())
}
