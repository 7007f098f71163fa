//! What the lab's third probe showed: four resolutions (A/RES/80/8, 80/38,
//! 80/39 and 80/48) added after the reading rules were written, and read by
//! them as they stood. Each test is a lab text, whole or cut short, that
//! raised false alarms then; it asserts what a drafter sees now: no
//! diagnostic, and the paragraphs and notes as the source has them.

mod support;

use reso::syntax::model::{BlockKind, MarkerKind};
use support::{diagnostics, lab_text, notes, numbered, paragraph_lines, run};

/// pdfminer.six on pages with no space between paragraphs (A/RES/80/6):
/// - an operative paragraph that came without its number, its first line,
///   then the number, then its rest (`Invites ... with the`, `17.`,
///   `International Criminal Court;`);
/// - on a later page, a paragraph whose number comes after its text and
///   before the meeting line (`Invites ... session.`, `32.`).
///
/// Both numbers go to their texts. (Before, the first text was reported as
/// fitting nowhere and its rest as an unknown opener; the second text was
/// reported too, since the first still waited for a number on the later
/// page: a page's foot now ends that wait.)
#[test]
fn numbers_of_paragraphs_that_came_without_them() {
    let src = lab_text("A-RES-80-6", "compact", "pdfminer");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let ops = numbered(&src, &a, 3);
    assert_eq!(ops.len(), 32);
    assert_eq!(ops[16], (17, "Invites regional organizations".to_string()));
    assert_eq!(ops[31], (32, "Invites the International".to_string()));
    let p17 = paragraph_lines(&src, &a, "Invites  regional");
    assert_eq!(p17.last(), Some(&"International Criminal Court;"));
}

/// The same page cut short, with the `17.` line taken out: the paragraph
/// without a number is reported (it has none), the page's foot ends its
/// wait, and the paragraph on the later page still gets its `32.`.
#[test]
fn a_page_s_foot_ends_the_wait_for_a_number() {
    let full = lab_text("A-RES-80-6", "compact", "pdfminer");
    let lines: Vec<&str> = full.lines().collect();
    let at = |s: &str| lines.iter().position(|l| l.starts_with(s)).unwrap();
    let (p16, p18) = (at("16. Emphasizes"), at("18. Recalls that, by virtue"));
    let (p31, end) = (at("31. Encourages"), at("35th plenary meeting"));
    let mut src = String::from("The General Assembly,\n\nRecalling its resolution 58/318,\n\n");
    for l in lines[p16..p18 + 5].iter().filter(|l| **l != "17.") {
        src.push_str(l);
        src.push('\n');
    }
    src.push_str("\n25-18301\n\n\n- 4 -\n\nA/RES/80/6\n\n");
    for l in &lines[p31..=end + 1] {
        src.push_str(l);
        src.push('\n');
    }
    let a = run(&src);
    let d = diagnostics(&src, &a);
    assert!(
        d.iter().any(|d| d.starts_with("6:1 structure")),
        "the paragraph without its number is reported: {d:#?}"
    );
    assert_eq!(
        d.iter().filter(|d| d.contains(" structure ")).count(),
        1,
        "{d:#?}"
    );
    let ops = numbered(&src, &a, 3);
    assert_eq!(
        ops.last(),
        Some(&(32, "Invites the International".to_string())),
        "{ops:?}"
    );
}

/// pdftotext on the Secretariat's pages with the running head on one line
/// (A/RES/80/38): a paragraph's last line with a raised reference, set
/// above the paragraph, starts with a capital (`Treaty,5`, then `Welcoming
/// the inclusion ... of the Arms Trade`). It is the paragraph's last line.
#[test]
fn a_last_line_set_above_its_paragraph_starting_with_a_capital() {
    let src = lab_text("A-RES-80-38", "oneline", "pdftotext");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let p = paragraph_lines(&src, &a, "Welcoming the inclusion of small arms");
    assert_eq!(p.first(), Some(&"Treaty,5"), "{p:?}");
    assert_eq!(
        a.doc.footnote_refs.iter().filter(|r| r.number == 5).count(),
        1
    );
}

/// A word processor's pages (the lab's `writer` style) with notes, read by
/// pypdf and pdfplumber (A/RES/80/39): note 9 sits inside a paragraph the
/// page broke, and the paragraph goes on from a year (`... forums since`,
/// `9 Ibid., vol. I ...`, `recommendations for follow- on actions.`,
/// `2010, including in the Conferences ...`).
#[test]
fn a_paragraph_going_on_from_a_year_after_the_page_s_notes() {
    for extractor in ["pypdf", "pdfplumber"] {
        let src = lab_text("A-RES-80-39", "writer", extractor);
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{extractor}");
        let p = paragraph_lines(&src, &a, "Welcoming the attention to the catastrophic");
        assert!(
            p.iter().any(|l| l.starts_with("2010, including")),
            "{extractor}: {p:?}"
        );
        let n = notes(&src, &a);
        assert!(n[8].1.starts_with("Ibid., vol."), "{extractor}: {n:?}");
        assert!(
            n[8].1.ends_with("follow- on actions."),
            "{extractor}: {n:?}"
        );
    }
}

/// pdftotext on the same style (A/RES/80/48): two notes whose texts come
/// above their numbers and start with a year (`2000 Review Conference
/// ...`, `3`, `2010 Review Conference ...`, `4`), inside a paragraph the
/// page broke. The next note's text above its number is evidence enough.
#[test]
fn notes_starting_with_a_year_above_their_numbers() {
    let src = lab_text("A-RES-80-48", "writer", "pdftotext");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let n = notes(&src, &a);
    assert_eq!(n.len(), 13);
    assert!(n[2].1.starts_with("2000 Review Conference"), "{n:?}");
    assert!(n[3].1.starts_with("2010 Review Conference"), "{n:?}");
    let p = paragraph_lines(&src, &a, "Noting the expiration in February 2026");
    assert_eq!(
        p.last(),
        Some(&"with the largest nuclear arsenals to restrain their nuclear arsenals,")
    );
}

/// pdfminer.six on the Secretariat's pages (A/RES/80/48): a column of
/// numbers (`6.` to `9.`) under the running head, then pieces of a justified
/// line set apart (`the  Treaty  on `, `the  objectives  of `), then the
/// texts. The pieces come from a line further down: the first text
/// (`Emphasizes ...`) starts after them and keeps number 6.
#[test]
fn pieces_of_a_line_before_the_texts_of_a_number_column() {
    for style in ["separate", "oneline"] {
        let src = lab_text("A-RES-80-48", style, "pdfminer");
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{style}");
        let ops = numbered(&src, &a, 1);
        let openers: Vec<&str> = ops[5..9].iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            ops[5..9].iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            [6, 7, 8, 9],
            "{style}"
        );
        // Number 6's text starts with the pieces, then its verb's line.
        assert_eq!(openers[0], "the", "{style}");
        assert_eq!(openers[1..], ["Urges", "Calls", "Also"], "{style}");
        let six = (a.doc.blocks.iter())
            .find(|b| {
                b.kind == BlockKind::Operative
                    && matches!(
                        b.marker.as_deref().map(|m| &m.kind),
                        Some(MarkerKind::Number { n: 6, .. })
                    )
            })
            .unwrap();
        let opener = six.opener.as_deref().map(|o| o.phrase.as_str());
        assert_eq!(opener, Some("Emphasizes"), "{style}");
        let r = six.opener_range().unwrap();
        assert_eq!(&src[r], "Emphasizes", "{style}");
    }
}

/// pymupdf4llm ends every line with a space, so a paragraph's rest after
/// its page's foot (`national, regional and international levels; `) looks
/// like a piece of a justified line; it ends with `;` and is the paragraph's
/// end (A/RES/80/38). And the job number and barcode on one line at a page's
/// foot (`25-14604 (E) *2514604*`, A/RES/80/40) are page furniture.
#[test]
fn pymupdf4llm_a_rest_after_the_page_s_foot_and_a_foot_on_one_line() {
    let src = lab_text("A-RES-80-38", "separate", "pymupdf4llm");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    for style in ["separate", "oneline", "sectiontop", "compact"] {
        let src = lab_text("A-RES-80-40", style, "pymupdf4llm");
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{style}");
        if style == "compact" {
            let foot = (a.doc.blocks.iter())
                .find(|b| src[b.span()].trim() == "25-14604 (E) *2514604*")
                .expect("the foot is a block of its own");
            assert_eq!(foot.kind, BlockKind::Furniture);
        }
    }
}

/// pdfminer.six on pages with no space between paragraphs (A/RES/80/39):
/// two paragraphs' numbers set after their texts, out of turn, and then the
/// page's notes pasted on their lines (`5.`, `4.`, then `10 See resolution
/// 50/245 ...`). The note's line closes the column as a number alone would:
/// each number gets its text.
#[test]
fn a_column_of_numbers_closed_by_the_page_s_notes() {
    let src = lab_text("A-RES-80-39", "compact", "pdfminer");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let ops = numbered(&src, &a, 2);
    let find = |n: u32| ops.iter().find(|(m, _)| *m == n).map(|(_, w)| w.as_str());
    assert_eq!(find(4), Some("Reaffirms the"));
    assert_eq!(find(5), Some("Strongly urges"));
    assert_eq!(ops.len(), 32);
}

/// A word processor's pages (A/RES/80/39): a page's last line ends with a
/// word hyphenated at the line's end, and the page has a note. `pdftotext`
/// joins the word with the note's number (`the long10`, then the note's
/// text without it); PDFium glues the note's line onto the word's (`the
/// long\u{fffe}10 See resolution ...`). Note 10 is lost: that is all that is
/// reported of it. Notes 11 to 16 come in turn all the same, since the
/// text referred to 10 and 11 before note 11 came. (Before, each of them
/// was reported as undefined: 16 and 7 false alarms.)
#[test]
fn one_lost_note_does_not_lose_the_later_ones() {
    for extractor in ["pdftotext", "pdfium"] {
        let src = lab_text("A-RES-80-39", "writer", extractor);
        let a = run(&src);
        let n = notes(&src, &a);
        let numbers: Vec<u32> = n.iter().map(|(m, _)| *m).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16]);
        assert_eq!(n[9].1, "See TPNW/MSP/2022/6.");
        let d = diagnostics(&src, &a);
        assert!(
            d.iter()
                .all(|d| d.contains("footnote 10 ") || d.contains(" terminator ")),
            "{extractor}: {d:#?}"
        );
        assert!(d
            .iter()
            .any(|d| d.contains("footnote-order footnote 10 is missing")));
    }
}

/// A note after a lost one needs the text's references to both: `3 Ibid.`
/// after note 1 is note 3 where the text referred to 1, 2 and 3, and stays
/// text where it referred to 1 and 3 only.
#[test]
fn a_note_out_of_turn_needs_the_references_of_both() {
    let page = |refs: &str| {
        format!(
            "The General Assembly,\n\nRecalling its resolution 79/1,1 {refs}\nof the Secretary-General,\n1 A/79/1.\n3 Ibid.\n\n1. Decides to remain seized of the matter.\n"
        )
    };
    for (refs, want) in [
        ("the report,2 and its annex,3", vec![1, 3]),
        ("the report and its annex,3", vec![1]),
    ] {
        let src = page(refs);
        let a = run(&src);
        let n = notes(&src, &a);
        assert_eq!(
            n.iter().map(|(m, _)| *m).collect::<Vec<_>>(),
            want,
            "{refs}: {n:#?}"
        );
    }
}
