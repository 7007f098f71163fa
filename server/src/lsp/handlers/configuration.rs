//! Settings from the editor (`workspace/didChangeConfiguration`,
//! `workspace/configuration`) and from `reso.toml` at the workspace root.
//! The editor's settings are layered over the file's. A bad setting is shown
//! with `window/showMessage`; the others apply.

use std::path::Path;

use serde_json::Value;
use tower_lsp::lsp_types::*;

use crate::config::{self, SettingError, Settings};
use crate::lsp::Backend;

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

pub async fn did_change_configuration(b: &Backend, p: DidChangeConfigurationParams) {
    let root = b.state.root();
    let mut errors = Vec::new();
    let file = read_root_file(root.as_deref(), &mut errors);
    // `{"reso": {...}}` pushes the settings; anything else (null, other
    // sections) means "ask": pull them when the client can answer.
    let pushed = p.settings.get("reso").cloned();
    match pushed {
        Some(v) => {
            let parsed = Settings::from_editor_json(&v, root.as_deref());
            errors.extend(parsed.errors);
            errors.extend(
                b.state
                    .set_settings(None, Some(file), Some(parsed.settings)),
            );
            b.state.report_setting_errors(errors).await;
        }
        None => {
            errors.extend(b.state.set_settings(None, Some(file), None));
            b.state.report_setting_errors(errors).await;
            if b.state.support().configuration {
                pull(b).await;
                return;
            }
        }
    }
    b.state.schedule_all();
}

/// Asks the client for the `reso` section and applies it.
pub async fn pull(b: &Backend) {
    let item = ConfigurationItem {
        scope_uri: None,
        section: Some("reso".to_string()),
    };
    match b.state.client.configuration(vec![item]).await {
        Ok(values) => {
            let value = values.into_iter().next().unwrap_or(Value::Null);
            if !value.is_null() {
                let root = b.state.root();
                let parsed = Settings::from_editor_json(&value, root.as_deref());
                let mut errors = parsed.errors;
                errors.extend(b.state.set_settings(None, None, Some(parsed.settings)));
                b.state.report_setting_errors(errors).await;
            }
        }
        Err(e) => b.state.log(
            MessageType::WARNING,
            format!("workspace/configuration failed: {e}"),
        ),
    }
    b.state.schedule_all();
}
