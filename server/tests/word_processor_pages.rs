//! A word processor's page, not the Secretariat's (the lab's `compact`
//! style): no space between paragraphs, the footnote rule drawn as a line
//! (so nothing marks where the footnotes start once the text is extracted),
//! and the page number between dashes (`- 2 -`) beside the symbol.

mod support;

use reso::syntax::BlockKind;
use support::{diagnostics, lab_text, run};

/// A/RES/80/24 on such pages, read back by PyMuPDF, pypdf and PyMuPDF's
/// blocks: its 20 footnotes are defined where the pages put them, and only
/// the source's defects are reported (three wrong dates, and two operative
/// paragraphs whose last words the source lost).
#[test]
fn footnotes_without_a_rule_and_pages_numbered_between_dashes() {
    for extractor in ["pymupdf", "pypdf", "pymupdf-blocks"] {
        let src = lab_text("A-RES-80-24", "compact", extractor);
        let a = run(&src);
        let d = diagnostics(&src, &a);
        assert_eq!(d.len(), 5, "{extractor}: {d:#?}");
        let dates = d.iter().filter(|d| d.contains(" citation-date ")).count();
        let ends = (d.iter())
            .filter(|d| d.contains(" terminator ") && d.contains("punctuation is missing"))
            .count();
        assert_eq!((dates, ends), (3, 2), "{extractor}: {d:#?}");
        let defined: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
        assert_eq!(defined, (1..=20).collect::<Vec<_>>(), "{extractor}");
        let count = |k: BlockKind| a.doc.blocks.iter().filter(|b| b.kind == k).count();
        assert_eq!(
            (count(BlockKind::Preambular), count(BlockKind::Operative)),
            (35, 23),
            "{extractor}"
        );
    }
}

/// The same by hand: a page's footnotes right under its last line, then
/// the page number between dashes and the symbol on one line.
#[test]
fn a_page_foot_without_a_rule() {
    let src = "The General Assembly,\n\
               Recalling its resolution 78/1 of 9 October 2023,1\n\
               Noting the report of the Secretary-General,2\n\
               1 See resolution 78/1.\n\
               2 A/80/100.\n\
               - 2 - A/RES/80/99\n\
               1. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1, 2]);
}

/// Not a footnote: a number and an opener (an operative paragraph whose
/// number lost its full stop), or a number that is not the next footnote's
/// in the middle of a paragraph.
#[test]
fn numbers_that_start_no_footnote() {
    let src = "The General Assembly,\n\
               Recalling its resolution 78/1 of 9 October 2023,1\n\
               1. Welcomes the report of the Secretary-General;\n\
               2 Requests the Secretary-General to report on the matter;\n\
               3. Decides to remain seized of the matter, and invites the\n\
               15 Member States of the group to report.\n\
               1 See resolution 78/1.\n";
    let a = run(src);
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert!(!defs.contains(&2), "{defs:?}");
    assert!(!defs.contains(&15), "{defs:?}");
}

/// The same pages copied from Chrome's viewer (PDFium): each footnote's
/// number alone on its line and its text after a space, with no rule above
/// them, also where a page ends in mid-sentence and under a draft's `*`
/// note.
#[test]
fn footnote_numbers_and_texts_in_turn_without_a_rule() {
    let src = lab_text("A-RES-80-24", "compact", "pdfium");
    let a = run(&src);
    let d = diagnostics(&src, &a);
    assert_eq!(d.len(), 5, "{d:#?}");
    let defined: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defined, (1..=20).collect::<Vec<_>>());
    let src = lab_text("A-C.3-81-L.99-draft", "compact", "pdfium");
    let a = run(&src);
    let defined: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defined, (1..=5).collect::<Vec<_>>());
    let d = diagnostics(&src, &a);
    assert!(!d.iter().any(|d| d.contains("footnote")), "{d:#?}");
}

/// A number raised in mid-sentence that PDFium set on its own line is a
/// reference, not the start of the page's footnotes: the rest of the line
/// is in lower case, or the line above is unfinished with no next number
/// below.
#[test]
fn a_raised_number_on_its_own_line_is_a_reference() {
    let src = "The General Assembly,\n\
               Recalling the Treaty on the Non-Proliferation of Nuclear Weapons,\n\
               1\n \
               and the advisory opinion of the International Court of Justice,\n\
               Noting the report of the Conference on Disarmament\n\
               2\n \
               Conference on Disarmament, annual report,\n\
               1. Decides to remain seized of the matter.\n\
               1\n \
               United Nations, Treaty Series, vol. 729, No. 10485.\n\
               2\n \
               A/80/27.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let refs: Vec<u32> = a.doc.footnote_refs.iter().map(|r| r.number).collect();
    assert_eq!(refs, [1, 2]);
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1, 2]);
}

/// pdfplumber sets a raised number on a line of its own above the line it
/// belongs to, and a page's footnotes as numbers and texts in turn: a
/// number met that way above is a footnote's when it comes again before
/// its text at the page's foot, also after a page that ends in mid-sentence
/// or after the meeting line.
#[test]
fn pdfplumber_numbers_above_their_lines_and_footnotes_in_turn() {
    let src = lab_text("A-RES-80-24", "compact", "pdfplumber");
    let a = run(&src);
    let d = diagnostics(&src, &a);
    assert_eq!(d.len(), 5, "{d:#?}");
    let defined: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defined, (1..=20).collect::<Vec<_>>());
    let src = lab_text("A-RES-80-10", "compact", "pdfplumber");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let defined: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defined, (1..=13).collect::<Vec<_>>());
}

/// The footnote numbers of a page, sorted (pdftotext defines them out of
/// turn).
fn defined_sorted(a: &reso::analysis::Analysis) -> Vec<u32> {
    let mut defined: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    defined.sort_unstable();
    defined
}

/// pdftotext on these pages: no blank line between paragraphs, and a
/// page's footnotes set out as a column of numbers alone, the first under
/// or over a blank line, out of turn (`1`, `3`, ..., `12`, `2` last), with
/// the texts in between. Every footnote is defined, and only the source's
/// defects are reported: A/RES/80/24's three wrong dates and two operative
/// paragraphs whose last words the source lost, in both of pdftotext's
/// layouts; nothing on A/RES/80/10 and 80/14.
#[test]
fn pdftotext_footnote_numbers_alone_and_out_of_turn() {
    for extractor in ["pdftotext", "pdftotext-layout"] {
        let src = lab_text("A-RES-80-24", "compact", extractor);
        let a = run(&src);
        let d = diagnostics(&src, &a);
        assert_eq!(d.len(), 5, "{extractor}: {d:#?}");
        let dates = d.iter().filter(|d| d.contains(" citation-date ")).count();
        assert_eq!(dates, 3, "{extractor}: {d:#?}");
        assert_eq!(
            defined_sorted(&a),
            (1..=20).collect::<Vec<_>>(),
            "{extractor}"
        );
        let count = |k: BlockKind| a.doc.blocks.iter().filter(|b| b.kind == k).count();
        assert_eq!(
            (count(BlockKind::Preambular), count(BlockKind::Operative)),
            (35, 23),
            "{extractor}"
        );
        for (source, footnotes) in [("A-RES-80-10", 13), ("A-RES-80-14", 5)] {
            let src = lab_text(source, "compact", extractor);
            let a = run(&src);
            assert_eq!(
                diagnostics(&src, &a),
                Vec::<String>::new(),
                "{source} {extractor}"
            );
            assert_eq!(
                defined_sorted(&a),
                (1..=footnotes).collect::<Vec<_>>(),
                "{source} {extractor}"
            );
        }
    }
}

/// The same by hand: the first number under a blank line and over one, a
/// number that comes early (`3` while `2` is still to come, alone further
/// down), and a footnote whose text is a symbol alone with its full stop,
/// which is not the page's foot.
#[test]
fn a_column_of_footnote_numbers_out_of_turn() {
    let src = "The General Assembly,\n\
               Recalling its resolution 78/1 of 9 October 2023,1 and the report of the\n\
               Secretary-General,2\n\
               Noting the report of the Conference on Disarmament,3\n\
               \n\
               1\n\
               \n\
               See resolution 78/1.\n\
               A/80/100.\n\
               3\n\
               A/80/27.\n\
               2\n\
               \n\
               25-12345 (E)\n\
               1. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    assert_eq!(defined_sorted(&a), [1, 2, 3]);
    let count = |k: BlockKind| a.doc.blocks.iter().filter(|b| b.kind == k).count();
    assert_eq!(
        (count(BlockKind::Preambular), count(BlockKind::Operative)),
        (2, 1)
    );
}

/// Not a page's footnotes: a number alone between blank lines that a
/// paragraph follows (a page number), and a number that comes early with
/// the one it skips nowhere below.
#[test]
fn numbers_alone_that_start_no_footnotes() {
    let src = "The General Assembly,\n\
               Recalling its resolution 78/1 of 9 October 2023,1\n\
               \n\
               1\n\
               \n\
               Noting the report of the Conference on Disarmament,\n\
               1. Decides to remain seized of the matter.\n\
               __________\n\
               1 See resolution 78/1.\n";
    let a = run(src);
    let defs: Vec<usize> = (a.doc.footnote_defs.iter())
        .map(|d| d.number_range.start)
        .collect();
    assert_eq!(defs, [src.find("1 See").unwrap()]);
    let count = |k: BlockKind| a.doc.blocks.iter().filter(|b| b.kind == k).count();
    assert_eq!(
        (count(BlockKind::Preambular), count(BlockKind::Operative)),
        (2, 1)
    );

    let src = "The General Assembly,\n\
               Recalling its resolution 78/1 of 9 October 2023,1 and the report of the\n\
               Secretary-General,2\n\
               \n\
               1\n\
               \n\
               See resolution 78/1.\n\
               3\n\
               A/80/27.\n\
               \n\
               25-12345 (E)\n\
               1. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(defined_sorted(&a), [1]);
}

/// pdftotext sets the number of a page's first paragraph at the page's
/// end, after the paragraphs numbered in their lines (`4.`, `5.`, then
/// `3.`), and a sub-paragraph's marker the same way after the page's
/// numbers: the paragraph at the page's top gets its number, and the
/// marker alone does not take the next operative paragraph's text.
#[test]
fn the_number_of_a_page_s_first_paragraph_at_the_page_s_end() {
    let src = "The General Assembly,\n\
               Recalling its resolution 78/1 of 9 October 2023,\n\
               1. Welcomes the report of the Secretary-General;\n\
               2. Recognizes the role of the Commission, and in this regard:\n\
               (a) Decides to seek its advice;\n\
               (b) Invites it to report;\n\
               (b)\n\
               \n\
               25-12345 (E)\n\
               A/RES/80/99\n\
               Encourages improved cooperation between the Commission and the Council;\n\
               4. Calls for coherence in support of peacebuilding;\n\
               5. Decides to remain seized of the matter.\n\
               3.\n\
               \n\
               25-12345\n";
    let a = run(src);
    let d = diagnostics(src, &a);
    assert!(!d.iter().any(|d| d.contains(" numbering ")), "{d:#?}");
    let numbers: Vec<(u32, &str)> = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Operative)
        .filter_map(|b| match b.marker.as_deref().map(|m| &m.kind) {
            Some(reso::syntax::MarkerKind::Number { n, .. }) => {
                let first = b.lines.first()?;
                Some((*n, src[first].split_whitespace().next()?))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        numbers,
        [
            (1, "1."),
            (2, "2."),
            (3, "Encourages"),
            (4, "4."),
            (5, "5.")
        ]
    );
}

/// `pdftotext -layout` on such pages sets each footnote's number alone and
/// its text indented under it, also where the page ends in mid-sentence:
/// A/RES/80/6 (whose page 3 ends inside paragraph 13, above footnotes 4
/// and 5) reads with its ten footnotes and nothing to report, as do
/// A/RES/80/52 and 80/53.
#[test]
fn layout_footnote_texts_indented_under_their_numbers() {
    for (name, notes) in [("A-RES-80-6", 10), ("A-RES-80-52", 3), ("A-RES-80-53", 12)] {
        let src = lab_text(name, "compact", "pdftotext-layout");
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{name}");
        assert_eq!(
            defined_sorted(&a),
            (1..=notes).collect::<Vec<_>>(),
            "{name}"
        );
    }

    // By hand: the page ends in mid-sentence; footnote 2's text is
    // indented under its number.
    let page = |under: &str| {
        format!(
            "The General Assembly,\n\
             Recalling its resolution 78/1 of 9 October 2023,1\n\
             1\n\
             \x20   See resolution 78/1.\n\
             \n\
             25-12345 (E)\n\
             1. Welcomes the report of the Secretary-General,2 and invites the\n\
             2\n\
             {under}A/80/100.\n\
             \n\
             25-12345\n\
             \x20           Commission to report to it;\n\
             2. Decides to remain seized of the matter.\n"
        )
    };
    let src = page("    ");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let defs: Vec<(u32, &str)> = (a.doc.footnote_defs.iter())
        .map(|d| (d.number, src[d.text.last().unwrap().clone()].trim()))
        .collect();
    assert_eq!(defs, [(1, "See resolution 78/1."), (2, "A/80/100.")]);
    // Not indented under the number, with the page in mid-sentence:
    // nothing says that `2` starts the page's footnotes.
    let src = page("");
    let a = run(&src);
    assert!(!a.doc.footnote_defs.iter().any(|d| d.number == 2));
}

/// While a column of numbers waits for its texts (pdftotext on pages with
/// no space between paragraphs), a line that opens with an operative verb
/// starts the next text even after a line that ends unfinished: A/RES/80/25
/// lost the last words of its paragraphs 3 and 6, and both are reported
/// where they are, not read as one paragraph with the next.
#[test]
fn an_operative_verb_under_an_unfinished_line_while_numbers_wait() {
    let src = lab_text("A-RES-80-25", "compact", "pdftotext");
    let a = run(&src);
    let d = diagnostics(&src, &a);
    let missing =
        "terminator an operative paragraph should end with `;`; its final punctuation is missing";
    assert_eq!(d.len(), 2, "{d:#?}");
    for (d, line) in d.iter().zip([
        "implementation of disarmament",
        "implementation of disarmament",
    ]) {
        assert!(d.contains(missing), "{d}");
        let n: usize = d.split(':').next().unwrap().parse().unwrap();
        assert!(src.lines().nth(n - 1).unwrap().starts_with(line), "{d}");
    }

    let page = |numbers: &str| {
        format!(
            "The General Assembly,\n\
             Recalling its resolution 78/1,\n\
             {numbers}\
             Urges the international community to devote resources to\n\
             Encourages the international community to report;\n\
             Decides to remain seized of the matter.\n"
        )
    };
    let src = page("1.\n\n2.\n\n3.\n\n");
    let a = run(&src);
    let ops = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Operative)
        .count();
    assert_eq!(ops, 3);
    let d = diagnostics(&src, &a);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].starts_with("9:") && d[0].contains(missing), "{d:#?}");
    // With no numbers waiting, a capitalised verb under an unfinished line
    // is read as the line going on (nothing else says a paragraph starts).
    let src = page("");
    let a = run(&src);
    let urges = (a.doc.blocks.iter())
        .find(|b| b.lines.first().is_some_and(|r| src[r].starts_with("Urges")))
        .unwrap();
    let lines: Vec<&str> = urges.lines.iter().map(|r| &src[r]).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].starts_with("Encourages"), "{lines:?}");
}
