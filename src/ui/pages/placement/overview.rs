//! The placement log's home: the newest placement (or how to set one up), its
//! details, the dashboard, its projects, and links to the log and summary.
//! `/placement-log` shows the newest placement; `/placement-log/placements/:placement`
//! a chosen one.

use crate::ui::components::ConflictNotice;
use crate::ui::components::{Title, UnreadableSection};
use crate::ui::routing::A;
use leptos::prelude::*;

use super::parts::{
    dashboard_of, placement_path, project_status_tag, AtAGlance, CsvButton, PlacementNotFound,
    PrivateNote, TimeAndCapabilities,
};
use super::projects::{ProjectFields, ProjectForm};
use crate::model::common::dates::long_date;
use crate::model::common::validation::FieldError;
use crate::model::placement::ProjectDraft;
use crate::model::Change;
use crate::ui::components::{summary_row, ErrorSummary};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[component]
pub fn PlacementLog() -> impl IntoView {
    let store = use_store();
    let placement_id = store.select(|w| w.current_placement().map(|p| p.id.clone()));
    view! {
        <Show when=move || placement_id.with(Option::is_some) fallback=NoPlacementYet>
            <PlacementView placement_id />
        </Show>
    }
}

#[component]
pub fn PlacementPage() -> impl IntoView {
    let store = use_store();
    let params = crate::ui::routing::use_params_map();
    let wanted = Memo::new(move |_| params.read().get("placement").unwrap_or_default());
    let placement_id = store.select(move |w| w.placement(&wanted.get()).map(|p| p.id.clone()));
    view! {
        <Show when=move || placement_id.with(Option::is_some) fallback=|| view! {
            <Title text="Placement not found" />
            <PlacementNotFound />
        }>
            <PlacementView placement_id />
        </Show>
    }
}

#[component]
fn NoPlacementYet() -> impl IntoView {
    view! {
        <Title text="Placement log" />
        <h1>"Placement log"</h1>
        <UnreadableSection what="placements" unreadable=|w| w.placement_problem().is_some() />
        <p class="nhsuk-lede-text">
            "For GP trainees on a placement in a commissioning organisation: your placement, your commissioning projects, a dated log of what you did with your reflections, and an end-of-placement summary."
        </p>
        <p>
            "GP trainees on these placements are usually attached to a lead commissioner for four months and work on a commissioning project, such as redesigning a care pathway, arranging a workshop or writing a business case."
        </p>
        <PrivateNote />
        <A href="/placement-log/new" attr:class="nhsuk-button">"Set up your placement"</A>
    }
}

#[component]
fn PlacementView(placement_id: Memo<Option<String>>) -> impl IntoView {
    let store = use_store();
    let details = store.select(move |w| {
        placement_id.get().and_then(|id| w.placement(&id)).map(|p| {
            (
                p.id.clone(),
                p.organisation.clone(),
                p.supervisor.clone(),
                p.clinical_area.clone(),
                p.start,
                p.last_day(),
                p.length_months,
                p.objectives.clone(),
            )
        })
    });
    let others = store.select(move |w| {
        let current = placement_id.get();
        w.placements()
            .iter()
            .filter(|p| Some(&p.id) != current.as_ref())
            .map(|p| (p.id.clone(), p.title()))
            .collect::<Vec<_>>()
    });
    let id = Signal::derive(move || placement_id.get().unwrap_or_default());
    view! {
        <Title text="Placement log" />
        <h1>"Placement log"</h1>
        <ConflictNotice id />
        {move || details.get().map(|(id, organisation, supervisor, area, start, end, months, objectives)| {
            let dates = match (start, end) {
                (Some(s), Some(e)) => format!("{} to {} ({months} {})", long_date(s), long_date(e), if months == 1 { "month" } else { "months" }),
                _ => String::new(),
            };
            view! {
                <h2>{format!("Your placement at {organisation}")}</h2>
                <dl class="nhsuk-summary-list">
                    {summary_row("Host organisation", organisation.to_string())}
                    {summary_row("Lead commissioner or supervisor", supervisor.to_string())}
                    {summary_row("Clinical area", area.to_string())}
                    {summary_row("Dates", dates)}
                    {summary_row("Learning objectives", objectives.to_string())}
                </dl>
                <p>
                    <A href=format!("{}/details", placement_path(&id)) attr:aria-label=format!("Change placement details: {organisation}")>
                        "Change placement details"
                    </A>
                </p>
            }
        })}
        <div class="app-actions">
            <A href=move || format!("{}/log/new", placement_path(&id.get())) attr:class="nhsuk-button">"Log an activity"</A>
            " "
            <A href=move || format!("{}/log", placement_path(&id.get())) attr:class="nhsuk-button nhsuk-button--secondary">"See and search your log"</A>
            " "
            <A href=move || format!("{}/summary", placement_path(&id.get())) attr:class="nhsuk-button nhsuk-button--secondary">"End-of-placement summary"</A>
            " "
            <CsvButton placement_id=id />
        </div>
        {move || placement_id.get().map(|id| {
            let dashboard = dashboard_of(id.clone());
            view! {
                <AtAGlance dashboard />
                <Projects placement_id=id />
                <TimeAndCapabilities dashboard />
            }
        })}
        <nav aria-label="Your placements">
            <p>
                {move || {
                    let others = others.get();
                    (!others.is_empty()).then(|| view! {
                        "Your other placements: "
                        {others.into_iter().map(|(id, title)| view! {
                            <A href=placement_path(&id)>{title}</A>" "
                        }).collect_view()}
                        " · "
                    })
                }}
                <A href="/placement-log/new">"Set up another placement"</A>
            </p>
        </nav>
    }
}

/// The placement's projects, each re-rendered only when it changes, and the
/// form to add one.
#[component]
fn Projects(placement_id: String) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = ProjectForm::new(ProjectDraft::default());
    let ids = {
        let placement_id = placement_id.clone();
        store.select(move |w| {
            w.placement(&placement_id)
                .map(|p| p.projects.iter().map(|p| p.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saver.submit(Change::add(Some(&placement_id), form.draft()), errors) {
            form.clear();
        }
    };
    view! {
        <h2>"Your projects"</h2>
        <Show when=move || !ids.with(Vec::is_empty) fallback=|| view! { <p>"No projects yet."</p> }>
            <ul class="nhsuk-list" aria-label="Your projects">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <ProjectCard id />
                </For>
            </ul>
        </Show>
        <details class="nhsuk-details">
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">"Add a project"</span>
            </summary>
            <div class="nhsuk-details__text">
                <ErrorSummary errors=errors.into() />
                <form novalidate on:submit=add>
                    <ProjectFields errors form />
                    <button type="submit" class="nhsuk-button">"Add project"</button>
                </form>
            </div>
        </details>
    }
}

#[component]
fn ProjectCard(id: String) -> impl IntoView {
    let store = use_store();
    let project = store.select(move |w| w.project(&id).map(|(_, p)| p.clone()));
    move || {
        project.get().map(|p| {
            let done = p.milestones.iter().filter(|m| m.done_on.is_some()).count();
            let milestones = match p.milestones.len() {
                0 => "No milestones yet".to_string(),
                n => format!("{done} of {n} milestones done"),
            };
            view! {
                <li class="nhsuk-card">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading">
                            <A href=format!("/placement-log/projects/{}", p.id)>{p.title.to_string()}</A>
                        </h3>
                        <p>{project_status_tag(p.status)}</p>
                        {(!p.aim.is_empty()).then(|| view! { <p class="nhsuk-card__description">{p.aim.to_string()}</p> })}
                        <p class="nhsuk-body-s">{milestones}</p>
                    </div>
                </li>
            }
        })
    }
}
