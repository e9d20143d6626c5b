#!/usr/bin/env bash
# scizoo bench ingest — documents/s from Kafka into the store: SciCow (scizoo consume, its own JVM) against a
# Kafka Connect MongoDB sink (connect-runtime + mongo-kafka-connect from Maven Central, its own JVM) on the same
# broker, the same messages and the same kind of store, and against the store's own bulk-write ceiling, in one
# run, with the CPU time of each writer, of the store and of the broker. Goal: SciCow >= 3x Connect.
#
#   ./scizoo bench ingest [--count N]        (default 100000 scans)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COUNT=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT="$2"; shift 2 ;;
    *) echo "usage: scizoo bench ingest [--count N]" >&2; exit 2 ;;
  esac
done
KAFKA_LIBS="$ROOT/releng/org.scizoo.peers.kafka/target/libs"
CONNECT_LIBS="$ROOT/releng/org.scizoo.peers.connect/target/libs"
"$ROOT/scizoo" help >/dev/null 2>&1 || true # builds the products and the peers' jars if needed
for d in "$KAFKA_LIBS" "$CONNECT_LIBS"; do
  [ -d "$d" ] || { echo "bench ingest: $d is missing; run ./scizoo build" >&2; exit 2; }
done
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

work="$(mktemp -d)"
broker=""
cleanup() { [ -n "$broker" ] && kill -9 "$broker" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
free_port() { "$JAVA" -XX:TieredStopAtLevel=1 "$ROOT/releng/bench/FreePort.java"; }
port=$(free_port); controller=$(free_port)
cat >"$work/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$work/kafka
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
num.partitions=3
PROPS
"$JAVA" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t MkU3OEVBNTcwNTJENDM2Qk -c "$work/server.properties" >"$work/format.log" 2>&1
"$JAVA" -Xmx1g -cp "$KAFKA_LIBS/*" kafka.Kafka "$work/server.properties" >"$work/broker.log" 2>&1 &
broker=$!
for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
echo "Kafka broker on 127.0.0.1:$port (3 partitions); $COUNT scans; each writer into a fresh embedded store"
"$ROOT/scizoo" bench-ingest --kafka "127.0.0.1:$port" --connect-libs "$CONNECT_LIBS" --work "$work/stores" \
  --scizoo "$ROOT/scizoo" --broker-pid "$broker" --count "$COUNT"
