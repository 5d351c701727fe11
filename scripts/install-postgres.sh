#!/usr/bin/env bash
# Debian's PostgreSQL server binaries for the throwaway test database (test/helpers/throwaway-postgres.ts),
# installed quietly when missing, as the Chromium step of scripts/test.sh does. Prints the bin directory.
set -euo pipefail
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(find_bin)" ] || [ ! -x "$(find_bin)/initdb" ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then as_root=(sudo -n); fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq >/dev/null
  # The server only: no cluster is started for us (the tests make their own in a temporary directory).
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
find_bin
