#!/usr/bin/env bash
# Installs what the real-VS-Code e2e suite needs, once, outside the repository:
#   - Debian packages: the headers code-server's native modules build against, ripgrep, chromium;
#   - code-server 4.100.3 (VS Code 1.100 as a server; the last line that runs on Node 20) from npm.
# Idempotent: a second run only checks. Prints the install directory on its last line.
#
#   CODE_SERVER_DIR   where to install (default /opt/go-env-doctor-ci/code-server-4.100.3)
#
# Offline except for the package registries: @vscode/ripgrep's postinstall would download rg from
# GitHub, so its download cache is seeded with Debian's rg first.
set -euo pipefail

VERSION=4.100.3
DIR="${CODE_SERVER_DIR:-/opt/go-env-doctor-ci/code-server-$VERSION}"
BIN="$DIR/node_modules/.bin/code-server"
export DEBIAN_FRONTEND=noninteractive

log() { echo "install-code-server: $*" >&2; }

need_root() {
  if [ "$(id -u)" != 0 ]; then
    log "needs root for apt-get (or install these yourself: $*)"
    exit 1
  fi
}

# 1. Debian packages.
PKGS=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium build-essential python3 ca-certificates)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  need_root "${missing[*]}"
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  log "warning: code-server $VERSION wants Node 20; this is Node $(node -v)"
fi

# 2. code-server, unless this exact version already runs from $DIR.
installed_version() {
  [ -x "$BIN" ] || return 1
  # --config, XDG_DATA_HOME: never read or create the user's ~/.config/code-server/config.yaml
  # nor write logs under ~/.local/share/code-server.
  XDG_DATA_HOME="$DIR/xdg-data" "$BIN" --config "$DIR/config.yaml" --version 2>/dev/null | awk '/ with Code / {print $1; exit}'
}
if [ "$(installed_version || true)" = "$VERSION" ]; then
  log "code-server $VERSION already installed"
else
  # @vscode/ripgrep (1.15.11 in VS Code 1.100) looks for its release tarball in
  # <os.tmpdir()>/vscode-ripgrep-cache-1.15.11/ before downloading it from GitHub.
  tmp="$(node -p 'require("os").tmpdir()')"
  cache="$tmp/vscode-ripgrep-cache-1.15.11"
  tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -s "$tarball" ]; then
    log "seeding $tarball with $(command -v rg)"
    mkdir -p "$cache"
    stage="$(mktemp -d)"
    cp "$(command -v rg)" "$stage/rg"
    tar -C "$stage" -czf "$tarball" rg
    rm -rf "$stage"
  fi

  log "npm install code-server@$VERSION into $DIR (builds native modules; a few minutes)"
  mkdir -p "$DIR"
  printf 'auth: none\n' > "$DIR/config.yaml"
  [ -f "$DIR/package.json" ] || echo '{"name":"go-env-doctor-code-server","private":true}' > "$DIR/package.json"
  # unsafe-perm: lifecycle scripts keep root; yes: node-pty's postinstall runs `npx node-gyp`.
  (cd "$DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false \
    npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION" >&2)
  got="$(installed_version || true)"
  if [ "$got" != "$VERSION" ]; then
    log "code-server did not install (got '${got}')"
    exit 1
  fi
fi

# 3. Sanity: ripgrep in place, chromium runs.
rg_bin="$(find "$DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin" -name rg 2>/dev/null | head -1)"
if [ -z "$rg_bin" ] || ! "$rg_bin" --version >/dev/null 2>&1; then
  log "ripgrep missing in code-server's @vscode/ripgrep"
  exit 1
fi
# (chromium's wrapper would create ~/.config/chromium for a --version)
XDG_CONFIG_HOME="$DIR/xdg-config" /usr/bin/chromium --version >&2

echo "$DIR"
