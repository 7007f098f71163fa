//! The real `reso lsp` process: stdio framing, exit codes, the panic
//! boundary with the test hook of the environment.

mod lsp_support;

use lsp_support::*;
use serde_json::{json, Value};

const URI: &str = "file:///drafts/draft.reso";
const DRAFT: &str = "The General Assembly,\n\nRecalling its resolution 65/141,\n\n1. Decides to act;\n\n2. Requests a report.\n";

fn ready(env: &[(&str, &str)]) -> Lsp {
    let mut lsp = Lsp::binary(env);
    lsp.initialize();
    lsp.open(URI, 1, DRAFT);
    lsp.diagnostics(URI, 1);
    lsp
}

#[test]
fn malformed_input_on_stdin_does_not_stop_the_process() {
    let mut lsp = ready(&[]);
    lsp.send_raw(&frame("{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": "));
    assert_eq!(lsp.null_id_error()["error"]["code"], -32700);
    lsp.send_raw(b"Content-Length: -3\r\n\r\n");
    assert_eq!(lsp.null_id_error()["error"]["code"], -32700);
    lsp.send_raw(b"\x00\x01garbage\r\n\r\n");
    assert_eq!(lsp.null_id_error()["error"]["code"], -32700);
    lsp.send_raw(&frame("[]"));
    assert_eq!(lsp.null_id_error()["error"]["code"], -32600);
    let r = lsp.request("no/such/method", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    lsp.assert_serving(URI);
    lsp.wait_stderr("not valid JSON");
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let mut lsp = ready(&[]);
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit(), 1);
}

/// The LSP: `exit` ends the process, with 0 after `shutdown` and 1 without,
/// while the client keeps the server's input open (as editors do).
#[test]
fn exit_ends_the_process_while_its_input_stays_open() {
    let limit = std::time::Duration::from_secs(2);
    let mut lsp = ready(&[]);
    let r = lsp.request("shutdown", Value::Null);
    assert!(r.get("error").is_none(), "{r}");
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit_within(limit), 0);

    // `exit` right behind `shutdown`, before its answer: still a clean exit.
    let mut lsp = ready(&[]);
    lsp.request_async("shutdown", Value::Null);
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit_within(limit), 0);

    let mut lsp = ready(&[]);
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit_within(limit), 1);
}

#[test]
fn the_stdio_flag_editors_pass_is_accepted() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reso"))
        .args(["lsp", "--stdio"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    // End of input without shutdown: exit 1, and no usage error.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_panic_is_logged_with_uri_and_version_and_the_process_goes_on() {
    let mut lsp = ready(&[("RESO_TEST_PANIC", "PANIC-NOW"), ("RUST_BACKTRACE", "1")]);
    lsp.open("file:///bad.reso", 9, "Noting PANIC-NOW,\n");
    let log = lsp.wait_for("the log of the panic", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("panicked"))
    });
    let text = log["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("file:///bad.reso") && text.contains("version 9"),
        "{text}"
    );
    let r = lsp.request("reso/testPanic", json!({}));
    assert_eq!(r["error"]["code"], -32603);
    lsp.assert_serving(URI);
    let code = lsp.shutdown_and_exit();
    assert_eq!(code, 0);
}

#[test]
fn stderr_has_no_backtrace() {
    let mut lsp = ready(&[("RESO_TEST_PANIC", "PANIC-NOW"), ("RUST_BACKTRACE", "full")]);
    let r = lsp.request("reso/testPanic", json!({}));
    assert_eq!(r["error"]["code"], -32603);
    lsp.assert_serving(URI);
    let stderr = lsp.wait_stderr("panic in reso/testPanic");
    assert!(
        stderr.contains("reso: internal error: test panic requested"),
        "{stderr}"
    );
    assert!(!stderr.contains("stack backtrace"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
}
