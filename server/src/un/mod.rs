//! What reso knows about United Nations documents, below every other layer
//! but `text`: the organs, the grammar of document symbols and their sessions,
//! and dates as resolutions write them. The parser, the catalogue and the
//! citation reader all read it; it reads none of them.

pub mod date;
pub mod describe;
pub mod organ;
pub mod symbol;

pub use date::{Date, MONTHS};
pub use organ::{Body, Organ};
pub use symbol::{Kind, Ref, Session};
