//! The core (parsing, checks, citations, catalogue, features, analysis,
//! config, text) knows no LSP type: only `server/src/lsp/` speaks the
//! protocol, so the CLI and the server share the core and it is tested
//! without a client.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn only_the_lsp_layer_imports_lsp_types() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "found only {} files", files.len());
    let mut offenders = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("lsp/") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        if text.contains("tower_lsp") || text.contains("lsp_types") {
            offenders.push(rel);
        }
    }
    assert!(
        offenders.is_empty(),
        "LSP types outside server/src/lsp/: {offenders:?}"
    );
}
