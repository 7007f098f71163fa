//! The checks that walk the block list (`structure` of a block, `numbering`,
//! `sub-numbering`, `opener-*`, `terminator`), run as one fold over the
//! blocks, so that after an edit only the blocks around it are walked again.
//!
//! The fold's state before a block is kept every `EVERY` blocks. After a
//! re-parse the walk restarts at the last kept state before the blocks the
//! re-parse made anew, and stops at the first kept state past them that the
//! new walk reaches in the same state: from there on the old diagnostics
//! hold, moved by the edit.

use crate::diagnostic::Diagnostic;
use crate::syntax::parser::Changed;
use crate::syntax::{BlockKind, Document};

use super::{numbering, openers, structure, terminator};

/// How many blocks apart the fold's state is kept.
const EVERY: usize = 32;

/// What the fold carries from one block to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct State {
    numbers: numbering::Numbers,
    subs: Option<numbering::SubGroup>,
    terminator: terminator::Pending,
}

impl State {
    /// Whether `f` holds for each of its block indices.
    fn all_blocks(&self, f: impl Fn(usize) -> bool + Copy) -> bool {
        self.subs.as_ref().is_none_or(|g| g.all_blocks(f)) && self.terminator.all_blocks(f)
    }

    /// The state with its block indices mapped by `f`; `None` when one of
    /// them has no image (a block the re-parse made anew).
    fn mapped(&self, f: impl Fn(usize) -> Option<usize> + Copy) -> Option<State> {
        Some(State {
            numbers: self.numbers.clone(),
            subs: match &self.subs {
                Some(g) => Some(g.mapped(f)?),
                None => None,
            },
            terminator: self.terminator.mapped(f)?,
        })
    }
}

/// The kept states of one walk, for the next edit to resume from. The walk's
/// diagnostics are handed out, each with the block whose step made it
/// (`blocks.len()` for those made after the last block), in walk order.
#[derive(Debug, Clone, Default)]
pub struct BlockChecks {
    kept: Vec<(usize, State)>,
}

/// The diagnostics of a walk, each with the block whose step made it.
pub type Walked = Vec<(usize, Diagnostic)>;

/// Which of the old walk's diagnostics a walk after an edit leaves standing:
/// those of blocks before `from`, as they were, and, when the walk met the
/// old one at old block `met`, those of old blocks from `met` on, moved by
/// the edit. The others are replaced by the walk's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resumed {
    pub from: usize,
    pub met: Option<usize>,
}

impl BlockChecks {
    /// Walks every block of `doc`.
    pub fn run(src: &str, doc: &Document) -> (BlockChecks, Walked) {
        let mut out = BlockChecks::default();
        let mut walked = Vec::new();
        walk(src, doc, 0, State::default(), &mut out, &mut walked, None);
        (out, walked)
    }

    /// The checks of `doc`, a re-parse of the document `self` was made of:
    /// walks only from the blocks the re-parse changed until the walk meets
    /// the old one again. The old walk's diagnostics that `Resumed` names,
    /// with the walk's, are those of `run(src, doc)`; `None` when every
    /// block was walked.
    pub fn after(
        self,
        src: &str,
        doc: &Document,
        changed: Option<&Changed>,
    ) -> (BlockChecks, Walked, Option<Resumed>) {
        let Some(changed) = changed else {
            let (checks, walked) = BlockChecks::run(src, doc);
            return (checks, walked, None);
        };
        // Sub-paragraphs read their parent: those of a changed parent are
        // walked again too, up to the next paragraph that can be a parent.
        let mut until = changed.blocks.end;
        for (j, b) in doc.blocks.iter().enumerate().skip(changed.blocks.end) {
            if matches!(
                b.kind,
                BlockKind::Preambular | BlockKind::Operative | BlockKind::AnnexParagraph
            ) {
                break;
            }
            if b.parent()
                .is_some_and(|p| p >= changed.blocks.start && p < until)
            {
                until = j + 1;
            }
        }
        let BlockChecks { mut kept } = self;
        // Restart at the last state kept at or before the first changed block.
        let k = kept
            .partition_point(|(i, _)| *i <= changed.blocks.start)
            .saturating_sub(1);
        let (start, state) = match kept.get(k) {
            Some((i, s)) if *i <= changed.blocks.start => (*i, s.clone()),
            _ => (0, State::default()),
        };
        let old_kept = kept.split_off(kept.partition_point(|(i, _)| *i < start));
        let mut out = BlockChecks { kept };
        let old = Old {
            changed,
            until,
            kept: old_kept,
        };
        let mut walked = Vec::new();
        let met = walk(src, doc, start, state, &mut out, &mut walked, Some(old));
        (out, walked, Some(Resumed { from: start, met }))
    }
}

/// The old walk from the restart on.
struct Old<'a> {
    changed: &'a Changed,
    /// New block index from which the walk may meet the old one.
    until: usize,
    kept: Vec<(usize, State)>,
}

/// Walks from block `start` in state `st`; with `old`, until it meets the
/// old walk: returns the old block where it did.
fn walk(
    src: &str,
    doc: &Document,
    start: usize,
    mut st: State,
    out: &mut BlockChecks,
    walked: &mut Walked,
    old: Option<Old<'_>>,
) -> Option<usize> {
    let n = doc.blocks.len();
    // The old kept states past the changed blocks, as the walk reaches them.
    let mut next_old = 0;
    let mut ds = Vec::new();
    for i in start..n {
        if let Some(o) = &old {
            if i >= o.until {
                let c = o.changed;
                let at = c.old_index(i);
                while o.kept.get(next_old).is_some_and(|(j, _)| *j < at) {
                    next_old += 1;
                }
                let same = o.kept.get(next_old).is_some_and(|(j, s)| {
                    *j == at && s.mapped(|j| c.new_index(j)).as_ref() == Some(&st)
                });
                if same {
                    if let Some(o) = old {
                        meet(out, o, next_old);
                    }
                    return Some(at);
                }
            }
        }
        if (i - start).is_multiple_of(EVERY) {
            out.kept.push((i, st.clone()));
        }
        let b = &doc.blocks[i];
        structure::block(src, b, &mut ds);
        numbering::operative(src, b, &mut st.numbers, &mut ds);
        numbering::sub_step(src, doc, &mut st.subs, i, &mut ds);
        openers::block(src, b, &mut ds);
        terminator::step(src, doc, &mut st.terminator, i, &mut ds);
        walked.extend(ds.drain(..).map(|d| (i, d)));
    }
    numbering::sub_end(src, doc, &mut st.subs, &mut ds);
    terminator::end(src, doc, &mut st.terminator, &mut ds);
    walked.extend(ds.drain(..).map(|d| (n, d)));
    None
}

/// Takes the old walk's kept states from its `k`th on, moved by the edit.
fn meet(out: &mut BlockChecks, old: Old<'_>, k: usize) {
    let c = old.changed;
    let to_new = |j: usize| j.wrapping_add_signed(c.block_delta);
    // Every later state maps (it holds blocks of the meeting state or later
    // ones); one that did not would only be dropped, not wrong.
    if c.block_delta == 0 {
        // Block numbers did not move: the states are kept as they are.
        let maps = |x: usize| c.new_index(x).is_some();
        out.kept.extend(
            old.kept
                .into_iter()
                .skip(k)
                .filter(|(_, s)| s.all_blocks(maps)),
        );
        return;
    }
    out.kept.extend(
        old.kept
            .into_iter()
            .skip(k)
            .filter_map(|(j, s)| Some((to_new(j), s.mapped(|x| c.new_index(x))?))),
    );
}
