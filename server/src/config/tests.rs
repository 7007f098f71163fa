//! The settings from TOML and from the editor's JSON: what applies, and
//! the message of each bad value.

use super::*;
use serde_json::json;

fn messages(p: &Parsed) -> Vec<String> {
    p.errors.iter().map(|e| e.to_string()).collect()
}

#[test]
fn toml_with_every_key() {
    let text = r#"
organ = "Security Council"

[catalog]
paths = ["extra/ga66.tsv", "/abs/ecosoc.tsv"]

[diagnostics]
citation-order = "off"
footnote-order = "error"
opener-unknown = "information"

[footnotes]
repeat = "allow"
"#;
    let p = Settings::from_toml(text, Path::new("/drafts/reso.toml"));
    assert_eq!(p.errors, vec![]);
    let c = p.settings.to_config();
    assert_eq!(c.organ.as_deref(), Some("Security Council"));
    assert_eq!(
        c.catalog_paths,
        vec![
            PathBuf::from("/drafts/extra/ga66.tsv"),
            PathBuf::from("/abs/ecosoc.tsv")
        ]
    );
    assert_eq!(c.severity(Code::CitationOrder), None);
    assert_eq!(c.severity(Code::FootnoteOrder), Some(Severity::Error));
    assert_eq!(c.severity(Code::OpenerUnknown), Some(Severity::Information));
    assert_eq!(c.severity(Code::Numbering), Some(Severity::Error));
    assert_eq!(c.footnotes_repeat, FootnoteRepeat::Allow);
}

#[test]
fn bad_values_are_reported_and_the_rest_applies() {
    let text = r#"
organ = 5
colour = "blue"
[diagnostics]
numbering = "loud"
terminator = "hint"
opener-unknwn = "off"
[footnotes]
repeat = "sometimes"
"#;
    let p = Settings::from_toml(text, Path::new("reso.toml"));
    assert_eq!(
            messages(&p),
            vec![
                "reso.toml: `colour`: unknown setting (known: catalog.paths, diagnostics.<code>, organ, footnotes.repeat, docs.base)".to_string(),
                "reso.toml: `diagnostics.numbering`: expected error, warning, information, hint or off, found `loud`".to_string(),
                format!("reso.toml: `diagnostics.opener-unknwn`: unknown diagnostic code (known: {})", code_list()),
                "reso.toml: `footnotes.repeat`: expected forbid or allow, found \"sometimes\"".to_string(),
                "reso.toml: `organ`: expected the organ's name, such as \"General Assembly\", found `5`".to_string(),
            ]
        );
    let c = p.settings.to_config();
    assert_eq!(c.severity(Code::Terminator), Some(Severity::Hint));
    assert_eq!(c.severity(Code::Numbering), Some(Severity::Error));
    assert_eq!(c.footnotes_repeat, FootnoteRepeat::Forbid);
}

#[test]
fn toml_syntax_error_is_one_clear_error() {
    let p = Settings::from_toml("[diagnostics\nnumbering = 'off'", Path::new("a/reso.toml"));
    assert_eq!(p.errors.len(), 1);
    assert!(
        p.errors[0]
            .to_string()
            .starts_with("a/reso.toml: not valid TOML"),
        "{:?}",
        p.errors
    );
    assert_eq!(p.settings, Settings::default());
}

#[test]
fn editor_json_accepts_both_shapes_and_dotted_keys() {
    let inner =
        json!({"diagnostics": {"numbering": "warning"}, "organ": "The Human Rights Council,"});
    let a = Settings::from_editor_json(&inner, None);
    let b = Settings::from_editor_json(&json!({ "reso": inner.clone() }), None);
    let c = Settings::from_editor_json(
        &json!({"diagnostics.numbering": "warning", "organ": "Human Rights Council"}),
        None,
    );
    assert_eq!(a.errors, vec![]);
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(a.settings.organ.as_deref(), Some("Human Rights Council"));
    assert_eq!(
        a.settings.severities.get(&Code::Numbering),
        Some(&Some(Severity::Warning))
    );
}

#[test]
fn editor_json_ignores_client_side_keys_but_not_typos_in_tables() {
    let v = json!({"reso": {
        "server": {"path": "/usr/bin/reso"},
        "trace": {"server": "verbose"},
        "catalog": {"path": ["x.tsv"]},
        "footnotes": "allow"
    }});
    let p = Settings::from_editor_json(&v, Some(Path::new("/ws")));
    assert_eq!(
        messages(&p),
        vec![
            "editor settings: `catalog.path`: unknown setting".to_string(),
            "editor settings: `footnotes`: expected a table, found \"allow\"".to_string(),
        ]
    );
    assert_eq!(
        Settings::from_editor_json(&Value::Null, None),
        Parsed::default()
    );
    assert_eq!(
        Settings::from_editor_json(&json!({"reso": null}), None),
        Parsed::default()
    );
    let bad = Settings::from_editor_json(&json!([1, 2]), None);
    assert_eq!(
        messages(&bad),
        vec!["editor settings: expected a table of settings, found a list"]
    );
}

#[test]
fn editor_paths_are_relative_to_the_workspace() {
    let v = json!({"catalog": {"paths": ["cat/a.tsv"]}});
    let p = Settings::from_editor_json(&v, Some(Path::new("/ws")));
    assert_eq!(
        p.settings.catalog_paths,
        Some(vec![PathBuf::from("/ws/cat/a.tsv")])
    );
    let bad = Settings::from_editor_json(&json!({"catalog": {"paths": "a.tsv"}}), None);
    assert_eq!(
        messages(&bad),
        vec!["editor settings: `catalog.paths`: expected a list of file paths, found \"a.tsv\""]
    );
}

#[test]
fn layers_apply_in_order() {
    let file = Settings::from_toml(
        "organ = \"General Assembly\"\n[diagnostics]\nterminator = \"off\"\nnumbering = \"hint\"\n",
        Path::new("reso.toml"),
    );
    let editor = Settings::from_editor_json(&json!({"diagnostics": {"terminator": "error"}}), None);
    let mut c = Config::default();
    file.settings.apply_to(&mut c);
    editor.settings.apply_to(&mut c);
    assert_eq!(c.severity(Code::Terminator), Some(Severity::Error));
    assert_eq!(c.severity(Code::Numbering), Some(Severity::Hint));
    assert_eq!(c.organ.as_deref(), Some("General Assembly"));
}

#[test]
fn config_file_is_found_from_the_folder_upward() {
    let root = std::env::temp_dir().join(format!("reso-config-test-{}", std::process::id()));
    let deep = root.join("a/b/c");
    std::fs::create_dir_all(&deep).unwrap();
    assert_eq!(
        find_config_file(&deep).filter(|p| p.starts_with(&root)),
        None
    );
    std::fs::write(root.join("a/reso.toml"), "").unwrap();
    assert_eq!(find_config_file(&deep), Some(root.join("a/reso.toml")));
    std::fs::write(root.join("a/b/c/reso.toml"), "").unwrap();
    assert_eq!(find_config_file(&deep), Some(root.join("a/b/c/reso.toml")));
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn docs_base_from_toml_and_editor() {
    let t = Settings::from_toml(
        "[docs]\nbase = \"file:///opt/reso/docs/diagnostics/\"\n",
        Path::new("reso.toml"),
    );
    assert_eq!(t.errors, vec![]);
    assert_eq!(
        t.settings.to_config().docs_base.as_deref(),
        Some("file:///opt/reso/docs/diagnostics")
    );
    let e = Settings::from_editor_json(&json!({"docs": {"base": "file:///x/diagnostics"}}), None);
    assert_eq!(e.errors, vec![]);
    assert_eq!(
        e.settings.docs_base.as_deref(),
        Some("file:///x/diagnostics")
    );
    let dotted = Settings::from_editor_json(&json!({"docs.base": "file:///y"}), None);
    assert_eq!(dotted.settings.docs_base.as_deref(), Some("file:///y"));
    assert_eq!(Settings::default().to_config().docs_base, None);
}

#[test]
fn a_bad_docs_base_is_a_setting_error() {
    for bad in [
        json!(5),
        json!(""),
        json!("docs/diagnostics"),
        json!("file: x"),
        json!(["file:///x"]),
    ] {
        let p = Settings::from_editor_json(&json!({"docs": {"base": bad}}), None);
        assert_eq!(p.settings.docs_base, None, "{bad}");
        assert_eq!(p.errors.len(), 1, "{bad}");
        assert_eq!(p.errors[0].key, "docs.base");
        assert!(
            p.errors[0]
                .message
                .starts_with("expected the address of the folder of diagnostic pages"),
            "{}",
            p.errors[0]
        );
    }
    let p = Settings::from_toml("[docs]\nroot = \"file:///x\"\n", Path::new("reso.toml"));
    assert_eq!(
        p.errors[0].to_string(),
        "reso.toml: `docs.root`: unknown setting"
    );
}
