#!/usr/bin/env bash
# Builds the VS Code extension: installs the pinned dependencies (npm ci), type-checks, lints, runs the unit
# tests, bundles with esbuild and packages dateline.vsix. With a path argument, that dateline binary is bundled
# into the package (server/dateline); without, the extension finds the server through dateline.server.path
# or PATH.
# Usage: bash editors/vscode/build.sh [path/to/dateline]
set -euo pipefail
cd "$(dirname "$0")"
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
step() { echo "[vscode] $*" >&2; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --silent --no-progress
fi
step "type-check (tsc)"
npx --no-install tsc --noEmit
step "lint (eslint)"
npx --no-install eslint --max-warnings 0 src
step "bundle (esbuild)"
node esbuild.mjs --production
step "unit tests (node --test)"
node --test out/test
# the schema of dateline.toml, for TOML extensions that read `tomlValidation` (Even Better TOML)
rm -rf schema
mkdir -p schema
cp ../schema/dateline.schema.json schema/
rm -rf server
if [ $# -ge 1 ]; then
  mkdir -p server
  cp "$1" server/dateline
  chmod +x server/dateline
  # the release profile keeps line tables for profiling; the packaged copy does not need them (54 → 8 MB)
  if command -v strip >/dev/null 2>&1; then strip server/dateline; fi
  step "bundling the server $1"
fi
step "package (vsce)"
npx --no-install vsce package --no-dependencies --skip-license --allow-missing-repository -o dateline.vsix >&2
ls -l dateline.vsix >&2
