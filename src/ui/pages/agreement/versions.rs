//! An agreement's versions: saving one and sending it to the other party as
//! a file, reading theirs and settling its changes clause by clause (each
//! accepted or rejected), and marking the latest one agreed with the names
//! and dates both parties typed.
//!
//! The comparison and the settling are the model's (`agreement::versions`);
//! this page shows them and sends the user's choices as one change.

use std::collections::HashMap;

use chrono::Utc;
use leptos::prelude::*;

use super::parts::{agreement_path, AgreementNotFound, UnreadableAgreements};
use crate::model::agreement::records::{
    SIGN_GROUP_NAME_FIELD, SIGN_GROUP_ON_FIELD, SIGN_ORGANISATION_NAME_FIELD,
    SIGN_ORGANISATION_ON_FIELD, VERSION_NOTE_FIELD,
};
use crate::model::agreement::versions::{compare, settle, Difference, FieldChange};
use crate::model::agreement::{
    AgreementVersion, SignOffDraft, SupportAgreement, Terms, VersionDraft, VersionSource,
};
use crate::model::common::dates::long_date;
use crate::model::common::ids::new_id;
use crate::model::common::validation::FieldError;
use crate::model::files::agreement_file::{
    agreement_import_message, read_agreement_file, AgreementDetails, AgreementFile,
};
use crate::model::workbook::change::Received;
use crate::model::workbook::free_text::agreement_file_texts;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{
    ChosenFile, DataTable, DeleteButton, ErrorSummary, Field, FieldKind, FileImport,
    IdentifierList, StackedCell, Title,
};
use crate::ui::routing::{use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

type Agreement = Memo<Option<SupportAgreement>>;

#[component]
pub fn Versions() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("agreement").unwrap_or_default());
    let agreement: Agreement = store.select(move |w| w.support_agreement(&id.get()).cloned());
    let title = Memo::new(move |_| agreement.with(|a| a.as_ref().map(SupportAgreement::title)));
    // The save and sign-off forms' errors, in the one summary at the top.
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let report = RwSignal::new(None::<SettledReport>);
    view! {
        <Title text=move || title.get().map(|t| format!("Versions: {t}")).unwrap_or_else(|| "Agreement not found".into()) />
        <UnreadableAgreements />
        <Show when=move || title.with(Option::is_some) fallback=AgreementNotFound>
            <span class="nhsuk-caption-l">{move || title.get()}</span>
            <h1>"Versions"</h1>
            <p>
                "A version keeps the commitments' wording as it stood when it was saved, sent or received: v1, v2 and so on. \
                 Send yours to the other party as a file, import the version they send back, accept or reject each of their \
                 changes, and mark the version you both agree."
            </p>
            <ErrorSummary errors=errors.into() />
            <SettledBanner report />
            <VersionTable agreement />
            <SendVersion agreement errors />
            <ImportTheirs agreement report />
            <MarkAgreed agreement errors />
            <p><A href=move || agreement_path(&id.get())>"Back to the agreement"</A></p>
        </Show>
    }
}

/// Where a version came from, in words.
fn source_label(source: VersionSource, other_party: &str) -> String {
    match source {
        VersionSource::Ours => "Saved here".into(),
        VersionSource::Received => format!("Received from {other_party}"),
        VersionSource::Settled => "Settled from their changes".into(),
    }
}

/// A version as the table shows it.
#[derive(Clone, PartialEq)]
struct VersionLine {
    id: String,
    number: u32,
    source: String,
    note: String,
    saved: String,
    /// Both names and dates, once agreed.
    agreed: Option<String>,
}

fn version_line(a: &SupportAgreement, v: &AgreementVersion) -> VersionLine {
    VersionLine {
        id: v.id.clone(),
        number: v.number,
        source: source_label(v.source, a.party_name(a.our_side.other())),
        note: v.note.to_string(),
        saved: browser::local_date_time(v.created_at),
        agreed: v.sign_off.as_ref().map(|s| {
            format!(
                "For {}: {}, {}. For {}: {}, {}.",
                a.group_name,
                s.group_name,
                long_date(s.group_on),
                a.organisation_name,
                s.organisation_name,
                long_date(s.organisation_on)
            )
        }),
    }
}

/// Every version, newest first, each with its source, note, date and
/// whether it was agreed; each can be deleted (with undo straight after).
#[component]
fn VersionTable(agreement: Agreement) -> impl IntoView {
    let saver = use_saver();
    let lines = Memo::new(move |_| {
        agreement.with(|a| {
            a.as_ref()
                .map(|a| {
                    let mut lines: Vec<VersionLine> =
                        a.versions.iter().map(|v| version_line(a, v)).collect();
                    lines.sort_by(|x, y| y.number.cmp(&x.number));
                    lines
                })
                .unwrap_or_default()
        })
    });
    let row = move |line: VersionLine| {
        let id = line.id.clone();
        let delete = Callback::new(move |()| {
            saver.act(Change::delete(RecordKind::AgreementVersion, &id));
        });
        let has_note = !line.note.is_empty();
        view! {
            <tr class="nhsuk-table__row" role="row">
                <th scope="row" class="nhsuk-table__cell" role="rowheader">{format!("v{}", line.number)}</th>
                <StackedCell column="Where it came from">{line.source}</StackedCell>
                <StackedCell column="Note" class=if has_note { "app-pre-line" } else { "app-table__cell--empty" }>
                    {if has_note { line.note } else { "None".into() }}
                </StackedCell>
                <StackedCell column="Saved">{line.saved}</StackedCell>
                <StackedCell column="Agreed" wide=true>
                    {match line.agreed {
                        Some(names) => view! {
                            <strong class="nhsuk-tag nhsuk-tag--green">"Agreed"</strong>
                            " " {names}
                        }.into_any(),
                        None => "Not agreed".into_any(),
                    }}
                </StackedCell>
                <StackedCell column="Delete">
                    <DeleteButton what=format!("version {}", line.number) on_confirm=delete compact=true />
                </StackedCell>
            </tr>
        }
    };
    view! {
        <h2>"Versions kept"</h2>
        {move || {
            let lines = lines.get();
            if lines.is_empty() {
                return view! { <p>"No version has been saved yet."</p> }.into_any();
            }
            view! {
                <DataTable caption="Versions of this agreement, newest first" stacked=true
                    headers=vec!["Version".into(), "Where it came from".into(), "Note".into(), "Saved".into(), "Agreed".into(), "Delete".into()]>
                    {lines.into_iter().map(row).collect_view()}
                </DataTable>
            }.into_any()
        }}
    }
}

/// What the send form needs to know of the agreement.
#[derive(Clone, PartialEq)]
struct SendState {
    has_commitments: bool,
    /// The latest version's number, when the commitments are worded as it has them.
    same_as_latest: Option<u32>,
    next_number: u32,
    other_party: String,
}

/// Downloads `version_id` of the agreement as the file the other party
/// imports; says what happened.
fn download_version(agreement: &SupportAgreement, version_id: &str) -> String {
    let Some(version) = agreement.versions.iter().find(|v| v.id == version_id) else {
        return "That version is no longer in your workbook.".into();
    };
    let file = AgreementFile::of(agreement, version, Utc::now().into());
    let name = file.file_name();
    match browser::download_text(&name, &file.to_json(), "application/json") {
        Ok(()) => format!(
            "Version {} is downloading as {name}. Send it to {} by NHSmail or another route your organisation \
             approves for work information.",
            version.number,
            agreement.party_name(agreement.our_side.other())
        ),
        Err(reason) => reason,
    }
}

/// "Save a version and send it": a note, then the new version saved and
/// downloaded; when nothing changed since the latest, that one again.
#[component]
fn SendVersion(agreement: Agreement, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let note = RwSignal::new(String::new());
    // What the last download said, with the versions there were then: once
    // a version is added or deleted it no longer describes what is here.
    let status = RwSignal::new(None::<(String, usize)>);
    let version_count =
        Memo::new(move |_| agreement.with(|a| a.as_ref().map_or(0, |a| a.versions.len())));
    let state = Memo::new(move |_| {
        agreement.with(|a| {
            a.as_ref().map(|a| SendState {
                has_commitments: !a.commitments.is_empty(),
                same_as_latest: a
                    .matches_latest_version()
                    .then(|| a.latest_version().map(|v| v.number))
                    .flatten(),
                next_number: a.next_version_number(),
                other_party: a.party_name(a.our_side.other()).to_string(),
            })
        })
    });
    let texts = Signal::derive(move || {
        agreement.with(|a| a.as_ref().map(agreement_file_texts).unwrap_or_default())
    });
    let agreement_id = move || agreement.with_untracked(|a| a.as_ref().map(|a| a.id.clone()));
    let download_now = move |version_id: String| {
        let Some(id) = agreement_id() else { return };
        let said = store.workbook.with_untracked(|w| {
            w.support_agreement(&id)
                .map(|a| download_version(a, &version_id))
        });
        status.set(said.map(|said| (said, version_count.get_untracked())));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = agreement_id() else { return };
        let change = Change::add(
            Some(&id),
            VersionDraft {
                note: note.get_untracked(),
                source: VersionSource::Ours,
                sign_off: None,
            },
        );
        let version_id = change.created_id().unwrap_or_default().to_string();
        if saver.submit(change, errors) {
            note.set(String::new());
            download_now(version_id);
        }
    };
    let send_again = move |_| {
        let latest = agreement.with_untracked(|a| {
            a.as_ref()
                .and_then(|a| a.latest_version().map(|v| v.id.clone()))
        });
        if let Some(version_id) = latest {
            download_now(version_id);
        }
    };
    view! {
        <h2>"Save a version and send it"</h2>
        {move || state.get().map(|s| {
            let intro = view! {
                <p>{format!(
                    "Saving a version keeps the commitments' wording as it is now and downloads it as a file to send to {}. \
                     They import it into their own copy of this app and can send back their version with their changes.",
                    s.other_party
                )}</p>
            };
            if !s.has_commitments {
                return view! { {intro} <p>"Add at least one commitment before saving a version."</p> }.into_any();
            }
            match s.same_as_latest {
                Some(number) => view! {
                    {intro}
                    <p>{format!("The commitments are worded as version {number} has them, so there is nothing new to save. You can send version {number} again.")}</p>
                    <IdentifierList texts what="download the file" />
                    <button type="button" class="nhsuk-button" on:click=send_again>{format!("Download version {number} again")}</button>
                }.into_any(),
                None => view! {
                    {intro}
                    <IdentifierList texts what="download the file" />
                    <form novalidate on:submit=save>
                        <Field id=VERSION_NOTE_FIELD label="Note (optional)"
                            hint="What this version is, for example: sent to the ICB for comment."
                            errors=errors bind=note />
                        <button type="submit" class="nhsuk-button">{format!("Save version {} and download it", s.next_number)}</button>
                    </form>
                }.into_any(),
            }
        })}
        <p role="status">
            {move || status.get().filter(|(_, count)| *count == version_count.get()).map(|(said, _)| said)}
        </p>
    }
}

/// The rows of a commitment's wording, for one that was added or taken out.
fn wording(t: &Terms) -> Vec<(&'static str, String)> {
    vec![
        ("What is provided", t.what.to_string()),
        ("Who provides it", t.provider.to_string()),
        ("By when or how often", t.when.to_string()),
        ("How delivery is measured", t.measure.to_string()),
        (
            "Due by",
            t.due.map(long_date).unwrap_or_else(|| "No date".into()),
        ),
    ]
}

/// One difference as the page names it.
#[derive(Clone, PartialEq)]
struct Named {
    /// The commitment's id (the choice's key).
    id: String,
    /// "Clause 2: Indicative budget", "New clause: Review meetings".
    heading: String,
    /// "clause 2, Indicative budget", for sentences and accessible names.
    name: String,
    /// "Reworded", "Date moved", "Added by them", "Taken out by them".
    kind: &'static str,
    accept: &'static str,
    reject: &'static str,
    difference: Difference,
}

fn name_differences(ours: &[Terms], differences: &[Difference]) -> Vec<Named> {
    differences
        .iter()
        .map(|d| {
            let id = d.commitment_id().to_string();
            let number = ours.iter().position(|t| t.id == id).map(|i| i + 1);
            let title = match d {
                Difference::Added(t) | Difference::Removed(t) => t.short_title(),
                Difference::Changed { theirs, .. } => ours
                    .iter()
                    .find(|t| t.id == id)
                    .unwrap_or(theirs)
                    .short_title(),
            };
            let (heading, name) = match number {
                Some(n) => (
                    format!("Clause {n}: {title}"),
                    format!("clause {n}, {title}"),
                ),
                None => (
                    format!("New clause: {title}"),
                    format!("new clause, {title}"),
                ),
            };
            let (kind, accept, reject) = match d {
                Difference::Added(_) => ("Added by them", "Accept: add it", "Reject: leave it out"),
                Difference::Removed(_) => (
                    "Taken out by them",
                    "Accept: take it out",
                    "Reject: keep it",
                ),
                Difference::Changed { .. } if d.only_date_moved() => {
                    ("Date moved", "Accept their date", "Reject: keep our date")
                }
                Difference::Changed { .. } => (
                    "Reworded",
                    "Accept their wording",
                    "Reject: keep our wording",
                ),
            };
            Named {
                id,
                heading,
                name,
                kind,
                accept,
                reject,
                difference: d.clone(),
            }
        })
        .collect()
}

/// The other party's file compared with the agreement as it is now.
#[derive(Clone, PartialEq)]
struct Compared {
    differences: Vec<Named>,
    details: Vec<FieldChange>,
    their_party: String,
    /// Sent from this workbook's own side (a file of ours chosen by mistake,
    /// or a colleague's): said, as "they changed" would mislead.
    from_us: bool,
    sent_at: String,
    their_number: u32,
    /// The number their version is kept under here, and the settled one's.
    kept_as: u32,
    settled_as: u32,
}

/// What was settled, for the banner.
#[derive(Clone, PartialEq)]
struct SettledReport {
    number: u32,
    kept_as: u32,
    accepted: Vec<String>,
    rejected: Vec<String>,
}

/// The key the agreement's details are chosen under (no commitment has it:
/// commitment ids start "commitment-").
const DETAILS_KEY: &str = "details";

fn choice_name(key: &str) -> String {
    format!("choice-{key}")
}

/// "1 change", "2 changes".
fn changes(n: usize) -> String {
    if n == 1 {
        "1 change".into()
    } else {
        format!("{n} changes")
    }
}

/// "Import the other party's version": their file read, checked to be for
/// this agreement, and compared clause by clause; each change accepted or
/// rejected, then saved as the next version.
#[component]
fn ImportTheirs(agreement: Agreement, report: RwSignal<Option<SettledReport>>) -> impl IntoView {
    let saver = use_saver();
    let file = RwSignal::new(None::<AgreementFile>);
    let refused = RwSignal::new(None::<String>);
    let choices = RwSignal::new(HashMap::<String, bool>::new());
    // (control id, message): a difference left unchosen, or why saving failed.
    let choice_errors = RwSignal::new(Vec::<(String, String)>::new());

    let on_file = Callback::new(move |chosen: ChosenFile| {
        let ours = agreement.with_untracked(|a| a.as_ref().map(|a| a.id.clone()));
        choices.set(HashMap::new());
        choice_errors.set(Vec::new());
        report.set(None);
        match read_agreement_file(&chosen.text) {
            Ok(read) if Some(&read.agreement.id) != ours.as_ref() => {
                file.set(None);
                refused.set(Some(format!(
                    "{}: this file belongs to another agreement, between {} and {}, not this one. Nothing has been \
                     changed. To keep it as an agreement of its own, import it from your support agreements page.",
                    chosen.name, read.agreement.group_name, read.agreement.organisation_name
                )));
            }
            Ok(read) => {
                refused.set(None);
                file.set(Some(read));
            }
            Err(error) => {
                file.set(None);
                refused.set(Some(format!(
                    "{}: {} Nothing has been changed.",
                    chosen.name,
                    agreement_import_message(&error)
                )));
            }
        }
    });
    let on_error = Callback::new(move |reason: String| {
        file.set(None);
        refused.set(Some(format!("{reason} Nothing has been changed.")));
    });

    // Worked out again if the agreement changes (in another tab, say) while
    // the comparison is open, so what is saved is against what is there now.
    let compared = Memo::new(move |_| {
        let f = file.get()?;
        agreement.with(|a| {
            let a = a.as_ref()?;
            let ours = a.terms();
            let differences = compare(&ours, &f.commitments);
            let kept_as = f.version_number.max(a.next_version_number());
            Some(Compared {
                differences: name_differences(&ours, &differences),
                details: AgreementDetails::of(a).changes_to(&f.agreement),
                their_party: a.party_name(f.sent_by).to_string(),
                from_us: f.sent_by == a.our_side,
                sent_at: browser::local_date_time(f.sent_at),
                their_number: f.version_number,
                kept_as,
                settled_as: kept_as + 1,
            })
        })
    });

    let save = move |_| {
        let (Some(f), Some(c), Some(a)) = (
            file.get_untracked(),
            compared.get_untracked(),
            agreement.get_untracked(),
        ) else {
            return;
        };
        let chosen = choices.get_untracked();
        let mut missing = Vec::new();
        for d in &c.differences {
            if !chosen.contains_key(&d.id) {
                missing.push((
                    format!("{}-accept", choice_name(&d.id)),
                    format!(
                        "Choose whether to accept or reject their change to {}",
                        d.name
                    ),
                ));
            }
        }
        if !c.details.is_empty() && !chosen.contains_key(DETAILS_KEY) {
            missing.push((
                format!("{}-accept", choice_name(DETAILS_KEY)),
                "Choose whether to accept or reject their changes to the agreement's details"
                    .into(),
            ));
        }
        if !missing.is_empty() {
            choice_errors.set(missing);
            return;
        }
        let details_accepted = !c.details.is_empty() && chosen.get(DETAILS_KEY) == Some(&true);
        let details = f.agreement.draft(a.our_side);
        if details_accepted {
            if let Err(problems) = details.validate(a.id.clone(), Utc::now().into()) {
                choice_errors.set(vec![(
                    format!("{}-accept", choice_name(DETAILS_KEY)),
                    format!(
                        "Their details cannot be accepted: {}. Reject them, or ask them to send the file again",
                        problems.first().map(|p| p.message.as_str()).unwrap_or("they are not complete")
                    ),
                )]);
                return;
            }
        }
        let differences: Vec<Difference> =
            c.differences.iter().map(|d| d.difference.clone()).collect();
        let accepted_ids: Vec<&str> = c
            .differences
            .iter()
            .filter(|d| chosen.get(&d.id) == Some(&true))
            .map(|d| d.id.as_str())
            .collect();
        let described = |d: &Named| format!("{} ({})", d.name, d.kind.to_lowercase());
        let mut accepted: Vec<String> = c
            .differences
            .iter()
            .filter(|d| chosen.get(&d.id) == Some(&true))
            .map(described)
            .collect();
        let mut rejected: Vec<String> = c
            .differences
            .iter()
            .filter(|d| chosen.get(&d.id) == Some(&false))
            .map(described)
            .collect();
        if !c.details.is_empty() {
            let said = "the agreement's details".to_string();
            if details_accepted {
                accepted.push(said);
            } else {
                rejected.push(said);
            }
        }
        let note = format!(
            "Their version {}: {} accepted, {} rejected",
            c.their_number,
            changes(accepted.len()),
            rejected.len()
        );
        let change = Change::SettleAgreement {
            agreement: a.id.clone(),
            received: Box::new(Received {
                id: new_id("version"),
                number: f.version_number,
                terms: f.commitments.clone(),
            }),
            version: new_id("version"),
            terms: settle(&a.terms(), &differences, &accepted_ids),
            note,
        };
        if let Err(refusal) = saver.apply(change) {
            choice_errors.set(vec![(
                String::new(),
                format!("Nothing was saved: {refusal}."),
            )]);
            return;
        }
        // The details after the commitments: had they been refused, the
        // settled version would still stand and the banner says so.
        if details_accepted {
            if let Err(refusal) = saver.apply(Change::update(&a.id, details)) {
                rejected.push(format!(
                    "the agreement's details could not be changed: {refusal}"
                ));
            }
        }
        file.set(None);
        choices.set(HashMap::new());
        choice_errors.set(Vec::new());
        report.set(Some(SettledReport {
            number: c.settled_as,
            kept_as: c.kept_as,
            accepted,
            rejected,
        }));
    };

    view! {
        <h2>"Import the other party's version"</h2>
        <p>
            "When the other party sends back their version, import it here to see clause by clause what they changed: \
             clauses added, taken out, reworded or with their date moved. Accept or reject each change; nothing changes \
             until you save."
        </p>
        <FileImport id="their-version-file" label="Choose the file they sent"
            hint="Its name starts support-agreement, for example support-agreement-v2-nene-valley-pcn-2027-04-01.json."
            on_file on_error />
        {move || refused.get().map(|reason| view! {
            <div class="nhsuk-error-summary" role="alert" aria-labelledby="their-version-error-title" tabindex="-1">
                <h3 class="nhsuk-error-summary__title" id="their-version-error-title">"This file cannot be imported"</h3>
                <div class="nhsuk-error-summary__body"><p>{reason}</p></div>
            </div>
        })}
        {move || compared.get().map(|c| view! { <Comparison compared=c choices choice_errors on_save=Callback::new(save) /> })}
    }
}

/// The comparison: each difference and the details, each with its choice.
#[component]
fn Comparison(
    compared: Compared,
    choices: RwSignal<HashMap<String, bool>>,
    choice_errors: RwSignal<Vec<(String, String)>>,
    on_save: Callback<()>,
) -> impl IntoView {
    let Compared {
        differences,
        details,
        their_party,
        from_us,
        sent_at,
        their_number,
        kept_as,
        settled_as,
    } = compared;
    let heading = format!("Their version {their_number}, sent on {sent_at}");
    if differences.is_empty() && details.is_empty() {
        return view! {
            <div class="nhsuk-inset-text" role="status">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <h3>{heading}</h3>
                <p>{if from_us {
                    format!("This version was sent from your own side, {their_party}, and it matches yours: there is nothing to accept or reject.")
                } else {
                    format!("Their version matches yours: {their_party} changed nothing, so there is nothing to accept or reject.")
                }}</p>
            </div>
        }
        .into_any();
    }
    let count = differences.len();
    let what_differs = match (count, details.is_empty()) {
        (0, _) => "in the agreement's details".to_string(),
        (1, true) => "in 1 clause".to_string(),
        (n, true) => format!("in {n} clauses"),
        (1, false) => "in 1 clause and in the agreement's details".to_string(),
        (n, false) => format!("in {n} clauses and in the agreement's details"),
    };
    let cards = differences
        .into_iter()
        .map(|d| view! { <DifferenceCard named=d choices choice_errors /> })
        .collect_view();
    let details_card = (!details.is_empty()).then(|| {
        let rows: Vec<(&'static str, String, String)> = details
            .into_iter()
            .map(|c| (c.field, c.ours, c.theirs))
            .collect();
        view! {
            <ChoiceCard choice_key=DETAILS_KEY.to_string() heading="The agreement's details".to_string()
                name="the agreement's details".to_string() kind="Changed by them"
                accept="Accept their details" reject="Reject: keep ours"
                rows columns=Columns::Both choices choice_errors />
        }
    });
    view! {
        <section aria-labelledby="their-version-title">
            <h3 id="their-version-title">{heading}</h3>
            <p>{format!(
                "{their_party}'s version differs from yours {what_differs}. Accept or reject each change below, then save. \
                 Their version is kept as they sent it, as version {kept_as}, and the result as version {settled_as}."
            )}</p>
            {from_us.then(|| view! {
                <div class="nhsuk-warning-callout">
                    <p class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Sent from your own side"</span></p>
                    <p>{format!("This file was sent from your own side, {their_party}, not by the other party. Check it is the file you meant to import.")}</p>
                </div>
            })}
            <ChoiceErrors choice_errors />
            {cards}
            {details_card}
            <button type="button" class="nhsuk-button" on:click=move |_| on_save.run(())>
                {format!("Save as version {settled_as}")}
            </button>
        </section>
    }
    .into_any()
}

/// The summary of choices not made (NHS.UK error summary), linking to each.
#[component]
fn ChoiceErrors(choice_errors: RwSignal<Vec<(String, String)>>) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !choice_errors.with(Vec::is_empty) {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
    });
    view! {
        <Show when=move || !choice_errors.with(Vec::is_empty)>
            <div class="nhsuk-error-summary" aria-labelledby="choices-error-title" role="alert" tabindex="-1" node_ref=summary>
                <h4 class="nhsuk-error-summary__title" id="choices-error-title">"There is a problem"</h4>
                <div class="nhsuk-error-summary__body">
                    <ul class="nhsuk-list nhsuk-error-summary__list">
                        {move || choice_errors.get().into_iter().map(|(target, message)| {
                            if target.is_empty() {
                                return view! { <li>{message}</li> }.into_any();
                            }
                            // Focus the radio itself: the app's routes live after
                            // '#', so a plain link there would leave the page.
                            let focus = {
                                let target = target.clone();
                                move |ev: leptos::ev::MouseEvent| {
                                    ev.prevent_default();
                                    if let Some(element) = document().get_element_by_id(&target) {
                                        use wasm_bindgen::JsCast;
                                        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                                            let _ = element.focus();
                                        }
                                    }
                                }
                            };
                            view! { <li><a href=format!("#{target}") on:click=focus>{message}</a></li> }.into_any()
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </Show>
    }
}

/// Which columns a card's table has.
#[derive(Clone, Copy, PartialEq)]
enum Columns {
    Both,
    Ours,
    Theirs,
}

#[component]
fn DifferenceCard(
    named: Named,
    choices: RwSignal<HashMap<String, bool>>,
    choice_errors: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    let (rows, columns): (Vec<(&'static str, String, String)>, Columns) = match &named.difference {
        Difference::Added(t) => (
            wording(t)
                .into_iter()
                .map(|(f, v)| (f, String::new(), v))
                .collect(),
            Columns::Theirs,
        ),
        Difference::Removed(t) => (
            wording(t)
                .into_iter()
                .map(|(f, v)| (f, v, String::new()))
                .collect(),
            Columns::Ours,
        ),
        Difference::Changed { changes, .. } => (
            changes
                .iter()
                .map(|c| (c.field, c.ours.clone(), c.theirs.clone()))
                .collect(),
            Columns::Both,
        ),
    };
    view! {
        <ChoiceCard choice_key=named.id heading=named.heading name=named.name kind=named.kind
            accept=named.accept reject=named.reject rows columns choices choice_errors />
    }
}

/// A card for one change: what it is, the fields ours and theirs, and the
/// choice to accept or reject it (each radio's name says which clause).
#[component]
fn ChoiceCard(
    choice_key: String,
    heading: String,
    name: String,
    kind: &'static str,
    accept: &'static str,
    reject: &'static str,
    rows: Vec<(&'static str, String, String)>,
    columns: Columns,
    choices: RwSignal<HashMap<String, bool>>,
    choice_errors: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    let key = choice_key;
    let group = choice_name(&key);
    let accept_id = format!("{group}-accept");
    let reject_id = format!("{group}-reject");
    let error = {
        let accept_id = accept_id.clone();
        Memo::new(move |_| {
            choice_errors.with(|e| {
                e.iter()
                    .find(|(target, _)| *target == accept_id)
                    .map(|(_, m)| m.clone())
            })
        })
    };
    let error_id = format!("{group}-error");
    let headers = match columns {
        Columns::Both => vec!["Field".to_string(), "Yours".into(), "Theirs".into()],
        Columns::Ours => vec!["Field".to_string(), "Yours".into()],
        Columns::Theirs => vec!["Field".to_string(), "Theirs".into()],
    };
    let table_rows = rows
        .into_iter()
        .map(|(field, ours, theirs)| {
            view! {
                <tr class="nhsuk-table__row" role="row">
                    <th scope="row" class="nhsuk-table__cell" role="rowheader">{field}</th>
                    {(columns != Columns::Theirs).then(|| view! { <StackedCell column="Yours" class="app-pre-line">{ours}</StackedCell> })}
                    {(columns != Columns::Ours).then(|| view! { <StackedCell column="Theirs" class="app-pre-line">{theirs}</StackedCell> })}
                </tr>
            }
        })
        .collect_view();
    let chosen = {
        let key = key.clone();
        move || choices.with(|c| c.get(&key).copied())
    };
    // An error stays until the next save, as NHS.UK errors do: taking it
    // away on a choice would move focus back to the summary as it changes.
    let choose = {
        let key = key.clone();
        move |value: bool| {
            choices.update(|c| {
                c.insert(key.clone(), value);
            });
        }
    };
    let radio = {
        let group = group.clone();
        let name = name.clone();
        let chosen = chosen.clone();
        let choose = choose.clone();
        move |id: String, value: bool, label: &'static str| {
            let chosen = chosen.clone();
            let choose = choose.clone();
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" type="radio" id=id.clone() name=group.clone()
                        value=if value { "accept" } else { "reject" }
                        prop:checked=move || chosen() == Some(value)
                        on:change=move |_| choose(value) />
                    <label class="nhsuk-label nhsuk-radios__label" for=id>
                        {label}<span class="nhsuk-u-visually-hidden">{format!(" – {name}")}</span>
                    </label>
                </div>
            }
        }
    };
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class="nhsuk-card app-version-change">
            <div class="nhsuk-card__content">
                <h4 class="nhsuk-card__heading">{heading.clone()}</h4>
                <p><strong class="nhsuk-tag nhsuk-tag--blue">{kind}</strong></p>
                <DataTable caption=format!("{heading}: {}", kind.to_lowercase()) caption_hidden=true stacked=true headers>
                    {table_rows}
                </DataTable>
                <div class="nhsuk-form-group nhsuk-u-margin-bottom-0" class:nhsuk-form-group--error=has_error>
                    <fieldset class="nhsuk-fieldset" aria-describedby=move || has_error().then(|| error_id.clone())>
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                            {format!("Do you accept this change to {name}?")}
                        </legend>
                        {move || error.get().map(|message| view! {
                            <span class="nhsuk-error-message" id=format!("{}-error", choice_name(&key))>
                                <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
                            </span>
                        })}
                        <div class="nhsuk-radios">
                            {radio(accept_id.clone(), true, accept)}
                            {radio(reject_id.clone(), false, reject)}
                        </div>
                    </fieldset>
                </div>
            </div>
        </div>
    }
}

/// The banner after their changes are settled: what was accepted and what
/// rejected. It takes focus, so a keyboard or screen reader user hears it.
#[component]
fn SettledBanner(report: RwSignal<Option<SettledReport>>) -> impl IntoView {
    let panel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if report.with(Option::is_some) {
            request_animation_frame(move || {
                if let Some(element) = panel.get_untracked() {
                    let _ = element.focus();
                }
            });
        }
    });
    let list = |items: Vec<String>| {
        if items.is_empty() {
            view! { <p>"None."</p> }.into_any()
        } else {
            view! {
                <ul class="nhsuk-list nhsuk-list--bullet">
                    {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    move || {
        report.get().map(|r| {
            view! {
                <div class="nhsuk-panel app-panel--compact" role="status" tabindex="-1" node_ref=panel aria-labelledby="settled-title">
                    <h2 class="nhsuk-panel__title" id="settled-title">{format!("Saved as version {}", r.number)}</h2>
                    <p>{format!("Their version is kept as they sent it, as version {}.", r.kept_as)}</p>
                    <h3>"You accepted"</h3>
                    {list(r.accepted)}
                    <h3>"You rejected"</h3>
                    {list(r.rejected)}
                </div>
            }
        })
    }
}

/// The latest version, as the sign-off form needs it.
#[derive(Clone, PartialEq)]
struct Latest {
    id: String,
    number: u32,
    draft: VersionDraft,
    group_name: String,
    organisation_name: String,
}

/// Marking the latest version agreed: each party's person and date, typed.
#[component]
fn MarkAgreed(agreement: Agreement, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let saver = use_saver();
    let latest = Memo::new(move |_| {
        agreement.with(|a| {
            let a = a.as_ref()?;
            let v = a.latest_version()?;
            Some(Latest {
                id: v.id.clone(),
                number: v.number,
                draft: VersionDraft::of(v),
                group_name: a.group_name.to_string(),
                organisation_name: a.organisation_name.to_string(),
            })
        })
    });
    let group_name = RwSignal::new(String::new());
    let group_on = RwSignal::new(String::new());
    let organisation_name = RwSignal::new(String::new());
    let organisation_on = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    // The form shows the latest version's names and dates, if it has them.
    let shown = Memo::new(move |_| {
        latest.with(|l| l.as_ref().map(|l| (l.id.clone(), l.draft.sign_off.clone())))
    });
    Effect::new(move |_| {
        let s = shown.get().and_then(|(_, s)| s).unwrap_or_default();
        group_name.set(s.group_name);
        group_on.set(s.group_on);
        organisation_name.set(s.organisation_name);
        organisation_on.set(s.organisation_on);
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(l) = latest.get_untracked() else {
            return;
        };
        let draft = VersionDraft {
            sign_off: Some(SignOffDraft {
                group_name: group_name.get_untracked(),
                group_on: group_on.get_untracked(),
                organisation_name: organisation_name.get_untracked(),
                organisation_on: organisation_on.get_untracked(),
            }),
            ..l.draft
        };
        status.set(None);
        if saver.submit(Change::update(&l.id, draft), errors) {
            status.set(Some(format!("Version {} is marked agreed.", l.number)));
        }
    };
    let print_path = move || {
        agreement.with(|a| {
            a.as_ref()
                .map(|a| format!("{}/print", agreement_path(&a.id)))
                .unwrap_or_default()
        })
    };
    view! {
        {move || match latest.get() {
            None => view! {
                <h2>"Mark a version agreed"</h2>
                <p>"Save a version first. Once both parties agree its wording, mark it agreed here."</p>
            }.into_any(),
            Some(l) => {
                let agreed = l.draft.sign_off.is_some();
                view! {
                    <h2>{format!("Mark version {} agreed", l.number)}</h2>
                    {agreed.then(|| view! {
                        <p>{format!("Version {} is marked agreed. You can correct the names and dates below.", l.number)}</p>
                    })}
                    <div class="nhsuk-inset-text">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <p>
                            "This records the names and dates you type, as a note of who agreed and when. It is not an \
                             electronic signature: the printed copy is for signing. "
                            <A href=Signal::derive(print_path)>"Print the agreement for signing"</A>
                            "."
                        </p>
                    </div>
                    <form novalidate on:submit=save>
                        <Field id=SIGN_GROUP_NAME_FIELD label=format!("Name of the person agreeing for the group, {}", l.group_name)
                            errors=errors bind=group_name />
                        <Field id=SIGN_GROUP_ON_FIELD label="Date the group agreed" kind=FieldKind::Date
                            errors=errors bind=group_on />
                        <Field id=SIGN_ORGANISATION_NAME_FIELD label=format!("Name of the person agreeing for the organisation, {}", l.organisation_name)
                            errors=errors bind=organisation_name />
                        <Field id=SIGN_ORGANISATION_ON_FIELD label="Date the organisation agreed" kind=FieldKind::Date
                            errors=errors bind=organisation_on />
                        <button type="submit" class="nhsuk-button">{format!("Mark version {} agreed", l.number)}</button>
                    </form>
                }.into_any()
            }
        }}
        <p role="status">{move || status.get()}</p>
    }
}
