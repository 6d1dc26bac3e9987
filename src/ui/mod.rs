//! The Leptos front end. Pages show the workbook and send the user's intent to
//! the model as named changes through `WorkbookStore`, the one writer of it.

mod browser;
mod components;
mod pages;
pub mod storage;
mod store;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use wasm_bindgen::JsCast;

use components::StorageAlerts;
use store::WorkbookStore;

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
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

#[component]
fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(WorkbookStore::start());

    view! {
        <Title formatter=|page: String| format!("{page} – Commissioning Workbook") />
        <Router>
            <FocusHeadingOnNavigate />
            <a class="nhsuk-skip-link" href="#maincontent">"Skip to main content"</a>
            <Header />
            <div class="nhsuk-width-container">
                <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                    <StorageAlerts />
                    <Routes fallback=pages::NotFound>
                        <Route path=path!("/") view=pages::Home />
                        <Route path=path!("/self-assessment") view=pages::assessment::Overview />
                        <Route path=path!("/self-assessment/new") view=pages::assessment::StartAssessment />
                        <Route
                            path=path!("/self-assessment/:id/domain/:domain")
                            view=pages::assessment::AnswerDomain
                        />
                        <Route path=path!("/self-assessment/:id/results") view=pages::assessment::Results />
                        <Route path=path!("/self-assessment/:id/details") view=pages::assessment::AssessmentDetails />
                        <Route path=path!("/self-assessment/:id/export") view=pages::assessment::ExportAssessment />
                        <Route
                            path=path!("/self-assessment/over-time/:earlier/:later")
                            view=pages::assessment::OverTime
                        />
                        <Route
                            path=path!("/self-assessment/:id/partner/:partner")
                            view=pages::assessment::PartnerComparison
                        />
                        <Route path=path!("/development-plan") view=pages::DevelopmentPlan />
                        <Route path=path!("/development-plan/plans/new") view=pages::plan::NewPlan />
                        <Route path=path!("/development-plan/plans/:plan") view=pages::plan::PlanPage />
                        <Route path=path!("/development-plan/plans/:plan/details") view=pages::plan::PlanDetails />
                        <Route path=path!("/development-plan/plans/:plan/self-rating") view=pages::plan::SelfRatingPage />
                        <Route path=path!("/development-plan/goals/:id") view=pages::plan::GoalPage />
                        <Route path=path!("/development-plan/goals/:id/edit") view=pages::plan::EditGoal />
                        <Route path=path!("/development-plan/entries/:id") view=pages::plan::EditEntry />
                        <Route path=path!("/placement-log") view=pages::placement::PlacementLog />
                        <Route path=path!("/placement-log/new") view=pages::placement::NewPlacement />
                        <Route path=path!("/placement-log/placements/:placement") view=pages::placement::PlacementPage />
                        <Route path=path!("/placement-log/placements/:placement/details") view=pages::placement::PlacementDetails />
                        <Route path=path!("/placement-log/placements/:placement/log") view=pages::placement::ActivityLog />
                        <Route path=path!("/placement-log/placements/:placement/log/new") view=pages::placement::NewActivity />
                        <Route path=path!("/placement-log/placements/:placement/summary") view=pages::placement::PlacementSummary />
                        <Route path=path!("/placement-log/projects/:id") view=pages::placement::ProjectPage />
                        <Route path=path!("/placement-log/projects/:id/edit") view=pages::placement::EditProject />
                        <Route path=path!("/placement-log/milestones/:id") view=pages::placement::EditMilestone />
                        <Route path=path!("/placement-log/entries/:id") view=pages::placement::EditActivity />
                        <Route path=path!("/your-data") view=pages::YourData />
                        <Route path=path!("/about") view=pages::About />
                    </Routes>
                </main>
            </div>
            <Footer />
        </Router>
    }
}

/// After each change of page (not the first load), moves focus to the new
/// page's main heading, so keyboard users start at the top of the new page
/// and screen readers announce it, as a full page load would.
#[component]
fn FocusHeadingOnNavigate() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            // Wait a frame so the new page's heading is in the document.
            request_animation_frame(|| {
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
