//! The agreement printed for signing, and the one-page delivery report for
//! a review meeting. Both print as documents: the page's controls (the
//! print button, the way back) are `no-print`, and the header, navigation
//! and footer are left out of print for every page (style/_app.scss).

use leptos::prelude::*;

use super::delivery::standing_tag;
use super::parts::{agreement_path, AgreementNotFound, ClauseSources, UnreadableAgreements};
use crate::model::agreement::clauses;
use crate::model::agreement::delivery::DeliveryReport;
use crate::model::agreement::{AgreementVersion, SignOff, SupportAgreement};
use crate::model::common::dates::long_date;
use crate::ui::browser;
use crate::ui::components::{summary_row, DataTable, Title};
use crate::ui::routing::{use_params_map, A};
use crate::ui::store::use_store;

/// The agreement the page's address names, as it is now.
fn wanted_agreement() -> Memo<Option<SupportAgreement>> {
    let store = use_store();
    let params = use_params_map();
    let wanted = Memo::new(move |_| params.read().get("agreement").unwrap_or_default());
    store.select(move |w| w.support_agreement(&wanted.get()).cloned())
}

/// Which version the printed wording is, in words: the agreed version with
/// its sign-off, the latest saved, or a draft changed since; and, when the
/// wording is not the agreed one, the last version that was agreed.
fn version_line(a: &SupportAgreement) -> String {
    let agreed = |v: &AgreementVersion, s: &SignOff| {
        format!(
            "version {}, agreed for the group by {} on {} and for the organisation by {} on {}",
            v.number,
            s.group_name,
            long_date(s.group_on),
            s.organisation_name,
            long_date(s.organisation_on)
        )
    };
    let Some(latest) = a.latest_version() else {
        return "Draft: no version has been saved yet.".into();
    };
    let now = match (&latest.sign_off, a.matches_latest_version()) {
        (Some(s), true) => return format!("This is {}.", agreed(latest, s)),
        (_, false) => format!(
            "Draft: the commitments have changed since version {} was saved.",
            latest.number
        ),
        (None, true) => format!("Version {}, not yet marked agreed.", latest.number),
    };
    match a
        .agreed_version()
        .and_then(|v| Some((v, v.sign_off.as_ref()?)))
    {
        Some((v, s)) => format!("{now} The last version agreed was {}.", agreed(v, s)),
        None => now,
    }
}

/// The print button and the way back, neither of which is printed.
#[component]
fn PrintControls(label: &'static str, back: String) -> impl IntoView {
    view! {
        <div class="no-print app-actions">
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| browser::print()>
                {label}
            </button>
            <p><A href=back>"Back to the agreement"</A></p>
        </div>
    }
}

/// One signature block: which party, then lines to write on.
#[component]
fn SignatureBlock(
    /// "the commissioning group"
    side: &'static str,
    party: String,
    /// The name to print, when known (the agreed version's, or the lead's).
    name: String,
    /// The date to print, when the agreed version has one.
    date: Option<String>,
) -> impl IntoView {
    let line = |label: &'static str, value: Option<String>| {
        view! {
            <div class="app-sign-off__item">
                <p class="app-sign-off__label">{label}</p>
                <div class="app-sign-off__line">{value}</div>
            </div>
        }
    };
    let heading = format!("For {side}");
    let label = format!("{heading}: {party}");
    view! {
        <section class="app-signature-block" aria-label=label>
            <h3 class="nhsuk-u-margin-bottom-1">{heading}</h3>
            <p class="app-signature-block__party">{party}</p>
            {line("Name", Some(name))}
            {line("Role", None)}
            {line("Signature", None)}
            {line("Date", date)}
        </section>
    }
}

/// The agreement laid out for signing: its parties and period, its numbered
/// clauses with their sources, which version it is, and a signature block
/// for each party.
#[component]
pub fn PrintAgreement() -> impl IntoView {
    let agreement = wanted_agreement();
    view! {
        <Title text="Print the agreement" />
        {move || match agreement.get() {
            None => view! { <UnreadableAgreements /> <AgreementNotFound /> }.into_any(),
            Some(a) => printed_agreement(a).into_any(),
        }}
    }
}

fn printed_agreement(a: SupportAgreement) -> impl IntoView {
    let sign_off = a
        .matches_latest_version()
        .then(|| a.latest_version().and_then(|v| v.sign_off.clone()))
        .flatten();
    let period = format!("{} to {}", long_date(a.starts_on), long_date(a.ends_on));
    let clauses = a
        .commitments
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let clause = c.clause_id.as_deref().and_then(clauses::clause);
            view! {
                <li class="app-clause">
                    <h3>{format!("{}. {}", i + 1, c.short_title())}</h3>
                    <dl class="nhsuk-summary-list">
                        {summary_row("What is provided", c.what.to_string())}
                        {summary_row("Who provides it", c.provider.to_string())}
                        {summary_row("By when or how often", c.when.to_string())}
                        {summary_row("How delivery is measured", c.measure.to_string())}
                        {summary_row("Due date", c.due.map(long_date).unwrap_or_default())}
                    </dl>
                    {clause.map(|clause| view! { <ClauseSources clause /> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="app-printed-agreement">
            <span class="nhsuk-caption-l">"Support agreement"</span>
            <h1>{a.title()}</h1>
            <PrintControls label="Print this agreement" back=agreement_path(&a.id) />
            <p class="nhsuk-body-s">{version_line(&a)}</p>
            <h2>"The parties"</h2>
            <dl class="nhsuk-summary-list">
                {summary_row("The commissioning group", a.group_name.to_string())}
                {summary_row("The group's lead", a.group_lead.to_string())}
                {summary_row("The commissioning organisation", a.organisation_name.to_string())}
                {summary_row("The organisation's lead", a.organisation_lead.to_string())}
                {summary_row("Period", period)}
                {summary_row("First review", a.first_review.map(long_date).unwrap_or_default())}
            </dl>
            <h2>"What the commissioning organisation commits to"</h2>
            {if a.commitments.is_empty() {
                view! { <p>"No commitments have been added yet."</p> }.into_any()
            } else {
                view! { <ol class="nhsuk-list app-clauses">{clauses}</ol> }.into_any()
            }}
            <section class="app-signatures" aria-labelledby="signatures-heading">
                <h2 id="signatures-heading">"Signed"</h2>
                <p>"Agreed by both parties. The names and dates typed in the workbook are not a signature: sign this printed copy."</p>
                <div class="app-signature-blocks">
                    <SignatureBlock side="the commissioning group" party=a.group_name.to_string()
                        name=sign_off.as_ref().map_or_else(|| a.group_lead.to_string(), |s| s.group_name.to_string())
                        date=sign_off.as_ref().map(|s| long_date(s.group_on)) />
                    <SignatureBlock side="the commissioning organisation" party=a.organisation_name.to_string()
                        name=sign_off.as_ref().map_or_else(|| a.organisation_lead.to_string(), |s| s.organisation_name.to_string())
                        date=sign_off.as_ref().map(|s| long_date(s.organisation_on)) />
                </div>
            </section>
        </div>
    }
}

/// The one-page delivery report for a review meeting: each commitment's
/// record, the totals with the share on time, and the next review.
#[component]
pub fn DeliveryReportPage() -> impl IntoView {
    let agreement = wanted_agreement();
    let today = browser::today();
    view! {
        <Title text="Delivery report" />
        {move || match agreement.get() {
            None => view! { <UnreadableAgreements /> <AgreementNotFound /> }.into_any(),
            Some(a) => delivery_report(a, today).into_any(),
        }}
    }
}

fn delivery_report(a: SupportAgreement, today: chrono::NaiveDate) -> impl IntoView {
    let report = DeliveryReport::of(&a, today);
    let share = match report.on_time_percent() {
        Some(p) => format!("{p}% of the deliveries recorded were on time."),
        None => "No delivery is recorded yet.".into(),
    };
    let next = match a.next_review() {
        Some(d) if *d < today => format!("Next review: {} (overdue)", long_date(d)),
        Some(d) => format!("Next review: {}", long_date(d)),
        None => "Next review: not set".into(),
    };
    let rows = report
        .lines
        .iter()
        .map(|l| {
            view! {
                <tr class="nhsuk-table__row">
                    <td class="nhsuk-table__cell">{l.number}</td>
                    <td class="nhsuk-table__cell">{l.title.clone()}</td>
                    <td class="nhsuk-table__cell">{l.provider.clone()}</td>
                    <td class="nhsuk-table__cell app-report__count">{l.on_time}</td>
                    <td class="nhsuk-table__cell app-report__count">{l.late}</td>
                    <td class="nhsuk-table__cell app-report__count">{l.not_delivered}</td>
                    <td class="nhsuk-table__cell">{standing_tag(l.standing)}</td>
                </tr>
            }
        })
        .collect_view();
    let headers = [
        "No.",
        "Commitment",
        "Provided by",
        "On time",
        "Late",
        "Not delivered",
        "Standing now",
    ];
    view! {
        <div class="app-delivery-report">
            <span class="nhsuk-caption-l">{a.title()}</span>
            <h1>"Delivery report"</h1>
            <PrintControls label="Print this report" back=agreement_path(&a.id) />
            <p>{format!("As at {}. The agreement runs from {} to {}.", long_date(today), long_date(a.starts_on), long_date(a.ends_on))}</p>
            <p class="nhsuk-heading-s app-report__next">{next}</p>
            <DataTable caption="Delivery of each commitment" headers=headers.map(String::from).to_vec()>
                {rows}
                <tr class="nhsuk-table__row app-table__total">
                    <td class="nhsuk-table__cell"></td>
                    <th scope="row" class="nhsuk-table__cell" colspan="2">"All commitments"</th>
                    <td class="nhsuk-table__cell app-report__count">{report.on_time}</td>
                    <td class="nhsuk-table__cell app-report__count">{report.late}</td>
                    <td class="nhsuk-table__cell app-report__count">{report.not_delivered}</td>
                    <td class="nhsuk-table__cell"></td>
                </tr>
            </DataTable>
            <p class="nhsuk-heading-s">{share}</p>
            <p class="nhsuk-body-s">
                "Counts are of the delivery records kept for each commitment: each time it was due, whether it came on time, late or not at all. "
                "Standing now is what the latest record says, or that its date has passed with nothing recorded."
            </p>
        </div>
    }
}
