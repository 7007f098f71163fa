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
        // The old states from the restart on stay in place while the walk
        // keeps its own apart: where it meets the old walk, its states
        // replace the old ones before the meeting point, and those after it
        // stand (moved only when the block numbers moved), so that a
        // keystroke does not copy the states of the rest of the document.
        let from = kept.partition_point(|(i, _)| *i < start);
        let old = Old {
            changed,
            until,
            kept: &kept[from..],
        };
        let mut fresh = BlockChecks::default();
        let mut walked = Vec::new();
        let met = walk(src, doc, start, state, &mut fresh, &mut walked, Some(old));
        match met {
            // Block numbers did not move: the later states are kept as they
            // are (they hold blocks of the meeting state or later ones, all
            // kept).
            Some((_, k)) if changed.block_delta == 0 => {
                let walked_states = fresh.kept.len();
                kept.splice(from..from + k, fresh.kept);
                debug_assert!(kept[from + walked_states..]
                    .iter()
                    .all(|(_, s)| s.all_blocks(|x| changed.new_index(x).is_some())));
            }
            Some((_, k)) => {
                let later = kept.split_off(from + k);
                kept.truncate(from);
                kept.extend(fresh.kept);
                meet(&mut kept, changed, later);
            }
            None => {
                kept.truncate(from);
                kept.extend(fresh.kept);
            }
        }
        let met = met.map(|(at, _)| at);
        (
            BlockChecks { kept },
            walked,
            Some(Resumed { from: start, met }),
        )
    }
}

/// The old walk from the restart on.
struct Old<'a> {
    changed: &'a Changed,
    /// New block index from which the walk may meet the old one.
    until: usize,
    kept: &'a [(usize, State)],
}

/// Walks from block `start` in state `st`; with `old`, until it meets the
/// old walk: returns the old block where it did and the index in `old.kept`
/// of the state it met.
fn walk(
    src: &str,
    doc: &Document,
    start: usize,
    mut st: State,
    out: &mut BlockChecks,
    walked: &mut Walked,
    old: Option<Old<'_>>,
) -> Option<(usize, usize)> {
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
                    return Some((at, next_old));
                }
            }
        }
        // (Not a state that holds text offsets: an edit before them would
        // move them.)
        if (i - start).is_multiple_of(EVERY) && st.numbers.settled() {
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
    numbering::end(&mut st.numbers, &mut ds);
    numbering::sub_end(src, doc, &mut st.subs, &mut ds);
    terminator::end(src, doc, &mut st.terminator, &mut ds);
    walked.extend(ds.drain(..).map(|d| (n, d)));
    None
}

/// Takes the old walk's kept states from the meeting point on (`later`),
/// moved by an edit that moved block numbers.
fn meet(kept: &mut Vec<(usize, State)>, c: &Changed, later: Vec<(usize, State)>) {
    let to_new = |j: usize| j.wrapping_add_signed(c.block_delta);
    // Every later state maps (it holds blocks of the meeting state or later
    // ones); one that did not would only be dropped, not wrong.
    kept.extend(
        later
            .into_iter()
            .filter_map(|(j, s)| Some((to_new(j), s.mapped(|x| c.new_index(x))?))),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse_resumable, reparse, EditSpan};

    /// Keystrokes inside words (the block numbers stay) keep the old walk's
    /// states after the meeting point in place: after each, the kept states
    /// are a fresh walk's. Fails when the walk's own states go in at the
    /// wrong place among the old ones.
    #[test]
    fn states_kept_in_place_across_keystrokes_are_a_fresh_walk_s() {
        let seed = include_str!("../../../tests/fixtures/A-RES-66-184.txt");
        let mut text = format!("{seed}\n{seed}\n{seed}");
        let (mut doc, mut cache) = parse_resumable(&text);
        let (mut checks, _) = BlockChecks::run(&text, &doc);
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut rnd = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let inside: Vec<usize> = (1..text.len() - 1)
            .filter(|&i| {
                let b = text.as_bytes();
                b[i - 1].is_ascii_lowercase() && b[i].is_ascii_lowercase()
            })
            .collect();
        let mut compared = 0;
        for i in 0..300 {
            // Typed at a few places in turn, then deleted.
            let at = inside[rnd(inside.len())];
            let mut new = text.clone();
            if i % 2 == 0 {
                new.insert(at, 'x');
            } else {
                new.remove(at);
            }
            let edit = EditSpan::between(&text, &new).expect("an edit");
            (doc, cache) = reparse((doc, cache), &new, &edit);
            let (next, _, _) = checks.after(&new, &doc, cache.changed());
            let (fresh, _) = BlockChecks::run(&new, &doc);
            checks = match cache.changed() {
                Some(c) if c.block_delta == 0 => {
                    assert_eq!(next.kept, fresh.kept, "{edit:?}");
                    compared += 1;
                    next
                }
                _ => fresh,
            };
            text = new;
        }
        assert!(compared > 200, "{compared} compared");
    }
}
