//! A notice on a record's page when a merged backup left a version of it
//! (or of something in it) that differs and is not settled yet: those are
//! listed only on Your data, so without this a user would not know.

use leptos::prelude::*;

use crate::ui::routing::A;
use crate::ui::store::use_store;

/// Says, on the page of the record `id` (a goal, a plan, an assessment, a
/// placement…), that it or something in it has a version from a backup
/// that differs, with a link to Your data, where the two are compared and
/// one chosen. Shows nothing when there is none.
#[component]
pub fn ConflictNotice(#[prop(into)] id: Signal<String>) -> impl IntoView {
    let store = use_store();
    let message = store.select(move |w| {
        let id = id.get();
        let (own, under) = w.conflicts_within(&id);
        let noun = w.place_of(&id).map(|(_, kind, _)| kind.noun())?;
        let under_words = (under.total() > 0).then(|| {
            let verb = if under.total() == 1 { "has" } else { "have" };
            format!("{} in this {noun} {verb}", under.words())
        });
        Some(match (own, under_words) {
            (true, None) => {
                format!("This {noun} has a version from a backup that differs from the one here.")
            }
            (true, Some(under)) => format!(
                "This {noun}, and {under}, a version from a backup that differs from the one here."
            ),
            (false, Some(under)) => {
                format!("{under} a version from a backup that differs from the one here.")
            }
            (false, None) => return None,
        })
    });
    view! {
        {move || message.get().map(|m| view! {
            <div class="nhsuk-inset-text app-conflict-notice no-print" role="note" aria-label="Changed on both sides">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>
                    {capitalised(&m)} " "
                    <A href="/your-data">"Review it on Your data"</A>
                    "."
                </p>
            </div>
        })}
    }
}

/// The sentence with its first letter capitalised ("1 goal in…").
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
