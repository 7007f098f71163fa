//! Completion of catalogue symbols after `resolution` / `resolutions`
//! (SPEC section 5): the resolutions whose number starts with what is typed
//! (`resolution 1325` offers `1325 (2000)`), the title as detail, and, where
//! the document cites the resolution for the first time, its date too
//! (`1325 (2000) of 31 October 2000`). A qualifier before the keyword
//! (`Security Council resolution`) keeps that organ's resolutions only; in a
//! list (`resolutions 56/183 of ..., 57/`) the list's organ.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::Analysis;
use crate::catalog::{cited_form, Catalog, Entry, TitleKind};
use crate::diagnostic::TextEdit;
use crate::un::{Body, Kind};

use super::completion::{CompletionItem, CompletionList, MAX_ITEMS};

/// What is typed of a number: `13`, `1325 (`, `57/2`, `ES-10/`, `2200 A (X`.
static TYPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:E?S-)?[0-9]+(?:/[0-9]*)?(?: [A-Z])?(?: ?\((?:[0-9]*|[IVXL]*)\)?)?$|E?S-$")
        .expect("regex")
});
static KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(Security Council|Economic and Social Council|Human Rights Council|General Assembly|Assembly)\s+)?\b[Rr]esolutions?\s+$").expect("regex")
});
static LIST_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:,\s*(?:and\s+)?|\s+and\s+)$").expect("regex"));

/// How far back the keyword may stand (a list of resolutions is long).
const WINDOW: usize = 400;

fn body_named(name: &str) -> Option<Body> {
    match name {
        "Security Council" => Some(Body::SC),
        "Economic and Social Council" => Some(Body::ECOSOC),
        "Human Rights Council" => Some(Body::HRC),
        "General Assembly" | "Assembly" => Some(Body::GA),
        _ => None,
    }
}

/// Where completion applies: the typed range and the organ to keep (`None`:
/// any).
fn context(analysis: &Analysis, src: &str, offset: usize) -> Option<(Range<usize>, Option<Body>)> {
    let start = src.floor_char_boundary(offset.saturating_sub(WINDOW));
    let window = &src[start..offset];
    let typed_len = TYPED.find(window).map(|m| m.len()).unwrap_or(0);
    let typed_start = offset - typed_len;
    let before = &src[start..typed_start];
    if typed_len > 0 && !before.ends_with(|c: char| c.is_whitespace()) {
        return None;
    }
    if let Some(m) = KEYWORD.captures(before) {
        let body = m.get(1).and_then(|q| body_named(q.as_str()));
        return Some((typed_start..offset, body));
    }
    // A list that a keyword began: the citation just before the separator.
    let sep = LIST_SEPARATOR.find(before)?;
    let sep_start = start + sep.start();
    let prev = analysis.citations.iter().rev().find(|c| {
        let end = c.date.as_ref().map(|d| d.range.end).unwrap_or(c.range.end);
        end <= sep_start && c.range.start < typed_start
    })?;
    let end = prev
        .date
        .as_ref()
        .map(|d| d.range.end)
        .unwrap_or(prev.range.end);
    if prev.group.is_none() || src[end..sep_start].trim().len() > 2 {
        return None;
    }
    Some((typed_start..offset, prev.body))
}

/// `1325(` as the catalogue's cited form writes it (`1325 (`).
fn normalise(typed: &str) -> String {
    let mut s = typed.to_string();
    if let Some(i) = s.find('(') {
        if i > 0 && !s[..i].ends_with(' ') {
            s.insert(i, ' ');
        }
    }
    s
}

fn detail(e: &Entry) -> String {
    match e.title() {
        Some((TitleKind::Title, t)) => t.to_string(),
        Some((TitleKind::SubjectHeading, t)) => format!("subject heading: {t}"),
        Some((TitleKind::AgendaItem, t)) => format!("agenda item: {t}"),
        None => {
            let mut d = format!("{} resolution", e.body.name());
            if let Some(date) = e.date {
                d.push_str(&format!(" of {}", date.long()));
            }
            d
        }
    }
}

/// Catalogue symbols for the number being typed at `offset`.
pub fn citation_completion(
    analysis: &Analysis,
    catalog: &Catalog,
    src: &str,
    offset: usize,
) -> CompletionList {
    let offset = src.floor_char_boundary(offset);
    let Some((typed, body)) = context(analysis, src, offset) else {
        return CompletionList::default();
    };
    let prefix = normalise(&src[typed.clone()]);
    let mut matches: Vec<(&Entry, String)> = catalog
        .iter()
        .filter(|e| body.is_none_or(|b| b == e.body))
        .filter(|e| e.kind() == Kind::Resolution)
        .filter_map(|e| {
            let form = cited_form(&e.symbol);
            form.starts_with(&prefix).then_some((e, form))
        })
        .collect();
    // The exact number first, then shorter numbers, then the most recent.
    matches.sort_by(|(a, fa), (b, fb)| {
        (fa.len(), std::cmp::Reverse(a.date), &a.symbol).cmp(&(
            fb.len(),
            std::cmp::Reverse(b.date),
            &b.symbol,
        ))
    });
    let is_incomplete = matches.len() > MAX_ITEMS;
    let items = matches
        .into_iter()
        .take(MAX_ITEMS)
        .enumerate()
        .map(|(i, (e, form))| {
            let cited_before = analysis.citations.iter().any(|c| {
                c.range.end <= typed.start
                    && (c.symbol == *e.symbol
                        || (e.body == Body::SC
                            && c.body == Some(Body::SC)
                            && c.number.map(|n| n.to_string()) == Some(e.number.to_string())))
            });
            let new_text = match e.date {
                Some(d) if !cited_before => format!("{form} of {}", d.long()),
                _ => form.clone(),
            };
            CompletionItem {
                label: form.clone(),
                detail: detail(e),
                filter_text: form,
                edit: TextEdit {
                    range: typed.clone(),
                    new_text,
                },
                sort_text: format!("{i:04}"),
            }
        })
        .collect();
    CompletionList {
        items,
        is_incomplete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::config::Config;

    fn complete_at_end(src: &str) -> CompletionList {
        let a = analyze(src, &Config::default(), Catalog::builtin());
        citation_completion(&a, Catalog::builtin(), src, src.len())
    }

    #[test]
    fn after_resolution_1325() {
        let src = "The General Assembly,\n\nRecalling Security Council resolution 1325";
        let list = complete_at_end(src);
        assert_eq!(list.items.len(), 1, "{list:#?}");
        let item = &list.items[0];
        assert_eq!(item.label, "1325 (2000)");
        assert_eq!(item.detail, "agenda item: Women and peace and security");
        assert_eq!(item.edit.new_text, "1325 (2000) of 31 October 2000");
        assert_eq!(&src[item.edit.range.clone()], "1325");
        // Without the qualifier every organ's numbers match, SC's among them.
        let list = complete_at_end("Recalling resolution 1325");
        assert!(list.items.iter().any(|i| i.label == "1325 (2000)"));
        // Already cited before: no date the second time.
        let src = "Recalling resolution 1325 (2000) of 31 October 2000 and Security Council resolution 1325";
        assert_eq!(complete_at_end(src).items[0].edit.new_text, "1325 (2000)");
        // A half-typed year.
        let list = complete_at_end("Recalling Security Council resolution 1325(2");
        assert_eq!(list.items[0].label, "1325 (2000)");
    }

    #[test]
    fn ga_numbers_filtered_by_what_is_typed() {
        let list = complete_at_end("Recalling its resolution 80/1");
        let labels: Vec<&str> = list.items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels[0], "80/1");
        assert!(labels.contains(&"80/14"));
        assert!(labels.iter().all(|l| l.starts_with("80/1")));
        let i = list.items.iter().find(|i| i.label == "80/14").unwrap();
        assert_eq!(i.detail, "African Nuclear-Weapon-Free Zone Treaty");
        assert_eq!(i.edit.new_text, "80/14 of 1 December 2025");
        // Subject headings say so.
        let list = complete_at_end("Recalling its resolution 68/262");
        assert_eq!(
            list.items[0].detail,
            "subject heading: ARMED CONFLICTS PREVENTION--MEDIATION"
        );
    }

    #[test]
    fn in_a_list_the_lists_organ() {
        let src = "Recalling also Economic and Social Council resolutions 2006/46 of 28 July 2006, 2011/1";
        let list = complete_at_end(src);
        assert_eq!(list.items.len(), 1);
        assert_eq!(list.items[0].label, "2011/16");
        assert_eq!(list.items[0].edit.new_text, "2011/16 of 26 July 2011");
    }

    #[test]
    fn empty_prefix_is_an_incomplete_list_and_elsewhere_nothing() {
        let list = complete_at_end("Recalling Security Council resolution ");
        assert!(list.is_incomplete);
        assert_eq!(list.items.len(), MAX_ITEMS);
        assert!(complete_at_end("Recalling the Charter 13").items.is_empty());
        assert!(complete_at_end("Recalling resolutions1325")
            .items
            .is_empty());
    }
}
