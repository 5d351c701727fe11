#!/usr/bin/env bash
# `npm run dev:worker [-- --port N] [-- --persist-to DIR]`: hookgate in local workerd (wrangler dev)
# with a local D1 that has the migrations applied. The admin token comes from the environment
# (HOOKGATE_ADMIN_TOKEN) or from .dev.vars. Offline: no login, no metrics, no remote calls.
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false WRANGLER_SEND_ERROR_REPORTS=false CLOUDFLARE_CF_FETCH_ENABLED=false

persist=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[$i]}" == "--persist-to" ]]; then persist=(--persist-to "${args[$((i + 1))]}"); fi
done

npx wrangler d1 migrations apply hookgate --local "${persist[@]}"

vars=()
if [[ -n "${HOOKGATE_ADMIN_TOKEN:-}" ]]; then vars=(--var "HOOKGATE_ADMIN_TOKEN:${HOOKGATE_ADMIN_TOKEN}"); fi
exec npx wrangler dev --ip 127.0.0.1 --show-interactive-dev-session=false "${vars[@]}" "$@"
