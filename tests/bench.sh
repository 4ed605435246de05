#!/usr/bin/env bash
# Cold `dateline check` on generated corpora of 1,000, 10,000 and 100,000 articles, against ripgrep reading
# the same files (`rg -c . CORPUS`), with throughput, growth, peak memory and where the time went.
# The corpora are made by `cargo run --release --example gen_corpus` (deterministic) and kept under
# target/bench-corpus/; ripgrep is installed on first use into ~/.cache/dateline-tools (from crates.io).
# "Cold" means a new process on files already in the page cache (each run is preceded by one unmeasured
# read), so that the figures measure the program, not the disk, and without the facts cache (--no-cache);
# the last column is the same run with the facts cache warm (target/bench-cache). Each size is run three
# times (100,000 once); the best run is shown.
# Usage: bash tests/bench.sh [SIZES]      e.g. bash tests/bench.sh 1000,10000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-1000,10000,100000}
target=${CARGO_TARGET_DIR:-target}
tools=${DATELINE_TOOLS:-$HOME/.cache/dateline-tools}

cargo build --release --quiet --bin dateline --example gen_corpus
bin=$target/release/dateline
rg=$tools/ripgrep/bin/rg
if [ ! -x "$rg" ]; then
  echo "installing ripgrep into $tools/ripgrep (once)…" >&2
  cargo install --quiet --locked ripgrep --root "$tools/ripgrep" >&2
fi

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for n in ${sizes//,/ }; do
  dir=$target/bench-corpus/$n
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    "$target/release/examples/gen_corpus" "$n" "$dir" >&2
    touch "$dir/.complete"
  fi
  runs=3
  [ "$n" -ge 100000 ] && runs=1
  "$rg" -c . "$dir" > /dev/null # into the page cache
  # fill the facts cache for the warm runs
  DATELINE_CACHE_DIR=$target/bench-cache "$bin" check --quiet --fail-on never "$dir" > /dev/null
  for _ in $(seq "$runs"); do
    # rg: wall seconds; dateline: wall seconds, peak resident KiB, and its own timings line
    rg_s=$( { /usr/bin/time -f '%e' "$rg" -c . "$dir" > /dev/null; } 2>&1 | tail -1)
    out=$( { DATELINE_TIMINGS=1 /usr/bin/time -f 'TIME %e %M' "$bin" check --quiet --format json \
      --fail-on never --no-cache "$dir" > /dev/null; } 2>&1)
    read -r _ check_s rss_kib <<< "$(grep '^TIME' <<< "$out")"
    stages=$(grep '^dateline: timings:' <<< "$out" | sed 's/^dateline: timings: //')
    bytes=$(find "$dir" -type f -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
    # the same with the facts cache warm
    warm=$( { DATELINE_CACHE_DIR=$target/bench-cache /usr/bin/time -f 'TIME %e' "$bin" check --quiet \
      --format json --fail-on never "$dir" > /dev/null; } 2>&1)
    warm_s=$(grep '^TIME' <<< "$warm" | cut -d' ' -f2)
    echo "$n|$bytes|$check_s|$rg_s|$rss_kib|$stages|$warm_s" >> "$results"
  done
done

python3 - "$results" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" <<'PY'
import sys, datetime
rows = {}
for line in open(sys.argv[1]):
    n, b, c, r, rss, stages, w = line.rstrip("\n").split("|")
    n, b, c, r, rss, w = int(n), int(b), float(c), float(r), int(rss), float(w)
    if n not in rows or c < rows[n][1]:
        rows[n] = (b, c, r, rss, stages, min(w, rows[n][5]) if n in rows else w)
    else:
        rows[n] = rows[n][:5] + (min(w, rows[n][5]),)
print(f"\n## dateline check, cold, against rg -c . — {datetime.date.today()}, commit {sys.argv[2]}\n")
print("| articles | corpus | check | throughput | rg | check / rg | peak memory | where the time went | check, facts cache warm |")
print("|---|---|---|---|---|---|---|---|---|")
prev = None
for n in sorted(rows):
    b, c, r, rss, stages, w = rows[n]
    growth = f" ({c / prev[1]:.1f}× for {n / prev[0]:.0f}× the articles)" if prev else ""
    print(f"| {n:,} | {b / 1e6:.1f} MB | {c:.2f} s{growth} | {b / 1e6 / c:.1f} MB/s, {n / c:,.0f} articles/s "
          f"| {r:.2f} s | {c / max(r, 0.01):.0f}× | {rss / 1024:,.0f} MB ({rss * 1024 / b:.1f}× corpus) | {stages} "
          f"| {w:.2f} s |")
    prev = (n, c)
PY
