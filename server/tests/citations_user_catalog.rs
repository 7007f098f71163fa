//! A user catalogue end to end (issue 3): `reso catalog import` turns the
//! real MARCXML sample into a catalogue file, the server reads it through
//! `catalog.paths`, and its symbols then hover; a broken row in another file
//! gives a clear message and no crash.

mod lsp_support;

use std::process::Command;

use lsp_support::*;
use serde_json::{json, Value};

const DRAFT: &str = "file:///drafts/ga78.reso";

fn pos(text: &str, offset: usize) -> Value {
    let (line, character) = utf16_pos(text, offset);
    json!({"line": line, "character": character})
}

#[test]
fn imported_catalogue_adds_symbols_that_hover_and_a_bad_row_is_a_message() {
    let dir = std::env::temp_dir().join(format!("reso-user-catalog-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let imported = dir.join("ga78-third.tsv");
    let broken = dir.join("broken.tsv");
    let sample = format!(
        "{}/../tests/fixtures/catalog/undl-marcxml-A-C.3-78-drafts.xml",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = Command::new(env!("CARGO_BIN_EXE_reso"))
        .args(["catalog", "import", "--out"])
        .arg(&imported)
        .arg(&sample)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("rows from 94 records"));
    std::fs::write(
        &broken,
        "symbol\tbody\tsession\tnumber\tdate\ttitle\tmeeting\tvote\tnote\nA/RES/78/999\tGA\t78\t999\t2023-02-30\tbad date\t\t\t\n",
    )
    .unwrap();

    let mut lsp = Lsp::binary(&[]);
    lsp.initialize_with(
        json!({}),
        json!({"catalog": {"paths": [imported.display().to_string(), broken.display().to_string()]}}),
    );
    let msg = lsp.wait_for("a message about the broken row", |m| {
        m["method"] == "window/showMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("broken.tsv:2"))
    });
    assert!(
        msg["params"]["message"]
            .as_str()
            .unwrap()
            .contains("bad date `2023-02-30`"),
        "{msg}"
    );

    let text = "The General Assembly,\n\nRecalling its resolution 78/213 and Security Council resolution 1325 (2000),\n\n1. Decides to remain seized of the matter.\n";
    lsp.open(DRAFT, 1, text);
    lsp.diagnostics(DRAFT, 1);
    let h = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": DRAFT}, "position": pos(text, text.find("78/213").unwrap() + 1)}),
    );
    let md = h["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(md.starts_with("**A/RES/78/213**"), "{h}");
    assert!(
        md.contains("Title: Promotion and protection of human rights in the context of digital technologies"),
        "{md}"
    );
    assert!(md.contains("ga78-third.tsv"), "{md}");
    // The built-in catalogue is still there.
    let h = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": DRAFT}, "position": pos(text, text.find("1325").unwrap() + 1)}),
    );
    assert!(h["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("31 October 2000"));
    lsp.assert_serving(DRAFT);
    assert_eq!(lsp.shutdown_and_exit(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}
