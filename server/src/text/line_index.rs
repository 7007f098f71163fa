//! A line index over a string: byte offsets to and from lines and columns.

use std::ops::Range;

use super::{Encoding, Position};

/// A character of more than one byte, located within its line.
#[derive(Debug, Clone, Copy)]
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

#[derive(Debug, Clone)]
struct Line {
    /// Byte offset of the line's first byte.
    start: usize,
    /// Byte offset just past the line's content (before its line break).
    end: usize,
    /// The line's multi-byte characters in order; empty for an ASCII line.
    wide: Box<[Wide]>,
}

/// Lines of a text, built once per version of a document. Conversions take
/// O(log n) and follow the rules of the module documentation.
#[derive(Debug, Clone)]
pub struct LineIndex {
    len: usize,
    lines: Vec<Line>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0usize;
        let mut wide: Vec<Wide> = Vec::new();
        // Running counts within the current line, at the current byte.
        let mut utf16 = 0u32;
        let mut chars = 0u32;
        let mut i = 0usize;
        while i < bytes.len() {
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
                    wide: std::mem::take(&mut wide).into_boxed_slice(),
                });
                i += brk;
                start = i;
                utf16 = 0;
                chars = 0;
                continue;
            }
            if b < 0x80 {
                utf16 += 1;
                chars += 1;
                i += 1;
                continue;
            }
            let len8: u8 = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            wide.push(Wide {
                byte: (i - start) as u32,
                utf16,
                chars,
                len8,
            });
            utf16 += if len8 == 4 { 2 } else { 1 };
            chars += 1;
            i += usize::from(len8);
        }
        lines.push(Line {
            start,
            end: bytes.len(),
            wide: wide.into_boxed_slice(),
        });
        LineIndex {
            len: bytes.len(),
            lines,
        }
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
        self.lines.get(line as usize).map(|l| l.start..l.end)
    }

    /// The line that holds a byte offset (the last line past the end).
    pub fn line_of(&self, offset: usize) -> u32 {
        let offset = offset.min(self.len);
        (self.lines.partition_point(|l| l.start <= offset) - 1) as u32
    }

    /// The position of a byte offset. An offset past the end is the end of
    /// the text; one inside a character is that character's start; one inside
    /// a `\r\n` is the end of its line.
    pub fn position(&self, offset: usize, enc: Encoding) -> Position {
        let line_no = self.line_of(offset);
        let line = &self.lines[line_no as usize];
        let rel = (offset.min(self.len).min(line.end) - line.start) as u32;
        let i = line.wide.partition_point(|w| w.byte <= rel);
        let column = if i == 0 {
            rel
        } else {
            let w = &line.wide[i - 1];
            if rel < w.byte + u32::from(w.len8) {
                w.start(enc)
            } else {
                w.start(enc) + w.len(enc) + (rel - w.byte - u32::from(w.len8))
            }
        };
        Position {
            line: line_no,
            column,
        }
    }

    /// The byte offset of a position, clamped: past the end of a line is the
    /// line's end, past the last line the end of the text, and a column
    /// inside a character (half a surrogate pair) is the character's start.
    pub fn offset(&self, pos: Position, enc: Encoding) -> usize {
        let Some(line) = self.lines.get(pos.line as usize) else {
            return self.len;
        };
        let col = pos.column;
        let i = line.wide.partition_point(|w| w.start(enc) <= col);
        let rel = if i == 0 {
            col as usize
        } else {
            let w = &line.wide[i - 1];
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
