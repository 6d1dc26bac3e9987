//! CI's source check: every article the framework cites (`SEED_ARTICLES`) is a
//! file in the articles folder (by default `../shared/seeds`) that prints the
//! headline the citation names, and every statement cites one of them. Run by
//! `.ci/run` after the tests; a clone without `../shared` cannot run it.
//!
//! Usage: cargo run --example check_sources -- [articles folder]

use std::path::PathBuf;
use std::process::ExitCode;

use commissioning_workbook::model::agreement::clauses::{ClauseSource, CLAUSES};
use commissioning_workbook::model::assessment::framework::{
    all_statements, seed_article, GLOSSARY, SEED_ARTICLES,
};

/// Curly quotes and dashes as plain ones, spaces collapsed, so a headline
/// matches however the page typeset it.
fn plain(text: &str) -> String {
    text.replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2013}', '\u{2014}'], "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() -> ExitCode {
    let folder = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds")));
    let mut problems = Vec::new();
    for article in SEED_ARTICLES {
        let path = folder.join(article.file);
        match std::fs::read_to_string(&path) {
            Err(e) => problems.push(format!("{}: cannot read it ({e})", path.display())),
            Ok(text) if !plain(&text).contains(&plain(article.headline_in_text)) => {
                problems.push(format!(
                    "{}: does not contain the headline \"{}\" cited for \"{}\"",
                    path.display(),
                    article.headline_in_text,
                    article.title
                ))
            }
            Ok(_) => println!("ok  {}  \"{}\"", article.file, article.title),
        }
    }
    for (_, statement) in all_statements() {
        if statement.source.article().is_none() {
            problems.push(format!("statement {} cites no known article", statement.id));
        }
    }
    // The support agreement's clause library cites the same articles (or a
    // named public source, the Department of Health's 2009 vision).
    for clause in CLAUSES {
        for source in clause.sources {
            if let ClauseSource::Article(s) = source {
                if s.article().is_none() {
                    problems.push(format!(
                        "clause {} cites {}, not a listed article",
                        clause.id, s.seed_file
                    ));
                }
            }
        }
    }
    // The glossary's 2009 terms stay traceable: each article it says uses a
    // term prints it.
    for term in GLOSSARY {
        for (file, words) in term.used_in {
            let path = folder.join(file);
            let title = seed_article(file).map_or("(not a listed article)", |a| a.title);
            match std::fs::read_to_string(&path) {
                Ok(text) if plain(&text).contains(&plain(words)) => {
                    println!("ok  glossary \"{}\": \"{words}\" in \"{title}\"", term.term)
                }
                _ => problems.push(format!(
                    "glossary \"{}\": {} does not print \"{words}\"",
                    term.term,
                    path.display()
                )),
            }
        }
    }
    if problems.is_empty() {
        println!(
            "All {} cited articles are in {} and every statement and clause cites one.",
            SEED_ARTICLES.len(),
            folder.display()
        );
        ExitCode::SUCCESS
    } else {
        for p in &problems {
            eprintln!("FAIL {p}");
        }
        ExitCode::FAILURE
    }
}
