#!/usr/bin/env bash
# Proves the quick start on this machine: `npm start` serves /health, the docs
# and the demo logins; after a SIGKILL the next start recovers by itself; SIGINT
# stops the embedded PostgreSQL too.
set -euo pipefail
cd "$(dirname "$0")/../.."

export PORT="${SMOKE_PORT:-3917}" DATA_DIR=".data/smoke" NODE_ENV=development
unset DATABASE_URL
base="http://127.0.0.1:${PORT}"
log=$(mktemp)
rm -rf "$DATA_DIR"

wait_for_health() {
  for _ in $(seq 1 120); do
    if curl -fsS "$base/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "API did not become healthy; log:" >&2
  cat "$log" >&2
  return 1
}

# The node process itself, not the `sh -c` npm wraps it in, and only this
# checkout's: another checkout on the machine may run an API too.
api_pid() {
  for pid in $(pgrep -f "^node (--[^ ]+ )*dist/apps/api/src/main.js"); do
    if [ "$(readlink "/proc/$pid/cwd")" = "$(pwd)" ]; then
      echo "$pid"
      return
    fi
  done
}

echo "smoke: npm start (fresh data directory)"
npm start >"$log" 2>&1 &
wait_for_health
curl -fsS "$base/api/docs" | grep -qi swagger
curl -fsS "$base/api/docs-json" | grep -q '"/api/v1/auth/login"'
curl -fsS -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"counselor.casey","password":"safe-schools-demo"}' | grep -q accessToken
grep -q "counselor.casey" "$log"

echo "smoke: SIGKILL the API, then start again"
kill -9 "$(api_pid)"
wait || true
node dist/apps/api/src/main.js >"$log" 2>&1 &
wait_for_health
grep -q "left running by an earlier run" "$log"
curl -fsS -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"parent.pat","password":"safe-schools-demo"}' | grep -q accessToken

echo "smoke: SIGINT stops the API and its database"
kill -INT "$(api_pid)"
wait
if pgrep -f "postgres -D $(pwd)/$DATA_DIR/postgres" >/dev/null; then
  echo "PostgreSQL still running after SIGINT" >&2
  exit 1
fi
rm -rf "$DATA_DIR" "$log"
echo "smoke: ok"
