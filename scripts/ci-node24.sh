#!/usr/bin/env bash
# CI's Node 24 pass (.ci/run): the domain's and the sample data's unit tests, then the tests that
# depend on the database server (SERVER_PASS_FILES) against the machine's PostgreSQL 15 server. So the
# code that runs on Node is tested on both Nodes, and both database paths stay green: embedded
# PostgreSQL on Node 20 (`npm test`, every test) and the PostgreSQL server on Node 24 (here).
# .ci/run starts it beside the browser phase of `npm test` (COSO_BESIDE_BROWSER, scripts/test.sh):
# the browser journeys (two files at a time) mostly wait on Chromium and the gateway, so the cores
# do this meanwhile instead of after. Same node_modules as Node 20: its only native
# addons are N-API (see scripts/node24.sh). Each phase appends its line to COSO_PHASE_LOG if set.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
timed() {
  local name=$1; shift
  local start=$SECONDS code
  ( set -e; "$@" )
  code=$?
  local line
  line=$(printf '%-28s %5d s  %s' "$name" "$((SECONDS - start))" "$([ $code -eq 0 ] && echo ok || echo "FAILED ($code)")")
  echo "── ${line}"
  [ -n "${COSO_PHASE_LOG:-}" ] && echo "$line" >>"$COSO_PHASE_LOG"
  [ "$status" -eq 0 ] && status=$code
  return $code
}
# Each phase runs in a subshell, so every Node 24 command asks scripts/node24.sh for the binary's
# directory (instant once installed).
on_node24() {
  local bin
  bin=$(bash scripts/node24.sh)
  PATH="$bin:$PATH" "$@"
}
node24_install() {
  on_node24 node -e 'if (process.versions.node.split(".")[0] !== "24") process.exit(1)'
  echo "ci: $(on_node24 node -v) from $(bash scripts/node24.sh)"
}
server_pass() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  fi
  pg_ctlcluster 15 main start 2>/dev/null || pg_ctlcluster 15 main status >/dev/null
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coso_ci') THEN CREATE ROLE coso_ci LOGIN SUPERUSER PASSWORD 'coso_ci'; END IF; END \\\$\\\$;\""
  TEST_DATABASE_URL=postgres://coso_ci:coso_ci@127.0.0.1:5432/postgres on_node24 npx vitest run --project schema --project gateway \
    "${SERVER_PASS_FILES[@]}"
}
# What the server pass runs: the tests whose outcome can depend on which PostgreSQL answers — its
# build and configuration, not coso's SQL, which `npm test` runs in full on the embedded server (the
# same major, 15, reached by URL like any server): roles and grants on a real cluster (db-roles), the
# pool, connection limits and readiness; migrations, constraints, drift and the connection layer
# (schema's database/); names in the ICU collation (places.test.ts: "Tổ 2" before "Tổ 10"); text
# search. With the whole schema and gateway suites here too, CI took 24–26 minutes on 2 cores.
SERVER_PASS_FILES=(
  apps/gateway/src/db-roles.test.ts
  apps/gateway/src/pool.test.ts
  apps/gateway/src/connection-budget.test.ts
  apps/gateway/src/readiness.test.ts
  packages/schema/src/database/
  packages/schema/src/graphql/places.test.ts
  packages/schema/src/graphql/text-search
)
timed "Node 24 install" node24_install || exit $?
# The packages that run on Node: the domain (partner teams' apps and the gateway) and the sample data.
# The admin web's unit tests are not run here: the app runs in the browser, and is built on Node 20.
timed "unit, Node 24" on_node24 npx vitest run --project domain --project sample-data
timed "PostgreSQL server, Node 24" server_pass
exit "$status"
