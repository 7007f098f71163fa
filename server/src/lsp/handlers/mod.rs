//! One module per request or notification family. Each takes the
//! [`Backend`](super::Backend) and the protocol params, reads a
//! [`Snapshot`](super::Snapshot) and converts with `to_proto`.

pub mod configuration;
pub mod document_state;
pub mod lifecycle;
pub mod sync;
pub mod test_panic;
