#!/usr/bin/env bash
# Runs one fuzz target of fuzz/ for a while, with its seed corpus.
#
# Usage: scripts/fuzz/run.sh TARGET [SECONDS]    (default 600)
#   parse_checks  the parser and every check on arbitrary UTF-8
#   edits         random edit sequences: reanalyze equals analyze after each
#   jsonrpc       arbitrary bytes into reso lsp's JSON-RPC reader
# Needs cargo-fuzz (cargo install cargo-fuzz) and a nightly toolchain.
# A finding lands in fuzz/artifacts/TARGET/; replay it with
#   cargo +nightly fuzz run -s none TARGET fuzz/artifacts/TARGET/<file>
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: scripts/fuzz/run.sh parse_checks|edits|jsonrpc [SECONDS]}
secs=${2:-600}
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
case $target in
    parse_checks)
        cp -n tests/fixtures/*.txt tests/fixtures/ga80/*.txt tests/fixtures/drafts/* "$corpus/"
        max_len=4096 ;;
    edits) max_len=2048 ;;
    jsonrpc)
        python3 scripts/fuzz/seed_jsonrpc.py "$corpus"
        max_len=16384 ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
# -s none: safe Rust needs no AddressSanitizer, and runs several times faster.
exec cargo +nightly fuzz run -s none "$target" -- \
    -max_total_time="$secs" -max_len="$max_len" -timeout=20 -print_final_stats=1
