//! Pieces the group pages share: paths, the note on what is kept of a
//! member's file, the notice when the saved rounds cannot be read, and the
//! CSV download.

use leptos::prelude::*;

use crate::model::files::formats::file_name;
use crate::model::files::group_csv::round_csv;
use crate::model::group::GroupRound;
use crate::ui::browser;
use crate::ui::components::UnreadableSection;
use crate::ui::routing::A;

pub fn round_path(id: &str) -> String {
    format!("/group/rounds/{id}")
}

#[component]
pub fn RoundNotFound() -> impl IntoView {
    view! {
        <h1>"Round not found"</h1>
        <p>"This round is not in your workbook. It may have been deleted."</p>
        <p><A href="/group">"Go to the group view"</A></p>
    }
}

/// Said wherever members' files are loaded or their figures shown.
#[component]
pub fn WhatIsKept() -> impl IntoView {
    view! {
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>
                "Members' files are read in this browser and nothing is sent anywhere. Of each file only the levels, \
                 how important each area is and the member's role are kept: never their notes or evidence, and never \
                 their name unless you choose to keep names. The figures, the CSV file and the printed report show \
                 only what the group's answers add up to."
            </p>
        </div>
    }
}

/// Shown when the group rounds saved in this browser cannot be read.
#[component]
pub fn UnreadableRounds() -> impl IntoView {
    view! { <UnreadableSection what="group rounds" unreadable=|w| w.group_problem().is_some() /> }
}

/// Downloads the round's aggregate (never a member's answers) as CSV.
pub fn download_round_csv(round: &GroupRound) -> Result<String, String> {
    let name = file_name("group-round", &round.name, browser::today(), "csv");
    browser::download_text(&name, &round_csv(round), "text/csv;charset=utf-8").map(|()| name)
}
