//! Diagnostics as plain data: the SPEC's codes, default severities, byte ranges.

use std::fmt;
use std::ops::Range;

/// Every diagnostic code of SPEC section 4, spelled exactly as the SPEC spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Numbering,
    SubNumbering,
    FootnoteUndefined,
    FootnoteUnused,
    FootnoteDuplicate,
    FootnoteOrder,
    FootnoteRepeated,
    OpenerUnknown,
    OpenerMisplaced,
    Terminator,
    Structure,
    SymbolUnknown,
    SymbolMalformed,
    CitationDate,
    CitationSession,
    CitationOrder,
    CitationInconsistent,
}

impl Code {
    pub const ALL: [Code; 17] = [
        Code::Numbering,
        Code::SubNumbering,
        Code::FootnoteUndefined,
        Code::FootnoteUnused,
        Code::FootnoteDuplicate,
        Code::FootnoteOrder,
        Code::FootnoteRepeated,
        Code::OpenerUnknown,
        Code::OpenerMisplaced,
        Code::Terminator,
        Code::Structure,
        Code::SymbolUnknown,
        Code::SymbolMalformed,
        Code::CitationDate,
        Code::CitationSession,
        Code::CitationOrder,
        Code::CitationInconsistent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Numbering => "numbering",
            Code::SubNumbering => "sub-numbering",
            Code::FootnoteUndefined => "footnote-undefined",
            Code::FootnoteUnused => "footnote-unused",
            Code::FootnoteDuplicate => "footnote-duplicate",
            Code::FootnoteOrder => "footnote-order",
            Code::FootnoteRepeated => "footnote-repeated",
            Code::OpenerUnknown => "opener-unknown",
            Code::OpenerMisplaced => "opener-misplaced",
            Code::Terminator => "terminator",
            Code::Structure => "structure",
            Code::SymbolUnknown => "symbol-unknown",
            Code::SymbolMalformed => "symbol-malformed",
            Code::CitationDate => "citation-date",
            Code::CitationSession => "citation-session",
            Code::CitationOrder => "citation-order",
            Code::CitationInconsistent => "citation-inconsistent",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn default_severity(self) -> Severity {
        use Severity::*;
        match self {
            Code::Numbering
            | Code::SubNumbering
            | Code::FootnoteUndefined
            | Code::FootnoteDuplicate
            | Code::Structure
            | Code::CitationDate => Error,
            Code::CitationOrder => Hint,
            _ => Warning,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A replacement of a byte range of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub range: Range<usize>,
    pub new_text: String,
}

/// A quick fix a diagnostic carries: the code-action layer offers it as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
    /// Whether it is safe to apply without a reader's judgement (one clear
    /// answer that changes no other word): `reso check --fix` applies it
    /// (see [`crate::features::fix`]).
    pub safe: bool,
}

/// Another place that explains a diagnostic (`citation-inconsistent` points at
/// the other citation). `document` is `None` for the same document, else the
/// URI or path of the other document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub document: Option<String>,
    pub range: Range<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// Byte range in the document, tight on the offending text.
    pub range: Range<usize>,
    pub message: String,
    pub fix: Option<Fix>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    pub fn new(code: Code, range: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            range,
            message: message.into(),
            fix: None,
            related: Vec::new(),
        }
    }

    /// A fix an editor offers, for the user to judge.
    pub fn with_fix(mut self, title: impl Into<String>, edits: Vec<TextEdit>) -> Self {
        self.fix = Some(Fix {
            title: title.into(),
            edits,
            safe: false,
        });
        self
    }

    /// A fix with one clear answer, safe to apply unseen (`reso check --fix`).
    pub fn with_safe_fix(mut self, title: impl Into<String>, edits: Vec<TextEdit>) -> Self {
        self = self.with_fix(title, edits);
        if let Some(f) = &mut self.fix {
            f.safe = true;
        }
        self
    }

    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }

    /// Maps every byte offset it holds in its own document by `f` (an edit
    /// elsewhere moved the text it points at).
    pub fn map_offsets(&mut self, f: impl Fn(usize) -> usize) {
        self.range = f(self.range.start)..f(self.range.end);
        if let Some(fix) = &mut self.fix {
            for e in &mut fix.edits {
                e.range = f(e.range.start)..f(e.range.end);
            }
        }
        for r in &mut self.related {
            if r.document.is_none() {
                r.range = f(r.range.start)..f(r.range.end);
            }
        }
    }
}
