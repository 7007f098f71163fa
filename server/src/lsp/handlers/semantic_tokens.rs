//! `textDocument/semanticTokens/full`
//! ([`features::semantic_tokens`](crate::features::semantic_tokens), which
//! documents the legend).

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::features::semantic_tokens::{self as tokens, TokenType, MODIFIERS};
use crate::lsp::state::State;

pub fn options() -> SemanticTokensServerCapabilities {
    SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
        legend: SemanticTokensLegend {
            token_types: TokenType::ALL
                .iter()
                .map(|t| SemanticTokenType::new(t.legend_name()))
                .collect(),
            token_modifiers: MODIFIERS
                .iter()
                .map(|m| SemanticTokenModifier::new(m))
                .collect(),
        },
        full: Some(SemanticTokensFullOptions::Bool(true)),
        ..SemanticTokensOptions::default()
    })
}

pub async fn semantic_tokens_full(
    state: &Arc<State>,
    p: SemanticTokensParams,
) -> Result<Option<SemanticTokensResult>> {
    let uri = p.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let mut data = Vec::new();
    let (mut line, mut start) = (0, 0);
    for t in tokens::semantic_tokens(&snap.analysis, &snap.text) {
        let range = snap.range(t.range);
        let delta_line = range.start.line.saturating_sub(line);
        let delta_start = if delta_line == 0 {
            range.start.character.saturating_sub(start)
        } else {
            range.start.character
        };
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length: range.end.character.saturating_sub(range.start.character),
            token_type: t.kind.index(),
            token_modifiers_bitset: t.modifiers,
        });
        (line, start) = (range.start.line, range.start.character);
    }
    Ok(Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data,
    })))
}
