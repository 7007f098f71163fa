//! Positions and edits on the editable buffer, a [`ropey::Rope`] built without
//! Unicode line breaks (only `\n`, `\r\n`, `\r`), with the same rules as
//! [`LineIndex`](super::LineIndex): clamping past the end, and a column inside
//! a character meaning that character's start.

use ropey::Rope;

use super::{Encoding, Fnv64, Position};

/// Chars of a rope line's line break (0 for the last line).
fn break_chars(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let n = slice.len_chars();
    if n == 0 {
        return 0;
    }
    match slice.char(n - 1) {
        '\n' if n >= 2 && slice.char(n - 2) == '\r' => 2,
        '\n' | '\r' => 1,
        _ => 0,
    }
}

/// The char index of a position in the rope, clamped.
pub fn char_index(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let end = start + rope.line(line).len_chars() - break_chars(rope, line);
    let col = pos.column as usize;
    match enc {
        Encoding::Chars => (start + col).min(end),
        Encoding::Utf16 => {
            let s = rope.char_to_utf16_cu(start);
            let e = rope.char_to_utf16_cu(end);
            rope.utf16_cu_to_char((s + col).min(e))
        }
        Encoding::Utf8 => {
            let s = rope.char_to_byte(start);
            let e = rope.char_to_byte(end);
            rope.byte_to_char((s + col).min(e))
        }
    }
}

/// The byte offset of a position in the rope, clamped.
pub fn byte_offset(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    rope.char_to_byte(char_index(rope, pos, enc))
}

/// Replaces the text between two positions (in either order; each clamped)
/// with `text`. Returns the byte range replaced, in the text before the edit.
pub fn replace(
    rope: &mut Rope,
    start: Position,
    end: Position,
    text: &str,
    enc: Encoding,
) -> std::ops::Range<usize> {
    let a = char_index(rope, start, enc);
    let b = char_index(rope, end, enc);
    let (a, b) = (a.min(b), a.max(b));
    let bytes = rope.char_to_byte(a)..rope.char_to_byte(b);
    if a < b {
        rope.remove(a..b);
    }
    if !text.is_empty() {
        rope.insert(a, text);
    }
    bytes
}

/// The FNV-1a hash of the rope's text, as [`Fnv64::hex_of`] gives for the
/// same string.
pub fn hash_hex(rope: &Rope) -> String {
    let mut h = Fnv64::default();
    for chunk in rope.chunks() {
        h.write(chunk.as_bytes());
    }
    format!("{:016x}", h.finish())
}

/// The rope's text as one `String` of exactly its length (`to_string` would
/// grow it by doubling: 16 MiB for a 10 MiB document).
pub fn to_string(rope: &Rope) -> String {
    let mut s = String::with_capacity(rope.len_bytes());
    for chunk in rope.chunks() {
        s.push_str(chunk);
    }
    s
}

/// As [`to_string`], with room for typing: a sixty-fourth of the text more,
/// as the analysed text grows when typed into, so that the first keystroke
/// after opening does not copy the whole text into a larger buffer.
pub fn to_string_with_room(rope: &Rope) -> String {
    let mut s = String::with_capacity(rope.len_bytes() + rope.len_bytes() / 64);
    for chunk in rope.chunks() {
        s.push_str(chunk);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::LineIndex;
    use proptest::prelude::*;
    use Encoding::*;

    fn p(line: u32, column: u32) -> Position {
        Position { line, column }
    }

    #[test]
    fn the_text_of_a_long_rope_is_held_in_exactly_its_length() {
        let text = "Reaffirming its resolution 66/184 of 22 December 2011 — «en français»,\n"
            .repeat(20_000);
        let s = to_string(&Rope::from_str(&text));
        assert_eq!(s, text);
        assert_eq!(s.capacity(), text.len());
    }

    #[test]
    fn rope_counts_only_lsp_line_breaks() {
        let rope = Rope::from_str("a\u{c}b\u{2028}c\u{85}\nd\r\ne\rf");
        assert_eq!(rope.len_lines(), 4);
    }

    #[test]
    fn edit_after_an_emoji_in_utf16() {
        let mut rope = Rope::from_str("Recalling\nNoting 😀 that,\n");
        // UTF-16 column 10 is the 't' of "that", after the emoji's two units.
        replace(&mut rope, p(1, 10), p(1, 14), "this", Utf16);
        assert_eq!(rope.to_string(), "Recalling\nNoting 😀 this,\n");
    }

    #[test]
    fn a_range_splitting_a_surrogate_pair_snaps_to_the_start() {
        let mut rope = Rope::from_str("x😀y");
        // Start inside the pair: the emoji's start; the emoji is replaced whole.
        replace(&mut rope, p(0, 2), p(0, 3), "-", Utf16);
        assert_eq!(rope.to_string(), "x-y");
        let mut rope = Rope::from_str("x😀y");
        // Both ends inside the pair: an insertion before the emoji.
        replace(&mut rope, p(0, 2), p(0, 2), "+", Utf16);
        assert_eq!(rope.to_string(), "x+😀y");
    }

    #[test]
    fn past_the_end_edits_clamp() {
        let mut rope = Rope::from_str("one\r\ntwo");
        replace(&mut rope, p(0, 50), p(0, 60), "!", Utf16);
        assert_eq!(rope.to_string(), "one!\r\ntwo");
        replace(&mut rope, p(9, 9), p(12, 0), "\nthree", Utf8);
        assert_eq!(rope.to_string(), "one!\r\ntwo\nthree");
        // A reversed range is taken in order.
        replace(&mut rope, p(1, 3), p(1, 0), "TWO", Chars);
        assert_eq!(rope.to_string(), "one!\r\nTWO\nthree");
    }

    #[test]
    fn rope_hash_equals_string_hash() {
        let s = "决议 😀\r\n".repeat(5000);
        assert_eq!(hash_hex(&Rope::from_str(&s)), Fnv64::hex_of(&s));
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "a", "Z", " ", "\n", "\r", "\r\n", "é", "决", "😀", "\u{c}", "\u{301}", "\u{5d0}",
            "\0", "\u{2028}",
        ]);
        prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, rng_seed: prop::test_runner::RngSeed::Fixed(7), ..ProptestConfig::default() })]

        /// The rope and the line index agree on every position, in range or not.
        #[test]
        fn rope_and_line_index_agree(text in text_strategy(), line in 0u32..12, col in 0u32..40) {
            let rope = Rope::from_str(&text);
            let idx = LineIndex::new(&text);
            prop_assert_eq!(rope.len_lines(), idx.line_count());
            for enc in [Utf8, Utf16, Chars] {
                prop_assert_eq!(byte_offset(&rope, p(line, col), enc), idx.offset(p(line, col), enc));
            }
        }
    }
}
