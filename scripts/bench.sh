#!/usr/bin/env bash
# The benchmarks: the query engine natively (which also writes the synthetic datasets), the
# release build in headless Chromium on those datasets, then the first-view sizes. They print
# figures and assert none. Called by `scripts/dev bench` after set-up and build; expects the
# tools on PATH ($HOME/.cargo/bin, scripts/node_modules/.bin). Without a built dist/ (or
# $BENCH_DIST) it builds one the way `scripts/dev build` and the tests do (scripts/wasm-build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-build.sh

data=${BENCH_DATA:-target/bench-data}
dist=${BENCH_DIST:-dist}

step() { printf '\n==> %s\n' "$*" >&2; SECONDS=0; }
done_step() { printf '    (%ss)\n' "$SECONDS" >&2; }

if [ ! -f "$dist/index.html" ]; then
  step "release build (trunk, $(wasm_toolchain) toolchain) into dist/"
  wasm_release_build; done_step
  dist=dist
fi

step "native: query engine (cargo bench --bench engine), writing datasets to $data"
cargo bench --locked --bench engine -- --write-data "$data"; done_step

step "browser: release build from $dist in headless Chromium"
node tests/bench/browser.mjs "$data" --dist "$dist"; done_step

step "first paint of the static pages on slow 4G + 4x CPU ($dist)"
node tests/bench/paint.mjs --dist "$dist"; done_step

step "Lighthouse, mobile, overview and an explainer ($dist)"
node tests/bench/lighthouse.mjs --dist "$dist"; done_step

step "first-view sizes ($dist)"
node scripts/size.mjs "$dist"; done_step
