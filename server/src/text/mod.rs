//! Text positions: byte offsets, lines and columns in UTF-8, UTF-16 or chars.
//!
//! Lines break at `\n`, `\r\n` and a lone `\r`, as the LSP says; nothing else
//! (a form feed, a vertical tab or U+2028 is an ordinary character). The rules
//! every conversion here follows:
//!
//! - a column past the end of a line clamps to the line's end (before its line
//!   break), a line past the last line clamps to the end of the document;
//! - a column that falls inside a character (the second half of a UTF-16
//!   surrogate pair, a byte in the middle of a UTF-8 sequence) means the start
//!   of that character: a position never splits a character;
//! - a byte offset inside a `\r\n` line break, or past the end, is the end of
//!   its line (the end of the document).
//!
//! [`LineIndex`] answers for a `&str` (the analysed snapshot, the CLI);
//! [`rope`] answers for the editable buffer with the same rules. No LSP types
//! here: the protocol layer converts its `Position` to [`Position`].

mod line_index;
pub mod rope;

pub use line_index::LineIndex;

/// `text` with `range` replaced by `with`, in place, moving the tail once.
///
/// `String::replace_range` moves the tail twice when the replacement is longer
/// than what it replaces (its splice makes room by the replacement's size hint,
/// then closes the hole it drained): on a 5 MB text a keystroke moved 5 MB
/// instead of 2.5. Typing inserts or deletes, which move the tail once here; a
/// replacement of another length moves it twice still. Panics as
/// `replace_range` does on a range off the text or off a character boundary.
pub fn splice(text: &mut String, range: std::ops::Range<usize>, with: &str) {
    if range.len() == with.len() {
        // Same length: the splice fills the hole and moves nothing.
        text.replace_range(range, with);
    } else if with.is_empty() {
        text.drain(range);
    } else if range.is_empty() {
        text.insert_str(range.start, with);
    } else {
        let at = range.start;
        text.drain(range);
        text.insert_str(at, with);
    }
}

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Encoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units: the LSP default.
    #[default]
    Utf16,
    /// Unicode scalar values (chars), as `reso check` prints columns.
    Chars,
}

/// A zero-based line and a zero-based column counted in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    pub fn new(line: u32, column: u32) -> Position {
        Position { line, column }
    }
}

/// The 64-bit FNV-1a hash of some bytes, fed in pieces (a rope's chunks give
/// the same hash as the whole string). `reso/documentState` reports it so a
/// client can compare the server's text with its own.
#[derive(Debug, Clone, Copy)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0
    }

    /// The hash of a whole string as 16 lowercase hex digits.
    pub fn hex_of(text: &str) -> String {
        let mut h = Fnv64::default();
        h.write(text.as_bytes());
        format!("{:016x}", h.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_of_known_strings() {
        // Reference values of 64-bit FNV-1a.
        assert_eq!(Fnv64::hex_of(""), "cbf29ce484222325");
        assert_eq!(Fnv64::hex_of("a"), "af63dc4c8601ec8c");
        let mut h = Fnv64::default();
        h.write(b"foo");
        h.write(b"bar");
        assert_eq!(format!("{:016x}", h.finish()), Fnv64::hex_of("foobar"));
    }

    /// `splice` gives what `replace_range` gives, for every range of a text
    /// with characters of one to four bytes and replacements of every kind.
    #[test]
    fn splice_equals_replace_range() {
        let text = "aé😀\r\nb";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (i, &a) in bounds.iter().enumerate() {
            for &b in &bounds[i..] {
                for with in ["", "x", "é", "xy", "😀z", "\n\n\n"] {
                    let mut expected = text.to_string();
                    expected.replace_range(a..b, with);
                    let mut got = text.to_string();
                    splice(&mut got, a..b, with);
                    assert_eq!(got, expected, "{a}..{b} with {with:?}");
                }
            }
        }
    }
}
