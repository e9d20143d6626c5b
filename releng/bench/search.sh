#!/usr/bin/env bash
# scizoo bench search — the catalogue's search index on a million scans (the embedded store, filled once and
# kept in target/bench-search; the first fill takes minutes): its build rate and size, 40 searches (words,
# 1-3 unit-converted conditions, a visitor's groups, deeper pages) p50/p95 and heap, and the conditions as
# MongoDB filters on the same store as the baseline. Goals: p95 < 50 ms, >= 20x the baseline, build >=
# 10,000 datasets/s, index no larger than the catalogue.
#
#   ./scizoo bench search [--count N] [--reps R] [--baseline B] [--data DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COUNT=1000000
REPS=5
BASELINE=4
DATA="$ROOT/target/bench-search"
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --baseline) BASELINE="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    *) echo "usage: scizoo bench search [--count N] [--reps R] [--baseline B] [--data DIR]" >&2; exit 2 ;;
  esac
done
"$ROOT/scizoo" help >/dev/null 2>&1 || true # builds the products if needed
mkdir -p "$DATA"
echo "Search bench: $COUNT scans in the embedded store at $DATA"
exec "$ROOT/scizoo" bench-search --data "$DATA" --count "$COUNT" --reps "$REPS" --baseline "$BASELINE"
