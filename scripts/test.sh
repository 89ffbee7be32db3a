#!/usr/bin/env bash
# Every test, strictest first: formatting, lints (host and wasm32), native tests, the release
# build with the files `tracker site` adds, external judges of the dataset, calendars and feeds,
# then the end-to-end suite in headless Chromium against dist/. Called by `scripts/dev test`
# after set-up; `.ci/run` calls `scripts/dev test`.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/wasm-build.sh

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

step "dataset translations match their table (scripts/i18n_data/translations.json)"
python3 scripts/apply_translations.py --check; done_step

step "native tests (core logic, default dataset)"
cargo test --locked; done_step

step "prerender tests (every static page of the default dataset, rendered natively)"
cargo test --locked --features prerender --test prerender --bin prerender; done_step

step "release build (trunk, $(wasm_toolchain) toolchain: scripts/wasm-build.sh)"
wasm_release_build; done_step

step "prerender static pages into dist/ (then their CSP hashes)"
cargo run --locked --quiet --features prerender --bin prerender -- dist
node scripts/csp.mjs dist >/dev/null; done_step

step "calendars, feeds, schema and template (tracker site)"
cargo run --locked --quiet --bin tracker -- site dist; done_step

step "external judges: tracker validate --strict, check-jsonschema, icalendar, feedparser"
# --strict fails on warnings too, including a review older than 90 days: re-review the data then.
cargo run --locked --quiet --bin tracker -- validate --strict public/data/un-cyber-processes.json
.tools/venv/bin/check-jsonschema --schemafile dist/schema/v1.json public/data/un-cyber-processes.json
.tools/venv/bin/python tests/judges/check_outputs.py dist; done_step

step "end-to-end tests (headless Chromium against dist/, with the first-view size budget)"
node --test --test-concurrency=1 tests/e2e/; done_step

printf '\nAll tests passed.\n' >&2
