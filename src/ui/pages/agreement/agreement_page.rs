//! An agreement's page: its parties and period, what needs attention
//! (commitments delivered late or not, those past their date with nothing
//! recorded, the next review), its numbered commitments, and the way to its
//! versions, review meetings, printed copy and delivery report.

use leptos::prelude::*;

use super::parts::{agreement_path, commitment_path, AgreementNotFound, UnreadableAgreements};
use crate::model::agreement::delivery::{attention, Standing};
use crate::model::agreement::Party;
use crate::model::common::dates::long_date;
use crate::ui::browser;
use crate::ui::components::{summary_row, Title};
use crate::ui::routing::{use_params_map, A};
use crate::ui::store::use_store;

/// The agreement's details, as the summary list shows them.
#[derive(Clone, PartialEq)]
struct Details {
    title: String,
    group: String,
    organisation: String,
    period: String,
    our_side: &'static str,
    drafted_from: Option<(String, String)>,
    version: String,
    changed_since: Option<u32>,
}

/// One commitment's line: its number, wording and how it stands today.
#[derive(Clone, PartialEq)]
struct Line {
    id: String,
    number: usize,
    title: String,
    what: String,
    provider: String,
    when: String,
    measure: String,
    due: Option<String>,
    standing: String,
    pressing: bool,
}

#[component]
pub fn AgreementPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("agreement").unwrap_or_default());
    let today = browser::today();
    let details = store.select(move |w| {
        let a = w.support_agreement(&id.get())?;
        Some(Details {
            title: a.title(),
            group: format!("{} (lead: {})", a.group_name, a.group_lead),
            organisation: format!("{} (lead: {})", a.organisation_name, a.organisation_lead),
            period: format!("{} to {}", long_date(a.starts_on), long_date(a.ends_on)),
            our_side: match a.our_side {
                Party::Group => "The commissioning group",
                Party::Organisation => "The commissioning organisation",
            },
            drafted_from: a
                .drafted_from_id
                .as_deref()
                .and_then(|id| w.assessment(id))
                .map(|s| (s.id.clone(), s.title())),
            version: match (a.agreed_version(), a.latest_version()) {
                (Some(agreed), Some(latest)) if agreed.number == latest.number => {
                    format!("Version {} agreed", agreed.number)
                }
                (Some(agreed), Some(latest)) => format!(
                    "Version {} agreed; version {} is the latest",
                    agreed.number, latest.number
                ),
                (_, Some(latest)) => format!("Version {} (not agreed yet)", latest.number),
                _ => "Draft: no version saved or sent yet".into(),
            },
            changed_since: (!a.versions.is_empty() && !a.matches_latest_version())
                .then(|| a.latest_version().map(|v| v.number))
                .flatten(),
        })
    });
    let needs = store.select(move |w| {
        w.support_agreement(&id.get())
            .map(|a| attention(a, today))
            .unwrap_or_default()
    });
    let lines = store.select(move |w| {
        w.support_agreement(&id.get())
            .map(|a| {
                a.commitments
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let standing = Standing::of(c, today);
                        Line {
                            id: c.id.clone(),
                            number: i + 1,
                            title: c.short_title(),
                            what: c.what.to_string(),
                            provider: c.provider.to_string(),
                            when: c.when.to_string(),
                            measure: c.measure.to_string(),
                            due: c.due.map(long_date),
                            standing: standing.label(),
                            pressing: standing.needs_attention(),
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let path = move |tail: &str| format!("{}{tail}", agreement_path(&id.get()));
    view! {
        <Title text=move || details.with(|d| d.as_ref().map_or("Agreement not found".into(), |d| d.title.clone())) />
        <UnreadableAgreements />
        <Show when=move || details.with(Option::is_some) fallback=AgreementNotFound>
            {move || details.get().map(|d| view! {
                <span class="nhsuk-caption-l">"Support agreement"</span>
                <h1>{d.title.clone()}</h1>
                <dl class="nhsuk-summary-list">
                    {summary_row("The commissioning group", d.group.clone())}
                    {summary_row("The commissioning organisation", d.organisation.clone())}
                    {summary_row("Period", d.period.clone())}
                    {summary_row("Your side", d.our_side.to_string())}
                    {summary_row("Version", d.version.clone())}
                    {d.drafted_from.clone().map(|(aid, title)| view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">"Drafted from"</dt>
                            <dd class="nhsuk-summary-list__value">
                                <A href=format!("/self-assessment/{aid}/results")>{title}</A>
                            </dd>
                        </div>
                    })}
                </dl>
                {d.changed_since.map(|n| view! {
                    <div class="nhsuk-inset-text">
                        <span class="nhsuk-u-visually-hidden">"Information: "</span>
                        <p>{format!("You have changed the commitments since version {n}. Save a new version on the Versions page before you send it.")}</p>
                    </div>
                })}
            })}
            <p>
                <A href=move || path("/details")>"Change the agreement's details"</A>
            </p>
            <h2>"What needs attention"</h2>
            {move || {
                let n = needs.get();
                if n.is_empty() {
                    return view! { <p>"Nothing needs attention: no commitment is late or undelivered, and no review meeting is planned."</p> }.into_any();
                }
                view! {
                    <ul class="nhsuk-list nhsuk-list--bullet" aria-label="What needs attention">
                        {n.commitments.into_iter().map(|p| view! {
                            <li>
                                <A href=commitment_path(&p.commitment_id)>{format!("{}. {}", p.number, p.title)}</A>
                                ": " {p.standing.label().to_lowercase()}
                            </li>
                        }).collect_view()}
                        {n.next_review.map(|d| view! {
                            <li>
                                {if n.review_overdue {
                                    format!("The review meeting planned for {} has not been recorded. ", long_date(d))
                                } else {
                                    format!("Next review meeting: {}. ", long_date(d))
                                }}
                                <A href=path("/reviews")>"Review meetings"</A>
                            </li>
                        })}
                    </ul>
                }.into_any()
            }}
            <h2>"Commitments"</h2>
            <Show when=move || !lines.with(Vec::is_empty)
                fallback=|| view! { <p>"There are no commitments yet. Add the support the commissioning organisation will give."</p> }>
                <ol class="nhsuk-list app-commitments" aria-label="Commitments">
                    <For each=move || lines.get() key=|l| (l.id.clone(), l.number, l.title.clone(), l.what.clone(), l.provider.clone(), l.when.clone(), l.measure.clone(), l.due.clone(), l.standing.clone()) let:l>
                        <li class="nhsuk-card nhsuk-u-margin-bottom-4">
                            <div class="nhsuk-card__content">
                                <h3 class="nhsuk-card__heading nhsuk-heading-s">
                                    <A href=commitment_path(&l.id)>{format!("{}. {}", l.number, l.title)}</A>
                                </h3>
                                <p>{l.what.clone()}</p>
                                <dl class="nhsuk-summary-list nhsuk-u-margin-bottom-0">
                                    {summary_row("Who provides it", l.provider.clone())}
                                    {summary_row("By when or how often", l.when.clone())}
                                    {summary_row("How delivery is measured", l.measure.clone())}
                                    {l.due.clone().map(|d| summary_row("Due by", d))}
                                    <div class="nhsuk-summary-list__row">
                                        <dt class="nhsuk-summary-list__key">"Delivery"</dt>
                                        <dd class="nhsuk-summary-list__value">
                                            {if l.pressing {
                                                view! { <strong class="nhsuk-tag nhsuk-tag--red">{l.standing.clone()}</strong> }.into_any()
                                            } else {
                                                view! { <span>{l.standing.clone()}</span> }.into_any()
                                            }}
                                        </dd>
                                    </div>
                                </dl>
                            </div>
                        </li>
                    </For>
                </ol>
            </Show>
            <A href=move || path("/commitments/new") attr:class="nhsuk-button nhsuk-button--secondary">"Add a commitment"</A>
            <h2>"Agree it, review it, print it"</h2>
            <ul class="nhsuk-list">
                <li><A href=move || path("/versions")>"Versions: send it, see the other party's changes, mark it agreed"</A></li>
                <li><A href=move || path("/reviews")>"Review meetings"</A></li>
                <li><A href=move || path("/print")>"Print the agreement for signing"</A></li>
                <li><A href=move || path("/report")>"Delivery report for a review meeting"</A></li>
            </ul>
            <p><A href="/support-agreement">"All support agreements"</A></p>
        </Show>
    }
}
