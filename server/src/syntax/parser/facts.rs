//! What the parser knows of each line on its own (`LineFacts`), and the counts
//! over the body that decide its layout (`BodyCounts`), both kept across edits.

use super::lines::{self, Line};
use super::trim;
use crate::syntax::model::*;
use crate::syntax::vocabulary::Vocabulary;

/// What a line is on its own, computed once per line and kept for re-parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct LineFacts {
    /// The opener the line starts with, if any.
    pub(super) opener: Option<OpenerKind>,
    /// Starts with an operative number `N.`.
    pub(super) op_number: bool,
    /// An `Annex` line or a meeting line (the end of the body).
    pub(super) body_end: bool,
    /// A chapeau (`The General Assembly` with or without comma).
    pub(super) chapeau: bool,
    /// One more than the number of a `[^N]:` definition line (N has at
    /// most four digits), 0 for any other line: see `draft_def()`.
    pub(super) draft_def_plus_one: u16,
}

impl LineFacts {
    /// The number of a `[^N]:` definition line.
    pub(super) fn draft_def(&self) -> Option<u32> {
        u32::from(self.draft_def_plus_one).checked_sub(1)
    }

    pub(super) fn of(src: &str, line: &Line) -> LineFacts {
        if line.blank {
            return LineFacts::default();
        }
        let t = trim(&src[line.range()]);
        let Some(&first) = t.as_bytes().first() else {
            return LineFacts::default();
        };
        let digit_or_bracket = first.is_ascii_digit() || first == b'[';
        LineFacts {
            opener: if first.is_ascii_uppercase() || first >= 0x80 {
                Vocabulary::get().line_opener(t)
            } else if first == b'[' && t.as_bytes().get(1).is_some_and(u8::is_ascii_uppercase) {
                // A paragraph in a draft's square brackets: `[Deeply concerned`.
                Vocabulary::get().line_opener(&t[1..])
            } else {
                None
            },
            op_number: digit_or_bracket && lines::op_number(t).is_some(),
            body_end: (first == b'A' || first.is_ascii_digit())
                && (lines::is_annex(t) || lines::is_meeting_line(t)),
            chapeau: t.starts_with("The") && lines::chapeau(t).is_some(),
            draft_def_plus_one: if first == b'[' {
                lines::draft_footnote(t).map_or(0, |(n, _, _)| n as u16 + 1)
            } else {
                0
            },
        }
    }
}

/// What decides a body's layout (blank-line layout when most paragraph
/// starts follow a blank line) and whether it numbers its operative
/// paragraphs (numbered paragraphs of an annex do not count), counted so
/// that a re-parse updates it around an edit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct BodyCounts {
    /// Paragraph starts after a blank line, and the others.
    pub(super) after_blank: usize,
    pub(super) other: usize,
    /// Lines with an operative number before the end of the body.
    pub(super) numbered: usize,
    /// The first line that ends the body (annex, meeting line).
    pub(super) end: Option<usize>,
}

/// What some lines count towards [`BodyCounts`].
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Region {
    pub(super) after_blank: usize,
    pub(super) other: usize,
    pub(super) numbered: usize,
    pub(super) ends: bool,
}

impl BodyCounts {
    pub(super) fn of(lines: &[Line], facts: &[LineFacts], start: usize) -> BodyCounts {
        let mut c = BodyCounts::default();
        for i in start..lines.len() {
            let f = &facts[i];
            if f.body_end && c.end.is_none() {
                c.end = Some(i);
            }
            if c.end.is_none() && f.op_number {
                c.numbered += 1;
            }
            let (a, o) = Self::starts(lines, facts, i);
            c.after_blank += a;
            c.other += o;
        }
        c
    }

    /// Line `i` as a paragraph start: after a blank line, or not.
    fn starts(lines: &[Line], facts: &[LineFacts], i: usize) -> (usize, usize) {
        let f = &facts[i];
        if !(f.op_number || f.opener.is_some()) {
            return (0, 0);
        }
        // The chapeau line above the first paragraph is no blank line.
        if i == 0 || lines[i - 1].blank {
            (1, 0)
        } else {
            (0, 1)
        }
    }

    /// What lines `la..lb` count (with the line after them, whose start
    /// depends on the last of them), to take out before an edit and put in
    /// after it.
    pub(super) fn region(lines: &[Line], facts: &[LineFacts], la: usize, lb: usize) -> Region {
        let mut r = Region::default();
        for i in la..(lb + 1).min(lines.len()) {
            let (a, o) = Self::starts(lines, facts, i);
            r.after_blank += a;
            r.other += o;
        }
        for f in &facts[la..lb] {
            r.numbered += usize::from(f.op_number);
            r.ends |= f.body_end;
        }
        r
    }

    /// The counts after lines `la..lb`, which counted `old`, became
    /// `la..new_lb`, which count `new` (`la` at or after the body's start);
    /// `None` when the edit makes or unmakes a line that ends a body
    /// (`ends_same`: every edited line ends a body as it did).
    pub(super) fn edited(
        &self,
        old: Region,
        new: Region,
        la: usize,
        (lb, new_lb): (usize, usize),
        ends_same: bool,
    ) -> Option<BodyCounts> {
        if (old.ends || new.ends) && !ends_same {
            return None;
        }
        let mut c = *self;
        c.after_blank = c.after_blank + new.after_blank - old.after_blank;
        c.other = c.other + new.other - old.other;
        match c.end {
            Some(e) if e < la => {}
            end => {
                c.numbered = c.numbered + new.numbered - old.numbered;
                c.end = end.map(|e| e + new_lb - lb);
            }
        }
        Some(c)
    }

    pub(super) fn globals(&self) -> (Layout, bool) {
        let layout = if self.after_blank >= self.other {
            Layout::BlankLines
        } else {
            Layout::Indented
        };
        (layout, self.numbered > 0)
    }
}
