//! One full analysis of a draft: parse, recognise citations, run every check.

use crate::catalog::{Catalog, Date};
use crate::checks::{self, blocks::BlockChecks, footnotes};
use crate::citations::{self, Citation};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::syntax::{self, Document};

#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: Document,
    pub citations: Vec<Citation>,
    /// Sorted by range start; severities already follow the config, codes that
    /// are turned off already removed.
    pub diagnostics: Vec<Diagnostic>,
    /// The block-by-block checks' walk, for the next edit to resume.
    pub(crate) block_checks: BlockChecks,
    /// The footnote and citation checks' diagnostics, for the next edit.
    wide: WideChecks,
}

pub fn analyze(src: &str, config: &Config, catalog: &Catalog) -> Analysis {
    let doc = syntax::parse(src);
    let citations = citations::recognise(src, &doc, config);
    let block_checks = BlockChecks::run(src, &doc);
    let wide = WideChecks::run(&doc, &citations, config, catalog, Date::today());
    finish(src, doc, citations, block_checks, wide, config)
}

/// The analysis of `new_src`, which is the text of `prev` with `edit`
/// applied: the parse is redone around the edit only, the checks across the
/// document run again only if what they read changed. Equal to
/// `analyze(new_src, ...)` when `prev` was made with the same settings and
/// catalogue.
pub fn reanalyze(
    prev: &Analysis,
    new_src: &str,
    edit: &syntax::EditSpan,
    config: &Config,
    catalog: &Catalog,
) -> Analysis {
    // The owned path on a copy of what it re-uses (not the diagnostics
    // list, which it makes anew).
    let copy = Analysis {
        doc: prev.doc.clone(),
        citations: prev.citations.clone(),
        diagnostics: Vec::new(),
        block_checks: prev.block_checks.clone(),
        wide: prev.wide.clone(),
    };
    reanalyze_owned(copy, new_src, edit, config, catalog)
}

/// As `reanalyze`, taking the previous analysis so that its parse is reused
/// in place instead of copied (the keystroke path of the server).
pub fn reanalyze_owned(
    prev: Analysis,
    new_src: &str,
    edit: &syntax::EditSpan,
    config: &Config,
    catalog: &Catalog,
) -> Analysis {
    let old = OldDoc::of(&prev.doc);
    let doc = syntax::incremental::reparse_owned(prev.doc, new_src, edit);
    let block_checks = prev.block_checks.after(new_src, &doc);
    old.finish(
        prev.citations,
        prev.wide,
        new_src,
        edit,
        doc,
        block_checks,
        config,
        catalog,
    )
}

/// What the citations and checks of a re-parsed document need of the old one.
struct OldDoc {
    organ: Option<syntax::Organ>,
    footnotes: footnotes::Input,
}

impl OldDoc {
    fn of(doc: &Document) -> OldDoc {
        OldDoc {
            organ: doc.organ.clone(),
            footnotes: footnotes::Input::of(doc),
        }
    }

    /// The analysis of `doc`, re-parsed from the old one after `edit`:
    /// `prev` and `wide` are the old analysis's citations and checks.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        prev: Vec<Citation>,
        wide: WideChecks,
        src: &str,
        edit: &syntax::EditSpan,
        doc: Document,
        block_checks: BlockChecks,
        config: &Config,
        catalog: &Catalog,
    ) -> Analysis {
        // The citations of `doc`, re-using the old ones when the re-parse
        // says which blocks changed.
        let (citations, citations_same) = match &doc.cache.changed {
            Some(changed) if doc.organ == self.organ => {
                let refs = &self.footnotes.refs;
                citations::recognise_after(prev, refs, src, &doc, changed, edit, config)
            }
            _ => (citations::recognise(src, &doc, config), false),
        };
        let footnotes_same = self.footnotes.same_after(edit, &doc);
        let wide = wide.after(
            edit,
            footnotes_same,
            citations_same,
            &doc,
            &citations,
            config,
            catalog,
        );
        finish(src, doc, citations, block_checks, wide, config)
    }
}

/// The document-wide checks that read the footnotes and the citations, their
/// diagnostics as made (before the settings' severities). An edit that leaves
/// what a check reads as it was (moved) only moves its diagnostics.
#[derive(Debug, Clone)]
struct WideChecks {
    footnotes: Vec<Diagnostic>,
    citations: Vec<Diagnostic>,
    /// The day the citation checks ran on (`cannot exist yet` depends on it).
    today: Date,
}

impl WideChecks {
    fn run(
        doc: &Document,
        citations: &[Citation],
        config: &Config,
        catalog: &Catalog,
        today: Date,
    ) -> WideChecks {
        let mut notes = Vec::new();
        footnotes::check(doc, config, &mut notes);
        let mut cited = Vec::new();
        checks::citations::check_on(citations, catalog, today, &mut cited);
        WideChecks {
            footnotes: notes,
            citations: cited,
            today,
        }
    }

    /// The checks after `edit`: those whose input is the same (moved) keep
    /// their diagnostics, moved; the others run again.
    #[allow(clippy::too_many_arguments)]
    fn after(
        mut self,
        edit: &syntax::EditSpan,
        footnotes_same: bool,
        citations_same: bool,
        doc: &Document,
        citations: &[Citation],
        config: &Config,
        catalog: &Catalog,
    ) -> WideChecks {
        let moved = |d: &mut Diagnostic| d.map_offsets(|o| edit.map_offset(o).unwrap_or(o));
        if footnotes_same {
            self.footnotes.iter_mut().for_each(moved);
        } else {
            self.footnotes.clear();
            footnotes::check(doc, config, &mut self.footnotes);
        }
        let today = Date::today();
        if citations_same && today == self.today {
            self.citations.iter_mut().for_each(moved);
        } else {
            self.citations.clear();
            checks::citations::check_on(citations, catalog, today, &mut self.citations);
            self.today = today;
        }
        self
    }
}

fn finish(
    src: &str,
    doc: Document,
    citations: Vec<Citation>,
    block_checks: BlockChecks,
    wide: WideChecks,
    config: &Config,
) -> Analysis {
    let mut raw = Vec::new();
    checks::structure::chapeau(src, &doc, config, &mut raw);
    // The other checks' diagnostics stay with them for the next edit: only
    // those the settings keep are copied.
    let keep = |d: &Diagnostic| {
        let severity = config.severity(d.code)?;
        Some(Diagnostic {
            severity,
            ..d.clone()
        })
    };
    let mut diagnostics: Vec<Diagnostic> = raw
        .into_iter()
        .filter_map(|mut d| {
            d.severity = config.severity(d.code)?;
            Some(d)
        })
        .chain(wide.footnotes.iter().filter_map(keep))
        .chain(wide.citations.iter().filter_map(keep))
        .chain(block_checks.diagnostics().filter_map(keep))
        .collect();
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
    });
    Analysis {
        doc,
        citations,
        diagnostics,
        block_checks,
        wide,
    }
}

/// 1-based line and character column of a byte offset (as `reso check` and
/// rustc count them).
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = src.floor_char_boundary(offset.min(src.len()));
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Diagnostics as a reader sees them, one a line:
/// `316:14-316:16 error[footnote-undefined] footnote 21 is referenced but never defined`.
pub fn render_diagnostics(src: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (l1, c1) = line_col(src, d.range.start);
        let (l2, c2) = line_col(src, d.range.end);
        out.push_str(&format!(
            "{l1}:{c1}-{l2}:{c2} {}[{}] {}\n",
            d.severity, d.code, d.message
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::EditSpan;

    const SEED: &str = include_str!("../../tests/fixtures/A-RES-66-184.txt");

    /// Replaces the first `old` after `after` in the seed by `new`; says
    /// whether the citations and the footnotes of the new text are the old
    /// ones moved (so their checks' diagnostics only move), and checks that
    /// the analysis equals a full one.
    fn same_after(after: &str, old: &str, new: &str) -> (bool, bool) {
        let (config, catalog) = (Config::default(), Catalog::builtin());
        let at = SEED.find(after).expect("anchor");
        let start = at + SEED[at..].find(old).expect("text to replace");
        let text = format!("{}{new}{}", &SEED[..start], &SEED[start + old.len()..]);
        let edit = EditSpan {
            start,
            old_end: start + old.len(),
            new_end: start + new.len(),
        };
        let prev = analyze(SEED, &config, catalog);
        let old_doc = OldDoc::of(&prev.doc);
        let doc = syntax::reparse(&prev.doc, &text, &edit);
        let changed = doc.cache.changed.clone().expect("an incremental re-parse");
        let (_, citations_same) = citations::recognise_after(
            prev.citations.clone(),
            &old_doc.footnotes.refs,
            &text,
            &doc,
            &changed,
            &edit,
            &config,
        );
        let footnotes_same = old_doc.footnotes.same_after(&edit, &doc);
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
}
