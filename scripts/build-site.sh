#!/usr/bin/env bash
# Builds the site in release mode into dist/, unless dist/ already holds a build of exactly
# the current sources. Then moves Trunk's inline loader into a file, so the
# Content-Security-Policy needs no 'unsafe-inline'.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

stamp=$( { git ls-files -co --exclude-standard -- src static index.html Cargo.toml Cargo.lock Trunk.toml \
  scripts/finalize-dist.mjs \
  | sort | xargs sha256sum; } | sha256sum | cut -c1-16)
if [ -f dist/.stamp ] && [ "$(cat dist/.stamp)" = "$stamp" ]; then
  echo "dist/ is up to date"
  exit 0
fi
trunk build --release
node scripts/finalize-dist.mjs dist
echo "$stamp" > dist/.stamp
