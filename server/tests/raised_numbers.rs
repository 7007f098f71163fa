//! PDFium, the engine of Chrome's PDF viewer, breaks the line after a raised
//! footnote number and starts the rest of that line with one space:
//!
//! ```text
//! Prohibition of Chemical Weapons of 18 November 2024,3
//!  14 February 20254
//!  and 20 June 20255
//! following technical assistance visits requested by Ukraine, ...
//! ```
//!
//! The rest goes on with its paragraph; a one-space line that starts a
//! paragraph by itself (a pasted page break before an opener) still starts
//! one.

mod support;

use reso::syntax::BlockKind;
use support::{diagnostics, lab_text, run};

const STYLES: [&str; 3] = ["separate", "oneline", "sectiontop"];

/// A/RES/80/34 copied from Chrome: operative paragraph 3 holds its three
/// references and the line after them, and the text reads as its source
/// (36 operative paragraphs, no diagnostic).
#[test]
fn the_rest_of_a_line_after_a_raised_number_stays_in_its_paragraph() {
    for style in STYLES {
        let src = lab_text("A-RES-80-34", style, "pdfium");
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{style}");
        let ops: Vec<_> = (a.doc.blocks.iter().enumerate())
            .filter(|(_, b)| b.kind == BlockKind::Operative)
            .collect();
        assert_eq!(ops.len(), 36, "{style}");
        let (third, block) = ops[2];
        let text: String = block.lines.iter().map(|r| &src[r.clone()]).collect();
        assert!(
            text.contains("following technical assistance visits"),
            "{style}: {text}"
        );
        let refs: Vec<u32> = (a.doc.footnote_refs.iter())
            .filter(|r| r.block == third)
            .map(|r| r.number)
            .collect();
        assert_eq!(refs, [3, 4, 5], "{style}");
    }
}

/// A/RES/80/51: a raised number alone on its line (`weapons,` / `4` /
/// ` and the disquiet ...`) does not start a preambular paragraph.
#[test]
fn a_raised_number_alone_and_the_rest_of_its_line() {
    for style in STYLES {
        let src = lab_text("A-RES-80-51", style, "pdfium");
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{style}");
        let pps = (a.doc.blocks.iter())
            .filter(|b| b.kind == BlockKind::Preambular)
            .count();
        assert_eq!(pps, 12, "{style}");
    }
}

/// Pasted text whose pages start with one space: after a glued reference, a
/// line with an opener still starts a paragraph, and one in mid-sentence
/// goes on with its paragraph.
#[test]
fn a_page_break_after_a_glued_reference() {
    let src = "The General Assembly,\n\
               \n\
               Recalling the Convention on the Rights of the Child,1\n \
               Noting with concern the findings of the report of the Secretary-General,2\n\
               \n\
               1. Decides to remain seized of the matter.\n\
               \n\
               1 Resolution 44/25, annex.\n\
               2 A/80/100.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let pps = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Preambular)
        .count();
    assert_eq!(pps, 2);
}

/// In a layout where one space starts a paragraph, a capital after a
/// paragraph's punctuation and its reference starts the next paragraph
/// (found by the layout property on A/RES/80/5's annex re-laid so).
#[test]
fn a_capital_after_punctuation_and_a_reference_starts_a_paragraph() {
    let src = "The General Assembly,\n \
               Recalling its resolution 78/1 of 9 October 2023,\n \
               1. Adopts the following declaration:\n\
               \n\
               Annex\n\
               \n\
               Declaration\n \
               Promoting a risk-informed approach according to the Sendai Framework for\n\
               Disaster Risk Reduction 2015–2030;1\n \
               Ensuring that education and health systems are resilient to disasters.\n\
               \n\
               1 Resolution 69/283, annex II.\n";
    let a = run(src);
    let paras: Vec<String> = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::AnnexParagraph)
        .map(|b| src[b.lines.first().unwrap().clone()].trim().to_string())
        .collect();
    assert_eq!(paras.len(), 2, "{paras:#?}");
    assert!(paras[1].starts_with("Ensuring"), "{paras:#?}");
}
