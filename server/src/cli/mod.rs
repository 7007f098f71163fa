//! `reso check` and `reso catalog import`.
