#!/usr/bin/env bash
# Smoke test of the built products through the real launcher, as a user runs them: what the OSGi tests
# cannot see (the scizoo script, the equinox launcher's exit codes, stdout kept clean for --json while the
# class-data sharing archive is being written). Run by `./scizoo test` after the Maven build.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCIZOO="$ROOT/scizoo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() { # name, then a command that must succeed
  local name="$1"; shift
  if "$@" >"$work/last.out" 2>"$work/last.err"; then
    passed=$((passed + 1)); echo "  ok    $name"
  else
    failed=$((failed + 1)); echo "  FAIL  $name"; sed 's/^/        /' "$work/last.out" "$work/last.err" | tail -n 20
  fi
}

exit_code_is() { # expected, then the command
  local want="$1"; shift
  "$@" >/dev/null 2>&1
  local got=$?
  [ "$got" -eq "$want" ] || { echo "exit code $got, expected $want"; return 1; }
}

ingest_prints_what_it_stored() {
  "$SCIZOO" ingest --sim --sim-interval 300ms --duration 3s --data "$work/data" >"$work/ingest.out" || return 1
  grep -Eq '^stored 20\.500\.[0-9]+/' "$work/ingest.out" && grep -Eq '^stored [1-9][0-9]* datasets$' "$work/ingest.out"
}

json_on_stdout_parses() {
  # Remove the archive so this run also writes it: the JVM's notes about that must not reach stdout.
  rm -f "$ROOT"/product/target/products/org.scizoo.headless.product/linux/gtk/x86_64/configuration/scizoo.jsa
  "$SCIZOO" catalog list --json --all --data "$work/data" >"$work/list.json" || return 1
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d) >= 1 and all("pid" in x and "scientificMetadata" in x for x in d), d' "$work/list.json"
}

corrupt_store_is_reported() {
  mkdir -p "$work/bad" && head -c 4096 /dev/urandom >"$work/bad/catalog.mv"
  local before; before=$(sha256sum "$work/bad/catalog.mv")
  "$SCIZOO" catalog list --data "$work/bad" >/dev/null 2>"$work/bad.err"
  local code=$?
  [ "$code" -eq 1 ] && grep -q "cannot be read" "$work/bad.err" && [ "$before" = "$(sha256sum "$work/bad/catalog.mv")" ]
}

one_build_at_a_time() {
  touch "$ROOT/pom.xml"   # the tree is now newer than the products: the next ./scizoo rebuilds them
  "$SCIZOO" help >"$work/b1.out" 2>"$work/b1.err" &
  local first=$!
  sleep 1
  "$SCIZOO" help >"$work/b2.out" 2>"$work/b2.err" &
  local second=$!
  wait "$first" || { cat "$work/b1.err"; return 1; }
  wait "$second" || { cat "$work/b2.err"; return 1; }
  local builds; builds=$(cat "$work/b1.err" "$work/b2.err" | grep -c 'building the products')
  [ "$builds" -eq 1 ] || { echo "$builds builds, expected 1"; return 1; }
  grep -q 'another ./scizoo is building this tree; waiting' "$work/b2.err" &&
    grep -q '^usage: scizoo' "$work/b1.out" && grep -q '^usage: scizoo' "$work/b2.out"
}

echo "cli smoke test (the built products through ./scizoo):"
check "ingest --sim prints what it stored and exits 0" ingest_prints_what_it_stored
check "catalog list --json prints only JSON on stdout" json_on_stdout_parses
check "an unknown option exits 2" exit_code_is 2 "$SCIZOO" catalog list --bogus
check "an unknown command exits 2" exit_code_is 2 "$SCIZOO" frobnicate
check "an unknown workbench option exits 2" exit_code_is 2 "$SCIZOO" --bogus
check "a corrupt catalogue exits 1, says why, file untouched" corrupt_store_is_reported
check "an unreachable MongoDB exits 1" exit_code_is 1 "$SCIZOO" catalog list --mongo-uri mongodb://127.0.0.1:9/x --connect-timeout 1s
harvest_reports_a_bad_config() {
  printf 'name,device,attribute\nT01,,temperature\n' >"$work/bad.csv"
  "$SCIZOO" harvest --config "$work/bad.csv" >/dev/null 2>"$work/harvest.err"
  [ $? -eq 1 ] && grep -q "line 2: device is empty" "$work/harvest.err"
}
check "harvest of an invalid configuration exits 1 naming the line" harvest_reports_a_bad_config
SHARED="$ROOT/../shared/data"
hdf5_ls_matches_h5ls() { # the file with every kind of link, through the launcher
  "$SCIZOO" hdf5 ls -r "$SHARED/hdf5/test_file.hdf5" >"$work/ours.txt" || return 1
  h5ls -r "$SHARED/hdf5/test_file.hdf5" >"$work/h5ls.txt" && diff "$work/h5ls.txt" "$work/ours.txt"
}
check "hdf5 ls -r prints what h5ls -r prints" hdf5_ls_matches_h5ls
hdf5_show_names_the_filter() {
  "$SCIZOO" hdf5 show "$SHARED/hdf5/test_missing_filter.hdf5bad" /float32 >"$work/show.out" 2>"$work/show.err"
  [ $? -eq 1 ] && grep -q "shape: {7, 5}" "$work/show.out" && grep -q "szip (filter 4)" "$work/show.err"
}
check "hdf5 show of szip data prints the header, exits 1 naming szip" hdf5_show_names_the_filter
hdf5_default_names_what_it_chose() { # Diamond 2014: no @default, the first NXdata empty
  "$SCIZOO" hdf5 default "$SHARED/nexus/38323_processed.nxs" >"$work/default.out" || return 1
  grep -qx 'nxdata: /entry/auxiliary/0-Centroid/centroid_x' "$work/default.out" &&
    grep -qx 'signal: /entry/auxiliary/0-Centroid/centroid_x/data \[999\]' "$work/default.out" &&
    grep -qx 'axes: /entry/auxiliary/0-Centroid/centroid_x/lab_sx' "$work/default.out" &&
    grep -q '^found: the first NXdata that can be plotted (/entry has no @default; /entry/result names no signal' \
      "$work/default.out" || { cat "$work/default.out"; return 1; }
}
check "hdf5 default of an older NeXus file names the NXdata it fell back to" hdf5_default_names_what_it_chose
check "hdf5 ls of a corrupt file exits 1" exit_code_is 1 "$SCIZOO" hdf5 ls -r "$SHARED/hdf5/malformed/corrupt_stab_msg.h5"
scifly_catalogues_each_file_once() { # every Scienta/SPECS sample and one truncated file; then a restart
  mkdir -p "$work/watched/run1" "$work/scifly"
  cp "$SHARED"/scienta/* "$SHARED"/specs/* "$work/watched/run1/"
  head -c 5000 "$SHARED/scienta/Ag_0002.txt" >"$work/watched/run1/cut.txt"
  "$SCIZOO" ingest --watch "$work/watched" --quiet-period 300ms --duration 5s --instrument xps1 \
    --data "$work/scifly" >"$work/sf1.out" 2>"$work/sf1.err" || return 1
  grep -q '^stored 8 datasets$' "$work/sf1.out" && grep -q 'cut.txt is truncated' "$work/sf1.err" || return 1
  "$SCIZOO" ingest --watch "$work/watched" --quiet-period 300ms --duration 3s --data "$work/scifly" >"$work/sf2.out" 2>&1 || return 1
  grep -q '^stored 0 datasets$' "$work/sf2.out"
}
check "ingest --watch catalogues 8 analyser files once, reports the truncated one, none again after a restart" scifly_catalogues_each_file_once
proposals_file_wins_over_the_simulated_office() { # the simulated user office knows 20250042 too, ranked lower
  mkdir -p "$work/watched2" "$work/scifly2"
  cp "$SHARED/scienta/Ag_0001.txt" "$work/watched2/"
  printf '{"proposals": [{"proposalId": "20250042", "title": "Ag 3d", "pi": {"email": "pi@example.org"},
    "ownerGroup": "p20250042", "groups": ["xps-users"], "members": ["m@example.org"]}]}' >"$work/proposals.json"
  "$SCIZOO" ingest --watch "$work/watched2" --quiet-period 300ms --duration 3s --instrument xps1 --proposal 20250042 \
    --proposals-file "$work/proposals.json" --data "$work/scifly2" >/dev/null 2>&1 || return 1
  "$SCIZOO" catalog list --json --all --data "$work/scifly2" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert len(d) == 1 and d[0]["ownerGroup"] == "p20250042" and d[0]["principalInvestigators"] == ["pi@example.org"], d
assert d[0]["accessGroups"] == ["xps1", "xps-users", "m@example.org"], d[0]["accessGroups"]'
}
check "ingest --watch takes the proposal from --proposals-file, not the simulated user office" proposals_file_wins_over_the_simulated_office
unreachable_kafka_is_named() { # nothing listens on port 9: both services say so on their status lines
  "$SCIZOO" ingest --sim --sim-interval 500ms --kafka 127.0.0.1:9 --duration 16s --status-every 3s \
    --data "$work/nokafka" >"$work/nk-ingest.out" 2>&1
  [ $? -eq 3 ] || { echo "ingest: exit code $?, expected 3 (datasets not yet delivered)"; return 1; }
  grep -q '^status: degraded, 0 delivered, [1-9][0-9]* waiting, no connection to Kafka at 127.0.0.1:9 since' \
    "$work/nk-ingest.out" || { cat "$work/nk-ingest.out"; return 1; }
  "$SCIZOO" consume --kafka 127.0.0.1:9 --duration 10s --status-every 3s --data "$work/nokafka2" >"$work/nk-consume.out" 2>&1 ||
    return 1
  grep -q '^status: stored 0, dead-lettered 0, partitions 0, problem: no connection to Kafka at 127.0.0.1:9 since' \
    "$work/nk-consume.out" || { cat "$work/nk-consume.out"; return 1; }
}
check "ingest and consume name an unreachable Kafka on their status lines" unreachable_kafka_is_named
benchmarks_only_in_their_product() { # the servers' product has no benchmark; ./scizoo bench-* finds them
  "$SCIZOO" help >"$work/help.out" 2>&1 || return 1
  if grep -q 'bench-' "$work/help.out"; then echo "the ingestion product lists benchmarks"; return 1; fi
  "$SCIZOO" bench-files --help >"$work/bench-help.out" 2>&1 || { cat "$work/bench-help.out"; return 1; }
  grep -q 'usage: scizoo bench-files' "$work/bench-help.out" || { cat "$work/bench-help.out"; return 1; }
}
check "the ingestion product carries no benchmark; the benchmarks' product runs them" benchmarks_only_in_their_product
check "two ./scizoo started together after a change build once: the second waits, then uses it" one_build_at_a_time
echo "cli smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
