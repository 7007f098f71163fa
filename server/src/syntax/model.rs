//! The parsed shape of a draft: blocks with byte ranges, footnotes, organ.
//!
//! Every line of the text belongs to exactly one block (blank lines to `Blank`
//! blocks), so the blocks cover every byte. A paragraph that a page break or a
//! footnote block interrupts has several line ranges, and the interrupting
//! blocks sit between its first and last line in the text.

use std::ops::Range;

/// The organ a chapeau names; it decides what "its resolution 16/18" means.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Organ {
    GeneralAssembly,
    SecurityCouncil,
    EconomicAndSocialCouncil,
    HumanRightsCouncil,
    /// Any other organ (`The Conference of the Parties,`), as written.
    Other(String),
}

impl Organ {
    /// From the words of a chapeau without `The` and the comma, case as printed.
    pub fn from_name(name: &str) -> Organ {
        match name.trim() {
            "General Assembly" => Organ::GeneralAssembly,
            "Security Council" => Organ::SecurityCouncil,
            "Economic and Social Council" => Organ::EconomicAndSocialCouncil,
            "Human Rights Council" => Organ::HumanRightsCouncil,
            other => Organ::Other(other.to_string()),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Organ::GeneralAssembly => "General Assembly",
            Organ::SecurityCouncil => "Security Council",
            Organ::EconomicAndSocialCouncil => "Economic and Social Council",
            Organ::HumanRightsCouncil => "Human Rights Council",
            Organ::Other(s) => s,
        }
    }
}

/// Which part of the resolution a block sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// The marker as written, without surrounding spaces (`5.`, `(a)`, `[5 bis.`).
    pub range: Range<usize>,
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
    /// The opener words in the text (for an unknown opener: its first word).
    pub range: Range<usize>,
    /// The vocabulary entry matched, as listed (`Also notes`); for an unknown
    /// opener, the words as written.
    pub phrase: String,
    /// Which vocabulary it was found in; `None` when in neither.
    pub kind: Option<OpenerKind>,
}

/// Byte ranges of lines. Most blocks (blank lines, headings, furniture) are
/// one line, which is kept inline: no allocation, and moving a block after
/// an edit touches only the block.
pub type Lines = smallvec::SmallVec<[Range<usize>; 1]>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub part: Part,
    /// Byte ranges of its lines, without line terminators, in text order.
    pub lines: Lines,
    /// Boxed, as the opener: most blocks (blank lines, headings, furniture)
    /// have neither, and a block of one cache line is moved after an edit
    /// at half the cost.
    pub marker: Option<Box<Marker>>,
    pub opener: Option<Box<Opener>>,
    /// Sub-paragraph level, 1 to 4 (0 for everything else).
    pub level: u8,
    /// For a sub-paragraph: the index of the operative (or annex) paragraph
    /// that holds it.
    pub parent: Option<usize>,
}

impl Block {
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
    /// `true` when the first line ends in `\r\n`: the draft's line-ending style.
    pub crlf: bool,
    /// What the parser keeps to re-parse only around an edit.
    pub(crate) cache: super::incremental::ParseCache,
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
    /// Every block after an edit is moved; one cache line each keeps that
    /// cheap (the marker and opener are boxed for it).
    #[test]
    fn a_block_fits_a_cache_line() {
        assert!(std::mem::size_of::<super::Block>() <= 64);
    }
}
