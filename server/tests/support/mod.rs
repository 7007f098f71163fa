//! Helpers shared by the integration tests: the fixtures, an analysis with
//! the default settings, how its diagnostics and footnotes print, and the fixed-seed
//! property-test runner. A test file takes them with `mod support;`
//! (`lsp_support` re-exports `fixture`).

#![allow(dead_code)] // each includer uses a part

use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use reso::analysis::{analyze, line_col, Analysis};
use reso::catalog::Catalog;
use reso::syntax::model::{BlockKind, MarkerKind};

/// The text of `tests/fixtures/<name>` at the repository root.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The extraction lab's text of `source` in page style `style` as
/// `extractor` reads it (`tests/extraction/out/<source>/<style>/<extractor>.txt`).
pub fn lab_text(source: &str, style: &str, extractor: &str) -> String {
    let path = format!(
        "{}/../tests/extraction/out/{source}/{style}/{extractor}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The lab's PDF page styles.
pub const PDF_STYLES: [&str; 5] = ["compact", "oneline", "sectiontop", "separate", "writer"];

/// The lab's PDF extractors.
pub const PDF_EXTRACTORS: [&str; 11] = [
    "pdfium",
    "pdfjs",
    "pdfjs-lines",
    "pdfminer",
    "pdfplumber",
    "pdftotext",
    "pdftotext-layout",
    "pymupdf",
    "pymupdf-blocks",
    "pymupdf4llm",
    "pypdf",
];

/// Asserts that every PDF reading of each of `sources` (every page style,
/// every extractor) gives no diagnostic, but the readings in `except`
/// (`(source, style, extractor)`).
pub fn assert_pdf_readings_clean(sources: &[&str], except: &[(&str, &str, &str)]) {
    for &source in sources {
        for style in PDF_STYLES {
            for extractor in PDF_EXTRACTORS {
                if except.contains(&(source, style, extractor)) {
                    continue;
                }
                let src = lab_text(source, style, extractor);
                let a = run(&src);
                assert_eq!(
                    diagnostics(&src, &a),
                    Vec::<String>::new(),
                    "{source}/{style}/{extractor}"
                );
            }
        }
    }
}

/// The names of the extraction lab's sources (`tests/extraction/sources`),
/// sorted.
pub fn lab_sources() -> Vec<String> {
    let dir = format!("{}/../tests/extraction/sources", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".txt")
                .map(String::from)
        })
        .collect();
    names.sort();
    names
}

/// The analysis of `src` with the default settings and the built-in
/// catalogue.
pub fn run(src: &str) -> Analysis {
    analyze(src, &reso::config::Config::default(), Catalog::builtin())
}

/// `line:col code message` of every diagnostic (1-based, as `reso check`
/// prints them).
pub fn diagnostics(src: &str, a: &Analysis) -> Vec<String> {
    a.diagnostics
        .iter()
        .map(|d| {
            let (l, c) = line_col(src, d.range.start);
            format!("{l}:{c} {} {}", d.code, d.message)
        })
        .collect()
}

/// Every footnote's number and its text's lines, trimmed and joined by
/// one space.
pub fn notes(src: &str, a: &Analysis) -> Vec<(u32, String)> {
    (a.doc.footnote_defs.iter())
        .map(|d| {
            let text: Vec<&str> = (d.text.iter())
                .map(|r| src[r.clone()].trim())
                .filter(|t| !t.is_empty())
                .collect();
            (d.number, text.join(" "))
        })
        .collect()
}

/// Each operative paragraph's number and the first words of its text (as
/// many as `words`), in the order of the blocks.
pub fn numbered(src: &str, a: &Analysis, words: usize) -> Vec<(u32, String)> {
    (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Operative)
        .filter_map(|b| {
            let n = match b.marker.as_deref().map(|m| &m.kind) {
                Some(MarkerKind::Number { n, .. }) => *n,
                _ => return None,
            };
            let text: Vec<&str> = (b.lines.iter())
                .flat_map(|r| src[b.text_start(&r)..r.end].split_whitespace())
                .filter(|w| *w != format!("{n}.").as_str())
                .take(words)
                .collect();
            Some((n, text.join(" ")))
        })
        .collect()
}

/// The trimmed lines of the paragraph whose text starts with `start`.
pub fn paragraph_lines<'a>(src: &'a str, a: &Analysis, start: &str) -> Vec<&'a str> {
    let b = (a.doc.blocks.iter())
        .find(|b| {
            b.kind.is_paragraph()
                && (b.lines.iter()).any(|r| src[b.text_start(&r)..r.end].trim().starts_with(start))
        })
        .unwrap_or_else(|| panic!("no paragraph starts with {start:?}"));
    (b.lines.iter())
        .map(|r| src[r].trim())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A property-test runner with a fixed seed and no failure files: `cases`
/// cases, or `RESO_PROP_CASES` when set.
pub fn runner(cases: u32, seed: u8) -> TestRunner {
    let cases = std::env::var("RESO_PROP_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(
        config,
        TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]),
    )
}
