//! Settings from the editor (`workspace/didChangeConfiguration`,
//! `workspace/configuration`) and from `reso.toml` at the workspace root,
//! re-read when the client reports that it changed
//! (`workspace/didChangeWatchedFiles`, registered on `**/reso.toml` when the
//! client can register it). The editor's settings are layered over the
//! file's. A bad setting is shown with `window/showMessage`; the others apply.

use std::sync::Arc;

use std::path::Path;

use serde_json::Value;
use tower_lsp::lsp_types::*;

use crate::config::{self, SettingError, Settings};
use crate::lsp::state::State;
use crate::lsp::to_proto;

/// The glob the server asks the client to watch.
pub const WATCHED: &str = "**/reso.toml";

/// The registration of `workspace/didChangeWatchedFiles` for `reso.toml`.
pub fn watch_settings_file() -> Registration {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String(WATCHED.to_string()),
            kind: None,
        }],
    };
    Registration {
        id: "reso-watch-settings-file".to_string(),
        method: "workspace/didChangeWatchedFiles".to_string(),
        register_options: serde_json::to_value(options).ok(),
    }
}

/// `workspace/didChangeWatchedFiles`: when the workspace root's `reso.toml`
/// was created, changed or deleted, re-reads it, layers the editor's
/// settings over it again and re-publishes every open document. Other files
/// (a `reso.toml` in a sub-folder: the server reads the root's only) are
/// ignored with a log line.
pub async fn did_change_watched_files(state: &Arc<State>, p: DidChangeWatchedFilesParams) {
    let root = state.root();
    let root_file = root.as_ref().map(|r| r.join(config::FILE_NAME));
    let (ours, others): (Vec<_>, Vec<_>) = p.changes.iter().partition(|c| {
        root_file.is_some() && to_proto::file_path(&c.uri).as_ref() == root_file.as_ref()
    });
    if !others.is_empty() {
        let uris: Vec<String> = others.iter().map(|c| c.uri.to_string()).collect();
        state.log(
            MessageType::INFO,
            format!(
                "ignored a change of {} (settings come from the workspace root's {} only)",
                uris.join(", "),
                config::FILE_NAME
            ),
        );
    }
    if ours.is_empty() {
        return;
    }
    let mut errors = Vec::new();
    let file = read_root_file(root.as_deref(), &mut errors);
    errors.extend(state.set_settings(None, Some(file), None));
    state.report_setting_errors(errors).await;
    state.schedule_all();
}

/// The settings of `reso.toml` in the workspace root, if there is one.
pub fn read_root_file(root: Option<&Path>, errors: &mut Vec<SettingError>) -> Settings {
    let Some(path) = root
        .map(|r| r.join(config::FILE_NAME))
        .filter(|p| p.is_file())
    else {
        return Settings::default();
    };
    let parsed = Settings::from_toml_file(&path);
    errors.extend(parsed.errors);
    parsed.settings
}

pub async fn did_change_configuration(state: &Arc<State>, p: DidChangeConfigurationParams) {
    let root = state.root();
    let mut errors = Vec::new();
    let file = read_root_file(root.as_deref(), &mut errors);
    // `{"reso": {...}}` pushes the settings; anything else (null, other
    // sections) means "ask": pull them when the client can answer.
    let pushed = p.settings.get("reso").cloned();
    match pushed {
        Some(v) => {
            let parsed = Settings::from_editor_json(&v, root.as_deref());
            errors.extend(parsed.errors);
            errors.extend(state.set_settings(None, Some(file), Some(parsed.settings)));
            state.report_setting_errors(errors).await;
        }
        None => {
            errors.extend(state.set_settings(None, Some(file), None));
            state.report_setting_errors(errors).await;
            if state.support().configuration {
                pull(state).await;
                return;
            }
        }
    }
    state.schedule_all();
}

/// Asks the client for the `reso` section and applies it.
pub async fn pull(state: &Arc<State>) {
    let item = ConfigurationItem {
        scope_uri: None,
        section: Some("reso".to_string()),
    };
    match state.client.configuration(vec![item]).await {
        Ok(values) => {
            let value = values.into_iter().next().unwrap_or(Value::Null);
            if !value.is_null() {
                let root = state.root();
                let parsed = Settings::from_editor_json(&value, root.as_deref());
                let mut errors = parsed.errors;
                errors.extend(state.set_settings(None, None, Some(parsed.settings)));
                state.report_setting_errors(errors).await;
            }
        }
        Err(e) => state.log(
            MessageType::WARNING,
            format!("workspace/configuration failed: {e}"),
        ),
    }
    state.schedule_all();
}
