//! Extractions of pages with no space between paragraphs (the lab's
//! `compact` style). `pdftotext` then sets a page's first paragraph's
//! marker at the page's end, after the page's last paragraph, and before
//! its foot. The excerpts are the lab's real texts, cut short.

mod support;

use reso::syntax::BlockKind;
use support::{diagnostics, notes, run};

/// Each sub-paragraph's marker as written and the first words of its
/// text, in the order of the texts.
fn items(src: &str, a: &reso::analysis::Analysis) -> Vec<(String, String)> {
    (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::SubParagraph)
        .map(|b| {
            let marker = b
                .marker_range()
                .map_or(String::new(), |m| src[m].to_string());
            let text = (b.lines.iter())
                .map(|r| src[b.text_start(&r)..r.end].trim())
                .find(|t| !t.is_empty())
                .unwrap_or("");
            let words: Vec<&str> = text.split_whitespace().take(3).collect();
            (marker, words.join(" "))
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    (list.iter())
        .map(|&(m, t)| (m.to_string(), t.to_string()))
        .collect()
}

/// A/C.3/81/L.99: item (c) starts page 2 without its marker; `(c)` comes
/// alone at the page's end, above the foot. It is (c)'s marker, (c)
/// introduces (i) and (ii), and nothing is reported.
#[test]
fn an_items_marker_at_its_pages_end() {
    let src = "\
The General Assembly,
Noting with appreciation the work of the Commission for Social Development at its
sixty-fourth session,
1. Takes note of the report of the Secretary-General;
2. Requests the Commission for Social Development to consider at its sixty-fifth session:
(a) The follow-up to the Doha Political Declaration;
(b) [The role of cooperatives and the social and solidarity economy in social integration;]

25-17867 (E)

*2517867*


-2-

A/C.3/81/L.99

Ways to strengthen the participation of persons with disabilities, older persons and
youth, including:
(i)
Through national consultations;
(ii) Through regional meetings [convened within existing resources];
[2 bis. Decides to convene a high-level meeting on social development at its eighty-third session;]
3. Requests the Secretary-General to submit to the General Assembly at its eighty-second session
a report on the implementation of the present resolution, [including recommendations,] and
decides to include in the provisional agenda of its eighty-second session the item entitled
“Social development”.
(c)

25-17867
";
    let a = run(src);
    assert_eq!(
        items(src, &a),
        pairs(&[
            ("(a)", "The follow-up to"),
            ("(b)", "[The role of"),
            ("(c)", "Ways to strengthen"),
            ("(i)", "Through national consultations;"),
            ("(ii)", "Through regional meetings"),
        ])
    );
    let d = diagnostics(src, &a);
    assert!(d.is_empty(), "{d:#?}");
}

/// A/RES/80/11: item (d) starts page 3 without its marker. The page then
/// ends with an operative paragraph that has no number yet and introduces
/// a list of its own, (a) to (d); `(d)` then `2.` come alone above the
/// foot. Both numbers find their texts, the list is the operative
/// paragraph's, and nothing is reported.
#[test]
fn an_items_marker_and_a_paragraphs_number_at_the_pages_end() {
    let src = "\
The General Assembly,
Recalling its resolution 79/1,
1. Reaffirms the mandate of the Peacebuilding Commission, and also reaffirms the need to
strengthen its fulfilment by:
(a) Requesting the Peacebuilding Commission to establish a detailed, predictable and
flexible annual programme of work;
(b) Requesting the Peacebuilding Commission, in line with its mandate, to serve as a
platform to support Member States, upon their request, by:
(i)
Assisting Member States in building their national capacities, including by sharing good
practices and lessons learned;
(ii) Inviting international financial institutions and regional development banks to
engage in relevant country-specific discussions;
(c) Taking note of the decision of the Security Council to consider referring countries
transitioning off its agenda to the Peacebuilding Commission;

25-15400


-3-

Requesting the Peacebuilding Commission to strengthen its impact through regular
follow-up, monitoring and assessment of the implementation of its outcomes;
(e) Requesting the Peacebuilding Commission to continue serving as a platform to convene
all relevant actors;
Recognizes the importance of further enhancing the advisory role of the Peacebuilding
Commission, and in this regard:
(a) Decides, where appropriate and through its relevant agenda items, to consider
seeking strategic and context-specific advice from the Peacebuilding Commission;
(b) May consider diverse formats of engagement, as appropriate;
(c) Requests the Peacebuilding Commission to utilize its convening role;
(d) Takes note of the intention of the Security Council to encourage stronger cooperation
with the Peacebuilding Commission;
(d)

2.

25-15400

A/RES/80/11


-4-

A/RES/80/11

3. Calls for the Peacebuilding Commission to serve as a platform to enhance United Nations
system-wide coherence.
";
    let a = run(src);
    let marked: Vec<String> = items(src, &a).into_iter().map(|(m, _)| m).collect();
    assert_eq!(
        marked,
        ["(a)", "(b)", "(i)", "(ii)", "(c)", "(d)", "(e)", "(a)", "(b)", "(c)", "(d)"]
    );
    let recognizes = (a.doc.blocks.iter())
        .position(|b| b.lines.iter().any(|r| src[r].starts_with("Recognizes")))
        .unwrap();
    let b = &a.doc.blocks[recognizes];
    assert_eq!(b.kind, BlockKind::Operative);
    assert_eq!(&src[b.marker_range().unwrap()], "2.");
    let under: Vec<usize> = (a.doc.blocks.iter().enumerate())
        .filter(|(_, b)| b.kind == BlockKind::SubParagraph && b.parent() == Some(recognizes))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(under.len(), 4);
    let d = diagnostics(src, &a);
    assert!(d.is_empty(), "{d:#?}");
}

/// A marker alone at a page's end that is not the next item's lost one
/// stays a marker of its own, and its wrong letter is reported.
#[test]
fn a_marker_alone_that_fits_no_lost_item_is_reported() {
    let src = "\
The General Assembly,
Recalling its resolution 79/1,
1. Requests the Commission to consider at its sixty-fifth session:
(a) The follow-up to the Doha Political Declaration;
(b) The role of cooperatives in social integration;

-2-

Ways to strengthen the participation of persons with disabilities;
2. Requests the Secretary-General to submit a report.
(e)

25-17867
";
    let a = run(src);
    let d = diagnostics(src, &a);
    assert!(
        d.iter().any(|d| d.starts_with("9:1 sub-numbering")),
        "{d:#?}"
    );
    assert!(
        d.iter().any(|d| d.starts_with("11:1 sub-numbering")),
        "{d:#?}"
    );
}

/// A/RES/80/6 as `pdftotext` reads its compact pages:
/// - page 1's note numbers out of turn among their texts (`1`, the texts
///   of 1 and 2, `3`, 3's text, `2`);
/// - on page 2, the notes' numbers `4` and `5` under the column of the
///   paragraphs' numbers (`1.` to `4.`), their texts under the page's last
///   paragraph, which goes on on page 3;
/// - on page 3, note 6's number under that page's column and a running
///   head, then notes 6 to 9's texts with the numbers `8`, `9` and `7`
///   among them.
///
/// Each note gets its own text, each paragraph its number, and nothing is
/// reported.
#[test]
fn notes_numbers_in_a_column_of_paragraph_numbers_and_out_of_turn() {
    let src = "\
A/RES/80/6
United Nations
General Assembly Distr.: General 12 November 2025

80/6. Report of the International Criminal Court
The General Assembly,
Recalling also that the Rome Statute of the International Criminal Court1 reaffirms the
purposes and principles of the Charter of the United Nations,
Expressing its appreciation to the Secretary-General for the Negotiated Relationship Agreement between
the United Nations and the International Criminal Court,2
Acknowledging the Relationship Agreement as approved by the General Assembly in its
resolution 58/318 of 13 September 2004, including the payment in full of expenses accruing to the
Relationship Agreement,3 which provides a framework for continued cooperation,
1

United Nations, Treaty Series, vol. 2187, No. 38544.
A/58/874 and A/58/874/Add.1.
3
Articles 10 and 13 of the Relationship Agreement.
2

25-18301 (E)


-2-

1.
2.

3.

4.

4
5

Welcomes the report of the International Criminal Court for 2024/25;4
Further welcomes the States Parties to the Agreement on the Privileges and Immunities of the
International Criminal Court,5 and calls upon all States to consider becoming Parties to that
Agreement;
Notes the recent ratifications and acceptances of the amendments adopted at the Review
Conference of the Rome Statute;
Recalls article 3 of the Relationship Agreement, according to which the United Nations and the
International Criminal Court shall consult each other on matters of mutual interest pursuant to the provisions of the

A/80/342.
United Nations, Treaty Series, vol. 2271, No. 40446.

25-18301

A/RES/80/6


-3-

5.

6.

7.

6

A/RES/80/6

Relationship Agreement and in conformity with the respective provisions of the Charter and
the Rome Statute, and shall respect each other’s status and mandate,6 and requests the
Secretary-General to continue to include information relevant to the implementation of article
3 of the Relationship Agreement in a report;
Recalls the guidance issued by the Secretary-General on contacts with persons who are the
subject of arrest warrants or summonses issued by the International Criminal Court,7 and in
this regard takes note of the information included in the report of the Secretary-General on the
implementation of article 3 of the Relationship Agreement;8
Continues to welcome the statement by the President of the Security Council of 12 February
2013,9 in which the Council reiterated its previous call regarding the importance of State
cooperation with the International Criminal Court;
Invites the International Criminal Court to submit a report on its activities for 2025/26.

Article 2, paragraph 3, of the Relationship Agreement.
A/67/828-S/2013/210, annex.
8
A/80/344.
9
S/PRST/2013/2; see Resolutions and Decisions of the Security Council, 1 August 2012–31 July 2013 (S/INF/68).
7

25-18301
";
    let a = run(src);
    assert_eq!(
        notes(src, &a),
        [
            (1, "United Nations, Treaty Series, vol. 2187, No. 38544."),
            (3, "Articles 10 and 13 of the Relationship Agreement."),
            (2, "A/58/874 and A/58/874/Add.1."),
            (4, "A/80/342."),
            (5, "United Nations, Treaty Series, vol. 2271, No. 40446."),
            (6, "Article 2, paragraph 3, of the Relationship Agreement."),
            (8, "A/80/344."),
            (9, "S/PRST/2013/2; see Resolutions and Decisions of the Security Council, 1 August 2012–31 July 2013 (S/INF/68)."),
            (7, "A/67/828-S/2013/210, annex."),
        ]
        .map(|(n, t)| (n, t.to_string()))
    );
    // Paragraph 4 goes on on page 3 (`Relationship Agreement and ...`);
    // 5 to 7 take the page's next texts.
    let last_words: Vec<(String, String)> = (a.doc.blocks.iter())
        .filter(|b| b.kind == BlockKind::Operative)
        .map(|b| {
            let m = src[b.marker_range().unwrap()].to_string();
            let last = (b.lines.iter())
                .map(|r| src[b.text_start(&r)..r.end].trim())
                .rfind(|t| !t.is_empty())
                .unwrap_or("");
            (m, last.split_whitespace().last().unwrap_or("").to_string())
        })
        .collect();
    assert_eq!(
        last_words,
        pairs(&[
            ("1.", "2024/25;4"),
            ("2.", "Agreement;"),
            ("3.", "Statute;"),
            ("4.", "report;"),
            ("5.", "Agreement;8"),
            ("6.", "Court;"),
            ("7.", "2025/26."),
        ])
    );
    let d = diagnostics(src, &a);
    assert!(d.is_empty(), "{d:#?}");
}

/// A number alone under a column of paragraph numbers that nothing below
/// refers to is no note: it stays where it is and is reported.
#[test]
fn a_number_under_a_column_that_nothing_refers_to_is_no_note() {
    let src = "\
The General Assembly,
Recalling its resolution 79/6,

-2-

1.
2.

4

Welcomes the report of the International Criminal Court for 2024/25;
Invites the International Criminal Court to submit a report on its activities for 2025/26.
";
    let a = run(src);
    assert!(a.doc.footnote_defs.is_empty(), "{:?}", a.doc.footnote_defs);
    let d = diagnostics(src, &a);
    assert!(
        d.iter().any(|d| d.starts_with("9:1 opener-unknown `4`")),
        "{d:#?}"
    );
}
