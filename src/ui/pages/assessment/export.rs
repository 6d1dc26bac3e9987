//! Exporting one assessment for a partner: shows what the file will contain,
//! lets the user leave their evidence notes out (the default), and says how to
//! share it safely before the download.

use crate::ui::components::Title;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::{own_assessment, param, AssessmentNotFound};
use crate::model::assessment::Assessment;
use crate::model::files::assessment_file::{
    assessment_file_name, assessment_to_json_with, export_contents, ExportOptions,
};
use crate::model::workbook::free_text::assessment_texts;
use crate::ui::browser;
use crate::ui::components::{Checkbox, IdentifierList};

#[component]
pub fn ExportAssessment() -> impl IntoView {
    let assessment = own_assessment(param("id"));
    move || match assessment.get() {
        Some(a) => view! { <ExportChoices assessment=a /> }.into_any(),
        None => view! { <Title text="Assessment not found" /> <AssessmentNotFound /> }.into_any(),
    }
}

#[component]
fn ExportChoices(assessment: Assessment) -> impl IntoView {
    let include_notes = RwSignal::new(false);
    let downloaded = RwSignal::new(None::<String>);
    let title = assessment.title();
    let file_name = assessment_file_name(&assessment);
    let contents = {
        let assessment = assessment.clone();
        move || {
            let options = ExportOptions {
                include_notes: include_notes.get(),
            };
            export_contents(&assessment, options).lines(&assessment)
        }
    };
    // The free text the file will hold: the notes only when they go with it.
    let identifier_texts = {
        let assessment = assessment.clone();
        Signal::derive(move || assessment_texts(&assessment, include_notes.get()))
    };
    let has_notes = export_contents(&assessment, ExportOptions::default()).with_notes > 0;
    let download = {
        let file_name = file_name.clone();
        move |_| {
            let options = ExportOptions {
                include_notes: include_notes.get_untracked(),
            };
            let text = assessment_to_json_with(&assessment, options);
            downloaded.set(Some(
                match browser::download_text(&file_name, &text, "application/json") {
                    Ok(()) => format!("Your file is downloading as {file_name}."),
                    Err(reason) => reason,
                },
            ));
        }
    };
    view! {
        <Title text="Export for your partner" />
        <span class="nhsuk-caption-l">{title}</span>
        <h1>"Export for your partner"</h1>
        <p>"This makes a file of this assessment for your partner to import into their own workbook and compare with theirs."</p>
        <h2>"What the file will contain"</h2>
        <ul class="nhsuk-list nhsuk-list--bullet" aria-label="What the file will contain">
            {move || contents().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
        {has_notes.then(|| view! {
            <Checkbox id="export-include-notes" label="Include my evidence notes"
                hint="Your notes may name people or say things meant only for you. They are left out unless you tick this."
                bind=include_notes />
        })}
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <h2 class="nhsuk-heading-s">"How to share it safely"</h2>
            <p>
                "The file holds your views of the partnership. Send it only to your partner, by NHSmail or another route your organisation approves for work information. Do not put it on a shared drive or a public site, and delete the copy from your downloads when you no longer need it."
            </p>
        </div>
        <IdentifierList texts=identifier_texts what="download the file" />
        <button type="button" class="nhsuk-button" on:click=download>"Download the file"</button>
        {move || downloaded.get().map(|m| view! { <p role="status">{m}</p> })}
        <p><A href="/self-assessment">"Back to your self-assessments"</A></p>
    }
}
