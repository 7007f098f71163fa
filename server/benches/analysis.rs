//! Full analysis on real text: the seed (20 KB) and compendiums of 1 MB and
//! 10 MB built from every fixture. Criterion reports MB/s (`thrpt`).
//!
//!     cargo bench --bench analysis              # everything
//!     cargo bench --bench analysis -- full/10MB # one size
//!
//! Figures and the machine they ran on: README, "Performance".

mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use reso::analysis::analyze;
use reso::catalog::Catalog;
use reso::config::Config;

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

criterion_group!(benches, full, parse);
criterion_main!(benches);
