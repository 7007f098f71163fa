//! Re-parsing after an edit: restart the line walk at the last checkpoint
//! before the edit, and stop as soon as the walk reaches a checkpoint past the
//! edit in the same state as the old parse; the old blocks after it are kept,
//! moved by the edit's length. What holds for the whole document (heading,
//! chapeau, layout, the `[^N]:` lines) is checked first: if the edit changes it,
//! the whole text is parsed again.

use std::fmt;
use std::ops::Range;

use super::footnote_refs::Candidate;
use super::lines::{self, Line};
use super::{parse_resumable, Blocks, BodyCounts, Checkpoint, LineFacts, Parser, State};
use crate::syntax::model::{Block, BlockKind, Document, FootnoteRef, Layout, OpenerKind};

/// One edit as byte offsets: `start..old_end` of the old text became
/// `start..new_end` of the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditSpan {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl EditSpan {
    /// The smallest span that turns `old` into `new` (common prefix and
    /// suffix kept), or `None` when they are equal.
    pub fn between(old: &str, new: &str) -> Option<EditSpan> {
        if old == new {
            return None;
        }
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        while !old.is_char_boundary(start) || !new.is_char_boundary(start) {
            start -= 1;
        }
        let max_suffix = a.len().min(b.len()) - start;
        let mut suffix = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(max_suffix)
            .take_while(|(x, y)| x == y)
            .count();
        while !old.is_char_boundary(a.len() - suffix) || !new.is_char_boundary(b.len() - suffix) {
            suffix -= 1;
        }
        Some(EditSpan {
            start,
            old_end: a.len() - suffix,
            new_end: b.len() - suffix,
        })
    }

    fn delta(&self) -> isize {
        self.new_end as isize - self.old_end as isize
    }

    /// Where old byte offset `at` lies in the new text: moved when at or past
    /// the edit's old end, kept when at or before its start, `None` inside
    /// the text the edit replaced.
    pub fn map_offset(&self, at: usize) -> Option<usize> {
        if at >= self.old_end {
            Some(at - self.old_end + self.new_end)
        } else if at <= self.start {
            Some(at)
        } else {
            None
        }
    }

    /// `map_offset` of both ends of a range.
    pub fn map_range(&self, r: &Range<usize>) -> Option<Range<usize>> {
        Some(self.map_offset(r.start)?..self.map_offset(r.end)?)
    }
}

/// What a parse keeps for the next re-parse to resume from (`reparse`): the
/// lines, their facts, the walk's checkpoints and the footnote candidates. It
/// is derived from the text; the document itself holds none of it.
#[derive(Clone, Default)]
pub struct ParseCache {
    pub(super) lines: Vec<Line>,
    pub(super) facts: Vec<LineFacts>,
    pub(super) checkpoints: Vec<Checkpoint>,
    /// Footnote reference candidates of every block, block by block.
    pub(super) candidates: Vec<Candidate>,
    pub(super) body_start: usize,
    /// Where each resolution after the first starts, and the normalised
    /// title of each (the walk restarting inside one reads its running heads).
    pub(super) res_starts: Vec<super::ResolutionStart>,
    pub(super) title_norms: Vec<String>,
    /// The index of each resolution's first block.
    pub(super) res_first_block: Vec<usize>,
    pub(super) layout: Layout,
    pub(super) has_numbered_op: bool,
    pub(super) body_counts: BodyCounts,
    /// How many footnote definitions are in the draft form (`[^N]:`): the
    /// document's `footnote_form` is decided on it.
    pub(super) draft_form_defs: usize,
    /// What the re-parse that made this document changed; `None` after a
    /// full parse.
    pub(super) changed: Option<Changed>,
    /// The footnote references `finish` made anew after a re-parse, for
    /// `changed` (taken there).
    pub(super) footnotes_changed: Option<FootnotesChanged>,
}

/// Which blocks a re-parse made anew. Blocks before `blocks` are the old
/// document's blocks of the same index, unchanged; block `i` from
/// `blocks.end` on is the old block `i - block_delta`, moved by
/// `byte_delta` bytes (and its parent index by `block_delta`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub blocks: Range<usize>,
    pub block_delta: isize,
    pub byte_delta: isize,
    /// Where the edit ended in the old text: old byte offsets from here on
    /// moved by `byte_delta`, those before the edit's start did not move.
    pub edit_end: usize,
    /// The footnote definitions and references the re-parse made anew.
    pub footnotes: FootnotesChanged,
}

/// The footnote definitions and references a re-parse made anew, with what
/// stood in their place before; every other one is the old one, kept where
/// it was (before them) or moved by the edit (after them), and every other
/// resolution's counts are the old ones. The footnote checks and the
/// citations compare these alone to tell whether what they read changed,
/// instead of copying and comparing the document's whole lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FootnotesChanged {
    /// The old definitions the walk replaced: number and number range, at
    /// their old offsets.
    pub old_defs: Vec<(u32, Range<usize>)>,
    /// Where the definitions that took their place are in the new list.
    pub new_defs: Range<usize>,
    /// The old references of the resolutions resolved again, at their old
    /// offsets and blocks.
    pub old_refs: Vec<FootnoteRef>,
    /// Where the references that took their place are in the new list.
    pub new_refs: Range<usize>,
    /// The resolutions whose counts were found again (new indices) and
    /// what the old counts there were (`Document::footnote_counts`).
    pub counts: Range<usize>,
    pub old_counts: Vec<(usize, usize)>,
}

impl FootnotesChanged {
    /// The references and counts all made anew (`refs` references in
    /// `resolutions` resolutions): every old one stands in the window.
    pub(super) fn whole(old: OldRefs, refs: usize, resolutions: usize) -> FootnotesChanged {
        FootnotesChanged {
            old_defs: Vec::new(),
            new_defs: 0..0,
            old_refs: old.refs,
            new_refs: 0..refs,
            counts: 0..resolutions,
            old_counts: old.counts,
        }
    }
}

impl Changed {
    /// The old index of new block `i`, for a block outside `blocks`.
    pub fn old_index(&self, i: usize) -> usize {
        if i < self.blocks.start {
            i
        } else {
            i.wrapping_add_signed(-self.block_delta)
        }
    }

    /// The new index of old block `i`; `None` for a block the re-parse made
    /// anew.
    pub fn new_index(&self, i: usize) -> Option<usize> {
        if i < self.blocks.start {
            Some(i)
        } else {
            i.checked_add_signed(self.block_delta)
                .filter(|&n| n >= self.blocks.end)
        }
    }

    /// Where old byte offset `at` (outside the edit) lies in the new text.
    pub fn new_offset(&self, at: usize) -> usize {
        if at >= self.edit_end {
            at.wrapping_add_signed(self.byte_delta)
        } else {
            at
        }
    }
}

impl PartialEq for ParseCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for ParseCache {}

impl fmt::Debug for ParseCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ParseCache({} lines, {} checkpoints)",
            self.lines.len(),
            self.checkpoints.len()
        )
    }
}

/// The old document's footnote references, for `finish` to keep those of
/// the resolutions a re-parse did not touch.
pub(super) struct OldRefs {
    pub(super) refs: Vec<FootnoteRef>,
    /// How many resolutions the old document had.
    pub(super) resolutions: usize,
    /// What the re-parse did to the blocks after the ones it changed (see
    /// [`Changed`]).
    pub(super) block_delta: isize,
    pub(super) byte_delta: isize,
    /// The old document's footnote definitions and references in each
    /// resolution (`Document::footnote_counts`).
    pub(super) counts: Vec<(usize, usize)>,
    /// How many definitions of the new document are in the draft form, when
    /// the re-parse could tell (see [`ParseCache::draft_form_defs`]).
    pub(super) draft_form_defs: Option<usize>,
}

/// How many of `defs` are in the draft form: their number starts with `[`
/// in `src`, at the offset `at` maps their start to (`None` when it cannot
/// tell: then `None`).
fn draft_form_count(
    src: &str,
    defs: &[super::FootnoteDef],
    at: impl Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let mut n = 0;
    for d in defs {
        n += usize::from(src.as_bytes().get(at(d.number_range.start)?) == Some(&b'['));
    }
    Some(n)
}

/// The footnote references after a re-parse that changed the blocks of
/// `span` and left the resolutions as many as they were, and each
/// resolution's counts pushed to `counts`: the old references of the
/// resolutions before the first it touched stay where they are, those of the
/// resolutions it touched are resolved again from `cands` and `defs` (the
/// new document's), and those after are moved in place by the re-parse's
/// deltas. A resolution's references depend on its candidates and
/// definitions alone, which the re-parse kept (moved) outside `span`; its
/// counts are then the old ones. Nothing before the touched resolutions is
/// copied or read but by binary search.
pub(super) fn refs_after_reparse(
    res_first_block: &[usize],
    cands: &[Candidate],
    defs: &[super::FootnoteDef],
    span: Range<usize>,
    old: OldRefs,
    counts: &mut Vec<(usize, usize)>,
) -> (Vec<FootnoteRef>, FootnotesChanged) {
    let OldRefs {
        mut refs,
        block_delta,
        byte_delta,
        counts: old_counts,
        ..
    } = old;
    let n = res_first_block.len();
    // The resolutions that hold a block of `span`: `k0..k1`.
    let k0 = res_first_block
        .partition_point(|&b| b <= span.start)
        .saturating_sub(1);
    let k1 = res_first_block
        .partition_point(|&b| b < span.end)
        .max(k0 + 1);
    let first = res_first_block[k0];
    // References are in resolution order: those before `first`'s block are
    // the untouched resolutions' before, those from the old first block of
    // resolution `k1` on the moved ones'.
    let prefix = refs.partition_point(|r| r.block < first);
    let suffix = match res_first_block.get(k1) {
        Some(&b) => {
            let old_b = b.wrapping_add_signed(-block_delta);
            refs.partition_point(|r| r.block < old_b)
        }
        None => refs.len(),
    };
    let mut cs = &cands[cands.partition_point(|c| c.block < first)..];
    let mut ds = &defs[defs.partition_point(|d| d.block < first)..];
    counts.extend_from_slice(&old_counts[..k0]);
    let mut made = Vec::new();
    for k in k0..k1.min(n) {
        let end = res_first_block.get(k + 1).copied().unwrap_or(usize::MAX);
        let nc = super::gallop(cs, |c| c.block < end);
        let nd = super::gallop(ds, |d| d.block < end);
        let before = made.len();
        made.extend(super::footnote_refs::resolve(&cs[..nc], &ds[..nd]));
        counts.push((nd, made.len() - before));
        (cs, ds) = (&cs[nc..], &ds[nd..]);
    }
    counts.extend_from_slice(&old_counts[k1.min(n)..]);
    let moved_from = prefix + made.len();
    let old_refs: Vec<FootnoteRef> = refs.splice(prefix..suffix, made).collect();
    if byte_delta != 0 || block_delta != 0 {
        for r in &mut refs[moved_from..] {
            r.range = shift(&r.range, byte_delta);
            r.block = r.block.wrapping_add_signed(block_delta);
        }
    }
    let window = FootnotesChanged {
        old_defs: Vec::new(),
        new_defs: 0..0,
        old_refs,
        new_refs: prefix..moved_from,
        counts: k0..k1.min(n),
        old_counts: old_counts[k0..k1.min(n)].to_vec(),
    };
    (refs, window)
}

/// The old parse's checkpoints, for the walk to find where it meets them again.
pub(super) struct Resync<'a> {
    old: &'a [Checkpoint],
    /// Blocks before this index are shared by both parses.
    restart_blocks: usize,
    /// New lines from here on lie past the edit.
    min_line: usize,
    line_delta: isize,
}

impl Resync<'_> {
    /// The index of the old checkpoint that the walk at new line `line`,
    /// with `blocks` blocks made, in state `state`, meets again.
    pub(super) fn matches(&self, line: usize, blocks: usize, state: &State) -> Option<usize> {
        if line < self.min_line {
            return None;
        }
        let old_line = line.checked_add_signed(-self.line_delta)?;
        let k = self.old.binary_search_by_key(&old_line, |c| c.line).ok()?;
        let cp = &self.old[k];
        let delta = blocks as isize - cp.blocks as isize;
        let moved = cp.state.shifted(self.restart_blocks, delta, usize::MAX, 0);
        (moved == *state).then_some(k)
    }
}

fn shift(r: &Range<usize>, d: isize) -> Range<usize> {
    r.start.wrapping_add_signed(d)..r.end.wrapping_add_signed(d)
}

/// The blocks from the first marked to the last (none marked yet: `start`
/// past `end`).
struct Span {
    start: usize,
    end: usize,
}

impl Span {
    fn mark(&mut self, b: usize) {
        self.mark_all(b..b + 1);
    }

    fn mark_all(&mut self, r: Range<usize>) {
        self.start = self.start.min(r.start);
        self.end = self.end.max(r.end);
    }
}

/// Moves blocks by `bytes`, and their parents from block `from` on by
/// `blocks`.
fn shift_blocks(kept: &mut [Block], bytes: isize, from: usize, blocks: isize) {
    if blocks == 0 {
        for b in kept {
            b.lines.shift(bytes);
        }
        return;
    }
    for b in kept {
        b.lines.shift(bytes);
        if let Some(p) = b.parent().filter(|&p| p >= from) {
            b.set_parent(Some(p.wrapping_add_signed(blocks)));
        }
    }
}

impl ParseCache {
    /// Which blocks the re-parse that made this changed; `None` after a full
    /// parse.
    pub fn changed(&self) -> Option<&Changed> {
        self.changed.as_ref()
    }
}

/// Parses `new_src`, which is the text of `old` (a document and its cache,
/// from `parse_resumable` or an earlier `reparse`) with `edit` applied: the
/// walk resumes at the last checkpoint before the edit and what it did not
/// touch is moved, not parsed again. Equal to `parse_resumable(new_src)`.
pub fn reparse(
    old: (Document, ParseCache),
    new_src: &str,
    edit: &EditSpan,
) -> (Document, ParseCache) {
    reparse_region(old, new_src, edit).unwrap_or_else(|| parse_resumable(new_src))
}

/// The re-parse around the edit alone; `None` when the edit changes what
/// holds for the whole document (then only a full parse will do).
pub fn reparse_region(
    (mut old, old_cache): (Document, ParseCache),
    new_src: &str,
    edit: &EditSpan,
) -> Option<(Document, ParseCache)> {
    let cache = &old_cache;
    let n_old = cache.lines.len();
    if n_old < 4 || edit.new_end > new_src.len() || new_src.len() > super::MAX_PARSED {
        return None;
    }
    let delta = edit.delta();
    // The lines the edit may touch, with one line of margin on each side.
    let (la, lb, a, b) = {
        let old_lines = &cache.lines;
        let la = old_lines
            .partition_point(|l| l.range().start <= edit.start)
            .saturating_sub(2);
        let lb = (old_lines.partition_point(|l| l.range().start <= edit.old_end) + 1).min(n_old);
        let a = old_lines[la].range().start;
        let b = if lb < n_old {
            old_lines[lb].range().start.checked_add_signed(delta)?
        } else {
            new_src.len()
        };
        (la, lb, a, b)
    };
    if a > b || !new_src.is_char_boundary(a) || !new_src.is_char_boundary(b) {
        return None;
    }
    let mut middle: Vec<Line> = lines::split_lines(&new_src[a..b]);
    let mut middle_facts = Vec::with_capacity(middle.len());
    for l in &mut middle {
        l.shift(a as isize);
        middle_facts.push(LineFacts::of(new_src, l));
    }
    let middle_end = la + middle.len();
    let line_delta = middle.len() as isize - (lb - la) as isize;

    // What holds for the whole document must not change (checked before
    // anything of `old` is taken apart).
    // A `[^N]:` line right after a definition starts a footnote or not by
    // the `[^N]:` lines of the whole resolution: an edit that changes them
    // (their numbers, in order) may change that anywhere.
    let new_defs = middle_facts.iter().filter_map(|f| f.draft_def());
    if !new_defs.eq(cache.facts[la..lb].iter().filter_map(|f| f.draft_def()))
        || la < cache.body_start
    {
        return None;
    }
    // A chapeau without its comma stands only when an opener follows it: an
    // edit up to the first line after it decides whether it is one.
    // Without a chapeau the body starts at the first paragraph, which an
    // edit near it may move (or make, when there is none).
    match old.chapeau {
        Some(b) => {
            let r = old.blocks[b].lines.first()?;
            // The blank lines first: a paragraph after the chapeau ends
            // their read at once, and spares the chapeau's pattern (a
            // regex, 1 % of a keystroke) at every keystroke below it.
            if !(cache.body_start..=la).any(|j| !cache.lines[j].blank)
                && matches!(lines::chapeau(new_src[r].trim()), Some((_, false)))
            {
                return None;
            }
        }
        None if la <= cache.body_start + 1 => return None,
        None => {
            // No paragraph at all: the first one an edit makes starts the body.
            let f = cache.facts.get(cache.body_start)?;
            if !(f.op_number || f.opener.is_some()) {
                return None;
            }
        }
    }
    let chapeau_near = |f: &[LineFacts]| f.iter().any(|f| f.chapeau);
    if chapeau_near(&cache.facts[la..lb]) || chapeau_near(&middle_facts) {
        return None;
    }
    // Where later resolutions start is decided on their headings, the line
    // that ends the text before them, and whether an operative part came:
    // an edit that may change any of these is parsed whole.
    if !cache.res_starts.is_empty() {
        let ops = |f: &[LineFacts]| {
            f.iter()
                .filter(|f| f.op_number || f.opener == Some(OpenerKind::Operative))
                .count()
        };
        if ops(&cache.facts[la..lb]) != ops(&middle_facts) {
            return None;
        }
    }
    // The last checkpoint at or before the line above the edit's (that line
    // is unchanged, and so is everything before it), or before a pasted
    // footnote line or a number alone a few lines above it, which the edit
    // may make the first of a page's footnotes or not, or a footnote number
    // set out of turn (`Parser::below`, `Parser::alone_further_down` and
    // `Parser::defined_below` look that far below them), or a paragraph's
    // last line that pdftotext set above it (`Parser::displaced_tail` reads the paragraph below).
    let near = super::FOOTNOTE_LOOKAHEAD + 2;
    let tail = super::TAIL_REACH + 4;
    let reach = near
        .max(tail)
        .max(super::COLUMN_LOOKAHEAD.max(super::DEFINED_LOOKAHEAD) + 2);
    let from = (la.saturating_sub(reach)..la)
        .find(|&j| {
            let t = new_src[cache.lines[j].range()].trim();
            super::bare_number(t).is_some()
                || (la - j <= near && lines::pasted_footnote(t).is_some())
                || (la - j <= tail && lines::tail_with_ref(t))
        })
        .unwrap_or(la);
    // A marker alone among the edit's lines (with their margin: the lines
    // after it that decide it), as the edit left it or found it, may have
    // a paragraph's first line above it, and a section heading above that.
    let marker_edited = cache.facts[la..lb].iter().any(|f| f.op_number)
        || (middle.iter()).any(|l| !l.blank && lines::marker_alone(new_src[l.range()].trim()));
    let from = if marker_edited {
        from.min(la.saturating_sub(super::ABOVE_MARKER_REACH))
    } else {
        from
    };
    let ci = cache
        .checkpoints
        .partition_point(|c| c.line <= from)
        .checked_sub(1)?;

    // The new lines and their facts: before and after the edit as they were.
    let old_region = BodyCounts::region(&cache.lines, &cache.facts, la, lb);
    // An edit on a line that ends a body (a meeting line, `Annex`) that
    // leaves it ending the body (typing at the end of `52nd plenary
    // meeting`) moves no body's end.
    let ends_same = lb - la == middle_facts.len()
        && (cache.facts[la..lb].iter())
            .zip(&middle_facts)
            .all(|(a, b)| a.body_end == b.body_end);
    let cache = old_cache;
    let cut = cache.lines[cache.checkpoints[ci].line].range().start;
    let mut lines = cache.lines;
    lines.splice(la..lb, middle);
    for l in &mut lines[middle_end..] {
        l.shift(delta);
    }
    let mut facts = cache.facts;
    facts.splice(la..lb, middle_facts);
    let new_region = BodyCounts::region(&lines, &facts, la, middle_end);
    let body_counts =
        cache
            .body_counts
            .edited(old_region, new_region, la, (lb, middle_end), ends_same)?;
    if body_counts.globals() != (cache.layout, cache.has_numbered_op) {
        return None;
    }
    debug_assert_eq!(
        body_counts,
        BodyCounts::of(&lines, &facts, cache.body_start)
    );

    // Restart at the last checkpoint before the edit: keep what came before
    // it, and set the rest aside for when the walk meets the old parse again.
    // Checkpoints and footnote candidates stay in place: the walk makes its
    // own, which replace the old ones of the region it walked.
    let mut checkpoints = cache.checkpoints;
    let cp = checkpoints[ci].clone();
    let n_old_blocks = old.blocks.len();
    let mut candidates = cache.candidates;
    let mut tail_defs = old.footnote_defs.split_off(cp.defs);
    let mut dirty = vec![false; cp.blocks];
    // From the first block marked dirty to the last.
    let mut span = Span {
        start: usize::MAX,
        end: 0,
    };
    // Lines that blocks before the checkpoint had after it (a paragraph
    // the old walk went on extending), by block.
    // Only the blocks the checkpoint's state holds, the last one, and a
    // paragraph a page's column of markers broke off (the walk gives it the
    // next line that opens nothing: `Parser::unfinished_before`, a few
    // blocks back) can be such.
    let mut held: Vec<usize> = cp.state.held_blocks().into_iter().flatten().collect();
    held.extend(cp.blocks.checked_sub(1));
    held.extend(
        (cp.blocks.saturating_sub(super::UNFINISHED_REACH)..cp.blocks)
            .filter(|&b| old.blocks[b].lines.last().is_some_and(|r| r.start >= cut)),
    );
    held.retain(|&b| b < cp.blocks);
    held.sort_unstable();
    held.dedup();
    debug_assert!(
        old.blocks[..cp.blocks]
            .iter()
            .enumerate()
            .all(|(i, blk)| held.contains(&i) || blk.lines.last().is_none_or(|r| r.start < cut)),
        "a block the checkpoint does not hold goes on past it"
    );
    let mut removed: Vec<(usize, Vec<Range<usize>>)> = Vec::new();
    // The same of the texts of notes before the checkpoint (a note the
    // page's end cut gets its rest on the next page's foot), by definition.
    let mut removed_text: Vec<(usize, Vec<Range<usize>>)> = Vec::new();
    for i in held {
        let blk = &mut old.blocks[i];
        if blk.lines.last().is_some_and(|r| r.start >= cut) {
            let keep = blk.lines.starting_before(cut);
            removed.push((i, blk.lines.split_off(keep)));
            dirty[i] = true;
            span.mark(i);
            if blk.kind == BlockKind::FootnoteDef {
                for (k, d) in old.footnote_defs.iter_mut().enumerate() {
                    if d.block == i && d.text.last().is_some_and(|r| r.start >= cut) {
                        let keep = d.text.partition_point(|r| r.start < cut);
                        removed_text.push((k, d.text.split_off(keep)));
                    }
                }
            }
        }
    }
    let old_def_count = cp.defs + tail_defs.len();
    // The definitions in the draft form: the old count, less the old
    // definitions the walk replaces, plus those it makes. An old one is read
    // where its first byte now is; one whose first byte the edit replaced
    // leaves the count to `finish`.
    let old_byte = |at: usize| {
        if at < edit.start {
            Some(at)
        } else if at >= edit.old_end {
            Some(at - edit.old_end + edit.new_end)
        } else {
            None
        }
    };
    let mut draft_form_defs = Some(cache.draft_form_defs);
    // The old definitions the walk replaced, and where the new ones are.
    let defs_window;
    let mut p = Parser::new(new_src, lines, facts);
    // The old blocks from the restart on stay where they are, behind the
    // parser's, until the walk is over.
    p.blocks = Blocks {
        kept: old.blocks,
        kept_len: cp.blocks,
        made: Vec::new(),
    };
    p.defs = old.footnote_defs;
    p.checkpoints = Vec::new();
    p.st = cp.state.clone();
    p.layout = cache.layout;
    p.has_numbered_op = cache.has_numbered_op;
    p.body_counts = body_counts;
    p.set_title_norm(cache.title_norms[cp.state.resolution as usize].clone());
    p.title_norms = cache.title_norms;
    // The walk records the starts of the resolutions it enters; those of
    // the resolutions past the meeting point are the old ones, moved.
    let old_resolutions = cache.res_first_block.len();
    let old_refs = std::mem::take(&mut old.footnote_refs);
    let old_counts = std::mem::take(&mut old.footnote_counts);
    let mut old_first_blocks = cache.res_first_block;
    p.res_first_block = old_first_blocks
        .drain(..=cp.state.resolution as usize)
        .collect();
    p.res_starts = cache.res_starts;
    for k in 0..p.res_starts.len() {
        let r = &mut p.res_starts[k];
        if r.stop >= lb {
            r.stop = r.stop.wrapping_add_signed(line_delta);
            r.heading = r.heading.wrapping_add_signed(line_delta);
            r.chapeau = r.chapeau.wrapping_add_signed(line_delta);
        } else if r.chapeau >= la {
            // The edit is in the text that ends before this resolution
            // (typing in the last footnote or the meeting line): where its
            // heading starts is read again, as a full parse reads it (the
            // checks above keep what decides that a resolution starts
            // there). An edit in the heading itself, or one that moves
            // where it starts, changes what the walk compares running heads
            // with, which its checkpoints do not hold: parsed whole.
            if r.heading < lb {
                return None;
            }
            let heading = r.heading.wrapping_add_signed(line_delta);
            r.chapeau = r.chapeau.wrapping_add_signed(line_delta);
            let floor = match k.checked_sub(1) {
                Some(j) => p.res_starts[j].chapeau + 1,
                None => cache.body_start,
            };
            let chapeau = p.res_starts[k].chapeau;
            let (stop, new_heading) = p.heading_start(chapeau, floor);
            if new_heading != heading {
                return None;
            }
            let r = &mut p.res_starts[k];
            (r.stop, r.heading) = (stop, heading);
        }
    }
    p.chapeau = old.chapeau;
    p.organ = old.organ;
    p.title = old.title;
    p.body_start = cache.body_start;
    p.floor = cp.blocks;
    let resync = Resync {
        old: &checkpoints[ci..],
        restart_blocks: cp.blocks,
        min_line: middle_end + 1,
        line_delta,
    };
    let met = p.walk(cp.line, Some(&resync));
    for &b in &p.touched {
        dirty[b] = true;
        span.mark(b);
    }
    // Blocks the walk made: new whatever happens after.
    let walked = cp.blocks..p.blocks.len();
    dirty.resize(p.blocks.len(), true);
    let walked_cps = std::mem::take(&mut p.checkpoints);

    // Without a meeting point the walk went to the end: the old blocks are
    // all behind `changed.blocks.end`.
    let mut block_delta = p.blocks.len() as isize - n_old_blocks as isize;
    if let Some((met_line, k)) = met {
        // Keep the old parse from here on, moved by the edit.
        let old_cp = checkpoints[ci + k].clone();
        // The meeting line lies past the edit: its old start is its new one
        // less the edit's length.
        let old_cut = p.lines[met_line].range().start.wrapping_add_signed(-delta);
        block_delta = p.blocks.len() as isize - old_cp.blocks as isize;
        let from = cp.blocks;
        let map = |i: usize| {
            if i >= from {
                i.wrapping_add_signed(block_delta)
            } else {
                i
            }
        };
        let moved = |r: &Range<usize>| (r.start >= old_cut).then(|| shift(r, delta));
        // Lines past the meeting point of old blocks of the walked region
        // (a paragraph the old walk went on extending): they go to the block
        // that stands for it now.
        // Which block stands for it is sure only when the walk made as many
        // blocks as the old region had (the same one, then, of the same
        // kind); else the text is parsed whole. (Neither the position from
        // the region's end nor where the block starts tells it in all
        // cases: a paragraph split in two, a block made before it.)
        let region = old_cp.blocks - cp.blocks;
        let mut extras: Vec<(usize, Vec<Range<usize>>)> = Vec::new();
        for j in cp.blocks..old_cp.blocks {
            let blk = &p.blocks.kept[j];
            if blk.lines.last().is_some_and(|r| r.start >= old_cut) {
                let same = block_delta == 0
                    && p.blocks
                        .made
                        .get(j - cp.blocks)
                        .is_some_and(|b| b.kind == blk.kind);
                if !same {
                    return None;
                }
                extras.push((j, blk.lines.iter().filter_map(|r| moved(&r)).collect()));
            }
        }
        // The walked blocks replace the old region's; the old blocks after
        // it move only when the walk made more or fewer blocks than it.
        let Blocks { mut kept, made, .. } = std::mem::take(&mut p.blocks);
        let made_len = made.len();
        debug_assert_eq!(region as isize + block_delta, made_len as isize);
        kept.splice(cp.blocks..old_cp.blocks, made);
        shift_blocks(&mut kept[cp.blocks + made_len..], delta, from, block_delta);
        dirty.resize(kept.len(), false);
        // Lines past the meeting point of blocks made before the restart.
        for (i, lines) in removed {
            let extra: Vec<Range<usize>> = lines.iter().filter_map(moved).collect();
            kept[i].lines.extend(extra);
        }
        for (k, text) in removed_text {
            p.defs[k].text.extend(text.iter().filter_map(moved));
        }
        for (target, extra) in extras {
            kept[target].lines.extend(extra);
            dirty[target] = true;
            span.mark(target);
        }
        p.blocks = Blocks {
            kept_len: kept.len(),
            kept,
            made: Vec::new(),
        };
        let entered = p.st.resolution as usize + 1 - (cp.state.resolution as usize + 1);
        p.res_first_block
            .extend(old_first_blocks.iter().skip(entered).map(|&b| map(b)));
        // The region's candidates go (its blocks are dirty: `finish` makes
        // theirs), those after it move.
        let a = candidates.partition_point(|c| c.block < cp.blocks);
        let b = candidates.partition_point(|c| c.block < old_cp.blocks);
        candidates.drain(a..b);
        for cand in &mut candidates[a..] {
            cand.range = shift(&cand.range, delta);
            cand.block = map(cand.block);
        }
        let def_delta = p.defs.len() as isize - old_cp.defs as isize;
        let replaced = &tail_defs[..old_cp.defs - cp.defs];
        // Text past the meeting point of old notes of the walked region
        // (the rest of a note the page's end cut): to the note that stands
        // for it now, as the blocks' lines above.
        for d in replaced {
            let extra: Vec<Range<usize>> = d.text.iter().filter_map(moved).collect();
            if extra.is_empty() {
                continue;
            }
            // (Its block got the lines past the meeting point above: it is
            // the same block now.)
            // (The last of its notes: a line may hold the next ones too.)
            let target = p.defs[cp.defs..].iter().rposition(|n| n.block == d.block)?;
            p.defs[cp.defs + target].text.extend(extra);
        }
        defs_window = (replaced_defs(replaced), cp.defs..p.defs.len());
        draft_form_defs = draft_form_defs.and_then(|n| {
            let made = draft_form_count(new_src, &p.defs[cp.defs..], Some)?;
            Some(n + made - draft_form_count(new_src, replaced, old_byte)?)
        });
        for mut d in tail_defs.drain(old_cp.defs - cp.defs..) {
            d.number_range = shift(&d.number_range, delta);
            for r in &mut d.text {
                *r = shift(r, delta);
            }
            d.block = map(d.block);
            p.defs.push(d);
        }
        debug_assert_eq!(p.defs.len() as isize, old_def_count as isize + def_delta);
        let walked_len = walked_cps.len();
        checkpoints.splice(ci..ci + k, walked_cps);
        // Checkpoints hold line and block numbers, not bytes: an edit inside
        // a line (most keystrokes) leaves those after it as they were.
        if line_delta != 0 || block_delta != 0 || def_delta != 0 {
            for c in &mut checkpoints[ci + walked_len..] {
                *c = Checkpoint {
                    line: c.line.wrapping_add_signed(line_delta),
                    blocks: map(c.blocks),
                    defs: c.defs.wrapping_add_signed(def_delta),
                    state: c.state.shifted(from, block_delta, usize::MAX, 0),
                };
            }
        }
    } else {
        checkpoints.truncate(ci);
        checkpoints.extend(walked_cps);
        candidates.truncate(candidates.partition_point(|c| c.block < cp.blocks));
        defs_window = (replaced_defs(&tail_defs), cp.defs..p.defs.len());
        draft_form_defs = draft_form_defs.and_then(|n| {
            let made = draft_form_count(new_src, &p.defs[cp.defs..], Some)?;
            Some(n + made - draft_form_count(new_src, &tail_defs, old_byte)?)
        });
    }
    p.checkpoints = checkpoints;
    span.mark_all(walked.clone());
    let old_refs = Some(OldRefs {
        refs: old_refs,
        resolutions: old_resolutions,
        block_delta,
        byte_delta: delta,
        counts: old_counts,
        draft_form_defs,
    });
    let (doc, mut cache) = p.finish(&dirty, span.start..span.end, candidates, old_refs);
    let mut footnotes = cache.footnotes_changed.take()?;
    (footnotes.old_defs, footnotes.new_defs) = defs_window;
    cache.changed = Some(Changed {
        blocks: span.start..span.end,
        block_delta,
        byte_delta: delta,
        edit_end: edit.old_end,
        footnotes,
    });
    Some((doc, cache))
}

/// The number and number range of each of `defs`.
fn replaced_defs(defs: &[super::FootnoteDef]) -> Vec<(u32, Range<usize>)> {
    defs.iter()
        .map(|d| (d.number, d.number_range.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_between_texts() {
        assert_eq!(EditSpan::between("abc", "abc"), None);
        assert_eq!(
            EditSpan::between("abcdef", "abXYef"),
            Some(EditSpan {
                start: 2,
                old_end: 4,
                new_end: 4
            })
        );
        assert_eq!(
            EditSpan::between("aaa", "aaaa"),
            Some(EditSpan {
                start: 3,
                old_end: 3,
                new_end: 4
            })
        );
        // Never inside a multi-byte character.
        let s = EditSpan::between("é", "è").unwrap();
        assert_eq!((s.start, s.old_end, s.new_end), (0, 2, 2));
    }

    /// The count of definitions in the draft form that a re-parse keeps
    /// (old count, less the definitions the walk replaced, plus those it
    /// made) is a full parse's, keystroke after keystroke in and around the
    /// `[^N]:` lines and in a paragraph above them. Fails when the replaced
    /// ones are not taken off, or the made ones not added.
    #[test]
    fn the_draft_form_count_kept_across_edits_is_a_full_parse_s() {
        let text = include_str!("../../../../tests/fixtures/drafts/ga-draft-footnotes.reso");
        let mut text = format!("{text}\n1 A pasted footnote.\n");
        let mut state = super::super::parse_resumable(&text);
        let mut region = 0;
        for (needle, typed) in [
            ("See resolution 70/1", " and 71/2"),
            ("[^3]: A/CONF", "x"),
            ("eighty-second session", " or later"),
            ("A/79/64", "y"),
            ("A pasted footnote", " z"),
        ] {
            for ch in typed.chars() {
                let at = text.find(needle).unwrap() + needle.len();
                let mut new = text.clone();
                new.insert(at, ch);
                let edit = EditSpan::between(&text, &new).unwrap();
                let fresh = super::super::parse_resumable(&new);
                state = match reparse_region(state, &new, &edit) {
                    Some(done) => {
                        region += 1;
                        done
                    }
                    None => super::super::parse_resumable(&new),
                };
                assert_eq!(state.0, fresh.0, "{needle:?}");
                assert_eq!(
                    state.1.draft_form_defs, fresh.1.draft_form_defs,
                    "after typing {ch:?} at {needle:?}"
                );
                text = new;
            }
        }
        assert!(fresh_count(&text) >= 4);
        assert!(region > 20, "{region} re-parsed in place");
    }

    fn fresh_count(text: &str) -> usize {
        super::super::parse_resumable(text).1.draft_form_defs
    }
}
