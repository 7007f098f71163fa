//! A document's own diagnostics as the client receives them, serialised once
//! per snapshot, and the `publishDiagnostics` notification built from them.
//!
//! A long draft carries thousands of diagnostics and a keystroke changes a
//! few: each diagnostic's JSON is kept with the snapshot, and the next
//! snapshot re-uses the JSON of every diagnostic that the analysis says is an
//! old one (same code, severity and messages) and that has the same client
//! positions, so a keystroke serialises only what changed. The notification is written as text and
//! sent straight to the transport, not through `serde_json::Value`.

use std::sync::Arc;

use tower_lsp::lsp_types::{self as lsp, Url};

use super::to_proto::{self, Positions};
use crate::diagnostic::Diagnostic;

/// One diagnostic: where it starts and ends for the client, where its
/// related locations are, and its JSON.
#[derive(Debug)]
struct Item {
    start: lsp::Position,
    end: lsp::Position,
    related: Box<[lsp::Range]>,
    json: Arc<str>,
}

/// The own diagnostics of one snapshot (those its analysis found), in the
/// analysis's order.
#[derive(Debug, Default)]
pub struct OwnDiagnostics {
    items: Vec<Item>,
}

fn key(p: lsp::Position) -> (u32, u32) {
    (p.line, p.character)
}

impl OwnDiagnostics {
    /// The diagnostics of `diagnostics` (an analysis's own: their related
    /// locations are in the same document). `prev` is the previous
    /// snapshot's: what was made of its diagnostics, and the byte offset
    /// before which the text did not change (the edit's start); `was(i)` is
    /// the index in that list of the diagnostic at `i` when it says the same
    /// (same code, severity and messages), as the analysis tells.
    pub fn build(
        here: &Positions,
        diagnostics: &[Diagnostic],
        docs_base: Option<&str>,
        was: impl Fn(usize) -> Option<usize>,
        prev: Option<(&OwnDiagnostics, usize)>,
    ) -> OwnDiagnostics {
        let mut items = Vec::with_capacity(diagnostics.len());
        let (old_items, unchanged) = match prev {
            Some((o, before)) => (&o.items[..], before),
            None => (&[][..], 0),
        };
        // A diagnostic the old one before the edit: its positions did not
        // change either, its item is taken as it is.
        let before_edit = |d: &Diagnostic| {
            d.range.end < unchanged && d.related.iter().all(|r| r.range.end < unchanged)
        };
        let mut line = 0;
        for (i, d) in diagnostics.iter().enumerate() {
            let old = was(i).and_then(|k| old_items.get(k));
            if let Some(o) = old.filter(|_| before_edit(d)) {
                items.push(Item {
                    start: o.start,
                    end: o.end,
                    related: o.related.clone(),
                    json: o.json.clone(),
                });
                continue;
            }
            let range = here.range_from(&mut line, d.range.clone());
            let related: Box<[lsp::Range]> = if d.related.is_empty() {
                Box::default()
            } else {
                d.related
                    .iter()
                    .map(|r| here.range(r.range.clone()))
                    .collect()
            };
            let json = match old {
                Some(o) if o.start == range.start && o.end == range.end && o.related == related => {
                    o.json.clone()
                }
                _ => {
                    let converted = to_proto::diagnostic(here, d, docs_base, &mut |_| None);
                    serde_json::to_string(&converted)
                        .unwrap_or_else(|_| "{}".to_string())
                        .into()
                }
            };
            items.push(Item {
                start: range.start,
                end: range.end,
                related,
                json,
            });
        }
        OwnDiagnostics { items }
    }

    /// The body of `textDocument/publishDiagnostics` for `uri`: these
    /// diagnostics with `cross` (sorted by position) merged in by start, the
    /// own ones first among equal starts.
    pub fn notification(
        &self,
        uri: &Url,
        cross: &[lsp::Diagnostic],
        version: Option<i32>,
    ) -> Vec<u8> {
        let own_len: usize = self.items.iter().map(|i| i.json.len() + 1).sum();
        let mut out = Vec::with_capacity(own_len + 200 + 400 * cross.len());
        out.extend_from_slice(
            br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
        );
        // A URL serialises as a JSON string; writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut out, uri.as_str());
        out.extend_from_slice(br#","diagnostics":["#);
        let mut first = true;
        let mut push = |out: &mut Vec<u8>, json: &[u8]| {
            if !first {
                out.push(b',');
            }
            first = false;
            out.extend_from_slice(json);
        };
        let mut c = 0;
        for item in &self.items {
            while c < cross.len() && key(cross[c].range.start) < key(item.start) {
                let json = serde_json::to_vec(&cross[c]).unwrap_or_default();
                push(&mut out, &json);
                c += 1;
            }
            push(&mut out, item.json.as_bytes());
        }
        for d in &cross[c..] {
            let json = serde_json::to_vec(d).unwrap_or_default();
            push(&mut out, &json);
        }
        out.push(b']');
        if let Some(v) = version {
            out.extend_from_slice(format!(r#","version":{v}"#).as_bytes());
        }
        out.extend_from_slice(b"}}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Related};
    use crate::text::{Encoding, LineIndex};

    fn positions(text: &str) -> Positions {
        Positions {
            uri: Url::parse("file:///d.reso").unwrap(),
            index: Arc::new(LineIndex::new(text)),
            encoding: Encoding::Utf16,
        }
    }

    fn body(own: &OwnDiagnostics, cross: &[lsp::Diagnostic]) -> serde_json::Value {
        let uri = Url::parse("file:///d.reso").unwrap();
        serde_json::from_slice(&own.notification(&uri, cross, Some(7))).unwrap()
    }

    /// The notification equals what the typed conversion would send, and a
    /// rebuilt set after an edit equals one built afresh.
    #[test]
    fn reused_json_equals_a_fresh_conversion() {
        let text = "1. Sresses the point;\n2. Notes é 😀 it;\n3. Decides";
        let here = positions(text);
        let d1 = Diagnostic::new(Code::OpenerUnknown, 3..10, "unknown opener `Sresses`");
        let d2 =
            Diagnostic::new(Code::Terminator, 47..54, "ends without `;`").with_related(Related {
                document: None,
                range: 22..24,
                message: "this paragraph".into(),
            });
        let first = OwnDiagnostics::build(&here, &[d1.clone(), d2.clone()], None, |_| None, None);
        let v = body(&first, &[]);
        assert_eq!(v["method"], "textDocument/publishDiagnostics");
        assert_eq!(v["params"]["version"], 7);
        let expected: Vec<serde_json::Value> = [&d1, &d2]
            .iter()
            .map(|d| {
                serde_json::to_value(to_proto::diagnostic(&here, d, None, &mut |_| None)).unwrap()
            })
            .collect();
        assert_eq!(
            v["params"]["diagnostics"],
            serde_json::Value::Array(expected)
        );

        // Type one character on the first line: d1's end moves, d2 keeps
        // its positions on its line (same JSON object re-used).
        let text2 = "1. Sressses the point;\n2. Notes é 😀 it;\n3. Decides";
        let here2 = positions(text2);
        let mut e1 = d1.clone();
        e1.range.end += 1;
        let mut e2 = d2.clone();
        e2.range = 48..55;
        e2.related[0].range = 23..25;
        let second = OwnDiagnostics::build(
            &here2,
            &[e1.clone(), e2.clone()],
            None,
            Some,
            Some((&first, 0)),
        );
        assert!(!Arc::ptr_eq(&second.items[0].json, &first.items[0].json));
        assert!(Arc::ptr_eq(&second.items[1].json, &first.items[1].json));
        let fresh = OwnDiagnostics::build(&here2, &[e1, e2], None, |_| None, None);
        assert_eq!(body(&second, &[]), body(&fresh, &[]));
    }

    /// After an edit, the diagnostics before it are taken over whole and
    /// the rest converted or matched as usual: the same as a fresh build.
    #[test]
    fn diagnostics_before_the_edit_are_taken_over() {
        let text = "1. Sresses the point;\n2. Notes it;\n3. Decides";
        let here = positions(text);
        let d1 = Diagnostic::new(Code::OpenerUnknown, 3..10, "unknown opener `Sresses`");
        let d2 = Diagnostic::new(Code::Terminator, 43..44, "ends without `.`");
        let first = OwnDiagnostics::build(&here, &[d1.clone(), d2.clone()], None, |_| None, None);
        // A line inserted after the first: d2 moves down a line.
        let text2 = "1. Sresses the point;\nAlso\n2. Notes it;\n3. Decides";
        let here2 = positions(text2);
        let mut e2 = d2.clone();
        e2.range = 48..49;
        let second = OwnDiagnostics::build(
            &here2,
            &[d1.clone(), e2.clone()],
            None,
            Some,
            Some((&first, 22)),
        );
        assert!(Arc::ptr_eq(&second.items[0].json, &first.items[0].json));
        assert!(!Arc::ptr_eq(&second.items[1].json, &first.items[1].json));
        let fresh = OwnDiagnostics::build(&here2, &[d1.clone(), e2.clone()], None, |_| None, None);
        assert_eq!(body(&second, &[]), body(&fresh, &[]));
        // An edit before it: nothing is taken over whole.
        let third = OwnDiagnostics::build(&here2, &[d1, e2], None, Some, Some((&first, 2)));
        assert_eq!(body(&third, &[]), body(&fresh, &[]));
    }

    /// A diagnostic the analysis does not name as an old one is serialised
    /// again, even at the old one's place.
    #[test]
    fn a_new_diagnostic_is_serialised_again() {
        let text = "a\nb\nc";
        let here = positions(text);
        let d = Diagnostic::new(Code::Numbering, 2..3, "expected 2");
        let first = OwnDiagnostics::build(&here, std::slice::from_ref(&d), None, |_| None, None);
        let mut e = d.clone();
        e.message = "expected 3".into();
        let second = OwnDiagnostics::build(
            &here,
            std::slice::from_ref(&e),
            None,
            |_| None,
            Some((&first, 0)),
        );
        assert!(!Arc::ptr_eq(&second.items[0].json, &first.items[0].json));
        assert_eq!(
            body(&second, &[])["params"]["diagnostics"][0]["message"],
            "expected 3"
        );
    }

    #[test]
    fn cross_document_diagnostics_are_merged_by_position() {
        let text = "a\nb\nc";
        let here = positions(text);
        let own = OwnDiagnostics::build(
            &here,
            &[
                Diagnostic::new(Code::Numbering, 0..1, "first"),
                Diagnostic::new(Code::Numbering, 4..5, "third"),
            ],
            None,
            |_| None,
            None,
        );
        let cross = lsp::Diagnostic {
            range: here.range(2..3),
            message: "second".into(),
            ..Default::default()
        };
        let v = body(&own, &[cross]);
        let messages: Vec<&str> = v["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["message"].as_str().unwrap())
            .collect();
        assert_eq!(messages, ["first", "second", "third"]);
        let uri = Url::parse("file:///d.reso").unwrap();
        let none: serde_json::Value =
            serde_json::from_slice(&OwnDiagnostics::default().notification(&uri, &[], None))
                .unwrap();
        assert_eq!(none["params"]["diagnostics"], serde_json::json!([]));
        assert!(none["params"].get("version").is_none());
    }
}
