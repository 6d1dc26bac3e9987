use crate::ui::components::Title;
use leptos::prelude::*;

use crate::ui::components::{DataTable, DomainRow};
use crate::ui::routing::A;

use super::{own_assessment, param, AssessmentNotFound};
use crate::model::assessment::scoring::{self, change_label, percent_label};
use crate::model::assessment::Assessment;
use crate::model::common::dates::long_date;

/// How two of the user's own assessments compare, domain by domain.
#[component]
pub fn OverTime() -> impl IntoView {
    let earlier = own_assessment(param("earlier"));
    let later = own_assessment(param("later"));
    move || match (earlier.get(), later.get()) {
        (Some(a), Some(b)) => {
            // Whatever order the address gives, the earlier one comes first.
            let (earlier, later) = scoring::in_date_order(&a, &b);
            let (earlier, later) = (earlier.clone(), later.clone());
            view! { <ChangeTable earlier later /> }.into_any()
        }
        _ => view! {
            <Title text="Assessment not found" />
            <AssessmentNotFound />
        }
        .into_any(),
    }
}

#[component]
fn ChangeTable(earlier: Assessment, later: Assessment) -> impl IntoView {
    let comparison = scoring::compare_over_time(&earlier, &later);
    let earlier_date = long_date(earlier.date);
    let later_date = long_date(later.date);
    let rows = comparison
        .domains
        .iter()
        .map(|c| {
            view! {
                <DomainRow domain_id=c.domain_id cells=vec![percent_label(c.before), percent_label(c.after), change_label(c.change)] />
            }
        })
        .collect_view();
    let overall = comparison.overall;
    // Say plainly when a score rests on a partly answered assessment.
    let incomplete: Vec<String> = [&earlier, &later]
        .into_iter()
        .filter_map(|a| {
            let p = scoring::progress(a);
            (!p.is_complete()).then(|| {
                format!(
                    "{} has {} of {} statements answered, so its scores are provisional.",
                    a.title(),
                    p.answered,
                    p.total
                )
            })
        })
        .collect();
    view! {
        <Title text="Change over time" />
        <h1>"Change over time"</h1>
        <p>
            "Comparing "
            <strong>{earlier.title()}</strong>
            " with "
            <strong>{later.title()}</strong>
            "."
        </p>
        {(!incomplete.is_empty()).then(|| view! {
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Not every statement is answered"</span>
                </h2>
                {incomplete.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            </div>
        })}
        <p>
            "Scores are percentages of the top maturity level. The change is in percentage points; an area without a score in either assessment cannot be compared."
        </p>
        <DataTable caption="Change in score by area" headers=vec!["Area".into(), earlier_date, later_date, "Change".into()]>
                {rows}
                <tr class="nhsuk-table__row">
                    <th scope="row" class="nhsuk-table__cell"><strong>"Overall"</strong></th>
                    <td class="nhsuk-table__cell"><strong>{percent_label(overall.before)}</strong></td>
                    <td class="nhsuk-table__cell"><strong>{percent_label(overall.after)}</strong></td>
                    <td class="nhsuk-table__cell"><strong>{change_label(overall.change)}</strong></td>
                </tr>
            </DataTable>
        <p class="nhsuk-body-s">{scoring::SCORING_METHOD}</p>
        <p><A href="/self-assessment">"Back to your self-assessments"</A></p>
    }
}
