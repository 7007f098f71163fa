//! A line index over a string: byte offsets to and from lines and columns.

use std::ops::Range;

use super::{Encoding, Position};

/// A character of more than one byte, located within its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wide {
    /// Start of the character, in bytes from the start of the line.
    byte: u32,
    /// Start of the character, in UTF-16 code units from the start of the line.
    utf16: u32,
    /// Start of the character, in chars from the start of the line.
    chars: u32,
    /// Length in bytes (2 to 4).
    len8: u8,
}

impl Wide {
    fn start(&self, enc: Encoding) -> u32 {
        match enc {
            Encoding::Utf8 => self.byte,
            Encoding::Utf16 => self.utf16,
            Encoding::Chars => self.chars,
        }
    }

    fn len(&self, enc: Encoding) -> u32 {
        match enc {
            Encoding::Utf8 => u32::from(self.len8),
            Encoding::Utf16 => {
                if self.len8 == 4 {
                    2
                } else {
                    1
                }
            }
            Encoding::Chars => 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Line {
    /// Byte offset of the line's first byte.
    start: usize,
    /// Byte offset just past the line's content (before its line break).
    end: usize,
    /// Index in `LineIndex::wides` of the line's first multi-byte character;
    /// its characters run to the next line's.
    wide: u32,
}

/// Lines of a text. Conversions take O(log n) and follow the rules of the
/// module documentation. Flat (two vectors), so that the index of the next
/// version is this one with the edited lines replaced ([`LineIndex::edited`]).
///
/// The lines from `pivot` on are kept as they were before the latest edits
/// moved them: their offsets are `shift` bytes, and their first wide
/// characters `wide_shift` places, further than their table says. An edit
/// moves that pivot to its own lines, and rewrites only the lines between
/// the old pivot and the edit, so that typing at one place does not move
/// the tens of thousands of lines after it.
#[derive(Debug, Clone)]
pub struct LineIndex {
    len: usize,
    lines: Vec<Line>,
    /// Every line's multi-byte characters, line after line.
    wides: Vec<Wide>,
    pivot: usize,
    shift: isize,
    wide_shift: i64,
}

impl PartialEq for LineIndex {
    fn eq(&self, other: &LineIndex) -> bool {
        self.len == other.len
            && self.wides == other.wides
            && self.lines.len() == other.lines.len()
            && (0..self.lines.len()).all(|i| self.line(i) == other.line(i))
    }
}

impl Eq for LineIndex {}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes with no line break and no byte of a multi-byte character.
fn plain(w: u64) -> bool {
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    w & HIGH == 0
        && !has_zero(w ^ (ONES * u64::from(b'\n')))
        && !has_zero(w ^ (ONES * u64::from(b'\r')))
}

/// Scans `bytes[from..to]`, whose start is a line's start, into lines and
/// their wide characters. With `more`, `to` is just past a line break and
/// the line that starts there is not scanned; else `to` is the text's end
/// and ends the last line.
fn scan(
    bytes: &[u8],
    (from, to): (usize, usize),
    more: bool,
    lines: &mut Vec<Line>,
    wides: &mut Vec<Wide>,
) {
    let mut start = from;
    // Bytes of the line's wide characters beyond their UTF-16 units and
    // beyond their count, up to the current byte.
    let (mut over16, mut over_chars) = (0u32, 0u32);
    let mut first_wide = wides.len() as u32;
    let mut i = from;
    while i < to {
        while i + 8 <= to
            && plain(u64::from_le_bytes(
                bytes[i..i + 8].try_into().expect("8 bytes"),
            ))
        {
            i += 8;
        }
        if i >= to {
            break;
        }
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            let brk = if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            lines.push(Line {
                start,
                end: i,
                wide: first_wide,
            });
            i += brk;
            start = i;
            over16 = 0;
            over_chars = 0;
            first_wide = wides.len() as u32;
            if i >= to && more {
                return;
            }
            continue;
        }
        if b < 0x80 {
            i += 1;
            continue;
        }
        let len8: u8 = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let rel = (i - start) as u32;
        wides.push(Wide {
            byte: rel,
            utf16: rel - over16,
            chars: rel - over_chars,
            len8,
        });
        over16 += u32::from(len8) - if len8 == 4 { 2 } else { 1 };
        over_chars += u32::from(len8) - 1;
        i += usize::from(len8);
    }
    lines.push(Line {
        start,
        end: to.min(bytes.len()),
        wide: first_wide,
    });
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut lines = Vec::with_capacity(text.len() / 40 + 1);
        let mut wides = Vec::new();
        scan(
            text.as_bytes(),
            (0, text.len()),
            false,
            &mut lines,
            &mut wides,
        );
        LineIndex {
            len: text.len(),
            pivot: lines.len(),
            lines,
            wides,
            shift: 0,
            wide_shift: 0,
        }
    }

    /// Line `i` as it is (the pending shift applied).
    fn line(&self, i: usize) -> Line {
        let l = self.lines[i];
        if i < self.pivot {
            return l;
        }
        Line {
            start: l.start.wrapping_add_signed(self.shift),
            end: l.end.wrapping_add_signed(self.shift),
            wide: (i64::from(l.wide) + self.wide_shift) as u32,
        }
    }

    fn start(&self, i: usize) -> usize {
        let s = self.lines[i].start;
        if i < self.pivot {
            s
        } else {
            s.wrapping_add_signed(self.shift)
        }
    }

    /// The first line in `lo..hi` that starts past `offset` (`hi` if none).
    fn first_past(&self, mut lo: usize, mut hi: usize, offset: usize) -> usize {
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.start(mid) <= offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The index of `text`, which is this index's text with the bytes
    /// `start..old_end` replaced by `text[start..new_end]`: the lines around
    /// the edit are scanned again, the others kept (moved). Equal to
    /// `LineIndex::new(text)`.
    pub fn edited(&self, text: &str, start: usize, old_end: usize, new_end: usize) -> LineIndex {
        // A copy of the table, edited in place: one way to edit it.
        let mut out = self.clone();
        out.edit(text, start, old_end, new_end);
        out
    }

    /// As [`LineIndex::edited`], in place: the lines around the edit are
    /// scanned again and spliced in, the lines after them shifted where they
    /// are, so that a keystroke allocates no new table.
    pub fn edit(&mut self, text: &str, start: usize, old_end: usize, new_end: usize) {
        let delta = new_end as isize - old_end as isize;
        let ok = old_end >= start
            && new_end >= start
            && old_end <= self.len
            && text.len() as isize == self.len as isize + delta;
        if !ok {
            *self = LineIndex::new(text);
            return;
        }
        let la = (self.line_of(start) as usize).saturating_sub(1);
        let lb = self.line_of(old_end) as usize + 2;
        let from = self.start(la);
        let (to, rest) = if lb < self.lines.len() {
            (self.start(lb).wrapping_add_signed(delta), lb)
        } else {
            (text.len(), self.lines.len())
        };
        let more = rest < self.lines.len();
        let wide_from = self.line(la).wide as usize;
        let wide_rest = if more {
            self.line(rest).wide as usize
        } else {
            self.wides.len()
        };
        // The region's lines, their wide characters numbered from zero.
        let mut lines = Vec::new();
        let mut wides = Vec::new();
        scan(text.as_bytes(), (from, to), more, &mut lines, &mut wides);
        for l in &mut lines {
            l.wide += wide_from as u32;
        }
        let wide_delta = (wide_from + wides.len()) as i64 - wide_rest as i64;
        let n = lines.len();
        // The pending shift made to apply from `rest` on: the lines between
        // the old pivot and the region are written as they are now.
        let (shift, wide_shift) = (self.shift, self.wide_shift);
        if (shift, wide_shift) != (0, 0) {
            if self.pivot < la {
                for l in &mut self.lines[self.pivot..la] {
                    l.start = l.start.wrapping_add_signed(shift);
                    l.end = l.end.wrapping_add_signed(shift);
                    l.wide = (i64::from(l.wide) + wide_shift) as u32;
                }
            } else if self.pivot > rest {
                // Written as if shifted, to take the shift below.
                for l in &mut self.lines[rest..self.pivot] {
                    l.start = l.start.wrapping_add_signed(-shift);
                    l.end = l.end.wrapping_add_signed(-shift);
                    l.wide = (i64::from(l.wide) - wide_shift) as u32;
                }
            }
        }
        self.wides.splice(wide_from..wide_rest, wides);
        self.lines.splice(la..rest, lines);
        // The lines after the region: moved by the edit, lazily.
        self.pivot = la + n;
        self.shift = shift + delta;
        self.wide_shift = wide_shift + wide_delta;
        if self.pivot >= self.lines.len() {
            (self.shift, self.wide_shift) = (0, 0);
        }
        self.len = text.len();
    }

    /// The wide characters of line `i`.
    fn wide(&self, i: usize) -> &[Wide] {
        let a = self.line(i).wide as usize;
        let b = if i + 1 < self.lines.len() {
            self.line(i + 1).wide as usize
        } else {
            self.wides.len()
        };
        &self.wides[a..b]
    }

    /// Length of the indexed text in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of lines: line breaks plus one (a text ending in a line break
    /// has an empty last line).
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The byte range of a line's content, without its line break; `None`
    /// past the last line.
    pub fn line_range(&self, line: u32) -> Option<Range<usize>> {
        let i = line as usize;
        (i < self.lines.len()).then(|| {
            let l = self.line(i);
            l.start..l.end
        })
    }

    /// The line that holds a byte offset (the last line past the end).
    pub fn line_of(&self, offset: usize) -> u32 {
        let offset = offset.min(self.len);
        (self.first_past(0, self.lines.len(), offset) - 1) as u32
    }

    /// As [`LineIndex::position`], searching from line `*hint` forward
    /// first (then `*hint` is the offset's line): for offsets in
    /// increasing order, such as sorted diagnostics, most lookups touch
    /// only the lines nearby.
    pub fn position_from(&self, hint: &mut usize, offset: usize, enc: Encoding) -> Position {
        let offset = offset.min(self.len);
        let h = (*hint).min(self.lines.len() - 1);
        if self.start(h) <= offset {
            // Gallop forward to a line past the offset, then search between.
            let (mut lo, mut step) = (h, 1);
            let mut hi = h + 1;
            while hi < self.lines.len() && self.start(hi) <= offset {
                lo = hi;
                hi += step;
                step *= 2;
            }
            let hi = hi.min(self.lines.len());
            *hint = self.first_past(lo, hi, offset) - 1;
        } else {
            *hint = self.line_of(offset) as usize;
        }
        self.position_on(*hint, offset, enc)
    }

    /// The position of a byte offset. An offset past the end is the end of
    /// the text; one inside a character is that character's start; one inside
    /// a `\r\n` is the end of its line.
    pub fn position(&self, offset: usize, enc: Encoding) -> Position {
        self.position_on(self.line_of(offset) as usize, offset, enc)
    }

    /// The position of `offset`, which is on line `line_no`.
    fn position_on(&self, line_no: usize, offset: usize, enc: Encoding) -> Position {
        let line = self.line(line_no);
        let rel = (offset.min(self.len).min(line.end) - line.start) as u32;
        let wide = self.wide(line_no);
        let i = wide.partition_point(|w| w.byte <= rel);
        let column = if i == 0 {
            rel
        } else {
            let w = &wide[i - 1];
            if rel < w.byte + u32::from(w.len8) {
                w.start(enc)
            } else {
                w.start(enc) + w.len(enc) + (rel - w.byte - u32::from(w.len8))
            }
        };
        Position {
            line: line_no as u32,
            column,
        }
    }

    /// The byte offset of a position, clamped: past the end of a line is the
    /// line's end, past the last line the end of the text, and a column
    /// inside a character (half a surrogate pair) is the character's start.
    pub fn offset(&self, pos: Position, enc: Encoding) -> usize {
        if pos.line as usize >= self.lines.len() {
            return self.len;
        }
        let line = self.line(pos.line as usize);
        let wide = self.wide(pos.line as usize);
        let col = pos.column;
        let i = wide.partition_point(|w| w.start(enc) <= col);
        let rel = if i == 0 {
            col as usize
        } else {
            let w = &wide[i - 1];
            if col < w.start(enc) + w.len(enc) {
                w.byte as usize
            } else {
                (w.byte + u32::from(w.len8)) as usize + (col - w.start(enc) - w.len(enc)) as usize
            }
        };
        line.start + rel.min(line.end - line.start)
    }

    /// A byte range as a start and an end position.
    pub fn range(&self, range: Range<usize>, enc: Encoding) -> (Position, Position) {
        (
            self.position(range.start, enc),
            self.position(range.end, enc),
        )
    }

    /// A column counted in one encoding, converted to another, on the same line.
    pub fn convert(&self, pos: Position, from: Encoding, to: Encoding) -> Position {
        self.position(self.offset(pos, from), to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Encoding::*;

    fn p(line: u32, column: u32) -> Position {
        Position { line, column }
    }

    #[test]
    fn ascii_lines_with_every_line_break() {
        let text = "ab\ncd\r\nef\rgh";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_range(1), Some(3..5));
        assert_eq!(idx.line_range(2), Some(7..9));
        assert_eq!(idx.line_range(3), Some(10..12));
        for enc in [Utf8, Utf16, Chars] {
            assert_eq!(idx.offset(p(1, 1), enc), 4);
            assert_eq!(idx.position(4, enc), p(1, 1));
            assert_eq!(idx.position(10, enc), p(3, 0));
        }
    }

    #[test]
    fn form_feed_and_unicode_separators_are_not_line_breaks() {
        let text = "a\u{c}b\u{b}c\u{2028}d\u{85}e\nf";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 2);
        assert_eq!(idx.position(text.find('f').unwrap(), Utf16), p(1, 0));
    }

    #[test]
    fn emoji_counts_two_utf16_units_one_char_four_bytes() {
        // "Noting 😀 that": the emoji starts at byte 7.
        let text = "Recalling\nNoting 😀 that";
        let idx = LineIndex::new(text);
        let t = text.find('t').unwrap() + 10; // the 't' of "that"
        assert_eq!(&text[t..t + 4], "that");
        assert_eq!(idx.position(t, Utf8), p(1, 12));
        assert_eq!(idx.position(t, Utf16), p(1, 10));
        assert_eq!(idx.position(t, Chars), p(1, 9));
        assert_eq!(idx.offset(p(1, 10), Utf16), t);
        assert_eq!(idx.offset(p(1, 9), Chars), t);
        assert_eq!(idx.offset(p(1, 12), Utf8), t);
    }

    #[test]
    fn a_column_inside_a_surrogate_pair_snaps_to_the_characters_start() {
        let text = "x😀y";
        let idx = LineIndex::new(text);
        // UTF-16: x=0, 😀=1..3, y=3. Column 2 is between the two halves.
        assert_eq!(idx.offset(p(0, 2), Utf16), 1);
        assert_eq!(idx.offset(p(0, 3), Utf16), 5);
        // UTF-8: a column inside the four bytes is the start too.
        for c in 1..5 {
            assert_eq!(idx.offset(p(0, c), Utf8), 1, "column {c}");
        }
        // A byte offset inside the emoji is the emoji's start.
        assert_eq!(idx.position(3, Utf16), p(0, 1));
    }

    #[test]
    fn cjk_characters_are_three_bytes_and_one_utf16_unit() {
        let text = "决议草案 A/RES/66/184";
        let idx = LineIndex::new(text);
        let a = text.find('A').unwrap();
        assert_eq!(a, 13);
        assert_eq!(idx.position(a, Utf16), p(0, 5));
        assert_eq!(idx.position(a, Chars), p(0, 5));
        assert_eq!(idx.position(a, Utf8), p(0, 13));
        assert_eq!(idx.offset(p(0, 2), Utf16), 6);
        assert_eq!(idx.offset(p(0, 7), Utf8), 6);
    }

    #[test]
    fn past_the_end_positions_clamp() {
        let text = "first line\r\nsecond\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        // Past the end of a line: the line's end, before the \r\n.
        assert_eq!(idx.offset(p(0, 99), Utf16), 10);
        assert_eq!(idx.offset(p(1, u32::MAX), Utf8), 18);
        // The empty last line, and past the last line: the end of the text.
        assert_eq!(idx.offset(p(2, 0), Utf16), text.len());
        assert_eq!(idx.offset(p(2, 5), Utf16), text.len());
        assert_eq!(idx.offset(p(7, 0), Utf16), text.len());
        assert_eq!(idx.offset(p(u32::MAX, u32::MAX), Chars), text.len());
        // Offsets inside \r\n and past the end.
        assert_eq!(idx.position(11, Utf16), p(0, 10));
        assert_eq!(idx.position(1000, Utf16), p(2, 0));
    }

    #[test]
    fn empty_text_has_one_empty_line() {
        let idx = LineIndex::new("");
        assert_eq!(idx.line_count(), 1);
        assert_eq!(idx.offset(p(0, 3), Utf16), 0);
        assert_eq!(idx.position(0, Utf16), p(0, 0));
    }

    /// Texts with every line break and character width, edited at every
    /// pair of char boundaries with every replacement: `edited` and `edit`
    /// equal `new`.
    #[test]
    fn edited_equals_a_new_index() {
        let texts = [
            "",
            "a",
            "ab\r\ncd\ref\ngh",
            "é\r\n😀a\r\u{c}决\n\u{5d0}\u{5d1} a\u{301}b\0\n",
            "\n\n\r\r\n",
            "plain ascii line that is long enough for words\nand a second one\n",
        ];
        let inserts = ["", "x", "\n", "\r", "\r\n", "é😀", "a\nb\r\nc"];
        for text in texts {
            let old = LineIndex::new(text);
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for (k, &a) in bounds.iter().enumerate() {
                for &b in &bounds[k..] {
                    for ins in inserts {
                        let new_text = format!("{}{}{}", &text[..a], ins, &text[b..]);
                        let got = old.edited(&new_text, a, b, a + ins.len());
                        let fresh = LineIndex::new(&new_text);
                        assert_eq!(got, fresh, "{text:?} {a}..{b} <- {ins:?}");
                        let mut in_place = old.clone();
                        in_place.edit(&new_text, a, b, a + ins.len());
                        assert_eq!(in_place, fresh, "in place: {text:?} {a}..{b} <- {ins:?}");
                    }
                }
            }
        }
    }

    /// Chains of random edits, some typed at one place and some far apart,
    /// each applied in place to the index of the text before it (so that
    /// the lines after the edits carry a pending shift from edit to edit):
    /// after each the index equals a new one, and lines, positions and
    /// offsets read through it are those of a new one.
    #[test]
    fn chained_edits_in_place_equal_a_new_index() {
        const PIECES: [&str; 10] = ["a", "bc ", "é", "😀", "\n", "\r", "\r\n", "决", "xyz\n", ""];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut below = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n.max(1) as u64) as usize
        };
        for _ in 0..300 {
            let mut text: String = (0..below(60)).map(|_| PIECES[below(10)]).collect();
            let mut idx = LineIndex::new(&text);
            let mut at = 0;
            for _ in 0..1 + below(12) {
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                // Most edits at the last place, some anywhere.
                if below(3) == 0 || !text.is_char_boundary(at) || at > text.len() {
                    at = bounds[below(bounds.len())];
                }
                let end = bounds
                    .iter()
                    .copied()
                    .filter(|&b| b >= at)
                    .nth(below(3))
                    .unwrap_or(at);
                let ins: String = (0..below(3)).map(|_| PIECES[below(10)]).collect();
                let mut next = text.clone();
                next.replace_range(at..end, &ins);
                idx.edit(&next, at, end, at + ins.len());
                let fresh = LineIndex::new(&next);
                assert_eq!(idx, fresh, "{text:?} {at}..{end} <- {ins:?}");
                assert_eq!(idx.line_count(), fresh.line_count());
                for line in 0..=fresh.line_count() as u32 {
                    assert_eq!(idx.line_range(line), fresh.line_range(line));
                    for col in 0..6 {
                        let pos = p(line, col);
                        assert_eq!(idx.offset(pos, Utf16), fresh.offset(pos, Utf16));
                    }
                }
                let mut hint = 0;
                for o in 0..=next.len() + 1 {
                    assert_eq!(idx.line_of(o), fresh.line_of(o), "{next:?} {o}");
                    assert_eq!(idx.position(o, Utf16), fresh.position(o, Utf16));
                    assert_eq!(
                        idx.position_from(&mut hint, o, Chars),
                        fresh.position(o, Chars)
                    );
                }
                at += ins.len();
                text = next;
            }
        }
    }

    #[test]
    fn position_from_a_hint_equals_position() {
        let text = "ab\r\ncd\n\néf😀\rgh\n\n\nlast line".repeat(7);
        let idx = LineIndex::new(&text);
        let offsets: Vec<usize> = (0..=text.len() + 2).collect();
        for start_hint in [0, 3, 17, 1000] {
            let mut hint = start_hint;
            for &o in &offsets {
                assert_eq!(
                    idx.position_from(&mut hint, o, Utf16),
                    idx.position(o, Utf16),
                    "offset {o}"
                );
            }
            // Backwards too (the hint is then searched from scratch).
            for &o in offsets.iter().rev() {
                assert_eq!(
                    idx.position_from(&mut hint, o, Chars),
                    idx.position(o, Chars),
                    "offset {o}"
                );
            }
        }
    }

    #[test]
    fn long_ascii_runs_and_wide_characters_after_them() {
        let text = "0123456789abcdefghij\r\n0123456789abcdefé0123456789\n😀";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        let e = text.find('é').unwrap();
        assert_eq!(idx.position(e + 2, Utf16), p(1, 17));
        assert_eq!(idx.position(text.len(), Utf16), p(2, 2));
    }

    #[test]
    fn offsets_round_trip_at_every_char_boundary() {
        let text = "é\r\n😀a\r\u{c}决\n\u{5d0}\u{5d1} a\u{301}b\0\n";
        let idx = LineIndex::new(text);
        for (off, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for enc in [Utf8, Utf16, Chars] {
                let pos = idx.position(off, enc);
                let back = idx.offset(pos, enc);
                // The second byte of a \r\n is its line's end.
                let line_end = idx.line_range(pos.line).unwrap().end;
                assert!(back == off || (back == line_end && off == line_end + 1));
            }
        }
    }
}
