//! `terminator`: a preambular paragraph ends with `,`; an operative paragraph
//! with `;`, the last one with `.`; sub-paragraphs likewise; a paragraph that
//! introduces sub-paragraphs with `:`.

use crate::diagnostic::{Code, Diagnostic, TextEdit};
use crate::syntax::parser::lines::{self, final_char};
use crate::syntax::{Block, BlockKind, Document, Part};
use std::ops::Range;

/// Where the terminator check stands before a block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    /// The last body paragraph, whose check waits for the next one (it
    /// decides whether it introduces sub-paragraphs).
    paragraph: Option<usize>,
    /// Whether an operative paragraph came in the body so far.
    operative_seen: bool,
    /// A paragraph whose number an extraction set before the end of the
    /// previous paragraph's list (`2.` then `(c)`): its text follows that
    /// list, and so is checked after it.
    deferred: Option<usize>,
}

impl Pending {
    /// Whether `f` holds for its block index.
    pub fn all_blocks(&self, f: impl Fn(usize) -> bool) -> bool {
        self.paragraph.is_none_or(&f) && self.deferred.is_none_or(&f)
    }

    /// Its block index mapped by `f`; `None` when that block has no image.
    pub fn mapped(&self, f: impl Fn(usize) -> Option<usize>) -> Option<Pending> {
        Some(Pending {
            paragraph: match self.paragraph {
                Some(p) => Some(f(p)?),
                None => None,
            },
            operative_seen: self.operative_seen,
            deferred: match self.deferred {
                Some(p) => Some(f(p)?),
                None => None,
            },
        })
    }
}

/// The body's paragraphs (sub-paragraphs included): what this check reads.
fn in_body(b: &Block) -> bool {
    b.kind.is_paragraph() && matches!(b.part, Part::Preamble | Part::Operative)
}

/// `terminator` at block `i`: checks the body paragraph before it, now that
/// it is known what follows that one.
pub fn step(src: &str, doc: &Document, st: &mut Pending, i: usize, out: &mut Vec<Diagnostic>) {
    let b = &doc.blocks[i];
    if !in_body(b) {
        return;
    }
    // A sub-paragraph of a paragraph before `p`, right after `p`: `p`'s
    // number came before the end of that one's list.
    let displaced = |p: usize| {
        b.kind == BlockKind::SubParagraph
            && b.parent().is_some_and(|h| h < p)
            && doc.blocks[p].kind != BlockKind::SubParagraph
            && doc.blocks[p].resolution == b.resolution
    };
    // A preambular paragraph after an operative one: an extraction set the
    // numbers out before the preamble's last text. It ends the preamble
    // and introduces no list; what follows it belongs to the operative one.
    if b.kind == BlockKind::Preambular
        && b.part == Part::Preamble
        && st.paragraph.is_some_and(|p| {
            doc.blocks[p].kind == BlockKind::Operative && doc.blocks[p].resolution == b.resolution
        })
    {
        paragraph(src, doc, i, None, false, out);
        return;
    }
    if let Some(d) = st.deferred.filter(|&d| !displaced(d)) {
        // The list is over: its last paragraph is followed by `d`.
        if let Some(p) = st.paragraph {
            paragraph(src, doc, p, Some(&doc.blocks[d]), false, out);
        }
        st.paragraph = Some(d);
        st.deferred = None;
    }
    if st.deferred.is_none() {
        // A number alone on its first line: its text may come after the
        // rest of the previous paragraph's list; wait and see.
        let number_alone = b.kind != BlockKind::SubParagraph && number_alone(src, b);
        if number_alone
            && st
                .paragraph
                .is_some_and(|p| doc.blocks[p].resolution == b.resolution)
        {
            st.deferred = Some(i);
            st.operative_seen |= b.kind == BlockKind::Operative;
            return;
        }
        if let Some(p) = st.paragraph.filter(|&p| displaced(p)) {
            st.deferred = Some(p);
            st.paragraph = None;
        }
    }
    if let Some(p) = st.paragraph {
        if doc.blocks[p].resolution != b.resolution {
            // The previous resolution's last paragraph.
            paragraph(src, doc, p, None, st.operative_seen, out);
            st.operative_seen = false;
        } else {
            paragraph(src, doc, p, Some(b), false, out);
        }
    }
    st.paragraph = Some(i);
    st.operative_seen |= b.kind == BlockKind::Operative;
}

/// After the last block: the last body paragraph, which ends the
/// resolution's operative part if there is one.
pub fn end(src: &str, doc: &Document, st: &mut Pending, out: &mut Vec<Diagnostic>) {
    if let Some(d) = st.deferred.take() {
        if let Some(p) = st.paragraph.replace(d) {
            paragraph(src, doc, p, Some(&doc.blocks[d]), false, out);
        }
    }
    if let Some(p) = st.paragraph.take() {
        paragraph(src, doc, p, None, st.operative_seen, out);
    }
}

fn paragraph(
    src: &str,
    doc: &Document,
    i: usize,
    next: Option<&Block>,
    is_last: bool,
    out: &mut Vec<Diagnostic>,
) {
    let b = &doc.blocks[i];
    // A deeper sub-paragraph is `b`'s when its text comes right after
    // `b`'s; markers set out in a column before their texts (`(i)`, `(ii)`
    // under `(b)` while `(c)` to `(h)` wait) are found by their texts.
    let deeper = |n: &Block| {
        n.kind == BlockKind::SubParagraph
            && b.kind == BlockKind::SubParagraph
            && n.level > b.level
            && n.parent() == b.parent()
    };
    let has_subs = next.is_some_and(|n| n.kind == BlockKind::SubParagraph && n.parent() == Some(i))
        || next
            .is_some_and(|n| deeper(n) && (text_on_marker_line(src, n) || text_follows(src, b, n)))
        || (b.kind == BlockKind::SubParagraph
            && next.is_some_and(|n| !deeper(n))
            && doc.blocks[i + 1..]
                .iter()
                .take(32)
                .filter(|n| deeper(n) && !text_on_marker_line(src, n))
                .any(|n| text_follows(src, b, n)));
    // An operative paragraph whose list an extraction set out after the
    // numbers and texts of the paragraphs that follow it (a column of
    // numbers, then the texts): its items hold it as their parent, and its
    // colon is right. (Only a colon is spared: which paragraph holds the
    // items of such a column is less sure than a colon.)
    let later_subs = || {
        b.kind == BlockKind::Operative
            && number_alone(src, b)
            && doc.blocks[i + 1..]
                .iter()
                .take(64)
                .take_while(|n| n.resolution == b.resolution)
                .any(|n| n.kind == BlockKind::SubParagraph && n.parent() == Some(i))
    };
    let unmarked_sub = b.kind == BlockKind::SubParagraph && b.marker.is_none();
    if unmarked_sub {
        return; // markers lost in extraction: one sub-numbering says it
    }
    let in_preamble = b.kind == BlockKind::Preambular
        || (b.kind == BlockKind::SubParagraph
            && b.parent()
                .is_some_and(|p| doc.blocks[p].kind == BlockKind::Preambular));
    if b.kind == BlockKind::Preambular && b.part == Part::Operative {
        return; // a structure error says it
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
        return;
    };
    // `; and` / `; or` between sub-paragraphs.
    if b.kind == BlockKind::SubParagraph && !is_last && ends_with_conjunction(src, b) {
        return;
    }
    if expected.contains(&c) || (c == ':' && !has_subs && later_subs()) {
        return;
    }
    // Before sub-paragraphs an older text may leave the colon out.
    if has_subs && !matches!(c, ',' | ';' | '.') {
        return;
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
            // A wrong mark has one right one: safe for `--fix`. A missing
            // one may be a cut paragraph, for the reader to judge.
            .with_safe_fix(
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

/// The byte offset and character of the paragraph's final punctuation (or
/// last character), trailing references, quotes and brackets skipped.
fn last_char(src: &str, b: &Block) -> Option<(usize, char)> {
    let marker = b.marker_range();
    let own = &b.lines;
    if b.displaced_tail {
        // Its last line set above it (`session,1`).
        return final_of_line(src, own.first()?);
    }
    let n = own.len();
    // Displaced words that an extraction set after the paragraph, each after
    // a blank line: when the text before them ends with its punctuation, it
    // is the paragraph's end.
    let mut end = n;
    while let (Some(r), Some(before)) = (
        end.checked_sub(1).and_then(|k| own.get(k)),
        end.checked_sub(2).and_then(|k| own.get(k)),
    ) {
        let gap = &src[before.end.min(r.start)..r.start];
        let line = &src[r.clone()];
        // The last piece of the line ends without the gap, after a piece
        // that has it.
        let last_piece = end == n
            && lines::displaced_fragment(&src[before.clone()])
            && line.trim_start().starts_with(char::is_lowercase)
            && lines::few_words(line)
            && !lines::ends_finished(line.trim());
        // A last line that ends with `;`, `.` or `:` ends the paragraph,
        // whatever space follows it (pymupdf4llm ends every line with one:
        // `national, regional and international levels; `).
        let ends_it = end == n && matches!(final_char(line.trim()), Some((_, ';' | '.' | ':')));
        if !(lines::displaced_fragment(line) || last_piece)
            || ends_it
            || gap.matches('\n').count() < 2
        {
            break;
        }
        end -= 1;
    }
    let text_before = |r: Range<usize>| {
        let t = src[r.clone()].trim();
        let marker_alone = marker
            .as_ref()
            .is_some_and(|m| r.contains(&m.start) && t.len() == m.len());
        !marker_alone && !lines::footnote_numbers_alone(t) && lines::ends_finished(t)
    };
    if end == n || !own.get(end - 1).is_some_and(text_before) {
        end = n;
    }
    for (k, r) in own.iter().take(end).enumerate().rev() {
        let line = &src[r.clone()];
        let t = line.trim();
        // A number alone on the last line is a footnote reference that an
        // extraction set on a line of its own; the paragraph's number alone
        // there was set out after its text.
        let marker_alone = marker
            .as_ref()
            .is_some_and(|m| k > 0 && r.contains(&m.start) && t.len() == m.len());
        if t.is_empty() || marker_alone || (k > 0 && lines::footnote_numbers_alone(t)) {
            continue;
        }
        return final_of_line(src, r);
    }
    None
}

/// The byte offset and character of line `r`'s final punctuation (or last
/// character).
fn final_of_line(src: &str, r: Range<usize>) -> Option<(usize, char)> {
    let line = &src[r.clone()];
    let (off, c) = final_char(line.trim())?;
    Some((r.start + (line.len() - line.trim_start().len()) + off, c))
}

/// Whether the block's marker is alone on its first line (a number set out
/// in a column, its text further down).
fn number_alone(src: &str, b: &Block) -> bool {
    b.marker_range().is_some_and(|m| {
        b.lines
            .first()
            .is_some_and(|r| r.contains(&m.start) && src[m.end..r.end].trim().is_empty())
    })
}

/// Whether block `n`'s text starts on its marker's line.
fn text_on_marker_line(src: &str, n: &Block) -> bool {
    n.lines.first().is_some_and(|r| {
        n.text_start(&r) < r.end && !src[n.text_start(&r)..r.end].trim().is_empty()
    })
}

/// Whether `n`'s text comes right after `b`'s: only blank lines and lines
/// that hold a marker alone between them.
fn text_follows(src: &str, b: &Block, n: &Block) -> bool {
    let has_text =
        |b: &Block, r: &std::ops::Range<usize>| !src[b.text_start(r)..r.end].trim().is_empty();
    // `b`'s last line with text: a marker set out at the page's end
    // (`Parser::sub_orphan`) is a line of its own after it.
    let (Some(end), Some(text)) = (
        b.lines.iter().rev().find(|r| has_text(b, r)).map(|r| r.end),
        n.lines.iter().find(|r| has_text(n, r)).map(|r| r.start),
    ) else {
        return false;
    };
    end <= text
        && src[end..text].lines().all(|l| {
            let t = l.trim();
            t.is_empty()
                || lines::sub_marker(t).is_some_and(|(len, _, _)| t[len..].trim().is_empty())
                || lines::op_number(t).is_some_and(|(len, _, _)| t[len..].trim().is_empty())
        })
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
