//! Document links (SPEC section 5): every well-formed citation links to its
//! document on undocs.org.

use std::ops::Range;

use crate::citations::Citation;
use crate::un::{symbol, Session};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The cited number or symbol.
    pub range: Range<usize>,
    pub url: String,
}

/// `https://undocs.org/<symbol>` in the spelling the UN's document system
/// resolves: no space before a part letter (`A/RES/57/270B`), an old-style
/// part in brackets (`A/RES/2200(XXI)[A]`).
pub fn undocs_url(symbol: &str) -> String {
    let mut s = symbol.to_string();
    if let Ok(p) = symbol::parse(symbol) {
        let r = &p.reference;
        if let (Some(Session::Roman(session)), Some(n), Some(part)) = (r.session, r.number, r.part)
        {
            let prefix = &symbol[..symbol.find(&n.to_string()).unwrap_or(0)];
            s = format!("{prefix}{n}({})[{part}]", symbol::roman(session));
        } else if let Some(part) = r.part {
            s = format!("{}{part}", &symbol[..symbol.len() - 2]);
        }
    }
    format!("https://undocs.org/{}", s.replace(' ', "%20"))
}

/// The links of a document's citations (malformed symbols have none).
pub fn citation_links(citations: &[Citation]) -> Vec<Link> {
    citations
        .iter()
        .filter(|c| c.malformed.is_none())
        .map(|c| Link {
            range: c.range.clone(),
            url: undocs_url(&c.symbol),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::citations::recognise_text;
    use crate::un::{Body, Organ};

    #[test]
    fn urls() {
        assert_eq!(
            undocs_url("A/RES/56/183"),
            "https://undocs.org/A/RES/56/183"
        );
        assert_eq!(
            undocs_url("A/RES/57/270 B"),
            "https://undocs.org/A/RES/57/270B"
        );
        assert_eq!(
            undocs_url("S/RES/1325(2000)"),
            "https://undocs.org/S/RES/1325(2000)"
        );
        assert_eq!(
            undocs_url("A/RES/2200 A(XXI)"),
            "https://undocs.org/A/RES/2200(XXI)[A]"
        );
        assert_eq!(
            undocs_url("A/RES/1514(XV)"),
            "https://undocs.org/A/RES/1514(XV)"
        );
        assert_eq!(
            undocs_url("A/66/64-E/2011/77"),
            "https://undocs.org/A/66/64-E/2011/77"
        );
    }

    #[test]
    fn links_of_a_text() {
        let src = "Recalling its resolutions 56/183 and 57/270 B, Security Council resolution 1325 (2000) and A/66/64-E/2011/77 but not A/RES/66,";
        let cits = recognise_text(src, Some(&Organ::Known(Body::GA)));
        let links: Vec<(&str, String)> = citation_links(&cits)
            .into_iter()
            .map(|l| (&src[l.range], l.url))
            .collect();
        let u = |s: &str| format!("https://undocs.org/{s}");
        assert_eq!(
            links,
            [
                ("56/183", u("A/RES/56/183")),
                ("57/270 B", u("A/RES/57/270B")),
                ("1325 (2000)", u("S/RES/1325(2000)")),
                ("A/66/64-E/2011/77", u("A/66/64-E/2011/77")),
            ]
        );
    }
}
