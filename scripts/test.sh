#!/usr/bin/env bash
# The whole check, as CI runs it: type-check, lint and format, then every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== type-check (tsc, strict)"
npx tsc -p tsconfig.json
echo "== lint and format (biome)"
npx biome check .
echo "== tests (vitest, Node)"
npx vitest run
