//! End to end over stdio against the real `reso lsp` binary (issue 3):
//! hover on citations, document links to undocs.org, completion of
//! catalogue symbols, and the `citation-date` quick fix.

mod lsp_support;

use lsp_support::*;
use serde_json::{json, Value};

const SEED: &str = "file:///drafts/A-RES-66-184.reso";
const DRAFT: &str = "file:///drafts/sc.reso";

fn started() -> Lsp {
    let mut lsp = Lsp::binary(&[]);
    lsp.initialize();
    lsp
}

fn pos(text: &str, offset: usize) -> Value {
    let (line, character) = utf16_pos(text, offset);
    json!({"line": line, "character": character})
}

fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"))
}

fn result(r: Value) -> Value {
    assert!(r.get("error").is_none(), "{r}");
    r["result"].clone()
}

fn hover(lsp: &mut Lsp, uri: &str, text: &str, offset: usize) -> Value {
    result(lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": pos(text, offset)}),
    ))
}

#[test]
fn hover_on_citations_of_the_seed_and_of_a_security_council_draft() {
    let mut lsp = started();
    let seed = fixture("A-RES-66-184.txt");
    lsp.open(SEED, 1, &seed);
    lsp.diagnostics(SEED, 1);
    let h = hover(&mut lsp, SEED, &seed, at(&seed, "56/183") + 2);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("**A/RES/56/183**"), "{md}");
    assert!(md.contains("Adopted: 21 December 2001"), "{md}");
    assert!(
        md.contains("[https://undocs.org/A/RES/56/183](https://undocs.org/A/RES/56/183)"),
        "{md}"
    );
    assert_eq!(h["range"]["start"], pos(&seed, at(&seed, "56/183")));
    assert_eq!(h["range"]["end"], pos(&seed, at(&seed, "56/183") + 6));

    // OP 17: "its resolution 2011/16" is ECOSOC's.
    let op17 = at(&seed, "its resolution 2011/16") + "its resolution ".len();
    let md = hover(&mut lsp, SEED, &seed, op17 + 1)["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        md.starts_with("**E/RES/2011/16**\n\nEconomic and Social Council resolution, 2011"),
        "{md}"
    );

    let draft = "The Security Council,\n\nRecalling its resolution 1325 (2000) and resolution 66/288,\n\n1. Decides to remain seized of the matter.\n";
    lsp.open(DRAFT, 1, draft);
    lsp.diagnostics(DRAFT, 1);
    let md = hover(&mut lsp, DRAFT, draft, at(draft, "1325") + 1)["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(md.starts_with("**S/RES/1325(2000)**"), "{md}");
    assert!(md.contains("Adopted: 31 October 2000"), "{md}");
    assert!(
        md.contains("Subject (the Council's agenda item): Women and peace and security"),
        "{md}"
    );
    // Unknown to the catalogue: said so, with what the symbol is.
    let md = hover(&mut lsp, DRAFT, draft, at(draft, "66/288") + 1)["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        md.contains("**A/RES/66/288**\n\nGeneral Assembly resolution, 66th session"),
        "{md}"
    );
    assert!(md.contains("Not in the offline catalogue"), "{md}");
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

#[test]
fn document_links_to_undocs() {
    let mut lsp = started();
    let seed = fixture("A-RES-66-184.txt");
    lsp.open(SEED, 1, &seed);
    let links = result(lsp.request(
        "textDocument/documentLink",
        json!({"textDocument": {"uri": SEED}}),
    ));
    let links = links.as_array().unwrap();
    let targets: Vec<&str> = links
        .iter()
        .map(|l| l["target"].as_str().unwrap())
        .collect();
    assert_eq!(targets.len(), 26, "{targets:?}");
    assert_eq!(targets[0], "https://undocs.org/A/RES/56/183");
    assert!(targets.contains(&"https://undocs.org/A/RES/57/270B"));
    assert!(targets.contains(&"https://undocs.org/E/RES/2011/16"));
    assert!(targets.contains(&"https://undocs.org/A/66/64-E/2011/77"));
    assert_eq!(links[0]["range"]["start"], pos(&seed, at(&seed, "56/183")));
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

#[test]
fn completion_after_resolution_1325_and_the_date_quick_fix() {
    let mut lsp = started();
    let text = "The General Assembly,\n\nRecalling Security Council resolution 1325";
    lsp.open(DRAFT, 1, text);
    let list = result(lsp.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": DRAFT}, "position": pos(text, text.len())}),
    ));
    let items = list["items"].as_array().unwrap();
    assert_eq!(items[0]["label"], "1325 (2000)");
    assert_eq!(
        items[0]["detail"],
        "agenda item: Women and peace and security"
    );
    let edit = &items[0]["textEdit"];
    assert_eq!(edit["newText"], "1325 (2000) of 31 October 2000");
    assert_eq!(edit["range"]["start"], pos(text, at(text, "1325")));

    // A wrong date: the diagnostic and its fix.
    let text = "The General Assembly,\n\nRecalling Security Council resolution 1325 (2000) of 30 October 2000,\n\n1. Decides to remain seized of the matter.\n";
    lsp.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": DRAFT, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    let diags = lsp.diagnostics(DRAFT, 2);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "citation-date");
    assert_eq!(
        diags[0]["range"]["start"],
        pos(text, at(text, "30 October"))
    );
    let actions = result(lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": DRAFT}, "range": diags[0]["range"], "context": {"diagnostics": diags}}),
    ));
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Change the date to 31 October 2000")
        .unwrap_or_else(|| panic!("{actions}"));
    let edits = fix["edit"]["changes"][DRAFT].as_array().unwrap();
    assert_eq!(edits[0]["newText"], "31 October 2000");
    assert_eq!(lsp.shutdown_and_exit(), 0);
}
