use crate::ui::components::Title;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::assessment::resume_path;
use crate::model::assessment::scoring;
use crate::ui::store::use_store;

#[component]
pub fn Home() -> impl IntoView {
    let store = use_store();
    let summary = Memo::new(move |_| store.workbook.with(|w| w.summary()));
    // (where it resumes, title, how far through) for each unfinished assessment.
    let unfinished = store.select(|w| {
        scoring::unfinished(&w.assessments)
            .into_iter()
            .map(|a| {
                let p = scoring::progress(a);
                (
                    resume_path(a),
                    a.title(),
                    format!(" ({} of {} statements answered)", p.answered, p.total),
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Title text="Home" />
        <h1>"Commissioning Workbook"</h1>
        <p class="nhsuk-lede-text">
            "A private workbook for clinicians and managers working together in clinical commissioning."
        </p>
        <Show when=move || !unfinished.with(Vec::is_empty)>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <ul class="nhsuk-list nhsuk-u-margin-bottom-0" aria-label="Unfinished assessments">
                    {move || unfinished.get().into_iter().map(|(href, title, progress)| view! {
                        <li>
                            <A href=href>{format!("Continue your assessment: {title}")}</A>
                            {progress}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
        <p>"Use it to:"</p>
        <ul>
            <li>
                <A href="/self-assessment">"assess how ready your commissioning partnership is"</A>
                ", compare your view with your partner's and track it over time"
            </li>
            <li>
                <A href="/development-plan">"keep a leadership development plan"</A>
                ": goals, actions, support, evidence and reviews"
            </li>
            <li>
                <A href="/placement-log">"keep a placement log"</A>
                " if you are a GP trainee on a commissioning placement: projects, dated activity with reflections, and an end-of-placement summary"
            </li>
            <li>
                <A href="/group">"see where your commissioning group stands"</A>
                " from its members' self-assessment files, and record the levels agreed in its workshop"
            </li>
            <li>
                <A href="/support-agreement">"write a support agreement"</A>
                " between your commissioning group and its commissioning organisation, and record whether it is kept"
            </li>
            <li>
                <A href="/business-case">"make a business case"</A>
                " for a new or changed service, with its options' costs and savings over time"
            </li>
        </ul>
        <h2>"What is saved"</h2>
        <p>
            "Everything you enter is saved automatically in this browser, on this device. Nothing is sent anywhere."
        </p>
        <p>"Your workbook holds:"</p>
        <ul class="nhsuk-list nhsuk-list--bullet" aria-label="Workbook contents">
            {move || summary.get().lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
        <p>
            "To move your workbook to another browser or keep a copy, "
            <A href="/your-data">"download a backup"</A>
            "."
        </p>
    }
}
