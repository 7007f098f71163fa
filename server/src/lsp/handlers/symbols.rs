//! `textDocument/documentSymbol`: the outline
//! ([`features::symbols`](crate::features::symbols)).

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::features::symbols::{self, Symbol, SymbolKind as Kind};
use crate::lsp::snapshot::Snapshot;
use crate::lsp::state::State;

pub async fn document_symbol(
    state: &Arc<State>,
    p: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>> {
    let uri = p.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let found = symbols::document_symbols(&snap.analysis.doc, &snap.text);
    let nested = found.into_iter().map(|s| convert(&snap, s)).collect();
    Ok(Some(DocumentSymbolResponse::Nested(nested)))
}

fn convert(snap: &Snapshot, s: Symbol) -> DocumentSymbol {
    let kind = match s.kind {
        Kind::Title => SymbolKind::FILE,
        Kind::Resolution => SymbolKind::MODULE,
        Kind::Preambular => SymbolKind::PROPERTY,
        Kind::SectionHeading => SymbolKind::NAMESPACE,
        Kind::Operative | Kind::AnnexParagraph => SymbolKind::METHOD,
        Kind::SubParagraph => SymbolKind::ENUM_MEMBER,
        Kind::Annex => SymbolKind::MODULE,
    };
    let children: Vec<DocumentSymbol> = s.children.into_iter().map(|c| convert(snap, c)).collect();
    #[allow(deprecated)]
    DocumentSymbol {
        name: s.name,
        detail: s.detail,
        kind,
        tags: None,
        deprecated: None,
        range: snap.range(s.range),
        selection_range: snap.range(s.selection),
        children: (!children.is_empty()).then_some(children),
    }
}
