//! The checks of SPEC section 4, one module per family. Each takes the parsed
//! document (and what else it needs) and returns plain diagnostics.

use crate::catalog::Catalog;
use crate::citations::Citation;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::syntax::Document;

/// Runs every check family over one document.
pub fn run_all(
    _src: &str,
    _doc: &Document,
    _citations: &[Citation],
    _config: &Config,
    _catalog: &Catalog,
) -> Vec<Diagnostic> {
    Vec::new()
}
