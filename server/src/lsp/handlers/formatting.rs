//! `textDocument/formatting` ([`features::formatting`](crate::features::formatting)).

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::edits::text_edits;
use crate::features::formatting;
use crate::lsp::state::State;

pub async fn formatting(
    state: &Arc<State>,
    p: DocumentFormattingParams,
) -> Result<Option<Vec<TextEdit>>> {
    let uri = p.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let edits = formatting::format(&snap.analysis.doc, &snap.text);
    Ok(Some(text_edits(&snap, &edits)))
}
