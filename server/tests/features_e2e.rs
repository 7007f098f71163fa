//! End to end over stdio against the real `reso lsp` binary: the drafting
//! features (completion, quick fixes, renumbering, footnote navigation,
//! outline, inlay hints, formatting) and severity overrides, on the seed
//! A/RES/66/184 and on drafts written in UN style.

mod lsp_support;

use lsp_support::*;
use serde_json::{json, Value};

const SEED: &str = "file:///drafts/A-RES-66-184.reso";
const DRAFT: &str = "file:///drafts/draft.reso";

fn started() -> Lsp {
    let mut lsp = Lsp::binary(&[]);
    lsp.initialize();
    lsp
}

/// An LSP position (UTF-16) of a byte offset.
fn pos(text: &str, offset: usize) -> Value {
    let (line, character) = utf16_pos(text, offset);
    json!({"line": line, "character": character})
}

/// The byte offset of an LSP position (UTF-16) in `text`.
fn offset(text: &str, p: &Value) -> usize {
    let line = p["line"].as_u64().unwrap() as usize;
    let character = p["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"))
}

/// Applies protocol text edits to a text (client side).
fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

/// The edits of a workspace edit for `uri`.
fn edits_of(edit: &Value, uri: &str) -> Vec<Value> {
    edit["changes"][uri].as_array().cloned().unwrap_or_default()
}

fn result(r: Value) -> Value {
    assert!(r.get("error").is_none(), "{r}");
    r["result"].clone()
}

fn text_doc(uri: &str) -> Value {
    json!({"uri": uri})
}

fn render_diag(d: &Value) -> String {
    let r = &d["range"];
    let sev = ["", "error", "warning", "information", "hint"]
        [d["severity"].as_u64().unwrap_or(4) as usize];
    format!(
        "{}:{}-{}:{} {}[{}] {}",
        r["start"]["line"].as_u64().unwrap() + 1,
        r["start"]["character"].as_u64().unwrap() + 1,
        r["end"]["line"].as_u64().unwrap() + 1,
        r["end"]["character"].as_u64().unwrap() + 1,
        sev,
        d["code"].as_str().unwrap_or("?"),
        d["message"].as_str().unwrap_or("?")
    )
}

/// Replaces the whole text (a change without a range).
fn replace_all(lsp: &mut Lsp, uri: &str, version: i64, text: &str) {
    lsp.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
    );
}

fn complete(lsp: &mut Lsp, uri: &str, text: &str, offset: usize) -> Value {
    result(lsp.request(
        "textDocument/completion",
        json!({"textDocument": text_doc(uri), "position": pos(text, offset)}),
    ))
}

fn labels(list: &Value, n: usize) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .take(n)
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn completion_at_each_position_on_the_seed() {
    let seed = fixture("A-RES-66-184.txt");
    let mut lsp = started();
    // A new preambular paragraph after `Noting the organization ... 2011,`.
    let anchor = "Forum 2011 in Geneva from 16 to 20 May 2011,";
    let end = at(&seed, anchor) + anchor.len();
    let text = format!("{}\n\nRec{}", &seed[..end], &seed[end..]);
    lsp.open(SEED, 1, &text);
    let list = complete(&mut lsp, SEED, &text, end + 5);
    assert_eq!(
        labels(&list, 4),
        [
            "Recalling",
            "Recognizing",
            "Recalling also",
            "Recalling further"
        ]
    );
    let first = &list["items"][0];
    assert_eq!(first["detail"], "preambular opener");
    assert_eq!(first["textEdit"]["newText"], "Recalling ");
    assert_eq!(
        apply(&text, &[first["textEdit"].clone()])[end..end + 12].to_string(),
        "\n\nRecalling "
    );

    // `22. ` after OP 21: operative openers.
    let anchor = "technologies for development”.";
    let end = at(&text, anchor) + anchor.len();
    let text2 = format!("{}\n\n22. {}", &text[..end], &text[end..]);
    replace_all(&mut lsp, SEED, 2, &text2);
    let list = complete(&mut lsp, SEED, &text2, end + 6);
    assert_eq!(
        labels(&list, 4),
        ["Encourages", "Decides", "Calls upon", "Requests"]
    );
    assert_eq!(list["items"][0]["detail"], "operative opener");
    let edit = &list["items"][0]["textEdit"];
    assert_eq!(edit["range"]["start"], pos(&text2, end + 6));
    assert_eq!(edit["range"]["end"], pos(&text2, end + 6));
    assert_eq!(edit["newText"], "Encourages ");

    // An empty line after the last OP: the next number with an opener.
    replace_all(&mut lsp, SEED, 3, &text);
    let blank = at(&text, anchor) + anchor.len() + 1;
    let list = complete(&mut lsp, SEED, &text, blank);
    assert_eq!(
        labels(&list, 3),
        ["22. Encourages", "22. Decides", "22. Calls upon"]
    );
    assert_eq!(list["items"][0]["filterText"], "Encourages");
    assert_eq!(list["items"][0]["textEdit"]["newText"], "22. Encourages ");

    // Inside a sentence: nothing.
    let inside = at(&text, "digital divide");
    assert_eq!(complete(&mut lsp, SEED, &text, inside)["items"], json!([]));
    lsp.shutdown_and_exit();
}

const FIXABLE: &str = "\
Information and communications technologies for development

The General Assembly,

Recalling its resolution 65/141 of 20 December 2010;

Recalling also its resolution 74/45 of 19 December 2019,

1. Welcomes the report of the Secretary-General;

2. Requests the Secretary-General:
   (a) To report to the Assembly;
   (b) To convene a meeting;
   (d) To inform the Council;

3. Sresses the need for cooperation;

5. Decides to include the item.
";

#[test]
fn each_quick_fix_applied_gives_the_corrected_text() {
    let mut lsp = started();
    lsp.open(DRAFT, 1, FIXABLE);
    let diags = lsp.diagnostics(DRAFT, 1);
    let mut out = String::new();
    for d in &diags {
        out.push_str(&render_diag(d));
        out.push('\n');
        let actions = result(lsp.request(
            "textDocument/codeAction",
            json!({"textDocument": text_doc(DRAFT), "range": d["range"],
                   "context": {"diagnostics": [d], "only": ["quickfix"]}}),
        ));
        for a in actions.as_array().unwrap() {
            assert_eq!(a["kind"], "quickfix");
            assert_eq!(a["diagnostics"][0]["code"], d["code"]);
            out.push_str(&format!("  fix: {}\n", a["title"].as_str().unwrap()));
            let after = apply(FIXABLE, &edits_of(&a["edit"], DRAFT));
            for (old, new) in FIXABLE.lines().zip(after.lines()).filter(|(o, n)| o != n) {
                out.push_str(&format!("  - {old}\n  + {new}\n"));
            }
        }
    }
    insta::assert_snapshot!(out);
    lsp.shutdown_and_exit();
}

/// A paragraph was inserted after OP 3 (two paragraphs now read 4), a
/// sub-paragraph marker skips `(c)`, and footnote references were moved.
const INSERTED: &str = "\
Information and communications technologies for development

The General Assembly,

Recalling its resolution 65/141 of 20 December 2010,[^2]

Noting the report of the Secretary-General,[^1]

1. Welcomes the report;

2. Requests the Secretary-General:
   (a) To report to the Assembly;
   (b) To convene a meeting;
   (d) To inform the Council;

3. Decides to continue its consideration of the question;

4. Invites Member States to contribute;[^4]

4. Encourages all stakeholders to participate;[^3]

5. Decides to include the item.

[^1]: A/66/64-E/2011/77.
[^2]: Resolution 65/141.
[^3]: A/66/67-E/2011/79.
[^4]: A/66/77-E/2011/103.
";

const RENUMBERED: &str = "\
Information and communications technologies for development

The General Assembly,

Recalling its resolution 65/141 of 20 December 2010,[^1]

Noting the report of the Secretary-General,[^2]

1. Welcomes the report;

2. Requests the Secretary-General:
   (a) To report to the Assembly;
   (b) To convene a meeting;
   (c) To inform the Council;

3. Decides to continue its consideration of the question;

4. Invites Member States to contribute;[^3]

5. Encourages all stakeholders to participate;[^4]

6. Decides to include the item.

[^2]: A/66/64-E/2011/77.
[^1]: Resolution 65/141.
[^4]: A/66/67-E/2011/79.
[^3]: A/66/77-E/2011/103.
";

#[test]
fn renumber_command_and_source_action_give_exactly_the_expected_text() {
    let mut lsp = started();
    lsp.open(DRAFT, 1, INSERTED);
    lsp.diagnostics(DRAFT, 1);
    // The command: the server asks the editor to apply the edit.
    let r = lsp.request(
        "workspace/executeCommand",
        json!({"command": "reso.renumber", "arguments": [DRAFT]}),
    );
    assert!(r.get("error").is_none(), "{r}");
    let apply_edit = lsp.wait_for("workspace/applyEdit", |m| {
        m["method"] == "workspace/applyEdit"
    });
    let edits = edits_of(&apply_edit["params"]["edit"], DRAFT);
    assert_eq!(apply(INSERTED, &edits), RENUMBERED);
    // The source action carries the same edit.
    let actions = result(lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": text_doc(DRAFT), "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": [], "only": ["source"]}}),
    ));
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["title"], "Renumber paragraphs and footnotes");
    assert_eq!(actions[0]["kind"], "source.renumber.reso");
    assert_eq!(
        apply(INSERTED, &edits_of(&actions[0]["edit"], DRAFT)),
        RENUMBERED
    );
    // A bad argument is an error, not a crash.
    let r = lsp.request(
        "workspace/executeCommand",
        json!({"command": "reso.renumber", "arguments": [42]}),
    );
    assert!(r.get("error").is_some(), "{r}");
    lsp.shutdown_and_exit();
}

fn locations(v: &Value) -> Vec<String> {
    let list = match v {
        Value::Array(a) => a.clone(),
        Value::Null => Vec::new(),
        one => vec![one.clone()],
    };
    list.iter()
        .map(|l| {
            let r = &l["range"];
            format!(
                "{}:{}-{}:{}",
                r["start"]["line"].as_u64().unwrap() + 1,
                r["start"]["character"].as_u64().unwrap() + 1,
                r["end"]["line"].as_u64().unwrap() + 1,
                r["end"]["character"].as_u64().unwrap() + 1
            )
        })
        .collect()
}

#[test]
fn footnote_definition_references_and_rename() {
    let seed = fixture("A-RES-66-184.txt");
    let mut lsp = started();
    lsp.open(SEED, 1, &seed);
    // `... held in Tunis from 16 to 18 November 2005,3 and`
    let reference = at(&seed, "2005,3") + 5;
    let params = json!({"textDocument": text_doc(SEED), "position": pos(&seed, reference)});
    let def = result(lsp.request("textDocument/definition", params.clone()));
    assert_eq!(locations(&def), ["27:1-27:2"]);
    assert_eq!(def["uri"], SEED);
    let mut with_decl = params.clone();
    with_decl["context"] = json!({"includeDeclaration": true});
    let refs = result(lsp.request("textDocument/references", with_decl));
    assert_eq!(locations(&refs), ["20:71-20:72", "27:1-27:2"]);
    let prepared = result(lsp.request("textDocument/prepareRename", params.clone()));
    assert_eq!(locations(&json!({"range": prepared})), ["20:71-20:72"]);
    let mut rename = params.clone();
    rename["newName"] = json!("12");
    let edit = result(lsp.request("textDocument/rename", rename));
    let renamed = apply(&seed, &edits_of(&edit, SEED));
    assert!(renamed.contains("16 to 18 November 2005,12 and"));
    assert!(renamed.contains("\n12 See A/60/687.\n"));
    // Renaming onto a number in use is refused with a message.
    let mut taken = params.clone();
    taken["newName"] = json!("4");
    let r = lsp.request("textDocument/rename", taken);
    assert_eq!(r["error"]["message"], "footnote 4 already exists");
    // Off a footnote: nothing.
    let off =
        json!({"textDocument": text_doc(SEED), "position": pos(&seed, at(&seed, "Recognizes"))});
    assert_eq!(
        result(lsp.request("textDocument/definition", off)),
        Value::Null
    );
    // Hover on the reference shows the footnote's text.
    let hover = result(lsp.request("textDocument/hover", params));
    assert_eq!(
        hover["contents"]["value"],
        "**Footnote 3**\n\nSee A/60/687."
    );
    lsp.shutdown_and_exit();
}

#[test]
fn document_symbols_and_inlay_hints_on_the_seed() {
    let seed = fixture("A-RES-66-184.txt");
    let mut lsp = started();
    lsp.open(SEED, 1, &seed);
    let symbols = result(lsp.request(
        "textDocument/documentSymbol",
        json!({"textDocument": text_doc(SEED)}),
    ));
    let symbols = symbols.as_array().unwrap();
    let names: Vec<&str> = symbols
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 1 + 30 + 21);
    assert_eq!(
        names[0],
        "Information and communications technologies for development"
    );
    assert_eq!(names[1], "PP 1");
    assert_eq!(symbols[1]["detail"], "Recalling");
    assert_eq!(names[30], "PP 30");
    assert_eq!(names[31], "OP 1");
    assert_eq!(symbols[35]["detail"], "Also stresses");
    assert_eq!(names[51], "OP 21");
    let hints = result(lsp.request(
        "textDocument/inlayHint",
        json!({"textDocument": text_doc(SEED), "range": {"start": {"line": 0, "character": 0}, "end": {"line": 400, "character": 0}}}),
    ));
    let hints = hints.as_array().unwrap();
    let labels: Vec<&str> = hints.iter().map(|h| h["label"].as_str().unwrap()).collect();
    let expected: Vec<String> = (1..=30).map(|n| format!("PP{n}")).collect();
    assert_eq!(labels, expected);
    assert_eq!(hints[0]["position"], json!({"line": 4, "character": 0}));
    assert_eq!(hints[29]["position"], json!({"line": 176, "character": 0}));
    // The other outline requests answer on the seed too.
    let folds = result(lsp.request(
        "textDocument/foldingRange",
        json!({"textDocument": text_doc(SEED)}),
    ));
    assert!(folds.as_array().unwrap().len() > 20);
    let tokens = result(lsp.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": text_doc(SEED)}),
    ));
    assert_eq!(tokens["data"].as_array().unwrap().len() % 5, 0);
    assert!(tokens["data"].as_array().unwrap().len() > 5 * 100);
    lsp.shutdown_and_exit();
}

#[test]
fn formatting_is_idempotent_and_changes_no_word_on_every_fixture() {
    let mut lsp = started();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut names: Vec<String> = Vec::new();
    for sub in ["", "ga80/"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().to_string();
            if name.ends_with(".txt") {
                names.push(format!("{sub}{name}"));
            }
        }
    }
    assert!(names.len() >= 10);
    for (i, name) in names.iter().enumerate() {
        let text = fixture(name);
        let uri = format!("file:///fixtures/{i}.reso");
        lsp.open(&uri, 1, &text);
        let format = |lsp: &mut Lsp| {
            result(lsp.request(
                "textDocument/formatting",
                json!({"textDocument": text_doc(&uri), "options": {"tabSize": 4, "insertSpaces": true}}),
            ))
        };
        let edits = format(&mut lsp);
        let once = apply(&text, edits.as_array().unwrap());
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&once), words(&text), "{name}: words changed");
        replace_all(&mut lsp, &uri, 2, &once);
        let again = format(&mut lsp);
        assert_eq!(
            again,
            json!([]),
            "{name}: formatting twice differs from once"
        );
        lsp.close(&uri);
    }
    lsp.shutdown_and_exit();
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| format!("{}:{}", d["code"].as_str().unwrap(), d["severity"]))
        .collect()
}

#[test]
fn severity_overrides_from_reso_toml_and_from_settings() {
    let dir = std::env::temp_dir().join(format!("reso-features-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("reso.toml"),
        "[diagnostics]\nopener-unknown = \"off\"\nnumbering = \"hint\"\n",
    )
    .unwrap();
    let root = format!("file://{}", dir.display());
    let uri = format!("{root}/draft.reso");

    let mut lsp = Lsp::binary(&[]);
    let r = lsp.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {}}),
    );
    assert!(r.get("result").is_some(), "{r}");
    lsp.notify("initialized", json!({}));
    lsp.open(&uri, 1, FIXABLE);
    let from_file = codes(&lsp.diagnostics(&uri, 1));
    assert!(
        !from_file.iter().any(|c| c.starts_with("opener-unknown")),
        "{from_file:?}"
    );
    assert!(
        from_file.contains(&"numbering:4".to_string()),
        "{from_file:?}"
    );
    assert!(
        from_file.contains(&"terminator:2".to_string()),
        "{from_file:?}"
    );

    // The editor's settings override the file's, code by code.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"reso": {"diagnostics": {"terminator": "off", "opener-unknown": "error"}}}}),
    );
    let from_settings = codes(&lsp.diagnostics(&uri, 1));
    assert!(
        !from_settings.iter().any(|c| c.starts_with("terminator")),
        "{from_settings:?}"
    );
    assert!(
        from_settings.contains(&"opener-unknown:1".to_string()),
        "{from_settings:?}"
    );
    assert!(
        from_settings.contains(&"numbering:4".to_string()),
        "{from_settings:?}"
    );
    lsp.shutdown_and_exit();

    // From initializationOptions alone, with no reso.toml.
    let mut lsp = Lsp::binary(&[]);
    lsp.initialize_with(json!({}), json!({"diagnostics": {"sub-numbering": "off"}}));
    lsp.open(DRAFT, 1, FIXABLE);
    let from_options = codes(&lsp.diagnostics(DRAFT, 1));
    assert!(
        !from_options.iter().any(|c| c.starts_with("sub-numbering")),
        "{from_options:?}"
    );
    assert!(
        from_options.contains(&"numbering:1".to_string()),
        "{from_options:?}"
    );
    lsp.shutdown_and_exit();
    let _ = std::fs::remove_dir_all(&dir);
}
