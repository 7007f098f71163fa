//! End-to-end latency of the real `reso lsp`, driven over stdio like an
//! editor: `initialize`, `didOpen`, then one incremental `didChange` per
//! keystroke, each timed until the `publishDiagnostics` of that version
//! arrives. Reports `initialize` time, p50/p99/max keystroke latency, the
//! server's CPU time per keystroke (all its threads, from /proc) and its peak
//! RSS (VmHWM) for each document size.
//!
//!     cargo bench --bench lsp_e2e                                  # reso, 20KB 1MB 10MB
//!     cargo bench --bench lsp_e2e -- --size 10MB --edits 400
//!     cargo bench --bench lsp_e2e -- --server "$HOME/.cache/lsp-floor/release/lsp-floor"
//!
//! Options: `--server CMD` (default: this build's `reso lsp`), `--size S`
//! (repeatable; 20KB is the seed, larger sizes compendiums of the fixtures),
//! `--edits N` (default 200), `--rounds R` (fresh server per round, default 1),
//! `--at F` (where to type, 0.0-1.0 of the document, default 0.5),
//! `--json FILE` (also write the figures as JSON).

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const URI: &str = "file:///bench/compendium.reso";
const TYPED: &str = " and requests the Secretary-General to report thereon";

struct Options {
    server: Vec<String>,
    sizes: Vec<String>,
    edits: usize,
    rounds: usize,
    at: f64,
    json: Option<String>,
}

fn options() -> Options {
    let mut o = Options {
        server: vec![env!("CARGO_BIN_EXE_reso").to_string(), "lsp".to_string()],
        sizes: Vec::new(),
        edits: 200,
        rounds: 1,
        at: 0.5,
        json: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--server" => o.server = val().split_whitespace().map(String::from).collect(),
            "--size" => o.sizes.push(val()),
            "--edits" => o.edits = val().parse().expect("--edits N"),
            "--rounds" => o.rounds = val().parse().expect("--rounds N"),
            "--at" => o.at = val().parse().expect("--at 0.0-1.0"),
            "--json" => o.json = Some(val()),
            // `cargo bench` passes `--bench`; other harness flags are ignored.
            _ => {}
        }
    }
    if o.sizes.is_empty() {
        o.sizes = vec!["20KB".into(), "1MB".into(), "10MB".into()];
    }
    o
}

/// A message from the server and when its last byte was read.
struct Incoming {
    at: Instant,
    bytes: usize,
    msg: Value,
}

struct Server {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    rx: Receiver<Incoming>,
}

fn write_msg(stdin: &Mutex<ChildStdin>, msg: &Value) {
    let body = serde_json::to_vec(msg).expect("json");
    let mut w = stdin.lock().expect("stdin lock");
    write!(w, "Content-Length: {}\r\n\r\n", body.len()).expect("write header");
    w.write_all(&body).expect("write body");
    w.flush().expect("flush");
}

impl Server {
    fn spawn(cmd: &[String]) -> Server {
        let mut child = Command::new(&cmd[0])
            .args(&cmd[1..])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
        let stdin = Arc::new(Mutex::new(child.stdin.take().expect("stdin")));
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        let replies = Arc::clone(&stdin);
        std::thread::spawn(move || {
            let mut r = BufReader::with_capacity(1 << 20, stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    match r.read_line(&mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line
                        .to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().to_string())
                    {
                        len = v.parse::<usize>().ok();
                    }
                }
                let Some(len) = len else { return };
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let at = Instant::now();
                let Ok(msg) = serde_json::from_slice::<Value>(&body) else {
                    continue;
                };
                // Requests from the server get a neutral answer, as an editor
                // without settings would give.
                if let (Some(id), Some(method)) = (msg.get("id"), msg["method"].as_str()) {
                    let result = match method {
                        "workspace/configuration" => {
                            let n = msg["params"]["items"].as_array().map_or(1, Vec::len);
                            Value::Array(vec![Value::Null; n])
                        }
                        _ => Value::Null,
                    };
                    write_msg(
                        &replies,
                        &json!({"jsonrpc": "2.0", "id": id, "result": result}),
                    );
                    continue;
                }
                if tx
                    .send(Incoming {
                        at,
                        bytes: len,
                        msg,
                    })
                    .is_err()
                {
                    return;
                }
            }
        });
        Server { child, stdin, rx }
    }

    fn send(&self, msg: Value) -> Instant {
        write_msg(&self.stdin, &msg);
        Instant::now()
    }

    /// Waits for the first message that `want` accepts.
    fn wait(&self, timeout: Duration, what: &str, want: impl Fn(&Value) -> bool) -> Incoming {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(m) if want(&m.msg) => return m,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}"),
                Err(RecvTimeoutError::Disconnected) => panic!("server exited waiting for {what}"),
            }
        }
    }

    fn wait_diagnostics(&self, version: i64) -> Incoming {
        self.wait(Duration::from_secs(120), "publishDiagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == URI
                && m["params"]["version"].as_i64() == Some(version)
        })
    }

    /// CPU time (user + system) the server process has used so far, in ms.
    fn cpu_ms(&self) -> Option<f64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        // Fields after the command's closing parenthesis; utime and stime are
        // the 14th and 15th fields of the line, in clock ticks (100 a second).
        let rest = &stat[stat.rfind(')')? + 2..];
        let f: Vec<&str> = rest.split_whitespace().collect();
        let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
        Some(ticks as f64 * 10.0)
    }

    /// Peak resident set (VmHWM) in KiB, while the server still runs.
    fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }
}

/// (line, UTF-16 column) of a byte offset.
fn position(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (
        before.matches('\n').count(),
        before[line_start..].encode_utf16().count(),
    )
}

#[derive(Default)]
struct Round {
    spawn_to_init_ms: f64,
    init_rtt_ms: f64,
    open_ms: f64,
    latencies_ms: Vec<f64>,
    /// Server CPU time per keystroke (all its threads), from /proc.
    cpu_per_edit_ms: f64,
    peak_rss_kib: u64,
    last_diagnostics: usize,
    last_publish_bytes: usize,
}

fn run_round(cmd: &[String], src: &str, opts: &Options) -> Round {
    let mut out = Round::default();
    let t_spawn = Instant::now();
    let server = Server::spawn(cmd);
    let t_init = server.send(json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {
            "processId": std::process::id(),
            "rootUri": null,
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "textDocument": {
                    "synchronization": {"dynamicRegistration": false},
                    "publishDiagnostics": {"versionSupport": true}
                }
            }
        }
    }));
    let init = server.wait(Duration::from_secs(30), "initialize", |m| m["id"] == 1);
    out.spawn_to_init_ms = ms(init.at - t_spawn);
    out.init_rtt_ms = ms(init.at - t_init);
    let caps = &init.msg["result"]["capabilities"];
    let sync = caps["textDocumentSync"]
        .as_i64()
        .or_else(|| caps["textDocumentSync"]["change"].as_i64())
        .unwrap_or(2);
    server.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    let t_open = server.send(json!({
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": URI, "languageId": "reso", "version": 1, "text": src}}
    }));
    out.open_ms = ms(server.wait_diagnostics(1).at - t_open);

    let mut text = src.to_string();
    let cpu_before = server.cpu_ms();
    let mut offset = support::keystroke_offset(&text, opts.at);
    for (k, ch) in TYPED.chars().cycle().take(opts.edits).enumerate() {
        let version = k as i64 + 2;
        let (line, col) = position(&text, offset);
        text.insert(offset, ch);
        offset += ch.len_utf8();
        let change = if sync == 1 {
            json!({"text": text})
        } else {
            json!({
                "range": {"start": {"line": line, "character": col},
                          "end": {"line": line, "character": col}},
                "text": ch.to_string()
            })
        };
        let t = server.send(json!({
            "jsonrpc": "2.0", "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": URI, "version": version},
                       "contentChanges": [change]}
        }));
        let got = server.wait_diagnostics(version);
        out.latencies_ms.push(ms(got.at - t));
        out.last_diagnostics = got.msg["params"]["diagnostics"]
            .as_array()
            .map_or(0, Vec::len);
        out.last_publish_bytes = got.bytes;
    }
    out.peak_rss_kib = server.peak_rss_kib().unwrap_or(0);
    if let (Some(a), Some(b)) = (cpu_before, server.cpu_ms()) {
        out.cpu_per_edit_ms = (b - a) / opts.edits.max(1) as f64;
    }
    let Server {
        mut child, stdin, ..
    } = server;
    write_msg(
        &stdin,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}),
    );
    std::thread::sleep(Duration::from_millis(50));
    write_msg(
        &stdin,
        &json!({"jsonrpc": "2.0", "method": "exit", "params": null}),
    );
    drop(stdin);
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return out;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn main() {
    let opts = options();
    println!("server: {}", opts.server.join(" "));
    println!(
        "| size | bytes | initialize (spawn→reply) | open→diagnostics | keystroke p50 | p99 | max | server CPU/keystroke | peak RSS | RSS/doc | diagnostics | last publish |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut report = Vec::new();
    for size in &opts.sizes {
        let src = support::document(size);
        let rounds: Vec<Round> = (0..opts.rounds)
            .map(|_| run_round(&opts.server, &src, &opts))
            .collect();
        let mut lat: Vec<f64> = rounds.iter().flat_map(|r| r.latencies_ms.clone()).collect();
        lat.sort_by(f64::total_cmp);
        let median = |f: fn(&Round) -> f64| {
            let mut v: Vec<f64> = rounds.iter().map(f).collect();
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let init = median(|r| r.spawn_to_init_ms);
        let init_rtt = median(|r| r.init_rtt_ms);
        let open = median(|r| r.open_ms);
        let cpu = median(|r| r.cpu_per_edit_ms);
        let rss = rounds.iter().map(|r| r.peak_rss_kib).max().unwrap_or(0);
        let last = rounds.last().expect("a round");
        let (p50, p99, max) = (
            percentile(&lat, 50.0),
            percentile(&lat, 99.0),
            percentile(&lat, 100.0),
        );
        println!(
            "| {size} | {} | {init:.1} ms ({init_rtt:.1} ms rtt) | {open:.1} ms | {p50:.2} ms | {p99:.2} ms | {max:.2} ms | {cpu:.2} ms | {:.1} MiB | {:.1}× | {} | {:.1} KiB |",
            src.len(),
            rss as f64 / 1024.0,
            rss as f64 * 1024.0 / src.len() as f64,
            last.last_diagnostics,
            last.last_publish_bytes as f64 / 1024.0,
        );
        report.push(json!({
            "size": size, "bytes": src.len(), "edits": lat.len(),
            "initialize_ms": init, "initialize_rtt_ms": init_rtt, "open_ms": open,
            "p50_ms": p50, "p99_ms": p99, "max_ms": max, "cpu_per_edit_ms": cpu,
            "peak_rss_kib": rss, "diagnostics": last.last_diagnostics,
            "last_publish_bytes": last.last_publish_bytes,
        }));
    }
    if let Some(path) = &opts.json {
        let doc = json!({"server": opts.server.join(" "), "results": report});
        std::fs::write(path, serde_json::to_string_pretty(&doc).expect("json"))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}
