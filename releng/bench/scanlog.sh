#!/usr/bin/env bash
# scizoo bench scanlog — the Scanlog with a million scans: the embedded store is filled once (kept in
# target/bench-scanlog for later runs; the first fill takes some minutes), the scans are loaded into the
# Scanlog's table model as the workbench loads them, then sorted and filtered as a user would. Prints p95
# sort and filter latency and the heap in use, with the baselines measured in the same run. Goals: p95 <
# 150 ms, heap < 1.5 GB. The JVM runs as the workbench does (C1 only: -XX:TieredStopAtLevel=1, G1) with its
# heap capped at 1.5 GB, so "fits in 1.5 GB" is proved, not only measured.
#
#   ./scizoo bench scanlog [--count N] [--reps R] [--data DIR] [--no-store]
#
# --no-store makes the scans in memory instead (the table's own figures in a minute, without the store's
# open and read, which take minutes at a million scans with the embedded store).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COUNT=1000000
REPS=5
DATA="$ROOT/target/bench-scanlog"
SOURCE=()
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --no-store) SOURCE=(--no-store); shift ;;
    *) echo "usage: scizoo bench scanlog [--count N] [--reps R] [--data DIR] [--no-store]" >&2; exit 2 ;;
  esac
done
"$ROOT/scizoo" help >/dev/null 2>&1 || true # builds the products if needed
if [ ${#SOURCE[@]} -eq 0 ]; then
  mkdir -p "$DATA"
  SOURCE=(--data "$DATA")
  echo "Scanlog bench: $COUNT scans in the embedded store at $DATA; heap capped at 1536 MB"
else
  echo "Scanlog bench: $COUNT scans made in memory (no store); heap capped at 1536 MB"
fi
# the workbench's JVM: C1 only (set by ./scizoo) and G1, not the serial collector of short commands
SCIZOO_JAVA_OPTS="-Xmx1536m -XX:-UseSerialGC -XX:+UseG1GC ${SCIZOO_JAVA_OPTS:-}" exec "$ROOT/scizoo" bench-scanlog "${SOURCE[@]}" \
  --count "$COUNT" --reps "$REPS"
