#!/usr/bin/env bash
# Prints what a browser downloads from dist/: each file raw and gzipped, and the totals.
set -euo pipefail
dist=${1:-dist}
total_raw=0; total_gz=0
printf '%-40s %10s %10s\n' "bundle file" "raw" "gzipped"
while IFS= read -r -d '' file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-40s %10s %10s\n' "${file#"$dist"/}" "$raw" "$gz"
done < <(find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.txt' -o -name '*.svg' \) -print0 | sort -z)
printf '%-40s %10s %10s\n' "total (bytes)" "$total_raw" "$total_gz"
