//! Renumbering: operative paragraphs, sub-paragraphs and footnotes, as edits
//! that touch only the numbers and keep every other byte (the source action
//! and the `reso.renumber` command; the `numbering` and `sub-numbering` quick
//! fixes use the per-part halves).
//!
//! - Numbered paragraphs count 1, 2, 3 ... in each part: the operative part,
//!   and each annex on its own. A `bis`/`ter` paragraph takes the number of
//!   the paragraph before it and keeps its suffix.
//! - Sub-paragraph markers count from `(a)`/`(i)`/`a.`/`i.` under each
//!   paragraph, a level restarting under each marker of the level above.
//!   Paragraphs whose markers were lost get none.
//! - Footnotes are numbered in order of first reference, then the
//!   definitions nothing references, in their old order; references and
//!   definitions change together, so each reference still points at the same
//!   text (a dangling reference stays dangling).

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::TextEdit;
use crate::syntax::parser::lines;
use crate::syntax::{BlockKind, Document, MarkerKind, Part};

/// The whole renumbering: paragraphs, sub-paragraphs and footnotes in every
/// part, sorted by position.
pub fn renumber(doc: &Document, src: &str) -> Vec<TextEdit> {
    let mut edits = Vec::new();
    for part in numbered_parts(doc) {
        edits.extend(paragraph_numbers(doc, src, part));
        edits.extend(sub_markers(doc, src, part));
    }
    edits.extend(footnotes(doc, src));
    edits.sort_by_key(|e| e.range.start);
    edits
}

/// The parts that hold numbered paragraphs or sub-paragraphs, in text order.
fn numbered_parts(doc: &Document) -> Vec<Part> {
    let mut parts = Vec::new();
    for b in &doc.blocks {
        if b.marker.is_some() && !parts.contains(&b.part) {
            parts.push(b.part);
        }
    }
    parts
}

/// Whether a block is a numbered paragraph (`5.`) of the body or an annex.
fn is_numbered_paragraph(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Operative | BlockKind::AnnexParagraph)
}

/// Renumbers the numbered paragraphs of one part from 1.
pub fn paragraph_numbers(doc: &Document, src: &str, part: Part) -> Vec<TextEdit> {
    let mut edits = Vec::new();
    let mut last = 0;
    for b in doc.blocks.iter().filter(|b| b.part == part) {
        let Some(marker) = &b.marker else { continue };
        let MarkerKind::Number { suffix, .. } = &marker.kind else {
            continue;
        };
        if !is_numbered_paragraph(b.kind) {
            continue;
        }
        let expected = if suffix.is_some() {
            if last == 0 {
                continue;
            }
            last
        } else {
            last += 1;
            last
        };
        let Some(range) = b.marker_range() else {
            continue;
        };
        edits.extend(replace_digits(src, range, expected));
    }
    edits
}

/// Renumbers the sub-paragraph markers of one part.
pub fn sub_markers(doc: &Document, src: &str, part: Part) -> Vec<TextEdit> {
    let mut edits = Vec::new();
    let mut parent = None;
    let mut counters = [0u32; 5];
    for b in doc.blocks.iter().filter(|b| b.part == part) {
        if is_numbered_paragraph(b.kind) && b.level == 0 {
            parent = None;
            counters = [0; 5];
        }
        if b.kind != BlockKind::SubParagraph {
            continue;
        }
        let Some(marker) = &b.marker else { continue };
        let MarkerKind::Sub { level, .. } = marker.kind else {
            continue;
        };
        let level = usize::from(level.clamp(1, 4));
        if b.parent() != parent {
            parent = b.parent();
            counters = [0; 5];
        }
        counters[level] += 1;
        for deeper in &mut counters[level + 1..] {
            *deeper = 0;
        }
        edits.extend(replace_marker_letters(
            src,
            b.marker_range().unwrap_or_default(),
            level as u8,
            counters[level],
        ));
    }
    edits
}

/// Old footnote number → new, in order of first reference, then the
/// definitions nothing references in their order of appearance.
pub fn footnote_numbering(doc: &Document) -> BTreeMap<u32, u32> {
    let mut refs: Vec<_> = doc.footnote_refs.iter().collect();
    refs.sort_by_key(|r| r.range.start);
    let mut defs: Vec<_> = doc.footnote_defs.iter().collect();
    defs.sort_by_key(|d| d.number_range.start);
    let mut map = BTreeMap::new();
    let numbers = refs.iter().map(|r| r.number);
    for n in numbers.chain(defs.iter().map(|d| d.number)) {
        let next = map.len() as u32 + 1;
        map.entry(n).or_insert(next);
    }
    map
}

/// Renumbers footnote references and definitions together.
pub fn footnotes(doc: &Document, src: &str) -> Vec<TextEdit> {
    let map = footnote_numbering(doc);
    let refs = doc.footnote_refs.iter().map(|r| (r.number, &r.range));
    let defs = doc
        .footnote_defs
        .iter()
        .map(|d| (d.number, &d.number_range));
    let mut edits: Vec<TextEdit> = refs
        .chain(defs)
        .filter_map(|(n, range)| replace_digits(src, range.clone(), map[&n]))
        .collect();
    edits.sort_by_key(|e| e.range.start);
    edits
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// An edit that writes `n` in place of the number inside `range` (`5.`,
/// `[5 bis.`, `[^5]`, `5`, `⁵`), keeping its script; `None` when the number
/// already reads `n` or there is none.
pub fn replace_digits(src: &str, range: Range<usize>, n: u32) -> Option<TextEdit> {
    let text = src.get(range.clone())?;
    let ascii = |c: char| c.is_ascii_digit();
    let sup = |c: char| SUPERSCRIPTS.contains(&c);
    let (start, is_sup) = match text.find(ascii) {
        Some(i) => (i, false),
        None => (text.find(sup)?, true),
    };
    let len: usize = text[start..]
        .chars()
        .take_while(|&c| if is_sup { sup(c) } else { ascii(c) })
        .map(char::len_utf8)
        .sum();
    let new_text: String = if is_sup {
        n.to_string()
            .bytes()
            .map(|d| SUPERSCRIPTS[usize::from(d - b'0')])
            .collect()
    } else {
        n.to_string()
    };
    if text[start..start + len] == new_text {
        return None;
    }
    let at = range.start + start;
    Some(TextEdit {
        range: at..at + len,
        new_text,
    })
}

/// An edit that writes the `ordinal`-th marker of `level` in place of the
/// letters inside `range` (`(c)`, `(iv)`, `c.`), keeping brackets, dots and
/// case.
fn replace_marker_letters(
    src: &str,
    range: Range<usize>,
    level: u8,
    ordinal: u32,
) -> Option<TextEdit> {
    let text = src.get(range.clone())?;
    let start = text.find(|c: char| c.is_ascii_alphabetic())?;
    let len = text[start..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len() - start);
    let old = &text[start..start + len];
    let mut new_text = sub_marker_label(level, ordinal);
    if old.chars().all(|c| c.is_ascii_uppercase()) {
        new_text = new_text.to_ascii_uppercase();
    }
    if old == new_text {
        return None;
    }
    let at = range.start + start;
    Some(TextEdit {
        range: at..at + len,
        new_text,
    })
}

/// The letters of a sub-paragraph marker: levels 1 and 3 count `a` ... `z`,
/// `aa`, `bb` ... as the UN Editorial Manual does; levels 2 and 4 count in
/// lower-case roman numerals.
pub fn sub_marker_label(level: u8, ordinal: u32) -> String {
    if level % 2 == 1 {
        lines::to_letter(ordinal)
    } else {
        lines::to_roman(ordinal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::apply_edits;
    use crate::features::testing::{all_fixtures, analysis, fixture, render_edits};

    /// A draft where a paragraph was inserted after OP 3 (two paragraphs now
    /// read 4), a sub-paragraph skipped `(c)`, and footnote references were
    /// moved (`[^2]` now comes before `[^1]`, `[^4]` before `[^3]`).
    const INSERTED: &str = "\
Information and communications technologies for development

The General Assembly,

Recalling its resolution 65/141 of 20 December 2010,[^2]

Noting the report of the Secretary-General,[^1]

1. Welcomes the report;

2. Requests the Secretary-General:
   (a) To report to the Assembly;
   (b) To convene a meeting;
   (d) To inform the Council;

3. Decides to continue its consideration;

4. Invites Member States to contribute;[^4]

4. Encourages all stakeholders to participate;[^3]

5. Decides to include the item.

[^1]: A/66/64-E/2011/77.
[^2]: Resolution 65/141.
[^3]: A/66/67-E/2011/79.
[^4]: A/66/77-E/2011/103.
";

    #[test]
    fn renumbers_an_inserted_paragraph_subparagraphs_and_moved_footnotes() {
        let a = analysis(INSERTED);
        let out = apply_edits(INSERTED, &renumber(&a.doc, INSERTED));
        assert_eq!(
            out,
            "\
Information and communications technologies for development

The General Assembly,

Recalling its resolution 65/141 of 20 December 2010,[^1]

Noting the report of the Secretary-General,[^2]

1. Welcomes the report;

2. Requests the Secretary-General:
   (a) To report to the Assembly;
   (b) To convene a meeting;
   (c) To inform the Council;

3. Decides to continue its consideration;

4. Invites Member States to contribute;[^3]

5. Encourages all stakeholders to participate;[^4]

6. Decides to include the item.

[^2]: A/66/64-E/2011/77.
[^1]: Resolution 65/141.
[^4]: A/66/67-E/2011/79.
[^3]: A/66/77-E/2011/103.
"
        );
        // Each reference still points at the same text, the draft has no
        // diagnostic left, and renumbering again changes nothing.
        assert_eq!(cited_texts(&out), cited_texts(INSERTED));
        assert_eq!(
            cited_texts(&out),
            [
                "Resolution 65/141.",
                "A/66/64-E/2011/77.",
                "A/66/77-E/2011/103.",
                "A/66/67-E/2011/79."
            ]
        );
        let again = analysis(&out);
        assert_eq!(again.diagnostics, vec![]);
        assert_eq!(renumber(&again.doc, &out), vec![]);
    }

    /// The definition text of each `[^N]` reference, in text order, read
    /// from the text alone.
    fn cited_texts(src: &str) -> Vec<String> {
        let defs: BTreeMap<&str, &str> = src
            .lines()
            .filter_map(|l| l.strip_prefix("[^")?.split_once("]: "))
            .collect();
        src.lines()
            .filter(|l| !l.starts_with("[^"))
            .flat_map(|l| l.split("[^").skip(1))
            .map(|r| r.split(']').next().unwrap_or_default())
            .map(|n| defs.get(n).copied().unwrap_or("(undefined)").to_string())
            .collect()
    }

    #[test]
    fn bis_paragraphs_follow_their_neighbour() {
        let src = "The General Assembly,\n\n1. Notes the report;\n\n3. Decides to act;\n\n[3 bis. Also decides to report;]\n\n4. Requests a report.\n";
        let a = analysis(src);
        let out = apply_edits(src, &renumber(&a.doc, src));
        assert_eq!(
            out,
            "The General Assembly,\n\n1. Notes the report;\n\n2. Decides to act;\n\n[2 bis. Also decides to report;]\n\n3. Requests a report.\n"
        );
    }

    #[test]
    fn each_level_of_sub_paragraphs_restarts_under_its_parent() {
        let src = "\
The General Assembly,

1. Requests the Secretary-General:
   (b) To report:
       (ii) On the first matter;
       (iv) On the second matter;
   (c) To convene a meeting;

2. Decides:
   (e) To act;
   (f) To report.
";
        let a = analysis(src);
        let out = apply_edits(src, &renumber(&a.doc, src));
        assert_eq!(
            out,
            "\
The General Assembly,

1. Requests the Secretary-General:
   (a) To report:
       (i) On the first matter;
       (ii) On the second matter;
   (b) To convene a meeting;

2. Decides:
   (a) To act;
   (b) To report.
"
        );
    }

    #[test]
    fn numbers_are_replaced_in_their_script() {
        let edit =
            |src: &str, n| replace_digits(src, 0..src.len(), n).map(|e| (e.range, e.new_text));
        assert_eq!(edit("[^12]", 3), Some((2..4, "3".to_string())));
        assert_eq!(edit("[5 bis.", 6), Some((1..2, "6".to_string())));
        assert_eq!(edit("¹²", 9), Some((0..4, "⁹".to_string())));
        assert_eq!(edit("⁹", 10), Some((0..3, "¹⁰".to_string())));
        assert_eq!(edit("7.", 7), None);
        assert_eq!(edit("(a)", 1), None);
    }

    #[test]
    fn markers_count_as_the_editorial_manual_does() {
        let labels: Vec<String> = [1, 2, 26, 27, 28]
            .iter()
            .map(|&n| sub_marker_label(1, n))
            .collect();
        assert_eq!(labels, ["a", "b", "z", "aa", "bb"]);
        let labels: Vec<String> = [1, 4, 9, 14]
            .iter()
            .map(|&n| sub_marker_label(2, n))
            .collect();
        assert_eq!(labels, ["i", "iv", "ix", "xiv"]);
    }

    #[test]
    fn on_the_seed_only_footnotes_move() {
        // A/RES/66/184 numbers its 21 operative paragraphs without a gap;
        // its scan damaged references 5, 7, 9 and 11, so those footnotes
        // are unreferenced and go after the referenced ones, and the
        // undefined reference 21 keeps its place in reference order.
        let src = fixture("A-RES-66-184.txt");
        let a = analysis(&src);
        let edits = renumber(&a.doc, &src);
        assert!(paragraph_numbers(&a.doc, &src, Part::Operative).is_empty());
        insta::assert_snapshot!(render_edits(&src, &edits));
    }

    #[test]
    fn edits_touch_only_numbers_and_marker_letters_on_every_fixture() {
        for (name, src) in all_fixtures() {
            let a = analysis(&src);
            for e in renumber(&a.doc, &src) {
                let old = &src[e.range.clone()];
                let digits = |s: &str| {
                    s.chars()
                        .all(|c| c.is_ascii_digit() || SUPERSCRIPTS.contains(&c))
                };
                let letters = |s: &str| s.chars().all(|c| c.is_ascii_alphabetic());
                assert!(
                    (digits(old) && digits(&e.new_text)) || (letters(old) && letters(&e.new_text)),
                    "{name}: {old:?} -> {:?}",
                    e.new_text
                );
            }
        }
    }
}
