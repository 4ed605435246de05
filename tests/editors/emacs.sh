#!/usr/bin/env bash
# End to end in Emacs (Debian emacs-nox + elpa-eglot, batch) with editors/emacs/dateline.el.
# Usage: bash tests/editors/emacs.sh   — exits non-zero when an expected text is missing.
# -q, not -Q: Debian activates its elpa-* packages (eglot) from the site start files that -Q skips.
set -euo pipefail
source "$(dirname "$0")/tools.sh"
need_emacs
need_dateline
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$REPO/server/tests/fixtures/lsp" "$work/corpus"
touch "$work/corpus/dateline.toml"
mkdir -p "$work/bin" "$work/home"
ln -s "$DATELINE_BIN" "$work/bin/dateline"
PATH=$work/bin:$PATH HOME=$work/home DATELINE_ELISP=$REPO/editors/emacs DATELINE_CORPUS=$work/corpus \
  timeout 120 "$EMACS" -q --batch -l "$REPO/tests/editors/emacs_test.el"
