//! Full analysis on real text: the seed (20 KB) and compendiums of 1 MB and
//! 10 MB built from every fixture. Criterion reports MB/s (`thrpt`). Then one
//! keystroke's incremental re-analysis (`reanalyze`) at the start (first
//! paragraph of the body), middle and end of each, to set against a full one.
//!
//!     cargo bench --bench analysis              # everything
//!     cargo bench --bench analysis -- full/10MB # one size
//!
//! Figures and the machine they ran on: README, "Performance".

mod support;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use reso::analysis::{analyze, reanalyze, reanalyze_owned};
use reso::catalog::Catalog;
use reso::config::Config;
use reso::syntax::{BlockKind, EditSpan};

const SIZES: [&str; 3] = ["20KB", "1MB", "10MB"];

fn full(c: &mut Criterion) {
    let config = Config::default();
    let catalog = Catalog::builtin();
    let mut g = c.benchmark_group("full");
    for size in SIZES {
        let src = support::document(size);
        g.throughput(Throughput::Bytes(src.len() as u64));
        if src.len() > support::MB {
            g.sample_size(10);
        }
        g.bench_with_input(BenchmarkId::from_parameter(size), &src, |b, src| {
            b.iter(|| analyze(std::hint::black_box(src), &config, catalog))
        });
    }
    g.finish();
}

/// The parser alone, to split full analysis into parsing and checking.
fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for size in SIZES {
        let src = support::document(size);
        g.throughput(Throughput::Bytes(src.len() as u64));
        if src.len() > support::MB {
            g.sample_size(10);
        }
        g.bench_with_input(BenchmarkId::from_parameter(size), &src, |b, src| {
            b.iter(|| reso::syntax::parse(std::hint::black_box(src)))
        });
    }
    g.finish();
}

/// One typed character: the analysis before it, the text after it, the edit.
fn keystroke(src: &str, at: &str, config: &Config, catalog: &Catalog) -> (String, EditSpan) {
    let offset = match at {
        // The end of the first line of the first paragraph after the chapeau
        // (a keystroke in the heading re-parses the whole text).
        "start" => {
            let a = analyze(src, config, catalog);
            let b = a
                .doc
                .blocks
                .iter()
                .find(|b| matches!(b.kind, BlockKind::Preambular | BlockKind::Operative))
                .expect("a paragraph");
            b.lines.first().expect("a line").end
        }
        "middle" => support::keystroke_offset(src, 0.5),
        _ => support::keystroke_offset(src, 1.0),
    };
    let mut new_src = src.to_string();
    new_src.insert(offset, 'x');
    let edit = EditSpan {
        start: offset,
        old_end: offset,
        new_end: offset + 1,
    };
    (new_src, edit)
}

/// The server's path: `reanalyze_owned` takes the previous analysis by value
/// and re-parses in place (the clone that hands it over is not timed).
fn incremental(c: &mut Criterion) {
    let config = Config::default();
    let catalog = Catalog::builtin();
    let mut g = c.benchmark_group("keystroke");
    for size in SIZES {
        let src = support::document(size);
        let prev = analyze(&src, &config, catalog);
        g.throughput(Throughput::Bytes(src.len() as u64));
        if src.len() > support::MB {
            g.sample_size(20);
        }
        for at in ["start", "middle", "end"] {
            let (new_src, edit) = keystroke(&src, at, &config, catalog);
            g.bench_function(BenchmarkId::new(size, at), |b| {
                b.iter_batched(
                    || prev.clone(),
                    |p| reanalyze_owned(p, std::hint::black_box(&new_src), &edit, &config, catalog),
                    BatchSize::LargeInput,
                )
            });
        }
    }
    g.finish();
}

/// `reanalyze` by reference (the old analysis kept), at the middle.
fn incremental_by_ref(c: &mut Criterion) {
    let config = Config::default();
    let catalog = Catalog::builtin();
    let mut g = c.benchmark_group("keystroke_by_ref");
    for size in SIZES {
        let src = support::document(size);
        let prev = analyze(&src, &config, catalog);
        g.throughput(Throughput::Bytes(src.len() as u64));
        if src.len() > support::MB {
            g.sample_size(20);
        }
        let (new_src, edit) = keystroke(&src, "middle", &config, catalog);
        g.bench_function(BenchmarkId::new(size, "middle"), |b| {
            b.iter(|| {
                reanalyze(
                    &prev,
                    std::hint::black_box(&new_src),
                    &edit,
                    &config,
                    catalog,
                )
            })
        });
    }
    g.finish();
}

criterion_group!(benches, full, parse, incremental, incremental_by_ref);
criterion_main!(benches);
