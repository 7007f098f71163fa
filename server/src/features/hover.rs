//! Hover: on a citation (delegated to `citation_hover`), on a footnote
//! reference (the footnote's text), on an opener (its kind and its other
//! forms).

use std::ops::Range;

use crate::analysis::Analysis;
use crate::catalog::Catalog;
use crate::syntax::vocabulary::Vocabulary;
use crate::syntax::{BlockKind, Document, OpenerKind};

use super::completion::{ends_with_words, frequency};
use super::{lower_first, upper_first};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// The text hovered (the reference, the opener words).
    pub range: Range<usize>,
    /// Markdown.
    pub markdown: String,
}

/// How many other forms an opener's hover lists.
const MAX_FORMS: usize = 8;

/// The hover at `offset`. Citations come first (SPEC section 5): the
/// citations session's `citation_hover`, called here once it is on main.
pub fn hover(analysis: &Analysis, catalog: &Catalog, src: &str, offset: usize) -> Option<Hover> {
    super::citation_hover::citation_hover(analysis, catalog, offset)
        .or_else(|| footnote(&analysis.doc, src, offset))
        .or_else(|| opener(&analysis.doc, src, offset))
}

/// The text of the footnote a reference under the cursor points at.
pub fn footnote(doc: &Document, src: &str, offset: usize) -> Option<Hover> {
    let r = doc
        .footnote_refs
        .iter()
        .find(|r| r.range.start <= offset && offset < r.range.end)?;
    let texts: Vec<String> = doc
        .footnote_defs
        .iter()
        .filter(|d| d.number == r.number)
        .map(|d| {
            let lines: Vec<&str> = d.text.iter().map(|t| src[t.clone()].trim()).collect();
            lines.join(" ")
        })
        .collect();
    let markdown = match texts.as_slice() {
        [] => format!("**Footnote {}** is not defined.", r.number),
        [one] => format!("**Footnote {}**\n\n{one}", r.number),
        many => format!(
            "**Footnote {}** is defined {} times:\n\n{}",
            r.number,
            many.len(),
            many.iter()
                .map(|t| format!("- {t}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    Some(Hover {
        range: r.range.clone(),
        markdown,
    })
}

/// The kind of a known opener under the cursor and its other forms.
pub fn opener(doc: &Document, src: &str, offset: usize) -> Option<Hover> {
    let block = doc.blocks.iter().find(|b| {
        b.opener_range()
            .is_some_and(|o| o.start <= offset && offset < o.end)
    })?;
    let o = block.opener.as_ref()?;
    let o_range = block.opener_range()?;
    let kind = o.kind?;
    let written = src[o_range.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let name = kind_name(kind);
    let mut markdown = format!("**{written}**: {name} opener");
    let expected = match block.kind {
        BlockKind::Preambular => Some(OpenerKind::Preambular),
        BlockKind::Operative => Some(OpenerKind::Operative),
        _ => None,
    };
    if let Some(e) = expected.filter(|&e| e != kind) {
        markdown.push_str(match e {
            OpenerKind::Preambular => ", here opening a preambular paragraph",
            OpenerKind::Operative => ", here opening an operative paragraph",
        });
    }
    let forms = other_forms(&written, kind);
    if !forms.is_empty() {
        let forms: Vec<String> = forms.iter().map(|f| format!("`{f}`")).collect();
        markdown.push_str(&format!("\n\nOther forms: {}", forms.join(", ")));
    }
    Some(Hover {
        range: o_range,
        markdown,
    })
}

fn kind_name(kind: OpenerKind) -> &'static str {
    match kind {
        OpenerKind::Preambular => "preambular",
        OpenerKind::Operative => "operative",
    }
}

/// The other forms of an opener's head word (`Also notes` → `Notes`,
/// `Notes also`, `Further notes` ...), the most used first.
pub fn other_forms(phrase: &str, kind: OpenerKind) -> Vec<String> {
    let v = Vocabulary::get();
    let base = head(phrase);
    let list = match kind {
        OpenerKind::Preambular => &v.preambular,
        OpenerKind::Operative => &v.operative,
    };
    let lowered = lower_first(&base);
    let conventional = [
        base.clone(),
        format!("Also {lowered}"),
        format!("Further {lowered}"),
        format!("{base} also"),
        format!("{base} further"),
    ];
    let mut forms: Vec<String> = Vec::new();
    for f in list.iter().cloned().chain(conventional) {
        if f != phrase && head(&f) == base && !forms.contains(&f) {
            forms.push(f);
        }
    }
    forms.sort_by(|a, b| {
        frequency(b, kind)
            .cmp(&frequency(a, kind))
            .then(a.len().cmp(&b.len()))
            .then(a.cmp(b))
    });
    forms.truncate(MAX_FORMS);
    forms
}

/// An opener without its adverbs and manner phrase, capitalised:
/// `Also notes` → `Notes`, `Noting with deep concern` → `Noting`.
fn head(phrase: &str) -> String {
    let v = Vocabulary::get();
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    let before = v.before_adverb_len(&words);
    if before < words.len() {
        words.drain(..before);
    }
    for tails in [&v.after, &v.with] {
        if let Some(t) = tails.iter().find(|t| ends_with_words(&words, t)) {
            words.truncate(words.len() - t.len());
        }
    }
    upper_first(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{analysis, fixture, offset_of, render_range};

    fn hover_at(src: &str, needle: &str, nth: usize, into: usize) -> Option<String> {
        let a = analysis(src);
        let h = hover(
            &a,
            Catalog::builtin(),
            src,
            offset_of(src, needle, nth) + into,
        )?;
        Some(format!("{} {}", render_range(src, &h.range), h.markdown))
    }

    #[test]
    fn seed_footnote_references() {
        let src = fixture("A-RES-66-184.txt");
        assert_eq!(
            hover_at(&src, "2003,1", 0, 5).as_deref(),
            Some("18:24-18:25 **Footnote 1**\n\nSee A/C.2/59/3, annex.")
        );
        // Footnote 8 runs over three lines.
        assert_eq!(
            hover_at(&src, "Organization,8", 0, 13).as_deref(),
            Some("68:83-68:84 **Footnote 8**\n\nUnited Nations Educational, Scientific and Cultural Organization, Records of the General Conference, Thirty-first Session, Paris, 15 October-3 November 2001, vol. 1 and corrigendum, Resolutions, chap. V, resolution 25, annex 1.")
        );
        assert_eq!(
            hover_at(&src, "Internet,21", 0, 9).as_deref(),
            Some("316:14-316:16 **Footnote 21** is not defined.")
        );
    }

    #[test]
    fn seed_openers() {
        let src = fixture("A-RES-66-184.txt");
        insta::assert_snapshot!(hover_at(&src, "Also stresses", 0, 0).unwrap(), @r"
        213:4-213:17 **Also stresses**: operative opener

        Other forms: `Stresses`, `Stresses also`, `Further stresses`, `Stresses further`
        ");
        insta::assert_snapshot!(hover_at(&src, "Recalling also Economic", 0, 12).unwrap(), @r"
        10:1-10:15 **Recalling also**: preambular opener

        Other forms: `Recalling`, `Recalling further`, `Also recalling`, `Further recalling`, `Recalling in particular`, `Recalling with satisfaction`
        ");
        // `Sresses` is no known opener: its diagnostic says what it should be.
        assert_eq!(hover_at(&src, "Sresses", 0, 1), None);
        // Inside a paragraph's text, nothing.
        assert_eq!(hover_at(&src, "digital divide", 0, 1), None);
    }

    #[test]
    fn misplaced_opener_says_where_it_stands() {
        let src =
            "The General Assembly,\n\nDecides that the report is good,\n\n1. Notes the report.\n";
        insta::assert_snapshot!(hover_at(src, "Decides", 0, 0).unwrap(), @r"
        3:1-3:8 **Decides**: operative opener, here opening a preambular paragraph

        Other forms: `Also decides`, `Further decides`, `Decides also`, `Decides further`
        ");
    }

    #[test]
    fn duplicate_definitions_are_all_shown() {
        let src = "The General Assembly,\n\nRecalling the Charter,[^1]\n\n1. Decides to act.\n\n[^1]: A/66/64.\n\n[^1]: A/66/65.\n";
        insta::assert_snapshot!(hover_at(src, "[^1]", 0, 1).unwrap(), @r"
        3:23-3:27 **Footnote 1** is defined 2 times:

        - A/66/64.
        - A/66/65.
        ");
    }
}
