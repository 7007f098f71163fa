#!/usr/bin/env bash
# Renders images/icon.svg to images/icon.png (128x128, transparent corners) with
# headless Chromium (Debian: apt-get install chromium fonts-dejavu-core). Run by
# hand after changing the SVG; the PNG is committed.
set -euo pipefail
cd "$(dirname "$0")/../images"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --default-background-color=00000000 --window-size=128,128 \
  --screenshot="$PWD/icon.png" "file://$PWD/icon.svg" 2>/dev/null
