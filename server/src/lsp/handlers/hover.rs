//! `textDocument/hover`: footnote references, openers and citations
//! ([`features::hover`](crate::features::hover)).

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::features::hover;
use crate::lsp::state::State;

pub async fn hover(state: &Arc<State>, p: HoverParams) -> Result<Option<Hover>> {
    let at = p.text_document_position_params;
    let uri = at.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let offset = snap.offset(at.position);
    Ok(
        hover::hover(&snap.analysis, &state.catalog(), &snap.text, offset).map(|h| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: h.markdown,
            }),
            range: Some(snap.range(h.range)),
        }),
    )
}
