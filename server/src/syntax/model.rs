//! The parsed shape of a draft: blocks with byte ranges, footnotes, organ.
//!
//! Every line of the text belongs to exactly one block (blank lines to `Blank`
//! blocks), so the blocks cover every byte. A paragraph that a page break or a
//! footnote block interrupts has several line ranges, and the interrupting
//! blocks sit between its first and last line in the text.

use std::ops::Range;

/// The chapeau's organ (the parser reads `Organ` from here).
pub use crate::un::Organ;

/// Which part of the resolution a block sits in. Its serde name
/// (`operative`, `annex`) is the one `reso/documentState` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// Before the chapeau.
    Heading,
    /// After the chapeau, before the first operative paragraph.
    Preamble,
    /// From the first operative paragraph to the meeting line or an annex.
    Operative,
    /// After the meeting line (signatures, notes) and before any annex.
    Closing,
    /// Inside the n-th annex (1-based).
    Annex(u16),
}

/// What a block is. Its serde name (`sub-paragraph`) is the one
/// `reso/documentState` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A line of nothing but spaces and tabs (or empty).
    Blank,
    /// Heading lines before the chapeau (symbol, agenda item, sponsors ...).
    Heading,
    /// The title: the last heading line or run of lines before the chapeau.
    Title,
    /// `The General Assembly,`
    Chapeau,
    Preambular,
    Operative,
    /// `(a)`, `(i)`, `a.`, `i.` and unmarked paragraphs under an OP ending in `:`.
    SubParagraph,
    /// A one-line heading between paragraphs (`A call to action`, `I`, `A.`).
    SectionHeading,
    /// A footnote definition (`[^3]: text` or a pasted `3 text` block line).
    FootnoteDef,
    /// `* text`: the note of a `*` marker (sponsors' note of a draft).
    StarNote,
    /// Page furniture: running heads, job numbers, page numbers, barcodes,
    /// rules, a repeated title.
    Furniture,
    /// `52nd plenary meeting ...` / `Adopted at its 4683rd meeting ...`
    MeetingLine,
    /// `Annex`, `Annex I`, and its title lines.
    AnnexHeading,
    /// Any paragraph inside an annex.
    AnnexParagraph,
    /// Text that fits no block.
    Unknown,
}

impl BlockKind {
    /// Paragraphs whose text is the resolution's own (openers, terminators).
    pub fn is_paragraph(self) -> bool {
        matches!(
            self,
            BlockKind::Preambular | BlockKind::Operative | BlockKind::SubParagraph
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkerKind {
    /// `5.`, `5 bis.`, `[5 ter.]`: `suffix` is the Latin ordinal if any.
    Number { n: u32, suffix: Option<String> },
    /// `(a)` (level 1), `(i)` (level 2), `a.` (level 3), `i.` (level 4);
    /// `ordinal` counts from 1 (`(c)` is 3, `(iv)` is 4).
    Sub { level: u8, ordinal: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// The marker as written, without surrounding spaces (`5.`, `(a)`,
    /// `[5 bis.`), from the start of the block's first line (the range in
    /// the text: `Block::marker_range`).
    pub(crate) rel: Range<u32>,
    pub kind: MarkerKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpenerKind {
    Preambular,
    Operative,
}

/// The words that open a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opener {
    /// The opener words (for an unknown opener: its first word), from the
    /// start of the block's first line (the range in the text:
    /// `Block::opener_range`).
    pub(crate) rel: Range<u32>,
    /// The vocabulary entry matched, as listed (`Also notes`); for an unknown
    /// opener, the words as written.
    pub phrase: String,
    /// Which vocabulary it was found in; `None` when in neither.
    pub kind: Option<OpenerKind>,
}

/// The byte ranges of a block's lines, in text order. They are kept as
/// offsets from the first line's start, so that an edit before the block
/// moves it by one addition (`shift`) and never reads the ranges (nor the
/// marker's and opener's, kept the same way); a block of up to two lines
/// keeps them inline. A block spans less than 4 GiB (`syntax::parse` reads
/// no more of a text).
#[derive(Clone, Default)]
pub struct Lines {
    base: usize,
    rel: smallvec::SmallVec<[Range<u32>; 2]>,
}

impl Lines {
    pub fn new() -> Lines {
        Lines::default()
    }

    /// One line.
    pub fn one(r: Range<usize>) -> Lines {
        let mut lines = Lines::new();
        lines.push(r);
        lines
    }

    pub fn len(&self) -> usize {
        self.rel.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rel.is_empty()
    }

    /// A range kept from the first line's start, in the text.
    pub(crate) fn abs(&self, r: &Range<u32>) -> Range<usize> {
        self.base + r.start as usize..self.base + r.end as usize
    }

    /// Line `i`'s range.
    pub fn get(&self, i: usize) -> Option<Range<usize>> {
        self.rel.get(i).map(|r| self.abs(r))
    }

    pub fn first(&self) -> Option<Range<usize>> {
        self.get(0)
    }

    pub fn last(&self) -> Option<Range<usize>> {
        self.rel.last().map(|r| self.abs(r))
    }

    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = Range<usize>> + ExactSizeIterator + Clone + '_ {
        self.rel.iter().map(|r| self.abs(r))
    }

    /// A range at or after the first line's start, kept from it.
    pub(crate) fn rel(&self, r: Range<usize>) -> Range<u32> {
        (r.start - self.base) as u32..(r.end - self.base) as u32
    }

    /// Adds a line after the others (its start at or past theirs).
    pub fn push(&mut self, r: Range<usize>) {
        if self.rel.is_empty() {
            self.base = r.start;
        }
        let rel = self.rel(r);
        self.rel.push(rel);
    }

    /// The number of lines that start before `at`.
    pub fn starting_before(&self, at: usize) -> usize {
        self.rel
            .partition_point(|r| self.base + (r.start as usize) < at)
    }

    /// Takes the lines from the `keep`th on out (the first stays: the
    /// marker's and opener's offsets are from it).
    pub fn split_off(&mut self, keep: usize) -> Vec<Range<usize>> {
        debug_assert!(keep > 0, "a block keeps its first line");
        let out = self.rel[keep.min(self.rel.len())..]
            .iter()
            .map(|r| self.abs(r))
            .collect();
        self.rel.truncate(keep);
        out
    }

    /// Moves every line by `bytes`. (Written only when there are lines:
    /// measured a fifth quicker over 82,000 blocks than writing always.)
    pub fn shift(&mut self, bytes: isize) {
        if !self.rel.is_empty() {
            self.base = self.base.wrapping_add_signed(bytes);
        }
    }
}

impl Extend<Range<usize>> for Lines {
    fn extend<I: IntoIterator<Item = Range<usize>>>(&mut self, iter: I) {
        for r in iter {
            self.push(r);
        }
    }
}

impl FromIterator<Range<usize>> for Lines {
    fn from_iter<I: IntoIterator<Item = Range<usize>>>(iter: I) -> Lines {
        let mut lines = Lines::new();
        lines.extend(iter);
        lines
    }
}

/// Equal when the ranges are (however they are kept).
impl PartialEq for Lines {
    fn eq(&self, other: &Lines) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Lines {}

impl std::fmt::Debug for Lines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// `Block::holder` of a block that no paragraph holds.
pub(crate) const NO_HOLDER: u32 = u32::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub part: Part,
    /// Byte ranges of its lines, without line terminators, in text order.
    pub lines: Lines,
    /// Boxed, as the opener: most blocks (blank lines, headings, furniture)
    /// have neither. Their ranges are kept from the block's first line, as
    /// the lines' are, so that moving a block does not read them.
    pub marker: Option<Box<Marker>>,
    pub opener: Option<Box<Opener>>,
    /// Sub-paragraph level, 1 to 4 (0 for everything else).
    pub level: u8,
    /// For a sub-paragraph: the index of the operative (or annex) paragraph
    /// that holds it (`parent()`), `NO_HOLDER` for none; 32 bits and no
    /// option tag keep a block in a cache line.
    pub(crate) holder: u32,
    /// Which resolution of the document it belongs to (0 for the first): a
    /// document may hold several, each read and checked on its own.
    pub resolution: u16,
    /// The paragraph's first line is the end of its last (`session,1`):
    /// pdftotext set a short last line with a raised reference above its
    /// paragraph. Its final punctuation is the paragraph's; its opener is on
    /// the next line.
    pub displaced_tail: bool,
    /// The paragraph's first line is the raised references of its second
    /// (`1 2`, then `Bearing in mind ... of 1988 and ... of 1989,`):
    /// pdfplumber sets a line's superscripts on a line of their own above
    /// it. Its opener is on the next line.
    pub refs_above: bool,
}

impl Block {
    /// For a sub-paragraph: the index of the operative (or annex) paragraph
    /// that holds it.
    pub fn parent(&self) -> Option<usize> {
        (self.holder != NO_HOLDER).then_some(self.holder as usize)
    }

    pub(crate) fn set_parent(&mut self, p: Option<usize>) {
        self.holder = p.map_or(NO_HOLDER, |p| p as u32);
    }

    /// The marker's range in the text.
    pub fn marker_range(&self) -> Option<Range<usize>> {
        self.marker.as_ref().map(|m| self.lines.abs(&m.rel))
    }

    /// Where the text of line `r` (one of the block's) starts: after the
    /// marker on the marker's own line, at its start on the others. The
    /// marker is on the first line, except where an extraction set a
    /// number out after its text (then it is on the last).
    pub fn text_start(&self, r: &Range<usize>) -> usize {
        match self.marker_range() {
            Some(m) if r.start <= m.start && m.start <= r.end => m.end.min(r.end),
            _ => r.start,
        }
    }

    /// The opener's range in the text.
    pub fn opener_range(&self) -> Option<Range<usize>> {
        self.opener.as_ref().map(|o| self.lines.abs(&o.rel))
    }

    /// From the start of the first line to the end of the last.
    pub fn span(&self) -> Range<usize> {
        match (self.lines.first(), self.lines.last()) {
            (Some(a), Some(b)) => a.start..b.end,
            _ => 0..0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FootnoteForm {
    /// `[^3]` references and `[^3]: text` definitions.
    Draft,
    /// Text pasted from a PDF: glued digits, superscripts, `3 text` blocks.
    Pasted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteDef {
    pub number: u32,
    /// The number as written (`3`, or `[^3]` in the draft form).
    pub number_range: Range<usize>,
    /// Index of its `FootnoteDef` block.
    pub block: usize,
    /// The footnote's text, line by line.
    pub text: Vec<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteRef {
    pub number: u32,
    /// The whole reference: `[^3]`, the glued digits, the superscripts.
    pub range: Range<usize>,
    /// Index of the block that holds it.
    pub block: usize,
}

/// How paragraphs are separated in the body (decided per document).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Paragraphs separated by blank lines.
    #[default]
    BlankLines,
    /// No blank lines; each paragraph's first line is indented.
    Indented,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Index of the chapeau block.
    pub chapeau: Option<usize>,
    pub organ: Option<Organ>,
    /// The title's text ranges (one per line), if a title was found.
    pub title: Vec<Range<usize>>,
    pub layout: Layout,
    pub footnote_form: FootnoteForm,
    pub footnote_defs: Vec<FootnoteDef>,
    pub footnote_refs: Vec<FootnoteRef>,
    /// How many footnote definitions and references each resolution holds,
    /// in order (each resolution has its own footnotes): resolution `k`'s are those
    /// after the ones the resolutions before it hold.
    pub footnote_counts: Vec<(usize, usize)>,
    /// `true` when the first line ends in `\r\n`: the draft's line-ending style.
    pub crlf: bool,
}

impl Document {
    /// The text of a block, its lines joined with a single space.
    pub fn block_text(&self, src: &str, block: usize) -> String {
        let mut out = String::new();
        for (i, r) in self.blocks[block].lines.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(src[r.clone()].trim());
        }
        out
    }

    /// The title as one line of text.
    /// How many resolutions the document holds (a compendium holds several).
    pub fn resolutions(&self) -> usize {
        self.blocks.last().map_or(1, |b| b.resolution as usize + 1)
    }

    pub fn title_text(&self, src: &str) -> Option<String> {
        if self.title.is_empty() {
            return None;
        }
        let parts: Vec<&str> = self.title.iter().map(|r| src[r.clone()].trim()).collect();
        Some(parts.join(" "))
    }

    /// Index of the block whose lines contain byte `offset`.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        self.blocks
            .iter()
            .position(|b| b.lines.iter().any(|r| r.start <= offset && offset <= r.end))
    }

    /// Operative paragraphs of the body, in order.
    pub fn operative(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == BlockKind::Operative)
    }

    /// Preambular paragraphs, in order.
    pub fn preambular(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == BlockKind::Preambular)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every block after an edit is moved; one cache line each keeps that
    /// cheap (the marker and opener are boxed for it).
    #[test]
    fn a_block_fits_a_cache_line() {
        assert!(std::mem::size_of::<Block>() <= 64);
    }

    fn paragraph(lines: &[Range<usize>]) -> Block {
        let lines: Lines = lines.iter().cloned().collect();
        let marker = Marker {
            rel: lines.rel(12..14),
            kind: MarkerKind::Number { n: 5, suffix: None },
        };
        let opener = Opener {
            rel: lines.rel(15..22),
            phrase: "Decides".to_string(),
            kind: Some(OpenerKind::Operative),
        };
        Block {
            kind: BlockKind::Operative,
            part: Part::Operative,
            lines,
            marker: Some(Box::new(marker)),
            opener: Some(Box::new(opener)),
            level: 0,
            holder: NO_HOLDER,
            resolution: 0,
            displaced_tail: false,
            refs_above: false,
        }
    }

    #[test]
    fn a_moved_block_gives_its_ranges_moved() {
        let mut b = paragraph(&[12..40, 41..60, 90..95]);
        assert_eq!(b.lines.iter().collect::<Vec<_>>(), [12..40, 41..60, 90..95]);
        assert_eq!(b.span(), 12..95);
        b.lines.shift(-10);
        assert_eq!(b.lines.iter().collect::<Vec<_>>(), [2..30, 31..50, 80..85]);
        assert_eq!(b.lines.first(), Some(2..30));
        assert_eq!(b.lines.last(), Some(80..85));
        assert_eq!(b.lines.get(1), Some(31..50));
        assert_eq!(b.lines.get(3), None);
        assert_eq!(b.marker_range(), Some(2..4));
        assert_eq!(b.opener_range(), Some(5..12));
        b.lines.shift(1000);
        assert_eq!(b.span(), 1002..1085);
        assert_eq!(b.marker_range(), Some(1002..1004));
    }

    #[test]
    fn lines_split_and_grown_again_keep_their_ranges() {
        let mut lines: Lines = [100..110, 111..120, 121..130].into_iter().collect();
        assert_eq!(lines.starting_before(111), 1);
        assert_eq!(lines.starting_before(112), 2);
        assert_eq!(lines.split_off(1), vec![111..120, 121..130]);
        assert_eq!(lines.iter().collect::<Vec<_>>(), vec![100..110]);
        lines.push(200..210);
        assert_eq!(lines.iter().collect::<Vec<_>>(), [100..110, 200..210]);
        // Equal by the ranges, however they were made.
        let made: Lines = [100..110, 200..210].into_iter().collect();
        assert_eq!(lines, made);
        assert_eq!(format!("{made:?}"), "[100..110, 200..210]");
        let mut moved: Lines = [90..100, 190..200].into_iter().collect();
        moved.shift(10);
        assert_eq!(moved, made);
        assert_ne!(Lines::one(100..110), made);
    }
}
