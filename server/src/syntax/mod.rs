//! The draft language: vocabulary of openers and the block parser.

pub mod markup;
pub mod model;
pub mod outline;
pub mod parser;
pub mod vocabulary;

pub use model::*;
pub use parser::{parse, parse_resumable, reparse, EditSpan, ParseCache};
