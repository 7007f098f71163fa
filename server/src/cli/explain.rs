//! `reso explain CODE`: the documentation page of a diagnostic code, from
//! docs/diagnostics/ (embedded in the binary; `server/docs/diagnostics` is a
//! link to that folder, so that the packaged crate carries the pages too).

use std::io::Write;

use crate::diagnostic::Code;

/// The page of a code (Markdown, as in docs/diagnostics/CODE.md).
pub fn page(code: Code) -> &'static str {
    macro_rules! pages {
        ($($variant:ident => $file:literal),* $(,)?) => {
            match code {
                $(Code::$variant => include_str!(concat!("../../docs/diagnostics/", $file)),)*
            }
        };
    }
    pages! {
        Numbering => "numbering.md",
        SubNumbering => "sub-numbering.md",
        FootnoteUndefined => "footnote-undefined.md",
        FootnoteUnused => "footnote-unused.md",
        FootnoteDuplicate => "footnote-duplicate.md",
        FootnoteOrder => "footnote-order.md",
        FootnoteRepeated => "footnote-repeated.md",
        OpenerUnknown => "opener-unknown.md",
        OpenerMisplaced => "opener-misplaced.md",
        Terminator => "terminator.md",
        Structure => "structure.md",
        SymbolUnknown => "symbol-unknown.md",
        SymbolMalformed => "symbol-malformed.md",
        CitationDate => "citation-date.md",
        CitationSession => "citation-session.md",
        CitationOrder => "citation-order.md",
        CitationInconsistent => "citation-inconsistent.md",
    }
}

/// The page's one-line summary: its first paragraph after the title.
pub fn summary(code: Code) -> String {
    let mut lines = page(code)
        .lines()
        .skip_while(|l| l.starts_with('#') || l.trim().is_empty());
    let mut out = String::new();
    for l in lines.by_ref() {
        if l.trim().is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(l.trim());
    }
    out
}

/// Every code, comma-separated.
pub fn codes_list() -> String {
    Code::ALL
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn run(code: Option<&str>) -> i32 {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut err = std::io::stderr();
    explain(code, &mut out, &mut err)
}

/// Prints the page of `code`, or the list of codes when there is none.
/// Exit 0, or 2 for an unknown code.
pub fn explain(code: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(name) = code else {
        let mut s =
            String::from("The diagnostic codes of reso (`reso explain CODE` prints a page):\n\n");
        for c in Code::ALL {
            s.push_str(&format!("{:<22} {}\n", c.as_str(), summary(c)));
        }
        return if out.write_all(s.as_bytes()).is_ok() {
            0
        } else {
            2
        };
    };
    // As printed (`[numbering]`) or in any case.
    let wanted = name
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    match Code::parse(&wanted) {
        Some(c) => {
            if out.write_all(page(c).as_bytes()).is_ok() {
                0
            } else {
                2
            }
        }
        None => {
            let _ = writeln!(
                err,
                "reso: `{name}` is not a diagnostic code; the codes are: {}",
                codes_list()
            );
            2
        }
    }
}
