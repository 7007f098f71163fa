//! `reso check --fix` and `--diff` on real files (issue 20 item 1): the
//! safe fixes only, every other byte kept, idempotent, atomic, line endings
//! and byte-order mark as they were.

mod cli_support;

use cli_support::{err, names, out, read, reso, write, INSERTED, SEED};

/// The seed's two `Sresses` (OP 4 and OP 18), and nothing else: its missing
/// final punctuation and damaged footnote references are left to the reader.
#[test]
fn diff_on_the_seed_shows_the_two_openers_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let seed = read(SEED);
    write(dir.path(), "A-RES-66-184.txt", &seed);
    let o = reso(
        &["check", "--diff", "--fix", "A-RES-66-184.txt"],
        Some(dir.path()),
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let diff = out(&o);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('-') || l.starts_with('+'))
                && !l.starts_with("---")
                && !l.starts_with("+++")
        })
        .collect();
    assert_eq!(
        changed,
        [
            "-4.  Sresses that, for the majority of the poor, the development promise of",
            "+4.  Stresses that, for the majority of the poor, the development promise of",
            "-18. Sresses the need for the enhanced participation of all developing",
            "+18. Stresses the need for the enhanced participation of all developing",
        ]
    );
    assert!(
        diff.starts_with("--- A-RES-66-184.txt\n+++ A-RES-66-184.txt\n@@ -204,7 +204,7 @@\n"),
        "{diff}"
    );
    assert_eq!(
        err(&o),
        "A-RES-66-184.txt:207:5: would fix[opener-unknown]: Replace with `Stresses`\n\
         A-RES-66-184.txt:307:5: would fix[opener-unknown]: Replace with `Stresses`\n\
         2 fixes would be applied to 1 file\n"
    );
    // Nothing written.
    assert_eq!(read(dir.path().join("A-RES-66-184.txt")), seed);
}

#[test]
fn fix_on_the_seed_changes_the_two_words_and_a_second_run_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let seed = read(SEED);
    let path = write(dir.path(), "A-RES-66-184.txt", &seed);
    let o = reso(
        &["check", "--fix", "A-RES-66-184.txt"],
        Some(dir.path()),
        None,
    );
    let text = out(&o);
    // What is left is reported: footnote 21 is still undefined (exit 1).
    assert_eq!(o.status.code(), Some(1), "{text}{}", err(&o));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "A-RES-66-184.txt:207:5: fixed[opener-unknown]: Replace with `Stresses`",
            "A-RES-66-184.txt:307:5: fixed[opener-unknown]: Replace with `Stresses`",
        ]
    );
    assert!(!text.contains("warning[opener-unknown]"), "{text}");
    assert!(text.contains("A-RES-66-184.txt:316:14: error[footnote-undefined]: footnote 21 is referenced but never defined"));
    assert_eq!(
        *lines.last().unwrap(),
        "1 file checked: 1 error, 6 warnings; 2 fixes applied to 1 file"
    );
    let fixed = read(&path);
    assert_eq!(fixed, seed.replace("Sresses", "Stresses"));
    assert_eq!(
        names(dir.path()),
        ["A-RES-66-184.txt"],
        "no temporary file left"
    );

    // Idempotent: the second run changes nothing and says so.
    let o = reso(
        &["check", "--fix", "A-RES-66-184.txt"],
        Some(dir.path()),
        None,
    );
    let text = out(&o);
    assert!(!text.contains("fixed["), "{text}");
    assert!(text.ends_with("; no fix to apply\n"), "{text}");
    assert_eq!(read(&path), fixed);
    let o = reso(
        &["check", "--diff", "A-RES-66-184.txt"],
        Some(dir.path()),
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(out(&o), "");
    assert_eq!(err(&o), "no fix to apply\n");
}

const INSERTED_FIXED_TAIL: &str = "\
Recalling its resolution 65/141 of 20 December 2010,[^1]

Taking note of the report of the Secretary-General on progress made in the implementation of and follow-up to the outcomes of the World Summit on the Information Society at the regional and international levels,[^2]

Noting the report of the Commission on Science and Technology for Development on its fourteenth session,[^3]

Recognizing that information and communications technologies have the potential to provide new solutions to development challenges,

1. Takes note of the report of the Secretary-General;

2. Recognizes the need to harness the potential of information and communications technologies to promote the achievement of the internationally agreed development goals;

3. Encourages strengthened and continuing cooperation between and among stakeholders to ensure the effective implementation of the outcomes of the World Summit;

4. Invites Member States and other stakeholders to support the participation of developing countries in the Internet Governance Forum;

5. Decides to include in the provisional agenda of its sixty-seventh session the item entitled \"Information and communications technologies for development\".

[^1]: Resolution 65/141.
[^3]: Official Records of the Economic and Social Council, 2011, Supplement No. 11 (E/2011/31).
[^2]: A/66/64-E/2011/77.
";

/// The inserted paragraph and the moved footnotes: paragraphs renumbered,
/// footnotes renumbered in order of first reference, each reference still
/// pointing at the same text.
#[test]
fn fix_renumbers_an_inserted_paragraph_and_footnotes_out_of_order() {
    let dir = tempfile::tempdir().unwrap();
    let draft = read(INSERTED);
    let path = write(dir.path(), "draft.txt", &draft);
    let o = reso(&["check", "--fix", "draft.txt"], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert_eq!(
        out(&o),
        "draft.txt:19:105: fixed[footnote-order]: Renumber the footnotes in order of first reference\n\
         draft.txt:29:1: fixed[numbering]: Renumber the paragraphs of the operative part\n\
         1 file checked: 0 errors, 0 warnings; 2 fixes applied to 1 file\n"
    );
    let fixed = read(&path);
    let head = &draft[..draft.find("Recalling").unwrap()];
    assert_eq!(fixed, format!("{head}{INSERTED_FIXED_TAIL}"));
    // Only numbers changed: the words are the same once digits are dropped.
    let words = |s: &str| s.replace(|c: char| c.is_ascii_digit(), "");
    assert_eq!(words(&fixed), words(&draft));

    let again = reso(&["check", "--fix", "draft.txt"], Some(dir.path()), None);
    assert_eq!(
        out(&again),
        "1 file checked: 0 errors, 0 warnings; no fix to apply\n"
    );
    assert_eq!(read(&path), fixed);
}

/// CRLF stays CRLF, a UTF-8 byte-order mark stays, permissions stay.
#[test]
fn line_endings_byte_order_mark_and_permissions_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let draft = read(INSERTED).replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(draft.as_bytes());
    let path = write(dir.path(), "crlf.txt", &bytes);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let o = reso(&["check", "--fix", "crlf.txt"], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("2 fixes applied to 1 file"), "{}", out(&o));
    let after = std::fs::read(&path).unwrap();
    assert!(
        after.starts_with(b"\xEF\xBB\xBF"),
        "the byte-order mark is gone"
    );
    let text = String::from_utf8(after[3..].to_vec()).unwrap();
    let head = &draft[..draft.find("Recalling").unwrap()];
    assert_eq!(
        text,
        format!("{head}{}", INSERTED_FIXED_TAIL.replace('\n', "\r\n"))
    );
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    assert_eq!(names(dir.path()), ["crlf.txt"]);
}

/// Only safe fixes: a wrong mark and a catalogue date are fixed; a missing
/// mark (the paragraph may be cut) and an unknown word without a clear
/// suggestion are left, and reported.
#[test]
fn only_safe_fixes_are_applied() {
    let dir = tempfile::tempdir().unwrap();
    let src = "\
The General Assembly,

Recalling its resolution 74/45 of 19 December 2019;

Noting with appreciation the work of the Commission

1. Xyzzies the report;

2. Decides to remain seized of the matter.
";
    let path = write(dir.path(), "d.reso", src);
    let o = reso(&["check", "--fix", "d.reso"], Some(dir.path()), None);
    let text = out(&o);
    assert_eq!(o.status.code(), Some(0), "{text}{}", err(&o));
    assert_eq!(
        read(&path),
        src.replace("19 December 2019;", "12 December 2019,")
    );
    assert!(
        text.contains("d.reso:3:35: fixed[citation-date]: Change the date to 12 December 2019\n"),
        "{text}"
    );
    assert!(
        text.contains("d.reso:3:51: fixed[terminator]: Replace `;` with `,`\n"),
        "{text}"
    );
    assert!(text.contains("warning[terminator]: a preambular paragraph should end with `,`; its final punctuation is missing"), "{text}");
    assert!(
        text.contains("warning[opener-unknown]: `Xyzzies`"),
        "{text}"
    );
}

#[test]
fn stdin_can_be_diffed_but_not_fixed_in_place() {
    let src = read(INSERTED);
    let o = reso(&["check", "--fix", "-"], None, Some(src.as_bytes()));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        err(&o),
        "reso: --fix cannot write back to stdin; use --diff to see the fixes\n"
    );
    let o = reso(&["check", "--diff", "-"], None, Some(src.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).starts_with("--- -\n+++ -\n"), "{}", out(&o));
    assert!(out(&o).contains("\n-3. Invites Member States"));
    assert!(out(&o).contains("\n+4. Invites Member States"));
}

/// A file that cannot be fixed is reported, and the others are fixed.
#[test]
fn a_file_that_is_not_utf8_is_skipped_and_the_others_fixed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        b"The General Assembly,\n\n1. Decides \xff;\n",
    );
    let b = write(dir.path(), "b.txt", read(INSERTED));
    let o = reso(&["check", "--fix", "."], Some(dir.path()), None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("a.txt: not UTF-8 text (invalid byte at offset 34); skipped"),
        "{}",
        err(&o)
    );
    assert!(read(&b).contains("\n5. Decides to include"));
}
