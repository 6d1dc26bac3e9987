//! Pieces the support agreement's pages share: paths, the page shown when an
//! agreement is not found, the notice when the saved agreements cannot be
//! read, the words for the two parties then and now, and a clause's sources.

use leptos::prelude::*;

use crate::model::agreement::clauses::{Clause, ClauseSource};
use crate::ui::components::UnreadableSection;
use crate::ui::routing::A;

pub fn agreement_path(id: &str) -> String {
    format!("/support-agreement/agreements/{id}")
}

pub fn commitment_path(id: &str) -> String {
    format!("/support-agreement/commitments/{id}")
}

#[component]
pub fn AgreementNotFound() -> impl IntoView {
    view! {
        <h1>"Agreement not found"</h1>
        <p>"This support agreement is not in your workbook. It may have been deleted."</p>
        <p><A href="/support-agreement">"Go to your support agreements"</A></p>
    }
}

#[component]
pub fn CommitmentNotFound() -> impl IntoView {
    view! {
        <h1>"Commitment not found"</h1>
        <p>"This commitment is not in your workbook. It may have been deleted, or taken out when the other party's changes were accepted."</p>
        <p><A href="/support-agreement">"Go to your support agreements"</A></p>
    }
}

/// Who the two parties are, in the articles' words and today's.
#[component]
pub fn PartiesThenAndNow() -> impl IntoView {
    view! {
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>
                "The two parties are the commissioning group and its commissioning organisation. In the 2009–2010 \
                 articles this workbook draws on, they were a practice-based commissioning (PBC) group and its primary \
                 care trust (PCT). Today they are a primary care network (PCN) or place partnership and its integrated \
                 care board (ICB)."
            </p>
        </div>
    }
}

/// Shown when the agreements saved in this browser cannot be read.
#[component]
pub fn UnreadableAgreements() -> impl IntoView {
    view! { <UnreadableSection what="support agreements" unreadable=|w| w.support_problem().is_some() /> }
}

/// Where a clause comes from, one line per source, for the page.
pub fn clause_sources(clause: &Clause) -> Vec<String> {
    clause
        .sources
        .iter()
        .map(|source| match source {
            ClauseSource::Article(s) => match s.article() {
                Some(a) => format!("{}, \u{201c}{}\u{201d}: {}", a.author, a.title, s.idea),
                None => s.idea.to_string(),
            },
            ClauseSource::Public(p) => format!("{} {}", p.citation, p.idea),
        })
        .collect()
}

/// A clause's sources, as a short list under "Source" or "Sources".
#[component]
pub fn ClauseSources(clause: &'static Clause) -> impl IntoView {
    let lines = clause_sources(clause);
    let heading = if lines.len() == 1 {
        "Source"
    } else {
        "Sources"
    };
    view! {
        <div class="nhsuk-body-s clause-sources">
            <span class="nhsuk-u-font-weight-bold">{heading}": "</span>
            <ul class="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </div>
    }
}
