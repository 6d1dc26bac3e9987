//! A placement's projects: the project form (adding and changing), a project's
//! page with its milestones to tick off, and changing a milestone.

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::parts::{placement_path, project_status_tag};
use crate::model::common::dates::long_date;
use crate::model::common::validation::FieldError;
use crate::model::placement::projects::{
    MILESTONE_DONE_FIELD, MILESTONE_PLANNED_FIELD, MILESTONE_TICKED_FIELD, MILESTONE_TITLE_FIELD,
    PROJECT_TITLE_FIELD,
};
use crate::model::placement::{Milestone, MilestoneDraft, Project, ProjectDraft, ProjectStatus};
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{
    summary_row, DeleteButton, ErrorSummary, Field, FieldKind, Radios, StaleGuard, StaleNotice,
};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[derive(Clone, Copy)]
pub struct ProjectForm {
    title: RwSignal<String>,
    aim: RwSignal<String>,
    clinical_area: RwSignal<String>,
    stakeholders: RwSignal<String>,
    status: RwSignal<ProjectStatus>,
    outcome: RwSignal<String>,
}

impl ProjectForm {
    pub fn new(draft: ProjectDraft) -> Self {
        ProjectForm {
            title: RwSignal::new(draft.title),
            aim: RwSignal::new(draft.aim),
            clinical_area: RwSignal::new(draft.clinical_area),
            stakeholders: RwSignal::new(draft.stakeholders),
            status: RwSignal::new(draft.status),
            outcome: RwSignal::new(draft.outcome),
        }
    }

    pub fn draft(&self) -> ProjectDraft {
        ProjectDraft {
            title: self.title.get_untracked(),
            aim: self.aim.get_untracked(),
            clinical_area: self.clinical_area.get_untracked(),
            stakeholders: self.stakeholders.get_untracked(),
            status: self.status.get_untracked(),
            outcome: self.outcome.get_untracked(),
        }
    }

    pub fn clear(&self) {
        self.fill(ProjectDraft::default());
    }

    /// Shows `draft` in the form, replacing what it held.
    pub fn fill(&self, draft: ProjectDraft) {
        self.title.set(draft.title);
        self.aim.set(draft.aim);
        self.clinical_area.set(draft.clinical_area);
        self.stakeholders.set(draft.stakeholders);
        self.status.set(draft.status);
        self.outcome.set(draft.outcome);
    }
}

#[component]
pub fn ProjectFields(errors: RwSignal<Vec<FieldError>>, form: ProjectForm) -> impl IntoView {
    let choices: Vec<(ProjectStatus, &'static str, &'static str)> = ProjectStatus::ALL
        .iter()
        .map(|s| (*s, s.key(), s.label()))
        .collect();
    view! {
        <Field id=PROJECT_TITLE_FIELD label="Project title"
            hint="For example, redesigning the tuberculosis pathway, a workshop on sleep apnoea, or a business case."
            errors=errors bind=form.title />
        <Field id="project-aim" label="Aim (optional)" kind=FieldKind::TextArea rows=2 bind=form.aim />
        <Field id="project-clinical-area" label="Clinical area (optional)" bind=form.clinical_area />
        <Field id="project-stakeholders" label="Stakeholders (optional)"
            hint="Who has a stake in it: practices, the hospital, community services, patients' groups."
            kind=FieldKind::TextArea rows=2 bind=form.stakeholders />
        <Radios legend="Project status" name="project-status" choices
            selected=Signal::derive(move || Some(form.status.get()))
            on_select=Callback::new(move |s| form.status.set(s)) inline=true />
        <Field id="project-outcome" label="Outcome (optional)"
            hint="What came of it: for your end-of-placement summary."
            kind=FieldKind::TextArea rows=2 bind=form.outcome />
    }
}

#[component]
fn ProjectNotFound() -> impl IntoView {
    view! {
        <Title text="Project not found" />
        <h1>"Project not found"</h1>
        <p>"This project is not in your placement log. It may have been deleted."</p>
        <p><A href="/placement-log">"Go to your placement log"</A></p>
    }
}

#[component]
pub fn ProjectPage() -> impl IntoView {
    let store = use_store();
    let params = crate::ui::routing::use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let project = store.select(move |w| {
        w.project(&id.get())
            .map(|(pl, p)| (pl.id.clone(), p.clone()))
    });
    view! {
        <Show when=move || project.with(Option::is_some) fallback=ProjectNotFound>
            <ProjectView id project />
        </Show>
    }
}

#[component]
fn ProjectView(id: Memo<String>, project: Memo<Option<(String, Project)>>) -> impl IntoView {
    let title = move || {
        project.with(|p| {
            p.as_ref()
                .map(|(_, p)| p.title.to_string())
                .unwrap_or_default()
        })
    };
    let placement =
        move || project.with(|p| p.as_ref().map(|(pl, _)| pl.clone()).unwrap_or_default());
    view! {
        <Title text=move || format!("Project: {}", title()) />
        <span class="nhsuk-caption-l">"Placement project"</span>
        <h1>{title}</h1>
        {move || project.get().map(|(_, p)| view! {
            <p>{project_status_tag(p.status)}</p>
            <dl class="nhsuk-summary-list">
                {summary_row("Aim", p.aim.to_string())}
                {summary_row("Clinical area", p.clinical_area.to_string())}
                {summary_row("Stakeholders", p.stakeholders.to_string())}
                {summary_row("Outcome", p.outcome.to_string())}
            </dl>
        })}
        <p>
            <A href=move || format!("/placement-log/projects/{}/edit", id.get())>"Change this project"</A>
            " · "
            <A href=move || placement_path(&placement())>"Back to your placement"</A>
        </p>
        <Milestones id project />
        <crate::ui::pages::business_case::CasesFor kind=crate::model::business_case::LinkKind::Project id />
    }
}

#[component]
fn Milestones(id: Memo<String>, project: Memo<Option<(String, Project)>>) -> impl IntoView {
    let saver = use_saver();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let title = RwSignal::new(String::new());
    let planned = RwSignal::new(String::new());
    // The milestone being ticked off, while its date is asked for.
    let ticking = RwSignal::new(None::<String>);
    let ids = Memo::new(move |_| {
        project.with(|p| {
            p.as_ref()
                .map(|(_, p)| {
                    p.milestones
                        .iter()
                        .map(|m| m.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = MilestoneDraft {
            title: title.get_untracked(),
            planned: planned.get_untracked(),
            done: String::new(),
        };
        if saver.submit(Change::add(Some(&id.get_untracked()), draft), errors) {
            title.set(String::new());
            planned.set(String::new());
        }
    };
    view! {
        <h2>"Milestones"</h2>
        <Show when=move || !ids.with(Vec::is_empty) fallback=|| view! { <p>"No milestones yet. Add the dated steps of the project."</p> }>
            <ul class="nhsuk-list" aria-label="Milestones">
                <For each=move || ids.get() key=|m| m.clone() let:milestone_id>
                    <MilestoneRow project milestone_id ticking />
                </For>
            </ul>
        </Show>
        <h3>"Add a milestone"</h3>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=add>
            <Field id=MILESTONE_TITLE_FIELD label="Milestone" hint="For example, the new pathway agreed by the programme board."
                errors=errors bind=title />
            <Field id=MILESTONE_PLANNED_FIELD label="Planned date" kind=FieldKind::Date
                width_class="nhsuk-input--width-10" errors=errors bind=planned />
            <button type="submit" class="nhsuk-button nhsuk-button--secondary">"Add milestone"</button>
        </form>
    }
}

/// One milestone: a checkbox to tick it off, its dates, change and delete.
/// Ticking asks when it was done (today unless the user says otherwise) and
/// records that day once they press "Mark as done"; `ticking` is the one
/// milestone of the list being asked about.
#[component]
fn MilestoneRow(
    project: Memo<Option<(String, Project)>>,
    milestone_id: String,
    ticking: RwSignal<Option<String>>,
) -> impl IntoView {
    let saver = use_saver();
    let id = milestone_id.clone();
    let milestone = Memo::new(move |_| {
        project.with(|p| {
            p.as_ref()
                .and_then(|(_, p)| p.milestones.iter().find(|m| m.id == id).cloned())
        })
    });
    let today = browser::today();
    let asking = {
        let id = milestone_id.clone();
        Memo::new(move |_| ticking.with(|t| t.as_deref() == Some(id.as_str())))
    };
    let day = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let mark_done = {
        let id = milestone_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let change = Change::SetMilestoneDone {
                id: id.clone(),
                done: Some(day.get_untracked()),
            };
            if saver.submit(change, errors) {
                ticking.set(None);
            }
        }
    };
    let reveal_id = format!("milestone-when-{milestone_id}");
    let row = {
        let reveal_id = reveal_id.clone();
        move || {
            milestone.get().map(|m: Milestone| {
            let input = format!("milestone-done-{}", m.id);
            let id = m.id.clone();
            let done = m.done_on.is_some();
            let remove = {
                let id = m.id.clone();
                Callback::new(move |()| {
                    saver.act(Change::Delete { kind: RecordKind::Milestone, id: id.clone() });
                })
            };
            let when = match m.done_on {
                Some(done) => format!("Planned for {} · done {}", long_date(m.planned), long_date(done)),
                None => format!("Planned for {}", long_date(m.planned)),
            };
            let reveal_id = reveal_id.clone();
            view! {
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" type="checkbox" id=input.clone()
                        prop:checked=move || done || asking.get()
                        aria-controls=(!done).then(|| reveal_id.clone())
                        aria-expanded=move || (!done).then(|| asking.get().to_string())
                        on:change=move |ev| {
                            if event_target_checked(&ev) {
                                // Ask when it was done, today unless they say otherwise.
                                day.set(crate::model::common::dates::input_value(today));
                                errors.set(Vec::new());
                                ticking.set(Some(id.clone()));
                            } else if done {
                                saver.act(Change::SetMilestoneDone { id: id.clone(), done: None });
                            } else {
                                ticking.set(None);
                            }
                        } />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=input>{m.title.to_string()}</label>
                </div>
                <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
                    {when}
                    {m.is_overdue(today).then(|| view! { " " <strong class="nhsuk-tag nhsuk-tag--red">"Overdue"</strong> })}
                </p>
                <div class="app-actions nhsuk-body-s">
                    <A href=format!("/placement-log/milestones/{}", m.id) attr:aria-label=format!("Change milestone: {}", m.title)>"Change"</A>
                    <DeleteButton what=format!("milestone: {}", m.title) on_confirm=remove compact=true />
                </div>
            }
        })
        }
    };
    let title =
        move || milestone.with(|m| m.as_ref().map(|m| m.title.to_string()).unwrap_or_default());
    view! {
        <li class="app-action app-milestone">
            {row}
            <Show when=move || asking.get()>
                <form novalidate class="nhsuk-checkboxes__conditional app-milestone-when" id=reveal_id.clone() on:submit=mark_done.clone()>
                    <Field id=MILESTONE_TICKED_FIELD label="Date it was done" kind=FieldKind::Date
                        hint="Today, unless it was done on another day. For example, 31 3 2027"
                        width_class="nhsuk-input--width-10" errors=errors bind=day />
                    <div class="app-actions">
                        <button type="submit" class="nhsuk-button nhsuk-button--small nhsuk-u-margin-bottom-0"
                            aria-label=move || format!("Mark as done: {}", title())>
                            "Mark as done"
                        </button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                            aria-label=move || format!("Cancel marking as done: {}", title())
                            on:click=move |_| ticking.set(None)>
                            "Cancel"
                        </button>
                    </div>
                </form>
            </Show>
        </li>
    }
}

#[component]
pub fn EditProject() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = crate::ui::routing::use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let project = store.select(move |w| w.project(&id.get()).map(|(_, p)| ProjectDraft::of(p)));
    // Filled once from the project; what the user types is theirs after that.
    // Saving checks the project has not changed since the form opened.
    let guard = StaleGuard::new(project.into(), ProjectDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = ProjectForm::new(guard.opened().unwrap_or_default());
    let save = Callback::new(move |()| {
        let draft = form.draft();
        if guard.may_save(&draft)
            && saver.submit(
                Change::Update {
                    id: id.get_untracked(),
                    draft: draft.into(),
                },
                errors,
            )
        {
            navigate(
                &format!("/placement-log/projects/{}", id.get_untracked()),
                Default::default(),
            );
        }
    });
    let placement = store.workbook.with_untracked(|w| {
        w.project(&id.get_untracked())
            .map(|(pl, _)| pl.id.clone())
            .unwrap_or_default()
    });
    let delete = Callback::new(move |()| {
        if saver.act(Change::Delete {
            kind: RecordKind::Project,
            id: id.get_untracked(),
        }) {
            navigate(&placement_path(&placement), Default::default());
        }
    });
    let title = guard.opened().map(|p| p.title).unwrap_or_default();
    view! {
        <Title text="Change a project" />
        <Show when=move || guard.was_found() fallback=ProjectNotFound>
            <h1>"Change a project"</h1>
            <StaleNotice guard what="project" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <ProjectFields errors form />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=move || format!("/placement-log/projects/{}", id.get())>"Cancel"</A></p>
            <h2>"Delete this project"</h2>
            <p>"Deleting removes the project and its milestones. Log entries linked to it stay in your log. You can undo it straight after."</p>
            <DeleteButton what=format!("project: {title}") on_confirm=delete />
        </Show>
    }
}

#[component]
pub fn EditMilestone() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = crate::ui::routing::use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let found = store.select(move |w| {
        w.milestone(&id.get())
            .map(|(_, _, m)| MilestoneDraft::of(m))
    });
    // Saving checks the milestone has not changed since the form opened.
    let guard = StaleGuard::new(found.into(), MilestoneDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let draft = guard.opened().unwrap_or_default();
    let (title, planned, done) = (
        RwSignal::new(draft.title),
        RwSignal::new(draft.planned),
        RwSignal::new(draft.done),
    );
    // Its project, as the form opened (the way back, even if it is deleted since).
    let project = store.workbook.with_untracked(|w| {
        w.milestone(&id.get_untracked())
            .map(|(_, p, _)| p.id.clone())
            .unwrap_or_default()
    });
    let back = format!("/placement-log/projects/{project}");
    let save = {
        let back = back.clone();
        Callback::new(move |()| {
            let draft = MilestoneDraft {
                title: title.get_untracked(),
                planned: planned.get_untracked(),
                done: done.get_untracked(),
            };
            if guard.may_save(&draft)
                && saver.submit(
                    Change::Update {
                        id: id.get_untracked(),
                        draft: draft.into(),
                    },
                    errors,
                )
            {
                navigate(&back, Default::default());
            }
        })
    };
    let fill = Callback::new(move |latest: MilestoneDraft| {
        title.set(latest.title);
        planned.set(latest.planned);
        done.set(latest.done);
    });
    view! {
        <Title text="Change a milestone" />
        <Show when=move || guard.was_found() fallback=|| view! {
            <h1>"Milestone not found"</h1>
            <p>"This milestone is not in your placement log. It may have been deleted."</p>
            <p><A href="/placement-log">"Go to your placement log"</A></p>
        }>
            <h1>"Change a milestone"</h1>
            <StaleNotice guard what="milestone" save fill />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <Field id=MILESTONE_TITLE_FIELD label="Milestone" errors=errors bind=title />
                <Field id=MILESTONE_PLANNED_FIELD label="Planned date" kind=FieldKind::Date
                    width_class="nhsuk-input--width-10" errors=errors bind=planned />
                <Field id=MILESTONE_DONE_FIELD label="Date it was done (optional)" hint="Leave this empty while it is still to do."
                    kind=FieldKind::Date width_class="nhsuk-input--width-10" errors=errors bind=done />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=back.clone()>"Cancel"</A></p>
        </Show>
    }
}
