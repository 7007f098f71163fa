//! The draft language: vocabulary of openers and the block parser.

pub(crate) mod footnote_refs;
pub mod incremental;
pub mod lines;
pub mod model;
pub mod outline;
pub mod parser;
pub mod vocabulary;

pub use incremental::{reparse, EditSpan};
pub use model::*;
pub use parser::parse;
