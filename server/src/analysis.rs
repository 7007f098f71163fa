//! One full analysis of a draft: parse, recognise citations, run every check.

use crate::catalog::Catalog;
use crate::checks::{self, blocks::BlockChecks};
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
}

pub fn analyze(src: &str, config: &Config, catalog: &Catalog) -> Analysis {
    let doc = syntax::parse(src);
    finish(src, doc, config, catalog)
}

/// The analysis of `new_src`, which is the text of `prev` with `edit`
/// applied: the parse is redone around the edit only, the checks across the
/// document run again. Equal to `analyze(new_src, ...)`.
pub fn reanalyze(
    prev: &Analysis,
    new_src: &str,
    edit: &syntax::EditSpan,
    config: &Config,
    catalog: &Catalog,
) -> Analysis {
    let doc = syntax::reparse(&prev.doc, new_src, edit);
    let citations = citations_after(prev.citations.clone(), &prev.doc, new_src, &doc, config);
    let block_checks = prev.block_checks.clone().after(new_src, &doc);
    finish_with(new_src, doc, citations, block_checks, config, catalog)
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
    let citations = old.citations_after(prev.citations, new_src, &doc, config);
    let block_checks = prev.block_checks.after(new_src, &doc);
    finish_with(new_src, doc, citations, block_checks, config, catalog)
}

/// What the citations of a re-parsed document need of the old one.
struct OldDoc {
    organ: Option<syntax::Organ>,
    refs: Vec<syntax::FootnoteRef>,
}

impl OldDoc {
    fn of(doc: &Document) -> OldDoc {
        OldDoc {
            organ: doc.organ.clone(),
            refs: doc.footnote_refs.clone(),
        }
    }

    /// The citations of `doc`, re-using `prev` (the old document's) when the
    /// re-parse says which blocks changed.
    fn citations_after(
        &self,
        prev: Vec<Citation>,
        src: &str,
        doc: &Document,
        config: &Config,
    ) -> Vec<Citation> {
        match &doc.cache.changed {
            Some(changed) if doc.organ == self.organ => {
                citations::recognise_after(prev, &self.refs, src, doc, changed, config)
            }
            _ => citations::recognise(src, doc, config),
        }
    }
}

fn citations_after(
    prev: Vec<Citation>,
    old: &Document,
    src: &str,
    doc: &Document,
    config: &Config,
) -> Vec<Citation> {
    OldDoc::of(old).citations_after(prev, src, doc, config)
}

fn finish(src: &str, doc: Document, config: &Config, catalog: &Catalog) -> Analysis {
    let citations = citations::recognise(src, &doc, config);
    let block_checks = BlockChecks::run(src, &doc);
    finish_with(src, doc, citations, block_checks, config, catalog)
}

fn finish_with(
    src: &str,
    doc: Document,
    citations: Vec<Citation>,
    block_checks: BlockChecks,
    config: &Config,
    catalog: &Catalog,
) -> Analysis {
    let mut raw = Vec::new();
    checks::document_wide(src, &doc, &citations, config, catalog, &mut raw);
    // The block checks' diagnostics stay with their walk for the next edit:
    // only those the settings keep are copied.
    let mut diagnostics: Vec<Diagnostic> = raw
        .into_iter()
        .filter_map(|mut d| {
            d.severity = config.severity(d.code)?;
            Some(d)
        })
        .chain(block_checks.diagnostics().filter_map(|d| {
            let severity = config.severity(d.code)?;
            Some(Diagnostic {
                severity,
                ..d.clone()
            })
        }))
        .collect();
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
    });
    Analysis {
        doc,
        citations,
        diagnostics,
        block_checks,
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
