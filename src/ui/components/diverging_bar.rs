//! A diverging stacked bar: how a group's answers spread over the maturity
//! scale, levels below the middle level to the left of a centre line, levels
//! above it to the right, the middle level split across the line; and the
//! key that names the levels.
//!
//! Plain HTML and CSS, so it prints and zooms as text does and needs no
//! drawing code: each segment is a box whose width is its share of the
//! answers (`wording::diverging_layout`). The widths are set through the
//! element's style object (Leptos's `style:` attributes), which the app's
//! Content-Security-Policy (`style-src 'self'`) allows, where a `style="…"`
//! attribute would be refused. Levels are told apart without colour: by side
//! and distance from the centre line, by lightness (dark at the ends, light
//! next to the middle, palest in the middle), by the count written in each
//! segment wide enough to hold it, and by the bar's text alternative. A bar
//! is never the only way to the figures: every page that shows one has a
//! table of the same counts.

use leptos::prelude::*;

use crate::model::assessment::framework::MATURITY_LEVELS;
use crate::model::group::stats::{Spread, LEVELS};
use crate::model::group::wording::{
    diverging_key, diverging_layout, level_name, segment_words, spread_words, Counting,
};

/// Each level's colour class, level 0 first. Written out whole so the
/// stylesheet's rules for them are never trimmed as unused (see
/// scripts/trim-css.mjs), though `app-` classes are kept anyway.
const LEVEL_CLASSES: [&str; LEVELS] = [
    "app-diverging__level--0",
    "app-diverging__level--1",
    "app-diverging__level--2",
    "app-diverging__level--3",
    "app-diverging__level--4",
];

/// The share of the answers (in percent) a segment needs for its count to
/// fit in it on the narrowest phone: the filled part is half the bar, about
/// 144 px at 320 px wide, so 8 % is 11.5 px, room for one bold figure, and
/// 13 % is 19 px, room for two. A narrower segment's count is still in the
/// bar's text alternative, its tooltip and the table.
fn min_share_for_count(count: usize) -> f64 {
    if count < 10 {
        8.0
    } else {
        13.0
    }
}

/// One diverging bar for `spread`. The bar is an image to assistive
/// technology, named by `name` and every level's count in words ("Our
/// clinicians' views visibly change commissioning decisions: Of 6 people
/// who chose a level: 1 at 0 Not in place, …"); show a table of the same
/// counts beside it.
#[component]
pub fn DivergingBar(
    /// The answers the bar shows.
    spread: Spread,
    /// What the bar is for ("Power and influence", or a statement), the
    /// start of its text alternative. Not shown: put a visible label near it.
    #[prop(into)]
    name: String,
    /// Whether the bar counts people (one statement, the default) or
    /// answers (an area's statements together), for its text alternative.
    #[prop(optional)]
    counting: Counting,
) -> impl IntoView {
    // A statement ends with a full stop; the colon follows its last word.
    let label = format!(
        "{}: {}",
        name.trim_end_matches('.'),
        spread_words(&spread, counting)
    );
    let fill = diverging_layout(&spread).map(|(start, shares)| {
        let segments = (0..LEVELS)
            .filter(|level| spread.counts[*level] > 0)
            .map(|level| {
                let count = spread.counts[level];
                let share = shares[level];
                let class = format!("app-diverging__segment {}", LEVEL_CLASSES[level]);
                view! {
                    <span class=class style:width=format!("{share}%") title=segment_words(level as u8, count)>
                        {(share >= min_share_for_count(count)).then(|| count.to_string())}
                    </span>
                }
            })
            .collect_view();
        view! {
            <span class="app-diverging__fill" style:margin-left=format!("{start}%")>
                {segments}
            </span>
        }
    });
    let empty = fill.is_none();
    view! {
        <div class="app-diverging" role="img" aria-label=label>
            {fill}
            {empty.then(|| view! { <span class="app-diverging__empty">"No one chose a level"</span> })}
            <span class="app-diverging__centre"></span>
        </div>
    }
}

/// The key to diverging bars: each level's colour with its number and name,
/// in the order the bars show them, and which way the bars run.
#[component]
pub fn DivergingLegend(
    /// A repeat of the key beside a later chart: the colours only, without
    /// the note on which way bars run, and hidden from assistive technology
    /// (each bar's text alternative names its levels already, and a key read
    /// out before every chart is noise). On paper each chart keeps its key.
    #[prop(optional)]
    repeat: bool,
) -> impl IntoView {
    let items = MATURITY_LEVELS
        .iter()
        .map(|m| {
            view! {
                <li class="app-diverging-legend__item">
                    <span
                        class=format!("app-diverging-legend__swatch {}", LEVEL_CLASSES[m.level as usize])
                        aria-hidden="true"
                    ></span>
                    {level_name(m.level)}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="app-diverging-legend" aria-hidden=repeat.then_some("true")>
            {(!repeat).then(|| view! { <p class="nhsuk-body-s app-diverging-legend__note">{diverging_key()}</p> })}
            <ul class="app-diverging-legend__list" aria-label="Key to the levels">
                {items}
            </ul>
        </div>
    }
}
