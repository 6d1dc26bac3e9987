//! Where a group stands in a round: per statement and per area, how the
//! members' levels spread, whether they agree, how clinicians and managers
//! compare, which areas matter most to them, and how a later round differs.
//! Never a member's own answers: only what the group's answers add up to.

use std::collections::HashMap;

use crate::model::assessment::framework::{self, Domain, Statement};
use crate::model::assessment::Role;
use crate::model::group::rounds::{GroupMember, GroupRound};
use crate::model::group::stats::{Agreement, Spread, Tally};

/// The group's answers to one statement.
#[derive(Clone, Debug, PartialEq)]
pub struct StatementSummary {
    pub statement: &'static Statement,
    pub domain: &'static Domain,
    pub all: Spread,
    pub clinicians: Spread,
    pub managers: Spread,
}

impl StatementSummary {
    pub fn agreement(&self) -> Agreement {
        self.all.agreement()
    }
}

/// The group's answers to every statement of one area, and how important
/// the members rate the area (1 to 3).
#[derive(Clone, Debug, PartialEq)]
pub struct AreaSummary {
    pub domain: &'static Domain,
    pub all: Spread,
    pub clinicians: Spread,
    pub managers: Spread,
    /// The members' importance ratings: how many chose 1, 2 and 3.
    pub importance_counts: [usize; 3],
    pub importance_median: Option<f64>,
}

/// A round added up.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundSummary {
    pub members: usize,
    pub clinicians: usize,
    pub managers: usize,
    pub statements: Vec<StatementSummary>,
    pub areas: Vec<AreaSummary>,
}

fn with_role(members: &[GroupMember], role: Role) -> impl Iterator<Item = &GroupMember> {
    members.iter().filter(move |m| m.role == role)
}

/// One statement's answers tallied: everyone's, clinicians' and managers'.
#[derive(Clone, Copy, Default)]
struct RoleTallies {
    all: Tally,
    clinicians: Tally,
    managers: Tally,
}

impl RoleTallies {
    fn plus(self, other: &RoleTallies) -> RoleTallies {
        RoleTallies {
            all: self.all.plus(&other.all),
            clinicians: self.clinicians.plus(&other.clinicians),
            managers: self.managers.plus(&other.managers),
        }
    }
}

impl RoundSummary {
    pub fn of(round: &GroupRound) -> RoundSummary {
        let members = &round.members;
        // One pass over each member's answers, each counted once under its
        // statement (by its place in the framework): a round of 2,000
        // members is added up in one go when their files are loaded.
        let place: HashMap<&str, usize> = framework::all_statements()
            .enumerate()
            .map(|(i, (_, statement))| (statement.id, i))
            .collect();
        let mut tallies = vec![RoleTallies::default(); place.len()];
        for member in members {
            for (statement_id, rating) in &member.ratings {
                let Some(&i) = place.get(statement_id.as_str()) else {
                    continue;
                };
                let answer = rating.level();
                let tally = &mut tallies[i];
                tally.all.add(answer);
                match member.role {
                    Role::Clinician => tally.clinicians.add(answer),
                    Role::Manager => tally.managers.add(answer),
                    Role::Other => {}
                }
            }
        }
        let statements = framework::all_statements()
            .zip(&tallies)
            .map(|((domain, statement), tally)| StatementSummary {
                statement,
                domain,
                all: tally.all.spread(),
                clinicians: tally.clinicians.spread(),
                managers: tally.managers.spread(),
            })
            .collect();
        let mut first = 0;
        let areas = framework::DOMAINS
            .iter()
            .map(|domain| {
                let mine = &tallies[first..first + domain.statements.len()];
                first += domain.statements.len();
                let area = mine
                    .iter()
                    .fold(RoleTallies::default(), |sum, tally| sum.plus(tally));
                let mut importance_counts = [0; 3];
                let mut importance: Vec<u8> = members
                    .iter()
                    .filter_map(|m| m.importance.get(domain.id).copied())
                    .filter(|v| (1..=3).contains(v))
                    .collect();
                importance.sort_unstable();
                for v in &importance {
                    importance_counts[*v as usize - 1] += 1;
                }
                AreaSummary {
                    domain,
                    all: area.all.spread(),
                    clinicians: area.clinicians.spread(),
                    managers: area.managers.spread(),
                    importance_counts,
                    importance_median: crate::model::group::stats::median(&importance),
                }
            })
            .collect();
        RoundSummary {
            members: members.len(),
            clinicians: with_role(members, Role::Clinician).count(),
            managers: with_role(members, Role::Manager).count(),
            statements,
            areas,
        }
    }

    /// The areas the group rates most important, most important first: by
    /// median importance, then by how many chose "very important"; areas no
    /// one rated are left out.
    pub fn most_important(&self) -> Vec<&AreaSummary> {
        let mut rated: Vec<&AreaSummary> = self
            .areas
            .iter()
            .filter(|a| a.importance_median.is_some())
            .collect();
        rated.sort_by(|a, b| {
            b.importance_median
                .partial_cmp(&a.importance_median)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.importance_counts[2].cmp(&a.importance_counts[2]))
        });
        rated
    }

    /// The statements members disagree on most, most first: the widest
    /// interquartile range, then the most members outside the band; only
    /// statements at least `MIN_FOR_AGREEMENT` members chose a level for.
    pub fn most_disagreed(&self, how_many: usize) -> Vec<&StatementSummary> {
        let mut rated: Vec<&StatementSummary> = self
            .statements
            .iter()
            .filter(|s| s.agreement() != Agreement::TooFew)
            .collect();
        rated.sort_by(|a, b| {
            let key = |s: &StatementSummary| {
                (
                    s.all.interquartile_range().unwrap_or(0.0),
                    s.all.outside_band() as f64 / s.all.answered() as f64,
                )
            };
            key(b)
                .partial_cmp(&key(a))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        rated.truncate(how_many);
        rated
    }
}

/// How a later round differs from an earlier one for one statement or area:
/// the change in the group's median level.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub id: &'static str,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl Change {
    /// Later minus earlier, when both rounds have a median.
    pub fn difference(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

/// Per area, then per statement, how the `later` round's medians differ from
/// the `earlier` round's.
pub fn compare(earlier: &RoundSummary, later: &RoundSummary) -> (Vec<Change>, Vec<Change>) {
    fn changes<T>(
        earlier: &[T],
        later: &[T],
        id: fn(&T) -> &'static str,
        spread: fn(&T) -> &Spread,
    ) -> Vec<Change> {
        earlier
            .iter()
            .zip(later)
            .map(|(e, l)| Change {
                id: id(e),
                before: spread(e).median,
                after: spread(l).median,
            })
            .collect()
    }
    (
        changes(&earlier.areas, &later.areas, |a| a.domain.id, |a| &a.all),
        changes(
            &earlier.statements,
            &later.statements,
            |s| s.statement.id,
            |s| &s.all,
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::Rating;
    use crate::model::common::saved_dates::{Day, Moment};
    use crate::model::group::rounds::RoundDraft;
    use chrono::{NaiveDate, TimeZone, Utc};
    use std::collections::BTreeMap;

    fn now() -> Moment {
        Moment(Utc.with_ymd_and_hms(2027, 3, 1, 9, 0, 0).unwrap())
    }

    fn member(
        n: usize,
        role: Role,
        levels: &[(&str, Option<u8>)],
        power: Option<u8>,
    ) -> GroupMember {
        GroupMember {
            id: format!("m{n}"),
            label: format!("Member {n}").into(),
            role,
            source_id: format!("a{n}"),
            source_changed_at: now(),
            assessed_on: Day(NaiveDate::from_ymd_opt(2027, 2, 1).unwrap()),
            ratings: levels
                .iter()
                .map(|(s, l)| {
                    let rating = l.map_or(Rating::NotApplicable, Rating::Level);
                    (s.to_string(), rating)
                })
                .collect(),
            importance: power
                .map(|v| BTreeMap::from([("power".to_string(), v)]))
                .unwrap_or_default(),
            created_at: now(),
            updated_at: now(),
        }
    }

    fn round(members: Vec<GroupMember>) -> GroupRound {
        let mut r = RoundDraft {
            name: "Spring".into(),
            held_on: "2027-03-10".into(),
            keep_names: false,
        }
        .validate("r1".into(), now())
        .unwrap();
        r.members = members;
        r
    }

    fn statement<'a>(s: &'a RoundSummary, id: &str) -> &'a StatementSummary {
        s.statements.iter().find(|x| x.statement.id == id).unwrap()
    }

    /// Five members: power-1 levels 0 1 3 3 4 and one "don't know";
    /// clinicians 0 3 4 (median 3), managers 1 3 (median 2).
    #[test]
    fn a_round_adds_up_per_statement_with_roles_apart() {
        let r = round(vec![
            member(
                1,
                Role::Clinician,
                &[("power-1", Some(0)), ("power-2", Some(2))],
                Some(3),
            ),
            member(2, Role::Manager, &[("power-1", Some(1))], Some(2)),
            member(3, Role::Clinician, &[("power-1", Some(3))], Some(3)),
            member(4, Role::Manager, &[("power-1", Some(3))], None),
            member(5, Role::Clinician, &[("power-1", Some(4))], Some(1)),
            member(6, Role::Other, &[("power-1", None)], None),
        ]);
        let s = RoundSummary::of(&r);
        assert_eq!((s.members, s.clinicians, s.managers), (6, 3, 2));
        let p1 = statement(&s, "power-1");
        assert_eq!(p1.all.counts, [1, 1, 0, 2, 1]);
        assert_eq!(p1.all.not_applicable, 1);
        assert_eq!(p1.all.median, Some(3.0));
        assert_eq!(p1.all.quartiles, Some((0.5, 3.5)));
        assert_eq!(p1.clinicians.median, Some(3.0));
        assert_eq!(p1.managers.median, Some(2.0));
        // Band 2..=4: levels 0 and 1 are outside, two of the five who chose
        // a level, which is at least a third: split.
        assert_eq!(p1.all.outside_band(), 2);
        assert_eq!(p1.agreement(), Agreement::Split);
        // The area counts every answer in it: power-1's five and power-2's one.
        let power = s.areas.iter().find(|a| a.domain.id == "power").unwrap();
        assert_eq!(power.all.answered(), 6);
        assert_eq!(power.all.counts, [1, 1, 1, 2, 1]);
        assert_eq!(power.importance_counts, [1, 1, 2]);
        assert_eq!(power.importance_median, Some(2.5));
        assert_eq!(s.most_important()[0].domain.id, "power");
        assert_eq!(s.most_disagreed(3)[0].statement.id, "power-1");
        // Areas no one rated for importance are not "most important".
        assert_eq!(s.most_important().len(), 1);
    }

    #[test]
    fn a_later_round_is_compared_by_median_per_area_and_statement() {
        let earlier = RoundSummary::of(&round(vec![
            member(1, Role::Clinician, &[("power-1", Some(1))], None),
            member(2, Role::Manager, &[("power-1", Some(2))], None),
        ]));
        let later = RoundSummary::of(&round(vec![
            member(1, Role::Clinician, &[("power-1", Some(3))], None),
            member(2, Role::Manager, &[("power-1", Some(4))], None),
        ]));
        let (areas, statements) = compare(&earlier, &later);
        let p1 = statements.iter().find(|c| c.id == "power-1").unwrap();
        assert_eq!(
            (p1.before, p1.after, p1.difference()),
            (Some(1.5), Some(3.5), Some(2.0))
        );
        let power = areas.iter().find(|c| c.id == "power").unwrap();
        assert_eq!(power.difference(), Some(2.0));
        let unanswered = statements.iter().find(|c| c.id == "power-2").unwrap();
        assert_eq!(unanswered.difference(), None);
    }
}
