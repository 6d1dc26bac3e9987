//! What keeps an edit form from overwriting a newer change unseen. Every
//! change-a-record form holds a `StaleGuard`: it remembers the record's draft
//! when the form opened, and before saving compares it with the record as it
//! is now (another tab's save, a merge or an undo may have changed it). If it
//! changed, nothing is saved: `StaleNotice` says so, lists what changed, and
//! lets the user save their version or take the latest one. If the record was
//! deleted, it says so and nothing is saved; what was typed stays in the form.

use std::sync::Arc;

use leptos::prelude::*;

use super::DataTable;
use crate::model::common::stale::{staleness, Difference, Shown, Staleness};
use crate::ui::saver::{use_saver, Saver};

/// What the notice says.
#[derive(Clone, Debug, PartialEq)]
enum Found {
    Changed(Vec<Difference>),
    Deleted,
}

type ShowFields<D> = Arc<dyn Fn(&D) -> Vec<Shown> + Send + Sync>;

/// The version of a record an edit form was opened on. Copy it into the
/// form's submit handler and its `StaleNotice`.
pub struct StaleGuard<D: Send + Sync + 'static> {
    /// The record's draft when the form opened, or when the user last chose
    /// between versions; `None` when the record was not there at all.
    opened: StoredValue<Option<D>>,
    /// The record's draft now (`None` once it is deleted).
    now: Signal<Option<D>>,
    shown: StoredValue<ShowFields<D>>,
    found: RwSignal<Option<Found>>,
    /// The version the notice showed as "now": what "Save my version" saves over.
    seen: StoredValue<Option<D>>,
    saver: Saver,
}

impl<D: Send + Sync + 'static> Clone for StaleGuard<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Send + Sync + 'static> Copy for StaleGuard<D> {}

impl<D> StaleGuard<D>
where
    D: Clone + PartialEq + Send + Sync + 'static,
{
    /// Remembers the record's draft as it is now, as the form opens. `now`
    /// gives the record's draft at any moment; `shown` lists a draft's fields
    /// in the form's words.
    pub fn new(
        now: Signal<Option<D>>,
        shown: impl Fn(&D) -> Vec<Shown> + Send + Sync + 'static,
    ) -> Self {
        StaleGuard {
            opened: StoredValue::new(now.get_untracked()),
            now,
            shown: StoredValue::new(Arc::new(shown)),
            found: RwSignal::new(None),
            seen: StoredValue::new(None),
            saver: use_saver(),
        }
    }

    /// The draft to fill the form with as it opens (`None`: no such record).
    pub fn opened(&self) -> Option<D> {
        self.opened.get_value()
    }

    /// Whether the record was there when the form opened. The form stays on
    /// the page even if the record is deleted later, so nothing typed is lost.
    pub fn was_found(&self) -> bool {
        self.opened.with_value(Option::is_some)
    }

    /// Called as the form is submitted with what it holds: true when it may
    /// save. Otherwise the notice appears and nothing should be saved.
    pub fn may_save(&self, in_form: &D) -> bool {
        let Some(opened) = self.opened.get_value() else {
            return false;
        };
        self.saver.catch_up();
        let now = self.now.get_untracked();
        let shown = self.shown.get_value();
        let found = match staleness(&opened, now.as_ref(), in_form, |d| shown(d)) {
            Staleness::Fresh => None,
            Staleness::Changed(differences) => Some(Found::Changed(differences)),
            Staleness::Deleted => Some(Found::Deleted),
        };
        let fresh = found.is_none();
        self.seen.set_value(now);
        self.found.set(found);
        fresh
    }

    /// "Save my version": the version the notice showed becomes the one the
    /// form builds on, so saving goes ahead unless the record changed yet again.
    fn keep_mine(&self) {
        self.opened.set_value(self.seen.get_value());
        self.found.set(None);
    }

    /// "Use the latest version": the record as it is now becomes the one the
    /// form was opened on; returns it to fill the form with.
    fn take_latest(&self) -> Option<D> {
        let now = self.now.get_untracked()?;
        self.opened.set_value(Some(now.clone()));
        self.found.set(None);
        Some(now)
    }
}

/// The notice a stale edit form shows in place of saving: an NHS.UK warning
/// callout naming what changed, with "Save my version" (`save`, the form's
/// own save, checked again) and "Use the latest version" (`fill`, given the
/// record as it is now). It takes focus when it appears, as the error
/// summary does, so keyboard and screen reader users meet it first.
/// `what` names the record after "This": "goal", "log entry".
#[component]
pub fn StaleNotice<D>(
    guard: StaleGuard<D>,
    what: &'static str,
    save: Callback<()>,
    fill: Callback<D>,
) -> impl IntoView
where
    D: Clone + PartialEq + Send + Sync + 'static,
{
    let panel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if guard.found.with(Option::is_some) {
            // After the frame that draws it, so the element is there.
            request_animation_frame(move || {
                if let Some(element) = panel.get_untracked() {
                    let _ = element.focus();
                }
            });
        }
    });
    let save_mine = move |_| {
        guard.keep_mine();
        save.run(());
    };
    let use_latest = move |_| {
        if let Some(latest) = guard.take_latest() {
            fill.run(latest);
        }
    };
    move || {
        guard.found.get().map(|found| {
            let (heading, body) = match found {
                Found::Deleted => (
                    format!("This {what} was deleted in another tab or window after you opened this form"),
                    view! {
                        <p>"Nothing was saved. What you typed is still in the form below, so you can copy anything you want to keep."</p>
                    }
                    .into_any(),
                ),
                Found::Changed(differences) => (
                    format!("This {what} was changed in another tab or window after you opened this form"),
                    view! {
                        <p>"Nothing has been saved yet. Check what changed, then choose which version to keep."</p>
                        {(!differences.is_empty()).then(|| view! {
                            <DataTable
                                caption=format!("What changed in this {what}")
                                headers=vec![
                                    "Field".into(),
                                    "When you opened this form".into(),
                                    "Now".into(),
                                    "In your form".into(),
                                ]
                            >
                                {differences.into_iter().map(|d| view! {
                                    <tr class="nhsuk-table__row">
                                        <th scope="row" class="nhsuk-table__cell">{d.label}</th>
                                        <td class="nhsuk-table__cell app-pre-line">{d.opened}</td>
                                        <td class="nhsuk-table__cell app-pre-line">{d.now}</td>
                                        <td class="nhsuk-table__cell app-pre-line">{d.in_form}</td>
                                    </tr>
                                }).collect_view()}
                            </DataTable>
                        })}
                        <p>
                            "Save my version to save the form as it is, replacing the changes above. "
                            "Use the latest version to fill the form with the "{what}" as it is now; your changes in the form will be discarded."
                        </p>
                        <button type="button" class="nhsuk-button" on:click=save_mine>"Save my version"</button>
                        " "
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=use_latest>
                            "Use the latest version"
                        </button>
                    }
                    .into_any(),
                ),
            };
            view! {
                <div class="nhsuk-warning-callout" role="alert" tabindex="-1" aria-labelledby="stale-notice-title" node_ref=panel>
                    <h2 class="nhsuk-warning-callout__label" id="stale-notice-title">
                        <span role="text">
                            <span class="nhsuk-u-visually-hidden">"Important: "</span>
                            {heading}
                        </span>
                    </h2>
                    {body}
                </div>
            }
        })
    }
}
