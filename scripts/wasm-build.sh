# The one way the release wasm is built, sourced by scripts/dev, scripts/test.sh and
# scripts/bench.sh so that `build`, `test` and `bench` measure and ship the same bytes.
#
# The release wasm is built with a pinned nightly because its std can be rebuilt for size
# (`-Zbuild-std`) and panics can abort without any formatting code (README, "Benchmarks": about
# -33 KB brotli). Stable stays the default toolchain for fmt, clippy, tests and every host tool.
# Nothing here is exported: the nightly, build-std and wasm flags are set only on the one
# `trunk build` command, and the flags only for the wasm32 target
# (CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS), so a host build (`cargo run --bin …`, build
# scripts, proc macros, a Trunk hook) never sees them.
#
# WASM_TOOLCHAIN=stable builds with stable instead (to compare, or where the nightly is missing).

# A date rustup's server holds (see /work/shared/TOOLCHAIN.md): not every nightly is kept.
WASM_NIGHTLY=nightly-2026-10-30
# Flags for the wasm32 target only. erase_components: Leptos erases component types into
# boxed views, fewer generic instantiations (measured in README).
WASM_RUSTFLAGS_COMMON=${WASM_RUSTFLAGS_COMMON-"--cfg erase_components"}
WASM_RUSTFLAGS_NIGHTLY=${WASM_RUSTFLAGS_NIGHTLY-"-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"}

_wasm_warn() { printf '\n!!! %s\n' "$*" >&2; }

# True when the pinned nightly has everything the release build needs.
wasm_nightly_ready() {
  rustup run "$WASM_NIGHTLY" rustc --version >/dev/null 2>&1 \
    && rustup component list --toolchain "$WASM_NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src' \
    && rustup target list --toolchain "$WASM_NIGHTLY" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

# Installs the pinned nightly (minimal profile + rust-src + wasm32). Never fails: without it the
# release build falls back to stable, with a warning, and everything else still works.
install_wasm_nightly() {
  if wasm_nightly_ready; then return 0; fi
  printf '\n==> installing %s (rust-src, wasm32) for the size-optimised release wasm (~1 min)\n' "$WASM_NIGHTLY" >&2
  if ! RUST_BACKTRACE=0 rustup toolchain install "$WASM_NIGHTLY" --profile minimal --component rust-src \
         --target wasm32-unknown-unknown --no-self-update >&2 || ! wasm_nightly_ready; then
    _wasm_warn "could not install $WASM_NIGHTLY: release builds use stable (works, but the wasm is ~33 KB brotli larger)."
  fi
  return 0
}

# Which toolchain `wasm_release_build` will use: "nightly" or "stable".
wasm_toolchain() {
  if [ "${WASM_TOOLCHAIN:-nightly}" != stable ] && wasm_nightly_ready; then echo nightly; else echo stable; fi
}

# Where cargo leaves the release wasm (with its names: scripts/attribute.sh reads it). Each
# toolchain has its own: a nightly build-std build, a stable one with the wasm flags and the
# stable clippy/wasm32 checks (in target/) would otherwise overwrite each other's artifacts and
# rebuild everything every time.
wasm_target_dir() { echo "${WASM_TARGET_DIR:-target/wasm-$(wasm_toolchain)}"; }

# `trunk build --release --offline [ARGS]` with the toolchain and flags above. Leaves the
# toolchain's name in DIST/.toolchain: the size budget test holds a stable fallback build to its
# own (larger) limit instead of failing because rustup's server lost a nightly.
wasm_release_build() {
  local dir toolchain out=dist prev=""
  dir=$(wasm_target_dir)
  toolchain=$(wasm_toolchain)
  for a in "$@"; do
    case "$prev" in --dist) out=$a ;; esac
    case "$a" in --dist=*) out=${a#--dist=} ;; esac
    prev=$a
  done
  _wasm_trunk "$dir" "$toolchain" "$@"
  echo "$toolchain" > "$out/.toolchain"
}

_wasm_trunk() {
  local dir=$1 toolchain=$2
  shift 2
  if [ "$toolchain" = nightly ]; then
    # build-std compiles std from rust-src, whose own dependencies cargo must have fetched.
    RUSTUP_TOOLCHAIN="$WASM_NIGHTLY" CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      cargo fetch --quiet --target wasm32-unknown-unknown
    RUSTUP_TOOLCHAIN="$WASM_NIGHTLY" \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$WASM_RUSTFLAGS_COMMON $WASM_RUSTFLAGS_NIGHTLY" \
    CARGO_TARGET_DIR="$dir" \
      trunk build --release --offline "$@"
  else
    if [ "${WASM_TOOLCHAIN:-nightly}" != stable ]; then
      _wasm_warn "$WASM_NIGHTLY is not installed (run scripts/dev setup): building the release wasm with stable."
    fi
    cargo fetch --quiet
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$WASM_RUSTFLAGS_COMMON" \
    CARGO_TARGET_DIR="$dir" \
      trunk build --release --offline "$@"
  fi
}
