//! Issue 7: no request or notification crashes the server or stops it
//! answering. Each test sends something bad, checks what the server did
//! about it, then sends a normal request and gets a normal answer. In
//! process over `tokio::io::duplex`, except where the process itself is the
//! point (exit codes, stdio framing): those use the real binary.

mod lsp_support;

use lsp_support::*;
use reso::lsp::Options;
use serde_json::{json, Value};

const URI: &str = "file:///drafts/draft.reso";
const DRAFT: &str = "The General Assembly,\n\nRecalling its resolution 65/141,\n\n1. Decides to act;\n\n2. Requests a report.\n";

fn ready() -> Lsp {
    let mut lsp = Lsp::in_process(Options::default());
    lsp.initialize();
    lsp.open(URI, 1, DRAFT);
    lsp.diagnostics(URI, 1);
    lsp
}

fn error_code(msg: &Value) -> i64 {
    msg["error"]["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("no error in {msg}"))
}

fn log_containing(lsp: &mut Lsp, text: &str) -> String {
    let m = lsp.wait_for(&format!("a log message with {text:?}"), |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains(text))
    });
    m["params"]["message"].as_str().unwrap().to_string()
}

// -- malformed input ----------------------------------------------------------

#[test]
fn malformed_json_gets_a_parse_error() {
    let mut lsp = ready();
    lsp.send_raw(&frame(r#"{"jsonrpc": "2.0", "id": 5, "method": "#));
    assert_eq!(error_code(&lsp.null_id_error()), -32700);
    log_containing(&mut lsp, "not valid JSON");
    lsp.assert_serving(URI);
}

#[test]
fn a_body_that_is_not_utf8_gets_a_parse_error() {
    let mut lsp = ready();
    let mut bytes = b"Content-Length: 4\r\n\r\n".to_vec();
    bytes.extend([0xff, 0xfe, b'{', b'}']);
    lsp.send_raw(&bytes);
    assert_eq!(error_code(&lsp.null_id_error()), -32700);
    lsp.assert_serving(URI);
}

#[test]
fn json_that_is_no_jsonrpc_message_gets_invalid_request() {
    let mut lsp = ready();
    lsp.send_raw(&frame("[1, 2, 3]"));
    assert_eq!(error_code(&lsp.null_id_error()), -32600);
    lsp.send_raw(&frame(r#"{"jsonrpc": "2.0", "id": 77}"#));
    let r = lsp.response(77);
    assert_eq!(error_code(&r), -32600);
    lsp.send_raw(&frame(
        r#"{"jsonrpc": "1.0", "id": 78, "method": "shutdown"}"#,
    ));
    assert_eq!(error_code(&lsp.response(78)), -32600);
    lsp.send_raw(&frame(r#"{"jsonrpc": "2.0", "id": 79, "method": ["x"]}"#));
    assert_eq!(error_code(&lsp.response(79)), -32600);
    lsp.assert_serving(URI);
}

#[test]
fn bad_content_length_headers() {
    let mut lsp = ready();
    // Not a number.
    lsp.send_raw(b"Content-Length: twelve\r\n\r\n{}");
    assert_eq!(error_code(&lsp.null_id_error()), -32700);
    // No Content-Length at all.
    lsp.send_raw(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
    assert_eq!(error_code(&lsp.null_id_error()), -32700);
    // Garbage that is no header.
    lsp.send_raw(b"hello server\r\n\r\n");
    assert_eq!(error_code(&lsp.null_id_error()), -32700);
    lsp.assert_serving(URI);

    // Too small: the message is lost with a parse error, the next one is read.
    let body = json!({"jsonrpc": "2.0", "id": 40, "method": "reso/documentState", "params": {"textDocument": {"uri": URI}}}).to_string();
    lsp.send_raw(format!("Content-Length: 20\r\n\r\n{body}").as_bytes());
    assert_eq!(error_code(&lsp.null_id_error()), -32700);
    lsp.assert_serving(URI);

    // Too large: the request is cut at the next header and answered, and so
    // is the next request.
    let body = json!({"jsonrpc": "2.0", "id": 41, "method": "reso/documentState", "params": {"textDocument": {"uri": URI}}}).to_string();
    lsp.send_raw(format!("Content-Length: 100000\r\n\r\n{body}").as_bytes());
    let id = lsp.request_async("reso/documentState", json!({"textDocument": {"uri": URI}}));
    assert_eq!(lsp.response(41)["result"]["version"], 1);
    assert_eq!(lsp.response(id)["result"]["version"], 1);
}

#[test]
fn unknown_methods() {
    let mut lsp = ready();
    let r = lsp.request("reso/noSuchThing", json!({}));
    assert_eq!(error_code(&r), -32601);
    let r = lsp.request("$/noSuchThing", json!({}));
    assert_eq!(error_code(&r), -32601);
    lsp.notify("foo/bar", json!({"x": 1}));
    lsp.notify("$/setTrace", json!({"value": "verbose"}));
    // A known method with params of the wrong shape.
    let r = lsp.request("reso/documentState", json!({"textDocument": 5}));
    assert_eq!(error_code(&r), -32602);
    lsp.notify("textDocument/didChange", json!({"textDocument": "nope"}));
    lsp.assert_serving(URI);
}

// -- lifecycle ----------------------------------------------------------------

#[test]
fn requests_before_initialize_and_after_shutdown() {
    let mut lsp = Lsp::in_process(Options::default());
    let r = lsp.request("reso/documentState", json!({"textDocument": {"uri": URI}}));
    assert_eq!(error_code(&r), -32002, "ServerNotInitialized");
    let r = lsp.request("shutdown", Value::Null);
    assert_eq!(error_code(&r), -32002);
    // A notification before initialize is dropped.
    lsp.open(URI, 1, DRAFT);
    lsp.initialize();
    let r = lsp.request("reso/documentState", json!({"textDocument": {"uri": URI}}));
    assert_eq!(error_code(&r), -32602, "the early didOpen was dropped: {r}");
    // A second initialize is refused.
    let r = lsp.request("initialize", json!({"capabilities": {}}));
    assert_eq!(error_code(&r), -32600);
    lsp.open(URI, 1, DRAFT);
    lsp.diagnostics(URI, 1);
    lsp.assert_serving(URI);

    let r = lsp.request("shutdown", Value::Null);
    assert!(r.get("error").is_none());
    let r = lsp.request("reso/documentState", json!({"textDocument": {"uri": URI}}));
    assert_eq!(error_code(&r), -32600, "InvalidRequest after shutdown");
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit(), 0);
}

#[test]
fn exit_without_shutdown_exits_with_1() {
    let mut lsp = ready();
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit(), 1);
}

#[test]
fn end_of_input_without_exit_stops_the_server() {
    let mut lsp = ready();
    lsp.close_input();
    assert_eq!(lsp.wait_exit(), 1);
}

// -- positions and edits ------------------------------------------------------

#[test]
fn positions_past_the_end_clamp() {
    let mut lsp = ready();
    // Past the end of line 0 (`The General Assembly,`): its end.
    lsp.change(URI, 2, (0, 500), (0, 900), " X");
    // Past the last line: the end of the document.
    lsp.change(URI, 3, (400, 0), (401, 7), "3. Closes.\n");
    // A reversed range.
    lsp.change(URI, 4, (2, 9), (2, 0), "Noting");
    let expected = "The General Assembly, X\n\nNoting its resolution 65/141,\n\n1. Decides to act;\n\n2. Requests a report.\n3. Closes.\n";
    lsp.diagnostics(URI, 4);
    let s = lsp.document_state(URI);
    assert_eq!(
        (s["version"].clone(), s["hash"].clone()),
        (json!(4), json!(fnv(expected)))
    );
}

#[test]
fn a_range_splitting_a_surrogate_pair_snaps_to_the_characters_start() {
    let mut lsp = ready();
    let text = "The General Assembly,\n\nNoting 😀 progress,\n";
    lsp.open("file:///e.reso", 1, text);
    lsp.diagnostics("file:///e.reso", 1);
    // UTF-16: `Noting ` is 7 units, the emoji 7..9. Column 8 splits it.
    lsp.change("file:///e.reso", 2, (2, 8), (2, 9), "🙂");
    lsp.change("file:///e.reso", 3, (2, 8), (2, 8), "+");
    lsp.diagnostics("file:///e.reso", 3);
    let s = lsp.document_state("file:///e.reso");
    assert_eq!(
        s["hash"],
        fnv("The General Assembly,\n\nNoting +🙂 progress,\n")
    );
}

#[test]
fn change_to_a_document_not_open_or_with_an_old_version_is_ignored() {
    let mut lsp = ready();
    lsp.change("file:///never-opened.reso", 2, (0, 0), (0, 0), "x");
    let log = log_containing(&mut lsp, "never-opened.reso");
    assert!(log.contains("not open"), "{log}");

    lsp.change(URI, 5, (0, 0), (0, 0), "A ");
    lsp.diagnostics(URI, 5);
    lsp.change(URI, 4, (0, 0), (0, 0), "B ");
    let log = log_containing(&mut lsp, "version 4");
    assert!(log.contains("not newer than the current 5"), "{log}");
    lsp.change(URI, 5, (0, 0), (0, 0), "C ");
    log_containing(&mut lsp, "version 5, not newer");
    let s = lsp.document_state(URI);
    assert_eq!(s["version"], 5);
    assert_eq!(s["hash"], fnv(&format!("A {DRAFT}")));

    // didClose of a document not open: logged, nothing else.
    lsp.close("file:///never-opened.reso");
    log_containing(&mut lsp, "didClose for file:///never-opened.reso");
    lsp.assert_serving(URI);
}

#[test]
fn did_open_twice_replaces_the_text() {
    let mut lsp = ready();
    let second = "The Security Council,\n\n1. Decides to remain seized of the matter.\n";
    lsp.open(URI, 7, second);
    log_containing(&mut lsp, "already open");
    lsp.diagnostics(URI, 7);
    let s = lsp.document_state(URI);
    assert_eq!(
        (s["version"].clone(), s["hash"].clone()),
        (json!(7), json!(fnv(second)))
    );
}

#[test]
fn awkward_characters_nul_form_feed_lone_cr_crlf_rtl_combining() {
    let mut lsp = ready();
    let uri = "file:///odd.reso";
    let text = "The General Assembly,\r\n\r\nNoting\0 the \u{c}page\rbreak,\r\n\r\n1. Decides \u{5d0}\u{5d1}\u{5d2} \u{202b}RTL\u{202c} e\u{301}te;\n\n2. Ends.";
    lsp.open(uri, 1, text);
    lsp.diagnostics(uri, 1);
    let s = lsp.document_state(uri);
    // Lines break at \r\n, \n and the lone \r; the form feed is no break.
    assert_eq!(s["lines"], count_lines(text) + 1);
    assert_eq!(s["lines"], 8);
    // Edit after the lone \r (line 3 begins with `break,`) and after the
    // combining accent (line 4).
    lsp.change(uri, 2, (3, 0), (3, 5), "BREAK");
    let line4 = "1. Decides \u{5d0}\u{5d1}\u{5d2} \u{202b}RTL\u{202c} e\u{301}te;";
    let col = line4.encode_utf16().count() as u32 - 1;
    lsp.change(uri, 3, (5, col), (5, col), " now");
    let expected = text
        .replace("\rbreak,", "\rBREAK,")
        .replace("e\u{301}te;", "e\u{301}te now;");
    lsp.diagnostics(uri, 3);
    assert_eq!(lsp.document_state(uri)["hash"], fnv(&expected));
    lsp.assert_serving(URI);
}

#[test]
fn a_one_megabyte_line() {
    let mut lsp = ready();
    let uri = "file:///long.reso";
    let line = format!("Recalling {} 😀 end,", "word ".repeat(200_000));
    let text = format!("The General Assembly,\n\n{line}\n");
    lsp.open(uri, 1, &text);
    lsp.diagnostics(uri, 1);
    let col = line.encode_utf16().count() as u32 - 1;
    lsp.change(uri, 2, (2, col), (2, col), " really");
    lsp.diagnostics(uri, 2);
    let expected = text.replace(" end,", " end really,");
    assert_eq!(lsp.document_state(uri)["hash"], fnv(&expected));
    lsp.assert_serving(URI);
}

#[test]
fn a_twenty_megabyte_document() {
    let mut lsp = ready();
    let uri = "file:///compendium.reso";
    let seed = fixture("A-RES-66-184.txt");
    let text = seed.repeat(20_000_000 / seed.len() + 1);
    assert!(text.len() >= 20_000_000);
    // Open and edit at the very end at once: the server analyses the newest
    // version (a debug build takes a while over 20 MB).
    lsp.open(uri, 1, &text);
    let lines = count_lines(&text) as u32;
    lsp.change(uri, 2, (lines, 0), (lines, 0), "END");
    let diags = lsp.diagnostics(uri, 2);
    assert!(diags.len() > 1000, "{}", diags.len());
    let s = lsp.document_state(uri);
    assert_eq!(s["length"], text.len() + 3);
    assert_eq!(s["hash"], fnv(&format!("{text}END")));
    lsp.close(uri);
    lsp.cleared(uri);
    lsp.assert_serving(URI);
}

// -- panics -------------------------------------------------------------------

#[test]
fn a_panic_in_analysis_or_a_handler_is_caught_and_the_server_goes_on() {
    let mut lsp = Lsp::in_process(Options {
        panic_trigger: Some("PANIC-NOW".to_string()),
    });
    lsp.initialize();
    lsp.open(URI, 1, DRAFT);
    lsp.diagnostics(URI, 1);

    let bad = "file:///bad.reso";
    lsp.open(bad, 3, "The General Assembly,\n\nNoting PANIC-NOW,\n");
    let log = log_containing(&mut lsp, "panicked");
    assert!(log.contains(bad) && log.contains("version 3"), "{log}");
    // Its text state is still there to compare; its analysis is not.
    let s = lsp.document_state(bad);
    assert_eq!(s["analysis"], "failed");
    assert_eq!(s["version"], 3);
    assert_eq!(
        s["hash"],
        fnv("The General Assembly,\n\nNoting PANIC-NOW,\n")
    );
    // Editing the trigger away brings the document back.
    lsp.change(bad, 4, (2, 7), (2, 16), "progress");
    lsp.diagnostics(bad, 4);
    assert_eq!(lsp.document_state(bad)["version"], 4);

    // A panic inside a request handler.
    let r = lsp.request("reso/testPanic", json!({"textDocument": {"uri": URI}}));
    assert_eq!(error_code(&r), -32603);
    let msg = r["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains("reso/testPanic") && msg.contains(URI) && msg.contains("version 1"),
        "{msg}"
    );
    log_containing(&mut lsp, "panic in reso/testPanic");
    lsp.assert_serving(URI);
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

#[test]
fn the_test_hook_is_off_by_default() {
    let mut lsp = ready();
    let r = lsp.request("reso/testPanic", json!({}));
    assert_eq!(error_code(&r), -32601);
    lsp.open("file:///t.reso", 1, "Noting PANIC-NOW,\n");
    lsp.diagnostics("file:///t.reso", 1);
}

// -- settings -----------------------------------------------------------------

#[test]
fn settings_from_initialization_options_and_did_change_configuration() {
    let mut lsp = Lsp::in_process(Options::default());
    // Numbering off from the start; a bad value is shown and the rest applies.
    lsp.initialize_with(
        json!({}),
        json!({"reso": {"diagnostics": {"numbering": "off", "terminator": "loud"}}}),
    );
    let shown = lsp.wait_for("a showMessage", |m| m["method"] == "window/showMessage");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("diagnostics.terminator") && text.contains("loud"),
        "{text}"
    );
    let draft = "The General Assembly,\n\n1. Decides to act;\n\n3. Requests a report.\n";
    lsp.open(URI, 1, draft);
    let d = lsp.diagnostics(URI, 1);
    assert!(d.iter().all(|d| d["code"] != "numbering"), "{d:?}");

    // Pushed settings turn it back on, as a warning.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"reso": {"diagnostics": {"numbering": "warning"}}}}),
    );
    let d = lsp.diagnostics(URI, 1);
    let n: Vec<&Value> = d.iter().filter(|d| d["code"] == "numbering").collect();
    assert_eq!(n.len(), 1, "{d:?}");
    assert_eq!(n[0]["severity"], 2);
    assert_eq!(n[0]["source"], "reso");
    lsp.assert_serving(URI);
}

#[test]
fn settings_pulled_with_workspace_configuration() {
    let mut lsp = Lsp::in_process(Options::default());
    lsp.configuration = json!({"diagnostics": {"numbering": "hint"}});
    lsp.initialize_with(
        json!({"workspace": {"configuration": true, "didChangeConfiguration": {"dynamicRegistration": true}}}),
        Value::Null,
    );
    lsp.wait_for("the registration", |m| {
        m["method"] == "client/registerCapability"
    });
    lsp.wait_for("the configuration request", |m| {
        m["method"] == "workspace/configuration"
    });
    let draft = "The General Assembly,\n\n1. Decides to act;\n\n3. Requests a report.\n";
    lsp.open(URI, 1, draft);
    let hint = |lsp: &mut Lsp| loop {
        let d = lsp.diagnostics(URI, 1);
        if let Some(n) = d.iter().find(|d| d["code"] == "numbering") {
            return n["severity"].clone();
        }
    };
    assert_eq!(hint(&mut lsp), 4);
    // A change notification without settings makes the server ask again.
    lsp.configuration = json!({"diagnostics": {"numbering": "error"}});
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    lsp.wait_for("the second configuration request", |m| {
        m["method"] == "workspace/configuration"
    });
    loop {
        let d = lsp.diagnostics(URI, 1);
        if d.iter()
            .any(|d| d["code"] == "numbering" && d["severity"] == 1)
        {
            break;
        }
    }
}

#[test]
fn utf8_is_negotiated_when_offered() {
    let mut lsp = Lsp::in_process(Options::default());
    let init = lsp.initialize_with(
        json!({"general": {"positionEncodings": ["utf-16", "utf-8"]}}),
        Value::Null,
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let text = "The General Assembly,\n\nNoting 😀 progress,\n";
    lsp.open(URI, 1, text);
    lsp.diagnostics(URI, 1);
    // UTF-8: `Noting ` is 7 bytes, the emoji 7..11; column 9 is inside it.
    lsp.change(URI, 2, (2, 11), (2, 11), "!");
    lsp.change(URI, 3, (2, 9), (2, 9), "+");
    lsp.diagnostics(URI, 3);
    let s = lsp.document_state(URI);
    assert_eq!(s["encoding"], "utf-8");
    assert_eq!(
        s["hash"],
        fnv("The General Assembly,\n\nNoting +😀! progress,\n")
    );
}

#[test]
fn positions_past_the_end_and_inside_surrogate_pairs_in_every_request() {
    let mut lsp = ready();
    let uri = "file:///emoji.reso";
    let text = "The General Assembly,\n\nNoting 😀 the work[^1],\n\n1. Decides to act.\n\n[^1]: See A/66/64.\n";
    lsp.open(uri, 1, text);
    lsp.diagnostics(uri, 1);
    let doc = json!({"uri": uri});
    let positions = [
        json!({"line": 99999, "character": 99999}),
        json!({"line": 0, "character": 99999}),
        json!({"line": 2, "character": 8}), // between the emoji's two halves
        json!({"line": u32::MAX, "character": u32::MAX}),
    ];
    for pos in &positions {
        let range = json!({"start": {"line": 2, "character": 8}, "end": pos});
        let requests = [
            (
                "textDocument/hover",
                json!({"textDocument": doc, "position": pos}),
            ),
            (
                "textDocument/completion",
                json!({"textDocument": doc, "position": pos}),
            ),
            (
                "textDocument/definition",
                json!({"textDocument": doc, "position": pos}),
            ),
            (
                "textDocument/references",
                json!({"textDocument": doc, "position": pos, "context": {"includeDeclaration": true}}),
            ),
            (
                "textDocument/prepareRename",
                json!({"textDocument": doc, "position": pos}),
            ),
            (
                "textDocument/rename",
                json!({"textDocument": doc, "position": pos, "newName": "2"}),
            ),
            (
                "textDocument/codeAction",
                json!({"textDocument": doc, "range": range, "context": {"diagnostics": []}}),
            ),
            (
                "textDocument/inlayHint",
                json!({"textDocument": doc, "range": range}),
            ),
            ("textDocument/documentSymbol", json!({"textDocument": doc})),
            ("textDocument/foldingRange", json!({"textDocument": doc})),
            (
                "textDocument/semanticTokens/full",
                json!({"textDocument": doc}),
            ),
            (
                "textDocument/formatting",
                json!({"textDocument": doc, "options": {"tabSize": 4, "insertSpaces": true}}),
            ),
        ];
        for (method, params) in requests {
            let r = lsp.request(method, params);
            if let Some(e) = r.get("error") {
                assert_ne!(e["code"], -32603, "{method} at {pos}: {r}");
            }
        }
    }
    assert_eq!(lsp.document_state(uri)["hash"], fnv(text));
    lsp.assert_serving(URI);
}

#[test]
fn a_catalogue_file_that_cannot_be_read_is_shown_and_the_rest_works() {
    let mut lsp = Lsp::in_process(Options::default());
    lsp.initialize_with(
        json!({}),
        json!({"catalog": {"paths": ["/nonexistent/ga-66.tsv"]}}),
    );
    let shown = lsp.wait_for("a showMessage", |m| m["method"] == "window/showMessage");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("/nonexistent/ga-66.tsv") && text.contains("cannot read"),
        "{text}"
    );
    lsp.open(URI, 1, DRAFT);
    lsp.diagnostics(URI, 1);
    lsp.assert_serving(URI);
}
