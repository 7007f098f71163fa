//! Text consistency under load (issue 7, item 3): thousands of random
//! incremental edits sent in bursts without waiting, compared by hash with
//! the client's own copy through `reso/documentState`; and 200 documents
//! opened at once and closed.

mod lsp_support;

use lsp_support::*;
use reso::lsp::Options;
use serde_json::{json, Value};

/// A small deterministic generator (xorshift64*), so failures replay.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SNIPPETS: &[&str] = &[
    "",
    "a",
    "Recalling ",
    "\n",
    "\r\n",
    "\n\n12. Decides to act;\n",
    "😀",
    "决议",
    "e\u{301}",
    ", ",
    "[^3]",
    "\r\n\r\nNoting with concern,",
    "\u{c}",
    " ",
];

/// A random char boundary of `text` that is not between a `\r` and a `\n`
/// (no editor position can name that place).
fn boundary(rng: &mut Rng, text: &str) -> usize {
    loop {
        let mut at = rng.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let b = text.as_bytes();
        if at > 0 && at < b.len() && b[at - 1] == b'\r' && b[at] == b'\n' {
            continue;
        }
        return at;
    }
}

/// One random change on `text`: applies it and returns its LSP form.
fn random_change(rng: &mut Rng, text: &mut String) -> Value {
    let start = boundary(rng, text);
    let mut end = start;
    for _ in 0..rng.below(4) * rng.below(12) {
        match text[end..].chars().next() {
            Some(c) => end += c.len_utf8(),
            None => break,
        }
    }
    let b = text.as_bytes();
    if end > 0 && end < b.len() && b[end - 1] == b'\r' && b[end] == b'\n' {
        end += 1;
    }
    let insert = SNIPPETS[rng.below(SNIPPETS.len())];
    let (sl, sc) = utf16_pos(text, start);
    let (el, ec) = utf16_pos(text, end);
    text.replace_range(start..end, insert);
    json!({
        "range": {"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}},
        "text": insert,
    })
}

#[test]
fn five_thousand_random_edits_in_bursts_keep_the_text_in_sync() {
    let mut lsp = Lsp::in_process(Options::default());
    lsp.initialize();
    let uri = "file:///stress.reso";
    // The seed with CRLF line ends, so edits meet both kinds.
    let seed = fixture("A-RES-66-184.txt");
    let mut text = seed.replacen("\n", "\r\n", 200);
    let mut version = 1;
    lsp.open(uri, version, &text);
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut edits = 0;
    while edits < 5000 {
        // A burst: up to 80 notifications, some with several changes.
        for _ in 0..1 + rng.below(80) {
            let n = if rng.below(4) == 0 {
                2 + rng.below(3)
            } else {
                1
            };
            let changes: Vec<Value> = (0..n).map(|_| random_change(&mut rng, &mut text)).collect();
            edits += n;
            version += 1;
            lsp.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
            );
        }
        let state = lsp.document_state(uri);
        assert_eq!(state["version"], version);
        assert_eq!(
            state["hash"],
            fnv(&text),
            "after {edits} edits, version {version}"
        );
        assert_eq!(state["length"], text.len());
    }
    // The analysis of the last version equals a fresh analysis of its text.
    let last = lsp.diagnostics(uri, version);
    let fresh_uri = "file:///fresh.reso";
    lsp.open(fresh_uri, 1, &text);
    let fresh = lsp.diagnostics(fresh_uri, 1);
    assert_eq!(last, fresh);
    assert_eq!(lsp.shutdown_and_exit(), 0);
}

#[test]
fn two_hundred_documents_opened_at_once_and_closed() {
    let mut lsp = Lsp::in_process(Options::default());
    lsp.initialize();
    let uris: Vec<String> = (0..200)
        .map(|i| format!("file:///many/draft-{i}.reso"))
        .collect();
    for (i, uri) in uris.iter().enumerate() {
        // Each draft skips one paragraph number: numbered 1, 2, then i+3.
        let text = format!(
            "The General Assembly,\n\nRecalling its resolution 65/141,\n\n1. Decides to act;\n\n2. Requests a report;\n\n{}. Decides to remain seized of the matter.\n",
            i + 4
        );
        lsp.open(uri, 1, &text);
    }
    for (i, uri) in uris.iter().enumerate() {
        let d = lsp.diagnostics(uri, 1);
        let numbering: Vec<&Value> = d.iter().filter(|d| d["code"] == "numbering").collect();
        assert_eq!(numbering.len(), 1, "{uri}: {d:?}");
        let msg = numbering[0]["message"].as_str().unwrap();
        assert!(msg.contains(&format!("numbered {}", i + 4)), "{msg}");
    }
    for uri in &uris {
        lsp.close(uri);
    }
    for uri in &uris {
        let cleared = lsp.cleared(uri);
        assert_eq!(cleared["params"]["diagnostics"], json!([]));
    }
    let r = lsp.request(
        "reso/documentState",
        json!({"textDocument": {"uri": uris[7]}}),
    );
    assert_eq!(r["error"]["code"], -32602, "{r}");
    lsp.open(&uris[7], 1, "The General Assembly,\n\n1. Decides.\n");
    lsp.diagnostics(&uris[7], 1);
    lsp.assert_serving(&uris[7]);
}

/// The server re-uses the previous publish's serialised diagnostics where
/// nothing changed: after every single edit (waiting for its publish), the
/// published diagnostics equal those of the same text opened afresh.
#[test]
fn every_publish_after_an_edit_equals_a_fresh_open() {
    let mut lsp = Lsp::in_process(Options::default());
    lsp.initialize();
    let uri = "file:///typed.reso";
    let mut text = fixture("A-RES-66-184.txt");
    lsp.open(uri, 1, &text);
    lsp.diagnostics(uri, 1);
    let mut rng = Rng(0x5eed_0000_0000_0042);
    for version in 2..60 {
        let change = random_change(&mut rng, &mut text);
        lsp.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        );
        let typed = lsp.diagnostics(uri, version);
        let fresh_uri = format!("file:///fresh-{version}.reso");
        lsp.open(&fresh_uri, 1, &text);
        let fresh = lsp.diagnostics(&fresh_uri, 1);
        lsp.close(&fresh_uri);
        let fresh = serde_json::to_string(&fresh)
            .unwrap()
            .replace(&fresh_uri, uri);
        assert_eq!(
            serde_json::to_string(&typed).unwrap(),
            fresh,
            "version {version}"
        );
    }
    assert_eq!(lsp.shutdown_and_exit(), 0);
}
