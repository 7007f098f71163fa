//! One analysed version of a document, as requests read it: immutable,
//! shared (`Arc`), converting its own positions.

use std::ops::Range;
use std::sync::Arc;

use tower_lsp::lsp_types::{self as lsp, Url};

use super::published::OwnDiagnostics;
use super::{from_proto, to_proto};
use crate::analysis::Analysis;
use crate::text::{self, Encoding, LineIndex};

/// One analysed version of a document.
#[derive(Debug)]
pub struct Snapshot {
    pub uri: Url,
    pub version: i32,
    /// An `Arc<String>` so that the next version's analysis, when it owns
    /// this snapshot, edits the text in place instead of copying it.
    pub text: Arc<String>,
    pub index: Arc<LineIndex>,
    pub analysis: Analysis,
    /// The position encoding negotiated with the client.
    pub encoding: Encoding,
    /// The analysis's diagnostics as published.
    pub(crate) published: Arc<OwnDiagnostics>,
    /// Which opening of the URI, and which settings, it was made under.
    pub(crate) open_id: u64,
    pub(crate) config_generation: u64,
}

impl Snapshot {
    /// The byte offset of a client position (clamped, see [`crate::text`]).
    pub fn offset(&self, pos: lsp::Position) -> usize {
        self.index.offset(from_proto::position(pos), self.encoding)
    }

    /// The client position of a byte offset.
    pub fn position(&self, offset: usize) -> lsp::Position {
        to_proto::position(&self.index, offset, self.encoding)
    }

    /// The client range of a byte range.
    pub fn range(&self, range: Range<usize>) -> lsp::Range {
        to_proto::range(&self.index, range, self.encoding)
    }

    /// What converts this text's byte ranges, without holding the snapshot.
    pub fn positions(&self) -> to_proto::Positions {
        to_proto::Positions {
            uri: self.uri.clone(),
            index: self.index.clone(),
            encoding: self.encoding,
        }
    }

    /// The FNV-1a hash of the text, 16 hex digits.
    pub fn hash(&self) -> String {
        text::Fnv64::hex_of(&self.text)
    }
}

/// Why no snapshot could be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    NotOpen,
    /// The analysis of this version panicked (logged when it happened).
    AnalysisFailed {
        version: i32,
    },
}

impl SnapshotError {
    pub fn to_jsonrpc(&self, uri: &Url) -> tower_lsp::jsonrpc::Error {
        match self {
            SnapshotError::NotOpen => {
                tower_lsp::jsonrpc::Error::invalid_params(format!("document not open: {uri}"))
            }
            SnapshotError::AnalysisFailed { version } => tower_lsp::jsonrpc::Error {
                code: tower_lsp::jsonrpc::ErrorCode::InternalError,
                message: format!("the analysis of {uri} version {version} failed").into(),
                data: None,
            },
        }
    }
}
