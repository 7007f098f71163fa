//! Markdown read through (issue 18 item 2): text converted to Markdown
//! (pymupdf4llm, docling, marker, pandoc) or written in it carries emphasis
//! (`*Recalling*`, `**1.**`, `_..._`), headings (`#### **Peacebuilding
//! Commission**`), code fences around page furniture and backslash escapes.
//! None of these is a diagnostic of its own.
//!
//! The analysis reads a *reading text*: the draft with its markup bytes
//! replaced by spaces, byte for byte, so that every range found in it points
//! at the same bytes of the text as written (an opener's range covers
//! `Recalling`, not its asterisks). An escape `1\.` becomes `1. ` (the mark
//! moves onto the backslash) so that the number stays glued to its period.
//! `<sup>N</sup>` is left as it is: the footnote reader takes it as a strong
//! reference. Markup is blanked line by line, so an edit re-blanks only the
//! lines it touched.

use std::ops::Range;

/// The reading text of `src`, or `None` when it holds no markup to blank
/// (most drafts: then the analysis reads `src` itself).
pub fn reading(src: &str) -> Option<String> {
    if !may_hold_markup(src.as_bytes()) {
        return None;
    }
    // With room for typing (a sixty-fourth, as the analysis grows it), so
    // that the first keystroke does not copy it into a larger buffer.
    let mut out = Vec::with_capacity(src.len() + src.len() / 64);
    out.extend_from_slice(src.as_bytes());
    let mut any = false;
    for r in line_ranges(src, 0..src.len()) {
        let below = &src.as_bytes()[r.end..];
        any |= blank_line(&src.as_bytes()[r.clone()], below, &mut out[r]);
    }
    // Only ASCII markup bytes, and whole back-link arrows, were replaced by
    // ASCII: still UTF-8.
    any.then(|| String::from_utf8(out).expect("ASCII for ASCII or whole characters"))
}

/// After an edit: `reading` holds the old reading text with the edit's
/// new text (`src[new]`) spliced in where the old one was; the lines of
/// `src` that `new` touches, and the few above it whose reading reads them,
/// are blanked again. Returns where the first line blanked again starts.
pub fn reblank(reading: &mut String, src: &str, new: Range<usize>) -> usize {
    debug_assert_eq!(reading.len(), src.len());
    // A note's first line reads the lines below it (`back_linked_note`):
    // the lines above the edit, up to a note's length, are blanked again.
    let b = src.as_bytes();
    let mut from = new.start.min(b.len());
    for _ in 0..=NOTE_LINES {
        match memchr::memrchr(b'\n', &b[..from]) {
            Some(i) => from = i,
            None => {
                from = 0;
                break;
            }
        }
    }
    let from = if from == 0 { 0 } else { from + 1 };
    let from = from.min(new.start);
    // Line by line, in place: each line is replaced by its blanked self, of
    // the same length, so nothing after it moves and only the line is
    // checked for UTF-8 (ASCII markup becomes ASCII spaces).
    let mut line = Vec::new();
    for r in line_ranges(src, from..new.end) {
        line.clear();
        line.extend_from_slice(&src.as_bytes()[r.clone()]);
        blank_line(&src.as_bytes()[r.clone()], &b[r.end..], &mut line);
        let text = std::str::from_utf8(&line).expect("ASCII for ASCII or whole characters");
        reading.replace_range(r, text);
    }
    from
}

/// Whether the lines of `src` that `range` touches hold markup to blank (an
/// edit there may have made some in a draft that had none).
pub fn lines_hold_markup(src: &str, range: Range<usize>) -> bool {
    let b = src.as_bytes();
    let mut scratch = Vec::new();
    line_ranges(src, range).into_iter().any(|r| {
        may_hold_markup(&b[r.clone()]) && {
            scratch.clear();
            scratch.extend_from_slice(&b[r.clone()]);
            blank_line(&b[r.clone()], &b[r.end..], &mut scratch)
        }
    })
}

/// Whether any byte that starts markup occurs (a quick test that most plain
/// drafts fail).
pub fn may_hold_markup(b: &[u8]) -> bool {
    memchr::memchr3(b'*', b'_', b'#', b).is_some()
        || memchr::memchr3(b'\\', b'`', b'~', b).is_some()
        || memchr::memmem::find(b, b"](").is_some()
        || memchr::memmem::find(b, b"<a ").is_some()
        || memchr::memmem::find(b, b"<span").is_some()
        || memchr::memmem::find(b, b"<!--").is_some()
        || memchr::memmem::find(b, "\u{21a9}".as_bytes()).is_some()
        || memchr::memmem::find(b, "\u{2191}".as_bytes()).is_some()
        || memchr::memmem::find(b, "\u{2501}\u{2501}\u{2501}".as_bytes()).is_some()
        || memchr::memmem::find(b, "\u{2500}\u{2500}\u{2500}".as_bytes()).is_some()
        || b.first() == Some(&b'>')
        || memchr::memmem::find(b, b"\n>").is_some()
        || memchr::memmem::find(b, b"\n- ").is_some()
        || b.starts_with(b"- ")
}

/// The ranges (without line ends) of the lines that `range` touches.
fn line_ranges(src: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let b = src.as_bytes();
    let start = memchr::memrchr2(b'\n', b'\r', &b[..range.start.min(b.len())]).map_or(0, |i| i + 1);
    let end = memchr::memchr2(b'\n', b'\r', &b[range.end.min(b.len())..])
        .map_or(b.len(), |i| range.end + i);
    let mut out = Vec::new();
    let mut s = start;
    for i in memchr::memchr2_iter(b'\n', b'\r', &b[start..end]) {
        out.push(s..start + i);
        s = start + i + 1;
    }
    out.push(s..end);
    out
}

/// Blanks the markup of one line (`line` as written) into `out` (the same
/// length, holding the line as written); whether anything was blanked.
fn blank_line(line: &[u8], below: &[u8], out: &mut [u8]) -> bool {
    let indent = line
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    let t = &line[indent..];
    // A code fence: the line is markup.
    if t.starts_with(b"```") || t.starts_with(b"~~~") {
        out[indent..].fill(b' ');
        return true;
    }
    // A rule drawn with box-drawing lines (w3m's `<hr>`: `━━━━`).
    if t.len() >= 9
        && std::str::from_utf8(t).is_ok_and(|t| {
            t.trim_end()
                .chars()
                .all(|c| matches!(c, '\u{2500}' | '\u{2501}' | '\u{2015}'))
        })
    {
        out[indent..].fill(b' ');
        return true;
    }
    let mut any = false;
    // A block quote's `>` (converters quote footnotes with it).
    let mut indent = indent;
    let mut t = t;
    while t.first() == Some(&b'>') && t.get(1).is_none_or(|&c| c == b' ') {
        out[indent] = b' ';
        let skip = 1 + usize::from(t.get(1) == Some(&b' '));
        indent += skip;
        t = &t[skip..];
        any = true;
    }
    // A list bullet before a marker, a number or a bracket (`- (a) ...`,
    // `- 1 United Nations, Treaty Series ...`, `- [2 bis. ...`); not the
    // first dash of a page number between dashes (`- 2 -`).
    if (t.starts_with(b"- ") || t.starts_with(b"* "))
        && t.get(2)
            .is_some_and(|&c| matches!(c, b'(' | b'[' | b'_' | b'*') || c.is_ascii_digit())
        && !dashed_page_number(t)
    {
        out[indent] = b' ';
        any = true;
    }
    // An ATX heading: `#` to `######` and a space.
    let hashes = t.iter().take_while(|&&c| c == b'#').count();
    if (1..=6).contains(&hashes) && t.get(hashes).is_some_and(|&c| c == b' ') {
        out[indent..indent + hashes].fill(b' ');
        any = true;
    }
    let mut spans = Vec::new();
    any |= emphasis(line, out, &mut spans);
    if memchr::memchr2(b'<', b']', line).is_some() {
        any |= html_and_links(line, out);
        // mammoth's footnote: `3. <a id="footnote-14"></a> A/80/342.`: the
        // number alone, as a footnote's.
        let digits = t.iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=3).contains(&digits) && t[digits..].starts_with(b". <a id=\"footnote-") {
            out[indent + digits] = b' ';
        }
    }
    any |= escapes(line, out);
    any |= back_linked_note(t, below, &mut out[indent..]);
    for (open, inner) in spans {
        any |= split_before_opener(line, out, indent, open, inner);
    }
    any
}

/// A paragraph joined onto the line of the one before it (pymupdf4llm on
/// pages with no space between paragraphs: `... that regime, _Convinced_
/// that ...`, `... 79/43,<sup>4</sup> 1. _Stresses_ the ...`): where an
/// emphasised opener follows, mid-line, the punctuation that ends a
/// paragraph (and its reference, and an operative number), the reading text
/// breaks the line there, on a byte that is a space or markup, so that
/// every range still points at the text as written. `open` is where the
/// emphasis delimiter starts, `inner` the emphasised text's range.
fn split_before_opener(
    line: &[u8],
    out: &mut [u8],
    indent: usize,
    open: usize,
    inner: Range<usize>,
) -> bool {
    if open <= indent || line[open - 1] != b' ' || !line[inner.start].is_ascii_uppercase() {
        return false;
    }
    // Where the line breaks: the delimiter's last byte, or the space before
    // an operative number.
    let mut at = inner.start - 1;
    let mut before = &line[..open - 1];
    let digits = before
        .iter()
        .rev()
        .skip(1)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if before.last() == Some(&b'.')
        && (1..=3).contains(&digits)
        && before.len() > digits + 2
        && before[before.len() - digits - 2] == b' '
    {
        at = before.len() - digits - 2;
        before = &before[..at];
    }
    // A reference after the punctuation: `<sup>4</sup>`.
    if let Some(rest) = before.strip_suffix(b"</sup>") {
        let Some(start) = memchr::memmem::rfind(rest, b"<sup>") else {
            return false;
        };
        before = &rest[..start];
    }
    if !matches!(before.last(), Some(b',' | b';' | b'.' | b':')) {
        return false;
    }
    let Ok(from) = std::str::from_utf8(&out[inner.start..]) else {
        return false;
    };
    if crate::syntax::vocabulary::Vocabulary::get()
        .line_opener(from)
        .is_none()
    {
        return false;
    }
    out[at] = b'\n';
    true
}

/// `- 2 -` first on a line (alone, or beside the symbol in a running head).
fn dashed_page_number(t: &[u8]) -> bool {
    let Some(rest) = t.strip_prefix(b"- ") else {
        return false;
    };
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=3).contains(&digits)
        && rest[digits..].starts_with(b" -")
        && rest.get(digits + 2).is_none_or(|c| c.is_ascii_whitespace())
}

/// Emphasis delimiters (`*`, `**`, `***`, `_`, `__`) that open and close on
/// the same line. Not: a star note's `* ` (nothing follows it), a barcode
/// `*2518301*`, a rule `___`, `snake_case`, a lone `draft resolution*`.
/// Each emphasis blanked goes into `spans`: where its opening delimiter
/// starts, and the range of the text it emphasises.
fn emphasis(line: &[u8], out: &mut [u8], spans: &mut Vec<(usize, Range<usize>)>) -> bool {
    // Open delimiter runs: (start, length, byte).
    let mut open: Vec<(usize, usize, u8)> = Vec::new();
    let mut any = false;
    let mut i = 0;
    while i < line.len() {
        let c = line[i];
        if c != b'*' && c != b'_' {
            i += 1;
            continue;
        }
        let len = line[i..].iter().take_while(|&&x| x == c).count();
        let before = i.checked_sub(1).map(|j| line[j]);
        let after = line.get(i + len).copied();
        i += len;
        if len > 3 {
            continue;
        }
        let space = |b: Option<u8>| b.is_none_or(|b| b.is_ascii_whitespace());
        let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80);
        let opens = !space(after) && !word(before);
        let closes = !space(before) && !word(after);
        // `_` inside a word is no emphasis.
        if c == b'_' && word(before) && word(after) {
            continue;
        }
        let start = i - len;
        if closes
            && !opens
            && wrapped_close(line, start, len)
            && !open.iter().any(|&(_, l, b)| b == c && l == len)
        {
            // The end of an emphasis opened on a line above.
            out[start..start + len].fill(b' ');
            any = true;
            continue;
        }
        if closes {
            if let Some(k) = open.iter().rposition(|&(_, l, b)| b == c && l == len) {
                let (os, ol, _) = open[k];
                let inner = &line[os + ol..start];
                // `*2518301*` is a barcode, page furniture.
                if !inner.iter().all(|b| b.is_ascii_digit()) {
                    out[os..os + ol].fill(b' ');
                    out[start..start + len].fill(b' ');
                    spans.push((os, os + ol..start));
                    any = true;
                }
                open.truncate(k);
                continue;
            }
        }
        if opens {
            open.push((start, len, c));
        }
    }
    // An emphasis that goes on to the next line (a converter wraps
    // `*Expressing deep` / `concern* at ...`, `**Department of ...` /
    // `Support Office**`): its opening delimiter, before a word.
    for &(start, len, _) in &open {
        let before = start.checked_sub(1).map(|j| line[j]);
        if before.is_none_or(|b| matches!(b, b' ' | b'\t' | b'(' | b'[' | b'"'))
            && line
                .get(start + len)
                .is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80 || b == b'\\' || b == b'[')
        {
            out[start..start + len].fill(b' ');
            any = true;
        }
    }
    any
}

/// Whether the closing delimiter run at `start` (its opening delimiter on a
/// line above) ends an emphasis: right after a word, and for a single `*`,
/// only before more of the sentence (`concern* at`, `Assembly*,`): a `*`
/// at the end of a line is a star note's reference (`draft resolution*`).
fn wrapped_close(line: &[u8], start: usize, len: usize) -> bool {
    let before = start.checked_sub(1).map(|j| line[j]);
    let after = line.get(start + len).copied();
    if !before.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80) {
        return false;
    }
    if line[start] == b'*' && len == 1 {
        return match after {
            Some(b',' | b';' | b':' | b'.') => true,
            Some(b' ') => line.get(start + 2).is_some_and(|b| b.is_ascii_lowercase()),
            _ => false,
        };
    }
    true
}

/// How many lines a note of a web page's footnote list may wrap onto (a
/// note listing 80 States wraps onto 14 at 80 columns).
const NOTE_LINES: usize = 40;

/// The length of the back-link arrow that ends `t` (trailing spaces
/// aside), and where it starts.
fn back_link(t: &[u8]) -> Option<usize> {
    const ARROWS: [&str; 3] = ["\u{21a9}\u{fe0e}", "\u{21a9}", "\u{2191}"];
    let end = t.len()
        - t.iter()
            .rev()
            .take_while(|&&c| c == b' ' || c == b'\r')
            .count();
    let arrow = ARROWS.iter().find(|a| t[..end].ends_with(a.as_bytes()))?;
    Some(end - arrow.len())
}

/// A note as a web page's footnote list gives it (pandoc's HTML through
/// html2text, w3m or lynx, a browser's copy): `1. A/80/342.↩︎`, a numbered
/// item that ends, on its line or on one of the indented lines that wrap it
/// (`below`), with a back-link arrow. The arrow goes, and the number loses
/// its period, so that the item reads as a note `1 A/80/342.` (`t` and `out`
/// start at the line's text).
fn back_linked_note(t: &[u8], below: &[u8], out: &mut [u8]) -> bool {
    if let Some(at) = back_link(t) {
        out[at..t.len()].fill(b' ');
    }
    let arrow_here = back_link(t).is_some();
    let digits = t.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) || !t[digits..].starts_with(b". ") {
        return arrow_here;
    }
    let wrapped_to_arrow = || {
        // The lines below that wrap the item: indented, not blank, not the
        // next item.
        let mut rest = below.strip_prefix(b"\n").unwrap_or(below);
        for _ in 0..NOTE_LINES {
            let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
            let l = &rest[..end];
            let text = l.trim_ascii_start();
            let item = text.iter().take_while(|c| c.is_ascii_digit()).count();
            if text.is_empty() || text.len() == l.len() || text[item..].starts_with(b". ") {
                return false;
            }
            if back_link(l).is_some() {
                return true;
            }
            rest = rest.get(end + 1..).unwrap_or_default();
        }
        false
    };
    if arrow_here || wrapped_to_arrow() {
        out[digits] = b' ';
        return true;
    }
    false
}

/// Inline HTML (`<a id="footnote-ref-12"></a>`, `<span id="page-2-0"></span>`,
/// `<img ...>`, `<!-- image -->`) and links (`[text](target)`: the text
/// stays; an image's or a footnote's back-link, `[↑](#footnote-ref-12)`,
/// goes whole). `<sup>` stays: the footnote reader takes it as a reference.
fn html_and_links(line: &[u8], out: &mut [u8]) -> bool {
    const TAGS: [&[u8]; 8] = [b"a", b"span", b"img", b"br", b"div", b"u", b"sub", b"p"];
    let mut any = false;
    let mut i = 0;
    while i < line.len() {
        match line[i] {
            b'<' if line[i + 1..].starts_with(b"!--") => {
                let Some(end) = memchr::memmem::find(&line[i..], b"-->") else {
                    break;
                };
                out[i..i + end + 3].fill(b' ');
                any = true;
                i += end + 3;
            }
            b'<' => {
                let name_at = i + 1 + usize::from(line.get(i + 1) == Some(&b'/'));
                let name_len = line[name_at..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
                let name = &line[name_at..name_at + name_len];
                let end = memchr::memchr(b'>', &line[i..]);
                match end {
                    Some(end)
                        if TAGS.contains(&name)
                            && matches!(line.get(name_at + name_len), Some(b' ' | b'>' | b'/')) =>
                    {
                        out[i..=i + end].fill(b' ');
                        any = true;
                        i += end + 1;
                    }
                    _ => i += 1,
                }
            }
            b']' if line.get(i + 1) == Some(&b'(') && (i == 0 || line[i - 1] != b'\\') => {
                let Some(close) = memchr::memchr(b')', &line[i..]).map(|p| i + p) else {
                    break;
                };
                if line[i + 2..close].contains(&b' ') {
                    i += 1;
                    continue;
                }
                // Its opening bracket: the last one before that is not
                // escaped and not closed.
                let mut depth = 0usize;
                let mut open = None;
                for k in (0..i).rev() {
                    let escaped = k > 0 && line[k - 1] == b'\\';
                    match line[k] {
                        b']' if !escaped => depth += 1,
                        b'[' if !escaped && depth == 0 => {
                            open = Some(k);
                            break;
                        }
                        b'[' if !escaped => depth -= 1,
                        _ => {}
                    }
                }
                let Some(open) = open else {
                    i += 1;
                    continue;
                };
                let text = &line[open + 1..i];
                let image = open > 0 && line[open - 1] == b'!';
                let back_link = !text.is_empty()
                    && !text.iter().any(|c| c.is_ascii_alphanumeric())
                    && !text.contains(&b'\\');
                let mut end = close + 1;
                // pandoc's attributes after an image: `{width="0.6in"}`.
                if image && line.get(end) == Some(&b'{') {
                    if let Some(p) = memchr::memchr(b'}', &line[end..]) {
                        end += p + 1;
                    }
                }
                if image || back_link {
                    out[open - usize::from(image)..end].fill(b' ');
                } else {
                    out[open] = b' ';
                    out[i..end].fill(b' ');
                }
                any = true;
                i = end;
            }
            _ => i += 1,
        }
    }
    any
}

/// Backslash escapes of ASCII punctuation: the backslash is blanked; a mark
/// that is not an opening bracket, right after text that is not blanked
/// (`1\.`, pandoc's `\(a\)`, `(A/80/L.9)\]`), moves onto it instead, so
/// that it stays glued to what it closes: the number keeps its period and
/// the marker its parenthesis; inside a word the word's start moves.
fn escapes(line: &[u8], out: &mut [u8]) -> bool {
    let mut any = false;
    let mut i = 0;
    while i + 1 < line.len() {
        // (`out[i]` is no longer the backslash inside a link's target.)
        if out[i] == b'\\' && line[i + 1].is_ascii_punctuation() {
            let after_text = i > 0 && !matches!(out[i - 1], b' ' | b'\t');
            let text_follows = line
                .get(i + 2)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80);
            // The start of the word the escape is in.
            let start = out[..i]
                .iter()
                .rposition(|&b| b == b' ' || b == b'\t')
                .map_or(0, |p| p + 1);
            if after_text && text_follows && line[i + 1] != b'\\' && out[start..i].is_ascii() {
                // Inside a word (mammoth's `Secretary\-General`,
                // `A/80/L\.9`): the word's start moves right by one, so
                // that it stays whole; the blank is put before it. (Only
                // over ASCII: a range on the word must start on a character
                // of the text as written.)
                out.copy_within(start..i, start + 1);
                out[start] = b' ';
            } else if after_text && !matches!(line[i + 1], b'\\' | b'(' | b'[' | b'{') {
                out[i] = line[i + 1];
                out[i + 1] = b' ';
            } else {
                out[i] = b' ';
            }
            any = true;
            i += 2;
        } else {
            i += 1;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> String {
        reading(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn markup_is_blanked_in_place() {
        assert_eq!(
            read("*Recalling* its resolution"),
            " Recalling  its resolution"
        );
        assert_eq!(read("**1.** Decides to"), "  1.   Decides to");
        assert_eq!(
            read("#### **Peacebuilding Commission**"),
            "       Peacebuilding Commission  "
        );
        assert_eq!(read("_Noting_ that"), " Noting  that");
        assert_eq!(read("```\nA/RES/80/24\n```"), "   \nA/RES/80/24\n   ");
        assert_eq!(read("1\\. Decides"), "1.  Decides");
        assert_eq!(read("\\[5 bis. Decides"), " [5 bis. Decides");
        assert_eq!(read("> 15 See CD/2039."), "  15 See CD/2039.");
        assert_eq!(read("- (a) The follow-up;"), "  (a) The follow-up;");
        assert_eq!(
            read("- 1 United Nations, Treaty Series"),
            "  1 United Nations, Treaty Series"
        );
        assert_eq!(read("_The General Assembly,_"), " The General Assembly, ");
        // A page number between dashes is furniture, not a bullet.
        assert_eq!(read("- 2 -"), "- 2 -");
        assert_eq!(read("- 12 - A/RES/80/10"), "- 12 - A/RES/80/10");
        assert_eq!(read("- 2 -3"), "  2 -3");
    }

    /// pandoc escapes what would read as a list marker, mammoth every
    /// punctuation mark: the mark stays glued to what it closes, and a word
    /// with an escape inside stays whole (its start moves right).
    #[test]
    fn escapes_keep_markers_and_words_whole() {
        assert_eq!(read("\\(ii\\) Termination"), " (ii)  Termination");
        assert_eq!(read("*\\[Deeply* concerned"), "  [Deeply  concerned");
        assert_eq!(read("the Secretary\\-General"), "the  Secretary-General");
        assert_eq!(read("\\(A/80/L\\.9\\)"), "  (A/80/L.9) ");
        assert_eq!(read("2\\.2 billion"), " 2.2 billion");
        assert_eq!(read("a \\\\ b"), "a  \\ b");
        // A word not all ASCII is not moved (a range on it must start on a
        // character of the text as written): the mark moves instead.
        assert_eq!(read("\u{1ee8b}\\:x"), "\u{1ee8b}: x");
    }

    /// pandoc wraps emphasis onto the next line: its delimiters are
    /// blanked on both lines. A star note's `*` stays.
    #[test]
    fn emphasis_wrapped_onto_the_next_line() {
        assert_eq!(
            read("**Department of Political Affairs/Peacebuilding\nSupport Office**"),
            "  Department of Political Affairs/Peacebuilding\nSupport Office  "
        );
        assert_eq!(
            read("1\\. *Expressing deep\nconcern* at the"),
            "1.   Expressing deep\nconcern  at the"
        );
        for s in [
            "United States of America: draft resolution*",
            "United States of America:* draft resolution",
            "Assembly* Reissued",
        ] {
            assert_eq!(read(s), s);
        }
    }

    /// Inline HTML and links (mammoth, marker, docling): the tags, the
    /// targets, pictures and back-links go; a link's text stays.
    #[test]
    fn html_and_links_are_blanked() {
        assert_eq!(
            read("Court,<a id=\"footnote-ref-12\"></a>[\\[1\\]](\\#footnote\\-12) and"),
            "Court,                              [1]                   and"
        );
        assert_eq!(read("![](media/rId9.png){width=\"0.8in\"}").trim(), "");
        assert_eq!(read("<!-- image -->").trim(), "");
        assert_eq!(
            read("<span id=\"page-2-0\"></span>Recalling"),
            "                           Recalling"
        );
        assert_eq!(
            read("1. <a id=\"footnote-12\"></a> A/80/342\\. [↑](\\#footnote\\-ref\\-12)")
                .trim_end(),
            "1                           A/80/342."
        );
        for s in [
            "the Court<sup>4</sup>,",
            "[2 bis. Decides to act;]",
            "if a < b then",
            "[5] (a) x",
        ] {
            assert_eq!(read(s), s);
        }
    }

    /// A web page's note read as text: the arrow goes, the number loses its
    /// period; a wrapped note's first line knows it by the arrow below. A
    /// rule of box-drawing lines is blank.
    #[test]
    fn back_linked_notes_and_drawn_rules() {
        assert_eq!(
            read("  1. A/80/342.\u{21a9}\u{fe0e}"),
            "  1  A/80/342.      "
        );
        assert_eq!(
            read("  9. S/PRST/2013/2; see\n     (S/INF/68).\u{21a9}"),
            "  9  S/PRST/2013/2; see\n     (S/INF/68).   "
        );
        assert_eq!(read("━━━━━━"), " ".repeat(18));
        // Not: an item with no arrow on it or on its own lines below (the
        // next item's arrow is not its own).
        let s = "  1. United Nations,\n     No. 8843.\n  2. A/79/1.\u{21a9}";
        assert!(read(s).starts_with("  1. United Nations,\n"));
        assert_eq!(read("1. Decides to act."), "1. Decides to act.");
    }

    #[test]
    fn what_is_no_markup_stays() {
        for s in [
            "* Reissued for technical reasons.",
            "*2518301*",
            "____________________",
            "United States of America: draft resolution*",
            "the snake_case name",
            "the Court<sup>4</sup>,",
            "2 * 3 * 4",
        ] {
            assert_eq!(read(s), s);
        }
    }

    /// pymupdf4llm joins a paragraph onto the line of the one before it
    /// when the page sets no space between them: the reading text breaks
    /// the line before the emphasised opener (or its operative number).
    #[test]
    fn a_paragraph_joined_onto_the_line_before_is_broken_off() {
        assert_eq!(
            read("to that regime, _Convinced_ that the"),
            "to that regime, \nConvinced  that the"
        );
        assert_eq!(
            read("resolution 79/43,<sup>4</sup> 1. _Stresses_ the role"),
            "resolution 79/43,<sup>4</sup>\n1.  Stresses  the role"
        );
        assert_eq!(
            read("the Assembly; **Recalling also** its"),
            "the Assembly;  \nRecalling also   its"
        );
        // Not: emphasis at the line's start, emphasis that is no opener (a
        // title in italics), an opener not after a paragraph's end, one in
        // lower case.
        for (s, r) in [
            ("_Recalling_ its resolution", " Recalling  its resolution"),
            (
                "see its report, _Official Records of the General Assembly_",
                "see its report,  Official Records of the General Assembly ",
            ),
            ("the word _Decides_ in", "the word  Decides  in"),
            (
                "the Assembly, _recalling_ its",
                "the Assembly,  recalling  its",
            ),
        ] {
            assert_eq!(read(s), r);
        }
    }

    #[test]
    fn an_edit_reblanks_its_lines_as_a_full_reading_would() {
        let old = "The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n**1.** Decides;\n";
        let mut r = reading(old).unwrap();
        // Type `*Noting* ` at the start of the third line.
        let at = old.find("*Recalling").unwrap();
        let new = format!("{}*Noting* {}", &old[..at], &old[at..]);
        r.replace_range(at..at, "*Noting* ");
        reblank(&mut r, &new, at..at + 9);
        assert_eq!(r, reading(&new).unwrap());
    }
}
