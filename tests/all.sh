#!/usr/bin/env bash
# Every test of the project, as CI runs it: formatting, lints, the Rust test suite (unit, end-to-end, snapshots),
# the LSP conformance suite (pytest-lsp), the safety check (strace), the editor integrations driven in the real editors (Neovim, Emacs, VS Code; installed once and cached),
# and, when ../shared is beside the checkout, the acceptance check on the seed articles and the dev-set figures.
# Usage: bash tests/all.sh            (from the repository root or anywhere inside it)
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0
step() {
  local name=$1
  shift
  echo "==> $name"
  if "$@"; then
    passed=$((passed + 1))
    echo "<== $name: ok"
  else
    failed=$((failed + 1))
    echo "<== $name: FAILED"
  fi
}

step "cargo fmt --check" cargo fmt --all --check
step "cargo clippy" cargo clippy --all-targets --release -- -D warnings
step "cargo test" cargo test --release --all-targets
# the fuzz targets (run by tests/fuzz.sh on nightly) still build against the library
step "fuzz targets build" bash -c 'cd fuzz && cargo check --quiet'
# the protocol as a real client speaks it, every answer read into lsprotocol's types (pytest-lsp, cached)
step "LSP conformance (pytest-lsp)" bash tests/conformance.sh
# nothing read outside the corpus and the cache, no network: every system call checked under strace
step "safety (strace)" bash tests/safety.sh

# The editor integrations, each in the real editor (installed on first use and cached; see tests/editors/tools.sh).
step "editor: Neovim 0.11 (headless)" bash tests/editors/nvim.sh
step "editor: Emacs + Eglot (batch)" bash tests/editors/emacs.sh
step "editor: VS Code (code-server + Chromium)" bash tests/editors/vscode.sh
step "editor: Helix languages.toml" bash tests/editors/helix.sh

shared=../shared
if [ -d "$shared/corpora/seeds" ] && [ -f "$shared/tools/score.py" ]; then
  step "seeds acceptance (../shared)" bash tests/seeds.sh "$shared"
  echo "==> dev-set figures (information, not pass/fail)"
  bash tests/eval.sh "$shared" || echo "dev-set figures could not be computed"
else
  echo "!!! SKIPPED: seeds acceptance and dev-set figures: $shared is not beside this checkout"
fi

echo "dateline: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
