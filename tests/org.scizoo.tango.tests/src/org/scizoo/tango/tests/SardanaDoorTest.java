package org.scizoo.tango.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scizoo.core.model.Dataset;
import org.scizoo.core.model.Scan;
import org.scizoo.core.ports.BackendSettings;
import org.scizoo.config.core.RowCheck;
import org.scizoo.config.core.RowValidator;
import org.scizoo.core.model.MetadataEntry;
import org.scizoo.core.model.MetadataEntry.When;
import org.scizoo.core.ports.CatalogException;
import org.scizoo.core.ports.CatalogService;
import org.scizoo.core.ports.DeviceDirectory;
import org.scizoo.core.ports.DeviceReader;
import org.scizoo.core.ports.IngestOptions;
import org.scizoo.core.ports.ScanEventSource;
import org.scizoo.core.ports.ScanEventSourceFactory;
import org.scizoo.core.ports.ScanListener;
import org.scizoo.tests.support.OsgiServices;

/**
 * SciFish against a Tango database and a Door pushing RecordData change events in Sardana's JsonRecorder
 * format: scans start and end, malformed packets are reported and skipped, and the datasets reach the
 * catalogue.
 */
class SardanaDoorTest {

    private static TangoPeers peers;
    private static String door;

    @TempDir
    Path data;

    @BeforeAll
    static void startTangoDatabaseAndDoor() throws Exception {
        peers = new TangoPeers(Files.createDirectories(Path.of("target", "peers-sardana")));
        peers.startDatabase();
        door = peers.startDoor("test/door/1");
    }

    @AfterAll
    static void stopPeers() {
        if (peers != null) {
            peers.close();
        }
    }

    static final class Recorder implements ScanListener {
        final List<Scan> started = new CopyOnWriteArrayList<>();
        final List<Scan> ended = new CopyOnWriteArrayList<>();
        final List<String> problems = new CopyOnWriteArrayList<>();
        final List<String> downs = new CopyOnWriteArrayList<>();
        final List<String> ups = new CopyOnWriteArrayList<>();

        @Override
        public void scanStarted(Scan scan) {
            started.add(scan);
        }

        @Override
        public void scanEnded(Scan scan) {
            ended.add(scan);
        }

        @Override
        public void sourceProblem(String source, String message, Throwable cause) {
            problems.add(message);
        }

        @Override
        public void sourceDown(String source, String message, Throwable cause) {
            downs.add(message);
        }

        @Override
        public void sourceUp(String source, String message) {
            ups.add(message);
        }
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    @Test
    void scansOfTheDoorBecomeStartAndEndEventsAndMalformedPacketsAreSkipped() throws Exception {
        ScanEventSourceFactory sardana = OsgiServices.get(ScanEventSourceFactory.class,
                f -> f.kind().equals("sardana"));
        Recorder rec = new Recorder();
        try (ScanEventSource source = sardana.create(Map.of("door", door, "instrument", "cosaxs"))) {
            source.start(rec);
            TimeUnit.MILLISECONDS.sleep(1000); // the subscription's first event: "No macro has run so far"
            assertTrue(rec.problems.isEmpty(), "the Door's initial error event is expected, not a problem: "
                    + rec.problems);

            String serial = peers.command(door, "RunScan", "{\"points\": 5, \"serialno\": 4711}");
            assertEquals("4711", serial);
            waitFor(() -> rec.ended.size() == 1, "the end of scan 4711");
            Scan start = rec.started.get(0);
            assertEquals(4711, start.scanId());
            assertEquals("cosaxs", start.instrument());
            assertEquals("ascan mot01 0.0 1.0 4 0.1", start.command());
            assertEquals(List.of("ct01", "ct02"), start.detectors(), "counters by their labels");
            assertEquals("/data/sardana/raw", start.dataFolder());
            assertEquals("scan_04711.h5", start.dataFile());
            Scan end = rec.ended.get(0);
            assertEquals(5L, end.metadata().get("points").value());
            assertTrue(!end.endTime().isBefore(end.startTime()));

            peers.command(door, "PushRaw", "{this is not json");
            peers.command(door, "PushRaw", "{\"type\": \"data_desc\", \"data\": {}, \"macro_id\": \"x\"}");
            waitFor(() -> rec.problems.size() == 2, "two malformed packets reported");
            assertTrue(rec.problems.get(0).contains("not JSON"), rec.problems.toString());
            assertTrue(rec.problems.get(1).contains("serialno"), rec.problems.toString());

            peers.command(door, "RunScan", "{\"points\": 2, \"serialno\": 4712}");
            waitFor(() -> rec.ended.size() == 2, "the next scan after the malformed packets");
            assertEquals(4712, rec.ended.get(1).scanId());
        }
    }

    /**
     * Sardana sends a record_end however a scan ends; the Door's MacroStatus says how. Each outcome is kept
     * with the points planned and recorded, and what else the first packet says.
     */
    @Test
    void aScansOutcomeIsRecordedFromTheDoorsMacroStatus() throws Exception {
        ScanEventSourceFactory sardana = OsgiServices.get(ScanEventSourceFactory.class,
                f -> f.kind().equals("sardana"));
        Recorder rec = new Recorder();
        try (ScanEventSource source = sardana.create(Map.of("door", door, "instrument", "cosaxs"))) {
            source.start(rec);
            TimeUnit.MILLISECONDS.sleep(1000); // the subscriptions' first events
            peers.command(door, "RunScan", "{\"points\": 5, \"serialno\": 5001}");
            peers.command(door, "RunScan", "{\"points\": 21, \"serialno\": 5002, \"abort_after\": 2}");
            peers.command(door, "RunScan", "{\"points\": 10, \"serialno\": 5003, \"fail_after\": 3,"
                    + " \"error\": \"Exception: eiger01 did not answer within 3 s\"}");
            peers.command(door, "RunScan", "{\"points\": 6, \"serialno\": 5004, \"stop_after\": 4}");
            peers.command(door, "RunScan", "{\"points\": 10, \"serialno\": 5005, \"no_end\": 4}");
            peers.command(door, "RunScan", "{\"points\": 2, \"serialno\": 5006}");
            waitFor(() -> rec.ended.size() == 6, "six scans ended; ended " + rec.ended.size());
            assertTrue(rec.problems.isEmpty(), rec.problems.toString());
            Map<Long, Scan> ended = new java.util.HashMap<>();
            rec.ended.forEach(scan -> ended.put(scan.scanId(), scan));

            Scan done = ended.get(5001L);
            assertEquals("finished", value(done, "outcome"));
            assertEquals(5L, value(done, "planned_points"));
            assertEquals(5L, value(done, "points"));
            assertEquals(0.5, (Double) value(done, "estimated_time"), 1e-9);
            assertEquals("s", done.metadata().get("estimated_time").unit());
            assertEquals(0.1, (Double) value(done, "integration_time"), 1e-9, "from 'ascan mot01 0.0 1.0 4 0.1'");
            assertEquals(List.of("scan_05001.h5"), value(done, "scan_file"));
            assertEquals("/data/sardana/raw", value(done, "scan_dir"));
            assertEquals(null, done.metadata().get("error"));

            Scan aborted = ended.get(5002L);
            assertEquals("aborted", value(aborted, "outcome"));
            assertEquals(21L, value(aborted, "planned_points"));
            assertEquals(2L, value(aborted, "points"));

            Scan failed = ended.get(5003L);
            assertEquals("failed", value(failed, "outcome"));
            assertEquals(3L, value(failed, "points"));
            assertEquals(10L, value(failed, "planned_points"));
            assertEquals("Exception: eiger01 did not answer within 3 s", value(failed, "error"));

            assertEquals("stopped", value(ended.get(5004L), "outcome"));
            assertEquals(4L, value(ended.get(5004L), "points"));

            Scan quiet = ended.get(5005L);
            assertEquals("ended without record_end", value(quiet, "outcome"));
            assertEquals(4L, value(quiet, "points"));
            assertTrue(String.valueOf(value(quiet, "error")).startsWith("another scan (macro "),
                    quiet.metadata().toString());
            assertEquals("finished", value(ended.get(5006L), "outcome"));
        }
    }

    private static Object value(Scan scan, String key) {
        return scan.metadata().get(key) == null ? null : scan.metadata().get(key).value();
    }

    /**
     * A Door writes its start time as a ctime string, local and without a zone. The Door here runs on this
     * machine, in this JVM's zone: read as another zone's local time (Tokyo's, or Lisbon's on a machine in
     * Tokyo's offset), the scan starts earlier or later by the difference between the two zones' offsets, as
     * it would for a Door in that zone.
     */
    @Test
    void theDoorsLocalTimesAreReadInTheZoneGiven() throws Exception {
        ScanEventSourceFactory sardana = OsgiServices.get(ScanEventSourceFactory.class,
                f -> f.kind().equals("sardana"));
        Recorder rec = new Recorder();
        ZoneId here = ZoneId.systemDefault();
        ZoneId there = ZoneId.of("Asia/Tokyo");
        if (here.getRules().getOffset(Instant.now()).equals(there.getRules().getOffset(Instant.now()))) {
            there = ZoneId.of("Europe/Lisbon");
        }
        try (ScanEventSource source = sardana.create(Map.of("door", door, "zone", there.getId()))) {
            source.start(rec);
            TimeUnit.MILLISECONDS.sleep(1000); // the subscription's first event: "No macro has run so far"
            Instant before = Instant.now();
            peers.command(door, "RunScan", "{\"points\": 2, \"serialno\": 4801}");
            waitFor(() -> rec.started.size() == 1, "the start of scan 4801");
            Instant after = Instant.now();
            Duration shift = Duration.ofSeconds(here.getRules().getOffset(before).getTotalSeconds()
                    - there.getRules().getOffset(before).getTotalSeconds());
            Instant start = rec.started.get(0).startTime();
            // ctime has whole seconds: the Door's clock read between before (rounded down) and after
            assertTrue(!start.isBefore(before.plus(shift).minusSeconds(1)) && !start.isAfter(after.plus(shift)),
                    "start " + start + " is the Door's local time read in " + there + ": between " + before.plus(shift)
                            + " and " + after.plus(shift));
        }
    }

    @Test
    void sciFishReconnectsWhenTheDoorAndTheDatabaseRestart() throws Exception {
        ScanEventSourceFactory sardana = OsgiServices.get(ScanEventSourceFactory.class,
                f -> f.kind().equals("sardana"));
        Recorder rec = new Recorder();
        try (ScanEventSource source = sardana.create(Map.of("door", door))) {
            source.start(rec);
            TimeUnit.MILLISECONDS.sleep(1000);
            peers.command(door, "RunScan", "{\"points\": 2, \"serialno\": 1}");
            waitFor(() -> rec.ended.size() == 1, "a scan before the restarts");

            peers.kill("Door");
            waitFor(() -> !rec.downs.isEmpty(), "the lost Door reported as down");
            peers.restart("Door");
            awaitScanAfterRestart(rec, 2, 2);
            assertTrue(rec.problems.stream().noneMatch(p -> p.contains("unreadable")),
                    "the restarted Door's 'No macro has run so far' is harmless: " + rec.problems);
            assertEquals(1, rec.downs.size(), "down once, however many error events JTango sent: " + rec.downs);
            assertEquals(List.of("RecordData events arrive again"), rec.ups);

            peers.kill("DataBaseds");
            peers.restart("DataBaseds");
            awaitScanAfterRestart(rec, 3, 3);
        }
    }

    /**
     * A Door name that is no device name is refused at once, saying what a name looks like (JTango would have
     * looked it up in a database and answered with a CORBA error); a Tango database that is not there is
     * reported on one line (JTango's description has the CORBA exception on a line of its own, which broke
     * the status line in two).
     */
    @Test
    void aWrongDoorNameIsRefusedAndAMissingDatabaseSaidOnOneLine() throws Exception {
        ScanEventSourceFactory sardana = OsgiServices.get(ScanEventSourceFactory.class,
                f -> f.kind().equals("sardana"));
        for (String wrong : List.of("not a device", "cosaxs/door", "tango://host:10000/a/b", "a/b/c/d")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sardana.create(Map.of("door", wrong)));
            assertTrue(
                    e.getMessage()
                            .startsWith("'" + wrong + "' is not a Tango device name: a Door is domain/family/member"),
                    e.getMessage());
        }
        Recorder rec = new Recorder();
        try (ScanEventSource source = sardana.create(Map.of("door", "tango://127.0.0.1:9/test/door/1"))) {
            source.start(rec);
            waitFor(() -> !rec.downs.isEmpty(), "the Door without a database reported as down");
            String down = rec.downs.get(0);
            assertTrue(down.startsWith("cannot subscribe to RecordData: ") && down.endsWith("(trying again every 5 s)")
                    && !down.contains("\n"), down);
        }
    }

    @Test
    void aDoorNotThereAtStartIsSubscribedToOnceItIs() throws Exception {
        ScanEventSourceFactory sardana = OsgiServices.get(ScanEventSourceFactory.class,
                f -> f.kind().equals("sardana"));
        Recorder rec = new Recorder();
        String host = door.substring("tango://".length(), door.indexOf('/', "tango://".length()));
        // its own server instance and domain, removed before and after: the database outlives a run, and
        // the device browser test counts the test/door/* devices
        peers.deleteDoorServer("late");
        String late = "tango://" + host + "/late/door/1";
        try (ScanEventSource source = sardana.create(Map.of("door", late))) {
            source.start(rec);
            waitFor(() -> !rec.downs.isEmpty(), "the undefined Door reported as down");
            assertTrue(rec.downs.get(0).startsWith("cannot subscribe to RecordData") && rec.downs.get(0)
                    .contains("trying again every 5 s"), rec.downs.toString());

            assertEquals(late, peers.startDoor("late/door/1", "late"));
            waitFor(() -> rec.ups.contains("subscribed to RecordData"), "the subscription after the retries");
            assertEquals(1, rec.downs.size(), "down once, however many retries: " + rec.downs);
            assertEquals(1, rec.ups.size(), "and up once: " + rec.ups);
            assertTrue(rec.problems.isEmpty(), rec.problems.toString());
            TimeUnit.MILLISECONDS.sleep(1000);
            peers.command(late, "RunScan", "{\"points\": 2, \"serialno\": 99}");
            waitFor(() -> rec.ended.size() == 1, "a scan of the Door that came late");
            assertEquals(99, rec.ended.get(0).scanId());
        } finally {
            peers.kill("Door-late");
            peers.deleteDoorServer("late");
        }
    }

    /** Runs scans until one arrives: the subscription comes back on its own, after JTango's keep-alive. */
    private static void awaitScanAfterRestart(Recorder rec, int serial, int expectedEnded) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (rec.ended.size() < expectedEnded) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no scan arrived within 60 s of the restart; problems: " + rec.problems);
            }
            peers.command(door, "RunScan", "{\"points\": 2, \"serialno\": " + serial + "}");
            TimeUnit.SECONDS.sleep(2);
        }
        assertEquals(serial, rec.ended.get(expectedEnded - 1).scanId());
    }

    @Test
    void theDeviceBrowserWalksTheTangoDatabaseAndRowsAreCheckedAgainstTheDevices() throws Exception {
        String host = door.substring("tango://".length(), door.indexOf('/', "tango://".length()));
        // the simulated beamline's directory is installed too: take the one that serves Tango hosts
        DeviceDirectory directory = OsgiServices.get(DeviceDirectory.class, d -> d.serves(host));
        assertTrue(directory.domains(host).contains("test"), directory.domains(host).toString());
        assertTrue(directory.families(host, "test").contains("door"));
        assertEquals(List.of("1"), directory.members(host, "test", "door"));
        String device = directory.deviceName(host, "test", "door", "1");
        assertTrue(directory.attributes(device).contains("RecordData"), directory.attributes(device).toString());
        CatalogException unreachable = org.junit.jupiter.api.Assertions.assertThrows(CatalogException.class,
                () -> directory.domains("127.0.0.1:1"));
        assertTrue(unreachable.getMessage().startsWith("127.0.0.1:1"), unreachable.getMessage());

        List<RowCheck> checks = new RowValidator(OsgiServices.get(DeviceReader.class, r -> r.reads(door)),
                Duration.ofSeconds(2)).check(
                        List.of(
                                new MetadataEntry("door", "state", device, "State", null, When.END, false),
                                new MetadataEntry("door", "typo", device, "Recorddataa", null, When.END, true),
                                new MetadataEntry("new", "new entry", "", "", null, When.END, true)));
        assertTrue(checks.get(0).ok(), "disabled rows are checked too: " + checks.get(0));
        assertEquals("ON", checks.get(0).liveValue(), "live value preview");
        assertTrue(!checks.get(1).ok() && checks.get(1).problem().toLowerCase().contains("recorddataa"),
                checks.get(1).toString());
        assertEquals("give a device and an attribute", checks.get(2).problem());
    }

    @Test
    void doorScansReachTheCatalogue() throws Exception {
        CatalogService catalog = OsgiServices.get(CatalogService.class);
        List<Dataset> stored = new CopyOnWriteArrayList<>();
        try (AutoCloseable l = catalog.onDatasets(stored::addAll)) {
            catalog.start(BackendSettings.embedded(data), new IngestOptions(List.of(new IngestOptions.SourceSpec(
                    "sardana", Map.of("door", door, "instrument", "cosaxs", "proposal", "20250042")))));
            TimeUnit.MILLISECONDS.sleep(1000);
            peers.command(door, "RunScan", "{\"points\": 3, \"serialno\": 815}");
            waitFor(() -> !stored.isEmpty(), "the dataset of scan 815");
            Dataset d = stored.get(0);
            assertEquals("815", d.runNumber());
            assertEquals("ascan mot01 0.0 1.0 2 0.1", d.description());
            assertEquals(List.of("cosaxs"), d.instrumentIds());
            assertEquals(List.of("20250042"), d.proposalIds());
            assertEquals("/data/sardana/raw", d.sourceFolder());
            assertEquals(d, catalog.store().findDataset(d.pid()).orElseThrow());
        } finally {
            catalog.stop();
        }
    }
}
