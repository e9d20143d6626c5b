#!/usr/bin/env bash
# scizoo bench hdf5 — the HDF5 inspector's tree on files h5py writes here (kept in target/bench-hdf5):
#   groups-10k.nxs   10,000 groups (100 NXentry × 99 NXdata, each NXdata with a small dataset and NeXus attributes)
#   groups-100k.nxs  100,000 groups the same way (100 × 999), and a 400 MB image stack: "whatever the size"
# For each: the first paint of the tree (open, the root's members with kind and NX_class) and a full walk of
# every object in-JVM, beside `h5ls -r` on the same file in the same run. Goals: first paint < 0.3 s; full
# walk <= 2x h5ls -r. The JVM runs as the workbench's (C1 only).
#
#   ./scizoo bench hdf5 [--reps R]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS="$2"; shift 2 ;;
    *) echo "usage: scizoo bench hdf5 [--reps R]" >&2; exit 2 ;;
  esac
done
command -v h5ls >/dev/null && /usr/bin/python3 -c 'import h5py' 2>/dev/null || {
  echo "scizoo bench hdf5 needs Debian's python3-h5py and hdf5-tools (./scizoo test installs them)" >&2; exit 2; }
"$ROOT/scizoo" help >/dev/null 2>&1 || true # builds the products if needed
DIR="$ROOT/target/bench-hdf5"
mkdir -p "$DIR"
write() { # FILE ENTRIES GROUPS_PER_ENTRY STACK_FRAMES
  [ -f "$1" ] && return 0
  echo "writing $(basename "$1") with h5py (once)…"
  /usr/bin/python3 - "$@" <<'PY'
import sys, h5py, numpy as np
path, entries, groups, frames = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with h5py.File(path + ".part", "w") as f:
    f.attrs["default"] = "entry_000"
    for e in range(entries):
        entry = f.create_group("entry_%03d" % e)
        entry.attrs["NX_class"] = "NXentry"
        for g in range(groups):
            data = entry.create_group("scan_%04d" % g)
            data.attrs["NX_class"] = "NXdata"
            data.attrs["signal"] = "counts"
            data.create_dataset("counts", data=np.arange(10, dtype="f8"))
    if frames:
        f.create_dataset("entry_000/detector", shape=(frames, 1000, 1000), dtype="f4", chunks=(1, 1000, 1000),
                         data=np.ones((frames, 1000, 1000), dtype="f4"))
import os; os.rename(path + ".part", path)
PY
}
write "$DIR/groups-10k.nxs" 100 99 0
write "$DIR/groups-100k.nxs" 100 999 100
echo "HDF5 bench: first paint and full walk, $REPS runs each, beside h5ls -r ($(h5ls --version))"
exec "$ROOT/scizoo" bench-hdf5 --reps "$REPS" "$DIR/groups-10k.nxs" "$DIR/groups-100k.nxs"
