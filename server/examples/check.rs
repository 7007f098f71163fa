//! Prints the diagnostics of a draft (a debugging aid; `reso check` is the CLI).
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    let a = reso::analysis::analyze(&src, &Default::default(), reso::catalog::Catalog::builtin());
    for d in &a.diagnostics {
        let line = src[..d.range.start].matches('\n').count() + 1;
        let col = src[..d.range.start]
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        println!(
            "{path}:{line}:{col}: {}[{}]: {} | {:?}",
            d.severity,
            d.code,
            d.message,
            &src[d.range.clone()]
        );
    }
}
