#!/usr/bin/env bash
# Where the release wasm's bytes go. Takes the wasm cargo left by the last release build (it
# keeps its names: Cargo.toml's release profile does not strip), runs wasm-bindgen and
# `wasm-opt -Oz` as Trunk does but with `-g` so the names survive, and prints a table by module
# and crate (scripts/attribute.mjs) against the shipped wasm in dist/. Twiggy's own views are
# left in target/attribute/ (top.txt, dominators.txt) for a closer look.
#   scripts/attribute.sh            after `scripts/dev build`
# Needs twiggy (`cargo install twiggy`), wasm-bindgen and wasm-opt on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/scripts/node_modules/.bin:$PATH"
. scripts/wasm-build.sh

raw="$(wasm_target_dir)/wasm32-unknown-unknown/release/process-tracker.wasm"
shipped=$(ls dist/process-tracker-*_bg.wasm 2>/dev/null | head -1 || true)
for f in "$raw" "$shipped"; do
  [ -n "$f" ] && [ -f "$f" ] || { echo "attribute: no ${f:-dist/*.wasm}; run scripts/dev build first" >&2; exit 2; }
done
command -v twiggy >/dev/null || { echo "attribute: needs twiggy (cargo install twiggy)" >&2; exit 2; }

out=target/attribute
mkdir -p "$out"
# The same wasm-opt features as index.html gives Trunk.
features=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html | head -1)
wasm-bindgen --target web --no-typescript --weak-refs --out-dir "$out" --out-name app "$raw"
# shellcheck disable=SC2086
wasm-opt -Oz -g $features "$out/app_bg.wasm" -o "$out/app.names.wasm"
twiggy top -n 1000000 -f json "$out/app.names.wasm" > "$out/top.json"
twiggy top -n 200 "$out/app.names.wasm" > "$out/top.txt"
twiggy dominators -d 4 -r 400 "$out/app.names.wasm" > "$out/dominators.txt"
echo "toolchain: $(wasm_toolchain); twiggy views in $out/" >&2
node scripts/attribute.mjs "$out/top.json" "$shipped" "$@"
