//! The one control for choosing a file to read in (a backup to restore, a
//! partner's assessment). It reads the chosen file as text and hands it on.
//!
//! Once read, the file stays chosen, so the control names the file that was
//! just imported instead of saying "No file chosen" beside the message that it
//! was imported (which read as if nothing had happened). It is cleared as the
//! file picker opens instead, so the same file can still be chosen again after
//! fixing a problem (a browser sends no change for a file already chosen).

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
                on:click=move |_| {
                    if let Some(element) = input.get_untracked() {
                        element.set_value("");
                    }
                }
                on:change=chosen
            />
        </div>
    }
}
