//! Text copied from Firefox's PDF viewer: pdf.js, read as its text layer
//! copies (`pdfjs`: a line break where pdf.js marks an end of line) and as
//! the npm package pdf-parse reads it (`pdfjs-lines`: a line break wherever
//! the baseline moves, so a raised footnote number gets a line of its own).
//! pdf.js sets no space between pieces of a line that are apart on the page:
//! the running head's symbol and title (`A/RES/80/24Nuclear disarmament`),
//! the page number and job number (`3/625-19824`).

mod support;

use support::{diagnostics, lab_sources, lab_text, run};

/// Every lab source, on every page style, in both readings: only the true
/// defects of the sources are reported (A/RES/80/24's three wrong dates and
/// two paragraphs that lost their last words, A/RES/80/25's two, A/RES/80/12's
/// planted list without markers, the draft's misspelt opener and wrong date).
#[test]
fn every_lab_source_in_both_pdf_js_readings() {
    let names = lab_sources();
    assert_eq!(names.len(), 51);
    for name in &names {
        let want = match name.as_str() {
            "A-RES-80-24" => 5,
            "A-RES-80-25" | "A-C.3-81-L.99-draft" => 2,
            "A-RES-80-12" => 1,
            _ => 0,
        };
        for style in ["separate", "oneline", "sectiontop", "compact"] {
            for extractor in ["pdfjs", "pdfjs-lines"] {
                let src = lab_text(name, style, extractor);
                let d = diagnostics(&src, &run(&src));
                assert_eq!(d.len(), want, "{name} {style} {extractor}: {d:#?}");
            }
        }
    }
}

/// A running head whose symbol and title are glued, and a foot whose page
/// number and job number are: page furniture, not paragraphs, and the glued
/// title is no part of the symbol (no `symbol-malformed`).
#[test]
fn a_running_head_and_foot_glued_together() {
    let page = |head: &str, foot: &str| {
        format!(
            "80/24. Nuclear disarmament\n\
             The General Assembly,\n\
             Recalling its resolution 78/1 of 9 October 2023,\n\
             1. Welcomes the report of the Secretary-General on the\n\
             {foot}\n\
             {head}\n\
             work of the Conference on Disarmament;\n\
             2. Decides to remain seized of the matter.\n"
        )
    };
    for (head, foot) in [
        ("A/RES/80/24Nuclear disarmament", "3/625-19824"),
        ("Nuclear disarmamentA/RES/80/24", "25-198243/6"),
    ] {
        let src = page(head, foot);
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{head}");
        let furniture: Vec<&str> = (a.doc.blocks.iter())
            .filter(|b| b.kind == reso::syntax::BlockKind::Furniture)
            .map(|b| src[b.lines.first().unwrap()].trim())
            .collect();
        assert_eq!(furniture, [foot, head]);
    }
    // Not furniture: a symbol glued to a word that is not the title, or a
    // page number glued to what is no job number.
    for line in ["A/RES/80/24Welcomes the report", "3/62519824"] {
        let src = page(line, "25-19824");
        let a = run(&src);
        assert!(
            !(a.doc.blocks.iter()).any(|b| b.kind == reso::syntax::BlockKind::Furniture
                && src[b.lines.first().unwrap()].trim() == line),
            "{line}"
        );
    }
}

/// A raised footnote number set on a line of its own in mid-sentence, and
/// the text going on under it, is the reference when the page's footnotes
/// define that number below (`1 S/2338/2024.`, or `1` alone again with its
/// text under it), not the first of the page's footnotes.
#[test]
fn a_reference_on_its_own_line_defined_at_the_page_s_foot() {
    for notes in [
        "1 S/2338/2024.\n2 S/2370/2025.\n",
        "1\nS/2338/2024.\n2\nS/2370/2025.\n",
    ] {
        let src = format!(
            "The General Assembly,\n\
             Recalling its resolution 78/1 of 9 October 2023,\n\
             1. Notes with grave concern the reports of 18 November 2024,\n\
             1\n\
             14 February 2025\n\
             2\n\
             following technical assistance visits;\n\
             2. Decides to remain seized of the matter.\n\
             {notes}\
             \n\
             25-16645\n"
        );
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{notes}");
        let defs: Vec<(u32, &str)> = (a.doc.footnote_defs.iter())
            .map(|d| (d.number, src[d.text.last().unwrap().clone()].trim()))
            .collect();
        assert_eq!(defs, [(1, "S/2338/2024."), (2, "S/2370/2025.")], "{notes}");
    }
    // With no definition below, the numbers and texts in turn are the
    // page's footnotes, as pdfplumber sets them out.
    let src = "The General Assembly,\n\
               Recalling its resolution 78/1 of 9 October 2023,\n\
               1. Decides to remain seized of the matter.\n\
               1\n\
               See resolution 78/1.\n\
               2\n\
               A/80/100.\n\
               \n\
               25-16645\n";
    let a = run(src);
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1, 2]);
}

/// `w3m` wraps a note's text at 80 columns, and here after the slash of a
/// symbol (`A/CONF.192/`, then `15), chap. IV`): the symbol is read whole
/// across the break, and no `symbol-malformed` is reported.
#[test]
fn a_symbol_wrapped_after_a_slash() {
    let src = "The General Assembly,\n\
               \n\
               Recalling the Programme of Action,^1 and its outcome,\n\
               \n\
               1. Decides to remain seized of the matter.\n\
               \n\
               ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n\
               \n\
                1. Report of the United Nations Conference on the Illicit Trade in Small Arms\n    \
               and Light Weapons in All Its Aspects, New York, 9–20 July 2001 (A/CONF.192/\n    \
               15), chap. IV, para. 24.↩︎\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let c = (a.citations.iter())
        .find(|c| c.symbol.starts_with("A/CONF"))
        .expect("the symbol is read");
    assert_eq!(c.symbol, "A/CONF.192/15");
    let written: String = src[c.range.clone()].split_whitespace().collect();
    assert_eq!(written, "A/CONF.192/15");
}
