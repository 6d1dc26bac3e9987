//! Passphrase-protected backups on Your data (issue 25): downloading a backup
//! protected with a passphrase, and asking for the passphrase when a chosen
//! backup is protected, before it is restored or merged as any other.
//!
//! The passphrase lives only in the field's signal while it is typed: it is
//! taken out (the field cleared) as soon as the button is pressed, passed to
//! Web Crypto, and dropped. It is never written to storage or the address.

use leptos::prelude::*;

use crate::model::common::validation::FieldError;
use crate::model::files::encrypted;
use crate::ui::browser;
use crate::ui::components::{Checkbox, ChosenFile, ErrorSummary, Field, FieldKind};
use crate::ui::saver::use_saver;
use crate::ui::web_crypto;

const PASSPHRASE: &str = "backup-passphrase";
const CONFIRM: &str = "backup-passphrase-confirm";
const OPEN_PASSPHRASE: &str = "open-passphrase";

/// "Download backup", with the choice to protect it with a passphrase first.
/// `message` is the line under the button that says what happened.
#[component]
pub fn BackupDownload(
    message: RwSignal<Option<String>>,
    /// The plain download (the page's own, which "Delete everything" uses too).
    download_plain: Callback<()>,
) -> impl IntoView {
    let saver = use_saver();
    let protect = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let working = RwSignal::new(false);
    // Unticking the box forgets what was typed.
    Effect::new(move |_| {
        if !protect.get() {
            passphrase.set(String::new());
            confirm.set(String::new());
            errors.set(Vec::new());
        }
    });
    let download = move |_| {
        if !protect.get_untracked() {
            download_plain.run(());
            return;
        }
        let problems = encrypted::check_new_passphrase(
            &passphrase.get_untracked(),
            &confirm.get_untracked(),
            PASSPHRASE,
            CONFIRM,
        );
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        // Checked before the backup is made, which notes it as taken.
        if let Err(e) = web_crypto::available() {
            message.set(Some(format!("Your backup could not be protected: {e}.")));
            return;
        }
        // Taken out of the fields at once: only this task holds it now.
        let secret = passphrase.get_untracked();
        passphrase.set(String::new());
        confirm.set(String::new());
        working.set(true);
        message.set(Some(
            "Protecting your backup with the passphrase. This takes a few seconds.".into(),
        ));
        let (name, text) = saver.backup_to_download();
        leptos::task::spawn_local(async move {
            let sealed = web_crypto::encrypt(&text, &secret).await;
            drop(secret);
            let name = encrypted::protected_file_name(&name);
            let said = match sealed.and_then(|sealed| {
                browser::download_text(&name, &sealed, "application/json")
                    .map_err(web_crypto::CryptoError::Browser)
            }) {
                Ok(()) => format!(
                    "Your protected backup is downloading as {name}. You need the passphrase to open it."
                ),
                Err(e) => format!("Your backup could not be protected: {e}."),
            };
            // (Setting a signal of a page left meanwhile does nothing.)
            working.set(false);
            message.set(Some(said));
        });
    };
    view! {
        <ErrorSummary errors=errors.into() />
        <div>
            <Checkbox id="protect-backup" label="Protect the backup with a passphrase"
                hint="Anyone who has the file then needs the passphrase to open it, for example if it is kept in a shared folder."
                bind=protect />
            <Show when=move || protect.get()>
                <div class="nhsuk-checkboxes__conditional" id="protect-backup-conditional">
                    <div class="nhsuk-warning-callout">
                        <h3 class="nhsuk-warning-callout__label">
                            <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Keep the passphrase safe"</span>
                        </h3>
                        <p>"If you lose the passphrase, the backup cannot be opened by anyone, including you: it cannot be recovered or reset. The workbook does not keep it anywhere."</p>
                    </div>
                    <Field id=PASSPHRASE label="Passphrase" kind=FieldKind::Password
                        hint=format!("At least {} characters. Three random words, as the National Cyber Security Centre suggests, are easy to remember and hard to guess.", encrypted::MIN_PASSPHRASE_CHARS)
                        width_class="nhsuk-input--width-30" errors=Signal::from(errors) bind=passphrase />
                    <Field id=CONFIRM label="Confirm the passphrase" kind=FieldKind::Password
                        width_class="nhsuk-input--width-30" errors=Signal::from(errors) bind=confirm />
                </div>
            </Show>
        </div>
        <button type="button" class="nhsuk-button" on:click=download disabled=move || working.get()
            aria-describedby="backup-download-status">
            {move || if working.get() { "Protecting your backup…" } else { "Download backup" }}
        </button>
        <p role="status" id="backup-download-status">{move || message.get()}</p>
    }
}

/// Asks for the passphrase of a protected backup that was chosen (`locked`),
/// and hands the opened backup to `on_open`, as if that had been chosen. A
/// wrong passphrase goes to `on_refused` (the file's name and why), and the
/// form stays for another try; the workbook is never touched here.
#[component]
pub fn OpenProtected(
    locked: RwSignal<Option<ChosenFile>>,
    on_open: Callback<ChosenFile>,
    on_refused: Callback<(String, String)>,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let working = RwSignal::new(false);
    let open = move |_| {
        let Some(file) = locked.get_untracked() else {
            return;
        };
        let secret = passphrase.get_untracked();
        passphrase.set(String::new());
        if secret.is_empty() {
            errors.set(vec![FieldError::new(
                OPEN_PASSPHRASE,
                "Enter the passphrase the backup was protected with",
            )]);
            // The one field, just above: focus there reads out its error.
            focus(OPEN_PASSPHRASE);
            return;
        }
        errors.set(Vec::new());
        working.set(true);
        leptos::task::spawn_local(async move {
            let opened = web_crypto::decrypt(&file.text, &secret).await;
            drop(secret);
            working.set(false);
            // Another file may have been chosen meanwhile: this one is let go.
            if locked.try_with_untracked(|l| l.as_ref().map(|l| l.text == file.text))
                != Some(Some(true))
            {
                return;
            }
            match opened {
                Ok(text) => {
                    locked.set(None);
                    on_open.run(ChosenFile {
                        name: file.name,
                        text,
                    });
                }
                Err(e) => {
                    on_refused.run((file.name, format!("{}.", e.message())));
                    focus(OPEN_PASSPHRASE);
                }
            }
        });
    };
    let cancel = move |_| {
        passphrase.set(String::new());
        errors.set(Vec::new());
        locked.set(None);
    };
    // The field takes focus as the form appears (a file was just chosen),
    // and again after a wrong passphrase, ready for another try.
    Effect::new(move |_| {
        if locked.with(Option::is_some) {
            request_animation_frame(|| focus(OPEN_PASSPHRASE));
        }
    });
    let name = move || locked.with(|l| l.as_ref().map(|f| f.name.clone()).unwrap_or_default());
    view! {
        <div class="nhsuk-card" role="region" aria-label="Protected backup">
            <div class="nhsuk-card__content">
                <h3 class="nhsuk-card__heading">{move || format!("{} is protected with a passphrase", name())}</h3>
                <Field id=OPEN_PASSPHRASE label="Passphrase" kind=FieldKind::Password
                    hint="Enter the passphrase that was set when the backup was downloaded."
                    width_class="nhsuk-input--width-30" errors=Signal::from(errors) bind=passphrase />
                <button type="button" class="nhsuk-button" on:click=open disabled=move || working.get()
                    aria-describedby="open-protected-status">
                    {move || if working.get() { "Opening the file…" } else { "Open the file" }}
                </button>
                " "
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=cancel disabled=move || working.get()>
                    "Cancel"
                </button>
                <p role="status" id="open-protected-status">
                    {move || working.get().then_some("Opening the file with the passphrase. This takes a few seconds.")}
                </p>
            </div>
        </div>
    }
}

/// Moves focus to the control with `id`, when it is on the page.
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let control = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(control) = control {
        let _ = control.focus();
    }
}
