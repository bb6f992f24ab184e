#!/usr/bin/env bash
# The run command: installs what is missing, builds the site in release mode into dist/
# and serves it on http://127.0.0.1:8080 (PORT=… picks another port).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh site
scripts/build-site.sh
exec node scripts/serve.mjs dist "${PORT:-8080}"
