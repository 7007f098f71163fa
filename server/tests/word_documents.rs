//! Text converted from a Word document (.docx), as drafters get it (and from
//! the web page made of it, read as text by html2text, w3m and lynx): pandoc to
//! its Markdown, to GitHub Markdown, to CommonMark (no footnote syntax: notes
//! as `[1]`) and to plain text (notes as `[1]` too), and mammoth to Markdown
//! (every punctuation mark escaped, references as links after an HTML
//! anchor, notes as a numbered list at the end). pandoc wraps lines at 72
//! columns, emphasis and headings included, and escapes what would read as a
//! list marker (`1\.`, `\(a\)`).

mod support;

use reso::syntax::BlockKind;
use support::{diagnostics, lab_sources, lab_text, run};

const CONVERTERS: [&str; 5] = [
    "pandoc-markdown",
    "pandoc-gfm",
    "pandoc-commonmark",
    "pandoc-plain",
    "mammoth",
];

fn source(name: &str) -> String {
    let path = format!(
        "{}/../tests/extraction/sources/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap()
}

/// `code message` of each diagnostic, sorted (lines differ between a source
/// and its conversion).
fn findings(src: &str) -> Vec<String> {
    let mut d: Vec<String> = (run(src).diagnostics.iter())
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    d.sort();
    d
}

/// Every lab source through every converter reads with its source's
/// diagnostics (its true defects) and nothing else, and with as many
/// footnotes.
#[test]
fn every_lab_source_converted_from_word() {
    let names = lab_sources();
    assert_eq!(names.len(), 51);
    for name in &names {
        let src = source(name);
        let want = findings(&src);
        let notes = run(&src).doc.footnote_defs.len();
        for converter in CONVERTERS {
            let text = lab_text(name, "docx", converter);
            assert_eq!(findings(&text), want, "{name} {converter}");
            assert_eq!(
                run(&text).doc.footnote_defs.len(),
                notes,
                "{name} {converter}"
            );
        }
    }
}

/// A Word document of twelve resolutions: its notes are numbered across the
/// document and all set at its end. Each resolution is still read on its
/// own (twelve), and the footnotes as the document's: no resolution reports
/// its references undefined, nor the last its notes unused.
#[test]
fn a_compendium_numbers_its_notes_across_its_resolutions() {
    let members = std::fs::read_to_string(format!(
        "{}/../tests/extraction/out/compendium-all/MEMBERS",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut want: Vec<String> = members.lines().flat_map(|m| findings(&source(m))).collect();
    want.sort();
    for converter in CONVERTERS {
        let text = lab_text("compendium-all", "docx", converter);
        let a = run(&text);
        assert_eq!(a.doc.resolutions(), 12, "{converter}");
        assert_eq!(findings(&text), want, "{converter}");
    }
}

/// Hand-made: two resolutions numbered across, notes at the end; a
/// reference with no note is still reported, where it is.
#[test]
fn notes_numbered_across_a_document_by_hand() {
    let res = |k: u32, refs: &str| {
        format!(
            "Resolution {k}\n\nThe General Assembly,\n\n*Recalling* its resolution 79/{k},{refs}\n\n\
             1\\. *Decides* to remain seized of the matter.\n\n"
        )
    };
    let notes = "[^1]: A/79/1.\n\n[^2]: A/79/2.\n\n[^3]: A/79/3.\n";
    let src = format!("{}{}{notes}", res(1, "[^1]"), res(2, "[^2] and 79/9,[^3]"));
    let a = run(&src);
    assert_eq!(a.doc.resolutions(), 2);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new());
    let src = format!("{}{}{notes}", res(1, "[^1]"), res(2, "[^2] and 79/9,[^4]"));
    let a = run(&src);
    let (l, _) = reso::analysis::line_col(&src, src.find("[^4]").unwrap());
    assert_eq!(
        diagnostics(&src, &a),
        [
            format!("{l}:47 footnote-undefined footnote 4 is referenced but never defined"),
            "21:1 footnote-unused footnote 3 is defined but nothing references it".to_string(),
        ]
    );
    // Not across: the notes at the end are the last resolution's own, its
    // references start at 1; the first resolution's reference is undefined.
    let src = format!(
        "{}{}{notes}",
        res(1, "[^7]"),
        res(2, "[^1] and 79/8,[^2] and 79/9,[^3]")
    );
    let d = diagnostics(&src, &run(&src));
    assert_eq!(
        d,
        ["5:33 footnote-undefined footnote 7 is referenced but never defined"]
    );
}

/// pandoc escapes what would read as a list marker: the number keeps its
/// period and the marker its parentheses, so the numbering is still checked
/// (the marker's range starts at its parenthesis, after the backslash).
#[test]
fn pandoc_escapes_leave_markers_whole() {
    let src = "The General Assembly,\n\n\
               *\\[Deeply* concerned that progress has slowed,\\]\n\n\
               1\\. *Affirms* the necessity\n\n\
               \\(a\\) For guaranteeing freedom of navigation;\n\n\
               \\(b\\) For achieving a just settlement;\n\n\
               2\\. *Requests* the Secretary-General to report.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let subs = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::SubParagraph)
        .count();
    assert_eq!(subs, 2);
    let src = src.replace("\\(b\\)", "\\(c\\)");
    assert_eq!(
        diagnostics(&src, &run(&src)),
        ["9:2 sub-numbering sub-paragraph (c): expected (b)"]
    );
}

/// pandoc's plain text and CommonMark write a footnote as `[1]` and its
/// note as `[1] text`: read as footnotes, so the paragraph still ends with
/// its punctuation, and a dangling one is reported.
#[test]
fn notes_in_square_brackets() {
    let src = "The General Assembly,\n\n\
               Recalling the Rome Statute of the International Criminal\n\
               Court,[1]\n\n\
               1. Welcomes the report of the Court;[2]\n\n\
               2. Decides to remain seized of the matter.\n\n\
               [1] United Nations, Treaty Series, vol. 2187, No. 38544.\n\n\
               [2] A/80/342.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    assert_eq!(a.doc.footnote_refs.len(), 2);
    assert_eq!(a.doc.footnote_defs.len(), 2);
    let src = src.replace("Court;[2]", "Court;[3]");
    assert_eq!(
        diagnostics(&src, &run(&src)),
        [
            "6:37 footnote-undefined footnote 3 is referenced but never defined",
            "12:1 footnote-unused footnote 2 is defined but nothing references it",
        ]
    );
    // Not a reference: a bracketed number alone under negotiation, with no
    // note to be.
    let src = "The General Assembly,\n\n\
               1. Decides to convene [3] meetings in 2027;\n\n\
               2. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    assert!(a.doc.footnote_refs.is_empty());
}

/// pandoc wraps a long section heading onto a second line: one heading.
#[test]
fn a_heading_wrapped_onto_a_second_line() {
    let src = "The General Assembly,\n\n\
               *Recalling* its resolution 79/1,\n\n\
               1\\. *Encourages* continued investment;\n\n\
               **Department of Political and Peacebuilding Affairs/Peacebuilding\n\
               Support Office**\n\n\
               2\\. *Encourages* the Peacebuilding Support Office to act.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let heading: Vec<usize> = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::SectionHeading)
        .map(|b| b.lines.len())
        .collect();
    assert_eq!(heading, [2]);
    // Not a heading: three unfinished lines, a paragraph that lost its
    // number.
    let src = src.replace(
        "Support Office**\n",
        "Support Office and the regional\ncommissions of the Organization\n",
    );
    let d = diagnostics(&src, &run(&src));
    assert!(d.iter().any(|d| d.contains(" structure ")), "{d:#?}");
}

/// mammoth: escapes inside words, references as links after an anchor,
/// notes as a numbered list with a back-link.
#[test]
fn mammoth_links_anchors_and_notes() {
    let src = "The General Assembly,\n\n\
               *Re\\-emphasizing* the report of the Secretary\\-General \\(A/80/L\\.9\\),<a id=\"footnote-ref-12\"></a>[\\[1\\]](\\#footnote\\-12)\n\n\
               1\\.\t*Decides* to remain seized of the matter\\.\n\n\
               1. <a id=\"footnote-12\"></a> A/80/342\\. [↑](\\#footnote\\-ref\\-12)\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    assert_eq!(a.doc.footnote_refs.len(), 1);
    assert_eq!(a.doc.footnote_defs.len(), 1);
    assert_eq!(
        a.doc.blocks[a.doc.footnote_defs[0].block].kind,
        BlockKind::FootnoteDef
    );
}

const BROWSERS: [&str; 3] = ["html2text", "w3m", "lynx"];

/// The Word document as a web page (pandoc's HTML: notes as a numbered list
/// after a rule, each ending with a back-link arrow), read as text by
/// html2text, w3m and lynx (superscripts as `^1`, lines wrapped at 80
/// columns, lynx indenting every line): the source's diagnostics and its
/// footnotes.
#[test]
fn every_lab_source_as_a_web_page() {
    for name in &lab_sources() {
        let src = source(name);
        let want = findings(&src);
        let notes = run(&src).doc.footnote_defs.len();
        for browser in BROWSERS {
            let text = lab_text(name, "html", browser);
            assert_eq!(findings(&text), want, "{name} {browser}");
            assert_eq!(
                run(&text).doc.footnote_defs.len(),
                notes,
                "{name} {browser}"
            );
        }
    }
}

/// By hand, what a text browser gives: `^N` references (also at a line's
/// start, and with the digits wrapped away), notes wrapped onto indented
/// lines with the arrow on the last, a rule of box-drawing lines; and what
/// a line break may leave that is no footnote: `resolution` then `1 (I),`,
/// a symbol broken after its `/` (`C-SS-4/` then `DEC.3`), and no thousands
/// after a year (`1995,2`).
#[test]
fn a_text_browser_page_by_hand() {
    let src = "   The General Assembly,\n\n\
               \x20  Recalling the first resolution, resolution\n\
               \x20  1 (I), and its resolution 79/1,^1\n\n\
               \x20  Noting decision C-SS-4/\n\
               \x20  DEC.3 of the Conference, the treaty^\n\
               \x20  2 and the reports of 1995,^3\n\n\
               \x20  1. Decides to remain seized of the matter.\n\n\
               ━━━━━━━━━━━━━━━━━━━━\n\n\
               \x20  1. United Nations, Treaty Series, vol. 610,\n\
               \x20     No. 8843.↩︎\n\
               \x20  2. A/79/1.↩︎\n\
               \x20  3. A/50/377.↩︎\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1, 2, 3]);
    let refs: Vec<u32> = a.doc.footnote_refs.iter().map(|r| r.number).collect();
    assert_eq!(refs, [1, 2, 3]);
    // Without its arrow, a wrapped first item is no note.
    let src = src.replace("No. 8843.↩︎", "No. 8843.");
    let a = run(&src);
    assert!(!(a.doc.footnote_defs.iter()).any(|d| d.number == 1));
}
