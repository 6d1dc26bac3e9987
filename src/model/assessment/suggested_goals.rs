//! A goal suggested for each statement, offered when a weak or flagged
//! statement becomes a development-plan goal. The user edits it before the
//! goal is added, so it is only a starting point.
//!
//! Each is the statement's own wording (`framework.rs`, which cites the
//! article it comes from) turned into something to achieve: a goal starts
//! with what the user will do, where the statement says what a ready
//! partnership already does.

/// The suggested goal for a statement, or `None` for an id the framework
/// does not have.
pub fn suggested_goal(statement_id: &str) -> Option<&'static str> {
    SUGGESTED_GOALS
        .iter()
        .find(|(id, _)| *id == statement_id)
        .map(|(_, goal)| *goal)
}

/// (statement id, suggested goal), in framework order.
const SUGGESTED_GOALS: &[(&str, &str)] = &[
    ("power-1", "Make sure our clinicians' views visibly change commissioning decisions"),
    ("power-2", "Build a partnership of equals between clinicians and managers"),
    ("power-3", "Get good business cases approved and weak ones turned down, whoever brings them"),
    ("power-4", "Help our clinicians lead commissioning and see the difference they make"),
    ("power-5", "Have clinicians agree each care pathway we commission before it is adopted"),
    ("aims-1", "Align our commissioning aims, with clinicians and managers understanding each other's ambitions"),
    ("aims-2", "Agree collective, consistent priorities that primary care owns"),
    ("aims-3", "Lead change on a big-ticket programme, not only small projects of personal interest"),
    ("aims-4", "Agree clear objectives, an end goal and a strategy for each piece of work"),
    ("aims-5", "Act for patients across the whole area, not for our own practices or as providers"),
    ("leadership-1", "Build our clinical leaders' skills to commission services"),
    ("leadership-2", "Win the trust of the people who hand our clinical leaders power and influence"),
    ("leadership-3", "Get better at helping people change how they work"),
    ("leadership-4", "Bring expert clinical knowledge to service redesign"),
    ("leadership-5", "Audit, monitor and keep improving services, and help educate and train colleagues"),
    ("leadership-6", "Develop future clinical leaders, not only today's"),
    ("support-1", "Get the health needs assessment data we need"),
    ("support-2", "Secure indicative budgets for the services we commission"),
    ("support-3", "Receive activity data, with analysis, in time to act on it"),
    ("support-4", "Secure project management support to carry our work through"),
    ("support-5", "Agree in writing the support the commissioning organisation gives us, as its customer"),
    ("support-6", "Agree that we can get support elsewhere if agreed support does not come"),
    ("resources-1", "Secure protected, funded time away from the day job for our clinicians to commission"),
    ("resources-2", "Get our clinicians places on a good clinical leadership programme"),
    ("resources-3", "Put real incentives in place for clinicians to take on more responsibility for commissioning"),
    ("resources-4", "Hold real budgets, not only notional ones, so we can move money between services"),
    ("resources-5", "Agree in advance how much of any savings we make we will keep"),
    ("trust-1", "Build respect between clinicians and managers for each other's abilities"),
    ("trust-2", "Work with our managers as co-leaders in commissioning"),
    ("trust-3", "Break down tribal boundaries between professions, between clinicians and managers, and between the organisation and practices"),
    ("trust-4", "Make our partnership visible and part of the organisation's values and culture"),
    ("trust-5", "Work as team players and take on each other's suggestions"),
    ("structures-1", "Set up a joint executive committee of clinical and managerial leaders to set strategy and consider every business case for investment"),
    ("structures-2", "Deliver our priorities through programme boards, with clinicians leading some of the programmes"),
    ("structures-3", "Pair a clinical commissioner with a lead commissioner for each clinical area"),
    ("structures-4", "Recruit clinical commissioners through a formal process against the competencies the role needs"),
    ("structures-5", "Stop bureaucracy and management hierarchy holding up our decisions"),
    ("delivery-1", "Manage demand for the services we commission effectively"),
    ("delivery-2", "Find out how referral rates vary between practices and reduce the variation we cannot explain"),
    ("delivery-3", "Challenge our peers about unexplained variation, and make and stand by hard decisions"),
    ("delivery-4", "Agree a robust way of assessing our financial performance"),
    ("delivery-5", "Measure the health outcomes of the services we commission"),
    ("delivery-6", "Measure patients' experience of the services we commission"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::framework;

    #[test]
    fn every_statement_has_a_goal_worded_as_a_goal_and_no_other_id_has_one() {
        for (_, statement) in framework::all_statements() {
            let goal = suggested_goal(statement.id)
                .unwrap_or_else(|| panic!("{} has no suggested goal", statement.id));
            assert!(!goal.starts_with("Improve:"), "{goal}");
            assert!(
                !goal.ends_with('.'),
                "a goal is a title, not a sentence: {goal}"
            );
            assert_ne!(goal, statement.text.trim_end_matches('.'));
            assert!(
                goal.split_whitespace()
                    .next()
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)),
                "{goal}"
            );
        }
        assert_eq!(SUGGESTED_GOALS.len(), framework::statement_count());
        assert_eq!(suggested_goal("no-such"), None);
    }
}
