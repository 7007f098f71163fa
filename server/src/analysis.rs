//! One full analysis of a draft: parse, recognise citations, run every check.

use crate::catalog::Catalog;
use crate::checks;
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
}

pub fn analyze(src: &str, config: &Config, catalog: &Catalog) -> Analysis {
    let doc = syntax::parse(src);
    let citations = citations::recognise(src, &doc);
    let raw = checks::run_all(src, &doc, &citations, config, catalog);
    let mut diagnostics: Vec<Diagnostic> = raw
        .into_iter()
        .filter_map(|mut d| {
            d.severity = config.severity(d.code)?;
            Some(d)
        })
        .collect();
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
    });
    Analysis {
        doc,
        citations,
        diagnostics,
    }
}
