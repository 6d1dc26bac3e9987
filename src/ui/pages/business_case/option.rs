//! An option's page: its figures year by year with the Green Book's
//! appraisal, the sensitivity tests, its benefits that are not money, and
//! its risks. Every figure is computed in the model (`BusinessCase::figures`,
//! `year_rows`); this page only puts them into words.

use leptos::prelude::*;

use super::parts::{case_path, risk_path, OptionNotFound, RateStatement};
use crate::model::business_case::appraisal::{year_rows, YearRow};
use crate::model::business_case::money::Pence;
use crate::model::business_case::records::{
    OptionFigures, IMPACTS, LIKELIHOODS, RISK_MATRIX_SOURCE,
};
use crate::model::business_case::{BusinessCase, CaseOption, CaseRisk};
use crate::ui::components::{summary_row, DataTable, Title};
use crate::ui::routing::{use_params_map, A};
use crate::ui::store::use_store;

/// "3 – Possible".
pub(super) fn scale_word(words: &[&str; 5], n: u8) -> String {
    let word = words
        .get(usize::from(n).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    format!("{n} – {word}")
}

fn money(p: Pence) -> String {
    p.to_pounds_text()
}

/// The appraisal's figures as a summary list, each in words.
fn summary(figures: &OptionFigures, bias: u32) -> impl IntoView {
    let a = &figures.appraisal;
    let s = &figures.sensitivity;
    let rows: Vec<(&'static str, String)> = vec![
        ("Net present value", money(a.net_present_value)),
        ("Present value of costs", money(a.present_costs)),
        ("Present value of savings", money(a.present_savings)),
        ("Net present cost", money(a.net_present_cost)),
        ("Benefit–cost ratio", a.ratio_text()),
        ("Simple payback", a.simple_payback_text()),
        ("Discounted payback", a.discounted_payback_text()),
        (
            "Break-even saving",
            a.break_even_yearly_saving
                .map_or("Not applicable".into(), |p| {
                    format!(
                    "{} a year: the saving each year at which the net present value would be £0",
                    money(p)
                )
                }),
        ),
        (
            "Present value of cash-releasing savings alone",
            money(a.present_cash_releasing),
        ),
    ];
    let sensitivity: Vec<(String, String)> = vec![
        ("Savings 20 % lower".into(), money(s.savings_down_20)),
        ("Costs 20 % higher".into(), money(s.costs_up_20)),
        (
            format!("Costs raised by the optimism-bias uplift of {bias} %"),
            money(s.with_optimism_bias),
        ),
    ];
    view! {
        <h2>"What the figures add up to"</h2>
        <dl class="nhsuk-summary-list">
            {rows.into_iter().map(|(key, value)| summary_row(key, value)).collect_view()}
        </dl>
        <h2>"If things go worse than hoped"</h2>
        <p>"The net present value again, with the figures made worse one way at a time (sensitivity tests)."</p>
        <dl class="nhsuk-summary-list">
            {sensitivity.into_iter().map(|(key, value)| view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{key}</dt>
                    <dd class="nhsuk-summary-list__value">{value}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// One year of the table.
fn year_row(row: YearRow) -> impl IntoView {
    let y = &row.figures;
    let cells = [
        money(y.costs()),
        money(y.cash_releasing_savings),
        money(y.non_cash_releasing_savings),
        money(row.net),
        format!("{:.4}", row.factor),
        money(row.present_costs),
        money(row.present_savings),
        money(row.cumulative_npv),
    ];
    view! {
        <tr class="nhsuk-table__row">
            <th scope="row" class="nhsuk-table__header">{format!("Year {}", y.year)}</th>
            {cells.into_iter().map(|c| view! { <td class="nhsuk-table__cell app-figure">{c}</td> }).collect_view()}
        </tr>
    }
}

/// The option's risks, highest score first (ties in the order added).
fn risks_table(option: &CaseOption) -> impl IntoView {
    let mut risks: Vec<CaseRisk> = option.risks.clone();
    risks.sort_by_key(|r| std::cmp::Reverse(r.score()));
    let headers = [
        "Risk",
        "Likelihood",
        "Impact",
        "Score",
        "Owner",
        "Mitigation",
        "Change",
    ]
    .map(String::from)
    .to_vec();
    if risks.is_empty() {
        return view! { <p>"No risks have been added to this option yet."</p> }.into_any();
    }
    view! {
        <DataTable caption="Risks, highest score first" headers caption_hidden=true>
            {risks.into_iter().map(|r| view! {
                <tr class="nhsuk-table__row">
                    <td class="nhsuk-table__cell app-pre-line">{r.description.to_string()}</td>
                    <td class="nhsuk-table__cell">{scale_word(&LIKELIHOODS, r.likelihood)}</td>
                    <td class="nhsuk-table__cell">{scale_word(&IMPACTS, r.impact)}</td>
                    <td class="nhsuk-table__cell">{r.grade()}</td>
                    <td class="nhsuk-table__cell">{r.owner.to_string()}</td>
                    <td class="nhsuk-table__cell app-pre-line">{r.mitigation.to_string()}</td>
                    <td class="nhsuk-table__cell app-change-cell">
                        <A href=risk_path(&r.id)>
                            "Change"<span class="nhsuk-u-visually-hidden">{format!(" the risk: {}", r.description)}</span>
                        </A>
                    </td>
                </tr>
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}

fn option_view(case: BusinessCase, option: CaseOption) -> impl IntoView {
    let figures = case.figures(&option);
    let rows = year_rows(&option.years, case.discount_rate_basis_points);
    let recommended = case.preferred_option_id.as_deref() == Some(option.id.as_str());
    let bias = case.optimism_bias_percent;
    let rate = case.rate_text();
    let headers = [
        "Year",
        "Costs",
        "Cash-releasing savings",
        "Non-cash-releasing savings",
        "Net",
        "Discount factor",
        "Present value of costs",
        "Present value of savings",
        "Net present value so far",
    ]
    .map(String::from)
    .to_vec();
    let benefits = option.benefits.to_string();
    view! {
        <span class="nhsuk-caption-l">{case.title.to_string()}</span>
        <h1>{option.name.to_string()}</h1>
        {recommended.then(|| view! { <p><strong class="nhsuk-tag nhsuk-tag--green">"Recommended"</strong>" This is the option the case recommends."</p> })}
        {option.do_nothing.then(|| view! { <p><strong class="nhsuk-tag nhsuk-tag--grey">"Do nothing"</strong>" Carrying on as now: the option the others are compared with."</p> })}
        {(!option.description.trim().is_empty()).then(|| view! { <p class="app-pre-line">{option.description.to_string()}</p> })}
        <p>
            <A href=format!("/business-case/options/{}/edit", option.id)>"Change the option"</A>
            " (its name, what it is, and its costs and savings)"
        </p>
        <h2>"Figures year by year"</h2>
        <RateStatement rate=Signal::stored(rate) bias=Signal::stored(bias) />
        <DataTable caption="Figures year by year, in pounds" headers caption_hidden=true>
            {rows.into_iter().map(year_row).collect_view()}
        </DataTable>
        {summary(&figures, bias)}
        <h2>"Benefits that are not money"</h2>
        {if benefits.trim().is_empty() {
            view! { <p>"None written yet."</p> }.into_any()
        } else {
            view! { <p class="app-pre-line">{benefits}</p> }.into_any()
        }}
        <h2>"Risks"</h2>
        {risks_table(&option)}
        <p><A href=format!("/business-case/options/{}/risks/new", option.id)>"Add a risk"</A></p>
        <p class="app-source">"Risk scores: " {RISK_MATRIX_SOURCE}</p>
        <p><A href=case_path(&case.id)>"Back to the business case"</A></p>
    }
}

#[component]
pub fn OptionPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let found = store.select(move |w| {
        w.case_option(&id.get())
            .map(|(c, o)| (c.clone(), o.clone()))
    });
    view! {
        <Title text=move || found.with(|f| f.as_ref().map_or("Option not found".into(), |(_, o)| o.name.to_string())) />
        {move || match found.get() {
            Some((case, option)) => option_view(case, option).into_any(),
            None => view! { <OptionNotFound /> }.into_any(),
        }}
    }
}
