//! What the walk over the body carries from line to line (`State`), the
//! checkpoints it may restart from, and where later resolutions start.

use crate::syntax::model::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prev {
    Start,
    Blank,
    Furniture,
    Footnote,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FnMode {
    None,
    /// Inside a footnote block whose last footnote is `last` (block index `block`).
    Block {
        block: usize,
        last: u32,
    },
    /// After a rule at a page foot: runs to the end of the page. `last` is
    /// the highest footnote number met; bit k of `skipped` is set while
    /// footnote `last - 1 - k` is still to come (pdftotext sets a page's
    /// footnote numbers out of turn: `1`, `3`, `4`, `2`).
    Rule {
        block: Option<usize>,
        last: u32,
        skipped: u16,
    },
}

/// Everything the walk over the body carries from one line to the next.
/// Block indices point into `Parser::blocks`. A copy is kept at each
/// checkpoint so that an edit re-parses from the last one before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct State {
    pub(super) part: Part,
    /// The open paragraph, its finished state, whether it has text yet.
    pub(super) cur: Option<usize>,
    pub(super) cur_finished: bool,
    pub(super) cur_has_text: bool,
    /// The paragraph that sub-paragraphs attach to.
    pub(super) holder: Option<usize>,
    /// Unmarked paragraphs are sub-paragraphs whose markers were lost.
    pub(super) lost_markers: bool,
    /// The paragraph whose ending `:` turned `lost_markers` on: if it goes
    /// on past the colon, the rule is off again.
    pub(super) lost_by: Option<usize>,
    /// The last sub-paragraph ordinal at each level (1-4) under `holder`.
    pub(super) sub_last: [u32; 5],
    pub(super) fn_mode: FnMode,
    /// The highest footnote number defined in this resolution (0: none yet).
    pub(super) max_def: u32,
    /// Until this resolution defines a footnote: the highest one the
    /// resolutions before it defined. A document may number its notes
    /// across its resolutions (a Main Committee's report with its draft
    /// resolutions: the second one's first note is 14 when the first's last
    /// is 13), so that number comes next as well as 1.
    pub(super) fn_carried: u32,
    /// The highest operative paragraph number of this resolution so far
    /// (`Parser::first_line_above_marker` expects the next one).
    pub(super) op_last: u32,
    /// The largest number met alone on a line inside a paragraph (a raised
    /// reference that an extraction set on a line of its own).
    pub(super) max_alone_ref: u32,
    /// The highest footnote number the body has referred to so far, each
    /// the next one (strong or medium candidates): when it has passed a
    /// note that never came (an extraction glued its number into a word),
    /// the later notes still come in turn (`Parser::next_note`).
    pub(super) max_ref: u32,
    pub(super) prev: Prev,
    pub(super) annex_count: u16,
    pub(super) annex_title_pending: bool,
    /// The current annex turned out to be a form with numbered boxes.
    pub(super) annex_form: bool,
    /// Lines up to here were consumed by a multi-line block.
    pub(super) skip_to: usize,
    /// The resolution the walk is in (0 for the first).
    pub(super) resolution: u16,
    /// What waits for its text or its number (`Waiting`); boxed and absent
    /// while nothing waits, which is always so at a checkpoint.
    pub(super) w: Lazy,
}

impl State {
    pub(super) fn new() -> State {
        State {
            part: Part::Heading,
            cur: None,
            cur_finished: true,
            cur_has_text: true,
            holder: None,
            lost_markers: false,
            lost_by: None,
            sub_last: [0; 5],
            fn_mode: FnMode::None,
            max_def: 0,
            fn_carried: 0,
            op_last: 0,
            max_alone_ref: 0,
            max_ref: 0,
            prev: Prev::Start,
            annex_count: 0,
            annex_title_pending: false,
            annex_form: false,
            skip_to: 0,
            resolution: 0,
            w: Lazy(None),
        }
    }

    /// The blocks the state points at: the only blocks made before a
    /// checkpoint that the walk from it may give more lines (besides the
    /// last block, a run of blank lines).
    pub(super) fn held_blocks(&self) -> [Option<usize>; 4] {
        let fn_block = match self.fn_mode {
            FnMode::None => None,
            FnMode::Block { block, .. } => Some(block),
            FnMode::Rule { block, .. } => block,
        };
        [self.cur, self.holder, self.lost_by, fn_block]
    }

    /// The same state with block indices at or after `from` moved by `delta`
    /// and line indices at or after `line_from` moved by `line_delta`.
    pub(super) fn shifted(
        &self,
        from: usize,
        delta: isize,
        line_from: usize,
        line_delta: isize,
    ) -> State {
        let mv = |b: usize| {
            if b >= from {
                b.wrapping_add_signed(delta)
            } else {
                b
            }
        };
        let mut s = self.clone();
        s.cur = s.cur.map(mv);
        s.holder = s.holder.map(mv);
        s.lost_by = s.lost_by.map(mv);
        if let Some(w) = s.w.0.as_deref_mut() {
            for b in (w.pending.iter_mut())
                .chain(&mut w.orphans)
                .chain(&mut w.fn_waiting)
                .chain(&mut w.fn_last_text)
                .chain(&mut w.fn_deferred)
                .chain(&mut w.fn_from)
            {
                *b = mv(*b);
            }
            for (b, _) in &mut w.sub_orphans {
                *b = mv(*b);
            }
        }
        s.fn_mode = match s.fn_mode {
            FnMode::None => FnMode::None,
            FnMode::Block { block, last } => FnMode::Block {
                block: mv(block),
                last,
            },
            FnMode::Rule {
                block,
                last,
                skipped,
            } => FnMode::Rule {
                block: block.map(mv),
                last,
                skipped,
            },
        };
        if s.skip_to >= line_from {
            s.skip_to = s.skip_to.wrapping_add_signed(line_delta);
        }
        s
    }
}

/// Blocks that wait for their text or their number, when an extraction set
/// markers or footnote numbers apart from their texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Waiting {
    /// Paragraphs of a marker alone whose text has not come yet, in text
    /// order, besides `cur`: an extraction may set a page's markers apart
    /// from their texts (`1.` `2.` then both texts; `2.` `(c)` then the
    /// text of (c)). The next paragraphs without a marker take them
    /// (`Parser::take_pending`). No checkpoint is made while one waits.
    pub(super) pending: Vec<usize>,
    /// Operative paragraphs without a number in a numbered body, in text
    /// order: an extraction may set a page's numbers out after their texts
    /// (texts of 3 to 8, then `3.` to `8.`). A number alone that comes
    /// next in the count takes the first (`Parser::number_orphan`). No
    /// checkpoint is made while one waits.
    pub(super) orphans: Vec<usize>,
    /// Items of a list that lost their markers at a page's top, with the
    /// ordinal each comes next with: pdftotext may set the marker of a
    /// page's first item at the page's end (`Ways to strengthen ...`, then
    /// `(c)` above the page's foot). A marker alone there that fits takes
    /// its item (`Parser::sub_orphan`). The page's foot ends the wait.
    pub(super) sub_orphans: Vec<(usize, u32)>,
    /// Footnotes of a column of numbers under a rule that wait for their
    /// texts, in order, and the last that got one (pdftotext sets a page's
    /// footnote numbers out before their texts).
    pub(super) fn_waiting: Vec<usize>,
    pub(super) fn_last_text: Option<usize>,
    /// Footnotes whose numbers came in a column of paragraph numbers alone
    /// (`13.`, then `4`, `5`), in order: pdftotext sets a page's note
    /// numbers there on pages with no space between paragraphs, and their
    /// texts under the page's last paragraph (`Parser::deferred_texts`).
    pub(super) fn_deferred: Vec<usize>,
    /// The first block of a page's column of footnote numbers alone, while
    /// it is read: at its end the texts go to the numbers in their order
    /// (`Parser::sort_note_column`).
    pub(super) fn_from: Option<usize>,
}

static NOTHING_WAITS: Waiting = Waiting {
    pending: Vec::new(),
    orphans: Vec::new(),
    sub_orphans: Vec::new(),
    fn_waiting: Vec::new(),
    fn_last_text: None,
    fn_deferred: Vec::new(),
    fn_from: None,
};

impl Waiting {
    fn is_empty(&self) -> bool {
        self.pending.is_empty()
            && self.orphans.is_empty()
            && self.sub_orphans.is_empty()
            && self.fn_waiting.is_empty()
            && self.fn_last_text.is_none()
            && self.fn_deferred.is_empty()
            && self.fn_from.is_none()
    }
}

/// A `Waiting` allocated only while something waits: a `State` is copied
/// into every checkpoint, and this keeps the copy small.
#[derive(Debug, Clone)]
pub(super) struct Lazy(Option<Box<Waiting>>);

impl Lazy {
    /// Whether nothing waits; frees the box then.
    pub(super) fn settle(&mut self) -> bool {
        if self.0.as_ref().is_some_and(|w| w.is_empty()) {
            self.0 = None;
        }
        self.0.is_none()
    }

    /// Forgets the paragraphs that wait (a closed paragraph ends their
    /// page), without allocating when none does.
    pub(super) fn forget_paragraphs(&mut self) {
        if let Some(w) = self.0.as_deref_mut() {
            w.pending.clear();
            w.orphans.clear();
            w.sub_orphans.clear();
        }
    }
}

impl std::ops::Deref for Lazy {
    type Target = Waiting;
    fn deref(&self) -> &Waiting {
        self.0.as_deref().unwrap_or(&NOTHING_WAITS)
    }
}

impl std::ops::DerefMut for Lazy {
    fn deref_mut(&mut self) -> &mut Waiting {
        self.0.get_or_insert_with(Box::default)
    }
}

impl PartialEq for Lazy {
    fn eq(&self, other: &Lazy) -> bool {
        **self == **other
    }
}

impl Eq for Lazy {}

/// A place where the walk may restart: before line `line`, with `blocks`
/// blocks and `defs` footnote definitions made, in state `state`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Checkpoint {
    pub(super) line: usize,
    pub(super) blocks: usize,
    pub(super) defs: usize,
    pub(super) state: State,
}

/// Where a resolution after the first starts: its heading runs from line
/// `heading` to its chapeau on line `chapeau`; the line before the heading
/// that ended the run back (`stop`: the previous resolution's last paragraph,
/// footnote or meeting line) decides it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ResolutionStart {
    pub(super) stop: usize,
    pub(super) heading: usize,
    pub(super) chapeau: usize,
    /// Whether its body numbers its operative paragraphs.
    pub(super) numbered: bool,
}
