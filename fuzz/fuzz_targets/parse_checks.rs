//! (a) The parser and every check on arbitrary UTF-8: no panic, every line in
//! exactly one block, blocks in text order, every range on the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../server/tests/prop_support/mod.rs"]
mod prop_support;

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 is made valid rather than dropped, so every input counts.
    let src = String::from_utf8_lossy(data);
    let a = reso::analysis::analyze(
        &src,
        &reso::config::Config::default(),
        reso::catalog::Catalog::builtin(),
    );
    prop_support::check_invariants(&src, &a);
});
