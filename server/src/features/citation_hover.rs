//! Hover on a citation (SPEC section 5): canonical symbol, title (or subject
//! heading, labelled as such), adoption date, organ and session, and the
//! undocs.org link; for a symbol the catalogue does not know, what kind of
//! document it is and that the catalogue does not list it.

use crate::analysis::Analysis;
use crate::catalog::{Catalog, Entry, TitleKind};
use crate::citations::Citation;
use crate::un::symbol::{self, ordinal, Kind, Session};
use crate::un::Body;

use super::citation_links::undocs_url;
use super::hover::Hover;

/// The hover of the citation under `offset` (on its number or its date).
pub fn citation_hover(analysis: &Analysis, catalog: &Catalog, offset: usize) -> Option<Hover> {
    let c = analysis.citations.iter().find(|c| c.contains(offset))?;
    let range = match &c.date {
        Some(d) if d.range.start <= offset && offset <= d.range.end => d.range.clone(),
        _ => c.range.clone(),
    };
    Some(Hover {
        range,
        markdown: hover_text(c, catalog),
    })
}

fn session_words(body: Body, session: Option<Session>) -> Option<String> {
    Some(match session? {
        Session::Regular(n) | Session::Roman(n) => format!("{} session", ordinal(n)),
        Session::Special(n) => format!("{} special session", ordinal(n)),
        Session::Emergency(n) => format!("{} emergency special session", ordinal(n)),
        Session::Year(y) if body.by_year() => format!("{y}"),
        Session::Year(y) => format!("session of {y}"),
    })
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(
            ch,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The catalogue entry a citation refers to (an SC resolution by its
/// number, so that a citation with a wrong year still finds it).
pub fn entry_for<'a>(c: &Citation, catalog: &'a Catalog) -> Option<&'a Entry> {
    if c.body == Some(Body::SC) && c.kind == Kind::Resolution {
        if let Some(e) = c.number.and_then(|n| catalog.sc(n)) {
            return Some(e);
        }
    }
    catalog.get(&c.symbol)
}

/// Markdown for one citation.
pub fn hover_text(c: &Citation, catalog: &Catalog) -> String {
    if let Some(problem) = &c.malformed {
        return format!(
            "**{}**\n\nNot a valid document symbol: {}",
            escape(&c.symbol),
            escape(problem)
        );
    }
    let mut lines = Vec::new();
    let entry = entry_for(c, catalog);
    let symbol = entry.map(|e| &*e.symbol).unwrap_or(&c.symbol);
    lines.push(format!("**{}**", escape(symbol)));
    let what = match (c.kind, c.body) {
        (Kind::Document, _) => symbol::parse(symbol)
            .map(|p| symbol::describe(&p))
            .unwrap_or_else(|_| "a document".into()),
        (kind, Some(body)) => {
            let session = session_words(body, c.session)
                .map(|s| format!(", {s}"))
                .unwrap_or_default();
            format!("{} {}{session}", body.name(), kind.as_str())
        }
        (kind, None) => kind.as_str().to_string(),
    };
    lines.push(upper(&what));
    match entry {
        Some(e) => {
            if let Some((kind, title)) = e.title() {
                let label = match kind {
                    TitleKind::Title => "Title",
                    TitleKind::SubjectHeading => {
                        "Subject heading (library index term, not the official title)"
                    }
                    TitleKind::AgendaItem => "Subject (the Council's agenda item)",
                };
                lines.push(format!("{label}: {}", escape(title)));
            }
            match e.date {
                Some(d) => lines.push(format!("Adopted: {}", d.long())),
                None => lines.push("Adoption date: not in the catalogue".into()),
            }
            if !e.meeting.is_empty() {
                lines.push(format!("Meeting: {}", escape(&e.meeting)));
            }
            if !e.vote.is_empty() {
                lines.push(format!("Vote: {}", escape(&e.vote)));
            }
            if c.body == Some(Body::SC) && c.symbol != *e.symbol {
                lines.push(format!("Cited as {}", escape(&c.symbol)));
            }
            lines.push(format!("Source: {}", escape(&e.source)));
        }
        None => {
            let why = match c.kind {
                Kind::Document => {
                    "The offline catalogue does not list this document (it lists resolutions, and the documents of imported catalogues)."
                }
                _ => {
                    "Not in the offline catalogue, which does not list every resolution; `reso catalog import` adds more."
                }
            };
            lines.push(why.into());
        }
    }
    let url = undocs_url(symbol);
    lines.push(format!("[{url}]({url})"));
    lines.join("\n\n")
}

fn upper(s: &str) -> String {
    super::upper_first(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::config::Config;

    fn hover_at(src: &str, needle: &str, catalog: &Catalog) -> Option<Hover> {
        let a = analyze(src, &Config::default(), catalog);
        citation_hover(&a, catalog, src.find(needle).unwrap() + 1)
    }

    #[test]
    fn hover_on_a_catalogued_ga_resolution() {
        let src = "The General Assembly,\n\nRecalling its resolution 56/183 of 21 December 2001,\n\n1. Decides to act.\n";
        let h = hover_at(src, "56/183", Catalog::builtin()).unwrap();
        assert_eq!(&src[h.range.clone()], "56/183");
        assert_eq!(
            h.markdown,
            "**A/RES/56/183**\n\nGeneral Assembly resolution, 56th session\n\nAdopted: 21 December 2001\n\nSource: cited-in-texts.tsv\n\n[https://undocs.org/A/RES/56/183](https://undocs.org/A/RES/56/183)"
        );
        // On the date too.
        let h = hover_at(src, "December 2001", Catalog::builtin()).unwrap();
        assert_eq!(&src[h.range.clone()], "21 December 2001");
    }

    #[test]
    fn subject_headings_and_agenda_items_are_labelled() {
        let src = "The General Assembly,\n\nRecalling its resolution 68/262 and Security Council resolution 1325 (2000),\n\n1. Decides to act.\n";
        let h = hover_at(src, "68/262", Catalog::builtin()).unwrap();
        assert!(h.markdown.contains("Subject heading (library index term, not the official title): ARMED CONFLICTS PREVENTION--MEDIATION"), "{}", h.markdown);
        assert!(!h.markdown.contains("Title:"));
        assert!(h.markdown.contains("Adopted: 27 March 2014"));
        let h = hover_at(src, "1325", Catalog::builtin()).unwrap();
        assert!(h
            .markdown
            .starts_with("**S/RES/1325(2000)**\n\nSecurity Council resolution, 2000"));
        assert!(
            h.markdown
                .contains("Subject (the Council's agenda item): Women and peace and security"),
            "{}",
            h.markdown
        );
        assert!(h.markdown.contains("Adopted: 31 October 2000"));
        assert!(h.markdown.contains("(https://undocs.org/S/RES/1325(2000))"));
    }

    #[test]
    fn unknown_symbols_say_what_they_are() {
        let src = "The General Assembly,\n\nRecalling its resolution 66/288 and the report (A/C.2/66/L.51),\n\n1. Decides to act.\n";
        let h = hover_at(src, "66/288", Catalog::builtin()).unwrap();
        assert_eq!(
            h.markdown,
            "**A/RES/66/288**\n\nGeneral Assembly resolution, 66th session\n\nNot in the offline catalogue, which does not list every resolution; `reso catalog import` adds more.\n\n[https://undocs.org/A/RES/66/288](https://undocs.org/A/RES/66/288)"
        );
        let h = hover_at(src, "A/C.2", Catalog::builtin()).unwrap();
        assert!(h.markdown.contains("A document of the Second Committee (Economic and Financial), draft (limited distribution, L.51) in the General Assembly series"), "{}", h.markdown);
        assert!(h.markdown.contains("does not list this document"));
    }

    #[test]
    fn malformed_symbol_hover() {
        let src = "The General Assembly,\n\nRecalling A/RES/66,\n\n1. Decides to act.\n";
        let h = hover_at(src, "A/RES/66", Catalog::builtin()).unwrap();
        assert!(h
            .markdown
            .contains("Not a valid document symbol: A/RES/66 lacks the number"));
    }

    #[test]
    fn no_hover_elsewhere() {
        let src =
            "The General Assembly,\n\nRecalling its resolution 56/183,\n\n1. Decides to act.\n";
        assert!(hover_at(src, "Recalling", Catalog::builtin()).is_none());
    }
}
