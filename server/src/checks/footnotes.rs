//! Footnote checks: undefined, unused, duplicate, out of order, repeated.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::config::{Config, FootnoteRepeat};
use crate::diagnostic::{Code, Diagnostic, Related};
use crate::syntax::parser::FootnotesChanged;
use crate::syntax::{Document, EditSpan, FootnoteDef, FootnoteRef};

/// Whether `doc`, which a re-parse made from the old document with `edit`
/// applied, has the old document's footnotes at the same places moved by
/// the edit: then `check` says on it what it said on the old text, moved.
/// (`check` reads numbers, their order and each resolution's counts, and
/// copies ranges, which the edit moves in order.) Only what the re-parse
/// made anew is compared (`changed`): the others are the old ones, kept
/// before the edit or moved past it. As `Input::of` on the old document
/// then `Input::same_after` (which copied and compared the whole lists).
pub(crate) fn same_after(changed: &FootnotesChanged, edit: &EditSpan, doc: &Document) -> bool {
    let moved = |r: &Range<usize>, s: &Range<usize>| edit.map_range(r).as_ref() == Some(s);
    let (Some(defs), Some(refs), Some(counts)) = (
        doc.footnote_defs.get(changed.new_defs.clone()),
        doc.footnote_refs.get(changed.new_refs.clone()),
        doc.footnote_counts.get(changed.counts.clone()),
    ) else {
        return false;
    };
    changed.old_defs.len() == defs.len()
        && changed.old_refs.len() == refs.len()
        && counts == changed.old_counts.as_slice()
        && (changed.old_defs.iter())
            .zip(defs)
            .all(|((n, r), d)| *n == d.number && moved(r, &d.number_range))
        && (changed.old_refs.iter())
            .zip(refs)
            .all(|(a, b)| a.number == b.number && moved(&a.range, &b.range))
}

/// What [`check`] reads of a document: the number and range of each
/// footnote definition and reference, in order, and each resolution's
/// counts. The tests compare [`same_after`] with it.
#[cfg(test)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Input {
    defs: Vec<(u32, Range<usize>)>,
    pub(crate) refs: Vec<FootnoteRef>,
    /// How many definitions and references each resolution holds, in
    /// order: the check reads each resolution's footnotes on their own.
    split: Vec<(usize, usize)>,
}

#[cfg(test)]
impl Input {
    pub(crate) fn of(doc: &Document) -> Input {
        Input {
            defs: doc
                .footnote_defs
                .iter()
                .map(|d| (d.number, d.number_range.clone()))
                .collect(),
            refs: doc.footnote_refs.clone(),
            split: per_resolution(doc)
                .map(|(d, r)| (d.len(), r.len()))
                .collect(),
        }
    }

    /// Whether `doc` (the text after `edit`) has the same footnotes at the
    /// same places moved by the edit: then `check` says on it what it said
    /// on the old text, moved. (`check` reads numbers and their order, and
    /// copies ranges, which the edit moves in order.)
    pub(crate) fn same_after(&self, edit: &EditSpan, doc: &Document) -> bool {
        let moved = |r: &Range<usize>, s: &Range<usize>| edit.map_range(r).as_ref() == Some(s);
        self.defs.len() == doc.footnote_defs.len()
            && self.refs.len() == doc.footnote_refs.len()
            && (self.defs.iter())
                .zip(&doc.footnote_defs)
                .all(|((n, r), d)| *n == d.number && moved(r, &d.number_range))
            && (self.refs.iter())
                .zip(&doc.footnote_refs)
                .all(|(a, b)| a.number == b.number && moved(&a.range, &b.range))
            && per_resolution(doc)
                .map(|(d, r)| (d.len(), r.len()))
                .eq(self.split.iter().copied())
    }
}

/// The footnote checks of each resolution of the document on its own
/// (footnotes restart at 1 in each, or go on from the resolutions before).
pub fn check(doc: &Document, config: &Config, out: &mut Vec<Diagnostic>) {
    // The highest footnote the resolutions before defined.
    let mut before = 0;
    for (defs, refs) in per_resolution(doc) {
        let (lowest, highest) = defs.iter().fold((u32::MAX, 0), |(lo, hi), d| {
            (lo.min(d.number), hi.max(d.number))
        });
        // A resolution whose notes go on from those before (a document
        // that numbers its notes across its resolutions at each page's
        // foot) counts from there; any other from 1.
        let first = if before > 0 && lowest > before && lowest != u32::MAX {
            before + 1
        } else {
            1
        };
        check_resolution(defs, refs, first, config, out);
        before = before.max(highest);
    }
}

/// The footnote definitions and references of each resolution that has
/// some, in order (split by the counts the parser keeps: finding where a
/// resolution's footnotes end by their blocks read a block far away for
/// every resolution, on every keystroke).
fn per_resolution(doc: &Document) -> impl Iterator<Item = (&[FootnoteDef], &[FootnoteRef])> {
    let (mut defs, mut refs) = (&doc.footnote_defs[..], &doc.footnote_refs[..]);
    doc.footnote_counts
        .iter()
        .filter(|&&(nd, nr)| nd + nr > 0)
        .map(move |&(nd, nr)| {
            let (d, r) = (defs.split_at(nd), refs.split_at(nr));
            (defs, refs) = (d.1, r.1);
            // (One scope for the whole document when it numbers its
            // footnotes across its resolutions: `numbered_across`.)
            debug_assert!(
                doc.footnote_counts.len() == 1 || {
                    let res = |b: usize| doc.blocks.get(b).map_or(0, |b| b.resolution);
                    let mut all =
                        (d.0.iter().map(|d| res(d.block))).chain(r.0.iter().map(|r| res(r.block)));
                    let first = all.next();
                    all.all(|k| Some(k) == first)
                }
            );
            (d.0, r.0)
        })
}

/// The checks of one resolution's footnotes, numbered from `first`.
fn check_resolution(
    footnote_defs: &[FootnoteDef],
    footnote_refs: &[FootnoteRef],
    first: u32,
    config: &Config,
    out: &mut Vec<Diagnostic>,
) {
    let mut first_def: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, d) in footnote_defs.iter().enumerate() {
        if let Some(&f) = first_def.get(&d.number) {
            let first = &footnote_defs[f];
            out.push(
                Diagnostic::new(
                    Code::FootnoteDuplicate,
                    d.number_range.clone(),
                    format!("footnote {} is defined twice", d.number),
                )
                .with_related(Related {
                    document: None,
                    range: first.number_range.clone(),
                    message: format!("first definition of footnote {}", d.number),
                }),
            );
        } else {
            first_def.insert(d.number, i);
        }
    }
    let referenced: BTreeSet<u32> = footnote_refs.iter().map(|r| r.number).collect();
    for r in footnote_refs {
        if !first_def.contains_key(&r.number) {
            out.push(Diagnostic::new(
                Code::FootnoteUndefined,
                r.range.clone(),
                format!("footnote {} is referenced but never defined", r.number),
            ));
        }
    }
    for (&n, &i) in &first_def {
        if !referenced.contains(&n) {
            out.push(Diagnostic::new(
                Code::FootnoteUnused,
                footnote_defs[i].number_range.clone(),
                format!("footnote {n} is defined but nothing references it"),
            ));
        }
    }

    // Order of first references, and repeated references.
    let mut seen = BTreeSet::new();
    let mut highest = 0;
    for r in footnote_refs {
        if seen.insert(r.number) {
            if r.number < highest {
                out.push(Diagnostic::new(
                    Code::FootnoteOrder,
                    r.range.clone(),
                    format!(
                        "footnote {} is first referenced after footnote {highest}; footnotes are numbered in order of first reference",
                        r.number
                    ),
                ));
            }
            highest = highest.max(r.number);
        } else if config.footnotes_repeat == FootnoteRepeat::Forbid {
            out.push(Diagnostic::new(
                Code::FootnoteRepeated,
                r.range.clone(),
                format!(
                    "footnote {} is referenced again; a repeated source gets a new footnote with the same text",
                    r.number
                ),
            ));
        }
    }

    // Numbers missing from the sequence altogether.
    // Undefined references are reported already and do not open a gap.
    let all: BTreeSet<u32> = first_def.keys().copied().collect();
    let Some(&max) = all.iter().next_back() else {
        return;
    };
    let mut n = first;
    while n < max {
        if !all.contains(&n) {
            let gap_start = n;
            while !all.contains(&n) {
                n += 1;
            }
            // Reported at the first place the number after the gap appears.
            let at = footnote_refs
                .iter()
                .find(|r| r.number == n)
                .map(|r| r.range.clone())
                .or_else(|| {
                    first_def
                        .get(&n)
                        .map(|&i| footnote_defs[i].number_range.clone())
                });
            if let Some(range) = at {
                let missing = if gap_start + 1 == n {
                    format!("footnote {gap_start} is missing")
                } else {
                    format!("footnotes {gap_start} to {} are missing", n - 1)
                };
                out.push(Diagnostic::new(
                    Code::FootnoteOrder,
                    range,
                    format!("{missing}: footnote numbers jump to {n}"),
                ));
            }
        }
        n += 1;
    }
}
