//! The block parser: lines → blocks (SPEC section 2). It never fails: every
//! line lands in some block, and what fits nothing becomes `Unknown`.
//!
//! It works in two passes. The first walks the lines once with a little
//! state (the open paragraph, whether it is finished, the footnote block we are
//! in, the part of the resolution) and builds the blocks. The second finds
//! footnote references in text order, which needs every definition known
//! (the next-expected rule of SPEC section 2).

use std::ops::Range;

use super::footnote_refs;
use super::lines::{self, Line, SubStyle};
use super::model::*;
use super::vocabulary::Vocabulary;

/// Parses a whole draft.
pub fn parse(src: &str) -> Document {
    let lines = lines::split_lines(src);
    let draft_form = src.contains("[^");
    let mut p = Parser::new(src, &lines, draft_form);
    p.run();
    p.finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Blank,
    Furniture,
    Footnote,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FnMode {
    None,
    /// Inside a footnote block whose last footnote is `last` (block index `block`).
    Block {
        block: usize,
        last: u32,
    },
    /// After a rule at a page foot: runs to the end of the page.
    Rule {
        block: Option<usize>,
        last: u32,
    },
}

struct Parser<'a> {
    src: &'a str,
    lines: &'a [Line],
    vocab: &'static Vocabulary,
    draft_form: bool,
    blocks: Vec<Block>,
    defs: Vec<FootnoteDef>,
    part: Part,
    layout: Layout,
    /// The open paragraph, its finished state, whether it has text yet.
    cur: Option<usize>,
    cur_finished: bool,
    cur_has_text: bool,
    /// The paragraph that sub-paragraphs attach to.
    holder: Option<usize>,
    /// Unmarked paragraphs are sub-paragraphs whose markers were lost.
    lost_markers: bool,
    /// The last sub-paragraph ordinal at each level (1-4) under `holder`.
    sub_last: [u32; 5],
    fn_mode: FnMode,
    max_def: u32,
    prev: Prev,
    annex_count: u16,
    annex_title_pending: bool,
    has_numbered_op: bool,
    title_norm: String,
    chapeau: Option<usize>,
    organ: Option<Organ>,
    title: Vec<Range<usize>>,
    /// The current annex turned out to be a form with numbered boxes.
    annex_form: bool,
    /// Lines up to here were consumed by a multi-line block.
    skip_to: usize,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str, lines: &'a [Line], draft_form: bool) -> Self {
        Parser {
            src,
            lines,
            vocab: Vocabulary::get(),
            draft_form,
            blocks: Vec::new(),
            defs: Vec::new(),
            part: Part::Heading,
            layout: Layout::BlankLines,
            cur: None,
            cur_finished: true,
            cur_has_text: true,
            holder: None,
            lost_markers: false,
            sub_last: [0; 5],
            fn_mode: FnMode::None,
            max_def: 0,
            prev: Prev::Start,
            annex_count: 0,
            annex_title_pending: false,
            has_numbered_op: false,
            title_norm: String::new(),
            chapeau: None,
            organ: None,
            title: Vec::new(),
            skip_to: 0,
            annex_form: false,
        }
    }

    fn text(&self, i: usize) -> &'a str {
        &self.src[self.lines[i].range.clone()]
    }

    fn trimmed(&self, i: usize) -> &'a str {
        self.text(i).trim()
    }

    /// Byte range of the trimmed line.
    fn trimmed_range(&self, i: usize) -> Range<usize> {
        let r = &self.lines[i].range;
        let t = self.text(i);
        let start = r.start + (t.len() - t.trim_start().len());
        start..start + t.trim().len()
    }

    fn push(&mut self, kind: BlockKind, lines: Vec<Range<usize>>) -> usize {
        self.blocks.push(Block {
            kind,
            part: self.part,
            lines,
            marker: None,
            opener: None,
            level: 0,
            parent: None,
        });
        self.blocks.len() - 1
    }

    fn push_line(&mut self, kind: BlockKind, i: usize) -> usize {
        let r = self.lines[i].range.clone();
        self.push(kind, vec![r])
    }

    /// The opener that the first words of line `i` (after `skip` bytes of
    /// the trimmed line) form, if known.
    fn line_opener(&self, i: usize, skip: usize) -> Option<OpenerKind> {
        let t = &self.trimmed(i)[skip..];
        let words: Vec<&str> = t
            .split_whitespace()
            .take(16)
            .map(|w| w.trim_end_matches([',', ':', ';']))
            .collect();
        self.vocab.match_words(&words).map(|m| m.kind)
    }

    fn find_chapeau(&self) -> Option<(usize, &'a str)> {
        let n = self.lines.len();
        // With the comma first; then without, when an opener follows.
        for i in 0..n {
            if let Some((organ, true)) = lines::chapeau(self.trimmed(i)) {
                return Some((i, organ));
            }
        }
        for i in 0..n {
            if let Some((organ, false)) = lines::chapeau(self.trimmed(i)) {
                let next = (i + 1..n).find(|&j| !self.lines[j].blank);
                if next.is_some_and(|j| self.line_opener(j, 0).is_some()) {
                    return Some((i, organ));
                }
            }
        }
        None
    }

    fn run(&mut self) {
        let n = self.lines.len();
        let body_start = match self.find_chapeau() {
            Some((i, organ)) => {
                self.organ = Some(Organ::from_name(organ));
                self.heading(0..i);
                self.part = Part::Preamble;
                self.chapeau = Some(self.push_line(BlockKind::Chapeau, i));
                i + 1
            }
            None => {
                // No chapeau: the body starts at the first paragraph start.
                let start = (0..n)
                    .find(|&i| {
                        let t = self.trimmed(i);
                        lines::op_number(t).is_some()
                            || (!self.lines[i].blank && self.line_opener(i, 0).is_some())
                    })
                    .unwrap_or(0);
                self.heading(0..start);
                self.part = Part::Preamble;
                start
            }
        };
        self.decide_layout(body_start);
        // Numbered paragraphs of an annex do not make the body's single
        // paragraph a numbered one.
        let body_end = (body_start..n)
            .find(|&i| {
                let t = self.trimmed(i);
                lines::is_annex(t) || lines::is_meeting_line(t)
            })
            .unwrap_or(n);
        self.has_numbered_op =
            (body_start..body_end).any(|i| lines::op_number(self.trimmed(i)).is_some());
        let mut i = body_start;
        while i < n {
            i = self.body_line(i).max(self.skip_to);
        }
    }

    /// Lines before the chapeau: heading lines and the title.
    fn heading(&mut self, range: Range<usize>) {
        let saved = self.part;
        self.part = Part::Heading;
        // `80/14. Title` names the title; else the last run of non-meta lines.
        let mut title_lines: Vec<usize> = Vec::new();
        let mut title_start_offset = 0;
        if let Some(i) = range
            .clone()
            .find(|&i| lines::numbered_title(self.trimmed(i)).is_some())
        {
            title_start_offset = lines::numbered_title(self.trimmed(i)).unwrap_or(0);
            title_lines.push(i);
            let mut j = i + 1;
            while j < range.end && !self.lines[j].blank {
                title_lines.push(j);
                j += 1;
            }
        } else {
            let mut j = range.end;
            while j > range.start {
                j -= 1;
                if self.lines[j].blank {
                    continue;
                }
                let mut first = j;
                while first > range.start && !self.lines[first - 1].blank {
                    first -= 1;
                }
                let meta = lines::is_meta_heading(self.trimmed(first))
                    || self.trimmed(first).ends_with("draft resolution")
                    || self.trimmed(j).ends_with("draft resolution");
                if !meta {
                    title_lines = (first..=j).collect();
                    break;
                }
                j = first;
            }
        }
        let mut title_block: Option<usize> = None;
        for i in range {
            if self.lines[i].blank {
                self.blank(i);
                continue;
            }
            if title_lines.contains(&i) {
                let mut r = self.trimmed_range(i);
                if i == title_lines[0] {
                    r.start += title_start_offset;
                }
                self.title.push(r);
                match title_block {
                    Some(b) => self.blocks[b].lines.push(self.lines[i].range.clone()),
                    None => title_block = Some(self.push_line(BlockKind::Title, i)),
                }
            } else {
                self.push_line(BlockKind::Heading, i);
            }
        }
        let title_text: Vec<&str> = self.title.iter().map(|r| &self.src[r.clone()]).collect();
        self.title_norm = lines::normalise_words(&title_text.join(" "));
        self.part = saved;
    }

    /// Blank-line layout when most paragraph starts follow a blank line.
    fn decide_layout(&mut self, start: usize) {
        let (mut after_blank, mut other) = (0, 0);
        for i in start..self.lines.len() {
            if self.lines[i].blank {
                continue;
            }
            let t = self.trimmed(i);
            let starts = lines::op_number(t).is_some() || self.line_opener(i, 0).is_some();
            if !starts {
                continue;
            }
            if i == start || self.lines[i - 1].blank {
                after_blank += 1;
            } else {
                other += 1;
            }
        }
        self.layout = if after_blank >= other {
            Layout::BlankLines
        } else {
            Layout::Indented
        };
    }

    fn blank(&mut self, i: usize) {
        // Runs of blank lines share one block.
        if let Some(last) = self.blocks.last_mut() {
            if last.kind == BlockKind::Blank
                && last.lines.last().is_some_and(|r| {
                    i > 0 && r.start == self.lines[i - 1].range.start && self.lines[i - 1].blank
                })
            {
                last.lines.push(self.lines[i].range.clone());
                return;
            }
        }
        self.push_line(BlockKind::Blank, i);
    }

    /// Is line `i` where a new block may begin (after a blank line, furniture
    /// or a footnote, at a page break, or indented in the indented layout)?
    fn block_start(&self, i: usize) -> bool {
        if self.prev != Prev::Text {
            return true;
        }
        let line = &self.lines[i];
        match self.layout {
            Layout::BlankLines => self.page_break(i),
            Layout::Indented => line.indent >= 1,
        }
    }

    /// In the blank-line layout a new page starts with exactly one space.
    fn page_break(&self, i: usize) -> bool {
        self.layout == Layout::BlankLines
            && self.text(i).starts_with(' ')
            && self.lines[i].indent == 1
    }

    fn next_nonblank(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !self.lines[j].blank)
    }

    /// Does line `i` start a paragraph by itself (number, marker, opener)?
    fn starts_paragraph(&self, i: usize) -> bool {
        let t = self.trimmed(i);
        lines::op_number(t).is_some()
            || lines::sub_marker(t).is_some_and(|(_, _, s)| s == SubStyle::Paren)
            || self.line_opener(i, 0).is_some()
            || lines::is_annex(t)
            || lines::is_meeting_line(t)
    }

    fn is_title_part(&self, t: &str) -> bool {
        let norm = lines::normalise_words(t);
        norm.len() >= 12
            && (norm.contains(' ') || norm == self.title_norm)
            && !lines::ends_finished(t)
            && self.title_norm.contains(&norm)
    }

    /// Handles line `i` of the body; returns the next line to handle.
    fn body_line(&mut self, i: usize) -> usize {
        if self.lines[i].blank {
            self.blank(i);
            if let FnMode::Block { .. } = self.fn_mode {
                self.fn_mode = FnMode::None;
            }
            if self.prev != Prev::Furniture || !matches!(self.fn_mode, FnMode::Rule { .. }) {
                self.prev = Prev::Blank;
            }
            return i + 1;
        }
        let t = self.trimmed(i);

        // Inside a footnote block.
        match self.fn_mode {
            FnMode::Rule { block, last } => {
                if lines::is_furniture(t) || self.is_title_part(t) {
                    self.fn_mode = FnMode::None;
                    self.furniture(i);
                    return i + 1;
                }
                let strong = lines::op_number(t).is_some()
                    || lines::is_annex(t)
                    || lines::is_meeting_line(t)
                    || lines::chapeau(t).is_some();
                let opener_after_blank =
                    self.prev == Prev::Blank && self.line_opener(i, 0).is_some();
                if !strong && !opener_after_blank {
                    if let Some((n, _)) = self.footnote_line(t) {
                        if block.is_none() || n == last + 1 {
                            let b = self.footnote_def(i, n);
                            self.fn_mode = FnMode::Rule {
                                block: Some(b),
                                last: n,
                            };
                            return i + 1;
                        }
                    }
                    if let Some(b) = block {
                        self.extend_footnote(b, i);
                        return i + 1;
                    }
                }
                self.fn_mode = FnMode::None;
            }
            FnMode::Block { block, last } => {
                let ends = self.page_break(i)
                    || lines::is_furniture(t)
                    || lines::is_rule(t)
                    || self.starts_paragraph(i);
                if let Some((n, _)) = self.footnote_line(t) {
                    // `[^N]:` always starts a definition; a pasted `N text`
                    // only when N comes next.
                    if self.draft_form || (n == last + 1 && !self.page_break(i)) {
                        let b = self.footnote_def(i, n);
                        self.fn_mode = FnMode::Block { block: b, last: n };
                        return i + 1;
                    }
                }
                if !ends {
                    self.extend_footnote(block, i);
                    return i + 1;
                }
                self.fn_mode = FnMode::None;
            }
            FnMode::None => {}
        }

        if lines::is_rule(t) {
            self.furniture(i);
            let next = self.next_nonblank(i);
            if next.is_some_and(|j| self.footnote_line(self.trimmed(j)).is_some()) {
                self.fn_mode = FnMode::Rule {
                    block: None,
                    last: self.max_def,
                };
            }
            return i + 1;
        }
        let at_block_start = self.block_start(i);
        if lines::is_furniture(t)
            || (self.is_title_part(t)
                && (at_block_start || self.next_nonblank(i) != Some(i + 1))
                && !self.starts_paragraph(i))
        {
            self.furniture(i);
            return i + 1;
        }
        if let Some((n, _)) = self.footnote_line(t) {
            let draft = self.draft_form;
            if draft || (at_block_start && n > self.max_def && self.plausible_first_footnote(n)) {
                let b = self.footnote_def(i, n);
                self.fn_mode = FnMode::Block { block: b, last: n };
                return i + 1;
            }
        }
        if t.starts_with('*') && t[1..].starts_with([' ', '\t']) {
            self.push_line(BlockKind::StarNote, i);
            self.prev = Prev::Footnote;
            return i + 1;
        }
        if matches!(self.part, Part::Preamble | Part::Operative) && lines::is_meeting_line(t) {
            return self.meeting(i);
        }
        if lines::is_annex(t) {
            self.annex_count += 1;
            self.annex_form = false;
            self.part = Part::Annex(self.annex_count);
            self.push_line(BlockKind::AnnexHeading, i);
            self.close_paragraph();
            self.annex_title_pending = true;
            self.prev = Prev::Text;
            return i + 1;
        }
        if let Some((len, n, suffix)) = lines::op_number(t) {
            // In an annex, `1. NAME OF EXPORTER` is a form field, not a paragraph.
            let in_annex = matches!(self.part, Part::Annex(_) | Part::Closing);
            let form_field = in_annex && (self.annex_form || starts_with_capitals(&t[len..]));
            if form_field {
                // The rest of this annex is a form: its numbers are box numbers.
                self.annex_form = true;
            } else {
                self.numbered(i, len, n, suffix);
                return i + 1;
            }
        }
        if let Some((len, label, style)) = lines::sub_marker(t) {
            let context = self.holder.is_some()
                && (style == SubStyle::Paren
                    || self.lost_markers
                    || self
                        .cur
                        .is_some_and(|c| self.blocks[c].kind == BlockKind::SubParagraph));
            if context || (style == SubStyle::Paren && at_block_start) {
                self.sub_paragraph(i, len, label, style);
                return i + 1;
            }
        }
        self.text_line(i, at_block_start);
        i + 1
    }

    /// A footnote definition line in the document's footnote form.
    fn footnote_line(&self, t: &str) -> Option<(u32, usize)> {
        if self.draft_form {
            lines::draft_footnote(t).map(|(n, len, _)| (n, len))
        } else {
            lines::pasted_footnote(t)
        }
    }

    /// The first footnote of a pasted text is footnote 1: a line `30 From the
    /// account ...` in a form is not a footnote.
    fn plausible_first_footnote(&self, n: u32) -> bool {
        self.max_def > 0 || n == 1
    }

    fn furniture(&mut self, i: usize) {
        self.push_line(BlockKind::Furniture, i);
        self.prev = Prev::Furniture;
    }

    fn footnote_def(&mut self, i: usize, n: u32) -> usize {
        let t = self.trimmed(i);
        let r = self.trimmed_range(i);
        let (num_len, text_off) = if self.draft_form {
            let (_, len, off) = lines::draft_footnote(t).unwrap_or((n, 0, 0));
            (len, off)
        } else {
            let (_, len) = lines::pasted_footnote(t).unwrap_or((n, 0));
            let rest = &t[len..];
            (len, len + (rest.len() - rest.trim_start().len()))
        };
        let b = self.push_line(BlockKind::FootnoteDef, i);
        self.defs.push(FootnoteDef {
            number: n,
            number_range: r.start..r.start + num_len,
            block: b,
            text: std::iter::once(r.start + text_off..r.end).collect(),
        });
        self.max_def = self.max_def.max(n);
        self.prev = Prev::Footnote;
        b
    }

    fn extend_footnote(&mut self, block: usize, i: usize) {
        let r = self.lines[i].range.clone();
        let tr = self.trimmed_range(i);
        self.blocks[block].lines.push(r);
        if let Some(d) = self.defs.iter_mut().rev().find(|d| d.block == block) {
            d.text.push(tr);
        }
        self.prev = Prev::Footnote;
    }

    fn meeting(&mut self, i: usize) -> usize {
        let b = self.push_line(BlockKind::MeetingLine, i);
        let mut next = i + 1;
        let t = self.trimmed(i);
        // `Adopted at the 2981st meeting by 12` / `votes to 1 ...`
        while t.starts_with("Adopted")
            && next < self.lines.len()
            && next < i + 4
            && !self.lines[next].blank
            && !self.trimmed(next - 1).ends_with('.')
        {
            let r = self.lines[next].range.clone();
            self.blocks[b].lines.push(r);
            next += 1;
        }
        if next > i + 1 {
            self.part = Part::Closing;
            self.close_paragraph();
            self.prev = Prev::Text;
            return next;
        }
        if let Some(j) = self.next_nonblank(i) {
            let tj = self.trimmed(j);
            if (!t.contains("meeting") && tj.contains("meeting") && j == i + 1)
                || (lines::is_date_line(tj) && j <= i + 2)
            {
                for k in i + 1..=j {
                    let r = self.lines[k].range.clone();
                    self.blocks[b].lines.push(r);
                }
                next = j + 1;
            }
        }
        self.part = Part::Closing;
        self.close_paragraph();
        self.prev = Prev::Text;
        next
    }

    fn close_paragraph(&mut self) {
        self.cur = None;
        self.cur_finished = true;
        self.cur_has_text = true;
        self.holder = None;
        self.lost_markers = false;
    }

    fn numbered(&mut self, i: usize, len: usize, n: u32, suffix: Option<String>) {
        let kind = match self.part {
            Part::Heading | Part::Preamble | Part::Operative => {
                self.part = Part::Operative;
                BlockKind::Operative
            }
            Part::Closing | Part::Annex(_) => BlockKind::AnnexParagraph,
        };
        self.annex_title_pending = false;
        let b = self.push_line(kind, i);
        let r = self.trimmed_range(i);
        self.blocks[b].marker = Some(Marker {
            range: r.start..r.start + len,
            kind: MarkerKind::Number { n, suffix },
        });
        self.holder = Some(b);
        self.sub_last = [0; 5];
        self.lost_markers = false;
        let rest = self.trimmed(i)[len..].trim();
        self.open(b, rest);
    }

    /// Makes `b` the open paragraph, whose first line's text is `rest`.
    fn open(&mut self, b: usize, rest: &str) {
        self.cur = Some(b);
        self.cur_has_text = !rest.is_empty();
        self.cur_finished = self.cur_has_text && lines::ends_finished(rest);
        self.prev = Prev::Text;
        self.after_text(b, rest);
    }

    /// After text is added to paragraph `b` whose last line is `last`.
    fn after_text(&mut self, b: usize, last: &str) {
        if last.is_empty() {
            return;
        }
        let kind = self.blocks[b].kind;
        if matches!(self.part, Part::Operative | Part::Annex(_))
            && matches!(
                kind,
                BlockKind::Operative | BlockKind::SubParagraph | BlockKind::AnnexParagraph
            )
            && matches!(lines::final_char(last), Some((_, ':')))
        {
            self.lost_markers = true;
        }
    }

    fn sub_paragraph(&mut self, i: usize, len: usize, label: &str, style: SubStyle) {
        let (base, roman_level) = match style {
            SubStyle::Paren => (1u8, 2u8),
            SubStyle::Dot => (3, 4),
        };
        let letter = lines::letter_value(label);
        let roman = lines::roman_value(label);
        let (level, ordinal) = match (letter, roman) {
            (Some(l), Some(r)) => {
                // `(i)` after `(h)` is a letter; otherwise a numeral.
                if self.sub_last[base as usize] + 1 == l && l > 1 {
                    (base, l)
                } else {
                    (roman_level, r)
                }
            }
            (Some(l), None) => (base, l),
            (None, Some(r)) => (roman_level, r),
            (None, None) => (base, 0),
        };
        self.sub_last[level as usize] = ordinal;
        for deeper in level as usize + 1..5 {
            self.sub_last[deeper] = 0;
        }
        let b = self.push_line(BlockKind::SubParagraph, i);
        let r = self.trimmed_range(i);
        self.blocks[b].marker = Some(Marker {
            range: r.start..r.start + len,
            kind: MarkerKind::Sub { level, ordinal },
        });
        self.blocks[b].level = level;
        self.blocks[b].parent = self.holder;
        let rest = self.trimmed(i)[len..].trim();
        self.open(b, rest);
    }

    fn text_line(&mut self, i: usize, at_block_start: bool) {
        let t = self.trimmed(i);
        if let Some(c) = self.cur {
            if !self.cur_has_text || !at_block_start {
                self.append(c, i);
                return;
            }
        }
        let opener = self.line_opener(i, 0);
        // After a comma, a block that starts in lower case goes on with the
        // paragraph (a page break in mid-sentence).
        let lower_start = t.starts_with(|c: char| c.is_lowercase())
            && self
                .cur
                .and_then(|c| self.blocks[c].lines.last())
                .is_some_and(|r| {
                    matches!(
                        lines::final_char(self.src[r.clone()].trim()),
                        Some((_, ','))
                    )
                });
        if let Some(c) = self.cur {
            if (!self.cur_finished && opener.is_none() && !self.is_section_heading(i))
                || lower_start
            {
                self.append(c, i);
                return;
            }
        }
        if self.annex_title_pending && opener.is_none() {
            let b = self.push_line(BlockKind::AnnexHeading, i);
            let mut j = i + 1;
            while j < self.lines.len() && !self.lines[j].blank && !self.starts_paragraph(j) {
                let r = self.lines[j].range.clone();
                self.blocks[b].lines.push(r);
                j += 1;
            }
            // The extra lines are consumed by marking them handled below.
            self.annex_title_pending = false;
            self.cur = Some(b);
            self.cur_finished = true;
            self.cur_has_text = true;
            self.prev = Prev::Text;
            self.skip_to = j;
            return;
        }
        if self.is_section_heading(i) {
            self.push_line(BlockKind::SectionHeading, i);
            self.close_paragraph();
            self.prev = Prev::Text;
            return;
        }
        let kind = match self.part {
            Part::Heading | Part::Preamble => {
                if opener == Some(OpenerKind::Operative) && !self.has_numbered_op {
                    self.part = Part::Operative;
                    BlockKind::Operative
                } else {
                    BlockKind::Preambular
                }
            }
            Part::Operative => {
                if self.lost_markers && self.holder.is_some() {
                    BlockKind::SubParagraph
                } else if opener == Some(OpenerKind::Preambular) {
                    BlockKind::Preambular
                } else if opener == Some(OpenerKind::Operative) && !self.has_numbered_op {
                    BlockKind::Operative
                } else {
                    BlockKind::Unknown
                }
            }
            Part::Closing | Part::Annex(_) => {
                if self.lost_markers && self.holder.is_some() {
                    BlockKind::SubParagraph
                } else {
                    BlockKind::AnnexParagraph
                }
            }
        };
        let b = self.push_line(kind, i);
        if kind == BlockKind::SubParagraph {
            self.blocks[b].level = 1;
            self.blocks[b].parent = self.holder;
        }
        if matches!(kind, BlockKind::Operative | BlockKind::AnnexParagraph) {
            self.holder = Some(b);
            self.sub_last = [0; 5];
        }
        if kind == BlockKind::Preambular {
            self.holder = Some(b);
            self.sub_last = [0; 5];
        }
        self.open(b, t);
    }

    /// A one-line block with no final punctuation after a finished paragraph,
    /// in the operative part, in an annex, or just before OP 1.
    fn is_section_heading(&self, i: usize) -> bool {
        let t = self.trimmed(i);
        if t.chars().count() > 150
            || !t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || lines::ends_finished(t)
            || self.line_opener(i, 0).is_some()
        {
            return false;
        }
        if !self.cur_finished {
            return false;
        }
        let next = self.next_nonblank(i);
        let one_line = next != Some(i + 1) || next.is_some_and(|j| self.starts_paragraph(j));
        if !one_line {
            return false;
        }
        match self.part {
            Part::Operative | Part::Annex(_) => true,
            Part::Preamble => next.is_some_and(|j| lines::op_number(self.trimmed(j)).is_some()),
            _ => false,
        }
    }

    fn append(&mut self, b: usize, i: usize) {
        let r = self.lines[i].range.clone();
        self.blocks[b].lines.push(r);
        let t = self.trimmed(i);
        if !self.cur_has_text {
            self.cur_has_text = true;
        }
        self.cur_finished = lines::ends_finished(t);
        self.prev = Prev::Text;
        self.after_text(b, t);
    }

    fn finish(mut self) -> Document {
        // Openers of paragraphs.
        for b in 0..self.blocks.len() {
            let kind = self.blocks[b].kind;
            if matches!(
                kind,
                BlockKind::Preambular | BlockKind::Operative | BlockKind::Unknown
            ) {
                self.blocks[b].opener = self.opener_of(b);
            }
        }
        let refs = footnote_refs::find(self.src, &self.blocks, &self.defs, self.draft_form);
        let crlf = {
            let total = self.src.matches('\n').count();
            total > 0 && self.src.matches("\r\n").count() * 2 > total
        };
        Document {
            blocks: self.blocks,
            chapeau: self.chapeau,
            organ: self.organ,
            title: self.title,
            layout: self.layout,
            footnote_form: if self.draft_form {
                FootnoteForm::Draft
            } else {
                FootnoteForm::Pasted
            },
            footnote_defs: self.defs,
            footnote_refs: refs,
            crlf,
        }
    }

    /// The first words of a paragraph (after its marker), across its lines.
    fn opener_of(&self, b: usize) -> Option<Opener> {
        let block = &self.blocks[b];
        let skip_to = block.marker.as_ref().map_or(0, |m| m.range.end);
        let mut words: Vec<(Range<usize>, &str)> = Vec::new();
        'outer: for r in &block.lines {
            let start = r.start.max(skip_to);
            if start >= r.end {
                continue;
            }
            let line = &self.src[start..r.end];
            let mut off = 0;
            for w in line.split_whitespace() {
                let pos = line[off..].find(w).map_or(off, |p| off + p);
                off = pos + w.len();
                let stripped = w.trim_end_matches([',', ':', ';']);
                words.push((start + pos..start + pos + stripped.len(), stripped));
                if words.len() >= 16 {
                    break 'outer;
                }
            }
        }
        let first = words.first()?.clone();
        let plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
        match self.vocab.match_words(&plain) {
            Some(m) => {
                let end = words[m.words - 1].0.end;
                Some(Opener {
                    range: first.0.start..end,
                    phrase: self.src[first.0.start..end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    kind: Some(m.kind),
                })
            }
            None => Some(Opener {
                range: first.0.clone(),
                phrase: first.1.to_string(),
                kind: None,
            }),
        }
    }
}

/// Does `t` start with a word in capitals (a form field such as `NAME OF EXPORTER`)?
fn starts_with_capitals(t: &str) -> bool {
    let word: Vec<char> = t
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    word.len() >= 2 && word.iter().all(|c| c.is_uppercase())
}
