//! `numbering` and `sub-numbering`: operative paragraphs count 1, 2, 3 ...
//! (each annex restarting at 1); sub-paragraph markers run (a), (b) ... at
//! each level under their paragraph.

use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::lines::{to_letter, to_roman};
use crate::syntax::{Block, BlockKind, Document, MarkerKind, Part};

pub fn check(src: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    operative_numbers(doc, out);
    sub_numbers(src, doc, out);
}

fn operative_numbers(doc: &Document, out: &mut Vec<Diagnostic>) {
    // (part, previous number as written)
    let mut prev: Option<(Part, u32)> = None;
    let mut skip_part: Option<Part> = None;
    for b in &doc.blocks {
        let numbered_kind = match b.part {
            Part::Operative => b.kind == BlockKind::Operative,
            Part::Annex(_) => b.kind == BlockKind::AnnexParagraph,
            _ => false,
        };
        if !numbered_kind {
            continue;
        }
        let Some(m) = &b.marker else { continue };
        let MarkerKind::Number { n, suffix } = &m.kind else {
            continue;
        };
        let last = match prev {
            Some((part, last)) if part == b.part => last,
            _ => {
                // An annex whose numbered items do not start at 1 is a list
                // of codes or extracts, not numbered paragraphs.
                if matches!(b.part, Part::Annex(_)) && *n != 1 {
                    skip_part = Some(b.part);
                }
                0
            }
        };
        if skip_part == Some(b.part) {
            continue;
        }
        if suffix.is_some() {
            // `5 bis` keeps its neighbour's number.
            if *n != last {
                out.push(Diagnostic::new(
                    Code::Numbering,
                    m.range.clone(),
                    format!(
                        "`{n} {}` should follow paragraph {n}, but follows paragraph {last}",
                        suffix.as_deref().unwrap_or("")
                    ),
                ));
            }
            continue;
        }
        if *n != last + 1 {
            let where_ = match b.part {
                Part::Annex(_) => " (annex paragraphs restart at 1)",
                _ => "",
            };
            out.push(Diagnostic::new(
                Code::Numbering,
                m.range.clone(),
                format!(
                    "operative paragraph numbered {n}: expected {}{where_}",
                    last + 1
                ),
            ));
        }
        prev = Some((b.part, *n));
    }
}

/// The marker text for an ordinal at a level: `(c)`, `(iv)`, `c.`, `iv.`.
pub fn marker_label(level: u8, ordinal: u32) -> String {
    match level {
        1 => format!("({})", to_letter(ordinal)),
        2 => format!("({})", to_roman(ordinal)),
        3 => format!("{}.", to_letter(ordinal)),
        _ => format!("{}.", to_roman(ordinal)),
    }
}

fn sub_numbers(src: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
    let mut parents: Vec<usize> = doc
        .blocks
        .iter()
        .filter(|b| {
            b.kind == BlockKind::SubParagraph && !matches!(b.part, Part::Annex(_) | Part::Closing)
        })
        .filter_map(|b| b.parent)
        .collect();
    parents.dedup();
    // Each parent's sub-paragraphs, in text order: one pass over the blocks
    // and a stable sort by parent (sub-paragraphs mostly follow theirs).
    let mut all: Vec<(usize, &Block)> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::SubParagraph)
        .filter_map(|b| Some((b.parent?, b)))
        .collect();
    all.sort_by_key(|(p, _)| *p);
    let subs_of = |parent: usize| -> Vec<&Block> {
        let from = all.partition_point(|(p, _)| *p < parent);
        all[from..]
            .iter()
            .take_while(|(p, _)| *p == parent)
            .map(|(_, b)| *b)
            .collect()
    };
    for parent in parents {
        let subs = subs_of(parent);
        // Markers lost in extraction: one diagnostic on the first unmarked one.
        if let Some(pos) = subs.iter().position(|b| b.marker.is_none()) {
            let b = subs[pos];
            let expected = subs[..pos]
                .iter()
                .rev()
                .filter_map(|s| s.marker.as_ref())
                .find_map(|m| match m.kind {
                    MarkerKind::Sub { level: 1, ordinal } => Some(ordinal + 1),
                    _ => None,
                })
                .unwrap_or(1);
            let first = &b.lines[0];
            let line = &src[first.clone()];
            let start = first.start + (line.len() - line.trim_start().len());
            let word_len = line.split_whitespace().next().map_or(0, str::len);
            out.push(Diagnostic::new(
                Code::SubNumbering,
                start..start + word_len,
                format!(
                    "sub-paragraph markers seem to be missing; expected {}",
                    marker_label(1, expected)
                ),
            ));
            continue;
        }
        let mut last = [0u32; 5];
        for b in subs {
            let Some(m) = &b.marker else { continue };
            let MarkerKind::Sub { level, ordinal } = m.kind else {
                continue;
            };
            let l = level as usize;
            let expected = last[l] + 1;
            if ordinal != expected {
                out.push(Diagnostic::new(
                    Code::SubNumbering,
                    m.range.clone(),
                    format!(
                        "sub-paragraph {}: expected {}",
                        &src[m.range.clone()],
                        marker_label(level, expected)
                    ),
                ));
            }
            last[l] = ordinal;
            for deeper in last.iter_mut().skip(l + 1) {
                *deeper = 0;
            }
        }
    }
}
