//! Property: `reanalyze` chained over a random edit sequence equals `analyze`
//! of the text after each edit: blocks, footnotes, citations, diagnostics.
//! incremental_oracle.rs (the lead's) edits the real texts with drafting
//! pieces; this one goes through the public `reanalyze` with the whole
//! pipeline, on drafts made of random pieces and on real texts typed into
//! character by character, with arbitrary characters too. Fixed seed;
//! `RESO_PROP_CASES=2000 cargo test --release --test prop_incremental` runs
//! more. The fuzz target `edits` (fuzz/) does the same on inputs
//! libFuzzer finds.

mod prop_support;
mod support;

use support::runner;

use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use reso::analysis::{analyze, reanalyze};
use reso::catalog::Catalog;
use reso::config::Config;
use reso::syntax::EditSpan;

const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\u{c}",
    "a",
    "x",
    ",",
    ";",
    ".",
    ":",
    "é",
    "🌐",
    "1. ",
    "2. ",
    "4. ",
    "(a) ",
    "(b) ",
    "(ii) ",
    "The General Assembly,",
    "The Security Council,",
    "Recalling ",
    "Decides ",
    "Sresses ",
    "Requests ",
    "resolution 66/184 of 22 December 2011",
    "[^1]",
    "[^2]",
    "[^1]: Note.",
    "1 A/66/64.",
    "2 Ibid.",
    ",3",
    "____________",
    "25-18301 (E)",
    "Annex",
    "52nd plenary meeting",
    "Section heading",
];

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

#[derive(Debug, Clone)]
struct Edit {
    at: prop::sample::Index,
    delete: usize,
    insert: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        any::<prop::sample::Index>(),
        prop_oneof![3 => Just(0usize), 2 => 1..3usize, 1 => 3..60usize],
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(String::from),
            1 => Just(String::new()),
            1 => "\\PC{0,3}",
        ],
    )
        .prop_map(|(at, delete, insert)| Edit { at, delete, insert })
}

fn check(original: &str, edits: &[Edit]) -> Result<(), TestCaseError> {
    let config = Config::default();
    let catalog = Catalog::builtin();
    let mut src = original.to_string();
    let mut prev = analyze(&src, &config, catalog);
    for (i, e) in edits.iter().enumerate() {
        let start = src.floor_char_boundary(e.at.index(src.len() + 1));
        let end = src[start..]
            .char_indices()
            .nth(e.delete)
            .map_or(src.len(), |(k, _)| start + k);
        src.replace_range(start..end, &e.insert);
        let span = EditSpan {
            start,
            old_end: end,
            new_end: start + e.insert.len(),
        };
        let inc = reanalyze(&prev, &src, &span, &config, catalog);
        let full = analyze(&src, &config, catalog);
        prop_assert_eq!(&inc.doc, &full.doc, "blocks after edit {} {:?}", i, e);
        prop_assert_eq!(
            &inc.citations,
            &full.citations,
            "citations after edit {}",
            i
        );
        prop_assert_eq!(
            &inc.diagnostics,
            &full.diagnostics,
            "diagnostics after edit {}",
            i
        );
        prop_support::check_invariants(&src, &full);
        prev = inc;
    }
    Ok(())
}

fn run<S: Strategy<Value = (String, Vec<Edit>)>>(mut runner: TestRunner, strategy: S) {
    if let Err(e) = runner.run(&strategy, |(src, edits)| check(&src, &edits)) {
        panic!("{e}");
    }
}

#[test]
fn random_drafts_under_random_edits() {
    run(
        runner(150, 11),
        (draft(), prop::collection::vec(edit(), 1..12)),
    );
}

/// A drafter typing: runs of single characters at one place in the seed.
#[test]
fn typing_into_the_seed() {
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/A-RES-66-184.txt"),
    )
    .expect("seed");
    let typing = (any::<prop::sample::Index>(), "[a-z ,;.\n]{1,12}").prop_map(|(at, word)| {
        // One edit per character, each after the previous one.
        word.chars()
            .map(|ch| Edit {
                at,
                delete: 0,
                insert: ch.to_string(),
            })
            .collect::<Vec<_>>()
    });
    let mut runner = runner(12, 12);
    let result = runner.run(&typing, |edits| {
        // Type at a fixed place: turn the index into an offset once.
        let start = seed.floor_char_boundary(edits[0].at.index(seed.len() + 1));
        let config = Config::default();
        let catalog = Catalog::builtin();
        let mut src = seed.clone();
        let mut prev = analyze(&src, &config, catalog);
        let mut pos = start;
        for e in &edits {
            src.insert_str(pos, &e.insert);
            let span = EditSpan {
                start: pos,
                old_end: pos,
                new_end: pos + e.insert.len(),
            };
            pos += e.insert.len();
            let inc = reanalyze(&prev, &src, &span, &config, catalog);
            let full = analyze(&src, &config, catalog);
            prop_assert_eq!(&inc.doc, &full.doc);
            prop_assert_eq!(&inc.diagnostics, &full.diagnostics);
            prev = inc;
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
