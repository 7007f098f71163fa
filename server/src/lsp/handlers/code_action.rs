//! `textDocument/codeAction` (quick fixes and the renumbering source action)
//! and `workspace/executeCommand` `reso.renumber`
//! ([`features::code_action`](crate::features::code_action),
//! [`features::renumber`](crate::features::renumber)).

use std::sync::Arc;

use serde_json::Value;
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;

use super::edits::workspace_edit;
use crate::features::code_action::{self, ActionKind, RENUMBER_COMMAND, RENUMBER_TITLE};
use crate::features::renumber;
use crate::lsp::state::State;
use crate::lsp::to_proto;

/// The source action's kind: `source.renumber.reso`, under `source`.
pub fn renumber_kind() -> CodeActionKind {
    CodeActionKind::new("source.renumber.reso")
}

pub fn options() -> CodeActionProviderCapability {
    CodeActionProviderCapability::Options(CodeActionOptions {
        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, renumber_kind()]),
        ..CodeActionOptions::default()
    })
}

pub fn execute_command_options() -> ExecuteCommandOptions {
    ExecuteCommandOptions {
        commands: vec![RENUMBER_COMMAND.to_string()],
        ..ExecuteCommandOptions::default()
    }
}

pub async fn code_action(
    state: &Arc<State>,
    p: CodeActionParams,
) -> Result<Option<CodeActionResponse>> {
    let uri = p.text_document.uri;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let range = snap.offset(p.range.start)..snap.offset(p.range.end);
    let wanted = |kind: &CodeActionKind| match &p.context.only {
        None => true,
        Some(only) => only.iter().any(|o| {
            kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str()))
        }),
    };
    let config = state.config();
    let here = snap.positions();
    let actions = code_action::code_actions(&snap.analysis, &snap.text, range)
        .into_iter()
        .map(|a| {
            let kind = match a.kind {
                ActionKind::QuickFix => CodeActionKind::QUICKFIX,
                ActionKind::Source => renumber_kind(),
            };
            let diagnostics: Vec<Diagnostic> = a
                .diagnostics
                .iter()
                .map(|&i| {
                    let d = &snap.analysis.diagnostics[i];
                    to_proto::diagnostic(&here, d, config.docs_base.as_deref(), &mut |_| None)
                })
                .collect();
            CodeAction {
                title: a.title,
                kind: Some(kind),
                diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
                edit: Some(workspace_edit(&snap, &a.edits)),
                is_preferred: a.preferred.then_some(true),
                ..CodeAction::default()
            }
        })
        .filter(|a| a.kind.as_ref().is_some_and(wanted))
        .map(CodeActionOrCommand::CodeAction)
        .collect();
    Ok(Some(actions))
}

/// `reso.renumber` with the document's URI as its argument (a string, or
/// `{"uri": ...}`): asks the client to apply the renumbering edit.
pub async fn execute_command(state: &Arc<State>, p: ExecuteCommandParams) -> Result<Option<Value>> {
    if p.command != RENUMBER_COMMAND {
        return Err(Error::invalid_params(format!(
            "unknown command `{}`",
            p.command
        )));
    }
    let uri = p
        .arguments
        .first()
        .and_then(|a| a.as_str().or_else(|| a.get("uri")?.as_str()))
        .and_then(|s| Url::parse(s).ok())
        .ok_or_else(|| {
            Error::invalid_params(format!("{RENUMBER_COMMAND} takes the document's URI"))
        })?;
    let snap = state.snapshot(&uri).await.map_err(|e| e.to_jsonrpc(&uri))?;
    let edits = renumber::renumber(&snap.analysis.doc, &snap.text);
    if edits.is_empty() {
        return Ok(None);
    }
    let edit = workspace_edit(&snap, &edits);
    match state.client.apply_edit(edit).await {
        Ok(r) if r.applied => Ok(None),
        Ok(r) => Err(Error::invalid_params(format!(
            "{RENUMBER_TITLE}: the editor did not apply the edit{}",
            r.failure_reason
                .map(|f| format!(" ({f})"))
                .unwrap_or_default()
        ))),
        Err(e) => Err(e),
    }
}
