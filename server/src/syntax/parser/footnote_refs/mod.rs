//! Footnote references (SPEC section 2): candidates of every form in every
//! document (`[^N]`, `<sup>N</sup>`, superscripts, glued digits, bare
//! numbers), each strong, medium or weak, read as one sequence against the
//! definitions: strong candidates are always references, the others only
//! where the sequence needs them.
//!
//! Why this file is long: each candidate form of the format (the list of
//! strong, medium and weak forms and of what is never a reference) is a
//! small function here, with the word lists they read; the sequence is in
//! `sequence`, the tests in `tests`.

use std::ops::Range;

use super::lines::is_month;
use crate::syntax::model::{Block, BlockKind};

mod sequence;

pub(super) use sequence::resolve;

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
pub(super) enum Strength {
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
pub(super) struct Candidate {
    pub(super) number: u32,
    pub(super) range: Range<usize>,
    pub(super) block: usize,
    pub(super) strength: Strength,
}

pub(super) fn is_text_block(kind: BlockKind) -> bool {
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
pub(super) fn candidates(src: &str, b: &Block, bi: usize) -> Vec<Candidate> {
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
pub(super) fn candidates_into(src: &str, b: &Block, bi: usize, cands: &mut Vec<Candidate>) {
    if !is_text_block(b.kind) {
        return;
    }
    let lines = BlockLines { src, block: b };
    for li in 0..b.lines.len() {
        let (base, line) = lines.line(li);
        let bytes = line.as_bytes();
        // A number alone on a line inside a paragraph: a superscript that an
        // extraction (pdfplumber) set on a line of its own, next to the line
        // it belongs to (above it: `Block::refs_above`). Medium: it counts
        // where the sequence needs it.
        if (li > 0 || b.refs_above) && super::lines::footnote_numbers_alone(line) {
            for w in line.split_whitespace() {
                let start = base + (w.as_ptr() as usize - line.as_ptr() as usize);
                cands.push(Candidate {
                    number: w.parse().unwrap_or(0),
                    range: start..start + w.len(),
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

/// Whether `line` holds a candidate numbered `n` at least `min` strong (the
/// words of the line alone are read; a line of numbers alone is a raised
/// reference set on its own line): the walk asks it of the lines above a
/// line that starts with footnote `n`, to tell the note from body text.
pub(super) fn line_refers_to(line: &str, n: u32, min: Strength) -> bool {
    if super::lines::footnote_numbers_alone(line) {
        return line.split_whitespace().any(|w| w.parse() == Ok(n));
    }
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(p) = next_pasted_hit(bytes, i) {
        let (ts, te) = token_bounds(line, p);
        let before = line[..ts].split_whitespace().next_back();
        token_candidates(
            &line[ts..te],
            ts,
            || before,
            |k| line[te..].split_whitespace().nth(k),
            0,
            &mut found,
        );
        if found.iter().any(|c| c.number == n && c.strength >= min) {
            return true;
        }
        found.clear();
        i = te;
    }
    false
}

/// The lines of a block as the tokeniser sees them: the marker cut off.
struct BlockLines<'a> {
    src: &'a str,
    block: &'a Block,
}

impl<'a> BlockLines<'a> {
    /// Line `li` without the marker: its start in the document and its text.
    fn line(&self, li: usize) -> (usize, &'a str) {
        let r = self.block.lines.get(li).unwrap_or_default();
        let start = self.block.text_start(&r);
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
            .chain((li + 1..self.block.lines.len()).flat_map(|l| self.line(l).1.split_whitespace()))
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

/// `[^N]` references in a token (strong), and `[N]` (pandoc's plain text:
/// strong glued to what comes before it, `Court,[2]`, medium alone); whether
/// the token had one.
fn draft_refs(tok: &str, start: usize, block: usize, out: &mut Vec<Candidate>) -> bool {
    let mut found = false;
    let mut from = 0;
    while let Some(p) = tok[from..].find('[') {
        let s = from + p;
        let caret = usize::from(tok[s + 1..].starts_with('^'));
        let rest = &tok[s + 1 + caret..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let max = if caret == 1 { usize::MAX } else { 3 };
        if (1..=max).contains(&digits)
            && rest[digits..].starts_with(']')
            && !rest[digits + 1..].starts_with(':')
        {
            if let Ok(n) = rest[..digits].parse() {
                let strength = if caret == 1 || s > 0 {
                    Strength::Strong
                } else {
                    Strength::Medium
                };
                out.push(Candidate {
                    number: n,
                    range: start + s..start + s + 1 + caret + digits + 1,
                    block,
                    strength,
                });
                found = true;
            }
        }
        from = s + 1;
    }
    found
}

/// `^N` references in a token, as text browsers (w3m, lynx) write a
/// superscript: `Court^1`, `Nations,^2` (strong; after a digit, `10^6`,
/// medium); whether the token had one.
fn caret_refs(tok: &str, start: usize, block: usize, out: &mut Vec<Candidate>) -> bool {
    let mut found = false;
    for (p, _) in tok.match_indices('^') {
        let digits = tok[p + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            continue;
        }
        let Ok(number) = tok[p + 1..p + 1 + digits].parse() else {
            continue;
        };
        // (At the token's start when a line broke before it.)
        let strength = if p > 0 && tok.as_bytes()[p - 1].is_ascii_digit() {
            Strength::Medium
        } else {
            Strength::Strong
        };
        out.push(Candidate {
            number,
            range: start + p..start + p + 1 + digits,
            block,
            strength,
        });
        found = true;
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

pub(super) fn superscript_value(c: char) -> Option<u32> {
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
    if tok.contains('[') && draft_refs(tok, start, block, out) {
        return;
    }
    if tok.contains("<sup>") && sup_refs(tok, start, block, out) {
        return;
    }
    if tok.contains('^') && caret_refs(tok, start, block, out) {
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
    // `2024–20243`, `20172`, `1990104`: a year with a reference glued to
    // it (up to three digits: notes numbered across a compendium).
    let year_glued = |d: &str| -> Option<(u32, usize)> {
        if (5..=7).contains(&d.len()) {
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
    // The rest of a symbol that a line broke after its `/` (`C-SS-4/` then
    // `DEC.3`, as w3m wraps).
    if prev_word().is_some_and(|w| w.ends_with('/')) {
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
            // Thousands (`1,000`, `250,000`): 1 to 3 digits before the
            // comma; not after a year (`1995,105`).
            let run = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            if last == ',' && (1..=3).contains(&run) && digits.len() == 3 {
                return;
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
mod tests;
