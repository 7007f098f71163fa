//! Folding ranges: the preamble, each operative paragraph with its
//! sub-paragraphs, each run of footnote definitions, each annex.
//! Only ranges over more than one line are returned.

use std::collections::HashMap;
use std::ops::Range;

use crate::syntax::{BlockKind, Document, Part};

/// What a fold holds; its serde name (`preamble`) is the fold's collapsed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FoldKind {
    Preamble,
    Paragraph,
    Footnotes,
    Annex,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    pub kind: FoldKind,
    /// From the start of the first line to the end of the last (no line
    /// terminator).
    pub range: Range<usize>,
}

pub fn folding_ranges(doc: &Document, src: &str) -> Vec<Fold> {
    let mut folds = Vec::new();
    let spans = |kind: BlockKind| {
        doc.blocks
            .iter()
            .filter(move |b| b.kind == kind)
            .map(|b| b.span())
    };

    let preamble = spans(BlockKind::Preambular).reduce(|a, b| a.start..b.end);
    folds.extend(preamble.map(|range| Fold {
        kind: FoldKind::Preamble,
        range,
    }));

    // Each numbered paragraph runs to the end of its last sub-paragraph.
    let mut ends: HashMap<usize, usize> = HashMap::new();
    for s in doc
        .blocks
        .iter()
        .filter(|s| s.kind == BlockKind::SubParagraph)
    {
        if let Some(parent) = s.parent() {
            let end = ends.entry(parent).or_default();
            *end = (*end).max(s.span().end);
        }
    }
    for (i, b) in doc.blocks.iter().enumerate() {
        let numbered = b.kind == BlockKind::Operative
            || (b.kind == BlockKind::AnnexParagraph && b.marker.is_some());
        if numbered {
            let end = ends.get(&i).map_or(b.span().end, |&e| e.max(b.span().end));
            folds.push(Fold {
                kind: FoldKind::Paragraph,
                range: b.span().start..end,
            });
        }
    }

    // Runs of footnote definitions, with only blank lines between them.
    let mut run: Option<Range<usize>> = None;
    for b in &doc.blocks {
        match b.kind {
            BlockKind::FootnoteDef => {
                let span = b.span();
                run = Some(match run {
                    Some(r) => r.start..span.end,
                    None => span,
                });
            }
            BlockKind::Blank => {}
            _ => folds.extend(run.take().map(|range| Fold {
                kind: FoldKind::Footnotes,
                range,
            })),
        }
    }
    folds.extend(run.map(|range| Fold {
        kind: FoldKind::Footnotes,
        range,
    }));

    let mut annexes: Vec<(Part, Range<usize>)> = Vec::new();
    for b in doc.blocks.iter().filter(|b| b.kind != BlockKind::Blank) {
        let Part::Annex(_) = b.part else { continue };
        match annexes.last_mut() {
            Some((part, range)) if *part == b.part => range.end = range.end.max(b.span().end),
            _ => annexes.push((b.part, b.span())),
        }
    }
    folds.extend(annexes.into_iter().map(|(_, range)| Fold {
        kind: FoldKind::Annex,
        range,
    }));

    folds.retain(|f| src.get(f.range.clone()).is_some_and(|t| t.contains('\n')));
    folds.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    folds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{analysis, fixture, line_col};

    fn render(src: &str) -> String {
        folding_ranges(&analysis(src).doc, src)
            .iter()
            .map(|f| {
                let (l1, _) = line_col(src, f.range.start);
                let (l2, _) = line_col(src, f.range.end);
                format!("{:?} {l1}-{l2}", f.kind)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn seed_folds_preamble_paragraphs_and_footnote_blocks() {
        insta::assert_snapshot!(render(&fixture("A-RES-66-184.txt")));
    }

    #[test]
    fn a_paragraph_folds_with_its_sub_paragraphs() {
        let src = "The General Assembly,\n\nRecalling the Charter,\n\nNoting the report,\n\n1. Requests:\n   (a) To report;\n   (b) To act;\n\n2. Decides to act.[^1]\n\n[^1]: A/66/64.\n[^2]: A/66/65.\n";
        assert_eq!(render(src), "Preamble 3-5\nParagraph 7-9\nFootnotes 13-14");
    }
}
