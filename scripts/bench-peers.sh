#!/usr/bin/env bash
# Stancemark next to Recogito's text annotator on the same 50,336-word document, in one run
# (../shared/bench/peers, see its README), plus the sample article in fresh tabs. ../shared is
# read-only, so the harness is copied into target/bench-peers and its npm packages installed there.
# Usage: scripts/bench-peers.sh [rounds=5] [Ns=1000,5000]     (builds dist/ and the CLI if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
rounds=${1:-5}
ns=${2:-1000,5000}
peers=../shared/bench/peers
[ -d "$peers" ] || die "$peers is missing: the shared folder must sit beside this project"
ensure_browser
dist_is_fresh || build_dist
cargo build --quiet --release --bin stancemark

root=$PWD
work=target/bench-peers
mkdir -p "$work"
# The harness's own files, not its results or installed packages.
(cd "$peers" && tar --exclude=node_modules --exclude=results -cf - .) | (cd "$work" && tar -xf -)
mkdir -p "$work/results"
cp benches/sample-page.mjs benches/serve-dist.mjs "$work/"
if [ ! -d "$work/node_modules/playwright-core" ]; then
  say "installing the harness's npm packages (Recogito, esbuild, playwright-core; no browser download)"
  (cd "$work" && npm ci --silent --no-audit --no-fund >/dev/null)
fi

say "Stancemark vs Recogito, $rounds rounds, N = $ns"
(cd "$work" && node stancemark-run.mjs "$root/dist" "$root/target/release/stancemark" "$rounds" "$ns")
say "the sample article"
(cd "$work" && node sample-page.mjs "$root/dist" "$rounds" | head -n 1)
scripts/bundle-size.sh dist | tail -n 1
