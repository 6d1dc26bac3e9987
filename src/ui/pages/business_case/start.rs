//! Starting a business case: its title and who is writing it, for a
//! placement project or a plan goal (when the page was opened from one,
//! `?project=` or `?goal=`) or on its own. It starts with a "do nothing"
//! option; the rest is filled in on its page.

use leptos::prelude::*;

use super::parts::{case_path, CASES_PATH};
use crate::model::business_case::records::{PREPARED_BY_FIELD, TITLE_FIELD};
use crate::model::business_case::{BusinessCaseDraft, CaseLink, LinkKind};
use crate::model::common::validation::FieldError;
use crate::model::Change;
use crate::ui::components::{ErrorSummary, Field, Title};
use crate::ui::routing::{hash_query, use_navigate, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

#[component]
pub fn StartCase() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    // What the case is for, from the page it was started on.
    let link = store.workbook.with_untracked(|w| {
        hash_query()
            .into_iter()
            .find_map(|(name, id)| match name.as_str() {
                "project" => w.project(&id).map(|(_, p)| CaseLink {
                    kind: LinkKind::Project,
                    id: p.id.clone(),
                    title: p.title.clone(),
                }),
                "goal" => w.goal(&id).map(|(_, g)| CaseLink {
                    kind: LinkKind::Goal,
                    id: g.id.clone(),
                    title: g.title.clone(),
                }),
                _ => None,
            })
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let title = RwSignal::new(
        link.as_ref()
            .map(|l| l.title.to_string())
            .unwrap_or_default(),
    );
    let prepared_by = RwSignal::new(String::new());
    let described = link.as_ref().map(CaseLink::describe);
    let back = match &link {
        Some(CaseLink {
            kind: LinkKind::Project,
            id,
            ..
        }) => format!("/placement-log/projects/{id}"),
        Some(CaseLink {
            kind: LinkKind::Goal,
            id,
            ..
        }) => format!("/development-plan/goals/{id}"),
        None => CASES_PATH.to_string(),
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = Change::add(
            None,
            BusinessCaseDraft {
                title: title.get_untracked(),
                prepared_by: prepared_by.get_untracked(),
                linked: link.clone(),
                ..Default::default()
            },
        );
        let Change::Add { id, .. } = &change else {
            return;
        };
        let id = id.clone();
        if saver.submit(change, errors) {
            navigate(&case_path(&id), Default::default());
        }
    };
    view! {
        <Title text="Start a business case" />
        <h1>"Start a business case"</h1>
        {described.map(|d| view! {
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>{format!("This business case is for {d}. Its page will link back to it.")}</p>
            </div>
        })}
        <p>
            "Give it a title now. It starts with a \"do nothing\" option to compare the others with; you then add \
             the problem, the options and their figures, risks and milestones on its page, in any order."
        </p>
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=save>
            <Field id=TITLE_FIELD label="Title"
                hint="What the scheme is, for example: Community diabetes clinic in two practices."
                errors=errors bind=title />
            <Field id=PREPARED_BY_FIELD label="Prepared by (optional)"
                hint="Your name and role, as the committee will read it."
                errors=errors bind=prepared_by />
            <button type="submit" class="nhsuk-button">"Start the business case"</button>
        </form>
        <p><A href=back>"Cancel"</A></p>
    }
}
