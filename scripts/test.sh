#!/usr/bin/env bash
# Every test, strictest first: formatting, lints (host and wasm32), native tests, the release
# build, then the end-to-end suite in headless Chromium against dist/. Called by `scripts/dev test`
# after set-up; `.ci/run` calls `scripts/dev test`.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*" >&2; SECONDS=0; }
done_step() { printf '    (%ss)\n' "$SECONDS" >&2; }

step "cargo fmt --check"
cargo fmt --all -- --check; done_step

step "clippy (host: core, tools, tests)"
cargo clippy --all-targets --locked -- -D warnings; done_step

step "clippy (wasm32: the app)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings; done_step

step "clippy (host, with the prerender step: the UI compiled natively)"
cargo clippy --all-targets --locked --features prerender -- -D warnings; done_step

step "native tests (core logic, default dataset)"
cargo test --locked; done_step

step "prerender tests (every static page of the default dataset, rendered natively)"
cargo test --locked --features prerender --test prerender --bin prerender; done_step

step "release build (trunk)"
trunk build --release --offline; done_step

step "prerender static pages into dist/ (then their CSP hashes)"
cargo run --release --locked --features prerender --bin prerender -- dist
node scripts/csp.mjs dist >/dev/null; done_step

step "end-to-end tests (headless Chromium against dist/)"
node --test --test-concurrency=1 tests/e2e/; done_step

printf '\nAll tests passed.\n' >&2
