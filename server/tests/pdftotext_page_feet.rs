//! `pdftotext` on a word processor's pages (the lab's `writer` style): where
//! a page's notes land in the text. The excerpts are the lab's real texts
//! (A/RES/80/2, 80/13, 80/24, 80/34, 80/45 and 80/47 as `pdftotext` reads
//! them), cut short. Each case is a note's text set above its number, or a
//! note's number set apart from its text, and nothing of it is an error.

mod support;

use reso::syntax::BlockKind;
use support::{diagnostics, notes, run};

/// The lines of the paragraph whose first line starts with `start`.
fn paragraph<'a>(src: &'a str, a: &reso::analysis::Analysis, start: &str) -> Vec<&'a str> {
    let b = (a.doc.blocks.iter())
        .find(|b| {
            matches!(
                b.kind,
                BlockKind::Preambular | BlockKind::Operative | BlockKind::SubParagraph
            ) && b
                .lines
                .iter()
                .any(|r| src[r].trim_start().starts_with(start))
        })
        .unwrap_or_else(|| panic!("no paragraph {start}"));
    b.lines.iter().map(|r| src[r].trim()).collect()
}

/// A/RES/80/47: note 1's reference is on the page before. Its text comes
/// above its number after the paragraph's last line on this page (`... of
/// the Parties to the`), the next notes follow as numbers and texts, and
/// the paragraph goes on after them with a capital (`Treaty on the ...`).
#[test]
fn a_note_above_its_number_whose_reference_is_on_the_page_before() {
    let src = "\
The General Assembly,
Reaffirming its conviction of the important role of nuclear-weapon-free
zones, in accordance with the Disarmament Commission guidelines of 1999,1
Noting the entry into force of the Treaty on the South-East Asia Nuclear-
Weapon-Free Zone2 on 27 March 1997,
Welcoming the submission of the memorandums on activities3 relating to the
Treaty on the South-East Asia Nuclear-Weapon-Free Zone as background
documents for the ninth and tenth Review Conferences of the Parties to the
Official Records of the General Assembly, Fifty-fourth Session, Supplement
No. 42 (A/54/42), annex I, sect. C.
1

2

United Nations, Treaty Series, vol. 1981, No. 33873.

3

NPT/CONF.2020/16 and NPT/CONF.2015/23.


Treaty on the Non-Proliferation of Nuclear Weapons, and looking forward to
the convening of the 2026 Review Conference,
Recalling the joint communiqué of the fifty-eighth meeting of the Ministers
for Foreign Affairs of the Association of Southeast Asian Nations,
1. Welcomes the accession of Timor-Leste to the Bangkok Treaty.
";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let n = notes(src, &a);
    assert_eq!(n.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(n[0].1.starts_with("Official Records"), "{n:#?}");
    assert!(n[0].1.ends_with("sect. C."), "{n:#?}");
    let p = paragraph(src, &a, "Welcoming the submission");
    assert_eq!(p.len(), 5, "{p:#?}");
    assert!(
        p[3].starts_with("Treaty on the Non-Proliferation"),
        "{p:#?}"
    );
    assert!(paragraph(src, &a, "Recalling the joint").len() == 2);
}

/// A/RES/80/2: the note above its number inside the paragraph the page
/// broke (`... necessary to avoid the`), the rest in lower case after it.
/// A/RES/80/13: the last note above its number under the meeting line.
#[test]
fn a_note_above_its_number_inside_a_paragraph_and_under_the_meeting_line() {
    let src = "\
The General Assembly,
Having considered chapter V of the report of the Committee on Contributions
on its eighty-fifth session,1
Having considered the report of the Ad Hoc Committee,2
1. Reaffirms its role in accordance with Article 19 of the Charter;
2.
Agrees that the failure of Bolivia (Plurinational State of) and Sao Tome
and Principe to pay the full minimum amount necessary to avoid the
Official Records of the General Assembly, Eightieth Session, Supplement
No. 11 (A/80/11).
1


application of Article 19 of the Charter was due to conditions beyond their
control;
3.
Decides to include in the provisional agenda of its eighty-second
session the item entitled \u{201c}Implementation of the Declaration\u{201d}.
52nd plenary meeting
1 December 2025

Official Records of the General Assembly, Eightieth Session, Supplement
No. 29 (A/80/29).
2
";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let n = notes(src, &a);
    assert_eq!(n.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [1, 2]);
    assert!(n[0].1.starts_with("Official Records") && n[0].1.ends_with("(A/80/11)."));
    assert!(n[1].1.ends_with("(A/80/29)."), "{n:#?}");
    let p = paragraph(src, &a, "Agrees that");
    assert_eq!(p.last(), Some(&"control;"), "{p:#?}");
}

/// A/RES/80/24: note 2's text, cut by the page's end, above its number;
/// the paragraph's rest after the notes in lower case; the note's rest on
/// the next page's foot, above note 3's number (`(NPT/CONF.2010/50 ...`);
/// and a paragraph's rest that starts with a digit (`1998, to discuss`).
#[test]
fn a_note_the_page_cut_and_a_paragraph_going_on_with_a_year() {
    let src = "\
The General Assembly,
Stressing the importance of the 13 steps for the systematic and progressive
efforts to achieve the objective of nuclear disarmament,1
Recognizing the important work done at the 2010 Review Conference of the
Parties to the Treaty on the Non-Proliferation of Nuclear Weapons,2 and
1

Resolution S-10/2.

2010 Review Conference of the Parties to the Treaty on the NonProliferation of Nuclear Weapons, Final Document, vols. I\u{2013}III
2


affirming its 22-point action plan on nuclear disarmament as an impetus to
intensify work aimed at beginning negotiations,
Noting the support expressed in the Conference on Disarmament,3
Reaffirming further the specific mandate conferred upon the Disarmament
Commission by the General Assembly, in its decision 52/492 of 8 September

(NPT/CONF.2010/50 (Vol. I), NPT/CONF.2010/50 (Vol. II) and
NPT/CONF.2010/50 (Vol. III)).
3

See resolution 50/245 and A/50/1027.


1998, to discuss the subject of nuclear disarmament as one of its main
substantive agenda items,
1. Urges all nuclear-weapon States to take effective disarmament measures.
";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let n = notes(src, &a);
    assert_eq!(n.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(n[1].1.starts_with("2010 Review Conference"), "{n:#?}");
    assert!(n[1].1.ends_with("(Vol. III))."), "{n:#?}");
    assert_eq!(n[2].1, "See resolution 50/245 and A/50/1027.");
    let p = paragraph(src, &a, "Recognizing the important work");
    assert!(p.last().unwrap().ends_with("negotiations,"), "{p:#?}");
    let p = paragraph(src, &a, "Reaffirming further");
    assert!(p.last().unwrap().ends_with("agenda items,"), "{p:#?}");
}

/// A/RES/80/34: note 1's number in the column of paragraph 11's (here 2's) number
/// alone, the paragraph's text (`Recalls:`) and then the note's; the next
/// list item ends the next page's notes.
#[test]
fn a_note_number_in_the_column_of_a_paragraph_number() {
    let src = "\
The General Assembly,
Recalling the Convention on Chemical Weapons,
1. Welcomes the report of the fact-finding mission of 22 February 2024,1
which concluded that there were reasonable grounds to believe;
2.

1

Recalls:

See S/2024/200, annex.


(a)
The reports of the fact-finding mission regarding alleged incidents in
Saraqib2 and Duma, Syrian Arab Republic;
(b)
The report of the fact-finding mission of 28 June 2023;
3.

Also recalls the adoption of:

(a)
Decision C-SS-4/DEC.3 of the Fourth Special Session of the Conference
of the States Parties, of 27 June 2018;
2

See S/2017/931, annex, and S/2018/620, annex.


(b)
Decision EC-94/DEC.2 of the Executive Council, of 9 July 2020;
4. Decides to remain seized of the matter.
";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let n = notes(src, &a);
    assert_eq!(n.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(n[0].1, "See S/2024/200, annex.");
    assert_eq!(n[1].1, "See S/2017/931, annex, and S/2018/620, annex.");
    let p = paragraph(src, &a, "2.");
    assert_eq!(p.iter().filter(|l| !l.is_empty()).count(), 2, "{p:#?}");
    assert!(p.contains(&"Recalls:"), "{p:#?}");
    let subs = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::SubParagraph)
        .count();
    assert_eq!(subs, 4);
}

/// A number alone under a paragraph's number alone that nothing above
/// refers to is no note: it stays where it stands, and is reported.
#[test]
fn a_number_in_the_column_that_nothing_refers_to_is_no_note() {
    let src = "\
The General Assembly,
Recalling the Convention on Chemical Weapons,
1. Welcomes the report of the fact-finding mission of 22 February 2024;
2.

1

Recalls the report;
";
    let a = run(src);
    assert!(a.doc.footnote_defs.is_empty());
    assert!(!diagnostics(src, &a).is_empty());
}

/// A/RES/80/45: under a paragraph's finished text and a blank line, note
/// 2's text above its number (its reference on the page before), then the
/// next note's text above its own.
#[test]
fn a_note_above_its_number_under_a_finished_paragraph() {
    let src = "\
The General Assembly,
Bearing in mind its resolution 2373 (XXII), which contains the Treaty,1
Recalling also that the Conference adopted a decision on principles and
objectives for nuclear non-proliferation and disarmament,2
1

United Nations, Treaty Series, vol. 729, No. 10485.


Reaffirming its resolution 55/33 D of 20 November 2000,3
1.
Recalls that the 2010 Review Conference reaffirmed the continued
validity of the practical steps agreed to in the Final Document;

See 1995 Review and Extension Conference of the Parties to the Treaty on
the Non-Proliferation of Nuclear Weapons, Final Document, Part I.
2

2000 Review Conference of the Parties to the Treaty on the NonProliferation of Nuclear Weapons, Final Document, vols. I\u{2013}III
(NPT/CONF.2000/28 (Part IV)).
3


2.
Determines to strengthen the Treaty.
";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let n = notes(src, &a);
    assert_eq!(n.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(n[1].1.starts_with("See 1995"), "{n:#?}");
    assert!(n[2].1.starts_with("2000 Review"), "{n:#?}");
}
