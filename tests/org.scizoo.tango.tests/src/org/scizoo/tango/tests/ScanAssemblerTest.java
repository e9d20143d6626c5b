package org.scizoo.tango.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.scizoo.core.model.Scan;
import org.scizoo.source.sardana.MacroStatusPacket;
import org.scizoo.source.sardana.RecordDataPacket;
import org.scizoo.source.sardana.internal.ScanAssembler;

/**
 * The orders a scan's end can arrive in, with the time given: a Door's final macro status may come before
 * or after the record_end (two attributes), or without it; one without the other is ended after the wait.
 */
class ScanAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final SardanaDoorTest.Recorder rec = new SardanaDoorTest.Recorder();
    private final ScanAssembler assembler = new ScanAssembler("cosaxs", null, "test/door/1");

    private static RecordDataPacket packet(String json) {
        return RecordDataPacket.parse("utf8_json", json.getBytes(StandardCharsets.UTF_8), ZoneOffset.UTC);
    }

    private static MacroStatusPacket status(String id, String state, String extra) {
        return MacroStatusPacket.parse("json", ("[{\"id\": \"" + id + "\", \"state\": \"" + state + "\", \"step\": 10.0"
                + extra + "}]").getBytes(StandardCharsets.UTF_8));
    }

    private void start(String id, int intervals, int points) {
        assembler.accept(packet("{\"type\": \"data_desc\", \"macro_id\": \"" + id + "\", \"data\": {\"serialno\": 7,"
                + " \"title\": \"a2scan m1 0 1 m2 0 1 " + intervals + " 0.25\", \"total_scan_intervals\": " + intervals
                + ", \"starttime\": \"Thu Dec  3 09:59:00 2026\"}}"), rec, T0);
        for (int i = 0; i < points; i++) {
            assembler
                    .accept(packet("{\"type\": \"record_data\", \"macro_id\": \"" + id + "\", \"data\": {\"point_nb\": "
                            + i + "}}"), rec, T0);
        }
    }

    private void recordEnd(String id, Instant at) {
        assembler.accept(packet("{\"type\": \"record_end\", \"macro_id\": \"" + id + "\", \"data\": {\"endtime\":"
                + " \"Thu Dec  3 10:00:00 2026\"}}"), rec, at);
    }

    private Object value(int ended, String key) {
        Scan scan = rec.ended.get(ended);
        return scan.metadata().get(key) == null ? null : scan.metadata().get(key).value();
    }

    @Test
    void theStatusBeforeOrAfterTheRecordEndEndsTheScanAtOnce() {
        assembler.followingStatus(true);
        start("a", 20, 2);
        assertEquals(0.25, (Double) rec.started.get(0).metadata().get("integration_time").value(), 1e-9,
                "the last parameter of a2scan");
        assertEquals(21L, rec.started.get(0).metadata().get("planned_points").value());
        recordEnd("a", T0);
        assertTrue(rec.ended.isEmpty(), "the record_end waits for the macro's status");
        assembler.accept(status("a", "abort", ""), rec, T0.plusMillis(20));
        assertEquals("aborted", value(0, "outcome"));
        assertEquals(2L, value(0, "points"));
        assertEquals(Instant.parse("2026-12-03T10:00:00Z"), rec.ended.get(0).endTime(), "the record_end's time");

        start("b", 9, 3);
        assembler.accept(status("b", "step", ""), rec, T0);
        assembler.accept(
                status("b", "exception", ", \"exc_type\": \"Exception\", \"exc_value\": \"ValueError:\\n bad\""),
                rec, T0);
        assertEquals(1, rec.ended.size(), "a final status waits for the record_end");
        recordEnd("b", T0);
        assertEquals("failed", value(1, "outcome"));
        assertEquals("ValueError: bad", value(1, "error"), "on one line");
    }

    @Test
    void oneHalfWithoutTheOtherEndsTheScanAfterTheWait() {
        assembler.followingStatus(true);
        start("a", 4, 3);
        recordEnd("a", T0);
        assembler.tick(rec, T0.plus(ScanAssembler.WAIT).minusMillis(1));
        assertTrue(rec.ended.isEmpty());
        assembler.tick(rec, T0.plus(ScanAssembler.WAIT));
        assertEquals("unknown (the Door gave no macro status)", value(0, "outcome"), "3 of 5 points, no status");

        start("b", 10, 4);
        assembler.accept(status("b", "abort", ""), rec, T0.plusSeconds(1));
        assembler.tick(rec, T0.plusSeconds(1).plus(ScanAssembler.WAIT));
        assertEquals("ended without record_end", value(1, "outcome"));
        assertEquals("the macro ended (Sardana: 'abort') without a record_end", value(1, "error"));
        assertEquals(T0.plusSeconds(1), rec.ended.get(1).endTime(), "when the Door said it ended");
        assertEquals(4L, value(1, "points"));
    }

    @Test
    void withoutMacroStatusTheOutcomeIsJudgedByThePoints() {
        assembler.followingStatus(false);
        start("a", 4, 5);
        recordEnd("a", T0);
        assertEquals("finished", value(0, "outcome"), "every planned point recorded");
        start("b", 9, 3);
        recordEnd("b", T0);
        assertEquals("unknown (the Door gave no macro status)", value(1, "outcome"));
        assertNull(rec.ended.get(1).metadata().get("error"));
    }

    @Test
    void aLostDoorEndsTheScanItWasRunning() {
        assembler.followingStatus(true);
        start("a", 9, 6);
        assembler.doorLost("connection to test/door/1 lost", rec, T0.plusSeconds(5));
        assertEquals("ended without record_end", value(0, "outcome"));
        assertEquals("the Door was lost: connection to test/door/1 lost", value(0, "error"));
        assertEquals(T0.plusSeconds(5), rec.ended.get(0).endTime());
        recordEnd("a", T0.plusSeconds(6));
        assertEquals(1, rec.ended.size(), "a record_end after that ends nothing twice");
        assertEquals(1, rec.problems.size(), rec.problems.toString());
    }
}
