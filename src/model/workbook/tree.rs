//! The saved document's shape, declared once: the `Workbook`, and every kind
//! of record in it with what it sits under, the list it is kept in, its
//! order, how it is named to the user and the form draft that makes and
//! changes it (`record_kinds!` at the foot of this file).
//!
//! Everything that works on records of any kind reads this declaration:
//! finding, taking out and putting back a record by kind and id (`places`),
//! adding and changing one from its draft and deleting one (the dispatcher,
//! `apply`), undo (`undo`), merging and its conflicts (`merge`,
//! `ops::conflicts`), the walk of every record (`records`: import checks,
//! the backup reminder) and the refusals' words (`refusals`). The JSON
//! Schemas are derived from the structs themselves.
//!
//! Adding a kind of record: its struct and draft in its area (`model::plan`,
//! `model::placement`…), a field for its list in the struct it sits under,
//! one entry at the end of the table below, and `Drafted` for its draft in
//! the area's operations (`ops/`). Nothing else names kinds one by one.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::agreement::{
    AgreementBook, AgreementVersion, Commitment, CommitmentDraft, Delivery, DeliveryDraft,
    ReviewMeeting, ReviewMeetingDraft, SupportAgreement, SupportAgreementDraft, VersionDraft,
};
use crate::model::assessment::{Assessment, AssessmentDraft};
use crate::model::business_case::{
    BusinessCase, BusinessCaseDraft, CaseBook, CaseMilestone, CaseMilestoneDraft, CaseOption,
    CaseOptionDraft, CaseRisk, CaseRiskDraft,
};
use crate::model::common::dates::long_date;
use crate::model::common::saved_dates::Moment;
use crate::model::common::stale::Shown;
use crate::model::group::{
    AgreementDraft, AreaAgreement, GroupBook, GroupMember, GroupRound, RoundDraft,
};
use crate::model::placement::{
    ActivityDraft, ActivityEntry, Milestone, MilestoneDraft, Placement, PlacementBook,
    PlacementDraft, Project, ProjectDraft,
};
use crate::model::plan::{
    Action, ActionDraft, EvidenceDraft, EvidenceEntry, Goal, GoalDraft, Plan, PlanBook, PlanDraft,
    Review, ReviewDraft, SelfRating, SelfRatingDraft,
};
use crate::model::workbook::deferred::{sections_left_out, Deferred};
use crate::model::workbook::outcome::{Refusal, Stamp};

/// Names a whole-workbook document: the local-storage copy and backup files.
pub const FORMAT_NAME: &str = "commissioning-workbook";

/// The version of the saved workbook's shape. Raise it, add a step to
/// `backup::migrate` and a fixture under `tests/fixtures/` whenever a change
/// would stop older documents loading.
///
/// History: 1 (first release); 2 (random ids, `created_at`/`updated_at` on
/// every record, tombstones of deleted records, a save revision); 3 (several
/// development plans, with actions, evidence and reviews under them); 4 (the
/// placement log: projects, milestones and activity entries under placements);
/// 5 (the group view's rounds, in the section `group`: a version 4 app would
/// drop them unread, so it must refuse the document instead); 6 (support
/// agreements, in the section `support_agreements`, for the same reason); 7
/// (business cases, in the section `business_cases`, for the same reason).
pub const SCHEMA_VERSION: u32 = 7;

/// Days unbacked-up changes may wait before a reminder, unless the user
/// chooses otherwise.
pub const DEFAULT_REMINDER_DAYS: u32 = 14;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Workbook {
    pub format: String,
    pub schema_version: u32,
    pub created_at: Moment,
    pub updated_at: Moment,
    /// Raised by one each time the document is saved, so a tab can tell that
    /// another tab has saved since it last read, and never overwrite that.
    #[serde(default)]
    pub revision: u64,
    /// The user's own self-assessments, oldest first.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// Assessments imported from a partner's export, kept apart from the user's own.
    #[serde(default)]
    pub partner_assessments: Vec<Assessment>,
    /// Leadership development plans, oldest first: read when a page that
    /// shows plans or goals opens (`deferred`); saved as a list, as ever.
    #[serde(default, skip_serializing_if = "plans_left_out")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Plan>"))]
    pub plans: Deferred<PlanBook>,
    /// The placement log: read when a placement page opens (`deferred`);
    /// saved as a list, as ever.
    #[serde(default, skip_serializing_if = "placements_left_out")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<Placement>"))]
    pub placements: Deferred<PlacementBook>,
    /// The group view's rounds: read when a group page opens (`deferred`).
    #[serde(default, skip_serializing_if = "no_group_rounds")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "GroupBook"))]
    pub group: Deferred<GroupBook>,
    /// Support agreements with a commissioning organisation: read when an
    /// agreement page opens (`deferred`).
    #[serde(default, skip_serializing_if = "no_support_agreements")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "AgreementBook"))]
    pub support_agreements: Deferred<AgreementBook>,
    /// Business cases with their options and figures: read when a business
    /// case page opens (`deferred`).
    #[serde(default, skip_serializing_if = "no_business_cases")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "CaseBook"))]
    pub business_cases: Deferred<CaseBook>,
    /// Records the user deleted: what was deleted and when, so that merging
    /// two copies can tell a deletion from a record the other copy never had.
    #[serde(default)]
    pub deleted: Vec<Tombstone>,
    /// Versions of records that lost to a newer version when a backup was
    /// merged in (see `merge`), kept for the user to look at and resolve.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// When a backup of this workbook was last downloaded (`backup_reminder`).
    #[serde(default)]
    pub last_backup_at: Option<Moment>,
    /// Remind the user to download a backup once changes not in one are
    /// this many days old; 0 never.
    #[serde(default = "default_reminder_days")]
    pub backup_reminder_days: u32,
}

impl Workbook {
    /// Keeps the text the workbook was read from for its sections
    /// (`deferred`), which are read from it when a page first asks. Every
    /// reader of a whole workbook calls it (`files::backup`); text is kept
    /// only for a section the document has.
    pub fn keep_sections_of(&mut self, document: &str) {
        if self.plans.waits_for_text()
            || self.placements.waits_for_text()
            || self.group.waits_for_text()
            || self.support_agreements.waits_for_text()
            || self.business_cases.waits_for_text()
        {
            let document: std::sync::Arc<str> = std::sync::Arc::from(document);
            self.plans.attach(&document);
            self.placements.attach(&document);
            self.group.attach(&document);
            self.support_agreements.attach(&document);
            self.business_cases.attach(&document);
        }
    }
}

// Each section is left out of the workbook's text where local storage
// keeps it under its own key (`deferred::with_sections_left_out`).

fn plans_left_out(_: &Deferred<PlanBook>) -> bool {
    sections_left_out()
}

fn placements_left_out(_: &Deferred<PlacementBook>) -> bool {
    sections_left_out()
}

fn no_support_agreements(section: &Deferred<AgreementBook>) -> bool {
    sections_left_out() || section.is_empty_by(|s| s.agreements.is_empty())
}

fn no_business_cases(section: &Deferred<CaseBook>) -> bool {
    sections_left_out() || section.is_empty_by(|s| s.cases.is_empty())
}

fn no_group_rounds(group: &Deferred<GroupBook>) -> bool {
    sections_left_out() || group.is_empty_by(|g| g.rounds.is_empty())
}

fn default_reminder_days() -> u32 {
    DEFAULT_REMINDER_DAYS
}

/// What is left of a deleted record.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Tombstone {
    pub id: String,
    pub kind: RecordKind,
    pub deleted_at: Moment,
}

/// A version of a record that lost in a merge, kept so the user can decide.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Conflict {
    pub id: String,
    /// The id of the record the two versions are of.
    pub record_id: String,
    pub kind: RecordKind,
    /// What the record is, in plain English: `the goal "Chair the board"`.
    pub description: String,
    /// The version in the workbook now, in short: the fields that differ and
    /// when it was last changed.
    pub kept: String,
    /// The other version, in the same words (or when it was deleted).
    pub other: String,
    /// The other version, to put back with `resolve_conflict_use_other`:
    /// the record without the records under it (those are merged one by
    /// one), or `null` when the other version is the record's deletion.
    pub other_record: Value,
    pub found_at: Moment,
    /// When the other version is the record's deletion: which side deleted
    /// it and when, and when the record kept was last changed, so the page
    /// can say so in the user's own time (`kept` and `other` say it in UTC).
    /// Absent in conflicts listed before it was kept.
    // Held as JSON and read with `Conflict::deletion` when shown: a struct of
    // its own here would put its reader in the first download, which reads
    // the workbook, for a page in Your data's part (the schema still
    // describes it exactly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<ConflictDeletion>")
    )]
    pub deletion: Option<Value>,
}

impl Conflict {
    /// The deletion the other version is, as the merge noted it (none for a
    /// conflict between two versions, or one listed before it was noted).
    pub fn deletion(&self) -> Option<ConflictDeletion> {
        serde_json::from_value(self.deletion.clone()?).ok()
    }
}

/// A conflict between a record kept and its deletion on the other side.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ConflictDeletion {
    /// True when the backup deleted the record; false when this workbook did
    /// (and the record came back from the backup).
    pub in_backup: bool,
    pub deleted_at: Moment,
    /// When the record kept was last changed (itself or anything under it),
    /// after the deletion.
    pub changed_at: Moment,
}

/// What every record has, whatever its kind: an id that is never reused and
/// the moments it was made and last changed (kept by one rule, in `apply`).
pub(crate) trait Record: Clone + PartialEq + Serialize + DeserializeOwned + 'static {
    fn id(&self) -> &str;
    fn created_at(&self) -> DateTime<Utc>;
    fn updated_at(&self) -> DateTime<Utc>;
    fn set_created_at(&mut self, at: DateTime<Utc>);
    fn set_updated_at(&mut self, at: DateTime<Utc>);
}

/// What records sit in: the workbook itself (`Top`) or a record of some kind.
pub(crate) trait Holder: 'static {
    /// The kind of the holding record; none for the workbook.
    const KIND: Option<RecordKind>;
    /// The struct that holds the lists.
    type Node: 'static;
    /// Every holder of this kind in the workbook.
    fn all(wb: &Workbook) -> Vec<&Self::Node>;
    fn all_mut(wb: &mut Workbook) -> Vec<&mut Self::Node>;
    /// Its id; none for the workbook.
    fn id_of(node: &Self::Node) -> Option<&str>;
}

/// The workbook, as what the top-level lists sit in.
pub(crate) struct Top;

impl Holder for Top {
    const KIND: Option<RecordKind> = None;
    type Node = Workbook;
    fn all(wb: &Workbook) -> Vec<&Workbook> {
        vec![wb]
    }
    fn all_mut(wb: &mut Workbook) -> Vec<&mut Workbook> {
        vec![wb]
    }
    fn id_of(_: &Workbook) -> Option<&str> {
        None
    }
}

/// A section of the workbook (`Deferred`) as what its records sit in.
/// Reading it is left to the first page that asks for one of its records;
/// a section that cannot be read holds nothing to find or change.
macro_rules! section_holder {
    ($(#[$doc:meta])* $holder:ident: $book:ident in $field:ident) => {
        $(#[$doc])*
        pub(crate) struct $holder;

        impl Holder for $holder {
            const KIND: Option<RecordKind> = None;
            type Node = $book;
            fn all(wb: &Workbook) -> Vec<&$book> {
                wb.$field.get().into_iter().collect()
            }
            fn all_mut(wb: &mut Workbook) -> Vec<&mut $book> {
                wb.$field.get_mut().into_iter().collect()
            }
            fn id_of(_: &$book) -> Option<&str> {
                None
            }
        }
    };
}

section_holder!(
    /// The development plans' section, as what the plans sit in.
    PlanSection: PlanBook in plans
);
section_holder!(
    /// The placement log's section, as what the placements sit in.
    PlacementSection: PlacementBook in placements
);
section_holder!(
    /// The group view's section, as what its rounds sit in.
    GroupSection: GroupBook in group
);
section_holder!(
    /// The support agreements' section, as what the agreements sit in.
    AgreementSection: AgreementBook in support_agreements
);
section_holder!(
    /// The business cases' section, as what the cases sit in.
    CaseSection: CaseBook in business_cases
);

/// One kind of record, as `record_kinds!` declares it.
pub(crate) trait Kind: 'static {
    const KIND: RecordKind;
    type Record: Record;
    /// What it sits under.
    type Up: Holder;
    /// Its list in the record (or workbook) it sits under.
    fn list(up: &Up<Self>) -> &Vec<Self::Record>;
    fn list_mut(up: &mut Up<Self>) -> &mut Vec<Self::Record>;
    /// Puts a list back in its order after a record is added or changed
    /// (dated records by date, equal dates in the order they were added).
    fn order(list: &mut [Self::Record]);
    /// What it is, in plain English: `the goal "Chair the board"`.
    fn describe(record: &Self::Record) -> String;
    fn wrap(record: Self::Record) -> AnyRecord;
    fn unwrap(record: &AnyRecord) -> Option<&Self::Record>;
    /// The draft of the form that changes it, made from the record, and its
    /// fields as that form shows them (labels and values in the user's
    /// words); none for a kind no form changes.
    fn form(record: &Self::Record, wb: &Workbook) -> Option<(RecordDraft, Vec<Shown>)>;
}

/// A table line's `form:`: the record's draft and its fields in words.
type FormOf<T> = fn(&T, &Workbook) -> (RecordDraft, Vec<Shown>);

/// A form's draft with its fields in words, as a `form:` gives them.
fn with_shown<D: Into<RecordDraft>>(
    draft: D,
    shown: impl Fn(&D) -> Vec<Shown>,
) -> (RecordDraft, Vec<Shown>) {
    let fields = shown(&draft);
    (draft.into(), fields)
}

/// Gives a `form:` closure its type, so its arguments' types are known.
fn form_of<T>(form: FormOf<T>) -> FormOf<T> {
    form
}

/// The record (or workbook) a record of kind `K` sits under.
pub(crate) type Up<K> = <<K as Kind>::Up as Holder>::Node;
/// The struct of a record of kind `K`.
pub(crate) type Rec<K> = <K as Kind>::Record;

/// A kind of record holds the kinds under it.
impl<K: Kind> Holder for K {
    const KIND: Option<RecordKind> = Some(K::KIND);
    type Node = K::Record;
    fn all(wb: &Workbook) -> Vec<&K::Record> {
        <K::Up as Holder>::all(wb)
            .into_iter()
            .flat_map(|up| K::list(up).iter())
            .collect()
    }
    fn all_mut(wb: &mut Workbook) -> Vec<&mut K::Record> {
        <K::Up as Holder>::all_mut(wb)
            .into_iter()
            .flat_map(|up| K::list_mut(up).iter_mut())
            .collect()
    }
    fn id_of(node: &K::Record) -> Option<&str> {
        Some(node.id())
    }
}

/// Work done for whichever kind a `RecordKind` names (`for_kind`): the
/// bridge from a kind known only when the program runs to its types.
pub(crate) trait ForKind {
    type Out;
    fn run<K: Kind>(&mut self) -> Self::Out;
}

/// A form's draft of a record of one kind: the record it makes, and the
/// record it makes of one already there. Both are checked against what the
/// record sits under (a goal's plan, an entry's placement); the area's own
/// rules decide. The dispatcher does the bookkeeping: ids, times, the
/// records under a changed record, the list's order.
pub(crate) trait Drafted {
    type Kind: Kind;
    /// The checks that need nothing but the draft, made before the record
    /// (or what it goes under) is looked for: a form shows its own errors
    /// first. Most kinds check everything in `make`.
    fn check(&self, _stamp: Stamp) -> Result<(), Refusal> {
        Ok(())
    }
    fn make(&self, id: &str, up: &Up<Self::Kind>, stamp: Stamp)
        -> Result<Rec<Self::Kind>, Refusal>;
    /// The record as the draft changes it; what the draft does not cover
    /// (whether an action is done, a goal's status) kept from `old`.
    fn change(
        &self,
        old: &Rec<Self::Kind>,
        up: &Up<Self::Kind>,
        stamp: Stamp,
    ) -> Result<Rec<Self::Kind>, Refusal>;
}

/// Work done with a draft of whichever kind (`RecordDraft::run`).
pub(crate) trait ForDraft {
    type Out;
    fn run<K: Kind, D: Drafted<Kind = K>>(&mut self, draft: &D) -> Self::Out;
}

/// Declares every kind of record; see the table below for what each line says.
macro_rules! record_kinds {
    ($(
        $kind:ident {
            record: $how:ident $ty:ident,
            under: $up:ident . $field:ident,
            id_prefix: $prefix:literal,
            nouns: [$noun:literal, $plural:literal],
            describe: $describe:expr,
            $( sorted_by: $key:expr, )?
            $( draft: $draft:ty, )?
            $( form: $form:expr, )?
        }
    )*) => {
        /// The kinds of record a workbook holds.
        #[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum RecordKind {
            $($kind,)*
        }

        impl RecordKind {
            /// Every kind, in the order declared.
            pub const ALL: &'static [RecordKind] = &[$(RecordKind::$kind,)*];

            /// The kind of record this kind sits under, if any.
            pub fn parent(self) -> Option<RecordKind> {
                match self {
                    $(RecordKind::$kind => <<kind::$kind as Kind>::Up as Holder>::KIND,)*
                }
            }

            /// The kind of record in the user's words: "goal", "piece of evidence".
            pub fn noun(self) -> &'static str {
                match self {
                    $(RecordKind::$kind => $noun,)*
                }
            }

            /// So many records of this kind, in the user's words: "1 goal",
            /// "2 pieces of evidence".
            pub fn count(self, n: usize) -> String {
                let noun = match self {
                    $(RecordKind::$kind => if n == 1 { $noun } else { $plural },)*
                };
                format!("{n} {noun}")
            }

            /// The first part of a new record's id (`goal-…`).
            pub fn id_prefix(self) -> &'static str {
                match self {
                    $(RecordKind::$kind => $prefix,)*
                }
            }
        }

        /// Runs `work` for the kind `kind` names.
        pub(crate) fn for_kind<F: ForKind>(kind: RecordKind, work: &mut F) -> F::Out {
            match kind {
                $(RecordKind::$kind => work.run::<kind::$kind>(),)*
            }
        }

        /// One type per kind of record, to name a kind where a type is needed.
        pub(crate) mod kind {
            $(pub(crate) struct $kind;)*
        }

        $(
            impl Kind for kind::$kind {
                const KIND: RecordKind = RecordKind::$kind;
                type Record = $ty;
                type Up = holder!($up);
                fn list(up: &Up<Self>) -> &Vec<$ty> {
                    &up.$field
                }
                fn list_mut(up: &mut Up<Self>) -> &mut Vec<$ty> {
                    &mut up.$field
                }
                #[allow(unused_variables)]
                fn order(list: &mut [$ty]) {
                    $(
                        let key: fn(&$ty) -> _ = $key;
                        list.sort_by_key(key);
                    )?
                }
                fn describe(record: &$ty) -> String {
                    let describe: fn(&$ty) -> String = $describe;
                    describe(record)
                }
                fn wrap(record: $ty) -> AnyRecord {
                    AnyRecord::$kind(record)
                }
                #[allow(unused_variables)]
                fn form(record: &$ty, wb: &Workbook) -> Option<(RecordDraft, Vec<Shown>)> {
                    let form: Option<FormOf<$ty>> = None $( .or(Some(form_of::<$ty>($form))) )?;
                    form.map(|form| form(record, wb))
                }
                #[allow(unreachable_patterns)]
                fn unwrap(record: &AnyRecord) -> Option<&$ty> {
                    match record {
                        AnyRecord::$kind(r) => Some(r),
                        _ => None,
                    }
                }
            }
            record_struct!($how $ty);
            $(
                impl From<$draft> for RecordDraft {
                    fn from(draft: $draft) -> Self {
                        RecordDraft::$kind(draft)
                    }
                }
            )?
        )*

        /// A record of any kind, as an undo keeps what a deletion took away.
        #[derive(Clone, Debug, PartialEq)]
        pub enum AnyRecord {
            $($kind($ty),)*
        }

        impl AnyRecord {
            pub fn kind(&self) -> RecordKind {
                match self {
                    $(AnyRecord::$kind(_) => RecordKind::$kind,)*
                }
            }
            pub fn id(&self) -> &str {
                match self {
                    $(AnyRecord::$kind(r) => &r.id,)*
                }
            }
            /// What it is, as the "Deleted … Undo" message says it.
            pub fn describe(&self) -> String {
                match self {
                    $(AnyRecord::$kind(r) => <kind::$kind as Kind>::describe(r),)*
                }
            }
        }

        /// A form's draft of a record, of any kind that has one.
        #[derive(Clone, Debug, PartialEq)]
        pub enum RecordDraft {
            $($( $kind($draft), )?)*
        }

        impl RecordDraft {
            /// The kind of record the draft is of.
            pub fn kind(&self) -> RecordKind {
                match self {
                    $($( RecordDraft::$kind(draft) => {
                        let _: &$draft = draft;
                        RecordKind::$kind
                    } )?)*
                }
            }
            /// Runs `work` with the draft, for its kind.
            pub(crate) fn run<F: ForDraft>(&self, work: &mut F) -> F::Out {
                match self {
                    $($( RecordDraft::$kind(draft) => {
                        let draft: &$draft = draft;
                        work.run::<kind::$kind, $draft>(draft)
                    } )?)*
                }
            }
        }
    };
}

/// What a table line's `under:` names: the workbook or a kind of record.
macro_rules! holder {
    (Top) => {
        Top
    };
    (PlanBook) => {
        PlanSection
    };
    (PlacementBook) => {
        PlacementSection
    };
    (GroupBook) => {
        GroupSection
    };
    (AgreementBook) => {
        AgreementSection
    };
    (CaseBook) => {
        CaseSection
    };
    ($kind:ident) => {
        kind::$kind
    };
}

/// `record: new T` gives the struct `T` its `Record` bookkeeping; `also T`
/// is a second kind kept in the same struct (a partner's assessment).
macro_rules! record_struct {
    (new $ty:ident) => {
        impl Record for $ty {
            fn id(&self) -> &str {
                &self.id
            }
            fn created_at(&self) -> DateTime<Utc> {
                *self.created_at
            }
            fn updated_at(&self) -> DateTime<Utc> {
                *self.updated_at
            }
            fn set_created_at(&mut self, at: DateTime<Utc>) {
                self.created_at = Moment(at);
            }
            fn set_updated_at(&mut self, at: DateTime<Utc>) {
                self.updated_at = Moment(at);
            }
        }
    };
    (also $ty:ident) => {};
}

// Each line: the kind (its saved name is the name in snake_case; a new kind
// goes at the end, as the names are saved in files), the struct that holds
// it (`new` the first time a struct is named), the list it is kept in, the
// first part of its ids, its name in the user's words (one, and more than
// one: "1 goal", "2 pieces of evidence"), how one is described, the order of
// its list when not the order records were added, the form draft that adds
// and changes one (its `Drafted` is in `ops/`), and the draft made from a
// record with its fields as the form shows them (`form`: a conflict's two
// versions side by side, and the rules a version made of both must keep).
record_kinds! {
    Assessment {
        record: new Assessment,
        under: Top.assessments,
        id_prefix: "assessment",
        nouns: ["assessment", "assessments"],
        describe: |a| format!("the assessment {}", a.title()),
        draft: AssessmentDraft,
        form: |a, _| with_shown(AssessmentDraft::of(a), AssessmentDraft::shown),
    }
    PartnerAssessment {
        record: also Assessment,
        under: Top.partner_assessments,
        id_prefix: "partner",
        nouns: ["partner's assessment", "partner's assessments"],
        describe: |a| format!("your partner's assessment {}", a.title()),
    }
    Goal {
        record: new Goal,
        under: Plan.goals,
        id_prefix: "goal",
        nouns: ["goal", "goals"],
        describe: |g| format!("the goal \"{}\"", g.title),
        draft: GoalDraft,
        form: |g, _| with_shown(GoalDraft::of(g), GoalDraft::shown),
    }
    Placement {
        record: new Placement,
        under: PlacementBook.placements,
        id_prefix: "placement",
        nouns: ["placement", "placements"],
        describe: |p| format!("the placement at {}", p.title()),
        draft: PlacementDraft,
        form: |p, _| with_shown(PlacementDraft::of(p), PlacementDraft::shown),
    }
    Plan {
        record: new Plan,
        under: PlanBook.plans,
        id_prefix: "plan",
        nouns: ["development plan", "development plans"],
        describe: |p| format!("the plan \"{}\"", p.name),
        draft: PlanDraft,
        form: |p, _| with_shown(PlanDraft::of(p), PlanDraft::shown),
    }
    Action {
        record: new Action,
        under: Goal.actions,
        id_prefix: "action",
        nouns: ["action", "actions"],
        describe: |a| format!("the action \"{}\"", a.text),
        draft: ActionDraft,
        form: |a, _| with_shown(ActionDraft::of(a), ActionDraft::shown),
    }
    Evidence {
        record: new EvidenceEntry,
        under: Goal.evidence,
        id_prefix: "evidence",
        nouns: ["piece of evidence", "pieces of evidence"],
        describe: |e| format!("the evidence from {}", long_date(e.date)),
        sorted_by: |e| e.date,
        draft: EvidenceDraft,
        form: |e, _| with_shown(EvidenceDraft::of(e), EvidenceDraft::shown),
    }
    Review {
        record: new Review,
        under: Plan.reviews,
        id_prefix: "review",
        nouns: ["review", "reviews"],
        describe: |r| format!("the review of {}", long_date(r.date)),
        sorted_by: |r| r.date,
        draft: ReviewDraft,
        form: |r, _| with_shown(ReviewDraft::of(r), ReviewDraft::shown),
    }
    SelfRating {
        record: new SelfRating,
        under: Plan.self_ratings,
        id_prefix: "self-rating",
        nouns: ["self-rating", "self-ratings"],
        describe: |r| format!("the self-rating of {}", long_date(r.date)),
        sorted_by: |r| r.date,
        draft: SelfRatingDraft,
    }
    Project {
        record: new Project,
        under: Placement.projects,
        id_prefix: "project",
        nouns: ["project", "projects"],
        describe: |p| format!("the project \"{}\"", p.title),
        draft: ProjectDraft,
        form: |p, _| with_shown(ProjectDraft::of(p), ProjectDraft::shown),
    }
    Milestone {
        record: new Milestone,
        under: Project.milestones,
        id_prefix: "milestone",
        nouns: ["milestone", "milestones"],
        describe: |m| format!("the milestone \"{}\"", m.title),
        sorted_by: |m| m.planned,
        draft: MilestoneDraft,
        form: |m, _| with_shown(MilestoneDraft::of(m), MilestoneDraft::shown),
    }
    Activity {
        record: new ActivityEntry,
        under: Placement.entries,
        id_prefix: "activity",
        nouns: ["log entry", "log entries"],
        describe: |e| format!(
            "the log entry of {} ({})",
            long_date(e.date),
            e.activity_type.label().to_lowercase()
        ),
        sorted_by: |e| e.date,
        draft: ActivityDraft,
        form: |e, wb| with_shown(ActivityDraft::of(e), |d| {
            d.shown(|id| wb.project(id).map(|(_, p)| p.title.to_string()))
        }),
    }
    GroupRound {
        record: new GroupRound,
        under: GroupBook.rounds,
        id_prefix: "round",
        nouns: ["group round", "group rounds"],
        describe: |r| format!("the round \"{}\"", r.name),
        sorted_by: |r| r.held_on,
        draft: RoundDraft,
        form: |r, _| with_shown(RoundDraft::of(r), RoundDraft::shown),
    }
    GroupMember {
        record: new GroupMember,
        under: GroupRound.members,
        id_prefix: "member",
        nouns: ["member's file", "members' files"],
        describe: |m| format!("{}'s file", m.label),
    }
    AreaAgreement {
        record: new AreaAgreement,
        under: GroupRound.agreements,
        id_prefix: "agreement",
        nouns: ["agreed level", "agreed levels"],
        describe: |a| format!("the levels agreed for {}", a.area_name()),
        draft: AgreementDraft,
        form: |a, _| with_shown(AgreementDraft::of(a), AgreementDraft::shown),
    }
    SupportAgreement {
        record: new SupportAgreement,
        under: AgreementBook.agreements,
        id_prefix: "support-agreement",
        nouns: ["support agreement", "support agreements"],
        describe: |a| format!("the support agreement between {}", a.title()),
        draft: SupportAgreementDraft,
        form: |a, _| with_shown(SupportAgreementDraft::of(a), SupportAgreementDraft::shown),
    }
    Commitment {
        record: new Commitment,
        under: SupportAgreement.commitments,
        id_prefix: "commitment",
        nouns: ["commitment", "commitments"],
        describe: |c| format!("the commitment \"{}\"", c.short_title()),
        draft: CommitmentDraft,
        form: |c, _| with_shown(CommitmentDraft::of(c), CommitmentDraft::shown),
    }
    Delivery {
        record: new Delivery,
        under: Commitment.deliveries,
        id_prefix: "delivery",
        nouns: ["delivery record", "delivery records"],
        describe: |d| format!("the delivery due on {}", long_date(d.due_on)),
        sorted_by: |d| d.due_on,
        draft: DeliveryDraft,
        form: |d, _| with_shown(DeliveryDraft::of(d), DeliveryDraft::shown),
    }
    AgreementVersion {
        record: new AgreementVersion,
        under: SupportAgreement.versions,
        id_prefix: "version",
        nouns: ["agreement version", "agreement versions"],
        describe: |v| format!("version {} of the agreement", v.number),
        sorted_by: |v| v.number,
        draft: VersionDraft,
        form: |v, _| with_shown(VersionDraft::of(v), VersionDraft::shown),
    }
    ReviewMeeting {
        record: new ReviewMeeting,
        under: SupportAgreement.reviews,
        id_prefix: "review-meeting",
        nouns: ["review meeting", "review meetings"],
        describe: |r| format!("the review meeting of {}", long_date(r.held_on)),
        sorted_by: |r| r.held_on,
        draft: ReviewMeetingDraft,
        form: |r, _| with_shown(ReviewMeetingDraft::of(r), ReviewMeetingDraft::shown),
    }
    BusinessCase {
        record: new BusinessCase,
        under: CaseBook.cases,
        id_prefix: "business-case",
        nouns: ["business case", "business cases"],
        describe: |c| format!("the business case \"{}\"", c.title),
        draft: BusinessCaseDraft,
        form: |c, _| with_shown(BusinessCaseDraft::of(c), BusinessCaseDraft::shown),
    }
    CaseOption {
        record: new CaseOption,
        under: BusinessCase.options,
        id_prefix: "option",
        nouns: ["option", "options"],
        describe: |o| format!("the option \"{}\"", o.name),
        draft: CaseOptionDraft,
        form: |o, _| with_shown(CaseOptionDraft::of(o), CaseOptionDraft::shown),
    }
    CaseRisk {
        record: new CaseRisk,
        under: CaseOption.risks,
        id_prefix: "risk",
        nouns: ["risk", "risks"],
        describe: |r| format!("the risk \"{}\"", r.description),
        sorted_by: |r| std::cmp::Reverse(r.score()),
        draft: CaseRiskDraft,
        form: |r, _| with_shown(CaseRiskDraft::of(r), CaseRiskDraft::shown),
    }
    CaseMilestone {
        record: new CaseMilestone,
        under: BusinessCase.milestones,
        id_prefix: "case-milestone",
        nouns: ["milestone", "milestones"],
        describe: |m| format!("the milestone \"{}\"", m.what),
        sorted_by: |m| m.due,
        draft: CaseMilestoneDraft,
        form: |m, _| with_shown(CaseMilestoneDraft::of(m), CaseMilestoneDraft::shown),
    }
}
