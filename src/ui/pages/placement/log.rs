//! The activity log: every entry, newest first, with filters by project, type
//! of activity, capability, words and dates, and the CSV download.

use crate::ui::components::Title;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::parts::{
    minutes_text, placement_path, CsvButton, EntryCard, PlacementNotFound, PrivateNote,
};
use crate::model::capabilities::{self, DOMAINS};
use crate::model::common::dates::parse_optional_date;
use crate::model::placement::{ActivityType, LogFilter, ProjectFilter};
use crate::ui::components::{Field, FieldKind, Select};
use crate::ui::store::use_store;

/// The value of the project filter that asks for entries with no project.
const NO_PROJECT: &str = "none";

#[derive(Clone, Copy)]
struct FilterForm {
    project: RwSignal<String>,
    activity_type: RwSignal<String>,
    capability: RwSignal<String>,
    text: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
}

impl FilterForm {
    /// The filters the address holds (`?words=zoe&type=meeting`), so a
    /// reload, a bookmark or Back from an entry shows the same entries.
    fn from_address() -> Self {
        let query = crate::ui::routing::hash_query();
        let get = |name: &str| {
            RwSignal::new(
                query
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default(),
            )
        };
        FilterForm {
            project: get("project"),
            activity_type: get("type"),
            capability: get("capability"),
            text: get("words"),
            from: get("from"),
            to: get("to"),
        }
    }

    /// The filters as the address keeps them, as typed.
    fn to_address(self) -> Vec<(&'static str, String)> {
        vec![
            ("words", self.text.get()),
            ("project", self.project.get()),
            ("type", self.activity_type.get()),
            ("capability", self.capability.get()),
            ("from", self.from.get()),
            ("to", self.to.get()),
        ]
    }

    /// The filter as chosen; a date not yet typed in full filters nothing.
    fn filter(&self) -> LogFilter {
        let project = self.project.get();
        let capability = self.capability.get();
        LogFilter {
            project: match project.as_str() {
                "" => ProjectFilter::Any,
                NO_PROJECT => ProjectFilter::None,
                id => ProjectFilter::Project(id.to_string()),
            },
            activity_type: ActivityType::from_key(&self.activity_type.get()),
            capability: (!capability.is_empty()).then_some(capability),
            text: self.text.get(),
            from: parse_optional_date(&self.from.get()).ok().flatten(),
            to: parse_optional_date(&self.to.get()).ok().flatten(),
        }
    }

    fn clear(&self) {
        for s in [
            self.project,
            self.activity_type,
            self.capability,
            self.text,
            self.from,
            self.to,
        ] {
            s.set(String::new());
        }
    }
}

#[component]
pub fn ActivityLog() -> impl IntoView {
    let store = use_store();
    let params = crate::ui::routing::use_params_map();
    let id = Memo::new(move |_| params.read().get("placement").unwrap_or_default());
    let title = store.select(move |w| w.placement(&id.get()).map(|p| p.title()));
    let projects = store.select(move |w| {
        w.placement(&id.get())
            .map(|p| {
                p.projects
                    .iter()
                    .map(|p| (p.id.clone(), p.title.to_string()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let form = FilterForm::from_address();
    let filter = Memo::new(move |_| form.filter());
    // Every change to the filters is kept in the address, in place.
    let path = crate::ui::routing::current_path();
    Effect::new(move |_| {
        let pairs = form.to_address();
        crate::ui::routing::replace_hash_query(&path, &pairs);
    });
    // (ids shown newest first, with their places in the placement's entries;
    // minutes shown; entries in all): the list
    // re-renders when which entries match changes; each card when its entry does.
    let shown = store.select(move |w| {
        let filter = filter.get();
        w.placement(&id.get())
            .map(|p| {
                let matching: Vec<_> = p
                    .entries
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, e)| filter.matches(e))
                    .collect();
                let minutes: u64 = matching.iter().map(|(_, e)| e.minutes as u64).sum();
                (
                    // Each with where it is, for its card to find it there.
                    matching
                        .iter()
                        .map(|(at, e)| (e.id.clone(), *at))
                        .collect::<Vec<_>>(),
                    minutes,
                    p.entries.len(),
                )
            })
            .unwrap_or_default()
    });
    let project_options = Signal::derive(move || {
        let mut options = vec![
            (String::new(), "All projects".to_string()),
            (
                NO_PROJECT.to_string(),
                "Not linked to a project".to_string(),
            ),
        ];
        options.extend(projects.get());
        options
    });
    let type_options = Signal::derive(|| {
        let mut options = vec![(String::new(), "All types".to_string())];
        options.extend(
            ActivityType::ALL
                .iter()
                .map(|t| (t.key().to_string(), t.label().to_string())),
        );
        options
    });
    let capability_options = Signal::derive(|| {
        let mut options = vec![(String::new(), "All capabilities".to_string())];
        options.extend(DOMAINS.iter().flat_map(|d| d.elements.iter()).map(|e| {
            (
                e.id.to_string(),
                capabilities::label(e.id).unwrap_or_default(),
            )
        }));
        options
    });
    view! {
        <Title text="Your activity log" />
        <Show when=move || title.with(Option::is_some) fallback=PlacementNotFound>
            <span class="nhsuk-caption-l">{move || title.get()}</span>
            <h1>"Your activity log"</h1>
            <p>
                <A href=move || format!("{}/log/new", placement_path(&id.get())) attr:class="nhsuk-button">"Log an activity"</A>
                " "
                <CsvButton placement_id=Signal::derive(move || id.get()) />
            </p>
            <PrivateNote />
            <details class="nhsuk-details" open>
                <summary class="nhsuk-details__summary">
                    <span class="nhsuk-details__summary-text">"Filter and search"</span>
                </summary>
                <div class="nhsuk-details__text">
                    <form role="search" aria-label="Filter the log" on:submit=|ev| ev.prevent_default()>
                        <Field id="filter-text" label="Words to find" hint="In what you did, your role, working with others and your reflection."
                            bind=form.text />
                        <Select id="filter-project" label="Project" options=project_options bind=form.project />
                        <Select id="filter-type" label="Type of activity" options=type_options bind=form.activity_type />
                        <Select id="filter-capability" label="Leadership capability" options=capability_options bind=form.capability />
                        <Field id="filter-from" label="From" kind=FieldKind::Date width_class="nhsuk-input--width-10" bind=form.from />
                        <Field id="filter-to" label="To" kind=FieldKind::Date width_class="nhsuk-input--width-10" bind=form.to />
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| form.clear()>
                            "Clear filters"
                        </button>
                    </form>
                </div>
            </details>
            <p role="status" class="app-log-count">
                {move || {
                    let (ids, minutes, all) = shown.get();
                    if filter.with(LogFilter::is_empty) {
                        format!("{all} {} · {} in total", if all == 1 { "entry" } else { "entries" }, minutes_text(minutes))
                    } else {
                        format!("Showing {} of {all} entries · {}", ids.len(), minutes_text(minutes))
                    }
                }}
            </p>
            <Show when=move || !shown.with(|(ids, _, _)| ids.is_empty()) fallback=move || view! {
                <p>{move || if shown.with(|s| s.2 == 0) { "Nothing logged yet." } else { "No entries match these filters." }}</p>
            }>
                <ul class="nhsuk-list" aria-label="Log entries">
                    <For each=move || shown.get().0 key=|(id, _)| id.clone() let:((id, at))>
                        <EntryCard id at />
                    </For>
                </ul>
            </Show>
            <p><A href=move || placement_path(&id.get())>"Back to your placement"</A></p>
        </Show>
    }
}
