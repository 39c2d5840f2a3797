#!/usr/bin/env bash
# Builds the web version of Attune into dist/ (issue 19; README, "In a browser"):
# the release wasm, its JavaScript glue from wasm-bindgen, and the page.
# Needs the wasm32 target and wasm-bindgen-cli at the version Cargo.lock
# has; it downloads nothing. Serve dist/ from any static file server.
#
# No wasm-opt: Debian's (binaryen 108) took 7 minutes here, saved 11% of
# the raw size and nothing once compressed (gzip 3.91 MB either way), and
# its output failed to start in Chromium (docs/performance.md, section 11).
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
out="${1:-dist}"

want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
if [ "$want" != "$have" ]; then
    echo "wasm-bindgen ${have:-is missing}; Cargo.lock needs $want:" >&2
    echo "  cargo install wasm-bindgen-cli --version $want" >&2
    exit 1
fi

cargo build --release --target wasm32-unknown-unknown --bin attune
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name attune \
    "$target_dir/wasm32-unknown-unknown/release/attune.wasm"
cp web/index.html "$out/index.html"
ls -l "$out"
