//! Where a commissioning group stands in a round, for its pages and its
//! printed report: the summary (`GroupSummaryHeadline`), each area's figures
//! with its diverging bars and their tables (`AreaResults`), and the change
//! between two rounds (`RoundComparison`).
//!
//! Each component takes the model's figures as they are
//! (`Arc<RoundSummary>`; a plain `RoundSummary` converts) and draws them
//! once, reading no store: a page puts it inside a reactive closure to redraw
//! it when the round changes. Holding the summary in an `Arc` lets one
//! summary, worked out once, serve all three on a page. All wording of
//! figures is in the model (`group::wording`), tested there.
//!
//! Headings: each component opens with an `h2` and, per area, an `h3`, for a
//! page whose `h1` names the round. The summary's links go to the areas
//! (`area_anchor`) and statements (`statement_anchor`) that `AreaResults`
//! draws, so the two belong on the same page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::assessment::framework::{self, MATURITY_LEVELS};
use crate::model::group::stats::{Spread, AGREEMENT_RULE};
use crate::model::group::summary::{compare, AreaSummary, Change, RoundSummary, StatementSummary};
use crate::model::group::wording::{
    agreement_tally, area_answered_words, change_tally, change_words, direction, disagreements,
    importance_words, median_label, median_or_none, median_words, members_words, middle_half_label,
    of_label, role_gap, role_median, roles_note, scale_words, statement_figures, Counting,
    Direction,
};
use crate::ui::components::{DataTable, DivergingBar, DivergingLegend, StackedCell};

/// How many areas the summary names as most important.
const MOST_IMPORTANT_AREAS: usize = 3;
/// How many statements the summary names as most disagreed on.
const MOST_DISAGREED_STATEMENTS: usize = 5;

/// The id of an area's heading in `AreaResults`.
pub fn area_anchor(domain_id: &str) -> String {
    format!("group-area-{domain_id}")
}

/// The id of a statement's row in `AreaResults`' table of counts.
pub fn statement_anchor(statement_id: &str) -> String {
    format!("group-statement-{statement_id}")
}

/// The round at a glance, first in the report: who answered, the areas the
/// group rates most important and the statements members disagree on most,
/// each a link to its figures further down (`AreaResults`).
#[component]
pub fn GroupSummaryHeadline(
    /// The round's figures.
    #[prop(into)]
    summary: Arc<RoundSummary>,
) -> impl IntoView {
    let s = summary;
    let body = if s.members == 0 {
        view! { <p>"No member's answers are in this round yet."</p> }.into_any()
    } else {
        let important = s.most_important();
        let important = if important.is_empty() {
            view! { <p>"No member rated how important the areas are."</p> }.into_any()
        } else {
            let items = important
                .into_iter()
                .take(MOST_IMPORTANT_AREAS)
                .map(|a| {
                    let words = importance_words(a).unwrap_or_default();
                    view! {
                        <li>
                            <a href=format!("#{}", area_anchor(a.domain.id))>{a.domain.title}</a>
                            {format!(": {words}.")}
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class="nhsuk-list nhsuk-list--number">{items}</ol> }.into_any()
        };
        let disagreed = disagreements(&s, MOST_DISAGREED_STATEMENTS);
        let disagreed = if disagreed.is_empty() {
            view! {
                <p>"Members do not differ on any statement that at least three of them chose a level for."</p>
            }
            .into_any()
        } else {
            let items = disagreed
                .into_iter()
                .map(|st| {
                    view! {
                        <li>
                            <a href=format!("#{}", statement_anchor(st.statement.id))>{st.statement.text}</a>
                            <span class="nhsuk-body-s">
                                {format!(" ({}) {}", st.domain.title, statement_figures(st))}
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p>"The widest middle half of answers first."</p>
                <ol class="nhsuk-list nhsuk-list--number">{items}</ol>
            }
            .into_any()
        };
        view! {
            <p>{format!("Across all {} statements: {}.", s.statements.len(), agreement_tally(&s.statements))}</p>
            <h3>"Areas the group rates most important"</h3>
            {important}
            <h3>"Statements members disagree on most"</h3>
            {disagreed}
        }
        .into_any()
    };
    view! {
        <section class="app-group-summary" aria-labelledby="group-summary">
            <h2 id="group-summary">"Summary"</h2>
            <p class="nhsuk-body-l">{members_words(&s)}</p>
            {body}
        </section>
    }
}

/// Each area's figures: how many answered, the median, the middle half
/// (interquartile range), how important the group rates it and how many of
/// its statements it agrees on; its diverging bars (the area, then each
/// statement) with the same counts in a table; and clinicians beside
/// managers where the round has both.
#[component]
pub fn AreaResults(
    /// The round's figures.
    #[prop(into)]
    summary: Arc<RoundSummary>,
) -> impl IntoView {
    let s = summary;
    let compare_roles = roles_note(&s).is_none();
    let areas = s
        .areas
        .iter()
        .map(|area| {
            let statements: Vec<&StatementSummary> = s
                .statements
                .iter()
                .filter(|st| st.domain.id == area.domain.id)
                .collect();
            area_section(area, &statements, s.members, compare_roles)
        })
        .collect_view();
    view! {
        <section class="app-group-results" aria-labelledby="group-results">
            <h2 id="group-results">"Results by area"</h2>
            <p>
                "For each area and statement: how many chose a level, the median (the middle answer) and the middle half of the answers (the interquartile range: the wider it is, the more the group differs). \"Not applicable or don't know\" is left out of the figures."
            </p>
            <div class="nhsuk-inset-text app-group-rule">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <h3 class="nhsuk-heading-s">"When the group agrees or is split"</h3>
                <p>{AGREEMENT_RULE}</p>
                <p class="nhsuk-body-s">
                    "Where this rule comes from is on the " <a href="#/about">"About page"</a> "."
                </p>
            </div>
            {roles_note(&s).map(|note| view! { <p>{note}</p> })}
            <DivergingLegend />
            {areas}
        </section>
    }
}

/// The level columns' headers: the levels' numbers alone. With each level's
/// name the table's eleven columns are wider than a desktop page (each as
/// wide as its longest word), and the statements are squeezed to a word a
/// line; the caption and the key above name the levels, and on a phone each
/// count shows under its level's name.
fn level_headers() -> impl Iterator<Item = String> {
    MATURITY_LEVELS.iter().map(|m| m.level.to_string())
}

/// A row's cells of counts per level and figures, for the area or a
/// statement, worked out before the view takes them (a view keeps only what
/// it owns).
fn counts_cells(spread: &Spread, answered: String, agreement: String) -> AnyView {
    let counts = MATURITY_LEVELS
        .iter()
        .map(|m| {
            let count = spread.counts[m.level as usize];
            view! { <StackedCell column=m.name>{count}</StackedCell> }
        })
        .collect_view();
    let not_applicable = spread.not_applicable;
    let median = median_label(spread);
    let middle_half = middle_half_label(spread);
    view! {
        {counts}
        <StackedCell column="Not applicable or don't know">{not_applicable}</StackedCell>
        <StackedCell column="Answered">{answered}</StackedCell>
        <StackedCell column="Median">{median}</StackedCell>
        <StackedCell column="Middle half">{middle_half}</StackedCell>
        <StackedCell column="Agreement">{agreement}</StackedCell>
    }
    .into_any()
}

/// A row of clinicians' and managers' medians side by side.
fn role_row(name: &'static str, clinicians: &Spread, managers: &Spread, total: bool) -> AnyView {
    let clinicians_median = role_median(clinicians);
    let managers_median = role_median(managers);
    let gap = role_gap(clinicians, managers).unwrap_or_else(|| "Cannot compare".to_string());
    let class = if total {
        "nhsuk-table__row app-table__total"
    } else {
        "nhsuk-table__row"
    };
    view! {
        <tr class=class>
            <th scope="row" class="nhsuk-table__cell" role="rowheader">{name}</th>
            <StackedCell column="Clinicians' median">{clinicians_median}</StackedCell>
            <StackedCell column="Managers' median">{managers_median}</StackedCell>
            <StackedCell column="Difference">{gap}</StackedCell>
        </tr>
    }
    .into_any()
}

/// The words of a row that stands for the whole area.
const WHOLE_AREA: &str = "All statements in this area";

fn area_section(
    area: &AreaSummary,
    statements: &[&StatementSummary],
    members: usize,
    compare_roles: bool,
) -> AnyView {
    let title = area.domain.title;
    let anchor = area_anchor(area.domain.id);
    let labelled_by = anchor.clone();
    let importance = importance_words(area).unwrap_or_else(|| "No one rated it".to_string());
    let answered = area_answered_words(area, members);
    let median = median_words(&area.all);
    let middle_half = middle_half_label(&area.all);
    let tally = agreement_tally(statements.iter().copied());

    let area_bar = view! {
        <div class="app-diverging-chart__row app-diverging-chart__row--total">
            <p class="app-diverging-chart__label" aria-hidden="true">{WHOLE_AREA}</p>
            <DivergingBar spread=area.all.clone() name=format!("{title}, all statements") counting=Counting::Answers />
        </div>
    };
    let bars = statements
        .iter()
        .map(|st| {
            let text = st.statement.text;
            view! {
                <div class="app-diverging-chart__row">
                    <p class="app-diverging-chart__label" aria-hidden="true">{text}</p>
                    <DivergingBar spread=st.all.clone() name=text />
                </div>
            }
        })
        .collect_view();

    let mut headers = vec!["Statement".to_string()];
    headers.extend(level_headers());
    headers.extend(
        [
            "Not applicable or don't know",
            "Answered",
            "Median",
            "Middle half",
            "Agreement",
        ]
        .map(String::from),
    );
    let total_cells = counts_cells(
        &area.all,
        of_label(area.all.answered(), members * area.domain.statements.len()),
        tally.clone(),
    );
    let rows = statements
        .iter()
        .map(|st| {
            let cells = counts_cells(
                &st.all,
                of_label(st.all.answered(), members),
                st.agreement().label().to_string(),
            );
            view! {
                <tr class="nhsuk-table__row" id=statement_anchor(st.statement.id)>
                    <th scope="row" class="nhsuk-table__cell" role="rowheader">{st.statement.text}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();

    let roles = compare_roles.then(|| {
        let total = role_row(WHOLE_AREA, &area.clinicians, &area.managers, true);
        let statement_rows = statements
            .iter()
            .map(|st| role_row(st.statement.text, &st.clinicians, &st.managers, false))
            .collect_view();
        view! {
            <DataTable
                caption=format!("{title}: clinicians beside managers")
                caption_size="s"
                stacked=true
                headers=vec![
                    "Statement".into(),
                    "Clinicians' median (from how many)".into(),
                    "Managers' median (from how many)".into(),
                    "Difference".into(),
                ]
            >
                {total}
                {statement_rows}
            </DataTable>
        }
    });

    view! {
        <section class="app-group-area" aria-labelledby=labelled_by>
            <h3 id=anchor>{title}</h3>
            <dl class="nhsuk-summary-list app-group-area__figures">
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Answered"</dt>
                    <dd class="nhsuk-summary-list__value">{answered}</dd>
                </div>
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Median"</dt>
                    <dd class="nhsuk-summary-list__value">{median}</dd>
                </div>
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Middle half (interquartile range)"</dt>
                    <dd class="nhsuk-summary-list__value">{middle_half}</dd>
                </div>
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"Statements"</dt>
                    <dd class="nhsuk-summary-list__value">{tally}</dd>
                </div>
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">"How important"</dt>
                    <dd class="nhsuk-summary-list__value">{importance}</dd>
                </div>
            </dl>
            <figure class="app-diverging-chart">
                <figcaption class="nhsuk-body-s nhsuk-u-font-weight-bold">
                    {format!("Chart: how many chose each level in {title}. The same counts are in the table below.")}
                </figcaption>
                <DivergingLegend repeat=true />
                {area_bar}
                {bars}
            </figure>
            <div class="app-group-counts">
                <DataTable caption=format!("{title}: how many chose each level, {}", scale_words()) caption_size="s" stacked=true headers=headers>
                    <tr class="nhsuk-table__row app-table__total">
                        <th scope="row" class="nhsuk-table__cell" role="rowheader">{WHOLE_AREA}</th>
                        {total_cells}
                    </tr>
                    {rows}
                </DataTable>
            </div>
            {roles}
        </section>
    }
    .into_any()
}

/// A change in words, with an arrow beside it for sighted readers (the
/// words carry it: never colour or an arrow alone).
fn change_cell(change: &Change) -> AnyView {
    let arrow = match direction(change) {
        Direction::Up => "\u{2191} ",
        Direction::Down => "\u{2193} ",
        Direction::Same | Direction::NotComparable => "",
    };
    view! {
        <span class="app-change__arrow" aria-hidden="true">{arrow}</span>
        {change_words(change)}
    }
    .into_any()
}

/// Two rounds of the same group side by side: each area's and each
/// statement's median in both, and the change in words ("Up 1 level").
#[component]
pub fn RoundComparison(
    /// The earlier round's figures.
    #[prop(into)]
    earlier: Arc<RoundSummary>,
    /// The later round's figures.
    #[prop(into)]
    later: Arc<RoundSummary>,
    /// The earlier round's name, as its column heading ("Spring 2027").
    #[prop(into)]
    earlier_name: String,
    /// The later round's name.
    #[prop(into)]
    later_name: String,
) -> impl IntoView {
    let (areas, statements) = compare(&earlier, &later);
    let area_rows = areas
        .iter()
        .map(|c| {
            let title = framework::domain(c.id).map_or(c.id, |d| d.title);
            view! {
                <tr class="nhsuk-table__row">
                    <th scope="row" class="nhsuk-table__cell">{title}</th>
                    <td class="nhsuk-table__cell">{median_or_none(c.before)}</td>
                    <td class="nhsuk-table__cell">{median_or_none(c.after)}</td>
                    <td class="nhsuk-table__cell">{change_cell(c)}</td>
                </tr>
            }
        })
        .collect_view();
    let statement_rows = statements
        .iter()
        .map(|c| {
            let (area, text) =
                framework::statement(c.id).map_or(("", c.id), |(d, s)| (d.title, s.text));
            let (before, after, change) = (
                median_or_none(c.before),
                median_or_none(c.after),
                change_cell(c),
            );
            view! {
                <tr class="nhsuk-table__row">
                    <th scope="row" class="nhsuk-table__cell" role="rowheader">{text}</th>
                    <StackedCell column="Area">{area}</StackedCell>
                    <StackedCell column="Median before">{before}</StackedCell>
                    <StackedCell column="Median after">{after}</StackedCell>
                    <StackedCell column="Change">{change}</StackedCell>
                </tr>
            }
        })
        .collect_view();
    // A phone shows each stacked cell under a fixed label ("Median before");
    // the column headings name the rounds.
    let before = format!("Median before ({earlier_name})");
    let after = format!("Median after ({later_name})");
    view! {
        <section class="app-group-comparison" aria-labelledby="group-comparison">
            <h2 id="group-comparison">"Change between rounds"</h2>
            <ul class="nhsuk-list">
                <li>{format!("{earlier_name}: {}.", members_words(&earlier))}</li>
                <li>{format!("{later_name}: {}.", members_words(&later))}</li>
            </ul>
            <p>
                {format!("Each figure is the group's median level; the change is from {earlier_name} to {later_name}. \"Not applicable or don't know\" is left out.")}
            </p>
            <h3>"By area"</h3>
            <p>{format!("{}.", change_tally(&areas))}</p>
            <DataTable
                caption="Change by area"
                caption_hidden=true
                headers=vec!["Area".into(), before.clone(), after.clone(), "Change".into()]
            >
                {area_rows}
            </DataTable>
            <h3>"By statement"</h3>
            <p>{format!("{}.", change_tally(&statements))}</p>
            <DataTable
                caption="Change by statement"
                caption_hidden=true
                stacked=true
                headers=vec![
                    "Statement".into(),
                    "Area".into(),
                    before,
                    after,
                    "Change".into(),
                ]
            >
                {statement_rows}
            </DataTable>
        </section>
    }
}
