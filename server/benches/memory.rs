//! Heap that one analysis keeps, and the peak while it is made, for the seed
//! and the 1 MB / 10 MB compendiums: the part of the server's RSS that grows
//! with the document (issue 6: peak RSS at most 4× the document plus the
//! catalogue). A counting global allocator measures live heap bytes.
//!
//!     cargo bench --bench memory

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use reso::analysis::analyze;
use reso::catalog::Catalog;
use reso::config::Config;

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

fn mib(b: usize) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

fn main() {
    let config = Config::default();
    let catalog = Catalog::builtin();
    // Load the vocabulary and the catalogue first: they are not per document.
    drop(analyze(&support::seed(), &config, catalog));
    println!("| size | document | analysis kept | ×doc | peak while analysing | ×doc | blocks | diagnostics |");
    println!("|---|---|---|---|---|---|---|---|");
    for size in ["20KB", "1MB", "10MB"] {
        let src = support::document(size);
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let a = analyze(&src, &config, catalog);
        let kept = LIVE.load(Ordering::Relaxed) - before;
        let peak = PEAK.load(Ordering::Relaxed) - before;
        let n = src.len() as f64;
        println!(
            "| {size} | {:.2} MiB | {:.1} MiB | {:.1}× | {:.1} MiB | {:.1}× | {} | {} |",
            mib(src.len()),
            mib(kept),
            kept as f64 / n,
            mib(peak),
            peak as f64 / n,
            a.doc.blocks.len(),
            a.diagnostics.len()
        );
    }
}
