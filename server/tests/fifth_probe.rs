//! What the lab's fifth probe showed: five more resolutions (A/RES/80/1,
//! 80/4, 80/7, 80/28 and 80/46), plenary ones among them, added after the
//! fourth probe's rules and read by them. Each test is a lab text, whole or
//! changed, that raised false alarms then; it asserts what a drafter sees
//! now.

mod support;

use reso::syntax::model::BlockKind;
use support::{diagnostics, lab_text, notes, paragraph_lines, run};

/// The preambular paragraphs' openers, as matched.
fn openers(a: &reso::analysis::Analysis) -> Vec<String> {
    (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Preambular)
        .map(|b| {
            b.opener
                .as_ref()
                .map_or(String::new(), |o| o.phrase.clone())
        })
        .collect()
}

/// A word processor's pages (A/RES/80/4): a page ends inside a list of
/// resolutions (`... 56/9 of 27 November 2001,`) and the next starts with
/// the next symbol (`57/11 of 12 November 2002, ...`). No paragraph starts
/// with a digit but a numbered one: the line goes on with the paragraph.
/// Before, it opened a preambular paragraph with the unknown opener `57/11`,
/// from every extractor but two.
#[test]
fn a_page_that_starts_with_a_symbol_goes_on_with_the_paragraph() {
    for extractor in [
        "pdftotext",
        "pdfminer",
        "pymupdf",
        "pdfjs",
        "pdftotext-layout",
    ] {
        let src = lab_text("A-RES-80-4", "writer", extractor);
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{extractor}");
        assert_eq!(openers(&a).len(), 8, "{extractor}");
        let p = paragraph_lines(&src, &a, "Recalling its resolutions 47/19");
        assert!(
            p.iter().any(|l| l.starts_with("57/11 of 12 November 2002")),
            "{extractor}: {p:#?}"
        );
    }
}

/// After `;` a paragraph may end (an operative one does): a line starting
/// with a digit there is reported as fitting nowhere, as before.
#[test]
fn after_a_semicolon_a_digit_still_starts_nothing() {
    let src = "The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Decides to remain seized of the matter;\n\n2024 was the year of the review.\n";
    let a = run(src);
    let d = diagnostics(src, &a);
    assert!(d.iter().any(|d| d.starts_with("7:1 structure")), "{d:#?}");
}

/// `Continuing to take the view that ...` (A/RES/80/28) is a preambular
/// opener: on pages with no blank line between paragraphs it opens one.
/// Before, it went on with the paragraph above (9 preambular paragraphs
/// read for 10).
#[test]
fn continuing_opens_a_preambular_paragraph() {
    for (style, extractor) in [
        ("compact", "pdftotext"),
        ("oneline", "pymupdf"),
        ("separate", "pdfplumber"),
    ] {
        let src = lab_text("A-RES-80-28", style, extractor);
        let a = run(&src);
        assert_eq!(
            diagnostics(&src, &a),
            Vec::<String>::new(),
            "{style} {extractor}"
        );
        let o = openers(&a);
        assert_eq!(o.len(), 10, "{style} {extractor}: {o:?}");
        assert_eq!(o[1], "Continuing to take the view", "{style} {extractor}");
    }
}

/// `pdftotext -layout` on a word processor's pages (A/RES/80/7) sets the
/// marker's line with fewer spaces than the page has (`    2. Takes note
/// of resolutions GC(69)/RES/7, ... safety”;`) and the paragraph's next
/// lines deeper than the marker (`         GC(69)/RES/8, entitled ...`).
/// They go on with the paragraph, though the line above ends with `;`.
/// Before, the second line fitted nowhere.
#[test]
fn a_line_hanging_deeper_than_its_marker() {
    let src = lab_text("A-RES-80-7", "compact", "pdftotext-layout");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let p = paragraph_lines(&src, &a, "Takes note of resolutions");
    assert!(
        p.iter().any(|l| l.starts_with("GC(69)/RES/8, entitled")),
        "{p:#?}"
    );
}

/// A list of resolutions broken by a page's note (A/RES/80/7 on a word
/// processor's pages): `... Korea”;`, then `1 See A/80/348.`, then the next
/// page's `GC(69)/RES/14, entitled ...`, whose lines below refer to notes 2
/// and 3 (`... 2025;2 and`, `Governors”;3 item 15`). A note's text does not
/// cite the next note: the lines go on with operative paragraph 2, though
/// it stopped at `;`. Before, they were note 1's text (notes 2 and 3
/// unused), or fitted nowhere.
#[test]
fn a_list_broken_by_a_note_goes_on_after_it() {
    for extractor in [
        "pdftotext",
        "pdfplumber",
        "pdfium",
        "pymupdf",
        "pymupdf4llm",
        "pdfjs",
    ] {
        let src = lab_text("A-RES-80-7", "writer", extractor);
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{extractor}");
        let n = notes(&src, &a);
        assert_eq!(n[0], (1, "See A/80/348.".to_string()), "{extractor}");
        assert_eq!(n.len(), 3, "{extractor}");
        let ops = (a.doc.blocks.iter())
            .filter(|b| b.kind == BlockKind::Operative)
            .count();
        assert_eq!(ops, 5, "{extractor}");
    }
}

/// The same page with the references to notes 2 and 3 taken out: nothing
/// says that the lines after note 1 are the body's, and the first of them
/// is reported as fitting nowhere (it opens nothing after the `;`).
#[test]
fn without_the_next_reference_the_list_is_not_taken_back() {
    let full = lab_text("A-RES-80-7", "writer", "pymupdf");
    let src = full.replacen("2025;2 and", "2025; and", 1).replacen(
        "Governors”;3 item",
        "Governors”; item",
        1,
    );
    assert_ne!(src, full);
    let a = run(&src);
    let d = diagnostics(&src, &a);
    assert!(d.iter().any(|d| d.contains(" structure ")), "{d:#?}");
}

/// A web page's note that lists 80 States wraps onto 14 lines before its
/// back-link arrow (A/RES/80/46 through lynx): it is note 8 all the same.
/// Before, the list was not read as a note (note 8 undefined).
#[test]
fn a_long_note_of_a_web_page() {
    for extractor in ["lynx", "w3m", "html2text"] {
        let src = lab_text("A-RES-80-46", "html", extractor);
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{extractor}");
        let n = notes(&src, &a);
        let eight = &n.iter().find(|(m, _)| *m == 8).expect("note 8").1;
        assert!(
            eight.starts_with("Albania, Andorra"),
            "{extractor}: {eight}"
        );
        assert!(
            eight.ends_with("Uruguay and Zambia."),
            "{extractor}: {eight}"
        );
    }
}
