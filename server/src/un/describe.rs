//! Document symbols in words, for hover on a symbol the catalogue does not
//! know (`a draft (limited distribution, L.1) in the General Assembly
//! series`), and ordinals (`66th`).

use super::symbol::{joint_parts, Kind, Parsed, Session};

/// What kind of document a symbol names, in words, for hover on a symbol the
/// catalogue does not know.
pub fn describe(p: &Parsed) -> String {
    let r = &p.reference;
    let organ = r.body.map(|b| b.name()).unwrap_or("");
    match r.kind {
        Kind::Resolution | Kind::Decision => {
            let what = r.kind.as_str();
            let when = match r.session {
                Some(Session::Regular(s)) | Some(Session::Roman(s)) => {
                    format!(" of its {} session", ordinal(s))
                }
                Some(Session::Special(s)) => format!(" of its {} special session", ordinal(s)),
                Some(Session::Emergency(s)) => {
                    format!(" of its {} emergency special session", ordinal(s))
                }
                Some(Session::Year(y)) => format!(" of {y}"),
                None => String::new(),
            };
            format!("a {organ} {what}{when}")
        }
        Kind::Document => describe_document(&p.canonical),
    }
}

fn committee(n: &str) -> Option<&'static str> {
    Some(match n {
        "1" => "First Committee (Disarmament and International Security)",
        "2" => "Second Committee (Economic and Financial)",
        "3" => "Third Committee (Social, Humanitarian and Cultural)",
        "4" => "Fourth Committee (Special Political and Decolonization)",
        "5" => "Fifth Committee (Administrative and Budgetary)",
        "6" => "Sixth Committee (Legal)",
        _ => return None,
    })
}

fn describe_document(s: &str) -> String {
    let parts = joint_parts(s);
    if parts.len() > 1 {
        let organs: Vec<&str> = parts
            .iter()
            .filter_map(|p| match p.split('/').next() {
                Some("A") => Some("General Assembly"),
                Some("S") => Some("Security Council"),
                Some("E") => Some("Economic and Social Council"),
                _ => None,
            })
            .collect();
        return format!(
            "a joint document issued to the {}",
            organs.join(" and the ").replace("the the", "the")
        );
    }
    let comps: Vec<&str> = s.split('/').collect();
    let mut what: Vec<String> = Vec::new();
    let mut suffixes: Vec<String> = Vec::new();
    for c in &comps[1..] {
        if let Some(n) = c.strip_prefix("L.") {
            what.push(format!("draft (limited distribution, L.{n})"));
        } else if let Some(n) = c.strip_prefix("Add.") {
            suffixes.push(format!("addendum {n}"));
        } else if let Some(n) = c.strip_prefix("Rev.") {
            suffixes.push(format!("revision {n}"));
        } else if let Some(n) = c.strip_prefix("Corr.") {
            suffixes.push(format!("corrigendum {n}"));
        } else if let Some(n) = c.strip_prefix("PV.") {
            what.push(format!("verbatim record of meeting {n}"));
        } else if let Some(n) = c.strip_prefix("SR.") {
            what.push(format!("summary record of meeting {n}"));
        } else if *c == "PRST" {
            what.push("statement by the President of the Security Council".into());
        } else if *c == "INF" {
            what.push("information document".into());
        } else if let Some(n) = c.strip_prefix("C.") {
            if let Some(name) = committee(n) {
                what.push(format!("document of the {name}"));
            }
        } else if c.starts_with("CONF.") {
            what.push("conference document".into());
        } else if let Some(n) = c.strip_prefix("CN.") {
            what.push(format!("document of a functional commission (E/CN.{n})"));
        }
    }
    let series = match comps[0] {
        "A" if comps.get(1) == Some(&"HRC") => "Human Rights Council",
        "A" => "General Assembly",
        "S" => "Security Council",
        "E" => "Economic and Social Council",
        "ST" => "Secretariat",
        _ => "",
    };
    let mut out = if what.is_empty() {
        "a document".to_string()
    } else {
        format!("a {}", what.join(", "))
    };
    if !series.is_empty() {
        out.push_str(&format!(" in the {series} series"));
    } else {
        out.push_str(&format!(" in the {} series", comps[0]));
    }
    if !suffixes.is_empty() {
        out.push_str(&format!(" ({})", suffixes.join(", ")));
    }
    out
}

/// `1st`, `2nd`, `66th` ...
pub fn ordinal(n: u16) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::un::symbol::parse;

    #[test]
    fn descriptions() {
        let d = |s: &str| describe(&parse(s).unwrap());
        assert_eq!(
            d("A/C.2/66/L.51"),
            "a document of the Second Committee (Economic and Financial), draft (limited distribution, L.51) in the General Assembly series"
        );
        assert_eq!(
            d("A/66/L.1/Rev.1"),
            "a draft (limited distribution, L.1) in the General Assembly series (revision 1)"
        );
        assert_eq!(
            d("A/66/64-E/2011/77"),
            "a joint document issued to the General Assembly and the Economic and Social Council"
        );
        assert_eq!(
            d("A/RES/81/5"),
            "a General Assembly resolution of its 81st session"
        );
    }
}
