//! The block parser (placeholder until the core parser lands: one Unknown
//! block per non-blank line).

use super::model::*;

pub fn parse(src: &str) -> Document {
    let mut blocks = Vec::new();
    let mut pos = 0;
    for line in src.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let kind = if content.trim().is_empty() {
            BlockKind::Blank
        } else {
            BlockKind::Unknown
        };
        blocks.push(Block {
            kind,
            part: Part::Heading,
            lines: vec![pos..pos + content.len()],
            marker: None,
            opener: None,
            level: 0,
            parent: None,
        });
        pos += line.len();
    }
    Document {
        blocks,
        chapeau: None,
        organ: None,
        title: Vec::new(),
        layout: Layout::BlankLines,
        footnote_form: FootnoteForm::Pasted,
        footnote_defs: Vec::new(),
        footnote_refs: Vec::new(),
        crlf: false,
    }
}
