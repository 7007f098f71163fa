//! `reso check` as a user runs it: the real binary, real files, stdout,
//! stderr and the exit code (SPEC section 7, issue 9 item 4).

use std::path::Path;
use std::process::{Command, Output};

use cli_support::{err, out};
use serde_json::Value;

mod cli_support;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/A-RES-66-184.txt"
);
const CLEAN: &str = "The General Assembly,\n\nRecalling its resolution 65/141,\n\n1. Decides to act;\n\n2. Requests a report.\n";
const GAP: &str = "The General Assembly,\n\nRecalling its resolution 65/141,\n\n1. Decides to act;\n\n3. Requests a report.\n";

/// The real binary, with `RUST_BACKTRACE=1`: a user still sees no backtrace.
fn reso(args: &[&str], dir: Option<&Path>, stdin: Option<&[u8]>) -> Output {
    cli_support::reso_with_env(args, dir, stdin, &[("RUST_BACKTRACE", "1")])
}

fn write(dir: &Path, name: &str, text: &[u8]) {
    cli_support::write(dir, name, text);
}

#[test]
fn human_output_on_the_seed() {
    let o = reso(&["check", SEED], None, None);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let text = out(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&format!("{SEED}:207:5: warning[opener-unknown]: `Sresses` is not a known operative opener; did you mean `Stresses`?").as_str()), "{text}");
    assert!(lines.contains(&format!("{SEED}:316:14: error[footnote-undefined]: footnote 21 is referenced but never defined").as_str()), "{text}");
    let last = lines.last().unwrap();
    assert!(last.starts_with("1 file checked: 1 error, "), "{last}");
    assert!(!lines.iter().any(|l| l.contains("[numbering]")), "{text}");
    assert_eq!(err(&o), "");
}

#[test]
fn json_output_on_the_seed() {
    let o = reso(&["check", "--format", "json", SEED], None, None);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let all = v.as_array().unwrap();
    let seed = std::fs::read_to_string(SEED).unwrap();
    let sresses: Vec<&Value> = all
        .iter()
        .filter(|d| d["code"] == "opener-unknown")
        .collect();
    assert_eq!(sresses.len(), 2);
    let d = sresses[0];
    assert_eq!(d["path"], SEED);
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(207), Some(5))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(207), Some(12))
    );
    assert_eq!(d["severity"], "warning");
    let (a, b) = (
        d["start_byte"].as_u64().unwrap() as usize,
        d["end_byte"].as_u64().unwrap() as usize,
    );
    assert_eq!(&seed[a..b], "Sresses");
    let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 10, "{keys:?}");
}

#[test]
fn stdin_is_shown_as_a_dash() {
    let o = reso(&["check", "-"], None, Some(GAP.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        out(&o),
        "-:7:1: error[numbering]: operative paragraph numbered 3: expected 2\n1 file checked: 1 error, 0 warnings\n"
    );
    let o = reso(
        &["check", "--format", "json", "-"],
        None,
        Some(CLEAN.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(out(&o).trim(), "[]");
}

#[test]
fn exit_codes_and_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.reso", CLEAN.as_bytes());
    write(
        dir.path(),
        "latin1.reso",
        b"The General Assembly,\n\nNoting the caf\xe9,\n",
    );
    let o = reso(&["check", "clean.reso"], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(out(&o), "1 file checked: 0 errors, 0 warnings\n");

    // A missing file: reported, the other file still checked, exit 2.
    let o = reso(
        &["check", "missing.reso", "clean.reso"],
        Some(dir.path()),
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(err(&o), "reso: missing.reso: no such file or folder\n");
    assert_eq!(out(&o), "1 file checked: 0 errors, 0 warnings\n");

    let o = reso(&["check", "latin1.reso"], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        err(&o),
        "reso: latin1.reso: not UTF-8 text (invalid byte at offset 37); skipped\n"
    );
    assert_eq!(
        out(&o),
        "0 files checked: 0 errors, 0 warnings; 1 file skipped\n"
    );

    // Usage errors.
    let o = reso(&["check"], None, None);
    assert_eq!(o.status.code(), Some(2));
    let o = reso(&["check", "--format", "xml", "a"], None, None);
    assert_eq!(o.status.code(), Some(2));
    let o = reso(&["--version"], None, None);
    assert_eq!(
        (o.status.code(), out(&o)),
        (Some(0), format!("reso {}\n", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn settings_from_config_and_from_reso_toml_upward() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "drafts/reso.toml",
        b"[diagnostics]\nnumbering = \"warning\"\n",
    );
    write(dir.path(), "drafts/ga/gap.reso", GAP.as_bytes());
    write(
        dir.path(),
        "off.toml",
        b"[diagnostics]\nnumbering = \"off\"\n",
    );
    write(dir.path(), "broken.toml", b"[diagnostics\n");
    write(
        dir.path(),
        "half.toml",
        b"colour = 'blue'\n[diagnostics]\nnumbering = 'off'\n",
    );

    // reso.toml two folders up applies.
    let o = reso(&["check", "drafts/ga/gap.reso"], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).starts_with("drafts/ga/gap.reso:7:1: warning[numbering]"),
        "{}",
        out(&o)
    );

    // --config replaces the lookup.
    let o = reso(
        &["check", "--config", "off.toml", "drafts/ga/gap.reso"],
        Some(dir.path()),
        None,
    );
    assert_eq!(
        (o.status.code(), out(&o)),
        (
            Some(0),
            "1 file checked: 0 errors, 0 warnings\n".to_string()
        )
    );

    // A config that cannot be used at all: exit 2 before checking.
    let o = reso(
        &["check", "--config", "broken.toml", "drafts/ga/gap.reso"],
        Some(dir.path()),
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).starts_with("reso: broken.toml: not valid TOML"),
        "{}",
        err(&o)
    );
    assert_eq!(out(&o), "");
    let o = reso(
        &["check", "--config", "nowhere.toml", "-"],
        Some(dir.path()),
        Some(b""),
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        err(&o),
        "reso: nowhere.toml: cannot read the settings file: no such file or folder\n"
    );

    // A bad key: reported, the rest applies, exit 2.
    let o = reso(
        &["check", "--config", "half.toml", "drafts/ga/gap.reso"],
        Some(dir.path()),
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("half.toml: `colour`: unknown setting"),
        "{}",
        err(&o)
    );
    assert_eq!(out(&o), "1 file checked: 0 errors, 0 warnings\n");
}

#[test]
fn folders_are_walked_with_a_summary_per_code() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.reso", GAP.as_bytes());
    write(d, "b.txt", CLEAN.as_bytes());
    write(d, "notes.md", GAP.as_bytes());
    write(d, ".git/x.reso", GAP.as_bytes());
    write(d, "target/y.reso", GAP.as_bytes());
    write(
        d,
        "sub/c.reso",
        GAP.replace("Recalling", "Recallin").as_bytes(),
    );
    write(d, "sub/bad.txt", b"\xff\xfe");
    let o = reso(&["check", "."], Some(d), None);
    assert_eq!(o.status.code(), Some(2), "bad.txt was skipped");
    assert_eq!(
        err(&o),
        "reso: ./sub/bad.txt: not UTF-8 text (invalid byte at offset 0); skipped\n"
    );
    let text = out(&o);
    let files: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|p| p.starts_with("./"))
        .collect();
    assert!(
        files
            .iter()
            .all(|f| ["./a.reso", "./sub/c.reso"].contains(f)),
        "{text}"
    );
    assert!(text.contains("./a.reso:7:1: error[numbering]"), "{text}");
    assert!(text.ends_with("numbering: 2\nopener-unknown: 1\n3 files checked: 2 errors, 1 warning; 1 file skipped\n"), "{text}");

    let o = reso(&["check", "--summary", "."], Some(d), None);
    assert_eq!(
        out(&o),
        "numbering: 2\nopener-unknown: 1\n3 files checked: 2 errors, 1 warning; 1 file skipped\n"
    );
    let o = reso(
        &["check", "--summary", "--format", "json", "."],
        Some(d),
        None,
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"], 3);
    assert_eq!(v["skipped"], 1);
    assert_eq!(v["codes"]["numbering"], 2);
}

#[test]
fn an_internal_error_is_one_line_and_the_other_files_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.reso",
        b"The General Assembly,\n\nNoting PANIC-NOW,\n",
    );
    write(dir.path(), "b.reso", GAP.as_bytes());
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_reso"));
    let o = cmd
        .args(["check", "a.reso", "b.reso"])
        .current_dir(dir.path())
        .env("RUST_BACKTRACE", "full")
        .env("RESO_TEST_PANIC", "PANIC-NOW")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    assert!(
        lines[0].starts_with("reso: internal error: test panic"),
        "{e}"
    );
    assert_eq!(
        lines[1],
        "reso: a.reso: internal error while checking; skipped"
    );
    assert!(
        out(&o).starts_with("b.reso:7:1: error[numbering]"),
        "{}",
        out(&o)
    );
}

/// The README opens with the output of `reso check` on the seed: it must be
/// what the binary prints today (after a change to the checks, paste the new
/// output there), and its test command must be what CI runs.
#[test]
fn the_readme_shows_the_real_output_and_the_ci_command() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let prompt = "$ reso check tests/fixtures/A-RES-66-184.txt\n";
    let at = readme.find(prompt).expect("the example in the README") + prompt.len();
    let shown = &readme[at..at + readme[at..].find("```").unwrap()];
    let o = reso(
        &["check", "tests/fixtures/A-RES-66-184.txt"],
        Some(&root),
        None,
    );
    assert_eq!(
        out(&o),
        shown,
        "README.md shows an output of `reso check` that is no longer true"
    );
    assert_eq!(o.status.code(), Some(1));
    // The two commands: the test command is .ci/run itself, which runs the
    // whole workspace's tests.
    assert!(readme.contains("\n.ci/run   "), "README: the test command");
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    for line in [
        "cargo fmt --all --check",
        "cargo clippy --all-targets -- -D warnings",
        "cargo test --workspace",
    ] {
        assert!(ci.lines().any(|l| l.trim() == line), ".ci/run: {line}");
        assert!(readme.contains(line), "README: {line}");
    }
}

/// Issue 20: `reso check openers.reso`, run in the draft's own folder, found
/// no `reso.toml` above it (`.` has no parent); with an absolute path it did.
#[test]
fn settings_are_found_above_a_relative_path() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "reso.toml",
        b"[diagnostics]\nopener-unknown = \"off\"\n",
    );
    let draft = "The General Assembly,\n\n1. Sresses the need for cooperation.\n";
    write(dir.path(), "drafts/openers.reso", draft.as_bytes());
    let sub = dir.path().join("drafts");
    for arg in ["openers.reso", "./openers.reso", "../drafts/openers.reso"] {
        let o = reso(&["check", arg], Some(&sub), None);
        assert_eq!(
            out(&o),
            "1 file checked: 0 errors, 0 warnings\n",
            "{arg}: {}",
            err(&o)
        );
    }
    let abs = sub.join("openers.reso");
    let o = reso(&["check", abs.to_str().unwrap()], None, None);
    assert_eq!(out(&o), "1 file checked: 0 errors, 0 warnings\n");
}
