//! The end-of-placement summary, made to print: placement details, projects
//! and their outcomes, time logged, capability coverage and the reflections
//! the trainee chose.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::parts::{
    minutes_text, placement_path, progress_text, project_status_tag, CapabilityCoverage,
    PlacementNotFound, TimeTables,
};
use crate::model::capabilities;
use crate::model::common::dates::long_date;
use crate::model::placement::Placement;
use crate::ui::browser;
use crate::ui::store::use_store;

#[component]
pub fn PlacementSummary() -> impl IntoView {
    let store = use_store();
    let params = leptos_router::hooks::use_params_map();
    let id = Memo::new(move |_| params.read().get("placement").unwrap_or_default());
    let placement = store.select(move |w| w.placement(&id.get()).cloned());
    view! {
        <Title text="End-of-placement summary" />
        {move || match placement.get() {
            None => view! { <PlacementNotFound /> }.into_any(),
            Some(p) => view! { <SummaryView placement=p /> }.into_any(),
        }}
    }
}

#[component]
fn SummaryView(placement: Placement) -> impl IntoView {
    let today = browser::today();
    let dashboard = placement.dashboard(today);
    let p = placement.clone();
    let row = |key: &'static str, value: String| {
        (!value.is_empty()).then(|| {
            view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{key}</dt>
                    <dd class="nhsuk-summary-list__value app-pre-line">{value}</dd>
                </div>
            }
        })
    };
    let dates = match (p.start, p.last_day()) {
        (Some(s), Some(e)) => format!("{} to {}", long_date(s), long_date(e)),
        _ => String::new(),
    };
    let reflections: Vec<_> = p.selected_reflections().cloned().collect();
    let project_title = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| p.project(id))
            .map(|p| p.title.clone())
    };
    view! {
        <span class="nhsuk-caption-l">{p.organisation.clone()}</span>
        <h1>"End-of-placement summary"</h1>
        <p class="no-print">
            <button type="button" class="nhsuk-button nhsuk-button--secondary"
                on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>
                "Print this summary"
            </button>
            " "
            <A href=placement_path(&p.id)>"Back to your placement"</A>
        </p>
        <h2>"The placement"</h2>
        <dl class="nhsuk-summary-list">
            {row("Host organisation", p.organisation.clone())}
            {row("Lead commissioner or supervisor", p.supervisor.clone())}
            {row("Clinical area", p.clinical_area.clone())}
            {row("Dates", dates)}
            {row("Where it is now", progress_text(dashboard.progress))}
            {row("Learning objectives", p.objectives.clone())}
        </dl>

        <h2>"Projects and outcomes"</h2>
        {if p.projects.is_empty() {
            view! { <p>"No projects recorded."</p> }.into_any()
        } else {
            p.projects.iter().map(|project| {
                let done = project.milestones.iter().filter(|m| m.done_on.is_some()).count();
                view! {
                    <section class="app-summary-project">
                        <h3>{project.title.clone()}</h3>
                        <p>{project_status_tag(project.status)}</p>
                        <dl class="nhsuk-summary-list">
                            {row("Aim", project.aim.clone())}
                            {row("Stakeholders", project.stakeholders.clone())}
                            {row("Outcome", if project.outcome.is_empty() { "Not recorded yet".into() } else { project.outcome.clone() })}
                            {row("Milestones", format!("{done} of {} done", project.milestones.len()))}
                        </dl>
                        {(!project.milestones.is_empty()).then(|| view! {
                            <ul aria-label=format!("Milestones of {}", project.title)>
                                {project.milestones.iter().map(|m| view! {
                                    <li>{match m.done_on {
                                        Some(d) => format!("{} – done {}", m.title, long_date(d)),
                                        None => format!("{} – planned for {}, not done", m.title, long_date(m.planned)),
                                    }}</li>
                                }).collect_view()}
                            </ul>
                        })}
                    </section>
                }
            }).collect_view().into_any()
        }}

        <h2>"Time logged"</h2>
        <p>{format!("{} in {} log {}.", minutes_text(dashboard.minutes_total), dashboard.entries, if dashboard.entries == 1 { "entry" } else { "entries" })}</p>
        <TimeTables dashboard=dashboard.clone() />

        <CapabilityCoverage dashboard=dashboard.clone() />

        <h2>"Selected reflections"</h2>
        {if reflections.is_empty() {
            view! {
                <p>"You have not chosen any entries for your summary yet. To add one, change the entry and tick “Include this entry in my end-of-placement summary”."</p>
            }.into_any()
        } else {
            reflections.into_iter().map(|e| {
                let line = |label: &'static str, text: String| (!text.is_empty()).then(|| view! { <p><strong>{label}</strong>" "{text}</p> });
                let heading = format!("{}: {}", long_date(e.date), e.activity_type.label());
                view! {
                    <section class="app-summary-reflection">
                        <h3>{heading}</h3>
                        <p class="nhsuk-body-s">
                            {minutes_text(e.minutes as u64)}
                            {project_title(&e.project_id).map(|t| format!(" · Project: {t}"))}
                            {e.effectiveness.map(|x| format!(" · {}", x.label()))}
                        </p>
                        <p>{e.what_done.clone()}</p>
                        {line("Working with others:", e.with_others.clone())}
                        {line("Keep doing:", e.keep.clone())}
                        {line("Do better:", e.improve.clone())}
                        {line("Stop doing:", e.stop.clone())}
                        {line("What I learnt about myself:", e.learnt_about_self.clone())}
                        {(!e.capabilities.is_empty()).then(|| view! {
                            <p class="nhsuk-body-s">"Capabilities: "{e.capabilities.iter().filter_map(|c| capabilities::label(c)).collect::<Vec<_>>().join("; ")}</p>
                        })}
                    </section>
                }
            }).collect_view().into_any()
        }}
        <p class="nhsuk-body-s">{format!("Printed from the Commissioning Workbook on {}.", long_date(today))}</p>
    }
}
