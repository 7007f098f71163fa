//! Settings shared by the editor and `reso.toml` (SPEC section 6).
//!
//! Both sources parse into [`Settings`]: only the keys they set, so that they
//! can be layered (`reso.toml` first, then the editor's settings on top) into
//! one [`Config`]. A bad value never stops the rest: it becomes a
//! [`SettingError`] with a message a drafter understands, and the other keys
//! apply.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diagnostic::{Code, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FootnoteRepeat {
    #[default]
    Forbid,
    Allow,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Per-code severity override; `None` turns the code off.
    pub severities: BTreeMap<Code, Option<Severity>>,
    pub catalog_paths: Vec<PathBuf>,
    /// The organ for drafts without a chapeau (`General Assembly`).
    pub organ: Option<String>,
    pub footnotes_repeat: FootnoteRepeat,
    /// Where the diagnostic pages are (`docs.base`): each diagnostic links to
    /// `<base>/<code>.md`. `None`: no link.
    pub docs_base: Option<String>,
}

impl Config {
    /// The severity a code is published with, `None` when turned off.
    pub fn severity(&self, code: Code) -> Option<Severity> {
        match self.severities.get(&code) {
            Some(s) => *s,
            None => Some(code.default_severity()),
        }
    }
}

/// The name of the settings file looked up from a draft's folder upward.
pub const FILE_NAME: &str = "reso.toml";

/// Settings from one source: only what it sets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub severities: BTreeMap<Code, Option<Severity>>,
    pub catalog_paths: Option<Vec<PathBuf>>,
    pub organ: Option<String>,
    pub footnotes_repeat: Option<FootnoteRepeat>,
    pub docs_base: Option<String>,
}

/// A setting that could not be used, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingError {
    /// `reso.toml` path, or `editor settings`.
    pub source: String,
    /// The key as the user writes it (`diagnostics.numbering`); empty for an
    /// error about the whole source (a TOML syntax error).
    pub key: String,
    pub message: String,
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}: {}", self.source, self.message)
        } else {
            write!(f, "{}: `{}`: {}", self.source, self.key, self.message)
        }
    }
}

/// What a source gave: the settings that parsed, and the errors of the rest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub settings: Settings,
    pub errors: Vec<SettingError>,
}

impl Settings {
    /// Layers these settings over a config.
    pub fn apply_to(&self, config: &mut Config) {
        for (code, sev) in &self.severities {
            config.severities.insert(*code, *sev);
        }
        if let Some(paths) = &self.catalog_paths {
            config.catalog_paths = paths.clone();
        }
        if let Some(organ) = &self.organ {
            config.organ = Some(organ.clone());
        }
        if let Some(r) = self.footnotes_repeat {
            config.footnotes_repeat = r;
        }
        if let Some(base) = &self.docs_base {
            config.docs_base = Some(base.clone());
        }
    }

    /// A config made of the defaults and these settings.
    pub fn to_config(&self) -> Config {
        let mut c = Config::default();
        self.apply_to(&mut c);
        c
    }

    /// Editor settings: `initializationOptions` (the `reso` object, or
    /// `{"reso": {...}}`), the settings of `workspace/didChangeConfiguration`
    /// (`{"reso": {...}}`) or the answer of `workspace/configuration` for the
    /// section `reso`. `null` means nothing set. Relative catalogue paths are
    /// taken from `base` (the workspace root). Keys the editor keeps for
    /// itself (`server.path`, `trace.server` ...) are ignored at the top level.
    pub fn from_editor_json(value: &Value, base: Option<&Path>) -> Parsed {
        let source = "editor settings";
        let mut out = Parsed::default();
        let value = match value {
            Value::Null => return out,
            Value::Object(map) => map.get("reso").unwrap_or(value),
            _ => value,
        };
        if value.is_null() {
            return out;
        }
        read_root(value, base, source, false, &mut out);
        out
    }

    /// A `reso.toml`; `path` names it in messages and its folder is the base
    /// of relative catalogue paths.
    pub fn from_toml(text: &str, path: &Path) -> Parsed {
        let source = path.display().to_string();
        let mut out = Parsed::default();
        let table: toml::Table = match toml::from_str(text) {
            Ok(t) => t,
            Err(e) => {
                out.errors.push(SettingError {
                    source,
                    key: String::new(),
                    message: format!("not valid TOML: {}", e.message()),
                });
                return out;
            }
        };
        let value = match serde_json::to_value(&table) {
            Ok(v) => v,
            Err(e) => {
                out.errors.push(SettingError {
                    source,
                    key: String::new(),
                    message: format!("cannot read: {e}"),
                });
                return out;
            }
        };
        read_root(&value, path.parent(), &source, true, &mut out);
        out
    }

    /// Reads a `reso.toml` from disk. An unreadable file is one error.
    pub fn from_toml_file(path: &Path) -> Parsed {
        match std::fs::read_to_string(path) {
            Ok(text) => Settings::from_toml(&text, path),
            Err(e) => Parsed {
                settings: Settings::default(),
                errors: vec![SettingError {
                    source: path.display().to_string(),
                    key: String::new(),
                    message: format!("cannot read: {e}"),
                }],
            },
        }
    }
}

/// The `reso.toml` that applies to a file in `dir`: the first found in `dir`
/// or a folder above it, as rustfmt looks for `rustfmt.toml`.
pub fn find_config_file(dir: &Path) -> Option<PathBuf> {
    let mut cur = Some(dir);
    while let Some(d) = cur {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        cur = d.parent();
    }
    None
}

const CODE_WORDS: &str = "error, warning, information, hint or off";

fn read_root(value: &Value, base: Option<&Path>, source: &str, strict: bool, out: &mut Parsed) {
    let Value::Object(map) = value else {
        out.errors.push(SettingError {
            source: source.to_string(),
            key: String::new(),
            message: format!("expected a table of settings, found {}", kind(value)),
        });
        return;
    };
    // Dotted keys (`"diagnostics.numbering": "off"`) count as nested ones.
    let mut tree = serde_json::Map::new();
    for (k, v) in map {
        insert_dotted(&mut tree, k, v.clone());
    }
    let s = &mut out.settings;
    let mut errors = Vec::new();
    for (key, v) in &tree {
        match key.as_str() {
            "catalog" => read_table(v, "catalog", &mut errors, |k, v, errors| match k {
                "paths" => match string_list(v) {
                    Some(list) => {
                        s.catalog_paths = Some(
                            list.into_iter()
                                .map(|p| match base {
                                    Some(b) if Path::new(&p).is_relative() => b.join(p),
                                    _ => PathBuf::from(p),
                                })
                                .collect(),
                        )
                    }
                    None => errors.push((
                        "catalog.paths".to_string(),
                        format!("expected a list of file paths, found {}", kind(v)),
                    )),
                },
                other => errors.push((format!("catalog.{other}"), "unknown setting".to_string())),
            }),
            "diagnostics" => read_table(v, "diagnostics", &mut errors, |k, v, errors| {
                let key = format!("diagnostics.{k}");
                let Some(code) = Code::parse(k) else {
                    errors.push((
                        key,
                        format!("unknown diagnostic code (known: {})", code_list()),
                    ));
                    return;
                };
                match v.as_str() {
                    Some("off") => {
                        s.severities.insert(code, None);
                    }
                    Some(word) => match Severity::parse(word) {
                        Some(sev) => {
                            s.severities.insert(code, Some(sev));
                        }
                        None => {
                            errors.push((key, format!("expected {CODE_WORDS}, found `{word}`")))
                        }
                    },
                    None => errors.push((key, format!("expected {CODE_WORDS}, found {}", kind(v)))),
                }
            }),
            "organ" => match v.as_str().map(str::trim) {
                Some(name) if !name.is_empty() => {
                    let name = name.strip_prefix("The ").unwrap_or(name);
                    s.organ = Some(name.trim_end_matches(',').trim().to_string());
                }
                _ => errors.push((
                    "organ".to_string(),
                    format!(
                        "expected the organ's name, such as \"General Assembly\", found {}",
                        kind(v)
                    ),
                )),
            },
            "footnotes" => read_table(v, "footnotes", &mut errors, |k, v, errors| match k {
                "repeat" => match v.as_str() {
                    Some("forbid") => s.footnotes_repeat = Some(FootnoteRepeat::Forbid),
                    Some("allow") => s.footnotes_repeat = Some(FootnoteRepeat::Allow),
                    _ => errors.push((
                        "footnotes.repeat".to_string(),
                        format!("expected forbid or allow, found {}", kind(v)),
                    )),
                },
                other => errors.push((format!("footnotes.{other}"), "unknown setting".to_string())),
            }),
            "docs" => read_table(v, "docs", &mut errors, |k, v, errors| {
                match k {
                "base" => match v.as_str().map(str::trim).filter(|b| is_base_address(b)) {
                    Some(base) => s.docs_base = Some(base.trim_end_matches('/').to_string()),
                    None => errors.push((
                        "docs.base".to_string(),
                        format!(
                            "expected the address of the folder of diagnostic pages, with its scheme (file:, https: ...), found {}",
                            kind(v)
                        ),
                    )),
                },
                other => errors.push((format!("docs.{other}"), "unknown setting".to_string())),
            }
            }),
            other => {
                if strict {
                    errors.push((
                        other.to_string(),
                        "unknown setting (known: catalog.paths, diagnostics.<code>, organ, footnotes.repeat, docs.base)"
                            .to_string(),
                    ));
                }
            }
        }
    }
    out.errors
        .extend(errors.into_iter().map(|(key, message)| SettingError {
            source: source.to_string(),
            key,
            message,
        }));
}

fn read_table<'v>(
    v: &'v Value,
    name: &str,
    errors: &mut Vec<(String, String)>,
    mut each: impl FnMut(&str, &'v Value, &mut Vec<(String, String)>),
) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                each(k, v, errors);
            }
        }
        _ => errors.push((
            name.to_string(),
            format!("expected a table, found {}", kind(v)),
        )),
    }
}

fn insert_dotted(tree: &mut serde_json::Map<String, Value>, key: &str, value: Value) {
    match key.split_once('.') {
        Some((head, rest)) if !head.is_empty() && !rest.is_empty() => {
            let entry = tree
                .entry(head.to_string())
                .or_insert_with(|| Value::Object(Default::default()));
            if let Value::Object(inner) = entry {
                insert_dotted(inner, rest, value);
            }
        }
        _ => match (tree.get_mut(key), value) {
            (Some(Value::Object(existing)), Value::Object(new)) => {
                for (k, v) in new {
                    insert_dotted(existing, &k, v);
                }
            }
            (_, value) => {
                tree.insert(key.to_string(), value);
            }
        },
    }
}

fn string_list(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Array(items) => items.iter().map(|i| i.as_str().map(String::from)).collect(),
        _ => None,
    }
}

fn kind(v: &Value) -> String {
    match v {
        Value::Null => "nothing".to_string(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("`{n}`"),
        Value::String(s) => format!("\"{s}\""),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a table".to_string(),
    }
}

/// An absolute address: a scheme (`file:`, `https:`), then more, no spaces.
fn is_base_address(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.trim_matches('/').is_empty()
        && !s.chars().any(char::is_whitespace)
}

fn code_list() -> String {
    Code::ALL.map(Code::as_str).join(", ")
}

#[cfg(test)]
mod tests;
