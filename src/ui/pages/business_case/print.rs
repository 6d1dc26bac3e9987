//! The case printed: a one-page summary for a commissioning executive
//! committee (the recommendation, each option's net present value and
//! payback, the key risks, the rate with its source), and the full case
//! section by section as the Green Book sets a business justification case
//! out. Both print as documents: the page's controls (the print button, the
//! way back) are `no-print`, and the header, navigation and footer are left
//! out of print for every page (style/_app.scss).

use leptos::prelude::*;

use super::parts::{case_path, CaseNotFound, RateStatement, UnreadableCases};
use crate::model::business_case::appraisal::{discount_factor, present_value};
use crate::model::business_case::money::Pence;
use crate::model::business_case::records::{IMPACTS, LIKELIHOODS, RISK_MATRIX_SOURCE};
use crate::model::business_case::{BusinessCase, CaseOption, CaseRisk};
use crate::model::common::dates::long_date;
use crate::ui::browser;
use crate::ui::components::{summary_row, DataTable, Title};
use crate::ui::routing::{use_params_map, A};
use crate::ui::store::use_store;

/// The case the page's address names, as it is now.
fn wanted_case() -> Memo<Option<BusinessCase>> {
    let store = use_store();
    let params = use_params_map();
    let wanted = Memo::new(move |_| params.read().get("case").unwrap_or_default());
    store.select(move |w| w.business_case(&wanted.get()).cloned())
}

/// The print button and the way back, neither of which is printed.
#[component]
fn PrintControls(label: &'static str, back: String) -> impl IntoView {
    view! {
        <div class="no-print app-actions">
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| browser::print()>
                {label}
            </button>
            <p><A href=back>"Back to the business case"</A></p>
        </div>
    }
}

/// "Recommended", "Do nothing", or nothing, after an option's name.
fn option_label(case: &BusinessCase, option: &CaseOption) -> String {
    if case.preferred_option_id.as_deref() == Some(option.id.as_str()) {
        format!("{} (recommended)", option.name)
    } else if option.do_nothing && !option.name.trim().eq_ignore_ascii_case("do nothing") {
        format!("{} (do nothing)", option.name)
    } else {
        option.name.to_string()
    }
}

/// What the case is for, who wrote it and what it recommends.
fn case_facts(case: &BusinessCase) -> impl IntoView {
    view! {
        <dl class="nhsuk-summary-list">
            {summary_row("For", case.linked.as_ref().map(|l| l.describe()).unwrap_or_default())}
            {summary_row("Prepared by", case.prepared_by.to_string())}
            {summary_row(
                "Recommended option",
                case.preferred().map_or_else(|| "Not chosen yet".into(), |o| o.name.to_string()),
            )}
        </dl>
    }
}

/// "Add a milestone" as it reads inside a sentence: "add a milestone".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What the case still lacks, said on paper too, so a committee is not
/// handed an unfinished case without knowing.
fn not_ready(case: &BusinessCase) -> impl IntoView {
    let missing = case.still_to_do();
    (!missing.is_empty()).then(|| {
        view! {
            <div class="nhsuk-warning-callout app-not-ready">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Not ready"</span>
                </h2>
                <p>{format!("Not ready: {}.", missing.iter().map(|m| lower_first(m)).collect::<Vec<_>>().join("; "))}</p>
            </div>
        }
    })
}

/// Each option's headline figures side by side.
fn options_table(case: &BusinessCase) -> impl IntoView {
    let rows = case
        .options
        .iter()
        .map(|o| {
            let a = case.figures(o).appraisal;
            view! {
                <tr class="nhsuk-table__row">
                    <th scope="row" class="nhsuk-table__cell">{option_label(case, o)}</th>
                    <td class="nhsuk-table__cell app-figure">{a.net_present_value.to_pounds_text()}</td>
                    <td class="nhsuk-table__cell app-figure">{a.present_costs.to_pounds_text()}</td>
                    <td class="nhsuk-table__cell app-figure">{a.ratio_text()}</td>
                    <td class="nhsuk-table__cell">{a.simple_payback_text()}</td>
                    <td class="nhsuk-table__cell">{a.discounted_payback_text()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption="Options compared" caption_size="s"
            headers=[
                "Option",
                "Net present value",
                "Present value of costs",
                "Benefit–cost ratio",
                "Pays back",
                "Discounted, pays back",
            ].map(String::from).to_vec()>
            {rows}
        </DataTable>
    }
}

/// A risk's likelihood or impact in words with its score: "Likely (4)".
fn scored(words: &[&str; 5], score: u8) -> String {
    let word = words
        .get(usize::from(score.max(1)) - 1)
        .copied()
        .unwrap_or_default();
    format!("{word} ({score})")
}

/// Risks in a table, each with its option, grade, owner and mitigation.
fn risks_table(
    caption: &'static str,
    risks: Vec<(&CaseOption, &CaseRisk)>,
    scores: bool,
) -> impl IntoView {
    let mut headers = vec!["Risk", "Option"];
    if scores {
        headers.extend(["Likelihood", "Impact"]);
    }
    headers.extend(["Grade", "Owner", "Mitigation"]);
    let rows = risks
        .into_iter()
        .map(|(o, r)| {
            view! {
                <tr class="nhsuk-table__row">
                    <th scope="row" class="nhsuk-table__cell">{r.description.to_string()}</th>
                    <td class="nhsuk-table__cell">{o.name.to_string()}</td>
                    {scores.then(|| view! {
                        <td class="nhsuk-table__cell">{scored(&LIKELIHOODS, r.likelihood)}</td>
                        <td class="nhsuk-table__cell">{scored(&IMPACTS, r.impact)}</td>
                    })}
                    <td class="nhsuk-table__cell">{r.grade()}</td>
                    <td class="nhsuk-table__cell">{r.owner.to_string()}</td>
                    <td class="nhsuk-table__cell app-pre-line">{r.mitigation.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=caption caption_hidden=true headers=headers.into_iter().map(String::from).collect()>
            {rows}
        </DataTable>
    }
}

/// The rate and uplift the figures use, with their sources.
fn rate_statement(case: &BusinessCase) -> impl IntoView {
    let rate = case.rate_text();
    let bias = case.optimism_bias_percent;
    view! { <RateStatement rate=Signal::stored(rate) bias=Signal::stored(bias) /> }
}

/// Text as typed (its line breaks kept), or that it is not written yet.
fn paragraph(text: &str) -> impl IntoView {
    let written = !text.trim().is_empty();
    view! {
        <p class=if written { "app-pre-line" } else { "app-not-written" }>
            {if written { text.to_string() } else { "Not written yet.".to_string() }}
        </p>
    }
}

/// A section of text under its heading.
fn section(heading: &'static str, text: &str) -> impl IntoView {
    view! {
        <h3>{heading}</h3>
        {paragraph(text)}
    }
}

/// The one-page summary for a commissioning executive committee.
#[component]
pub fn PrintSummary() -> impl IntoView {
    let case = wanted_case();
    view! {
        <Title text=move || case.with(|c| c.as_ref().map_or("Business case not found".into(), |c| format!("Summary: {}", c.title))) />
        {move || match case.get() {
            None => view! { <UnreadableCases /> <CaseNotFound /> }.into_any(),
            Some(c) => summary(c).into_any(),
        }}
    }
}

fn summary(c: BusinessCase) -> impl IntoView {
    view! {
        <div class="app-case-summary">
            <span class="nhsuk-caption-l">"Business case summary for the commissioning executive committee"</span>
            <h1>{c.title.to_string()}</h1>
            <PrintControls label="Print" back=case_path(&c.id) />
            {case_facts(&c)}
            {not_ready(&c)}
            <h2>"Recommendation"</h2>
            {paragraph(&c.recommendation)}
            {options_table(&c)}
            {rate_statement(&c)}
            <h2>"Key risks"</h2>
            {if c.key_risks(3).is_empty() {
                view! { <p>"No risks have been recorded."</p> }.into_any()
            } else {
                risks_table("The highest-scoring risks", c.key_risks(3), false).into_any()
            }}
        </div>
    }
}

/// The full case, section by section.
#[component]
pub fn PrintCase() -> impl IntoView {
    let case = wanted_case();
    view! {
        <Title text=move || case.with(|c| c.as_ref().map_or("Business case not found".into(), |c| format!("Business case: {}", c.title))) />
        {move || match case.get() {
            None => view! { <UnreadableCases /> <CaseNotFound /> }.into_any(),
            Some(c) => full_case(c).into_any(),
        }}
    }
}

/// One option in the economic case: what it is, its figures year by year,
/// what they add up to, and how they move when things go worse than hoped.
fn option_in_full(case: &BusinessCase, o: &CaseOption) -> impl IntoView {
    let figures = case.figures(o);
    let a = figures.appraisal;
    let s = figures.sensitivity;
    let rate = case.discount_rate_basis_points;
    let last = o.years.iter().map(|y| y.year).max().unwrap_or(0);
    let sum =
        |year: u32, pick: fn(&crate::model::business_case::appraisal::YearFigures) -> Pence| {
            Pence(
                o.years
                    .iter()
                    .filter(|y| y.year == year)
                    .map(|y| pick(y).0)
                    .sum(),
            )
        };
    let rows = (0..=last)
        .map(|year| {
            let set_up = sum(year, |y| y.set_up_costs);
            let running = sum(year, |y| y.running_costs);
            let cash = sum(year, |y| y.cash_releasing_savings);
            let non_cash = sum(year, |y| y.non_cash_releasing_savings);
            let costs = Pence(set_up.0 + running.0);
            let savings = Pence(cash.0 + non_cash.0);
            view! {
                <tr class="nhsuk-table__row">
                    <th scope="row" class="nhsuk-table__cell">{year}</th>
                    <td class="nhsuk-table__cell app-figure">{set_up.to_pounds_text()}</td>
                    <td class="nhsuk-table__cell app-figure">{running.to_pounds_text()}</td>
                    <td class="nhsuk-table__cell app-figure">{cash.to_pounds_text()}</td>
                    <td class="nhsuk-table__cell app-figure">{non_cash.to_pounds_text()}</td>
                    <td class="nhsuk-table__cell app-figure">{format!("{:.4}", discount_factor(rate, year))}</td>
                    <td class="nhsuk-table__cell app-figure">{present_value(costs, rate, year).to_pounds_text()}</td>
                    <td class="nhsuk-table__cell app-figure">{present_value(savings, rate, year).to_pounds_text()}</td>
                </tr>
            }
        })
        .collect_view();
    let caption = format!("{}: costs and savings by year", o.name);
    view! {
        <section class="app-printed-option" aria-label=option_label(case, o)>
            <h3>{option_label(case, o)}</h3>
            <dl class="nhsuk-summary-list">
                {summary_row("What it is", o.description.to_string())}
                {summary_row("Benefits that are not money", o.benefits.to_string())}
            </dl>
            {if o.years.is_empty() {
                view! {
                    <p>"No costs or savings have been entered for this option, so its figures are all £0."</p>
                }.into_any()
            } else {
                view! {
                    <DataTable caption=caption
                        headers=[
                            "Year",
                            "Set-up costs",
                            "Running costs",
                            "Cash-releasing savings",
                            "Non-cash-releasing savings",
                            "Discount factor",
                            "Present value of costs",
                            "Present value of savings",
                        ].map(String::from).to_vec()>
                        {rows}
                    </DataTable>
                    <dl class="nhsuk-summary-list">
                        {summary_row("Net present value", a.net_present_value.to_pounds_text())}
                        {summary_row("Net present cost", a.net_present_cost.to_pounds_text())}
                        {summary_row("Benefit–cost ratio", a.ratio_text())}
                        {summary_row("Pays back", a.simple_payback_text())}
                        {summary_row("Discounted, pays back", a.discounted_payback_text())}
                        {summary_row(
                            "Break-even saving a year",
                            a.break_even_yearly_saving.map(|p| p.to_pounds_text()).unwrap_or_else(|| "Not applicable".into()),
                        )}
                        {summary_row("Net present value with savings 20 % lower", s.savings_down_20.to_pounds_text())}
                        {summary_row("Net present value with costs 20 % higher", s.costs_up_20.to_pounds_text())}
                        {summary_row(
                            "Net present value with the optimism-bias uplift",
                            format!("{} (costs raised by {} %)", s.with_optimism_bias.to_pounds_text(), case.optimism_bias_percent),
                        )}
                    </dl>
                }.into_any()
            }}
        </section>
    }
}

fn full_case(c: BusinessCase) -> impl IntoView {
    let options = c
        .options
        .iter()
        .map(|o| option_in_full(&c, o))
        .collect_view();
    let mut all_risks: Vec<(&CaseOption, &CaseRisk)> = c
        .options
        .iter()
        .flat_map(|o| o.risks.iter().map(move |r| (o, r)))
        .collect();
    all_risks.sort_by_key(|(_, r)| std::cmp::Reverse(r.score()));
    let risks = if all_risks.is_empty() {
        view! { <p>"No risks have been recorded."</p> }.into_any()
    } else {
        risks_table("Every risk, highest score first", all_risks, true).into_any()
    };
    let mut milestones = c.milestones.clone();
    milestones.sort_by_key(|m| m.due);
    view! {
        <div class="app-printed-case">
            <span class="nhsuk-caption-l">"Business case"</span>
            <h1>{c.title.to_string()}</h1>
            <PrintControls label="Print this business case" back=case_path(&c.id) />
            {case_facts(&c)}
            {not_ready(&c)}
            <h2>"Recommendation"</h2>
            {section("What the committee is asked to decide", &c.recommendation)}
            <h2>"Strategic case"</h2>
            {section("The problem", &c.problem)}
            {section("Who it affects", &c.population)}
            {section("Fit with the commissioner's priorities", &c.strategic_fit)}
            <h2>"Economic case"</h2>
            {options_table(&c)}
            {rate_statement(&c)}
            {options}
            <h2>"Commercial case"</h2>
            {section("How it would be bought", &c.procurement)}
            <h2>"Financial case"</h2>
            {section("Who pays", &c.funding)}
            <h2>"Management case"</h2>
            <h3>"Milestones"</h3>
            {if milestones.is_empty() {
                view! { <p class="app-not-written">"No milestones yet."</p> }.into_any()
            } else {
                view! {
                    <dl class="nhsuk-summary-list" aria-label="Milestones">
                        {milestones.iter().map(|m| view! {
                            <div class="nhsuk-summary-list__row">
                                <dt class="nhsuk-summary-list__key">{long_date(m.due)}</dt>
                                <dd class="nhsuk-summary-list__value">{m.what.to_string()}</dd>
                            </div>
                        }).collect_view()}
                    </dl>
                }.into_any()
            }}
            {section("How the benefits will be measured", &c.benefits_measurement)}
            <h2>"Risks"</h2>
            {risks}
            <p class="app-source">"Risk grades: " {RISK_MATRIX_SOURCE}</p>
        </div>
    }
}
