#!/usr/bin/env bash
# End to end in a real VS Code: builds and packages editors/vscode (with the dateline binary bundled), installs
# the .vsix into code-server, serves a copy of the fixture corpus and drives it from headless Chromium.
# Usage: bash tests/editors/vscode.sh   — exits non-zero when an expected text is missing; screenshots are
# kept in target/editor-artifacts/.
set -euo pipefail
source "$(dirname "$0")/tools.sh"
need_code_server
need_dateline
bash "$REPO/editors/vscode/build.sh" "$DATELINE_BIN"

work=$(mktemp -d)
server_pid=
cleanup() {
  # code-server starts node processes of its own (the extension host, workers): its whole process group goes
  [ -n "$server_pid" ] && kill -- "-$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cp -r "$REPO/server/tests/fixtures/lsp" "$work/corpus"
touch "$work/corpus/dateline.toml"
mkdir -p "$work/data/user/User" "$work/data/ext"
cat >"$work/data/user/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "editor.hover.delay": 100,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden"
}
JSON
code_server=(env "PATH=$NODE24_BIN:$PATH" "$CODE_SERVER" --user-data-dir "$work/data/user" --extensions-dir "$work/data/ext")
"${code_server[@]}" --install-extension "$REPO/editors/vscode/dateline.vsix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# in a process group of its own (setsid), so that the cleanup ends everything it started
setsid "${code_server[@]}" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override "$work/corpus" >"$work/code-server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
artifacts=$REPO/target/editor-artifacts
rc=0
VSCODE_URL=http://127.0.0.1:$port CORPUS=$work/corpus CHROMIUM=$CHROMIUM PLAYWRIGHT_DIR=$PLAYWRIGHT_DIR \
  ARTIFACTS=$artifacts node "$REPO/tests/editors/vscode_test.mjs" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "--- code-server log (last 40 lines)"
  tail -40 "$work/code-server.log"
  find "$work/data/user/logs" -name '*Dateline*' -exec sh -c 'echo "--- $1"; tail -40 "$1"' _ {} \; 2>/dev/null
fi
exit "$rc"
