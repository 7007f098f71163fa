//! Footnote navigation: go to definition, find references, rename.
//!
//! The cursor may stand on a reference (`[^3]`, glued digits, superscripts)
//! or on the number of a definition; both name the same footnote.

use std::ops::Range;

use crate::diagnostic::TextEdit;
use crate::syntax::Document;

use super::renumber::replace_digits;

/// The footnote number under the cursor, and the range it was found in.
pub fn footnote_at(doc: &Document, offset: usize) -> Option<(u32, Range<usize>)> {
    let within = |r: &Range<usize>| r.start <= offset && offset <= r.end;
    let from_ref = doc
        .footnote_refs
        .iter()
        .find(|r| within(&r.range))
        .map(|r| (r.number, r.range.clone()));
    from_ref.or_else(|| {
        doc.footnote_defs
            .iter()
            .find(|d| within(&d.number_range))
            .map(|d| (d.number, d.number_range.clone()))
    })
}

/// The definitions of the footnote under the cursor (the number of each;
/// more than one when the number is defined twice).
pub fn definition(doc: &Document, offset: usize) -> Vec<Range<usize>> {
    let Some((n, _)) = footnote_at(doc, offset) else {
        return Vec::new();
    };
    doc.footnote_defs
        .iter()
        .filter(|d| d.number == n)
        .map(|d| d.number_range.clone())
        .collect()
}

/// Every reference to the footnote under the cursor, in text order, and its
/// definitions too when `include_definition` is set.
pub fn references(doc: &Document, offset: usize, include_definition: bool) -> Vec<Range<usize>> {
    let Some((n, _)) = footnote_at(doc, offset) else {
        return Vec::new();
    };
    let refs = doc
        .footnote_refs
        .iter()
        .filter(|r| r.number == n)
        .map(|r| r.range.clone());
    let defs = doc
        .footnote_defs
        .iter()
        .filter(|d| include_definition && d.number == n)
        .map(|d| d.number_range.clone());
    let mut out: Vec<_> = refs.chain(defs).collect();
    out.sort_by_key(|r| r.start);
    out
}

/// The range a rename starts from: the footnote under the cursor.
pub fn prepare_rename(doc: &Document, offset: usize) -> Option<Range<usize>> {
    footnote_at(doc, offset).map(|(_, r)| r)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    NoFootnote,
    NotANumber(String),
    Taken(u32),
}

impl std::fmt::Display for RenameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenameError::NoFootnote => f.write_str("there is no footnote here to rename"),
            RenameError::NotANumber(s) => {
                write!(f, "a footnote is renamed to a number, not `{s}`")
            }
            RenameError::Taken(n) => write!(f, "footnote {n} already exists"),
        }
    }
}

/// Renames the footnote under the cursor to `new_name` (a number; `[^4]`
/// and `^4` are accepted too): its references and definitions change
/// together, each in its own script. Refuses a number another footnote uses.
pub fn rename(
    doc: &Document,
    src: &str,
    offset: usize,
    new_name: &str,
) -> Result<Vec<TextEdit>, RenameError> {
    let (old, _) = footnote_at(doc, offset).ok_or(RenameError::NoFootnote)?;
    let digits = new_name
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_start_matches('^');
    let new: u32 = digits
        .parse()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| RenameError::NotANumber(new_name.to_string()))?;
    if new == old {
        return Ok(Vec::new());
    }
    let used = doc.footnote_refs.iter().map(|r| r.number);
    if used
        .chain(doc.footnote_defs.iter().map(|d| d.number))
        .any(|n| n == new)
    {
        return Err(RenameError::Taken(new));
    }
    let refs = doc.footnote_refs.iter().filter(|r| r.number == old);
    let defs = doc.footnote_defs.iter().filter(|d| d.number == old);
    let mut edits: Vec<TextEdit> = refs
        .map(|r| r.range.clone())
        .chain(defs.map(|d| d.number_range.clone()))
        .filter_map(|r| replace_digits(src, r, new))
        .collect();
    edits.sort_by_key(|e| e.range.start);
    Ok(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::apply_edits;
    use crate::features::testing::{analysis, fixture, offset_of, render_range};

    const DRAFT: &str = "\
The General Assembly,

Recalling its resolution 65/141 of 20 December 2010,[^1]

Noting the report of the Secretary-General,[^2]

1. Welcomes the report;[^1]

2. Decides to include the item.

[^1]: Resolution 65/141.
[^2]: A/66/64-E/2011/77.
";

    fn ranges(src: &str, rs: &[Range<usize>]) -> Vec<String> {
        rs.iter()
            .map(|r| format!("{} {}", render_range(src, r), &src[r.clone()]))
            .collect()
    }

    #[test]
    fn definition_and_references_from_a_reference_or_the_definition() {
        let doc = analysis(DRAFT).doc;
        let on_ref = offset_of(DRAFT, "[^1]", 0) + 2;
        assert_eq!(ranges(DRAFT, &definition(&doc, on_ref)), ["11:1-11:5 [^1]"]);
        assert_eq!(
            ranges(DRAFT, &references(&doc, on_ref, true)),
            ["3:53-3:57 [^1]", "7:24-7:28 [^1]", "11:1-11:5 [^1]"]
        );
        let on_def = offset_of(DRAFT, "[^1]:", 0);
        assert_eq!(
            ranges(DRAFT, &references(&doc, on_def, false)),
            ["3:53-3:57 [^1]", "7:24-7:28 [^1]"]
        );
        assert!(definition(&doc, offset_of(DRAFT, "Welcomes", 0)).is_empty());
    }

    #[test]
    fn rename_changes_references_and_definition_together() {
        let doc = analysis(DRAFT).doc;
        let at = offset_of(DRAFT, "[^1]", 1);
        assert_eq!(prepare_rename(&doc, at), Some(at..at + 4));
        let out = apply_edits(DRAFT, &rename(&doc, DRAFT, at, "3").unwrap());
        assert_eq!(out, DRAFT.replace("[^1]", "[^3]"));
        assert_eq!(rename(&doc, DRAFT, at, "[^4]").map(|e| e.len()), Ok(3));
        assert_eq!(rename(&doc, DRAFT, at, "2"), Err(RenameError::Taken(2)));
        assert_eq!(
            rename(&doc, DRAFT, at, "two"),
            Err(RenameError::NotANumber("two".to_string()))
        );
        assert_eq!(rename(&doc, DRAFT, 0, "3"), Err(RenameError::NoFootnote));
    }

    #[test]
    fn pasted_references_on_the_seed() {
        let src = fixture("A-RES-66-184.txt");
        let doc = analysis(&src).doc;
        // `held in Geneva from 10 to 12 December 2003,1`
        let glued = offset_of(&src, "2003,1", 0) + 5;
        assert_eq!(ranges(&src, &definition(&doc, glued)), ["25:1-25:2 1"]);
        // `its outcome document, 6` after the paragraph's last comma.
        let bare = offset_of(&src, "document, 6", 0) + 10;
        assert_eq!(
            ranges(&src, &references(&doc, bare, true)),
            ["32:60-32:61 6", "79:1-79:2 6"]
        );
        let edits = rename(&doc, &src, glued, "12").unwrap();
        assert_eq!(
            ranges(
                &src,
                &edits.iter().map(|e| e.range.clone()).collect::<Vec<_>>()
            ),
            ["18:24-18:25 1", "25:1-25:2 1"]
        );
        // Reference 21 in OP 19 has no definition.
        let undefined = offset_of(&src, "Internet,21", 0) + 9;
        assert!(definition(&doc, undefined).is_empty());
        assert_eq!(references(&doc, undefined, true).len(), 1);
    }
}
