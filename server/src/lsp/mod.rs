//! The language server: protocol types and position conversion live here only.
