//! The real resolution texts in tests/fixtures: what SPEC sections 9 and 10
//! say a correct analysis finds, and snapshots of every diagnostic and of the
//! outline, so that any change in what a drafter sees is reviewed.

mod support;

use reso::analysis::{analyze, line_col, render_diagnostics, Analysis};
use reso::catalog::Catalog;
use reso::config::Config;
use reso::diagnostic::Code;
use reso::syntax::{outline, BlockKind, MarkerKind, Part};
use support::fixture;

fn run(src: &str) -> Analysis {
    analyze(src, &Config::default(), Catalog::builtin())
}

fn codes(a: &Analysis, code: Code) -> Vec<(usize, usize, String)> {
    a.diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let (l, c) = line_col(src_of(a), d.range.start);
            (l, c, d.message.clone())
        })
        .collect()
}

// The analysis does not keep the text; tests keep it in a thread-local.
thread_local! {
    static SRC: std::cell::RefCell<&'static str> = const { std::cell::RefCell::new("") };
}
fn src_of(_: &Analysis) -> &'static str {
    SRC.with(|s| *s.borrow())
}
fn load(name: &str) -> (&'static str, Analysis) {
    let src: &'static str = Box::leak(fixture(name).into_boxed_str());
    SRC.with(|s| *s.borrow_mut() = src);
    let a = run(src);
    (src, a)
}

fn op_numbers(a: &Analysis, part: Part) -> Vec<u32> {
    a.doc
        .blocks
        .iter()
        .filter(|b| {
            b.part == part && matches!(b.kind, BlockKind::Operative | BlockKind::AnnexParagraph)
        })
        .filter_map(|b| match &b.marker.as_ref()?.kind {
            MarkerKind::Number { n, .. } => Some(*n),
            _ => None,
        })
        .collect()
}

/// No diagnostic at all (and the list shown when there is one).
fn assert_clean(src: &str, a: &Analysis) {
    assert!(
        a.diagnostics.is_empty(),
        "{}",
        render_diagnostics(src, &a.diagnostics)
    );
}

fn count(a: &Analysis, kind: BlockKind) -> usize {
    a.doc.blocks.iter().filter(|b| b.kind == kind).count()
}

fn defs_and_refs(a: &Analysis) -> (Vec<u32>, Vec<u32>) {
    let mut defs: Vec<u32> = a.doc.footnote_defs.iter().map(|d| d.number).collect();
    let mut refs: Vec<u32> = a.doc.footnote_refs.iter().map(|r| r.number).collect();
    defs.sort();
    defs.dedup();
    refs.sort();
    refs.dedup();
    (defs, refs)
}

#[test]
fn seed_a_res_66_184() {
    let (src, a) = load("A-RES-66-184.txt");
    assert_eq!(
        op_numbers(&a, Part::Operative),
        (1..=21).collect::<Vec<_>>()
    );
    assert!(codes(&a, Code::Numbering).is_empty());
    assert_eq!(count(&a, BlockKind::Preambular), 30);
    assert_eq!(
        a.doc.organ.as_ref().map(|o| o.name()),
        Some("General Assembly")
    );
    assert_eq!(
        a.doc.title_text(src).as_deref(),
        Some("Information and communications technologies for development")
    );

    // `Sresses` in OP 4 and OP 18, with `Stresses` as suggestion and fix.
    let sresses: Vec<_> = a
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::OpenerUnknown)
        .collect();
    assert_eq!(
        sresses.len(),
        2,
        "{}",
        render_diagnostics(src, &a.diagnostics)
    );
    for (d, line) in sresses.iter().zip([207, 307]) {
        assert_eq!(line_col(src, d.range.start).0, line);
        assert_eq!(&src[d.range.clone()], "Sresses");
        assert!(
            d.message.contains("did you mean `Stresses`"),
            "{}",
            d.message
        );
        let fix = d.fix.as_ref().expect("a quick fix");
        assert_eq!(fix.edits[0].new_text, "Stresses");
        assert_eq!(fix.edits[0].range, d.range);
    }

    // Reference 21 in OP 19 is dangling; footnotes 5, 7, 9, 11 lost their references.
    let undefined = codes(&a, Code::FootnoteUndefined);
    assert_eq!(undefined.len(), 1);
    assert_eq!((undefined[0].0, undefined[0].1), (316, 14));
    assert!(undefined[0].2.contains("21"));
    let unused: Vec<String> = a
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::FootnoteUnused)
        .map(|d| src[d.range.clone()].to_string())
        .collect();
    assert_eq!(unused, ["5", "7", "9", "11"]);

    // No structure or opener diagnostic on a paragraph that is fine: the
    // page-break continuation of OP 17 and the ` 2. Expresses` line.
    assert!(codes(&a, Code::Structure).is_empty());
    let op17 = a
        .doc
        .operative()
        .find(|(_, b)| {
            matches!(
                b.marker.as_ref().map(|m| &m.kind),
                Some(MarkerKind::Number { n: 17, .. })
            )
        })
        .map(|(_, b)| b)
        .unwrap();
    let last = op17.lines.last().unwrap();
    assert_eq!(
        line_col(src, last.start).0,
        305,
        "OP 17 continues after footnotes 9 and 10"
    );
    let op2 = a.doc.operative().nth(1).unwrap().1;
    assert_eq!(op2.opener.as_ref().unwrap().phrase, "Expresses concern");
}

/// SPEC section 10: preambular, operative and footnote facts of the GA 80 texts.
#[test]
fn ga80_counts() {
    let cases = [
        ("ga80/A-RES-80-5.txt", 0, 1, 15),
        ("ga80/A-RES-80-6.txt", 14, 32, 10),
        ("ga80/A-RES-80-11.txt", 16, 30, 4),
        ("ga80/A-RES-80-14.txt", 5, 8, 5),
        ("ga80/A-RES-80-24.txt", 35, 23, 20),
    ];
    for (name, pp, op, footnotes) in cases {
        let (src, a) = load(name);
        let body_ops = a
            .doc
            .operative()
            .filter(|(_, b)| b.part == Part::Operative)
            .count();
        assert_eq!(count(&a, BlockKind::Preambular), pp, "{name} preambular");
        assert_eq!(body_ops, op, "{name} operative");
        let all: Vec<u32> = (1..=footnotes).collect();
        assert_eq!(defs_and_refs(&a), (all.clone(), all), "{name} footnotes");
        // No opener, structure or footnote diagnostic on an adopted text.
        for d in &a.diagnostics {
            assert!(
                !matches!(
                    d.code,
                    Code::OpenerUnknown
                        | Code::OpenerMisplaced
                        | Code::Structure
                        | Code::Numbering
                        | Code::FootnoteUndefined
                        | Code::FootnoteUnused
                        | Code::FootnoteOrder
                ),
                "{name}: {}",
                render_diagnostics(src, std::slice::from_ref(d))
            );
        }
    }
}

#[test]
fn ga80_single_unnumbered_paragraph_and_annex() {
    let (src, a) = load("ga80/A-RES-80-5.txt");
    let ops: Vec<_> = a.doc.operative().collect();
    assert_eq!(ops.len(), 1);
    assert!(ops[0].1.marker.is_none());
    assert_eq!(ops[0].1.opener.as_ref().unwrap().phrase, "Adopts");
    // The annex numbers its own paragraphs from 1.
    let annex = op_numbers(&a, Part::Annex(1));
    assert_eq!(annex[..3], [1, 2, 3]);
    assert_eq!(annex, (1..=annex.len() as u32).collect::<Vec<_>>());
    // Reference 12 glued to a year across a line break: `2024–` / `203412`.
    let r12 = a.doc.footnote_refs.iter().find(|r| r.number == 12).unwrap();
    assert_eq!(&src[r12.range.clone()], "12");
    assert_eq!(&src[r12.range.start - 4..r12.range.start], "2034");
    assert_clean(src, &a);
}

#[test]
fn ga80_line_layout_references() {
    let (src, a) = load("ga80/A-RES-80-6.txt");
    let ctx = |n: u32| {
        let r = a.doc.footnote_refs.iter().find(|r| r.number == n).unwrap();
        src[..r.range.end].to_string()
    };
    assert!(ctx(1).ends_with("Criminal Court 1"));
    assert!(ctx(4).ends_with("2024/25; 4"));
    assert!(ctx(7).ends_with("Court, 7"));
    assert_clean(src, &a);
}

#[test]
fn ga80_lost_markers_and_sections() {
    let (src, a) = load("ga80/A-RES-80-11.txt");
    let sub = codes(&a, Code::SubNumbering);
    assert_eq!(
        sub.iter()
            .map(|(l, _, m)| (*l, m.as_str()))
            .collect::<Vec<_>>(),
        [
            (62, "sub-paragraph markers seem to be missing; expected (a)"),
            (90, "sub-paragraph markers seem to be missing; expected (a)")
        ]
    );
    assert_eq!(count(&a, BlockKind::SectionHeading), 3);
    assert_eq!(
        a.diagnostics.len(),
        2,
        "{}",
        render_diagnostics(src, &a.diagnostics)
    );
}

#[test]
fn ga80_footnotes_between_paragraphs() {
    let (src, a) = load("ga80/A-RES-80-14.txt");
    assert_clean(src, &a);
    let (src, a) = load("ga80/A-RES-80-24.txt");
    // 80/24 lost the last words of OP 2 and OP 10.
    let t = codes(&a, Code::Terminator);
    assert_eq!(t.iter().map(|x| x.0).collect::<Vec<_>>(), [126, 152]);
    // `8 and 9 December 2014` after footnote 14 continues its paragraph.
    let line = src
        .lines()
        .position(|l| l.starts_with("8 and 9 December 2014"))
        .unwrap()
        + 1;
    let b = a
        .doc
        .block_at(src.lines().take(line - 1).map(|l| l.len() + 1).sum())
        .unwrap();
    assert_eq!(a.doc.blocks[b].kind, BlockKind::Preambular);
    assert!(a.doc.blocks[b].lines.len() > 1);
}

fn snapshot(path: &std::path::Path) {
    let src = std::fs::read_to_string(path).unwrap();
    let a = run(&src);
    let text = format!(
        "== diagnostics\n{}== outline\n{}",
        render_diagnostics(&src, &a.diagnostics),
        outline::render(&src, &a.doc)
    );
    insta::assert_snapshot!(text);
}

#[test]
fn snapshots_of_the_drafts() {
    insta::glob!("../../tests/fixtures", "drafts/*.reso", snapshot);
}

#[test]
fn snapshots_of_every_real_text() {
    insta::glob!("../../tests/fixtures", "**/*.txt", |path| {
        let src = std::fs::read_to_string(path).unwrap();
        let a = run(&src);
        let text = format!(
            "== diagnostics\n{}== outline\n{}",
            render_diagnostics(&src, &a.diagnostics),
            outline::render(&src, &a.doc)
        );
        insta::assert_snapshot!(text);
    });
}
