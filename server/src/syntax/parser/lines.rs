//! Line-level recognisers: what a single line of a draft can be on its own
//! (an operative number, a sub-paragraph marker, a footnote line, page
//! furniture ...). The parser decides with context which reading holds.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

/// One line of the source: byte range without its terminator.
#[derive(Debug, Clone)]
/// Offsets are 32-bit (the parser reads at most 4 GiB of a text): the
/// table's tail is moved after every edit, and narrower is quicker.
pub struct Line {
    start: u32,
    end: u32,
    /// Leading spaces and tabs, in bytes.
    pub indent: u32,
    pub blank: bool,
}

impl Line {
    pub fn new(range: Range<usize>, indent: usize, blank: bool) -> Line {
        Line {
            start: range.start as u32,
            end: range.end as u32,
            indent: u32::try_from(indent).unwrap_or(u32::MAX),
            blank,
        }
    }

    /// The line's bytes in the text, without its terminator.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Moves the line by `bytes`.
    pub fn shift(&mut self, bytes: isize) {
        self.start = (self.start as isize).wrapping_add(bytes) as u32;
        self.end = (self.end as isize).wrapping_add(bytes) as u32;
    }
}

/// Splits on `\n`, `\r\n` and a lone `\r` (the LSP line breaks; not form feed).
pub fn split_lines(src: &str) -> Vec<Line> {
    let bytes = src.as_bytes();
    // One allocation of the right size (a line a `\n`; a text of lone `\r`
    // line ends, rare, grows it).
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    let mut push = |start: usize, end: usize| {
        let text = &src[start..end];
        let indent = text.len() - text.trim_start_matches([' ', '\t']).len();
        // Spaces and tabs, and the form feeds and no-break spaces of pasted text.
        let blank = text[indent..].trim_start().is_empty();
        lines.push(Line::new(start..end, indent, blank));
    };
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            // The `\n` of a `\r\n` already taken.
            continue;
        }
        push(start, i);
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < bytes.len() {
        push(start, bytes.len());
    }
    lines
}

macro_rules! regex {
    ($re:literal) => {{
        static RE: OnceLock<Regex> = OnceLock::new();
        RE.get_or_init(|| Regex::new($re).expect("valid regex"))
    }};
}

/// `5.`, `5 bis.`, `[5 ter.]` at the start of a trimmed line: (marker length
/// in bytes, number, Latin suffix).
///
/// By hand, as `^\[?(\d{1,3})(?:\s+(bis|ter|...))?\.\]?(?:\s|$)` reads (it
/// runs on many lines): one to three digits (more, or a digit of another
/// script after them, and nothing matches), an optional Latin suffix after
/// whitespace, the period, an optional `]`, then whitespace or the end.
pub fn op_number(t: &str) -> Option<(usize, u32, Option<String>)> {
    const SUFFIXES: [&str; 9] = [
        "bis",
        "ter",
        "quater",
        "quinquies",
        "sexies",
        "septies",
        "octies",
        "novies",
        "decies",
    ];
    let b = t.as_bytes();
    let d0 = usize::from(b.first() == Some(&b'['));
    let digits = b[d0..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let mut p = d0 + digits;
    let n: u32 = t[d0..p].parse().ok()?;
    let mut suffix = None;
    if t[p..].starts_with(char::is_whitespace) {
        let after = t[p..].trim_start();
        let s = SUFFIXES.into_iter().find(|s| after.starts_with(s))?;
        p = t.len() - after.len() + s.len();
        suffix = Some(s.to_string());
    }
    if b.get(p) != Some(&b'.') {
        return None;
    }
    p += 1;
    if b.get(p) == Some(&b']') {
        p += 1;
    }
    if !t[p..].chars().next().is_none_or(char::is_whitespace) {
        return None;
    }
    Some((p, n, suffix))
}

/// The style of a sub-paragraph marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubStyle {
    /// `(a)` or `(i)`
    Paren,
    /// `a.` or `i.`
    Dot,
}

/// A trimmed line that is a paragraph number or a sub-paragraph marker in
/// brackets and nothing else (`1.`, `[2 bis.`, `(a)`).
pub fn marker_alone(t: &str) -> bool {
    let alone = |len: usize| t[len..].trim().is_empty();
    op_number(t).is_some_and(|(len, _, _)| alone(len))
        || sub_marker(t).is_some_and(|(len, _, style)| style == SubStyle::Paren && alone(len))
}

/// `(a)`, `(iv)`, `a.`, `ii.` at the start of a trimmed line: (marker length,
/// label, style).
pub fn sub_marker(t: &str) -> Option<(usize, &str, SubStyle)> {
    let b = t.as_bytes();
    if !(b.first() == Some(&b'(')
        || (b.first().is_some_and(u8::is_ascii_lowercase)
            && b.get(1..6).is_some_and(|w| w.contains(&b'.'))))
    {
        return None;
    }
    let paren = regex!(r"^\(([a-z]{1,2}|[ivxl]{1,6})\)(?:\s|$)");
    if let Some(c) = paren.captures(t) {
        let label = c.get(1)?;
        return Some((label.end() + 1, label.as_str(), SubStyle::Paren));
    }
    let dot = regex!(r"^([a-z]|[ivx]{2,5})\.\s+\S");
    if let Some(c) = dot.captures(t) {
        let label = c.get(1)?;
        return Some((label.end() + 1, label.as_str(), SubStyle::Dot));
    }
    None
}

pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || !s.chars().all(|c| "ivxlc".contains(c)) {
        return None;
    }
    let val = |c| match c {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        _ => 100,
    };
    let chars: Vec<u32> = s.chars().map(val).collect();
    let mut total = 0;
    for (i, &v) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&next| next > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    let n = u32::try_from(total).ok()?;
    // Only canonical numerals (no `iiii`, `vv`).
    (to_roman(n) == s).then_some(n)
}

pub fn to_roman(mut n: u32) -> String {
    const T: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut s = String::new();
    for (v, r) in T {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// `a` = 1 ... `z` = 26, `aa` = 27 ...
pub fn letter_value(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    match b {
        [c] if c.is_ascii_lowercase() => Some(u32::from(c - b'a') + 1),
        [c, d] if c == d && c.is_ascii_lowercase() => Some(u32::from(c - b'a') + 27),
        _ => None,
    }
}

pub fn to_letter(n: u32) -> String {
    if n == 0 {
        return "?".into();
    }
    let c = char::from(b'a' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(c, ((n - 1) / 26 + 1) as usize).collect()
}

pub fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.', ';']);
    crate::un::MONTHS.contains(&w)
}

/// A pasted footnote line `N text` (no period after the number, text not
/// starting in lower case, not a date): (number, length of the number).
pub fn pasted_footnote(t: &str) -> Option<(u32, usize)> {
    if !t.starts_with(|c: char| {
        c.is_ascii_digit() || super::footnote_refs::superscript_value(c).is_some()
    }) {
        return None;
    }
    // `¹ Proclaimed by ...`: superscript digits start a footnote too.
    let sup = t
        .chars()
        .map_while(super::footnote_refs::superscript_value)
        .collect::<Vec<_>>();
    if !sup.is_empty() && sup.len() <= 3 {
        let len: usize = t.chars().take(sup.len()).map(char::len_utf8).sum();
        if t[len..].starts_with([' ', '\t']) {
            return Some((sup.iter().fold(0, |n, d| n * 10 + d), len));
        }
    }
    let re = regex!(r"^(\d{1,3})[ \t]+(\S+)");
    let c = re.captures(t)?;
    let first = c.get(2)?.as_str();
    let ch = first.chars().next()?;
    if ch.is_lowercase() || is_month(first) || first.starts_with('%') || ch == '-' || ch == '–' {
        return None;
    }
    if first == "per" || first.starts_with("per ") {
        return None;
    }
    // `1 (I), adopted ...`: a resolution's number and session, a line
    // having broken after `resolution`.
    if first.starts_with('(')
        && first[1..]
            .split(')')
            .next()
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
    {
        return None;
    }
    Some((c[1].parse().ok()?, c.get(1)?.len()))
}

/// `[^N]: text`, or `[N] text` (pandoc's plain text and CommonMark without
/// footnotes write a note so): (number, length of `[^N]` or `[N]`, offset of
/// the text).
pub fn draft_footnote(t: &str) -> Option<(u32, usize, usize)> {
    if !t.starts_with('[') {
        return None;
    }
    if t.starts_with("[^") {
        let re = regex!(r"^\[\^(\d{1,4})\]:[ \t]*");
        let c = re.captures(t)?;
        let marker = c[0].trim_end().len() - 1;
        return Some((c[1].parse().ok()?, marker, c.get(0)?.end()));
    }
    let re = regex!(r"^\[(\d{1,3})\][ \t]+\S");
    let c = re.captures(t)?;
    let marker = c[1].len() + 2;
    let text = c.get(0)?.end() - 1;
    Some((c[1].parse().ok()?, marker, text))
}

/// A piece of a justified line that an extraction (pdfminer.six) set apart,
/// between blank lines, after its paragraph: a few words (at most six)
/// ending with the gap the words after them left (a trailing space: `the
/// sovereignty, `, `Indigenous `). `line` is the line as written, untrimmed.
pub fn displaced_fragment(line: &str) -> bool {
    let line = line.strip_suffix('\r').unwrap_or(line);
    // The trailing gap first: most lines have none.
    line.ends_with([' ', '\t']) && few_words(line)
}

/// A paragraph's short last line that ends with a raised footnote
/// reference glued to its punctuation (`session,1`, `therein,2`, `Treaty,5`):
/// at most three words, the first a word, then `,`, `;`, `:` or `.` and one
/// to three digits. pdftotext may set such a line above its paragraph.
pub fn tail_with_ref(t: &str) -> bool {
    let t = t.trim();
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || !t.starts_with(char::is_alphabetic) {
        return false;
    }
    let rest = &t[..t.len() - digits];
    rest.ends_with([',', ';', ':', '.']) && rest.split_whitespace().nth(3).is_none()
}

/// The number of a reference that ends line `t`, glued to a word or to the
/// punctuation after it (`Tlatelolco,6`, `Bangkok8`): one to three digits.
pub fn ending_ref(t: &str) -> Option<u32> {
    let last = t.split_whitespace().next_back()?;
    let digits = last.bytes().rev().take_while(u8::is_ascii_digit).count();
    let head = &last[..last.len() - digits];
    let glued = head
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || matches!(c, ',' | ';' | ')' | '”' | '’'));
    ((1..=3).contains(&digits) && glued)
        .then(|| last[head.len()..].parse().ok())
        .flatten()
}

/// The number of a reference glued to the first word of `t` when that word
/// is a name's (`Bangkok8 and Pelindaba9 ...`, `Rarotonga,7 Bangkok8 ...`):
/// a capital, letters, an optional comma, one to three digits.
pub fn name_with_ref_first(t: &str) -> Option<u32> {
    let first = t.split_whitespace().next()?;
    let digits = first.bytes().rev().take_while(u8::is_ascii_digit).count();
    let head = &first[..first.len() - digits];
    let word = head.strip_suffix(',').unwrap_or(head);
    let name = word.starts_with(char::is_uppercase)
        && word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\''));
    ((1..=3).contains(&digits) && name)
        .then(|| first[head.len()..].parse().ok())
        .flatten()
}

/// A line that goes on a sentence from a number, as a page broken inside
/// a date or a count leaves it (`2010, including ...`, `1995 and ...`):
/// one to four digits, then a comma, semicolon or colon, or a space and a
/// word in lower case. A marker (`3.`), a footnote's line (`3 See ...`)
/// and a number alone are none.
pub fn number_in_sentence(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return false;
    }
    let rest = &t[digits..];
    rest.starts_with([',', ';', ':'])
        || rest
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_lowercase))
}

/// At most six words, and some.
pub fn few_words(t: &str) -> bool {
    let mut words = t.split_whitespace();
    words.next().is_some() && words.nth(5).is_none()
}

/// Footnote numbers alone on a line: one (`5`), or a few that follow one
/// another (`3 4`), each of up to three digits. Some extractions
/// (pdfplumber) set a line's superscript references on a line of their own.
pub fn footnote_numbers_alone(t: &str) -> bool {
    let mut prev: Option<u32> = None;
    for (k, w) in t.split_whitespace().enumerate() {
        if k >= 4 || !(1..=3).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let n: u32 = w.parse().unwrap_or(0);
        if n == 0 || prev.is_some_and(|p| p + 1 != n) {
            return false;
        }
        prev = Some(n);
    }
    prev.is_some()
}

/// A rule: three or more `_`, `-`, `—` or `–` and nothing else.
pub fn is_rule(t: &str) -> bool {
    if !t.starts_with(['_', '-', '—', '–']) {
        return false;
    }
    t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '_' | '-' | '—' | '–'))
}

/// Running heads and page furniture: job numbers, page numbers, barcodes, a
/// document symbol alone on its line.
pub fn is_furniture(t: &str) -> bool {
    if let Some(rest) = without_dashed_page_number(t) {
        return rest.is_empty() || furniture_piece(rest);
    }
    furniture_piece(t)
}

/// Furniture but a page number between dashes.
fn furniture_piece(t: &str) -> bool {
    // Every form has a `/` or `-` after a digit, `*` first, or `/` after the
    // series letter: most lines are refused without the regex.
    match t.as_bytes() {
        [b'0'..=b'9', ..] if memchr::memchr2(b'/', b'-', t.as_bytes()).is_some() => {}
        [b'*', ..] | [b'A' | b'S' | b'E', b'/', ..] => {}
        _ => return false,
    }
    let re = regex!(
        r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s*\d{1,3}/\d{1,3})?(?:\s+\d{6})?(?:\s+\*\d{6,}\*)?|\d{1,3}/\d{1,3}(?:\s*\d{2}-\d{5}(?:\s*\([A-Z]\))?)?(?:\s+\*\d{6,}\*)?|\*\d{6,}\*|(?:A|S|E)/[A-Z0-9][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+(?:\s*\(\d{4}\))?)$"
    );
    re.is_match(t)
}

/// A page number between dashes (`- 2 -`, `-2-`, `– 12 –`: a word
/// processor's, and older United Nations documents'), first or last on its
/// line: the rest of the line (beside it in a running head, the symbol).
fn without_dashed_page_number(t: &str) -> Option<&str> {
    // Most lines neither start nor end with a dash.
    let dash = |c: char| c == '-' || c == '–';
    if !t.starts_with(dash) && !t.ends_with(dash) {
        return None;
    }
    let re = regex!(r"^[-–]\s?\d{1,3}\s?[-–](?:\s+|$)|(?:^|\s+)[-–]\s?\d{1,3}\s?[-–]$");
    let m = re.find(t)?;
    Some(if m.start() == 0 {
        &t[m.end()..]
    } else {
        &t[..m.start()]
    })
}

/// `52nd plenary meeting ...`, `Adopted at its 4683rd meeting ...`,
/// `Adopted unanimously at the`.
pub fn is_meeting_line(t: &str) -> bool {
    // `N..th meeting` or `Adopted`: most lines are refused without the regex.
    let digit = t.starts_with(|c: char| c.is_ascii_digit());
    if !(digit && t.contains("meeting") || t.starts_with("Adopted")) {
        return false;
    }
    let re = regex!(
        r"^(?:\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b|Adopted\s+(?:unanimously\s+|without a vote\s+)?(?:at|by)\b)"
    );
    re.is_match(t)
}

/// A date alone on its line (`4 November 2025`), as under a meeting line.
pub fn is_date_line(t: &str) -> bool {
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let re = regex!(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\.?$");
    re.is_match(t) && t.split_whitespace().nth(1).is_some_and(is_month)
}

/// `Annex`, `Annex I`, `Annex A`.
pub fn is_annex(t: &str) -> bool {
    if !t.starts_with("Annex") {
        return false;
    }
    let re = regex!(r"^Annex(?:\s+(?:[IVXLC]+|[A-Z]))?$");
    re.is_match(t)
}

/// `The General Assembly,` → (organ words, has comma).
pub fn chapeau(t: &str) -> Option<(&str, bool)> {
    if !t.starts_with("The") {
        return None;
    }
    let re = regex!(
        r"^The\s+([A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|and|of|on|for|the|to|in))*)\s*(,)?$"
    );
    let c = re.captures(t)?;
    let organ = c.get(1)?.as_str();
    let last = organ.split_whitespace().last()?;
    if organ.split_whitespace().count() > 10 || !last.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some((organ, c.get(2).is_some()))
}

/// A heading line that names the resolution: `80/14. Title` → offset of the title.
pub fn numbered_title(t: &str) -> Option<usize> {
    if !t.starts_with(|c: char| c.is_ascii_digit() || c == 'S' || c == 'E') {
        return None;
    }
    let re = regex!(r"^(?:(?:S|ES)-)?\d{1,3}/\d{1,4}\.\s+");
    re.find(t).map(|m| m.end())
}

/// Heading lines that are not the title (adoption notes, distribution ...).
pub fn is_meta_heading(t: &str) -> bool {
    let re = regex!(
        r"^(?:Adopted\b|Resolution adopted\b|Resolution \d+ \(\d{4}\)|of \d{1,2} [A-Z][a-z]+ \d{4}|on \d{1,2} [A-Z][a-z]+ \d{4}|\[|Distr\.|United Nations\b|General Assembly\b|Security Council\b|Economic and Social Council\b|Original:|Agenda item|[A-Z][a-z]+(?:-[a-z]+)? (?:special |emergency special )?session\b)"
    );
    re.is_match(t) || is_furniture(t) || is_date_line(t)
}

/// A Security Council resolution's number line: `Resolution 242 (1967)`,
/// perhaps with its date after it.
pub fn is_resolution_number_line(t: &str) -> bool {
    regex!(r"^Resolution \d+ \(\d{4}\)").is_match(t)
}

/// Lowered words without punctuation, for comparing a line with the title.
pub fn normalise_words(t: &str) -> String {
    // Runs on every body line (is this a running head?): one buffer, no
    // String per word, ASCII without the Unicode tables.
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        let mark = out.len();
        if mark > 0 {
            out.push(' ');
        }
        let start = out.len();
        for c in w.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    out.push(c.to_ascii_lowercase());
                }
            } else if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            }
        }
        if out.len() == start {
            out.truncate(mark);
        }
    }
    out
}

/// Words a sentence does not stop on: a line ending with one goes on.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on", "or",
    "that", "the", "their", "to", "under", "with",
];

/// Does the trimmed line stop on a word a sentence does not end with
/// (`... the Parties to the`)?
pub fn ends_on_function_word(t: &str) -> bool {
    let word = t.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    t.ends_with(char::is_alphabetic) && FUNCTION_WORDS.contains(&word)
}

/// Abbreviations a citation writes before a number (`para. 15`, `vol. I`).
const NUMBER_WORDS: &[&str] = &[
    "para.", "paras.", "no.", "nos.", "vol.", "p.", "pp.", "art.", "chap.", "sect.",
];

/// Does the trimmed line stop on an abbreviation that a number follows
/// (`... section entitled ..., para.`, then `15.`): its full stop ends
/// nothing.
pub fn ends_on_number_word(t: &str) -> bool {
    let word = t.rsplit(char::is_whitespace).next().unwrap_or("");
    NUMBER_WORDS.contains(&word.to_ascii_lowercase().as_str())
}

/// How a footnote's text starts, and a paragraph's wrapped line seldom does.
const NOTE_STARTS: &[&str] = &[
    "See ",
    "Ibid",
    "Resolution ",
    "Official Records",
    "United Nations, Treaty Series",
    "Report of ",
    "Available ",
    "A/",
    "S/",
    "E/",
];

/// Does the trimmed line start as a footnote's text does (`See ...`,
/// `Official Records ...`, a document symbol)?
pub fn starts_like_a_note(t: &str) -> bool {
    NOTE_STARTS.iter().any(|s| t.starts_with(s))
}

/// Does the trimmed line end a paragraph: final punctuation (`,` `;` `.` `:`)
/// after a trailing footnote reference, closing bracket or quote is removed?
pub fn ends_finished(t: &str) -> bool {
    matches!(final_char(t), Some((_, ',' | ';' | '.' | ':')))
}

/// The last meaningful character of a trimmed line and its byte offset: a
/// trailing footnote reference (`,4`, `, 6`, `[^3]`, `²`), closing quotes and
/// negotiation brackets are skipped.
pub fn final_char(t: &str) -> Option<(usize, char)> {
    let mut s = t.trim_end();
    // Most lines end in a letter or punctuation that nothing below removes.
    if let Some(&c) = s.as_bytes().last() {
        if c.is_ascii() && !c.is_ascii_digit() && !matches!(c, b']' | b'"' | b'>' | b'^') {
            return Some((s.len() - 1, char::from(c)));
        }
    }
    loop {
        let before = s.len();
        // `<sup>5</sup>` (Markdown conversions)
        if let Some(head) = s.strip_suffix("</sup>") {
            if let Some(open) = head.rfind("<sup>") {
                s = head[..open].trim_end();
                continue;
            }
        }
        // `[^3]`, `[3]`
        if s.ends_with(']') {
            if let Some(open) = s.rfind('[') {
                let inner = &s[open + 1..s.len() - 1];
                let digits = inner.strip_prefix('^').unwrap_or(inner);
                if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                    s = s[..open].trim_end();
                    continue;
                }
            }
        }
        // `^5` (a text browser's superscript)
        let digits = s.trim_end_matches(|c: char| c.is_ascii_digit());
        if digits.len() < s.len() && s.len() - digits.len() <= 3 {
            if let Some(head) = digits.strip_suffix('^') {
                s = head.trim_end();
                continue;
            }
        }
        // superscript digits
        let sup =
            s.trim_end_matches(|c: char| super::footnote_refs::superscript_value(c).is_some());
        if sup.len() != s.len() {
            s = sup.trim_end();
            continue;
        }
        // digits after final punctuation: `Assembly,4`, `document, 6`
        let digits = s.trim_end_matches(|c: char| c.is_ascii_digit());
        let nd = s.len() - digits.len();
        if (1..=3).contains(&nd) {
            let spaced = digits.len() != digits.trim_end().len();
            let d = digits.trim_end();
            // `2022, 1` and `2024,4` end a paragraph; `1,000` does not
            // (but `2024/25;117` and `1995,105` do: no thousands there).
            if let Some(head) = d.strip_suffix([',', ';', '.', ':']) {
                let run = head.bytes().rev().take_while(u8::is_ascii_digit).count();
                let thousands = d.ends_with(',') && (1..=3).contains(&run);
                if spaced || !thousands || nd != 3 {
                    s = d;
                    continue;
                }
            }
        }
        // (`^`: a text browser's superscript whose digits a line break
        // moved onto the next line.)
        s = s.trim_end_matches([']', '”', '"', '’', '^']).trim_end();
        if s.len() == before {
            break;
        }
    }
    let c = s.chars().next_back()?;
    Some((s.len() - c.len_utf8(), c))
}

#[cfg(test)]
mod tests;
