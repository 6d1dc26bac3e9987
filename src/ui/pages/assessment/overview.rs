use crate::ui::components::Title;
use leptos::prelude::*;

use crate::ui::components::DataTable;
use crate::ui::routing::use_navigate;
use crate::ui::routing::A;

use super::ImportPartner;
use crate::model::assessment::framework::{self, DOMAINS};
use crate::model::assessment::scoring;
use crate::model::assessment::Assessment;
use crate::ui::store::use_store;

/// Where "Continue" takes the user: the domain of the first unanswered
/// statement, so an assessment resumes where it was left.
pub fn resume_path(assessment: &Assessment) -> String {
    let domain = scoring::resume_domain(assessment);
    format!("/self-assessment/{}/domain/{domain}", assessment.id)
}

#[component]
pub fn Overview() -> impl IntoView {
    let store = use_store();
    let assessments = Memo::new(move |_| store.workbook.with(|w| w.assessments.clone()));

    view! {
        <Title text="Self-assessment" />
        <h1>"Partnership readiness self-assessment"</h1>
        <p>
            "Assess how ready your commissioning partnership between clinicians and managers is: power and influence, shared aims, leadership, support, time and resources, trust, structures and delivering change. See where it is strong and weak, repeat it over time, and compare your view with your partner's."
        </p>
        <p>{format!("There are {} statements in {} areas. It is saved as you go, so you can stop and come back.", framework::statement_count(), DOMAINS.len())}</p>
        <A href="/self-assessment/new" attr:class="nhsuk-button">"Start a new assessment"</A>

        <h2>"Your assessments"</h2>
        <Show when=move || !assessments.with(Vec::is_empty) fallback=|| view! { <p>"You have not started an assessment yet."</p> }>
            // The heading above says "Your assessments"; the caption only names the table.
            <DataTable caption="Your assessments" caption_hidden=true headers=vec!["Assessment".into(), "Progress".into(), "Overall score".into(), "Actions".into()]>
                    <For each=move || assessments.get() key=|a| (a.id.clone(), a.updated_at) children=move |a| {
                        let progress = scoring::progress(&a);
                        let title = a.title();
                        view! {
                            <tr>
                                <td>{title.clone()}</td>
                                <td>{format!("{} of {} answered", progress.answered, progress.total)}</td>
                                <td>{scoring::percent_label(scoring::overall_percent(&a))}</td>
                                <td>
                                    <ul class="nhsuk-list nhsuk-u-margin-bottom-0 app-table-links">
                                        {
                                            // The accessible name starts with the visible words.
                                            let action = if progress.is_complete() { "Review answers" } else { "Continue" };
                                            view! { <li><A href=resume_path(&a) attr:aria-label=format!("{action}: {title}")>{action}</A></li> }
                                        }
                                        <li><A href=format!("/self-assessment/{}/results", a.id) attr:aria-label=format!("Results: {title}")>"Results"</A></li>
                                        <li><A href=format!("/self-assessment/{}/details", a.id) attr:aria-label=format!("Change details: {title}")>"Change details"</A></li>
                                        <li><A href=format!("/self-assessment/{}/export", a.id) attr:aria-label=format!("Export for your partner: {title}")>"Export for your partner"</A></li>
                                    </ul>
                                </td>
                            </tr>
                        }
                    } />
                </DataTable>
        </Show>

        <Show when=move || assessments.with(|a| a.len() >= 2)>
            <OverTimeChooser assessments=assessments />
        </Show>

        <ImportPartner />
    }
}

/// Picks two of the user's assessments to see the change per area. They are
/// listed by date; the two latest are offered first, and the page shows the
/// earlier one first whichever way round they are chosen.
#[component]
fn OverTimeChooser(assessments: Memo<Vec<Assessment>>) -> impl IntoView {
    let navigate = use_navigate();
    let earlier = NodeRef::<leptos::html::Select>::new();
    let later = NodeRef::<leptos::html::Select>::new();
    let same = RwSignal::new(false);
    let options = move |want_later: bool| {
        assessments.with(|list| {
            let default = scoring::default_over_time_pair(list);
            scoring::by_date(list)
                .into_iter()
                .map(|a| {
                    let selected = default.as_ref().is_some_and(|(e, l)| {
                        if want_later {
                            *l == a.id
                        } else {
                            *e == a.id
                        }
                    });
                    let p = scoring::progress(a);
                    let label = if p.is_complete() {
                        a.title()
                    } else {
                        format!("{} ({} of {} answered)", a.title(), p.answered, p.total)
                    };
                    view! { <option value=a.id.clone() selected=selected>{label}</option> }
                })
                .collect_view()
        })
    };
    let compare = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let (Some(e), Some(l)) = (earlier.get(), later.get()) {
            if e.value() == l.value() {
                same.set(true);
                return;
            }
            same.set(false);
            navigate(
                &format!("/self-assessment/over-time/{}/{}", e.value(), l.value()),
                Default::default(),
            );
        }
    };
    view! {
        <h2>"Change over time"</h2>
        <p>"Compare two of your assessments to see how each area has changed. They are shown in date order, earlier first."</p>
        <form novalidate on:submit=compare>
            <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || same.get()>
                <label class="nhsuk-label" for="over-time-earlier">"Earlier assessment"</label>
                {move || same.get().then(|| view! {
                    <span class="nhsuk-error-message" id="over-time-error">
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>
                        "Choose two different assessments"
                    </span>
                })}
                <select class="nhsuk-select" id="over-time-earlier" node_ref=earlier>{move || options(false)}</select>
            </div>
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="over-time-later">"Later assessment"</label>
                <select class="nhsuk-select" id="over-time-later" node_ref=later>{move || options(true)}</select>
            </div>
            <button type="submit" class="nhsuk-button nhsuk-button--secondary">"Compare over time"</button>
        </form>
    }
}
