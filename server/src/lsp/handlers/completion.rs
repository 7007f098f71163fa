//! `textDocument/completion`: clause openers by position
//! ([`features::completion`](crate::features::completion)).

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::features::completion;
use crate::lsp::state::State;

pub fn options() -> CompletionOptions {
    CompletionOptions {
        trigger_characters: Some(completion::TRIGGER_CHARACTERS.map(String::from).to_vec()),
        ..CompletionOptions::default()
    }
}

pub async fn completion(
    state: &Arc<State>,
    p: CompletionParams,
) -> Result<Option<CompletionResponse>> {
    let at = p.text_document_position;
    let uri = at.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let offset = snap.offset(at.position);
    let list = completion::completion(&snap.analysis, &state.catalog(), &snap.text, offset);
    let items = list
        .items
        .into_iter()
        .map(|it| CompletionItem {
            label: it.label,
            kind: Some(CompletionItemKind::KEYWORD),
            detail: Some(it.detail),
            sort_text: Some(it.sort_text),
            filter_text: Some(it.filter_text),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range: snap.range(it.edit.range),
                new_text: it.edit.new_text,
            })),
            ..CompletionItem::default()
        })
        .collect();
    Ok(Some(CompletionResponse::List(CompletionList {
        is_incomplete: list.is_incomplete,
        items,
    })))
}
