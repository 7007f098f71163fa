//! Text synchronisation: `didOpen`, `didChange`, `didClose`.
//!
//! `did_open` and `did_change` are plain functions: the edit is applied
//! before the handler returns, with no `.await` before it, so edits apply in
//! the order they arrive even though tower-lsp runs handlers concurrently.

use std::sync::Arc;

use tower_lsp::lsp_types::*;

use crate::lsp::state::State;

pub fn did_open(state: &Arc<State>, p: DidOpenTextDocumentParams) {
    let doc = p.text_document;
    state.open(doc.uri.clone(), &doc.text, doc.version);
    state.schedule(doc.uri);
}

pub fn did_change(state: &Arc<State>, p: DidChangeTextDocumentParams) {
    let uri = p.text_document.uri;
    match state.change(&uri, p.text_document.version, &p.content_changes) {
        Ok(()) => state.schedule(uri),
        Err(why) => state.log(MessageType::WARNING, why),
    }
}

pub async fn did_close(state: &Arc<State>, p: DidCloseTextDocumentParams) {
    let uri = p.text_document.uri;
    if state.close(&uri) {
        state.clear(&uri).await;
    } else {
        state.log(
            MessageType::WARNING,
            format!("didClose for {uri}, which is not open: ignored"),
        );
    }
}
