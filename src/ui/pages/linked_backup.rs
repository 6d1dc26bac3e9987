//! Your data's "Keep a backup file up to date" (the linked backup file,
//! `ui::linked_file`), and what keeps a workbook from being cleared away:
//! Safari's 7-day rule explained where it applies.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::model::common::validation::FieldError;
use crate::model::files::encrypted;
use crate::ui::browser;
use crate::ui::components::{Checkbox, ErrorSummary, Field, FieldKind};
use crate::ui::linked_file::{self, LinkState};
use crate::ui::saver::use_saver;

/// The linked backup file: choose one, see when it was last written, allow
/// writing again on a later visit, stop keeping it; or, in a browser that
/// cannot write to a chosen file, why not and what to do instead.
#[component]
pub fn LinkedBackupFile() -> impl IntoView {
    let link = use_saver().linked_file();
    // A page opened without a link known yet looks for one kept from before.
    leptos::task::spawn_local(link.reopen());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let choose = move |_| {
        busy.set(true);
        problem.set(None);
        leptos::task::spawn_local(async move {
            if let Err(reason) = link.choose().await {
                problem.set(Some(format!("No file was linked: {reason}.")));
            }
            busy.set(false);
        });
    };
    let allow = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            link.allow().await;
            busy.set(false);
        });
    };
    let stop = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            link.unlink().await;
            busy.set(false);
        });
    };
    let chooser = move || {
        view! {
            <button type="button" class="nhsuk-button nhsuk-button--secondary" disabled=move || busy.get() on:click=choose>
                "Choose a file to keep up to date"
            </button>
        }
    };

    if !linked_file::available() {
        return view! {
            <h2 id="linked-file">"Keep a backup file up to date"</h2>
            <p>
                "This browser cannot keep a backup file up to date: only Microsoft Edge and Google Chrome on a computer let a website write to a file you choose (Firefox and Safari do not). Download a backup instead, and keep it in your OneDrive or another safe place; the reminder above tells you when your changes are not in one."
            </p>
        }
        .into_any();
    }

    view! {
        <h2 id="linked-file">"Keep a backup file up to date"</h2>
        <p>
            "Choose a file once, for example in your OneDrive, SharePoint or Teams folder, and your workbook is written to it a moment after each change. Open the workbook on another computer and choose the same file there: changes written to it from one computer are merged in on the other before it is written again, as a backup is merged below."
        </p>
        <div role="status" aria-label="Backup file">
            {move || match link.state.get() {
                LinkState::NotLinked => view! {
                    <p>"No file is linked in this browser."</p>
                }.into_any(),
                LinkState::Linked { name, written_at } => view! {
                    <p>
                        {match written_at {
                            Some(at) => format!("Your workbook is kept up to date in {name}. It was last written on {}.", browser::local_date_time(at)),
                            None => format!("Your workbook is kept up to date in {name}. It is being written now."),
                        }}
                    </p>
                }.into_any(),
                LinkState::NeedsPassphrase { name } => view! {
                    <p>{format!("{name} is protected with a passphrase. Enter it to keep the file up to date on this visit: the workbook does not keep it. Until then, your changes are saved in this browser only.")}</p>
                    <OpenLinkedFile link name />
                }.into_any(),
                LinkState::NeedsPermission { name } => view! {
                    <p>{format!("{name} is linked, but this browser asks you again before the workbook writes to it. Until you allow it, your changes are saved in this browser only.")}</p>
                    <button type="button" class="nhsuk-button" disabled=move || busy.get() on:click=allow>
                        {format!("Allow writing to {name}")}
                    </button>
                }.into_any(),
                LinkState::Failed { name, reason } => view! {
                    <p class="nhsuk-error-message">
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>
                        {format!("{name} could not be kept up to date: {reason}.")}
                    </p>
                }.into_any(),
            }}
        </div>
        {move || link.merged.get().map(|merged| view! {
            <div class="nhsuk-inset-text">
                <p>{format!("On {}, changes written to the file from elsewhere were merged in:", browser::local_date_time(merged.at))}</p>
                <ul>{merged.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
        })}
        {move || problem.get().map(|p| view! {
            <p class="nhsuk-error-message"><span class="nhsuk-u-visually-hidden">"Error: "</span>{p}</p>
        })}
        {move || match link.state.get() {
            LinkState::NotLinked => chooser().into_any(),
            _ => view! {
                <p>
                    "If your sync tool made a conflict copy of the file (such as one with a computer's name in it, like commissioning-workbook-backup-LAPTOP.json), merge it with "
                    <a href="#restore-file">"Restore or merge a backup"</a>
                    " below. With the file kept up to date you may turn the download reminder off."
                </p>
                <ProtectLinkedFile link />
                {chooser()}
                " "
                <button type="button" class="nhsuk-button nhsuk-button--secondary" disabled=move || busy.get() on:click=stop>
                    "Stop keeping the file up to date"
                </button>
            }.into_any(),
        }}
    }
    .into_any()
}

/// Protecting the linked file with a passphrase, or no longer: the
/// passphrase is kept on this page only and asked for on each visit.
#[component]
fn ProtectLinkedFile(link: linked_file::LinkedFile) -> impl IntoView {
    let protect = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let working = RwSignal::new(false);
    let start = move |_| {
        let problems = encrypted::check_new_passphrase(
            &passphrase.get_untracked(),
            &confirm.get_untracked(),
            NEW,
            CONFIRM,
        );
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        errors.set(Vec::new());
        let secret = passphrase.get_untracked();
        passphrase.set(String::new());
        confirm.set(String::new());
        protect.set(false);
        working.set(true);
        leptos::task::spawn_local(async move {
            link.protect(secret).await;
            working.set(false);
        });
    };
    let stop = move |_| {
        working.set(true);
        leptos::task::spawn_local(async move {
            link.unprotect().await;
            working.set(false);
        });
    };
    view! {
        {move || if link.protected.get() {
            view! {
                <p>"The file is protected with a passphrase: anyone who has it needs the passphrase to open it. The workbook asks you for it on each visit."</p>
                <button type="button" class="nhsuk-button nhsuk-button--secondary" disabled=move || working.get() on:click=stop>
                    "Stop protecting the file"
                </button>
            }.into_any()
        } else {
            view! {
                <ErrorSummary errors=errors.into() />
                <Checkbox id="protect-linked" label="Protect the file with a passphrase"
                    hint="For a file kept in a shared folder. The workbook asks you for the passphrase on each visit; if it is lost, the file cannot be opened by anyone."
                    bind=protect />
                <Show when=move || protect.get()>
                    <div class="nhsuk-checkboxes__conditional" id="protect-linked-conditional">
                        <Field id=NEW label="Passphrase for the file" kind=FieldKind::Password
                            hint=format!("At least {} characters.", encrypted::MIN_PASSPHRASE_CHARS)
                            width_class="nhsuk-input--width-30" errors=Signal::from(errors) bind=passphrase />
                        <Field id=CONFIRM label="Confirm the passphrase for the file" kind=FieldKind::Password
                            width_class="nhsuk-input--width-30" errors=Signal::from(errors) bind=confirm />
                        <button type="button" class="nhsuk-button" disabled=move || working.get() on:click=start>
                            "Protect the file"
                        </button>
                    </div>
                </Show>
            }.into_any()
        }}
        {move || working.get().then(|| view! { <p role="status">"Writing the file. Protecting it takes a few seconds."</p> })}
    }
}

/// On a later visit, the passphrase of a protected linked file.
#[component]
fn OpenLinkedFile(link: linked_file::LinkedFile, name: String) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let working = RwSignal::new(false);
    let open = move |_| {
        let secret = passphrase.get_untracked();
        if secret.is_empty() {
            errors.set(vec![FieldError::new(OPEN, "Enter the file's passphrase")]);
            return;
        }
        passphrase.set(String::new());
        errors.set(Vec::new());
        working.set(true);
        leptos::task::spawn_local(async move {
            if let Err(reason) = link.open_with(secret).await {
                errors.set(vec![FieldError::new(
                    OPEN,
                    format!("The file was not opened: {}", reason.trim_end_matches('.')),
                )]);
            }
            working.set(false);
        });
    };
    view! {
        <ErrorSummary errors=errors.into() />
        <Field id=OPEN label=format!("Passphrase for {name}") kind=FieldKind::Password
            width_class="nhsuk-input--width-30" errors=Signal::from(errors) bind=passphrase />
        <button type="button" class="nhsuk-button" disabled=move || working.get() on:click=open>
            {move || if working.get() { "Opening the file…" } else { "Open the file" }}
        </button>
    }
}

const NEW: &str = "linked-passphrase";
const CONFIRM: &str = "linked-passphrase-confirm";
const OPEN: &str = "linked-open-passphrase";

/// Safari (not opened from the Home Screen) deletes a site's storage after
/// 7 days of use without a visit: said where it applies, with how to avoid it.
#[component]
pub fn SafariSevenDays() -> impl IntoView {
    safari_in_a_tab().then(|| {
        view! {
            <div class="nhsuk-warning-callout">
                <h3 class="nhsuk-warning-callout__label">
                    <span role="text">
                        <span class="nhsuk-u-visually-hidden">"Important: "</span>
                        "Safari may delete your workbook after 7 days"
                    </span>
                </h3>
                <p>
                    "Safari deletes everything a website has stored if you use Safari for 7 days without opening the site, unless the site was added to your Home Screen (WebKit's tracking prevention, announced on the WebKit blog in March 2020). To keep your workbook, add this app to your Home Screen (Share, then Add to Home Screen, or on a Mac, File, then Add to Dock) and open it from there, and download a backup regularly."
                </p>
            </div>
        }
    })
}

/// Safari (or another WebKit browser without Chrome's name in it), opened
/// in a browser tab rather than from the Home Screen or the Dock.
fn safari_in_a_tab() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let agent = window.navigator().user_agent().unwrap_or_default();
    let safari = agent.contains("Safari")
        && ![
            "Chrome", "Chromium", "CriOS", "Edg", "FxiOS", "Firefox", "Android",
        ]
        .iter()
        .any(|other| agent.contains(other));
    let standalone = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
        .ok()
        .and_then(|s| s.as_bool())
        .unwrap_or(false)
        || js_sys::Reflect::get(&window, &JsValue::from_str("matchMedia"))
            .ok()
            .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
            .and_then(|f| {
                f.call1(&window, &JsValue::from_str("(display-mode: standalone)"))
                    .ok()
            })
            .and_then(|m| js_sys::Reflect::get(&m, &JsValue::from_str("matches")).ok())
            .and_then(|m| m.as_bool())
            .unwrap_or(false);
    safari && !standalone
}
