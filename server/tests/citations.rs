//! Citations and their checks on real texts and on drafts of our own
//! (issue 3): what the recogniser finds, and exactly which `citation-*` and
//! `symbol-*` diagnostics a drafter sees.

mod support;

use reso::analysis::{analyze, Analysis};
use reso::catalog::Catalog;
use reso::checks::citations::{check_on, inconsistent_across, OtherDocument};
use reso::config::Config;
use reso::diagnostic::{Code, Diagnostic};
use reso::un::{Body, Date, Kind};
use support::fixture;

fn is_citation_code(c: Code) -> bool {
    matches!(
        c,
        Code::SymbolMalformed
            | Code::SymbolUnknown
            | Code::CitationDate
            | Code::CitationSession
            | Code::CitationOrder
            | Code::CitationInconsistent
    )
}

fn line_of(src: &str, offset: usize) -> usize {
    src[..offset].matches('\n').count() + 1
}

/// `(code, text under the range, message)` of the citation diagnostics.
fn citation_diags<'a>(src: &'a str, a: &'a Analysis) -> Vec<(Code, &'a str, &'a str)> {
    a.diagnostics
        .iter()
        .filter(|d| is_citation_code(d.code))
        .map(|d| (d.code, &src[d.range.clone()], d.message.as_str()))
        .collect()
}

#[test]
fn seed_a_res_66_184_citations_and_no_citation_diagnostics() {
    let src = fixture("A-RES-66-184.txt");
    let a = analyze(&src, &Config::default(), Catalog::builtin());
    let found: Vec<(usize, &str, Option<Body>, Option<String>)> = a
        .citations
        .iter()
        .filter(|c| c.kind != Kind::Document)
        .map(|c| {
            (
                line_of(&src, c.range.start),
                c.symbol.as_str(),
                c.body,
                c.date.as_ref().map(|d| d.date.iso()),
            )
        })
        .collect();
    let d = |s: &str| Some(s.to_string());
    let ga = Some(Body::GA);
    let eco = Some(Body::ECOSOC);
    assert_eq!(
        found,
        vec![
            (5, "A/RES/56/183", ga, d("2001-12-21")),
            (5, "A/RES/57/238", ga, d("2002-12-20")),
            (6, "A/RES/57/270 B", ga, d("2003-06-23")),
            (6, "A/RES/59/220", ga, d("2004-12-22")),
            (6, "A/RES/60/252", ga, d("2006-03-27")),
            (7, "A/RES/62/182", ga, d("2007-12-19")),
            (7, "A/RES/63/202", ga, d("2008-12-19")),
            (7, "A/RES/64/187", ga, d("2009-12-21")), // date on the next line
            (8, "A/RES/65/141", ga, d("2010-12-20")),
            (10, "E/RES/2006/46", eco, d("2006-07-28")),
            (11, "E/RES/2008/3", eco, d("2008-07-18")),
            (11, "E/RES/2009/7", eco, d("2009-07-24")),
            (11, "E/RES/2010/2", eco, d("2010-07-19")),
            (12, "E/RES/2011/16", eco, d("2011-07-26")),
            (26, "A/RES/59/220", ga, None), // footnotes
            (29, "A/RES/60/252", ga, None),
            (30, "A/RES/60/1", ga, None),
            (79, "A/RES/65/1", ga, None),
            (295, "E/RES/2011/16", eco, None), // OP 17: "its resolution 2011/16"
            (314, "A/RES/65/141", ga, None),
        ]
    );
    let docs: Vec<&str> = a
        .citations
        .iter()
        .filter(|c| c.kind == Kind::Document)
        .map(|c| c.symbol.as_str())
        .collect();
    assert_eq!(
        docs,
        [
            "A/C.2/59/3",
            "A/60/687",
            "A/66/64-E/2011/77",
            "A/66/64-E/2011/77",
            "A/66/67-E/2011/79",
            "A/66/77-E/2011/103"
        ]
    );
    // "the decision of the Economic and Social Council, in paragraphs 27 to
    // 29 of its resolution 2011/16": ECOSOC, and `27 to 29` is no citation.
    let op17 = a
        .citations
        .iter()
        .find(|c| line_of(&src, c.range.start) == 295)
        .unwrap();
    assert_eq!(&src[op17.range.clone()], "2011/16");
    assert_eq!(op17.body, Some(Body::ECOSOC));
    assert_eq!(citation_diags(&src, &a), vec![]);
}

#[test]
fn security_council_texts_cite_catalogued_resolutions_with_their_dates() {
    let cat = Catalog::builtin();
    let mut checked_dates = 0;
    let mut cited = 0;
    for name in [
        "S-RES-242-1967.txt",
        "S-RES-687-1991.txt",
        "S-RES-1454-2002.txt",
    ] {
        let src = fixture(name);
        let a = analyze(&src, &Config::default(), cat);
        for c in a
            .citations
            .iter()
            .filter(|c| c.body == Some(Body::SC) && c.kind == Kind::Resolution)
        {
            cited += 1;
            let entry = cat
                .get(&c.symbol)
                .unwrap_or_else(|| panic!("{name}: {} not in the catalogue", c.symbol));
            if let Some(d) = &c.date {
                assert_eq!(Some(d.date), entry.date, "{name}: {}", c.symbol);
                checked_dates += 1;
            }
        }
        assert_eq!(citation_diags(&src, &a), vec![], "{name}");
    }
    // The one OCR-damaged date, 687's own `of 3 Apri] 1991` (line 2), is not
    // read as a date, so it is skipped; every other date is checked.
    let src = fixture("S-RES-687-1991.txt");
    let a = analyze(&src, &Config::default(), cat);
    assert_eq!(a.citations[0].symbol, "S/RES/687(1991)");
    assert!(a.citations[0].date.is_none());
    // 687 (1991) cites 13 resolutions with dates, 1454 (2002) 9, 242 its own.
    assert_eq!(checked_dates, 13 + 9 + 1);
    assert_eq!(cited, 60);
}

#[test]
fn ga80_texts_only_the_three_real_citation_date_errors() {
    for name in [
        "A-RES-80-5.txt",
        "A-RES-80-6.txt",
        "A-RES-80-11.txt",
        "A-RES-80-14.txt",
    ] {
        let src = fixture(&format!("ga80/{name}"));
        let a = analyze(&src, &Config::default(), Catalog::builtin());
        assert_eq!(citation_diags(&src, &a), vec![], "{name}");
        assert!(a.citations.len() > 3, "{name}");
    }
    let src = fixture("ga80/A-RES-80-24.txt");
    let a = analyze(&src, &Config::default(), Catalog::builtin());
    let diags: Vec<&Diagnostic> = a
        .diagnostics
        .iter()
        .filter(|d| is_citation_code(d.code))
        .collect();
    let seen: Vec<(Code, String, &str, String)> = diags
        .iter()
        .map(|d| {
            let cit = a
                .citations
                .iter()
                .find(|c| c.date.as_ref().is_some_and(|x| x.range == d.range))
                .unwrap();
            (
                d.code,
                src[cit.range.clone()].to_string(),
                &src[d.range.clone()],
                d.message.clone(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                Code::CitationDate,
                "74/45".to_string(),
                "19 December 2019",
                "General Assembly resolution 74/45 was adopted on 12 December 2019, not on 19 December 2019 (catalogue: A/RES/74/45)".to_string()
            ),
            (
                Code::CitationDate,
                "74/54".to_string(),
                "19 December 2019",
                "General Assembly resolution 74/54 was adopted on 12 December 2019, not on 19 December 2019 (catalogue: A/RES/74/54)".to_string()
            ),
            (
                Code::CitationDate,
                "75/45".to_string(),
                "17 December 2020",
                "General Assembly resolution 75/45 was adopted on 7 December 2020, not on 17 December 2020 (catalogue: A/RES/75/45)".to_string()
            ),
        ]
    );
    // Each carries the quick fix that writes the catalogue's date.
    for (d, want) in diags
        .iter()
        .zip(["12 December 2019", "12 December 2019", "7 December 2020"])
    {
        let fix = d.fix.as_ref().unwrap();
        assert_eq!(fix.title, format!("Change the date to {want}"));
        assert_eq!(fix.edits.len(), 1);
        assert_eq!(fix.edits[0].range, d.range);
        assert_eq!(fix.edits[0].new_text, want);
    }
    // Part-lettered citations are recognised with their dates.
    let c = a
        .citations
        .iter()
        .find(|c| c.symbol == "A/RES/49/75 E")
        .unwrap();
    assert_eq!(c.date.as_ref().unwrap().date.long(), "15 December 1994");
}

/// A correct draft around one preambular paragraph.
fn draft(pp: &str) -> String {
    format!(
        "Test draft\n\nThe General Assembly,\n\n{pp}\n\n1. Decides to remain seized of the matter.\n"
    )
}

/// Every diagnostic of a draft: `(code, text under the range, message)`.
fn all_diags(src: &str) -> Vec<(Code, String, String)> {
    let a = analyze(src, &Config::default(), Catalog::builtin());
    a.diagnostics
        .iter()
        .map(|d| (d.code, src[d.range.clone()].to_string(), d.message.clone()))
        .collect()
}

#[test]
fn a_correct_draft_has_no_diagnostic() {
    let src = draft(
        "Recalling its resolutions 64/187 of 21 December 2009 and 65/141 of 20 December 2010, Security Council resolution 1325 (2000) of 31 October 2000, its resolution 79/194 of 19 December 2024, Economic and Social Council resolution 2011/16 and the report of the Secretary-General (A/80/71 and A/80/71/Corr.1),",
    );
    assert_eq!(all_diags(&src), vec![]);
}

#[test]
fn draft_wrong_date_for_a_real_security_council_resolution() {
    let src = draft("Recalling Security Council resolution 1325 (2000) of 30 October 2000,");
    assert_eq!(
        all_diags(&src),
        vec![(
            Code::CitationDate,
            "30 October 2000".to_string(),
            "Security Council resolution 1325 (2000) was adopted on 31 October 2000, not on 30 October 2000 (catalogue: S/RES/1325(2000))".to_string()
        )]
    );
    let a = analyze(&src, &Config::default(), Catalog::builtin());
    let fix = a.diagnostics[0].fix.as_ref().unwrap();
    assert_eq!(fix.edits[0].new_text, "31 October 2000");
    assert_eq!(&src[fix.edits[0].range.clone()], "30 October 2000");
}

#[test]
fn draft_wrong_year_of_a_security_council_resolution() {
    let src = draft("Recalling Security Council resolution 1325 (2015),");
    assert_eq!(
        all_diags(&src),
        vec![(
            Code::CitationDate,
            "2015".to_string(),
            "Security Council resolution 1325 was adopted on 31 October 2000 (2000), not in 2015: the catalogue has S/RES/1325(2000)".to_string()
        )]
    );
}

#[test]
fn draft_ga_date_outside_the_session() {
    // 66/288 is not in the catalogue: the session rule decides.
    let src = draft("Recalling its resolution 66/288 of 27 July 2014,");
    assert_eq!(
        all_diags(&src),
        vec![(
            Code::CitationSession,
            "27 July 2014".to_string(),
            "General Assembly resolution 66/288 cannot be dated 27 July 2014: it belongs to the 66th session of the General Assembly, which ran from September 2011 to September 2012".to_string()
        )]
    );
    // ECOSOC and SC years too.
    let src = draft("Recalling Economic and Social Council resolution 2012/30 of 27 July 2013,");
    assert_eq!(all_diags(&src)[0].0, Code::CitationSession);
    assert_eq!(all_diags(&src).len(), 1);
}

#[test]
fn draft_one_resolution_cited_with_two_dates() {
    let src = "Test draft\n\nThe General Assembly,\n\nRecalling its resolution 66/288 of 27 July 2012,\n\nRecalling also its resolution 66/288 of 28 July 2012,\n\n1. Decides to remain seized of the matter.\n";
    let a = analyze(src, &Config::default(), Catalog::builtin());
    assert_eq!(
        all_diags(src),
        vec![(
            Code::CitationInconsistent,
            "28 July 2012".to_string(),
            "A/RES/66/288 is cited here as of 28 July 2012 but elsewhere in this document as of 27 July 2012".to_string()
        )]
    );
    let rel = &a.diagnostics[0].related[0];
    assert_eq!(rel.document, None);
    assert_eq!(&src[rel.range.clone()], "27 July 2012");
}

#[test]
fn draft_malformed_symbol() {
    let src = draft("Taking note of the report of the Secretary-General (A/RES/66),");
    assert_eq!(
        all_diags(&src),
        vec![(
            Code::SymbolMalformed,
            "A/RES/66".to_string(),
            "A/RES/66 lacks the number: the form is A/RES/<session>/<number>, as A/RES/66/184"
                .to_string()
        )]
    );
    let src =
        draft("Taking note of the report of the Secretary-General (a/res/66/184 and A//66/1),");
    let d = all_diags(&src);
    assert_eq!(d.len(), 2);
    assert_eq!(
        (d[0].0, d[0].1.as_str()),
        (Code::SymbolMalformed, "a/res/66/184")
    );
    assert_eq!(
        (d[1].0, d[1].1.as_str()),
        (Code::SymbolMalformed, "A//66/1")
    );
}

#[test]
fn draft_security_council_number_that_cannot_exist() {
    let src = draft("Recalling Security Council resolution 2600 (2019),");
    assert_eq!(
        all_diags(&src),
        vec![(
            Code::SymbolUnknown,
            "2600 (2019)".to_string(),
            "S/RES/2600(2019) is not in the catalogue, which lists every Security Council resolution of SC 1946-2019 (numbers 1 to 2503) (built in): check the number".to_string()
        )]
    );
    let src = draft("Recalling Security Council resolution 2900 (2999),");
    assert_eq!(
        all_diags(&src),
        vec![(
            Code::SymbolUnknown,
            "2900 (2999)".to_string(),
            "S/RES/2900(2999) cannot exist yet: there is no Security Council resolution of 2999 before 2999".to_string()
        )]
    );
    // After 2019 the catalogue is not complete: no warning.
    assert_eq!(
        all_diags(&draft("Recalling Security Council resolution 2728 (2024),")),
        vec![]
    );
}

#[test]
fn draft_unordered_list() {
    let src = draft(
        "Recalling its resolutions 65/141 of 20 December 2010 and 64/187 of 21 December 2009,",
    );
    assert_eq!(
        all_diags(&src),
        vec![(
            Code::CitationOrder,
            "64/187".to_string(),
            "64/187 of 21 December 2009 is listed after 65/141 of 20 December 2010: list resolutions in chronological order".to_string()
        )]
    );
    // Without dates, numbers order the list.
    let src = draft("Recalling Security Council resolutions 1820 (2008) and 1325 (2000),");
    assert_eq!(all_diags(&src)[0].0, Code::CitationOrder);
    assert_eq!(all_diags(&src)[0].1, "1325 (2000)");
}

#[test]
fn ga_session_that_has_not_begun() {
    let src = draft("Recalling its resolution 82/1 and its decision 83/501,");
    let a = analyze(&src, &Config::default(), &Catalog::empty());
    let mut out = Vec::new();
    let today = Date::new(2026, 11, 29).unwrap();
    check_on(&a.citations, &Catalog::empty(), today, &mut out);
    let seen: Vec<(&str, &str)> = out
        .iter()
        .map(|d| (&src[d.range.clone()], d.message.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![
            ("82/1", "A/RES/82/1 cannot exist yet: the 82nd session of the General Assembly opens in September 2027"),
            ("83/501", "A/DEC/83/501 cannot exist yet: the 83rd session of the General Assembly opens in September 2028"),
        ]
    );
    // A year later the 82nd session exists.
    let mut out = Vec::new();
    check_on(
        &a.citations,
        &Catalog::empty(),
        Date::new(2027, 9, 20).unwrap(),
        &mut out,
    );
    assert_eq!(out.len(), 1);
    // The session rule needs no catalogue.
    let src = draft("Recalling Security Council resolution 1325 (2000) of 31 October 2001,");
    let a = analyze(&src, &Config::default(), &Catalog::empty());
    assert_eq!(citation_diags(&src, &a).len(), 1);
    assert_eq!(citation_diags(&src, &a)[0].0, Code::CitationSession);
}

#[test]
fn inconsistent_across_open_documents() {
    let one = draft("Recalling its resolution 66/288 of 27 July 2012,");
    let two = draft("Recalling its resolution 66/288 of 28 July 2012 and its resolution 65/141 of 20 December 2010,");
    let a1 = analyze(&one, &Config::default(), Catalog::builtin());
    let a2 = analyze(&two, &Config::default(), Catalog::builtin());
    let d = inconsistent_across(
        &a2.citations,
        &[OtherDocument {
            document: "file:///one.reso",
            citations: &a1.citations,
        }],
    );
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, Code::CitationInconsistent);
    assert_eq!(&two[d[0].range.clone()], "28 July 2012");
    assert_eq!(
        d[0].message,
        "A/RES/66/288 is cited here as of 28 July 2012 but as of 27 July 2012 in file:///one.reso"
    );
    assert_eq!(
        d[0].related[0].document.as_deref(),
        Some("file:///one.reso")
    );
    assert_eq!(&one[d[0].related[0].range.clone()], "27 July 2012");
    // Agreeing documents give nothing.
    assert!(inconsistent_across(
        &a1.citations,
        &[OtherDocument {
            document: "x",
            citations: &a1.citations
        }]
    )
    .is_empty());
}

#[test]
fn user_catalogue_coverage_makes_unknown_symbols_warn() {
    let (cat, w) = Catalog::with_texts(&[(
        "ga66.tsv".into(),
        "# complete: GA 66\nA/RES/66/184\tGA\t66\t184\t2011-12-22\tInformation and communications technologies for development\t\t\t\n".into(),
    )]);
    assert!(w.is_empty());
    let src = draft("Recalling its resolutions 66/184 of 22 December 2011 and 66/999,");
    let a = analyze(&src, &Config::default(), &cat);
    let d = citation_diags(&src, &a);
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].0, d[0].1), (Code::SymbolUnknown, "66/999"));
    assert!(d[0]
        .2
        .contains("every General Assembly resolution of GA 66 (ga66.tsv)"));
    // And the user's date is checked.
    let src = draft("Recalling its resolution 66/184 of 21 December 2011,");
    let a = analyze(&src, &Config::default(), &cat);
    assert_eq!(citation_diags(&src, &a)[0].0, Code::CitationDate);
}
