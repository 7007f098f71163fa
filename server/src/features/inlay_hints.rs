//! Inlay hints: `PP1`..`PPn` before each preambular paragraph, as
//! negotiators refer to them ("PP7 is agreed ad ref").

use std::ops::Range;

use crate::syntax::Document;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    /// Where the label is shown: the first character of the paragraph.
    pub offset: usize,
    pub label: String,
    /// The paragraph, for the hint's tooltip.
    pub tooltip: String,
}

/// The hints whose position lies in `range` (the visible part of the text).
pub fn inlay_hints(doc: &Document, src: &str, range: Range<usize>) -> Vec<InlayHint> {
    doc.preambular()
        .enumerate()
        .filter_map(|(n, (_, b))| {
            let line = b.lines.first()?;
            let text = &src[line.clone()];
            let offset = line.start + (text.len() - text.trim_start().len());
            let label = format!("PP{}", n + 1);
            let tooltip = format!("preambular paragraph {}", n + 1);
            Some(InlayHint {
                offset,
                label,
                tooltip,
            })
        })
        .filter(|h| range.start <= h.offset && h.offset <= range.end)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{analysis, fixture, line_col};

    #[test]
    fn seed_has_thirty_preambular_labels() {
        let src = fixture("A-RES-66-184.txt");
        let doc = analysis(&src).doc;
        let hints = inlay_hints(&doc, &src, 0..src.len());
        let labels: Vec<&str> = hints.iter().map(|h| h.label.as_str()).collect();
        let expected: Vec<String> = (1..=30).map(|n| format!("PP{n}")).collect();
        assert_eq!(labels, expected);
        let at = |h: &InlayHint| line_col(&src, h.offset);
        assert_eq!(at(&hints[0]), (5, 1)); // Recalling its resolutions 56/183
        assert_eq!(at(&hints[4]), (31, 2)); // ` Recalling further`, after the page-break space
        assert_eq!(at(&hints[29]), (177, 1)); // Welcoming, in view of
        assert_eq!(hints[4].tooltip, "preambular paragraph 5");
        // Only the hints in the requested range.
        let visible = inlay_hints(&doc, &src, hints[1].offset..hints[3].offset);
        let labels: Vec<&str> = visible.iter().map(|h| h.label.as_str()).collect();
        assert_eq!(labels, ["PP2", "PP3", "PP4"]);
    }
}
