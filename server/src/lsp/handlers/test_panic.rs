//! `reso/testPanic`: a request that panics, served only when the test hook
//! is on (`RESO_TEST_PANIC` set, or [`Options::panic_trigger`](crate::lsp::Options)),
//! so the tests can prove a panic is caught and the server goes on.

use std::sync::Arc;

use serde_json::Value;
use tower_lsp::jsonrpc::Result;

use crate::lsp::state::State;

pub const METHOD: &str = "reso/testPanic";

pub async fn test_panic(_: &Arc<State>, params: Value) -> Result<Value> {
    panic!("test panic requested with {params}");
}
