#!/usr/bin/env bash
# Throughput of `reso check` on a folder of drafts: the real texts of
# tests/fixtures (and ga80/) copied over and over until the folder holds
# SIZE_MB megabytes (default 50), checked in one run. Prints MB/s and the
# peak memory that /usr/bin/time -v reports.
#
# Usage: scripts/bench/check_throughput.sh
# Env:   SIZE_MB (default 50); RESO_BIN (a built reso; default: cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb=${SIZE_MB:-50}
reso=${RESO_BIN:-target/release/reso}
[[ -n ${RESO_BIN:-} ]] || cargo build --release --bin reso
dir=target/bench-folder-${size_mb}MB
if [[ ! -f $dir/.complete ]]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    want=$((size_mb * 1024 * 1024))
    total=0
    copy=0
    while ((total < want)); do
        copy=$((copy + 1))
        sub=$dir/$(printf 'copy%04d' "$copy")
        mkdir -p "$sub"
        for f in tests/fixtures/*.txt tests/fixtures/ga80/*.txt; do
            cp "$f" "$sub/"
            total=$((total + $(stat -c %s "$f")))
            ((total < want)) || break
        done
    done
    touch "$dir/.complete"
fi
bytes=$(find "$dir" -type f \( -name '*.txt' -o -name '*.reso' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$dir" -type f -name '*.txt' | wc -l)
log=$(mktemp)
set +e
/usr/bin/time -v "$reso" check --summary "$dir" >/dev/null 2>"$log"
code=$?
set -e
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
secs=$(awk -v t="$wall" 'BEGIN {n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}')
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
if [[ $code -ge 2 ]]; then
    echo "reso check exited with $code:" >&2
    grep -v '^\s' "$log" | head -20 >&2
    exit 1
fi
awk -v b="$bytes" -v s="$secs" -v r="$rss_kb" -v f="$files" 'BEGIN {
    printf "reso check: %d files, %.1f MB in %.2f s = %.1f MB/s; peak RSS %.1f MB\n",
        f, b / 1048576, s, b / 1048576 / s, r / 1024 }'
