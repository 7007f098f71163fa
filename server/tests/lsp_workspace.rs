//! End to end against the real `reso lsp` binary over stdio: what crosses
//! documents. `citation-inconsistent` between two open documents (SPEC
//! sections 3 and 4), re-published in the other document with its own
//! version; and `reso.toml` re-read when the client says it changed.

mod lsp_support;

use std::path::{Path, PathBuf};

use lsp_support::*;
use serde_json::{json, Value};

const A: &str = "file:///drafts/a.reso";
const B: &str = "file:///drafts/b.reso";
const A_TEXT: &str =
    "The General Assembly,\n\nRecalling its resolution 65/141 of 20 December 2010,\n\n1. Decides to act.\n";
// An emoji before the citation: UTF-16 columns differ from chars and bytes.
const B_TEXT: &str =
    "The General Assembly,\n\nRecalling 😀 its resolution 65/141 of 21 December 2010,\n\n1. Decides to act.\n";

/// The next publish of `uri` (the earliest not yet taken): its version and
/// diagnostics.
fn next_publish(lsp: &mut Lsp, uri: &str) -> (Value, Vec<Value>) {
    let m = lsp.wait_for(&format!("a publish of {uri}"), |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
    });
    (
        m["params"]["version"].clone(),
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default(),
    )
}

fn inconsistent(diags: &[Value]) -> Vec<Value> {
    diags
        .iter()
        .filter(|d| d["code"] == "citation-inconsistent")
        .cloned()
        .collect()
}

/// The UTF-16 range of `needle` (its first occurrence) in `text`.
fn range_of(text: &str, needle: &str) -> Value {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let (l1, c1) = utf16_pos(text, at);
    let (l2, c2) = utf16_pos(text, at + needle.len());
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

/// The one `citation-inconsistent` of a publish, checked against where it
/// must be and where its related information must point.
fn assert_points(diags: &[Value], here: Value, there_uri: &str, there: Value, message: &str) {
    let found = inconsistent(diags);
    assert_eq!(found.len(), 1, "{diags:#?}");
    let d = &found[0];
    assert_eq!(d["source"], "reso");
    assert_eq!(d["severity"], 2, "a warning: {d}");
    assert_eq!(d["range"], here, "{d}");
    assert_eq!(d["message"], message, "{d}");
    let related = d["relatedInformation"]
        .as_array()
        .expect("relatedInformation");
    assert_eq!(related.len(), 1, "{d}");
    assert_eq!(related[0]["location"]["uri"], there_uri, "{d}");
    assert_eq!(related[0]["location"]["range"], there, "{d}");
}

#[test]
fn one_resolution_with_two_dates_in_two_open_documents() {
    let mut lsp = Lsp::binary(&[]);
    let init = lsp.initialize();
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");

    // A alone: nothing to compare with.
    lsp.open(A, 1, A_TEXT);
    let (v, d) = next_publish(&mut lsp, A);
    assert_eq!(v, 1);
    assert_eq!(inconsistent(&d), Vec::<Value>::new());

    // B cites 65/141 with another date: the diagnostic in B, then A is
    // published again (its version still 1) with the diagnostic too.
    lsp.open(B, 1, B_TEXT);
    let (v, d) = next_publish(&mut lsp, B);
    assert_eq!(v, 1);
    assert_points(
        &d,
        range_of(B_TEXT, "21 December 2010"),
        A,
        range_of(A_TEXT, "20 December 2010"),
        "A/RES/65/141 is cited here as of 21 December 2010 but as of 20 December 2010 in a.reso",
    );
    // The catalogue's check is still there, untouched.
    assert!(d.iter().any(|d| d["code"] == "citation-date"), "{d:#?}");
    let (v, d) = next_publish(&mut lsp, A);
    assert_eq!(v, 1);
    assert_points(
        &d,
        range_of(A_TEXT, "20 December 2010"),
        B,
        // In B's own UTF-16 columns: the emoji counts two.
        json!({"start": {"line": 2, "character": 38}, "end": {"line": 2, "character": 54}}),
        "A/RES/65/141 is cited here as of 20 December 2010 but as of 21 December 2010 in b.reso",
    );
    assert_eq!(
        range_of(B_TEXT, "21 December 2010"),
        json!({"start": {"line": 2, "character": 38}, "end": {"line": 2, "character": 54}})
    );

    // A moves its citation (version 2): A is published at version 2, and B
    // again at its own version 1, pointing at the new place in A.
    lsp.change(A, 2, (2, 10), (2, 10), "also ");
    let a2 = A_TEXT.replace("Recalling its", "Recalling also its");
    let (v, d) = next_publish(&mut lsp, A);
    assert_eq!(v, 2);
    assert_eq!(inconsistent(&d).len(), 1, "{d:#?}");
    let (v, d) = next_publish(&mut lsp, B);
    assert_eq!(v, 1, "B's own version, not A's");
    assert_points(
        &d,
        range_of(B_TEXT, "21 December 2010"),
        A,
        range_of(&a2, "20 December 2010"),
        "A/RES/65/141 is cited here as of 21 December 2010 but as of 20 December 2010 in a.reso",
    );

    // B's date fixed: both cleared, each with its own version.
    let day = range_of(B_TEXT, "21 December 2010");
    let (line, col) = (2, day["start"]["character"].as_u64().unwrap() as u32);
    lsp.change(B, 2, (line, col), (line, col + 2), "20");
    let (v, d) = next_publish(&mut lsp, B);
    assert_eq!(v, 2);
    assert_eq!(inconsistent(&d), Vec::<Value>::new());
    assert!(!d.iter().any(|d| d["code"] == "citation-date"), "{d:#?}");
    let (v, d) = next_publish(&mut lsp, A);
    assert_eq!(v, 2);
    assert_eq!(inconsistent(&d), Vec::<Value>::new());

    // Broken again, then B closed: B is cleared and so is A's diagnostic.
    lsp.change(B, 3, (line, col), (line, col + 2), "21");
    let (v, d) = next_publish(&mut lsp, B);
    assert_eq!(v, 3);
    assert_eq!(inconsistent(&d).len(), 1, "{d:#?}");
    let (v, d) = next_publish(&mut lsp, A);
    assert_eq!(v, 2);
    assert_eq!(inconsistent(&d).len(), 1, "{d:#?}");
    lsp.close(B);
    let (v, d) = next_publish(&mut lsp, B);
    assert_eq!((v, d), (Value::Null, Vec::new()));
    let (v, d) = next_publish(&mut lsp, A);
    assert_eq!(v, 2);
    assert_eq!(inconsistent(&d), Vec::<Value>::new());
    // A's own diagnostics are all still there: the same as a fresh open.
    let own: Vec<Value> = d;
    lsp.open("file:///drafts/a-copy.reso", 1, &a2);
    let (_, fresh) = next_publish(&mut lsp, "file:///drafts/a-copy.reso");
    assert_eq!(own, fresh);
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

#[test]
fn the_same_date_everywhere_and_the_code_turned_off_give_nothing() {
    let mut lsp = Lsp::binary(&[]);
    lsp.initialize_with(
        json!({}),
        json!({"diagnostics": {"citation-inconsistent": "off"}}),
    );
    lsp.open(A, 1, A_TEXT);
    next_publish(&mut lsp, A);
    lsp.open(B, 1, B_TEXT);
    let (_, d) = next_publish(&mut lsp, B);
    assert_eq!(inconsistent(&d), Vec::<Value>::new(), "turned off");
    // Turned on as an error: both documents get it with that severity.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"reso": {"diagnostics": {"citation-inconsistent": "error"}}}}),
    );
    for uri in [A, B] {
        loop {
            let (v, d) = next_publish(&mut lsp, uri);
            assert_eq!(v, 1);
            let found = inconsistent(&d);
            if !found.is_empty() {
                assert_eq!(found.len(), 1);
                assert_eq!(found[0]["severity"], 1);
                break;
            }
        }
    }
    // A third document that agrees with A gets the diagnostic against B
    // only.
    let c = "file:///drafts/c.reso";
    lsp.open(c, 1, A_TEXT);
    let (_, d) = next_publish(&mut lsp, c);
    let found = inconsistent(&d);
    assert_eq!(found.len(), 1, "{d:#?}");
    assert_eq!(found[0]["relatedInformation"][0]["location"]["uri"], B);
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

// -- reso.toml ----------------------------------------------------------------

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("reso-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir.canonicalize().unwrap())
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The severity of the one `numbering` diagnostic of the next publish of
/// `uri` that differs from `previous`, or `None` when it has none.
fn numbering_after(lsp: &mut Lsp, uri: &str, previous: Option<i64>) -> Option<i64> {
    loop {
        let (v, d) = next_publish(lsp, uri);
        assert_eq!(v, 1);
        let n: Vec<&Value> = d.iter().filter(|d| d["code"] == "numbering").collect();
        assert!(n.len() <= 1, "{d:#?}");
        let now = n.first().map(|d| d["severity"].as_i64().unwrap());
        if now != previous {
            return now;
        }
    }
}

fn watched(lsp: &mut Lsp, uri: &str, typ: u8) {
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri, "type": typ}]}),
    );
}

#[test]
fn reso_toml_is_watched_re_read_and_the_documents_re_published() {
    let dir = TempDir::new("watch");
    let toml = dir.0.join("reso.toml");
    std::fs::write(&toml, "[diagnostics]\nnumbering = \"off\"\n").unwrap();
    let mut lsp = Lsp::binary(&[]);
    let r = lsp.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": file_uri(&dir.0),
            "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}
        }),
    );
    assert!(r.get("result").is_some(), "{r}");
    lsp.notify("initialized", json!({}));
    let reg = lsp.wait_for("the registration", |m| {
        m["method"] == "client/registerCapability"
    });
    let regs = reg["params"]["registrations"].as_array().unwrap();
    let watch = regs
        .iter()
        .find(|r| r["method"] == "workspace/didChangeWatchedFiles")
        .unwrap_or_else(|| panic!("{reg}"));
    assert_eq!(
        watch["registerOptions"]["watchers"],
        json!([{"globPattern": "**/reso.toml"}])
    );

    let uri = file_uri(&dir.0.join("draft.reso"));
    let draft = "The General Assembly,\n\n1. Decides to act;\n\n3. Requests a report.\n";
    lsp.open(&uri, 1, draft);
    assert_eq!(numbering_after(&mut lsp, &uri, Some(-1)), None, "off");

    // Changed: numbering a warning.
    std::fs::write(&toml, "[diagnostics]\nnumbering = \"warning\"\n").unwrap();
    watched(&mut lsp, &file_uri(&toml), 2);
    assert_eq!(numbering_after(&mut lsp, &uri, None), Some(2));

    // A bad value is shown; the default applies.
    std::fs::write(&toml, "[diagnostics]\nnumbering = \"loud\"\n").unwrap();
    watched(&mut lsp, &file_uri(&toml), 2);
    let shown = lsp.wait_for("a showMessage", |m| m["method"] == "window/showMessage");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("diagnostics.numbering") && text.contains("loud"),
        "{text}"
    );
    assert_eq!(numbering_after(&mut lsp, &uri, Some(2)), Some(1));

    // A reso.toml in a sub-folder is not the workspace's: ignored, logged.
    std::fs::create_dir_all(dir.0.join("sub")).unwrap();
    let sub = dir.0.join("sub/reso.toml");
    std::fs::write(&sub, "[diagnostics]\nnumbering = \"off\"\n").unwrap();
    watched(&mut lsp, &file_uri(&sub), 1);
    lsp.wait_for("the log line", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("ignored a change") && s.contains("sub/reso.toml"))
    });

    // Created anew after a deletion: off again; deleted: the default.
    std::fs::write(&toml, "[diagnostics]\nnumbering = \"off\"\n").unwrap();
    watched(&mut lsp, &file_uri(&toml), 1);
    assert_eq!(numbering_after(&mut lsp, &uri, Some(1)), None);
    std::fs::remove_file(&toml).unwrap();
    watched(&mut lsp, &file_uri(&toml), 3);
    assert_eq!(numbering_after(&mut lsp, &uri, None), Some(1));
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

#[test]
fn no_watcher_is_registered_without_dynamic_registration() {
    let mut lsp = Lsp::binary(&[]);
    lsp.initialize_with(
        json!({"workspace": {"didChangeConfiguration": {"dynamicRegistration": true}}}),
        Value::Null,
    );
    let reg = lsp.wait_for("the registration", |m| {
        m["method"] == "client/registerCapability"
    });
    let methods: Vec<&Value> = reg["params"]["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["method"])
        .collect();
    assert_eq!(methods, vec!["workspace/didChangeConfiguration"]);
    assert_eq!(lsp.shutdown_and_exit(), 0);
}
