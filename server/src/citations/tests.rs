use super::*;

/// What a citation looks like in a table row: the canonical symbol, then
/// `@date` when a date was recognised, then `#group` when it belongs to a
/// list with others, then `!` when malformed.
fn show(src: &str, c: &Citation) -> String {
    let mut s = c.symbol.clone();
    if let Some(d) = &c.date {
        s.push_str(&format!(" @{}", d.date.iso()));
        assert_eq!(
            Date::month_number(src[d.range.clone()].split_whitespace().nth(1).unwrap()),
            Some(d.date.month)
        );
    }
    if c.malformed.is_some() {
        s.push('!');
    }
    s
}

fn run(text: &str, organ: Option<Organ>) -> Vec<String> {
    recognise_text(text, organ.as_ref())
        .iter()
        .map(|c| show(text, c))
        .collect()
}

const GA: Option<Organ> = Some(Organ::Known(Body::GA));

#[test]
fn table_of_citations_in_context() {
    let hrc = Some(Organ::Known(Body::HRC));
    let sc = Some(Organ::Known(Body::SC));
    let ecosoc = Some(Organ::Known(Body::ECOSOC));
    let cop = Some(Organ::Other("Conference of the Parties".into()));
    #[rustfmt::skip]
    let table: Vec<(&str, Option<Organ>, Vec<&str>)> = vec![
        // GA, plain and in lists, with dates.
        ("Recalling its resolution 56/183 of 21 December 2001,", GA, vec!["A/RES/56/183 @2001-12-21"]),
        ("Recalling its resolutions 56/183 of 21 December 2001, 57/238 of 20 December 2002 and 57/270 B of 23 June 2003,", GA,
            vec!["A/RES/56/183 @2001-12-21", "A/RES/57/238 @2002-12-20", "A/RES/57/270 B @2003-06-23"]),
        ("Recalling its resolutions 56/183 and 57/238,", GA, vec!["A/RES/56/183", "A/RES/57/238"]),
        ("Recalling resolution 57/270 B,", GA, vec!["A/RES/57/270 B"]),
        ("Reaffirming resolutions 60/1 and 65/1 of 16 September 2005 and 22 September 2010, respectively,", GA,
            vec!["A/RES/60/1 @2005-09-16", "A/RES/65/1 @2010-09-22"]),
        // Part letters and ranges of parts.
        ("Recalling its resolutions 49/222 A and B of 23 December 1994 and 20 July 1995,", GA,
            vec!["A/RES/49/222 A @1994-12-23", "A/RES/49/222 B @1995-07-20"]),
        ("Recalling its resolutions 43/222 A to E,", GA,
            vec!["A/RES/43/222 A", "A/RES/43/222 B", "A/RES/43/222 C", "A/RES/43/222 D", "A/RES/43/222 E"]),
        ("Recalling resolutions 47/20 A, B and C,", GA, vec!["A/RES/47/20 A", "A/RES/47/20 B", "A/RES/47/20 C"]),
        ("Recalling its resolution 49/75 E of 15 December 1994 on a step-by-step reduction of the nuclear threat,", GA,
            vec!["A/RES/49/75 E @1994-12-15"]),
        // Special and emergency special sessions.
        ("Recalling resolution S-26/2,", GA, vec!["A/RES/S-26/2"]),
        ("Recalling its resolution ES-10/19 of 21 December 2017,", GA, vec!["A/RES/ES-10/19 @2017-12-21"]),
        ("3 Resolution S-10/2.", GA, vec!["A/RES/S-10/2"]),
        // GA before 1976.
        ("Recalling General Assembly resolution 1514 (XV) of 14 December 1960,", sc.clone(),
            vec!["A/RES/1514(XV) @1960-12-14"]),
        ("Recalling resolution 2200 A (XXI),", GA, vec!["A/RES/2200 A(XXI)"]),
        ("Recalling resolution 377 A (V) of 3 November 1950,", GA, vec!["A/RES/377 A(V) @1950-11-03"]),
        ("Recalling General Assembly resolution 2625 (XXV) of 24 October 1970,", GA, vec!["A/RES/2625(XXV) @1970-10-24"]),
        // Security Council.
        ("Recalling Security Council resolution 1325 (2000) of 31 October 2000,", GA, vec!["S/RES/1325(2000) @2000-10-31"]),
        ("Recalling its resolutions 1267 (1999), 1333 (2000) and 1390 (2002),", sc.clone(),
            vec!["S/RES/1267(1999)", "S/RES/1333(2000)", "S/RES/1390(2002)"]),
        ("including resolution 661 (1990) of 6 August 1990, 986 (1995) of 14 April 1995, and in particular, 1447 (2002) of 4 June 2002,", sc.clone(),
            vec!["S/RES/661(1990) @1990-08-06", "S/RES/986(1995) @1995-04-14", "S/RES/1447(2002) @2002-06-04"]),
        ("the adoption of Security Council resolution 1325 (2000) on 31 October 2000, the role", GA, vec!["S/RES/1325(2000) @2000-10-31"]),
        ("Assembly resolution 65/7 and Council resolution 1947 (2010), Assembly resolution 70/262", GA,
            vec!["A/RES/65/7", "S/RES/1947(2010)", "A/RES/70/262"]),
        ("Recalling its resolution 1325(2000),", sc.clone(), vec!["S/RES/1325(2000)"]),
        // ECOSOC and HRC resolutions and decisions.
        ("Recalling also Economic and Social Council resolutions 2006/46 of 28 July 2006, 2008/3 of 18 July 2008,", GA,
            vec!["E/RES/2006/46 @2006-07-28", "E/RES/2008/3 @2008-07-18"]),
        ("takes note of the decision of the Economic and Social Council, in paragraphs 27 to 29 of its resolution 2011/16, to extend", GA,
            vec!["E/RES/2011/16"]),
        ("Recalling its resolution 2006/46,", ecosoc.clone(), vec!["E/RES/2006/46"]),
        ("Recalling Economic and Social Council resolution 1503 (XLVIII),", GA, vec!["E/RES/1503(XLVIII)"]),
        ("Recalling Human Rights Council resolution 16/18 of 24 March 2011,", GA, vec!["A/HRC/RES/16/18 @2011-03-24"]),
        ("Recalling its resolution 16/18,", hrc.clone(), vec!["A/HRC/RES/16/18"]),
        ("Recalling General Assembly resolution 60/251 and its resolution 5/1,", hrc.clone(), vec!["A/RES/60/251", "A/HRC/RES/5/1"]),
        ("Recalling Economic and Social Council resolution 2011/16 and its resolution 65/141,", GA,
            vec!["E/RES/2011/16", "A/RES/65/141"]),
        ("Recalling its resolution S-17/1,", hrc.clone(), vec!["A/HRC/RES/S-17/1"]),
        ("Recalling its decision 56/1,", GA, vec!["A/DEC/56/1"]),
        ("in its decision 52/492 of 8 September 1998, to discuss", GA, vec!["A/DEC/52/492 @1998-09-08"]),
        ("Recalling Economic and Social Council decision 2011/16,", GA, vec!["E/DEC/2011/16"]),
        ("Recalling its decision 6/102,", hrc.clone(), vec!["A/HRC/DEC/6/102"]),
        // Footnotes cite with a capital.
        ("5 See resolution 60/1.", GA, vec!["A/RES/60/1"]),
        ("12 Resolution 79/233, annex; see also resolution 79/279.", GA, vec!["A/RES/79/233", "A/RES/79/279"]),
        ("8 See resolution 50/245 and A/50/1027.", GA, vec!["A/RES/50/245", "A/50/1027"]),
        ("2 Resolution 70/1.", GA, vec!["A/RES/70/1"]),
        // Wrapped across lines.
        ("Recalling its resolutions 64/187 of\n21 December 2009, 65/141 of 20 December 2010,", GA,
            vec!["A/RES/64/187 @2009-12-21", "A/RES/65/141 @2010-12-20"]),
        ("established by resolution 661\n(1990) concerning", sc.clone(), vec!["S/RES/661(1990)"]),
        // "its" follows the chapeau unless the sentence names another organ.
        ("Recalling its resolution 65/141,", None, vec!["A/RES/65/141"]),
        ("Welcoming the work of the Human Rights Council, and recalling its resolution 16/18,", GA, vec!["A/HRC/RES/16/18"]),
        ("Noting the Commission on the Status of Women resolution 55/1,", GA, vec![]),
        ("Recalling World Health Assembly resolution 58/3,", GA, vec![]),
        ("Recalling its resolution 5/1,", cop.clone(), vec![]),
        ("Recalling resolution 60/1,", cop.clone(), vec!["A/RES/60/1"]),
        ("Recalling the Commission on Human Rights resolution 2005/69,", GA, vec![]),
        ("Recalling UNEP Governing Council decision 27/2,", GA, vec![]),
        // Document symbols.
        ("1 See A/C.2/59/3, annex.", GA, vec!["A/C.2/59/3"]),
        ("7 A/66/64-E/2011/77.", GA, vec!["A/66/64-E/2011/77"]),
        ("A/66/L.1/Rev.1", GA, vec!["A/66/L.1/Rev.1"]),
        ("report of the Conference (A/CONF.216/16)", GA, vec!["A/CONF.216/16"]),
        ("E/CN.6/2011/L.1/Add.2", GA, vec!["E/CN.6/2011/L.1/Add.2"]),
        ("Taking note of A/HRC/16/L.10 and S/2011/123,", GA, vec!["A/HRC/16/L.10", "S/2011/123"]),
        ("as contained in A/RES/66/184 of 22 December 2011,", GA, vec!["A/RES/66/184 @2011-12-22"]),
        ("United Nations S/RES/1454 (2002)", sc.clone(), vec!["S/RES/1454(2002)"]),
        ("Recalling A/RES/2200(XXI)[A],", GA, vec!["A/RES/2200 A(XXI)"]),
        ("(NPT/CONF.1995/32 (Part I) and NPT/CONF.1995/32 (Part I)/Corr.2), annex.", GA,
            vec!["NPT/CONF.1995/32", "NPT/CONF.1995/32"]),
        ("FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.", GA, vec!["FCCC/CP/2015/10/Add.1"]),
        ("[on the report of the First Committee (A/80/534, para. 7)]", GA, vec!["A/80/534"]),
        ("9 S/PRST/2013/2; see Resolutions and Decisions of the Security Council, 1 August 2012–31 July 2013", GA,
            vec!["S/PRST/2013/2"]),
        // Malformed symbols.
        ("Recalling A/RES/66, and", GA, vec!["A/RES/66!"]),
        ("Recalling a/res/66/184,", GA, vec!["a/res/66/184!"]),
        ("See A//66/1.", GA, vec!["A//66/1!"]),
        // Near misses: not citations.
        ("a loan of 1,000 dollars and 2,500,000 more", GA, vec![]),
        ("Reaffirming paragraphs 4, 5 and 55 of the Declaration of Principles,", GA, vec![]),
        ("the Broadband Targets for 2015, established by the Commission", GA, vec![]),
        ("25-18301 (E)  2/5  *2518301*", GA, vec![]),
        ("in paragraphs 27 to 29 of the report", GA, vec![]),
        ("the report of the International Criminal Court for 2024/25; 4", GA, vec![]),
        ("Resolutions, chap. V, resolution 25, annex 1.", GA, vec![]),
        ("(United Nations publication, Sales No. E.96.IV.8), chap. I, resolution 1, annexes I and II.", GA, vec![]),
        ("Resolution adopted by the General Assembly on 1 December 2025", GA, vec![]),
        ("the HIV/AIDS epidemic and ISO/IEC 27001 and A/B testing", GA, vec![]),
        ("decision 1/CP.21 of the Conference of the Parties", GA, vec![]),
        ("resolution 1325 on women", GA, vec![]),
        ("resolution 60/1.5 and resolution 66/1234567", GA, vec![]),
        ("80/14. African Nuclear-Weapon-Free Zone Treaty", GA, vec![]),
        ("the resolution 65/141,000 of", GA, vec![]),
    ];
    assert!(table.len() >= 60, "{} rows", table.len());
    for (text, organ, expected) in table {
        assert_eq!(run(text, organ), expected, "in {text:?}");
    }
}

#[test]
fn ranges_groups_and_years() {
    let text = "Recalling its resolutions 56/183 of 21 December 2001 and 57/270 B,\n\nRecalling resolution 1325 (2000) and 1820\n(2008),";
    let cits = recognise_text(text, GA.as_ref());
    assert_eq!(cits.len(), 4);
    assert_eq!(&text[cits[0].range.clone()], "56/183");
    assert_eq!(
        &text[cits[0].date.as_ref().unwrap().range.clone()],
        "21 December 2001"
    );
    assert_eq!(&text[cits[1].range.clone()], "57/270 B");
    assert_eq!(cits[1].kind, Kind::Resolution);
    assert_eq!(cits[1].body, Some(Body::GA));
    assert_eq!(cits[1].session, Some(Session::Regular(57)));
    assert_eq!(cits[1].number, Some(270));
    assert_eq!(cits[1].part, Some('B'));
    assert_eq!(cits[0].group, cits[1].group);
    assert_eq!(&text[cits[2].range.clone()], "1325 (2000)");
    let (y, r) = cits[2].sc_year.clone().unwrap();
    assert_eq!((y, &text[r]), (2000, "2000"));
    assert_eq!(&text[cits[3].range.clone()], "1820\n(2008)");
    assert_ne!(cits[1].group, cits[2].group);
    assert_eq!(cits[2].group, cits[3].group);
    assert!(cits[0].contains(text.find("December").unwrap()));
}

#[test]
fn part_ranges() {
    let text = "Recalling its resolutions 43/222 A to E and 49/222 A and B,";
    let cits = recognise_text(text, GA.as_ref());
    let ranges: Vec<&str> = cits.iter().map(|c| &text[c.range.clone()]).collect();
    assert_eq!(
        ranges,
        ["43/222 A", "A to E", "A to E", "A to E", "E", "49/222 A", "B"]
    );
}

#[test]
fn malformed_messages() {
    let cits = recognise_text("See A/RES/66 and a/res/66/184.", GA.as_ref());
    assert_eq!(cits.len(), 2);
    assert!(cits[0]
        .malformed
        .as_deref()
        .unwrap()
        .contains("lacks the number"));
    assert!(cits[1]
        .malformed
        .as_deref()
        .unwrap()
        .contains("capitals (A/RES/66/184)"));
}

#[test]
fn large_input_is_linear() {
    // 10 MB of citations and near-misses: must finish quickly in debug
    // builds too (no quadratic look-behind or re-scan).
    let para = "Recalling its resolutions 56/183 of 21 December 2001, 57/238 of 20 December 2002 and 1,000 other texts (A/66/64-E/2011/77), 2024/25 and 27 to 29,\n";
    let mut text = String::new();
    while text.len() < 2_000_000 {
        text.push_str(para);
    }
    let t = std::time::Instant::now();
    let cits = recognise_text(&text, GA.as_ref());
    assert_eq!(cits.len(), 3 * (text.len() / para.len()));
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    const PIECES: [&str; 24] = [
        "resolution ",
        "resolutions ",
        "its ",
        "56/183",
        " of ",
        "21 December 2001",
        ", ",
        " and ",
        "1325 (2000)",
        "A/RES/",
        "66",
        "/",
        "ES-10/19",
        " B",
        " to ",
        "(XV)",
        "Security Council ",
        "\n",
        "é",
        "2011/16",
        "a/res/",
        "-E/2011/77",
        "[A]",
        "  ",
    ];

    proptest! {
        #[test]
        fn never_panics_and_ranges_are_sound(idx in proptest::collection::vec(0usize..PIECES.len(), 0..60)) {
            let text: String = idx.iter().map(|&i| PIECES[i]).collect();
            for c in recognise_text(&text, GA.as_ref()) {
                prop_assert!(c.range.start < c.range.end && c.range.end <= text.len());
                prop_assert!(text.is_char_boundary(c.range.start) && text.is_char_boundary(c.range.end));
                if let Some(d) = &c.date {
                    prop_assert!(d.range.end <= text.len() && text.is_char_boundary(d.range.start));
                }
            }
        }
    }
}
