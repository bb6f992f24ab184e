#!/usr/bin/env bash
# The test command: installs what is missing, then runs every check in order and stops at
# the first failure: formatting, clippy (native and wasm32), native tests, browser tests
# (wasm-bindgen-test in headless Chromium), the release build with its size report, and
# the end-to-end tests (Playwright driving Chromium). Ends with the runners' totals.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
logs=target/test-logs
mkdir -p "$logs"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --locked -- -D warnings

step "native tests"
cargo test --locked 2>&1 | tee "$logs/native.log"

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web --locked 2>&1 | tee "$logs/wasm.log"

step "release build of the site"
scripts/build-site.sh
step "size report"
node scripts/size-report.mjs dist

step "end-to-end tests (Playwright, Chromium)"
node --test --test-reporter=spec tests/e2e/ 2>&1 | tee "$logs/e2e.log"

count() { # sums "N passed" / "N failed" from cargo's result lines
  sed -n "s/^test result: .*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p" "$1" |
    awk '{p+=$1; f+=$2} END {print p+0, f+0}'
}
read -r np nf < <(count "$logs/native.log")
read -r wp wf < <(count "$logs/wasm.log")
ep=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$logs/e2e.log"); ef=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$logs/e2e.log")
step "summary"
echo "native tests:      $np passed, $nf failed"
echo "browser tests:     $wp passed, $wf failed"
echo "end-to-end tests:  ${ep:-0} passed, ${ef:-0} failed"
echo "total: $((np + wp + ${ep:-0})) passed, $((nf + wf + ${ef:-0})) failed"
