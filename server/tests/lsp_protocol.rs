//! SPEC section 5, over stdio with the real binary: `publishDiagnostics`
//! always carries the version of the text it describes, and positions are
//! counted in the encoding negotiated at `initialize`.

mod lsp_support;

use lsp_support::*;
use serde_json::{json, Value};

const URI: &str = "file:///drafts/draft.reso";

/// A burst of edits sent without waiting: the server may skip versions, but
/// every publish it makes describes exactly the text of the version it
/// carries, and versions only go up.
#[test]
fn every_publish_describes_the_text_of_its_version() {
    let mut lsp = Lsp::binary(&[]);
    lsp.initialize();
    // Version v numbers the second operative paragraph v + 1: version 1 is
    // correct, every later one has a `numbering` error that names its number.
    let text = "The General Assembly,\n\n1. Decides to act;\n\n2. Requests a report.\n";
    lsp.open(URI, 1, text);
    let last = 40;
    let mut width = 1;
    for v in 2..=last {
        let n = (v + 1).to_string();
        lsp.change(URI, v, (4, 0), (4, width), &n);
        width = n.len() as u32;
    }
    let mut seen = Vec::new();
    loop {
        let m = lsp.wait_for("a publish", |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == URI
        });
        let v = m["params"]["version"].as_i64().expect("a version");
        let numbering: Vec<String> = m["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "numbering")
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect();
        let expected: Vec<String> = if v == 1 {
            Vec::new()
        } else {
            vec![format!(
                "operative paragraph numbered {}: expected 2",
                v + 1
            )]
        };
        assert_eq!(numbering, expected, "the publish of version {v}");
        if let Some(prev) = seen.last() {
            assert!(v > *prev, "version {v} published after {prev}");
        }
        seen.push(v);
        if v == last {
            break;
        }
    }
    assert_eq!(lsp.document_state(URI)["version"], last);
    // Closing clears without a version (there is no text any more).
    lsp.close(URI);
    let cleared = lsp.cleared(URI);
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

/// The `terminator` diagnostic of a paragraph that has an emoji before its
/// last character, in the encoding the client and server agreed on.
fn terminator_columns(capabilities: Value) -> (Value, (u64, u64)) {
    let mut lsp = Lsp::binary(&[]);
    let init = lsp.initialize_with(capabilities, Value::Null);
    let text = "The General Assembly,\n\nNoting 😀 progress\n\n1. Decides to act.\n";
    lsp.open(URI, 1, text);
    let d = lsp.diagnostics(URI, 1);
    let t: Vec<&Value> = d.iter().filter(|d| d["code"] == "terminator").collect();
    assert_eq!(t.len(), 1, "{d:#?}");
    let r = &t[0]["range"];
    assert_eq!(
        (&r["start"]["line"], &r["end"]["line"]),
        (&json!(2), &json!(2))
    );
    let cols = (
        r["start"]["character"].as_u64().unwrap(),
        r["end"]["character"].as_u64().unwrap(),
    );
    assert_eq!(lsp.shutdown_and_exit(), 0);
    (init["capabilities"]["positionEncoding"].clone(), cols)
}

#[test]
fn positions_follow_the_negotiated_encoding() {
    // The last `s` of `Noting 😀 progress`: the emoji is 2 UTF-16 units and
    // 4 UTF-8 bytes.
    let utf16 = (17, 18);
    let utf8 = (19, 20);
    assert_eq!(terminator_columns(json!({})), (json!("utf-16"), utf16));
    assert_eq!(
        terminator_columns(json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}})),
        (json!("utf-8"), utf8)
    );
    assert_eq!(
        terminator_columns(json!({"general": {"positionEncodings": ["utf-16", "utf-8"]}})),
        (json!("utf-8"), utf8)
    );
    // UTF-32 alone is not offered by the server: UTF-16, which every client
    // must support.
    assert_eq!(
        terminator_columns(json!({"general": {"positionEncodings": ["utf-32"]}})),
        (json!("utf-16"), utf16)
    );
}
