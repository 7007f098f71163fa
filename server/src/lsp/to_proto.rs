//! The core's plain data into protocol values: positions, ranges and
//! diagnostics. The only place that builds an `lsp_types::Diagnostic`. It
//! knows no server state: what it converts comes as arguments.

use std::ops::Range;
use std::sync::Arc;

use tower_lsp::lsp_types::{self as lsp, Url};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::text::{Encoding, LineIndex};

pub fn position(index: &LineIndex, offset: usize, enc: Encoding) -> lsp::Position {
    let p = index.position(offset, enc);
    lsp::Position {
        line: p.line,
        character: p.column,
    }
}

pub fn range(index: &LineIndex, range: Range<usize>, enc: Encoding) -> lsp::Range {
    lsp::Range {
        start: position(index, range.start, enc),
        end: position(index, range.end, enc),
    }
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

pub fn encoding(enc: Encoding) -> lsp::PositionEncodingKind {
    match enc {
        Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        Encoding::Chars => lsp::PositionEncodingKind::UTF32,
    }
}

/// What converts a document's byte ranges into the client's positions: its
/// URI, line index and the negotiated encoding (a snapshot gives one; it
/// outlives the snapshot, which the next analysis may take apart).
#[derive(Debug, Clone)]
pub struct Positions {
    pub uri: Url,
    pub index: Arc<LineIndex>,
    pub encoding: Encoding,
}

impl Positions {
    pub fn range(&self, r: Range<usize>) -> lsp::Range {
        range(&self.index, r, self.encoding)
    }

    /// As `range`, for ranges met in text order: `hint` is the line of the
    /// previous range's start (see [`LineIndex::position_from`]).
    pub fn range_from(&self, hint: &mut usize, r: Range<usize>) -> lsp::Range {
        let start = self.index.position_from(hint, r.start, self.encoding);
        let mut end_hint = *hint;
        let end = self
            .index
            .position_from(&mut end_hint, r.end, self.encoding);
        lsp::Range {
            start: lsp::Position {
                line: start.line,
                character: start.column,
            },
            end: lsp::Position {
                line: end.line,
                character: end.column,
            },
        }
    }
}

/// The page of a diagnostic code under the `docs.base` address:
/// `<base>/<code>.md` (LSP 3.16 `codeDescription`); `None` without a base.
pub fn code_description(docs_base: Option<&str>, code: Code) -> Option<lsp::CodeDescription> {
    let base = docs_base?.trim_end_matches('/');
    let href = Url::parse(&format!("{base}/{}.md", code.as_str())).ok()?;
    Some(lsp::CodeDescription { href })
}

/// One diagnostic of the document that `here` converts: `source` is always
/// `reso`, `code` the SPEC's code on its own, linked to its page under
/// `docs_base` when there is one. `other` converts another open document
/// that a related location points into (`None` drops that location).
pub fn diagnostic(
    here: &Positions,
    d: &Diagnostic,
    docs_base: Option<&str>,
    other: &mut impl FnMut(&str) -> Option<Positions>,
) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let (uri, range) = match &r.document {
                None => (here.uri.clone(), here.range(r.range.clone())),
                Some(doc) => {
                    let p = other(doc)?;
                    (p.uri.clone(), p.range(r.range.clone()))
                }
            };
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location { uri, range },
                message: r.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: here.range(d.range.clone()),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
        code_description: code_description(docs_base, d.code),
        source: Some("reso".to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// The serde name of a unit variant (`BlockKind::SubParagraph` is
/// `sub-paragraph`), as the protocol's strings carry it.
pub fn wire_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A URI's file path, when it is a `file:` URI.
pub fn file_path(uri: &Url) -> Option<std::path::PathBuf> {
    (uri.scheme() == "file")
        .then(|| uri.to_file_path().ok())
        .flatten()
}
