use crate::ui::components::Title;
use crate::ui::routing::A;
use leptos::prelude::*;

use super::{own_assessment, param, AssessmentNotFound};
use crate::model::assessment::answers::{Assessment, Rating};
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
        <span class="nhsuk-caption-l">{format!("Area {} of {} · ", position + 1, DOMAINS.len())}{move || title.get()}</span>
        <h1>{domain.title}</h1>
        <p>{domain.summary}</p>
        <p role="status" aria-label="Progress">
            {move || progress.get().map(|p| format!("{} of {} statements answered", p.answered, p.total))}
        </p>

        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset" aria-describedby="importance-hint">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                    <h2 class="nhsuk-fieldset__heading">{format!("How important is {} to your partnership now?", domain.title.to_lowercase())}</h2>
                </legend>
                <div class="nhsuk-hint" id="importance-hint">"Results put what matters most and scores lowest first."</div>
                <div class="nhsuk-radios nhsuk-radios--inline">
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
                                <label class="nhsuk-label nhsuk-radios__label" for=input_id title=level.descriptor>{level.name}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>

        <RatingScale />
        <h2>"Statements"</h2>
        {domain.statements.iter().map(|s| view! {
            <StatementQuestion id=id assessment=assessment statement=s />
        }).collect_view()}

        <nav class="nhsuk-u-margin-top-5" aria-label="Assessment areas">
            {previous.map(|d| view! {
                <A href=format!("/self-assessment/{}/domain/{}", id.get_untracked(), d.id) attr:class="nhsuk-button nhsuk-button--secondary">
                    {format!("Previous: {}", d.title)}
                </A>
                " "
            })}
            {match next {
                Some(d) => view! {
                    <A href=format!("/self-assessment/{}/domain/{}", id.get_untracked(), d.id) attr:class="nhsuk-button">
                        {format!("Next: {}", d.title)}
                    </A>
                }.into_any(),
                None => view! {
                    <A href=format!("/self-assessment/{}/results", id.get_untracked()) attr:class="nhsuk-button">"See your results"</A>
                }.into_any(),
            }}
            <p><A href="/self-assessment">"Back to your self-assessments"</A></p>
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
    let type_evidence = Callback::new(move |text: String| {
        saver.act(Change::SetEvidence {
            assessment_id: id.get_untracked(),
            statement_id: sid.to_string(),
            text,
        });
    });

    view! {
        <section class="nhsuk-card app-statement" aria-labelledby=labelled_by>
            <div class="nhsuk-card__content">
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                            <h3 class="nhsuk-fieldset__heading" id=heading_id>{statement.text}</h3>
                        </legend>
                        <details class="nhsuk-details nhsuk-u-margin-bottom-3">
                            <summary class="nhsuk-details__summary">
                                <span class="nhsuk-details__summary-text">"Why it matters and where it comes from"</span>
                            </summary>
                            <div class="nhsuk-details__text">
                                <p>{format!("Why it matters: {}", statement.why)}</p>
                                <p class="nhsuk-body-s">{source}</p>
                            </div>
                        </details>
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
                                        <label class="nhsuk-label nhsuk-radios__label" for=input_id>{rating.label()}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                </div>
                <div class="app-statement__notes">
                <Field
                    id=format!("{sid}-evidence")
                    label="Evidence or notes (optional)"
                    kind=FieldKind::TextArea
                    rows=2
                    value=evidence
                    on_input=type_evidence
                />
                <div class="nhsuk-checkboxes">
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
            </div>
        </section>
    }
}

/// The maturity scale, shown once at the top of each area instead of under
/// every statement: what each rating means.
#[component]
fn RatingScale() -> impl IntoView {
    view! {
        <h2 id="rating-scale">"The rating scale"</h2>
        <p>"Rate how far each statement is true of your partnership today:"</p>
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
    }
}
