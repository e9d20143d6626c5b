#!/usr/bin/env bash
# scizoo bench scicat — the Scanlog's reads through the real SciCat backend 4.5.0 against the same reads
# from the store directly, in one run, on the same catalogue: the embedded store (filled once, kept in
# target/bench-scicat) with SciCat's backend started on it. Goal: the newest page of a 100,000-dataset
# catalogue behind SciCat in < 2 s. Then the SciCat sink's writes against the MongoDB sink's (W each).
#
#   ./scizoo bench scicat [--count N] [--reps R] [--writes W] [--data DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COUNT=100000
REPS=5
WRITES=100
DATA="$ROOT/target/bench-scicat"
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --writes) WRITES="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    *) echo "usage: scizoo bench scicat [--count N] [--reps R] [--writes W] [--data DIR]" >&2; exit 2 ;;
  esac
done
SCICAT="$ROOT/releng/org.scizoo.peers.scicat/target/scicat"
"$ROOT/scizoo" help >/dev/null 2>&1 || true # builds the products if needed
"$ROOT/releng/org.scizoo.peers.scicat/build.sh" "$ROOT/../shared/peers/scicat-backend" "$SCICAT" >&2
mkdir -p "$DATA"
echo "SciCat bench: $COUNT scans in the embedded store at $DATA, SciCat's backend built in $SCICAT"
exec "$ROOT/scizoo" bench-scicat --data "$DATA" --scicat-dir "$SCICAT" --count "$COUNT" --reps "$REPS" --writes "$WRITES"
