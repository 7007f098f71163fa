//! Prints the parsed outline of a draft: `cargo run --example outline FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: outline FILE");
        std::process::exit(2);
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    // Read as the analysis reads: through any Markdown markup (the reading
    // text has the same length, so the outline's ranges fit both).
    let src = reso::syntax::markup::reading(&src).unwrap_or(src);
    if std::env::var_os("RESO_READING").is_some() {
        print!("{src}");
        return;
    }
    let doc = reso::syntax::parse(&src);
    print!("{}", reso::syntax::outline::render(&src, &doc));
    if std::env::var_os("REFS").is_some() {
        for r in &doc.footnote_refs {
            let ctx_start = src.floor_char_boundary(r.range.start.saturating_sub(20));
            println!(
                "ref {} at {:?}: {:?}",
                r.number,
                r.range,
                &src[ctx_start..r.range.end]
            );
        }
    }
}
