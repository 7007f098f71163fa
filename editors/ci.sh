#!/usr/bin/env bash
# Editors' part of CI, called by .ci/run after the Rust tests. Runs as root on a
# clean clone with Rust, Node 20 and npm; installs what else it needs.
#
#   grammar drift test -> release server -> VS Code extension (npm ci, build, lint,
#   tests) -> linux-x64 and universal .vsix -> headless Neovim against the server
#
# The two .vsix files are left in target/vsix/.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

step() { printf '\n== editors: %s\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "editors/ci.sh: Node 20 or later is needed (found $(node --version))" >&2
  exit 1
fi

if ! command -v nvim >/dev/null 2>&1; then
  step "installing neovim (apt-get)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi

step "grammar drift test"
node --test grammar/test/

step "release server (cargo build --release -p reso-ls)"
cargo build --release -p reso-ls
server="$repo/target/release/reso"
"$server" --version

step "VS Code extension: npm ci, build, lint, tests"
(
  cd editors/vscode
  npm ci --no-audit --no-fund
  npm run build
  npm run lint
  npm test
)

step "VS Code extension: packages"
(
  cd editors/vscode
  node scripts/package.mjs --target linux-x64 --server "$server" --out "$repo/target/vsix/reso-linux-x64.vsix"
  node scripts/package.mjs --out "$repo/target/vsix/reso-universal.vsix"
)

step "headless Neovim $(nvim --version | head -1 | cut -d' ' -f2) against the release server"
RESO_BIN="$server" timeout 300 nvim --headless -u NONE -i NONE -n \
  -c "luafile editors/neovim/test/lsp_test.lua" </dev/null

step "packages"
for f in target/vsix/reso-linux-x64.vsix target/vsix/reso-universal.vsix; do
  printf '%s: %s bytes\n' "$f" "$(wc -c <"$f")"
done
