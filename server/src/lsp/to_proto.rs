//! The core's plain data into protocol values: positions, ranges and
//! diagnostics. The only place that builds an `lsp_types::Diagnostic`.

use std::ops::Range;
use std::sync::Arc;

use tower_lsp::lsp_types::{self as lsp, Url};

use super::state::Snapshot;
use crate::diagnostic::{Diagnostic, Severity};
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

/// One diagnostic: `source` is always `reso`, `code` the SPEC's code on its
/// own. `other` gives the snapshot of another open document that a related
/// location points into (`None` drops that location).
pub fn diagnostic(
    snap: &Snapshot,
    d: &Diagnostic,
    other: &mut impl FnMut(&str) -> Option<Arc<Snapshot>>,
) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let (uri, range) = match &r.document {
                None => (snap.uri.clone(), snap.range(r.range.clone())),
                Some(doc) => {
                    let s = other(doc)?;
                    (s.uri.clone(), s.range(r.range.clone()))
                }
            };
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location { uri, range },
                message: r.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: snap.range(d.range.clone()),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
        code_description: None,
        source: Some("reso".to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Every diagnostic of a snapshot, in its order (sorted by position).
pub fn diagnostics(
    snap: &Snapshot,
    mut other: impl FnMut(&str) -> Option<Arc<Snapshot>>,
) -> Vec<lsp::Diagnostic> {
    snap.analysis
        .diagnostics
        .iter()
        .map(|d| diagnostic(snap, d, &mut other))
        .collect()
}

/// A URI's file path, when it is a `file:` URI.
pub fn file_path(uri: &Url) -> Option<std::path::PathBuf> {
    (uri.scheme() == "file")
        .then(|| uri.to_file_path().ok())
        .flatten()
}
