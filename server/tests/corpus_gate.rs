//! The corpus gate (issue 18): every real text in the tests has a reviewed
//! list of its true defects, `tests/corpus/defects.tsv`. Any other error or
//! warning on it is a false alarm and fails this test, which shows the
//! text's line; a listed defect that is no longer found fails it too.
//!
//! The texts: the shared fixtures (`tests/fixtures/*.txt`, `ga80/`,
//! `ga80-md/`), and the GA 80 corpus in both extractions
//! (`tests/corpus/ga80-pymupdf/`, `tests/corpus/ga80-md/`).
//!
//! After a reviewed change, `RESO_GATE_WRITE=1 cargo test --test corpus_gate`
//! rewrites the list; review its diff line by line (each line must be a
//! real defect of the text as it stands) before committing it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use reso::analysis::{analyze, line_col};
use reso::catalog::Catalog;
use reso::config::Config;
use reso::diagnostic::Severity;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The texts of the gate, as paths from the repository root.
fn texts() -> Vec<String> {
    let mut out = Vec::new();
    for dir in [
        "tests/fixtures",
        "tests/fixtures/ga80",
        "tests/fixtures/ga80-md",
        "tests/fixtures/compendium",
        "tests/corpus/ga80-pymupdf",
        "tests/corpus/ga80-md",
    ] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| format!("{dir}/{n}")));
    }
    assert!(
        out.len() >= 90,
        "the corpus is missing: {} texts",
        out.len()
    );
    out
}

/// `line\tcode\tmessage` of each error and warning of the text at `path`.
fn found(path: &str) -> Vec<String> {
    let src = std::fs::read_to_string(root().join(path)).expect("text");
    let a = analyze(&src, &Config::default(), Catalog::builtin());
    a.diagnostics
        .iter()
        .filter(|d| matches!(d.severity, Severity::Error | Severity::Warning))
        .map(|d| {
            let (line, _) = line_col(&src, d.range.start);
            format!("{line}\t{}\t{}", d.code, d.message)
        })
        .collect()
}

fn list_path() -> PathBuf {
    root().join("tests/corpus/defects.tsv")
}

/// The reviewed list: `path\tline\tcode\tmessage`, `#` lines are comments.
fn reviewed() -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(list_path()).unwrap_or_default();
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (path, rest) = l.split_once('\t').expect("path\\tline\\tcode\\tmessage");
        out.entry(path.to_string())
            .or_default()
            .push(rest.to_string());
    }
    out
}

fn line_of(path: &str, line: &str) -> String {
    let n: usize = line
        .split('\t')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let src = std::fs::read_to_string(root().join(path)).unwrap_or_default();
    let t = src.lines().nth(n.saturating_sub(1)).unwrap_or("");
    t.chars().take(160).collect()
}

#[test]
fn every_real_text_reads_with_no_false_alarm() {
    let texts = texts();
    if std::env::var_os("RESO_GATE_WRITE").is_some() {
        // The review notes (comment lines) stay.
        let old = std::fs::read_to_string(list_path()).unwrap_or_default();
        let mut out: String = old
            .lines()
            .filter(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        for path in &texts {
            for f in found(path) {
                out.push_str(&format!("{path}\t{f}\n"));
            }
        }
        std::fs::write(list_path(), out).expect("write the list");
        return;
    }
    let reviewed = reviewed();
    let mut failures = Vec::new();
    for path in &texts {
        let mut expected = reviewed.get(path).cloned().unwrap_or_default();
        let mut got = found(path);
        expected.sort();
        got.sort();
        for g in got.iter().filter(|g| !expected.contains(g)) {
            failures.push(format!(
                "false alarm  {path}:{g}\n    | {}",
                line_of(path, g)
            ));
        }
        for e in expected.iter().filter(|e| !got.contains(e)) {
            failures.push(format!("not found    {path}:{e}"));
        }
    }
    for path in reviewed.keys() {
        assert!(
            Path::new(&root().join(path)).exists(),
            "the list names a text that is gone: {path}"
        );
    }
    assert!(
        failures.is_empty(),
        "{} differences from tests/corpus/defects.tsv:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
