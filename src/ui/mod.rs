//! The Leptos front end. Pages show the workbook and send the user's intent to
//! the model as named changes through `WorkbookStore`, the one writer of it.

mod browser;
mod components;
mod offline;
mod pages;
mod routing;
pub mod storage;
mod store;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use wasm_bindgen::JsCast;

use components::{SaveAnnouncer, StorageAlerts};
use routing::{CurrentPage, Route, A};
use store::WorkbookStore;

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    // index.html's shell stood in for the app while the WebAssembly loaded;
    // the app draws the same header in its place.
    if let Some(shell) = document().get_element_by_id("app-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// The areas of the workbook, in navigation order: (path, label).
const AREAS: [(&str, &str); 5] = [
    ("/self-assessment", "Self-assessment"),
    ("/development-plan", "Development plan"),
    ("/placement-log", "Placement log"),
    ("/your-data", "Your data"),
    ("/about", "About"),
];

/// Every page and its address; the first pattern that fits wins.
macro_rules! routes {
    ($($pattern:literal => $page:path),* $(,)?) => {
        &[$(Route { pattern: $pattern, view: || view! { <$page /> }.into_any() }),*]
    };
}

const ROUTES: &[Route] = routes![
    "/" => pages::Home,
    "/self-assessment" => pages::assessment::Overview,
    "/self-assessment/new" => pages::assessment::StartAssessment,
    "/self-assessment/over-time/:earlier/:later" => pages::assessment::OverTime,
    "/self-assessment/:id/domain/:domain" => pages::assessment::AnswerDomain,
    "/self-assessment/:id/results" => pages::assessment::Results,
    "/self-assessment/:id/details" => pages::assessment::AssessmentDetails,
    "/self-assessment/:id/export" => pages::assessment::ExportAssessment,
    "/self-assessment/:id/partner/:partner" => pages::assessment::PartnerComparison,
    "/development-plan" => pages::DevelopmentPlan,
    "/development-plan/plans/new" => pages::plan::NewPlan,
    "/development-plan/plans/:plan" => pages::plan::PlanPage,
    "/development-plan/plans/:plan/details" => pages::plan::PlanDetails,
    "/development-plan/plans/:plan/self-rating" => pages::plan::SelfRatingPage,
    "/development-plan/goals/:id" => pages::plan::GoalPage,
    "/development-plan/goals/:id/edit" => pages::plan::EditGoal,
    "/development-plan/entries/:id" => pages::plan::EditEntry,
    "/placement-log" => pages::placement::PlacementLog,
    "/placement-log/new" => pages::placement::NewPlacement,
    "/placement-log/placements/:placement" => pages::placement::PlacementPage,
    "/placement-log/placements/:placement/details" => pages::placement::PlacementDetails,
    "/placement-log/placements/:placement/log" => pages::placement::ActivityLog,
    "/placement-log/placements/:placement/log/new" => pages::placement::NewActivity,
    "/placement-log/placements/:placement/summary" => pages::placement::PlacementSummary,
    "/placement-log/projects/:id" => pages::placement::ProjectPage,
    "/placement-log/projects/:id/edit" => pages::placement::EditProject,
    "/placement-log/milestones/:id" => pages::placement::EditMilestone,
    "/placement-log/entries/:id" => pages::placement::EditActivity,
    "/your-data" => pages::YourData,
    "/about" => pages::About,
];

#[component]
fn App() -> impl IntoView {
    provide_meta_context();
    routing::provide_router(ROUTES);
    provide_context(WorkbookStore::start());
    provide_context(offline::start());

    view! {
        <Title formatter=|page: String| format!("{page} – Commissioning Workbook") />
        <FocusHeadingOnNavigate />
        <a class="nhsuk-skip-link" href="#maincontent">"Skip to main content"</a>
        <Header />
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                <offline::NewVersionNotice />
                <SaveAnnouncer />
                <StorageAlerts />
                <CurrentPage routes=ROUTES fallback=|| view! { <pages::NotFound /> }.into_any() />
            </main>
        </div>
        <Footer />
    }
}

/// After each change of page (not the first load), moves focus to the new
/// page's main heading, so keyboard users start at the top of the new page
/// and screen readers announce it, as a full page load would.
#[component]
fn FocusHeadingOnNavigate() -> impl IntoView {
    let path = routing::use_path();
    Effect::new(move |previous: Option<String>| {
        let path = path.get();
        if previous.is_some_and(|p| p != path) {
            // Wait a frame so the new page's heading is in the document.
            request_animation_frame(|| {
                window().scroll_to_with_x_and_y(0.0, 0.0);
                let heading = document().query_selector("main h1").ok().flatten();
                if let Some(heading) =
                    heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = heading.set_attribute("tabindex", "-1");
                    let _ = heading.focus();
                }
            });
        }
        path
    });
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="nhsuk-header" role="banner">
            <div class="nhsuk-header__container nhsuk-width-container">
                <div class="nhsuk-header__service">
                    <A href="/" attr:class="nhsuk-header__service-logo">
                        <span class="nhsuk-header__service-name">"Commissioning Workbook"</span>
                    </A>
                </div>
            </div>
            <nav class="nhsuk-header__navigation" aria-label="Workbook areas">
                <div class="nhsuk-header__navigation-container nhsuk-width-container">
                    <ul class="nhsuk-header__navigation-list">
                        {AREAS
                            .into_iter()
                            .map(|(href, label)| {
                                view! {
                                    <li class="nhsuk-header__navigation-item">
                                        <A href=href attr:class="nhsuk-header__navigation-link">
                                            {label}
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </nav>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <p class="nhsuk-body-s">
                    "Everything you enter stays in this browser. Nothing is sent anywhere. "
                    <A href="/your-data">"Back up or restore your data"</A>
                    " · "
                    <A href="/about">"About and sources"</A>
                </p>
            </div>
        </footer>
    }
}
