//! Safe fixes, applied without asking: what `reso check --fix` does.
//!
//! Which fix a diagnostic has is decided in one place,
//! [`code_action::quick_fix`](super::code_action::quick_fix), which the
//! editor's quick fixes use too; here only the safe ones are kept (a fix is
//! safe when it has one clear answer and changes no other word):
//!
//! - renumbering of operative paragraphs, sub-paragraphs and footnotes
//!   (`numbering`, `sub-numbering`, `footnote-order`);
//! - an opener typo with exactly one closest opener (`opener-unknown`);
//! - a wrong final punctuation mark (`terminator`; a missing one is left to
//!   the reader, as the paragraph may have been cut);
//! - a citation's date from the catalogue (`citation-date`).
//!
//! Fixes are applied in rounds: each round applies the fixes whose edits do
//! not overlap one already taken (in text order), then analyses the text
//! again, until no safe fix is left or [`MAX_ROUNDS`] is reached. The result
//! is a fixed point, so a second run changes nothing.

use std::ops::Range;

use crate::analysis::Analysis;
use crate::diagnostic::{Code, TextEdit};
use crate::text::{Encoding, LineIndex};

use super::apply_edits;
use super::code_action::{quick_fix, QuickFix};

/// Rounds of fixing before giving up on a fixed point (each round fixes
/// everything that does not overlap; two are enough on every real text).
pub const MAX_ROUNDS: usize = 8;

/// One safe fix of a text: its title, its edits, the diagnostics it fixes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeFix {
    /// The code of the first diagnostic it fixes.
    pub code: Code,
    pub title: String,
    /// Sorted, non-overlapping.
    pub edits: Vec<TextEdit>,
    /// Indices into `Analysis::diagnostics`.
    pub diagnostics: Vec<usize>,
}

impl SafeFix {
    /// Where it starts (its first diagnostic's start, for reporting).
    fn start(&self, analysis: &Analysis) -> usize {
        analysis.diagnostics[self.diagnostics[0]].range.start
    }
}

/// The safe fixes of an analysed text, in text order; a fix shared by several
/// diagnostics (one renumbering of a part) comes once.
pub fn safe_fixes(analysis: &Analysis, src: &str) -> Vec<SafeFix> {
    let mut out: Vec<SafeFix> = Vec::new();
    for (i, d) in analysis.diagnostics.iter().enumerate() {
        let Some(QuickFix {
            title,
            edits,
            safe: true,
        }) = quick_fix(analysis, src, i)
        else {
            continue;
        };
        if let Some(same) = out.iter_mut().find(|f| f.edits == edits) {
            same.diagnostics.push(i);
            continue;
        }
        out.push(SafeFix {
            code: d.code,
            title,
            edits,
            diagnostics: vec![i],
        });
    }
    out
}

/// Whether two edits touch the same text (an insertion touches the edits
/// that end or start where it stands).
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() || b.is_empty() {
        a.start <= b.end && b.start <= a.end
    } else {
        a.start < b.end && b.start < a.end
    }
}

/// The fixes of one round that do not overlap, taken in text order, and
/// their edits merged and sorted.
pub fn non_overlapping(fixes: &[SafeFix]) -> (Vec<usize>, Vec<TextEdit>) {
    let mut taken = Vec::new();
    let mut edits: Vec<TextEdit> = Vec::new();
    for (i, f) in fixes.iter().enumerate() {
        let clash = f
            .edits
            .iter()
            .any(|e| edits.iter().any(|t| overlaps(&e.range, &t.range)));
        if clash {
            continue;
        }
        taken.push(i);
        edits.extend(f.edits.iter().cloned());
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    (taken, edits)
}

/// A fix that was applied, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub code: Code,
    pub title: String,
    /// 1-based line and column (in characters) where its diagnostic started,
    /// in the text of its round (fixes change no line breaks, so lines hold).
    pub line: u32,
    pub column: u32,
    /// How many diagnostics it fixed.
    pub fixed: usize,
}

/// The fixed text and what was applied to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub text: String,
    pub applied: Vec<Applied>,
    /// False when [`MAX_ROUNDS`] ran out with safe fixes left.
    pub settled: bool,
}

impl Outcome {
    pub fn changed(&self, original: &str) -> bool {
        self.text != original
    }
}

/// Applies the safe fixes of `src` until none is left. `analyze` is the
/// analysis with the user's settings and catalogue; it is called once per
/// round and once on the final text, whose analysis is returned too.
pub fn fix_all(src: &str, analyze: &mut dyn FnMut(&str) -> Analysis) -> (Outcome, Analysis) {
    let mut text = src.to_string();
    let mut applied = Vec::new();
    let mut analysis = analyze(&text);
    for _ in 0..MAX_ROUNDS {
        let fixes = safe_fixes(&analysis, &text);
        if fixes.is_empty() {
            return (
                Outcome {
                    text,
                    applied,
                    settled: true,
                },
                analysis,
            );
        }
        let (taken, edits) = non_overlapping(&fixes);
        let index = LineIndex::new(&text);
        for &i in &taken {
            let f = &fixes[i];
            let at = index.position(f.start(&analysis), Encoding::Chars);
            applied.push(Applied {
                code: f.code,
                title: f.title.clone(),
                line: at.line + 1,
                column: at.column + 1,
                fixed: f.diagnostics.len(),
            });
        }
        let next = apply_edits(&text, &edits);
        if next == text {
            break;
        }
        text = next;
        analysis = analyze(&text);
    }
    let settled = safe_fixes(&analysis, &text).is_empty();
    (
        Outcome {
            text,
            applied,
            settled,
        },
        analysis,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{all_fixtures, analysis, fixture};

    fn fix(src: &str) -> Outcome {
        fix_all(src, &mut |t| analysis(t)).0
    }

    #[test]
    fn the_seed_gets_its_two_openers_and_nothing_else() {
        let src = fixture("A-RES-66-184.txt");
        let out = fix(&src);
        assert!(out.settled);
        let titles: Vec<(Code, &str, u32)> = out
            .applied
            .iter()
            .map(|a| (a.code, a.title.as_str(), a.line))
            .collect();
        assert_eq!(
            titles,
            [
                (Code::OpenerUnknown, "Replace with `Stresses`", 207),
                (Code::OpenerUnknown, "Replace with `Stresses`", 307),
            ]
        );
        assert_eq!(out.text, src.replace("Sresses", "Stresses"));
        // A fixed point: nothing left to do.
        assert_eq!(fix(&out.text).applied, vec![]);
    }

    #[test]
    fn missing_punctuation_is_left_and_wrong_punctuation_fixed() {
        let src = "The General Assembly,\n\nRecalling its resolution 65/141;\n\nNoting the report\n\n1. Decides to act;\n\n2. Requests a report.\n";
        let out = fix(src);
        assert_eq!(
            out.text,
            src.replace("65/141;", "65/141,"),
            "{:?}",
            out.applied
        );
        assert_eq!(out.applied.len(), 1);
        assert_eq!(out.applied[0].code, Code::Terminator);
        assert_eq!(out.applied[0].title, "Replace `;` with `,`");
    }

    /// On every real text: the fixes settle, a second run changes nothing,
    /// and no word is added, removed or changed beyond what a fix replaces
    /// (a fix swaps one token for one token: a number, an opener, a date, a
    /// mark on the end of a word).
    #[test]
    fn on_every_fixture_fixes_settle_and_touch_only_their_tokens() {
        for (name, src) in all_fixtures() {
            let out = fix(&src);
            assert!(out.settled, "{name}");
            assert_eq!(fix(&out.text).applied, vec![], "{name}: not idempotent");
            let before: Vec<&str> = src.split_whitespace().collect();
            let after: Vec<&str> = out.text.split_whitespace().collect();
            assert_eq!(before.len(), after.len(), "{name}: words added or removed");
            let changed = before.iter().zip(&after).filter(|(a, b)| a != b).count();
            let edits: usize = out.applied.iter().map(|a| a.fixed.max(1)).sum::<usize>();
            assert!(
                changed == 0 || !out.applied.is_empty(),
                "{name}: words changed with no fix"
            );
            // Renumbering fixes many numbers at once; the other fixes one
            // token (a date is three: day, month, year) each.
            let renumbered = out.applied.iter().any(|a| {
                matches!(
                    a.code,
                    Code::Numbering | Code::SubNumbering | Code::FootnoteOrder
                )
            });
            if !renumbered {
                assert!(
                    changed <= 3 * edits,
                    "{name}: {changed} tokens for {edits} fixes"
                );
            }
            // Line breaks are never touched.
            assert_eq!(
                src.matches('\n').count(),
                out.text.matches('\n').count(),
                "{name}"
            );
        }
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_round() {
        let a = |r: Range<usize>, t: &str| TextEdit {
            range: r,
            new_text: t.to_string(),
        };
        let f = |edits: Vec<TextEdit>| SafeFix {
            code: Code::Numbering,
            title: String::new(),
            edits,
            diagnostics: vec![0],
        };
        let fixes = [
            f(vec![a(0..2, "x"), a(10..12, "y")]),
            f(vec![a(11..13, "z")]),
            f(vec![a(12..12, "w")]),
            f(vec![a(13..14, "v")]),
        ];
        let (taken, edits) = non_overlapping(&fixes);
        assert_eq!(taken, [0, 3]);
        assert_eq!(
            edits.iter().map(|e| e.range.clone()).collect::<Vec<_>>(),
            [0..2, 10..12, 13..14]
        );
    }
}
