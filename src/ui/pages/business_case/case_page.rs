//! A business case's page: what it is for, what it still lacks before a
//! committee sees it, its sections, its options side by side with the Green
//! Book's figures for each (the rate stated beside them), its milestones,
//! and the way to print, download and share it.

use leptos::prelude::*;

use super::parts::{
    case_path, milestone_path, option_path, CaseNotFound, RateStatement, UnreadableCases,
    CASES_PATH,
};
use super::share::ShareCase;
use crate::model::business_case::LinkKind;
use crate::model::common::dates::long_date;
use crate::ui::components::{summary_row, DataTable, Title};
use crate::ui::routing::{use_params_map, A};
use crate::ui::store::use_store;

/// The case's own fields, as the page shows them.
#[derive(Clone, PartialEq)]
struct Overview {
    title: String,
    /// What it is for, and the link back to it while it is in this
    /// workbook (a shared case names the sender's project or goal).
    linked: Option<(String, Option<String>)>,
    prepared_by: String,
    recommended: String,
    sections: Vec<(&'static str, String)>,
    still_to_do: Vec<&'static str>,
    rate: String,
    bias: u32,
}

/// One option's line in the table of figures.
#[derive(Clone, PartialEq)]
struct OptionLine {
    id: String,
    name: String,
    tag: Option<&'static str>,
    net_present_value: String,
    present_costs: String,
    ratio: String,
    payback: String,
    discounted_payback: String,
    break_even: String,
}

#[component]
pub fn CasePage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("case").unwrap_or_default());
    let overview = store.select(move |w| {
        let c = w.business_case(&id.get())?;
        let linked = c.linked.as_ref().map(|l| {
            let still_here = match l.kind {
                LinkKind::Project => w
                    .project(&l.id)
                    .map(|_| format!("/placement-log/projects/{}", l.id)),
                LinkKind::Goal => w
                    .goal(&l.id)
                    .map(|_| format!("/development-plan/goals/{}", l.id)),
            };
            (l.describe(), still_here)
        });
        Some(Overview {
            title: c.title.to_string(),
            linked,
            prepared_by: c.prepared_by.to_string(),
            recommended: c
                .preferred()
                .map(|o| o.name.to_string())
                .unwrap_or_else(|| "Not chosen yet".into()),
            sections: vec![
                ("The problem", c.problem.to_string()),
                ("Who it affects", c.population.to_string()),
                (
                    "Fit with the commissioner's priorities",
                    c.strategic_fit.to_string(),
                ),
                ("Recommendation", c.recommendation.to_string()),
                ("How it would be bought", c.procurement.to_string()),
                ("Who pays", c.funding.to_string()),
                (
                    "How the benefits will be measured",
                    c.benefits_measurement.to_string(),
                ),
            ],
            still_to_do: c.still_to_do(),
            rate: c.rate_text(),
            bias: c.optimism_bias_percent,
        })
    });
    let options = store.select(move |w| {
        let Some(c) = w.business_case(&id.get()) else {
            return Vec::new();
        };
        c.options
            .iter()
            .map(|o| {
                let a = c.figures(o).appraisal;
                OptionLine {
                    id: o.id.clone(),
                    name: o.name.to_string(),
                    tag: if c.preferred_option_id.as_deref() == Some(o.id.as_str()) {
                        Some("Recommended")
                    } else if o.do_nothing {
                        Some("Do nothing")
                    } else {
                        None
                    },
                    net_present_value: a.net_present_value.to_pounds_text(),
                    present_costs: a.present_costs.to_pounds_text(),
                    ratio: a.ratio_text(),
                    payback: a.simple_payback_text(),
                    discounted_payback: a.discounted_payback_text(),
                    break_even: a
                        .break_even_yearly_saving
                        .map(|p| p.to_pounds_text())
                        .unwrap_or_default(),
                }
            })
            .collect::<Vec<_>>()
    });
    let milestones = store.select(move |w| {
        w.business_case(&id.get())
            .map(|c| {
                c.milestones
                    .iter()
                    .map(|m| (m.id.clone(), m.what.to_string(), long_date(m.due)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let path = move |tail: &str| format!("{}{tail}", case_path(&id.get()));
    let rate = Signal::derive(move || {
        overview.with(|o| o.as_ref().map(|o| o.rate.clone()).unwrap_or_default())
    });
    let bias = Signal::derive(move || overview.with(|o| o.as_ref().map_or(0, |o| o.bias)));
    view! {
        <Title text=move || overview.with(|o| o.as_ref().map_or("Business case not found".into(), |o| o.title.clone())) />
        <UnreadableCases />
        <Show when=move || overview.with(Option::is_some) fallback=CaseNotFound>
            {move || overview.get().map(|o| view! {
                <span class="nhsuk-caption-l">"Business case"</span>
                <h1>{o.title.clone()}</h1>
                <dl class="nhsuk-summary-list">
                    {o.linked.clone().map(|(described, link)| view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">"For"</dt>
                            <dd class="nhsuk-summary-list__value">
                                {match link {
                                    Some(href) => view! { <A href=href>{described}</A> }.into_any(),
                                    None => view! { <span>{described} " (not in this workbook: deleted, or the case came from someone else's)"</span> }.into_any(),
                                }}
                            </dd>
                        </div>
                    })}
                    {summary_row("Prepared by", o.prepared_by.clone())}
                    {summary_row("Recommended option", o.recommended.clone())}
                </dl>
                {if o.still_to_do.is_empty() {
                    view! {
                        <div class="nhsuk-inset-text">
                            <span class="nhsuk-u-visually-hidden">"Information: "</span>
                            <p>"Every part of the case is filled in: it is ready to print for the committee."</p>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <div class="nhsuk-warning-callout">
                            <h2 class="nhsuk-warning-callout__label">
                                <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Before it goes to a committee"</span>
                            </h2>
                            <ul class="nhsuk-list nhsuk-list--bullet" aria-label="Still to do">
                                {o.still_to_do.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}
                            </ul>
                        </div>
                    }.into_any()
                }}
                <h2>"The case"</h2>
                <dl class="nhsuk-summary-list">
                    {o.sections.iter().map(|(key, value)| summary_row(key, if value.is_empty() { "Not written yet".into() } else { value.clone() })).collect_view()}
                </dl>
            })}
            <p><A href=move || path("/details")>"Change the case's sections, the recommended option or the discount rate"</A></p>
            <h2>"Options and their figures"</h2>
            <p>"Each option's costs and savings are entered year by year on its page. Year 0 is the year the scheme starts."</p>
            <DataTable caption="Options" caption_size="s"
                headers=vec!["Option".into(), "Net present value".into(), "Present value of costs".into(), "Benefit–cost ratio".into(), "Pays back".into(), "Discounted, pays back".into(), "Break-even saving a year".into()]>
                <For each=move || options.get() key=|l| (l.id.clone(), l.name.clone(), l.tag, l.net_present_value.clone(), l.present_costs.clone(), l.ratio.clone(), l.payback.clone(), l.discounted_payback.clone(), l.break_even.clone()) let:l>
                    <tr class="nhsuk-table__row">
                        <th scope="row" class="nhsuk-table__cell">
                            <A href=option_path(&l.id)>{l.name.clone()}</A>
                            {l.tag.map(|t| view! { " " <strong class="nhsuk-tag nhsuk-tag--grey">{t}</strong> })}
                        </th>
                        <td class="nhsuk-table__cell">{l.net_present_value.clone()}</td>
                        <td class="nhsuk-table__cell">{l.present_costs.clone()}</td>
                        <td class="nhsuk-table__cell">{l.ratio.clone()}</td>
                        <td class="nhsuk-table__cell">{l.payback.clone()}</td>
                        <td class="nhsuk-table__cell">{l.discounted_payback.clone()}</td>
                        <td class="nhsuk-table__cell">{l.break_even.clone()}</td>
                    </tr>
                </For>
            </DataTable>
            <RateStatement rate bias />
            <A href=move || path("/options/new") attr:class="nhsuk-button nhsuk-button--secondary">"Add an option"</A>
            <h2>"Milestones"</h2>
            <Show when=move || !milestones.with(Vec::is_empty)
                fallback=|| view! { <p>"No milestones yet. Add what is to be done by when, so the committee can see how it will be delivered."</p> }>
                <dl class="nhsuk-summary-list" aria-label="Milestones">
                    <For each=move || milestones.get() key=|m| m.clone() let:m>
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{m.2.clone()}</dt>
                            <dd class="nhsuk-summary-list__value">{m.1.clone()}</dd>
                            <dd class="nhsuk-summary-list__actions">
                                <A href=milestone_path(&m.0)>"Change"<span class="nhsuk-u-visually-hidden">{format!(" the milestone {}", m.1)}</span></A>
                            </dd>
                        </div>
                    </For>
                </dl>
            </Show>
            <A href=move || path("/milestones/new") attr:class="nhsuk-button nhsuk-button--secondary">"Add a milestone"</A>
            <h2>"Print it"</h2>
            <ul class="nhsuk-list">
                <li><A href=move || path("/summary")>"One-page summary for the committee"</A></li>
                <li><A href=move || path("/print")>"The full business case"</A></li>
            </ul>
            <ShareCase case_id=id />
            <p><A href=CASES_PATH>"All business cases"</A></p>
        </Show>
    }
}
