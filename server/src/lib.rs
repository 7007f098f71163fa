//! reso: checks for United Nations-style resolution drafts.
//!
//! The core (`text`, `syntax`, `checks`, `citations`, `catalog`, `features`,
//! `analysis`, `config`) works on byte offsets into the draft and never sees an
//! LSP type; `lsp` converts positions and serves the protocol, `cli` prints.

pub mod analysis;
pub mod catalog;
pub mod checks;
pub mod citations;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod features;
pub mod lsp;
pub mod syntax;
pub mod text;
pub mod un;
