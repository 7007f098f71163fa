//! Citations of resolutions, decisions and documents (SPEC section 3).
//!
//! The recogniser reads the text of each block (its lines joined, footnote
//! references cut out) so that citations wrapped across lines and pages are
//! found whole, and reports byte ranges into the document.

mod joined;
mod scan;

use std::ops::Range;

use crate::un::symbol::{Kind, Ref, Session};

use crate::config::Config;
use crate::syntax::parser::Changed;
use crate::syntax::EditSpan;
use crate::syntax::{BlockKind, Document, FootnoteRef};
use crate::un::{Body, Date, Organ};
use joined::Joined;
use scan::OrganRef;

/// A date written in a citation (`of 21 December 2001`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedDate {
    pub date: Date,
    /// `21 December 2001` in the document.
    pub range: Range<usize>,
}

/// A recognised citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Canonical symbol as the catalogue writes it (`A/RES/56/183`,
    /// `S/RES/1325(2000)`); a document symbol as written; for a malformed
    /// symbol, the text as written.
    pub symbol: String,
    pub kind: Kind,
    /// The organ (`None` for documents of other series).
    pub body: Option<Body>,
    pub session: Option<Session>,
    pub number: Option<u32>,
    pub part: Option<char>,
    /// The cited number as written (`56/183`, `57/270 B`, `1325 (2000)`), or
    /// the document symbol.
    pub range: Range<usize>,
    pub date: Option<CitedDate>,
    /// The year in parentheses of an SC citation and its range (`2000`).
    pub sc_year: Option<(u16, Range<usize>)>,
    /// Citations of one list (`its resolutions 56/183 ..., 57/238 ... and
    /// 57/270 B ...`) share a group; `None` for a document symbol.
    pub group: Option<u64>,
    /// For a symbol that breaks the symbol grammar: what is wrong.
    pub malformed: Option<String>,
    /// The index of the first block of the unit of text it was read in.
    pub(crate) unit: usize,
}

impl Citation {
    pub fn reference(&self) -> Ref {
        Ref {
            kind: self.kind,
            body: self.body,
            session: self.session,
            number: self.number,
            part: self.part,
        }
    }

    /// Moved by an edit before it: `bytes` in the text, `blocks` in the
    /// block list.
    fn shift(&mut self, bytes: isize, blocks: isize) {
        let mv = |r: &mut Range<usize>| {
            *r = r.start.wrapping_add_signed(bytes)..r.end.wrapping_add_signed(bytes);
        };
        mv(&mut self.range);
        if let Some(d) = &mut self.date {
            mv(&mut d.range);
        }
        if let Some((_, r)) = &mut self.sc_year {
            mv(r);
        }
        self.unit = self.unit.wrapping_add_signed(blocks);
        if let Some(g) = &mut self.group {
            *g = group_id(self.unit, *g as u32);
        }
    }

    /// Whether a byte offset falls on the citation's number or date.
    pub fn contains(&self, offset: usize) -> bool {
        let within = |r: &Range<usize>| r.start <= offset && offset <= r.end;
        within(&self.range) || self.date.as_ref().is_some_and(|d| within(&d.range))
    }
}

fn organ_ref(organ: Option<&Organ>) -> Option<OrganRef> {
    organ.map(|o| match o.body() {
        Some(b) => OrganRef::Body(b),
        None => OrganRef::Other,
    })
}

/// The organ that "its resolution" means in a document: the chapeau's, or
/// the configured one when there is no chapeau.
pub fn document_organ(doc: &Document, config: &Config) -> Option<Organ> {
    doc.organ
        .clone()
        .or_else(|| config.organ.as_deref().map(Organ::from_name))
}

/// Finds every citation in the document, in text order.
pub fn recognise(src: &str, doc: &Document, config: &Config) -> Vec<Citation> {
    let organ = document_organ(doc, config);
    let refs = ref_ranges(doc);
    let units = units(doc, 0..doc.blocks.len());
    let mut out = recognise_units(src, &units, &refs, organ.as_ref());
    sort(&mut out);
    out
}

/// As [`recognise`], for a document that a re-parse made from the one whose
/// citations are `prev`: only the units of text around the blocks the
/// re-parse changed are read again, the others' citations are kept (moved
/// by the edit) in place. Equal to `recognise(src, doc, config)`.
///
/// The flag says whether the citations read again are the old ones moved by
/// `edit` (the same for every check: see [`same_for_checks`]), so that the
/// checks' old diagnostics, moved, are the new ones. The last part says
/// where in the list the citations read again went, when the others kept
/// their order (`None`: the list was sorted again), and the last what the
/// old ones there cited (their symbols; none without the third part).
pub(crate) fn recognise_after(
    mut prev: Vec<Citation>,
    src: &str,
    doc: &Document,
    changed: &Changed,
    edit: &EditSpan,
    config: &Config,
) -> (Vec<Citation>, bool, Option<Respliced>, Vec<String>) {
    let organ = document_organ(doc, config);
    let refs = ref_ranges(doc);
    let blocks = &doc.blocks;
    // The blocks to read again: those the re-parse changed and those whose
    // footnote references changed (references are numbered across the
    // document), grown to whole units.
    let (mut lo, mut hi) = (changed.blocks.start, changed.blocks.end);
    for r in refs_changed(&doc.footnote_refs, changed) {
        lo = lo.min(r);
        hi = hi.max(r + 1);
    }
    while lo > 0 && mergeable(blocks[lo - 1].kind) {
        lo -= 1;
    }
    while hi < blocks.len() && mergeable(blocks[hi].kind) {
        hi += 1;
    }
    let old_hi = changed.old_index(hi);
    let mut fresh = recognise_units(src, &units(doc, lo..hi), &refs, organ.as_ref());
    sort(&mut fresh);
    // One pass: move the citations after the region, find the old ones in
    // it (by their place in the list: a moved citation's new unit can fall
    // in the region's old range when the edit removed blocks).
    let mut region: Vec<usize> = Vec::new();
    for (i, c) in prev.iter_mut().enumerate() {
        if c.unit >= old_hi {
            c.shift(changed.byte_delta, changed.block_delta);
        } else if c.unit >= lo {
            region.push(i);
        }
    }
    let count = region.len();
    let (first, last) = match (region.first(), region.last()) {
        (Some(&a), Some(&b)) => (a, b + 1),
        _ => (0, 0),
    };
    let same = count == fresh.len()
        && same_for_checks(region.iter().map(|&i| &prev[i]), fresh.iter(), edit);
    if count == 0 || last - first == count {
        // The old region is one run of the list (as good as always): the
        // new one takes its place, and the list stays in text order unless
        // the region's text interleaves with a kept unit's.
        let at = if count == 0 {
            let key = fresh.first().map(|c| (c.range.start, c.unit));
            prev.partition_point(|c| Some((c.range.start, c.unit)) < key)
        } else {
            first
        };
        let end = at + count;
        let n = fresh.len();
        let old_symbols: Vec<String> = prev.splice(at..end, fresh).map(|c| c.symbol).collect();
        let key = |c: &Citation| (c.range.start, c.unit);
        let joins = |i: usize| i == 0 || i >= prev.len() || key(&prev[i - 1]) <= key(&prev[i]);
        if joins(at) && joins(at + n) {
            let respliced = Respliced {
                at,
                old_end: end,
                new_end: at + n,
            };
            return (prev, same, Some(respliced), old_symbols);
        }
        sort(&mut prev);
    } else {
        let mut at = 0;
        let mut next = region.iter().peekable();
        prev.retain(|_| {
            let old = next.next_if_eq(&&at).is_some();
            at += 1;
            !old
        });
        prev.extend(fresh);
        sort(&mut prev);
    }
    (prev, same, None, Vec::new())
}

/// Where the citations read again after an edit went in the list: the old
/// `at..old_end` were replaced by the new `at..new_end`; those before stayed,
/// those after moved by the difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Respliced {
    pub(crate) at: usize,
    pub(crate) old_end: usize,
    pub(crate) new_end: usize,
}

impl Respliced {
    /// The new index of old citation `i`; `None` for one read again.
    pub(crate) fn new_index(&self, i: usize) -> Option<usize> {
        if i < self.at {
            Some(i)
        } else if i >= self.old_end {
            Some(i - self.old_end + self.new_end)
        } else {
            None
        }
    }
}

/// Whether two runs of citations, `old` of the old text and `new` of the
/// text after `edit`, are the same for every citation check: the same
/// symbols, dates and numbers, at the old places moved by the edit, in the
/// same lists. Each check reads only these and their order, so its
/// diagnostics on `new` are those on `old` moved by the edit.
pub(crate) fn same_for_checks<'a>(
    mut old: impl Iterator<Item = &'a Citation>,
    mut new: impl Iterator<Item = &'a Citation>,
    edit: &EditSpan,
) -> bool {
    let (mut prev_old, mut prev_new): (Option<&Citation>, Option<&Citation>) = (None, None);
    loop {
        let (a, b) = match (old.next(), new.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) => (a, b),
            _ => return false,
        };
        // Every field is named, so that a new one has to be weighed here:
        // `unit` and the group's number only say which list, compared below.
        let Citation {
            symbol: _,
            kind: _,
            body: _,
            session: _,
            number: _,
            part: _,
            range: _,
            date: _,
            sc_year: _,
            group: _,
            malformed: _,
            unit: _,
        } = a;
        let moved = |r: &Range<usize>| edit.map_range(r);
        let same_list = |p: Option<&Citation>, c: &Citation| {
            c.group.is_some() && p.is_some_and(|p| p.group == c.group)
        };
        let equal = a.symbol == b.symbol
            && a.reference() == b.reference()
            && a.malformed == b.malformed
            && moved(&a.range).as_ref() == Some(&b.range)
            && match (&a.date, &b.date) {
                (None, None) => true,
                (Some(x), Some(y)) => {
                    x.date == y.date && moved(&x.range).as_ref() == Some(&y.range)
                }
                _ => false,
            }
            && match (&a.sc_year, &b.sc_year) {
                (None, None) => true,
                (Some(x), Some(y)) => x.0 == y.0 && moved(&x.1).as_ref() == Some(&y.1),
                _ => false,
            }
            && a.group.is_some() == b.group.is_some()
            && same_list(prev_old, a) == same_list(prev_new, b);
        if !equal {
            return false;
        }
        prev_old = Some(a);
        prev_new = Some(b);
    }
}

/// New block indices of footnote references that differ between the old and
/// the new document (`new`), outside the blocks the re-parse changed (the
/// old ones after them compared as moved by the edit). Only the references
/// the re-parse resolved again are compared, with the old ones they
/// replaced (`Changed::footnotes`): the others are the old ones, kept or
/// moved, and the blocks that hold them whole resolutions, none of which
/// holds one of those.
fn refs_changed(new: &[FootnoteRef], changed: &Changed) -> Vec<usize> {
    let old = &changed.footnotes.old_refs[..];
    let new = new.get(changed.footnotes.new_refs.clone()).unwrap_or(new);
    let (start, end) = (changed.blocks.start, changed.blocks.end);
    let old_end = changed.old_index(end);
    let moved = |r: &FootnoteRef| FootnoteRef {
        number: r.number,
        range: r.range.start.wrapping_add_signed(changed.byte_delta)
            ..r.range.end.wrapping_add_signed(changed.byte_delta),
        block: r.block.wrapping_add_signed(changed.block_delta),
    };
    let mut out = Vec::new();
    let mut differ = |a: &mut dyn Iterator<Item = FootnoteRef>,
                      b: &mut dyn Iterator<Item = FootnoteRef>| loop {
        match (a.next(), b.next()) {
            (None, None) => break,
            (x, y) if x == y => {}
            (x, y) => out.extend(x.into_iter().chain(y).map(|r| r.block)),
        }
    };
    differ(
        &mut old.iter().filter(|r| r.block < start).cloned(),
        &mut new.iter().filter(|r| r.block < start).cloned(),
    );
    differ(
        &mut old.iter().filter(|r| r.block >= old_end).map(moved),
        &mut new.iter().filter(|r| r.block >= end).cloned(),
    );
    out
}

/// Text order; citations at one offset (none in practice) by unit.
fn sort(out: &mut [Citation]) {
    out.sort_by_key(|c| (c.range.start, c.unit));
}

fn ref_ranges(doc: &Document) -> Vec<Range<usize>> {
    let mut refs: Vec<Range<usize>> = doc.footnote_refs.iter().map(|r| r.range.clone()).collect();
    refs.sort_by_key(|r| r.start);
    refs
}

/// Blocks that join their neighbours of the same sort into one unit of
/// text: adjacent heading lines (`Resolution 242 (1967)` / `of 22 November
/// 1967`) and text the parser could not place.
fn mergeable(k: BlockKind) -> bool {
    matches!(
        k,
        BlockKind::Unknown | BlockKind::Heading | BlockKind::Title
    )
}

/// A unit of text read as one: its first block's index and its lines.
struct Unit {
    block: usize,
    lines: Vec<Range<usize>>,
}

/// The units that start in `range` of blocks: each block, except that
/// adjacent mergeable blocks are one unit; blank lines and page furniture
/// are none. `range` must start at a unit's start.
fn units(doc: &Document, range: Range<usize>) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut prev: Option<BlockKind> = None;
    for (i, block) in doc.blocks[range.clone()].iter().enumerate() {
        match block.kind {
            BlockKind::Blank | BlockKind::Furniture => {
                prev = None;
                continue;
            }
            k if prev.is_some_and(|p| mergeable(p) && mergeable(k)) => {
                units
                    .last_mut()
                    .expect("previous unit")
                    .lines
                    .extend(block.lines.iter());
            }
            _ => units.push(Unit {
                block: range.start + i,
                lines: block.lines.iter().collect(),
            }),
        }
        prev = Some(block.kind);
    }
    units
}

/// Finds every citation in plain text, paragraph by paragraph (blank lines
/// separate paragraphs). `organ` is what "its resolution" means.
pub fn recognise_text(src: &str, organ: Option<&Organ>) -> Vec<Citation> {
    let mut units: Vec<Unit> = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    let mut push = |lines: Vec<Range<usize>>| {
        let block = units.len();
        units.push(Unit { block, lines });
    };
    for line in src.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if !current.is_empty() {
                push(std::mem::take(&mut current));
            }
        } else {
            current.push(pos..pos + content.len());
        }
        pos += line.len();
    }
    if !current.is_empty() {
        push(current);
    }
    let mut out = recognise_units(src, &units, &[], organ);
    sort(&mut out);
    out
}

/// The citations of each unit, in unit order (not sorted).
fn recognise_units(
    src: &str,
    units: &[Unit],
    exclude: &[Range<usize>],
    organ: Option<&Organ>,
) -> Vec<Citation> {
    let default = organ_ref(organ);
    let mut out = Vec::new();
    let mut raw = Vec::new();
    let mut joined = Joined::default();
    for unit in units {
        joined.clear();
        for line in &unit.lines {
            joined.push_line(src, line.clone(), exclude);
        }
        raw.clear();
        // Lists are numbered within the unit; the group is unique in the
        // document with the unit's block in its high bits.
        let mut next_group = 0;
        scan::scan(&joined.text, default, &mut next_group, &mut raw);
        for r in raw.drain(..) {
            out.push(Citation {
                symbol: r.symbol,
                kind: r.reference.kind,
                body: r.reference.body,
                session: r.reference.session,
                number: r.reference.number,
                part: r.reference.part,
                range: joined.doc_range(r.range),
                date: r.date.map(|(date, range)| CitedDate {
                    date,
                    range: joined.doc_range(range),
                }),
                sc_year: r.sc_year.map(|(y, range)| (y, joined.doc_range(range))),
                group: r.group.map(|g| group_id(unit.block, g)),
                malformed: r.malformed,
                unit: unit.block,
            });
        }
    }
    out
}

fn group_id(unit: usize, local: u32) -> u64 {
    ((unit as u64) << 32) | u64::from(local)
}

#[cfg(test)]
mod tests;
