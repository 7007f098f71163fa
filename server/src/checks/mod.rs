//! The checks of SPEC section 4, one module per family. Each takes the parsed
//! document (and what else it needs) and returns plain diagnostics.

pub mod blocks;
pub mod citations;
pub mod footnotes;
pub mod numbering;
pub mod openers;
pub mod structure;
pub mod terminator;

use crate::catalog::Catalog;
use crate::citations::Citation;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::syntax::Document;

/// Runs every check family over one document.
pub fn run_all(
    src: &str,
    doc: &Document,
    citations: &[Citation],
    config: &Config,
    catalog: &Catalog,
) -> Vec<Diagnostic> {
    let (_, walked) = blocks::BlockChecks::run(src, doc);
    let mut out = Vec::new();
    document_wide(src, doc, citations, config, catalog, &mut out);
    out.extend(walked.into_iter().map(|(_, d)| d));
    out
}

/// The checks that are not block by block: a missing chapeau, footnotes,
/// citations.
pub fn document_wide(
    src: &str,
    doc: &Document,
    citations: &[Citation],
    config: &Config,
    catalog: &Catalog,
    out: &mut Vec<Diagnostic>,
) {
    structure::chapeau(src, doc, config, out);
    footnotes::check(doc, config, out);
    citations::check(citations, catalog, out);
}
