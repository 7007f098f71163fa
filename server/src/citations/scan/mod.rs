//! The recogniser proper: one left-to-right pass over the joined text of a
//! block. It looks at word starts only; a keyword (`resolution(s)`,
//! `decision(s)`) starts a list of citations that runs on over `,` / `and`
//! and the dates after `of`; an upper-case series followed by `/` starts a
//! document symbol. Look-behinds are bounded (a few words), so the cost is
//! linear in the text.
//!
//! Here: the organ a context names and lists of citations; `words`: reading
//! words and numbers at byte offsets; `dates`: dates after `of`; `symbols`:
//! document symbols written out.

use std::ops::Range;

mod dates;
mod symbols;
mod words;

use crate::un::symbol::{self, Kind, Ref, Session};
use crate::un::{Body, Date};
use dates::parse_dates;
use symbols::{may_cite, qualifies_citation, try_symbol};
use words::*;

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
