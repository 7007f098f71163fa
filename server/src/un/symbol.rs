//! The grammar of United Nations document symbols, as far as reso needs it:
//! resolution and decision symbols of the four organs the catalogue knows,
//! written canonically as the catalogue writes them, and any other document
//! symbol (`A/C.2/59/3`, `A/66/L.1/Rev.1`, `A/66/64-E/2011/77`) kept as written.

pub use super::describe::{describe, ordinal};
use crate::un::Body;

/// What a citation or symbol refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Resolution,
    Decision,
    /// Any other document (report, draft, letter, record ...).
    Document,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Resolution => "resolution",
            Kind::Decision => "decision",
            Kind::Document => "document",
        }
    }
}

/// The session (GA, HRC) or year (SC, ECOSOC) a resolution belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Session {
    /// A regular session with arabic numbering (`56/183`: session 56).
    Regular(u16),
    /// A GA (or early ECOSOC) session before 1976, written in roman numerals
    /// after the number (`1514 (XV)`: session 15).
    Roman(u16),
    /// Special session (`S-26/2`).
    Special(u16),
    /// Emergency special session (`ES-10/19`).
    Emergency(u16),
    /// The year of an SC or ECOSOC resolution (`1325 (2000)`, `2006/46`).
    Year(u16),
}

impl Session {
    /// As the catalogue's `session` column writes it (`66`, `S-28`, `ES-10`, `2006`).
    pub fn label(self) -> String {
        match self {
            Session::Regular(n) | Session::Roman(n) | Session::Year(n) => n.to_string(),
            Session::Special(n) => format!("S-{n}"),
            Session::Emergency(n) => format!("ES-{n}"),
        }
    }
}

/// A resolution or decision, or another document, with what its symbol says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub kind: Kind,
    /// `None` for documents of other series (`FCCC/CP/2015/10`).
    pub body: Option<Body>,
    pub session: Option<Session>,
    pub number: Option<u32>,
    /// Part letter (`57/270 B`).
    pub part: Option<char>,
}

impl Ref {
    pub fn resolution(body: Body, session: Session, number: u32, part: Option<char>) -> Ref {
        Ref {
            kind: Kind::Resolution,
            body: Some(body),
            session: Some(session),
            number: Some(number),
            part,
        }
    }

    /// The canonical symbol of a resolution or decision, written as the
    /// catalogue files write it; `None` for documents and for combinations no
    /// organ uses.
    pub fn canonical(&self) -> Option<String> {
        let n = self.number?;
        let part = |sep: &str| match self.part {
            Some(p) => format!("{sep}{p}"),
            None => String::new(),
        };
        let s = self.session;
        Some(match (self.kind, self.body?, s) {
            (Kind::Resolution, Body::GA, Some(Session::Regular(s))) => {
                format!("A/RES/{s}/{n}{}", part(" "))
            }
            (Kind::Resolution, Body::GA, Some(Session::Roman(s))) => {
                format!("A/RES/{n}{}({})", part(" "), roman(s))
            }
            (Kind::Resolution, Body::GA, Some(Session::Special(s))) => {
                format!("A/RES/S-{s}/{n}{}", part(" "))
            }
            (Kind::Resolution, Body::GA, Some(Session::Emergency(s))) => {
                format!("A/RES/ES-{s}/{n}{}", part(" "))
            }
            (Kind::Decision, Body::GA, Some(Session::Regular(s))) => format!("A/DEC/{s}/{n}"),
            (Kind::Decision, Body::GA, Some(Session::Special(s))) => format!("A/DEC/S-{s}/{n}"),
            (Kind::Decision, Body::GA, Some(Session::Emergency(s))) => {
                format!("A/DEC/ES-{s}/{n}")
            }
            (Kind::Resolution, Body::SC, Some(Session::Year(y))) => format!("S/RES/{n}({y})"),
            (Kind::Resolution, Body::SC, None) => format!("S/RES/{n}"),
            (Kind::Resolution, Body::ECOSOC, Some(Session::Year(y))) => {
                format!("E/RES/{y}/{n}{}", part(" "))
            }
            (Kind::Resolution, Body::ECOSOC, Some(Session::Roman(s))) => {
                format!("E/RES/{n}{}({})", part(" "), roman(s))
            }
            (Kind::Decision, Body::ECOSOC, Some(Session::Year(y))) => format!("E/DEC/{y}/{n}"),
            (Kind::Resolution, Body::HRC, Some(Session::Regular(s))) => {
                format!("A/HRC/RES/{s}/{n}")
            }
            (Kind::Resolution, Body::HRC, Some(Session::Special(s))) => {
                format!("A/HRC/RES/S-{s}/{n}")
            }
            (Kind::Decision, Body::HRC, Some(Session::Regular(s))) => {
                format!("A/HRC/DEC/{s}/{n}")
            }
            (Kind::Decision, Body::HRC, Some(Session::Special(s))) => {
                format!("A/HRC/DEC/S-{s}/{n}")
            }
            _ => return None,
        })
    }
}

/// A parsed symbol: the reference and its canonical spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub canonical: String,
    pub reference: Ref,
}

/// Roman numeral of 1 to 3999 (`XV`).
pub fn roman(mut n: u16) -> String {
    const TABLE: [(u16, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The value of a well-formed roman numeral of a session (I to LX).
pub fn parse_roman(s: &str) -> Option<u16> {
    if s.is_empty() || s.len() > 8 || !s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L')) {
        return None;
    }
    let val = |c: u8| match c {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        _ => 50,
    };
    let b = s.as_bytes();
    let mut total: i32 = 0;
    for i in 0..b.len() {
        let v = val(b[i]);
        if i + 1 < b.len() && v < val(b[i + 1]) {
            total -= v;
        } else {
            total += v;
        }
    }
    let n = u16::try_from(total).ok().filter(|n| (1..=60).contains(n))?;
    (roman(n) == s).then_some(n)
}

fn digits(s: &str, max: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) || s.starts_with('0')
    {
        return None;
    }
    s.parse().ok()
}

/// `66`, `S-26`, `ES-10` as a GA or HRC session.
fn session_part(s: &str) -> Option<Session> {
    if let Some(rest) = s.strip_prefix("ES-") {
        return Some(Session::Emergency(digits(rest, 2)? as u16));
    }
    if let Some(rest) = s.strip_prefix("S-") {
        return Some(Session::Special(digits(rest, 2)? as u16));
    }
    Some(Session::Regular(digits(s, 3)? as u16))
}

/// A year of an SC or ECOSOC resolution: four digits from 1946.
pub fn year(s: &str) -> Option<u16> {
    let y = digits(s, 4)?;
    (s.len() == 4 && (1946..=2999).contains(&y)).then_some(y as u16)
}

/// Splits a trailing part letter (`270 B`, `270B`) off a number.
fn number_and_part(s: &str) -> Option<(u32, Option<char>)> {
    let s = s.trim_end();
    let b = s.as_bytes();
    if let Some(&last) = b.last() {
        if last.is_ascii_uppercase() {
            let head = s[..s.len() - 1].trim_end();
            return Some((digits(head, 4)?, Some(last as char)));
        }
    }
    Some((digits(s, 4)?, None))
}

/// `2200 A (XXI)`, `2200(XXI)[A]`, `377 A(V)`, `1514 (XV)`.
fn old_style(s: &str) -> Option<(u32, Option<char>, u16)> {
    let open = s.find('(')?;
    let close = open + s[open..].find(')')?;
    let (number, mut part) = number_and_part(&s[..open])?;
    let session = parse_roman(&s[open + 1..close])?;
    let tail = &s[close + 1..];
    if !tail.is_empty() {
        let b = tail.as_bytes();
        if b.len() == 3
            && b[0] == b'['
            && b[1].is_ascii_uppercase()
            && b[2] == b']'
            && part.is_none()
        {
            part = Some(b[1] as char);
        } else {
            return None;
        }
    }
    Some((number, part, session))
}

/// `1325(2000)`, `1325 (2000)` or `1325`.
fn sc_number(s: &str) -> Option<(u32, Option<u16>)> {
    match s.find('(') {
        Some(open) => {
            let n = digits(s[..open].trim_end(), 4)?;
            let y = year(s[open + 1..].strip_suffix(')')?)?;
            Some((n, Some(y)))
        }
        None => Some((digits(s, 4)?, None)),
    }
}

fn res_shape(kind: Kind, body: Body) -> &'static str {
    match (kind, body) {
        (Kind::Resolution, Body::GA) => "A/RES/<session>/<number>, as A/RES/66/184",
        (Kind::Decision, Body::GA) => "A/DEC/<session>/<number>, as A/DEC/66/501",
        (Kind::Resolution, Body::SC) => "S/RES/<number> (<year>), as S/RES/1325 (2000)",
        (Kind::Resolution, Body::ECOSOC) => "E/RES/<year>/<number>, as E/RES/2006/46",
        (Kind::Decision, Body::ECOSOC) => "E/DEC/<year>/<number>, as E/DEC/2011/208",
        (Kind::Resolution, Body::HRC) => "A/HRC/RES/<session>/<number>, as A/HRC/RES/16/18",
        (Kind::Decision, Body::HRC) => "A/HRC/DEC/<session>/<number>, as A/HRC/DEC/16/117",
        _ => "",
    }
}

fn resolution_rest(kind: Kind, body: Body, rest: &[&str], whole: &str) -> Result<Parsed, String> {
    let bad = || {
        let what = if rest.is_empty() || (rest.len() == 1 && !matches!(body, Body::SC)) {
            "lacks the number"
        } else {
            "is not a valid symbol"
        };
        format!("{whole} {what}: the form is {}", res_shape(kind, body))
    };
    let reference = match (kind, body, rest) {
        (_, Body::GA, [session, number]) | (_, Body::HRC, [session, number]) => {
            let session = session_part(session).ok_or_else(bad)?;
            let (number, part) = number_and_part(number).ok_or_else(bad)?;
            if part.is_some() && (kind == Kind::Decision || body == Body::HRC) {
                return Err(bad());
            }
            Ref {
                kind,
                body: Some(body),
                session: Some(session),
                number: Some(number),
                part,
            }
        }
        (Kind::Resolution, Body::GA, [old]) | (Kind::Resolution, Body::ECOSOC, [old])
            if old.contains('(') =>
        {
            let (number, part, session) = old_style(old).ok_or_else(bad)?;
            Ref::resolution(body, Session::Roman(session), number, part)
        }
        (Kind::Resolution, Body::SC, [n]) => {
            let (number, y) = sc_number(n).ok_or_else(bad)?;
            Ref {
                kind,
                body: Some(body),
                session: y.map(Session::Year),
                number: Some(number),
                part: None,
            }
        }
        (_, Body::ECOSOC, [y, n]) => {
            let y = year(y).ok_or_else(bad)?;
            let (number, part) = number_and_part(n).ok_or_else(bad)?;
            if part.is_some() && kind == Kind::Decision {
                return Err(bad());
            }
            Ref {
                kind,
                body: Some(body),
                session: Some(Session::Year(y)),
                number: Some(number),
                part,
            }
        }
        _ => return Err(bad()),
    };
    let canonical = reference.canonical().ok_or_else(bad)?;
    Ok(Parsed {
        canonical,
        reference,
    })
}

fn is_series(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Splits a joint symbol (`A/66/64-E/2011/77`) into its parts.
pub fn joint_parts(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 0..b.len() {
        if b[i] == b'-' && i > start {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_uppercase() {
                j += 1;
            }
            if j > i + 1 && j < b.len() && b[j] == b'/' && !b[i - 1].is_ascii_uppercase() {
                parts.push(&s[start..i]);
                start = i + 1;
            }
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Parses a symbol as written (`A/RES/57/270 B`, `S/RES/1454 (2002)`,
/// `A/C.2/59/3`). `Err` holds a message for `symbol-malformed`.
pub fn parse(s: &str) -> Result<Parsed, String> {
    let parts = joint_parts(s);
    if parts.len() > 1 {
        let mut first = None;
        for p in &parts {
            let parsed = parse_single(p)?;
            first.get_or_insert(parsed.reference.body);
        }
        return Ok(Parsed {
            canonical: s.to_string(),
            reference: Ref {
                kind: Kind::Document,
                body: first.flatten(),
                session: None,
                number: None,
                part: None,
            },
        });
    }
    parse_single(s)
}

fn parse_single(s: &str) -> Result<Parsed, String> {
    let comps: Vec<&str> = s.split('/').collect();
    if comps.len() < 2 {
        return Err(format!("{s} is not a document symbol"));
    }
    if let Some(i) = comps.iter().position(|c| c.is_empty()) {
        return Err(if i + 1 == comps.len() {
            format!("{s} ends with a slash")
        } else {
            format!("{s} has an empty element between two slashes")
        });
    }
    let upper = s.to_ascii_uppercase();
    if !is_series(comps[0]) {
        return Err(format!(
            "{s}: symbols are written in capitals ({})",
            canonical_or(&upper)
        ));
    }
    // Words of the symbol grammar in the UN series must be in capitals.
    if matches!(comps[0], "A" | "S" | "E") {
        for c in &comps[1..] {
            let up = c.to_ascii_uppercase();
            if matches!(
                up.as_str(),
                "RES" | "DEC" | "HRC" | "PRST" | "PV" | "SR" | "INF"
            ) && *c != up
            {
                return Err(format!(
                    "{s}: write {up} in capitals ({})",
                    canonical_or(&upper)
                ));
            }
        }
    }
    match comps.as_slice() {
        ["A", "RES", rest @ ..] => return resolution_rest(Kind::Resolution, Body::GA, rest, s),
        ["A", "DEC", rest @ ..] => return resolution_rest(Kind::Decision, Body::GA, rest, s),
        ["S", "RES", rest @ ..] => return resolution_rest(Kind::Resolution, Body::SC, rest, s),
        ["E", "RES", rest @ ..] => return resolution_rest(Kind::Resolution, Body::ECOSOC, rest, s),
        ["E", "DEC", rest @ ..] => return resolution_rest(Kind::Decision, Body::ECOSOC, rest, s),
        ["A", "HRC", "RES", rest @ ..] => {
            return resolution_rest(Kind::Resolution, Body::HRC, rest, s)
        }
        ["A", "HRC", "DEC", rest @ ..] => {
            return resolution_rest(Kind::Decision, Body::HRC, rest, s)
        }
        _ => {}
    }
    for c in &comps[1..] {
        if !c
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'(' | b')'))
        {
            return Err(format!("{s} is not a valid document symbol"));
        }
    }
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return Err(format!("{s} has no number"));
    }
    let body = match comps[0] {
        "A" if comps[1] == "HRC" => Some(Body::HRC),
        "A" => Some(Body::GA),
        "S" => Some(Body::SC),
        "E" => Some(Body::ECOSOC),
        _ => None,
    };
    Ok(Parsed {
        canonical: s.to_string(),
        reference: Ref {
            kind: Kind::Document,
            body,
            session: None,
            number: None,
            part: None,
        },
    })
}

fn canonical_or(upper: &str) -> String {
    match parse(upper) {
        Ok(p) => p.canonical,
        Err(_) => upper.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        parse(s)
            .map(|p| p.canonical)
            .unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(canon("A/RES/66/184"), "A/RES/66/184");
        assert_eq!(canon("A/RES/57/270 B"), "A/RES/57/270 B");
        assert_eq!(canon("A/RES/57/270B"), "A/RES/57/270 B");
        assert_eq!(canon("A/RES/S-26/2"), "A/RES/S-26/2");
        assert_eq!(canon("A/RES/ES-10/19"), "A/RES/ES-10/19");
        assert_eq!(canon("A/RES/1514(XV)"), "A/RES/1514(XV)");
        assert_eq!(canon("A/RES/1514 (XV)"), "A/RES/1514(XV)");
        assert_eq!(canon("A/RES/2200(XXI)[A]"), "A/RES/2200 A(XXI)");
        assert_eq!(canon("A/RES/377 A(V)"), "A/RES/377 A(V)");
        assert_eq!(canon("S/RES/1325(2000)"), "S/RES/1325(2000)");
        assert_eq!(canon("S/RES/1454 (2002)"), "S/RES/1454(2002)");
        assert_eq!(canon("S/RES/2334"), "S/RES/2334");
        assert_eq!(canon("E/RES/2006/46"), "E/RES/2006/46");
        assert_eq!(canon("E/DEC/2011/16"), "E/DEC/2011/16");
        assert_eq!(canon("A/DEC/56/1"), "A/DEC/56/1");
        assert_eq!(canon("A/HRC/RES/16/18"), "A/HRC/RES/16/18");
        assert_eq!(canon("A/66/64-E/2011/77"), "A/66/64-E/2011/77");
        assert_eq!(canon("A/C.2/59/3"), "A/C.2/59/3");
        assert_eq!(canon("E/CN.6/2011/L.1/Add.2"), "E/CN.6/2011/L.1/Add.2");
        assert_eq!(canon("A/ES-11/L.7"), "A/ES-11/L.7");
        assert_eq!(canon("UNEP/EA.5/Res.14"), "UNEP/EA.5/Res.14");
    }

    #[test]
    fn malformed_symbols() {
        assert!(canon("A/RES/66").starts_with("ERR A/RES/66 lacks the number"));
        assert!(canon("a/res/66/184").contains("capitals (A/RES/66/184)"));
        assert!(canon("A//66/1").contains("empty element"));
        assert!(canon("A/66/").contains("ends with a slash"));
        assert!(canon("A/Res/66/184").contains("capitals (A/RES/66/184)"));
        assert!(canon("S/RES/1325(200)").starts_with("ERR"));
        assert!(canon("A/RES/66/184/2").starts_with("ERR"));
        assert!(canon("E/RES/06/46").starts_with("ERR"));
    }

    #[test]
    fn romans() {
        assert_eq!(parse_roman("XV"), Some(15));
        assert_eq!(parse_roman("XXIX"), Some(29));
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_roman("ABC"), None);
        assert_eq!(roman(48), "XLVIII");
    }
}
