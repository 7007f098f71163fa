//! The core's byte-range edits as protocol edits, for every handler that
//! returns or applies one (code actions, `reso.renumber`, rename,
//! formatting).

use std::collections::HashMap;

use tower_lsp::lsp_types as lsp;

use crate::diagnostic::TextEdit;
use crate::lsp::snapshot::Snapshot;

pub fn text_edits(snap: &Snapshot, edits: &[TextEdit]) -> Vec<lsp::TextEdit> {
    edits
        .iter()
        .map(|e| lsp::TextEdit {
            range: snap.range(e.range.clone()),
            new_text: e.new_text.clone(),
        })
        .collect()
}

/// Edits of the snapshot's document as a workspace edit.
pub fn workspace_edit(snap: &Snapshot, edits: &[TextEdit]) -> lsp::WorkspaceEdit {
    lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(snap.uri.clone(), text_edits(snap, edits))])),
        ..lsp::WorkspaceEdit::default()
    }
}
