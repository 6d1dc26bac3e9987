//! No two files in `src/` import each other, directly or round a longer
//! circle: imports run one way (areas ← workbook ← sync and files ← ui), so
//! a file can be read, tested and changed knowing only what is below it.
//!
//! The check reads the source as text. Every path that names another module
//! (`crate::a::b::Item`, `super::x::Item`, `self::y`) in a `use` or in code is
//! an edge from this file to the file that holds the module the path reaches
//! (the longest prefix that is a file). A parent's `mod child;` is not an
//! edge (declaring is not importing), but a parent that re-exports or calls
//! its child depends on it, and a child that imports through its parent's
//! re-export then closes a circle: import from the file that holds the item.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module path (`["model", "document", "changes"]`) and the file that holds it.
struct Module {
    path: Vec<String>,
    file: PathBuf,
}

fn modules(root: &Path) -> Vec<Module> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(root).unwrap().with_extension("");
                let mut parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    parts.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    parts.pop();
                }
                found.push(Module {
                    path: parts,
                    file: path,
                });
            }
        }
    }
    found
}

/// The source with comments, string and character literals blanked out, so
/// a path in a doc comment or a message is not taken for an import.
fn code_only(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < bytes.len() {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'r' if bytes.get(i + 1) == Some(&b'#') || bytes.get(i + 1) == Some(&b'"') => {
                // A raw string r"…" or r#"…"#: skip to its closing quote and hashes.
                let mut j = i + 1;
                let mut hashes = 0;
                while bytes.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if bytes.get(j) != Some(&b'"') || (i > 0 && is_ident(bytes[i - 1])) {
                    out.push('r');
                    i += 1;
                    continue;
                }
                j += 1;
                let closing: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                while j < bytes.len() && !bytes[j..].starts_with(&closing) {
                    j += 1;
                }
                i = j + closing.len();
                out.push_str("\"\"");
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            b'\'' => {
                // A char literal ('a', '\n', '"') — not a lifetime ('a without a closing quote).
                let close = if bytes.get(i + 1) == Some(&b'\\') {
                    bytes[i + 2..]
                        .iter()
                        .position(|&b| b == b'\'')
                        .map(|p| i + 2 + p)
                } else {
                    let width = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                    (bytes.get(i + 1 + width) == Some(&b'\'')).then_some(i + 1 + width)
                };
                match close {
                    Some(end) => {
                        out.push_str("' '");
                        i = end + 1;
                    }
                    None => {
                        out.push('\'');
                        i += 1;
                    }
                }
            }
            _ => {
                let width = text[i..].chars().next().map_or(1, char::len_utf8);
                out.push_str(&text[i..i + width]);
                i += width;
            }
        }
    }
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Every path starting `crate::`, `super::` or `self::`, as its segments,
/// with the braces of a `use` group expanded (`a::{b, c::d}` gives `a::b`
/// and `a::c::d`; only the leading part matters for which file it reaches).
fn paths(code: &str) -> Vec<Vec<String>> {
    let tokens = tokenize(code);
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let starts = matches!(token.as_str(), "crate" | "super" | "self");
        let after_colons = i > 0 && tokens[i - 1] == "::";
        if !starts || after_colons || tokens.get(i + 1).map(String::as_str) != Some("::") {
            continue;
        }
        expand(&tokens, i, Vec::new(), &mut found);
    }
    found
}

/// Follows a path from `tokens[at]`, pushing each full path it names.
fn expand(
    tokens: &[String],
    mut at: usize,
    mut prefix: Vec<String>,
    found: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        match tokens.get(at).map(String::as_str) {
            Some("{") => {
                at += 1;
                loop {
                    at = expand(tokens, at, prefix.clone(), found);
                    match tokens.get(at).map(String::as_str) {
                        Some(",") => at += 1,
                        Some("}") => return at + 1,
                        _ => return at,
                    }
                    if tokens.get(at).map(String::as_str) == Some("}") {
                        return at + 1;
                    }
                }
            }
            Some(t) if t.bytes().all(is_ident) && !t.is_empty() => {
                prefix.push(t.to_string());
                at += 1;
                if tokens.get(at).map(String::as_str) == Some("::") {
                    at += 1;
                    continue;
                }
                found.push(prefix);
                return at;
            }
            _ => {
                if !prefix.is_empty() {
                    found.push(prefix);
                }
                return at;
            }
        }
    }
}

fn tokenize(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if is_ident(bytes[i]) {
            let start = i;
            while i < bytes.len() && is_ident(bytes[i]) {
                i += 1;
            }
            tokens.push(code[start..i].to_string());
        } else if bytes[i] == b':' && bytes.get(i + 1) == Some(&b':') {
            tokens.push("::".into());
            i += 2;
        } else if bytes[i].is_ascii_whitespace() {
            i += 1;
        } else {
            tokens.push((bytes[i] as char).to_string());
            i += 1;
        }
    }
    tokens
}

/// The file a path used in module `from` reaches: the longest prefix of the
/// absolute module path that is a file.
fn target<'a>(
    from: &[String],
    path: &[String],
    files: &'a BTreeMap<Vec<String>, PathBuf>,
) -> Option<&'a PathBuf> {
    let mut absolute: Vec<String> = Vec::new();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => rest = &path[1..],
        Some("self") | Some("super") => {
            absolute = from.to_vec();
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "self" => rest = &rest[1..],
                    "super" => {
                        absolute.pop();
                        rest = &rest[1..];
                    }
                    _ => break,
                }
            }
        }
        _ => return None,
    }
    absolute.extend(rest.iter().cloned());
    (0..=absolute.len())
        .rev()
        .find_map(|n| files.get(&absolute[..n]))
}

#[test]
fn no_file_in_src_imports_a_file_that_imports_it_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = modules(&root);
    let files: BTreeMap<Vec<String>, PathBuf> = modules
        .iter()
        .map(|m| (m.path.clone(), m.file.clone()))
        .collect();
    let name = |file: &Path| file.strip_prefix(&root).unwrap().display().to_string();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        let code = code_only(&fs::read_to_string(&module.file).unwrap());
        let from = name(&module.file);
        for path in paths(&code) {
            if let Some(to) = target(&module.path, &path, &files) {
                let to = name(to);
                // A file reaching its own parent module only for the parent's
                // own name (super::super) or itself is no import.
                if to != from {
                    edges.entry(from.clone()).or_default().insert(to);
                }
            }
        }
    }
    let circles = circles(&edges);
    assert!(
        circles.is_empty(),
        "imports between files in src/ must run one way; these go round in a circle:\n{}",
        circles
            .iter()
            .map(|c| format!("  {}", c.join(" → ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Each strongly connected group of more than one file, as one circle through it.
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Tarjan's algorithm, iteratively small enough to write plainly.
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        groups: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let edges = s.edges;
        for w in edges.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.groups.push(group);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        groups: Vec::new(),
    };
    for v in edges.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.groups
}

#[test]
fn the_reader_finds_paths_in_use_groups_and_code_but_not_in_comments_or_text() {
    let code = code_only(
        "use crate::a::{b::C, d};\n// crate::hidden::X\nlet s = \"crate::text::Y\";\nlet x = super::e::f(1);\nuse self::g::*;\n",
    );
    let found: Vec<String> = paths(&code).into_iter().map(|p| p.join("::")).collect();
    assert_eq!(
        found,
        ["crate::a::b::C", "crate::a::d", "super::e::f", "self::g"]
    );
}

#[test]
fn a_circle_of_three_files_is_found_and_a_one_way_chain_is_not() {
    let edges = |pairs: &[(&str, &str)]| {
        let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in pairs {
            map.entry(a.to_string()).or_default().insert(b.to_string());
        }
        map
    };
    assert_eq!(
        circles(&edges(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])),
        vec![vec!["a".to_string(), "b".into(), "c".into()]]
    );
    assert!(circles(&edges(&[("a", "b"), ("b", "c"), ("a", "c")])).is_empty());
}
