//! The command line: `reso lsp`, `reso check` (and `--fix`), `reso fmt`,
//! `reso explain`, `reso catalog import`, and the panic hook that keeps
//! backtraces away from users. docs/cli.md is the user's reference.

pub mod catalog_import;
pub mod check;
pub mod explain;
pub mod files;
pub mod fmt;
pub mod github;
pub mod sarif;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "reso",
    version,
    about = "Checks United Nations-style resolution drafts; `reso lsp` serves editors."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the Language Server Protocol on stdin and stdout.
    Lsp {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Check drafts and print their diagnostics (exit 0: no error, 1: errors, 2: a usage, file or settings problem).
    Check(CheckArgs),
    /// Normalise whitespace (never a word) in place; `--check` and `--diff` only report (exit 1: some file would change).
    Fmt(fmt::FmtArgs),
    /// Print the documentation page of a diagnostic code (`reso explain numbering`); without a code, list them.
    Explain {
        /// A diagnostic code, as `reso check` prints it between brackets.
        #[arg(value_name = "CODE")]
        code: Option<String>,
    },
    /// Build catalogue files (`reso catalog import FILE.xml`).
    #[command(subcommand)]
    Catalog(catalog_import::CatalogCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// `path:line:col: severity[code]: message`, then a summary line.
    #[default]
    Human,
    /// A JSON array of diagnostics.
    Json,
    /// GitHub Actions workflow commands (`::error file=...::message`), then the summary line.
    Github,
    /// SARIF 2.1.0 (code scanning), one run.
    Sarif,
}

#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Settings file to use instead of looking for `reso.toml` from each file's folder upward.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print only the counts per code and the summary line.
    #[arg(long)]
    pub summary: bool,
    /// Apply the safe fixes in place (renumbering, an opener typo with one clear suggestion, a wrong final punctuation mark, a citation date from the catalogue), then report what is left.
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes as a unified diff and write nothing (exit 1: some file would change).
    #[arg(long)]
    pub diff: bool,
    /// Base address of the diagnostic pages: SARIF rules get `<BASE>/<code>.md` as their helpUri.
    #[arg(long, value_name = "BASE")]
    pub docs_base: Option<String>,
    /// Files or folders to check (`.reso` and `.txt` files in folders), or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Replaces Rust's panic message (and any backtrace) with one line.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("reso: internal error: {what}{place} (please report it)");
    }));
}

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Lsp { .. } => crate::lsp::run_stdio(),
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Explain { code } => explain::run(code.as_deref()),
        Command::Catalog(command) => catalog_import::run_command(&command),
    }
}
