//! The language server (`reso lsp`): protocol types and position conversion
//! live here only; the core works on byte offsets. In layers, bottom first
//! (`tests/architecture.rs` holds them):
//!
//! - `to_proto` / `from_proto`: conversions, knowing no server state;
//!   `memory`, `panics`, `options`: process details and the test hook;
//! - `transport`: JSON-RPC framing (a `tokio_util` decoder) in front of any
//!   tower-lsp service, robust to malformed input, with the panic boundary;
//!   it asks the server only through its `Host` trait;
//! - `published`: a document's diagnostics as sent; `snapshot`: one analysed
//!   version of a document;
//! - `workspace`: the open documents' citations, for `citation-inconsistent`
//!   across documents;
//! - `state`: documents (ropes), analysis scheduling, settings;
//! - `handlers`: one module per request family, and the capabilities;
//! - `server`: the `LanguageServer` impl, one-line delegations to `handlers/`.

pub mod from_proto;
pub mod handlers;
mod memory;
mod options;
mod panics;
mod published;
mod server;
mod snapshot;
mod state;
pub mod to_proto;
mod transport;
mod workspace;

pub use options::{Options, TEST_PANIC_ENV};
pub use server::Backend;
pub use snapshot::{Snapshot, SnapshotError};
pub use state::State;

use tokio::io::{AsyncRead, AsyncWrite};

/// Serves the protocol over a pair of streams until `exit` or the end of the
/// input. Returns the process exit code: 0 after `shutdown`, else 1.
pub async fn serve<I, O>(input: I, output: O, options: Options) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (service, socket) = server::build(options);
    let state = service.inner().state.clone();
    transport::run(
        input,
        transport::Output::Stream(output),
        service,
        socket,
        state,
    )
    .await
}

/// As `serve`, writing to the process's standard output from a thread of
/// its own (see `transport::Output::Stdout`).
async fn serve_stdout<I>(input: I, output: transport::Stdout, options: Options) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
{
    let (service, socket) = server::build(options);
    let state = service.inner().state.clone();
    transport::run::<_, tokio::io::Stdout, _, _>(
        input,
        transport::Output::Stdout(output),
        service,
        socket,
        state,
    )
    .await
}

/// `reso lsp`: serves on stdin and stdout.
pub fn run_stdio() -> i32 {
    memory::settle_allocator();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("reso: cannot start the server: {e}");
            return 2;
        }
    };
    let code = match transport::Stdout::new() {
        Ok(stdout) => runtime.block_on(serve_stdout(
            tokio::io::stdin(),
            stdout,
            Options::from_env(),
        )),
        // No descriptor to duplicate: through tokio's stdout, as before.
        Err(_) => runtime.block_on(serve(
            tokio::io::stdin(),
            tokio::io::stdout(),
            Options::from_env(),
        )),
    };
    // The stdin reader blocks in a thread of its own: do not wait for it.
    runtime.shutdown_background();
    code
}
