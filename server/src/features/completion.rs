//! Completion of clause openers, by where the cursor stands:
//!
//! - at the start of a paragraph in the preamble: preambular openers, with
//!   their adverb forms (`Also noting`, `Recalling further`);
//! - after `N. ` (a numbered paragraph being written): operative openers
//!   (`Also requests`, `Further decides`);
//! - at the start of a paragraph after an operative paragraph: the next
//!   number with an operative opener (`22. Requests`); in a preamble that no
//!   operative paragraph follows yet, `1. Decides` and the like come after
//!   the preambular openers.
//!
//! Items are filtered by what is typed (case-insensitively, over several
//! words: `Also n` gives `Also notes`), carry their kind as detail, and are
//! ranked by how often the opener opens a paragraph in real resolutions
//! (`server/data/opener_frequency.tsv`, counted by
//! `scripts/opener_frequency.py`). Adverb forms the lists do not hold are
//! generated from `server/data/vocabulary/adverbs.txt` once an adverb is typed
//! (`Once again ` gives `Once again urges`; `Noting ` gives `Noting with
//! concern`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::Analysis;
use crate::catalog::Catalog;
use crate::diagnostic::TextEdit;
use crate::syntax::vocabulary::Vocabulary;
use crate::syntax::{BlockKind, Document, MarkerKind, OpenerKind, Part};

use super::{lower_first, upper_first};

/// Characters that open completion: the space after `5.` or after an adverb.
pub const TRIGGER_CHARACTERS: [&str; 1] = [" "];

/// At most this many items are returned; the list is then incomplete and
/// the editor asks again as the drafter types.
pub const MAX_ITEMS: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    /// `Recalling also`, or `22. Requests` for a new operative paragraph.
    pub label: String,
    /// `preambular opener` or `operative opener`.
    pub detail: String,
    /// The opener alone: what the typed text is matched against.
    pub filter_text: String,
    /// Replaces what was typed.
    pub edit: TextEdit,
    /// Orders the items as ranked (`0000`, `0001` ...).
    pub sort_text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompletionList {
    pub items: Vec<CompletionItem>,
    /// More items would match than were sent.
    pub is_incomplete: bool,
}

/// What the cursor is about to write.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Context {
    /// An opener of this kind; `typed` is what was typed of it.
    Opener {
        kind: OpenerKind,
        typed: Range<usize>,
    },
    /// A new operative paragraph `number`, replacing `replace`
    /// (indentation and what was typed), after the preambular openers when
    /// `preambular` is set.
    NewParagraph {
        number: u32,
        replace: Range<usize>,
        typed: Range<usize>,
        preambular: bool,
    },
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*\[?[0-9]+(?:[ \t]+[a-z]+)?\.[ \t]+([A-Za-z][A-Za-z' -]*)?$").expect("regex")
});
static PLAIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]*([A-Za-z][A-Za-z' -]*)?$").expect("regex"));

/// Everything completion offers at `offset`. Citations come first: after
/// `resolution`, catalogue symbols (SPEC section 5) from the citations
/// session's `citation_completion`, called here once it is on main; else
/// clause openers.
pub fn completion(
    analysis: &Analysis,
    catalog: &Catalog,
    src: &str,
    offset: usize,
) -> CompletionList {
    let citations = super::citation_completion::citation_completion(analysis, catalog, src, offset);
    if !citations.items.is_empty() {
        return citations;
    }
    complete(&analysis.doc, src, offset)
}

/// Clause openers for the position `offset`.
pub fn complete(doc: &Document, src: &str, offset: usize) -> CompletionList {
    let offset = src.floor_char_boundary(offset);
    let Some(context) = context(doc, src, offset) else {
        return CompletionList::default();
    };
    let at_line_end = src[offset..]
        .split(['\n', '\r'])
        .next()
        .is_some_and(|rest| rest.trim().is_empty());
    let space = if at_line_end { " " } else { "" };
    let mut items = Vec::new();
    match context {
        Context::Opener { kind, typed } => {
            for phrase in ranked(kind, &src[typed.clone()]) {
                items.push(item(phrase.clone(), kind, &phrase, typed.clone(), space));
            }
        }
        Context::NewParagraph {
            number,
            replace,
            typed,
            preambular,
        } => {
            if preambular {
                for phrase in ranked(OpenerKind::Preambular, &src[typed.clone()]) {
                    let kind = OpenerKind::Preambular;
                    items.push(item(phrase.clone(), kind, &phrase, typed.clone(), space));
                }
            }
            for phrase in ranked(OpenerKind::Operative, &src[typed.clone()]) {
                let label = format!("{number}. {phrase}");
                let kind = OpenerKind::Operative;
                items.push(item(label, kind, &phrase, replace.clone(), space));
            }
        }
    }
    let is_incomplete = items.len() > MAX_ITEMS;
    items.truncate(MAX_ITEMS);
    for (i, it) in items.iter_mut().enumerate() {
        it.sort_text = format!("{i:04}");
    }
    CompletionList {
        items,
        is_incomplete,
    }
}

fn item(
    label: String,
    kind: OpenerKind,
    phrase: &str,
    range: Range<usize>,
    space: &str,
) -> CompletionItem {
    let detail = match kind {
        OpenerKind::Preambular => "preambular opener",
        OpenerKind::Operative => "operative opener",
    };
    CompletionItem {
        edit: TextEdit {
            range,
            new_text: format!("{label}{space}"),
        },
        label,
        detail: detail.to_string(),
        filter_text: phrase.to_string(),
        sort_text: String::new(),
    }
}

fn context(doc: &Document, src: &str, offset: usize) -> Option<Context> {
    let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &src[line_start..offset];
    let (body_start, body_end) = body(doc, src);
    if offset < body_start || offset > body_end {
        return None;
    }
    let numbered: Vec<(usize, u32)> = doc
        .operative()
        .filter(|(_, b)| b.part == Part::Operative)
        .filter_map(|(_, b)| match &b.marker.as_ref()?.kind {
            MarkerKind::Number { n, .. } => Some((b.span().start, *n)),
            MarkerKind::Sub { .. } => None,
        })
        .collect();

    if let Some(c) = NUMBERED.captures(before) {
        let typed = c
            .get(1)
            .map_or(offset..offset, |m| line_start + m.start()..offset);
        return Some(Context::Opener {
            kind: OpenerKind::Operative,
            typed,
        });
    }
    let c = PLAIN.captures(before)?;
    let typed = c
        .get(1)
        .map_or(offset..offset, |m| line_start + m.start()..offset);
    if !starts_paragraph(src, line_start, &src[typed.clone()]) {
        return None;
    }
    // The paragraph being written follows the last OP that starts before it.
    let previous = numbered.iter().rev().find(|(start, _)| *start < line_start);
    let any_operative = doc.operative().next().is_some();
    match previous {
        None if any_operative => Some(Context::Opener {
            kind: OpenerKind::Preambular,
            typed,
        }),
        None => Some(Context::NewParagraph {
            number: 1,
            replace: line_start..offset,
            typed,
            preambular: true,
        }),
        Some((_, n)) => Some(Context::NewParagraph {
            number: n + 1,
            replace: line_start..offset,
            typed,
            preambular: false,
        }),
    }
}

/// Where paragraphs may be written: after the chapeau (or from the start
/// when there is none), up to the meeting line, the closing part or an annex.
fn body(doc: &Document, src: &str) -> (usize, usize) {
    let start = doc.chapeau.map_or(0, |i| doc.blocks[i].span().end + 1);
    let end = doc
        .blocks
        .iter()
        .find(|b| {
            matches!(b.kind, BlockKind::MeetingLine | BlockKind::AnnexHeading)
                || matches!(b.part, Part::Closing | Part::Annex(_))
        })
        .map_or(src.len(), |b| b.span().start.saturating_sub(1));
    (start, end.max(start))
}

/// Whether a line starts a paragraph: it follows a blank line (or nothing),
/// or a line that ends a paragraph (`,` `;` `.` `:`) when the drafter starts
/// it with a capital.
fn starts_paragraph(src: &str, line_start: usize, typed: &str) -> bool {
    if line_start == 0 {
        return true;
    }
    let before = &src[..line_start - 1];
    let prev = before[before.rfind('\n').map_or(0, |i| i + 1)..].trim();
    if prev.is_empty() {
        return true;
    }
    let ends = prev
        .trim_end_matches(|c: char| c.is_ascii_digit() || "]^[".contains(c))
        .ends_with([',', ';', '.', ':']);
    ends && typed.chars().next().is_none_or(char::is_uppercase)
}

/// The openers of `kind` that continue `typed`, the most used first.
fn ranked(kind: OpenerKind, typed: &str) -> Vec<String> {
    let typed = normalise(typed);
    let lower = typed.to_lowercase();
    let mut seen = HashSet::new();
    let v = Vocabulary::get();
    // Ranked by the form's own count, then by the count of the form without
    // its before-adverb (`Also noting with satisfaction` after `Noting with
    // satisfaction`), then shortest first.
    let score = |p: &str| {
        let words: Vec<&str> = p.split(' ').collect();
        let adverb = v.before_adverb_len(&words);
        let bare = upper_first(&words[adverb.min(words.len())..].join(" "));
        (frequency(p, kind), frequency(&bare, kind))
    };
    let mut found: Vec<((u32, u32), String)> = candidates(kind, &typed)
        .filter(|p| p.to_lowercase().starts_with(&lower))
        .filter(|p| seen.insert(p.clone()))
        .map(|p| (score(&p), p))
        .collect();
    found.sort_by(|(fa, a), (fb, b)| fb.cmp(fa).then(a.len().cmp(&b.len())).then(a.cmp(b)));
    found.into_iter().map(|(_, p)| p).collect()
}

/// Every opener of `kind` worth offering for `typed`: the vocabulary, the
/// forms real texts use, and the adverb forms `typed` asks for.
fn candidates(kind: OpenerKind, typed: &str) -> impl Iterator<Item = String> {
    let v = Vocabulary::get();
    let list = match kind {
        OpenerKind::Preambular => &v.preambular,
        OpenerKind::Operative => &v.operative,
    };
    let used = FREQUENCY
        .keys()
        .filter(move |(_, k)| *k == kind)
        .map(|(p, _)| p.clone());
    let mut generated = Vec::new();
    let words: Vec<&str> = typed.split(' ').collect();
    // `Also ` / `Once again `: the adverb before each entry that has none.
    let adverb = v.before_adverb_len(&words);
    if adverb > 0 && words.len() > adverb {
        let adverb = words[..adverb].join(" ");
        for e in list {
            let entry: Vec<&str> = e.split(' ').collect();
            // `Noting also` takes no `Also`; `Noting with satisfaction` does.
            let after = v
                .after
                .iter()
                .any(|a| a[0] != "with" && ends_with_words(&entry, a));
            if v.before_adverb_len(&entry) == 0 && !after {
                generated.push(format!("{adverb} {}", lower_first(e)));
            }
        }
    }
    // `Noting ` / `Decides `: an adverb or a manner phrase after the entry.
    for e in list {
        let n = e.split(' ').count();
        if words.len() > n && words[..n].join(" ") == *e {
            for tail in v.after.iter().chain(&v.with) {
                generated.push(format!("{e} {}", tail.join(" ")));
            }
        }
    }
    list.clone().into_iter().chain(used).chain(generated)
}

/// Whether the last words of `words` are `tail` (`Noting also` ends with `also`).
pub(crate) fn ends_with_words(words: &[&str], tail: &[String]) -> bool {
    tail.len() < words.len()
        && words[words.len() - tail.len()..]
            .iter()
            .zip(tail)
            .all(|(w, t)| w == t)
}

/// Counts from `server/data/opener_frequency.tsv`: (phrase, kind) → count.
static FREQUENCY: LazyLock<HashMap<(String, OpenerKind), u32>> = LazyLock::new(|| {
    include_str!("../../data/opener_frequency.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let phrase = cols.next()?.to_string();
            let kind = match cols.next()? {
                "preambular" => OpenerKind::Preambular,
                "operative" => OpenerKind::Operative,
                _ => return None,
            };
            Some(((phrase, kind), cols.next()?.trim().parse().ok()?))
        })
        .collect()
});

/// How often `phrase` opens a paragraph of `kind` in the counted texts.
pub fn frequency(phrase: &str, kind: OpenerKind) -> u32 {
    FREQUENCY
        .get(&(phrase.to_string(), kind))
        .copied()
        .unwrap_or(0)
}

/// Runs of whitespace as one space; a trailing space is kept, since it
/// says the last word is complete.
fn normalise(typed: &str) -> String {
    let mut out = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if typed.ends_with([' ', '\t']) && !out.is_empty() {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{analysis, cursor, fixture, offset_of, render_range};

    /// The draft with `{}` replaced by `typed` and the cursor after it.
    const DRAFT: &str = "\
Information and communications technologies for development

The General Assembly,

Recalling its resolution 65/141 of 20 December 2010,

{}

Noting the report of the Secretary-General,

1. Welcomes the report;

2. {}

3. Decides to include the item.
{}";

    /// `at`: which `{}` holds the cursor (0: preamble, 1: after `2. `, 2: after the last OP).
    fn complete_in(at: usize, typed: &str) -> (String, CompletionList) {
        let mut parts = DRAFT.split("{}");
        let mut marked = String::new();
        for i in 0..3 {
            marked.push_str(parts.next().unwrap());
            if i == at {
                marked.push_str(typed);
                marked.push('|');
            }
        }
        marked.push_str(parts.next().unwrap());
        let (src, offset) = cursor(&marked);
        let list = complete(&analysis(&src).doc, &src, offset);
        (src, list)
    }

    fn labels(list: &CompletionList, n: usize) -> Vec<&str> {
        list.items
            .iter()
            .take(n)
            .map(|i| i.label.as_str())
            .collect()
    }

    fn edit(src: &str, item: &CompletionItem) -> String {
        format!(
            "{} {:?} -> {:?}",
            render_range(src, &item.edit.range),
            &src[item.edit.range.clone()],
            item.edit.new_text
        )
    }

    #[test]
    fn preamble_start_offers_preambular_openers_most_used_first() {
        let (src, list) = complete_in(0, "");
        assert_eq!(
            labels(&list, 6),
            [
                "Recalling",
                "Recognizing",
                "Noting",
                "Reaffirming",
                "Welcoming",
                "Recalling also"
            ]
        );
        assert!(list.items.iter().all(|i| i.detail == "preambular opener"));
        assert_eq!(edit(&src, &list.items[0]), r#"7:1-7:1 "" -> "Recalling ""#);
        assert!(list.is_incomplete);
        assert_eq!(list.items.len(), MAX_ITEMS);
    }

    #[test]
    fn typed_prefix_filters_case_insensitively() {
        let (src, list) = complete_in(0, "rec");
        assert_eq!(
            labels(&list, 5),
            [
                "Recalling",
                "Recognizing",
                "Recalling also",
                "Recalling further",
                "Recognizing also"
            ]
        );
        assert_eq!(
            edit(&src, &list.items[0]),
            r#"7:1-7:4 "rec" -> "Recalling ""#
        );
        assert!(list.items.iter().all(|i| i.label.starts_with("Rec")));
    }

    #[test]
    fn adverb_forms_after_a_typed_adverb() {
        let (_, list) = complete_in(0, "Also n");
        assert_eq!(
            labels(&list, 2),
            ["Also noting", "Also noting with satisfaction"]
        );
        let (_, list) = complete_in(0, "Noting ");
        assert_eq!(
            labels(&list, 2),
            ["Noting also", "Noting with satisfaction"]
        );
        assert!(list
            .items
            .iter()
            .any(|i| i.label == "Noting with deep concern"));
        assert!(list.items.iter().any(|i| i.label == "Noting further"));
    }

    #[test]
    fn after_a_number_offers_operative_openers() {
        let (src, list) = complete_in(1, "");
        assert_eq!(
            labels(&list, 5),
            ["Encourages", "Decides", "Calls upon", "Requests", "Urges"]
        );
        assert!(list.items.iter().all(|i| i.detail == "operative opener"));
        assert_eq!(
            edit(&src, &list.items[0]),
            r#"13:4-13:4 "" -> "Encourages ""#
        );
        let (src, list) = complete_in(1, "Also req");
        assert_eq!(labels(&list, 1), ["Also requests"]);
        assert_eq!(
            edit(&src, &list.items[0]),
            r#"13:4-13:12 "Also req" -> "Also requests ""#
        );
        let (_, list) = complete_in(1, "Once again ");
        assert!(
            list.items.iter().any(|i| i.label == "Once again urges"),
            "{:?}",
            labels(&list, 50)
        );
    }

    #[test]
    fn after_the_last_paragraph_offers_the_next_number() {
        let (src, list) = complete_in(2, "\n");
        assert_eq!(
            labels(&list, 3),
            ["4. Encourages", "4. Decides", "4. Calls upon"]
        );
        assert_eq!(list.items[0].filter_text, "Encourages");
        assert_eq!(
            edit(&src, &list.items[0]),
            r#"17:1-17:1 "" -> "4. Encourages ""#
        );
        let (src, list) = complete_in(2, "\nReq");
        assert_eq!(labels(&list, 2), ["4. Requests", "4. Requires"]);
        assert_eq!(
            edit(&src, &list.items[0]),
            r#"17:1-17:4 "Req" -> "4. Requests ""#
        );
    }

    #[test]
    fn nothing_inside_a_sentence_or_before_the_chapeau() {
        let src = DRAFT.replace("{}", "");
        let doc = analysis(&src).doc;
        let inside = offset_of(&src, "resolution 65", 0);
        assert_eq!(complete(&doc, &src, inside), CompletionList::default());
        let title = offset_of(&src, "for development", 0);
        assert_eq!(complete(&doc, &src, title), CompletionList::default());
        // A wrapped line that follows no final punctuation is not a paragraph start.
        let (src, offset) =
            cursor("The General Assembly,\n\nRecalling its resolution\nRe|\n\n1. Decides.\n");
        assert!(complete(&analysis(&src).doc, &src, offset).items.is_empty());
        // Past the end of the text and inside a character: clamped, no panic.
        let _ = complete(&doc, &src, src.len() + 10);
        let (src, offset) = cursor("The General Assembly,\n\nRé|sumé\n");
        let _ = complete(&analysis(&src).doc, &src, offset + 1);
    }

    #[test]
    fn a_preamble_without_operative_part_also_offers_op_1() {
        let (src, offset) =
            cursor("The General Assembly,\n\nRecalling its resolution 65/141,\n\nDec|");
        let list = complete(&analysis(&src).doc, &src, offset);
        assert_eq!(labels(&list, 2), ["Declaring", "1. Decides"]);
    }

    #[test]
    fn seed_next_paragraph_is_22() {
        let src = fixture("A-RES-66-184.txt");
        // The blank line between OP 21 and footnote 11.
        let offset = offset_of(&src, "for development”.\n", 0) + "for development”.\n".len();
        let list = complete(&analysis(&src).doc, &src, offset);
        assert_eq!(labels(&list, 2), ["22. Encourages", "22. Decides"]);
        // At the start of PP 2, over its opener: preambular openers.
        let pp2 = offset_of(&src, "Recalling also Economic", 0) + 3;
        let list = complete(&analysis(&src).doc, &src, pp2);
        assert_eq!(labels(&list, 2), ["Recalling", "Recognizing"]);
        assert_eq!(
            edit(&src, &list.items[0]),
            r#"10:1-10:4 "Rec" -> "Recalling""#
        );
    }

    #[test]
    fn frequency_table_is_loaded() {
        assert!(frequency("Recalling", OpenerKind::Preambular) > 100);
        assert!(frequency("Decides", OpenerKind::Operative) > 10);
        assert_eq!(frequency("Decides", OpenerKind::Preambular), 0);
    }
}
