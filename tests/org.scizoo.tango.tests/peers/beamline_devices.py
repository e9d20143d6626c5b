#!/usr/bin/python3
"""Tango device servers (PyTango) that play a SAXS beamline's devices for SciZoo's tests and benchmarks.

Run one class per process, without a Tango database:
    beamline_devices.py CLASS INSTANCE -nodb -ORBendPoint giop:tcp:127.0.0.1:PORT -dlist dev/a/1,dev/b/2

Classes: TemperatureSensor, Sample, Eiger, Chiller, Motor (the devices of a SciDog configuration) and
BenchSensor (five attributes that each take READ_DELAY_MS to read, like hardware behind a controller).
"""
import json
import os
import random
import sys
import time

from tango import AttrQuality, AttrWriteType, DevFailed, DevState, Except
from tango.server import Device, attribute, command, run

READ_DELAY_S = float(os.environ.get("READ_DELAY_MS", "2")) / 1000.0


class TemperatureSensor(Device):
    temperature = attribute(dtype=float, unit="degC", label="Temperature", format="%6.2f")

    def init_device(self):
        super().init_device()
        self._value = 21.0 + random.random()
        self.set_state(DevState.ON)

    def read_temperature(self):
        self._value += random.gauss(0, 0.02)
        return self._value


class Sample(Device):
    descr = attribute(dtype=str, access=AttrWriteType.READ_WRITE, label="Sample description")
    well = attribute(dtype=str, access=AttrWriteType.READ_WRITE, label="Well")
    concentration = attribute(dtype=float, unit="mg/ml", access=AttrWriteType.READ_WRITE)

    def init_device(self):
        super().init_device()
        self._descr, self._well, self._conc = "lysozyme in 50 mM HEPES", "B7", 4.5
        self.set_state(DevState.ON)

    def read_descr(self):
        return self._descr

    def write_descr(self, v):
        self._descr = v

    def read_well(self):
        return self._well

    def write_well(self, v):
        self._well = v

    def read_concentration(self):
        return self._conc

    def write_concentration(self, v):
        self._conc = v


class Eiger(Device):
    nbimages = attribute(dtype=int, access=AttrWriteType.READ_WRITE, label="Number of images")
    nbtriggers = attribute(dtype=int, access=AttrWriteType.READ_WRITE, label="Number of triggers")
    count_time = attribute(dtype=float, unit="s", access=AttrWriteType.READ_WRITE)

    def init_device(self):
        super().init_device()
        self._images, self._triggers, self._count = 100, 1, 0.1
        self.set_state(DevState.STANDBY)

    def read_nbimages(self):
        return self._images

    def write_nbimages(self, v):
        self._images = v

    def read_nbtriggers(self):
        return self._triggers

    def write_nbtriggers(self, v):
        self._triggers = v

    def read_count_time(self):
        return self._count

    def write_count_time(self, v):
        self._count = v


class Chiller(Device):
    temperature = attribute(dtype=float, unit="degC")
    flow = attribute(dtype=float, unit="l/min")

    def init_device(self):
        super().init_device()
        self.set_state(DevState.ON)

    def read_temperature(self):
        return 20.0 + random.gauss(0, 0.01)

    def read_flow(self):
        # A flow this low raises the attribute's alarm: harvesting must keep the quality.
        return 0.4, time.time(), AttrQuality.ATTR_ALARM


class Motor(Device):
    position = attribute(dtype=float, unit="mm", access=AttrWriteType.READ_WRITE)

    def init_device(self):
        super().init_device()
        self._pos = 12.5
        self.set_state(DevState.ON)

    def read_position(self):
        return self._pos

    def write_position(self, v):
        self._pos = v


class BenchSensor(Device):
    def init_device(self):
        super().init_device()
        self.set_state(DevState.ON)

    def _slow(self, base):
        time.sleep(READ_DELAY_S)
        return base + random.random()

    @attribute(dtype=float, unit="V")
    def a0(self):
        return self._slow(0)

    @attribute(dtype=float, unit="V")
    def a1(self):
        return self._slow(1)

    @attribute(dtype=float, unit="V")
    def a2(self):
        return self._slow(2)

    @attribute(dtype=float, unit="V")
    def a3(self):
        return self._slow(3)

    @attribute(dtype=float, unit="V")
    def a4(self):
        return self._slow(4)


class Door(Device):
    """A Sardana Door as SciFish sees it: RecordData (DevEncoded, "utf8_json") pushed as change events, in
    the packets Sardana's JsonRecorder sends for one scan: data_desc, record_data per point, record_end; and
    MacroStatus (DevEncoded, "json"), the macro's status list as a Door pushes it: "start", "step"s, then
    "finish", "stop", "abort" or "exception" (with exc_type/exc_value). As Sardana's GScan does, a scan that
    is stopped, aborted or fails still sends its record_end (in a finally), before the final status.
    Needs a Tango database (events). Commands drive it: RunScan(json options), PushRaw(text)."""

    def init_device(self):
        super().init_device()
        self._last = None
        self._serial = 0
        self._status = ("json", b"[]")
        self.set_change_event("RecordData", True, False)
        self.set_change_event("MacroStatus", True, False)
        self.set_state(DevState.ON)

    @attribute(dtype=("DevEncoded"))
    def RecordData(self):
        if self._last is None:
            # What a subscriber gets first from a real Door that has not run a macro yet.
            Except.throw_exception("NoData", "No macro has run so far", "Door.read_RecordData")
        return self._last

    @attribute(dtype=("DevEncoded"))
    def MacroStatus(self):
        return self._status

    def _status_push(self, macro_id, state, step, **extra):
        status = {"id": macro_id, "name": "ascan", "state": state, "range": [0.0, 100.0], "step": step}
        status.update(extra)
        self._status = ("json", json.dumps([status]).encode("utf-8"))
        self.push_change_event("MacroStatus", *self._status)

    def _push(self, packet_type, data, macro_id):
        body = json.dumps({"type": packet_type, "data": data, "macro_id": macro_id}).encode("utf-8")
        self._last = ("utf8_json", body)
        self.push_change_event("RecordData", "utf8_json", body)

    @command(dtype_in=str)
    def PushRaw(self, text):
        """Pushes text as a RecordData packet as it is (to test malformed packets)."""
        self._last = ("utf8_json", text.encode("utf-8"))
        self.push_change_event("RecordData", "utf8_json", text.encode("utf-8"))

    @command(dtype_in=str, dtype_out=int)
    def RunScan(self, options):
        """Runs a fake ascan: options is JSON {points, scandir, scanfile, motor} and how it ends: "stop_after",
        "abort_after" or "fail_after" N points ("error": the exception's text), or "no_end" (the Door goes
        quiet after N points: no record_end, no final status); returns the serial number."""
        opts = json.loads(options or "{}")
        self._serial += 1
        serial = opts.get("serialno", self._serial)
        points = int(opts.get("points", 3))
        motor = opts.get("motor", "mot01")
        title = "ascan %s 0.0 1.0 %d 0.1" % (motor, points - 1)
        macro_id = "macro-%d-%d" % (os.getpid(), serial)
        counters = ["tango://127.0.0.1:10100/expchan/ct01/1", "tango://127.0.0.1:10100/expchan/eiger_tr_ctrl/1"]
        column_desc = [{"name": "point_nb", "label": "#Pt No", "dtype": "int64", "shape": []},
                       {"name": motor, "label": motor, "dtype": "float64", "shape": [], "instrument": "",
                        "source": "tango://127.0.0.1:10100/motor/motctrl01/1/position"}]
        column_desc += [{"name": c, "label": "ct%02d" % (i + 1), "dtype": "float64", "shape": [], "source": c + "/value",
                         "data_units": "No unit", "instrument": ""} for i, c in enumerate(counters)]
        column_desc.append({"name": "timestamp", "label": "dt", "dtype": "float64", "shape": []})
        self._push("data_desc", {
            "title": title, "serialno": serial, "starttime": time.ctime(),
            "scanfile": opts.get("scanfile", ["scan_%05d.h5" % serial]), "scandir": opts.get("scandir", "/data/sardana/raw"),
            "ref_moveables": [motor], "counters": counters, "estimatedtime": points * 0.1,
            "total_scan_intervals": points - 1, "column_desc": column_desc}, macro_id)
        ends = [k for k in ("stop_after", "abort_after", "fail_after", "no_end") if k in opts]
        recorded = int(opts[ends[0]]) if ends else points
        self._status_push(macro_id, "start", 0.0)
        for i in range(recorded):
            record = {"point_nb": i, motor: i / max(1, points - 1), "timestamp": i * 0.1}
            record.update({c: random.random() for c in counters})
            self._push("record_data", record, macro_id)
            self._status_push(macro_id, "step", 100.0 * (i + 1) / points)
        if "no_end" in opts:
            return serial
        self._push("record_end", {"endtime": time.ctime(), "deadtime": 0.05}, macro_id)
        if not ends:
            self._status_push(macro_id, "finish", 100.0)
        elif ends[0] == "fail_after":
            error = opts.get("error", "Exception: the detector did not answer")
            self._status_push(macro_id, "exception", 100.0 * recorded / points, exc_type="Exception",
                              exc_value=error, exc_stack=["Traceback (most recent call last):", error])
        else:
            self._status_push(macro_id, "stop" if ends[0] == "stop_after" else "abort", 100.0 * recorded / points)
        return serial


CLASSES = {c.__name__: c for c in (TemperatureSensor, Sample, Eiger, Chiller, Motor, BenchSensor, Door)}

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in CLASSES:
        sys.exit("usage: beamline_devices.py {%s} INSTANCE [tango options]" % "|".join(CLASSES))
    cls = CLASSES[sys.argv[1]]
    run((cls,), args=[cls.__name__] + sys.argv[2:])
