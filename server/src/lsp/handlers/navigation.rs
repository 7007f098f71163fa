//! Footnotes: `textDocument/definition`, `references`, `prepareRename`,
//! `rename` ([`features::navigation`](crate::features::navigation)).

use std::sync::Arc;

use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;

use super::edits::workspace_edit;
use crate::features::navigation;
use crate::lsp::snapshot::Snapshot;
use crate::lsp::state::State;

fn locations(snap: &Snapshot, ranges: Vec<std::ops::Range<usize>>) -> Vec<Location> {
    ranges
        .into_iter()
        .map(|r| Location {
            uri: snap.uri.clone(),
            range: snap.range(r),
        })
        .collect()
}

pub async fn definition(
    state: &Arc<State>,
    p: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>> {
    let at = p.text_document_position_params;
    let uri = at.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let found = navigation::definition(&snap.analysis.doc, snap.offset(at.position));
    let mut locations = locations(&snap, found);
    Ok(match locations.len() {
        0 => None,
        1 => locations.pop().map(GotoDefinitionResponse::Scalar),
        _ => Some(GotoDefinitionResponse::Array(locations)),
    })
}

pub async fn references(state: &Arc<State>, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
    let at = p.text_document_position;
    let uri = at.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let offset = snap.offset(at.position);
    let found = navigation::references(&snap.analysis.doc, offset, p.context.include_declaration);
    Ok((!found.is_empty()).then(|| locations(&snap, found)))
}

pub async fn prepare_rename(
    state: &Arc<State>,
    p: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>> {
    let uri = p.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let found = navigation::prepare_rename(&snap.analysis.doc, snap.offset(p.position));
    Ok(found.map(|r| PrepareRenameResponse::Range(snap.range(r))))
}

pub async fn rename(state: &Arc<State>, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
    let at = p.text_document_position;
    let uri = at.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let offset = snap.offset(at.position);
    let doc = &snap.analysis.doc;
    match navigation::rename(doc, &snap.text, offset, &p.new_name) {
        Ok(edits) => Ok(Some(workspace_edit(&snap, &edits))),
        Err(e) => Err(Error::invalid_params(e.to_string())),
    }
}
