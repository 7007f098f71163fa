//! `numbering` and `sub-numbering`: operative paragraphs count 1, 2, 3 ...
//! (each annex restarting at 1); sub-paragraph markers run (a), (b) ... at
//! each level under their paragraph.

use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::parser::lines::{to_letter, to_roman};
use std::ops::Range;

use crate::syntax::{Block, BlockKind, Document, MarkerKind, Part};

/// Where the operative numbering stands before a block.
///
/// The count is read twice: in the order of the numbers (the blocks'), and
/// in the order of the texts. The two differ only where an extraction set a
/// page's numbers out apart from their texts (`2.` `3.`, then `1. Calls
/// ...` and the texts of 2 and 3; or the texts out of their numbers'
/// order). Where they differ, a stretch (from the first paragraph whose
/// text comes after a later block, until the readings agree again) is
/// reported only when it reads in neither order, as the numbers stand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Numbers {
    /// The count in the numbers' order.
    by_marker: Count,
    /// The count in the texts' order.
    by_text: Count,
    /// Numbered paragraphs whose text starts below their number's line and
    /// after later blocks' starts, in the order of their texts, each
    /// counted once the walk is past its text.
    waiting: Vec<Numbered>,
    /// The diagnostics of each reading in the stretch where they differ.
    held: Option<(Vec<Diagnostic>, Vec<Diagnostic>)>,
    /// The resolution of the document these belong to: each restarts.
    resolution: u16,
}

/// One reading of the count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Count {
    /// The part and number (as written) of the last numbered paragraph.
    prev: Option<(Part, u32)>,
    /// An annex whose numbered items do not start at 1 is a list of codes
    /// or extracts, not numbered paragraphs.
    skip_part: Option<Part>,
}

/// A numbered paragraph, as the count reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Numbered {
    /// Where its text starts.
    text: usize,
    part: Part,
    n: u32,
    suffix: Option<String>,
    marker: Range<usize>,
    /// The count after it (`glued_numbers`).
    last: u32,
}

impl Numbers {
    /// Whether both readings agree, with nothing waiting or held: the state
    /// then holds no offset in the text.
    pub fn settled(&self) -> bool {
        self.waiting.is_empty() && self.held.is_none()
    }
}

/// `numbering` for one block.
pub fn operative(src: &str, b: &Block, st: &mut Numbers, out: &mut Vec<Diagnostic>) {
    if b.resolution != st.resolution {
        end(st, out);
        *st = Numbers {
            resolution: b.resolution,
            ..Numbers::default()
        };
    }
    let mut by_marker = Vec::new();
    let mut by_text = Vec::new();
    // The paragraphs whose texts came before this block's start.
    let at = b.span().start;
    let past = st.waiting.partition_point(|w| w.text < at);
    for w in st.waiting.drain(..past).collect::<Vec<_>>() {
        st.by_text.check(&w, &mut by_text);
    }
    if let Some(last) = heading_glued(src, b, st) {
        // Both readings agree here (`heading_glued` asks it).
        st.by_marker.prev = Some((b.part, last));
        st.by_text.prev = Some((b.part, last));
    }
    if let Some(w) = numbered(src, b) {
        st.by_marker.check(&w, &mut by_marker);
        let first = b.lines.first().unwrap_or_default();
        if w.text <= first.end && st.waiting.is_empty() {
            st.by_text.check(&w, &mut by_text);
        } else {
            let k = st.waiting.partition_point(|x| x.text <= w.text);
            st.waiting.insert(k, w);
        }
    }
    let agree = st.waiting.is_empty() && st.by_marker == st.by_text;
    match (&mut st.held, agree) {
        (None, true) => out.append(&mut by_marker),
        (held, _) => {
            let (m, t) = held.get_or_insert_with(Default::default);
            m.append(&mut by_marker);
            t.append(&mut by_text);
            if agree {
                close(st, out);
            }
        }
    }
}

/// After the last block: the paragraphs still waiting are counted, and a
/// stretch where the readings differ is closed.
pub fn end(st: &mut Numbers, out: &mut Vec<Diagnostic>) {
    let mut by_text = Vec::new();
    for w in std::mem::take(&mut st.waiting) {
        st.by_text.check(&w, &mut by_text);
    }
    if !by_text.is_empty() || st.held.is_some() {
        st.held
            .get_or_insert_with(Default::default)
            .1
            .append(&mut by_text);
    }
    close(st, out);
}

/// Ends a stretch where the readings differ: its diagnostics in the
/// numbers' order stand when the texts' order has some too.
fn close(st: &mut Numbers, out: &mut Vec<Diagnostic>) {
    if let Some((mut m, t)) = st.held.take() {
        if !t.is_empty() {
            out.append(&mut m);
        }
    }
    st.by_text = st.by_marker.clone();
}

/// Block `b` as the count reads it, when it is a numbered paragraph.
fn numbered(src: &str, b: &Block) -> Option<Numbered> {
    let numbered_kind = match b.part {
        Part::Operative => b.kind == BlockKind::Operative,
        Part::Annex(_) => b.kind == BlockKind::AnnexParagraph,
        _ => false,
    };
    if !numbered_kind {
        return None;
    }
    let (Some(m), Some(marker)) = (&b.marker, b.marker_range()) else {
        return None;
    };
    let MarkerKind::Number { n, suffix } = &m.kind else {
        return None;
    };
    Some(Numbered {
        text: text_start(src, b),
        part: b.part,
        n: *n,
        suffix: suffix.clone(),
        marker,
        last: glued_numbers(src, b, *n),
    })
}

impl Count {
    /// `numbering` for one paragraph, next in this reading.
    fn check(&mut self, w: &Numbered, out: &mut Vec<Diagnostic>) {
        let n = w.n;
        let last = match self.prev {
            Some((part, last)) if part == w.part => last,
            _ => {
                if matches!(w.part, Part::Annex(_)) && n != 1 {
                    self.skip_part = Some(w.part);
                }
                0
            }
        };
        if self.skip_part == Some(w.part) {
            return;
        }
        if let Some(suffix) = &w.suffix {
            // `5 bis` keeps its neighbour's number.
            if n != last {
                out.push(Diagnostic::new(
                    Code::Numbering,
                    w.marker.clone(),
                    format!(
                        "`{n} {suffix}` should follow paragraph {n}, but follows paragraph {last}"
                    ),
                ));
            }
            return;
        }
        if n != last + 1 {
            let where_ = match w.part {
                Part::Annex(_) => " (annex paragraphs restart at 1)",
                _ => "",
            };
            out.push(Diagnostic::new(
                Code::Numbering,
                w.marker.clone(),
                format!(
                    "operative paragraph numbered {n}: expected {}{where_}",
                    last + 1
                ),
            ));
        }
        // Paragraph numbers an extraction glued into this paragraph's text
        // (`... Development.2 2. We acknowledge ...`) count as written.
        self.prev = Some((w.part, w.last));
    }
}

/// The count after an unnumbered block that opens with a heading an
/// extraction glued to the next paragraph (`Global context and shared
/// commitments 3. We gather ...`, `II. Implementation of the Programme 13.
/// We strongly commit ...`): the number must be the next expected, right
/// after the heading's words and before a capital. The heading is the
/// block's text before it: a short run of words with no sentence's
/// punctuation but a leading section marker (`II.`, `A.`), starting with a
/// capital. `None` elsewhere, or where the two readings of the count differ.
fn heading_glued(src: &str, b: &Block, st: &Numbers) -> Option<u32> {
    let glued_kind = match b.part {
        Part::Operative => matches!(b.kind, BlockKind::SectionHeading | BlockKind::Unknown),
        Part::Annex(_) => matches!(
            b.kind,
            BlockKind::AnnexParagraph | BlockKind::SectionHeading
        ),
        _ => false,
    };
    if !glued_kind || b.marker.is_some() || !st.waiting.is_empty() || st.by_marker != st.by_text {
        return None;
    }
    let (part, last) = st.by_marker.prev?;
    if part != b.part || st.by_marker.skip_part == Some(b.part) {
        return None;
    }
    let want = format!(" {}. ", last + 1);
    let mut heading = String::new();
    for r in b.lines.iter() {
        let start = b.text_start(&r);
        if start >= r.end {
            continue;
        }
        let line = &src[start..r.end];
        if let Some(p) = line.find(&want) {
            heading.push_str(&line[..p]);
            let after = &line[p + want.len()..];
            let words = heading.split_whitespace().count();
            let head = heading.trim_start();
            let head = head
                .split_once(' ')
                .filter(|(m, _)| is_section_marker(m))
                .map_or(head, |(_, rest)| rest);
            let ok = after.starts_with(char::is_uppercase)
                && head.starts_with(char::is_uppercase)
                && (2..=25).contains(&words)
                && !head.contains(['.', ';', ':', '!', '?']);
            return ok.then(|| glued_numbers(src, b, last + 1));
        }
        heading.push_str(line);
        heading.push(' ');
    }
    None
}

/// `II.`, `A.`, `IV`: a section's marker before its heading's words.
fn is_section_marker(m: &str) -> bool {
    let m = m.strip_suffix('.').unwrap_or(m);
    !m.is_empty()
        && (m.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
            || (m.len() == 1 && m.chars().all(|c| c.is_ascii_uppercase())))
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
            // A footnote reference may stand between, glued or after a
            // space (`Future. 16 9. We note ...`).
            let before = line[..p].trim_end_matches(|c: char| c.is_ascii_digit());
            let before = if before.len() < p {
                before.trim_end()
            } else {
                before
            };
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
    // In the order of the markers, or else of the texts: an extraction may
    // set markers out before their texts, and before other items (`(e)`,
    // then `(d) Requesting ...` and the text of (e)), or the texts out of
    // their markers' order (`(e)` `(f)` `(g) Verification ...`, then the
    // texts of (e) and (f)). Only a list that reads in neither order is
    // reported (as the markers stand).
    let mut by_marker = Vec::new();
    sub_sequence(src, subs, &mut by_marker);
    if by_marker.is_empty() {
        return;
    }
    let mut by_text = subs.to_vec();
    by_text.sort_by_key(|b| text_start(src, b));
    if by_text.iter().zip(subs).any(|(a, b)| !std::ptr::eq(*a, *b)) {
        let mut other = Vec::new();
        sub_sequence(src, &by_text, &mut other);
        if other.is_empty() {
            return;
        }
    }
    out.append(&mut by_marker);
}

/// `sub-numbering` for the markers of `subs`, in that order.
fn sub_sequence(src: &str, subs: &[&Block], out: &mut Vec<Diagnostic>) {
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

/// Where block `b`'s text starts: its first line with words after the
/// marker (not the footnote numbers an extraction set on lines of their
/// own); the block's start when it has none.
fn text_start(src: &str, b: &Block) -> usize {
    (b.lines.iter())
        .find(|r| src[b.text_start(r)..r.end].contains(char::is_alphabetic))
        .map_or_else(|| b.span().start, |r| b.text_start(&r))
}
