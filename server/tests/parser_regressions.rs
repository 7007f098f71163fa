//! Regressions from the layout-invariance property (`prop_layout.rs`): each
//! finding F1..F7 it made is a minimal text in
//! `tests/fixtures/regressions/`, named after the finding, and a test here
//! asserts the reading the finding expected: the blocks (kind and lines), the
//! footnote references and the diagnostics. docs/ARCHITECTURE.md tells the
//! story of these findings.
//!
//! A reading is written one block a line, blank lines left out:
//! `first-last Kind text` (lines 1-based, as `reso check` prints them, and
//! the block's text with its lines joined by one space).

mod support;

use reso::analysis::{line_col, Analysis};
use reso::syntax::{BlockKind, Layout};
use support::{diagnostics, run};

fn regression(name: &str) -> String {
    let path = format!(
        "{}/../tests/fixtures/regressions/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `first-last Kind text` for every block but blank lines.
fn reading(src: &str, a: &Analysis) -> Vec<String> {
    a.doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind != BlockKind::Blank)
        .map(|(i, b)| {
            let span = b.span();
            let (first, _) = line_col(src, span.start);
            let (last, _) = line_col(src, span.end);
            format!("{first}-{last} {:?} {}", b.kind, a.doc.block_text(src, i))
        })
        .collect()
}

/// The block kinds alone, blank lines left out.
fn kinds(a: &Analysis) -> Vec<BlockKind> {
    a.doc
        .blocks
        .iter()
        .map(|b| b.kind)
        .filter(|k| *k != BlockKind::Blank)
        .collect()
}

/// The same text in the blank-line layout: each line's one-space indent
/// removed and a blank line after every line (what the indented layout means
/// by "each paragraph starts with an indented first line").
fn as_blank_line_layout(src: &str) -> String {
    src.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n"
}

/// F1: a line that ends with a multi-byte character and digits (`6–12`, a
/// date range wrapped by PDF extraction) made the parser panic. The
/// paragraph reads across the break, and nothing is reported.
#[test]
fn f1_a_line_ending_in_an_en_dash_and_digits_is_read() {
    let src = regression("F1-en-dash-digits-line-end.txt");
    let a = run(&src);
    assert_eq!(
        reading(&src, &a),
        [
            "1-1 Chapeau The General Assembly,",
            "3-4 Preambular Recalling the World Summit for Social Development, held in \
             Copenhagen from 6–12 March 1995,",
            "6-6 Operative 1. Decides to remain seized of the matter.",
        ]
    );
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    // Every multi-byte character before the digits, not only the en dash.
    for end in ["—12", "”12", "€3", "²1"] {
        let text = src.replace("6–12", end);
        let a = run(&text);
        assert_eq!(kinds(&a).len(), 3, "{end}: {:?}", reading(&text, &a));
    }
}

/// F2: whether a bare number is a footnote reference must not depend on
/// where the page put an earlier footnote block. In both texts `outcome
/// document, 4` is reference 4 (footnote 3's reference was damaged: `>`),
/// and only footnote 3 is unused.
#[test]
fn f2_a_bare_reference_does_not_depend_on_where_footnote_blocks_sit() {
    for name in [
        "F2-footnote-block-between-paragraphs.txt",
        "F2-footnote-block-after-paragraphs.txt",
    ] {
        let src = regression(name);
        let a = run(&src);
        let refs: Vec<(u32, String)> = a
            .doc
            .footnote_refs
            .iter()
            .map(|r| (r.number, src[r.range.clone()].to_string()))
            .collect();
        assert_eq!(
            refs,
            [
                (1, "1".to_string()),
                (2, "2".to_string()),
                (4, "4".to_string())
            ],
            "{name}"
        );
        let holder = a.doc.footnote_refs[2].block;
        assert!(
            a.doc
                .block_text(&src, holder)
                .starts_with("Recalling further its outcome document"),
            "{name}"
        );
        let unused: Vec<String> = diagnostics(&src, &a)
            .into_iter()
            .filter(|d| d.contains("footnote-"))
            .collect();
        assert_eq!(unused.len(), 1, "{name}: {unused:?}");
        assert!(
            unused[0].ends_with("footnote-unused footnote 3 is defined but nothing references it"),
            "{name}: {unused:?}"
        );
    }
}

/// F3: in the indented layout an indented line starts a block, so an annex
/// title is its one line and does not swallow the lines after it.
#[test]
fn f3_an_indented_annex_title_stops_at_the_next_indented_line() {
    let src = regression("F3-indented-annex-title.txt");
    let a = run(&src);
    assert_eq!(a.doc.layout, Layout::Indented);
    assert_eq!(
        reading(&src, &a),
        [
            "1-1 Chapeau The Security Council,",
            "2-2 Preambular Recalling its resolution 661 (1990),",
            "3-3 Preambular Acting under Chapter VII of the Charter of the United Nations,",
            "4-4 Operative 1. Decides to remain seized of the matter.",
            "5-5 AnnexHeading Annex A",
            "6-6 AnnexHeading Textual entries for the Goods Review List",
            "7-7 AnnexParagraph Chemical Section:",
            "8-8 AnnexParagraph (1) Quantities of atropine that exceed the established \
             consumption rates.",
        ]
    );
    // As in the blank-line layout.
    let blank = as_blank_line_layout(&src);
    assert_eq!(kinds(&run(&blank)), kinds(&a), "{blank}");
}

/// F4: a line that wraps at a colon inside a paragraph does not make the
/// next paragraph a sub-paragraph with lost markers: the rule follows where
/// the paragraph ends (here `.`), not where a line ends. The same paragraph
/// on one line reads the same.
#[test]
fn f4_a_colon_at_a_line_wrap_does_not_announce_sub_paragraphs() {
    let src = regression("F4-colon-at-line-wrap.txt");
    let a = run(&src);
    assert_eq!(
        reading(&src, &a),
        [
            "1-1 Chapeau The Security Council,",
            "3-3 Operative 1. Decides to remain seized of the matter.",
            "5-5 AnnexHeading Annex",
            "7-8 AnnexParagraph 1. The Office will divide contracts into two categories: \
             category A and category B.",
            "10-10 AnnexParagraph Proposed purchases shall be approved by the Secretariat.",
        ]
    );
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let one_line = src.replace("categories:\ncategory", "categories: category");
    assert_eq!(kinds(&run(&one_line)), kinds(&a));
}

/// F5: `; and` split across a line break ends a sub-paragraph as `; and` on
/// one line does: no `terminator` on (a), in LF and CRLF alike.
#[test]
fn f5_semicolon_and_across_a_line_break_is_a_terminator() {
    let src = regression("F5-and-wrapped-after-semicolon.txt");
    let a = run(&src);
    assert_eq!(
        reading(&src, &a),
        [
            "1-1 Chapeau The Human Rights Council,",
            "3-3 Operative 1. Requests the Office:",
            "4-5 SubParagraph (a) To prepare a report on the implementation of the present \
             resolution; and",
            "6-6 SubParagraph (b) To present it to the Council at its next session.",
        ]
    );
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let crlf = src.replace('\n', "\r\n");
    assert_eq!(diagnostics(&crlf, &run(&crlf)), Vec::<String>::new());
    let joined = src.replace("resolution;\nand", "resolution; and");
    assert_eq!(diagnostics(&joined, &run(&joined)), Vec::<String>::new());
    // Without the `and` the check still speaks: the finding's fix reads the
    // last two lines, it does not silence the check.
    let missing = src.replace("resolution;\nand", "resolution\nand");
    assert_eq!(
        diagnostics(&missing, &run(&missing)),
        ["5:3 terminator a sub-paragraph should end with `;`; its final punctuation is missing"]
    );
}

/// F6: in the indented layout a one-line block with no final punctuation
/// after a finished paragraph is a section heading, as in the blank-line
/// layout; it does not run into the next indented line.
#[test]
fn f6_an_indented_one_line_section_heading_stands_alone() {
    let src = regression("F6-indented-section-heading.txt");
    let a = run(&src);
    assert_eq!(a.doc.layout, Layout::Indented);
    let r = reading(&src, &a);
    assert!(
        r.contains(&"8-8 SectionHeading Valve wetted parts".to_string()),
        "{r:#?}"
    );
    assert!(
        r.contains(&"9-9 AnnexParagraph Biological Section:".to_string()),
        "{r:#?}"
    );
    let blank = as_blank_line_layout(&src);
    assert_eq!(kinds(&run(&blank)), kinds(&a), "{blank}");
}

/// F7: the body's first line counts as following a blank line only when one
/// is there. Two paragraph starts with none before them: the indented
/// layout, and the annex title is its one line.
#[test]
fn f7_a_short_indented_text_is_read_in_the_indented_layout() {
    let src = regression("F7-short-indented-text.txt");
    let a = run(&src);
    assert_eq!(a.doc.layout, Layout::Indented);
    let r = reading(&src, &a);
    assert!(
        r.contains(&"5-5 AnnexHeading Textual entries for the Goods Review List".to_string()),
        "{r:#?}"
    );
    let blank = as_blank_line_layout(&src);
    assert_eq!(kinds(&run(&blank)), kinds(&a), "{blank}");
}
