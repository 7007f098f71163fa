//! `structure`: a chapeau opens the body, no preambular paragraph follows the
//! operative part, and no text is left that fits no block.

use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::{Block, BlockKind, Document, Part};

/// The document-wide part: a body without a chapeau.
pub fn chapeau(src: &str, doc: &Document, config: &Config, out: &mut Vec<Diagnostic>) {
    if doc.chapeau.is_none() && config.organ.is_none() {
        let first = doc
            .blocks
            .iter()
            .find(|b| b.kind.is_paragraph())
            .or_else(|| doc.blocks.iter().find(|b| b.kind != BlockKind::Blank));
        if let Some(b) = first {
            let r = b.lines.first().unwrap_or_default();
            let line = &src[r.clone()];
            let start = r.start + (line.len() - line.trim_start().len());
            let range = match b.opener_range() {
                Some(o) => o,
                None => start..start + line.trim().len(),
            };
            out.push(Diagnostic::new(
                Code::Structure,
                range,
                "no chapeau: the body should open with the organ, such as `The General Assembly,` (or set `organ` in reso.toml)",
            ));
        }
    }
}

/// The part of one block: a preambular paragraph among the operative ones,
/// text that fits no block.
pub fn block(src: &str, b: &Block, out: &mut Vec<Diagnostic>) {
    let message = match (b.kind, b.part) {
        (BlockKind::Preambular, Part::Operative) => {
            "a preambular paragraph after the operative part began"
        }
        (BlockKind::Unknown, _) => {
            "this text fits no part of a resolution (not a preambular or numbered operative paragraph)"
        }
        _ => return,
    };
    let range = match b.opener_range() {
        Some(o) if b.kind == BlockKind::Preambular => o,
        _ => {
            let r = b.lines.first().unwrap_or_default();
            let line = &src[r.clone()];
            let start = r.start + (line.len() - line.trim_start().len());
            start..start + line.trim().len()
        }
    };
    out.push(Diagnostic::new(Code::Structure, range, message));
}
