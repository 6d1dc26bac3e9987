//! The end-of-placement summary, made to print: placement details, projects
//! and their outcomes, time logged, capability coverage and the reflections
//! the trainee chose.

use crate::ui::components::Title;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::parts::{
    entry_body, minutes_text, placement_path, progress_text, project_status_tag,
    CapabilityCoverage, CopyForPortfolio, PlacementNotFound, TimeTables,
};
use crate::model::common::dates::long_date;
use crate::model::placement::portfolio::summary_text;
use crate::model::placement::Placement;
use crate::model::workbook::free_text::placement_summary_texts;
use crate::ui::browser;
use crate::ui::components::{summary_row, IdentifierList};
use crate::ui::store::use_store;

#[component]
pub fn PlacementSummary() -> impl IntoView {
    let store = use_store();
    let params = crate::ui::routing::use_params_map();
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

/// Space for the educational supervisor to sign the printed summary off:
/// their name, comments, signature and the date, each a line to write on.
#[component]
fn SignOff() -> impl IntoView {
    let line = |label: &'static str, lines: usize| {
        view! {
            <div class="app-sign-off__item">
                <p class="app-sign-off__label">{label}</p>
                {(0..lines).map(|_| view! { <div class="app-sign-off__line"></div> }).collect_view()}
            </div>
        }
    };
    view! {
        <section class="app-sign-off" aria-labelledby="sign-off-heading">
            <h2 id="sign-off-heading">"Educational supervisor's sign-off"</h2>
            <p class="no-print">"When printed, this part has lines for your educational supervisor's name, comments, signature and the date."</p>
            // The lines are for paper: on screen they would only be scrolled past.
            <div class="app-print-only">
                {line("Educational supervisor's name", 1)}
                {line("Comments", 5)}
                {line("Signature", 1)}
                {line("Date", 1)}
            </div>
        </section>
    }
}

#[component]
fn SummaryView(placement: Placement) -> impl IntoView {
    let today = browser::today();
    let dashboard = placement.dashboard(today);
    let p = placement.clone();
    let dates = match (p.start, p.last_day()) {
        (Some(s), Some(e)) => format!("{} to {}", long_date(s), long_date(e)),
        _ => String::new(),
    };
    let reflections: Vec<_> = p.selected_reflections().cloned().collect();
    let project_title = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| p.project(id))
            .map(|p| p.title.to_string())
    };
    let portfolio = {
        let p = p.clone();
        Callback::new(move |()| summary_text(&p, today))
    };
    let identifier_texts = {
        let texts = placement_summary_texts(&p);
        Signal::derive(move || texts.clone())
    };
    let caption = if p.trainee.is_empty() {
        p.organisation.to_string()
    } else {
        format!("{} · {}", p.trainee, p.organisation)
    };
    view! {
        <div class="app-placement-summary">
        <span class="nhsuk-caption-l">{caption}</span>
        <h1>"End-of-placement summary"</h1>
        <div class="no-print">
            <IdentifierList texts=identifier_texts what="print or copy the summary" />
        </div>
        // One row of actions. Pages print numbered ("Page 1 of 3") in
        // Chrome and Edge (the summary's @page margin box, in the styles).
        <div class="no-print app-actions">
            <button type="button" class="nhsuk-button nhsuk-button--secondary"
                on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>
                "Print this summary"
            </button>
            <CopyForPortfolio name="Copy the summary for your portfolio"
                label="Copy the summary for your portfolio" text=portfolio />
            <A href=placement_path(&p.id)>"Back to your placement"</A>
        </div>
        {p.trainee.is_empty().then(|| view! {
            <p class="no-print nhsuk-body-s">
                "Your name is not on this summary. "
                <A href=format!("{}/details", placement_path(&p.id))>"Add your name to the placement"</A>
            </p>
        })}
        <h2>"The placement"</h2>
        <dl class="nhsuk-summary-list">
            {summary_row("Trainee", p.trainee.to_string())}
            {summary_row("Host organisation", p.organisation.to_string())}
            {summary_row("Lead commissioner or supervisor", p.supervisor.to_string())}
            {summary_row("Clinical area", p.clinical_area.to_string())}
            {summary_row("Dates", dates)}
            // Where it is today means nothing on paper read later.
            <div class="nhsuk-summary-list__row no-print">
                <dt class="nhsuk-summary-list__key">"Where it is now"</dt>
                <dd class="nhsuk-summary-list__value">{progress_text(dashboard.progress)}</dd>
            </div>
            {summary_row("Learning objectives", p.objectives.to_string())}
        </dl>

        <h2>"Projects and outcomes"</h2>
        {if p.projects.is_empty() {
            view! { <p>"No projects recorded."</p> }.into_any()
        } else {
            p.projects.iter().map(|project| {
                let done = project.milestones.iter().filter(|m| m.done_on.is_some()).count();
                view! {
                    <section class="app-summary-project">
                        <h3>{project.title.to_string()}</h3>
                        <p>{project_status_tag(project.status)}</p>
                        <dl class="nhsuk-summary-list">
                            {summary_row("Aim", project.aim.to_string())}
                            {summary_row("Stakeholders", project.stakeholders.to_string())}
                            {summary_row("Outcome", if project.outcome.is_empty() { "Not recorded yet".into() } else { project.outcome.to_string() })}
                            {summary_row("Milestones", format!("{done} of {} done", project.milestones.len()))}
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
                let heading = format!("{}: {}", long_date(e.date), e.activity_type.label());
                view! {
                    <section class="app-summary-reflection">
                        <h3>{heading}</h3>
                        {entry_body(&e, project_title(&e.project_id))}
                    </section>
                }
            }).collect_view().into_any()
        }}
        <SignOff />
        <p class="nhsuk-body-s">{format!("Printed from the Commissioning Workbook on {}.", long_date(today))}</p>
        </div>
    }
}
