#!/usr/bin/env bash
# The whole check, as CI runs it: type-check, lint and format, the Node suite, then the Workers
# suite inside workerd. Offline: wrangler sends no metrics and makes no remote calls.
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false WRANGLER_SEND_ERROR_REPORTS=false CLOUDFLARE_CF_FETCH_ENABLED=false

echo "== type-check (tsc, strict): Node and Workers"
npx tsc -p tsconfig.json
npx tsc -p test/workers/tsconfig.json
echo "== lint and format (biome)"
npx biome check .
echo "== tests on Node (vitest)"
npx vitest run
echo "== tests inside workerd with D1 (vitest + @cloudflare/vitest-pool-workers)"
npx vitest run --config vitest.workers.config.ts
