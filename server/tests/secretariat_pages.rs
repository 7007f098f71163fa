//! The Secretariat's pages read back by the common extractors, on
//! resolutions the reading rules were not written for (the lab's fifteen
//! sources added as two probes, A/RES/80/2 to 80/55), and the layouts they
//! showed: a running head whose title wraps over two lines or is cut after
//! a comma, a hyphen an extractor turned into a space, pdfminer.six's
//! justified lines taken apart, a column of numbers that ends at the
//! meeting line, a paragraph's last line set above it, PDFium's line broken
//! twice by raised numbers.

mod support;

use reso::syntax::BlockKind;
use support::{diagnostics, lab_text, run};

fn count(a: &reso::analysis::Analysis, k: BlockKind) -> usize {
    a.doc.blocks.iter().filter(|b| b.kind == k).count()
}

/// The probes' fifteen resolutions read on the Secretariat's three page
/// styles by every extractor with no diagnostic but their true defects:
/// A/RES/80/25 lost the last words of two operative paragraphs in its
/// extraction, and every extractor's text reports both.
#[test]
fn fifteen_resolutions_the_rules_were_not_written_for() {
    let sources = [2, 13, 15, 20, 25, 30, 35, 40, 42, 45, 47, 50, 52, 54, 55];
    let extractors = [
        "pdfium",
        "pdfminer",
        "pdfplumber",
        "pdftotext",
        "pdftotext-layout",
        "pymupdf",
        "pymupdf-blocks",
        "pymupdf4llm",
        "pypdf",
    ];
    let missing =
        "terminator an operative paragraph should end with `;`; its final punctuation is missing";
    for n in sources {
        for style in ["separate", "oneline", "sectiontop"] {
            for extractor in extractors {
                let src = lab_text(&format!("A-RES-80-{n}"), style, extractor);
                let a = run(&src);
                let found: Vec<String> = diagnostics(&src, &a)
                    .into_iter()
                    .map(|d| {
                        d.split_once(' ')
                            .map(|(_, rest)| rest.to_string())
                            .unwrap_or(d)
                    })
                    .collect();
                let want = if n == 25 { vec![missing; 2] } else { vec![] };
                assert_eq!(found, want, "A/RES/80/{n} {style} {extractor}");
            }
        }
    }
}

/// A running head whose title wraps: its short second line (`of the`,
/// `Assembly`, `nonproliferation`) is furniture, not the end of the
/// paragraph before the page break.
#[test]
fn a_running_head_title_wrapped_over_two_lines() {
    let src =
        "80/2. Scale of assessments for the apportionment of the expenses of the United Nations\n\
               \n\
               The General Assembly,\n\
               \n\
               Reaffirming its resolution 54/237 C of 23 December 1999,\n\
               \n\
               1. Urges all Member States requesting exemption under Article 19 of the Charter to\n\
               submit as much information as possible in support of their requests;\n\
               25-16836 (E)\n\
               *2516836*\n\
               \n\
               A/RES/80/2\n\
               Scale of assessments for the apportionment of the expenses\n\
               of the\n\
               2/2\n\
               2. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let of_the = src.find("\nof the\n").unwrap() + 1;
    let block = a.doc.blocks.iter().find(|b| b.span().start == of_the);
    assert_eq!(block.map(|b| b.kind), Some(BlockKind::Furniture));
    assert_eq!(count(&a, BlockKind::Operative), 2);

    // Only after the head: the same words under a paragraph are its text.
    let src = src.replace(
        "A/RES/80/2\nScale of assessments for the apportionment of the expenses\n",
        "",
    );
    let a = run(&src);
    assert!(
        diagnostics(&src, &a)
            .iter()
            .any(|d| d.contains("terminator") && d.contains("missing")),
        "{:?}",
        diagnostics(&src, &a)
    );
}

/// pdftotext writes a no-break hyphen (`non‑proliferation`, U+2011) as a
/// space: the running head still reads as the title, alone or after the
/// symbol.
#[test]
fn a_running_head_with_a_hyphen_turned_into_a_space() {
    for head in [
        "A/RES/80/55\nYouth, disarmament and non proliferation\n",
        "A/RES/80/55 Youth, disarmament and non proliferation\n",
    ] {
        let src = format!(
            "80/55. Youth, disarmament and non\u{2011}proliferation\n\
             \n\
             The General Assembly,\n\
             \n\
             Recalling its resolution 79/49 of 2 December 2024,\n\
             25-17998 (E)\n\
             *2517998*\n\
             \n\
             {head}\n\
             Noting also action 38 of the disarmament agenda,\n\
             \n\
             1. Decides to remain seized of the matter.\n"
        );
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{head}");
        assert_eq!(count(&a, BlockKind::Preambular), 2, "{head}");
    }
}

/// pdfminer.six takes a justified line apart into pieces between blank
/// lines (`the `, `the  convening  of `, `Recalls `, `to `) while a column
/// of OP numbers waits for its texts: A/RES/80/14's OP 3 stays one
/// paragraph, on each of the Secretariat's page styles.
#[test]
fn pdfminer_pieces_of_a_line_while_numbers_wait() {
    for style in ["separate", "oneline", "sectiontop"] {
        let src = lab_text("A-RES-80-14", style, "pdfminer");
        assert!(src.contains("\nthe  convening  of \n"), "{style}");
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{style}");
        assert_eq!(count(&a, BlockKind::Operative), 8, "{style}");
        assert_eq!(a.doc.footnote_defs.len(), 5, "{style}");
    }
    // The last piece of a taken-apart line has no gap after it, and the
    // paragraph's `;` is before the pieces (A/RES/80/40, OP 5).
    let src = lab_text("A-RES-80-40", "separate", "pdfminer");
    assert!(src.contains("\nthe  core  principle \n\nin  resolving  disarmament  and\n"));
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    assert_eq!(count(&a, BlockKind::Operative), 9);
}

/// pdfminer.six sets a page's OP numbers in a column after their texts;
/// the last number comes right before the meeting line (as it set A/RES/80/13
/// when OP 1 starts a page).
#[test]
fn a_column_of_numbers_that_ends_at_the_meeting_line() {
    let src = "The General Assembly,\n\
               \n\
               Having considered the report of the Ad Hoc Committee,\n\
               \n\
               Takes note of the report of the Ad Hoc Committee on the Indian Ocean;\n\
               \n\
               Requests the Secretary-General to continue to render all necessary\n\
               assistance to the Ad Hoc Committee;\n\
               \n\
               Decides to include in the provisional agenda of its eighty-second session the item\n\
               entitled \u{201c}Implementation of the Declaration of the Indian Ocean as a Zone of Peace\u{201d}.\n\
               \n\
               1.\n\
               \n\
               2.\n\
               \n\
               3.\n\
               \n\
               52nd plenary meeting\n\
               1 December 2025\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    assert_eq!(count(&a, BlockKind::Operative), 3);
    assert_eq!(count(&a, BlockKind::Preambular), 1);
}

/// An OP number in a column, its text ending with `:` and its items set out
/// after the next paragraphs' numbers (A/RES/80/45, OP 3): the colon is
/// right.
#[test]
fn a_colon_before_items_set_out_after_a_column() {
    for style in ["separate", "oneline"] {
        let src = lab_text("A-RES-80-45", style, "pdfminer");
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{style}");
        assert_eq!(count(&a, BlockKind::SubParagraph), 6, "{style}");
    }
}

/// pdfminer.six widens the spaces of a justified line
/// (`70/52  of  7  December  2015`); the list of resolutions still reads,
/// and A/RES/80/24's three wrong dates are reported where they stand.
#[test]
fn citations_on_lines_with_widened_spaces() {
    let src = lab_text("A-RES-80-24", "oneline", "pdfminer");
    assert!(src.contains("67/60  of  3  December  2012"));
    let a = run(&src);
    let dates: Vec<String> = diagnostics(&src, &a)
        .into_iter()
        .filter(|d| d.contains("citation-date"))
        .collect();
    assert_eq!(
        dates,
        [
            "21:10 citation-date General Assembly resolution 74/45 was adopted on 12 December 2019, not on 19 December 2019 (catalogue: A/RES/74/45)",
            "190:25 citation-date General Assembly resolution 74/54 was adopted on 12 December 2019, not on 19 December 2019 (catalogue: A/RES/74/54)",
            "190:52 citation-date General Assembly resolution 75/45 was adopted on 7 December 2020, not on 17 December 2020 (catalogue: A/RES/75/45)",
        ]
    );
}

/// pdftotext sets a paragraph's short last line that ends with a raised
/// reference above the paragraph, between the text before and a blank line
/// (A/RES/80/2: `session,1` under the chapeau, then `Having considered ...
/// eighty-fifth`): the line is the paragraph's end, and its reference and
/// final comma count.
#[test]
fn a_paragraphs_last_line_set_above_it() {
    for style in ["separate", "oneline", "sectiontop"] {
        let src = lab_text("A-RES-80-2", style, "pdftotext");
        assert!(src.contains("The General Assembly,\nsession,1\n\nHaving considered"));
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{style}");
        assert_eq!(count(&a, BlockKind::Preambular), 2, "{style}");
        let pp = a
            .doc
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Preambular);
        let opener = pp.and_then(|b| b.opener.as_ref()).map(|o| o.phrase.clone());
        assert_eq!(opener.as_deref(), Some("Having considered"), "{style}");
    }
    // After a paragraph that the line would otherwise go on with.
    let src = "The General Assembly,\n\
               Recalling the conclusion of the work of the Open-ended Working Group, and its report\n\
               adopted by consensus,\n\
               therein,1\n\
               \n\
               Recalling also the report of the Open-ended Working Group and the recommendations contained\n\
               \n\
               1. Decides to remain seized of the matter.\n\
               __________________\n\
               1 A/AC.268/2017/2.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    assert_eq!(count(&a, BlockKind::Preambular), 2);
    // The paragraph below ends with its own punctuation: the line is not
    // its end, and goes on with the paragraph before as it did.
    let finished = src.replace(
        "recommendations contained\n",
        "recommendations contained,\n",
    );
    let a = run(&finished);
    assert_eq!(diagnostics(&finished, &a), Vec::<String>::new());
    assert!(a.doc.blocks.iter().all(|b| !b.displaced_tail));
    // A paragraph that ends without its punctuation and has no such line
    // above it is still reported.
    let cut = src.replace("therein,1\n", "");
    let d = diagnostics(&cut, &run(&cut));
    assert!(
        d.iter()
            .any(|d| d.contains("terminator") && d.contains("missing")),
        "{d:?}"
    );
}

/// Chrome's PDF viewer breaks a line after each raised number: after
/// `Rarotonga,3` the rest ` Bangkok4` starts with a capital and ends with a
/// raised number of its own; it goes on with the paragraph (A/RES/80/15).
#[test]
fn a_line_broken_twice_by_raised_numbers() {
    let src = lab_text("A-RES-80-15", "separate", "pdfium");
    assert!(src.contains("Rarotonga,3\n Bangkok4\n and"));
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    assert_eq!(count(&a, BlockKind::Preambular), 15);
    // A capital after a paragraph's punctuation and reference that goes on
    // past a few words, or has no raised number, still starts a paragraph.
    let src = "The General Assembly,\n\
               Recalling the treaties of Tlatelolco and Rarotonga,1\n \
               Recallling the treaty of Bangkok,\n\
               1. Decides to remain seized of the matter.\n\
               __________________\n\
               1 United Nations, Treaty Series, vol. 634, No. 9068.\n";
    let d = diagnostics(src, &run(src));
    assert!(d.iter().any(|d| d.contains("opener-unknown")), "{d:?}");
}

/// A running head whose short title was cut after a comma (`A/RES/80/35
/// Implementation of the Convention on the Prohibition of the Use,`), on
/// one line with the symbol or alone after the page's furniture.
#[test]
fn a_running_head_cut_after_a_comma() {
    for style in ["oneline", "separate"] {
        for extractor in ["pdfminer", "pdfplumber", "pdftotext", "pymupdf", "pypdf"] {
            let src = lab_text("A-RES-80-35", style, extractor);
            assert!(
                src.contains("Prohibition of the Use,\n"),
                "{style} {extractor}"
            );
            let a = run(&src);
            assert_eq!(
                diagnostics(&src, &a),
                Vec::<String>::new(),
                "{style} {extractor}"
            );
            assert_eq!(count(&a, BlockKind::Operative), 11, "{style} {extractor}");
        }
    }
}

/// pdfminer.six may set the first word of a page's first line after the
/// line's other pieces (`the`, `relevant`, `regional  and`, then
/// `Encourages`) while the page's numbers wait for their texts: the pieces
/// and the opener make one paragraph, which opens with `Encourages`.
#[test]
fn pdfminer_pieces_before_the_piece_that_holds_the_opener() {
    let src = lab_text("A-RES-80-25", "sectiontop", "pdfminer");
    let a = run(&src);
    let five = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Operative)
        .nth(4)
        .expect("five operative paragraphs");
    let opener = five.opener.as_ref().expect("an opener");
    assert_eq!(opener.phrase, "Encourages");
    let text: Vec<&str> = five.lines.iter().map(|r| src[r].trim()).collect();
    assert_eq!(
        text[..5],
        ["5.", "the", "relevant", "regional  and", "Encourages"]
    );

    // By hand; and not: pieces in lower case before a piece with no opener.
    let page = |opening: &str| {
        format!(
            "The General Assembly,\n\
             \n\
             Recalling its resolution 78/1,\n\
             \n\
             1. Welcomes the report of the Secretary-General;\n\
             \n\
             2.\n\
             \n\
             3.\n\
             \n\
             the \n\
             \n\
             relevant \n\
             \n\
             {opening}\n\
             organizations to report;\n\
             \n\
             Decides to remain seized of the matter.\n"
        )
    };
    let src = page("Encourages ");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let openers: Vec<_> = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Operative)
        .map(|b| b.opener.as_ref().map(|o| o.phrase.clone()))
        .collect();
    assert_eq!(
        openers,
        [
            Some("Welcomes".into()),
            Some("Encourages".into()),
            Some("Decides to remain seized".into())
        ]
    );
    // A whole line that opens after the pieces is the text's start too: the
    // pieces came from a line further down (A/RES/80/48, `third_probe.rs`).
    let second_opener = |opening: &str| {
        let src = page(opening);
        let a = run(&src);
        (a.doc.blocks.iter())
            .filter(|b| b.kind == BlockKind::Operative)
            .nth(1)
            .and_then(|b| b.opener.as_ref())
            .map(|o| o.phrase.clone())
    };
    assert_eq!(
        second_opener("Encourages the relevant").as_deref(),
        Some("Encourages")
    );
    assert_eq!(second_opener("Further ").as_deref(), Some("the"));
}
