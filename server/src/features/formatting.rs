//! Formatting: normalises whitespace and never touches a word.
//!
//! - no trailing spaces or tabs; a line of nothing but spaces is empty;
//! - no blank lines at the start, one at most in a row, none at the end, and
//!   the text ends with one line break;
//! - in the blank-line layout, each preambular and operative paragraph and
//!   the chapeau start at the margin, after one blank line (pasted text often
//!   glues a paragraph to the footnote block or page break above it); the
//!   indented layout keeps its indentation and lines, which mark paragraphs
//!   there;
//! - one space between an operative paragraph's number and its text.
//!
//! Existing line breaks are kept as they are (`\n` or `\r\n`); an inserted
//! one follows the document's style.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::TextEdit;
use crate::syntax::{BlockKind, Document, Layout, MarkerKind};

/// The edits that format the document, sorted and non-overlapping; empty
/// when it is already formatted.
pub fn format(doc: &Document, src: &str) -> Vec<TextEdit> {
    let eol = if doc.crlf { "\r\n" } else { "\n" };
    let starts = paragraph_starts(doc);
    let markers = number_markers(doc);
    let lines = lines(src);
    let last_text = lines.iter().rposition(|l| !is_blank(&src[l.text.clone()]));

    let mut edits = Vec::new();
    let mut previous_blank = true; // no blank line is wanted at the start
    for (i, line) in lines.iter().enumerate() {
        let text = &src[line.text.clone()];
        if is_blank(text) {
            if previous_blank || last_text.is_none_or(|last| i > last) {
                edits.push(delete(line.text.start..line.end));
            } else if !text.is_empty() {
                edits.push(delete(line.text.clone()));
            }
            previous_blank = true;
            continue;
        }
        let start = line.text.start;
        let indent = text.len() - text.trim_start_matches([' ', '\t']).len();
        if starts.contains_key(&start) {
            let new_text = if previous_blank { "" } else { eol };
            if indent > 0 || !new_text.is_empty() {
                edits.push(TextEdit {
                    range: start..start + indent,
                    new_text: new_text.to_string(),
                });
            }
        }
        if let Some(marker) = markers.get(&start) {
            edits.extend(one_space_after(src, marker.clone(), line.text.end));
        }
        let trimmed = text.trim_end_matches([' ', '\t']).len();
        if trimmed < text.len() {
            edits.push(delete(start + trimmed..line.text.end));
        }
        if line.end == line.text.end {
            edits.push(TextEdit {
                range: line.end..line.end,
                new_text: eol.to_string(),
            });
        }
        previous_blank = false;
    }
    edits
}

/// First lines of the paragraphs that stand after a blank line at the
/// margin: preambular and operative paragraphs and the chapeau, in the
/// blank-line layout only.
fn paragraph_starts(doc: &Document) -> HashMap<usize, BlockKind> {
    if doc.layout != Layout::BlankLines {
        return HashMap::new();
    }
    doc.blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Preambular | BlockKind::Operative | BlockKind::Chapeau
            )
        })
        .filter_map(|b| Some((b.lines.first()?.start, b.kind)))
        .collect()
}

/// The number marker of each numbered paragraph, by the start of the line
/// it stands on.
fn number_markers(doc: &Document) -> HashMap<usize, Range<usize>> {
    doc.blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Operative | BlockKind::AnnexParagraph))
        .filter_map(|b| {
            let marker = b.marker.as_ref()?;
            matches!(marker.kind, MarkerKind::Number { .. }).then_some(())?;
            let range = b.marker_range()?;
            let line = b.lines.iter().find(|l| l.contains(&range.start))?;
            Some((line.start, range))
        })
        .collect()
}

/// One space between a marker and the text after it on its line.
fn one_space_after(src: &str, marker: Range<usize>, line_end: usize) -> Option<TextEdit> {
    let rest = &src[marker.end..line_end];
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if gap == rest.len() || &rest[..gap] == " " {
        return None; // the number ends the line, or the gap is right
    }
    Some(TextEdit {
        range: marker.end..marker.end + gap,
        new_text: " ".to_string(),
    })
}

struct Line {
    /// The line without its terminator.
    text: Range<usize>,
    /// After the terminator.
    end: usize,
}

fn lines(src: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in src.split_inclusive('\n') {
        let text = line.trim_end_matches('\n').trim_end_matches('\r');
        out.push(Line {
            text: pos..pos + text.len(),
            end: pos + line.len(),
        });
        pos += line.len();
    }
    out
}

fn is_blank(text: &str) -> bool {
    text.trim_matches([' ', '\t']).is_empty()
}

fn delete(range: Range<usize>) -> TextEdit {
    TextEdit {
        range,
        new_text: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::apply_edits;
    use crate::features::testing::{all_fixtures, analysis};

    fn formatted(src: &str) -> String {
        apply_edits(src, &format(&analysis(src).doc, src))
    }

    const MESSY: &str = "\n\nTitle   \n\n\n\nThe General Assembly,\n   \nRecalling the Charter,  \nNoting the report,\n\n\n1.   Decides to act;\n 2.\tRequests a report:\n   (a)  To report;\n   (b) To convene a meeting.\n\n\n";

    /// `Noting` after the finished `Recalling the Charter,` starts a
    /// paragraph with no blank line before it: it gets one.
    #[test]
    fn normalises_blank_lines_spaces_and_numbers() {
        assert_eq!(
            formatted(MESSY),
            "Title\n\nThe General Assembly,\n\nRecalling the Charter,\n\nNoting the report,\n\n1. Decides to act;\n\n2. Requests a report:\n   (a)  To report;\n   (b) To convene a meeting.\n"
        );
    }

    #[test]
    fn keeps_crlf_and_adds_crlf() {
        let src = MESSY.replace('\n', "\r\n");
        let out = formatted(&src);
        assert_eq!(
            out,
            "Title\r\n\r\nThe General Assembly,\r\n\r\nRecalling the Charter,\r\n\r\nNoting the report,\r\n\r\n1. Decides to act;\r\n\r\n2. Requests a report:\r\n   (a)  To report;\r\n   (b) To convene a meeting.\r\n"
        );
        assert_eq!(formatted(&out), out);
    }

    #[test]
    fn adds_the_final_line_break_and_leaves_a_formatted_draft_alone() {
        let src = "The General Assembly,\n\n1. Decides to act.";
        assert_eq!(
            formatted(src),
            "The General Assembly,\n\n1. Decides to act.\n"
        );
        let done = formatted(src);
        assert!(format(&analysis(&done).doc, &done).is_empty());
    }

    #[test]
    fn seed_paragraphs_glued_to_footnotes_get_their_blank_line() {
        let src = crate::features::testing::fixture("A-RES-66-184.txt");
        let out = formatted(&src);
        // ` Recalling further` followed footnote 5 with no blank line and a
        // page-break space; ` 2. Expresses` followed OP 1 the same way.
        assert!(out.contains("5 See resolution 60/1.\n\nRecalling further the High-level"));
        assert!(out.contains("into the global economy;\n\n2. Expresses concern"));
        assert!(out.contains("\n4. Sresses that, for the majority"));
        // A continuation line after footnotes keeps its place and space.
        assert!(out.contains("10 A/66/67-E/2011/79.\n recommendations to the Commission"));
    }

    /// Every fixture: no word changes, and formatting the result again
    /// changes nothing.
    #[test]
    fn changes_no_word_and_is_idempotent_on_every_fixture() {
        for (name, src) in all_fixtures() {
            let once = formatted(&src);
            let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
            assert_eq!(words(&once), words(&src), "{name}: words changed");
            let twice = formatted(&once);
            assert!(twice == once, "{name}: formatting twice differs from once");
            let crlf = src.replace('\n', "\r\n");
            let once_crlf = formatted(&crlf);
            assert_eq!(once_crlf, once.replace('\n', "\r\n"), "{name}: CRLF");
        }
    }
}
