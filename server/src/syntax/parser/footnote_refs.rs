//! Footnote references (SPEC section 2): `[^N]` in the draft form; in pasted
//! text superscripts, digits glued to a word or punctuation, and, under the
//! next-expected rule only, digits glued to a year or a capitalised name and
//! bare numbers standing alone.

use std::collections::HashMap;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Always a reference (glued to a word or to punctuation, superscripts, `[^N]`).
    Always,
    /// Only when it is the next expected number and defined.
    NextExpected,
}

/// A number that may be a footnote reference; whether it is depends on the
/// definitions and the references before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) number: u32,
    pub(crate) range: Range<usize>,
    pub(crate) block: usize,
    pub(crate) rule: Rule,
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
pub(crate) fn candidates(src: &str, b: &Block, bi: usize, draft: bool) -> Vec<Candidate> {
    let mut cands = Vec::new();
    candidates_into(src, b, bi, draft, &mut cands);
    cands
}

/// Appends the candidates of one block to `cands` (they depend on its text
/// alone).
///
/// Only a token with an ASCII digit or a superscript digit in it (in the
/// draft form, with `[^` in it) can hold a reference, so the lines are
/// scanned for those bytes and only the tokens around them are looked at;
/// the tokens before and after one are found when needed. The tokens are
/// those of the whole block, so that a reference glued across a line break
/// (`2024–` / `203412`) and the word before a number are seen.
pub(crate) fn candidates_into(
    src: &str,
    b: &Block,
    bi: usize,
    draft: bool,
    cands: &mut Vec<Candidate>,
) {
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
        let mut i = 0;
        while let Some(p) = if draft {
            next_draft_hit(bytes, i)
        } else {
            next_pasted_hit(bytes, i)
        } {
            let (ts, te) = token_bounds(line, p);
            let tok = &line[ts..te];
            if draft {
                draft_refs(tok, base + ts, bi, cands);
            } else {
                pasted_token(
                    tok,
                    base + ts,
                    || lines.token_before(li, ts),
                    || lines.token_after(li, te),
                    bi,
                    cands,
                );
            }
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

    /// The token after byte `at` of line `li`, on that line or a later one.
    fn token_after(&self, li: usize, at: usize) -> Option<&'a str> {
        let (_, line) = self.line(li);
        if let Some(t) = line[at..].split_whitespace().next() {
            return Some(t);
        }
        (li + 1..self.lines.len()).find_map(|l| self.line(l).1.split_whitespace().next())
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

/// The next `[^` at or after `from`.
fn next_draft_hit(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(k) = memchr::memchr(b'[', &b[i..]) {
        if b.get(i + k + 1) == Some(&b'^') {
            return Some(i + k);
        }
        i += k + 1;
    }
    None
}

/// Footnote numbers hash fast with FNV (this runs on every keystroke).
type Fnv = std::hash::BuildHasherDefault<crate::text::Fnv64>;

/// Decides which candidates are references, in text order.
/// `cands` are those of every block, block by block.
pub(crate) fn resolve(cands: &[Candidate], defs: &[FootnoteDef], draft: bool) -> Vec<FootnoteRef> {
    // Blocks are in text order but for those a page interrupts.
    if cands.is_sorted_by_key(|c| c.range.start) {
        resolve_in_order(cands.iter(), cands, defs, draft)
    } else {
        let mut sorted: Vec<&Candidate> = cands.iter().collect();
        sorted.sort_by_key(|c| c.range.start);
        resolve_in_order(sorted.into_iter(), cands, defs, draft)
    }
}

/// `resolve` of `cands` met in text order by `in_order`.
fn resolve_in_order<'a>(
    in_order: impl Iterator<Item = &'a Candidate>,
    cands: &[Candidate],
    defs: &[FootnoteDef],
    draft: bool,
) -> Vec<FootnoteRef> {
    // The position of each number's first definition.
    let mut first_def: HashMap<u32, usize, Fnv> = HashMap::default();
    for d in defs {
        first_def.entry(d.number).or_insert(d.number_range.start);
    }
    // Pasted text whose footnotes were not pasted: glued digits are item
    // codes or lost indicators, not references to report.
    let no_defs = !draft && defs.is_empty();
    // Numbers that some glued reference names: a damaged reference is one
    // that nothing names, whichever page its definition was printed on.
    let named: std::collections::HashSet<u32, Fnv> = cands
        .iter()
        .filter(|c| c.rule == Rule::Always)
        .map(|c| c.number)
        .collect();
    let mut highest = 0u32;
    let mut refs = Vec::new();
    for c in in_order {
        let ok = match c.rule {
            Rule::Always => !no_defs,
            Rule::NextExpected => {
                // The next expected number, skipping defined numbers that no
                // glued reference names (their references were damaged).
                c.number > highest
                    && first_def.contains_key(&c.number)
                    && (highest + 1..c.number)
                        .all(|k| first_def.contains_key(&k) && !named.contains(&k))
            }
        };
        if ok {
            highest = highest.max(c.number);
            refs.push(FootnoteRef {
                number: c.number,
                range: c.range.clone(),
                block: c.block,
            });
        }
    }
    refs
}

fn draft_refs(tok: &str, start: usize, block: usize, out: &mut Vec<Candidate>) {
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
                    rule: Rule::Always,
                });
            }
        }
        from = s + 2;
    }
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

/// The word before a number as `TAKES_NUMBER` lists it: its letters, digits
/// and hyphens, lowered.
fn takes_number_bare(w: &str) -> bool {
    let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if bare
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        takes_number(&bare.to_lowercase())
    } else {
        takes_number(bare)
    }
}

/// The candidates in one token of pasted text that starts at `start`;
/// `prev_word` and `next_word` give the tokens around it in the block.
fn pasted_token<'a>(
    tok: &str,
    start: usize,
    prev_word: impl FnOnce() -> Option<&'a str>,
    next_word: impl FnOnce() -> Option<&'a str>,
    block: usize,
    out: &mut Vec<Candidate>,
) {
    // Superscript digits anywhere in the token.
    let mut sup_start = None;
    let mut value = 0u32;
    let chars = if tok.is_ascii() { "" } else { tok };
    for (p, c) in chars
        .char_indices()
        .chain(std::iter::once((tok.len(), ' ')))
    {
        match superscript_value(c) {
            Some(v) => {
                sup_start.get_or_insert(p);
                value = value * 10 + v;
            }
            None => {
                if let Some(s) = sup_start.take().filter(|&s| !after_unit(&tok[..s])) {
                    out.push(Candidate {
                        number: value,
                        range: start + s..start + p,
                        block,
                        rule: Rule::Always,
                    });
                }
                value = 0;
            }
        }
    }

    // Digits at the end of the token, before trailing punctuation.
    let core = tok.trim_end_matches([',', ';', '.', ':', ')', '”', '"', '’', ']']);
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
    let after_dash_or_alone = head.is_empty() || head.ends_with(['-', '–', '—']);
    // Numbers refused below whatever the next word is (years, `66/184`)
    // are refused before it is looked for.
    let refused = if after_dash_or_alone {
        year_glued(digits).is_none() && (!head.is_empty() || digits.len() > 3)
    } else {
        digits.len() > 3 || head.contains('/')
    };
    if refused {
        return;
    }
    let next_word = next_word();
    if next_word.is_some_and(is_month) {
        return;
    }
    if after_dash_or_alone {
        if let Some((n, off)) = year_glued(digits) {
            if head.is_empty()
                || head[..head.len() - head.chars().next_back().map_or(0, char::len_utf8)]
                    .ends_with(|c: char| c.is_ascii_digit())
            {
                out.push(Candidate {
                    number: n,
                    range: d_start + off..d_start + digits.len(),
                    block,
                    rule: Rule::NextExpected,
                });
            }
            return;
        }
        if !head.is_empty() || digits.len() > 3 {
            return;
        }
        // A bare number standing alone.
        let prev = prev_word();
        if prev.is_some_and(|p| takes_number_bare(p) || takes_number(p)) {
            return;
        }
        // A number that is a quantity (`13 steps`, `26 per cent`) or
        // starts a list item is not taken unless it fits the rule.
        if core.len() != tok.len() && !tok[core.len()..].starts_with([',', ';', '.']) {
            return;
        }
        if let Ok(n) = digits.parse() {
            out.push(Candidate {
                number: n,
                range: d_start..d_start + digits.len(),
                block,
                rule: Rule::NextExpected,
            });
        }
        return;
    }
    if digits.len() > 3 || head.contains('/') {
        return;
    }
    let last = head.chars().next_back().unwrap_or(' ');
    let before_last = head[..head.len() - last.len_utf8()].chars().next_back();
    let rule = match last {
        '.' => {
            let word = head.trim_start_matches(['(', '[', '“', '"']);
            if before_last.is_some_and(|c| c.is_ascii_digit())
                || head.matches('.').count() >= 2
                || word.len() <= 3
            {
                return; // decimals, sales numbers
            }
            Rule::Always
        }
        ',' => {
            if before_last.is_some_and(|c| c.is_ascii_digit()) {
                if digits.len() == 3 {
                    return; // thousands
                }
                Rule::Always
            } else {
                Rule::Always
            }
        }
        ';' | ':' | ')' | '”' | '"' | '’' | ']' => Rule::Always,
        c if c.is_alphabetic() => {
            // Digits glued to a name in capitals (`UN80`, `G20`, `COP28`).
            if head
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase())
            {
                Rule::NextExpected
            } else {
                Rule::Always
            }
        }
        _ => return,
    };
    if let Ok(n) = digits.parse() {
        out.push(Candidate {
            number: n,
            range: d_start..d_start + digits.len(),
            block,
            rule,
        });
    }
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
    fn candidates_by_every_token(src: &str, b: &Block, bi: usize, draft: bool) -> Vec<Candidate> {
        let mut cands = Vec::new();
        if !is_text_block(b.kind) {
            return cands;
        }
        let mut tokens: Vec<(usize, &str)> = Vec::new();
        let skip = b.marker_range().map_or(0, |m| m.end);
        for r in b.lines.iter() {
            let r = r.start.max(skip).min(r.end)..r.end;
            let line = &src[r.clone()];
            for w in line.split_whitespace() {
                let pos = w.as_ptr() as usize - line.as_ptr() as usize;
                tokens.push((r.start + pos, w));
            }
        }
        for (ti, &(start, tok)) in tokens.iter().enumerate() {
            if draft {
                draft_refs(tok, start, bi, &mut cands);
            } else {
                let prev = || ti.checked_sub(1).map(|p| tokens[p].1);
                let next = || tokens.get(ti + 1).map(|t| t.1);
                pasted_token(tok, start, prev, next, bi, &mut cands);
            }
        }
        cands
    }

    fn same_candidates(src: &str) {
        let doc = crate::syntax::parse(src);
        for draft in [false, true] {
            for (bi, b) in doc.blocks.iter().enumerate() {
                assert_eq!(
                    candidates(src, b, bi, draft),
                    candidates_by_every_token(src, b, bi, draft),
                    "block {bi} ({:?}), draft {draft}",
                    b.kind
                );
            }
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
