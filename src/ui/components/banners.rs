//! Banners about saving, shown above every page, and the delete button that asks first.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::workbook::Workbook;
use crate::ui::browser;
use crate::ui::routing::A;
use crate::ui::saver::{from_banner, use_saver, BannerWrite, BannerWritten, Saver};
use crate::ui::storage::SavingBlocked;
use crate::ui::store::{blocked_reason, use_store};

/// Sends `write` to the saver (these banners are in the first download, which
/// holds no saving code: see `from_banner`), and gives `then` what became of
/// it, or, if the saver's part could not be fetched, the reason, in words that
/// follow "because".
/// (One function, not one per caller: each `then` is boxed, which keeps the
/// first download smaller than a copy of this for each banner.)
fn write_from_banner(
    saver: Saver,
    write: BannerWrite,
    then: Box<dyn FnOnce(Result<BannerWritten, String>)>,
) {
    leptos::task::spawn_local(async move { then(from_banner(saver, write).await) });
}

/// Tells screen readers each time a change is saved, politely, without
/// moving focus. `data-save-state` says whether any change still waits to be
/// saved ("pending") or all are ("saved"), for tests and tools.
#[component]
pub fn SaveAnnouncer() -> impl IntoView {
    let store = use_store();
    view! {
        <p
            role="status"
            class="nhsuk-u-visually-hidden"
            data-save-state=move || if store.save_status.with(|s| s.pending) { "pending" } else { "saved" }
        >
            {move || store.save_status.with(|s| s.announced.clone())}
        </p>
    }
}

/// The id of the place above every page where a part fetched later mounts
/// its banner.
pub const PART_BANNERS: &str = "part-banners";

/// Storage warnings above every page:
/// - saving is switched off (cannot be dismissed: it stays until resolved);
/// - the last save failed (stays until a save succeeds);
/// - stored data could not be read at start (may be hidden once read);
/// - a one-click change that was refused (may be dismissed);
/// - changes lost to a deletion in another tab (may be hidden).
#[component]
pub fn StorageAlerts() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let download_unreadable = move |_| {
        if let Some(notice) = store.unreadable.get_untracked() {
            let name = format!("commissioning-workbook-unreadable-{}.txt", browser::today());
            let _ = browser::download_text(&name, &notice.raw, "text/plain");
        }
    };
    let has_raw = move || {
        store
            .unreadable
            .with(|n| n.as_ref().is_some_and(|n| !n.raw.is_empty()))
    };
    view! {
        {move || store.saving_blocked.get().map(|blocked| view! {
            <ErrorBanner id="saving-off-title" title="Nothing you enter is being saved">
                <p>
                    {format!("Saving is switched off because {}. ", blocked_reason(blocked))}
                    "What you enter stays on this page only until you close or reload it. Download a backup from "
                    <A href="/your-data">"Your data"</A>
                    " to keep it."
                </p>
                {(blocked == SavingBlocked::UnreadableNotKept).then(|| view! {
                    <p>"Download the unreadable data first if you may need it. Then you can let the workbook save again, which replaces it."</p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=download_unreadable>
                        "Download the unreadable data"
                    </button>
                    " "
                    <button type="button" class="nhsuk-button nhsuk-button--warning"
                        on:click=move |_| write_from_banner(saver, BannerWrite::AllowSavingOverUnreadable, Box::new(move |written| {
                            if let Err(reason) = written {
                                store.save_error.set(Some(reason));
                            }
                        }))>
                        "Start saving again, replacing the unreadable data"
                    </button>
                })}
            </ErrorBanner>
        })}
        {move || store.save_error.get().map(|reason| view! {
            <ErrorBanner id="save-error-title" title="Your latest change was not saved">
                <p>
                    "It could not be saved in this browser because "
                    {reason}
                    ". Your data is still on this page: download a backup from "
                    <A href="/your-data">"Your data"</A>
                    " before you close it."
                </p>
            </ErrorBanner>
        })}
        // Unreadable data found at start. When it could not be kept aside, the
        // saving-off banner above offers the download; this only says why.
        {move || store.unreadable.get().filter(|n| n.kept_under.is_some() || !n.raw.is_empty()).map(|notice| view! {
            <div class="nhsuk-warning-callout" role="alert">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text">
                        <span class="nhsuk-u-visually-hidden">"Important: "</span>
                        "Your saved workbook could not be read"
                    </span>
                </h2>
                <p>{notice.reason.clone()}</p>
                {notice.kept_under.clone().map(|key| view! {
                    <p>
                        "Nothing has been deleted: the unreadable data is kept in this browser under "
                        <code>{key}</code>
                        ". The workbook has started empty."
                    </p>
                    <Show when=has_raw>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=download_unreadable>
                            "Download the unreadable data"
                        </button>
                    </Show>
                    " "
                    <button type="button" class="nhsuk-button nhsuk-button--secondary"
                        on:click=move |_| store.unreadable.set(None)>
                        "Hide this message"
                    </button>
                })}
            </div>
        })}
        // Where a part of the app fetched later draws its own banner (the
        // linked backup file's), so its code stays out of the first download.
        <div id=PART_BANNERS></div>
        <RefusalBanner />
        <UndoBanner />
        <BackupReminder />
        {move || store.sync_notice.get().map(|dropped| view! {
            <div class="nhsuk-warning-callout" role="status">
                <h2 class="nhsuk-warning-callout__label">"Changed in another tab"</h2>
                {if let [only] = dropped.as_slice() {
                    view! { <p>{only.clone()}</p> }.into_any()
                } else {
                    view! {
                        <p>{format!("{} of your latest changes could not be kept:", dropped.len())}</p>
                        <ul>{dropped.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
                    }.into_any()
                }}
                <button type="button" class="nhsuk-button nhsuk-button--secondary"
                    on:click=move |_| store.sync_notice.set(None)>
                    "Hide this message"
                </button>
            </div>
        })}
    }
}

/// An NHS.UK error summary used as a banner that stays until what it reports
/// is resolved (it has no "hide").
#[component]
fn ErrorBanner(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="nhsuk-error-summary" role="alert" aria-labelledby=id>
            <h2 class="nhsuk-error-summary__title" id=id>{title}</h2>
            <div class="nhsuk-error-summary__body">{children()}</div>
        </div>
    }
}

/// Reminds the user to download a backup once changes not in one are older
/// than they chose (browsers may clear a site's storage). "Not now" hides it
/// until the page is next opened.
#[component]
fn BackupReminder() -> impl IntoView {
    let store = use_store();
    // Asked again each minute as well as after each change, so a page left
    // open shows the reminder once it falls due, not at the next edit.
    let minute = RwSignal::new(0u32);
    if let Ok(ticks) = set_interval_with_handle(
        move || minute.update(|m| *m = m.wrapping_add(1)),
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || ticks.clear());
    }
    let workbook = store.workbook;
    let due = Memo::new(move |_| {
        minute.track();
        workbook.with(|w| w.backup_due(chrono::Utc::now()))
    });
    let hidden = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let saver = use_saver();
    let download = move |_| {
        write_from_banner(
            saver,
            BannerWrite::DownloadBackup,
            Box::new(move |written| {
                message.set(match written {
                    Ok(BannerWritten::BackupDownloading(name)) => {
                        Some(format!("Your backup is downloading as {name}."))
                    }
                    Ok(BannerWritten::BackupNotMade(reason)) => Some(reason),
                    Ok(BannerWritten::Done) => None,
                    Err(reason) => Some(format!("The backup could not be made because {reason}.")),
                })
            }),
        )
    };
    view! {
        {move || message.get().map(|m| view! { <p role="status">{m}</p> })}
        {move || due.get().filter(|_| !hidden.get()).map(|due| view! {
            <div class="nhsuk-warning-callout app-backup-reminder no-print" role="note" aria-label="Backup reminder">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Download a backup"</span>
                </h2>
                <p>
                    {format!("You have changes since {} that are not in a backup. ", browser::local_date_time(due.oldest_change))}
                    "Your workbook is kept only in this browser, which may delete it to free up space or when its data is cleared."
                </p>
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" on:click=download>
                    "Download a backup now"
                </button>
                " "
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    on:click=move |_| hidden.set(true)>
                    "Not now"
                </button>
            </div>
        })}
    }
}

/// Why a one-click change was not made (`Saver::act`): most often
/// another tab or window deleted what it was about. It takes focus as it
/// appears, as the error summary does, so it is seen as well as heard even
/// when the click was far down the page; it goes when dismissed or when the
/// next change is made.
#[component]
fn RefusalBanner() -> impl IntoView {
    let store = use_store();
    let banner = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if store.refusal.with(Option::is_some) {
            if let Some(element) = banner.get() {
                let _ = element.focus();
            }
        }
    });
    let dismiss = move |_| {
        store.refusal.set(None);
        // Focus would otherwise fall to the start of the document.
        if let Some(main) = document().get_element_by_id("maincontent") {
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    };
    view! {
        {move || store.refusal.get().map(|message| view! {
            <div class="nhsuk-warning-callout" role="alert" tabindex="-1" node_ref=banner
                aria-labelledby="refusal-title">
                <h2 class="nhsuk-warning-callout__label" id="refusal-title">
                    <span role="text">
                        <span class="nhsuk-u-visually-hidden">"Important: "</span>
                        "Your change was not made"
                    </span>
                </h2>
                <p>{message}</p>
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    on:click=dismiss>
                    "Dismiss"
                </button>
            </div>
        })}
    }
}

/// After a deletion: says what was deleted and offers to put it back.
#[component]
fn UndoBanner() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let undo = move |_| {
        if let Some((_, change)) = store.undo.get_untracked() {
            // Only a change applied here offers an undo, and the saver fetches
            // its part as it applies the first, so it is here by now.
            write_from_banner(
                saver,
                BannerWrite::Undo(change),
                Box::new(move |written| {
                    if let Err(reason) = written {
                        store.save_error.set(Some(reason));
                    }
                }),
            );
        }
    };
    view! {
        {move || store.undo.get().map(|(message, _)| view! {
            <div class="nhsuk-inset-text app-undo" role="status">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>
                    {message} " "
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" on:click=undo>
                        "Undo"
                    </button>
                    " "
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                        on:click=move |_| store.undo.set(None)>
                        "Hide this message"
                    </button>
                </p>
            </div>
        })}
    }
}

/// A delete button that asks first. `what` names the record ("goal: Chair
/// the board"); the buttons' accessible names start with their visible words.
#[component]
pub fn DeleteButton(
    #[prop(into)] what: String,
    on_confirm: Callback<()>,
    /// A small button, for a list where one sits on every row (milestones).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    // Written out whole so the CSS trimming step sees each class is used.
    let class = if compact {
        "nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0 app-button--fit"
    } else {
        "nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
    };
    let question = format!("Delete {what}?");
    let yes = format!("Yes, delete {what}");
    let first = format!("Delete {what}");
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class=class
                    aria-label=first.clone() on:click=move |_| asking.set(true)>
                    "Delete"
                </button>
            }
        >
            <div class="nhsuk-warning-callout app-confirm" role="group" aria-label=question.clone()>
                <p>{question.clone()} " You can undo it straight after."</p>
                <button type="button" class="nhsuk-button nhsuk-button--warning nhsuk-u-margin-bottom-0"
                    aria-label=yes.clone() on:click=move |_| { asking.set(false); on_confirm.run(()); }>
                    "Yes, delete"
                </button>
                " "
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                    on:click=move |_| asking.set(false)>
                    "Cancel"
                </button>
            </div>
        </Show>
    }
}

/// Shown on an area's pages when its section of the workbook saved in this
/// browser cannot be read (`workbook::deferred`): it is kept exactly as it
/// was, and nothing else is affected. `what` names it ("support
/// agreements"); `unreadable` asks the workbook whether it is.
#[component]
pub fn UnreadableSection(what: &'static str, unreadable: fn(&Workbook) -> bool) -> impl IntoView {
    let store = crate::ui::store::use_store();
    let problem = store.select(move |w| unreadable(w));
    view! {
        {move || problem.get().then(|| view! {
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>{format!("Your {what} could not be read")}</span>
                </h2>
                <p>
                    {format!("The {what} saved in this browser are damaged, so they are not shown and cannot be \
                     changed. They are kept exactly as they were, and the rest of your workbook is not affected. A \
                     backup downloaded from Your data still holds them.")}
                </p>
            </div>
        })}
    }
}
