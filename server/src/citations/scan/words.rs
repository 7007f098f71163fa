//! Reading the joined text at byte offsets: words, numbers and their
//! boundaries, the word before an offset.

pub(super) fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

pub(super) fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    loop {
        match at(b, i) {
            b' ' | b'\t' => i += 1,
            0xC2 if at(b, i + 1) == 0xA0 => i += 2,
            _ => return i,
        }
    }
}

pub(super) fn word_end(b: &[u8], mut i: usize) -> usize {
    while at(b, i).is_ascii_alphabetic() {
        i += 1;
    }
    i
}

pub(super) fn digits_end(b: &[u8], mut i: usize) -> usize {
    while at(b, i).is_ascii_digit() {
        i += 1;
    }
    i
}

pub(super) fn starts_with_word(b: &[u8], i: usize, w: &str) -> bool {
    b[i..].starts_with(w.as_bytes()) && !is_alnum(at(b, i + w.len()))
}

/// `i` starts a token: the byte before is not part of a word, a symbol or a
/// number.
pub(super) fn token_start(b: &[u8], i: usize) -> bool {
    i == 0 || !(is_alnum(b[i - 1]) || matches!(b[i - 1], b'/' | b'-' | b'.' | b'_' | b'\''))
}

/// The word that ends just before `i`, separated from it by blanks only:
/// `(start, word)`.
pub(super) fn word_before(b: &[u8], i: usize) -> Option<(usize, &str)> {
    let mut e = i;
    while e > 0 && matches!(b[e - 1], b' ' | b'\t') {
        e -= 1;
    }
    if e == i && i > 0 {
        return None;
    }
    let mut s = e;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    if s == e || (s > 0 && (is_alnum(b[s - 1]) || b[s - 1] == b'-')) {
        return None;
    }
    std::str::from_utf8(&b[s..e]).ok().map(|w| (s, w))
}

/// Whether a word at `s` starts a sentence or a paragraph (so its capital
/// says nothing): nothing before it but blanks after `.;:(` a quote, a
/// marker or a footnote number.
pub(super) fn sentence_initial(b: &[u8], s: usize) -> bool {
    let mut p = s;
    while p > 0 && matches!(b[p - 1], b' ' | b'\t') {
        p -= 1;
    }
    if p == 0 {
        return true;
    }
    let c = b[p - 1];
    matches!(c, b'.' | b';' | b':' | b'(' | b')' | b'"' | b'[' | b']')
        || c.is_ascii_digit()
        || c >= 0x80
}

pub(super) fn capitalised(w: &str) -> bool {
    w.as_bytes().first().is_some_and(|c| c.is_ascii_uppercase())
}

pub(super) fn number(b: &[u8], i: usize, max: usize) -> Option<(u32, usize)> {
    let e = digits_end(b, i);
    if e == i || e - i > max || b[i] == b'0' {
        return None;
    }
    let n = std::str::from_utf8(&b[i..e]).ok()?.parse().ok()?;
    Some((n, e))
}

/// After a number: not glued to a word, a symbol element, a decimal or a
/// thousands group (`1,000`). A footnote number glued after a comma
/// (`65/141,3`) is fine.
pub(super) fn number_boundary(b: &[u8], e: usize) -> bool {
    let c = at(b, e);
    if is_alnum(c) || c == b'/' {
        return false;
    }
    if matches!(c, b'.' | b'-') && is_alnum(at(b, e + 1)) {
        return false;
    }
    if c == b',' && at(b, e + 1).is_ascii_digit() && digits_end(b, e + 1) - (e + 1) == 3 {
        return false;
    }
    true
}

/// After a part letter: punctuation, the end, or a blank and a word that
/// does not start a new sentence.
pub(super) fn part_boundary(b: &[u8], q: usize) -> bool {
    match at(b, q) {
        0 => true,
        b',' | b';' | b':' | b')' => true,
        b'.' => !is_alnum(at(b, q + 1)),
        b' ' => {
            let n = at(b, q + 1);
            n.is_ascii_lowercase() || n.is_ascii_digit() || n == b'('
        }
        _ => false,
    }
}
