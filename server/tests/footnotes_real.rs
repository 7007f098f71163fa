//! Footnotes on real texts (SPEC sections 2, 9 and 10): every form of
//! reference and definition read as one sequence, in every extraction.
//! The seed's damaged references, the GA 80 texts in both extractions with
//! every footnote defined and referenced, and the two corpus folders with no
//! footnote diagnostic but the reviewed defects of the texts.

use std::path::Path;

use reso::analysis::{analyze, line_col, render_diagnostics, Analysis};
use reso::catalog::Catalog;
use reso::config::Config;
use reso::diagnostic::Code;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn run(src: &str) -> Analysis {
    analyze(src, &Config::default(), Catalog::builtin())
}

fn is_footnote(code: Code) -> bool {
    matches!(
        code,
        Code::FootnoteUndefined
            | Code::FootnoteUnused
            | Code::FootnoteDuplicate
            | Code::FootnoteOrder
            | Code::FootnoteRepeated
    )
}

/// The footnote diagnostics of `src`: line, code and the text they cover.
fn footnote_diagnostics(src: &str, a: &Analysis) -> Vec<(usize, Code, String)> {
    a.diagnostics
        .iter()
        .filter(|d| is_footnote(d.code))
        .map(|d| {
            (
                line_col(src, d.range.start).0,
                d.code,
                src[d.range.clone()].to_string(),
            )
        })
        .collect()
}

/// The distinct numbers defined and referenced.
fn defs_and_refs(a: &Analysis) -> (Vec<u32>, Vec<u32>) {
    let mut defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    let mut refs: Vec<u32> = a.doc.footnote_refs.iter().map(|r| r.number).collect();
    defs.sort();
    defs.dedup();
    refs.sort();
    refs.dedup();
    (defs, refs)
}

/// The text up to the end of the first reference to footnote `n`.
fn up_to_ref(src: &str, a: &Analysis, n: u32) -> String {
    let r = a.doc.footnote_refs.iter().find(|r| r.number == n);
    let r = r.unwrap_or_else(|| panic!("no reference to footnote {n}"));
    src[r.range.start.saturating_sub(60)..r.range.end].to_string()
}

#[test]
fn the_seed_keeps_its_damaged_references() {
    let src = read("tests/fixtures/A-RES-66-184.txt");
    let a = run(&src);
    assert_eq!(
        footnote_diagnostics(&src, &a),
        [
            (30, Code::FootnoteUnused, "5".into()),
            (81, Code::FootnoteUnused, "7".into()),
            (300, Code::FootnoteUnused, "9".into()),
            (316, Code::FootnoteUndefined, "21".into()),
            (341, Code::FootnoteUnused, "11".into()),
        ]
    );
    // The medium `outcome document, 6` after the damaged 5.
    assert!(up_to_ref(&src, &a, 6).ends_with("document, 6"));
}

const GA80: [(&str, u32); 5] = [
    ("A-RES-80-5.txt", 15),
    ("A-RES-80-6.txt", 10),
    ("A-RES-80-11.txt", 4),
    ("A-RES-80-14.txt", 5),
    ("A-RES-80-24.txt", 20),
];

/// SPEC section 10: all footnotes defined and referenced, no footnote
/// diagnostic, in both extractions.
#[test]
fn ga80_footnotes_in_both_extractions() {
    for folder in ["ga80", "ga80-md"] {
        for (name, footnotes) in GA80 {
            let name = format!("{folder}/{name}");
            let src = read(&format!("tests/fixtures/{name}"));
            let a = run(&src);
            let all: Vec<u32> = (1..=footnotes).collect();
            assert_eq!(defs_and_refs(&a), (all.clone(), all), "{name}");
            assert_eq!(
                a.doc.footnote_defs.len(),
                footnotes as usize,
                "{name}: one definition each"
            );
            let fd: Vec<_> = a
                .diagnostics
                .iter()
                .filter(|d| is_footnote(d.code))
                .cloned()
                .collect();
            assert!(fd.is_empty(), "{name}: {}", render_diagnostics(&src, &fd));
        }
    }
}

/// The references SPEC section 10 names, in both extractions.
#[test]
fn ga80_references_of_every_form() {
    for folder in ["ga80", "ga80-md"] {
        let src = read(&format!("tests/fixtures/{folder}/A-RES-80-6.txt"));
        let a = run(&src);
        assert!(up_to_ref(&src, &a, 1).ends_with("Criminal Court 1"));
        assert!(up_to_ref(&src, &a, 4).ends_with("2024/25; 4"));
        assert!(up_to_ref(&src, &a, 7).ends_with("Court, 7"));
        let src = read(&format!("tests/fixtures/{folder}/A-RES-80-11.txt"));
        let a = run(&src);
        assert!(
            up_to_ref(&src, &a, 2).ends_with("November 20242"),
            "{folder}"
        );
    }
    // The markdown conversion: `[^N]` next to the PDF's glued digits.
    let src = read("tests/fixtures/ga80-md/A-RES-80-24.txt");
    let a = run(&src);
    let forms: Vec<bool> = (a.doc.footnote_refs.iter())
        .map(|r| src[r.range.clone()].starts_with("[^"))
        .collect();
    assert!(forms.contains(&true) && forms.contains(&false), "{forms:?}");
    // A converter's wrapped footnote line `[^2013]: (S/INF/68).` continues
    // footnote 9.
    let src = read("tests/fixtures/ga80-md/A-RES-80-6.txt");
    let a = run(&src);
    let d9 = a.doc.footnote_defs.iter().find(|d| d.number == 9).unwrap();
    let text: Vec<&str> = d9.text.iter().map(|r| &src[r.clone()]).collect();
    assert_eq!(text.last().copied(), Some("[^2013]: (S/INF/68)."));
}

/// The footnote diagnostics each corpus text really deserves: a defect of
/// the text as extracted, reviewed by hand.
const CORPUS_DEFECTS: &[(&str, usize, Code, &str)] = &[
    // The converter made the name `P5` a reference: `Network of P[^5]
    // academics`, after footnote 13.
    (
        "ga80-md/A_RES_80_48.txt",
        96,
        Code::FootnoteRepeated,
        "[^5]",
    ),
];

/// Every text of the corpus in both extractions: no footnote diagnostic
/// but the reviewed ones (the line shown on failure).
#[test]
fn corpus_has_no_false_footnote_diagnostic() {
    let mut seen = Vec::new();
    let mut unexpected = Vec::new();
    for folder in ["ga80-md", "ga80-pymupdf"] {
        let dir = root().join("tests/corpus").join(folder);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        assert!(files.len() >= 30, "{}", dir.display());
        for path in files {
            let name = format!("{folder}/{}", path.file_name().unwrap().to_string_lossy());
            let src = std::fs::read_to_string(&path).unwrap();
            let a = run(&src);
            for (line, code, text) in footnote_diagnostics(&src, &a) {
                let known = CORPUS_DEFECTS
                    .iter()
                    .any(|&(f, l, c, t)| f == name && l == line && c == code && t == text);
                if known {
                    seen.push((name.clone(), line));
                } else {
                    let shown = src.lines().nth(line - 1).unwrap_or("");
                    unexpected.push(format!("{name}:{line}: {code:?} on `{text}`: {shown}"));
                }
            }
        }
    }
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
    assert_eq!(seen.len(), CORPUS_DEFECTS.len(), "{seen:?}");
}
