#!/usr/bin/env bash
# The corpus in headless Chromium: importing a generated 10,000-article JSONL (about 50 MB),
# switching articles, exporting the dataset (benches/corpus-page.mjs). Uses the peers
# harness's npm packages (playwright-core), installed by scripts/bench-peers.sh's set-up.
# Usage: scripts/bench-corpus.sh [articles=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
count=${1:-10000}
ensure_browser
dist_is_fresh || build_dist
work=target/bench-peers
if [ ! -d "$work/node_modules/playwright-core" ]; then
  mkdir -p "$work"
  (cd ../shared/bench/peers && tar --exclude=node_modules --exclude=results -cf - .) | (cd "$work" && tar -xf -)
  say "installing the harness's npm packages (playwright-core; no browser download)"
  (cd "$work" && npm ci --silent --no-audit --no-fund >/dev/null)
fi
cp benches/corpus-page.mjs benches/serve-dist.mjs "$work/"
(cd "$work" && node corpus-page.mjs "$PWD/../../dist" "$count")
