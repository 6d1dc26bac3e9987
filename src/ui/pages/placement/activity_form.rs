//! Logging an activity and changing a logged one: the one form both use.

use crate::ui::components::Title;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::parts::{placement_path, PlacementNotFound, PrivateNote};
use crate::model::capabilities::DOMAINS;
use crate::model::common::dates::{input_value, long_date, parse_optional_date};
use crate::model::common::validation::FieldError;
use crate::model::placement::activity::{
    ACTIVITY_DATE_FIELD, ACTIVITY_PROJECT_FIELD, ACTIVITY_TIME_FIELD, ACTIVITY_TYPE_FIELD,
    ACTIVITY_WHAT_FIELD, REFLECTION_SOURCE,
};
use crate::model::placement::{ActivityDraft, ActivityType, Effectiveness};
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{
    Checkbox, DeleteButton, ErrorSummary, Field, FieldKind, Radios, Select, StaleGuard, StaleNotice,
};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[derive(Clone, Copy)]
struct ActivityForm {
    date: RwSignal<String>,
    time_spent: RwSignal<String>,
    /// The type's key, or empty while not chosen.
    activity_type: RwSignal<String>,
    /// The project's id, or empty for none.
    project: RwSignal<String>,
    role: RwSignal<String>,
    what_done: RwSignal<String>,
    with_others: RwSignal<String>,
    effectiveness: RwSignal<Option<Effectiveness>>,
    keep: RwSignal<String>,
    improve: RwSignal<String>,
    stop: RwSignal<String>,
    learnt: RwSignal<String>,
    capabilities: RwSignal<Vec<String>>,
    in_summary: RwSignal<bool>,
}

impl ActivityForm {
    fn new(d: ActivityDraft) -> Self {
        let form = ActivityForm {
            date: RwSignal::new(String::new()),
            time_spent: RwSignal::new(String::new()),
            activity_type: RwSignal::new(String::new()),
            project: RwSignal::new(String::new()),
            role: RwSignal::new(String::new()),
            what_done: RwSignal::new(String::new()),
            with_others: RwSignal::new(String::new()),
            effectiveness: RwSignal::new(None),
            keep: RwSignal::new(String::new()),
            improve: RwSignal::new(String::new()),
            stop: RwSignal::new(String::new()),
            learnt: RwSignal::new(String::new()),
            capabilities: RwSignal::new(Vec::new()),
            in_summary: RwSignal::new(false),
        };
        form.fill(d);
        form
    }

    /// Shows `d` in the form, replacing what it held.
    fn fill(&self, d: ActivityDraft) {
        self.date.set(d.date);
        self.time_spent.set(d.time_spent);
        self.activity_type.set(
            d.activity_type
                .map(|t| t.key().to_string())
                .unwrap_or_default(),
        );
        self.project.set(d.project_id.unwrap_or_default());
        self.role.set(d.role);
        self.what_done.set(d.what_done);
        self.with_others.set(d.with_others);
        self.effectiveness.set(d.effectiveness);
        self.keep.set(d.keep);
        self.improve.set(d.improve);
        self.stop.set(d.stop);
        self.learnt.set(d.learnt_about_self);
        self.capabilities.set(d.capabilities);
        self.in_summary.set(d.in_summary);
    }

    fn draft(&self) -> ActivityDraft {
        let project = self.project.get_untracked();
        ActivityDraft {
            date: self.date.get_untracked(),
            time_spent: self.time_spent.get_untracked(),
            activity_type: ActivityType::from_key(&self.activity_type.get_untracked()),
            project_id: (!project.is_empty()).then_some(project),
            role: self.role.get_untracked(),
            what_done: self.what_done.get_untracked(),
            with_others: self.with_others.get_untracked(),
            effectiveness: self.effectiveness.get_untracked(),
            keep: self.keep.get_untracked(),
            improve: self.improve.get_untracked(),
            stop: self.stop.get_untracked(),
            learnt_about_self: self.learnt.get_untracked(),
            capabilities: self.capabilities.get_untracked(),
            in_summary: self.in_summary.get_untracked(),
        }
    }
}

#[component]
fn ActivityFields(
    placement_id: String,
    errors: RwSignal<Vec<FieldError>>,
    form: ActivityForm,
) -> impl IntoView {
    let store = use_store();
    let placement = store.select(move |w| {
        w.placement(&placement_id).map(|p| {
            let projects: Vec<(String, String)> = p
                .projects
                .iter()
                .map(|p| (p.id.clone(), p.title.to_string()))
                .collect();
            (p.start.zip(p.last_day()), projects)
        })
    });
    let project_options = Signal::derive(move || {
        let mut options = vec![(String::new(), "Not linked to a project".to_string())];
        options.extend(
            placement.with(|p| p.as_ref().map(|(_, list)| list.clone()).unwrap_or_default()),
        );
        options
    });
    let type_options = Signal::derive(|| {
        let mut options = vec![(String::new(), "Choose a type".to_string())];
        options.extend(
            ActivityType::ALL
                .iter()
                .map(|t| (t.key().to_string(), t.label().to_string())),
        );
        options
    });
    // A date outside the placement is allowed, but said at once.
    let outside_warning = move || {
        let date = parse_optional_date(&form.date.get()).ok().flatten()?;
        let (start, end) = placement.with(|p| p.as_ref().and_then(|(dates, _)| *dates))?;
        (date < start || date > end).then(|| format!(
            "This date is outside your placement ({} to {}). You can still save it: the entry will be marked as outside your placement dates.",
            long_date(start), long_date(end)
        ))
    };
    let effectiveness: Vec<(Effectiveness, &'static str, &'static str)> = Effectiveness::ALL
        .iter()
        .map(|e| (*e, e.key(), e.label()))
        .collect();
    view! {
        <Field id=ACTIVITY_DATE_FIELD label="Date of the activity" kind=FieldKind::Date
            width_class="nhsuk-input--width-10" errors=errors bind=form.date />
        {move || outside_warning().map(|text| view! {
            <div class="nhsuk-warning-callout" role="status">
                <h3 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Outside your placement dates"</span>
                </h3>
                <p>{text}</p>
            </div>
        })}
        <Field id=ACTIVITY_TIME_FIELD label="Time spent"
            hint="In hours and minutes, like 1:30, or in hours, like 1.5."
            width_class="nhsuk-input--width-5" errors=errors bind=form.time_spent />
        <Select id=ACTIVITY_TYPE_FIELD label="Type of activity" options=type_options bind=form.activity_type errors=errors />
        <Select id=ACTIVITY_PROJECT_FIELD label="Project (optional)" options=project_options bind=form.project errors=errors />
        <Field id="activity-role" label="Your role (optional)"
            hint="For example, chairing, presenting, observing or taking notes."
            bind=form.role />
        <Field id=ACTIVITY_WHAT_FIELD label="What did you do?" kind=FieldKind::TextArea rows=4 errors=errors bind=form.what_done />
        <Field id="activity-with-others" label="How did you work with others? (optional)"
            hint="Who was involved, and how you worked together."
            kind=FieldKind::TextArea rows=3 bind=form.with_others />
        <Radios legend="How effective was it? (optional)" name="activity-effectiveness" choices=effectiveness
            selected=form.effectiveness
            on_select=Callback::new(move |e| form.effectiveness.set(Some(e))) />
        <h2>"Reflection"</h2>
        <PrivateNote />
        <p class="nhsuk-body-s">{format!("The questions follow {REFLECTION_SOURCE}.")}</p>
        <Field id="activity-keep" label="What will you keep doing? (optional)" kind=FieldKind::TextArea rows=2 bind=form.keep />
        <Field id="activity-improve" label="What will you do better? (optional)" kind=FieldKind::TextArea rows=2 bind=form.improve />
        <Field id="activity-stop" label="What will you stop doing? (optional)" kind=FieldKind::TextArea rows=2 bind=form.stop />
        <Field id="activity-learnt" label="What did you learn about yourself? (optional)" kind=FieldKind::TextArea rows=3 bind=form.learnt />
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset" aria-describedby="activity-capabilities-hint">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                    <h2 class="nhsuk-fieldset__heading">"Leadership capabilities this evidences (optional)"</h2>
                </legend>
                <div class="nhsuk-hint" id="activity-capabilities-hint">
                    "The elements of the Medical Leadership Competency Framework, the same list your development plan uses. Select all that apply."
                </div>
                {DOMAINS.iter().map(|d| view! {
                    <h3 class="nhsuk-heading-xs nhsuk-u-margin-bottom-2">{d.title}</h3>
                    <div class="nhsuk-checkboxes nhsuk-u-margin-bottom-4">
                        {d.elements.iter().map(|e| {
                            let input = format!("activity-capability-{}", e.id);
                            let element = e.id.to_string();
                            let on = element.clone();
                            view! {
                                <div class="nhsuk-checkboxes__item">
                                    <input class="nhsuk-checkboxes__input" type="checkbox" id=input.clone()
                                        prop:checked=move || form.capabilities.with(|v| v.contains(&element))
                                        on:change=move |ev| {
                                            let checked = event_target_checked(&ev);
                                            form.capabilities.update(|v| { v.retain(|x| *x != on); if checked { v.push(on.clone()); } });
                                        } />
                                    <label class="nhsuk-label nhsuk-checkboxes__label" for=input>{e.title}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                }).collect_view()}
            </fieldset>
        </div>
        <Checkbox id="activity-in-summary" label="Include this entry in my end-of-placement summary"
            hint="Choose the reflections you want to show, for example to your educational supervisor."
            bind=form.in_summary />
    }
}

#[component]
pub fn NewActivity() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = crate::ui::routing::use_params_map();
    let id = Memo::new(move |_| params.read().get("placement").unwrap_or_default());
    let exists = store.select(move |w| w.placement(&id.get()).is_some());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = ActivityForm::new(ActivityDraft {
        date: input_value(browser::today()),
        ..Default::default()
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let placement = id.get_untracked();
        if saver.submit(Change::add(Some(&placement), form.draft()), errors) {
            navigate(
                &format!("{}/log", placement_path(&placement)),
                Default::default(),
            );
        }
    };
    view! {
        <Title text="Log an activity" />
        <Show when=move || exists.get() fallback=PlacementNotFound>
            <h1>"Log an activity"</h1>
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=save.clone()>
                <ActivityFields placement_id=id.get_untracked() errors form />
                <button type="submit" class="nhsuk-button">"Save entry"</button>
            </form>
            <p><A href=move || format!("{}/log", placement_path(&id.get()))>"Cancel"</A></p>
        </Show>
    }
}

#[component]
pub fn EditActivity() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = crate::ui::routing::use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let found = store.select(move |w| w.activity(&id.get()).map(|(_, e)| ActivityDraft::of(e)));
    // What the form opened on, as it was then (it stays on the page if the
    // entry is deleted meanwhile, so nothing typed is lost).
    let (placement, entry) =
        store
            .workbook
            .with_untracked(|w| match w.activity(&id.get_untracked()) {
                Some((pl, e)) => (pl.id.clone(), Some(e.clone())),
                None => (String::new(), None),
            });
    // The project is shown by its title, as the project list shows it now.
    let shown = move |d: &ActivityDraft| {
        store.workbook.with_untracked(|w| {
            d.shown(|project| w.project(project).map(|(_, p)| p.title.to_string()))
        })
    };
    // Filled once from the entry; what the user types is theirs after that.
    // Saving checks the entry has not changed since the form opened.
    let guard = StaleGuard::new(found.into(), shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = ActivityForm::new(guard.opened().unwrap_or_default());
    let log = format!("{}/log", placement_path(&placement));
    let save = {
        let log = log.clone();
        Callback::new(move |()| {
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
                navigate(&log, Default::default());
            }
        })
    };
    let delete = {
        let log = log.clone();
        Callback::new(move |()| {
            if saver.act(Change::Delete {
                kind: RecordKind::Activity,
                id: id.get_untracked(),
            }) {
                navigate(&log, Default::default());
            }
        })
    };
    let written = entry
        .as_ref()
        .map(|e| format!("Written {}", browser::local_date_time(e.created_at)));
    let what = entry
        .map(|e| {
            format!(
                "log entry of {} ({})",
                long_date(e.date),
                e.activity_type.label().to_lowercase()
            )
        })
        .unwrap_or_default();
    view! {
        <Title text="Change a log entry" />
        <Show when=move || guard.was_found() fallback=|| view! {
            <h1>"Log entry not found"</h1>
            <p>"This entry is not in your placement log. It may have been deleted."</p>
            <p><A href="/placement-log">"Go to your placement log"</A></p>
        }>
            <h1>"Change a log entry"</h1>
            <p class="nhsuk-body-s">{written.clone()}". The date it was written stays as it is when you change it."</p>
            <StaleNotice guard what="log entry" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <ActivityFields placement_id=placement.clone() errors form />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=log.clone()>"Cancel"</A></p>
            <h2>"Delete this entry"</h2>
            <DeleteButton what=what.clone() on_confirm=delete />
        </Show>
    }
}
