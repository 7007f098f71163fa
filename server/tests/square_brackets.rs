//! A draft under negotiation puts whole paragraphs in square brackets
//! (`[Deeply concerned that ...,]`). Without blank lines between paragraphs
//! (pdfplumber, pdftotext, PyMuPDF) only the opener after the bracket says
//! that a paragraph starts there.

mod support;

use reso::syntax::BlockKind;
use support::{diagnostics, run};

/// The lab's draft A/C.3/81/L.99 read back by pdfplumber: the bracketed
/// preambular paragraph is one of its own (seven, as in the source), and
/// its opener is `Deeply concerned`, without the bracket.
#[test]
fn bracketed_paragraph_starts_without_a_blank_line() {
    for style in ["oneline", "separate", "sectiontop"] {
        let path = format!(
            "{}/../tests/extraction/out/A-C.3-81-L.99-draft/{style}/pdfplumber.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let a = run(&src);
        let pps: Vec<_> = (a.doc.blocks.iter())
            .filter(|b| b.kind == BlockKind::Preambular)
            .collect();
        assert_eq!(pps.len(), 7, "{style}");
        let bracketed = pps[4];
        let opener = bracketed.opener_range().expect("an opener");
        assert_eq!(&src[opener], "Deeply concerned", "{style}");
        // The source's two defects (a wrong date, `Encourges`) and nothing
        // else.
        let d = diagnostics(&src, &a);
        assert_eq!(d.len(), 2, "{style}: {d:#?}");
        assert!(d[0].contains("citation-date"), "{style}: {d:#?}");
        assert!(
            d[1].contains("opener-unknown `Encourges`"),
            "{style}: {d:#?}"
        );
    }
}

/// The same in a hand-written draft: the bracketed paragraph between two
/// others, each on its lines, no blank line anywhere.
#[test]
fn bracketed_paragraph_in_a_draft_without_blank_lines() {
    let src = "The General Assembly,\n\
               Recalling its resolution 80/10 of 26 November 2025 on the International Day of the World's\n\
               Indigenous Women and Girls,\n\
               [Deeply concerned that one third of the world's population remains food-insecure, and that\n\
               [progress has slowed] [the world is off track] in reducing poverty since 1995,]\n\
               Noting with appreciation the work of the Commission for Social Development,\n\
               1. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let openers: Vec<_> = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Preambular)
        .map(|b| &src[b.opener_range().unwrap()])
        .collect();
    assert_eq!(
        openers,
        ["Recalling", "Deeply concerned", "Noting with appreciation"]
    );
}
