//! `initialize`, `initialized`, `shutdown`.

use std::sync::Arc;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::capabilities::server_capabilities;
use super::configuration;
use crate::config::Settings;
use crate::lsp::state::ClientSupport;
use crate::lsp::state::State;
use crate::lsp::{from_proto, to_proto};

pub async fn initialize(state: &Arc<State>, p: InitializeParams) -> Result<InitializeResult> {
    let encoding = from_proto::negotiate_encoding(&p.capabilities);
    state.set_encoding(encoding);
    let workspace = p.capabilities.workspace.as_ref();
    state.set_support(ClientSupport {
        configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
        dynamic_configuration: workspace
            .and_then(|w| w.did_change_configuration.as_ref())
            .and_then(|c| c.dynamic_registration)
            .unwrap_or(false),
        dynamic_watched_files: workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|c| c.dynamic_registration)
            .unwrap_or(false),
    });
    #[allow(deprecated)]
    let root = p
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| to_proto::file_path(&f.uri))
        .or_else(|| p.root_uri.as_ref().and_then(to_proto::file_path));
    let mut errors = Vec::new();
    let file = configuration::read_root_file(root.as_deref(), &mut errors);
    let editor = match &p.initialization_options {
        Some(v) => {
            let parsed = Settings::from_editor_json(v, root.as_deref());
            errors.extend(parsed.errors);
            parsed.settings
        }
        None => Settings::default(),
    };
    errors.extend(state.set_settings(Some(root), Some(file), Some(editor)));
    state.report_setting_errors(errors).await;
    state.set_initialized();
    Ok(InitializeResult {
        capabilities: server_capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "reso".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    })
}

pub async fn initialized(state: &Arc<State>, _: InitializedParams) {
    state.flush_deferred_messages().await;
    let support = state.support();
    let mut registrations = Vec::new();
    if support.dynamic_configuration {
        registrations.push(Registration {
            id: "reso-configuration".to_string(),
            method: "workspace/didChangeConfiguration".to_string(),
            register_options: None,
        });
    }
    if support.dynamic_watched_files {
        registrations.push(configuration::watch_settings_file());
    }
    if !registrations.is_empty() {
        let methods: Vec<String> = registrations.iter().map(|r| r.method.clone()).collect();
        if let Err(e) = state.client.register_capability(registrations).await {
            state.log(
                MessageType::WARNING,
                format!("the client refused to register {}: {e}", methods.join(", ")),
            );
        }
    }
    if support.configuration {
        configuration::pull(state).await;
    }
}

/// Nothing to release: the transport sees `shutdown` and `exit` and ends
/// the process with the code the LSP asks for.
pub async fn shutdown(_state: &Arc<State>) -> Result<()> {
    Ok(())
}
