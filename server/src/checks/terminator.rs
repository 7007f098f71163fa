//! `terminator`: a preambular paragraph ends with `,`; an operative paragraph
//! with `;`, the last one with `.`; sub-paragraphs likewise; a paragraph that
//! introduces sub-paragraphs with `:`.

use crate::diagnostic::{Code, Diagnostic, TextEdit};
use crate::syntax::lines::final_char;
use crate::syntax::{Block, BlockKind, Document, Part};

pub fn check(src: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    // The body's paragraphs in order (sub-paragraphs included).
    let body: Vec<usize> = (0..doc.blocks.len())
        .filter(|&i| {
            let b = &doc.blocks[i];
            b.kind.is_paragraph() && matches!(b.part, Part::Preamble | Part::Operative)
        })
        .collect();
    let last_op_part = body
        .iter()
        .rposition(|&i| doc.blocks[i].kind == BlockKind::Operative);
    for (pos, &i) in body.iter().enumerate() {
        let b = &doc.blocks[i];
        let next = body.get(pos + 1).map(|&j| &doc.blocks[j]);
        let has_subs = next
            .is_some_and(|n| n.kind == BlockKind::SubParagraph && n.parent == Some(i))
            || next.is_some_and(|n| {
                n.kind == BlockKind::SubParagraph
                    && b.kind == BlockKind::SubParagraph
                    && n.level > b.level
            });
        let unmarked_sub = b.kind == BlockKind::SubParagraph && b.marker.is_none();
        if unmarked_sub {
            continue; // markers lost in extraction: one sub-numbering says it
        }
        // Is this the last paragraph of the resolution's operative part?
        let is_last = last_op_part.is_some_and(|l| pos >= l) && next.is_none_or(|_| false)
            || last_op_part.is_some_and(|l| pos >= l && body[pos + 1..].is_empty());
        let in_preamble = b.kind == BlockKind::Preambular
            || (b.kind == BlockKind::SubParagraph
                && b.parent
                    .is_some_and(|p| doc.blocks[p].kind == BlockKind::Preambular));
        if b.kind == BlockKind::Preambular && b.part == Part::Operative {
            continue; // a structure error says it
        }
        let (expected, what): (&[char], &str) = if has_subs {
            (&[':'], "introduce its sub-paragraphs with `:`")
        } else if in_preamble {
            if b.kind == BlockKind::SubParagraph {
                (&[',', ';'], "end with `,` or `;`")
            } else {
                (&[','], "end with `,`")
            }
        } else if is_last {
            (&['.'], "end with `.` (the last operative paragraph)")
        } else {
            (&[';'], "end with `;`")
        };
        let Some((offset, c)) = last_char(src, b) else {
            continue;
        };
        // `; and` / `; or` between sub-paragraphs.
        if b.kind == BlockKind::SubParagraph && !is_last && ends_with_conjunction(src, b) {
            continue;
        }
        if expected.contains(&c) {
            continue;
        }
        // Before sub-paragraphs an older text may leave the colon out.
        if has_subs && !matches!(c, ',' | ';' | '.') {
            continue;
        }
        let want = expected[0];
        let kind = match b.kind {
            BlockKind::Preambular => "preambular paragraph",
            BlockKind::Operative => "operative paragraph",
            _ => "sub-paragraph",
        };
        if matches!(c, ',' | ';' | '.' | ':') {
            out.push(
                Diagnostic::new(
                    Code::Terminator,
                    offset..offset + c.len_utf8(),
                    format!("{} {kind} should {what}, not `{c}`", article(kind)),
                )
                .with_fix(
                    format!("Replace `{c}` with `{want}`"),
                    vec![TextEdit {
                        range: offset..offset + c.len_utf8(),
                        new_text: want.to_string(),
                    }],
                ),
            );
        } else {
            let end = offset + c.len_utf8();
            out.push(
                Diagnostic::new(
                    Code::Terminator,
                    offset..end,
                    format!(
                        "{} {kind} should {what}; its final punctuation is missing",
                        article(kind)
                    ),
                )
                .with_fix(
                    format!("Add `{want}`"),
                    vec![TextEdit {
                        range: end..end,
                        new_text: want.to_string(),
                    }],
                ),
            );
        }
    }
}

/// The byte offset and character of the paragraph's final punctuation (or
/// last character), trailing references, quotes and brackets skipped.
fn last_char(src: &str, b: &Block) -> Option<(usize, char)> {
    for r in b.lines.iter().rev() {
        let line = &src[r.clone()];
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let start = r.start + (line.len() - line.trim_start().len());
        let (off, c) = final_char(t)?;
        return Some((start + off, c));
    }
    None
}

/// `...; and` / `...; or`, also when the conjunction wrapped to a line of its own.
fn ends_with_conjunction(src: &str, b: &Block) -> bool {
    let mut tail = String::new();
    for r in b.lines.iter().rev().take(2) {
        tail.insert(0, ' ');
        tail.insert_str(0, src[r.clone()].trim());
    }
    let t = tail.trim_end();
    t.strip_suffix(" and")
        .or_else(|| t.strip_suffix(" or"))
        .is_some_and(|rest| rest.trim_end().ends_with(';'))
}

fn article(kind: &str) -> &'static str {
    if kind.starts_with('o') {
        "an"
    } else {
        "a"
    }
}
