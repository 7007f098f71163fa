//! Compares a re-parse after an edit with a full parse of the edited text:
//! `cargo run --example reparse FILE LINE TEXT` inserts TEXT at the start of
//! line LINE (1-based) and prints where the two outlines, or their notes,
//! differ. A tool for the incremental oracle's failures.
use reso::syntax::parser::reparse_region;
use reso::syntax::{outline, parse_resumable, EditSpan};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, path, line, text] = &args[..] else {
        eprintln!("usage: reparse FILE LINE TEXT");
        std::process::exit(2);
    };
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let line: usize = line.parse().unwrap_or(1);
    let at = std::iter::once(0)
        .chain(src.match_indices('\n').map(|(i, _)| i + 1))
        .nth(line.saturating_sub(1))
        .unwrap_or(src.len());
    let text = text.replace("\\n", "\n");
    let next = format!("{}{}{}", &src[..at], text, &src[at..]);
    let Some(span) = EditSpan::between(&src, &next) else {
        println!("no edit");
        return;
    };
    let full = parse_resumable(&next).0;
    let Some((doc, _)) = reparse_region(parse_resumable(&src), &next, &span) else {
        println!("parsed whole");
        return;
    };
    if doc == full {
        println!("same");
        return;
    }
    let (a, b) = (outline::render(&next, &full), outline::render(&next, &doc));
    if let Some(dir) = std::env::var_os("RESO_REPARSE_DUMP") {
        // Both outlines whole, to compare with `diff`.
        let dir = std::path::Path::new(&dir);
        let written = std::fs::write(dir.join("full.txt"), &a)
            .and_then(|()| std::fs::write(dir.join("reparse.txt"), &b));
        if let Err(e) = written {
            eprintln!("{}: {e}", dir.display());
        }
    }
    for (x, y) in a.lines().zip(b.lines()).filter(|(x, y)| x != y).take(10) {
        println!("full:    {x}\nreparse: {y}");
    }
    for (x, y) in full.footnote_defs.iter().zip(&doc.footnote_defs) {
        if x != y {
            println!("full note:    {x:?}\nreparse note: {y:?}");
        }
    }
    if full.footnote_defs.len() != doc.footnote_defs.len() {
        println!(
            "notes: {} vs {}",
            full.footnote_defs.len(),
            doc.footnote_defs.len()
        );
    }
    if full.footnote_refs != doc.footnote_refs {
        println!("the references differ");
    }
}
