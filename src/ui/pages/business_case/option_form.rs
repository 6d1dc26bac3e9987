//! An option's form: its name, what it is, its benefits that are not money,
//! and its costs and savings in a row of boxes for each year, year 0 (the
//! year it starts) first. Every box keeps what was typed until it is saved;
//! the model reads each one (empty is £0) and says what is wrong with any it
//! cannot, under the box and in the error summary.

use leptos::prelude::*;

use super::parts::{case_path, option_path, CaseNotFound, OptionNotFound};
use crate::model::business_case::appraisal::LAST_YEAR;
use crate::model::business_case::records::{
    FIGURE_COLUMNS, OPTION_BENEFITS_FIELD, OPTION_DESCRIPTION_FIELD, OPTION_NAME_FIELD, YEAR_FIELDS,
};
use crate::model::business_case::{CaseOptionDraft, YearDraft};
use crate::model::common::validation::{message_for, FieldError};
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::components::{
    DataTable, DeleteButton, ErrorMessage, ErrorSummary, Field, FieldKind, StaleGuard, StaleNotice,
    Title,
};
use crate::ui::routing::{use_navigate, use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

/// One year's four boxes, each as typed.
type YearBoxes = [RwSignal<String>; 4];

fn year_boxes(draft: YearDraft) -> YearBoxes {
    let [set_up, running, cash, non_cash] = draft.boxes().map(|b| RwSignal::new(b.clone()));
    [set_up, running, cash, non_cash]
}

#[derive(Clone, Copy)]
struct OptionForm {
    name: RwSignal<String>,
    description: RwSignal<String>,
    benefits: RwSignal<String>,
    /// Row `n` is year `n`.
    years: RwSignal<Vec<YearBoxes>>,
}

impl OptionForm {
    fn new(draft: CaseOptionDraft) -> Self {
        let form = OptionForm {
            name: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            benefits: RwSignal::new(String::new()),
            years: RwSignal::new(Vec::new()),
        };
        form.fill(draft);
        form
    }

    fn fill(&self, draft: CaseOptionDraft) {
        self.name.set(draft.name);
        self.description.set(draft.description);
        self.benefits.set(draft.benefits);
        // An option with no figures yet (a new case's "do nothing") gets the
        // same five years after year 0 a new option starts with.
        let years = if draft.years.is_empty() {
            CaseOptionDraft::new_option().years
        } else {
            draft.years
        };
        self.years.set(years.into_iter().map(year_boxes).collect());
    }

    fn draft(&self) -> CaseOptionDraft {
        CaseOptionDraft {
            name: self.name.get_untracked(),
            description: self.description.get_untracked(),
            benefits: self.benefits.get_untracked(),
            years: self.years.with_untracked(|years| {
                years
                    .iter()
                    .map(|[set_up, running, cash, non_cash]| YearDraft {
                        set_up_costs: set_up.get_untracked(),
                        running_costs: running.get_untracked(),
                        cash_releasing_savings: cash.get_untracked(),
                        non_cash_releasing_savings: non_cash.get_untracked(),
                    })
                    .collect()
            }),
        }
    }
}

/// "Set-up costs" from the model's "set-up costs".
fn capitalised(column: &str) -> String {
    let mut chars = column.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One money box in the figures table: a label for assistive technology
/// naming its year and column ("Year 1 cash-releasing savings (£)"), the
/// model's message under it when it could not be read, and the box.
#[component]
fn MoneyBox(
    year: usize,
    column: usize,
    bind: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let id = YEAR_FIELDS[year][column];
    let has_error = move || errors.with(|e| message_for(e, id).is_some());
    let error_id = format!("{id}-error");
    view! {
        <td class="nhsuk-table__cell app-money-cell">
            <div class="nhsuk-form-group nhsuk-u-margin-bottom-0" class:nhsuk-form-group--error=has_error>
                <label class="nhsuk-label nhsuk-u-visually-hidden" for=id>
                    {format!("Year {year} {} (£)", FIGURE_COLUMNS[column])}
                </label>
                <ErrorMessage errors=errors field=id />
                <input
                    class="nhsuk-input app-money-input"
                    class:nhsuk-input--error=has_error
                    id=id
                    name=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby=move || has_error().then(|| error_id.clone())
                    prop:value=move || bind.get()
                    on:input=move |ev| bind.set(event_target_value(&ev))
                />
            </div>
        </td>
    }
}

/// The figures: a row of four boxes a year, with what each column means,
/// and buttons to add a year (up to year 30) or take the last one away.
#[component]
fn FiguresTable(form: OptionForm, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let count = Memo::new(move |_| form.years.with(Vec::len));
    let add_year = move |_: leptos::ev::MouseEvent| {
        form.years.update(|years| {
            if years.len() <= LAST_YEAR as usize {
                years.push(year_boxes(YearDraft::default()));
            }
        })
    };
    let remove_year = move |_: leptos::ev::MouseEvent| {
        form.years.update(|years| {
            if years.len() > 1 {
                years.pop();
            }
        })
    };
    let at_most = move || count.get() > LAST_YEAR as usize;
    let only_one = move || count.get() <= 1;
    let headers = std::iter::once("Year".to_string())
        .chain(
            FIGURE_COLUMNS
                .iter()
                .map(|c| format!("{} (£)", capitalised(c))),
        )
        .collect::<Vec<_>>();
    view! {
        <fieldset class="nhsuk-fieldset nhsuk-u-margin-bottom-4 app-figures-fieldset" aria-describedby="figures-hint">
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                <h2 class="nhsuk-fieldset__heading">"Costs and savings each year"</h2>
            </legend>
            <div class="nhsuk-hint" id="figures-hint">
                <p>"Year 0 is the year the option starts. Enter amounts in pounds, such as 30000 or 30,000.50. Leave a box empty for £0."</p>
                <ul>
                    <li><strong>"Set-up costs"</strong>": one-off costs of starting, such as equipment, building work or training."</li>
                    <li><strong>"Running costs"</strong>": what it costs to keep going each year, such as staff, rent or a contract."</li>
                    <li><strong>"Cash-releasing savings"</strong>": money no longer spent, which can be spent elsewhere, such as a contract that ends."</li>
                    <li><strong>"Non-cash-releasing savings"</strong>": time or capacity freed, which frees no money, such as clinic appointments used for other patients."</li>
                </ul>
            </div>
            <DataTable caption="Costs and savings by year, in pounds" headers caption_hidden=true>
                {move || (0..count.get()).map(|year| {
                    let boxes = form.years.with_untracked(|years| years[year]);
                    view! {
                        <tr class="nhsuk-table__row">
                            <th scope="row" class="nhsuk-table__header">{format!("Year {year}")}</th>
                            {(0..4).map(|column| view! {
                                <MoneyBox year column bind=boxes[column] errors />
                            }).collect_view()}
                        </tr>
                    }
                }).collect_view()}
            </DataTable>
            <p class="nhsuk-u-visually-hidden" aria-live="polite">
                {move || format!("Figures for years 0 to {}", count.get() - 1)}
            </p>
            <div class="nhsuk-button-group app-year-buttons">
                <button type="button" class="nhsuk-button nhsuk-button--secondary"
                    disabled=at_most
                    on:click=add_year>
                    "Add a year"
                </button>
                <button type="button" class="nhsuk-button nhsuk-button--secondary"
                    disabled=only_one
                    on:click=remove_year>
                    "Remove the last year"
                </button>
            </div>
            <p class="nhsuk-body-s">{format!("You can enter figures for years 0 to {LAST_YEAR}, as the Green Book's discount rate covers.")}</p>
        </fieldset>
    }
}

/// The option's fields, in the order a person fills them in.
#[component]
fn OptionFields(form: OptionForm, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <Field id=OPTION_NAME_FIELD label="Name of the option"
            hint="For example, a community diabetes clinic run by the practices."
            errors=errors bind=form.name />
        <Field id=OPTION_DESCRIPTION_FIELD label="What it is (optional)" kind=FieldKind::TextArea rows=3
            hint="What would be done, by whom, for whom."
            errors=errors bind=form.description />
        <Field id=OPTION_BENEFITS_FIELD label="Benefits that are not money (optional)" kind=FieldKind::TextArea rows=4
            hint="Better care, shorter waits, fewer journeys for patients: what it would improve that has no price."
            errors=errors bind=form.benefits />
        <FiguresTable form errors />
    }
}

#[component]
pub fn NewOption() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("case").unwrap_or_default());
    let case_title =
        store.select(move |w| w.business_case(&case_id.get()).map(|c| c.title.to_string()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = OptionForm::new(CaseOptionDraft::new_option());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let case = case_id.get_untracked();
        let change = Change::add(Some(&case), form.draft());
        let new_id = match &change {
            Change::Add { id, .. } => id.clone(),
            _ => String::new(),
        };
        if saver.submit(change, errors) {
            navigate(&option_path(&new_id), Default::default());
        }
    };
    view! {
        <Title text="Add an option" />
        <Show when=move || case_title.with(Option::is_some) fallback=CaseNotFound>
            <span class="nhsuk-caption-l">{move || case_title.get()}</span>
            <h1>"Add an option"</h1>
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=save>
                <OptionFields form errors />
                <button type="submit" class="nhsuk-button">"Save the option"</button>
            </form>
            <p><A href=move || case_path(&case_id.get())>"Cancel"</A></p>
        </Show>
    }
}

#[component]
pub fn EditOption() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let place = store.select(move |w| {
        w.case_option(&id.get()).map(|(c, o)| {
            (
                c.id.clone(),
                c.title.to_string(),
                o.name.to_string(),
                o.do_nothing,
            )
        })
    });
    let option = store.select(move |w| {
        w.case_option(&id.get())
            .map(|(_, o)| CaseOptionDraft::of(o))
    });
    let guard = StaleGuard::new(option.into(), CaseOptionDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = OptionForm::new(guard.opened().unwrap_or_default());
    let case_id = StoredValue::new(
        place.with_untracked(|p| p.as_ref().map(|p| p.0.clone()).unwrap_or_default()),
    );
    let save = Callback::new(move |()| {
        let draft = form.draft();
        if guard.may_save(&draft)
            && saver.submit(Change::update(&id.get_untracked(), draft), errors)
        {
            navigate(&option_path(&id.get_untracked()), Default::default());
        }
    });
    let delete = Callback::new(move |()| {
        if saver.act(Change::delete(RecordKind::CaseOption, &id.get_untracked())) {
            navigate(&case_path(&case_id.get_value()), Default::default());
        }
    });
    let name = place.with_untracked(|p| p.as_ref().map(|p| p.2.clone()).unwrap_or_default());
    let do_nothing = place.with_untracked(|p| p.as_ref().is_some_and(|p| p.3));
    view! {
        <Title text="Change the option" />
        <Show when=move || guard.was_found() fallback=OptionNotFound>
            <span class="nhsuk-caption-l">{move || place.with(|p| p.as_ref().map(|p| p.1.clone()))}</span>
            <h1>"Change the option"</h1>
            {do_nothing.then(|| view! {
                <p>"This is the \"do nothing\" option: carrying on as now. Its figures can be what carrying on would cost, so the other options are compared with that."</p>
            })}
            <StaleNotice guard what="option" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <OptionFields form errors />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=move || option_path(&id.get())>"Cancel"</A></p>
            <h2>"Delete this option"</h2>
            <p>"Deleting removes the option with its figures and risks. You can undo it straight after."</p>
            <DeleteButton what=format!("option: {name}") on_confirm=delete />
        </Show>
    }
}
