//! Document symbols written out (`A/RES/66/184`, `A/66/64-E/2011/77`,
//! `S/RES/1454 (2002)`), and whether a text can cite at all.

use super::dates::parse_dates;
use super::words::*;
use super::Raw;
use crate::un::symbol::{self, Kind, Ref, Session};
use crate::un::Body;

/// Reads a symbol-shaped token at `i` (`A/RES/66/184`, `A/66/64-E/2011/77`,
/// `S/RES/1454 (2002)`): its end.
pub(super) fn symbol_end(b: &[u8], i: usize) -> usize {
    let mut p = i;
    loop {
        let c = at(b, p);
        // A word glued after the number is no part of the symbol: pdf.js
        // sets no space between a running head's symbol and its title
        // (`A/RES/80/24Nuclear disarmament`).
        if p > i
            && b[p - 1].is_ascii_digit()
            && c.is_ascii_uppercase()
            && at(b, p + 1).is_ascii_lowercase()
        {
            break;
        }
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
pub(super) fn strict_series(s: &[u8]) -> bool {
    matches!(s, b"A" | b"S" | b"E" | b"a" | b"s" | b"e")
}

pub(super) fn try_symbol(b: &[u8], i: usize, out: &mut Vec<Raw>) -> Option<usize> {
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
pub(super) fn qualifies_citation(b: &[u8], e: usize) -> bool {
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
pub(super) fn may_cite(b: &[u8]) -> bool {
    use memchr::memmem::Finder;
    use std::sync::OnceLock;
    static KEYWORDS: OnceLock<[Finder<'static>; 2]> = OnceLock::new();
    let [resolution, decision] =
        KEYWORDS.get_or_init(|| [Finder::new(b"esolution"), Finder::new(b"ecision")]);
    memchr::memchr(b'/', b).is_some() || resolution.find(b).is_some() || decision.find(b).is_some()
}
