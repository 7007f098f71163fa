//! A word processor's PDF: the lab's Word documents printed by LibreOffice
//! Writer (page style `writer`), as a drafter's "Save as PDF" makes them.
//! No running head or foot, and the footnote rule is a drawing: nothing
//! printed shows where a page turns. The page's notes come between two
//! paragraphs, or inside the one the page broke, as `5 United Nations,
//! Treaty Series, ...` (pypdf, pdfplumber) or `5` then ` United Nations,
//! ...` (PDFium), with the next page's text right under them. A note is
//! read by its own evidence: the next footnote number, one line of text
//! that starts with a capital and ends with a full stop; and a line in
//! lower case after it goes on with the paragraph the page broke, when that
//! paragraph is unfinished.

mod support;

use support::{diagnostics, run};

/// The notes between paragraphs and inside one, in pypdf's and PDFium's
/// forms: each is a footnote, the broken paragraph reads whole, and
/// nothing is reported.
#[test]
fn notes_where_no_page_foot_is_printed() {
    for (one, five) in [
        (
            "1 United Nations, Treaty Series, vol. 2187, No. 38544.",
            "5 United Nations, Treaty Series, vol. 2271, No. 40446.",
        ),
        (
            "1\n United Nations, Treaty Series, vol. 2187, No. 38544.",
            "5\n United Nations, Treaty Series, vol. 2271, No. 40446.",
        ),
    ] {
        let src = format!(
            "The General Assembly,\n\
             Recalling that the Rome Statute of the International Criminal Court1\n\
             reaffirms the purposes and principles of the Charter,\n\
             Recalling also its resolutions 79/6,2 79/7,3 and 79/8,4\n\
             {one}\n\
             2 A/79/1.\n\
             3 A/79/2.\n\
             4 A/79/3.\n\
             Welcoming the continuous support given by civil society to the Court,\n\
             1. Welcomes the cooperation provided thus far by States Parties,5 in\n\
             particular with regard to the protection of victims and witnesses\n\
             {five}\n\
             and the enforcement of sentences;\n\
             2. Decides to remain seized of the matter.\n"
        );
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{src}");
        let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
        assert_eq!(defs, [1, 2, 3, 4, 5], "{src}");
    }
}

/// What stays body text: a line after the number that does not end with a
/// full stop (a wrapped sentence, `1 United Nations entities ...`); and a
/// line in lower case after a note whose text is unfinished is the note's
/// own wrapped line, not the broken paragraph's rest.
#[test]
fn what_is_no_note_and_what_goes_on_with_one() {
    let src = "The General Assembly,\n\
               Recalling that the Statute of the Court1 reaffirms the Charter,\n\
               1. Welcomes the work of\n\
               1 United Nations entities and of the Court in the field\n\
               of justice;\n\
               2. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert!(a.doc.footnote_defs.is_empty());
    let d = diagnostics(src, &a);
    assert!(
        d.iter()
            .any(|d| d.starts_with("2:") && d.contains("footnote 1 is referenced")),
        "{d:#?}"
    );

    let src = "The General Assembly,\n\
               Recalling that the Statute of the Court1 reaffirms the Charter,\n\
               1. Welcomes the work of the Court in the field of justice in\n\
               __________________\n\
               1 Official Records of the General Assembly, Seventy-ninth Session, and\n\
               see also A/79/1.\n\
               particular;\n\
               2. Decides to remain seized of the matter.\n";
    let a = run(src);
    let note = a.doc.footnote_defs.first().expect("footnote 1");
    let text: String = note.text.iter().map(|r| &src[r.clone()]).collect();
    assert!(text.ends_with("see also A/79/1."), "{text}");
}

/// Under a rule, the last footnote's number again on a line of its own (a
/// page of the lab's `writer` style as one extractor reads it): no second
/// footnote, and no panic (the column's count once went below zero).
#[test]
fn the_last_footnote_number_again_under_the_rule() {
    let src = "The General Assembly,\n\n\
               Recalling its resolution 79/1,1\n\n\
               1. Decides to remain seized of the matter.\n\
               __________________\n\
               1\n\
               1\n\
               A/79/1.\n";
    let a = run(src);
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1]);
}
