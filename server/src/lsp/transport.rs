//! The JSON-RPC transport in front of tower-lsp's service.
//!
//! tower-lsp 0.20's own `Server` reads with `tokio_util`'s `FramedRead`, which
//! ends the stream after the first decoding error: one malformed message (bad
//! JSON, a bad `Content-Length`, a body that is not a JSON-RPC message) stops
//! the server. It also lets a panic in a handler unwind through the whole
//! server. This transport replaces it and keeps tower-lsp's service (routing,
//! `initialize`/`shutdown` state, cancellation) untouched:
//!
//! - framing resynchronises on the next `Content-Length` after garbage, and a
//!   body whose declared length is too large is cut at the next header when
//!   what precedes it is a whole JSON value;
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

use futures::future::{self, BoxFuture};
use futures::{FutureExt, SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower::Service;
use tower_lsp::jsonrpc::{Error, ErrorCode, Id, Request, Response};
use tower_lsp::{ClientSocket, LspService};

use super::server::Backend;
use super::state::State;

/// How many requests run at once (tower-lsp's default is 4; notifications
/// return at once here, so more slots only help slow requests).
const CONCURRENCY: usize = 16;
/// Largest message accepted; a larger `Content-Length` is treated as garbage.
const MAX_MESSAGE: usize = 512 * 1024 * 1024;
/// Longest header block before the reader gives up on it as garbage.
const MAX_HEADER: usize = 8 * 1024;
const HEADER: &[u8] = b"Content-Length";

pub(crate) async fn run<I, O>(
    input: I,
    output: O,
    mut service: LspService<Backend>,
    socket: ClientSocket,
) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let state = service.inner().state.clone();
    let (out_tx, out_rx) = mpsc::channel::<Vec<u8>>(256);
    let (stop_writer, writer_stop) = tokio::sync::oneshot::channel::<()>();
    let writer = tokio::spawn(write_loop(output, out_rx, writer_stop));
    state.set_output(out_tx.clone());

    // Server-to-client requests and notifications (publishDiagnostics ...).
    let (mut to_client, mut client_responses) = socket.split();
    let forward_tx = out_tx.clone();
    let forward = tokio::spawn(async move {
        while let Some(req) = to_client.next().await {
            let Ok(body) = serde_json::to_vec(&req) else {
                continue;
            };
            if forward_tx.send(body).await.is_err() {
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
                    if responses_tx.send(body).await.is_err() {
                        break;
                    }
                }
            }
        }
    });

    let mut reader = FrameReader::new(input);
    let mut task_tx = task_tx;
    // Whether `shutdown` came before the end (LSP: `exit` is then 0, else 1).
    let mut shutdown_seen = false;
    while let Some(frame) = reader.next().await {
        let body = match frame {
            Frame::Message(body) => body,
            Frame::TooLarge(message) => {
                log_transport(&state, &out_tx, &message).await;
                if state.is_initialized() {
                    let note = json!({
                        "jsonrpc": "2.0",
                        "method": "window/showMessage",
                        "params": {"type": 1, "message": format!(
                            "reso: {message}. Documents this large are not served; the others keep working."
                        )},
                    });
                    let _ = out_tx.send(note.to_string().into_bytes()).await;
                }
                send(
                    &out_tx,
                    &Response::from_error(Id::Null, Error::invalid_request()),
                )
                .await;
                continue;
            }
            Frame::Error(message) => {
                log_transport(&state, &out_tx, &message).await;
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
                        &state,
                        &out_tx,
                        "a response from the client arrived after the server stopped",
                    )
                    .await;
                }
            }
            Incoming::Invalid { response, log } => {
                log_transport(&state, &out_tx, &log).await;
                send(&out_tx, &response).await;
            }
        }
    }

    // Wind down: let running handlers answer, then flush what is queued
    // (the server state keeps a sender: the writer is told to stop).
    task_tx.close_channel();
    let _ = tokio::time::timeout(Duration::from_secs(5), processor).await;
    forward.abort();
    drop(out_tx);
    let _ = stop_writer.send(());
    let _ = tokio::time::timeout(Duration::from_secs(5), writer).await;
    if shutdown_seen {
        0
    } else {
        1
    }
}

async fn send(out: &mpsc::Sender<Vec<u8>>, response: &Response) {
    if let Ok(body) = serde_json::to_vec(response) {
        let _ = out.send(body).await;
    }
}

/// Logs a transport problem to stderr and, once the client is initialised,
/// as `window/logMessage`.
async fn log_transport(state: &State, out: &mpsc::Sender<Vec<u8>>, message: &str) {
    eprintln!("reso: {message}");
    if state.is_initialized() {
        let note = json!({
            "jsonrpc": "2.0",
            "method": "window/logMessage",
            "params": {"type": 1, "message": format!("reso: {message}")},
        });
        let _ = out.send(note.to_string().into_bytes()).await;
    }
}

/// Calls the service with a panic boundary around both the call and the
/// future it returns.
fn guarded_call(
    service: &mut LspService<Backend>,
    req: Request,
    state: Arc<State>,
    out: mpsc::Sender<Vec<u8>>,
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
            let _ = out.try_send(note.to_string().into_bytes());
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

/// The text of a panic payload.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Writes each queued message; once `stop` fires, writes what is queued and
/// returns.
async fn write_loop<O: AsyncWrite + Unpin>(
    mut output: O,
    mut rx: mpsc::Receiver<Vec<u8>>,
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
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        if output.write_all(header.as_bytes()).await.is_err()
            || output.write_all(&body).await.is_err()
        {
            break;
        }
        if rx.is_empty() && output.flush().await.is_err() {
            break;
        }
    }
    let _ = output.flush().await;
}

// ---------------------------------------------------------------------------
// Messages

#[derive(Debug)]
enum Incoming {
    Request(Request),
    Response(Response),
    Invalid { response: Response, log: String },
}

/// Which members a message has, read without building its values.
#[derive(Deserialize)]
struct Probe {
    #[serde(default, deserialize_with = "present")]
    method: bool,
    #[serde(default, deserialize_with = "present")]
    result: bool,
    #[serde(default, deserialize_with = "present")]
    error: bool,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| true)
}

fn classify(body: &[u8]) -> Incoming {
    let parse_error = |log: String| Incoming::Invalid {
        response: Response::from_error(Id::Null, Error::parse_error()),
        log,
    };
    let invalid = |log: String| {
        let id = serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|v| v.get("id").cloned())
            .and_then(|id| serde_json::from_value::<Id>(id).ok())
            .unwrap_or(Id::Null);
        Incoming::Invalid {
            response: Response::from_error(id, Error::invalid_request()),
            log,
        }
    };
    if std::str::from_utf8(body).is_err() {
        return parse_error("a message is not valid UTF-8; ignored".into());
    }
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    let probe = match serde_json::from_slice::<Probe>(body) {
        Ok(p) if first == Some(&b'{') => p,
        Ok(_) => return invalid(format!("a message is not a JSON object: {}", preview(body))),
        Err(e) if e.is_data() => {
            return invalid(format!(
                "a message is not a JSON-RPC message ({e}): {}",
                preview(body)
            ))
        }
        Err(e) => {
            return parse_error(format!(
                "a message is not valid JSON ({e}): {}",
                preview(body)
            ))
        }
    };
    if probe.method {
        match serde_json::from_slice::<Request>(body) {
            Ok(req) if req.params() == Some(&Value::Null) => {
                // `"params": null` is how some clients say "no params"
                // (`shutdown`, `exit`); tower-lsp wants them absent.
                let (method, id, _) = req.into_parts();
                let builder = Request::build(method);
                Incoming::Request(match id {
                    Some(id) => builder.id(id).finish(),
                    None => builder.finish(),
                })
            }
            Ok(req) => Incoming::Request(req),
            Err(e) => invalid(format!(
                "an invalid JSON-RPC request ({e}): {}",
                preview(body)
            )),
        }
    } else if probe.result || probe.error {
        match serde_json::from_slice::<Response>(body) {
            Ok(res) => Incoming::Response(res),
            Err(e) => invalid(format!(
                "an invalid JSON-RPC response ({e}): {}",
                preview(body)
            )),
        }
    } else {
        invalid(format!(
            "a message has neither a method nor a result: {}",
            preview(body)
        ))
    }
}

fn preview(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(120)]);
    let mut s: String = text.chars().filter(|c| !c.is_control()).collect();
    if body.len() > 120 {
        s.push_str("...");
    }
    s
}

// ---------------------------------------------------------------------------
// Framing

#[derive(Debug, PartialEq, Eq)]
enum Frame {
    Message(Vec<u8>),
    /// Something that could not be framed; it has been skipped.
    Error(String),
    /// A message over the size limit; it is being skipped.
    TooLarge(String),
}

struct FrameReader<R> {
    input: R,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    /// The declared length of the body being read, once its headers are in.
    body_len: Option<usize>,
    /// How far the body being read was already searched for a next header.
    scanned: usize,
    /// Bytes still to drop of a message over the limit.
    discard: usize,
    /// The size limit of a message.
    max: usize,
    chunk: Box<[u8]>,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    fn new(input: R) -> Self {
        FrameReader {
            input,
            buf: Vec::new(),
            pos: 0,
            eof: false,
            body_len: None,
            scanned: 0,
            discard: 0,
            max: MAX_MESSAGE,
            chunk: vec![0u8; 64 * 1024].into_boxed_slice(),
        }
    }

    async fn next(&mut self) -> Option<Frame> {
        loop {
            if let Some(frame) = self.try_frame() {
                return Some(frame);
            }
            if self.eof {
                let rest = &self.buf[self.pos..];
                let leftover = rest.iter().any(|b| !b.is_ascii_whitespace());
                self.pos = self.buf.len();
                self.body_len = None;
                return leftover.then(|| {
                    Frame::Error(format!(
                        "the input ended inside a message ({} bytes ignored)",
                        rest.len()
                    ))
                });
            }
            self.fill().await;
        }
    }

    async fn fill(&mut self) {
        if self.pos > 0 && self.pos * 2 >= self.buf.len() {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        // A long body: room for all of it at once (and one read past it),
        // not a buffer doubled past its size.
        if let Some(len) = self.body_len.filter(|&l| l <= self.max) {
            let have = self.buf.len() - self.pos;
            if len > have {
                self.buf.reserve_exact(len - have + self.chunk.len());
            }
        }
        match self.input.read(&mut self.chunk).await {
            Ok(0) | Err(_) => self.eof = true,
            Ok(n) => self.buf.extend_from_slice(&self.chunk[..n]),
        }
    }

    /// A frame from what is buffered, or `None` when more input is needed.
    fn try_frame(&mut self) -> Option<Frame> {
        if self.discard > 0 {
            let n = self.discard.min(self.buf.len() - self.pos);
            self.pos += n;
            self.discard -= n;
            if self.discard > 0 {
                return None;
            }
        }
        match self.body_len {
            None => self.try_headers(),
            Some(len) => self.try_body(len),
        }
    }

    fn try_headers(&mut self) -> Option<Frame> {
        // Line breaks between messages are tolerated.
        while self.pos < self.buf.len() && matches!(self.buf[self.pos], b'\r' | b'\n') {
            self.pos += 1;
        }
        let window = &self.buf[self.pos..];
        if window.is_empty() {
            return None;
        }
        // The header block: lines up to an empty line.
        let mut line_start = 0;
        let mut length: Option<Result<usize, (String, Option<usize>)>> = None;
        let mut garbage = false;
        let end = loop {
            let Some(nl) = window[line_start..].iter().position(|&b| b == b'\n') else {
                if window.len() > MAX_HEADER {
                    return Some(
                        self.resync(window.len(), "a header block too long or without an end"),
                    );
                }
                return None;
            };
            let line = &window[line_start..line_start + nl];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let next = line_start + nl + 1;
            if line.is_empty() {
                break next;
            }
            match line.iter().position(|&b| b == b':') {
                Some(colon) => {
                    let name = String::from_utf8_lossy(&line[..colon]);
                    let value = String::from_utf8_lossy(&line[colon + 1..])
                        .trim()
                        .to_string();
                    if name.trim().eq_ignore_ascii_case("content-length") {
                        length = Some(match value.parse::<usize>() {
                            Ok(n) if n <= self.max => Ok(n),
                            Ok(n) => Err((
                                format!(
                                    "a message of {n} bytes is over the limit of {} bytes; skipped",
                                    self.max
                                ),
                                Some(n),
                            )),
                            Err(_) => Err((format!("a bad Content-Length `{value}`"), None)),
                        });
                    } else if !name.trim().eq_ignore_ascii_case("content-type") {
                        garbage = true;
                    }
                }
                None => garbage = true,
            }
            line_start = next;
        };
        match length {
            Some(Ok(n)) if !garbage => {
                self.pos += end;
                self.body_len = Some(n);
                self.scanned = 0;
                self.try_body(n)
            }
            Some(Err((why, Some(n)))) if !garbage => {
                self.pos += end;
                self.discard = n;
                Some(Frame::TooLarge(why))
            }
            Some(Err((why, _))) => Some(self.resync(end, &format!("{why}; message skipped"))),
            _ => Some(self.resync(end, "bytes that are no message header")),
        }
    }

    /// Skips garbage: to a later `Content-Length` inside the first `span`
    /// bytes of the window if there is one, else past them.
    fn resync(&mut self, span: usize, why: &str) -> Frame {
        let window = &self.buf[self.pos..];
        let skip = find(&window[1..span.min(window.len())], HEADER).map_or(span, |i| i + 1);
        let skipped = String::from_utf8_lossy(&window[..skip.min(80)]).into_owned();
        self.pos += skip;
        self.body_len = None;
        Frame::Error(format!(
            "{why} ({skip} bytes skipped: {:?})",
            skipped
                .chars()
                .filter(|c| !c.is_control() || *c == '\n')
                .collect::<String>()
        ))
    }

    fn try_body(&mut self, len: usize) -> Option<Frame> {
        let window = &self.buf[self.pos..];
        if window.len() >= len {
            let body = &window[..len];
            // A declared length too large that the next message completed:
            // the body holds a whole JSON value, then a header.
            let cut = find(body, HEADER).filter(|&i| !is_json(body) && is_json(&body[..i]));
            let take = cut.unwrap_or(len);
            self.body_len = None;
            if take == window.len() && take >= BIG_BODY {
                // A long message that ends what is buffered: the buffer
                // becomes the frame (no copy, and no long buffer kept).
                let mut frame = std::mem::take(&mut self.buf);
                frame.drain(..self.pos);
                self.pos = 0;
                return Some(Frame::Message(frame));
            }
            let frame = body[..take].to_vec();
            self.pos += take;
            // After a long message, the buffer gives its room back.
            if self.buf.capacity() > 2 * BIG_BODY && self.buf.len() - self.pos < BIG_BODY {
                self.buf.drain(..self.pos);
                self.pos = 0;
                self.buf.shrink_to(BIG_BODY);
            }
            if cut.is_some() {
                eprintln!("reso: a Content-Length of {len} was larger than its message ({take} bytes); read the message and went on");
            }
            return Some(Frame::Message(frame));
        }
        // Not all in yet: if a header follows a whole JSON value, the declared
        // length was too large and the client is waiting for an answer.
        let from = self.scanned.saturating_sub(HEADER.len());
        if let Some(i) = find(&window[from..], HEADER).map(|i| i + from) {
            if is_json(&window[..i]) {
                let frame = window[..i].to_vec();
                self.pos += i;
                self.body_len = None;
                eprintln!("reso: a Content-Length of {len} was larger than its message ({i} bytes); read the message and went on");
                return Some(Frame::Message(frame));
            }
        }
        self.scanned = window.len();
        None
    }
}

/// Bodies from this size on are handed over in the read buffer itself.
const BIG_BODY: usize = 1 << 20;

fn is_json(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames(input: &[u8]) -> Vec<Frame> {
        let mut r = FrameReader::new(input);
        let mut out = Vec::new();
        while let Some(f) = r.next().await {
            out.push(f);
        }
        out
    }

    fn msg(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    /// A didOpen of a long document: its frame is read whole, the next
    /// message after it too, and the reader does not keep a buffer of the
    /// long message's size afterwards.
    #[tokio::test]
    async fn long_messages_are_framed_and_their_room_given_back() {
        let text = "Recalling its resolution 66/184 of 22 December 2011,\n".repeat(60_000);
        let long = serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"text": text}}})
        .to_string();
        assert!(long.len() > 3 * BIG_BODY);
        // Alone (the frame is the buffer itself) and followed by a short one.
        let alone = msg(&long);
        let f = frames(&alone).await;
        assert_eq!(f, vec![Frame::Message(long.clone().into_bytes())]);
        let mut both = msg(&long);
        both.extend(msg(r#"{"a":1}"#));
        let mut r = FrameReader::new(&both[..]);
        assert_eq!(
            r.next().await,
            Some(Frame::Message(long.clone().into_bytes()))
        );
        assert_eq!(r.next().await, Some(Frame::Message(br#"{"a":1}"#.to_vec())));
        assert_eq!(r.next().await, None);
        assert!(
            r.buf.capacity() <= BIG_BODY,
            "the reader kept {} bytes of buffer",
            r.buf.capacity()
        );
    }

    fn is_error(f: &Frame) -> bool {
        matches!(f, Frame::Error(_))
    }

    #[tokio::test]
    async fn well_formed_messages_in_a_row() {
        let mut input = msg(r#"{"a":1}"#);
        input.extend(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n");
        input.extend(msg(r#"{"b":2}"#));
        assert_eq!(
            frames(&input).await,
            vec![
                Frame::Message(br#"{"a":1}"#.to_vec()),
                Frame::Message(br#"{"b":2}"#.to_vec())
            ]
        );
    }

    #[tokio::test]
    async fn garbage_before_a_header_is_skipped() {
        let mut input = b"hello there\r\n".to_vec();
        input.extend(msg(r#"{"a":1}"#));
        let f = frames(&input).await;
        assert!(is_error(&f[0]), "{f:?}");
        assert_eq!(f[1], Frame::Message(br#"{"a":1}"#.to_vec()));
        assert_eq!(f.len(), 2);
    }

    #[tokio::test]
    async fn bad_and_missing_content_length() {
        let mut input = b"Content-Length: abc\r\n\r\n{}".to_vec();
        input.extend(b"X-Other: 1\r\n\r\n");
        input.extend(msg(r#"{"a":1}"#));
        let f = frames(&input).await;
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(is_error(&f[0]) && is_error(&f[1]));
        assert_eq!(f[2], Frame::Message(br#"{"a":1}"#.to_vec()));
    }

    #[tokio::test]
    async fn content_length_too_small_loses_one_message_only() {
        let body = r#"{"jsonrpc":"2.0","method":"x"}"#;
        let mut input = format!("Content-Length: 10\r\n\r\n{body}").into_bytes();
        input.extend(msg(r#"{"a":1}"#));
        let f = frames(&input).await;
        assert_eq!(f[0], Frame::Message(body.as_bytes()[..10].to_vec()));
        assert!(is_error(&f[1]));
        assert_eq!(f[2], Frame::Message(br#"{"a":1}"#.to_vec()));
    }

    #[tokio::test]
    async fn content_length_too_large_is_cut_at_the_next_header() {
        let body = r#"{"jsonrpc":"2.0","method":"x"}"#;
        let mut input = format!("Content-Length: 500\r\n\r\n{body}").into_bytes();
        input.extend(msg(r#"{"a":1}"#));
        let f = frames(&input).await;
        assert_eq!(
            f,
            vec![
                Frame::Message(body.as_bytes().to_vec()),
                Frame::Message(br#"{"a":1}"#.to_vec())
            ]
        );
    }

    #[tokio::test]
    async fn a_body_mentioning_content_length_is_not_cut() {
        let body = r#"{"text":"Content-Length: 5"}"#;
        assert_eq!(
            frames(&msg(body)).await,
            vec![Frame::Message(body.as_bytes().to_vec())]
        );
    }

    #[tokio::test]
    async fn a_message_over_the_limit_is_skipped_whole() {
        let big = format!(r#"{{"text":"{}"}}"#, "x".repeat(300_000));
        let mut input = msg(&big);
        input.extend(msg(r#"{"a":1}"#));
        let mut r = FrameReader::new(&input[..]);
        r.max = 1000;
        let mut out = Vec::new();
        while let Some(f) = r.next().await {
            out.push(f);
        }
        assert_eq!(
            out.len(),
            2,
            "{:?}",
            out.iter()
                .map(|f| format!("{f:?}").chars().take(80).collect::<String>())
                .collect::<Vec<_>>()
        );
        assert!(matches!(&out[0], Frame::TooLarge(m) if m.contains("300011 bytes")));
        assert_eq!(out[1], Frame::Message(br#"{"a":1}"#.to_vec()));
    }

    #[tokio::test]
    async fn input_ending_inside_a_message() {
        let f = frames(b"Content-Length: 50\r\n\r\n{\"a\":").await;
        assert_eq!(f.len(), 1);
        assert!(is_error(&f[0]));
    }

    #[test]
    fn classify_messages() {
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#),
            Incoming::Request(_)
        ));
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","id":1,"result":null}"#),
            Incoming::Response(_)
        ));
        let code = |b: &[u8]| match classify(b) {
            Incoming::Invalid { response, .. } => {
                let v = serde_json::to_value(&response).unwrap();
                (v["error"]["code"].as_i64().unwrap(), v["id"].clone())
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(code(b"{not json"), (-32700, Value::Null));
        assert_eq!(code(b"\xff\xfe"), (-32700, Value::Null));
        assert_eq!(code(b"[1,2]"), (-32600, Value::Null));
        assert_eq!(code(br#"{"jsonrpc":"2.0","id":7}"#), (-32600, json!(7)));
        assert_eq!(
            code(br#"{"jsonrpc":"1.0","id":"x","method":"a"}"#),
            (-32600, json!("x"))
        );
        assert_eq!(
            code(br#"{"jsonrpc":"2.0","id":3,"method":5}"#),
            (-32600, json!(3))
        );
    }
}
