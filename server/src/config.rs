//! Settings shared by the editor and `reso.toml` (SPEC section 6).

use std::collections::BTreeMap;
use std::path::PathBuf;

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
