//! `textDocument/inlayHint`: `PP1`..`PPn`
//! ([`features::inlay_hints`](crate::features::inlay_hints)).

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::features::inlay_hints;
use crate::lsp::state::State;

pub async fn inlay_hint(state: &Arc<State>, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
    let uri = p.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let range = snap.offset(p.range.start)..snap.offset(p.range.end);
    let hints = inlay_hints::inlay_hints(&snap.analysis.doc, &snap.text, range)
        .into_iter()
        .map(|h| InlayHint {
            position: snap.position(h.offset),
            label: InlayHintLabel::String(h.label),
            kind: None,
            text_edits: None,
            tooltip: Some(InlayHintTooltip::String(h.tooltip)),
            padding_left: None,
            padding_right: Some(true),
            data: None,
        })
        .collect();
    Ok(Some(hints))
}
