//! A plain-text rendering of the parsed blocks, one line each, for snapshots
//! and debugging (`L12-15 Operative 5. opener=Also stresses`).

use std::fmt::Write;

use super::model::*;

/// 1-based line number of a byte offset.
fn line_of(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())].matches('\n').count() + 1
}

pub fn render(src: &str, doc: &Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        if b.kind == BlockKind::Blank {
            continue;
        }
        let span = b.span();
        let (l1, l2) = (line_of(src, span.start), line_of(src, span.end));
        let _ = write!(out, "L{l1}");
        if l2 != l1 {
            let _ = write!(out, "-{l2}");
        }
        let _ = write!(out, " {:?}", b.kind);
        if let Some(m) = b.marker_range() {
            let _ = write!(out, " {}", &src[m]);
        }
        if let Some(o) = &b.opener {
            let kind = match o.kind {
                Some(OpenerKind::Preambular) => "pp",
                Some(OpenerKind::Operative) => "op",
                None => "unknown",
            };
            let _ = write!(out, " opener[{kind}]={}", o.phrase);
        }
        if b.kind == BlockKind::FootnoteDef {
            if let Some(d) = doc
                .footnote_defs
                .iter()
                .find(|d| doc.blocks[d.block].span() == span)
            {
                let _ = write!(out, " #{}", d.number);
            }
        }
        let refs: Vec<String> = doc
            .footnote_refs
            .iter()
            .filter(|r| doc.blocks[r.block].span() == span)
            .map(|r| r.number.to_string())
            .collect();
        if !refs.is_empty() {
            let _ = write!(out, " refs={}", refs.join(","));
        }
        let starts: Vec<usize> = b.lines.iter().map(|r| r.start).collect();
        if starts
            .windows(2)
            .any(|w| line_of(src, w[1]) > line_of(src, w[0]) + 1)
        {
            let _ = write!(out, " (split)");
        }
        let first = src[b.lines.first().unwrap_or_default()].trim();
        let preview: String = first.chars().take(40).collect();
        let _ = writeln!(out, " | {preview}");
    }
    out
}
