//! A small LSP client for the tests: talks to the real `reso lsp` binary over
//! stdio, or to the server in process over `tokio::io::duplex`, with the same
//! blocking API. Server-to-client requests (`workspace/configuration`,
//! `client/registerCapability`) are answered as they arrive.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const TIMEOUT: Duration = Duration::from_secs(120);

#[path = "../support/mod.rs"]
mod support;
#[allow(unused_imports)] // not every includer reads a fixture
pub use support::fixture;

pub fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// FNV-1a 64, as `reso/documentState` reports it.
pub fn fnv(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Reads frames from the server and parses them; a frame that is not JSON
/// is a test failure, reported as a `{"unparsable": ...}` value.
fn read_frames(mut input: impl BufRead, tx: mpsc::Sender<Value>) {
    loop {
        let mut len: Option<usize> = None;
        loop {
            let mut line = String::new();
            match input.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length:") {
                len = v.trim().parse().ok();
            }
        }
        let Some(len) = len else {
            let _ = tx.send(json!({"unparsable": "a frame without Content-Length"}));
            return;
        };
        let mut body = vec![0u8; len];
        if input.read_exact(&mut body).is_err() {
            return;
        }
        let value = serde_json::from_slice(&body)
            .unwrap_or_else(|_| json!({"unparsable": String::from_utf8_lossy(&body)}));
        if tx.send(value).is_err() {
            return;
        }
    }
}

enum Server {
    Process(Child),
    InProcess(Option<JoinHandle<i32>>),
}

pub struct Lsp {
    to_server: Option<Box<dyn Write + Send>>,
    from_server: Receiver<Value>,
    /// Messages received and not yet taken by a wait.
    inbox: VecDeque<Value>,
    next_id: i64,
    server: Server,
    /// The answer to `workspace/configuration` (one item: the `reso` section).
    pub configuration: Value,
    /// Every `window/logMessage` and `window/showMessage` text received.
    pub messages: Vec<String>,
    pub stderr: Arc<Mutex<String>>,
}

/// Writes into the in-process server's input through its runtime.
struct DuplexWriter(tokio::sync::mpsc::UnboundedSender<Vec<u8>>);

impl Write for DuplexWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .send(buf.to_vec())
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "server gone"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Lsp {
    /// The real binary, `reso lsp`, with extra environment variables.
    pub fn binary(env: &[(&str, &str)]) -> Lsp {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_reso"));
        cmd.arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("start reso lsp");
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let stdin = child.stdin.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || read_frames(BufReader::new(stdout), tx));
        let log = Arc::new(Mutex::new(String::new()));
        let log2 = log.clone();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stderr);
            let mut line = String::new();
            while r.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                log2.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        Lsp::with(Box::new(stdin), rx, Server::Process(child), log)
    }

    /// The server in this process, over `tokio::io::duplex`.
    pub fn in_process(options: reso::lsp::Options) -> Lsp {
        let (in_tx, mut in_rx) = tokio::sync::mpsc::unbounded_channel::<Vec<u8>>();
        let (out_tx, out_rx) = mpsc::channel();
        let handle = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                use tokio::io::AsyncWriteExt;
                let (client_side, server_side) = tokio::io::duplex(1 << 16);
                let (server_read, server_write) = tokio::io::split(server_side);
                let (client_read, mut client_write) = tokio::io::split(client_side);
                tokio::spawn(async move {
                    while let Some(bytes) = in_rx.recv().await {
                        if client_write.write_all(&bytes).await.is_err() {
                            return;
                        }
                    }
                    let _ = client_write.shutdown().await;
                });
                // Frames are parsed on a plain thread from a bridged pipe.
                let (pipe_tx, pipe_rx) = mpsc::channel::<Vec<u8>>();
                tokio::spawn(async move {
                    use tokio::io::AsyncReadExt;
                    let mut client_read = client_read;
                    let mut buf = vec![0u8; 1 << 16];
                    loop {
                        match client_read.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => {
                                if pipe_tx.send(buf[..n].to_vec()).is_err() {
                                    return;
                                }
                            }
                        }
                    }
                });
                std::thread::spawn(move || {
                    read_frames(BufReader::new(ChannelReader::new(pipe_rx)), out_tx)
                });
                reso::lsp::serve(server_read, server_write, options).await
            })
        });
        Lsp::with(
            Box::new(DuplexWriter(in_tx)),
            out_rx,
            Server::InProcess(Some(handle)),
            Arc::new(Mutex::new(String::new())),
        )
    }

    fn with(
        to_server: Box<dyn Write + Send>,
        from_server: Receiver<Value>,
        server: Server,
        stderr: Arc<Mutex<String>>,
    ) -> Lsp {
        Lsp {
            to_server: Some(to_server),
            from_server,
            inbox: VecDeque::new(),
            next_id: 1,
            server,
            configuration: Value::Null,
            messages: Vec::new(),
            stderr,
        }
    }

    // -- sending ----------------------------------------------------------

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let w = self.to_server.as_mut().expect("input closed");
        // Broken pipes are expected when a test ends the server.
        let _ = w.write_all(bytes);
        let _ = w.flush();
    }

    pub fn send(&mut self, msg: &Value) {
        let body = msg.to_string();
        self.send_raw(&frame(&body));
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its id.
    pub fn request_async(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and waits for its response (the whole message).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_async(method, params);
        self.response(id)
    }

    pub fn close_input(&mut self) {
        self.to_server = None;
    }

    // -- receiving --------------------------------------------------------

    fn pump(&mut self, deadline: Instant) -> bool {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.from_server.recv_timeout(left) {
            Ok(msg) => {
                assert!(msg.get("unparsable").is_none(), "server sent {msg}");
                self.on_message(msg);
                true
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => false,
        }
    }

    fn on_message(&mut self, msg: Value) {
        let method = msg.get("method").and_then(Value::as_str).unwrap_or("");
        if matches!(method, "window/logMessage" | "window/showMessage") {
            if let Some(m) = msg.pointer("/params/message").and_then(Value::as_str) {
                self.messages.push(m.to_string());
            }
        }
        if let (Some(id), false) = (msg.get("id").cloned(), method.is_empty()) {
            let result = match method {
                "workspace/configuration" => json!([self.configuration.clone()]),
                "workspace/applyEdit" => json!({"applied": true}),
                _ => Value::Null,
            };
            self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
        }
        self.inbox.push_back(msg);
    }

    /// The first message (received or to come) that satisfies `pred`; it is
    /// taken from the inbox, the messages before it stay there.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        let mut checked = 0;
        loop {
            while checked < self.inbox.len() {
                if pred(&self.inbox[checked]) {
                    let msg = self.inbox.remove(checked).unwrap();
                    return msg;
                }
                checked += 1;
            }
            if !self.pump(deadline) {
                panic!(
                    "timed out waiting for {what}; received: {:?}\nstderr: {}",
                    self.inbox
                        .iter()
                        .map(|m| m.to_string().chars().take(300).collect::<String>())
                        .collect::<Vec<_>>(),
                    self.stderr.lock().unwrap()
                );
            }
        }
    }

    /// Waits until nothing more arrives for `quiet`.
    pub fn drain(&mut self, quiet: Duration) {
        loop {
            match self.from_server.recv_timeout(quiet) {
                Ok(msg) => self.on_message(msg),
                Err(_) => return,
            }
        }
    }

    pub fn response(&mut self, id: i64) -> Value {
        self.wait_for(&format!("the response to request {id}"), |m| {
            m.get("id") == Some(&json!(id)) && m.get("method").is_none()
        })
    }

    /// An error response with a null id (what malformed input gets).
    pub fn null_id_error(&mut self) -> Value {
        self.wait_for("an error response with a null id", |m| {
            m.get("id") == Some(&Value::Null) && m.get("error").is_some()
        })
    }

    /// The diagnostics published for `uri` at `version`; earlier publishes
    /// of it are skipped.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let msg = self.wait_for(&format!("diagnostics of {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        msg["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// The publish that clears `uri` on close (no version).
    pub fn cleared(&mut self, uri: &str) -> Value {
        self.wait_for(&format!("the clearing of {uri}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"].is_null()
        })
    }

    // -- protocol steps -----------------------------------------------------

    pub fn initialize_with(&mut self, capabilities: Value, options: Value) -> Value {
        let r = self.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": capabilities, "initializationOptions": options}),
        );
        assert!(r.get("result").is_some(), "initialize failed: {r}");
        self.notify("initialized", json!({}));
        r["result"].clone()
    }

    pub fn initialize(&mut self) -> Value {
        self.initialize_with(json!({}), Value::Null)
    }

    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "reso", "version": version, "text": text}}),
        );
    }

    /// One change with a range (line, character) to (line, character).
    pub fn change(
        &mut self,
        uri: &str,
        version: i64,
        start: (u32, u32),
        end: (u32, u32),
        text: &str,
    ) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {
                    "start": {"line": start.0, "character": start.1},
                    "end": {"line": end.0, "character": end.1}
                }, "text": text}]
            }),
        );
    }

    pub fn close(&mut self, uri: &str) {
        self.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
    }

    pub fn document_state(&mut self, uri: &str) -> Value {
        let r = self.request("reso/documentState", json!({"textDocument": {"uri": uri}}));
        assert!(r.get("result").is_some(), "documentState failed: {r}");
        r["result"].clone()
    }

    /// `shutdown`, `exit`, and the exit code.
    pub fn shutdown_and_exit(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// Waits for the server to stop by itself; returns its exit code.
    pub fn wait_exit(self) -> i32 {
        self.wait_exit_within(Duration::from_secs(30))
    }

    /// Waits at most `limit` for the server to stop by itself (its input
    /// still open); returns its exit code.
    pub fn wait_exit_within(mut self, limit: Duration) -> i32 {
        let deadline = Instant::now() + limit;
        match &mut self.server {
            Server::Process(child) => loop {
                if let Some(status) = child.try_wait().unwrap() {
                    return status.code().unwrap_or(-1);
                }
                assert!(
                    Instant::now() < deadline,
                    "the server did not exit within {limit:?}"
                );
                std::thread::sleep(Duration::from_millis(20));
            },
            Server::InProcess(handle) => {
                let handle = handle.take().unwrap();
                while !handle.is_finished() {
                    assert!(Instant::now() < deadline, "the server did not exit");
                    std::thread::sleep(Duration::from_millis(20));
                }
                handle.join().unwrap()
            }
        }
    }

    /// Waits until the server's stderr (binary only) holds `text`.
    pub fn wait_stderr(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let s = self.stderr.lock().unwrap().clone();
            if s.contains(text) {
                return s;
            }
            assert!(Instant::now() < deadline, "stderr never held {text:?}: {s}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the server is still running.
    pub fn alive(&mut self) -> bool {
        match &mut self.server {
            Server::Process(child) => child.try_wait().unwrap().is_none(),
            Server::InProcess(handle) => handle.as_ref().is_some_and(|h| !h.is_finished()),
        }
    }

    /// A normal request gets a normal answer: the proof, after each bad
    /// input, that the server still serves.
    pub fn assert_serving(&mut self, uri: &str) {
        let state = self.document_state(uri);
        assert!(state["version"].is_i64(), "{state}");
        assert!(self.alive());
    }
}

impl Drop for Lsp {
    fn drop(&mut self) {
        self.to_server = None;
        if let Server::Process(child) = &mut self.server {
            if child.try_wait().ok().flatten().is_none() {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
}

/// A `Read` over chunks arriving on a channel.
struct ChannelReader {
    rx: Receiver<Vec<u8>>,
    buf: Vec<u8>,
    pos: usize,
}

impl ChannelReader {
    fn new(rx: Receiver<Vec<u8>>) -> Self {
        ChannelReader {
            rx,
            buf: Vec::new(),
            pos: 0,
        }
    }
}

impl Read for ChannelReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pos >= self.buf.len() {
            match self.rx.recv() {
                Ok(chunk) => {
                    self.buf = chunk;
                    self.pos = 0;
                }
                Err(_) => return Ok(0),
            }
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Line and UTF-16 column of a byte offset, the way an editor counts.
pub fn utf16_pos(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = count_lines(before);
    let col = before[line_start..].encode_utf16().count();
    (line as u32, col as u32)
}

/// Line breaks (`\n`, `\r\n`, `\r`) in a text.
pub fn count_lines(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            n += 1;
        } else if b[i] == b'\r' {
            n += 1;
            if b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        }
        i += 1;
    }
    n
}
