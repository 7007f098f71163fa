//! Citation checks (SPEC sections 3 and 4): `symbol-malformed`,
//! `symbol-unknown`, `citation-date`, `citation-session`,
//! `citation-inconsistent` and `citation-order`.
//!
//! The catalogue is incomplete, so the checks only speak where they know:
//! a date is checked against the catalogue where it has one and against the
//! session rule where it has none (never both), and a citation is unknown
//! only inside a range the catalogue covers completely or where it cannot
//! exist yet (today's date decides; tests inject it).

use std::collections::HashMap;

use crate::catalog::{Catalog, Entry};
use crate::citations::Citation;
use crate::diagnostic::{Code, Diagnostic, Related, TextEdit};
use crate::un::{Body, Date, Kind, Session};

type Fx = rustc_hash::FxBuildHasher;

/// Runs every citation check with today's date from the system clock.
pub fn check(citations: &[Citation], catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    check_on(citations, catalog, Date::today(), out)
}

/// Runs every citation check as of `today`.
pub fn check_on(citations: &[Citation], catalog: &Catalog, today: Date, out: &mut Vec<Diagnostic>) {
    for c in citations {
        check_one(c, catalog, today, out);
    }
    let mut together = Vec::new();
    inconsistent_within(citations, None, &mut together);
    order(citations, 1..citations.len(), catalog, &mut together);
    out.extend(together.into_iter().map(|(_, d)| d));
}

/// The checks that read one citation alone (`symbol-malformed`,
/// `citation-date`, `citation-session`, `symbol-unknown`), as of `today`.
pub fn check_one(c: &Citation, catalog: &Catalog, today: Date, out: &mut Vec<Diagnostic>) {
    if let Some(message) = &c.malformed {
        out.push(Diagnostic::new(
            Code::SymbolMalformed,
            c.range.clone(),
            message.clone(),
        ));
        return;
    }
    if !matches!(c.kind, Kind::Resolution | Kind::Decision) || c.body.is_none() {
        return;
    }
    let entry = lookup(catalog, c);
    if let Some(d) = date_against_catalogue(c, entry) {
        out.push(d);
    } else if entry.and_then(|e| e.date).is_none() {
        if let Some(d) = date_against_session(c) {
            out.push(d);
        }
    }
    if entry.is_none() {
        if let Some(d) = unknown(c, catalog, today) {
            out.push(d);
        }
    }
}

/// How a citation names the resolution in messages: `resolution 56/183`,
/// `Security Council resolution 1325 (2000)`.
fn name(c: &Citation) -> String {
    let what = c.kind.as_str();
    let body = c.body.map(|b| b.name()).unwrap_or("");
    format!("{body} {what} {}", cited_form(c))
}

fn cited_form(c: &Citation) -> String {
    crate::catalog::cited_form(&c.symbol)
}

/// The catalogue entry of a citation (an SC resolution by its number, so that
/// a wrong year is still found).
fn lookup<'a>(catalog: &'a Catalog, c: &Citation) -> Option<&'a Entry> {
    if c.body == Some(Body::SC) && c.kind == Kind::Resolution {
        return c.number.and_then(|n| catalog.sc(n));
    }
    catalog.get(&c.symbol)
}

fn entry_year(e: &Entry) -> Option<u16> {
    e.session.parse().ok().or(e.date.map(|d| d.year))
}

fn date_against_catalogue(c: &Citation, entry: Option<&Entry>) -> Option<Diagnostic> {
    let entry = entry?;
    let wrong_year = match (&c.sc_year, entry.body) {
        (Some((y, r)), Body::SC) => entry_year(entry)
            .filter(|ey| ey != y)
            .map(|ey| (ey, r.clone())),
        _ => None,
    };
    let wrong_date = match (&c.date, entry.date) {
        (Some(cited), Some(real)) if cited.date != real => Some((real, cited)),
        _ => None,
    };
    if wrong_year.is_none() && wrong_date.is_none() {
        return None;
    }
    let real = entry.date;
    let adopted = match real {
        Some(d) => format!("adopted on {}", d.long()),
        None => "adopted".to_string(),
    };
    let number = c.number.map(|n| n.to_string()).unwrap_or_default();
    match (wrong_year, wrong_date) {
        (None, None) => None,
        (Some((ey, yr)), None) => Some(
            Diagnostic::new(
                Code::CitationDate,
                yr.clone(),
                format!(
                    "Security Council resolution {number} was {adopted} ({}), not in {}: the catalogue has {}",
                    ey,
                    c.sc_year.as_ref().map(|y| y.0).unwrap_or_default(),
                    entry.symbol
                ),
            )
            // The catalogue's date: one answer, safe for `--fix`.
            .with_safe_fix(
                format!("Change the year to {ey}"),
                vec![TextEdit {
                    range: yr,
                    new_text: ey.to_string(),
                }],
            ),
        ),
        (year, Some((real, cited))) => {
            let mut edits = Vec::new();
            let mut range = cited.range.clone();
            let mut message = format!(
                "{} was adopted on {}, not on {} (catalogue: {})",
                name(c),
                real.long(),
                cited.date.long(),
                entry.symbol
            );
            if let Some((ey, yr)) = year {
                range = yr.start.min(range.start)..yr.end.max(range.end);
                message = format!(
                    "Security Council resolution {number} is of {ey}, adopted on {}, not {} of {} (catalogue: {})",
                    real.long(),
                    c.sc_year.as_ref().map(|y| y.0).unwrap_or_default(),
                    cited.date.long(),
                    entry.symbol
                );
                edits.push(TextEdit {
                    range: yr,
                    new_text: ey.to_string(),
                });
            }
            edits.push(TextEdit {
                range: cited.range.clone(),
                new_text: real.long(),
            });
            Some(
                Diagnostic::new(Code::CitationDate, range, message)
                    .with_safe_fix(format!("Change the date to {}", real.long()), edits),
            )
        }
    }
}

/// The years a session's or year's resolutions can be dated in.
fn years_of(c: &Citation) -> Option<(u16, u16, String)> {
    match (c.body?, c.session?) {
        (Body::GA, Session::Regular(n)) | (Body::GA, Session::Roman(n)) => Some((
            1945 + n,
            1946 + n,
            format!(
                "the {} session of the General Assembly, which ran from September {} to September {}",
                crate::un::symbol::ordinal(n),
                1945 + n,
                1946 + n
            ),
        )),
        (Body::ECOSOC, Session::Year(y)) => Some((y, y, format!("{y}, as its number says"))),
        (Body::SC, Session::Year(y)) => Some((y, y, format!("{y}, as the year in parentheses says"))),
        _ => None,
    }
}

fn date_against_session(c: &Citation) -> Option<Diagnostic> {
    let cited = c.date.as_ref()?;
    let (first, last, what) = years_of(c)?;
    let y = cited.date.year;
    if (first..=last).contains(&y) {
        return None;
    }
    Some(Diagnostic::new(
        Code::CitationSession,
        cited.range.clone(),
        format!(
            "{} cannot be dated {}: it belongs to {what}",
            name(c),
            cited.date.long()
        ),
    ))
}

fn unknown(c: &Citation, catalog: &Catalog, today: Date) -> Option<Diagnostic> {
    let body = c.body?;
    let session = c.session?;
    let msg = |m: String| Some(Diagnostic::new(Code::SymbolUnknown, c.range.clone(), m));
    // Cannot exist yet.
    match (body, session) {
        (Body::GA, Session::Regular(n)) => {
            let opens = Date::new(1945 + n, 9, 1)?;
            if today < opens {
                return msg(format!(
                    "{} cannot exist yet: the {} session of the General Assembly opens in September {}",
                    c.symbol,
                    crate::un::symbol::ordinal(n),
                    1945 + n
                ));
            }
        }
        (Body::SC | Body::ECOSOC, Session::Year(y)) if y > today.year => {
            return msg(format!(
                "{} cannot exist yet: there is no {} {} of {y} before {y}",
                c.symbol,
                body.name(),
                c.kind.as_str()
            ));
        }
        _ => {}
    }
    if c.kind != Kind::Resolution {
        return None;
    }
    let coverage = catalog.covers(body, session)?;
    if c.part.is_none() && catalog.has_parts(&c.symbol) {
        return None;
    }
    let range = coverage.describe();
    let extra = if coverage.source == "built in" && body == Body::SC {
        format!(" (numbers 1 to {})", crate::catalog::BUILTIN_SC_LAST_NUMBER)
    } else {
        String::new()
    };
    msg(format!(
        "{} is not in the catalogue, which lists every {} resolution of {range}{extra} ({}): check the number",
        c.symbol,
        body.name(),
        coverage.source
    ))
}

/// `citation-inconsistent` within one document: each dated citation whose
/// resolution an earlier citation gives another date, with the index of the
/// citation. With `only`, for the resolutions it names alone.
pub fn inconsistent_within(
    citations: &[Citation],
    only: Option<&[&str]>,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    let mut first: HashMap<&str, &Citation, Fx> = HashMap::default();
    for (i, c) in citations.iter().enumerate() {
        let Some(cited) = &c.date else { continue };
        if c.malformed.is_some() {
            continue;
        }
        if only.is_some_and(|only| !only.iter().any(|s| same_symbol(s, &c.symbol))) {
            continue;
        }
        match first.get(c.symbol.as_str()) {
            None => {
                first.insert(&c.symbol, c);
            }
            Some(other) => {
                let other_date = other.date.as_ref().expect("only dated citations are kept");
                if other_date.date != cited.date {
                    out.push((
                        i,
                        Diagnostic::new(
                            Code::CitationInconsistent,
                            cited.range.clone(),
                            format!(
                                "{} is cited here as of {} but elsewhere in this document as of {}",
                                c.symbol,
                                cited.date.long(),
                                other_date.date.long()
                            ),
                        )
                        .with_related(Related {
                            document: None,
                            range: other_date.range.clone(),
                            message: format!("{} cited as of {}", c.symbol, other_date.date.long()),
                        }),
                    ));
                }
            }
        }
    }
}

/// Symbols of one length mostly differ in their last characters (the
/// resolution's number): those are compared first.
fn same_symbol(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

/// Another open document, for `citation-inconsistent` across the workspace.
#[derive(Debug, Clone, Copy)]
pub struct OtherDocument<'a> {
    /// The URI or path that `Related.document` will carry.
    pub document: &'a str,
    pub citations: &'a [Citation],
}

/// `citation-inconsistent` across open documents: each dated citation of
/// `citations` whose resolution another document cites with another date.
/// Pure: the LSP layer calls it with the citations of the open documents
/// (`others` should not include the document itself).
pub fn inconsistent_across(
    citations: &[Citation],
    others: &[OtherDocument<'_>],
) -> Vec<Diagnostic> {
    let mut elsewhere: HashMap<&str, (&str, &Citation)> = HashMap::new();
    for o in others {
        for c in o.citations {
            if c.date.is_some() && c.malformed.is_none() {
                elsewhere
                    .entry(c.symbol.as_str())
                    .or_insert((o.document, c));
            }
        }
    }
    let mut out = Vec::new();
    for c in citations {
        let Some(cited) = &c.date else { continue };
        let Some((doc, other)) = elsewhere.get(c.symbol.as_str()) else {
            continue;
        };
        // The first other citation with a different date, if the first one
        // agrees look further.
        let other = if other.date.as_ref().map(|d| d.date) != Some(cited.date) {
            Some((*doc, *other))
        } else {
            others.iter().find_map(|o| {
                o.citations
                    .iter()
                    .find(|x| {
                        x.symbol == c.symbol
                            && x.malformed.is_none()
                            && x.date.as_ref().is_some_and(|d| d.date != cited.date)
                    })
                    .map(|x| (o.document, x))
            })
        };
        let Some((doc, other)) = other else { continue };
        let od = other.date.as_ref().expect("dated");
        out.push(
            Diagnostic::new(
                Code::CitationInconsistent,
                cited.range.clone(),
                format!(
                    "{} is cited here as of {} but as of {} in {doc}",
                    c.symbol,
                    cited.date.long(),
                    od.date.long()
                ),
            )
            .with_related(Related {
                document: Some(doc.to_string()),
                range: od.range.clone(),
                message: format!("{} cited as of {}", c.symbol, od.date.long()),
            }),
        );
    }
    out
}

/// What orders two citations of one list: their dates (as cited, else from
/// the catalogue), else their numbers within one organ's series.
fn order_key(c: &Citation, catalog: &Catalog) -> (Option<Date>, Option<(Body, u32, u32)>) {
    let date = c
        .date
        .as_ref()
        .map(|d| d.date)
        .or_else(|| lookup(catalog, c).and_then(|e| e.date));
    let number = match (c.body, c.session, c.number) {
        (Some(b), Some(Session::Regular(s)), Some(n)) => Some((b, u32::from(s), n)),
        (Some(b), Some(Session::Year(y)), Some(n)) if b == Body::ECOSOC => {
            Some((b, u32::from(y), n))
        }
        (Some(Body::SC), _, Some(n)) => Some((Body::SC, 0, n)),
        (Some(b), Some(Session::Roman(_)), Some(n)) => Some((b, 0, n)),
        _ => None,
    };
    (date, number)
}

/// `citation-order`: each citation listed after a later resolution in its
/// list, with its index, for the citations `at` (each against the one
/// before it).
pub fn order(
    citations: &[Citation],
    at: std::ops::Range<usize>,
    catalog: &Catalog,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    type Key = (Option<Date>, Option<(Body, u32, u32)>);
    // The previous citation and, once computed, its order key (each
    // citation's catalogue entry is looked up once).
    let at = at.start.max(1)..at.end.min(citations.len());
    let mut prev: Option<(&Citation, Option<Key>)> =
        citations.get(at.start.wrapping_sub(1)).map(|p| (p, None));
    for (i, c) in citations.iter().enumerate().take(at.end).skip(at.start) {
        let Some(group) = c.group else {
            prev = None;
            continue;
        };
        let Some((p, pkey)) = prev.take().filter(|(p, _)| p.group == Some(group)) else {
            prev = Some((c, None));
            continue;
        };
        if p.number == c.number && p.session == c.session && p.body == c.body {
            prev = Some((c, None));
            continue; // parts of one resolution
        }
        let (pd, pn) = pkey.unwrap_or_else(|| order_key(p, catalog));
        let (cd, cn) = order_key(c, catalog);
        prev = Some((c, Some((cd, cn))));
        let earlier = match (pd, cd, pn, cn) {
            (Some(a), Some(b), _, _) => b < a,
            (_, _, Some(a), Some(b)) if a.0 == b.0 => b < a,
            _ => false,
        };
        if earlier {
            let when = |d: Option<Date>| d.map(|d| format!(" of {}", d.long())).unwrap_or_default();
            out.push((
                i,
                Diagnostic::new(
                    Code::CitationOrder,
                    c.range.clone(),
                    format!(
                        "{}{} is listed after {}{}: list resolutions in chronological order",
                        cited_form(c),
                        when(cd),
                        cited_form(p),
                        when(pd)
                    ),
                ),
            ));
        }
    }
}
