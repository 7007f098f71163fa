//! Code actions: quick fixes for the diagnostics under the cursor, and the
//! source action that renumbers paragraphs and footnotes.
//!
//! | code              | quick fix                                              |
//! | ----------------- | ------------------------------------------------------ |
//! | `opener-unknown`  | the closest known opener (`Sresses` → `Stresses`)      |
//! | `terminator`      | the punctuation the paragraph should end with          |
//! | `citation-date`   | the catalogue's date                                   |
//! | `numbering`       | renumber the numbered paragraphs of that part          |
//! | `sub-numbering`   | renumber the sub-paragraph markers of that part        |
//! | `footnote-order`  | renumber the footnotes in order of first reference     |
//!
//! The first three are the `fix` each check attaches to its diagnostic (the
//! check knows what it expected); the renumbering ones are computed here,
//! from `renumber`. [`quick_fix`] is the one place that says which fix a
//! diagnostic has: `reso check --fix` ([`super::fix`]) applies the safe ones.

use std::ops::Range;

use crate::analysis::Analysis;
use crate::diagnostic::{Code, TextEdit};
use crate::syntax::{Document, Part};

use super::renumber;

/// The command an editor binds to renumber the document (the same edit as
/// the source action).
pub const RENUMBER_COMMAND: &str = "reso.renumber";
pub const RENUMBER_TITLE: &str = "Renumber paragraphs and footnotes";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    QuickFix,
    /// A whole-document action (`source.*`).
    Source,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeAction {
    pub title: String,
    pub kind: ActionKind,
    pub edits: Vec<TextEdit>,
    /// Indices into `Analysis::diagnostics` of the diagnostics it fixes.
    pub diagnostics: Vec<usize>,
    /// The one fix to apply without asking (the only fix of its diagnostic).
    pub preferred: bool,
}

/// The quick fix of one diagnostic: the fix its check attached, or the
/// renumbering of its part (`numbering`, `sub-numbering`) or of the
/// footnotes (`footnote-order`). `None` when there is none or it would
/// change nothing. Both the editor's quick fixes and `reso check --fix`
/// ([`super::fix`], which keeps the safe ones) take their fixes from here.
pub fn quick_fix(analysis: &Analysis, src: &str, index: usize) -> Option<QuickFix> {
    let doc = &analysis.doc;
    let d = analysis.diagnostics.get(index)?;
    let fix = match (&d.fix, d.code) {
        (Some(fix), _) => QuickFix {
            title: fix.title.clone(),
            edits: fix.edits.clone(),
            safe: fix.safe,
        },
        // Renumbering changes only numbers and marker letters: safe.
        (None, Code::Numbering) => {
            let part = part_at(doc, d.range.start);
            QuickFix {
                title: format!("Renumber the paragraphs of {}", part_name(part)),
                edits: renumber::paragraph_numbers(doc, src, part),
                safe: true,
            }
        }
        (None, Code::SubNumbering) => {
            let part = part_at(doc, d.range.start);
            QuickFix {
                title: format!("Renumber the sub-paragraphs of {}", part_name(part)),
                edits: renumber::sub_markers(doc, src, part),
                safe: true,
            }
        }
        (None, Code::FootnoteOrder) => QuickFix {
            title: FOOTNOTES_TITLE.to_string(),
            edits: renumber::footnotes(doc, src),
            safe: true,
        },
        _ => return None,
    };
    (!fix.edits.is_empty()).then_some(fix)
}

pub const FOOTNOTES_TITLE: &str = "Renumber the footnotes in order of first reference";

/// A diagnostic's fix, before it becomes an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickFix {
    pub title: String,
    /// Sorted, non-overlapping.
    pub edits: Vec<TextEdit>,
    /// Safe to apply unseen (see [`crate::diagnostic::Fix::safe`]).
    pub safe: bool,
}

/// The actions for the byte range `range` (the cursor or a selection).
pub fn code_actions(analysis: &Analysis, src: &str, range: Range<usize>) -> Vec<CodeAction> {
    let doc = &analysis.doc;
    let mut actions: Vec<CodeAction> = Vec::new();
    for (i, d) in analysis.diagnostics.iter().enumerate() {
        if d.range.start > range.end || range.start > d.range.end {
            continue;
        }
        let Some(QuickFix { title, edits, .. }) = quick_fix(analysis, src, i) else {
            continue;
        };
        // One renumbering fixes every numbering diagnostic of the part.
        if let Some(same) = actions
            .iter_mut()
            .find(|a| a.title == title && a.edits == edits)
        {
            same.diagnostics.push(i);
            continue;
        }
        actions.push(CodeAction {
            title,
            kind: ActionKind::QuickFix,
            edits,
            diagnostics: vec![i],
            preferred: true,
        });
    }
    let all = renumber::renumber(doc, src);
    if !all.is_empty() {
        actions.push(CodeAction {
            title: RENUMBER_TITLE.to_string(),
            kind: ActionKind::Source,
            edits: all,
            diagnostics: Vec::new(),
            preferred: false,
        });
    }
    actions
}

fn part_at(doc: &Document, offset: usize) -> Part {
    doc.block_at(offset)
        .map_or(Part::Operative, |i| doc.blocks[i].part)
}

fn part_name(part: Part) -> String {
    match part {
        Part::Annex(n) => format!("annex {n}"),
        Part::Preamble => "the preamble".to_string(),
        _ => "the operative part".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::apply_edits;
    use crate::features::testing::{analysis, fixture, offset_of, render_range};

    const DRAFT: &str = "\
Information and communications technologies for development

The General Assembly,

Recalling its resolution 65/141 of 20 December 2010;

1. Welcomes the report of the Secretary-General;

2. Requests the Secretary-General:
   (a) To report to the Assembly;
   (b) To convene a meeting;
   (d) To inform the Council;

3. Sresses the need for cooperation;

5. Decides to include the item.
";

    /// Each diagnostic, its quick fix, and the lines the fix changes.
    fn render_fixes(src: &str) -> String {
        let a = analysis(src);
        let mut out = String::new();
        for d in &a.diagnostics {
            out.push_str(&format!(
                "{} {}[{}] {}\n",
                render_range(src, &d.range),
                d.severity,
                d.code,
                d.message
            ));
            let actions = code_actions(&a, src, d.range.clone());
            for action in actions.iter().filter(|a| a.kind == ActionKind::QuickFix) {
                out.push_str(&format!("  fix: {}\n", action.title));
                let after = apply_edits(src, &action.edits);
                for (old, new) in src.lines().zip(after.lines()).filter(|(o, n)| o != n) {
                    out.push_str(&format!("  - {old}\n  + {new}\n"));
                }
            }
        }
        out
    }

    #[test]
    fn each_quick_fix_gives_the_corrected_text() {
        insta::assert_snapshot!(render_fixes(DRAFT));
    }

    #[test]
    fn fixed_draft_has_no_diagnostics_left() {
        let mut src = DRAFT.to_string();
        // Apply the first quick fix until none is left.
        for _ in 0..10 {
            let a = analysis(&src);
            let fix = a.diagnostics.iter().find_map(|d| {
                code_actions(&a, &src, d.range.clone())
                    .into_iter()
                    .find(|x| x.kind == ActionKind::QuickFix)
            });
            match fix {
                Some(f) => src = apply_edits(&src, &f.edits),
                None => break,
            }
        }
        assert_eq!(analysis(&src).diagnostics, vec![]);
        assert!(src.contains("3. Stresses the need"));
        assert!(src.contains("4. Decides to include"));
        assert!(src.contains("(c) To inform"));
        assert!(src.contains("20 December 2010,\n"));
    }

    #[test]
    fn seed_quick_fix_and_source_action() {
        let src = fixture("A-RES-66-184.txt");
        let a = analysis(&src);
        let at = offset_of(&src, "Sresses the need", 0);
        let actions = code_actions(&a, &src, at..at);
        assert_eq!(actions.len(), 2);
        assert!(
            actions[0].title.contains("`Stresses`"),
            "{}",
            actions[0].title
        );
        assert_eq!(actions[1].title, RENUMBER_TITLE);
        let fixed = apply_edits(&src, &actions[0].edits);
        assert!(fixed.contains("18. Stresses the need"));
        assert_eq!(actions[0].diagnostics.len(), 1);
        assert_eq!(
            a.diagnostics[actions[0].diagnostics[0]].code,
            Code::OpenerUnknown
        );
        assert!(actions[0].preferred);
        assert_eq!(actions[1].kind, ActionKind::Source);
        assert_eq!(actions[1].edits, renumber::renumber(&a.doc, &src));
    }

    #[test]
    fn a_fix_a_check_attached_is_offered_as_is() {
        // `citation-date` carries its fix; any diagnostic with one is offered.
        // The citation check itself finds 74/45's wrong date (12 December 2019).
        let src = "The General Assembly,\n\nRecalling its resolution 74/45 of 19 December 2019,\n\n1. Decides to act.\n";
        let a = analysis(src);
        let date = offset_of(src, "19 December 2019", 0);
        assert!(a.diagnostics.iter().any(|d| d.code == Code::CitationDate));
        let actions = code_actions(&a, src, date + 3..date + 3);
        assert_eq!(actions.len(), 1);
        assert_eq!(actions[0].title, "Change the date to 12 December 2019");
        assert!(apply_edits(src, &actions[0].edits).contains("74/45 of 12 December 2019,"));
    }

    #[test]
    fn no_source_action_when_all_is_in_order() {
        let src = "The General Assembly,\n\nRecalling the Charter,[^1]\n\n1. Decides:\n   (a) To act;\n   (b) To report.\n\n[^1]: A/66/64.\n";
        let a = analysis(src);
        assert_eq!(code_actions(&a, src, 0..src.len()), vec![]);
    }
}
