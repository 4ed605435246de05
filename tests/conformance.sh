#!/usr/bin/env bash
# The protocol conformance suite: `dateline lsp` driven by pytest-lsp, every response read into lsprotocol's
# types (tests/conformance/). pytest-lsp (pinned) is installed once into a virtual environment in the tools
# cache ($DATELINE_TOOLS, else ~/.cache/dateline-tools); the release binary is built first.
# Usage: bash tests/conformance.sh [PYTEST_ARGS…]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTEST_LSP_VERSION=1.0.1
tools=${DATELINE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/dateline-tools}
venv=$tools/pytest-lsp-$PYTEST_LSP_VERSION
if [ ! -x "$venv/bin/pytest" ]; then
  echo "installing pytest-lsp $PYTEST_LSP_VERSION from PyPI into $venv (once)…" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "pytest-lsp==$PYTEST_LSP_VERSION" >&2
fi
cargo build --release --quiet --bin dateline
target=${CARGO_TARGET_DIR:-target}
[[ $target == /* ]] || target=$PWD/$target
DATELINE_BIN=$target/release/dateline "$venv/bin/pytest" -q -p no:cacheprovider tests/conformance "$@"
