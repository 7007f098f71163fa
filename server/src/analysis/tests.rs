//! Tests of the analysis: full, and after edits.

use super::*;
use crate::syntax::BlockKind;

const SEED: &str = include_str!("../../../tests/fixtures/A-RES-66-184.txt");

/// Replaces the first `old` after `after` in the seed by `new`; says
/// whether the citations and the footnotes of the new text are the old
/// ones moved (so their checks' diagnostics only move), and checks that
/// the analysis equals a full one.
fn same_after(after: &str, old: &str, new: &str) -> (bool, bool) {
    let (config, catalog) = (Config::default(), Catalog::builtin());
    let (text, edit) = replaced(SEED, after, old, new);
    let prev = analyze(SEED, &config, catalog);
    let old_notes = footnotes::Input::of(&prev.doc);
    let (doc, cache) = syntax::reparse((prev.doc.clone(), prev.parse_cache.clone()), &text, &edit);
    let changed = cache.changed().cloned().expect("an incremental re-parse");
    let (_, citations_same, _, _) = citations::recognise_after(
        prev.citations.clone(),
        &text,
        &doc,
        &changed,
        &edit,
        &config,
    );
    let footnotes_same = footnotes::same_after(&changed.footnotes, &edit, &doc);
    assert_eq!(footnotes_same, old_notes.same_after(&edit, &doc));
    let inc = reanalyze_owned(prev, &text, &edit, &config, catalog);
    assert_eq!(
        inc.diagnostics,
        analyze(&text, &config, catalog).diagnostics
    );
    (citations_same, footnotes_same)
}

/// (anchor, replaced, by, citations only moved, footnotes only moved).
const EDITS: [(&str, &str, &str, bool, bool); 8] = [
    // A word typed or deleted in paragraphs with citations and footnote
    // references: both families only move.
    ("Recalling the Declaration", "Plan", "Plans", true, true),
    ("19. Recalls", "takes note", "takes full note", true, true),
    ("Recalling its resolutions", "its ", "", true, true),
    // A date, a number, a citation made: the citation checks run again.
    (
        "Recalling its resolutions",
        "21 December 2001",
        "22 December 2001",
        false,
        true,
    ),
    ("19. Recalls", "65/141", "65/142", false, true),
    (
        "19. Recalls",
        "takes note",
        "recalls resolution 60/252, takes note",
        false,
        true,
    ),
    // A footnote reference removed, a definition's number changed: the
    // footnote checks run again.
    ("Commitment and", "Assembly,4", "Assembly,", true, false),
    ("2 See resolution", "3 See", "33 See", true, false),
];

/// Replaces the first `old` after `after` in `text` by `new`.
fn replaced(text: &str, after: &str, old: &str, new: &str) -> (String, EditSpan) {
    let at = text.find(after).expect("anchor");
    let start = at + text[at..].find(old).expect("text to replace");
    let edited = format!("{}{new}{}", &text[..start], &text[start + old.len()..]);
    let edit = EditSpan {
        start,
        old_end: start + old.len(),
        new_end: start + new.len(),
    };
    (edited, edit)
}

/// `prev` (of `text`) after replacing the first `old` after `after` by
/// `new`: the new text and its analysis, checked equal to a full one.
fn edited(prev: Analysis, text: &str, after: &str, old: &str, new: &str) -> (String, Analysis) {
    let (config, catalog) = (Config::default(), Catalog::builtin());
    let (text, edit) = replaced(text, after, old, new);
    let next = reanalyze_owned(prev, &text, &edit, &config, catalog);
    assert_eq!(
        next.diagnostics,
        analyze(&text, &config, catalog).diagnostics,
        "{old:?} -> {new:?} after {after:?}"
    );
    (text, next)
}

/// A citation's own diagnostics follow it when a citation made before
/// it moves it down the list: correcting its date later removes them.
#[test]
fn a_citation_keeps_its_own_diagnostics_when_the_list_moves_under_it() {
    let (config, catalog) = (Config::default(), Catalog::builtin());
    let wrong = "resolution 65/141 of 21 December 2010, takes note";
    let (text0, _) = replaced(SEED, "19. Recalls", "resolution 65/141, takes note", wrong);
    let a0 = analyze(&text0, &config, catalog);
    let dated = |a: &Analysis| {
        a.diagnostics
            .iter()
            .filter(|d| d.code == Code::CitationDate)
            .count()
    };
    assert_eq!(dated(&a0), 1, "the wrong date is found");
    // A citation made in the first paragraph, before it.
    let (text1, a1) = edited(
        a0,
        &text0,
        "Recalling its",
        " and other relevant",
        ", 64/187 of 21 December 2009 and other relevant",
    );
    // The date corrected.
    let (_, a2) = edited(
        a1,
        &text1,
        "19. Recalls",
        "21 December 2010",
        "20 December 2010",
    );
    assert_eq!(dated(&a2), 0);
}

/// Typing in a citation runs the checks that read the citations together
/// again for what it touches: the other citations of its resolution and
/// its neighbours in the list; a list's order elsewhere only moves.
#[test]
fn a_citation_edited_rechecks_its_resolution_and_its_neighbours_only() {
    let (config, catalog) = (Config::default(), Catalog::builtin());
    let count = |a: &Analysis, code: Code| a.diagnostics.iter().filter(|d| d.code == code).count();
    let (text0, _) = replaced(
        SEED,
        "19. Recalls",
        "its resolution 65/141,",
        "its resolutions 65/141 of 21 December 2010 and 64/187 of 21 December 2009,",
    );
    let a0 = analyze(&text0, &config, catalog);
    assert_eq!(count(&a0, Code::CitationInconsistent), 1);
    assert_eq!(count(&a0, Code::CitationOrder), 1);
    let order_at = |a: &Analysis| {
        a.diagnostics
            .iter()
            .position(|d| d.code == Code::CitationOrder)
            .expect("the order diagnostic")
    };
    let was = order_at(&a0);
    // The first citation given the date the later one has: the two
    // agree; the list of paragraph 19 is as it was.
    let (text1, a1) = edited(a0, &text0, "Recalling its", "65/141 of 20", "65/141 of 21");
    assert_eq!(count(&a1, Code::CitationInconsistent), 0);
    assert_eq!(a1.previous_index(order_at(&a1)), Some(was));
    let message = a1.diagnostics[order_at(&a1)].message.clone();
    assert!(
        message.starts_with("64/187 of 21 December 2009 is listed after 65/141"),
        "{message}"
    );
    // And another date for it: they disagree again.
    let (text2, a2) = edited(a1, &text1, "Recalling its", "65/141 of 21", "65/141 of 22");
    let inconsistent: Vec<&Diagnostic> = a2
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::CitationInconsistent)
        .collect();
    assert_eq!(inconsistent.len(), 1);
    assert_eq!(
        inconsistent[0].message,
        "A/RES/65/141 is cited here as of 21 December 2010 but elsewhere in this document as of 22 December 2010"
    );
    // The list of paragraph 19 put in order.
    let (_, a3) = edited(
        a2,
        &text2,
        "19. Recalls",
        "65/141 of 21 December 2010 and 64/187 of 21 December 2009",
        "64/187 of 21 December 2009 and 65/141 of 21 December 2010",
    );
    assert_eq!(count(&a3, Code::CitationOrder), 0);
    assert_eq!(count(&a3, Code::CitationInconsistent), 1);
}

/// A caller that took the diagnostics out of the old analysis still gets
/// them all after an edit: every check runs again.
#[test]
fn an_analysis_without_its_diagnostics_is_checked_again_whole() {
    let (config, catalog) = (Config::default(), Catalog::builtin());
    let mut prev = analyze(SEED, &config, catalog);
    let taken = std::mem::take(&mut prev.diagnostics);
    assert!(!taken.is_empty());
    let (text, edit) = replaced(SEED, "19. Recalls", "takes note", "takes full note");
    let next = reanalyze_owned(prev, &text, &edit, &config, catalog);
    assert_eq!(
        next.diagnostics,
        analyze(&text, &config, catalog).diagnostics
    );
    assert_eq!(next.previous_index(0), None);
}

#[test]
fn only_an_edit_to_what_they_read_runs_the_footnote_and_citation_checks_again() {
    for (after, old, new, citations, notes) in EDITS {
        assert_eq!(
            same_after(after, old, new),
            (citations, notes),
            "{old:?} -> {new:?} after {after:?}"
        );
    }
}

/// Whether the footnotes only moved, told from what the re-parse made anew
/// (`footnotes::same_after` on `Changed::footnotes`), is what comparing the
/// whole lists tells (`Input`), over random keystrokes and pastes in a
/// text of one resolution, one of three and a draft with `[^N]` footnotes;
/// and each re-parse equals a full parse. Fails when the window of
/// references, definitions or counts the re-parse reports is off.
#[test]
fn whether_the_footnotes_only_moved_is_told_from_what_the_reparse_made_anew() {
    let draft = include_str!("../../../tests/fixtures/drafts/ga-draft-footnotes.reso");
    let three = format!("{SEED}\n{SEED}\n{SEED}");
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut rnd = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let pieces = [
        " ",
        "1",
        "x",
        "\n",
        "\n\n",
        ",",
        "2",
        "[^2]",
        "[^1]: Note.\n",
        "12",
        ";",
        "resolution 60/1",
    ];
    let (mut same, mut differ) = (0, 0);
    for text in [SEED, three.as_str(), draft] {
        let mut text = text.to_string();
        let mut state = syntax::parse_resumable(&text);
        for i in 0..150 {
            // Most keystrokes near the footnotes (a number, a `[^N]`).
            let mut at = rnd(text.len() + 1);
            if i % 2 == 0 {
                let digits: Vec<usize> = text
                    .match_indices(|c: char| c.is_ascii_digit() || c == '^')
                    .map(|(k, _)| k)
                    .collect();
                at = digits[rnd(digits.len())] + rnd(2);
            }
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut new = text.clone();
            if rnd(3) == 0 {
                let mut end = (at + 1 + rnd(3)).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                new.replace_range(at..end, "");
            } else {
                new.insert_str(at, pieces[rnd(pieces.len())]);
            }
            let Some(edit) = EditSpan::between(&text, &new) else {
                continue;
            };
            let whole = footnotes::Input::of(&state.0);
            state = syntax::reparse(state, &new, &edit);
            if let Some(c) = state.1.changed() {
                let told = footnotes::same_after(&c.footnotes, &edit, &state.0);
                assert_eq!(told, whole.same_after(&edit, &state.0), "{edit:?}");
                if told {
                    same += 1;
                } else {
                    differ += 1;
                }
            }
            assert_eq!(state.0, syntax::parse_resumable(&new).0, "{edit:?}");
            text = new;
        }
    }
    assert!(same > 50 && differ > 20, "{same} the same, {differ} not");
}

/// A Markdown text whose reading breaks a line where a paragraph was
/// joined onto the one before it (`markup::reading`): edits that make or
/// unmake the break, before it or after it on the same line, give the
/// analysis and the blocks of a full one.
#[test]
fn edits_that_make_or_unmake_a_paragraph_break_of_the_reading_equal_a_full_analysis() {
    let (config, catalog) = (Config::default(), Catalog::builtin());
    let text = "_The General Assembly,_\n\n\
                _Recalling_ its resolution 78/1 of 9 October 2023, _Noting_ the report \
                of the Secretary-General,\n\n\
                _Convinced_ of the need, _Welcoming_ the report,\n\n\
                1. _Decides_ to remain seized of the matter.\n";
    let mut prev = analyze(text, &config, catalog);
    let preambular = |a: &Analysis| {
        (a.doc.blocks.iter())
            .filter(|b| b.kind == BlockKind::Preambular)
            .count()
    };
    assert_eq!(preambular(&prev), 4);
    assert!(prev.diagnostics.is_empty(), "{:?}", prev.diagnostics);
    let mut text = text.to_string();
    for (after, old, new, count) in [
        // The comma before the second opener removed: one paragraph (the
        // break was after the edit), then put back.
        ("Recalling", "2023,", "2023", 3),
        ("Recalling", "2023", "2023,", 4),
        // The closing `_` removed: no emphasis, no break (before the edit).
        ("Recalling", "_Noting_", "_Noting", 3),
        ("Recalling", "_Noting", "_Noting_", 4),
        // Typed at the line's end, after the break.
        (
            "Convinced",
            "report,",
            "report of the Secretary-General,",
            4,
        ),
    ] {
        let (t, next) = edited(prev, &text, after, old, new);
        assert_eq!(
            next.doc,
            analyze(&t, &config, catalog).doc,
            "{old:?} -> {new:?}"
        );
        assert_eq!(preambular(&next), count, "{old:?} -> {new:?}");
        (text, prev) = (t, next);
    }
}
