//! pdfminer.six reads a page as boxes of text and sets them in its own
//! order. A hanging paragraph number (`1.`, `(a)`) is a box of its own, and
//! so is the paragraph's first line, which starts at the indent: the text
//! comes out as the first line, the number alone, then the paragraph's
//! other lines (`Decides to proclaim ... Day`, `1.`, `of the World's
//! Indigenous Women and Girls;`). The number belongs to the paragraph whose
//! first line stands above it when it is the next in its count and the
//! lines below it go on with that line.

mod support;

use reso::syntax::model::{BlockKind, MarkerKind};
use support::{diagnostics, run};

/// Each numbered paragraph and sub-paragraph: its marker as written, the
/// 1-based line of its first line, and the first word of its text.
fn paragraphs(src: &str) -> Vec<(String, usize, String)> {
    let a = run(src);
    let line = |at: usize| src[..at].matches('\n').count() + 1;
    (a.doc.blocks.iter())
        .filter(|b| matches!(b.kind, BlockKind::Operative | BlockKind::SubParagraph))
        .filter_map(|b| {
            let m = b.marker_range()?;
            let first_word = (b.lines.iter())
                .find_map(|r| src[b.text_start(&r)..r.end].split_whitespace().next())
                .unwrap_or("")
                .to_string();
            Some((src[m].to_string(), line(b.span().start), first_word))
        })
        .collect()
}

fn expect(list: &[(&str, usize, &str)]) -> Vec<(String, usize, String)> {
    (list.iter())
        .map(|&(m, l, o)| (m.to_string(), l, o.to_string()))
        .collect()
}

/// A/RES/80/10 and 80/11 as pdfminer.six reads the lab's Writer PDFs: the
/// first line above its number, with or without a blank line between, the
/// rest in lower case or going on after `of the` with a capital, a digit
/// or a quote; a marker set before its text (`(ii)`) and one in its line
/// (`(b) May consider`) as well. Every paragraph keeps its number, and
/// nothing is reported.
#[test]
fn a_number_between_a_paragraphs_first_line_and_the_rest() {
    let src = "\
The General Assembly,

Recognizing that 5 September is commemorated in several countries as the
International Day of Indigenous Women,

Peacebuilding Commission

Reaffirms all relevant resolutions relating to the mandate of the

1.
Peacebuilding Commission, and also reaffirms the need to strengthen its
fulfilment by:

Requesting the Peacebuilding Commission to establish a detailed,

(a)
predictable and flexible annual programme of work;

Requesting the Peacebuilding Commission, in line with its mandate, to

(b)
serve as a platform to support Member States by:

Assisting Member States in building their national capacities to
(i)
promote and implement their nationally owned strategies;

(ii)
Inviting international financial institutions to engage in relevant
country-specific discussions;

Decides to proclaim 5 September of each year as the International Day

2.
of the World\u{2019}s Indigenous Women and Girls;

Reiterates its grave concern that, despite the verified destruction of all

3.
27 chemical weapons production facilities declared, gaps remain;

Takes note of decision EC-102/DEC.6 of the Executive Council, entitled

4.
\u{201c}Allowing the convening of Executive Council meetings\u{201d}, of 16 March 2023;

5. Stresses that the cost of all activities should be met by voluntary
contributions.

51st plenary meeting
26 November 2025
";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    assert_eq!(
        paragraphs(src),
        expect(&[
            ("1.", 8, "Reaffirms"),
            ("(a)", 14, "Requesting"),
            ("(b)", 19, "Requesting"),
            ("(i)", 24, "Assisting"),
            ("(ii)", 28, "Inviting"),
            ("2.", 32, "Decides"),
            ("3.", 37, "Reiterates"),
            ("4.", 42, "Takes"),
            ("5.", 47, "Stresses"),
        ])
    );
    let heading = a
        .doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::SectionHeading);
    assert_eq!(
        heading.map(|b| &src[b.span()]),
        Some("Peacebuilding Commission")
    );
}

/// The number counts on from the paragraph before whatever that one lost
/// to the page's scramble (`2 bis` after 2), and under a misspelt opener:
/// the drafter's own mistake is still reported, at its word.
#[test]
fn a_draft_with_bis_paragraphs_and_a_misspelt_opener() {
    let src = "\
The General Assembly,

Recalling its resolution 79/1,

1. Welcomes the report of the Secretary-General;

Welcomes the commitments made, and calls upon Member States to implement

2.
them without delay;

Encourages Member States to strengthen social protection

[2 bis.
systems, including floors, that are universal and sustainable;]

Encourges Member States to develop, in consultation with [social

3.
partners and] civil society, national action plans.
";
    let a = run(src);
    assert_eq!(
        paragraphs(src)
            .into_iter()
            .map(|(m, l, _)| (m, l))
            .collect::<Vec<_>>(),
        [("1.", 5), ("2.", 7), ("[2 bis.", 12), ("3.", 17)].map(|(m, l)| (m.to_string(), l))
    );
    let d = diagnostics(src, &a);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].starts_with("17:1 opener-unknown `Encourges`"),
        "{d:#?}"
    );
}

/// What stays as it was: a section heading above a number set out before
/// its paragraph's text (pdftotext), a number that is not the next one,
/// and a marker whose own text follows it.
#[test]
fn no_first_line_above_a_marker_that_does_not_fit() {
    // pdftotext: the heading, the number, the page's foot, then the text.
    let src = "\
The General Assembly,

Recalling its resolution 79/1,

Peacebuilding Commission
1.

25-15400

Reaffirms all relevant resolutions relating to the mandate of the Commission;

2. Decides to remain seized of the matter.
";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    assert_eq!(
        paragraphs(src),
        expect(&[("1.", 6, "Reaffirms"), ("2.", 12, "Decides")])
    );

    // `4.` after OP 1 is not the paragraph's: the line above stays its
    // own, and the number is reported where it stands.
    let src = "\
The General Assembly,

Recalling its resolution 79/1,

1. Welcomes the report of the Secretary-General;

Decides to proclaim 5 September of each year as the International Day

4.
of the World\u{2019}s Indigenous Women and Girls;
";
    let a = run(src);
    let numbers: Vec<u32> = (a.doc.blocks.iter())
        .filter_map(|b| match b.marker.as_deref().map(|m| &m.kind) {
            Some(MarkerKind::Number { n, .. }) => Some(*n),
            _ => None,
        })
        .collect();
    assert_eq!(numbers, [1, 4]);
    assert!((a.doc.blocks.iter())
        .any(|b| b.marker.is_none() && src[b.span()].starts_with("Decides to proclaim")));
    let d = diagnostics(src, &a);
    assert!(
        d.iter()
            .any(|d| d.starts_with("9:1 numbering operative paragraph numbered 4: expected 2")),
        "{d:#?}"
    );
}

/// A page without space between paragraphs: pdfminer.six sets the numbers
/// of the page's later paragraphs in a column before (or after) the texts,
/// in any order, and the first paragraph's number in its line (A/RES/80/12
/// and 80/11 in the lab's `compact` style). Each text takes the lowest
/// number waiting, and the count reads in the texts' order: nothing is
/// reported.
#[test]
fn a_column_of_numbers_before_the_texts_in_any_order() {
    let src = "\
The General Assembly,

Mindful of the provisions of the Charter of the United Nations, including its Article 26,

2.

3.

1. Calls upon Member States to provide the Secretary-General with a report on their
military expenditures;
Recommends the guidelines for objective information on military matters to all Member
States for implementation;
Invites Member States to supplement their reports with explanatory remarks;

6.

5.

4. Calls for the Peacebuilding Commission to serve as a platform to enhance system-wide
coherence;
Encourages United Nations country teams to improve inter-agency coordination;
Requests the Secretary-General to further encourage systematic and strategic collaboration
with international financial institutions at the country level;
Decides to remain seized of the matter.

7.
";
    let a = run(src);
    assert_eq!(diagnostics(src, &a), Vec::<String>::new());
    let by_text: Vec<(String, usize)> = paragraphs(src)
        .into_iter()
        .map(|(m, _, word)| (m, src.find(&format!("\n{word}")).unwrap_or(0)))
        .collect();
    let markers: Vec<&str> = by_text.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(markers, ["2.", "3.", "1.", "6.", "5.", "4.", "7."]);
    let words: Vec<String> = paragraphs(src).into_iter().map(|(_, _, w)| w).collect();
    assert_eq!(
        words,
        [
            "Recommends",
            "Invites",
            "Calls",
            "Requests",
            "Encourages",
            "Calls",
            "Decides"
        ]
    );
}

/// The same layout with a number missing: the count is wrong in the
/// numbers' order and in the texts' order, and is reported where the
/// numbers stand.
#[test]
fn a_wrong_number_in_a_column_is_still_reported() {
    let src = "\
The General Assembly,

Mindful of the provisions of the Charter of the United Nations, including its Article 26,

2.

4.

1. Calls upon Member States to provide the Secretary-General with a report on their
military expenditures;
Recommends the guidelines for objective information on military matters to all Member
States for implementation;
Invites Member States to supplement their reports with explanatory remarks.
";
    let a = run(src);
    let d = diagnostics(src, &a);
    assert!(
        d.iter()
            .any(|d| d.starts_with("7:1 numbering operative paragraph numbered 4: expected 3")),
        "{d:#?}"
    );
}

/// Sub-paragraph markers in a column before an item set in its line, and
/// the texts of the column's items after it (`(e)` `(f)` `(g) Verification
/// ...`, then the texts of (e) and (f): A/RES/80/53 through pdfminer.six):
/// the list reads in its markers' order, and nothing is reported. An item
/// out of turn in both orders is.
#[test]
fn sub_paragraph_markers_set_apart_from_their_texts() {
    let list = |g: &str| {
        format!(
            "\
The General Assembly,

Recalling its resolution 79/1,

1. Requests the Group to approve its programme of work, taking into account the following
indicative areas:
(a) Declarations, including initial and progress declarations;
(b) Removal of deployed nuclear warheads;
(e)
(f)
{g} Verification of the correctness and completeness of the baseline declarations of nuclear
material;

Elimination or irreversible conversion of all nuclear-weapon-related facilities;
Placement of nuclear material and facilities under international safeguards;

(h) Means of delivery of nuclear weapons;
2. Decides to remain seized of the matter.
"
        )
    };
    let src = list("(c)")
        .replace("(e)\n(f)\n", "(d)\n(e)\n")
        .replace("(h)", "(f)");
    let a = run(&src);
    assert_eq!(diagnostics(&src, &a), Vec::<String>::new(), "{src}");

    let src = list("(c)").replace("(h)", "(g)");
    let a = run(&src);
    let d = diagnostics(&src, &a);
    assert!(
        d.iter()
            .any(|d| d.starts_with("9:1 sub-numbering sub-paragraph (e): expected (c)")),
        "{d:#?}"
    );
}

/// On pages with no space between paragraphs pdfminer.six sets a number
/// between the paragraph above's first line and its rest, when that
/// paragraph has a number of its own (`[2 bis. ... that are`, `3.`,
/// `universal ...;]`, then 3's text). The rest in lower case goes on with
/// the paragraph above; the number takes the next text, also one that
/// starts with a square bracket. A/C.3/81/L.99 as the lab's compact page
/// reads back.
#[test]
fn a_number_between_a_numbered_paragraphs_first_line_and_its_rest() {
    let src = "\
The General Assembly,

Noting with appreciation the work of the Commission for Social Development,

Takes note of the report of the Secretary-General;

1.
2. Welcomes the commitments made in the Doha Political Declaration, and calls upon Member

States to implement them [without delay];

[2 bis. Encourages Member States to strengthen social protection systems, including floors, that are

3.

universal, adequate, comprehensive and sustainable;]
Encourges Member States to develop, in consultation with civil society,
national action plans to follow up the Second World Summit;

[3 ter. Invites the United Nations development system to support, upon request, national efforts to

4.

finance social protection;]
Requests the Commission for Social Development to consider at its sixty-fifth session:
(a)
(b)

The follow-up to the Doha Political Declaration;
[The role of cooperatives and the social and solidarity economy in social integration.]
";
    let a = run(src);
    assert_eq!(
        paragraphs(src)
            .into_iter()
            .map(|(m, _, w)| (m, w))
            .collect::<Vec<_>>(),
        [
            ("1.", "Takes"),
            ("2.", "Welcomes"),
            ("[2 bis.", "Encourages"),
            ("3.", "Encourges"),
            ("[3 ter.", "Invites"),
            ("4.", "Requests"),
            ("(a)", "The"),
            ("(b)", "[The"),
        ]
        .map(|(m, w)| (m.to_string(), w.to_string()))
    );
    let text = |m: &str| {
        let b = (a.doc.blocks.iter())
            .find(|b| b.marker_range().is_some_and(|r| &src[r] == m))
            .unwrap();
        (b.lines.iter())
            .map(|r| src[b.text_start(&r)..r.end].trim())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        text("[2 bis.").ends_with("that are universal, adequate, comprehensive and sustainable;]")
    );
    assert!(text("[3 ter.").ends_with("national efforts to finance social protection;]"));
    let d = diagnostics(src, &a);
    // The drafter's misspelt opener only.
    assert_eq!(d.len(), 1, "{d:#?}");
    assert!(
        d[0].starts_with("17:1 opener-unknown `Encourges`"),
        "{d:#?}"
    );
}
