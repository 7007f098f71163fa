//! `reso fmt [--check] PATH...` (issue 20 item 2): whitespace only, written
//! atomically, line endings and byte-order mark kept; `--check` exits 1 and
//! lists what would change.

mod cli_support;

use cli_support::{err, names, out, read, reso, write, SEED};

const MESSY: &str = "\n\nTitle   \n\n\n\nThe General Assembly,\n   \nRecalling the Charter,  \nNoting the report,\n\n\n1.   Decides to act;\n 2.\tRequests a report:\n   (a)  To report;\n   (b) To convene a meeting.\n\n\n";
const TIDY: &str = "Title\n\nThe General Assembly,\n\nRecalling the Charter,\n\nNoting the report,\n\n1. Decides to act;\n\n2. Requests a report:\n   (a)  To report;\n   (b) To convene a meeting.\n";

#[test]
fn check_lists_the_files_that_would_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let messy = write(dir.path(), "drafts/messy.txt", MESSY);
    write(dir.path(), "drafts/tidy.reso", TIDY);
    let o = reso(&["fmt", "--check", "drafts"], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(out(&o), "would format drafts/messy.txt\n");
    assert_eq!(
        err(&o),
        "1 file would be formatted, 1 file already formatted\n"
    );
    assert_eq!(read(&messy), MESSY);

    let o = reso(
        &["fmt", "--diff", "drafts/messy.txt"],
        Some(dir.path()),
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).starts_with("--- drafts/messy.txt\n+++ drafts/messy.txt\n"));
    assert!(out(&o).contains("\n+1. Decides to act;\n"), "{}", out(&o));
    assert!(
        out(&o).contains(
            "\n-1.   Decides to act;\n- 2.\tRequests a report:\n+2. Requests a report:\n"
        ),
        "{}",
        out(&o)
    );
    assert_eq!(read(&messy), MESSY);
}

#[test]
fn fmt_rewrites_in_place_once() {
    let dir = tempfile::tempdir().unwrap();
    let messy = write(dir.path(), "messy.txt", MESSY);
    let o = reso(&["fmt", "messy.txt"], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(out(&o), "formatted messy.txt\n");
    assert_eq!(err(&o), "1 file formatted, 0 files already formatted\n");
    assert_eq!(read(&messy), TIDY);
    assert_eq!(names(dir.path()), ["messy.txt"]);
    // Again: nothing to do, and `--check` agrees.
    let o = reso(&["fmt", "messy.txt"], Some(dir.path()), None);
    assert_eq!(out(&o), "");
    let o = reso(&["fmt", "--check", "messy.txt"], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        err(&o),
        "0 files would be formatted, 1 file already formatted\n"
    );
}

#[test]
fn crlf_and_byte_order_mark_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(MESSY.replace('\n', "\r\n").as_bytes());
    let p = write(dir.path(), "crlf.txt", &bytes);
    let o = reso(&["fmt", "crlf.txt"], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let mut want = b"\xEF\xBB\xBF".to_vec();
    want.extend_from_slice(TIDY.replace('\n', "\r\n").as_bytes());
    assert_eq!(std::fs::read(&p).unwrap(), want);
}

#[test]
fn stdin_is_formatted_to_stdout_and_words_never_change() {
    let o = reso(&["fmt", "-"], None, Some(MESSY.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(out(&o), TIDY);
    // The seed: whitespace only.
    let seed = read(SEED);
    let o = reso(&["fmt", "-"], None, Some(seed.as_bytes()));
    let formatted = out(&o);
    assert_ne!(formatted, seed);
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(words(&formatted), words(&seed));
}

#[test]
fn missing_and_non_utf8_files_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.txt", b"caf\xe9\n");
    let o = reso(&["fmt", "bad.txt", "nope.txt"], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("reso: bad.txt: not UTF-8 text (invalid byte at offset 3); skipped"),
        "{}",
        err(&o)
    );
    assert!(
        err(&o).contains("reso: nope.txt: no such file or folder"),
        "{}",
        err(&o)
    );
}
