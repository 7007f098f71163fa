//! `textDocument/foldingRange` ([`features::folding`](crate::features::folding)).

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::features::folding;
use crate::lsp::state::State;
use crate::lsp::to_proto;

pub async fn folding_range(
    state: &Arc<State>,
    p: FoldingRangeParams,
) -> Result<Option<Vec<FoldingRange>>> {
    let uri = p.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let folds = folding::folding_ranges(&snap.analysis.doc, &snap.text)
        .into_iter()
        .map(|f| {
            let range = snap.range(f.range);
            FoldingRange {
                start_line: range.start.line,
                end_line: range.end.line,
                kind: Some(FoldingRangeKind::Region),
                collapsed_text: Some(to_proto::wire_name(&f.kind)),
                ..FoldingRange::default()
            }
        })
        .collect();
    Ok(Some(folds))
}
