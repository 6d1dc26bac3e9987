//! The one control for choosing a file to read in (a backup to restore, a
//! partner's assessment). It reads the chosen file as text, hands it on, and
//! clears itself so the same file can be chosen again after fixing a problem.

use leptos::prelude::*;

use crate::ui::browser;

/// A chosen file: its name and its text.
#[derive(Clone, Debug)]
pub struct ChosenFile {
    pub name: String,
    pub text: String,
}

#[component]
pub fn FileImport(
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    /// Called with the file once it has been read.
    on_file: Callback<ChosenFile>,
    /// Called with a message when the file could not be read at all.
    on_error: Callback<String>,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let chosen = move |_| {
        let Some(element) = input.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let read = browser::read_chosen_file(&element).await;
            element.set_value("");
            match read {
                Some(Ok((name, text))) => on_file.run(ChosenFile { name, text }),
                Some(Err(message)) => on_error.run(message),
                None => {}
            }
        });
    };
    view! {
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for=id>{label}</label>
            {hint.map(|hint| view! { <div class="nhsuk-hint" id=hint_id.clone()>{hint}</div> })}
            <input
                class="nhsuk-file-upload"
                id=id
                type="file"
                accept=".json,application/json"
                aria-describedby=hint_id.clone()
                node_ref=input
                on:change=chosen
            />
        </div>
    }
}
