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
            let sources = provenance(e);
            let label = if sources.len() == 1 {
                "Source"
            } else {
                "Sources"
            };
            lines.push(format!("{label}: {}", escape(&sources.join("; "))));
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

/// Where an entry's facts come from, in a drafter's words: the built-in
/// files by what they are (server/data/catalog/README.md), the user's files
/// by name.
pub fn provenance(e: &Entry) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let cited = cited_in(&e.note);
    for file in e.source.split(", ").filter(|f| !f.is_empty()) {
        match file {
            "sc-resolutions-1946-2019.tsv" => {
                push("Security Council meeting records (Dag Hammarskjöld Library)".into())
            }
            "ga-recorded-votes-voeten.tsv" => {
                push("recorded vote (Voeten's General Assembly voting data)".into())
            }
            "ga-80-texts.tsv" | "cited-in-texts.tsv" => {
                if file == "ga-80-texts.tsv" && e.note.contains("official text") {
                    push("official text, UN Digital Library".into());
                }
                if !cited.is_empty() {
                    push(format!("date as cited in {}", and_list(&cited)));
                } else if file == "cited-in-texts.tsv" {
                    push("date as cited in a UN text".into());
                }
            }
            user => {
                let name = std::path::Path::new(user)
                    .file_name()
                    .map_or(user.to_string(), |n| n.to_string_lossy().into_owned());
                push(format!("your catalogue file {name}"));
            }
        }
    }
    out
}

/// The texts a note says a date was cited in: `date as cited in: S/RES/814
/// (1993) (CR-UNSC gold text); S/RES/837 (1993) (...)` gives `S/RES/814
/// (1993)` and `S/RES/837 (1993)` (where the text was read is dropped).
fn cited_in(note: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_list = false;
    for piece in note.split("; ") {
        let piece = piece.trim();
        let rest = match piece.strip_prefix("date as cited in") {
            Some(r) => r.trim_start_matches(':').trim(),
            None if in_list && piece.contains('/') && !piece.contains(' ') => piece,
            None if in_list && piece.split(' ').next().is_some_and(|w| w.contains('/')) => piece,
            None => {
                in_list = false;
                continue;
            }
        };
        in_list = true;
        let symbol = drop_where_read(rest);
        if !symbol.is_empty() && !out.contains(&symbol) {
            out.push(symbol);
        }
    }
    out
}

/// `S/RES/814 (1993) (CR-UNSC gold text)` → `S/RES/814 (1993)`: trailing
/// brackets that name where the text was read (they hold a space, a slash
/// or a dot, as a year or roman session does not).
fn drop_where_read(s: &str) -> String {
    let mut s = s.trim();
    while let Some(open) = s.strip_suffix(')').and_then(|t| t.rfind(" (")) {
        let inner = &s[open + 2..s.len() - 1];
        if inner.contains([' ', '/', '.']) {
            s = s[..open].trim_end();
        } else {
            break;
        }
    }
    s.to_string()
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
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
            "**A/RES/56/183**\n\nGeneral Assembly resolution, 56th session\n\nAdopted: 21 December 2001\n\nSource: date as cited in A/RES/66/184\n\n[https://undocs.org/A/RES/56/183](https://undocs.org/A/RES/56/183)"
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
    fn provenance_is_said_in_words_not_file_names() {
        // Issue 20: the hover read "Source: cited-in-texts.tsv,
        // ga-recorded-votes-voeten.tsv".
        let cat = Catalog::builtin();
        let source = |cited: &str| {
            let src =
                format!("The General Assembly,\n\nRecalling {cited},\n\n1. Decides to act.\n");
            let number = cited
                .split(' ')
                .find(|w| w.contains('/') || w.parse::<u32>().is_ok());
            let h = hover_at(&src, number.unwrap(), cat).unwrap().markdown;
            let line = h.lines().find(|l| l.starts_with("Source")).unwrap_or("");
            assert!(!line.contains(".tsv"), "{line}");
            line.to_string()
        };
        assert_eq!(
            source("its resolution 31/6 A"),
            "Sources: date as cited in S/RES/402 (1976) and S/RES/407 (1977); recorded vote (Voeten's General Assembly voting data)"
        );
        assert_eq!(
            source("its resolution 80/1"),
            "Source: official text, UN Digital Library"
        );
        assert_eq!(
            source("Security Council resolution 1325 (2000)"),
            "Source: Security Council meeting records (Dag Hammarskjöld Library)"
        );
        assert_eq!(
            source("its resolution 68/262"),
            "Sources: date as cited in A/ES-11/L.7; recorded vote (Voeten's General Assembly voting data)"
        );
        assert_eq!(
            source("Economic and Social Council resolution 2008/3"),
            "Source: date as cited in A/RES/66/184"
        );
        // A user's file is named as theirs.
        let (user, w) = Catalog::with_texts(&[(
            "/home/drafter/reso/my-resolutions.tsv".to_string(),
            "A/RES/66/288\tGA\t66\t288\t2012-07-27\tThe future we want\t\t\t\n".to_string(),
        )]);
        assert_eq!(w, vec![]);
        let src =
            "The General Assembly,\n\nRecalling its resolution 66/288,\n\n1. Decides to act.\n";
        let h = hover_at(src, "66/288", &user).unwrap().markdown;
        assert!(
            h.contains("\n\nSource: your catalogue file my-resolutions.tsv\n\n"),
            "{h}"
        );
    }

    #[test]
    fn cited_in_notes_are_read() {
        assert_eq!(
            cited_in("date as cited in: S/RES/814 (1993) (CR-UNSC gold text); S/RES/837 (1993) (CR-UNSC gold text)"),
            ["S/RES/814 (1993)", "S/RES/837 (1993)"]
        );
        assert_eq!(
            cited_in("date as cited in: A/RES/66/184 (shared/data/texts/A-RES-66-184.txt); date withheld: source dates for sessions 31-57 are unreliable"),
            ["A/RES/66/184"]
        );
        assert_eq!(cited_in("date as cited in A/RES/80/32"), ["A/RES/80/32"]);
        assert_eq!(drop_where_read("A/RES/1514 (XV)"), "A/RES/1514 (XV)");
    }

    #[test]
    fn no_hover_elsewhere() {
        let src =
            "The General Assembly,\n\nRecalling its resolution 56/183,\n\n1. Decides to act.\n";
        assert!(hover_at(src, "Recalling", Catalog::builtin()).is_none());
    }
}
