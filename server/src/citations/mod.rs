//! Citations of resolutions, decisions and documents (SPEC section 3).
//!
//! The recogniser reads the text of each block (its lines joined, footnote
//! references cut out) so that citations wrapped across lines and pages are
//! found whole, and reports byte ranges into the document.

mod joined;
mod scan;
pub mod symbol;

use std::ops::Range;

pub use symbol::{Kind, Ref, Session};

use crate::catalog::{Body, Date};
use crate::config::Config;
use crate::syntax::{BlockKind, Document, Organ};
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
    pub group: Option<u32>,
    /// For a symbol that breaks the symbol grammar: what is wrong.
    pub malformed: Option<String>,
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

    /// Whether a byte offset falls on the citation's number or date.
    pub fn contains(&self, offset: usize) -> bool {
        let within = |r: &Range<usize>| r.start <= offset && offset <= r.end;
        within(&self.range) || self.date.as_ref().is_some_and(|d| within(&d.range))
    }
}

fn organ_ref(organ: Option<&Organ>) -> Option<OrganRef> {
    organ.map(|o| match Body::from_organ(o) {
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
    let mut refs: Vec<Range<usize>> = doc.footnote_refs.iter().map(|r| r.range.clone()).collect();
    refs.sort_by_key(|r| r.start);
    // Units of text: each block, except that adjacent heading lines (`Resolution
    // 242 (1967)` / `of 22 November 1967`) and adjacent `Unknown` blocks (text
    // the parser could not place) are read as one.
    let mergeable = |k: BlockKind| {
        matches!(
            k,
            BlockKind::Unknown | BlockKind::Heading | BlockKind::Title
        )
    };
    let mut units: Vec<Vec<Range<usize>>> = Vec::new();
    let mut prev: Option<BlockKind> = None;
    for block in &doc.blocks {
        match block.kind {
            BlockKind::Blank | BlockKind::Furniture => {
                prev = None;
                continue;
            }
            k if prev.is_some_and(|p| mergeable(p) && mergeable(k)) => {
                units
                    .last_mut()
                    .expect("previous unit")
                    .extend(block.lines.iter().cloned());
            }
            _ => units.push(block.lines.clone()),
        }
        prev = Some(block.kind);
    }
    recognise_units(src, &units, &refs, organ.as_ref())
}

/// Finds every citation in plain text, paragraph by paragraph (blank lines
/// separate paragraphs). `organ` is what "its resolution" means.
pub fn recognise_text(src: &str, organ: Option<&Organ>) -> Vec<Citation> {
    let mut units: Vec<Vec<Range<usize>>> = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    for line in src.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if !current.is_empty() {
                units.push(std::mem::take(&mut current));
            }
        } else {
            current.push(pos..pos + content.len());
        }
        pos += line.len();
    }
    if !current.is_empty() {
        units.push(current);
    }
    recognise_units(src, &units, &[], organ)
}

fn recognise_units(
    src: &str,
    units: &[Vec<Range<usize>>],
    exclude: &[Range<usize>],
    organ: Option<&Organ>,
) -> Vec<Citation> {
    let default = organ_ref(organ);
    let mut out = Vec::new();
    let mut raw = Vec::new();
    let mut joined = Joined::default();
    let mut next_group = 0;
    for lines in units {
        joined.clear();
        for line in lines {
            joined.push_line(src, line.clone(), exclude);
        }
        raw.clear();
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
                group: r.group,
                malformed: r.malformed,
            });
        }
    }
    out.sort_by_key(|c| c.range.start);
    out
}

#[cfg(test)]
mod tests;
