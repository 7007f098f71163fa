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
        any |= blank_line(&src.as_bytes()[r.clone()], &mut out[r]);
    }
    // Only ASCII markup bytes were replaced by ASCII: still UTF-8.
    any.then(|| String::from_utf8(out).expect("ASCII for ASCII keeps UTF-8"))
}

/// After an edit: `reading` holds the old reading text with the edit's
/// new text (`src[new]`) spliced in where the old one was; the lines of
/// `src` that `new` touches are blanked again.
pub fn reblank(reading: &mut String, src: &str, new: Range<usize>) {
    debug_assert_eq!(reading.len(), src.len());
    // Line by line, in place: each line is replaced by its blanked self, of
    // the same length, so nothing after it moves and only the line is
    // checked for UTF-8 (ASCII markup becomes ASCII spaces).
    let mut line = Vec::new();
    for r in line_ranges(src, new) {
        line.clear();
        line.extend_from_slice(&src.as_bytes()[r.clone()]);
        blank_line(&src.as_bytes()[r.clone()], &mut line);
        let text = std::str::from_utf8(&line).expect("ASCII for ASCII keeps UTF-8");
        reading.replace_range(r, text);
    }
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
            blank_line(&b[r], &mut scratch)
        }
    })
}

/// Whether any byte that starts markup occurs (a quick test that most plain
/// drafts fail).
pub fn may_hold_markup(b: &[u8]) -> bool {
    memchr::memchr3(b'*', b'_', b'#', b).is_some()
        || memchr::memchr3(b'\\', b'`', b'~', b).is_some()
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
fn blank_line(line: &[u8], out: &mut [u8]) -> bool {
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
    any |= escapes(line, out);
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
    any
}

/// Backslash escapes of ASCII punctuation: the backslash is blanked; after
/// a digit (`1\.`) the mark moves onto it, so that the number keeps its
/// period.
fn escapes(line: &[u8], out: &mut [u8]) -> bool {
    let mut any = false;
    let mut i = 0;
    while i + 1 < line.len() {
        if line[i] == b'\\' && line[i + 1].is_ascii_punctuation() {
            if i > 0 && line[i - 1].is_ascii_digit() && matches!(line[i + 1], b'.' | b')') {
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
