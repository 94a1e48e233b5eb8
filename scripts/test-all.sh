#!/usr/bin/env bash
# Checks the house rules first (they fail fast), builds dist/ when it is missing or older than
# its sources, then runs the three test layers in order; stops at the first failure.
# `./run test` is this script.
set -euo pipefail
cd "$(dirname "$0")/.."
# Nothing here reads input. Cargo hands its own standard input to the rustc it runs to learn a
# target's settings (`rustc -`), and caches a failure in target/: whatever a caller's input
# holds must not be compiled.
exec </dev/null
source scripts/toolchain.sh
ensure_build_tools
ensure_lint_tools
ensure_browser
ensure_python

say "0/3 house rules: cargo fmt --check, clippy (native and wasm32) with warnings as errors"
cargo fmt --all --check
wasm_clippy() {
  env "${WASM_ENV[@]}" cargo clippy --target "$WASM_TARGET" --lib --bins --test browser --test browser_idb --test browser_corpus -- -D warnings
}
# wasm32 first: on these machines, right after the native clippy run on a fresh target/,
# cargo's probe of wasm32's settings through clippy-driver (`rustc -`) failed by compiling
# text that was not its input ("failed to run `rustc` to learn about target-specific
# information", at earlier commits too) and cached the failure in target/.rustc_info.json. Run
# first, it did not. Should it happen anyway, forget the cached probe and ask again, at most
# twice more.
mkdir -p target
for attempt in 1 2 3; do
  if wasm_clippy 2>target/wasm-clippy.log; then cat target/wasm-clippy.log >&2; break; fi
  cat target/wasm-clippy.log >&2
  if [ "$attempt" = 3 ] || ! grep -q "to learn about target-specific information" target/wasm-clippy.log; then exit 1; fi
  say "cargo's probe of wasm32 failed (see above); probing again"
  rm -f target/.rustc_info.json
  sleep 2
done
cargo clippy --all-targets --features e2e -- -D warnings

dist_is_fresh || build_dist

say "1/3 model, view models, session and command-line tool: native cargo test"
cargo test 2>&1

say "2/3 browser glue and components: wasm-bindgen-test in headless Chromium"
env "${WASM_ENV[@]}" \
  CHROMEDRIVER="$CHROMEDRIVER" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --target "$WASM_TARGET" --test browser --test browser_idb --test browser_corpus 2>&1

say "3/3 end to end: the served dist/ in headless Chromium"
cargo test --features e2e --test e2e -- --test-threads=1 2>&1
