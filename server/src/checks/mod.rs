//! The checks of SPEC section 4, one module per family. Each takes the parsed
//! document (and what else it needs) and returns plain diagnostics.

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
    let mut out = Vec::new();
    structure::check(src, doc, config, &mut out);
    numbering::check(src, doc, &mut out);
    openers::check(src, doc, &mut out);
    terminator::check(src, doc, &mut out);
    footnotes::check(doc, config, &mut out);
    citations::check(citations, catalog, &mut out);
    out
}
