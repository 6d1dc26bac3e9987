//! The partnership-readiness framework: eight domains of statements that a
//! clinician or manager rates for their commissioning partnership, plus the
//! maturity and importance scales they rate with.
//!
//! The content is data: one typed static table. Every statement is our own
//! wording and names the seed article (in `../shared/seeds/`) and the idea in it
//! that the statement comes from, so the About page can show where each one
//! came from and a test can check that every cited article exists.
//!
//! Statement and domain ids are stable: saved answers are keyed by them. Never
//! reuse or renumber an id; retire a statement by removing it and raising
//! `FRAMEWORK_VERSION` instead.

/// The version of the framework content. Each assessment records the version
/// it was made against; raise this whenever statements are added, removed or
/// reworded so that their meaning changes.
pub const FRAMEWORK_VERSION: u32 = 1;

/// One of the articles the framework is drawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeedArticle {
    /// The file name under `../shared/seeds/` (kept for the CI source check;
    /// never shown on screen).
    pub file: &'static str,
    /// Words the article itself prints (its headline), which the CI source
    /// check looks for in the file so a citation cannot point at the wrong one.
    pub headline_in_text: &'static str,
    pub author: &'static str,
    pub title: &'static str,
    /// When it was published, as precisely as is known.
    pub published: &'static str,
    /// Where it appeared, as far as the copy held shows.
    pub publication: &'static str,
    pub summary: &'static str,
}

pub const SEED_ARTICLES: &[SeedArticle] = &[
    SeedArticle {
        file: "000_6895a999c6988347.txt",
        headline_in_text: "We're engaged - now what?",
        author: "Dr Johnny Marshall, chair of the National Association of Primary Care (NAPC) and a GP in Buckinghamshire",
        title: "We're engaged – now what?",
        published: "c. 2009",
        publication: "Pulse, the magazine for GPs (its masthead is on the copy held)",
        summary: "Putting clinicians at the heart of commissioning needs three things: clinicians with real power and \
                  influence in a partnership of equals, well-developed clinical leadership skills (for today's and \
                  future leaders), and proper support from the primary care trust (PCT) under a formal agreement, \
                  with freedom to get that support elsewhere if it does not come.",
    },
    SeedArticle {
        file: "001_723346a00db87f9a.txt",
        headline_in_text: "Managers must encourage doctors to show that they can lead commissioning",
        author: "Report of an address by Dr Michael Dixon, chair of the NHS Alliance",
        title: "Managers must encourage doctors to lead commissioning (address to the Nottingham Medico Chirurgical Society)",
        published: "February 2009",
        publication: "A news report of the address; the publication is not named in the copy held",
        summary: "Many clinicians in practice-based commissioning do not feel they are leading or making a \
                  difference. Managers should support, enable and trust doctors and act as co-leaders in \
                  commissioning at every level, and everyone must break down the tribal boundaries between \
                  clinicians, managers, PCTs and practices.",
    },
    SeedArticle {
        file: "002_988aba35d981483a.txt",
        headline_in_text: "How to make clinical commissioning work",
        author: "NHS Eastern and Coastal Kent",
        title: "How to make clinical commissioning work",
        published: "c. 2009",
        publication: "A case study by NHS Eastern and Coastal Kent; the publication is not named in the copy held",
        summary: "Each clinical area has a GP clinical commissioner, recruited against competencies, paired with a \
                  lead commissioner, backed by a clinical leadership programme and four-month commissioning \
                  placements for GP registrars. Top tips: clear objectives, team players, mutual respect, a \
                  visible partnership and robust support.",
    },
    SeedArticle {
        file: "003_813f15a70e4b4425.txt",
        headline_in_text: "It's time to step up and take the lead",
        author: "Richard Alsop, director of strategy and system management, NHS Northamptonshire",
        title: "It's time to step up and take the lead",
        published: "c. 2009",
        publication: "Pulse, the magazine for GPs (its masthead is on the copy held)",
        summary: "A PCT view: practice-based commissioners should manage demand, reduce variation between \
                  referrers and own collective priorities, leading big-ticket programmes rather than hobbies. \
                  A joint commissioning executive committee approves good business cases whoever brings them, \
                  programme boards deliver priorities, and peer challenge tackles unexplained variation.",
    },
    SeedArticle {
        file: "004_37cc2a8a6aea45a6.txt",
        headline_in_text: "We must move beyond PBC",
        author: "Dr Judith Smith, head of policy at the Nuffield Trust",
        title: "We must move beyond PBC",
        published: "2010",
        publication: "A comment piece for health professionals; the publication is not named in the copy held",
        summary: "Practice-based commissioning offers clinicians few incentives and only notional budgets, with \
                  retained savings negotiated with the PCT. Local clinical partnerships would hold real budgets, \
                  could source support from elsewhere, and would have their financial performance, health \
                  outcomes and patient experience robustly assessed.",
    },
];

/// A word of 2009 the articles use that the NHS in England no longer does,
/// with what it means today and the public source for today's meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlossaryTerm {
    pub term: &'static str,
    /// What the same thing is called or is today.
    pub today: &'static str,
    /// The articles that use it: (`SeedArticle::file`, the words as the
    /// article prints them, which the CI source check looks for in the file).
    pub used_in: &'static [(&'static str, &'static str)],
    /// The public source for what it means today.
    pub source: &'static str,
}

/// Words from 2009 and what they are called today (the About page's glossary).
/// The workbook's own wording uses today's terms; the articles, and the
/// sources the statements cite, keep theirs.
pub const GLOSSARY: &[GlossaryTerm] = &[
    GlossaryTerm {
        term: "PCT (primary care trust)",
        today: "The local NHS body that commissioned most care for its area until 2013. Clinical commissioning \
                groups (CCGs) took over in 2013, and integrated care boards (ICBs) replaced CCGs in July 2022. \
                Read \"PCT\" as your commissioning organisation, today usually the ICB.",
        used_in: &[(MARSHALL, "PCT"), (DIXON, "PCTs"), (KENT, "PCT"), (ALSOP, "PCT"), (SMITH, "PCT")],
        source: "Health and Social Care Act 2012 (PCTs abolished and CCGs set up from 1 April 2013); Health and \
                 Care Act 2022 (ICBs replaced CCGs from 1 July 2022).",
    },
    GlossaryTerm {
        term: "PBC (practice-based commissioning)",
        today: "GP practices, often in groups, holding indicative budgets to redesign services (2005 to 2013). \
                The nearest groupings today are primary care networks (PCNs, from 2019) and place-based \
                partnerships (place partnerships) within an integrated care system.",
        used_in: &[
            (MARSHALL, "practice-based commissioning"),
            (DIXON, "practice-based commissioning"),
            (KENT, "practice based commissioning"),
            (ALSOP, "practice-based commissioning"),
            (SMITH, "Practice-Based Commissioning"),
        ],
        source: "Department of Health, Practice based commissioning: promoting clinical engagement (2004), from \
                 April 2005, ending with PCTs under the Health and Social Care Act 2012; NHS England, Investment \
                 and evolution: a five-year framework for GP contract reform (January 2019), which set up primary \
                 care networks; NHS England, Thriving places: guidance on the development of place-based \
                 partnerships as part of statutory integrated care systems (September 2021).",
    },
    GlossaryTerm {
        term: "PBC group or consortium",
        today: "Practices commissioning together. Today: a primary care network or a place-based partnership, \
                working with the ICB.",
        used_in: &[(MARSHALL, "PBC group"), (ALSOP, "PBC consortiums")],
        source: "NHS England, Investment and evolution (January 2019) and Thriving places (September 2021), as \
                 above.",
    },
    GlossaryTerm {
        term: "Lead commissioner",
        today: "The manager in the commissioning organisation (today usually the ICB) who leads commissioning \
                for a clinical area, paired with a clinical lead.",
        used_in: &[(KENT, "lead commissioner")],
        source: "The article's own term; the commissioning organisation today as for PCT above.",
    },
    GlossaryTerm {
        term: "GP registrar",
        today: "A doctor in GP specialty training, today usually called a GP specialty trainee (GPST) or GP \
                trainee.",
        used_in: &[(KENT, "GP registrar")],
        source: "Royal College of General Practitioners, GP curriculum and training pages, which speak of GP \
                 specialty trainees.",
    },
];

/// Where a statement comes from: a seed article and the idea in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    /// A `SeedArticle::file`.
    pub seed_file: &'static str,
    /// A short paraphrase of the idea in the article.
    pub idea: &'static str,
}

impl Source {
    /// The article this source cites. Every source names a listed article (a
    /// test checks it), so this is `None` only if the table is edited wrongly.
    pub fn article(&self) -> Option<&'static SeedArticle> {
        seed_article(self.seed_file)
    }
}

/// The seed article with this file name.
pub fn seed_article(file: &str) -> Option<&'static SeedArticle> {
    SEED_ARTICLES.iter().find(|a| a.file == file)
}

/// How to cite the Partnership Assessment Tool that the domains are mapped to.
pub const PAT_CITATION: &str = "Hardy B, Hudson B and Waddington E (2003). Assessing Strategic Partnership: \
     The Partnership Assessment Tool. London: Office of the Deputy Prime Minister; developed at the Nuffield \
     Institute for Health, University of Leeds.";

/// The six principles of the Partnership Assessment Tool (Hardy, Hudson and
/// Waddington, 2003). Each domain says which principles it serves, so the
/// framework can be read against a widely used partnership tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PatPrinciple {
    RecogniseNeed,
    ClarityOfPurpose,
    CommitmentAndOwnership,
    Trust,
    RobustArrangements,
    MonitorMeasureLearn,
}

impl PatPrinciple {
    pub const ALL: [PatPrinciple; 6] = [
        PatPrinciple::RecogniseNeed,
        PatPrinciple::ClarityOfPurpose,
        PatPrinciple::CommitmentAndOwnership,
        PatPrinciple::Trust,
        PatPrinciple::RobustArrangements,
        PatPrinciple::MonitorMeasureLearn,
    ];

    /// The principle's number in the tool, 1 to 6.
    pub fn number(self) -> u8 {
        match self {
            PatPrinciple::RecogniseNeed => 1,
            PatPrinciple::ClarityOfPurpose => 2,
            PatPrinciple::CommitmentAndOwnership => 3,
            PatPrinciple::Trust => 4,
            PatPrinciple::RobustArrangements => 5,
            PatPrinciple::MonitorMeasureLearn => 6,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            PatPrinciple::RecogniseNeed => "Recognise and accept the need for partnership",
            PatPrinciple::ClarityOfPurpose => "Develop clarity and realism of purpose",
            PatPrinciple::CommitmentAndOwnership => "Ensure commitment and ownership",
            PatPrinciple::Trust => "Develop and maintain trust",
            PatPrinciple::RobustArrangements => "Create clear and robust partnership arrangements",
            PatPrinciple::MonitorMeasureLearn => "Monitor, measure and learn",
        }
    }

    /// Our own one-line gloss of the principle.
    pub fn description(self) -> &'static str {
        match self {
            PatPrinciple::RecogniseNeed => {
                "Both sides see that they cannot achieve their aims alone and treat each other as equal partners."
            }
            PatPrinciple::ClarityOfPurpose => {
                "The partners share aims that are clear, understood by all and achievable."
            }
            PatPrinciple::CommitmentAndOwnership => {
                "People at every level own the partnership and put time, skills and resources into it."
            }
            PatPrinciple::Trust => {
                "The partners respect each other, act in good faith and are seen to work together."
            }
            PatPrinciple::RobustArrangements => {
                "Who decides what, who supports whom and who holds which money are clear and work in practice."
            }
            PatPrinciple::MonitorMeasureLearn => {
                "The partners check what the partnership achieves and use what they learn to improve it."
            }
        }
    }
}

/// One statement to rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Stable id, `<domain id>-<n>`; answers are keyed by it.
    pub id: &'static str,
    /// First-person plural, present tense: what a ready partnership can say.
    pub text: &'static str,
    /// Why it matters, shown as help text.
    pub why: &'static str,
    pub source: Source,
}

/// A group of statements about one aspect of partnership readiness.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Domain {
    /// Stable id; importance ratings are keyed by it.
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    /// The Partnership Assessment Tool principles this domain serves.
    pub principles: &'static [PatPrinciple],
    pub statements: &'static [Statement],
}

const MARSHALL: &str = "000_6895a999c6988347.txt";
const DIXON: &str = "001_723346a00db87f9a.txt";
const KENT: &str = "002_988aba35d981483a.txt";
const ALSOP: &str = "003_813f15a70e4b4425.txt";
const SMITH: &str = "004_37cc2a8a6aea45a6.txt";

/// The framework, in the order it is presented.
pub static DOMAINS: &[Domain] = &[
    Domain {
        id: "power",
        title: "Power and influence",
        summary: "Whether clinicians' views really shape what is commissioned, within a partnership of equals.",
        principles: &[
            PatPrinciple::RecogniseNeed,
            PatPrinciple::CommitmentAndOwnership,
        ],
        statements: &[
            Statement {
                id: "power-1",
                text: "Our clinicians' views visibly change commissioning decisions.",
                why: "Engagement that does not change decisions changes little; clinicians stay involved when \
                      they can see their clinical opinion alter what is commissioned.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "Clinicians need to feel that their clinical opinion actually influences commissioning decisions.",
                },
            },
            Statement {
                id: "power-2",
                text: "Clinicians and managers work as a partnership of equals.",
                why: "Influence belongs in a partnership of equals between managers and clinicians, not with one \
                      side advising the other.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "Power and influence should sit within a partnership of equals between managers and \
                           clinicians, and between the PCT and PBC groups.",
                },
            },
            Statement {
                id: "power-3",
                text: "Good business cases are approved and weak ones turned down, whoever brings them.",
                why: "A common complaint is that clinicians' business cases never get through; judging every case \
                      on its merits shows that clinical proposals are taken seriously.",
                source: Source {
                    seed_file: ALSOP,
                    idea: "Good business cases get approved and poor ones knocked back, no matter whether they \
                           come from PBC or the PCT.",
                },
            },
            Statement {
                id: "power-4",
                text: "Our clinicians feel they are leading commissioning and making a difference.",
                why: "In too many places clinicians do not think they are leading or making a difference, and \
                      then commissioning develops only slowly.",
                source: Source {
                    seed_file: DIXON,
                    idea: "In too many places clinicians don't think that they are leading or making a difference.",
                },
            },
            Statement {
                id: "power-5",
                text: "Clinicians agree the care pathways we commission before they are adopted.",
                why: "A clinician knows what is needed and what will work; pathways agreed by clinicians are \
                      more likely to be used and to improve care.",
                source: Source {
                    seed_file: KENT,
                    idea: "The clinicians are fundamental to agreeing the proposed pathways.",
                },
            },
        ],
    },
    Domain {
        id: "aims",
        title: "Shared aims and priorities",
        summary: "Whether both sides understand and share the partnership's aims, and own a few big priorities.",
        principles: &[
            PatPrinciple::ClarityOfPurpose,
            PatPrinciple::CommitmentAndOwnership,
        ],
        statements: &[
            Statement {
                id: "aims-1",
                text: "Clinicians and managers understand each other's ambitions, and our commissioning aims are aligned.",
                why: "Clinical influence is more likely when the aims of the commissioning organisation and the \
                      clinical group are aligned and each fully understands the other's ambitions.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "The commissioning aims of the PCT and the PBC group should be aligned, with each \
                           understanding the other's ambitions.",
                },
            },
            Statement {
                id: "aims-2",
                text: "Our priorities are collective and consistent, and primary care owns them.",
                why: "Tackling variation and living within tighter funding depend on priorities that everyone \
                      holds together rather than each practice pursuing its own.",
                source: Source {
                    seed_file: ALSOP,
                    idea: "Set priorities that are collective, consistent and owned by primary care.",
                },
            },
            Statement {
                id: "aims-3",
                text: "We lead change on big-ticket programmes, not only small projects in areas of personal interest.",
                why: "A hobbyist approach, making small changes where individuals happen to be interested, may be \
                      a start but cannot be the end point.",
                source: Source {
                    seed_file: ALSOP,
                    idea: "Help shape the priorities, then lead the change and deliver on the big-ticket items \
                           rather than a hobbyist approach.",
                },
            },
            Statement {
                id: "aims-4",
                text: "For each piece of work we agree clear objectives, an end goal and a strategy for reaching it.",
                why: "Clear objectives and an agreed end goal let both partners judge progress and hold each \
                      other to what was agreed.",
                source: Source {
                    seed_file: KENT,
                    idea: "Top tips: set clear objectives, and agree an end goal and a strategy on how to get there.",
                },
            },
            Statement {
                id: "aims-5",
                text: "Our clinical commissioners act for patients across the whole area, not for their own practices or as providers.",
                why: "Clinical leaders are trusted as commissioners when they are not seen to have a provider bias \
                      or to be parochial.",
                source: Source {
                    seed_file: KENT,
                    idea: "Clinical commissioners must not be seen as having a GP provider bias, and must act across \
                           the whole PCT area rather than parochially.",
                },
            },
        ],
    },
    Domain {
        id: "leadership",
        title: "Leadership capability",
        summary: "Whether our clinical leaders have the skills to commission and lead change, and whether we grow new ones.",
        principles: &[
            PatPrinciple::CommitmentAndOwnership,
            PatPrinciple::MonitorMeasureLearn,
        ],
        statements: &[
            Statement {
                id: "leadership-1",
                text: "Our clinical leaders have the skills to commission services.",
                why: "Clinicians need skills as well as power and support: commissioning is a craft that has to be learned.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "A good clinical leader needs the skills to commission.",
                },
            },
            Statement {
                id: "leadership-2",
                text: "Our clinical leaders win the trust of the people who hand them power and influence.",
                why: "Power is handed over only to leaders who are trusted to use it well.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "A good clinical leader needs to win the trust of those who are going to hand over the \
                           power and influence.",
                },
            },
            Statement {
                id: "leadership-3",
                text: "Our clinical leaders are good at getting people to change how they work.",
                why: "Commissioning only improves care when colleagues actually change what they do.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "It requires leaders who are good at getting people to change how they work.",
                },
            },
            Statement {
                id: "leadership-4",
                text: "Our clinical leaders bring expert clinical knowledge to service redesign.",
                why: "Redesigned services work when someone who knows the clinical detail helps shape them.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "Leaders who are good at providing expert knowledge to support service redesign.",
                },
            },
            Statement {
                id: "leadership-5",
                text: "Our clinical leaders audit, monitor and keep improving services, and help educate and train colleagues.",
                why: "Leadership does not stop at the redesign: services need checking and improving, and \
                      colleagues need teaching.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "Leaders who are good at auditing, monitoring, constantly improving services, education \
                           and training.",
                },
            },
            Statement {
                id: "leadership-6",
                text: "We develop future clinical leaders, not only today's.",
                why: "A partnership that depends on a few current leaders will stall when they move on.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "There is a need to develop not only current clinical leaders but future clinical leaders too.",
                },
            },
        ],
    },
    Domain {
        id: "support",
        title: "Support from the commissioning organisation",
        summary: "Whether the commissioning organisation gives clinicians the data, budgets and project support they need, under a clear agreement.",
        principles: &[PatPrinciple::RobustArrangements],
        statements: &[
            Statement {
                id: "support-1",
                text: "We get the health needs assessment data we need.",
                why: "Commissioning for a population starts from knowing what that population needs.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "PCT support for PBC includes health needs assessment data.",
                },
            },
            Statement {
                id: "support-2",
                text: "We have indicative budgets for the services we commission.",
                why: "Without a budget, clinicians cannot weigh one use of money against another.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "PCT support for PBC includes indicative budgets.",
                },
            },
            Statement {
                id: "support-3",
                text: "We receive activity data, with analysis, in time to act on it.",
                why: "Activity data shows where money and referrals go; raw figures without analysis, or too late, \
                      are of little use.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "PCT support for PBC includes activity data and analysis.",
                },
            },
            Statement {
                id: "support-4",
                text: "We have project management support to carry our work through.",
                why: "Busy clinicians cannot also run every project; project support turns plans into changes.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "PCT support for PBC includes resources to support project management.",
                },
            },
            Statement {
                id: "support-5",
                text: "A formal agreement sets out the support the commissioning organisation gives us, and it treats us as its customer.",
                why: "Writing the support down makes it dependable, and seeing clinicians as customers changes how \
                      it is given.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "PBC should be seen as a customer of the PCT, with a formal agreement about the support \
                           the PCT provides.",
                },
            },
            Statement {
                id: "support-6",
                text: "If agreed support does not come, we are free to get it from elsewhere.",
                why: "Being able to commission support from another organisation or a private provider keeps the \
                      support real.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "If support is not forthcoming from the PCT, the PBC group should be able to commission it \
                           from elsewhere, such as another PCT or a private provider.",
                },
            },
        ],
    },
    Domain {
        id: "resources",
        title: "Time, resources and incentives",
        summary: "Whether clinicians have the time, training, incentives and budgets that make commissioning worth taking on.",
        principles: &[
            PatPrinciple::CommitmentAndOwnership,
            PatPrinciple::RobustArrangements,
        ],
        statements: &[
            Statement {
                id: "resources-1",
                text: "Our clinicians have protected, funded time away from their day jobs for commissioning.",
                why: "Clinicians cannot commission in the gaps between patients; resources are needed to free \
                      them up.",
                source: Source {
                    seed_file: MARSHALL,
                    idea: "Resources and incentives are needed to free up GPs and other clinicians from their day \
                           jobs to get involved in commissioning.",
                },
            },
            Statement {
                id: "resources-2",
                text: "Our clinicians can take part in a good clinical leadership programme.",
                why: "Ongoing development through leadership training keeps clinical commissioners effective.",
                source: Source {
                    seed_file: KENT,
                    idea: "The PCT committed itself to clinical leadership training, supporting clinical \
                           commissioners through a clinical leadership programme.",
                },
            },
            Statement {
                id: "resources-3",
                text: "There are real incentives for our clinicians to take on more responsibility for commissioning.",
                why: "Few incentives for GPs to take on greater responsibility is a fundamental weakness of \
                      practice-based commissioning.",
                source: Source {
                    seed_file: SMITH,
                    idea: "There are few incentives for GPs to take on greater responsibility for commissioning; \
                           personal and organisational incentives need aligning.",
                },
            },
            Statement {
                id: "resources-4",
                text: "We hold real budgets, not only notional ones, so we can move money between services.",
                why: "With only notional budgets clinicians cannot redirect significant resources, for example to \
                      bring care closer to home.",
                source: Source {
                    seed_file: SMITH,
                    idea: "GPs hold only notional budgets and cannot redirect significant resources; real budgets \
                           would change that.",
                },
            },
            Statement {
                id: "resources-5",
                text: "We know in advance how much of any savings we make we will keep.",
                why: "When the savings kept must be negotiated after the event, there is little reason to make them.",
                source: Source {
                    seed_file: SMITH,
                    idea: "The level of savings kept must be negotiated with the PCT.",
                },
            },
        ],
    },
    Domain {
        id: "trust",
        title: "Trust and joint working",
        summary: "Whether clinicians and managers respect each other, lead together and are seen to work as one team.",
        principles: &[PatPrinciple::Trust],
        statements: &[
            Statement {
                id: "trust-1",
                text: "Clinicians and managers respect each other's abilities.",
                why: "Matching clinical expertise with managerial know-how works only when each side values \
                      what the other brings.",
                source: Source {
                    seed_file: KENT,
                    idea: "Mutual respect for each other's abilities is crucial; lead and clinical commissioners \
                           must value each other.",
                },
            },
            Statement {
                id: "trust-2",
                text: "Our managers support and enable clinicians and act as co-leaders in commissioning.",
                why: "Managers who support, enable and embrace doctors, and lead alongside them, let clinical \
                      leadership grow.",
                source: Source {
                    seed_file: DIXON,
                    idea: "Managers should support, enable and embrace doctors, and act as co-leaders in \
                           commissioning at every level.",
                },
            },
            Statement {
                id: "trust-3",
                text: "We break down tribal boundaries between professions, between clinicians and managers, and between the organisation and practices.",
                why: "Tribal boundaries slow everything down; partnerships move fast when people trust each other \
                      across them.",
                source: Source {
                    seed_file: DIXON,
                    idea: "Break down the tribal boundaries between clinicians, between clinicians and managers, and \
                           between PCTs and practices.",
                },
            },
            Statement {
                id: "trust-4",
                text: "Our partnership is visible and is part of the organisation's values and culture.",
                why: "A partnership people can see, built into the organisation's culture, survives changes of \
                      staff and pressure.",
                source: Source {
                    seed_file: KENT,
                    idea: "The partnership between clinical and lead commissioners needs to be clearly visible and \
                           part of the values and culture of the PCT.",
                },
            },
            Statement {
                id: "trust-5",
                text: "We work as team players and take on each other's suggestions.",
                why: "Being a team player, visible and willing to take on other people's suggestions builds the \
                      relationships commissioning depends on.",
                source: Source {
                    seed_file: KENT,
                    idea: "The ability to be a team player is essential; be visible and willing to take on other \
                           people's suggestions.",
                },
            },
        ],
    },
    Domain {
        id: "structures",
        title: "Structures and governance",
        summary: "Whether there are joint structures that decide, deliver and staff the partnership's work.",
        principles: &[PatPrinciple::RobustArrangements],
        statements: &[
            Statement {
                id: "structures-1",
                text: "A joint executive committee of clinical and managerial leaders sets strategy and considers every business case for investment.",
                why: "A committee where both sides sit shapes strategy together and gives all business cases the \
                      same hearing.",
                source: Source {
                    seed_file: ALSOP,
                    idea: "A commissioning executive committee of PCT executive directors and PBC clinical and \
                           managerial leads develops strategy and the operating plan and considers all business cases.",
                },
            },
            Statement {
                id: "structures-2",
                text: "Programme boards deliver our priorities, and clinicians lead some of the programmes.",
                why: "Clinicians leading priority programmes signals intent to lead, and trust to deliver from the \
                      commissioning organisation.",
                source: Source {
                    seed_file: ALSOP,
                    idea: "Priorities are delivered via programmes managed by a programme board, with practice-based \
                           commissioners on the board leading two priority programmes.",
                },
            },
            Statement {
                id: "structures-3",
                text: "Each clinical area has a clinical commissioner paired with a lead commissioner who work on it as a team.",
                why: "Pairing concentrates clinical expertise and managerial know-how on one clinical area at a time.",
                source: Source {
                    seed_file: KENT,
                    idea: "Each GP clinical commissioner works with a lead commissioner as a team on one clinical \
                           area, such as respiratory services or diabetes.",
                },
            },
            Statement {
                id: "structures-4",
                text: "We recruit clinical commissioners through a formal process against the competencies the role needs.",
                why: "Formal recruitment against competencies gives clinical commissioners credibility with both sides.",
                source: Source {
                    seed_file: KENT,
                    idea: "Recruitment of every clinical commissioner included a formal interview to prove the right \
                           competencies and understanding for the role.",
                },
            },
            Statement {
                id: "structures-5",
                text: "Bureaucracy and management hierarchy do not hold up our decisions.",
                why: "Even when the top of the organisation is signed up, bureaucracy and hierarchy can slow progress.",
                source: Source {
                    seed_file: ALSOP,
                    idea: "Sometimes a combination of bureaucracy and management hierarchy slows progress.",
                },
            },
        ],
    },
    Domain {
        id: "delivery",
        title: "Delivering change",
        summary: "Whether the partnership manages demand, tackles variation and measures what it achieves.",
        principles: &[
            PatPrinciple::ClarityOfPurpose,
            PatPrinciple::MonitorMeasureLearn,
        ],
        statements: &[
            Statement {
                id: "delivery-1",
                text: "We manage demand for the services we commission effectively.",
                why: "Commissioners have often failed to manage demand, and reduced funding makes it unavoidable.",
                source: Source {
                    seed_file: ALSOP,
                    idea: "Commissioners have failed to manage demand effectively.",
                },
            },
            Statement {
                id: "delivery-2",
                text: "We know how referral rates vary between practices and act to reduce variation we cannot explain.",
                why: "Much of the answer to reduced funding lies in tackling variation between referrers.",
                source: Source {
                    seed_file: ALSOP,
                    idea: "Commissioners have failed to reduce variation between referrers; tackling variation is a \
                           major part of the solution.",
                },
            },
            Statement {
                id: "delivery-3",
                text: "Clinicians challenge their peers about unexplained variation, and we make and stand by hard decisions.",
                why: "Peer challenge is hard in a member-owned group, but it is needed for the next level of partnership.",
                source: Source {
                    seed_file: ALSOP,
                    idea: "An increasing need to make and support hard decisions and introduce peer challenge around \
                           unexplained variation.",
                },
            },
            Statement {
                id: "delivery-4",
                text: "Our financial performance is assessed in a robust, agreed way.",
                why: "Robust assessment of financial performance is what earns the freedom to hold real budgets.",
                source: Source {
                    seed_file: SMITH,
                    idea: "Devise and assure robust ways to assess financial performance.",
                },
            },
            Statement {
                id: "delivery-5",
                text: "We measure the health outcomes of the services we commission.",
                why: "Outcomes show whether changes made patients healthier, not only whether they saved money.",
                source: Source {
                    seed_file: SMITH,
                    idea: "Devise and assure robust ways to assess health outcomes.",
                },
            },
            Statement {
                id: "delivery-6",
                text: "We measure patients' experience of the services we commission.",
                why: "Patients' experience is the third test of a commissioning partnership, alongside money and outcomes.",
                source: Source {
                    seed_file: SMITH,
                    idea: "Devise and assure robust ways to assess patient experience.",
                },
            },
        ],
    },
];

/// One point on the maturity scale each statement is rated on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaturityLevel {
    pub level: u8,
    pub name: &'static str,
    pub descriptor: &'static str,
}

/// The highest maturity level on the scale (levels run 0..=MAX_LEVEL).
pub const MAX_LEVEL: u8 = 4;

/// Levels 0 to `MAX_LEVEL`, lowest first.
pub const MATURITY_LEVELS: [MaturityLevel; MAX_LEVEL as usize + 1] = [
    MaturityLevel {
        level: 0,
        name: "Not in place",
        descriptor: "This does not happen yet, or we have not started on it.",
    },
    MaturityLevel {
        level: 1,
        name: "Starting",
        descriptor:
            "We have made a start, but it is informal, patchy or rests on one or two people.",
    },
    MaturityLevel {
        level: 2,
        name: "Developing",
        descriptor: "It happens in some areas or some of the time, and we are building on it.",
    },
    MaturityLevel {
        level: 3,
        name: "Established",
        descriptor: "It happens reliably across the partnership and people expect it.",
    },
    MaturityLevel {
        level: 4,
        name: "Embedded",
        descriptor:
            "It is simply how we work: we review it, and it would survive a change of people.",
    },
];

/// Where the maturity scale comes from, for the About and results pages.
pub const MATURITY_SCALE_SOURCE: &str = "The five-point maturity scale (0 Not in place to 4 Embedded) is \
     this workbook's own. It is not taken from the articles or the Partnership Assessment Tool and has \
     not been validated: use it to see how your own partnership changes over time and where you and your \
     partner see things differently, not to compare organisations.";

/// The maturity level with this number, if it is on the scale.
pub fn maturity_level(level: u8) -> Option<&'static MaturityLevel> {
    MATURITY_LEVELS.iter().find(|m| m.level == level)
}

/// How important a domain is to the partnership now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportanceLevel {
    pub value: u8,
    pub name: &'static str,
    pub descriptor: &'static str,
}

/// The lowest and highest importance values.
pub const MIN_IMPORTANCE: u8 = 1;
pub const MAX_IMPORTANCE: u8 = 3;

/// Values 1 to 3, lowest first.
pub const IMPORTANCE_LEVELS: [ImportanceLevel; 3] = [
    ImportanceLevel {
        value: 1,
        name: "Low",
        descriptor: "Worth keeping an eye on, but not where we need to put effort now.",
    },
    ImportanceLevel {
        value: 2,
        name: "Medium",
        descriptor: "Matters to what we are trying to achieve this year.",
    },
    ImportanceLevel {
        value: 3,
        name: "High",
        descriptor: "Essential: our partnership's work depends on getting this right now.",
    },
];

/// The importance level with this value, if it is on the scale.
pub fn importance_level(value: u8) -> Option<&'static ImportanceLevel> {
    IMPORTANCE_LEVELS.iter().find(|i| i.value == value)
}

/// Where the idea of rating importance comes from.
pub const IMPORTANCE_SOURCE: &str = "Rating how important each area is, alongside how mature it is, follows \
     the self-assessment for the NHS Leadership Academy's Healthcare Leadership Model (2013), which asks \
     people to rate how important each leadership dimension is to their role as well as how they rate \
     themselves on it, and then compares the two. Here the same pairing is applied to the areas of \
     partnership readiness; the three-point scale is the workbook's own.";

/// Every statement's id with its domain's id, in framework order: all that
/// counting progress and finding where to resume needs. The home page does both,
/// and a table of ids alone keeps the framework's wording (reached only from the
/// pages that show it) out of the browser build's first download. A test checks
/// it against `DOMAINS`.
pub static STATEMENT_IDS: &[(&str, &str)] = &[
    ("power", "power-1"),
    ("power", "power-2"),
    ("power", "power-3"),
    ("power", "power-4"),
    ("power", "power-5"),
    ("aims", "aims-1"),
    ("aims", "aims-2"),
    ("aims", "aims-3"),
    ("aims", "aims-4"),
    ("aims", "aims-5"),
    ("leadership", "leadership-1"),
    ("leadership", "leadership-2"),
    ("leadership", "leadership-3"),
    ("leadership", "leadership-4"),
    ("leadership", "leadership-5"),
    ("leadership", "leadership-6"),
    ("support", "support-1"),
    ("support", "support-2"),
    ("support", "support-3"),
    ("support", "support-4"),
    ("support", "support-5"),
    ("support", "support-6"),
    ("resources", "resources-1"),
    ("resources", "resources-2"),
    ("resources", "resources-3"),
    ("resources", "resources-4"),
    ("resources", "resources-5"),
    ("trust", "trust-1"),
    ("trust", "trust-2"),
    ("trust", "trust-3"),
    ("trust", "trust-4"),
    ("trust", "trust-5"),
    ("structures", "structures-1"),
    ("structures", "structures-2"),
    ("structures", "structures-3"),
    ("structures", "structures-4"),
    ("structures", "structures-5"),
    ("delivery", "delivery-1"),
    ("delivery", "delivery-2"),
    ("delivery", "delivery-3"),
    ("delivery", "delivery-4"),
    ("delivery", "delivery-5"),
    ("delivery", "delivery-6"),
];

/// The domain with this id.
pub fn domain(id: &str) -> Option<&'static Domain> {
    DOMAINS.iter().find(|d| d.id == id)
}

/// The statement with this id, with the domain it belongs to.
pub fn statement(id: &str) -> Option<(&'static Domain, &'static Statement)> {
    all_statements().find(|(_, s)| s.id == id)
}

/// Every statement with its domain, in framework order.
pub fn all_statements() -> impl Iterator<Item = (&'static Domain, &'static Statement)> {
    DOMAINS
        .iter()
        .flat_map(|d| d.statements.iter().map(move |s| (d, s)))
}

/// How many statements the framework has.
pub fn statement_count() -> usize {
    DOMAINS.iter().map(|d| d.statements.len()).sum()
}

/// The domains that serve a principle, in framework order.
pub fn domains_serving(principle: PatPrinciple) -> impl Iterator<Item = &'static Domain> {
    DOMAINS
        .iter()
        .filter(move |d| d.principles.contains(&principle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_glossary_term_names_the_articles_that_use_it_and_a_source_for_today() {
        assert!(GLOSSARY.len() >= 5);
        for g in GLOSSARY {
            assert!(!g.used_in.is_empty(), "{} is used in an article", g.term);
            for (file, words) in g.used_in {
                assert!(
                    seed_article(file).is_some(),
                    "{}: {file} is a listed article",
                    g.term
                );
                assert!(!words.is_empty());
            }
            assert!(!g.today.is_empty() && !g.source.is_empty(), "{}", g.term);
        }
        // Today's terms the start form uses are explained.
        let all: String = GLOSSARY.iter().map(|g| g.today).collect();
        for today in [
            "integrated care boards (ICBs)",
            "primary care networks (PCNs",
            "place partnerships",
        ] {
            assert!(all.contains(today), "{today}");
        }
    }

    #[test]
    fn the_table_of_ids_lists_every_statement_in_order() {
        let from_domains: Vec<(&str, &str)> = all_statements().map(|(d, s)| (d.id, s.id)).collect();
        assert_eq!(STATEMENT_IDS, from_domains.as_slice());
    }

    #[test]
    fn domain_ids_are_unique_and_there_are_eight() {
        let ids: BTreeSet<_> = DOMAINS.iter().map(|d| d.id).collect();
        assert_eq!(ids.len(), DOMAINS.len());
        assert_eq!(DOMAINS.len(), 8);
    }

    #[test]
    fn statement_ids_are_unique_across_domains() {
        let ids: BTreeSet<_> = all_statements().map(|(_, s)| s.id).collect();
        assert_eq!(ids.len(), statement_count());
        assert_eq!(all_statements().count(), statement_count());
    }

    #[test]
    fn every_domain_has_four_to_six_statements_with_prefixed_ids() {
        for d in DOMAINS {
            assert!(
                (4..=6).contains(&d.statements.len()),
                "{} has {} statements",
                d.id,
                d.statements.len()
            );
            for s in d.statements {
                let prefix = format!("{}-", d.id);
                assert!(s.id.starts_with(&prefix), "{} not under {}", s.id, d.id);
                assert!(
                    s.id[prefix.len()..].parse::<u32>().is_ok(),
                    "{} should end in a number",
                    s.id
                );
            }
        }
    }

    #[test]
    fn every_source_is_a_complete_citation() {
        // Whether each file exists and is the article cited is checked by
        // `examples/check_sources.rs` in CI, where ../shared is present; a lone
        // clone has only this table.
        for a in SEED_ARTICLES {
            for text in [
                a.file,
                a.headline_in_text,
                a.author,
                a.title,
                a.published,
                a.publication,
                a.summary,
            ] {
                assert!(!text.trim().is_empty(), "{} has an empty field", a.file);
            }
        }
        assert_eq!(SEED_ARTICLES.len(), 5);
        for (_, s) in all_statements() {
            assert!(
                s.source.article().is_some(),
                "{} cites {}",
                s.id,
                s.source.seed_file
            );
        }
    }

    #[test]
    fn every_seed_article_is_cited_by_some_statement() {
        for a in SEED_ARTICLES {
            assert!(
                all_statements().any(|(_, s)| s.source.seed_file == a.file),
                "{} is never cited",
                a.file
            );
        }
    }

    #[test]
    fn statements_and_domains_have_text() {
        for d in DOMAINS {
            assert!(!d.title.trim().is_empty() && !d.summary.trim().is_empty());
            for s in d.statements {
                assert!(!s.text.trim().is_empty(), "{} text", s.id);
                assert!(!s.why.trim().is_empty(), "{} why", s.id);
                assert!(!s.source.idea.trim().is_empty(), "{} idea", s.id);
                assert!(s.text.ends_with('.'), "{} should be a sentence", s.id);
            }
        }
    }

    #[test]
    fn domains_and_principles_map_both_ways() {
        for d in DOMAINS {
            assert!(!d.principles.is_empty(), "{} serves no principle", d.id);
        }
        for p in PatPrinciple::ALL {
            assert!(
                domains_serving(p).next().is_some(),
                "no domain serves {}",
                p.title()
            );
        }
        let numbers: Vec<u8> = PatPrinciple::ALL.iter().map(|p| p.number()).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6]);
        assert!(PAT_CITATION.contains("2003"));
    }

    #[test]
    fn maturity_levels_run_from_zero_to_max_in_order() {
        assert_eq!(MATURITY_LEVELS.len(), usize::from(MAX_LEVEL) + 1);
        for (i, m) in MATURITY_LEVELS.iter().enumerate() {
            assert_eq!(usize::from(m.level), i);
            assert!(!m.name.is_empty() && !m.descriptor.is_empty());
        }
        assert_eq!(maturity_level(4).map(|m| m.name), Some("Embedded"));
        assert_eq!(maturity_level(5), None);
    }

    #[test]
    fn importance_levels_run_from_one_to_three() {
        let values: Vec<u8> = IMPORTANCE_LEVELS.iter().map(|i| i.value).collect();
        assert_eq!(values, vec![1, 2, 3]);
        assert_eq!(IMPORTANCE_LEVELS[0].value, MIN_IMPORTANCE);
        assert_eq!(IMPORTANCE_LEVELS[2].value, MAX_IMPORTANCE);
        assert!(importance_level(0).is_none());
        assert!(IMPORTANCE_SOURCE.contains("Healthcare Leadership Model"));
    }

    #[test]
    fn lookups_find_domains_and_statements() {
        assert_eq!(
            domain("trust").map(|d| d.title),
            Some("Trust and joint working")
        );
        assert!(domain("nope").is_none());
        let (d, s) = statement("power-1").expect("power-1 exists");
        assert_eq!(d.id, "power");
        assert_eq!(s.id, "power-1");
        assert!(statement("power-99").is_none());
        assert_eq!(all_statements().next().map(|(_, s)| s.id), Some("power-1"));
    }
}
