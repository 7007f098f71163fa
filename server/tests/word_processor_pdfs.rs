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

/// Two resolutions of one document (a Main Committee's report with its
/// draft resolutions, printed by a word processor) that number their notes
/// across the document at each page's foot: the second resolution's notes
/// are 3 and 4, after the first's 1 and 2. Each is a note, each reference
/// finds its note, and nothing is reported.
#[test]
fn notes_numbered_across_the_resolutions_of_a_document() {
    let src = compendium_numbered_across("79/3,3 and 79/4,4", "3 A/79/3.\n4 A/79/4.");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{src}");
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1, 2, 3, 4]);
    let refs: Vec<u32> = a.doc.footnote_refs.iter().map(|r| r.number).collect();
    assert_eq!(refs, [1, 2, 3, 4]);
}

/// The negative cases. A second resolution whose notes skip one reports the
/// gap from where the count left off (footnote 4), not from 1. And its first
/// note must come next: `5 A/79/5.` after the first resolution's 2 is no note.
#[test]
fn a_gap_in_a_document_numbered_across() {
    let src = compendium_numbered_across("79/3,3 and the Rome Statute,5", "3 A/79/3.\n\n5 A/79/5.");
    let a = run(&src);
    assert_eq!(
        diagnostics(&src, &a),
        ["14:55 footnote-order footnote 4 is missing: footnote numbers jump to 5"],
        "{src}"
    );

    let src = compendium_numbered_across("79/5,5", "5 A/79/5.");
    let a = run(&src);
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1, 2]);
    // (The line reads as the paragraph's, which then ends with a full stop.)
    assert_eq!(
        diagnostics(&src, &a),
        ["15:9 terminator a preambular paragraph should end with `,`, not `.`"]
    );
}

/// A two-resolution document whose first resolution has notes 1 and 2; the
/// second recalls `refs` and has the notes `notes` under its paragraph.
fn compendium_numbered_across(refs: &str, notes: &str) -> String {
    format!(
        "United Nations A/RES/80/1\n\
         General Assembly Distr.: General\n\
         80/1. Cooperation between the United Nations and the Court\n\
         The General Assembly,\n\
         Recalling its resolutions 79/1,1 and 79/2,2\n\
         1 A/79/1.\n\
         2 A/79/2.\n\
         Welcoming the support given by civil society to the Court,\n\
         1. Decides to remain seized of the matter.\n\
         United Nations A/RES/80/2\n\
         General Assembly Distr.: General\n\
         80/2. International Day of Peace\n\
         The General Assembly,\n\
         Recalling its resolutions {refs}\n\
         {notes}\n\
         Welcoming the work of the Peacebuilding Commission,\n\
         1. Decides to remain seized of the matter.\n"
    )
}

/// A note of several lines that the page set inside a paragraph (80/11 as
/// pypdf and PDFium read LibreOffice's PDF of it): its first line is no
/// whole note, but its number comes next and its reference stands above on
/// the page, so it is the note, and the paragraph reads on after it.
#[test]
fn a_note_of_several_lines_after_its_reference() {
    for one in [
        "1 Including General Assembly resolution 60/180 and Security Council ",
        "1\n Including General Assembly resolution 60/180 and Security Council ",
    ] {
        let src = format!(
            "The General Assembly,\n\
             Recalling the relevant provisions adopted at the Summit of the Future, and\n\
             reaffirming all its resolutions on peacebuilding and sustaining peace,1\n\
             Recognizing further that conflict prevention should be nationally led and\n\
             owned, and reaffirming that Member States bear the primary responsibility\n\
             {one}\n\
             resolution 1645 (2005), Assembly resolution 65/7 and Council resolution\n\
             2282 (2016).\n\
             for preventing conflict and building peace in their countries,\n\
             1. Decides to remain seized of the matter.\n"
        );
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{src}");
        let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
        assert_eq!(defs, [1], "{src}");
        let note: String = a.doc.footnote_defs[0]
            .text
            .iter()
            .map(|r| &src[r.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        assert!(note.ends_with("2282 (2016)."), "{note}");
    }
}

/// Without its reference above, the same line is the paragraph's text (a
/// number that starts a wrapped line is body text unless evidence says
/// otherwise), and the reference's absence is what reso reports.
#[test]
fn no_reference_above_no_note() {
    let src = "The General Assembly,\n\
               Recalling its resolutions on peacebuilding and sustaining peace,\n\
               1. Notes that the Peacebuilding Fund supported projects in\n\
               1 Member State in its first year and in more of them\n\
               since then;\n\
               2. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert!(a.doc.footnote_defs.is_empty());
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
}

/// The same page as pdf.js reads it line by line: the raised reference on
/// a line of its own (`1`), the note's number alone with its text under it,
/// and a blank line after the note's last line, before the rest of the
/// paragraph the page broke. The reference above makes it the note,
/// although the line before the number is unfinished.
#[test]
fn a_note_of_several_lines_after_its_reference_alone_on_a_line() {
    let src = "The General Assembly,\n\
               Recalling the relevant provisions adopted at the Summit of the Future, and\n\
               reaffirming all its resolutions on peacebuilding and sustaining peace,\n\
               1\n\
               Recognizing further that conflict prevention should be nationally led and\n\
               owned, and reaffirming that Member States bear the primary responsibility\n\
               1 \n\
               Including General Assembly resolution 60/180 and Security Council\n\
               resolution 1645 (2005), Assembly resolution 65/7 and Council resolution\n\
               2282 (2016).\n\
               \n\
               for preventing conflict and building peace in their countries,\n\
               1. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1]);
    let refs: Vec<usize> = (a.doc.footnote_refs.iter())
        .map(|r| reso::analysis::line_col(src, r.range.start).0)
        .collect();
    assert_eq!(refs, [4]);
}

/// `pdftotext` on the same pages sets a note of several lines above its
/// number: after a paragraph's finished line (the reference above is a
/// bare number, `Rights, 1 the`, as `pdftotext` spaces it), and inside a
/// column (`7`'s text, then `2` `3` and the text of 3). Each text goes to
/// its number, and nothing is reported.
#[test]
fn pdftotext_sets_a_note_above_its_number() {
    let src = "The General Assembly,\n\
               Reaffirming the International Covenant on Civil and Political Rights, 1 the\n\
               Convention on the Rights of the Child2 and the Durban Declaration3 and\n\
               the Programme of Action of the International Conference,\n\
               Report of the International Conference on Population and Development,\n\
               Cairo, 5–13 September 1994 (United Nations publication, Sales\n\
               No. E.95.XIII.18), chap. I, resolution 1, annex.\n\
               1\n\
               \n\
               Report of the Fourth World Conference on Women, Beijing, 4–15 September\n\
               1995, chap. I, resolution 1, annexes I and II.\n\
               2\n\
               \n\
               3\n\
               \n\
               See A/CONF.189/12 and A/CONF.189/12/Corr.1, chap. I.\n\
               \n\
               \n\
               Stressing the importance of the empowerment of Indigenous women,\n\
               1. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let notes: Vec<(u32, String)> = (a.doc.footnote_defs.iter())
        .map(|d| {
            let text: String = d.text.iter().map(|r| &src[r.clone()]).collect();
            (d.number, text.split(',').next().unwrap_or("").to_string())
        })
        .collect();
    assert_eq!(
        notes,
        [
            (
                1,
                "Report of the International Conference on Population and Development".into()
            ),
            (2, "Report of the Fourth World Conference on Women".into()),
            (3, "See A/CONF.189/12 and A/CONF.189/12/Corr.1".into()),
        ]
    );
}

/// Inside the paragraph the page broke: the note's text, its number, the
/// page's end, and the paragraph's rest in lower case. And the negative
/// case: a paragraph's last line that ends with a full stop above the
/// page's first note number, whose own text follows it, stays the
/// paragraph's (the rest after the number is no paragraph's rest).
#[test]
fn pdftotext_sets_a_note_above_its_number_inside_a_paragraph() {
    let src = "The General Assembly,\n\
               Recalling its resolutions on peacebuilding and sustaining peace,1\n\
               Recognizing that conflict prevention should be nationally led and\n\
               owned, and reaffirming that Member States bear the primary responsibility\n\
               Including General Assembly resolution 60/180 and Security Council\n\
               resolution 2282 (2016).\n\
               1\n\
               \n\
               \n\
               for preventing conflict and building peace in their countries,\n\
               1. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    assert_eq!(a.doc.footnote_defs.len(), 1);

    let src = "The General Assembly,\n\
               Having considered the report of the Ad Hoc Committee,1\n\
               1. Decides to include in the provisional agenda of its eighty-second session the item entitled\n\
               “Implementation of the Declaration of the Indian Ocean as a Zone of Peace”.\n\
               1\n\
               \n\
               Official Records of the General Assembly, Eightieth Session, Supplement No. 29 (A/80/29).\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let note = &a.doc.footnote_defs[0];
    let text: String = note.text.iter().map(|r| &src[r.clone()]).collect();
    assert!(text.starts_with("Official Records"), "{text}");
}

/// A page's first note number alone under a blank line, after a
/// sub-paragraph whose text `pdftotext` set under its marker after a blank
/// line (`(ii)`, blank, the text, blank, `4`): the note's number, not a
/// raised reference inside the sub-paragraph.
#[test]
fn pdftotext_sets_a_note_number_after_a_sub_paragraph_set_apart() {
    let src = "The General Assembly,\n\
               Recalling the Programme of Action,1\n\
               1. Requests the Commission to consider at its sixty-fifth session:\n\
               (a)\n\
               \n\
               The follow-up to the Doha Political Declaration;2\n\
               \n\
               (b)\n\
               \n\
               Ways to strengthen participation through regional meetings;\n\
               \n\
               1\n\
               \n\
               Resolution 69/313, annex.\n\
               \n\
               2\n\
               \n\
               A/81/150.\n\
               \n\
               \n\
               2. Decides to remain seized of the matter.\n";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1, 2]);
}

/// `pdftotext` on a declaration's pages (A/RES/80/5's annex): a number
/// alone, its paragraph's first lines, then the page's first note above its
/// number, the next note's number alone with its text under it, and the
/// paragraph's rest after the page's blank lines. The lines under the
/// marker are the paragraph's, the notes are notes, and nothing is
/// reported.
#[test]
fn pdftotext_sets_a_note_above_its_number_under_a_paragraphs_first_lines() {
    let src = "\
Resolution adopted by the General Assembly on 4 November 2025
80/5. Doha Political Declaration of the World Summit for Social Development
The General Assembly,
Recalling its resolution 79/1,
1. Adopts the Doha Political Declaration annexed to the present resolution.
52nd plenary meeting
4 November 2025
Annex
Doha Political Declaration
1.
We, Heads of State and Government, have gathered in Doha to recommit
to the Copenhagen Declaration on Social Development and Programme of
Action of the World Summit for Social Development1 and their
implementation, and give momentum towards the 2030 Agenda.2
2.
We acknowledge the urgent need to address profound social
challenges, especially poverty, unemployment and social exclusion, that
Report of the World Summit for Social Development, Copenhagen, 6-12
March 1995 (United Nations publication, Sales No. E.96.IV.8), chap. I,
resolution 1, annexes I and II.
1

2

Resolution 70/1.


affect every country. It is our task to address both their underlying and
structural causes.
3.
We recognize that the three core themes of social development are
interrelated and mutually reinforcing.
";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1, 2]);
    let note = &a.doc.blocks[a.doc.footnote_defs[0].block];
    assert!(src[note.span()].starts_with("Report of the World Summit"));
    // Paragraph 2 holds its first lines and its rest.
    let second = (a.doc.blocks.iter())
        .find(|b| {
            b.marker_range().is_some_and(|m| src[m].starts_with("2."))
                && b.part != reso::syntax::Part::Operative
        })
        .expect("paragraph 2");
    let text: Vec<&str> = second.lines.iter().map(|r| &src[r]).collect();
    assert!(
        text.iter().any(|l| l.starts_with("We acknowledge"))
            && text.iter().any(|l| l.starts_with("affect every country")),
        "{text:#?}"
    );
}

/// PDFium on a word processor's pages (A/RES/80/15 and 80/12): after the
/// page's notes, the paragraph the page broke on `the` goes on with a
/// capital (`Agency for the Prohibition ...`), and the next paragraph's
/// opener after a note's full stop ends the notes. A line that starts as a
/// note does (`See https://...`) stays the note's.
#[test]
fn pdfium_notes_then_a_paragraphs_rest_with_a_capital() {
    let src = "\
The General Assembly,
Welcoming the new interactive web platform of the Secretariat on military
expenditures,1
 as well as the new online reporting tool,2
 both available in the
six official languages of the United Nations,
Noting that the 2010 Review Conference, in its Final Document,3
 encouraged
the fostering of cooperation among the existing nuclear-weapon-free zones, and commended the
1
 See https://milex-reporting.unoda.org/en/states.
2
 See https://milex-reporting.unoda.org/en/reporting-tool.
3
 2010 Review Conference of the Parties to the Treaty on the Non-
Proliferation of Nuclear Weapons, Final Document, vols. I-III.
Agency for the Prohibition of Nuclear Weapons in Latin America and the
Caribbean for its leadership in this field,
Recalling that, in its resolution 66/20, the General Assembly recommended
a common understanding of military expenditures,
1. Decides to remain seized of the matter.
";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    assert_eq!(defs, [1, 2, 3]);
    let pps = (a.doc.blocks.iter())
        .filter(|b| b.kind == reso::syntax::BlockKind::Preambular)
        .map(|b| b.lines.iter().map(|r| src[r].trim()).collect::<Vec<_>>())
        .collect::<Vec<_>>();
    assert_eq!(pps.len(), 3, "{pps:#?}");
    assert!(
        pps[1].iter().any(|l| l.starts_with("Caribbean")),
        "{pps:#?}"
    );

    // The same rest under a note, as a note starts: the note's line.
    let src = src.replace(
        "Agency for the Prohibition of Nuclear Weapons in Latin America and the\n",
        "See Report of the International Conference on Disarmament, New York, 24\n",
    );
    let a = run(&src);
    let note = &a.doc.footnote_defs[2];
    assert!(note
        .text
        .iter()
        .any(|r| src[r.clone()].starts_with("See Report")));
}

/// A/RES/80/24 as PyMuPDF and PyMuPDF's blocks read it (its notes 7 and 8
/// numbered 1 and 2 here): note 1 the page's end cut (`... vols. I–III`,
/// no full stop); its rest comes on the next page's foot, under a
/// paragraph's finished line, above note 2 with its text (`2 See ...`), a
/// blank line between or not. The rest is note 1's, note 2 is read, and
/// nothing is reported.
#[test]
fn a_cut_notes_rest_above_the_next_note_with_its_text() {
    let base = "\
The General Assembly,
Recognizing the important work done at the 2010 Review Conference of the
Parties to the Treaty on the Non-Proliferation of Nuclear Weapons,1 and
1 2010 Review Conference of the Parties to the Treaty on the Non-
Proliferation of Nuclear Weapons, Final Document, vols. I–III

affirming its 22-point action plan on nuclear disarmament as an impetus to
intensify work aimed at beginning negotiations for a nuclear weapons
convention,
Reiterating its call for an early entry into force of the Comprehensive
Nuclear-Test-Ban Treaty,2
Noting the support expressed in the Conference on Disarmament for the
elaboration of an international convention at an early date,
(NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50 (Vol. II) and
NPT/CONF.2010/50 (Vol. III)).
2 See resolution 50/245 and A/50/1027.
Recalling the advisory opinion of the International Court of Justice on the
legality of the threat or use of nuclear weapons, issued on 8 July 1996,
1. Decides to remain seized of the matter.
";
    let blocks = base
        .replace("(Vol. III)).\n", "(Vol. III)).\n\n")
        .replace("date,\n(NPT", "date,\n\n(NPT")
        .replace("1027.\n", "1027.\n\n");
    for src in [base.to_string(), blocks] {
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{src}");
        let notes: Vec<(u32, String)> = (a.doc.footnote_defs.iter())
            .map(|d| {
                let text: Vec<&str> = d.text.iter().map(|r| src[r.clone()].trim()).collect();
                (d.number, text.join(" "))
            })
            .collect();
        assert_eq!(notes.len(), 2, "{notes:#?}");
        assert!(
            notes[0].1.ends_with("vols. I–III (NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50 (Vol. II) and NPT/CONF.2010/50 (Vol. III))."),
            "{notes:#?}"
        );
        assert_eq!(
            notes[1],
            (2, "See resolution 50/245 and A/50/1027.".to_string())
        );
    }
}

/// A/RES/80/24 as PDFium and pypdf read it (notes renumbered from 1): the
/// page's end cut note 2 (`... vols. I–III`, no full stop), and the
/// paragraph the page broke goes on right under it in lower case, with no
/// blank line (`affirming its 22-point ...`). That alone cannot tell the
/// paragraph's rest from the note's wrapped line; the next paragraph's
/// opener under the rest's comma does: the lines go back to the
/// paragraph, and every paragraph after them is read. A note's own line
/// in lower case that ends with a full stop stays the note's.
#[test]
fn a_paragraphs_rest_under_a_cut_note_given_back_at_the_next_opener() {
    let pdfium = "\
The General Assembly,
Stressing the importance of the 13 steps agreed to in the Final Document of the 2000
Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons,1
Recognizing the important work done at the 2010 Review Conference of the
Parties to the Treaty on the Non-Proliferation of Nuclear Weapons,2
 and 
1
 2000 Review Conference of the Parties to the Treaty on the Non-Proliferation of
Nuclear Weapons, Final Document, vol. I, part I, section entitled \u{201c}Article VI and eighth to twelfth
preambular paragraphs\u{201d}, para. 15.
2
 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons, Final Document, vols. I\u{2013}III 
affirming its 22-point action plan on nuclear disarmament as an impetus to
intensify work aimed at beginning negotiations for a nuclear weapons
convention,
Regretting that the tenth Review Conference of the Parties to the Treaty on
the Non-Proliferation of Nuclear Weapons did not reach agreement on the substantive final document,
Reaffirming the continued validity of agreements reached at the 1995
Review and Extension Conference,
1. Decides to remain seized of the matter.
";
    let pypdf = pdfium
        .replace(" and \n1\n 2000", " and \n1 2000")
        .replace("15.\n2\n 2010", "15.\n2 2010");
    for src in [pdfium.to_string(), pypdf] {
        let a = run(&src);
        assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{src}");
        let pps: Vec<Vec<&str>> = (a.doc.blocks.iter())
            .filter(|b| b.kind == reso::syntax::BlockKind::Preambular)
            .map(|b| b.lines.iter().map(|r| src[r].trim()).collect())
            .collect();
        assert_eq!(pps.len(), 4, "{pps:#?}");
        assert_eq!(pps[1].len(), 6, "{pps:#?}");
        assert!(pps[1][3].starts_with("affirming its 22-point"), "{pps:#?}");
        assert_eq!(pps[1].last(), Some(&"convention,"), "{pps:#?}");
        assert!(pps[2][0].starts_with("Regretting"), "{pps:#?}");
        let notes: Vec<String> = (a.doc.footnote_defs.iter())
            .map(|d| {
                let text: Vec<&str> = d.text.iter().map(|r| src[r.clone()].trim()).collect();
                text.join(" ")
            })
            .collect();
        assert!(
            notes[0].ends_with("preambular paragraphs\u{201d}, para. 15."),
            "{notes:#?}"
        );
        assert!(notes[1].ends_with("vols. I\u{2013}III"), "{notes:#?}");
    }
}
