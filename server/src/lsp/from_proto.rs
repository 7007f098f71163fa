//! Protocol values into the core's terms.

use tower_lsp::lsp_types as lsp;

use crate::text::{Encoding, Position};

/// An LSP position as a line and a column (in the negotiated encoding).
pub fn position(p: lsp::Position) -> Position {
    Position {
        line: p.line,
        column: p.character,
    }
}

/// The position encoding to use: UTF-8 when the client offers it, else UTF-16
/// (which every client supports).
pub fn negotiate_encoding(caps: &lsp::ClientCapabilities) -> Encoding {
    let offered = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&lsp::PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}
