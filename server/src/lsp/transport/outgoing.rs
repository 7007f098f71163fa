//! A message to the client as the writer takes it: its body in pieces,
//! written one after the other. Most messages are one buffer; a
//! `publishDiagnostics` is its head, the JSON of its diagnostics' chunks as
//! the snapshot keeps them (shared, not copied: a 484 KB body was copied
//! once per keystroke only to be written), commas between them, and its
//! tail. On standard output the pieces go in vectored writes.

use std::io::IoSlice;
use std::sync::Arc;

/// Bytes shared with whoever made them (a diagnostics chunk's JSON, which
/// the snapshot holding it keeps as long as the message needs it).
pub(crate) type Shared = Arc<dyn AsRef<[u8]> + Send + Sync>;

enum Piece {
    Owned(Vec<u8>),
    Shared(Shared),
    Static(&'static [u8]),
}

impl Piece {
    fn bytes(&self) -> &[u8] {
        match self {
            Piece::Owned(v) => v,
            Piece::Shared(s) => (**s).as_ref(),
            Piece::Static(s) => s,
        }
    }
}

/// A message's body: the bytes of its pieces in order.
#[derive(Default)]
pub(crate) struct Outgoing {
    pieces: Vec<Piece>,
    len: usize,
}

impl Outgoing {
    fn push(&mut self, piece: Piece) {
        let n = piece.bytes().len();
        if n > 0 {
            self.len += n;
            self.pieces.push(piece);
        }
    }

    pub(crate) fn push_owned(&mut self, bytes: Vec<u8>) {
        self.push(Piece::Owned(bytes));
    }

    pub(crate) fn push_shared(&mut self, bytes: Shared) {
        self.push(Piece::Shared(bytes));
    }

    pub(crate) fn push_static(&mut self, bytes: &'static [u8]) {
        self.push(Piece::Static(bytes));
    }

    /// The body's length in bytes.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The pieces' bytes, in order (none empty).
    pub(crate) fn pieces(&self) -> impl Iterator<Item = &[u8]> {
        self.pieces.iter().map(Piece::bytes)
    }

    /// The pieces as slices for a vectored write.
    pub(crate) fn io_slices(&self) -> Vec<IoSlice<'_>> {
        self.pieces().map(IoSlice::new).collect()
    }

    /// The body in one buffer.
    pub(crate) fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len);
        for p in self.pieces() {
            out.extend_from_slice(p);
        }
        out
    }
}

impl From<Vec<u8>> for Outgoing {
    fn from(bytes: Vec<u8>) -> Outgoing {
        let mut out = Outgoing::default();
        out.push_owned(bytes);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_join_in_order_and_empty_ones_are_left_out() {
        let mut out = Outgoing::from(b"{\"a\":[".to_vec());
        let shared: Shared = Arc::new(b"1,2".to_vec());
        out.push_shared(shared.clone());
        out.push_static(b",");
        out.push_owned(Vec::new());
        out.push_shared(shared);
        out.push_static(b"]}");
        assert_eq!(out.to_vec(), b"{\"a\":[1,2,1,2]}");
        assert_eq!(out.len(), out.to_vec().len());
        assert_eq!(out.pieces().count(), 5);
        assert!(Outgoing::from(Vec::new()).is_empty());
    }
}
