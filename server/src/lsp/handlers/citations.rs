//! `textDocument/documentLink`: every citation links to undocs.org
//! ([`features::citation_links`](crate::features::citation_links)). Hover and
//! completion on citations go through the `hover` and `completion` handlers.

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::features::citation_links;
use crate::lsp::state::State;

pub async fn document_link(
    state: &Arc<State>,
    p: DocumentLinkParams,
) -> Result<Option<Vec<DocumentLink>>> {
    let uri = p.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let links = citation_links::citation_links(&snap.analysis.citations)
        .into_iter()
        .map(|l| DocumentLink {
            range: snap.range(l.range),
            target: Url::parse(&l.url).ok(),
            tooltip: Some(l.url.trim_start_matches("https://").to_string()),
            data: None,
        })
        .collect();
    Ok(Some(links))
}
