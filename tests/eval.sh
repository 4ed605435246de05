#!/usr/bin/env bash
# The scorer's figures on the three sets in ../shared (seeds, emergent-dev, ecbplus-dev).
# Usage: bash tests/eval.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
out=target/eval
mkdir -p "$out"
cargo build --release --quiet
bin=target/release/dateline
score=$shared/tools/score.py
echo "seeds:"
bash tests/seeds.sh "$shared" | grep "^score:" || true
echo "emergent-dev (denied pairs):"
"$bin" check --format json --fail-on never "$shared/data/emergent-dev" > "$out/emergent-check.json"
python3 "$score" pairs "$out/emergent-check.json" "$shared/data/emergent-dev/gold.json"
echo "ecbplus-dev (events):"
"$bin" export --format json "$shared/data/ecbplus-dev/corpus" > "$out/ecb-export.json"
python3 "$score" events "$out/ecb-export.json" "$shared/data/ecbplus-dev/gold.jsonl"
