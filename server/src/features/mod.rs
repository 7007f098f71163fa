//! Editor features as plain data over byte ranges (hover, completion, code
//! actions, outline ...). The LSP layer converts them.
//!
//! Every function here reads an [`Analysis`](crate::analysis::Analysis) (or
//! just its [`Document`](crate::syntax::Document)) and the source text, takes
//! byte offsets and returns byte ranges and [`TextEdit`](crate::diagnostic::TextEdit)s.

pub mod citation_completion;
pub mod citation_hover;
pub mod citation_links;
pub mod code_action;
pub mod completion;
pub mod fix;
pub mod folding;
pub mod formatting;
pub mod hover;
pub mod inlay_hints;
pub mod navigation;
pub mod renumber;
pub mod semantic_tokens;
pub mod symbols;

#[cfg(test)]
pub(crate) mod testing;

/// The text with its first letter in lower case (`Notes` → `notes`).
pub(crate) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The text with its first letter in upper case (`notes` → `Notes`).
pub(crate) fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Applies sorted, non-overlapping edits to a text.
pub fn apply_edits(src: &str, edits: &[crate::diagnostic::TextEdit]) -> String {
    let mut out = String::with_capacity(src.len());
    let mut pos = 0;
    for e in edits {
        out.push_str(&src[pos..e.range.start]);
        out.push_str(&e.new_text);
        pos = e.range.end;
    }
    out.push_str(&src[pos..]);
    out
}
