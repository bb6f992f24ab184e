#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing, from the package
# registries only. Each tool is checked by version first, so a second run is fast.
# Usage: scripts/setup.sh [site|test]   (test also installs Chromium and ChromeDriver)
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-site}
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Rust: the wasm target and the components the test command uses.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# Trunk 0.21.x (0.22 needs a newer rustc than the one here).
trunk_version=0.21.14
if [ "$(trunk --version 2>/dev/null)" != "trunk $trunk_version" ]; then
  say "installing trunk $trunk_version (takes a while, once)"
  cargo install --locked trunk --version "$trunk_version"
fi

# wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock. Without --locked:
# its own lock file names a crate release the registry does not have.
bindgen_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (takes a while, once)"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi
if ! grep -q "^wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must be \"$bindgen_version\", the version in Cargo.lock" >&2
  exit 1
fi

# Node tools: wasm-opt (npm binaryen; Debian's is too old), esbuild and playwright-core.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.stsplay-lock; then
  say "installing node tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.stsplay-lock
fi

# Trunk builds offline; fetch the crates it will need first.
cargo fetch --locked -q

if [ "$want" = test ]; then
  # A CJK font, so that screenshots of the Simplified Chinese interface show its text.
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -d /usr/share/fonts/truetype/wqy ]; then
    say "installing Debian's chromium, chromium-driver and fonts-wqy-microhei"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei
  fi
fi
