//! Several resolutions in one document (SPEC section 2): each is read and
//! checked on its own, so a document made of real resolutions one after
//! another says what each says alone, at its place.

use reso::analysis::analyze;
use reso::catalog::Catalog;
use reso::config::Config;
use reso::diagnostic::Code;

fn text(path: &str) -> String {
    let p = format!("{}/../tests/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// `code start..end message` of every diagnostic, ranges moved by `base`
/// (one resolution citing another's date differently is compared across
/// them as across documents, so that code is left out).
fn said(src: &str, base: usize) -> Vec<String> {
    analyze(src, &Config::default(), Catalog::builtin())
        .diagnostics
        .iter()
        .filter(|d| d.code != Code::CitationInconsistent)
        .map(|d| {
            format!(
                "{} {}..{} {}",
                d.code,
                d.range.start + base,
                d.range.end + base,
                d.message
            )
        })
        .collect()
}

fn resolutions(src: &str) -> usize {
    let a = analyze(src, &Config::default(), Catalog::builtin());
    a.doc
        .blocks
        .iter()
        .filter(|b| b.kind == reso::syntax::BlockKind::Chapeau)
        .count()
}

#[test]
fn a_compendium_says_what_each_resolution_says_alone() {
    let sets: &[&[&str]] = &[
        &["fixtures/A-RES-66-184.txt"; 3],
        &[
            "fixtures/ga80/A-RES-80-14.txt",
            "fixtures/ga80/A-RES-80-5.txt",
            "fixtures/ga80/A-RES-80-24.txt",
        ],
        &[
            "fixtures/ga80/A-RES-80-11.txt",
            "fixtures/ga80/A-RES-80-6.txt",
            "fixtures/S-RES-1454-2002.txt",
        ],
        &[
            "corpus/ga80-md/A_RES_80_14.txt",
            "corpus/ga80-md/A_RES_80_3.txt",
        ],
    ];
    for set in sets {
        let mut whole = String::new();
        let mut expected = Vec::new();
        for path in *set {
            let part = text(path);
            expected.extend(said(&part, whole.len()));
            whole.push_str(&part);
            whole.push_str("\n\n");
        }
        let mut got = said(&whole, 0);
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "{set:?}");
        assert_eq!(resolutions(&whole), set.len(), "{set:?}");
    }
}

#[test]
fn an_annex_that_reproduces_a_text_with_its_chapeau_is_no_new_resolution() {
    let src = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Adopts the text annexed to the present resolution.\n\nAnnex\n\nThe General Assembly,\n\nRecalling its earlier decisions,\n\n1. Decides to meet again.\n";
    assert_eq!(resolutions(src), 1);
}

#[test]
fn the_outline_has_a_node_per_resolution() {
    let whole = format!(
        "{}\n\n{}",
        text("fixtures/ga80/A-RES-80-14.txt"),
        text("fixtures/ga80/A-RES-80-5.txt")
    );
    let a = analyze(&whole, &Config::default(), Catalog::builtin());
    let outline = reso::features::symbols::document_symbols(&a.doc, &whole);
    let names: Vec<(&str, usize)> = outline
        .iter()
        .map(|s| (s.name.as_str(), s.children.len()))
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0]
            .0
            .contains("African Nuclear-Weapon-Free Zone Treaty"),
        "{names:?}"
    );
    assert!(
        names[1].0.starts_with("Doha Political Declaration"),
        "{names:?}"
    );
    // 80/14: 5 PP and 8 OP (SPEC section 10).
    let kinds = |i: usize, k| outline[i].children.iter().filter(|s| s.kind == k).count();
    use reso::features::symbols::SymbolKind;
    assert_eq!(kinds(0, SymbolKind::Preambular), 5);
    assert_eq!(kinds(0, SymbolKind::Operative), 8);
    assert_eq!(kinds(1, SymbolKind::Operative), 1);
}

#[test]
fn check_summary_counts_the_resolutions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let whole = format!(
        "{}\n\n{}",
        text("fixtures/ga80/A-RES-80-14.txt"),
        text("fixtures/ga80/A-RES-80-6.txt")
    );
    let path = dir.path().join("two.txt");
    std::fs::write(&path, whole).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reso"))
        .args(["check", "--summary"])
        .arg(&path)
        .output()
        .expect("reso runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 file checked (2 resolutions): 0 errors, 0 warnings"),
        "{stdout}"
    );
}
