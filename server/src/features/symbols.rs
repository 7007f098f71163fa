//! The outline (document symbols): the title, `PP 1`..`PP n` with their
//! opener as detail, section headings, `OP 1`..`OP n` (as numbered in the
//! text) holding their sub-paragraphs, and each annex holding its numbered
//! paragraphs (`para. 1` ...).

use std::ops::Range;

use crate::syntax::parser::lines;
use crate::syntax::{Block, BlockKind, Document, MarkerKind, Part};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Title,
    Preambular,
    SectionHeading,
    Operative,
    SubParagraph,
    Annex,
    AnnexParagraph,
    /// One resolution of a document that holds several, holding its outline.
    Resolution,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole paragraph, its sub-paragraphs included.
    pub range: Range<usize>,
    /// What the editor selects: the marker, the opener, or the first line.
    pub selection: Range<usize>,
    pub children: Vec<Symbol>,
}

/// The outline; a document that holds several resolutions has a node per
/// resolution (named by its title), each holding that resolution's outline.
pub fn document_symbols(doc: &Document, src: &str) -> Vec<Symbol> {
    if doc.resolutions() <= 1 {
        let mut out: Vec<Symbol> = Vec::new();
        if let (Some(first), Some(last)) = (doc.title.first(), doc.title.last()) {
            let name = doc.title_text(src).unwrap_or_default();
            out.push(leaf(name, None, SymbolKind::Title, first.start..last.end));
        }
        outline(doc, src, 0..doc.blocks.len(), &mut out);
        return out;
    }
    let mut out = Vec::new();
    let mut start = 0;
    while start < doc.blocks.len() {
        let k = doc.blocks[start].resolution;
        let end = start + doc.blocks[start..].partition_point(|b| b.resolution == k);
        let title: Vec<&str> = doc.blocks[start..end]
            .iter()
            .filter(|b| b.kind == BlockKind::Title)
            .flat_map(|b| b.lines.iter().map(|r| src[r].trim()).collect::<Vec<_>>())
            .collect();
        let name = if title.is_empty() {
            format!("Resolution {}", k + 1)
        } else {
            // `80/14. Title` names the title after its number.
            let joined = title.join(" ");
            let skip = lines::numbered_title(&joined).unwrap_or(0);
            joined[skip..].to_string()
        };
        let span = doc.blocks[start].span().start..doc.blocks[end - 1].span().end;
        let mut node = leaf(name, None, SymbolKind::Resolution, span);
        outline(doc, src, start..end, &mut node.children);
        out.push(node);
        start = end;
    }
    out
}

/// The outline of the blocks of `blocks` (one resolution).
fn outline(doc: &Document, src: &str, blocks: Range<usize>, out: &mut Vec<Symbol>) {
    let mut pp = 0;
    let mut annex_part = None;
    for (i, b) in doc
        .blocks
        .iter()
        .enumerate()
        .take(blocks.end)
        .skip(blocks.start)
    {
        let span = b.span();
        match b.kind {
            BlockKind::Preambular => {
                pp += 1;
                let mut s = leaf(
                    format!("PP {pp}"),
                    opener(b, src),
                    SymbolKind::Preambular,
                    span,
                );
                if let Some(o) = b.opener_range() {
                    s.selection = o;
                }
                out.push(s);
            }
            BlockKind::SectionHeading => {
                let name = doc.block_text(src, i);
                let s = leaf(name, None, SymbolKind::SectionHeading, span);
                push_in_part(out, b.part, s);
            }
            BlockKind::Operative => {
                out.push(paragraph(doc, src, i, "OP", SymbolKind::Operative));
            }
            BlockKind::AnnexHeading => {
                // The first heading line of an annex opens it (`Annex I`);
                // the lines after it are its title.
                let text = doc.block_text(src, i);
                match out.last_mut() {
                    Some(annex)
                        if annex.kind == SymbolKind::Annex && annex_part == Some(b.part) =>
                    {
                        annex.detail = Some(match annex.detail.take() {
                            Some(d) => format!("{d} {text}"),
                            None => text,
                        });
                        annex.range.end = annex.range.end.max(span.end);
                    }
                    _ => {
                        annex_part = Some(b.part);
                        out.push(leaf(text, None, SymbolKind::Annex, span));
                    }
                }
            }
            BlockKind::AnnexParagraph if b.marker.is_some() => {
                let s = paragraph(doc, src, i, "para.", SymbolKind::AnnexParagraph);
                push_in_part(out, b.part, s);
            }
            _ => {}
        }
    }
}

/// Puts a symbol inside the annex it belongs to, else at the top level.
fn push_in_part(out: &mut Vec<Symbol>, part: Part, s: Symbol) {
    if let Part::Annex(_) = part {
        if let Some(annex) = out.last_mut().filter(|a| a.kind == SymbolKind::Annex) {
            annex.range.end = annex.range.end.max(s.range.end);
            annex.children.push(s);
            return;
        }
    }
    out.push(s);
}

/// A numbered paragraph with its sub-paragraphs as children.
fn paragraph(doc: &Document, src: &str, i: usize, prefix: &str, kind: SymbolKind) -> Symbol {
    let b = &doc.blocks[i];
    let number = b
        .marker
        .as_ref()
        .map(|m| marker_label(src, &m.kind, &b.marker_range().unwrap_or_default()));
    let name = match number {
        Some(n) => format!("{prefix} {n}"),
        None => prefix.to_string(),
    };
    let mut s = leaf(name, opener(b, src), kind, b.span());
    if let Some(m) = b.marker_range() {
        s.selection = m;
    }
    let mut stack: Vec<Symbol> = Vec::new();
    for sub in doc.blocks.iter().skip(i + 1) {
        if sub.kind != BlockKind::SubParagraph || sub.parent() != Some(i) {
            if sub.kind.is_paragraph() || matches!(sub.kind, BlockKind::AnnexParagraph) {
                break;
            }
            continue;
        }
        let level = usize::from(sub.level.max(1));
        let name = match sub.marker_range() {
            Some(m) => src[m].to_string(),
            None => "(no marker)".to_string(),
        };
        let text: Vec<&str> = (sub.lines.iter())
            .map(|r| &src[sub.text_start(&r)..r.end])
            .collect();
        let detail = first_words(&text.join(" "));
        let mut child = leaf(name, detail, SymbolKind::SubParagraph, sub.span());
        if let Some(m) = sub.marker_range() {
            child.selection = m;
        }
        // Close the deeper or equal levels, then nest under the one above.
        while stack.len() >= level {
            close(&mut stack, &mut s);
        }
        stack.push(child);
    }
    while !stack.is_empty() {
        close(&mut stack, &mut s);
    }
    s
}

fn close(stack: &mut Vec<Symbol>, root: &mut Symbol) {
    let Some(done) = stack.pop() else { return };
    let parent = stack.last_mut().unwrap_or(root);
    parent.range.end = parent.range.end.max(done.range.end);
    parent.children.push(done);
}

/// `5`, `5 bis` for a number marker; the marker as written otherwise.
fn marker_label(src: &str, kind: &MarkerKind, range: &Range<usize>) -> String {
    match kind {
        MarkerKind::Number { n, suffix: Some(s) } => format!("{n} {s}"),
        MarkerKind::Number { n, suffix: None } => n.to_string(),
        MarkerKind::Sub { .. } => src[range.clone()].to_string(),
    }
}

fn opener(b: &Block, src: &str) -> Option<String> {
    b.opener_range().map(|o| src[o].to_string())
}

/// The first few words of a sub-paragraph (after its marker), as its detail.
fn first_words(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn leaf(name: String, detail: Option<String>, kind: SymbolKind, range: Range<usize>) -> Symbol {
    Symbol {
        name,
        detail,
        kind,
        selection: range.clone(),
        range,
        children: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{analysis, fixture, render_range};

    fn render(src: &str, symbols: &[Symbol], depth: usize, out: &mut String) {
        for s in symbols {
            let detail = s
                .detail
                .as_deref()
                .map(|d| format!(" [{d}]"))
                .unwrap_or_default();
            out.push_str(&format!(
                "{:indent$}{:?} {}{detail} {} sel {}\n",
                "",
                s.kind,
                s.name,
                render_range(src, &s.range),
                render_range(src, &s.selection),
                indent = depth * 2
            ));
            assert!(s.range.start <= s.selection.start && s.selection.end <= s.range.end);
            render(src, &s.children, depth + 1, out);
        }
    }

    fn outline(src: &str) -> String {
        let mut out = String::new();
        render(src, &document_symbols(&analysis(src).doc, src), 0, &mut out);
        out
    }

    #[test]
    fn seed_outline() {
        let src = fixture("A-RES-66-184.txt");
        let symbols = document_symbols(&analysis(&src).doc, &src);
        let count = |k| symbols.iter().filter(|s| s.kind == k).count();
        assert_eq!(count(SymbolKind::Preambular), 30);
        assert_eq!(count(SymbolKind::Operative), 21);
        insta::assert_snapshot!(outline(&src));
    }

    #[test]
    fn sub_paragraphs_nest_under_their_paragraph_and_level() {
        let src = "\
Oceans and the law of the sea

The General Assembly,

Recalling its resolution 79/144,

1. Requests the Secretary-General:
   (a) To report on:
       (i) The first matter;
       (ii) The second matter;
   (b) To convene a meeting;

2. Decides to include the item.
";
        insta::assert_snapshot!(outline(src), @r"
        Title Oceans and the law of the sea 1:1-1:30 sel 1:1-1:30
        Preambular PP 1 [Recalling] 5:1-5:33 sel 5:1-5:10
        Operative OP 1 [Requests] 7:1-11:29 sel 7:1-7:3
          SubParagraph (a) [To report on:] 8:1-10:31 sel 8:4-8:7
            SubParagraph (i) [The first matter;] 9:1-9:29 sel 9:8-9:11
            SubParagraph (ii) [The second matter;] 10:1-10:31 sel 10:8-10:12
          SubParagraph (b) [To convene a meeting;] 11:1-11:29 sel 11:4-11:7
        Operative OP 2 [Decides] 13:1-13:32 sel 13:1-13:3
        ");
    }

    #[test]
    fn annex_holds_its_paragraphs() {
        let src = fixture("ga80/A-RES-80-5.txt");
        let out = outline(&src);
        insta::assert_snapshot!(out);
    }
}
