//! The one sourced list of leadership capabilities the app uses: the
//! Medical Leadership Competency Framework's five domains and twenty elements,
//! and the leadership skills Dr Johnny Marshall's article names, each mapped
//! onto the elements it draws on. Plan goals name an element; the coverage view
//! reads this table. Content as data: ids are stable, wording is our own
//! summary, and every entry says where it comes from. Imports nothing.

/// Where the framework comes from.
pub const MLCF_CITATION: &str = "Medical Leadership Competency Framework, 3rd edition (Academy of \
     Medical Royal Colleges and NHS Institute for Innovation and Improvement, 2010).";

/// The version of this list; raise it if an id's meaning changes.
pub const CAPABILITIES_VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeadershipDomain {
    pub id: &'static str,
    pub title: &'static str,
    pub elements: &'static [Element],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Element {
    /// Stable id, e.g. `improving-evaluating`; goals store it.
    pub id: &'static str,
    pub title: &'static str,
}

const fn el(id: &'static str, title: &'static str) -> Element {
    Element { id, title }
}

/// The five MLCF domains with their four elements each.
pub const DOMAINS: [LeadershipDomain; 5] = [
    LeadershipDomain {
        id: "personal",
        title: "Demonstrating personal qualities",
        elements: &[
            el("personal-self-awareness", "Developing self-awareness"),
            el("personal-managing-yourself", "Managing yourself"),
            el("personal-development", "Continuing personal development"),
            el("personal-integrity", "Acting with integrity"),
        ],
    },
    LeadershipDomain {
        id: "others",
        title: "Working with others",
        elements: &[
            el("others-networks", "Developing networks"),
            el(
                "others-relationships",
                "Building and maintaining relationships",
            ),
            el("others-contribution", "Encouraging contribution"),
            el("others-teams", "Working within teams"),
        ],
    },
    LeadershipDomain {
        id: "managing",
        title: "Managing services",
        elements: &[
            el("managing-planning", "Planning"),
            el("managing-resources", "Managing resources"),
            el("managing-people", "Managing people"),
            el("managing-performance", "Managing performance"),
        ],
    },
    LeadershipDomain {
        id: "improving",
        title: "Improving services",
        elements: &[
            el("improving-safety", "Ensuring patient safety"),
            el("improving-evaluating", "Critically evaluating"),
            el(
                "improving-innovation",
                "Encouraging improvement and innovation",
            ),
            el("improving-transformation", "Facilitating transformation"),
        ],
    },
    LeadershipDomain {
        id: "direction",
        title: "Setting direction",
        elements: &[
            el("direction-contexts", "Identifying the contexts for change"),
            el("direction-evidence", "Applying knowledge and evidence"),
            el("direction-decisions", "Making decisions"),
            el("direction-impact", "Evaluating impact"),
        ],
    },
];

/// A leadership skill named in the source article, and the MLCF elements it draws on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArticleSkill {
    pub id: &'static str,
    pub title: &'static str,
    /// The article (by its file under ../shared/seeds/, see assessment::framework::SEED_ARTICLES).
    pub source_file: &'static str,
    pub elements: &'static [&'static str],
}

/// The skills Dr Johnny Marshall's "We're engaged – now what?" says a good
/// clinical leader in commissioning needs, mapped (by us) onto MLCF elements.
pub const ARTICLE_SKILLS: [ArticleSkill; 6] = [
    ArticleSkill {
        id: "commissioning",
        title: "Commissioning",
        source_file: "000_6895a999c6988347.txt",
        elements: &[
            "managing-planning",
            "managing-resources",
            "direction-decisions",
        ],
    },
    ArticleSkill {
        id: "winning-trust",
        title: "Winning the trust of those who hand over power and influence",
        source_file: "000_6895a999c6988347.txt",
        elements: &["others-relationships", "personal-integrity"],
    },
    ArticleSkill {
        id: "changing-practice",
        title: "Getting people to change how they work",
        source_file: "000_6895a999c6988347.txt",
        elements: &["improving-transformation", "others-contribution"],
    },
    ArticleSkill {
        id: "redesign-expertise",
        title: "Expert knowledge to support service redesign",
        source_file: "000_6895a999c6988347.txt",
        elements: &["direction-evidence", "improving-innovation"],
    },
    ArticleSkill {
        id: "audit-improve",
        title: "Auditing, monitoring and constantly improving services",
        source_file: "000_6895a999c6988347.txt",
        elements: &[
            "improving-evaluating",
            "managing-performance",
            "direction-impact",
        ],
    },
    ArticleSkill {
        id: "education",
        title: "Education and training",
        source_file: "000_6895a999c6988347.txt",
        elements: &["personal-development", "managing-people"],
    },
];

/// The element with this id and the domain it belongs to.
pub fn element(id: &str) -> Option<(&'static LeadershipDomain, &'static Element)> {
    DOMAINS
        .iter()
        .find_map(|d| d.elements.iter().find(|e| e.id == id).map(|e| (d, e)))
}

/// An element's name with its domain, e.g. "Critically evaluating (Improving services)".
pub fn label(id: &str) -> Option<String> {
    element(id).map(|(d, e)| format!("{} ({})", e.title, d.title))
}

/// The article skills that draw on an element.
pub fn skills_for(element_id: &str) -> impl Iterator<Item = &'static ArticleSkill> + '_ {
    ARTICLE_SKILLS
        .iter()
        .filter(move |s| s.elements.contains(&element_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn five_domains_of_four_elements_with_unique_ids() {
        assert_eq!(DOMAINS.len(), 5);
        let mut ids = BTreeSet::new();
        for d in DOMAINS {
            assert_eq!(d.elements.len(), 4, "{}", d.title);
            for e in d.elements {
                assert!(e.id.starts_with(d.id), "{} under {}", e.id, d.id);
                assert!(ids.insert(e.id), "duplicate {}", e.id);
            }
        }
        assert_eq!(ids.len(), 20);
    }

    #[test]
    fn every_article_skill_maps_onto_real_elements_from_the_article() {
        for s in ARTICLE_SKILLS {
            assert_eq!(s.source_file, "000_6895a999c6988347.txt");
            assert!(!s.elements.is_empty());
            for e in s.elements {
                assert!(element(e).is_some(), "{} maps to unknown {e}", s.id);
            }
        }
        assert_eq!(
            element("improving-evaluating").unwrap().0.title,
            "Improving services"
        );
        let skills: Vec<&str> = skills_for("improving-evaluating").map(|s| s.id).collect();
        assert_eq!(skills, vec!["audit-improve"]);
        assert!(element("nope").is_none());
    }
}

#[cfg(test)]
mod source_tests {
    use super::*;
    use crate::model::assessment::framework::seed_article;
    use crate::model::plan::Support;

    #[test]
    fn every_skill_and_kind_of_support_cites_a_known_article() {
        for s in ARTICLE_SKILLS {
            assert!(seed_article(s.source_file).is_some(), "{}", s.id);
        }
        for s in Support::ALL {
            assert!(seed_article(s.source().0).is_some(), "{}", s.key());
        }
    }
}
