#!/usr/bin/env bash
# Safety: `dateline check` and a `dateline lsp` session run under strace (installed with apt-get when
# missing, as the editor tests install their editors), and every file and network system call checked:
# nothing read outside the corpus, the cache folder and the system's libraries (links out of the corpus
# included, and files outside changed while the server runs), and no network at all (tests/safety/syscalls.py).
# Usage: bash tests/safety.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=editors/tools.sh
source tests/editors/tools.sh
command -v strace >/dev/null 2>&1 || need_debian strace
cargo build --release --quiet --bin dateline
target=${CARGO_TARGET_DIR:-target}
[[ $target == /* ]] || target=$PWD/$target
python3 tests/safety/syscalls.py "$target/release/dateline"
