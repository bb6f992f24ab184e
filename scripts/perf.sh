#!/usr/bin/env bash
# Browser performance numbers: installs what is missing (as the run command does, plus
# Chromium), builds dist/ when the sources changed, and prints each measurement of
# scripts/perf.mjs with its budget.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
scripts/build-site.sh
export PATH="$PWD/node_modules/.bin:$PATH"
exec node scripts/perf.mjs dist
