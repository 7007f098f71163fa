//! Catalogue load time and memory, and the recogniser's speed.
//!
//! `cargo bench --bench catalog`. Memory is counted by a global allocator
//! that tracks live heap bytes: what the parsed built-in catalogue keeps
//! beyond the embedded text (which lives in the binary's read-only data).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{criterion_group, criterion_main, Criterion};
use reso::catalog::{Catalog, BUILTIN_FILES};
use reso::citations::recognise_text;
use reso::un::{Body, Organ};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn memory_report() {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let cat = Catalog::load_builtin();
    let kept = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let embedded: usize = BUILTIN_FILES.iter().map(|(_, text, _)| text.len()).sum();
    let rows: Vec<String> = cat
        .count_by_body()
        .iter()
        .map(|(b, n)| format!("{b} {n}"))
        .collect();
    println!(
        "catalogue: {} entries ({}); heap kept {:.2} MiB, peak during load {:.2} MiB; embedded text {:.2} MiB",
        cat.len(),
        rows.join(", "),
        kept as f64 / 1048576.0,
        peak as f64 / 1048576.0,
        embedded as f64 / 1048576.0
    );
    drop(cat);
}

fn bench(c: &mut Criterion) {
    memory_report();
    c.bench_function("catalog: load built-in (parse 4 TSVs, index)", |b| {
        b.iter(|| black_box(Catalog::load_builtin()))
    });
    let cat = Catalog::builtin();
    c.bench_function("catalog: lookup by symbol (hit and miss)", |b| {
        b.iter(|| {
            black_box(cat.get(black_box("A/RES/74/45")));
            black_box(cat.get(black_box("A/RES/66/288")));
            black_box(cat.sc(black_box(1325)));
        })
    });
    let seed = include_str!("../../tests/fixtures/A-RES-66-184.txt");
    let mut big = String::new();
    while big.len() < 1_000_000 {
        big.push_str(seed);
        big.push('\n');
    }
    let mut group = c.benchmark_group("recogniser");
    group.sample_size(10);
    group.throughput(criterion::Throughput::Bytes(big.len() as u64));
    group.bench_function("recognise 1 MB of resolution text", |b| {
        b.iter(|| black_box(recognise_text(&big, Some(&Organ::Known(Body::GA)))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
