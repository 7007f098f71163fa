//! One module per request or notification family. Each takes the server
//! [`State`](super::State) and the protocol params, reads a
//! [`Snapshot`](super::Snapshot) and converts with `to_proto`;
//! `capabilities` declares what they serve.

pub mod capabilities;
pub mod citations;
pub mod code_action;
pub mod completion;
pub mod configuration;
pub mod document_state;
pub mod edits;
pub mod folding;
pub mod formatting;
pub mod hover;
pub mod inlay_hints;
pub mod lifecycle;
pub mod navigation;
pub mod semantic_tokens;
pub mod symbols;
pub mod sync;
pub mod test_panic;
