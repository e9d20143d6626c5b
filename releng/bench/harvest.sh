#!/usr/bin/env bash
# scizoo bench harvest — 100 attributes on 20 real Tango devices (in 4 PyTango device servers of 5 devices):
# grouped by device and read in parallel
# (how SciFish harvests) against one request per attribute, one after the other (the baseline), in the
# same run. The devices are PyTango servers whose attributes each take --delay-ms to read, like hardware
# behind a controller; --delay-ms 0 measures the protocol alone. Goal: at least 10x.
#
#   ./scizoo bench harvest [--delay-ms MS] [--repeat N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DELAY_MS=2
REPEAT=15
while [ $# -gt 0 ]; do
  case "$1" in
    --delay-ms) DELAY_MS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    *) echo "usage: scizoo bench harvest [--delay-ms MS] [--repeat N]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import tango' 2>/dev/null ||
  { echo "bench harvest needs PyTango: apt-get install python3-tango (./scizoo test installs it)" >&2; exit 2; }

work="$(mktemp -d)"
servers=()
cleanup() { [ ${#servers[@]} -gt 0 ] && kill "${servers[@]}" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# 20 devices in 4 device servers of 5 devices each, as a beamline's devices live in several servers
# (one Python process for all 20 would make its interpreter lock the bottleneck, not the harvest).
ports=()
for s in 1 2 3 4; do
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  ports+=("$port")
  devices=$(for i in $(seq $(( (s - 1) * 5 + 1 )) $(( s * 5 ))); do printf 'bench/sensor/%02d,' "$i"; done)
  READ_DELAY_MS="$DELAY_MS" /usr/bin/python3 "$ROOT/tests/org.scizoo.tango.tests/peers/beamline_devices.py" \
    BenchSensor "bench$s" -nodb -ORBendPoint "giop:tcp:127.0.0.1:$port" -dlist "${devices%,}" >"$work/server$s.log" 2>&1 &
  servers+=($!)
done
for s in 1 2 3 4; do
  for _ in $(seq 1 100); do grep -q "Ready to accept request" "$work/server$s.log" && break; sleep 0.1; done
  grep -q "Ready to accept request" "$work/server$s.log" || { echo "bench device server $s did not start:" >&2; cat "$work/server$s.log" >&2; exit 1; }
done

/usr/bin/python3 - "${ports[@]}" >"$work/bench.json" <<'PY'
import json, sys
ports = sys.argv[1:]
entries = [{"group": "bench", "name": "s%02d_a%d" % (d, a), "device": "tango://127.0.0.1:%s/bench/sensor/%02d#dbase=no" % (ports[(d - 1) // 5], d),
            "attribute": "a%d" % a, "when": "end", "enabled": True} for d in range(1, 21) for a in range(5)]
print(json.dumps({"instrument": "bench", "entries": entries}))
PY

median_of() { sed -n 's/.*median of [0-9]*: \([0-9.]*\) ms.*/\1/p'; }
echo "100 attributes on 20 Tango devices in 4 device servers, each attribute read takes ${DELAY_MS} ms on the device; $REPEAT harvests each"
grouped=$("$ROOT/scizoo" harvest --config "$work/bench.json" --repeat "$REPEAT" --quiet | tee /dev/stderr | median_of)
sequential=$("$ROOT/scizoo" harvest --config "$work/bench.json" --repeat "$REPEAT" --quiet --sequential | tee /dev/stderr | median_of)
ratio=$(awk -v s="$sequential" -v g="$grouped" 'BEGIN {printf "%.1f", s / g}')
verdict=$(awk -v r="$ratio" 'BEGIN {print (r >= 10 ? "meets the >= 10x goal" : "MISSES the >= 10x goal")}')
echo
echo "harvest: grouped + parallel median ${grouped} ms; one by one (baseline) median ${sequential} ms; ${ratio}x — $verdict"
