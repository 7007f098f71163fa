//! Markers set apart from their texts: real resolutions typeset by the
//! extraction lab (tests/extraction) and read back by pdfminer.six and
//! pdftotext, which set a page's paragraph numbers and sub-paragraph markers
//! out as a column, before or after the texts they belong to. Each number
//! and marker is read as its paragraph's (SPEC section 2: numbers that count
//! up are evidence in any layout), and the texts report nothing their source
//! does not.

mod support;

use reso::analysis::{line_col, Analysis};
use reso::syntax::{BlockKind, MarkerKind};
use support::{diagnostics, run};

fn lab(path: &str) -> String {
    let full = format!(
        "{}/../tests/extraction/out/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// `N. Opener` for every operative paragraph, in order.
fn operative(a: &Analysis) -> Vec<String> {
    a.doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Operative)
        .map(|b| {
            let n = match b.marker.as_ref().map(|m| &m.kind) {
                Some(MarkerKind::Number { n, .. }) => n.to_string(),
                _ => "-".to_string(),
            };
            let opener = b.opener.as_ref().map_or("?", |o| o.phrase.as_str());
            format!("{n}. {opener}")
        })
        .collect()
}

/// pdfminer: `1.` and `2.` in a column, then both texts; `3.` alone, then
/// its text.
#[test]
fn numbers_in_a_column_before_their_texts() {
    let src = lab("A-RES-80-10/separate/pdfminer.txt");
    let a = run(&src);
    assert_eq!(
        operative(&a),
        ["1. Decides", "2. Requests", "3. Stresses"],
        "{}",
        diagnostics(&src, &a).join("\n")
    );
    let numbers: Vec<usize> = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Operative)
        .map(|b| line_col(&src, b.marker_range().unwrap().start).0)
        .collect();
    let (one, two) = (numbers[0], numbers[1]);
    assert_eq!(
        (src.lines().nth(one - 1), src.lines().nth(two - 1)),
        (Some("1."), Some("2.")),
        "each number points at its own line"
    );
}

/// pdfminer: the texts of OPs 3 to 8 first, then `3.` to `8.` in a column
/// (each text waits as an operative paragraph without a number until the
/// number that comes next in the count takes it); and sub-paragraph markers
/// alone before their texts.
#[test]
fn numbers_in_a_column_after_their_texts() {
    let src = lab("A-RES-80-11/separate/pdfminer.txt");
    let a = run(&src);
    let ops = operative(&a);
    assert_eq!(
        ops[..9],
        [
            "1. Reaffirms",
            "2. Recognizes",
            "3. Encourages",
            "4. Calls for",
            "5. Encourages",
            "6. Requests",
            "7. Encourages",
            "8. Also encourages",
            "9. Welcomes",
        ],
        "{}",
        diagnostics(&src, &a).join("\n")
    );
    assert_eq!(ops.len(), 30);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
}

/// pdftotext: OP 2's number comes at the top of the page, before the last
/// sub-paragraphs of OP 1 (`2.` then `(c)`): `(c)` goes on with OP 1's list,
/// so the number waits for the first text that opens with an operative verb.
#[test]
fn a_number_set_before_the_end_of_the_previous_list() {
    let src = lab("A-RES-80-11/separate/pdftotext.txt");
    let a = run(&src);
    assert_eq!(
        operative(&a)[..3],
        ["1. Reaffirms", "2. Recognizes", "3. Encourages"],
        "{}",
        diagnostics(&src, &a).join("\n")
    );
    // OP 1's (c) to (i) keep OP 1 as their holder, OP 2's (a) is its own.
    let holder_of = |label: &str, after_line: usize| {
        let (i, b) = (a.doc.blocks.iter().enumerate())
            .find(|(_, b)| {
                b.kind == BlockKind::SubParagraph
                    && line_col(&src, b.span().start).0 > after_line
                    && b.marker_range().is_some_and(|m| &src[m] == label)
            })
            .unwrap_or_else(|| panic!("{label} after line {after_line}"));
        let p = b
            .parent()
            .unwrap_or_else(|| panic!("{label} (block {i}) has a holder"));
        match a.doc.blocks[p].marker.as_ref().map(|m| &m.kind) {
            Some(MarkerKind::Number { n, .. }) => *n,
            _ => 0,
        }
    };
    let two = src.lines().position(|l| l == "2.").expect("`2.` alone") + 1;
    assert_eq!(holder_of("(c)", two), 1);
    assert_eq!(holder_of("(i)", two), 1);
    let recognizes = src
        .lines()
        .position(|l| l.starts_with("Recognizes the importance"))
        .expect("OP 2's text")
        + 1;
    assert_eq!(holder_of("(a)", recognizes), 2);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
}

/// pdfminer: `1.` to `7.` in a column, then the last preambular paragraph's
/// text (`Mindful of ...,`), then the operative texts: the preamble goes on
/// until a number gets its text. The one true defect of the source (OP 8's
/// list without markers) is still reported.
#[test]
fn a_preambular_paragraph_after_the_numbers() {
    let src = lab("A-RES-80-12/separate/pdfminer.txt");
    let a = run(&src);
    let preambular = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Preambular)
        .count();
    assert_eq!(preambular, 14, "{}", diagnostics(&src, &a).join("\n"));
    let ops = operative(&a);
    assert_eq!(ops.len(), 10);
    assert_eq!(ops[0], "1. Calls upon");
    let d = diagnostics(&src, &a);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].contains("sub-numbering sub-paragraph markers seem to be missing; expected (a)"),
        "{d:#?}"
    );
}

/// pdfminer: sub-paragraph markers in a column (`(a)` `(b)` then both texts,
/// `(i)` `(ii)` then both), in a draft with `bis` and brackets. Its two
/// planted defects are all it reports.
#[test]
fn sub_paragraph_markers_in_a_column() {
    let src = lab("A-C.3-81-L.99-draft/separate/pdfminer.txt");
    let a = run(&src);
    let subs: Vec<String> = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::SubParagraph)
        .map(|b| {
            let m = b.marker_range().map_or("-", |m| &src[m]);
            let text = b
                .lines
                .iter()
                .map(|r| src[r].trim())
                .find(|t| !t.is_empty() && *t != m)
                .unwrap_or("");
            format!(
                "{m} {}",
                text.split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        })
        .collect();
    assert!(
        subs.iter().any(|s| s == "(a) The follow-up to")
            && subs.iter().any(|s| s == "(b) [The role of")
            && subs
                .iter()
                .any(|s| s == "(i) Through national consultations;")
            && subs.iter().any(|s| s == "(ii) Through regional meetings"),
        "{subs:#?}"
    );
    let codes: Vec<String> = a.diagnostics.iter().map(|d| d.code.to_string()).collect();
    assert_eq!(
        codes,
        ["citation-date", "opener-unknown"],
        "{:#?}",
        diagnostics(&src, &a)
    );
}

/// A number alone whose text follows it is that text's number, also after a
/// list whose markers were lost (the newer extraction of 80/11 as laid out
/// by `prop_layout`): it takes no earlier paragraph.
#[test]
fn a_number_followed_by_its_text_takes_no_earlier_paragraph() {
    let src = "The General Assembly,\n\n\
               Recalling its resolution 79/1,\n\n\
               1. Recognizes the importance of the Commission, and in this regard:\n\n\
               Decides to consider seeking advice from the Commission;\n\n\
               2.\n\
               Encourages improved cooperation with the Council.\n";
    let a = run(src);
    assert_eq!(operative(&a), ["1. Recognizes", "2. Encourages"]);
    let lost = (a.doc.blocks.iter())
        .find(|b| b.kind == BlockKind::SubParagraph)
        .expect("the item of the list whose marker was lost");
    assert_eq!(line_col(src, lost.span().start).0, 7);
}

/// A paragraph without a number in a numbered body is still reported when
/// no number comes for it.
#[test]
fn a_paragraph_no_number_comes_for_is_reported() {
    let src = "The General Assembly,\n\n\
               Recalling its resolution 79/1,\n\n\
               1. Decides to remain seized of the matter;\n\n\
               Requests the Secretary-General to report;\n\n\
               3. Decides to include the item.\n";
    let a = run(src);
    let d = diagnostics(src, &a);
    assert!(d.iter().any(|d| d.starts_with("7:1 structure")), "{d:#?}");
}

/// pdfminer: OP 5's `(b)` to `(f)` in a column at a page's top, then the
/// end of (a)'s text (which went on across the page break), then the five
/// texts one under the other without blank lines; and OP 2 of S/RES/242,
/// whose chapeau has no colon, keeps its list: the line after the column
/// opens (a), it does not go on with the chapeau.
#[test]
fn a_column_after_a_page_break_inside_a_list() {
    let src = lab("A-RES-80-34/separate/pdfminer.txt");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let sub_starting = |label: &str, words: &str| {
        a.doc.blocks.iter().any(|b| {
            b.kind == BlockKind::SubParagraph
                && b.marker_range().is_some_and(|m| &src[m] == label)
                && b.lines
                    .iter()
                    .map(|r| src[b.text_start(&r)..r.end].trim())
                    .find(|t| !t.is_empty())
                    .is_some_and(|t| t.starts_with(words))
        })
    };
    assert!(sub_starting(
        "(b)",
        "The report of the Joint Investigative Mechanism of 26 October"
    ));
    assert!(sub_starting("(f)", "The  fourth  report"));

    let src = lab("S-RES-242-1967/separate/pdfminer.txt");
    let a = run(&src);
    let ops = operative(&a);
    assert_eq!(ops[1], "2. Affirms further");
    let two = (a.doc.blocks.iter())
        .position(|b| {
            b.kind == BlockKind::Operative
                && b.opener
                    .as_ref()
                    .is_some_and(|o| o.phrase == "Affirms further")
        })
        .unwrap();
    assert_eq!(
        a.doc
            .block_text(&src, two)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        "2. Affirms further the necessity"
    );
}

/// pdftotext: a page's footnote numbers in a column under the rule, then
/// their texts one a line; a text may be a symbol alone (`A/61/1028.`), which
/// is no running head there. Each footnote gets its own text.
#[test]
fn footnote_numbers_in_a_column_get_their_texts() {
    let src = lab("A-RES-80-53/separate/pdftotext.txt");
    let a = run(&src);
    let texts: Vec<(u32, String)> = (a.doc.footnote_defs.iter())
        .take(9)
        .map(|d| {
            let words: Vec<&str> = d.text.iter().map(|r| src[r.clone()].trim()).collect();
            (d.number, words.join(" ").trim().to_string())
        })
        .collect();
    assert_eq!(
        texts,
        [
            (1, "Resolution S-10/2, paras. 30, 31, 50, 91 and 92."),
            (2, "A/61/1028."),
            (3, "A/45/372 and A/45/372/Corr.1."),
            (4, "A/50/377 and A/50/377/Corr.1."),
            (5, "A/51/182/Rev.1."),
            (6, "A/74/90 and A/78/120."),
            (7, "A/78/120."),
            (8, "A/79/93."),
            (9, "A/80/93."),
        ]
        .map(|(n, t)| (n, t.to_string()))
    );
    let codes: Vec<String> = (a.diagnostics.iter())
        .filter(|d| d.range.start < src.find("25-11067").unwrap())
        .map(|d| d.code.to_string())
        .collect();
    assert_eq!(codes, Vec::<String>::new(), "{:#?}", diagnostics(&src, &a));
}

/// PyMuPDF, no blank lines: OP 8's list whose markers the source left out
/// (`Encourages Member States:` then `To inform ...` and `To continue ...`)
/// is still read as a list, and its one true defect is reported, as from
/// every other extraction.
#[test]
fn a_list_without_markers_in_text_without_blank_lines() {
    let src = lab("A-RES-80-12/separate/pymupdf.txt");
    let a = run(&src);
    let d = diagnostics(&src, &a);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].ends_with("sub-numbering sub-paragraph markers seem to be missing; expected (a)"),
        "{d:#?}"
    );
    let line = d[0].split(':').next().unwrap().parse::<usize>().unwrap();
    assert!(src.lines().nth(line - 1).unwrap().starts_with("To inform"));
}

/// pdftotext: `6.` alone right after OP 5 (`... the following objectives:`),
/// then `(a)` to `(d)`: the list is OP 5's, which introduced it and has not
/// begun one, so `6.` waits for `Also requests ...`; OP 5's colon is right
/// and nothing is reported before OP 6.
#[test]
fn a_number_before_the_list_the_previous_paragraph_introduced() {
    let src = lab("A-RES-80-53/separate/pdftotext.txt");
    let a = run(&src);
    let ops = operative(&a);
    assert_eq!(ops[4..6], ["5. Requests", "6. Also requests"]);
    let five = (a.doc.blocks.iter())
        .position(|b| {
            matches!(
                b.marker.as_ref().map(|m| &m.kind),
                Some(MarkerKind::Number { n: 5, .. })
            )
        })
        .unwrap();
    let children = (a.doc.blocks.iter())
        .filter(|b| b.parent() == Some(five))
        .count();
    assert_eq!(children, 4);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
}

/// PyMuPDF, a Security Council resolution with section headings at the top
/// of the page: the second page's running head repeats the number line and
/// its date on one line (`Resolution 242 (1967) of 22 November 1967`). It is
/// page furniture, as the heading says, and OP 3 and 4 go on the
/// resolution; nothing is reported. A body line that only cites the
/// resolution is not furniture.
#[test]
fn running_head_repeating_a_council_resolutions_number_line() {
    let src = lab("S-RES-242-1967/sectiontop/pymupdf.txt");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let head = src.find("Resolution 242 (1967) of 22").unwrap();
    let block = (a.doc.blocks.iter())
        .find(|b| b.span().contains(&head))
        .unwrap();
    assert_eq!(block.kind, BlockKind::Furniture);
    assert_eq!(operative(&a).len(), 4);

    let cited = "Resolution 242 (1967)\nof 22 November 1967\n\n\
                 The Security Council,\n\n\
                 1. Recalls its resolution\n\
                 resolution 242 (1967) of 22 November 1967 and\n\
                 its resolution 338 (1973);\n";
    let a = run(cited);
    let line = cited
        .find("resolution 242 (1967) of 22 November 1967 and")
        .unwrap();
    let block = (a.doc.blocks.iter())
        .find(|b| b.span().contains(&line))
        .unwrap();
    assert_eq!(block.kind, BlockKind::Operative);
}

/// PyMuPDF's blocks: a page turns inside sub-paragraph (a) of OP 11 right
/// after `Kafr Zayta,18`, and the next page goes on with a name (`Syrian Arab
/// Republic, which concluded ...`). A comma ends no item of an operative
/// list, so the text goes on with (a): no missing marker, no terminator.
#[test]
fn an_item_goes_on_after_a_comma_at_a_page_turn() {
    let src = lab("A-RES-80-34/oneline/pymupdf-blocks.txt");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let at = src.find("Syrian Arab Republic, which concluded").unwrap();
    let block = (a.doc.blocks.iter())
        .find(|b| b.span().contains(&at))
        .unwrap();
    assert_eq!(block.kind, BlockKind::SubParagraph);
    assert!(src[block.span()].contains("The reports of the fact-finding mission"));
}

/// The same in a draft written with blank lines: after an operative
/// paragraph that ends with a comma, a block that starts with a capital and
/// no opener goes on with it; after one that ends with `;`, it is reported.
#[test]
fn a_comma_ends_no_operative_paragraph() {
    let src = "The General Assembly,\n\n\
               Recalling its resolution 79/1,\n\n\
               1. Welcomes the reports on the alleged incidents in Marea and Kafr Zayta,\n\n\
               Syrian Arab Republic, of 2016;\n\n\
               2. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let wrong = src.replace("Zayta,", "Zayta;");
    let a = run(&wrong);
    let d = diagnostics(&wrong, &a);
    assert!(d.iter().any(|d| d.starts_with("7:1 structure")), "{d:#?}");
}

/// PyMuPDF's blocks: the running head's title wraps, and its last words
/// (`Experts on`) come as a block of their own between blank lines after the
/// symbol's block. They are furniture, not a preambular paragraph.
#[test]
fn a_running_heads_last_words_in_a_block_of_their_own() {
    let src = lab("A-RES-80-53/separate/pymupdf-blocks.txt");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let at = src.find("\nExperts on\n").unwrap() + 1;
    let block = (a.doc.blocks.iter())
        .find(|b| b.span().contains(&at))
        .unwrap();
    assert_eq!(block.kind, BlockKind::Furniture);
}

/// pdfminer.six splits a justified line at its widest gaps and sets the
/// pieces apart after the paragraph, each between blank lines, with the gap
/// left at their end (`the  sovereignty, `, `territorial `). They go with
/// the paragraph, whose text still ends where it did: nothing is reported.
#[test]
fn displaced_pieces_of_a_justified_line() {
    let src = lab("S-RES-242-1967/oneline/pdfminer.txt");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let at = src.find("the  sovereignty, \n").unwrap();
    let block = (a.doc.blocks.iter())
        .find(|b| b.lines.iter().any(|r| r.contains(&at)))
        .unwrap();
    let marker = block.marker_range().unwrap();
    assert_eq!(&src[marker], "(ii)");

    let src = lab("A-RES-80-10/oneline/pdfminer.txt");
    let a = run(&src);
    let d = diagnostics(&src, &a);
    assert!(!d.iter().any(|d| d.contains("terminator")), "{d:#?}");
}

/// The last piece decides nothing when the text before the pieces has no
/// final punctuation: `Recalling its resolution 79/1` then ` of 2024 ` after
/// a blank line still lacks its comma.
#[test]
fn displaced_pieces_after_an_unfinished_text() {
    let src = "The General Assembly,\n\n\
               Recalling its resolution 79/1 on the situation\n\n\
               of 2024 \n\n\
               1. Decides to remain seized of the matter.\n";
    let a = run(src);
    let d = diagnostics(src, &a);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(d[0].starts_with("5:7 terminator"), "{d:#?}");
}

/// pdfminer.six, A/RES/80/11: OP 1's markers `(a)` to `(h)` in a column,
/// `(b)`'s text `... by:`, then `(i)` and `(ii)` in a column of their own.
/// `(i)` after `(h)` is a numeral here (the text before it introduces a
/// list), and the inner list takes the next texts before `(c)` does.
#[test]
fn an_inner_list_set_out_while_the_outer_lists_markers_wait() {
    let src = lab("A-RES-80-11/sectiontop/pdfminer.txt");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let text_of = |marker: &str, nth: usize| {
        let b = (a.doc.blocks.iter())
            .filter(|b| b.marker_range().is_some_and(|m| &src[m] == marker))
            .nth(nth)
            .unwrap();
        let r = b.lines.iter().nth(1).unwrap();
        src[r].split_whitespace().next().unwrap().to_string()
    };
    assert_eq!(text_of("(i)", 0), "Assisting");
    assert_eq!(text_of("(ii)", 0), "Inviting");
    assert_eq!(text_of("(c)", 0), "Taking");
}

/// pdfminer.six on a page without space between paragraphs: the texts of
/// OPs 4 to 7 come first, then their numbers in a column out of order
/// (`6.` `7.` `5.` `4.`, with the first sub-paragraph markers among them).
/// Each number goes to the text whose turn it is, counting from the highest
/// number before them (3: the texts of `2.` and `3.`, set out before
/// `1. Calls upon`, came after it).
#[test]
fn numbers_in_a_column_read_out_of_order() {
    let src = lab("A-RES-80-12/compact/pdfminer.txt");
    let a = run(&src);
    let ops = operative(&a);
    let of = |opener: &str| {
        ops.iter()
            .filter(|o| o.ends_with(opener))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(of("Also invites"), ["4. Also invites"], "{ops:#?}");
    assert_eq!(of("Takes note of"), ["6. Takes note of"], "{ops:#?}");
    assert_eq!(of("Requests"), ["7. Requests"], "{ops:#?}");
    let d = diagnostics(&src, &a);
    let at = |line: &str| d.iter().any(|d| d.starts_with(line));
    assert!(
        !(at("111:") || at("113:") || at("117:") || at("118:1 ")),
        "each of the four gets its number: {d:#?}"
    );
}

/// The same by hand: texts without numbers, then their numbers read out of
/// order. A number beyond the waiting texts' count takes none of them, and
/// the text left without a number is still reported.
#[test]
fn a_column_out_of_order_numbers_only_the_texts_waiting() {
    let text = |column: &str| {
        format!(
            "The General Assembly,\n\n\
             Recalling its resolution 79/1,\n\n\
             1. Decides to consider the matter;\n\
             Requests the Secretary-General to report;\n\
             Encourages Member States to cooperate;\n\
             Invites the Council to consider the report;\n\n\
             {column}\n\n\
             5. Decides to remain seized of the matter.\n"
        )
    };
    let src = text("3.\n\n4.\n2.");
    let a = run(&src);
    assert_eq!(
        operative(&a),
        [
            "1. Decides",
            "2. Requests",
            "3. Encourages",
            "4. Invites",
            "5. Decides to remain seized"
        ],
        "{:#?}",
        diagnostics(&src, &a)
    );
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());

    // No `4.`: the text of 4 is reported, and so is the `6.` no text waits for.
    let src = text("3.\n\n6.\n2.");
    let a = run(&src);
    let d = diagnostics(&src, &a);
    assert!(d.iter().any(|d| d.starts_with("8:1 structure")), "{d:#?}");
    assert!(
        d.iter()
            .any(|d| d.starts_with("12:1 numbering operative paragraph numbered 6")),
        "{d:#?}"
    );
}
