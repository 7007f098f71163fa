#!/usr/bin/env bash
# Editors' part of CI (called by .ci/run after the Rust tests; runs as root on a
# clean clone): the grammar drift test for now; the VS Code extension and the
# headless Neovim test follow.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== editors: %s\n' "$*"; }

step "grammar drift test"
node --test grammar/test/
