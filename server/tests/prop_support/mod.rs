//! Invariants of an analysis that hold for any text, shared by the fixed-seed
//! property tests (server/tests/prop_*.rs) and the fuzz targets (fuzz/), which
//! include this file by path.

#![allow(dead_code)] // each includer uses a part

use reso::analysis::Analysis;
use reso::syntax::parser::lines::split_lines;

/// Panics with a description when `a` (the analysis of `src`) breaks a rule
/// that SPEC section 2 and the model promise for every text.
pub fn check_invariants(src: &str, a: &Analysis) {
    let lines = split_lines(src);
    let blocks = &a.doc.blocks;

    // Every line belongs to exactly one block: the blocks' line ranges,
    // sorted, are exactly the lines of the text.
    let mut owned: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, block)
    for (i, b) in blocks.iter().enumerate() {
        assert!(!b.lines.is_empty(), "block {i} ({:?}) has no lines", b.kind);
        let ranges: Vec<_> = b.lines.iter().collect();
        for w in ranges.windows(2) {
            assert!(
                w[0].end < w[1].start,
                "block {i} ({:?}): lines {:?} and {:?} out of order",
                b.kind,
                w[0],
                w[1]
            );
        }
        owned.extend(b.lines.iter().map(|r| (r.start, r.end, i)));
    }
    owned.sort_unstable();
    let got: Vec<(usize, usize)> = owned.iter().map(|&(s, e, _)| (s, e)).collect();
    let want: Vec<(usize, usize)> = lines
        .iter()
        .map(|l| (l.range().start, l.range().end))
        .collect();
    if got != want {
        let first = got
            .iter()
            .zip(&want)
            .position(|(g, w)| g != w)
            .unwrap_or(got.len().min(want.len()));
        panic!(
            "blocks do not cover each line exactly once: {} block lines, {} text lines; \
             first difference at #{first}: block line {:?}, text line {:?}",
            got.len(),
            want.len(),
            got.get(first),
            want.get(first)
        );
    }

    // Blocks in text order: each starts after the previous one started.
    for (i, w) in blocks.windows(2).enumerate() {
        let first = |b: &reso::syntax::Block| b.lines.first().expect("a line");
        assert!(
            first(&w[0]).start < first(&w[1]).start,
            "blocks {i} ({:?} at {:?}) and {} ({:?} at {:?}) out of order",
            w[0].kind,
            first(&w[0]),
            i + 1,
            w[1].kind,
            first(&w[1])
        );
    }

    // Sub-paragraphs point back at an earlier block.
    for (i, b) in blocks.iter().enumerate() {
        if let Some(p) = b.parent() {
            assert!(p < i, "block {i} has parent {p}, not before it");
        }
    }

    // Footnotes refer to real blocks and text.
    for d in &a.doc.footnote_defs {
        assert!(d.block < blocks.len(), "footnote {} in no block", d.number);
        assert!(
            in_text(src, &d.number_range),
            "footnote number range {:?}",
            d.number_range
        );
    }
    for r in &a.doc.footnote_refs {
        assert!(r.block < blocks.len(), "footnote reference in no block");
        assert!(
            in_text(src, &r.range),
            "footnote reference range {:?}",
            r.range
        );
    }

    // Diagnostics: ranges inside the text on character boundaries, sorted.
    for d in &a.diagnostics {
        assert!(
            in_text(src, &d.range),
            "diagnostic {} range {:?} outside the text or not on a char boundary",
            d.code,
            d.range
        );
        assert!(
            !d.message.is_empty(),
            "diagnostic {} without a message",
            d.code
        );
    }
    for w in a.diagnostics.windows(2) {
        assert!(
            w[0].range.start <= w[1].range.start,
            "diagnostics out of order"
        );
    }
}

fn in_text(src: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= src.len()
        && src.is_char_boundary(r.start)
        && src.is_char_boundary(r.end)
}
