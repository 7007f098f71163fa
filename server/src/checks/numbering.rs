//! `numbering` and `sub-numbering`: operative paragraphs count 1, 2, 3 ...
//! (each annex restarting at 1); sub-paragraph markers run (a), (b) ... at
//! each level under their paragraph.

use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::parser::lines::{to_letter, to_roman};
use crate::syntax::{Block, BlockKind, Document, MarkerKind, Part};

/// Where the operative numbering stands before a block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Numbers {
    /// The part and number (as written) of the last numbered paragraph.
    prev: Option<(Part, u32)>,
    /// An annex whose numbered items do not start at 1 is a list of codes
    /// or extracts, not numbered paragraphs.
    skip_part: Option<Part>,
    /// The resolution of the document these belong to: each restarts.
    resolution: u16,
}

/// `numbering` for one block.
pub fn operative(src: &str, b: &Block, st: &mut Numbers, out: &mut Vec<Diagnostic>) {
    let numbered_kind = match b.part {
        Part::Operative => b.kind == BlockKind::Operative,
        Part::Annex(_) => b.kind == BlockKind::AnnexParagraph,
        _ => false,
    };
    if !numbered_kind {
        return;
    }
    let (Some(m), Some(range)) = (&b.marker, b.marker_range()) else {
        return;
    };
    let MarkerKind::Number { n, suffix } = &m.kind else {
        return;
    };
    if b.resolution != st.resolution {
        *st = Numbers {
            resolution: b.resolution,
            ..Numbers::default()
        };
    }
    let last = match st.prev {
        Some((part, last)) if part == b.part => last,
        _ => {
            if matches!(b.part, Part::Annex(_)) && *n != 1 {
                st.skip_part = Some(b.part);
            }
            0
        }
    };
    if st.skip_part == Some(b.part) {
        return;
    }
    if suffix.is_some() {
        // `5 bis` keeps its neighbour's number.
        if *n != last {
            out.push(Diagnostic::new(
                Code::Numbering,
                range.clone(),
                format!(
                    "`{n} {}` should follow paragraph {n}, but follows paragraph {last}",
                    suffix.as_deref().unwrap_or("")
                ),
            ));
        }
        return;
    }
    if *n != last + 1 {
        let where_ = match b.part {
            Part::Annex(_) => " (annex paragraphs restart at 1)",
            _ => "",
        };
        out.push(Diagnostic::new(
            Code::Numbering,
            range.clone(),
            format!(
                "operative paragraph numbered {n}: expected {}{where_}",
                last + 1
            ),
        ));
    }
    // Paragraph numbers an extraction glued into this paragraph's text
    // (`... Development.2 2. We acknowledge ...`) count as written.
    st.prev = Some((b.part, glued_numbers(src, b, *n)));
}

/// The last of the numbers `n + 1`, `n + 2` ... that follow one another in
/// the text of paragraph `b` (numbered `n`), each right after a sentence's
/// end (a trailing footnote reference allowed) and before a capital: `n`
/// when there is none.
fn glued_numbers(src: &str, b: &Block, n: u32) -> u32 {
    let mut last = n;
    for r in b.lines.iter() {
        let start = b.text_start(&r);
        if start >= r.end {
            continue;
        }
        let line = &src[start..r.end];
        let mut at = 0;
        loop {
            let want = format!(" {}. ", last + 1);
            let Some(p) = line[at..].find(&want) else {
                break;
            };
            let p = at + p;
            let before = line[..p].trim_end_matches(|c: char| c.is_ascii_digit());
            let after = &line[p + want.len()..];
            if before.ends_with(['.', ';', ':']) && after.starts_with(char::is_uppercase) {
                last += 1;
            }
            at = p + want.len();
        }
    }
    last
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

/// The sub-paragraphs of one parent seen so far (those of a parent follow
/// it, before the next parent's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubGroup {
    parent: usize,
    /// Block indices, in text order.
    subs: Vec<usize>,
    /// Whether one of them lies outside annexes and closing notes (only
    /// those parents are checked).
    checked: bool,
}

impl SubGroup {
    /// Whether `f` holds for each of its block indices.
    pub fn all_blocks(&self, f: impl Fn(usize) -> bool) -> bool {
        f(self.parent) && self.subs.iter().all(|&i| f(i))
    }

    /// Its block indices mapped by `f`; `None` when one has no image.
    pub fn mapped(&self, f: impl Fn(usize) -> Option<usize>) -> Option<SubGroup> {
        Some(SubGroup {
            parent: f(self.parent)?,
            subs: self.subs.iter().map(|&i| f(i)).collect::<Option<_>>()?,
            checked: self.checked,
        })
    }
}

/// `sub-numbering` for block `i`: a sub-paragraph of another parent closes
/// (and checks) the group before it.
pub fn sub_step(
    src: &str,
    doc: &Document,
    group: &mut Option<SubGroup>,
    i: usize,
    out: &mut Vec<Diagnostic>,
) {
    let b = &doc.blocks[i];
    if b.kind != BlockKind::SubParagraph {
        return;
    }
    let Some(parent) = b.parent() else { return };
    let checked = !matches!(b.part, Part::Annex(_) | Part::Closing);
    match group {
        Some(g) if g.parent == parent => {
            g.subs.push(i);
            g.checked |= checked;
        }
        _ => {
            sub_end(src, doc, group, out);
            *group = Some(SubGroup {
                parent,
                subs: vec![i],
                checked,
            });
        }
    }
}

/// Checks the open group (after the last block, or before another's).
pub fn sub_end(src: &str, doc: &Document, group: &mut Option<SubGroup>, out: &mut Vec<Diagnostic>) {
    if let Some(g) = group.take() {
        if g.checked {
            let subs: Vec<&Block> = g.subs.iter().map(|&i| &doc.blocks[i]).collect();
            check_subs(src, &subs, out);
        }
    }
}

fn check_subs(src: &str, subs: &[&Block], out: &mut Vec<Diagnostic>) {
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
        let first = b.lines.first().unwrap_or_default();
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
        return;
    }
    let mut last = [0u32; 5];
    for b in subs {
        let (Some(m), Some(range)) = (&b.marker, b.marker_range()) else {
            continue;
        };
        let MarkerKind::Sub { level, ordinal } = m.kind else {
            continue;
        };
        let l = level as usize;
        let expected = last[l] + 1;
        if ordinal != expected {
            out.push(Diagnostic::new(
                Code::SubNumbering,
                range.clone(),
                format!(
                    "sub-paragraph {}: expected {}",
                    &src[range.clone()],
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
