//! The JSON-RPC transport in front of tower-lsp's service. It knows no
//! handler and no server state: it carries any `LspService`, and asks the
//! server only what [`Host`] offers.
//!
//! tower-lsp 0.20's own `Server` reads with `tokio_util`'s `FramedRead`, which
//! ends the stream after the first decoding error: one malformed message (bad
//! JSON, a bad `Content-Length`, a body that is not a JSON-RPC message) stops
//! the server. It also lets a panic in a handler unwind through the whole
//! server. This transport replaces it and keeps tower-lsp's service (routing,
//! `initialize`/`shutdown` state, cancellation) untouched:
//!
//! - framing ([`codec`]) resynchronises on the next `Content-Length` after
//!   garbage, and a body whose declared length is too large is cut at the
//!   next header when what precedes it is a whole JSON value;
//! - a body that is not JSON gets a Parse error (-32700), one that is JSON but
//!   no JSON-RPC message an Invalid Request error (-32600), both logged;
//! - every request runs inside `catch_unwind`: a panic is logged with the
//!   method, the document URI and its version (stderr and `window/logMessage`)
//!   and answered with an Internal error (-32603); the server goes on;
//! - handlers start in the order messages arrive (the first poll of each runs
//!   in order, as in tower-lsp), so edits apply in order;
//! - `exit` ends the loop at once, even while the input stays open: the exit
//!   code is 0 when a `shutdown` request came before it, else 1.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

mod codec;
mod message;
mod outgoing;
mod stdout;

use futures::future::{self, BoxFuture};
use futures::{FutureExt, SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tokio_util::codec::FramedRead;
use tower::Service;
use tower_lsp::jsonrpc::{Error, ErrorCode, Id, Request, Response};
use tower_lsp::{ClientSocket, LanguageServer, LspService};

use super::panics::panic_message;
use codec::{Frame, LspCodec};
use message::{classify, Incoming};
pub(crate) use outgoing::{Outgoing, Shared};
pub(crate) use stdout::Stdout;

/// How many requests run at once (tower-lsp's default is 4; notifications
/// return at once here, so more slots only help slow requests).
const CONCURRENCY: usize = 16;

/// Where the transport writes its messages.
pub(crate) enum Output<O> {
    /// An async stream, written from a task (the tests' in-process pipes).
    Stream(O),
    /// The process's standard output, written from a blocking thread of
    /// its own: each message in one vectored write of header and body
    /// straight to the file descriptor. Through `tokio::io::stdout` a
    /// 484 KB `publishDiagnostics` was copied into tokio's buffer, handed to
    /// a pool thread, written by std's line writer after a scan for a
    /// newline, and its header went in a write (and a thread hop) of its own.
    Stdout(Stdout),
}

/// What the transport asks of the server it carries.
pub trait Host: Send + Sync + 'static {
    /// Takes the channel of messages to the client, for what the server
    /// sends itself (diagnostics written as text).
    fn set_output(&self, out: mpsc::Sender<Outgoing>);
    /// Whether the client has been initialised (it may then be sent
    /// `window/logMessage` and `window/showMessage`).
    fn is_initialized(&self) -> bool;
    /// The version of an open document, for a panic report.
    fn version_of(&self, uri: &str) -> Option<i32>;
}

/// Serves `service` over a pair of streams until `exit` or the end of the
/// input; returns the process exit code (0 when `shutdown` came first, else 1).
pub(crate) async fn run<I, O, S, H>(
    input: I,
    output: Output<O>,
    mut service: LspService<S>,
    socket: ClientSocket,
    state: Arc<H>,
) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
    S: LanguageServer,
    H: Host,
{
    let (out_tx, out_rx) = mpsc::channel::<Outgoing>(256);
    let (stop_writer, writer_stop) = tokio::sync::oneshot::channel::<()>();
    let writer = match output {
        Output::Stream(output) => tokio::spawn(write_loop(output, out_rx, writer_stop)),
        Output::Stdout(output) => {
            tokio::task::spawn_blocking(move || write_blocking(output, out_rx, writer_stop))
        }
    };
    state.set_output(out_tx.clone());

    // Server-to-client requests and notifications (publishDiagnostics ...).
    let (mut to_client, mut client_responses) = socket.split();
    let forward_tx = out_tx.clone();
    let forward = tokio::spawn(async move {
        while let Some(req) = to_client.next().await {
            let Ok(body) = serde_json::to_vec(&req) else {
                continue;
            };
            if forward_tx.send(body.into()).await.is_err() {
                break;
            }
        }
    });

    let (task_tx, task_rx) =
        futures::channel::mpsc::channel::<BoxFuture<'static, Option<Response>>>(64);
    let responses_tx = out_tx.clone();
    let processor = tokio::spawn(async move {
        let mut tasks = task_rx.buffer_unordered(CONCURRENCY);
        while let Some(response) = tasks.next().await {
            if let Some(response) = response {
                if let Ok(body) = serde_json::to_vec(&response) {
                    if responses_tx.send(body.into()).await.is_err() {
                        break;
                    }
                }
            }
        }
    });

    let mut reader = FramedRead::with_capacity(input, LspCodec::default(), 64 * 1024);
    let mut task_tx = task_tx;
    // Whether `shutdown` came before the end (LSP: `exit` is then 0, else 1).
    let mut shutdown_seen = false;
    while let Some(Ok(frame)) = reader.next().await {
        let body = match frame {
            Frame::Message(body) => body,
            Frame::TooLarge(message) => {
                log_transport(&*state, &out_tx, &message).await;
                if state.is_initialized() {
                    let note = json!({
                        "jsonrpc": "2.0",
                        "method": "window/showMessage",
                        "params": {"type": 1, "message": format!(
                            "reso: {message}. Documents this large are not served; the others keep working."
                        )},
                    });
                    let _ = out_tx.send(note.to_string().into_bytes().into()).await;
                }
                send(
                    &out_tx,
                    &Response::from_error(Id::Null, Error::invalid_request()),
                )
                .await;
                continue;
            }
            Frame::Error(message) => {
                log_transport(&*state, &out_tx, &message).await;
                send(
                    &out_tx,
                    &Response::from_error(Id::Null, Error::parse_error()),
                )
                .await;
                continue;
            }
        };
        let incoming = classify(&body);
        // A long text is held by the parsed message alone from here on.
        drop(body);
        match incoming {
            Incoming::Request(req) => {
                if future::poll_fn(|cx| service.poll_ready(cx)).await.is_err() {
                    break;
                }
                let is_exit = req.method() == "exit";
                shutdown_seen |= req.method() == "shutdown";
                let fut = guarded_call(&mut service, req, state.clone(), out_tx.clone());
                if task_tx.send(fut).await.is_err() || is_exit {
                    break;
                }
            }
            Incoming::Response(res) => {
                if client_responses.send(res).await.is_err() {
                    log_transport(
                        &*state,
                        &out_tx,
                        "a response from the client arrived after the server stopped",
                    )
                    .await;
                }
            }
            Incoming::Invalid { response, log } => {
                log_transport(&*state, &out_tx, &log).await;
                send(&out_tx, &response).await;
            }
        }
    }

    // Wind down: let running handlers answer, then flush what is queued
    // (the server state keeps a sender: the writer is told to stop).
    task_tx.close_channel();
    let _ = tokio::time::timeout(Duration::from_secs(5), processor).await;
    forward.abort();
    let _ = stop_writer.send(());
    // The blocking writer learns of the stop when it next wakes: an empty
    // message wakes it (no message is empty; it writes none). When the
    // queue is full it is awake and busy, and looks after the next message.
    let _ = out_tx.try_send(Outgoing::default());
    drop(out_tx);
    let _ = tokio::time::timeout(Duration::from_secs(5), writer).await;
    if shutdown_seen {
        0
    } else {
        1
    }
}

async fn send(out: &mpsc::Sender<Outgoing>, response: &Response) {
    if let Ok(body) = serde_json::to_vec(response) {
        let _ = out.send(body.into()).await;
    }
}

/// Logs a transport problem to stderr and, once the client is initialised,
/// as `window/logMessage`.
async fn log_transport(state: &(impl Host + ?Sized), out: &mpsc::Sender<Outgoing>, message: &str) {
    eprintln!("reso: {message}");
    if state.is_initialized() {
        let note = json!({
            "jsonrpc": "2.0",
            "method": "window/logMessage",
            "params": {"type": 1, "message": format!("reso: {message}")},
        });
        let _ = out.send(note.to_string().into_bytes().into()).await;
    }
}

/// Calls the service with a panic boundary around both the call and the
/// future it returns.
fn guarded_call<S: LanguageServer, H: Host>(
    service: &mut LspService<S>,
    req: Request,
    state: Arc<H>,
    out: mpsc::Sender<Outgoing>,
) -> BoxFuture<'static, Option<Response>> {
    let method = req.method().to_string();
    let id = req.id().cloned();
    // tower-lsp answers nothing to an unknown `$/` request; the LSP says
    // MethodNotFound.
    let unanswered = match (&id, method.starts_with("$/")) {
        (Some(id), true) => Some(Response::from_error(id.clone(), Error::method_not_found())),
        _ => None,
    };
    let uri = req
        .params()
        .and_then(|p| p.pointer("/textDocument/uri"))
        .and_then(Value::as_str)
        .map(String::from);
    let report = move |payload: Box<dyn std::any::Any + Send>| {
        let what = panic_message(payload.as_ref());
        let place = match &uri {
            Some(uri) => {
                let version = state
                    .version_of(uri)
                    .map_or("not open".to_string(), |v| format!("version {v}"));
                format!(" for {uri} ({version})")
            }
            None => String::new(),
        };
        let line = format!("internal error: panic in {method}{place}: {what}");
        eprintln!("reso: {line}");
        if state.is_initialized() {
            let note = json!({
                "jsonrpc": "2.0",
                "method": "window/logMessage",
                "params": {"type": 1, "message": format!("reso: {line}")},
            });
            let _ = out.try_send(note.to_string().into_bytes().into());
        }
        id.map(|id| {
            Response::from_error(
                id,
                Error {
                    code: ErrorCode::InternalError,
                    message: line.into(),
                    data: None,
                },
            )
        })
    };
    match std::panic::catch_unwind(AssertUnwindSafe(|| service.call(req))) {
        Ok(fut) => async move {
            match AssertUnwindSafe(fut).catch_unwind().await {
                Ok(Ok(None)) => unanswered,
                Ok(Ok(response)) => response,
                Ok(Err(_exited)) => None,
                Err(payload) => report(payload),
            }
        }
        .boxed(),
        Err(payload) => future::ready(report(payload)).boxed(),
    }
}

/// As `write_loop`, on a thread that may block: each message is written
/// whole before the next is taken.
fn write_blocking(
    mut output: Stdout,
    mut rx: mpsc::Receiver<Outgoing>,
    mut stop: tokio::sync::oneshot::Receiver<()>,
) {
    let mut stopping = false;
    while let Some(body) = rx.blocking_recv() {
        if !stopping && stop.try_recv() != Err(tokio::sync::oneshot::error::TryRecvError::Empty) {
            stopping = true;
            rx.close();
        }
        if !body.is_empty() && output.write_message(&body).is_err() {
            break;
        }
    }
}

/// Writes each queued message; once `stop` fires, writes what is queued and
/// returns.
async fn write_loop<O: AsyncWrite + Unpin>(
    mut output: O,
    mut rx: mpsc::Receiver<Outgoing>,
    mut stop: tokio::sync::oneshot::Receiver<()>,
) {
    let mut stopping = false;
    loop {
        let next = tokio::select! {
            body = rx.recv() => body,
            _ = &mut stop, if !stopping => {
                stopping = true;
                rx.close();
                continue;
            }
        };
        let Some(body) = next else { break };
        if body.is_empty() {
            // The blocking writer's wake-up at the end: nothing to write.
            continue;
        }
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        if output.write_all(header.as_bytes()).await.is_err() {
            break;
        }
        let mut failed = false;
        for piece in body.pieces() {
            if output.write_all(piece).await.is_err() {
                failed = true;
                break;
            }
        }
        if failed {
            break;
        }
        if rx.is_empty() && output.flush().await.is_err() {
            break;
        }
    }
    let _ = output.flush().await;
}
