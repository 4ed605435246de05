#!/usr/bin/env bash
# Helix cannot be installed here (see editors/helix/README.md): this checks what can be checked — that
# editors/helix/languages.toml parses and starts `dateline lsp` for Markdown and text files.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
python3 - "$REPO/editors/helix/languages.toml" <<'PY'
import sys, tomllib
with open(sys.argv[1], "rb") as f:
    cfg = tomllib.load(f)
server = cfg["language-server"]["dateline"]
assert [server["command"], *server["args"]] == ["dateline", "lsp"], server
langs = {l["name"]: l for l in cfg["language"]}
for name, ext in (("markdown", None), ("news-text", "txt")):
    assert "dateline" in langs[name]["language-servers"], name
    assert langs[name]["roots"][0] == "dateline.toml", name
    if ext:
        assert ext in langs[name]["file-types"], name
print("helix: languages.toml parses and registers dateline for markdown and txt (not run: Helix is not installable here)")
PY
