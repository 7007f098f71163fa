//! `reso check` (SPEC section 7): files, folders or stdin; human, JSON,
//! GitHub or SARIF output; exit 0 (no error-level diagnostic), 1 (some), 2 (a
//! usage, file or settings problem, reported on stderr; the other files are
//! still checked).
//!
//! `--fix` applies the safe fixes ([`crate::features::fix`]) in place, then
//! reports what is left; `--diff` prints them as a unified diff and writes
//! nothing (exit 1 when some file would change).
//!
//! About 600 lines: the command's reading of files and settings, its four
//! output formats' dispatch and `--fix`/`--diff` share one loop over the inputs.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use super::files::{self, Draft};
use super::{CheckArgs, Format};
use crate::analysis::analyze;
use crate::catalog::Catalog;
use crate::config::{self, Config, Settings};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::features::fix;
use crate::text::{Encoding, LineIndex};

/// One diagnostic as `reso check` reports it: lines and columns 1-based,
/// columns in characters, ends exclusive; bytes 0-based.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reported {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub start_byte: usize,
    pub end_byte: usize,
    pub severity: &'static str,
    pub code: &'static str,
    pub message: String,
}

impl Reported {
    pub fn new(path: &str, index: &LineIndex, d: &Diagnostic) -> Reported {
        let (start, end) = index.range(d.range.clone(), Encoding::Chars);
        Reported {
            path: path.to_string(),
            line: start.line + 1,
            column: start.column + 1,
            end_line: end.line + 1,
            end_column: end.column + 1,
            start_byte: d.range.start,
            end_byte: d.range.end,
            severity: d.severity.as_str(),
            code: d.code.as_str(),
            message: d.message.clone(),
        }
    }

    pub fn human(&self) -> String {
        format!(
            "{}:{}:{}: {}[{}]: {}",
            self.path, self.line, self.column, self.severity, self.code, self.message
        )
    }
}

/// What to check.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    Stdin,
    File(PathBuf),
}

/// Counts over every file checked.
#[derive(Debug, Default)]
struct Tally {
    files: usize,
    /// Resolutions in the files checked (a compendium holds several).
    resolutions: usize,
    skipped: usize,
    /// Fixes applied (or, with `--diff`, that would be) and files changed.
    fixes: usize,
    files_fixed: usize,
    by_severity: BTreeMap<Severity, usize>,
    by_code: BTreeMap<Code, usize>,
}

impl Tally {
    fn add(&mut self, d: &Diagnostic) {
        *self.by_severity.entry(d.severity).or_default() += 1;
        *self.by_code.entry(d.code).or_default() += 1;
    }

    fn count(&self, s: Severity) -> usize {
        self.by_severity.get(&s).copied().unwrap_or(0)
    }

    fn summary_line(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![
            plural(self.count(Severity::Error), "error", "errors"),
            plural(self.count(Severity::Warning), "warning", "warnings"),
        ];
        if self.count(Severity::Information) > 0 {
            parts.push(format!("{} information", self.count(Severity::Information)));
        }
        if self.count(Severity::Hint) > 0 {
            parts.push(plural(self.count(Severity::Hint), "hint", "hints"));
        }
        let resolutions = if self.resolutions > self.files {
            format!(" ({} resolutions)", self.resolutions)
        } else {
            String::new()
        };
        let mut line = format!(
            "{} checked{resolutions}: {}",
            plural(self.files, "file", "files"),
            parts.join(", ")
        );
        if self.skipped > 0 {
            line.push_str(&format!(
                "; {} skipped",
                plural(self.skipped, "file", "files")
            ));
        }
        line
    }

    /// `2 fixes applied to 1 file` (`would be applied` with `--diff`).
    fn fixes_line(&self, dry: bool) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        if self.fixes == 0 {
            return "no fix to apply".to_string();
        }
        format!(
            "{} {} to {}",
            plural(self.fixes, "fix", "fixes"),
            if dry { "would be applied" } else { "applied" },
            plural(self.files_fixed, "file", "files")
        )
    }
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    resolutions: usize,
    skipped: usize,
    errors: usize,
    warnings: usize,
    information: usize,
    hints: usize,
    codes: BTreeMap<&'static str, usize>,
}

/// Settings files already read, by path, so each is read and reported once.
struct Configs {
    fixed: Option<Config>,
    found: HashMap<PathBuf, Config>,
    default: Config,
}

impl Configs {
    fn for_dir(&mut self, dir: &Path, err: &mut dyn Write, bad: &mut bool) -> Config {
        if let Some(c) = &self.fixed {
            return c.clone();
        }
        // Walk up from the absolute folder: `.` has no parent, so a relative
        // path would stop before the folders above it (issue 20).
        let dir = std::fs::canonicalize(dir)
            .or_else(|_| std::path::absolute(dir))
            .unwrap_or_else(|_| dir.to_path_buf());
        let Some(path) = config::find_config_file(&dir) else {
            return self.default.clone();
        };
        if let Some(c) = self.found.get(&path) {
            return c.clone();
        }
        let parsed = Settings::from_toml_file(&path);
        for e in &parsed.errors {
            let _ = writeln!(err, "reso: {e}");
            *bad = true;
        }
        let c = parsed.settings.to_config();
        self.found.insert(path, c.clone());
        c
    }
}

/// Catalogues by the list of user files layered over the built-in one,
/// loaded once each; a bad file or row is a warning on stderr.
#[derive(Default)]
struct Catalogs {
    loaded: HashMap<Vec<PathBuf>, Arc<Catalog>>,
}

impl Catalogs {
    fn get(&mut self, paths: &[PathBuf], err: &mut dyn Write) -> Arc<Catalog> {
        if let Some(c) = self.loaded.get(paths) {
            return c.clone();
        }
        let (catalog, warnings) = if paths.is_empty() {
            (Catalog::with_texts(&[]).0, Vec::new())
        } else {
            Catalog::with_files(paths)
        };
        for w in warnings {
            let _ = writeln!(err, "reso: warning: {w}");
        }
        let c = Arc::new(catalog);
        self.loaded.insert(paths.to_vec(), c.clone());
        c
    }
}

pub fn run(args: &CheckArgs) -> i32 {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let code = check(args, &mut out, &mut err);
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            let _ = writeln!(err, "reso: cannot write the output: {e}");
        }
        return 2;
    }
    code
}

/// The whole command, writing to the given streams. Returns the exit code.
pub fn check(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut trouble = false; // exit 2
    let mut configs = Configs {
        fixed: None,
        found: HashMap::new(),
        default: Config::default(),
    };
    if let Some(path) = &args.config {
        let text = match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    let _ = writeln!(
                        err,
                        "reso: {}: the settings file is not UTF-8",
                        path.display()
                    );
                    return 2;
                }
            },
            Err(e) => {
                let _ = writeln!(
                    err,
                    "reso: {}: cannot read the settings file: {}",
                    path.display(),
                    io_message(&e)
                );
                return 2;
            }
        };
        let parsed = Settings::from_toml(&text, path);
        if parsed.errors.iter().any(|e| e.key.is_empty()) {
            for e in &parsed.errors {
                let _ = writeln!(err, "reso: {e}");
            }
            return 2;
        }
        for e in &parsed.errors {
            let _ = writeln!(err, "reso: {e}");
            trouble = true;
        }
        configs.fixed = Some(parsed.settings.to_config());
    }

    let mut inputs = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk_drafts(p, &mut found, err, &mut trouble);
                inputs.extend(found.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(p.clone())),
            Err(e) => {
                let _ = writeln!(err, "reso: {}: {}", p.display(), io_message(&e));
                trouble = true;
            }
        }
    }

    let fixing = args.fix || args.diff;
    if fixing && !args.diff && inputs.contains(&Input::Stdin) {
        let _ = writeln!(
            err,
            "reso: --fix cannot write back to stdin; use --diff to see the fixes"
        );
        return 2;
    }
    if args.summary && args.format == Format::Sarif {
        let _ = writeln!(err, "reso: --summary has no SARIF form; drop one of them");
        return 2;
    }

    let mut catalogs = Catalogs::default();
    // The test hook of `reso lsp` (see `crate::lsp::Options`), here too.
    let test_trigger = crate::lsp::Options::from_env().panic_trigger;
    let mut tally = Tally::default();
    let mut reported: Vec<Reported> = Vec::new();
    let mut write_failed = false;
    // With `--diff`, the would-be fixes go to stderr (stdout is the patch);
    // with `--fix`, to stdout in the human form, else to stderr.
    let fixes_to_stdout = args.fix && !args.diff && args.format == Format::Human;
    for input in &inputs {
        let (name, bytes, dir) = match input {
            Input::Stdin => {
                let mut bytes = Vec::new();
                if let Err(e) = io::stdin().lock().read_to_end(&mut bytes) {
                    let _ = writeln!(err, "reso: -: cannot read stdin: {}", io_message(&e));
                    trouble = true;
                    tally.skipped += 1;
                    continue;
                }
                let dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
                ("-".to_string(), bytes, dir)
            }
            Input::File(path) => {
                let name = path.display().to_string();
                match std::fs::read(path) {
                    Ok(bytes) => {
                        let dir = match path.parent() {
                            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                            _ => PathBuf::from("."),
                        };
                        (name, bytes, dir)
                    }
                    Err(e) => {
                        let _ = writeln!(err, "reso: {name}: {}", io_message(&e));
                        trouble = true;
                        tally.skipped += 1;
                        continue;
                    }
                }
            }
        };
        // Fixing sets a byte-order mark aside (and puts it back); checking
        // alone reads the text as it is.
        let decoded = if fixing {
            Draft::decode(bytes)
        } else {
            String::from_utf8(bytes)
                .map(|text| Draft { bom: false, text })
                .map_err(|e| {
                    let at = e.utf8_error().valid_up_to();
                    format!("not UTF-8 text (invalid byte at offset {at}); skipped")
                })
        };
        let draft = match decoded {
            Ok(d) => d,
            Err(message) => {
                let _ = writeln!(err, "reso: {name}: {message}");
                trouble = true;
                tally.skipped += 1;
                continue;
            }
        };
        let text = &draft.text;
        let config = configs.for_dir(&dir, err, &mut trouble);
        let catalog = catalogs.get(&config.catalog_paths, err);
        // A bug in a check must not stop the other files: the panic hook has
        // printed one line; say which file, and go on.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if let Some(t) = &test_trigger {
                if text.contains(t.as_str()) {
                    panic!("test panic: the text contains the trigger {t:?}");
                }
            }
            if fixing {
                let (outcome, analysis) =
                    fix::fix_all(text, &mut |t| analyze(t, &config, &catalog));
                (Some(outcome), analysis)
            } else {
                (None, analyze(text, &config, &catalog))
            }
        }));
        let (outcome, analysis) = match result {
            Ok(r) => r,
            Err(_) => {
                let _ = writeln!(err, "reso: {name}: internal error while checking; skipped");
                trouble = true;
                tally.skipped += 1;
                continue;
            }
        };
        tally.files += 1;
        tally.resolutions += analysis.doc.resolutions();
        // The text the diagnostics below describe: the fixed one.
        let mut final_text = text.as_str();
        if let Some(outcome) = &outcome {
            if !outcome.settled {
                let _ = writeln!(
                    err,
                    "reso: {name}: warning: the fixes did not settle after {} rounds; some are left",
                    fix::MAX_ROUNDS
                );
            }
            for a in &outcome.applied {
                let verb = if args.diff { "would fix" } else { "fixed" };
                let line = format!(
                    "{name}:{}:{}: {verb}[{}]: {}",
                    a.line, a.column, a.code, a.title
                );
                let sink: &mut dyn Write = if fixes_to_stdout {
                    &mut *out
                } else {
                    &mut *err
                };
                write_failed |= writeln!(sink, "{line}").is_err();
            }
            if outcome.changed(text) {
                tally.fixes += outcome.applied.len();
                tally.files_fixed += 1;
                if args.diff {
                    let old = String::from_utf8_lossy(&draft.encode(text)).into_owned();
                    let new = String::from_utf8_lossy(&draft.encode(&outcome.text)).into_owned();
                    write_failed |= out
                        .write_all(files::unified_diff(&name, &old, &new).as_bytes())
                        .is_err();
                } else if let Input::File(path) = input {
                    if let Err(e) = files::write_atomically(path, &draft.encode(&outcome.text)) {
                        let _ = writeln!(
                            err,
                            "reso: {name}: cannot write the fixes: {}",
                            io_message(&e)
                        );
                        trouble = true;
                    }
                }
            }
            if args.diff {
                // The patch alone on stdout; diagnostics wait for a real run.
                if write_failed {
                    return 2;
                }
                continue;
            }
            final_text = &outcome.text;
        }
        let index = LineIndex::new(final_text);
        for d in &analysis.diagnostics {
            tally.add(d);
            if args.summary {
                continue;
            }
            let r = Reported::new(&name, &index, d);
            match args.format {
                Format::Human => write_failed |= writeln!(out, "{}", r.human()).is_err(),
                Format::Github => {
                    write_failed |= writeln!(out, "{}", super::github::annotation(&r)).is_err()
                }
                Format::Json | Format::Sarif => reported.push(r),
            }
        }
        if write_failed {
            return 2;
        }
    }

    if args.diff {
        let _ = writeln!(err, "{}", tally.fixes_line(true));
        return if trouble {
            2
        } else if tally.files_fixed > 0 {
            1
        } else {
            0
        };
    }

    let written = match args.format {
        Format::Human | Format::Github => {
            let mut s = String::new();
            if args.summary || inputs.len() > 1 {
                for (code, n) in &tally.by_code {
                    s.push_str(&format!("{code}: {n}\n"));
                }
            }
            s.push_str(&tally.summary_line());
            if args.fix {
                s.push_str(&format!("; {}", tally.fixes_line(false)));
            }
            writeln!(out, "{s}")
        }
        Format::Json if args.summary => {
            let summary = JsonSummary {
                files: tally.files,
                resolutions: tally.resolutions,
                skipped: tally.skipped,
                errors: tally.count(Severity::Error),
                warnings: tally.count(Severity::Warning),
                information: tally.count(Severity::Information),
                hints: tally.count(Severity::Hint),
                codes: tally
                    .by_code
                    .iter()
                    .map(|(c, n)| (c.as_str(), *n))
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &summary)
                .map_err(io::Error::other)
                .and_then(|_| writeln!(out))
        }
        Format::Json => serde_json::to_writer_pretty(&mut *out, &reported)
            .map_err(io::Error::other)
            .and_then(|_| writeln!(out)),
        Format::Sarif => {
            let log = super::sarif::log(&reported, args.docs_base.as_deref());
            serde_json::to_writer_pretty(&mut *out, &log)
                .map_err(io::Error::other)
                .and_then(|_| writeln!(out))
        }
    };
    if args.fix && args.format != Format::Human {
        let _ = writeln!(err, "{}", tally.fixes_line(false));
    }
    if written.is_err() {
        return 2;
    }
    if trouble {
        2
    } else if tally.count(Severity::Error) > 0 {
        1
    } else {
        0
    }
}

/// Drafts in a folder, in name order: `.reso` and `.txt` files, not in
/// hidden folders or `target/`.
pub(crate) fn walk_drafts(
    dir: &Path,
    inputs: &mut Vec<PathBuf>,
    err: &mut dyn Write,
    trouble: &mut bool,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let _ = writeln!(
                err,
                "reso: {}: cannot read the folder: {}",
                dir.display(),
                io_message(&e)
            );
            *trouble = true;
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if name != "target" {
                walk_drafts(&path, inputs, err, trouble);
            }
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("reso") | Some("txt")
        ) {
            inputs.push(path);
        }
    }
}

/// An I/O error as a short sentence, without Rust's `(os error 2)`.
pub(crate) fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_positions_are_one_based_char_columns() {
        let text = "Noting 😀 that\r\n1. Decides ;";
        let index = LineIndex::new(text);
        let start = text.find("that").unwrap();
        let d = Diagnostic::new(Code::Terminator, start..start + 4, "a message");
        let r = Reported::new("a.txt", &index, &d);
        assert_eq!((r.line, r.column, r.end_line, r.end_column), (1, 10, 1, 14));
        assert_eq!((r.start_byte, r.end_byte), (start, start + 4));
        assert_eq!(r.human(), "a.txt:1:10: warning[terminator]: a message");
        let semi = text.rfind(';').unwrap();
        let d = Diagnostic::new(Code::Numbering, semi..semi + 1, "m");
        let r = Reported::new("-", &index, &d);
        assert_eq!((r.line, r.column, r.end_column), (2, 12, 13));
    }

    #[test]
    fn summary_line_counts() {
        let mut t = Tally {
            files: 2,
            ..Tally::default()
        };
        assert_eq!(t.summary_line(), "2 files checked: 0 errors, 0 warnings");
        t.add(&Diagnostic::new(Code::Numbering, 0..1, ""));
        let mut hint = Diagnostic::new(Code::CitationOrder, 0..1, "");
        hint.severity = Severity::Hint;
        t.add(&hint);
        t.skipped = 1;
        t.files = 1;
        assert_eq!(
            t.summary_line(),
            "1 file checked: 1 error, 0 warnings, 1 hint; 1 file skipped"
        );
    }
}
