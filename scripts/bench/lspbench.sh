#!/usr/bin/env bash
# Runs the shared yardstick (../shared/tools/lspbench.py) on reso beside the
# lsp-floor server (stdio + JSON-RPC + tower-lsp and nothing else), as
# ../shared/tools/README.md describes. The yardstick is not part of this repo:
# without ../shared, use the project's own driver instead:
#     cargo bench --bench lsp_e2e
#
# Usage: scripts/bench/lspbench.sh [SIZE...]     (default: 20KB 1MB 10MB)
# Env:   EDITS (default 40), ROUNDS (default 2), OUT (default target/lspbench.json)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=../shared/tools
if [[ ! -f $shared/lspbench.py ]]; then
    echo "no $shared/lspbench.py here; run: cargo bench --bench lsp_e2e" >&2
    exit 2
fi
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(20KB 1MB 10MB)
floor=${FLOOR:-$HOME/.cache/lsp-floor/release/lsp-floor}
cargo build --release --bin reso
if [[ ! -x $floor ]]; then
    cargo build --release --manifest-path "$shared/lsp-floor/Cargo.toml" \
        --target-dir "$HOME/.cache/lsp-floor"
fi
size_args=()
for s in "${sizes[@]}"; do size_args+=(--size "$s"); done
# The seed first, then every other real text: larger sizes repeat them all.
files=(--file tests/fixtures/A-RES-66-184.txt)
for f in tests/fixtures/*.txt tests/fixtures/ga80/*.txt; do
    [[ $f == */A-RES-66-184.txt ]] || files+=(--file "$f")
done
out=${OUT:-target/lspbench.json}
python3 "$shared/lspbench.py" \
    --server "reso=target/release/reso lsp" \
    --server "floor=$floor" \
    "${files[@]}" --language-id reso "${size_args[@]}" \
    --edits "${EDITS:-40}" --rounds "${ROUNDS:-2}" --json-out "$out"
echo "JSON: $out" >&2
