//! Citations of resolutions, decisions and documents (SPEC section 3).

use std::ops::Range;

use crate::syntax::Document;

/// A recognised citation. (Placeholder shape until the citation recogniser lands.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Canonical symbol as the catalogue writes it (`A/RES/56/183`, `S/RES/1325(2000)`).
    pub symbol: String,
    /// The cited number as written (`56/183`, `1325 (2000)`).
    pub range: Range<usize>,
}

/// Finds every citation in the document.
pub fn recognise(_src: &str, _doc: &Document) -> Vec<Citation> {
    Vec::new()
}
