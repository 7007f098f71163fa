//! The block parser: lines → blocks (SPEC section 2). It never fails: every
//! line lands in some block, and what fits nothing becomes `Unknown`.
//!
//! It works in two passes. The first walks the lines once with a little
//! state (the open paragraph, whether it is finished, the footnote block we are
//! in, the part of the resolution) and builds the blocks. The second finds
//! footnote references in text order, which needs every definition known
//! (the next-expected rule of SPEC section 2).
//!
//! Why this file is long: it holds the walk, one method per kind of line
//! (heading, chapeau, paragraph, sub-paragraph, footnote, furniture,
//! section heading, annex, meeting line, next resolution), all reading and
//! changing one `Parser`; split across files they would still be one state
//! machine. What stands apart is in its own file: the line classifier
//! (`lines`), the per-line facts and body counts (`facts`), the walk's state
//! (`walk_state`), footnote references (`footnote_refs`) and the re-parse
//! around an edit (`incremental`).

mod footnote_refs;
mod incremental;
pub mod lines;

mod facts;
mod walk_state;

use facts::{BodyCounts, LineFacts};
use walk_state::{Checkpoint, FnMode, Prev, ResolutionStart, State};

use std::ops::Range;

use self::footnote_refs::{Candidate, Strength};
pub use self::incremental::{
    reparse, reparse_region, Changed, EditSpan, FootnotesChanged, ParseCache,
};
use self::incremental::{OldRefs, Resync};
use self::lines::{Line, SubStyle};
use crate::syntax::model::*;
use crate::syntax::vocabulary::Vocabulary;

/// How many lines below an unruled footnote's first line its page's foot
/// is looked for (`Parser::below`).
pub(crate) const FOOTNOTE_LOOKAHEAD: usize = 6;

/// How many lines a note's text set above its number may run
/// (`Parser::text_before_number`): a list of States runs to seven. Read
/// within a run without a blank line, where no checkpoint lies.
const NOTE_TEXT_LINES: usize = 12;

/// How many lines above a note set inside the text its reference is looked
/// for (`Parser::referenced_above`): a page.
const REFERENCE_LOOKBACK: usize = 60;

/// How many lines below a note's number set in a column of paragraph
/// numbers its reference is looked for (`Parser::note_under_number_column`):
/// a page.
const NOTE_COLUMN_REACH: usize = 80;

/// How far below a footnote number set out of turn the numbers it skips are
/// looked for (`Parser::alone_further_down`): a page's footnotes.
pub(crate) const COLUMN_LOOKAHEAD: usize = 40;

/// How far below a number alone its definition is looked for
/// (`Parser::defined_below`): a page's lines.
pub(crate) const DEFINED_LOOKAHEAD: usize = 80;

/// How many blocks back the paragraph a column of markers broke off is
/// looked for (`Parser::unfinished_before`).
pub(crate) const UNFINISHED_REACH: usize = 64;

/// How many lines above a marker alone the paragraph's first line, or a
/// section heading over it, may stand (`Parser::first_line_above_marker`).
pub(crate) const ABOVE_MARKER_REACH: usize = 6;

/// How many lines below the first a paragraph whose last line pdftotext set
/// above it may run (`Parser::displaced_tail`).
pub(crate) const TAIL_REACH: usize = 12;

/// How many numbered paragraphs may come before the number of one that
/// waits for it (`Parser::numbered`): a page's.
const ORPHAN_REACH: u32 = 20;

/// At most this many pieces of a line (pdfminer.six) before the piece that
/// holds a paragraph's opener (`lower_pieces`).
const MAX_PIECES: usize = 6;

/// What follows the first line of footnotes with no rule above them
/// (`Parser::below`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Below {
    /// The next footnote.
    Next,
    /// A blank line, furniture or the end of the text.
    Foot,
    /// A paragraph's start, or nothing that ends the footnotes nearby.
    Paragraph,
}

/// The most of a text that is parsed: blocks keep their ranges as 32-bit
/// offsets from their first line.
pub const MAX_PARSED: usize = u32::MAX as usize;

/// The text up to `MAX_PARSED` bytes, cut at a character boundary (a text
/// of more than 4 GiB is parsed up to there; no editor sends one).
pub fn readable_part(src: &str) -> &str {
    cut_at(src, MAX_PARSED)
}

/// `src` up to `max` bytes, cut at a character boundary.
fn cut_at(src: &str, max: usize) -> &str {
    if src.len() <= max {
        return src;
    }
    let mut end = max;
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    &src[..end]
}

/// Parses a whole draft.
pub fn parse(src: &str) -> Document {
    parse_resumable(src).0
}

/// Parses a whole draft, keeping what a re-parse after an edit resumes from
/// (`reparse`).
pub fn parse_resumable(src: &str) -> (Document, ParseCache) {
    let src = readable_part(src);
    let lines = lines::split_lines(src);
    let facts: Vec<LineFacts> = lines.iter().map(|l| LineFacts::of(src, l)).collect();
    let mut p = Parser::new(src, lines, facts);
    // Real text has two to three lines a block and four to six a checkpoint
    // (10 MB of fixtures: 185,366 lines, 82,332 blocks, 38,239 checkpoints):
    // the copying of growing vectors is saved without holding much spare.
    p.blocks.made.reserve(p.lines.len() / 2);
    p.checkpoints.reserve(p.lines.len() / 4);
    p.globals();
    let start = p.body_start;
    p.walk(start, None);
    let n = p.blocks.len();
    p.finish(&[], 0..n, Vec::new(), None)
}

/// The parser's block list. A re-parse keeps the old document's list in
/// `kept`, of which the first `kept_len` are the blocks made before the
/// restart (the rest, the old blocks from the restart on, are not the
/// parser's: they wait there to be moved or replaced, not copied); the blocks
/// the walk makes go to `made`.
#[derive(Default)]
struct Blocks {
    kept: Vec<Block>,
    kept_len: usize,
    made: Vec<Block>,
}

impl Blocks {
    fn len(&self) -> usize {
        self.kept_len + self.made.len()
    }

    fn push(&mut self, b: Block) {
        self.made.push(b);
    }

    fn last(&self) -> Option<&Block> {
        match self.made.last() {
            Some(b) => Some(b),
            None => self.kept_len.checked_sub(1).map(|i| &self.kept[i]),
        }
    }

    fn into_vec(mut self) -> Vec<Block> {
        if self.kept_len == 0 {
            return self.made;
        }
        self.kept.truncate(self.kept_len);
        self.kept.append(&mut self.made);
        self.kept
    }
}

impl std::ops::Index<usize> for Blocks {
    type Output = Block;
    fn index(&self, i: usize) -> &Block {
        match i.checked_sub(self.kept_len) {
            Some(j) => &self.made[j],
            None => &self.kept[i],
        }
    }
}

impl std::ops::IndexMut<usize> for Blocks {
    fn index_mut(&mut self, i: usize) -> &mut Block {
        match i.checked_sub(self.kept_len) {
            Some(j) => &mut self.made[j],
            None => &mut self.kept[i],
        }
    }
}

struct Parser<'a> {
    src: &'a str,
    lines: Vec<Line>,
    facts: Vec<LineFacts>,
    vocab: &'static Vocabulary,
    blocks: Blocks,
    defs: Vec<FootnoteDef>,
    layout: Layout,
    has_numbered_op: bool,
    body_counts: BodyCounts,
    /// The `[^N]:` lines of the text, grouped by chapeau (built when first
    /// needed).
    draft_defs: Option<DraftDefs>,
    title_norm: String,
    /// `title_norm` without its spaces (`title_joined_contains`).
    title_squeezed: String,
    chapeau: Option<usize>,
    organ: Option<Organ>,
    title: Vec<Range<usize>>,
    st: State,
    checkpoints: Vec<Checkpoint>,
    /// Where the body starts (the line after the chapeau).
    body_start: usize,
    /// Where each resolution after the first starts (a document may hold
    /// several), decided on the lines before the walk.
    res_starts: Vec<ResolutionStart>,
    /// The normalised title of each resolution the walk has met (running
    /// heads repeat the title of the resolution they are in).
    title_norms: Vec<String>,
    /// The index of each resolution's first block (0 for the first).
    res_first_block: Vec<usize>,
    /// Blocks below this index that the walk gave a line (a re-parse walks
    /// on from a checkpoint and may extend a paragraph opened before it).
    floor: usize,
    touched: Vec<usize>,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str, lines: Vec<Line>, facts: Vec<LineFacts>) -> Self {
        Parser {
            src,
            lines,
            facts,
            vocab: Vocabulary::get(),
            blocks: Blocks::default(),
            defs: Vec::new(),
            layout: Layout::BlankLines,
            has_numbered_op: false,
            body_counts: BodyCounts::default(),
            draft_defs: None,
            title_norm: String::new(),
            title_squeezed: String::new(),
            chapeau: None,
            organ: None,
            title: Vec::new(),
            floor: 0,
            res_starts: Vec::new(),
            title_norms: Vec::new(),
            res_first_block: vec![0],
            touched: Vec::new(),
            st: State::new(),
            checkpoints: Vec::new(),
            body_start: 0,
        }
    }

    fn text(&self, i: usize) -> &'a str {
        &self.src[self.lines[i].range()]
    }

    fn trimmed(&self, i: usize) -> &'a str {
        trim(self.text(i))
    }

    /// Byte range of the trimmed line.
    fn trimmed_range(&self, i: usize) -> Range<usize> {
        trim_range(self.src, self.lines[i].range())
    }

    fn push(&mut self, kind: BlockKind, lines: Lines) -> usize {
        self.blocks.push(Block {
            kind,
            part: self.st.part,
            lines,
            marker: None,
            opener: None,
            level: 0,
            holder: NO_HOLDER,
            resolution: self.st.resolution,
            displaced_tail: false,
            refs_above: false,
        });
        self.blocks.len() - 1
    }

    fn push_line(&mut self, kind: BlockKind, i: usize) -> usize {
        let r = self.lines[i].range();
        self.push(kind, Lines::one(r))
    }

    /// The opener that the first words of line `i` form, if known.
    fn line_opener(&self, i: usize, _skip: usize) -> Option<OpenerKind> {
        self.facts[i].opener
    }

    fn find_chapeau(&self) -> Option<(usize, &'a str)> {
        (0..self.lines.len())
            .filter(|&i| self.facts[i].chapeau)
            .find_map(|i| self.chapeau_at(i).map(|organ| (i, organ)))
    }

    /// The organ of a chapeau on line `i`: `The General Assembly,`, or
    /// without the comma when an opener follows.
    fn chapeau_at(&self, i: usize) -> Option<&'a str> {
        match lines::chapeau(self.trimmed(i))? {
            (organ, true) => Some(organ),
            (organ, false) => {
                let next = self.next_nonblank(i)?;
                self.facts[next].opener.is_some().then_some(organ)
            }
        }
    }

    /// The resolutions after the first (SPEC section 2, several resolutions
    /// in one document): a chapeau starts one when the previous one's
    /// operative part began (outside an annex, which may reproduce a text
    /// with its own chapeau) or its meeting line passed; its heading runs
    /// back over lines that end no paragraph, footnote or meeting line.
    fn later_resolutions(&self, from: usize) -> Vec<ResolutionStart> {
        let mut out = Vec::new();
        let (mut operative, mut in_annex, mut ended) = (false, false, false);
        let mut floor = from;
        for i in from..self.lines.len() {
            let f = self.facts[i];
            if self.lines[i].blank {
                continue;
            }
            if f.chapeau && (ended || (operative && !in_annex)) && self.chapeau_at(i).is_some() {
                let (stop, heading) = self.heading_start(i, floor);
                out.push(ResolutionStart {
                    stop,
                    heading,
                    chapeau: i,
                    numbered: false,
                });
                (operative, in_annex, ended) = (false, false, false);
                floor = i + 1;
                continue;
            }
            operative |= f.op_number || f.opener == Some(OpenerKind::Operative);
            if f.op_number && !ended && !in_annex {
                if let Some(r) = out.last_mut() {
                    r.numbered = true;
                }
            }
            if f.body_end {
                let t = self.trimmed(i);
                if lines::is_annex(t) {
                    in_annex = true;
                } else {
                    ended = true;
                    in_annex = false;
                }
            }
        }
        out
    }

    /// Where the heading of the resolution whose chapeau is on line
    /// `chapeau` starts: it runs back, not past `floor`, over lines that end
    /// no paragraph, footnote or meeting line. (The line that ends the text
    /// before it, or `floor`; the heading's first line.)
    pub(super) fn heading_start(&self, chapeau: usize, floor: usize) -> (usize, usize) {
        let mut heading = chapeau;
        let mut j = chapeau;
        while j > floor {
            j -= 1;
            if self.lines[j].blank {
                continue;
            }
            if self.ends_resolution_text(j) {
                return (j, heading);
            }
            heading = j;
        }
        (floor, heading)
    }

    /// Does line `j` end the text of a resolution (a paragraph or footnote
    /// that ends in `.` or `;`, a footnote definition, the meeting line or
    /// its date)? The next resolution's heading starts after it.
    fn ends_resolution_text(&self, j: usize) -> bool {
        let t = self.trimmed(j);
        let after_meeting = || {
            (0..j)
                .rev()
                .find(|&k| !self.lines[k].blank)
                .is_some_and(|k| lines::is_meeting_line(self.trimmed(k)))
        };
        t.ends_with(['.', ';'])
            || lines::is_meeting_line(t)
            || (lines::is_date_line(t) && after_meeting())
            || lines::pasted_footnote(t).is_some()
            || lines::draft_footnote(t).is_some()
    }

    /// Whether the body of the resolution the walk is in numbers its
    /// operative paragraphs (else an operative verb opens its single OP).
    fn numbered_op(&self) -> bool {
        match (self.st.resolution as usize).checked_sub(1) {
            Some(k) => self.res_starts[k].numbered,
            None => self.has_numbered_op,
        }
    }

    /// The line where the next resolution starts, if any.
    fn next_resolution_line(&self) -> usize {
        self.res_starts
            .get(self.st.resolution as usize)
            .map_or(usize::MAX, |r| r.heading)
    }

    /// Starts the next resolution at its heading: the walk's state begins
    /// anew, the heading and chapeau are read as the first one's are.
    fn next_resolution(&mut self, rs: ResolutionStart) -> usize {
        let k = self.st.resolution + 1;
        self.end_note_column();
        self.close_paragraph();
        let carried = match self.st.max_def {
            0 => self.st.fn_carried,
            n => n,
        };
        self.st = State {
            resolution: k,
            fn_carried: carried,
            ..State::new()
        };
        self.res_first_block.truncate(k as usize);
        self.res_first_block.push(self.blocks.len());
        let (_, norm) = self.heading(rs.heading..rs.chapeau);
        // Titles change only with a full parse: a re-parse meets them again.
        match self.title_norms.get_mut(k as usize) {
            Some(t) => *t = norm.clone(),
            None => self.title_norms.push(norm.clone()),
        }
        self.set_title_norm(norm);
        self.st.part = Part::Preamble;
        self.push_line(BlockKind::Chapeau, rs.chapeau);
        rs.chapeau + 1
    }

    /// Heading, chapeau, title, layout: what holds for the whole document.
    fn globals(&mut self) {
        let n = self.lines.len();
        self.body_start = match self.find_chapeau() {
            Some((i, organ)) => {
                self.organ = Some(Organ::from_name(organ));
                let (title, norm) = self.heading(0..i);
                self.title = title;
                self.set_title_norm(norm);
                self.st.part = Part::Preamble;
                self.chapeau = Some(self.push_line(BlockKind::Chapeau, i));
                i + 1
            }
            None => {
                // No chapeau: the body starts at the first paragraph start.
                let start = (0..n)
                    .find(|&i| self.facts[i].op_number || self.facts[i].opener.is_some())
                    .unwrap_or(0);
                let (title, norm) = self.heading(0..start);
                self.title = title;
                self.set_title_norm(norm);
                self.st.part = Part::Preamble;
                start
            }
        };
        self.title_norms = vec![self.title_norm.clone()];
        self.res_starts = self.later_resolutions(self.body_start);
        self.body_counts = BodyCounts::of(&self.lines, &self.facts, self.body_start);
        let (layout, numbered) = self.body_counts.globals();
        self.layout = layout;
        self.has_numbered_op = numbered;
    }

    /// Walks the body from line `from` in the current state, recording
    /// checkpoints. With `resync`, stops at the first checkpoint past the
    /// edit where the state equals the old parse's: returns its line and the
    /// index of the old checkpoint.
    fn walk(&mut self, from: usize, resync: Option<&Resync>) -> Option<(usize, usize)> {
        let n = self.lines.len();
        let mut i = from;
        while i < n {
            // A checkpoint at each paragraph start after a blank line, and
            // where the walk starts (the body's start: a re-parse of the
            // first paragraph restarts there).
            let para_start = i > 0 && !self.lines[i].blank && self.lines[i - 1].blank;
            // Not while the open paragraph is a marker alone: a column of
            // markers goes on, and where its texts start depends on whether
            // the paragraph before it is finished (`take_pending`), which
            // the state does not hold.
            if (para_start || i == from)
                && self.st.fn_mode == FnMode::None
                && (self.st.cur_has_text || i == from)
                && self.st.skip_to <= i
                && self.st.w.settle()
            {
                // `skip_to` is behind us here and does not matter any more.
                let state = State {
                    skip_to: 0,
                    ..self.st.clone()
                };
                if let Some(r) = resync {
                    if let Some(k) = r.matches(i, self.blocks.len(), &state) {
                        return Some((i, k));
                    }
                }
                self.checkpoints.push(Checkpoint {
                    line: i,
                    blocks: self.blocks.len(),
                    defs: self.defs.len(),
                    state,
                });
            }
            let next = self.body_line(i).max(self.st.skip_to);
            // No block reaches into the next resolution's heading.
            let h = self.next_resolution_line();
            i = if i < h && next > h { h } else { next };
        }
        self.end_note_column();
        None
    }

    /// Lines before the chapeau: heading lines and the title.
    /// Returns the title's ranges and its normalised words.
    fn heading(&mut self, range: Range<usize>) -> (Vec<Range<usize>>, String) {
        let saved = self.st.part;
        self.st.part = Part::Heading;
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
                // Without blank lines the run is the whole heading: the
                // title is what follows the sponsors' `...: draft resolution`.
                let sponsors = (first..j)
                    .rev()
                    .find(|&k| self.trimmed(k).ends_with("draft resolution"));
                if let Some(k) = sponsors {
                    title_lines = (k + 1..=j).collect();
                    break;
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
        let mut title = Vec::new();
        let range_copy = range.clone();
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
                title.push(r);
                match title_block {
                    Some(b) => self.add_line(b, self.lines[i].range()),
                    None => title_block = Some(self.push_line(BlockKind::Title, i)),
                }
            } else {
                self.push_line(BlockKind::Heading, i);
            }
        }
        let mut title_text: Vec<&str> = title.iter().map(|r| &self.src[r.clone()]).collect();
        if title_text.is_empty() {
            // A Security Council resolution has no title: its running head
            // may repeat its number line (`Resolution 242 (1967)`, with `of
            // 22 November 1967` when the heading dates it so), which then is
            // what a body line is compared with.
            title_text = self.number_heading(range_copy);
        }
        let norm = lines::normalise_words(&title_text.join(" "));
        self.st.part = saved;
        (title, norm)
    }

    /// The lines of a heading from its last `Resolution N (YYYY)` line to
    /// the end of that run of lines, short of an `Adopted by` line.
    fn number_heading(&self, range: Range<usize>) -> Vec<&'a str> {
        let Some(from) = range
            .clone()
            .rev()
            .find(|&i| lines::is_resolution_number_line(self.trimmed(i)))
        else {
            return Vec::new();
        };
        (from..range.end)
            .take_while(|&i| {
                !self.lines[i].blank && (i == from || !self.trimmed(i).starts_with("Adopted"))
            })
            .map(|i| self.trimmed(i))
            .collect()
    }

    fn blank(&mut self, i: usize) {
        // Runs of blank lines share one block.
        if let Some(last) = self.blocks.last() {
            if last.kind == BlockKind::Blank
                && last.lines.last().is_some_and(|r| {
                    i > 0 && r.start == self.lines[i - 1].range().start && self.lines[i - 1].blank
                })
            {
                let r = self.lines[i].range();
                self.add_line(self.blocks.len() - 1, r);
                return;
            }
        }
        self.push_line(BlockKind::Blank, i);
    }

    /// Is line `i` where a new block may begin (after a blank line, furniture
    /// or a footnote, at a page break, or indented in the indented layout)?
    fn block_start(&self, i: usize) -> bool {
        if self.st.prev != Prev::Text {
            return true;
        }
        match self.layout {
            Layout::BlankLines => self.page_break(i),
            Layout::Indented => self.indented_start(i),
        }
    }

    /// In the indented layout, whether line `i`'s indent starts a block: a
    /// paragraph's continuation set at its own indent, as deep as the line
    /// above (pdftotext -layout's hanging indents), goes on with it; a
    /// one-space indent always starts one.
    fn indented_start(&self, i: usize) -> bool {
        let line = &self.lines[i];
        if line.indent == 0 {
            return false;
        }
        if line.indent < 2 || i == 0 || self.lines[i - 1].blank {
            return !self.after_raised_number(i);
        }
        let above = &self.lines[i - 1];
        if above.indent == line.indent {
            return false;
        }
        // Or as deep as the text after the marker above (`  2.   Recalls`),
        // or deeper than the marker: `-layout` may set the marker's line
        // with fewer spaces than the page has (`    2. Takes note of`, then
        // `         GC(69)/RES/8, entitled ...`).
        let text = self.text(i - 1);
        let t = text.trim_start();
        let marker = lines::op_number(t)
            .map(|(len, ..)| len)
            .or_else(|| lines::sub_marker(t).map(|(len, ..)| len));
        marker.is_none_or(|len| {
            let after = &t[len..];
            let column = text.len() - t.len() + len + (after.len() - after.trim_start().len());
            column != line.indent as usize && line.indent <= above.indent
        })
    }

    /// In the blank-line layout a new page starts with exactly one space.
    fn page_break(&self, i: usize) -> bool {
        self.layout == Layout::BlankLines
            && self.text(i).starts_with(' ')
            && self.lines[i].indent == 1
            && !self.after_raised_number(i)
    }

    /// Whether line `i`, indented by one space, is the rest of the line
    /// above after a raised footnote number: PDFium (Chrome's PDF viewer)
    /// breaks the line after a superscript and starts the rest with a space
    /// (`... of 18 November 2024,3` then ` 14 February 20254`). The line
    /// above ends in digits glued to the text before them, or is digits
    /// alone; a line that starts a paragraph by itself is not the rest, nor
    /// one with a capital after a reference that follows punctuation.
    fn after_raised_number(&self, i: usize) -> bool {
        if i == 0 || self.lines[i].indent != 1 || self.lines[i - 1].blank {
            return false;
        }
        let above = self.text(i - 1).trim_end();
        let digits = above.trim_end_matches(|c: char| c.is_ascii_digit());
        let glued = !digits.is_empty()
            && digits.len() < above.len()
            && above.len() - digits.len() <= 3
            && !digits.ends_with(|c: char| c.is_whitespace() || c == '/');
        if !(glued || lines::footnote_numbers_alone(above)) || self.starts_paragraph(i) {
            return false;
        }
        // After a paragraph's punctuation and its reference, a capital may
        // start the next paragraph (one-space indents start paragraphs in
        // some layouts): only a rest in lower case or digits goes on then,
        // or a few words that end with a raised number of their own, where
        // PDFium broke the line again (`Rarotonga,3` then ` Bangkok4`), or
        // words of any length that end with the next reference's number
        // (`Weapons,7` then ` Protocol V on ... (Protocol V)8`), or words
        // the page's margin broke, with no punctuation, that make one line
        // of the page with the line above (` Protocol V on Explosive
        // Remnants`, then `of War ...`): a paragraph's first line is a
        // whole line.
        let rest = self.trimmed(i);
        let broken_again = || {
            let words = rest.trim_end_matches(|c: char| c.is_ascii_digit());
            let few = words.split_whitespace().nth(3).is_none();
            let next = || {
                let above: u32 = above[digits.len()..].parse().unwrap_or(0);
                rest[words.len()..].parse() == Ok(above + 1)
            };
            if words.len() == rest.len() {
                return (few || self.fits_with_above(i))
                    && rest.ends_with(char::is_alphabetic)
                    && self.lines.get(i + 1).is_some_and(|l| !l.blank)
                    && !self.starts_paragraph(i + 1);
            }
            words.ends_with(|c: char| c.is_alphabetic() || c == ')' || c == ',')
                && (few || (glued && next()))
        };
        !(glued && digits.ends_with([',', ';', '.', ':']))
            || rest.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            || broken_again()
    }

    /// Whether line `i` and the line above fit in one line of the page: no
    /// longer together than the longest line near them (a few characters
    /// spare, for justified spacing). Only lines of their run without a
    /// blank line are read: no checkpoint lies inside it, so a re-parse
    /// after an edit there decides this again.
    fn fits_with_above(&self, i: usize) -> bool {
        let up = (i.saturating_sub(4)..i)
            .rev()
            .take_while(|&j| !self.lines[j].blank);
        let down = (i..(i + 5).min(self.lines.len())).take_while(|&j| !self.lines[j].blank);
        let width = up
            .chain(down)
            .map(|j| self.trimmed(j).chars().count())
            .max()
            .unwrap_or(0);
        let together = self.trimmed(i - 1).chars().count() + 1 + self.trimmed(i).chars().count();
        together <= width + 3
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

    /// A running head or foot that shares its line: the document symbol and
    /// the short title (`A/RES/80/24 Nuclear disarmament`, in either order).
    fn is_symbol_and_title(&self, t: &str) -> bool {
        // A short title cut after a comma (`... Prohibition of the Use,`)
        // is still the title beside the symbol.
        without_symbol(t).is_some_and(|rest| {
            let rest = rest.trim();
            self.is_title_part(rest.strip_suffix(',').unwrap_or(rest))
        })
    }

    /// Is the line being read right after page furniture, blank lines
    /// between or not (PyMuPDF's blocks set a running head's lines apart)?
    fn after_furniture(&self) -> bool {
        match self.st.prev {
            Prev::Furniture => true,
            Prev::Blank => {
                let n = self.blocks.len();
                n >= 2
                    && self.blocks[n - 1].kind == BlockKind::Blank
                    && self.blocks[n - 2].kind == BlockKind::Furniture
            }
            _ => false,
        }
    }

    /// A short line that goes on with a running head's title wrapped over
    /// lines (`Scale of assessments for the apportionment of the expenses`
    /// then `of the`): too short to be evidence alone, it reads with the
    /// furniture line just above (blank lines between or not) as a piece of
    /// the title.
    fn ends_wrapped_title(&self, i: usize, t: &str) -> bool {
        if !self.after_furniture() || self.title_norm.is_empty() || t.len() > 40 {
            return false;
        }
        let Some(j) = (0..i).rev().take(3).find(|&j| !self.lines[j].blank) else {
            return false;
        };
        let furniture = (0..self.blocks.len())
            .rev()
            .map(|k| &self.blocks[k])
            .find(|b| b.kind != BlockKind::Blank);
        if !furniture.is_some_and(|b| {
            b.kind == BlockKind::Furniture && b.lines.last() == Some(self.lines[j].range())
        }) {
            return false;
        }
        let above = self.trimmed(j);
        // Without the symbol of a running head on one line.
        let head = without_symbol(above).unwrap_or(above);
        let (head, tail) = (lines::normalise_words(head), lines::normalise_words(t));
        let joined = format!("{head} {tail}");
        !head.is_empty()
            && !tail.is_empty()
            && !lines::ends_finished(t)
            && (self.title_norm.contains(&joined) || self.title_joined_contains(&joined))
    }

    fn is_title_part(&self, t: &str) -> bool {
        // Cheap refusals first: a line longer than the title, or one that
        // ends a sentence, is no running head; a short piece only right
        // after other page furniture (the title wrapped over lines), where
        // a piece of the title may end with its comma.
        let after = self.after_furniture();
        let min = if after { 8 } else { 12 };
        let t = if after {
            t.strip_suffix(',').unwrap_or(t)
        } else {
            t
        };
        if self.title_norm.is_empty() || t.len() > self.title_norm.len() * 2 + 8 || t.len() < min {
            return false;
        }
        // Then the start of the line: its normalised first bytes must occur
        // in the title (no allocation; most body lines stop here).
        if !may_be_title_part(self.title_norm.as_bytes(), t, min, false)
            && !may_be_title_part(self.title_squeezed.as_bytes(), t, min, true)
        {
            return false;
        }
        let norm = lines::normalise_words(t);
        norm.len() >= min
            && (norm.contains(' ') || norm == self.title_norm)
            && !lines::ends_finished(t)
            && (self.title_norm.contains(&norm) || self.title_joined_contains(&norm))
    }

    /// Does the title contain `norm` when spaces are not counted? An
    /// extraction may turn a hyphen it cannot map (a no-break hyphen,
    /// U+2011, in `non‑proliferation`) into a space: `non proliferation`.
    fn title_joined_contains(&self, norm: &str) -> bool {
        let part = norm.split(' ').collect::<String>();
        part.len() >= 12 && self.title_squeezed.contains(&part)
    }

    /// The normalised title of the resolution being read.
    fn set_title_norm(&mut self, norm: String) {
        self.title_squeezed = norm.split(' ').collect();
        self.title_norm = norm;
    }

    /// Handles line `i` of the body; returns the next line to handle.
    fn body_line(&mut self, i: usize) -> usize {
        if i == self.next_resolution_line() {
            let rs = self.res_starts[self.st.resolution as usize];
            return self.next_resolution(rs);
        }
        if self.lines[i].blank {
            self.blank(i);
            if let FnMode::Block { .. } = self.st.fn_mode {
                self.st.fn_mode = FnMode::None;
            }
            if self.st.prev != Prev::Furniture || !matches!(self.st.fn_mode, FnMode::Rule { .. }) {
                self.st.prev = Prev::Blank;
            }
            return i + 1;
        }
        let t = self.trimmed(i);

        if !matches!(self.st.fn_mode, FnMode::Rule { .. })
            && (!self.st.w.fn_waiting.is_empty()
                || self.st.w.fn_last_text.is_some()
                || self.st.w.fn_from.is_some())
        {
            self.end_note_column();
            self.st.w.fn_waiting.clear();
            self.st.w.fn_last_text = None;
        }
        // Inside a footnote block.
        match self.st.fn_mode {
            FnMode::Rule {
                block,
                last,
                skipped,
            } => {
                // A footnote's text may be a symbol alone (`A/61/1028.`): a
                // column's texts end with a full stop, a running head not.
                let text_due =
                    (!self.st.w.fn_waiting.is_empty() || block.is_some()) && t.ends_with('.');
                if !text_due
                    && (lines::is_furniture(t)
                        || self.is_title_part(t)
                        || self.is_symbol_and_title(t))
                {
                    self.st.fn_mode = FnMode::None;
                    self.furniture(i);
                    return i + 1;
                }
                // A draft's `*` note under the rule, before its footnotes.
                if is_star_note(t) {
                    self.push_line(BlockKind::StarNote, i);
                    self.st.prev = Prev::Footnote;
                    return i + 1;
                }
                let strong = (lines::op_number(t).is_some() && !self.number_wrapped(i))
                    || self.next_list_item(t)
                    || lines::is_annex(t)
                    || lines::is_meeting_line(t)
                    || lines::chapeau(t).is_some();
                // (Where no blank line sets the foot apart, an opener after
                // a note's full stop too.)
                let opener_after_blank = (self.st.prev == Prev::Blank
                    || (self.st.w.fn_waiting.is_empty()
                        && block.is_some_and(|b| self.note_finished(b))))
                    && self.line_opener(i, 0).is_some();
                if !strong && !opener_after_blank {
                    // A column of footnote numbers whose texts follow it
                    // (pdftotext sets a page's footnotes out so).
                    let column = bare_number(t).and_then(|n| match block {
                        None if n == 1 || self.next_note(n) => Some((n, 0)),
                        None => None,
                        Some(_) => self.column_number(i, n, last, skipped),
                    });
                    if let Some((n, skipped)) = column {
                        let b = self.footnote_def(i, n);
                        if self.st.w.fn_from.is_none() {
                            self.st.w.fn_from = Some(b);
                        }
                        if self.st.w.fn_waiting.is_empty() {
                            self.st.w.fn_last_text = None;
                        }
                        self.st.w.fn_waiting.push(b);
                        self.st.fn_mode = FnMode::Rule {
                            block: Some(b),
                            last: n.max(last),
                            skipped,
                        };
                        return i + 1;
                    }
                    if !self.st.w.fn_waiting.is_empty() && self.footnote_line(t).is_none() {
                        // After the page's end (pdftotext's blank lines), a
                        // line in lower case goes on with the paragraph the
                        // page broke, though a number still waits (its text
                        // came before the column).
                        let resumed = self.lines[i - 1].blank
                            && (self.st.w.fn_last_text)
                                .is_some_and(|b| self.resumes_paragraph(i, b));
                        if !resumed {
                            self.column_text(i);
                        }
                        return i + 1;
                    }
                    if let Some((n, _, draft)) = self.footnote_line(t) {
                        let new = match block {
                            None => true,
                            Some(_) if draft => self.draft_starts_footnote(i, n, last),
                            Some(_) => self.follows(n, last),
                        };
                        if new {
                            let b = self.footnote_def(i, n);
                            self.st.fn_mode = FnMode::Rule {
                                block: Some(b),
                                last: self.last_note(b, n),
                                skipped: 0,
                            };
                            return i + 1;
                        }
                    }
                    if let Some(b) = block {
                        if self.rest_taken_by_note(i, b) {
                            return self.body_line(i);
                        }
                        // The next note's text set before its number.
                        if let Some((j, m)) = self.text_before_number(i, b) {
                            if m == last + 1 {
                                return self.note_text_above_number(i, j, m);
                            }
                        }
                        if !self.resumes_paragraph(i, b) {
                            self.extend_footnote(b, i);
                        }
                        return i + 1;
                    }
                }
                self.st.fn_mode = FnMode::None;
            }
            FnMode::Block { block, last } => {
                if self.rest_taken_by_note(i, block) {
                    return self.body_line(i);
                }
                let ends = self.page_break(i)
                    || lines::is_furniture(t)
                    || self.is_symbol_and_title(t)
                    || lines::is_rule(t)
                    || self.next_list_item(t)
                    || (self.starts_paragraph(i) && !self.number_wrapped(i));
                if let Some((n, _, draft)) = self.footnote_line(t) {
                    // `[^N]:` starts a definition when N can be a footnote
                    // of this text (else a converter made a wrapped line
                    // one); a pasted `N text` only when N comes next.
                    let new = if draft {
                        self.draft_starts_footnote(i, n, last)
                    } else {
                        self.follows(n, last) && !self.page_break(i)
                    };
                    if new {
                        let b = self.footnote_def(i, n);
                        let last = self.last_note(b, n);
                        self.st.fn_mode = FnMode::Block { block: b, last };
                        return i + 1;
                    }
                    if draft {
                        self.extend_footnote(block, i);
                        return i + 1;
                    }
                }
                if !ends {
                    if !self.resumes_paragraph(i, block) {
                        self.extend_footnote(block, i);
                    }
                    return i + 1;
                }
                self.st.fn_mode = FnMode::None;
            }
            FnMode::None => {}
        }

        if lines::is_rule(t) {
            self.furniture(i);
            let mut next = self.next_nonblank(i);
            // Past a draft's `*` note.
            while let Some(j) = next.filter(|&j| is_star_note(self.trimmed(j))) {
                next = self.next_nonblank(j);
            }
            if next.is_some_and(|j| {
                let tj = self.trimmed(j);
                self.footnote_line(tj).is_some()
                    || bare_number(tj).is_some_and(|n| n == 1 || self.next_note(n))
            }) {
                self.st.fn_mode = FnMode::Rule {
                    block: None,
                    last: self.st.max_def,
                    skipped: 0,
                };
            }
            return i + 1;
        }
        let at_block_start = self.block_start(i);
        if self.st.prev == Prev::Blank && self.deferred_texts(i) {
            return self.body_line(i);
        }
        // (The running-head test last: it is the dearest, and a line inside
        // a paragraph never gets to it. Nor does a piece of the title right
        // under a line that stops on `on` or `the`: its sentence goes on
        // there, though its words are the title's, a page's end under it:
        // `... Experts on`, then `Further Practical Measures for the
        // Prevention of an Arms Race in Outer`. The whole title is a running
        // head wherever it stands.)
        let mid_sentence = || {
            self.st.prev == Prev::Text
                && i > 0
                && !self.lines[i - 1].blank
                && lines::ends_on_function_word(self.trimmed(i - 1))
                && lines::normalise_words(t) != self.title_norm
        };
        if lines::is_furniture(t)
            || self.is_symbol_and_title(t)
            || ((at_block_start || self.next_nonblank(i) != Some(i + 1))
                && self.is_title_part(t)
                && !self.starts_paragraph(i)
                && !mid_sentence())
            || self.ends_wrapped_title(i, t)
        {
            self.furniture(i);
            return i + 1;
        }
        if self.refs_above(i, t) {
            return self.paragraph_under_refs(i, t);
        }
        if bare_number(t).is_some_and(|n| self.unruled_column(i, n)) {
            // As under a rule: the numbers and their texts in turn.
            self.st.fn_mode = FnMode::Rule {
                block: None,
                last: self.st.max_def,
                skipped: 0,
            };
            return self.body_line(i);
        }
        // A page's first note whose text pdftotext set above its number:
        // after a paragraph's finished line (the layout is evidence enough
        // for a weak reference: `Development, 1 and the`), or inside the
        // paragraph the page broke, whose rest follows the number.
        // (Not under a marker alone: the line is its text.)
        // A note's number that pdftotext set in the column of a paragraph's
        // number alone (`11.`, `13`, then `Recalls:`, then the note's text).
        if let Some(n) = bare_number(t).filter(|&n| self.note_in_marker_column(n)) {
            self.footnote_def(i, n);
            return i + 1;
        }
        // A note's number under a column of paragraph numbers alone whose
        // texts come below (`13.`, then `4`, then the page's texts, which
        // refer to note 4): its text comes under the page's last paragraph.
        if let Some(n) = bare_number(t).filter(|&n| self.note_under_number_column(i, n)) {
            let b = self.footnote_def(i, n);
            self.st.w.fn_deferred.push(b);
            return i + 1;
        }

        // A note's wrapped line set apart by blank lines, between it and
        // the next note (`split_note_line`).
        if let Some(b) = self.split_note_line(i, t) {
            let end = (i..self.lines.len())
                .find(|&j| self.lines[j].blank)
                .unwrap_or(self.lines.len());
            for k in i..end {
                self.extend_footnote(b, k);
            }
            let last = self.last_note(b, 0);
            self.st.fn_mode = FnMode::Block { block: b, last };
            return end;
        }
        // The rest of a note the page's end cut, on the next page's foot
        // above the next note's number (under the page's blank lines, or a
        // paragraph's finished line where nothing sets the foot apart).
        if self.st.prev == Prev::Blank {
            if let Some((b, j)) = self.text_of_numbered_note(i) {
                for k in i..=j {
                    self.extend_footnote(b, k);
                }
                return j + 1;
            }
        }
        if self.st.prev == Prev::Blank
            || (self.st.prev == Prev::Text && lines::ends_finished(self.trimmed(i - 1)))
        {
            if let Some((b, j, n)) = self.cut_note_rest(i) {
                for k in i..=j {
                    self.extend_footnote(b, k);
                }
                // The page's notes go on: the next one's number comes next.
                self.st.fn_mode = FnMode::Rule {
                    block: Some(b),
                    last: n - 1,
                    skipped: 0,
                };
                return j + 1;
            }
        }
        // Under blank lines after the meeting line, the page's foot holds
        // nothing else: the text and the next note's number are that note.
        // After a paragraph's finished text, the next note's text set above
        // its number under it says so (the first one's reference may be on
        // the page before).
        let under_blank = self.under_blank_lines();
        let after_meeting = under_blank == Some(BlockKind::MeetingLine);
        if (self.after_text_or_star_note() || under_blank.is_some())
            && (self.st.cur.is_none() || self.st.cur_has_text)
        {
            let found = self.text_before_number(i, usize::MAX);
            if let Some((j, n)) = found.filter(|_| !self.starts_paragraph(i)) {
                // Two notes' numbers in turn, the second alone under the
                // first, are a page's column of notes wherever their
                // references stand (on the page before, for the first).
                // Without a reference in the run (it may be on the page
                // before), the next note's number under this one, or the
                // paragraph broken on a word such as `the`, says so; the
                // text then starts at its last line that may start it.
                let evidence = if after_meeting {
                    true
                } else if under_blank.is_some() {
                    self.next_number_below(j + 1, n + 1)
                        || self.next_text_above_number(j + 1, n + 1)
                } else if lines::ends_finished(self.trimmed(i - 1)) {
                    self.referenced_above_at_least(i, n, Strength::Weak)
                } else {
                    // The next note under this one, its number alone or its
                    // text above its number (`2010 Review Conference ...`,
                    // then `4`).
                    let next_below = self.next_number_below(j + 1, n + 1)
                        || self.next_text_above_number(j + 1, n + 1);
                    (self.lower_case_below(j + 1) || next_below)
                        && (self.referenced_above(i, n)
                            || next_below
                            || lines::ends_on_function_word(self.trimmed(i - 1)))
                        && !self.later_note_start(i, j)
                };
                if self.next_note(n) && evidence {
                    return self.note_text_above_number(i, j, n);
                }
            }
        }
        if let Some((n, _, draft)) = self.footnote_line(t) {
            if draft
                || (at_block_start && n > self.st.max_def && self.plausible_first_footnote(n))
                || self.unruled_footnote(i, n)
            {
                let b = self.footnote_def(i, n);
                let last = self.last_note(b, n);
                self.st.fn_mode = FnMode::Block { block: b, last };
                return i + 1;
            }
        }
        if is_star_note(t) {
            self.push_line(BlockKind::StarNote, i);
            self.st.prev = Prev::Footnote;
            return i + 1;
        }
        if matches!(self.st.part, Part::Preamble | Part::Operative) && lines::is_meeting_line(t) {
            return self.meeting(i);
        }
        if lines::is_annex(t) {
            self.st.annex_count += 1;
            self.st.annex_form = false;
            self.st.part = Part::Annex(self.st.annex_count);
            self.push_line(BlockKind::AnnexHeading, i);
            self.close_paragraph();
            self.st.annex_title_pending = true;
            self.st.prev = Prev::Text;
            return i + 1;
        }
        if let Some((len, n, suffix)) = lines::op_number(t) {
            // In an annex, `1. NAME OF EXPORTER` is a form field, not a paragraph.
            let in_annex = matches!(self.st.part, Part::Annex(_) | Part::Closing);
            let form_field = in_annex && (self.st.annex_form || starts_with_capitals(&t[len..]));
            if form_field {
                // The rest of this annex is a form: its numbers are box numbers.
                self.st.annex_form = true;
            } else {
                self.numbered(i, len, n, suffix);
                return i + 1;
            }
        }
        // A marker that a wrapped line starts with inside a sentence
        // (`... consistent with paragraph 63`, then `(d) of the Final
        // Document ...`): the line above stops on a word or a number, and
        // the marker is not the open list's next.
        let in_sentence = || {
            !at_block_start
                && self.st.prev == Prev::Text
                && self.trimmed(i - 1).ends_with(char::is_alphanumeric)
                && !self.next_list_item(t)
        };
        if let Some((len, label, style)) = lines::sub_marker(t).filter(|_| !in_sentence()) {
            let context = self.st.holder.is_some()
                && (style == SubStyle::Paren
                    || self.st.lost_markers
                    || self
                        .st
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

    /// A footnote definition line, in either form: (number, length of the
    /// number as written, whether it is a `[^N]:` line).
    fn footnote_line(&self, t: &str) -> Option<(u32, usize, bool)> {
        match lines::draft_footnote(t) {
            Some((n, len, _)) => Some((n, len, true)),
            None => lines::pasted_footnote(t).map(|(n, len)| (n, len, false)),
        }
    }

    /// Whether `[^N]:` line `i`, right after another definition, starts a
    /// new footnote: only if N can be a footnote of this text (SPEC section
    /// 2: not above the number of definitions plus one, and not defined
    /// again further on); otherwise a converter made a wrapped line of the
    /// previous footnote a definition (`[^2013]: (S/INF/68).`). The text is
    /// the resolution's: the lines from its chapeau to the next chapeau.
    /// The number after the previous footnote's (`last`) always starts one,
    /// as in a pasted footnote block: `[^3]:` twice in a row is a duplicate.
    fn draft_starts_footnote(&mut self, i: usize, n: u32, last: u32) -> bool {
        if n == last.wrapping_add(1) {
            return true;
        }
        let facts = &self.facts;
        let defs = self.draft_defs.get_or_insert_with(|| DraftDefs::of(facts));
        defs.can_be_footnote(i, n)
    }

    /// Is line `i` (`2.`) a number whose word wrapped onto the line above
    /// (`... part I, section entitled ..., para.`), inside a footnote?
    fn number_wrapped(&self, i: usize) -> bool {
        if i == 0 || self.lines[i - 1].blank {
            return false;
        }
        lines::ends_on_number_word(self.trimmed(i - 1))
    }

    /// Whether number `n` alone on line `i`, in a page's footnotes under
    /// footnote `last`, is a footnote's number, and which footnotes are then
    /// still to come (`FnMode::Rule`'s `skipped`). It is when it comes next,
    /// when it is one that was skipped, or when it comes early and every
    /// number it skips stands alone further down the page's footnotes
    /// (pdftotext sets a page's footnote numbers out of turn).
    fn column_number(&self, i: usize, n: u32, last: u32, skipped: u16) -> Option<(u32, u16)> {
        if n == last + 1 {
            return Some((n, skipped.checked_shl(1).unwrap_or(0)));
        }
        if n < last {
            let bit = 1u16.checked_shl(last - 1 - n).unwrap_or(0);
            return (skipped & bit != 0).then_some((n, skipped & !bit));
        }
        if n == last {
            // The last footnote's number again (a raised reference set on its
            // own line among the notes): no footnote of its own.
            return None;
        }
        let shift = n - last;
        if shift as usize > FOOTNOTE_LOOKAHEAD
            || self.number_wrapped(i)
            || !(last + 1..n).all(|m| self.alone_further_down(i + 1, m))
        {
            return None;
        }
        let old = skipped.checked_shl(shift).unwrap_or(0);
        Some((n, old | ((1u16 << (shift - 1)) - 1)))
    }

    /// Whether number `m` stands alone on a line from line `from` on, before
    /// the page's foot (furniture, the end), a paragraph's start, or
    /// `COLUMN_LOOKAHEAD` lines.
    fn alone_further_down(&self, from: usize, m: u32) -> bool {
        for j in from..from + COLUMN_LOOKAHEAD {
            let Some(line) = self.lines.get(j) else {
                return false;
            };
            if line.blank {
                continue;
            }
            let t = self.trimmed(j);
            if bare_number(t) == Some(m) {
                return true;
            }
            if foot_furniture(t) || (self.starts_paragraph(j) && !self.number_wrapped(j)) {
                return false;
            }
        }
        false
    }

    /// Whether pasted footnote line `i` (`5 See ...`, numbered `n`) starts
    /// a page's footnotes where nothing sets them apart: no rule (a word
    /// processor draws it as a line, which extracts as nothing) and no blank
    /// line. Only the next footnote number, never before an opener, and
    /// only where a page's foot or the next footnote follows (`below`).
    fn unruled_footnote(&self, i: usize, n: u32) -> bool {
        if !self.may_start_unruled(i, n) {
            return false;
        }
        let t = self.trimmed(i);
        let Some((_, len)) = lines::pasted_footnote(t) else {
            return false;
        };
        let text = t[len..].trim_start();
        self.vocab.line_opener(text).is_none()
            && (self.below(i + 1, n, false) != Below::Paragraph
                || note_like(text)
                || (!text.starts_with(char::is_lowercase)
                    && self.note_ends_below(i)
                    && self.referenced_above(i, n)))
    }

    /// Whether the lines from line `i` on end with a full stop before a
    /// blank line or a paragraph's start, within `FOOTNOTE_LOOKAHEAD` lines:
    /// a note does (a wrapped line of body text seldom does before the next
    /// paragraph).
    fn note_ends_below(&self, i: usize) -> bool {
        for j in i..i + FOOTNOTE_LOOKAHEAD {
            match self.lines.get(j) {
                Some(l) if !l.blank => {}
                _ => return false,
            }
            if j > i && self.starts_paragraph(j) && !self.number_wrapped(j) {
                return false;
            }
            if self.trimmed(j).ends_with('.') {
                return true;
            }
        }
        false
    }

    /// Whether the lines from line `i` (to line `j`) are a note's text that
    /// pdftotext set above its number (`Report of ... annexes I and II.`,
    /// then `8`, then `9` and the next text), and that number: they start
    /// with neither lower case nor a paragraph's start, end with a full
    /// stop within `FOOTNOTE_LOOKAHEAD` lines, and a number alone follows,
    /// then a blank line, the next number alone or the end. After note
    /// `after` (a block, or `usize::MAX`), that note must be finished; the
    /// text may then also end without its full stop right above the number
    /// (a note the page's end cut, its rest on the next page's foot).
    fn text_before_number(&self, i: usize, after: usize) -> Option<(usize, u32)> {
        let t = self.trimmed(i);
        if t.starts_with(char::is_lowercase) || bare_number(t).is_some() {
            return None;
        }
        let in_column = after < self.blocks.len();
        let number_below = |j: usize| {
            (self.lines.get(j + 1))
                .is_some_and(|l| !l.blank && bare_number(self.trimmed(j + 1)).is_some())
        };
        // The cheap tests first: this runs on body lines. (Among a page's
        // notes, a text may run over several sentences: `... of the General
        // Assembly.`, then `The Committee on Disarmament was redesignated
        // ...`, then its number.)
        let j = (i..i + NOTE_TEXT_LINES).find(|&j| {
            self.lines.get(j).is_none_or(|l| l.blank)
                || (self.trimmed(j).ends_with('.')
                    && (!in_column
                        || number_below(j)
                        || self.lines.get(j + 1).is_none_or(|l| l.blank)))
                || (in_column && number_below(j))
        })?;
        if self.lines.get(j).is_none_or(|l| l.blank) {
            return None;
        }
        self.lines.get(j + 1).filter(|l| !l.blank)?;
        let n = bare_number(self.trimmed(j + 1))?;
        let after_number = match self.lines.get(j + 2) {
            None => true,
            Some(l) if l.blank => true,
            Some(_) => bare_number(self.trimmed(j + 2)) == Some(n + 1),
        };
        let one_text = (i + 1..=j).all(|k| !self.starts_paragraph(k));
        let after_finished = after >= self.blocks.len() || self.note_finished(after);
        (after_number && one_text && after_finished).then_some((j, n))
    }

    /// Whether a line after line `i`, up to line `j`, starts with a capital
    /// under a finished line or one that stops on a word such as `the`
    /// (`... Parties to the` then `Official Records ...`): a note's text set
    /// above its number starts there rather than at line `i`.
    fn later_note_start(&self, i: usize, j: usize) -> bool {
        (i + 1..=j).any(|k| {
            // (`Council, 1` then `August 2012 ...` is a date's day, no
            // reference: a number after a space is a word.)
            let above = self.trimmed(k - 1);
            let spaced_number = above
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .ends_with(char::is_whitespace);
            // (A symbol after `and` goes on with a list of symbols:
            // `NPT/CONF.2000/28 (Part III) and`, then `NPT/CONF.2000/28
            // (Part IV)).`)
            let t = self.trimmed(k);
            let listed_symbol = (above.ends_with(" and") || above.ends_with(" or"))
                && t.split_whitespace().next().is_some_and(|w| w.contains('/'));
            // A year and a title start a note whatever the line above ends
            // with (`... calling for good-faith`, then `2000 Review
            // Conference of the Parties ...`).
            let b = t.as_bytes();
            let year_title = b.len() > 5
                && b[..4].iter().all(u8::is_ascii_digit)
                && b[4] == b' '
                && t[5..].starts_with(char::is_uppercase);
            year_title
                || (t.starts_with(char::is_uppercase)
                    && !listed_symbol
                    && (lines::ends_on_function_word(above)
                        || (lines::ends_finished(above) && !spaced_number)))
        })
    }

    /// Whether the text of note `b` (a block) so far ends with a full stop
    /// (its number may come after it: `note_text_above_number`). The note
    /// is among the last few definitions.
    fn note_finished(&self, b: usize) -> bool {
        (self.defs.iter().rev().find(|d| d.block == b))
            .and_then(|d| d.text.iter().rev().find(|r| !r.is_empty()))
            .is_some_and(|r| self.src[r.clone()].trim_end().ends_with('.'))
    }

    /// Whether the first line after line `k` that is not blank (within
    /// three lines) starts in lower case, or with a number that a sentence
    /// goes on from (`2010, including`): the rest of a broken paragraph.
    fn lower_case_below(&self, k: usize) -> bool {
        (k + 1..k + 4)
            .map_while(|j| self.lines.get(j).map(|l| (j, l.blank)))
            .find(|&(_, blank)| !blank)
            .is_some_and(|(j, _)| {
                let t = self.trimmed(j);
                t.starts_with(char::is_lowercase) || lines::number_in_sentence(t)
            })
    }

    /// Whether the next line with text below line `k` (within three lines)
    /// is number `m` alone: the next note's, its text under it.
    fn next_number_below(&self, k: usize, m: u32) -> bool {
        (k + 1..k + 4)
            .map_while(|j| self.lines.get(j).map(|l| (j, l.blank)))
            .find(|&(_, blank)| !blank)
            .is_some_and(|(j, _)| bare_number(self.trimmed(j)) == Some(m))
    }

    /// Footnote `n` of the text on lines `i..=j` and the number alone on
    /// line `j + 1` (`text_before_number`): one block, the number last.
    /// The walk goes on under the page's rule, where the next numbers and
    /// their texts follow in turn.
    fn note_text_above_number(&mut self, i: usize, j: usize, n: u32) -> usize {
        let b = self.push_line(BlockKind::FootnoteDef, i);
        for k in i + 1..=j + 1 {
            let r = self.lines[k].range();
            self.add_line(b, r);
        }
        let text = (i..=j).map(|k| self.trimmed_range(k)).collect();
        self.record_def(FootnoteDef {
            number: n,
            number_range: self.trimmed_range(j + 1),
            block: b,
            text,
        });
        self.st.fn_mode = FnMode::Rule {
            block: Some(b),
            last: n,
            skipped: 0,
        };
        j + 2
    }

    /// Whether a line above line `i`, in its run of lines without a blank
    /// one and within `REFERENCE_LOOKBACK` lines, refers to footnote `n`
    /// (a strong or medium candidate): a note of several lines that a page
    /// with no foot printed set inside the text (a word processor's PDF)
    /// follows its reference on the same page. (No checkpoint lies inside
    /// such a run, so a re-parse after an edit there decides this again.)
    fn referenced_above(&self, i: usize, n: u32) -> bool {
        self.referenced_above_at_least(i, n, Strength::Medium)
    }

    /// As `referenced_above`, with candidates at least `min` strong.
    fn referenced_above_at_least(&self, i: usize, n: u32, min: Strength) -> bool {
        (i.saturating_sub(REFERENCE_LOOKBACK)..i)
            .rev()
            .take_while(|&j| !self.lines[j].blank)
            .any(|j| footnote_refs::line_refers_to(self.trimmed(j), n, min))
    }

    /// Whether number `n` alone on line `i` starts a page's footnotes set
    /// out as numbers and texts in turn with no rule above them (pdfplumber,
    /// and PDFium, which starts each text with a space): the next footnote
    /// number, a text after it that neither starts in lower case nor opens
    /// a paragraph, and below it the next number, or the page's foot after a
    /// finished line. (A number raised in mid-sentence and set on its own
    /// line comes before lower case, or after an unfinished line.)
    fn unruled_column(&self, i: usize, n: u32) -> bool {
        // pdftotext sets a blank line between the first number of a page's
        // footnote column and the texts, and at times one above it too; it
        // may set the page's numbers one under the other before the texts.
        let blank_above = self.alone_after_text(i, n);
        if !blank_above && !self.may_start_unruled(i, n) {
            return false;
        }
        let mut gap = usize::from(self.lines.get(i + 1).is_some_and(|l| l.blank));
        let mut run = 0;
        while gap == 0
            && run < FOOTNOTE_LOOKAHEAD
            && self.lines.get(i + 1 + run).is_some_and(|l| {
                !l.blank && bare_number(self.trimmed(i + 1 + run)) == Some(n + 1 + run as u32)
            })
        {
            run += 1;
            gap = usize::from(self.lines.get(i + 1 + run).is_some_and(|l| l.blank));
        }
        let first = i + 1 + run + gap;
        match self.lines.get(first) {
            Some(l) if !l.blank => {}
            _ => return false,
        }
        let text = self.trimmed(first);
        if text.starts_with(char::is_lowercase)
            || bare_number(text).is_some()
            || self.starts_paragraph(first)
        {
            return false;
        }
        // The page's foot says so after a finished line only; the next
        // number also after a page that ends in mid-sentence, where the
        // texts start with PDFium's space, or where the number was met
        // alone above as a reference (pdfplumber sets a raised number on a
        // line of its own above the line it belongs to: the first time a
        // number comes alone, it is that reference).
        // A number alone under a blank line, right above its text, has the
        // text indented under it (`pdftotext -layout`).
        if blank_above && gap == 0 && run == 0 && self.lines[first].indent <= self.lines[i].indent {
            return false;
        }
        // `pdftotext -layout` keeps a footnote's text indented under its
        // number, also where the page ends in mid-sentence.
        let indented_under =
            gap == 0 && run == 0 && self.lines[first].indent > self.lines[i].indent;
        let set_apart = gap == 1 || blank_above || indented_under;
        let finished = lines::ends_finished(self.trimmed(i - 1))
            || self
                .blocks
                .last()
                .is_some_and(|b| b.kind == BlockKind::MeetingLine);
        if !finished && !set_apart && self.lines[first].indent != 1 && n > self.st.max_alone_ref {
            return false;
        }
        // The page's footnotes define `n` (`3 S/2338/2024.`): this one is
        // its reference, raised and set on its own line (pdf.js read as the
        // npm package pdf-parse does, a line per baseline).
        if self.defined_below(i + 1, n) {
            return false;
        }
        // After pdftotext's blank lines or run of numbers, a later number
        // than the next may come first.
        match self.below(first + 1, n, set_apart || run > 0) {
            Below::Next => true,
            Below::Foot => {
                finished
                    || set_apart
                    || (self.note_ends_below(first) && self.referenced_above(i, n))
            }
            // A page with no foot printed: the next page's paragraph, or the
            // rest of the one the page broke, follows a note's one line.
            Below::Paragraph => {
                run == 0
                    && (note_like(text)
                        || (self.note_ends_below(first) && self.referenced_above(i, n)))
            }
        }
    }

    /// Whether footnote `n` is defined (`n text`, or `n` alone again, its
    /// text under it) within `DEFINED_LOOKAHEAD` lines from line `from`, before
    /// the page's furniture: the page's footnotes, under a rule or not (a
    /// word processor draws it as a line).
    fn defined_below(&self, from: usize, n: u32) -> bool {
        for j in from..(from + DEFINED_LOOKAHEAD).min(self.lines.len()) {
            if self.lines[j].blank {
                continue;
            }
            let t = self.trimmed(j);
            if lines::pasted_footnote(t).is_some_and(|(m, _)| m == n) || bare_number(t) == Some(n) {
                return true;
            }
            if lines::is_furniture(t) {
                return false;
            }
        }
        false
    }

    /// Whether footnote `n` may start on line `i` with nothing above it
    /// setting the page's footnotes apart: it is the next footnote, and the
    /// line above is text (or a draft's `*` note) outside any footnote.
    fn may_start_unruled(&self, i: usize, n: u32) -> bool {
        self.next_note(n)
            && i > 0
            && !self.lines[i - 1].blank
            && self.after_text_or_star_note()
            && matches!(self.st.fn_mode, FnMode::None)
    }

    /// Whether number `n` on line `i`, under blank lines, may be the first
    /// of a page's footnotes: the next footnote, after a paragraph's text or
    /// the meeting line (the block before the blank lines' one).
    fn alone_after_text(&self, i: usize, n: u32) -> bool {
        self.next_note(n)
            && i > 1
            && self.lines[i - 1].blank
            && matches!(self.st.fn_mode, FnMode::None)
            && self.st.prev == Prev::Blank
            && self.st.cur_has_text
            // (The blank lines' blocks are skipped: a paragraph whose text
            // came under its marker after a blank line has two.)
            && ((self.blocks.len().saturating_sub(4)..self.blocks.len()).rev())
                .find(|&b| self.blocks[b].kind != BlockKind::Blank)
                .is_some_and(|b| {
                matches!(
                    self.blocks[b].kind,
                    BlockKind::Preambular
                        | BlockKind::Operative
                        | BlockKind::SubParagraph
                        | BlockKind::AnnexParagraph
                        | BlockKind::StarNote
                        | BlockKind::MeetingLine
                )
            })
    }

    /// What comes first from line `from` on, within `FOOTNOTE_LOOKAHEAD`
    /// lines: footnote `n + 1` (with its text or alone; alone, any of the
    /// next few when `out_of_turn`), the page's foot (a
    /// blank line, furniture, the end), or a paragraph's start (or none of
    /// these). A re-parse starts far enough above an edit to decide this
    /// again (`incremental::reparse_region`).
    fn below(&self, from: usize, n: u32, out_of_turn: bool) -> Below {
        for j in from..from + FOOTNOTE_LOOKAHEAD {
            let Some(line) = self.lines.get(j) else {
                return Below::Foot;
            };
            if line.blank {
                return Below::Foot;
            }
            let t = self.trimmed(j);
            // (pdftotext sets a page's footnote numbers out of turn.)
            let highest = if out_of_turn {
                n + FOOTNOTE_LOOKAHEAD as u32
            } else {
                n + 1
            };
            if bare_number(t).is_some_and(|m| m > n && m <= highest)
                || lines::pasted_footnote(t).is_some_and(|(m, _)| m == n + 1)
            {
                return Below::Next;
            }
            if foot_furniture(t) {
                return Below::Foot;
            }
            if self.starts_paragraph(j) && !self.number_wrapped(j) {
                return Below::Paragraph;
            }
        }
        Below::Paragraph
    }

    /// Whether number `n` alone, under a paragraph's number alone that has
    /// no text yet, is the next note's, referred to in the run of lines
    /// above that number.
    fn note_in_marker_column(&self, n: u32) -> bool {
        self.st
            .cur
            .filter(|&c| !self.st.cur_has_text && self.is_number_alone(c))
            .is_some_and(|c| {
                let first = self.blocks[c].lines.first().map_or(0, |r| r.start);
                let line = gallop(&self.lines, |l| l.range().start < first);
                self.next_note(n) && self.referenced_above(line, n)
            })
    }

    /// Lines `i..=j` under a blank line that are the text of the last note,
    /// which has none yet (`note_in_marker_column`), after its paragraph's
    /// text: they neither start in lower case nor start a paragraph, and
    /// end with a full stop. Returns (the note's block, `j`).
    fn text_of_numbered_note(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.trimmed(i);
        if t.starts_with(char::is_lowercase) || !self.st.cur_has_text || self.starts_paragraph(i) {
            return None;
        }
        let d = self.defs.last()?;
        let empty = d.block + 8 >= self.blocks.len()
            && self.blocks[d.block].resolution == self.st.resolution
            && d.text.iter().all(|r| r.is_empty());
        if !empty {
            return None;
        }
        let j = (i..i + FOOTNOTE_LOOKAHEAD - 1)
            .take_while(|&j| self.lines.get(j).is_some_and(|l| !l.blank))
            .find(|&j| self.trimmed(j).ends_with('.'))?;
        Some((d.block, j))
    }

    /// Lines `i..=j` (under a blank line, or a paragraph's finished line)
    /// that end a note the page's end cut (its text so far without its full
    /// stop), set above the next note's number, alone or with its text, on
    /// the next line that is not blank: (the note's block, `j`, that
    /// number).
    /// They start with neither a capital nor lower case (`(NPT/CONF.2010/50
    /// ...`, `2010 ...`): a capital may start a paragraph's rest, lower
    /// case does.
    fn cut_note_rest(&self, i: usize) -> Option<(usize, usize, u32)> {
        let t = self.trimmed(i);
        if t.starts_with(char::is_alphabetic) || self.starts_paragraph(i) {
            return None;
        }
        let d = self.defs.last()?;
        let cut = d.number == self.st.max_def
            && d.block + UNFINISHED_REACH >= self.blocks.len()
            && self.blocks[d.block].resolution == self.st.resolution
            && !self.note_finished(d.block);
        if !cut {
            return None;
        }
        // (The next note's text may follow its number at once, indented:
        // `pdftotext -layout`.)
        let j = (i..i + FOOTNOTE_LOOKAHEAD - 1)
            .take_while(|&j| self.lines.get(j).is_some_and(|l| !l.blank))
            .find(|&j| self.trimmed(j).ends_with('.'))?;
        // The next note's number alone, or with its text (`8 See ...`:
        // PyMuPDF, pypdf, pdfplumber), a blank line between or not
        // (PyMuPDF's blocks).
        let k = (j + 1..j + 3).find(|&k| self.lines.get(k).is_some_and(|l| !l.blank))?;
        let next = self.trimmed(k);
        let n = bare_number(next).or_else(|| lines::pasted_footnote(next).map(|(n, _)| n))?;
        (n == d.number + 1).then_some((d.block, j, n))
    }

    /// What the blank lines before the line are under: the meeting line,
    /// or a paragraph whose text is finished (its kind).
    fn under_blank_lines(&self) -> Option<BlockKind> {
        if self.st.prev != Prev::Blank {
            return None;
        }
        let b = ((self.blocks.len().saturating_sub(4)..self.blocks.len()).rev())
            .find(|&b| self.blocks[b].kind != BlockKind::Blank)?;
        let kind = self.blocks[b].kind;
        match kind {
            BlockKind::MeetingLine if self.st.part == Part::Closing => Some(kind),
            BlockKind::Preambular
            | BlockKind::Operative
            | BlockKind::SubParagraph
            | BlockKind::AnnexParagraph
                if self.st.cur_has_text && self.ends_finished(b) =>
            {
                Some(kind)
            }
            _ => None,
        }
    }

    /// Whether the next line with text below line `k` (past one blank line)
    /// starts a note's text set above number `m`.
    fn next_text_above_number(&self, k: usize, m: u32) -> bool {
        (k + 1..k + 3)
            .map_while(|j| self.lines.get(j).map(|l| (j, l.blank)))
            .find(|&(_, blank)| !blank)
            .and_then(|(j, _)| self.text_before_number(j, usize::MAX))
            .is_some_and(|(_, n)| n == m)
    }

    /// Whether the line before is text, or a draft's `*` note (which sits
    /// above the page's footnotes).
    fn after_text_or_star_note(&self) -> bool {
        self.st.prev == Prev::Text
            || (self.st.prev == Prev::Footnote
                && self
                    .blocks
                    .last()
                    .is_some_and(|b| b.kind == BlockKind::StarNote))
    }

    /// The first footnote of a pasted text is footnote 1 (or the one after
    /// the resolutions before, when they number notes across): a line `30
    /// From the account ...` in a form is not a footnote.
    fn plausible_first_footnote(&self, n: u32) -> bool {
        self.st.max_def > 0 || self.next_note(n)
    }

    /// Whether footnote `n` comes next: after this resolution's highest,
    /// or, before its first, after the highest of the resolutions before
    /// (notes numbered across the document) as well as 1. Or the one after
    /// that, when the body has referred to both and the next never came (a
    /// page's note lost in extraction: `... noting the long10`, its text
    /// under it without its number): one lost note does not lose the rest.
    fn next_note(&self, n: u32) -> bool {
        n == self.st.max_def + 1
            || (self.st.max_def == 0 && n == self.st.fn_carried + 1)
            || (n == self.st.max_def + 2 && self.st.max_ref >= n)
    }

    /// Whether pasted note `n` follows note `last` among a page's notes: the
    /// next, or the one after a lost note (as in `next_note`).
    fn follows(&self, n: u32, last: u32) -> bool {
        n == last + 1 || (n == last + 2 && self.st.max_ref >= n)
    }

    fn furniture(&mut self, i: usize) {
        if !self.after_furniture() && !self.st.w.settle() {
            // The page's foot: its first item's marker, and the numbers of
            // the paragraphs that wait for one, did not come.
            self.st.w.sub_orphans.clear();
            self.st.w.orphans.clear();
        }
        if !self.st.w.fn_deferred.is_empty() && self.st.cur_has_text {
            // The page's foot, under its texts: the notes' texts did not
            // come (a running head above the texts leaves them waiting).
            self.st.w.fn_deferred.clear();
        }
        self.push_line(BlockKind::Furniture, i);
        self.st.prev = Prev::Furniture;
    }

    fn footnote_def(&mut self, i: usize, n: u32) -> usize {
        let t = self.trimmed(i);
        let r = self.trimmed_range(i);
        let (num_len, text_off) = if let Some((_, len, off)) = lines::draft_footnote(t) {
            (len, off)
        } else if bare_number(t).is_some() {
            (t.len(), t.len())
        } else {
            let (_, len) = lines::pasted_footnote(t).unwrap_or((n, 0));
            let rest = &t[len..];
            (len, len + (rest.len() - rest.trim_start().len()))
        };
        let b = self.push_line(BlockKind::FootnoteDef, i);
        self.record_def(FootnoteDef {
            number: n,
            number_range: r.start..r.start + num_len,
            block: b,
            text: std::iter::once(r.start + text_off..r.end).collect(),
        });
        self.split_glued_notes(b);
        b
    }

    /// The number of the last note of block `b` (`n` when it has none): a
    /// line may hold the next notes too (`split_glued_notes`).
    fn last_note(&self, b: usize, n: u32) -> u32 {
        (self.defs.iter().rev().find(|d| d.block == b)).map_or(n, |d| d.number.max(n))
    }

    /// Notes an extraction glued onto the last line of the note before,
    /// after its full stop (pymupdf4llm: `... Viet Nam and Zimbabwe. 5
    /// A/77/80.`): the next note's number, which the body has referred to,
    /// then its text, starting with a capital. Each is a definition of its
    /// own, in the same block, from its number on. (Not in the draft form,
    /// whose definitions are each on their line.)
    fn split_glued_notes(&mut self, b: usize) {
        while let Some(k) = self.defs.iter().rposition(|d| d.block == b) {
            let d = &self.defs[k];
            let m = d.number + 1;
            if m != self.st.max_def + 1
                || self.st.max_ref < m
                || self.src[d.number_range.clone()].starts_with('[')
            {
                return;
            }
            let Some(r) = d.text.last().cloned() else {
                return;
            };
            let text = &self.src[r.clone()];
            let want = format!(" {m} ");
            let found = text.match_indices(&want).map(|(p, _)| p).find(|&p| {
                text[..p].ends_with('.')
                    && text[p + want.len()..].starts_with(|c: char| c.is_uppercase())
            });
            let Some(p) = found else {
                return;
            };
            let number = r.start + p + 1..r.start + p + want.len() - 1;
            let rest = number.end + 1..r.end;
            if let Some(t) = self.defs[k].text.last_mut() {
                t.end = r.start + p;
            }
            self.record_def(FootnoteDef {
                number: m,
                number_range: number,
                block: b,
                text: std::iter::once(rest).collect(),
            });
        }
    }

    /// Keeps definition `d` and what the walk carries of it.
    fn record_def(&mut self, d: FootnoteDef) {
        self.st.max_def = self.st.max_def.max(d.number);
        // (The count carried from the resolutions before matters no more:
        // a state past here equals the old one's once this note is met.)
        self.st.fn_carried = 0;
        self.st.prev = Prev::Footnote;
        self.defs.push(d);
    }

    /// Whether line `i` (`t`: numbers alone, `1 2`) holds the raised
    /// references of the paragraph that opens on the line under it:
    /// pdfplumber sets a line's superscripts on a line of their own above
    /// it. The numbers are the next the body refers to, no paragraph is
    /// open above, and the line under opens one with a listed opener. (A
    /// number alone that is not the next reference stays what it is.)
    fn refs_above(&self, i: usize, t: &str) -> bool {
        lines::footnote_numbers_alone(t)
            && t.split_whitespace()
                .next()
                .and_then(|w| w.parse::<u32>().ok())
                == Some(self.st.max_ref + 1)
            && (self.st.cur.is_none() || self.st.cur_finished)
            && self.st.w.pending.is_empty()
            && !self.st.annex_title_pending
            && self.lines.get(i + 1).is_some_and(|l| !l.blank)
            && lines::op_number(self.trimmed(i + 1)).is_none()
            && self.line_opener(i + 1, 0).is_some()
    }

    /// Reads the paragraph under line `i` (`refs_above`) as it would be
    /// read, then gives it line `i` as its first. Returns the next line.
    fn paragraph_under_refs(&mut self, i: usize, t: &str) -> usize {
        let last = t.split_whitespace().last().and_then(|w| w.parse().ok());
        let last = last.unwrap_or(self.st.max_ref);
        self.st.max_ref = last;
        self.st.max_alone_ref = self.st.max_alone_ref.max(last);
        let b = self.blocks.len();
        let next = self.body_line(i + 1);
        let below = self.lines[i + 1].range();
        if b < self.blocks.len()
            && self.blocks[b].kind.is_paragraph()
            && self.blocks[b].lines.first() == Some(below)
        {
            let lines = std::iter::once(self.lines[i].range())
                .chain(self.blocks[b].lines.iter())
                .collect();
            self.blocks[b].lines = lines;
            self.blocks[b].refs_above = true;
        }
        next
    }

    /// Whether line `i`, after footnote `b`, goes on with the paragraph
    /// before the footnotes (and then it does, and the footnotes end): a
    /// page turned with nothing printed to show it (a word processor's PDF
    /// with no running head or foot, whose footnote rule is a drawing). The
    /// line starts in lower case, the footnote's text ends with its full
    /// stop, and the paragraph is unfinished (no final punctuation, or a
    /// comma); else the line is the footnote's own. The line may also start
    /// with a capital and open nothing when the paragraph stops on a word
    /// such as `the` (`... Parties to the`, then `Treaty on the
    /// Non-Proliferation ...`), or, under a blank line, with a digit when it
    /// has no final punctuation (`... of 8 September`, then `1998, to
    /// discuss`).
    fn resumes_paragraph(&mut self, i: usize, b: usize) -> bool {
        let t = self.trimmed(i);
        // (A number a sentence goes on from, `2010, including ...`, starts
        // no note: it goes on as lower case does.)
        let sentence = lines::number_in_sentence(t);
        let lower = t.starts_with(char::is_lowercase);
        let digit = t.starts_with(|c: char| c.is_ascii_digit())
            && bare_number(t).is_none()
            && self.footnote_line(t).is_none();
        // (Where no blank line ends the page, not a line that reads as a
        // note of its own, or starts as notes do: `See https://...`, `See
        // Report of the International Conference ...`, `2010 Review
        // Conference ...`.)
        let capital = !lower
            && i > 0
            && (self.lines[i - 1].blank
                || !(digit || note_like(t) || lines::starts_like_a_note(t)))
            && (t.starts_with(char::is_uppercase) || digit)
            && self.line_opener(i, 0).is_none()
            && !self.starts_paragraph(i);
        // Under a blank line the note may be one the page's end cut: its
        // rest is on the next page's foot. (Without one, a line in lower
        // case after an unfinished note is the note's own: `... eighth to
        // twelfth` then `preambular paragraphs", para. 15.`)
        if !(lower || sentence || capital)
            || !(self.note_finished(b) || (lower && self.lines[i - 1].blank))
        {
            return false;
        }
        // A line whose run refers to the next note is the body's, not the
        // note's, and goes on with the paragraph before the note even after
        // a `;` (a list of resolutions: `... Korea”;`, then note 1, then
        // `GC(69)/RES/14, entitled ...`, and below `... 2025;2 and ...`).
        let cites_next = capital && self.run_refers_to_next_note(i);
        let before = if cites_next {
            self.paragraph_before(b)
                .filter(|&(_, t)| {
                    matches!(lines::final_char(t), Some((_, ';' | ','))) || !lines::ends_finished(t)
                })
                .map(|(p, _)| p)
        } else {
            // (After a finished note, a comma before a trailing reference
            // too: `... of nuclear war,5`, the page's notes, then `and also
            // to continue ...`.)
            self.unfinished_before(b, lower || sentence).or_else(|| {
                self.paragraph_before(b)
                    .filter(|&(_, t)| {
                        lower
                            && self.note_finished(b)
                            && matches!(lines::final_char(t), Some((_, ',')))
                    })
                    .map(|(p, _)| p)
            })
        };
        let Some(p) = before
            .filter(|&p| self.blocks[p].resolution == self.st.resolution)
            .filter(|&p| {
                lower
                    || sentence
                    || cites_next
                    || self.ends_on_function_word(p)
                    || (digit && !self.ends_finished(p))
                    || (capital && self.stops_on_a_word(p))
            })
        else {
            return false;
        };
        self.st.fn_mode = FnMode::None;
        self.st.cur = Some(p);
        self.st.cur_has_text = true;
        self.append(p, i);
        true
    }

    /// The note whose wrapped line line `i` (`t`) is, under a blank line:
    /// the block right above is a note with no full stop yet, the line
    /// starts in lower case, and the next note's line comes after its run
    /// (`next_note_below_run`).
    fn split_note_line(&self, i: usize, t: &str) -> Option<usize> {
        if self.st.prev != Prev::Blank || !t.starts_with(char::is_lowercase) {
            return None;
        }
        let b = (0..self.blocks.len())
            .rev()
            .find(|&k| self.blocks[k].kind != BlockKind::Blank)?;
        (self.blocks[b].kind == BlockKind::FootnoteDef
            && !self.note_finished(b)
            && self.next_note_below_run(i, b))
        .then_some(b)
    }

    /// Whether the first line with text after the run of line `i` (its lines
    /// up to a blank one) starts the note after note `b`'s: line `i` then
    /// goes on with note `b`, which it sits between (pymupdf4llm sets a
    /// note's wrapped line apart: `> 4 The Conference ... the tenth
    /// special`, then `> session of the General Assembly. ...`, then `> 5
    /// United Nations, ...`).
    fn next_note_below_run(&self, i: usize, b: usize) -> bool {
        let Some(d) = self.defs.iter().rev().find(|d| d.block == b) else {
            return false;
        };
        let end = (i..(i + NOTE_TEXT_LINES).min(self.lines.len()))
            .find(|&j| self.lines[j].blank)
            .unwrap_or(self.lines.len());
        self.next_nonblank(end.saturating_sub(1)).is_some_and(|j| {
            self.footnote_line(self.trimmed(j))
                .is_some_and(|(n, _, _)| self.follows(n, d.number))
        })
    }

    /// Whether line `i` or a line below it in its run (no blank line, no
    /// paragraph's start between) refers to the next note, as
    /// `refers_to_next_note` says. Read within the run, where no checkpoint
    /// lies.
    fn run_refers_to_next_note(&self, i: usize) -> bool {
        (i..(i + NOTE_TEXT_LINES).min(self.lines.len()))
            .take_while(|&j| !self.lines[j].blank && (j == i || !self.starts_paragraph(j)))
            .any(|j| self.refers_to_next_note(j))
    }

    /// Whether line `i` refers to the note after the highest defined (a
    /// strong or medium candidate: `Weapons,7 Protocol V ...`). A note's
    /// text does not: the line is the body's, the rest of a paragraph whose
    /// last word before the page's notes was a name's (`... Small Arms and
    /// Light`, then note 6, then `Weapons,7 Protocol V ...`).
    fn refers_to_next_note(&self, i: usize) -> bool {
        let next = self.st.max_def + 1;
        // Or its raised number set on a line of its own under it (`Weapons,`
        // then `7`: pdf.js line by line) after a line that stops as a
        // sentence does inside (a note's own text ends with its full stop).
        footnote_refs::line_refers_to(self.trimmed(i), next, Strength::Medium)
            || (matches!(
                lines::final_char(self.trimmed(i)),
                Some((_, ',' | ';' | ':'))
            ) && (self.lines.get(i + 1)).is_some_and(|l| !l.blank)
                && bare_number(self.trimmed(i + 1)) == Some(next))
    }

    /// Whether line `i`, which opens a paragraph with a listed opener under a
    /// line that ends as a paragraph does (`,` or `;`), shows that note
    /// `b`'s last lines were the rest of the paragraph the page broke (a
    /// note the page's end cut, `... vols. I–III`, then `affirming its
    /// 22-point action plan ...`, `convention,`, then `Regretting that
    /// ...`: PDFium with no blank line between). Those lines, from the
    /// first in lower case under a line without a full stop, with no full
    /// stop among them, go back to that paragraph, when it is unfinished;
    /// the notes end there.
    fn rest_taken_by_note(&mut self, i: usize, b: usize) -> bool {
        if i == 0
            || self.lines[i - 1].blank
            || !matches!(lines::final_char(self.trimmed(i - 1)), Some((_, ',' | ';')))
            || self.line_opener(i, 0).is_none()
            || self.st.w.fn_waiting.iter().any(|&w| w != b)
        {
            return false;
        }
        let blk = &self.blocks[b];
        if blk.lines.last().map(|r| r.start) != Some(self.lines[i - 1].range().start) {
            return false;
        }
        // The rest's first line: walking up the note's own lines to the
        // highest in lower case under a line without a full stop.
        let own = |j: usize| {
            blk.lines
                .iter()
                .any(|r| r.start == self.lines[j].range().start)
        };
        let mut rest = None;
        let mut k = i - 1;
        while k > 0 && !self.lines[k - 1].blank && own(k - 1) && !self.trimmed(k).ends_with('.') {
            let above = self.trimmed(k - 1);
            if self.trimmed(k).starts_with(char::is_lowercase) && !above.ends_with('.') {
                rest = Some(k);
            }
            if above.ends_with('.') {
                break;
            }
            k -= 1;
        }
        let Some(k) = rest else {
            return false;
        };
        // The note keeps its first line.
        if blk.lines.first().map(|r| r.start) == Some(self.lines[k].range().start) {
            return false;
        }
        let Some(p) = (self.unfinished_before(b, true))
            .filter(|&p| self.blocks[p].resolution == self.st.resolution)
        else {
            return false;
        };
        let keep = blk.lines.starting_before(self.lines[k].range().start);
        if b < self.floor {
            self.touched.push(b);
        }
        self.blocks[b].lines.split_off(keep);
        let cut = self.lines[k].range().start;
        if let Some(d) = self.defs.iter_mut().rev().find(|d| d.block == b) {
            let keep = d.text.partition_point(|r| r.start < cut);
            d.text.truncate(keep);
        }
        self.st.w.fn_waiting.clear();
        self.st.w.fn_last_text = None;
        self.st.fn_mode = FnMode::None;
        self.st.cur = Some(p);
        self.st.cur_has_text = true;
        for j in k..i {
            self.append(p, j);
        }
        true
    }

    /// The number of the footnote whose block is `b`.
    fn def_number(&self, b: usize) -> Option<u32> {
        self.defs
            .iter()
            .rev()
            .find(|d| d.block == b)
            .map(|d| d.number)
    }

    /// Whether number `n` alone on line `i` is a footnote's number set in a
    /// column of paragraph numbers alone (pdftotext on pages with no space
    /// between paragraphs: `12.`, `13.`, then `4`, `5`, then the page's
    /// texts and, under them, the notes' texts): the next note, under a
    /// paragraph's number alone or the note before, while the numbers wait
    /// for their texts, and referred to in the lines below.
    fn note_under_number_column(&self, i: usize, n: u32) -> bool {
        let before = self.st.w.fn_deferred.last().map(|&b| self.def_number(b));
        let next = match before {
            Some(m) => m.is_some_and(|m| n == m + 1),
            None => self.next_note(n),
        };
        let column = self
            .st
            .cur
            .is_some_and(|c| !self.st.cur_has_text && self.is_number_alone(c));
        if !next || !column {
            return false;
        }
        let Some(above) = (0..i).rev().find(|&j| !self.lines[j].blank) else {
            return false;
        };
        let ta = self.trimmed(above);
        let under = lines::op_number(ta).is_some_and(|(l, _, _)| ta[l..].trim().is_empty())
            || (before.is_some() && bare_number(ta) == before.flatten());
        under
            && (i + 1..self.lines.len())
                .filter(|&j| !self.lines[j].blank)
                .take(NOTE_COLUMN_REACH)
                .any(|j| footnote_refs::line_refers_to(self.trimmed(j), n, Strength::Medium))
    }

    /// Under a blank line, while notes wait from a column of paragraph
    /// numbers (`note_under_number_column`): whether line `i` starts their
    /// texts (it opens nothing, does not start in lower case, and the
    /// page's foot follows within a few lines), and then reads the page's
    /// foot as a column of notes under a rule whose numbers came.
    fn deferred_texts(&mut self, i: usize) -> bool {
        if self.st.w.fn_deferred.is_empty() {
            return false;
        }
        let t = self.trimmed(i);
        if t.starts_with(char::is_lowercase)
            || foot_furniture(t)
            || self.starts_paragraph(i)
            || bare_number(t).is_some()
            || self.line_opener(i, 0).is_some()
        {
            return false;
        }
        let reach = 2 * self.st.w.fn_deferred.len() + 8;
        let foot = (i + 1..self.lines.len())
            .filter(|&j| !self.lines[j].blank)
            .take(reach)
            .find(|&j| {
                let tj = self.trimmed(j);
                foot_furniture(tj) || self.starts_paragraph(j) || lines::op_number(tj).is_some()
            })
            .is_none_or(|j| foot_furniture(self.trimmed(j)));
        if !foot {
            return false;
        }
        let waiting = std::mem::take(&mut self.st.w.fn_deferred);
        let (first, last) = (waiting[0], waiting[waiting.len() - 1]);
        let Some(n) = self.def_number(last) else {
            return false;
        };
        self.st.w.fn_from = Some(first);
        self.st.w.fn_waiting = waiting;
        self.st.w.fn_last_text = None;
        self.st.fn_mode = FnMode::Rule {
            block: Some(last),
            last: n,
            skipped: 0,
        };
        true
    }

    /// Ends the page's column of footnote numbers alone, if one is read.
    fn end_note_column(&mut self) {
        if let Some(from) = self.st.w.fn_from {
            self.st.w.fn_from = None;
            self.sort_note_column(from);
        }
    }

    /// At the end of a page's column of footnote numbers alone (from block
    /// `from` on): pdftotext sets the numbers out of turn among the texts
    /// (`1`, the texts of 1 and 2, `3`, 3's text, `2`), but the texts keep
    /// the page's order. When the numbers are a run with no gap and the
    /// texts split into as many notes (a line that ends with a full stop
    /// ends one), each number gets the text of its rank.
    fn sort_note_column(&mut self, from: usize) {
        let k0 = self
            .defs
            .iter()
            .rposition(|d| d.block < from)
            .map_or(0, |k| k + 1);
        let group = k0..self.defs.len();
        if group.len() < 2 {
            return;
        }
        let numbers: Vec<u32> = self.defs[group.clone()].iter().map(|d| d.number).collect();
        if numbers.windows(2).all(|w| w[0] < w[1]) {
            return;
        }
        let mut sorted = numbers.clone();
        sorted.sort_unstable();
        if sorted.windows(2).any(|w| w[1] != w[0] + 1) {
            return;
        }
        // Each note's number line (a number alone) and the text lines.
        let mut number_lines = Vec::with_capacity(group.len());
        let mut texts: Vec<Range<usize>> = Vec::new();
        for d in &self.defs[group.clone()] {
            let blk = &self.blocks[d.block];
            let Some(own) = blk.lines.iter().find(|r| r.contains(&d.number_range.start)) else {
                return;
            };
            if bare_number(self.src[own.clone()].trim()).is_none() {
                return;
            }
            texts.extend(blk.lines.iter().filter(|r| *r != own));
            number_lines.push(own);
        }
        texts.sort_unstable_by_key(|r| r.start);
        let mut units: Vec<Vec<Range<usize>>> = Vec::new();
        for r in texts {
            let t = self.src[r.clone()].trim();
            let starts = units.last().and_then(|u| u.last()).is_none_or(|prev| {
                let p = self.src[prev.clone()].trim();
                note_finished_line(p) && !t.starts_with(char::is_lowercase)
            });
            if starts {
                units.push(vec![r]);
            } else if let Some(u) = units.last_mut() {
                u.push(r);
            }
        }
        if units.len() != numbers.len() {
            return;
        }
        let mut order: Vec<usize> = (0..numbers.len()).collect();
        order.sort_unstable_by_key(|&k| numbers[k]);
        for (rank, &k) in order.iter().enumerate() {
            let d = k0 + k;
            let b = self.defs[d].block;
            let mut lines: Vec<Range<usize>> = units[rank].clone();
            lines.push(number_lines[k].clone());
            lines.sort_unstable_by_key(|r| r.start);
            if b < self.floor {
                self.touched.push(b);
            }
            self.blocks[b].lines = lines.into_iter().collect();
            self.defs[d].text = units[rank]
                .iter()
                .map(|r| trim_range(self.src, r.clone()))
                .collect();
        }
    }

    /// Line `i`, under a column of footnote numbers: it goes on with the
    /// last footnote that got a text when that one is unfinished (no full
    /// stop) or the line starts in lower case, else it is the next waiting
    /// footnote's text.
    fn column_text(&mut self, i: usize) {
        let t = self.trimmed(i);
        let goes_on = self.st.w.fn_last_text.filter(|&b| {
            t.starts_with(char::is_lowercase)
                || self.blocks[b]
                    .lines
                    .last()
                    .is_some_and(|r| !self.src[r].trim_end().ends_with('.'))
        });
        let b = match goes_on {
            Some(b) => b,
            None => self.st.w.fn_waiting.remove(0),
        };
        self.st.w.fn_last_text = Some(b);
        self.extend_footnote(b, i);
    }

    fn extend_footnote(&mut self, block: usize, i: usize) {
        let r = self.lines[i].range();
        let tr = self.trimmed_range(i);
        self.add_line(block, r);
        if let Some(d) = self.defs.iter_mut().rev().find(|d| d.block == block) {
            d.text.push(tr);
        }
        self.split_glued_notes(block);
        let last = self.last_note(block, 0);
        match &mut self.st.fn_mode {
            FnMode::Block { block: b, last: l } if *b == block => *l = (*l).max(last),
            FnMode::Rule {
                block: Some(b),
                last: l,
                ..
            } if *b == block => *l = (*l).max(last),
            _ => {}
        }
        self.st.prev = Prev::Footnote;
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
            let r = self.lines[next].range();
            self.add_line(b, r);
            next += 1;
        }
        if next > i + 1 {
            self.st.part = Part::Closing;
            self.close_paragraph();
            self.st.prev = Prev::Text;
            return next;
        }
        if let Some(j) = self.next_nonblank(i) {
            let tj = self.trimmed(j);
            if (!t.contains("meeting") && tj.contains("meeting") && j == i + 1)
                || (lines::is_date_line(tj) && j <= i + 2)
            {
                for k in i + 1..=j {
                    let r = self.lines[k].range();
                    self.add_line(b, r);
                }
                next = j + 1;
            }
        }
        self.st.part = Part::Closing;
        self.close_paragraph();
        self.st.prev = Prev::Text;
        next
    }

    fn close_paragraph(&mut self) {
        self.st.w.forget_paragraphs();
        self.st.cur = None;
        self.st.cur_finished = true;
        self.st.cur_has_text = true;
        self.st.holder = None;
        self.st.lost_markers = false;
    }

    fn numbered(&mut self, i: usize, len: usize, n: u32, suffix: Option<String>) {
        let kind = match self.st.part {
            Part::Heading | Part::Preamble | Part::Operative => {
                self.st.part = Part::Operative;
                BlockKind::Operative
            }
            Part::Closing | Part::Annex(_) => BlockKind::AnnexParagraph,
        };
        self.st.annex_title_pending = false;
        let rest = self.trimmed(i)[len..].trim();
        if rest.is_empty() && self.number_under_first_line(i, len, n, &suffix, kind) {
            return;
        }
        if rest.is_empty() && self.number_orphan(i, len, n, &suffix, kind) {
            // A marker alone before it still waits for its text.
            self.wait_for_text();
            return;
        }
        if !rest.is_empty() && !self.st.w.orphans.is_empty() {
            // The numbers' column is over: what waits keeps no number. But
            // a number that leaves room for what waits, a page's worth at
            // most, keeps it waiting: pdftotext sets the number of a
            // page's first paragraph at the page's end, after the
            // paragraphs numbered in their lines (`4.` to `11.`, then `3.`).
            let first = self.st.w.orphans[0];
            let room =
                self.number_before(first).map_or(1, |p| p + 1) + self.st.w.orphans.len() as u32;
            if suffix.is_some() || n < room || n > room + ORPHAN_REACH {
                self.st.w.orphans.clear();
            }
        }
        self.wait_for_text();
        let b = self.push_line(kind, i);
        let r = self.trimmed_range(i);
        let rel = self.blocks[b].lines.rel(r.start..r.start + len);
        self.blocks[b].marker = Some(Box::new(Marker {
            rel,
            kind: MarkerKind::Number { n, suffix },
        }));
        if kind == BlockKind::Operative {
            self.st.op_last = self.st.op_last.max(n);
        }
        self.st.lost_markers = false;
        // A number alone holds sub-paragraphs once its text comes, or once
        // a list of its own starts (`sub_paragraph`).
        if !rest.is_empty() {
            self.holds(b);
        }
        self.open(b, rest);
    }

    /// The highest paragraph number before block `o`, a few blocks back at
    /// most, in this resolution: the count so far. (The last one is not:
    /// numbers set out before their texts (`2.` `3.` then `1. Calls ...`
    /// and the texts of 2 and 3) come before a lower one.)
    fn number_before(&self, o: usize) -> Option<u32> {
        (o.saturating_sub(64)..o)
            .rev()
            .take_while(|&b| self.blocks[b].resolution == self.st.resolution)
            .filter_map(
                |b| match self.blocks[b].marker.as_deref().map(|m| &m.kind) {
                    Some(MarkerKind::Number { n, .. }) => Some(*n),
                    _ => None,
                },
            )
            .max()
    }

    /// Number `n` alone on line `i` given to the first operative paragraph
    /// that waits for one (`State::orphans`), when it is the number that
    /// paragraph comes next with: the line joins that paragraph as its
    /// marker. `false` when none waits or the count does not fit.
    fn number_orphan(
        &mut self,
        i: usize,
        len: usize,
        n: u32,
        suffix: &Option<String>,
        kind: BlockKind,
    ) -> bool {
        let Some(&o) = self.st.w.orphans.first() else {
            return false;
        };
        // In a column, what follows a number is another marker, or the
        // page's end or its footnotes' first number, or the meeting line
        // after the last: text after it is its own.
        if !self.in_marker_column(i, false) {
            return false;
        }
        // The waiting paragraphs count up from the number before the first:
        // the number goes to the one whose turn it is, so a column that an
        // extraction read out of order (pdfminer.six: `6.` `7.` `5.` `4.`)
        // still numbers each text. No number may sit between them.
        let next = self.number_before(o).map_or(1, |p| p + 1);
        let Some(k) = n.checked_sub(next).map(|k| k as usize) else {
            return false;
        };
        if suffix.is_some() || k >= self.st.w.orphans.len() {
            return false;
        }
        let o = self.st.w.orphans[k];
        let numbered_between = (self.st.w.orphans[0] + 1..o).any(|b| {
            self.blocks[b].kind == BlockKind::Operative
                && self.is_number_alone(b)
                && !self.st.w.orphans.contains(&b)
        });
        if self.blocks[o].marker.is_some() || numbered_between {
            return false;
        }
        // Those before it that got their numbers leave the list.
        if k == 0 {
            self.st.w.orphans.remove(0);
            while (self.st.w.orphans.first()).is_some_and(|&b| self.blocks[b].marker.is_some()) {
                self.st.w.orphans.remove(0);
            }
        }
        self.give_number(o, i, len, n, kind);
        true
    }

    /// Number `n`, alone on line `i` (its first `len` bytes), joins
    /// paragraph `o`, which waited for it, as its marker.
    fn give_number(&mut self, o: usize, i: usize, len: usize, n: u32, kind: BlockKind) {
        let r = self.lines[i].range();
        self.add_line(o, r);
        let t = self.trimmed_range(i);
        let rel = self.blocks[o].lines.rel(t.start..t.start + len);
        self.blocks[o].kind = kind;
        self.blocks[o].part = self.st.part;
        self.blocks[o].level = 0;
        self.blocks[o].set_parent(None);
        self.blocks[o].marker = Some(Box::new(Marker {
            rel,
            kind: MarkerKind::Number { n, suffix: None },
        }));
        if kind == BlockKind::Operative {
            self.st.op_last = self.st.op_last.max(n);
        }
        self.st.prev = Prev::Text;
    }

    /// pdfminer.six sets the number of a paragraph that came without it
    /// between the paragraph's first line and its rest (`Invites ... with
    /// the`, `17.`, `International Criminal Court;`). Number `n` alone on
    /// line `i`, right under the open paragraph that waits for a number,
    /// whose turn it is and whose text stops unfinished, with a line right
    /// under it that opens nothing, is that paragraph's: the line goes on
    /// with it. `false` when the shape does not fit.
    fn number_under_first_line(
        &mut self,
        i: usize,
        len: usize,
        n: u32,
        suffix: &Option<String>,
        kind: BlockKind,
    ) -> bool {
        let Some(c) = self.st.cur.filter(|_| self.st.cur_has_text) else {
            return false;
        };
        if suffix.is_some()
            || self.st.w.orphans.last() != Some(&c)
            || i == 0
            || self.blocks[c].lines.last() != Some(self.lines[i - 1].range())
            || self.ends_finished(c)
            || self.number_before(c).map_or(1, |p| p + 1) != n
        {
            return false;
        }
        let Some(t) = (self.lines.get(i + 1)).map(|l| self.src[l.range()].trim()) else {
            return false;
        };
        if t.is_empty()
            || self.line_opener(i + 1, 0).is_some()
            || lines::op_number(t).is_some()
            || lines::sub_marker(t).is_some()
            || lines::is_furniture(t)
            || bare_number(t).is_some()
        {
            return false;
        }
        self.st.w.orphans.pop();
        self.give_number(c, i, len, n, kind);
        self.st.cur = Some(c);
        self.st.cur_has_text = true;
        true
    }

    /// Whether the marker alone on line `i` stands in a column: what
    /// follows it is another marker (alone, with `alone`), a rule, page
    /// furniture, the meeting line, the page's first note's number (or,
    /// without `alone`, its line: `10 See ...`), or the end. Text after it
    /// would be its own.
    fn in_marker_column(&self, i: usize, alone: bool) -> bool {
        self.next_nonblank(i).is_none_or(|j| {
            let tj = self.trimmed(j);
            let marker = match alone {
                true => lines::marker_alone(tj),
                false => lines::op_number(tj).is_some() || lines::sub_marker(tj).is_some(),
            };
            marker
                || lines::is_rule(tj)
                || lines::is_furniture(tj)
                || lines::is_meeting_line(tj)
                || bare_number(tj).is_some_and(|m| self.next_note(m))
                || (!alone
                    && self
                        .footnote_line(tj)
                        .is_some_and(|(m, _, _)| self.next_note(m)))
        })
    }

    /// Whether every numbered paragraph of this resolution so far is a
    /// number alone still waiting for its text (a column of numbers set out
    /// before the last preambular paragraph's text). Looks a few blocks back.
    fn no_operative_text_yet(&self) -> bool {
        let waiting = |b: usize| {
            self.st.w.pending.contains(&b) || (self.st.cur == Some(b) && !self.st.cur_has_text)
        };
        let mut seen = false;
        for b in (self.blocks.len().saturating_sub(200)..self.blocks.len()).rev() {
            let blk = &self.blocks[b];
            if blk.resolution != self.st.resolution || blk.kind == BlockKind::Preambular {
                return seen;
            }
            if blk.kind == BlockKind::Operative {
                if !waiting(b) {
                    return false;
                }
                seen = true;
            }
        }
        false
    }

    /// Paragraph `b` holds the sub-paragraphs that follow.
    fn holds(&mut self, b: usize) {
        self.st.holder = Some(b);
        self.st.sub_last = [0; 5];
    }

    /// Before a new marker: the open paragraph, if it is a marker alone,
    /// waits for its text.
    fn wait_for_text(&mut self) {
        if let Some(c) = self.st.cur.filter(|_| !self.st.cur_has_text) {
            if !self.st.w.pending.contains(&c) {
                self.st.w.pending.push(c);
            }
        }
    }

    fn is_number_alone(&self, b: usize) -> bool {
        self.blocks[b]
            .marker
            .as_ref()
            .is_some_and(|m| matches!(m.kind, MarkerKind::Number { .. }))
    }

    /// Gives line `i`, which starts a paragraph without a marker, to the
    /// first marker alone that waits for it: a number when the line opens
    /// with an operative verb, else a sub-paragraph marker (the first
    /// waiting one when none fits). `false` when none waits.
    fn take_pending(&mut self, i: usize, opener: Option<OpenerKind>) -> bool {
        let cur_waits = self.st.cur.filter(|_| !self.st.cur_has_text);
        let only_numbers =
            (self.st.w.pending.iter().chain(&cur_waits)).all(|&b| self.is_number_alone(b));
        if opener == Some(OpenerKind::Preambular) && only_numbers && self.no_operative_text_yet() {
            // The last preambular paragraph, set out after the numbers:
            // they wait on.
            self.wait_for_text();
            return false;
        }
        self.wait_for_text();
        if self.st.w.pending.is_empty() {
            return false;
        }
        // The paragraph before the column went on across a page break: a
        // line that opens nothing goes on with it (unless that paragraph
        // holds the waiting markers: it introduces their list).
        if opener.is_none() {
            let first = self.st.w.pending[0];
            if let Some(before) = (self
                .unfinished_before(first, self.trimmed(i).starts_with(char::is_lowercase)))
            .filter(|&b| self.blocks[first].parent() != Some(b))
            {
                self.st.cur = Some(before);
                self.append(before, i);
                return true;
            }
        }
        let want_number = opener == Some(OpenerKind::Operative);
        let fits = |b: usize| self.is_number_alone(b) == want_number;
        let k = if want_number {
            // The lowest number first: texts come in their order, and a
            // column of numbers may not (pdfminer.six: `6.` `5.` above
            // `4. Calls ...` and the texts of 5 and 6).
            let number = |b: usize| match self.blocks[b].marker.as_deref().map(|m| &m.kind) {
                Some(MarkerKind::Number { n, .. }) => *n,
                _ => u32::MAX,
            };
            let k = (self.st.w.pending.iter().enumerate())
                .filter(|&(_, &b)| fits(b))
                .min_by_key(|&(k, &b)| (number(b), k))
                .map(|(k, _)| k);
            // No number waits: an item's marker takes an operative verb
            // (`(a) Decides ...`) only where its list goes on; a marker
            // that repeats the last one (pdftotext sets the marker of a
            // page's first paragraph at the page's end) waits on.
            if k.is_none() && !self.continues_list(i) {
                return false;
            }
            k
        } else {
            // The innermost list first: when the last text read introduced
            // a list (`(b)`'s `... by:`) and markers deeper than its own
            // wait (`(i)`, `(ii)`, set out with the outer list's `(c)` to
            // `(h)`), they take the texts before the outer list goes on.
            // Else the marker that follows the last text's in its list
            // (`(ii)` after `(i)`'s text) goes before the outer list's.
            let last = self.last_text_block(self.lines[i].range().start);
            let pending = &self.st.w.pending;
            let introduces = last.is_some_and(|b| self.introduces_list(b));
            let sub = |b: usize| self.sub_marker_of(b);
            let level = last.map(|b| self.blocks[b].level);
            let next = if introduces {
                level.and_then(|l| {
                    (pending.iter()).position(|&b| fits(b) && self.blocks[b].level > l)
                })
            } else {
                last.and_then(sub).and_then(|(l, o)| {
                    (pending.iter()).position(|&b| fits(b) && sub(b) == Some((l, o + 1)))
                })
            };
            next.or_else(|| pending.iter().position(|&b| fits(b)))
        }
        .unwrap_or(0);
        let b = self.st.w.pending.remove(k);
        self.st.cur = Some(b);
        self.st.cur_has_text = false;
        self.append(b, i);
        true
    }

    /// Whether the first marker that waits goes on with the list of the
    /// last text read before line `i`: that text introduces a list, or the
    /// marker is not the last text's own again (`(d)` after `(d)`'s text).
    fn continues_list(&self, i: usize) -> bool {
        let Some(&first) = self.st.w.pending.first() else {
            return false;
        };
        let Some(last) = self.last_text_block(self.lines[i].range().start) else {
            return true;
        };
        self.introduces_list(last)
            || match (self.sub_marker_of(last), self.sub_marker_of(first)) {
                (Some(l), Some(m)) => m != l,
                _ => true,
            }
    }

    /// Whether block `b`'s text so far ends with `:`.
    fn introduces_list(&self, b: usize) -> bool {
        (self.blocks[b].lines.last())
            .is_some_and(|r| matches!(lines::final_char(self.src[r].trim()), Some((_, ':'))))
    }

    /// Block `b`'s sub-paragraph marker: (level, ordinal).
    fn sub_marker_of(&self, b: usize) -> Option<(u8, u32)> {
        match self.blocks[b].marker.as_ref().map(|m| &m.kind) {
            Some(&MarkerKind::Sub { level, ordinal }) => Some((level, ordinal)),
            _ => None,
        }
    }

    /// The paragraph whose text was read last before byte `at` (among the
    /// last 64 blocks: markers set out in a column get their texts later).
    fn last_text_block(&self, at: usize) -> Option<usize> {
        let n = self.blocks.len();
        (n.saturating_sub(64)..n)
            .filter(|&b| {
                matches!(
                    self.blocks[b].kind,
                    BlockKind::Preambular | BlockKind::Operative | BlockKind::SubParagraph
                )
            })
            .filter_map(|b| {
                // Its last line with text: a number set out after its text
                // (`number_orphan`) ends the block on a line of its own.
                let blk = &self.blocks[b];
                let mut with_text = blk.lines.iter().rev().take(4);
                let last = with_text.find(|r| blk.text_start(r) < r.end)?;
                (last.start < at).then_some((last.start, b))
            })
            .max()
            .map(|(_, b)| b)
    }

    /// The paragraph with text right before block `first` (page furniture,
    /// footnotes and blank lines between), when it does not end with its
    /// final punctuation; before a line in lower case, also when it ends
    /// with a comma (a sentence going on: `... the nuclear-weapon States,`
    /// then `in the Final Document ...`).
    fn unfinished_before(&self, first: usize, lower: bool) -> Option<usize> {
        let (b, t) = self.paragraph_before(first)?;
        let goes_on = !lines::ends_finished(t) || (lower && t.ends_with(','));
        goes_on.then_some(b)
    }

    /// The paragraph with text right before block `first` (page furniture,
    /// footnotes and blank lines between), and its last line's text.
    fn paragraph_before(&self, first: usize) -> Option<(usize, &'a str)> {
        for b in (first.saturating_sub(UNFINISHED_REACH)..first).rev() {
            let blk = &self.blocks[b];
            match blk.kind {
                BlockKind::Blank
                | BlockKind::Furniture
                | BlockKind::FootnoteDef
                | BlockKind::StarNote => continue,
                BlockKind::Preambular
                | BlockKind::Operative
                | BlockKind::SubParagraph
                | BlockKind::AnnexParagraph => {
                    let last = blk.lines.last()?;
                    let t = self.src[blk.text_start(&last)..last.end].trim();
                    return (!t.is_empty()).then_some((b, t));
                }
                _ => return None,
            }
        }
        None
    }

    /// Whether paragraph `b`'s last line ends with final punctuation.
    fn ends_finished(&self, b: usize) -> bool {
        let blk = &self.blocks[b];
        (blk.lines.last()).is_some_and(|r| lines::ends_finished(self.src[r.clone()].trim()))
    }

    /// Whether paragraph `b`'s last line stops on a word: no punctuation,
    /// no reference, no number after it (`... the Treaty on Principles`,
    /// the page's notes, then `Governing the Activities of States ...`). No
    /// paragraph ends so: the next text with no opener goes on with it.
    fn stops_on_a_word(&self, b: usize) -> bool {
        let blk = &self.blocks[b];
        (blk.lines.last()).is_some_and(|r| {
            self.src[r.clone()]
                .trim_end()
                .ends_with(char::is_alphabetic)
        })
    }

    /// Whether paragraph `b`'s last line stops on a word such as `the`.
    fn ends_on_function_word(&self, b: usize) -> bool {
        let blk = &self.blocks[b];
        (blk.lines.last()).is_some_and(|r| lines::ends_on_function_word(self.src[r.clone()].trim()))
    }

    /// Makes `b` the open paragraph, whose first line's text is `rest`.
    fn open(&mut self, b: usize, rest: &str) {
        self.st.cur = Some(b);
        self.st.cur_has_text = !rest.is_empty();
        self.st.cur_finished = self.st.cur_has_text && lines::ends_finished(rest);
        self.st.prev = Prev::Text;
        self.after_text(b, rest);
    }

    /// After text is added to paragraph `b` whose last line is `last`.
    fn after_text(&mut self, b: usize, last: &str) {
        if last.is_empty() {
            return;
        }
        let kind = self.blocks[b].kind;
        if kind.is_paragraph() {
            let mut k = self.st.max_ref.max(self.st.max_def);
            while footnote_refs::line_refers_to(last, k + 1, Strength::Medium) {
                k += 1;
            }
            self.st.max_ref = k;
        }
        let colon = matches!(lines::final_char(last), Some((_, ':')));
        // Only the body: an annex is not checked for sub-paragraph markers.
        // A preambular paragraph that ends in `:` introduces a list too.
        let lists = match self.st.part {
            Part::Operative => matches!(kind, BlockKind::Operative | BlockKind::SubParagraph),
            Part::Preamble => kind == BlockKind::Preambular,
            _ => false,
        };
        if lists && colon {
            self.st.lost_markers = true;
            self.st.lost_by = Some(b);
            // An operative text waiting for its number, read as a list's
            // item while the list's markers were lost, introduces its own.
            if kind == BlockKind::SubParagraph
                && self.blocks[b].marker.is_none()
                && self.st.w.orphans.contains(&b)
            {
                self.holds(b);
            }
        } else if self.st.lost_by == Some(b) && !colon {
            // A line that merely wrapped at a colon: the paragraph goes on.
            self.st.lost_markers = false;
            self.st.lost_by = None;
        }
    }

    /// Item `b` of a list, without its marker: when it is a page's first
    /// paragraph, or follows such an item, it waits for a marker at the
    /// page's end (`Waiting::sub_orphans`), with the ordinal that comes
    /// next in its list.
    fn lost_item(&mut self, b: usize, page_top: bool) {
        let parent = self.blocks[b].parent();
        let after_orphan = (self.st.w.sub_orphans.last())
            .filter(|&&(o, _)| self.blocks[o].parent() == parent)
            .filter(|&&(o, _)| self.last_text_block(self.blocks[b].span().start) == Some(o))
            .map(|&(_, n)| n);
        let ordinal = match after_orphan {
            Some(n) => n + 1,
            None if page_top => self.st.sub_last[1] + 1,
            None => return,
        };
        self.st.w.sub_orphans.push((b, ordinal));
        self.st.sub_last[1] = ordinal;
    }

    /// Marker `label` alone on line `i` (of `len` bytes) given to the item
    /// that lost it at the page's top (`lost_item`), when it is that item's
    /// ordinal and the page's end, or other markers alone, follow it.
    fn sub_orphan(&mut self, i: usize, len: usize, label: &str, style: SubStyle) -> bool {
        if style != SubStyle::Paren || !self.trimmed(i)[len..].trim().is_empty() {
            return false;
        }
        let Some(ordinal) = lines::letter_value(label) else {
            return false;
        };
        let Some(k) = (self.st.w.sub_orphans.iter()).position(|&(_, n)| n == ordinal) else {
            return false;
        };
        if !self.in_marker_column(i, true) {
            return false;
        }
        let (o, _) = self.st.w.sub_orphans.remove(k);
        let r = self.lines[i].range();
        self.add_line(o, r);
        let t = self.trimmed_range(i);
        let rel = self.blocks[o].lines.rel(t.start..t.start + len);
        self.blocks[o].marker = Some(Box::new(Marker {
            rel,
            kind: MarkerKind::Sub { level: 1, ordinal },
        }));
        self.st.prev = Prev::Text;
        true
    }

    fn sub_paragraph(&mut self, i: usize, len: usize, label: &str, style: SubStyle) {
        if self.sub_orphan(i, len, label, style) {
            return;
        }
        let (level, ordinal) = self.sub_level(label, style);
        // After a number alone: a list that starts here is its own; one
        // that goes on with the holder's, or that the holder introduced
        // with a colon and has not begun, means the number's text comes
        // later (an extraction set the page's numbers apart).
        if let Some(c) = (self.st.cur).filter(|&c| !self.st.cur_has_text && self.is_number_alone(c))
        {
            let holder_awaits_list = self.st.holder.is_some_and(|h| {
                self.st.sub_last == [0; 5]
                    && self.blocks[h].lines.last().is_some_and(|r| {
                        matches!(lines::final_char(self.src[r].trim()), Some((_, ':')))
                    })
            });
            if (ordinal <= 1 && !holder_awaits_list) || self.st.holder.is_none() {
                self.holds(c);
            } else if !self.st.w.pending.contains(&c) {
                self.st.w.pending.push(c);
            }
        }
        self.wait_for_text();
        self.st.sub_last[level as usize] = ordinal;
        for deeper in level as usize + 1..5 {
            self.st.sub_last[deeper] = 0;
        }
        let b = self.push_line(BlockKind::SubParagraph, i);
        let r = self.trimmed_range(i);
        let rel = self.blocks[b].lines.rel(r.start..r.start + len);
        self.blocks[b].marker = Some(Box::new(Marker {
            rel,
            kind: MarkerKind::Sub { level, ordinal },
        }));
        self.blocks[b].level = level;
        self.blocks[b].set_parent(self.st.holder);
        let rest = self.trimmed(i)[len..].trim();
        self.open(b, rest);
    }

    /// Whether line `t` starts with the bracketed marker that comes next in
    /// the open list (`(b)` after `(a)`): the page's notes end there.
    fn next_list_item(&self, t: &str) -> bool {
        self.st.holder.is_some()
            && lines::sub_marker(t).is_some_and(|(_, label, style)| {
                let (level, ordinal) = self.sub_level(label, style);
                style == SubStyle::Paren && ordinal == self.st.sub_last[level as usize] + 1
            })
    }

    /// A sub-paragraph marker's level and ordinal, read in the list so far.
    fn sub_level(&self, label: &str, style: SubStyle) -> (u8, u32) {
        let (base, roman_level) = match style {
            SubStyle::Paren => (1u8, 2u8),
            SubStyle::Dot => (3, 4),
        };
        let letter = lines::letter_value(label);
        // Of single letters only `i`, `v` and `x` start a numeral list in
        // practice: `(c)` after `(a)` is a letter.
        let roman = lines::roman_value(label)
            .filter(|_| label.len() > 1 || matches!(label, "i" | "v" | "x"));
        match (letter, roman) {
            (Some(l), Some(r)) => {
                // `(i)` after `(h)` is a letter, unless the text before it
                // introduces a list (`... by:`); otherwise a numeral.
                let introduced = self
                    .st
                    .cur
                    .filter(|_| self.st.cur_has_text)
                    .is_some_and(|c| {
                        self.blocks[c].lines.last().is_some_and(|r| {
                            matches!(lines::final_char(self.src[r].trim()), Some((_, ':')))
                        })
                    });
                if self.st.sub_last[base as usize] + 1 == l && l > 1 && !introduced {
                    (base, l)
                } else {
                    (roman_level, r)
                }
            }
            (Some(l), None) => (base, l),
            (None, Some(r)) => (roman_level, r),
            (None, None) => (base, 0),
        }
    }

    fn text_line(&mut self, i: usize, at_block_start: bool) {
        let t = self.trimmed(i);
        if let Some(j) = self.displaced_tail(i, t) {
            // The paragraph at `j` is read as it would be, then takes this
            // line as its first.
            let b = self.blocks.len();
            self.st.prev = Prev::Blank;
            self.text_line(j, true);
            if b + 1 == self.blocks.len()
                && self.blocks[b].lines.first() == Some(self.lines[j].range())
            {
                self.blocks[b].lines = [self.lines[i].range(), self.lines[j].range()]
                    .into_iter()
                    .collect();
                self.blocks[b].displaced_tail = self.blocks[b].kind.is_paragraph();
            }
            self.st.skip_to = j + 1;
            return;
        }
        if at_block_start {
            if let Some(j) = self.first_line_above_marker(i, t) {
                self.marker_after_first_line(i, j, t);
                return;
            }
        }
        // Numbers alone on their line are superscript footnote references an
        // extraction set apart (pdfplumber): it joins the open paragraph
        // without changing whether that one is finished.
        if let (true, Some(c)) = (lines::footnote_numbers_alone(t), self.st.cur) {
            let r = self.lines[i].range();
            self.add_line(c, r);
            let last = t.split_whitespace().last().and_then(|w| w.parse().ok());
            self.st.max_alone_ref = self.st.max_alone_ref.max(last.unwrap_or(0));
            self.st.prev = Prev::Text;
            return;
        }
        // The rest of the line above after a raised footnote number goes on
        // with it, whatever the text before the number ended with.
        if let (Prev::Text, Some(c)) = (self.st.prev, self.st.cur) {
            if self.after_raised_number(i) {
                self.append(c, i);
                return;
            }
        }
        if self.rest_past_number(t) {
            return self.rest_before_number(i);
        }
        let opener = self.line_opener(i, 0);
        // A few displaced words between blank lines after a finished
        // paragraph (pdfminer.six sets the words a justified line spread out
        // apart), or a few in lower case, go with it; the displaced words
        // also while numbers set apart wait for their texts, since a
        // paragraph's text never ends with the gap.
        // And a piece that opens a paragraph after pieces in lower case that
        // started it goes on with them: pdfminer.six may set a line's first
        // word after the line's other pieces (`the`, `relevant`, then
        // `Encourages`); the opener is read from it (`opener_of`).
        if let Some(c) = self.st.cur {
            let piece = || lines::displaced_fragment(self.text(i));
            if at_block_start
                && self.st.cur_has_text
                && matches!(
                    self.blocks[c].kind,
                    BlockKind::Preambular | BlockKind::Operative | BlockKind::SubParagraph
                )
                && (match opener {
                    None => {
                        piece()
                            || (self.st.w.pending.is_empty()
                                && t.starts_with(char::is_lowercase)
                                && lines::few_words(t))
                    }
                    Some(_) => piece() && matches!(self.lower_pieces(c), (1.., false)),
                } || (opener == Some(OpenerKind::Operative) && self.number_over_pieces(c)))
                && !self.is_section_heading(i)
            {
                self.append(c, i);
                return;
            }
        }
        if let Some(c) = self.st.cur {
            // In every layout, a listed opener after a finished paragraph
            // starts one, blank line or not (text extracted with no blank
            // lines and no indents).
            // While markers wait for their texts, a capital after a text
            // ended by `;` or `.` starts the next text (an extraction that
            // set a page's texts one under the other).
            let next_text = !self.st.w.pending.is_empty()
                && t.trim_start_matches('[').starts_with(char::is_uppercase)
                && self.blocks[c].lines.last().is_some_and(|r| {
                    matches!(lines::final_char(self.src[r].trim()), Some((_, ';' | '.')))
                });
            // After a paragraph that introduces a list, or an item of a
            // list whose markers were lost, a capital starts the next item
            // (text extracted with no blank lines).
            let lost_item = self.st.lost_markers
                && self.st.part == Part::Operative
                && t.starts_with(char::is_uppercase)
                && self.blocks[c].lines.last().is_some_and(|r| {
                    matches!(lines::final_char(self.src[r].trim()), Some((_, ':' | ';')))
                });
            // While numbers set apart wait for their texts, an operative
            // verb starts the next text even after a line that ends
            // unfinished (a paragraph that lost its last words, on pages
            // with no space between paragraphs). Not a piece of a line
            // (pdfminer.six): the verb is then that line's first word, the
            // line's other pieces may come before it.
            let number_waits = opener == Some(OpenerKind::Operative)
                && self.st.cur_has_text
                && !lines::displaced_fragment(self.text(i))
                && (self.st.w.pending.iter()).any(|&b| self.is_number_alone(b));
            let starts = at_block_start
                || number_waits
                || (self.st.cur_finished
                    && (opener.is_some() || next_text || lost_item || self.is_section_heading(i)));
            // (An operative verb after a sub-paragraph's marker alone is
            // that item's text only where the list goes on:
            // `take_pending`.)
            let waits = !self.st.cur_has_text
                && (!self.st.w.pending.is_empty()
                    || opener == Some(OpenerKind::Preambular)
                    || (opener == Some(OpenerKind::Operative) && !self.is_number_alone(c)));
            if waits {
                if self.take_pending(i, opener) {
                    return;
                }
            } else if !self.st.cur_has_text || !starts {
                self.append(c, i);
                return;
            }
        }
        // After a comma, a block that starts in lower case goes on with the
        // paragraph (a page break in mid-sentence), and so does one that
        // starts with a digit: no paragraph does but a numbered one (`...
        // 56/9 of 27 November 2001,`, then `57/11 of 12 November 2002, ...`).
        let lower_start = t.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            && self
                .st
                .cur
                .and_then(|c| self.blocks[c].lines.last())
                .is_some_and(|r| {
                    matches!(
                        lines::final_char(self.src[r.clone()].trim()),
                        Some((_, ','))
                    )
                });
        // In the operative part a comma ends no paragraph or item (they end
        // with `;`, `.` or `:`): a block after one that starts with a
        // capital but no opener goes on with it (a page break before a
        // name: `... Kafr Zayta,18` then `Syrian Arab Republic, which ...`).
        let after_comma = |c: usize| {
            self.st.part == Part::Operative
                && opener.is_none()
                && self.st.w.pending.is_empty()
                && matches!(
                    self.blocks[c].kind,
                    BlockKind::Operative | BlockKind::SubParagraph
                )
                && t.starts_with(char::is_uppercase)
                && self.blocks[c].lines.last().is_some_and(|r| {
                    matches!(lines::final_char(self.src[r].trim()), Some((_, ',')))
                })
        };
        // A block with no opener right after a page's notes, whose run
        // refers to the next note, goes on with a paragraph that stopped at
        // `;` or `,` (a list of resolutions that a page's note broke: `...
        // Korea”;`, then `1 See A/80/348.`, then `GC(69)/RES/14, entitled
        // ...`, and below `... 2025;2 and`).
        let cites_next = |c: usize| {
            opener.is_none()
                && ((0..self.blocks.len()).rev().take(8))
                    .map(|b| self.blocks[b].kind)
                    .find(|k| !matches!(k, BlockKind::Blank | BlockKind::Furniture))
                    == Some(BlockKind::FootnoteDef)
                && self.blocks[c].kind.is_paragraph()
                && self.blocks[c].lines.last().is_some_and(|r| {
                    matches!(lines::final_char(self.src[r].trim()), Some((_, ';' | ',')))
                })
                && self.run_refers_to_next_note(i)
        };
        // A block whose first word is a name with the next reference glued
        // to it goes on with the paragraph whose last line ends with the
        // reference before (a list of treaties that PyMuPDF's blocks broke
        // at a raised number: `... Tlatelolco,6`, then `Rarotonga,7 Bangkok8
        // ...`). No paragraph opens on a referenced name.
        let next_ref = |c: usize| {
            opener.is_none()
                && self.blocks[c].kind.is_paragraph()
                && self.blocks[c].lines.last().is_some_and(|r| {
                    lines::ending_ref(&self.src[r])
                        .is_some_and(|k| lines::name_with_ref_first(t) == Some(k + 1))
                })
        };
        if let Some(c) = self.st.cur {
            if (!self.st.cur_finished && opener.is_none() && !self.is_section_heading(i))
                || lower_start
                || (after_comma(c) && !self.is_section_heading(i))
                || cites_next(c)
                || next_ref(c)
            {
                self.append(c, i);
                return;
            }
        }
        if !self.st.w.pending.is_empty() && self.take_pending(i, opener) {
            return;
        }
        if self.st.annex_title_pending && opener.is_none() {
            let b = self.push_line(BlockKind::AnnexHeading, i);
            let mut j = i + 1;
            let h = self.next_resolution_line();
            while j < self.lines.len()
                && j < h
                && !self.lines[j].blank
                && !self.starts_paragraph(j)
                && (self.layout != Layout::Indented || !self.indented_start(j))
            {
                let r = self.lines[j].range();
                self.add_line(b, r);
                j += 1;
            }
            // The extra lines are consumed by marking them handled below.
            self.st.annex_title_pending = false;
            self.st.cur = Some(b);
            self.st.cur_finished = true;
            self.st.cur_has_text = true;
            self.st.prev = Prev::Text;
            self.st.skip_to = j;
            return;
        }
        if self.is_section_heading(i) {
            let b = self.push_line(BlockKind::SectionHeading, i);
            if !self.ends_heading(i + 1) {
                // Its second line (`heading_wraps_onto`).
                let r = self.lines[i + 1].range();
                self.add_line(b, r);
                self.st.skip_to = i + 2;
            }
            self.close_paragraph();
            self.st.prev = Prev::Text;
            return;
        }
        let kind = match self.st.part {
            Part::Heading | Part::Preamble => {
                if self.st.lost_markers && self.st.holder.is_some() && opener.is_none() {
                    // The items of a preambular list whose markers were lost,
                    // up to the next listed opener or OP.
                    BlockKind::SubParagraph
                } else if opener == Some(OpenerKind::Operative) && !self.numbered_op() {
                    self.st.part = Part::Operative;
                    BlockKind::Operative
                } else {
                    BlockKind::Preambular
                }
            }
            Part::Operative => {
                if self.st.lost_markers && self.st.holder.is_some() {
                    BlockKind::SubParagraph
                } else if opener == Some(OpenerKind::Preambular) {
                    BlockKind::Preambular
                } else if opener == Some(OpenerKind::Operative) && !self.numbered_op() {
                    BlockKind::Operative
                } else {
                    BlockKind::Unknown
                }
            }
            Part::Closing | Part::Annex(_) => BlockKind::AnnexParagraph,
        };
        // Before the numbers' column the preamble goes on: a preambular
        // paragraph after numbers alone whose texts have not come yet.
        let preamble_goes_on = kind == BlockKind::Preambular
            && self.st.part == Part::Operative
            && self.no_operative_text_yet();
        if preamble_goes_on {
            self.st.part = Part::Preamble;
        }
        let page_top = self.after_furniture();
        let b = self.push_line(kind, i);
        if preamble_goes_on {
            self.st.part = Part::Operative;
        }
        // An operative paragraph without a number in a numbered body (read
        // as preambular while no number came yet, or as an item of a list
        // whose markers were lost) may get one from a column of numbers
        // set out after the texts.
        if matches!(
            kind,
            BlockKind::Unknown | BlockKind::Preambular | BlockKind::SubParagraph
        ) && matches!(self.st.part, Part::Operative | Part::Preamble)
            && opener == Some(OpenerKind::Operative)
            && self.numbered_op()
        {
            self.st.w.orphans.push(b);
            // It holds the list that follows, as it will with its number.
            if kind == BlockKind::Unknown {
                self.holds(b);
            }
        }
        if kind == BlockKind::SubParagraph {
            self.blocks[b].level = 1;
            self.blocks[b].set_parent(self.st.holder);
            self.lost_item(b, page_top);
        }
        if matches!(kind, BlockKind::Operative | BlockKind::AnnexParagraph) {
            self.st.holder = Some(b);
            self.st.sub_last = [0; 5];
        }
        if kind == BlockKind::Preambular {
            self.st.holder = Some(b);
            self.st.sub_last = [0; 5];
            self.st.lost_markers = false;
            self.st.lost_by = None;
        }
        self.open(b, t);
    }

    /// Whether line `t`, in lower case under an operative number alone, is
    /// the rest of the numbered paragraph above, whose first line stops
    /// unfinished (pdfminer.six on pages with no space between paragraphs:
    /// `[2 bis. Encourages ... that are`, `3.`, `universal, adequate ...;]`,
    /// then 3's text). An operative paragraph's text never starts in lower
    /// case; a paragraph that stops mid-sentence goes on.
    fn rest_past_number(&self, t: &str) -> bool {
        let Some(c) = self.st.cur.filter(|_| !self.st.cur_has_text) else {
            return false;
        };
        if !t.starts_with(char::is_lowercase)
            || self.blocks[c].kind != BlockKind::Operative
            || !self.is_number_alone(c)
        {
            return false;
        }
        let Some(b) = self.last_text_block(self.blocks[c].lines.first().map_or(0, |r| r.start))
        else {
            return false;
        };
        matches!(
            self.blocks[b].kind,
            BlockKind::Operative | BlockKind::SubParagraph
        ) && self.blocks[b].marker.is_some()
            && !self.ends_finished(b)
    }

    /// Line `i` goes on with the paragraph before the number alone that is
    /// open (`rest_past_number`); the number waits for the next text.
    fn rest_before_number(&mut self, i: usize) {
        self.wait_for_text();
        let at = self
            .st
            .cur
            .map_or(0, |c| self.blocks[c].lines.first().map_or(0, |r| r.start));
        if let Some(b) = self.last_text_block(at) {
            self.st.cur = Some(b);
            self.st.cur_has_text = true;
            self.append(b, i);
        }
    }

    /// pdfminer.six sets a paragraph's marker in a box of its own between
    /// the paragraph's first line and the rest (`Decides to proclaim ...
    /// Day`, `1.`, `of the World's ...`; `Assisting Member States ... to`,
    /// `(i)`, `promote, develop ...`). Is line `i` (`t`, trimmed), which
    /// starts a block, such a first line? Its text is unfinished (or ends
    /// with a comma); the next line, or the one after a blank line, is a
    /// marker alone that comes next in its count; and the line after the
    /// marker, or after a blank line, goes on (in lower case, or opening
    /// nothing after a line that stops mid-phrase). Returns the marker's
    /// line.
    fn first_line_above_marker(&self, i: usize, t: &str) -> Option<usize> {
        if !matches!(self.st.part, Part::Preamble | Part::Operative)
            || !self.st.w.pending.is_empty()
            || !(self.st.cur.is_none() || self.st.cur_has_text)
            || self.st.annex_title_pending
            || matches!(lines::final_char(t), None | Some((_, ';' | '.' | ':')))
        {
            return None;
        }
        // The next line with text, past one blank line at most.
        let next = |l: usize| match self.lines.get(l) {
            Some(x) if x.blank => (self.lines.get(l + 1))
                .is_some_and(|y| !y.blank)
                .then_some(l + 1),
            Some(_) => Some(l),
            None => None,
        };
        let j = next(i + 1)?;
        let k = next(j + 1)?;
        // After a line that stops mid-phrase (`Reaffirms ... the mandate
        // of the`), the rest may start with a capital, a digit or a quote
        // (`Peacebuilding Commission, and ...`, `27 chemical weapons ...`),
        // but opens nothing. (A number's first line then has an opener: a
        // section heading may stand above the number of a paragraph set
        // out before its text.)
        let tj = self.trimmed(j);
        let tk = self.trimmed(k);
        let mid_phrase = || {
            !lines::ends_finished(t)
                && (lines::op_number(tj).is_none() || self.line_opener(i, 0).is_some())
                && self.line_opener(k, 0).is_none()
        };
        // Never what ends a column of numbers (`Parser::number_orphan`
        // would give the number to a paragraph waiting for one).
        let text = || {
            lines::op_number(tk).is_none()
                && lines::sub_marker(tk).is_none()
                && bare_number(tk).is_none()
                && !lines::is_rule(tk)
                && !lines::is_furniture(tk)
                && !lines::is_meeting_line(tk)
        };
        if !((tk.starts_with(char::is_lowercase) || mid_phrase()) && text()) {
            return None;
        }
        if let Some((len, n, suffix)) = lines::op_number(tj) {
            // The number the count comes to next (`2 bis` after 2), under a
            // first line that starts with a capital (an opener, or one
            // misspelt): the paragraph before may have lost its end to the
            // page's scramble.
            let expected = self.st.op_last + 1;
            let next = if suffix.is_some() { n + 1 } else { n };
            let fits = tj[len..].trim().is_empty()
                && next == expected
                && t.starts_with(char::is_uppercase);
            return fits.then_some(j);
        }
        // A list's item after a paragraph ended as a list's items end, or
        // under an opener.
        let (len, label, style) = lines::sub_marker(tj)?;
        if style != SubStyle::Paren
            || !tj[len..].trim().is_empty()
            || self.st.holder.is_none()
            || !(self.st.cur_finished || self.line_opener(i, 0).is_some())
        {
            return None;
        }
        let (level, ordinal) = self.sub_level(label, style);
        (ordinal == self.st.sub_last[level as usize] + 1).then_some(j)
    }

    /// Reads marker line `j` (`first_line_above_marker`) as it would be
    /// read, then gives its paragraph line `i` (`t`) as its first: the
    /// lines after the marker go on with it.
    fn marker_after_first_line(&mut self, i: usize, j: usize, t: &str) {
        let tj = self.trimmed(j);
        let number = lines::op_number(tj);
        if let Some((len, n, suffix)) = number.clone() {
            self.numbered(j, len, n, suffix);
        } else if let Some((len, label, style)) = lines::sub_marker(tj) {
            self.sub_paragraph(j, len, label, style);
        }
        let b = self.blocks.len() - 1;
        let blk = &mut self.blocks[b];
        debug_assert_eq!(blk.lines.first(), Some(self.lines[j].range()));
        let marker = blk.marker_range();
        blk.lines = [self.lines[i].range(), self.lines[j].range()]
            .into_iter()
            .collect();
        if let (Some(m), Some(mk)) = (marker, blk.marker.as_mut()) {
            mk.rel = blk.lines.rel(m);
        }
        if number.is_some() {
            self.holds(b);
        }
        self.open(b, t);
        // The paragraph goes on after its marker, whatever its first line
        // ended with.
        self.st.cur_finished = false;
        self.st.skip_to = j + 1;
    }

    /// Is line `i` (`t`, trimmed) the last line of the paragraph that
    /// starts two lines below, which pdftotext set above it (`session,1`,
    /// then a blank line, then `Having considered ... eighty-fifth` and
    /// a blank line)? It must end with a raised reference
    /// (`lines::tail_with_ref`) right under a finished text, and the
    /// paragraph below open with an opener and run (at most `TAIL_REACH`
    /// lines more) to a last line with no final punctuation.
    /// Returns the paragraph's first line.
    fn displaced_tail(&self, i: usize, t: &str) -> Option<usize> {
        if !lines::tail_with_ref(t)
            || i == 0
            || self.lines[i - 1].blank
            || !self.lines.get(i + 1).is_some_and(|l| l.blank)
            || !self.st.w.pending.is_empty()
            || self.st.annex_title_pending
            || !(self.st.cur.is_none() || self.st.cur_finished)
            || !lines::ends_finished(self.trimmed(i - 1))
        {
            return None;
        }
        let j = i + 2;
        if self.lines.get(j).is_none_or(|l| l.blank)
            || self.line_opener(j, 0).is_none()
            || lines::op_number(self.trimmed(j)).is_some()
        {
            return None;
        }
        let mut k = j;
        while k + 1 < self.lines.len() && !self.lines[k + 1].blank {
            k += 1;
            if k - j > TAIL_REACH || self.starts_paragraph(k) {
                return None;
            }
        }
        // A one-line paragraph only where no section heading reads there.
        let one_line_heading = k == j && self.is_section_heading(j);
        (!one_line_heading && !lines::ends_finished(self.trimmed(k))).then_some(j)
    }

    /// A one-line block with no final punctuation after a finished paragraph,
    /// in the operative part, in an annex, or just before OP 1.
    fn is_section_heading(&self, i: usize) -> bool {
        let t = self.trimmed(i);
        if t.chars().count() > 150
            || !t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || !t.contains(char::is_alphabetic)
            || lines::ends_finished(t)
            || lines::ends_on_function_word(t)
            || self.line_opener(i, 0).is_some()
        {
            return false;
        }
        if !self.st.cur_finished {
            return false;
        }
        let next = self.next_nonblank(i);
        // Right after an operative paragraph that introduces a list, an item
        // (unless a numbered paragraph follows: `32. ... terrorism:` `I` `33.`).
        let after_colon = self
            .st
            .cur
            .and_then(|c| self.blocks[c].lines.last())
            .is_some_and(|r| matches!(lines::final_char(self.src[r].trim()), Some((_, ':'))));
        if after_colon
            && self.st.part == Part::Operative
            && next.is_none_or(|j| lines::op_number(self.trimmed(j)).is_none())
        {
            return false;
        }
        // Alone in its block: the next line starts a block (in the indented
        // layout, an indented line does); or a heading wrapped onto a second
        // line that ends the block.
        let next = if self.ends_heading(i + 1) {
            next
        } else if self.heading_wraps_onto(i) {
            self.next_nonblank(i + 1)
        } else {
            return false;
        };
        // What follows a heading starts with a capital, a number or a
        // marker; a line in lower case after a blank line goes on with this
        // one (a page broke it: `... the 661 Committee, UNMOVIC` then `and
        // IAEA may issue ...`).
        if next.is_some_and(|j| self.trimmed(j).starts_with(char::is_lowercase)) {
            return false;
        }
        match self.st.part {
            Part::Operative | Part::Annex(_) => true,
            Part::Preamble => next.is_some_and(|j| {
                lines::op_number(self.trimmed(j)).is_some()
                    || (self.first_line_above_marker(j, self.trimmed(j)))
                        .is_some_and(|m| lines::op_number(self.trimmed(m)).is_some())
            }),
            _ => false,
        }
    }

    /// Whether line `i`, a heading without final punctuation, goes on to
    /// the next line, which ends its block: a long heading wrapped
    /// (`**Department of Political and Peacebuilding Affairs/Peacebuilding`
    /// then `Support Office**`, as pandoc wraps at 72 columns). Its first
    /// line is long (it wrapped): not two short items of a list (`Impellers`
    /// then `Casings`).
    fn heading_wraps_onto(&self, i: usize) -> bool {
        let j = i + 1;
        let Some(l) = self.lines.get(j) else {
            return false;
        };
        let t = self.trimmed(j);
        !l.blank
            && t.starts_with(char::is_alphabetic)
            && !lines::ends_finished(t)
            && !t.ends_with(['?', '!'])
            && !self.trimmed(i).ends_with(['?', '!'])
            && lines::op_number(self.trimmed(i)).is_none()
            && !self.starts_paragraph(j)
            && (self.layout != Layout::Indented || !self.indented_start(j))
            && (40..=150usize.saturating_sub(t.chars().count()))
                .contains(&self.trimmed(i).chars().count())
            && self.ends_heading(j + 1)
    }

    /// Whether line `j` (past the end or not) ends a heading above it: it is
    /// blank or starts a block.
    fn ends_heading(&self, j: usize) -> bool {
        self.lines.get(j).is_none_or(|l| {
            l.blank
                || self.starts_paragraph(j)
                || (self.layout == Layout::Indented && self.indented_start(j))
        })
    }

    /// Gives block `b` one more line.
    fn add_line(&mut self, b: usize, r: Range<usize>) {
        if b < self.floor {
            self.touched.push(b);
        }
        self.blocks[b].lines.push(r);
    }

    fn append(&mut self, b: usize, i: usize) {
        let r = self.lines[i].range();
        self.add_line(b, r);
        let t = self.trimmed(i);
        if !self.st.cur_has_text {
            self.st.cur_has_text = true;
            // A number alone that gets its text holds what follows.
            if self.is_number_alone(b) {
                self.holds(b);
            }
        }
        self.st.cur_finished = lines::ends_finished(t);
        self.st.prev = Prev::Text;
        self.after_text(b, t);
    }

    /// Openers of the blocks of `span` marked `dirty` (all past its end),
    /// footnote candidates of the blocks of `span` (the others keep theirs,
    /// in `kept`), footnote references, then the document. With `old` (a
    /// re-parse's), the resolutions wholly outside `span` keep their old
    /// references, moved, instead of being resolved again.
    fn finish(
        mut self,
        dirty: &[bool],
        span: Range<usize>,
        mut kept: Vec<Candidate>,
        old: Option<OldRefs>,
    ) -> (Document, ParseCache) {
        // The candidates of the blocks of `span` (from the first dirty one
        // to the last) are made again, in one piece (those of a clean block
        // among them come out the same).
        let is_dirty = |b: usize| dirty.get(b).copied().unwrap_or(true);
        let span = span.start..span.end.min(self.blocks.len());
        if !span.is_empty() {
            let mut made = Vec::new();
            for b in span.clone() {
                let kind = self.blocks[b].kind;
                if is_dirty(b)
                    && matches!(
                        kind,
                        BlockKind::Preambular | BlockKind::Operative | BlockKind::Unknown
                    )
                {
                    self.blocks[b].opener = self.opener_of(b).map(Box::new);
                }
                footnote_refs::candidates_into(self.src, &self.blocks[b], b, &mut made);
            }
            let from = kept.partition_point(|c| c.block < span.start);
            let to = kept.partition_point(|c| c.block < span.end);
            kept.splice(from..to, made);
        }
        // Read before `old` goes to the references.
        let draft_form_defs = old.as_ref().and_then(|o| o.draft_form_defs);
        // Each resolution of the document has its own footnotes (from 1, or
        // going on from the resolutions before).
        let mut footnote_counts = Vec::with_capacity(self.res_first_block.len());
        // After a re-parse: the references made anew and the old ones they
        // replaced (all of them but after `refs_after_reparse`).
        let (refs, footnotes_changed) = if self.res_starts.is_empty() {
            let refs = footnote_refs::resolve(&kept, &self.defs);
            footnote_counts.push((self.defs.len(), refs.len()));
            let changed = old.map(|o| incremental::FootnotesChanged::whole(o, refs.len(), 1));
            (refs, changed)
        } else {
            debug_assert!(self.res_first_block.iter().enumerate().all(|(k, &b)| {
                self.blocks[b].resolution as usize == k
                    && (b == 0 || self.blocks[b - 1].resolution as usize + 1 == k)
            }));
            // Split at each resolution's first block, searching forward from
            // the start of the rest (a resolution's candidates lie close
            // together; the blocks themselves are not read). After a
            // re-parse that left the resolutions as many as they were, the
            // old references are kept in place but for those of the
            // resolutions it touched (`incremental::refs_after_reparse`).
            let n = self.res_first_block.len();
            if numbered_across(&self.res_first_block, &kept, &self.defs) {
                let refs = footnote_refs::resolve(&kept, &self.defs);
                footnote_counts.push((self.defs.len(), refs.len()));
                let changed = old.map(|o| incremental::FootnotesChanged::whole(o, refs.len(), 1));
                (refs, changed)
            } else {
                match old {
                    Some(o)
                        if o.resolutions == n && o.counts.len() == n && span.start < span.end =>
                    {
                        let (refs, changed) = incremental::refs_after_reparse(
                            &self.res_first_block,
                            &kept,
                            &self.defs,
                            span.clone(),
                            o,
                            &mut footnote_counts,
                        );
                        (refs, Some(changed))
                    }
                    old => {
                        let mut refs = Vec::new();
                        let (mut cands, mut defs) = (&kept[..], &self.defs[..]);
                        for k in 0..n {
                            let end = self
                                .res_first_block
                                .get(k + 1)
                                .copied()
                                .unwrap_or(usize::MAX);
                            let nc = gallop(cands, |c| c.block < end);
                            let nd = gallop(defs, |d| d.block < end);
                            let refs_before = refs.len();
                            refs.extend(footnote_refs::resolve(&cands[..nc], &defs[..nd]));
                            footnote_counts.push((nd, refs.len() - refs_before));
                            (cands, defs) = (&cands[nc..], &defs[nd..]);
                        }
                        let changed =
                            old.map(|o| incremental::FootnotesChanged::whole(o, refs.len(), n));
                        (refs, changed)
                    }
                }
            }
        };
        let draft_form_defs =
            draft_form_defs.unwrap_or_else(|| draft_form_count(self.src, &self.defs));
        let footnote_form = footnote_form(self.src, &self.defs, &refs, draft_form_defs);
        let crlf = self
            .lines
            .first()
            .is_some_and(|l| self.src[l.range().end..].starts_with("\r\n"));
        let doc = Document {
            blocks: self.blocks.into_vec(),
            chapeau: self.chapeau,
            organ: self.organ,
            title: self.title,
            layout: self.layout,
            footnote_form,
            footnote_defs: self.defs,
            footnote_refs: refs,
            footnote_counts,
            crlf,
        };
        let cache = ParseCache {
            lines: self.lines,
            facts: self.facts,
            checkpoints: self.checkpoints,
            candidates: kept,
            body_start: self.body_start,
            res_starts: self.res_starts,
            title_norms: self.title_norms,
            res_first_block: self.res_first_block,
            layout: self.layout,
            has_numbered_op: self.has_numbered_op,
            body_counts: self.body_counts,
            draft_form_defs,
            changed: None,
            footnotes_changed,
        };
        (doc, cache)
    }

    /// The first words of a paragraph (after its marker), across its lines.
    /// In an operative paragraph the opener may follow an introductory
    /// phrase closed by a comma (`Pending the total elimination of nuclear
    /// weapons, urges`): then it is the verb after the phrase.
    /// How many lines of paragraph `b`'s text are pieces of a line in lower
    /// case (pdfminer.six), before any other text, and whether the line after
    /// them opens a paragraph (a piece, or a whole line): `(0, false)` when
    /// its text does not start with such pieces.
    fn lower_pieces(&self, b: usize) -> (usize, bool) {
        let block = &self.blocks[b];
        let mut n = 0;
        for r in block.lines.iter() {
            let start = block.text_start(&r);
            if start >= r.end {
                continue;
            }
            let line = &self.src[start..r.end];
            let t = line.trim();
            if !lines::displaced_fragment(line) || n >= MAX_PIECES {
                // A whole line that opens after the pieces: the line they
                // came from is further down (`the Treaty on`, `the
                // objectives of`, then `Emphasizes that ...`).
                let opens = (1..MAX_PIECES).contains(&n)
                    && !t.starts_with(char::is_lowercase)
                    && self.vocab.line_opener(t).is_some();
                return (n, opens);
            }
            if !t.starts_with(char::is_lowercase) {
                let opens = n > 0 && self.vocab.line_opener(t).is_some();
                return if opens { (n, true) } else { (0, false) };
            }
            n += 1;
        }
        (n, false)
    }

    /// Whether paragraph `b` is an operative number whose text so far is
    /// pieces of a line in lower case alone (pdfminer.six set them before
    /// the text they came from, while the numbers waited in a column): a
    /// line that opens with an operative verb is that text's start.
    fn number_over_pieces(&self, b: usize) -> bool {
        let block = &self.blocks[b];
        if block.kind != BlockKind::Operative || !self.is_number_alone(b) {
            return false;
        }
        let with_text = (block.lines.iter())
            .filter(|r| {
                block.text_start(r) < r.end
                    && !self.src[block.text_start(r)..r.end].trim().is_empty()
            })
            .count();
        matches!(self.lower_pieces(b), (n, false) if n > 0 && n == with_text)
    }

    fn opener_of(&self, b: usize) -> Option<Opener> {
        let block = &self.blocks[b];
        // Up to 40 words (the longest opener is 16; an introductory phrase
        // may take more), on the stack.
        const MAX: usize = 40;
        let mut starts = [0usize; MAX];
        let mut ends = [0usize; MAX];
        let mut plain = [""; MAX];
        let mut comma = [false; MAX];
        let mut n = 0;
        let mut pieces = match self.lower_pieces(b) {
            (n, true) => n,
            _ => 0,
        };
        let skip = usize::from(block.displaced_tail || block.refs_above);
        'outer: for r in block.lines.iter().skip(skip) {
            let start = block.text_start(&r);
            if start >= r.end {
                continue;
            }
            if pieces > 0 {
                pieces -= 1;
                continue;
            }
            let line = &self.src[start..r.end];
            for w in line.split_whitespace() {
                // `w` is a slice of `line`: its offset is the pointer difference.
                let mut pos = w.as_ptr() as usize - line.as_ptr() as usize;
                let mut w = w;
                // A draft's square bracket before the paragraph's first word
                // (`[Deeply concerned that ...]`) is no part of the opener.
                if n == 0 {
                    if let Some(rest) = w
                        .strip_prefix('[')
                        .filter(|r| r.starts_with(char::is_alphabetic))
                    {
                        (w, pos) = (rest, pos + 1);
                    }
                }
                let stripped = w.trim_end_matches([',', ':', ';']);
                starts[n] = start + pos;
                ends[n] = start + pos + stripped.len();
                plain[n] = stripped;
                comma[n] = w.ends_with(',');
                n += 1;
                if n >= MAX {
                    break 'outer;
                }
            }
        }
        if n == 0 {
            return None;
        }
        let found = |from: usize, words: usize, kind: OpenerKind| {
            let end = ends[from + words - 1];
            Opener {
                rel: block.lines.rel(starts[from]..end),
                phrase: self.src[starts[from]..end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                kind: Some(kind),
            }
        };
        if let Some(m) = self.vocab.match_words(&plain[..n.min(16)]) {
            return Some(found(0, m.words, m.kind));
        }
        if block.kind == BlockKind::Operative {
            // The verb after the first comma, when the words before it open
            // no paragraph (a preambular opener there is misplaced, and was
            // matched above).
            if let Some(k) = comma[..n].iter().position(|&c| c).map(|k| k + 1) {
                if let Some(m) = self
                    .vocab
                    .match_lowered(&plain[k..n.min(k + 16)])
                    .filter(|m| m.kind == OpenerKind::Operative)
                {
                    return Some(found(k, m.words, m.kind));
                }
            }
        }
        Some(Opener {
            rel: block.lines.rel(starts[0]..ends[0]),
            phrase: plain[0].to_string(),
            kind: None,
        })
    }
}

/// Could the normalised words of `t` (`lines::normalise_words`) be part of
/// `title` (normalised) and at least `min` bytes long? False only when they
/// cannot: their first bytes (up to 16, up to the first non-ASCII character)
/// are a prefix of them, so they must occur in the title. `squeezed`: the
/// words without spaces, against the title without spaces.
fn may_be_title_part(title: &[u8], t: &str, min: usize, squeezed: bool) -> bool {
    const MAX: usize = 16;
    let mut buf = [0u8; MAX];
    let mut n = 0;
    // A word with output is behind us and whitespace came after it.
    let mut sep = false;
    let mut whole = true;
    let mut early = false;
    for &c in t.as_bytes() {
        if c >= 0x80 {
            whole = false;
            break;
        }
        // `char::is_whitespace` on ASCII.
        if matches!(c, b'\t'..=b'\r' | b' ') {
            sep = n > 0;
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            continue;
        }
        if n + usize::from(sep) >= MAX {
            whole = false;
            break;
        }
        if sep && !squeezed {
            buf[n] = b' ';
            n += 1;
        }
        sep = false;
        buf[n] = c.to_ascii_lowercase();
        n += 1;
        // Most lines are refused on their first few bytes.
        if !early && n >= 6 {
            if !occurs(title, &buf[..n]) {
                return false;
            }
            early = true;
        }
    }
    if whole && n < min {
        return false;
    }
    occurs(title, &buf[..n])
}

/// A running head on one line without its symbol, first or last
/// (`A/RES/80/24 Nuclear disarmament`, `Nuclear disarmament A/RES/80/24`);
/// `None` when neither end is a symbol.
fn without_symbol(t: &str) -> Option<&str> {
    let symbol = |w: &str| lines::is_furniture(w) && w.contains('/');
    let b = t.as_bytes();
    // pdf.js (Firefox's viewer) sets no space between the symbol and the
    // title beside it: `A/RES/80/24Nuclear disarmament`, `Report of the
    // International Criminal CourtA/RES/80/6`.
    // (Every symbol has a `/`: most lines are refused on that.)
    let first = t.split(char::is_whitespace).next().unwrap_or(t);
    let glued = (1..first.len().saturating_sub(1))
        .filter(|_| first.contains('/'))
        .find(|&k| {
            b[k - 1].is_ascii_digit() && b[k].is_ascii_uppercase() && b[k + 1].is_ascii_lowercase()
        });
    if let Some(k) = glued.filter(|&k| symbol(&t[..k])) {
        return Some(&t[k..]);
    }
    match t.split_once(char::is_whitespace) {
        Some((first, rest)) if glued.is_none() && symbol(first) => return Some(rest),
        _ => {}
    }
    match t.rsplit_once(char::is_whitespace) {
        Some((rest, last)) if symbol(last) => return Some(rest),
        _ => {}
    }
    let last = t.rsplit(char::is_whitespace).next().unwrap_or(t);
    if !last.contains('/') {
        return None;
    }
    let at = t.len() - last.len();
    (1..last.len())
        .map(|k| at + k)
        .find(|&k| {
            b[k - 1].is_ascii_lowercase()
                && matches!(b[k], b'A' | b'S' | b'E')
                && b.get(k + 1) == Some(&b'/')
                && symbol(&t[k..])
        })
        .map(|k| &t[..k])
}

/// Does `part` occur in `whole` (true when `part` is empty)?
fn occurs(whole: &[u8], part: &[u8]) -> bool {
    match part.first() {
        None => true,
        Some(&c) => memchr::memchr_iter(c, whole).any(|k| whole[k..].starts_with(part)),
    }
}

/// `str::trim`, returning at once when the line starts and ends in a
/// printable ASCII character (most lines).
fn trim(t: &str) -> &str {
    match t.as_bytes() {
        [f, .., l] if (0x21..0x80).contains(f) && (0x21..0x80).contains(l) => t,
        [c] if (0x21..0x80).contains(c) => t,
        _ => t.trim(),
    }
}

/// How many items at the start of `s` satisfy `before` (which holds for a
/// prefix), found by doubling from the start: the cost grows with the
/// answer, not with the slice.
fn gallop<T>(s: &[T], before: impl Fn(&T) -> bool) -> usize {
    let mut hi = 1;
    while hi <= s.len() && before(&s[hi - 1]) {
        hi *= 2;
    }
    let lo = hi / 2;
    let hi = hi.min(s.len());
    lo + s[lo..hi].partition_point(before)
}

/// Whether a note's line `t` ends the note: a full stop that does not
/// follow an abbreviation that takes a number (`vol.`, `No.`, `para.`).
fn note_finished_line(t: &str) -> bool {
    t.ends_with('.') && !lines::ends_on_number_word(t)
}

/// Range `r` of `src` without the white space at either end.
fn trim_range(src: &str, r: Range<usize>) -> Range<usize> {
    let t = &src[r.clone()];
    if trim(t).len() == t.len() {
        return r;
    }
    let start = r.start + (t.len() - t.trim_start().len());
    start..start + t.trim().len()
}

/// Whether a footnote's text after its number reads as a whole note on one
/// line, where no page foot or rule sets the page's footnotes apart (a word
/// processor's PDF without running head or foot): it starts with a capital
/// or a symbol's letter and ends with a full stop, as notes do (`United
/// Nations, Treaty Series, vol. 2187, No. 38544.`, `A/80/344.`), and a
/// paragraph's wrapped line seldom does.
fn note_like(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.ends_with('.')
        && !text.ends_with("..")
}

/// Page furniture below a page's footnotes. A footnote's text may be a
/// symbol alone (`A/80/225.`): a running head does not end with a full stop.
fn foot_furniture(t: &str) -> bool {
    lines::is_furniture(t) && !t.ends_with('.')
}

/// `* Text under negotiation ...`: a draft's note marked with a star.
fn is_star_note(t: &str) -> bool {
    t.starts_with('*') && t[1..].starts_with([' ', '\t'])
}

/// A line that is a number of one to three digits and nothing else.
fn bare_number(t: &str) -> Option<u32> {
    if (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok().filter(|&n| n > 0)
    } else {
        None
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

#[cfg(test)]
mod tests;

/// Whether a compendium numbers its footnotes across its resolutions, with
/// every definition after the last one (a Word document of several
/// resolutions converted by pandoc: `[^1]` to `[^244]`, the notes at the
/// end): no resolution but the last defines a footnote, and every strong
/// reference of the others has its number defined there. Its footnotes are
/// then read and checked as the document's, not per resolution.
fn numbered_across(res_first_block: &[usize], cands: &[Candidate], defs: &[FootnoteDef]) -> bool {
    let Some(&last) = res_first_block.last() else {
        return false;
    };
    if res_first_block.len() < 2 || defs.first().is_none_or(|d| d.block < last) {
        return false;
    }
    let mut defined: Vec<u32> = defs.iter().map(|d| d.number).collect();
    defined.sort_unstable();
    let (earlier, own) = cands.split_at(cands.partition_point(|c| c.block < last));
    let likely = |c: &&Candidate| c.strength >= Strength::Medium;
    // The last resolution's own references do not start at the first note
    // (else the notes are its own: a compendium where only it has some).
    let own_first = own.iter().filter(likely).map(|c| c.number).min();
    earlier.iter().any(|c| likely(&c))
        && own_first.is_none_or(|m| m > defined[0])
        && (earlier.iter())
            .filter(|c| c.strength == Strength::Strong)
            .all(|c| defined.binary_search(&c.number).is_ok())
}

/// The form most definitions take (the form a new footnote is written in);
/// without definitions, the draft form when a reference is `[^N]`.
/// How many of `defs` are in the draft form (`[^N]:`).
fn draft_form_count(src: &str, defs: &[FootnoteDef]) -> usize {
    let draft = |r: &Range<usize>| src.as_bytes().get(r.start) == Some(&b'[');
    defs.iter().filter(|d| draft(&d.number_range)).count()
}

/// The form of the document's footnotes, `draft_defs` of its definitions
/// being in the draft form (`draft_form_count`, or kept across a re-parse).
fn footnote_form(
    src: &str,
    defs: &[FootnoteDef],
    refs: &[FootnoteRef],
    draft_defs: usize,
) -> FootnoteForm {
    let draft = |r: &Range<usize>| src.as_bytes().get(r.start) == Some(&b'[');
    let is_draft = if defs.is_empty() {
        refs.iter().any(|r| draft(&r.range))
    } else {
        draft_defs * 2 >= defs.len()
    };
    if is_draft {
        FootnoteForm::Draft
    } else {
        FootnoteForm::Pasted
    }
}

/// The `[^N]:` lines of a text and its chapeau lines, for the rule on a
/// `[^N]:` line right after another definition.
#[derive(Debug, Clone, Default)]
struct DraftDefs {
    /// (line, number) of each `[^N]:` line, in text order.
    lines: Vec<(usize, u32)>,
    /// For each of them, the index of the next with the same number.
    next_same: Vec<Option<usize>>,
    /// The chapeau lines, in text order.
    chapeaus: Vec<usize>,
}

impl DraftDefs {
    fn of(facts: &[LineFacts]) -> DraftDefs {
        let mut d = DraftDefs::default();
        for (i, f) in facts.iter().enumerate() {
            if let Some(n) = f.draft_def() {
                d.lines.push((i, n));
            }
            if f.chapeau {
                d.chapeaus.push(i);
            }
        }
        let mut seen: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
        d.next_same = vec![None; d.lines.len()];
        for k in (0..d.lines.len()).rev() {
            d.next_same[k] = seen.insert(d.lines[k].1, k);
        }
        d
    }

    /// Whether `[^n]:` line `i` can be a footnote of its resolution: n is
    /// not above the number of its `[^N]:` lines plus one, and no later
    /// `[^n]:` line of the resolution defines n again.
    fn can_be_footnote(&self, i: usize, n: u32) -> bool {
        let c = self.chapeaus.partition_point(|&c| c <= i);
        let from = c.checked_sub(1).map_or(0, |k| self.chapeaus[k]);
        let to = self.chapeaus.get(c).copied().unwrap_or(usize::MAX);
        let a = self.lines.partition_point(|&(l, _)| l < from);
        let b = self.lines.partition_point(|&(l, _)| l < to);
        let Ok(k) = self.lines.binary_search_by_key(&i, |&(l, _)| l) else {
            return true;
        };
        let count = b - a;
        n as usize <= count + 1 && self.next_same[k].is_none_or(|j| self.lines[j].0 >= to)
    }
}
