//! Semantic tokens: openers, paragraph numbers and sub-paragraph markers,
//! citations, dates and footnote references.
//!
//! The legend uses the protocol's standard token types, so that every theme
//! colours them:
//!
//! | reso                                  | token type  | modifiers                  |
//! | ------------------------------------- | ----------- | -------------------------- |
//! | opener (`Recalling also`, `Decides`)  | `keyword`   | `preambular` / `operative` |
//! | OP number `5.`, marker `(a)`          | `number`    |                            |
//! | citation `56/183`, `A/66/64`          | `type`      |                            |
//! | date `21 December 2001`               | `string`    |                            |
//! | footnote reference `[^3]`, `2003,1`   | `decorator` |                            |
//! | footnote definition's number          | `decorator` | `declaration`              |
//!
//! Tokens never span a line break: a phrase wrapped over two lines gives a
//! token on each.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::Analysis;
use crate::syntax::OpenerKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TokenType {
    Opener,
    Number,
    Citation,
    Date,
    FootnoteRef,
}

impl TokenType {
    pub const ALL: [TokenType; 5] = [
        TokenType::Opener,
        TokenType::Number,
        TokenType::Citation,
        TokenType::Date,
        TokenType::FootnoteRef,
    ];

    /// The protocol's name of the type (the legend, in the order of `ALL`).
    pub fn legend_name(self) -> &'static str {
        match self {
            TokenType::Opener => "keyword",
            TokenType::Number => "number",
            TokenType::Citation => "type",
            TokenType::Date => "string",
            TokenType::FootnoteRef => "decorator",
        }
    }

    /// Index in the legend.
    pub fn index(self) -> u32 {
        self as u32
    }
}

/// Token modifiers, as bits: bit `i` is `MODIFIERS[i]`.
pub const MODIFIERS: [&str; 3] = ["declaration", "preambular", "operative"];
pub const DECLARATION: u32 = 1;
pub const PREAMBULAR: u32 = 1 << 1;
pub const OPERATIVE: u32 = 1 << 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Within one line.
    pub range: Range<usize>,
    pub kind: TokenType,
    pub modifiers: u32,
}

/// A date as resolutions write it: `21 December 2001`, possibly wrapped.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[1-9]|[12][0-9]|3[01])\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+[12][0-9]{3}",
    )
    .expect("date pattern")
});

/// Every token of the document, sorted by position, none overlapping.
pub fn semantic_tokens(analysis: &Analysis, src: &str) -> Vec<Token> {
    let doc = &analysis.doc;
    let mut raw: Vec<(Range<usize>, TokenType, u32)> = Vec::new();
    for b in &doc.blocks {
        if let Some(o) = &b.opener {
            let modifier = match o.kind {
                Some(OpenerKind::Preambular) => PREAMBULAR,
                Some(OpenerKind::Operative) => OPERATIVE,
                None => continue,
            };
            raw.push((
                b.opener_range().unwrap_or_default(),
                TokenType::Opener,
                modifier,
            ));
        }
    }
    for b in &doc.blocks {
        if let Some(m) = b.marker_range() {
            raw.push((m, TokenType::Number, 0));
        }
    }
    for c in &analysis.citations {
        raw.push((c.range.clone(), TokenType::Citation, 0));
    }
    for m in DATE.find_iter(src) {
        raw.push((m.range(), TokenType::Date, 0));
    }
    for r in &doc.footnote_refs {
        raw.push((r.range.clone(), TokenType::FootnoteRef, 0));
    }
    for d in &doc.footnote_defs {
        raw.push((d.number_range.clone(), TokenType::FootnoteRef, DECLARATION));
    }
    raw.sort_by_key(|(r, kind, _)| (r.start, std::cmp::Reverse(r.end), *kind));

    let mut tokens = Vec::new();
    let mut covered = 0;
    for (range, kind, modifiers) in raw {
        if range.start < covered || range.is_empty() {
            continue; // overlaps one already taken (a reference inside a citation)
        }
        covered = range.end;
        tokens.extend(split_lines(src, range).map(|range| Token {
            range,
            kind,
            modifiers,
        }));
    }
    tokens
}

/// The parts of a range on each line, without line terminators or empty
/// pieces.
fn split_lines(src: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = range.start;
    let text = src.get(range).unwrap_or("");
    let mut pos = base;
    text.split('\n').filter_map(move |piece| {
        let start = pos;
        pos += piece.len() + 1;
        let piece = piece.trim_end_matches('\r');
        let lead = piece.len() - piece.trim_start().len();
        let end = start + piece.trim_end().len();
        (start + lead < end).then_some(start + lead..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::testing::{analysis, fixture, render_range};

    fn render(src: &str) -> String {
        semantic_tokens(&analysis(src), src)
            .iter()
            .map(|t| {
                let mods: Vec<&str> = MODIFIERS
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| t.modifiers & (1 << i) != 0)
                    .map(|(_, m)| *m)
                    .collect();
                format!(
                    "{} {}{:?} {}",
                    render_range(src, &t.range),
                    t.kind.legend_name(),
                    mods,
                    &src[t.range.clone()]
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn draft_tokens() {
        let src = "\
The General Assembly,

Recalling also its resolution 65/141 of 20 December
2010,[^1]

1. Decides:
   (a) To report;

2. Sresses the need.

[^1]: Resolution 65/141.
";
        insta::assert_snapshot!(render(src), @r#"
        3:1-3:15 keyword["preambular"] Recalling also
        3:31-3:37 type[] 65/141
        3:41-3:52 string[] 20 December
        4:1-4:5 string[] 2010
        4:6-4:10 decorator[] [^1]
        6:1-6:3 number[] 1.
        6:4-6:11 keyword["operative"] Decides
        7:4-7:7 number[] (a)
        9:1-9:3 number[] 2.
        11:1-11:5 decorator["declaration"] [^1]
        11:18-11:24 type[] 65/141
        "#);
    }

    #[test]
    fn seed_tokens_are_sorted_on_one_line_each() {
        let src = fixture("A-RES-66-184.txt");
        let tokens = semantic_tokens(&analysis(&src), &src);
        for pair in tokens.windows(2) {
            assert!(pair[0].range.end <= pair[1].range.start, "{pair:?}");
        }
        for t in &tokens {
            assert!(!src[t.range.clone()].contains('\n'));
        }
        let count = |k| tokens.iter().filter(|t| t.kind == k).count();
        // 30 preambular and 21 operative openers, two of them (`Sresses`) unknown.
        assert_eq!(count(TokenType::Opener), 49);
        assert_eq!(count(TokenType::Number), 21);
        // 22 dates, three of them wrapped over two lines.
        assert_eq!(count(TokenType::Date), 25);
    }
}
