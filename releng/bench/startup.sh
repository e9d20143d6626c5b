#!/usr/bin/env bash
# scizoo bench startup — time from launching the workbench to the first paint of the Scanlog with rows.
#
# Fills a fresh embedded catalogue, then launches the workbench RUNS+1 times (the first run is cold: it
# builds the OSGi configuration cache; the others are warm). Each run writes the wall-clock time of its
# first Scanlog paint with rows and closes itself. Baseline, measured in the same run: the headless
# product opening the same catalogue and reading one dataset (`scizoo catalog list --limit 1`): the
# JVM + OSGi + store floor that the workbench pays before it can paint anything. Goal: warm < 3 s.
#
#   ./scizoo bench startup [--runs N] [--datasets N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS=5
DATASETS=200
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --datasets) DATASETS="$2"; shift 2 ;;
    *) echo "usage: scizoo bench startup [--runs N] [--datasets N]" >&2; exit 2 ;;
  esac
done

if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "bench startup needs a display or xvfb-run (apt-get install xvfb)" >&2; exit 2; }
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" --runs "$RUNS" --datasets "$DATASETS"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
data="$work/data"
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

echo "filling a fresh catalogue with $DATASETS simulated scans…"
# 4 scans per 100 ms until enough are stored.
secs=$(( DATASETS / 40 + 2 ))
"$ROOT/scizoo" ingest --sim --sim-interval 25ms --duration "${secs}s" --quiet --data "$data" | tail -n 1

echo "baseline: headless catalog list --limit 1 (JVM + OSGi + store open + one query)"
base=()
for i in $(seq 0 "$RUNS"); do
  t0=$(now_ms)
  "$ROOT/scizoo" catalog list --limit 1 --data "$data" >/dev/null
  t1=$(now_ms)
  [ "$i" -eq 0 ] || base+=($(( t1 - t0 )))
done

echo "workbench: launch → first Scanlog paint with rows"
warm=()
for i in $(seq 0 "$RUNS"); do
  mark="$work/paint-$i"
  t0=$(now_ms)
  timeout 120 "$ROOT/scizoo" --data "$data" --no-sim \
    -Dscizoo.bench.firstPaintFile="$mark" -Dscizoo.bench.exit=true >"$work/wb-$i.log" 2>&1 || true
  if [ ! -s "$mark" ]; then
    echo "run $i: the Scanlog never painted rows; log:" >&2
    cat "$work/wb-$i.log" >&2
    exit 1
  fi
  dt=$(( $(cat "$mark") - t0 ))
  if [ "$i" -eq 0 ]; then
    echo "  run 0 (cold): ${dt} ms"
  else
    echo "  run $i (warm): ${dt} ms"
    warm+=("$dt")
  fi
done

wb_median=$(printf '%s\n' "${warm[@]}" | median)
wb_min=$(printf '%s\n' "${warm[@]}" | sort -n | head -n 1)
wb_max=$(printf '%s\n' "${warm[@]}" | sort -n | tail -n 1)
base_median=$(printf '%s\n' "${base[@]}" | median)
ratio=$(awk -v a="$wb_median" -v b="$base_median" 'BEGIN {printf "%.2f", a / b}')
verdict=$([ "$wb_median" -lt 3000 ] && echo "meets the < 3 s goal" || echo "MISSES the < 3 s goal")
echo
echo "startup (warm, $RUNS runs): median ${wb_median} ms (min ${wb_min}, max ${wb_max}) — $verdict"
echo "baseline (headless catalog list): median ${base_median} ms; workbench / baseline = ${ratio}x"
