#!/usr/bin/env bash
# scizoo bench files — SciFly end to end: 10,000 small Scienta SES text files written into a watched folder
# while ingestion runs into a fresh embedded store; prints files/s and p50/p99 from a file closed to its
# dataset stored, beside the baseline of reading the same headers and checksums alone in the same run.
#
#   ./scizoo bench files [--count N] [--quiet-period T] [--rate R]
#
# --rate R writes R files a second (an analyser writes one every few seconds): the latency without a backlog.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --count|--quiet-period|--rate) ARGS+=("$1" "$2"); shift 2 ;;
    *) echo "usage: scizoo bench files [--count N] [--quiet-period T] [--rate R]" >&2; exit 2 ;;
  esac
done
"$ROOT/scizoo" help >/dev/null 2>&1 || true # builds the products if needed
DIR="$ROOT/target/bench-files"
rm -rf "$DIR" && mkdir -p "$DIR"
exec "$ROOT/scizoo" bench-files --dir "$DIR" "${ARGS[@]}"
