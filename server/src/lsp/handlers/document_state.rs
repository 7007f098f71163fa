//! `reso/documentState`: what the server holds for a document, to compare
//! with the editor's copy when debugging (README, "Debugging").
//!
//! Params: `{"textDocument": {"uri": ...}}`. Result: the version analysed,
//! the FNV-1a 64-bit hash of the server's text (16 hex digits), its length
//! in bytes, its line count, the position encoding, whether the analysis
//! succeeded, the number of diagnostics, and the block outline (blank
//! blocks left out).

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{Range, TextDocumentIdentifier};

use crate::lsp::snapshot::SnapshotError;
use crate::lsp::state::State;
use crate::lsp::to_proto;
use crate::syntax::{BlockKind, Part};
use crate::text::Encoding;

pub const METHOD: &str = "reso/documentState";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Params {
    pub text_document: TextDocumentIdentifier,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DocumentState {
    pub version: i32,
    pub hash: String,
    pub length: usize,
    pub lines: usize,
    pub encoding: String,
    /// `ok`, or `failed` when the analysis of this version panicked (then
    /// `blocks` is empty and `diagnostics` 0).
    pub analysis: String,
    pub diagnostics: usize,
    pub blocks: Vec<BlockState>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BlockState {
    /// `operative`, `preambular`, `sub-paragraph`, `footnote-def` ...
    pub kind: String,
    /// `heading`, `preamble`, `operative`, `closing`, `annex 1` ...
    pub part: String,
    pub range: Range,
    /// The marker as written (`5.`, `(a)`), if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub marker: Option<String>,
    /// The opener words as written, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub opener: Option<String>,
}

pub async fn document_state(state: &Arc<State>, p: Params) -> Result<DocumentState> {
    let uri = p.text_document.uri;
    let snap = match state.snapshot(&uri).await {
        Ok(snap) => snap,
        // The text is still there to compare when its analysis failed.
        Err(SnapshotError::AnalysisFailed { .. }) => {
            let (version, hash, length, lines) = state
                .text_state(&uri)
                .ok_or_else(|| SnapshotError::NotOpen.to_jsonrpc(&uri))?;
            return Ok(DocumentState {
                version,
                hash,
                length,
                lines,
                encoding: encoding_name(state.encoding()),
                analysis: "failed".to_string(),
                diagnostics: 0,
                blocks: Vec::new(),
            });
        }
        Err(e) => return Err(e.to_jsonrpc(&uri)),
    };
    let text = &snap.text;
    let blocks = snap
        .analysis
        .doc
        .blocks
        .iter()
        .filter(|blk| blk.kind != BlockKind::Blank)
        .map(|blk| BlockState {
            kind: to_proto::wire_name(&blk.kind),
            part: match blk.part {
                Part::Annex(n) => format!("annex {n}"),
                other => to_proto::wire_name(&other),
            },
            range: snap.range(blk.span()),
            marker: blk.marker_range().map(|r| text[r].to_string()),
            opener: blk.opener_range().map(|r| text[r].to_string()),
        })
        .collect();
    Ok(DocumentState {
        version: snap.version,
        hash: snap.hash(),
        length: text.len(),
        lines: snap.index.line_count(),
        encoding: encoding_name(snap.encoding),
        analysis: "ok".to_string(),
        diagnostics: snap.analysis.diagnostics.len(),
        blocks,
    })
}

fn encoding_name(enc: Encoding) -> String {
    match enc {
        Encoding::Utf8 => "utf-8",
        Encoding::Utf16 => "utf-16",
        Encoding::Chars => "utf-32",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_proto::wire_name;
    use crate::syntax::{BlockKind, Part};

    #[test]
    fn block_kinds_and_parts_by_their_serde_names() {
        assert_eq!(wire_name(&BlockKind::SubParagraph), "sub-paragraph");
        assert_eq!(wire_name(&BlockKind::FootnoteDef), "footnote-def");
        assert_eq!(wire_name(&Part::Operative), "operative");
    }
}
