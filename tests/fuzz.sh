#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo fuzz, libFuzzer) of the front-matter parser, the whole analysis and
# output of one article, and the language server's edit path and position conversion, each for a bounded
# time. Not part of tests/all.sh: it needs the nightly toolchain, and its findings become regression tests
# there (server/tests/robustness.rs). cargo-fuzz is installed on first use into ~/.cache/dateline-tools.
# New inputs go to fuzz/corpus/TARGET, which is then minimised to those that add coverage (`cargo fuzz
# cmin`) and committed; a crash is written to fuzz/artifacts/TARGET and stops the run. docs/robustness.md records the runs.
# Usage: bash tests/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]     e.g. bash tests/fuzz.sh 60 edits
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(front_matter settings_file brat article edits)
tools=${DATELINE_TOOLS:-$HOME/.cache/dateline-tools}
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "tests/fuzz.sh: the nightly toolchain is needed (cargo fuzz builds with sanitizers)" >&2
  exit 2
fi
fuzz=$tools/cargo-fuzz/bin/cargo-fuzz
if [ ! -x "$fuzz" ]; then
  echo "installing cargo-fuzz into $tools/cargo-fuzz (once)…" >&2
  cargo install --quiet --locked cargo-fuzz --root "$tools/cargo-fuzz" >&2
fi
export PATH="$tools/cargo-fuzz/bin:$PATH"
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  max_len=4096
  [ "$t" = article ] && max_len=6000
  echo "==> $t: $seconds s"
  cargo +nightly fuzz run -O "$t" "corpus/$t" -- \
    -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
    2>&1 | grep -E '^(#[0-9]+ +DONE|Done|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)' || true
  # the run ended without a crash only if no artifact appeared
  if compgen -G "artifacts/$t/crash-*" > /dev/null || compgen -G "artifacts/$t/timeout-*" > /dev/null \
    || compgen -G "artifacts/$t/oom-*" > /dev/null; then
    echo "<== $t: FOUND A FAILURE, see fuzz/artifacts/$t" >&2
    exit 1
  fi
  cargo +nightly fuzz cmin -O "$t" "corpus/$t" -- -max_len="$max_len" > /dev/null 2>&1 || true
  echo "<== $t: no failure; corpus/$t holds $(ls "corpus/$t" | wc -l) inputs"
done
