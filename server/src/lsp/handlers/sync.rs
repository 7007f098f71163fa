//! Text synchronisation: `didOpen`, `didChange`, `didClose`.
//!
//! `did_open` and `did_change` are plain functions: the edit is applied
//! before the handler returns, with no `.await` before it, so edits apply in
//! the order they arrive even though tower-lsp runs handlers concurrently.

use tower_lsp::lsp_types::*;

use crate::lsp::Backend;

pub fn did_open(b: &Backend, p: DidOpenTextDocumentParams) {
    let doc = p.text_document;
    b.state.open(doc.uri.clone(), &doc.text, doc.version);
    b.state.schedule(doc.uri);
}

pub fn did_change(b: &Backend, p: DidChangeTextDocumentParams) {
    let uri = p.text_document.uri;
    match b
        .state
        .change(&uri, p.text_document.version, &p.content_changes)
    {
        Ok(()) => b.state.schedule(uri),
        Err(why) => b.state.log(MessageType::WARNING, why),
    }
}

pub async fn did_close(b: &Backend, p: DidCloseTextDocumentParams) {
    let uri = p.text_document.uri;
    if b.state.close(&uri) {
        b.state.clear(&uri).await;
    } else {
        b.state.log(
            MessageType::WARNING,
            format!("didClose for {uri}, which is not open: ignored"),
        );
    }
}
