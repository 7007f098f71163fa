//! The sequence of footnote references (SPEC section 2): which candidates
//! are references, given the definitions, read in text order.

use super::{Candidate, Strength};
use crate::syntax::model::{FootnoteDef, FootnoteRef};

/// The highest footnote number looked at: definitions are numbered with at
/// most four digits, so a bigger number has no definition.
const MAX_NUMBER: u32 = 99_999;

/// Decides which candidates are references, in text order (SPEC section
/// 2): every strong candidate; a medium or weak one only where the sequence
/// of references needs it. `cands` may be any candidates and `defs` any
/// definitions (those of one resolution, or of a whole document); the
/// references come out in text order.
///
/// Linear in the candidates and the highest defined number, but for a
/// logarithm on the few candidates that the sequence could take.
pub(in crate::syntax::parser) fn resolve(
    cands: &[Candidate],
    defs: &[FootnoteDef],
) -> Vec<FootnoteRef> {
    // Blocks are in text order but for those a page interrupts.
    if cands.is_sorted_by_key(|c| c.range.start) {
        Sequence::new(cands, defs).resolve()
    } else {
        let mut sorted = cands.to_vec();
        sorted.sort_by_key(|c| c.range.start);
        Sequence::new(&sorted, defs).resolve()
    }
}

/// Range maxima over a fixed list (a segment tree).
struct MaxTree {
    n: usize,
    t: Vec<u32>,
}

impl MaxTree {
    fn new(values: impl ExactSizeIterator<Item = u32>) -> MaxTree {
        let n = values.len();
        let mut t = vec![0; 2 * n];
        for (i, v) in values.enumerate() {
            t[n + i] = v;
        }
        for i in (1..n).rev() {
            t[i] = t[2 * i].max(t[2 * i + 1]);
        }
        MaxTree { n, t }
    }

    /// The maximum of positions `l..r` (0 when empty).
    fn max(&self, l: usize, r: usize) -> u32 {
        let (mut l, mut r) = (l.min(self.n) + self.n, r.min(self.n) + self.n);
        let mut m = 0;
        while l < r {
            if l & 1 == 1 {
                m = m.max(self.t[l]);
                l += 1;
            }
            if r & 1 == 1 {
                r -= 1;
                m = m.max(self.t[r]);
            }
            l /= 2;
            r /= 2;
        }
        m
    }
}

/// What [`resolve`] reads the candidates against.
struct Sequence<'c> {
    cands: &'c [Candidate],
    /// `defined[n]`: footnote n has a definition (up to the highest defined).
    defined: Vec<bool>,
    /// `defined_below[n]`: how many numbers below n have a definition.
    defined_below: Vec<u32>,
    /// `next_def[n]`: the smallest defined number above n (0: none).
    next_def: Vec<u32>,
    /// The indices of the candidates of each defined number and strength,
    /// in text order: bucket `3n + strength`, `items[start[b]..start[b + 1]]`.
    start: Vec<u32>,
    items: Vec<u32>,
    /// Per bucket, the first of its items not before the candidate looked
    /// at (candidates are looked at in text order).
    cursor: Vec<u32>,
    /// Built when first needed: the number of each strong candidate (0 for
    /// the others), and per number one plus the index of its last candidate.
    strong_numbers: Option<MaxTree>,
    last_of_number: Option<MaxTree>,
}

impl<'c> Sequence<'c> {
    fn new(cands: &'c [Candidate], defs: &[FootnoteDef]) -> Sequence<'c> {
        let top = defs
            .iter()
            .map(|d| d.number)
            .filter(|&n| n <= MAX_NUMBER)
            .max()
            .unwrap_or(0) as usize;
        let mut defined = vec![false; top + 1];
        for d in defs.iter().filter(|d| d.number <= MAX_NUMBER) {
            defined[d.number as usize] = true;
        }
        let mut defined_below = vec![0u32; top + 2];
        for n in 0..=top {
            defined_below[n + 1] = defined_below[n] + u32::from(defined[n]);
        }
        let mut next_def = vec![0u32; top + 1];
        let mut next = 0u32;
        for n in (0..=top).rev() {
            next_def[n] = next;
            if defined[n] {
                next = n as u32;
            }
        }
        let buckets = 3 * (top + 1);
        let bucket = |c: &Candidate| -> Option<usize> {
            let n = c.number as usize;
            (n <= top && defined[n]).then(|| 3 * n + c.strength as usize)
        };
        let mut start = vec![0u32; buckets + 1];
        for c in cands {
            if let Some(b) = bucket(c) {
                start[b + 1] += 1;
            }
        }
        for b in 0..buckets {
            start[b + 1] += start[b];
        }
        let mut fill = start.clone();
        let mut items = vec![0u32; start[buckets] as usize];
        for (i, c) in cands.iter().enumerate() {
            if let Some(b) = bucket(c) {
                items[fill[b] as usize] = i as u32;
                fill[b] += 1;
            }
        }
        let cursor = start[..buckets].to_vec();
        Sequence {
            cands,
            defined,
            defined_below,
            next_def,
            start,
            items,
            cursor,
            strong_numbers: None,
            last_of_number: None,
        }
    }

    fn is_defined(&self, n: u32) -> bool {
        self.defined.get(n as usize).copied().unwrap_or(false)
    }

    /// The first candidate after candidate `i` of defined number `n` with
    /// strength `s`.
    fn next_of(&mut self, n: u32, s: Strength, i: usize) -> Option<usize> {
        let b = 3 * n as usize + s as usize;
        let end = self.start[b + 1];
        let mut k = self.cursor[b];
        while k < end && self.items[k as usize] as usize <= i {
            k += 1;
        }
        self.cursor[b] = k;
        (k < end).then(|| self.items[k as usize] as usize)
    }

    /// The first candidate after candidate `i` of defined number `n`
    /// stronger than `s`.
    fn next_stronger(&mut self, n: u32, s: Strength, i: usize) -> Option<usize> {
        let mut q = self.next_of(n, Strength::Strong, i);
        if s == Strength::Weak {
            q = min_some(q, self.next_of(n, Strength::Medium, i));
        }
        q
    }

    /// The first candidate after candidate `i` of defined number `n`.
    fn next_any(&mut self, n: u32, i: usize) -> Option<usize> {
        let q = min_some(
            self.next_of(n, Strength::Weak, i),
            self.next_of(n, Strength::Medium, i),
        );
        min_some(q, self.next_of(n, Strength::Strong, i))
    }

    /// The highest number of a strong candidate among candidates `l..r`.
    fn highest_strong(&mut self, l: usize, r: usize) -> u32 {
        let cands = self.cands;
        self.strong_numbers
            .get_or_insert_with(|| {
                MaxTree::new(cands.iter().map(|c| {
                    if c.strength == Strength::Strong {
                        c.number
                    } else {
                        0
                    }
                }))
            })
            .max(l, r)
    }

    /// Whether some number in `from..to` (all defined) has a candidate
    /// after candidate `i`.
    fn any_later(&mut self, from: usize, to: usize, i: usize) -> bool {
        if self.last_of_number.is_none() {
            let top = self.defined.len();
            let last: Vec<u32> = (0..top)
                .map(|n| {
                    (0..3)
                        .filter_map(|s| {
                            let b = 3 * n + s;
                            let (a, e) = (self.start[b], self.start[b + 1]);
                            (e > a).then(|| self.items[e as usize - 1] + 1)
                        })
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            self.last_of_number = Some(MaxTree::new(last.into_iter()));
        }
        let tree = self.last_of_number.as_ref().expect("built above");
        tree.max(from, to) as usize > i + 1
    }

    /// Whether medium or weak candidate `i` is a reference, the highest
    /// footnote referenced before it being `highest`.
    fn needed(&mut self, i: usize, highest: u32) -> bool {
        let cands = self.cands;
        let c = &cands[i];
        let (n, s) = (c.number, c.strength);
        if n <= highest || !self.is_defined(n) {
            return false;
        }
        // Past the next expected number only over numbers that are all
        // defined and whose references were lost: nothing later can be one.
        let expected = highest as usize + 1;
        let n_us = n as usize;
        if n_us > expected {
            let all_defined = (self.defined_below[n_us] - self.defined_below[expected]) as usize
                == n_us - expected;
            if !all_defined || self.any_later(expected, n_us, i) {
                return false;
            }
        }
        // A stronger candidate for the number before the first candidate
        // for the next defined number (or a strong one for a higher number)
        // is the reference, not this one.
        let Some(q) = self.next_stronger(n, s, i) else {
            return true;
        };
        let next = self.next_def[n_us];
        let window_end = if next > 0 {
            self.next_any(next, i)
        } else {
            None
        };
        if window_end.is_some_and(|e| e < q) {
            return true;
        }
        self.highest_strong(i + 1, q) > n
    }

    fn resolve(mut self) -> Vec<FootnoteRef> {
        // The sequence starts at the first definition: a resolution of a
        // document that numbers its notes across starts at 14, not 1.
        let first = self.defined.iter().position(|&d| d).unwrap_or(1) as u32;
        let mut highest = first.saturating_sub(1);
        let mut refs = Vec::new();
        let cands = self.cands;
        for (i, c) in cands.iter().enumerate() {
            let is_ref = c.strength == Strength::Strong || self.needed(i, highest);
            if is_ref {
                if self.is_defined(c.number) {
                    highest = highest.max(c.number);
                }
                refs.push(FootnoteRef {
                    number: c.number,
                    range: c.range.clone(),
                    block: c.block,
                });
            }
        }
        refs
    }
}

fn min_some(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}
