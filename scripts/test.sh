#!/usr/bin/env bash
# `npm test`: every test, in phases that each print their duration. Build and lint stop the run at
# once (nothing else can pass without them); the test phases all run, and the exit code is the
# first failure's. With COSO_PHASE_LOG=<file>, each phase's line is also appended there (.ci/run
# prints them together at the end).
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
phase() {
  local name=$1; shift
  local start=$SECONDS
  echo "── ${name}: $*"
  "$@"
  local code=$?
  local line
  line=$(printf '%-28s %5d s  %s' "$name" "$((SECONDS - start))" "$([ $code -eq 0 ] && echo ok || echo "FAILED ($code)")")
  echo "── ${line}"
  [ -n "${COSO_PHASE_LOG:-}" ] && echo "$line" >>"$COSO_PHASE_LOG"
  return $code
}

phase build npx turbo run build typecheck || exit $?
phase lint npx biome check . || exit $?
# Layer boundaries (after the build: workspace packages resolve to their dist). .dependency-cruiser.cjs
phase boundaries npx depcruise packages/*/src apps/admin-web/src apps/gateway/src --config .dependency-cruiser.cjs || exit $?
keep() { local code=$?; [ "$status" -eq 0 ] && status=$code; }
phase unit npx vitest run --project domain --project sample-data --project admin-web || keep
phase api npx vitest run --project schema --project gateway || keep
# COSO_BESIDE_BROWSER (.ci/run sets it): a command run in the background during the browser phase,
# its output kept and printed after, its failure counted like a phase's.
beside_pid=
beside_log=
if [ -n "${COSO_BESIDE_BROWSER:-}" ]; then
  beside_log=$(mktemp)
  echo "── beside the browser phase: ${COSO_BESIDE_BROWSER} (output below when both end)"
  bash -c "$COSO_BESIDE_BROWSER" >"$beside_log" 2>&1 &
  beside_pid=$!
fi
phase "cross-package and browser" npx vitest run --project tests --project e2e || keep
if [ -n "$beside_pid" ]; then
  wait "$beside_pid"
  beside_code=$?
  echo "── output of ${COSO_BESIDE_BROWSER}:"
  cat "$beside_log"
  rm -f "$beside_log"
  [ "$status" -eq 0 ] && status=$beside_code
fi
exit "$status"
