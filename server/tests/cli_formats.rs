//! Output for CI (issue 20 item 3): `--format github` workflow commands,
//! `--format sarif` validated against the official SARIF 2.1.0 schema
//! (tests/data/sarif-schema-2.1.0.json, from the OASIS TC's repository), and
//! `reso explain` with the pages of docs/diagnostics (issue 19 item 4).

mod cli_support;

use cli_support::{err, out, read, reso, write, SEED};
use reso::diagnostic::Code;
use serde_json::Value;

#[test]
fn github_annotations_on_the_seed() {
    let o = reso(
        &["check", "--format", "github", "A-RES-66-184.txt"],
        Some(std::path::Path::new(SEED).parent().unwrap()),
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let text = out(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"::warning file=A-RES-66-184.txt,line=207,col=5,endLine=207,endColumn=11,title=reso [opener-unknown]::`Sresses` is not a known operative opener; did you mean `Stresses`?"), "{text}");
    assert!(lines.contains(&"::error file=A-RES-66-184.txt,line=316,col=14,endLine=316,endColumn=15,title=reso [footnote-undefined]::footnote 21 is referenced but never defined"), "{text}");
    assert_eq!(lines.iter().filter(|l| l.starts_with("::")).count(), 9);
    assert_eq!(
        *lines.last().unwrap(),
        "1 file checked: 1 error, 8 warnings"
    );
}

#[test]
fn github_properties_and_messages_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a,b:c%.txt",
        "The General Assembly,\n\n1. Decides to act;\n\n3. Requests a report.\n",
    );
    let o = reso(
        &["check", "--format", "github", "a,b:c%.txt"],
        Some(dir.path()),
        None,
    );
    assert_eq!(
        out(&o).lines().next().unwrap(),
        "::error file=a%2Cb%3Ac%25.txt,line=5,col=1,endLine=5,endColumn=2,title=reso [numbering]::operative paragraph numbered 3: expected 2"
    );
}

fn sarif_of(args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let dir = std::path::Path::new(SEED).parent().unwrap();
    let o = reso(&all, Some(dir), None);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn validate(log: &Value) {
    let schema: Value = serde_json::from_str(&read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sarif-schema-2.1.0.json"
    )))
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
}

#[test]
fn sarif_is_valid_and_says_what_json_says() {
    let log = sarif_of(&["A-RES-66-184.txt"]);
    validate(&log);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(ids, codes);
    // No docs base known: no helpUri anywhere.
    assert!(rules.iter().all(|r| r.get("helpUri").is_none()));
    assert_eq!(
        rules[7]["shortDescription"]["text"],
        "A paragraph starts with a likely mistake for an opener of its kind, such as `Sresses` for `Stresses`."
    );

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 9);
    let r = results
        .iter()
        .find(|r| r["ruleId"] == "opener-unknown")
        .unwrap();
    assert_eq!(r["level"], "warning");
    assert_eq!(
        rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "opener-unknown"
    );
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "A-RES-66-184.txt");
    let region = &loc["region"];
    assert_eq!(
        (
            region["startLine"].as_u64(),
            region["startColumn"].as_u64(),
            region["endLine"].as_u64(),
            region["endColumn"].as_u64()
        ),
        (Some(207), Some(5), Some(207), Some(12))
    );
    let seed = read(SEED);
    let at = region["byteOffset"].as_u64().unwrap() as usize;
    let len = region["byteLength"].as_u64().unwrap() as usize;
    assert_eq!(&seed[at..at + len], "Sresses");
    let undefined = results
        .iter()
        .find(|r| r["ruleId"] == "footnote-undefined")
        .unwrap();
    assert_eq!(undefined["level"], "error");
}

#[test]
fn sarif_rules_link_their_pages_when_a_docs_base_is_given() {
    let log = sarif_of(&[
        "--docs-base",
        "file:///opt/reso/docs/diagnostics/",
        "A-RES-66-184.txt",
    ]);
    validate(&log);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(
        rules[0]["helpUri"],
        "file:///opt/reso/docs/diagnostics/numbering.md"
    );
    assert!(rules.iter().all(|r| r["helpUri"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/{}.md", r["id"].as_str().unwrap()))));
}

#[test]
fn sarif_without_results_is_valid_too() {
    let o = reso(
        &["check", "--format", "sarif", "-"],
        None,
        Some(b"The General Assembly,\n\n1. Decides to act.\n"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let log: Value = serde_json::from_slice(&o.stdout).unwrap();
    validate(&log);
    assert_eq!(log["runs"][0]["results"], Value::Array(vec![]));
}

fn docs_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/diagnostics")
}

#[test]
fn every_code_has_a_page_and_explain_prints_it() {
    let index = read(docs_dir().join("README.md"));
    for code in Code::ALL {
        let page = read(docs_dir().join(format!("{code}.md")));
        assert!(page.starts_with(&format!("# `{code}`\n")), "{code}");
        for section in [
            "## What it means",
            "## Example",
            "## How to fix it",
            "## How to turn it off",
        ] {
            assert!(page.contains(section), "{code}: {section}");
        }
        assert!(page.contains(&format!("{code} = \"off\"")), "{code}");
        assert!(
            page.contains(&format!("`reso.diagnostics.{code}`")),
            "{code}"
        );
        assert!(
            index.contains(&format!("[`{code}`]({code}.md)")),
            "{code} in the index"
        );
        let o = reso(&["explain", code.as_str()], None, None);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(out(&o), page, "{code}");
    }
    // As `reso check` prints it, in brackets.
    let o = reso(&["explain", "[numbering]"], None, None);
    assert_eq!(out(&o), read(docs_dir().join("numbering.md")));
    // Nothing else in the folder.
    let pages = std::fs::read_dir(docs_dir()).unwrap().count();
    assert_eq!(pages, Code::ALL.len() + 1);
}

#[test]
fn explain_an_unknown_code_lists_the_codes() {
    let o = reso(&["explain", "numberign"], None, None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(out(&o), "");
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        err(&o),
        format!(
            "reso: `numberign` is not a diagnostic code; the codes are: {}\n",
            codes.join(", ")
        )
    );
    let o = reso(&["explain"], None, None);
    assert_eq!(o.status.code(), Some(0));
    let list = out(&o);
    assert_eq!(
        list.lines()
            .filter(|l| Code::ALL.iter().any(|c| l.starts_with(c.as_str())))
            .count(),
        Code::ALL.len()
    );
    assert!(
        list.contains(
            "terminator             A paragraph does not end with the punctuation its kind takes"
        ),
        "{list}"
    );
}

/// The text of the first two ```text blocks of a page: before and after.
fn examples(page: &str) -> (String, String) {
    let blocks: Vec<String> = page
        .split("```text\n")
        .skip(1)
        .map(|b| b[..b.find("```").unwrap()].to_string())
        .collect();
    (blocks[0].clone(), blocks[1].clone())
}

fn codes_of(text: &str) -> Vec<String> {
    // A fragment gets the chapeau it needs.
    let text = if text.contains("The General Assembly,")
        || text.starts_with("Recalling its resolution 65/141,\n")
    {
        text.to_string()
    } else {
        format!("The General Assembly,\n\n{text}")
    };
    let o = reso(
        &["check", "--format", "json", "-"],
        None,
        Some(text.as_bytes()),
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// Each page's "before" shows its diagnostic and its "after" does not, as
/// reso itself reads them.
#[test]
fn page_examples_are_what_reso_reports() {
    for code in Code::ALL {
        let page = read(docs_dir().join(format!("{code}.md")));
        let (before, after) = examples(&page);
        let name = code.as_str().to_string();
        let b = codes_of(&before);
        assert!(b.contains(&name), "{code}: before gives {b:?}");
        let a = codes_of(&after);
        assert!(!a.contains(&name), "{code}: after gives {a:?}");
    }
}
