//! (b) Random edit sequences: after each edit, the incremental re-analysis
//! (chained from the previous one) equals a full analysis of the new text,
//! blocks, footnotes and diagnostics alike.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use reso::analysis::{analyze, reanalyze};
use reso::catalog::Catalog;
use reso::config::Config;
use reso::syntax::EditSpan;

#[path = "../../server/tests/prop_support/mod.rs"]
mod prop_support;

const TEXTS: &[&str] = &[
    include_str!("../../tests/fixtures/A-RES-66-184.txt"),
    include_str!("../../tests/fixtures/S-RES-242-1967.txt"),
    include_str!("../../tests/fixtures/A-ES-11-L.7.txt"),
    include_str!("../../tests/fixtures/ga80/A-RES-80-14.txt"),
    include_str!("../../tests/fixtures/ga80/A-RES-80-6.txt"),
    include_str!("../../tests/fixtures/drafts/ga-draft-footnotes.reso"),
    include_str!("../../tests/fixtures/drafts/hrc-negotiation-crlf.reso"),
    include_str!("../../tests/fixtures/drafts/sc-draft.reso"),
];

/// What an edit inserts: a drafter's piece of text or arbitrary characters.
const PIECES: &[&str] = &[
    "a",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    ",",
    ";",
    ".",
    ":",
    "é",
    "🌐",
    "\u{c}",
    "\t",
    "Recalling ",
    "Decides ",
    "Sresses ",
    "5. ",
    "(a) ",
    "(ii) ",
    "[^3]",
    "[^1]: Note.\n",
    "\n3 A/66/64.\n",
    "\n__________\n",
    "\n 25-18301 (E)\n",
    "\nThe General Assembly,\n",
    "\nAnnex\n",
    "\n52nd plenary meeting\n",
    "resolution 66/184 of 22 December 2011",
];

#[derive(Arbitrary, Debug)]
enum Insert {
    Piece(u8),
    Text(String),
}

#[derive(Arbitrary, Debug)]
struct Edit {
    at: u32,
    delete: u8,
    insert: Insert,
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: u8,
    edits: Vec<Edit>,
}

fuzz_target!(|input: Input| {
    let config = Config::default();
    let catalog = Catalog::builtin();
    let mut src = TEXTS[input.text as usize % TEXTS.len()].to_string();
    let mut prev = analyze(&src, &config, catalog);
    for e in input.edits.iter().take(16) {
        let start = src.floor_char_boundary(e.at as usize % (src.len() + 1));
        let end = src.floor_char_boundary((start + e.delete as usize % 48).min(src.len()));
        let ins = match &e.insert {
            Insert::Piece(i) => PIECES[*i as usize % PIECES.len()],
            Insert::Text(t) => t.as_str(),
        };
        src.replace_range(start..end, ins);
        let edit = EditSpan {
            start,
            old_end: end,
            new_end: start + ins.len(),
        };
        let inc = reanalyze(&prev, &src, &edit, &config, catalog);
        let full = analyze(&src, &config, catalog);
        assert_eq!(inc.doc, full.doc, "blocks differ after {e:?}");
        assert_eq!(inc.citations, full.citations, "citations differ after {e:?}");
        assert_eq!(
            inc.diagnostics, full.diagnostics,
            "diagnostics differ after {e:?}"
        );
        prop_support::check_invariants(&src, &full);
        prev = inc;
    }
});
