//! The layers of the crate, read from its sources.
//!
//! Each top-level module sits in a layer ([`LAYERS`], bottom first) and may
//! import only its own layer and the layers below it; no two modules import
//! each other, directly or round a longer circle; and the core knows no LSP
//! type (only `server/src/lsp/` speaks the protocol, so the CLI and the server
//! share the core and it is tested without a client). Inside `lsp/` the same
//! holds for its own layers ([`LSP_LAYERS`]).
//!
//! An import is any `crate::`, `super::` or `self::` path, and any `use` of a
//! child module, outside comments, string literals and `#[cfg(test)]` items
//! (test code may reach any layer for its fixtures). `use` groups are
//! expanded, over several lines too. `scripts/module_graph.py` prints the
//! same graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Bottom first. A module may import its own layer and those below.
const LAYERS: &[&[&str]] = &[
    // Offsets, line index, rope, position encodings.
    &["text"],
    // UN documents: organs, symbols, sessions, dates.
    &["un"],
    // The draft language: model, vocabulary, parser.
    &["syntax"],
    // The offline catalogue of resolutions.
    &["catalog"],
    // Diagnostics as plain data (codes, severities, ranges).
    &["diagnostic"],
    // Settings (`reso.toml`, editor): severities per code, organ, catalogue paths.
    &["config"],
    // Citations recognised in a draft.
    &["citations"],
    &["checks"],
    &["analysis"],
    // Editor features on an analysis, in byte offsets.
    &["features"],
    // The language server: the protocol, positions, documents.
    &["lsp"],
    // The command line (`reso check`, `reso lsp`, `reso catalog`).
    &["cli"],
];

/// The layers inside `lsp/`, bottom first (modules one level below `lsp`;
/// `lsp` itself, its `mod.rs`, wires them and may import all).
const LSP_LAYERS: &[&[&str]] = &[
    // Protocol conversion and process details: no server state.
    &["to_proto", "from_proto", "memory", "panics", "options"],
    // Framing, messages, panic containment: no handler, no state.
    &["transport"],
    // A document's diagnostics as published, its analysed snapshot.
    &["published"],
    &["snapshot"],
    // The open documents' citations, across documents.
    &["workspace"],
    // Documents, settings, analysis scheduling.
    &["state"],
    // Requests and notifications, and the capabilities they announce.
    &["handlers"],
    // The `LanguageServer` impl: one-line delegations to the handlers.
    &["server"],
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") && !is_test_module(&p) {
            out.push(p);
        }
    }
}

/// A `tests.rs` that its parent declares as `#[cfg(test)] mod tests;`: test
/// code, which may reach any layer for its fixtures.
fn is_test_module(p: &Path) -> bool {
    if p.file_name().is_none_or(|n| n != "tests.rs") {
        return false;
    }
    let dir = p.parent().expect("a folder");
    let parent = [dir.join("mod.rs"), dir.with_extension("rs")]
        .into_iter()
        .find(|f| f.exists());
    parent.is_some_and(|f| {
        std::fs::read_to_string(f)
            .unwrap_or_default()
            .contains("#[cfg(test)]\nmod tests;")
    })
}

/// `(path relative to src, text)` of every source file.
fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let rel = f
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&f).unwrap())
        })
        .collect()
}

/// Blanks out comments and the contents of string and char literals, so that
/// what remains is code (the byte offsets stay).
fn clean(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, r: std::ops::Range<usize>| {
        for c in &mut out[r] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let n = b.len();
    let mut i = 0;
    while i < n {
        if b[i..].starts_with(b"//") {
            let j = memchr(b'\n', &b[i..]).map_or(n, |k| i + k);
            blank(&mut out, i..j);
            i = j;
        } else if b[i..].starts_with(b"/*") {
            let (mut depth, mut j) = (1, i + 2);
            while j < n && depth > 0 {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i..j);
            i = j;
        } else if b[i] == b'r' && (i == 0 || !ident(b[i - 1])) && {
            let h = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            b.get(i + 1 + h) == Some(&b'"')
        } {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            let start = i + 2 + hashes;
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let j = b[start..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(n, |k| start + k + close.len());
            blank(&mut out, start..j.saturating_sub(close.len()).max(start));
            i = j;
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < n && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i + 1..j.min(n));
            i = j + 1;
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '\u{..}', 'é'), not a lifetime.
            let end = if b.get(i + 1) == Some(&b'\\') {
                memchr(b'\'', &b[i + 2..]).map(|k| i + 2 + k)
            } else {
                let ch_len = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (b.get(i + 1 + ch_len) == Some(&b'\'')).then_some(i + 1 + ch_len)
            };
            match end {
                Some(e) => {
                    blank(&mut out, i + 1..e);
                    i = e + 1;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn memchr(c: u8, b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == c)
}

/// The index after the brace group that opens at `b[open]`.
fn matching(b: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    for (j, &c) in b.iter().enumerate().skip(open) {
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return j + 1;
                }
            }
            _ => {}
        }
    }
    b.len()
}

/// Blanks out the `#[cfg(test)]` items of cleaned code; returns the names
/// of the `mod x;` files so cut off (test-only files).
fn strip_tests(code: &mut String) -> Vec<String> {
    let mut test_mods = Vec::new();
    while let Some(at) = code.find("#[cfg(test)]") {
        let b = code.as_bytes();
        let mut j = at + "#[cfg(test)]".len();
        // Further attributes.
        loop {
            let k = j + b[j..]
                .iter()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
            if b[k..].starts_with(b"#[") {
                j = k + memchr(b']', &b[k..]).map_or(b.len() - k, |e| e + 1);
            } else {
                break;
            }
        }
        let semi = memchr(b';', &b[j..]).map(|k| j + k);
        let brace = memchr(b'{', &b[j..]).map(|k| j + k);
        let end = match (semi, brace) {
            (Some(s), br) if br.is_none_or(|br| s < br) => {
                let words: Vec<&str> = code[j..s].split_whitespace().collect();
                if let [.., "mod", name] = words.as_slice() {
                    test_mods.push(name.to_string());
                }
                s + 1
            }
            (_, Some(br)) => matching(b, br),
            _ => b.len(),
        };
        let blanked: String = code[at..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        code.replace_range(at..end, &blanked);
    }
    test_mods
}

/// The paths that start at `s` (just after `crate::`, `super::` ...), with
/// `{a, b::{c, d}}` groups expanded.
fn paths_at(s: &str) -> Vec<Vec<String>> {
    let t = s.trim_start();
    if let Some(rest) = t.strip_prefix('{') {
        let inner = &rest[..matching(t.as_bytes(), 0) - 2];
        let mut out = Vec::new();
        let (mut depth, mut start) = (0i32, 0);
        let inner_b = inner.as_bytes();
        for k in 0..=inner.len() {
            let c = inner_b.get(k).copied().unwrap_or(b',');
            match c {
                b'{' | b'(' => depth += 1,
                b'}' | b')' => depth -= 1,
                b',' if depth == 0 => {
                    let item = inner[start..k].trim();
                    start = k + 1;
                    if !item.is_empty() {
                        out.extend(paths_at(item));
                    }
                }
                _ => {}
            }
        }
        return out;
    }
    let head: String = t
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if head.is_empty() {
        return Vec::new();
    }
    let after = t[head.len()..].trim_start();
    match after.strip_prefix("::") {
        Some(rest) => {
            let tails = paths_at(rest);
            if tails.is_empty() {
                vec![vec![head]]
            } else {
                tails
                    .into_iter()
                    .map(|mut p| {
                        p.insert(0, head.clone());
                        p
                    })
                    .collect()
            }
        }
        None => vec![vec![head]],
    }
}

/// The module path of a file (`lsp/handlers/mod.rs` is `lsp::handlers`);
/// `None` for the binary's `main.rs`.
fn module_of(rel: &str) -> Option<Vec<String>> {
    let mut parts: Vec<String> = rel
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    (parts != ["main"]).then_some(parts)
}

/// The full path of `kw::p` written in module `here` (`super::super::x` in
/// `a::b::c` is `a::x`).
fn resolve(here: &[String], kw: &str, p: &[String]) -> Vec<String> {
    match kw {
        "crate" => p.to_vec(),
        "self" => here.iter().chain(p).cloned().collect(),
        _ => {
            let mut up = here[..here.len() - 1].to_vec();
            let mut q = p;
            while q.first().is_some_and(|s| s == "super") {
                up.pop();
                q = &q[1..];
            }
            up.into_iter().chain(q.iter().cloned()).collect()
        }
    }
}

/// Every import of every non-test file: (importing module, imported module),
/// modules given in full (`lsp::handlers::hover` -> `features::hover`).
fn imports() -> Vec<(Vec<String>, Vec<String>)> {
    let files = sources();
    assert!(files.len() > 20, "found only {} files", files.len());
    let modules: BTreeSet<Vec<String>> = files.iter().filter_map(|(r, _)| module_of(r)).collect();
    let mut test_only: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut out = Vec::new();
    for (rel, text) in &files {
        let Some(here) = module_of(rel) else { continue };
        if here.is_empty() || (1..=here.len()).any(|k| test_only.contains(&here[..k])) {
            continue;
        }
        let mut code = clean(text);
        for m in strip_tests(&mut code) {
            let mut p = here.clone();
            p.push(m);
            test_only.insert(p);
        }
        let b = code.as_bytes();
        let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c == b':';
        let mut found: Vec<Vec<String>> = Vec::new();
        for kw in ["crate", "super", "self"] {
            for (at, _) in code.match_indices(kw) {
                let before_ok = at == 0 || !ident(b[at - 1]);
                let rest = code[at + kw.len()..].trim_start();
                if !before_ok || !rest.starts_with("::") {
                    continue;
                }
                for p in paths_at(&rest[2..]) {
                    found.push(resolve(&here, kw, &p));
                }
            }
        }
        // `use child::...` of a module declared in this file.
        for (at, _) in code.match_indices("use ") {
            if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_') {
                continue;
            }
            let rest = &code[at + 4..];
            let first: String = rest
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if matches!(first.as_str(), "crate" | "super" | "self" | "") {
                continue;
            }
            for p in paths_at(rest) {
                found.push(here.iter().cloned().chain(p).collect());
            }
        }
        for full in found {
            // The longest prefix that is a module.
            let target = (1..=full.len())
                .map(|k| full[..k].to_vec())
                .rfind(|p| modules.contains(p));
            if let Some(t) = target {
                if t != here {
                    out.push((here.clone(), t));
                }
            }
        }
    }
    out
}

/// The layers inside `syntax/`, bottom first: the model is what the text
/// says, and holds nothing of the parser (its re-parse state, the
/// `ParseCache`, lives beside a document, not in it).
const SYNTAX_LAYERS: &[&[&str]] = &[
    &["model"],
    &["vocabulary", "outline"],
    // The reading text breaks a line before an opener a converter joined
    // onto the paragraph before it: markup knows the openers.
    &["markup"],
    &["parser"],
];

fn layer_of(table: &[&[&str]], module: &str) -> Option<usize> {
    table.iter().position(|l| l.contains(&module))
}

/// The edges between modules at `depth` under `prefix`, deduplicated.
fn graph(prefix: &[&str], depth: usize) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let under =
        |m: &Vec<String>| m.len() > prefix.len() && m.iter().zip(prefix).all(|(a, b)| a == b);
    for (from, to) in imports() {
        if !under(&from) || !under(&to) {
            continue;
        }
        let (a, b) = (
            from[prefix.len()..depth].join("::"),
            to[prefix.len()..depth].join("::"),
        );
        if !a.is_empty() && !b.is_empty() && a != b && from.len() >= depth && to.len() >= depth {
            g.entry(a).or_default().insert(b);
        }
    }
    g
}

/// Each edge of `g` goes to the same layer or below.
fn upward(g: &BTreeMap<String, BTreeSet<String>>, table: &[&[&str]]) -> Vec<String> {
    let mut bad = Vec::new();
    for (a, bs) in g {
        for b in bs {
            match (layer_of(table, a), layer_of(table, b)) {
                (Some(la), Some(lb)) if lb <= la => {}
                (Some(_), Some(_)) => bad.push(format!("{a} -> {b} (upward)")),
                (None, _) => bad.push(format!("{a} is in no layer")),
                (_, None) => bad.push(format!("{b} is in no layer")),
            }
        }
    }
    bad
}

/// A circle in `g`, if any, as `a -> b -> ... -> a`.
fn cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    fn visit<'a>(
        n: &'a str,
        g: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
    ) -> Option<String> {
        match state.get(n) {
            Some(2) => return None,
            Some(1) => {
                let from = stack.iter().position(|s| *s == n).unwrap();
                let mut c: Vec<&str> = stack[from..].to_vec();
                c.push(n);
                return Some(c.join(" -> "));
            }
            _ => {}
        }
        state.insert(n, 1);
        stack.push(n);
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(n, 2);
        None
    }
    let mut state = BTreeMap::new();
    g.keys()
        .find_map(|n| visit(n, g, &mut state, &mut Vec::new()))
}

#[test]
fn every_module_imports_only_its_layer_and_below() {
    let g = graph(&[], 1);
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for e in std::fs::read_dir(&src).unwrap().flatten() {
        let name = e
            .file_name()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if !matches!(name.as_str(), "lib" | "main") {
            assert!(
                layer_of(LAYERS, &name).is_some(),
                "module {name} is in no layer"
            );
        }
    }
    let bad = upward(&g, LAYERS);
    assert!(
        bad.is_empty(),
        "imports against the layers: {bad:#?}\ngraph: {g:#?}"
    );
    assert!(
        g.get("syntax").is_some_and(|d| d.contains("un"))
            && g.get("cli").is_some_and(|d| d.contains("lsp")),
        "the reader found too few imports: {g:#?}"
    );
}

#[test]
fn no_two_modules_import_each_other() {
    let g = graph(&[], 1);
    assert_eq!(cycle(&g), None, "graph: {g:#?}");
}

/// The modules one level under `src/<module>` and the imports between them:
/// each module is in a layer of `table` and imports only its layer and
/// below. Returns the graph.
fn assert_layered(module: &str, table: &[&[&str]]) -> BTreeMap<String, BTreeSet<String>> {
    let g = graph(&[module], 2);
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(module);
    for e in std::fs::read_dir(&src).unwrap().flatten() {
        let name = e
            .file_name()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if name != "mod" {
            assert!(
                layer_of(table, &name).is_some(),
                "{module}::{name} is in no layer"
            );
        }
    }
    let bad = upward(&g, table);
    assert!(
        bad.is_empty(),
        "imports against the {module} layers: {bad:#?}\ngraph: {g:#?}"
    );
    g
}

#[test]
fn the_lsp_layer_is_in_layers() {
    let g = assert_layered("lsp", LSP_LAYERS);
    // Nothing below `lsp` imports through its `mod.rs` (whose re-exports
    // would hide the edges above).
    let through_root: Vec<String> = imports()
        .into_iter()
        .filter(|(from, to)| from.len() > 1 && from[0] == "lsp" && to == &["lsp"])
        .map(|(from, _)| from.join("::"))
        .collect();
    assert!(
        through_root.is_empty(),
        "imports through lsp/mod.rs: {through_root:?}"
    );
    assert_eq!(cycle(&g), None, "graph: {g:#?}");
}

#[test]
fn the_model_holds_nothing_of_the_parser() {
    let g = assert_layered("syntax", SYNTAX_LAYERS);
    assert!(
        g.get("parser").is_some_and(|d| d.contains("model")),
        "the reader found too few imports: {g:#?}"
    );
}

/// The reader itself: groups over several lines, `super::` resolved, test
/// code and comments left out, so that the tests above can fail.
#[test]
fn the_reader_sees_what_the_compiler_sees() {
    let mut code = clean(
        "use crate::{\n    a::{b, c::D},\n    e,\n};\n// use crate::zz;\nlet s = \"crate::yy\";\nlet c = '{';\n#[cfg(test)]\nmod tests {\n    use crate::ww;\n}\n#[cfg(test)]\nmod fixtures;\nfn f() { super::super::v::x(); }\n",
    );
    assert_eq!(strip_tests(&mut code), ["fixtures"]);
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        found.extend(paths_at(&code[at + 7..]));
    }
    let found: Vec<String> = found.iter().map(|p| p.join("::")).collect();
    assert_eq!(found, ["a::b", "a::c::D", "e"]);
    let at = code.find("super::").unwrap();
    let p = &paths_at(&code[at + 7..])[0];
    let here: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
    assert_eq!(resolve(&here, "super", p).join("::"), "a::v::x");
    assert_eq!(
        module_of("lsp/handlers/mod.rs").unwrap().join("::"),
        "lsp::handlers"
    );
    assert_eq!(
        cycle(&BTreeMap::from([
            ("a".to_string(), BTreeSet::from(["b".to_string()])),
            ("b".to_string(), BTreeSet::from(["a".to_string()])),
        ])),
        Some("a -> b -> a".to_string())
    );
}

#[test]
fn only_the_lsp_layer_imports_lsp_types() {
    let mut offenders = Vec::new();
    for (rel, text) in sources() {
        if rel.starts_with("lsp/") {
            continue;
        }
        if text.contains("tower_lsp") || text.contains("lsp_types") {
            offenders.push(rel);
        }
    }
    assert!(
        offenders.is_empty(),
        "LSP types outside server/src/lsp/: {offenders:#?}"
    );
}
