//! What the `cli_*` tests share: running the real `reso` binary, the seed,
//! the draft with an inserted paragraph, and temporary folders.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/A-RES-66-184.txt"
);

/// A UN-style draft after negotiation: an operative paragraph inserted
/// after OP 3 (numbers read 1 2 3 3 4) and footnotes first referenced in
/// the order 1, 3, 2.
pub const INSERTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/draft-inserted-op.txt"
);

pub fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Runs `reso` with `args` in `dir` (or here), stdin given or empty.
pub fn reso(args: &[&str], dir: Option<&Path>, stdin: Option<&[u8]>) -> Output {
    reso_with_env(args, dir, stdin, &[])
}

/// `reso` with variables set in its environment (`RUST_BACKTRACE=1`: a user
/// still sees no backtrace).
pub fn reso_with_env(
    args: &[&str],
    dir: Option<&Path>,
    stdin: Option<&[u8]>,
    env: &[(&str, &str)],
) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_reso"));
    cmd.args(args)
        .envs(env.iter().copied())
        .env_remove("RESO_TEST_PANIC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // A command that refuses its input may exit before reading it.
        if let Err(e) = input.write_all(bytes) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    }
    drop(input);
    child.wait_with_output().unwrap()
}

pub fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Writes `text` to `dir/name` (folders made) and returns the path.
pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

/// The names in a folder, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}
