use crate::ui::components::Title;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::{own_assessment, param, AssessmentNotFound};
use crate::model::assessment::answers::{Assessment, Rating, MAX_LEVEL};
use crate::model::assessment::framework::{
    self, Domain, Statement, DOMAINS, IMPORTANCE_LEVELS, MATURITY_LEVELS,
};
use crate::model::assessment::scoring;
use crate::model::Change;
use crate::ui::components::{Field, FieldKind};
use crate::ui::saver::use_saver;

/// One domain of an assessment: its importance and a rating for each statement.
/// Every answer is saved the moment it is given.
#[component]
pub fn AnswerDomain() -> impl IntoView {
    let id = param("id");
    let domain_id = param("domain");
    let assessment = own_assessment(id);
    // Only whether it exists, so the page is not rebuilt on every answer.
    let exists = Memo::new(move |_| assessment.with(Option::is_some));
    let domain = Memo::new(move |_| domain_id.with(|d| framework::domain(d)));

    view! {
        <Show when=move || exists.get() && domain.get().is_some() fallback=AssessmentNotFound>
            // Keyed by area, so a new area gets new inputs. Patched in place, the
            // old area's radios would be renamed into the new groups while still
            // checked, and the browser would uncheck the saved answer there.
            <For each=move || domain.get() key=|d| d.id let:d>
                <DomainForm id=id assessment=assessment domain=d />
            </For>
        </Show>
    }
}

#[component]
fn DomainForm(
    id: Memo<String>,
    assessment: Memo<Option<Assessment>>,
    domain: &'static Domain,
) -> impl IntoView {
    let saver = use_saver();
    let position = DOMAINS.iter().position(|d| d.id == domain.id).unwrap_or(0);
    let previous = position.checked_sub(1).map(|i| DOMAINS[i]);
    let next = DOMAINS.get(position + 1);
    let progress = Memo::new(move |_| assessment.with(|a| a.as_ref().map(scoring::progress)));
    let title = Memo::new(move |_| {
        assessment.with(|a| a.as_ref().map(Assessment::title).unwrap_or_default())
    });
    let importance_name = format!("importance-{}", domain.id);

    view! {
        <Title text=format!("{} – Self-assessment", domain.title) />
        <span class="nhsuk-caption-m">{format!("Area {} of {} · ", position + 1, DOMAINS.len())}{move || title.get()}</span>
        <h1 class="nhsuk-u-margin-bottom-4">{domain.title}</h1>
        <p>{domain.summary}</p>
        <p role="status" aria-label="Progress">
            {move || progress.get().map(|p| format!("{} of {} statements answered", p.answered, p.total))}
        </p>

        <div class="nhsuk-form-group app-importance">
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    <h2 class="nhsuk-fieldset__heading">{format!("How important is {} to your partnership now?", domain.title.to_lowercase())}</h2>
                </legend>
                <div class="nhsuk-radios nhsuk-radios--inline nhsuk-radios--small">
                    {IMPORTANCE_LEVELS.iter().map(|level| {
                        let input_id = format!("{}-{}", importance_name, level.value);
                        let value = level.value;
                        view! {
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" type="radio" id=input_id.clone() name=importance_name.clone()
                                    prop:checked=move || assessment.with(|a| a.as_ref().and_then(|a| a.importance_of(domain.id)) == Some(value))
                                    on:change=move |_| {
                                        saver.act(Change::SetImportance {
                                            assessment_id: id.get_untracked(),
                                            domain_id: domain.id.to_string(),
                                            importance: Some(value),
                                        });
                                    } />
                                <label class="nhsuk-label nhsuk-radios__label" for=input_id>{level.name}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>

        <RatingScale />
        // For the page's outline (a screen reader's list of headings); the
        // statements' own headings follow at once on screen.
        <h2 class="nhsuk-u-visually-hidden">"Statements"</h2>
        {domain.statements.iter().map(|s| view! {
            <StatementQuestion id=id assessment=assessment statement=s />
        }).collect_view()}

        // The way on is the one button; going back and leaving are links, so
        // the end of an area is not two full-width buttons on a phone.
        <nav class="nhsuk-u-margin-top-4" aria-label="Assessment areas">
            {match next {
                Some(d) => view! {
                    <A href=format!("/self-assessment/{}/domain/{}", id.get_untracked(), d.id) attr:class="nhsuk-button nhsuk-u-margin-bottom-3">
                        {format!("Next: {}", d.title)}
                    </A>
                }.into_any(),
                None => view! {
                    <A href=format!("/self-assessment/{}/results", id.get_untracked()) attr:class="nhsuk-button nhsuk-u-margin-bottom-3">"See your results"</A>
                }.into_any(),
            }}
            <ul class="nhsuk-list app-actions">
                {previous.map(|d| view! {
                    <li>
                        <A href=format!("/self-assessment/{}/domain/{}", id.get_untracked(), d.id)>
                            {format!("Previous: {}", d.title)}
                        </A>
                    </li>
                })}
                <li><A href="/self-assessment">"Back to your self-assessments"</A></li>
            </ul>
        </nav>
    }
}

#[component]
fn StatementQuestion(
    id: Memo<String>,
    assessment: Memo<Option<Assessment>>,
    statement: &'static Statement,
) -> impl IntoView {
    let saver = use_saver();
    let sid = statement.id;
    let heading_id = format!("{sid}-heading");
    let labelled_by = heading_id.clone();
    let answer = Memo::new(move |_| {
        assessment.with(|a| {
            a.as_ref()
                .and_then(|a| a.answer(sid).cloned())
                .unwrap_or_default()
        })
    });
    let source = statement
        .source
        .article()
        .map(|a| {
            format!(
                "Source: {}, \u{201c}{}\u{201d} — {}",
                a.author, a.title, statement.source.idea
            )
        })
        .unwrap_or_default();
    let evidence = Signal::derive(move || answer.with(|a| a.evidence.to_string()));
    // One line until there is more to show: a note already written opens at
    // its own length (up to six lines), and the box grows as it is typed in
    // where the browser can size a field to its content (style/_app.scss).
    let rows = answer.with_untracked(|a| a.evidence.lines().count().clamp(1, 6) as u32);
    // The note and the flag are optional: on a phone they wait behind
    // "Notes and flag" unless this statement has either
    // already, so an area fits about three screens; on a wider screen, where
    // they sit side by side, they are open. Nothing entered is ever folded
    // away.
    let open_notes = answer.with_untracked(|a| !a.evidence.trim().is_empty() || a.flagged)
        || window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w >= WIDE_SCREEN_PX);
    let type_evidence = Callback::new(move |text: String| {
        saver.act(Change::SetEvidence {
            assessment_id: id.get_untracked(),
            statement_id: sid.to_string(),
            text,
        });
    });

    view! {
        <section class="app-statement" aria-labelledby=labelled_by>
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                            <h3 class="nhsuk-fieldset__heading" id=heading_id>{statement.text}</h3>
                        </legend>
                        <div class="nhsuk-radios app-rating">
                            {Rating::ALL.into_iter().map(|rating| {
                                let input_id = format!("{sid}-{}", rating.key());
                                view! {
                                    <div class="nhsuk-radios__item">
                                        <input class="nhsuk-radios__input" type="radio" id=input_id.clone() name=sid
                                            prop:checked=move || answer.with(|a| a.rating == Some(rating))
                                            on:change=move |_| {
                                                saver.act(Change::SetRating {
                                                    assessment_id: id.get_untracked(),
                                                    statement_id: sid.to_string(),
                                                    rating: Some(rating),
                                                });
                                            } />
                                        <label class="nhsuk-label nhsuk-radios__label" for=input_id>{rating_tile(rating)}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                </div>
                <div class="app-statement__extras">
                <details class="nhsuk-details">
                    <summary class="nhsuk-details__summary">
                        <span class="nhsuk-details__summary-text">"Why it matters"</span>
                    </summary>
                    <div class="nhsuk-details__text">
                        <p>{format!("Why it matters: {}", statement.why)}</p>
                        <p class="nhsuk-body-s">{source}</p>
                    </div>
                </details>
                <details class="nhsuk-details app-statement__more" open=open_notes>
                <summary class="nhsuk-details__summary">
                    <span class="nhsuk-details__summary-text">"Notes and flag"</span>
                </summary>
                <div class="nhsuk-details__text app-statement__notes">
                <Field
                    id=format!("{sid}-evidence")
                    label="Evidence or notes (optional)"
                    kind=FieldKind::TextArea
                    rows=rows
                    value=evidence
                    on_input=type_evidence
                />
                <div class="nhsuk-checkboxes nhsuk-checkboxes--small">
                    <div class="nhsuk-checkboxes__item">
                        <input class="nhsuk-checkboxes__input" type="checkbox" id=format!("{sid}-flag")
                            prop:checked=move || answer.with(|a| a.flagged)
                            on:change=move |ev| {
                                saver.act(Change::SetFlagged {
                                    assessment_id: id.get_untracked(),
                                    statement_id: sid.to_string(),
                                    flagged: event_target_checked(&ev),
                                });
                            } />
                        <label class="nhsuk-label nhsuk-checkboxes__label" for=format!("{sid}-flag")>"Flag as a priority to act on"</label>
                    </div>
                </div>
                </div>
                </details>
                </div>
        </section>
    }
}

/// From this width (the design system's tablet breakpoint, 641 px) a
/// statement's note and flag are shown open.
const WIDE_SCREEN_PX: f64 = 641.0;

/// A choice's label as a tile shows it: the level's number over its name
/// ("0" over "Not in place"), or "Not applicable or don't know". Its text,
/// and so the radio's name, is the rating's label ("0 Not in place").
fn rating_tile(rating: Rating) -> impl IntoView {
    match rating.level().and_then(framework::maturity_level) {
        Some(m) => view! {
            <span class="app-rating__level">{m.level}</span>
            " "
            <span class="app-rating__name">{m.name}</span>
        }
        .into_any(),
        None => view! { <span class="app-rating__name">{rating.label()}</span> }.into_any(),
    }
}

/// The rating scale, once at the top of each area instead of under every
/// statement: the ratings by name on one line (each statement's choices then
/// recall them in a word or two), and what each rating and each importance
/// means one click away, so an area is not six phone screens of the same
/// scale.
#[component]
fn RatingScale() -> impl IntoView {
    let first = Rating::Level(0).label();
    let last = Rating::Level(MAX_LEVEL).label();
    view! {
        <h2 class="nhsuk-heading-s" id="rating-scale">"The rating scale"</h2>
        <p class="app-rating-scale__names">{format!("Rate each statement from {first} to {last}, or {}.", Rating::NotApplicable.label().to_lowercase())}</p>
        <details class="nhsuk-details app-rating-scale__details">
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">"What each rating means"</span>
            </summary>
            <div class="nhsuk-details__text">
                <dl class="nhsuk-summary-list nhsuk-u-font-size-16 app-rating-scale" aria-labelledby="rating-scale">
                    {MATURITY_LEVELS.iter().map(|m| view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{Rating::Level(m.level).label()}</dt>
                            <dd class="nhsuk-summary-list__value">{m.descriptor}</dd>
                        </div>
                    }).collect_view()}
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">{Rating::NotApplicable.label()}</dt>
                        <dd class="nhsuk-summary-list__value">"You cannot say, or it does not apply. It is left out of the scores."</dd>
                    </div>
                </dl>
                <p class="nhsuk-u-font-size-16 nhsuk-u-margin-bottom-2">"How important an area is (results put important areas that score low first):"</p>
                <dl class="nhsuk-summary-list nhsuk-u-font-size-16 app-rating-scale" aria-label="How important an area is">
                    {IMPORTANCE_LEVELS.iter().map(|i| view! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{i.name}</dt>
                            <dd class="nhsuk-summary-list__value">{i.descriptor}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            </div>
        </details>
    }
}
