#!/usr/bin/env bash
# Runs the three test layers in order and stops at the first failing one.
# Called by `./run test` after the toolchain, dist/ and Chromium are in place.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
ensure_wasm_toolchain

say "1/3 model and command-line tool: native cargo test"
cargo test 2>&1

say "2/3 browser glue and components: wasm-bindgen-test in headless Chromium"
env "${WASM_ENV[@]}" \
  CHROMEDRIVER="$CHROMEDRIVER" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --target wasm32-unknown-unknown --test browser 2>&1

say "3/3 end to end: the served dist/ in headless Chromium"
cargo test --features e2e --test e2e -- --test-threads=1 2>&1
