//! An agreement's review meetings: the meetings held, the next review, what
//! the next meeting should discuss (the commitments delivered late, not
//! delivered, or past their date with nothing recorded), the form to record
//! a meeting, and changing or deleting one.

use leptos::prelude::*;

use super::delivery::standing_tag;
use super::parts::{agreement_path, commitment_path, AgreementNotFound, UnreadableAgreements};
use crate::model::agreement::delivery::attention;
use crate::model::agreement::records::{
    ATTENDEES_FIELD, DECIDED_FIELD, HELD_ON_FIELD, NEXT_REVIEW_FIELD,
};
use crate::model::agreement::{ReviewMeeting, ReviewMeetingDraft};
use crate::model::common::dates::long_date;
use crate::model::common::validation::FieldError;
use crate::model::workbook::RecordKind;
use crate::model::Change;
use crate::ui::browser;
use crate::ui::components::{
    DataTable, DeleteButton, ErrorSummary, Field, FieldKind, StaleGuard, StaleNotice, Title,
};
use crate::ui::routing::{use_navigate, use_params_map, A};
use crate::ui::saver::use_saver;
use crate::ui::store::use_store;

pub fn review_meeting_path(id: &str) -> String {
    format!("/support-agreement/review-meetings/{id}")
}

#[derive(Clone, Copy)]
struct MeetingForm {
    held_on: RwSignal<String>,
    attendees: RwSignal<String>,
    decided: RwSignal<String>,
    next_review: RwSignal<String>,
}

impl MeetingForm {
    fn new(draft: ReviewMeetingDraft) -> Self {
        MeetingForm {
            held_on: RwSignal::new(draft.held_on),
            attendees: RwSignal::new(draft.attendees),
            decided: RwSignal::new(draft.decided),
            next_review: RwSignal::new(draft.next_review),
        }
    }

    fn fill(&self, draft: ReviewMeetingDraft) {
        self.held_on.set(draft.held_on);
        self.attendees.set(draft.attendees);
        self.decided.set(draft.decided);
        self.next_review.set(draft.next_review);
    }

    fn draft(&self) -> ReviewMeetingDraft {
        ReviewMeetingDraft {
            held_on: self.held_on.get_untracked(),
            attendees: self.attendees.get_untracked(),
            decided: self.decided.get_untracked(),
            next_review: self.next_review.get_untracked(),
        }
    }
}

#[component]
fn MeetingFields(form: MeetingForm, errors: Signal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <Field id=HELD_ON_FIELD label="Date of the meeting" kind=FieldKind::Date
            width_class="nhsuk-input--width-10" errors=errors bind=form.held_on />
        <Field id=ATTENDEES_FIELD label="Who attended (optional)"
            hint="Names and roles, for both parties."
            kind=FieldKind::TextArea rows=2 errors=errors bind=form.attendees />
        <Field id=DECIDED_FIELD label="What was decided"
            hint="For example, what each party will do about a commitment delivered late or not at all."
            kind=FieldKind::TextArea rows=4 errors=errors bind=form.decided />
        <Field id=NEXT_REVIEW_FIELD label="Date of the next review (optional)" kind=FieldKind::Date
            width_class="nhsuk-input--width-10" errors=errors bind=form.next_review />
    }
}

/// What the reviews page shows of its agreement.
#[derive(Clone, Debug, PartialEq)]
struct Agreement {
    id: String,
    title: String,
    meetings: Vec<ReviewMeeting>,
    attention: crate::model::agreement::delivery::AgreementAttention,
}

/// The meetings held, the next review, what needs discussing, and the form
/// to record a meeting.
#[component]
pub fn Reviews() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let params = use_params_map();
    let today = browser::today();
    let wanted = Memo::new(move |_| params.read().get("agreement").unwrap_or_default());
    let agreement = store.select(move |w| {
        w.support_agreement(&wanted.get()).map(|a| Agreement {
            id: a.id.clone(),
            title: a.title(),
            meetings: a.reviews.clone(),
            attention: attention(a, today),
        })
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = MeetingForm::new(ReviewMeetingDraft::default());
    let status = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = Change::add(Some(&wanted.get_untracked()), form.draft());
        if saver.submit(change, errors) {
            form.fill(ReviewMeetingDraft::default());
            status.set("The review meeting is recorded.".into());
        } else {
            status.set(String::new());
        }
    };
    view! {
        <Title text="Review meetings" />
        <Show when=move || agreement.with(Option::is_some) fallback=|| view! { <UnreadableAgreements /> <AgreementNotFound /> }>
            {move || agreement.get().map(|a| {
                let needs = a.attention.clone();
                view! {
                    <span class="nhsuk-caption-l">{a.title.clone()}</span>
                    <h1>"Review meetings"</h1>
                    <NextReview needs=needs.clone() />
                    <h2>"For the next meeting"</h2>
                    {if needs.commitments.is_empty() {
                        view! { <p>"No commitment was delivered late or not at all, and none is past its date with nothing recorded."</p> }.into_any()
                    } else {
                        view! {
                            <p>"These commitments were delivered late or not at all, or are past their date with nothing recorded:"</p>
                            <ul class="nhsuk-list" aria-label="Commitments needing attention">
                                {needs.commitments.into_iter().map(|p| view! {
                                    <li>
                                        <A href=commitment_path(&p.commitment_id)>{format!("{}. {}", p.number, p.title)}</A>
                                        " " {standing_tag(p.standing)}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <p>
                        <A href=format!("{}/report", agreement_path(&a.id))>"The one-page delivery report for the meeting"</A>
                    </p>
                    <h2>"Meetings held"</h2>
                    <Meetings meetings=a.meetings.clone() />
                }
            })}
            <h2>"Record a review meeting"</h2>
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=add>
                <MeetingFields form errors=errors.into() />
                <button type="submit" class="nhsuk-button">"Save the review meeting"</button>
            </form>
            <p role="status" class="nhsuk-u-visually-hidden">{move || status.get()}</p>
            <p><A href=move || agreement_path(&wanted.get())>"Back to the agreement"</A></p>
        </Show>
    }
}

/// The next review's date, set apart: overdue when it has passed with no
/// meeting recorded since.
#[component]
fn NextReview(needs: crate::model::agreement::delivery::AgreementAttention) -> impl IntoView {
    match needs.next_review {
        None => view! {
            <div class="nhsuk-inset-text app-next-review">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p>"No next review is set. Set one when you record a meeting."</p>
            </div>
        }
        .into_any(),
        Some(d) if needs.review_overdue => view! {
            <div class="nhsuk-warning-callout app-next-review">
                <h2 class="nhsuk-warning-callout__label">
                    <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"The next review is overdue"</span>
                </h2>
                <p class="nhsuk-heading-m">{format!("It was due on {}", long_date(d))}</p>
                <p>"No meeting has been recorded since. Record it below once it has been held."</p>
            </div>
        }
        .into_any(),
        Some(d) => view! {
            <div class="nhsuk-inset-text app-next-review">
                <span class="nhsuk-u-visually-hidden">"Information: "</span>
                <p class="nhsuk-heading-m">{format!("Next review: {}", long_date(d))}</p>
            </div>
        }
        .into_any(),
    }
}

/// The meetings held, newest first.
#[component]
fn Meetings(meetings: Vec<ReviewMeeting>) -> impl IntoView {
    if meetings.is_empty() {
        return view! { <p>"No review meeting is recorded yet."</p> }.into_any();
    }
    let mut meetings = meetings;
    meetings.sort_by_key(|m| std::cmp::Reverse(m.held_on));
    view! {
        <DataTable caption="Meetings held" caption_hidden=true
            headers=["Date", "Who attended", "What was decided", "Next review", "Change"].map(String::from).to_vec()>
            {meetings.into_iter().map(|m| {
                let held = long_date(m.held_on);
                view! {
                    <tr class="nhsuk-table__row">
                        <td class="nhsuk-table__cell">{held.clone()}</td>
                        <td class="nhsuk-table__cell app-pre-line">{m.attendees.to_string()}</td>
                        <td class="nhsuk-table__cell app-pre-line">{m.decided.to_string()}</td>
                        <td class="nhsuk-table__cell">{m.next_review.map(long_date).unwrap_or_else(|| "Not set".into())}</td>
                        <td class="nhsuk-table__cell">
                            <A href=review_meeting_path(&m.id) attr:aria-label=format!("Change the review meeting of {held}")>"Change"</A>
                        </td>
                    </tr>
                }
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}

#[component]
fn MeetingNotFound() -> impl IntoView {
    view! {
        <h1>"Review meeting not found"</h1>
        <p>"This review meeting is not in your workbook. It may have been deleted."</p>
        <p><A href="/support-agreement">"Go to your support agreements"</A></p>
    }
}

/// Changing or deleting one review meeting.
#[component]
pub fn EditReviewMeeting() -> impl IntoView {
    let store = use_store();
    let saver = use_saver();
    let navigate = use_navigate();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let meeting = store.select(move |w| {
        w.review_meeting(&id.get())
            .map(|(_, r)| ReviewMeetingDraft::of(r))
    });
    let guard = StaleGuard::new(meeting.into(), ReviewMeetingDraft::shown);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form = MeetingForm::new(guard.opened().unwrap_or_default());
    let (back, title, held) = store.workbook.with_untracked(|w| {
        w.review_meeting(&id.get_untracked())
            .map(|(a, r)| {
                (
                    format!("{}/reviews", agreement_path(&a.id)),
                    a.title(),
                    long_date(r.held_on),
                )
            })
            .unwrap_or_default()
    });
    let save = {
        let back = back.clone();
        let navigate = navigate.clone();
        Callback::new(move |()| {
            let draft = form.draft();
            if guard.may_save(&draft)
                && saver.submit(Change::update(&id.get_untracked(), draft), errors)
            {
                navigate(&back, Default::default());
            }
        })
    };
    let delete = {
        let back = back.clone();
        Callback::new(move |()| {
            if saver.act(Change::delete(
                RecordKind::ReviewMeeting,
                &id.get_untracked(),
            )) {
                navigate(&back, Default::default());
            }
        })
    };
    view! {
        <Title text="Change a review meeting" />
        <Show when=move || guard.was_found() fallback=MeetingNotFound>
            <span class="nhsuk-caption-l">{title.clone()}</span>
            <h1>"Change a review meeting"</h1>
            <StaleNotice guard what="review meeting" save fill=Callback::new(move |d| form.fill(d)) />
            <ErrorSummary errors=errors.into() />
            <form novalidate on:submit=move |ev| { ev.prevent_default(); save.run(()); }>
                <MeetingFields form errors=errors.into() />
                <button type="submit" class="nhsuk-button">"Save changes"</button>
            </form>
            <p><A href=back.clone()>"Cancel"</A></p>
            <h2>"Delete this review meeting"</h2>
            <p>"You can undo it straight after."</p>
            <DeleteButton what=format!("the review meeting of {held}") on_confirm=delete />
        </Show>
    }
}
