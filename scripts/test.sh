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
phase "cross-package and browser" npx vitest run --project tests || keep
exit "$status"
