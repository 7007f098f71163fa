//! End to end against the real `reso lsp` binary over stdio: the seed
//! resolution, an operative paragraph inserted in the middle (numbering
//! breaks), and the undo.

mod lsp_support;

use lsp_support::*;
use serde_json::{json, Value};

const URI: &str = "file:///drafts/A-RES-66-184.reso";

/// `line:col-line:col severity[code] message`, as a user reads it.
fn render(d: &Value) -> String {
    let r = &d["range"];
    let sev = match d["severity"].as_i64() {
        Some(1) => "error",
        Some(2) => "warning",
        Some(3) => "information",
        _ => "hint",
    };
    format!(
        "{}:{}-{}:{} {}[{}] {}",
        r["start"]["line"],
        r["start"]["character"],
        r["end"]["line"],
        r["end"]["character"],
        sev,
        d["code"].as_str().unwrap_or("?"),
        d["message"].as_str().unwrap_or("?")
    )
}

fn numbering(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d["code"] == "numbering")
        .map(render)
        .collect()
}

#[test]
fn seed_then_inserted_paragraph_breaks_numbering_then_undo() {
    let seed = fixture("A-RES-66-184.txt");
    let mut lsp = Lsp::binary(&[]);
    let init = lsp.initialize();
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
    lsp.open(URI, 1, &seed);
    let v1 = lsp.diagnostics(URI, 1);
    for d in &v1 {
        assert_eq!(d["source"], "reso", "{d}");
    }
    assert_eq!(numbering(&v1), Vec::<String>::new());
    let rendered: Vec<String> = v1.iter().map(render).collect();
    // SPEC section 9: `Sresses` in OP 4 and OP 18, reference 21 undefined.
    assert!(rendered.contains(&"206:4-206:11 warning[opener-unknown] `Sresses` is not a known operative opener; did you mean `Stresses`?".to_string()), "{rendered:#?}");
    assert!(rendered.contains(&"306:4-306:11 warning[opener-unknown] `Sresses` is not a known operative opener; did you mean `Stresses`?".to_string()), "{rendered:#?}");
    assert!(
        rendered
            .iter()
            .any(|r| r.starts_with("315:13-315:15 error[footnote-undefined]")),
        "{rendered:#?}"
    );

    // Insert a new paragraph 11 before the old 11 (line 254, 0-based 253).
    let line = seed
        .lines()
        .position(|l| l.starts_with("11. Welcomes"))
        .unwrap() as u32;
    let inserted = "11. Decides to insert a new paragraph here;\n\n";
    lsp.change(URI, 2, (line, 0), (line, 0), inserted);
    let v2 = lsp.diagnostics(URI, 2);
    assert_eq!(
        numbering(&v2),
        vec![format!(
            "{}:0-{}:3 error[numbering] operative paragraph numbered 11: expected 12",
            line + 2,
            line + 2
        )]
    );

    // Undo: remove what was inserted.
    lsp.change(URI, 3, (line, 0), (line + 2, 0), "");
    let v3 = lsp.diagnostics(URI, 3);
    assert_eq!(v3, v1);
    let state = lsp.document_state(URI);
    assert_eq!(state["version"], 3);
    assert_eq!(state["hash"], fnv(&seed));
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

#[test]
fn same_edits_in_utf16_after_an_emoji_on_the_line() {
    let seed = fixture("A-RES-66-184.txt");
    // OP 7 ends on the line `terms, to developing countries, particularly the
    // least developed countries;`; put an emoji early on that line.
    let needle = "terms, to developing countries, particularly the least developed countries;";
    let at = seed.find(needle).unwrap();
    let text = format!(
        "{}terms, 😀 to{}",
        &seed[..at],
        &seed[at + "terms, to".len()..]
    );
    let semi = at + needle.len() + "😀 ".len() - 1;
    assert_eq!(&text[semi..semi + 1], ";");
    let (line, col) = utf16_pos(&text, semi);
    // The emoji counts two UTF-16 units: a server counting chars would
    // insert one column too far, after the `;`.
    assert_eq!(col as usize, needle.len() - 1 + 3);

    let mut lsp = Lsp::binary(&[]);
    let init = lsp.initialize_with(
        json!({"general": {"positionEncodings": ["utf-16"]}}),
        Value::Null,
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    lsp.open(URI, 1, &text);
    let v1 = lsp.diagnostics(URI, 1);
    assert_eq!(numbering(&v1), Vec::<String>::new());

    // Before the `;` of OP 7: end OP 7 there and open a new OP 8 that takes
    // the `;`; the old 8 is then out of sequence.
    let inserted = ";\n\n8. Decides to insert a new paragraph here";
    lsp.change(URI, 2, (line, col), (line, col), inserted);
    let v2 = lsp.diagnostics(URI, 2);
    let old8 = text
        .lines()
        .position(|l| l.starts_with("8. Further"))
        .unwrap() as u32
        + 2;
    assert_eq!(
        numbering(&v2),
        vec![format!(
            "{old8}:0-{old8}:2 error[numbering] operative paragraph numbered 8: expected 9"
        )]
    );
    let edited = format!("{}{inserted}{}", &text[..semi], &text[semi..]);
    assert_eq!(lsp.document_state(URI)["hash"], fnv(&edited));
    assert!(
        !v2.iter().any(|d| d["code"] == "terminator"
            && d["range"]["start"]["line"].as_u64() == Some(u64::from(line) + 2)),
        "the new paragraph ends with the `;`: {v2:#?}"
    );

    // Undo, in UTF-16 positions again: the inserted text ends on line+2,
    // after `8. Decides to insert a new paragraph here`.
    let end_col = "8. Decides to insert a new paragraph here"
        .encode_utf16()
        .count() as u32;
    lsp.change(URI, 3, (line, col), (line + 2, end_col), "");
    let v3 = lsp.diagnostics(URI, 3);
    assert_eq!(v3, v1);
    assert_eq!(lsp.document_state(URI)["hash"], fnv(&text));
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

/// Each diagnostic links to its page (`codeDescription.href`, LSP 3.16) under
/// the `docs.base` the editor passes; without it, no link; a bad value is a
/// setting error shown to the user.
#[test]
fn diagnostics_link_to_their_pages_under_docs_base() {
    let draft = "The General Assembly,\n\nRecalling its resolution 65/141,\n\n1. Decides to act;\n\n3. Requests a report;\n";
    let base = "file:///opt/reso/docs/diagnostics";

    // A trailing slash in the setting makes no double slash.
    let mut lsp = Lsp::binary(&[]);
    lsp.initialize_with(json!({}), json!({"docs": {"base": format!("{base}/")}}));
    lsp.open(URI, 1, draft);
    let d = lsp.diagnostics(URI, 1);
    let codes: Vec<&str> = d.iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(
        codes.contains(&"numbering") && codes.contains(&"terminator"),
        "{d:?}"
    );
    for d in &d {
        let code = d["code"].as_str().unwrap();
        assert_eq!(
            d["codeDescription"]["href"],
            format!("{base}/{code}.md"),
            "{d}"
        );
    }
    // Code actions carry the same diagnostics, links too.
    let actions = lsp.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": {"start": {"line": 6, "character": 0}, "end": {"line": 6, "character": 1}},
            "context": {"diagnostics": []},
        }),
    );
    let linked: Vec<&Value> = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["diagnostics"].as_array().into_iter().flatten())
        .collect();
    assert!(!linked.is_empty(), "{actions}");
    assert!(
        linked.iter().all(|d| d["codeDescription"]["href"]
            == format!("{base}/{}.md", d["code"].as_str().unwrap())),
        "{actions}"
    );
    assert_eq!(lsp.shutdown_and_exit(), 0);

    // No base: no link.
    let mut lsp = Lsp::binary(&[]);
    lsp.initialize();
    lsp.open(URI, 1, draft);
    let d = lsp.diagnostics(URI, 1);
    assert!(!d.is_empty());
    assert!(
        d.iter().all(|d| d.get("codeDescription").is_none()),
        "{d:?}"
    );
    assert_eq!(lsp.shutdown_and_exit(), 0);

    // A bad base: the usual setting error, and no link.
    let mut lsp = Lsp::binary(&[]);
    lsp.initialize_with(json!({}), json!({"docs": {"base": "docs/diagnostics"}}));
    let shown = lsp.wait_for("a showMessage", |m| m["method"] == "window/showMessage");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("docs.base") && text.contains("docs/diagnostics"),
        "{text}"
    );
    lsp.open(URI, 1, draft);
    let d = lsp.diagnostics(URI, 1);
    assert!(
        d.iter().all(|d| d.get("codeDescription").is_none()),
        "{d:?}"
    );
    assert_eq!(lsp.shutdown_and_exit(), 0);
}
