//! Footnote references (SPEC section 2): candidates of every form in every
//! document (`[^N]`, `<sup>N</sup>`, superscripts, glued digits, bare
//! numbers), each strong, medium or weak, read as one sequence against the
//! definitions: strong candidates are always references, the others only
//! where the sequence needs them.

use std::ops::Range;

use super::lines::is_month;
use crate::syntax::model::{Block, BlockKind, FootnoteDef, FootnoteRef, Lines};

/// Words after which a number is never a footnote reference.
const TAKES_NUMBER: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "article",
    "articles",
    "no",
    "nos",
    "vol",
    "vols",
    "volume",
    "chapter",
    "chap",
    "chapters",
    "section",
    "sections",
    "part",
    "parts",
    "principle",
    "principles",
    "action",
    "actions",
    "item",
    "items",
    "step",
    "steps",
    "goal",
    "goals",
    "target",
    "targets",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "annex",
    "annexes",
    "rule",
    "rules",
    "and",
    "to",
    "or",
    "from",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "the",
    "than",
    "per",
    "some",
    "about",
    "over",
    "under",
    "least",
    "only",
    "all",
    "with",
    "between",
    "page",
    "pages",
    "p",
    "pp",
    "table",
    "figure",
    "box",
    "recommendation",
    "recommendations",
    "option",
    "level",
    "phase",
    "session",
    "sessions",
    "meeting",
    "number",
    "category",
    "schedule",
    "list",
    "appendix",
    "protocol",
    "clause",
    "sub-paragraph",
    "a",
    "an",
    "its",
    "their",
    "these",
    "those",
    "first",
    "last",
    "next",
    "every",
    "each",
    "nearly",
    "almost",
    "approximately",
    "around",
    "up",
    "down",
    "within",
    "into",
    "after",
    "before",
    "since",
    "until",
    "during",
    "of",
    "through",
    "no.",
    "vol.",
    "para.",
    "chap.",
    "art",
    "sect",
    "sect.",
    "art.",
    "p.",
    "pp.",
    "per",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "had",
    "has",
    "have",
    "than",
    "by",
    "ICT",
];

/// How sure a candidate is to be a footnote reference (SPEC section 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Strength {
    /// Only where the sequence needs it: digits glued to a name in capitals
    /// or to a year, bare numbers between words or after a sentence's end,
    /// digits glued to the next word, a number after a capitalised word that
    /// usually takes one.
    Weak = 0,
    /// Only where the sequence needs it, before a weak one: digits glued to
    /// punctuation after a number or a symbol, a bare number alone after the
    /// paragraph's final punctuation.
    Medium = 1,
    /// Always a reference: `[^N]`, superscripts, `<sup>N</sup>`, digits
    /// glued to a word, a closing quote or bracket, or punctuation after a
    /// word.
    Strong = 2,
}

/// A number that may be a footnote reference; whether it is depends on the
/// definitions and the other candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) number: u32,
    pub(crate) range: Range<usize>,
    pub(crate) block: usize,
    pub(crate) strength: Strength,
}

pub(crate) fn is_text_block(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Preambular
            | BlockKind::Operative
            | BlockKind::SubParagraph
            | BlockKind::SectionHeading
            | BlockKind::AnnexParagraph
            | BlockKind::AnnexHeading
            | BlockKind::Unknown
    )
}

/// The candidates of one block, as a list of their own.
#[cfg(test)]
pub(crate) fn candidates(src: &str, b: &Block, bi: usize) -> Vec<Candidate> {
    let mut cands = Vec::new();
    candidates_into(src, b, bi, &mut cands);
    cands
}

/// Appends the candidates of one block to `cands` (they depend on its text
/// alone), in every form: `[^N]`, `<sup>N</sup>`, superscripts, glued digits
/// and bare numbers.
///
/// Only a token with an ASCII digit or a superscript digit in it can hold a
/// reference, so the lines are scanned for those bytes and only the tokens
/// around them are looked at; the tokens before and after one are found when
/// needed. The tokens are those of the whole block, so that a reference
/// glued across a line break (`2024–` / `203412`) and the word before a
/// number are seen.
pub(crate) fn candidates_into(src: &str, b: &Block, bi: usize, cands: &mut Vec<Candidate>) {
    if !is_text_block(b.kind) {
        return;
    }
    let lines = BlockLines {
        src,
        lines: &b.lines,
        skip: b.marker_range().map_or(0, |m| m.end),
    };
    for li in 0..b.lines.len() {
        let (base, line) = lines.line(li);
        let bytes = line.as_bytes();
        // A number alone on a line inside a paragraph: a superscript that an
        // extraction (pdfplumber) set on a line of its own, next to the line
        // it belongs to. Medium: it counts where the sequence needs it.
        let t = line.trim();
        if li > 0 && (1..=3).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_digit()) {
            if let Ok(number) = t.parse() {
                let start = base + (line.len() - line.trim_start().len());
                cands.push(Candidate {
                    number,
                    range: start..start + t.len(),
                    block: bi,
                    strength: Strength::Medium,
                });
            }
            continue;
        }
        let mut i = 0;
        while let Some(p) = next_pasted_hit(bytes, i) {
            let (ts, te) = token_bounds(line, p);
            let tok = &line[ts..te];
            token_candidates(
                tok,
                base + ts,
                || lines.token_before(li, ts),
                |k| lines.token_after(li, te, k),
                bi,
                cands,
            );
            i = te;
        }
    }
}

/// The lines of a block as the tokeniser sees them: the marker cut off.
struct BlockLines<'a> {
    src: &'a str,
    lines: &'a Lines,
    skip: usize,
}

impl<'a> BlockLines<'a> {
    /// Line `li` without the marker: its start in the document and its text.
    fn line(&self, li: usize) -> (usize, &'a str) {
        let r = self.lines.get(li).unwrap_or_default();
        let start = r.start.max(self.skip).min(r.end);
        (start, &self.src[start..r.end])
    }

    /// The token before byte `at` of line `li`, on that line or an earlier one.
    fn token_before(&self, li: usize, at: usize) -> Option<&'a str> {
        let (_, line) = self.line(li);
        if let Some(t) = line[..at].split_whitespace().next_back() {
            return Some(t);
        }
        (0..li)
            .rev()
            .find_map(|l| self.line(l).1.split_whitespace().next_back())
    }

    /// The `k`th token (from 0) after byte `at` of line `li`, on that line or
    /// a later one.
    fn token_after(&self, li: usize, at: usize, k: usize) -> Option<&'a str> {
        let (_, line) = self.line(li);
        line[at..]
            .split_whitespace()
            .chain((li + 1..self.lines.len()).flat_map(|l| self.line(l).1.split_whitespace()))
            .nth(k)
    }
}

/// The whitespace-separated token around byte `p` (a character start) of `line`.
fn token_bounds(line: &str, p: usize) -> (usize, usize) {
    let b = line.as_bytes();
    let mut start = p;
    while start > 0 {
        let c = b[start - 1];
        if c < 0x80 {
            if is_ascii_space(c) {
                break;
            }
            start -= 1;
        } else {
            let ch = line[..start].chars().next_back().expect("a character");
            if ch.is_whitespace() {
                break;
            }
            start -= ch.len_utf8();
        }
    }
    let mut end = p;
    while end < b.len() {
        let c = b[end];
        if c < 0x80 {
            if is_ascii_space(c) {
                break;
            }
            end += 1;
        } else {
            let ch = line[end..].chars().next().expect("a character");
            if ch.is_whitespace() {
                break;
            }
            end += ch.len_utf8();
        }
    }
    (start, end)
}

/// `char::is_whitespace` on an ASCII byte.
fn is_ascii_space(c: u8) -> bool {
    matches!(c, b'\t'..=b'\r' | b' ')
}

/// The next ASCII digit or superscript digit (`¹²³` are `C2 B9/B2/B3`, `⁰⁴-⁹`
/// are `E2 81 B0/B4-B9`) at or after `from`.
fn next_pasted_hit(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    // Eight bytes at a time past those with neither a digit nor the first
    // byte of a superscript (most of a text).
    while i + 8 <= b.len() {
        let x = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        if !has_digit_or_superscript_lead(x) {
            i += 8;
            continue;
        }
        let end = i + 8;
        while i < end {
            if is_pasted_hit(b, i) {
                return Some(i);
            }
            i += 1;
        }
    }
    while i < b.len() {
        if is_pasted_hit(b, i) {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn is_pasted_hit(b: &[u8], i: usize) -> bool {
    let c = b[i];
    c.is_ascii_digit()
        || (c == 0xC2 && matches!(b.get(i + 1), Some(0xB2 | 0xB3 | 0xB9)))
        || (c == 0xE2
            && b.get(i + 1) == Some(&0x81)
            && matches!(b.get(i + 2), Some(0xB0 | 0xB4..=0xB9)))
}

/// Whether one of the eight bytes of `x` is an ASCII digit, `C2` or `E2`
/// (the first bytes of the superscript digits).
fn has_digit_or_superscript_lead(x: u64) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let lo = x & LOW7;
    // Per byte (below 0x80, so nothing carries or borrows into the next):
    // `b + 0x50` reaches 0x80 when b >= 0x30; `0xB9 - b` stays at or above
    // 0x80 when b <= 0x39.
    let at_least_0 = lo + 0x5050_5050_5050_5050;
    let at_most_9 = 0xB9B9_B9B9_B9B9_B9B9 - lo;
    let digit = at_least_0 & at_most_9 & !x & HIGH;
    digit != 0
        || has_zero_byte(x ^ 0xC2C2_C2C2_C2C2_C2C2)
        || has_zero_byte(x ^ 0xE2E2_E2E2_E2E2_E2E2)
}

/// Whether one of the eight bytes of `v` is zero (exact as a whole, though
/// the bit it sets may be in a later byte).
fn has_zero_byte(v: u64) -> bool {
    (v.wrapping_sub(0x0101_0101_0101_0101) & !v & 0x8080_8080_8080_8080) != 0
}

/// The highest footnote number looked at: definitions are numbered with at
/// most four digits, so a bigger number has no definition.
const MAX_NUMBER: u32 = 99_999;

/// Decides which candidates are references, in text order (SPEC section
/// 2): every strong candidate; a medium or weak one only where the sequence
/// of references needs it. `cands` may be any candidates and `defs` any
/// definitions (those of one resolution, or of a whole document); the
/// references come out in text order.
///
/// Linear in the candidates and the highest defined number, but for a
/// logarithm on the few candidates that the sequence could take.
pub(crate) fn resolve(cands: &[Candidate], defs: &[FootnoteDef]) -> Vec<FootnoteRef> {
    // Blocks are in text order but for those a page interrupts.
    if cands.is_sorted_by_key(|c| c.range.start) {
        Sequence::new(cands, defs).resolve()
    } else {
        let mut sorted = cands.to_vec();
        sorted.sort_by_key(|c| c.range.start);
        Sequence::new(&sorted, defs).resolve()
    }
}

/// Range maxima over a fixed list (a segment tree).
struct MaxTree {
    n: usize,
    t: Vec<u32>,
}

impl MaxTree {
    fn new(values: impl ExactSizeIterator<Item = u32>) -> MaxTree {
        let n = values.len();
        let mut t = vec![0; 2 * n];
        for (i, v) in values.enumerate() {
            t[n + i] = v;
        }
        for i in (1..n).rev() {
            t[i] = t[2 * i].max(t[2 * i + 1]);
        }
        MaxTree { n, t }
    }

    /// The maximum of positions `l..r` (0 when empty).
    fn max(&self, l: usize, r: usize) -> u32 {
        let (mut l, mut r) = (l.min(self.n) + self.n, r.min(self.n) + self.n);
        let mut m = 0;
        while l < r {
            if l & 1 == 1 {
                m = m.max(self.t[l]);
                l += 1;
            }
            if r & 1 == 1 {
                r -= 1;
                m = m.max(self.t[r]);
            }
            l /= 2;
            r /= 2;
        }
        m
    }
}

/// What [`resolve`] reads the candidates against.
struct Sequence<'c> {
    cands: &'c [Candidate],
    /// `defined[n]`: footnote n has a definition (up to the highest defined).
    defined: Vec<bool>,
    /// `defined_below[n]`: how many numbers below n have a definition.
    defined_below: Vec<u32>,
    /// `next_def[n]`: the smallest defined number above n (0: none).
    next_def: Vec<u32>,
    /// The indices of the candidates of each defined number and strength,
    /// in text order: bucket `3n + strength`, `items[start[b]..start[b + 1]]`.
    start: Vec<u32>,
    items: Vec<u32>,
    /// Per bucket, the first of its items not before the candidate looked
    /// at (candidates are looked at in text order).
    cursor: Vec<u32>,
    /// Built when first needed: the number of each strong candidate (0 for
    /// the others), and per number one plus the index of its last candidate.
    strong_numbers: Option<MaxTree>,
    last_of_number: Option<MaxTree>,
}

impl<'c> Sequence<'c> {
    fn new(cands: &'c [Candidate], defs: &[FootnoteDef]) -> Sequence<'c> {
        let top = defs
            .iter()
            .map(|d| d.number)
            .filter(|&n| n <= MAX_NUMBER)
            .max()
            .unwrap_or(0) as usize;
        let mut defined = vec![false; top + 1];
        for d in defs.iter().filter(|d| d.number <= MAX_NUMBER) {
            defined[d.number as usize] = true;
        }
        let mut defined_below = vec![0u32; top + 2];
        for n in 0..=top {
            defined_below[n + 1] = defined_below[n] + u32::from(defined[n]);
        }
        let mut next_def = vec![0u32; top + 1];
        let mut next = 0u32;
        for n in (0..=top).rev() {
            next_def[n] = next;
            if defined[n] {
                next = n as u32;
            }
        }
        let buckets = 3 * (top + 1);
        let bucket = |c: &Candidate| -> Option<usize> {
            let n = c.number as usize;
            (n <= top && defined[n]).then(|| 3 * n + c.strength as usize)
        };
        let mut start = vec![0u32; buckets + 1];
        for c in cands {
            if let Some(b) = bucket(c) {
                start[b + 1] += 1;
            }
        }
        for b in 0..buckets {
            start[b + 1] += start[b];
        }
        let mut fill = start.clone();
        let mut items = vec![0u32; start[buckets] as usize];
        for (i, c) in cands.iter().enumerate() {
            if let Some(b) = bucket(c) {
                items[fill[b] as usize] = i as u32;
                fill[b] += 1;
            }
        }
        let cursor = start[..buckets].to_vec();
        Sequence {
            cands,
            defined,
            defined_below,
            next_def,
            start,
            items,
            cursor,
            strong_numbers: None,
            last_of_number: None,
        }
    }

    fn is_defined(&self, n: u32) -> bool {
        self.defined.get(n as usize).copied().unwrap_or(false)
    }

    /// The first candidate after candidate `i` of defined number `n` with
    /// strength `s`.
    fn next_of(&mut self, n: u32, s: Strength, i: usize) -> Option<usize> {
        let b = 3 * n as usize + s as usize;
        let end = self.start[b + 1];
        let mut k = self.cursor[b];
        while k < end && self.items[k as usize] as usize <= i {
            k += 1;
        }
        self.cursor[b] = k;
        (k < end).then(|| self.items[k as usize] as usize)
    }

    /// The first candidate after candidate `i` of defined number `n`
    /// stronger than `s`.
    fn next_stronger(&mut self, n: u32, s: Strength, i: usize) -> Option<usize> {
        let mut q = self.next_of(n, Strength::Strong, i);
        if s == Strength::Weak {
            q = min_some(q, self.next_of(n, Strength::Medium, i));
        }
        q
    }

    /// The first candidate after candidate `i` of defined number `n`.
    fn next_any(&mut self, n: u32, i: usize) -> Option<usize> {
        let q = min_some(
            self.next_of(n, Strength::Weak, i),
            self.next_of(n, Strength::Medium, i),
        );
        min_some(q, self.next_of(n, Strength::Strong, i))
    }

    /// The highest number of a strong candidate among candidates `l..r`.
    fn highest_strong(&mut self, l: usize, r: usize) -> u32 {
        let cands = self.cands;
        self.strong_numbers
            .get_or_insert_with(|| {
                MaxTree::new(cands.iter().map(|c| {
                    if c.strength == Strength::Strong {
                        c.number
                    } else {
                        0
                    }
                }))
            })
            .max(l, r)
    }

    /// Whether some number in `from..to` (all defined) has a candidate
    /// after candidate `i`.
    fn any_later(&mut self, from: usize, to: usize, i: usize) -> bool {
        if self.last_of_number.is_none() {
            let top = self.defined.len();
            let last: Vec<u32> = (0..top)
                .map(|n| {
                    (0..3)
                        .filter_map(|s| {
                            let b = 3 * n + s;
                            let (a, e) = (self.start[b], self.start[b + 1]);
                            (e > a).then(|| self.items[e as usize - 1] + 1)
                        })
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            self.last_of_number = Some(MaxTree::new(last.into_iter()));
        }
        let tree = self.last_of_number.as_ref().expect("built above");
        tree.max(from, to) as usize > i + 1
    }

    /// Whether medium or weak candidate `i` is a reference, the highest
    /// footnote referenced before it being `highest`.
    fn needed(&mut self, i: usize, highest: u32) -> bool {
        let cands = self.cands;
        let c = &cands[i];
        let (n, s) = (c.number, c.strength);
        if n <= highest || !self.is_defined(n) {
            return false;
        }
        // Past the next expected number only over numbers that are all
        // defined and whose references were lost: nothing later can be one.
        let expected = highest as usize + 1;
        let n_us = n as usize;
        if n_us > expected {
            let all_defined = (self.defined_below[n_us] - self.defined_below[expected]) as usize
                == n_us - expected;
            if !all_defined || self.any_later(expected, n_us, i) {
                return false;
            }
        }
        // A stronger candidate for the number before the first candidate
        // for the next defined number (or a strong one for a higher number)
        // is the reference, not this one.
        let Some(q) = self.next_stronger(n, s, i) else {
            return true;
        };
        let next = self.next_def[n_us];
        let window_end = if next > 0 {
            self.next_any(next, i)
        } else {
            None
        };
        if window_end.is_some_and(|e| e < q) {
            return true;
        }
        self.highest_strong(i + 1, q) > n
    }

    fn resolve(mut self) -> Vec<FootnoteRef> {
        let mut highest = 0u32;
        let mut refs = Vec::new();
        let cands = self.cands;
        for (i, c) in cands.iter().enumerate() {
            let is_ref = c.strength == Strength::Strong || self.needed(i, highest);
            if is_ref {
                if self.is_defined(c.number) {
                    highest = highest.max(c.number);
                }
                refs.push(FootnoteRef {
                    number: c.number,
                    range: c.range.clone(),
                    block: c.block,
                });
            }
        }
        refs
    }
}

fn min_some(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// `[^N]` references in a token (strong); whether the token had one.
fn draft_refs(tok: &str, start: usize, block: usize, out: &mut Vec<Candidate>) -> bool {
    let mut found = false;
    let mut from = 0;
    while let Some(p) = tok[from..].find("[^") {
        let s = from + p;
        let rest = &tok[s + 2..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(']') && !rest[digits + 1..].starts_with(':') {
            if let Ok(n) = rest[..digits].parse() {
                out.push(Candidate {
                    number: n,
                    range: start + s..start + s + digits + 3,
                    block,
                    strength: Strength::Strong,
                });
                found = true;
            }
        }
        from = s + 2;
    }
    found
}

/// `<sup>N</sup>` references in a token (strong; the range is the digits,
/// `<sup>4,5</sup>` holds two); whether the token had one.
fn sup_refs(tok: &str, start: usize, block: usize, out: &mut Vec<Candidate>) -> bool {
    let mut found = false;
    let mut from = 0;
    while let Some(p) = tok[from..].find("<sup>") {
        let s = from + p + 5;
        let Some(len) = tok[s..].find("</sup>") else {
            break;
        };
        let inner = &tok[s..s + len];
        let mut at = s;
        for part in inner.split(',') {
            let digits = part.trim_matches(['*', '_']);
            let off = part.len() - part.trim_start_matches(['*', '_']).len();
            if (1..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(n) = digits.parse() {
                    out.push(Candidate {
                        number: n,
                        range: start + at + off..start + at + off + digits.len(),
                        block,
                        strength: Strength::Strong,
                    });
                    found = true;
                }
            }
            at += part.len() + 1;
        }
        from = s + len + 6;
    }
    found
}

pub(crate) fn superscript_value(c: char) -> Option<u32> {
    match c {
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁰' | '⁴'..='⁹' => Some(c as u32 - '⁰' as u32),
        _ => None,
    }
}

/// Is `w` a word after which a number is never a reference (`TAKES_NUMBER`)?
fn takes_number(w: &str) -> bool {
    static SORTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut v = TAKES_NUMBER.to_vec();
            v.sort_unstable();
            v.dedup();
            v
        })
        .binary_search(&w)
        .is_ok()
}

/// What the word right before a bare number makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    /// A word that takes a number, in lower case or abbreviated
    /// (`paragraph 3`, `No. 5`), or a number of a list: never a reference.
    Never,
    /// The same word capitalised (`Programme of Action 9`, `Goal 16`).
    CapitalisedTaker,
    /// A sentence's full stop (`Paris Principles. 13 We will`).
    FullStop,
    /// A comma, semicolon or colon (`the Court, 7  and`, `decisions; 16`).
    Punctuation,
    /// Any other word (`International Criminal Court 1 reaffirms`), or the
    /// start of the paragraph.
    Word,
}

/// Abbreviations that take a number (`No. 5`, `vol. 2`).
const ABBREVIATIONS: &[&str] = &[
    "no.", "nos.", "vol.", "vols.", "para.", "paras.", "p.", "pp.", "art.", "arts.", "chap.",
    "sect.", "sects.", "ch.", "fig.", "op.", "para", "p",
];

fn before_bare(prev: Option<&str>) -> Before {
    let Some(prev) = prev else {
        return Before::Word;
    };
    let bare = prev.trim_start_matches(['(', '[', '“', '"', '‘', '*', '_']);
    if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(bare)) {
        return Before::Never;
    }
    let is_small_number =
        |t: &str| (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    match prev.chars().next_back() {
        Some('.') => return Before::FullStop,
        Some(',' | ';' | ':') => {
            // `paragraphs 4, 5 and 55`: a list of numbers.
            if is_small_number(prev.trim_end_matches([',', ';', ':'])) {
                return Before::Never;
            }
            return Before::Punctuation;
        }
        _ => {}
    }
    let word = prev.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    // After a small number, a list or a quantity; after a year (`the
    // reports of 1990 3  and 1995`) a reference may stand.
    if is_small_number(word) {
        return Before::Never;
    }
    let takes = if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        takes_number(&word.to_lowercase()) || takes_number(word)
    } else {
        takes_number(word)
    };
    if takes {
        if word.starts_with(|c: char| c.is_uppercase())
            && word.chars().skip(1).any(char::is_lowercase)
        {
            return Before::CapitalisedTaker;
        }
        return Before::Never;
    }
    Before::Word
}

/// Whether `w` (with trailing punctuation) is `and`, `to` or a dash, which
/// join two days of a date (`8 and 9 December`, `12 to 14 May`).
fn joins_days(w: &str) -> bool {
    matches!(w, "and" | "to" | "-" | "–" | "—")
}

/// `52nd`, `5km`: the letters after digits of an ordinal or a unit.
fn ordinal_or_unit(letters: &str) -> bool {
    matches!(
        letters,
        "st" | "nd"
            | "rd"
            | "th"
            | "km"
            | "kg"
            | "cm"
            | "mm"
            | "m"
            | "g"
            | "mg"
            | "kw"
            | "kwh"
            | "mw"
            | "gw"
            | "gwh"
            | "ha"
            | "bn"
            | "mn"
            | "h"
            | "hrs"
            | "min"
            | "am"
            | "pm"
            | "ml"
            | "l"
            | "t"
            | "mt"
            | "yr"
            | "yrs"
            | "x"
            | "s"
            | "d"
            | "bis"
            | "ter"
    )
}

/// The strength of digits glued to punctuation or a closing bracket or
/// quote, decided by the token before it (`before`, without the
/// punctuation): after a number or a symbol medium (`2003,1`, `79/16,2`,
/// `(A/80/1),3`), after a word strong (`Organization,8`, `(Treaty of
/// Pelindaba),1`).
fn after_punctuation(before: &str) -> Strength {
    let inner = before.trim_end_matches([')', ']', '”', '"', '’', '*', '_']);
    if inner.ends_with(|c: char| c.is_ascii_digit()) || before.contains('/') {
        Strength::Medium
    } else {
        Strength::Strong
    }
}

/// The candidates in one token that starts at `start`; `prev_word` gives
/// the token before it in the block, `next_word(k)` the `k`th after it.
fn token_candidates<'a>(
    tok: &str,
    start: usize,
    prev_word: impl Fn() -> Option<&'a str>,
    next_word: impl Fn(usize) -> Option<&'a str>,
    block: usize,
    out: &mut Vec<Candidate>,
) {
    if tok.contains("[^") && draft_refs(tok, start, block, out) {
        return;
    }
    if tok.contains("<sup>") && sup_refs(tok, start, block, out) {
        return;
    }
    let mut push = |n: Option<u32>, range: Range<usize>, strength: Strength| {
        if let Some(number) = n {
            out.push(Candidate {
                number,
                range,
                block,
                strength,
            });
        }
    };
    // Superscript digits anywhere in the token.
    if !tok.is_ascii() {
        let mut sup_start = None;
        let mut value = 0u32;
        for (p, c) in tok.char_indices().chain(std::iter::once((tok.len(), ' '))) {
            match superscript_value(c) {
                Some(v) => {
                    sup_start.get_or_insert(p);
                    value = value.saturating_mul(10).saturating_add(v);
                }
                None => {
                    if let Some(s) = sup_start.take().filter(|&s| !after_unit(&tok[..s])) {
                        push(Some(value), start + s..start + p, Strength::Strong);
                    }
                    value = 0;
                }
            }
        }
    }

    // Digits glued to the next word where an extraction moved the space
    // (`Weapons 6and the`); not an ordinal or a unit (`52nd`, `5km`).
    let lead = tok.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&lead) {
        let rest = &tok[lead..];
        let letters: &str = &rest[..rest
            .find(|c: char| !c.is_ascii_lowercase())
            .unwrap_or(rest.len())];
        let tail = &rest[letters.len()..];
        if letters.len() >= 2
            && !ordinal_or_unit(letters)
            && tail.chars().all(|c| matches!(c, ',' | ';' | '.' | ':'))
            && !matches!(before_bare(prev_word()), Before::Never)
        {
            push(
                tok[..lead].parse().ok(),
                start..start + lead,
                Strength::Weak,
            );
        }
        if !letters.is_empty() {
            return;
        }
    }

    // Digits at the end of the token, before trailing punctuation.
    let core = tok.trim_end_matches([',', ';', '.', ':', ')', '”', '"', '’', ']', '*', '_']);
    let head = core.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &core[head.len()..];
    if digits.is_empty() {
        return;
    }
    let d_start = start + head.len();
    // `2024–20243`, `20172`: a year with a reference glued to it.
    let year_glued = |d: &str| -> Option<(u32, usize)> {
        if (5..=6).contains(&d.len()) {
            let year: u32 = d[..4].parse().ok()?;
            if (1900..=2099).contains(&year) {
                return Some((d[4..].parse().ok()?, 4));
            }
        }
        None
    };
    let head_bare = head.trim_start_matches(['*', '_', '(', '[']);
    let after_dash_or_alone = head_bare.is_empty() || head.ends_with(['-', '–', '—']);
    // Numbers refused below whatever the next word is (years, `66/184`)
    // are refused before it is looked for.
    let refused = if after_dash_or_alone {
        year_glued(digits).is_none() && (!head_bare.is_empty() || digits.len() > 3)
    } else {
        digits.len() > 3
    };
    if refused {
        return;
    }
    if next_word(0).is_some_and(is_month) {
        return;
    }
    if after_dash_or_alone {
        if let Some((n, off)) = year_glued(digits) {
            if head_bare.is_empty()
                || head[..head.len() - head.chars().next_back().map_or(0, char::len_utf8)]
                    .ends_with(|c: char| c.is_ascii_digit())
            {
                push(
                    Some(n).filter(|&n| n > 0),
                    d_start + off..d_start + digits.len(),
                    Strength::Weak,
                );
            }
            return;
        }
        if !head_bare.is_empty() || !head.is_empty() && !head.ends_with(['*', '_']) {
            // `(3`: an item of a list, not a reference.
            return;
        }
        bare_number(
            tok,
            core,
            digits,
            d_start,
            prev_word(),
            &next_word,
            &mut push,
        );
        return;
    }
    let last = head.chars().next_back().unwrap_or(' ');
    let before = &head[..head.len() - last.len_utf8()];
    let before_last = before.chars().next_back();
    let strength = match last {
        '.' => {
            let word = before.trim_start_matches(['(', '[', '“', '"']);
            if before_last.is_some_and(|c| c.is_ascii_digit())
                || head.matches('.').count() >= 2
                || word.len() <= 2
                || head.contains('/')
                || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(head))
            {
                return; // decimals, sales numbers, `No.5`, `Add.1`
            }
            Strength::Strong
        }
        ',' | ';' | ':' => {
            if last == ',' && before_last.is_some_and(|c| c.is_ascii_digit()) && digits.len() == 3 {
                return; // thousands
            }
            if before.is_empty() {
                Strength::Strong
            } else {
                after_punctuation(before)
            }
        }
        ')' | '”' | '"' | '’' | ']' => after_punctuation(head),
        c if c.is_alphabetic() => {
            if head.contains('/') {
                return; // inside a symbol (`A/CONF.151/Rev1`)
            }
            // Digits glued to a name in capitals (`UN80`, `G20`, `COP28`).
            if head
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase())
            {
                Strength::Weak
            } else {
                Strength::Strong
            }
        }
        _ => return,
    };
    push(
        digits.parse().ok(),
        d_start..d_start + digits.len(),
        strength,
    );
}

/// A bare number `digits` (the token `tok` without its trailing
/// punctuation is `core`) standing alone between `prev` and the words after.
fn bare_number<'a>(
    tok: &str,
    core: &str,
    digits: &str,
    d_start: usize,
    prev: Option<&'a str>,
    next_word: &impl Fn(usize) -> Option<&'a str>,
    push: &mut impl FnMut(Option<u32>, Range<usize>, Strength),
) {
    // A number that is a quantity in brackets or quotes, or starts a list
    // item, is no reference.
    if core.len() != tok.len() && !tok[core.len()..].starts_with([',', ';', '.']) {
        return;
    }
    let next = next_word(0);
    // Dates: `8 and 9 December`, `12 to 14 May`; quantities: `26 per cent`.
    if let Some(w) = next {
        if w == "per" || w.starts_with('%') {
            return;
        }
        if joins_days(w)
            && next_word(1).is_some_and(|d| d.starts_with(|c: char| c.is_ascii_digit()))
            && next_word(2).is_some_and(is_month)
        {
            return;
        }
    }
    let strength = match before_bare(prev) {
        Before::Never => return,
        // Alone after the paragraph's final punctuation.
        Before::Punctuation | Before::FullStop if next.is_none() => Strength::Medium,
        Before::Punctuation | Before::FullStop | Before::CapitalisedTaker | Before::Word => {
            Strength::Weak
        }
    };
    push(
        digits.parse().ok(),
        d_start..d_start + digits.len(),
        strength,
    );
}

/// `m³`, `km²`: a superscript after a unit of measure is an exponent.
fn after_unit(head: &str) -> bool {
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    matches!(
        word.as_str(),
        "m" | "cm" | "mm" | "km" | "dm" | "ft" | "in" | "yd" | "µm" | "nm"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The candidates as first written: every token of the block examined.
    fn candidates_by_every_token(src: &str, b: &Block, bi: usize) -> Vec<Candidate> {
        let mut cands = Vec::new();
        if !is_text_block(b.kind) {
            return cands;
        }
        let mut tokens: Vec<(usize, &str)> = Vec::new();
        // Tokens that are a number alone on a line after the first.
        let mut alone = Vec::new();
        let skip = b.marker_range().map_or(0, |m| m.end);
        for (li, r) in b.lines.iter().enumerate() {
            let r = r.start.max(skip).min(r.end)..r.end;
            let line = &src[r.clone()];
            let t = line.trim();
            let by_itself =
                li > 0 && (1..=3).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_digit());
            for w in line.split_whitespace() {
                let pos = w.as_ptr() as usize - line.as_ptr() as usize;
                tokens.push((r.start + pos, w));
                alone.push(by_itself);
            }
        }
        for (ti, &(start, tok)) in tokens.iter().enumerate() {
            if alone[ti] {
                cands.push(Candidate {
                    number: tok.parse().expect("digits"),
                    range: start..start + tok.len(),
                    block: bi,
                    strength: Strength::Medium,
                });
                continue;
            }
            if !tok.contains(|c: char| c.is_ascii_digit() || superscript_value(c).is_some()) {
                continue;
            }
            let prev = || ti.checked_sub(1).map(|p| tokens[p].1);
            let next = |k: usize| tokens.get(ti + 1 + k).map(|t| t.1);
            token_candidates(tok, start, prev, next, bi, &mut cands);
        }
        cands
    }

    fn same_candidates(src: &str) {
        let doc = crate::syntax::parse(src);
        for (bi, b) in doc.blocks.iter().enumerate() {
            assert_eq!(
                candidates(src, b, bi),
                candidates_by_every_token(src, b, bi),
                "block {bi} ({:?})",
                b.kind
            );
        }
    }

    #[test]
    fn only_tokens_with_digits_are_examined_with_the_same_result() {
        for src in crate::features::testing::every_text() {
            same_candidates(&src);
        }
        same_candidates("Recalling its resolution 66/184,¹ in km² and m³ 2024–\n20243 ⁴⁵\u{a0}12 [^3]\u{2003}7 and\n 5, of 3 December");
    }

    #[test]
    fn eight_bytes_at_a_time_find_every_digit_and_wide_character() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut x = [b'a'; 8];
                x[at] = b;
                let want = b.is_ascii_digit() || b == 0xC2 || b == 0xE2;
                let got = has_digit_or_superscript_lead(u64::from_le_bytes(x));
                assert_eq!(got, want, "{b:#x} at {at}");
                // Around other bytes than `a`, wide characters among them.
                for other in [0u8, 0x80, 0xC1, 0xC3, 0xE1, 0xE3, 0xFF, b'/', b':'] {
                    let mut y = [other; 8];
                    y[at] = b;
                    let want = want || other == 0xC2 || other == 0xE2 || other.is_ascii_digit();
                    let got = has_digit_or_superscript_lead(u64::from_le_bytes(y));
                    assert_eq!(got, want, "{b:#x} at {at} among {other:#x}");
                }
            }
        }
        let t =
            "abcdefghijklmnopqrstuvwxyz 12 abcdefghijklmnop² “abcdefghijk”lmnopqrst⁴ ’’’’’’’’’’¹";
        let hits: Vec<usize> = std::iter::successors(next_pasted_hit(t.as_bytes(), 0), |&p| {
            next_pasted_hit(t.as_bytes(), p + 1)
        })
        .collect();
        let want: Vec<usize> = t
            .char_indices()
            .filter(|&(_, c)| c.is_ascii_digit() || superscript_value(c).is_some())
            .map(|(p, _)| p)
            .collect();
        assert_eq!(hits, want);
    }

    const PIECES: &[&str] = &[
        " ",
        "\n",
        "\n\n",
        "\u{a0}",
        "\u{2003}",
        "\t",
        "1. ",
        "(a) ",
        "Recalling ",
        "Decides ",
        "The General Assembly,\n",
        "text",
        "paragraph ",
        "UN80",
        "COP28 ",
        ",4",
        ", 6",
        "4",
        "12",
        "2024",
        "20243",
        "2024–",
        "²",
        "¹³",
        "¹",
        "⁰",
        "⁴",
        "km²",
        "m³",
        "[^1]",
        "[^2]:",
        "1,000",
        ".",
        ";",
        ")",
        "”",
        "’",
        "5.",
        "ab.3",
        "x.y.7",
        "3 December",
        "-",
        "—",
        "/",
        "A/66/7",
        "é",
        "1 Note.\n",
        "per ",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
        #[test]
        fn same_candidates_on_any_text(parts in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let src: String = parts.iter().map(|&i| PIECES[i]).collect();
            same_candidates(&src);
        }
    }
}

/// Each candidate form and each rule of the sequence, on minimal texts.
#[cfg(test)]
mod form_tests {
    use super::Strength::{self, Medium, Strong, Weak};
    use crate::syntax::parse;

    /// A resolution whose preamble is `body` (one paragraph a line) and
    /// whose footnotes are `[^1]:` to `[^defs]:`, after the meeting line.
    fn text(body: &str, defs: u32) -> String {
        let mut s = String::from("The General Assembly,\n\n");
        for p in body.split('\n') {
            s.push_str(p);
            s.push_str("\n\n");
        }
        s.push_str("1. Decides to remain seized of the matter.\n\n80th plenary meeting\n1 December 2025\n\n");
        for n in 1..=defs {
            s.push_str(&format!("[^{n}]: Document A/80/{n}.\n\n"));
        }
        s
    }

    /// Every candidate of `src`: its number, the text of its range and its
    /// strength.
    fn candidates(src: &str) -> Vec<(u32, String, Strength)> {
        let doc = parse(src);
        (doc.blocks.iter().enumerate())
            .flat_map(|(bi, b)| super::candidates(src, b, bi))
            .map(|c| (c.number, src[c.range].to_string(), c.strength))
            .collect()
    }

    /// The references of `src`: number and the text they cover, with ten
    /// characters before.
    fn refs(src: &str) -> Vec<(u32, String)> {
        let doc = parse(src);
        (doc.footnote_refs.iter())
            .map(|r| {
                let mut from = r.range.start.saturating_sub(10);
                while !src.is_char_boundary(from) {
                    from -= 1;
                }
                (r.number, src[from..r.range.end].to_string())
            })
            .collect()
    }

    fn one(body: &str) -> Vec<(u32, String, Strength)> {
        candidates(&text(body, 0))
    }

    fn is(body: &str, n: u32, digits: &str, strength: Strength) {
        assert_eq!(
            one(&format!("Recalling {body},")),
            [(n, digits.to_string(), strength)],
            "{body}"
        );
    }

    fn never(body: &str) {
        assert_eq!(one(&format!("Recalling {body},")), [], "{body}");
    }

    #[test]
    fn strong_forms() {
        is("the Treaty5 and others", 5, "5", Strong);
        is("the “Agenda”3 and others", 3, "3", Strong);
        is("the World Health Organization,8 and", 8, "8", Strong);
        is("the Internet,21", 21, "21", Strong);
        is("national plans,4 and", 4, "4", Strong);
        is("the Treaty (Treaty of Pelindaba),1", 1, "1", Strong);
        is("Development.2 We acknowledge", 2, "2", Strong);
        is("the Court[^4] and", 4, "[^4]", Strong);
        is("the Court¹² and", 12, "¹²", Strong);
        is("the Court,<sup>4</sup> and", 4, "4", Strong);
        assert_eq!(
            one("Recalling the Court<sup>4,5</sup> and,")
                .iter()
                .map(|c| c.0)
                .collect::<Vec<_>>(),
            [4, 5]
        );
    }

    #[test]
    fn medium_forms() {
        is("its resolution of 22 December 2003,1 and", 1, "1", Medium);
        is("its resolution 79/16,2 and", 2, "2", Medium);
        is("its resolution 79/7;1 and", 1, "1", Medium);
        is("its decision EC-94/DEC.2;22 and", 22, "22", Medium);
        is("resolution 1325 (2000),3 and", 3, "3", Medium);
        is("the report (A/80/1),3 and", 3, "3", Medium);
        // A bare number alone after the paragraph's final punctuation.
        assert_eq!(
            one("Recalling the outcome document, 6"),
            [(6, "6".into(), Medium)]
        );
        assert_eq!(
            one("Recalling its resolution 2024/25; 4"),
            [(4, "4".into(), Medium)]
        );
        assert_eq!(one("Recalling the Pact. 5"), [(5, "5".into(), Medium)]);
        // Between words it is weak.
        is("the outcome document, 6 and the Pact", 6, "6", Weak);
    }

    #[test]
    fn weak_forms() {
        is("the UN80 Initiative", 80, "80", Weak);
        is("the G20 summit", 20, "20", Weak);
        is("the Political Declarations of 20172 and", 2, "2", Weak);
        is("the Decade 2014–20243 and", 3, "3", Weak);
        assert_eq!(
            one("Recalling the Decade 2024–\n203412 and the rest,"),
            [(12, "12".into(), Weak)]
        );
        is("the International Criminal Court, 7  and", 7, "7", Weak);
        is("the International Criminal Court 1 reaffirms", 1, "1", Weak);
        is("the Paris Principles. 13 We will", 13, "13", Weak);
        is("the Nuclear Weapons 6and the", 6, "6", Weak);
        is("the Programme of Action 9 and the", 9, "9", Weak);
        is("Sustainable Development Goal 16", 16, "16", Weak);
        is("the reports of 1990 3  and 1995", 3, "3", Weak);
    }

    #[test]
    fn never_references() {
        never("paragraph 3 of its resolution");
        never("paragraphs 4, 5 and 55 of its resolution");
        never("article 5 of the Charter");
        never("No. 5 of the series");
        never("vol. 2 of the series");
        never("chapter 4 and section 3");
        never("its resolution 5 and");
        never("its resolution of 1 December 1999");
        never("its resolutions of 8 and 9 December 2014");
        never("the meeting held from 12 to 14 May");
        never("the COVID-19 pandemic");
        never("the 22-point plan");
        never("the period 1 August 2012–31 July 2013");
        never("the 1,000 participants");
        never("its resolution 60/1 and");
        never("its resolution 57/270 B and");
        never("its resolution GC(69)/RES/9 A.2 and");
        never("the 2.2 billion people");
        never("the publication E.21.II.D.8 and");
        never("the 52nd meeting");
        never("the 5km zone");
        never("the 26 per cent");
        never("document A/66/64-E/2011/77 and");
        never("document A/58/874/Add.1 and");
    }

    #[test]
    fn the_text_of_footnotes_holds_no_reference() {
        let src = text("Recalling the Treaty1 and the Convention,", 1)
            .replace("Document A/80/1.", "Treaty5, Court 2 and Goal,3");
        assert_eq!(refs(&src), [(1, "the Treaty1".into())]);
    }

    #[test]
    fn strong_candidates_are_always_references() {
        // Undefined: still a reference (`footnote-undefined`), also in a
        // text without definitions.
        let src = text("Recalling the Treaty1 and the Internet,21", 1);
        assert_eq!(
            refs(&src),
            [(1, "the Treaty1".into()), (21, " Internet,21".into())]
        );
        assert_eq!(
            refs(&text("Recalling the Internet,21", 0)),
            [(21, " Internet,21".into())]
        );
    }

    #[test]
    fn medium_and_weak_candidates_need_a_definition_and_the_sequence() {
        // No definition: no reference.
        assert_eq!(refs(&text("Recalling its resolution 79/16,2", 1)), []);
        // Not the number expected: `Goal 16` with footnotes 1 and 2.
        let src = text(
            "Recalling Goal 16 and the Treaty,1 and the Court 2 reaffirms",
            2,
        );
        assert_eq!(
            refs(&src),
            [(1, "he Treaty,1".into()), (2, "the Court 2".into())]
        );
        // A number already referenced is not expected again.
        let src = text("Recalling the Treaty,1 and the Court 1 reaffirms", 1);
        assert_eq!(refs(&src), [(1, "he Treaty,1".into())]);
    }

    #[test]
    fn a_lost_reference_lets_the_sequence_jump() {
        // Reference 2 lost in extraction: the medium 3 is taken, since
        // nothing later can be 2's reference.
        let src = text(
            "Recalling the Treaty,1 the Pact and the outcome document, 3",
            3,
        );
        assert_eq!(
            refs(&src),
            [(1, "he Treaty,1".into()), (3, "document, 3".into())]
        );
        // But not while a later candidate can still be reference 2.
        let src = text(
            "Recalling the Treaty,1 the Pact and the outcome document, 3\nNoting the Court 2 and the Pact 3 reaffirms",
            3,
        );
        assert_eq!(
            refs(&src),
            [
                (1, "he Treaty,1".into()),
                (2, "the Court 2".into()),
                (3, " the Pact 3".into())
            ]
        );
        // Nor over a number without a definition.
        let src = text("Recalling the Treaty,1 and the outcome document, 3", 1)
            .replace("[^1]: Document A/80/1.", "[^1]: A.\n\n[^3]: B.");
        assert_eq!(refs(&src), [(1, "he Treaty,1".into())]);
    }

    #[test]
    fn a_stronger_candidate_for_the_number_comes_first() {
        // The strong 1 comes before any candidate for 2: the weak 1 is none.
        let src = text(
            "Recalling the Court 1 reaffirms the Treaty1 and the Pact,2",
            2,
        );
        assert_eq!(
            refs(&src),
            [(1, "the Treaty1".into()), (2, " the Pact,2".into())]
        );
        // A medium candidate beats a weak one.
        let src = text(
            "Recalling the Court 1 reaffirms its resolution 79/16,1 and",
            1,
        );
        assert_eq!(refs(&src), [(1, "ion 79/16,1".into())]);
        // After the first candidate for the next defined number, a stronger
        // one no longer decides: the weak 1 is the reference, the strong 1
        // a repeated one.
        let src = text(
            "Recalling the Court 1 reaffirms the Pact 2 and the Treaty1",
            2,
        );
        assert_eq!(
            refs(&src),
            [
                (1, "the Court 1".into()),
                (2, " the Pact 2".into()),
                (1, "the Treaty1".into())
            ]
        );
        // Nor after a strong candidate for a higher number.
        let src = text(
            "Recalling the Court 1 reaffirms the Pact[^3] and the Treaty1",
            3,
        );
        assert_eq!(
            refs(&src),
            [
                (1, "the Court 1".into()),
                (3, "s the Pact[^3]".into()),
                (1, "the Treaty1".into())
            ]
        );
    }

    #[test]
    fn one_paragraph_may_mix_every_form() {
        let src = text(
            "Recalling the Treaty on the Prohibition of Nuclear Weapons[^1] and the International Court,2 the Court, 3  and the Pact¹ and the Summit<sup>4</sup>",
            4,
        );
        assert_eq!(
            refs(&src),
            [
                (1, "ar Weapons[^1]".into()),
                (2, "nal Court,2".into()),
                (3, "he Court, 3".into()),
                (1, "d the Pact¹".into()),
                (4, "ummit<sup>4".into())
            ]
        );
    }

    /// The definitions of `src`: number and first line of text.
    fn defs(src: &str) -> Vec<(u32, String)> {
        let doc = parse(src);
        (doc.footnote_defs.iter())
            .map(|d| {
                let text: Vec<&str> = d.text.iter().map(|r| src[r.clone()].trim()).collect();
                (d.number, text.join(" / "))
            })
            .collect()
    }

    #[test]
    fn a_converted_wrapped_line_continues_its_footnote() {
        let body = "Recalling the Treaty,1 the Pact,2 the Court,3 and the Summit,4";
        let src = text(body, 0)
            + "[^1]: S/PRST/2013/2; see Resolutions, 1 August 2012–31 July\n[^2013]: (S/INF/68).\n\n"
            + "[^2]: The Committee was redesignated as from\n[^7]: February 1984.\n\n"
            + "[^3]: A/80/3.\n\n[^4]: A/80/4.\n\n[^5]: A/80/5.\n\n[^6]: A/80/6.\n\n[^7]: A/80/7.\n";
        assert_eq!(
            defs(&src),
            [
                (
                    1,
                    "S/PRST/2013/2; see Resolutions, 1 August 2012–31 July / [^2013]: (S/INF/68)."
                        .into()
                ),
                (
                    2,
                    "The Committee was redesignated as from / [^7]: February 1984.".into()
                ),
                (3, "A/80/3.".into()),
                (4, "A/80/4.".into()),
                (5, "A/80/5.".into()),
                (6, "A/80/6.".into()),
                (7, "A/80/7.".into()),
            ]
        );
        // The next number always starts a footnote: `[^3]:` twice in a row
        // is a duplicate.
        let src = text(body, 0) + "[^1]: A.\n[^2]: B.\n[^3]: C.\n[^3]: D.\n";
        assert_eq!(
            defs(&src).iter().map(|d| d.0).collect::<Vec<_>>(),
            [1, 2, 3, 3]
        );
    }

    #[test]
    fn definitions_of_both_forms_in_one_text() {
        let src = "The General Assembly,\n\nRecalling the Treaty,1 and the Court,2\n\n1 A/80/1.\n\n1. Decides to remain seized of the matter.\n\n[^2]: A/80/2.\n";
        assert_eq!(defs(src), [(1, "A/80/1.".into()), (2, "A/80/2.".into())]);
        assert_eq!(
            refs(src),
            [(1, "he Treaty,1".into()), (2, "the Court,2".into())]
        );
    }
}

/// `resolve` against the rules of SPEC section 2 written out plainly (every
/// look-ahead a scan), on random sequences of candidates and definitions.
#[cfg(test)]
mod sequence_oracle {
    use super::{resolve, Candidate, Strength};
    use crate::syntax::model::FootnoteDef;
    use proptest::prelude::*;

    fn naive(cands: &[Candidate], defined: &[u32]) -> Vec<usize> {
        let def = |n: u32| defined.contains(&n);
        let mut highest = 0;
        let mut out = Vec::new();
        for (i, c) in cands.iter().enumerate() {
            let is_ref = c.strength == Strength::Strong || {
                let n = c.number;
                let later = &cands[i + 1..];
                let expected = n == highest + 1
                    || (n > highest + 1
                        && (highest + 1..n).all(|k| def(k) && later.iter().all(|l| l.number != k)));
                let next = (n + 1..=64).find(|&k| def(k));
                let window_end = later
                    .iter()
                    .position(|l| {
                        Some(l.number) == next || (l.strength == Strength::Strong && l.number > n)
                    })
                    .unwrap_or(later.len());
                let stronger = later[..window_end]
                    .iter()
                    .any(|l| l.number == n && l.strength > c.strength);
                n > highest && def(n) && expected && !stronger
            };
            if is_ref {
                if def(c.number) {
                    highest = highest.max(c.number);
                }
                out.push(i);
            }
        }
        out
    }

    fn strength() -> impl Strategy<Value = Strength> {
        prop_oneof![
            Just(Strength::Weak),
            Just(Strength::Medium),
            Just(Strength::Strong)
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn resolve_follows_the_rules(
            seq in proptest::collection::vec((1u32..10, strength()), 0..40),
            defined in proptest::collection::btree_set(1u32..10, 0..9),
        ) {
            let cands: Vec<Candidate> = seq
                .iter()
                .enumerate()
                .map(|(i, &(number, strength))| Candidate {
                    number,
                    range: 10 * i..10 * i + 1,
                    block: 0,
                    strength,
                })
                .collect();
            let defined: Vec<u32> = defined.into_iter().collect();
            let defs: Vec<FootnoteDef> = defined
                .iter()
                .map(|&number| FootnoteDef { number, number_range: 0..1, block: 0, text: Vec::new() })
                .collect();
            let got: Vec<usize> = resolve(&cands, &defs)
                .iter()
                .map(|r| r.range.start / 10)
                .collect();
            prop_assert_eq!(got, naive(&cands, &defined));
        }
    }
}
