//! `reso check --format sarif`: a SARIF 2.1.0 log (OASIS) with one run, for
//! code scanning. The rules are the diagnostic codes, each with its summary
//! and its page (`help`), and a `helpUri` only when a docs base address is
//! given (`--docs-base`): the project has no public home to point at.
//! Columns count Unicode code points, as `reso check` does.

use serde_json::{json, Value};

use super::check::Reported;
use super::explain;
use crate::diagnostic::Code;

/// The schema the log follows (the address the schema gives itself).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

/// `<base>/<code>.md`, as the editors link each code.
pub fn help_uri(base: &str, code: Code) -> String {
    format!("{}/{}.md", base.trim_end_matches('/'), code.as_str())
}

/// A path as a URI reference: `/` between folders, and the characters a
/// URI does not allow percent-encoded. Absolute paths become `file:` URIs.
pub fn uri_of(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let mut out = String::new();
    if slashed.starts_with('/') {
        out.push_str("file://");
    } else if slashed.as_bytes().get(1) == Some(&b':') {
        out.push_str("file:///");
    }
    for b in slashed.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b);
        let drive = b == b':' && out.starts_with("file:///");
        if keep || drive {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The whole log.
pub fn log(reported: &[Reported], docs_base: Option<&str>) -> Value {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|&c| {
            let mut rule = json!({
                "id": c.as_str(),
                "name": c.as_str(),
                "shortDescription": { "text": explain::summary(c) },
                "help": {
                    "text": explain::page(c),
                    "markdown": explain::page(c),
                },
                "defaultConfiguration": {
                    "level": level(c.default_severity().as_str()),
                },
                "properties": {
                    "fixable": FIXABLE.contains(&c),
                },
            });
            if let Some(base) = docs_base {
                rule["helpUri"] = json!(help_uri(base, c));
            }
            rule
        })
        .collect();
    let results: Vec<Value> = reported
        .iter()
        .map(|r| {
            let code = Code::parse(r.code).unwrap_or(Code::Structure);
            let index = Code::ALL.iter().position(|&c| c == code).unwrap_or(0);
            json!({
                "ruleId": r.code,
                "ruleIndex": index,
                "level": level(r.severity),
                "message": { "text": r.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri_of(&r.path) },
                        "region": {
                            "startLine": r.line,
                            "startColumn": r.column,
                            "endLine": r.end_line,
                            "endColumn": r.end_column,
                            "byteOffset": r.start_byte,
                            "byteLength": r.end_byte - r.start_byte,
                        },
                    },
                }],
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "reso",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// The codes `reso check --fix` can fix (when the fix is clear).
pub const FIXABLE: [Code; 6] = [
    Code::Numbering,
    Code::SubNumbering,
    Code::FootnoteOrder,
    Code::OpenerUnknown,
    Code::Terminator,
    Code::CitationDate,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri_of("drafts/my draft.txt"), "drafts/my%20draft.txt");
        assert_eq!(uri_of("/tmp/a#b.reso"), "file:///tmp/a%23b.reso");
        assert_eq!(uri_of("C:\\d\\é.txt"), "file:///C:/d/%C3%A9.txt");
        assert_eq!(uri_of("-"), "-");
    }

    #[test]
    fn help_uri_only_with_a_base() {
        let log = log(&[], None);
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), Code::ALL.len());
        assert!(rules.iter().all(|r| r.get("helpUri").is_none()));
        assert_eq!(
            help_uri("file:///x/docs/diagnostics/", Code::Numbering),
            "file:///x/docs/diagnostics/numbering.md"
        );
    }
}
