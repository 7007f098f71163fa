//! Re-lays a resolution the way PDF extraction does (SPEC section 2).
//!
//! From the parse of a real text, [`Model::from_parse`] rebuilds its logical
//! content: the heading lines, the chapeau, each paragraph as one logical line,
//! the footnotes with the place of their first reference. [`Model::canonical`]
//! writes that as a clean text (blank lines between paragraphs, footnotes at
//! the end). [`relayout`] writes it in one of the four layouts PDF tools give,
//! from a seed: wrapped at about 85 characters, cut into pages of about 45
//! lines, paragraphs split across pages, footnotes at the foot of the page that
//! references them, running heads, job numbers, page numbers and barcodes.
//!
//! The generator produces only what SPEC section 2 promises to read the same
//! way. Where the SPEC leaves a reading open, it keeps clear of it:
//! - a wrapped line never begins with something that starts a paragraph in
//!   every layout (`5.`, `(a)`, `a.`, `* `, `[^3]:`, a meeting line), and is
//!   never a line the SPEC calls furniture when alone (a symbol, a job or page
//!   number, a contiguous part of the title, a date, `Annex`);
//! - a page break, a footnote block or a running head interrupts a paragraph
//!   only after a line without final punctuation (SPEC: "a paragraph that does
//!   not end with final punctuation continues into the next block"), never
//!   after a first line that does not start the paragraph by itself (else it
//!   would be a one-line block, a section heading), and the continuation does
//!   not begin with a known opener, a marker, `Annex` or digits (digits only in
//!   the paragraph layout, with a number already defined, as the SPEC allows);
//! - one-line blocks (section headings, `Annex` and its title, the meeting
//!   line, `* text`) stay on one line;
//! - in the indented layout, fewer paragraph starts follow a blank line than
//!   not (the SPEC decides the layout by that count).

#![allow(dead_code)]
// `regex!` compiles once into a static; a line range list of one line is meant.
#![allow(clippy::regex_creation_in_loops, clippy::single_range_in_vec_init)]

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use reso::syntax::vocabulary::Vocabulary;
use reso::syntax::{BlockKind, Document, FootnoteForm, MarkerKind};

// ---------------------------------------------------------------------------
// A small deterministic RNG (xorshift64*, seeded through splitmix64).

#[derive(Debug, Clone)]
pub struct Rng(u64);

pub fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A stable 64-bit hash of a string (FNV-1a), for seeds derived from names.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(splitmix(seed) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.range(0, xs.len() - 1)]
    }

    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.range(0, i);
            xs.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------
// The logical content of a resolution.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Pasted official text: blank lines between paragraphs, a new page starts
    /// with a line indented by exactly one space, footnote blocks at page feet.
    BlankLine,
    /// Line by line (80/5, 80/6): operative numbers alone on their line,
    /// footnotes under a rule, running heads.
    Line,
    /// Paragraph by paragraph (80/11, 80/14, 80/24): one line per paragraph,
    /// footnote blocks between paragraphs where a page ended.
    Paragraph,
    /// No blank lines, each paragraph's first line indented (A/ES-11/L.7).
    Indented,
}

impl Layout {
    pub const ALL: [Layout; 4] = [
        Layout::BlankLine,
        Layout::Line,
        Layout::Paragraph,
        Layout::Indented,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layout::BlankLine => "blank-line",
            Layout::Line => "line",
            Layout::Paragraph => "paragraph",
            Layout::Indented => "indented",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Para {
    pub kind: BlockKind,
    /// The block's lines joined into one logical line.
    pub text: String,
    /// The paragraph's first words start it by themselves: a number, a
    /// marker or a known opener.
    pub self_starting: bool,
    /// Length of a plain operative number (`5.`) or sub-paragraph marker
    /// (`(b)`) that may stand alone on its line.
    pub number_len: Option<usize>,
    /// A sub-paragraph with a parenthesised marker, which may follow its
    /// parent with no blank line.
    pub paren_sub: bool,
    /// Stays on one line (section heading, annex heading, meeting line).
    pub one_line: bool,
    /// Keeps the line breaks of the source: a block without final
    /// punctuation over several lines (an item list whose markers were lost,
    /// a paragraph that lost its end). Joined into one line it could become
    /// a one-line block, a section heading, which the SPEC reads otherwise.
    pub fixed: Option<Vec<Range<usize>>>,
}

#[derive(Debug, Clone)]
pub struct Note {
    /// The number as written (`3`, `¹`, `[^3]`), or `*`.
    pub label: String,
    pub number: Option<u32>,
    pub text: String,
    /// Paragraph and byte offset in its text where the footnote belongs: its
    /// first reference, or where the source had it.
    pub anchor: (usize, usize),
}

#[derive(Debug, Clone)]
pub struct Model {
    /// Heading lines before the chapeau; `None` is a blank line.
    pub heading: Vec<Option<String>>,
    pub chapeau: Option<String>,
    pub paras: Vec<Para>,
    pub notes: Vec<Note>,
    pub title: Option<String>,
    pub symbol: String,
    pub draft_form: bool,
}

/// Where a line of a laid-out text comes from (for the reducer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    Heading(usize),
    Chapeau,
    Para(usize),
    Note(usize),
    /// Page furniture of the page break before page `k` (0-based).
    Page(usize),
    Blank,
}

#[derive(Debug, Clone)]
pub struct Laid {
    pub lines: Vec<(String, Tag)>,
    pub crlf: bool,
}

impl Laid {
    pub fn text(&self) -> String {
        self.text_keeping(&|_| true)
    }

    /// The text with only the lines whose tag `keep` accepts (blank lines
    /// and the chapeau are always kept).
    pub fn text_keeping(&self, keep: &dyn Fn(Tag) -> bool) -> String {
        self.text_filtered(keep, false)
    }

    /// As [`Laid::text_keeping`]; with `collapse`, a run of blank lines
    /// becomes one and leading blank lines go (for short reproducers).
    pub fn text_filtered(&self, keep: &dyn Fn(Tag) -> bool, collapse: bool) -> String {
        let nl = if self.crlf { "\r\n" } else { "\n" };
        let mut out = String::new();
        let mut prev_blank = true;
        for (line, tag) in &self.lines {
            if matches!(tag, Tag::Blank | Tag::Chapeau) || keep(*tag) {
                let blank = line.trim().is_empty();
                if collapse && blank && prev_blank {
                    continue;
                }
                prev_blank = blank;
                out.push_str(line);
                out.push_str(nl);
            }
        }
        out
    }
}

/// Trimmed lines joined with a space; a line that ends with a hyphen or dash
/// glued to a letter or digit (`Secretary-`, `2024–`) is joined without one.
fn join_lines(
    src: &str,
    lines: impl IntoIterator<Item = Range<usize>>,
    offsets: &mut Vec<(usize, usize)>,
) -> String {
    let mut out = String::new();
    for r in lines {
        let raw = &src[r.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let glued = out.ends_with(['-', '–'])
                && out
                    .chars()
                    .rev()
                    .nth(1)
                    .is_some_and(|c| c.is_alphanumeric());
            if !glued {
                out.push(' ');
            }
        }
        offsets.push((r.start + lead, out.len()));
        out.push_str(t);
    }
    out
}

fn joined_offset(offsets: &[(usize, usize)], src_pos: usize) -> usize {
    let mut best = 0;
    for &(s, j) in offsets {
        if s <= src_pos {
            best = j + (src_pos - s);
        }
    }
    best
}

macro_rules! regex {
    ($re:literal) => {{
        static RE: OnceLock<Regex> = OnceLock::new();
        RE.get_or_init(|| Regex::new($re).expect("valid regex"))
    }};
}

fn symbol_in(t: &str) -> Option<String> {
    regex!(r"\b[ASE]/[A-Z0-9][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+")
        .find(t)
        .map(|m| m.as_str().trim_end_matches('.').to_string())
}

fn symbol_from_name(name: &str) -> Option<String> {
    let stem = name
        .rsplit('/')
        .next()
        .unwrap_or(name)
        .trim_end_matches(".txt")
        .trim_end_matches(".reso");
    if let Some(c) = regex!(r"^S-RES-(\d+)-(\d{4})$").captures(stem) {
        return Some(format!("S/RES/{} ({})", &c[1], &c[2]));
    }
    if let Some(c) = regex!(r"^A-RES-(\d+)-(\d+)$").captures(stem) {
        return Some(format!("A/RES/{}/{}", &c[1], &c[2]));
    }
    None
}

impl Model {
    /// The logical content of a parsed text. `name` is the fixture's path
    /// (for a document symbol when the heading has none).
    pub fn from_parse(src: &str, doc: &Document, name: &str) -> Model {
        let body_start = doc.chapeau.map_or_else(
            || {
                doc.blocks
                    .iter()
                    .position(|b| b.part != reso::syntax::Part::Heading)
                    .unwrap_or(doc.blocks.len())
            },
            |c| c + 1,
        );
        let mut heading = Vec::new();
        for b in &doc.blocks[..doc.chapeau.unwrap_or(body_start)] {
            match b.kind {
                BlockKind::Blank => {
                    if heading.last().is_some_and(|l: &Option<String>| l.is_some()) {
                        heading.push(None);
                    }
                }
                _ => {
                    let text = join_lines(src, b.lines.iter(), &mut Vec::new());
                    if !text.is_empty() {
                        heading.push(Some(text));
                    }
                }
            }
        }
        while heading.last().is_some_and(|l| l.is_none()) {
            heading.pop();
        }
        let chapeau = doc
            .chapeau
            .map(|c| join_lines(src, doc.blocks[c].lines.iter(), &mut Vec::new()));

        let mut paras = Vec::new();
        let mut para_of_block = vec![usize::MAX; doc.blocks.len()];
        let mut offsets_of: Vec<Vec<(usize, usize)>> = Vec::new();
        // Notes with the index of the last paragraph before them in the source.
        let mut notes: Vec<(Note, Option<usize>)> = Vec::new();
        for (bi, b) in doc.blocks.iter().enumerate().skip(body_start) {
            let last_para = paras.len().checked_sub(1);
            match b.kind {
                BlockKind::Blank | BlockKind::Furniture => {}
                BlockKind::FootnoteDef => {
                    let Some(d) = doc.footnote_defs.iter().find(|d| d.block == bi) else {
                        continue;
                    };
                    let label = src[d.number_range.clone()].to_string();
                    let text = join_lines(src, d.text.iter().cloned(), &mut Vec::new());
                    notes.push((
                        Note {
                            label,
                            number: Some(d.number),
                            text,
                            anchor: (0, 0),
                        },
                        last_para,
                    ));
                }
                BlockKind::StarNote => {
                    let t = join_lines(src, b.lines.iter(), &mut Vec::new());
                    notes.push((
                        Note {
                            label: "*".into(),
                            number: None,
                            text: t[1..].trim().to_string(),
                            anchor: (0, 0),
                        },
                        last_para,
                    ));
                }
                kind => {
                    let mut offsets = Vec::new();
                    let text = join_lines(src, b.lines.iter(), &mut offsets);
                    if text.is_empty() {
                        continue;
                    }
                    // `5.` and `(b)` may stand alone on their line in the line
                    // layout (SPEC for operative numbers; 80/5 shows markers).
                    let number_len = match &b.marker {
                        Some(m) => {
                            let mt = &src[b.marker_range().unwrap_or_default()];
                            let rest = text[mt.len().min(text.len())..].trim();
                            let plain = match m.kind {
                                MarkerKind::Number { .. } => regex!(r"^\d{1,3}\.$").is_match(mt),
                                MarkerKind::Sub { .. } => {
                                    regex!(r"^\((?:[a-z]{1,2}|[ivxl]{1,6})\)$").is_match(mt)
                                }
                            };
                            (plain && text.starts_with(mt) && !rest.is_empty()).then_some(mt.len())
                        }
                        _ => None,
                    };
                    let paren_sub = kind == BlockKind::SubParagraph
                        && b.marker.as_ref().is_some_and(|m| {
                            matches!(m.kind, MarkerKind::Sub { .. })
                                && src[b.marker_range().unwrap_or_default()].starts_with('(')
                        });
                    let self_starting =
                        b.marker.is_some() || b.opener.as_ref().is_some_and(|o| o.kind.is_some());
                    let one_line = matches!(
                        kind,
                        BlockKind::SectionHeading
                            | BlockKind::AnnexHeading
                            | BlockKind::MeetingLine
                            | BlockKind::Heading
                            | BlockKind::Title
                            | BlockKind::Chapeau
                    );
                    let fixed = (offsets.len() > 1 && !one_line && unfinished(&text)).then(|| {
                        let mut v: Vec<Range<usize>> = Vec::new();
                        for (k, &(_, start)) in offsets.iter().enumerate() {
                            let end = offsets.get(k + 1).map_or(text.len(), |o| o.1);
                            v.push(start..text[..end].trim_end().len());
                        }
                        v
                    });
                    para_of_block[bi] = paras.len();
                    offsets_of.push(offsets);
                    paras.push(Para {
                        kind,
                        text,
                        self_starting,
                        number_len,
                        paren_sub,
                        one_line,
                        fixed,
                    });
                }
            }
        }
        // Anchors: the first reference, else the place in the source.
        let mut out_notes = Vec::new();
        let mut floor = (0usize, 0usize);
        for (mut note, last_para) in notes {
            let first_ref = note.number.and_then(|n| {
                doc.footnote_refs
                    .iter()
                    .filter(|r| r.number == n)
                    .find(|r| para_of_block.get(r.block).is_some_and(|&p| p != usize::MAX))
            });
            let anchor = match first_ref {
                Some(r) => {
                    let p = para_of_block[r.block];
                    (p, joined_offset(&offsets_of[p], r.range.start))
                }
                None => match last_para {
                    Some(p) => (p, paras[p].text.len()),
                    None => (0, 0),
                },
            };
            note.anchor = anchor;
            if note.number.is_some() {
                note.anchor = note.anchor.max(floor);
                floor = note.anchor;
            }
            out_notes.push(note);
        }
        let title = doc.title_text(src).filter(|t| !t.trim().is_empty());
        // The resolution's own symbol: from the file name of a published
        // resolution, else the first symbol of the heading (a draft's).
        let symbol = symbol_from_name(name)
            .or_else(|| heading.iter().flatten().find_map(|l| symbol_in(l)))
            .unwrap_or_else(|| "A/C.1/80/L.1".to_string());
        Model {
            heading,
            chapeau,
            paras,
            notes: out_notes,
            title,
            symbol,
            draft_form: doc.footnote_form == FootnoteForm::Draft,
        }
    }

    /// The line of a footnote: `3 text`, `[^3]: text`, `* text`.
    pub fn note_line(&self, i: usize) -> String {
        let n = &self.notes[i];
        if self.draft_form && n.number.is_some() {
            format!("{}: {}", n.label, n.text)
        } else {
            format!("{} {}", n.label, n.text)
        }
    }

    fn consecutive(&self, a: usize, b: usize) -> bool {
        matches!((self.notes[a].number, self.notes[b].number), (Some(x), Some(y)) if y == x + 1)
    }

    /// The clean text: heading, chapeau, one line per paragraph with blank
    /// lines between, each footnote block after the paragraph that holds its
    /// first reference (or where the source had it).
    pub fn canonical(&self) -> Laid {
        let mut lines = Vec::new();
        self.push_heading(&mut lines, "");
        if let Some(c) = &self.chapeau {
            lines.push((c.clone(), Tag::Chapeau));
            lines.push((String::new(), Tag::Blank));
        }
        let mut placed = vec![false; self.notes.len()];
        for (i, p) in self.paras.iter().enumerate() {
            match &p.fixed {
                Some(f) => {
                    for r in f {
                        lines.push((p.text[r.clone()].to_string(), Tag::Para(i)));
                    }
                }
                None => lines.push((p.text.clone(), Tag::Para(i))),
            }
            lines.push((String::new(), Tag::Blank));
            let mine: Vec<usize> = (0..self.notes.len())
                .filter(|&n| !placed[n] && self.notes[n].anchor.0 <= i)
                .collect();
            self.push_note_block(&mut lines, &mine, &mut placed);
        }
        let rest: Vec<usize> = (0..self.notes.len()).filter(|&n| !placed[n]).collect();
        self.push_note_block(&mut lines, &rest, &mut placed);
        Laid { lines, crlf: false }
    }

    fn push_note_block(
        &self,
        lines: &mut Vec<(String, Tag)>,
        notes: &[usize],
        placed: &mut [bool],
    ) {
        for (k, &n) in notes.iter().enumerate() {
            if k > 0 && !self.consecutive(notes[k - 1], n) {
                lines.push((String::new(), Tag::Blank));
            }
            lines.push((self.note_line(n), Tag::Note(n)));
            placed[n] = true;
        }
        if !notes.is_empty() {
            lines.push((String::new(), Tag::Blank));
        }
    }

    fn push_heading(&self, lines: &mut Vec<(String, Tag)>, blank: &str) {
        for (i, h) in self.heading.iter().enumerate() {
            match h {
                Some(t) => lines.push((t.clone(), Tag::Heading(i))),
                None => lines.push((blank.to_string(), Tag::Blank)),
            }
        }
        if !self.heading.is_empty() {
            lines.push((blank.to_string(), Tag::Blank));
        }
    }

    /// The words of the title, lowered, for the title-part test.
    fn title_words(&self) -> Vec<String> {
        self.title.as_deref().map(norm_words).unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------
// What a line may be.

fn norm_words(t: &str) -> Vec<String> {
    t.split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Is the line a contiguous part of the title (SPEC: page furniture when
/// alone at a page break or between blank lines)?
fn is_title_part(line: &str, title: &[String]) -> bool {
    let title_len: usize = title.iter().map(|w| w.len() + 1).sum();
    if title.is_empty() || line.len() > 2 * title_len + 8 {
        return false;
    }
    let w = norm_words(line);
    !w.is_empty() && !title.is_empty() && title.windows(w.len()).any(|win| win == w.as_slice())
}

/// The start of a line that begins a paragraph, a footnote or a note in every
/// layout: the wrapper never lets a wrapped line begin so.
fn starts_block_everywhere(rest: &str) -> bool {
    regex!(r"^\[?\d{1,3}(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?\.\]?(?:\s|$)").is_match(rest)
        || regex!(r"^\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)").is_match(rest)
        || regex!(r"^(?:[a-z]|[ivx]{1,5})\.(?:\s|$)").is_match(rest)
        || regex!(r"^\*(?:\s|$)").is_match(rest)
        || regex!(r"^\[\^?\d").is_match(rest)
        || regex!(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]").is_match(rest)
        || regex!(r"^(?:\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b|Adopted\b)").is_match(rest)
}

/// A whole line that the SPEC could read as something other than text when
/// it stands alone: a symbol, job or page number, barcode, date, `Annex`, a
/// chapeau, a rule.
fn furniture_like(line: &str) -> bool {
    let t = line.trim();
    let tokens: Vec<&str> = t.split_whitespace().collect();
    if tokens.len() <= 2
        && tokens
            .iter()
            .any(|w| w.contains('/') || w.chars().any(|c| c.is_ascii_digit()))
    {
        return true;
    }
    regex!(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\.?$").is_match(t)
        || regex!(r"^\d{2}-\d{5}").is_match(t)
        || regex!(r"^\d{1,3}/\d{1,3}(?:\s|$)").is_match(t)
        || regex!(r"^Annex(?:\s+\S+)?$").is_match(t)
        || regex!(r"^The(?:\s+(?:[A-Z][\w’'\-]*|and|of|on|for|the|to|in))+\s*,?$").is_match(t)
        || regex!(r"^[_\-—–]{3,}$").is_match(t)
}

/// Does the line end without final punctuation, a trailing footnote reference
/// ignored? Conservative: anything that could be read as final punctuation
/// counts as finished.
fn unfinished(line: &str) -> bool {
    let mut s = line.trim_end();
    loop {
        let before = s.len();
        if s.ends_with(']') {
            if let Some(open) = s.rfind("[^") {
                s = s[..open].trim_end();
            }
        }
        s = s
            .trim_end_matches(|c: char| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c))
            .trim_end();
        let digits = s.trim_end_matches(|c: char| c.is_ascii_digit());
        if (1..=3).contains(&(s.len() - digits.len())) {
            let d = digits.trim_end();
            if d.ends_with([',', ';', '.', ':', '!', '?']) {
                s = d;
            }
        }
        s = s.trim_end_matches(['”', '"', '’', '\'', ']']).trim_end();
        if s.len() == before {
            break;
        }
    }
    !s.is_empty() && !s.ends_with([',', ';', '.', ':', '!', '?'])
}

/// The first words of `rest`, trimmed as the vocabulary expects.
fn opens(rest: &str) -> bool {
    if !rest.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let words: Vec<&str> = rest
        .split_whitespace()
        .take(16)
        .map(|w| w.trim_end_matches([',', ':', ';']))
        .collect();
    Vocabulary::get().match_words(&words).is_some()
}

/// May a paragraph go on with `rest` after a page break, a footnote block or
/// a running head? `defined` is the highest footnote number already laid out
/// (the paragraph layout lets a continuation start with such a number).
fn continuation_ok(rest: &str, layout: Layout, defined: u32) -> bool {
    if starts_block_everywhere(rest) || opens(rest) {
        return false;
    }
    if regex!(r"^(?:Annex\b|[(\[*])").is_match(rest) {
        return false;
    }
    if let Some(c) = regex!(r"^(\d+)").captures(rest) {
        let allowed = layout == Layout::Paragraph
            && regex!(r"^\d{1,3}\s+\S").is_match(rest)
            && c[1].parse::<u32>().is_ok_and(|n| n >= 1 && n <= defined);
        return allowed;
    }
    true
}

// ---------------------------------------------------------------------------
// Wrapping.

/// Where a line may end: (end of this line, start of the next).
fn break_points(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == ' ' || c == '\t' {
            let mut j = i;
            while j < chars.len() && (chars[j].1 == ' ' || chars[j].1 == '\t') {
                j += 1;
            }
            if j < chars.len() && pos > 0 {
                out.push((pos, chars[j].0));
            }
            i = j;
            continue;
        }
        if (c == '-' || c == '–') && i > 0 && i + 1 < chars.len() {
            let prev = chars[i - 1].1;
            let next = chars[i + 1].1;
            let letters = prev.is_alphabetic() && next.is_alphabetic();
            let year = next.is_ascii_digit()
                && i >= 4
                && chars[i - 4..i].iter().all(|(_, d)| d.is_ascii_digit())
                && (i < 5 || !chars[i - 5].1.is_ascii_digit());
            if letters || year {
                let end = pos + c.len_utf8();
                out.push((end, end));
            }
        }
        i += 1;
    }
    out
}

struct WrapCtx<'a> {
    title: &'a [String],
    /// The line after a break must not start a footnote `next_note`.
    next_note: Option<u32>,
}

/// Splits `text` into lines of about `width` characters (byte ranges into
/// `text`), so that no wrapped line is misread (see the module comment).
fn wrap(text: &str, width: usize, ctx: &WrapCtx, rng: &mut Rng) -> Vec<Range<usize>> {
    let points = break_points(text);
    let mut budget = 4000;
    let mut out = Vec::new();
    if wrap_from(text, 0, &points, width, ctx, rng, &mut out, &mut budget) {
        return out;
    }
    // No wrapping fits the rules: one line, as the paragraph layout writes it.
    vec![0..text.len()]
}

fn line_ok(line: &str, ctx: &WrapCtx) -> bool {
    !furniture_like(line) && !is_title_part(line, ctx.title)
}

fn start_ok(rest: &str, ctx: &WrapCtx) -> bool {
    if starts_block_everywhere(rest) {
        return false;
    }
    if let Some(n) = ctx.next_note {
        if regex!(r"^(\d+)\s")
            .captures(rest)
            .is_some_and(|c| c[1] == n.to_string())
        {
            return false;
        }
    }
    true
}

#[allow(clippy::too_many_arguments)]
fn wrap_from(
    text: &str,
    start: usize,
    points: &[(usize, usize)],
    width: usize,
    ctx: &WrapCtx,
    rng: &mut Rng,
    out: &mut Vec<Range<usize>>,
    budget: &mut usize,
) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    let rest = &text[start..];
    let w = width.saturating_sub(rng.range(0, 6)).max(30);
    if rest.chars().count() <= w {
        if start == 0 || line_ok(rest, ctx) {
            out.push(start..text.len());
            return true;
        }
        return false;
    }
    // Candidate breaks after `start` (within reach of `w` characters): the
    // greedy one first, then earlier, then later ones.
    let reach = start + 4 * w + 8;
    let cands: Vec<&(usize, usize)> = points
        .iter()
        .filter(|p| p.0 > start && p.0 <= reach)
        .collect();
    if cands.is_empty() {
        if line_ok(rest, ctx) {
            out.push(start..text.len());
            return true;
        }
        return false;
    }
    let fit = cands
        .iter()
        .rposition(|p| text[start..p.0].chars().count() <= w)
        .unwrap_or(0);
    let mut order: Vec<usize> = (0..=fit).rev().take(6).collect();
    order.extend((fit + 1..cands.len()).take(4));
    for k in order {
        let (end, next) = *cands[k];
        let line = &text[start..end];
        if line.trim().is_empty() {
            continue;
        }
        if !line_ok(line, ctx) || !start_ok(&text[next..], ctx) {
            continue;
        }
        out.push(start..end);
        if wrap_from(text, next, points, width, ctx, rng, out, budget) {
            return true;
        }
        out.pop();
    }
    false
}

// ---------------------------------------------------------------------------
// Laying out.

/// One printed line of the body (before page layout).
#[derive(Debug, Clone)]
struct FLine {
    para: usize,
    /// Byte range in the paragraph's text.
    range: Range<usize>,
    /// A page may break before this line.
    break_ok: bool,
}

struct Engine<'a> {
    m: &'a Model,
    layout: Layout,
    rng: Rng,
    width: usize,
    title: Vec<String>,
    /// Each note's lines (ranges into its line text).
    note_lines: Vec<Vec<Range<usize>>>,
    /// The page being written (for the tags of its furniture).
    page: usize,
    digit_breaks: usize,
}

/// Statistics of what a layout produced, to show that the property is not
/// vacuous.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub pages: usize,
    pub split_paragraphs: usize,
    pub notes_mid_paragraph: usize,
    pub numbers_alone: usize,
    pub running_heads: usize,
    /// Paragraph-layout continuations that start with digits.
    pub digit_continuations: usize,
}

pub fn relayout(m: &Model, layout: Layout, seed: u64) -> (Laid, Stats) {
    let mut rng = Rng::new(seed);
    let width = rng.range(74, 92);
    let title = m.title_words();
    let mut note_lines = Vec::new();
    for i in 0..m.notes.len() {
        let line = m.note_line(i);
        let next = m.notes[i].number.map(|n| n + 1);
        let ctx = WrapCtx {
            title: &title,
            next_note: next,
        };
        // `* text` is a line (SPEC section 2): never wrapped.
        let lines = match layout {
            _ if m.notes[i].number.is_none() => vec![0..line.len()],
            Layout::Paragraph if !rng.chance(0.3) => vec![0..line.len()],
            _ => wrap(&line, width, &ctx, &mut rng),
        };
        note_lines.push(lines);
    }
    let mut e = Engine {
        m,
        layout,
        rng,
        width,
        title,
        note_lines,
        page: 0,
        digit_breaks: 0,
    };
    let mut laid = e.run(false);
    if layout == Layout::Indented && !indented_majority(&laid) {
        laid = e.run(true);
    }
    let mut stats = laid.1;
    stats.pages = stats.pages.max(1);
    (laid.0, stats)
}

/// In the indented layout, fewer paragraph starts may follow a blank line
/// than not (SPEC: the layout is decided by that count).
fn indented_majority(laid: &(Laid, Stats)) -> bool {
    let lines = &laid.0.lines;
    let start = lines
        .iter()
        .position(|(_, t)| *t == Tag::Chapeau)
        .map_or(0, |c| c + 1);
    let (mut after_blank, mut other) = (0, 0);
    for i in start..lines.len() {
        let t = lines[i].0.trim();
        if t.is_empty() {
            continue;
        }
        let starts = regex!(r"^\[?\d{1,3}(?:\s+\w+)?\.\]?(?:\s|$)").is_match(t) || opens(t);
        if !starts {
            continue;
        }
        if i == start || lines[i - 1].0.trim().is_empty() {
            after_blank += 1;
        } else {
            other += 1;
        }
    }
    after_blank < other
}

impl Engine<'_> {
    /// A blank line: empty, or spaces and tabs (SPEC: "a line of nothing but
    /// spaces and tabs is blank").
    fn blank(&mut self) -> String {
        match self.rng.range(0, 9) {
            0..=4 => String::new(),
            5..=7 => " ".into(),
            8 => "\t".into(),
            _ => " \t ".into(),
        }
    }

    /// The printed lines of every paragraph, with the places a page may break.
    fn flow(&mut self) -> (Vec<FLine>, Vec<bool>) {
        let mut flow = Vec::new();
        let mut number_alone = vec![false; self.m.paras.len()];
        for (pi, p) in self.m.paras.iter().enumerate() {
            let ctx = WrapCtx {
                title: &self.title,
                next_note: None,
            };
            let mut ranges: Vec<Range<usize>> = Vec::new();
            let meeting = regex!(r"^\d+(?:st|nd|rd|th) plenary meeting\s+")
                .find(&p.text)
                .filter(|_| p.kind == BlockKind::MeetingLine);
            if let (Some(m), Layout::Line) = (meeting, self.layout) {
                let end = m.as_str().trim_end().len();
                ranges.push(0..end);
                ranges.push(m.end()..p.text.len());
            } else if let Some(f) = &p.fixed {
                ranges.clone_from(f);
            } else if p.one_line {
                ranges.push(0..p.text.len());
            } else if let (Layout::Line, Some(n)) = (self.layout, p.number_len) {
                if self.rng.chance(0.5) {
                    number_alone[pi] = true;
                    ranges.push(0..n);
                    let off = p.text[n..].len() - p.text[n..].trim_start().len() + n;
                    let rest = &p.text[off..];
                    for r in wrap(rest, self.width, &ctx, &mut self.rng) {
                        ranges.push(r.start + off..r.end + off);
                    }
                } else {
                    ranges = wrap(&p.text, self.width, &ctx, &mut self.rng);
                }
            } else {
                ranges = wrap(&p.text, self.width, &ctx, &mut self.rng);
            }
            let first_text = usize::from(number_alone[pi]);
            for (j, r) in ranges.iter().enumerate() {
                // A page breaks between paragraphs only after a finished one:
                // after an unfinished one the SPEC may read the next page's
                // first block as its continuation.
                let break_ok = if j == 0 {
                    pi == 0 || !unfinished(&self.m.paras[pi - 1].text)
                } else if j <= first_text || p.one_line || p.fixed.is_some() {
                    false
                } else {
                    let prev = &p.text[ranges[j - 1].clone()];
                    // The part before the break must not be a one-line block
                    // without final punctuation (SPEC: a section heading) unless
                    // the paragraph starts itself; the paragraph layout writes
                    // that part on one line whatever its length.
                    let one_line_part = j - 1 == first_text || self.layout == Layout::Paragraph;
                    unfinished(prev) && (!one_line_part || p.self_starting)
                };
                flow.push(FLine {
                    para: pi,
                    range: r.clone(),
                    break_ok,
                });
            }
        }
        (flow, number_alone)
    }

    /// The flow line that holds each note's anchor.
    fn note_homes(&self, flow: &[FLine]) -> Vec<usize> {
        self.m
            .notes
            .iter()
            .map(|n| {
                let (p, off) = n.anchor;
                flow.iter()
                    .rposition(|l| l.para == p && l.range.start <= off)
                    .or_else(|| flow.iter().rposition(|l| l.para <= p))
                    .unwrap_or(0)
            })
            .collect()
    }

    fn note_cost(&self, notes: &[usize]) -> usize {
        if notes.is_empty() {
            return 0;
        }
        2 + notes
            .iter()
            .map(|&i| self.note_lines[i].len() + 1)
            .sum::<usize>()
    }

    /// Cuts the flow into pages: (first line, end) of each.
    fn paginate(&mut self, flow: &[FLine], homes: &[usize], ok: &[bool]) -> Vec<Range<usize>> {
        let n = flow.len();
        let page_len = self.rng.range(40, 50);
        let head = self.m.heading.len() + 3;
        let mut pages = Vec::new();
        let mut s = 0;
        let mut first = true;
        while s < n {
            let mut cap = page_len + self.rng.range(0, 6) - 3;
            if first {
                cap = cap.saturating_sub(head).max(12);
            }
            first = false;
            let notes_in = |k: usize| -> Vec<usize> {
                (0..homes.len())
                    .filter(|&i| homes[i] >= s && homes[i] < k)
                    .collect()
            };
            // Blank lines between paragraphs take room too.
            let body = |k: usize| -> usize {
                (s..k)
                    .map(|i| 1 + usize::from(i > s && flow[i].para != flow[i - 1].para))
                    .sum()
            };
            if n - s <= cap && body(n) + self.note_cost(&notes_in(n)) <= cap {
                pages.push(s..n);
                break;
            }
            let mut chosen = None;
            for k in (s + 4..n.min(s + cap + 1)).rev() {
                if ok[k] && body(k) + self.note_cost(&notes_in(k)) <= cap {
                    chosen = Some(k);
                    break;
                }
            }
            // The paragraph layout prefers, near the foot, a break before a
            // continuation that starts with digits (`8 and 9 December 2014`
            // after footnote 14: SPEC section 2).
            if let (Layout::Paragraph, Some(c)) = (self.layout, chosen) {
                let digits = |k: usize| {
                    k > 0
                        && flow[k].para == flow[k - 1].para
                        && self.m.paras[flow[k].para].text[flow[k].range.clone()]
                            .starts_with(|ch: char| ch.is_ascii_digit())
                };
                if let Some(k) = (c.saturating_sub(12).max(s + 4)..=c)
                    .rev()
                    .find(|&k| ok[k] && digits(k))
                {
                    chosen = Some(k);
                    self.digit_breaks += 1;
                }
            }
            let k = chosen.or_else(|| (s + 4..n).find(|&k| ok[k])).unwrap_or(n);
            pages.push(s..k);
            s = k;
        }
        pages
    }

    fn run(&mut self, no_blank_before_body: bool) -> (Laid, Stats) {
        let (flow, number_alone) = self.flow();
        let homes = self.note_homes(&flow);
        // Continuations: the line after a break must be allowed to go on.
        let mut ok: Vec<bool> = Vec::with_capacity(flow.len());
        for (i, l) in flow.iter().enumerate() {
            if i == 0 {
                ok.push(false);
                continue;
            }
            let mut b = l.break_ok;
            if b && flow[i - 1].para == l.para {
                let text = &self.m.paras[l.para].text[l.range.start..];
                // Footnotes defined before this line (for the paragraph layout).
                let defined = self
                    .m
                    .notes
                    .iter()
                    .zip(&homes)
                    .filter(|(_, &h)| h < i)
                    .filter_map(|(n, _)| n.number)
                    .max()
                    .unwrap_or(0);
                b = continuation_ok(text, self.layout, defined);
            }
            ok.push(b);
        }
        let pages = self.paginate(&flow, &homes, &ok);
        let mut stats = Stats {
            pages: pages.len(),
            digit_continuations: self.digit_breaks,
            ..Stats::default()
        };
        stats.numbers_alone = number_alone.iter().filter(|&&b| b).count();
        let mut page_notes: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
        for (i, &h) in homes.iter().enumerate() {
            let pg = pages
                .iter()
                .position(|r| r.contains(&h))
                .unwrap_or(pages.len().saturating_sub(1));
            if let Some(v) = page_notes.get_mut(pg) {
                v.push(i);
            }
        }
        for v in &mut page_notes {
            v.sort_by_key(|&i| (homes[i], i));
        }
        for w in pages.windows(2) {
            let k = w[1].start;
            if flow[k].para == flow[k - 1].para {
                stats.split_paragraphs += 1;
            }
        }
        for (pg, r) in pages.iter().enumerate() {
            if r.end < flow.len()
                && flow[r.end].para == flow[r.end - 1].para
                && !page_notes[pg].is_empty()
            {
                stats.notes_mid_paragraph += 1;
            }
        }

        let mut out: Vec<(String, Tag)> = Vec::new();
        let heading_blank = match self.layout {
            Layout::Line | Layout::Indented => " ",
            _ => "",
        };
        self.m.push_heading(&mut out, heading_blank);
        if let Some(c) = &self.m.chapeau {
            let c = if self.layout == Layout::Indented {
                format!(" {c}")
            } else {
                c.clone()
            };
            out.push((c, Tag::Chapeau));
            if self.layout != Layout::Indented {
                let b = self.blank();
                out.push((b, Tag::Blank));
            }
        }
        let npages = pages.len();
        let job = format!(
            "{:02}-{:05}",
            self.rng.range(10, 26),
            self.rng.range(0, 99999)
        );
        let barcode = format!("*{}*", job.replace('-', ""));
        for (pg, r) in pages.iter().enumerate() {
            self.page = pg;
            if pg > 0 {
                let cont = flow[r.start].para == flow[r.start - 1].para;
                self.page_head(
                    &mut out,
                    pg,
                    npages,
                    &job,
                    &barcode,
                    cont,
                    no_blank_before_body,
                );
                if self.layout != Layout::BlankLine {
                    stats.running_heads += 1;
                }
            }
            self.body(&mut out, &flow, r.clone(), pg > 0, &number_alone);
            let notes = page_notes[pg].clone();
            let last = pg + 1 == npages;
            let mid = !last && flow[r.end].para == flow[r.end - 1].para;
            self.page_foot(&mut out, &notes, mid, last);
        }
        // Trailing spaces, as PDF tools leave them.
        for (line, tag) in &mut out {
            if !line.trim().is_empty() && *tag != Tag::Chapeau && self.rng.chance(0.2) {
                line.push(' ');
            }
        }
        let crlf = self.rng.chance(0.2);
        (Laid { lines: out, crlf }, stats)
    }

    fn title_lines(&mut self) -> Vec<String> {
        let Some(t) = self.m.title.clone() else {
            return Vec::new();
        };
        let words: Vec<&str> = t.split_whitespace().collect();
        let n = if t.len() > 100 {
            self.rng.range(2, 3)
        } else if t.len() > 50 {
            self.rng.range(1, 2)
        } else {
            1
        };
        let per = words.len().div_ceil(n);
        words.chunks(per.max(1)).map(|c| c.join(" ")).collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn page_head(
        &mut self,
        out: &mut Vec<(String, Tag)>,
        pg: usize,
        npages: usize,
        job: &str,
        barcode: &str,
        cont: bool,
        no_blank_before_body: bool,
    ) {
        let tag = Tag::Page(pg);
        let page = format!("{}/{}", pg + 1, npages);
        match self.layout {
            Layout::BlankLine => {
                // The page's first line carries the one-space mark (in `body`);
                // now and then a repeated title stands alone at the break.
                let p = if cont { 0.2 } else { 0.4 };
                if self.rng.chance(p) {
                    out.push((String::new(), Tag::Blank));
                }
            }
            Layout::Line => {
                let mut parts: Vec<Vec<String>> = vec![
                    vec![self.m.symbol.clone()],
                    vec![if self.rng.chance(0.5) {
                        job.to_string()
                    } else {
                        format!("{job} (E)")
                    }],
                    vec![page],
                ];
                let tl = self.title_lines();
                if !tl.is_empty() {
                    parts.push(tl);
                }
                if self.rng.chance(0.3) {
                    parts.push(vec![barcode.to_string()]);
                }
                self.rng.shuffle(&mut parts);
                for part in parts {
                    for l in part {
                        out.push((l, tag));
                    }
                    if self.rng.chance(0.4) {
                        let b = self.blank();
                        out.push((b, tag));
                    }
                }
                for _ in 0..self.rng.range(0, 2) {
                    let b = self.blank();
                    out.push((b, tag));
                }
            }
            Layout::Paragraph => {}
            Layout::Indented => {
                let jp = if self.rng.chance(0.5) {
                    format!("{job} {page}")
                } else {
                    format!("{page} {job}")
                };
                let mut parts = vec![format!(" {}", self.m.symbol), jp];
                if self.rng.chance(0.3) {
                    parts.push(barcode.to_string());
                }
                self.rng.shuffle(&mut parts);
                for p in parts {
                    out.push((p, tag));
                    if self.rng.chance(0.5) {
                        out.push((" ".into(), tag));
                    }
                }
                if no_blank_before_body {
                    while out.last().is_some_and(|(l, _)| l.trim().is_empty()) {
                        out.pop();
                    }
                }
            }
        }
    }

    fn body(
        &mut self,
        out: &mut Vec<(String, Tag)>,
        flow: &[FLine],
        r: Range<usize>,
        new_page: bool,
        number_alone: &[bool],
    ) {
        let mut i = r.start;
        let mut first_on_page = new_page;
        if new_page
            && self.layout == Layout::BlankLine
            && self.m.title.is_some()
            && self.rng.chance(0.1)
        {
            let t = format!(" {}", self.m.title.clone().unwrap_or_default());
            out.push((t, Tag::Page(self.page)));
            first_on_page = false;
        }
        while i < r.end {
            let p = flow[i].para;
            let para = &self.m.paras[p];
            let tag = Tag::Para(p);
            // The lines of paragraph `p` on this page.
            let mut j = i;
            while j < r.end && flow[j].para == p {
                j += 1;
            }
            let starts_para = i == 0 || flow[i - 1].para != p;
            // Separator before a paragraph. At the top of a page the page
            // head has put what the layout wants.
            let mut attached = false;
            let last_blank = out.last().is_some_and(|(l, _)| l.trim().is_empty());
            if starts_para && i > 0 {
                match self.layout {
                    Layout::Indented => {}
                    Layout::BlankLine | Layout::Line if i == r.start => {}
                    Layout::BlankLine if para.paren_sub && self.rng.chance(0.5) => {
                        attached = true;
                    }
                    _ if last_blank => {}
                    _ => {
                        let b = self.blank();
                        out.push((b, Tag::Blank));
                    }
                }
            }
            if self.layout == Layout::Paragraph && para.fixed.is_some() {
                for l in &flow[i..j] {
                    out.push((para.text[l.range.clone()].to_string(), tag));
                }
                i = j;
                continue;
            }
            if self.layout == Layout::Paragraph {
                // One line per paragraph piece, now and then two.
                let start = flow[i].range.start;
                let end = flow[j - 1].range.end;
                let split = (i + 1..j)
                    .filter(|&k| flow[k].para == p)
                    .collect::<Vec<_>>();
                if !split.is_empty() && self.rng.chance(0.1) {
                    let k = *self.rng.pick(&split);
                    let a = para.text[start..flow[k - 1].range.end].to_string();
                    let b = para.text[flow[k].range.start..end].to_string();
                    out.push((a, tag));
                    out.push((b, tag));
                } else {
                    out.push((para.text[start..end].to_string(), tag));
                }
                i = j;
                continue;
            }
            for k in i..j {
                let mut line = para.text[flow[k].range.clone()].to_string();
                let first_of_para = k == 0 || flow[k - 1].para != p;
                match self.layout {
                    Layout::BlankLine if attached => line = format!("   {line}"),
                    Layout::Indented if first_of_para => line = format!(" {line}"),
                    Layout::Line if number_alone[p] && first_of_para => line.push(' '),
                    _ => {}
                }
                if first_on_page {
                    if self.layout == Layout::BlankLine {
                        line = format!(" {}", line.trim_start());
                    }
                    first_on_page = false;
                }
                out.push((line, tag));
            }
            i = j;
        }
    }

    fn page_foot(&mut self, out: &mut Vec<(String, Tag)>, notes: &[usize], mid: bool, last: bool) {
        let _ = mid;
        if notes.is_empty() {
            // PDF extraction line by line ends every page with an empty line.
            if self.layout == Layout::Line && !last {
                out.push((String::new(), Tag::Blank));
            }
            if self.layout == Layout::Paragraph && !last && self.rng.chance(0.25) {
                out.push((String::new(), Tag::Blank));
                if self.m.title.is_some() && self.rng.chance(0.6) {
                    let t = self.m.title.clone().unwrap_or_default();
                    out.push((t, Tag::Page(self.page)));
                } else {
                    out.push(("-".repeat(self.rng.range(3, 12)), Tag::Page(self.page)));
                }
                out.push((String::new(), Tag::Blank));
            }
            return;
        }
        match self.layout {
            Layout::BlankLine => {
                out.push((String::new(), Tag::Blank));
                for (x, &i) in notes.iter().enumerate() {
                    if x > 0
                        && (!self.m.consecutive(notes[x - 1], i)
                            || self.m.notes[i].number.is_none()
                            || self.rng.chance(0.3))
                    {
                        let b = self.blank();
                        out.push((b, Tag::Blank));
                    }
                    self.push_note(out, i, "");
                }
                if !last && self.rng.chance(0.5) {
                    out.push((String::new(), Tag::Blank));
                }
            }
            Layout::Line => {
                if self.rng.chance(0.3) {
                    let b = self.blank();
                    out.push((b, Tag::Blank));
                }
                out.push(("_".repeat(self.rng.range(10, 18)), Tag::Page(self.page)));
                out.push((" ".into(), Tag::Blank));
                for (x, &i) in notes.iter().enumerate() {
                    if x > 0 && self.rng.chance(0.7) {
                        out.push((" ".into(), Tag::Blank));
                    }
                    self.push_note(out, i, "");
                }
                out.push((String::new(), Tag::Blank));
            }
            Layout::Paragraph => {
                out.push((String::new(), Tag::Blank));
                for &i in notes {
                    self.push_note(out, i, "");
                    out.push((String::new(), Tag::Blank));
                }
            }
            Layout::Indented => {
                if notes.iter().any(|&i| self.m.notes[i].number.is_some()) {
                    out.push(("_".repeat(self.rng.range(10, 18)), Tag::Page(self.page)));
                }
                for &i in notes {
                    self.push_note(out, i, " ");
                }
            }
        }
    }

    fn push_note(&mut self, out: &mut Vec<(String, Tag)>, i: usize, indent: &str) {
        let line = self.m.note_line(i);
        for (k, r) in self.note_lines[i].iter().enumerate() {
            let t = &line[r.clone()];
            let t = if k == 0 {
                format!("{indent}{t}")
            } else {
                t.to_string()
            };
            out.push((t, Tag::Note(i)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfinished_lines() {
        assert!(unfinished("of the International"));
        assert!(unfinished("Outcome,>"));
        assert!(unfinished("of 19721"));
        assert!(!unfinished("endorsed by the General Assembly,4"));
        assert!(!unfinished("2024/25; 4"));
        assert!(!unfinished("of 1,000"));
        assert!(!unfinished("development”."));
    }

    #[test]
    fn wrapping_keeps_the_text_and_avoids_misreadings() {
        let text = "Requests the Secretary-General to report under paragraph \
            5. of the resolution and (a) above on 21 December 2009, 65/141 of 20 December 2010 \
            and on the Internet,21 in accordance with paragraphs 34 and 35 of the Tunis Agenda, \
            all of it A/66/64";
        let title = norm_words("Information and communications technologies for development");
        let ctx = WrapCtx {
            title: &title,
            next_note: None,
        };
        for seed in 0..50 {
            let mut rng = Rng::new(seed);
            let lines = wrap(text, 40, &ctx, &mut rng);
            let mut joined = String::new();
            for r in &lines {
                joined.push_str(&text[r.clone()]);
                joined.push(' ');
            }
            assert_eq!(norm_words(&joined), norm_words(text));
            for r in &lines[1..] {
                let l = &text[r.clone()];
                assert!(!starts_block_everywhere(l), "{l}");
                assert!(!furniture_like(l), "{l}");
            }
        }
    }
}
