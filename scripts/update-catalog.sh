#!/usr/bin/env bash
# Refreshes the embedded catalogue (server/data/catalog/) from the project's
# shared catalogue data. The files are copied verbatim: reso parses them at
# run time (once, lazily) without copying their text, so no transformation
# is needed. The script checks that every row has the nine columns.
#
# usage: scripts/update-catalog.sh [SHARED_CATALOG_DIR]   (default ../shared/data/catalog)
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-../shared/data/catalog}"
dst=server/data/catalog
files=(sc-resolutions-1946-2019.tsv ga-80-texts.tsv cited-in-texts.tsv ga-recorded-votes-voeten.tsv)
for f in "${files[@]}"; do
    awk -F'\t' -v f="$f" 'NF != 9 { printf "%s:%d: %d columns, expected 9\n", f, NR, NF; bad = 1 } END { exit bad }' "$src/$f"
    cp "$src/$f" "$dst/$f"
    chmod 644 "$dst/$f"
done
sha256sum "${files[@]/#/$dst/}"
echo "now run: cargo test -p reso-ls --lib catalog"
