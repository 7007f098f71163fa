//! `reso fmt [--check] PATH...`: the server's formatting
//! ([`crate::features::formatting`]: whitespace only, never a word) from the
//! command line. Files are rewritten atomically, keeping their line endings
//! and byte-order mark; `--check` writes nothing and exits 1 when a file
//! would change; `-` formats stdin to stdout.

use std::io::{self, Read, Write};
use std::path::PathBuf;

use super::check::{io_message, walk_drafts};
use super::files::{self, Draft};
use crate::features::{apply_edits, formatting};

#[derive(Debug, Clone, clap::Args)]
pub struct FmtArgs {
    /// Write nothing: list the files that would change (exit 1 if any).
    #[arg(long)]
    pub check: bool,
    /// Write nothing: print the changes as a unified diff (exit 1 if any).
    #[arg(long)]
    pub diff: bool,
    /// Files or folders (`.reso` and `.txt` files in folders), or `-` for stdin (formatted to stdout).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The formatted text.
pub fn formatted(text: &str) -> String {
    let doc = crate::syntax::parse(text);
    apply_edits(text, &formatting::format(&doc, text))
}

pub fn run(args: &FmtArgs) -> i32 {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let code = fmt(args, &mut out, &mut err);
    if out.flush().is_err() {
        return 2;
    }
    code
}

/// The whole command; returns the exit code.
pub fn fmt(args: &FmtArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let dry = args.check || args.diff;
    let mut trouble = false;
    let mut files_in: Vec<Option<PathBuf>> = Vec::new(); // None: stdin
    for p in &args.paths {
        if p.as_os_str() == "-" {
            files_in.push(None);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk_drafts(p, &mut found, err, &mut trouble);
                files_in.extend(found.into_iter().map(Some));
            }
            Ok(_) => files_in.push(Some(p.clone())),
            Err(e) => {
                let _ = writeln!(err, "reso: {}: {}", p.display(), io_message(&e));
                trouble = true;
            }
        }
    }
    let (mut changed, mut unchanged) = (0usize, 0usize);
    for file in &files_in {
        let name = file
            .as_ref()
            .map_or("-".to_string(), |p| p.display().to_string());
        let mut bytes = Vec::new();
        let read = match file {
            Some(p) => std::fs::read(p).map(|b| bytes = b),
            None => io::stdin().lock().read_to_end(&mut bytes).map(|_| ()),
        };
        if let Err(e) = read {
            let _ = writeln!(err, "reso: {name}: {}", io_message(&e));
            trouble = true;
            continue;
        }
        let draft = match Draft::decode(bytes) {
            Ok(d) => d,
            Err(message) => {
                let _ = writeln!(err, "reso: {name}: {message}");
                trouble = true;
                continue;
            }
        };
        let new = formatted(&draft.text);
        let Some(path) = file else {
            // stdin: the formatted text (or the diff) on stdout.
            let result = if args.diff {
                out.write_all(files::unified_diff(&name, &draft.text, &new).as_bytes())
            } else if args.check {
                Ok(())
            } else {
                out.write_all(&draft.encode(&new))
            };
            if result.is_err() {
                return 2;
            }
            if new == draft.text {
                unchanged += 1;
            } else {
                changed += 1;
                if args.check {
                    let _ = writeln!(out, "would format -");
                }
            }
            continue;
        };
        if new == draft.text {
            unchanged += 1;
            continue;
        }
        changed += 1;
        let result = if args.diff {
            let old = String::from_utf8_lossy(&draft.encode(&draft.text)).into_owned();
            let new = String::from_utf8_lossy(&draft.encode(&new)).into_owned();
            out.write_all(files::unified_diff(&name, &old, &new).as_bytes())
        } else if args.check {
            writeln!(out, "would format {name}")
        } else {
            if let Err(e) = files::write_atomically(path, &draft.encode(&new)) {
                let _ = writeln!(err, "reso: {name}: cannot write: {}", io_message(&e));
                trouble = true;
                changed -= 1;
                continue;
            }
            writeln!(out, "formatted {name}")
        };
        if result.is_err() {
            return 2;
        }
    }
    let plural = |n: usize| if n == 1 { "file" } else { "files" };
    let verb = if dry {
        "would be formatted"
    } else {
        "formatted"
    };
    let _ = writeln!(
        err,
        "{changed} {} {verb}, {unchanged} {} already formatted",
        plural(changed),
        plural(unchanged)
    );
    if trouble {
        2
    } else if dry && changed > 0 {
        1
    } else {
        0
    }
}
