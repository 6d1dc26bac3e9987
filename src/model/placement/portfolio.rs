//! An entry (or the whole placement) as text to paste into the RCGP
//! e-portfolio's learning log, so a trainee does not type it twice. The
//! layout follows the headings a learning log entry asks for: a title, the
//! date, what happened, the reflection on it, and the capabilities it
//! evidences (RCGP, "Learning log", rcgp.org.uk/mrcgp-exams/wpba/learning-log:
//! entries reflect on what happened and are linked to capabilities). The
//! capabilities named are the Medical Leadership Competency Framework's, as
//! the log records them; the trainee links them to the RCGP's own in the
//! portfolio.

use chrono::NaiveDate;

use super::activity::{format_duration, ActivityEntry};
use super::placements::Placement;
use crate::model::capabilities;
use crate::model::common::dates::long_date;

/// Where the layout's headings come from.
pub const PORTFOLIO_SOURCE: &str =
    "the RCGP learning log (rcgp.org.uk/mrcgp-exams/wpba/learning-log)";

/// The longest a title made from what was done may be, in characters.
const TITLE_WORDS_MAX: usize = 60;

/// Text as typed, with its line breaks kept; each line trimmed.
fn lines(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// The first words of `text`, cut at a word and marked "…" when cut.
fn first_words(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() <= TITLE_WORDS_MAX {
        return line.to_string();
    }
    let mut out = String::new();
    for word in line.split_whitespace() {
        if out.chars().count() + 1 + word.chars().count() > TITLE_WORDS_MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    format!("{}…", out.trim_end_matches([',', ';', ':', '.']))
}

/// One heading and what goes under it, left out when there is nothing.
fn section(out: &mut Vec<String>, heading: &str, body: String) {
    if !body.trim().is_empty() {
        out.push(format!("{heading}\n{body}"));
    }
}

/// Labelled lines ("Keep doing: …"), leaving out the empty ones.
fn labelled(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(label, text)| format!("{label}: {}", lines(text)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn capability_names(ids: impl IntoIterator<Item = String>) -> String {
    ids.into_iter()
        .filter_map(|id| capabilities::label(&id))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One log entry under the learning log's headings. `project` is the title
/// of its project, if it has one.
pub fn entry_text(e: &ActivityEntry, project: Option<&str>) -> String {
    let mut out = Vec::new();
    let about = project
        .map(str::to_string)
        .unwrap_or_else(|| first_words(&e.what_done));
    out.push(format!("Title\n{}: {about}", e.activity_type.label()));
    out.push(format!("Date\n{}", long_date(e.date)));
    let mut happened = vec![lines(&e.what_done)];
    let details = labelled(&[
        ("My role", &e.role),
        ("Working with others", &e.with_others),
        ("Project", project.unwrap_or_default()),
        ("Time spent", &format_duration(e.minutes)),
        (
            "How effective it was",
            e.effectiveness.map(|x| x.label()).unwrap_or_default(),
        ),
    ]);
    happened.push(details);
    section(&mut out, "What happened", happened.join("\n"));
    section(
        &mut out,
        "Reflection",
        labelled(&[
            ("What I will keep doing", &e.keep),
            ("What I will do better", &e.improve),
            ("What I will stop doing", &e.stop),
            ("What I learnt about myself", &e.learnt_about_self),
        ]),
    );
    section(
        &mut out,
        "Capabilities",
        capability_names(e.capabilities.iter().cloned()),
    );
    out.join("\n\n")
}

/// The end-of-placement summary under the same headings: the placement and
/// its projects as what happened, the chosen reflections, and every
/// capability the log evidences with how many entries do.
pub fn summary_text(p: &Placement, today: NaiveDate) -> String {
    let mut out = Vec::new();
    out.push(format!(
        "Title\nCommissioning placement at {}",
        p.organisation
    ));
    let dates = match (p.start, p.last_day()) {
        (Some(s), Some(e)) => format!("{} to {}", long_date(s), long_date(e)),
        _ => long_date(today),
    };
    out.push(format!("Date\n{dates}"));
    let dashboard = p.dashboard(today);
    let mut happened = vec![labelled(&[
        ("Trainee", &p.trainee),
        ("Lead commissioner or supervisor", &p.supervisor),
        ("Clinical area", &p.clinical_area),
        ("Learning objectives", &p.objectives),
        (
            "Time logged",
            &format!(
                "{} in {} {}",
                format_duration(dashboard.minutes_total.min(u32::MAX as u64) as u32),
                dashboard.entries,
                if dashboard.entries == 1 {
                    "entry"
                } else {
                    "entries"
                }
            ),
        ),
    ])];
    for project in &p.projects {
        let done = project
            .milestones
            .iter()
            .filter(|m| m.done_on.is_some())
            .count();
        happened.push(format!(
            "Project: {} ({}; {done} of {} milestones done)",
            project.title,
            project.status.label().to_lowercase(),
            project.milestones.len()
        ));
        if !project.outcome.trim().is_empty() {
            happened.push(format!("Outcome: {}", lines(&project.outcome)));
        }
    }
    section(&mut out, "What happened", happened.join("\n"));
    let reflections: Vec<String> = p
        .selected_reflections()
        .map(|e| {
            let said = labelled(&[
                ("What I will keep doing", &e.keep),
                ("What I will do better", &e.improve),
                ("What I will stop doing", &e.stop),
                ("What I learnt about myself", &e.learnt_about_self),
            ]);
            let heading = format!("{}, {}", long_date(e.date), e.activity_type.label());
            if said.is_empty() {
                format!("{heading}: {}", first_words(&e.what_done))
            } else {
                format!("{heading}:\n{said}")
            }
        })
        .collect();
    section(&mut out, "Reflection", reflections.join("\n\n"));
    section(
        &mut out,
        "Capabilities",
        dashboard
            .evidenced
            .iter()
            .filter_map(|(id, n)| {
                capabilities::label(id).map(|name| {
                    format!("{name}: {n} {}", if *n == 1 { "entry" } else { "entries" })
                })
            })
            .collect::<Vec<_>>()
            .join("\n"),
    );
    out.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::common::saved_dates::Moment;
    use crate::model::placement::{
        ActivityDraft, ActivityType, Effectiveness, PlacementDraft, ProjectDraft,
    };
    use chrono::Utc;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    fn entry(draft: ActivityDraft) -> ActivityEntry {
        draft
            .validate("e".into(), today(), Moment(Utc::now()), |_| true)
            .unwrap()
    }

    #[test]
    fn an_entry_is_laid_out_under_the_learning_logs_headings() {
        let e = entry(ActivityDraft {
            date: "2026-12-01".into(),
            time_spent: "1:30".into(),
            activity_type: Some(ActivityType::Workshop),
            role: "Presenting".into(),
            what_done: "Ran the workshop with the GPs\n  then wrote up the actions ".into(),
            effectiveness: Some(Effectiveness::Very),
            keep: "Sending the papers early".into(),
            learnt_about_self: "I can hold a room\nof consultants".into(),
            capabilities: vec!["others-teams".into()],
            ..Default::default()
        });
        assert_eq!(
            entry_text(&e, Some("Redesign the TB pathway")),
            "Title\nWorkshop: Redesign the TB pathway\n\n\
             Date\n1 December 2026\n\n\
             What happened\nRan the workshop with the GPs\nthen wrote up the actions\n\
             My role: Presenting\nProject: Redesign the TB pathway\n\
             Time spent: 1 hour 30 minutes\nHow effective it was: Very effective\n\n\
             Reflection\nWhat I will keep doing: Sending the papers early\n\
             What I learnt about myself: I can hold a room\nof consultants\n\n\
             Capabilities\nWorking within teams (Working with others)"
        );
    }

    #[test]
    fn an_entry_with_no_project_or_reflection_is_titled_by_its_first_words() {
        let e = entry(ActivityDraft {
            date: "2026-11-30".into(),
            time_spent: "45m".into(),
            activity_type: Some(ActivityType::Meeting),
            what_done: "Met the lead commissioner and the respiratory consultants to agree the scope of the audit".into(),
            ..Default::default()
        });
        let text = entry_text(&e, None);
        assert!(text.starts_with(
            "Title\nMeeting: Met the lead commissioner and the respiratory consultants to…\n\nDate\n30 November 2026\n\n"
        ), "{text}");
        assert!(!text.contains("Reflection"), "no empty headings");
        assert!(!text.contains("Capabilities"));
    }

    #[test]
    fn the_summary_gives_the_placement_its_projects_reflections_and_capabilities() {
        let now = Moment(Utc::now());
        let mut p = PlacementDraft {
            trainee: "Dr Zoë Adams".into(),
            organisation: "NHS Eastern and Coastal Kent".into(),
            supervisor: "Amanda".into(),
            start: "2026-09-01".into(),
            ..Default::default()
        }
        .validate()
        .unwrap()
        .into_placement("pl".into(), now);
        let mut project = ProjectDraft {
            title: "TB pathway".into(),
            outcome: "Agreed by the board".into(),
            ..Default::default()
        }
        .validate("pr".into(), now)
        .unwrap();
        project.id = "pr".into();
        p.projects.push(project);
        p.entries.push(entry(ActivityDraft {
            date: "2026-11-02".into(),
            time_spent: "2h".into(),
            activity_type: Some(ActivityType::BusinessCase),
            what_done: "Drafted the business case".into(),
            improve: "Ask finance sooner".into(),
            capabilities: vec!["managing-resources".into()],
            in_summary: true,
            ..Default::default()
        }));
        let text = summary_text(&p, today());
        for part in [
            "Title\nCommissioning placement at NHS Eastern and Coastal Kent\n\n",
            "Date\n1 September 2026 to 31 December 2026\n\n",
            "What happened\nTrainee: Dr Zoë Adams\nLead commissioner or supervisor: Amanda\n",
            "Time logged: 2 hours in 1 entry\n",
            "Project: TB pathway (not started; 0 of 0 milestones done)\nOutcome: Agreed by the board\n\n",
            "Reflection\n2 November 2026, Business case:\nWhat I will do better: Ask finance sooner\n\n",
            "Capabilities\nManaging resources (Managing services): 1 entry",
        ] {
            assert!(text.contains(part), "{part:?} in\n{text}");
        }
    }
}
