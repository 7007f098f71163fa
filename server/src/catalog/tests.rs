use super::*;

#[test]
fn embedded_files_have_no_bad_rows() {
    for (name, text, kind) in BUILTIN_FILES {
        let mut rows = 0;
        for (i, line) in text.lines().enumerate().skip(1) {
            let r = parse_row(line, kind, &cow(name), cow, true);
            // Read as the loader reads it, unchecked, the row is the same.
            if let Ok(e) = &r {
                assert_eq!(
                    Ok(e),
                    parse_row(line, kind, &cow(name), cow, false).as_ref(),
                    "{name}:{}",
                    i + 1
                );
            }
            assert!(r.is_ok(), "{name}:{}: {:?}", i + 1, r.err());
            rows += 1;
        }
        assert!(rows > 80, "{name} has {rows} rows");
    }
}

#[test]
fn builtin_counts_and_merges() {
    let cat = Catalog::builtin();
    let counts: HashMap<Body, usize> = cat.count_by_body().into_iter().collect();
    assert_eq!(counts[&Body::SC], 2503);
    assert_eq!(counts[&Body::ECOSOC], 5);
    assert_eq!(counts[&Body::HRC], 0);
    // 3978 + 242 + 78 GA rows, 51 symbols appear in two files.
    assert_eq!(counts[&Body::GA], 3978 + 242 + 78 - 51);

    // A duplicate: the date comes from the cited texts, the subject from the
    // recorded votes, both files are named.
    let e = cat.get("A/RES/31/6 A").unwrap();
    assert_eq!(e.date.unwrap().iso(), "1976-10-26");
    assert_eq!(e.title_kind, TitleKind::SubjectHeading);
    assert_eq!(&*e.title, "APARTHEID, BANTUSTANS");
    assert!(e.source.contains("cited-in-texts.tsv"));
    assert!(e.source.contains("ga-recorded-votes-voeten.tsv"));
}

#[test]
fn lookups() {
    let cat = Catalog::builtin();
    let e = cat.get("S/RES/1325(2000)").unwrap();
    assert_eq!(e.date.unwrap().long(), "31 October 2000");
    assert_eq!(e.title_kind, TitleKind::AgendaItem);
    assert_eq!(e.cited_form(), "1325 (2000)");
    assert_eq!(cat.sc(1325).unwrap().symbol, "S/RES/1325(2000)");
    assert!(cat.sc(2504).is_none());
    assert!(cat.get("S/RES/1402(2002)").unwrap().date.is_none());

    let e = cat.get("A/RES/68/262").unwrap();
    assert_eq!(e.title().unwrap().0, TitleKind::SubjectHeading);
    assert_eq!(e.date.unwrap().iso(), "2014-03-27");

    let e = cat.get("A/RES/80/14").unwrap();
    assert_eq!(
        e.title(),
        Some((TitleKind::Title, "African Nuclear-Weapon-Free Zone Treaty"))
    );
    assert_eq!(
        cat.get("A/RES/74/45").unwrap().date.unwrap().iso(),
        "2019-12-12"
    );
    assert_eq!(cat.get("A/RES/377 A(V)").unwrap().cited_form(), "377 A (V)");
    assert_eq!(cat.get("E/RES/2011/16").unwrap().cited_form(), "2011/16");
    assert_eq!(cat.get("A/RES/57/270 B").unwrap().cited_form(), "57/270 B");
    // Dates withheld by the source stay empty.
    assert!(cat.get("A/RES/37/7").unwrap().date.is_none());
}

#[test]
fn builtin_coverage() {
    let cat = Catalog::builtin();
    assert!(cat.covers(Body::SC, Session::Year(1946)).is_some());
    assert!(cat.covers(Body::SC, Session::Year(2019)).is_some());
    assert!(cat.covers(Body::SC, Session::Year(2020)).is_none());
    assert!(cat.covers(Body::GA, Session::Regular(66)).is_none());
    assert!(cat.covers(Body::ECOSOC, Session::Year(2011)).is_none());
    assert!(Catalog::empty()
        .covers(Body::SC, Session::Year(2000))
        .is_none());
    assert!(Catalog::empty().get("S/RES/1325(2000)").is_none());
}

#[test]
fn user_files_layer_over_builtin_and_report_bad_rows() {
    let text = "\
# a user catalogue
# complete: GA 66, ECOSOC 2011-2013
symbol\tbody\tsession\tnumber\tdate\ttitle\tmeeting\tvote\tnote
A/RES/66/184\tGA\t66\t184\t2011-12-22\tInformation and communications technologies for development\t\t\t
A/RES/66/999\tGA\t66\t999\t2011-13-01\tbad date\t\t\t
S/RES/1325(2000)\tGA\t2000\t1325\t\t\t\t\t
A/RES/66\tGA\t66\t\t\t\t\t\t
A/RES/68/262\tGA\t68\t262\t\tTerritorial integrity of Ukraine\t\t\t
only one column
A/RES/66/985\tGA
A/RES/66/986\tGA\t66\t986
# complete: GA 81-80
E/RES/2012/1\tECOSOC\t2012\t1\t2012-07-20\r
";
    let (cat, warnings) = Catalog::with_texts(&[("mine.tsv".to_string(), text.to_string())]);
    let lines: Vec<(usize, &str)> = warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(warnings.len(), 7, "{warnings:#?}");
    assert_eq!(lines[0].0, 5);
    assert!(lines[0].1.contains("bad date `2011-13-01`"));
    assert_eq!(lines[1].0, 6);
    assert!(lines[1]
        .1
        .contains("Security Council symbol but the body column says GA"));
    assert_eq!(lines[2].0, 7);
    assert!(lines[2].1.contains("A/RES/66 lacks the number"));
    assert_eq!(lines[3].0, 9);
    assert!(lines[3].1.contains("expected 9 tab-separated columns"));
    // Two or four of the nine columns: warned about like one (issue 20).
    assert_eq!(lines[4].0, 10);
    assert_eq!(lines[4].1, "expected 9 tab-separated columns (symbol, body, session, number, date, title, meeting, vote, note), found 2 (only the columns after the date may be left out)");
    assert_eq!(lines[5].0, 11);
    assert!(lines[5].1.contains("found 4 (only the columns after"));
    assert_eq!(lines[6].0, 12);
    assert!(lines[6].1.contains("runs backwards"));
    assert!(cat.get("A/RES/66/985").is_none());
    assert_eq!(
        warnings[0].to_string(),
        format!("mine.tsv:5: {}", lines[0].1)
    );

    let e = cat.get("A/RES/66/184").unwrap();
    assert_eq!(e.date.unwrap().iso(), "2011-12-22");
    assert_eq!(e.title_kind, TitleKind::Title);
    // The user's title wins over the built-in subject heading; the built-in
    // date stays.
    let e = cat.get("A/RES/68/262").unwrap();
    assert_eq!(
        e.title(),
        Some((TitleKind::Title, "Territorial integrity of Ukraine"))
    );
    assert_eq!(e.date.unwrap().iso(), "2014-03-27");
    assert!(cat.get("E/RES/2012/1").is_some());
    // Built-in rows are still there.
    assert!(cat.get("S/RES/1325(2000)").is_some());
    assert!(cat.sc(1).is_some());
    assert!(cat.covers(Body::GA, Session::Regular(66)).is_some());
    assert!(cat.covers(Body::ECOSOC, Session::Year(2013)).is_some());
    assert!(cat.covers(Body::SC, Session::Year(2000)).is_some());
    assert_eq!(cat.len(), Catalog::builtin().len() + 2);
}

#[test]
fn unreadable_file_is_a_warning() {
    let (cat, w) = Catalog::with_files(&[PathBuf::from("/nonexistent/reso/catalog.tsv")]);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].line, 0);
    assert!(w[0]
        .to_string()
        .starts_with("/nonexistent/reso/catalog.tsv: cannot read"));
    assert!(cat.get("S/RES/1325(2000)").is_some());
}
