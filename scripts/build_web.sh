#!/usr/bin/env bash
# Builds the web version of Attune into dist/ (issue 19; README, "In a browser"):
# the release wasm, its JavaScript glue from wasm-bindgen, shrunk with
# wasm-opt, and the page. Needs the wasm32 target, wasm-bindgen-cli at the
# version Cargo.lock has, and wasm-opt (Debian: binaryen); it downloads
# nothing. Serve dist/ from any static file server.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="${CARGO_TARGET_DIR:-target}"
out="${1:-dist}"

want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
if [ "$want" != "$have" ]; then
    echo "wasm-bindgen ${have:-is missing}; Cargo.lock needs $want:" >&2
    echo "  cargo install --locked wasm-bindgen-cli --version $want" >&2
    exit 1
fi
command -v wasm-opt >/dev/null || { echo "wasm-opt is missing (apt-get install binaryen)" >&2; exit 1; }

cargo build --release --target wasm32-unknown-unknown --bin attune
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name attune \
    "$target_dir/wasm32-unknown-unknown/release/attune.wasm"
# The wasm features Rust's wasm32 target uses by default.
wasm-opt -O2 --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/attune_bg.wasm" -o "$out/attune_bg.wasm"
cp web/index.html "$out/index.html"
ls -l "$out"
