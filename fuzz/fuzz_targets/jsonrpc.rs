//! (c) Arbitrary bytes into `reso lsp`'s JSON-RPC reader: the whole server
//! (transport, tower-lsp service, handlers) reads the input to its end and
//! returns an exit code; no panic escapes, nothing hangs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Paused time: the server's 5 s wind-down timeouts pass at once when idle.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .expect("runtime");
    let input = data.to_vec();
    let code = rt.block_on(reso::lsp::serve(
        std::io::Cursor::new(input),
        tokio::io::sink(),
        reso::lsp::Options::default(),
    ));
    assert!(code == 0 || code == 1, "exit code {code}");
});
