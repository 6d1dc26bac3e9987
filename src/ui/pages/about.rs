use crate::ui::components::Title;
use leptos::prelude::*;

use crate::ui::components::DataTable;

use crate::model::assessment::framework::{
    domains_serving, PatPrinciple, DOMAINS, IMPORTANCE_LEVELS, IMPORTANCE_SOURCE, MATURITY_LEVELS,
    MATURITY_SCALE_SOURCE, PAT_CITATION, SEED_ARTICLES,
};

#[component]
pub fn About() -> impl IntoView {
    view! {
        <Title text="About" />
        <h1>"About this workbook"</h1>
        <h2>"Privacy: nothing leaves this browser"</h2>
        <p>
            "The workbook runs entirely in your web browser. What you enter is kept in this browser's local storage on this device and is never sent anywhere. It leaves the browser only when you download a backup or an export yourself."
        </p>
        <h2>"Where the content comes from"</h2>
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
    }
}

#[component]
fn SeedArticles() -> impl IntoView {
    view! {
        <h2>"The articles the content comes from"</h2>
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
        <h2>"Leadership capabilities in the development plan"</h2>
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
        <h2>"The placement log"</h2>
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

/// Terms of 2009 that the articles and statements use, and what the same
/// things are called in the NHS in England today.
const GLOSSARY: [(&str, &str); 5] = [
    (
        "PCT (primary care trust)",
        "The local NHS body that commissioned most care for its area until 2013. Clinical commissioning groups (CCGs) took over in 2013, and integrated care boards (ICBs) replaced CCGs in July 2022. Read \"PCT\" as your commissioning organisation, today usually the ICB.",
    ),
    (
        "PBC (practice-based commissioning)",
        "GP practices, often in groups, holding indicative budgets to redesign services (2005 to 2013). The nearest groupings today are primary care networks (PCNs, from 2019) and place-based partnerships within an integrated care system.",
    ),
    (
        "PBC group or consortium",
        "Practices commissioning together. Today: a primary care network or a place-based partnership.",
    ),
    (
        "Lead commissioner",
        "The manager in the commissioning organisation who leads commissioning for a clinical area, paired with a clinical lead.",
    ),
    (
        "GP registrar",
        "A doctor in GP specialty training, today usually called a GP specialty trainee (GPST) or GP trainee.",
    ),
];

#[component]
fn Glossary() -> impl IntoView {
    view! {
        <h2>"Words from 2009 and what they are called today"</h2>
        <p>"The articles were written in 2009 and 2010, and some of the statements keep their words. This is what they mean now."</p>
        <dl class="nhsuk-summary-list">
            {GLOSSARY
                .iter()
                .map(|(term, meaning)| view! {
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">{*term}</dt>
                        <dd class="nhsuk-summary-list__value">{*meaning}</dd>
                    </div>
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
        <h2>"The readiness framework"</h2>
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
        <h2>"Partnership Assessment Tool principles"</h2>
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
        <h2>"The scales"</h2>
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
