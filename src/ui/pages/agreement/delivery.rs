//! A commitment's delivery records: whether it was delivered on time, late
//! or not, each time it was due. `DeliveryRecords` lists them with the
//! commitment's standing now and the form to record one (the commitment's
//! page embeds it); `EditDelivery` changes or deletes one.

use leptos::prelude::*;

use super::parts::commitment_path;
use crate::model::agreement::delivery::Standing;
use crate::model::agreement::records::{
    DELIVERED_ON_FIELD, DELIVERY_NOTE_FIELD, DUE_ON_FIELD, OUTCOME_FIELD,
};
use crate::model::agreement::{Delivery, DeliveryDraft, DeliveryOutcome};
use crate::model::common::dates::{input_value, long_date};
use crate::model::common::validation::FieldError;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{
    DataTable, DeleteButton, ErrorSummary, Field, FieldKind, StaleGuard, StaleNotice, Title,
};
use crate::ui::routing::{use_navigate, use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

pub fn delivery_path(id: &str) -> String {
    format!("/support-agreement/deliveries/{id}")
}

/// A delivery outcome as an NHS.UK tag: on time green, late orange, not
/// delivered red (the class names written out whole for the CSS trimming).
pub fn outcome_tag(outcome: DeliveryOutcome) -> impl IntoView {
    let class = match outcome {
        DeliveryOutcome::OnTime => "nhsuk-tag nhsuk-tag--green",
        DeliveryOutcome::Late => "nhsuk-tag nhsuk-tag--orange",
        DeliveryOutcome::NotDelivered => "nhsuk-tag nhsuk-tag--red",
    };
    view! { <strong class=class>{outcome.label()}</strong> }
}

/// How a commitment stands, as a tag: what its latest record says, red when
/// its date has passed with nothing recorded, grey when nothing is due yet.
pub fn standing_tag(standing: Standing) -> AnyView {
    match standing {
        Standing::Recorded(outcome) => outcome_tag(outcome).into_any(),
        Standing::PastDueUnrecorded(due) => view! {
            <strong class="nhsuk-tag nhsuk-tag--red">{standing.label()}</strong>
            {format!(" (it was due by {})", long_date(due))}
        }
        .into_any(),
        Standing::NothingYet => {
            view! { <strong class="nhsuk-tag nhsuk-tag--grey">{standing.label()}</strong> }
                .into_any()
        }
    }
}

/// The form's values as typed.
#[derive(Clone, Copy)]
struct DeliveryForm {
    due_on: RwSignal<String>,
    outcome: RwSignal<Option<DeliveryOutcome>>,
    delivered_on: RwSignal<String>,
    note: RwSignal<String>,
}

impl DeliveryForm {
    fn new(draft: DeliveryDraft) -> Self {
        DeliveryForm {
            due_on: RwSignal::new(draft.due_on),
            outcome: RwSignal::new(draft.outcome),
            delivered_on: RwSignal::new(draft.delivered_on),
            note: RwSignal::new(draft.note),
        }
    }

    fn fill(&self, draft: DeliveryDraft) {
        self.due_on.set(draft.due_on);
        self.outcome.set(draft.outcome);
        self.delivered_on.set(draft.delivered_on);
        self.note.set(draft.note);
    }

    /// The draft to save. A date delivered typed before "Not delivered" was
    /// chosen is kept in the form (choosing "late" again shows it) but not
    /// sent: not delivered has no such date.
    fn draft(&self) -> DeliveryDraft {
        let outcome = self.outcome.get_untracked();
        DeliveryDraft {
            due_on: self.due_on.get_untracked(),
            outcome,
            delivered_on: match outcome {
                Some(DeliveryOutcome::NotDelivered) => String::new(),
                _ => self.delivered_on.get_untracked(),
            },
            note: self.note.get_untracked(),
        }
    }
}

/// The radios "Was it delivered?" with the NHS.UK conditional reveal: the
/// date it was delivered opens under "on time" or "late", whichever is
/// chosen (not delivered has no such date). The first radio has the
/// model's field id, so the error summary's link lands on it.
#[component]
fn OutcomeRadios(form: DeliveryForm, errors: Signal<Vec<FieldError>>) -> impl IntoView {
    // The choice's own error, written here as `ErrorMessage` writes one (not
    // called, so the first download exports nothing more for this page).
    let message = move || {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field == OUTCOME_FIELD)
                .map(|e| e.message.clone())
        })
    };
    let has_error = move || message().is_some();
    let described_by = move || has_error().then(|| format!("{OUTCOME_FIELD}-error"));
    // Which radio the date sits under, if any: it moves with the choice,
    // keeping what was typed in it.
    let revealed_under = Memo::new(move |_| {
        form.outcome
            .get()
            .filter(|o| *o != DeliveryOutcome::NotDelivered)
    });
    let conditional_id = format!("{DELIVERED_ON_FIELD}-conditional");
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_error>
            <fieldset class="nhsuk-fieldset" aria-describedby=described_by>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Was it delivered?"</legend>
                {move || message().map(|message| view! {
                    <span class="nhsuk-error-message" id=format!("{OUTCOME_FIELD}-error")>
                        <span class="nhsuk-u-visually-hidden">"Error: "</span>
                        {message}
                    </span>
                })}
                <div class="nhsuk-radios nhsuk-radios--conditional">
                    {DeliveryOutcome::ALL.into_iter().map(|outcome| {
                        let id = match outcome {
                            DeliveryOutcome::OnTime => OUTCOME_FIELD.to_string(),
                            other => format!("{OUTCOME_FIELD}-{}", other.key().replace('_', "-")),
                        };
                        let reveals = outcome != DeliveryOutcome::NotDelivered;
                        let controls = {
                            let conditional_id = conditional_id.clone();
                            move || (revealed_under.get() == Some(outcome)).then(|| conditional_id.clone())
                        };
                        let conditional_id = conditional_id.clone();
                        view! {
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" type="radio" id=id.clone() name=OUTCOME_FIELD
                                    value=outcome.key()
                                    aria-controls=controls
                                    prop:checked=move || form.outcome.get() == Some(outcome)
                                    on:change=move |_| form.outcome.set(Some(outcome)) />
                                <label class="nhsuk-label nhsuk-radios__label" for=id>{outcome.label()}</label>
                            </div>
                            {reveals.then(|| view! {
                                <Show when=move || revealed_under.get() == Some(outcome)>
                                    <div class="nhsuk-radios__conditional" id=conditional_id.clone()>
                                        <Field id=DELIVERED_ON_FIELD label="Date it was delivered" kind=FieldKind::Date
                                            width_class="nhsuk-input--width-10" errors=errors bind=form.delivered_on />
                                    </div>
                                </Show>
                            })}
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

#[component]
fn DeliveryFields(form: DeliveryForm, errors: Signal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <Field id=DUE_ON_FIELD label="Date it was due" kind=FieldKind::Date
            width_class="nhsuk-input--width-10" errors=errors bind=form.due_on />
        <OutcomeRadios form errors />
        <Field id=DELIVERY_NOTE_FIELD label="Notes (optional)" kind=FieldKind::TextArea rows=3
            hint="For example, what came, what was missing, or what was agreed instead."
            errors=errors bind=form.note />
    }
}

/// The rows of the delivery records table, and the standing now.
#[derive(Clone, Debug, PartialEq)]
struct Records {
    deliveries: Vec<Delivery>,
    standing: Standing,
    /// The commitment's date due by, offered as the first record's date due.
    due: Option<String>,
}

/// A commitment's delivery records, its standing now, and the form "Record
/// whether it was delivered". The commitment's page embeds it. `errors`:
/// the page's own form errors, when the page has an error summary for them;
/// without it the form shows its own.
#[component]
pub fn DeliveryRecords(
    #[prop(into)] commitment_id: Signal<String>,
    #[prop(optional)] errors: Option<RwSignal<Vec<FieldError>>>,
) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let today = browser::today();
    let own_summary = errors.is_none();
    let errors = errors.unwrap_or_else(|| RwSignal::new(Vec::new()));
    let records = store.select(move |w| {
        w.commitment(&commitment_id.get()).map(|(_, c)| Records {
            deliveries: c.deliveries.clone(),
            standing: Standing::of(c, today),
            due: c
                .due
                .filter(|d| !c.deliveries.iter().any(|r| r.due_on == *d))
                .map(input_value),
        })
    });
    let form = DeliveryForm::new(DeliveryDraft::default());
    // A fresh form for each commitment: its date due offered if nothing is
    // recorded for it yet.
    let offered_due = Memo::new(move |_| {
        commitment_id.track();
        records.with_untracked(|r| r.as_ref().and_then(|r| r.due.clone()))
    });
    Effect::new(move |_| {
        form.fill(DeliveryDraft {
            due_on: offered_due.get().unwrap_or_default(),
            ..Default::default()
        })
    });
    let status = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = form.draft();
        let said = format!(
            "Saved: {}.",
            draft
                .outcome
                .map(DeliveryOutcome::label)
                .unwrap_or_default()
        );
        let change = Change::add(Some(&commitment_id.get_untracked()), draft);
        if saver.submit(change, errors) {
            form.fill(DeliveryDraft::default());
            status.set(said);
        } else {
            status.set(String::new());
        }
    };
    let errors_read: Signal<Vec<FieldError>> = errors.into();
    view! {
        <section class="app-delivery-records" aria-labelledby="delivery-records-heading">
            <h2 id="delivery-records-heading">"Whether it was delivered"</h2>
            {move || records.get().map(|r| view! {
                <p class="app-standing">"Standing now: " {standing_tag(r.standing)}</p>
                {if r.deliveries.is_empty() {
                    view! { <p>"Nothing is recorded yet."</p> }.into_any()
                } else {
                    view! {
                        <DataTable caption="Delivery records"
                            headers=["Date due", "Outcome", "Date delivered", "Notes", "Change"].map(String::from).to_vec()>
                            {r.deliveries.into_iter().map(|d| {
                                let due = long_date(d.due_on);
                                view! {
                                    <tr class="nhsuk-table__row">
                                        <td class="nhsuk-table__cell">{due.clone()}</td>
                                        <td class="nhsuk-table__cell">{outcome_tag(d.outcome)}</td>
                                        <td class="nhsuk-table__cell">{d.delivered_on.map(long_date).unwrap_or_else(|| "Not delivered".into())}</td>
                                        <td class="nhsuk-table__cell app-pre-line">{d.note.to_string()}</td>
                                        <td class="nhsuk-table__cell">
                                            <A href=delivery_path(&d.id) attr:aria-label=format!("Change the delivery record due {due}")>"Change"</A>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </DataTable>
                    }.into_any()
                }}
            })}
            <div class="no-print">
                <h3>"Record whether it was delivered"</h3>
                {own_summary.then(|| view! { <ErrorSummary errors=errors_read /> })}
                <form novalidate on:submit=add>
                    <DeliveryFields form errors=errors_read />
                    <button type="submit" class="nhsuk-button nhsuk-button--secondary">"Save the delivery record"</button>
                </form>
                <p role="status" class="nhsuk-u-visually-hidden">{move || status.get()}</p>
            </div>
        </section>
    }
}

#[component]
fn DeliveryNotFound() -> impl IntoView {
    view! {
        <h1>"Delivery record not found"</h1>
        <p>"This delivery record is not in your workbook. It may have been deleted."</p>
        <p><A href="/support-agreement">"Go to your support agreements"</A></p>
    }
}

/// Changing or deleting one delivery record.
#[component]
pub fn EditDelivery() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let record = store.select(move |w| w.delivery(&id.get()).map(|(_, _, d)| DeliveryDraft::of(d)));
    let guard = StaleGuard::new(record.into(), DeliveryDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = DeliveryForm::new(guard.opened().unwrap_or_default());
    // Where it sits, as the page opened: the way back, and what it is called.
    let (back, commitment, agreement, due) = store.workbook.with_untracked(|w| {
        w.delivery(&id.get_untracked())
            .map(|(a, c, d)| {
                (
                    commitment_path(&c.id),
                    c.short_title(),
                    a.title(),
                    long_date(d.due_on),
                )
            })
            .unwrap_or_default()
    });
    let save = {
        let back = back.clone();
        let navigate = navigate.clone();
        Callback::new(move |()| {
            let draft = form.draft();
            if guard.may_save(&draft)
                && saver.submit(Change::update(&id.get_untracked(), draft), errors)
            {
                navigate(&back, Default::default());
            }
        })
    };
    let delete = {
        let back = back.clone();
        Callback::new(move |()| {
            if saver.act(Change::delete(RecordKind::Delivery, &id.get_untracked())) {
                navigate(&back, Default::default());
            }
        })
    };
    view! {
        <Title text="Change a delivery record" />
        <Show when=move || guard.was_found() fallback=DeliveryNotFound>
            <span class="nhsuk-caption-l">{format!("{commitment} · {agreement}")}</span>
            <h1>"Change a delivery record"</h1>
            <StaleNotice guard what="delivery record" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <DeliveryFields form errors=errors.into() />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=back.clone()>"Cancel"</A></p>
            <h2>"Delete this delivery record"</h2>
            <p>"You can undo it straight after."</p>
            <DeleteButton what=format!("the delivery record due {due}") on_confirm=delete />
        </Show>
    }
}
