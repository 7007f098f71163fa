//! A document's edits since its last snapshot as one span, and the next
//! text made from the previous one in place.

use std::sync::Arc;

use ropey::Rope;

use crate::syntax::EditSpan;
use crate::text::{self, LineIndex};

/// The span of `prev` (old text to current) grown by an edit of the current
/// text (`start..end` replaced by `len` bytes): one span from the old text to
/// the new.
pub(super) fn merge_edit(prev: Option<EditSpan>, start: usize, end: usize, len: usize) -> EditSpan {
    match prev {
        None => EditSpan {
            start,
            old_end: end,
            new_end: start + len,
        },
        Some(p) => {
            // The union of both, in the current text's offsets.
            let lo = p.start.min(start);
            let hi = p.new_end.max(end);
            EditSpan {
                start: lo,
                old_end: hi - p.new_end + p.old_end,
                new_end: hi + len - (end - start),
            }
        }
    }
}

/// The text of `rope` and its line index, made from the previous snapshot's
/// (see [`edited_text`]; the index is edited in place when no one else
/// holds it, see [`LineIndex::edit`]).
pub(super) fn next_text(
    old: Arc<String>,
    old_index: Arc<LineIndex>,
    rope: &Rope,
    edit: &EditSpan,
) -> (String, Arc<LineIndex>) {
    let text = edited_text(old, rope, edit);
    let index = edited_index(old_index, &text, edit);
    (text, index)
}

/// The line index of `text` made from the previous one (in place when no
/// one else holds it).
fn edited_index(old_index: Arc<LineIndex>, text: &str, edit: &EditSpan) -> Arc<LineIndex> {
    let index = match Arc::try_unwrap(old_index) {
        Ok(mut index) => {
            index.edit(text, edit.start, edit.old_end, edit.new_end);
            index
        }
        Err(shared) => shared.edited(text, edit.start, edit.old_end, edit.new_end),
    };
    Arc::new(index)
}

/// The text of `rope`, made from the previous snapshot's text (`old`) and
/// the span of the edits since: in place when the old text is no longer
/// shared, so that a keystroke copies no more than the tail of the text.
fn edited_text(old: Arc<String>, rope: &Rope, edit: &EditSpan) -> String {
    let fits = edit.start <= edit.old_end
        && edit.old_end <= old.len()
        && edit.start <= edit.new_end
        && edit.new_end <= rope.len_bytes()
        && old.len() - (edit.old_end - edit.start) + (edit.new_end - edit.start)
            == rope.len_bytes()
        && old.is_char_boundary(edit.start)
        && old.is_char_boundary(edit.old_end);
    let inserted = fits
        .then(|| rope.get_byte_slice(edit.start..edit.new_end))
        .flatten();
    let Some(inserted) = inserted else {
        return text::rope::to_string(rope);
    };
    let inserted = inserted.to_string();
    let text = match Arc::try_unwrap(old) {
        Ok(mut text) => {
            // Room for typing grows by a sixty-fourth of the text, not by
            // doubling it.
            let grow = rope.len_bytes().saturating_sub(text.capacity());
            if grow > 0 {
                text.reserve_exact(grow + rope.len_bytes() / 64);
            }
            text::splice(&mut text, edit.start..edit.old_end, &inserted);
            text
        }
        Err(shared) => {
            let mut text = String::with_capacity(rope.len_bytes());
            text.push_str(&shared[..edit.start]);
            text.push_str(&inserted);
            text.push_str(&shared[edit.old_end..]);
            text
        }
    };
    debug_assert!(text == *rope, "the edit span does not describe the edits");
    text
}

#[cfg(test)]
mod tests {
    use super::merge_edit;

    /// A merged span is a valid edit from the first text to the last: both
    /// agree before its start and after its ends.
    #[test]
    fn merged_spans_cover_every_edit() {
        let mut seed = 0x1234_5678_9abc_def0u64;
        let mut rnd = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..300 {
            let old = "abcdefghijklmnopqrstuvwxyz0123456789".to_string();
            let mut cur = old.clone();
            let mut span = None;
            for _ in 0..1 + rnd(5) {
                let a = rnd(cur.len() + 1);
                let b = a + rnd(cur.len() + 1 - a);
                let ins = &"XYZW"[..rnd(5)];
                cur.replace_range(a..b, ins);
                span = Some(merge_edit(span, a, b, ins.len()));
            }
            let e = span.unwrap();
            assert!(e.start <= e.old_end && e.old_end <= old.len() && e.new_end <= cur.len());
            assert_eq!(old[..e.start], cur[..e.start]);
            assert_eq!(old[e.old_end..], cur[e.new_end..], "{e:?} {old} {cur}");
        }
    }
}
