use crate::ui::components::Title;
use leptos::prelude::*;

use crate::ui::components::DataTable;

use crate::model::assessment::framework::{
    domains_serving, seed_article, PatPrinciple, DOMAINS, GLOSSARY, IMPORTANCE_LEVELS,
    IMPORTANCE_SOURCE, MATURITY_LEVELS, MATURITY_SCALE_SOURCE, PAT_CITATION, SEED_ARTICLES,
};

/// The page's sections, in order: (id of its heading, heading). The contents
/// list at the top links to each, so a phone user need not scroll through
/// some twenty screens to find one.
const SECTIONS: [(&str, &str); 11] = [
    ("about-privacy", "Privacy: nothing leaves this browser"),
    ("about-patients", "Patient details in your notes"),
    ("about-content", "Where the content comes from"),
    ("about-articles", "The articles the content comes from"),
    (
        "about-glossary",
        "Words from 2009 and what they are called today",
    ),
    (
        "about-capabilities",
        "Leadership capabilities in the development plan",
    ),
    ("about-placement", "The placement log"),
    ("about-framework", "The readiness framework"),
    ("about-pat", "Partnership Assessment Tool principles"),
    ("about-scales", "The scales"),
    ("about-group", "A group's results: agreement or a split"),
];

/// A section's heading, with the id the contents list links to.
fn section_heading(id: &'static str) -> impl IntoView {
    let text = SECTIONS
        .iter()
        .find(|(i, _)| *i == id)
        .map_or("", |(_, t)| *t);
    view! { <h2 id=id>{text}</h2> }
}

#[component]
pub fn About() -> impl IntoView {
    view! {
        <Title text="About" />
        <h1>"About this workbook"</h1>
        <nav class="app-contents" aria-labelledby="about-contents">
            <h2 class="nhsuk-heading-s" id="about-contents">"Contents"</h2>
            <ol class="nhsuk-list nhsuk-list--number">
                {SECTIONS.iter().map(|(id, text)| view! {
                    <li><a href=format!("#{id}")>{*text}</a></li>
                }).collect_view()}
            </ol>
        </nav>
        {section_heading("about-privacy")}
        <p>
            "The workbook runs entirely in your web browser. What you enter is kept in this browser's local storage on this device and is never sent anywhere. It leaves the browser only when you download a backup or an export yourself."
        </p>
        {section_heading("about-patients")}
        <p>
            "Reflections, evidence and notes must not identify patients. The guidance on reflective practice from the Academy of Medical Royal Colleges, the Conference of Postgraduate Medical Deans (COPMeD), the General Medical Council and the Medical Schools Council asks that reflections are anonymised (The reflective practitioner: guidance for doctors and medical students, 2018, “Anonymising details in reflections”)."
        </p>
        <p>"While you type in a text box, and before you download a backup, an assessment for your partner, a placement's CSV file or its summary, the workbook points out what looks like a patient's details:"</p>
        <ul class="nhsuk-list nhsuk-list--bullet">
            <li>"a 10-digit number, with or without spaces, that passes the NHS number's check digit (modulus 11, as the NHS Data Dictionary sets it out): most phone and reference numbers do not"</li>
            <li>"a date written after “DOB”, “date of birth” or “born”"</li>
            <li>"a full postcode, such as NN1 5BD (not a district alone, such as NN1)"</li>
            <li>"Mr, Mrs, Ms, Miss or Mx and a name, near words such as “patient”, “referred” or “clinic”"</li>
        </ul>
        <p>"It is only a check, made in this browser: it never stops you, never changes what you wrote and never sends anything, and it cannot find everything that could identify someone."</p>
        {section_heading("about-content")}
        <p>
            "The workbook is drawn from five articles on clinical and practice-based commissioning in the NHS in England, published in 2009 and 2010. Each framework statement in the self-assessment says which article it comes from."
        </p>
        <SeedArticles />
        <Glossary />
        <Capabilities />
        <PlacementSources />
        <Framework />
        <PatPrinciples />
        <Scales />
        <GroupAgreement />
    }
}

#[component]
fn SeedArticles() -> impl IntoView {
    view! {
        {section_heading("about-articles")}
        <DataTable caption="The articles" headers=vec!["Author".into(), "Title".into(), "Where it appeared".into(), "Date".into(), "Summary".into()]>
                {SEED_ARTICLES
                    .iter()
                    .map(|a| {
                        view! {
                            <tr class="nhsuk-table__row">
                                <td class="nhsuk-table__cell">{a.author}</td>
                                <th scope="row" class="nhsuk-table__cell">{a.title}</th>
                                <td class="nhsuk-table__cell">{a.publication}</td>
                                <td class="nhsuk-table__cell">{a.published}</td>
                                <td class="nhsuk-table__cell">{a.summary}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </DataTable>
    }
}

/// The leadership capabilities plan goals name, where they come from, and
/// the kinds of support a goal can ask for.
#[component]
fn Capabilities() -> impl IntoView {
    use crate::model::capabilities::{skills_for, ARTICLE_SKILLS, DOMAINS, MLCF_CITATION};
    use crate::model::plan::Support;
    let marshall = cite(ARTICLE_SKILLS[0].source_file);
    view! {
        {section_heading("about-capabilities")}
        <p>
            {format!("Each goal in a development plan can name the capability it builds: one of the 20 elements of the {MLCF_CITATION} ")}
            {format!("Beside each element are the leadership skills named in {marshall} that draw on it (the mapping is this workbook's own).")}
        </p>
        {DOMAINS.iter().map(|d| {
            let rows = d.elements.iter().map(|e| {
                let skills = skills_for(e.id).map(|s| s.title).collect::<Vec<_>>().join("; ");
                view! {
                    <tr class="nhsuk-table__row">
                        <th scope="row" class="nhsuk-table__cell">{e.title}</th>
                        <td class="nhsuk-table__cell">{if skills.is_empty() { "None named".to_string() } else { skills }}</td>
                    </tr>
                }
            }).collect_view();
            view! { <DataTable caption=d.title headers=vec!["Element".into(), "Skills from the article".into()]>{rows}</DataTable> }
        }).collect_view()}
        <h3>"Support a goal can ask for"</h3>
        <ul class="nhsuk-list nhsuk-list--bullet">
            {Support::ALL.into_iter().map(|s| {
                let (file, idea) = s.source();
                view! { <li>{format!("{}: from {} ({idea}).", s.label(), cite(file))}</li> }
            }).collect_view()}
        </ul>
    }
}

/// An article as cited on screen: author and title.
fn cite(file: &str) -> String {
    SEED_ARTICLES
        .iter()
        .find(|a| a.file == file)
        .map(|a| format!("{}, \u{201c}{}\u{201d}", a.author, a.title))
        .unwrap_or_default()
}

/// Where the placement log's defaults, activity types and reflection
/// questions come from.
#[component]
fn PlacementSources() -> impl IntoView {
    use crate::model::placement::activity::REFLECTION_SOURCE;
    use crate::model::placement::placements::{DEFAULT_LENGTH_MONTHS, PLACEMENT_SOURCE};
    use crate::model::placement::ActivityType;
    let (file, idea) = PLACEMENT_SOURCE;
    view! {
        {section_heading("about-placement")}
        <p>
            {format!("A placement is {DEFAULT_LENGTH_MONTHS} months long unless you change it, and has a lead commissioner or supervisor: from {} ({idea}).", cite(file))}
        </p>
        <h3>"Types of activity"</h3>
        <ul class="nhsuk-list nhsuk-list--bullet">
            {ActivityType::ALL.into_iter().map(|t| {
                let text = match t.source() {
                    Some((file, idea)) => format!("{}: from {} ({idea}).", t.label(), cite(file)),
                    None => format!("{}: for anything else.", t.label()),
                };
                view! { <li>{text}</li> }
            }).collect_view()}
        </ul>
        <p>{format!("The reflection questions (how effective it was; what to keep doing, do better or stop; what you learnt about yourself) follow {REFLECTION_SOURCE}. Log entries evidence the same leadership capabilities as development plan goals.")}</p>
    }
}

/// Terms of 2009 that the articles and the statements' sources use, what the
/// same things are called in the NHS in England today, which articles use
/// each, and the source for today's meaning (`framework::GLOSSARY`).
#[component]
fn Glossary() -> impl IntoView {
    view! {
        {section_heading("about-glossary")}
        <p>"The articles were written in 2009 and 2010, and the sources the statements cite keep their words. The workbook's own wording uses today's terms. This is what the 2009 words mean now, and where each is used."</p>
        <dl class="nhsuk-summary-list">
            {GLOSSARY
                .iter()
                .map(|g| {
                    let used_in = g
                        .used_in
                        .iter()
                        .filter_map(|(file, _)| seed_article(file))
                        .map(|a| format!("\u{201c}{}\u{201d}", a.title))
                        .collect::<Vec<_>>()
                        .join("; ");
                    view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{g.term}</dt>
                            <dd class="nhsuk-summary-list__value">
                                <p>{g.today}</p>
                                <p class="nhsuk-body-s">{format!("Used in: {used_in}.")}</p>
                                <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">{format!("Source for today: {}", g.source)}</p>
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

fn principle_name(p: PatPrinciple) -> String {
    format!("{}. {}", p.number(), p.title())
}

#[component]
fn Framework() -> impl IntoView {
    view! {
        {section_heading("about-framework")}
        <p>
            {format!(
                "The self-assessment has {} areas. Each area groups statements you rate on the maturity scale, and each serves one or more principles of the Partnership Assessment Tool.",
                DOMAINS.len(),
            )}
        </p>
        {DOMAINS
            .iter()
            .map(|d| {
                let count = d.statements.len();
                let principles = d
                    .principles
                    .iter()
                    .map(|&p| principle_name(p))
                    .collect::<Vec<_>>()
                    .join("; ");
                view! {
                    <h3>{d.title}</h3>
                    <p>{d.summary}</p>
                    <ul class="nhsuk-list">
                        <li>
                            {if count == 1 {
                                "1 statement".to_string()
                            } else {
                                format!("{count} statements")
                            }}
                        </li>
                        <li>{format!("Partnership Assessment Tool principles it serves: {principles}")}</li>
                    </ul>
                }
            })
            .collect_view()}
    }
}

#[component]
fn PatPrinciples() -> impl IntoView {
    view! {
        {section_heading("about-pat")}
        <p>
            "The areas are mapped to the six principles of the Partnership Assessment Tool, so the framework can be read against a widely used partnership tool. The descriptions are this workbook's own summaries."
        </p>
        <DataTable caption="Areas serving each Partnership Assessment Tool principle" headers=vec!["Principle".into(), "What it means".into(), "Areas serving it".into()]>
                {PatPrinciple::ALL
                    .into_iter()
                    .map(|p| {
                        let domains: Vec<&str> = domains_serving(p).map(|d| d.title).collect();
                        view! {
                            <tr class="nhsuk-table__row">
                                <th scope="row" class="nhsuk-table__cell">{principle_name(p)}</th>
                                <td class="nhsuk-table__cell">{p.description()}</td>
                                <td class="nhsuk-table__cell">
                                    {if domains.is_empty() {
                                        "None".to_string()
                                    } else {
                                        domains.join(", ")
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </DataTable>
        <p class="nhsuk-body-s">"Source: " {PAT_CITATION}</p>
    }
}

#[component]
fn Scales() -> impl IntoView {
    view! {
        {section_heading("about-scales")}
        <h3>"Maturity"</h3>
        <p>"Each statement is rated on this scale, or as not applicable or don't know."</p>
        <dl class="nhsuk-summary-list">
            {MATURITY_LEVELS
                .iter()
                .map(|m| {
                    view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{format!("{} {}", m.level, m.name)}</dt>
                            <dd class="nhsuk-summary-list__value">{m.descriptor}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
        <p>{MATURITY_SCALE_SOURCE}</p>
        <h3>"Importance"</h3>
        <p>"Each area can be rated for how important it is to the partnership now."</p>
        <dl class="nhsuk-summary-list">
            {IMPORTANCE_LEVELS
                .iter()
                .map(|i| {
                    view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{format!("{} {}", i.value, i.name)}</dt>
                            <dd class="nhsuk-summary-list__value">{i.descriptor}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
        <p>{IMPORTANCE_SOURCE}</p>
    }
}

/// The rule a group's results use to say whether members agree on a
/// statement, two worked examples drawn as the results draw them, and where
/// the rule and the figures come from.
#[component]
fn GroupAgreement() -> impl IntoView {
    use crate::model::group::stats::{Spread, AGREEMENT_RULE, AGREEMENT_RULE_SOURCE};
    use crate::model::group::wording::agreement_reason;
    use crate::ui::components::{DivergingBar, DivergingLegend};
    // Twelve members, the size of panel SCIROCCO's figure of four is for:
    // one example just over the line, one just under it.
    let example = |levels: [u8; 12], name: &'static str| {
        let spread = Spread::of(levels.map(Some));
        let reason = agreement_reason(&spread);
        view! {
            <div class="app-diverging-chart__row">
                <p class="app-diverging-chart__label">{name}</p>
                <DivergingBar spread=spread name=name />
                <p class="nhsuk-body-s">{reason}</p>
            </div>
        }
    };
    // The bars' rules are the group view's (style/_group-view.scss); the
    // About area's own stylesheet takes them in too (scripts/trim-css.mjs).
    let examples = view! {
        <figure class="app-diverging-chart">
            <figcaption class="nhsuk-body-s nhsuk-u-font-weight-bold">
                "Two examples, each of twelve members, drawn as the group's results draw them"
            </figcaption>
            <DivergingLegend />
            {example([0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4], "Example 1: split")}
            {example([0, 0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4], "Example 2: agreement")}
        </figure>
    };
    view! {
        {section_heading("about-group")}
        <p>
            "A commissioning group's results add up its members' answers to each statement: how many chose each level, the median (the middle answer), and the middle half of the answers (the interquartile range, from the lower quartile to the upper, each the median of the lower or upper half of the answers, the middle answer left out of both when there is an odd number, as taught in UK schools). \"Not applicable or don't know\" is left out."
        </p>
        <p>"Whether the members agree on a statement or are split follows one rule:"</p>
        <div class="nhsuk-inset-text"><p>{AGREEMENT_RULE}</p></div>
        {examples}
        <p class="nhsuk-body-s">"Source: " {AGREEMENT_RULE_SOURCE}</p>
    }
}
