#!/usr/bin/env bash
# The whole check, as CI runs it: type-check, lint and format, Chromium for the browser suite and
# PostgreSQL's server for the store tests (both installed when missing), the Node suite (SQLite and
# PostgreSQL projects), then the Workers suite inside workerd. Offline: wrangler
# sends no metrics and makes no remote calls.
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false WRANGLER_SEND_ERROR_REPORTS=false CLOUDFLARE_CF_FETCH_ENABLED=false

echo "== type-check (tsc, strict): Node, Workers, and the browser code with DOM types only"
npx tsc -p tsconfig.json
npx tsc -p test/workers/tsconfig.json
npx tsc -p src/ui/browser/tsconfig.json
echo "== lint and format (biome)"
npx biome check .
echo "== headless Chromium for the browser suite (Debian's chromium)"
if [ ! -x /usr/bin/chromium ]; then
  # A fresh machine: install it quietly. As root here; with sudo where that is how one gets root.
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then as_root=(sudo -n); fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq >/dev/null
  "${as_root[@]}" apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null
if [ -z "${HOOKGATE_TEST_DATABASE_URL:-}" ] && [ "${HOOKGATE_TEST_NO_POSTGRES:-}" != "1" ]; then
  # The `postgres` project starts a throwaway server from these binaries (test/helpers/throwaway-postgres.ts).
  echo "== PostgreSQL server binaries for the postgres project (Debian's postgresql)"
  pg_bin="$(bash scripts/install-postgres.sh)"
  "$pg_bin/postgres" --version
fi
echo "== tests on Node (vitest: SQLite, then the store tests again on a throwaway PostgreSQL)"
npx vitest run
echo "== tests inside workerd with D1 (vitest + @cloudflare/vitest-pool-workers)"
npx vitest run --config vitest.workers.config.ts
