//! The recogniser proper: one left-to-right pass over the joined text of a
//! block. It looks at word starts only; a keyword (`resolution(s)`,
//! `decision(s)`) starts a list of citations that runs on over `,` / `and`
//! and the dates after `of`; an upper-case series followed by `/` starts a
//! document symbol. Look-behinds are bounded (a few words), so the cost is
//! linear in the text.

use std::ops::Range;

use crate::un::symbol::{self, Kind, Ref, Session};
use crate::un::{Body, Date};

/// An organ as the text names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrganRef {
    Body(Body),
    /// Any other body (`World Health Assembly`, `Commission on Human Rights`):
    /// its resolutions are not the catalogue's.
    Other,
}

/// A citation found in the joined text (ranges in the joined text).
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub symbol: String,
    pub reference: Ref,
    pub range: Range<usize>,
    pub date: Option<(Date, Range<usize>)>,
    pub sc_year: Option<(u16, Range<usize>)>,
    pub group: Option<u32>,
    pub malformed: Option<String>,
}

/// How the words before a keyword qualify it.
#[derive(Debug, Clone, Copy)]
enum Ctx {
    /// `Economic and Social Council resolution`, `Assembly resolution`.
    Adjacent(OrganRef),
    /// `its resolution`: the organ named last in the sentence, if any.
    Its(Option<OrganRef>),
    Plain,
}

#[derive(Debug, Clone, Copy)]
enum Form {
    /// `56/183`
    Short { session: u16, number: u32 },
    /// `2006/46`
    Year { year: u16, number: u32 },
    /// `S-26/2`, `ES-10/19`
    Special {
        emergency: bool,
        session: u16,
        number: u32,
    },
    /// `1514 (XV)`, `2200 A (XXI)`
    Roman { number: u32, session: u16 },
    /// `1325 (2000)`
    Sc { number: u32, year: u16 },
}

#[derive(Debug, Clone)]
struct Atom {
    form: Form,
    /// The number as written, with its part letter or year.
    range: Range<usize>,
    /// Part letters: the letter, its range, whether it was only implied by
    /// a range (`A to E`).
    parts: Vec<(char, Range<usize>)>,
    sc_year: Option<Range<usize>>,
    end: usize,
}

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    loop {
        match at(b, i) {
            b' ' | b'\t' => i += 1,
            0xC2 if at(b, i + 1) == 0xA0 => i += 2,
            _ => return i,
        }
    }
}

fn word_end(b: &[u8], mut i: usize) -> usize {
    while at(b, i).is_ascii_alphabetic() {
        i += 1;
    }
    i
}

fn digits_end(b: &[u8], mut i: usize) -> usize {
    while at(b, i).is_ascii_digit() {
        i += 1;
    }
    i
}

fn starts_with_word(b: &[u8], i: usize, w: &str) -> bool {
    b[i..].starts_with(w.as_bytes()) && !is_alnum(at(b, i + w.len()))
}

/// `i` starts a token: the byte before is not part of a word, a symbol or a
/// number.
fn token_start(b: &[u8], i: usize) -> bool {
    i == 0 || !(is_alnum(b[i - 1]) || matches!(b[i - 1], b'/' | b'-' | b'.' | b'_' | b'\''))
}

/// The word that ends just before `i`, separated from it by blanks only:
/// `(start, word)`.
fn word_before(b: &[u8], i: usize) -> Option<(usize, &str)> {
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
fn sentence_initial(b: &[u8], s: usize) -> bool {
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

fn capitalised(w: &str) -> bool {
    w.as_bytes().first().is_some_and(|c| c.is_ascii_uppercase())
}

const ADJECTIVES: [&str; 14] = [
    "relevant",
    "previous",
    "recent",
    "earlier",
    "subsequent",
    "own",
    "related",
    "pertinent",
    "latest",
    "various",
    "other",
    "later",
    "prior",
    "most",
];

fn context_before(
    b: &[u8],
    kw: usize,
    sentence_organ: Option<OrganRef>,
    last_council: Option<Body>,
    default: Option<OrganRef>,
) -> Ctx {
    let Some((s1, w1)) = word_before(b, kw) else {
        return Ctx::Plain;
    };
    match w1 {
        "its" => Ctx::Its(sentence_organ),
        w if ADJECTIVES.contains(&w) => {
            let mut s = s1;
            for _ in 0..3 {
                match word_before(b, s) {
                    Some((_, "its")) => return Ctx::Its(sentence_organ),
                    Some((p, w)) if ADJECTIVES.contains(&w) => s = p,
                    _ => break,
                }
            }
            Ctx::Plain
        }
        "Assembly" => match word_before(b, s1) {
            Some((_, "General")) | None => Ctx::Adjacent(OrganRef::Body(Body::GA)),
            Some((s2, w2)) if capitalised(w2) && !sentence_initial(b, s2) => {
                Ctx::Adjacent(OrganRef::Other)
            }
            _ => Ctx::Adjacent(OrganRef::Body(Body::GA)),
        },
        "Council" => {
            let w2 = word_before(b, s1);
            let w3 = w2.and_then(|(s2, _)| word_before(b, s2));
            match (w2, w3) {
                (Some((_, "Security")), _) => Ctx::Adjacent(OrganRef::Body(Body::SC)),
                (Some((_, "Social")), Some((_, "and"))) => {
                    Ctx::Adjacent(OrganRef::Body(Body::ECOSOC))
                }
                (Some((_, "Rights")), Some((_, "Human"))) => {
                    Ctx::Adjacent(OrganRef::Body(Body::HRC))
                }
                (Some((s2, w2)), _) if capitalised(w2) && !sentence_initial(b, s2) => {
                    Ctx::Adjacent(OrganRef::Other)
                }
                _ => match last_council {
                    Some(c) => Ctx::Adjacent(OrganRef::Body(c)),
                    None => match default {
                        Some(OrganRef::Body(c)) if c != Body::GA => {
                            Ctx::Adjacent(OrganRef::Body(c))
                        }
                        _ => Ctx::Plain,
                    },
                },
            }
        }
        w if capitalised(w) && !sentence_initial(b, s1) => Ctx::Adjacent(OrganRef::Other),
        _ => Ctx::Plain,
    }
}

/// The organs that number resolutions (or decisions) in this form.
fn candidates(form: &Form, kind: Kind) -> &'static [Body] {
    match (form, kind) {
        (Form::Short { .. }, _) => &[Body::GA, Body::HRC],
        (Form::Year { .. }, _) => &[Body::ECOSOC],
        (
            Form::Special {
                emergency: false, ..
            },
            _,
        ) => &[Body::GA, Body::HRC],
        (
            Form::Special {
                emergency: true, ..
            },
            _,
        ) => &[Body::GA],
        (Form::Roman { .. }, Kind::Resolution) => &[Body::GA, Body::ECOSOC],
        (Form::Sc { .. }, Kind::Resolution) => &[Body::SC],
        _ => &[],
    }
}

fn pick(form: &Form, kind: Kind, ctx: Ctx, default: Option<OrganRef>) -> Option<Body> {
    let cands = candidates(form, kind);
    let first = *cands.first()?;
    let fallback = |d: Option<OrganRef>| match d {
        Some(OrganRef::Body(b)) if cands.contains(&b) => Some(b),
        _ => Some(first),
    };
    match ctx {
        Ctx::Adjacent(OrganRef::Body(b)) => cands.contains(&b).then_some(b),
        Ctx::Adjacent(OrganRef::Other) => None,
        Ctx::Its(Some(OrganRef::Body(b))) if cands.contains(&b) => Some(b),
        Ctx::Its(Some(OrganRef::Other)) => None,
        Ctx::Its(_) if default == Some(OrganRef::Other) => None,
        Ctx::Its(_) | Ctx::Plain => fallback(default),
    }
}

fn number(b: &[u8], i: usize, max: usize) -> Option<(u32, usize)> {
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
fn number_boundary(b: &[u8], e: usize) -> bool {
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
fn part_boundary(b: &[u8], q: usize) -> bool {
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

fn parse_parts(b: &[u8], mut p: usize, parts: &mut Vec<(char, Range<usize>)>) -> usize {
    if !(at(b, p) == b' ' && at(b, p + 1).is_ascii_uppercase() && part_boundary(b, p + 2)) {
        return p;
    }
    parts.push((b[p + 1] as char, p + 1..p + 2));
    p += 2;
    loop {
        let mut matched = None;
        for sep in [", and ", " and ", ", ", " to "] {
            let q = p + sep.len();
            if b[p..].starts_with(sep.as_bytes())
                && at(b, q).is_ascii_uppercase()
                && part_boundary(b, q + 1)
            {
                matched = Some((sep, q));
                break;
            }
        }
        let Some((sep, q)) = matched else { return p };
        let letter = b[q];
        if sep == " to " {
            let from = parts.last().map(|(c, _)| *c as u8).unwrap_or(letter);
            if letter <= from || letter - from > 25 {
                return p;
            }
            // Letters between the two are implied: they take the range of
            // the whole `A to E`.
            let span = parts.last().map(|(_, r)| r.start).unwrap_or(q)..q + 1;
            for c in from + 1..letter {
                parts.push((c as char, span.clone()));
            }
        }
        parts.push((letter as char, q..q + 1));
        p = q + 1;
    }
}

fn parse_atom(b: &[u8], pos: usize) -> Option<Atom> {
    let (prefix, start_digits) = if b[pos..].starts_with(b"ES-") {
        (Some(true), pos + 3)
    } else if b[pos..].starts_with(b"S-") {
        (Some(false), pos + 2)
    } else {
        (None, pos)
    };
    let (n1, e1) = number(b, start_digits, 4)?;
    let len1 = e1 - start_digits;
    if at(b, e1) == b'/' {
        let (n2, e2) = number(b, e1 + 1, 4)?;
        if !number_boundary(b, e2) {
            return None;
        }
        let form = match prefix {
            Some(emergency) if len1 <= 2 => Form::Special {
                emergency,
                session: n1 as u16,
                number: n2,
            },
            Some(_) => return None,
            None if len1 == 4 => Form::Year {
                year: symbol::year(std::str::from_utf8(&b[start_digits..e1]).ok()?)?,
                number: n2,
            },
            None => Form::Short {
                session: n1 as u16,
                number: n2,
            },
        };
        let mut parts = Vec::new();
        let end = if matches!(form, Form::Special { .. }) {
            e2
        } else {
            parse_parts(b, e2, &mut parts)
        };
        let range_end = parts.first().map(|(_, r)| r.end).unwrap_or(e2);
        return Some(Atom {
            form,
            range: pos..range_end,
            parts,
            sc_year: None,
            end,
        });
    }
    if prefix.is_some() {
        return None;
    }
    // `1325 (2000)`, `1514 (XV)`, `2200 A (XXI)`.
    let mut p = e1;
    let mut part = None;
    if at(b, p) == b' '
        && at(b, p + 1).is_ascii_uppercase()
        && at(b, p + 2) == b' '
        && at(b, p + 3) == b'('
    {
        part = Some((b[p + 1] as char, p + 1..p + 2));
        p += 2;
    }
    if at(b, p) == b' ' {
        p += 1;
    }
    if at(b, p) != b'(' {
        return None;
    }
    let close = p + 1 + b[p + 1..].iter().take(10).position(|&c| c == b')')?;
    let inner = std::str::from_utf8(&b[p + 1..close]).ok()?;
    let end = close + 1;
    if !number_boundary(b, end) {
        return None;
    }
    if let Some(year) = symbol::year(inner) {
        if part.is_some() {
            return None;
        }
        return Some(Atom {
            form: Form::Sc { number: n1, year },
            range: pos..end,
            parts: Vec::new(),
            sc_year: Some(p + 1..close),
            end,
        });
    }
    let session = symbol::parse_roman(inner)?;
    Some(Atom {
        form: Form::Roman {
            number: n1,
            session,
        },
        range: pos..end,
        parts: part.into_iter().collect(),
        sc_year: None,
        end,
    })
}

/// A date and its range.
type Dated = (Date, Range<usize>);

fn parse_date(b: &[u8], q: usize) -> Option<Dated> {
    let (day, e) = number(b, q, 2)?;
    if at(b, e) != b' ' {
        return None;
    }
    let m0 = e + 1;
    let m1 = word_end(b, m0);
    let month = Date::month_number(std::str::from_utf8(&b[m0..m1]).ok()?)?;
    if at(b, m1) != b' ' {
        return None;
    }
    let (year, y1) = number(b, m1 + 1, 4)?;
    if y1 - (m1 + 1) != 4 || is_alnum(at(b, y1)) {
        return None;
    }
    let date = Date::new(year as u16, month, day as u8)?;
    Some((date, q..y1))
}

/// `of 21 December 2001`, `on 31 October 2000`, `of 23 December 1994 and 20
/// July 1995`.
fn parse_dates(b: &[u8], pos: usize) -> Option<(Vec<Dated>, usize)> {
    let q = skip_ws(b, pos);
    if q == pos {
        return None;
    }
    let w = if starts_with_word(b, q, "of") || starts_with_word(b, q, "on") {
        q + 2
    } else {
        return None;
    };
    let d0 = skip_ws(b, w);
    let first = parse_date(b, d0)?;
    let mut end = first.1.end;
    let mut dates = vec![first];
    loop {
        let mut next = None;
        for sep in [" and ", ", and ", ", "] {
            if b[end..].starts_with(sep.as_bytes()) {
                if let Some(d) = parse_date(b, end + sep.len()) {
                    next = Some(d);
                    break;
                }
            }
        }
        match next {
            Some(d) => {
                end = d.1.end;
                dates.push(d);
            }
            None => break,
        }
    }
    Some((dates, end))
}

const LINKS: [&str; 7] = [
    "in particular",
    "most recently",
    "notably",
    "inter alia",
    "including",
    "also",
    "further",
];

/// A list separator (`, `, ` and `, `, and in particular, `, ` as well as `)
/// followed by another atom: where that atom starts.
fn separator(b: &[u8], pos: usize) -> Option<usize> {
    let mut p = pos;
    let mut seen = false;
    if at(b, p) == b',' {
        p += 1;
        seen = true;
    }
    p = skip_ws(b, p);
    for w in ["and", "as well as", "including"] {
        if starts_with_word(b, p, w) {
            p = skip_ws(b, p + w.len());
            seen = true;
            break;
        }
    }
    if !seen {
        return None;
    }
    for w in LINKS {
        if starts_with_word(b, p, w) {
            p += w.len();
            if at(b, p) == b',' {
                p += 1;
            }
            p = skip_ws(b, p);
            break;
        }
    }
    parse_atom(b, p).map(|_| p)
}

fn reference(form: &Form, kind: Kind, body: Body, part: Option<char>) -> Ref {
    let (session, number) = match *form {
        Form::Short { session, number } => (Session::Regular(session), number),
        Form::Year { year, number } => (Session::Year(year), number),
        Form::Special {
            emergency,
            session,
            number,
        } => (
            if emergency {
                Session::Emergency(session)
            } else {
                Session::Special(session)
            },
            number,
        ),
        Form::Roman { number, session } => (Session::Roman(session), number),
        Form::Sc { number, year } => (Session::Year(year), number),
    };
    Ref {
        kind,
        body: Some(body),
        session: Some(session),
        number: Some(number),
        part,
    }
}

/// Scans a keyword's list starting at `pos`; returns where scanning resumes.
#[allow(clippy::too_many_arguments)]
fn parse_list(
    b: &[u8],
    pos: usize,
    kind: Kind,
    ctx: Ctx,
    default: Option<OrganRef>,
    group: u32,
    out: &mut Vec<Raw>,
) -> Option<usize> {
    let mut p = pos;
    let first_out = out.len();
    // Citations of this list not yet given a date.
    let mut pending_from = out.len();
    while let Some(atom) = parse_atom(b, p) {
        let Some(body) = pick(&atom.form, kind, ctx, default) else {
            break;
        };
        let atom_first = out.len();
        let parts: Vec<(Option<char>, Range<usize>)> = if atom.parts.is_empty() {
            vec![(None, atom.range.clone())]
        } else {
            atom.parts
                .iter()
                .enumerate()
                .map(|(i, (c, r))| {
                    let range = if i == 0 {
                        atom.range.start..r.end
                    } else {
                        r.clone()
                    };
                    (Some(*c), range)
                })
                .collect()
        };
        for (part, range) in parts {
            let reference = reference(&atom.form, kind, body, part);
            let Some(symbol) = reference.canonical() else {
                continue;
            };
            let sc_year = match (atom.form, &atom.sc_year) {
                (Form::Sc { year, .. }, Some(r)) => Some((year, r.clone())),
                _ => None,
            };
            out.push(Raw {
                symbol,
                reference,
                range,
                date: None,
                sc_year,
                group: Some(group),
                malformed: None,
            });
        }
        p = atom.end;
        if let Some((dates, end)) = parse_dates(b, p) {
            let pending = out.len() - pending_from;
            let this_atom = out.len() - atom_first;
            if dates.len() == 1 {
                for r in &mut out[atom_first..] {
                    r.date = Some(dates[0].clone());
                }
            } else if dates.len() == pending {
                for (r, d) in out[pending_from..].iter_mut().zip(dates) {
                    r.date = Some(d);
                }
            } else if dates.len() == this_atom {
                for (r, d) in out[atom_first..].iter_mut().zip(dates) {
                    r.date = Some(d);
                }
            }
            pending_from = out.len();
            p = end;
        }
        match separator(b, p) {
            Some(next) => p = next,
            None => break,
        }
    }
    (out.len() > first_out).then_some(p)
}

/// Reads a symbol-shaped token at `i` (`A/RES/66/184`, `A/66/64-E/2011/77`,
/// `S/RES/1454 (2002)`): its end.
fn symbol_end(b: &[u8], i: usize) -> usize {
    let mut p = i;
    loop {
        let c = at(b, p);
        if is_alnum(c) || matches!(c, b'/' | b'.' | b'-') {
            p += 1;
        } else if c == b'(' {
            // `(XXV)`, `(2000)` glued to the number.
            let close = b[p..].iter().take(8).position(|&c| c == b')');
            match close {
                Some(k) if k > 1 && b[p + 1..p + k].iter().all(|c| c.is_ascii_alphanumeric()) => {
                    p += k + 1
                }
                _ => break,
            }
        } else if c == b'[' && at(b, p + 1).is_ascii_uppercase() && at(b, p + 2) == b']' {
            p += 3;
        } else {
            break;
        }
    }
    while p > i && matches!(b[p - 1], b'.' | b'-') {
        p -= 1;
    }
    p
}

/// A UN series whose symbols reso checks strictly.
fn strict_series(s: &[u8]) -> bool {
    matches!(s, b"A" | b"S" | b"E" | b"a" | b"s" | b"e")
}

fn try_symbol(b: &[u8], i: usize, out: &mut Vec<Raw>) -> Option<usize> {
    let series_end = word_end(b, i);
    if at(b, series_end) != b'/' {
        return None;
    }
    let series = &b[i..series_end];
    let upper = series.iter().all(|c| c.is_ascii_uppercase());
    if !upper && !strict_series(series) {
        return None;
    }
    let mut end = symbol_end(b, i);
    let text = std::str::from_utf8(&b[i..end]).ok()?;
    let mut written = text.to_string();
    // `S/RES/1454 (2002)`, `A/RES/57/270 B`.
    if text.starts_with("S/RES/") && !text.contains('(') {
        let p = end;
        if at(b, p) == b' ' && at(b, p + 1) == b'(' && at(b, p + 6) == b')' {
            if let Ok(y) = std::str::from_utf8(&b[p + 2..p + 6]) {
                if symbol::year(y).is_some() && number_boundary(b, p + 7) {
                    written = format!("{text} ({y})");
                    end = p + 7;
                }
            }
        }
    } else if text.starts_with("A/RES/")
        && at(b, end) == b' '
        && at(b, end + 1).is_ascii_uppercase()
        && part_boundary(b, end + 2)
    {
        written = format!("{text} {}", b[end + 1] as char);
        end += 2;
    }
    let strict = strict_series(series);
    let has_digit = written.bytes().any(|c| c.is_ascii_digit());
    match symbol::parse(&written) {
        Ok(parsed) => {
            let sc_year = match parsed.reference.session {
                Some(Session::Year(y)) if parsed.reference.body == Some(Body::SC) => {
                    written.find('(').map(|k| (y, i + k + 1..i + k + 5))
                }
                _ => None,
            };
            out.push(Raw {
                symbol: parsed.canonical,
                reference: parsed.reference,
                range: i..end,
                date: None,
                sc_year,
                group: None,
                malformed: None,
            });
        }
        Err(message) => {
            let words_of_grammar = written
                .split('/')
                .nth(1)
                .is_some_and(|c| matches!(c.to_ascii_uppercase().as_str(), "RES" | "DEC" | "HRC"));
            if !(strict && (has_digit || words_of_grammar)) {
                return Some(end);
            }
            out.push(Raw {
                symbol: written.clone(),
                reference: Ref {
                    kind: Kind::Document,
                    body: None,
                    session: None,
                    number: None,
                    part: None,
                },
                range: i..end,
                date: None,
                sc_year: None,
                group: None,
                malformed: Some(message),
            });
            return Some(end);
        }
    }
    if let Some((dates, dend)) = parse_dates(b, end) {
        if dates.len() == 1 {
            out.last_mut().expect("just pushed").date = dates.into_iter().next();
            end = dend;
        }
    }
    Some(end)
}

/// Whether the organ name whose first word ends at `e` is followed directly
/// by `resolution(s)` or `decision(s)`.
fn qualifies_citation(b: &[u8], e: usize) -> bool {
    let mut p = skip_ws(b, e);
    for _ in 0..5 {
        let w_end = word_end(b, p);
        match &b[p..w_end] {
            b"resolution" | b"resolutions" | b"decision" | b"decisions" => return true,
            b"Assembly" | b"Council" | b"and" | b"Social" | b"Rights" | b"on" | b"Human" => {
                p = skip_ws(b, w_end)
            }
            _ => return false,
        }
    }
    false
}

/// Whether a text can hold a citation at all: a symbol has a `/`, a list a
/// keyword (`resolution(s)`, `decision(s)`, capitalised or not). Most
/// paragraphs have neither and are not scanned word by word.
fn may_cite(b: &[u8]) -> bool {
    use memchr::memmem::Finder;
    use std::sync::OnceLock;
    static KEYWORDS: OnceLock<[Finder<'static>; 2]> = OnceLock::new();
    let [resolution, decision] =
        KEYWORDS.get_or_init(|| [Finder::new(b"esolution"), Finder::new(b"ecision")]);
    memchr::memchr(b'/', b).is_some() || resolution.find(b).is_some() || decision.find(b).is_some()
}

/// Scans one joined text. `next_group` numbers the lists across the document.
pub(crate) fn scan(t: &str, default: Option<OrganRef>, next_group: &mut u32, out: &mut Vec<Raw>) {
    let b = t.as_bytes();
    if !may_cite(b) {
        return;
    }
    let mut i = 0;
    let mut sentence_organ: Option<OrganRef> = None;
    let mut last_council: Option<Body> = None;
    while i < b.len() {
        let c = b[i];
        match c {
            b';' => {
                sentence_organ = None;
                i += 1;
                continue;
            }
            b'.' if at(b, i + 1) == b' ' && at(b, i + 2).is_ascii_uppercase() => {
                sentence_organ = None;
                i += 1;
                continue;
            }
            _ => {}
        }
        if !is_alnum(c) || !token_start(b, i) {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            // Numbers, job numbers, `2024/25`: skip the whole token.
            while i < b.len()
                && (is_alnum(b[i])
                    || matches!(b[i], b'/' | b'.' | b'-' | b',') && is_alnum(at(b, i + 1)))
            {
                i += 1;
            }
            continue;
        }
        let e = word_end(b, i);
        // A symbol's series is a word before a `/` (`try_symbol` needs it).
        if at(b, e) == b'/' {
            if let Some(end) = try_symbol(b, i, out) {
                i = end;
                continue;
            }
        }
        let word = &t[i..e];
        let keyword = match word {
            "resolution" | "Resolution" => Some((Kind::Resolution, false)),
            "resolutions" | "Resolutions" => Some((Kind::Resolution, true)),
            "decision" | "Decision" => Some((Kind::Decision, false)),
            "decisions" | "Decisions" => Some((Kind::Decision, true)),
            _ => None,
        };
        if let Some((kind, _plural)) = keyword {
            let start = skip_ws(b, e);
            if start > e {
                let ctx = context_before(b, i, sentence_organ, last_council, default);
                if let Some(end) = parse_list(b, start, kind, ctx, default, *next_group, out) {
                    *next_group += 1;
                    i = end;
                    continue;
                }
            }
            i = e;
            continue;
        }
        // Organs named in the sentence (for `its resolution`).
        let next = skip_ws(b, e);
        let named = match word {
            "General" if starts_with_word(b, next, "Assembly") => Some(OrganRef::Body(Body::GA)),
            "Assembly" => match word_before(b, i) {
                Some((s2, w2)) if capitalised(w2) && !sentence_initial(b, s2) => {
                    Some(OrganRef::Other)
                }
                _ => Some(OrganRef::Body(Body::GA)),
            },
            "Security" if starts_with_word(b, next, "Council") => Some(OrganRef::Body(Body::SC)),
            "Economic" if b[next..].starts_with(b"and Social Council") => {
                Some(OrganRef::Body(Body::ECOSOC))
            }
            "Human" if b[next..].starts_with(b"Rights Council") => Some(OrganRef::Body(Body::HRC)),
            "Commission" if b[next..].starts_with(b"on Human Rights") => Some(OrganRef::Other),
            _ => None,
        };
        if let Some(organ) = named {
            // An organ named as the qualifier of a citation (`General
            // Assembly resolution 60/251`) is not what a later "its" means.
            if !qualifies_citation(b, e) {
                sentence_organ = Some(organ);
            }
            if let OrganRef::Body(body) = organ {
                if body != Body::GA {
                    last_council = Some(body);
                }
            }
            if word == "General" {
                // Skip `Assembly` so that it is not seen again on its own.
                i = word_end(b, next);
                continue;
            }
        }
        i = e;
    }
}
