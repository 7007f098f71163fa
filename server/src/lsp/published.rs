//! A document's own diagnostics as the client receives them, serialised once
//! per snapshot, and the `publishDiagnostics` notification built from them.
//!
//! A long draft carries thousands of diagnostics and a keystroke changes a
//! few: each diagnostic's JSON is kept with the snapshot, and the next
//! snapshot re-uses the JSON of every diagnostic that the analysis says is an
//! old one (same code, severity and messages) and that has the same client
//! positions, so a keystroke serialises only what changed. The notification is written as text and
//! sent straight to the transport, not through `serde_json::Value`.
//!
//! The items are kept in chunks of up to [`CHUNK`], shared between
//! snapshots (`Arc`), each with its items' JSON joined and a byte shift that
//! applies to all its items: a chunk whose items all stand where the edit
//! moved no client position is taken over whole, its shift moved by the
//! edit, so that a keystroke writes nothing for it (no per-item reference
//! count, no copy of its items), the notification copies its JSON in one
//! piece, and dropping the previous snapshot's list frees only the chunks
//! it did not share.

use std::ops::Range;
use std::sync::Arc;

use tower_lsp::lsp_types::{self as lsp, Url};

use super::to_proto::{self, Positions};
use super::transport::{Outgoing, Shared};
use crate::diagnostic::Diagnostic;
use crate::syntax::EditSpan;

/// How many items a chunk holds at most.
const CHUNK: usize = 64;

/// One diagnostic: where it is in its snapshot's text (its chunk's shift
/// added) and for the client, where its related locations are, and where
/// its JSON is in its chunk's.
#[derive(Debug, Clone)]
struct Item {
    bytes: Range<usize>,
    start: lsp::Position,
    end: lsp::Position,
    related: Box<[Place]>,
    json: Range<usize>,
}

/// A related location: its bytes (its chunk's shift added) and its range
/// for the client.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    bytes: Range<usize>,
    range: lsp::Range,
}

/// Consecutive items and their JSON, joined by commas.
#[derive(Debug, Default)]
struct Chunk {
    items: Vec<Item>,
    json: Vec<u8>,
}

impl Chunk {
    fn push(&mut self, mut item: Item, json: &[u8]) {
        if !self.items.is_empty() {
            self.json.push(b',');
        }
        let at = self.json.len();
        self.json.extend_from_slice(json);
        item.json = at..self.json.len();
        self.items.push(item);
    }
}

/// A chunk as one snapshot holds it: its items' bytes are theirs plus
/// `shift`.
#[derive(Debug, Clone)]
struct Part {
    chunk: Arc<Chunk>,
    shift: isize,
}

fn shifted(r: &Range<usize>, shift: isize) -> Range<usize> {
    r.start.wrapping_add_signed(shift)..r.end.wrapping_add_signed(shift)
}

/// The own diagnostics of one snapshot (those its analysis found), in the
/// analysis's order.
#[derive(Debug, Default)]
pub struct OwnDiagnostics {
    parts: Vec<Part>,
    /// The line count of the text they were made for.
    lines: usize,
    /// How many items were serialised, and how many chunks taken over
    /// whole, when this was built (for the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    serialised: usize,
    #[cfg_attr(not(test), allow(dead_code))]
    shared: usize,
}

fn key(p: lsp::Position) -> (u32, u32) {
    (p.line, p.character)
}

/// Where an edit left the client's positions of the previous snapshot's
/// byte offsets as they were.
struct Unmoved {
    /// Offsets before the edit's start: the same offset, the same position.
    before: usize,
    /// Offsets from the start of the line after the edit's (in the new
    /// text) on, when the edit left the line count as it was: the old
    /// offset moved by `shift`, the same line and column. The lines there
    /// are the old ones, their breaks recognised the same (a break at or
    /// after that line's start depends on no byte before it), and with as
    /// many lines in all as many after each of them.
    after: Option<(usize, isize)>,
}

impl Unmoved {
    /// Whether `new`, in the new text, is `old` of the previous one at
    /// the same client positions.
    fn same(&self, new: &Range<usize>, old: &Range<usize>) -> bool {
        (new.end < self.before && new == old)
            || self.after.is_some_and(|(from, shift)| {
                new.start >= from
                    && new.start == old.start.wrapping_add_signed(shift)
                    && new.end == old.end.wrapping_add_signed(shift)
            })
    }

    /// The shift that a chunk whose items are the old ones `old` (at their
    /// bytes plus `shift`), all at the same client positions as before,
    /// takes in the new text: its old shift when every range is the old
    /// one before the edit, moved by the edit when every range lies after
    /// it; `None` when some item is not such, or the chunk straddles both.
    fn chunk_shift(&self, new: &[Diagnostic], old: &[Item], shift: isize) -> Option<isize> {
        let mut kept = true;
        let mut moved = self.after.is_some();
        let moved_by = self.after.map_or(0, |(_, d)| d);
        let mut check = |n: &Range<usize>, o: &Range<usize>| {
            let o = shifted(o, shift);
            kept &= n.end < self.before && *n == o;
            moved &= self
                .after
                .is_some_and(|(from, d)| n.start >= from && *n == shifted(&o, d));
            kept || moved
        };
        let all = new.iter().zip(old).all(|(d, o)| {
            d.related.len() == o.related.len()
                && check(&d.range, &o.bytes)
                && d.related
                    .iter()
                    .zip(o.related.iter())
                    .all(|(r, p)| check(&r.range, &p.bytes))
        });
        match (all, kept, moved) {
            (true, true, _) => Some(shift),
            (true, false, true) => Some(shift.wrapping_add(moved_by)),
            _ => None,
        }
    }
}

/// Where each old item is: the index of its part, and of the part's first
/// item in the whole list.
struct OldList<'a> {
    parts: &'a [Part],
    /// The index in the whole list of each part's first item, and the
    /// list's length last.
    starts: Vec<usize>,
}

impl<'a> OldList<'a> {
    fn new(parts: &'a [Part]) -> OldList<'a> {
        let mut starts = Vec::with_capacity(parts.len() + 1);
        let mut at = 0;
        for p in parts {
            starts.push(at);
            at += p.chunk.items.len();
        }
        starts.push(at);
        OldList { parts, starts }
    }

    /// The part that item `k` begins, if one does.
    fn part_at(&self, k: usize) -> Option<usize> {
        let p = self.starts.partition_point(|&s| s < k);
        (p < self.parts.len() && self.starts[p] == k).then_some(p)
    }

    /// Item `k`, its chunk and its chunk's shift.
    fn item(&self, k: usize) -> Option<(&'a Item, &'a Chunk, isize)> {
        if k >= *self.starts.last()? {
            return None;
        }
        let p = self.starts.partition_point(|&s| s <= k) - 1;
        let part = &self.parts[p];
        Some((
            &part.chunk.items[k - self.starts[p]],
            &part.chunk,
            part.shift,
        ))
    }
}

impl OwnDiagnostics {
    /// The diagnostics of `diagnostics` (an analysis's own: their related
    /// locations are in the same document). `prev` is the previous
    /// snapshot's: what was made of its diagnostics, and the edit from its
    /// text to this one; `was(i)` is the index in that list of the
    /// diagnostic at `i` when it says the same (same code, severity and
    /// messages), as the analysis tells. Its positions are not taken on
    /// trust: an old item is re-used whole only when its bytes, moved by the
    /// edit, are the new ones and lie where the edit moved no position
    /// (before the edit, or on a later line when the line count stayed);
    /// elsewhere the positions are converted and its JSON re-used when they
    /// are equal. A whole chunk of such items, in the same order, is taken
    /// over as it is.
    pub fn build(
        here: &Positions,
        diagnostics: &[Diagnostic],
        docs_base: Option<&str>,
        was: impl Fn(usize) -> Option<usize>,
        prev: Option<(&OwnDiagnostics, &EditSpan)>,
    ) -> OwnDiagnostics {
        Self::build_in(here, diagnostics, docs_base, was, prev, CHUNK)
    }

    fn build_in(
        here: &Positions,
        diagnostics: &[Diagnostic],
        docs_base: Option<&str>,
        was: impl Fn(usize) -> Option<usize>,
        prev: Option<(&OwnDiagnostics, &EditSpan)>,
        chunk_len: usize,
    ) -> OwnDiagnostics {
        let lines = here.index.line_count();
        let (old_parts, unmoved) = match prev {
            Some((o, edit)) => {
                let after = (o.lines == lines)
                    .then(|| {
                        let next = here.index.line_of(edit.new_end) + 1;
                        here.index.line_range(next).map(|r| r.start)
                    })
                    .flatten()
                    .map(|from| (from, edit.new_end as isize - edit.old_end as isize));
                let unmoved = Unmoved {
                    before: edit.start,
                    after,
                };
                (&o.parts[..], unmoved)
            }
            None => (
                &[][..],
                Unmoved {
                    before: 0,
                    after: None,
                },
            ),
        };
        let old = OldList::new(old_parts);
        let mut parts: Vec<Part> = Vec::with_capacity(old_parts.len() + 1);
        let mut pending = Chunk::default();
        let flush = |pending: &mut Chunk, parts: &mut Vec<Part>| {
            if !pending.items.is_empty() {
                parts.push(Part {
                    chunk: Arc::new(std::mem::take(pending)),
                    shift: 0,
                });
            }
        };
        let (mut serialised, mut shared) = (0, 0);
        let mut line = 0;
        let mut i = 0;
        while i < diagnostics.len() {
            // A whole old chunk, its items in the same order.
            let whole = was(i).and_then(|k| {
                let p = old.part_at(k)?;
                let part = &old_parts[p];
                let items = &part.chunk.items;
                let new = diagnostics.get(i..i + items.len())?;
                let in_order = (1..items.len()).all(|j| was(i + j) == Some(k + j));
                in_order
                    .then(|| unmoved.chunk_shift(new, items, part.shift))
                    .flatten()
                    .map(|shift| Part {
                        chunk: part.chunk.clone(),
                        shift,
                    })
            });
            if let Some(part) = whole {
                flush(&mut pending, &mut parts);
                i += part.chunk.items.len();
                parts.push(part);
                shared += 1;
                continue;
            }
            let d = &diagnostics[i];
            let old_item = was(i).and_then(|k| old.item(k));
            if let Some((o, chunk, shift)) = old_item {
                let related_same = o.related.len() == d.related.len()
                    && d.related
                        .iter()
                        .zip(o.related.iter())
                        .all(|(r, p)| unmoved.same(&r.range, &shifted(&p.bytes, shift)));
                if related_same && unmoved.same(&d.range, &shifted(&o.bytes, shift)) {
                    let item = Item {
                        bytes: d.range.clone(),
                        start: o.start,
                        end: o.end,
                        related: o
                            .related
                            .iter()
                            .zip(&d.related)
                            .map(|(p, r)| Place {
                                bytes: r.range.clone(),
                                range: p.range,
                            })
                            .collect(),
                        json: 0..0,
                    };
                    pending.push(item, &chunk.json[o.json.clone()]);
                    if pending.items.len() >= chunk_len {
                        flush(&mut pending, &mut parts);
                    }
                    i += 1;
                    continue;
                }
            }
            let range = here.range_from(&mut line, d.range.clone());
            let related: Box<[Place]> = d
                .related
                .iter()
                .map(|r| Place {
                    bytes: r.range.clone(),
                    range: here.range(r.range.clone()),
                })
                .collect();
            let item = Item {
                bytes: d.range.clone(),
                start: range.start,
                end: range.end,
                related,
                json: 0..0,
            };
            match old_item {
                Some((o, chunk, _))
                    if o.start == range.start
                        && o.end == range.end
                        && o.related.len() == item.related.len()
                        && o.related
                            .iter()
                            .zip(item.related.iter())
                            .all(|(a, b)| a.range == b.range) =>
                {
                    pending.push(item, &chunk.json[o.json.clone()]);
                }
                _ => {
                    let converted = to_proto::diagnostic(here, d, docs_base, &mut |_| None);
                    let json = serde_json::to_vec(&converted).unwrap_or_else(|_| b"{}".to_vec());
                    pending.push(item, &json);
                    serialised += 1;
                }
            }
            if pending.items.len() >= chunk_len {
                flush(&mut pending, &mut parts);
            }
            i += 1;
        }
        flush(&mut pending, &mut parts);
        OwnDiagnostics {
            parts,
            lines,
            serialised,
            shared,
        }
    }

    /// The body of `textDocument/publishDiagnostics` for `uri`: these
    /// diagnostics with `cross` (sorted by position) merged in by start, the
    /// own ones first among equal starts. Without `cross` (the usual case)
    /// each chunk's JSON is a piece of the message, shared with this
    /// snapshot and not copied.
    pub fn notification(
        &self,
        uri: &Url,
        cross: &[lsp::Diagnostic],
        version: Option<i32>,
    ) -> Outgoing {
        let mut head = Vec::with_capacity(200);
        head.extend_from_slice(
            br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
        );
        // A URL serialises as a JSON string; writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut head, uri.as_str());
        head.extend_from_slice(br#","diagnostics":["#);
        let mut tail = b"]".to_vec();
        if let Some(v) = version {
            tail.extend_from_slice(format!(r#","version":{v}"#).as_bytes());
        }
        tail.extend_from_slice(b"}}");
        let mut message = Outgoing::from(head);
        if cross.is_empty() {
            for (k, part) in self.parts.iter().enumerate() {
                if k > 0 {
                    message.push_static(b",");
                }
                let chunk: Shared = part.chunk.clone();
                message.push_shared(chunk);
            }
            message.push_owned(tail);
            return message;
        }
        let own_len: usize = self.parts.iter().map(|p| p.chunk.json.len() + 1).sum();
        let mut out = Vec::with_capacity(own_len + 400 * cross.len());
        let mut first = true;
        let mut push = |out: &mut Vec<u8>, json: &[u8]| {
            if !first {
                out.push(b',');
            }
            first = false;
            out.extend_from_slice(json);
        };
        let mut c = 0;
        for part in &self.parts {
            let chunk = &part.chunk;
            if c == cross.len() {
                push(&mut out, &chunk.json);
                continue;
            }
            for item in &chunk.items {
                while c < cross.len() && key(cross[c].range.start) < key(item.start) {
                    let json = serde_json::to_vec(&cross[c]).unwrap_or_default();
                    push(&mut out, &json);
                    c += 1;
                }
                push(&mut out, &chunk.json[item.json.clone()]);
            }
        }
        for d in &cross[c..] {
            let json = serde_json::to_vec(d).unwrap_or_default();
            push(&mut out, &json);
        }
        message.push_owned(out);
        message.push_owned(tail);
        message
    }
}

/// A chunk's JSON, as a piece of a message.
impl AsRef<[u8]> for Chunk {
    fn as_ref(&self) -> &[u8] {
        &self.json
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Related};
    use crate::text::{Encoding, LineIndex};

    fn positions(text: &str) -> Positions {
        Positions {
            uri: Url::parse("file:///d.reso").unwrap(),
            index: Arc::new(LineIndex::new(text)),
            encoding: Encoding::Utf16,
        }
    }

    fn body(own: &OwnDiagnostics, cross: &[lsp::Diagnostic]) -> serde_json::Value {
        let uri = Url::parse("file:///d.reso").unwrap();
        serde_json::from_slice(&own.notification(&uri, cross, Some(7)).to_vec()).unwrap()
    }

    /// The notification equals what the typed conversion would send, and a
    /// rebuilt set after an edit equals one built afresh.
    #[test]
    fn reused_json_equals_a_fresh_conversion() {
        let text = "1. Sresses the point;\n2. Notes é 😀 it;\n3. Decides";
        let here = positions(text);
        let d1 = Diagnostic::new(Code::OpenerUnknown, 3..10, "unknown opener `Sresses`");
        let d2 =
            Diagnostic::new(Code::Terminator, 47..54, "ends without `;`").with_related(Related {
                document: None,
                range: 22..24,
                message: "this paragraph".into(),
            });
        let first = OwnDiagnostics::build(&here, &[d1.clone(), d2.clone()], None, |_| None, None);
        let v = body(&first, &[]);
        assert_eq!(v["method"], "textDocument/publishDiagnostics");
        assert_eq!(v["params"]["version"], 7);
        let expected: Vec<serde_json::Value> = [&d1, &d2]
            .iter()
            .map(|d| {
                serde_json::to_value(to_proto::diagnostic(&here, d, None, &mut |_| None)).unwrap()
            })
            .collect();
        assert_eq!(
            v["params"]["diagnostics"],
            serde_json::Value::Array(expected)
        );

        // Type one character on the first line: d1's end moves, d2 keeps
        // its positions on its line (same JSON object re-used).
        let text2 = "1. Sressses the point;\n2. Notes é 😀 it;\n3. Decides";
        let here2 = positions(text2);
        let mut e1 = d1.clone();
        e1.range.end += 1;
        let mut e2 = d2.clone();
        e2.range = 48..55;
        e2.related[0].range = 23..25;
        let second = OwnDiagnostics::build(
            &here2,
            &[e1.clone(), e2.clone()],
            None,
            Some,
            Some((&first, &EditSpan::between(text, text2).unwrap())),
        );
        assert_eq!(second.serialised, 1, "d1 serialised again, d2 re-used");
        let fresh = OwnDiagnostics::build(&here2, &[e1, e2], None, |_| None, None);
        assert_eq!(body(&second, &[]), body(&fresh, &[]));
    }

    /// After an edit, the diagnostics before it are taken over whole and
    /// the rest converted or matched as usual: the same as a fresh build.
    #[test]
    fn diagnostics_before_the_edit_are_taken_over() {
        let text = "1. Sresses the point;\n2. Notes it;\n3. Decides";
        let here = positions(text);
        let d1 = Diagnostic::new(Code::OpenerUnknown, 3..10, "unknown opener `Sresses`");
        let d2 = Diagnostic::new(Code::Terminator, 43..44, "ends without `.`");
        let first = OwnDiagnostics::build(&here, &[d1.clone(), d2.clone()], None, |_| None, None);
        // A line inserted after the first: d2 moves down a line.
        let text2 = "1. Sresses the point;\nAlso\n2. Notes it;\n3. Decides";
        let here2 = positions(text2);
        let mut e2 = d2.clone();
        e2.range = 48..49;
        let second = OwnDiagnostics::build(
            &here2,
            &[d1.clone(), e2.clone()],
            None,
            Some,
            Some((&first, &EditSpan::between(text, text2).unwrap())),
        );
        assert_eq!(second.serialised, 1, "d1 re-used, d2 serialised again");
        let fresh = OwnDiagnostics::build(&here2, &[d1.clone(), e2.clone()], None, |_| None, None);
        assert_eq!(body(&second, &[]), body(&fresh, &[]));
        // An edit before it: nothing is taken over whole.
        let before = EditSpan {
            start: 2,
            old_end: 2,
            new_end: 7,
        };
        let third = OwnDiagnostics::build(&here2, &[d1, e2], None, Some, Some((&first, &before)));
        assert_eq!(body(&third, &[]), body(&fresh, &[]));
    }

    /// A diagnostic the analysis does not name as an old one is serialised
    /// again, even at the old one's place.
    #[test]
    fn a_new_diagnostic_is_serialised_again() {
        let text = "a\nb\nc";
        let here = positions(text);
        let d = Diagnostic::new(Code::Numbering, 2..3, "expected 2");
        let first = OwnDiagnostics::build(&here, std::slice::from_ref(&d), None, |_| None, None);
        let mut e = d.clone();
        e.message = "expected 3".into();
        let second = OwnDiagnostics::build(
            &here,
            std::slice::from_ref(&e),
            None,
            |_| None,
            Some((
                &first,
                &EditSpan {
                    start: 0,
                    old_end: 0,
                    new_end: 0,
                },
            )),
        );
        assert_eq!(second.serialised, 1);
        assert_eq!(
            body(&second, &[])["params"]["diagnostics"][0]["message"],
            "expected 3"
        );
    }

    #[test]
    fn cross_document_diagnostics_are_merged_by_position() {
        let text = "a\nb\nc";
        let here = positions(text);
        let own = OwnDiagnostics::build(
            &here,
            &[
                Diagnostic::new(Code::Numbering, 0..1, "first"),
                Diagnostic::new(Code::Numbering, 4..5, "third"),
            ],
            None,
            |_| None,
            None,
        );
        let cross = lsp::Diagnostic {
            range: here.range(2..3),
            message: "second".into(),
            ..Default::default()
        };
        let v = body(&own, &[cross]);
        let messages: Vec<&str> = v["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["message"].as_str().unwrap())
            .collect();
        assert_eq!(messages, ["first", "second", "third"]);
        let uri = Url::parse("file:///d.reso").unwrap();
        let none: serde_json::Value = serde_json::from_slice(
            &OwnDiagnostics::default()
                .notification(&uri, &[], None)
                .to_vec(),
        )
        .unwrap();
        assert_eq!(none["params"]["diagnostics"], serde_json::json!([]));
        assert!(none["params"].get("version").is_none());
    }

    /// A small random source for the test below.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n.max(1) as u64) as usize
        }

        fn boundary(&mut self, text: &str) -> usize {
            let b: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            b[self.below(b.len())]
        }
    }

    /// Random texts of short lines (`\n`, `\r\n` and lone `\r` breaks,
    /// characters of one to four bytes), random diagnostics, a chain of
    /// random edits, chunks of one to three items or of the usual size:
    /// each notification built from the previous snapshot's (itself built
    /// so, its chunks' shifts moved edit after edit) is byte for byte the
    /// one built afresh, also when the analysis names as old ones
    /// diagnostics it moved elsewhere, adds or drops some, and when the edit
    /// makes or unmakes a `\r\n` or changes the line count. Fails when an
    /// item is re-used whole on the analysis's word alone or after the
    /// lines moved, or a chunk taken over without its shift moved.
    #[test]
    fn reuse_after_random_edits_equals_a_fresh_build() {
        const PIECES: [&str; 9] = ["a", "b", " ", "é", "😀", "\n", "\r", "\r\n", "xy"];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let uri = Url::parse("file:///d.reso").unwrap();
        let (mut reused, mut shared) = (0, 0);
        for _ in 0..1500 {
            let chunk_len = [1, 2, 3, CHUNK][rng.below(4)];
            let mut text: String = (0..rng.below(30))
                .map(|_| PIECES[rng.below(PIECES.len())])
                .collect();
            let mut old = Vec::new();
            for j in 0..rng.below(10) {
                let (a, b) = (rng.boundary(&text), rng.boundary(&text));
                let mut d = Diagnostic::new(Code::Numbering, a.min(b)..a.max(b), format!("d{j}"));
                for _ in 0..rng.below(3) {
                    let (a, b) = (rng.boundary(&text), rng.boundary(&text));
                    d = d.with_related(Related {
                        document: None,
                        range: a.min(b)..a.max(b),
                        message: "there".into(),
                    });
                }
                old.push(d);
            }
            old.sort_by_key(|d| (d.range.start, d.range.end));
            let mut first =
                OwnDiagnostics::build_in(&positions(&text), &old, None, |_| None, None, chunk_len);
            for _ in 0..1 + rng.below(4) {
                let (a, b) = (rng.boundary(&text), rng.boundary(&text));
                let (start, old_end) = (a.min(b), a.max(b));
                let inserted: String = (0..rng.below(3))
                    .map(|_| PIECES[rng.below(PIECES.len())])
                    .collect();
                let mut new_text = text.clone();
                new_text.replace_range(start..old_end, &inserted);
                let edit = EditSpan {
                    start,
                    old_end,
                    new_end: start + inserted.len(),
                };
                let map = |x: usize| {
                    if x <= start {
                        x
                    } else if x >= old_end {
                        x - old_end + edit.new_end
                    } else {
                        start
                    }
                };
                // The old diagnostics moved by the edit, named as old
                // ones; one in six put somewhere else all the same, one in
                // ten dropped, and now and then a new one.
                let mut new = Vec::new();
                let mut was = Vec::new();
                for (k, d) in old.iter().enumerate() {
                    if rng.below(10) == 0 {
                        continue;
                    }
                    let mut e = d.clone();
                    e.map_offsets(map);
                    if rng.below(6) == 0 {
                        let (a, b) = (rng.boundary(&new_text), rng.boundary(&new_text));
                        e.range = a.min(b)..a.max(b);
                    }
                    if rng.below(8) == 0 {
                        if let Some(r) = e.related.first_mut() {
                            r.range = rng.boundary(&new_text)..new_text.len();
                        }
                    }
                    new.push(e);
                    was.push(Some(k));
                }
                if rng.below(4) == 0 {
                    let at = rng.below(new.len() + 1);
                    let (a, b) = (rng.boundary(&new_text), rng.boundary(&new_text));
                    new.insert(
                        at,
                        Diagnostic::new(Code::Numbering, a.min(b)..a.max(b), "new"),
                    );
                    was.insert(at, None);
                }
                let here = positions(&new_text);
                let second = OwnDiagnostics::build_in(
                    &here,
                    &new,
                    None,
                    |i| was[i],
                    Some((&first, &edit)),
                    chunk_len,
                );
                let fresh = OwnDiagnostics::build(&here, &new, None, |_| None, None);
                assert_eq!(
                    String::from_utf8(second.notification(&uri, &[], Some(2)).to_vec()).unwrap(),
                    String::from_utf8(fresh.notification(&uri, &[], Some(2)).to_vec()).unwrap(),
                    "{text:?} -> {new_text:?}"
                );
                // Each item's bytes, its chunk's shift added, are its
                // diagnostic's (what the next edit compares with).
                let kept: Vec<(Range<usize>, Vec<Range<usize>>)> = second
                    .parts
                    .iter()
                    .flat_map(|p| {
                        p.chunk.items.iter().map(|i| {
                            let related = i.related.iter();
                            let related = related.map(|r| shifted(&r.bytes, p.shift));
                            (shifted(&i.bytes, p.shift), related.collect())
                        })
                    })
                    .collect();
                let expected: Vec<(Range<usize>, Vec<Range<usize>>)> = new
                    .iter()
                    .map(|d| {
                        let related = d.related.iter().map(|r| r.range.clone());
                        (d.range.clone(), related.collect())
                    })
                    .collect();
                assert_eq!(kept, expected, "{text:?} -> {new_text:?}");
                reused += new.len() - second.serialised;
                shared += second.shared;
                (text, old, first) = (new_text, new, second);
            }
        }
        assert!(reused > 2000, "{reused} re-used");
        assert!(shared > 500, "{shared} chunks taken over whole");
    }
}
