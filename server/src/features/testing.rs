//! Test helpers: real texts from `tests/fixtures/`, drafts with a `|`
//! cursor, and ranges rendered as the user sees them (`4:3-4:4`, lines and
//! columns from 1, columns in characters).

use std::ops::Range;
use std::path::PathBuf;

use crate::analysis::{analyze, Analysis};
use crate::catalog::Catalog;
use crate::config::Config;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// A fixture's text (`A-RES-66-184.txt`, `ga80/A-RES-80-6.txt`).
pub fn fixture(name: &str) -> String {
    let path = fixtures_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of every fixture and draft (`tests/fixtures/`, its `ga80/` and
/// `drafts/`), for checks that must hold on any real text.
pub fn every_text() -> Vec<String> {
    let mut out = Vec::new();
    for sub in ["", "ga80", "drafts"] {
        let dir = fixtures_dir().join(sub);
        for entry in std::fs::read_dir(&dir).expect("fixtures dir") {
            let path = entry.expect("dir entry").path();
            if path.extension().is_some_and(|e| e == "txt" || e == "reso") {
                out.push(std::fs::read_to_string(&path).expect("fixture"));
            }
        }
    }
    assert!(out.len() >= 10, "fixtures missing: {}", out.len());
    out
}

/// Every fixture, by name, in name order.
pub fn all_fixtures() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for sub in ["", "ga80"] {
        let dir = fixtures_dir().join(sub);
        for entry in std::fs::read_dir(&dir).expect("fixtures dir") {
            let path = entry.expect("dir entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let name = path.strip_prefix(fixtures_dir()).expect("prefix");
                let name = name.to_string_lossy().replace('\\', "/");
                out.push((name, std::fs::read_to_string(&path).expect("fixture")));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 10, "fixtures missing: {}", out.len());
    out
}

pub fn analysis(src: &str) -> Analysis {
    analyze(src, &Config::default(), Catalog::builtin())
}

/// A draft with one `|` marking the cursor: the text without it, and the
/// cursor's byte offset.
pub fn cursor(marked: &str) -> (String, usize) {
    let at = marked.find('|').expect("a | marks the cursor");
    (marked.replacen('|', "", 1), at)
}

/// The byte offset of the `nth` (from 0) occurrence of `needle`.
pub fn offset_of(src: &str, needle: &str, nth: usize) -> usize {
    src.match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} not in the text"))
        .0
}

/// `line:col` of a byte offset, both from 1, the column in characters.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// `4:3-4:4`.
pub fn render_range(src: &str, range: &Range<usize>) -> String {
    let (l1, c1) = line_col(src, range.start);
    let (l2, c2) = line_col(src, range.end);
    format!("{l1}:{c1}-{l2}:{c2}")
}

/// Edits as `4:3-4:4 "new"` lines, each with the text it replaces.
pub fn render_edits(src: &str, edits: &[crate::diagnostic::TextEdit]) -> String {
    edits
        .iter()
        .map(|e| {
            format!(
                "{} {:?} -> {:?}",
                render_range(src, &e.range),
                &src[e.range.clone()],
                e.new_text
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
