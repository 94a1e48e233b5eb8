#!/usr/bin/env bash
# Runs the house rules, then the three test layers in order, and stops at the first failure.
# `./run test` builds dist/ first and then runs this; it also runs on its own once dist/ exists.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
ensure_wasm_toolchain
ensure_lint_tools
ensure_browser
ensure_python
[ -f dist/index.html ] || die "dist/ is not built: run ./run build (or ./run test, which builds it)"

say "0/3 house rules: cargo fmt --check, clippy (native and wasm32) with warnings as errors"
cargo fmt --all --check
cargo clippy --all-targets --features e2e -- -D warnings
env "${WASM_ENV[@]}" cargo clippy --target "$WASM_TARGET" --lib --bins --test browser -- -D warnings

say "1/3 model, view models, session and command-line tool: native cargo test"
cargo test 2>&1

say "2/3 browser glue and components: wasm-bindgen-test in headless Chromium"
env "${WASM_ENV[@]}" \
  CHROMEDRIVER="$CHROMEDRIVER" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --target "$WASM_TARGET" --test browser 2>&1

say "3/3 end to end: the served dist/ in headless Chromium"
cargo test --features e2e --test e2e -- --test-threads=1 2>&1
