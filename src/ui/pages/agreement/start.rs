//! Starting an agreement: the two parties, their leads and the period, and
//! its first commitments, either none (blank) or drafted from one of the
//! user's self-assessments: each weakly rated statement of the support,
//! resources and structures areas proposes the library clauses that answer
//! it, each shown with why it was proposed and where it comes from, to keep
//! or leave out.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::details::{AgreementFields, AgreementForm};
use super::parts::{agreement_path, ClauseSources, PartiesThenAndNow};
use crate::model::agreement::clauses::Clause;
use crate::model::agreement::versions::{proposed_clauses, weak_statements_answered};
use crate::model::agreement::SupportAgreementDraft;
use crate::model::assessment::framework::{maturity_level, statement};
use crate::model::common::ids::new_id;
use crate::model::common::validation::FieldError;
use crate::model::Change;
use crate::ui::components::{ErrorSummary, Radios, Select, Title};
use crate::ui::routing::{use_navigate, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

/// Where the first commitments come from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Drafting {
    Blank,
    FromAssessment,
}

/// A proposed clause as the page lists it, with why it was proposed.
#[derive(Clone, PartialEq)]
struct Proposal {
    clause: &'static Clause,
    because: Vec<String>,
}

#[component]
pub fn StartAgreement() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = AgreementForm::new(SupportAgreementDraft::default());
    let assessments = store.select(|w| {
        w.assessments
            .iter()
            .rev()
            .map(|a| (a.id.clone(), a.title()))
            .collect::<Vec<_>>()
    });
    let has_assessments = move || assessments.with(|a| !a.is_empty());
    let drafting = RwSignal::new(if has_assessments() {
        Drafting::FromAssessment
    } else {
        Drafting::Blank
    });
    let chosen_assessment = RwSignal::new(
        assessments.with_untracked(|a| a.first().map(|(id, _)| id.clone()).unwrap_or_default()),
    );
    let proposals = Memo::new(move |_| {
        let id = chosen_assessment.get();
        store.workbook.with(|w| {
            let Some(a) = w.assessment(&id) else {
                return Vec::new();
            };
            proposed_clauses(a)
                .into_iter()
                .map(|clause| Proposal {
                    clause,
                    because: weak_statements_answered(clause, a)
                        .into_iter()
                        .filter_map(|(s, level)| {
                            let (_, st) = statement(s)?;
                            let name = maturity_level(level).map_or("", |l| l.name);
                            Some(format!(
                                "\u{201c}{}\u{201d}, rated {level} ({name})",
                                st.text
                            ))
                        })
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    // Clauses left out by the user; every proposed clause is kept unless unticked.
    let left_out = RwSignal::new(BTreeSet::<&'static str>::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let from = (drafting.get_untracked() == Drafting::FromAssessment)
            .then(|| chosen_assessment.get_untracked())
            .filter(|id| !id.is_empty());
        let commitments: Vec<(String, String)> = if from.is_some() {
            proposals.with_untracked(|p| {
                p.iter()
                    .filter(|p| !left_out.with_untracked(|l| l.contains(p.clause.id)))
                    .map(|p| (new_id("commitment"), p.clause.id.to_string()))
                    .collect()
            })
        } else {
            Vec::new()
        };
        let id = new_id("support-agreement");
        let change = Change::StartAgreement {
            id: id.clone(),
            draft: form.draft(),
            drafted_from: from,
            commitments,
        };
        if saver.submit(change, errors) {
            navigate(&agreement_path(&id), Default::default());
        }
    };
    view! {
        <Title text="Start a support agreement" />
        <h1>"Start a support agreement"</h1>
        <PartiesThenAndNow />
        <ErrorSummary errors=errors.into() />
        <form novalidate on:submit=save>
            <AgreementFields errors form />
            <Show when=has_assessments
                fallback=|| view! {
                    <p>
                        "You can add commitments from the clause library once the agreement is started. To have them \
                         drafted from your weak spots instead, first complete a "
                        <A href="/self-assessment">"self-assessment"</A>"."
                    </p>
                }>
                <Radios legend="The first commitments" name="drafting" heading=true
                    choices=vec![
                        (Drafting::FromAssessment, "assessment", "Draft them from a self-assessment"),
                        (Drafting::Blank, "blank", "Start blank and add them from the clause library"),
                    ]
                    selected=Signal::derive(move || Some(drafting.get()))
                    on_select=Callback::new(move |d| drafting.set(d)) />
                <Show when=move || drafting.get() == Drafting::FromAssessment>
                    <Select id="drafted-from" label="Self-assessment"
                        hint="Statements of its support, resources and structures areas rated 0 or 1 propose the commitments that would answer them."
                        options=Signal::derive(move || assessments.get()) bind=chosen_assessment />
                    <h3>"Proposed commitments"</h3>
                    {move || {
                        let list = proposals.get();
                        if list.is_empty() {
                            return view! {
                                <p>"This assessment rates none of those statements 0 or 1, so nothing is proposed. You can add commitments from the clause library once the agreement is started."</p>
                            }.into_any();
                        }
                        view! {
                            <p>"Untick any you do not want. You can change the wording of each once the agreement is started."</p>
                            <div class="nhsuk-checkboxes">
                                {list.into_iter().map(|p| {
                                    let clause_id = p.clause.id;
                                    let input_id = format!("propose-{clause_id}");
                                    let hint_id = format!("{input_id}-hint");
                                    view! {
                                        <div class="nhsuk-checkboxes__item">
                                            <input class="nhsuk-checkboxes__input" type="checkbox" id=input_id.clone()
                                                aria-describedby=hint_id.clone()
                                                prop:checked=move || !left_out.with(|l| l.contains(clause_id))
                                                on:change=move |ev| {
                                                    let keep = event_target_checked(&ev);
                                                    left_out.update(|l| {
                                                        if keep { l.remove(clause_id); } else { l.insert(clause_id); }
                                                    });
                                                } />
                                            <label class="nhsuk-label nhsuk-checkboxes__label" for=input_id>{p.clause.title}</label>
                                            <div class="nhsuk-hint nhsuk-checkboxes__hint" id=hint_id>
                                                <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">{p.clause.what}</p>
                                                <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
                                                    "Proposed because you rated " {p.because.join("; ")} "."
                                                </p>
                                                <ClauseSources clause=p.clause />
                                            </div>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        }.into_any()
                    }}
                </Show>
            </Show>
            <button type="submit" class="nhsuk-button nhsuk-u-margin-top-4">"Start the agreement"</button>
        </form>
        <p><A href="/support-agreement">"Cancel"</A></p>
    }
}
