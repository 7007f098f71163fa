//! `textDocument/formatting` ([`features::formatting`](crate::features::formatting)).

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::edits::text_edits;
use crate::features::formatting;
use crate::lsp::Backend;

pub async fn formatting(b: &Backend, p: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
    let uri = p.text_document.uri;
    let snap = b.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let edits = formatting::format(&snap.analysis.doc, &snap.text);
    Ok(Some(text_edits(&snap, &edits)))
}
