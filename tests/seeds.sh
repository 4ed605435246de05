#!/usr/bin/env bash
# Acceptance on the five real seed articles: every required actor, event cluster and denied claim found,
# nothing forbidden reported (../shared/corpora/seeds.gold.toml, scored by ../shared/tools/score.py), and the
# language server showing them (server/tests/lsp_seeds.rs).
# Usage: bash tests/seeds.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
out=target/eval
mkdir -p "$out"
cargo build --release --quiet
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/dateline
"$bin" check --format json --fail-on never "$shared/corpora/seeds" > "$out/seeds-check.json"
"$bin" export --format json "$shared/corpora/seeds" > "$out/seeds-export.json"
python3 "$shared/tools/score.py" seeds "$out/seeds-check.json" "$out/seeds-export.json" "$shared/corpora/seeds.gold.toml"
# The language server on the same articles: hover, definition and the denied-claim diagnostic.
DATELINE_SHARED=$(cd "$shared" && pwd) cargo test --release --quiet --test lsp_seeds -- --ignored
